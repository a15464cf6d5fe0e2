/* Unit tests of indicator.h, through the public API. */
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

#define TEXT_FIELDS (HYOKA_INDICATOR_KPI_URL + 1)
#define VALUE_FIELDS (HYOKA_VALUE_STATED_ACHIEVEMENT + 1)

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

/* A text one byte over the limit (the contents never get read). */
static char *over_limit(size_t *len)
{
    int64_t limit = hyoka_limit(HYOKA_LIMIT_TEXT_MAX);
    char *t;
    assert_true(limit > 0);
    *len = (size_t)limit + 1;
    t = malloc(*len);
    assert_non_null(t);
    memset(t, 'a', *len);
    return t;
}

static hyoka_project *new_project(int kind, hyoka_indicator **ind)
{
    hyoka_project *p = NULL;
    assert_int_equal(hyoka_project_new(&p), HYOKA_OK);
    assert_int_equal(hyoka_project_add_indicator(p, kind, ind), HYOKA_OK);
    assert_non_null(*ind);
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

static void test_new_indicator(void **state)
{
    hyoka_indicator *ind = NULL;
    hyoka_project *p = new_project(HYOKA_KIND_OUTCOME, &ind);
    hyoka_decimal d = dec("3");
    int32_t y = 99;
    (void)state;

    assert_int_equal(hyoka_indicator_kind(ind), HYOKA_KIND_OUTCOME);
    assert_int_equal(hyoka_indicator_direction(ind), HYOKA_UNSET);
    assert_int_equal(hyoka_indicator_not_settable(ind), 0);
    for (int f = 0; f < TEXT_FIELDS; f++)
        assert_null(hyoka_indicator_text(ind, f));
    assert_int_equal(hyoka_indicator_long_term(ind, &d, &y), 0);
    assert_dec(&d, "3");
    assert_int_equal(y, 0);
    assert_int_equal(hyoka_indicator_year_count(ind), 0);
    assert_int_equal(hyoka_indicator_year_at(ind, 0), 0);
    assert_int_equal(hyoka_indicator_value(ind, 2007, HYOKA_VALUE_TARGET, &d), 0);

    assert_int_equal(hyoka_project_add_indicator(p, HYOKA_UNSET, &ind), HYOKA_OK);
    assert_int_equal(hyoka_indicator_kind(ind), HYOKA_UNSET);
    assert_int_equal(hyoka_project_indicator_count(p), 2);
    hyoka_project_free(p);
}

static void test_null_handles(void **state)
{
    hyoka_decimal d = dec("1");
    int32_t y = 0;
    (void)state;

    assert_int_equal(hyoka_indicator_kind(NULL), HYOKA_UNSET);
    assert_int_equal(hyoka_indicator_direction(NULL), HYOKA_UNSET);
    assert_int_equal(hyoka_indicator_not_settable(NULL), 0);
    assert_null(hyoka_indicator_text(NULL, HYOKA_INDICATOR_NAME));
    assert_int_equal(hyoka_indicator_year_count(NULL), 0);
    assert_int_equal(hyoka_indicator_year_at(NULL, 0), 0);

    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_set_kind(NULL, HYOKA_KIND_OUTCOME));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_set_text(NULL, HYOKA_INDICATOR_NAME, "x", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_set_direction(NULL, HYOKA_DIRECTION_INCREASE));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_set_not_settable(NULL, 1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_set_long_term(NULL, &d, 2020));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_long_term(NULL, &d, &y));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_add_year(NULL, 2007));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_remove_year(NULL, 2007));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_set_value(NULL, 2007, HYOKA_VALUE_TARGET, &d));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_value(NULL, 2007, HYOKA_VALUE_TARGET, &d));
}

static void test_kind_and_direction(void **state)
{
    hyoka_indicator *ind = NULL;
    hyoka_project *p = new_project(HYOKA_UNSET, &ind);
    (void)state;

    for (int k = HYOKA_KIND_ACTIVITY; k <= HYOKA_KIND_ACTION; k++) {
        assert_int_equal(hyoka_indicator_set_kind(ind, k), HYOKA_OK);
        assert_int_equal(hyoka_indicator_kind(ind), k);
    }
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_set_kind(ind, HYOKA_KIND_ACTION + 1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_set_kind(ind, -2));
    assert_int_equal(hyoka_indicator_kind(ind), HYOKA_KIND_ACTION);
    assert_int_equal(hyoka_indicator_set_kind(ind, HYOKA_UNSET), HYOKA_OK);
    assert_int_equal(hyoka_indicator_kind(ind), HYOKA_UNSET);

    for (int d = HYOKA_DIRECTION_INCREASE; d <= HYOKA_DIRECTION_MAINTAIN; d++) {
        assert_int_equal(hyoka_indicator_set_direction(ind, d), HYOKA_OK);
        assert_int_equal(hyoka_indicator_direction(ind), d);
    }
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_set_direction(ind, HYOKA_DIRECTION_MAINTAIN + 1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_set_direction(ind, -2));
    assert_int_equal(hyoka_indicator_direction(ind), HYOKA_DIRECTION_MAINTAIN);
    assert_int_equal(hyoka_indicator_set_direction(ind, HYOKA_UNSET), HYOKA_OK);
    assert_int_equal(hyoka_indicator_direction(ind), HYOKA_UNSET);

    /* an indicator with a bad kind is not added */
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_add_indicator(p, HYOKA_KIND_ACTION + 1, NULL));
    assert_int_equal(hyoka_project_indicator_count(p), 1);
    hyoka_project_free(p);
}

static void test_texts(void **state)
{
    hyoka_indicator *ind = NULL;
    hyoka_project *p = new_project(HYOKA_KIND_OUTCOME, &ind);
    hyoka_project *snap;
    size_t big_len;
    char *big = over_limit(&big_len);
    static const char *const samples[TEXT_FIELDS] = {
        "情報セキュリティ研修受講率", "%", "受講者数÷職員数×100", "成果を数値化できない", "年60~120人程度",
        "出前授業を活用した法教育の実施", "法教育授業実施状況報告書", "数値化になじまない", "調査研究結果を公表",
        "経済財政運営と改革の基本方針2022", "第2章", "https://www5.cao.go.jp/",
    };
    (void)state;

    for (int f = 0; f < TEXT_FIELDS; f++) {
        assert_int_equal(hyoka_indicator_set_text(ind, f, samples[f], HYOKA_NTS), HYOKA_OK);
        assert_string_equal(hyoka_indicator_text(ind, f), samples[f]);
    }
    /* explicit length: only that many bytes */
    assert_int_equal(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_UNIT, "人件", 3), HYOKA_OK);
    assert_string_equal(hyoka_indicator_text(ind, HYOKA_INDICATOR_UNIT), "人");
    /* empty text is a text, not missing */
    assert_int_equal(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_DEFINITION, "", 0), HYOKA_OK);
    assert_string_equal(hyoka_indicator_text(ind, HYOKA_INDICATOR_DEFINITION), "");
    assert_int_equal(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_DEFINITION, samples[2], HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_UNIT, samples[1], HYOKA_NTS), HYOKA_OK);

    snap = snapshot(p);
    for (int f = 0; f < TEXT_FIELDS; f++) {
        EXPECT_FAIL(HYOKA_EENCODING, hyoka_indicator_set_text(ind, f, "ab\xff", HYOKA_NTS));
        EXPECT_FAIL(HYOKA_EENCODING, hyoka_indicator_set_text(ind, f, "\xe6\x83", 2)); /* truncated */
        EXPECT_FAIL(HYOKA_EENCODING, hyoka_indicator_set_text(ind, f, "a\0b", 3));
        EXPECT_FAIL(HYOKA_ELIMIT, hyoka_indicator_set_text(ind, f, big, big_len));
        assert_string_equal(hyoka_indicator_text(ind, f), samples[f]);
    }
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_set_text(ind, -1, "x", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_set_text(ind, TEXT_FIELDS, "x", HYOKA_NTS));
    assert_null(hyoka_indicator_text(ind, -1));
    assert_null(hyoka_indicator_text(ind, TEXT_FIELDS));
    assert_true(hyoka_project_equal(p, snap));
    hyoka_project_free(snap);

    /* a refused text leaves a missing field missing */
    for (int f = 0; f < TEXT_FIELDS; f++) {
        assert_int_equal(hyoka_indicator_set_text(ind, f, NULL, 0), HYOKA_OK);
        assert_null(hyoka_indicator_text(ind, f));
        EXPECT_FAIL(HYOKA_EENCODING, hyoka_indicator_set_text(ind, f, "\xff", 1));
        assert_null(hyoka_indicator_text(ind, f));
    }
    free(big);
    hyoka_project_free(p);
}

static void test_not_settable(void **state)
{
    hyoka_indicator *ind = NULL;
    hyoka_project *p = new_project(HYOKA_KIND_ACTIVITY, &ind);
    (void)state;

    assert_int_equal(hyoka_indicator_set_not_settable(ind, 1), HYOKA_OK);
    assert_int_equal(hyoka_indicator_not_settable(ind), 1);
    assert_int_equal(hyoka_indicator_set_not_settable(ind, 0), HYOKA_OK);
    assert_int_equal(hyoka_indicator_not_settable(ind), 0);
    assert_int_equal(hyoka_indicator_set_not_settable(ind, 7), HYOKA_OK);
    assert_int_equal(hyoka_indicator_not_settable(ind), 1);
    assert_int_equal(hyoka_indicator_set_not_settable(ind, -1), HYOKA_OK);
    assert_int_equal(hyoka_indicator_not_settable(ind), 1);
    hyoka_project_free(p);
}

static void test_long_term(void **state)
{
    hyoka_indicator *ind = NULL;
    hyoka_project *p = new_project(HYOKA_KIND_OUTCOME, &ind);
    hyoka_decimal d, out;
    int32_t y;
    (void)state;

    d = dec("80");
    assert_int_equal(hyoka_indicator_set_long_term(ind, &d, 0), HYOKA_OK);
    y = -1;
    assert_int_equal(hyoka_indicator_long_term(ind, &out, &y), 1);
    assert_dec(&out, "80");
    assert_int_equal(y, 0);
    assert_int_equal(hyoka_indicator_long_term(ind, NULL, NULL), 1);

    d = dec("80.0");
    assert_int_equal(hyoka_indicator_set_long_term(ind, &d, 2020), HYOKA_OK);
    assert_int_equal(hyoka_indicator_long_term(ind, &out, &y), 1);
    assert_dec(&out, "80.0");
    assert_int_equal(y, 2020);
    assert_int_equal(hyoka_indicator_set_long_term(ind, &d, 1868), HYOKA_OK);
    assert_int_equal(hyoka_indicator_set_long_term(ind, &d, 9999), HYOKA_OK);
    d = dec("0");
    assert_int_equal(hyoka_indicator_set_long_term(ind, &d, 2025), HYOKA_OK);
    assert_int_equal(hyoka_indicator_long_term(ind, &out, &y), 1); /* 0 is a value */
    assert_dec(&out, "0");

    d = dec("100");
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_indicator_set_long_term(ind, &d, 1867));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_indicator_set_long_term(ind, &d, 10000));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_indicator_set_long_term(ind, &d, -1));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_indicator_set_long_term(ind, NULL, 1867));
    assert_int_equal(hyoka_indicator_long_term(ind, &out, &y), 1);
    assert_dec(&out, "0");
    assert_int_equal(y, 2025);

    /* NULL makes the value missing; the year is kept as given */
    assert_int_equal(hyoka_indicator_set_long_term(ind, NULL, 0), HYOKA_OK);
    out = dec("5");
    y = -1;
    assert_int_equal(hyoka_indicator_long_term(ind, &out, &y), 0);
    assert_dec(&out, "5");
    assert_int_equal(y, 0);
    assert_int_equal(hyoka_indicator_set_long_term(ind, NULL, 2030), HYOKA_OK);
    assert_int_equal(hyoka_indicator_long_term(ind, &out, &y), 0);
    assert_int_equal(y, 2030);
    hyoka_project_free(p);
}

static void test_years(void **state)
{
    hyoka_indicator *ind = NULL;
    hyoka_project *p = new_project(HYOKA_KIND_OUTCOME, &ind);
    hyoka_decimal d = dec("60");
    (void)state;

    assert_int_equal(hyoka_indicator_add_year(ind, 2009), HYOKA_OK);
    assert_int_equal(hyoka_indicator_add_year(ind, 2007), HYOKA_OK);
    assert_int_equal(hyoka_indicator_add_year(ind, 2008), HYOKA_OK);
    assert_int_equal(hyoka_indicator_set_value(ind, 2007, HYOKA_VALUE_TARGET, &d), HYOKA_OK);
    assert_int_equal(hyoka_indicator_add_year(ind, 2007), HYOKA_OK); /* no-op */
    assert_int_equal(hyoka_indicator_year_count(ind), 3);
    assert_int_equal(hyoka_indicator_year_at(ind, 0), 2009);
    assert_int_equal(hyoka_indicator_year_at(ind, 1), 2007);
    assert_int_equal(hyoka_indicator_year_at(ind, 2), 2008);
    assert_int_equal(hyoka_indicator_year_at(ind, 3), 0);
    assert_int_equal(hyoka_indicator_year_at(ind, SIZE_MAX), 0);
    assert_int_equal(hyoka_indicator_value(ind, 2007, HYOKA_VALUE_TARGET, NULL), 1); /* kept */
    for (int f = 0; f < VALUE_FIELDS; f++)
        assert_int_equal(hyoka_indicator_value(ind, 2009, f, NULL), 0);

    EXPECT_FAIL(HYOKA_ERANGE, hyoka_indicator_add_year(ind, 1867));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_indicator_add_year(ind, 10000));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_indicator_add_year(ind, 0));
    assert_int_equal(hyoka_indicator_year_count(ind), 3);
    assert_int_equal(hyoka_indicator_add_year(ind, 1868), HYOKA_OK);
    assert_int_equal(hyoka_indicator_add_year(ind, 9999), HYOKA_OK);
    assert_int_equal(hyoka_indicator_year_count(ind), 5);

    assert_int_equal(hyoka_indicator_remove_year(ind, 2007), HYOKA_OK);
    assert_int_equal(hyoka_indicator_year_count(ind), 4);
    assert_int_equal(hyoka_indicator_year_at(ind, 0), 2009);
    assert_int_equal(hyoka_indicator_year_at(ind, 1), 2008);
    assert_int_equal(hyoka_indicator_year_at(ind, 2), 1868);
    assert_int_equal(hyoka_indicator_value(ind, 2007, HYOKA_VALUE_TARGET, NULL), 0);
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_indicator_remove_year(ind, 2007));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_indicator_remove_year(ind, 0));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_indicator_remove_year(ind, 1867));
    assert_int_equal(hyoka_indicator_year_count(ind), 4);

    /* re-adding puts the year at the end */
    assert_int_equal(hyoka_indicator_add_year(ind, 2007), HYOKA_OK);
    assert_int_equal(hyoka_indicator_year_at(ind, 4), 2007);
    assert_int_equal(hyoka_indicator_value(ind, 2007, HYOKA_VALUE_TARGET, NULL), 0);
    while (hyoka_indicator_year_count(ind) > 0)
        assert_int_equal(hyoka_indicator_remove_year(ind, hyoka_indicator_year_at(ind, 0)), HYOKA_OK);
    assert_int_equal(hyoka_indicator_add_year(ind, 2010), HYOKA_OK);
    assert_int_equal(hyoka_indicator_year_at(ind, 0), 2010);
    hyoka_project_free(p);
}

static void test_values(void **state)
{
    hyoka_indicator *ind = NULL;
    hyoka_project *p = new_project(HYOKA_KIND_OUTCOME, &ind);
    hyoka_decimal d, out;
    (void)state;

    /* seed 001: target 60, actual 59, stated achievement 98.3 */
    d = dec("60");
    assert_int_equal(hyoka_indicator_set_value(ind, 2007, HYOKA_VALUE_TARGET, &d), HYOKA_OK);
    assert_int_equal(hyoka_indicator_year_count(ind), 1); /* entry created */
    d = dec("59");
    assert_int_equal(hyoka_indicator_set_value(ind, 2007, HYOKA_VALUE_ACTUAL, &d), HYOKA_OK);
    d = dec("98.30");
    assert_int_equal(hyoka_indicator_set_value(ind, 2007, HYOKA_VALUE_STATED_ACHIEVEMENT, &d), HYOKA_OK);
    assert_int_equal(hyoka_indicator_year_count(ind), 1);

    assert_int_equal(hyoka_indicator_value(ind, 2007, HYOKA_VALUE_TARGET, &out), 1);
    assert_dec(&out, "60");
    assert_int_equal(hyoka_indicator_value(ind, 2007, HYOKA_VALUE_ACTUAL, &out), 1);
    assert_dec(&out, "59");
    assert_int_equal(hyoka_indicator_value(ind, 2007, HYOKA_VALUE_STATED_ACHIEVEMENT, &out), 1);
    assert_dec(&out, "98.30"); /* places kept */
    out = dec("1");
    assert_int_equal(hyoka_indicator_value(ind, 2007, HYOKA_VALUE_FORECAST, &out), 0);
    assert_dec(&out, "1"); /* untouched */
    assert_int_equal(hyoka_indicator_value(ind, 2007, HYOKA_VALUE_TARGET, NULL), 1);
    assert_int_equal(hyoka_indicator_value(ind, 2008, HYOKA_VALUE_TARGET, &out), 0);
    assert_int_equal(hyoka_indicator_value(ind, 0, HYOKA_VALUE_TARGET, &out), 0);

    /* 0 and negatives are values */
    d = dec("0");
    assert_int_equal(hyoka_indicator_set_value(ind, 2008, HYOKA_VALUE_FORECAST, &d), HYOKA_OK);
    assert_int_equal(hyoka_indicator_value(ind, 2008, HYOKA_VALUE_FORECAST, &out), 1);
    assert_dec(&out, "0");
    d = dec("-12.5");
    assert_int_equal(hyoka_indicator_set_value(ind, 2008, HYOKA_VALUE_ACTUAL, &d), HYOKA_OK);
    assert_int_equal(hyoka_indicator_value(ind, 2008, HYOKA_VALUE_ACTUAL, &out), 1);
    assert_dec(&out, "-12.5");
    assert_int_equal(hyoka_indicator_year_at(ind, 1), 2008);

    /* NULL clears the value and keeps the entry */
    assert_int_equal(hyoka_indicator_set_value(ind, 2008, HYOKA_VALUE_FORECAST, NULL), HYOKA_OK);
    assert_int_equal(hyoka_indicator_value(ind, 2008, HYOKA_VALUE_FORECAST, NULL), 0);
    assert_int_equal(hyoka_indicator_set_value(ind, 2008, HYOKA_VALUE_ACTUAL, NULL), HYOKA_OK);
    assert_int_equal(hyoka_indicator_year_count(ind), 2);
    assert_int_equal(hyoka_indicator_year_at(ind, 1), 2008);
    /* ... and on a year without an entry, creates one with nothing set */
    assert_int_equal(hyoka_indicator_set_value(ind, 2009, HYOKA_VALUE_TARGET, NULL), HYOKA_OK);
    assert_int_equal(hyoka_indicator_year_count(ind), 3);
    assert_int_equal(hyoka_indicator_year_at(ind, 2), 2009);
    assert_int_equal(hyoka_indicator_value(ind, 2009, HYOKA_VALUE_TARGET, NULL), 0);

    /* bad arguments */
    d = dec("61");
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_set_value(ind, 2007, -1, &d));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_set_value(ind, 2007, VALUE_FIELDS, &d));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_indicator_set_value(ind, 1867, HYOKA_VALUE_TARGET, &d));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_indicator_set_value(ind, 10000, HYOKA_VALUE_TARGET, &d));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_indicator_set_value(ind, 0, HYOKA_VALUE_TARGET, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_value(ind, 2007, -1, &out));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_value(ind, 2007, VALUE_FIELDS, &out));
    assert_int_equal(hyoka_indicator_year_count(ind), 3);
    assert_int_equal(hyoka_indicator_value(ind, 2007, HYOKA_VALUE_TARGET, &out), 1);
    assert_dec(&out, "60");
    hyoka_project_free(p);
}

static void test_failed_setters_leave_indicator_unchanged(void **state)
{
    hyoka_indicator *ind = NULL;
    hyoka_project *p = new_project(HYOKA_KIND_OUTCOME, &ind);
    hyoka_project *snap;
    hyoka_decimal d = dec("60");
    (void)state;

    assert_int_equal(hyoka_indicator_set_direction(ind, HYOKA_DIRECTION_INCREASE), HYOKA_OK);
    assert_int_equal(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NAME, "受講率", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_indicator_set_long_term(ind, &d, 2010), HYOKA_OK);
    assert_int_equal(hyoka_indicator_set_value(ind, 2007, HYOKA_VALUE_TARGET, &d), HYOKA_OK);
    snap = snapshot(p);

    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_set_kind(ind, 9));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_set_direction(ind, 3));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NAME, "\xff", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_indicator_set_long_term(ind, NULL, 10000));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_indicator_add_year(ind, 1867));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_indicator_remove_year(ind, 2008));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_indicator_set_value(ind, 10000, HYOKA_VALUE_ACTUAL, &d));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_set_value(ind, 2008, 4, &d));
    assert_int_equal(hyoka_indicator_year_count(ind), 1); /* no entry for 2008 */

    assert_true(hyoka_project_equal(p, snap));
    hyoka_project_free(snap);
    hyoka_project_free(p);
}

/* ------------------------------------------------------------------------ */
/* Copy and equality                                                          */

static void populate(hyoka_indicator *ind)
{
    hyoka_decimal d;

    assert_int_equal(hyoka_indicator_set_direction(ind, HYOKA_DIRECTION_INCREASE), HYOKA_OK);
    assert_int_equal(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NAME, "情報セキュリティ研修受講率", HYOKA_NTS),
                     HYOKA_OK);
    assert_int_equal(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_UNIT, "%", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_LONG_TERM_NOTE, "未定", HYOKA_NTS), HYOKA_OK);
    d = dec("80");
    assert_int_equal(hyoka_indicator_set_long_term(ind, &d, 2012), HYOKA_OK);
    d = dec("60");
    assert_int_equal(hyoka_indicator_set_value(ind, 2007, HYOKA_VALUE_TARGET, &d), HYOKA_OK);
    d = dec("59");
    assert_int_equal(hyoka_indicator_set_value(ind, 2007, HYOKA_VALUE_ACTUAL, &d), HYOKA_OK);
    d = dec("98.3");
    assert_int_equal(hyoka_indicator_set_value(ind, 2007, HYOKA_VALUE_STATED_ACHIEVEMENT, &d), HYOKA_OK);
    d = dec("1.50");
    assert_int_equal(hyoka_indicator_set_value(ind, 2008, HYOKA_VALUE_FORECAST, &d), HYOKA_OK);
    assert_int_equal(hyoka_indicator_add_year(ind, 2009), HYOKA_OK);
}

enum { MUT_COUNT = 20 };

static void mutate(hyoka_indicator *ind, int m)
{
    hyoka_decimal d;

    switch (m) {
    case 0: assert_int_equal(hyoka_indicator_set_kind(ind, HYOKA_KIND_ACTIVITY), HYOKA_OK); break;
    case 1: assert_int_equal(hyoka_indicator_set_kind(ind, HYOKA_UNSET), HYOKA_OK); break;
    case 2: assert_int_equal(hyoka_indicator_set_direction(ind, HYOKA_DIRECTION_MAINTAIN), HYOKA_OK); break;
    case 3: assert_int_equal(hyoka_indicator_set_not_settable(ind, 1), HYOKA_OK); break;
    case 4: assert_int_equal(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NAME, "受講率", HYOKA_NTS), HYOKA_OK); break;
    case 5: assert_int_equal(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_UNIT, NULL, 0), HYOKA_OK); break;
    case 6: assert_int_equal(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_DEFINITION, "", 0), HYOKA_OK); break;
    case 7:
        assert_int_equal(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NOT_SETTABLE_REASON, "x", HYOKA_NTS),
                         HYOKA_OK);
        break;
    case 8: assert_int_equal(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_LONG_TERM_NOTE, "未定 ", HYOKA_NTS), HYOKA_OK); break;
    case 9:
        d = dec("80.0"); /* "80" vs "80.0" */
        assert_int_equal(hyoka_indicator_set_long_term(ind, &d, 2012), HYOKA_OK);
        break;
    case 10:
        d = dec("80");
        assert_int_equal(hyoka_indicator_set_long_term(ind, &d, 0), HYOKA_OK);
        break;
    case 11: assert_int_equal(hyoka_indicator_set_long_term(ind, NULL, 2012), HYOKA_OK); break;
    case 12:
        d = dec("1.5"); /* "1.50" vs "1.5" */
        assert_int_equal(hyoka_indicator_set_value(ind, 2008, HYOKA_VALUE_FORECAST, &d), HYOKA_OK);
        break;
    case 13: assert_int_equal(hyoka_indicator_set_value(ind, 2007, HYOKA_VALUE_ACTUAL, NULL), HYOKA_OK); break;
    case 14:
        d = dec("0");
        assert_int_equal(hyoka_indicator_set_value(ind, 2009, HYOKA_VALUE_TARGET, &d), HYOKA_OK);
        break;
    case 15: assert_int_equal(hyoka_indicator_add_year(ind, 2010), HYOKA_OK); break;
    case 16: assert_int_equal(hyoka_indicator_remove_year(ind, 2009), HYOKA_OK); break;
    case 17: {
        /* same entries, another order */
        hyoka_decimal t, a, s;
        assert_int_equal(hyoka_indicator_value(ind, 2007, HYOKA_VALUE_TARGET, &t), 1);
        assert_int_equal(hyoka_indicator_value(ind, 2007, HYOKA_VALUE_ACTUAL, &a), 1);
        assert_int_equal(hyoka_indicator_value(ind, 2007, HYOKA_VALUE_STATED_ACHIEVEMENT, &s), 1);
        assert_int_equal(hyoka_indicator_remove_year(ind, 2007), HYOKA_OK);
        assert_int_equal(hyoka_indicator_set_value(ind, 2007, HYOKA_VALUE_TARGET, &t), HYOKA_OK);
        assert_int_equal(hyoka_indicator_set_value(ind, 2007, HYOKA_VALUE_ACTUAL, &a), HYOKA_OK);
        assert_int_equal(hyoka_indicator_set_value(ind, 2007, HYOKA_VALUE_STATED_ACHIEVEMENT, &s), HYOKA_OK);
        assert_int_equal(hyoka_indicator_year_at(ind, 2), 2007);
        break;
    }
    case 18:
        d = dec("60.0");
        assert_int_equal(hyoka_indicator_set_value(ind, 2007, HYOKA_VALUE_TARGET, &d), HYOKA_OK);
        break;
    case 19:
        d = dec("-60");
        assert_int_equal(hyoka_indicator_set_value(ind, 2007, HYOKA_VALUE_TARGET, &d), HYOKA_OK);
        break;
    default: fail();
    }
}

static void test_copy_equal(void **state)
{
    hyoka_indicator *ind = NULL, *qi;
    hyoka_project *p = new_project(HYOKA_KIND_OUTCOME, &ind);
    hyoka_project *q;
    hyoka_decimal out;
    int32_t y;
    (void)state;

    populate(ind);
    q = snapshot(p);
    qi = hyoka_project_indicator_at(q, 0);
    assert_non_null(qi);
    assert_ptr_not_equal(qi, ind);
    assert_int_equal(hyoka_indicator_kind(qi), HYOKA_KIND_OUTCOME);
    assert_int_equal(hyoka_indicator_direction(qi), HYOKA_DIRECTION_INCREASE);
    assert_string_equal(hyoka_indicator_text(qi, HYOKA_INDICATOR_NAME), "情報セキュリティ研修受講率");
    assert_ptr_not_equal(hyoka_indicator_text(qi, HYOKA_INDICATOR_NAME), hyoka_indicator_text(ind, HYOKA_INDICATOR_NAME));
    assert_null(hyoka_indicator_text(qi, HYOKA_INDICATOR_DEFINITION));
    assert_int_equal(hyoka_indicator_long_term(qi, &out, &y), 1);
    assert_dec(&out, "80");
    assert_int_equal(y, 2012);
    assert_int_equal(hyoka_indicator_year_count(qi), 3);
    assert_int_equal(hyoka_indicator_year_at(qi, 0), 2007);
    assert_int_equal(hyoka_indicator_year_at(qi, 2), 2009);
    assert_int_equal(hyoka_indicator_value(qi, 2008, HYOKA_VALUE_FORECAST, &out), 1);
    assert_dec(&out, "1.50");

    /* independent */
    assert_int_equal(hyoka_indicator_set_text(qi, HYOKA_INDICATOR_NAME, "別", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_indicator_remove_year(qi, 2008), HYOKA_OK);
    assert_string_equal(hyoka_indicator_text(ind, HYOKA_INDICATOR_NAME), "情報セキュリティ研修受講率");
    assert_int_equal(hyoka_indicator_year_count(ind), 3);
    hyoka_project_free(q);

    for (int m = 0; m < MUT_COUNT; m++) {
        q = snapshot(p);
        mutate(hyoka_project_indicator_at(q, 0), m);
        if (hyoka_project_equal(p, q) || hyoka_project_equal(q, p))
            fail_msg("mutation %d left the projects equal", m);
        hyoka_project_free(q);
    }

    /* values set then cleared compare equal to never set */
    q = snapshot(p);
    qi = hyoka_project_indicator_at(q, 0);
    out = dec("7.25");
    assert_int_equal(hyoka_indicator_set_value(qi, 2009, HYOKA_VALUE_ACTUAL, &out), HYOKA_OK);
    assert_int_equal(hyoka_indicator_set_value(qi, 2009, HYOKA_VALUE_ACTUAL, NULL), HYOKA_OK);
    assert_int_equal(hyoka_indicator_set_not_settable(qi, 3), HYOKA_OK);
    assert_int_equal(hyoka_indicator_set_not_settable(qi, 0), HYOKA_OK);
    assert_true(hyoka_project_equal(p, q));
    hyoka_project_free(q);
    hyoka_project_free(p);
}

/* ------------------------------------------------------------------------ */
/* Allocation failures                                                        */

/* A project with one indicator holding @p years year entries. */
static int build(hyoka_project **pp, hyoka_indicator **ii, int years)
{
    hyoka_project *p = NULL;
    hyoka_indicator *ind = NULL;
    int rc = hyoka_project_new(&p);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &ind);
    if (rc == HYOKA_OK)
        rc = hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NAME, "受講率", HYOKA_NTS);
    for (int i = 0; i < years && rc == HYOKA_OK; i++) {
        hyoka_decimal d = hyoka_decimal_from_int(60 + i);
        rc = hyoka_indicator_set_value(ind, 2000 + i, HYOKA_VALUE_TARGET, &d);
    }
    if (rc != HYOKA_OK) {
        hyoka_project_free(p);
        return rc;
    }
    *pp = p;
    *ii = ind;
    return HYOKA_OK;
}

struct sweep_ctx {
    int years; /* entries before the operation */
    int op;    /* which operation */
    int field; /* text field, for text ops */
};

static int body_op(void *vctx)
{
    const struct sweep_ctx *ctx = vctx;
    hyoka_project *p = NULL, *snap = NULL;
    hyoka_indicator *ind = NULL;
    hyoka_decimal d = dec("12.50"), out;
    size_t n;
    int rc = build(&p, &ind, ctx->years);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka_project_copy(p, &snap);
    if (rc != HYOKA_OK) {
        hyoka_project_free(p);
        return rc;
    }
    n = hyoka_indicator_year_count(ind);
    switch (ctx->op) {
    case 0: /* add_year, new */
        rc = hyoka_indicator_add_year(ind, 2100);
        if (rc == HYOKA_OK) {
            assert_int_equal(hyoka_indicator_year_count(ind), n + 1);
            assert_int_equal(hyoka_indicator_year_at(ind, n), 2100);
        }
        break;
    case 1: /* add_year, existing */
        rc = hyoka_indicator_add_year(ind, 2000);
        assert_int_equal(rc, HYOKA_OK);
        assert_int_equal(hyoka_indicator_year_count(ind), n);
        break;
    case 2: /* set_value, new entry */
        rc = hyoka_indicator_set_value(ind, 2100, HYOKA_VALUE_ACTUAL, &d);
        if (rc == HYOKA_OK) {
            assert_int_equal(hyoka_indicator_year_count(ind), n + 1);
            assert_int_equal(hyoka_indicator_value(ind, 2100, HYOKA_VALUE_ACTUAL, &out), 1);
            assert_dec(&out, "12.50");
        } else {
            assert_int_equal(hyoka_indicator_value(ind, 2100, HYOKA_VALUE_ACTUAL, NULL), 0);
        }
        break;
    case 3: /* set_value, existing entry */
        rc = hyoka_indicator_set_value(ind, 2000, HYOKA_VALUE_ACTUAL, &d);
        assert_int_equal(rc, HYOKA_OK);
        assert_int_equal(hyoka_indicator_value(ind, 2000, HYOKA_VALUE_ACTUAL, &out), 1);
        assert_int_equal(hyoka_indicator_year_count(ind), n);
        break;
    case 4: /* set_text, new */
        rc = hyoka_indicator_set_text(ind, ctx->field, "年60~120人程度", HYOKA_NTS);
        if (rc == HYOKA_OK)
            assert_string_equal(hyoka_indicator_text(ind, ctx->field), "年60~120人程度");
        break;
    case 5: /* set_text, to missing */
        rc = hyoka_indicator_set_text(ind, ctx->field, NULL, 0);
        assert_int_equal(rc, HYOKA_OK);
        assert_null(hyoka_indicator_text(ind, ctx->field));
        break;
    case 6: /* set_text, same field twice */
        rc = hyoka_indicator_set_text(ind, ctx->field, "a", HYOKA_NTS);
        if (rc == HYOKA_OK) {
            hyoka_project_free(snap);
            snap = NULL;
            rc = hyoka_project_copy(p, &snap);
            if (rc == HYOKA_OK) {
                rc = hyoka_indicator_set_text(ind, ctx->field, "bb", 2);
                if (rc == HYOKA_OK)
                    assert_string_equal(hyoka_indicator_text(ind, ctx->field), "bb");
                else
                    assert_string_equal(hyoka_indicator_text(ind, ctx->field), "a");
            }
        }
        break;
    case 7: /* add_indicator on the project */
        rc = hyoka_project_add_indicator(p, HYOKA_KIND_ACTIVITY, NULL);
        if (rc == HYOKA_OK)
            assert_int_equal(hyoka_project_indicator_count(p), 2);
        else
            assert_int_equal(hyoka_project_indicator_count(p), 1);
        break;
    default: fail();
    }
    if (rc != HYOKA_OK && snap)
        assert_true(hyoka_project_equal(p, snap));
    hyoka_project_free(snap);
    hyoka_project_free(p);
    return rc;
}

static void test_alloc_add_year(void **state)
{
    struct sweep_ctx ctx = {0, 0, 0};
    (void)state;
    for (ctx.years = 0; ctx.years <= 8; ctx.years++) {
        ctx.op = 0;
        assert_true(failalloc_sweep(body_op, &ctx) > 0);
        ctx.op = 1;
        if (ctx.years > 0)
            assert_true(failalloc_sweep(body_op, &ctx) > 0);
    }
}

static void test_alloc_set_value(void **state)
{
    struct sweep_ctx ctx = {0, 2, 0};
    (void)state;
    for (ctx.years = 0; ctx.years <= 8; ctx.years++) {
        ctx.op = 2;
        assert_true(failalloc_sweep(body_op, &ctx) > 0);
        ctx.op = 3;
        if (ctx.years > 0)
            assert_true(failalloc_sweep(body_op, &ctx) > 0);
    }
}

static void test_alloc_set_text(void **state)
{
    struct sweep_ctx ctx = {1, 4, 0};
    (void)state;
    for (ctx.field = 0; ctx.field < TEXT_FIELDS; ctx.field++)
        for (ctx.op = 4; ctx.op <= 6; ctx.op++)
            assert_true(failalloc_sweep(body_op, &ctx) > 0);
}

static void test_alloc_add_indicator(void **state)
{
    struct sweep_ctx ctx = {2, 7, 0};
    (void)state;
    assert_true(failalloc_sweep(body_op, &ctx) > 0);
}

static int body_copy(void *ctx)
{
    hyoka_project *p = NULL, *q = NULL;
    hyoka_indicator *ind = NULL;
    int rc = build(&p, &ind, 5);
    (void)ctx;
    if (rc != HYOKA_OK)
        return rc;
    for (int f = 0; f < TEXT_FIELDS && rc == HYOKA_OK; f++)
        rc = hyoka_indicator_set_text(ind, f, "指標", HYOKA_NTS);
    if (rc == HYOKA_OK) {
        hyoka_decimal d = dec("80.0");
        assert_int_equal(hyoka_indicator_set_long_term(ind, &d, 2012), HYOKA_OK);
        rc = hyoka_project_add_indicator(p, HYOKA_KIND_ACTIVITY, &ind);
    }
    if (rc == HYOKA_OK)
        rc = hyoka_indicator_add_year(ind, 2007);
    if (rc != HYOKA_OK) {
        hyoka_project_free(p);
        return rc;
    }
    rc = hyoka_project_copy(p, &q);
    if (rc == HYOKA_OK) {
        assert_true(hyoka_project_equal(p, q));
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
        cmocka_unit_test(test_new_indicator),
        cmocka_unit_test(test_null_handles),
        cmocka_unit_test(test_kind_and_direction),
        cmocka_unit_test(test_texts),
        cmocka_unit_test(test_not_settable),
        cmocka_unit_test(test_long_term),
        cmocka_unit_test(test_years),
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_failed_setters_leave_indicator_unchanged),
        cmocka_unit_test(test_copy_equal),
        cmocka_unit_test(test_alloc_add_year),
        cmocka_unit_test(test_alloc_set_value),
        cmocka_unit_test(test_alloc_set_text),
        cmocka_unit_test(test_alloc_add_indicator),
        cmocka_unit_test(test_alloc_copy),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
