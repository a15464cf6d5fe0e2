/* Tests of scheme.h: the three built-in schemes, custom schemes built with
 * the add functions, copy and equality, argument checks, allocation
 * failures and concurrent reading of the built-ins. Public API only. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

#include "failalloc.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

/* A call fails with @p code and leaves a message for hyoka_error_last(). */
#define EXPECT_FAIL(code, call)                                   \
    do {                                                          \
        hyoka_error_clear();                                      \
        assert_int_equal((call), (code));                         \
        assert_int_equal(hyoka_error_last_code(), (code));        \
        assert_true(hyoka_error_last()[0] != '\0');               \
    } while (0)

static hyoka_decimal dec(int64_t coefficient, int scale)
{
    hyoka_decimal d = {{0, 0}};
    assert_int_equal(hyoka_decimal_from_parts(coefficient, scale, &d), HYOKA_OK);
    return d;
}

/* Same coefficient and scale as coefficient × 10^-scale. */
static void assert_dec(const hyoka_decimal *d, int64_t coefficient, int scale)
{
    hyoka_decimal e = dec(coefficient, scale);
    assert_int_equal(hyoka_decimal_coefficient(d), coefficient);
    assert_int_equal(hyoka_decimal_scale(d), scale);
    assert_true(hyoka_decimal_identical(d, &e));
}

static hyoka_scheme *new_scheme(const char *id)
{
    hyoka_scheme *s = NULL;
    assert_int_equal(hyoka_scheme_new(&s, id, HYOKA_NTS), HYOKA_OK);
    assert_non_null(s);
    return s;
}

static hyoka_scheme *snapshot(const hyoka_scheme *s)
{
    hyoka_scheme *c = NULL;
    assert_int_equal(hyoka_scheme_copy(s, &c), HYOKA_OK);
    assert_non_null(c);
    return c;
}

static hyoka_scheme *mutable_builtin(const char *id)
{
    /* Casting away const is what a careless caller would do; the library
     * must refuse every change. */
    const hyoka_scheme *b = hyoka_scheme_builtin(id, HYOKA_NTS);
    assert_non_null(b);
    return (hyoka_scheme *)(uintptr_t)b;
}

/* Invalid UTF-8 (a lone continuation byte) and a text with a NUL inside. */
static const char bad_utf8[] = "ab\x80";
static const char with_nul[] = "ab\0cd";
#define WITH_NUL_LEN ((size_t)5)

/* ------------------------------------------------------------------------ */
/* Expected contents of the built-ins                                         */

struct exp_option {
    const char *code;
    const char *label;
    int64_t score;
};

struct exp_criterion {
    const char *code;
    const char *label;
    int64_t weight;
    int required;
    int numeric; /* then range 0..100 */
};

struct exp_item {
    const char *code;
    const char *label;
    int value; /* group or kind */
};

struct exp_band {
    int64_t coefficient;
    int scale;
    const char *code;
    const char *label;
};

static const struct exp_option jp_options[] = {
    {"A", "高い・妥当", 3},
    {"B", "おおむね妥当", 2},
    {"C", "低い・見直しが必要", 1},
    {"3", "高い", 3},
    {"2", "中程度", 2},
    {"1", "低い", 1},
};

static const struct exp_criterion jp_criteria[] = {
    {"relevance", "妥当性", 1, 0, 0},
    {"effectiveness", "有効性", 1, 0, 0},
    {"efficiency", "効率性", 1, 0, 0},
    {"achievement", "達成度", 1, 0, 0},
    {"contribution", "貢献度", 1, 0, 0},
};

static const struct exp_item jp_verdicts[] = {
    {"expand", "拡充", HYOKA_VERDICT_CONTINUE},
    {"maintain", "現状維持", HYOKA_VERDICT_CONTINUE},
    {"improve", "改善・効率化", HYOKA_VERDICT_CONTINUE},
    {"reduce", "縮小", HYOKA_VERDICT_CONTINUE},
    {"integrate", "統合", HYOKA_VERDICT_CONTINUE},
    {"review", "要検討", HYOKA_VERDICT_CONTINUE},
    {"suspend", "休止", HYOKA_VERDICT_END},
    {"abolish", "廃止", HYOKA_VERDICT_END},
    {"complete", "完了", HYOKA_VERDICT_END},
    {"end", "終了", HYOKA_VERDICT_END},
    {"other", "その他", HYOKA_VERDICT_CONTINUE},
};

static const struct exp_item jp_budgets[] = {
    {"status_quo", "現状どおり", HYOKA_BUDGET_SAME},
    {"increase", "増額", HYOKA_BUDGET_INCREASE},
    {"decrease", "減額", HYOKA_BUDGET_DECREASE},
    {"end", "終了", HYOKA_BUDGET_END},
};

static const struct exp_band jp_bands[] = {
    {25, 1, "A", "良好"},
    {15, 1, "B", "おおむね良好"},
    {0, 0, "C", "要改善"},
};

static const struct exp_item rs_verdicts[] = {
    {"status_quo", "現状通り", HYOKA_VERDICT_CONTINUE},
    {"partial_improvement", "事業内容の一部改善", HYOKA_VERDICT_CONTINUE},
    {"fundamental_improvement", "事業全体の抜本的な改善", HYOKA_VERDICT_CONTINUE},
    {"end_as_planned", "終了予定", HYOKA_VERDICT_END},
    {"abolish", "廃止", HYOKA_VERDICT_END},
};

static const struct exp_item rs_budgets[] = {
    {"status_quo", "現状通り", HYOKA_BUDGET_SAME},
    {"execution_improvement", "執行等改善", HYOKA_BUDGET_SAME},
    {"review_within_year", "年度内に改善を検討", HYOKA_BUDGET_SAME},
    {"reduction", "縮減", HYOKA_BUDGET_DECREASE},
    {"end_as_planned", "予定通り終了", HYOKA_BUDGET_END},
    {"abolish", "廃止", HYOKA_BUDGET_END},
};

static const struct exp_criterion omb_criteria[] = {
    {"purpose", "Program Purpose & Design", 20, 0, 1},
    {"planning", "Strategic Planning", 10, 0, 1},
    {"management", "Program Management", 20, 0, 1},
    {"results", "Program Results/Accountability", 50, 1, 1},
};

static const struct exp_band omb_bands[] = {
    {85, 0, "effective", "Effective"},
    {70, 0, "moderately_effective", "Moderately Effective"},
    {50, 0, "adequate", "Adequate"},
    {0, 0, "ineffective", "Ineffective"},
};

static const struct exp_option dac_options[] = {
    {"4", "Highly satisfactory", 4},
    {"3", "Satisfactory", 3},
    {"2", "Unsatisfactory", 2},
    {"1", "Highly unsatisfactory", 1},
};

static const struct exp_criterion dac_criteria[] = {
    {"relevance", "Relevance", 1, 0, 0},
    {"coherence", "Coherence", 1, 0, 0},
    {"effectiveness", "Effectiveness", 1, 0, 0},
    {"efficiency", "Efficiency", 1, 0, 0},
    {"impact", "Impact", 1, 0, 0},
    {"sustainability", "Sustainability", 1, 0, 0},
};

static const struct exp_band dac_bands[] = {
    {35, 1, "highly_satisfactory", "Highly satisfactory"},
    {25, 1, "satisfactory", "Satisfactory"},
    {15, 1, "unsatisfactory", "Unsatisfactory"},
    {0, 0, "highly_unsatisfactory", "Highly unsatisfactory"},
};

struct exp_scheme {
    const char *id;
    const char *name;
    const struct exp_criterion *criteria;
    size_t criterion_count;
    const struct exp_option *options; /* the same for every categorical criterion */
    size_t option_count;
    const struct exp_item *verdicts;
    size_t verdict_count;
    const struct exp_item *budgets;
    size_t budget_count;
    const struct exp_band *bands;
    size_t band_count;
    const char *missing_code;
    const char *missing_label;
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct exp_scheme expected[] = {
    {"jp-standard", "標準評価", jp_criteria, N(jp_criteria), jp_options, N(jp_options),
     jp_verdicts, N(jp_verdicts), jp_budgets, N(jp_budgets), jp_bands, N(jp_bands), NULL, NULL},
    {"us-omb-part", "OMB PART", omb_criteria, N(omb_criteria), NULL, 0,
     NULL, 0, NULL, 0, omb_bands, N(omb_bands), "results_not_demonstrated", "Results Not Demonstrated"},
    {"oecd-dac", "OECD DAC", dac_criteria, N(dac_criteria), dac_options, N(dac_options),
     NULL, 0, NULL, 0, dac_bands, N(dac_bands), NULL, NULL},
    {"jp-rs-review", "行政事業レビュー", NULL, 0, NULL, 0, rs_verdicts, N(rs_verdicts), rs_budgets, N(rs_budgets),
     NULL, 0, NULL, NULL},
};

/* Compare a scheme with its expected contents without any cmocka call, so
 * that threads can use it too. Returns 0 when all matches, else the number
 * of the first mismatch. */
static int streq(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

static int scheme_matches(const hyoka_scheme *s, const struct exp_scheme *e)
{
    const char *code, *label;
    hyoka_decimal d, lo, hi;
    int v, has, has_lo, has_hi;
    size_t index;

    if (!s || !streq(hyoka_scheme_id(s), e->id) || !streq(hyoka_scheme_name(s), e->name))
        return 1;
    if (hyoka_scheme_is_builtin(s) != 1)
        return 2;
    if (hyoka_scheme_criterion_count(s) != e->criterion_count)
        return 3;
    for (size_t i = 0; i < e->criterion_count; i++) {
        const struct exp_criterion *c = &e->criteria[i];
        hyoka_decimal w = hyoka_decimal_from_int(c->weight);
        if (hyoka_scheme_criterion_at(s, i, &code, &label, &d) != HYOKA_OK)
            return 4;
        if (!streq(code, c->code) || !streq(label, c->label) || !hyoka_decimal_identical(&d, &w))
            return 5;
        if (hyoka_scheme_find_criterion(s, c->code, HYOKA_NTS, &index) != HYOKA_OK || index != i)
            return 6;
        if (hyoka_scheme_required(s, i) != c->required)
            return 7;
        v = hyoka_scheme_range(s, i, &lo, &has_lo, &hi, &has_hi);
        if (v != c->numeric)
            return 8;
        if (c->numeric) {
            hyoka_decimal zero = hyoka_decimal_from_int(0), hundred = hyoka_decimal_from_int(100);
            if (!has_lo || !has_hi || !hyoka_decimal_identical(&lo, &zero) ||
                !hyoka_decimal_identical(&hi, &hundred))
                return 9;
            if (hyoka_scheme_option_count(s, i) != 0)
                return 10;
        } else {
            if (has_lo || has_hi)
                return 11;
            if (hyoka_scheme_option_count(s, i) != e->option_count)
                return 12;
            for (size_t j = 0; j < e->option_count; j++) {
                hyoka_decimal sc = hyoka_decimal_from_int(e->options[j].score);
                if (hyoka_scheme_option_at(s, i, j, &code, &label, &d, &has) != HYOKA_OK)
                    return 13;
                if (!streq(code, e->options[j].code) || !streq(label, e->options[j].label) || has != 1 ||
                    !hyoka_decimal_identical(&d, &sc))
                    return 14;
            }
        }
    }
    if (hyoka_scheme_verdict_count(s) != e->verdict_count)
        return 15;
    for (size_t i = 0; i < e->verdict_count; i++) {
        if (hyoka_scheme_verdict_at(s, i, &code, &label, &v) != HYOKA_OK)
            return 16;
        if (!streq(code, e->verdicts[i].code) || !streq(label, e->verdicts[i].label) || v != e->verdicts[i].value)
            return 17;
        if (hyoka_scheme_find_verdict(s, code, HYOKA_NTS, &index) != HYOKA_OK || index != i)
            return 18;
    }
    if (hyoka_scheme_budget_count(s) != e->budget_count)
        return 19;
    for (size_t i = 0; i < e->budget_count; i++) {
        if (hyoka_scheme_budget_at(s, i, &code, &label, &v) != HYOKA_OK)
            return 20;
        if (!streq(code, e->budgets[i].code) || !streq(label, e->budgets[i].label) || v != e->budgets[i].value)
            return 21;
        if (hyoka_scheme_find_budget(s, code, HYOKA_NTS, &index) != HYOKA_OK || index != i)
            return 22;
    }
    if (hyoka_scheme_band_count(s) != e->band_count)
        return 23;
    for (size_t i = 0; i < e->band_count; i++) {
        hyoka_decimal m;
        if (hyoka_decimal_from_parts(e->bands[i].coefficient, e->bands[i].scale, &m) != HYOKA_OK)
            return 24;
        if (hyoka_scheme_band_at(s, i, &d, &code, &label) != HYOKA_OK)
            return 25;
        if (!hyoka_decimal_identical(&d, &m) || !streq(code, e->bands[i].code) || !streq(label, e->bands[i].label))
            return 26;
    }
    v = hyoka_scheme_missing_rating(s, &code, &label);
    if (v != (e->missing_code != NULL))
        return 27;
    if (!streq(code, e->missing_code) || !streq(label, e->missing_label))
        return 28;
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Built-ins                                                                 */

static void test_builtin_lookup(void **state)
{
    (void)state;
    assert_int_equal(hyoka_scheme_builtin_count(), N(expected));
    for (size_t i = 0; i < N(expected); i++) {
        const hyoka_scheme *s = hyoka_scheme_builtin_at(i);
        assert_non_null(s);
        assert_string_equal(hyoka_scheme_id(s), expected[i].id);
        assert_ptr_equal(hyoka_scheme_builtin(expected[i].id, HYOKA_NTS), s);
        assert_ptr_equal(hyoka_scheme_builtin(expected[i].id, strlen(expected[i].id)), s);
        assert_int_equal(hyoka_scheme_is_builtin(s), 1);
    }
    assert_null(hyoka_scheme_builtin_at(N(expected)));
    assert_null(hyoka_scheme_builtin_at((size_t)-1));
    /* Explicit lengths: a prefix or a longer text is another id. */
    assert_ptr_equal(hyoka_scheme_builtin("oecd-dac-extra", 8), hyoka_scheme_builtin_at(2));
    assert_null(hyoka_scheme_builtin("oecd-dac", 4));
    assert_null(hyoka_scheme_builtin("oecd-dac\0x", 10));
    assert_null(hyoka_scheme_builtin("jp-Standard", HYOKA_NTS));
    assert_null(hyoka_scheme_builtin("", HYOKA_NTS));
    assert_null(hyoka_scheme_builtin("jp-standard", 0));
    assert_null(hyoka_scheme_builtin(NULL, HYOKA_NTS));
    assert_int_equal(hyoka_scheme_is_builtin(NULL), 0);
}

static void test_builtin_jp_standard(void **state)
{
    const hyoka_scheme *s = hyoka_scheme_builtin("jp-standard", HYOKA_NTS);
    (void)state;
    assert_int_equal(scheme_matches(s, &expected[0]), 0);
    /* Spot checks spelled out. */
    {
        size_t i = 99;
        int g = -5;
        const char *label = NULL;
        assert_int_equal(hyoka_scheme_find_verdict(s, "complete", HYOKA_NTS, &i), HYOKA_OK);
        assert_int_equal(hyoka_scheme_verdict_at(s, i, NULL, &label, &g), HYOKA_OK);
        assert_string_equal(label, "完了");
        assert_int_equal(g, HYOKA_VERDICT_END);
        assert_int_equal(hyoka_scheme_find_budget(s, "increase", HYOKA_NTS, &i), HYOKA_OK);
        assert_int_equal(hyoka_scheme_budget_at(s, i, NULL, NULL, &g), HYOKA_OK);
        assert_int_equal(g, HYOKA_BUDGET_INCREASE);
        assert_int_equal(hyoka_scheme_find_criterion(s, "contribution", HYOKA_NTS, &i), HYOKA_OK);
        assert_int_equal(i, 4);
    }
    {
        hyoka_decimal min;
        assert_int_equal(hyoka_scheme_band_at(s, 0, &min, NULL, NULL), HYOKA_OK);
        assert_dec(&min, 25, 1);
        assert_int_equal(hyoka_scheme_band_at(s, 2, &min, NULL, NULL), HYOKA_OK);
        assert_dec(&min, 0, 0);
    }
    assert_int_equal(hyoka_scheme_missing_rating(s, NULL, NULL), 0);
}

static void test_builtin_us_omb_part(void **state)
{
    const hyoka_scheme *s = hyoka_scheme_builtin("us-omb-part", HYOKA_NTS);
    hyoka_decimal w, lo, hi;
    int has_lo = -1, has_hi = -1;
    const char *code = NULL, *label = NULL;
    (void)state;
    assert_int_equal(scheme_matches(s, &expected[1]), 0);
    assert_int_equal(hyoka_scheme_criterion_at(s, 3, &code, NULL, &w), HYOKA_OK);
    assert_string_equal(code, "results");
    assert_dec(&w, 50, 0);
    assert_int_equal(hyoka_scheme_required(s, 3), 1);
    assert_int_equal(hyoka_scheme_required(s, 0), 0);
    assert_int_equal(hyoka_scheme_range(s, 0, &lo, &has_lo, &hi, &has_hi), 1);
    assert_int_equal(has_lo, 1);
    assert_int_equal(has_hi, 1);
    assert_dec(&lo, 0, 0);
    assert_dec(&hi, 100, 0);
    assert_int_equal(hyoka_scheme_missing_rating(s, &code, &label), 1);
    assert_string_equal(code, "results_not_demonstrated");
    assert_string_equal(label, "Results Not Demonstrated");
    assert_int_equal(hyoka_scheme_verdict_count(s), 0);
    assert_int_equal(hyoka_scheme_budget_count(s), 0);
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_scheme_verdict_at(s, 0, NULL, NULL, NULL));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_scheme_find_budget(s, "end", HYOKA_NTS, NULL));
}

static void test_builtin_oecd_dac(void **state)
{
    const hyoka_scheme *s = hyoka_scheme_builtin("oecd-dac", HYOKA_NTS);
    hyoka_decimal d;
    const char *code = NULL;
    (void)state;
    assert_int_equal(scheme_matches(s, &expected[2]), 0);
    assert_int_equal(hyoka_scheme_option_at(s, 5, 0, &code, NULL, &d, NULL), HYOKA_OK);
    assert_string_equal(code, "4");
    assert_dec(&d, 4, 0);
    assert_int_equal(hyoka_scheme_band_at(s, 0, &d, &code, NULL), HYOKA_OK);
    assert_string_equal(code, "highly_satisfactory");
    assert_dec(&d, 35, 1);
    assert_int_equal(hyoka_scheme_verdict_count(s), 0);
    assert_int_equal(hyoka_scheme_budget_count(s), 0);
    assert_int_equal(hyoka_scheme_missing_rating(s, NULL, NULL), 0);
}

static void test_builtin_mutators_refused(void **state)
{
    hyoka_decimal one = hyoka_decimal_from_int(1), two = hyoka_decimal_from_int(2);
    (void)state;
    for (size_t i = 0; i < hyoka_scheme_builtin_count(); i++) {
        hyoka_scheme *b = mutable_builtin(expected[i].id);
        hyoka_scheme *snap = snapshot(b);
        size_t index = 77;

        EXPECT_FAIL(HYOKA_ESTATE, hyoka_scheme_set_name(b, "x", HYOKA_NTS));
        EXPECT_FAIL(HYOKA_ESTATE, hyoka_scheme_set_name(b, NULL, 0));
        EXPECT_FAIL(HYOKA_ESTATE, hyoka_scheme_add_criterion(b, "new", HYOKA_NTS, "l", HYOKA_NTS, NULL, &index));
        assert_int_equal(index, 77);
        EXPECT_FAIL(HYOKA_ESTATE, hyoka_scheme_add_criterion(b, "relevance", HYOKA_NTS, NULL, 0, &one, NULL));
        EXPECT_FAIL(HYOKA_ESTATE, hyoka_scheme_set_required(b, 0, 1));
        EXPECT_FAIL(HYOKA_ESTATE, hyoka_scheme_set_required(b, 0, 0));
        EXPECT_FAIL(HYOKA_ESTATE, hyoka_scheme_add_option(b, 0, "Z", HYOKA_NTS, "z", HYOKA_NTS, &one));
        EXPECT_FAIL(HYOKA_ESTATE, hyoka_scheme_set_range(b, 0, &one, &two));
        EXPECT_FAIL(HYOKA_ESTATE, hyoka_scheme_set_range(b, 0, NULL, NULL));
        EXPECT_FAIL(HYOKA_ESTATE, hyoka_scheme_add_verdict(b, "zz", HYOKA_NTS, NULL, 0, HYOKA_VERDICT_END));
        EXPECT_FAIL(HYOKA_ESTATE, hyoka_scheme_add_budget(b, "zz", HYOKA_NTS, NULL, 0, HYOKA_BUDGET_SAME));
        EXPECT_FAIL(HYOKA_ESTATE, hyoka_scheme_add_band(b, &two, "zz", HYOKA_NTS, NULL, 0));
        EXPECT_FAIL(HYOKA_ESTATE, hyoka_scheme_set_missing_rating(b, "zz", HYOKA_NTS, "z", HYOKA_NTS));
        EXPECT_FAIL(HYOKA_ESTATE, hyoka_scheme_set_missing_rating(b, NULL, 0, NULL, 0));
        /* Freeing a built-in is ignored. */
        hyoka_scheme_free(b);

        assert_true(hyoka_scheme_equal(b, snap));
        assert_int_equal(scheme_matches(b, &expected[i]), 0);
        hyoka_scheme_free(snap);
    }
}

/* ------------------------------------------------------------------------ */
/* Creation and identity                                                     */

static void test_new_and_free(void **state)
{
    hyoka_scheme *s = NULL;
    hyoka_scheme *const sentinel = (hyoka_scheme *)(uintptr_t)&s;
    hyoka_scheme *out;
    (void)state;

    assert_int_equal(hyoka_scheme_new(&s, "city-3point", HYOKA_NTS), HYOKA_OK);
    assert_string_equal(hyoka_scheme_id(s), "city-3point");
    assert_null(hyoka_scheme_name(s));
    assert_int_equal(hyoka_scheme_is_builtin(s), 0);
    assert_int_equal(hyoka_scheme_criterion_count(s), 0);
    assert_int_equal(hyoka_scheme_verdict_count(s), 0);
    assert_int_equal(hyoka_scheme_budget_count(s), 0);
    assert_int_equal(hyoka_scheme_band_count(s), 0);
    assert_int_equal(hyoka_scheme_missing_rating(s, NULL, NULL), 0);
    hyoka_scheme_free(s);

    /* Explicit length; Japanese id. */
    assert_int_equal(hyoka_scheme_new(&s, "所沢市方式XYZ", strlen("所沢市方式")), HYOKA_OK);
    assert_string_equal(hyoka_scheme_id(s), "所沢市方式");
    hyoka_scheme_free(s);

    /* The id of a built-in is allowed: a custom scheme may replace it in a document. */
    assert_int_equal(hyoka_scheme_new(&s, "jp-standard", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_scheme_is_builtin(s), 0);
    hyoka_scheme_free(s);

    out = sentinel;
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_new(&out, NULL, HYOKA_NTS));
    assert_ptr_equal(out, sentinel);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_new(NULL, "id", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_new(&out, "", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_new(&out, "abc", 0));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_new(&out, bad_utf8, HYOKA_NTS));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_new(&out, "\xE6\x89", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_new(&out, with_nul, WITH_NUL_LEN));
    assert_ptr_equal(out, sentinel);

    hyoka_scheme_free(NULL);
    assert_null(hyoka_scheme_id(NULL));
    assert_null(hyoka_scheme_name(NULL));
    assert_int_equal(hyoka_scheme_criterion_count(NULL), 0);
    assert_int_equal(hyoka_scheme_verdict_count(NULL), 0);
    assert_int_equal(hyoka_scheme_budget_count(NULL), 0);
    assert_int_equal(hyoka_scheme_band_count(NULL), 0);
    assert_int_equal(hyoka_scheme_option_count(NULL, 0), 0);
    assert_int_equal(hyoka_scheme_required(NULL, 0), 0);
}

static void test_text_limit(void **state)
{
    int64_t max = hyoka_limit(HYOKA_LIMIT_TEXT_MAX);
    size_t n = (size_t)max + 1;
    char *big = malloc(n);
    hyoka_scheme *s = new_scheme("s"), *snap, *out = NULL;
    (void)state;
    assert_true(max > 0);
    assert_non_null(big);
    memset(big, 'a', n);
    snap = snapshot(s);
    EXPECT_FAIL(HYOKA_ELIMIT, hyoka_scheme_new(&out, big, n));
    assert_null(out);
    EXPECT_FAIL(HYOKA_ELIMIT, hyoka_scheme_set_name(s, big, n));
    EXPECT_FAIL(HYOKA_ELIMIT, hyoka_scheme_add_criterion(s, "c", HYOKA_NTS, big, n, NULL, NULL));
    EXPECT_FAIL(HYOKA_ELIMIT, hyoka_scheme_add_verdict(s, big, n, NULL, 0, HYOKA_VERDICT_CONTINUE));
    assert_true(hyoka_scheme_equal(s, snap));
    /* At the limit exactly it is accepted. */
    assert_int_equal(hyoka_scheme_set_name(s, big, n - 1), HYOKA_OK);
    assert_int_equal(strlen(hyoka_scheme_name(s)), n - 1);
    free(big);
    hyoka_scheme_free(s);
    hyoka_scheme_free(snap);
}

static void test_set_name(void **state)
{
    hyoka_scheme *s = new_scheme("s"), *snap;
    (void)state;
    assert_int_equal(hyoka_scheme_set_name(s, "3段階評点", HYOKA_NTS), HYOKA_OK);
    assert_string_equal(hyoka_scheme_name(s), "3段階評点");
    assert_int_equal(hyoka_scheme_set_name(s, "3段階評点(旧)", strlen("3段階評点")), HYOKA_OK);
    assert_string_equal(hyoka_scheme_name(s), "3段階評点");
    assert_int_equal(hyoka_scheme_set_name(s, "", HYOKA_NTS), HYOKA_OK);
    assert_string_equal(hyoka_scheme_name(s), "");
    assert_int_equal(hyoka_scheme_set_name(s, NULL, 0), HYOKA_OK);
    assert_null(hyoka_scheme_name(s));
    assert_int_equal(hyoka_scheme_set_name(s, "kept", HYOKA_NTS), HYOKA_OK);

    snap = snapshot(s);
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_set_name(s, bad_utf8, HYOKA_NTS));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_set_name(s, with_nul, WITH_NUL_LEN));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_set_name(s, "\xED\xA0\x80", HYOKA_NTS)); /* surrogate */
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_set_name(NULL, "x", HYOKA_NTS));
    assert_string_equal(hyoka_scheme_name(s), "kept");
    assert_true(hyoka_scheme_equal(s, snap));
    hyoka_scheme_free(snap);
    hyoka_scheme_free(s);
}

/* ------------------------------------------------------------------------ */
/* Criteria                                                                  */

static void test_add_criterion(void **state)
{
    hyoka_scheme *s = new_scheme("s"), *snap;
    hyoka_decimal half = dec(5, 1), zero = dec(0, 0), neg = dec(-1, 2), w;
    hyoka_decimal garbage;
    size_t index = 99;
    const char *code = NULL, *label = NULL;
    (void)state;

    assert_int_equal(hyoka_scheme_add_criterion(s, "relevance", HYOKA_NTS, "妥当性", HYOKA_NTS, NULL, &index),
                     HYOKA_OK);
    assert_int_equal(index, 0);
    assert_int_equal(hyoka_scheme_add_criterion(s, "efficiencyXX", 10, "経済性です", strlen("経済性"), &half, &index),
                     HYOKA_OK);
    assert_int_equal(index, 1);
    assert_int_equal(hyoka_scheme_add_criterion(s, "achievement", HYOKA_NTS, NULL, 0, &zero, NULL), HYOKA_OK);
    assert_int_equal(hyoka_scheme_criterion_count(s), 3);

    assert_int_equal(hyoka_scheme_criterion_at(s, 0, &code, &label, &w), HYOKA_OK);
    assert_string_equal(code, "relevance");
    assert_string_equal(label, "妥当性");
    assert_dec(&w, 1, 0);
    assert_int_equal(hyoka_scheme_criterion_at(s, 1, &code, &label, &w), HYOKA_OK);
    assert_string_equal(code, "efficiency");
    assert_string_equal(label, "経済性");
    assert_dec(&w, 5, 1);
    assert_int_equal(hyoka_scheme_criterion_at(s, 2, &code, &label, &w), HYOKA_OK);
    assert_string_equal(code, "achievement");
    assert_null(label);
    assert_dec(&w, 0, 0);
    assert_int_equal(hyoka_scheme_criterion_at(s, 2, NULL, NULL, NULL), HYOKA_OK);
    /* A new criterion is categorical, without options, not required. */
    assert_int_equal(hyoka_scheme_range(s, 2, NULL, NULL, NULL, NULL), 0);
    assert_int_equal(hyoka_scheme_option_count(s, 2), 0);
    assert_int_equal(hyoka_scheme_required(s, 2), 0);

    assert_int_equal(hyoka_scheme_find_criterion(s, "efficiency", HYOKA_NTS, &index), HYOKA_OK);
    assert_int_equal(index, 1);
    assert_int_equal(hyoka_scheme_find_criterion(s, "achievement!", 11, &index), HYOKA_OK);
    assert_int_equal(index, 2);
    assert_int_equal(hyoka_scheme_find_criterion(s, "relevance", HYOKA_NTS, NULL), HYOKA_OK);
    index = 42;
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_scheme_find_criterion(s, "relevance", 3, &index));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_scheme_find_criterion(s, "Relevance", HYOKA_NTS, &index));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_scheme_find_criterion(s, "relevance\0", 10, &index));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_scheme_find_criterion(s, "", HYOKA_NTS, &index));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_find_criterion(s, NULL, HYOKA_NTS, &index));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_find_criterion(NULL, "relevance", HYOKA_NTS, &index));
    assert_int_equal(index, 42);
    code = label = "untouched";
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_scheme_criterion_at(s, 3, &code, &label, NULL));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_scheme_criterion_at(s, (size_t)-1, &code, &label, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_criterion_at(NULL, 0, &code, &label, NULL));
    assert_string_equal(code, "untouched");

    /* Bad input: nothing changes. */
    memset(&garbage, 0x7f, sizeof garbage);
    snap = snapshot(s);
    index = 42;
    EXPECT_FAIL(HYOKA_EEXIST, hyoka_scheme_add_criterion(s, "relevance", HYOKA_NTS, "dup", HYOKA_NTS, NULL, &index));
    EXPECT_FAIL(HYOKA_EEXIST, hyoka_scheme_add_criterion(s, "relevance!", 9, NULL, 0, NULL, &index));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_criterion(s, NULL, 0, "l", HYOKA_NTS, NULL, &index));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_criterion(s, "", HYOKA_NTS, "l", HYOKA_NTS, NULL, &index));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_criterion(s, "x", 0, "l", HYOKA_NTS, NULL, &index));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_add_criterion(s, bad_utf8, HYOKA_NTS, NULL, 0, NULL, &index));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_add_criterion(s, with_nul, WITH_NUL_LEN, NULL, 0, NULL, &index));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_add_criterion(s, "new", HYOKA_NTS, bad_utf8, HYOKA_NTS, NULL, &index));
    EXPECT_FAIL(HYOKA_EENCODING,
                hyoka_scheme_add_criterion(s, "new", HYOKA_NTS, with_nul, WITH_NUL_LEN, NULL, &index));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_criterion(s, "new", HYOKA_NTS, NULL, 0, &neg, &index));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_criterion(s, "new", HYOKA_NTS, NULL, 0, &garbage, &index));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_criterion(NULL, "new", HYOKA_NTS, NULL, 0, NULL, &index));
    assert_int_equal(index, 42);
    assert_true(hyoka_scheme_equal(s, snap));
    assert_int_equal(hyoka_scheme_criterion_count(s), 3);

    hyoka_scheme_free(snap);
    hyoka_scheme_free(s);
}

static void test_required(void **state)
{
    hyoka_scheme *s = new_scheme("s"), *snap;
    (void)state;
    assert_int_equal(hyoka_scheme_add_criterion(s, "a", HYOKA_NTS, NULL, 0, NULL, NULL), HYOKA_OK);
    assert_int_equal(hyoka_scheme_add_criterion(s, "b", HYOKA_NTS, NULL, 0, NULL, NULL), HYOKA_OK);
    assert_int_equal(hyoka_scheme_required(s, 0), 0);
    assert_int_equal(hyoka_scheme_set_required(s, 1, 1), HYOKA_OK);
    assert_int_equal(hyoka_scheme_required(s, 0), 0);
    assert_int_equal(hyoka_scheme_required(s, 1), 1);
    assert_int_equal(hyoka_scheme_set_required(s, 0, 7), HYOKA_OK); /* any non-zero is true */
    assert_int_equal(hyoka_scheme_required(s, 0), 1);
    assert_int_equal(hyoka_scheme_set_required(s, 0, 0), HYOKA_OK);
    assert_int_equal(hyoka_scheme_required(s, 0), 0);
    assert_int_equal(hyoka_scheme_required(s, 2), 0);
    assert_int_equal(hyoka_scheme_required(s, (size_t)-1), 0);

    snap = snapshot(s);
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_scheme_set_required(s, 2, 1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_set_required(NULL, 0, 1));
    assert_true(hyoka_scheme_equal(s, snap));
    hyoka_scheme_free(snap);
    hyoka_scheme_free(s);
}

/* ------------------------------------------------------------------------ */
/* Options and ranges                                                        */

static void test_options(void **state)
{
    hyoka_scheme *s = new_scheme("s"), *snap;
    hyoka_decimal three = hyoka_decimal_from_int(3), score = dec(15, 1), sc, garbage;
    const char *code = NULL, *label = NULL;
    int has = -1;
    (void)state;
    assert_int_equal(hyoka_scheme_add_criterion(s, "relevance", HYOKA_NTS, NULL, 0, NULL, NULL), HYOKA_OK);
    assert_int_equal(hyoka_scheme_add_criterion(s, "achievement", HYOKA_NTS, NULL, 0, NULL, NULL), HYOKA_OK);

    assert_int_equal(hyoka_scheme_add_option(s, 0, "3", HYOKA_NTS, "妥当", HYOKA_NTS, &three), HYOKA_OK);
    assert_int_equal(hyoka_scheme_add_option(s, 0, "2xx", 1, "どちらかといえば妥当", HYOKA_NTS, &score), HYOKA_OK);
    assert_int_equal(hyoka_scheme_add_option(s, 0, "n/a", HYOKA_NTS, NULL, 0, NULL), HYOKA_OK);
    /* The same code in another criterion is fine. */
    assert_int_equal(hyoka_scheme_add_option(s, 1, "3", HYOKA_NTS, "あがっている", HYOKA_NTS, &three), HYOKA_OK);
    assert_int_equal(hyoka_scheme_option_count(s, 0), 3);
    assert_int_equal(hyoka_scheme_option_count(s, 1), 1);
    assert_int_equal(hyoka_scheme_option_count(s, 2), 0);

    assert_int_equal(hyoka_scheme_option_at(s, 0, 0, &code, &label, &sc, &has), HYOKA_OK);
    assert_string_equal(code, "3");
    assert_string_equal(label, "妥当");
    assert_int_equal(has, 1);
    assert_dec(&sc, 3, 0);
    assert_int_equal(hyoka_scheme_option_at(s, 0, 1, &code, &label, &sc, &has), HYOKA_OK);
    assert_string_equal(code, "2");
    assert_string_equal(label, "どちらかといえば妥当");
    assert_dec(&sc, 15, 1);
    /* Without a score: has_score 0, score left alone. */
    sc = dec(777, 0);
    assert_int_equal(hyoka_scheme_option_at(s, 0, 2, &code, &label, &sc, &has), HYOKA_OK);
    assert_string_equal(code, "n/a");
    assert_null(label);
    assert_int_equal(has, 0);
    assert_dec(&sc, 777, 0);
    assert_int_equal(hyoka_scheme_option_at(s, 0, 2, NULL, NULL, NULL, NULL), HYOKA_OK);
    /* A criterion with options is categorical. */
    assert_int_equal(hyoka_scheme_range(s, 0, NULL, NULL, NULL, NULL), 0);

    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_scheme_option_at(s, 0, 3, &code, NULL, NULL, NULL));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_scheme_option_at(s, 2, 0, &code, NULL, NULL, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_option_at(NULL, 0, 0, &code, NULL, NULL, NULL));

    memset(&garbage, 0x7f, sizeof garbage);
    snap = snapshot(s);
    EXPECT_FAIL(HYOKA_EEXIST, hyoka_scheme_add_option(s, 0, "3", HYOKA_NTS, "again", HYOKA_NTS, NULL));
    EXPECT_FAIL(HYOKA_EEXIST, hyoka_scheme_add_option(s, 0, "n/a!", 3, NULL, 0, &three));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_scheme_add_option(s, 2, "x", HYOKA_NTS, NULL, 0, NULL));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_scheme_add_option(s, (size_t)-1, "x", HYOKA_NTS, NULL, 0, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_option(s, 0, NULL, 0, NULL, 0, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_option(s, 0, "", HYOKA_NTS, NULL, 0, NULL));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_add_option(s, 0, bad_utf8, HYOKA_NTS, NULL, 0, NULL));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_add_option(s, 0, with_nul, WITH_NUL_LEN, NULL, 0, NULL));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_add_option(s, 0, "x", HYOKA_NTS, bad_utf8, HYOKA_NTS, NULL));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_add_option(s, 0, "x", HYOKA_NTS, with_nul, WITH_NUL_LEN, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_option(s, 0, "x", HYOKA_NTS, NULL, 0, &garbage));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_option(NULL, 0, "x", HYOKA_NTS, NULL, 0, NULL));
    assert_true(hyoka_scheme_equal(s, snap));
    hyoka_scheme_free(snap);

    /* A numeric criterion refuses options. */
    assert_int_equal(hyoka_scheme_add_criterion(s, "score", HYOKA_NTS, NULL, 0, NULL, NULL), HYOKA_OK);
    assert_int_equal(hyoka_scheme_set_range(s, 2, NULL, NULL), HYOKA_OK);
    snap = snapshot(s);
    EXPECT_FAIL(HYOKA_ESTATE, hyoka_scheme_add_option(s, 2, "x", HYOKA_NTS, NULL, 0, NULL));
    assert_true(hyoka_scheme_equal(s, snap));
    assert_int_equal(hyoka_scheme_option_count(s, 2), 0);
    hyoka_scheme_free(snap);
    hyoka_scheme_free(s);
}

static void test_range(void **state)
{
    hyoka_scheme *s = new_scheme("s"), *snap;
    hyoka_decimal lo = dec(0, 0), hi = dec(1000, 1), mid = dec(5, 0), neg = dec(-25, 1);
    hyoka_decimal a, b, garbage;
    int has_a = -1, has_b = -1;
    (void)state;
    assert_int_equal(hyoka_scheme_add_criterion(s, "purpose", HYOKA_NTS, NULL, 0, NULL, NULL), HYOKA_OK);
    assert_int_equal(hyoka_scheme_add_criterion(s, "open", HYOKA_NTS, NULL, 0, NULL, NULL), HYOKA_OK);
    assert_int_equal(hyoka_scheme_add_criterion(s, "cat", HYOKA_NTS, NULL, 0, NULL, NULL), HYOKA_OK);
    assert_int_equal(hyoka_scheme_add_option(s, 2, "A", HYOKA_NTS, NULL, 0, NULL), HYOKA_OK);

    /* Categorical: 0, no bounds, outputs for the bounds untouched. */
    a = dec(9, 0);
    assert_int_equal(hyoka_scheme_range(s, 0, &a, &has_a, &b, &has_b), 0);
    assert_int_equal(has_a, 0);
    assert_int_equal(has_b, 0);
    assert_dec(&a, 9, 0);

    assert_int_equal(hyoka_scheme_set_range(s, 0, &lo, &hi), HYOKA_OK);
    assert_int_equal(hyoka_scheme_range(s, 0, &a, &has_a, &b, &has_b), 1);
    assert_int_equal(has_a, 1);
    assert_int_equal(has_b, 1);
    assert_dec(&a, 0, 0);
    assert_dec(&b, 1000, 1); /* scale kept */
    assert_int_equal(hyoka_scheme_range(s, 0, NULL, NULL, NULL, NULL), 1);

    /* Open bounds. */
    assert_int_equal(hyoka_scheme_set_range(s, 1, NULL, NULL), HYOKA_OK);
    assert_int_equal(hyoka_scheme_range(s, 1, &a, &has_a, &b, &has_b), 1);
    assert_int_equal(has_a, 0);
    assert_int_equal(has_b, 0);
    assert_int_equal(hyoka_scheme_set_range(s, 1, &neg, NULL), HYOKA_OK);
    assert_int_equal(hyoka_scheme_range(s, 1, &a, &has_a, &b, &has_b), 1);
    assert_int_equal(has_a, 1);
    assert_int_equal(has_b, 0);
    assert_dec(&a, -25, 1);
    assert_int_equal(hyoka_scheme_set_range(s, 1, NULL, &mid), HYOKA_OK);
    assert_int_equal(hyoka_scheme_range(s, 1, &a, &has_a, &b, &has_b), 1);
    assert_int_equal(has_a, 0);
    assert_int_equal(has_b, 1);
    assert_dec(&b, 5, 0);
    /* min == max is a valid (degenerate) range; 5 and 5.0 compare equal. */
    {
        hyoka_decimal five = dec(50, 1);
        assert_int_equal(hyoka_scheme_set_range(s, 1, &mid, &five), HYOKA_OK);
    }

    memset(&garbage, 0x7f, sizeof garbage);
    snap = snapshot(s);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_set_range(s, 0, &hi, &lo));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_set_range(s, 0, &mid, &neg));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_set_range(s, 0, &garbage, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_set_range(s, 0, NULL, &garbage));
    EXPECT_FAIL(HYOKA_ESTATE, hyoka_scheme_set_range(s, 2, &lo, &hi));
    EXPECT_FAIL(HYOKA_ESTATE, hyoka_scheme_set_range(s, 2, NULL, NULL));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_scheme_set_range(s, 3, &lo, &hi));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_set_range(NULL, 0, &lo, &hi));
    assert_true(hyoka_scheme_equal(s, snap));
    assert_int_equal(hyoka_scheme_range(s, 2, NULL, NULL, NULL, NULL), 0);

    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_range(s, 3, &a, &has_a, &b, &has_b));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_range(NULL, 0, &a, &has_a, &b, &has_b));
    hyoka_scheme_free(snap);
    hyoka_scheme_free(s);
}

/* ------------------------------------------------------------------------ */
/* Verdicts and budget directions                                            */

static void test_verdicts(void **state)
{
    hyoka_scheme *s = new_scheme("s"), *snap;
    const char *code = NULL, *label = NULL;
    int group = -9;
    size_t index = 99;
    (void)state;
    assert_int_equal(hyoka_scheme_add_verdict(s, "expand", HYOKA_NTS, "拡大", HYOKA_NTS, HYOKA_VERDICT_CONTINUE),
                     HYOKA_OK);
    assert_int_equal(hyoka_scheme_add_verdict(s, "maintain", HYOKA_NTS, "現状継続", HYOKA_NTS,
                                              HYOKA_VERDICT_CONTINUE), HYOKA_OK);
    assert_int_equal(hyoka_scheme_add_verdict(s, "suspend_abolishXX", 15, "休止・廃止", HYOKA_NTS,
                                              HYOKA_VERDICT_END), HYOKA_OK);
    assert_int_equal(hyoka_scheme_add_verdict(s, "end", HYOKA_NTS, NULL, 0, HYOKA_VERDICT_END), HYOKA_OK);
    assert_int_equal(hyoka_scheme_verdict_count(s), 4);

    assert_int_equal(hyoka_scheme_verdict_at(s, 2, &code, &label, &group), HYOKA_OK);
    assert_string_equal(code, "suspend_abolish");
    assert_string_equal(label, "休止・廃止");
    assert_int_equal(group, HYOKA_VERDICT_END);
    assert_int_equal(hyoka_scheme_verdict_at(s, 3, &code, &label, &group), HYOKA_OK);
    assert_string_equal(code, "end");
    assert_null(label);
    assert_int_equal(hyoka_scheme_verdict_at(s, 0, NULL, NULL, &group), HYOKA_OK);
    assert_int_equal(group, HYOKA_VERDICT_CONTINUE);
    assert_int_equal(hyoka_scheme_verdict_at(s, 0, NULL, NULL, NULL), HYOKA_OK);

    assert_int_equal(hyoka_scheme_find_verdict(s, "maintain", HYOKA_NTS, &index), HYOKA_OK);
    assert_int_equal(index, 1);
    assert_int_equal(hyoka_scheme_find_verdict(s, "end", HYOKA_NTS, NULL), HYOKA_OK);
    index = 99;
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_scheme_find_verdict(s, "en", HYOKA_NTS, &index));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_scheme_find_verdict(s, "end", 2, &index));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_find_verdict(s, NULL, 0, &index));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_find_verdict(NULL, "end", HYOKA_NTS, &index));
    assert_int_equal(index, 99);
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_scheme_verdict_at(s, 4, &code, NULL, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_verdict_at(NULL, 0, &code, NULL, NULL));

    snap = snapshot(s);
    EXPECT_FAIL(HYOKA_EEXIST, hyoka_scheme_add_verdict(s, "expand", HYOKA_NTS, NULL, 0, HYOKA_VERDICT_END));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_verdict(s, "x", HYOKA_NTS, NULL, 0, -1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_verdict(s, "x", HYOKA_NTS, NULL, 0, HYOKA_UNSET));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_verdict(s, "x", HYOKA_NTS, NULL, 0, 2));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_verdict(s, NULL, 0, "l", HYOKA_NTS, HYOKA_VERDICT_END));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_verdict(s, "", HYOKA_NTS, "l", HYOKA_NTS, HYOKA_VERDICT_END));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_add_verdict(s, bad_utf8, HYOKA_NTS, NULL, 0, HYOKA_VERDICT_END));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_add_verdict(s, with_nul, WITH_NUL_LEN, NULL, 0, HYOKA_VERDICT_END));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_add_verdict(s, "x", HYOKA_NTS, bad_utf8, HYOKA_NTS, 0));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_add_verdict(s, "x", HYOKA_NTS, with_nul, WITH_NUL_LEN, 0));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_verdict(NULL, "x", HYOKA_NTS, NULL, 0, 0));
    assert_true(hyoka_scheme_equal(s, snap));
    hyoka_scheme_free(snap);
    hyoka_scheme_free(s);
}

static void test_budgets(void **state)
{
    hyoka_scheme *s = new_scheme("s"), *snap;
    const char *code = NULL, *label = NULL;
    int kind = -9;
    size_t index = 99;
    (void)state;
    assert_int_equal(hyoka_scheme_add_budget(s, "status_quo", HYOKA_NTS, "現状どおり", HYOKA_NTS, HYOKA_BUDGET_SAME),
                     HYOKA_OK);
    assert_int_equal(hyoka_scheme_add_budget(s, "up", HYOKA_NTS, "増額", HYOKA_NTS, HYOKA_BUDGET_INCREASE), HYOKA_OK);
    assert_int_equal(hyoka_scheme_add_budget(s, "downward", 4, NULL, 0, HYOKA_BUDGET_DECREASE), HYOKA_OK);
    assert_int_equal(hyoka_scheme_add_budget(s, "end", HYOKA_NTS, "終了", HYOKA_NTS, HYOKA_BUDGET_END), HYOKA_OK);
    assert_int_equal(hyoka_scheme_budget_count(s), 4);

    assert_int_equal(hyoka_scheme_budget_at(s, 2, &code, &label, &kind), HYOKA_OK);
    assert_string_equal(code, "down");
    assert_null(label);
    assert_int_equal(kind, HYOKA_BUDGET_DECREASE);
    assert_int_equal(hyoka_scheme_budget_at(s, 3, &code, &label, &kind), HYOKA_OK);
    assert_string_equal(code, "end");
    assert_string_equal(label, "終了");
    assert_int_equal(kind, HYOKA_BUDGET_END);
    assert_int_equal(hyoka_scheme_budget_at(s, 1, NULL, NULL, NULL), HYOKA_OK);

    assert_int_equal(hyoka_scheme_find_budget(s, "down", HYOKA_NTS, &index), HYOKA_OK);
    assert_int_equal(index, 2);
    index = 99;
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_scheme_find_budget(s, "downward", HYOKA_NTS, &index));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_find_budget(s, NULL, 0, &index));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_find_budget(NULL, "down", HYOKA_NTS, &index));
    assert_int_equal(index, 99);
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_scheme_budget_at(s, 4, &code, NULL, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_budget_at(NULL, 0, &code, NULL, NULL));

    snap = snapshot(s);
    EXPECT_FAIL(HYOKA_EEXIST, hyoka_scheme_add_budget(s, "up", HYOKA_NTS, NULL, 0, HYOKA_BUDGET_SAME));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_budget(s, "x", HYOKA_NTS, NULL, 0, -1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_budget(s, "x", HYOKA_NTS, NULL, 0, 4));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_budget(s, NULL, 0, NULL, 0, HYOKA_BUDGET_SAME));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_budget(s, "", 0, NULL, 0, HYOKA_BUDGET_SAME));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_add_budget(s, bad_utf8, HYOKA_NTS, NULL, 0, HYOKA_BUDGET_SAME));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_add_budget(s, with_nul, WITH_NUL_LEN, NULL, 0, HYOKA_BUDGET_SAME));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_add_budget(s, "x", HYOKA_NTS, bad_utf8, HYOKA_NTS, 0));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_add_budget(s, "x", HYOKA_NTS, with_nul, WITH_NUL_LEN, 0));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_budget(NULL, "x", HYOKA_NTS, NULL, 0, 0));
    assert_true(hyoka_scheme_equal(s, snap));
    hyoka_scheme_free(snap);
    hyoka_scheme_free(s);
}

/* ------------------------------------------------------------------------ */
/* Rating                                                                    */

static void test_bands(void **state)
{
    hyoka_scheme *s = new_scheme("s"), *snap;
    hyoka_decimal m85 = dec(85, 0), m70 = dec(700, 1), m50 = dec(50, 0), m0 = dec(0, 0), mneg = dec(-10, 0);
    hyoka_decimal m85b = dec(8500, 2), min, garbage;
    const char *code = NULL, *label = NULL;
    static const char *const order[] = {"effective", "moderately_effective", "adequate", "ineffective", "negative"};
    (void)state;
    /* Added out of order: kept sorted by min, highest first. */
    assert_int_equal(hyoka_scheme_add_band(s, &m50, "adequate", HYOKA_NTS, "Adequate", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_scheme_add_band(s, &m85, "effective", HYOKA_NTS, "Effective", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_scheme_add_band(s, &m0, "ineffective", HYOKA_NTS, NULL, 0), HYOKA_OK);
    assert_int_equal(hyoka_scheme_add_band(s, &m70, "moderately_effectiveXX", 20, "Moderately Effective",
                                           HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_scheme_add_band(s, &mneg, "negative", HYOKA_NTS, NULL, 0), HYOKA_OK);
    assert_int_equal(hyoka_scheme_band_count(s), 5);
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(hyoka_scheme_band_at(s, i, NULL, &code, NULL), HYOKA_OK);
        assert_string_equal(code, order[i]);
    }
    assert_int_equal(hyoka_scheme_band_at(s, 1, &min, &code, &label), HYOKA_OK);
    assert_dec(&min, 700, 1);
    assert_string_equal(label, "Moderately Effective");
    assert_int_equal(hyoka_scheme_band_at(s, 3, &min, &code, &label), HYOKA_OK);
    assert_dec(&min, 0, 0);
    assert_null(label);
    assert_int_equal(hyoka_scheme_band_at(s, 4, &min, NULL, NULL), HYOKA_OK);
    assert_dec(&min, -10, 0);
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_scheme_band_at(s, 5, &min, &code, &label));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_band_at(NULL, 0, &min, &code, &label));

    memset(&garbage, 0x7f, sizeof garbage);
    snap = snapshot(s);
    EXPECT_FAIL(HYOKA_EEXIST, hyoka_scheme_add_band(s, &m85b, "top", HYOKA_NTS, NULL, 0)); /* 85.00 == 85 */
    EXPECT_FAIL(HYOKA_EEXIST, hyoka_scheme_add_band(s, &m0, "zero", HYOKA_NTS, NULL, 0));
    {
        hyoka_decimal m60 = dec(60, 0);
        EXPECT_FAIL(HYOKA_EEXIST, hyoka_scheme_add_band(s, &m60, "adequate", HYOKA_NTS, NULL, 0));
    }
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_band(s, NULL, "x", HYOKA_NTS, NULL, 0));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_band(s, &garbage, "x", HYOKA_NTS, NULL, 0));
    {
        hyoka_decimal m99 = dec(99, 0);
        EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_band(s, &m99, NULL, 0, NULL, 0));
        EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_band(s, &m99, "", HYOKA_NTS, NULL, 0));
        EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_add_band(s, &m99, bad_utf8, HYOKA_NTS, NULL, 0));
        EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_add_band(s, &m99, with_nul, WITH_NUL_LEN, NULL, 0));
        EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_add_band(s, &m99, "x", HYOKA_NTS, bad_utf8, HYOKA_NTS));
        EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_add_band(s, &m99, "x", HYOKA_NTS, with_nul, WITH_NUL_LEN));
        EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_add_band(NULL, &m99, "x", HYOKA_NTS, NULL, 0));
    }
    assert_true(hyoka_scheme_equal(s, snap));
    hyoka_scheme_free(snap);
    hyoka_scheme_free(s);
}

static void test_missing_rating(void **state)
{
    hyoka_scheme *s = new_scheme("s"), *snap;
    const char *code = "untouched", *label = "untouched";
    (void)state;
    assert_int_equal(hyoka_scheme_missing_rating(s, &code, &label), 0);
    assert_null(code);
    assert_null(label);
    assert_int_equal(hyoka_scheme_set_missing_rating(s, "rnd", HYOKA_NTS, "Results Not Demonstrated", HYOKA_NTS),
                     HYOKA_OK);
    assert_int_equal(hyoka_scheme_missing_rating(s, &code, &label), 1);
    assert_string_equal(code, "rnd");
    assert_string_equal(label, "Results Not Demonstrated");
    assert_int_equal(hyoka_scheme_missing_rating(s, NULL, NULL), 1);
    /* Replace, with an explicit length and no label. */
    assert_int_equal(hyoka_scheme_set_missing_rating(s, "unknown!", 7, NULL, 0), HYOKA_OK);
    assert_int_equal(hyoka_scheme_missing_rating(s, &code, &label), 1);
    assert_string_equal(code, "unknown");
    assert_null(label);
    assert_int_equal(hyoka_scheme_set_missing_rating(s, "rnd", HYOKA_NTS, "データなし", HYOKA_NTS), HYOKA_OK);

    snap = snapshot(s);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_set_missing_rating(s, "", HYOKA_NTS, "x", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_set_missing_rating(s, "x", 0, "x", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_set_missing_rating(s, bad_utf8, HYOKA_NTS, NULL, 0));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_set_missing_rating(s, with_nul, WITH_NUL_LEN, NULL, 0));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_set_missing_rating(s, "x", HYOKA_NTS, bad_utf8, HYOKA_NTS));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_scheme_set_missing_rating(s, "x", HYOKA_NTS, with_nul, WITH_NUL_LEN));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_set_missing_rating(NULL, "x", HYOKA_NTS, NULL, 0));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_missing_rating(NULL, &code, &label));
    assert_true(hyoka_scheme_equal(s, snap));
    assert_int_equal(hyoka_scheme_missing_rating(s, &code, &label), 1);
    assert_string_equal(label, "データなし");
    hyoka_scheme_free(snap);

    /* A NULL code removes it, label and all. */
    assert_int_equal(hyoka_scheme_set_missing_rating(s, NULL, 0, "ignored", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_scheme_missing_rating(s, &code, &label), 0);
    assert_null(code);
    assert_null(label);
    assert_int_equal(hyoka_scheme_set_missing_rating(s, NULL, 0, NULL, 0), HYOKA_OK);
    assert_int_equal(hyoka_scheme_missing_rating(s, NULL, NULL), 0);
    hyoka_scheme_free(s);
}

/* ------------------------------------------------------------------------ */
/* Copy and equality                                                         */

/* Build a scheme that uses every feature. @p variant 0 is the reference;
 * each other variant differs from it in exactly one field. Returns the
 * status of the first failing call (for allocation sweeps). */
enum {
    V_REF,
    V_ID,
    V_NAME,
    V_NO_NAME,
    V_CRIT_CODE,
    V_CRIT_LABEL,
    V_CRIT_NO_LABEL,
    V_CRIT_WEIGHT,
    V_CRIT_WEIGHT_SCALE,
    V_CRIT_REQUIRED,
    V_CRIT_EXTRA,
    V_CRIT_ORDER,
    V_OPT_CODE,
    V_OPT_LABEL,
    V_OPT_SCORE,
    V_OPT_SCORE_SCALE,
    V_OPT_NO_SCORE,
    V_OPT_EXTRA,
    V_RANGE_MIN,
    V_RANGE_MAX_SCALE,
    V_RANGE_OPEN_MAX,
    V_RANGE_NONE,
    V_VERDICT_CODE,
    V_VERDICT_LABEL,
    V_VERDICT_GROUP,
    V_VERDICT_EXTRA,
    V_BUDGET_CODE,
    V_BUDGET_LABEL,
    V_BUDGET_KIND,
    V_BUDGET_NONE,
    V_BAND_MIN,
    V_BAND_MIN_SCALE,
    V_BAND_CODE,
    V_BAND_LABEL,
    V_BAND_EXTRA,
    V_MISSING_CODE,
    V_MISSING_LABEL,
    V_MISSING_NONE,
    V_COUNT
};

#define TRY(call)                    \
    do {                             \
        int rc_ = (call);            \
        if (rc_ != HYOKA_OK) {       \
            hyoka_scheme_free(s);    \
            return rc_;              \
        }                            \
    } while (0)

static int build_full(int v, hyoka_scheme **out)
{
    hyoka_scheme *s = NULL;
    hyoka_decimal w1 = hyoka_decimal_from_int(1), w2 = hyoka_decimal_from_int(2);
    hyoka_decimal w = v == V_CRIT_WEIGHT ? hyoka_decimal_from_int(3) : w2;
    hyoka_decimal sc3 = hyoka_decimal_from_int(3), sc2 = hyoka_decimal_from_int(2);
    hyoka_decimal lo = hyoka_decimal_from_int(0), hi = hyoka_decimal_from_int(100);
    hyoka_decimal b85 = hyoka_decimal_from_int(85), b0 = hyoka_decimal_from_int(0);
    int rc;

    if (v == V_CRIT_WEIGHT_SCALE)
        (void)hyoka_decimal_from_parts(20, 1, &w); /* 2.0: same value, other scale */
    if (v == V_OPT_SCORE)
        sc2 = hyoka_decimal_from_int(1);
    if (v == V_OPT_SCORE_SCALE)
        (void)hyoka_decimal_from_parts(200, 2, &sc2);
    if (v == V_RANGE_MIN)
        lo = hyoka_decimal_from_int(1);
    if (v == V_RANGE_MAX_SCALE)
        (void)hyoka_decimal_from_parts(1000, 1, &hi);
    if (v == V_BAND_MIN)
        b85 = hyoka_decimal_from_int(80);
    if (v == V_BAND_MIN_SCALE)
        (void)hyoka_decimal_from_parts(850, 1, &b85);

    rc = hyoka_scheme_new(&s, v == V_ID ? "city-other" : "city-full", HYOKA_NTS);
    if (rc != HYOKA_OK)
        return rc;
    if (v != V_NO_NAME)
        TRY(hyoka_scheme_set_name(s, v == V_NAME ? "別名" : "総合評価方式", HYOKA_NTS));
    if (v == V_CRIT_ORDER) {
        TRY(hyoka_scheme_add_criterion(s, "score", HYOKA_NTS, "点数", HYOKA_NTS, &w1, NULL));
    }
    TRY(hyoka_scheme_add_criterion(s, v == V_CRIT_CODE ? "relevancy" : "relevance", HYOKA_NTS,
                                   v == V_CRIT_NO_LABEL ? NULL : v == V_CRIT_LABEL ? "必要性" : "妥当性",
                                   HYOKA_NTS, &w, NULL));
    if (v != V_CRIT_ORDER)
        TRY(hyoka_scheme_add_criterion(s, "score", HYOKA_NTS, "点数", HYOKA_NTS, &w1, NULL));
    if (v == V_CRIT_EXTRA)
        TRY(hyoka_scheme_add_criterion(s, "extra", HYOKA_NTS, NULL, 0, NULL, NULL));
    {
        size_t rel = v == V_CRIT_ORDER ? 1 : 0, score = v == V_CRIT_ORDER ? 0 : 1;
        TRY(hyoka_scheme_add_option(s, rel, "3", HYOKA_NTS, "妥当", HYOKA_NTS, &sc3));
        TRY(hyoka_scheme_add_option(s, rel, v == V_OPT_CODE ? "two" : "2", HYOKA_NTS,
                                    v == V_OPT_LABEL ? "普通" : "どちらかといえば妥当", HYOKA_NTS,
                                    v == V_OPT_NO_SCORE ? NULL : &sc2));
        TRY(hyoka_scheme_add_option(s, rel, "na", HYOKA_NTS, "該当なし", HYOKA_NTS, NULL));
        if (v == V_OPT_EXTRA)
            TRY(hyoka_scheme_add_option(s, rel, "1", HYOKA_NTS, NULL, 0, NULL));
        if (v == V_RANGE_OPEN_MAX)
            TRY(hyoka_scheme_set_range(s, score, &lo, NULL));
        else if (v != V_RANGE_NONE)
            TRY(hyoka_scheme_set_range(s, score, &lo, &hi));
        TRY(hyoka_scheme_set_required(s, score, v == V_CRIT_REQUIRED ? 0 : 1));
    }
    TRY(hyoka_scheme_add_verdict(s, "maintain", HYOKA_NTS, "現状継続", HYOKA_NTS, HYOKA_VERDICT_CONTINUE));
    TRY(hyoka_scheme_add_verdict(s, v == V_VERDICT_CODE ? "finish" : "end", HYOKA_NTS,
                                 v == V_VERDICT_LABEL ? "完了" : "終了", HYOKA_NTS,
                                 v == V_VERDICT_GROUP ? HYOKA_VERDICT_CONTINUE : HYOKA_VERDICT_END));
    if (v == V_VERDICT_EXTRA)
        TRY(hyoka_scheme_add_verdict(s, "review", HYOKA_NTS, NULL, 0, HYOKA_VERDICT_CONTINUE));
    if (v != V_BUDGET_NONE)
        TRY(hyoka_scheme_add_budget(s, v == V_BUDGET_CODE ? "same" : "status_quo", HYOKA_NTS,
                                    v == V_BUDGET_LABEL ? "据え置き" : "現状どおり", HYOKA_NTS,
                                    v == V_BUDGET_KIND ? HYOKA_BUDGET_INCREASE : HYOKA_BUDGET_SAME));
    TRY(hyoka_scheme_add_band(s, &b85, v == V_BAND_CODE ? "good" : "effective", HYOKA_NTS,
                              v == V_BAND_LABEL ? "Good" : "Effective", HYOKA_NTS));
    TRY(hyoka_scheme_add_band(s, &b0, "ineffective", HYOKA_NTS, "Ineffective", HYOKA_NTS));
    if (v == V_BAND_EXTRA) {
        hyoka_decimal b50 = hyoka_decimal_from_int(50);
        TRY(hyoka_scheme_add_band(s, &b50, "adequate", HYOKA_NTS, NULL, 0));
    }
    if (v != V_MISSING_NONE)
        TRY(hyoka_scheme_set_missing_rating(s, v == V_MISSING_CODE ? "nd" : "rnd", HYOKA_NTS,
                                            v == V_MISSING_LABEL ? "No data" : "Results Not Demonstrated",
                                            HYOKA_NTS));
    *out = s;
    return HYOKA_OK;
}

static void test_copy_and_equal(void **state)
{
    hyoka_scheme *ref = NULL, *ref2 = NULL, *copy = NULL;
    hyoka_scheme *const sentinel = (hyoka_scheme *)(uintptr_t)&ref;
    hyoka_scheme *out;
    (void)state;

    assert_int_equal(build_full(V_REF, &ref), HYOKA_OK);
    assert_int_equal(build_full(V_REF, &ref2), HYOKA_OK);
    assert_true(hyoka_scheme_equal(ref, ref2));
    assert_true(hyoka_scheme_equal(ref, ref));
    assert_true(hyoka_scheme_equal(NULL, NULL));
    assert_false(hyoka_scheme_equal(ref, NULL));
    assert_false(hyoka_scheme_equal(NULL, ref));

    /* Every single difference is seen, both ways. */
    for (int v = V_REF + 1; v < V_COUNT; v++) {
        hyoka_scheme *other = NULL;
        assert_int_equal(build_full(v, &other), HYOKA_OK);
        if (hyoka_scheme_equal(ref, other) || hyoka_scheme_equal(other, ref))
            fail_msg("variant %d compares equal to the reference", v);
        hyoka_scheme_free(other);
    }

    /* A deep copy is equal, independent, and not built in. */
    assert_int_equal(hyoka_scheme_copy(ref, &copy), HYOKA_OK);
    assert_true(hyoka_scheme_equal(ref, copy));
    assert_int_equal(hyoka_scheme_is_builtin(copy), 0);
    assert_ptr_not_equal(hyoka_scheme_id(copy), hyoka_scheme_id(ref));
    assert_int_equal(hyoka_scheme_set_name(copy, "changed", HYOKA_NTS), HYOKA_OK);
    assert_false(hyoka_scheme_equal(ref, copy));
    assert_string_equal(hyoka_scheme_name(ref), "総合評価方式");
    hyoka_scheme_free(copy);

    /* A copy of an empty scheme. */
    {
        hyoka_scheme *e = new_scheme("empty"), *ec = NULL;
        assert_int_equal(hyoka_scheme_copy(e, &ec), HYOKA_OK);
        assert_true(hyoka_scheme_equal(e, ec));
        assert_int_equal(hyoka_scheme_criterion_count(ec), 0);
        hyoka_scheme_free(e);
        hyoka_scheme_free(ec);
    }

    out = sentinel;
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_copy(NULL, &out));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_scheme_copy(ref, NULL));
    assert_ptr_equal(out, sentinel);

    hyoka_scheme_free(ref);
    hyoka_scheme_free(ref2);
}

static void test_copy_of_builtin(void **state)
{
    (void)state;
    for (size_t i = 0; i < hyoka_scheme_builtin_count(); i++) {
        const hyoka_scheme *b = hyoka_scheme_builtin_at(i);
        hyoka_scheme *c = NULL;
        size_t before, index = 0;
        hyoka_decimal two = hyoka_decimal_from_int(2);

        assert_int_equal(hyoka_scheme_copy(b, &c), HYOKA_OK);
        assert_true(hyoka_scheme_equal(b, c));
        assert_true(hyoka_scheme_equal(c, b));
        assert_int_equal(hyoka_scheme_is_builtin(c), 0);
        assert_string_equal(hyoka_scheme_id(c), hyoka_scheme_id(b));
        /* Mutable, and the built-in does not change. */
        before = hyoka_scheme_criterion_count(b);
        assert_int_equal(hyoka_scheme_add_criterion(c, "local", HYOKA_NTS, "独自項目", HYOKA_NTS, &two, &index),
                         HYOKA_OK);
        assert_int_equal(index, before);
        assert_int_equal(hyoka_scheme_set_name(c, "copy", HYOKA_NTS), HYOKA_OK);
        assert_int_equal(hyoka_scheme_set_missing_rating(c, NULL, 0, NULL, 0), HYOKA_OK);
        assert_int_equal(hyoka_scheme_set_required(c, 0, 1), HYOKA_OK);
        assert_false(hyoka_scheme_equal(b, c));
        assert_int_equal(hyoka_scheme_criterion_count(b), before);
        assert_int_equal(scheme_matches(b, &expected[i]), 0);
        hyoka_scheme_free(c);
    }
}

/* ------------------------------------------------------------------------ */
/* Allocation failures                                                       */

static int sweep_new(void *ctx)
{
    hyoka_scheme *s = NULL;
    int rc;
    (void)ctx;
    rc = hyoka_scheme_new(&s, "所沢市-3point", HYOKA_NTS);
    if (rc != HYOKA_OK) {
        assert_null(s);
        return rc;
    }
    assert_string_equal(hyoka_scheme_id(s), "所沢市-3point");
    hyoka_scheme_free(s);
    return rc;
}

/* The operations swept on a fixture; ctx points to one of these. */
enum op {
    OP_SET_NAME,
    OP_ADD_CRITERION,
    OP_ADD_OPTION,
    OP_ADD_VERDICT,
    OP_ADD_BUDGET,
    OP_ADD_BAND,
    OP_SET_MISSING,
    OP_CLEAR_MISSING,
    OP_COPY
};

struct sweep_ctx {
    enum op op;
    int grow; /* fixture filled to a capacity boundary first */
};

/* The fixture: the full reference scheme, optionally with four more
 * entries of each kind so that the next append must grow the array. */
static int fixture(int grow, hyoka_scheme **out)
{
    hyoka_scheme *s = NULL;
    int rc = build_full(V_REF, &s);
    if (rc != HYOKA_OK)
        return rc;
    if (grow) {
        static const char *const codes[] = {"g1", "g2", "g3", "g4", "g5", "g6"};
        /* 2 criteria, 2 verdicts, 1 budget, 2 bands, 3 options: fill each to 4 or 8. */
        for (size_t i = 0; i < 2; i++)
            TRY(hyoka_scheme_add_criterion(s, codes[i], HYOKA_NTS, NULL, 0, NULL, NULL));
        for (size_t i = 0; i < 2; i++)
            TRY(hyoka_scheme_add_verdict(s, codes[i], HYOKA_NTS, NULL, 0, HYOKA_VERDICT_END));
        for (size_t i = 0; i < 3; i++)
            TRY(hyoka_scheme_add_budget(s, codes[i], HYOKA_NTS, NULL, 0, HYOKA_BUDGET_END));
        for (size_t i = 0; i < 2; i++) {
            hyoka_decimal m = hyoka_decimal_from_int(10 + (int64_t)i);
            TRY(hyoka_scheme_add_band(s, &m, codes[i], HYOKA_NTS, NULL, 0));
        }
        TRY(hyoka_scheme_add_option(s, 0, "g1", HYOKA_NTS, NULL, 0, NULL));
    }
    *out = s;
    return HYOKA_OK;
}

static int sweep_op(void *vctx)
{
    const struct sweep_ctx *ctx = vctx;
    hyoka_scheme *s = NULL, *ref = NULL, *copy = NULL;
    hyoka_decimal w = hyoka_decimal_from_int(2), m = hyoka_decimal_from_int(60);
    int rc;

    rc = fixture(ctx->grow, &s);
    if (rc != HYOKA_OK)
        return rc;
    rc = fixture(ctx->grow, &ref);
    if (rc != HYOKA_OK) {
        hyoka_scheme_free(s);
        return rc;
    }
    hyoka_error_clear();
    switch (ctx->op) {
    case OP_SET_NAME:
        rc = hyoka_scheme_set_name(s, "新しい名前", HYOKA_NTS);
        break;
    case OP_ADD_CRITERION:
        rc = hyoka_scheme_add_criterion(s, "new", HYOKA_NTS, "新項目", HYOKA_NTS, &w, NULL);
        break;
    case OP_ADD_OPTION:
        rc = hyoka_scheme_add_option(s, 0, "new", HYOKA_NTS, "新選択肢", HYOKA_NTS, &w);
        break;
    case OP_ADD_VERDICT:
        rc = hyoka_scheme_add_verdict(s, "new", HYOKA_NTS, "新区分", HYOKA_NTS, HYOKA_VERDICT_END);
        break;
    case OP_ADD_BUDGET:
        rc = hyoka_scheme_add_budget(s, "new", HYOKA_NTS, "新方向", HYOKA_NTS, HYOKA_BUDGET_DECREASE);
        break;
    case OP_ADD_BAND:
        rc = hyoka_scheme_add_band(s, &m, "new", HYOKA_NTS, "新評定", HYOKA_NTS);
        break;
    case OP_SET_MISSING:
        rc = hyoka_scheme_set_missing_rating(s, "new", HYOKA_NTS, "新評定", HYOKA_NTS);
        break;
    case OP_CLEAR_MISSING:
        rc = hyoka_scheme_set_missing_rating(s, NULL, 0, NULL, 0);
        break;
    case OP_COPY:
        rc = hyoka_scheme_copy(s, &copy);
        if (rc == HYOKA_OK) {
            assert_true(hyoka_scheme_equal(copy, s));
            hyoka_scheme_free(copy);
        } else {
            assert_null(copy);
        }
        break;
    }
    if (rc == HYOKA_ENOMEM) {
        assert_int_equal(hyoka_error_last_code(), HYOKA_ENOMEM);
        assert_true(hyoka_error_last()[0] != '\0');
    }
    if (rc != HYOKA_OK || ctx->op == OP_COPY)
        assert_true(hyoka_scheme_equal(s, ref));
    else
        assert_false(hyoka_scheme_equal(s, ref));
    hyoka_scheme_free(s);
    hyoka_scheme_free(ref);
    return rc;
}

static int sweep_copy_builtin(void *ctx)
{
    const hyoka_scheme *b = ctx;
    hyoka_scheme *c = NULL;
    int rc = hyoka_scheme_copy(b, &c);
    if (rc != HYOKA_OK) {
        assert_null(c);
        return rc;
    }
    assert_true(hyoka_scheme_equal(b, c));
    assert_int_equal(hyoka_scheme_is_builtin(c), 0);
    hyoka_scheme_free(c);
    return rc;
}

static void test_alloc_failures(void **state)
{
    static const enum op ops[] = {OP_SET_NAME, OP_ADD_CRITERION, OP_ADD_OPTION, OP_ADD_VERDICT, OP_ADD_BUDGET,
                                  OP_ADD_BAND, OP_SET_MISSING, OP_CLEAR_MISSING, OP_COPY};
    (void)state;
    assert_true(failalloc_sweep(sweep_new, NULL) >= 2);
    for (size_t i = 0; i < N(ops); i++) {
        for (int grow = 0; grow <= 1; grow++) {
            struct sweep_ctx ctx = {ops[i], grow};
            assert_true(failalloc_sweep(sweep_op, &ctx) > 0);
        }
    }
    for (size_t i = 0; i < hyoka_scheme_builtin_count(); i++) {
        /* The failalloc body takes a non-const context; it only reads it. */
        void *b = (void *)(uintptr_t)hyoka_scheme_builtin_at(i);
        assert_true(failalloc_sweep(sweep_copy_builtin, b) > 0);
    }
}

/* Built-in schemes are not freed or copied through the allocator when
 * looked up or read. */
static void test_builtins_allocate_nothing(void **state)
{
    (void)state;
    failalloc_install();
    failalloc_fail_at(1, true);
    for (size_t i = 0; i < hyoka_scheme_builtin_count(); i++) {
        const hyoka_scheme *b = hyoka_scheme_builtin(expected[i].id, HYOKA_NTS);
        assert_int_equal(scheme_matches(b, &expected[i]), 0);
        hyoka_scheme_free((hyoka_scheme *)(uintptr_t)b);
    }
    assert_int_equal(failalloc_count(), 0);
    assert_false(failalloc_injected());
    failalloc_reset();
    failalloc_uninstall();
}

/* ------------------------------------------------------------------------ */
/* Threads                                                                   */

#define THREADS 8
#define ROUNDS 300

static void *reader(void *arg)
{
    intptr_t bad = 0;
    (void)arg;
    for (int r = 0; r < ROUNDS; r++) {
        for (size_t i = 0; i < N(expected); i++) {
            const hyoka_scheme *s = hyoka_scheme_builtin(expected[i].id, HYOKA_NTS);
            if (s != hyoka_scheme_builtin_at(i) || scheme_matches(s, &expected[i]) != 0)
                bad++;
        }
    }
    return (void *)bad;
}

static void test_threads(void **state)
{
    pthread_t t[THREADS];
    (void)state;
    for (int i = 0; i < THREADS; i++)
        assert_int_equal(pthread_create(&t[i], NULL, reader, NULL), 0);
    for (int i = 0; i < THREADS; i++) {
        void *bad = (void *)1;
        assert_int_equal(pthread_join(t[i], &bad), 0);
        assert_null(bad);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin_lookup),
        cmocka_unit_test(test_builtin_jp_standard),
        cmocka_unit_test(test_builtin_us_omb_part),
        cmocka_unit_test(test_builtin_oecd_dac),
        cmocka_unit_test(test_builtin_mutators_refused),
        cmocka_unit_test(test_new_and_free),
        cmocka_unit_test(test_text_limit),
        cmocka_unit_test(test_set_name),
        cmocka_unit_test(test_add_criterion),
        cmocka_unit_test(test_required),
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_range),
        cmocka_unit_test(test_verdicts),
        cmocka_unit_test(test_budgets),
        cmocka_unit_test(test_bands),
        cmocka_unit_test(test_missing_rating),
        cmocka_unit_test(test_copy_and_equal),
        cmocka_unit_test(test_copy_of_builtin),
        cmocka_unit_test(test_alloc_failures),
        cmocka_unit_test(test_builtins_allocate_nothing),
        cmocka_unit_test(test_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
