/*
 * Fuzz target: the hyoka/1 JSON reader and writer (json.h), and everything
 * a document read from another system goes through (report.h, figures.h).
 *
 * The input is a document. Properties:
 * - hyoka_json_read() returns OK (and a portfolio, and no error diagnostic)
 *   or EINVALID (no portfolio, at least one error diagnostic);
 * - the report reads back consistently and writes as well-formed JSON;
 * - read as a stream from memory, it ends with the same status and gives
 *   the same number of projects, each validating; from callback sources
 *   (1 byte, 7 bytes, 64 KiB at a time) it never reads without error what
 *   a whole read refuses, and gives the same projects when it succeeds;
 * On success:
 * - validation succeeds; every figure of every cost year, indicator value,
 *   evaluation and record is computed with an allowed status and reason; roll-ups
 *   and rankings work; hyoka_metrics_write() writes well-formed JSON;
 * - hyoka_json_write() succeeds; reading its output gives a portfolio
 *   equal to the first (hyoka_portfolio_equal()), that validates to the
 *   same diagnostics and the same metrics; writing it again gives the same
 *   bytes (pretty and compact); a deep copy is equal.
 * Every broken property aborts (see fuzz.h).
 */
#include "fuzz.h"

#include <hyoka/hyoka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MONEY_FIGURE_LAST HYOKA_FIG_SPECIFIC_REVENUE

static hyoka_report *new_report(void)
{
    hyoka_report *r = NULL;
    if (hyoka_report_new(&r) != HYOKA_OK || !r)
        FUZZ_FAIL("hyoka_report_new failed");
    return r;
}

/* Read every diagnostic back through the accessors. */
static void walk_report(const hyoka_report *report)
{
    size_t i, n = hyoka_report_count(report), by_severity = 0;
    int s;

    for (i = 0; i < n; i++) {
        const char *code = hyoka_report_code(report, i);
        const char *path = hyoka_report_path(report, i);
        const char *en = hyoka_report_message(report, i, HYOKA_LANG_EN);
        const char *ja = hyoka_report_message(report, i, HYOKA_LANG_JA);
        int sev = hyoka_report_severity(report, i);
        int64_t line = -1, col = -1;

        if (!code || !*code || !path || !en || !ja)
            FUZZ_FAIL("diagnostic %zu incomplete: code %s path %s", i, code ? code : "NULL", path ? path : "NULL");
        if (sev < HYOKA_SEVERITY_ERROR || sev > HYOKA_SEVERITY_INFO)
            FUZZ_FAIL("diagnostic %zu (%s) has severity %d", i, code, sev);
        if (path[0] != '\0' && path[0] != '/')
            FUZZ_FAIL("diagnostic %zu (%s) has path \"%s\"", i, code, path);
        if (hyoka_report_position(report, i, &line, &col) != HYOKA_OK || line < 0 || col < 0 ||
            (line == 0) != (col == 0))
            FUZZ_FAIL("diagnostic %zu (%s) at %lld:%lld", i, code, (long long)line, (long long)col);
        (void)hyoka_code_title(code, HYOKA_LANG_JA);
    }
    FUZZ_CHECK(hyoka_report_code(report, n) == NULL);
    FUZZ_CHECK(hyoka_report_path(report, n) == NULL);
    FUZZ_CHECK(hyoka_report_message(report, n, HYOKA_LANG_EN) == NULL);
    for (s = HYOKA_SEVERITY_ERROR; s <= HYOKA_SEVERITY_INFO; s++)
        by_severity += hyoka_report_count_severity(report, s);
    FUZZ_CHECK(by_severity == n);
}

static void check_report_json(const hyoka_report *report)
{
    char *out = NULL;
    size_t len = 0;
    int rc;

    rc = hyoka_report_write_json(report, HYOKA_WRITE_COMPACT, HYOKA_LANG_JA, &out, &len);
    if (rc != HYOKA_OK || !out)
        FUZZ_FAIL("hyoka_report_write_json returned %s", hyoka_status_name(rc));
    FUZZ_CHECK(strlen(out) == len);
    fuzz_check_json_text("report JSON", out, len);
    hyoka_free(out);
}

/* Same diagnostics (code, severity, path) in the same order. */
static void same_diagnostics(const hyoka_report *a, const hyoka_report *b)
{
    size_t i, n = hyoka_report_count(a);

    if (hyoka_report_count(b) != n)
        FUZZ_FAIL("validation of the re-read portfolio gave %zu diagnostics, not %zu", hyoka_report_count(b), n);
    for (i = 0; i < n; i++) {
        if (strcmp(hyoka_report_code(a, i), hyoka_report_code(b, i)) != 0 ||
            hyoka_report_severity(a, i) != hyoka_report_severity(b, i) ||
            strcmp(hyoka_report_path(a, i), hyoka_report_path(b, i)) != 0)
            FUZZ_FAIL("diagnostic %zu differs after the round trip: %s %s / %s %s", i, hyoka_report_code(a, i),
                      hyoka_report_path(a, i), hyoka_report_code(b, i), hyoka_report_path(b, i));
    }
}

static void check_figure_status(int rc, int reason, const char *what, int figure)
{
    if (rc == HYOKA_OK) {
        if (reason != HYOKA_REASON_NONE)
            FUZZ_FAIL("%s figure %s available with reason %s", what, hyoka_enum_name(HYOKA_ENUM_FIGURE, figure),
                      hyoka_reason_name(reason));
    } else if (rc == HYOKA_EUNAVAILABLE) {
        if (reason == HYOKA_REASON_NONE || !hyoka_reason_name(reason))
            FUZZ_FAIL("%s figure %s unavailable with reason %d", what, hyoka_enum_name(HYOKA_ENUM_FIGURE, figure),
                      reason);
    } else if (rc != HYOKA_ERANGE) {
        FUZZ_FAIL("%s figure %s returned %s", what, hyoka_enum_name(HYOKA_ENUM_FIGURE, figure),
                  hyoka_status_name(rc));
    }
}

static void check_decimal_out(const hyoka_decimal *d, int figure)
{
    char buf[HYOKA_DECIMAL_STRING_MAX];
    if (hyoka_decimal_format(d, 0, buf, sizeof buf, NULL) != HYOKA_OK)
        FUZZ_FAIL("figure %s cannot be formatted", hyoka_enum_name(HYOKA_ENUM_FIGURE, figure));
    if ((figure <= MONEY_FIGURE_LAST || figure == HYOKA_FIG_UNSPENT) && hyoka_decimal_scale(d) != 0)
        FUZZ_FAIL("money figure %s has scale %d", hyoka_enum_name(HYOKA_ENUM_FIGURE, figure), hyoka_decimal_scale(d));
}

/* Every figure of a record (those not of its kind: not_a_figure), and of its children. */
static void figures_of_record(const hyoka_record *r)
{
    int f, kind = hyoka_record_kind_of(r);

    FUZZ_CHECK(kind >= 0);
    for (f = HYOKA_FIG_UNSPENT; f <= HYOKA_FIG_NONCOMPETITIVE_SHARE; f++) {
        hyoka_decimal d;
        int reason = -1;
        int rc = hyoka_record_figure(r, f, &d, &reason);
        check_figure_status(rc, reason, "record", f);
        if (rc == HYOKA_OK)
            check_decimal_out(&d, f);
    }
    for (int k = 0; k < hyoka_enum_count(HYOKA_ENUM_RECORD_KIND); k++) {
        size_t i, n = hyoka_record_child_count(r, k);
        for (i = 0; i < n; i++) {
            const hyoka_record *c = hyoka_record_child_at(r, k, i);
            FUZZ_CHECK(c != NULL && hyoka_record_parent(c) == r);
            figures_of_record(c);
        }
    }
}

static void figures_of_project(const hyoka_project *p)
{
    size_t i, j, n;
    int f;

    n = hyoka_project_year_count(p);
    for (i = 0; i < n; i++) {
        const hyoka_costs *c = hyoka_project_year_at(p, i);
        size_t k, ns;
        FUZZ_CHECK(c != NULL);
        for (f = HYOKA_FIG_EXPENSE; f <= HYOKA_FIG_TOTAL_COST_CHANGE; f++) {
            hyoka_decimal d;
            int reason = -1;
            int rc = hyoka_costs_figure(c, f, &d, &reason);
            check_figure_status(rc, reason, "cost year", f);
            if (rc == HYOKA_OK)
                check_decimal_out(&d, f);
        }
        ns = hyoka_costs_staff_count(c);
        for (k = 0; k < ns; k++) {
            int64_t yen = 0;
            int reason = -1;
            int rc = hyoka_staff_cost(hyoka_costs_staff_at(c, k), &yen, &reason);
            check_figure_status(rc, reason, "staff line", HYOKA_FIG_PERSONNEL);
        }
    }

    n = hyoka_project_indicator_count(p);
    for (i = 0; i < n; i++) {
        const hyoka_indicator *ind = hyoka_project_indicator_at(p, i);
        size_t ny = hyoka_indicator_year_count(ind);
        FUZZ_CHECK(ind != NULL);
        for (j = 0; j < ny; j++) {
            int32_t fy = hyoka_indicator_year_at(ind, j);
            for (f = HYOKA_FIG_ACHIEVEMENT; f <= HYOKA_FIG_CHANGE; f++) {
                hyoka_decimal d;
                int reason = -1;
                int rc = hyoka_indicator_figure(ind, fy, f, &d, &reason);
                check_figure_status(rc, reason, "indicator", f);
                if (rc == HYOKA_OK)
                    check_decimal_out(&d, f);
            }
        }
    }

    n = hyoka_project_evaluation_count(p);
    for (i = 0; i < n; i++) {
        const hyoka_evaluation *ev = hyoka_project_evaluation_at(p, i);
        hyoka_decimal d;
        const char *code = NULL, *label = NULL;
        int reason = -1, rc;

        rc = hyoka_evaluation_score(ev, &d, &reason);
        check_figure_status(rc, reason, "evaluation", HYOKA_FIG_SCORE);
        if (rc == HYOKA_OK)
            check_decimal_out(&d, HYOKA_FIG_SCORE);
        reason = -1;
        rc = hyoka_evaluation_rating(ev, &code, &label, &reason);
        check_figure_status(rc, reason, "evaluation rating", HYOKA_FIG_SCORE);
        if (rc == HYOKA_OK && (!code || !label))
            FUZZ_FAIL("rating without code or label");
    }

    for (f = 0; f < hyoka_enum_count(HYOKA_ENUM_RECORD_KIND); f++) {
        n = hyoka_project_record_count(p, f);
        for (i = 0; i < n; i++) {
            const hyoka_record *r = hyoka_project_record_at(p, f, i);
            FUZZ_CHECK(r != NULL && hyoka_record_project(r) == p && !hyoka_record_parent(r));
            figures_of_record(r);
        }
    }

    n = hyoka_project_child_count(p);
    for (i = 0; i < n; i++)
        figures_of_project(hyoka_project_child_at(p, i));
}

static void rollups(const hyoka_portfolio *pf)
{
    static const int figures[] = {HYOKA_FIG_TOTAL_COST, HYOKA_FIG_PER_CAPITA, HYOKA_FIG_EXECUTION_RATE,
                                  HYOKA_FIG_SCORE};
    int g, depth;
    size_t i;
    int32_t fy = 0;

    if (hyoka_portfolio_project_count(pf) > 0) {
        const hyoka_project *p = hyoka_portfolio_project_at(pf, 0);
        if (hyoka_project_year_count(p) > 0)
            fy = hyoka_costs_fiscal_year(hyoka_project_year_at(p, 0));
    }

    for (g = HYOKA_GROUP_FISCAL_YEAR; g <= HYOKA_GROUP_VERDICT; g++) {
        for (depth = 1; depth <= (g == HYOKA_GROUP_POLICY ? 3 : 1); depth++) {
            hyoka_rollup *r = NULL;
            size_t row, rows;
            /* Since 1.1 an overflow makes one total unavailable, never
             * the roll-up. */
            int rc = hyoka_rollup_new(&r, pf, g, depth, 0);
            if (rc != HYOKA_OK)
                FUZZ_FAIL("rollup_new(group %d, depth %d) returned %s", g, depth, hyoka_status_name(rc));
            rows = hyoka_rollup_count(r);
            for (row = 0; row < rows; row++) {
                int f;
                FUZZ_CHECK(hyoka_rollup_key(r, row) != NULL);
                (void)hyoka_rollup_projects(r, row);
                for (f = HYOKA_FIG_EXPENSE; f <= MONEY_FIGURE_LAST; f++) {
                    int64_t total = 0;
                    rc = hyoka_rollup_total(r, row, f, &total);
                    if (rc != HYOKA_OK && rc != HYOKA_ERANGE)
                        FUZZ_FAIL("rollup_total(row %zu, figure %d) returned %s", row, f, hyoka_status_name(rc));
                }
            }
            FUZZ_CHECK(hyoka_rollup_key(r, rows) == NULL);
            hyoka_rollup_free(r);
        }
    }

    for (i = 0; i < sizeof figures / sizeof figures[0]; i++) {
        hyoka_ranking *rk = NULL;
        size_t k, n;
        int rc = hyoka_ranking_new(&rk, pf, figures[i], fy, (int)(i & 1));
        if (rc != HYOKA_OK)
            FUZZ_FAIL("ranking_new(figure %d) returned %s", figures[i], hyoka_status_name(rc));
        n = hyoka_ranking_count(rk);
        FUZZ_CHECK(n == hyoka_portfolio_project_count(pf));
        for (k = 0; k < n; k++) {
            hyoka_project *p = NULL;
            hyoka_decimal v;
            int reason = -1;
            rc = hyoka_ranking_at(rk, k, &p, &v, &reason);
            if ((rc != HYOKA_OK && rc != HYOKA_EUNAVAILABLE) || !p)
                FUZZ_FAIL("ranking_at(%zu) returned %s", k, hyoka_status_name(rc));
        }
        hyoka_ranking_free(rk);
    }
}

/* Write @p pf with @p flags; the result must be OK. */
static char *write_json(const hyoka_portfolio *pf, unsigned flags, size_t *len, const char *what)
{
    char *out = NULL;
    int rc = hyoka_json_write(pf, flags, &out, len);
    if (rc != HYOKA_OK || !out)
        FUZZ_FAIL("%s: hyoka_json_write(flags %u) of a portfolio that was read returned %s", what, flags,
                  hyoka_status_name(rc));
    if (strlen(out) != *len)
        FUZZ_FAIL("%s: hyoka_json_write gave length %zu, text has %zu bytes", what, *len, strlen(out));
    return out;
}

/* Read text the writer wrote: must succeed. */
static hyoka_portfolio *read_written(const char *text, size_t len, const char *what)
{
    hyoka_report *rep = new_report();
    hyoka_portfolio *pf = NULL;
    int rc = hyoka_json_read(text, len, NULL, &pf, rep);

    if (rc != HYOKA_OK || !pf) {
        size_t i;
        fprintf(stderr, "==fuzz== %s (%zu bytes):\n%.*s\n", what, len, (int)(len > 8000 ? 8000 : len), text);
        for (i = 0; i < hyoka_report_count(rep); i++) {
            int64_t l = 0, c = 0;
            hyoka_report_position(rep, i, &l, &c);
            fprintf(stderr, "==fuzz==   %lld:%lld %s %s %s\n", (long long)l, (long long)c, hyoka_report_code(rep, i),
                    hyoka_report_path(rep, i), hyoka_report_message(rep, i, HYOKA_LANG_EN));
        }
        FUZZ_FAIL("%s cannot be read back: %s", what, hyoka_status_name(rc));
    }
    hyoka_report_free(rep);
    return pf;
}

static char *metrics(const hyoka_portfolio *pf, const hyoka_report *rep, unsigned flags, int lang, size_t *len)
{
    char *out = NULL;
    int rc = hyoka_metrics_write(pf, rep, flags, lang, &out, len);
    /* A figure that overflows is a null with a reason (since 1.1). */
    if (rc != HYOKA_OK || !out)
        FUZZ_FAIL("hyoka_metrics_write returned %s", hyoka_status_name(rc));
    if (strlen(out) != *len)
        FUZZ_FAIL("hyoka_metrics_write gave length %zu, text has %zu bytes", *len, strlen(out));
    return out;
}

static void same_bytes(const char *a, size_t alen, const char *b, size_t blen, const char *what)
{
    size_t i = 0;
    if (alen == blen && memcmp(a, b, alen) == 0)
        return;
    while (i < alen && i < blen && a[i] == b[i])
        i++;
    fprintf(stderr, "==fuzz== %s: first difference at byte %zu of %zu / %zu\n", what, i, alen, blen);
    fprintf(stderr, "==fuzz== first:  ...%.*s\n", (int)((alen - i) > 200 ? 200 : (alen - i)), a + i);
    fprintf(stderr, "==fuzz== second: ...%.*s\n", (int)((blen - i) > 200 ? 200 : (blen - i)), b + i);
    FUZZ_FAIL("%s: the two writes differ", what);
}

static void check_document(const hyoka_portfolio *pf, const char *text, size_t size)
{
    hyoka_report *v1 = new_report(), *v2 = new_report();
    hyoka_portfolio *pf2, *pf3, *copy = NULL;
    char *w1, *w2, *c1, *c2, *m1, *m2;
    size_t l1 = 0, l2 = 0, cl1 = 0, cl2 = 0, ml1 = 0, ml2 = 0;
    size_t i, n;
    int rc;

    /* Validation and figures. */
    rc = hyoka_validate(pf, v1);
    if (rc != HYOKA_OK)
        FUZZ_FAIL("hyoka_validate returned %s", hyoka_status_name(rc));
    walk_report(v1);
    n = hyoka_portfolio_project_count(pf);
    for (i = 0; i < n; i++)
        figures_of_project(hyoka_portfolio_project_at(pf, i));
    rollups(pf);

    /* Write, read back, compare. */
    w1 = write_json(pf, 0, &l1, "first write");
    pf2 = read_written(w1, l1, "first write");
    if (!hyoka_portfolio_equal(pf, pf2)) {
        fprintf(stderr, "==fuzz== written:\n%.*s\n", (int)(l1 > 8000 ? 8000 : l1), w1);
        FUZZ_FAIL("the portfolio read back from its own JSON is not equal to it");
    }
    w2 = write_json(pf2, 0, &l2, "second write");
    same_bytes(w1, l1, w2, l2, "write(read(write(x)))");

    /* Compact form. */
    c1 = write_json(pf, HYOKA_WRITE_COMPACT, &cl1, "compact write");
    pf3 = read_written(c1, cl1, "compact write");
    if (!hyoka_portfolio_equal(pf, pf3))
        FUZZ_FAIL("the portfolio read back from its compact JSON is not equal to it");
    c2 = write_json(pf2, HYOKA_WRITE_COMPACT, &cl2, "second compact write");
    same_bytes(c1, cl1, c2, cl2, "compact writes");
    hyoka_portfolio_free(pf3);

    /* Equal portfolios validate and compute alike. */
    rc = hyoka_validate(pf2, v2);
    if (rc != HYOKA_OK)
        FUZZ_FAIL("hyoka_validate of the re-read portfolio returned %s", hyoka_status_name(rc));
    same_diagnostics(v1, v2);
    m1 = metrics(pf, v1, 0, HYOKA_LANG_EN, &ml1);
    m2 = metrics(pf2, v2, 0, HYOKA_LANG_EN, &ml2);
    if (!m1 != !m2)
        FUZZ_FAIL("metrics of equal portfolios: one overflows, the other does not");
    if (m1) {
        same_bytes(m1, ml1, m2, ml2, "metrics of equal portfolios");
        fuzz_check_json_text("metrics JSON", m1, ml1);
    }
    hyoka_free(m1);
    hyoka_free(m2);

    /* Positions from the original text, then metrics in Japanese. */
    rc = hyoka_report_locate(v1, text, size);
    if (rc != HYOKA_OK)
        FUZZ_FAIL("hyoka_report_locate returned %s", hyoka_status_name(rc));
    walk_report(v1);
    check_report_json(v1);
    m1 = metrics(pf, v1, HYOKA_WRITE_COMPACT, HYOKA_LANG_JA, &ml1);
    if (m1)
        fuzz_check_json_text("compact metrics JSON", m1, ml1);
    hyoka_free(m1);

    /* Deep copy. */
    rc = hyoka_portfolio_copy(pf, &copy);
    if (rc != HYOKA_OK || !hyoka_portfolio_equal(pf, copy))
        FUZZ_FAIL("hyoka_portfolio_copy: %s, or the copy differs", hyoka_status_name(rc));
    hyoka_portfolio_free(copy);

    hyoka_free(w1);
    hyoka_free(w2);
    hyoka_free(c1);
    hyoka_free(c2);
    hyoka_portfolio_free(pf2);
    hyoka_report_free(v1);
    hyoka_report_free(v2);
}

/* A callback source over the input, a chunk size at a time. */
struct chunked {
    const char *text;
    size_t len, at, chunk;
};

static int give_chunk(void *user, char *buf, size_t room, size_t *got)
{
    struct chunked *c = user;
    size_t n = c->len - c->at;

    if (n > c->chunk)
        n = c->chunk;
    if (n > room)
        n = room;
    memcpy(buf, c->text + c->at, n);
    c->at += n;
    *got = n;
    return 0;
}

/* Read the input as a stream (memory, or a callback source of @p chunk
 * bytes at a time), validating each project: the end status, and the
 * projects given in *count. */
static int read_streamed(const char *text, size_t size, size_t chunk, size_t *count)
{
    struct chunked src = {text, size, 0, chunk};
    hyoka_report *rep = new_report(), *val = new_report();
    hyoka_stream *s = NULL;
    hyoka_project *p = NULL;
    int rc = chunk ? hyoka_stream_open_source(&s, give_chunk, &src, NULL, rep)
                   : hyoka_stream_open_memory(&s, text, size, NULL, rep);

    *count = 0;
    if (rc == HYOKA_OK) {
        while ((rc = hyoka_stream_next(s, &p)) == 1) {
            if (hyoka_stream_validate(s, val) != HYOKA_OK)
                FUZZ_FAIL("hyoka_stream_validate failed on project %zu", hyoka_stream_index(s));
            (*count)++;
        }
        if (hyoka_stream_next(s, &p) != rc)
            FUZZ_FAIL("the end of a stream did not stay");
        hyoka_stream_free(s);
    } else if (s) {
        FUZZ_FAIL("hyoka_stream_open returned %s and a stream", hyoka_status_name(rc));
    }
    if (rc != 0 && rc != HYOKA_EINVALID)
        FUZZ_FAIL("a stream ended with %s", hyoka_status_name(rc));
    if ((rc == HYOKA_EINVALID) != (hyoka_report_count_severity(rep, HYOKA_SEVERITY_ERROR) > 0))
        FUZZ_FAIL("a stream ended with %s and %zu reading errors", hyoka_status_name(rc),
                  hyoka_report_count_severity(rep, HYOKA_SEVERITY_ERROR));
    walk_report(rep);
    walk_report(val);
    hyoka_report_free(rep);
    hyoka_report_free(val);
    return rc;
}

/* The input as streams: from memory, the status and projects of a whole
 * read; from callback sources of 1 byte, a few bytes and 64 KiB, the
 * same or (a header member after "projects": J007) an error. */
static void check_streams(const char *text, size_t size, int whole_rc, const hyoka_portfolio *pf)
{
    static const size_t chunks[] = {1, 7, (size_t)1 << 16};
    size_t count = 0, n;
    int rc = read_streamed(text, size, 0, &count);

    if ((rc == 0) != (whole_rc == HYOKA_OK))
        FUZZ_FAIL("a memory stream ended with %s, a whole read with %s", hyoka_status_name(rc),
                  hyoka_status_name(whole_rc));
    if (pf && count != hyoka_portfolio_project_count(pf))
        FUZZ_FAIL("a memory stream gave %zu projects, a whole read %zu", count, hyoka_portfolio_project_count(pf));
    for (size_t c = 0; c < sizeof chunks / sizeof chunks[0]; c++) {
        if (chunks[c] == 1 && size > 4096)
            continue; /* one byte at a time: small inputs only */
        rc = read_streamed(text, size, chunks[c], &n);
        if (whole_rc != HYOKA_OK && rc == 0)
            FUZZ_FAIL("a callback stream (chunk %zu) read without error what a whole read refused", chunks[c]);
        if (rc == 0 && n != count)
            FUZZ_FAIL("a callback stream (chunk %zu) gave %zu projects, a memory stream %zu", chunks[c], n, count);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char empty[1] = {0};
    const char *text = size ? (const char *)data : empty;
    hyoka_report *rep = new_report();
    hyoka_portfolio *pf = NULL;
    size_t errors;
    int rc;

    rc = hyoka_json_read(text, size, NULL, &pf, rep);
    walk_report(rep);
    errors = hyoka_report_count_severity(rep, HYOKA_SEVERITY_ERROR);
    if (rc == HYOKA_OK) {
        if (!pf)
            FUZZ_FAIL("hyoka_json_read returned OK without a portfolio");
        if (errors)
            FUZZ_FAIL("hyoka_json_read returned OK with %zu error diagnostics", errors);
    } else if (rc == HYOKA_EINVALID) {
        if (pf)
            FUZZ_FAIL("hyoka_json_read returned EINVALID and a portfolio");
        if (!errors)
            FUZZ_FAIL("hyoka_json_read returned EINVALID without an error diagnostic");
    } else {
        FUZZ_FAIL("hyoka_json_read returned %s", hyoka_status_name(rc));
    }
    check_report_json(rep);
    hyoka_report_free(rep);
    check_streams(text, size, rc, pf);

    if (pf) {
        check_document(pf, text, size);
        hyoka_portfolio_free(pf);
    }
    return 0;
}
