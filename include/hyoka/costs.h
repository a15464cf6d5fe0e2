/**
 * @file costs.h
 * @brief One fiscal year of a project's costs (`hyoka_costs`) and its staff
 *        lines (`hyoka_staff`).
 *
 * A cost year is created by hyoka_project_add_year() and owned by its
 * project; a staff line is created by hyoka_costs_add_staff() and owned by
 * its cost year. Both are returned borrowed and freed with their parent.
 *
 * Every amount and count may be missing, which is not the same as 0: the
 * getters return 1 when the value is present and 0 when it is missing.
 * Setters validate their input and leave the object unchanged on failure.
 */
#ifndef HYOKA_COSTS_H
#define HYOKA_COSTS_H

#include "common.h"
#include "types.h"
#include "decimal.h"

HYOKA_BEGIN_DECLS

/**
 * The amounts (yen) and counts of a cost year. Money fields accept any
 * int64_t value (a negative amount is reported by validation, code C002);
 * count fields refuse negative values.
 */
typedef enum hyoka_cost_field {
    HYOKA_COST_INITIAL_BUDGET = 0, /**< "initial_budget": 当初予算 (yen). */
    HYOKA_COST_FINAL_BUDGET = 1,   /**< "final_budget": 最終予算 (yen). */
    HYOKA_COST_SETTLEMENT = 2,     /**< "settlement": 決算額 (yen). */
    HYOKA_COST_NATIONAL = 3,       /**< "national": 国庫支出金 (yen). */
    HYOKA_COST_PREFECTURAL = 4,    /**< "prefectural": 都道府県支出金 (yen). */
    HYOKA_COST_BONDS = 5,          /**< "bonds": 地方債 (yen). */
    HYOKA_COST_USER_CHARGES = 6,   /**< "user_charges": 使用料・受益者負担金 (yen). */
    HYOKA_COST_OTHER = 7,          /**< "other": その他特定財源 (yen). */
    HYOKA_COST_GENERAL = 8,        /**< "general": 一般財源 (yen). */
    HYOKA_COST_DEBT_SERVICE = 9,   /**< "debt_service": 公債費 (yen). */
    HYOKA_COST_INDIRECT = 10,      /**< "indirect_costs": 間接費 (yen). */
    HYOKA_COST_USAGE = 11,         /**< "usage": 利用数 (count). */
    HYOKA_COST_BENEFICIARIES = 12, /**< "beneficiaries": 受益者数 (count). */
    HYOKA_COST_POPULATION = 13,    /**< "population": overrides the portfolio's population for this year (count). */
    HYOKA_COST_HOUSEHOLDS = 14     /**< "households": overrides the portfolio's households for this year (count). */
} hyoka_cost_field;

/** Fields of a staff line. HEADCOUNT, FTE and HOURS are decimals; the others are yen. */
typedef enum hyoka_staff_field {
    HYOKA_STAFF_HEADCOUNT = 0,   /**< "headcount": 従事人数 (decimal, persons). */
    HYOKA_STAFF_FTE = 1,         /**< "fte": 人工, full-time equivalents (decimal). */
    HYOKA_STAFF_HOURS = 2,       /**< "hours": 延べ業務時間 (decimal). */
    HYOKA_STAFF_UNIT_COST = 3,   /**< "unit_cost": yearly cost of one FTE (yen). */
    HYOKA_STAFF_HOURLY_RATE = 4, /**< "hourly_rate": cost of one hour (yen). */
    HYOKA_STAFF_AMOUNT = 5       /**< "amount": the amount stated on the sheet (yen). */
} hyoka_staff_field;

/** The fiscal year of @p costs (0 for NULL). */
HYOKA_API int32_t hyoka_costs_fiscal_year(const hyoka_costs *costs);

/**
 * Change the fiscal year of @p costs.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (NULL), ::HYOKA_ERANGE (outside 1868..9999).
 */
HYOKA_API int hyoka_costs_set_fiscal_year(hyoka_costs *costs, int32_t fiscal_year);

/** The phase (::hyoka_phase), or ::HYOKA_UNSET. */
HYOKA_API int hyoka_costs_phase(const hyoka_costs *costs);

/**
 * Set the phase. @p phase is a ::hyoka_phase or ::HYOKA_UNSET to clear it.
 * @return ::HYOKA_OK or ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_costs_set_phase(hyoka_costs *costs, int phase);

/**
 * Set an amount or a count.
 * @param field a ::hyoka_cost_field.
 * @param value yen for money fields, a count (≥ 0) for count fields.
 * @param costs the cost year.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (NULL, unknown field, negative count).
 */
HYOKA_API int hyoka_costs_set(hyoka_costs *costs, int field, int64_t value);

/**
 * Read an amount or a count.
 * @param out receives the value when present; unchanged when missing. May be NULL.
 * @param costs the cost year.
 * @param field a ::hyoka_cost_field.
 * @return 1 when present, 0 when missing, ::HYOKA_EINVAL (NULL @p costs,
 *         unknown field).
 */
HYOKA_API int hyoka_costs_get(const hyoka_costs *costs, int field, int64_t *out);

/** Make a field (@p field, a ::hyoka_cost_field) missing. @return ::HYOKA_OK or ::HYOKA_EINVAL. */
HYOKA_API int hyoka_costs_clear(hyoka_costs *costs, int field);

/**
 * Keep a figure as the sheet printed it, to be checked against the computed
 * one (validation codes C003, C004, C005). Never used in place of the
 * computed figure.
 *
 * @param figure a ::hyoka_figure of a cost year (EXPENSE to TOTAL_COST_CHANGE).
 * @param value  the printed number with its printed places ("15775.5").
 * @param unit   the unit it was printed in (::hyoka_unit): for money and
 *               per-head figures, yen or thousand yen; ignored (store
 *               ::HYOKA_UNIT_YEN) for percentages.
 * @param costs the cost year.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (NULL, figure not of a cost year, bad unit),
 *         ::HYOKA_ENOMEM (the first stated figure of a year allocates; nothing changed).
 */
HYOKA_API int hyoka_costs_set_stated(hyoka_costs *costs, int figure,
                                     const hyoka_decimal *value, int unit);

/**
 * Read a stated figure. Either output may be NULL.
 * @param costs  the cost year.
 * @param figure a ::hyoka_figure of a cost year (EXPENSE to TOTAL_COST_CHANGE).
 * @param value  receives the printed number.
 * @param unit   receives the unit it was printed in (a ::hyoka_unit).
 * @return 1 when stated, 0 when not, ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_costs_stated(const hyoka_costs *costs, int figure,
                                 hyoka_decimal *value, int *unit);

/** Forget a stated figure (@p figure, a ::hyoka_figure). @return ::HYOKA_OK or ::HYOKA_EINVAL. */
HYOKA_API int hyoka_costs_clear_stated(hyoka_costs *costs, int figure);

/**
 * Append a staff line.
 * @param category a ::hyoka_category or ::HYOKA_UNSET.
 * @param out      receives the new line, owned by @p costs; may be NULL.
 * @param costs the cost year.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOMEM (nothing added).
 */
HYOKA_API int hyoka_costs_add_staff(hyoka_costs *costs, int category, hyoka_staff **out);

/** Number of staff lines (0 for NULL). */
HYOKA_API size_t hyoka_costs_staff_count(const hyoka_costs *costs);

/** The staff line at @p index, borrowed from @p costs; NULL when out of range. */
HYOKA_API hyoka_staff *hyoka_costs_staff_at(const hyoka_costs *costs, size_t index);

/**
 * Remove and free the staff line at @p index; later lines move up.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND.
 */
HYOKA_API int hyoka_costs_remove_staff(hyoka_costs *costs, size_t index);

/** The category (::hyoka_category) of a staff line, or ::HYOKA_UNSET. */
HYOKA_API int hyoka_staff_category(const hyoka_staff *staff);

/** Set the category, a ::hyoka_category; ::HYOKA_UNSET clears it. @return ::HYOKA_OK or ::HYOKA_EINVAL. */
HYOKA_API int hyoka_staff_set_category(hyoka_staff *staff, int category);

/**
 * Set a decimal field: @p field is the ::hyoka_staff_field HEADCOUNT, FTE
 * or HOURS.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (NULL, not a decimal field, negative value).
 */
HYOKA_API int hyoka_staff_set_decimal(hyoka_staff *staff, int field, const hyoka_decimal *value);

/** Read a decimal field (a ::hyoka_staff_field: HEADCOUNT, FTE, HOURS). @return 1 present, 0 missing, ::HYOKA_EINVAL. */
HYOKA_API int hyoka_staff_get_decimal(const hyoka_staff *staff, int field, hyoka_decimal *out);

/**
 * Set a money field in yen: @p field is the ::hyoka_staff_field UNIT_COST,
 * HOURLY_RATE or AMOUNT.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (NULL, not a money field, negative).
 */
HYOKA_API int hyoka_staff_set_amount(hyoka_staff *staff, int field, int64_t yen);

/** Read a money field (a ::hyoka_staff_field: UNIT_COST, HOURLY_RATE, AMOUNT). @return 1 present, 0 missing, ::HYOKA_EINVAL. */
HYOKA_API int hyoka_staff_get_amount(const hyoka_staff *staff, int field, int64_t *out);

/** Make any staff field (@p field, a ::hyoka_staff_field) missing. @return ::HYOKA_OK or ::HYOKA_EINVAL. */
HYOKA_API int hyoka_staff_clear(hyoka_staff *staff, int field);

HYOKA_END_DECLS

#endif /* HYOKA_COSTS_H */
