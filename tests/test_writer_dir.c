/* The folder of figures tables written project by project
 * (hyoka_writer_new_dir() with HYOKA_WRITER_METRICS_CSV), against
 * hyoka_metrics_csv_write_dir() of the same projects: the same files byte
 * for byte, the same status and the same V003 diagnostics, for every
 * sample document (fed from a stream, as a program reading a large file
 * does) and generated portfolios, in each encoding; a folder never
 * finished, or failed, leaves its target as it was and nothing beside it. */
#if !defined(_POSIX_C_SOURCE) || _POSIX_C_SOURCE < 200809L
#  undef _POSIX_C_SOURCE
#  define _POSIX_C_SOURCE 200809L
#endif
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <hyoka/hyoka.h>

#include "docs.h"

#define OK(x) assert_int_equal((x), HYOKA_OK)

static const int encodings[] = {HYOKA_ENCODING_UTF8_BOM, HYOKA_ENCODING_UTF8, HYOKA_ENCODING_CP932};
static const char *const files[] = {"metrics_years.csv", "metrics_indicators.csv", ".hyoka-output"};

/* ---- folders ---- */

static char *file_of(const char *dir, const char *name, size_t *len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return docs_read_all(path, len);
}

/* The folder @p dir holds the target written before: its years table is
 * still @p want, and its three files are there. */
static void assert_unchanged(const char *dir, const char *want, size_t want_len)
{
    size_t len = 0;
    char *got = file_of(dir, files[0], &len);

    assert_int_equal(docs_count_entries(dir), 3);
    assert_non_null(got);
    assert_int_equal(len, want_len);
    assert_memory_equal(got, want, len);
    free(got);
}

/* Both folders hold the same tables (the marker names its writer). */
static void assert_same_tables(const char *a, const char *b)
{
    assert_int_equal(docs_count_entries(a), 3);
    assert_int_equal(docs_count_entries(b), 3);
    for (size_t i = 0; i < 2; i++) {
        size_t la = 0, lb = 0;
        char *da = file_of(a, files[i], &la), *db = file_of(b, files[i], &lb);
        assert_non_null(da);
        assert_non_null(db);
        assert_int_equal(la, lb);
        assert_memory_equal(da, db, la);
        free(da);
        free(db);
    }
}

static void assert_same_reports(const hyoka_report *a, const hyoka_report *b)
{
    assert_int_equal(hyoka_report_count(a), hyoka_report_count(b));
    assert_int_equal(hyoka_report_total(a), hyoka_report_total(b));
    assert_int_equal(hyoka_report_dropped(a), hyoka_report_dropped(b));
    for (size_t i = 0; i < hyoka_report_count(a); i++) {
        int64_t la = 0, ca = 0, lb = 0, cb = 0;
        assert_string_equal(hyoka_report_code(a, i), hyoka_report_code(b, i));
        assert_string_equal(hyoka_report_message(a, i, HYOKA_LANG_EN), hyoka_report_message(b, i, HYOKA_LANG_EN));
        assert_string_equal(hyoka_report_message(a, i, HYOKA_LANG_JA), hyoka_report_message(b, i, HYOKA_LANG_JA));
        OK(hyoka_report_position(a, i, &la, &ca));
        OK(hyoka_report_position(b, i, &lb, &cb));
        assert_int_equal(la, lb);
        assert_int_equal(ca, cb);
    }
}

/* ---- the comparison ---- */

/* Where the projects come from: a portfolio, or a stream over a text. */
struct source {
    const hyoka_portfolio *pf;
    const char *text;
    size_t len;
};

/* Write the projects of @p src with a writer into @p dir; its status. */
static int write_streamed(const struct source *src, const char *dir, const hyoka_csv_options *o, hyoka_report *rep)
{
    hyoka_writer *w = NULL;
    hyoka_stream *s = NULL;
    hyoka_project *p = NULL;
    int rc = HYOKA_OK, next;

    if (src->text)
        OK(hyoka_stream_open_memory(&s, src->text, src->len, NULL, NULL));
    rc = hyoka_writer_new_dir(&w, HYOKA_WRITER_METRICS_CSV, s ? hyoka_stream_portfolio(s) : src->pf, dir, o, rep);
    OK(rc);
    if (s) {
        while ((next = hyoka_stream_next(s, &p)) == 1 && rc == HYOKA_OK)
            rc = hyoka_writer_project(w, p);
        assert_int_equal(next, 0);
    } else {
        for (size_t i = 0; i < hyoka_portfolio_project_count(src->pf) && rc == HYOKA_OK; i++)
            rc = hyoka_writer_project(w, hyoka_portfolio_project_at(src->pf, i));
    }
    OK(rc); /* a cell CP932 cannot hold fails at the end */
    rc = hyoka_writer_finish(w, NULL);
    assert_int_equal(hyoka_writer_finish(w, NULL), HYOKA_ESTATE);
    assert_int_equal(hyoka_writer_project(w, hyoka_portfolio_project_at(src->pf, 0)), HYOKA_ESTATE);
    hyoka_writer_free(w);
    hyoka_stream_free(s);
    return rc;
}

/* The writer against hyoka_metrics_csv_write_dir() for @p pf (whose
 * projects come from @p src), in every encoding, with a diagnostics limit
 * of @p limit. Returns how many tables failed on CP932. */
static int compare(const hyoka_portfolio *pf, const struct source *src, size_t limit)
{
    int failed = 0;

    for (size_t e = 0; e < sizeof encodings / sizeof encodings[0]; e++) {
        char tmp[] = "/tmp/hyoka-wdir-XXXXXX", a[64], b[64];
        hyoka_report *ra = NULL, *rb = NULL;
        hyoka_csv_options o;
        int rca, rcb;

        OK(hyoka_csv_options_init(&o));
        o.encoding = encodings[e];
        o.max_diagnostics = limit;
        assert_non_null(mkdtemp(tmp));
        snprintf(a, sizeof a, "%s/a", tmp);
        snprintf(b, sizeof b, "%s/b", tmp);
        OK(hyoka_report_new(&ra));
        OK(hyoka_report_new(&rb));
        rca = hyoka_metrics_csv_write_dir(pf, a, &o, ra);
        rcb = write_streamed(src, b, &o, rb);
        assert_int_equal(rca, rcb);
        assert_same_reports(ra, rb);
        if (rca == HYOKA_OK) {
            assert_same_tables(a, b);
            assert_int_equal(docs_count_entries(tmp), 2);
        } else {
            /* nothing made, nothing left beside */
            assert_int_equal(rca, HYOKA_EENCODING);
            assert_int_equal(docs_count_entries(tmp), 0);
            assert_true(hyoka_report_count(rb) > 0);
            assert_string_equal(hyoka_report_code(rb, 0), "V003");
            failed++;
        }
        hyoka_report_free(ra);
        hyoka_report_free(rb);
        docs_remove_tree(tmp);
    }
    return failed;
}

static void on_sample(const char *path, const char *text, size_t len, void *user)
{
    hyoka_portfolio *pf = NULL;
    struct source src = {NULL, text, len};
    size_t *n = user;

    (void)path;
    if (hyoka_json_read(text, len, NULL, &pf, NULL) != HYOKA_OK || hyoka_portfolio_project_count(pf) == 0) {
        hyoka_portfolio_free(pf);
        return;
    }
    src.pf = pf;
    (void)compare(pf, &src, 1000);
    hyoka_portfolio_free(pf);
    (*n)++;
}

/* Every sample document read without errors, its projects from a stream. */
static void test_samples(void **state)
{
    size_t n = 0;
    (void)state;

    docs_each(on_sample, &n);
    if (getenv("HYOKA_SOURCE_ROOT"))
        assert_true(n >= 6);
}

/* Generated portfolios (every kind of gap, overflows), projects given
 * from the portfolio; enough rows for several pieces per file. */
static void test_generated(void **state)
{
    (void)state;

    for (unsigned seed = 1; seed <= 4; seed++) {
        hyoka_portfolio *pf = docs_generate(seed, seed == 4 ? 600 : 40);
        struct source src = {pf, NULL, 0};
        (void)compare(pf, &src, 1000);
        hyoka_portfolio_free(pf);
    }
}

/* A character CP932 lacks: the same V003 diagnostics (those of the
 * indicators table only when the years table has none), HYOKA_EENCODING,
 * and the target folder as it was. */
static void test_cp932_failure(void **state)
{
    static const char emoji[] = "\xF0\x9F\x98\x80";
    hyoka_portfolio *pf = docs_generate(5, 60);
    struct source src = {pf, NULL, 0};
    hyoka_project *p;
    hyoka_indicator *ind = NULL;
    size_t i;
    (void)state;

    /* in the indicators table only: each V003 of it, after the years table */
    for (i = 0; i < hyoka_portfolio_project_count(pf) && !ind; i++) {
        p = hyoka_portfolio_project_at(pf, i);
        if (hyoka_project_indicator_count(p) > 0)
            ind = hyoka_project_indicator_at(p, 0);
    }
    assert_non_null(ind);
    OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NAME, emoji, HYOKA_NTS));
    assert_int_equal(compare(pf, &src, 1000), 1);
    /* and in the years table too: those of the years table alone */
    for (i = 0; i < hyoka_portfolio_project_count(pf); i += 7)
        OK(hyoka_project_set_name(hyoka_portfolio_project_at(pf, i), emoji, HYOKA_NTS));
    assert_int_equal(compare(pf, &src, 1000), 1);
    /* more than the report keeps: the same kept, dropped and totals */
    assert_int_equal(compare(pf, &src, 3), 1);

    /* a target written before stays as it was */
    {
        char tmp[] = "/tmp/hyoka-wdir-XXXXXX", dir[64];
        hyoka_csv_options o;
        hyoka_writer *w = NULL;
        hyoka_report *rep = NULL;
        size_t before_len = 0;
        char *before;

        hyoka_portfolio *small = docs_generate(1, 3);

        assert_non_null(mkdtemp(tmp));
        snprintf(dir, sizeof dir, "%s/figures", tmp);
        OK(hyoka_metrics_csv_write_dir(small, dir, NULL, NULL));
        hyoka_portfolio_free(small);
        before = file_of(dir, files[0], &before_len);
        assert_non_null(before);
        OK(hyoka_csv_options_init(&o));
        o.encoding = HYOKA_ENCODING_CP932;
        OK(hyoka_report_new(&rep));
        OK(hyoka_writer_new_dir(&w, HYOKA_WRITER_METRICS_CSV, pf, dir, &o, rep));
        for (i = 0; i < hyoka_portfolio_project_count(pf); i++)
            OK(hyoka_writer_project(w, hyoka_portfolio_project_at(pf, i)));
        assert_int_equal(hyoka_writer_finish(w, NULL), HYOKA_EENCODING);
        assert_non_null(strstr(hyoka_error_last(), "cannot be written in CP932"));
        hyoka_writer_free(w);
        assert_true(hyoka_report_count(rep) > 0);
        assert_int_equal(docs_count_entries(tmp), 1);
        assert_unchanged(dir, before, before_len);
        free(before);
        hyoka_report_free(rep);
        docs_remove_tree(tmp);
    }
    hyoka_portfolio_free(pf);
}

/* A writer freed before its end: the target as it was, nothing beside. */
static void test_free_unfinished(void **state)
{
    hyoka_portfolio *pf = docs_generate(2, 30), *empty = NULL;
    char tmp[] = "/tmp/hyoka-wdir-XXXXXX", dir[64];
    hyoka_writer *w = NULL;
    size_t before_len = 0, after_len = 0;
    char *before, *after;
    (void)state;

    assert_non_null(mkdtemp(tmp));
    snprintf(dir, sizeof dir, "%s/figures", tmp);
    /* no target: none made */
    OK(hyoka_writer_new_dir(&w, HYOKA_WRITER_METRICS_CSV, pf, dir, NULL, NULL));
    assert_int_equal(docs_count_entries(tmp), 1); /* the folder being made */
    OK(hyoka_writer_project(w, hyoka_portfolio_project_at(pf, 0)));
    hyoka_writer_free(w);
    assert_int_equal(docs_count_entries(tmp), 0);

    /* a target written before: untouched */
    OK(hyoka_portfolio_new(&empty));
    OK(hyoka_metrics_csv_write_dir(empty, dir, NULL, NULL));
    before = file_of(dir, files[0], &before_len);
    OK(hyoka_writer_new_dir(&w, HYOKA_WRITER_METRICS_CSV, pf, dir, NULL, NULL));
    for (size_t i = 0; i < hyoka_portfolio_project_count(pf); i++)
        OK(hyoka_writer_project(w, hyoka_portfolio_project_at(pf, i)));
    hyoka_writer_free(w);
    assert_int_equal(docs_count_entries(tmp), 1);
    assert_unchanged(dir, before, before_len);
    free(before);

    /* finished, it replaces the target (written by hyoka) */
    OK(hyoka_writer_new_dir(&w, HYOKA_WRITER_METRICS_CSV, NULL, dir, NULL, NULL));
    OK(hyoka_writer_project(w, hyoka_portfolio_project_at(pf, 0)));
    OK(hyoka_writer_finish(w, NULL));
    hyoka_writer_free(w);
    assert_int_equal(docs_count_entries(tmp), 1);
    after = file_of(dir, files[0], &after_len);
    assert_true(after_len > before_len);
    free(after);

    docs_remove_tree(tmp);
    hyoka_portfolio_free(empty);
    hyoka_portfolio_free(pf);
}

static int sink(void *user, const char *data, size_t len)
{
    (void)user;
    (void)data;
    (void)len;
    return 0;
}

/* Bad arguments, a refused target, a writer of the wrong kind. */
static void test_arguments(void **state)
{
    hyoka_portfolio *pf = docs_generate(1, 3);
    char tmp[] = "/tmp/hyoka-wdir-XXXXXX", dir[64], path[96];
    hyoka_writer *w = (hyoka_writer *)&w;
    hyoka_csv_options o;
    FILE *f;
    (void)state;

    assert_non_null(mkdtemp(tmp));
    snprintf(dir, sizeof dir, "%s/figures", tmp);

    /* the folder writer is not a sink's */
    assert_int_equal(hyoka_writer_new(&w, HYOKA_WRITER_METRICS_CSV, pf, 0, 0, sink, NULL), HYOKA_EINVAL);
    assert_null(w);
    assert_non_null(strstr(hyoka_error_last(), "hyoka_writer_new_dir"));
    /* nor a document's a folder's */
    w = (hyoka_writer *)&w;
    assert_int_equal(hyoka_writer_new_dir(&w, HYOKA_WRITER_METRICS, pf, dir, NULL, NULL), HYOKA_EINVAL);
    assert_null(w);
    assert_non_null(strstr(hyoka_error_last(), "hyoka_writer_new()"));
    assert_int_equal(hyoka_writer_new_dir(&w, HYOKA_WRITER_HYOKA, pf, dir, NULL, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_writer_new_dir(&w, 3, pf, dir, NULL, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_writer_new_dir(&w, -1, pf, dir, NULL, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_writer_new_dir(NULL, HYOKA_WRITER_METRICS_CSV, pf, dir, NULL, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_writer_new_dir(&w, HYOKA_WRITER_METRICS_CSV, pf, NULL, NULL, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_writer_new_dir(&w, HYOKA_WRITER_METRICS_CSV, pf, "", NULL, NULL), HYOKA_EINVAL);
    OK(hyoka_csv_options_init(&o));
    o.encoding = 9;
    assert_int_equal(hyoka_writer_new_dir(&w, HYOKA_WRITER_METRICS_CSV, pf, dir, &o, NULL), HYOKA_EINVAL);
    assert_null(w);
    assert_int_equal(docs_count_entries(tmp), 0);
    assert_int_equal(hyoka_writer_project(NULL, hyoka_portfolio_project_at(pf, 0)), HYOKA_EINVAL);
    assert_int_equal(hyoka_writer_finish(NULL, NULL), HYOKA_EINVAL);

    /* a folder of other files: refused at once, untouched, nothing made */
    assert_int_equal(mkdir(dir, 0777), 0);
    snprintf(path, sizeof path, "%s/notes.txt", dir);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("mine\n", f);
    fclose(f);
    assert_int_equal(hyoka_writer_new_dir(&w, HYOKA_WRITER_METRICS_CSV, pf, dir, NULL, NULL), HYOKA_EIO);
    assert_null(w);
    assert_non_null(strstr(hyoka_error_last(), "hyoka did not write"));
    assert_int_equal(docs_count_entries(tmp), 1);
    assert_int_equal(docs_count_entries(dir), 1);
    /* unless it is to be replaced */
    o.encoding = HYOKA_ENCODING_UTF8;
    o.flags = HYOKA_WRITE_REPLACE;
    OK(hyoka_writer_new_dir(&w, HYOKA_WRITER_METRICS_CSV, pf, dir, &o, NULL));
    assert_int_equal(hyoka_writer_project(w, NULL), HYOKA_EINVAL);
    OK(hyoka_writer_project(w, hyoka_portfolio_project_at(pf, 0)));
    OK(hyoka_writer_finish(w, NULL));
    hyoka_writer_free(w);
    assert_int_equal(docs_count_entries(dir), 3);
    assert_int_equal(docs_count_entries(tmp), 1);

    hyoka_writer_free(NULL);
    docs_remove_tree(tmp);
    hyoka_portfolio_free(pf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_samples),
        cmocka_unit_test(test_generated),
        cmocka_unit_test(test_cp932_failure),
        cmocka_unit_test(test_free_unfinished),
        cmocka_unit_test(test_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
