/*
 * bench_hyoka: times hyoka on a hyoka/1 file, each measurement in a fresh
 * child process (see bench_common.h). Modes:
 *
 *   read     hyoka_json_read_file(): the file into a portfolio.
 *   validate read + hyoka_validate() (the figures' share is full - validate).
 *   full     read + hyoka_validate() + every figure (docs/guide.md#figures): the
 *            fifteen cost-year figures of every year, achievement and
 *            change of every indicator value, score and rating of every
 *            evaluation, through the public figure functions.
 *   stream   the work of full, one project at a time: hyoka_stream_open_file(),
 *            hyoka_stream_next(), hyoka_stream_validate() and every figure of
 *            the current project (docs/streaming.md).
 *   metrics  read + validate + hyoka_metrics_write() (hyoka-metrics/1, compact,
 *            to memory): what `hyoka metrics --json` does.
 *   write    hyoka_json_write() of the portfolio read from the file, compact,
 *            to memory (the read is not timed).
 *
 * Also: bench_hyoka --check FILE reads and validates the file and lists
 * every diagnostic by code; exit status 1 when there is any; and
 * bench_hyoka --metrics FILE prints the hyoka-metrics/1 output.
 */
#define _GNU_SOURCE
#include "bench_common.h"

#include <hyoka/hyoka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int read_portfolio(const char *path, hyoka_portfolio **pf, struct bench_result *r)
{
    hyoka_report *rep = NULL;
    int rc;

    if (hyoka_report_new(&rep) != HYOKA_OK)
        bench_die("hyoka_report_new", hyoka_error_last());
    rc = hyoka_json_read_file(path, NULL, pf, rep);
    r->diagnostics = (long long)hyoka_report_count_severity(rep, HYOKA_SEVERITY_ERROR);
    hyoka_report_free(rep);
    if (rc != HYOKA_OK) {
        fprintf(stderr, "bench_hyoka: %s: %s (%s)\n", path, hyoka_strerror(rc), hyoka_error_last());
        return 1;
    }
    r->projects = (long long)hyoka_portfolio_project_count(*pf);
    return 0;
}

static int mode_read(const char *path, struct bench_result *r)
{
    hyoka_portfolio *pf = NULL;
    int rc;
    bench_start();
    rc = read_portfolio(path, &pf, r);
    bench_stop();
    hyoka_portfolio_free(pf);
    return rc;
}

/* Every figure of one project and its sub-projects; returns how many were
 * computed (available or not), or -1 on a hard error. */
static long long project_figures(const hyoka_project *p, long long *available)
{
    long long n = 0;
    hyoka_decimal d;
    int reason, rc;

    for (size_t i = 0, ny = hyoka_project_year_count(p); i < ny; i++) {
        const hyoka_costs *y = hyoka_project_year_at(p, i);
        for (int f = HYOKA_FIG_EXPENSE; f <= HYOKA_FIG_TOTAL_COST_CHANGE; f++) {
            rc = hyoka_costs_figure(y, f, &d, &reason);
            if (rc == HYOKA_OK)
                (*available)++;
            else if (rc != HYOKA_EUNAVAILABLE)
                return -1;
            n++;
        }
    }
    for (size_t i = 0, ni = hyoka_project_indicator_count(p); i < ni; i++) {
        const hyoka_indicator *ind = hyoka_project_indicator_at(p, i);
        for (size_t k = 0, nv = hyoka_indicator_year_count(ind); k < nv; k++) {
            int32_t fy = hyoka_indicator_year_at(ind, k);
            for (int f = HYOKA_FIG_ACHIEVEMENT; f <= HYOKA_FIG_CHANGE; f++) {
                rc = hyoka_indicator_figure(ind, fy, f, &d, &reason);
                if (rc == HYOKA_OK)
                    (*available)++;
                else if (rc != HYOKA_EUNAVAILABLE)
                    return -1;
                n++;
            }
        }
    }
    for (size_t i = 0, ne = hyoka_project_evaluation_count(p); i < ne; i++) {
        const hyoka_evaluation *e = hyoka_project_evaluation_at(p, i);
        const char *code = NULL;
        rc = hyoka_evaluation_score(e, &d, &reason);
        if (rc == HYOKA_OK)
            (*available)++;
        else if (rc != HYOKA_EUNAVAILABLE)
            return -1;
        rc = hyoka_evaluation_rating(e, &code, NULL, &reason);
        if (rc == HYOKA_OK)
            (*available)++;
        else if (rc != HYOKA_EUNAVAILABLE)
            return -1;
        n += 2;
    }
    for (size_t i = 0, nc = hyoka_project_child_count(p); i < nc; i++) {
        long long c = project_figures(hyoka_project_child_at(p, i), available);
        if (c < 0)
            return -1;
        n += c;
    }
    return n;
}

static int validate(const hyoka_portfolio *pf)
{
    hyoka_report *rep = NULL;
    int rc;
    if (hyoka_report_new(&rep) != HYOKA_OK)
        bench_die("hyoka_report_new", hyoka_error_last());
    rc = hyoka_validate(pf, rep);
    hyoka_report_free(rep);
    if (rc != HYOKA_OK)
        fprintf(stderr, "bench_hyoka: validate: %s (%s)\n", hyoka_strerror(rc), hyoka_error_last());
    return rc != HYOKA_OK;
}

static int mode_full(const char *path, struct bench_result *r)
{
    hyoka_portfolio *pf = NULL;
    long long available = 0;
    int rc;

    bench_start();
    rc = read_portfolio(path, &pf, r);
    if (rc == 0)
        rc = validate(pf);
    for (size_t i = 0, n = rc ? 0 : hyoka_portfolio_project_count(pf); i < n; i++) {
        long long c = project_figures(hyoka_portfolio_project_at(pf, i), &available);
        if (c < 0) {
            fprintf(stderr, "bench_hyoka: figures: %s\n", hyoka_error_last());
            rc = 1;
            break;
        }
        r->values += c;
    }
    bench_stop();
    hyoka_portfolio_free(pf);
    return rc;
}

static int mode_stream(const char *path, struct bench_result *r)
{
    hyoka_stream *s = NULL;
    hyoka_report *rep = NULL;
    hyoka_project *p;
    long long available = 0;
    int rc;

    if (hyoka_report_new(&rep) != HYOKA_OK)
        bench_die("hyoka_report_new", hyoka_error_last());
    bench_start();
    rc = hyoka_stream_open_file(&s, path, NULL, rep);
    while (rc == HYOKA_OK && (rc = hyoka_stream_next(s, &p)) == 1) {
        long long c;
        rc = hyoka_stream_validate(s, rep);
        c = rc == HYOKA_OK ? project_figures(p, &available) : -1;
        if (c < 0) {
            fprintf(stderr, "bench_hyoka: figures: %s\n", hyoka_error_last());
            rc = HYOKA_EINVAL;
            break;
        }
        r->values += c;
        r->projects++;
    }
    bench_stop();
    r->diagnostics = (long long)hyoka_report_count_severity(rep, HYOKA_SEVERITY_ERROR);
    if (rc != 0)
        fprintf(stderr, "bench_hyoka: %s: %s (%s)\n", path, hyoka_strerror(rc), hyoka_error_last());
    hyoka_stream_free(s);
    hyoka_report_free(rep);
    return rc != 0;
}

static int mode_validate(const char *path, struct bench_result *r)
{
    hyoka_portfolio *pf = NULL;
    int rc;

    bench_start();
    rc = read_portfolio(path, &pf, r);
    if (rc == 0)
        rc = validate(pf);
    bench_stop();
    hyoka_portfolio_free(pf);
    return rc;
}

static int mode_metrics(const char *path, struct bench_result *r)
{
    hyoka_portfolio *pf = NULL;
    hyoka_report *rep = NULL;
    char *out = NULL;
    size_t len = 0;
    int rc;

    bench_start();
    rc = read_portfolio(path, &pf, r);
    if (rc == 0) {
        if (hyoka_report_new(&rep) != HYOKA_OK || hyoka_validate(pf, rep) != HYOKA_OK ||
            hyoka_metrics_write(pf, rep, HYOKA_WRITE_COMPACT, HYOKA_LANG_EN, &out, &len) != HYOKA_OK) {
            fprintf(stderr, "bench_hyoka: metrics: %s\n", hyoka_error_last());
            rc = 1;
        }
    }
    bench_stop();
    r->out_bytes = (long long)len;
    hyoka_free(out);
    hyoka_report_free(rep);
    hyoka_portfolio_free(pf);
    return rc;
}

static int mode_write(const char *path, struct bench_result *r)
{
    hyoka_portfolio *pf = NULL;
    char *out = NULL;
    size_t len = 0;
    int rc = read_portfolio(path, &pf, r);

    bench_start();
    if (rc == 0 && hyoka_json_write(pf, HYOKA_WRITE_COMPACT, &out, &len) != HYOKA_OK) {
        fprintf(stderr, "bench_hyoka: write: %s\n", hyoka_error_last());
        rc = 1;
    }
    bench_stop();
    r->out_bytes = (long long)len;
    hyoka_free(out);
    hyoka_portfolio_free(pf);
    return rc;
}

/* --check: every diagnostic of reading and validating, counted by code. */
static int check(const char *path)
{
    hyoka_portfolio *pf = NULL;
    hyoka_report *rep = NULL;
    int rc;
    size_t n;

    if (hyoka_report_new(&rep) != HYOKA_OK)
        bench_die("hyoka_report_new", hyoka_error_last());
    rc = hyoka_json_read_file(path, NULL, &pf, rep);
    if (rc == HYOKA_OK)
        rc = hyoka_validate(pf, rep);
    n = hyoka_report_count(rep);
    printf("%s: %s, %zu projects, %zu diagnostics (%zu errors, %zu warnings, %zu info)\n", path,
           hyoka_strerror(rc), pf ? hyoka_portfolio_project_count(pf) : 0, n,
           hyoka_report_count_severity(rep, HYOKA_SEVERITY_ERROR),
           hyoka_report_count_severity(rep, HYOKA_SEVERITY_WARNING),
           hyoka_report_count_severity(rep, HYOKA_SEVERITY_INFO));
    for (size_t i = 0; i < n && i < 20; i++) {
        int64_t line = 0, col = 0;
        hyoka_report_position(rep, i, &line, &col);
        printf("  %s %s:%lld:%lld %s\n", hyoka_report_code(rep, i), hyoka_report_path(rep, i), (long long)line,
               (long long)col, hyoka_report_message(rep, i, HYOKA_LANG_EN));
    }
    hyoka_report_free(rep);
    hyoka_portfolio_free(pf);
    return rc != HYOKA_OK || n != 0;
}

/* --metrics: the hyoka-metrics/1 output (compact) on stdout, for cross-checks. */
static int metrics(const char *path)
{
    hyoka_portfolio *pf = NULL;
    hyoka_report *rep = NULL;
    char *out = NULL;
    size_t len = 0;
    int rc = hyoka_report_new(&rep);

    if (rc == HYOKA_OK)
        rc = hyoka_json_read_file(path, NULL, &pf, rep);
    if (rc == HYOKA_OK)
        rc = hyoka_validate(pf, rep);
    if (rc == HYOKA_OK)
        rc = hyoka_metrics_write(pf, rep, HYOKA_WRITE_COMPACT, HYOKA_LANG_EN, &out, &len);
    if (rc == HYOKA_OK)
        fwrite(out, 1, len, stdout);
    else
        fprintf(stderr, "bench_hyoka: %s: %s (%s)\n", path, hyoka_strerror(rc), hyoka_error_last());
    hyoka_free(out);
    hyoka_report_free(rep);
    hyoka_portfolio_free(pf);
    return rc != HYOKA_OK;
}

static const struct bench_mode modes[] = {
    {"read", mode_read},
    {"validate", mode_validate},
    {"full", mode_full},
    {"stream", mode_stream},
    {"metrics", mode_metrics},
    {"write", mode_write},
};

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--check") == 0)
        return check(argv[2]);
    if (argc == 3 && strcmp(argv[1], "--metrics") == 0)
        return metrics(argv[2]);
    return bench_main(argc, argv, "hyoka", modes, sizeof modes / sizeof modes[0]);
}
