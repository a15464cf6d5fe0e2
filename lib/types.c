/* Enumerations of the public API by name: hyoka_enum_count(),
 * hyoka_enum_name() and hyoka_enum_value().
 *
 * Every enumeration except the status codes is a table of document names
 * indexed by value (0 .. count-1). The names are those of the hyoka/1
 * format, as given in the doc comments of the headers. Status codes run
 * from 0 down to -(count-1) and are named by hyoka_status_name(). The
 * rounding names are kept here rather than taken from decimal.c so that
 * this table is self-contained; a unit test checks both agree. */
#include "model.h"

#include <string.h>

/* error.c */
int hyoka__status_count(void);

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

static const char *const rounding_names[] = {
    "half_up", "down", "up", "half_even", "floor", "ceiling",
};

static const char *const era_names[] = {
    "", "M", "T", "S", "H", "R",
};

static const char *const unit_names[] = {
    "yen", "thousand_yen",
};

static const char *const phase_names[] = {
    "plan", "budget", "forecast", "settled",
};

static const char *const duty_names[] = {
    "autonomous", "statutory_entrusted",
};

static const char *const period_names[] = {
    "one_time", "recurring", "fixed_term",
};

static const char *const category_names[] = {
    "regular", "reappointed", "part_time", "temporary",
};

static const char *const kind_names[] = {
    "activity", "target", "outcome", "upper_outcome",
};

static const char *const direction_names[] = {
    "increase", "decrease", "maintain",
};

static const char *const stage_names[] = {
    "self", "primary", "secondary", "external", "committee",
};

static const char *const expected_outcome_names[] = {
    "up", "same", "down",
};

static const char *const expected_cost_names[] = {
    "down", "same", "up",
};

static const char *const verdict_group_names[] = {
    "continue", "end",
};

static const char *const budget_kind_names[] = {
    "same", "increase", "decrease", "end",
};

static const char *const class_kind_names[] = {
    "policy", "account",
};

static const char *const severity_names[] = {
    "error", "warning", "info",
};

static const char *const figure_names[] = {
    "expense",
    "personnel",
    "debt_service",
    "indirect_costs",
    "total_cost",
    "general_revenue",
    "specific_revenue",
    "per_capita",
    "per_household",
    "unit_cost",
    "per_beneficiary",
    "execution_rate",
    "personnel_share",
    "general_revenue_share",
    "total_cost_change",
    "achievement",
    "change",
    "score",
};

static const char *const cost_field_names[] = {
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

static const char *const staff_field_names[] = {
    "headcount", "fte", "hours", "unit_cost", "hourly_rate", "amount",
};

static const char *const project_text_names[] = {
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
};

static const char *const value_field_names[] = {
    "target", "actual", "forecast", "stated_achievement",
};

static const char *const indicator_text_names[] = {
    "name", "unit", "definition", "not_settable_reason", "long_term_target.note",
};

static const char *const evaluation_text_names[] = {
    "evaluator", "scheme", "verdict", "budget",
};

static const char *const reason_names[] = {
    "none", "no_expense", "no_population", "no_households", "no_usage", "no_beneficiaries",
    "zero_denominator", "no_final_budget", "no_settlement", "no_previous_year", "no_general_revenue",
    "no_target", "target_zero", "no_actual", "not_settable", "no_direction", "actual_zero", "no_scheme",
    "no_scores", "zero_weight", "no_bands", "not_a_figure", "no_year", "bad_answer",
};

static const char *const lang_names[] = {
    "en", "ja",
};

static const char *const group_by_names[] = {
    "fiscal_year", "department", "policy", "verdict",
};

struct enum_table {
    const char *const *names;
    int count;
};

#define TABLE(a) {(a), (int)COUNT_OF(a)}

/* Indexed by hyoka_enum_id; HYOKA_ENUM_STATUS (0) is handled apart. */
static const struct enum_table tables[] = {
    {NULL, 0},                       /* HYOKA_ENUM_STATUS */
    TABLE(rounding_names),           /* HYOKA_ENUM_ROUNDING */
    TABLE(era_names),                /* HYOKA_ENUM_ERA */
    TABLE(unit_names),               /* HYOKA_ENUM_UNIT */
    TABLE(phase_names),              /* HYOKA_ENUM_PHASE */
    TABLE(duty_names),               /* HYOKA_ENUM_DUTY */
    TABLE(period_names),             /* HYOKA_ENUM_PERIOD */
    TABLE(category_names),           /* HYOKA_ENUM_STAFF_CATEGORY */
    TABLE(kind_names),               /* HYOKA_ENUM_INDICATOR_KIND */
    TABLE(direction_names),          /* HYOKA_ENUM_DIRECTION */
    TABLE(stage_names),              /* HYOKA_ENUM_STAGE */
    TABLE(expected_outcome_names),   /* HYOKA_ENUM_EXPECTED_OUTCOME */
    TABLE(expected_cost_names),      /* HYOKA_ENUM_EXPECTED_COST */
    TABLE(verdict_group_names),      /* HYOKA_ENUM_VERDICT_GROUP */
    TABLE(budget_kind_names),        /* HYOKA_ENUM_BUDGET_KIND */
    TABLE(class_kind_names),         /* HYOKA_ENUM_CLASS_KIND */
    TABLE(severity_names),           /* HYOKA_ENUM_SEVERITY */
    TABLE(figure_names),             /* HYOKA_ENUM_FIGURE */
    TABLE(cost_field_names),         /* HYOKA_ENUM_COST_FIELD */
    TABLE(staff_field_names),        /* HYOKA_ENUM_STAFF_FIELD */
    TABLE(project_text_names),       /* HYOKA_ENUM_PROJECT_TEXT */
    TABLE(value_field_names),        /* HYOKA_ENUM_VALUE_FIELD */
    TABLE(indicator_text_names),     /* HYOKA_ENUM_INDICATOR_TEXT */
    TABLE(evaluation_text_names),    /* HYOKA_ENUM_EVALUATION_TEXT */
    TABLE(reason_names),             /* HYOKA_ENUM_REASON */
    TABLE(lang_names),               /* HYOKA_ENUM_LANG */
    TABLE(group_by_names),           /* HYOKA_ENUM_GROUP_BY */
};

/* The tables must follow the headers: a new value or enumeration added
 * there without a name here fails the build. */
#define SAME_SIZE(a, n) _Static_assert(COUNT_OF(a) == (size_t)(n), #a " does not match its header")
SAME_SIZE(tables, HYOKA_ENUM_GROUP_BY + 1);
SAME_SIZE(reason_names, HYOKA_REASON_BAD_ANSWER + 1);
SAME_SIZE(lang_names, HYOKA_LANG_JA + 1);
SAME_SIZE(group_by_names, HYOKA_GROUP_VERDICT + 1);
SAME_SIZE(rounding_names, HYOKA_ROUND_CEILING + 1);
SAME_SIZE(era_names, HYOKA_ERA_REIWA + 1);
SAME_SIZE(unit_names, HYOKA_UNIT_THOUSAND_YEN + 1);
SAME_SIZE(phase_names, HYOKA_PHASE_SETTLED + 1);
SAME_SIZE(duty_names, HYOKA_DUTY_STATUTORY_ENTRUSTED + 1);
SAME_SIZE(period_names, HYOKA_PERIOD_FIXED_TERM + 1);
SAME_SIZE(category_names, HYOKA_CATEGORY_TEMPORARY + 1);
SAME_SIZE(kind_names, HYOKA_KIND_UPPER_OUTCOME + 1);
SAME_SIZE(direction_names, HYOKA_DIRECTION_MAINTAIN + 1);
SAME_SIZE(stage_names, HYOKA_STAGE_COMMITTEE + 1);
SAME_SIZE(expected_outcome_names, HYOKA_EXPECTED_OUTCOME_DOWN + 1);
SAME_SIZE(expected_cost_names, HYOKA_EXPECTED_COST_UP + 1);
SAME_SIZE(verdict_group_names, HYOKA_VERDICT_END + 1);
SAME_SIZE(budget_kind_names, HYOKA_BUDGET_END + 1);
SAME_SIZE(class_kind_names, HYOKA_CLASS_ACCOUNT + 1);
SAME_SIZE(severity_names, HYOKA_SEVERITY_INFO + 1);
SAME_SIZE(figure_names, HYOKA__FIGURE_COUNT);
SAME_SIZE(cost_field_names, HYOKA__COST_FIELD_COUNT);
SAME_SIZE(staff_field_names, HYOKA__STAFF_FIELD_COUNT);
SAME_SIZE(project_text_names, HYOKA__PROJECT_TEXT_COUNT);
SAME_SIZE(value_field_names, HYOKA__VALUE_FIELD_COUNT);
SAME_SIZE(indicator_text_names, HYOKA__INDICATOR_TEXT_COUNT);
SAME_SIZE(evaluation_text_names, HYOKA__EVAL_TEXT_COUNT);

static int known(int which)
{
    return which >= 0 && which < (int)COUNT_OF(tables);
}

int hyoka_enum_count(int which)
{
    if (!known(which))
        return hyoka__fail(HYOKA_EINVAL, "hyoka_enum_count: unknown enumeration %d", which);
    if (which == HYOKA_ENUM_STATUS)
        return hyoka__status_count();
    return tables[which].count;
}

const char *hyoka_enum_name(int which, int value)
{
    if (!known(which)) {
        hyoka__fail(HYOKA_EINVAL, "hyoka_enum_name: unknown enumeration %d", which);
        return NULL;
    }
    if (which == HYOKA_ENUM_STATUS) {
        if (value > 0 || value <= -hyoka__status_count()) {
            hyoka__fail(HYOKA_EINVAL, "hyoka_enum_name: %d is not a status code", value);
            return NULL;
        }
        return hyoka_status_name(value);
    }
    if (value < 0 || value >= tables[which].count) {
        hyoka__fail(HYOKA_EINVAL, "hyoka_enum_name: %d is not a value of enumeration %d", value, which);
        return NULL;
    }
    return tables[which].names[value];
}

static int name_is(const char *candidate, const char *name, size_t len)
{
    return strlen(candidate) == len && memcmp(candidate, name, len) == 0;
}

int hyoka_enum_value(int which, const char *name, size_t len, int *value)
{
    if (!known(which))
        return hyoka__fail(HYOKA_EINVAL, "hyoka_enum_value: unknown enumeration %d", which);
    if (!name)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_enum_value: name is NULL");
    if (!value)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_enum_value: value is NULL");
    len = hyoka__len(name, len);
    if (which == HYOKA_ENUM_STATUS) {
        int n = hyoka__status_count();
        for (int code = 0; code > -n; code--) {
            if (name_is(hyoka_status_name(code), name, len)) {
                *value = code;
                return HYOKA_OK;
            }
        }
    } else {
        const struct enum_table *t = &tables[which];
        for (int i = 0; i < t->count; i++) {
            if (name_is(t->names[i], name, len)) {
                *value = i;
                return HYOKA_OK;
            }
        }
    }
    /* Quote the name only when it is short, printable text. */
    if (len <= 64 && !memchr(name, '\0', len) && hyoka__utf8_valid(name, len))
        return hyoka__fail(HYOKA_ENOTFOUND, "hyoka_enum_value: enumeration %d has no value named \"%.*s\"",
                           which, (int)len, name);
    return hyoka__fail(HYOKA_ENOTFOUND, "hyoka_enum_value: enumeration %d has no value with this name (%zu bytes)",
                       which, len);
}
