/* Unit tests of the bulk figure calls, hyoka_costs_figures() and
 * hyoka_indicator_figures(): on every sample document and on generated
 * portfolios (missing amounts, zero denominators, overflow), each entry is
 * exactly what the one-figure call gives -- value, reason or status. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

#include "docs.h"

#define YEAR_FIGURES (HYOKA_FIG_TOTAL_COST_CHANGE - HYOKA_FIG_EXPENSE + 1)
#define VALUE_FIGURES 2

/* How many entries came out set, unavailable and failed. */
struct tally {
    size_t set, unavailable, failed;
};

static hyoka_decimal sentinel(void)
{
    hyoka_decimal d;
    assert_int_equal(hyoka_decimal_from_parts(-777, 5, &d), HYOKA_OK);
    return d;
}

/* Entry @p i of a bulk call against the one-figure call's @p rc. */
static void same(int rc, const hyoka_decimal *one, int one_reason, const hyoka_decimal *bulk, int bulk_reason,
                 struct tally *t)
{
    if (rc == HYOKA_OK) {
        assert_int_equal(bulk_reason, HYOKA_REASON_NONE);
        assert_true(hyoka_decimal_identical(one, bulk));
        assert_int_equal(hyoka_decimal_scale(one), hyoka_decimal_scale(bulk));
        t->set++;
    } else if (rc == HYOKA_EUNAVAILABLE) {
        assert_true(one_reason > 0);
        assert_int_equal(bulk_reason, one_reason);
        t->unavailable++;
    } else {
        assert_true(rc < 0);
        assert_int_equal(bulk_reason, rc);
        t->failed++;
    }
}

static void check_costs(const hyoka_costs *c, struct tally *t)
{
    hyoka_decimal values[YEAR_FIGURES + 3];
    int reasons[YEAR_FIGURES + 3];

    for (size_t i = 0; i < YEAR_FIGURES + 3; i++) {
        values[i] = sentinel();
        reasons[i] = 12345;
    }
    assert_int_equal(hyoka_costs_figures(c, values, reasons, YEAR_FIGURES + 3), YEAR_FIGURES);
    for (int f = 0; f < YEAR_FIGURES; f++) {
        hyoka_decimal one = sentinel(), keep = sentinel();
        int why = -1;
        int rc = hyoka_costs_figure(c, HYOKA_FIG_EXPENSE + f, &one, &why);
        same(rc, &one, why, &values[f], reasons[f], t);
        if (rc != HYOKA_OK) /* left unchanged */
            assert_true(hyoka_decimal_identical(&values[f], &keep));
    }
    for (size_t i = YEAR_FIGURES; i < YEAR_FIGURES + 3; i++) { /* beyond n: untouched */
        hyoka_decimal keep = sentinel();
        assert_int_equal(reasons[i], 12345);
        assert_true(hyoka_decimal_identical(&values[i], &keep));
    }
}

static void check_indicator(const hyoka_indicator *ind, int32_t fy, struct tally *t)
{
    hyoka_decimal values[VALUE_FIGURES + 1];
    int reasons[VALUE_FIGURES + 1];

    for (size_t i = 0; i < VALUE_FIGURES + 1; i++) {
        values[i] = sentinel();
        reasons[i] = 12345;
    }
    assert_int_equal(hyoka_indicator_figures(ind, fy, values, reasons, VALUE_FIGURES + 1), VALUE_FIGURES);
    for (int f = 0; f < VALUE_FIGURES; f++) {
        hyoka_decimal one = sentinel();
        int why = -1;
        int rc = hyoka_indicator_figure(ind, fy, HYOKA_FIG_ACHIEVEMENT + f, &one, &why);
        same(rc, &one, why, &values[f], reasons[f], t);
    }
    assert_int_equal(reasons[VALUE_FIGURES], 12345);
}

static void check_project(const hyoka_project *p, struct tally *t)
{
    for (size_t i = 0; i < hyoka_project_year_count(p); i++)
        check_costs(hyoka_project_year_at(p, i), t);
    for (size_t i = 0; i < hyoka_project_indicator_count(p); i++) {
        const hyoka_indicator *ind = hyoka_project_indicator_at(p, i);
        for (size_t k = 0; k < hyoka_indicator_year_count(ind); k++) {
            int32_t fy = hyoka_indicator_year_at(ind, k);
            check_indicator(ind, fy, t);
            check_indicator(ind, fy + 1, t);
        }
        check_indicator(ind, 1900, t); /* a year without values */
    }
    for (size_t i = 0; i < hyoka_project_child_count(p); i++)
        check_project(hyoka_project_child_at(p, i), t);
}

static void check_portfolio(const hyoka_portfolio *pf, struct tally *t)
{
    for (size_t i = 0; i < hyoka_portfolio_project_count(pf); i++)
        check_project(hyoka_portfolio_project_at(pf, i), t);
}

static void on_document(const char *path, const char *text, size_t len, void *user)
{
    hyoka_portfolio *pf = NULL;
    (void)path;

    if (hyoka_json_read(text, len, NULL, &pf, NULL) != HYOKA_OK)
        return; /* documents with errors give no portfolio */
    check_portfolio(pf, user);
    hyoka_portfolio_free(pf);
}

static void test_samples(void **state)
{
    struct tally t = {0};
    size_t docs;
    (void)state;

    docs = docs_each(on_document, &t);
    if (docs == 0)
        skip();
    assert_true(docs >= 6);
    assert_true(t.set > 100);
    assert_true(t.unavailable > 10);
}

static void test_generated(void **state)
{
    struct tally t = {0};
    (void)state;

    for (unsigned seed = 1; seed <= 40; seed++) {
        hyoka_portfolio *pf = docs_generate(seed, 25);
        check_portfolio(pf, &t);
        hyoka_portfolio_free(pf);
    }
    /* the generator reaches every outcome */
    assert_true(t.set > 1000);
    assert_true(t.unavailable > 1000);
    assert_true(t.failed > 50);
}

/* Overflow: the failing figures carry HYOKA_ERANGE, the others are set. */
static void test_overflow(void **state)
{
    hyoka_project *p = NULL;
    hyoka_costs *c = NULL;
    hyoka_decimal values[YEAR_FIGURES];
    int reasons[YEAR_FIGURES];
    (void)state;

    assert_int_equal(hyoka_project_new(&p), HYOKA_OK);
    assert_int_equal(hyoka_project_add_year(p, 2020, &c), HYOKA_OK);
    assert_int_equal(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, INT64_MAX - 5), HYOKA_OK);
    assert_int_equal(hyoka_costs_set(c, HYOKA_COST_DEBT_SERVICE, 10), HYOKA_OK);
    assert_int_equal(hyoka_costs_set(c, HYOKA_COST_POPULATION, 3), HYOKA_OK);
    hyoka_error_clear();
    assert_int_equal(hyoka_costs_figures(c, values, reasons, YEAR_FIGURES), YEAR_FIGURES);
    assert_int_equal(hyoka_error_last_code(), HYOKA_ERANGE);
    assert_int_equal(reasons[HYOKA_FIG_EXPENSE], HYOKA_REASON_NONE);
    assert_int_equal(hyoka_decimal_coefficient(&values[HYOKA_FIG_EXPENSE]), INT64_MAX - 5);
    assert_int_equal(reasons[HYOKA_FIG_TOTAL_COST], HYOKA_ERANGE);
    assert_int_equal(reasons[HYOKA_FIG_PER_CAPITA], HYOKA_ERANGE);
    assert_int_equal(reasons[HYOKA_FIG_GENERAL_REVENUE], HYOKA_REASON_NO_GENERAL);
    assert_int_equal(reasons[HYOKA_FIG_TOTAL_COST_CHANGE], HYOKA_ERANGE);
    hyoka_project_free(p);
}

/* count below n fills only count entries; count 0 asks for n. */
static void test_count(void **state)
{
    hyoka_project *p = NULL;
    hyoka_costs *c = NULL;
    hyoka_indicator *ind = NULL;
    hyoka_decimal values[2] = {sentinel(), sentinel()}, keep = sentinel();
    int reasons[2] = {99, 99};
    (void)state;

    assert_int_equal(hyoka_project_new(&p), HYOKA_OK);
    assert_int_equal(hyoka_project_add_year(p, 2020, &c), HYOKA_OK);
    assert_int_equal(hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &ind), HYOKA_OK);
    assert_int_equal(hyoka_costs_figures(c, NULL, NULL, 0), YEAR_FIGURES);
    assert_int_equal(hyoka_indicator_figures(ind, 2020, NULL, NULL, 0), VALUE_FIGURES);
    assert_int_equal(hyoka_costs_figures(c, values, reasons, 1), YEAR_FIGURES);
    assert_int_equal(reasons[0], HYOKA_REASON_NO_EXPENSE);
    assert_int_equal(reasons[1], 99);
    assert_true(hyoka_decimal_identical(&values[1], &keep));
    assert_int_equal(hyoka_costs_figures(NULL, values, reasons, 1), HYOKA_EINVAL);
    assert_int_equal(hyoka_costs_figures(c, NULL, reasons, 1), HYOKA_EINVAL);
    assert_int_equal(hyoka_indicator_figures(ind, 2020, values, NULL, 1), HYOKA_EINVAL);
    assert_int_equal(hyoka_indicator_figures(NULL, 2020, values, reasons, 1), HYOKA_EINVAL);
    hyoka_project_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_samples),
        cmocka_unit_test(test_generated),
        cmocka_unit_test(test_overflow),
        cmocka_unit_test(test_count),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
