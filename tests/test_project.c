/* Tests of project.h: a program's fields, classification paths, cost
 * years, indicators, evaluations, sub-projects and extensions; ownership;
 * copy and equality; allocation failures. Public API only. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

#include "failalloc.h"

#define TEXT_COUNT (HYOKA_TEXT_DISPLAY_ORDER + 1)

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

/* Run a call that must fail with @p code and leave a message. */
#define EXPECT_FAIL(code, call)                            \
    do {                                                   \
        hyoka_error_clear();                               \
        assert_int_equal((call), (code));                  \
        assert_int_equal(hyoka_error_last_code(), (code)); \
        assert_true(strlen(hyoka_error_last()) > 0);       \
    } while (0)

/* A failing call on @p p must leave it equal to the snapshot taken before. */
#define EXPECT_FAIL_UNCHANGED(p, code, call)                 \
    do {                                                     \
        hyoka_project *snap_ = copy_of(p);                   \
        EXPECT_FAIL(code, call);                             \
        assert_true(hyoka_project_equal((p), snap_));        \
        hyoka_project_free(snap_);                           \
    } while (0)

/* An address no successful call returns: to check outputs left untouched. */
static long double sentinel_object;
#define SENTINEL(T) ((T *)(void *)&sentinel_object)

static char *big_text; /* hyoka_limit(HYOKA_LIMIT_TEXT_MAX) + 1 bytes of 'a' */
static size_t big_len;

static int setup_big(void **state)
{
    (void)state;
    big_len = (size_t)hyoka_limit(HYOKA_LIMIT_TEXT_MAX) + 1;
    big_text = malloc(big_len + 1);
    if (!big_text)
        return -1;
    memset(big_text, 'a', big_len);
    big_text[big_len] = '\0';
    return 0;
}

static int teardown_big(void **state)
{
    (void)state;
    free(big_text);
    big_text = NULL;
    return 0;
}

static void assert_text(const char *got, const char *expected)
{
    if (!expected)
        assert_null(got);
    else {
        assert_non_null(got);
        assert_string_equal(got, expected);
    }
}

static hyoka_project *new_project(void)
{
    hyoka_project *p = NULL;
    assert_int_equal(hyoka_project_new(&p), HYOKA_OK);
    assert_non_null(p);
    return p;
}

static hyoka_project *copy_of(const hyoka_project *p)
{
    hyoka_project *c = NULL;
    assert_int_equal(hyoka_project_copy(p, &c), HYOKA_OK);
    assert_non_null(c);
    return c;
}

static hyoka_decimal dec(const char *s)
{
    hyoka_decimal d;
    if (hyoka_decimal_parse(s, HYOKA_NTS, &d) != HYOKA_OK)
        fail_msg("bad decimal %s", s);
    return d;
}

/* A project with something in every kind of field, as from seed 001. */
static hyoka_project *populated(void)
{
    hyoka_project *p = new_project(), *child = new_project(), *grandchild = new_project();
    hyoka_costs *c = NULL;
    hyoka_staff *st = NULL;
    hyoka_indicator *ind = NULL;
    hyoka_evaluation *ev = NULL;
    hyoka_decimal d;

    assert_int_equal(hyoka_project_set_code(p, "010802", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_project_set_name(p, "情報セキュリティ対策推進事業", HYOKA_NTS), HYOKA_OK);
    for (int f = HYOKA_TEXT_DEPARTMENT; f < TEXT_COUNT; f++) {
        char buf[32];
        snprintf(buf, sizeof buf, "テキスト%d", f);
        assert_int_equal(hyoka_project_set_text(p, f, buf, HYOKA_NTS), HYOKA_OK);
    }
    assert_int_equal(hyoka_project_set_duty(p, HYOKA_DUTY_AUTONOMOUS), HYOKA_OK);
    assert_int_equal(hyoka_project_set_period(p, HYOKA_PERIOD_RECURRING), HYOKA_OK);
    assert_int_equal(hyoka_project_set_period_years(p, 2003, 2010), HYOKA_OK);
    assert_int_equal(hyoka_project_add_class(p, HYOKA_CLASS_POLICY, "政策", HYOKA_NTS, "8", HYOKA_NTS,
                                             "計画の推進に向けて", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_project_add_class(p, HYOKA_CLASS_POLICY, "施策", HYOKA_NTS, NULL, 0, "行政", HYOKA_NTS),
                     HYOKA_OK);
    assert_int_equal(hyoka_project_add_class(p, HYOKA_CLASS_ACCOUNT, "会計", HYOKA_NTS, "1", HYOKA_NTS,
                                             "一般会計", HYOKA_NTS), HYOKA_OK);

    assert_int_equal(hyoka_project_add_year(p, 2007, &c), HYOKA_OK);
    assert_int_equal(hyoka_costs_set_phase(c, HYOKA_PHASE_SETTLED), HYOKA_OK);
    assert_int_equal(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 0), HYOKA_OK);
    assert_int_equal(hyoka_costs_set(c, HYOKA_COST_USAGE, 1054), HYOKA_OK);
    assert_int_equal(hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, &st), HYOKA_OK);
    d = dec("1.77");
    assert_int_equal(hyoka_staff_set_decimal(st, HYOKA_STAFF_FTE, &d), HYOKA_OK);
    assert_int_equal(hyoka_staff_set_amount(st, HYOKA_STAFF_AMOUNT, 16627000), HYOKA_OK);
    d = dec("15775.5");
    assert_int_equal(hyoka_costs_set_stated(c, HYOKA_FIG_UNIT_COST, &d, HYOKA_UNIT_YEN), HYOKA_OK);
    assert_int_equal(hyoka_project_add_year(p, 2008, &c), HYOKA_OK);
    assert_int_equal(hyoka_costs_set(c, HYOKA_COST_INITIAL_BUDGET, 437000), HYOKA_OK);

    assert_int_equal(hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &ind), HYOKA_OK);
    assert_int_equal(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NAME, "情報セキュリティ研修受講率", HYOKA_NTS),
                     HYOKA_OK);
    assert_int_equal(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_UNIT, "%", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_indicator_set_direction(ind, HYOKA_DIRECTION_INCREASE), HYOKA_OK);
    d = dec("60");
    assert_int_equal(hyoka_indicator_set_value(ind, 2007, HYOKA_VALUE_TARGET, &d), HYOKA_OK);
    d = dec("59");
    assert_int_equal(hyoka_indicator_set_value(ind, 2007, HYOKA_VALUE_ACTUAL, &d), HYOKA_OK);
    d = dec("98.3");
    assert_int_equal(hyoka_indicator_set_value(ind, 2007, HYOKA_VALUE_STATED_ACHIEVEMENT, &d), HYOKA_OK);
    assert_int_equal(hyoka_project_add_indicator(p, HYOKA_KIND_ACTIVITY, NULL), HYOKA_OK);

    assert_int_equal(hyoka_project_add_evaluation(p, HYOKA_STAGE_PRIMARY, &ev), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_set_fiscal_year(ev, 2007), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_set_text(ev, HYOKA_EVAL_VERDICT, "improve", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_set_answer(ev, "relevance", HYOKA_NTS, "A", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_set_comment(ev, "reason", HYOKA_NTS, "継続", HYOKA_NTS), HYOKA_OK);

    assert_int_equal(hyoka_project_set_extension(p, "ledger.id", HYOKA_NTS, "A-17", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_project_set_extension(p, "部課コード", HYOKA_NTS, "010800", HYOKA_NTS), HYOKA_OK);

    assert_int_equal(hyoka_project_set_code(child, "010802-1", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_project_set_name(child, "eラーニング", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_project_add_year(child, 2007, NULL), HYOKA_OK);
    assert_int_equal(hyoka_project_set_code(grandchild, "010802-1-a", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_project_set_extension(grandchild, "k", HYOKA_NTS, "v", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_project_add_child(child, grandchild), HYOKA_OK);
    assert_int_equal(hyoka_project_add_child(p, child), HYOKA_OK);
    child = new_project();
    assert_int_equal(hyoka_project_set_code(child, "010802-2", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_project_add_child(p, child), HYOKA_OK);
    return p;
}

/* ------------------------------------------------------------------------ */
/* Creation                                                                  */

static void test_new_empty(void **state)
{
    hyoka_project *p = new_project();
    (void)state;
    for (int f = 0; f < TEXT_COUNT; f++)
        assert_null(hyoka_project_text(p, f));
    assert_null(hyoka_project_code(p));
    assert_null(hyoka_project_name(p));
    assert_int_equal(hyoka_project_duty(p), HYOKA_UNSET);
    assert_int_equal(hyoka_project_period(p), HYOKA_UNSET);
    assert_int_equal(hyoka_project_start_year(p), 0);
    assert_int_equal(hyoka_project_end_year(p), 0);
    assert_int_equal(hyoka_project_class_count(p, HYOKA_CLASS_POLICY), 0);
    assert_int_equal(hyoka_project_class_count(p, HYOKA_CLASS_ACCOUNT), 0);
    assert_int_equal(hyoka_project_year_count(p), 0);
    assert_int_equal(hyoka_project_indicator_count(p), 0);
    assert_int_equal(hyoka_project_evaluation_count(p), 0);
    assert_int_equal(hyoka_project_child_count(p), 0);
    assert_int_equal(hyoka_project_extension_count(p), 0);
    assert_null(hyoka_project_parent(p));
    assert_null(hyoka_project_portfolio(p));
    hyoka_project_free(p);
    hyoka_project_free(NULL);
}

static void test_new_bad(void **state)
{
    (void)state;
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_new(NULL));
}

static void test_null_getters(void **state)
{
    (void)state;
    assert_null(hyoka_project_code(NULL));
    assert_null(hyoka_project_name(NULL));
    assert_null(hyoka_project_text(NULL, HYOKA_TEXT_CODE));
    assert_int_equal(hyoka_project_duty(NULL), HYOKA_UNSET);
    assert_int_equal(hyoka_project_period(NULL), HYOKA_UNSET);
    assert_int_equal(hyoka_project_start_year(NULL), 0);
    assert_int_equal(hyoka_project_end_year(NULL), 0);
    assert_int_equal(hyoka_project_class_count(NULL, HYOKA_CLASS_POLICY), 0);
    assert_int_equal(hyoka_project_year_count(NULL), 0);
    assert_null(hyoka_project_year_at(NULL, 0));
    assert_null(hyoka_project_find_year(NULL, 2007));
    assert_int_equal(hyoka_project_indicator_count(NULL), 0);
    assert_null(hyoka_project_indicator_at(NULL, 0));
    assert_int_equal(hyoka_project_evaluation_count(NULL), 0);
    assert_null(hyoka_project_evaluation_at(NULL, 0));
    assert_int_equal(hyoka_project_child_count(NULL), 0);
    assert_null(hyoka_project_child_at(NULL, 0));
    assert_null(hyoka_project_parent(NULL));
    assert_null(hyoka_project_extension(NULL, "k", HYOKA_NTS));
    assert_int_equal(hyoka_project_extension_count(NULL), 0);
    assert_null(hyoka_project_portfolio(NULL));
}

/* ------------------------------------------------------------------------ */
/* Texts                                                                     */

static void test_texts(void **state)
{
    hyoka_project *p = new_project();
    (void)state;
    assert_int_equal(hyoka_project_set_code(p, "010802", HYOKA_NTS), HYOKA_OK);
    assert_text(hyoka_project_code(p), "010802");
    assert_text(hyoka_project_text(p, HYOKA_TEXT_CODE), "010802");
    assert_int_equal(hyoka_project_set_name(p, "情報セキュリティ対策推進事業xyz", strlen("情報セキュリティ対策推進事業")),
                     HYOKA_OK);
    assert_text(hyoka_project_name(p), "情報セキュリティ対策推進事業");
    assert_text(hyoka_project_text(p, HYOKA_TEXT_NAME), "情報セキュリティ対策推進事業");
    for (int f = 0; f < TEXT_COUNT; f++) {
        char buf[32];
        snprintf(buf, sizeof buf, "値%d", f);
        assert_int_equal(hyoka_project_set_text(p, f, buf, HYOKA_NTS), HYOKA_OK);
    }
    for (int f = 0; f < TEXT_COUNT; f++) {
        char buf[32];
        snprintf(buf, sizeof buf, "値%d", f);
        assert_text(hyoka_project_text(p, f), buf);
    }
    /* Empty is a value, NULL is missing. */
    assert_int_equal(hyoka_project_set_text(p, HYOKA_TEXT_PHONE, "", 0), HYOKA_OK);
    assert_text(hyoka_project_text(p, HYOKA_TEXT_PHONE), "");
    assert_int_equal(hyoka_project_set_text(p, HYOKA_TEXT_PHONE, NULL, 0), HYOKA_OK);
    assert_null(hyoka_project_text(p, HYOKA_TEXT_PHONE));
    assert_int_equal(hyoka_project_set_code(p, NULL, HYOKA_NTS), HYOKA_OK);
    assert_null(hyoka_project_code(p));
    assert_int_equal(hyoka_project_set_name(p, NULL, 0), HYOKA_OK);
    assert_null(hyoka_project_name(p));
    /* A text exactly at the limit is accepted. */
    assert_int_equal(hyoka_project_set_text(p, HYOKA_TEXT_SUMMARY, big_text, big_len - 1), HYOKA_OK);
    assert_int_equal(strlen(hyoka_project_text(p, HYOKA_TEXT_SUMMARY)), big_len - 1);
    /* Bad field on the getter. */
    assert_null(hyoka_project_text(p, -1));
    assert_null(hyoka_project_text(p, TEXT_COUNT));
    hyoka_project_free(p);
}

typedef int (*text_setter)(hyoka_project *, const char *, size_t);

static int set_text_summary(hyoka_project *p, const char *t, size_t n)
{
    return hyoka_project_set_text(p, HYOKA_TEXT_SUMMARY, t, n);
}

static void check_text_setter_bad(text_setter set, const char *(*get)(const hyoka_project *))
{
    hyoka_project *p = new_project();
    assert_int_equal(set(p, "old", HYOKA_NTS), HYOKA_OK);
    EXPECT_FAIL(HYOKA_EINVAL, set(NULL, "x", HYOKA_NTS));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EENCODING, set(p, "\xff", HYOKA_NTS));
    assert_text(get(p), "old");
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EENCODING, set(p, "ab\xe3\x81", HYOKA_NTS)); /* truncated sequence */
    assert_text(get(p), "old");
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EENCODING, set(p, "a\0b", 3));
    assert_text(get(p), "old");
    EXPECT_FAIL_UNCHANGED(p, HYOKA_ELIMIT, set(p, big_text, big_len));
    assert_text(get(p), "old");
    EXPECT_FAIL_UNCHANGED(p, HYOKA_ELIMIT, set(p, big_text, HYOKA_NTS));
    assert_text(get(p), "old");
    hyoka_project_free(p);
}

static const char *get_summary(const hyoka_project *p)
{
    return hyoka_project_text(p, HYOKA_TEXT_SUMMARY);
}

static void test_text_bad(void **state)
{
    hyoka_project *p;
    (void)state;
    check_text_setter_bad(hyoka_project_set_code, hyoka_project_code);
    check_text_setter_bad(hyoka_project_set_name, hyoka_project_name);
    check_text_setter_bad(set_text_summary, get_summary);

    p = new_project();
    for (int f = 0; f < TEXT_COUNT; f++) {
        assert_int_equal(hyoka_project_set_text(p, f, "old", HYOKA_NTS), HYOKA_OK);
        EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_set_text(NULL, f, "x", HYOKA_NTS));
        EXPECT_FAIL_UNCHANGED(p, HYOKA_EENCODING, hyoka_project_set_text(p, f, "\xff", HYOKA_NTS));
        EXPECT_FAIL_UNCHANGED(p, HYOKA_EENCODING, hyoka_project_set_text(p, f, "x\0y", 3));
        EXPECT_FAIL_UNCHANGED(p, HYOKA_ELIMIT, hyoka_project_set_text(p, f, big_text, big_len));
        assert_text(hyoka_project_text(p, f), "old");
    }
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EINVAL, hyoka_project_set_text(p, -1, "x", HYOKA_NTS));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EINVAL, hyoka_project_set_text(p, TEXT_COUNT, "x", HYOKA_NTS));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EINVAL, hyoka_project_set_text(p, HYOKA_UNSET, NULL, 0));
    hyoka_project_free(p);
}

static void test_error_names_field(void **state)
{
    hyoka_project *p = new_project();
    (void)state;
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_project_set_text(p, HYOKA_TEXT_DEPARTMENT, "\xff", 1));
    assert_non_null(strstr(hyoka_error_last(), "organization.department"));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_project_set_code(p, "\xff", 1));
    assert_non_null(strstr(hyoka_error_last(), "hyoka_project_set_code"));
    hyoka_project_free(p);
}

/* ------------------------------------------------------------------------ */
/* Duty, period, years                                                       */

static void test_duty_period(void **state)
{
    hyoka_project *p = new_project();
    (void)state;
    assert_int_equal(hyoka_project_set_duty(p, HYOKA_DUTY_STATUTORY_ENTRUSTED), HYOKA_OK);
    assert_int_equal(hyoka_project_duty(p), HYOKA_DUTY_STATUTORY_ENTRUSTED);
    assert_int_equal(hyoka_project_set_period(p, HYOKA_PERIOD_FIXED_TERM), HYOKA_OK);
    assert_int_equal(hyoka_project_period(p), HYOKA_PERIOD_FIXED_TERM);

    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_set_duty(NULL, HYOKA_DUTY_AUTONOMOUS));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EINVAL, hyoka_project_set_duty(p, 2));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EINVAL, hyoka_project_set_duty(p, -2));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EINVAL, hyoka_project_set_duty(p, 1 << 30));
    assert_int_equal(hyoka_project_duty(p), HYOKA_DUTY_STATUTORY_ENTRUSTED);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_set_period(NULL, HYOKA_PERIOD_ONE_TIME));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EINVAL, hyoka_project_set_period(p, 3));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EINVAL, hyoka_project_set_period(p, -2));
    assert_int_equal(hyoka_project_period(p), HYOKA_PERIOD_FIXED_TERM);

    assert_int_equal(hyoka_project_set_duty(p, HYOKA_UNSET), HYOKA_OK);
    assert_int_equal(hyoka_project_duty(p), HYOKA_UNSET);
    assert_int_equal(hyoka_project_set_period(p, HYOKA_UNSET), HYOKA_OK);
    assert_int_equal(hyoka_project_period(p), HYOKA_UNSET);
    hyoka_project_free(p);
}

static void test_period_years(void **state)
{
    hyoka_project *p = new_project();
    (void)state;
    assert_int_equal(hyoka_project_set_period_years(p, 2003, 0), HYOKA_OK);
    assert_int_equal(hyoka_project_start_year(p), 2003);
    assert_int_equal(hyoka_project_end_year(p), 0);
    assert_int_equal(hyoka_project_set_period_years(p, 1868, 9999), HYOKA_OK);
    assert_int_equal(hyoka_project_start_year(p), 1868);
    assert_int_equal(hyoka_project_end_year(p), 9999);
    /* End before start is accepted (validation reports it). */
    assert_int_equal(hyoka_project_set_period_years(p, 2010, 2005), HYOKA_OK);
    assert_int_equal(hyoka_project_start_year(p), 2010);
    assert_int_equal(hyoka_project_end_year(p), 2005);

    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_set_period_years(NULL, 2003, 2005));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_ERANGE, hyoka_project_set_period_years(p, 1867, 2005));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_ERANGE, hyoka_project_set_period_years(p, 2003, 10000));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_ERANGE, hyoka_project_set_period_years(p, 10000, 0));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_ERANGE, hyoka_project_set_period_years(p, 0, 1867));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_ERANGE, hyoka_project_set_period_years(p, -2007, 0));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_ERANGE, hyoka_project_set_period_years(p, 2003, INT32_MIN));
    assert_int_equal(hyoka_project_start_year(p), 2010);
    assert_int_equal(hyoka_project_end_year(p), 2005);

    assert_int_equal(hyoka_project_set_period_years(p, 0, 0), HYOKA_OK);
    assert_int_equal(hyoka_project_start_year(p), 0);
    assert_int_equal(hyoka_project_end_year(p), 0);
    hyoka_project_free(p);
}

/* ------------------------------------------------------------------------ */
/* Classification paths                                                      */

static void test_class(void **state)
{
    hyoka_project *p = new_project();
    const char *l = "x", *c = "x", *n = "x";
    (void)state;
    assert_int_equal(hyoka_project_add_class(p, HYOKA_CLASS_POLICY, "政策", HYOKA_NTS, "8", HYOKA_NTS,
                                             "計画の推進に向けて", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_project_add_class(p, HYOKA_CLASS_POLICY, NULL, 0, NULL, 0, "施策名", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_project_add_class(p, HYOKA_CLASS_ACCOUNT, "款", HYOKA_NTS, "2", 1, NULL, 0), HYOKA_OK);
    assert_int_equal(hyoka_project_class_count(p, HYOKA_CLASS_POLICY), 2);
    assert_int_equal(hyoka_project_class_count(p, HYOKA_CLASS_ACCOUNT), 1);
    assert_int_equal(hyoka_project_class_count(p, 2), 0);
    assert_int_equal(hyoka_project_class_count(p, -1), 0);

    assert_int_equal(hyoka_project_class_at(p, HYOKA_CLASS_POLICY, 0, &l, &c, &n), HYOKA_OK);
    assert_text(l, "政策");
    assert_text(c, "8");
    assert_text(n, "計画の推進に向けて");
    assert_int_equal(hyoka_project_class_at(p, HYOKA_CLASS_POLICY, 1, &l, &c, &n), HYOKA_OK);
    assert_null(l);
    assert_null(c);
    assert_text(n, "施策名");
    assert_int_equal(hyoka_project_class_at(p, HYOKA_CLASS_ACCOUNT, 0, NULL, &c, NULL), HYOKA_OK);
    assert_text(c, "2");
    assert_int_equal(hyoka_project_class_at(p, HYOKA_CLASS_ACCOUNT, 0, NULL, NULL, NULL), HYOKA_OK);

    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_project_class_at(p, HYOKA_CLASS_POLICY, 2, &l, &c, &n));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_project_class_at(p, HYOKA_CLASS_ACCOUNT, (size_t)-1, &l, &c, &n));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_class_at(p, 2, 0, &l, &c, &n));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_class_at(NULL, HYOKA_CLASS_POLICY, 0, &l, &c, &n));

    /* Bad additions change nothing. */
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_add_class(NULL, HYOKA_CLASS_POLICY, "a", 1, "b", 1, "c", 1));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EINVAL, hyoka_project_add_class(p, 2, "a", 1, "b", 1, "c", 1));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EINVAL, hyoka_project_add_class(p, -1, "a", 1, "b", 1, "c", 1));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EENCODING,
                          hyoka_project_add_class(p, HYOKA_CLASS_POLICY, "\xff", 1, "b", 1, "c", 1));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EENCODING,
                          hyoka_project_add_class(p, HYOKA_CLASS_POLICY, "a", 1, "\xc0\x80", 2, "c", 1));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EENCODING,
                          hyoka_project_add_class(p, HYOKA_CLASS_POLICY, "a", 1, "b", 1, "c\0d", 3));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_ELIMIT,
                          hyoka_project_add_class(p, HYOKA_CLASS_ACCOUNT, "a", 1, "b", 1, big_text, big_len));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_ELIMIT,
                          hyoka_project_add_class(p, HYOKA_CLASS_ACCOUNT, big_text, big_len, "b", 1, "c", 1));
    assert_int_equal(hyoka_project_class_count(p, HYOKA_CLASS_POLICY), 2);
    assert_int_equal(hyoka_project_class_count(p, HYOKA_CLASS_ACCOUNT), 1);

    /* Many levels (grows). */
    for (int i = 0; i < 20; i++)
        assert_int_equal(hyoka_project_add_class(p, HYOKA_CLASS_ACCOUNT, "目", HYOKA_NTS, "9", 1, NULL, 0),
                         HYOKA_OK);
    assert_int_equal(hyoka_project_class_count(p, HYOKA_CLASS_ACCOUNT), 21);

    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_clear_class(NULL, HYOKA_CLASS_POLICY));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EINVAL, hyoka_project_clear_class(p, 2));
    assert_int_equal(hyoka_project_clear_class(p, HYOKA_CLASS_POLICY), HYOKA_OK);
    assert_int_equal(hyoka_project_class_count(p, HYOKA_CLASS_POLICY), 0);
    assert_int_equal(hyoka_project_class_count(p, HYOKA_CLASS_ACCOUNT), 21);
    assert_int_equal(hyoka_project_clear_class(p, HYOKA_CLASS_POLICY), HYOKA_OK);
    assert_int_equal(hyoka_project_add_class(p, HYOKA_CLASS_POLICY, "政策", HYOKA_NTS, NULL, 0, NULL, 0), HYOKA_OK);
    assert_int_equal(hyoka_project_class_count(p, HYOKA_CLASS_POLICY), 1);
    hyoka_project_free(p);
}

/* ------------------------------------------------------------------------ */
/* Cost years, indicators, evaluations                                       */

static void test_years(void **state)
{
    hyoka_project *p = new_project();
    hyoka_costs *a = NULL, *b = NULL, *c = NULL, *keep = SENTINEL(hyoka_costs);
    (void)state;
    assert_int_equal(hyoka_project_add_year(p, 2007, &a), HYOKA_OK);
    assert_int_equal(hyoka_project_add_year(p, 2008, &b), HYOKA_OK);
    assert_int_equal(hyoka_project_add_year(p, 2007, &c), HYOKA_OK); /* duplicate accepted (C008) */
    assert_int_equal(hyoka_project_add_year(p, 2009, NULL), HYOKA_OK);
    assert_non_null(a);
    assert_int_equal(hyoka_costs_fiscal_year(a), 2007);
    assert_int_equal(hyoka_costs_fiscal_year(b), 2008);
    assert_int_equal(hyoka_project_year_count(p), 4);
    assert_ptr_equal(hyoka_project_year_at(p, 0), a);
    assert_ptr_equal(hyoka_project_year_at(p, 1), b);
    assert_ptr_equal(hyoka_project_year_at(p, 2), c);
    assert_int_equal(hyoka_costs_fiscal_year(hyoka_project_year_at(p, 3)), 2009);
    assert_null(hyoka_project_year_at(p, 4));
    assert_ptr_equal(hyoka_project_find_year(p, 2007), a);
    assert_ptr_equal(hyoka_project_find_year(p, 2008), b);
    assert_null(hyoka_project_find_year(p, 2010));
    assert_int_equal(hyoka_project_add_year(p, 1868, NULL), HYOKA_OK);
    assert_int_equal(hyoka_project_add_year(p, 9999, NULL), HYOKA_OK);

    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_add_year(NULL, 2007, &keep));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_ERANGE, hyoka_project_add_year(p, 1867, &keep));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_ERANGE, hyoka_project_add_year(p, 10000, &keep));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_ERANGE, hyoka_project_add_year(p, 0, &keep));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_ERANGE, hyoka_project_add_year(p, -2007, &keep));
    assert_ptr_equal(keep, SENTINEL(hyoka_costs));
    assert_int_equal(hyoka_project_year_count(p), 6);

    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_remove_year(NULL, 0));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_ENOTFOUND, hyoka_project_remove_year(p, 6));
    assert_int_equal(hyoka_project_remove_year(p, 0), HYOKA_OK);
    assert_int_equal(hyoka_project_year_count(p), 5);
    assert_ptr_equal(hyoka_project_year_at(p, 0), b);
    assert_ptr_equal(hyoka_project_find_year(p, 2007), c);
    assert_int_equal(hyoka_project_remove_year(p, 4), HYOKA_OK);
    assert_int_equal(hyoka_project_year_count(p), 4);
    hyoka_project_free(p);
}

static void test_indicators(void **state)
{
    hyoka_project *p = new_project();
    hyoka_indicator *a = NULL, *b = NULL, *keep = SENTINEL(hyoka_indicator);
    (void)state;
    assert_int_equal(hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &a), HYOKA_OK);
    assert_int_equal(hyoka_project_add_indicator(p, HYOKA_UNSET, &b), HYOKA_OK);
    assert_int_equal(hyoka_project_add_indicator(p, HYOKA_KIND_UPPER_OUTCOME, NULL), HYOKA_OK);
    assert_int_equal(hyoka_project_indicator_count(p), 3);
    assert_int_equal(hyoka_indicator_kind(a), HYOKA_KIND_OUTCOME);
    assert_int_equal(hyoka_indicator_kind(b), HYOKA_UNSET);
    assert_ptr_equal(hyoka_project_indicator_at(p, 0), a);
    assert_ptr_equal(hyoka_project_indicator_at(p, 1), b);
    assert_int_equal(hyoka_indicator_kind(hyoka_project_indicator_at(p, 2)), HYOKA_KIND_UPPER_OUTCOME);
    assert_null(hyoka_project_indicator_at(p, 3));

    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_add_indicator(NULL, HYOKA_KIND_OUTCOME, &keep));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EINVAL, hyoka_project_add_indicator(p, HYOKA_KIND_ACTION + 1, &keep));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EINVAL, hyoka_project_add_indicator(p, -2, &keep));
    assert_ptr_equal(keep, SENTINEL(hyoka_indicator));
    assert_int_equal(hyoka_project_indicator_count(p), 3);

    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_remove_indicator(NULL, 0));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_ENOTFOUND, hyoka_project_remove_indicator(p, 3));
    assert_int_equal(hyoka_project_remove_indicator(p, 0), HYOKA_OK);
    assert_ptr_equal(hyoka_project_indicator_at(p, 0), b);
    assert_int_equal(hyoka_project_indicator_count(p), 2);
    hyoka_project_free(p);
}

static void test_evaluations(void **state)
{
    hyoka_project *p = new_project();
    hyoka_evaluation *a = NULL, *b = NULL, *keep = SENTINEL(hyoka_evaluation);
    (void)state;
    assert_int_equal(hyoka_project_add_evaluation(p, HYOKA_STAGE_PRIMARY, &a), HYOKA_OK);
    assert_int_equal(hyoka_project_add_evaluation(p, HYOKA_STAGE_SECONDARY, &b), HYOKA_OK);
    assert_int_equal(hyoka_project_add_evaluation(p, HYOKA_UNSET, NULL), HYOKA_OK);
    assert_int_equal(hyoka_project_evaluation_count(p), 3);
    assert_int_equal(hyoka_evaluation_stage(a), HYOKA_STAGE_PRIMARY);
    assert_int_equal(hyoka_evaluation_stage(b), HYOKA_STAGE_SECONDARY);
    assert_int_equal(hyoka_evaluation_stage(hyoka_project_evaluation_at(p, 2)), HYOKA_UNSET);
    assert_ptr_equal(hyoka_project_evaluation_at(p, 1), b);
    assert_null(hyoka_project_evaluation_at(p, 3));

    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_add_evaluation(NULL, HYOKA_STAGE_SELF, &keep));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EINVAL, hyoka_project_add_evaluation(p, 5, &keep));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EINVAL, hyoka_project_add_evaluation(p, -2, &keep));
    assert_ptr_equal(keep, SENTINEL(hyoka_evaluation));

    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_remove_evaluation(NULL, 0));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_ENOTFOUND, hyoka_project_remove_evaluation(p, 3));
    assert_int_equal(hyoka_project_remove_evaluation(p, 1), HYOKA_OK);
    assert_int_equal(hyoka_project_evaluation_count(p), 2);
    assert_ptr_equal(hyoka_project_evaluation_at(p, 0), a);
    hyoka_project_free(p);
}

/* ------------------------------------------------------------------------ */
/* Sub-projects and ownership                                                */

static void test_children(void **state)
{
    hyoka_project *p = new_project(), *a = new_project(), *b = new_project(), *g = new_project();
    (void)state;
    assert_int_equal(hyoka_project_set_code(a, "A", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_project_set_code(b, "B", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_project_add_child(p, a), HYOKA_OK);
    assert_int_equal(hyoka_project_add_child(p, b), HYOKA_OK);
    assert_int_equal(hyoka_project_add_child(a, g), HYOKA_OK);
    assert_int_equal(hyoka_project_child_count(p), 2);
    assert_int_equal(hyoka_project_child_count(a), 1);
    assert_ptr_equal(hyoka_project_child_at(p, 0), a);
    assert_ptr_equal(hyoka_project_child_at(p, 1), b);
    assert_null(hyoka_project_child_at(p, 2));
    assert_ptr_equal(hyoka_project_parent(a), p);
    assert_ptr_equal(hyoka_project_parent(g), a);
    assert_null(hyoka_project_parent(p));

    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_project_remove_child(p, 2));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_remove_child(NULL, 0));
    assert_int_equal(hyoka_project_remove_child(p, 0), HYOKA_OK); /* frees a and g */
    assert_int_equal(hyoka_project_child_count(p), 1);
    assert_ptr_equal(hyoka_project_child_at(p, 0), b);
    hyoka_project_free(p);
}

static void test_add_child_refused(void **state)
{
    hyoka_project *p = new_project(), *a = new_project(), *g = new_project(), *other = new_project();
    hyoka_project *root = new_project(), *snap;
    (void)state;
    assert_int_equal(hyoka_project_add_child(p, a), HYOKA_OK);
    assert_int_equal(hyoka_project_add_child(a, g), HYOKA_OK);

    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_add_child(NULL, other));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EINVAL, hyoka_project_add_child(p, NULL));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EINVAL, hyoka_project_add_child(p, p));
    /* Already owned: twice, or by another parent. */
    EXPECT_FAIL_UNCHANGED(p, HYOKA_ESTATE, hyoka_project_add_child(p, a));
    EXPECT_FAIL_UNCHANGED(other, HYOKA_ESTATE, hyoka_project_add_child(other, g));
    assert_string_equal(hyoka_error_last(),
                        "hyoka_project_add_child: the child is already owned by a parent project");
    assert_ptr_equal(hyoka_project_parent(g), a);
    /* Cycles: the root under its grandchild, a child under its own child. */
    snap = copy_of(p);
    EXPECT_FAIL(HYOKA_ESTATE, hyoka_project_add_child(g, p));
    EXPECT_FAIL(HYOKA_ESTATE, hyoka_project_add_child(a, p));
    assert_true(hyoka_project_equal(p, snap));
    assert_int_equal(hyoka_project_child_count(g), 0);
    assert_int_equal(hyoka_project_child_count(a), 1);
    assert_null(hyoka_project_parent(p));
    hyoka_project_free(snap);
    /* A project holding a tree can itself go under another root. */
    assert_int_equal(hyoka_project_add_child(root, p), HYOKA_OK);
    EXPECT_FAIL(HYOKA_ESTATE, hyoka_project_add_child(g, root));
    EXPECT_FAIL(HYOKA_ESTATE, hyoka_project_add_child(g, p)); /* owned and an ancestor */
    assert_ptr_equal(hyoka_project_parent(p), root);
    hyoka_project_free(other);
    hyoka_project_free(root);
}

static void test_free_owned_refused(void **state)
{
    hyoka_project *p = new_project(), *a = new_project();
    (void)state;
    assert_int_equal(hyoka_project_set_code(a, "A", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_project_add_child(p, a), HYOKA_OK);
    hyoka_error_clear();
    hyoka_project_free(a); /* refused: p owns it */
    assert_int_equal(hyoka_error_last_code(), HYOKA_ESTATE);
    assert_true(strlen(hyoka_error_last()) > 0);
    /* Still alive and in place (the sanitizers and valgrind would catch a use after free). */
    assert_text(hyoka_project_code(a), "A");
    assert_ptr_equal(hyoka_project_child_at(p, 0), a);
    assert_ptr_equal(hyoka_project_parent(a), p);
    hyoka_project_free(p); /* frees a too: no leak, no double free */
}

static void test_deep_tree(void **state)
{
    /* A long chain, built from the leaf up: destroy, copy and equal must
     * not recurse (a recursive walk would overflow the stack). */
    enum { DEPTH = 100000 };
    hyoka_project *root = new_project(), *leaf = root, *node, *copy;
    (void)state;
    assert_int_equal(hyoka_project_set_code(leaf, "leaf", HYOKA_NTS), HYOKA_OK);
    for (int i = 0; i < DEPTH; i++) {
        hyoka_project *up = new_project();
        assert_int_equal(hyoka_project_add_child(up, root), HYOKA_OK);
        root = up;
    }
    /* The leaf cannot take its root (a cycle through the whole chain). */
    EXPECT_FAIL(HYOKA_ESTATE, hyoka_project_add_child(leaf, root));
    copy = copy_of(root);
    assert_true(hyoka_project_equal(root, copy));
    node = copy;
    while (hyoka_project_child_count(node) > 0)
        node = hyoka_project_child_at(node, 0);
    assert_text(hyoka_project_code(node), "leaf");
    assert_int_equal(hyoka_project_set_code(node, "other", HYOKA_NTS), HYOKA_OK);
    assert_false(hyoka_project_equal(root, copy));
    hyoka_project_free(copy);
    hyoka_project_free(root);
}

static void test_wide_tree(void **state)
{
    hyoka_project *root = new_project(), *copy;
    (void)state;
    for (int i = 0; i < 300; i++) {
        hyoka_project *c = new_project();
        hyoka_project *gc = new_project();
        char code[16];
        snprintf(code, sizeof code, "%d", i);
        assert_int_equal(hyoka_project_set_code(gc, code, HYOKA_NTS), HYOKA_OK);
        assert_int_equal(hyoka_project_add_child(c, gc), HYOKA_OK);
        assert_int_equal(hyoka_project_add_child(root, c), HYOKA_OK);
    }
    copy = copy_of(root);
    assert_true(hyoka_project_equal(root, copy));
    assert_int_equal(hyoka_project_set_code(hyoka_project_child_at(hyoka_project_child_at(copy, 299), 0), "x",
                                            HYOKA_NTS), HYOKA_OK);
    assert_false(hyoka_project_equal(root, copy));
    hyoka_project_free(copy);
    hyoka_project_free(root);
}

/* ------------------------------------------------------------------------ */
/* Extensions                                                                */

static void test_extensions(void **state)
{
    hyoka_project *p = new_project();
    const char *k = NULL, *v = NULL;
    (void)state;
    assert_int_equal(hyoka_project_set_extension(p, "b", HYOKA_NTS, "1", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_project_set_extension(p, "a", HYOKA_NTS, "2", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_project_set_extension(p, "部課xx", strlen("部課"), "", 0), HYOKA_OK);
    assert_int_equal(hyoka_project_extension_count(p), 3);
    assert_text(hyoka_project_extension(p, "b", HYOKA_NTS), "1");
    assert_text(hyoka_project_extension(p, "a", 1), "2");
    assert_text(hyoka_project_extension(p, "部課", HYOKA_NTS), "");
    assert_null(hyoka_project_extension(p, "c", HYOKA_NTS));
    assert_null(hyoka_project_extension(p, NULL, 0));
    /* Replacing keeps the order. */
    assert_int_equal(hyoka_project_set_extension(p, "b", HYOKA_NTS, "one", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_project_extension_at(p, 0, &k, &v), HYOKA_OK);
    assert_text(k, "b");
    assert_text(v, "one");
    assert_int_equal(hyoka_project_extension_at(p, 1, &k, NULL), HYOKA_OK);
    assert_text(k, "a");
    assert_int_equal(hyoka_project_extension_at(p, 2, NULL, &v), HYOKA_OK);
    assert_text(v, "");
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_project_extension_at(p, 3, &k, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_extension_at(NULL, 0, &k, &v));
    /* Removing. */
    assert_int_equal(hyoka_project_set_extension(p, "b", HYOKA_NTS, NULL, 0), HYOKA_OK);
    assert_int_equal(hyoka_project_set_extension(p, "zz", HYOKA_NTS, NULL, 0), HYOKA_OK); /* absent: OK */
    assert_int_equal(hyoka_project_extension_count(p), 2);
    assert_int_equal(hyoka_project_extension_at(p, 0, &k, &v), HYOKA_OK);
    assert_text(k, "a");

    /* Bad input. */
    assert_int_equal(hyoka_project_set_extension(p, "a", HYOKA_NTS, "2", HYOKA_NTS), HYOKA_OK);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_set_extension(NULL, "a", HYOKA_NTS, "x", HYOKA_NTS));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EINVAL, hyoka_project_set_extension(p, NULL, 0, "x", HYOKA_NTS));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EINVAL, hyoka_project_set_extension(p, "", HYOKA_NTS, "x", HYOKA_NTS));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EENCODING, hyoka_project_set_extension(p, "\xff", 1, "x", HYOKA_NTS));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EENCODING, hyoka_project_set_extension(p, "k\0k", 3, "x", HYOKA_NTS));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EENCODING, hyoka_project_set_extension(p, "a", HYOKA_NTS, "\xff", 1));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_EENCODING, hyoka_project_set_extension(p, "new", HYOKA_NTS, "x\0y", 3));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_ELIMIT, hyoka_project_set_extension(p, "a", HYOKA_NTS, big_text, big_len));
    EXPECT_FAIL_UNCHANGED(p, HYOKA_ELIMIT, hyoka_project_set_extension(p, big_text, big_len, "x", 1));
    assert_text(hyoka_project_extension(p, "a", HYOKA_NTS), "2");
    assert_int_equal(hyoka_project_extension_count(p), 2);
    hyoka_project_free(p);
}

/* ------------------------------------------------------------------------ */
/* Copy and equality                                                         */

static void test_copy_equal(void **state)
{
    hyoka_project *p = populated(), *c = copy_of(p), *sub;
    (void)state;
    assert_true(hyoka_project_equal(p, c));
    assert_true(hyoka_project_equal(c, p));
    assert_true(hyoka_project_equal(p, p));
    assert_true(hyoka_project_equal(NULL, NULL));
    assert_false(hyoka_project_equal(p, NULL));
    assert_false(hyoka_project_equal(NULL, p));

    /* Deep: nothing shared, back links point into the copy. */
    assert_ptr_not_equal(hyoka_project_year_at(c, 0), hyoka_project_year_at(p, 0));
    assert_ptr_not_equal(hyoka_project_child_at(c, 0), hyoka_project_child_at(p, 0));
    assert_ptr_equal(hyoka_project_parent(hyoka_project_child_at(c, 0)), c);
    assert_ptr_equal(hyoka_project_parent(hyoka_project_child_at(hyoka_project_child_at(c, 0), 0)),
                     hyoka_project_child_at(c, 0));
    assert_ptr_not_equal(hyoka_project_code(c), hyoka_project_code(p));
    assert_text(hyoka_project_code(c), "010802");
    assert_int_equal(hyoka_project_child_count(c), 2);
    assert_text(hyoka_project_code(hyoka_project_child_at(hyoka_project_child_at(c, 0), 0)), "010802-1-a");

    /* The copy of an owned sub-project has no owner. */
    sub = copy_of(hyoka_project_child_at(p, 0));
    assert_null(hyoka_project_parent(sub));
    assert_true(hyoka_project_equal(sub, hyoka_project_child_at(p, 0)));
    assert_int_equal(hyoka_project_add_child(c, sub), HYOKA_OK);
    assert_false(hyoka_project_equal(p, c));

    /* Changing the original after copying leaves the copy alone. */
    hyoka_project_free(c);
    c = copy_of(p);
    assert_int_equal(hyoka_project_set_code(p, "changed", HYOKA_NTS), HYOKA_OK);
    assert_text(hyoka_project_code(c), "010802");

    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_copy(NULL, &sub));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_copy(p, NULL));
    hyoka_project_free(c);
    hyoka_project_free(p);
}

/* Each mutation changes one kind of field of @p c, a copy of populated(). */
typedef void (*mutation)(hyoka_project *c);

static void mut_duty(hyoka_project *c) { assert_int_equal(hyoka_project_set_duty(c, HYOKA_DUTY_STATUTORY_ENTRUSTED), 0); }
static void mut_duty_unset(hyoka_project *c) { assert_int_equal(hyoka_project_set_duty(c, HYOKA_UNSET), 0); }
static void mut_period(hyoka_project *c) { assert_int_equal(hyoka_project_set_period(c, HYOKA_PERIOD_ONE_TIME), 0); }
static void mut_start(hyoka_project *c) { assert_int_equal(hyoka_project_set_period_years(c, 2004, 2010), 0); }
static void mut_end(hyoka_project *c) { assert_int_equal(hyoka_project_set_period_years(c, 2003, 0), 0); }
static void mut_class_add(hyoka_project *c)
{
    assert_int_equal(hyoka_project_add_class(c, HYOKA_CLASS_POLICY, "基本事業", HYOKA_NTS, NULL, 0, NULL, 0), 0);
}
static void mut_class_clear(hyoka_project *c) { assert_int_equal(hyoka_project_clear_class(c, HYOKA_CLASS_ACCOUNT), 0); }
static void mut_class_code(hyoka_project *c)
{
    assert_int_equal(hyoka_project_clear_class(c, HYOKA_CLASS_ACCOUNT), 0);
    assert_int_equal(hyoka_project_add_class(c, HYOKA_CLASS_ACCOUNT, "会計", HYOKA_NTS, "2", HYOKA_NTS, "一般会計",
                                             HYOKA_NTS), 0);
}
static void mut_class_level_missing(hyoka_project *c)
{
    assert_int_equal(hyoka_project_clear_class(c, HYOKA_CLASS_ACCOUNT), 0);
    assert_int_equal(hyoka_project_add_class(c, HYOKA_CLASS_ACCOUNT, NULL, 0, "1", HYOKA_NTS, "一般会計", HYOKA_NTS),
                     0);
}
static void mut_class_kind(hyoka_project *c)
{
    /* Same levels, but under the other path. */
    assert_int_equal(hyoka_project_clear_class(c, HYOKA_CLASS_ACCOUNT), 0);
    assert_int_equal(hyoka_project_add_class(c, HYOKA_CLASS_POLICY, "会計", HYOKA_NTS, "1", HYOKA_NTS, "一般会計",
                                             HYOKA_NTS), 0);
}
static void mut_year_add(hyoka_project *c) { assert_int_equal(hyoka_project_add_year(c, 2009, NULL), 0); }
static void mut_year_remove(hyoka_project *c) { assert_int_equal(hyoka_project_remove_year(c, 1), 0); }
static void mut_year_fy(hyoka_project *c)
{
    assert_int_equal(hyoka_costs_set_fiscal_year(hyoka_project_year_at(c, 1), 2009), 0);
}
static void mut_year_amount(hyoka_project *c)
{
    assert_int_equal(hyoka_costs_set(hyoka_project_year_at(c, 0), HYOKA_COST_SETTLEMENT, 1), 0);
}
static void mut_year_phase(hyoka_project *c)
{
    assert_int_equal(hyoka_costs_set_phase(hyoka_project_year_at(c, 0), HYOKA_PHASE_BUDGET), 0);
}
static void mut_staff(hyoka_project *c)
{
    hyoka_decimal d = dec("1.770");
    assert_int_equal(hyoka_staff_set_decimal(hyoka_costs_staff_at(hyoka_project_year_at(c, 0), 0), HYOKA_STAFF_FTE,
                                             &d), 0);
}
static void mut_stated(hyoka_project *c)
{
    hyoka_decimal d = dec("15775.1");
    assert_int_equal(hyoka_costs_set_stated(hyoka_project_year_at(c, 0), HYOKA_FIG_UNIT_COST, &d, HYOKA_UNIT_YEN), 0);
}
static void mut_indicator_add(hyoka_project *c) { assert_int_equal(hyoka_project_add_indicator(c, HYOKA_UNSET, NULL), 0); }
static void mut_indicator_remove(hyoka_project *c) { assert_int_equal(hyoka_project_remove_indicator(c, 1), 0); }
static void mut_indicator_text(hyoka_project *c)
{
    assert_int_equal(hyoka_indicator_set_text(hyoka_project_indicator_at(c, 0), HYOKA_INDICATOR_UNIT, "人", HYOKA_NTS),
                     0);
}
static void mut_indicator_value_scale(hyoka_project *c)
{
    hyoka_decimal d = dec("98.30");
    assert_int_equal(hyoka_indicator_set_value(hyoka_project_indicator_at(c, 0), 2007,
                                               HYOKA_VALUE_STATED_ACHIEVEMENT, &d), 0);
}
static void mut_evaluation_add(hyoka_project *c)
{
    assert_int_equal(hyoka_project_add_evaluation(c, HYOKA_STAGE_SECONDARY, NULL), 0);
}
static void mut_evaluation_remove(hyoka_project *c) { assert_int_equal(hyoka_project_remove_evaluation(c, 0), 0); }
static void mut_evaluation_verdict(hyoka_project *c)
{
    assert_int_equal(hyoka_evaluation_set_text(hyoka_project_evaluation_at(c, 0), HYOKA_EVAL_VERDICT, "maintain",
                                               HYOKA_NTS), 0);
}
static void mut_evaluation_answer(hyoka_project *c)
{
    assert_int_equal(hyoka_evaluation_set_answer(hyoka_project_evaluation_at(c, 0), "relevance", HYOKA_NTS, "B",
                                                 HYOKA_NTS), 0);
}
static void mut_ext_value(hyoka_project *c)
{
    assert_int_equal(hyoka_project_set_extension(c, "ledger.id", HYOKA_NTS, "A-18", HYOKA_NTS), 0);
}
static void mut_ext_add(hyoka_project *c)
{
    assert_int_equal(hyoka_project_set_extension(c, "new", HYOKA_NTS, "", 0), 0);
}
static void mut_ext_remove(hyoka_project *c)
{
    assert_int_equal(hyoka_project_set_extension(c, "ledger.id", HYOKA_NTS, NULL, 0), 0);
}
static void mut_ext_order(hyoka_project *c)
{
    /* Same pairs, other order. */
    assert_int_equal(hyoka_project_set_extension(c, "ledger.id", HYOKA_NTS, NULL, 0), 0);
    assert_int_equal(hyoka_project_set_extension(c, "ledger.id", HYOKA_NTS, "A-17", HYOKA_NTS), 0);
}
static void mut_child_add(hyoka_project *c)
{
    hyoka_project *x = new_project();
    assert_int_equal(hyoka_project_add_child(c, x), 0);
}
static void mut_child_remove(hyoka_project *c) { assert_int_equal(hyoka_project_remove_child(c, 1), 0); }
static void mut_child_name(hyoka_project *c)
{
    assert_int_equal(hyoka_project_set_name(hyoka_project_child_at(c, 1), "名前", HYOKA_NTS), 0);
}
static void mut_child_year(hyoka_project *c)
{
    assert_int_equal(hyoka_costs_set(hyoka_project_year_at(hyoka_project_child_at(c, 0), 0), HYOKA_COST_USAGE, 3), 0);
}
static void mut_grandchild_ext(hyoka_project *c)
{
    hyoka_project *g = hyoka_project_child_at(hyoka_project_child_at(c, 0), 0);
    assert_int_equal(hyoka_project_set_extension(g, "k", HYOKA_NTS, "w", HYOKA_NTS), 0);
}
static void mut_grandchild_move(hyoka_project *c)
{
    /* The same two sub-projects, with the grandchild one level up. */
    hyoka_project *g = copy_of(hyoka_project_child_at(hyoka_project_child_at(c, 0), 0));
    assert_int_equal(hyoka_project_remove_child(hyoka_project_child_at(c, 0), 0), 0);
    assert_int_equal(hyoka_project_add_child(hyoka_project_child_at(c, 1), g), 0);
}

static void test_copy_unequal_on_any_change(void **state)
{
    static const mutation mutations[] = {
        mut_duty, mut_duty_unset, mut_period, mut_start, mut_end,
        mut_class_add, mut_class_clear, mut_class_code, mut_class_level_missing, mut_class_kind,
        mut_year_add, mut_year_remove, mut_year_fy, mut_year_amount, mut_year_phase, mut_staff, mut_stated,
        mut_indicator_add, mut_indicator_remove, mut_indicator_text, mut_indicator_value_scale,
        mut_evaluation_add, mut_evaluation_remove, mut_evaluation_verdict, mut_evaluation_answer,
        mut_ext_value, mut_ext_add, mut_ext_remove, mut_ext_order,
        mut_child_add, mut_child_remove, mut_child_name, mut_child_year, mut_grandchild_ext, mut_grandchild_move,
    };
    hyoka_project *p = populated();
    (void)state;
    for (size_t i = 0; i < sizeof mutations / sizeof mutations[0]; i++) {
        hyoka_project *c = copy_of(p);
        assert_true(hyoka_project_equal(p, c));
        mutations[i](c);
        if (hyoka_project_equal(p, c) || hyoka_project_equal(c, p))
            fail_msg("mutation %zu left the copy equal", i);
        hyoka_project_free(c);
    }
    /* Every text field: changed, and made missing. */
    for (int f = 0; f < TEXT_COUNT; f++) {
        hyoka_project *c = copy_of(p);
        assert_int_equal(hyoka_project_set_text(c, f, "別の値", HYOKA_NTS), HYOKA_OK);
        assert_false(hyoka_project_equal(p, c));
        assert_int_equal(hyoka_project_set_text(c, f, hyoka_project_text(p, f), HYOKA_NTS), HYOKA_OK);
        assert_true(hyoka_project_equal(p, c));
        assert_int_equal(hyoka_project_set_text(c, f, NULL, 0), HYOKA_OK);
        assert_false(hyoka_project_equal(p, c));
        hyoka_project_free(c);
    }
    hyoka_project_free(p);
}

/* ------------------------------------------------------------------------ */
/* Allocation failures                                                       */

static int body_new(void *ctx)
{
    hyoka_project *p = SENTINEL(hyoka_project);
    int rc;
    (void)ctx;
    rc = hyoka_project_new(&p);
    if (rc != HYOKA_OK) {
        assert_int_equal(rc, HYOKA_ENOMEM);
        assert_ptr_equal(p, SENTINEL(hyoka_project)); /* untouched */
        assert_true(strlen(hyoka_error_last()) > 0);
        return rc;
    }
    hyoka_project_free(p);
    return HYOKA_OK;
}

static void test_sweep_new(void **state)
{
    (void)state;
    assert_true(failalloc_sweep(body_new, NULL) >= 1);
}

/* Set every text field to "old", then each to a new value; an ENOMEM
 * anywhere must leave the field being set as it was. */
static int body_texts(void *ctx)
{
    hyoka_project *p = NULL;
    int rc;
    (void)ctx;
    rc = hyoka_project_new(&p);
    if (rc != HYOKA_OK)
        return rc;
    for (int f = 0; f < TEXT_COUNT; f++) {
        rc = hyoka_project_set_text(p, f, "old", HYOKA_NTS);
        if (rc != HYOKA_OK) {
            assert_null(hyoka_project_text(p, f));
            goto out;
        }
    }
    for (int f = 0; f < TEXT_COUNT; f++) {
        rc = hyoka_project_set_text(p, f, "新しい値", HYOKA_NTS);
        if (rc != HYOKA_OK) {
            assert_true(strlen(hyoka_error_last()) > 0);
            assert_text(hyoka_project_text(p, f), "old");
            goto out;
        }
        assert_text(hyoka_project_text(p, f), "新しい値");
    }
    rc = hyoka_project_set_code(p, "C", HYOKA_NTS);
    if (rc != HYOKA_OK) {
        assert_text(hyoka_project_code(p), "新しい値");
        goto out;
    }
    rc = hyoka_project_set_name(p, "N", HYOKA_NTS);
    if (rc != HYOKA_OK) {
        assert_text(hyoka_project_name(p), "新しい値");
        goto out;
    }
out:
    hyoka_project_free(p);
    return rc;
}

static void test_sweep_texts(void **state)
{
    (void)state;
    assert_true(failalloc_sweep(body_texts, NULL) >= 2 * TEXT_COUNT);
}

static int body_add_class(void *ctx)
{
    hyoka_project *p = NULL;
    int rc;
    (void)ctx;
    rc = hyoka_project_new(&p);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka_project_add_class(p, HYOKA_CLASS_POLICY, "政策", HYOKA_NTS, "8", HYOKA_NTS, "計画", HYOKA_NTS);
    if (rc != HYOKA_OK) {
        assert_int_equal(hyoka_project_class_count(p, HYOKA_CLASS_POLICY), 0);
        goto out;
    }
    for (int i = 0; i < 5; i++) { /* through a growth of the array */
        const char *l, *c, *n;
        rc = hyoka_project_add_class(p, HYOKA_CLASS_POLICY, "施策", HYOKA_NTS, "1", HYOKA_NTS, "名", HYOKA_NTS);
        if (rc != HYOKA_OK) {
            assert_true(strlen(hyoka_error_last()) > 0);
            assert_int_equal(hyoka_project_class_count(p, HYOKA_CLASS_POLICY), (size_t)i + 1);
            assert_int_equal(hyoka_project_class_at(p, HYOKA_CLASS_POLICY, 0, &l, &c, &n), HYOKA_OK);
            assert_text(l, "政策");
            assert_text(c, "8");
            assert_text(n, "計画");
            goto out;
        }
    }
out:
    hyoka_project_free(p);
    return rc;
}

static void test_sweep_add_class(void **state)
{
    (void)state;
    assert_true(failalloc_sweep(body_add_class, NULL) >= 4);
}

static int body_extension(void *ctx)
{
    hyoka_project *p = NULL;
    int rc;
    (void)ctx;
    rc = hyoka_project_new(&p);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka_project_set_extension(p, "a", HYOKA_NTS, "1", HYOKA_NTS);
    if (rc != HYOKA_OK) {
        assert_int_equal(hyoka_project_extension_count(p), 0);
        goto out;
    }
    /* A new key (through a growth), then replacing a key. */
    for (int i = 0; i < 5; i++) {
        char key[8];
        snprintf(key, sizeof key, "k%d", i);
        rc = hyoka_project_set_extension(p, key, HYOKA_NTS, "v", HYOKA_NTS);
        if (rc != HYOKA_OK) {
            assert_int_equal(hyoka_project_extension_count(p), (size_t)i + 1);
            assert_null(hyoka_project_extension(p, key, HYOKA_NTS));
            assert_text(hyoka_project_extension(p, "a", HYOKA_NTS), "1");
            goto out;
        }
    }
    rc = hyoka_project_set_extension(p, "a", HYOKA_NTS, "replaced", HYOKA_NTS);
    if (rc != HYOKA_OK) {
        assert_true(strlen(hyoka_error_last()) > 0);
        assert_int_equal(hyoka_project_extension_count(p), 6);
        assert_text(hyoka_project_extension(p, "a", HYOKA_NTS), "1");
        goto out;
    }
    assert_text(hyoka_project_extension(p, "a", HYOKA_NTS), "replaced");
out:
    hyoka_project_free(p);
    return rc;
}

static void test_sweep_extension(void **state)
{
    (void)state;
    assert_true(failalloc_sweep(body_extension, NULL) >= 3);
}

/* Add 5 cost years, indicators and evaluations each (through a growth of
 * each array); on ENOMEM the counts must not move and @p out untouched. */
static int body_add_parts(void *ctx)
{
    hyoka_project *p = NULL;
    int rc = HYOKA_OK;
    (void)ctx;
    rc = hyoka_project_new(&p);
    if (rc != HYOKA_OK)
        return rc;
    for (int i = 0; i < 5; i++) {
        hyoka_costs *c = SENTINEL(hyoka_costs);
        rc = hyoka_project_add_year(p, 2007 + i, &c);
        if (rc != HYOKA_OK) {
            assert_int_equal(hyoka_project_year_count(p), (size_t)i);
            assert_ptr_equal(c, SENTINEL(hyoka_costs));
            goto out;
        }
    }
    for (int i = 0; i < 5; i++) {
        hyoka_indicator *ind = SENTINEL(hyoka_indicator);
        rc = hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &ind);
        if (rc != HYOKA_OK) {
            assert_int_equal(hyoka_project_indicator_count(p), (size_t)i);
            assert_ptr_equal(ind, SENTINEL(hyoka_indicator));
            goto out;
        }
    }
    for (int i = 0; i < 5; i++) {
        hyoka_evaluation *e = SENTINEL(hyoka_evaluation);
        rc = hyoka_project_add_evaluation(p, HYOKA_STAGE_SELF, &e);
        if (rc != HYOKA_OK) {
            assert_int_equal(hyoka_project_evaluation_count(p), (size_t)i);
            assert_ptr_equal(e, SENTINEL(hyoka_evaluation));
            goto out;
        }
    }
    assert_int_equal(hyoka_project_year_count(p), 5);
out:
    if (rc != HYOKA_OK)
        assert_true(strlen(hyoka_error_last()) > 0);
    hyoka_project_free(p);
    return rc;
}

static void test_sweep_add_parts(void **state)
{
    (void)state;
    assert_true(failalloc_sweep(body_add_parts, NULL) >= 15);
}

static int body_add_child(void *ctx)
{
    hyoka_project *p = NULL, *c = NULL;
    int rc;
    (void)ctx;
    rc = hyoka_project_new(&p);
    if (rc != HYOKA_OK)
        return rc;
    for (int i = 0; i < 5; i++) {
        rc = hyoka_project_new(&c);
        if (rc != HYOKA_OK)
            goto out;
        rc = hyoka_project_add_child(p, c);
        if (rc != HYOKA_OK) {
            /* The caller still owns the child. */
            assert_null(hyoka_project_parent(c));
            assert_int_equal(hyoka_project_child_count(p), (size_t)i);
            hyoka_project_free(c);
            goto out;
        }
    }
out:
    hyoka_project_free(p);
    return rc;
}

static void test_sweep_add_child(void **state)
{
    (void)state;
    assert_true(failalloc_sweep(body_add_child, NULL) >= 7);
}

static int body_copy(void *ctx)
{
    hyoka_project *p = NULL, *c = NULL, *child = NULL;
    hyoka_costs *y = NULL;
    hyoka_indicator *ind = NULL;
    hyoka_evaluation *e = NULL;
    hyoka_decimal d = hyoka_decimal_from_int(60);
    int rc;
    (void)ctx;
    /* Build (any step may fail), then copy. */
    if ((rc = hyoka_project_new(&p)) != HYOKA_OK)
        return rc;
    if ((rc = hyoka_project_set_code(p, "010802", HYOKA_NTS)) != HYOKA_OK ||
        (rc = hyoka_project_set_text(p, HYOKA_TEXT_PURPOSE, "目的", HYOKA_NTS)) != HYOKA_OK ||
        (rc = hyoka_project_add_class(p, HYOKA_CLASS_POLICY, "政策", HYOKA_NTS, "8", 1, NULL, 0)) != HYOKA_OK ||
        (rc = hyoka_project_add_class(p, HYOKA_CLASS_ACCOUNT, NULL, 0, NULL, 0, "一般会計", HYOKA_NTS)) != HYOKA_OK ||
        (rc = hyoka_project_add_year(p, 2007, &y)) != HYOKA_OK ||
        (rc = hyoka_costs_add_staff(y, HYOKA_CATEGORY_REGULAR, NULL)) != HYOKA_OK ||
        (rc = hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &ind)) != HYOKA_OK ||
        (rc = hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NAME, "率", HYOKA_NTS)) != HYOKA_OK ||
        (rc = hyoka_indicator_set_value(ind, 2007, HYOKA_VALUE_TARGET, &d)) != HYOKA_OK ||
        (rc = hyoka_project_add_evaluation(p, HYOKA_STAGE_PRIMARY, &e)) != HYOKA_OK ||
        (rc = hyoka_evaluation_set_answer(e, "relevance", HYOKA_NTS, "A", HYOKA_NTS)) != HYOKA_OK ||
        (rc = hyoka_project_set_extension(p, "k", HYOKA_NTS, "v", HYOKA_NTS)) != HYOKA_OK)
        goto out;
    for (int i = 0; i < 2; i++) {
        if ((rc = hyoka_project_new(&child)) != HYOKA_OK)
            goto out;
        if ((rc = hyoka_project_set_name(child, "細事業", HYOKA_NTS)) != HYOKA_OK ||
            (rc = hyoka_project_add_year(child, 2008, NULL)) != HYOKA_OK ||
            (rc = hyoka_project_add_child(i == 0 ? p : hyoka_project_child_at(p, 0), child)) != HYOKA_OK) {
            hyoka_project_free(child);
            goto out;
        }
    }
    c = SENTINEL(hyoka_project);
    rc = hyoka_project_copy(p, &c);
    if (rc != HYOKA_OK) {
        assert_true(strlen(hyoka_error_last()) > 0);
        assert_ptr_equal(c, SENTINEL(hyoka_project)); /* untouched */
        assert_text(hyoka_project_code(p), "010802");
        assert_int_equal(hyoka_project_child_count(p), 1);
        goto out;
    }
    assert_true(hyoka_project_equal(p, c));
    hyoka_project_free(c);
out:
    hyoka_project_free(p);
    return rc;
}

static void test_sweep_copy(void **state)
{
    (void)state;
    assert_true(failalloc_sweep(body_copy, NULL) >= 20);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_empty),
        cmocka_unit_test(test_new_bad),
        cmocka_unit_test(test_null_getters),
        cmocka_unit_test(test_texts),
        cmocka_unit_test(test_text_bad),
        cmocka_unit_test(test_error_names_field),
        cmocka_unit_test(test_duty_period),
        cmocka_unit_test(test_period_years),
        cmocka_unit_test(test_class),
        cmocka_unit_test(test_years),
        cmocka_unit_test(test_indicators),
        cmocka_unit_test(test_evaluations),
        cmocka_unit_test(test_children),
        cmocka_unit_test(test_add_child_refused),
        cmocka_unit_test(test_free_owned_refused),
        cmocka_unit_test(test_deep_tree),
        cmocka_unit_test(test_wide_tree),
        cmocka_unit_test(test_extensions),
        cmocka_unit_test(test_copy_equal),
        cmocka_unit_test(test_copy_unequal_on_any_change),
        cmocka_unit_test(test_sweep_new),
        cmocka_unit_test(test_sweep_texts),
        cmocka_unit_test(test_sweep_add_class),
        cmocka_unit_test(test_sweep_extension),
        cmocka_unit_test(test_sweep_add_parts),
        cmocka_unit_test(test_sweep_add_child),
        cmocka_unit_test(test_sweep_copy),
    };
    return cmocka_run_group_tests(tests, setup_big, teardown_big);
}
