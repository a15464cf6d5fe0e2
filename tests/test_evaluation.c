/* Unit tests of evaluation.h, through the public API. */
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

#define TEXT_FIELDS (HYOKA_EVAL_BUDGET + 1)

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

static hyoka_project *new_project(int stage, hyoka_evaluation **ev)
{
    hyoka_project *p = NULL;
    assert_int_equal(hyoka_project_new(&p), HYOKA_OK);
    assert_int_equal(hyoka_project_add_evaluation(p, stage, ev), HYOKA_OK);
    assert_non_null(*ev);
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

static void test_new_evaluation(void **state)
{
    hyoka_evaluation *ev = NULL;
    hyoka_project *p = new_project(HYOKA_STAGE_PRIMARY, &ev);
    (void)state;

    assert_int_equal(hyoka_evaluation_stage(ev), HYOKA_STAGE_PRIMARY);
    assert_int_equal(hyoka_evaluation_fiscal_year(ev), 0);
    assert_int_equal(hyoka_evaluation_date(ev), 0);
    for (int f = 0; f < TEXT_FIELDS; f++)
        assert_null(hyoka_evaluation_text(ev, f));
    assert_int_equal(hyoka_evaluation_expected_outcome(ev), HYOKA_UNSET);
    assert_int_equal(hyoka_evaluation_expected_cost(ev), HYOKA_UNSET);
    assert_int_equal(hyoka_evaluation_answer_count(ev), 0);
    assert_int_equal(hyoka_evaluation_comment_count(ev), 0);
    assert_int_equal(hyoka_evaluation_goal_count(ev), 0);
    assert_null(hyoka_evaluation_answer(ev, "relevance", HYOKA_NTS));
    assert_null(hyoka_evaluation_comment(ev, "reason", HYOKA_NTS));

    assert_int_equal(hyoka_project_add_evaluation(p, HYOKA_UNSET, &ev), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_stage(ev), HYOKA_UNSET);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_add_evaluation(p, HYOKA_STAGE_COMMITTEE + 1, NULL));
    assert_int_equal(hyoka_project_evaluation_count(p), 2);
    hyoka_project_free(p);
}

static void test_null_handles(void **state)
{
    const char *k = "x", *v = "y";
    int32_t by = 1;
    (void)state;

    assert_int_equal(hyoka_evaluation_stage(NULL), HYOKA_UNSET);
    assert_int_equal(hyoka_evaluation_fiscal_year(NULL), 0);
    assert_int_equal(hyoka_evaluation_date(NULL), 0);
    assert_null(hyoka_evaluation_text(NULL, HYOKA_EVAL_VERDICT));
    assert_int_equal(hyoka_evaluation_expected_outcome(NULL), HYOKA_UNSET);
    assert_int_equal(hyoka_evaluation_expected_cost(NULL), HYOKA_UNSET);
    assert_null(hyoka_evaluation_answer(NULL, "a", HYOKA_NTS));
    assert_int_equal(hyoka_evaluation_answer_count(NULL), 0);
    assert_null(hyoka_evaluation_comment(NULL, "a", HYOKA_NTS));
    assert_int_equal(hyoka_evaluation_comment_count(NULL), 0);
    assert_int_equal(hyoka_evaluation_goal_count(NULL), 0);

    EXPECT_FAIL(HYOKA_EINVAL, hyoka_evaluation_set_stage(NULL, HYOKA_STAGE_SELF));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_evaluation_set_fiscal_year(NULL, 2007));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_evaluation_set_date(NULL, 20080515));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_evaluation_set_text(NULL, HYOKA_EVAL_VERDICT, "improve", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_evaluation_set_expected(NULL, HYOKA_EXPECTED_OUTCOME_UP, HYOKA_EXPECTED_COST_DOWN));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_evaluation_set_answer(NULL, "relevance", HYOKA_NTS, "A", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_evaluation_answer_at(NULL, 0, &k, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_evaluation_set_comment(NULL, "reason", HYOKA_NTS, "x", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_evaluation_comment_at(NULL, 0, &k, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_evaluation_add_goal(NULL, "a", HYOKA_NTS, "b", HYOKA_NTS, 0));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_evaluation_goal_at(NULL, 0, &k, &v, &by));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_evaluation_remove_goal(NULL, 0));
    assert_string_equal(k, "x");
    assert_string_equal(v, "y");
    assert_int_equal(by, 1);
}

static void test_stage(void **state)
{
    hyoka_evaluation *ev = NULL;
    hyoka_project *p = new_project(HYOKA_UNSET, &ev);
    (void)state;

    for (int s = HYOKA_STAGE_SELF; s <= HYOKA_STAGE_COMMITTEE; s++) {
        assert_int_equal(hyoka_evaluation_set_stage(ev, s), HYOKA_OK);
        assert_int_equal(hyoka_evaluation_stage(ev), s);
    }
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_evaluation_set_stage(ev, HYOKA_STAGE_COMMITTEE + 1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_evaluation_set_stage(ev, -2));
    assert_int_equal(hyoka_evaluation_stage(ev), HYOKA_STAGE_COMMITTEE);
    assert_int_equal(hyoka_evaluation_set_stage(ev, HYOKA_UNSET), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_stage(ev), HYOKA_UNSET);
    hyoka_project_free(p);
}

static void test_fiscal_year(void **state)
{
    hyoka_evaluation *ev = NULL;
    hyoka_project *p = new_project(HYOKA_STAGE_SECONDARY, &ev);
    (void)state;

    assert_int_equal(hyoka_evaluation_set_fiscal_year(ev, 2007), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_fiscal_year(ev), 2007);
    assert_int_equal(hyoka_evaluation_set_fiscal_year(ev, 1868), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_set_fiscal_year(ev, 9999), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_fiscal_year(ev), 9999);
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_evaluation_set_fiscal_year(ev, 1867));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_evaluation_set_fiscal_year(ev, 10000));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_evaluation_set_fiscal_year(ev, -1));
    assert_int_equal(hyoka_evaluation_fiscal_year(ev), 9999);
    assert_int_equal(hyoka_evaluation_set_fiscal_year(ev, 0), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_fiscal_year(ev), 0);
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_evaluation_set_fiscal_year(ev, 1867));
    assert_int_equal(hyoka_evaluation_fiscal_year(ev), 0);
    hyoka_project_free(p);
}

static void test_date(void **state)
{
    hyoka_evaluation *ev = NULL;
    hyoka_project *p = new_project(HYOKA_STAGE_PRIMARY, &ev);
    static const int32_t bad[] = {
        20230230, /* no 30 February */
        20230229, /* not a leap year */
        20231301, /* month 13 */
        20230001, /* month 0 */
        20230532, /* day 32 */
        18671231, /* before 1868 */
        100000101, /* year 10000 */
        2008,     /* not YYYYMMDD */
        -20080515,
    };
    (void)state;

    assert_int_equal(hyoka_evaluation_set_date(ev, 20080515), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_date(ev), 20080515);
    assert_int_equal(hyoka_evaluation_set_date(ev, 20081200), HYOKA_OK); /* year and month */
    assert_int_equal(hyoka_evaluation_date(ev), 20081200);
    assert_int_equal(hyoka_evaluation_set_date(ev, 20240229), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_date(ev), 20240229);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        EXPECT_FAIL(HYOKA_ERANGE, hyoka_evaluation_set_date(ev, bad[i]));
        assert_int_equal(hyoka_evaluation_date(ev), 20240229);
    }
    assert_int_equal(hyoka_evaluation_set_date(ev, 0), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_date(ev), 0);
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_evaluation_set_date(ev, 20230230));
    assert_int_equal(hyoka_evaluation_date(ev), 0);
    hyoka_project_free(p);
}

static void test_texts(void **state)
{
    hyoka_evaluation *ev = NULL;
    hyoka_project *p = new_project(HYOKA_STAGE_PRIMARY, &ev);
    hyoka_project *snap;
    size_t big_len;
    char *big = over_limit(&big_len);
    static const char *const samples[TEXT_FIELDS] = {"情報統計課長", "jp-standard", "improve", "status_quo"};
    (void)state;

    for (int f = 0; f < TEXT_FIELDS; f++) {
        assert_int_equal(hyoka_evaluation_set_text(ev, f, samples[f], HYOKA_NTS), HYOKA_OK);
        assert_string_equal(hyoka_evaluation_text(ev, f), samples[f]);
    }
    assert_int_equal(hyoka_evaluation_set_text(ev, HYOKA_EVAL_VERDICT, "終了です", 6), HYOKA_OK);
    assert_string_equal(hyoka_evaluation_text(ev, HYOKA_EVAL_VERDICT), "終了");
    assert_int_equal(hyoka_evaluation_set_text(ev, HYOKA_EVAL_VERDICT, samples[2], HYOKA_NTS), HYOKA_OK);

    snap = snapshot(p);
    for (int f = 0; f < TEXT_FIELDS; f++) {
        EXPECT_FAIL(HYOKA_EENCODING, hyoka_evaluation_set_text(ev, f, "\xff", HYOKA_NTS));
        EXPECT_FAIL(HYOKA_EENCODING, hyoka_evaluation_set_text(ev, f, "\xed\xa0\x80", 3)); /* surrogate */
        EXPECT_FAIL(HYOKA_EENCODING, hyoka_evaluation_set_text(ev, f, "ok\0no", 5));
        EXPECT_FAIL(HYOKA_ELIMIT, hyoka_evaluation_set_text(ev, f, big, big_len));
        assert_string_equal(hyoka_evaluation_text(ev, f), samples[f]);
    }
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_evaluation_set_text(ev, -1, "x", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_evaluation_set_text(ev, TEXT_FIELDS, "x", HYOKA_NTS));
    assert_null(hyoka_evaluation_text(ev, -1));
    assert_null(hyoka_evaluation_text(ev, TEXT_FIELDS));
    assert_true(hyoka_project_equal(p, snap));
    hyoka_project_free(snap);

    for (int f = 0; f < TEXT_FIELDS; f++) {
        assert_int_equal(hyoka_evaluation_set_text(ev, f, NULL, 5), HYOKA_OK);
        assert_null(hyoka_evaluation_text(ev, f));
        EXPECT_FAIL(HYOKA_EENCODING, hyoka_evaluation_set_text(ev, f, "\xc0\xaf", 2)); /* overlong */
        assert_null(hyoka_evaluation_text(ev, f));
    }
    free(big);
    hyoka_project_free(p);
}

static void test_expected(void **state)
{
    hyoka_evaluation *ev = NULL;
    hyoka_project *p = new_project(HYOKA_STAGE_PRIMARY, &ev);
    (void)state;

    for (int o = HYOKA_UNSET; o <= HYOKA_EXPECTED_OUTCOME_DOWN; o++) {
        for (int c = HYOKA_UNSET; c <= HYOKA_EXPECTED_COST_UP; c++) {
            assert_int_equal(hyoka_evaluation_set_expected(ev, o, c), HYOKA_OK);
            assert_int_equal(hyoka_evaluation_expected_outcome(ev), o);
            assert_int_equal(hyoka_evaluation_expected_cost(ev), c);
        }
    }
    assert_int_equal(hyoka_evaluation_set_expected(ev, HYOKA_EXPECTED_OUTCOME_SAME, HYOKA_EXPECTED_COST_SAME), HYOKA_OK);
    /* either one bad: nothing changes */
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_evaluation_set_expected(ev, HYOKA_EXPECTED_OUTCOME_UP, 3));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_evaluation_set_expected(ev, 3, HYOKA_EXPECTED_COST_DOWN));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_evaluation_set_expected(ev, -2, HYOKA_UNSET));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_evaluation_set_expected(ev, HYOKA_UNSET, -2));
    assert_int_equal(hyoka_evaluation_expected_outcome(ev), HYOKA_EXPECTED_OUTCOME_SAME);
    assert_int_equal(hyoka_evaluation_expected_cost(ev), HYOKA_EXPECTED_COST_SAME);
    hyoka_project_free(p);
}

/* Answers and comments share their behaviour; run the same checks on both. */
typedef int (*kv_set_fn)(hyoka_evaluation *, const char *, size_t, const char *, size_t);
typedef const char *(*kv_get_fn)(const hyoka_evaluation *, const char *, size_t);
typedef size_t (*kv_count_fn)(const hyoka_evaluation *);
typedef int (*kv_at_fn)(const hyoka_evaluation *, size_t, const char **, const char **);

struct kv_api {
    kv_set_fn set;
    kv_get_fn get;
    kv_count_fn count;
    kv_at_fn at;
};

static const struct kv_api answers = {hyoka_evaluation_set_answer, hyoka_evaluation_answer,
                                      hyoka_evaluation_answer_count, hyoka_evaluation_answer_at};
static const struct kv_api comments = {hyoka_evaluation_set_comment, hyoka_evaluation_comment,
                                       hyoka_evaluation_comment_count, hyoka_evaluation_comment_at};

static void assert_entry(const struct kv_api *api, const hyoka_evaluation *ev, size_t i, const char *key,
                         const char *value)
{
    const char *k = NULL, *v = NULL;
    assert_int_equal(api->at(ev, i, &k, &v), HYOKA_OK);
    assert_string_equal(k, key);
    assert_string_equal(v, value);
}

static void check_kv(const struct kv_api *api)
{
    hyoka_evaluation *ev = NULL;
    hyoka_project *p = new_project(HYOKA_STAGE_PRIMARY, &ev);
    hyoka_project *snap;
    const char *k = "k0", *v = "v0";
    size_t big_len;
    char *big = over_limit(&big_len);

    assert_int_equal(api->set(ev, "relevance", HYOKA_NTS, "A", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(api->set(ev, "有効性", HYOKA_NTS, "B", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(api->set(ev, "efficiencyXX", 10, "3", 1), HYOKA_OK);
    assert_int_equal(api->count(ev), 3);
    assert_string_equal(api->get(ev, "relevance", HYOKA_NTS), "A");
    assert_string_equal(api->get(ev, "有効性", HYOKA_NTS), "B");
    assert_string_equal(api->get(ev, "efficiency", HYOKA_NTS), "3");
    assert_string_equal(api->get(ev, "relevanceZZ", 9), "A");
    assert_null(api->get(ev, "relevanc", HYOKA_NTS));
    assert_null(api->get(ev, "relevance!", HYOKA_NTS));
    assert_null(api->get(ev, NULL, 0));
    assert_entry(api, ev, 0, "relevance", "A");
    assert_entry(api, ev, 1, "有効性", "B");
    assert_entry(api, ev, 2, "efficiency", "3");
    assert_int_equal(api->at(ev, 0, NULL, NULL), HYOKA_OK);
    EXPECT_FAIL(HYOKA_ENOTFOUND, api->at(ev, 3, &k, &v));
    EXPECT_FAIL(HYOKA_ENOTFOUND, api->at(ev, SIZE_MAX, &k, &v));
    assert_string_equal(k, "k0");
    assert_string_equal(v, "v0");

    /* replacing keeps the place */
    assert_int_equal(api->set(ev, "relevance", HYOKA_NTS, "C", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(api->count(ev), 3);
    assert_entry(api, ev, 0, "relevance", "C");
    /* empty values are values */
    assert_int_equal(api->set(ev, "有効性", HYOKA_NTS, "", 0), HYOKA_OK);
    assert_entry(api, ev, 1, "有効性", "");

    snap = snapshot(p);
    EXPECT_FAIL(HYOKA_EINVAL, api->set(ev, "", HYOKA_NTS, "A", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_EINVAL, api->set(ev, "relevance", 0, "A", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_EINVAL, api->set(ev, NULL, 0, "A", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_EINVAL, api->set(ev, "", 0, NULL, 0));
    EXPECT_FAIL(HYOKA_EENCODING, api->set(ev, "\xff", HYOKA_NTS, "A", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_EENCODING, api->set(ev, "\xff", HYOKA_NTS, NULL, 0));
    EXPECT_FAIL(HYOKA_EENCODING, api->set(ev, "a\0b", 3, "A", HYOKA_NTS));
    EXPECT_FAIL(HYOKA_EENCODING, api->set(ev, "relevance", HYOKA_NTS, "\xff", HYOKA_NTS)); /* replacement */
    EXPECT_FAIL(HYOKA_EENCODING, api->set(ev, "new", HYOKA_NTS, "\xff", HYOKA_NTS));       /* new key */
    EXPECT_FAIL(HYOKA_EENCODING, api->set(ev, "relevance", HYOKA_NTS, "A\0B", 3));
    EXPECT_FAIL(HYOKA_ELIMIT, api->set(ev, "relevance", HYOKA_NTS, big, big_len));
    EXPECT_FAIL(HYOKA_ELIMIT, api->set(ev, "new", HYOKA_NTS, big, big_len));
    EXPECT_FAIL(HYOKA_ELIMIT, api->set(ev, big, big_len, "A", HYOKA_NTS));
    assert_true(hyoka_project_equal(p, snap));
    assert_int_equal(api->count(ev), 3);
    assert_entry(api, ev, 0, "relevance", "C");
    assert_null(api->get(ev, "new", HYOKA_NTS));
    hyoka_project_free(snap);

    /* NULL removes; order of the others is kept */
    assert_int_equal(api->set(ev, "有効性", HYOKA_NTS, NULL, 0), HYOKA_OK);
    assert_int_equal(api->count(ev), 2);
    assert_null(api->get(ev, "有効性", HYOKA_NTS));
    assert_entry(api, ev, 0, "relevance", "C");
    assert_entry(api, ev, 1, "efficiency", "3");
    assert_int_equal(api->set(ev, "有効性", HYOKA_NTS, NULL, 0), HYOKA_OK); /* absent: fine */
    assert_int_equal(api->count(ev), 2);
    /* re-adding appends */
    assert_int_equal(api->set(ev, "有効性", HYOKA_NTS, "A", HYOKA_NTS), HYOKA_OK);
    assert_entry(api, ev, 2, "有効性", "A");
    assert_int_equal(api->set(ev, "relevance", HYOKA_NTS, NULL, 0), HYOKA_OK);
    assert_int_equal(api->set(ev, "efficiency", HYOKA_NTS, NULL, 0), HYOKA_OK);
    assert_int_equal(api->set(ev, "有効性", HYOKA_NTS, NULL, 0), HYOKA_OK);
    assert_int_equal(api->count(ev), 0);
    EXPECT_FAIL(HYOKA_ENOTFOUND, api->at(ev, 0, &k, &v));
    free(big);
    hyoka_project_free(p);
}

static void test_answers(void **state)
{
    (void)state;
    check_kv(&answers);
}

static void test_comments(void **state)
{
    (void)state;
    check_kv(&comments);
}

static void test_answers_and_comments_are_separate(void **state)
{
    hyoka_evaluation *ev = NULL;
    hyoka_project *p = new_project(HYOKA_STAGE_PRIMARY, &ev);
    (void)state;

    assert_int_equal(hyoka_evaluation_set_answer(ev, "reason", HYOKA_NTS, "A", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_set_comment(ev, "reason", HYOKA_NTS, "条例等に基づく", HYOKA_NTS), HYOKA_OK);
    assert_string_equal(hyoka_evaluation_answer(ev, "reason", HYOKA_NTS), "A");
    assert_string_equal(hyoka_evaluation_comment(ev, "reason", HYOKA_NTS), "条例等に基づく");
    assert_int_equal(hyoka_evaluation_set_answer(ev, "reason", HYOKA_NTS, NULL, 0), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_answer_count(ev), 0);
    assert_int_equal(hyoka_evaluation_comment_count(ev), 1);
    hyoka_project_free(p);
}

static void test_goals(void **state)
{
    hyoka_evaluation *ev = NULL;
    hyoka_project *p = new_project(HYOKA_STAGE_PRIMARY, &ev);
    hyoka_project *snap;
    const char *w = "w0", *l = "l0";
    int32_t by = -1;
    size_t big_len;
    char *big = over_limit(&big_len);
    (void)state;

    assert_int_equal(hyoka_evaluation_add_goal(ev, "研修受講率", HYOKA_NTS, "80%", HYOKA_NTS, 20081200), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_add_goal(ev, NULL, 0, NULL, 0, 0), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_add_goal(ev, "abc", 2, "", 0, 20090331), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_goal_count(ev), 3);

    assert_int_equal(hyoka_evaluation_goal_at(ev, 0, &w, &l, &by), HYOKA_OK);
    assert_string_equal(w, "研修受講率");
    assert_string_equal(l, "80%");
    assert_int_equal(by, 20081200);
    assert_int_equal(hyoka_evaluation_goal_at(ev, 1, &w, &l, &by), HYOKA_OK);
    assert_null(w);
    assert_null(l);
    assert_int_equal(by, 0);
    assert_int_equal(hyoka_evaluation_goal_at(ev, 2, &w, &l, &by), HYOKA_OK);
    assert_string_equal(w, "ab");
    assert_string_equal(l, "");
    assert_int_equal(by, 20090331);
    assert_int_equal(hyoka_evaluation_goal_at(ev, 2, NULL, NULL, NULL), HYOKA_OK);
    w = l = "x";
    by = 5;
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_evaluation_goal_at(ev, 3, &w, &l, &by));
    assert_string_equal(w, "x");
    assert_int_equal(by, 5);

    snap = snapshot(p);
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_evaluation_add_goal(ev, "a", HYOKA_NTS, "b", HYOKA_NTS, 20230230));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_evaluation_add_goal(ev, "a", HYOKA_NTS, "b", HYOKA_NTS, 20231300));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_evaluation_add_goal(ev, "a", HYOKA_NTS, "b", HYOKA_NTS, 2008));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_evaluation_add_goal(ev, "\xff", HYOKA_NTS, "b", HYOKA_NTS, 0));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_evaluation_add_goal(ev, "a", HYOKA_NTS, "\xff", HYOKA_NTS, 0));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_evaluation_add_goal(ev, "a\0", 2, "b", HYOKA_NTS, 0));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_evaluation_add_goal(ev, "a", HYOKA_NTS, "b\0", 2, 0));
    EXPECT_FAIL(HYOKA_ELIMIT, hyoka_evaluation_add_goal(ev, big, big_len, "b", HYOKA_NTS, 0));
    EXPECT_FAIL(HYOKA_ELIMIT, hyoka_evaluation_add_goal(ev, "a", HYOKA_NTS, big, big_len, 0));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_evaluation_remove_goal(ev, 3));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_evaluation_remove_goal(ev, SIZE_MAX));
    assert_int_equal(hyoka_evaluation_goal_count(ev), 3);
    assert_true(hyoka_project_equal(p, snap));
    hyoka_project_free(snap);

    /* removing moves the later goals up */
    assert_int_equal(hyoka_evaluation_remove_goal(ev, 1), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_goal_count(ev), 2);
    assert_int_equal(hyoka_evaluation_goal_at(ev, 1, &w, &l, &by), HYOKA_OK);
    assert_string_equal(w, "ab");
    assert_int_equal(by, 20090331);
    assert_int_equal(hyoka_evaluation_remove_goal(ev, 0), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_remove_goal(ev, 0), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_goal_count(ev), 0);
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_evaluation_remove_goal(ev, 0));
    assert_int_equal(hyoka_evaluation_add_goal(ev, "again", HYOKA_NTS, NULL, 0, 0), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_goal_count(ev), 1);
    free(big);
    hyoka_project_free(p);
}

/* Seed 002: secondary evaluation with verdict 終了 and the 経済性 answer 3. */
static void test_seed_evaluation(void **state)
{
    hyoka_evaluation *ev = NULL;
    hyoka_project *p = new_project(HYOKA_STAGE_SECONDARY, &ev);
    const char *k, *v;
    (void)state;

    assert_int_equal(hyoka_evaluation_set_fiscal_year(ev, 2017), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_set_text(ev, HYOKA_EVAL_VERDICT, "end", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_set_answer(ev, "経済性", HYOKA_NTS, "3", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_set_comment(ev, "経済性", HYOKA_NTS,
                                                  "条例等に基づいた個人情報開示請求の事務を行っており、"
                                                  "人的な負担を減らすことは難しい。",
                                                  HYOKA_NTS),
                     HYOKA_OK);
    assert_int_equal(hyoka_evaluation_stage(ev), HYOKA_STAGE_SECONDARY);
    assert_int_equal(hyoka_evaluation_fiscal_year(ev), 2017);
    assert_string_equal(hyoka_evaluation_text(ev, HYOKA_EVAL_VERDICT), "end");
    assert_null(hyoka_evaluation_text(ev, HYOKA_EVAL_SCHEME));
    assert_int_equal(hyoka_evaluation_answer_at(ev, 0, &k, &v), HYOKA_OK);
    assert_string_equal(k, "経済性");
    assert_string_equal(v, "3");
    assert_non_null(hyoka_evaluation_comment(ev, "経済性", HYOKA_NTS));
    hyoka_project_free(p);
}

/* ------------------------------------------------------------------------ */
/* Copy and equality                                                          */

static void populate(hyoka_evaluation *ev)
{
    assert_int_equal(hyoka_evaluation_set_fiscal_year(ev, 2007), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_set_date(ev, 20080515), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_set_text(ev, HYOKA_EVAL_EVALUATOR, "情報統計課長", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_set_text(ev, HYOKA_EVAL_VERDICT, "improve", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_set_text(ev, HYOKA_EVAL_BUDGET, "status_quo", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_set_expected(ev, HYOKA_EXPECTED_OUTCOME_SAME, HYOKA_EXPECTED_COST_SAME), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_set_answer(ev, "relevance", HYOKA_NTS, "A", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_set_answer(ev, "efficiency", HYOKA_NTS, "B", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_set_comment(ev, "reason", HYOKA_NTS, "…", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_add_goal(ev, "受講率", HYOKA_NTS, "80%", HYOKA_NTS, 20081200), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_add_goal(ev, NULL, 0, "全員", HYOKA_NTS, 0), HYOKA_OK);
}

enum { MUT_COUNT = 22 };

static void mutate(hyoka_evaluation *ev, int m)
{
    switch (m) {
    case 0: assert_int_equal(hyoka_evaluation_set_stage(ev, HYOKA_STAGE_SECONDARY), HYOKA_OK); break;
    case 1: assert_int_equal(hyoka_evaluation_set_stage(ev, HYOKA_UNSET), HYOKA_OK); break;
    case 2: assert_int_equal(hyoka_evaluation_set_fiscal_year(ev, 2008), HYOKA_OK); break;
    case 3: assert_int_equal(hyoka_evaluation_set_fiscal_year(ev, 0), HYOKA_OK); break;
    case 4: assert_int_equal(hyoka_evaluation_set_date(ev, 20080500), HYOKA_OK); break;
    case 5: assert_int_equal(hyoka_evaluation_set_date(ev, 0), HYOKA_OK); break;
    case 6: assert_int_equal(hyoka_evaluation_set_text(ev, HYOKA_EVAL_EVALUATOR, "課長", HYOKA_NTS), HYOKA_OK); break;
    case 7: assert_int_equal(hyoka_evaluation_set_text(ev, HYOKA_EVAL_SCHEME, "jp-standard", HYOKA_NTS), HYOKA_OK); break;
    case 8: assert_int_equal(hyoka_evaluation_set_text(ev, HYOKA_EVAL_VERDICT, NULL, 0), HYOKA_OK); break;
    case 9: assert_int_equal(hyoka_evaluation_set_text(ev, HYOKA_EVAL_BUDGET, "", 0), HYOKA_OK); break;
    case 10: assert_int_equal(hyoka_evaluation_set_expected(ev, HYOKA_EXPECTED_OUTCOME_UP, HYOKA_EXPECTED_COST_SAME), HYOKA_OK); break;
    case 11: assert_int_equal(hyoka_evaluation_set_expected(ev, HYOKA_EXPECTED_OUTCOME_SAME, HYOKA_UNSET), HYOKA_OK); break;
    case 12: assert_int_equal(hyoka_evaluation_set_answer(ev, "relevance", HYOKA_NTS, "B", HYOKA_NTS), HYOKA_OK); break;
    case 13: assert_int_equal(hyoka_evaluation_set_answer(ev, "impact", HYOKA_NTS, "A", HYOKA_NTS), HYOKA_OK); break;
    case 14:
        /* same answers, other order */
        assert_int_equal(hyoka_evaluation_set_answer(ev, "relevance", HYOKA_NTS, NULL, 0), HYOKA_OK);
        assert_int_equal(hyoka_evaluation_set_answer(ev, "relevance", HYOKA_NTS, "A", HYOKA_NTS), HYOKA_OK);
        break;
    case 15: assert_int_equal(hyoka_evaluation_set_comment(ev, "reason", HYOKA_NTS, "...", HYOKA_NTS), HYOKA_OK); break;
    case 16: assert_int_equal(hyoka_evaluation_set_comment(ev, "reason", HYOKA_NTS, NULL, 0), HYOKA_OK); break;
    case 17: assert_int_equal(hyoka_evaluation_set_comment(ev, "issues", HYOKA_NTS, "", 0), HYOKA_OK); break;
    case 18: assert_int_equal(hyoka_evaluation_add_goal(ev, NULL, 0, NULL, 0, 0), HYOKA_OK); break;
    case 19: assert_int_equal(hyoka_evaluation_remove_goal(ev, 0), HYOKA_OK); break;
    case 20:
        /* a goal whose what is "" instead of missing */
        assert_int_equal(hyoka_evaluation_remove_goal(ev, 1), HYOKA_OK);
        assert_int_equal(hyoka_evaluation_add_goal(ev, "", 0, "全員", HYOKA_NTS, 0), HYOKA_OK);
        break;
    case 21:
        assert_int_equal(hyoka_evaluation_remove_goal(ev, 0), HYOKA_OK);
        assert_int_equal(hyoka_evaluation_add_goal(ev, "受講率", HYOKA_NTS, "80%", HYOKA_NTS, 20081201), HYOKA_OK);
        break;
    default: fail();
    }
}

static void test_copy_equal(void **state)
{
    hyoka_evaluation *ev = NULL, *qe;
    hyoka_project *p = new_project(HYOKA_STAGE_PRIMARY, &ev);
    hyoka_project *q;
    const char *w, *l;
    int32_t by;
    (void)state;

    populate(ev);
    q = snapshot(p);
    qe = hyoka_project_evaluation_at(q, 0);
    assert_non_null(qe);
    assert_ptr_not_equal(qe, ev);
    assert_int_equal(hyoka_evaluation_stage(qe), HYOKA_STAGE_PRIMARY);
    assert_int_equal(hyoka_evaluation_fiscal_year(qe), 2007);
    assert_int_equal(hyoka_evaluation_date(qe), 20080515);
    assert_string_equal(hyoka_evaluation_text(qe, HYOKA_EVAL_EVALUATOR), "情報統計課長");
    assert_null(hyoka_evaluation_text(qe, HYOKA_EVAL_SCHEME));
    assert_int_equal(hyoka_evaluation_expected_outcome(qe), HYOKA_EXPECTED_OUTCOME_SAME);
    assert_int_equal(hyoka_evaluation_expected_cost(qe), HYOKA_EXPECTED_COST_SAME);
    assert_string_equal(hyoka_evaluation_answer(qe, "efficiency", HYOKA_NTS), "B");
    assert_ptr_not_equal(hyoka_evaluation_answer(qe, "efficiency", HYOKA_NTS),
                         hyoka_evaluation_answer(ev, "efficiency", HYOKA_NTS));
    assert_string_equal(hyoka_evaluation_comment(qe, "reason", HYOKA_NTS), "…");
    assert_int_equal(hyoka_evaluation_goal_count(qe), 2);
    assert_int_equal(hyoka_evaluation_goal_at(qe, 1, &w, &l, &by), HYOKA_OK);
    assert_null(w);
    assert_string_equal(l, "全員");
    assert_int_equal(by, 0);

    /* independent */
    assert_int_equal(hyoka_evaluation_set_answer(qe, "relevance", HYOKA_NTS, "C", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_remove_goal(qe, 0), HYOKA_OK);
    assert_string_equal(hyoka_evaluation_answer(ev, "relevance", HYOKA_NTS), "A");
    assert_int_equal(hyoka_evaluation_goal_count(ev), 2);
    hyoka_project_free(q);

    for (int m = 0; m < MUT_COUNT; m++) {
        q = snapshot(p);
        mutate(hyoka_project_evaluation_at(q, 0), m);
        if (hyoka_project_equal(p, q) || hyoka_project_equal(q, p))
            fail_msg("mutation %d left the projects equal", m);
        hyoka_project_free(q);
    }

    /* replacing with the same value keeps equality */
    q = snapshot(p);
    qe = hyoka_project_evaluation_at(q, 0);
    assert_int_equal(hyoka_evaluation_set_answer(qe, "relevance", HYOKA_NTS, "A", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_evaluation_set_text(qe, HYOKA_EVAL_VERDICT, "improve", HYOKA_NTS), HYOKA_OK);
    assert_true(hyoka_project_equal(p, q));
    hyoka_project_free(q);
    hyoka_project_free(p);
}

/* ------------------------------------------------------------------------ */
/* Allocation failures                                                        */

static int build(hyoka_project **pp, hyoka_evaluation **ee, int entries)
{
    hyoka_project *p = NULL;
    hyoka_evaluation *ev = NULL;
    char key[16];
    int rc = hyoka_project_new(&p);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka_project_add_evaluation(p, HYOKA_STAGE_PRIMARY, &ev);
    if (rc == HYOKA_OK)
        rc = hyoka_evaluation_set_text(ev, HYOKA_EVAL_VERDICT, "improve", HYOKA_NTS);
    for (int i = 0; i < entries && rc == HYOKA_OK; i++) {
        key[0] = (char)('a' + i);
        key[1] = '\0';
        rc = hyoka_evaluation_set_answer(ev, key, HYOKA_NTS, "A", HYOKA_NTS);
        if (rc == HYOKA_OK)
            rc = hyoka_evaluation_set_comment(ev, key, HYOKA_NTS, "コメント", HYOKA_NTS);
        if (rc == HYOKA_OK)
            rc = hyoka_evaluation_add_goal(ev, key, HYOKA_NTS, "lvl", HYOKA_NTS, 20081200);
    }
    if (rc != HYOKA_OK) {
        hyoka_project_free(p);
        return rc;
    }
    *pp = p;
    *ee = ev;
    return HYOKA_OK;
}

struct sweep_ctx {
    int entries;
    int op;
    int field;
};

static int body_op(void *vctx)
{
    const struct sweep_ctx *ctx = vctx;
    hyoka_project *p = NULL, *snap = NULL;
    hyoka_evaluation *ev = NULL;
    size_t n;
    int rc = build(&p, &ev, ctx->entries);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka_project_copy(p, &snap);
    if (rc != HYOKA_OK) {
        hyoka_project_free(p);
        return rc;
    }
    switch (ctx->op) {
    case 0: /* set_text, set or replace */
        rc = hyoka_evaluation_set_text(ev, ctx->field, "二次評価者", HYOKA_NTS);
        if (rc == HYOKA_OK)
            assert_string_equal(hyoka_evaluation_text(ev, ctx->field), "二次評価者");
        break;
    case 1: /* set_text, to missing */
        rc = hyoka_evaluation_set_text(ev, ctx->field, NULL, 0);
        assert_int_equal(rc, HYOKA_OK);
        break;
    case 2: /* set_answer, new key */
        n = hyoka_evaluation_answer_count(ev);
        rc = hyoka_evaluation_set_answer(ev, "新規", HYOKA_NTS, "B", HYOKA_NTS);
        if (rc == HYOKA_OK) {
            assert_int_equal(hyoka_evaluation_answer_count(ev), n + 1);
            assert_string_equal(hyoka_evaluation_answer(ev, "新規", HYOKA_NTS), "B");
        } else {
            assert_int_equal(hyoka_evaluation_answer_count(ev), n);
            assert_null(hyoka_evaluation_answer(ev, "新規", HYOKA_NTS));
        }
        break;
    case 3: /* set_answer, replacement */
        rc = hyoka_evaluation_set_answer(ev, "a", HYOKA_NTS, "C", HYOKA_NTS);
        assert_string_equal(hyoka_evaluation_answer(ev, "a", HYOKA_NTS), rc == HYOKA_OK ? "C" : "A");
        break;
    case 4: /* set_comment, new key */
        n = hyoka_evaluation_comment_count(ev);
        rc = hyoka_evaluation_set_comment(ev, "improvements", HYOKA_NTS, "改善", HYOKA_NTS);
        if (rc == HYOKA_OK) {
            assert_int_equal(hyoka_evaluation_comment_count(ev), n + 1);
        } else {
            assert_int_equal(hyoka_evaluation_comment_count(ev), n);
            assert_null(hyoka_evaluation_comment(ev, "improvements", HYOKA_NTS));
        }
        break;
    case 5: /* set_comment, replacement */
        rc = hyoka_evaluation_set_comment(ev, "a", HYOKA_NTS, "別のコメント", HYOKA_NTS);
        assert_string_equal(hyoka_evaluation_comment(ev, "a", HYOKA_NTS), rc == HYOKA_OK ? "別のコメント" : "コメント");
        break;
    case 6: /* add_goal */
        n = hyoka_evaluation_goal_count(ev);
        rc = hyoka_evaluation_add_goal(ev, "受講率", HYOKA_NTS, "80%", HYOKA_NTS, 20090300);
        assert_int_equal(hyoka_evaluation_goal_count(ev), rc == HYOKA_OK ? n + 1 : n);
        break;
    case 7: /* add_goal with only a level */
        n = hyoka_evaluation_goal_count(ev);
        rc = hyoka_evaluation_add_goal(ev, NULL, 0, "80%", HYOKA_NTS, 0);
        assert_int_equal(hyoka_evaluation_goal_count(ev), rc == HYOKA_OK ? n + 1 : n);
        break;
    case 8: /* add_evaluation on the project */
        rc = hyoka_project_add_evaluation(p, HYOKA_STAGE_SECONDARY, NULL);
        assert_int_equal(hyoka_project_evaluation_count(p), rc == HYOKA_OK ? 2 : 1);
        break;
    default: fail();
    }
    if (rc != HYOKA_OK)
        assert_true(hyoka_project_equal(p, snap));
    hyoka_project_free(snap);
    hyoka_project_free(p);
    return rc;
}

static void test_alloc_set_text(void **state)
{
    struct sweep_ctx ctx = {0, 0, 0};
    (void)state;
    for (ctx.field = 0; ctx.field < TEXT_FIELDS; ctx.field++)
        for (ctx.op = 0; ctx.op <= 1; ctx.op++)
            assert_true(failalloc_sweep(body_op, &ctx) > 0);
}

static void test_alloc_answers_comments(void **state)
{
    struct sweep_ctx ctx = {0, 0, 0};
    (void)state;
    for (ctx.entries = 0; ctx.entries <= 8; ctx.entries++)
        for (ctx.op = 2; ctx.op <= 5; ctx.op++)
            if (ctx.entries > 0 || (ctx.op != 3 && ctx.op != 5))
                assert_true(failalloc_sweep(body_op, &ctx) > 0);
}

static void test_alloc_add_goal(void **state)
{
    struct sweep_ctx ctx = {0, 6, 0};
    (void)state;
    for (ctx.entries = 0; ctx.entries <= 8; ctx.entries++)
        for (ctx.op = 6; ctx.op <= 7; ctx.op++)
            assert_true(failalloc_sweep(body_op, &ctx) > 0);
}

static void test_alloc_add_evaluation(void **state)
{
    struct sweep_ctx ctx = {2, 8, 0};
    (void)state;
    assert_true(failalloc_sweep(body_op, &ctx) > 0);
}

/* Copy of a project holding a populated year, indicator and evaluation. */
static int body_copy(void *vctx)
{
    hyoka_project *p = NULL, *q = NULL;
    hyoka_evaluation *ev = NULL;
    hyoka_costs *c = NULL;
    hyoka_indicator *ind = NULL;
    hyoka_staff *s = NULL;
    hyoka_decimal d = hyoka_decimal_from_int(60);
    int rc = build(&p, &ev, 3);
    (void)vctx;
    if (rc != HYOKA_OK)
        return rc;
    for (int f = 0; f < TEXT_FIELDS && rc == HYOKA_OK; f++)
        rc = hyoka_evaluation_set_text(ev, f, "t", HYOKA_NTS);
    if (rc == HYOKA_OK)
        rc = hyoka_evaluation_add_goal(ev, NULL, 0, NULL, 0, 0);
    if (rc == HYOKA_OK)
        rc = hyoka_project_add_year(p, 2007, &c);
    if (rc == HYOKA_OK)
        rc = hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, &s);
    if (rc == HYOKA_OK) {
        assert_int_equal(hyoka_staff_set_decimal(s, HYOKA_STAFF_FTE, &d), HYOKA_OK);
        /* the first stated figure of a year allocates its block */
        rc = hyoka_costs_set_stated(c, HYOKA_FIG_TOTAL_COST, &d, HYOKA_UNIT_THOUSAND_YEN);
    }
    if (rc == HYOKA_OK)
        rc = hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &ind);
    if (rc == HYOKA_OK)
        rc = hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NAME, "受講率", HYOKA_NTS);
    if (rc == HYOKA_OK)
        rc = hyoka_indicator_set_value(ind, 2007, HYOKA_VALUE_TARGET, &d);
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
        cmocka_unit_test(test_new_evaluation),
        cmocka_unit_test(test_null_handles),
        cmocka_unit_test(test_stage),
        cmocka_unit_test(test_fiscal_year),
        cmocka_unit_test(test_date),
        cmocka_unit_test(test_texts),
        cmocka_unit_test(test_expected),
        cmocka_unit_test(test_answers),
        cmocka_unit_test(test_comments),
        cmocka_unit_test(test_answers_and_comments_are_separate),
        cmocka_unit_test(test_goals),
        cmocka_unit_test(test_seed_evaluation),
        cmocka_unit_test(test_copy_equal),
        cmocka_unit_test(test_alloc_set_text),
        cmocka_unit_test(test_alloc_answers_comments),
        cmocka_unit_test(test_alloc_add_goal),
        cmocka_unit_test(test_alloc_add_evaluation),
        cmocka_unit_test(test_alloc_copy),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
