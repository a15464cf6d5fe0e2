/* Tests of types.h: the run-time tables of every public enumeration
 * (hyoka_enum_count(), hyoka_enum_name(), hyoka_enum_value()), through the
 * public API only. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

#define EXPECT_FAIL(code, call)                            \
    do {                                                   \
        hyoka_error_clear();                               \
        assert_int_equal((call), (code));                  \
        assert_int_equal(hyoka_error_last_code(), (code)); \
        assert_true(strlen(hyoka_error_last()) > 0);       \
    } while (0)

#define ENUM_ID_COUNT (HYOKA_ENUM_ACHIEVEMENT_RULE + 1)

/* The expected tables, written out from the headers' doc comments. */
static const char *const rounding[] = {"half_up", "down", "up", "half_even", "floor", "ceiling", NULL};
static const char *const era[] = {"", "M", "T", "S", "H", "R", NULL};
static const char *const unit[] = {"yen", "thousand_yen", NULL};
static const char *const phase[] = {"plan", "budget", "forecast", "settled", NULL};
static const char *const duty[] = {"autonomous", "statutory_entrusted", NULL};
static const char *const period[] = {"one_time", "recurring", "fixed_term", NULL};
static const char *const category[] = {"regular", "reappointed", "part_time", "temporary", NULL};
static const char *const kind[] = {"activity", "target", "outcome", "upper_outcome", "action", NULL};
static const char *const direction[] = {"increase", "decrease", "maintain", NULL};
static const char *const stage[] = {"self", "primary", "secondary", "external", "committee", NULL};
static const char *const outcome[] = {"up", "same", "down", NULL};
static const char *const cost[] = {"down", "same", "up", NULL};
static const char *const verdict_group[] = {"continue", "end", NULL};
static const char *const budget_kind[] = {"same", "increase", "decrease", "end", NULL};
static const char *const class_kind[] = {"policy", "account", NULL};
static const char *const severity[] = {"error", "warning", "info", NULL};
static const char *const figure[] = {
    "expense", "personnel", "debt_service", "indirect_costs", "total_cost", "general_revenue",
    "specific_revenue", "per_capita", "per_household", "unit_cost", "per_beneficiary", "execution_rate",
    "personnel_share", "general_revenue_share", "total_cost_change", "achievement", "change", "score",
    "unspent", "appropriation_rate", "account_share", "single_bidder_share", "noncompetitive_share", NULL};
static const char *const cost_field[] = {
    "initial_budget", "final_budget", "settlement", "national", "prefectural", "bonds", "user_charges",
    "other", "general", "debt_service", "indirect_costs", "usage", "beneficiaries", "population",
    "households", NULL};
static const char *const staff_field[] = {"headcount", "fte", "hours", "unit_cost", "hourly_rate", "amount", NULL};
static const char *const project_text[] = {
    "code", "name", "organization.department", "organization.section", "organization.group",
    "organization.head", "organization.contact", "organization.phone", "legal_basis", "texts.purpose",
    "texts.target", "texts.intent", "texts.result", "texts.summary", "texts.background",
    "texts.environment", "texts.opinions", "texts.activities_done", "texts.activities_planned",
    "organization.ministry", "organization.bureau", "organization.office", "organization.team",
    "organization.jurisdiction", "organization.ministry_order", "organization.preparer", "texts.issues",
    "texts.overview_url", "texts.notes", "texts.other_notes", "sheet_type", "category", "major_expense",
    "old_code", "display_order", NULL};
static const char *const value_field[] = {"target", "actual", "forecast", "stated_achievement", NULL};
static const char *const indicator_text[] = {"name", "unit", "definition", "not_settable_reason",
                                             "long_term_target.note", "goal", "source", "qualitative_reason",
                                             "qualitative_result", "kpi_name", "kpi_section", "kpi_url", NULL};
static const char *const evaluation_text[] = {"evaluator", "scheme", "verdict", "budget", NULL};
static const char *const reason[] = {
    "none", "no_expense", "no_population", "no_households", "no_usage", "no_beneficiaries",
    "zero_denominator", "no_final_budget", "no_settlement", "no_previous_year", "no_general_revenue",
    "no_target", "target_zero", "no_actual", "not_settable", "no_direction", "actual_zero", "no_scheme",
    "no_scores", "zero_weight", "no_bands", "not_a_figure", "no_year", "bad_answer", "no_appropriation",
    "no_execution", "no_carried_out", "no_total", "no_contracts", "overflow", NULL};
static const char *const lang[] = {"en", "ja", NULL};
static const char *const group_by[] = {"fiscal_year", "department", "policy", "verdict", NULL};
static const char *const record_kind[] = {
    "budgets", "items", "blocks", "recipients", "contracts", "expenses", "flows", "multiyear_contracts",
    "policies", "laws", "plans", "subsidies", "related", "organizations", "links", "findings", "reflections",
    NULL};
static const char *const record_field[] = {
    "budget_year", "account_type", "account", "subaccount", "initial", "supplementary", "supplementary_1",
    "supplementary_2", "supplementary_3", "supplementary_4", "supplementary_5", "carried_in", "reserve",
    "reserve_1", "reserve_2", "reserve_3", "reserve_4", "appropriation", "execution", "stated_execution_rate",
    "carried_out", "request", "priority_request", "change_reason", "special_notes", "notes", "budget_type",
    "jurisdiction", "organization", "item", "sub_item", "item_note", "amount", "block", "name",
    "recipient_count", "role", "total", "corporate_number", "location", "corporate_type", "other", "summary",
    "method", "method_detail", "bidders", "winning_bid_ratio", "single_bid_reason", "cost_item", "use",
    "from_block", "from_name", "from_organization", "to_block", "to_name", "indirect_cost", "indirect_item",
    "indirect_amount", "number", "ministry", "policy", "measure", "url", "law_number", "law_id", "article",
    "paragraph", "subparagraph", "target", "rate", "limit", "project_code", "relation", "bureau", "department",
    "section", "office", "team", "group", "from_number", "from_kind", "from_term", "from_goal",
    "from_indicator", "to_number", "to_kind", "to_term", "to_goal", "to_indicator", "connection",
    "single_stage_reason", "category", "survey", "fiscal_year", "content", "response", NULL};
static const char *const field_type[] = {"text", "money", "decimal", "integer", "flag", "fiscal_year", NULL};
static const char *const field_state[] = {"missing", "set", "not_applicable", NULL};
static const char *const term[] = {"short", "medium", "long", NULL};
static const char *const measurement[] = {"quantitative", "qualitative", NULL};
static const char *const achievement_rule[] = {"by_direction", "ratio", NULL};
static const char *const project_flag[] = {
    "start_unknown", "no_planned_end", "methods.direct", "methods.subsidy", "methods.burden", "methods.grant",
    "methods.contribution", "methods.other", NULL};

struct expected {
    int id;
    int last;                  /* the header's last enumerator */
    const char *const *names;  /* NULL for the status codes */
};

static const struct expected all[] = {
    {HYOKA_ENUM_STATUS, -HYOKA_EINVALID, NULL},
    {HYOKA_ENUM_ROUNDING, HYOKA_ROUND_CEILING, rounding},
    {HYOKA_ENUM_ERA, HYOKA_ERA_REIWA, era},
    {HYOKA_ENUM_UNIT, HYOKA_UNIT_THOUSAND_YEN, unit},
    {HYOKA_ENUM_PHASE, HYOKA_PHASE_SETTLED, phase},
    {HYOKA_ENUM_DUTY, HYOKA_DUTY_STATUTORY_ENTRUSTED, duty},
    {HYOKA_ENUM_PERIOD, HYOKA_PERIOD_FIXED_TERM, period},
    {HYOKA_ENUM_STAFF_CATEGORY, HYOKA_CATEGORY_TEMPORARY, category},
    {HYOKA_ENUM_INDICATOR_KIND, HYOKA_KIND_ACTION, kind},
    {HYOKA_ENUM_DIRECTION, HYOKA_DIRECTION_MAINTAIN, direction},
    {HYOKA_ENUM_STAGE, HYOKA_STAGE_COMMITTEE, stage},
    {HYOKA_ENUM_EXPECTED_OUTCOME, HYOKA_EXPECTED_OUTCOME_DOWN, outcome},
    {HYOKA_ENUM_EXPECTED_COST, HYOKA_EXPECTED_COST_UP, cost},
    {HYOKA_ENUM_VERDICT_GROUP, HYOKA_VERDICT_END, verdict_group},
    {HYOKA_ENUM_BUDGET_KIND, HYOKA_BUDGET_END, budget_kind},
    {HYOKA_ENUM_CLASS_KIND, HYOKA_CLASS_ACCOUNT, class_kind},
    {HYOKA_ENUM_SEVERITY, HYOKA_SEVERITY_INFO, severity},
    {HYOKA_ENUM_FIGURE, HYOKA_FIG_NONCOMPETITIVE_SHARE, figure},
    {HYOKA_ENUM_COST_FIELD, HYOKA_COST_HOUSEHOLDS, cost_field},
    {HYOKA_ENUM_STAFF_FIELD, HYOKA_STAFF_AMOUNT, staff_field},
    {HYOKA_ENUM_PROJECT_TEXT, HYOKA_TEXT_DISPLAY_ORDER, project_text},
    {HYOKA_ENUM_VALUE_FIELD, HYOKA_VALUE_STATED_ACHIEVEMENT, value_field},
    {HYOKA_ENUM_INDICATOR_TEXT, HYOKA_INDICATOR_KPI_URL, indicator_text},
    {HYOKA_ENUM_EVALUATION_TEXT, HYOKA_EVAL_BUDGET, evaluation_text},
    {HYOKA_ENUM_REASON, HYOKA_REASON_OVERFLOW, reason},
    {HYOKA_ENUM_LANG, HYOKA_LANG_JA, lang},
    {HYOKA_ENUM_GROUP_BY, HYOKA_GROUP_VERDICT, group_by},
    {HYOKA_ENUM_RECORD_KIND, HYOKA_RECORD_REFLECTION, record_kind},
    {HYOKA_ENUM_RECORD_FIELD, HYOKA_FIELD_RESPONSE, record_field},
    {HYOKA_ENUM_FIELD_TYPE, HYOKA_TYPE_FISCAL_YEAR, field_type},
    {HYOKA_ENUM_FIELD_STATE, HYOKA_STATE_NOT_APPLICABLE, field_state},
    {HYOKA_ENUM_TERM, HYOKA_TERM_LONG, term},
    {HYOKA_ENUM_MEASUREMENT, HYOKA_MEASUREMENT_QUALITATIVE, measurement},
    {HYOKA_ENUM_PROJECT_FLAG, HYOKA_FLAG_METHOD_OTHER, project_flag},
    {HYOKA_ENUM_ACHIEVEMENT_RULE, HYOKA_ACHIEVEMENT_RATIO, achievement_rule},
};

static size_t table_len(const char *const *names)
{
    size_t n = 0;
    while (names[n])
        n++;
    return n;
}

/* ------------------------------------------------------------------------ */

static void test_every_id_listed(void **state)
{
    (void)state;
    assert_int_equal(sizeof all / sizeof all[0], ENUM_ID_COUNT);
    for (int i = 0; i < ENUM_ID_COUNT; i++)
        assert_int_equal(all[i].id, i);
}

static void test_counts(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        int n = hyoka_enum_count(all[i].id);
        assert_int_equal(n, all[i].last + 1);
        if (all[i].names)
            assert_int_equal((size_t)n, table_len(all[i].names));
    }
    /* A few written out, as a user would check them. */
    assert_int_equal(hyoka_enum_count(HYOKA_ENUM_PROJECT_TEXT), 35);
    assert_int_equal(hyoka_enum_count(HYOKA_ENUM_FIGURE), 23);
    assert_int_equal(hyoka_enum_count(HYOKA_ENUM_RECORD_KIND), 17);
    assert_int_equal(hyoka_enum_count(HYOKA_ENUM_RECORD_FIELD), 96);
    assert_int_equal(hyoka_enum_count(HYOKA_ENUM_COST_FIELD), 15);
    assert_int_equal(hyoka_enum_count(HYOKA_ENUM_STATUS), 14);
}

static void test_names(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        const struct expected *e = &all[i];
        if (!e->names)
            continue;
        for (int v = 0; e->names[v]; v++) {
            const char *name = hyoka_enum_name(e->id, v);
            assert_non_null(name);
            assert_string_equal(name, e->names[v]);
        }
    }
    assert_string_equal(hyoka_enum_name(HYOKA_ENUM_COST_FIELD, HYOKA_COST_INDIRECT), "indirect_costs");
    assert_string_equal(hyoka_enum_name(HYOKA_ENUM_PROJECT_TEXT, HYOKA_TEXT_DEPARTMENT), "organization.department");
    assert_string_equal(hyoka_enum_name(HYOKA_ENUM_INDICATOR_TEXT, HYOKA_INDICATOR_LONG_TERM_NOTE),
                        "long_term_target.note");
    assert_string_equal(hyoka_enum_name(HYOKA_ENUM_DUTY, HYOKA_DUTY_STATUTORY_ENTRUSTED), "statutory_entrusted");
    assert_string_equal(hyoka_enum_name(HYOKA_ENUM_ERA, HYOKA_ERA_NONE), "");
    assert_string_equal(hyoka_enum_name(HYOKA_ENUM_ERA, HYOKA_ERA_HEISEI), "H");
}

static void test_names_agree_with_modules(void **state)
{
    (void)state;
    for (int m = 0; m < hyoka_enum_count(HYOKA_ENUM_ROUNDING); m++) {
        const char *mine = hyoka_enum_name(HYOKA_ENUM_ROUNDING, m);
        const char *theirs = hyoka_rounding_name(m);
        assert_non_null(mine);
        if (theirs)
            assert_string_equal(mine, theirs);
    }
    for (int e = HYOKA_ERA_MEIJI; e <= HYOKA_ERA_REIWA; e++) {
        const char *letter = hyoka_era_letter(e);
        if (letter)
            assert_string_equal(hyoka_enum_name(HYOKA_ENUM_ERA, e), letter);
    }
}

static void test_round_trip(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        int id = all[i].id;
        int n = hyoka_enum_count(id);
        assert_true(n > 0);
        for (int k = 0; k < n; k++) {
            int v = id == HYOKA_ENUM_STATUS ? -k : k;
            const char *name = hyoka_enum_name(id, v);
            int back = 12345;
            size_t len;
            assert_non_null(name);
            assert_int_equal(hyoka_enum_value(id, name, HYOKA_NTS, &back), HYOKA_OK);
            assert_int_equal(back, v);
            /* Explicit length, in a buffer with trailing garbage. */
            {
                char buf[64];
                len = strlen(name);
                assert_true(len + 3 < sizeof buf);
                memcpy(buf, name, len);
                memcpy(buf + len, "zz", 3);
                back = 12345;
                assert_int_equal(hyoka_enum_value(id, buf, len, &back), HYOKA_OK);
                assert_int_equal(back, v);
            }
        }
    }
}

static void test_status(void **state)
{
    int v = 1;
    (void)state;
    assert_string_equal(hyoka_enum_name(HYOKA_ENUM_STATUS, HYOKA_OK), "HYOKA_OK");
    assert_string_equal(hyoka_enum_name(HYOKA_ENUM_STATUS, HYOKA_ERANGE), "HYOKA_ERANGE");
    assert_string_equal(hyoka_enum_name(HYOKA_ENUM_STATUS, HYOKA_EINVALID), "HYOKA_EINVALID");
    assert_int_equal(hyoka_enum_value(HYOKA_ENUM_STATUS, "HYOKA_ESTATE", HYOKA_NTS, &v), HYOKA_OK);
    assert_int_equal(v, HYOKA_ESTATE);
    for (int c = 0; c > -hyoka_enum_count(HYOKA_ENUM_STATUS); c--)
        assert_string_equal(hyoka_enum_name(HYOKA_ENUM_STATUS, c), hyoka_status_name(c));
    /* Out of range codes: positive, and one past the last. */
    hyoka_error_clear();
    assert_null(hyoka_enum_name(HYOKA_ENUM_STATUS, 1));
    assert_true(strlen(hyoka_error_last()) > 0);
    hyoka_error_clear();
    assert_null(hyoka_enum_name(HYOKA_ENUM_STATUS, -hyoka_enum_count(HYOKA_ENUM_STATUS)));
    assert_true(strlen(hyoka_error_last()) > 0);
    /* "HYOKA_UNKNOWN" is what hyoka_status_name() gives unknown codes, not a code. */
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_enum_value(HYOKA_ENUM_STATUS, "HYOKA_UNKNOWN", HYOKA_NTS, &v));
}

static void test_unknown_id(void **state)
{
    int v = 77;
    (void)state;
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_enum_count(-1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_enum_count(ENUM_ID_COUNT));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_enum_count(1 << 30));

    hyoka_error_clear();
    assert_null(hyoka_enum_name(-1, 0));
    assert_int_equal(hyoka_error_last_code(), HYOKA_EINVAL);
    assert_null(hyoka_enum_name(ENUM_ID_COUNT, 0));
    assert_null(hyoka_enum_name(1000, 0));

    EXPECT_FAIL(HYOKA_EINVAL, hyoka_enum_value(-1, "yen", HYOKA_NTS, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_enum_value(ENUM_ID_COUNT, "yen", HYOKA_NTS, &v));
    assert_int_equal(v, 77);
}

static void test_unknown_value(void **state)
{
    int v = 77;
    (void)state;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        int id = all[i].id;
        if (id == HYOKA_ENUM_STATUS)
            continue;
        hyoka_error_clear();
        assert_null(hyoka_enum_name(id, -1));
        assert_int_equal(hyoka_error_last_code(), HYOKA_EINVAL);
        assert_true(strlen(hyoka_error_last()) > 0);
        assert_null(hyoka_enum_name(id, hyoka_enum_count(id)));
        assert_null(hyoka_enum_name(id, 1 << 20));
        EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_enum_value(id, "no-such-name", HYOKA_NTS, &v));
        assert_int_equal(v, 77);
    }
}

static void test_value_bad_arguments(void **state)
{
    int v = 77;
    (void)state;
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_enum_value(HYOKA_ENUM_UNIT, NULL, 3, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_enum_value(HYOKA_ENUM_UNIT, "yen", HYOKA_NTS, NULL));
    /* Case matters, as do prefixes and trailing bytes. */
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_enum_value(HYOKA_ENUM_UNIT, "YEN", HYOKA_NTS, &v));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_enum_value(HYOKA_ENUM_UNIT, "ye", HYOKA_NTS, &v));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_enum_value(HYOKA_ENUM_UNIT, "yen ", HYOKA_NTS, &v));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_enum_value(HYOKA_ENUM_UNIT, "yen\0x", 5, &v));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_enum_value(HYOKA_ENUM_UNIT, "\xff", HYOKA_NTS, &v));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_enum_value(HYOKA_ENUM_UNIT, "", HYOKA_NTS, &v));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_enum_value(HYOKA_ENUM_PROJECT_TEXT, "department", HYOKA_NTS, &v));
    assert_int_equal(v, 77);
    /* The empty name is the era NONE. */
    assert_int_equal(hyoka_enum_value(HYOKA_ENUM_ERA, "", HYOKA_NTS, &v), HYOKA_OK);
    assert_int_equal(v, HYOKA_ERA_NONE);
    assert_int_equal(hyoka_enum_value(HYOKA_ENUM_ERA, "Rx", 1, &v), HYOKA_OK);
    assert_int_equal(v, HYOKA_ERA_REIWA);
    /* A long name is refused without trouble. */
    {
        char big[300];
        memset(big, 'a', sizeof big - 1);
        big[sizeof big - 1] = '\0';
        EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_enum_value(HYOKA_ENUM_FIGURE, big, HYOKA_NTS, &v));
    }
}

static void test_success_keeps_error(void **state)
{
    int v;
    (void)state;
    hyoka_error_clear();
    assert_int_equal(hyoka_enum_count(HYOKA_ENUM_PHASE), 4);
    assert_non_null(hyoka_enum_name(HYOKA_ENUM_PHASE, 0));
    assert_int_equal(hyoka_enum_value(HYOKA_ENUM_PHASE, "settled", HYOKA_NTS, &v), HYOKA_OK);
    assert_int_equal(v, HYOKA_PHASE_SETTLED);
    assert_int_equal(hyoka_error_last_code(), HYOKA_OK);
    assert_string_equal(hyoka_error_last(), "");
}

static void test_names_unique(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        int id = all[i].id, n = hyoka_enum_count(id);
        for (int a = 0; a < n; a++)
            for (int b = a + 1; b < n; b++) {
                int va = id == HYOKA_ENUM_STATUS ? -a : a, vb = id == HYOKA_ENUM_STATUS ? -b : b;
                assert_string_not_equal(hyoka_enum_name(id, va), hyoka_enum_name(id, vb));
            }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_id_listed),
        cmocka_unit_test(test_counts),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_names_agree_with_modules),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_status),
        cmocka_unit_test(test_unknown_id),
        cmocka_unit_test(test_unknown_value),
        cmocka_unit_test(test_value_bad_arguments),
        cmocka_unit_test(test_success_keeps_error),
        cmocka_unit_test(test_names_unique),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
