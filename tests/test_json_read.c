/* Tests of the hyoka/1 reader (json.h: hyoka_json_read, hyoka_json_read_file,
 * hyoka_read_options_init) and of hyoka_report_locate (report.h). Public
 * API only.
 *
 * Conformance. Every y_ file of a minefield must give no J diagnostic (it
 * gets S diagnostics: it is no hyoka/1 document), every n_ file at least
 * one. The cases of tests/data/json/conformance (written for this project,
 * one or more per class of the minefield) always run; the public
 * JSONTestSuite's test_parsing runs too when the environment variable
 * HYOKA_CONFORMANCE names a folder holding JSONTestSuite/test_parsing
 * (meson: -Dconformance=FOLDER; skipped otherwise).
 *
 * Implementation-defined (i_) cases, the reader's choices:
 *
 * | case (JSONTestSuite i_ files, and ours)          | choice  | code |
 * |--------------------------------------------------|---------|------|
 * | number with a huge exponent (1e999999999, 1.5e-999999999, 123.456e-789, 0.4e-00666...) | accept | none: a number is converted only for a member that wants it, then out of range is J005 |
 * | integer too big for 64 bits (-123...890, 1000...0) | accept | none (same rule) |
 * | real overflow / underflow (1.5e+9999, 123e-10000000) | accept | none (same rule) |
 * | lone surrogate in a \u escape (key or value: \uDADA, \uD800\u0041, \uDFAA, \uD800abc) | reject | J001 |
 * | inverted surrogates (\uDD1E\uD834), incomplete pair (\uD834\uDd) | reject | J001 |
 * | invalid UTF-8 bytes (0xFF, ISO Latin 1, lone continuation, overlong, above U+10FFFF, truncated sequence, UTF-8-encoded surrogate ED A0 80) | reject | J002 |
 * | UTF-16 with BOM (FF FE) | reject | J002 (the first byte is not UTF-8) |
 * | UTF-16 without BOM (NUL bytes outside strings) | reject | J001 |
 * | 500 nested arrays | reject | J004 (default max_depth 64) |
 * | UTF-8 BOM before an object | accept | none (the BOM is ignored) |
 *
 * Duplicate keys: J003 for a known member or a key of a string map
 * (extensions, comments, scores); a repeated UNKNOWN member is S002 at each
 * occurrence and nothing more, and keys inside skipped content are not
 * checked, so y_object_duplicated_key and y_object_duplicated_key_and_value
 * (valid JSON, not hyoka/1 documents) get only S-codes like every y_ file.
 */
#if !defined(_POSIX_C_SOURCE) || _POSIX_C_SOURCE < 200809L
#  undef _POSIX_C_SOURCE
#  define _POSIX_C_SOURCE 200809L
#endif

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <dirent.h>
#include <unistd.h>

#include <hyoka/hyoka.h>

#include "docs.h"
#include "failalloc.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

#define OK(call) assert_int_equal((call), HYOKA_OK)

/* Read @p text (length @p len or HYOKA_NTS) into *pf and a fresh report. */
static int read_doc(const char *text, size_t len, const hyoka_read_options *opt, hyoka_portfolio **pf,
                    hyoka_report **rep)
{
    OK(hyoka_report_new(rep));
    return hyoka_json_read(text, len, opt, pf, *rep);
}

/* Read a document that must be fine. */
static hyoka_portfolio *read_ok(const char *text)
{
    hyoka_portfolio *pf = NULL;
    hyoka_report *rep = NULL;
    int rc = read_doc(text, HYOKA_NTS, NULL, &pf, &rep);
    if (rc != HYOKA_OK) {
        for (size_t i = 0; i < hyoka_report_count(rep); i++)
            fprintf(stderr, "  %s %s %s\n", hyoka_report_code(rep, i), hyoka_report_path(rep, i),
                    hyoka_report_message(rep, i, HYOKA_LANG_EN));
        fail_msg("read_ok: %s (%s)", hyoka_status_name(rc), hyoka_error_last());
    }
    assert_int_equal(hyoka_report_count_severity(rep, HYOKA_SEVERITY_ERROR), 0);
    hyoka_report_free(rep);
    assert_non_null(pf);
    return pf;
}

static void dump(const hyoka_report *rep)
{
    for (size_t i = 0; i < hyoka_report_count(rep); i++) {
        int64_t l = 0, c = 0;
        hyoka_report_position(rep, i, &l, &c);
        fprintf(stderr, "  [%zu] %s %s %lld:%lld %s\n", i, hyoka_report_code(rep, i), hyoka_report_path(rep, i),
                (long long)l, (long long)c, hyoka_report_message(rep, i, HYOKA_LANG_EN));
    }
}

/* Check diagnostic @p i: code, path and position (line 0: not checked). */
static void expect_diag_(const hyoka_report *rep, size_t i, const char *code, const char *path, int64_t line,
                         int64_t col, const char *file, int at)
{
    int64_t l = -1, c = -1;
    if (i >= hyoka_report_count(rep)) {
        dump(rep);
        fail_msg("%s:%d: no diagnostic %zu (%zu in all)", file, at, i, hyoka_report_count(rep));
    }
    hyoka_report_position(rep, i, &l, &c);
    if (strcmp(hyoka_report_code(rep, i), code) != 0 || (path && strcmp(hyoka_report_path(rep, i), path) != 0) ||
        (line && (l != line || c != col))) {
        dump(rep);
        fail_msg("%s:%d: diagnostic %zu: expected %s %s %lld:%lld, got %s %s %lld:%lld", file, at, i, code,
                 path ? path : "(any)", (long long)line, (long long)col, hyoka_report_code(rep, i),
                 hyoka_report_path(rep, i), (long long)l, (long long)c);
    }
    assert_non_null(hyoka_report_message(rep, i, HYOKA_LANG_EN));
    assert_true(strlen(hyoka_report_message(rep, i, HYOKA_LANG_JA)) > 0);
}
#define EXPECT_DIAG(rep, i, code, path, line, col) expect_diag_((rep), (i), (code), (path), (line), (col), __FILE__, __LINE__)

/* Read a document that must fail with exactly @p n diagnostics. */
static hyoka_report *read_bad(const char *text, size_t len, const hyoka_read_options *opt, size_t n)
{
    hyoka_portfolio *pf = (hyoka_portfolio *)(void *)&pf;
    hyoka_report *rep = NULL;
    int rc = read_doc(text, len, opt, &pf, &rep);
    if (rc != HYOKA_EINVALID || pf != NULL || (n && hyoka_report_count(rep) != n)) {
        dump(rep);
        fail_msg("read_bad: rc %s, %zu diagnostics, expected HYOKA_EINVALID and %zu", hyoka_status_name(rc),
                 hyoka_report_count(rep), n);
    }
    return rep;
}

/* 1-based column of @p needle in a one-line ASCII document. */
static int64_t col_of(const char *doc, const char *needle)
{
    const char *p = strstr(doc, needle);
    assert_non_null(p);
    return (int64_t)(p - doc) + 1;
}

static char *read_all(const char *path, size_t *len)
{
    return docs_read_all(path, len);
}

/* The source folder holding this file: from __FILE__, made absolute with
 * the build root (two levels above this program) when it is relative.
 * $HYOKA_TEST_SOURCE overrides it. */
static int source_dir(char *out, size_t size)
{
    const char *env = getenv("HYOKA_TEST_SOURCE");
    const char *src = __FILE__;
    const char *slash = strrchr(src, '/');
    char exe[4096];
    ssize_t n;
    int k;

    if (env && env[0]) {
        k = snprintf(out, size, "%s/tests", env);
        return k > 0 && (size_t)k < size;
    }
    if (!slash)
        return 0;
    if (src[0] == '/') {
        k = snprintf(out, size, "%.*s", (int)(slash - src), src);
        return k > 0 && (size_t)k < size;
    }
    n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return 0;
    exe[n] = '\0';
    for (int up = 0; up < 2; up++) {
        char *e = strrchr(exe, '/');
        if (!e)
            return 0;
        *e = '\0';
    }
    k = snprintf(out, size, "%s/%.*s", exe, (int)(slash - src), src);
    return k > 0 && (size_t)k < size;
}

static char *read_fixture(const char *name, size_t *len)
{
    char dir[4096], path[8192];
    char *text;
    assert_true(source_dir(dir, sizeof dir));
    snprintf(path, sizeof path, "%s/data/json/%s", dir, name);
    text = read_all(path, len);
    if (!text)
        fail_msg("cannot read fixture %s", path);
    return text;
}

static void expect_dec(const hyoka_decimal *d, const char *want)
{
    char buf[HYOKA_DECIMAL_STRING_MAX];
    OK(hyoka_decimal_format(d, 0, buf, sizeof buf, NULL));
    assert_string_equal(buf, want);
}

/* ------------------------------------------------------------------------ */
/* Options and arguments                                                     */

static void test_options(void **state)
{
    hyoka_read_options o;
    hyoka_portfolio *pf = (hyoka_portfolio *)(void *)&o;
    hyoka_report *rep;
    (void)state;

    assert_int_equal(hyoka_read_options_init(NULL), HYOKA_EINVAL);
    OK(hyoka_read_options_init(&o));
    assert_int_equal(o.size, sizeof o);
    assert_int_equal(o.max_depth, 64);
    assert_int_equal(o.max_string, 1u << 20);
    assert_int_equal(o.max_number, 256);
    assert_int_equal(o.max_diagnostics, 1000);
    if (sizeof(size_t) >= 8)
        assert_true(o.max_document == (size_t)((uint64_t)4 << 30));

    OK(hyoka_report_new(&rep));
    assert_int_equal(hyoka_json_read(NULL, 0, NULL, &pf, rep), HYOKA_EINVAL);
    assert_null(pf);
    assert_int_equal(hyoka_json_read("{}", 2, NULL, NULL, rep), HYOKA_EINVAL);
    o.size = sizeof o - 1;
    pf = (hyoka_portfolio *)(void *)&o;
    assert_int_equal(hyoka_json_read("{\"format\":\"hyoka/1\"}", HYOKA_NTS, &o, &pf, rep), HYOKA_EINVAL);
    assert_null(pf);
    assert_int_equal(hyoka_error_last_code(), HYOKA_EINVAL);
    assert_int_equal(hyoka_report_count(rep), 0);
    assert_int_equal(hyoka_json_read_file(NULL, NULL, &pf, rep), HYOKA_EINVAL);
    assert_int_equal(hyoka_json_read_file("x.json", NULL, NULL, rep), HYOKA_EINVAL);
    assert_int_equal(hyoka_report_locate(NULL, "{}", 2), HYOKA_EINVAL);
    assert_int_equal(hyoka_report_locate(rep, NULL, 2), HYOKA_EINVAL);
    hyoka_report_free(rep);

    /* A NULL report is allowed; a larger size (a later version) too. */
    {
        struct {
            hyoka_read_options o;
            size_t later;
        } big;
        OK(hyoka_read_options_init(&big.o));
        big.o.size = sizeof big;
        big.later = 0;
        OK(hyoka_json_read("{\"format\":\"hyoka/1\"}", HYOKA_NTS, &big.o, &pf, NULL));
        hyoka_portfolio_free(pf);
        assert_int_equal(hyoka_json_read("{}", HYOKA_NTS, NULL, &pf, NULL), HYOKA_EINVALID);
        assert_null(pf);
    }
}

/* ------------------------------------------------------------------------ */
/* The sample document (data/json/sample.json, seed 001), field by field   */

static void test_sample_document(void **state)
{
    size_t len;
    char *text = read_fixture("sample.json", &len);
    hyoka_portfolio *pf = read_ok(text);
    hyoka_project *p;
    hyoka_costs *c;
    hyoka_staff *s;
    hyoka_indicator *ind;
    hyoka_evaluation *e;
    const hyoka_scheme *sc;
    hyoka_decimal d;
    int64_t v;
    int unit, places, mode;
    const char *a, *b, *cc;
    int32_t y;
    (void)state;

    assert_int_equal(hyoka_portfolio_amount_unit(pf), HYOKA_UNIT_THOUSAND_YEN);
    assert_string_equal(hyoka_portfolio_municipality_name(pf), "所沢市");
    assert_string_equal(hyoka_portfolio_municipality_code(pf), "112089");
    assert_int_equal(hyoka_portfolio_denominator_count(pf), 1);
    assert_int_equal(hyoka_portfolio_denominator(pf, 2007, HYOKA_COST_POPULATION, &v), 1);
    assert_int_equal(v, 339300);
    assert_int_equal(hyoka_portfolio_denominator(pf, 2007, HYOKA_COST_HOUSEHOLDS, &v), 1);
    assert_int_equal(v, 145000);
    assert_int_equal(hyoka_portfolio_rounding(pf, HYOKA_FIG_PER_CAPITA, &places, &mode, &unit), 1);
    assert_int_equal(places, 1);
    assert_int_equal(mode, HYOKA_ROUND_HALF_UP);
    assert_int_equal(unit, HYOKA_UNIT_YEN);
    assert_int_equal(hyoka_portfolio_rounding(pf, HYOKA_FIG_UNIT_COST, NULL, NULL, NULL), 0);
    assert_int_equal(hyoka_portfolio_stated_tolerance(pf), 0);

    /* The scheme. */
    assert_int_equal(hyoka_portfolio_scheme_count(pf), 1);
    sc = hyoka_portfolio_find_scheme(pf, "city-3point", HYOKA_NTS);
    assert_non_null(sc);
    assert_false(hyoka_scheme_is_builtin(sc));
    assert_string_equal(hyoka_scheme_name(sc), "3段階評点");
    assert_int_equal(hyoka_scheme_criterion_count(sc), 1);
    OK(hyoka_scheme_criterion_at(sc, 0, &a, &b, &d));
    assert_string_equal(a, "relevance");
    assert_string_equal(b, "妥当性");
    expect_dec(&d, "1");
    assert_int_equal(hyoka_scheme_range(sc, 0, NULL, NULL, NULL, NULL), 0);
    assert_int_equal(hyoka_scheme_option_count(sc, 0), 1);
    {
        int has = 0;
        OK(hyoka_scheme_option_at(sc, 0, 0, &a, &b, &d, &has));
        assert_string_equal(a, "3");
        assert_string_equal(b, "妥当");
        assert_int_equal(has, 1);
        expect_dec(&d, "3");
    }
    {
        int group = -1, kind = -1;
        OK(hyoka_scheme_verdict_at(sc, 0, &a, &b, &group));
        assert_string_equal(a, "maintain");
        assert_string_equal(b, "現状継続");
        assert_int_equal(group, HYOKA_VERDICT_CONTINUE);
        OK(hyoka_scheme_budget_at(sc, 0, &a, &b, &kind));
        assert_string_equal(a, "status_quo");
        assert_string_equal(b, "現状どおり");
        assert_int_equal(kind, HYOKA_BUDGET_SAME);
    }
    assert_int_equal(hyoka_scheme_band_count(sc), 1);
    OK(hyoka_scheme_band_at(sc, 0, &d, &a, &b));
    expect_dec(&d, "85");
    assert_string_equal(a, "effective");
    assert_string_equal(b, "Effective");
    assert_int_equal(hyoka_scheme_missing_rating(sc, NULL, NULL), 0);

    /* The project. */
    assert_int_equal(hyoka_portfolio_project_count(pf), 1);
    p = hyoka_portfolio_project_at(pf, 0);
    assert_ptr_equal(hyoka_project_portfolio(p), pf);
    assert_string_equal(hyoka_project_code(p), "010802");
    assert_string_equal(hyoka_project_name(p), "情報セキュリティ対策推進事業");
    assert_string_equal(hyoka_project_text(p, HYOKA_TEXT_DEPARTMENT), "総合政策部");
    assert_string_equal(hyoka_project_text(p, HYOKA_TEXT_SECTION), "情報統計課");
    assert_null(hyoka_project_text(p, HYOKA_TEXT_GROUP));
    assert_string_equal(hyoka_project_text(p, HYOKA_TEXT_PHONE), "2998-9036");
    assert_int_equal(hyoka_project_class_count(p, HYOKA_CLASS_POLICY), 1);
    OK(hyoka_project_class_at(p, HYOKA_CLASS_POLICY, 0, &a, &b, &cc));
    assert_string_equal(a, "政策");
    assert_string_equal(b, "8");
    assert_string_equal(cc, "計画の推進に向けて");
    OK(hyoka_project_class_at(p, HYOKA_CLASS_ACCOUNT, 0, &a, &b, &cc));
    assert_string_equal(a, "会計");
    assert_string_equal(b, "1");
    assert_string_equal(cc, "一般会計");
    assert_int_equal(hyoka_project_duty(p), HYOKA_DUTY_AUTONOMOUS);
    assert_int_equal(hyoka_project_period(p), HYOKA_PERIOD_RECURRING);
    assert_int_equal(hyoka_project_start_year(p), 2003);
    assert_int_equal(hyoka_project_end_year(p), 0);
    assert_null(hyoka_project_text(p, HYOKA_TEXT_LEGAL_BASIS));
    assert_string_equal(hyoka_project_text(p, HYOKA_TEXT_PURPOSE), "情報資産を守る");
    assert_string_equal(hyoka_project_text(p, HYOKA_TEXT_TARGET), "市職員");
    assert_null(hyoka_project_text(p, HYOKA_TEXT_INTENT));
    assert_int_equal(hyoka_project_child_count(p), 0);
    assert_int_equal(hyoka_project_extension_count(p), 0);

    /* The cost year: thousand yen converted to yen. */
    assert_int_equal(hyoka_project_year_count(p), 1);
    c = hyoka_project_year_at(p, 0);
    assert_int_equal(hyoka_costs_fiscal_year(c), 2007);
    assert_int_equal(hyoka_costs_phase(c), HYOKA_PHASE_SETTLED);
    for (int f = HYOKA_COST_INITIAL_BUDGET; f <= HYOKA_COST_INDIRECT; f++) {
        v = -1;
        assert_int_equal(hyoka_costs_get(c, f, &v), 1);
        assert_int_equal(v, 0);
    }
    assert_int_equal(hyoka_costs_get(c, HYOKA_COST_USAGE, &v), 1);
    assert_int_equal(v, 1054);
    assert_int_equal(hyoka_costs_get(c, HYOKA_COST_BENEFICIARIES, NULL), 0);
    assert_int_equal(hyoka_costs_get(c, HYOKA_COST_POPULATION, NULL), 0);
    assert_int_equal(hyoka_costs_get(c, HYOKA_COST_HOUSEHOLDS, NULL), 0);
    assert_int_equal(hyoka_costs_staff_count(c), 1);
    s = hyoka_costs_staff_at(c, 0);
    assert_int_equal(hyoka_staff_category(s), HYOKA_CATEGORY_REGULAR);
    assert_int_equal(hyoka_staff_get_decimal(s, HYOKA_STAFF_HEADCOUNT, &d), 1);
    expect_dec(&d, "2");
    assert_int_equal(hyoka_staff_get_decimal(s, HYOKA_STAFF_FTE, &d), 1);
    expect_dec(&d, "1.77");
    assert_int_equal(hyoka_staff_get_decimal(s, HYOKA_STAFF_HOURS, &d), 0);
    assert_int_equal(hyoka_staff_get_amount(s, HYOKA_STAFF_UNIT_COST, &v), 0);
    assert_int_equal(hyoka_staff_get_amount(s, HYOKA_STAFF_HOURLY_RATE, &v), 0);
    assert_int_equal(hyoka_staff_get_amount(s, HYOKA_STAFF_AMOUNT, &v), 1);
    assert_int_equal(v, 16627000);
    assert_int_equal(hyoka_costs_stated(c, HYOKA_FIG_EXPENSE, &d, &unit), 1);
    expect_dec(&d, "0");
    assert_int_equal(unit, HYOKA_UNIT_THOUSAND_YEN);
    assert_int_equal(hyoka_costs_stated(c, HYOKA_FIG_PERSONNEL, &d, &unit), 1);
    expect_dec(&d, "16627");
    assert_int_equal(unit, HYOKA_UNIT_THOUSAND_YEN);
    assert_int_equal(hyoka_costs_stated(c, HYOKA_FIG_TOTAL_COST, &d, &unit), 1);
    expect_dec(&d, "16627");
    assert_int_equal(hyoka_costs_stated(c, HYOKA_FIG_PER_CAPITA, &d, &unit), 1);
    expect_dec(&d, "49.0");
    assert_int_equal(unit, HYOKA_UNIT_YEN);
    assert_int_equal(hyoka_costs_stated(c, HYOKA_FIG_PER_HOUSEHOLD, &d, &unit), 0);
    assert_int_equal(hyoka_costs_stated(c, HYOKA_FIG_UNIT_COST, &d, &unit), 1);
    expect_dec(&d, "15775.5");
    assert_int_equal(unit, HYOKA_UNIT_YEN);
    assert_int_equal(hyoka_costs_stated(c, HYOKA_FIG_EXECUTION_RATE, NULL, NULL), 0);

    /* The indicator. */
    assert_int_equal(hyoka_project_indicator_count(p), 1);
    ind = hyoka_project_indicator_at(p, 0);
    assert_int_equal(hyoka_indicator_kind(ind), HYOKA_KIND_OUTCOME);
    assert_string_equal(hyoka_indicator_text(ind, HYOKA_INDICATOR_NAME), "情報セキュリティ研修受講率");
    assert_string_equal(hyoka_indicator_text(ind, HYOKA_INDICATOR_UNIT), "%");
    assert_string_equal(hyoka_indicator_text(ind, HYOKA_INDICATOR_DEFINITION), "受講者数÷職員数");
    assert_int_equal(hyoka_indicator_direction(ind), HYOKA_DIRECTION_INCREASE);
    assert_int_equal(hyoka_indicator_not_settable(ind), 0);
    assert_null(hyoka_indicator_text(ind, HYOKA_INDICATOR_NOT_SETTABLE_REASON));
    assert_int_equal(hyoka_indicator_year_count(ind), 1);
    assert_int_equal(hyoka_indicator_year_at(ind, 0), 2007);
    assert_int_equal(hyoka_indicator_value(ind, 2007, HYOKA_VALUE_TARGET, &d), 1);
    expect_dec(&d, "60");
    assert_int_equal(hyoka_indicator_value(ind, 2007, HYOKA_VALUE_ACTUAL, &d), 1);
    expect_dec(&d, "59");
    assert_int_equal(hyoka_indicator_value(ind, 2007, HYOKA_VALUE_FORECAST, &d), 0);
    assert_int_equal(hyoka_indicator_value(ind, 2007, HYOKA_VALUE_STATED_ACHIEVEMENT, &d), 1);
    expect_dec(&d, "98.3");
    y = -1;
    assert_int_equal(hyoka_indicator_long_term(ind, &d, &y), 1);
    expect_dec(&d, "80");
    assert_int_equal(y, 0);

    /* The evaluation. */
    assert_int_equal(hyoka_project_evaluation_count(p), 1);
    e = hyoka_project_evaluation_at(p, 0);
    assert_int_equal(hyoka_evaluation_stage(e), HYOKA_STAGE_PRIMARY);
    assert_string_equal(hyoka_evaluation_text(e, HYOKA_EVAL_SCHEME), "jp-standard");
    assert_int_equal(hyoka_evaluation_fiscal_year(e), 2007);
    assert_int_equal(hyoka_evaluation_date(e), 20080515);
    assert_string_equal(hyoka_evaluation_text(e, HYOKA_EVAL_EVALUATOR), "情報統計課長");
    assert_string_equal(hyoka_evaluation_text(e, HYOKA_EVAL_VERDICT), "improve");
    assert_string_equal(hyoka_evaluation_text(e, HYOKA_EVAL_BUDGET), "status_quo");
    assert_int_equal(hyoka_evaluation_answer_count(e), 1);
    assert_string_equal(hyoka_evaluation_answer(e, "relevance", HYOKA_NTS), "A");
    assert_int_equal(hyoka_evaluation_expected_outcome(e), HYOKA_EXPECTED_OUTCOME_SAME);
    assert_int_equal(hyoka_evaluation_expected_cost(e), HYOKA_EXPECTED_COST_SAME);
    assert_string_equal(hyoka_evaluation_comment(e, "reason", HYOKA_NTS), "研修を継続する");
    assert_int_equal(hyoka_evaluation_goal_count(e), 1);
    OK(hyoka_evaluation_goal_at(e, 0, &a, &b, &y));
    assert_string_equal(a, "受講率");
    assert_string_equal(b, "80%");
    assert_int_equal(y, 20081200);

    /* The same document through a file, and written back then read again. */
    {
        char dir[4096], path[8192];
        hyoka_portfolio *q = NULL, *w;
        hyoka_report *rep;
        char *out;
        size_t n;
        assert_true(source_dir(dir, sizeof dir));
        snprintf(path, sizeof path, "%s/data/json/sample.json", dir);
        OK(hyoka_report_new(&rep));
        OK(hyoka_json_read_file(path, NULL, &q, rep));
        assert_true(hyoka_portfolio_equal(pf, q));
        assert_int_equal(hyoka_report_count(rep), 0);
        OK(hyoka_json_write(q, 0, &out, &n));
        OK(hyoka_json_read(out, n, NULL, &w, rep));
        assert_true(hyoka_portfolio_equal(pf, w));
        hyoka_free(out);
        hyoka_portfolio_free(w);
        hyoka_portfolio_free(q);
        hyoka_report_free(rep);
    }
    hyoka_portfolio_free(pf);
    free(text);
}

static void test_read_file_errors(void **state)
{
    hyoka_portfolio *pf = (hyoka_portfolio *)(void *)&state;
    hyoka_report *rep;
    hyoka_read_options o;
    char dir[4096], path[8192];
    (void)state;

    OK(hyoka_report_new(&rep));
    assert_int_equal(hyoka_json_read_file("/nonexistent-hyoka/none.json", NULL, &pf, rep), HYOKA_EIO);
    assert_null(pf);
    assert_non_null(strstr(hyoka_error_last(), "none.json"));
    assert_int_equal(hyoka_json_read_file("/", NULL, &pf, rep), HYOKA_EIO);
    assert_int_equal(hyoka_report_count(rep), 0);

    /* Larger than max_document: J006 before reading. */
    assert_true(source_dir(dir, sizeof dir));
    snprintf(path, sizeof path, "%s/data/json/sample.json", dir);
    OK(hyoka_read_options_init(&o));
    o.max_document = 100;
    assert_int_equal(hyoka_json_read_file(path, &o, &pf, rep), HYOKA_EINVALID);
    assert_null(pf);
    EXPECT_DIAG(rep, 0, "J006", "", 1, 1);
    hyoka_report_free(rep);
}

/* ------------------------------------------------------------------------ */
/* J codes                                                                   */

static void test_j001(void **state)
{
    hyoka_report *rep;
    (void)state;

    rep = read_bad("{\n  \"format\": \"hyoka/1\",\n  \"projects\": [1,]\n}", HYOKA_NTS, NULL, 2);
    EXPECT_DIAG(rep, 0, "S003", "/projects/0", 3, 16);
    EXPECT_DIAG(rep, 1, "J001", "/projects", 3, 18);
    hyoka_report_free(rep);

    /* Comments, NaN, leading zeros, bad escapes, lone surrogates, control
     * characters, trailing garbage, empty input. */
    rep = read_bad("{\"format\": \"hyoka/1\", // x\n}", HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "J001", "", 1, 23);
    hyoka_report_free(rep);
    rep = read_bad("{\"format\": \"hyoka/1\", \"stated_tolerance\": NaN}", HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "J001", "/stated_tolerance", 1, 43);
    hyoka_report_free(rep);
    rep = read_bad("{\"format\": \"hyoka/1\", \"stated_tolerance\": 01}", HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "J001", "/stated_tolerance", 1, 43);
    hyoka_report_free(rep);
    rep = read_bad("{\"format\": \"hyoka\\q/1\"}", HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "J001", "/format", 1, 18);
    hyoka_report_free(rep);
    rep = read_bad("{\"format\": \"hyoka/1\", \"municipality\": {\"name\": \"\\ud800x\"}}", HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "J001", "/municipality/name", 1, 49);
    hyoka_report_free(rep);
    rep = read_bad("{\"format\": \"hyoka/1\", \"municipality\": {\"name\": \"a\tb\"}}", HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "J001", "/municipality/name", 1, 50);
    hyoka_report_free(rep);
    rep = read_bad("{\"format\": \"hyoka/1\"}\n}", HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "J001", "", 2, 1);
    hyoka_report_free(rep);
    rep = read_bad("", 0, NULL, 1);
    EXPECT_DIAG(rep, 0, "J001", "", 1, 1);
    hyoka_report_free(rep);
    rep = read_bad("  \n ", HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "J001", "", 2, 2);
    hyoka_report_free(rep);
    rep = read_bad("{\"format\": \"hyoka/1\",}", HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "J001", "", 1, 22);
    hyoka_report_free(rep);
    rep = read_bad("{\"format\": \"hyoka/1\", \"stated_tolerance\": Infinity}", HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "J001", "/stated_tolerance", 1, 43);
    hyoka_report_free(rep);
}

static void test_j002_invalid_utf8(void **state)
{
    hyoka_report *rep;
    (void)state;

    /* In a key, in a value, in an unknown member, in an extension key,
     * outside strings. */
    rep = read_bad("{\"format\": \"hyoka/1\", \"\xff\": 1}", HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "J002", "", 1, 24);
    hyoka_report_free(rep);
    rep = read_bad("{\"format\": \"hyoka/1\",\n \"municipality\": {\"name\": \"所\xe6\xb2\"}}", HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "J002", "/municipality/name", 2, 29);
    hyoka_report_free(rep);
    rep = read_bad("{\"format\": \"hyoka/1\", \"x\": [\"\xc0\xaf\"]}", HYOKA_NTS, NULL, 2);
    EXPECT_DIAG(rep, 0, "S002", "/x", 1, 23);
    EXPECT_DIAG(rep, 1, "J002", "/x/0", 1, 30);
    hyoka_report_free(rep);
    rep = read_bad("{\"format\": \"hyoka/1\", \"projects\": [{\"extensions\": {\"k\xed\xa0\x80\": \"v\"}}]}", HYOKA_NTS,
                   NULL, 1);
    EXPECT_DIAG(rep, 0, "J002", "/projects/0/extensions", 1, 54);
    hyoka_report_free(rep);
    rep = read_bad("{\"format\": \"hyoka/1\"} \xfe", HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "J002", "", 1, 23);
    hyoka_report_free(rep);
}

static void test_j003_duplicate_keys(void **state)
{
    hyoka_report *rep;
    (void)state;

    rep = read_bad("{\"format\": \"hyoka/1\",\n \"format\": \"hyoka/1\"}", HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "J003", "/format", 2, 2);
    hyoka_report_free(rep);
    /* Escaped spelling of the same key. */
    rep = read_bad("{\"format\": \"hyoka/1\", \"\\u0066ormat\": \"hyoka/1\"}", HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "J003", "/format", 1, 23);
    hyoka_report_free(rep);
    /* In extensions, comments, scores, an unknown member's value. */
    rep = read_bad("{\"format\": \"hyoka/1\", \"projects\": [{\"extensions\": {\"a\": \"1\", \"a\": \"2\"}}]}", HYOKA_NTS,
                   NULL, 1);
    EXPECT_DIAG(rep, 0, "J003", "/projects/0/extensions/a", 1, 62);
    hyoka_report_free(rep);
    rep = read_bad("{\"format\": \"hyoka/1\", \"projects\": [{\"evaluations\": [{\"comments\": {\"r\": \"1\", \"r\": \"2\"}}]}]}",
                   HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "J003", "/projects/0/evaluations/0/comments/r", 0, 0);
    hyoka_report_free(rep);
    rep = read_bad("{\"format\": \"hyoka/1\", \"projects\": [{\"evaluations\": [{\"scores\": {\"r\": \"A\", \"r\": 1}}]}]}",
                   HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "J003", "/projects/0/evaluations/0/scores/r", 0, 0);
    hyoka_report_free(rep);
    /* Inside an unknown member's value (skipped content): not checked. */
    rep = read_bad("{\"format\": \"hyoka/1\", \"zz\": {\"q\": {\"a\": 1, \"a\": 1}}}", HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "S002", "/zz", 1, 23);
    hyoka_report_free(rep);
    /* Two unknown members with one name: S002 twice, no J003. */
    rep = read_bad("{\"format\": \"hyoka/1\", \"zz\": 1, \"zz\": 2}", HYOKA_NTS, NULL, 2);
    EXPECT_DIAG(rep, 0, "S002", "/zz", 1, 23);
    EXPECT_DIAG(rep, 1, "S002", "/zz", 1, 32);
    hyoka_report_free(rep);
}

static void test_j003_many_keys(void **state)
{
    /* Beyond the keys checked at once: found when the object closes. */
    char doc[4096];
    size_t o = (size_t)snprintf(doc, sizeof doc, "{\"format\": \"hyoka/1\", \"projects\": [{\"extensions\": {");
    hyoka_report *rep;
    (void)state;

    for (int i = 0; i < 40; i++)
        o += (size_t)snprintf(doc + o, sizeof doc - o, "\"k%d\": \"v\", ", i);
    o += (size_t)snprintf(doc + o, sizeof doc - o, "\"k33\": \"w\"}}]}");
    rep = read_bad(doc, o, NULL, 1);
    EXPECT_DIAG(rep, 0, "J003", NULL, 1, col_of(doc, "\"k33\": \"w\""));
    hyoka_report_free(rep);

    /* 40 distinct keys are fine. */
    {
        hyoka_portfolio *pf;
        o -= strlen("\"k33\": \"w\"}}]}") + 2;
        o += (size_t)snprintf(doc + o, sizeof doc - o, "}}]}");
        pf = read_ok(doc);
        assert_int_equal(hyoka_project_extension_count(hyoka_portfolio_project_at(pf, 0)), 40);
        assert_string_equal(hyoka_project_extension(hyoka_portfolio_project_at(pf, 0), "k39", HYOKA_NTS), "v");
        hyoka_portfolio_free(pf);
    }
}

static void test_j004_depth(void **state)
{
    hyoka_read_options o;
    hyoka_report *rep;
    hyoka_portfolio *pf;
    const char *doc = "{\"format\":\"hyoka/1\",\"projects\":[{\"children\":[]}]}";
    (void)state;

    OK(hyoka_read_options_init(&o));
    o.max_depth = 4;
    OK(hyoka_json_read(doc, HYOKA_NTS, &o, &pf, NULL));
    hyoka_portfolio_free(pf);
    o.max_depth = 3;
    rep = read_bad(doc, HYOKA_NTS, &o, 1);
    EXPECT_DIAG(rep, 0, "J004", "/projects/0/children", 1, 45);
    hyoka_report_free(rep);
    o.max_depth = 0;
    rep = read_bad(doc, HYOKA_NTS, &o, 1);
    EXPECT_DIAG(rep, 0, "J004", "", 1, 1);
    hyoka_report_free(rep);

    /* Default 64: 64 nested levels pass, 65 do not (skipped values count). */
    {
        char deep[256];
        size_t n = 0;
        n += (size_t)snprintf(deep, sizeof deep, "{\"format\":\"hyoka/1\",\"x\":");
        for (int i = 0; i < 63; i++)
            deep[n++] = '[';
        for (int i = 0; i < 63; i++)
            deep[n++] = ']';
        deep[n++] = '}';
        rep = read_bad(deep, n, NULL, 1);
        EXPECT_DIAG(rep, 0, "S002", "/x", 1, 21);
        hyoka_report_free(rep);
        n = (size_t)snprintf(deep, sizeof deep, "{\"format\":\"hyoka/1\",\"x\":");
        for (int i = 0; i < 64; i++)
            deep[n++] = '[';
        for (int i = 0; i < 64; i++)
            deep[n++] = ']';
        deep[n++] = '}';
        rep = read_bad(deep, n, NULL, 2);
        EXPECT_DIAG(rep, 1, "J004", NULL, 1, 24 + 64);
        hyoka_report_free(rep);
    }
}

static void test_deep_nesting(void **state)
{
    /* 100,000 opening brackets: J004 with the default limit, and no stack
     * overflow with no limit at all (J001 at the end of the text). */
    size_t n = 100000;
    char *doc = malloc(n + 64);
    hyoka_read_options o;
    hyoka_report *rep;
    (void)state;

    assert_non_null(doc);
    memset(doc, '[', n);
    rep = read_bad(doc, n, NULL, 2);
    EXPECT_DIAG(rep, 0, "S003", "", 1, 1);
    EXPECT_DIAG(rep, 1, "J004", NULL, 1, 65);
    hyoka_report_free(rep);
    OK(hyoka_read_options_init(&o));
    o.max_depth = SIZE_MAX;
    rep = read_bad(doc, n, &o, 2);
    EXPECT_DIAG(rep, 0, "S003", "", 1, 1);
    EXPECT_DIAG(rep, 1, "J001", NULL, 1, (int64_t)n + 1);
    hyoka_report_free(rep);
    /* Objects too, and sub-projects nested 50,000 deep. */
    {
        size_t k = (size_t)snprintf(doc, n + 64, "{\"format\":\"hyoka/1\",\"projects\":");
        while (k + 15 < n) {
            memcpy(doc + k, "[{\"children\":", 13);
            k += 13;
        }
        rep = read_bad(doc, k, &o, 1);
        EXPECT_DIAG(rep, 0, "J001", NULL, 1, (int64_t)k + 1);
        hyoka_report_free(rep);
    }
    {
        /* A complete deep tree of sub-projects reads and frees. */
        size_t levels = 20000, k;
        char *t = malloc(levels * 32 + 64);
        hyoka_portfolio *pf;
        assert_non_null(t);
        k = (size_t)snprintf(t, 64, "{\"format\":\"hyoka/1\",\"projects\":");
        for (size_t i = 0; i < levels; i++) {
            memcpy(t + k, "[{\"code\":\"c\",\"children\":", 24);
            k += 24;
        }
        memcpy(t + k, "[]", 2);
        k += 2;
        for (size_t i = 0; i < levels; i++) {
            memcpy(t + k, "}]", 2);
            k += 2;
        }
        t[k++] = '}';
        OK(hyoka_json_read(t, k, &o, &pf, NULL));
        assert_int_equal(hyoka_project_child_count(hyoka_portfolio_project_at(pf, 0)), 1);
        hyoka_portfolio_free(pf);
        free(t);
    }
    free(doc);
}

static void test_j005_numbers(void **state)
{
    hyoka_report *rep;
    hyoka_read_options o;
    const char *money = "{\"format\":\"hyoka/1\",\"projects\":[{\"years\":[{\"fiscal_year\":2007,\"settlement\":1e999999999}]}]}";
    const char *unknown = "{\"format\":\"hyoka/1\",\"projects\":[{\"years\":[{\"fiscal_year\":2007,\"spent\":1e999999999}]}]}";
    const char *dec = "{\"format\":\"hyoka/1\",\"projects\":[{\"years\":[{\"fiscal_year\":2007,\"staff\":[{\"fte\":1e-30}]}]}]}";
    const char *big = "{\"format\":\"hyoka/1\",\"projects\":[{\"years\":[{\"fiscal_year\":2007,\"usage\":99999999999999999999}]}]}";
    (void)state;

    rep = read_bad(money, HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "J005", "/projects/0/years/0/settlement", 1, col_of(money, "1e9"));
    hyoka_report_free(rep);
    rep = read_bad(unknown, HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "S002", "/projects/0/years/0/spent", 1, col_of(unknown, "\"spent"));
    hyoka_report_free(rep);
    rep = read_bad(dec, HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "J005", "/projects/0/years/0/staff/0/fte", 1, col_of(dec, "1e-30"));
    hyoka_report_free(rep);
    rep = read_bad(big, HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "J005", "/projects/0/years/0/usage", 1, col_of(big, "9999"));
    hyoka_report_free(rep);

    /* Money just inside and just outside 64-bit yen. */
    {
        hyoka_portfolio *pf = read_ok("{\"format\":\"hyoka/1\",\"projects\":[{\"years\":[{\"fiscal_year\":2007,"
                                      "\"settlement\":9223372036854775807,\"final_budget\":-9223372036854775808}]}]}");
        int64_t v;
        hyoka_costs *c = hyoka_project_year_at(hyoka_portfolio_project_at(pf, 0), 0);
        assert_int_equal(hyoka_costs_get(c, HYOKA_COST_SETTLEMENT, &v), 1);
        assert_true(v == INT64_MAX);
        assert_int_equal(hyoka_costs_get(c, HYOKA_COST_FINAL_BUDGET, &v), 1);
        assert_true(v == INT64_MIN);
        hyoka_portfolio_free(pf);
    }
    rep = read_bad("{\"format\":\"hyoka/1\",\"projects\":[{\"years\":[{\"fiscal_year\":2007,\"settlement\":9223372036854775808}]}]}",
                   HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "J005", "/projects/0/years/0/settlement", 0, 0);
    hyoka_report_free(rep);
    rep = read_bad("{\"format\":\"hyoka/1\",\"amount_unit\":\"thousand_yen\",\"projects\":[{\"years\":[{\"fiscal_year\":2007,"
                   "\"settlement\":9223372036854776}]}]}",
                   HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "J005", "/projects/0/years/0/settlement", 0, 0);
    hyoka_report_free(rep);

    /* max_number: at the limit and one past it (even in an unknown member). */
    OK(hyoka_read_options_init(&o));
    o.max_number = 4;
    {
        hyoka_portfolio *pf;
        OK(hyoka_json_read("{\"format\":\"hyoka/1\",\"stated_tolerance\":1234}", HYOKA_NTS, &o, &pf, NULL));
        hyoka_portfolio_free(pf);
    }
    rep = read_bad("{\"format\":\"hyoka/1\",\"x\":-1234}", HYOKA_NTS, &o, 2);
    EXPECT_DIAG(rep, 0, "S002", "/x", 1, 21);
    EXPECT_DIAG(rep, 1, "J005", "/x", 1, 25);
    hyoka_report_free(rep);
}

static void test_j006_limits(void **state)
{
    hyoka_read_options o;
    hyoka_report *rep;
    hyoka_portfolio *pf;
    const char *doc = "{\"format\":\"hyoka/1\",\"projects\":[{\"name\":\"所沢市\"}]}";
    const char *esc = "{\"format\":\"hyoka/1\",\"projects\":[{\"name\":\"\\u6240\\u6ca2\\u5e02\"}]}";
    (void)state;

    OK(hyoka_read_options_init(&o));
    /* Strings: 9 bytes (3 characters) at the limit, then one byte less
     * (the longest key, "projects", has 8). */
    o.max_string = 9;
    OK(hyoka_json_read(doc, HYOKA_NTS, &o, &pf, NULL));
    hyoka_portfolio_free(pf);
    OK(hyoka_json_read(esc, HYOKA_NTS, &o, &pf, NULL)); /* counted unescaped */
    hyoka_portfolio_free(pf);
    o.max_string = 8;
    rep = read_bad(doc, HYOKA_NTS, &o, 1);
    EXPECT_DIAG(rep, 0, "J006", "/projects/0/name", 1, col_of(doc, "\"所"));
    hyoka_report_free(rep);
    rep = read_bad(esc, HYOKA_NTS, &o, 1);
    EXPECT_DIAG(rep, 0, "J006", "/projects/0/name", 1, col_of(esc, "\"\\u6240"));
    hyoka_report_free(rep);
    /* Keys count too. */
    o.max_string = 5;
    rep = read_bad(doc, HYOKA_NTS, &o, 1);
    EXPECT_DIAG(rep, 0, "J006", "", 1, 2);
    hyoka_report_free(rep);

    /* Documents: at the limit and one byte over. */
    OK(hyoka_read_options_init(&o));
    o.max_document = strlen(doc);
    OK(hyoka_json_read(doc, HYOKA_NTS, &o, &pf, NULL));
    hyoka_portfolio_free(pf);
    o.max_document = strlen(doc) - 1;
    rep = read_bad(doc, HYOKA_NTS, &o, 1);
    EXPECT_DIAG(rep, 0, "J006", "", 1, 1);
    hyoka_report_free(rep);
}

/* ------------------------------------------------------------------------ */
/* S codes                                                                   */

static void test_s001_missing(void **state)
{
    hyoka_report *rep;
    (void)state;

    rep = read_bad("{}", HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "S001", "", 1, 1);
    hyoka_report_free(rep);
    rep = read_bad("{\"format\": null}", HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "S001", "", 1, 1);
    hyoka_report_free(rep);

    rep = read_bad("{\"format\":\"hyoka/1\",\n"
                   " \"denominators\": [{\"population\": 1}],\n"
                   " \"schemes\": [{\"name\": \"x\"},\n"
                   "   {\"id\": \"s\", \"criteria\": [{\"label\": \"c\", \"options\": [{\"label\": \"o\"}]}],\n"
                   "    \"verdicts\": [{\"label\": \"v\"}], \"budget_directions\": [{\"label\": \"b\"}],\n"
                   "    \"rating\": {\"bands\": [{\"code\": \"x\"}, {\"min\": 1}], \"missing\": {\"label\": \"m\"}}}],\n"
                   " \"projects\": [{\"years\": [{\"phase\": \"plan\"}],\n"
                   "   \"indicators\": [{\"values\": [{\"target\": 1}]}],\n"
                   "   \"years\": []}]}",
                   HYOKA_NTS, NULL, 0);
    EXPECT_DIAG(rep, 0, "S001", "/denominators/0", 2, 19);
    EXPECT_DIAG(rep, 1, "S001", "/schemes/0", 3, 14);
    EXPECT_DIAG(rep, 2, "S001", "/schemes/1/criteria/0/options/0", 4, 56);
    EXPECT_DIAG(rep, 3, "S001", "/schemes/1/criteria/0", 4, 29);
    EXPECT_DIAG(rep, 4, "S001", "/schemes/1/verdicts/0", 5, 18);
    EXPECT_DIAG(rep, 5, "S001", "/schemes/1/budget_directions/0", 5, 57);
    EXPECT_DIAG(rep, 6, "S001", "/schemes/1/rating/bands/0", 6, 26);
    EXPECT_DIAG(rep, 7, "S001", "/schemes/1/rating/bands/1", 6, 41);
    EXPECT_DIAG(rep, 8, "S001", "/schemes/1/rating/missing", 6, 65);
    EXPECT_DIAG(rep, 9, "S001", "/projects/0/years/0", 7, 26);
    EXPECT_DIAG(rep, 10, "S001", "/projects/0/indicators/0/values/0", 8, 31);
    EXPECT_DIAG(rep, 11, "J003", "/projects/0/years", 9, 4);
    assert_int_equal(hyoka_report_count(rep), 12);
    hyoka_report_free(rep);

    /* A stated figure given as an object needs its value. */
    rep = read_bad("{\"format\":\"hyoka/1\",\"projects\":[{\"years\":[{\"fiscal_year\":2007,\"stated\":{\"per_capita\":{\"unit\":\"yen\"}}}]}]}",
                   HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "S001", "/projects/0/years/0/stated/per_capita", 0, 0);
    hyoka_report_free(rep);
}

static void test_s002_unknown(void **state)
{
    hyoka_report *rep;
    hyoka_portfolio *pf;
    (void)state;

    rep = read_bad("{\"format\":\"hyoka/1\",\n\"Projects\": [],\n\"projects\": [{\"cost\": 1, \"years\": [{\"fiscal_year\": 2007,"
                   " \"stated\": {\"achievement\": 1}, \"funding\": {\"grants\": 1}}]}]}",
                   HYOKA_NTS, NULL, 4);
    EXPECT_DIAG(rep, 0, "S002", "/Projects", 2, 1);
    EXPECT_DIAG(rep, 1, "S002", "/projects/0/cost", 3, 15);
    EXPECT_DIAG(rep, 2, "S002", "/projects/0/years/0/stated/achievement", 3, 69);
    EXPECT_DIAG(rep, 3, "S002", "/projects/0/years/0/funding/grants", 3, 100);
    hyoka_report_free(rep);

    /* Anything goes under extensions (strings only). */
    pf = read_ok("{\"format\":\"hyoka/1\",\"projects\":[{\"extensions\":{\"ledger/id\":\"L-1\",\"~x\":\"\",\"z\":null}}]}");
    assert_int_equal(hyoka_project_extension_count(hyoka_portfolio_project_at(pf, 0)), 2);
    assert_string_equal(hyoka_project_extension(hyoka_portfolio_project_at(pf, 0), "ledger/id", HYOKA_NTS), "L-1");
    assert_string_equal(hyoka_project_extension(hyoka_portfolio_project_at(pf, 0), "~x", HYOKA_NTS), "");
    hyoka_portfolio_free(pf);

    /* Pointer escaping of unknown keys. */
    rep = read_bad("{\"format\":\"hyoka/1\",\"a/b~c\":1}", HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "S002", "/a~1b~0c", 1, 21);
    hyoka_report_free(rep);
}

static void test_s003_wrong_type(void **state)
{
    hyoka_report *rep;
    const char *doc = "{\"format\":1,\"municipality\":[],\"projects\":{},\"denominators\":[{\"fiscal_year\":2007,"
                      "\"population\":\"3\"}],\"schemes\":[{\"id\":\"s\",\"criteria\":[{\"code\":\"c\",\"required\":1}]}]}";
    (void)state;

    rep = read_bad(doc, HYOKA_NTS, NULL, 5);
    EXPECT_DIAG(rep, 0, "S003", "/format", 1, 11);
    EXPECT_DIAG(rep, 1, "S003", "/municipality", 1, 28);
    EXPECT_DIAG(rep, 2, "S003", "/projects", 1, 42);
    EXPECT_DIAG(rep, 3, "S003", "/denominators/0/population", 1, col_of(doc, "\"3\""));
    EXPECT_DIAG(rep, 4, "S003", "/schemes/0/criteria/0/required", 1, col_of(doc, "1}]}]}"));
    hyoka_report_free(rep);

    /* Root not an object; elements not objects. */
    rep = read_bad("[]", HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "S003", "", 1, 1);
    hyoka_report_free(rep);
    rep = read_bad(" \"x\" ", HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "S003", "", 1, 2);
    hyoka_report_free(rep);
    rep = read_bad("{\"format\":\"hyoka/1\",\"projects\":[null,[],{\"years\":[\"2007\"]}]}", HYOKA_NTS, NULL, 3);
    EXPECT_DIAG(rep, 0, "S003", "/projects/0", 1, 33);
    EXPECT_DIAG(rep, 1, "S003", "/projects/1", 1, 38);
    EXPECT_DIAG(rep, 2, "S003", "/projects/2/years/0", 1, 51);
    hyoka_report_free(rep);
    /* Extensions and comments hold strings; scores strings or numbers. */
    rep = read_bad("{\"format\":\"hyoka/1\",\"projects\":[{\"extensions\":{\"a\":1},\"evaluations\":[{\"scores\":{\"r\":true},"
                   "\"comments\":{\"c\":[]}}]}]}",
                   HYOKA_NTS, NULL, 3);
    EXPECT_DIAG(rep, 0, "S003", "/projects/0/extensions/a", 0, 0);
    EXPECT_DIAG(rep, 1, "S003", "/projects/0/evaluations/0/scores/r", 0, 0);
    EXPECT_DIAG(rep, 2, "S003", "/projects/0/evaluations/0/comments/c", 0, 0);
    hyoka_report_free(rep);
}

static void test_s004_not_allowed(void **state)
{
    hyoka_report *rep;
    const char *doc =
        "{\"format\":\"hyoka/2\",\n"                                                      /* 1 */
        "\"amount_unit\":\"man_yen\",\n"                                                   /* 2 */
        "\"municipality\":{\"code\":\"112088\"},\n"                                        /* 3 */
        "\"denominators\":[{\"fiscal_year\":2007},{\"fiscal_year\":\"H19\"},{\"fiscal_year\":1800,\"households\":-1}],\n" /* 4 */
        "\"rounding\":{\"per_head\":{},\"expense\":{\"unit\":\"thousand_yen\"},\"change\":{\"places\":19,\"mode\":\"round\"}},\n" /* 5 */
        "\"stated_tolerance\":-1,\n"                                                       /* 6 */
        "\"schemes\":[{\"id\":\"s\"},{\"id\":\"s\",\"criteria\":[{\"code\":\"\",\"weight\":-1}]}],\n" /* 7 */
        "\"projects\":[{\"duty\":\"own\",\"start_fiscal_year\":\"平成\",\"years\":[{\"fiscal_year\":2007,\"usage\":1.5,\n" /* 8 */
        "\"staff\":[{\"fte\":-0.5,\"amount\":-1}]}],\n"                                    /* 9 */
        "\"indicators\":[{\"values\":[{\"fiscal_year\":2007},{\"fiscal_year\":2007,\"target\":\"1,000\"}]}],\n" /* 10 */
        "\"evaluations\":[{\"date\":\"2008-02-30\",\"name\":\"a\\u0000b\"}]}]}";           /* 11 */
    (void)state;

    rep = read_bad(doc, HYOKA_NTS, NULL, 0);
    EXPECT_DIAG(rep, 0, "S004", "/format", 1, 11);
    EXPECT_DIAG(rep, 1, "S004", "/amount_unit", 2, 15);
    EXPECT_DIAG(rep, 2, "S004", "/municipality/code", 3, 24);
    EXPECT_DIAG(rep, 3, "S004", "/denominators/1/fiscal_year", 4, 53);
    EXPECT_DIAG(rep, 4, "S004", "/denominators/2/fiscal_year", 4, 75);
    EXPECT_DIAG(rep, 5, "S004", "/denominators/2/households", 4, 93);
    EXPECT_DIAG(rep, 6, "S004", "/rounding/per_head", 5, 13);
    EXPECT_DIAG(rep, 7, "S004", "/rounding/expense/unit", 5, 45);
    EXPECT_DIAG(rep, 8, "S004", "/rounding/change/places", 5, 80);
    EXPECT_DIAG(rep, 9, "S004", "/rounding/change/mode", 5, 90);
    EXPECT_DIAG(rep, 10, "S004", "/stated_tolerance", 6, 20);
    EXPECT_DIAG(rep, 11, "S004", "/schemes/1/id", 7, 29);
    EXPECT_DIAG(rep, 12, "S004", "/schemes/1/criteria/0/code", 7, 53);
    EXPECT_DIAG(rep, 13, "S004", "/schemes/1/criteria/0/weight", 7, 65);
    EXPECT_DIAG(rep, 14, "S004", "/projects/0/duty", 8, 21);
    EXPECT_DIAG(rep, 15, "S004", "/projects/0/start_fiscal_year", 8, 47);
    EXPECT_DIAG(rep, 16, "S004", "/projects/0/years/0/usage", 8, 89);
    EXPECT_DIAG(rep, 17, "S004", "/projects/0/years/0/staff/0/fte", 9, 17);
    EXPECT_DIAG(rep, 18, "S004", "/projects/0/years/0/staff/0/amount", 9, 31);
    EXPECT_DIAG(rep, 19, "S004", "/projects/0/indicators/0/values/1/fiscal_year", 10, 62);
    EXPECT_DIAG(rep, 20, "S004", "/projects/0/indicators/0/values/1/target", 10, 76);
    EXPECT_DIAG(rep, 21, "S004", "/projects/0/evaluations/0/date", 11, 24);
    EXPECT_DIAG(rep, 22, "S002", "/projects/0/evaluations/0/name", 11, 37);
    assert_int_equal(hyoka_report_count(rep), 23);
    hyoka_report_free(rep);

    /* Enumerations, duplicate codes in a scheme, a NUL in a kept text,
     * both options and a range, min above max, equal band minimums. */
    rep = read_bad("{\"format\":\"hyoka/1\",\"schemes\":[{\"id\":\"s\",\"criteria\":["
                   "{\"code\":\"a\",\"options\":[{\"code\":\"1\"},{\"code\":\"1\"}]},{\"code\":\"a\"},"
                   "{\"code\":\"b\",\"options\":[{\"code\":\"x\"}],\"range\":{}},{\"code\":\"c\",\"range\":{\"min\":2,\"max\":1}}],"
                   "\"verdicts\":[{\"code\":\"v\",\"group\":\"stop\"},{\"code\":\"v\"}],"
                   "\"budget_directions\":[{\"code\":\"b\",\"kind\":\"more\"},{\"code\":\"b\"}],"
                   "\"rating\":{\"bands\":[{\"min\":10,\"code\":\"x\"},{\"min\":20,\"code\":\"y\"},{\"min\":10.0,\"code\":\"x\"}]}}],"
                   "\"projects\":[{\"name\":\"a\\u0000\",\"period\":\"forever\",\"indicators\":[{\"kind\":\"x\",\"direction\":\"up\"}],"
                   "\"years\":[{\"fiscal_year\":2007,\"phase\":\"done\",\"staff\":[{\"category\":\"boss\"}]}],"
                   "\"evaluations\":[{\"stage\":\"final\",\"expected\":{\"outcome\":\"better\",\"cost\":\"lower\"}}]}]}",
                   HYOKA_NTS, NULL, 0);
    {
        static const char *const want[][2] = {
            {"S004", "/schemes/0/criteria/0/options/1/code"},
            {"S004", "/schemes/0/criteria/1/code"},
            {"S004", "/schemes/0/criteria/2"},
            {"S004", "/schemes/0/criteria/3/range"},
            {"S004", "/schemes/0/verdicts/0/group"},
            {"S004", "/schemes/0/verdicts/1/code"},
            {"S004", "/schemes/0/budget_directions/0/kind"},
            {"S004", "/schemes/0/budget_directions/1/code"},
            {"S004", "/schemes/0/rating/bands/2/code"},
            {"S004", "/schemes/0/rating/bands/2/min"},
            {"S004", "/projects/0/name"},
            {"S004", "/projects/0/period"},
            {"S004", "/projects/0/indicators/0/kind"},
            {"S004", "/projects/0/indicators/0/direction"},
            {"S004", "/projects/0/years/0/phase"},
            {"S004", "/projects/0/years/0/staff/0/category"},
            {"S004", "/projects/0/evaluations/0/stage"},
            {"S004", "/projects/0/evaluations/0/expected/outcome"},
            {"S004", "/projects/0/evaluations/0/expected/cost"},
        };
        for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
            EXPECT_DIAG(rep, i, want[i][0], want[i][1], 0, 0);
        assert_int_equal(hyoka_report_count(rep), sizeof want / sizeof want[0]);
    }
    hyoka_report_free(rep);
}

static void test_reports_all_shape_problems(void **state)
{
    /* Five independent shape errors, five diagnostics, then no model. */
    hyoka_report *rep;
    (void)state;

    rep = read_bad("{\"format\":\"hyoka/1\",\"amount_unit\":\"yen\",\"extra\":1,\n"
                   "\"projects\":[{\"duty\":\"none\",\"years\":[{\"phase\":\"settled\",\"settlement\":\"10\"}]},\n"
                   "{\"indicators\":[{\"values\":[{\"fiscal_year\":2007,\"actual\":true}]}]}]}",
                   HYOKA_NTS, NULL, 5);
    EXPECT_DIAG(rep, 0, "S002", "/extra", 1, 41);
    EXPECT_DIAG(rep, 1, "S004", "/projects/0/duty", 2, 21);
    EXPECT_DIAG(rep, 2, "S003", "/projects/0/years/0/settlement", 2, 69);
    EXPECT_DIAG(rep, 3, "S001", "/projects/0/years/0", 2, 37);
    EXPECT_DIAG(rep, 4, "S003", "/projects/1/indicators/0/values/0/actual", 3, 56);
    assert_int_equal(hyoka_report_count_severity(rep, HYOKA_SEVERITY_ERROR), 5);
    hyoka_report_free(rep);

    /* max_diagnostics keeps the first ones; the document still fails. */
    {
        hyoka_read_options o;
        OK(hyoka_read_options_init(&o));
        o.max_diagnostics = 2;
        rep = read_bad("{\"a\":1,\"b\":2,\"c\":3,\"d\":4}", HYOKA_NTS, &o, 2);
        EXPECT_DIAG(rep, 0, "S002", "/a", 1, 2);
        EXPECT_DIAG(rep, 1, "S002", "/b", 1, 8);
        hyoka_report_free(rep);
    }
}

static void test_null_is_missing(void **state)
{
    hyoka_portfolio *pf = read_ok("{\"format\":\"hyoka/1\",\"amount_unit\":null,\"municipality\":null,\"projects\":[{\"code\":null,"
                                  "\"years\":[{\"fiscal_year\":2007,\"settlement\":null,\"stated\":null}],\"children\":null}]}");
    hyoka_project *p = hyoka_portfolio_project_at(pf, 0);
    (void)state;
    assert_int_equal(hyoka_portfolio_amount_unit(pf), HYOKA_UNIT_YEN);
    assert_null(hyoka_portfolio_municipality_name(pf));
    assert_null(hyoka_project_code(p));
    assert_int_equal(hyoka_costs_get(hyoka_project_year_at(p, 0), HYOKA_COST_SETTLEMENT, NULL), 0);
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Numbers, money, units, years, strings                                     */

static void test_thousand_yen(void **state)
{
    const char *good = "{\"format\":\"hyoka/1\",\"amount_unit\":\"thousand_yen\",\"projects\":[{\"years\":[{\"fiscal_year\":2007,"
                       "\"settlement\":1068.978,\"final_budget\":1068.9780,\"initial_budget\":-0.5,\"debt_service\":2.5e3,"
                       "\"staff\":[{\"unit_cost\":8400}]}]}]}";
    const char *bad = "{\"format\":\"hyoka/1\",\"amount_unit\":\"thousand_yen\",\"projects\":[{\"years\":[{\"fiscal_year\":2007,"
                      "\"settlement\":1068.9785}]}]}";
    hyoka_portfolio *pf = read_ok(good);
    hyoka_costs *c = hyoka_project_year_at(hyoka_portfolio_project_at(pf, 0), 0);
    hyoka_report *rep;
    int64_t v;
    (void)state;

    assert_int_equal(hyoka_costs_get(c, HYOKA_COST_SETTLEMENT, &v), 1);
    assert_int_equal(v, 1068978);
    assert_int_equal(hyoka_costs_get(c, HYOKA_COST_FINAL_BUDGET, &v), 1);
    assert_int_equal(v, 1068978);
    assert_int_equal(hyoka_costs_get(c, HYOKA_COST_INITIAL_BUDGET, &v), 1);
    assert_int_equal(v, -500);
    assert_int_equal(hyoka_costs_get(c, HYOKA_COST_DEBT_SERVICE, &v), 1);
    assert_int_equal(v, 2500000);
    assert_int_equal(hyoka_staff_get_amount(hyoka_costs_staff_at(c, 0), HYOKA_STAFF_UNIT_COST, &v), 1);
    assert_int_equal(v, 8400000);
    hyoka_portfolio_free(pf);

    rep = read_bad(bad, HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "S004", "/projects/0/years/0/settlement", 1, col_of(bad, "1068.9785"));
    hyoka_report_free(rep);

    /* In a yen document a fraction is not allowed, 100.0 and 1e3 are. */
    rep = read_bad("{\"format\":\"hyoka/1\",\"projects\":[{\"years\":[{\"fiscal_year\":2007,\"settlement\":0.5}]}]}",
                   HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "S004", "/projects/0/years/0/settlement", 0, 0);
    hyoka_report_free(rep);
    pf = read_ok("{\"format\":\"hyoka/1\",\"amount_unit\":\"yen\",\"projects\":[{\"years\":[{\"fiscal_year\":2007,"
                 "\"settlement\":100.0,\"final_budget\":1e3}]}]}");
    c = hyoka_project_year_at(hyoka_portfolio_project_at(pf, 0), 0);
    assert_int_equal(hyoka_costs_get(c, HYOKA_COST_SETTLEMENT, &v), 1);
    assert_int_equal(v, 100);
    assert_int_equal(hyoka_costs_get(c, HYOKA_COST_FINAL_BUDGET, &v), 1);
    assert_int_equal(v, 1000);
    hyoka_portfolio_free(pf);
}

static void test_settings_after_projects(void **state)
{
    /* amount_unit and rounding after the projects: read in one pass. */
    const char *doc = "{\"format\":\"hyoka/1\",\"projects\":[{\"years\":[{\"fiscal_year\":2007,\"settlement\":1068.978,"
                      "\"staff\":[{\"amount\":16627}],\"stated\":{\"total_cost\":\"16627\",\"per_capita\":\"0.05\","
                      "\"unit_cost\":{\"value\":\"12\",\"unit\":\"yen\"},\"execution_rate\":99.5}}],"
                      "\"children\":[{\"years\":[{\"fiscal_year\":2008,\"debt_service\":9223372036854775}]}]}],"
                      "\"rounding\":{\"per_capita\":{\"places\":2,\"mode\":\"down\",\"unit\":\"thousand_yen\"}},"
                      "\"amount_unit\":\"thousand_yen\"}";
    hyoka_portfolio *pf = read_ok(doc);
    hyoka_project *p = hyoka_portfolio_project_at(pf, 0);
    hyoka_costs *c = hyoka_project_year_at(p, 0);
    hyoka_report *rep;
    hyoka_decimal d;
    int64_t v;
    int unit;
    (void)state;

    assert_int_equal(hyoka_portfolio_amount_unit(pf), HYOKA_UNIT_THOUSAND_YEN);
    assert_int_equal(hyoka_costs_get(c, HYOKA_COST_SETTLEMENT, &v), 1);
    assert_int_equal(v, 1068978);
    assert_int_equal(hyoka_staff_get_amount(hyoka_costs_staff_at(c, 0), HYOKA_STAFF_AMOUNT, &v), 1);
    assert_int_equal(v, 16627000);
    assert_int_equal(hyoka_costs_stated(c, HYOKA_FIG_TOTAL_COST, &d, &unit), 1);
    assert_int_equal(unit, HYOKA_UNIT_THOUSAND_YEN);
    assert_int_equal(hyoka_costs_stated(c, HYOKA_FIG_PER_CAPITA, &d, &unit), 1);
    expect_dec(&d, "0.05");
    assert_int_equal(unit, HYOKA_UNIT_THOUSAND_YEN);
    assert_int_equal(hyoka_costs_stated(c, HYOKA_FIG_UNIT_COST, &d, &unit), 1);
    assert_int_equal(unit, HYOKA_UNIT_YEN);
    assert_int_equal(hyoka_costs_stated(c, HYOKA_FIG_EXECUTION_RATE, &d, &unit), 1);
    expect_dec(&d, "99.5");
    assert_int_equal(unit, HYOKA_UNIT_YEN);
    c = hyoka_project_year_at(hyoka_project_child_at(p, 0), 0);
    assert_int_equal(hyoka_costs_get(c, HYOKA_COST_DEBT_SERVICE, &v), 1);
    assert_true(v == INT64_C(9223372036854775000));
    hyoka_portfolio_free(pf);

    /* The same amounts in a yen document: the fraction is S004 where it
     * stands; a big integer is fine; money with no amount_unit is yen. */
    {
        const char *yen = "{\"format\":\"hyoka/1\",\"projects\":[{\"years\":[{\"fiscal_year\":2007,\"settlement\":1068.978,\n"
                          "\"final_budget\":9223372036854775807}]}],\"amount_unit\":\"yen\"}";
        rep = read_bad(yen, HYOKA_NTS, NULL, 1);
        EXPECT_DIAG(rep, 0, "S004", "/projects/0/years/0/settlement", 1, col_of(yen, "1068.978"));
        hyoka_report_free(rep);
    }
    pf = read_ok("{\"format\":\"hyoka/1\",\"projects\":[{\"years\":[{\"fiscal_year\":2007,\"settlement\":12,"
                 "\"final_budget\":9223372036854775807,\"stated\":{\"expense\":\"12\"}}]}]}");
    c = hyoka_project_year_at(hyoka_portfolio_project_at(pf, 0), 0);
    assert_int_equal(hyoka_costs_get(c, HYOKA_COST_SETTLEMENT, &v), 1);
    assert_int_equal(v, 12);
    assert_int_equal(hyoka_costs_get(c, HYOKA_COST_FINAL_BUDGET, &v), 1);
    assert_true(v == INT64_MAX);
    assert_int_equal(hyoka_costs_stated(c, HYOKA_FIG_EXPENSE, &d, &unit), 1);
    assert_int_equal(unit, HYOKA_UNIT_YEN);
    hyoka_portfolio_free(pf);

    /* Too big in thousand_yen, found at the end: J005 at the amount. */
    {
        const char *k = "{\"format\":\"hyoka/1\",\"projects\":[{\"years\":[{\"fiscal_year\":2007,"
                        "\"final_budget\":9223372036854775807}]}],\"amount_unit\":\"thousand_yen\"}";
        rep = read_bad(k, HYOKA_NTS, NULL, 1);
        EXPECT_DIAG(rep, 0, "J005", "/projects/0/years/0/final_budget", 1, col_of(k, "9223"));
        hyoka_report_free(rep);
    }
}

/* A stated figure read from a numeric string, and from the same text as a
 * bare number; returns 1 with *out when the document was read without an
 * error. */
static int stated_change(const char *value, int quoted, char *out, size_t size)
{
    char doc[256];
    hyoka_portfolio *pf = NULL;
    hyoka_report *rep = NULL;
    hyoka_decimal d;
    int ok;

    snprintf(doc, sizeof doc,
             "{\"format\":\"hyoka/1\",\"projects\":[{\"years\":[{\"fiscal_year\":2007,"
             "\"stated\":{\"total_cost_change\":%s%s%s}}]}]}", quoted ? "\"" : "", value, quoted ? "\"" : "");
    ok = read_doc(doc, HYOKA_NTS, NULL, &pf, &rep) == HYOKA_OK &&
         hyoka_report_count_severity(rep, HYOKA_SEVERITY_ERROR) == 0;
    if (ok) {
        hyoka_costs *c = hyoka_project_year_at(hyoka_portfolio_project_at(pf, 0), 0);
        assert_int_equal(hyoka_costs_stated(c, HYOKA_FIG_TOTAL_COST_CHANGE, &d, NULL), 1);
        OK(hyoka_decimal_format(&d, 0, out, size, NULL));
    }
    hyoka_portfolio_free(pf);
    hyoka_report_free(rep);
    return ok;
}

static void test_numeric_strings_as_numbers(void **state)
{
    /* The short forms the reader converts in one pass, their edges, and
     * texts that are not JSON numbers: a numeric string is read exactly
     * when the same text is a JSON number, to the same decimal. */
    static const char *const texts[] = {
        "0", "-0", "0.0", "-0.50", "7", "10", "1.40", "102.2", "-5.20", "999999999999999999",
        "-999999999999999999", "9999999999999999999", "123456789012345678.5", "12345678901234567.8",
        "0.000000000000000001", "0.0000000000000000001", "1234567890.123456789", "1e2", "1E-2", "-1.5e+3",
        "01", "00", "-", "-.5", ".5", "1.", "1..2", "1.2.3", "+1", "-01.5", "0x10", "", "12a",
        "-0.0", "1-", "--1", "0.", "-0.", "1.2e", "١",
    };
    (void)state;

    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        char as_string[HYOKA_DECIMAL_STRING_MAX] = "", as_number[HYOKA_DECIMAL_STRING_MAX] = "";
        int s = stated_change(texts[i], 1, as_string, sizeof as_string);
        int n = texts[i][0] != '\0' && stated_change(texts[i], 0, as_number, sizeof as_number);
        if (s != n || strcmp(as_string, as_number) != 0)
            fail_msg("\"%s\": as a string %s (%s), as a number %s (%s)", texts[i], s ? "read" : "refused",
                     as_string, n ? "read" : "refused", as_number);
    }
    {
        char out[HYOKA_DECIMAL_STRING_MAX];
        assert_true(stated_change("-5.20", 1, out, sizeof out));
        assert_string_equal(out, "-5.20");
        assert_false(stated_change("1 ", 1, out, sizeof out)); /* a number, but not the whole string */
        assert_false(stated_change(" 1", 1, out, sizeof out));
    }
}

static void test_decimals_keep_places(void **state)
{
    hyoka_portfolio *pf = read_ok(
        "{\"format\":\"hyoka/1\",\"projects\":[{\"years\":[{\"fiscal_year\":2007,\"staff\":[{\"fte\":0.30,\"hours\":\"1.50\","
        "\"headcount\":1.5e1}],\"stated\":{\"per_capita\":98.30,\"total_cost_change\":\"-5.20\"}}],"
        "\"indicators\":[{\"values\":[{\"fiscal_year\":2007,\"target\":\"100.00\",\"actual\":-0.001e2}]}],"
        "\"evaluations\":[{\"scores\":{\"r\":98.30,\"s\":\"A\",\"t\":1e2}}]}]}");
    hyoka_project *p = hyoka_portfolio_project_at(pf, 0);
    hyoka_costs *c = hyoka_project_year_at(p, 0);
    hyoka_staff *s = hyoka_costs_staff_at(c, 0);
    hyoka_indicator *ind = hyoka_project_indicator_at(p, 0);
    hyoka_evaluation *e = hyoka_project_evaluation_at(p, 0);
    hyoka_decimal d;
    (void)state;

    assert_int_equal(hyoka_staff_get_decimal(s, HYOKA_STAFF_FTE, &d), 1);
    expect_dec(&d, "0.30");
    assert_int_equal(hyoka_staff_get_decimal(s, HYOKA_STAFF_HOURS, &d), 1);
    expect_dec(&d, "1.50");
    assert_int_equal(hyoka_staff_get_decimal(s, HYOKA_STAFF_HEADCOUNT, &d), 1);
    expect_dec(&d, "15");
    assert_int_equal(hyoka_costs_stated(c, HYOKA_FIG_PER_CAPITA, &d, NULL), 1);
    expect_dec(&d, "98.30");
    assert_int_equal(hyoka_costs_stated(c, HYOKA_FIG_TOTAL_COST_CHANGE, &d, NULL), 1);
    expect_dec(&d, "-5.20");
    assert_int_equal(hyoka_indicator_value(ind, 2007, HYOKA_VALUE_TARGET, &d), 1);
    expect_dec(&d, "100.00");
    assert_int_equal(hyoka_indicator_value(ind, 2007, HYOKA_VALUE_ACTUAL, &d), 1);
    expect_dec(&d, "-0.1");
    assert_string_equal(hyoka_evaluation_answer(e, "r", HYOKA_NTS), "98.30");
    assert_string_equal(hyoka_evaluation_answer(e, "s", HYOKA_NTS), "A");
    assert_string_equal(hyoka_evaluation_answer(e, "t", HYOKA_NTS), "1e2");
    hyoka_portfolio_free(pf);

    /* Numeric strings follow the JSON number grammar. */
    {
        hyoka_report *rep = read_bad("{\"format\":\"hyoka/1\",\"projects\":[{\"years\":[{\"fiscal_year\":2007,\"stated\":{"
                                     "\"per_capita\":\"+1\",\"per_household\":\"01\",\"unit_cost\":\" 1\",\"expense\":\"\","
                                     "\"personnel\":\"1.\"}}]}]}",
                                     HYOKA_NTS, NULL, 5);
        for (size_t i = 0; i < 5; i++)
            EXPECT_DIAG(rep, i, "S004", NULL, 0, 0);
        hyoka_report_free(rep);
    }
}

static void test_era_years(void **state)
{
    const char *doc = "{\"format\":\"hyoka/1\",\n"
                      "\"projects\":[{\"start_fiscal_year\":\"H19\",\"end_fiscal_year\":\"平成32年度\",\n"
                      "\"years\":[{\"fiscal_year\":\"令和元年度\"},{\"fiscal_year\":2007.0}],\n"
                      "\"evaluations\":[{\"fiscal_year\":\"平成31年度\",\"date\":\"平成31年5月1日\","
                      "\"goals\":[{\"by\":\"平成20年12月\"}]}]}]}";
    hyoka_portfolio *pf = NULL;
    hyoka_report *rep = NULL;
    hyoka_project *p;
    hyoka_evaluation *e;
    int32_t by;
    (void)state;

    OK(read_doc(doc, HYOKA_NTS, NULL, &pf, &rep));
    assert_int_equal(hyoka_report_count(rep), 2);
    EXPECT_DIAG(rep, 0, "Y001", "/projects/0/end_fiscal_year", 2, 58);
    EXPECT_DIAG(rep, 1, "Y001", "/projects/0/evaluations/0/date", 4, 47);
    assert_int_equal(hyoka_report_severity(rep, 0), HYOKA_SEVERITY_WARNING);
    p = hyoka_portfolio_project_at(pf, 0);
    assert_int_equal(hyoka_project_start_year(p), 2007);
    assert_int_equal(hyoka_project_end_year(p), 2020);
    assert_int_equal(hyoka_costs_fiscal_year(hyoka_project_year_at(p, 0)), 2019);
    assert_int_equal(hyoka_costs_fiscal_year(hyoka_project_year_at(p, 1)), 2007);
    e = hyoka_project_evaluation_at(p, 0);
    assert_int_equal(hyoka_evaluation_fiscal_year(e), 2019);
    assert_int_equal(hyoka_evaluation_date(e), 20190501);
    OK(hyoka_evaluation_goal_at(e, 0, NULL, NULL, &by));
    assert_int_equal(by, 20081200);
    hyoka_portfolio_free(pf);
    hyoka_report_free(rep);
}

static void test_nul_bytes_and_bom(void **state)
{
    static const char with_nul[] = "{\"format\":\"hyoka/1\"}\0";
    static const char nul_in_string[] = "{\"format\":\"hyoka\0/1\"}";
    static const char bom[] = "\xef\xbb\xbf{\"format\":\n\"hyoka/1\", \"x\": 1}";
    hyoka_report *rep;
    (void)state;

    rep = read_bad(with_nul, sizeof with_nul - 1, NULL, 1);
    EXPECT_DIAG(rep, 0, "J001", "", 1, 21);
    hyoka_report_free(rep);
    rep = read_bad(nul_in_string, sizeof nul_in_string - 1, NULL, 1);
    EXPECT_DIAG(rep, 0, "J001", "/format", 1, 17);
    hyoka_report_free(rep);
    /* Columns on the first line count from after the byte-order mark. */
    rep = read_bad(bom, HYOKA_NTS, NULL, 1);
    EXPECT_DIAG(rep, 0, "S002", "/x", 2, 12);
    hyoka_report_free(rep);
    {
        hyoka_portfolio *pf = read_ok("\xef\xbb\xbf{\"format\":\"hyoka/1\"}");
        hyoka_portfolio_free(pf);
    }
    /* A NUL from \u0000 is not stored (S004), also in keys. */
    rep = read_bad("{\"format\":\"hyoka/1\",\"projects\":[{\"extensions\":{\"a\\u0000\":\"x\",\"b\":\"\\u0000\"}}]}",
                   HYOKA_NTS, NULL, 2);
    /* (The path stops at the NUL: a C string cannot hold it.) */
    EXPECT_DIAG(rep, 0, "S004", "/projects/0/extensions/a", 1, 48);
    EXPECT_DIAG(rep, 1, "S004", "/projects/0/extensions/b", 1, 66);
    hyoka_report_free(rep);
}

static void test_unicode_columns(void **state)
{
    /* Columns count characters, not bytes; escapes are unescaped. */
    const char *doc = "{\"format\":\"hyoka/1\",\"municipality\":{\"name\":\"所沢市\",\"名\":1}}";
    hyoka_report *rep = read_bad(doc, HYOKA_NTS, NULL, 1);
    hyoka_portfolio *pf;
    (void)state;

    EXPECT_DIAG(rep, 0, "S002", "/municipality/名", 1, 50);
    hyoka_report_free(rep);
    pf = read_ok("{\"format\":\"hyoka/1\",\"municipality\":{\"name\":\"\\u6240\\u6ca2\\u5e02 \\ud83d\\ude00\\n\\\"\"}}");
    assert_string_equal(hyoka_portfolio_municipality_name(pf), "所沢市 😀\n\"");
    hyoka_portfolio_free(pf);
}

static void test_truncated_documents(void **state)
{
    /* Every prefix of a valid document fails cleanly with J001, no leak. */
    size_t len;
    char *text = read_fixture("sample.json", &len);
    (void)state;

    while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == ' '))
        len--;
    failalloc_install();
    for (size_t n = 0; n < len; n++) {
        hyoka_portfolio *pf = (hyoka_portfolio *)(void *)&n;
        hyoka_report *rep;
        char *copy = malloc(n + 1);
        int rc;
        size_t j = 0;
        assert_non_null(copy);
        memcpy(copy, text, n);
        OK(hyoka_report_new(&rep));
        rc = hyoka_json_read(copy, n, NULL, &pf, rep);
        if (rc != HYOKA_EINVALID || pf)
            fail_msg("prefix of %zu bytes: %s", n, hyoka_status_name(rc));
        for (size_t i = 0; i < hyoka_report_count(rep); i++)
            j += strcmp(hyoka_report_code(rep, i), "J001") == 0;
        if (j != 1) {
            dump(rep);
            fail_msg("prefix of %zu bytes: no J001", n);
        }
        hyoka_report_free(rep);
        free(copy);
        assert_int_equal(failalloc_live(), 0);
    }
    failalloc_uninstall();
    free(text);
}

/* ------------------------------------------------------------------------ */
/* Allocation failures                                                       */

static const char *sweep_doc =
    "{\"format\":\"hyoka/1\",\"municipality\":{\"name\":\"所沢市\",\"code\":\"112089\"},"
    "\"denominators\":[{\"fiscal_year\":2007,\"population\":1}],"
    "\"rounding\":{\"per_capita\":{\"places\":2}},"
    "\"schemes\":[{\"id\":\"s\",\"name\":\"n\",\"criteria\":[{\"code\":\"c\",\"options\":[{\"code\":\"1\",\"score\":1}]},"
    "{\"code\":\"d\",\"range\":{\"min\":0}}],\"verdicts\":[{\"code\":\"v\"}],\"budget_directions\":[{\"code\":\"b\"}],"
    "\"rating\":{\"bands\":[{\"min\":1,\"code\":\"x\"},{\"min\":2,\"code\":\"y\"}],\"missing\":{\"code\":\"m\"}}}],"
    "\"projects\":[{\"code\":\"\\u0041\",\"policy\":[{\"level\":\"l\"}],\"texts\":{\"purpose\":\"p\"},"
    "\"years\":[{\"fiscal_year\":2007,\"settlement\":1.5,\"staff\":[{\"fte\":1}],\"stated\":{\"per_capita\":\"1\"}}],"
    "\"indicators\":[{\"name\":\"i\",\"values\":[{\"fiscal_year\":2007,\"target\":1}]}],"
    "\"evaluations\":[{\"scores\":{\"c\":\"1\"},\"comments\":{\"r\":\"x\"},\"goals\":[{\"what\":\"w\"}]}],"
    "\"children\":[{\"code\":\"B\"}],\"extensions\":{\"k\":\"v\",\"k2\":\"v\"},\"zz\":{\"a\":[1]}}],"
    "\"amount_unit\":\"thousand_yen\"}";

static int sweep_body(void *ctx)
{
    hyoka_portfolio *pf = NULL;
    hyoka_report *rep = NULL;
    int rc = hyoka_report_new(&rep);
    (void)ctx;
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka_json_read(sweep_doc, HYOKA_NTS, NULL, &pf, rep);
    if (rc == HYOKA_EINVALID) {
        /* The unknown member: expected. */
        assert_null(pf);
        assert_int_equal(hyoka_report_count(rep), 1);
        assert_string_equal(hyoka_report_code(rep, 0), "S002");
        rc = hyoka_report_locate(rep, sweep_doc, HYOKA_NTS);
    } else {
        assert_int_equal(rc, HYOKA_ENOMEM);
        assert_null(pf);
    }
    hyoka_report_free(rep);
    return rc;
}

static int sweep_body_ok(void *ctx)
{
    hyoka_portfolio *pf = NULL;
    int rc;
    size_t len;
    const char *text = ctx;
    len = strlen(text);
    rc = hyoka_json_read(text, len, NULL, &pf, NULL);
    if (rc == HYOKA_OK)
        assert_non_null(pf);
    hyoka_portfolio_free(pf);
    return rc;
}

static void test_allocation_failures(void **state)
{
    size_t len;
    char *text = read_fixture("sample.json", &len);
    long n;
    (void)state;

    n = failalloc_sweep(sweep_body, NULL);
    assert_true(n > 20);
    n = failalloc_sweep(sweep_body_ok, text);
    /* Records, strings and arrays come from a few arena blocks, so the
     * points are those blocks and the reader's own scratch; the internal
     * test "arena" sweeps the reader without its arena too. */
    assert_true(n > 8);
    free(text);
}

/* ------------------------------------------------------------------------ */
/* hyoka_report_locate                                                       */

static void test_report_locate(void **state)
{
    size_t len;
    char *text = read_fixture("sample.json", &len);
    hyoka_portfolio *pf = read_ok(text);
    hyoka_report *rep;
    int64_t l, c;
    (void)state;

    OK(hyoka_report_new(&rep));
    OK(hyoka_report_add(rep, "C005", HYOKA_SEVERITY_WARNING, "/projects/0/years/0/stated/unit_cost", "x", NULL));
    OK(hyoka_report_add(rep, "P004", HYOKA_SEVERITY_WARNING, "/projects/0/years/0/stated/per_beneficiary", "absent", NULL));
    OK(hyoka_report_add(rep, "I001", HYOKA_SEVERITY_WARNING, "/projects/0/indicators/0", "x", NULL));
    OK(hyoka_report_add(rep, "X", HYOKA_SEVERITY_INFO, "", "root", NULL));
    OK(hyoka_report_add(rep, "X", HYOKA_SEVERITY_INFO, "/nowhere/at/all", "x", NULL));
    OK(hyoka_report_add(rep, "X", HYOKA_SEVERITY_INFO, "/projects/0/policy/0/name", "x", NULL));
    OK(hyoka_report_locate(rep, text, len));
    OK(hyoka_report_position(rep, 0, &l, &c));
    assert_int_equal(l, 33);
    assert_int_equal(c, 76);
    OK(hyoka_report_position(rep, 1, &l, &c)); /* nearest ancestor: "stated" */
    assert_int_equal(l, 32);
    assert_int_equal(c, 17);
    OK(hyoka_report_position(rep, 2, &l, &c));
    assert_int_equal(l, 35);
    assert_int_equal(c, 20);
    OK(hyoka_report_position(rep, 3, &l, &c));
    assert_int_equal(l, 1);
    assert_int_equal(c, 1);
    OK(hyoka_report_position(rep, 4, &l, &c));
    assert_int_equal(l, 1);
    assert_int_equal(c, 1);
    OK(hyoka_report_position(rep, 5, &l, &c));
    assert_int_equal(l, 20);
    assert_int_equal(c, 53);

    /* Positions already known are kept; invalid text never crashes. */
    OK(hyoka_report_add(rep, "X", HYOKA_SEVERITY_INFO, "/format", "x", NULL));
    OK(hyoka_report_locate(rep, "{\"format\": [1, 2", HYOKA_NTS));
    OK(hyoka_report_position(rep, 0, &l, &c));
    assert_int_equal(l, 33);
    OK(hyoka_report_position(rep, 6, &l, &c));
    assert_int_equal(l, 1);
    assert_int_equal(c, 12);
    OK(hyoka_report_add(rep, "X", HYOKA_SEVERITY_INFO, "/a~1b/x~0", "x", NULL));
    OK(hyoka_report_locate(rep, "\xef\xbb\xbf{\"q\":1,\n \"a/b\": {\"x~\": [true]}}", HYOKA_NTS));
    OK(hyoka_report_position(rep, 7, &l, &c));
    assert_int_equal(l, 2);
    assert_int_equal(c, 16);
    for (size_t n = 0; n < len; n += 7) {
        hyoka_report *r2;
        OK(hyoka_report_new(&r2));
        OK(hyoka_report_add(r2, "X", HYOKA_SEVERITY_INFO, "/projects/0/evaluations/0/goals/0/by", "x", NULL));
        OK(hyoka_report_locate(r2, text, n));
        hyoka_report_free(r2);
    }
    hyoka_report_free(rep);

    /* After validation: every diagnostic gets a position. */
    OK(hyoka_report_new(&rep));
    OK(hyoka_validate(pf, rep));
    OK(hyoka_report_locate(rep, text, len));
    for (size_t i = 0; i < hyoka_report_count(rep); i++) {
        OK(hyoka_report_position(rep, i, &l, &c));
        assert_true(l > 0 && c > 0);
    }
    hyoka_report_free(rep);
    hyoka_portfolio_free(pf);
    free(text);
}

/* ------------------------------------------------------------------------ */
/* Conformance                                                               */

struct choice {
    const char *name;
    const char *code; /* NULL: accepted (no J diagnostic) */
};

/* Our i_ cases and the JSONTestSuite ones (see the table at the top). */
static const struct choice choices[] = {
    {"i_number_huge_exponent.json", NULL},
    {"i_number_huge_negative_exponent.json", NULL},
    {"i_number_huge_integer.json", NULL},
    {"i_string_utf16le_bom.json", "J002"},
    {"i_string_lone_surrogate_in_key.json", "J001"},
    {"i_string_utf8_surrogate_pair_bytes.json", "J002"},
    {"i_structure_bom_object.json", NULL},
    {"i_structure_500_deep.json", "J004"},
    {"i_number_double_huge_neg_exp.json", NULL},
    {"i_number_huge_exp.json", NULL},
    {"i_number_neg_int_huge_exp.json", NULL},
    {"i_number_pos_double_huge_exp.json", NULL},
    {"i_number_real_neg_overflow.json", NULL},
    {"i_number_real_pos_overflow.json", NULL},
    {"i_number_real_underflow.json", NULL},
    {"i_number_too_big_neg_int.json", NULL},
    {"i_number_too_big_pos_int.json", NULL},
    {"i_number_very_big_negative_int.json", NULL},
    {"i_object_key_lone_2nd_surrogate.json", "J001"},
    {"i_string_1st_surrogate_but_2nd_missing.json", "J001"},
    {"i_string_1st_valid_surrogate_2nd_invalid.json", "J001"},
    {"i_string_UTF-16LE_with_BOM.json", "J002"},
    {"i_string_UTF-8_invalid_sequence.json", "J002"},
    {"i_string_UTF8_surrogate_U+D800.json", "J002"},
    {"i_string_incomplete_surrogate_and_escape_valid.json", "J001"},
    {"i_string_incomplete_surrogate_pair.json", "J001"},
    {"i_string_incomplete_surrogates_escape_valid.json", "J001"},
    {"i_string_invalid_lonely_surrogate.json", "J001"},
    {"i_string_invalid_surrogate.json", "J001"},
    {"i_string_invalid_utf-8.json", "J002"},
    {"i_string_inverted_surrogates_U+1D11E.json", "J001"},
    {"i_string_iso_latin_1.json", "J002"},
    {"i_string_lone_second_surrogate.json", "J001"},
    {"i_string_lone_utf8_continuation_byte.json", "J002"},
    {"i_string_not_in_unicode_range.json", "J002"},
    {"i_string_overlong_sequence_2_bytes.json", "J002"},
    {"i_string_overlong_sequence_6_bytes.json", "J002"},
    {"i_string_overlong_sequence_6_bytes_null.json", "J002"},
    {"i_string_truncated-utf-8.json", "J002"},
    {"i_string_utf16BE_no_BOM.json", "J001"},
    {"i_string_utf16LE_no_BOM.json", "J001"},
    {"i_structure_500_nested_arrays.json", "J004"},
    {"i_structure_UTF-8_BOM_empty_object.json", NULL},
};

static const struct choice *find_choice(const char *name)
{
    for (size_t i = 0; i < sizeof choices / sizeof choices[0]; i++)
        if (strcmp(choices[i].name, name) == 0)
            return &choices[i];
    return NULL;
}

/* Run every y_/n_/i_ file of @p dir; returns the number of files run. */
static size_t run_suite(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t files = 0, failures = 0;

    if (!d)
        return 0;
    while ((e = readdir(d)) != NULL) {
        char path[8192];
        const char *name = e->d_name;
        const struct choice *ch = find_choice(name);
        hyoka_portfolio *pf = NULL;
        hyoka_report *rep;
        size_t len, j = 0, s = 0;
        char *text;
        const char *first_j = NULL;
        int rc;

        if ((name[0] != 'y' && name[0] != 'n' && name[0] != 'i') || name[1] != '_')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, name);
        text = read_all(path, &len);
        if (!text)
            continue;
        files++;
        OK(hyoka_report_new(&rep));
        rc = hyoka_json_read(text, len, NULL, &pf, rep);
        for (size_t i = 0; i < hyoka_report_count(rep); i++) {
            const char *code = hyoka_report_code(rep, i);
            if (code[0] == 'J') {
                if (!first_j)
                    first_j = code;
                j++;
            }
            s += code[0] == 'S';
        }
        if (ch) {
            if ((ch->code == NULL) != (j == 0) || (ch->code && strcmp(first_j, ch->code) != 0)) {
                fprintf(stderr, "%s: expected %s, got %s\n", name, ch->code ? ch->code : "acceptance",
                        first_j ? first_j : "acceptance");
                failures++;
            }
        } else if (name[0] == 'y' && j) {
            fprintf(stderr, "%s: accepted JSON gave %s\n", name, first_j);
            failures++;
        } else if (name[0] == 'n' && !j) {
            fprintf(stderr, "%s: refused JSON gave no J diagnostic\n", name);
            failures++;
        } else if (name[0] == 'i') {
            fprintf(stderr, "%s: no recorded choice\n", name);
            failures++;
        }
        /* Never a portfolio: none of these is a hyoka/1 document. */
        if (rc != HYOKA_EINVALID || pf || (j == 0 && s == 0)) {
            fprintf(stderr, "%s: %s with %zu J and %zu S diagnostics\n", name, hyoka_status_name(rc), j, s);
            failures++;
        }
        hyoka_portfolio_free(pf);
        hyoka_report_free(rep);
        free(text);
    }
    closedir(d);
    if (failures)
        fail_msg("%zu of %zu conformance files failed in %s", failures, files, dir);
    return files;
}

static void test_conformance_own(void **state)
{
    char dir[4096], path[8192];
    size_t n;
    (void)state;

    assert_true(source_dir(dir, sizeof dir));
    snprintf(path, sizeof path, "%s/data/json/conformance", dir);
    n = run_suite(path);
    assert_true(n >= 100);
}

static void test_conformance_jsontestsuite(void **state)
{
    char path[8192];
    const char *env = getenv("HYOKA_CONFORMANCE");
    size_t n;
    (void)state;

    if (!env || !env[0]) {
        fprintf(stderr, "note: HYOKA_CONFORMANCE is not set; JSONTestSuite skipped\n");
        skip();
        return;
    }
    snprintf(path, sizeof path, "%s/JSONTestSuite/test_parsing", env);
    n = run_suite(path);
    if (n == 0) {
        fprintf(stderr, "note: %s not found; JSONTestSuite skipped\n", path);
        skip();
    }
    assert_true(n > 300);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_sample_document),
        cmocka_unit_test(test_read_file_errors),
        cmocka_unit_test(test_j001),
        cmocka_unit_test(test_j002_invalid_utf8),
        cmocka_unit_test(test_j003_duplicate_keys),
        cmocka_unit_test(test_j003_many_keys),
        cmocka_unit_test(test_j004_depth),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_j005_numbers),
        cmocka_unit_test(test_j006_limits),
        cmocka_unit_test(test_s001_missing),
        cmocka_unit_test(test_s002_unknown),
        cmocka_unit_test(test_s003_wrong_type),
        cmocka_unit_test(test_s004_not_allowed),
        cmocka_unit_test(test_reports_all_shape_problems),
        cmocka_unit_test(test_null_is_missing),
        cmocka_unit_test(test_thousand_yen),
        cmocka_unit_test(test_settings_after_projects),
        cmocka_unit_test(test_decimals_keep_places),
        cmocka_unit_test(test_numeric_strings_as_numbers),
        cmocka_unit_test(test_era_years),
        cmocka_unit_test(test_nul_bytes_and_bom),
        cmocka_unit_test(test_unicode_columns),
        cmocka_unit_test(test_truncated_documents),
        cmocka_unit_test(test_allocation_failures),
        cmocka_unit_test(test_report_locate),
        cmocka_unit_test(test_conformance_own),
        cmocka_unit_test(test_conformance_jsontestsuite),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
