/* Unit tests of costs.h: cost years and staff lines, through the public API. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

#include "failalloc.h"

/* A call that must fail with @p code, record that code as the last error
 * of the thread and leave a message. */
#define EXPECT_FAIL(code, call)                                         \
    do {                                                                \
        int rc_;                                                        \
        hyoka_error_clear();                                            \
        rc_ = (call);                                                   \
        assert_int_equal(rc_, (code));                                  \
        assert_int_equal(hyoka_error_last_code(), (code));              \
        assert_true(hyoka_error_last()[0] != '\0');                     \
    } while (0)

#define COST_FIELDS (HYOKA_COST_HOUSEHOLDS + 1)
#define YEAR_FIGURES (HYOKA_FIG_TOTAL_COST_CHANGE + 1)

static hyoka_decimal dec(const char *text)
{
    hyoka_decimal d = {{0, 0}};
    assert_int_equal(hyoka_decimal_parse(text, HYOKA_NTS, &d), HYOKA_OK);
    return d;
}

static void assert_dec(const hyoka_decimal *d, const char *text)
{
    char buf[HYOKA_DECIMAL_STRING_MAX];
    assert_int_equal(hyoka_decimal_format(d, 0, buf, sizeof buf, NULL), HYOKA_OK);
    assert_string_equal(buf, text);
}

static int is_count(int field)
{
    return field >= HYOKA_COST_USAGE;
}

/* A project with one cost year (2007). */
static hyoka_project *new_project(hyoka_costs **costs)
{
    hyoka_project *p = NULL;
    assert_int_equal(hyoka_project_new(&p), HYOKA_OK);
    assert_int_equal(hyoka_project_add_year(p, 2007, costs), HYOKA_OK);
    assert_non_null(*costs);
    return p;
}

static hyoka_project *snapshot(const hyoka_project *p)
{
    hyoka_project *q = NULL;
    assert_int_equal(hyoka_project_copy(p, &q), HYOKA_OK);
    assert_true(hyoka_project_equal(p, q));
    return q;
}

/* ------------------------------------------------------------------------ */

static void test_new_year_is_empty(void **state)
{
    hyoka_costs *c = NULL;
    hyoka_project *p = new_project(&c);
    hyoka_decimal d = dec("7.5");
    int64_t v = 42;
    int unit = 9;
    (void)state;

    assert_int_equal(hyoka_costs_fiscal_year(c), 2007);
    assert_int_equal(hyoka_costs_phase(c), HYOKA_UNSET);
    for (int f = 0; f < COST_FIELDS; f++) {
        assert_int_equal(hyoka_costs_get(c, f, &v), 0);
        assert_int_equal(v, 42); /* untouched when missing */
    }
    for (int f = 0; f < YEAR_FIGURES; f++) {
        assert_int_equal(hyoka_costs_stated(c, f, &d, &unit), 0);
        assert_dec(&d, "7.5");
        assert_int_equal(unit, 9);
    }
    assert_int_equal(hyoka_costs_staff_count(c), 0);
    assert_null(hyoka_costs_staff_at(c, 0));
    hyoka_project_free(p);
}

static void test_null_handles(void **state)
{
    hyoka_decimal d = dec("1");
    int64_t v = 0;
    int unit = 0;
    hyoka_staff *s = NULL;
    (void)state;

    assert_int_equal(hyoka_costs_fiscal_year(NULL), 0);
    assert_int_equal(hyoka_costs_phase(NULL), HYOKA_UNSET);
    assert_int_equal(hyoka_costs_staff_count(NULL), 0);
    assert_null(hyoka_costs_staff_at(NULL, 0));
    assert_int_equal(hyoka_staff_category(NULL), HYOKA_UNSET);

    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_set_fiscal_year(NULL, 2007));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_set_phase(NULL, HYOKA_PHASE_PLAN));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_set(NULL, HYOKA_COST_SETTLEMENT, 1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_get(NULL, HYOKA_COST_SETTLEMENT, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_clear(NULL, HYOKA_COST_SETTLEMENT));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_set_stated(NULL, HYOKA_FIG_EXPENSE, &d, HYOKA_UNIT_YEN));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_stated(NULL, HYOKA_FIG_EXPENSE, &d, &unit));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_clear_stated(NULL, HYOKA_FIG_EXPENSE));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_add_staff(NULL, HYOKA_CATEGORY_REGULAR, &s));
    assert_null(s);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_remove_staff(NULL, 0));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_set_category(NULL, HYOKA_CATEGORY_REGULAR));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_set_decimal(NULL, HYOKA_STAFF_FTE, &d));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_get_decimal(NULL, HYOKA_STAFF_FTE, &d));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_set_amount(NULL, HYOKA_STAFF_AMOUNT, 1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_get_amount(NULL, HYOKA_STAFF_AMOUNT, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_clear(NULL, HYOKA_STAFF_AMOUNT));
}

static void test_fiscal_year(void **state)
{
    hyoka_costs *c = NULL;
    hyoka_project *p = new_project(&c);
    (void)state;

    assert_int_equal(hyoka_costs_set_fiscal_year(c, 2008), HYOKA_OK);
    assert_int_equal(hyoka_costs_fiscal_year(c), 2008);
    assert_int_equal(hyoka_costs_set_fiscal_year(c, 1868), HYOKA_OK);
    assert_int_equal(hyoka_costs_fiscal_year(c), 1868);
    assert_int_equal(hyoka_costs_set_fiscal_year(c, 9999), HYOKA_OK);
    assert_int_equal(hyoka_costs_fiscal_year(c), 9999);
    assert_int_equal(hyoka_costs_set_fiscal_year(c, 2019), HYOKA_OK);

    EXPECT_FAIL(HYOKA_ERANGE, hyoka_costs_set_fiscal_year(c, 1867));
    assert_int_equal(hyoka_costs_fiscal_year(c), 2019);
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_costs_set_fiscal_year(c, 10000));
    assert_int_equal(hyoka_costs_fiscal_year(c), 2019);
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_costs_set_fiscal_year(c, 0));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_costs_set_fiscal_year(c, -2019));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_costs_set_fiscal_year(c, INT32_MAX));
    assert_int_equal(hyoka_costs_fiscal_year(c), 2019);
    hyoka_project_free(p);
}

static void test_phase(void **state)
{
    hyoka_costs *c = NULL;
    hyoka_project *p = new_project(&c);
    (void)state;

    for (int ph = HYOKA_PHASE_PLAN; ph <= HYOKA_PHASE_SETTLED; ph++) {
        assert_int_equal(hyoka_costs_set_phase(c, ph), HYOKA_OK);
        assert_int_equal(hyoka_costs_phase(c), ph);
    }
    assert_int_equal(hyoka_costs_set_phase(c, HYOKA_UNSET), HYOKA_OK);
    assert_int_equal(hyoka_costs_phase(c), HYOKA_UNSET);
    assert_int_equal(hyoka_costs_set_phase(c, HYOKA_PHASE_SETTLED), HYOKA_OK);

    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_set_phase(c, HYOKA_PHASE_SETTLED + 1));
    assert_int_equal(hyoka_costs_phase(c), HYOKA_PHASE_SETTLED);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_set_phase(c, -2));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_set_phase(c, 1000));
    assert_int_equal(hyoka_costs_phase(c), HYOKA_PHASE_SETTLED);
    hyoka_project_free(p);
}

static void test_amounts_and_counts(void **state)
{
    hyoka_costs *c = NULL;
    hyoka_project *p = new_project(&c);
    int64_t v;
    (void)state;

    for (int f = 0; f < COST_FIELDS; f++) {
        /* 0 is a value, distinct from missing. */
        assert_int_equal(hyoka_costs_set(c, f, 0), HYOKA_OK);
        v = -1;
        assert_int_equal(hyoka_costs_get(c, f, &v), 1);
        assert_int_equal(v, 0);
        assert_int_equal(hyoka_costs_get(c, f, NULL), 1);

        assert_int_equal(hyoka_costs_set(c, f, 1000 + f), HYOKA_OK);
        assert_int_equal(hyoka_costs_get(c, f, &v), 1);
        assert_int_equal(v, 1000 + f);

        assert_int_equal(hyoka_costs_set(c, f, INT64_MAX), HYOKA_OK);
        assert_int_equal(hyoka_costs_get(c, f, &v), 1);
        assert_true(v == INT64_MAX);

        if (is_count(f)) {
            assert_int_equal(hyoka_costs_set(c, f, 1054), HYOKA_OK);
            EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_set(c, f, -1));
            EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_set(c, f, INT64_MIN));
            assert_int_equal(hyoka_costs_get(c, f, &v), 1);
            assert_int_equal(v, 1054);
            /* a refused value on a missing count leaves it missing */
            assert_int_equal(hyoka_costs_clear(c, f), HYOKA_OK);
            EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_set(c, f, -5));
            assert_int_equal(hyoka_costs_get(c, f, NULL), 0);
        } else {
            /* money accepts negatives (reported by validation, C002) */
            assert_int_equal(hyoka_costs_set(c, f, -437000), HYOKA_OK);
            assert_int_equal(hyoka_costs_get(c, f, &v), 1);
            assert_int_equal(v, -437000);
            assert_int_equal(hyoka_costs_set(c, f, INT64_MIN), HYOKA_OK);
            assert_int_equal(hyoka_costs_get(c, f, &v), 1);
            assert_true(v == INT64_MIN);
        }

        assert_int_equal(hyoka_costs_clear(c, f), HYOKA_OK);
        v = 77;
        assert_int_equal(hyoka_costs_get(c, f, &v), 0);
        assert_int_equal(v, 77);
        /* clearing a missing field is fine */
        assert_int_equal(hyoka_costs_clear(c, f), HYOKA_OK);
        assert_int_equal(hyoka_costs_get(c, f, NULL), 0);
    }

    /* fields are independent */
    assert_int_equal(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 16627000), HYOKA_OK);
    assert_int_equal(hyoka_costs_set(c, HYOKA_COST_USAGE, 1054), HYOKA_OK);
    for (int f = 0; f < COST_FIELDS; f++)
        assert_int_equal(hyoka_costs_get(c, f, NULL), f == HYOKA_COST_SETTLEMENT || f == HYOKA_COST_USAGE);

    /* unknown fields */
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_set(c, -1, 1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_set(c, COST_FIELDS, 1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_set(c, HYOKA_UNSET, 1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_get(c, COST_FIELDS, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_get(c, -1, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_clear(c, COST_FIELDS));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_clear(c, -1));
    assert_int_equal(hyoka_costs_get(c, HYOKA_COST_SETTLEMENT, &v), 1);
    assert_int_equal(v, 16627000);
    hyoka_project_free(p);
}

static void test_failed_setters_leave_year_unchanged(void **state)
{
    hyoka_costs *c = NULL;
    hyoka_project *p = new_project(&c);
    hyoka_project *snap;
    hyoka_staff *s = NULL;
    hyoka_decimal d = dec("49.0");
    (void)state;

    assert_int_equal(hyoka_costs_set_phase(c, HYOKA_PHASE_SETTLED), HYOKA_OK);
    assert_int_equal(hyoka_costs_set(c, HYOKA_COST_USAGE, 1054), HYOKA_OK);
    assert_int_equal(hyoka_costs_set_stated(c, HYOKA_FIG_PER_CAPITA, &d, HYOKA_UNIT_YEN), HYOKA_OK);
    assert_int_equal(hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, &s), HYOKA_OK);
    assert_int_equal(hyoka_staff_set_amount(s, HYOKA_STAFF_AMOUNT, 16627000), HYOKA_OK);
    snap = snapshot(p);

    EXPECT_FAIL(HYOKA_ERANGE, hyoka_costs_set_fiscal_year(c, 1867));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_set_phase(c, 4));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_set(c, HYOKA_COST_USAGE, -1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_set(c, 99, 1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_clear(c, 99));
    d = dec("50.0");
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_set_stated(c, HYOKA_FIG_PER_CAPITA, &d, 2));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_set_stated(c, HYOKA_FIG_ACHIEVEMENT, &d, HYOKA_UNIT_YEN));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_set_stated(c, HYOKA_FIG_PER_CAPITA, NULL, HYOKA_UNIT_YEN));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_clear_stated(c, HYOKA_FIG_SCORE));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_add_staff(c, 4, NULL));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_costs_remove_staff(c, 1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_set_category(s, 4));
    d = dec("-0.5");
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_set_decimal(s, HYOKA_STAFF_FTE, &d));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_set_amount(s, HYOKA_STAFF_AMOUNT, -1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_clear(s, 6));

    assert_true(hyoka_project_equal(p, snap));
    hyoka_project_free(snap);
    hyoka_project_free(p);
}

static void test_stated(void **state)
{
    hyoka_costs *c = NULL;
    hyoka_project *p = new_project(&c);
    hyoka_decimal d, out;
    int unit;
    (void)state;

    for (int f = 0; f < YEAR_FIGURES; f++) {
        int pct = f >= HYOKA_FIG_EXECUTION_RATE;
        d = dec("15775.50");
        assert_int_equal(hyoka_costs_set_stated(c, f, &d, HYOKA_UNIT_THOUSAND_YEN), HYOKA_OK);
        unit = -7;
        assert_int_equal(hyoka_costs_stated(c, f, &out, &unit), 1);
        assert_dec(&out, "15775.50"); /* places as printed */
        assert_int_equal(hyoka_decimal_scale(&out), 2);
        assert_true(hyoka_decimal_identical(&out, &d));
        /* percentages ignore the unit and store yen */
        assert_int_equal(unit, pct ? HYOKA_UNIT_YEN : HYOKA_UNIT_THOUSAND_YEN);
        assert_int_equal(hyoka_costs_stated(c, f, NULL, NULL), 1);

        d = dec("0");
        assert_int_equal(hyoka_costs_set_stated(c, f, &d, HYOKA_UNIT_YEN), HYOKA_OK);
        assert_int_equal(hyoka_costs_stated(c, f, &out, &unit), 1);
        assert_dec(&out, "0");
        assert_int_equal(unit, HYOKA_UNIT_YEN);

        d = dec("-35.9");
        assert_int_equal(hyoka_costs_set_stated(c, f, &d, HYOKA_UNIT_YEN), HYOKA_OK);
        assert_int_equal(hyoka_costs_stated(c, f, &out, NULL), 1);
        assert_dec(&out, "-35.9");

        /* bad unit leaves the stated figure as it was */
        d = dec("1");
        EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_set_stated(c, f, &d, 2));
        EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_set_stated(c, f, &d, -1));
        EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_set_stated(c, f, NULL, HYOKA_UNIT_YEN));
        assert_int_equal(hyoka_costs_stated(c, f, &out, &unit), 1);
        assert_dec(&out, "-35.9");

        assert_int_equal(hyoka_costs_clear_stated(c, f), HYOKA_OK);
        assert_int_equal(hyoka_costs_stated(c, f, &out, &unit), 0);
        assert_dec(&out, "-35.9"); /* untouched */
        assert_int_equal(hyoka_costs_clear_stated(c, f), HYOKA_OK);
        /* a refused figure on a missing one keeps it missing */
        EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_set_stated(c, f, &d, 5));
        assert_int_equal(hyoka_costs_stated(c, f, NULL, NULL), 0);
    }

    /* figures that are not those of a cost year */
    d = dec("98.3");
    for (int f = YEAR_FIGURES; f <= HYOKA_FIG_SCORE + 1; f++) {
        EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_set_stated(c, f, &d, HYOKA_UNIT_YEN));
        EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_stated(c, f, &out, &unit));
        EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_clear_stated(c, f));
    }
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_set_stated(c, -1, &d, HYOKA_UNIT_YEN));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_stated(c, -1, &out, &unit));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_clear_stated(c, -1));

    /* seed 001: 利用数一単位あたり printed 15,775.5 and per capita 49.0 */
    d = dec("15775.5");
    assert_int_equal(hyoka_costs_set_stated(c, HYOKA_FIG_UNIT_COST, &d, HYOKA_UNIT_YEN), HYOKA_OK);
    d = dec("49.0");
    assert_int_equal(hyoka_costs_set_stated(c, HYOKA_FIG_PER_CAPITA, &d, HYOKA_UNIT_YEN), HYOKA_OK);
    assert_int_equal(hyoka_costs_stated(c, HYOKA_FIG_UNIT_COST, &out, &unit), 1);
    assert_dec(&out, "15775.5");
    assert_int_equal(hyoka_costs_stated(c, HYOKA_FIG_PER_CAPITA, &out, &unit), 1);
    assert_dec(&out, "49.0");
    assert_int_equal(hyoka_costs_stated(c, HYOKA_FIG_TOTAL_COST, NULL, NULL), 0);
    hyoka_project_free(p);
}

static void test_staff_lines(void **state)
{
    hyoka_costs *c = NULL;
    hyoka_project *p = new_project(&c);
    hyoka_staff *s[5] = {NULL};
    hyoka_staff *other = NULL;
    (void)state;

    assert_int_equal(hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, &s[0]), HYOKA_OK);
    assert_int_equal(hyoka_costs_add_staff(c, HYOKA_CATEGORY_REAPPOINTED, &s[1]), HYOKA_OK);
    assert_int_equal(hyoka_costs_add_staff(c, HYOKA_CATEGORY_PART_TIME, &s[2]), HYOKA_OK);
    assert_int_equal(hyoka_costs_add_staff(c, HYOKA_CATEGORY_TEMPORARY, &s[3]), HYOKA_OK);
    assert_int_equal(hyoka_costs_add_staff(c, HYOKA_UNSET, &s[4]), HYOKA_OK);
    assert_int_equal(hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, NULL), HYOKA_OK);
    assert_int_equal(hyoka_costs_staff_count(c), 6);
    for (size_t i = 0; i < 5; i++)
        assert_ptr_equal(hyoka_costs_staff_at(c, i), s[i]);
    assert_int_equal(hyoka_staff_category(s[0]), HYOKA_CATEGORY_REGULAR);
    assert_int_equal(hyoka_staff_category(s[3]), HYOKA_CATEGORY_TEMPORARY);
    assert_int_equal(hyoka_staff_category(s[4]), HYOKA_UNSET);
    assert_int_equal(hyoka_staff_category(hyoka_costs_staff_at(c, 5)), HYOKA_CATEGORY_REGULAR);
    assert_null(hyoka_costs_staff_at(c, 6));
    assert_null(hyoka_costs_staff_at(c, SIZE_MAX));

    /* a new line has every field missing */
    for (int f = HYOKA_STAFF_HEADCOUNT; f <= HYOKA_STAFF_HOURS; f++)
        assert_int_equal(hyoka_staff_get_decimal(s[0], f, NULL), 0);
    for (int f = HYOKA_STAFF_UNIT_COST; f <= HYOKA_STAFF_AMOUNT; f++)
        assert_int_equal(hyoka_staff_get_amount(s[0], f, NULL), 0);

    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_add_staff(c, HYOKA_CATEGORY_TEMPORARY + 1, &other));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_add_staff(c, -2, &other));
    assert_null(other);
    assert_int_equal(hyoka_costs_staff_count(c), 6);

    /* removing moves the later lines up */
    assert_int_equal(hyoka_costs_remove_staff(c, 1), HYOKA_OK);
    assert_int_equal(hyoka_costs_staff_count(c), 5);
    assert_ptr_equal(hyoka_costs_staff_at(c, 0), s[0]);
    assert_ptr_equal(hyoka_costs_staff_at(c, 1), s[2]);
    assert_ptr_equal(hyoka_costs_staff_at(c, 3), s[4]);
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_costs_remove_staff(c, 5));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_costs_remove_staff(c, SIZE_MAX));
    assert_int_equal(hyoka_costs_staff_count(c), 5);
    assert_int_equal(hyoka_costs_remove_staff(c, 4), HYOKA_OK);
    while (hyoka_costs_staff_count(c) > 0)
        assert_int_equal(hyoka_costs_remove_staff(c, 0), HYOKA_OK);
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_costs_remove_staff(c, 0));
    assert_null(hyoka_costs_staff_at(c, 0));

    /* lines can be added again after emptying */
    assert_int_equal(hyoka_costs_add_staff(c, HYOKA_CATEGORY_PART_TIME, &other), HYOKA_OK);
    assert_ptr_equal(hyoka_costs_staff_at(c, 0), other);
    hyoka_project_free(p);
}

static void test_staff_category(void **state)
{
    hyoka_costs *c = NULL;
    hyoka_project *p = new_project(&c);
    hyoka_staff *s = NULL;
    (void)state;

    assert_int_equal(hyoka_costs_add_staff(c, HYOKA_UNSET, &s), HYOKA_OK);
    for (int k = HYOKA_CATEGORY_REGULAR; k <= HYOKA_CATEGORY_TEMPORARY; k++) {
        assert_int_equal(hyoka_staff_set_category(s, k), HYOKA_OK);
        assert_int_equal(hyoka_staff_category(s), k);
    }
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_set_category(s, HYOKA_CATEGORY_TEMPORARY + 1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_set_category(s, -2));
    assert_int_equal(hyoka_staff_category(s), HYOKA_CATEGORY_TEMPORARY);
    assert_int_equal(hyoka_staff_set_category(s, HYOKA_UNSET), HYOKA_OK);
    assert_int_equal(hyoka_staff_category(s), HYOKA_UNSET);
    hyoka_project_free(p);
}

static void test_staff_decimals(void **state)
{
    hyoka_costs *c = NULL;
    hyoka_project *p = new_project(&c);
    hyoka_staff *s = NULL;
    hyoka_decimal d, out;
    (void)state;

    assert_int_equal(hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, &s), HYOKA_OK);
    for (int f = HYOKA_STAFF_HEADCOUNT; f <= HYOKA_STAFF_HOURS; f++) {
        d = dec("0");
        assert_int_equal(hyoka_staff_set_decimal(s, f, &d), HYOKA_OK);
        assert_int_equal(hyoka_staff_get_decimal(s, f, &out), 1);
        assert_dec(&out, "0");
        d = dec("0.00");
        assert_int_equal(hyoka_staff_set_decimal(s, f, &d), HYOKA_OK);
        assert_int_equal(hyoka_staff_get_decimal(s, f, &out), 1);
        assert_dec(&out, "0.00");
        d = dec("-0.00"); /* negative zero is zero */
        assert_int_equal(hyoka_staff_set_decimal(s, f, &d), HYOKA_OK);
        d = dec("1.770");
        assert_int_equal(hyoka_staff_set_decimal(s, f, &d), HYOKA_OK);
        assert_int_equal(hyoka_staff_get_decimal(s, f, NULL), 1);
        assert_int_equal(hyoka_staff_get_decimal(s, f, &out), 1);
        assert_dec(&out, "1.770");

        d = dec("-0.01");
        EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_set_decimal(s, f, &d));
        d = dec("-3");
        EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_set_decimal(s, f, &d));
        EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_set_decimal(s, f, NULL));
        assert_int_equal(hyoka_staff_get_decimal(s, f, &out), 1);
        assert_dec(&out, "1.770");

        assert_int_equal(hyoka_staff_clear(s, f), HYOKA_OK);
        assert_int_equal(hyoka_staff_get_decimal(s, f, &out), 0);
        assert_dec(&out, "1.770"); /* untouched */
        EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_set_decimal(s, f, &d));
        assert_int_equal(hyoka_staff_get_decimal(s, f, NULL), 0);
    }
    /* money ids are not decimal fields */
    d = dec("1");
    for (int f = HYOKA_STAFF_UNIT_COST; f <= HYOKA_STAFF_AMOUNT + 1; f++) {
        EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_set_decimal(s, f, &d));
        EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_get_decimal(s, f, &out));
    }
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_set_decimal(s, -1, &d));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_get_decimal(s, -1, &out));
    for (int f = HYOKA_STAFF_UNIT_COST; f <= HYOKA_STAFF_AMOUNT; f++)
        assert_int_equal(hyoka_staff_get_amount(s, f, NULL), 0);
    hyoka_project_free(p);
}

static void test_staff_amounts(void **state)
{
    hyoka_costs *c = NULL;
    hyoka_project *p = new_project(&c);
    hyoka_staff *s = NULL;
    hyoka_decimal d;
    int64_t v;
    (void)state;

    assert_int_equal(hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, &s), HYOKA_OK);
    for (int f = HYOKA_STAFF_UNIT_COST; f <= HYOKA_STAFF_AMOUNT; f++) {
        assert_int_equal(hyoka_staff_set_amount(s, f, 0), HYOKA_OK);
        v = -1;
        assert_int_equal(hyoka_staff_get_amount(s, f, &v), 1);
        assert_int_equal(v, 0);
        assert_int_equal(hyoka_staff_set_amount(s, f, INT64_MAX), HYOKA_OK);
        assert_int_equal(hyoka_staff_get_amount(s, f, &v), 1);
        assert_true(v == INT64_MAX);
        assert_int_equal(hyoka_staff_set_amount(s, f, 8400000), HYOKA_OK);
        assert_int_equal(hyoka_staff_get_amount(s, f, NULL), 1);

        EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_set_amount(s, f, -1));
        EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_set_amount(s, f, INT64_MIN));
        assert_int_equal(hyoka_staff_get_amount(s, f, &v), 1);
        assert_int_equal(v, 8400000);

        assert_int_equal(hyoka_staff_clear(s, f), HYOKA_OK);
        v = 5;
        assert_int_equal(hyoka_staff_get_amount(s, f, &v), 0);
        assert_int_equal(v, 5);
        EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_set_amount(s, f, -100));
        assert_int_equal(hyoka_staff_get_amount(s, f, NULL), 0);
    }
    /* decimal ids are not money fields */
    for (int f = HYOKA_STAFF_HEADCOUNT; f <= HYOKA_STAFF_HOURS; f++) {
        EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_set_amount(s, f, 1));
        EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_get_amount(s, f, &v));
        assert_int_equal(hyoka_staff_get_decimal(s, f, NULL), 0);
    }
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_set_amount(s, HYOKA_STAFF_AMOUNT + 1, 1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_get_amount(s, HYOKA_STAFF_AMOUNT + 1, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_set_amount(s, -1, 1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_clear(s, HYOKA_STAFF_AMOUNT + 1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_clear(s, -1));

    /* clear works on every field and only on that one */
    d = dec("2");
    assert_int_equal(hyoka_staff_set_decimal(s, HYOKA_STAFF_HEADCOUNT, &d), HYOKA_OK);
    assert_int_equal(hyoka_staff_set_amount(s, HYOKA_STAFF_AMOUNT, 914000), HYOKA_OK);
    assert_int_equal(hyoka_staff_clear(s, HYOKA_STAFF_HEADCOUNT), HYOKA_OK);
    assert_int_equal(hyoka_staff_get_decimal(s, HYOKA_STAFF_HEADCOUNT, NULL), 0);
    assert_int_equal(hyoka_staff_get_amount(s, HYOKA_STAFF_AMOUNT, &v), 1);
    assert_int_equal(v, 914000);
    hyoka_project_free(p);
}

/* Seeds 002 (一般 0.30 人 × 8,400千円, 再任用 0.00 人 × 4,500千円) and
 * 004 (正規職員 4 人, 延べ 220 時間, 人件費計 914千円). */
static void test_seed_staff(void **state)
{
    hyoka_project *p = NULL;
    hyoka_costs *c2 = NULL, *c4 = NULL;
    hyoka_staff *s = NULL;
    hyoka_decimal d, out;
    int64_t v;
    (void)state;

    assert_int_equal(hyoka_project_new(&p), HYOKA_OK);
    assert_int_equal(hyoka_project_add_year(p, 2017, &c2), HYOKA_OK);
    assert_int_equal(hyoka_costs_set_phase(c2, HYOKA_PHASE_SETTLED), HYOKA_OK);
    assert_int_equal(hyoka_costs_add_staff(c2, HYOKA_CATEGORY_REGULAR, &s), HYOKA_OK);
    d = dec("0.30");
    assert_int_equal(hyoka_staff_set_decimal(s, HYOKA_STAFF_FTE, &d), HYOKA_OK);
    assert_int_equal(hyoka_staff_set_amount(s, HYOKA_STAFF_UNIT_COST, 8400000), HYOKA_OK);
    assert_int_equal(hyoka_costs_add_staff(c2, HYOKA_CATEGORY_REAPPOINTED, &s), HYOKA_OK);
    d = dec("0.00");
    assert_int_equal(hyoka_staff_set_decimal(s, HYOKA_STAFF_FTE, &d), HYOKA_OK);
    assert_int_equal(hyoka_staff_set_amount(s, HYOKA_STAFF_UNIT_COST, 4500000), HYOKA_OK);

    assert_int_equal(hyoka_project_add_year(p, 2009, &c4), HYOKA_OK);
    assert_int_equal(hyoka_costs_add_staff(c4, HYOKA_CATEGORY_REGULAR, &s), HYOKA_OK);
    d = dec("4");
    assert_int_equal(hyoka_staff_set_decimal(s, HYOKA_STAFF_HEADCOUNT, &d), HYOKA_OK);
    d = dec("220");
    assert_int_equal(hyoka_staff_set_decimal(s, HYOKA_STAFF_HOURS, &d), HYOKA_OK);
    assert_int_equal(hyoka_staff_set_amount(s, HYOKA_STAFF_AMOUNT, 914000), HYOKA_OK);

    /* read back */
    assert_int_equal(hyoka_costs_staff_count(c2), 2);
    s = hyoka_costs_staff_at(c2, 0);
    assert_int_equal(hyoka_staff_category(s), HYOKA_CATEGORY_REGULAR);
    assert_int_equal(hyoka_staff_get_decimal(s, HYOKA_STAFF_FTE, &out), 1);
    assert_dec(&out, "0.30");
    assert_int_equal(hyoka_staff_get_amount(s, HYOKA_STAFF_UNIT_COST, &v), 1);
    assert_int_equal(v, 8400000);
    assert_int_equal(hyoka_staff_get_decimal(s, HYOKA_STAFF_HEADCOUNT, NULL), 0);
    assert_int_equal(hyoka_staff_get_decimal(s, HYOKA_STAFF_HOURS, NULL), 0);
    assert_int_equal(hyoka_staff_get_amount(s, HYOKA_STAFF_AMOUNT, NULL), 0);
    assert_int_equal(hyoka_staff_get_amount(s, HYOKA_STAFF_HOURLY_RATE, NULL), 0);
    s = hyoka_costs_staff_at(c2, 1);
    assert_int_equal(hyoka_staff_category(s), HYOKA_CATEGORY_REAPPOINTED);
    assert_int_equal(hyoka_staff_get_decimal(s, HYOKA_STAFF_FTE, &out), 1); /* 0.00 is present */
    assert_dec(&out, "0.00");
    assert_int_equal(hyoka_decimal_sign(&out), 0);
    assert_int_equal(hyoka_staff_get_amount(s, HYOKA_STAFF_UNIT_COST, &v), 1);
    assert_int_equal(v, 4500000);

    assert_int_equal(hyoka_costs_staff_count(c4), 1);
    s = hyoka_costs_staff_at(c4, 0);
    assert_int_equal(hyoka_staff_category(s), HYOKA_CATEGORY_REGULAR);
    assert_int_equal(hyoka_staff_get_decimal(s, HYOKA_STAFF_HEADCOUNT, &out), 1);
    assert_dec(&out, "4");
    assert_int_equal(hyoka_staff_get_decimal(s, HYOKA_STAFF_HOURS, &out), 1);
    assert_dec(&out, "220");
    assert_int_equal(hyoka_staff_get_decimal(s, HYOKA_STAFF_FTE, NULL), 0);
    assert_int_equal(hyoka_staff_get_amount(s, HYOKA_STAFF_AMOUNT, &v), 1);
    assert_int_equal(v, 914000);
    assert_int_equal(hyoka_staff_get_amount(s, HYOKA_STAFF_UNIT_COST, NULL), 0);
    assert_int_equal(hyoka_staff_get_amount(s, HYOKA_STAFF_HOURLY_RATE, NULL), 0);
    hyoka_project_free(p);
}

/* ------------------------------------------------------------------------ */
/* Copy and equality                                                          */

static void populate(hyoka_costs *c)
{
    hyoka_staff *s = NULL;
    hyoka_decimal d;

    assert_int_equal(hyoka_costs_set_phase(c, HYOKA_PHASE_SETTLED), HYOKA_OK);
    assert_int_equal(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 0), HYOKA_OK);
    assert_int_equal(hyoka_costs_set(c, HYOKA_COST_FINAL_BUDGET, 437000), HYOKA_OK);
    assert_int_equal(hyoka_costs_set(c, HYOKA_COST_USAGE, 1054), HYOKA_OK);
    d = dec("15775.5");
    assert_int_equal(hyoka_costs_set_stated(c, HYOKA_FIG_UNIT_COST, &d, HYOKA_UNIT_YEN), HYOKA_OK);
    d = dec("1.50");
    assert_int_equal(hyoka_costs_set_stated(c, HYOKA_FIG_PER_CAPITA, &d, HYOKA_UNIT_THOUSAND_YEN), HYOKA_OK);
    assert_int_equal(hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, &s), HYOKA_OK);
    d = dec("1.77");
    assert_int_equal(hyoka_staff_set_decimal(s, HYOKA_STAFF_FTE, &d), HYOKA_OK);
    d = dec("2");
    assert_int_equal(hyoka_staff_set_decimal(s, HYOKA_STAFF_HEADCOUNT, &d), HYOKA_OK);
    assert_int_equal(hyoka_staff_set_amount(s, HYOKA_STAFF_AMOUNT, 16627000), HYOKA_OK);
    assert_int_equal(hyoka_costs_add_staff(c, HYOKA_CATEGORY_PART_TIME, &s), HYOKA_OK);
    d = dec("300");
    assert_int_equal(hyoka_staff_set_decimal(s, HYOKA_STAFF_HOURS, &d), HYOKA_OK);
    assert_int_equal(hyoka_staff_set_amount(s, HYOKA_STAFF_HOURLY_RATE, 1500), HYOKA_OK);
}

enum { MUT_COUNT = 18 };

static void mutate(hyoka_costs *c, int m)
{
    hyoka_staff *s0 = hyoka_costs_staff_at(c, 0);
    hyoka_decimal d;

    switch (m) {
    case 0: assert_int_equal(hyoka_costs_set_fiscal_year(c, 2008), HYOKA_OK); break;
    case 1: assert_int_equal(hyoka_costs_set_phase(c, HYOKA_PHASE_BUDGET), HYOKA_OK); break;
    case 2: assert_int_equal(hyoka_costs_set_phase(c, HYOKA_UNSET), HYOKA_OK); break;
    case 3: assert_int_equal(hyoka_costs_set(c, HYOKA_COST_FINAL_BUDGET, 437001), HYOKA_OK); break;
    case 4: assert_int_equal(hyoka_costs_clear(c, HYOKA_COST_SETTLEMENT), HYOKA_OK); break; /* 0 vs missing */
    case 5: assert_int_equal(hyoka_costs_set(c, HYOKA_COST_GENERAL, 0), HYOKA_OK); break;
    case 6:
        d = dec("1.5"); /* "1.50" vs "1.5" */
        assert_int_equal(hyoka_costs_set_stated(c, HYOKA_FIG_PER_CAPITA, &d, HYOKA_UNIT_THOUSAND_YEN), HYOKA_OK);
        break;
    case 7:
        d = dec("1.50");
        assert_int_equal(hyoka_costs_set_stated(c, HYOKA_FIG_PER_CAPITA, &d, HYOKA_UNIT_YEN), HYOKA_OK);
        break;
    case 8: assert_int_equal(hyoka_costs_clear_stated(c, HYOKA_FIG_UNIT_COST), HYOKA_OK); break;
    case 9:
        d = dec("0");
        assert_int_equal(hyoka_costs_set_stated(c, HYOKA_FIG_TOTAL_COST, &d, HYOKA_UNIT_YEN), HYOKA_OK);
        break;
    case 10: assert_int_equal(hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, NULL), HYOKA_OK); break;
    case 11: assert_int_equal(hyoka_costs_remove_staff(c, 1), HYOKA_OK); break;
    case 12: assert_int_equal(hyoka_staff_set_category(s0, HYOKA_CATEGORY_TEMPORARY), HYOKA_OK); break;
    case 13:
        d = dec("1.770");
        assert_int_equal(hyoka_staff_set_decimal(s0, HYOKA_STAFF_FTE, &d), HYOKA_OK);
        break;
    case 14: assert_int_equal(hyoka_staff_clear(s0, HYOKA_STAFF_HEADCOUNT), HYOKA_OK); break;
    case 15: assert_int_equal(hyoka_staff_set_amount(s0, HYOKA_STAFF_AMOUNT, 16627001), HYOKA_OK); break;
    case 16: assert_int_equal(hyoka_staff_set_amount(s0, HYOKA_STAFF_UNIT_COST, 0), HYOKA_OK); break;
    case 17: {
        /* same lines in another order */
        hyoka_staff *n = NULL;
        hyoka_decimal out;
        int64_t v;
        assert_int_equal(hyoka_costs_add_staff(c, hyoka_staff_category(s0), &n), HYOKA_OK);
        assert_int_equal(hyoka_staff_get_decimal(s0, HYOKA_STAFF_FTE, &out), 1);
        assert_int_equal(hyoka_staff_set_decimal(n, HYOKA_STAFF_FTE, &out), HYOKA_OK);
        assert_int_equal(hyoka_staff_get_decimal(s0, HYOKA_STAFF_HEADCOUNT, &out), 1);
        assert_int_equal(hyoka_staff_set_decimal(n, HYOKA_STAFF_HEADCOUNT, &out), HYOKA_OK);
        assert_int_equal(hyoka_staff_get_amount(s0, HYOKA_STAFF_AMOUNT, &v), 1);
        assert_int_equal(hyoka_staff_set_amount(n, HYOKA_STAFF_AMOUNT, v), HYOKA_OK);
        assert_int_equal(hyoka_costs_remove_staff(c, 0), HYOKA_OK);
        assert_int_equal(hyoka_costs_staff_count(c), 2);
        break;
    }
    default: fail();
    }
}

static void test_copy_equal(void **state)
{
    hyoka_costs *c = NULL;
    hyoka_project *p = new_project(&c);
    hyoka_project *q = NULL;
    hyoka_costs *qc;
    hyoka_staff *qs;
    hyoka_decimal out;
    int64_t v;
    int unit;
    (void)state;

    populate(c);
    q = snapshot(p);
    assert_true(hyoka_project_equal(q, p));

    /* the copy is deep and independent */
    qc = hyoka_project_year_at(q, 0);
    assert_non_null(qc);
    assert_ptr_not_equal(qc, c);
    assert_int_equal(hyoka_costs_fiscal_year(qc), 2007);
    assert_int_equal(hyoka_costs_phase(qc), HYOKA_PHASE_SETTLED);
    assert_int_equal(hyoka_costs_get(qc, HYOKA_COST_SETTLEMENT, &v), 1);
    assert_int_equal(v, 0);
    assert_int_equal(hyoka_costs_get(qc, HYOKA_COST_INITIAL_BUDGET, NULL), 0);
    assert_int_equal(hyoka_costs_stated(qc, HYOKA_FIG_PER_CAPITA, &out, &unit), 1);
    assert_dec(&out, "1.50");
    assert_int_equal(unit, HYOKA_UNIT_THOUSAND_YEN);
    assert_int_equal(hyoka_costs_staff_count(qc), 2);
    qs = hyoka_costs_staff_at(qc, 0);
    assert_ptr_not_equal(qs, hyoka_costs_staff_at(c, 0));
    assert_int_equal(hyoka_staff_get_decimal(qs, HYOKA_STAFF_FTE, &out), 1);
    assert_dec(&out, "1.77");
    assert_int_equal(hyoka_staff_get_amount(qs, HYOKA_STAFF_AMOUNT, &v), 1);
    assert_int_equal(v, 16627000);
    qs = hyoka_costs_staff_at(qc, 1);
    assert_int_equal(hyoka_staff_category(qs), HYOKA_CATEGORY_PART_TIME);
    assert_int_equal(hyoka_staff_get_amount(qs, HYOKA_STAFF_HOURLY_RATE, &v), 1);
    assert_int_equal(v, 1500);

    /* changing the copy does not change the original, and a copy of the
     * copy still equals */
    assert_int_equal(hyoka_staff_set_amount(qs, HYOKA_STAFF_HOURLY_RATE, 1), HYOKA_OK);
    assert_int_equal(hyoka_staff_get_amount(hyoka_costs_staff_at(c, 1), HYOKA_STAFF_HOURLY_RATE, &v), 1);
    assert_int_equal(v, 1500);
    assert_false(hyoka_project_equal(p, q));
    hyoka_project_free(q);

    for (int m = 0; m < MUT_COUNT; m++) {
        q = snapshot(p);
        mutate(hyoka_project_year_at(q, 0), m);
        if (hyoka_project_equal(p, q) || hyoka_project_equal(q, p))
            fail_msg("mutation %d left the projects equal", m);
        hyoka_project_free(q);
    }

    /* setting a field back to its value makes them equal again; cleared
     * fields compare equal whatever they held */
    q = snapshot(p);
    qc = hyoka_project_year_at(q, 0);
    assert_int_equal(hyoka_costs_set(qc, HYOKA_COST_FINAL_BUDGET, 1), HYOKA_OK);
    assert_false(hyoka_project_equal(p, q));
    assert_int_equal(hyoka_costs_set(qc, HYOKA_COST_FINAL_BUDGET, 437000), HYOKA_OK);
    assert_true(hyoka_project_equal(p, q));
    assert_int_equal(hyoka_costs_set(qc, HYOKA_COST_BONDS, 5), HYOKA_OK);
    assert_int_equal(hyoka_costs_clear(qc, HYOKA_COST_BONDS), HYOKA_OK);
    out = dec("3.25");
    assert_int_equal(hyoka_costs_set_stated(qc, HYOKA_FIG_EXPENSE, &out, HYOKA_UNIT_THOUSAND_YEN), HYOKA_OK);
    assert_int_equal(hyoka_costs_clear_stated(qc, HYOKA_FIG_EXPENSE), HYOKA_OK);
    qs = hyoka_costs_staff_at(qc, 1);
    assert_int_equal(hyoka_staff_set_decimal(qs, HYOKA_STAFF_FTE, &out), HYOKA_OK);
    assert_int_equal(hyoka_staff_clear(qs, HYOKA_STAFF_FTE), HYOKA_OK);
    assert_true(hyoka_project_equal(p, q));
    hyoka_project_free(q);
    hyoka_project_free(p);
}

static void test_years_of_a_project(void **state)
{
    hyoka_project *p = NULL;
    hyoka_costs *a = NULL, *b = NULL;
    (void)state;

    assert_int_equal(hyoka_project_new(&p), HYOKA_OK);
    assert_int_equal(hyoka_project_add_year(p, 2018, &a), HYOKA_OK);
    assert_int_equal(hyoka_project_add_year(p, 2019, &b), HYOKA_OK);
    assert_int_equal(hyoka_costs_fiscal_year(a), 2018);
    assert_int_equal(hyoka_costs_fiscal_year(b), 2019);
    assert_int_equal(hyoka_costs_phase(b), HYOKA_UNSET);
    assert_ptr_equal(hyoka_project_find_year(p, 2019), b);
    assert_int_equal(hyoka_costs_set(a, HYOKA_COST_SETTLEMENT, 1), HYOKA_OK);
    assert_int_equal(hyoka_costs_get(b, HYOKA_COST_SETTLEMENT, NULL), 0);
    assert_int_equal(hyoka_project_remove_year(p, 0), HYOKA_OK);
    assert_ptr_equal(hyoka_project_year_at(p, 0), b);
    hyoka_project_free(p);
}

/* ------------------------------------------------------------------------ */
/* Allocation failures                                                        */

/* Setup helper for the sweeps: a project with one populated year and
 * @p extra more staff lines. Returns the status (ENOMEM possible). */
static int build(hyoka_project **pp, hyoka_costs **cc, int extra)
{
    hyoka_project *p = NULL;
    hyoka_costs *c = NULL;
    int rc = hyoka_project_new(&p);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka_project_add_year(p, 2007, &c);
    if (rc == HYOKA_OK)
        rc = hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 1000);
    for (int i = 0; i < extra && rc == HYOKA_OK; i++)
        rc = hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, NULL);
    if (rc != HYOKA_OK) {
        hyoka_project_free(p);
        return rc;
    }
    *pp = p;
    *cc = c;
    return HYOKA_OK;
}

static int body_add_year(void *ctx)
{
    hyoka_project *p = NULL;
    hyoka_costs *c = NULL, *n = NULL;
    int rc = build(&p, &c, 0);
    (void)ctx;
    if (rc != HYOKA_OK)
        return rc;
    for (int32_t y = 2008; y < 2012 && rc == HYOKA_OK; y++) {
        rc = hyoka_project_add_year(p, y, &n);
        if (rc == HYOKA_OK) {
            assert_non_null(n);
            assert_int_equal(hyoka_costs_fiscal_year(n), y);
            assert_int_equal(hyoka_costs_phase(n), HYOKA_UNSET);
            assert_int_equal(hyoka_costs_staff_count(n), 0);
            assert_int_equal(hyoka_project_year_count(p), (size_t)(y - 2006));
        } else {
            assert_int_equal(hyoka_project_year_count(p), (size_t)(y - 2007));
        }
    }
    hyoka_project_free(p);
    return rc;
}

static void test_alloc_add_year(void **state)
{
    (void)state;
    assert_true(failalloc_sweep(body_add_year, NULL) > 0);
}

static int body_add_staff(void *ctx)
{
    int extra = *(int *)ctx;
    hyoka_project *p = NULL, *snap = NULL;
    hyoka_costs *c = NULL;
    hyoka_staff *s = NULL;
    int rc = build(&p, &c, extra);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka_project_copy(p, &snap);
    if (rc != HYOKA_OK) {
        hyoka_project_free(p);
        return rc;
    }
    rc = hyoka_costs_add_staff(c, HYOKA_CATEGORY_REAPPOINTED, &s);
    if (rc == HYOKA_OK) {
        assert_int_equal(hyoka_costs_staff_count(c), (size_t)extra + 1);
        assert_ptr_equal(hyoka_costs_staff_at(c, (size_t)extra), s);
        assert_int_equal(hyoka_staff_category(s), HYOKA_CATEGORY_REAPPOINTED);
    } else {
        assert_null(s);
        assert_int_equal(hyoka_costs_staff_count(c), (size_t)extra);
        assert_true(hyoka_project_equal(p, snap));
    }
    hyoka_project_free(snap);
    hyoka_project_free(p);
    return rc;
}

static void test_alloc_add_staff(void **state)
{
    (void)state;
    /* empty, partly filled, and at a full capacity boundary */
    for (int extra = 0; extra <= 8; extra++)
        assert_true(failalloc_sweep(body_add_staff, &extra) > 0);
}

static int body_setters(void *ctx)
{
    hyoka_project *p = NULL, *snap = NULL;
    hyoka_costs *c = NULL;
    hyoka_staff *s = NULL;
    hyoka_decimal d = dec("0.30");
    int rc = build(&p, &c, 1);
    (void)ctx;
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka_project_copy(p, &snap);
    if (rc != HYOKA_OK) {
        hyoka_project_free(p);
        return rc;
    }
    /* The first stated figure of a year allocates its block: on failure the
     * year is unchanged. None of the other setters allocates. */
    rc = hyoka_costs_set_stated(c, HYOKA_FIG_TOTAL_COST, &d, HYOKA_UNIT_YEN);
    if (rc != HYOKA_OK) {
        assert_int_equal(rc, HYOKA_ENOMEM);
        assert_true(hyoka_project_equal(p, snap));
        assert_int_equal(hyoka_costs_stated(c, HYOKA_FIG_TOTAL_COST, NULL, NULL), 0);
        hyoka_project_free(snap);
        hyoka_project_free(p);
        return rc;
    }
    s = hyoka_costs_staff_at(c, 0);
    assert_int_equal(hyoka_costs_set_phase(c, HYOKA_PHASE_SETTLED), HYOKA_OK);
    assert_int_equal(hyoka_costs_set(c, HYOKA_COST_USAGE, 3), HYOKA_OK);
    assert_int_equal(hyoka_staff_set_decimal(s, HYOKA_STAFF_FTE, &d), HYOKA_OK);
    assert_int_equal(hyoka_staff_set_amount(s, HYOKA_STAFF_UNIT_COST, 8400000), HYOKA_OK);
    assert_int_equal(hyoka_costs_remove_staff(c, 0), HYOKA_OK);
    assert_false(hyoka_project_equal(p, snap));
    hyoka_project_free(snap);
    hyoka_project_free(p);
    return HYOKA_OK;
}

static void test_alloc_setters(void **state)
{
    (void)state;
    assert_true(failalloc_sweep(body_setters, NULL) > 0);
}

static int body_copy(void *ctx)
{
    hyoka_project *p = NULL, *q = NULL, *q2 = NULL;
    hyoka_costs *c = NULL;
    int rc = hyoka_project_new(&p);
    (void)ctx;
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka_project_add_year(p, 2007, &c);
    for (int i = 0; i < 5 && rc == HYOKA_OK; i++) {
        hyoka_staff *s = NULL;
        rc = hyoka_costs_add_staff(c, i % 4, &s);
        if (rc == HYOKA_OK) {
            hyoka_decimal d = dec("0.25");
            assert_int_equal(hyoka_staff_set_decimal(s, HYOKA_STAFF_FTE, &d), HYOKA_OK);
            assert_int_equal(hyoka_staff_set_amount(s, HYOKA_STAFF_UNIT_COST, 8400000 + i), HYOKA_OK);
        }
    }
    if (rc == HYOKA_OK)
        rc = hyoka_project_add_year(p, 2008, &c);
    if (rc == HYOKA_OK) {
        hyoka_decimal d = dec("49.0");
        assert_int_equal(hyoka_costs_set(c, HYOKA_COST_INITIAL_BUDGET, 10), HYOKA_OK);
        rc = hyoka_costs_set_stated(c, HYOKA_FIG_PER_CAPITA, &d, HYOKA_UNIT_YEN);
        if (rc == HYOKA_OK)
            rc = hyoka_costs_add_staff(c, HYOKA_CATEGORY_TEMPORARY, NULL);
    }
    if (rc != HYOKA_OK) {
        hyoka_project_free(p);
        return rc;
    }
    rc = hyoka_project_copy(p, &q);
    if (rc == HYOKA_OK) {
        assert_true(hyoka_project_equal(p, q));
        rc = hyoka_project_copy(q, &q2);
        if (rc == HYOKA_OK) {
            assert_true(hyoka_project_equal(q2, p));
            hyoka_project_free(q2);
        }
        hyoka_project_free(q);
    } else {
        assert_null(q);
    }
    hyoka_project_free(p);
    return rc;
}

static void test_alloc_copy(void **state)
{
    (void)state;
    assert_true(failalloc_sweep(body_copy, NULL) > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_year_is_empty),
        cmocka_unit_test(test_null_handles),
        cmocka_unit_test(test_fiscal_year),
        cmocka_unit_test(test_phase),
        cmocka_unit_test(test_amounts_and_counts),
        cmocka_unit_test(test_failed_setters_leave_year_unchanged),
        cmocka_unit_test(test_stated),
        cmocka_unit_test(test_staff_lines),
        cmocka_unit_test(test_staff_category),
        cmocka_unit_test(test_staff_decimals),
        cmocka_unit_test(test_staff_amounts),
        cmocka_unit_test(test_seed_staff),
        cmocka_unit_test(test_copy_equal),
        cmocka_unit_test(test_years_of_a_project),
        cmocka_unit_test(test_alloc_add_year),
        cmocka_unit_test(test_alloc_add_staff),
        cmocka_unit_test(test_alloc_setters),
        cmocka_unit_test(test_alloc_copy),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
