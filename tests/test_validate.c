/* Tests of hyoka_validate() (report.h, docs/validation.md):
 * every code with a failing and a passing case, stated-figure comparison
 * (places, modes, units, tolerance), document order, both languages, no
 * change to the portfolio, and allocation failures. Public API only. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

#include "failalloc.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

#define NTS HYOKA_NTS
#define OK(call)                                                                        \
    do {                                                                                \
        int rc_ = (call);                                                               \
        if (rc_ != HYOKA_OK)                                                            \
            fail_msg("%s: %s (%s)", #call, hyoka_status_name(rc_), hyoka_error_last()); \
    } while (0)

static hyoka_decimal D(const char *text)
{
    hyoka_decimal d;
    if (hyoka_decimal_parse(text, NTS, &d) != HYOKA_OK)
        fail_msg("decimal \"%s\": %s", text, hyoka_error_last());
    return d;
}

static hyoka_portfolio *new_portfolio(void)
{
    hyoka_portfolio *pf = NULL;
    OK(hyoka_portfolio_new(&pf));
    return pf;
}

/* A project with a code, a name and an outcome indicator in % (index 0):
 * nothing to report. Added to @p parent when given, else to @p pf. */
static hyoka_project *clean_project(hyoka_portfolio *pf, hyoka_project *parent, const char *code)
{
    hyoka_project *p = NULL;
    hyoka_indicator *ind = NULL;
    OK(hyoka_project_new(&p));
    OK(hyoka_project_set_code(p, code, NTS));
    OK(hyoka_project_set_name(p, "情報セキュリティ対策事業", NTS));
    OK(hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &ind));
    OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NAME, "研修受講率", NTS));
    OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_UNIT, "%", NTS));
    OK(hyoka_indicator_set_direction(ind, HYOKA_DIRECTION_INCREASE));
    if (parent)
        OK(hyoka_project_add_child(parent, p));
    else
        OK(hyoka_portfolio_add_project(pf, p));
    return p;
}

static hyoka_costs *add_year(hyoka_project *p, int32_t fy, int phase)
{
    hyoka_costs *c = NULL;
    OK(hyoka_project_add_year(p, fy, &c));
    OK(hyoka_costs_set_phase(c, phase));
    return c;
}

static void set(hyoka_costs *c, int field, int64_t value)
{
    OK(hyoka_costs_set(c, field, value));
}

static void stated(hyoka_costs *c, int figure, const char *text, int unit)
{
    hyoka_decimal d = D(text);
    OK(hyoka_costs_set_stated(c, figure, &d, unit));
}

static hyoka_staff *staff_line(hyoka_costs *c, const char *fte, int64_t unit_cost, const char *hours,
                               int64_t hourly_rate, int64_t amount)
{
    hyoka_staff *s = NULL;
    OK(hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, &s));
    if (fte) {
        hyoka_decimal d = D(fte);
        OK(hyoka_staff_set_decimal(s, HYOKA_STAFF_FTE, &d));
    }
    if (hours) {
        hyoka_decimal d = D(hours);
        OK(hyoka_staff_set_decimal(s, HYOKA_STAFF_HOURS, &d));
    }
    if (unit_cost >= 0)
        OK(hyoka_staff_set_amount(s, HYOKA_STAFF_UNIT_COST, unit_cost));
    if (hourly_rate >= 0)
        OK(hyoka_staff_set_amount(s, HYOKA_STAFF_HOURLY_RATE, hourly_rate));
    if (amount >= 0)
        OK(hyoka_staff_set_amount(s, HYOKA_STAFF_AMOUNT, amount));
    return s;
}

static hyoka_indicator *add_indicator(hyoka_project *p, int kind, const char *unit, int direction)
{
    hyoka_indicator *ind = NULL;
    OK(hyoka_project_add_indicator(p, kind, &ind));
    OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NAME, "指標", NTS));
    if (unit)
        OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_UNIT, unit, NTS));
    if (direction != HYOKA_UNSET)
        OK(hyoka_indicator_set_direction(ind, direction));
    return ind;
}

static void value(hyoka_indicator *ind, int32_t fy, int field, const char *text)
{
    hyoka_decimal d = D(text);
    OK(hyoka_indicator_set_value(ind, fy, field, &d));
}

static hyoka_evaluation *add_evaluation(hyoka_project *p, int stage, int32_t fy, const char *scheme,
                                        const char *verdict, const char *budget)
{
    hyoka_evaluation *e = NULL;
    OK(hyoka_project_add_evaluation(p, stage, &e));
    if (fy)
        OK(hyoka_evaluation_set_fiscal_year(e, fy));
    if (scheme)
        OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_SCHEME, scheme, NTS));
    if (verdict)
        OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_VERDICT, verdict, NTS));
    if (budget)
        OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_BUDGET, budget, NTS));
    return e;
}

/* Independent UTF-8 check (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF). */
static int utf8_ok(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned c = *p;
        int n;
        uint32_t cp;
        if (c < 0x80) {
            p++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07;
        } else {
            return 0;
        }
        for (int i = 1; i <= n; i++) {
            if ((p[i] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (p[i] & 0x3Fu);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        p += n + 1;
    }
    return 1;
}

static char severity_letter(int severity)
{
    switch (severity) {
    case HYOKA_SEVERITY_ERROR:
        return 'E';
    case HYOKA_SEVERITY_WARNING:
        return 'W';
    case HYOKA_SEVERITY_INFO:
        return 'I';
    default:
        return '?';
    }
}

/* Check what every diagnostic must satisfy: catalog severity, a path that is
 * a JSON pointer, messages in both languages, valid UTF-8, no position. */
static void check_diagnostics(const hyoka_report *r)
{
    for (size_t i = 0; i < hyoka_report_count(r); i++) {
        const char *code = hyoka_report_code(r, i);
        const char *path = hyoka_report_path(r, i);
        const char *en = hyoka_report_message(r, i, HYOKA_LANG_EN);
        const char *ja = hyoka_report_message(r, i, HYOKA_LANG_JA);
        int64_t line = -1, column = -1;
        assert_non_null(code);
        assert_non_null(path);
        assert_int_equal(hyoka_report_severity(r, i), hyoka_code_severity(code));
        assert_true(path[0] == '/' && strncmp(path, "/projects/", 10) == 0);
        assert_non_null(en);
        assert_non_null(ja);
        assert_true(strlen(en) > 0 && strlen(ja) > 0);
        if (!utf8_ok(en) || !utf8_ok(ja))
            fail_msg("diagnostic %zu (%s): a message is not valid UTF-8", i, code);
        assert_int_equal(hyoka_report_position(r, i, &line, &column), HYOKA_OK);
        assert_int_equal(line, 0);
        assert_int_equal(column, 0);
    }
}

static void dump(const hyoka_report *r)
{
    for (size_t i = 0; i < hyoka_report_count(r); i++)
        print_message("  %s %c %s  | %s | %s\n", hyoka_report_code(r, i),
                      severity_letter(hyoka_report_severity(r, i)), hyoka_report_path(r, i),
                      hyoka_report_message(r, i, HYOKA_LANG_EN), hyoka_report_message(r, i, HYOKA_LANG_JA));
}

/* Compare the report with "CODE S /path" lines, in order. */
static void expect_list(const hyoka_report *r, const char *const *expected, size_t n, const char *file, int line)
{
    size_t count = hyoka_report_count(r);
    int bad = count != n;
    check_diagnostics(r);
    for (size_t i = 0; !bad && i < n; i++) {
        char got[512];
        snprintf(got, sizeof got, "%s %c %s", hyoka_report_code(r, i), severity_letter(hyoka_report_severity(r, i)),
                 hyoka_report_path(r, i));
        if (strcmp(got, expected[i]) != 0)
            bad = 1;
    }
    if (bad) {
        print_message("%s:%d: expected %zu diagnostics:\n", file, line, n);
        for (size_t i = 0; i < n; i++)
            print_message("  %s\n", expected[i]);
        print_message("got %zu:\n", count);
        dump(r);
        fail_msg("%s:%d: diagnostics differ", file, line);
    }
}

#define EXPECT(r, ...)                                                                  \
    do {                                                                                \
        static const char *const expected_[] = {__VA_ARGS__};                           \
        expect_list((r), expected_, sizeof expected_ / sizeof expected_[0], __FILE__, __LINE__); \
    } while (0)
#define EXPECT_NONE(r) expect_list((r), NULL, 0, __FILE__, __LINE__)

static hyoka_report *run(const hyoka_portfolio *pf)
{
    hyoka_report *r = NULL;
    OK(hyoka_report_new(&r));
    OK(hyoka_validate(pf, r));
    return r;
}

/* Validate and compare in one step; frees the report. */
#define CHECK(pf, ...)                            \
    do {                                          \
        hyoka_report *r_ = run(pf);               \
        EXPECT(r_, __VA_ARGS__);                  \
        hyoka_report_free(r_);                    \
    } while (0)
#define CHECK_NONE(pf)                            \
    do {                                          \
        hyoka_report *r_ = run(pf);               \
        EXPECT_NONE(r_);                          \
        hyoka_report_free(r_);                    \
    } while (0)

/* The English message of the only diagnostic of @p pf. */
static void expect_message(const hyoka_portfolio *pf, const char *en_part, const char *ja_part)
{
    hyoka_report *r = run(pf);
    const char *en, *ja;
    assert_int_equal(hyoka_report_count(r), 1);
    en = hyoka_report_message(r, 0, HYOKA_LANG_EN);
    ja = hyoka_report_message(r, 0, HYOKA_LANG_JA);
    if (!strstr(en, en_part))
        fail_msg("English message \"%s\" lacks \"%s\"", en, en_part);
    if (ja_part && !strstr(ja, ja_part))
        fail_msg("Japanese message \"%s\" lacks \"%s\"", ja, ja_part);
    hyoka_report_free(r);
}

/* ------------------------------------------------------------------------ */
/* Arguments and the clean case                                              */

static void test_arguments(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_report *r = NULL;
    (void)state;
    OK(hyoka_report_new(&r));
    assert_int_equal(hyoka_validate(NULL, r), HYOKA_EINVAL);
    assert_int_equal(hyoka_validate(pf, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_error_last_code(), HYOKA_EINVAL);
    assert_int_equal(hyoka_report_count(r), 0);
    hyoka_report_free(r);
    hyoka_portfolio_free(pf);
}

static void test_clean(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p, *child;
    hyoka_costs *c;
    (void)state;
    CHECK_NONE(pf); /* an empty portfolio */

    p = clean_project(pf, NULL, "010802");
    OK(hyoka_project_set_period_years(p, 2003, 2010));
    c = add_year(p, 2007, HYOKA_PHASE_SETTLED);
    set(c, HYOKA_COST_INITIAL_BUDGET, 100000);
    set(c, HYOKA_COST_FINAL_BUDGET, 120000);
    set(c, HYOKA_COST_SETTLEMENT, 110000);
    set(c, HYOKA_COST_NATIONAL, 10000);
    set(c, HYOKA_COST_GENERAL, 100000);
    staff_line(c, "0.30", 8400000, NULL, -1, 2520000);
    stated(c, HYOKA_FIG_TOTAL_COST, "2630000", HYOKA_UNIT_YEN);
    stated(c, HYOKA_FIG_EXECUTION_RATE, "91.7", HYOKA_UNIT_YEN);
    child = clean_project(pf, p, "01");
    (void)child;
    CHECK_NONE(pf);
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* P: projects                                                               */

static void test_p001(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *a = clean_project(pf, NULL, "A");
    hyoka_project *b = clean_project(pf, NULL, "B");
    hyoka_project *c = clean_project(pf, NULL, "C");
    (void)state;
    CHECK_NONE(pf);
    OK(hyoka_project_set_code(a, NULL, 0));
    OK(hyoka_project_set_name(b, NULL, 0));
    OK(hyoka_project_set_code(c, "", 0)); /* empty counts as missing */
    OK(hyoka_project_set_name(c, "", 0));
    CHECK(pf, "P001 E /projects/0/code", "P001 E /projects/1/name", "P001 E /projects/2/code",
          "P001 E /projects/2/name");
    hyoka_portfolio_free(pf);
}

static void test_p002(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = clean_project(pf, NULL, "A");
    (void)state;
    OK(hyoka_project_set_period_years(p, 2005, 2005));
    CHECK_NONE(pf);
    OK(hyoka_project_set_period_years(p, 0, 2001)); /* no start: nothing to compare */
    CHECK_NONE(pf);
    OK(hyoka_project_set_period_years(p, 2010, 2005));
    CHECK(pf, "P002 E /projects/0/end_fiscal_year");
    expect_message(pf, "2005", "2010");
    hyoka_portfolio_free(pf);
}

static void test_p003(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *a, *b;
    (void)state;
    a = clean_project(pf, NULL, "010802");
    b = clean_project(pf, NULL, "010803");
    /* A child may repeat its parent's code, and children of different
     * parents may share codes. */
    clean_project(pf, a, "010802");
    clean_project(pf, a, "01");
    clean_project(pf, b, "01");
    CHECK_NONE(pf);

    clean_project(pf, NULL, "010802");
    clean_project(pf, NULL, "010803");
    clean_project(pf, NULL, "010802");
    clean_project(pf, b, "01");
    CHECK(pf, "P003 E /projects/1/children/1/code", "P003 E /projects/2/code", "P003 E /projects/3/code",
          "P003 E /projects/4/code");
    hyoka_portfolio_free(pf);
}

static void test_p004(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = clean_project(pf, NULL, "A");
    (void)state;
    OK(hyoka_project_set_period_years(p, 2010, 0));
    add_year(p, 2010, HYOKA_PHASE_SETTLED);
    add_year(p, 2030, HYOKA_PHASE_PLAN); /* open-ended: fine */
    CHECK_NONE(pf);
    add_year(p, 2009, HYOKA_PHASE_SETTLED);
    OK(hyoka_project_set_period_years(p, 2010, 2012));
    CHECK(pf, "P004 W /projects/0/years/1/fiscal_year", "P004 W /projects/0/years/2/fiscal_year");
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* C: costs                                                                  */

static void test_c001(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = clean_project(pf, NULL, "A");
    hyoka_costs *c = add_year(p, 2007, HYOKA_PHASE_SETTLED);
    hyoka_costs *d = add_year(p, 2008, HYOKA_PHASE_BUDGET);
    hyoka_costs *e = add_year(p, 2009, HYOKA_PHASE_PLAN);
    (void)state;
    set(c, HYOKA_COST_SETTLEMENT, 400000);
    set(c, HYOKA_COST_INITIAL_BUDGET, 999999); /* not the expense of a settled year */
    set(c, HYOKA_COST_NATIONAL, 100000);
    set(c, HYOKA_COST_GENERAL, 300000); /* missing sources count 0 */
    set(d, HYOKA_COST_INITIAL_BUDGET, 500000); /* no sources: nothing to check */
    set(e, HYOKA_COST_GENERAL, 100);           /* no expense: nothing to check */
    CHECK_NONE(pf);
    set(c, HYOKA_COST_OTHER, 1);
    set(d, HYOKA_COST_GENERAL, 0);
    CHECK(pf, "C001 E /projects/0/years/0/funding", "C001 E /projects/0/years/1/funding");
    hyoka_portfolio_free(pf);

    pf = new_portfolio();
    p = clean_project(pf, NULL, "A");
    c = add_year(p, 2007, HYOKA_PHASE_SETTLED);
    set(c, HYOKA_COST_SETTLEMENT, 400000);
    set(c, HYOKA_COST_GENERAL, 300000);
    expect_message(pf, "the funding sources add up to 300,000 yen, neither the expense (400,000 yen)", "財源内訳");
    OK(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_THOUSAND_YEN));
    set(c, HYOKA_COST_GENERAL, 300500);
    expect_message(pf, "300.5 thousand yen, neither the expense (400 thousand yen)", "300.5千円");
    hyoka_portfolio_free(pf);

    /* A breakdown of the total cost (personnel included), as 所沢市 prints
     * it, is consistent too; one that matches neither is not. */
    pf = new_portfolio();
    p = clean_project(pf, NULL, "A");
    c = add_year(p, 2007, HYOKA_PHASE_SETTLED);
    set(c, HYOKA_COST_SETTLEMENT, 0);
    {
        hyoka_staff *st = NULL;
        OK(hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, &st));
        OK(hyoka_staff_set_amount(st, HYOKA_STAFF_AMOUNT, 16627000));
    }
    set(c, HYOKA_COST_GENERAL, 16627000);
    CHECK_NONE(pf);
    set(c, HYOKA_COST_GENERAL, 16626000);
    CHECK(pf, "C001 E /projects/0/years/0/funding");
    hyoka_portfolio_free(pf);
}

static void test_c002(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = clean_project(pf, NULL, "A");
    hyoka_costs *c = add_year(p, 2007, HYOKA_PHASE_SETTLED);
    (void)state;
    set(c, HYOKA_COST_SETTLEMENT, 0);
    set(c, HYOKA_COST_DEBT_SERVICE, 0);
    CHECK_NONE(pf);
    set(c, HYOKA_COST_INITIAL_BUDGET, -1);
    set(c, HYOKA_COST_FINAL_BUDGET, -2);
    set(c, HYOKA_COST_SETTLEMENT, -3);
    set(c, HYOKA_COST_PREFECTURAL, -4);
    set(c, HYOKA_COST_GENERAL, 1);
    set(c, HYOKA_COST_DEBT_SERVICE, -5);
    set(c, HYOKA_COST_INDIRECT, -6);
    CHECK(pf, "C002 E /projects/0/years/0/initial_budget", "C002 E /projects/0/years/0/final_budget",
          "C002 E /projects/0/years/0/settlement", "C002 E /projects/0/years/0/funding/prefectural",
          "C002 E /projects/0/years/0/debt_service", "C002 E /projects/0/years/0/indirect_costs");
    hyoka_portfolio_free(pf);
}

static void test_c003_staff(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = clean_project(pf, NULL, "A");
    hyoka_costs *c = add_year(p, 2016, HYOKA_PHASE_SETTLED);
    hyoka_staff *s;
    (void)state;
    staff_line(c, "0.30", 8400000, NULL, -1, 2520000); /* 0.30 × 8,400千円 = 2,520千円 */
    staff_line(c, "0.00", 4500000, NULL, -1, 0);
    staff_line(c, NULL, -1, "220", 4150, 913000); /* 220 h × 4,150 = 913,000 */
    staff_line(c, "1.33", -1, NULL, -1, 12236000); /* amount only: nothing to compare */
    staff_line(c, "0.5", 8000000, NULL, -1, -1);   /* computed only */
    CHECK_NONE(pf);
    s = staff_line(c, "0.3333", 1000000, NULL, -1, 333000); /* computed 333,300 yen */
    (void)s;
    CHECK(pf, "C003 W /projects/0/years/0/staff/5");
    /* In a document that writes amounts in 千円 the amount 333 千円 is the
     * computed 333.3 千円 written to its granularity. */
    OK(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_THOUSAND_YEN));
    CHECK_NONE(pf);
    /* ...rounded by the personnel rule's mode: up gives 334 千円. */
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_PERSONNEL, 0, HYOKA_ROUND_UP, HYOKA_UNIT_YEN));
    CHECK(pf, "C003 W /projects/0/years/0/staff/5");
    hyoka_portfolio_free(pf);

    pf = new_portfolio();
    p = clean_project(pf, NULL, "A");
    c = add_year(p, 2016, HYOKA_PHASE_SETTLED);
    staff_line(c, NULL, -1, "220", 4150, 914000);
    CHECK(pf, "C003 W /projects/0/years/0/staff/0");
    expect_message(pf, "costs 913,000 yen by hours × hourly rate but states an amount of 914,000 yen", "914,000円");
    /* In 千円 too: 913 千円 is not 914 千円. */
    OK(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_THOUSAND_YEN));
    CHECK(pf, "C003 W /projects/0/years/0/staff/0");
    hyoka_portfolio_free(pf);
}

static void test_c003_stated_personnel(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = clean_project(pf, NULL, "A");
    hyoka_costs *c = add_year(p, 2016, HYOKA_PHASE_SETTLED);
    (void)state;
    OK(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_THOUSAND_YEN));
    staff_line(c, NULL, -1, "220", -1, -1);
    staff_line(c, NULL, -1, NULL, -1, 914000);
    stated(c, HYOKA_FIG_PERSONNEL, "914", HYOKA_UNIT_THOUSAND_YEN);
    CHECK_NONE(pf);
    stated(c, HYOKA_FIG_PERSONNEL, "913", HYOKA_UNIT_THOUSAND_YEN);
    CHECK(pf, "C003 W /projects/0/years/0/stated/personnel");
    expect_message(pf, "stated personnel 913 differs from the computed 914 (thousand yen)", "人件費");
    stated(c, HYOKA_FIG_PERSONNEL, "914000", HYOKA_UNIT_YEN);
    CHECK_NONE(pf);
    hyoka_portfolio_free(pf);
}

static void test_c004(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = clean_project(pf, NULL, "00832");
    hyoka_costs *c = add_year(p, 2016, HYOKA_PHASE_SETTLED);
    (void)state;
    OK(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_THOUSAND_YEN));
    set(c, HYOKA_COST_SETTLEMENT, 223000);
    set(c, HYOKA_COST_NATIONAL, 0);
    set(c, HYOKA_COST_GENERAL, 223000);
    staff_line(c, "0.30", 8400000, NULL, -1, 2520000);
    /* Stated totals in 千円, as the sheet prints them. */
    stated(c, HYOKA_FIG_TOTAL_COST, "2743", HYOKA_UNIT_THOUSAND_YEN);
    stated(c, HYOKA_FIG_EXPENSE, "223", HYOKA_UNIT_THOUSAND_YEN);
    stated(c, HYOKA_FIG_DEBT_SERVICE, "0", HYOKA_UNIT_THOUSAND_YEN);
    stated(c, HYOKA_FIG_INDIRECT_COSTS, "0", HYOKA_UNIT_THOUSAND_YEN);
    stated(c, HYOKA_FIG_GENERAL_REVENUE, "223", HYOKA_UNIT_THOUSAND_YEN);
    stated(c, HYOKA_FIG_SPECIFIC_REVENUE, "0", HYOKA_UNIT_THOUSAND_YEN);
    CHECK_NONE(pf);
    /* The same with places, and in yen. */
    stated(c, HYOKA_FIG_TOTAL_COST, "2743.000", HYOKA_UNIT_THOUSAND_YEN);
    stated(c, HYOKA_FIG_EXPENSE, "223000", HYOKA_UNIT_YEN);
    CHECK_NONE(pf);
    stated(c, HYOKA_FIG_TOTAL_COST, "2744", HYOKA_UNIT_THOUSAND_YEN);
    stated(c, HYOKA_FIG_EXPENSE, "222999", HYOKA_UNIT_YEN);
    stated(c, HYOKA_FIG_DEBT_SERVICE, "1", HYOKA_UNIT_THOUSAND_YEN);
    stated(c, HYOKA_FIG_INDIRECT_COSTS, "0.001", HYOKA_UNIT_THOUSAND_YEN);
    stated(c, HYOKA_FIG_GENERAL_REVENUE, "224", HYOKA_UNIT_THOUSAND_YEN);
    stated(c, HYOKA_FIG_SPECIFIC_REVENUE, "1", HYOKA_UNIT_THOUSAND_YEN);
    CHECK(pf, "C004 E /projects/0/years/0/stated/expense", "C004 E /projects/0/years/0/stated/debt_service",
          "C004 E /projects/0/years/0/stated/indirect_costs", "C004 E /projects/0/years/0/stated/total_cost",
          "C004 E /projects/0/years/0/stated/general_revenue", "C004 E /projects/0/years/0/stated/specific_revenue");
    hyoka_portfolio_free(pf);

    /* A total stated in 千円 without places is the yen total rounded by the
     * total_cost rule (half_up by default, down when overridden). */
    pf = new_portfolio();
    p = clean_project(pf, NULL, "A");
    c = add_year(p, 2016, HYOKA_PHASE_SETTLED);
    set(c, HYOKA_COST_SETTLEMENT, 1068978);
    stated(c, HYOKA_FIG_TOTAL_COST, "1069", HYOKA_UNIT_THOUSAND_YEN);
    CHECK_NONE(pf);
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_TOTAL_COST, 0, HYOKA_ROUND_DOWN, HYOKA_UNIT_YEN));
    CHECK(pf, "C004 E /projects/0/years/0/stated/total_cost");
    expect_message(pf, "stated total_cost 1069 differs from the computed 1068 (thousand yen)", "トータルコスト");
    stated(c, HYOKA_FIG_TOTAL_COST, "1068.978", HYOKA_UNIT_THOUSAND_YEN);
    CHECK_NONE(pf);
    /* No expense: the total is unavailable and not compared. */
    OK(hyoka_costs_clear(c, HYOKA_COST_SETTLEMENT));
    stated(c, HYOKA_FIG_TOTAL_COST, "5", HYOKA_UNIT_THOUSAND_YEN);
    CHECK_NONE(pf);
    hyoka_portfolio_free(pf);
}

/* Seed 001 平成19年度: 16,627 千円 of personnel, 1,054 users, 339,300 people. */
static hyoka_portfolio *unit_cost_portfolio(const char *stated_unit_cost, hyoka_costs **out)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = clean_project(pf, NULL, "010802");
    hyoka_costs *c = add_year(p, 2007, HYOKA_PHASE_SETTLED);
    OK(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_THOUSAND_YEN));
    OK(hyoka_portfolio_set_denominator(pf, 2007, HYOKA_COST_POPULATION, 339300));
    set(c, HYOKA_COST_SETTLEMENT, 0);
    staff_line(c, "1.77", -1, NULL, -1, 16627000);
    set(c, HYOKA_COST_USAGE, 1054);
    stated(c, HYOKA_FIG_PER_CAPITA, "49.0", HYOKA_UNIT_YEN);
    stated(c, HYOKA_FIG_UNIT_COST, stated_unit_cost, HYOKA_UNIT_YEN);
    if (out)
        *out = c;
    return pf;
}

static void test_c005(void **state)
{
    hyoka_portfolio *pf;
    hyoka_costs *c;
    (void)state;
    pf = unit_cost_portfolio("15775.1", NULL);
    CHECK_NONE(pf);
    hyoka_portfolio_free(pf);

    pf = unit_cost_portfolio("15775.5", &c);
    CHECK(pf, "C005 W /projects/0/years/0/stated/unit_cost");
    expect_message(pf, "stated unit_cost 15775.5 differs from the computed 15775.1", "15775.1");
    /* Places are the stated figure's own: 15775 and 15775.14 match, 15775.15 not. */
    stated(c, HYOKA_FIG_UNIT_COST, "15775", HYOKA_UNIT_YEN);
    CHECK_NONE(pf);
    stated(c, HYOKA_FIG_UNIT_COST, "15775.14", HYOKA_UNIT_YEN);
    CHECK_NONE(pf);
    stated(c, HYOKA_FIG_UNIT_COST, "15775.15", HYOKA_UNIT_YEN);
    CHECK(pf, "C005 W /projects/0/years/0/stated/unit_cost");
    /* ...with the rule's mode: 15775.14 rounded up is 15775.2. */
    stated(c, HYOKA_FIG_UNIT_COST, "15775.2", HYOKA_UNIT_YEN);
    CHECK(pf, "C005 W /projects/0/years/0/stated/unit_cost");
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_UNIT_COST, 1, HYOKA_ROUND_UP, HYOKA_UNIT_YEN));
    CHECK_NONE(pf);
    /* In thousand yen per user: 15.775 千円. */
    stated(c, HYOKA_FIG_UNIT_COST, "15.78", HYOKA_UNIT_THOUSAND_YEN);
    OK(hyoka_portfolio_clear_rounding(pf, HYOKA_FIG_UNIT_COST));
    CHECK_NONE(pf);
    stated(c, HYOKA_FIG_UNIT_COST, "15.77", HYOKA_UNIT_THOUSAND_YEN);
    CHECK(pf, "C005 W /projects/0/years/0/stated/unit_cost");
    /* Per capita: 16,627,000 ÷ 339,300 = 49.004 → 49.0. */
    stated(c, HYOKA_FIG_UNIT_COST, "15775.1", HYOKA_UNIT_YEN);
    stated(c, HYOKA_FIG_PER_CAPITA, "49.1", HYOKA_UNIT_YEN);
    CHECK(pf, "C005 W /projects/0/years/0/stated/per_capita");
    /* The year's own population overrides the portfolio's: 16,627,000 ÷ 338,632 = 49.1. */
    set(c, HYOKA_COST_POPULATION, 338632);
    CHECK_NONE(pf);
    /* Usage 0: unavailable, not compared. */
    set(c, HYOKA_COST_USAGE, 0);
    stated(c, HYOKA_FIG_UNIT_COST, "1", HYOKA_UNIT_YEN);
    CHECK_NONE(pf);
    hyoka_portfolio_free(pf);
}

static void test_c005_per_head_and_rates(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = clean_project(pf, NULL, "1379");
    hyoka_costs *prev = add_year(p, 2011, HYOKA_PHASE_SETTLED);
    hyoka_costs *c = add_year(p, 2012, HYOKA_PHASE_SETTLED);
    (void)state;
    OK(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_THOUSAND_YEN));
    OK(hyoka_portfolio_set_denominator(pf, 2012, HYOKA_COST_POPULATION, 112400));
    OK(hyoka_portfolio_set_denominator(pf, 2012, HYOKA_COST_HOUSEHOLDS, 47248));
    OK(hyoka_portfolio_set_denominator(pf, 2011, HYOKA_COST_POPULATION, 112000));
    set(prev, HYOKA_COST_SETTLEMENT, 10000000);
    set(c, HYOKA_COST_FINAL_BUDGET, 6000000);
    set(c, HYOKA_COST_SETTLEMENT, 5917000);
    set(c, HYOKA_COST_GENERAL, 5917000);
    staff_line(c, "0.60", -1, NULL, -1, 4761000);
    set(c, HYOKA_COST_BENEFICIARIES, 300);
    /* 10,678,000 ÷ 112,400 = 95.0; ÷ 47,248 = 226.0; ÷ 300 = 35593.3. */
    stated(c, HYOKA_FIG_PER_CAPITA, "95", HYOKA_UNIT_YEN);
    stated(c, HYOKA_FIG_PER_HOUSEHOLD, "226", HYOKA_UNIT_YEN);
    stated(c, HYOKA_FIG_PER_BENEFICIARY, "35593.3", HYOKA_UNIT_YEN);
    /* 5,917 ÷ 6,000 = 98.6 %; 4,761 ÷ 10,678 = 44.6 %; 5,917 ÷ 5,917 = 100 %;
     * (10,678 − 10,000) ÷ 10,000 = 6.78 %. */
    stated(c, HYOKA_FIG_EXECUTION_RATE, "98.6", HYOKA_UNIT_YEN);
    stated(c, HYOKA_FIG_PERSONNEL_SHARE, "44.6", HYOKA_UNIT_YEN);
    stated(c, HYOKA_FIG_GENERAL_REVENUE_SHARE, "100.0", HYOKA_UNIT_YEN);
    stated(c, HYOKA_FIG_TOTAL_COST_CHANGE, "6.78", HYOKA_UNIT_YEN);
    CHECK_NONE(pf);
    stated(c, HYOKA_FIG_PER_CAPITA, "96", HYOKA_UNIT_YEN);
    stated(c, HYOKA_FIG_PER_HOUSEHOLD, "225", HYOKA_UNIT_YEN);
    stated(c, HYOKA_FIG_PER_BENEFICIARY, "35593.4", HYOKA_UNIT_YEN);
    stated(c, HYOKA_FIG_EXECUTION_RATE, "98.7", HYOKA_UNIT_YEN);
    stated(c, HYOKA_FIG_PERSONNEL_SHARE, "44.5", HYOKA_UNIT_YEN);
    stated(c, HYOKA_FIG_GENERAL_REVENUE_SHARE, "99.9", HYOKA_UNIT_YEN);
    stated(c, HYOKA_FIG_TOTAL_COST_CHANGE, "6.7", HYOKA_UNIT_YEN);
    CHECK(pf, "C005 W /projects/0/years/1/stated/per_capita", "C005 W /projects/0/years/1/stated/per_household",
          "C005 W /projects/0/years/1/stated/per_beneficiary", "C005 W /projects/0/years/1/stated/execution_rate",
          "C005 W /projects/0/years/1/stated/personnel_share",
          "C005 W /projects/0/years/1/stated/general_revenue_share",
          "C005 W /projects/0/years/1/stated/total_cost_change");
    /* Without the previous year, the change is unavailable: not compared. */
    OK(hyoka_project_remove_year(p, 0));
    CHECK(pf, "C005 W /projects/0/years/0/stated/per_capita", "C005 W /projects/0/years/0/stated/per_household",
          "C005 W /projects/0/years/0/stated/per_beneficiary", "C005 W /projects/0/years/0/stated/execution_rate",
          "C005 W /projects/0/years/0/stated/personnel_share",
          "C005 W /projects/0/years/0/stated/general_revenue_share");
    hyoka_portfolio_free(pf);
}

static void test_tolerance(void **state)
{
    hyoka_costs *c;
    hyoka_portfolio *pf = unit_cost_portfolio("15775.2", &c);
    (void)state;
    CHECK(pf, "C005 W /projects/0/years/0/stated/unit_cost");
    OK(hyoka_portfolio_set_stated_tolerance(pf, 1)); /* 15775.2 is 1 in the last place off */
    CHECK_NONE(pf);
    stated(c, HYOKA_FIG_UNIT_COST, "15775.0", HYOKA_UNIT_YEN);
    CHECK_NONE(pf);
    stated(c, HYOKA_FIG_UNIT_COST, "15775.5", HYOKA_UNIT_YEN); /* 4 off */
    CHECK(pf, "C005 W /projects/0/years/0/stated/unit_cost");
    expect_message(pf, "beyond the tolerance of 1 in the last place", "許容差");
    OK(hyoka_portfolio_set_stated_tolerance(pf, 4));
    CHECK_NONE(pf);
    /* The tolerance is in units of the stated figure's last place: 15776 is
     * 1 yen off the computed 15775. */
    OK(hyoka_portfolio_set_stated_tolerance(pf, 1));
    stated(c, HYOKA_FIG_UNIT_COST, "15776", HYOKA_UNIT_YEN);
    CHECK_NONE(pf);
    stated(c, HYOKA_FIG_UNIT_COST, "15777", HYOKA_UNIT_YEN);
    CHECK(pf, "C005 W /projects/0/years/0/stated/unit_cost");
    hyoka_portfolio_free(pf);
}

/* Amounts above 2^63 / 100: the figures compute a rate exactly (the factor
 * 100 moves the divisor's decimal point), and the stated figures are checked
 * against the same computation. Validation once had a formula of its own
 * that multiplied by 100 first, overflowed, and so compared nothing. */
static void test_stated_large_amounts(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = clean_project(pf, NULL, "A");
    hyoka_costs *c = add_year(p, 2012, HYOKA_PHASE_SETTLED);
    hyoka_indicator *ind = add_indicator(p, HYOKA_KIND_OUTCOME, "件", HYOKA_DIRECTION_INCREASE);
    hyoka_decimal d;
    char buf[HYOKA_DECIMAL_STRING_MAX];
    int reason = HYOKA_REASON_NONE;
    (void)state;
    set(c, HYOKA_COST_FINAL_BUDGET, INT64_C(200000000000000000));
    set(c, HYOKA_COST_SETTLEMENT, INT64_C(100000000000000000));
    value(ind, 2012, HYOKA_VALUE_TARGET, "200000000000000000");
    value(ind, 2012, HYOKA_VALUE_ACTUAL, "100000000000000000");
    OK(hyoka_costs_figure(c, HYOKA_FIG_EXECUTION_RATE, &d, &reason));
    OK(hyoka_decimal_format(&d, 0, buf, sizeof buf, NULL));
    assert_string_equal(buf, "50.0");
    OK(hyoka_indicator_figure(ind, 2012, HYOKA_FIG_ACHIEVEMENT, &d, &reason));
    OK(hyoka_decimal_format(&d, 0, buf, sizeof buf, NULL));
    assert_string_equal(buf, "50.0");
    stated(c, HYOKA_FIG_EXECUTION_RATE, "50.0", HYOKA_UNIT_YEN);
    value(ind, 2012, HYOKA_VALUE_STATED_ACHIEVEMENT, "50.0");
    CHECK_NONE(pf);
    stated(c, HYOKA_FIG_EXECUTION_RATE, "40.0", HYOKA_UNIT_YEN);
    value(ind, 2012, HYOKA_VALUE_STATED_ACHIEVEMENT, "40.0");
    CHECK(pf, "C005 W /projects/0/years/0/stated/execution_rate",
          "I003 W /projects/0/indicators/1/values/0/stated_achievement");
    value(ind, 2012, HYOKA_VALUE_STATED_ACHIEVEMENT, "50.0");
    expect_message(pf, "stated execution_rate 40.0 differs from the computed 50.0", "執行率");
    hyoka_portfolio_free(pf);
}

static void test_c006(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = clean_project(pf, NULL, "A");
    hyoka_costs *c = add_year(p, 2007, HYOKA_PHASE_SETTLED);
    hyoka_costs *d = add_year(p, 2008, HYOKA_PHASE_SETTLED);
    (void)state;
    set(c, HYOKA_COST_FINAL_BUDGET, 100);
    set(c, HYOKA_COST_SETTLEMENT, 100);
    set(d, HYOKA_COST_SETTLEMENT, 500); /* no final budget */
    CHECK_NONE(pf);
    set(c, HYOKA_COST_SETTLEMENT, 101);
    CHECK(pf, "C006 W /projects/0/years/0/settlement");
    hyoka_portfolio_free(pf);
}

static void test_c007(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = clean_project(pf, NULL, "A");
    hyoka_costs *a = add_year(p, 2007, HYOKA_PHASE_SETTLED);
    hyoka_costs *b = add_year(p, 2008, HYOKA_PHASE_BUDGET);
    (void)state;
    set(a, HYOKA_COST_SETTLEMENT, 100);
    set(b, HYOKA_COST_INITIAL_BUDGET, 100);
    CHECK_NONE(pf); /* no population anywhere, no per capita stated */
    stated(b, HYOKA_FIG_PER_CAPITA, "1.0", HYOKA_UNIT_YEN);
    CHECK(pf, "C007 I /projects/0/years/1");
    OK(hyoka_costs_clear_stated(b, HYOKA_FIG_PER_CAPITA));
    OK(hyoka_portfolio_set_denominator(pf, 2007, HYOKA_COST_HOUSEHOLDS, 5));
    CHECK_NONE(pf); /* households are not a population */
    OK(hyoka_portfolio_set_denominator(pf, 2007, HYOKA_COST_POPULATION, 1000));
    CHECK(pf, "C007 I /projects/0/years/1");
    set(b, HYOKA_COST_POPULATION, 1000); /* the year's own population */
    CHECK_NONE(pf);
    hyoka_portfolio_free(pf);
}

static void test_c008(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = clean_project(pf, NULL, "A");
    hyoka_project *q = clean_project(pf, NULL, "B");
    (void)state;
    add_year(p, 2007, HYOKA_PHASE_SETTLED);
    add_year(p, 2008, HYOKA_PHASE_SETTLED);
    add_year(q, 2007, HYOKA_PHASE_SETTLED); /* another project's year */
    CHECK_NONE(pf);
    add_year(p, 2007, HYOKA_PHASE_BUDGET);
    add_year(p, 2007, HYOKA_PHASE_PLAN);
    CHECK(pf, "C008 E /projects/0/years/2/fiscal_year", "C008 E /projects/0/years/3/fiscal_year");
    hyoka_portfolio_free(pf);
}

/* Sums and products beyond 64-bit yen are errors, each where it arises: a
 * staff line, the staff lines together, the total cost, the funding. */
static void test_c009(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = clean_project(pf, NULL, "A");
    hyoka_costs *c = add_year(p, 2007, HYOKA_PHASE_SETTLED);
    hyoka_staff *st = NULL, *st2 = NULL;
    hyoka_decimal two = D("2");
    (void)state;

    set(c, HYOKA_COST_SETTLEMENT, 1000);
    OK(hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, &st));
    OK(hyoka_staff_set_decimal(st, HYOKA_STAFF_FTE, &two));
    OK(hyoka_staff_set_amount(st, HYOKA_STAFF_UNIT_COST, INT64_C(4000000000000000000)));
    CHECK_NONE(pf); /* 8×10^18: fits */
    /* 2 FTE × 9×10^18 yen */
    OK(hyoka_staff_set_amount(st, HYOKA_STAFF_UNIT_COST, INT64_C(9000000000000000000)));
    CHECK(pf, "C009 E /projects/0/years/0/staff/0");
    expect_message(pf, "the cost of staff line 0 (FTE × unit cost) does not fit in 64-bit yen",
                   "人件費の行0の金額(人工×単価)が64ビットの円に収まらない");
    /* Two lines that fit, their sum does not. */
    OK(hyoka_staff_set_amount(st, HYOKA_STAFF_UNIT_COST, INT64_C(4000000000000000000)));
    OK(hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, &st2));
    OK(hyoka_staff_set_amount(st2, HYOKA_STAFF_AMOUNT, INT64_C(4000000000000000000)));
    CHECK(pf, "C009 E /projects/0/years/0/staff");
    /* The personnel fits, the total cost does not. */
    OK(hyoka_staff_set_amount(st2, HYOKA_STAFF_AMOUNT, 1));
    set(c, HYOKA_COST_DEBT_SERVICE, INT64_C(4000000000000000000));
    CHECK(pf, "C009 E /projects/0/years/0");
    expect_message(pf, "the total cost (expense + personnel + debt service + indirect costs) does not fit",
                   "トータルコスト");
    hyoka_portfolio_free(pf);

    /* The funding sources: C009, no longer C001. */
    pf = new_portfolio();
    p = clean_project(pf, NULL, "A");
    c = add_year(p, 2007, HYOKA_PHASE_SETTLED);
    set(c, HYOKA_COST_SETTLEMENT, 1000);
    set(c, HYOKA_COST_NATIONAL, INT64_C(9000000000000000000));
    set(c, HYOKA_COST_GENERAL, INT64_C(9000000000000000000));
    CHECK(pf, "C009 E /projects/0/years/0/funding");
    expect_message(pf, "the sum of the funding sources does not fit in 64-bit yen", "財源内訳の合計");
    hyoka_portfolio_free(pf);
}

/* Sub-projects far deeper than any document allows: validation keeps its
 * own stack, so the C stack does not grow with the depth (20,000 levels of
 * the recursion it replaced took some 60 MB of stack). */
static void test_deep_nesting(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = clean_project(pf, NULL, "A");
    hyoka_report *r;
    (void)state;

    for (int i = 0; i < 20000; i++)
        p = clean_project(pf, p, "D");
    hyoka_project_set_name(p, "", NTS);
    r = run(pf);
    assert_int_equal(hyoka_report_count(r), 1);
    assert_string_equal(hyoka_report_code(r, 0), "P001");
    assert_int_equal(strlen(hyoka_report_path(r, 0)), strlen("/projects/0") + 20000 * strlen("/children/0") +
                                                          strlen("/name"));
    hyoka_report_free(r);
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* I: indicators                                                             */

static void test_i001(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = clean_project(pf, NULL, "A");
    hyoka_indicator *ind = add_indicator(p, HYOKA_KIND_ACTIVITY, "件", HYOKA_UNSET);
    (void)state;
    CHECK_NONE(pf);
    OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_UNIT, NULL, 0));
    add_indicator(p, HYOKA_KIND_TARGET, "", HYOKA_UNSET);
    CHECK(pf, "I001 W /projects/0/indicators/1/unit", "I001 W /projects/0/indicators/2/unit");
    hyoka_portfolio_free(pf);
}

static void test_i002(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = clean_project(pf, NULL, "A");
    hyoka_indicator *activity = add_indicator(p, HYOKA_KIND_ACTIVITY, "人", HYOKA_UNSET);
    hyoka_indicator *size = add_indicator(p, HYOKA_KIND_TARGET, "人", HYOKA_UNSET);
    hyoka_indicator *hard = add_indicator(p, HYOKA_KIND_ACTIVITY, "件", HYOKA_UNSET);
    hyoka_indicator *unkind = add_indicator(p, HYOKA_UNSET, "件", HYOKA_UNSET);
    (void)state;
    value(activity, 2006, HYOKA_VALUE_TARGET, "40");
    value(activity, 2006, HYOKA_VALUE_ACTUAL, "42");
    value(activity, 2007, HYOKA_VALUE_FORECAST, "800"); /* a forecast alone is fine */
    value(size, 2006, HYOKA_VALUE_ACTUAL, "1800");      /* 対象指標 have no targets */
    OK(hyoka_indicator_set_not_settable(hard, 1));
    value(hard, 2016, HYOKA_VALUE_ACTUAL, "19");
    CHECK_NONE(pf);
    value(activity, 2008, HYOKA_VALUE_ACTUAL, "819");
    value(activity, 2009, HYOKA_VALUE_ACTUAL, "900"); /* one diagnostic per indicator */
    value(unkind, 2016, HYOKA_VALUE_TARGET, "1");
    value(unkind, 2017, HYOKA_VALUE_ACTUAL, "1");
    OK(hyoka_indicator_set_not_settable(hard, 0));
    CHECK(pf, "I002 W /projects/0/indicators/1/values/2", "I002 W /projects/0/indicators/3/values/0",
          "I002 W /projects/0/indicators/4/values/1");
    hyoka_portfolio_free(pf);
}

static void test_i003(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = clean_project(pf, NULL, "A");
    hyoka_indicator *up = add_indicator(p, HYOKA_KIND_OUTCOME, "%", HYOKA_DIRECTION_INCREASE);
    hyoka_indicator *down = add_indicator(p, HYOKA_KIND_OUTCOME, "円/人", HYOKA_DIRECTION_DECREASE);
    hyoka_indicator *keep = add_indicator(p, HYOKA_KIND_OUTCOME, "件", HYOKA_DIRECTION_MAINTAIN);
    hyoka_indicator *none = add_indicator(p, HYOKA_KIND_OUTCOME, "件", HYOKA_UNSET);
    (void)state;
    /* Seed 001: 9 ÷ 10 = 90.0, 59 ÷ 60 = 98.33. */
    value(up, 2006, HYOKA_VALUE_TARGET, "10");
    value(up, 2006, HYOKA_VALUE_ACTUAL, "9");
    value(up, 2006, HYOKA_VALUE_STATED_ACHIEVEMENT, "90.0");
    value(up, 2007, HYOKA_VALUE_TARGET, "60");
    value(up, 2007, HYOKA_VALUE_ACTUAL, "59");
    value(up, 2007, HYOKA_VALUE_STATED_ACHIEVEMENT, "98.3");
    value(up, 2008, HYOKA_VALUE_TARGET, "80");
    value(up, 2008, HYOKA_VALUE_STATED_ACHIEVEMENT, "0"); /* no actual: not compared */
    /* Seed 002: 53.6 ÷ 46.5 = 115.27 (decrease). */
    value(down, 2016, HYOKA_VALUE_TARGET, "53.6");
    value(down, 2016, HYOKA_VALUE_ACTUAL, "46.5");
    value(down, 2016, HYOKA_VALUE_STATED_ACHIEVEMENT, "115.3");
    /* Maintain: on target 100, above by the decrease rule, below by increase. */
    value(keep, 2016, HYOKA_VALUE_TARGET, "50");
    value(keep, 2016, HYOKA_VALUE_ACTUAL, "50");
    value(keep, 2016, HYOKA_VALUE_STATED_ACHIEVEMENT, "100");
    value(keep, 2017, HYOKA_VALUE_TARGET, "50");
    value(keep, 2017, HYOKA_VALUE_ACTUAL, "60");
    value(keep, 2017, HYOKA_VALUE_STATED_ACHIEVEMENT, "83.3");
    value(keep, 2018, HYOKA_VALUE_TARGET, "50");
    value(keep, 2018, HYOKA_VALUE_ACTUAL, "40");
    value(keep, 2018, HYOKA_VALUE_STATED_ACHIEVEMENT, "80.0");
    /* No direction: unavailable, not compared. */
    value(none, 2016, HYOKA_VALUE_TARGET, "50");
    value(none, 2016, HYOKA_VALUE_ACTUAL, "40");
    value(none, 2016, HYOKA_VALUE_STATED_ACHIEVEMENT, "1");
    CHECK_NONE(pf);
    value(up, 2007, HYOKA_VALUE_STATED_ACHIEVEMENT, "98.4");
    value(down, 2016, HYOKA_VALUE_STATED_ACHIEVEMENT, "86.8"); /* the increase rule's figure */
    value(keep, 2017, HYOKA_VALUE_STATED_ACHIEVEMENT, "120.0");
    CHECK(pf, "I003 W /projects/0/indicators/1/values/1/stated_achievement",
          "I003 W /projects/0/indicators/2/values/0/stated_achievement",
          "I003 W /projects/0/indicators/3/values/1/stated_achievement");
    hyoka_portfolio_free(pf);

    pf = new_portfolio();
    p = clean_project(pf, NULL, "A");
    up = add_indicator(p, HYOKA_KIND_OUTCOME, "%", HYOKA_DIRECTION_INCREASE);
    value(up, 2007, HYOKA_VALUE_TARGET, "60");
    value(up, 2007, HYOKA_VALUE_ACTUAL, "59");
    value(up, 2007, HYOKA_VALUE_STATED_ACHIEVEMENT, "98.4");
    expect_message(pf, "stated achievement 98.4 differs from the computed 98.3", "達成率");
    OK(hyoka_portfolio_set_stated_tolerance(pf, 1));
    CHECK_NONE(pf);
    OK(hyoka_portfolio_set_stated_tolerance(pf, 0));
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_ACHIEVEMENT, 1, HYOKA_ROUND_UP, HYOKA_UNIT_YEN));
    CHECK_NONE(pf); /* 98.33 rounded up */
    OK(hyoka_indicator_set_not_settable(up, 1)); /* not settable: no achievement */
    value(up, 2007, HYOKA_VALUE_STATED_ACHIEVEMENT, "1");
    CHECK_NONE(pf);
    hyoka_portfolio_free(pf);
}

static void test_i004(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = clean_project(pf, NULL, "A");
    hyoka_indicator *pct = add_indicator(p, HYOKA_KIND_OUTCOME, "%", HYOKA_DIRECTION_INCREASE);
    hyoka_indicator *wide = add_indicator(p, HYOKA_KIND_OUTCOME, "％", HYOKA_DIRECTION_INCREASE);
    hyoka_indicator *count = add_indicator(p, HYOKA_KIND_ACTIVITY, "人", HYOKA_UNSET);
    hyoka_decimal d;
    (void)state;
    value(pct, 2016, HYOKA_VALUE_TARGET, "0");
    value(pct, 2016, HYOKA_VALUE_ACTUAL, "100");
    value(pct, 2016, HYOKA_VALUE_FORECAST, "100.0");
    value(pct, 2017, HYOKA_VALUE_STATED_ACHIEVEMENT, "250"); /* achievement may exceed 100 */
    d = D("80");
    OK(hyoka_indicator_set_long_term(pct, &d, 0));
    value(count, 2016, HYOKA_VALUE_TARGET, "1800");
    value(count, 2016, HYOKA_VALUE_ACTUAL, "-1");
    CHECK_NONE(pf);
    value(pct, 2016, HYOKA_VALUE_TARGET, "-0.1");
    value(pct, 2016, HYOKA_VALUE_ACTUAL, "100.01");
    value(pct, 2017, HYOKA_VALUE_TARGET, "50");
    value(pct, 2017, HYOKA_VALUE_FORECAST, "101");
    d = D("120");
    OK(hyoka_indicator_set_long_term(pct, &d, 2020));
    value(wide, 2016, HYOKA_VALUE_TARGET, "50");
    value(wide, 2016, HYOKA_VALUE_ACTUAL, "200");
    CHECK(pf, "I004 W /projects/0/indicators/1/values/0/target", "I004 W /projects/0/indicators/1/values/0/actual",
          "I004 W /projects/0/indicators/1/values/1/forecast", "I004 W /projects/0/indicators/1/long_term_target/value",
          "I004 W /projects/0/indicators/2/values/0/actual");
    hyoka_portfolio_free(pf);
}

static void test_i005(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = NULL, *child = NULL, *grandchild = NULL;
    (void)state;
    OK(hyoka_project_new(&p));
    OK(hyoka_project_set_code(p, "1379", NTS));
    OK(hyoka_project_set_name(p, "情報化安全対策事業", NTS));
    OK(hyoka_portfolio_add_project(pf, p));
    add_indicator(p, HYOKA_KIND_ACTIVITY, "回", HYOKA_UNSET);
    add_indicator(p, HYOKA_KIND_TARGET, "人", HYOKA_UNSET);
    OK(hyoka_project_new(&child));
    OK(hyoka_project_set_code(child, "01", NTS));
    OK(hyoka_project_set_name(child, "細事業", NTS));
    OK(hyoka_project_add_child(p, child));
    OK(hyoka_project_new(&grandchild));
    OK(hyoka_project_set_code(grandchild, "01", NTS));
    OK(hyoka_project_set_name(grandchild, "細々事業", NTS));
    OK(hyoka_project_add_child(child, grandchild));
    CHECK(pf, "I005 W /projects/0", "I005 W /projects/0/children/0", "I005 W /projects/0/children/0/children/0");
    add_indicator(p, HYOKA_KIND_UPPER_OUTCOME, "%", HYOKA_UNSET);
    add_indicator(child, HYOKA_KIND_OUTCOME, "%", HYOKA_UNSET);
    add_indicator(grandchild, HYOKA_KIND_OUTCOME, "%", HYOKA_UNSET);
    CHECK_NONE(pf);
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* E: evaluations                                                            */

static void test_e001(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = clean_project(pf, NULL, "A");
    hyoka_evaluation *jp, *omb, *own, *bad;
    hyoka_scheme *s = NULL;
    size_t crit = 0;
    hyoka_decimal lo = D("1"), hi = D("5");
    (void)state;
    OK(hyoka_scheme_new(&s, "city-3", NTS));
    OK(hyoka_scheme_add_criterion(s, "a/b~c", NTS, "妥当性", NTS, NULL, &crit));
    OK(hyoka_scheme_set_range(s, crit, &lo, &hi));
    OK(hyoka_scheme_add_verdict(s, "keep", NTS, "現状継続", NTS, HYOKA_VERDICT_CONTINUE));
    OK(hyoka_portfolio_add_scheme(pf, s));

    jp = add_evaluation(p, HYOKA_STAGE_PRIMARY, 2007, NULL, "improve", "status_quo"); /* jp-standard */
    OK(hyoka_evaluation_set_answer(jp, "relevance", NTS, "A", NTS));
    OK(hyoka_evaluation_set_answer(jp, "contribution", NTS, "3", NTS));
    omb = add_evaluation(p, HYOKA_STAGE_EXTERNAL, 2007, "us-omb-part", NULL, NULL);
    OK(hyoka_evaluation_set_answer(omb, "results", NTS, "100", NTS));
    OK(hyoka_evaluation_set_answer(omb, "purpose", NTS, "0.5", NTS));
    own = add_evaluation(p, HYOKA_STAGE_SELF, 2007, "city-3", "keep", NULL);
    OK(hyoka_evaluation_set_answer(own, "a/b~c", NTS, "5", NTS));
    CHECK_NONE(pf);

    OK(hyoka_evaluation_set_text(jp, HYOKA_EVAL_VERDICT, "継続", NTS));
    OK(hyoka_evaluation_set_text(jp, HYOKA_EVAL_BUDGET, "more", NTS));
    OK(hyoka_evaluation_set_answer(jp, "relevance", NTS, "D", NTS));
    OK(hyoka_evaluation_set_answer(jp, "impact", NTS, "A", NTS));
    OK(hyoka_evaluation_set_answer(omb, "results", NTS, "100.5", NTS));
    OK(hyoka_evaluation_set_answer(omb, "purpose", NTS, "-1", NTS));
    OK(hyoka_evaluation_set_answer(omb, "planning", NTS, "high", NTS));
    OK(hyoka_evaluation_set_text(omb, HYOKA_EVAL_VERDICT, "effective", NTS)); /* no verdicts in PART */
    OK(hyoka_evaluation_set_answer(own, "a/b~c", NTS, "0", NTS));
    bad = add_evaluation(p, HYOKA_STAGE_COMMITTEE, 2007, "nope", "whatever", "whatever");
    OK(hyoka_evaluation_set_answer(bad, "x", NTS, "y", NTS)); /* not checked without a scheme */
    CHECK(pf, "E001 E /projects/0/evaluations/0/verdict", "E001 E /projects/0/evaluations/0/budget",
          "E001 E /projects/0/evaluations/0/scores/relevance", "E001 E /projects/0/evaluations/0/scores/impact",
          "E001 E /projects/0/evaluations/1/verdict", "E001 E /projects/0/evaluations/1/scores/results",
          "E001 E /projects/0/evaluations/1/scores/purpose", "E001 E /projects/0/evaluations/1/scores/planning",
          "E001 E /projects/0/evaluations/2/scores/a~1b~0c", "E001 E /projects/0/evaluations/3/scheme");
    /* A verdict, a budget direction and a criterion missing from the
     * scheme are told in the same words. */
    {
        hyoka_report *r = run(pf);
        static const char *const en[] = {
            "verdict \"継続\" is not in scheme \"jp-standard\"",
            "budget direction \"more\" is not in scheme \"jp-standard\"",
            "answer \"D\" is not an option of criterion \"relevance\"",
            "criterion \"impact\" is not in scheme \"jp-standard\"",
        };
        static const char *const ja[] = {
            "総合評価「継続」は評価体系「jp-standard」にない",
            "予算の方向性「more」は評価体系「jp-standard」にない",
            "回答「D」は評価項目「relevance」の選択肢にない",
            "評価項目「impact」は評価体系「jp-standard」にない",
        };
        for (size_t i = 0; i < 4; i++) {
            assert_string_equal(hyoka_report_message(r, i, HYOKA_LANG_EN), en[i]);
            assert_string_equal(hyoka_report_message(r, i, HYOKA_LANG_JA), ja[i]);
        }
        hyoka_report_free(r);
    }
    hyoka_portfolio_free(pf);
}

/* Seed 002's evaluations: secondary 現状継続 for 2016, primary and
 * secondary 終了 for 2017, with 437 千円 planned for 2018 and 2019. */
static hyoka_portfolio *end_portfolio(hyoka_project **out)
{
    static const int phases[4] = {HYOKA_PHASE_SETTLED, HYOKA_PHASE_BUDGET, HYOKA_PHASE_PLAN, HYOKA_PHASE_PLAN};
    static const int64_t amounts[4] = {223000, 436000, 437000, 437000};
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = clean_project(pf, NULL, "00832");
    OK(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_THOUSAND_YEN));
    for (int i = 0; i < 4; i++) {
        hyoka_costs *c = add_year(p, 2016 + i, phases[i]);
        set(c, i == 0 ? HYOKA_COST_SETTLEMENT : HYOKA_COST_INITIAL_BUDGET, amounts[i]);
    }
    add_evaluation(p, HYOKA_STAGE_SECONDARY, 2016, NULL, "maintain", NULL);
    add_evaluation(p, HYOKA_STAGE_PRIMARY, 2017, NULL, "end", NULL);
    add_evaluation(p, HYOKA_STAGE_SECONDARY, 2017, NULL, "end", NULL);
    *out = p;
    return pf;
}

static void test_e002(void **state)
{
    hyoka_project *p;
    hyoka_portfolio *pf = end_portfolio(&p);
    hyoka_evaluation *e;
    (void)state;
    /* Only the decisive (secondary) evaluation of 2017 is reported. */
    CHECK(pf, "E002 W /projects/0/evaluations/2/verdict");
    expect_message(pf, "437 thousand yen in fiscal 2018, 437 thousand yen in fiscal 2019",
                   "2018年度 437千円、2019年度 437千円");
    /* A later, equal-stage evaluation decides: the last one counts. */
    e = add_evaluation(p, HYOKA_STAGE_SECONDARY, 2017, NULL, "maintain", NULL);
    CHECK_NONE(pf);
    OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_VERDICT, "abolish", NTS));
    CHECK(pf, "E002 W /projects/0/evaluations/3/verdict");
    /* A higher stage decides, wherever it stands. */
    OK(hyoka_project_remove_evaluation(p, 3));
    e = add_evaluation(p, HYOKA_STAGE_COMMITTEE, 2017, NULL, "expand", NULL);
    CHECK_NONE(pf);
    OK(hyoka_project_remove_evaluation(p, 3));
    /* Settled, zero and earlier years plan nothing. */
    OK(hyoka_costs_set_phase(hyoka_project_year_at(p, 2), HYOKA_PHASE_SETTLED));
    OK(hyoka_costs_set(hyoka_project_year_at(p, 3), HYOKA_COST_INITIAL_BUDGET, 0));
    CHECK_NONE(pf);
    OK(hyoka_costs_set(hyoka_project_year_at(p, 3), HYOKA_COST_FINAL_BUDGET, 1000));
    CHECK(pf, "E002 W /projects/0/evaluations/2/verdict");
    expect_message(pf, "1 thousand yen in fiscal 2019", "2019年度 1千円");
    hyoka_portfolio_free(pf);
}

static void test_e003(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = clean_project(pf, NULL, "A");
    (void)state;
    add_evaluation(p, HYOKA_STAGE_PRIMARY, 2007, NULL, "improve", "status_quo");
    add_evaluation(p, HYOKA_STAGE_PRIMARY, 2008, NULL, "reduce", "decrease");
    add_evaluation(p, HYOKA_STAGE_PRIMARY, 2009, NULL, "abolish", "end");
    add_evaluation(p, HYOKA_STAGE_PRIMARY, 2010, NULL, "complete", "decrease");
    add_evaluation(p, HYOKA_STAGE_PRIMARY, 2011, NULL, "end", NULL);
    add_evaluation(p, HYOKA_STAGE_PRIMARY, 2012, NULL, NULL, "end");
    CHECK_NONE(pf);
    add_evaluation(p, HYOKA_STAGE_PRIMARY, 2013, NULL, "end", "status_quo");
    add_evaluation(p, HYOKA_STAGE_PRIMARY, 2014, NULL, "suspend", "increase");
    add_evaluation(p, HYOKA_STAGE_PRIMARY, 2015, NULL, "maintain", "end");
    CHECK(pf, "E003 W /projects/0/evaluations/6/budget", "E003 W /projects/0/evaluations/7/budget",
          "E003 W /projects/0/evaluations/8/budget");
    hyoka_portfolio_free(pf);
}

static void test_e004(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = clean_project(pf, NULL, "A");
    hyoka_evaluation *primary, *secondary, *other;
    (void)state;
    primary = add_evaluation(p, HYOKA_STAGE_PRIMARY, 2007, NULL, "improve", NULL);
    secondary = add_evaluation(p, HYOKA_STAGE_SECONDARY, 2007, NULL, "improve", NULL);
    other = add_evaluation(p, HYOKA_STAGE_SECONDARY, 2008, NULL, "improve", NULL);
    OK(hyoka_evaluation_set_date(primary, 20080515));
    OK(hyoka_evaluation_set_date(other, 20070101)); /* another fiscal year */
    CHECK_NONE(pf);                                 /* the secondary is undated */
    OK(hyoka_evaluation_set_date(secondary, 20080515));
    CHECK_NONE(pf); /* the same day */
    OK(hyoka_evaluation_set_date(secondary, 20080500)); /* May 2008: not known to be before */
    CHECK_NONE(pf);
    OK(hyoka_evaluation_set_date(secondary, 20080514));
    CHECK(pf, "E004 W /projects/0/evaluations/1/date");
    expect_message(pf, "dated 2008-05-14, before the primary evaluation (2008-05-15)", "2008-05-14");
    OK(hyoka_evaluation_set_date(secondary, 20080400));
    CHECK(pf, "E004 W /projects/0/evaluations/1/date");
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Whole-report properties                                                   */

/* A portfolio with problems of every kind, in two projects and a child. */
static hyoka_portfolio *messy_portfolio(void)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *a = clean_project(pf, NULL, "A");
    hyoka_project *b = clean_project(pf, NULL, "A");
    hyoka_project *child;
    hyoka_costs *c;
    hyoka_indicator *ind;
    hyoka_evaluation *e;

    OK(hyoka_portfolio_set_denominator(pf, 2006, HYOKA_COST_POPULATION, 1000));
    OK(hyoka_project_set_name(a, NULL, 0));
    OK(hyoka_project_set_period_years(a, 2008, 2007));
    c = add_year(a, 2007, HYOKA_PHASE_SETTLED);
    set(c, HYOKA_COST_FINAL_BUDGET, 100);
    set(c, HYOKA_COST_SETTLEMENT, 200);
    set(c, HYOKA_COST_GENERAL, -1);
    staff_line(c, "1", 1000, NULL, -1, 999);
    stated(c, HYOKA_FIG_TOTAL_COST, "1", HYOKA_UNIT_YEN);
    stated(c, HYOKA_FIG_PERSONNEL_SHARE, "1.0", HYOKA_UNIT_YEN);
    add_year(a, 2007, HYOKA_PHASE_PLAN);
    ind = hyoka_project_indicator_at(a, 0);
    value(ind, 2007, HYOKA_VALUE_TARGET, "80");
    value(ind, 2007, HYOKA_VALUE_ACTUAL, "20");
    value(ind, 2007, HYOKA_VALUE_STATED_ACHIEVEMENT, "20.0");
    ind = add_indicator(a, HYOKA_KIND_ACTIVITY, NULL, HYOKA_UNSET);
    value(ind, 2007, HYOKA_VALUE_ACTUAL, "1");
    e = add_evaluation(a, HYOKA_STAGE_PRIMARY, 2007, NULL, "end", "increase");
    OK(hyoka_evaluation_set_date(e, 20080601));
    e = add_evaluation(a, HYOKA_STAGE_SECONDARY, 2007, NULL, "bogus", NULL);
    OK(hyoka_evaluation_set_date(e, 20080501));
    child = clean_project(pf, a, NULL);
    OK(hyoka_project_remove_indicator(child, 0));
    c = add_year(child, 2007, HYOKA_PHASE_SETTLED);
    set(c, HYOKA_COST_SETTLEMENT, -5);
    OK(hyoka_project_set_period_years(b, 2000, 2001));
    add_year(b, 2002, HYOKA_PHASE_PLAN);
    return pf;
}

static void test_document_order(void **state)
{
    hyoka_portfolio *pf = messy_portfolio();
    hyoka_report *r = NULL;
    (void)state;
    OK(hyoka_report_new(&r));
    /* Validation appends to what the report already holds. */
    OK(hyoka_report_add(r, "X001", HYOKA_SEVERITY_INFO, "", "before", "前"));
    OK(hyoka_validate(pf, r));
    assert_string_equal(hyoka_report_code(r, 0), "X001");
    assert_int_equal(hyoka_report_count(r), 27);
    hyoka_report_free(r);

    CHECK(pf,
          /* project 0: the name, the period */
          "P001 E /projects/0/name", "P002 E /projects/0/end_fiscal_year",
          /* year 0: population, period, settlement above budget, funding, staff, stated */
          "C007 I /projects/0/years/0", "P004 W /projects/0/years/0/fiscal_year",
          "C006 W /projects/0/years/0/settlement",
          "C001 E /projects/0/years/0/funding", "C002 E /projects/0/years/0/funding/general",
          "C003 W /projects/0/years/0/staff/0", "C004 E /projects/0/years/0/stated/total_cost",
          "C005 W /projects/0/years/0/stated/personnel_share",
          /* year 1: population, period, same fiscal year */
          "C007 I /projects/0/years/1", "P004 W /projects/0/years/1/fiscal_year",
          "C008 E /projects/0/years/1/fiscal_year",
          /* indicators */
          "I003 W /projects/0/indicators/0/values/0/stated_achievement", "I001 W /projects/0/indicators/1/unit",
          "I002 W /projects/0/indicators/1/values/0",
          /* evaluations: the primary's ending verdict is not decisive */
          "E003 W /projects/0/evaluations/0/budget", "E004 W /projects/0/evaluations/1/date",
          "E001 E /projects/0/evaluations/1/verdict",
          /* the child */
          "I005 W /projects/0/children/0", "P001 E /projects/0/children/0/code",
          "C007 I /projects/0/children/0/years/0",
          "C002 E /projects/0/children/0/years/0/settlement",
          /* project 1 */
          "P003 E /projects/1/code", "C007 I /projects/1/years/0", "P004 W /projects/1/years/0/fiscal_year");
    hyoka_portfolio_free(pf);
}

static void test_messages(void **state)
{
    hyoka_portfolio *pf = messy_portfolio();
    hyoka_report *r = run(pf);
    (void)state;
    check_diagnostics(r);
    for (size_t i = 0; i < hyoka_report_count(r); i++) {
        const char *en = hyoka_report_message(r, i, HYOKA_LANG_EN);
        const char *ja = hyoka_report_message(r, i, HYOKA_LANG_JA);
        int has_non_ascii = 0;
        for (const char *s = ja; *s; s++)
            if ((unsigned char)*s >= 0x80)
                has_non_ascii = 1;
        assert_true(has_non_ascii); /* a Japanese message, not the English one */
        assert_string_not_equal(en, ja);
    }
    hyoka_report_free(r);

    /* A user string in a message is cut on a character boundary. */
    {
        char verdict[3 * 400 + 1];
        hyoka_project *p;
        hyoka_portfolio *pf2 = new_portfolio();
        p = clean_project(pf2, NULL, "A");
        for (int i = 0; i < 400; i++)
            memcpy(verdict + 3 * i, "終", 3);
        verdict[3 * 400] = '\0';
        add_evaluation(p, HYOKA_STAGE_PRIMARY, 2007, NULL, verdict, NULL);
        r = run(pf2);
        check_diagnostics(r);
        assert_int_equal(hyoka_report_count(r), 1);
        assert_true(strlen(hyoka_report_message(r, 0, HYOKA_LANG_EN)) < 400);
        hyoka_report_free(r);
        hyoka_portfolio_free(pf2);
    }
    hyoka_portfolio_free(pf);
}

static void test_no_change(void **state)
{
    hyoka_portfolio *pf = messy_portfolio();
    hyoka_portfolio *copy = NULL;
    hyoka_report *r;
    (void)state;
    OK(hyoka_portfolio_copy(pf, &copy));
    r = run(pf);
    assert_true(hyoka_portfolio_equal(pf, copy));
    hyoka_report_free(r);
    /* Validating twice gives the same report. */
    {
        hyoka_report *r1 = run(pf), *r2 = run(copy);
        assert_int_equal(hyoka_report_count(r1), hyoka_report_count(r2));
        for (size_t i = 0; i < hyoka_report_count(r1); i++) {
            assert_string_equal(hyoka_report_code(r1, i), hyoka_report_code(r2, i));
            assert_string_equal(hyoka_report_path(r1, i), hyoka_report_path(r2, i));
            assert_string_equal(hyoka_report_message(r1, i, HYOKA_LANG_EN),
                                hyoka_report_message(r2, i, HYOKA_LANG_EN));
        }
        hyoka_report_free(r1);
        hyoka_report_free(r2);
    }
    hyoka_portfolio_free(copy);
    hyoka_portfolio_free(pf);
}

static void test_last_error_kept(void **state)
{
    hyoka_portfolio *pf = messy_portfolio();
    hyoka_report *r = NULL;
    char before[512];
    (void)state;
    OK(hyoka_report_new(&r));
    hyoka_error_clear();
    OK(hyoka_validate(pf, r));
    assert_int_equal(hyoka_error_last_code(), HYOKA_OK);
    assert_string_equal(hyoka_error_last(), "");
    assert_int_equal(hyoka_portfolio_new(NULL), HYOKA_EINVAL);
    snprintf(before, sizeof before, "%s", hyoka_error_last());
    OK(hyoka_validate(pf, r));
    assert_int_equal(hyoka_error_last_code(), HYOKA_EINVAL);
    assert_string_equal(hyoka_error_last(), before);
    hyoka_report_free(r);
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Allocation failures                                                       */

static int validate_body(void *ctx)
{
    const hyoka_portfolio *pf = ctx;
    hyoka_report *r = NULL;
    size_t expected = 26, count;
    int rc = hyoka_report_new(&r);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka_validate(pf, r);
    count = hyoka_report_count(r);
    if (rc == HYOKA_OK) {
        assert_int_equal(count, expected);
    } else {
        /* What was added before the failure is a prefix of the report. */
        assert_int_equal(rc, HYOKA_ENOMEM);
        assert_true(count < expected);
        assert_int_equal(hyoka_error_last_code(), HYOKA_ENOMEM);
    }
    for (size_t i = 0; i < count; i++)
        assert_non_null(hyoka_report_message(r, i, HYOKA_LANG_JA));
    hyoka_report_free(r);
    return rc;
}

static void test_allocation_failures(void **state)
{
    hyoka_portfolio *pf = messy_portfolio();
    long allocations;
    (void)state;
    /* The portfolio is made with the C library's allocator before the sweep
     * installs its own; failalloc frees only what it allocated. */
    allocations = failalloc_sweep(validate_body, pf);
    assert_true(allocations > 26);
    hyoka_portfolio_free(pf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_clean),
        cmocka_unit_test(test_p001),
        cmocka_unit_test(test_p002),
        cmocka_unit_test(test_p003),
        cmocka_unit_test(test_p004),
        cmocka_unit_test(test_c001),
        cmocka_unit_test(test_c002),
        cmocka_unit_test(test_c003_staff),
        cmocka_unit_test(test_c003_stated_personnel),
        cmocka_unit_test(test_c004),
        cmocka_unit_test(test_c005),
        cmocka_unit_test(test_c005_per_head_and_rates),
        cmocka_unit_test(test_tolerance),
        cmocka_unit_test(test_stated_large_amounts),
        cmocka_unit_test(test_c006),
        cmocka_unit_test(test_c007),
        cmocka_unit_test(test_c008),
        cmocka_unit_test(test_c009),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_i001),
        cmocka_unit_test(test_i002),
        cmocka_unit_test(test_i003),
        cmocka_unit_test(test_i004),
        cmocka_unit_test(test_i005),
        cmocka_unit_test(test_e001),
        cmocka_unit_test(test_e002),
        cmocka_unit_test(test_e003),
        cmocka_unit_test(test_e004),
        cmocka_unit_test(test_document_order),
        cmocka_unit_test(test_messages),
        cmocka_unit_test(test_no_change),
        cmocka_unit_test(test_last_error_kept),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
