/* Unit tests of the roll-ups and rankings that take projects one at a time
 * (figures.h: hyoka_rollup_start/add, hyoka_ranking_start/add/entry, and
 * hyoka_ranking_figure/add_entry, a ranking built from kept figures): for
 * every sample document, the national review sample (its tables and its
 * hyoka/1 form) and generated
 * portfolios (with amounts that overflow), adding the top-level projects
 * one by one gives the rows, keys, counts, totals and statuses of
 * hyoka_rollup_new() and the order, codes, names, values and reasons of
 * hyoka_ranking_new(), as does adding each project's code, name and
 * figure (hyoka_ranking_figure()) by hyoka_ranking_add_entry(); so does a
 * stream whose projects are released after
 * each add (run under ASan or valgrind: nothing freed is used); rows and
 * entries read between adds are those of the projects added so far;
 * argument errors; allocation failures leave the roll-up or ranking as it
 * was. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>
#include <hyoka/figures.h>
#include <hyoka/rs.h>
#include <hyoka/stream.h>

#include "docs.h"
#include "failalloc.h"

#define BIG (INT64_MAX / 2 + 1)
#define MONEY_FIGURES (HYOKA_FIG_SPECIFIC_REVENUE + 1)
#define GROUPS (HYOKA_GROUP_VERDICT + 1)

#define OK(call) ok_((call), #call, __LINE__)

static void ok_(int rc, const char *what, int line)
{
    if (rc != HYOKA_OK)
        fail_msg("line %d: %s: %s (%s)", line, what, hyoka_status_name(rc), hyoka_error_last());
}

/* A call that must fail with @p code, recorded as the last error with a
 * message naming @p fn. */
#define EXPECT_FAIL(code, fn, call)                                                                \
    do {                                                                                           \
        int rc_;                                                                                   \
        hyoka_error_clear();                                                                       \
        rc_ = (call);                                                                              \
        assert_int_equal(rc_, (code));                                                             \
        assert_int_equal(hyoka_error_last_code(), (code));                                         \
        assert_true(strncmp(hyoka_error_last(), fn ": ", strlen(fn ": ")) == 0);                   \
    } while (0)

static bool same_str(const char *a, const char *b)
{
    return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

/* ---- comparisons ---------------------------------------------------------- */

/* @p got has the rows of @p want: keys, project counts, every total and
 * its status. */
static void same_rollup(const hyoka_rollup *want, const hyoka_rollup *got, const char *what)
{
    size_t n = hyoka_rollup_count(want);

    if (hyoka_rollup_count(got) != n)
        fail_msg("%s: %zu rows, want %zu", what, hyoka_rollup_count(got), n);
    for (size_t row = 0; row < n; row++) {
        if (!same_str(hyoka_rollup_key(want, row), hyoka_rollup_key(got, row)))
            fail_msg("%s: row %zu key \"%s\", want \"%s\"", what, row, hyoka_rollup_key(got, row),
                     hyoka_rollup_key(want, row));
        assert_int_equal(hyoka_rollup_projects(got, row), hyoka_rollup_projects(want, row));
        for (int f = HYOKA_FIG_EXPENSE; f < MONEY_FIGURES; f++) {
            int64_t a = -7, b = -7;
            int ra = hyoka_rollup_total(want, row, f, &a), rb = hyoka_rollup_total(got, row, f, &b);
            if (ra != rb || a != b)
                fail_msg("%s: row %zu figure %d: %d %lld, want %d %lld", what, row, f, rb, (long long)b, ra,
                         (long long)a);
        }
    }
    assert_null(hyoka_rollup_key(got, n));
    assert_int_equal(hyoka_rollup_projects(got, n), 0);
}

/* @p got orders the entries of @p want the same way, with the same codes,
 * names, values, reasons and statuses. */
static void same_ranking(const hyoka_ranking *want, const hyoka_ranking *got, const char *what)
{
    size_t n = hyoka_ranking_count(want);

    if (hyoka_ranking_count(got) != n)
        fail_msg("%s: %zu entries, want %zu", what, hyoka_ranking_count(got), n);
    for (size_t i = 0; i < n; i++) {
        hyoka_project *p = NULL, *q = (hyoka_project *)&p;
        const char *code_a = "?", *name_a = "?", *code_b = "?", *name_b = "?";
        hyoka_decimal va = hyoka_decimal_from_int(-7), vb = hyoka_decimal_from_int(-7);
        int why_a = -7, why_b = -7;
        int ra = hyoka_ranking_entry(want, i, &code_a, &name_a, &va, &why_a);
        int rb = hyoka_ranking_entry(got, i, &code_b, &name_b, &vb, &why_b);
        if (ra != rb || why_a != why_b || !same_str(code_a, code_b) || !same_str(name_a, name_b) ||
            !hyoka_decimal_identical(&va, &vb))
            fail_msg("%s: entry %zu: %d %s %s reason %d, want %d %s %s reason %d", what, i, rb,
                     code_b ? code_b : "(null)", name_b ? name_b : "(null)", why_b, ra, code_a ? code_a : "(null)",
                     name_a ? name_a : "(null)", why_a);
        assert_true(ra == HYOKA_OK || ra == HYOKA_EUNAVAILABLE);
        /* the ranking of the portfolio gives its project, whose code and
         * name the entry has; the other keeps none */
        assert_int_equal(hyoka_ranking_at(want, i, &p, NULL, NULL), ra);
        assert_non_null(p);
        assert_true(same_str(hyoka_project_text(p, HYOKA_TEXT_CODE), code_a));
        assert_true(same_str(hyoka_project_text(p, HYOKA_TEXT_NAME), name_a));
        assert_int_equal(hyoka_ranking_at(got, i, &q, NULL, NULL), ra);
        assert_null(q);
    }
}

/* Add @p p to @p r from its values: its code, name and the figure that
 * hyoka_ranking_figure() gives, which is what hyoka_ranking_add() enters
 * (the status says whether it is available, and an unavailable one leaves
 * the value as it was). */
static void add_values(hyoka_ranking *r, const hyoka_project *p)
{
    hyoka_decimal v = hyoka_decimal_from_int(-7);
    int why = -7;
    int rc = hyoka_ranking_figure(r, p, &v, &why);

    assert_true(rc == HYOKA_OK || rc == HYOKA_EUNAVAILABLE);
    assert_int_equal(rc == HYOKA_OK, why == HYOKA_REASON_NONE);
    if (rc != HYOKA_OK) {
        hyoka_decimal untouched = hyoka_decimal_from_int(-7);
        assert_true(hyoka_decimal_identical(&v, &untouched));
    }
    OK(hyoka_ranking_add_entry(r, hyoka_project_text(p, HYOKA_TEXT_CODE), hyoka_project_text(p, HYOKA_TEXT_NAME),
                               rc == HYOKA_OK ? &v : NULL, why));
}

/* ---- one portfolio -------------------------------------------------------- */

/* The fiscal years a roll-up or ranking is checked for: 0 (all), and the
 * first and last of the first project with cost years. */
static size_t years_of(const hyoka_portfolio *pf, int32_t years[3])
{
    size_t n = 0;

    years[n++] = 0;
    for (size_t i = 0; i < hyoka_portfolio_project_count(pf); i++) {
        const hyoka_project *p = hyoka_portfolio_project_at(pf, i);
        size_t k = hyoka_project_year_count(p);
        if (k == 0)
            continue;
        years[n++] = hyoka_costs_fiscal_year(hyoka_project_year_at(p, 0));
        if (k > 1)
            years[n++] = hyoka_costs_fiscal_year(hyoka_project_year_at(p, k - 1));
        break;
    }
    return n;
}

static int depth_of(int group_by, int d)
{
    return group_by == HYOKA_GROUP_POLICY ? d : 1;
}

/* Every roll-up and ranking of @p pf, whole and one project at a time. */
static void check_portfolio(const hyoka_portfolio *pf, const char *what)
{
    int32_t years[3];
    size_t ny = years_of(pf, years), np = hyoka_portfolio_project_count(pf);

    for (size_t y = 0; y < ny; y++) {
        for (int g = 0; g < GROUPS; g++) {
            for (int d = 1; d <= (g == HYOKA_GROUP_POLICY ? 2 : 1); d++) {
                hyoka_rollup *want = NULL, *got = NULL, *reversed = NULL;
                char label[256];
                snprintf(label, sizeof label, "%s group %d depth %d year %d", what, g, d, (int)years[y]);
                OK(hyoka_rollup_new(&want, pf, g, depth_of(g, d), years[y]));
                OK(hyoka_rollup_start(&got, g, depth_of(g, d), years[y]));
                OK(hyoka_rollup_start(&reversed, g, depth_of(g, d), years[y]));
                for (size_t i = 0; i < np; i++) {
                    OK(hyoka_rollup_add(got, hyoka_portfolio_project_at(pf, i)));
                    /* in another order, reading as it goes: the rows stay
                     * sorted and the end is the same */
                    OK(hyoka_rollup_add(reversed, hyoka_portfolio_project_at(pf, np - 1 - i)));
                    for (size_t row = 1; row < hyoka_rollup_count(reversed); row++) {
                        const char *a = hyoka_rollup_key(reversed, row - 1), *b = hyoka_rollup_key(reversed, row);
                        if (g == HYOKA_GROUP_FISCAL_YEAR)
                            assert_true(atoi(a) < atoi(b));
                        else
                            assert_true(strcmp(a, b) < 0);
                    }
                }
                same_rollup(want, got, label);
                same_rollup(want, reversed, label);
                hyoka_rollup_free(want);
                hyoka_rollup_free(got);
                hyoka_rollup_free(reversed);
            }
        }
        for (int k = 0; k < 2; k++) {
            int figure = k == 0 ? HYOKA_FIG_TOTAL_COST : HYOKA_FIG_SCORE;
            int32_t year = years[y] != 0 ? years[y] : 2020;
            for (int desc = 0; desc < 2; desc++) {
                hyoka_ranking *want = NULL, *got = NULL, *read = NULL, *values = NULL;
                char label[256];
                snprintf(label, sizeof label, "%s ranking %d year %d desc %d", what, figure, (int)year, desc);
                OK(hyoka_ranking_new(&want, pf, figure, year, desc));
                OK(hyoka_ranking_start(&got, figure, year, desc));
                OK(hyoka_ranking_start(&read, figure, year, desc));
                OK(hyoka_ranking_start(&values, figure, year, desc));
                for (size_t i = 0; i < np; i++) {
                    OK(hyoka_ranking_add(got, hyoka_portfolio_project_at(pf, i)));
                    add_values(values, hyoka_portfolio_project_at(pf, i));
                    /* read after every add, or after every tenth */
                    OK(hyoka_ranking_add(read, hyoka_portfolio_project_at(pf, i)));
                    if (i % (desc ? 1 : 10) == 0) {
                        int rc = hyoka_ranking_entry(read, 0, NULL, NULL, NULL, NULL);
                        assert_true(rc == HYOKA_OK || rc == HYOKA_EUNAVAILABLE);
                    }
                }
                same_ranking(want, got, label);
                same_ranking(want, read, label);
                same_ranking(want, values, label);
                hyoka_ranking_free(want);
                hyoka_ranking_free(got);
                hyoka_ranking_free(read);
                hyoka_ranking_free(values);
            }
        }
    }
}

/* The same through a stream: each project is released by the next
 * hyoka_stream_next() right after it was added. */
static void check_stream(const hyoka_portfolio *pf, const char *text, size_t len, const char *what)
{
    enum { ROLLUPS = GROUPS + 1 };
    hyoka_rollup *want[ROLLUPS], *got[ROLLUPS];
    hyoka_ranking *want_rank[2], *got_rank[2], *value_rank[2];
    int32_t years[3] = {0, 0, 0};
    int32_t year;
    hyoka_stream *s = NULL;
    hyoka_project *p;
    int rc;

    years_of(pf, years);
    year = years[1] != 0 ? years[1] : 2020;
    for (int g = 0; g < ROLLUPS; g++) {
        /* every grouping of all years, and policy depth 2 of one year */
        int group = g < GROUPS ? g : HYOKA_GROUP_POLICY;
        int depth = g < GROUPS ? 1 : 2;
        int32_t fy = g < GROUPS ? 0 : years[1];
        OK(hyoka_rollup_new(&want[g], pf, group, depth, fy));
        OK(hyoka_rollup_start(&got[g], group, depth, fy));
    }
    for (int k = 0; k < 2; k++) {
        int figure = k == 0 ? HYOKA_FIG_TOTAL_COST : HYOKA_FIG_SCORE;
        OK(hyoka_ranking_new(&want_rank[k], pf, figure, year, k));
        OK(hyoka_ranking_start(&got_rank[k], figure, year, k));
        OK(hyoka_ranking_start(&value_rank[k], figure, year, k));
    }
    OK(hyoka_stream_open_memory(&s, text, len, NULL, NULL));
    while ((rc = hyoka_stream_next(s, &p)) == 1) {
        for (int g = 0; g < ROLLUPS; g++)
            OK(hyoka_rollup_add(got[g], p));
        for (int k = 0; k < 2; k++) {
            OK(hyoka_ranking_add(got_rank[k], p));
            add_values(value_rank[k], p);
        }
    }
    assert_int_equal(rc, 0);
    hyoka_stream_free(s); /* nothing of the stream is left to refer to */
    for (int g = 0; g < ROLLUPS; g++) {
        same_rollup(want[g], got[g], what);
        hyoka_rollup_free(want[g]);
        hyoka_rollup_free(got[g]);
    }
    for (int k = 0; k < 2; k++) {
        same_ranking(want_rank[k], got_rank[k], what);
        same_ranking(want_rank[k], value_rank[k], what);
        hyoka_ranking_free(want_rank[k]);
        hyoka_ranking_free(got_rank[k]);
        hyoka_ranking_free(value_rank[k]);
    }
}

static void on_document(const char *path, const char *text, size_t len, void *user)
{
    hyoka_portfolio *pf = NULL;

    if (hyoka_json_read(text, len, NULL, &pf, NULL) != HYOKA_OK)
        return;
    (*(size_t *)user)++;
    check_portfolio(pf, path);
    check_stream(pf, text, len, path);
    hyoka_portfolio_free(pf);
}

/* The samples docs_each() does not visit: the JSON files of tests/data/rs
 * (the national review sample in hyoka/1). */
static size_t each_data_document(void *user)
{
    const char *root = getenv("HYOKA_SOURCE_ROOT");
    char dir[1024];

    if (!root)
        return 0;
    snprintf(dir, sizeof dir, "%s/tests/data/rs", root);
    return docs_each_in(dir, on_document, user);
}

static void test_samples(void **state)
{
    size_t read = 0, seen;
    (void)state;

    seen = docs_each(on_document, &read) + each_data_document(&read);
    if (seen == 0)
        skip();
    assert_true(read >= 6); /* the sample sheets and the national review sample at least */
}

static void test_national_review_sample(void **state)
{
    const char *root = getenv("HYOKA_SOURCE_ROOT");
    hyoka_portfolio *pf = NULL;
    char dir[1024];
    (void)state;

    if (!root)
        skip();
    snprintf(dir, sizeof dir, "%s/tests/data/rs-sample-2024", root);
    OK(hyoka_rs_read_dir(dir, NULL, &pf, NULL));
    assert_true(hyoka_portfolio_project_count(pf) == 5); /* projects 11, 884, 1319, 3522, 18556 */
    check_portfolio(pf, "rs-sample-2024");
    hyoka_portfolio_free(pf);
}

/* Generated portfolios: every kind of gap, and amounts that overflow. */
static void test_generated(void **state)
{
    (void)state;
    for (unsigned seed = 1; seed <= 12; seed++) {
        hyoka_portfolio *pf = docs_generate(seed, 40);
        char label[32];
        snprintf(label, sizeof label, "seed %u", seed);
        check_portfolio(pf, label);
        hyoka_portfolio_free(pf);
    }
}

/* ---- hand-made cases ------------------------------------------------------ */

static hyoka_project *project(const char *code, const char *department, int32_t fy, int64_t settlement)
{
    hyoka_project *p = NULL;
    hyoka_costs *c = NULL;

    OK(hyoka_project_new(&p));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_CODE, code, HYOKA_NTS));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_NAME, "事業", HYOKA_NTS));
    if (department)
        OK(hyoka_project_set_text(p, HYOKA_TEXT_DEPARTMENT, department, HYOKA_NTS));
    if (fy) {
        OK(hyoka_project_add_year(p, fy, &c));
        OK(hyoka_costs_set_phase(c, HYOKA_PHASE_SETTLED));
        OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, settlement));
    }
    return p;
}

static void row_is(const hyoka_rollup *r, size_t row, const char *key, size_t projects, int64_t expense)
{
    int64_t v = -1;

    assert_string_equal(hyoka_rollup_key(r, row), key);
    assert_int_equal(hyoka_rollup_projects(r, row), projects);
    OK(hyoka_rollup_total(r, row, HYOKA_FIG_EXPENSE, &v));
    assert_int_equal(v, expense);
}

/* Add @p p to both roll-ups, then free it. */
static void add_and_free(hyoka_rollup *a, hyoka_rollup *b, hyoka_project *p)
{
    OK(hyoka_rollup_add(a, p));
    OK(hyoka_rollup_add(b, p));
    hyoka_project_free(p);
}

/* Rows read between adds are those of the projects added so far, each
 * project freed right after its add. */
static void test_rollup_between_adds(void **state)
{
    hyoka_rollup *dept = NULL, *years = NULL;
    hyoka_project *p;
    (void)state;

    OK(hyoka_rollup_start(&dept, HYOKA_GROUP_DEPARTMENT, 0, 0));
    OK(hyoka_rollup_start(&years, HYOKA_GROUP_FISCAL_YEAR, 0, 0));
    assert_int_equal(hyoka_rollup_count(dept), 0);
    assert_null(hyoka_rollup_key(dept, 0));

    p = project("1", "総務部", 2023, 100);
    add_and_free(dept, years, p);
    assert_int_equal(hyoka_rollup_count(dept), 1);
    row_is(dept, 0, "総務部", 1, 100);
    row_is(years, 0, "2023", 1, 100);

    p = project("2", "企画部", 2009, 50);
    add_and_free(dept, years, p);
    assert_int_equal(hyoka_rollup_count(dept), 2);
    /* bytewise: 企 (E4 BC 81) before 総 (E7 B7 8F) */
    row_is(dept, 0, "企画部", 1, 50);
    row_is(dept, 1, "総務部", 1, 100);
    /* numerically: 2009 before 2023 */
    row_is(years, 0, "2009", 1, 50);
    row_is(years, 1, "2023", 1, 100);

    p = project("3", NULL, 2023, 7);
    {
        hyoka_costs *c = NULL;
        /* a second cost year of 2023: the project counts once in 2023 */
        OK(hyoka_project_add_year(p, 2023, &c));
        OK(hyoka_costs_set_phase(c, HYOKA_PHASE_SETTLED));
        OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 3));
        OK(hyoka_project_add_year(p, 2010, &c));
    }
    add_and_free(dept, years, p);
    assert_int_equal(hyoka_rollup_count(dept), 3);
    row_is(dept, 0, "", 1, 10);
    row_is(dept, 1, "企画部", 1, 50);
    row_is(dept, 2, "総務部", 1, 100);
    assert_int_equal(hyoka_rollup_count(years), 3);
    row_is(years, 0, "2009", 1, 50);
    row_is(years, 1, "2010", 1, 0);
    row_is(years, 2, "2023", 2, 110);

    hyoka_rollup_free(dept);
    hyoka_rollup_free(years);
}

/* A total that overflows is unavailable on its own, as in
 * hyoka_rollup_new(); an amount of the other sign brings it back. */
static void test_rollup_overflow(void **state)
{
    hyoka_rollup *r = NULL;
    hyoka_project *p;
    int64_t v = -1;
    (void)state;

    OK(hyoka_rollup_start(&r, HYOKA_GROUP_DEPARTMENT, 0, 2020));
    p = project("a", "d", 2020, BIG);
    OK(hyoka_rollup_add(r, p));
    hyoka_project_free(p);
    row_is(r, 0, "d", 1, BIG);
    p = project("b", "d", 2020, BIG);
    OK(hyoka_rollup_add(r, p));
    hyoka_project_free(p);
    EXPECT_FAIL(HYOKA_ERANGE, "hyoka_rollup_total", hyoka_rollup_total(r, 0, HYOKA_FIG_EXPENSE, &v));
    EXPECT_FAIL(HYOKA_ERANGE, "hyoka_rollup_total", hyoka_rollup_total(r, 0, HYOKA_FIG_TOTAL_COST, &v));
    assert_int_equal(v, -1);
    OK(hyoka_rollup_total(r, 0, HYOKA_FIG_PERSONNEL, &v));
    assert_int_equal(v, 0);
    p = project("c", "d", 2020, -BIG);
    OK(hyoka_rollup_add(r, p));
    hyoka_project_free(p);
    row_is(r, 0, "d", 3, BIG);
    /* a project without a cost year of 2020 takes no part */
    p = project("e", "d", 2021, 1);
    OK(hyoka_rollup_add(r, p));
    hyoka_project_free(p);
    row_is(r, 0, "d", 3, BIG);
    hyoka_rollup_free(r);
}

static void entry_is(const hyoka_ranking *r, size_t i, const char *code, int64_t value, int reason)
{
    const char *c = NULL, *name = NULL;
    hyoka_decimal v = hyoka_decimal_from_int(-7), want = hyoka_decimal_from_int(value);
    int why = -7;
    int rc = hyoka_ranking_entry(r, i, &c, &name, &v, &why);

    assert_string_equal(c, code);
    assert_string_equal(name, "事業");
    assert_int_equal(why, reason);
    assert_int_equal(rc, reason == HYOKA_REASON_NONE ? HYOKA_OK : HYOKA_EUNAVAILABLE);
    if (rc != HYOKA_OK)
        want = hyoka_decimal_from_int(-7); /* left unchanged */
    assert_true(hyoka_decimal_identical(&v, &want));
}

/* Entries read between adds are ordered; ties and unavailable entries
 * keep the order of the adds; codes and names outlive the projects. */
static void test_ranking_between_adds(void **state)
{
    static const struct {
        const char *code;
        int32_t year;
        int64_t amount;
    } adds[] = {{"a", 2020, 30}, {"b", 2019, 5}, {"c", 2020, 10}, {"d", 2020, 30}, {"e", 0, 0}, {"f", 2020, BIG}};
    hyoka_ranking *r = NULL;
    (void)state;

    OK(hyoka_ranking_start(&r, HYOKA_FIG_EXPENSE, 2020, 1));
    assert_int_equal(hyoka_ranking_count(r), 0);
    EXPECT_FAIL(HYOKA_ENOTFOUND, "hyoka_ranking_entry", hyoka_ranking_entry(r, 0, NULL, NULL, NULL, NULL));
    for (size_t i = 0; i < 4; i++) {
        hyoka_project *p = project(adds[i].code, NULL, adds[i].year, adds[i].amount);
        OK(hyoka_ranking_add(r, p));
        hyoka_project_free(p);
        assert_int_equal(hyoka_ranking_count(r), i + 1);
        if (i == 1) { /* a 30; b without 2020 */
            entry_is(r, 0, "a", 30, HYOKA_REASON_NONE);
            entry_is(r, 1, "b", 0, HYOKA_REASON_NO_YEAR);
        }
    }
    /* descending: a 30, d 30 (tie: order of adds), c 10, then b */
    entry_is(r, 0, "a", 30, HYOKA_REASON_NONE);
    entry_is(r, 1, "d", 30, HYOKA_REASON_NONE);
    entry_is(r, 2, "c", 10, HYOKA_REASON_NONE);
    entry_is(r, 3, "b", 0, HYOKA_REASON_NO_YEAR);
    for (size_t i = 4; i < 6; i++) {
        hyoka_project *p = project(adds[i].code, NULL, adds[i].year, adds[i].amount);
        OK(hyoka_ranking_add(r, p));
        hyoka_project_free(p);
    }
    entry_is(r, 0, "f", BIG, HYOKA_REASON_NONE);
    entry_is(r, 1, "a", 30, HYOKA_REASON_NONE);
    entry_is(r, 2, "d", 30, HYOKA_REASON_NONE);
    entry_is(r, 3, "c", 10, HYOKA_REASON_NONE);
    entry_is(r, 4, "b", 0, HYOKA_REASON_NO_YEAR);
    entry_is(r, 5, "e", 0, HYOKA_REASON_NO_YEAR);
    {
        /* the project of an added entry is not kept */
        hyoka_project *q = (hyoka_project *)&r;
        assert_int_equal(hyoka_ranking_at(r, 0, &q, NULL, NULL), HYOKA_OK);
        assert_null(q);
        EXPECT_FAIL(HYOKA_EUNAVAILABLE, "hyoka_ranking_at", hyoka_ranking_at(r, 4, &q, NULL, NULL));
    }
    hyoka_ranking_free(r);
}

/* A figure that overflows makes its entry unavailable, not the add. */
static void test_ranking_overflow(void **state)
{
    hyoka_ranking *r = NULL;
    hyoka_project *p = project("x", NULL, 2020, BIG);
    hyoka_costs *c = hyoka_project_year_at(p, 0);
    int why = -1;
    (void)state;

    OK(hyoka_costs_set(c, HYOKA_COST_DEBT_SERVICE, BIG));
    OK(hyoka_ranking_start(&r, HYOKA_FIG_TOTAL_COST, 2020, 0));
    OK(hyoka_ranking_add(r, p));
    hyoka_project_free(p);
    EXPECT_FAIL(HYOKA_EUNAVAILABLE, "hyoka_ranking_entry", hyoka_ranking_entry(r, 0, NULL, NULL, NULL, &why));
    assert_int_equal(why, HYOKA_REASON_OVERFLOW);
    hyoka_ranking_free(r);
}

/* A ranking of a portfolio borrows its projects: an entry gives the code
 * the project has when asked, as hyoka_ranking_at() does. */
static void test_ranking_new_reads_projects(void **state)
{
    hyoka_portfolio *pf = NULL;
    hyoka_ranking *r = NULL;
    hyoka_project *p = NULL;
    const char *code = NULL;
    (void)state;

    OK(hyoka_portfolio_new(&pf));
    OK(hyoka_portfolio_add_project(pf, project("old", NULL, 2020, 5)));
    OK(hyoka_portfolio_add_project(pf, project("other", NULL, 2020, 9)));
    OK(hyoka_ranking_new(&r, pf, HYOKA_FIG_EXPENSE, 2020, 1));
    OK(hyoka_project_set_text(hyoka_portfolio_project_at(pf, 0), HYOKA_TEXT_CODE, "new", HYOKA_NTS));
    OK(hyoka_ranking_entry(r, 1, &code, NULL, NULL, NULL));
    assert_string_equal(code, "new");
    OK(hyoka_ranking_at(r, 1, &p, NULL, NULL));
    assert_ptr_equal(p, hyoka_portfolio_project_at(pf, 0));
    OK(hyoka_ranking_entry(r, 0, &code, NULL, NULL, NULL));
    assert_string_equal(code, "other");
    hyoka_ranking_free(r);
    hyoka_portfolio_free(pf);
}

static void test_arguments(void **state)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *parent = project("p", NULL, 2020, 1), *child = project("c", NULL, 2020, 1);
    hyoka_rollup *r = NULL;
    hyoka_ranking *k = NULL, *whole = NULL;
    (void)state;

    OK(hyoka_project_add_child(parent, child));
    EXPECT_FAIL(HYOKA_EINVAL, "hyoka_rollup_start", hyoka_rollup_start(NULL, HYOKA_GROUP_DEPARTMENT, 1, 0));
    EXPECT_FAIL(HYOKA_EINVAL, "hyoka_rollup_start", hyoka_rollup_start(&r, -1, 1, 0));
    EXPECT_FAIL(HYOKA_EINVAL, "hyoka_rollup_start", hyoka_rollup_start(&r, GROUPS, 1, 0));
    EXPECT_FAIL(HYOKA_EINVAL, "hyoka_rollup_start", hyoka_rollup_start(&r, HYOKA_GROUP_POLICY, 0, 0));
    EXPECT_FAIL(HYOKA_EINVAL, "hyoka_rollup_start", hyoka_rollup_start(&r, HYOKA_GROUP_DEPARTMENT, 1, 1867));
    EXPECT_FAIL(HYOKA_EINVAL, "hyoka_rollup_start", hyoka_rollup_start(&r, HYOKA_GROUP_DEPARTMENT, 1, 10000));
    assert_null(r);
    /* the same checks through hyoka_rollup_new() name it */
    OK(hyoka_portfolio_new(&pf));
    {
        hyoka_rollup *w = NULL;
        EXPECT_FAIL(HYOKA_EINVAL, "hyoka_rollup_new", hyoka_rollup_new(&w, pf, HYOKA_GROUP_POLICY, 0, 0));
        EXPECT_FAIL(HYOKA_EINVAL, "hyoka_ranking_new", hyoka_ranking_new(&whole, pf, HYOKA_FIG_ACHIEVEMENT, 0, 0));
        assert_null(w);
    }
    OK(hyoka_rollup_start(&r, HYOKA_GROUP_POLICY, 3, 2020));
    EXPECT_FAIL(HYOKA_EINVAL, "hyoka_rollup_add", hyoka_rollup_add(NULL, parent));
    EXPECT_FAIL(HYOKA_EINVAL, "hyoka_rollup_add", hyoka_rollup_add(r, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, "hyoka_rollup_add", hyoka_rollup_add(r, child));
    assert_int_equal(hyoka_rollup_count(r), 0);
    OK(hyoka_rollup_add(r, parent)); /* the parent alone: its sub-project is part of its sheet */
    assert_int_equal(hyoka_rollup_count(r), 1);
    assert_int_equal(hyoka_rollup_projects(r, 0), 1);
    hyoka_rollup_free(r);
    hyoka_rollup_free(NULL);

    EXPECT_FAIL(HYOKA_EINVAL, "hyoka_ranking_start", hyoka_ranking_start(NULL, HYOKA_FIG_SCORE, 0, 0));
    EXPECT_FAIL(HYOKA_EINVAL, "hyoka_ranking_start", hyoka_ranking_start(&k, HYOKA_FIG_ACHIEVEMENT, 2020, 0));
    EXPECT_FAIL(HYOKA_EINVAL, "hyoka_ranking_start", hyoka_ranking_start(&k, -3, 2020, 0));
    EXPECT_FAIL(HYOKA_ERANGE, "hyoka_ranking_start", hyoka_ranking_start(&k, HYOKA_FIG_TOTAL_COST, 0, 0));
    assert_null(k);
    OK(hyoka_ranking_start(&k, HYOKA_FIG_SCORE, 0, 0)); /* the year is ignored for SCORE */
    EXPECT_FAIL(HYOKA_EINVAL, "hyoka_ranking_add", hyoka_ranking_add(NULL, parent));
    EXPECT_FAIL(HYOKA_EINVAL, "hyoka_ranking_add", hyoka_ranking_add(k, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, "hyoka_ranking_add", hyoka_ranking_add(k, child));
    assert_int_equal(hyoka_ranking_count(k), 0);
    OK(hyoka_ranking_add(k, parent));
    assert_int_equal(hyoka_ranking_count(k), 1);
    EXPECT_FAIL(HYOKA_EINVAL, "hyoka_ranking_entry", hyoka_ranking_entry(NULL, 0, NULL, NULL, NULL, NULL));
    EXPECT_FAIL(HYOKA_ENOTFOUND, "hyoka_ranking_entry", hyoka_ranking_entry(k, 1, NULL, NULL, NULL, NULL));
    EXPECT_FAIL(HYOKA_EUNAVAILABLE, "hyoka_ranking_entry", hyoka_ranking_entry(k, 0, NULL, NULL, NULL, NULL));
    hyoka_ranking_free(k);
    hyoka_ranking_free(NULL);

    /* the figure of a project, and entries from values */
    OK(hyoka_ranking_start(&k, HYOKA_FIG_EXPENSE, 2020, 0));
    EXPECT_FAIL(HYOKA_EINVAL, "hyoka_ranking_figure", hyoka_ranking_figure(NULL, parent, NULL, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, "hyoka_ranking_figure", hyoka_ranking_figure(k, NULL, NULL, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, "hyoka_ranking_figure", hyoka_ranking_figure(k, child, NULL, NULL));
    {
        hyoka_decimal v = hyoka_decimal_from_int(0), one = hyoka_decimal_from_int(1);
        int why = -1;
        const char *code = "?", *name = "?";
        OK(hyoka_ranking_figure(k, parent, &v, &why)); /* outputs may be NULL too */
        OK(hyoka_ranking_figure(k, parent, NULL, NULL));
        assert_true(hyoka_decimal_identical(&v, &one));
        assert_int_equal(why, HYOKA_REASON_NONE);
        assert_int_equal(hyoka_ranking_count(k), 0); /* nothing added */
        EXPECT_FAIL(HYOKA_EINVAL, "hyoka_ranking_add_entry",
                    hyoka_ranking_add_entry(NULL, "a", "b", &v, HYOKA_REASON_NONE));
        EXPECT_FAIL(HYOKA_EINVAL, "hyoka_ranking_add_entry",
                    hyoka_ranking_add_entry(k, "a", "b", NULL, HYOKA_REASON_NONE));
        EXPECT_FAIL(HYOKA_EINVAL, "hyoka_ranking_add_entry", hyoka_ranking_add_entry(k, "a", "b", &v, -1));
        EXPECT_FAIL(HYOKA_EINVAL, "hyoka_ranking_add_entry",
                    hyoka_ranking_add_entry(k, "a", "b", &v, HYOKA_REASON_OVERFLOW + 1));
        assert_int_equal(hyoka_ranking_count(k), 0);
        /* an unavailable entry, then a later available one with code and
         * name missing or empty: available first */
        OK(hyoka_ranking_add_entry(k, NULL, "名", NULL, HYOKA_REASON_NO_YEAR));
        OK(hyoka_ranking_add_entry(k, "", NULL, &v, HYOKA_REASON_NONE));
        assert_int_equal(hyoka_ranking_count(k), 2);
        OK(hyoka_ranking_entry(k, 0, &code, &name, NULL, NULL));
        assert_string_equal(code, "");
        assert_null(name);
        why = -1;
        EXPECT_FAIL(HYOKA_EUNAVAILABLE, "hyoka_ranking_entry", hyoka_ranking_entry(k, 1, &code, &name, NULL, &why));
        assert_null(code);
        assert_string_equal(name, "名");
        assert_int_equal(why, HYOKA_REASON_NO_YEAR);
        hyoka_ranking_free(k);
        k = NULL;
        /* a project without a cost year of the ranking's year */
        OK(hyoka_ranking_start(&k, HYOKA_FIG_EXPENSE, 2021, 0));
        v = hyoka_decimal_from_int(-7);
        EXPECT_FAIL(HYOKA_EUNAVAILABLE, "hyoka_ranking_figure", hyoka_ranking_figure(k, parent, &v, &why));
        assert_int_equal(why, HYOKA_REASON_NO_YEAR);
        one = hyoka_decimal_from_int(-7);
        assert_true(hyoka_decimal_identical(&v, &one)); /* left as it was */
        hyoka_ranking_free(k);
    }

    /* a ranking of a portfolio borrows its projects: nothing is added to it */
    OK(hyoka_ranking_new(&whole, pf, HYOKA_FIG_SCORE, 0, 0));
    EXPECT_FAIL(HYOKA_EINVAL, "hyoka_ranking_add", hyoka_ranking_add(whole, parent));
    EXPECT_FAIL(HYOKA_EINVAL, "hyoka_ranking_add_entry",
                hyoka_ranking_add_entry(whole, "a", "b", NULL, HYOKA_REASON_NO_SCORES));
    assert_int_equal(hyoka_ranking_count(whole), 0);
    hyoka_ranking_free(whole);
    hyoka_portfolio_free(pf);
    hyoka_project_free(parent);
}

/* ---- allocation failures -------------------------------------------------- */

struct alloc_ctx {
    int group_by;
};

/* Adding under a failing allocator: a failed add leaves the roll-up as it
 * was (checked against a clean one of the same adds). */
static int rollup_body(void *user)
{
    const struct alloc_ctx *ctx = user;
    static const char *const depts[] = {"b", "a", "b", "c"};
    static const int32_t fys[] = {2020, 2021, 2020, 2019};
    hyoka_rollup *r = NULL;
    int rc;

    rc = hyoka_rollup_start(&r, ctx->group_by, 1, 0);
    if (rc != HYOKA_OK)
        return rc;
    for (size_t i = 0; i < 4 && rc == HYOKA_OK; i++) {
        hyoka_project *p = NULL;
        hyoka_costs *c = NULL;
        size_t before = hyoka_rollup_count(r), projects = 0;
        rc = hyoka_project_new(&p);
        if (rc == HYOKA_OK)
            rc = hyoka_project_set_text(p, HYOKA_TEXT_DEPARTMENT, depts[i], HYOKA_NTS);
        if (rc == HYOKA_OK)
            rc = hyoka_project_add_year(p, fys[i], &c);
        if (rc == HYOKA_OK)
            rc = hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 10);
        for (size_t row = 0; row < before; row++)
            projects += hyoka_rollup_projects(r, row);
        if (rc == HYOKA_OK) {
            rc = hyoka_rollup_add(r, p);
            if (rc != HYOKA_OK) {
                size_t after = 0;
                assert_int_equal(hyoka_rollup_count(r), before);
                for (size_t row = 0; row < before; row++)
                    after += hyoka_rollup_projects(r, row);
                assert_int_equal(after, projects);
            }
        }
        hyoka_project_free(p);
    }
    if (rc == HYOKA_OK) /* three departments, three years; one policy and verdict key, "" */
        assert_int_equal(hyoka_rollup_count(r), ctx->group_by <= HYOKA_GROUP_DEPARTMENT ? 3 : 1);
    hyoka_rollup_free(r);
    return rc;
}

static int ranking_body(void *user)
{
    hyoka_ranking *r = NULL;
    int rc;
    (void)user;

    rc = hyoka_ranking_start(&r, HYOKA_FIG_EXPENSE, 2020, 0);
    for (size_t i = 0; i < 6 && rc == HYOKA_OK; i++) {
        hyoka_project *p = NULL;
        hyoka_costs *c = NULL;
        char code[8];
        snprintf(code, sizeof code, "%zu", 5 - i);
        rc = hyoka_project_new(&p);
        if (rc == HYOKA_OK)
            rc = hyoka_project_set_text(p, HYOKA_TEXT_CODE, code, HYOKA_NTS);
        if (rc == HYOKA_OK)
            rc = hyoka_project_add_year(p, 2020, &c);
        if (rc == HYOKA_OK)
            rc = hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, (int64_t)(5 - i));
        if (rc == HYOKA_OK) {
            size_t before = hyoka_ranking_count(r);
            hyoka_decimal v;
            int why = HYOKA_REASON_NONE;
            if (i % 2 == 0) {
                rc = hyoka_ranking_add(r, p);
            } else {
                rc = hyoka_ranking_figure(r, p, &v, &why);
                if (rc == HYOKA_OK)
                    rc = hyoka_ranking_add_entry(r, code, "name", &v, why);
            }
            if (rc != HYOKA_OK)
                assert_int_equal(hyoka_ranking_count(r), before);
        }
        hyoka_project_free(p);
    }
    if (rc == HYOKA_OK) {
        for (size_t i = 0; i < 6; i++) {
            const char *code = NULL;
            char want[8];
            snprintf(want, sizeof want, "%zu", i);
            assert_int_equal(hyoka_ranking_entry(r, i, &code, NULL, NULL, NULL), HYOKA_OK);
            assert_string_equal(code, want);
        }
    }
    hyoka_ranking_free(r);
    return rc;
}

static void test_alloc(void **state)
{
    (void)state;
    failalloc_install();
    for (int g = 0; g < GROUPS; g++) {
        struct alloc_ctx ctx = {g};
        assert_true(failalloc_sweep(rollup_body, &ctx) > 0);
    }
    assert_true(failalloc_sweep(ranking_body, NULL) > 0);
    failalloc_uninstall();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_samples),
        cmocka_unit_test(test_national_review_sample),
        cmocka_unit_test(test_generated),
        cmocka_unit_test(test_rollup_between_adds),
        cmocka_unit_test(test_rollup_overflow),
        cmocka_unit_test(test_ranking_between_adds),
        cmocka_unit_test(test_ranking_overflow),
        cmocka_unit_test(test_ranking_new_reads_projects),
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_alloc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
