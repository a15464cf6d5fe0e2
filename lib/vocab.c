/* The vocabulary of the domain (vocab.h): every enumeration's document
 * names, indexed by value, the Japanese labels, and the unit a stated
 * figure is in. The names are those of the hyoka/1 format, as given in the
 * doc comments of the public headers. */
#include "vocab.h"
#include "model.h"

#include <string.h>
#include "record_schema.h"

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Every table is declared with its size (vocab.h, or below), so a value
 * added to a header without a name here fails the build. */
#define SAME_SIZE(a, n) _Static_assert(COUNT_OF(a) == (size_t)(n), #a " does not match its header")

/* A table of names and the table of their lengths, from one list, so that
 * a name is looked up by its length first (hyoka__enum_lookup()). */
#define NAME_(text) text,
#define LENGTH_(text) (unsigned char)(sizeof(text) - 1),
#define NAMED(table, LIST)                    \
    table[] = {LIST(NAME_)};                  \
    static const unsigned char table##_len[] = {LIST(LENGTH_)}

#define ROUNDING_NAMES_LIST(X) X("half_up") X("down") X("up") X("half_even") X("floor") X("ceiling")
const char *const NAMED(hyoka__rounding_names, ROUNDING_NAMES_LIST);

static const char *const era_names[] = {
    "", "M", "T", "S", "H", "R",
};

#define UNIT_NAMES_LIST(X) X("yen") X("thousand_yen")
const char *const NAMED(hyoka__unit_names, UNIT_NAMES_LIST);

#define PHASE_NAMES_LIST(X) X("plan") X("budget") X("forecast") X("settled")
static const char *const NAMED(phase_names, PHASE_NAMES_LIST);

#define DUTY_NAMES_LIST(X) X("autonomous") X("statutory_entrusted")
static const char *const NAMED(duty_names, DUTY_NAMES_LIST);

#define PERIOD_NAMES_LIST(X) X("one_time") X("recurring") X("fixed_term")
static const char *const NAMED(period_names, PERIOD_NAMES_LIST);

#define CATEGORY_NAMES_LIST(X) X("regular") X("reappointed") X("part_time") X("temporary")
static const char *const NAMED(category_names, CATEGORY_NAMES_LIST);

#define KIND_NAMES_LIST(X) X("activity") X("target") X("outcome") X("upper_outcome") X("action")
static const char *const NAMED(kind_names, KIND_NAMES_LIST);

#define DIRECTION_NAMES_LIST(X) X("increase") X("decrease") X("maintain")
static const char *const NAMED(direction_names, DIRECTION_NAMES_LIST);

#define TERM_NAMES_LIST(X) X("short") X("medium") X("long")
static const char *const NAMED(term_names, TERM_NAMES_LIST);

#define MEASUREMENT_NAMES_LIST(X) X("quantitative") X("qualitative")
static const char *const NAMED(measurement_names, MEASUREMENT_NAMES_LIST);

#define ACHIEVEMENT_RULE_NAMES_LIST(X) X("by_direction") X("ratio")
static const char *const NAMED(achievement_rule_names, ACHIEVEMENT_RULE_NAMES_LIST);

#define STAGE_NAMES_LIST(X) X("self") X("primary") X("secondary") X("external") X("committee")
const char *const NAMED(hyoka__stage_names, STAGE_NAMES_LIST);

#define EXPECTED_OUTCOME_NAMES_LIST(X) X("up") X("same") X("down")
static const char *const NAMED(expected_outcome_names, EXPECTED_OUTCOME_NAMES_LIST);

#define EXPECTED_COST_NAMES_LIST(X) X("down") X("same") X("up")
static const char *const NAMED(expected_cost_names, EXPECTED_COST_NAMES_LIST);

#define VERDICT_GROUP_NAMES_LIST(X) X("continue") X("end")
static const char *const NAMED(verdict_group_names, VERDICT_GROUP_NAMES_LIST);

#define BUDGET_KIND_NAMES_LIST(X) X("same") X("increase") X("decrease") X("end")
static const char *const NAMED(budget_kind_names, BUDGET_KIND_NAMES_LIST);

#define CLASS_KIND_NAMES_LIST(X) X("policy") X("account")
static const char *const NAMED(class_kind_names, CLASS_KIND_NAMES_LIST);

#define SEVERITY_NAMES_LIST(X) X("error") X("warning") X("info")
static const char *const NAMED(severity_names, SEVERITY_NAMES_LIST);

#define FIGURE_NAME_(name) name,
const char *const hyoka__figure_names[] = {HYOKA__FIGURE_NAME_LIST(FIGURE_NAME_)};

const char *const hyoka__cost_field_names[] = {
    "initial_budget",
    "final_budget",
    "settlement",
    "national",
    "prefectural",
    "bonds",
    "user_charges",
    "other",
    "general",
    "debt_service",
    "indirect_costs",
    "usage",
    "beneficiaries",
    "population",
    "households",
};

const char *const hyoka__staff_field_names[] = {
    "headcount", "fte", "hours", "unit_cost", "hourly_rate", "amount",
};

const char *const hyoka__project_text_names[] = {
    "code",
    "name",
    "organization.department",
    "organization.section",
    "organization.group",
    "organization.head",
    "organization.contact",
    "organization.phone",
    "legal_basis",
    "texts.purpose",
    "texts.target",
    "texts.intent",
    "texts.result",
    "texts.summary",
    "texts.background",
    "texts.environment",
    "texts.opinions",
    "texts.activities_done",
    "texts.activities_planned",
    "organization.ministry",
    "organization.bureau",
    "organization.office",
    "organization.team",
    "organization.jurisdiction",
    "organization.ministry_order",
    "organization.preparer",
    "texts.issues",
    "texts.overview_url",
    "texts.notes",
    "texts.other_notes",
    "sheet_type",
    "category",
    "major_expense",
    "old_code",
    "display_order",
};

const char *const hyoka__flag_names[] = {
    "start_unknown", "no_planned_end", "methods.direct", "methods.subsidy", "methods.burden", "methods.grant",
    "methods.contribution", "methods.other",
};

const char *const hyoka__value_field_names[] = {
    "target", "actual", "forecast", "stated_achievement",
};

const char *const hyoka__indicator_text_names[] = {
    "name", "unit", "definition", "not_settable_reason", "long_term_target.note", "goal", "source",
    "qualitative_reason", "qualitative_result", "kpi_name", "kpi_section", "kpi_url",
};

const char *const hyoka__evaluation_text_names[] = {
    "evaluator", "scheme", "verdict", "budget",
};

const char *const hyoka__reason_names[] = {
    "none", "no_expense", "no_population", "no_households", "no_usage", "no_beneficiaries",
    "zero_denominator", "no_final_budget", "no_settlement", "no_previous_year", "no_general_revenue",
    "no_target", "target_zero", "no_actual", "not_settable", "no_direction", "actual_zero", "no_scheme",
    "no_scores", "zero_weight", "no_bands", "not_a_figure", "no_year", "bad_answer", "no_appropriation",
    "no_execution", "no_carried_out", "no_total", "no_contracts", "overflow",
};

static const char *const lang_names[] = {
    "en", "ja",
};

static const char *const group_by_names[] = {
    "fiscal_year", "department", "policy", "verdict",
};

static const char *const field_type_names[] = {
    "text", "money", "decimal", "integer", "flag", "fiscal_year",
};

static const char *const field_state_names[] = {
    "missing", "set", "not_applicable",
};

/* ------------------------------------------------------------------------ */
/* Enumerations by id                                                        */

struct enum_table {
    const char *type; /* the C name of the enumeration, for messages */
    const char *const *names;
    int count;
    const unsigned char *lengths; /* NULL: not listed with their lengths */
};

#define TABLE(type, a) {type, (a), (int)COUNT_OF(a), NULL}
#define TABLE_LEN(type, a) {type, (a), (int)COUNT_OF(a), a##_len}

/* Indexed by hyoka_enum_id; the status codes (0) are named by error.c. */
static const struct enum_table tables[] = {
    {"hyoka_status", NULL, 0, NULL},                                    /* HYOKA_ENUM_STATUS */
    TABLE_LEN("hyoka_rounding", hyoka__rounding_names),                 /* HYOKA_ENUM_ROUNDING */
    TABLE("hyoka_era", era_names),                                      /* HYOKA_ENUM_ERA */
    TABLE_LEN("hyoka_unit", hyoka__unit_names),                         /* HYOKA_ENUM_UNIT */
    TABLE_LEN("hyoka_phase", phase_names),                              /* HYOKA_ENUM_PHASE */
    TABLE_LEN("hyoka_duty", duty_names),                                /* HYOKA_ENUM_DUTY */
    TABLE_LEN("hyoka_period", period_names),                            /* HYOKA_ENUM_PERIOD */
    TABLE_LEN("hyoka_category", category_names),                        /* HYOKA_ENUM_STAFF_CATEGORY */
    TABLE_LEN("hyoka_kind", kind_names),                                /* HYOKA_ENUM_INDICATOR_KIND */
    TABLE_LEN("hyoka_direction", direction_names),                      /* HYOKA_ENUM_DIRECTION */
    TABLE_LEN("hyoka_stage", hyoka__stage_names),                       /* HYOKA_ENUM_STAGE */
    TABLE_LEN("hyoka_expected_outcome", expected_outcome_names),        /* HYOKA_ENUM_EXPECTED_OUTCOME */
    TABLE_LEN("hyoka_expected_cost", expected_cost_names),              /* HYOKA_ENUM_EXPECTED_COST */
    TABLE_LEN("hyoka_verdict_group", verdict_group_names),              /* HYOKA_ENUM_VERDICT_GROUP */
    TABLE_LEN("hyoka_budget_kind", budget_kind_names),                  /* HYOKA_ENUM_BUDGET_KIND */
    TABLE_LEN("hyoka_class_kind", class_kind_names),                    /* HYOKA_ENUM_CLASS_KIND */
    TABLE_LEN("hyoka_severity", severity_names),                        /* HYOKA_ENUM_SEVERITY */
    TABLE("hyoka_figure", hyoka__figure_names),                         /* HYOKA_ENUM_FIGURE */
    TABLE("hyoka_cost_field", hyoka__cost_field_names),                 /* HYOKA_ENUM_COST_FIELD */
    TABLE("hyoka_staff_field", hyoka__staff_field_names),               /* HYOKA_ENUM_STAFF_FIELD */
    TABLE("hyoka_text_field", hyoka__project_text_names),               /* HYOKA_ENUM_PROJECT_TEXT */
    TABLE("hyoka_value_field", hyoka__value_field_names),               /* HYOKA_ENUM_VALUE_FIELD */
    TABLE("hyoka_indicator_field", hyoka__indicator_text_names),        /* HYOKA_ENUM_INDICATOR_TEXT */
    TABLE("hyoka_evaluation_field", hyoka__evaluation_text_names),      /* HYOKA_ENUM_EVALUATION_TEXT */
    TABLE("hyoka_reason", hyoka__reason_names),                         /* HYOKA_ENUM_REASON */
    TABLE("hyoka_lang", lang_names),                                    /* HYOKA_ENUM_LANG */
    TABLE("hyoka_group_by", group_by_names),                            /* HYOKA_ENUM_GROUP_BY */
    TABLE("hyoka_record_kind", hyoka__record_kind_names),               /* HYOKA_ENUM_RECORD_KIND */
    TABLE("hyoka_record_field", hyoka__record_field_names),             /* HYOKA_ENUM_RECORD_FIELD */
    TABLE("hyoka_field_type", field_type_names),                        /* HYOKA_ENUM_FIELD_TYPE */
    TABLE("hyoka_field_state", field_state_names),                      /* HYOKA_ENUM_FIELD_STATE */
    TABLE_LEN("hyoka_term", term_names),                                /* HYOKA_ENUM_TERM */
    TABLE_LEN("hyoka_measurement", measurement_names),                  /* HYOKA_ENUM_MEASUREMENT */
    TABLE("hyoka_flag", hyoka__flag_names),                             /* HYOKA_ENUM_PROJECT_FLAG */
    TABLE_LEN("hyoka_achievement_rule", achievement_rule_names),        /* HYOKA_ENUM_ACHIEVEMENT_RULE */
};

SAME_SIZE(tables, HYOKA__ENUM_ID_COUNT);
SAME_SIZE(era_names, HYOKA__ERA_COUNT);
SAME_SIZE(phase_names, HYOKA__PHASE_COUNT);
SAME_SIZE(duty_names, HYOKA__DUTY_COUNT);
SAME_SIZE(period_names, HYOKA__PERIOD_COUNT);
SAME_SIZE(category_names, HYOKA__STAFF_CATEGORY_COUNT);
SAME_SIZE(kind_names, HYOKA__INDICATOR_KIND_COUNT);
SAME_SIZE(direction_names, HYOKA__DIRECTION_COUNT);
SAME_SIZE(expected_outcome_names, HYOKA__EXPECTED_OUTCOME_COUNT);
SAME_SIZE(expected_cost_names, HYOKA__EXPECTED_COST_COUNT);
SAME_SIZE(verdict_group_names, HYOKA__VERDICT_GROUP_COUNT);
SAME_SIZE(budget_kind_names, HYOKA__BUDGET_KIND_COUNT);
SAME_SIZE(class_kind_names, HYOKA__CLASS_KIND_COUNT);
SAME_SIZE(severity_names, HYOKA__SEVERITY_COUNT);
SAME_SIZE(lang_names, HYOKA__LANG_COUNT);
SAME_SIZE(group_by_names, HYOKA__GROUP_BY_COUNT);
SAME_SIZE(term_names, HYOKA__TERM_COUNT);
SAME_SIZE(measurement_names, HYOKA__MEASUREMENT_COUNT);
SAME_SIZE(achievement_rule_names, HYOKA__ACHIEVEMENT_RULE_COUNT);
SAME_SIZE(field_type_names, HYOKA__FIELD_TYPE_COUNT);
SAME_SIZE(field_state_names, HYOKA__FIELD_STATE_COUNT);

const char *const *hyoka__enum_names(int which, int *count)
{
    if (which <= HYOKA_ENUM_STATUS || which >= (int)COUNT_OF(tables))
        return NULL;
    *count = tables[which].count;
    return tables[which].names;
}

const char *hyoka__enum_type_name(int which)
{
    if (which < HYOKA_ENUM_STATUS || which >= (int)COUNT_OF(tables))
        return NULL;
    return tables[which].type;
}

int hyoka__enum_lookup(int which, const char *s, size_t n)
{
    const struct enum_table *t;
    if (which <= HYOKA_ENUM_STATUS || which >= (int)COUNT_OF(tables))
        return -1;
    t = &tables[which];
    for (int i = 0; i < t->count; i++) {
        const char *name = t->names[i];
        if (t->lengths ? t->lengths[i] != n : strlen(name) != n)
            continue;
        if (memcmp(name, s, n) == 0)
            return i;
    }
    return -1;
}

/* ------------------------------------------------------------------------ */
/* Labels                                                                    */

const char *const hyoka__reason_en[] = {
    "the figure is available",
    "no settlement, final budget or initial budget",
    "no population for the fiscal year",
    "no households for the fiscal year",
    "no usage count",
    "no beneficiary count",
    "the divisor is 0",
    "no final budget",
    "no settlement",
    "no figure for the previous fiscal year",
    "general revenue not given",
    "no target value",
    "the target is 0",
    "no actual value",
    "the indicator is marked not settable",
    "the indicator has no direction",
    "the actual is 0 where it divides",
    "the evaluation scheme is unknown",
    "no answer carries a score",
    "the scored criteria weigh 0 in total",
    "no rating band applies",
    "the figure does not apply to this object",
    "no entry for that fiscal year",
    "an answer is not an option or number of its criterion",
    "no appropriation (the budget in force)",
    "no execution",
    "no amount carried over to the next fiscal year",
    "no total row for the budget year",
    "no contract amount",
    "an amount does not fit in 64-bit yen",
};

const char *const hyoka__reason_ja[] = {
    "算出できる",
    "決算額・最終予算額・当初予算額のいずれもない",
    "当該年度の人口がない",
    "当該年度の世帯数がない",
    "利用数がない",
    "受益者数がない",
    "割る数が0である",
    "最終予算額がない",
    "決算額がない",
    "前年度の数値がない",
    "一般財源の額がない",
    "目標値がない",
    "目標値が0である",
    "実績値がない",
    "指標が設定困難とされている",
    "指標の方向性（拡大・縮小・維持）がない",
    "実績値が0で割れない",
    "評価の方式が見つからない",
    "評点のある回答がない",
    "評点のある評価項目の重みの合計が0である",
    "該当する評価段階がない",
    "この対象には算出しない数値である",
    "当該年度のデータがない",
    "評価項目の選択肢・範囲にない回答がある",
    "歳出予算現額がない",
    "執行額がない",
    "翌年度への繰越額がない",
    "当該予算年度の合計の行がない",
    "契約の金額がない",
    "金額が64ビットの円の範囲を超える",
};

const char *const hyoka__figure_ja[] = {
    "事業費",
    "人件費",
    "公債費",
    "間接費",
    "トータルコスト",
    "一般財源",
    "特定財源",
    "市民一人当たりコスト",
    "一世帯当たりコスト",
    "利用数一単位当たりコスト",
    "受益者一人当たりコスト",
    "執行率",
    "人件費比率",
    "一般財源比率",
    "トータルコスト前年度比",
    "達成率",
    "前年度比",
    "評点",
    "不用額",
    "執行率",
    "会計別の割合",
    "一者応札・一者応募の割合",
    "競争性のない随意契約の割合",
};

const char *const hyoka__cost_field_ja[] = {
    "当初予算",
    "最終予算",
    "決算額",
    "国庫支出金",
    "都道府県支出金",
    "地方債",
    "使用料・受益者負担金",
    "その他特定財源",
    "一般財源",
    "公債費",
    "間接費",
    "利用数",
    "受益者数",
    "人口",
    "世帯数",
};

const char *const hyoka__value_field_ja[] = {
    "目標値", "実績値", "見込値", "記載の達成率",
};

const char *const hyoka__stage_ja[] = {
    "自己評価", "一次評価", "二次評価", "外部評価", "委員会評価",
};

/* ------------------------------------------------------------------------ */
/* Units                                                                     */

int hyoka__implied_unit(const hyoka_portfolio *portfolio, int amount_unit, int figure)
{
    if (hyoka__is_money_figure(figure))
        return amount_unit;
    if (hyoka__is_per_head_figure(figure) && portfolio && portfolio->rounding[figure].set)
        return portfolio->rounding[figure].unit;
    return HYOKA_UNIT_YEN;
}

int hyoka__check_lang(const char *fn, int lang)
{
    HYOKA__CHECK_ENUM_IN(fn, lang, LANG);
    return HYOKA_OK;
}
