/* Internal tests of the shared vocabulary (vocab.h), the model lookups
 * (lookup.h) and the figures with an explicit rounding
 * (figures/internal.h): what the readers, writers and validation rely on
 * besides the public API. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "figures/internal.h"
#include "lookup.h"
#include "vocab.h"

#define NTS HYOKA_NTS
#define OK(call) assert_int_equal((call), HYOKA_OK)

static hyoka_decimal D(const char *text)
{
    hyoka_decimal d;
    OK(hyoka_decimal_parse(text, NTS, &d));
    return d;
}

static void assert_decimal(const hyoka_decimal *d, const char *text)
{
    char buf[HYOKA_DECIMAL_STRING_MAX];
    OK(hyoka_decimal_format(d, 0, buf, sizeof buf, NULL));
    assert_string_equal(buf, text);
}

/* The tables are those hyoka_enum_name() serves, and every name is there. */
static void test_names(void **state)
{
    int count = 0;
    (void)state;
    assert_ptr_equal(hyoka__enum_names(HYOKA_ENUM_FIGURE, &count), hyoka__figure_names);
    assert_int_equal(count, HYOKA__FIGURE_COUNT);
    assert_null(hyoka__enum_names(HYOKA_ENUM_STATUS, &count));
    assert_null(hyoka__enum_names(-1, &count));
    assert_null(hyoka__enum_names(HYOKA__ENUM_ID_COUNT, &count));
    for (int which = HYOKA_ENUM_ROUNDING; which < HYOKA__ENUM_ID_COUNT; which++) {
        const char *const *names = hyoka__enum_names(which, &count);
        assert_non_null(names);
        assert_int_equal(count, hyoka_enum_count(which));
        for (int v = 0; v < count; v++)
            assert_ptr_equal(hyoka_enum_name(which, v), names[v]);
    }
    assert_string_equal(hyoka__figure_names[HYOKA_FIG_PER_CAPITA], "per_capita");
    assert_string_equal(hyoka__figure_ja[HYOKA_FIG_UNIT_COST], "利用数一単位当たりコスト");
    assert_string_equal(hyoka__cost_field_ja[HYOKA_COST_BONDS], "地方債");
    assert_string_equal(hyoka__stage_ja[HYOKA_STAGE_SECONDARY], "二次評価");
    assert_string_equal(hyoka_rounding_name(HYOKA_ROUND_HALF_EVEN), hyoka__rounding_names[HYOKA_ROUND_HALF_EVEN]);
    for (int r = 0; r < HYOKA__REASON_COUNT; r++) {
        assert_ptr_equal(hyoka_reason_message(r, HYOKA_LANG_EN), hyoka__reason_en[r]);
        assert_ptr_equal(hyoka_reason_message(r, HYOKA_LANG_JA), hyoka__reason_ja[r]);
    }
}

static void test_kinds_and_units(void **state)
{
    hyoka_portfolio *pf = NULL;
    (void)state;
    for (int f = 0; f < HYOKA__FIGURE_COUNT; f++) {
        int kinds = hyoka__is_money_figure(f) + hyoka__is_per_head_figure(f) + hyoka__is_percentage_figure(f);
        assert_int_equal(kinds, hyoka__is_year_figure(f));
        assert_int_equal(hyoka__is_yen_figure(f), hyoka__is_money_figure(f) || f == HYOKA_FIG_UNSPENT);
        assert_int_equal(hyoka__is_record_figure(f), f >= HYOKA_FIG_UNSPENT);
        assert_int_equal(hyoka__default_places(f),
                         hyoka__is_yen_figure(f) ? 0 : f == HYOKA_FIG_APPROPRIATION_RATE ? 5 : 1);
        assert_int_equal(hyoka__stated_unit(f, HYOKA_UNIT_THOUSAND_YEN),
                         hyoka__is_percentage_figure(f) ? HYOKA_UNIT_YEN : HYOKA_UNIT_THOUSAND_YEN);
    }
    for (int c = 0; c < HYOKA__COST_FIELD_COUNT; c++)
        assert_int_equal(hyoka__is_count_field(c), c >= HYOKA_COST_USAGE);

    OK(hyoka_portfolio_new(&pf));
    assert_int_equal(hyoka__implied_unit(pf, HYOKA_UNIT_THOUSAND_YEN, HYOKA_FIG_EXPENSE), HYOKA_UNIT_THOUSAND_YEN);
    assert_int_equal(hyoka__implied_unit(pf, HYOKA_UNIT_YEN, HYOKA_FIG_EXPENSE), HYOKA_UNIT_YEN);
    assert_int_equal(hyoka__implied_unit(pf, HYOKA_UNIT_THOUSAND_YEN, HYOKA_FIG_PER_CAPITA), HYOKA_UNIT_YEN);
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_PER_CAPITA, 3, HYOKA_ROUND_DOWN, HYOKA_UNIT_THOUSAND_YEN));
    assert_int_equal(hyoka__implied_unit(pf, HYOKA_UNIT_YEN, HYOKA_FIG_PER_CAPITA), HYOKA_UNIT_THOUSAND_YEN);
    assert_int_equal(hyoka__implied_unit(pf, HYOKA_UNIT_THOUSAND_YEN, HYOKA_FIG_EXECUTION_RATE), HYOKA_UNIT_YEN);
    assert_int_equal(hyoka__implied_unit(NULL, HYOKA_UNIT_YEN, HYOKA_FIG_PER_CAPITA), HYOKA_UNIT_YEN);
    hyoka_portfolio_free(pf);
}

static void test_lookups(void **state)
{
    const hyoka_scheme *jp = hyoka_scheme_builtin(HYOKA__DEFAULT_SCHEME, NTS);
    const struct hyoka__criterion *cr;
    hyoka_portfolio *pf = NULL;
    hyoka_project *p = NULL, *child = NULL;
    hyoka_evaluation *a = NULL, *b = NULL, *c = NULL, *d = NULL;
    struct hyoka__rounding r;
    (void)state;

    assert_non_null(jp);
    cr = hyoka__find_criterion(jp, "efficiency", NTS);
    assert_non_null(cr);
    assert_ptr_equal(hyoka__find_criterion(jp, "efficiency-x", 10), cr);
    assert_null(hyoka__find_criterion(jp, "efficiency", 9));
    assert_null(hyoka__find_criterion(jp, "efficiency\0", 11));
    assert_non_null(hyoka__find_option(cr, "B", NTS));
    assert_null(hyoka__find_option(cr, "D", NTS));
    assert_int_equal(hyoka__find_verdict(jp, "end", NTS)->group, HYOKA_VERDICT_END);
    assert_int_equal(hyoka__find_budget(jp, "increase", NTS)->kind, HYOKA_BUDGET_INCREASE);
    assert_null(hyoka__find_budget(jp, "expand", NTS));

    OK(hyoka_portfolio_new(&pf));
    OK(hyoka_project_new(&p));
    OK(hyoka_portfolio_add_project(pf, p));
    OK(hyoka_project_new(&child));
    OK(hyoka_project_add_child(p, child));
    assert_ptr_equal(hyoka__portfolio_of(child), pf);
    assert_null(hyoka__portfolio_of(NULL));
    assert_null(hyoka__final_evaluation(child));
    OK(hyoka_project_add_evaluation(child, HYOKA_STAGE_SECONDARY, &a));
    OK(hyoka_project_add_evaluation(child, HYOKA_STAGE_PRIMARY, &b));
    OK(hyoka_project_add_evaluation(child, HYOKA_STAGE_SECONDARY, &c));
    OK(hyoka_project_add_evaluation(child, HYOKA_STAGE_SELF, &d));
    OK(hyoka_evaluation_set_fiscal_year(a, 2020));
    OK(hyoka_evaluation_set_fiscal_year(b, 2020));
    OK(hyoka_evaluation_set_fiscal_year(c, 2020));
    OK(hyoka_evaluation_set_fiscal_year(d, 2021));
    assert_ptr_equal(hyoka__decisive_evaluation(child, 2020), c); /* the last of the highest stage */
    assert_ptr_equal(hyoka__decisive_evaluation(child, 2021), d);
    assert_null(hyoka__decisive_evaluation(child, 2019));
    assert_ptr_equal(hyoka__final_evaluation(child), d); /* the latest year first */
    assert_ptr_equal(hyoka__scheme_of(a), jp);
    OK(hyoka_evaluation_set_text(a, HYOKA_EVAL_SCHEME, "oecd-dac", NTS));
    assert_ptr_equal(hyoka__scheme_of(a), hyoka_scheme_builtin("oecd-dac", NTS));
    OK(hyoka_evaluation_set_text(a, HYOKA_EVAL_SCHEME, "city-own", NTS));
    assert_null(hyoka__scheme_of(a));

    assert_int_equal(hyoka__rounding_in_force(pf, HYOKA_FIG_EXPENSE, &r), 0);
    assert_int_equal(r.places, 0);
    assert_int_equal(r.mode, HYOKA_ROUND_HALF_UP);
    assert_int_equal(hyoka__rounding_in_force(NULL, HYOKA_FIG_SCORE, &r), 0);
    assert_int_equal(r.places, 1);
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_SCORE, 2, HYOKA_ROUND_FLOOR, HYOKA_UNIT_YEN));
    assert_int_equal(hyoka__rounding_in_force(pf, HYOKA_FIG_SCORE, &r), 1);
    assert_int_equal(r.places, 2);
    assert_int_equal(r.mode, HYOKA_ROUND_FLOOR);
    hyoka_portfolio_free(pf);
}

/* The figures with an explicit rule are those of the rule in force, only
 * rounded otherwise; money with an explicit rule is written in its unit. */
static void test_explicit_rounding(void **state)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *p = NULL;
    hyoka_costs *c = NULL;
    hyoka_decimal d, e, s;
    struct hyoka__rounding r = {2, HYOKA_ROUND_DOWN, HYOKA_UNIT_THOUSAND_YEN};
    int why = HYOKA_REASON_NONE;
    (void)state;

    OK(hyoka_portfolio_new(&pf));
    OK(hyoka_project_new(&p));
    OK(hyoka_portfolio_add_project(pf, p));
    OK(hyoka_project_add_year(p, 2007, &c));
    OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 16627000));
    OK(hyoka_costs_set(c, HYOKA_COST_USAGE, 1054));
    OK(hyoka_costs_set(c, HYOKA_COST_POPULATION, 0));

    OK(hyoka__year_figure(c, HYOKA_FIG_UNIT_COST, NULL, NULL, &d, &why));
    OK(hyoka_costs_figure(c, HYOKA_FIG_UNIT_COST, &e, NULL));
    assert_decimal(&d, "15775.1");
    assert_decimal(&e, "15775.1");
    OK(hyoka__year_figure(c, HYOKA_FIG_UNIT_COST, NULL, &r, &d, &why));
    assert_decimal(&d, "15.77"); /* 16,627 thousand ÷ 1,054, down */
    OK(hyoka__year_figure(c, HYOKA_FIG_EXPENSE, NULL, NULL, &d, &why));
    assert_decimal(&d, "16627000");
    OK(hyoka__year_figure(c, HYOKA_FIG_EXPENSE, NULL, &r, &d, &why));
    assert_decimal(&d, "16627.00");
    r.places = 0;
    r.mode = HYOKA_ROUND_UP;
    OK(hyoka__money_in_unit(16627001, &r, &d));
    assert_decimal(&d, "16628");
    assert_int_equal(hyoka__year_figure(c, HYOKA_FIG_PER_CAPITA, NULL, &r, &d, &why), HYOKA_EUNAVAILABLE);
    assert_int_equal(why, HYOKA_REASON_ZERO_DENOMINATOR);

    /* The counterpart of a stated figure: its places and unit, the rule's mode. */
    s = D("15775.5");
    OK(hyoka_costs_set_stated(c, HYOKA_FIG_UNIT_COST, &s, HYOKA_UNIT_YEN));
    OK(hyoka__costs_stated_counterpart(c, HYOKA_FIG_UNIT_COST, NULL, &d, &why));
    assert_decimal(&d, "15775.1");
    assert_false(hyoka__stated_matches(&s, &d, 3));
    assert_true(hyoka__stated_matches(&s, &d, 4));
    s = D("15.8");
    OK(hyoka_costs_set_stated(c, HYOKA_FIG_UNIT_COST, &s, HYOKA_UNIT_THOUSAND_YEN));
    OK(hyoka__costs_stated_counterpart(c, HYOKA_FIG_UNIT_COST, NULL, &d, &why));
    assert_decimal(&d, "15.8");
    assert_true(hyoka__stated_matches(&s, &d, 0));
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_UNIT_COST, 1, HYOKA_ROUND_DOWN, HYOKA_UNIT_YEN));
    OK(hyoka__costs_stated_counterpart(c, HYOKA_FIG_UNIT_COST, NULL, &d, &why));
    assert_decimal(&d, "15.7");
    hyoka_portfolio_free(pf);
}

/* Every enumeration has its C name for messages, and its
 * HYOKA__<ID>_COUNT (the argument checks of internal.h pair them by name)
 * is the size of its table of names. */
static void test_enum_types(void **state)
{
#define PAIR(ID) {HYOKA_ENUM_##ID, HYOKA__##ID##_COUNT}
    static const struct {
        int which, count;
    } pairs[] = {
        PAIR(ROUNDING), PAIR(ERA), PAIR(UNIT), PAIR(PHASE),
        PAIR(DUTY), PAIR(PERIOD), PAIR(STAFF_CATEGORY), PAIR(INDICATOR_KIND),
        PAIR(DIRECTION), PAIR(STAGE), PAIR(EXPECTED_OUTCOME), PAIR(EXPECTED_COST),
        PAIR(VERDICT_GROUP), PAIR(BUDGET_KIND), PAIR(CLASS_KIND), PAIR(SEVERITY),
        PAIR(FIGURE), PAIR(COST_FIELD), PAIR(STAFF_FIELD), PAIR(PROJECT_TEXT),
        PAIR(VALUE_FIELD), PAIR(INDICATOR_TEXT), PAIR(EVALUATION_TEXT), PAIR(REASON),
        PAIR(LANG), PAIR(GROUP_BY), PAIR(RECORD_KIND), PAIR(RECORD_FIELD),
        PAIR(FIELD_TYPE), PAIR(FIELD_STATE), PAIR(TERM), PAIR(MEASUREMENT),
        PAIR(PROJECT_FLAG), PAIR(ACHIEVEMENT_RULE),
    };
#undef PAIR
    (void)state;
    assert_int_equal(sizeof pairs / sizeof pairs[0], HYOKA__ENUM_ID_COUNT - 1);
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        int count = 0;
        const char *type = hyoka__enum_type_name(pairs[i].which);
        const char *const *names = hyoka__enum_names(pairs[i].which, &count);
        assert_int_equal(pairs[i].which, (int)i + 1);
        assert_non_null(names);
        assert_int_equal(count, pairs[i].count);
        /* A table declared with its size but given too few names would
         * end in NULLs: every value has a name (HYOKA_ERA_NONE's is ""). */
        for (int v = 0; v < count; v++) {
            assert_non_null(names[v]);
            assert_true(names[v][0] != '\0' || (pairs[i].which == HYOKA_ENUM_ERA && v == HYOKA_ERA_NONE));
        }
        assert_non_null(type);
        assert_memory_equal(type, "hyoka_", 6);
    }
    assert_string_equal(hyoka__enum_type_name(HYOKA_ENUM_STATUS), "hyoka_status");
    assert_string_equal(hyoka__enum_type_name(HYOKA_ENUM_FIGURE), "hyoka_figure");
    assert_string_equal(hyoka__enum_type_name(HYOKA_ENUM_PROJECT_TEXT), "hyoka_text_field");
    assert_null(hyoka__enum_type_name(-1));
    assert_null(hyoka__enum_type_name(HYOKA__ENUM_ID_COUNT));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_enum_types),
        cmocka_unit_test(test_kinds_and_units),
        cmocka_unit_test(test_lookups),
        cmocka_unit_test(test_explicit_rounding),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
