/* Unit tests of figures.h: every figure of docs/guide.md (Figures) with each reason it
 * can be unavailable, rounding overrides, exactness (the printed figures of
 * the seed sheets), overflow, scores and ratings, roll-ups and rankings,
 * through the public API only. */
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

#include "failalloc.h"

#define REASONS (HYOKA_REASON_OVERFLOW + 1)
#define BIG (INT64_MAX / 2 + 1)

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

#define OK(call) ok_((call), #call, __LINE__)

static void ok_(int rc, const char *what, int line)
{
    if (rc != HYOKA_OK)
        fail_msg("line %d: %s: %s (%s)", line, what, hyoka_status_name(rc), hyoka_error_last());
}

static hyoka_decimal dec(const char *text)
{
    hyoka_decimal d = {{0, 0}};
    if (hyoka_decimal_parse(text, HYOKA_NTS, &d) != HYOKA_OK)
        fail_msg("parse(%s): %s", text, hyoka_error_last());
    return d;
}

static const char *show(const hyoka_decimal *d, char *buf)
{
    if (hyoka_decimal_format(d, 0, buf, HYOKA_DECIMAL_STRING_MAX, NULL) != HYOKA_OK)
        fail_msg("format: %s", hyoka_error_last());
    return buf;
}

/* A value that a failing call must leave untouched. */
static hyoka_decimal sentinel(void)
{
    hyoka_decimal d = {{0, 0}};
    assert_int_equal(hyoka_decimal_from_parts(424242, 3, &d), HYOKA_OK);
    return d;
}

/* ---- checks of one figure ------------------------------------------------ */

static void fig_(const hyoka_costs *c, int figure, const char *want, int line)
{
    char buf[HYOKA_DECIMAL_STRING_MAX];
    hyoka_decimal d = sentinel();
    int reason = -7;
    int rc = hyoka_costs_figure(c, figure, &d, &reason);

    if (rc != HYOKA_OK)
        fail_msg("line %d: %s of %d: %s (%s)", line, hyoka_enum_name(HYOKA_ENUM_FIGURE, figure),
                 (int)hyoka_costs_fiscal_year(c), hyoka_status_name(rc), hyoka_error_last());
    if (reason != HYOKA_REASON_NONE)
        fail_msg("line %d: reason %d on success", line, reason);
    if (strcmp(show(&d, buf), want) != 0)
        fail_msg("line %d: %s of %d is %s, want %s", line, hyoka_enum_name(HYOKA_ENUM_FIGURE, figure),
                 (int)hyoka_costs_fiscal_year(c), buf, want);
}
#define FIG(c, f, want) fig_((c), (f), (want), __LINE__)

static void unavail_(const hyoka_costs *c, int figure, int want, int line)
{
    hyoka_decimal d = sentinel(), s = sentinel();
    int reason = -7;
    int rc;

    hyoka_error_clear();
    rc = hyoka_costs_figure(c, figure, &d, &reason);
    if (rc != HYOKA_EUNAVAILABLE)
        fail_msg("line %d: figure %d: %s, want HYOKA_EUNAVAILABLE (%s)", line, figure, hyoka_status_name(rc),
                 hyoka_error_last());
    if (reason != want)
        fail_msg("line %d: figure %d: reason %s, want %s", line, figure, hyoka_reason_name(reason),
                 hyoka_reason_name(want));
    assert_int_equal(hyoka_error_last_code(), HYOKA_EUNAVAILABLE);
    assert_true(hyoka_error_last()[0] != '\0');
    assert_true(hyoka_decimal_identical(&d, &s));
    /* reason may be NULL */
    assert_int_equal(hyoka_costs_figure(c, figure, &d, NULL), HYOKA_EUNAVAILABLE);
}
#define UNAVAIL(c, f, why) unavail_((c), (f), (why), __LINE__)

static void ind_(const hyoka_indicator *ind, int32_t fy, int figure, const char *want, int line)
{
    char buf[HYOKA_DECIMAL_STRING_MAX];
    hyoka_decimal d = sentinel();
    int reason = -7;
    int rc = hyoka_indicator_figure(ind, fy, figure, &d, &reason);

    if (rc != HYOKA_OK)
        fail_msg("line %d: indicator figure %d of %d: %s (%s)", line, figure, (int)fy, hyoka_status_name(rc),
                 hyoka_error_last());
    assert_int_equal(reason, HYOKA_REASON_NONE);
    if (strcmp(show(&d, buf), want) != 0)
        fail_msg("line %d: indicator figure %d of %d is %s, want %s", line, figure, (int)fy, buf, want);
}
#define IND(i, fy, f, want) ind_((i), (fy), (f), (want), __LINE__)

static void ind_unavail_(const hyoka_indicator *ind, int32_t fy, int figure, int want, int line)
{
    hyoka_decimal d = sentinel(), s = sentinel();
    int reason = -7;
    int rc;

    hyoka_error_clear();
    rc = hyoka_indicator_figure(ind, fy, figure, &d, &reason);
    if (rc != HYOKA_EUNAVAILABLE || reason != want)
        fail_msg("line %d: indicator figure %d of %d: %s reason %s, want reason %s", line, figure, (int)fy,
                 hyoka_status_name(rc), hyoka_reason_name(reason), hyoka_reason_name(want));
    assert_int_equal(hyoka_error_last_code(), HYOKA_EUNAVAILABLE);
    assert_true(hyoka_error_last()[0] != '\0');
    assert_true(hyoka_decimal_identical(&d, &s));
}
#define IND_UNAVAIL(i, fy, f, why) ind_unavail_((i), (fy), (f), (why), __LINE__)

static void score_(const hyoka_evaluation *e, const char *want, const char *band, int line)
{
    char buf[HYOKA_DECIMAL_STRING_MAX];
    hyoka_decimal d = sentinel();
    const char *code = NULL, *label = NULL;
    int reason = -7;
    int rc = hyoka_evaluation_score(e, &d, &reason);

    if (want) {
        if (rc != HYOKA_OK)
            fail_msg("line %d: score: %s (%s)", line, hyoka_status_name(rc), hyoka_error_last());
        assert_int_equal(reason, HYOKA_REASON_NONE);
        if (strcmp(show(&d, buf), want) != 0)
            fail_msg("line %d: score %s, want %s", line, buf, want);
    }
    if (band) {
        reason = -7;
        rc = hyoka_evaluation_rating(e, &code, &label, &reason);
        if (rc != HYOKA_OK)
            fail_msg("line %d: rating: %s (%s)", line, hyoka_status_name(rc), hyoka_error_last());
        assert_int_equal(reason, HYOKA_REASON_NONE);
        assert_non_null(label);
        if (strcmp(code, band) != 0)
            fail_msg("line %d: rating %s, want %s", line, code, band);
    }
}
#define SCORE(e, want, band) score_((e), (want), (band), __LINE__)

static void score_unavail_(const hyoka_evaluation *e, int want, int line)
{
    hyoka_decimal d = sentinel(), s = sentinel();
    int reason = -7;
    int rc;

    hyoka_error_clear();
    rc = hyoka_evaluation_score(e, &d, &reason);
    if (rc != HYOKA_EUNAVAILABLE || reason != want)
        fail_msg("line %d: score: %s reason %s, want reason %s", line, hyoka_status_name(rc),
                 hyoka_reason_name(reason), hyoka_reason_name(want));
    assert_int_equal(hyoka_error_last_code(), HYOKA_EUNAVAILABLE);
    assert_true(hyoka_decimal_identical(&d, &s));
}
#define SCORE_UNAVAIL(e, why) score_unavail_((e), (why), __LINE__)

static void rating_unavail_(const hyoka_evaluation *e, int want, int line)
{
    const char *code = "untouched", *label = "untouched";
    int reason = -7;
    int rc;

    hyoka_error_clear();
    rc = hyoka_evaluation_rating(e, &code, &label, &reason);
    if (rc != HYOKA_EUNAVAILABLE || reason != want)
        fail_msg("line %d: rating: %s reason %s, want reason %s", line, hyoka_status_name(rc),
                 hyoka_reason_name(reason), hyoka_reason_name(want));
    assert_int_equal(hyoka_error_last_code(), HYOKA_EUNAVAILABLE);
    assert_string_equal(code, "untouched");
    assert_string_equal(label, "untouched");
}
#define RATING_UNAVAIL(e, why) rating_unavail_((e), (why), __LINE__)

static int64_t money(const hyoka_costs *c, int figure)
{
    hyoka_decimal d = sentinel();
    int64_t v = 0;
    OK(hyoka_costs_figure(c, figure, &d, NULL));
    assert_int_equal(hyoka_decimal_scale(&d), 0);
    OK(hyoka_decimal_to_int(&d, HYOKA_ROUND_DOWN, &v));
    return v;
}

/* ---- builders ------------------------------------------------------------ */

static hyoka_costs *year(hyoka_project *p, int32_t fy, int phase)
{
    hyoka_costs *c = NULL;
    OK(hyoka_project_add_year(p, fy, &c));
    OK(hyoka_costs_set_phase(c, phase));
    return c;
}

static void set(hyoka_costs *c, int field, int64_t v)
{
    OK(hyoka_costs_set(c, field, v));
}

static hyoka_staff *staff(hyoka_costs *c, int category, const char *fte, int64_t unit_cost, int64_t amount)
{
    hyoka_staff *s = NULL;
    OK(hyoka_costs_add_staff(c, category, &s));
    if (fte) {
        hyoka_decimal d = dec(fte);
        OK(hyoka_staff_set_decimal(s, HYOKA_STAFF_FTE, &d));
    }
    if (unit_cost >= 0)
        OK(hyoka_staff_set_amount(s, HYOKA_STAFF_UNIT_COST, unit_cost));
    if (amount >= 0)
        OK(hyoka_staff_set_amount(s, HYOKA_STAFF_AMOUNT, amount));
    return s;
}

static void value(hyoka_indicator *ind, int32_t fy, int field, const char *v)
{
    hyoka_decimal d = dec(v);
    OK(hyoka_indicator_set_value(ind, fy, field, &d));
}

static hyoka_project *new_project(const char *code)
{
    hyoka_project *p = NULL;
    OK(hyoka_project_new(&p));
    OK(hyoka_project_set_code(p, code, HYOKA_NTS));
    return p;
}

static hyoka_portfolio *new_portfolio(void)
{
    hyoka_portfolio *pf = NULL;
    OK(hyoka_portfolio_new(&pf));
    return pf;
}

/* Seed 001 (所沢市, 情報セキュリティ対策推進事業): 平成18・19年度. */
static hyoka_project *seed001(hyoka_portfolio *pf)
{
    hyoka_project *p = new_project("010802");
    hyoka_indicator *ind = NULL;
    hyoka_costs *c;

    OK(hyoka_portfolio_set_denominator(pf, 2006, HYOKA_COST_POPULATION, 338000));
    OK(hyoka_portfolio_set_denominator(pf, 2007, HYOKA_COST_POPULATION, 339300));

    c = year(p, 2006, HYOKA_PHASE_SETTLED);
    set(c, HYOKA_COST_INITIAL_BUDGET, 0);
    set(c, HYOKA_COST_SETTLEMENT, 0);
    set(c, HYOKA_COST_GENERAL, 12236000);
    set(c, HYOKA_COST_USAGE, 166);
    staff(c, HYOKA_CATEGORY_REGULAR, "1.33", -1, 12236000);

    c = year(p, 2007, HYOKA_PHASE_SETTLED);
    set(c, HYOKA_COST_INITIAL_BUDGET, 0);
    set(c, HYOKA_COST_SETTLEMENT, 0);
    set(c, HYOKA_COST_GENERAL, 16627000);
    set(c, HYOKA_COST_USAGE, 1054);
    staff(c, HYOKA_CATEGORY_REGULAR, "1.77", -1, 16627000);

    OK(hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &ind));
    OK(hyoka_indicator_set_direction(ind, HYOKA_DIRECTION_INCREASE));
    value(ind, 2006, HYOKA_VALUE_TARGET, "10");
    value(ind, 2006, HYOKA_VALUE_ACTUAL, "9");
    value(ind, 2007, HYOKA_VALUE_TARGET, "60");
    value(ind, 2007, HYOKA_VALUE_ACTUAL, "59");
    value(ind, 2008, HYOKA_VALUE_TARGET, "80");

    OK(hyoka_portfolio_add_project(pf, p));
    return p;
}

/* Seed 002 (個人情報セキュリティ対策事業): 平成28〜31年度, no portfolio. */
static hyoka_project *seed002(void)
{
    static const int64_t expense[4] = {223000, 436000, 437000, 437000};
    hyoka_project *p = new_project("00832");
    hyoka_indicator *ind = NULL;

    for (int i = 0; i < 4; i++) {
        hyoka_costs *c = year(p, 2016 + i, i < 2 ? HYOKA_PHASE_SETTLED : HYOKA_PHASE_PLAN);
        set(c, i < 2 ? HYOKA_COST_SETTLEMENT : HYOKA_COST_INITIAL_BUDGET, expense[i]);
        for (int f = HYOKA_COST_NATIONAL; f <= HYOKA_COST_OTHER; f++)
            set(c, f, 0);
        set(c, HYOKA_COST_GENERAL, expense[i]);
        staff(c, HYOKA_CATEGORY_REGULAR, "0.30", 8400000, -1);
        staff(c, HYOKA_CATEGORY_REAPPOINTED, "0.00", 4500000, -1);
    }
    /* ①開示請求数等: 設定困難, actual 19 */
    OK(hyoka_project_add_indicator(p, HYOKA_KIND_ACTIVITY, &ind));
    OK(hyoka_indicator_set_not_settable(ind, 1));
    value(ind, 2016, HYOKA_VALUE_ACTUAL, "19");
    /* ③情報セキュリティ研修受講者数: 90 / 87 */
    OK(hyoka_project_add_indicator(p, HYOKA_KIND_ACTIVITY, &ind));
    OK(hyoka_indicator_set_direction(ind, HYOKA_DIRECTION_INCREASE));
    value(ind, 2016, HYOKA_VALUE_TARGET, "90");
    value(ind, 2016, HYOKA_VALUE_ACTUAL, "87");
    /* 成果指標 ①市民一人当たりの負担額 (lower is better): 53.6 / 46.5 */
    OK(hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &ind));
    OK(hyoka_indicator_set_direction(ind, HYOKA_DIRECTION_DECREASE));
    value(ind, 2016, HYOKA_VALUE_TARGET, "53.6");
    value(ind, 2016, HYOKA_VALUE_ACTUAL, "46.5");
    value(ind, 2017, HYOKA_VALUE_TARGET, "50.1");
    return p;
}

/* Seed 003 (情報化安全対策事業, 平成24年度) with its sub-project. */
static hyoka_project *seed003_costs(hyoka_project *p)
{
    hyoka_costs *c = year(p, 2012, HYOKA_PHASE_SETTLED);
    set(c, HYOKA_COST_SETTLEMENT, 5917000);
    set(c, HYOKA_COST_GENERAL, 5917000);
    set(c, HYOKA_COST_NATIONAL, 0);
    set(c, HYOKA_COST_BONDS, 0);
    set(c, HYOKA_COST_OTHER, 0);
    set(c, HYOKA_COST_DEBT_SERVICE, 0);
    staff(c, HYOKA_CATEGORY_REGULAR, "0.60", -1, 4761000);
    staff(c, HYOKA_CATEGORY_REAPPOINTED, "0.00", -1, -1);
    return p;
}

/* Seed 004 (真岡市セキュリティポリシー遵守運用事業): 28〜32年度. */
static hyoka_project *seed004(void)
{
    static const int64_t expense[5] = {243000, 243000, 243000, 358000, 495000};
    static const int64_t personnel[5] = {914000, 913000, 917000, 1213000, 889000};
    static const char *const hours[5] = {"220", "220", "220", "300", "220"};
    static const char *const trainings[5] = {"2", "5", "3", "4", "4"};
    hyoka_project *p = new_project("moka");
    hyoka_indicator *act = NULL, *out = NULL;

    OK(hyoka_project_add_indicator(p, HYOKA_KIND_ACTIVITY, &act));
    OK(hyoka_indicator_set_direction(act, HYOKA_DIRECTION_INCREASE));
    OK(hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &out));
    OK(hyoka_indicator_set_direction(out, HYOKA_DIRECTION_MAINTAIN));
    for (int i = 0; i < 5; i++) {
        hyoka_costs *c = year(p, 2016 + i, i < 4 ? HYOKA_PHASE_SETTLED : HYOKA_PHASE_FORECAST);
        hyoka_staff *s = staff(c, HYOKA_CATEGORY_REGULAR, NULL, -1, personnel[i]);
        hyoka_decimal h = dec(hours[i]), four = dec("4");
        OK(hyoka_staff_set_decimal(s, HYOKA_STAFF_HOURS, &h));
        OK(hyoka_staff_set_decimal(s, HYOKA_STAFF_HEADCOUNT, &four));
        set(c, i < 4 ? HYOKA_COST_SETTLEMENT : HYOKA_COST_FINAL_BUDGET, expense[i]);
        for (int f = HYOKA_COST_NATIONAL; f <= HYOKA_COST_OTHER; f++)
            set(c, f, 0);
        set(c, HYOKA_COST_GENERAL, expense[i]);
        value(act, 2016 + i, i < 4 ? HYOKA_VALUE_ACTUAL : HYOKA_VALUE_FORECAST, trainings[i]);
        value(out, 2016 + i, i < 4 ? HYOKA_VALUE_ACTUAL : HYOKA_VALUE_FORECAST, "100");
    }
    return p;
}

/* ---- reasons ------------------------------------------------------------- */

static void test_reason_names(void **state)
{
    static const char *const names[REASONS] = {
        "none", "no_expense", "no_population", "no_households", "no_usage", "no_beneficiaries",
        "zero_denominator", "no_final_budget", "no_settlement", "no_previous_year", "no_general_revenue",
        "no_target", "target_zero", "no_actual", "not_settable", "no_direction", "actual_zero", "no_scheme",
        "no_scores", "zero_weight", "no_bands", "not_a_figure", "no_year", "bad_answer", "no_appropriation",
        "no_execution", "no_carried_out", "no_total", "no_contracts", "overflow",
    };
    (void)state;

    for (int r = 0; r < REASONS; r++) {
        assert_non_null(hyoka_reason_name(r));
        assert_string_equal(hyoka_reason_name(r), names[r]);
        for (int lang = HYOKA_LANG_EN; lang <= HYOKA_LANG_JA; lang++) {
            const char *m = hyoka_reason_message(r, lang);
            assert_non_null(m);
            assert_true(strlen(m) > 0);
            for (int q = 0; q < r; q++)
                assert_string_not_equal(m, hyoka_reason_message(q, lang));
        }
        assert_string_not_equal(hyoka_reason_message(r, HYOKA_LANG_EN), hyoka_reason_message(r, HYOKA_LANG_JA));
    }
    assert_string_equal(hyoka_reason_message(HYOKA_REASON_NO_POPULATION, HYOKA_LANG_EN),
                        "no population for the fiscal year");
    assert_string_equal(hyoka_reason_message(HYOKA_REASON_NO_POPULATION, HYOKA_LANG_JA), "当該年度の人口がない");
    assert_null(hyoka_reason_name(-1));
    assert_null(hyoka_reason_name(REASONS));
    assert_null(hyoka_reason_message(REASONS, HYOKA_LANG_EN));
    assert_null(hyoka_reason_message(-1, HYOKA_LANG_JA));
    assert_null(hyoka_reason_message(HYOKA_REASON_NONE, 2));
    assert_null(hyoka_reason_message(HYOKA_REASON_NONE, -1));
}

/* ---- money figures -------------------------------------------------------- */

static void test_expense(void **state)
{
    hyoka_project *p = new_project("x");
    hyoka_costs *c;
    (void)state;

    /* settled: the settlement */
    c = year(p, 2001, HYOKA_PHASE_SETTLED);
    set(c, HYOKA_COST_INITIAL_BUDGET, 100);
    set(c, HYOKA_COST_FINAL_BUDGET, 200);
    set(c, HYOKA_COST_SETTLEMENT, 150);
    FIG(c, HYOKA_FIG_EXPENSE, "150");
    /* settled without a settlement: the final budget, then the initial */
    OK(hyoka_costs_clear(c, HYOKA_COST_SETTLEMENT));
    FIG(c, HYOKA_FIG_EXPENSE, "200");
    OK(hyoka_costs_clear(c, HYOKA_COST_FINAL_BUDGET));
    FIG(c, HYOKA_FIG_EXPENSE, "100");

    /* no phase: the settlement when given */
    c = year(p, 2002, HYOKA_UNSET);
    set(c, HYOKA_COST_FINAL_BUDGET, 200);
    set(c, HYOKA_COST_SETTLEMENT, 180);
    FIG(c, HYOKA_FIG_EXPENSE, "180");

    /* budget, forecast, plan: the final budget, else the initial budget */
    c = year(p, 2003, HYOKA_PHASE_BUDGET);
    set(c, HYOKA_COST_INITIAL_BUDGET, 100);
    set(c, HYOKA_COST_FINAL_BUDGET, 200);
    set(c, HYOKA_COST_SETTLEMENT, 190);
    FIG(c, HYOKA_FIG_EXPENSE, "200");
    OK(hyoka_costs_set_phase(c, HYOKA_PHASE_FORECAST));
    OK(hyoka_costs_clear(c, HYOKA_COST_FINAL_BUDGET));
    FIG(c, HYOKA_FIG_EXPENSE, "100");
    /* ... and the settlement when that is all there is */
    OK(hyoka_costs_set_phase(c, HYOKA_PHASE_PLAN));
    OK(hyoka_costs_clear(c, HYOKA_COST_INITIAL_BUDGET));
    FIG(c, HYOKA_FIG_EXPENSE, "190");

    /* 0 is a figure; nothing is not */
    c = year(p, 2004, HYOKA_PHASE_SETTLED);
    UNAVAIL(c, HYOKA_FIG_EXPENSE, HYOKA_REASON_NO_EXPENSE);
    set(c, HYOKA_COST_SETTLEMENT, 0);
    FIG(c, HYOKA_FIG_EXPENSE, "0");
    hyoka_project_free(p);
}

/* The message of an unavailable figure names the call, the figure, the
 * fiscal year and the reason; it is the thread's last error until the next
 * failure or hyoka_error_clear(), however often it is read. */
static void test_unavailable_messages(void **state)
{
    hyoka_project *p = new_project("x");
    hyoka_costs *c = year(p, 2019, HYOKA_PHASE_SETTLED);
    hyoka_staff *s = NULL;
    hyoka_evaluation *e = NULL;
    hyoka_decimal d;
    int64_t v;
    const char *code = NULL;
    const char *m;
    (void)state;

    set(c, HYOKA_COST_SETTLEMENT, 1000);
    hyoka_error_clear();
    assert_int_equal(hyoka_costs_figure(c, HYOKA_FIG_PER_CAPITA, &d, NULL), HYOKA_EUNAVAILABLE);
    assert_int_equal(hyoka_error_last_code(), HYOKA_EUNAVAILABLE);
    m = hyoka_error_last();
    assert_string_equal(m, "hyoka_costs_figure: per_capita of fiscal year 2019 is unavailable: "
                           "no population for the fiscal year");
    /* read again: the same text */
    assert_string_equal(hyoka_error_last(), "hyoka_costs_figure: per_capita of fiscal year 2019 is unavailable: "
                                            "no population for the fiscal year");

    /* a later unavailable figure replaces it, even unread */
    assert_int_equal(hyoka_costs_figure(c, HYOKA_FIG_UNIT_COST, &d, NULL), HYOKA_EUNAVAILABLE);
    assert_int_equal(hyoka_costs_figure(c, HYOKA_FIG_EXECUTION_RATE, &d, NULL), HYOKA_EUNAVAILABLE);
    assert_string_equal(hyoka_error_last(), "hyoka_costs_figure: execution_rate of fiscal year 2019 is "
                                            "unavailable: no final budget");

    /* an ordinary failure after an unread one wins */
    assert_int_equal(hyoka_costs_figure(c, HYOKA_FIG_PER_CAPITA, &d, NULL), HYOKA_EUNAVAILABLE);
    assert_int_equal(hyoka_costs_figure(NULL, HYOKA_FIG_PER_CAPITA, &d, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_error_last_code(), HYOKA_EINVAL);
    assert_string_equal(hyoka_error_last(), "hyoka_costs_figure: costs is NULL");

    /* clearing drops an unread one */
    assert_int_equal(hyoka_costs_figure(c, HYOKA_FIG_PER_CAPITA, &d, NULL), HYOKA_EUNAVAILABLE);
    hyoka_error_clear();
    assert_int_equal(hyoka_error_last_code(), HYOKA_OK);
    assert_string_equal(hyoka_error_last(), "");

    /* a staff line with nothing to cost it */
    OK(hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, &s));
    assert_int_equal(hyoka_staff_cost(s, &v, NULL), HYOKA_EUNAVAILABLE);
    assert_string_equal(hyoka_error_last(), "hyoka_staff_cost: the staff line has neither FTE and unit cost, "
                                            "hours and hourly rate, nor an amount");

    /* indicators and ratings */
    {
        hyoka_indicator *ind = NULL;
        OK(hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &ind));
        assert_int_equal(hyoka_indicator_figure(ind, 2019, HYOKA_FIG_ACHIEVEMENT, &d, NULL), HYOKA_EUNAVAILABLE);
        m = hyoka_error_last();
        assert_non_null(strstr(m, "hyoka_indicator_figure: achievement of fiscal year 2019 is unavailable: "));
    }
    OK(hyoka_project_add_evaluation(p, HYOKA_STAGE_PRIMARY, &e));
    assert_int_equal(hyoka_evaluation_rating(e, &code, NULL, NULL), HYOKA_EUNAVAILABLE);
    assert_non_null(strstr(hyoka_error_last(), "hyoka_evaluation_rating: rating is unavailable: "));
    OK(hyoka_evaluation_set_fiscal_year(e, 2020));
    assert_int_equal(hyoka_evaluation_rating(e, &code, NULL, NULL), HYOKA_EUNAVAILABLE);
    assert_non_null(strstr(hyoka_error_last(), "hyoka_evaluation_rating: rating of fiscal year 2020 is unavailable: "));
    hyoka_project_free(p);
}

static void test_staff_cost(void **state)
{
    hyoka_project *p = new_project("x");
    hyoka_costs *c = year(p, 2016, HYOKA_PHASE_SETTLED);
    hyoka_staff *s;
    hyoka_decimal d;
    int64_t v = -1;
    int reason = -7;
    (void)state;

    /* seed 002: 0.30 × 8,400,000 = 2,520,000 */
    s = staff(c, HYOKA_CATEGORY_REGULAR, "0.30", 8400000, -1);
    OK(hyoka_staff_cost(s, &v, &reason));
    assert_int_equal(v, 2520000);
    assert_int_equal(reason, HYOKA_REASON_NONE);
    /* the computed cost counts over a stated amount */
    OK(hyoka_staff_set_amount(s, HYOKA_STAFF_AMOUNT, 2500000));
    OK(hyoka_staff_cost(s, &v, NULL));
    assert_int_equal(v, 2520000);
    /* without the unit cost: the stated amount */
    OK(hyoka_staff_clear(s, HYOKA_STAFF_UNIT_COST));
    OK(hyoka_staff_cost(s, &v, NULL));
    assert_int_equal(v, 2500000);

    /* hours × hourly rate */
    s = staff(c, HYOKA_CATEGORY_PART_TIME, NULL, -1, 999);
    d = dec("220.5");
    OK(hyoka_staff_set_decimal(s, HYOKA_STAFF_HOURS, &d));
    OK(hyoka_staff_set_amount(s, HYOKA_STAFF_HOURLY_RATE, 1001));
    OK(hyoka_staff_cost(s, &v, NULL));
    assert_int_equal(v, 220721); /* 220.5 × 1001 = 220720.5 → half_up */
    /* hours without a rate: the amount */
    OK(hyoka_staff_clear(s, HYOKA_STAFF_HOURLY_RATE));
    OK(hyoka_staff_cost(s, &v, NULL));
    assert_int_equal(v, 999);
    /* FTE without unit cost and hours without rate, but no amount: nothing */
    OK(hyoka_staff_clear(s, HYOKA_STAFF_AMOUNT));
    d = dec("1");
    OK(hyoka_staff_set_decimal(s, HYOKA_STAFF_FTE, &d));
    v = 77;
    hyoka_error_clear();
    assert_int_equal(hyoka_staff_cost(s, &v, &reason), HYOKA_EUNAVAILABLE);
    assert_int_equal(reason, HYOKA_REASON_NO_EXPENSE);
    assert_int_equal(v, 77);
    assert_int_equal(hyoka_error_last_code(), HYOKA_EUNAVAILABLE);
    assert_int_equal(hyoka_staff_cost(s, &v, NULL), HYOKA_EUNAVAILABLE);

    /* the line with nothing costs 0 in personnel */
    FIG(c, HYOKA_FIG_PERSONNEL, "2500000");

    EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_cost(NULL, &v, &reason));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_staff_cost(s, NULL, &reason));
    hyoka_project_free(p);
}

/* The personnel rule's mode rounds FTE × unit cost. */
static void test_staff_cost_rounding(void **state)
{
    static const struct {
        int mode;
        int64_t want;
    } cases[] = {
        {HYOKA_ROUND_HALF_UP, 3},   {HYOKA_ROUND_DOWN, 2},  {HYOKA_ROUND_UP, 3},
        {HYOKA_ROUND_HALF_EVEN, 2}, {HYOKA_ROUND_FLOOR, 2}, {HYOKA_ROUND_CEILING, 3},
    };
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = new_project("x"), *child = new_project("x-1");
    hyoka_costs *c = year(p, 2010, HYOKA_PHASE_SETTLED), *cc = year(child, 2010, HYOKA_PHASE_SETTLED);
    hyoka_staff *s = staff(c, HYOKA_CATEGORY_REGULAR, "0.5", 5, -1);   /* 2.5 yen */
    hyoka_staff *cs = staff(cc, HYOKA_CATEGORY_REGULAR, "0.5", 5, -1); /* in a sub-project */
    int64_t v;
    (void)state;

    /* without a portfolio: half_up */
    OK(hyoka_staff_cost(s, &v, NULL));
    assert_int_equal(v, 3);
    OK(hyoka_project_add_child(p, child));
    OK(hyoka_portfolio_add_project(pf, p));
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_PERSONNEL, 0, cases[i].mode, HYOKA_UNIT_YEN));
        OK(hyoka_staff_cost(s, &v, NULL));
        assert_int_equal(v, cases[i].want);
        OK(hyoka_staff_cost(cs, &v, NULL));
        assert_int_equal(v, cases[i].want);
        assert_int_equal(money(c, HYOKA_FIG_PERSONNEL), cases[i].want);
        assert_int_equal(money(cc, HYOKA_FIG_PERSONNEL), cases[i].want);
    }
    hyoka_portfolio_free(pf);
}

static void test_money_figures(void **state)
{
    hyoka_project *p = new_project("x");
    hyoka_costs *c = year(p, 2010, HYOKA_PHASE_SETTLED);
    (void)state;

    /* nothing at all */
    UNAVAIL(c, HYOKA_FIG_EXPENSE, HYOKA_REASON_NO_EXPENSE);
    FIG(c, HYOKA_FIG_PERSONNEL, "0");
    FIG(c, HYOKA_FIG_DEBT_SERVICE, "0");
    FIG(c, HYOKA_FIG_INDIRECT_COSTS, "0");
    UNAVAIL(c, HYOKA_FIG_TOTAL_COST, HYOKA_REASON_NO_EXPENSE);
    UNAVAIL(c, HYOKA_FIG_GENERAL_REVENUE, HYOKA_REASON_NO_GENERAL);
    FIG(c, HYOKA_FIG_SPECIFIC_REVENUE, "0");

    set(c, HYOKA_COST_SETTLEMENT, 1000000);
    set(c, HYOKA_COST_DEBT_SERVICE, 30000);
    set(c, HYOKA_COST_INDIRECT, 4000);
    staff(c, HYOKA_CATEGORY_REGULAR, "0.1", 8000000, -1);
    staff(c, HYOKA_CATEGORY_TEMPORARY, NULL, -1, 12345);
    FIG(c, HYOKA_FIG_EXPENSE, "1000000");
    FIG(c, HYOKA_FIG_PERSONNEL, "812345");
    FIG(c, HYOKA_FIG_DEBT_SERVICE, "30000");
    FIG(c, HYOKA_FIG_INDIRECT_COSTS, "4000");
    FIG(c, HYOKA_FIG_TOTAL_COST, "1846345");

    /* funding: general as given, specific = the five other sources */
    set(c, HYOKA_COST_NATIONAL, 100000);
    FIG(c, HYOKA_FIG_SPECIFIC_REVENUE, "100000");
    set(c, HYOKA_COST_PREFECTURAL, 20000);
    set(c, HYOKA_COST_BONDS, 3000);
    set(c, HYOKA_COST_USER_CHARGES, 400);
    set(c, HYOKA_COST_OTHER, 50);
    set(c, HYOKA_COST_GENERAL, 876550);
    FIG(c, HYOKA_FIG_SPECIFIC_REVENUE, "123450");
    FIG(c, HYOKA_FIG_GENERAL_REVENUE, "876550");
    set(c, HYOKA_COST_GENERAL, 0);
    FIG(c, HYOKA_FIG_GENERAL_REVENUE, "0");

    /* a negative amount is carried (validation reports it) */
    set(c, HYOKA_COST_INDIRECT, -42345);
    FIG(c, HYOKA_FIG_TOTAL_COST, "1800000");
    hyoka_project_free(p);
}

/* Every year of every seed: the printed totals. */
static void test_seed_totals(void **state)
{
    static const char *const s002[4] = {"2743000", "2956000", "2957000", "2957000"};
    static const char *const s004[5] = {"1157000", "1156000", "1160000", "1571000", "1384000"};
    static const char *const s004_expense[5] = {"243000", "243000", "243000", "358000", "495000"};
    static const char *const s004_personnel[5] = {"914000", "913000", "917000", "1213000", "889000"};
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p1 = seed001(pf), *p2 = seed002(), *p3 = seed003_costs(new_project("1379")), *p4 = seed004();
    (void)state;

    /* seed 001: 0 + 12,236 / 16,627 千円 */
    FIG(hyoka_project_year_at(p1, 0), HYOKA_FIG_EXPENSE, "0");
    FIG(hyoka_project_year_at(p1, 0), HYOKA_FIG_TOTAL_COST, "12236000");
    FIG(hyoka_project_year_at(p1, 1), HYOKA_FIG_TOTAL_COST, "16627000");
    FIG(hyoka_project_year_at(p1, 1), HYOKA_FIG_GENERAL_REVENUE, "16627000");
    /* seed 002: 0.30 × 8,400 千円 + 223 = 2,743 千円 */
    FIG(hyoka_project_year_at(p2, 0), HYOKA_FIG_PERSONNEL, "2520000");
    FIG(hyoka_project_year_at(p2, 0), HYOKA_FIG_EXPENSE, "223000");
    for (size_t i = 0; i < 4; i++) {
        FIG(hyoka_project_year_at(p2, i), HYOKA_FIG_TOTAL_COST, s002[i]);
        FIG(hyoka_project_year_at(p2, i), HYOKA_FIG_SPECIFIC_REVENUE, "0");
    }
    /* seed 003: 5,917 + 4,761 = 10,678 千円 */
    FIG(hyoka_project_year_at(p3, 0), HYOKA_FIG_EXPENSE, "5917000");
    FIG(hyoka_project_year_at(p3, 0), HYOKA_FIG_PERSONNEL, "4761000");
    FIG(hyoka_project_year_at(p3, 0), HYOKA_FIG_DEBT_SERVICE, "0");
    FIG(hyoka_project_year_at(p3, 0), HYOKA_FIG_TOTAL_COST, "10678000");
    /* seed 004: (A) + (B) for 28〜32年度 */
    for (size_t i = 0; i < 5; i++) {
        FIG(hyoka_project_year_at(p4, i), HYOKA_FIG_EXPENSE, s004_expense[i]);
        FIG(hyoka_project_year_at(p4, i), HYOKA_FIG_PERSONNEL, s004_personnel[i]);
        FIG(hyoka_project_year_at(p4, i), HYOKA_FIG_TOTAL_COST, s004[i]);
        FIG(hyoka_project_year_at(p4, i), HYOKA_FIG_GENERAL_REVENUE_SHARE, "100.0");
    }
    hyoka_project_free(p2);
    hyoka_project_free(p3);
    hyoka_project_free(p4);
    hyoka_portfolio_free(pf);
}

/* ---- per-head figures ---------------------------------------------------- */

static void test_seed001_per_head(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = seed001(pf);
    hyoka_costs *h18 = hyoka_project_year_at(p, 0), *h19 = hyoka_project_year_at(p, 1);
    (void)state;

    FIG(h18, HYOKA_FIG_PER_CAPITA, "36.2");   /* 12,236,000 / 338,000 */
    FIG(h18, HYOKA_FIG_UNIT_COST, "73710.8"); /* 12,236,000 / 166 */
    FIG(h19, HYOKA_FIG_PER_CAPITA, "49.0");   /* 16,627,000 / 339,300 */
    FIG(h19, HYOKA_FIG_UNIT_COST, "15775.1"); /* the sheet prints 15,775.5 (C005) */
    UNAVAIL(h19, HYOKA_FIG_PER_HOUSEHOLD, HYOKA_REASON_NO_HOUSEHOLDS);
    UNAVAIL(h19, HYOKA_FIG_PER_BENEFICIARY, HYOKA_REASON_NO_BENEFICIARIES);

    /* thousand yen per head at two places */
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_PER_CAPITA, 2, HYOKA_ROUND_HALF_UP, HYOKA_UNIT_THOUSAND_YEN));
    FIG(h18, HYOKA_FIG_PER_CAPITA, "0.04"); /* 0.0362 */
    FIG(h19, HYOKA_FIG_PER_CAPITA, "0.05"); /* 0.04900… */
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_PER_CAPITA, 2, HYOKA_ROUND_DOWN, HYOKA_UNIT_THOUSAND_YEN));
    FIG(h19, HYOKA_FIG_PER_CAPITA, "0.04");
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_PER_CAPITA, 5, HYOKA_ROUND_HALF_UP, HYOKA_UNIT_THOUSAND_YEN));
    FIG(h19, HYOKA_FIG_PER_CAPITA, "0.04900");
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_UNIT_COST, 2, HYOKA_ROUND_HALF_UP, HYOKA_UNIT_THOUSAND_YEN));
    FIG(h19, HYOKA_FIG_UNIT_COST, "15.78"); /* 15.77514… 千円 */
    /* other modes in yen */
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_UNIT_COST, 1, HYOKA_ROUND_CEILING, HYOKA_UNIT_YEN));
    FIG(h19, HYOKA_FIG_UNIT_COST, "15775.2");
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_UNIT_COST, 0, HYOKA_ROUND_FLOOR, HYOKA_UNIT_YEN));
    FIG(h19, HYOKA_FIG_UNIT_COST, "15775");
    OK(hyoka_portfolio_clear_rounding(pf, HYOKA_FIG_UNIT_COST));
    FIG(h19, HYOKA_FIG_UNIT_COST, "15775.1");
    OK(hyoka_portfolio_clear_rounding(pf, HYOKA_FIG_PER_CAPITA));
    FIG(h19, HYOKA_FIG_PER_CAPITA, "49.0");

    /* the year's own population overrides the portfolio's */
    set(h19, HYOKA_COST_POPULATION, 100000);
    FIG(h19, HYOKA_FIG_PER_CAPITA, "166.3");
    OK(hyoka_costs_clear(h19, HYOKA_COST_POPULATION));
    /* a missing denominator of the portfolio, then a 0 */
    OK(hyoka_portfolio_clear_denominator(pf, 2007, HYOKA_COST_POPULATION));
    UNAVAIL(h19, HYOKA_FIG_PER_CAPITA, HYOKA_REASON_NO_POPULATION);
    OK(hyoka_portfolio_set_denominator(pf, 2007, HYOKA_COST_POPULATION, 0));
    UNAVAIL(h19, HYOKA_FIG_PER_CAPITA, HYOKA_REASON_ZERO_DENOMINATOR);
    set(h19, HYOKA_COST_USAGE, 0);
    UNAVAIL(h19, HYOKA_FIG_UNIT_COST, HYOKA_REASON_ZERO_DENOMINATOR);
    OK(hyoka_costs_clear(h19, HYOKA_COST_USAGE));
    UNAVAIL(h19, HYOKA_FIG_UNIT_COST, HYOKA_REASON_NO_USAGE);
    hyoka_portfolio_free(pf);
}

static void test_seed003_per_head(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = seed003_costs(new_project("1379")), *sub = seed003_costs(new_project("01"));
    hyoka_costs *c = hyoka_project_year_at(p, 0), *sc = hyoka_project_year_at(sub, 0);
    (void)state;

    OK(hyoka_project_add_child(p, sub));
    OK(hyoka_portfolio_add_project(pf, p));
    OK(hyoka_portfolio_set_denominator(pf, 2012, HYOKA_COST_POPULATION, 112400));
    OK(hyoka_portfolio_set_denominator(pf, 2012, HYOKA_COST_HOUSEHOLDS, 47248));
    FIG(c, HYOKA_FIG_PER_CAPITA, "95.0");
    FIG(c, HYOKA_FIG_PER_HOUSEHOLD, "226.0"); /* 225.998… */
    /* the sheet prints whole yen */
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_PER_CAPITA, 0, HYOKA_ROUND_HALF_UP, HYOKA_UNIT_YEN));
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_PER_HOUSEHOLD, 0, HYOKA_ROUND_HALF_UP, HYOKA_UNIT_YEN));
    FIG(c, HYOKA_FIG_PER_CAPITA, "95");
    FIG(c, HYOKA_FIG_PER_HOUSEHOLD, "226");
    /* a sub-project reads its root's portfolio */
    FIG(sc, HYOKA_FIG_PER_CAPITA, "95");
    FIG(sc, HYOKA_FIG_PER_HOUSEHOLD, "226");
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_PER_HOUSEHOLD, 0, HYOKA_ROUND_DOWN, HYOKA_UNIT_YEN));
    FIG(sc, HYOKA_FIG_PER_HOUSEHOLD, "225");
    /* households 0 */
    OK(hyoka_portfolio_set_denominator(pf, 2012, HYOKA_COST_HOUSEHOLDS, 0));
    UNAVAIL(c, HYOKA_FIG_PER_HOUSEHOLD, HYOKA_REASON_ZERO_DENOMINATOR);
    /* the year's own households */
    set(c, HYOKA_COST_HOUSEHOLDS, 47248);
    FIG(c, HYOKA_FIG_PER_HOUSEHOLD, "225");
    hyoka_portfolio_free(pf);
}

static void test_per_head_without_portfolio(void **state)
{
    hyoka_project *p = new_project("x");
    hyoka_costs *c = year(p, 2016, HYOKA_PHASE_SETTLED);
    (void)state;

    staff(c, HYOKA_CATEGORY_REGULAR, NULL, -1, 1000);
    /* the total is missing first */
    UNAVAIL(c, HYOKA_FIG_PER_CAPITA, HYOKA_REASON_NO_EXPENSE);
    UNAVAIL(c, HYOKA_FIG_PER_BENEFICIARY, HYOKA_REASON_NO_EXPENSE);
    set(c, HYOKA_COST_SETTLEMENT, 0);
    UNAVAIL(c, HYOKA_FIG_PER_CAPITA, HYOKA_REASON_NO_POPULATION);
    UNAVAIL(c, HYOKA_FIG_PER_HOUSEHOLD, HYOKA_REASON_NO_HOUSEHOLDS);
    UNAVAIL(c, HYOKA_FIG_UNIT_COST, HYOKA_REASON_NO_USAGE);
    UNAVAIL(c, HYOKA_FIG_PER_BENEFICIARY, HYOKA_REASON_NO_BENEFICIARIES);
    set(c, HYOKA_COST_POPULATION, 3);
    set(c, HYOKA_COST_HOUSEHOLDS, 6);
    set(c, HYOKA_COST_USAGE, 7);
    set(c, HYOKA_COST_BENEFICIARIES, 0);
    FIG(c, HYOKA_FIG_PER_CAPITA, "333.3");
    FIG(c, HYOKA_FIG_PER_HOUSEHOLD, "166.7");
    FIG(c, HYOKA_FIG_UNIT_COST, "142.9");
    UNAVAIL(c, HYOKA_FIG_PER_BENEFICIARY, HYOKA_REASON_ZERO_DENOMINATOR);
    set(c, HYOKA_COST_BENEFICIARIES, 8);
    FIG(c, HYOKA_FIG_PER_BENEFICIARY, "125.0");
    hyoka_project_free(p);
}

/* ---- percentages ---------------------------------------------------------- */

static void test_execution_rate(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = new_project("x");
    hyoka_costs *c = year(p, 2010, HYOKA_PHASE_SETTLED);
    (void)state;

    OK(hyoka_portfolio_add_project(pf, p));
    UNAVAIL(c, HYOKA_FIG_EXECUTION_RATE, HYOKA_REASON_NO_FINAL_BUDGET);
    set(c, HYOKA_COST_SETTLEMENT, 0);
    UNAVAIL(c, HYOKA_FIG_EXECUTION_RATE, HYOKA_REASON_NO_FINAL_BUDGET);
    OK(hyoka_costs_clear(c, HYOKA_COST_SETTLEMENT));
    set(c, HYOKA_COST_FINAL_BUDGET, 0);
    UNAVAIL(c, HYOKA_FIG_EXECUTION_RATE, HYOKA_REASON_NO_SETTLEMENT);
    set(c, HYOKA_COST_SETTLEMENT, 0);
    UNAVAIL(c, HYOKA_FIG_EXECUTION_RATE, HYOKA_REASON_ZERO_DENOMINATOR);
    set(c, HYOKA_COST_FINAL_BUDGET, 1200000);
    set(c, HYOKA_COST_SETTLEMENT, 1134567);
    FIG(c, HYOKA_FIG_EXECUTION_RATE, "94.5"); /* 94.547… */
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_EXECUTION_RATE, 2, HYOKA_ROUND_DOWN, HYOKA_UNIT_YEN));
    FIG(c, HYOKA_FIG_EXECUTION_RATE, "94.54");
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_EXECUTION_RATE, 0, HYOKA_ROUND_HALF_UP, HYOKA_UNIT_YEN));
    FIG(c, HYOKA_FIG_EXECUTION_RATE, "95");
    /* above the budget is over 100 (C006 is validation's business) */
    set(c, HYOKA_COST_SETTLEMENT, 1500000);
    FIG(c, HYOKA_FIG_EXECUTION_RATE, "125");
    hyoka_portfolio_free(pf);
}

static void test_shares(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p1 = seed001(pf), *p2 = seed002();
    hyoka_costs *c = hyoka_project_year_at(p2, 0);
    hyoka_costs *e;
    (void)state;

    /* seed 001: no expense, all personnel */
    FIG(hyoka_project_year_at(p1, 1), HYOKA_FIG_PERSONNEL_SHARE, "100.0");
    UNAVAIL(hyoka_project_year_at(p1, 1), HYOKA_FIG_GENERAL_REVENUE_SHARE, HYOKA_REASON_ZERO_DENOMINATOR);
    /* seed 002: 2,520 / 2,743 and 223 / 223 */
    FIG(c, HYOKA_FIG_PERSONNEL_SHARE, "91.9");
    FIG(c, HYOKA_FIG_GENERAL_REVENUE_SHARE, "100.0");
    set(c, HYOKA_COST_GENERAL, 200000);
    FIG(c, HYOKA_FIG_GENERAL_REVENUE_SHARE, "89.7");
    OK(hyoka_costs_clear(c, HYOKA_COST_GENERAL));
    UNAVAIL(c, HYOKA_FIG_GENERAL_REVENUE_SHARE, HYOKA_REASON_NO_GENERAL);

    e = year(p2, 2030, HYOKA_PHASE_PLAN);
    UNAVAIL(e, HYOKA_FIG_PERSONNEL_SHARE, HYOKA_REASON_NO_EXPENSE);
    UNAVAIL(e, HYOKA_FIG_GENERAL_REVENUE_SHARE, HYOKA_REASON_NO_EXPENSE);
    set(e, HYOKA_COST_INITIAL_BUDGET, 0);
    UNAVAIL(e, HYOKA_FIG_PERSONNEL_SHARE, HYOKA_REASON_ZERO_DENOMINATOR);
    FIG(e, HYOKA_FIG_TOTAL_COST, "0");
    hyoka_project_free(p2);
    hyoka_portfolio_free(pf);
}

static void test_total_cost_change(void **state)
{
    static const char *const s004[5] = {NULL, "-0.1", "0.3", "35.4", "-11.9"};
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p1 = seed001(pf), *p2 = seed002(), *p4 = seed004();
    hyoka_costs *c;
    (void)state;

    UNAVAIL(hyoka_project_year_at(p1, 0), HYOKA_FIG_TOTAL_COST_CHANGE, HYOKA_REASON_NO_PREVIOUS_YEAR);
    FIG(hyoka_project_year_at(p1, 1), HYOKA_FIG_TOTAL_COST_CHANGE, "35.9"); /* 16,627 / 12,236 */
    FIG(hyoka_project_year_at(p2, 1), HYOKA_FIG_TOTAL_COST_CHANGE, "7.8");  /* 2,956 / 2,743 */
    FIG(hyoka_project_year_at(p2, 2), HYOKA_FIG_TOTAL_COST_CHANGE, "0.0");
    for (size_t i = 1; i < 5; i++)
        FIG(hyoka_project_year_at(p4, i), HYOKA_FIG_TOTAL_COST_CHANGE, s004[i]);
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_TOTAL_COST_CHANGE, 3, HYOKA_ROUND_HALF_EVEN, HYOKA_UNIT_YEN));
    FIG(hyoka_project_year_at(p1, 1), HYOKA_FIG_TOTAL_COST_CHANGE, "35.886");

    /* the previous year's total unavailable, or 0 */
    c = year(p4, 2015, HYOKA_PHASE_SETTLED);
    UNAVAIL(hyoka_project_year_at(p4, 0), HYOKA_FIG_TOTAL_COST_CHANGE, HYOKA_REASON_NO_PREVIOUS_YEAR);
    set(c, HYOKA_COST_SETTLEMENT, 0);
    UNAVAIL(hyoka_project_year_at(p4, 0), HYOKA_FIG_TOTAL_COST_CHANGE, HYOKA_REASON_ZERO_DENOMINATOR);
    set(c, HYOKA_COST_SETTLEMENT, 1157000);
    FIG(hyoka_project_year_at(p4, 0), HYOKA_FIG_TOTAL_COST_CHANGE, "0.0");
    /* this year's total unavailable */
    c = year(p4, 2021, HYOKA_PHASE_PLAN);
    UNAVAIL(c, HYOKA_FIG_TOTAL_COST_CHANGE, HYOKA_REASON_NO_EXPENSE);
    hyoka_project_free(p2);
    hyoka_project_free(p4);
    hyoka_portfolio_free(pf);
}

static void test_not_a_figure_and_arguments(void **state)
{
    hyoka_project *p = seed002();
    hyoka_costs *c = hyoka_project_year_at(p, 0);
    hyoka_indicator *ind = hyoka_project_indicator_at(p, 1);
    hyoka_evaluation *e = NULL;
    hyoka_decimal d = sentinel();
    int reason = -7;
    (void)state;

    for (int f = HYOKA_FIG_ACHIEVEMENT; f <= HYOKA_FIG_SCORE; f++)
        UNAVAIL(c, f, HYOKA_REASON_NOT_A_FIGURE);
    for (int f = HYOKA_FIG_EXPENSE; f <= HYOKA_FIG_TOTAL_COST_CHANGE; f++)
        IND_UNAVAIL(ind, 2016, f, HYOKA_REASON_NOT_A_FIGURE);
    IND_UNAVAIL(ind, 2016, HYOKA_FIG_SCORE, HYOKA_REASON_NOT_A_FIGURE);

    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_figure(NULL, HYOKA_FIG_EXPENSE, &d, &reason));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_figure(c, HYOKA_FIG_EXPENSE, NULL, &reason));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_figure(c, -1, &d, &reason));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_costs_figure(c, HYOKA_FIG_NONCOMPETITIVE_SHARE + 1, &d, &reason));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_figure(NULL, 2016, HYOKA_FIG_ACHIEVEMENT, &d, &reason));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_figure(ind, 2016, HYOKA_FIG_ACHIEVEMENT, NULL, &reason));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_figure(ind, 2016, 99, &d, &reason));
    OK(hyoka_project_add_evaluation(p, HYOKA_STAGE_SELF, &e));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_evaluation_score(NULL, &d, &reason));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_evaluation_score(e, NULL, &reason));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_evaluation_rating(NULL, NULL, NULL, &reason));
    assert_true(hyoka_decimal_identical(&d, &(hyoka_decimal){{0, 0}}) == 0); /* untouched sentinel */
    hyoka_project_free(p);
}

static void test_overflow(void **state)
{
    hyoka_project *p = new_project("x");
    hyoka_costs *c = year(p, 2010, HYOKA_PHASE_SETTLED), *c2;
    hyoka_staff *s1, *s2;
    hyoka_decimal d = sentinel();
    int64_t v = 5;
    (void)state;

    set(c, HYOKA_COST_SETTLEMENT, 1);
    set(c, HYOKA_COST_POPULATION, 1);
    s1 = staff(c, HYOKA_CATEGORY_REGULAR, NULL, -1, BIG);
    s2 = staff(c, HYOKA_CATEGORY_REGULAR, NULL, -1, BIG);
    OK(hyoka_staff_cost(s1, &v, NULL));
    assert_int_equal(v, BIG);
    OK(hyoka_staff_cost(s2, &v, NULL));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_costs_figure(c, HYOKA_FIG_PERSONNEL, &d, NULL));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_costs_figure(c, HYOKA_FIG_TOTAL_COST, &d, NULL));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_costs_figure(c, HYOKA_FIG_PER_CAPITA, &d, NULL));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_costs_figure(c, HYOKA_FIG_PERSONNEL_SHARE, &d, NULL));
    /* FTE × unit cost overflowing */
    OK(hyoka_staff_clear(s2, HYOKA_STAFF_AMOUNT));
    {
        hyoka_decimal two = dec("2");
        OK(hyoka_staff_set_decimal(s2, HYOKA_STAFF_FTE, &two));
        OK(hyoka_staff_set_amount(s2, HYOKA_STAFF_UNIT_COST, BIG));
    }
    v = 5;
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_staff_cost(s2, &v, NULL));
    assert_int_equal(v, 5);
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_costs_figure(c, HYOKA_FIG_PERSONNEL, &d, NULL));

    /* expense + debt service */
    c2 = year(p, 2011, HYOKA_PHASE_SETTLED);
    set(c2, HYOKA_COST_SETTLEMENT, INT64_MAX);
    set(c2, HYOKA_COST_DEBT_SERVICE, 1);
    FIG(c2, HYOKA_FIG_EXPENSE, "9223372036854775807");
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_costs_figure(c2, HYOKA_FIG_TOTAL_COST, &d, NULL));
    /* ... but a negative part that brings the exact total back is fine */
    set(c2, HYOKA_COST_INDIRECT, -2);
    FIG(c2, HYOKA_FIG_TOTAL_COST, "9223372036854775806");
    /* the change against a negative previous total */
    set(c, HYOKA_COST_SETTLEMENT, -10);
    OK(hyoka_staff_clear(s1, HYOKA_STAFF_AMOUNT));
    OK(hyoka_staff_clear(s2, HYOKA_STAFF_UNIT_COST));
    FIG(c, HYOKA_FIG_TOTAL_COST, "-10");
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_costs_figure(c2, HYOKA_FIG_TOTAL_COST_CHANGE, &d, NULL));
    /* specific revenue */
    set(c2, HYOKA_COST_NATIONAL, INT64_MAX);
    set(c2, HYOKA_COST_OTHER, 1);
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_costs_figure(c2, HYOKA_FIG_SPECIFIC_REVENUE, &d, NULL));
    /* a percentage that cannot be held */
    set(c2, HYOKA_COST_FINAL_BUDGET, 1);
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_costs_figure(c2, HYOKA_FIG_EXECUTION_RATE, &d, NULL));
    hyoka_project_free(p);
}

/* ---- indicators ----------------------------------------------------------- */

static void test_achievement(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p1 = seed001(pf), *p2 = seed002();
    hyoka_indicator *ind = hyoka_project_indicator_at(p1, 0);
    (void)state;

    IND(ind, 2006, HYOKA_FIG_ACHIEVEMENT, "90.0"); /* 9 / 10 */
    IND(ind, 2007, HYOKA_FIG_ACHIEVEMENT, "98.3"); /* 59 / 60 */
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_ACHIEVEMENT, 2, HYOKA_ROUND_HALF_UP, HYOKA_UNIT_YEN));
    IND(ind, 2007, HYOKA_FIG_ACHIEVEMENT, "98.33");
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_ACHIEVEMENT, 2, HYOKA_ROUND_UP, HYOKA_UNIT_YEN));
    IND(ind, 2007, HYOKA_FIG_ACHIEVEMENT, "98.34");
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_ACHIEVEMENT, 0, HYOKA_ROUND_HALF_UP, HYOKA_UNIT_YEN));
    IND(ind, 2007, HYOKA_FIG_ACHIEVEMENT, "98");
    OK(hyoka_portfolio_clear_rounding(pf, HYOKA_FIG_ACHIEVEMENT));
    IND_UNAVAIL(ind, 2008, HYOKA_FIG_ACHIEVEMENT, HYOKA_REASON_NO_ACTUAL);
    IND_UNAVAIL(ind, 2009, HYOKA_FIG_ACHIEVEMENT, HYOKA_REASON_NO_YEAR);

    /* seed 002: not settable, 87 / 90, and the decrease rule 53.6 / 46.5 */
    IND_UNAVAIL(hyoka_project_indicator_at(p2, 0), 2016, HYOKA_FIG_ACHIEVEMENT, HYOKA_REASON_NOT_SETTABLE);
    IND_UNAVAIL(hyoka_project_indicator_at(p2, 0), 2030, HYOKA_FIG_ACHIEVEMENT, HYOKA_REASON_NOT_SETTABLE);
    IND(hyoka_project_indicator_at(p2, 1), 2016, HYOKA_FIG_ACHIEVEMENT, "96.7");
    IND(hyoka_project_indicator_at(p2, 2), 2016, HYOKA_FIG_ACHIEVEMENT, "115.3");
    IND_UNAVAIL(hyoka_project_indicator_at(p2, 2), 2017, HYOKA_FIG_ACHIEVEMENT, HYOKA_REASON_NO_ACTUAL);
    hyoka_project_free(p2);
    hyoka_portfolio_free(pf);
}

/* The achievement rule of a portfolio: without a direction, unavailable by
 * default; with HYOKA_ACHIEVEMENT_RATIO, actual ÷ target × 100 as the
 * national review sheets print it, while an indicator with a direction
 * keeps its own rule. The rule survives hyoka/1 and CSV, a copy and an
 * equality test. */
static void test_achievement_rule(void **state)
{
    hyoka_portfolio *pf = new_portfolio(), *back = NULL, *copy = NULL;
    hyoka_project *p = new_project("rs");
    hyoka_indicator *none = NULL, *down = NULL;
    hyoka_csv_options copt;
    const char *texts[HYOKA_CSV_TABLE_COUNT] = {0};
    size_t lens[HYOKA_CSV_TABLE_COUNT] = {0};
    char *bufs[HYOKA_CSV_TABLE_COUNT] = {0};
    char *json = NULL;
    size_t len = 0;
    (void)state;

    OK(hyoka_project_add_indicator(p, HYOKA_KIND_ACTIVITY, &none));
    value(none, 2020, HYOKA_VALUE_TARGET, "12");
    value(none, 2020, HYOKA_VALUE_ACTUAL, "35");
    OK(hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &down));
    OK(hyoka_indicator_set_direction(down, HYOKA_DIRECTION_DECREASE));
    value(down, 2020, HYOKA_VALUE_TARGET, "20");
    value(down, 2020, HYOKA_VALUE_ACTUAL, "25");
    OK(hyoka_portfolio_add_project(pf, p));

    assert_int_equal(hyoka_portfolio_achievement_rule(pf), HYOKA_ACHIEVEMENT_BY_DIRECTION);
    assert_int_equal(hyoka_portfolio_achievement_rule(NULL), HYOKA_ACHIEVEMENT_BY_DIRECTION);
    IND_UNAVAIL(none, 2020, HYOKA_FIG_ACHIEVEMENT, HYOKA_REASON_NO_DIRECTION);
    OK(hyoka_portfolio_set_achievement_rule(pf, HYOKA_ACHIEVEMENT_RATIO));
    assert_int_equal(hyoka_portfolio_achievement_rule(pf), HYOKA_ACHIEVEMENT_RATIO);
    IND(none, 2020, HYOKA_FIG_ACHIEVEMENT, "291.7");
    IND(down, 2020, HYOKA_FIG_ACHIEVEMENT, "80.0"); /* 20 / 25: its direction's rule */
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_ACHIEVEMENT, 5, HYOKA_ROUND_HALF_UP, HYOKA_UNIT_YEN));
    IND(none, 2020, HYOKA_FIG_ACHIEVEMENT, "291.66667");
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_portfolio_set_achievement_rule(pf, 2));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_portfolio_set_achievement_rule(pf, -1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_portfolio_set_achievement_rule(NULL, HYOKA_ACHIEVEMENT_RATIO));
    assert_int_equal(hyoka_portfolio_achievement_rule(pf), HYOKA_ACHIEVEMENT_RATIO);

    /* hyoka/1 */
    OK(hyoka_json_write(pf, 0, &json, &len));
    assert_non_null(strstr(json, "\"achievement_rule\": \"ratio\""));
    OK(hyoka_json_read(json, len, NULL, &back, NULL));
    assert_int_equal(hyoka_portfolio_achievement_rule(back), HYOKA_ACHIEVEMENT_RATIO);
    assert_true(hyoka_portfolio_equal(pf, back));
    hyoka_free(json);
    hyoka_portfolio_free(back);
    back = NULL;

    /* CSV */
    OK(hyoka_csv_options_init(&copt));
    copt.encoding = HYOKA_ENCODING_UTF8;
    for (int t = 0; t < HYOKA_CSV_TABLE_COUNT; t++) {
        OK(hyoka_csv_write_table(pf, t, &copt, &bufs[t], &lens[t], NULL));
        texts[t] = bufs[t];
    }
    assert_non_null(strstr(bufs[HYOKA_CSV_DOCUMENT], "achievement_rule"));
    OK(hyoka_csv_read_tables(texts, lens, &copt, &back, NULL));
    assert_int_equal(hyoka_portfolio_achievement_rule(back), HYOKA_ACHIEVEMENT_RATIO);
    for (int t = 0; t < HYOKA_CSV_TABLE_COUNT; t++)
        hyoka_free(bufs[t]);
    hyoka_portfolio_free(back);

    /* a copy keeps it; the default is not written */
    OK(hyoka_portfolio_copy(pf, &copy));
    assert_true(hyoka_portfolio_equal(pf, copy));
    OK(hyoka_portfolio_set_achievement_rule(copy, HYOKA_ACHIEVEMENT_BY_DIRECTION));
    assert_false(hyoka_portfolio_equal(pf, copy));
    OK(hyoka_json_write(copy, 0, &json, &len));
    assert_null(strstr(json, "achievement_rule"));
    hyoka_free(json);
    hyoka_portfolio_free(copy);
    hyoka_portfolio_free(pf);
}

static void test_achievement_reasons(void **state)
{
    hyoka_project *p = new_project("x");
    hyoka_indicator *ind = NULL;
    (void)state;

    OK(hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &ind));
    OK(hyoka_indicator_add_year(ind, 2010));
    IND_UNAVAIL(ind, 2011, HYOKA_FIG_ACHIEVEMENT, HYOKA_REASON_NO_YEAR);
    /* an entry with nothing: no target comes before no actual and no direction */
    IND_UNAVAIL(ind, 2010, HYOKA_FIG_ACHIEVEMENT, HYOKA_REASON_NO_TARGET);
    value(ind, 2010, HYOKA_VALUE_ACTUAL, "5");
    IND_UNAVAIL(ind, 2010, HYOKA_FIG_ACHIEVEMENT, HYOKA_REASON_NO_TARGET);
    value(ind, 2010, HYOKA_VALUE_TARGET, "0.00");
    IND_UNAVAIL(ind, 2010, HYOKA_FIG_ACHIEVEMENT, HYOKA_REASON_TARGET_ZERO);
    OK(hyoka_indicator_set_value(ind, 2010, HYOKA_VALUE_ACTUAL, NULL));
    IND_UNAVAIL(ind, 2010, HYOKA_FIG_ACHIEVEMENT, HYOKA_REASON_TARGET_ZERO);
    value(ind, 2010, HYOKA_VALUE_TARGET, "4");
    IND_UNAVAIL(ind, 2010, HYOKA_FIG_ACHIEVEMENT, HYOKA_REASON_NO_ACTUAL);
    value(ind, 2010, HYOKA_VALUE_ACTUAL, "0");
    IND_UNAVAIL(ind, 2010, HYOKA_FIG_ACHIEVEMENT, HYOKA_REASON_NO_DIRECTION);
    OK(hyoka_indicator_set_direction(ind, HYOKA_DIRECTION_INCREASE));
    IND(ind, 2010, HYOKA_FIG_ACHIEVEMENT, "0.0");
    OK(hyoka_indicator_set_direction(ind, HYOKA_DIRECTION_DECREASE));
    IND_UNAVAIL(ind, 2010, HYOKA_FIG_ACHIEVEMENT, HYOKA_REASON_ACTUAL_ZERO);
    /* maintain: below the target the increase rule, so 0 is fine */
    OK(hyoka_indicator_set_direction(ind, HYOKA_DIRECTION_MAINTAIN));
    IND(ind, 2010, HYOKA_FIG_ACHIEVEMENT, "0.0");
    /* maintain above a negative target with an actual of 0: the decrease rule */
    value(ind, 2010, HYOKA_VALUE_TARGET, "-5");
    IND_UNAVAIL(ind, 2010, HYOKA_FIG_ACHIEVEMENT, HYOKA_REASON_ACTUAL_ZERO);
    /* not settable comes first of all */
    OK(hyoka_indicator_set_not_settable(ind, 1));
    IND_UNAVAIL(ind, 2010, HYOKA_FIG_ACHIEVEMENT, HYOKA_REASON_NOT_SETTABLE);
    IND_UNAVAIL(ind, 2011, HYOKA_FIG_ACHIEVEMENT, HYOKA_REASON_NOT_SETTABLE);
    OK(hyoka_indicator_set_not_settable(ind, 0));
    value(ind, 2010, HYOKA_VALUE_TARGET, "4");
    value(ind, 2010, HYOKA_VALUE_ACTUAL, "4.000");
    IND(ind, 2010, HYOKA_FIG_ACHIEVEMENT, "100.0");
    /* tiny exact values: 17 and 18 places */
    OK(hyoka_indicator_set_direction(ind, HYOKA_DIRECTION_INCREASE));
    value(ind, 2010, HYOKA_VALUE_TARGET, "0.00000000000000003");
    value(ind, 2010, HYOKA_VALUE_ACTUAL, "0.00000000000000001");
    IND(ind, 2010, HYOKA_FIG_ACHIEVEMENT, "33.3");
    value(ind, 2010, HYOKA_VALUE_TARGET, "0.000000000000000003");
    value(ind, 2010, HYOKA_VALUE_ACTUAL, "0.000000000000000002");
    IND(ind, 2010, HYOKA_FIG_ACHIEVEMENT, "66.7");
    hyoka_project_free(p);
}

static void test_achievement_maintain(void **state)
{
    hyoka_project *p = seed004();
    hyoka_indicator *out = hyoka_project_indicator_at(p, 1);
    (void)state;

    /* 職員がポリシーに従った運用ができている割合: 100 every year, no target printed */
    IND_UNAVAIL(out, 2019, HYOKA_FIG_ACHIEVEMENT, HYOKA_REASON_NO_TARGET);
    value(out, 2019, HYOKA_VALUE_TARGET, "100");
    IND(out, 2019, HYOKA_FIG_ACHIEVEMENT, "100.0");
    /* above the target: target / actual */
    value(out, 2019, HYOKA_VALUE_TARGET, "50");
    value(out, 2019, HYOKA_VALUE_ACTUAL, "60");
    IND(out, 2019, HYOKA_FIG_ACHIEVEMENT, "83.3");
    /* below it: actual / target */
    value(out, 2019, HYOKA_VALUE_ACTUAL, "40");
    IND(out, 2019, HYOKA_FIG_ACHIEVEMENT, "80.0");
    /* the 2020 entry has only a forecast */
    IND_UNAVAIL(out, 2020, HYOKA_FIG_ACHIEVEMENT, HYOKA_REASON_NO_TARGET);
    hyoka_project_free(p);
}

static void test_indicator_change(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p1 = seed001(pf), *p2 = seed002(), *p4 = seed004();
    hyoka_indicator *ind = hyoka_project_indicator_at(p1, 0), *act = hyoka_project_indicator_at(p4, 0);
    (void)state;

    IND(ind, 2007, HYOKA_FIG_CHANGE, "555.6"); /* 59 against 9 */
    IND_UNAVAIL(ind, 2006, HYOKA_FIG_CHANGE, HYOKA_REASON_NO_PREVIOUS_YEAR);
    IND_UNAVAIL(ind, 2008, HYOKA_FIG_CHANGE, HYOKA_REASON_NO_ACTUAL);
    IND_UNAVAIL(ind, 2009, HYOKA_FIG_CHANGE, HYOKA_REASON_NO_YEAR);
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_CHANGE, 0, HYOKA_ROUND_DOWN, HYOKA_UNIT_YEN));
    IND(ind, 2007, HYOKA_FIG_CHANGE, "555");
    /* seed 004: 2, 5, 3, 4 */
    IND(act, 2017, HYOKA_FIG_CHANGE, "150.0");
    IND(act, 2018, HYOKA_FIG_CHANGE, "-40.0");
    IND(act, 2019, HYOKA_FIG_CHANGE, "33.3");
    /* 2020 has only a forecast */
    IND_UNAVAIL(act, 2020, HYOKA_FIG_CHANGE, HYOKA_REASON_NO_ACTUAL);
    /* the previous entry without an actual, then with 0 */
    value(act, 2021, HYOKA_VALUE_ACTUAL, "4");
    IND_UNAVAIL(act, 2021, HYOKA_FIG_CHANGE, HYOKA_REASON_NO_PREVIOUS_YEAR);
    value(act, 2020, HYOKA_VALUE_ACTUAL, "0");
    IND_UNAVAIL(act, 2021, HYOKA_FIG_CHANGE, HYOKA_REASON_ZERO_DENOMINATOR);
    /* a not settable indicator still has actuals to compare */
    value(hyoka_project_indicator_at(p2, 0), 2017, HYOKA_VALUE_ACTUAL, "38");
    IND(hyoka_project_indicator_at(p2, 0), 2017, HYOKA_FIG_CHANGE, "100.0");
    hyoka_project_free(p2);
    hyoka_project_free(p4);
    hyoka_portfolio_free(pf);
}

/* ---- evaluations ---------------------------------------------------------- */

static hyoka_evaluation *evaluation(hyoka_project *p, int stage, int32_t fy, const char *scheme,
                                    const char *verdict)
{
    hyoka_evaluation *e = NULL;
    OK(hyoka_project_add_evaluation(p, stage, &e));
    if (fy)
        OK(hyoka_evaluation_set_fiscal_year(e, fy));
    if (scheme)
        OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_SCHEME, scheme, HYOKA_NTS));
    if (verdict)
        OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_VERDICT, verdict, HYOKA_NTS));
    return e;
}

static void answer(hyoka_evaluation *e, const char *criterion, const char *v)
{
    OK(hyoka_evaluation_set_answer(e, criterion, HYOKA_NTS, v, HYOKA_NTS));
}

static void test_score_jp_standard(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *alone = new_project("alone"), *p = seed003_costs(new_project("1379"));
    hyoka_evaluation *e, *f;
    (void)state;

    /* seed 003: 妥当性 A, 効率性 A, 有効性 B, 貢献度 A, without a portfolio */
    e = evaluation(alone, HYOKA_STAGE_PRIMARY, 2012, NULL, "maintain");
    answer(e, "relevance", "A");
    answer(e, "efficiency", "A");
    answer(e, "effectiveness", "B");
    answer(e, "contribution", "A");
    SCORE(e, "2.8", "A"); /* 11 / 4 = 2.75 */
    OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_SCHEME, "jp-standard", HYOKA_NTS));
    SCORE(e, "2.8", "A");
    /* digits are options too */
    answer(e, "achievement", "1");
    SCORE(e, "2.4", "B"); /* 12 / 5 */
    answer(e, "achievement", "C");
    answer(e, "contribution", "C");
    answer(e, "relevance", "C");
    SCORE(e, "1.6", "B"); /* 8 / 5 */
    answer(e, "efficiency", "C");
    SCORE(e, "1.2", "C");

    /* inside a portfolio, with the score rounded to two places */
    f = evaluation(p, HYOKA_STAGE_SELF, 2012, NULL, NULL);
    answer(f, "relevance", "A");
    answer(f, "efficiency", "A");
    answer(f, "effectiveness", "B");
    answer(f, "contribution", "A");
    OK(hyoka_portfolio_add_project(pf, p));
    SCORE(f, "2.8", "A");
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_SCORE, 2, HYOKA_ROUND_HALF_UP, HYOKA_UNIT_YEN));
    SCORE(f, "2.75", "A");
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_SCORE, 0, HYOKA_ROUND_DOWN, HYOKA_UNIT_YEN));
    SCORE(f, "2", "A"); /* the band reads the exact score */

    /* an unanswered evaluation */
    e = evaluation(alone, HYOKA_STAGE_SECONDARY, 2012, NULL, NULL);
    SCORE_UNAVAIL(e, HYOKA_REASON_NO_SCORES);
    RATING_UNAVAIL(e, HYOKA_REASON_NO_SCORES);
    /* answers that are not in the scheme */
    answer(e, "relevance", "D");
    SCORE_UNAVAIL(e, HYOKA_REASON_BAD_ANSWER);
    RATING_UNAVAIL(e, HYOKA_REASON_BAD_ANSWER);
    answer(e, "relevance", "A");
    SCORE(e, "3.0", "A");
    answer(e, "必要性", "A");
    SCORE_UNAVAIL(e, HYOKA_REASON_BAD_ANSWER);
    /* an unknown scheme */
    e = evaluation(alone, HYOKA_STAGE_EXTERNAL, 2012, "city-unknown", NULL);
    answer(e, "relevance", "A");
    SCORE_UNAVAIL(e, HYOKA_REASON_NO_SCHEME);
    RATING_UNAVAIL(e, HYOKA_REASON_NO_SCHEME);
    hyoka_project_free(alone);
    hyoka_portfolio_free(pf);
}

static void test_score_us_omb_part(void **state)
{
    hyoka_project *p = new_project("omb");
    hyoka_evaluation *e = evaluation(p, HYOKA_STAGE_EXTERNAL, 2008, "us-omb-part", NULL);
    (void)state;

    answer(e, "purpose", "90");
    answer(e, "planning", "80");
    answer(e, "management", "70");
    answer(e, "results", "60");
    /* (20·90 + 10·80 + 20·70 + 50·60) / 100 = 70: exactly the bound */
    SCORE(e, "70.0", "moderately_effective");
    answer(e, "results", "58");
    SCORE(e, "69.0", "adequate");
    answer(e, "results", "59.99");
    SCORE(e, "70.0", "adequate"); /* 69.995 rounds to 70.0; the band reads 69.995 */
    answer(e, "results", "100");
    SCORE(e, "90.0", "effective");
    answer(e, "purpose", "0");
    answer(e, "planning", "0");
    answer(e, "management", "0");
    answer(e, "results", "0");
    SCORE(e, "0.0", "ineffective");
    /* numbers out of range or not numbers */
    answer(e, "results", "100.5");
    SCORE_UNAVAIL(e, HYOKA_REASON_BAD_ANSWER);
    RATING_UNAVAIL(e, HYOKA_REASON_BAD_ANSWER);
    answer(e, "results", "-1");
    SCORE_UNAVAIL(e, HYOKA_REASON_BAD_ANSWER);
    answer(e, "results", "good");
    SCORE_UNAVAIL(e, HYOKA_REASON_BAD_ANSWER);
    /* results unanswered: Results Not Demonstrated, while the score stands */
    OK(hyoka_evaluation_set_answer(e, "results", HYOKA_NTS, NULL, 0));
    answer(e, "purpose", "90");
    answer(e, "planning", "80");
    answer(e, "management", "70");
    SCORE(e, "80.0", "results_not_demonstrated");
    {
        const char *code = NULL, *label = NULL;
        OK(hyoka_evaluation_rating(e, &code, &label, NULL));
        assert_string_equal(code, "results_not_demonstrated");
        assert_string_equal(label, "Results Not Demonstrated");
        OK(hyoka_evaluation_rating(e, NULL, NULL, NULL));
    }
    /* checked before the answers: a bad answer does not hide it */
    answer(e, "purpose", "bad");
    SCORE(e, NULL, "results_not_demonstrated");
    hyoka_project_free(p);
}

/* A document's own scheme: weights, options without score, numeric
 * criteria, missing bands. */
static void test_score_custom_scheme(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = new_project("c");
    hyoka_scheme *s = NULL, *nb = NULL;
    hyoka_evaluation *e, *z, *b;
    hyoka_decimal two = dec("2"), zero = dec("0"), three = dec("3"), one = dec("1"), lo = dec("0"),
                  hi = dec("5"), min = dec("2.5");
    size_t ix = 0;
    (void)state;

    OK(hyoka_scheme_new(&s, "city-3point", HYOKA_NTS));
    OK(hyoka_scheme_add_criterion(s, "need", HYOKA_NTS, "必要性", HYOKA_NTS, &two, &ix));
    OK(hyoka_scheme_add_option(s, ix, "3", HYOKA_NTS, "高い", HYOKA_NTS, &three));
    OK(hyoka_scheme_add_option(s, ix, "1", HYOKA_NTS, "低い", HYOKA_NTS, &one));
    OK(hyoka_scheme_add_option(s, ix, "na", HYOKA_NTS, "該当なし", HYOKA_NTS, NULL));
    OK(hyoka_scheme_add_criterion(s, "cost", HYOKA_NTS, "コスト", HYOKA_NTS, NULL, &ix));
    OK(hyoka_scheme_set_range(s, ix, &lo, &hi));
    OK(hyoka_scheme_add_criterion(s, "memo", HYOKA_NTS, "参考", HYOKA_NTS, &zero, &ix));
    OK(hyoka_scheme_set_range(s, ix, NULL, NULL));
    OK(hyoka_scheme_add_band(s, &min, "good", HYOKA_NTS, "良", HYOKA_NTS));
    OK(hyoka_scheme_add_band(s, &one, "fair", HYOKA_NTS, "可", HYOKA_NTS));
    OK(hyoka_portfolio_add_scheme(pf, s));
    OK(hyoka_scheme_new(&nb, "no-bands", HYOKA_NTS));
    OK(hyoka_scheme_add_criterion(nb, "x", HYOKA_NTS, NULL, 0, NULL, &ix));
    OK(hyoka_scheme_set_range(nb, ix, NULL, NULL));
    OK(hyoka_scheme_add_criterion(nb, "y", HYOKA_NTS, NULL, 0, &two, &ix));
    OK(hyoka_scheme_set_range(nb, ix, NULL, NULL));
    OK(hyoka_portfolio_add_scheme(pf, nb));
    OK(hyoka_scheme_new(&nb, "huge-band", HYOKA_NTS));
    OK(hyoka_scheme_add_criterion(nb, "x", HYOKA_NTS, NULL, 0, &two, &ix));
    OK(hyoka_scheme_set_range(nb, ix, NULL, NULL));
    {
        hyoka_decimal top = hyoka_decimal_from_int(INT64_MAX);
        OK(hyoka_scheme_add_band(nb, &top, "top", HYOKA_NTS, NULL, 0));
    }
    OK(hyoka_portfolio_add_scheme(pf, nb));
    OK(hyoka_portfolio_add_project(pf, p));

    e = evaluation(p, HYOKA_STAGE_SELF, 2020, "city-3point", NULL);
    answer(e, "need", "3");
    answer(e, "cost", "1.5");
    SCORE(e, "2.5", "good"); /* (2·3 + 1·1.5) / 3 */
    answer(e, "cost", "1.4");
    SCORE(e, "2.5", "fair"); /* 7.4 / 3 = 2.4666…: rounded 2.5, exactly below the band */
    /* an option without a score is not counted */
    answer(e, "need", "na");
    SCORE(e, "1.4", "fair");
    answer(e, "cost", "0.5");
    RATING_UNAVAIL(e, HYOKA_REASON_NO_BANDS); /* below every band */
    SCORE(e, "0.5", NULL);
    OK(hyoka_evaluation_set_answer(e, "cost", HYOKA_NTS, NULL, 0));
    SCORE_UNAVAIL(e, HYOKA_REASON_NO_SCORES);
    RATING_UNAVAIL(e, HYOKA_REASON_NO_SCORES);
    /* weight 0 alone */
    z = evaluation(p, HYOKA_STAGE_SELF, 2020, "city-3point", NULL);
    answer(z, "memo", "12345");
    SCORE_UNAVAIL(z, HYOKA_REASON_ZERO_WEIGHT);
    RATING_UNAVAIL(z, HYOKA_REASON_ZERO_WEIGHT);
    answer(z, "need", "1");
    SCORE(z, "1.0", "fair");
    /* a scheme without bands */
    b = evaluation(p, HYOKA_STAGE_SELF, 2020, "no-bands", NULL);
    answer(b, "x", "7");
    SCORE(b, "7.0", NULL);
    RATING_UNAVAIL(b, HYOKA_REASON_NO_BANDS);
    answer(b, "y", "1.5");
    SCORE(b, "3.3", NULL); /* (7 + 2 × 1.5) / 3 */
    /* exact sums that cannot be held */
    answer(b, "x", "9223372036854775807");
    {
        hyoka_decimal d = sentinel();
        EXPECT_FAIL(HYOKA_ERANGE, hyoka_evaluation_score(b, &d, NULL));
        answer(b, "y", "4611686018427387904"); /* 2 × y alone overflows */
        answer(b, "x", "1");
        EXPECT_FAIL(HYOKA_ERANGE, hyoka_evaluation_score(b, &d, NULL));
        assert_true(hyoka_decimal_identical(&d, &(hyoka_decimal){{0, 0}}) == 0);
    }
    /* a band minimum × Σ weight that cannot be held */
    b = evaluation(p, HYOKA_STAGE_SELF, 2020, "huge-band", NULL);
    answer(b, "x", "1");
    SCORE(b, "1.0", NULL);
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_evaluation_rating(b, NULL, NULL, NULL));
    /* the built-ins are still found through the portfolio */
    b = evaluation(p, HYOKA_STAGE_SELF, 2020, "oecd-dac", NULL);
    answer(b, "relevance", "4");
    answer(b, "impact", "3");
    SCORE(b, "3.5", "highly_satisfactory");
    hyoka_portfolio_free(pf);
}

/* ---- roll-ups and rankings ------------------------------------------------ */

#define TRY(call)                \
    do {                         \
        rc = (call);             \
        if (rc != HYOKA_OK)      \
            goto out;            \
    } while (0)

static int r_year(hyoka_project *p, int32_t fy, int phase, int field, int64_t expense, int64_t personnel,
                  hyoka_costs **out)
{
    hyoka_costs *c = NULL;
    hyoka_staff *s = NULL;
    int rc = hyoka_project_add_year(p, fy, &c);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka_costs_set_phase(c, phase);
    if (rc == HYOKA_OK && field >= 0) {
        rc = hyoka_costs_set(c, field, expense);
        if (rc == HYOKA_OK)
            rc = hyoka_costs_set(c, HYOKA_COST_GENERAL, expense);
    }
    if (rc == HYOKA_OK && personnel >= 0)
        rc = hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, &s);
    if (rc == HYOKA_OK && personnel >= 0)
        rc = hyoka_staff_set_amount(s, HYOKA_STAFF_AMOUNT, personnel);
    if (out)
        *out = c;
    return rc;
}

static int r_eval(hyoka_project *p, int stage, int32_t fy, const char *verdict, const char *a1, const char *v1,
                  const char *a2, const char *v2)
{
    hyoka_evaluation *e = NULL;
    int rc = hyoka_project_add_evaluation(p, stage, &e);
    if (rc == HYOKA_OK && fy)
        rc = hyoka_evaluation_set_fiscal_year(e, fy);
    if (rc == HYOKA_OK && verdict)
        rc = hyoka_evaluation_set_text(e, HYOKA_EVAL_VERDICT, verdict, HYOKA_NTS);
    if (rc == HYOKA_OK && a1)
        rc = hyoka_evaluation_set_answer(e, a1, HYOKA_NTS, v1, HYOKA_NTS);
    if (rc == HYOKA_OK && a2)
        rc = hyoka_evaluation_set_answer(e, a2, HYOKA_NTS, v2, HYOKA_NTS);
    return rc;
}

static int r_class(hyoka_project *p, const char *code, const char *name)
{
    return hyoka_project_add_class(p, HYOKA_CLASS_POLICY, "level", HYOKA_NTS, code, HYOKA_NTS, name, HYOKA_NTS);
}

/* Four projects from the four seeds (and a sub-project that must not be
 * added again). Works under allocation failure: returns the error with
 * nothing leaked. */
static int build_portfolio(hyoka_portfolio **out)
{
    static const int64_t e4[5] = {243000, 243000, 243000, 358000, 495000};
    static const int64_t p4[5] = {914000, 913000, 917000, 1213000, 889000};
    hyoka_portfolio *pf = NULL;
    hyoka_project *p = NULL, *child = NULL;
    hyoka_costs *c = NULL;
    hyoka_staff *s = NULL;
    hyoka_decimal fte = hyoka_decimal_from_int(0);
    int rc;

    TRY(hyoka_decimal_from_parts(30, 2, &fte)); /* 0.30 */
    TRY(hyoka_portfolio_new(&pf));
    TRY(hyoka_portfolio_set_denominator(pf, 2016, HYOKA_COST_POPULATION, 80000));

    /* P1 seed 001 — 総合政策部, policy 8 / 1 */
    TRY(hyoka_project_new(&p));
    TRY(hyoka_project_set_code(p, "010802", HYOKA_NTS));
    TRY(hyoka_project_set_text(p, HYOKA_TEXT_DEPARTMENT, "総合政策部", HYOKA_NTS));
    TRY(r_class(p, "8", "計画の推進に向けて"));
    TRY(r_class(p, "1", "市民との協働"));
    TRY(r_year(p, 2006, HYOKA_PHASE_SETTLED, HYOKA_COST_SETTLEMENT, 0, 12236000, NULL));
    TRY(r_year(p, 2007, HYOKA_PHASE_SETTLED, HYOKA_COST_SETTLEMENT, 0, 16627000, NULL));
    TRY(r_eval(p, HYOKA_STAGE_SECONDARY, 2006, "expand", NULL, NULL, NULL, NULL));
    TRY(r_eval(p, HYOKA_STAGE_PRIMARY, 2007, "improve", "relevance", "A", "efficiency", "B"));
    TRY(r_eval(p, HYOKA_STAGE_SELF, 2007, "reduce", NULL, NULL, NULL, NULL));
    TRY(hyoka_portfolio_add_project(pf, p));
    p = NULL;

    /* P2 seed 002 — 総務部, policy 5 / 9 / 3 */
    TRY(hyoka_project_new(&p));
    TRY(hyoka_project_set_code(p, "00832", HYOKA_NTS));
    TRY(hyoka_project_set_text(p, HYOKA_TEXT_DEPARTMENT, "総務部", HYOKA_NTS));
    TRY(r_class(p, "5", "快適な生活環境のまち"));
    TRY(r_class(p, "9", "情報公開・広報広聴の充実"));
    TRY(r_class(p, "3", "個人情報の保護"));
    TRY(r_year(p, 2016, HYOKA_PHASE_SETTLED, HYOKA_COST_SETTLEMENT, 223000, -1, &c));
    TRY(hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, &s));
    TRY(hyoka_staff_set_decimal(s, HYOKA_STAFF_FTE, &fte));
    TRY(hyoka_staff_set_amount(s, HYOKA_STAFF_UNIT_COST, 8400000));
    TRY(r_year(p, 2017, HYOKA_PHASE_BUDGET, HYOKA_COST_FINAL_BUDGET, 436000, 2520000, NULL));
    TRY(r_eval(p, HYOKA_STAGE_PRIMARY, 2017, "end", "relevance", "3", "achievement", "3"));
    TRY(r_eval(p, HYOKA_STAGE_SECONDARY, 2017, "end", "relevance", "3", "efficiency", "3"));
    TRY(hyoka_project_new(&child));
    TRY(r_year(child, 2016, HYOKA_PHASE_SETTLED, HYOKA_COST_SETTLEMENT, 1000000, 1000000, NULL));
    TRY(hyoka_project_add_child(p, child));
    child = NULL;
    TRY(hyoka_portfolio_add_project(pf, p));
    p = NULL;

    /* P3 seed 003 — 総務部, policy by name then code, no evaluation */
    TRY(hyoka_project_new(&p));
    TRY(hyoka_project_set_code(p, "1379", HYOKA_NTS));
    TRY(hyoka_project_set_text(p, HYOKA_TEXT_DEPARTMENT, "総務部", HYOKA_NTS));
    TRY(r_class(p, NULL, "第5章 自律協働都市"));
    TRY(r_class(p, "03", "情報化"));
    TRY(r_year(p, 2012, HYOKA_PHASE_SETTLED, HYOKA_COST_SETTLEMENT, 5917000, 4761000, NULL));
    TRY(hyoka_portfolio_add_project(pf, p));
    p = NULL;

    /* P4 seed 004 — no department, no policy; a last year without expense */
    TRY(hyoka_project_new(&p));
    TRY(hyoka_project_set_code(p, "moka", HYOKA_NTS));
    for (int i = 0; i < 5; i++)
        TRY(r_year(p, 2016 + i, i < 4 ? HYOKA_PHASE_SETTLED : HYOKA_PHASE_FORECAST,
                   i < 4 ? HYOKA_COST_SETTLEMENT : HYOKA_COST_FINAL_BUDGET, e4[i], p4[i], NULL));
    TRY(r_year(p, 2021, HYOKA_PHASE_PLAN, -1, 0, -1, NULL));
    TRY(r_eval(p, HYOKA_STAGE_COMMITTEE, 0, "maintain", NULL, NULL, NULL, NULL));
    TRY(r_eval(p, HYOKA_STAGE_SELF, 2019, "review", "relevance", "Z", NULL, NULL));
    TRY(hyoka_portfolio_add_project(pf, p));
    p = NULL;

    *out = pf;
    return HYOKA_OK;
out:
    hyoka_project_free(child);
    hyoka_project_free(p);
    hyoka_portfolio_free(pf);
    return rc;
}

struct row_want {
    const char *key;
    size_t projects;
    int64_t expense, personnel, total, general;
};

static void check_rollup_(const hyoka_rollup *r, const struct row_want *want, size_t n, int line)
{
    if (hyoka_rollup_count(r) != n)
        fail_msg("line %d: %zu rows, want %zu", line, hyoka_rollup_count(r), n);
    for (size_t i = 0; i < n; i++) {
        int64_t v = -1;
        const char *key = hyoka_rollup_key(r, i);
        if (!key || strcmp(key, want[i].key) != 0)
            fail_msg("line %d: row %zu key \"%s\", want \"%s\"", line, i, key ? key : "(null)", want[i].key);
        if (hyoka_rollup_projects(r, i) != want[i].projects)
            fail_msg("line %d: row %s: %zu projects, want %zu", line, key, hyoka_rollup_projects(r, i),
                     want[i].projects);
        OK(hyoka_rollup_total(r, i, HYOKA_FIG_EXPENSE, &v));
        if (v != want[i].expense)
            fail_msg("line %d: row %s expense %lld, want %lld", line, key, (long long)v, (long long)want[i].expense);
        OK(hyoka_rollup_total(r, i, HYOKA_FIG_PERSONNEL, &v));
        if (v != want[i].personnel)
            fail_msg("line %d: row %s personnel %lld, want %lld", line, key, (long long)v,
                     (long long)want[i].personnel);
        OK(hyoka_rollup_total(r, i, HYOKA_FIG_TOTAL_COST, &v));
        if (v != want[i].total)
            fail_msg("line %d: row %s total %lld, want %lld", line, key, (long long)v, (long long)want[i].total);
        OK(hyoka_rollup_total(r, i, HYOKA_FIG_GENERAL_REVENUE, &v));
        if (v != want[i].general)
            fail_msg("line %d: row %s general %lld, want %lld", line, key, (long long)v, (long long)want[i].general);
        OK(hyoka_rollup_total(r, i, HYOKA_FIG_DEBT_SERVICE, &v));
        assert_int_equal(v, 0);
        OK(hyoka_rollup_total(r, i, HYOKA_FIG_SPECIFIC_REVENUE, &v));
        assert_int_equal(v, 0);
    }
    assert_null(hyoka_rollup_key(r, n));
    assert_int_equal(hyoka_rollup_projects(r, n), 0);
}
#define CHECK_ROLLUP(r, want) check_rollup_((r), (want), sizeof(want) / sizeof((want)[0]), __LINE__)

static hyoka_rollup *rollup(const hyoka_portfolio *pf, int group_by, int depth, int32_t fy)
{
    hyoka_rollup *r = NULL;
    OK(hyoka_rollup_new(&r, pf, group_by, depth, fy));
    assert_non_null(r);
    return r;
}

static void test_rollup_by_department(void **state)
{
    static const struct row_want all[] = {
        {"", 1, 1582000, 4846000, 6428000, 1582000},
        {"総務部", 2, 6576000, 9801000, 16377000, 6576000},
        {"総合政策部", 1, 0, 28863000, 28863000, 0},
    };
    static const struct row_want fy2016[] = {
        {"", 1, 243000, 914000, 1157000, 243000},
        {"総務部", 1, 223000, 2520000, 2743000, 223000},
    };
    static const struct row_want fy2000[] = {{"", 0, 0, 0, 0, 0}};
    hyoka_portfolio *pf = NULL;
    hyoka_rollup *r;
    (void)state;

    OK(build_portfolio(&pf));
    r = rollup(pf, HYOKA_GROUP_DEPARTMENT, 0, 0);
    CHECK_ROLLUP(r, all);
    hyoka_rollup_free(r);
    r = rollup(pf, HYOKA_GROUP_DEPARTMENT, 99, 2016);
    CHECK_ROLLUP(r, fy2016);
    hyoka_rollup_free(r);
    r = rollup(pf, HYOKA_GROUP_DEPARTMENT, 0, 2000);
    assert_int_equal(hyoka_rollup_count(r), 0);
    check_rollup_(r, fy2000, 0, __LINE__);
    hyoka_rollup_free(r);
    hyoka_portfolio_free(pf);
}

static void test_rollup_by_fiscal_year(void **state)
{
    static const struct row_want all[] = {
        {"2006", 1, 0, 12236000, 12236000, 0},
        {"2007", 1, 0, 16627000, 16627000, 0},
        {"2012", 1, 5917000, 4761000, 10678000, 5917000},
        {"2016", 2, 466000, 3434000, 3900000, 466000},
        {"2017", 2, 679000, 3433000, 4112000, 679000},
        {"2018", 1, 243000, 917000, 1160000, 243000},
        {"2019", 1, 358000, 1213000, 1571000, 358000},
        {"2020", 1, 495000, 889000, 1384000, 495000},
        {"2021", 1, 0, 0, 0, 0},
    };
    static const struct row_want fy2017[] = {{"2017", 2, 679000, 3433000, 4112000, 679000}};
    hyoka_portfolio *pf = NULL;
    hyoka_rollup *r;
    (void)state;

    OK(build_portfolio(&pf));
    r = rollup(pf, HYOKA_GROUP_FISCAL_YEAR, 0, 0);
    CHECK_ROLLUP(r, all);
    hyoka_rollup_free(r);
    r = rollup(pf, HYOKA_GROUP_FISCAL_YEAR, 0, 2017);
    CHECK_ROLLUP(r, fy2017);
    hyoka_rollup_free(r);
    hyoka_portfolio_free(pf);
}

static void test_rollup_by_policy(void **state)
{
    static const struct row_want depth1[] = {
        {"", 1, 1582000, 4846000, 6428000, 1582000},
        {"5", 1, 659000, 5040000, 5699000, 659000},
        {"8", 1, 0, 28863000, 28863000, 0},
        {"第5章 自律協働都市", 1, 5917000, 4761000, 10678000, 5917000},
    };
    static const struct row_want depth2[] = {
        {"", 1, 1582000, 4846000, 6428000, 1582000},
        {"5/9", 1, 659000, 5040000, 5699000, 659000},
        {"8/1", 1, 0, 28863000, 28863000, 0},
        {"第5章 自律協働都市/03", 1, 5917000, 4761000, 10678000, 5917000},
    };
    static const struct row_want depth9[] = {
        {"", 1, 1582000, 4846000, 6428000, 1582000},
        {"5/9/3", 1, 659000, 5040000, 5699000, 659000},
        {"8/1", 1, 0, 28863000, 28863000, 0},
        {"第5章 自律協働都市/03", 1, 5917000, 4761000, 10678000, 5917000},
    };
    hyoka_portfolio *pf = NULL;
    hyoka_rollup *r = NULL;
    (void)state;

    OK(build_portfolio(&pf));
    r = rollup(pf, HYOKA_GROUP_POLICY, 1, 0);
    CHECK_ROLLUP(r, depth1);
    hyoka_rollup_free(r);
    r = rollup(pf, HYOKA_GROUP_POLICY, 2, 0);
    CHECK_ROLLUP(r, depth2);
    hyoka_rollup_free(r);
    r = rollup(pf, HYOKA_GROUP_POLICY, 9, 0);
    CHECK_ROLLUP(r, depth9);
    hyoka_rollup_free(r);
    /* two projects under one node */
    OK(r_class(hyoka_portfolio_project_at(pf, 3), "8", NULL));
    r = rollup(pf, HYOKA_GROUP_POLICY, 1, 0);
    assert_int_equal(hyoka_rollup_count(r), 3);
    assert_string_equal(hyoka_rollup_key(r, 1), "8");
    assert_int_equal(hyoka_rollup_projects(r, 1), 2);
    hyoka_rollup_free(r);

    r = NULL;
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_rollup_new(&r, pf, HYOKA_GROUP_POLICY, 0, 0));
    assert_null(r);
    hyoka_portfolio_free(pf);
}

static void test_rollup_by_verdict(void **state)
{
    static const struct row_want all[] = {
        {"", 1, 5917000, 4761000, 10678000, 5917000},
        {"end", 1, 659000, 5040000, 5699000, 659000},
        {"improve", 1, 0, 28863000, 28863000, 0},
        {"review", 1, 1582000, 4846000, 6428000, 1582000},
    };
    hyoka_portfolio *pf = NULL;
    hyoka_rollup *r;
    hyoka_evaluation *e = NULL;
    (void)state;

    OK(build_portfolio(&pf));
    r = rollup(pf, HYOKA_GROUP_VERDICT, 0, 0);
    CHECK_ROLLUP(r, all);
    hyoka_rollup_free(r);
    /* a later evaluation of the same year and stage wins; then a later year */
    OK(r_eval(hyoka_portfolio_project_at(pf, 0), HYOKA_STAGE_PRIMARY, 2007, "expand", NULL, NULL, NULL, NULL));
    OK(r_eval(hyoka_portfolio_project_at(pf, 1), HYOKA_STAGE_SECONDARY, 2018, NULL, NULL, NULL, NULL, NULL));
    OK(hyoka_project_add_evaluation(hyoka_portfolio_project_at(pf, 2), HYOKA_UNSET, &e));
    OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_VERDICT, "abolish", HYOKA_NTS));
    r = rollup(pf, HYOKA_GROUP_VERDICT, 0, 0);
    assert_int_equal(hyoka_rollup_count(r), 4);
    assert_string_equal(hyoka_rollup_key(r, 0), "");
    assert_int_equal(hyoka_rollup_projects(r, 0), 1); /* P2: its final evaluation has no verdict */
    assert_string_equal(hyoka_rollup_key(r, 1), "abolish");
    assert_string_equal(hyoka_rollup_key(r, 2), "expand");
    assert_string_equal(hyoka_rollup_key(r, 3), "review");
    hyoka_rollup_free(r);
    hyoka_portfolio_free(pf);
}

static void test_rollup_arguments(void **state)
{
    hyoka_portfolio *pf = NULL, *empty = new_portfolio();
    hyoka_rollup *r = NULL;
    int64_t v = 9;
    (void)state;

    OK(build_portfolio(&pf));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_rollup_new(&r, NULL, HYOKA_GROUP_DEPARTMENT, 0, 0));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_rollup_new(NULL, pf, HYOKA_GROUP_DEPARTMENT, 0, 0));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_rollup_new(&r, pf, -1, 0, 0));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_rollup_new(&r, pf, HYOKA_GROUP_VERDICT + 1, 0, 0));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_rollup_new(&r, pf, HYOKA_GROUP_FISCAL_YEAR, 0, 12));
    assert_null(r);
    r = rollup(pf, HYOKA_GROUP_DEPARTMENT, 0, 0);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_rollup_total(NULL, 0, HYOKA_FIG_EXPENSE, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_rollup_total(r, 0, HYOKA_FIG_EXPENSE, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_rollup_total(r, 0, HYOKA_FIG_PER_CAPITA, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_rollup_total(r, 0, -1, &v));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_rollup_total(r, 3, HYOKA_FIG_EXPENSE, &v));
    assert_int_equal(v, 9);
    hyoka_rollup_free(r);
    hyoka_rollup_free(NULL);
    assert_int_equal(hyoka_rollup_count(NULL), 0);
    assert_null(hyoka_rollup_key(NULL, 0));
    assert_int_equal(hyoka_rollup_projects(NULL, 0), 0);
    /* an empty portfolio */
    r = rollup(empty, HYOKA_GROUP_FISCAL_YEAR, 0, 0);
    assert_int_equal(hyoka_rollup_count(r), 0);
    hyoka_rollup_free(r);
    /* the roll-up does not refer to the portfolio */
    r = rollup(pf, HYOKA_GROUP_DEPARTMENT, 0, 0);
    hyoka_portfolio_free(pf);
    assert_string_equal(hyoka_rollup_key(r, 1), "総務部");
    OK(hyoka_rollup_total(r, 1, HYOKA_FIG_TOTAL_COST, &v));
    assert_int_equal(v, 16377000);
    hyoka_rollup_free(r);
    hyoka_portfolio_free(empty);
}

static void test_rollup_overflow(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *a = new_project("a"), *b = new_project("b");
    hyoka_rollup *r = NULL;
    hyoka_costs *c;
    (void)state;

    set(year(a, 2010, HYOKA_PHASE_SETTLED), HYOKA_COST_SETTLEMENT, BIG);
    c = year(b, 2010, HYOKA_PHASE_SETTLED);
    set(c, HYOKA_COST_SETTLEMENT, BIG);
    OK(hyoka_portfolio_add_project(pf, a));
    OK(hyoka_portfolio_add_project(pf, b));
    /* Since 1.1 a total that overflows is unavailable on its own: the
     * roll-up is made and its other totals are given. */
    for (int g = HYOKA_GROUP_FISCAL_YEAR; g <= HYOKA_GROUP_DEPARTMENT; g++) {
        int64_t v = -1;
        r = rollup(pf, g, 0, 0);
        assert_int_equal(hyoka_rollup_count(r), 1);
        EXPECT_FAIL(HYOKA_ERANGE, hyoka_rollup_total(r, 0, HYOKA_FIG_EXPENSE, &v));
        EXPECT_FAIL(HYOKA_ERANGE, hyoka_rollup_total(r, 0, HYOKA_FIG_TOTAL_COST, &v));
        assert_int_equal(v, -1);
        OK(hyoka_rollup_total(r, 0, HYOKA_FIG_PERSONNEL, &v));
        assert_int_equal(v, 0);
        hyoka_rollup_free(r);
    }
    r = NULL;
    /* in separate groups each total fits */
    OK(hyoka_project_set_text(b, HYOKA_TEXT_DEPARTMENT, "b", HYOKA_NTS));
    r = rollup(pf, HYOKA_GROUP_DEPARTMENT, 0, 0);
    assert_int_equal(hyoka_rollup_count(r), 2);
    hyoka_rollup_free(r);
    /* a negative amount brings the exact total back */
    set(year(b, 2010, HYOKA_PHASE_SETTLED), HYOKA_COST_SETTLEMENT, -BIG);
    r = rollup(pf, HYOKA_GROUP_FISCAL_YEAR, 0, 0);
    hyoka_rollup_free(r);
    /* a figure that overflows in a cost year */
    c = year(a, 2011, HYOKA_PHASE_SETTLED);
    set(c, HYOKA_COST_SETTLEMENT, 700);
    staff(c, HYOKA_CATEGORY_REGULAR, NULL, -1, BIG);
    staff(c, HYOKA_CATEGORY_REGULAR, NULL, -1, BIG);
    {
        hyoka_decimal d;
        int why = HYOKA_REASON_NONE;
        int64_t v = -1;
        EXPECT_FAIL(HYOKA_ERANGE, hyoka_costs_figure(c, HYOKA_FIG_PERSONNEL, &d, &why));
        assert_int_equal(why, HYOKA_REASON_OVERFLOW);
        /* the personnel (and so total cost) of 2011 is unavailable; its
         * expense is still summed, and 2010 is not touched */
        r = rollup(pf, HYOKA_GROUP_FISCAL_YEAR, 0, 2011);
        assert_int_equal(hyoka_rollup_count(r), 1);
        EXPECT_FAIL(HYOKA_ERANGE, hyoka_rollup_total(r, 0, HYOKA_FIG_PERSONNEL, &v));
        EXPECT_FAIL(HYOKA_ERANGE, hyoka_rollup_total(r, 0, HYOKA_FIG_TOTAL_COST, &v));
        OK(hyoka_rollup_total(r, 0, HYOKA_FIG_EXPENSE, &v));
        assert_int_equal(v, 700);
        hyoka_rollup_free(r);
        r = rollup(pf, HYOKA_GROUP_VERDICT, 0, 0);
        EXPECT_FAIL(HYOKA_ERANGE, hyoka_rollup_total(r, 0, HYOKA_FIG_PERSONNEL, &v));
        hyoka_rollup_free(r);
    }
    hyoka_portfolio_free(pf);
}

static void check_ranking_(const hyoka_ranking *r, const char *const *codes, const char *const *values, size_t n,
                           int line)
{
    char buf[HYOKA_DECIMAL_STRING_MAX];
    if (hyoka_ranking_count(r) != n)
        fail_msg("line %d: %zu entries, want %zu", line, hyoka_ranking_count(r), n);
    for (size_t i = 0; i < n; i++) {
        hyoka_project *p = NULL;
        hyoka_decimal v = sentinel();
        int reason = -7;
        int rc = hyoka_ranking_at(r, i, &p, &v, &reason);
        assert_non_null(p);
        if (strcmp(hyoka_project_code(p), codes[i]) != 0)
            fail_msg("line %d: entry %zu is %s, want %s", line, i, hyoka_project_code(p), codes[i]);
        if (values[i][0] == '!') {
            if (rc != HYOKA_EUNAVAILABLE || strcmp(hyoka_reason_name(reason), values[i] + 1) != 0)
                fail_msg("line %d: entry %zu: %s reason %s, want %s", line, i, hyoka_status_name(rc),
                         hyoka_reason_name(reason), values[i] + 1);
            assert_int_equal(hyoka_error_last_code(), HYOKA_EUNAVAILABLE);
        } else {
            if (rc != HYOKA_OK || reason != HYOKA_REASON_NONE || strcmp(show(&v, buf), values[i]) != 0)
                fail_msg("line %d: entry %zu: %s %s, want %s", line, i, hyoka_status_name(rc),
                         rc == HYOKA_OK ? buf : "", values[i]);
        }
    }
}
#define CHECK_RANKING(r, codes, values) \
    check_ranking_((r), (codes), (values), sizeof(codes) / sizeof((codes)[0]), __LINE__)

static hyoka_ranking *ranking(const hyoka_portfolio *pf, int figure, int32_t fy, int descending)
{
    hyoka_ranking *r = NULL;
    OK(hyoka_ranking_new(&r, pf, figure, fy, descending));
    assert_non_null(r);
    return r;
}

static void test_ranking(void **state)
{
    static const char *const asc_codes[] = {"moka", "00832", "010802", "1379"};
    static const char *const asc_values[] = {"1157000", "2743000", "!no_year", "!no_year"};
    static const char *const desc_codes[] = {"00832", "moka", "010802", "1379"};
    static const char *const desc_values[] = {"2743000", "1157000", "!no_year", "!no_year"};
    static const char *const tie_codes[] = {"00832", "moka", "010802", "1379"};
    static const char *const tie_values[] = {"0", "0", "!no_year", "!no_year"};
    static const char *const pc_codes[] = {"00832", "moka", "010802", "1379"};
    static const char *const pc_values[] = {"34.3", "14.5", "!no_year", "!no_year"};
    static const char *const exp_codes[] = {"010802", "00832", "1379", "moka"};
    static const char *const exp_values[] = {"!no_year", "!no_year", "!no_year", "!no_expense"};
    static const char *const sc_asc_codes[] = {"010802", "00832", "1379", "moka"};
    static const char *const sc_asc_values[] = {"2.5", "3.0", "!no_scores", "!bad_answer"};
    static const char *const sc_desc_codes[] = {"00832", "010802", "1379", "moka"};
    static const char *const sc_desc_values[] = {"3.0", "2.5", "!no_scores", "!bad_answer"};
    hyoka_portfolio *pf = NULL;
    hyoka_ranking *r;
    (void)state;

    OK(build_portfolio(&pf));
    r = ranking(pf, HYOKA_FIG_TOTAL_COST, 2016, 0);
    CHECK_RANKING(r, asc_codes, asc_values);
    hyoka_ranking_free(r);
    r = ranking(pf, HYOKA_FIG_TOTAL_COST, 2016, 1);
    CHECK_RANKING(r, desc_codes, desc_values);
    hyoka_ranking_free(r);
    /* ties keep document order either way */
    r = ranking(pf, HYOKA_FIG_DEBT_SERVICE, 2016, 0);
    CHECK_RANKING(r, tie_codes, tie_values);
    hyoka_ranking_free(r);
    r = ranking(pf, HYOKA_FIG_DEBT_SERVICE, 2016, 1);
    CHECK_RANKING(r, tie_codes, tie_values);
    hyoka_ranking_free(r);
    /* a ratio figure, with the portfolio's denominator (80,000 in 2016) */
    r = ranking(pf, HYOKA_FIG_PER_CAPITA, 2016, 1);
    CHECK_RANKING(r, pc_codes, pc_values);
    hyoka_ranking_free(r);
    /* unavailable in the year itself */
    r = ranking(pf, HYOKA_FIG_TOTAL_COST, 2021, 1);
    CHECK_RANKING(r, exp_codes, exp_values);
    hyoka_ranking_free(r);
    /* by the final evaluation's score (A, B → 2.5; 3, 3 → 3.0) */
    r = ranking(pf, HYOKA_FIG_SCORE, 0, 0);
    CHECK_RANKING(r, sc_asc_codes, sc_asc_values);
    hyoka_ranking_free(r);
    r = ranking(pf, HYOKA_FIG_SCORE, 1999, 1);
    CHECK_RANKING(r, sc_desc_codes, sc_desc_values);
    hyoka_ranking_free(r);
    hyoka_portfolio_free(pf);
}

static void test_ranking_arguments(void **state)
{
    hyoka_portfolio *pf = NULL, *empty = new_portfolio();
    hyoka_ranking *r = NULL;
    hyoka_project *p = NULL;
    hyoka_decimal v = sentinel(), s = sentinel();
    int reason = -7;
    (void)state;

    OK(build_portfolio(&pf));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_ranking_new(&r, NULL, HYOKA_FIG_TOTAL_COST, 2016, 0));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_ranking_new(NULL, pf, HYOKA_FIG_TOTAL_COST, 2016, 0));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_ranking_new(&r, pf, -1, 2016, 0));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_ranking_new(&r, pf, HYOKA_FIG_ACHIEVEMENT, 2016, 0));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_ranking_new(&r, pf, HYOKA_FIG_CHANGE, 2016, 0));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_ranking_new(&r, pf, HYOKA_FIG_SCORE + 1, 2016, 0));
    assert_null(r);
    r = ranking(pf, HYOKA_FIG_TOTAL_COST, 2016, 0);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_ranking_at(NULL, 0, &p, &v, &reason));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_ranking_at(r, 4, &p, &v, &reason));
    assert_true(hyoka_decimal_identical(&v, &s));
    assert_int_equal(reason, -7);
    /* outputs may be NULL */
    OK(hyoka_ranking_at(r, 0, NULL, NULL, NULL));
    EXPECT_FAIL(HYOKA_EUNAVAILABLE, hyoka_ranking_at(r, 3, NULL, NULL, NULL));
    /* an unavailable entry leaves the value alone */
    EXPECT_FAIL(HYOKA_EUNAVAILABLE, hyoka_ranking_at(r, 3, &p, &v, &reason));
    assert_true(hyoka_decimal_identical(&v, &s));
    assert_int_equal(reason, HYOKA_REASON_NO_YEAR);
    assert_ptr_equal(p, hyoka_portfolio_project_at(pf, 2));
    hyoka_ranking_free(r);
    hyoka_ranking_free(NULL);
    assert_int_equal(hyoka_ranking_count(NULL), 0);
    r = ranking(empty, HYOKA_FIG_SCORE, 0, 1);
    assert_int_equal(hyoka_ranking_count(r), 0);
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_ranking_at(r, 0, &p, &v, &reason));
    hyoka_ranking_free(r);
    /* an overflowing figure */
    {
        hyoka_costs *c = hyoka_project_find_year(hyoka_portfolio_project_at(pf, 3), 2016);
        hyoka_decimal v2;
        staff(c, HYOKA_CATEGORY_REGULAR, NULL, -1, INT64_MAX);
        /* Since 1.1 that project alone is unavailable, with the reason,
         * and comes last; the others are ranked. */
        r = ranking(pf, HYOKA_FIG_TOTAL_COST, 2016, 0);
        assert_int_equal(hyoka_ranking_count(r), hyoka_portfolio_project_count(pf));
        p = NULL;
        EXPECT_FAIL(HYOKA_EUNAVAILABLE,
                    hyoka_ranking_at(r, hyoka_ranking_count(r) - 1, &p, &v2, &reason));
        assert_int_equal(reason, HYOKA_REASON_OVERFLOW);
        assert_ptr_equal(p, hyoka_portfolio_project_at(pf, 3));
        OK(hyoka_ranking_at(r, 0, &p, &v2, &reason));
        hyoka_ranking_free(r);
    }
    hyoka_portfolio_free(pf);
    hyoka_portfolio_free(empty);
}

/* Figures never change the data. */
static void test_figures_do_not_modify(void **state)
{
    hyoka_portfolio *pf = NULL, *copy = NULL;
    hyoka_rollup *r = NULL;
    hyoka_ranking *k = NULL;
    hyoka_decimal d;
    (void)state;

    OK(build_portfolio(&pf));
    OK(hyoka_portfolio_copy(pf, &copy));
    for (size_t i = 0; i < hyoka_portfolio_project_count(pf); i++) {
        hyoka_project *p = hyoka_portfolio_project_at(pf, i);
        for (size_t y = 0; y < hyoka_project_year_count(p); y++)
            for (int f = HYOKA_FIG_EXPENSE; f <= HYOKA_FIG_SCORE; f++)
                (void)hyoka_costs_figure(hyoka_project_year_at(p, y), f, &d, NULL);
        for (size_t e = 0; e < hyoka_project_evaluation_count(p); e++) {
            (void)hyoka_evaluation_score(hyoka_project_evaluation_at(p, e), &d, NULL);
            (void)hyoka_evaluation_rating(hyoka_project_evaluation_at(p, e), NULL, NULL, NULL);
        }
    }
    for (int g = HYOKA_GROUP_FISCAL_YEAR; g <= HYOKA_GROUP_VERDICT; g++) {
        OK(hyoka_rollup_new(&r, pf, g, 2, 0));
        hyoka_rollup_free(r);
    }
    OK(hyoka_ranking_new(&k, pf, HYOKA_FIG_SCORE, 0, 1));
    hyoka_ranking_free(k);
    assert_true(hyoka_portfolio_equal(pf, copy));
    hyoka_portfolio_free(copy);
    hyoka_portfolio_free(pf);
}

/* ---- allocation failures -------------------------------------------------- */

static int body_rollup(void *ctx)
{
    int group_by = *(const int *)ctx;
    hyoka_portfolio *pf = NULL;
    hyoka_rollup *r = NULL;
    int rc = build_portfolio(&pf);

    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka_rollup_new(&r, pf, group_by, 2, 0);
    if (rc == HYOKA_OK) {
        int64_t v = 0;
        assert_true(hyoka_rollup_count(r) >= 3);
        assert_int_equal(hyoka_rollup_total(r, 0, HYOKA_FIG_TOTAL_COST, &v), HYOKA_OK);
        hyoka_rollup_free(r);
    } else {
        assert_null(r);
    }
    hyoka_portfolio_free(pf);
    return rc;
}

static void test_alloc_rollup(void **state)
{
    (void)state;
    for (int g = HYOKA_GROUP_FISCAL_YEAR; g <= HYOKA_GROUP_VERDICT; g++)
        assert_true(failalloc_sweep(body_rollup, &g) > 0);
}

static int body_ranking(void *ctx)
{
    int figure = *(const int *)ctx;
    hyoka_portfolio *pf = NULL;
    hyoka_ranking *r = NULL;
    int rc = build_portfolio(&pf);

    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka_ranking_new(&r, pf, figure, 2016, 1);
    if (rc == HYOKA_OK) {
        assert_int_equal(hyoka_ranking_count(r), 4);
        hyoka_ranking_free(r);
    } else {
        assert_null(r);
    }
    hyoka_portfolio_free(pf);
    return rc;
}

static void test_alloc_ranking(void **state)
{
    int figures[] = {HYOKA_FIG_TOTAL_COST, HYOKA_FIG_SCORE};
    (void)state;
    for (size_t i = 0; i < 2; i++)
        assert_true(failalloc_sweep(body_ranking, &figures[i]) > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reason_names),
        cmocka_unit_test(test_expense),
        cmocka_unit_test(test_unavailable_messages),
        cmocka_unit_test(test_staff_cost),
        cmocka_unit_test(test_staff_cost_rounding),
        cmocka_unit_test(test_money_figures),
        cmocka_unit_test(test_seed_totals),
        cmocka_unit_test(test_seed001_per_head),
        cmocka_unit_test(test_seed003_per_head),
        cmocka_unit_test(test_per_head_without_portfolio),
        cmocka_unit_test(test_execution_rate),
        cmocka_unit_test(test_shares),
        cmocka_unit_test(test_total_cost_change),
        cmocka_unit_test(test_not_a_figure_and_arguments),
        cmocka_unit_test(test_overflow),
        cmocka_unit_test(test_achievement),
        cmocka_unit_test(test_achievement_rule),
        cmocka_unit_test(test_achievement_reasons),
        cmocka_unit_test(test_achievement_maintain),
        cmocka_unit_test(test_indicator_change),
        cmocka_unit_test(test_score_jp_standard),
        cmocka_unit_test(test_score_us_omb_part),
        cmocka_unit_test(test_score_custom_scheme),
        cmocka_unit_test(test_rollup_by_department),
        cmocka_unit_test(test_rollup_by_fiscal_year),
        cmocka_unit_test(test_rollup_by_policy),
        cmocka_unit_test(test_rollup_by_verdict),
        cmocka_unit_test(test_rollup_arguments),
        cmocka_unit_test(test_rollup_overflow),
        cmocka_unit_test(test_ranking),
        cmocka_unit_test(test_ranking_arguments),
        cmocka_unit_test(test_figures_do_not_modify),
        cmocka_unit_test(test_alloc_rollup),
        cmocka_unit_test(test_alloc_ranking),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
