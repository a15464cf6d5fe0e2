/* The vocabulary of the domain, once (vocab.c): how many values each
 * enumeration has, the document name of every value (those of the hyoka/1
 * format, served by hyoka_enum_name()), the Japanese labels messages use,
 * and the kinds of figures and fields. Every module names things through
 * these tables instead of a copy of its own. Not installed. */
#ifndef HYOKA_VOCAB_H
#define HYOKA_VOCAB_H

#include "internal.h"

/* ---- Fiscal years ---- */

/* The fiscal years the library accepts (明治 onwards, four digits). */
#define HYOKA__YEAR_MIN 1868
#define HYOKA__YEAR_MAX 9999

/* ---- How many values each enumeration has ----
 *
 * HYOKA__<ID>_COUNT for the enumeration HYOKA_ENUM_<ID> of hyoka_enum_id:
 * the argument checks of internal.h (HYOKA__CHECK_ENUM) pair them by name. */

#define HYOKA__ROUNDING_COUNT (HYOKA_ROUND_CEILING + 1)
#define HYOKA__ERA_COUNT (HYOKA_ERA_REIWA + 1)
#define HYOKA__UNIT_COUNT (HYOKA_UNIT_THOUSAND_YEN + 1)
#define HYOKA__PHASE_COUNT (HYOKA_PHASE_SETTLED + 1)
#define HYOKA__DUTY_COUNT (HYOKA_DUTY_STATUTORY_ENTRUSTED + 1)
#define HYOKA__PERIOD_COUNT (HYOKA_PERIOD_FIXED_TERM + 1)
#define HYOKA__STAFF_CATEGORY_COUNT (HYOKA_CATEGORY_TEMPORARY + 1)
#define HYOKA__INDICATOR_KIND_COUNT (HYOKA_KIND_ACTION + 1)
#define HYOKA__DIRECTION_COUNT (HYOKA_DIRECTION_MAINTAIN + 1)
#define HYOKA__TERM_COUNT (HYOKA_TERM_LONG + 1)
#define HYOKA__MEASUREMENT_COUNT (HYOKA_MEASUREMENT_QUALITATIVE + 1)
#define HYOKA__ACHIEVEMENT_RULE_COUNT (HYOKA_ACHIEVEMENT_RATIO + 1)
#define HYOKA__STAGE_COUNT (HYOKA_STAGE_COMMITTEE + 1)
#define HYOKA__EXPECTED_OUTCOME_COUNT (HYOKA_EXPECTED_OUTCOME_DOWN + 1)
#define HYOKA__EXPECTED_COST_COUNT (HYOKA_EXPECTED_COST_UP + 1)
#define HYOKA__VERDICT_GROUP_COUNT (HYOKA_VERDICT_END + 1)
#define HYOKA__BUDGET_KIND_COUNT (HYOKA_BUDGET_END + 1)
#define HYOKA__CLASS_KIND_COUNT (HYOKA_CLASS_ACCOUNT + 1)
#define HYOKA__SEVERITY_COUNT (HYOKA_SEVERITY_INFO + 1)
#define HYOKA__FIGURE_COUNT (HYOKA_FIG_NONCOMPETITIVE_SHARE + 1)
/* Figures a cost year has and can state: EXPENSE .. TOTAL_COST_CHANGE. */
#define HYOKA__YEAR_FIGURE_COUNT (HYOKA_FIG_TOTAL_COST_CHANGE + 1)
/* Money figures: EXPENSE .. SPECIFIC_REVENUE. */
#define HYOKA__MONEY_FIGURE_COUNT (HYOKA_FIG_SPECIFIC_REVENUE + 1)
#define HYOKA__COST_FIELD_COUNT (HYOKA_COST_HOUSEHOLDS + 1)
#define HYOKA__STAFF_FIELD_COUNT (HYOKA_STAFF_AMOUNT + 1)
/* Staff fields that are decimals (HEADCOUNT, FTE, HOURS); the rest are yen. */
#define HYOKA__STAFF_DECIMAL_COUNT (HYOKA_STAFF_HOURS + 1)
#define HYOKA__PROJECT_TEXT_COUNT (HYOKA_TEXT_DISPLAY_ORDER + 1)
#define HYOKA__PROJECT_FLAG_COUNT (HYOKA_FLAG_METHOD_OTHER + 1)
#define HYOKA__VALUE_FIELD_COUNT (HYOKA_VALUE_STATED_ACHIEVEMENT + 1)
#define HYOKA__INDICATOR_TEXT_COUNT (HYOKA_INDICATOR_KPI_URL + 1)
#define HYOKA__EVALUATION_TEXT_COUNT (HYOKA_EVAL_BUDGET + 1)
#define HYOKA__REASON_COUNT (HYOKA_REASON_OVERFLOW + 1)
#define HYOKA__LANG_COUNT (HYOKA_LANG_JA + 1)
#define HYOKA__GROUP_BY_COUNT (HYOKA_GROUP_VERDICT + 1)
#define HYOKA__RECORD_KIND_COUNT (HYOKA_RECORD_REFLECTION + 1)
#define HYOKA__RECORD_FIELD_COUNT (HYOKA_FIELD_RESPONSE + 1)
#define HYOKA__FIELD_TYPE_COUNT (HYOKA_TYPE_FISCAL_YEAR + 1)
#define HYOKA__FIELD_STATE_COUNT (HYOKA_STATE_NOT_APPLICABLE + 1)
/* The enumerations hyoka_enum_name() knows: HYOKA_ENUM_STATUS .. this - 1. */
#define HYOKA__ENUM_ID_COUNT (HYOKA_ENUM_ACHIEVEMENT_RULE + 1)

/* ---- Document names, indexed by value ---- */

extern const char *const hyoka__rounding_names[HYOKA__ROUNDING_COUNT];
extern const char *const hyoka__unit_names[HYOKA__UNIT_COUNT];
extern const char *const hyoka__stage_names[HYOKA__STAGE_COUNT];
/* The figure names in hyoka_figure order, as a list for tables that need
 * them in another form (the reader's member names): X("expense")... */
#define HYOKA__FIGURE_NAME_LIST(X)                                                                                   \
    X("expense") X("personnel") X("debt_service") X("indirect_costs") X("total_cost") X("general_revenue")          \
    X("specific_revenue") X("per_capita") X("per_household") X("unit_cost") X("per_beneficiary")                   \
    X("execution_rate") X("personnel_share") X("general_revenue_share") X("total_cost_change") X("achievement")     \
    X("change") X("score") X("unspent") X("appropriation_rate") X("account_share") X("single_bidder_share")          \
    X("noncompetitive_share")
extern const char *const hyoka__figure_names[HYOKA__FIGURE_COUNT];
extern const char *const hyoka__cost_field_names[HYOKA__COST_FIELD_COUNT];
extern const char *const hyoka__staff_field_names[HYOKA__STAFF_FIELD_COUNT];
/* Dotted where the format nests them: "organization.department". */
extern const char *const hyoka__project_text_names[HYOKA__PROJECT_TEXT_COUNT];
extern const char *const hyoka__value_field_names[HYOKA__VALUE_FIELD_COUNT];
extern const char *const hyoka__indicator_text_names[HYOKA__INDICATOR_TEXT_COUNT];
extern const char *const hyoka__evaluation_text_names[HYOKA__EVALUATION_TEXT_COUNT];
extern const char *const hyoka__reason_names[HYOKA__REASON_COUNT];
extern const char *const hyoka__flag_names[HYOKA__PROJECT_FLAG_COUNT];

/* HYOKA_OK when @p lang is a hyoka_lang; else HYOKA_EINVAL, recorded with
 * the name of the function @p fn that was given it. */
int hyoka__check_lang(const char *fn, int lang);

/* The names of enumeration @p which (a hyoka_enum_id other than
 * HYOKA_ENUM_STATUS, whose codes are negative and named by error.c) and
 * their number; NULL for an unknown enumeration or HYOKA_ENUM_STATUS. */
const char *const *hyoka__enum_names(int which, int *count);
/* The C name of enumeration @p which ("hyoka_figure"), for messages;
 * "hyoka_status" for HYOKA_ENUM_STATUS, NULL for an unknown one. */
const char *hyoka__enum_type_name(int which);
/* The value whose name is s[0..n) in enumeration @p which, or -1. */
int hyoka__enum_lookup(int which, const char *s, size_t n);

/* ---- Labels ---- */

/* What an unavailable figure's reason says, in English and Japanese. */
extern const char *const hyoka__reason_en[HYOKA__REASON_COUNT];
extern const char *const hyoka__reason_ja[HYOKA__REASON_COUNT];
/* The Japanese name of a figure as a sheet prints it ("市民一人当たりコスト"). */
extern const char *const hyoka__figure_ja[HYOKA__FIGURE_COUNT];
/* The Japanese name of a cost field ("当初予算", "国庫支出金"...). */
extern const char *const hyoka__cost_field_ja[HYOKA__COST_FIELD_COUNT];
/* The Japanese name of an indicator value field ("目標値"...). */
extern const char *const hyoka__value_field_ja[HYOKA__VALUE_FIELD_COUNT];
/* The Japanese name of an evaluation stage ("一次評価"...). */
extern const char *const hyoka__stage_ja[HYOKA__STAGE_COUNT];

/* ---- Kinds of figures and fields ---- */

/* Money figures, in yen: EXPENSE .. SPECIFIC_REVENUE. */
static inline int hyoka__is_money_figure(int figure)
{
    return figure >= HYOKA_FIG_EXPENSE && figure <= HYOKA_FIG_SPECIFIC_REVENUE;
}

/* Per-head figures, a total cost divided by a count (yen or thousand yen
 * per head): PER_CAPITA .. PER_BENEFICIARY. */
static inline int hyoka__is_per_head_figure(int figure)
{
    return figure >= HYOKA_FIG_PER_CAPITA && figure <= HYOKA_FIG_PER_BENEFICIARY;
}

/* The percentages of a cost year: EXECUTION_RATE .. TOTAL_COST_CHANGE. */
static inline int hyoka__is_percentage_figure(int figure)
{
    return figure >= HYOKA_FIG_EXECUTION_RATE && figure <= HYOKA_FIG_TOTAL_COST_CHANGE;
}

/* Figures of a cost year (those a sheet can state): EXPENSE .. TOTAL_COST_CHANGE. */
static inline int hyoka__is_year_figure(int figure)
{
    return figure >= HYOKA_FIG_EXPENSE && figure <= HYOKA_FIG_TOTAL_COST_CHANGE;
}

/* The funding sources of a cost year (財源内訳), in document order:
 * NATIONAL .. GENERAL; all but GENERAL are specific revenue. */
#define HYOKA__FUNDING_FIRST HYOKA_COST_NATIONAL
#define HYOKA__FUNDING_LAST HYOKA_COST_GENERAL

/* Cost fields that are counts, not yen: USAGE .. HOUSEHOLDS. */
static inline int hyoka__is_count_field(int field)
{
    return field >= HYOKA_COST_USAGE && field <= HYOKA_COST_HOUSEHOLDS;
}

/* The figures of records (record.h): UNSPENT .. NONCOMPETITIVE_SHARE. */
static inline int hyoka__is_record_figure(int figure)
{
    return figure >= HYOKA_FIG_UNSPENT && figure <= HYOKA_FIG_NONCOMPETITIVE_SHARE;
}

/* Figures in yen, whole and exact: the money figures of a cost year and
 * UNSPENT. */
static inline int hyoka__is_yen_figure(int figure)
{
    return hyoka__is_money_figure(figure) || figure == HYOKA_FIG_UNSPENT;
}

/* The places of the default rounding rule of a figure: whole yen for
 * yen figures, 5 places for APPROPRIATION_RATE (a ratio, as the national
 * sheets print it), 1 place for everything else (with half_up, in yen). */
#define HYOKA__DEFAULT_MODE HYOKA_ROUND_HALF_UP
#define HYOKA__RATIO_PLACES 5
static inline int hyoka__default_places(int figure)
{
    if (figure == HYOKA_FIG_APPROPRIATION_RATE)
        return HYOKA__RATIO_PLACES;
    return hyoka__is_yen_figure(figure) ? 0 : 1;
}

/* The unit a stated figure is kept in when given in @p unit: percentages
 * have none (kept as yen), the others keep theirs. */
static inline int hyoka__stated_unit(int figure, int unit)
{
    return hyoka__is_percentage_figure(figure) ? HYOKA_UNIT_YEN : unit;
}

/* The unit a stated figure is in when the document does not say
 * (docs/format.md): money in the document's amount unit @p amount_unit,
 * per-head figures in the unit of their rounding rule when @p portfolio
 * sets one, everything else in yen. */
int hyoka__implied_unit(const hyoka_portfolio *portfolio, int amount_unit, int figure);

#endif /* HYOKA_VOCAB_H */
