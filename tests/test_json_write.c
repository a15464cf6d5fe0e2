/* Tests of the writers of json.h: canonical hyoka/1 (byte-exact, pretty and
 * compact), amounts in thousands of yen, escaping, hyoka-metrics/1, report
 * JSON, writing files, deep trees, a project of many cost years (figures,
 * diagnostics and time), allocation failures and determinism on generated
 * portfolios. Public API only. */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "failalloc.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

#define OK(call) ok_((call), #call, __LINE__)

static void ok_(int rc, const char *what, int line)
{
    if (rc != HYOKA_OK)
        fail_msg("line %d: %s: %s (%s)", line, what, hyoka_status_name(rc), hyoka_error_last());
}

#define EXPECT_FAIL(code, call)                            \
    do {                                                   \
        hyoka_error_clear();                               \
        assert_int_equal((call), (code));                  \
        assert_int_equal(hyoka_error_last_code(), (code)); \
        assert_true(strlen(hyoka_error_last()) > 0);       \
    } while (0)

static hyoka_decimal dec(const char *text)
{
    hyoka_decimal d = {{0, 0}};
    if (hyoka_decimal_parse(text, HYOKA_NTS, &d) != HYOKA_OK)
        fail_msg("parse(%s): %s", text, hyoka_error_last());
    return d;
}

static int32_t date(int32_t y, int m, int d)
{
    int32_t v = 0;
    OK(hyoka_date_make(y, m, d, &v));
    return v;
}

/* Compare a text with the expected one; on a difference, show where. */
static void expect_text_(const char *actual, size_t len, const char *expected, int line)
{
    size_t n = strlen(expected), i = 0;

    assert_non_null(actual);
    assert_int_equal(strlen(actual), len); /* NUL-terminated at len, no NUL inside */
    if (len == n && memcmp(actual, expected, n) == 0)
        return;
    while (i < len && i < n && actual[i] == expected[i])
        i++;
    fprintf(stderr, "line %d: texts differ at byte %zu (lengths %zu, expected %zu)\n--- actual:\n%s\n---\n", line, i,
            len, n, actual);
    fail_msg("line %d: texts differ at byte %zu: ...%.40s... vs ...%.40s...", line, i, actual + (i > 20 ? i - 20 : 0),
             expected + (i > 20 ? i - 20 : 0));
}
#define expect_text(actual, len, expected) expect_text_((actual), (len), (expected), __LINE__)

static char *write_doc(const hyoka_portfolio *pf, unsigned flags, size_t *len)
{
    char *out = NULL;
    size_t n = 0;
    OK(hyoka_json_write(pf, flags, &out, &n));
    assert_non_null(out);
    assert_int_equal(strlen(out), n);
    if (len)
        *len = n;
    return out;
}

static void expect_doc_(const hyoka_portfolio *pf, unsigned flags, const char *expected, int line)
{
    size_t n = 0;
    char *out = write_doc(pf, flags, &n);
    expect_text_(out, n, expected, line);
    hyoka_free(out);
}
#define expect_doc(pf, flags, expected) expect_doc_((pf), (flags), (expected), __LINE__)

static hyoka_portfolio *new_portfolio(void)
{
    hyoka_portfolio *pf = NULL;
    OK(hyoka_portfolio_new(&pf));
    return pf;
}

static hyoka_project *add_project(hyoka_portfolio *pf, const char *code, const char *name)
{
    hyoka_project *p = NULL;
    OK(hyoka_project_new(&p));
    if (code)
        OK(hyoka_project_set_code(p, code, HYOKA_NTS));
    if (name)
        OK(hyoka_project_set_name(p, name, HYOKA_NTS));
    OK(hyoka_portfolio_add_project(pf, p));
    return p;
}

static hyoka_project *add_child(hyoka_project *parent, const char *code, const char *name)
{
    hyoka_project *p = NULL;
    OK(hyoka_project_new(&p));
    if (code)
        OK(hyoka_project_set_code(p, code, HYOKA_NTS));
    if (name)
        OK(hyoka_project_set_name(p, name, HYOKA_NTS));
    OK(hyoka_project_add_child(parent, p));
    return p;
}

/* ------------------------------------------------------------------------ */
/* A portfolio with every member of the format                               */

static void set_dec(hyoka_indicator *ind, int32_t fy, int field, const char *text)
{
    hyoka_decimal d = dec(text);
    OK(hyoka_indicator_set_value(ind, fy, field, &d));
}

static void set_stated(hyoka_costs *c, int figure, const char *text, int unit)
{
    hyoka_decimal d = dec(text);
    OK(hyoka_costs_set_stated(c, figure, &d, unit));
}

static hyoka_scheme *full_scheme(void)
{
    hyoka_scheme *s = NULL;
    hyoka_decimal w = dec("0.5"), three = dec("3"), lo = dec("0"), hi = dec("100"), b1 = dec("85"),
                  b2 = dec("50.5");
    size_t rel = 0, bud = 0, open = 0;

    OK(hyoka_scheme_new(&s, "city-3point", HYOKA_NTS));
    OK(hyoka_scheme_set_name(s, "3段階評点", HYOKA_NTS));
    OK(hyoka_scheme_add_criterion(s, "relevance", HYOKA_NTS, "妥当性", HYOKA_NTS, NULL, &rel));
    OK(hyoka_scheme_set_required(s, rel, 1));
    OK(hyoka_scheme_add_option(s, rel, "3", HYOKA_NTS, "妥当", HYOKA_NTS, &three));
    OK(hyoka_scheme_add_option(s, rel, "x", HYOKA_NTS, NULL, 0, NULL));
    OK(hyoka_scheme_add_criterion(s, "budget", HYOKA_NTS, NULL, 0, &w, &bud));
    OK(hyoka_scheme_set_range(s, bud, &lo, &hi));
    OK(hyoka_scheme_add_criterion(s, "open", HYOKA_NTS, NULL, 0, NULL, &open));
    OK(hyoka_scheme_set_range(s, open, NULL, NULL));
    OK(hyoka_scheme_add_verdict(s, "maintain", HYOKA_NTS, "現状継続", HYOKA_NTS, HYOKA_VERDICT_CONTINUE));
    OK(hyoka_scheme_add_verdict(s, "end", HYOKA_NTS, NULL, 0, HYOKA_VERDICT_END));
    OK(hyoka_scheme_add_budget(s, "status_quo", HYOKA_NTS, "現状どおり", HYOKA_NTS, HYOKA_BUDGET_SAME));
    OK(hyoka_scheme_add_band(s, &b2, "adequate", HYOKA_NTS, NULL, 0));
    OK(hyoka_scheme_add_band(s, &b1, "effective", HYOKA_NTS, "Effective", HYOKA_NTS));
    OK(hyoka_scheme_set_missing_rating(s, "rnd", HYOKA_NTS, "Results Not Demonstrated", HYOKA_NTS));
    return s;
}

static hyoka_portfolio *full_portfolio(void)
{
    static const char *const texts[] = {"目的", "対象", "意図", "結果", "概要",
                                        "背景", "環境", "意見", "実施", "予定"};
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p, *child, *grandchild;
    hyoka_costs *c;
    hyoka_staff *s;
    hyoka_indicator *ind;
    hyoka_evaluation *e;
    hyoka_scheme *sch = full_scheme();
    hyoka_decimal d;

    OK(hyoka_portfolio_set_municipality(pf, "所沢市", HYOKA_NTS, "112089", HYOKA_NTS));
    OK(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_THOUSAND_YEN));
    OK(hyoka_portfolio_set_denominator(pf, 2007, HYOKA_COST_POPULATION, 339300));
    OK(hyoka_portfolio_set_denominator(pf, 2007, HYOKA_COST_HOUSEHOLDS, 145000));
    OK(hyoka_portfolio_set_denominator(pf, 2006, HYOKA_COST_POPULATION, 338000));
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_EXECUTION_RATE, 0, HYOKA_ROUND_HALF_EVEN, HYOKA_UNIT_YEN));
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_PER_CAPITA, 2, HYOKA_ROUND_DOWN, HYOKA_UNIT_THOUSAND_YEN));
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_UNIT_COST, 1, HYOKA_ROUND_HALF_UP, HYOKA_UNIT_YEN));
    OK(hyoka_portfolio_set_stated_tolerance(pf, 1));
    OK(hyoka_portfolio_add_scheme(pf, sch));

    p = add_project(pf, "010802", "情報セキュリティ対策推進事業");
    OK(hyoka_project_set_text(p, HYOKA_TEXT_DEPARTMENT, "総合政策部", HYOKA_NTS));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_SECTION, "情報統計課", HYOKA_NTS));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_GROUP, "情報政策担当", HYOKA_NTS));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_HEAD, "課長", HYOKA_NTS));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_CONTACT, "担当", HYOKA_NTS));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_PHONE, "2998-9036", HYOKA_NTS));
    OK(hyoka_project_add_class(p, HYOKA_CLASS_POLICY, "政策", HYOKA_NTS, "8", HYOKA_NTS, "計画の推進", HYOKA_NTS));
    OK(hyoka_project_add_class(p, HYOKA_CLASS_POLICY, NULL, 0, "8-1", HYOKA_NTS, NULL, 0));
    OK(hyoka_project_add_class(p, HYOKA_CLASS_ACCOUNT, NULL, 0, NULL, 0, "一般会計", HYOKA_NTS));
    OK(hyoka_project_add_class(p, HYOKA_CLASS_ACCOUNT, NULL, 0, NULL, 0, NULL, 0));
    OK(hyoka_project_set_duty(p, HYOKA_DUTY_AUTONOMOUS));
    OK(hyoka_project_set_period(p, HYOKA_PERIOD_RECURRING));
    OK(hyoka_project_set_period_years(p, 2003, 2010));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_LEGAL_BASIS, "条例", HYOKA_NTS));
    for (int i = 0; i < 10; i++)
        OK(hyoka_project_set_text(p, HYOKA_TEXT_PURPOSE + i, texts[i], HYOKA_NTS));

    OK(hyoka_project_add_year(p, 2007, &c));
    OK(hyoka_costs_set_phase(c, HYOKA_PHASE_SETTLED));
    OK(hyoka_costs_set(c, HYOKA_COST_INITIAL_BUDGET, 2520000));
    OK(hyoka_costs_set(c, HYOKA_COST_FINAL_BUDGET, 2520500));
    OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 1068978));
    OK(hyoka_costs_set(c, HYOKA_COST_NATIONAL, 0));
    OK(hyoka_costs_set(c, HYOKA_COST_PREFECTURAL, 1000));
    OK(hyoka_costs_set(c, HYOKA_COST_BONDS, 2000));
    OK(hyoka_costs_set(c, HYOKA_COST_USER_CHARGES, 3000));
    OK(hyoka_costs_set(c, HYOKA_COST_OTHER, 4000));
    OK(hyoka_costs_set(c, HYOKA_COST_GENERAL, 1058978));
    OK(hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, &s));
    d = dec("2");
    OK(hyoka_staff_set_decimal(s, HYOKA_STAFF_HEADCOUNT, &d));
    d = dec("1.77");
    OK(hyoka_staff_set_decimal(s, HYOKA_STAFF_FTE, &d));
    OK(hyoka_staff_set_amount(s, HYOKA_STAFF_UNIT_COST, 8400000));
    OK(hyoka_staff_set_amount(s, HYOKA_STAFF_AMOUNT, 16627000));
    OK(hyoka_costs_add_staff(c, HYOKA_CATEGORY_PART_TIME, &s));
    d = dec("120.50");
    OK(hyoka_staff_set_decimal(s, HYOKA_STAFF_HOURS, &d));
    OK(hyoka_staff_set_amount(s, HYOKA_STAFF_HOURLY_RATE, 1500));
    OK(hyoka_costs_add_staff(c, HYOKA_UNSET, NULL));
    OK(hyoka_costs_set(c, HYOKA_COST_DEBT_SERVICE, -500));
    OK(hyoka_costs_set(c, HYOKA_COST_INDIRECT, 12345));
    OK(hyoka_costs_set(c, HYOKA_COST_USAGE, 1054));
    OK(hyoka_costs_set(c, HYOKA_COST_BENEFICIARIES, 0));
    OK(hyoka_costs_set(c, HYOKA_COST_POPULATION, 339301));
    OK(hyoka_costs_set(c, HYOKA_COST_HOUSEHOLDS, 145001));
    set_stated(c, HYOKA_FIG_EXPENSE, "1068.978", HYOKA_UNIT_THOUSAND_YEN);
    set_stated(c, HYOKA_FIG_PERSONNEL, "16627000", HYOKA_UNIT_YEN);
    set_stated(c, HYOKA_FIG_TOTAL_COST, "17696", HYOKA_UNIT_THOUSAND_YEN);
    set_stated(c, HYOKA_FIG_PER_CAPITA, "0.05", HYOKA_UNIT_THOUSAND_YEN);
    set_stated(c, HYOKA_FIG_PER_HOUSEHOLD, "122", HYOKA_UNIT_YEN);
    set_stated(c, HYOKA_FIG_UNIT_COST, "15775.5", HYOKA_UNIT_YEN);
    set_stated(c, HYOKA_FIG_PER_BENEFICIARY, "12.236", HYOKA_UNIT_THOUSAND_YEN);
    set_stated(c, HYOKA_FIG_EXECUTION_RATE, "42", HYOKA_UNIT_YEN);
    set_stated(c, HYOKA_FIG_PERSONNEL_SHARE, "100.0", HYOKA_UNIT_YEN);
    set_stated(c, HYOKA_FIG_TOTAL_COST_CHANGE, "-3.50", HYOKA_UNIT_YEN);
    OK(hyoka_project_add_year(p, 2008, &c));

    OK(hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &ind));
    OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NAME, "研修受講率", HYOKA_NTS));
    OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_UNIT, "%", HYOKA_NTS));
    OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_DEFINITION, "受講者÷職員", HYOKA_NTS));
    OK(hyoka_indicator_set_direction(ind, HYOKA_DIRECTION_INCREASE));
    OK(hyoka_indicator_set_not_settable(ind, 1));
    OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NOT_SETTABLE_REASON, "試行中", HYOKA_NTS));
    set_dec(ind, 2007, HYOKA_VALUE_TARGET, "60");
    set_dec(ind, 2007, HYOKA_VALUE_ACTUAL, "59");
    set_dec(ind, 2007, HYOKA_VALUE_FORECAST, "59.5");
    set_dec(ind, 2007, HYOKA_VALUE_STATED_ACHIEVEMENT, "98.3");
    set_dec(ind, 2008, HYOKA_VALUE_TARGET, "-0.25");
    set_dec(ind, 2008, HYOKA_VALUE_STATED_ACHIEVEMENT, "100");
    OK(hyoka_indicator_add_year(ind, 2009));
    d = dec("80");
    OK(hyoka_indicator_set_long_term(ind, &d, 2012));
    OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_LONG_TERM_NOTE, "全職員", HYOKA_NTS));
    OK(hyoka_project_add_indicator(p, HYOKA_UNSET, NULL));
    OK(hyoka_project_add_indicator(p, HYOKA_KIND_ACTIVITY, &ind));
    OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_LONG_TERM_NOTE, "未定", HYOKA_NTS));

    OK(hyoka_project_add_evaluation(p, HYOKA_STAGE_PRIMARY, &e));
    OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_SCHEME, "city-3point", HYOKA_NTS));
    OK(hyoka_evaluation_set_fiscal_year(e, 2007));
    OK(hyoka_evaluation_set_date(e, date(2008, 5, 15)));
    OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_EVALUATOR, "情報統計課長", HYOKA_NTS));
    OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_VERDICT, "maintain", HYOKA_NTS));
    OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_BUDGET, "status_quo", HYOKA_NTS));
    OK(hyoka_evaluation_set_answer(e, "relevance", HYOKA_NTS, "3", HYOKA_NTS));
    OK(hyoka_evaluation_set_answer(e, "budget", HYOKA_NTS, "75.5", HYOKA_NTS));
    OK(hyoka_evaluation_set_expected(e, HYOKA_EXPECTED_OUTCOME_UP, HYOKA_EXPECTED_COST_DOWN));
    OK(hyoka_evaluation_set_comment(e, "reason", HYOKA_NTS, "継続", HYOKA_NTS));
    OK(hyoka_evaluation_set_comment(e, "issues", HYOKA_NTS, "", HYOKA_NTS));
    OK(hyoka_evaluation_add_goal(e, "研修", HYOKA_NTS, "全員", HYOKA_NTS, date(2008, 12, 0)));
    OK(hyoka_evaluation_add_goal(e, NULL, 0, NULL, 0, 0));
    OK(hyoka_project_add_evaluation(p, HYOKA_STAGE_SECONDARY, &e));
    OK(hyoka_evaluation_set_expected(e, HYOKA_UNSET, HYOKA_EXPECTED_COST_SAME));
    OK(hyoka_project_add_evaluation(p, HYOKA_UNSET, NULL));

    child = add_child(p, "010802-1", "細事業");
    OK(hyoka_project_set_extension(child, "ledger.id", HYOKA_NTS, "A-1", HYOKA_NTS));
    grandchild = add_child(child, NULL, "孫");
    (void)grandchild;
    add_child(p, NULL, NULL);
    OK(hyoka_project_set_extension(p, "ledger.id", HYOKA_NTS, "A", HYOKA_NTS));
    OK(hyoka_project_set_extension(p, "備考", HYOKA_NTS, "", HYOKA_NTS));

    add_project(pf, NULL, NULL);
    return pf;
}

static const char *const full_pretty_lines[] = {
    "{\n",
    "  \"format\": \"hyoka/1\",\n",
    "  \"amount_unit\": \"thousand_yen\",\n",
    "  \"municipality\": {\n",
    "    \"name\": \"所沢市\",\n",
    "    \"code\": \"112089\"\n",
    "  },\n",
    "  \"denominators\": [\n",
    "    {\n",
    "      \"fiscal_year\": 2007,\n",
    "      \"population\": 339300,\n",
    "      \"households\": 145000\n",
    "    },\n",
    "    {\n",
    "      \"fiscal_year\": 2006,\n",
    "      \"population\": 338000\n",
    "    }\n",
    "  ],\n",
    "  \"rounding\": {\n",
    "    \"per_capita\": {\n",
    "      \"places\": 2,\n",
    "      \"mode\": \"down\",\n",
    "      \"unit\": \"thousand_yen\"\n",
    "    },\n",
    "    \"unit_cost\": {\n",
    "      \"places\": 1,\n",
    "      \"mode\": \"half_up\",\n",
    "      \"unit\": \"yen\"\n",
    "    },\n",
    "    \"execution_rate\": {\n",
    "      \"places\": 0,\n",
    "      \"mode\": \"half_even\"\n",
    "    }\n",
    "  },\n",
    "  \"stated_tolerance\": 1,\n",
    "  \"schemes\": [\n",
    "    {\n",
    "      \"id\": \"city-3point\",\n",
    "      \"name\": \"3段階評点\",\n",
    "      \"criteria\": [\n",
    "        {\n",
    "          \"code\": \"relevance\",\n",
    "          \"label\": \"妥当性\",\n",
    "          \"weight\": 1,\n",
    "          \"required\": true,\n",
    "          \"options\": [\n",
    "            {\n",
    "              \"code\": \"3\",\n",
    "              \"label\": \"妥当\",\n",
    "              \"score\": 3\n",
    "            },\n",
    "            {\n",
    "              \"code\": \"x\"\n",
    "            }\n",
    "          ]\n",
    "        },\n",
    "        {\n",
    "          \"code\": \"budget\",\n",
    "          \"weight\": \"0.5\",\n",
    "          \"range\": {\n",
    "            \"min\": 0,\n",
    "            \"max\": 100\n",
    "          }\n",
    "        },\n",
    "        {\n",
    "          \"code\": \"open\",\n",
    "          \"weight\": 1,\n",
    "          \"range\": {}\n",
    "        }\n",
    "      ],\n",
    "      \"verdicts\": [\n",
    "        {\n",
    "          \"code\": \"maintain\",\n",
    "          \"label\": \"現状継続\",\n",
    "          \"group\": \"continue\"\n",
    "        },\n",
    "        {\n",
    "          \"code\": \"end\",\n",
    "          \"group\": \"end\"\n",
    "        }\n",
    "      ],\n",
    "      \"budget_directions\": [\n",
    "        {\n",
    "          \"code\": \"status_quo\",\n",
    "          \"label\": \"現状どおり\",\n",
    "          \"kind\": \"same\"\n",
    "        }\n",
    "      ],\n",
    "      \"rating\": {\n",
    "        \"bands\": [\n",
    "          {\n",
    "            \"min\": 85,\n",
    "            \"code\": \"effective\",\n",
    "            \"label\": \"Effective\"\n",
    "          },\n",
    "          {\n",
    "            \"min\": \"50.5\",\n",
    "            \"code\": \"adequate\"\n",
    "          }\n",
    "        ],\n",
    "        \"missing\": {\n",
    "          \"code\": \"rnd\",\n",
    "          \"label\": \"Results Not Demonstrated\"\n",
    "        }\n",
    "      }\n",
    "    }\n",
    "  ],\n",
    "  \"projects\": [\n",
    "    {\n",
    "      \"code\": \"010802\",\n",
    "      \"name\": \"情報セキュリティ対策推進事業\",\n",
    "      \"organization\": {\n",
    "        \"department\": \"総合政策部\",\n",
    "        \"section\": \"情報統計課\",\n",
    "        \"group\": \"情報政策担当\",\n",
    "        \"head\": \"課長\",\n",
    "        \"contact\": \"担当\",\n",
    "        \"phone\": \"2998-9036\"\n",
    "      },\n",
    "      \"policy\": [\n",
    "        {\n",
    "          \"level\": \"政策\",\n",
    "          \"code\": \"8\",\n",
    "          \"name\": \"計画の推進\"\n",
    "        },\n",
    "        {\n",
    "          \"code\": \"8-1\"\n",
    "        }\n",
    "      ],\n",
    "      \"account\": [\n",
    "        {\n",
    "          \"name\": \"一般会計\"\n",
    "        },\n",
    "        {}\n",
    "      ],\n",
    "      \"duty\": \"autonomous\",\n",
    "      \"period\": \"recurring\",\n",
    "      \"start_fiscal_year\": 2003,\n",
    "      \"end_fiscal_year\": 2010,\n",
    "      \"legal_basis\": \"条例\",\n",
    "      \"texts\": {\n",
    "        \"purpose\": \"目的\",\n",
    "        \"target\": \"対象\",\n",
    "        \"intent\": \"意図\",\n",
    "        \"result\": \"結果\",\n",
    "        \"summary\": \"概要\",\n",
    "        \"background\": \"背景\",\n",
    "        \"environment\": \"環境\",\n",
    "        \"opinions\": \"意見\",\n",
    "        \"activities_done\": \"実施\",\n",
    "        \"activities_planned\": \"予定\"\n",
    "      },\n",
    "      \"years\": [\n",
    "        {\n",
    "          \"fiscal_year\": 2007,\n",
    "          \"phase\": \"settled\",\n",
    "          \"initial_budget\": 2520,\n",
    "          \"final_budget\": 2520.5,\n",
    "          \"settlement\": 1068.978,\n",
    "          \"funding\": {\n",
    "            \"national\": 0,\n",
    "            \"prefectural\": 1,\n",
    "            \"bonds\": 2,\n",
    "            \"user_charges\": 3,\n",
    "            \"other\": 4,\n",
    "            \"general\": 1058.978\n",
    "          },\n",
    "          \"staff\": [\n",
    "            {\n",
    "              \"category\": \"regular\",\n",
    "              \"headcount\": 2,\n",
    "              \"fte\": \"1.77\",\n",
    "              \"unit_cost\": 8400,\n",
    "              \"amount\": 16627\n",
    "            },\n",
    "            {\n",
    "              \"category\": \"part_time\",\n",
    "              \"hours\": \"120.50\",\n",
    "              \"hourly_rate\": 1.5\n",
    "            },\n",
    "            {}\n",
    "          ],\n",
    "          \"debt_service\": -0.5,\n",
    "          \"indirect_costs\": 12.345,\n",
    "          \"usage\": 1054,\n",
    "          \"beneficiaries\": 0,\n",
    "          \"population\": 339301,\n",
    "          \"households\": 145001,\n",
    "          \"stated\": {\n",
    "            \"expense\": \"1068.978\",\n",
    "            \"personnel\": {\n",
    "              \"value\": \"16627000\",\n",
    "              \"unit\": \"yen\"\n",
    "            },\n",
    "            \"total_cost\": \"17696\",\n",
    "            \"per_capita\": \"0.05\",\n",
    "            \"per_household\": \"122\",\n",
    "            \"unit_cost\": \"15775.5\",\n",
    "            \"per_beneficiary\": {\n",
    "              \"value\": \"12.236\",\n",
    "              \"unit\": \"thousand_yen\"\n",
    "            },\n",
    "            \"execution_rate\": \"42\",\n",
    "            \"personnel_share\": \"100.0\",\n",
    "            \"total_cost_change\": \"-3.50\"\n",
    "          }\n",
    "        },\n",
    "        {\n",
    "          \"fiscal_year\": 2008\n",
    "        }\n",
    "      ],\n",
    "      \"indicators\": [\n",
    "        {\n",
    "          \"kind\": \"outcome\",\n",
    "          \"name\": \"研修受講率\",\n",
    "          \"unit\": \"%\",\n",
    "          \"definition\": \"受講者÷職員\",\n",
    "          \"direction\": \"increase\",\n",
    "          \"not_settable\": true,\n",
    "          \"not_settable_reason\": \"試行中\",\n",
    "          \"values\": [\n",
    "            {\n",
    "              \"fiscal_year\": 2007,\n",
    "              \"target\": 60,\n",
    "              \"actual\": 59,\n",
    "              \"forecast\": \"59.5\",\n",
    "              \"stated_achievement\": \"98.3\"\n",
    "            },\n",
    "            {\n",
    "              \"fiscal_year\": 2008,\n",
    "              \"target\": \"-0.25\",\n",
    "              \"stated_achievement\": \"100\"\n",
    "            },\n",
    "            {\n",
    "              \"fiscal_year\": 2009\n",
    "            }\n",
    "          ],\n",
    "          \"long_term_target\": {\n",
    "            \"value\": 80,\n",
    "            \"fiscal_year\": 2012,\n",
    "            \"note\": \"全職員\"\n",
    "          }\n",
    "        },\n",
    "        {},\n",
    "        {\n",
    "          \"kind\": \"activity\",\n",
    "          \"long_term_target\": {\n",
    "            \"note\": \"未定\"\n",
    "          }\n",
    "        }\n",
    "      ],\n",
    "      \"evaluations\": [\n",
    "        {\n",
    "          \"stage\": \"primary\",\n",
    "          \"scheme\": \"city-3point\",\n",
    "          \"fiscal_year\": 2007,\n",
    "          \"date\": \"2008-05-15\",\n",
    "          \"evaluator\": \"情報統計課長\",\n",
    "          \"verdict\": \"maintain\",\n",
    "          \"budget\": \"status_quo\",\n",
    "          \"scores\": {\n",
    "            \"relevance\": \"3\",\n",
    "            \"budget\": \"75.5\"\n",
    "          },\n",
    "          \"expected\": {\n",
    "            \"outcome\": \"up\",\n",
    "            \"cost\": \"down\"\n",
    "          },\n",
    "          \"comments\": {\n",
    "            \"reason\": \"継続\",\n",
    "            \"issues\": \"\"\n",
    "          },\n",
    "          \"goals\": [\n",
    "            {\n",
    "              \"what\": \"研修\",\n",
    "              \"level\": \"全員\",\n",
    "              \"by\": \"2008-12\"\n",
    "            },\n",
    "            {}\n",
    "          ]\n",
    "        },\n",
    "        {\n",
    "          \"stage\": \"secondary\",\n",
    "          \"expected\": {\n",
    "            \"cost\": \"same\"\n",
    "          }\n",
    "        },\n",
    "        {}\n",
    "      ],\n",
    "      \"children\": [\n",
    "        {\n",
    "          \"code\": \"010802-1\",\n",
    "          \"name\": \"細事業\",\n",
    "          \"children\": [\n",
    "            {\n",
    "              \"name\": \"孫\"\n",
    "            }\n",
    "          ],\n",
    "          \"extensions\": {\n",
    "            \"ledger.id\": \"A-1\"\n",
    "          }\n",
    "        },\n",
    "        {}\n",
    "      ],\n",
    "      \"extensions\": {\n",
    "        \"ledger.id\": \"A\",\n",
    "        \"備考\": \"\"\n",
    "      }\n",
    "    },\n",
    "    {}\n",
    "  ]\n",
    "}\n",
    NULL,
};

static hyoka_portfolio *random_portfolio(uint64_t seed, int projects);

/* The expected texts, joined from their lines by group_setup(). */
static char full_pretty[16384];
static char metrics_expected_en[16384];

static void join_lines(char *out, size_t size, const char *const *lines)
{
    size_t n = 0;
    for (size_t i = 0; lines[i]; i++) {
        size_t k = strlen(lines[i]);
        assert_true(n + k < size);
        memcpy(out + n, lines[i], k);
        n += k;
    }
    out[n] = '\0';
}

/* The compact form: the pretty one without its layout whitespace. */
static char *compact_of(const char *pretty)
{
    size_t n = strlen(pretty), j = 0;
    char *out = malloc(n + 1);
    bool in_string = false;

    assert_non_null(out);
    for (size_t i = 0; i < n; i++) {
        char ch = pretty[i];
        if (in_string) {
            out[j++] = ch;
            if (ch == '\\')
                out[j++] = pretty[++i];
            else if (ch == '"')
                in_string = false;
        } else if (ch == '"') {
            in_string = true;
            out[j++] = ch;
        } else if (ch != ' ' && ch != '\n') {
            out[j++] = ch;
        }
    }
    out[j] = '\0';
    return out;
}

static void test_full_pretty(void **state)
{
    hyoka_portfolio *pf = full_portfolio();
    (void)state;
    expect_doc(pf, 0, full_pretty);
    hyoka_portfolio_free(pf);
}

static void test_full_compact(void **state)
{
    hyoka_portfolio *pf = full_portfolio();
    char *expected = compact_of(full_pretty);
    (void)state;
    assert_true(strncmp(expected, "{\"format\":\"hyoka/1\",\"amount_unit\":\"thousand_yen\",", 49) == 0);
    expect_doc(pf, HYOKA_WRITE_COMPACT, expected);
    free(expected);
    hyoka_portfolio_free(pf);
}

static void test_copy_writes_the_same(void **state)
{
    hyoka_portfolio *pf = full_portfolio(), *copy = NULL;
    (void)state;
    OK(hyoka_portfolio_copy(pf, &copy));
    expect_doc(copy, 0, full_pretty);
    hyoka_portfolio_free(copy);
    hyoka_portfolio_free(pf);
}

static void test_empty_portfolio(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    (void)state;
    expect_doc(pf, 0, "{\n  \"format\": \"hyoka/1\",\n  \"amount_unit\": \"yen\",\n  \"projects\": []\n}\n");
    expect_doc(pf, HYOKA_WRITE_COMPACT, "{\"format\":\"hyoka/1\",\"amount_unit\":\"yen\",\"projects\":[]}");
    /* Zero tolerance and cleared rounding are not written. */
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_SCORE, 2, HYOKA_ROUND_UP, HYOKA_UNIT_YEN));
    expect_doc(pf, HYOKA_WRITE_COMPACT,
               "{\"format\":\"hyoka/1\",\"amount_unit\":\"yen\",\"rounding\":{\"score\":{\"places\":2,\"mode\":\"up\"}},"
               "\"projects\":[]}");
    OK(hyoka_portfolio_clear_rounding(pf, HYOKA_FIG_SCORE));
    OK(hyoka_portfolio_set_stated_tolerance(pf, 0));
    expect_doc(pf, HYOKA_WRITE_COMPACT, "{\"format\":\"hyoka/1\",\"amount_unit\":\"yen\",\"projects\":[]}");
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Amounts                                                                   */

static hyoka_portfolio *amounts_portfolio(const int64_t *values, size_t n)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = add_project(pf, "a", NULL);
    for (size_t i = 0; i < n; i++) {
        hyoka_costs *c = NULL;
        OK(hyoka_project_add_year(p, 2000 + (int32_t)i, &c));
        OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, values[i]));
    }
    return pf;
}

static void test_thousand_yen_amounts(void **state)
{
    static const int64_t values[] = {
        2520000, 1068978, 2520500, 0, -500, 1, -1, 10, 100, 1000, 1010, 999999, -2520000,
        INT64_MAX, INT64_MIN,
    };
    static const char *const thousands[] = {
        "2520", "1068.978", "2520.5", "0", "-0.5", "0.001", "-0.001", "0.01", "0.1", "1", "1.01", "999.999", "-2520",
        "9223372036854775.807", "-9223372036854775.808",
    };
    static const char *const yen[] = {
        "2520000", "1068978", "2520500", "0", "-500", "1", "-1", "10", "100", "1000", "1010", "999999", "-2520000",
        "9223372036854775807", "-9223372036854775808",
    };
    const size_t n = sizeof values / sizeof values[0];
    hyoka_portfolio *pf = amounts_portfolio(values, n);
    char expected[4096];
    size_t k;
    (void)state;

    for (int pass = 0; pass < 3; pass++) {
        const char *const *texts = pass == 1 ? thousands : yen;
        if (pass == 1)
            OK(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_THOUSAND_YEN));
        k = (size_t)snprintf(expected, sizeof expected,
                             "{\"format\":\"hyoka/1\",\"amount_unit\":\"%s\",\"projects\":[{\"code\":\"a\",\"years\":[",
                             pass == 1 ? "thousand_yen" : "yen");
        for (size_t i = 0; i < n; i++)
            k += (size_t)snprintf(expected + k, sizeof expected - k, "%s{\"fiscal_year\":%d,\"settlement\":%s}",
                                  i ? "," : "", 2000 + (int)i, texts[i]);
        snprintf(expected + k, sizeof expected - k, "]}]}");
        /* pass 2: thousand_yen portfolio written with HYOKA_WRITE_YEN */
        expect_doc(pf, HYOKA_WRITE_COMPACT | (pass == 2 ? HYOKA_WRITE_YEN : 0u), expected);
    }
    hyoka_portfolio_free(pf);
}

/* HYOKA_WRITE_YEN: money and staff amounts in yen, stated money figures
 * (kept in the unit they were printed in) now in the object form. */
static void test_write_yen_flag(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = add_project(pf, "y", NULL);
    hyoka_costs *c = NULL;
    hyoka_staff *s = NULL;
    (void)state;

    OK(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_THOUSAND_YEN));
    OK(hyoka_project_add_year(p, 2019, &c));
    OK(hyoka_costs_set(c, HYOKA_COST_GENERAL, 12236000));
    OK(hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, &s));
    OK(hyoka_staff_set_amount(s, HYOKA_STAFF_UNIT_COST, 8400500));
    set_stated(c, HYOKA_FIG_TOTAL_COST, "12236", HYOKA_UNIT_THOUSAND_YEN);
    set_stated(c, HYOKA_FIG_EXPENSE, "12236000", HYOKA_UNIT_YEN);
    expect_doc(pf, HYOKA_WRITE_COMPACT,
               "{\"format\":\"hyoka/1\",\"amount_unit\":\"thousand_yen\",\"projects\":[{\"code\":\"y\",\"years\":[{"
               "\"fiscal_year\":2019,\"funding\":{\"general\":12236},\"staff\":[{\"category\":\"regular\","
               "\"unit_cost\":8400.5}],\"stated\":{\"expense\":{\"value\":\"12236000\",\"unit\":\"yen\"},"
               "\"total_cost\":\"12236\"}}]}]}");
    expect_doc(pf, HYOKA_WRITE_COMPACT | HYOKA_WRITE_YEN,
               "{\"format\":\"hyoka/1\",\"amount_unit\":\"yen\",\"projects\":[{\"code\":\"y\",\"years\":[{"
               "\"fiscal_year\":2019,\"funding\":{\"general\":12236000},\"staff\":[{\"category\":\"regular\","
               "\"unit_cost\":8400500}],\"stated\":{\"expense\":\"12236000\",\"total_cost\":{\"value\":\"12236\","
               "\"unit\":\"thousand_yen\"}}}]}]}");
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Escaping                                                                  */

static void test_escaping(void **state)
{
    /* Every control character, quotes, backslashes, '/', DEL, U+2028,
     * U+2029, an emoji and a character outside the BMP (𠮷). */
    static const char hostile[] =
        "\"q\" \\b\\ /x/ \x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"
        "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f"
        " \xe2\x80\xa8\xe2\x80\xa9 \xf0\x9f\x98\x80 \xf0\xa0\xae\xb7 é";
    static const char escaped[] =
        "\"\\\"q\\\" \\\\b\\\\ /x/ \\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r"
        "\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b"
        "\\u001c\\u001d\\u001e\\u001f\x7f \xe2\x80\xa8\xe2\x80\xa9 \xf0\x9f\x98\x80 \xf0\xa0\xae\xb7 é\"";
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = add_project(pf, hostile, "");
    hyoka_evaluation *e = NULL;
    char expected[2048];
    (void)state;

    OK(hyoka_project_set_extension(p, hostile, HYOKA_NTS, hostile, HYOKA_NTS));
    OK(hyoka_project_add_evaluation(p, HYOKA_UNSET, &e));
    OK(hyoka_evaluation_set_comment(e, "k\n", HYOKA_NTS, "\t", HYOKA_NTS));
    snprintf(expected, sizeof expected,
             "{\"format\":\"hyoka/1\",\"amount_unit\":\"yen\",\"projects\":[{\"code\":%s,\"name\":\"\","
             "\"evaluations\":[{\"comments\":{\"k\\n\":\"\\t\"}}],\"extensions\":{%s:%s}}]}",
             escaped, escaped, escaped);
    expect_doc(pf, HYOKA_WRITE_COMPACT, expected);
    hyoka_portfolio_free(pf);
}

/* A string of every control character, escaped as \uXXXX or the short forms. */
static void test_escaping_pretty_keys(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = add_project(pf, "c", NULL);
    (void)state;
    OK(hyoka_project_set_extension(p, "a\"b", HYOKA_NTS, "\\", HYOKA_NTS));
    expect_doc(pf, 0,
               "{\n  \"format\": \"hyoka/1\",\n  \"amount_unit\": \"yen\",\n  \"projects\": [\n    {\n"
               "      \"code\": \"c\",\n      \"extensions\": {\n        \"a\\\"b\": \"\\\\\"\n      }\n    }\n  ]\n}\n");
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Arguments                                                                 */

static void test_arguments(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_report *r = NULL;
    char *out = (char *)"untouched";
    (void)state;

    OK(hyoka_report_new(&r));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_json_write(NULL, 0, &out, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_json_write(pf, 0, NULL, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_json_write(pf, 0x4u, &out, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_json_write_file(NULL, 0, "/tmp/x.json"));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_json_write_file(pf, 0, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_json_write_file(pf, 0, ""));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_metrics_write(NULL, r, 0, HYOKA_LANG_EN, &out, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_metrics_write(pf, r, 0, HYOKA_LANG_EN, NULL, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_metrics_write(pf, r, HYOKA_WRITE_YEN, HYOKA_LANG_EN, &out, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_metrics_write(pf, r, 0, 2, &out, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_metrics_write(pf, r, 0, -1, &out, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_report_write_json(NULL, 0, HYOKA_LANG_EN, &out, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_report_write_json(r, 0, HYOKA_LANG_EN, NULL, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_report_write_json(r, 0x8u, HYOKA_LANG_EN, &out, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_report_write_json(r, 0, 7, &out, NULL));
    assert_string_equal(out, "untouched");
    hyoka_report_free(r);
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Metrics                                                                   */

static hyoka_portfolio *metrics_portfolio(void)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p;
    hyoka_costs *c = NULL;
    hyoka_staff *s = NULL;
    hyoka_indicator *ind = NULL;
    hyoka_evaluation *e = NULL;

    OK(hyoka_portfolio_set_denominator(pf, 2007, HYOKA_COST_POPULATION, 339300));
    OK(hyoka_portfolio_set_denominator(pf, 2008, HYOKA_COST_POPULATION, 340000));
    OK(hyoka_portfolio_set_denominator(pf, 2008, HYOKA_COST_HOUSEHOLDS, 150000));
    p = add_project(pf, "010802", "情報セキュリティ");
    OK(hyoka_project_add_year(p, 2007, &c));
    OK(hyoka_costs_set_phase(c, HYOKA_PHASE_SETTLED));
    OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 0));
    OK(hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, &s));
    OK(hyoka_staff_set_amount(s, HYOKA_STAFF_AMOUNT, 16627000));
    OK(hyoka_costs_set(c, HYOKA_COST_USAGE, 1054));
    OK(hyoka_project_add_year(p, 2008, &c));
    OK(hyoka_costs_set(c, HYOKA_COST_FINAL_BUDGET, 3000000));
    OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 2400000));
    OK(hyoka_costs_set(c, HYOKA_COST_GENERAL, 2000000));
    OK(hyoka_costs_set(c, HYOKA_COST_NATIONAL, 400000));
    OK(hyoka_costs_set(c, HYOKA_COST_BENEFICIARIES, 0));
    OK(hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, &s));
    OK(hyoka_staff_set_amount(s, HYOKA_STAFF_AMOUNT, 20000000));
    OK(hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &ind));
    OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NAME, "受講率", HYOKA_NTS));
    OK(hyoka_indicator_set_direction(ind, HYOKA_DIRECTION_INCREASE));
    set_dec(ind, 2007, HYOKA_VALUE_TARGET, "60");
    set_dec(ind, 2007, HYOKA_VALUE_ACTUAL, "59");
    set_dec(ind, 2008, HYOKA_VALUE_ACTUAL, "62");
    OK(hyoka_project_add_indicator(p, HYOKA_UNSET, NULL));
    OK(hyoka_project_add_evaluation(p, HYOKA_STAGE_PRIMARY, &e));
    OK(hyoka_evaluation_set_fiscal_year(e, 2007));
    OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_VERDICT, "improve", HYOKA_NTS));
    OK(hyoka_evaluation_set_answer(e, "relevance", HYOKA_NTS, "A", HYOKA_NTS));
    OK(hyoka_evaluation_set_answer(e, "effectiveness", HYOKA_NTS, "B", HYOKA_NTS));
    OK(hyoka_project_add_evaluation(p, HYOKA_UNSET, NULL));
    add_child(p, NULL, "子");
    return pf;
}

static const char *const metrics_expected_en_lines[] = {
    "{\n",
    "  \"format\": \"hyoka-metrics/1\",\n",
    "  \"projects\": [\n",
    "    {\n",
    "      \"code\": \"010802\",\n",
    "      \"name\": \"情報セキュリティ\",\n",
    "      \"years\": [\n",
    "        {\n",
    "          \"fiscal_year\": 2007,\n",
    "          \"phase\": \"settled\",\n",
    "          \"expense\": 0,\n",
    "          \"personnel\": 16627000,\n",
    "          \"debt_service\": 0,\n",
    "          \"indirect_costs\": 0,\n",
    "          \"total_cost\": 16627000,\n",
    "          \"general_revenue\": null,\n",
    "          \"specific_revenue\": 0,\n",
    "          \"per_capita\": \"49.0\",\n",
    "          \"per_household\": null,\n",
    "          \"unit_cost\": \"15775.1\",\n",
    "          \"per_beneficiary\": null,\n",
    "          \"execution_rate\": null,\n",
    "          \"personnel_share\": \"100.0\",\n",
    "          \"general_revenue_share\": null,\n",
    "          \"total_cost_change\": null,\n",
    "          \"unavailable\": {\n",
    "            \"general_revenue\": \"general revenue not given (fiscal year 2007)\",\n",
    "            \"per_household\": \"no households for 2007\",\n",
    "            \"per_beneficiary\": \"no beneficiary count (fiscal year 2007)\",\n",
    "            \"execution_rate\": \"no final budget (fiscal year 2007)\",\n",
    "            \"general_revenue_share\": \"general revenue not given (fiscal year 2007)\",\n",
    "            \"total_cost_change\": \"no figure for the previous fiscal year (fiscal year 2007)\"\n",
    "          }\n",
    "        },\n",
    "        {\n",
    "          \"fiscal_year\": 2008,\n",
    "          \"phase\": null,\n",
    "          \"expense\": 2400000,\n",
    "          \"personnel\": 20000000,\n",
    "          \"debt_service\": 0,\n",
    "          \"indirect_costs\": 0,\n",
    "          \"total_cost\": 22400000,\n",
    "          \"general_revenue\": 2000000,\n",
    "          \"specific_revenue\": 400000,\n",
    "          \"per_capita\": \"65.9\",\n",
    "          \"per_household\": \"149.3\",\n",
    "          \"unit_cost\": null,\n",
    "          \"per_beneficiary\": null,\n",
    "          \"execution_rate\": \"80.0\",\n",
    "          \"personnel_share\": \"89.3\",\n",
    "          \"general_revenue_share\": \"83.3\",\n",
    "          \"total_cost_change\": \"34.7\",\n",
    "          \"unavailable\": {\n",
    "            \"unit_cost\": \"no usage count (fiscal year 2008)\",\n",
    "            \"per_beneficiary\": \"the divisor is 0 (fiscal year 2008)\"\n",
    "          }\n",
    "        }\n",
    "      ],\n",
    "      \"indicators\": [\n",
    "        {\n",
    "          \"kind\": \"outcome\",\n",
    "          \"name\": \"受講率\",\n",
    "          \"values\": [\n",
    "            {\n",
    "              \"fiscal_year\": 2007,\n",
    "              \"achievement\": \"98.3\",\n",
    "              \"change\": null,\n",
    "              \"unavailable\": {\n",
    "                \"change\": \"no figure for the previous fiscal year (fiscal year 2007)\"\n",
    "              }\n",
    "            },\n",
    "            {\n",
    "              \"fiscal_year\": 2008,\n",
    "              \"achievement\": null,\n",
    "              \"change\": \"5.1\",\n",
    "              \"unavailable\": {\n",
    "                \"achievement\": \"no target value (fiscal year 2008)\"\n",
    "              }\n",
    "            }\n",
    "          ]\n",
    "        },\n",
    "        {\n",
    "          \"kind\": null,\n",
    "          \"name\": null,\n",
    "          \"values\": []\n",
    "        }\n",
    "      ],\n",
    "      \"evaluations\": [\n",
    "        {\n",
    "          \"stage\": \"primary\",\n",
    "          \"fiscal_year\": 2007,\n",
    "          \"verdict\": \"improve\",\n",
    "          \"score\": \"2.5\",\n",
    "          \"rating\": \"A\"\n",
    "        },\n",
    "        {\n",
    "          \"stage\": null,\n",
    "          \"fiscal_year\": null,\n",
    "          \"verdict\": null,\n",
    "          \"score\": null,\n",
    "          \"rating\": null,\n",
    "          \"unavailable\": {\n",
    "            \"score\": \"no answer carries a score\",\n",
    "            \"rating\": \"no answer carries a score\"\n",
    "          }\n",
    "        }\n",
    "      ],\n",
    "      \"children\": [\n",
    "        {\n",
    "          \"code\": null,\n",
    "          \"name\": \"子\",\n",
    "          \"years\": [],\n",
    "          \"indicators\": [],\n",
    "          \"evaluations\": [],\n",
    "          \"children\": []\n",
    "        }\n",
    "      ]\n",
    "    }\n",
    "  ],\n",
    "  \"diagnostics\": [\n",
    "    {\n",
    "      \"code\": \"X001\",\n",
    "      \"severity\": \"info\",\n",
    "      \"path\": \"/projects/0/years/1\",\n",
    "      \"line\": null,\n",
    "      \"column\": null,\n",
    "      \"message\": \"checked\"\n",
    "    }\n",
    "  ]\n",
    "}\n",
    NULL,
};

static void test_metrics(void **state)
{
    hyoka_portfolio *pf = metrics_portfolio();
    hyoka_report *r = NULL;
    char *out = NULL, *expected;
    size_t n = 0;
    (void)state;

    OK(hyoka_report_new(&r));
    OK(hyoka_report_add(r, "X001", HYOKA_SEVERITY_INFO, "/projects/0/years/1", "checked", "確認済み"));
    OK(hyoka_metrics_write(pf, r, 0, HYOKA_LANG_EN, &out, &n));
    expect_text(out, n, metrics_expected_en);
    hyoka_free(out);

    OK(hyoka_metrics_write(pf, r, HYOKA_WRITE_COMPACT, HYOKA_LANG_EN, &out, &n));
    expected = compact_of(metrics_expected_en);
    expect_text(out, n, expected);
    free(expected);
    hyoka_free(out);

    /* Japanese messages, the year put in place of 当該年度 or after. */
    OK(hyoka_metrics_write(pf, r, HYOKA_WRITE_COMPACT, HYOKA_LANG_JA, &out, &n));
    assert_non_null(strstr(out, "\"per_household\":\"2007年度の世帯数がない\""));
    assert_non_null(strstr(out, "\"unit_cost\":\"利用数がない（2008年度）\""));
    assert_non_null(strstr(out, "\"message\":\"確認済み\""));
    hyoka_free(out);

    /* Without a report: an empty diagnostics array. */
    OK(hyoka_metrics_write(pf, NULL, HYOKA_WRITE_COMPACT, HYOKA_LANG_EN, &out, &n));
    assert_true(n > 20);
    assert_string_equal(out + n - 18, ",\"diagnostics\":[]}");
    hyoka_free(out);
    hyoka_report_free(r);
    hyoka_portfolio_free(pf);
}

static void test_metrics_empty(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    char *out = NULL;
    size_t n = 0;
    (void)state;
    OK(hyoka_metrics_write(pf, NULL, 0, HYOKA_LANG_JA, &out, &n));
    expect_text(out, n, "{\n  \"format\": \"hyoka-metrics/1\",\n  \"projects\": [],\n  \"diagnostics\": []\n}\n");
    hyoka_free(out);
    hyoka_portfolio_free(pf);
}

/* A figure that overflows is null with its reason, alone (before 1.1 it
 * failed the whole output with HYOKA_ERANGE): the other figures of the
 * year, and the other projects, are written. */
static void test_metrics_overflow(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = add_project(pf, "big", NULL);
    hyoka_project *good = add_project(pf, "good", NULL);
    hyoka_costs *c = NULL;
    hyoka_staff *s = NULL;
    char *out = NULL;
    (void)state;

    OK(hyoka_project_add_year(p, 2007, &c));
    OK(hyoka_costs_set_phase(c, HYOKA_PHASE_SETTLED));
    OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, INT64_MAX));
    OK(hyoka_costs_set(c, HYOKA_COST_DEBT_SERVICE, INT64_MAX));
    OK(hyoka_project_add_year(good, 2007, &c));
    OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 5000));
    OK(hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, &s));
    OK(hyoka_staff_set_amount(s, HYOKA_STAFF_AMOUNT, 4000000));
    OK(hyoka_metrics_write(pf, NULL, HYOKA_WRITE_COMPACT, HYOKA_LANG_EN, &out, NULL));
    assert_non_null(strstr(out, "{\"fiscal_year\":2007,\"phase\":\"settled\",\"expense\":9223372036854775807,"
                                "\"personnel\":0,\"debt_service\":9223372036854775807,\"indirect_costs\":0,"
                                "\"total_cost\":null,"));
    assert_non_null(strstr(out, "\"total_cost\":\"an amount does not fit in 64-bit yen (fiscal year 2007)\""));
    assert_non_null(strstr(out, "{\"fiscal_year\":2007,\"phase\":null,\"expense\":5000,\"personnel\":4000000,"
                                "\"debt_service\":0,\"indirect_costs\":0,\"total_cost\":4005000,"));
    hyoka_free(out);
    out = NULL;
    /* The document itself is written fine. */
    out = write_doc(pf, HYOKA_WRITE_COMPACT, NULL);
    assert_non_null(strstr(out, "\"settlement\":9223372036854775807"));
    hyoka_free(out);
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Report                                                                    */

static void test_report_json(void **state)
{
    hyoka_report *r = NULL;
    char *out = NULL;
    size_t n = 0;
    (void)state;

    OK(hyoka_report_new(&r));
    OK(hyoka_report_write_json(r, 0, HYOKA_LANG_EN, &out, &n));
    expect_text(out, n, "[]\n");
    hyoka_free(out);
    OK(hyoka_report_write_json(r, HYOKA_WRITE_COMPACT, HYOKA_LANG_EN, &out, &n));
    expect_text(out, n, "[]");
    hyoka_free(out);

    OK(hyoka_report_add(r, "C005", HYOKA_SEVERITY_WARNING, "/projects/0/years/1/stated/unit_cost",
                        "stated \"unit cost\" differs", "記載の単位当たりコストが違う"));
    /* control characters of a message are escaped when it is stored
     * (since 1.1): "a\nb" is kept as a\u000ab */
    OK(hyoka_report_add(r, "E1", HYOKA_SEVERITY_ERROR, NULL, "a\nb", NULL));
    OK(hyoka_report_write_json(r, 0, HYOKA_LANG_EN, &out, &n));
    expect_text(out, n,
                "[\n"
                "  {\n"
                "    \"code\": \"C005\",\n"
                "    \"severity\": \"warning\",\n"
                "    \"path\": \"/projects/0/years/1/stated/unit_cost\",\n"
                "    \"line\": null,\n"
                "    \"column\": null,\n"
                "    \"message\": \"stated \\\"unit cost\\\" differs\"\n"
                "  },\n"
                "  {\n"
                "    \"code\": \"E1\",\n"
                "    \"severity\": \"error\",\n"
                "    \"path\": \"\",\n"
                "    \"line\": null,\n"
                "    \"column\": null,\n"
                "    \"message\": \"a\\\\u000ab\"\n"
                "  }\n"
                "]\n");
    hyoka_free(out);
    OK(hyoka_report_write_json(r, HYOKA_WRITE_COMPACT, HYOKA_LANG_JA, &out, &n));
    expect_text(out, n,
                "[{\"code\":\"C005\",\"severity\":\"warning\",\"path\":\"/projects/0/years/1/stated/unit_cost\","
                "\"line\":null,\"column\":null,\"message\":\"記載の単位当たりコストが違う\"},"
                "{\"code\":\"E1\",\"severity\":\"error\",\"path\":\"\",\"line\":null,\"column\":null,"
                "\"message\":\"a\\\\u000ab\"}]");
    hyoka_free(out);
    hyoka_report_free(r);
}

/* The diagnostics of validation, in both languages. */
static void test_report_json_validation(void **state)
{
    hyoka_portfolio *pf = metrics_portfolio();
    hyoka_report *r = NULL;
    char *out = NULL;
    size_t n = 0, count;
    (void)state;

    OK(hyoka_report_new(&r));
    OK(hyoka_validate(pf, r));
    count = hyoka_report_count(r);
    assert_true(count > 0);
    for (int lang = HYOKA_LANG_EN; lang <= HYOKA_LANG_JA; lang++) {
        size_t objects = 0;
        const char *at = NULL;
        OK(hyoka_report_write_json(r, HYOKA_WRITE_COMPACT, lang, &out, &n));
        for (const char *q = out; (q = strstr(q, "{\"code\":")) != NULL; q++)
            objects++;
        assert_int_equal(objects, count);
        for (size_t i = 0; i < count; i++) {
            char want[512];
            snprintf(want, sizeof want, "\"message\":\"%s\"", hyoka_report_message(r, i, lang));
            if (!strchr(hyoka_report_message(r, i, lang), '"') && !strchr(hyoka_report_message(r, i, lang), '\\')) {
                at = strstr(out, want);
                assert_non_null(at);
            }
        }
        hyoka_free(out);
    }
    hyoka_report_free(r);
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Files                                                                     */

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;

    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    n = ftell(f);
    assert_true(n >= 0);
    rewind(f);
    buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static size_t dir_entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t n = 0;

    assert_non_null(d);
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

static void test_write_file(void **state)
{
    char dir[] = "/tmp/hyoka-jw-XXXXXX";
    char path[600], sub[300];
    hyoka_portfolio *pf = full_portfolio();
    char *text, *expected;
    size_t n = 0, m = 0;
    (void)state;

    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/out.json", dir);
    OK(hyoka_json_write_file(pf, 0, path));
    text = read_all(path, &n);
    expect_text(text, n, full_pretty);
    free(text);
    /* Replacing an existing file. */
    OK(hyoka_json_write_file(pf, HYOKA_WRITE_COMPACT, path));
    text = read_all(path, &n);
    expected = write_doc(pf, HYOKA_WRITE_COMPACT, &m);
    assert_int_equal(n, m);
    assert_memory_equal(text, expected, n);
    hyoka_free(expected);
    free(text);
    assert_int_equal(dir_entries(dir), 1);
    /* A document much larger than the writer's buffer, in both layouts,
     * with a text far longer than the buffer. */
    {
        hyoka_portfolio *big = random_portfolio(77, 600);
        hyoka_project *p = hyoka_portfolio_project_at(big, 3);
        size_t blen = (size_t)1 << 20;
        char *btext = malloc(blen + 1);

        assert_non_null(btext);
        for (size_t i = 0; i < blen; i++)
            btext[i] = "a\n\"\x01"[i % 4];
        btext[blen] = '\0';
        OK(hyoka_project_set_text(p, HYOKA_TEXT_SUMMARY, btext, blen));
        free(btext);
        for (unsigned flags = 0; flags <= HYOKA_WRITE_COMPACT; flags++) {
            OK(hyoka_json_write_file(big, flags, path));
            text = read_all(path, &n);
            expected = write_doc(big, flags, &m);
            assert_true(m > ((size_t)1 << 21));
            assert_int_equal(n, m);
            assert_memory_equal(text, expected, n);
            hyoka_free(expected);
            free(text);
        }
        hyoka_portfolio_free(big);
        assert_int_equal(dir_entries(dir), 1);
    }
    /* A replaced file keeps its permissions. */
    {
        struct stat st;
        assert_int_equal(chmod(path, 0640), 0);
        OK(hyoka_json_write_file(pf, 0, path));
        assert_int_equal(stat(path, &st), 0);
        assert_int_equal(st.st_mode & 07777, 0640);
        assert_int_equal(dir_entries(dir), 1);
    }

    /* A directory that does not exist: EIO, nothing created. */
    snprintf(sub, sizeof sub, "%s/missing/out.json", dir);
    EXPECT_FAIL(HYOKA_EIO, hyoka_json_write_file(pf, 0, sub));
    assert_non_null(strstr(hyoka_error_last(), "No such file or directory"));
    assert_int_equal(dir_entries(dir), 1);

    /* The target is a directory: the rename fails, the temporary file goes. */
    snprintf(sub, sizeof sub, "%s/adir", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    snprintf(path, sizeof path, "%s/x", sub);
    assert_int_equal(mkdir(path, 0700), 0);
    EXPECT_FAIL(HYOKA_EIO, hyoka_json_write_file(pf, 0, sub));
    assert_int_equal(dir_entries(dir), 2); /* out.json and adir */
    assert_int_equal(dir_entries(sub), 1);
    assert_int_equal(rmdir(path), 0);
    assert_int_equal(rmdir(sub), 0);

    snprintf(path, sizeof path, "%s/out.json", dir);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(rmdir(dir), 0);
    hyoka_portfolio_free(pf);
}

static void test_write_file_unwritable(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    (void)state;
    EXPECT_FAIL(HYOKA_EIO, hyoka_json_write_file(pf, 0, "/nonexistent-hyoka-dir/out.json"));
    EXPECT_FAIL(HYOKA_EIO, hyoka_json_write_file(pf, 0, "/proc/hyoka-cannot-create.json"));
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Deep trees and large values                                               */

static void test_deep_tree(void **state)
{
    enum { DEPTH = 20000, PRETTY_DEPTH = 300 };
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = add_project(pf, "0", NULL);
    char *out;
    size_t n = 0, opens = 0;
    (void)state;

    for (int i = 1; i < DEPTH; i++) {
        char code[16];
        snprintf(code, sizeof code, "%d", i);
        p = add_child(p, code, NULL);
        if (i == PRETTY_DEPTH) {
            out = write_doc(pf, 0, &n);
            assert_non_null(strstr(out, "\"code\": \"300\"\n"));
            hyoka_free(out);
        }
    }
    out = write_doc(pf, HYOKA_WRITE_COMPACT, &n);
    for (size_t i = 0; i < n; i++)
        opens += out[i] == '[';
    assert_int_equal(opens, DEPTH); /* "projects" and DEPTH - 1 "children" */
    assert_non_null(strstr(out, "{\"code\":\"19999\"}"));
    assert_int_equal(out[n - 1], '}');
    hyoka_free(out);
    out = NULL;
    OK(hyoka_metrics_write(pf, NULL, HYOKA_WRITE_COMPACT, HYOKA_LANG_EN, &out, &n));
    assert_non_null(strstr(out, "{\"code\":\"19999\",\"name\":null,\"years\":[],\"indicators\":[],\"evaluations\":[],"
                                "\"children\":[]}"));
    hyoka_free(out);
    hyoka_portfolio_free(pf);
}

/* Sibling trees: the walk returns to the right level after each subtree. */
static void test_tree_shape(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *a = add_project(pf, "a", NULL), *b;
    (void)state;

    b = add_child(a, "a1", NULL);
    add_child(b, "a1x", NULL);
    add_child(b, "a1y", NULL);
    add_child(a, "a2", NULL);
    b = add_project(pf, "b", NULL);
    add_child(b, "b1", NULL);
    OK(hyoka_project_set_extension(b, "k", HYOKA_NTS, "v", HYOKA_NTS));
    expect_doc(pf, HYOKA_WRITE_COMPACT,
               "{\"format\":\"hyoka/1\",\"amount_unit\":\"yen\",\"projects\":[{\"code\":\"a\",\"children\":[{\"code\":"
               "\"a1\",\"children\":[{\"code\":\"a1x\"},{\"code\":\"a1y\"}]},{\"code\":\"a2\"}]},{\"code\":\"b\","
               "\"children\":[{\"code\":\"b1\"}],\"extensions\":{\"k\":\"v\"}}]}");
    hyoka_portfolio_free(pf);
}

static void test_extreme_values(void **state)
{
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = add_project(pf, "", "");
    hyoka_costs *c = NULL;
    hyoka_indicator *ind = NULL;
    hyoka_decimal d;
    char *out, *big;
    size_t n = 0, len = (size_t)1 << 20;
    (void)state;

    OK(hyoka_project_add_year(p, 9999, &c));
    OK(hyoka_costs_set(c, HYOKA_COST_USAGE, INT64_MAX));
    OK(hyoka_project_add_indicator(p, HYOKA_KIND_TARGET, &ind));
    OK(hyoka_decimal_from_parts(INT64_MIN, 18, &d));
    OK(hyoka_indicator_set_value(ind, 1868, HYOKA_VALUE_TARGET, &d));
    OK(hyoka_decimal_from_parts(1, 18, &d));
    OK(hyoka_indicator_set_value(ind, 1868, HYOKA_VALUE_ACTUAL, &d));
    OK(hyoka_decimal_from_parts(INT64_MAX, 0, &d));
    OK(hyoka_indicator_set_value(ind, 1868, HYOKA_VALUE_FORECAST, &d));
    big = malloc(len + 1);
    assert_non_null(big);
    memset(big, '\n', len);
    big[len] = '\0';
    OK(hyoka_project_set_text(p, HYOKA_TEXT_SUMMARY, big, len));
    out = write_doc(pf, HYOKA_WRITE_COMPACT, &n);
    assert_non_null(strstr(out, "\"usage\":9223372036854775807"));
    assert_non_null(strstr(out, "\"target\":\"-9.223372036854775808\",\"actual\":\"0.000000000000000001\","
                                "\"forecast\":9223372036854775807"));
    assert_true(n > len * 2);
    hyoka_free(out);
    free(big);
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Many cost years                                                           */

/* TOTAL_COST_CHANGE needs the first cost year, in project order, of the
 * fiscal year before. The metrics writer and validation find it through an
 * index of the project's years built once; they must agree with the public
 * hyoka_costs_figure() (a scan of the years) on duplicated and unsorted
 * fiscal years, and take near-linear time on a project of many years. */

#define MANY_CRAFTED 6     /* years 0..5 below, then the filler */
#define MANY_FILLER_YEARS 2000
#define MANY_TAIL_MAX 2000

/* The fiscal year of filler year k: the even years 6000..9998, each once
 * in every run of 2000, unsorted (7919 is prime to 2000). */
static int32_t many_filler_year(size_t k)
{
    return (int32_t)(6000 + 2 * ((k * 7919u) % MANY_FILLER_YEARS));
}

/* The number of odd years at the end of a many_years_portfolio(n). */
static size_t many_tail(size_t n)
{
    return (n - MANY_CRAFTED - 1) / 2 < MANY_TAIL_MAX ? (n - MANY_CRAFTED - 1) / 2 : MANY_TAIL_MAX;
}

/* One project of @p n cost years (n ≥ 10), t = many_tail(n) of them odd
 * years at the end:
 *   0: 3001, settlement 200, stated change 99.0 (computed: 100.0, from year 1)
 *   1: 3000, settlement 100
 *   2: 3000, settlement 400 (C008 of years/1), stated change 1.0
 *   3: 2999 without an expense: no total, so 3000 has no change
 *   4: 5000, settlement 0: 5001 divides by zero
 *   5: 5001, settlement 10
 *   6..n-t-2: the filler, even years, settlement 1000 + index, stated
 *        change 0.0 when @p stated
 *   n-t-1: 3000 again, settlement 50 (C008 of years/1)
 *   n-t..n-1: the odd years 5999, 6001... (settlement 500, 501...): the
 *        previous years of the filler, found only at the end. */
static hyoka_portfolio *many_years_portfolio(size_t n, bool stated)
{
    static const int32_t fy[MANY_CRAFTED] = {3001, 3000, 3000, 2999, 5000, 5001};
    static const int64_t settlement[MANY_CRAFTED] = {200, 100, 400, -1 /* none */, 0, 10};
    size_t tail = many_tail(n);
    hyoka_portfolio *pf = new_portfolio();
    hyoka_project *p = add_project(pf, "many", "多年度");
    hyoka_costs *c = NULL;

    for (size_t i = 0; i < n; i++) {
        int32_t year;
        int64_t amount;
        if (i < MANY_CRAFTED) {
            year = fy[i];
            amount = settlement[i];
        } else if (i == n - tail - 1) {
            year = 3000;
            amount = 50;
        } else if (i >= n - tail) {
            year = (int32_t)(5999 + 2 * (i - (n - tail)));
            amount = 500 + (int64_t)(i - (n - tail));
        } else {
            year = many_filler_year(i - MANY_CRAFTED);
            amount = 1000 + (int64_t)i;
        }
        OK(hyoka_project_add_year(p, year, &c));
        if (amount >= 0)
            OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, amount));
        if (i == 0)
            set_stated(c, HYOKA_FIG_TOTAL_COST_CHANGE, "99.0", HYOKA_UNIT_YEN);
        else if (i == 2)
            set_stated(c, HYOKA_FIG_TOTAL_COST_CHANGE, "1.0", HYOKA_UNIT_YEN);
        else if (stated && i >= MANY_CRAFTED && i < n - tail - 1)
            set_stated(c, HYOKA_FIG_TOTAL_COST_CHANGE, "0.0", HYOKA_UNIT_YEN);
    }
    return pf;
}

/* The first @p needle in [at, end), or NULL. (Not strstr(): with ASan it
 * measures the whole rest of the text at every call.) */
static const char *find_text(const char *at, const char *end, const char *needle)
{
    size_t k = strlen(needle);
    for (; (size_t)(end - at) >= k; at++)
        if (*at == *needle && memcmp(at, needle, k) == 0)
            return at;
    return NULL;
}

/* The member "total_cost_change" of each year object of a compact metrics
 * text with one project, in order: "null" or the quoted decimal. */
static const char *next_change(const char *at, const char *end, char *buf, size_t size)
{
    static const char key[] = "\"total_cost_change\":";
    const char *year = find_text(at, end, "{\"fiscal_year\":");
    const char *member, *stop;

    assert_non_null(year);
    member = find_text(year, end, key);
    assert_non_null(member);
    member += strlen(key);
    for (stop = member; stop < end && *stop != ',' && *stop != '}'; stop++)
        ;
    assert_true((size_t)(stop - member) < size);
    memcpy(buf, member, (size_t)(stop - member));
    buf[stop - member] = '\0';
    return stop;
}

/* What hyoka_costs_figure() (the scan) says, as metrics writes it. */
static void public_change(const hyoka_costs *c, char *buf, size_t size)
{
    hyoka_decimal v;
    char num[HYOKA_DECIMAL_STRING_MAX];
    int rc = hyoka_costs_figure(c, HYOKA_FIG_TOTAL_COST_CHANGE, &v, NULL);

    if (rc == HYOKA_EUNAVAILABLE) {
        snprintf(buf, size, "null");
        return;
    }
    OK(rc);
    OK(hyoka_decimal_format(&v, 0, num, sizeof num, NULL));
    snprintf(buf, size, "\"%s\"", num);
}

/* The index of the first diagnostic of @p code at @p path, or SIZE_MAX. */
static size_t find_diagnostic(const hyoka_report *r, const char *code, const char *path)
{
    for (size_t i = 0; i < hyoka_report_count(r); i++)
        if (strcmp(hyoka_report_code(r, i), code) == 0 && strcmp(hyoka_report_path(r, i), path) == 0)
            return i;
    return SIZE_MAX;
}

static void expect_diagnostic_(const hyoka_report *r, const char *code, const char *path, const char *message,
                               int line)
{
    size_t i = find_diagnostic(r, code, path);
    if (i == SIZE_MAX)
        fail_msg("line %d: no %s at %s", line, code, path);
    if (strstr(hyoka_report_message(r, i, HYOKA_LANG_EN), message) == NULL)
        fail_msg("line %d: %s at %s says \"%s\", not \"%s\"", line, code, path,
                 hyoka_report_message(r, i, HYOKA_LANG_EN), message);
}
#define expect_diagnostic(r, code, path, message) expect_diagnostic_((r), (code), (path), (message), __LINE__)

/* Metrics, then validation, of a many_years_portfolio(n); CPU seconds. */
static double many_years_run(size_t n, bool check)
{
    hyoka_portfolio *pf = many_years_portfolio(n, true);
    const hyoka_project *p = hyoka_portfolio_project_at(pf, 0);
    hyoka_report *r = NULL;
    char *out = NULL, got[64], want[64], path[64];
    const char *at;
    size_t len = 0, c008 = 0, tail = many_tail(n), filler = n - MANY_CRAFTED - 1 - tail;
    clock_t t0, t1;

    OK(hyoka_report_new(&r));
    t0 = clock();
    OK(hyoka_metrics_write(pf, NULL, HYOKA_WRITE_COMPACT, HYOKA_LANG_EN, &out, &len));
    OK(hyoka_validate(pf, r));
    t1 = clock();
    if (!check)
        goto done;

    /* Metrics against the public function: the crafted years, the tail's
     * first, and a sample of the rest (the scan makes each check O(n)). */
    at = out;
    for (size_t i = 0; i < n; i++) {
        at = next_change(at, out + len, got, sizeof got);
        if (i >= MANY_CRAFTED && i + tail + 1 != n && i != n - tail && i % 97 != 0)
            continue;
        public_change(hyoka_project_year_at(p, i), want, sizeof want);
        if (strcmp(got, want) != 0)
            fail_msg("year %zu (fiscal year %ld): metrics %s, hyoka_costs_figure %s", i,
                     (long)hyoka_costs_fiscal_year(hyoka_project_year_at(p, i)), got, want);
        /* The crafted values, by hand. */
        if (i == 0)
            assert_string_equal(got, "\"100.0\""); /* (200 - 100) / 100: the first 3000 */
        else if (i < MANY_CRAFTED || i + tail + 1 == n || i == n - tail)
            assert_string_equal(got, "null");
        else if (i == MANY_CRAFTED)
            assert_string_equal(got, "\"101.2\""); /* 6000: (1006 - 500) / 500, 5999 in the tail */
    }
    assert_null(find_text(at, out + len, "{\"fiscal_year\":"));

    /* Validation: C008 names the first year of the fiscal year; C005
     * compares with the change from the first year of the year before. */
    expect_diagnostic(r, "C008", "/projects/0/years/2/fiscal_year", "fiscal year 3000 already has a cost year (years/1)");
    snprintf(path, sizeof path, "/projects/0/years/%zu/fiscal_year", n - tail - 1);
    expect_diagnostic(r, "C008", path, "fiscal year 3000 already has a cost year (years/1)");
    if (filler > MANY_FILLER_YEARS + 5) {
        char msg[96];
        size_t i = MANY_CRAFTED + MANY_FILLER_YEARS + 5; /* repeats filler year 5 */
        snprintf(path, sizeof path, "/projects/0/years/%zu/fiscal_year", i);
        snprintf(msg, sizeof msg, "fiscal year %ld already has a cost year (years/%d)", (long)many_filler_year(5),
                 MANY_CRAFTED + 5);
        expect_diagnostic(r, "C008", path, msg);
    }
    expect_diagnostic(r, "C005", "/projects/0/years/0/stated/total_cost_change", "differs from the computed 100.0");
    assert_int_equal(find_diagnostic(r, "C005", "/projects/0/years/2/stated/total_cost_change"), SIZE_MAX);
    for (size_t i = 0; i < hyoka_report_count(r); i++)
        if (strcmp(hyoka_report_code(r, i), "C008") == 0)
            c008++;
    assert_int_equal(c008, 2 + (filler > MANY_FILLER_YEARS ? filler - MANY_FILLER_YEARS : 0));

done:
    hyoka_free(out);
    hyoka_report_free(r);
    hyoka_portfolio_free(pf);
    return (double)(t1 - t0) / CLOCKS_PER_SEC;
}

static void test_many_years(void **state)
{
    double small, other, big;
    (void)state;

    /* Duplicated, unsorted years: same figures and diagnostics as a scan. */
    many_years_run(60, true);
    big = many_years_run(40000, true);
    /* Near-linear: ten times the years must not cost a hundred times the
     * time (a scan per year did: 20 s and more for 40,000 years). CPU time,
     * compared with a run of a tenth the size, so that a loaded machine or
     * valgrind slows both alike; and only a run of over 1.5 s can fail, as
     * a near-linear one takes a tenth of that even on a busy machine while
     * a quadratic one takes ten times more: noise never decides. */
    small = many_years_run(4000, false);
    other = many_years_run(4000, false);
    if (other > small)
        small = other; /* the slower: a hiccup must not fail the test */
    if (big > 1.5 && big > 40 * small)
        fail_msg("40,000 years took %.3f s of CPU, 4,000 years %.3f s: not near-linear", big, small);
}

/* ------------------------------------------------------------------------ */
/* Allocation failures                                                       */

struct sweep_ctx {
    unsigned flags;
    int lang;
};

/* The sweep runs the writer with the k-th allocation failing; the
 * portfolio is built before the sweep so only the writer's allocations
 * are counted. */
static hyoka_portfolio *sweep_portfolio;

static int body_write(void *ctx)
{
    const struct sweep_ctx *x = ctx;
    char *out = NULL;
    size_t n = 0;
    int rc = hyoka_json_write(sweep_portfolio, x->flags, &out, &n);
    if (rc == HYOKA_OK) {
        assert_int_equal(strlen(out), n);
        hyoka_free(out);
    } else {
        assert_null(out);
    }
    return rc;
}

static int body_metrics(void *ctx)
{
    const struct sweep_ctx *x = ctx;
    hyoka_report *r = NULL;
    char *out = NULL;
    size_t n = 0;
    int rc = hyoka_report_new(&r);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka_report_add(r, "X1", HYOKA_SEVERITY_WARNING, "/p", "m", "メ");
    if (rc == HYOKA_OK)
        rc = hyoka_metrics_write(sweep_portfolio, r, x->flags, x->lang, &out, &n);
    if (rc == HYOKA_OK) {
        assert_int_equal(strlen(out), n);
        hyoka_free(out);
    } else {
        assert_null(out);
    }
    hyoka_report_free(r);
    return rc;
}

static int body_report(void *ctx)
{
    const struct sweep_ctx *x = ctx;
    hyoka_report *r = NULL;
    char *out = NULL;
    int rc = hyoka_report_new(&r);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka_validate(sweep_portfolio, r);
    if (rc == HYOKA_OK)
        rc = hyoka_report_write_json(r, x->flags, x->lang, &out, NULL);
    if (rc == HYOKA_OK)
        hyoka_free(out);
    else
        assert_null(out);
    hyoka_report_free(r);
    return rc;
}

static char sweep_dir[64];

/* Writing a file: on failure nothing is left in the folder. */
static int body_write_file(void *ctx)
{
    char path[128];
    int rc;

    (void)ctx;
    snprintf(path, sizeof path, "%s/out.json", sweep_dir);
    rc = hyoka_json_write_file(sweep_portfolio, HYOKA_WRITE_COMPACT, path);
    if (rc == HYOKA_OK) {
        assert_int_equal(dir_entries(sweep_dir), 1);
        assert_int_equal(unlink(path), 0);
    }
    assert_int_equal(dir_entries(sweep_dir), 0);
    return rc;
}

/* A portfolio big enough for the buffer to grow several times, with a
 * sub-project tree deeper than the walk's local frames. */
static hyoka_portfolio *sweep_build(void)
{
    hyoka_portfolio *pf = full_portfolio();
    hyoka_project *p = add_project(pf, "deep", NULL);
    for (int i = 0; i < 40; i++)
        p = add_child(p, "d", "深い");
    return pf;
}

static void test_alloc_failures(void **state)
{
    struct sweep_ctx x = {0, HYOKA_LANG_EN};
    long n;
    (void)state;

    sweep_portfolio = sweep_build();
    n = failalloc_sweep(body_write, &x);
    assert_true(n >= 3);
    x.flags = HYOKA_WRITE_COMPACT | HYOKA_WRITE_YEN;
    failalloc_sweep(body_write, &x);
    x.flags = 0;
    n = failalloc_sweep(body_metrics, &x);
    assert_true(n >= 3);
    x.lang = HYOKA_LANG_JA;
    x.flags = HYOKA_WRITE_COMPACT;
    failalloc_sweep(body_metrics, &x);
    failalloc_sweep(body_report, &x);
    strcpy(sweep_dir, "/tmp/hyoka-jw-sweep-XXXXXX");
    assert_non_null(mkdtemp(sweep_dir));
    failalloc_sweep(body_write_file, &x);
    assert_int_equal(rmdir(sweep_dir), 0);
    hyoka_portfolio_free(sweep_portfolio);
    sweep_portfolio = NULL;
}

/* Under allocation failures the index of a project's years may be missing:
 * the figures and diagnostics are then found by a scan, and must be the
 * same. */
static char *many_metrics, *many_report;

static int body_many_metrics(void *ctx)
{
    char *out = NULL;
    size_t n = 0;
    int rc = hyoka_metrics_write(sweep_portfolio, NULL, HYOKA_WRITE_COMPACT, HYOKA_LANG_EN, &out, &n);
    (void)ctx;
    if (rc == HYOKA_OK) {
        expect_text(out, n, many_metrics);
        hyoka_free(out);
    } else {
        assert_null(out);
    }
    return rc;
}

static char *many_report_json(int *rc)
{
    hyoka_report *r = NULL;
    char *out = NULL;

    *rc = hyoka_report_new(&r);
    if (*rc != HYOKA_OK)
        return NULL;
    *rc = hyoka_validate(sweep_portfolio, r);
    if (*rc == HYOKA_OK)
        *rc = hyoka_report_write_json(r, HYOKA_WRITE_COMPACT, HYOKA_LANG_EN, &out, NULL);
    hyoka_report_free(r);
    return out;
}

static int body_many_report(void *ctx)
{
    int rc;
    char *out = many_report_json(&rc);
    (void)ctx;
    if (rc == HYOKA_OK) {
        expect_text(out, strlen(out), many_report);
        hyoka_free(out);
    }
    return rc;
}

static void test_alloc_many_years(void **state)
{
    int rc;
    (void)state;

    sweep_portfolio = many_years_portfolio(40, true); /* indexed: more than a handful of years */
    OK(hyoka_metrics_write(sweep_portfolio, NULL, HYOKA_WRITE_COMPACT, HYOKA_LANG_EN, &many_metrics, NULL));
    many_report = many_report_json(&rc);
    OK(rc);
    assert_true(failalloc_sweep(body_many_metrics, NULL) >= 2);
    assert_true(failalloc_sweep(body_many_report, NULL) >= 2);
    hyoka_free(many_metrics);
    hyoka_free(many_report);
    many_metrics = many_report = NULL;
    hyoka_portfolio_free(sweep_portfolio);
    sweep_portfolio = NULL;
}

/* ------------------------------------------------------------------------ */
/* Generated portfolios                                                      */

static uint64_t rng_state;

static uint64_t rnd(void)
{
    /* splitmix64 */
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

static int chance(int percent)
{
    return (int)(rnd() % 100) < percent;
}

static int64_t rnd_range(int64_t lo, int64_t hi)
{
    return lo + (int64_t)(rnd() % (uint64_t)(hi - lo + 1));
}

static const char *const sample_texts[] = {
    "", "a", "情報統計課", "\"quoted\"", "back\\slash", "line\nbreak\ttab", "\x01\x1f", "😀𠮷", "\xe2\x80\xa8", "/",
    "長い説明文。市民の情報セキュリティ意識を高める。",
};

static const char *rnd_text(void)
{
    return sample_texts[rnd() % (sizeof sample_texts / sizeof sample_texts[0])];
}

static const char *maybe_text(int percent)
{
    return chance(percent) ? rnd_text() : NULL;
}

static hyoka_decimal rnd_decimal(void)
{
    hyoka_decimal d;
    int scale = (int)rnd_range(0, 4);
    int64_t coef = chance(5) ? (int64_t)rnd() : rnd_range(-100000, 100000000);
    if (chance(3))
        scale = (int)rnd_range(0, 18);
    OK(hyoka_decimal_from_parts(coef, scale, &d));
    return d;
}

static hyoka_decimal rnd_nonneg_decimal(void)
{
    hyoka_decimal d;
    OK(hyoka_decimal_from_parts(rnd_range(0, 10000000), (int)rnd_range(0, 3), &d));
    return d;
}

static int64_t rnd_money(void)
{
    if (chance(3))
        return (int64_t)rnd();
    if (chance(50))
        return rnd_range(0, 1000000) * 1000;
    return rnd_range(-1000, 100000000000);
}

static int32_t rnd_year(void)
{
    return (int32_t)rnd_range(1990, 2030);
}

static void rnd_costs(hyoka_project *p)
{
    hyoka_costs *c = NULL;

    OK(hyoka_project_add_year(p, rnd_year(), &c));
    if (chance(70))
        OK(hyoka_costs_set_phase(c, (int)rnd_range(0, 3)));
    for (int f = HYOKA_COST_INITIAL_BUDGET; f <= HYOKA_COST_INDIRECT; f++)
        if (chance(50))
            OK(hyoka_costs_set(c, f, rnd_money()));
    for (int f = HYOKA_COST_USAGE; f <= HYOKA_COST_HOUSEHOLDS; f++)
        if (chance(30))
            OK(hyoka_costs_set(c, f, rnd_range(0, 1000000)));
    for (int i = (int)rnd_range(0, 3); i > 0; i--) {
        hyoka_staff *s = NULL;
        OK(hyoka_costs_add_staff(c, chance(80) ? (int)rnd_range(0, 3) : HYOKA_UNSET, &s));
        for (int f = HYOKA_STAFF_HEADCOUNT; f <= HYOKA_STAFF_HOURS; f++)
            if (chance(50)) {
                hyoka_decimal d = rnd_nonneg_decimal();
                OK(hyoka_staff_set_decimal(s, f, &d));
            }
        for (int f = HYOKA_STAFF_UNIT_COST; f <= HYOKA_STAFF_AMOUNT; f++)
            if (chance(50))
                OK(hyoka_staff_set_amount(s, f, rnd_range(0, 10000000000)));
    }
    for (int f = HYOKA_FIG_EXPENSE; f <= HYOKA_FIG_TOTAL_COST_CHANGE; f++)
        if (chance(25)) {
            hyoka_decimal d = rnd_decimal();
            OK(hyoka_costs_set_stated(c, f, &d, (int)rnd_range(0, 1)));
        }
}

static void rnd_indicator(hyoka_project *p)
{
    hyoka_indicator *ind = NULL;

    OK(hyoka_project_add_indicator(p, chance(80) ? (int)rnd_range(0, 3) : HYOKA_UNSET, &ind));
    for (int f = HYOKA_INDICATOR_NAME; f <= HYOKA_INDICATOR_LONG_TERM_NOTE; f++)
        if (chance(40))
            OK(hyoka_indicator_set_text(ind, f, rnd_text(), HYOKA_NTS));
    if (chance(70))
        OK(hyoka_indicator_set_direction(ind, (int)rnd_range(0, 2)));
    if (chance(10))
        OK(hyoka_indicator_set_not_settable(ind, 1));
    for (int i = (int)rnd_range(0, 4); i > 0; i--) {
        int32_t fy = rnd_year();
        OK(hyoka_indicator_add_year(ind, fy));
        for (int f = HYOKA_VALUE_TARGET; f <= HYOKA_VALUE_STATED_ACHIEVEMENT; f++)
            if (chance(60)) {
                hyoka_decimal d = rnd_decimal();
                OK(hyoka_indicator_set_value(ind, fy, f, &d));
            }
    }
    if (chance(30)) {
        hyoka_decimal d = rnd_decimal();
        OK(hyoka_indicator_set_long_term(ind, chance(80) ? &d : NULL, chance(50) ? rnd_year() : 0));
    }
}

static void rnd_evaluation(hyoka_project *p)
{
    static const char *const answers[] = {"A", "B", "C", "3", "75.5", "x"};
    static const char *const criteria[] = {"relevance", "effectiveness", "efficiency", "budget", "open"};
    hyoka_evaluation *e = NULL;

    OK(hyoka_project_add_evaluation(p, chance(80) ? (int)rnd_range(0, 4) : HYOKA_UNSET, &e));
    if (chance(60))
        OK(hyoka_evaluation_set_fiscal_year(e, rnd_year()));
    if (chance(50))
        OK(hyoka_evaluation_set_date(e, date((int32_t)rnd_range(1990, 2030), (int)rnd_range(1, 12),
                                             (int)rnd_range(0, 28))));
    if (chance(30))
        OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_SCHEME, chance(50) ? "city-3point" : "jp-standard", HYOKA_NTS));
    for (int f = HYOKA_EVAL_EVALUATOR; f <= HYOKA_EVAL_BUDGET; f++)
        if (f != HYOKA_EVAL_SCHEME && chance(50))
            OK(hyoka_evaluation_set_text(e, f, rnd_text(), HYOKA_NTS));
    for (int i = (int)rnd_range(0, 3); i > 0; i--)
        OK(hyoka_evaluation_set_answer(e, criteria[rnd() % 5], HYOKA_NTS, answers[rnd() % 6], HYOKA_NTS));
    if (chance(40))
        OK(hyoka_evaluation_set_expected(e, chance(70) ? (int)rnd_range(0, 2) : HYOKA_UNSET,
                                         chance(70) ? (int)rnd_range(0, 2) : HYOKA_UNSET));
    for (int i = (int)rnd_range(0, 2); i > 0; i--) {
        char key[8];
        snprintf(key, sizeof key, "k%d", (int)rnd_range(0, 3));
        OK(hyoka_evaluation_set_comment(e, key, HYOKA_NTS, rnd_text(), HYOKA_NTS));
    }
    for (int i = (int)rnd_range(0, 2); i > 0; i--)
        OK(hyoka_evaluation_add_goal(e, maybe_text(60), HYOKA_NTS, maybe_text(60), HYOKA_NTS,
                                     chance(50) ? date(rnd_year(), (int)rnd_range(1, 12), (int)rnd_range(0, 28)) : 0));
}

static void rnd_project_fields(hyoka_project *p, int depth)
{
    for (int f = HYOKA_TEXT_CODE; f <= HYOKA_TEXT_ACTIVITIES_PLANNED; f++)
        if (chance(f <= HYOKA_TEXT_NAME ? 90 : 25))
            OK(hyoka_project_set_text(p, f, rnd_text(), HYOKA_NTS));
    for (int k = HYOKA_CLASS_POLICY; k <= HYOKA_CLASS_ACCOUNT; k++)
        for (int i = (int)rnd_range(0, 3); i > 0; i--)
            OK(hyoka_project_add_class(p, k, maybe_text(70), HYOKA_NTS, maybe_text(70), HYOKA_NTS, maybe_text(70),
                                       HYOKA_NTS));
    if (chance(60))
        OK(hyoka_project_set_duty(p, (int)rnd_range(0, 1)));
    if (chance(60))
        OK(hyoka_project_set_period(p, (int)rnd_range(0, 2)));
    if (chance(60))
        OK(hyoka_project_set_period_years(p, chance(80) ? rnd_year() : 0, chance(50) ? rnd_year() : 0));
    for (int i = (int)rnd_range(0, 3); i > 0; i--)
        rnd_costs(p);
    for (int i = (int)rnd_range(0, 2); i > 0; i--)
        rnd_indicator(p);
    for (int i = (int)rnd_range(0, 2); i > 0; i--)
        rnd_evaluation(p);
    for (int i = (int)rnd_range(0, 2); i > 0; i--) {
        char key[8];
        snprintf(key, sizeof key, "x%d", (int)rnd_range(0, 3));
        OK(hyoka_project_set_extension(p, key, HYOKA_NTS, rnd_text(), HYOKA_NTS));
    }
    if (depth < 3)
        for (int i = chance(20) ? (int)rnd_range(1, 2) : 0; i > 0; i--) {
            hyoka_project *c = NULL;
            OK(hyoka_project_new(&c));
            rnd_project_fields(c, depth + 1);
            OK(hyoka_project_add_child(p, c));
        }
}

static hyoka_portfolio *random_portfolio(uint64_t seed, int projects)
{
    hyoka_portfolio *pf = new_portfolio();

    rng_state = seed;
    if (chance(50))
        OK(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_THOUSAND_YEN));
    if (chance(50))
        OK(hyoka_portfolio_set_municipality(pf, maybe_text(80), HYOKA_NTS, chance(50) ? "112089" : NULL,
                                            HYOKA_NTS));
    for (int i = (int)rnd_range(0, 3); i > 0; i--)
        OK(hyoka_portfolio_set_denominator(pf, rnd_year(), chance(50) ? HYOKA_COST_POPULATION : HYOKA_COST_HOUSEHOLDS,
                                           rnd_range(0, 10000000)));
    for (int f = 0; f <= HYOKA_FIG_SCORE; f++)
        if (chance(15))
            OK(hyoka_portfolio_set_rounding(pf, f, (int)rnd_range(0, 4), (int)rnd_range(0, 5),
                                            f >= HYOKA_FIG_PER_CAPITA && f <= HYOKA_FIG_PER_BENEFICIARY
                                                ? (int)rnd_range(0, 1)
                                                : HYOKA_UNIT_YEN));
    if (chance(30))
        OK(hyoka_portfolio_set_stated_tolerance(pf, rnd_range(0, 5)));
    if (chance(40))
        OK(hyoka_portfolio_add_scheme(pf, full_scheme()));
    for (int i = 0; i < projects; i++) {
        hyoka_project *p = NULL;
        OK(hyoka_project_new(&p));
        rnd_project_fields(p, 0);
        OK(hyoka_portfolio_add_project(pf, p));
    }
    return pf;
}

/* Writing is deterministic and does not depend on how the portfolio was
 * made: a deep copy writes the same bytes; the compact text is the pretty
 * text without its layout; metrics and compact metrics agree likewise. */
static void test_generated(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 60; seed++) {
        hyoka_portfolio *pf = random_portfolio(seed, (int)(seed % 7)), *copy = NULL;
        char *a, *b, *c, *cm;
        size_t na = 0, nb = 0, nc = 0;

        OK(hyoka_portfolio_copy(pf, &copy));
        a = write_doc(pf, 0, &na);
        b = write_doc(copy, 0, &nb);
        assert_int_equal(na, nb);
        assert_memory_equal(a, b, na);
        c = write_doc(pf, HYOKA_WRITE_COMPACT, &nc);
        cm = compact_of(a);
        expect_text(c, nc, cm);
        free(cm);
        hyoka_free(a);
        hyoka_free(b);
        hyoka_free(c);
        a = write_doc(pf, HYOKA_WRITE_YEN, &na);
        hyoka_free(a);
        OK(hyoka_metrics_write(pf, NULL, 0, (int)(seed % 2), &a, &na));
        OK(hyoka_metrics_write(pf, NULL, HYOKA_WRITE_COMPACT, (int)(seed % 2), &c, &nc));
        cm = compact_of(a);
        expect_text(c, nc, cm);
        free(cm);
        hyoka_free(a);
        hyoka_free(c);
        hyoka_portfolio_free(copy);
        hyoka_portfolio_free(pf);
    }
}

static int group_setup(void **state)
{
    (void)state;
    join_lines(full_pretty, sizeof full_pretty, full_pretty_lines);
    join_lines(metrics_expected_en, sizeof metrics_expected_en, metrics_expected_en_lines);
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Round trips through the reader                                            */

static hyoka_portfolio *read_doc_(const char *text, size_t n, int line)
{
    hyoka_portfolio *pf = NULL;
    hyoka_report *r = NULL;
    int rc;

    OK(hyoka_report_new(&r));
    rc = hyoka_json_read(text, n, NULL, &pf, r);
    if (rc != HYOKA_OK || hyoka_report_count_severity(r, HYOKA_SEVERITY_ERROR) != 0) {
        for (size_t i = 0; i < hyoka_report_count(r) && i < 10; i++)
            fprintf(stderr, "  %s %s: %s\n", hyoka_report_code(r, i), hyoka_report_path(r, i),
                    hyoka_report_message(r, i, HYOKA_LANG_EN));
        fail_msg("line %d: reading the written document: %s (%s)", line, hyoka_status_name(rc), hyoka_error_last());
    }
    hyoka_report_free(r);
    assert_non_null(pf);
    return pf;
}
#define read_doc(text, n) read_doc_((text), (n), __LINE__)

/* write → read → equal → write → the same bytes, pretty and compact; and
 * with HYOKA_WRITE_YEN: the yen document reads back to the same portfolio
 * but for its amount unit, and is its own fixed point. */
static void round_trip_(const hyoka_portfolio *pf, int line)
{
    static const unsigned flag_sets[] = {0, HYOKA_WRITE_COMPACT, HYOKA_WRITE_YEN,
                                         HYOKA_WRITE_YEN | HYOKA_WRITE_COMPACT};

    for (size_t k = 0; k < sizeof flag_sets / sizeof flag_sets[0]; k++) {
        unsigned flags = flag_sets[k];
        size_t na = 0, nb = 0;
        char *a = write_doc(pf, flags, &na), *b;
        hyoka_portfolio *q = read_doc_(a, na, line);

        if (flags & HYOKA_WRITE_YEN) {
            assert_int_equal(hyoka_portfolio_amount_unit(q), HYOKA_UNIT_YEN);
            b = write_doc(q, flags & HYOKA_WRITE_COMPACT, &nb);
            expect_text_(b, nb, a, line);
            hyoka_free(b);
            OK(hyoka_portfolio_set_amount_unit(q, hyoka_portfolio_amount_unit(pf)));
        }
        if (!hyoka_portfolio_equal(pf, q)) {
            fprintf(stderr, "%s\n", a);
            fail_msg("line %d: flags %u: the portfolio read back differs from the one written", line, flags);
        }
        b = write_doc(q, flags, &nb);
        expect_text_(b, nb, a, line);
        hyoka_free(b);
        hyoka_free(a);
        hyoka_portfolio_free(q);
    }
}
#define round_trip(pf) round_trip_((pf), __LINE__)

static void test_round_trip_fixed(void **state)
{
    hyoka_portfolio *pf;
    (void)state;

    pf = full_portfolio();
    round_trip(pf);
    hyoka_portfolio_free(pf);
    pf = metrics_portfolio();
    round_trip(pf);
    hyoka_portfolio_free(pf);
    pf = new_portfolio();
    round_trip(pf);
    hyoka_portfolio_free(pf);
}

static void test_round_trip_generated(void **state)
{
    (void)state;
    for (uint64_t seed = 1000; seed < 1300; seed++) {
        hyoka_portfolio *pf = random_portfolio(seed, (int)(seed % 9));
        round_trip(pf);
        hyoka_portfolio_free(pf);
    }
}

/* The folder of the JSON fixtures: $HYOKA_TEST_DATA/json, else
 * tests/data/json beside this source file (its path as the compiler saw
 * it, relative to the build root when meson gives a relative one; the
 * build root is the parent of the folder of this program). */
static bool data_dir(char *out, size_t size)
{
    const char *env = getenv("HYOKA_TEST_DATA");
    const char *src = __FILE__;
    const char *slash = strrchr(src, '/');
    char exe[4096];
    ssize_t n;

    if (env && env[0]) {
        int k = snprintf(out, size, "%s/json", env);
        return k > 0 && (size_t)k < size;
    }
    if (!slash)
        return false;
    if (src[0] == '/') {
        int k = snprintf(out, size, "%.*s/data/json", (int)(slash - src), src);
        return k > 0 && (size_t)k < size;
    }
    n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return false;
    exe[n] = '\0';
    for (int up = 0; up < 2; up++) {
        char *e = strrchr(exe, '/');
        if (!e)
            return false;
        *e = '\0';
    }
    {
        int k = snprintf(out, size, "%s/%.*s/data/json", exe, (int)(slash - src), src);
        return k > 0 && (size_t)k < size;
    }
}

static bool has_suffix(const char *name, const char *suffix)
{
    size_t n = strlen(name), k = strlen(suffix);
    return n >= k && strcmp(name + n - k, suffix) == 0;
}

/* Every readable document of the fixtures: write(read(x)) reads back to
 * an equal portfolio and is a fixed point of read-then-write. */
static void test_round_trip_fixtures(void **state)
{
    char dir[4096];
    DIR *d;
    struct dirent *e;
    size_t checked = 0, skipped = 0;
    (void)state;

    if (!data_dir(dir, sizeof dir) || !(d = opendir(dir))) {
        fprintf(stderr, "note: no JSON fixtures found; skipped\n");
        return;
    }
    while ((e = readdir(d)) != NULL) {
        char path[8192];
        char *text, *a, *b;
        int k;
        size_t n = 0, na = 0, nb = 0;
        hyoka_portfolio *x = NULL, *y;
        hyoka_report *r = NULL;
        int rc;

        if (!has_suffix(e->d_name, ".json"))
            continue;
        k = snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        assert_true(k > 0 && (size_t)k < sizeof path);
        text = read_all(path, &n);
        OK(hyoka_report_new(&r));
        rc = hyoka_json_read(text, n, NULL, &x, r);
        hyoka_report_free(r);
        free(text);
        if (rc != HYOKA_OK) {
            assert_null(x);
            skipped++;
            continue;
        }
        for (unsigned flags = 0; flags <= HYOKA_WRITE_COMPACT; flags++) {
            a = write_doc(x, flags, &na);
            y = read_doc(a, na);
            if (!hyoka_portfolio_equal(x, y))
                fail_msg("%s: flags %u: write then read changes the portfolio", e->d_name, flags);
            b = write_doc(y, flags, &nb);
            expect_text(b, nb, a);
            hyoka_free(a);
            hyoka_free(b);
            hyoka_portfolio_free(y);
        }
        round_trip(x);
        hyoka_portfolio_free(x);
        checked++;
    }
    closedir(d);
    fprintf(stderr, "note: %zu fixture documents round-tripped, %zu invalid ones skipped\n", checked, skipped);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_pretty),
        cmocka_unit_test(test_full_compact),
        cmocka_unit_test(test_copy_writes_the_same),
        cmocka_unit_test(test_empty_portfolio),
        cmocka_unit_test(test_thousand_yen_amounts),
        cmocka_unit_test(test_write_yen_flag),
        cmocka_unit_test(test_escaping),
        cmocka_unit_test(test_escaping_pretty_keys),
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_metrics),
        cmocka_unit_test(test_metrics_empty),
        cmocka_unit_test(test_metrics_overflow),
        cmocka_unit_test(test_report_json),
        cmocka_unit_test(test_report_json_validation),
        cmocka_unit_test(test_write_file),
        cmocka_unit_test(test_write_file_unwritable),
        cmocka_unit_test(test_deep_tree),
        cmocka_unit_test(test_tree_shape),
        cmocka_unit_test(test_extreme_values),
        cmocka_unit_test(test_many_years),
        cmocka_unit_test(test_alloc_failures),
        cmocka_unit_test(test_alloc_many_years),
        cmocka_unit_test(test_generated),
        cmocka_unit_test(test_round_trip_fixed),
        cmocka_unit_test(test_round_trip_generated),
        cmocka_unit_test(test_round_trip_fixtures),
    };
    return cmocka_run_group_tests(tests, group_setup, NULL);
}
