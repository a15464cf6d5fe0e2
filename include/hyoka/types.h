/**
 * @file types.h
 * @brief Handle types of the domain model and the enumerations they share,
 *        with their document names (as written in hyoka/1 JSON).
 *
 * Every enumeration can be read by name at run time through
 * hyoka_enum_name() and hyoka_enum_value(), and sized through
 * hyoka_enum_count(), so FFI callers need no copy of these tables.
 * Enumerated fields that may be missing use ::HYOKA_UNSET.
 */
#ifndef HYOKA_TYPES_H
#define HYOKA_TYPES_H

#include "common.h"

HYOKA_BEGIN_DECLS

/** A document: municipality, denominators, schemes and projects. Owned by the caller. */
typedef struct hyoka_portfolio hyoka_portfolio;
/** A program (事務事業). Owned by the caller until added to a portfolio or a parent project. */
typedef struct hyoka_project hyoka_project;
/** One fiscal year of a project's costs. Owned by its project. */
typedef struct hyoka_costs hyoka_costs;
/** One staff line of a cost year. Owned by its cost year. */
typedef struct hyoka_staff hyoka_staff;
/** An indicator with its values by fiscal year. Owned by its project. */
typedef struct hyoka_indicator hyoka_indicator;
/** An evaluation (verdict) of a project. Owned by its project. */
typedef struct hyoka_evaluation hyoka_evaluation;
/** The vocabulary of one evaluation practice. Owned by the caller, a portfolio, or the library (built-ins). */
typedef struct hyoka_scheme hyoka_scheme;
/** A record of typed fields (a budget line, a spending block, a contract...: record.h). Owned by its project or parent record. */
typedef struct hyoka_record hyoka_record;

/** Value of an enumerated field that is missing (absent or null in a document). */
#define HYOKA_UNSET (-1)

/** Unit in which money is written (`amount_unit`, stated figures, per-head figures). */
typedef enum hyoka_unit {
    HYOKA_UNIT_YEN = 0,          /**< "yen": 円. */
    HYOKA_UNIT_THOUSAND_YEN = 1  /**< "thousand_yen": 千円. */
} hyoka_unit;

/** Phase of a cost year. */
typedef enum hyoka_phase {
    HYOKA_PHASE_PLAN = 0,     /**< "plan": 計画 (推進計画額). */
    HYOKA_PHASE_BUDGET = 1,   /**< "budget": 予算. */
    HYOKA_PHASE_FORECAST = 2, /**< "forecast": 見込. */
    HYOKA_PHASE_SETTLED = 3   /**< "settled": 決算. */
} hyoka_phase;

/** Duty type of a project. */
typedef enum hyoka_duty {
    HYOKA_DUTY_AUTONOMOUS = 0,         /**< "autonomous": 自治事務. */
    HYOKA_DUTY_STATUTORY_ENTRUSTED = 1 /**< "statutory_entrusted": 法定受託事務. */
} hyoka_duty;

/** Period kind of a project. */
typedef enum hyoka_period {
    HYOKA_PERIOD_ONE_TIME = 0,   /**< "one_time": 単年度のみ. */
    HYOKA_PERIOD_RECURRING = 1,  /**< "recurring": 単年度繰返. */
    HYOKA_PERIOD_FIXED_TERM = 2  /**< "fixed_term": 期間限定複数年度. */
} hyoka_period;

/** Category of a staff line. */
typedef enum hyoka_category {
    HYOKA_CATEGORY_REGULAR = 0,     /**< "regular": 正規職員. */
    HYOKA_CATEGORY_REAPPOINTED = 1, /**< "reappointed": 再任用職員. */
    HYOKA_CATEGORY_PART_TIME = 2,   /**< "part_time": 嘱託・会計年度任用職員. */
    HYOKA_CATEGORY_TEMPORARY = 3    /**< "temporary": 臨時職員. */
} hyoka_category;

/** Kind of an indicator. */
typedef enum hyoka_kind {
    HYOKA_KIND_ACTIVITY = 0,     /**< "activity": 活動指標. */
    HYOKA_KIND_TARGET = 1,       /**< "target": 対象指標. */
    HYOKA_KIND_OUTCOME = 2,      /**< "outcome": 成果指標. */
    HYOKA_KIND_UPPER_OUTCOME = 3, /**< "upper_outcome": 上位成果指標. */
    HYOKA_KIND_ACTION = 4         /**< "action": an activity of the logic model with no values (アクティビティ). */
} hyoka_kind;

/** Direction in which an indicator is meant to move. */
typedef enum hyoka_direction {
    HYOKA_DIRECTION_INCREASE = 0, /**< "increase": 拡大 (higher is better). */
    HYOKA_DIRECTION_DECREASE = 1, /**< "decrease": 縮小 (lower is better). */
    HYOKA_DIRECTION_MAINTAIN = 2  /**< "maintain": 維持 (the target itself is best). */
} hyoka_direction;

/** Term of an outcome (アウトカムの期間). */
typedef enum hyoka_term {
    HYOKA_TERM_SHORT = 0,  /**< "short": 短期. */
    HYOKA_TERM_MEDIUM = 1, /**< "medium": 中期. */
    HYOKA_TERM_LONG = 2    /**< "long": 長期. */
} hyoka_term;

/** Whether an indicator's goal is measured by numbers or described in words (成果目標の種類). */
typedef enum hyoka_measurement {
    HYOKA_MEASUREMENT_QUANTITATIVE = 0, /**< "quantitative": 定量的. */
    HYOKA_MEASUREMENT_QUALITATIVE = 1   /**< "qualitative": 定性的. */
} hyoka_measurement;

/**
 * What ACHIEVEMENT (達成率) does with an indicator that has no direction
 * (the portfolio's rule: hyoka_portfolio_set_achievement_rule()). @since 1.1
 */
typedef enum hyoka_achievement_rule {
    HYOKA_ACHIEVEMENT_BY_DIRECTION = 0, /**< "by_direction": unavailable without a direction (reason
                                             no_direction); the default, as municipal sheets count it. */
    HYOKA_ACHIEVEMENT_RATIO = 1         /**< "ratio": actual ÷ target × 100 when no direction is given, as
                                             the national review sheets (RS) print 達成率 for every output
                                             and outcome; an indicator with a direction keeps its rule. */
} hyoka_achievement_rule;

/** Stage of an evaluation. */
typedef enum hyoka_stage {
    HYOKA_STAGE_SELF = 0,      /**< "self": 自己評価. */
    HYOKA_STAGE_PRIMARY = 1,   /**< "primary": 一次評価. */
    HYOKA_STAGE_SECONDARY = 2, /**< "secondary": 二次評価. */
    HYOKA_STAGE_EXTERNAL = 3,  /**< "external": 外部評価. */
    HYOKA_STAGE_COMMITTEE = 4  /**< "committee": 委員会評価. */
} hyoka_stage;

/** Expected change of the outcome (`expected.outcome`). */
typedef enum hyoka_expected_outcome {
    HYOKA_EXPECTED_OUTCOME_UP = 0,   /**< "up": 向上. */
    HYOKA_EXPECTED_OUTCOME_SAME = 1, /**< "same": 維持. */
    HYOKA_EXPECTED_OUTCOME_DOWN = 2  /**< "down": 低下. */
} hyoka_expected_outcome;

/** Expected change of the cost (`expected.cost`). */
typedef enum hyoka_expected_cost {
    HYOKA_EXPECTED_COST_DOWN = 0, /**< "down": 削減. */
    HYOKA_EXPECTED_COST_SAME = 1, /**< "same": 維持. */
    HYOKA_EXPECTED_COST_UP = 2    /**< "up": 増加. */
} hyoka_expected_cost;

/** Group of a verdict: does the program go on or stop? */
typedef enum hyoka_verdict_group {
    HYOKA_VERDICT_CONTINUE = 0, /**< "continue": 事業の継続. */
    HYOKA_VERDICT_END = 1       /**< "end": 終了 (complete, abolish, end...). */
} hyoka_verdict_group;

/** What a budget direction does to the budget. */
typedef enum hyoka_budget_kind {
    HYOKA_BUDGET_SAME = 0,     /**< "same": 現状どおり. */
    HYOKA_BUDGET_INCREASE = 1, /**< "increase": 増額. */
    HYOKA_BUDGET_DECREASE = 2, /**< "decrease": 減額. */
    HYOKA_BUDGET_END = 3       /**< "end": 終了 (no budget). */
} hyoka_budget_kind;

/** Classification hierarchies of a project. */
typedef enum hyoka_class_kind {
    HYOKA_CLASS_POLICY = 0, /**< "policy": 政策 > 施策 > 基本事業... */
    HYOKA_CLASS_ACCOUNT = 1 /**< "account": 会計 > 款 > 項 > 目 > 事業. */
} hyoka_class_kind;

/** Severity of a diagnostic. */
typedef enum hyoka_severity {
    HYOKA_SEVERITY_ERROR = 0,   /**< "error": the data is wrong. */
    HYOKA_SEVERITY_WARNING = 1, /**< "warning": probably wrong, or a printed figure that does not match. */
    HYOKA_SEVERITY_INFO = 2     /**< "info": worth knowing. */
} hyoka_severity;

/** Languages of messages. */
typedef enum hyoka_lang {
    HYOKA_LANG_EN = 0, /**< English. */
    HYOKA_LANG_JA = 1  /**< Japanese. */
} hyoka_lang;

/**
 * The language messages default to: ::HYOKA_LANG_JA when the locale
 * (LC_ALL, else LC_MESSAGES, else LANG, read from the environment; an empty
 * variable counts as unset) starts with "ja", else ::HYOKA_LANG_EN.
 *
 * Bindings and programs that take a language use it when the caller gives
 * none, so that they all choose the same one. It reads the environment on
 * every call and allocates nothing; like getenv(), it must not run while
 * another thread changes the environment.
 * @return a ::hyoka_lang.
 * @since 1.1
 */
HYOKA_API int hyoka_lang_default(void);

/**
 * The figures hyoka computes, named as in the metrics output and in a
 * document's `rounding` member. Money figures are in yen; the others are
 * exact decimals.
 */
typedef enum hyoka_figure {
    HYOKA_FIG_EXPENSE = 0,               /**< "expense": 事業費 (yen). */
    HYOKA_FIG_PERSONNEL = 1,             /**< "personnel": 人件費 (yen). */
    HYOKA_FIG_DEBT_SERVICE = 2,          /**< "debt_service": 公債費 (yen). */
    HYOKA_FIG_INDIRECT_COSTS = 3,        /**< "indirect_costs": 間接費 (yen). */
    HYOKA_FIG_TOTAL_COST = 4,            /**< "total_cost": トータルコスト (yen). */
    HYOKA_FIG_GENERAL_REVENUE = 5,       /**< "general_revenue": 一般財源 (yen). */
    HYOKA_FIG_SPECIFIC_REVENUE = 6,      /**< "specific_revenue": 特定財源 (yen). */
    HYOKA_FIG_PER_CAPITA = 7,            /**< "per_capita": 市民一人当たり (yen or thousand yen). */
    HYOKA_FIG_PER_HOUSEHOLD = 8,         /**< "per_household": 一世帯当たり. */
    HYOKA_FIG_UNIT_COST = 9,             /**< "unit_cost": 利用数一単位当たり. */
    HYOKA_FIG_PER_BENEFICIARY = 10,      /**< "per_beneficiary": 受益者一人当たり. */
    HYOKA_FIG_EXECUTION_RATE = 11,       /**< "execution_rate": 執行率 (%). */
    HYOKA_FIG_PERSONNEL_SHARE = 12,      /**< "personnel_share": 人件費比率 (%). */
    HYOKA_FIG_GENERAL_REVENUE_SHARE = 13,/**< "general_revenue_share": 一般財源比率 (%). */
    HYOKA_FIG_TOTAL_COST_CHANGE = 14,    /**< "total_cost_change": 前年度比 (%). */
    HYOKA_FIG_ACHIEVEMENT = 15,          /**< "achievement": 達成率 (%). */
    HYOKA_FIG_CHANGE = 16,               /**< "change": an indicator's change against the previous year (%). */
    HYOKA_FIG_SCORE = 17,                /**< "score": an evaluation's weighted score. */
    HYOKA_FIG_UNSPENT = 18,              /**< "unspent": 不用額 of a budget record (yen). */
    HYOKA_FIG_APPROPRIATION_RATE = 19,   /**< "appropriation_rate": 執行率 of a budget record, execution ÷ appropriation (a ratio). */
    HYOKA_FIG_ACCOUNT_SHARE = 20,        /**< "account_share": an account's share of the appropriation of its budget year (%). */
    HYOKA_FIG_SINGLE_BIDDER_SHARE = 21,  /**< "single_bidder_share": share of a block's contract amounts with one bidder (一者応札, %). */
    HYOKA_FIG_NONCOMPETITIVE_SHARE = 22  /**< "noncompetitive_share": share of a block's contract amounts without competition (競争性のない随意契約, %). */
} hyoka_figure;

/**
 * Identifies one enumeration of the public API, for hyoka_enum_count(),
 * hyoka_enum_name() and hyoka_enum_value(). Values are never renumbered;
 * new enumerations are appended.
 */
typedef enum hyoka_enum_id {
    HYOKA_ENUM_STATUS = 0,           /**< ::hyoka_status (counts the codes, OK included). */
    HYOKA_ENUM_ROUNDING = 1,         /**< ::hyoka_rounding. */
    HYOKA_ENUM_ERA = 2,              /**< ::hyoka_era (HYOKA_ERA_NONE included). */
    HYOKA_ENUM_UNIT = 3,             /**< ::hyoka_unit. */
    HYOKA_ENUM_PHASE = 4,            /**< ::hyoka_phase. */
    HYOKA_ENUM_DUTY = 5,             /**< ::hyoka_duty. */
    HYOKA_ENUM_PERIOD = 6,           /**< ::hyoka_period. */
    HYOKA_ENUM_STAFF_CATEGORY = 7,   /**< ::hyoka_category. */
    HYOKA_ENUM_INDICATOR_KIND = 8,   /**< ::hyoka_kind. */
    HYOKA_ENUM_DIRECTION = 9,        /**< ::hyoka_direction. */
    HYOKA_ENUM_STAGE = 10,           /**< ::hyoka_stage. */
    HYOKA_ENUM_EXPECTED_OUTCOME = 11,/**< ::hyoka_expected_outcome. */
    HYOKA_ENUM_EXPECTED_COST = 12,   /**< ::hyoka_expected_cost. */
    HYOKA_ENUM_VERDICT_GROUP = 13,   /**< ::hyoka_verdict_group. */
    HYOKA_ENUM_BUDGET_KIND = 14,     /**< ::hyoka_budget_kind. */
    HYOKA_ENUM_CLASS_KIND = 15,      /**< ::hyoka_class_kind. */
    HYOKA_ENUM_SEVERITY = 16,        /**< ::hyoka_severity. */
    HYOKA_ENUM_FIGURE = 17,          /**< ::hyoka_figure. */
    HYOKA_ENUM_COST_FIELD = 18,      /**< ::hyoka_cost_field (costs.h). */
    HYOKA_ENUM_STAFF_FIELD = 19,     /**< ::hyoka_staff_field (costs.h). */
    HYOKA_ENUM_PROJECT_TEXT = 20,    /**< ::hyoka_text_field (project.h). */
    HYOKA_ENUM_VALUE_FIELD = 21,     /**< ::hyoka_value_field (indicator.h). */
    HYOKA_ENUM_INDICATOR_TEXT = 22,  /**< ::hyoka_indicator_field (indicator.h). */
    HYOKA_ENUM_EVALUATION_TEXT = 23, /**< ::hyoka_evaluation_field (evaluation.h). */
    HYOKA_ENUM_REASON = 24,          /**< ::hyoka_reason (figures.h). */
    HYOKA_ENUM_LANG = 25,            /**< ::hyoka_lang. */
    HYOKA_ENUM_GROUP_BY = 26,        /**< ::hyoka_group_by (figures.h). */
    HYOKA_ENUM_RECORD_KIND = 27,     /**< ::hyoka_record_kind (record.h). */
    HYOKA_ENUM_RECORD_FIELD = 28,    /**< ::hyoka_record_field (record.h). */
    HYOKA_ENUM_FIELD_TYPE = 29,      /**< ::hyoka_field_type (record.h). */
    HYOKA_ENUM_FIELD_STATE = 30,     /**< ::hyoka_field_state (record.h). */
    HYOKA_ENUM_TERM = 31,            /**< ::hyoka_term. */
    HYOKA_ENUM_MEASUREMENT = 32,     /**< ::hyoka_measurement. */
    HYOKA_ENUM_PROJECT_FLAG = 33,    /**< ::hyoka_flag (project.h). */
    HYOKA_ENUM_ACHIEVEMENT_RULE = 34 /**< ::hyoka_achievement_rule (@since 1.1). */
} hyoka_enum_id;

/**
 * How many values an enumeration has in the loaded library. For
 * enumerations whose values run from 0 upwards, valid values are
 * 0 .. count-1; for ::HYOKA_ENUM_STATUS they are 0 down to -(count-1).
 *
 * @param which a ::hyoka_enum_id.
 * @return the count, or ::HYOKA_EINVAL for an unknown @p which.
 */
HYOKA_API int hyoka_enum_count(int which);

/**
 * The document name of an enumeration value ("settled", "outcome",
 * "half_up", "per_capita"...): @p which is a ::hyoka_enum_id, and @p value
 * a value of the enumeration it names. For ::HYOKA_ENUM_STATUS the
 * symbolic name ("HYOKA_ERANGE"); for ::HYOKA_ENUM_ERA the era letter ("H";
 * "" for none).
 *
 * @return a static string owned by the library, or NULL when @p which or
 *         @p value is unknown.
 */
HYOKA_API const char *hyoka_enum_name(int which, int value);

/**
 * Look a value up by its document name (the inverse of hyoka_enum_name()).
 * @param which a ::hyoka_enum_id.
 * @param name  UTF-8 text; @p len bytes or ::HYOKA_NTS.
 * @param len   length of @p name.
 * @param value receives the value, of the enumeration @p which names.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (NULL or unknown @p which),
 *         ::HYOKA_ENOTFOUND (no such name).
 */
HYOKA_API int hyoka_enum_value(int which, const char *name, size_t len, int *value);

HYOKA_END_DECLS

#endif /* HYOKA_TYPES_H */
