/* Tests of portfolio.h: municipality and its code, denominators, document
 * settings, schemes, projects, ownership, copy and equality, allocation
 * failures. Public API only. */
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

#define FIGURE_COUNT (HYOKA_FIG_NONCOMPETITIVE_SHARE + 1)

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

#define EXPECT_FAIL(code, call)                            \
    do {                                                   \
        hyoka_error_clear();                               \
        assert_int_equal((call), (code));                  \
        assert_int_equal(hyoka_error_last_code(), (code)); \
        assert_true(strlen(hyoka_error_last()) > 0);       \
    } while (0)

/* A failing call on @p pf must leave it equal to the snapshot taken before. */
#define EXPECT_FAIL_UNCHANGED(pf, code, call)                \
    do {                                                     \
        hyoka_portfolio *snap_ = copy_of(pf);                \
        EXPECT_FAIL(code, call);                             \
        assert_true(hyoka_portfolio_equal((pf), snap_));     \
        hyoka_portfolio_free(snap_);                         \
    } while (0)

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

static hyoka_portfolio *new_portfolio(void)
{
    hyoka_portfolio *pf = NULL;
    assert_int_equal(hyoka_portfolio_new(&pf), HYOKA_OK);
    assert_non_null(pf);
    return pf;
}

static hyoka_portfolio *copy_of(const hyoka_portfolio *pf)
{
    hyoka_portfolio *c = NULL;
    assert_int_equal(hyoka_portfolio_copy(pf, &c), HYOKA_OK);
    assert_non_null(c);
    return c;
}

static hyoka_project *new_project(const char *code)
{
    hyoka_project *p = NULL;
    assert_int_equal(hyoka_project_new(&p), HYOKA_OK);
    if (code)
        assert_int_equal(hyoka_project_set_code(p, code, HYOKA_NTS), HYOKA_OK);
    return p;
}

static hyoka_scheme *new_scheme(const char *id)
{
    hyoka_scheme *s = NULL;
    assert_int_equal(hyoka_scheme_new(&s, id, HYOKA_NTS), HYOKA_OK);
    assert_non_null(s);
    return s;
}

/* A portfolio with something in every kind of field (seed 001, 所沢市). */
static hyoka_portfolio *populated(void)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_scheme *s = new_scheme("city-3point");
    hyoka_project *p = new_project("010802"), *child = new_project("010802-1");
    hyoka_costs *c = NULL;

    assert_int_equal(hyoka_portfolio_set_municipality(pf, "所沢市", HYOKA_NTS, "112089", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_set_denominator(pf, 2007, HYOKA_COST_POPULATION, 339300), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_set_denominator(pf, 2007, HYOKA_COST_HOUSEHOLDS, 145000), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_set_denominator(pf, 2008, HYOKA_COST_POPULATION, 340000), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_THOUSAND_YEN), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_PER_CAPITA, 2, HYOKA_ROUND_DOWN,
                                                  HYOKA_UNIT_THOUSAND_YEN), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_ACHIEVEMENT, 1, HYOKA_ROUND_HALF_EVEN,
                                                  HYOKA_UNIT_YEN), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_set_stated_tolerance(pf, 1), HYOKA_OK);

    assert_int_equal(hyoka_scheme_set_name(s, "3段階評点", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_scheme_add_verdict(s, "maintain", HYOKA_NTS, "現状継続", HYOKA_NTS, HYOKA_VERDICT_CONTINUE),
                     HYOKA_OK);
    assert_int_equal(hyoka_portfolio_add_scheme(pf, s), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_add_scheme(pf, new_scheme("other")), HYOKA_OK);

    assert_int_equal(hyoka_project_set_name(p, "情報セキュリティ対策推進事業", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_project_add_year(p, 2007, &c), HYOKA_OK);
    assert_int_equal(hyoka_costs_set(c, HYOKA_COST_USAGE, 1054), HYOKA_OK);
    assert_int_equal(hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, NULL), HYOKA_OK);
    assert_int_equal(hyoka_project_add_evaluation(p, HYOKA_STAGE_PRIMARY, NULL), HYOKA_OK);
    assert_int_equal(hyoka_project_set_extension(p, "k", HYOKA_NTS, "v", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_project_add_child(p, child), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_add_project(pf, p), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_add_project(pf, new_project("020101")), HYOKA_OK);
    return pf;
}

/* ------------------------------------------------------------------------ */
/* Creation and defaults                                                     */

static void test_new_defaults(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    int places = -9, mode = -9, unit = -9;
    int64_t v = 42;
    (void)state;
    assert_null(hyoka_portfolio_municipality_name(pf));
    assert_null(hyoka_portfolio_municipality_code(pf));
    assert_int_equal(hyoka_portfolio_denominator_count(pf), 0);
    assert_int_equal(hyoka_portfolio_denominator(pf, 2007, HYOKA_COST_POPULATION, &v), 0);
    assert_int_equal(v, 42);
    assert_int_equal(hyoka_portfolio_amount_unit(pf), HYOKA_UNIT_YEN);
    assert_int_equal(hyoka_portfolio_stated_tolerance(pf), 0);
    assert_int_equal(hyoka_portfolio_scheme_count(pf), 0);
    assert_int_equal(hyoka_portfolio_project_count(pf), 0);
    for (int f = 0; f < FIGURE_COUNT; f++) {
        assert_int_equal(hyoka_portfolio_rounding(pf, f, &places, &mode, &unit), 0);
        assert_int_equal(places, f <= HYOKA_FIG_SPECIFIC_REVENUE || f == HYOKA_FIG_UNSPENT ? 0
                                 : f == HYOKA_FIG_APPROPRIATION_RATE                   ? 5
                                                                                       : 1);
        assert_int_equal(mode, HYOKA_ROUND_HALF_UP);
        assert_int_equal(unit, HYOKA_UNIT_YEN);
    }
    assert_int_equal(hyoka_portfolio_rounding(pf, HYOKA_FIG_PER_CAPITA, NULL, NULL, NULL), 0);
    hyoka_portfolio_free(pf);
    hyoka_portfolio_free(NULL);
}

static void test_null_handles(void **state)
{
    int64_t v = 7;
    int places = 5;
    (void)state;
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_portfolio_new(NULL));
    assert_null(hyoka_portfolio_municipality_name(NULL));
    assert_null(hyoka_portfolio_municipality_code(NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_portfolio_set_municipality(NULL, "x", 1, NULL, 0));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_portfolio_set_denominator(NULL, 2007, HYOKA_COST_POPULATION, 1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_portfolio_denominator(NULL, 2007, HYOKA_COST_POPULATION, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_portfolio_clear_denominator(NULL, 2007, HYOKA_COST_POPULATION));
    assert_int_equal(v, 7);
    assert_int_equal(hyoka_portfolio_denominator_count(NULL), 0);
    assert_int_equal(hyoka_portfolio_denominator_year_at(NULL, 0), 0);
    assert_int_equal(hyoka_portfolio_amount_unit(NULL), HYOKA_UNSET);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_portfolio_set_amount_unit(NULL, HYOKA_UNIT_YEN));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_portfolio_set_rounding(NULL, HYOKA_FIG_PER_CAPITA, 1, 0, 0));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_portfolio_rounding(NULL, HYOKA_FIG_PER_CAPITA, &places, NULL, NULL));
    assert_int_equal(places, 5);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_portfolio_clear_rounding(NULL, HYOKA_FIG_PER_CAPITA));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_portfolio_set_stated_tolerance(NULL, 1));
    assert_int_equal(hyoka_portfolio_stated_tolerance(NULL), 0);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_portfolio_add_scheme(NULL, NULL));
    assert_int_equal(hyoka_portfolio_scheme_count(NULL), 0);
    assert_null(hyoka_portfolio_scheme_at(NULL, 0));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_portfolio_remove_scheme(NULL, 0));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_portfolio_add_project(NULL, NULL));
    assert_int_equal(hyoka_portfolio_project_count(NULL), 0);
    assert_null(hyoka_portfolio_project_at(NULL, 0));
    assert_null(hyoka_portfolio_find_project(NULL, "x", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_portfolio_remove_project(NULL, 0));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_portfolio_copy(NULL, SENTINEL(hyoka_portfolio *)));
    assert_true(hyoka_portfolio_equal(NULL, NULL));
}

/* ------------------------------------------------------------------------ */
/* Municipality                                                              */

static void test_code_check(void **state)
{
    (void)state;
    assert_int_equal(hyoka_municipality_code_check("112089", HYOKA_NTS), HYOKA_OK); /* 所沢市 */
    assert_int_equal(hyoka_municipality_code_check("131016", HYOKA_NTS), HYOKA_OK); /* 千代田区 */
    assert_int_equal(hyoka_municipality_code_check("011002", HYOKA_NTS), HYOKA_OK); /* 札幌市 */
    assert_int_equal(hyoka_municipality_code_check("271004", HYOKA_NTS), HYOKA_OK); /* 大阪市 */
    assert_int_equal(hyoka_municipality_code_check("112089xyz", 6), HYOKA_OK);
    /* Sum ≡ 0 (mod 11) gives 1; sum ≡ 1 gives (11 - 1) mod 10 = 0. */
    assert_int_equal(hyoka_municipality_code_check("000001", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_municipality_code_check("200000", HYOKA_NTS), HYOKA_OK);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_municipality_code_check("000000", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_municipality_code_check("200001", HYOKA_NTS));

    EXPECT_FAIL(HYOKA_EINVAL, hyoka_municipality_code_check("112088", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_municipality_code_check("131017", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_municipality_code_check(NULL, 6));
    EXPECT_FAIL(HYOKA_ESYNTAX, hyoka_municipality_code_check("11208", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_ESYNTAX, hyoka_municipality_code_check("1120890", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_ESYNTAX, hyoka_municipality_code_check("", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_ESYNTAX, hyoka_municipality_code_check("11208a", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_ESYNTAX, hyoka_municipality_code_check(" 11208", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_ESYNTAX, hyoka_municipality_code_check("-11208", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_ESYNTAX, hyoka_municipality_code_check("11208\0" "9", 6));
    EXPECT_FAIL(HYOKA_ESYNTAX, hyoka_municipality_code_check("１１２０８９", HYOKA_NTS)); /* full-width */
    EXPECT_FAIL(HYOKA_ESYNTAX, hyoka_municipality_code_check("\xff\xff\xff\xff\xff\xff", 6));
}

static void test_municipality(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    (void)state;
    assert_int_equal(hyoka_portfolio_set_municipality(pf, "所沢市", HYOKA_NTS, "112089", HYOKA_NTS), HYOKA_OK);
    assert_text(hyoka_portfolio_municipality_name(pf), "所沢市");
    assert_text(hyoka_portfolio_municipality_code(pf), "112089");

    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EINVAL, hyoka_portfolio_set_municipality(pf, "所沢市", HYOKA_NTS, "112088", 6));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_ESYNTAX, hyoka_portfolio_set_municipality(pf, "x", 1, "11208", HYOKA_NTS));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_ESYNTAX, hyoka_portfolio_set_municipality(pf, "x", 1, "abcdef", 6));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EENCODING,
                          hyoka_portfolio_set_municipality(pf, "\xff", HYOKA_NTS, "131016", HYOKA_NTS));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EENCODING, hyoka_portfolio_set_municipality(pf, "a\0b", 3, "131016", 6));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_ELIMIT, hyoka_portfolio_set_municipality(pf, big_text, big_len, NULL, 0));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_ELIMIT, hyoka_portfolio_set_municipality(pf, big_text, HYOKA_NTS, "131016", 6));
    assert_text(hyoka_portfolio_municipality_name(pf), "所沢市");
    assert_text(hyoka_portfolio_municipality_code(pf), "112089");

    /* Both parts are replaced together; NULL makes a part missing. */
    assert_int_equal(hyoka_portfolio_set_municipality(pf, "千代田区xx", strlen("千代田区"), "131016xx", 6), HYOKA_OK);
    assert_text(hyoka_portfolio_municipality_name(pf), "千代田区");
    assert_text(hyoka_portfolio_municipality_code(pf), "131016");
    assert_int_equal(hyoka_portfolio_set_municipality(pf, "札幌市", HYOKA_NTS, NULL, 0), HYOKA_OK);
    assert_text(hyoka_portfolio_municipality_name(pf), "札幌市");
    assert_null(hyoka_portfolio_municipality_code(pf));
    assert_int_equal(hyoka_portfolio_set_municipality(pf, NULL, 0, "011002", HYOKA_NTS), HYOKA_OK);
    assert_null(hyoka_portfolio_municipality_name(pf));
    assert_text(hyoka_portfolio_municipality_code(pf), "011002");
    assert_int_equal(hyoka_portfolio_set_municipality(pf, NULL, 0, NULL, 0), HYOKA_OK);
    assert_null(hyoka_portfolio_municipality_name(pf));
    assert_null(hyoka_portfolio_municipality_code(pf));
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Denominators                                                              */

static void test_denominators(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    int64_t v = -1;
    (void)state;
    assert_int_equal(hyoka_portfolio_set_denominator(pf, 2008, HYOKA_COST_POPULATION, 340000), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_set_denominator(pf, 2007, HYOKA_COST_HOUSEHOLDS, 145000), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_set_denominator(pf, 2007, HYOKA_COST_POPULATION, 339300), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_set_denominator(pf, 2009, HYOKA_COST_POPULATION, 0), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_set_denominator(pf, 1868, HYOKA_COST_POPULATION, INT64_MAX), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_set_denominator(pf, 9999, HYOKA_COST_HOUSEHOLDS, 1), HYOKA_OK);
    for (int y = 2010; y < 2020; y++) /* growth */
        assert_int_equal(hyoka_portfolio_set_denominator(pf, y, HYOKA_COST_POPULATION, y), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_denominator_count(pf), 15);
    /* In order of first setting. */
    assert_int_equal(hyoka_portfolio_denominator_year_at(pf, 0), 2008);
    assert_int_equal(hyoka_portfolio_denominator_year_at(pf, 1), 2007);
    assert_int_equal(hyoka_portfolio_denominator_year_at(pf, 2), 2009);
    assert_int_equal(hyoka_portfolio_denominator_year_at(pf, 14), 2019);
    assert_int_equal(hyoka_portfolio_denominator_year_at(pf, 15), 0);

    assert_int_equal(hyoka_portfolio_denominator(pf, 2007, HYOKA_COST_POPULATION, &v), 1);
    assert_int_equal(v, 339300);
    assert_int_equal(hyoka_portfolio_denominator(pf, 2007, HYOKA_COST_HOUSEHOLDS, &v), 1);
    assert_int_equal(v, 145000);
    assert_int_equal(hyoka_portfolio_denominator(pf, 2009, HYOKA_COST_POPULATION, &v), 1);
    assert_int_equal(v, 0);
    assert_int_equal(hyoka_portfolio_denominator(pf, 1868, HYOKA_COST_POPULATION, NULL), 1);
    v = -1;
    assert_int_equal(hyoka_portfolio_denominator(pf, 2008, HYOKA_COST_HOUSEHOLDS, &v), 0);
    assert_int_equal(hyoka_portfolio_denominator(pf, 2006, HYOKA_COST_POPULATION, &v), 0);
    assert_int_equal(v, -1);
    /* Replacing a value keeps the entry's place. */
    assert_int_equal(hyoka_portfolio_set_denominator(pf, 2007, HYOKA_COST_POPULATION, 339301), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_denominator(pf, 2007, HYOKA_COST_POPULATION, &v), 1);
    assert_int_equal(v, 339301);
    assert_int_equal(hyoka_portfolio_denominator_year_at(pf, 1), 2007);

    /* Bad input changes nothing. */
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EINVAL, hyoka_portfolio_set_denominator(pf, 2007, HYOKA_COST_USAGE, 1));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EINVAL, hyoka_portfolio_set_denominator(pf, 2007, -1, 1));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EINVAL, hyoka_portfolio_set_denominator(pf, 2007, 15, 1));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EINVAL, hyoka_portfolio_set_denominator(pf, 2007, HYOKA_COST_POPULATION, -1));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EINVAL,
                          hyoka_portfolio_set_denominator(pf, 2030, HYOKA_COST_HOUSEHOLDS, INT64_MIN));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_ERANGE, hyoka_portfolio_set_denominator(pf, 1867, HYOKA_COST_POPULATION, 1));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_ERANGE, hyoka_portfolio_set_denominator(pf, 10000, HYOKA_COST_POPULATION, 1));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_ERANGE, hyoka_portfolio_set_denominator(pf, -2007, HYOKA_COST_POPULATION, 1));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_ERANGE, hyoka_portfolio_set_denominator(pf, 0, HYOKA_COST_POPULATION, 1));
    assert_int_equal(hyoka_portfolio_denominator_count(pf), 15);
    assert_int_equal(hyoka_portfolio_denominator(pf, 2007, HYOKA_COST_POPULATION, &v), 1);
    assert_int_equal(v, 339301);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_portfolio_denominator(pf, 2007, HYOKA_COST_SETTLEMENT, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_portfolio_clear_denominator(pf, 2007, HYOKA_COST_BENEFICIARIES));

    /* Clearing makes it missing; the entry stays. */
    assert_int_equal(hyoka_portfolio_clear_denominator(pf, 2007, HYOKA_COST_POPULATION), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_denominator(pf, 2007, HYOKA_COST_POPULATION, &v), 0);
    assert_int_equal(hyoka_portfolio_denominator(pf, 2007, HYOKA_COST_HOUSEHOLDS, &v), 1);
    assert_int_equal(hyoka_portfolio_clear_denominator(pf, 2007, HYOKA_COST_HOUSEHOLDS), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_denominator(pf, 2007, HYOKA_COST_HOUSEHOLDS, &v), 0);
    assert_int_equal(hyoka_portfolio_denominator_count(pf), 15);
    assert_int_equal(hyoka_portfolio_denominator_year_at(pf, 1), 2007);
    assert_int_equal(hyoka_portfolio_clear_denominator(pf, 2050, HYOKA_COST_HOUSEHOLDS), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_denominator_count(pf), 15);
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Settings                                                                  */

static void test_amount_unit_tolerance(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    (void)state;
    assert_int_equal(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_THOUSAND_YEN), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_amount_unit(pf), HYOKA_UNIT_THOUSAND_YEN);
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EINVAL, hyoka_portfolio_set_amount_unit(pf, 2));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EINVAL, hyoka_portfolio_set_amount_unit(pf, HYOKA_UNSET));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EINVAL, hyoka_portfolio_set_amount_unit(pf, -5));
    assert_int_equal(hyoka_portfolio_amount_unit(pf), HYOKA_UNIT_THOUSAND_YEN);
    assert_int_equal(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_YEN), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_amount_unit(pf), HYOKA_UNIT_YEN);

    assert_int_equal(hyoka_portfolio_set_stated_tolerance(pf, 3), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_stated_tolerance(pf), 3);
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EINVAL, hyoka_portfolio_set_stated_tolerance(pf, -1));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EINVAL, hyoka_portfolio_set_stated_tolerance(pf, INT64_MIN));
    assert_int_equal(hyoka_portfolio_stated_tolerance(pf), 3);
    assert_int_equal(hyoka_portfolio_set_stated_tolerance(pf, INT64_MAX), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_stated_tolerance(pf), INT64_MAX);
    assert_int_equal(hyoka_portfolio_set_stated_tolerance(pf, 0), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_stated_tolerance(pf), 0);
    hyoka_portfolio_free(pf);
}

static void test_rounding(void **state)
{
    static const int per_head[] = {HYOKA_FIG_PER_CAPITA, HYOKA_FIG_PER_HOUSEHOLD, HYOKA_FIG_UNIT_COST,
                                   HYOKA_FIG_PER_BENEFICIARY};
    hyoka_portfolio *pf = new_portfolio();
    int places = -9, mode = -9, unit = -9;
    (void)state;
    /* Some cities print 千円 per head to two places. */
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(hyoka_portfolio_set_rounding(pf, per_head[i], 2, HYOKA_ROUND_DOWN, HYOKA_UNIT_THOUSAND_YEN),
                         HYOKA_OK);
        assert_int_equal(hyoka_portfolio_rounding(pf, per_head[i], &places, &mode, &unit), 1);
        assert_int_equal(places, 2);
        assert_int_equal(mode, HYOKA_ROUND_DOWN);
        assert_int_equal(unit, HYOKA_UNIT_THOUSAND_YEN);
    }
    for (int f = 0; f < FIGURE_COUNT; f++)
        for (int m = 0; m <= HYOKA_ROUND_CEILING; m++)
            assert_int_equal(hyoka_portfolio_set_rounding(pf, f, f % 19, m, HYOKA_UNIT_YEN), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_rounding(pf, HYOKA_FIG_SCORE, &places, &mode, &unit), 1);
    assert_int_equal(places, HYOKA_FIG_SCORE);
    assert_int_equal(mode, HYOKA_ROUND_CEILING);
    assert_int_equal(unit, HYOKA_UNIT_YEN);
    assert_int_equal(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_EXPENSE, 18, HYOKA_ROUND_UP, HYOKA_UNIT_YEN),
                     HYOKA_OK);
    assert_int_equal(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_ACHIEVEMENT, 0, HYOKA_ROUND_FLOOR, HYOKA_UNIT_YEN),
                     HYOKA_OK);
    assert_int_equal(hyoka_portfolio_rounding(pf, HYOKA_FIG_ACHIEVEMENT, NULL, &mode, NULL), 1);
    assert_int_equal(mode, HYOKA_ROUND_FLOOR);

    /* Bad input changes nothing. */
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EINVAL, hyoka_portfolio_set_rounding(pf, -1, 1, 0, 0));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EINVAL, hyoka_portfolio_set_rounding(pf, FIGURE_COUNT, 1, 0, 0));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EINVAL, hyoka_portfolio_set_rounding(pf, HYOKA_FIG_ACHIEVEMENT, -1, 0, 0));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EINVAL, hyoka_portfolio_set_rounding(pf, HYOKA_FIG_ACHIEVEMENT, 19, 0, 0));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EINVAL, hyoka_portfolio_set_rounding(pf, HYOKA_FIG_ACHIEVEMENT, 1, 6, 0));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EINVAL, hyoka_portfolio_set_rounding(pf, HYOKA_FIG_ACHIEVEMENT, 1, -1, 0));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EINVAL, hyoka_portfolio_set_rounding(pf, HYOKA_FIG_PER_CAPITA, 1, 0, 2));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EINVAL, hyoka_portfolio_set_rounding(pf, HYOKA_FIG_PER_CAPITA, 1, 0, -1));
    /* Thousand yen only for per-head figures. */
    for (int f = 0; f < FIGURE_COUNT; f++) {
        int is_per_head = f == HYOKA_FIG_PER_CAPITA || f == HYOKA_FIG_PER_HOUSEHOLD || f == HYOKA_FIG_UNIT_COST ||
                          f == HYOKA_FIG_PER_BENEFICIARY;
        if (!is_per_head)
            EXPECT_FAIL_UNCHANGED(pf, HYOKA_EINVAL,
                                  hyoka_portfolio_set_rounding(pf, f, 1, 0, HYOKA_UNIT_THOUSAND_YEN));
    }
    assert_int_equal(hyoka_portfolio_rounding(pf, HYOKA_FIG_ACHIEVEMENT, &places, &mode, &unit), 1);
    assert_int_equal(places, 0);
    assert_int_equal(mode, HYOKA_ROUND_FLOOR);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_portfolio_rounding(pf, -1, &places, &mode, &unit));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_portfolio_rounding(pf, FIGURE_COUNT, &places, &mode, &unit));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EINVAL, hyoka_portfolio_clear_rounding(pf, FIGURE_COUNT));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EINVAL, hyoka_portfolio_clear_rounding(pf, -1));

    /* Clearing restores the default. */
    assert_int_equal(hyoka_portfolio_clear_rounding(pf, HYOKA_FIG_EXPENSE), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_rounding(pf, HYOKA_FIG_EXPENSE, &places, &mode, &unit), 0);
    assert_int_equal(places, 0);
    assert_int_equal(mode, HYOKA_ROUND_HALF_UP);
    assert_int_equal(hyoka_portfolio_clear_rounding(pf, HYOKA_FIG_PER_CAPITA), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_rounding(pf, HYOKA_FIG_PER_CAPITA, &places, &mode, &unit), 0);
    assert_int_equal(places, 1);
    assert_int_equal(mode, HYOKA_ROUND_HALF_UP);
    assert_int_equal(unit, HYOKA_UNIT_YEN);
    assert_int_equal(hyoka_portfolio_clear_rounding(pf, HYOKA_FIG_PER_CAPITA), HYOKA_OK);
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Schemes                                                                   */

static void test_schemes(void **state)
{
    hyoka_portfolio *pf = new_portfolio(), *other = new_portfolio();
    hyoka_scheme *a = new_scheme("city-3point"), *b = new_scheme("city-5point"), *dup = new_scheme("city-3point");
    hyoka_scheme *jp_copy = NULL;
    const hyoka_scheme *jp = hyoka_scheme_builtin("jp-standard", HYOKA_NTS);
    (void)state;
    assert_int_equal(hyoka_portfolio_add_scheme(pf, a), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_add_scheme(pf, b), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_scheme_count(pf), 2);
    assert_ptr_equal(hyoka_portfolio_scheme_at(pf, 0), a);
    assert_ptr_equal(hyoka_portfolio_scheme_at(pf, 1), b);
    assert_null(hyoka_portfolio_scheme_at(pf, 2));
    assert_ptr_equal(hyoka_portfolio_find_scheme(pf, "city-5point", HYOKA_NTS), b);
    assert_ptr_equal(hyoka_portfolio_find_scheme(pf, "city-3pointXX", 11), a);
    assert_null(hyoka_portfolio_find_scheme(pf, "city", HYOKA_NTS));
    assert_null(hyoka_portfolio_find_scheme(pf, NULL, 0));
    assert_null(hyoka_portfolio_find_scheme(pf, "no-such", HYOKA_NTS));

    /* Refusals: NULL, already owned (here or elsewhere), duplicate id. */
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EINVAL, hyoka_portfolio_add_scheme(pf, NULL));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_ESTATE, hyoka_portfolio_add_scheme(pf, a));
    EXPECT_FAIL_UNCHANGED(other, HYOKA_ESTATE, hyoka_portfolio_add_scheme(other, b));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EEXIST, hyoka_portfolio_add_scheme(pf, dup));
    assert_int_equal(hyoka_portfolio_scheme_count(pf), 2);
    assert_int_equal(hyoka_portfolio_scheme_count(other), 0);
    /* The refused duplicate still belongs to the caller; another portfolio takes it. */
    assert_int_equal(hyoka_portfolio_add_scheme(other, dup), HYOKA_OK);

    /* Built-ins: found without being added, never taken. */
    if (jp) {
        assert_ptr_equal(hyoka_portfolio_find_scheme(pf, "jp-standard", HYOKA_NTS), jp);
        assert_ptr_equal(hyoka_portfolio_find_scheme(NULL, "jp-standard", HYOKA_NTS), jp);
        EXPECT_FAIL_UNCHANGED(pf, HYOKA_ESTATE, hyoka_portfolio_add_scheme(pf, (hyoka_scheme *)(uintptr_t)jp));
        /* A portfolio's own copy comes first. */
        assert_int_equal(hyoka_scheme_copy(jp, &jp_copy), HYOKA_OK);
        assert_int_equal(hyoka_portfolio_add_scheme(pf, jp_copy), HYOKA_OK);
        assert_ptr_equal(hyoka_portfolio_find_scheme(pf, "jp-standard", HYOKA_NTS), jp_copy);
        assert_ptr_equal(hyoka_portfolio_find_scheme(other, "jp-standard", HYOKA_NTS), jp);
        assert_int_equal(hyoka_portfolio_remove_scheme(pf, 2), HYOKA_OK);
        assert_ptr_equal(hyoka_portfolio_find_scheme(pf, "jp-standard", HYOKA_NTS), jp);
    }

    /* An owned scheme is not freed by hyoka_scheme_free(). */
    hyoka_scheme_free(a);
    assert_ptr_equal(hyoka_portfolio_scheme_at(pf, 0), a);
    assert_string_equal(hyoka_scheme_id(a), "city-3point");

    EXPECT_FAIL_UNCHANGED(pf, HYOKA_ENOTFOUND, hyoka_portfolio_remove_scheme(pf, 2));
    assert_int_equal(hyoka_portfolio_remove_scheme(pf, 0), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_scheme_count(pf), 1);
    assert_ptr_equal(hyoka_portfolio_scheme_at(pf, 0), b);
    assert_null(hyoka_portfolio_find_scheme(pf, "city-3point", HYOKA_NTS));
    /* Its id is free again. */
    assert_int_equal(hyoka_portfolio_add_scheme(pf, new_scheme("city-3point")), HYOKA_OK);
    hyoka_portfolio_free(pf);
    hyoka_portfolio_free(other);
}

/* ------------------------------------------------------------------------ */
/* Projects                                                                  */

static void test_projects(void **state)
{
    hyoka_portfolio *pf = new_portfolio(), *other = new_portfolio();
    hyoka_project *a = new_project("010802"), *b = new_project("020101"), *c = new_project("010802");
    hyoka_project *child = new_project("child"), *grandchild = new_project("gc"), *loose = new_project("x");
    (void)state;
    assert_int_equal(hyoka_portfolio_add_project(pf, a), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_add_project(pf, b), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_add_project(pf, c), HYOKA_OK); /* same code accepted (P003) */
    assert_int_equal(hyoka_portfolio_project_count(pf), 3);
    assert_ptr_equal(hyoka_portfolio_project_at(pf, 0), a);
    assert_ptr_equal(hyoka_portfolio_project_at(pf, 2), c);
    assert_null(hyoka_portfolio_project_at(pf, 3));
    assert_ptr_equal(hyoka_portfolio_find_project(pf, "010802", HYOKA_NTS), a);
    assert_ptr_equal(hyoka_portfolio_find_project(pf, "020101xx", 6), b);
    assert_null(hyoka_portfolio_find_project(pf, "0208", HYOKA_NTS));
    assert_null(hyoka_portfolio_find_project(pf, NULL, 0));
    assert_ptr_equal(hyoka_project_portfolio(a), pf);
    assert_null(hyoka_project_portfolio(loose));

    /* Sub-projects reach the portfolio through their parents. */
    assert_int_equal(hyoka_project_add_child(a, child), HYOKA_OK);
    assert_int_equal(hyoka_project_add_child(child, grandchild), HYOKA_OK);
    assert_ptr_equal(hyoka_project_portfolio(grandchild), pf);
    assert_null(hyoka_portfolio_find_project(pf, "child", HYOKA_NTS)); /* top level only */

    /* Ownership refusals. */
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_EINVAL, hyoka_portfolio_add_project(pf, NULL));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_ESTATE, hyoka_portfolio_add_project(pf, a));
    EXPECT_FAIL_UNCHANGED(other, HYOKA_ESTATE, hyoka_portfolio_add_project(other, b));
    assert_string_equal(hyoka_error_last(),
                        "hyoka_portfolio_add_project: the project is already owned by a portfolio");
    EXPECT_FAIL_UNCHANGED(other, HYOKA_ESTATE, hyoka_portfolio_add_project(other, child));
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_ESTATE, hyoka_project_add_child(loose, b));
    assert_int_equal(hyoka_portfolio_project_count(other), 0);
    assert_int_equal(hyoka_project_child_count(loose), 0);
    /* A project in a portfolio cannot be freed directly. */
    hyoka_error_clear();
    hyoka_project_free(b);
    assert_int_equal(hyoka_error_last_code(), HYOKA_ESTATE);
    assert_true(strlen(hyoka_error_last()) > 0);
    assert_ptr_equal(hyoka_portfolio_project_at(pf, 1), b);
    assert_string_equal(hyoka_project_code(b), "020101");
    hyoka_project_free(grandchild); /* owned by child: refused too */
    assert_int_equal(hyoka_error_last_code(), HYOKA_ESTATE);
    assert_int_equal(hyoka_project_child_count(child), 1);

    /* Removing frees the project and its sub-projects. */
    EXPECT_FAIL_UNCHANGED(pf, HYOKA_ENOTFOUND, hyoka_portfolio_remove_project(pf, 3));
    assert_int_equal(hyoka_portfolio_remove_project(pf, 0), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_project_count(pf), 2);
    assert_ptr_equal(hyoka_portfolio_project_at(pf, 0), b);
    assert_ptr_equal(hyoka_portfolio_find_project(pf, "010802", HYOKA_NTS), c);

    /* A project can be moved: copy, add the copy, remove the original. */
    {
        hyoka_project *moved = NULL;
        assert_int_equal(hyoka_project_copy(b, &moved), HYOKA_OK);
        assert_null(hyoka_project_portfolio(moved));
        assert_int_equal(hyoka_portfolio_add_project(other, moved), HYOKA_OK);
        assert_int_equal(hyoka_portfolio_remove_project(pf, 0), HYOKA_OK);
        assert_ptr_equal(hyoka_project_portfolio(moved), other);
    }
    assert_int_equal(hyoka_portfolio_add_project(other, loose), HYOKA_OK);
    hyoka_portfolio_free(pf);
    hyoka_portfolio_free(other);
}

/* ------------------------------------------------------------------------ */
/* Copy and equality                                                         */

static void test_copy_equal(void **state)
{
    hyoka_portfolio *pf = populated(), *c = copy_of(pf);
    (void)state;
    assert_true(hyoka_portfolio_equal(pf, c));
    assert_true(hyoka_portfolio_equal(c, pf));
    assert_true(hyoka_portfolio_equal(pf, pf));
    assert_false(hyoka_portfolio_equal(pf, NULL));
    assert_false(hyoka_portfolio_equal(NULL, pf));
    /* Deep, and the copies belong to the copy. */
    assert_ptr_not_equal(hyoka_portfolio_project_at(c, 0), hyoka_portfolio_project_at(pf, 0));
    assert_ptr_equal(hyoka_project_portfolio(hyoka_portfolio_project_at(c, 0)), c);
    assert_ptr_equal(hyoka_project_portfolio(hyoka_project_child_at(hyoka_portfolio_project_at(c, 0), 0)), c);
    assert_ptr_not_equal(hyoka_portfolio_scheme_at(c, 0), hyoka_portfolio_scheme_at(pf, 0));
    assert_ptr_equal(hyoka_portfolio_find_scheme(c, "city-3point", HYOKA_NTS), hyoka_portfolio_scheme_at(c, 0));
    assert_text(hyoka_portfolio_municipality_code(c), "112089");
    /* The copy's schemes are owned: adding them elsewhere is refused. */
    {
        hyoka_portfolio *third = new_portfolio();
        EXPECT_FAIL(HYOKA_ESTATE, hyoka_portfolio_add_scheme(third, hyoka_portfolio_scheme_at(c, 0)));
        EXPECT_FAIL(HYOKA_ESTATE, hyoka_portfolio_add_project(third, hyoka_portfolio_project_at(c, 0)));
        hyoka_portfolio_free(third);
    }
    /* An empty portfolio copies too. */
    {
        hyoka_portfolio *e = new_portfolio(), *ec = copy_of(e);
        assert_true(hyoka_portfolio_equal(e, ec));
        assert_false(hyoka_portfolio_equal(e, pf));
        hyoka_portfolio_free(e);
        hyoka_portfolio_free(ec);
    }
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_portfolio_copy(pf, NULL));
    hyoka_portfolio_free(c);
    hyoka_portfolio_free(pf);
}

typedef void (*mutation)(hyoka_portfolio *c);

static void mut_name(hyoka_portfolio *c)
{
    assert_int_equal(hyoka_portfolio_set_municipality(c, "所沢", HYOKA_NTS, "112089", HYOKA_NTS), 0);
}
static void mut_code(hyoka_portfolio *c)
{
    assert_int_equal(hyoka_portfolio_set_municipality(c, "所沢市", HYOKA_NTS, "131016", HYOKA_NTS), 0);
}
static void mut_code_missing(hyoka_portfolio *c)
{
    assert_int_equal(hyoka_portfolio_set_municipality(c, "所沢市", HYOKA_NTS, NULL, 0), 0);
}
static void mut_denominator_value(hyoka_portfolio *c)
{
    assert_int_equal(hyoka_portfolio_set_denominator(c, 2007, HYOKA_COST_HOUSEHOLDS, 145001), 0);
}
static void mut_denominator_year(hyoka_portfolio *c)
{
    assert_int_equal(hyoka_portfolio_set_denominator(c, 2009, HYOKA_COST_POPULATION, 340000), 0);
}
static void mut_denominator_cleared(hyoka_portfolio *c)
{
    assert_int_equal(hyoka_portfolio_clear_denominator(c, 2008, HYOKA_COST_POPULATION), 0);
}
static void mut_denominator_other_kind(hyoka_portfolio *c)
{
    assert_int_equal(hyoka_portfolio_set_denominator(c, 2008, HYOKA_COST_HOUSEHOLDS, 0), 0);
}
static void mut_amount_unit(hyoka_portfolio *c) { assert_int_equal(hyoka_portfolio_set_amount_unit(c, HYOKA_UNIT_YEN), 0); }
static void mut_rounding_places(hyoka_portfolio *c)
{
    assert_int_equal(hyoka_portfolio_set_rounding(c, HYOKA_FIG_PER_CAPITA, 1, HYOKA_ROUND_DOWN,
                                                  HYOKA_UNIT_THOUSAND_YEN), 0);
}
static void mut_rounding_mode(hyoka_portfolio *c)
{
    assert_int_equal(hyoka_portfolio_set_rounding(c, HYOKA_FIG_PER_CAPITA, 2, HYOKA_ROUND_UP,
                                                  HYOKA_UNIT_THOUSAND_YEN), 0);
}
static void mut_rounding_unit(hyoka_portfolio *c)
{
    assert_int_equal(hyoka_portfolio_set_rounding(c, HYOKA_FIG_PER_CAPITA, 2, HYOKA_ROUND_DOWN, HYOKA_UNIT_YEN), 0);
}
static void mut_rounding_cleared(hyoka_portfolio *c)
{
    assert_int_equal(hyoka_portfolio_clear_rounding(c, HYOKA_FIG_ACHIEVEMENT), 0);
}
static void mut_rounding_default_made_explicit(hyoka_portfolio *c)
{
    /* An override equal to the default is still an override. */
    assert_int_equal(hyoka_portfolio_set_rounding(c, HYOKA_FIG_EXPENSE, 0, HYOKA_ROUND_HALF_UP, HYOKA_UNIT_YEN), 0);
}
static void mut_tolerance(hyoka_portfolio *c) { assert_int_equal(hyoka_portfolio_set_stated_tolerance(c, 0), 0); }
static void mut_scheme_add(hyoka_portfolio *c)
{
    assert_int_equal(hyoka_portfolio_add_scheme(c, new_scheme("third")), 0);
}
static void mut_scheme_remove(hyoka_portfolio *c) { assert_int_equal(hyoka_portfolio_remove_scheme(c, 1), 0); }
static void mut_scheme_name(hyoka_portfolio *c)
{
    assert_int_equal(hyoka_scheme_set_name(hyoka_portfolio_scheme_at(c, 0), "別名", HYOKA_NTS), 0);
}
static void mut_scheme_verdict(hyoka_portfolio *c)
{
    assert_int_equal(hyoka_scheme_add_verdict(hyoka_portfolio_scheme_at(c, 0), "end", HYOKA_NTS, "終了", HYOKA_NTS,
                                              HYOKA_VERDICT_END), 0);
}
static void mut_scheme_order(hyoka_portfolio *c)
{
    hyoka_scheme *s = NULL;
    assert_int_equal(hyoka_scheme_copy(hyoka_portfolio_scheme_at(c, 0), &s), 0);
    assert_int_equal(hyoka_portfolio_remove_scheme(c, 0), 0);
    assert_int_equal(hyoka_portfolio_add_scheme(c, s), 0);
}
static void mut_project_add(hyoka_portfolio *c) { assert_int_equal(hyoka_portfolio_add_project(c, new_project("9")), 0); }
static void mut_project_remove(hyoka_portfolio *c) { assert_int_equal(hyoka_portfolio_remove_project(c, 1), 0); }
static void mut_project_code(hyoka_portfolio *c)
{
    assert_int_equal(hyoka_project_set_code(hyoka_portfolio_project_at(c, 1), "020102", HYOKA_NTS), 0);
}
static void mut_project_year(hyoka_portfolio *c)
{
    hyoka_costs *y = hyoka_project_year_at(hyoka_portfolio_project_at(c, 0), 0);
    assert_int_equal(hyoka_costs_set(y, HYOKA_COST_USAGE, 1055), 0);
}
static void mut_project_child(hyoka_portfolio *c)
{
    hyoka_project *child = hyoka_project_child_at(hyoka_portfolio_project_at(c, 0), 0);
    assert_int_equal(hyoka_project_set_name(child, "細事業", HYOKA_NTS), 0);
}
static void mut_project_order(hyoka_portfolio *c)
{
    hyoka_project *p = NULL;
    assert_int_equal(hyoka_project_copy(hyoka_portfolio_project_at(c, 0), &p), 0);
    assert_int_equal(hyoka_portfolio_remove_project(c, 0), 0);
    assert_int_equal(hyoka_portfolio_add_project(c, p), 0);
}

static void test_copy_unequal_on_any_change(void **state)
{
    static const mutation mutations[] = {
        mut_name, mut_code, mut_code_missing,
        mut_denominator_value, mut_denominator_year, mut_denominator_cleared, mut_denominator_other_kind,
        mut_amount_unit,
        mut_rounding_places, mut_rounding_mode, mut_rounding_unit, mut_rounding_cleared,
        mut_rounding_default_made_explicit,
        mut_tolerance,
        mut_scheme_add, mut_scheme_remove, mut_scheme_name, mut_scheme_verdict, mut_scheme_order,
        mut_project_add, mut_project_remove, mut_project_code, mut_project_year, mut_project_child,
        mut_project_order,
    };
    hyoka_portfolio *pf = populated();
    (void)state;
    for (size_t i = 0; i < sizeof mutations / sizeof mutations[0]; i++) {
        hyoka_portfolio *c = copy_of(pf);
        assert_true(hyoka_portfolio_equal(pf, c));
        mutations[i](c);
        if (hyoka_portfolio_equal(pf, c) || hyoka_portfolio_equal(c, pf))
            fail_msg("mutation %zu left the copy equal", i);
        hyoka_portfolio_free(c);
    }
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Allocation failures                                                       */

static int body_new(void *ctx)
{
    hyoka_portfolio *pf = SENTINEL(hyoka_portfolio);
    int rc;
    (void)ctx;
    rc = hyoka_portfolio_new(&pf);
    if (rc != HYOKA_OK) {
        assert_ptr_equal(pf, SENTINEL(hyoka_portfolio));
        assert_true(strlen(hyoka_error_last()) > 0);
        return rc;
    }
    hyoka_portfolio_free(pf);
    return rc;
}

static void test_sweep_new(void **state)
{
    (void)state;
    assert_true(failalloc_sweep(body_new, NULL) >= 1);
}

static int body_municipality(void *ctx)
{
    hyoka_portfolio *pf = NULL;
    int rc;
    (void)ctx;
    if ((rc = hyoka_portfolio_new(&pf)) != HYOKA_OK)
        return rc;
    rc = hyoka_portfolio_set_municipality(pf, "所沢市", HYOKA_NTS, "112089", HYOKA_NTS);
    if (rc != HYOKA_OK) {
        assert_null(hyoka_portfolio_municipality_name(pf));
        assert_null(hyoka_portfolio_municipality_code(pf));
        goto out;
    }
    rc = hyoka_portfolio_set_municipality(pf, "千代田区", HYOKA_NTS, "131016", HYOKA_NTS);
    if (rc != HYOKA_OK) {
        assert_true(strlen(hyoka_error_last()) > 0);
        assert_text(hyoka_portfolio_municipality_name(pf), "所沢市");
        assert_text(hyoka_portfolio_municipality_code(pf), "112089");
        goto out;
    }
    assert_text(hyoka_portfolio_municipality_name(pf), "千代田区");
out:
    hyoka_portfolio_free(pf);
    return rc;
}

static void test_sweep_municipality(void **state)
{
    (void)state;
    assert_true(failalloc_sweep(body_municipality, NULL) >= 5);
}

static int body_denominator(void *ctx)
{
    hyoka_portfolio *pf = NULL;
    int rc;
    int64_t v;
    (void)ctx;
    if ((rc = hyoka_portfolio_new(&pf)) != HYOKA_OK)
        return rc;
    for (int i = 0; i < 6; i++) { /* new years, through a growth */
        rc = hyoka_portfolio_set_denominator(pf, 2007 + i, HYOKA_COST_POPULATION, 1000 + i);
        if (rc != HYOKA_OK) {
            assert_true(strlen(hyoka_error_last()) > 0);
            assert_int_equal(hyoka_portfolio_denominator_count(pf), (size_t)i);
            assert_int_equal(hyoka_portfolio_denominator(pf, 2007 + i, HYOKA_COST_POPULATION, &v), 0);
            if (i > 0) {
                assert_int_equal(hyoka_portfolio_denominator(pf, 2007, HYOKA_COST_POPULATION, &v), 1);
                assert_int_equal(v, 1000);
            }
            goto out;
        }
    }
    /* An existing year needs no allocation. */
    rc = hyoka_portfolio_set_denominator(pf, 2007, HYOKA_COST_HOUSEHOLDS, 500);
out:
    hyoka_portfolio_free(pf);
    return rc;
}

static void test_sweep_denominator(void **state)
{
    (void)state;
    assert_true(failalloc_sweep(body_denominator, NULL) >= 2);
}

static int body_add_project(void *ctx)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *p = NULL;
    int rc;
    (void)ctx;
    if ((rc = hyoka_portfolio_new(&pf)) != HYOKA_OK)
        return rc;
    for (int i = 0; i < 6; i++) {
        if ((rc = hyoka_project_new(&p)) != HYOKA_OK)
            goto out;
        rc = hyoka_portfolio_add_project(pf, p);
        if (rc != HYOKA_OK) {
            /* The caller still owns it. */
            assert_true(strlen(hyoka_error_last()) > 0);
            assert_null(hyoka_project_portfolio(p));
            assert_int_equal(hyoka_portfolio_project_count(pf), (size_t)i);
            hyoka_project_free(p);
            goto out;
        }
    }
out:
    hyoka_portfolio_free(pf);
    return rc;
}

static void test_sweep_add_project(void **state)
{
    (void)state;
    assert_true(failalloc_sweep(body_add_project, NULL) >= 8);
}

static int body_add_scheme(void *ctx)
{
    hyoka_portfolio *pf = NULL;
    hyoka_scheme *s = NULL;
    int rc;
    (void)ctx;
    if ((rc = hyoka_portfolio_new(&pf)) != HYOKA_OK)
        return rc;
    for (int i = 0; i < 6; i++) {
        char id[8];
        snprintf(id, sizeof id, "s%d", i);
        if ((rc = hyoka_scheme_new(&s, id, HYOKA_NTS)) != HYOKA_OK)
            goto out;
        rc = hyoka_portfolio_add_scheme(pf, s);
        if (rc != HYOKA_OK) {
            assert_true(strlen(hyoka_error_last()) > 0);
            assert_int_equal(hyoka_portfolio_scheme_count(pf), (size_t)i);
            assert_null(hyoka_portfolio_find_scheme(pf, id, HYOKA_NTS));
            /* Still the caller's: another portfolio could take it; free it. */
            hyoka_scheme_free(s);
            goto out;
        }
    }
out:
    hyoka_portfolio_free(pf);
    return rc;
}

static void test_sweep_add_scheme(void **state)
{
    (void)state;
    assert_true(failalloc_sweep(body_add_scheme, NULL) >= 8);
}

/* Build a populated portfolio (any step may fail), then copy it. */
static int body_copy(void *ctx)
{
    hyoka_portfolio *pf = NULL, *c = NULL;
    hyoka_project *p = NULL, *child = NULL;
    hyoka_scheme *s = NULL;
    hyoka_costs *y = NULL;
    int rc;
    (void)ctx;
    if ((rc = hyoka_portfolio_new(&pf)) != HYOKA_OK)
        return rc;
    if ((rc = hyoka_portfolio_set_municipality(pf, "所沢市", HYOKA_NTS, "112089", HYOKA_NTS)) != HYOKA_OK ||
        (rc = hyoka_portfolio_set_denominator(pf, 2007, HYOKA_COST_POPULATION, 339300)) != HYOKA_OK ||
        (rc = hyoka_portfolio_set_denominator(pf, 2008, HYOKA_COST_HOUSEHOLDS, 145000)) != HYOKA_OK ||
        (rc = hyoka_portfolio_set_rounding(pf, HYOKA_FIG_PER_CAPITA, 2, HYOKA_ROUND_DOWN, 1)) != HYOKA_OK ||
        (rc = hyoka_portfolio_set_stated_tolerance(pf, 1)) != HYOKA_OK)
        goto out;
    if ((rc = hyoka_scheme_new(&s, "city", HYOKA_NTS)) != HYOKA_OK)
        goto out;
    if ((rc = hyoka_scheme_add_verdict(s, "maintain", HYOKA_NTS, "現状継続", HYOKA_NTS, 0)) != HYOKA_OK ||
        (rc = hyoka_portfolio_add_scheme(pf, s)) != HYOKA_OK) {
        hyoka_scheme_free(s);
        goto out;
    }
    for (int i = 0; i < 2; i++) {
        if ((rc = hyoka_project_new(&p)) != HYOKA_OK)
            goto out;
        if ((rc = hyoka_portfolio_add_project(pf, p)) != HYOKA_OK) {
            hyoka_project_free(p);
            goto out;
        }
        if ((rc = hyoka_project_set_code(p, i ? "020101" : "010802", HYOKA_NTS)) != HYOKA_OK ||
            (rc = hyoka_project_add_year(p, 2007, &y)) != HYOKA_OK ||
            (rc = hyoka_costs_set(y, HYOKA_COST_USAGE, 1054)) != HYOKA_OK ||
            (rc = hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, NULL)) != HYOKA_OK ||
            (rc = hyoka_project_add_evaluation(p, HYOKA_STAGE_PRIMARY, NULL)) != HYOKA_OK ||
            (rc = hyoka_project_set_extension(p, "k", HYOKA_NTS, "v", HYOKA_NTS)) != HYOKA_OK)
            goto out;
    }
    if ((rc = hyoka_project_new(&child)) != HYOKA_OK)
        goto out;
    if ((rc = hyoka_project_add_child(p, child)) != HYOKA_OK) {
        hyoka_project_free(child);
        goto out;
    }

    c = SENTINEL(hyoka_portfolio);
    rc = hyoka_portfolio_copy(pf, &c);
    if (rc != HYOKA_OK) {
        assert_true(strlen(hyoka_error_last()) > 0);
        assert_ptr_equal(c, SENTINEL(hyoka_portfolio));
        assert_int_equal(hyoka_portfolio_project_count(pf), 2);
        assert_int_equal(hyoka_portfolio_scheme_count(pf), 1);
        assert_text(hyoka_portfolio_municipality_code(pf), "112089");
        goto out;
    }
    assert_true(hyoka_portfolio_equal(pf, c));
    hyoka_portfolio_free(c);
out:
    hyoka_portfolio_free(pf);
    return rc;
}

static void test_sweep_copy(void **state)
{
    (void)state;
    assert_true(failalloc_sweep(body_copy, NULL) >= 30);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_defaults),
        cmocka_unit_test(test_null_handles),
        cmocka_unit_test(test_code_check),
        cmocka_unit_test(test_municipality),
        cmocka_unit_test(test_denominators),
        cmocka_unit_test(test_amount_unit_tolerance),
        cmocka_unit_test(test_rounding),
        cmocka_unit_test(test_schemes),
        cmocka_unit_test(test_projects),
        cmocka_unit_test(test_copy_equal),
        cmocka_unit_test(test_copy_unequal_on_any_change),
        cmocka_unit_test(test_sweep_new),
        cmocka_unit_test(test_sweep_municipality),
        cmocka_unit_test(test_sweep_denominator),
        cmocka_unit_test(test_sweep_add_project),
        cmocka_unit_test(test_sweep_add_scheme),
        cmocka_unit_test(test_sweep_copy),
    };
    return cmocka_run_group_tests(tests, setup_big, teardown_big);
}
