/*
 * Concurrency test (docs/guide.md, Threads): "no global mutable state but the
 * allocator; distinct handles may be used from different threads at once".
 *
 * Eight threads work at the same time, each on portfolios of its own:
 *
 * 1. cold start: the very first hyoka calls of the process are made by the
 *    eight threads at once (built-in schemes, reading, validating, every
 *    figure, writing), so that any lazy initialisation races; all threads
 *    must get the same bytes;
 * 2. steady state: each thread repeatedly reads every test document (the
 *    four seed sheets written by the seed builders, the sample sheets of
 *    examples/sheets/ when the source tree is found, and an embedded one),
 *    validates it, locates the diagnostics, computes every figure, writes
 *    metrics and hyoka/1 JSON, reads its output back and compares, copies,
 *    edits its own portfolio, and calls the decimal, calendar, enum, error
 *    and built-in scheme functions, comparing every output byte for byte
 *    with what the main thread computed alone beforehand.
 *
 * Meant to be run under ThreadSanitizer too (tests/run_tsan.sh): a data
 * race is then reported even when the outputs happen to agree.
 *
 * HYOKA_THREADS_ITER sets the number of passes over the documents
 * (default 3). HYOKA_SOURCE_ROOT names the source tree (default: found
 * from this file's path).
 */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <dirent.h>
#include <pthread.h>
#include <unistd.h>

#include <hyoka/hyoka.h>

#include "seeds.h"

#define THREADS 8
#define MAX_DOCS 32

/* ------------------------------------------------------------------------ */
/* Documents                                                                */
/* ------------------------------------------------------------------------ */

/* A document that exercises a custom scheme, children, era years, every
 * indicator direction and a rounding override. */
static const char embedded_doc[] =
    "{\"format\": \"hyoka/1\", \"amount_unit\": \"thousand_yen\",\n"
    " \"municipality\": {\"name\": \"所沢市\", \"code\": \"112089\"},\n"
    " \"denominators\": [{\"fiscal_year\": 2007, \"population\": 339300, \"households\": 145000},\n"
    "                  {\"fiscal_year\": 2008, \"population\": 340100}],\n"
    " \"rounding\": {\"per_capita\": {\"places\": 2, \"mode\": \"down\", \"unit\": \"thousand_yen\"}},\n"
    " \"schemes\": [{\"id\": \"city-3point\", \"name\": \"3段階評点\",\n"
    "   \"criteria\": [{\"code\": \"relevance\", \"label\": \"妥当性\", \"weight\": 1,\n"
    "                 \"options\": [{\"code\": \"3\", \"label\": \"妥当\", \"score\": 3},\n"
    "                             {\"code\": \"1\", \"label\": \"不十分\", \"score\": 1}]},\n"
    "                {\"code\": \"effect\", \"label\": \"有効性\", \"weight\": 2,\n"
    "                 \"range\": {\"min\": 0, \"max\": 100}}],\n"
    "   \"verdicts\": [{\"code\": \"maintain\", \"label\": \"現状継続\", \"group\": \"continue\"},\n"
    "                {\"code\": \"end\", \"label\": \"終了\", \"group\": \"end\"}],\n"
    "   \"budget_directions\": [{\"code\": \"status_quo\", \"label\": \"現状どおり\"}],\n"
    "   \"rating\": {\"bands\": [{\"min\": 0, \"code\": \"low\", \"label\": \"Low\"},\n"
    "                          {\"min\": 50, \"code\": \"high\", \"label\": \"High\"}]}}],\n"
    " \"projects\": [{\"code\": \"A1\", \"name\": \"並行処理試験事業\",\n"
    "   \"organization\": {\"department\": \"総務部\", \"section\": \"情報課\"},\n"
    "   \"policy\": [{\"level\": \"政策\", \"code\": \"1\", \"name\": \"安全\"}],\n"
    "   \"start_fiscal_year\": \"平成18年度\",\n"
    "   \"years\": [{\"fiscal_year\": \"平成19年度\", \"phase\": \"settled\", \"initial_budget\": 1000,\n"
    "               \"final_budget\": 1200, \"settlement\": 1068.978,\n"
    "               \"funding\": {\"national\": 500, \"general\": 568.978},\n"
    "               \"staff\": [{\"category\": \"regular\", \"fte\": 0.30, \"unit_cost\": 8000}],\n"
    "               \"usage\": 1054, \"stated\": {\"per_capita\": \"0.01\"}},\n"
    "              {\"fiscal_year\": 2008, \"phase\": \"budget\", \"final_budget\": 1500,\n"
    "               \"staff\": [{\"category\": \"part_time\", \"hours\": 1200.5, \"hourly_rate\": 1.2}]}],\n"
    "   \"indicators\": [{\"kind\": \"outcome\", \"name\": \"受講率\", \"unit\": \"%\", \"direction\": \"increase\",\n"
    "                   \"values\": [{\"fiscal_year\": 2007, \"target\": 60, \"actual\": 59},\n"
    "                              {\"fiscal_year\": 2008, \"target\": 70, \"actual\": 71.5}]},\n"
    "                  {\"kind\": \"activity\", \"name\": \"事故件数\", \"unit\": \"件\", \"direction\": \"decrease\",\n"
    "                   \"values\": [{\"fiscal_year\": 2007, \"target\": 3, \"actual\": 4}]},\n"
    "                  {\"kind\": \"target\", \"name\": \"職員数\", \"unit\": \"人\", \"direction\": \"maintain\",\n"
    "                   \"values\": [{\"fiscal_year\": 2007, \"target\": 2000, \"actual\": 2010}]}],\n"
    "   \"evaluations\": [{\"stage\": \"primary\", \"scheme\": \"city-3point\", \"fiscal_year\": 2007,\n"
    "                    \"date\": \"2008-05-15\", \"verdict\": \"maintain\", \"budget\": \"status_quo\",\n"
    "                    \"scores\": {\"relevance\": \"3\", \"effect\": \"72.5\"}},\n"
    "                   {\"stage\": \"secondary\", \"fiscal_year\": 2007, \"date\": \"平成20年6月1日\",\n"
    "                    \"verdict\": \"improve\", \"budget\": \"status_quo\", \"scores\": {\"relevance\": \"A\"}}],\n"
    "   \"children\": [{\"code\": \"A1-01\", \"name\": \"細事業\",\n"
    "                 \"years\": [{\"fiscal_year\": 2007, \"settlement\": 100}]}],\n"
    "   \"extensions\": {\"vendor.id\": \"X-1\"}}]}\n";

struct doc {
    char name[64];
    char *text;        /* owned (malloc) */
    size_t len;
    char *json;        /* reference hyoka_json_write() output (hyoka_free) */
    size_t json_len;
    char *metrics;     /* reference hyoka_metrics_write() output (hyoka_free) */
    size_t metrics_len;
    size_t diagnostics;
};

static struct doc docs[MAX_DOCS];
static size_t doc_count;
static int iterations = 3;

/* ------------------------------------------------------------------------ */
/* Per-thread failure record                                                */
/* ------------------------------------------------------------------------ */

struct worker {
    int id;
    int failures;
    char first[512];
    /* phase 1 output */
    char *cold_json;
    size_t cold_json_len;
    char *cold_metrics;
    size_t cold_metrics_len;
    long checks;
};

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void wfail(struct worker *w, const char *fmt, ...)
{
    va_list ap;
    if (w->failures++ == 0) {
        va_start(ap, fmt);
        vsnprintf(w->first, sizeof w->first, fmt, ap);
        va_end(ap);
    }
}

#define CHECK(w, cond)                                                          \
    do {                                                                        \
        (w)->checks++;                                                          \
        if (!(cond))                                                            \
            wfail((w), "%s:%d: %s", __FILE__, __LINE__, #cond);                  \
    } while (0)

static pthread_barrier_t barrier;

/* ------------------------------------------------------------------------ */
/* Work shared by both phases                                               */
/* ------------------------------------------------------------------------ */

static void walk_schemes(struct worker *w)
{
    size_t i, n = hyoka_scheme_builtin_count();

    CHECK(w, n >= 3);
    for (i = 0; i < n; i++) {
        const hyoka_scheme *s = hyoka_scheme_builtin_at(i);
        hyoka_scheme *copy = NULL;
        size_t c, nc, o, k;
        const char *id;

        CHECK(w, s != NULL);
        if (!s)
            continue;
        id = hyoka_scheme_id(s);
        CHECK(w, id != NULL && hyoka_scheme_builtin(id, HYOKA_NTS) == s);
        CHECK(w, hyoka_scheme_is_builtin(s) == 1);
        CHECK(w, hyoka_scheme_name(s) != NULL);
        nc = hyoka_scheme_criterion_count(s);
        for (c = 0; c < nc; c++) {
            const char *code = NULL, *label = NULL;
            hyoka_decimal weight;
            size_t found = (size_t)-1;
            CHECK(w, hyoka_scheme_criterion_at(s, c, &code, &label, &weight) == HYOKA_OK);
            CHECK(w, code && hyoka_scheme_find_criterion(s, code, HYOKA_NTS, &found) == HYOKA_OK && found == c);
            (void)hyoka_scheme_required(s, c);
            for (o = 0; o < hyoka_scheme_option_count(s, c); o++) {
                hyoka_decimal score;
                int has = 0;
                CHECK(w, hyoka_scheme_option_at(s, c, o, &code, &label, &score, &has) == HYOKA_OK);
            }
        }
        for (k = 0; k < hyoka_scheme_verdict_count(s); k++) {
            const char *code = NULL, *label = NULL;
            int group = -1;
            size_t found = (size_t)-1;
            CHECK(w, hyoka_scheme_verdict_at(s, k, &code, &label, &group) == HYOKA_OK);
            CHECK(w, code && hyoka_scheme_find_verdict(s, code, HYOKA_NTS, &found) == HYOKA_OK && found == k);
        }
        for (k = 0; k < hyoka_scheme_budget_count(s); k++) {
            const char *code = NULL, *label = NULL;
            int kind = -1;
            CHECK(w, hyoka_scheme_budget_at(s, k, &code, &label, &kind) == HYOKA_OK);
        }
        for (k = 0; k < hyoka_scheme_band_count(s); k++) {
            const char *code = NULL, *label = NULL;
            hyoka_decimal min;
            CHECK(w, hyoka_scheme_band_at(s, k, &min, &code, &label) == HYOKA_OK);
        }
        CHECK(w, hyoka_scheme_copy(s, &copy) == HYOKA_OK);
        CHECK(w, copy != NULL && hyoka_scheme_equal(s, copy) == 1);
        CHECK(w, copy == NULL || hyoka_scheme_is_builtin(copy) == 0);
        hyoka_scheme_free(copy);
    }
    CHECK(w, hyoka_scheme_builtin("jp-standard", HYOKA_NTS) != NULL);
    CHECK(w, hyoka_scheme_builtin("us-omb-part", HYOKA_NTS) != NULL);
    CHECK(w, hyoka_scheme_builtin("oecd-dac", HYOKA_NTS) != NULL);
}

static void figures_of_project(struct worker *w, const hyoka_project *p)
{
    size_t i, j;
    int f;

    for (i = 0; i < hyoka_project_year_count(p); i++) {
        const hyoka_costs *c = hyoka_project_year_at(p, i);
        for (f = HYOKA_FIG_EXPENSE; f <= HYOKA_FIG_TOTAL_COST_CHANGE; f++) {
            hyoka_decimal d;
            int reason = -1;
            int rc = hyoka_costs_figure(c, f, &d, &reason);
            CHECK(w, rc == HYOKA_OK || rc == HYOKA_EUNAVAILABLE || rc == HYOKA_ERANGE);
        }
    }
    for (i = 0; i < hyoka_project_indicator_count(p); i++) {
        const hyoka_indicator *ind = hyoka_project_indicator_at(p, i);
        for (j = 0; j < hyoka_indicator_year_count(ind); j++) {
            for (f = HYOKA_FIG_ACHIEVEMENT; f <= HYOKA_FIG_CHANGE; f++) {
                hyoka_decimal d;
                int reason = -1;
                int rc = hyoka_indicator_figure(ind, hyoka_indicator_year_at(ind, j), f, &d, &reason);
                CHECK(w, rc == HYOKA_OK || rc == HYOKA_EUNAVAILABLE || rc == HYOKA_ERANGE);
            }
        }
    }
    for (i = 0; i < hyoka_project_evaluation_count(p); i++) {
        const hyoka_evaluation *ev = hyoka_project_evaluation_at(p, i);
        hyoka_decimal d;
        const char *code = NULL, *label = NULL;
        int reason = -1, rc;
        rc = hyoka_evaluation_score(ev, &d, &reason);
        CHECK(w, rc == HYOKA_OK || rc == HYOKA_EUNAVAILABLE || rc == HYOKA_ERANGE);
        rc = hyoka_evaluation_rating(ev, &code, &label, &reason);
        CHECK(w, rc == HYOKA_OK || rc == HYOKA_EUNAVAILABLE || rc == HYOKA_ERANGE);
    }
    for (i = 0; i < hyoka_project_child_count(p); i++)
        figures_of_project(w, hyoka_project_child_at(p, i));
}

static void rollups(struct worker *w, const hyoka_portfolio *pf)
{
    int g;
    for (g = HYOKA_GROUP_FISCAL_YEAR; g <= HYOKA_GROUP_VERDICT; g++) {
        hyoka_rollup *r = NULL;
        size_t row;
        CHECK(w, hyoka_rollup_new(&r, pf, g, 1, 0) == HYOKA_OK);
        for (row = 0; r && row < hyoka_rollup_count(r); row++) {
            int64_t total = 0;
            CHECK(w, hyoka_rollup_key(r, row) != NULL);
            CHECK(w, hyoka_rollup_total(r, row, HYOKA_FIG_TOTAL_COST, &total) == HYOKA_OK);
        }
        hyoka_rollup_free(r);
    }
    {
        hyoka_ranking *rk = NULL;
        CHECK(w, hyoka_ranking_new(&rk, pf, HYOKA_FIG_SCORE, 0, 1) == HYOKA_OK);
        CHECK(w, rk && hyoka_ranking_count(rk) == hyoka_portfolio_project_count(pf));
        hyoka_ranking_free(rk);
    }
}

/* Read, validate, compute, write, read back. Returns the JSON and metrics
 * texts through the out parameters (hyoka_free), NULL on failure. */
static void process(struct worker *w, const char *text, size_t len, char **json, size_t *json_len, char **metrics,
                    size_t *metrics_len, size_t *diagnostics)
{
    hyoka_report *rep = NULL, *rep2 = NULL;
    hyoka_portfolio *pf = NULL, *back = NULL, *copy = NULL;
    char *again = NULL, *report_json = NULL;
    size_t again_len = 0, rj_len = 0, i;
    int rc;

    *json = NULL;
    *metrics = NULL;
    CHECK(w, hyoka_report_new(&rep) == HYOKA_OK);
    rc = hyoka_json_read(text, len, NULL, &pf, rep);
    if (rc != HYOKA_OK || !pf) {
        wfail(w, "hyoka_json_read: %s (%s)", hyoka_status_name(rc),
             hyoka_report_count(rep) ? hyoka_report_message(rep, 0, HYOKA_LANG_EN) : "");
        hyoka_report_free(rep);
        return;
    }
    CHECK(w, hyoka_validate(pf, rep) == HYOKA_OK);
    CHECK(w, hyoka_report_locate(rep, text, len) == HYOKA_OK);
    *diagnostics = hyoka_report_count(rep);
    CHECK(w, hyoka_report_write_json(rep, 0, HYOKA_LANG_JA, &report_json, &rj_len) == HYOKA_OK);
    hyoka_free(report_json);
    for (i = 0; i < hyoka_portfolio_project_count(pf); i++)
        figures_of_project(w, hyoka_portfolio_project_at(pf, i));
    rollups(w, pf);
    CHECK(w, hyoka_metrics_write(pf, rep, 0, HYOKA_LANG_EN, metrics, metrics_len) == HYOKA_OK);

    CHECK(w, hyoka_json_write(pf, 0, json, json_len) == HYOKA_OK);
    if (*json) {
        CHECK(w, hyoka_report_new(&rep2) == HYOKA_OK);
        CHECK(w, hyoka_json_read(*json, *json_len, NULL, &back, rep2) == HYOKA_OK);
        CHECK(w, hyoka_portfolio_equal(pf, back) == 1);
        CHECK(w, hyoka_json_write(back, 0, &again, &again_len) == HYOKA_OK);
        CHECK(w, again && again_len == *json_len && memcmp(again, *json, again_len) == 0);
        hyoka_free(again);
        hyoka_portfolio_free(back);
        hyoka_report_free(rep2);
    }

    /* A deep copy, then edits to the thread's own copy. */
    CHECK(w, hyoka_portfolio_copy(pf, &copy) == HYOKA_OK);
    CHECK(w, copy && hyoka_portfolio_equal(pf, copy) == 1);
    if (copy) {
        hyoka_project *p = NULL;
        hyoka_costs *c = NULL;
        hyoka_decimal d;
        int reason;
        char code[32];

        snprintf(code, sizeof code, "T%d", w->id);
        CHECK(w, hyoka_project_new(&p) == HYOKA_OK);
        CHECK(w, hyoka_project_set_code(p, code, HYOKA_NTS) == HYOKA_OK);
        CHECK(w, hyoka_project_set_name(p, "スレッド", HYOKA_NTS) == HYOKA_OK);
        CHECK(w, hyoka_project_add_year(p, 2020, &c) == HYOKA_OK);
        CHECK(w, hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 1000 * (int64_t)(w->id + 1)) == HYOKA_OK);
        CHECK(w, hyoka_costs_set_phase(c, HYOKA_PHASE_SETTLED) == HYOKA_OK);
        CHECK(w, hyoka_portfolio_add_project(copy, p) == HYOKA_OK);
        CHECK(w, hyoka_portfolio_set_denominator(copy, 2020, HYOKA_COST_POPULATION, 10) == HYOKA_OK);
        CHECK(w, hyoka_portfolio_clear_rounding(copy, HYOKA_FIG_PER_CAPITA) == HYOKA_OK);
        CHECK(w, hyoka_costs_figure(c, HYOKA_FIG_PER_CAPITA, &d, &reason) == HYOKA_OK);
        CHECK(w, hyoka_decimal_coefficient(&d) == 1000 * (int64_t)(w->id + 1));
        CHECK(w, hyoka_portfolio_equal(pf, copy) == 0);
        CHECK(w, hyoka_portfolio_find_project(copy, code, HYOKA_NTS) == p);
        CHECK(w, hyoka_portfolio_remove_project(copy, hyoka_portfolio_project_count(copy) - 1) == HYOKA_OK);
        hyoka_portfolio_free(copy);
    }
    hyoka_portfolio_free(pf);
    hyoka_report_free(rep);
}

static void decimal_and_calendar(struct worker *w)
{
    hyoka_decimal a, b, q;
    char buf[HYOKA_DECIMAL_STRING_MAX];
    char cal[HYOKA_CALENDAR_STRING_MAX];
    char text[64];
    int32_t fy, back, date;
    unsigned flags;
    size_t len;

    /* 16627000 ÷ 1054 = 15775.1 (seed 001), per thread a different dividend too. */
    CHECK(w, hyoka_decimal_parse("16627000", HYOKA_NTS, &a) == HYOKA_OK);
    CHECK(w, hyoka_decimal_parse_printed("1,054", HYOKA_NTS, &b) == HYOKA_OK);
    CHECK(w, hyoka_decimal_div(&a, &b, 1, HYOKA_ROUND_HALF_UP, &q) == HYOKA_OK);
    CHECK(w, hyoka_decimal_format(&q, HYOKA_DECIMAL_FMT_GROUPING, buf, sizeof buf, &len) == HYOKA_OK);
    CHECK(w, strcmp(buf, "15,775.1") == 0);
    snprintf(text, sizeof text, "%d.%d", w->id + 1, w->id);
    CHECK(w, hyoka_decimal_parse(text, HYOKA_NTS, &a) == HYOKA_OK);
    CHECK(w, hyoka_decimal_mul(&a, &a, &q) == HYOKA_OK);
    CHECK(w, hyoka_decimal_format(&a, 0, buf, sizeof buf, &len) == HYOKA_OK && strcmp(buf, text) == 0);

    for (fy = 1868; fy <= 2040; fy += 7) {
        CHECK(w, hyoka_fiscal_year_format(fy, (unsigned)(w->id & 1) * HYOKA_CAL_FMT_STRICT, cal, sizeof cal, &len) ==
                     HYOKA_OK);
        CHECK(w, hyoka_fiscal_year_parse(cal, len, &back, &flags) == HYOKA_OK && back == fy);
    }
    CHECK(w, hyoka_fiscal_year_parse("令和元年度", HYOKA_NTS, &fy, &flags) == HYOKA_OK && fy == 2019);
    CHECK(w, hyoka_fiscal_year_parse("平成32年度", HYOKA_NTS, &fy, &flags) == HYOKA_OK && fy == 2020 &&
                 (flags & HYOKA_CAL_PAST_ERA_END));
    CHECK(w, hyoka_date_parse("平成20年5月15日", HYOKA_NTS, &date, &flags) == HYOKA_OK && date == 20080515);
    CHECK(w, hyoka_date_format(date, HYOKA_CAL_FMT_ABBREV, cal, sizeof cal, &len) == HYOKA_OK &&
                 strcmp(cal, "H20.5.15") == 0);

    /* The last error is per thread: each thread fails in its own way and
     * must see its own failure. */
    if (w->id % 2) {
        CHECK(w, hyoka_decimal_parse("x", HYOKA_NTS, &a) == HYOKA_ESYNTAX);
        CHECK(w, hyoka_error_last_code() == HYOKA_ESYNTAX);
    } else {
        CHECK(w, hyoka_decimal_from_parts(1, 19, &a) == HYOKA_ERANGE);
        CHECK(w, hyoka_error_last_code() == HYOKA_ERANGE);
    }
    CHECK(w, hyoka_error_last()[0] != '\0');
    hyoka_error_clear();
    CHECK(w, hyoka_error_last_code() == HYOKA_OK && hyoka_error_last()[0] == '\0');

    CHECK(w, strcmp(hyoka_enum_name(HYOKA_ENUM_FIGURE, HYOKA_FIG_PER_CAPITA), "per_capita") == 0);
    CHECK(w, strcmp(hyoka_strerror(HYOKA_ERANGE), hyoka_strerror(HYOKA_ERANGE)) == 0);
    CHECK(w, hyoka_rounding_name(HYOKA_ROUND_HALF_EVEN) != NULL);
    CHECK(w, hyoka_era_name(HYOKA_ERA_REIWA) != NULL);
}

/* ------------------------------------------------------------------------ */
/* Phase 1: cold start                                                      */
/* ------------------------------------------------------------------------ */

static void *cold_main(void *arg)
{
    struct worker *w = arg;
    size_t diags = 0;

    pthread_barrier_wait(&barrier);
    /* Half the threads touch the built-in schemes first, half read first. */
    if (w->id % 2)
        walk_schemes(w);
    process(w, embedded_doc, sizeof embedded_doc - 1, &w->cold_json, &w->cold_json_len, &w->cold_metrics,
            &w->cold_metrics_len, &diags);
    if (!(w->id % 2))
        walk_schemes(w);
    decimal_and_calendar(w);
    return NULL;
}

static void report_workers(struct worker *ws, int n)
{
    int i, failed = 0;
    for (i = 0; i < n; i++) {
        if (ws[i].failures) {
            print_error("thread %d: %d failures; first: %s\n", i, ws[i].failures, ws[i].first);
            failed = 1;
        }
    }
    assert_false(failed);
}

static void test_cold_start(void **state)
{
    struct worker ws[THREADS];
    pthread_t tid[THREADS];
    int i;

    (void)state;
    memset(ws, 0, sizeof ws);
    assert_int_equal(pthread_barrier_init(&barrier, NULL, THREADS), 0);
    for (i = 0; i < THREADS; i++) {
        ws[i].id = i;
        assert_int_equal(pthread_create(&tid[i], NULL, cold_main, &ws[i]), 0);
    }
    for (i = 0; i < THREADS; i++)
        assert_int_equal(pthread_join(tid[i], NULL), 0);
    pthread_barrier_destroy(&barrier);
    report_workers(ws, THREADS);

    for (i = 0; i < THREADS; i++) {
        assert_non_null(ws[i].cold_json);
        assert_non_null(ws[i].cold_metrics);
        assert_int_equal(ws[i].cold_json_len, ws[0].cold_json_len);
        assert_memory_equal(ws[i].cold_json, ws[0].cold_json, ws[0].cold_json_len);
        assert_int_equal(ws[i].cold_metrics_len, ws[0].cold_metrics_len);
        assert_memory_equal(ws[i].cold_metrics, ws[0].cold_metrics, ws[0].cold_metrics_len);
    }
    for (i = 0; i < THREADS; i++) {
        hyoka_free(ws[i].cold_json);
        hyoka_free(ws[i].cold_metrics);
    }
}

/* ------------------------------------------------------------------------ */
/* Phase 2: steady state                                                    */
/* ------------------------------------------------------------------------ */

static char *read_whole(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n;

    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
        buf = malloc((size_t)n + 1);
        if (buf && fread(buf, 1, (size_t)n, f) == (size_t)n) {
            buf[n] = '\0';
            *len = (size_t)n;
        } else {
            free(buf);
            buf = NULL;
        }
    }
    fclose(f);
    return buf;
}

/* The source tree: $HYOKA_SOURCE_ROOT, else the parent of this file's
 * folder (an absolute __FILE__, or one relative to the build root, which
 * is the parent of the folder of this program). */
static int source_root(char *out, size_t size)
{
    const char *env = getenv("HYOKA_SOURCE_ROOT");
    const char *src = __FILE__;
    const char *slash = strrchr(src, '/');
    char exe[4096];
    ssize_t n;
    char *cut;
    int k;

    if (env && env[0]) {
        k = snprintf(out, size, "%s", env);
        return k > 0 && (size_t)k < size;
    }
    if (!slash)
        return 0;
    if (src[0] == '/') {
        k = snprintf(out, size, "%.*s/..", (int)(slash - src), src);
        return k > 0 && (size_t)k < size;
    }
    n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return 0;
    exe[n] = '\0';
    cut = strrchr(exe, '/'); /* build/tests/test_threads -> build/tests */
    if (!cut)
        return 0;
    *cut = '\0';
    cut = strrchr(exe, '/'); /* -> build */
    if (!cut)
        return 0;
    *cut = '\0';
    k = snprintf(out, size, "%s/%.*s/..", exe, (int)(slash - src), src);
    return k > 0 && (size_t)k < size;
}

static void add_doc(const char *name, char *text, size_t len)
{
    assert_true(doc_count < MAX_DOCS);
    snprintf(docs[doc_count].name, sizeof docs[doc_count].name, "%s", name);
    docs[doc_count].text = text;
    docs[doc_count].len = len;
    doc_count++;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void load_docs(void)
{
    char root[4096], dir[4200];
    DIR *d;
    int s;

    /* The embedded document. */
    {
        char *t = malloc(sizeof embedded_doc);
        assert_non_null(t);
        memcpy(t, embedded_doc, sizeof embedded_doc);
        add_doc("embedded", t, sizeof embedded_doc - 1);
    }
    /* The four seed sheets, as the seed builders make them. */
    for (s = 1; s <= SEED_COUNT; s++) {
        hyoka_portfolio *pf = NULL;
        char *json = NULL, *t, name[32];
        size_t len = 0;
        assert_int_equal(seed_build(s, &pf), HYOKA_OK);
        assert_int_equal(hyoka_json_write(pf, 0, &json, &len), HYOKA_OK);
        t = malloc(len + 1);
        assert_non_null(t);
        memcpy(t, json, len + 1);
        hyoka_free(json);
        hyoka_portfolio_free(pf);
        snprintf(name, sizeof name, "seed-%d", s);
        add_doc(name, t, len);
    }
    /* The sample sheets. */
    if (!source_root(root, sizeof root))
        return;
    snprintf(dir, sizeof dir, "%s/examples/sheets", root);
    d = opendir(dir);
    if (!d) {
        print_message("note: %s not found; using the embedded and seed documents only\n", dir);
        return;
    }
    {
        struct dirent *e;
        char *names[MAX_DOCS];
        size_t n = 0, i;
        while ((e = readdir(d)) != NULL && n < MAX_DOCS) {
            size_t l = strlen(e->d_name);
            if (l > 5 && strcmp(e->d_name + l - 5, ".json") == 0) {
                names[n] = strdup(e->d_name);
                assert_non_null(names[n]);
                n++;
            }
        }
        closedir(d);
        qsort(names, n, sizeof names[0], by_name);
        for (i = 0; i < n; i++) {
            char path[4500];
            size_t len = 0;
            char *t;
            snprintf(path, sizeof path, "%s/%s", dir, names[i]);
            t = read_whole(path, &len);
            if (t && doc_count < MAX_DOCS)
                add_doc(names[i], t, len);
            else
                free(t);
            free(names[i]);
        }
    }
}

static void *steady_main(void *arg)
{
    struct worker *w = arg;
    int it;
    size_t k;

    pthread_barrier_wait(&barrier);
    for (it = 0; it < iterations; it++) {
        for (k = 0; k < doc_count; k++) {
            /* Threads start at different documents, so that different
             * documents are processed at the same moment. */
            const struct doc *d = &docs[(k + (size_t)w->id) % doc_count];
            char *json = NULL, *metrics = NULL;
            size_t json_len = 0, metrics_len = 0, diags = 0;

            process(w, d->text, d->len, &json, &json_len, &metrics, &metrics_len, &diags);
            if (!json || json_len != d->json_len || memcmp(json, d->json, json_len) != 0)
                wfail(w, "%s: JSON output differs from the single-threaded one", d->name);
            if (!metrics || metrics_len != d->metrics_len || memcmp(metrics, d->metrics, metrics_len) != 0)
                wfail(w, "%s: metrics output differs from the single-threaded one", d->name);
            if (diags != d->diagnostics)
                wfail(w, "%s: %zu diagnostics, %zu single-threaded", d->name, diags, d->diagnostics);
            hyoka_free(json);
            hyoka_free(metrics);
            decimal_and_calendar(w);
            if ((k + (size_t)w->id) % 3 == 0)
                walk_schemes(w);
        }
    }
    return NULL;
}

static void test_steady_state(void **state)
{
    struct worker ref, ws[THREADS];
    pthread_t tid[THREADS];
    const char *env = getenv("HYOKA_THREADS_ITER");
    size_t k;
    int i;

    (void)state;
    if (env && atoi(env) > 0)
        iterations = atoi(env);
    load_docs();
    assert_true(doc_count >= 1 + SEED_COUNT);

    /* References, computed by this thread alone. */
    memset(&ref, 0, sizeof ref);
    for (k = 0; k < doc_count; k++) {
        process(&ref, docs[k].text, docs[k].len, &docs[k].json, &docs[k].json_len, &docs[k].metrics,
                &docs[k].metrics_len, &docs[k].diagnostics);
        if (ref.failures)
            print_error("%s: %s\n", docs[k].name, ref.first);
        assert_int_equal(ref.failures, 0);
    }
    print_message("%zu documents, %d threads, %d passes\n", doc_count, THREADS, iterations);

    memset(ws, 0, sizeof ws);
    assert_int_equal(pthread_barrier_init(&barrier, NULL, THREADS), 0);
    for (i = 0; i < THREADS; i++) {
        ws[i].id = i;
        assert_int_equal(pthread_create(&tid[i], NULL, steady_main, &ws[i]), 0);
    }
    for (i = 0; i < THREADS; i++)
        assert_int_equal(pthread_join(tid[i], NULL), 0);
    pthread_barrier_destroy(&barrier);
    report_workers(ws, THREADS);

    for (k = 0; k < doc_count; k++) {
        free(docs[k].text);
        hyoka_free(docs[k].json);
        hyoka_free(docs[k].metrics);
    }
    doc_count = 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        /* Must stay first: it makes the process's first hyoka calls. */
        cmocka_unit_test(test_cold_start),
        cmocka_unit_test(test_steady_state),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
