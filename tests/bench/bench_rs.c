/* The RS measurement (docs/performance.md): read a folder of RS tables
 * (tests/bench/gen_rs.py makes a full year), validate it, and compute
 * every figure: the hyoka-metrics/1 document of every project, and each
 * record's figures (unspent, execution rate, account share, single-bidder
 * and non-competitive shares). Prints the time of each step and the
 * projects; run it under /usr/bin/time -v for the peak memory.
 *
 * usage: bench_rs DIR */
#if !defined(_POSIX_C_SOURCE) || _POSIX_C_SOURCE < 200809L
#  undef _POSIX_C_SOURCE
#  define _POSIX_C_SOURCE 200809L
#endif

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <hyoka/hyoka.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Every figure of a record and its children; the count computed. */
static size_t record_figures(const hyoka_record *rec)
{
    size_t n = 0;
    for (int f = HYOKA_FIG_UNSPENT; f <= HYOKA_FIG_NONCOMPETITIVE_SHARE; f++) {
        hyoka_decimal d;
        n += hyoka_record_figure(rec, f, &d, NULL) == HYOKA_OK;
    }
    for (int k = 0; k < hyoka_enum_count(HYOKA_ENUM_RECORD_KIND); k++)
        for (size_t i = 0; i < hyoka_record_child_count(rec, k); i++)
            n += record_figures(hyoka_record_child_at(rec, k, i));
    return n;
}

int main(int argc, char **argv)
{
    hyoka_portfolio *pf = NULL;
    hyoka_report *rep = NULL, *val = NULL;
    char *metrics = NULL;
    size_t len = 0, figures = 0, np;
    double t0, t1, t2, t3;
    int rc;

    if (argc != 2) {
        fprintf(stderr, "usage: bench_rs DIR\n");
        return 2;
    }
    if (hyoka_report_new(&rep) != HYOKA_OK || hyoka_report_new(&val) != HYOKA_OK)
        return 1;
    t0 = now();
    rc = hyoka_rs_read_dir(argv[1], NULL, &pf, rep);
    t1 = now();
    if (rc != HYOKA_OK) {
        fprintf(stderr, "bench_rs: %s\n", hyoka_error_last());
        return 1;
    }
    if (hyoka_validate(pf, val) != HYOKA_OK && hyoka_error_last_code() == HYOKA_ENOMEM)
        return 1;
    t2 = now();
    rc = hyoka_metrics_write(pf, val, 0, HYOKA_LANG_EN, &metrics, &len);
    np = hyoka_portfolio_project_count(pf);
    for (size_t i = 0; i < np; i++) {
        const hyoka_project *p = hyoka_portfolio_project_at(pf, i);
        for (int k = 0; k < hyoka_enum_count(HYOKA_ENUM_RECORD_KIND); k++)
            for (size_t j = 0; j < hyoka_project_record_count(p, k); j++)
                figures += record_figures(hyoka_project_record_at(p, k, j));
    }
    t3 = now();
    if (rc != HYOKA_OK) {
        fprintf(stderr, "bench_rs: metrics: %s\n", hyoka_error_last());
        return 1;
    }
    printf("projects %zu\nread %.3f s\nvalidate %.3f s (%zu diagnostics)\nfigures %.3f s (metrics %zu bytes, "
           "%zu record figures)\ntotal %.3f s, %.3f s per 1,000 projects\n",
           np, t1 - t0, t2 - t1, hyoka_report_total(val), t3 - t2, len, figures, t3 - t0,
           (t3 - t0) * 1000.0 / (double)(np ? np : 1));
    hyoka_free(metrics);
    hyoka_portfolio_free(pf);
    hyoka_report_free(rep);
    hyoka_report_free(val);
    return 0;
}
