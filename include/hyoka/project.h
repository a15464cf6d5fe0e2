/**
 * @file project.h
 * @brief A program (事務事業): identity, organisation, classification,
 *        texts, flags, cost years, indicators, evaluations, sub-projects
 *        and extensions (its records are in record.h).
 *
 * A project made with hyoka_project_new() belongs to the caller until it is
 * added to a portfolio (hyoka_portfolio_add_project()) or to a parent
 * project (hyoka_project_add_child()); from then on its owner frees it.
 * Its cost years, indicators, evaluations and records belong to it.
 *
 * Text setters take UTF-8 as (pointer, length) or ::HYOKA_NTS, copy it, and
 * refuse invalid UTF-8 and NUL characters (::HYOKA_EENCODING) and texts
 * longer than hyoka_limit(::HYOKA_LIMIT_TEXT_MAX) bytes (::HYOKA_ELIMIT).
 * Passing a NULL text makes the field missing. Text getters return a
 * borrowed string, or NULL when the field is missing.
 */
#ifndef HYOKA_PROJECT_H
#define HYOKA_PROJECT_H

#include "common.h"
#include "types.h"

HYOKA_BEGIN_DECLS

/** Text fields of a project. The names are those of the hyoka/1 format. */
typedef enum hyoka_text_field {
    HYOKA_TEXT_CODE = 0,               /**< "code": 事業コード. */
    HYOKA_TEXT_NAME = 1,               /**< "name": 事務事業名. */
    HYOKA_TEXT_DEPARTMENT = 2,         /**< "organization.department": 部. */
    HYOKA_TEXT_SECTION = 3,            /**< "organization.section": 課. */
    HYOKA_TEXT_GROUP = 4,              /**< "organization.group": 係・グループ. */
    HYOKA_TEXT_HEAD = 5,               /**< "organization.head": 課長など責任者. */
    HYOKA_TEXT_CONTACT = 6,            /**< "organization.contact": 担当者. */
    HYOKA_TEXT_PHONE = 7,              /**< "organization.phone": 電話. */
    HYOKA_TEXT_LEGAL_BASIS = 8,        /**< "legal_basis": 根拠法令. */
    HYOKA_TEXT_PURPOSE = 9,            /**< "texts.purpose": 目的. */
    HYOKA_TEXT_TARGET = 10,            /**< "texts.target": 対象. */
    HYOKA_TEXT_INTENT = 11,            /**< "texts.intent": 意図. */
    HYOKA_TEXT_RESULT = 12,            /**< "texts.result": 結果. */
    HYOKA_TEXT_SUMMARY = 13,           /**< "texts.summary": 概要. */
    HYOKA_TEXT_BACKGROUND = 14,        /**< "texts.background": きっかけ・背景. */
    HYOKA_TEXT_ENVIRONMENT = 15,       /**< "texts.environment": 環境変化. */
    HYOKA_TEXT_OPINIONS = 16,          /**< "texts.opinions": 意見・要望. */
    HYOKA_TEXT_ACTIVITIES_DONE = 17,   /**< "texts.activities_done": 実施内容. */
    HYOKA_TEXT_ACTIVITIES_PLANNED = 18,/**< "texts.activities_planned": 今後の予定. */
    HYOKA_TEXT_MINISTRY = 19,          /**< "organization.ministry": 府省庁. */
    HYOKA_TEXT_BUREAU = 20,            /**< "organization.bureau": 局・庁. */
    HYOKA_TEXT_OFFICE = 21,            /**< "organization.office": 室. */
    HYOKA_TEXT_TEAM = 22,              /**< "organization.team": 班. */
    HYOKA_TEXT_JURISDICTION = 23,      /**< "organization.jurisdiction": 政策所管府省庁 (the ministry in charge of the policy). */
    HYOKA_TEXT_MINISTRY_ORDER = 24,    /**< "organization.ministry_order": 府省庁の建制順 (the ministry's place in the official order). */
    HYOKA_TEXT_PREPARER = 25,          /**< "organization.preparer": 作成責任者. */
    HYOKA_TEXT_ISSUES = 26,            /**< "texts.issues": 現状・課題. */
    HYOKA_TEXT_OVERVIEW_URL = 27,      /**< "texts.overview_url": 事業概要URL. */
    HYOKA_TEXT_NOTES = 28,             /**< "texts.notes": 備考. */
    HYOKA_TEXT_OTHER_NOTES = 29,       /**< "texts.other_notes": その他備考 (notes on the sheet as a whole). */
    HYOKA_TEXT_SHEET_TYPE = 30,        /**< "sheet_type": シート種別 (レビューシート...). */
    HYOKA_TEXT_CATEGORY = 31,          /**< "category": 事業区分 (新規開始事業, 前年度事業...). */
    HYOKA_TEXT_MAJOR_EXPENSE = 32,     /**< "major_expense": 主要経費. */
    HYOKA_TEXT_OLD_CODE = 33,          /**< "old_code": 旧事業番号. */
    HYOKA_TEXT_DISPLAY_ORDER = 34      /**< "display_order": 整理表表示順. */
} hyoka_text_field;

/**
 * Yes-or-no facts about a project. Each is missing until set, which is not
 * the same as false. The names are those of the hyoka/1 format.
 */
typedef enum hyoka_flag {
    HYOKA_FLAG_START_UNKNOWN = 0,       /**< "start_unknown": 開始年度不明. */
    HYOKA_FLAG_NO_PLANNED_END = 1,      /**< "no_planned_end": 終了予定なし. */
    HYOKA_FLAG_METHOD_DIRECT = 2,       /**< "methods.direct": carried out directly (実施方法: 直接実施). */
    HYOKA_FLAG_METHOD_SUBSIDY = 3,      /**< "methods.subsidy": 補助. */
    HYOKA_FLAG_METHOD_BURDEN = 4,       /**< "methods.burden": 負担. */
    HYOKA_FLAG_METHOD_GRANT = 5,        /**< "methods.grant": 交付. */
    HYOKA_FLAG_METHOD_CONTRIBUTION = 6, /**< "methods.contribution": 分担金・拠出金. */
    HYOKA_FLAG_METHOD_OTHER = 7         /**< "methods.other": その他. */
} hyoka_flag;

/**
 * Create an empty project (no code, no name, nothing else).
 * @param out receives the project, owned by the caller (free it with
 *            hyoka_project_free() unless it is added to an owner).
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_project_new(hyoka_project **out);

/**
 * Free a project the caller owns, with everything it holds. NULL is
 * ignored. A project owned by a portfolio or a parent project is not freed
 * this way: the call records ::HYOKA_ESTATE (see hyoka_error_last()) and
 * does nothing; remove it from its owner instead.
 */
HYOKA_API void hyoka_project_free(hyoka_project *project);

/**
 * Deep copy: the copy has no owner and holds copies of everything,
 * sub-projects included.
 * @param out receives the copy, owned by the caller.
 * @param project the project.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_project_copy(const hyoka_project *project, hyoka_project **out);

/**
 * Structural equality: every field, flag, cost year, staff line,
 * indicator, evaluation, record, sub-project and extension, in order. Decimals compare with
 * their written places ("1.50" differs from "1.5").
 * @return 1 when equal, 0 when not (two NULLs are equal).
 */
HYOKA_API int hyoka_project_equal(const hyoka_project *a, const hyoka_project *b);

/** Set the code (事業コード). Shorthand for hyoka_project_set_text() with ::HYOKA_TEXT_CODE. */
HYOKA_API int hyoka_project_set_code(hyoka_project *project, const char *code, size_t len);

/** The code, borrowed; NULL when missing. */
HYOKA_API const char *hyoka_project_code(const hyoka_project *project);

/** Set the name (事務事業名). Shorthand for hyoka_project_set_text() with ::HYOKA_TEXT_NAME. */
HYOKA_API int hyoka_project_set_name(hyoka_project *project, const char *name, size_t len);

/** The name, borrowed; NULL when missing. */
HYOKA_API const char *hyoka_project_name(const hyoka_project *project);

/**
 * Set a text field.
 * @param field a ::hyoka_text_field.
 * @param text  UTF-8, copied; NULL makes the field missing.
 * @param len   its length or ::HYOKA_NTS.
 * @param project the project.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_EENCODING, ::HYOKA_ELIMIT,
 *         ::HYOKA_ENOMEM (unchanged on failure).
 */
HYOKA_API int hyoka_project_set_text(hyoka_project *project, int field, const char *text, size_t len);

/** A text field (@p field, a ::hyoka_text_field), borrowed; NULL when missing or on bad arguments. */
HYOKA_API const char *hyoka_project_text(const hyoka_project *project, int field);

/**
 * Read a flag.
 * @param project the project.
 * @param flag  a ::hyoka_flag.
 * @param value receives 1 (true) or 0 (false) when the flag is set; may be NULL.
 * @return 1 when set, 0 when missing, ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_project_flag(const hyoka_project *project, int flag, int *value);

/**
 * Set a flag.
 * @param project the project.
 * @param flag  a ::hyoka_flag.
 * @param value 1 (true), 0 (false), or ::HYOKA_UNSET to make it missing.
 * @return ::HYOKA_OK or ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_project_set_flag(hyoka_project *project, int flag, int value);

/** The duty type (::hyoka_duty) or ::HYOKA_UNSET. */
HYOKA_API int hyoka_project_duty(const hyoka_project *project);

/** Set the duty type, a ::hyoka_duty; ::HYOKA_UNSET clears it. @return ::HYOKA_OK or ::HYOKA_EINVAL. */
HYOKA_API int hyoka_project_set_duty(hyoka_project *project, int duty);

/** The period kind (::hyoka_period) or ::HYOKA_UNSET. */
HYOKA_API int hyoka_project_period(const hyoka_project *project);

/** Set the period kind, a ::hyoka_period; ::HYOKA_UNSET clears it. @return ::HYOKA_OK or ::HYOKA_EINVAL. */
HYOKA_API int hyoka_project_set_period(hyoka_project *project, int period);

/** The first fiscal year (開始年度), 0 when missing. */
HYOKA_API int32_t hyoka_project_start_year(const hyoka_project *project);

/** The last fiscal year (終了年度), 0 when missing (open-ended). */
HYOKA_API int32_t hyoka_project_end_year(const hyoka_project *project);

/**
 * Set the first and last fiscal years; 0 makes either missing. An end
 * before the start is accepted here and reported by validation (P002).
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ERANGE (a year outside 1868..9999).
 */
HYOKA_API int hyoka_project_set_period_years(hyoka_project *project, int32_t start, int32_t end);

/**
 * Append a level to a classification path (policy: 政策 > 施策 >...;
 * account: 会計 > 款 > 項 > 目 > 事業).
 * @param kind  a ::hyoka_class_kind.
 * @param level the level's name ("政策", "款"...), may be NULL.
 * @param code  the code at that level, may be NULL.
 * @param name  the name at that level, may be NULL.
 * @param project the project.
 * @param level_len length of @p level in bytes, or ::HYOKA_NTS.
 * @param code_len length of @p code in bytes, or ::HYOKA_NTS.
 * @param name_len length of @p name in bytes, or ::HYOKA_NTS.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_EENCODING, ::HYOKA_ELIMIT, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_project_add_class(hyoka_project *project, int kind,
                                      const char *level, size_t level_len,
                                      const char *code, size_t code_len,
                                      const char *name, size_t name_len);

/** Number of levels in a classification path (@p kind, a ::hyoka_class_kind); 0 for NULL or a bad kind. */
HYOKA_API size_t hyoka_project_class_count(const hyoka_project *project, int kind);

/**
 * Read one level of a classification path (@p kind, a ::hyoka_class_kind).
 * Outputs may be NULL; they receive borrowed strings, NULL for missing
 * parts.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND (index out of range).
 */
HYOKA_API int hyoka_project_class_at(const hyoka_project *project, int kind, size_t index,
                                     const char **level, const char **code, const char **name);

/** Empty a classification path (@p kind, a ::hyoka_class_kind). @return ::HYOKA_OK or ::HYOKA_EINVAL. */
HYOKA_API int hyoka_project_clear_class(hyoka_project *project, int kind);

/**
 * Append a cost year.
 * @param fiscal_year 1868..9999. A second year with the same value is
 *        accepted and reported by validation (C008).
 * @param out receives the new year, owned by @p project; may be NULL.
 * @param project the project.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ERANGE, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_project_add_year(hyoka_project *project, int32_t fiscal_year, hyoka_costs **out);

/** Number of cost years. */
HYOKA_API size_t hyoka_project_year_count(const hyoka_project *project);

/** The cost year at @p index, borrowed; NULL when out of range. */
HYOKA_API hyoka_costs *hyoka_project_year_at(const hyoka_project *project, size_t index);

/** The first cost year of @p fiscal_year, borrowed; NULL when none. */
HYOKA_API hyoka_costs *hyoka_project_find_year(const hyoka_project *project, int32_t fiscal_year);

/** Remove and free the cost year at @p index. @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND. */
HYOKA_API int hyoka_project_remove_year(hyoka_project *project, size_t index);

/**
 * Append an indicator.
 * @param kind a ::hyoka_kind or ::HYOKA_UNSET.
 * @param out  receives the indicator, owned by @p project; may be NULL.
 * @param project the project.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_project_add_indicator(hyoka_project *project, int kind, hyoka_indicator **out);

/** Number of indicators. */
HYOKA_API size_t hyoka_project_indicator_count(const hyoka_project *project);

/** The indicator at @p index, borrowed; NULL when out of range. */
HYOKA_API hyoka_indicator *hyoka_project_indicator_at(const hyoka_project *project, size_t index);

/** Remove and free the indicator at @p index. @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND. */
HYOKA_API int hyoka_project_remove_indicator(hyoka_project *project, size_t index);

/**
 * Append an evaluation.
 * @param stage a ::hyoka_stage or ::HYOKA_UNSET.
 * @param out   receives the evaluation, owned by @p project; may be NULL.
 * @param project the project.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_project_add_evaluation(hyoka_project *project, int stage, hyoka_evaluation **out);

/** Number of evaluations. */
HYOKA_API size_t hyoka_project_evaluation_count(const hyoka_project *project);

/** The evaluation at @p index, borrowed; NULL when out of range. */
HYOKA_API hyoka_evaluation *hyoka_project_evaluation_at(const hyoka_project *project, size_t index);

/** Remove and free the evaluation at @p index. @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND. */
HYOKA_API int hyoka_project_remove_evaluation(hyoka_project *project, size_t index);

/**
 * Add a sub-project (細事業). On success @p project owns @p child.
 * @return ::HYOKA_OK; ::HYOKA_EINVAL (NULL, or @p child is @p project);
 *         ::HYOKA_ESTATE (@p child already has an owner, or is an ancestor
 *         of @p project); ::HYOKA_ENOMEM (the caller still owns @p child).
 */
HYOKA_API int hyoka_project_add_child(hyoka_project *project, hyoka_project *child);

/** Number of direct sub-projects. */
HYOKA_API size_t hyoka_project_child_count(const hyoka_project *project);

/** The sub-project at @p index, borrowed; NULL when out of range. */
HYOKA_API hyoka_project *hyoka_project_child_at(const hyoka_project *project, size_t index);

/** Remove and free the sub-project at @p index. @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND. */
HYOKA_API int hyoka_project_remove_child(hyoka_project *project, size_t index);

/** The project that owns @p project as a sub-project, or NULL. */
HYOKA_API hyoka_project *hyoka_project_parent(const hyoka_project *project);

/**
 * Set an extension: a string any ledger can attach, preserved exactly.
 * Setting an existing key replaces its value in place (order kept); new
 * keys are appended.
 * @param key   UTF-8, non-empty.
 * @param value UTF-8; NULL removes the key (::HYOKA_OK even if absent).
 * @param project the project.
 * @param key_len length of @p key in bytes, or ::HYOKA_NTS.
 * @param value_len length of @p value in bytes, or ::HYOKA_NTS.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_EENCODING, ::HYOKA_ELIMIT, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_project_set_extension(hyoka_project *project, const char *key, size_t key_len,
                                          const char *value, size_t value_len);

/** The value of an extension key, borrowed; NULL when absent. */
HYOKA_API const char *hyoka_project_extension(const hyoka_project *project, const char *key, size_t key_len);

/** Number of extensions. */
HYOKA_API size_t hyoka_project_extension_count(const hyoka_project *project);

/**
 * Read the extension at @p index (insertion order). Outputs may be NULL and
 * receive borrowed strings.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND.
 */
HYOKA_API int hyoka_project_extension_at(const hyoka_project *project, size_t index,
                                         const char **key, const char **value);

HYOKA_END_DECLS

#endif /* HYOKA_PROJECT_H */
