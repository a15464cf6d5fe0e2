/**
 * @file indicator.h
 * @brief An indicator (指標): what it measures, its place in the logic
 *        model, its baseline and targets, and its target, actual, forecast
 *        and stated achievement per fiscal year.
 *
 * Indicators are created by hyoka_project_add_indicator() and owned by
 * their project. Every value may be missing, which is distinct from 0.
 * Texts follow the rules of project.h (UTF-8, copied, NULL = missing).
 */
#ifndef HYOKA_INDICATOR_H
#define HYOKA_INDICATOR_H

#include "common.h"
#include "types.h"
#include "decimal.h"

HYOKA_BEGIN_DECLS

/** Text fields of an indicator. */
typedef enum hyoka_indicator_field {
    HYOKA_INDICATOR_NAME = 0,                /**< "name": 指標名. */
    HYOKA_INDICATOR_UNIT = 1,                /**< "unit": 単位 ("%", "人", "件"). */
    HYOKA_INDICATOR_DEFINITION = 2,          /**< "definition": 計算方法・定義. */
    HYOKA_INDICATOR_NOT_SETTABLE_REASON = 3, /**< "not_settable_reason": why no target can be set. */
    HYOKA_INDICATOR_LONG_TERM_NOTE = 4,      /**< "long_term_target.note": a long-term target given in words (未定, 年60~120人程度). */
    HYOKA_INDICATOR_GOAL = 5,                /**< "goal": what the activity, output or outcome is to achieve (アクティビティの内容, 活動目標, 成果目標). */
    HYOKA_INDICATOR_SOURCE = 6,              /**< "source": the statistics or data the values come from (出典). */
    HYOKA_INDICATOR_QUALITATIVE_REASON = 7,  /**< "qualitative_reason": why the goal is qualitative (定性的なアウトカム目標を設定している理由). */
    HYOKA_INDICATOR_QUALITATIVE_RESULT = 8,  /**< "qualitative_result": the result of a qualitative goal (定性的なアウトカムに関する成果実績). */
    HYOKA_INDICATOR_KPI_NAME = 9,            /**< "kpi_name": the cabinet decision or plan that sets a related KPI (閣議決定等の名称). */
    HYOKA_INDICATOR_KPI_SECTION = 10,        /**< "kpi_section": where in it (該当箇所). */
    HYOKA_INDICATOR_KPI_URL = 11             /**< "kpi_url": its URL. */
} hyoka_indicator_field;

/** The values an indicator holds for one fiscal year. */
typedef enum hyoka_value_field {
    HYOKA_VALUE_TARGET = 0,            /**< "target": 目標値. */
    HYOKA_VALUE_ACTUAL = 1,            /**< "actual": 実績値. */
    HYOKA_VALUE_FORECAST = 2,          /**< "forecast": 見込値. */
    HYOKA_VALUE_STATED_ACHIEVEMENT = 3 /**< "stated_achievement": 達成率 as printed, checked by validation (I003). */
} hyoka_value_field;

/** The kind (::hyoka_kind) or ::HYOKA_UNSET. */
HYOKA_API int hyoka_indicator_kind(const hyoka_indicator *indicator);

/** Set the kind, a ::hyoka_kind; ::HYOKA_UNSET clears it. @return ::HYOKA_OK or ::HYOKA_EINVAL. */
HYOKA_API int hyoka_indicator_set_kind(hyoka_indicator *indicator, int kind);

/**
 * Set a text field (::hyoka_indicator_field); NULL @p text makes it missing.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_EENCODING, ::HYOKA_ELIMIT, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_indicator_set_text(hyoka_indicator *indicator, int field, const char *text, size_t len);

/** A text field (@p field, a ::hyoka_indicator_field), borrowed; NULL when missing. */
HYOKA_API const char *hyoka_indicator_text(const hyoka_indicator *indicator, int field);

/** The direction (::hyoka_direction) or ::HYOKA_UNSET. */
HYOKA_API int hyoka_indicator_direction(const hyoka_indicator *indicator);

/** Set the direction, a ::hyoka_direction; ::HYOKA_UNSET clears it. @return ::HYOKA_OK or ::HYOKA_EINVAL. */
HYOKA_API int hyoka_indicator_set_direction(hyoka_indicator *indicator, int direction);

/** 1 when the indicator is marked not settable (設定困難), else 0. */
HYOKA_API int hyoka_indicator_not_settable(const hyoka_indicator *indicator);

/** Mark the indicator not settable (nonzero) or settable (0). @return ::HYOKA_OK or ::HYOKA_EINVAL. */
HYOKA_API int hyoka_indicator_set_not_settable(hyoka_indicator *indicator, int not_settable);

/**
 * Set the long-term target (将来目標).
 * @param value       the target; NULL makes it missing.
 * @param fiscal_year the year it is meant for (1868..9999), or 0 when not given.
 * @param indicator the indicator.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ERANGE.
 */
HYOKA_API int hyoka_indicator_set_long_term(hyoka_indicator *indicator, const hyoka_decimal *value,
                                            int32_t fiscal_year);

/**
 * Read the long-term target. Outputs may be NULL; @p fiscal_year gets 0
 * when no year was given.
 * @return 1 when a value is present, 0 when missing, ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_indicator_long_term(const hyoka_indicator *indicator, hyoka_decimal *value,
                                        int32_t *fiscal_year);

/**
 * Set the baseline (基準値) and the fiscal year it was measured in.
 * @param value       the baseline; NULL makes it missing.
 * @param fiscal_year its fiscal year (1868..9999), or 0 when not given.
 * @param indicator the indicator.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ERANGE.
 */
HYOKA_API int hyoka_indicator_set_baseline(hyoka_indicator *indicator, const hyoka_decimal *value,
                                           int32_t fiscal_year);

/**
 * Read the baseline. Outputs may be NULL; @p fiscal_year gets 0 when no
 * year was given.
 * @return 1 when a value is present, 0 when missing, ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_indicator_baseline(const hyoka_indicator *indicator, hyoka_decimal *value,
                                       int32_t *fiscal_year);

/** The fiscal year the target is meant to be reached in (目標年度), 0 when missing. */
HYOKA_API int32_t hyoka_indicator_target_year(const hyoka_indicator *indicator);

/** Set the target fiscal year (1868..9999, 0 clears). @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ERANGE. */
HYOKA_API int hyoka_indicator_set_target_year(hyoka_indicator *indicator, int32_t fiscal_year);

/**
 * Read the indicator's number in its sheet's logic model (アクティビティ・
 * アウトプット・アウトカムの番号: numbered per kind).
 * @param out receives the number when present; may be NULL.
 * @param indicator the indicator.
 * @return 1 when present, 0 when missing, ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_indicator_number(const hyoka_indicator *indicator, int64_t *out);

/** Set the number (≥ 0), or ::HYOKA_UNSET to make it missing. @return ::HYOKA_OK or ::HYOKA_EINVAL. */
HYOKA_API int hyoka_indicator_set_number(hyoka_indicator *indicator, int64_t number);

/** The term (::hyoka_term) of an outcome, or ::HYOKA_UNSET. */
HYOKA_API int hyoka_indicator_term(const hyoka_indicator *indicator);

/** Set the term, a ::hyoka_term; ::HYOKA_UNSET clears it. @return ::HYOKA_OK or ::HYOKA_EINVAL. */
HYOKA_API int hyoka_indicator_set_term(hyoka_indicator *indicator, int term);

/** Whether the goal is quantitative or qualitative (::hyoka_measurement), or ::HYOKA_UNSET. */
HYOKA_API int hyoka_indicator_measurement(const hyoka_indicator *indicator);

/** Set the measurement, a ::hyoka_measurement; ::HYOKA_UNSET clears it. @return ::HYOKA_OK or ::HYOKA_EINVAL. */
HYOKA_API int hyoka_indicator_set_measurement(hyoka_indicator *indicator, int measurement);

/**
 * Make sure the indicator has an entry for @p fiscal_year (all values
 * missing if new). Entries keep the order in which they were first made.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ERANGE, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_indicator_add_year(hyoka_indicator *indicator, int32_t fiscal_year);

/** Number of fiscal-year entries. */
HYOKA_API size_t hyoka_indicator_year_count(const hyoka_indicator *indicator);

/** The fiscal year of the entry at @p index; 0 when out of range. */
HYOKA_API int32_t hyoka_indicator_year_at(const hyoka_indicator *indicator, size_t index);

/** Remove the entry of @p fiscal_year with its values. @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND. */
HYOKA_API int hyoka_indicator_remove_year(hyoka_indicator *indicator, int32_t fiscal_year);

/**
 * Set one value of one fiscal year, creating the year's entry if needed.
 * @param field a ::hyoka_value_field.
 * @param value the value (copied); NULL makes it missing.
 * @param indicator the indicator.
 * @param fiscal_year the fiscal year (1868..9999).
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ERANGE (year), ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_indicator_set_value(hyoka_indicator *indicator, int32_t fiscal_year, int field,
                                        const hyoka_decimal *value);

/**
 * Read one value of one fiscal year.
 * @param out receives the value when present; may be NULL.
 * @param indicator the indicator.
 * @param fiscal_year the fiscal year (1868..9999).
 * @param field a ::hyoka_value_field.
 * @return 1 when present, 0 when missing (or no entry for the year), ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_indicator_value(const hyoka_indicator *indicator, int32_t fiscal_year, int field,
                                    hyoka_decimal *out);

HYOKA_END_DECLS

#endif /* HYOKA_INDICATOR_H */
