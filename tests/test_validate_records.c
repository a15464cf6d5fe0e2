/* Tests of the validation of the national review sheets' data
 * (docs/validation.md, the B codes and I006; I001, I002 and I003 on the
 * logic model): each code fires on a bad case and is silent on the good
 * one, and the real RS sample of review year 2024 (five projects, in
 * tests/data/rs/rs-sample-2024.json) gives exactly the diagnostics its
 * published figures call for. Public API only. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

#define NTS HYOKA_NTS
#define OK(call)                                                                        \
    do {                                                                                \
        int rc_ = (call);                                                               \
        if (rc_ != HYOKA_OK)                                                            \
            fail_msg("%s: %s (%s)", #call, hyoka_status_name(rc_), hyoka_error_last()); \
    } while (0)

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

static hyoka_decimal D(const char *text)
{
    hyoka_decimal d;
    if (hyoka_decimal_parse(text, NTS, &d) != HYOKA_OK)
        fail_msg("decimal \"%s\": %s", text, hyoka_error_last());
    return d;
}

/* A portfolio with one project that has an outcome in % (target year
 * given): nothing to report until records are added. */
static hyoka_portfolio *portfolio(hyoka_project **out)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *p = NULL;
    hyoka_indicator *ind = NULL;
    OK(hyoka_portfolio_new(&pf));
    OK(hyoka_project_new(&p));
    OK(hyoka_project_set_code(p, "884", NTS));
    OK(hyoka_project_set_name(p, "法教育の推進", NTS));
    OK(hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &ind));
    OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NAME, "出前授業の年間実施状況", NTS));
    OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_UNIT, "件", NTS));
    OK(hyoka_portfolio_add_project(pf, p));
    *out = p;
    return pf;
}

/* A budget record of @p year; an account when @p account is not NULL. */
static hyoka_record *budget(hyoka_project *p, int32_t year, const char *account)
{
    hyoka_record *b = NULL;
    OK(hyoka_project_add_record(p, HYOKA_RECORD_BUDGET, &b));
    OK(hyoka_record_set_fiscal_year(b, HYOKA_FIELD_BUDGET_YEAR, year));
    if (account) {
        OK(hyoka_record_set_text(b, HYOKA_FIELD_ACCOUNT_TYPE, "一般会計", NTS));
        OK(hyoka_record_set_text(b, HYOKA_FIELD_ACCOUNT, account, NTS));
    }
    return b;
}

static void money(hyoka_record *r, int field, int64_t yen)
{
    OK(hyoka_record_set_money(r, field, yen));
}

static void decimal(hyoka_record *r, int field, const char *text)
{
    hyoka_decimal d = D(text);
    OK(hyoka_record_set_decimal(r, field, &d));
}

static hyoka_report *run(const hyoka_portfolio *pf)
{
    hyoka_report *r = NULL;
    OK(hyoka_report_new(&r));
    OK(hyoka_validate(pf, r));
    return r;
}

/* The report as "CODE /path" lines joined by newlines. */
static void listing(const hyoka_report *r, char *out, size_t size)
{
    size_t len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < hyoka_report_count(r) && len < size; i++) {
        int n = snprintf(out + len, size - len, "%s%s %s", i ? "\n" : "", hyoka_report_code(r, i),
                         hyoka_report_path(r, i));
        assert_true(n > 0);
        len += (size_t)n;
    }
}

/* Validate and compare with the expected listing ("" for none). */
static void check(const hyoka_portfolio *pf, const char *expected)
{
    hyoka_report *r = run(pf);
    char got[8192];
    listing(r, got, sizeof got);
    if (strcmp(got, expected) != 0) {
        for (size_t i = 0; i < hyoka_report_count(r); i++)
            print_message("  %s | %s\n", hyoka_report_message(r, i, HYOKA_LANG_EN),
                          hyoka_report_message(r, i, HYOKA_LANG_JA));
        fail_msg("expected:\n%s\ngot:\n%s", expected, got);
    }
    for (size_t i = 0; i < hyoka_report_count(r); i++)
        assert_int_equal(hyoka_report_severity(r, i), hyoka_code_severity(hyoka_report_code(r, i)));
    hyoka_report_free(r);
}

/* The only diagnostic's messages contain @p en and @p ja. */
static void check_message(const hyoka_portfolio *pf, const char *en, const char *ja)
{
    hyoka_report *r = run(pf);
    assert_int_equal(hyoka_report_count(r), 1);
    if (!strstr(hyoka_report_message(r, 0, HYOKA_LANG_EN), en))
        fail_msg("\"%s\" lacks \"%s\"", hyoka_report_message(r, 0, HYOKA_LANG_EN), en);
    if (!strstr(hyoka_report_message(r, 0, HYOKA_LANG_JA), ja))
        fail_msg("\"%s\" lacks \"%s\"", hyoka_report_message(r, 0, HYOKA_LANG_JA), ja);
    hyoka_report_free(r);
}

/* ------------------------------------------------------------------------ */
/* The registry                                                              */

static void test_codes(void **state)
{
    (void)state;
    assert_int_equal(hyoka_code_severity("B001"), HYOKA_SEVERITY_WARNING);
    assert_int_equal(hyoka_code_severity("B002"), HYOKA_SEVERITY_WARNING);
    assert_int_equal(hyoka_code_severity("B003"), HYOKA_SEVERITY_WARNING);
    assert_int_equal(hyoka_code_severity("B004"), HYOKA_SEVERITY_WARNING);
    assert_int_equal(hyoka_code_severity("B005"), HYOKA_SEVERITY_ERROR);
    assert_int_equal(hyoka_code_severity("I006"), HYOKA_SEVERITY_WARNING);
    assert_string_equal(hyoka_code_title("B001", HYOKA_LANG_JA), "執行額が歳出予算現額を上回る");
    assert_string_equal(hyoka_code_title("I006", HYOKA_LANG_EN), "outcome of a logic model without target fiscal year");
}

/* ------------------------------------------------------------------------ */
/* B001                                                                      */

static void test_b001(void **state)
{
    hyoka_project *p;
    hyoka_portfolio *pf = portfolio(&p);
    hyoka_record *b;
    (void)state;

    /* project 11, budget year 2023: appropriation 0, execution 12,896,926,000 */
    b = budget(p, 2023, NULL);
    money(b, HYOKA_FIELD_APPROPRIATION, 0);
    money(b, HYOKA_FIELD_EXECUTION, 12896926000);
    check(pf, "B001 /projects/0/budgets/0/execution");
    check_message(pf, "budget year 2023: the execution 12,896,926,000 yen is above the appropriation 0 yen",
                  "2023年度: 執行額12,896,926,000円が歳出予算現額0円を上回る");

    /* an account row too */
    b = budget(p, 2023, "一般会計");
    money(b, HYOKA_FIELD_APPROPRIATION, 0);
    money(b, HYOKA_FIELD_EXECUTION, 12896926000);
    check(pf, "B001 /projects/0/budgets/0/execution\nB001 /projects/0/budgets/1/execution");
    OK(hyoka_project_remove_record(p, HYOKA_RECORD_BUDGET, 1));

    /* equal, below: fine */
    money(b = hyoka_project_record_at(p, HYOKA_RECORD_BUDGET, 0), HYOKA_FIELD_APPROPRIATION, 12896926000);
    check(pf, "");
    money(b, HYOKA_FIELD_APPROPRIATION, 40217000);
    money(b, HYOKA_FIELD_EXECUTION, 28433000);
    check(pf, "");

    /* a missing or not-applicable appropriation is not 0 */
    money(b, HYOKA_FIELD_EXECUTION, 50000000);
    OK(hyoka_record_clear(b, HYOKA_FIELD_APPROPRIATION));
    check(pf, "");
    OK(hyoka_record_set_not_applicable(b, HYOKA_FIELD_APPROPRIATION));
    check(pf, "");

    /* in thousand yen, the message speaks the document's unit */
    money(b, HYOKA_FIELD_APPROPRIATION, 40217000);
    OK(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_THOUSAND_YEN));
    check_message(pf, "the execution 50,000 thousand yen is above the appropriation 40,217 thousand yen",
                  "執行額50,000千円が歳出予算現額40,217千円を上回る");
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* B002                                                                      */

static void test_b002(void **state)
{
    hyoka_project *p;
    hyoka_portfolio *pf = portfolio(&p);
    hyoka_record *t, *a1, *a2;
    (void)state;

    /* project 3522, budget year 2024: a total row over two accounts */
    t = budget(p, 2024, NULL);
    money(t, HYOKA_FIELD_INITIAL, 0);
    money(t, HYOKA_FIELD_SUPPLEMENTARY, 990178535000);
    money(t, HYOKA_FIELD_APPROPRIATION, 990178535000);
    money(t, HYOKA_FIELD_EXECUTION, 0);
    money(t, HYOKA_FIELD_CARRIED_OUT, 0);
    a1 = budget(p, 2024, "エネルギー対策");
    money(a1, HYOKA_FIELD_INITIAL, 0);
    money(a1, HYOKA_FIELD_SUPPLEMENTARY_1, 157616000000);
    money(a1, HYOKA_FIELD_SUPPLEMENTARY_2, 0);
    money(a1, HYOKA_FIELD_APPROPRIATION, 157616000000);
    money(a1, HYOKA_FIELD_EXECUTION, 0);
    a2 = budget(p, 2024, "一般会計");
    money(a2, HYOKA_FIELD_INITIAL, 0);
    money(a2, HYOKA_FIELD_SUPPLEMENTARY_1, 832562535000);
    money(a2, HYOKA_FIELD_APPROPRIATION, 832562535000);
    money(a2, HYOKA_FIELD_EXECUTION, 0);
    /* another year's account is not counted */
    money(budget(p, 2023, "一般会計"), HYOKA_FIELD_APPROPRIATION, 1);
    check(pf, "");

    /* a part off by one yen, another field off */
    money(a2, HYOKA_FIELD_SUPPLEMENTARY_1, 832562535001);
    money(a1, HYOKA_FIELD_EXECUTION, 5);
    check(pf, "B002 /projects/0/budgets/0/supplementary\nB002 /projects/0/budgets/0/execution");
    money(a1, HYOKA_FIELD_EXECUTION, 0);
    check_message(pf, "budget year 2024: the total row's supplementary is 990,178,535,000 yen, the sum of its "
                      "account rows (2) 990,178,535,001 yen",
                  "2024年度: 合計行の補正予算は990,178,535,000円だが、会計別の行(2行)の合計は990,178,535,001円");

    /* an account row's own supplementary is taken before its parts */
    money(a2, HYOKA_FIELD_SUPPLEMENTARY, 832562535000);
    check(pf, "");

    /* an account without the field: not compared; carried_out is on the total row only */
    OK(hyoka_record_clear(a1, HYOKA_FIELD_INITIAL));
    money(t, HYOKA_FIELD_INITIAL, 7);
    check(pf, "");

    /* a year without account rows: nothing to compare */
    t = budget(p, 2022, NULL);
    money(t, HYOKA_FIELD_APPROPRIATION, 485009000000);
    check(pf, "");
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* B003                                                                      */

static void test_b003(void **state)
{
    hyoka_project *p;
    hyoka_portfolio *pf = portfolio(&p);
    hyoka_record *b, *full;
    (void)state;

    /* project 884, 2023: 28,433,000 ÷ 40,217,000 = 0.706994… printed 0.70699 */
    b = budget(p, 2023, NULL);
    money(b, HYOKA_FIELD_APPROPRIATION, 40217000);
    money(b, HYOKA_FIELD_EXECUTION, 28433000);
    decimal(b, HYOKA_FIELD_STATED_EXECUTION_RATE, "0.70699");
    /* project 3522, 2023: 100 % printed 1 (trailing zeros dropped) */
    full = budget(p, 2022, NULL);
    money(full, HYOKA_FIELD_APPROPRIATION, 485009000000);
    money(full, HYOKA_FIELD_EXECUTION, 485009000000);
    decimal(full, HYOKA_FIELD_STATED_EXECUTION_RATE, "1");
    check(pf, "");

    decimal(b, HYOKA_FIELD_STATED_EXECUTION_RATE, "0.70698");
    check_message(pf, "stated execution rate 0.70698 differs from the computed 0.70699",
                  "記載の執行率 0.70698が計算値 0.70699と一致しない");
    check(pf, "B003 /projects/0/budgets/0/stated_execution_rate");
    /* the printed places decide: 0.707 is 0.706994… at three places */
    decimal(b, HYOKA_FIELD_STATED_EXECUTION_RATE, "0.707");
    check(pf, "");
    /* a percentage printed where a ratio belongs */
    decimal(full, HYOKA_FIELD_STATED_EXECUTION_RATE, "100");
    check(pf, "B003 /projects/0/budgets/1/stated_execution_rate");
    /* the document's tolerance applies */
    decimal(full, HYOKA_FIELD_STATED_EXECUTION_RATE, "1");
    decimal(b, HYOKA_FIELD_STATED_EXECUTION_RATE, "0.70698");
    OK(hyoka_portfolio_set_stated_tolerance(pf, 1));
    check(pf, "");
    OK(hyoka_portfolio_set_stated_tolerance(pf, 0));

    /* an appropriation of 0 has no rate: not compared */
    money(b, HYOKA_FIELD_APPROPRIATION, 0);
    money(b, HYOKA_FIELD_EXECUTION, 0);
    check(pf, "");
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* B004, B005                                                                */

static hyoka_record *recipient(hyoka_record *block, const char *name, int64_t total)
{
    hyoka_record *r = NULL;
    OK(hyoka_record_add_child(block, HYOKA_RECORD_RECIPIENT, &r));
    OK(hyoka_record_set_text(r, HYOKA_FIELD_NAME, name, NTS));
    if (total >= 0)
        money(r, HYOKA_FIELD_TOTAL, total);
    return r;
}

static void test_blocks(void **state)
{
    hyoka_project *p;
    hyoka_portfolio *pf = portfolio(&p);
    hyoka_record *block = NULL, *r1, *r2, *empty = NULL;
    (void)state;

    /* project 884, block B (a travel agent and six staff) */
    OK(hyoka_project_add_record(p, HYOKA_RECORD_BLOCK, &empty)); /* 18556's block A: no total */
    OK(hyoka_record_set_text(empty, HYOKA_FIELD_BLOCK, "A", NTS));
    OK(hyoka_project_add_record(p, HYOKA_RECORD_BLOCK, &block));
    OK(hyoka_record_set_text(block, HYOKA_FIELD_BLOCK, "B", NTS));
    money(block, HYOKA_FIELD_TOTAL, 328000);
    r1 = recipient(block, "株式会社ＩＡＣＥトラベル", 141000);
    r2 = recipient(block, "職員Ａ", 187000);
    check(pf, "");

    money(r2, HYOKA_FIELD_TOTAL, 186000);
    check(pf, "B004 /projects/0/blocks/1/total");
    check_message(pf, "block B: the total 328,000 yen differs from the sum of its recipients (2), 327,000 yen",
                  "ブロックB: 合計支出額328,000円が支出先2件の合計327,000円と一致しない");

    /* a recipient without a total: the sum is not compared */
    OK(hyoka_record_clear(r2, HYOKA_FIELD_TOTAL));
    check(pf, "");

    /* one recipient above the whole block: B004 and B005 */
    money(r2, HYOKA_FIELD_TOTAL, 400000);
    check(pf, "B004 /projects/0/blocks/1/total\nB005 /projects/0/blocks/1/recipients/1/total");
    money(r1, HYOKA_FIELD_TOTAL, -72000); /* the sum agrees, the part is still above the whole */
    check(pf, "B005 /projects/0/blocks/1/recipients/1/total");
    money(r1, HYOKA_FIELD_TOTAL, 141000);
    money(r2, HYOKA_FIELD_TOTAL, 400000);
    OK(hyoka_record_clear(r1, HYOKA_FIELD_TOTAL));
    {
        hyoka_report *r = run(pf);
        assert_int_equal(hyoka_report_count(r), 1);
        assert_string_equal(hyoka_report_code(r, 0), "B005");
        assert_int_equal(hyoka_report_severity(r, 0), HYOKA_SEVERITY_ERROR);
        assert_non_null(strstr(hyoka_report_message(r, 0, HYOKA_LANG_EN),
                               "the recipient's total 400,000 yen is above the total of block B, 328,000 yen"));
        assert_non_null(strstr(hyoka_report_message(r, 0, HYOKA_LANG_JA),
                               "支出先の合計支出額400,000円がブロックBの合計支出額328,000円を上回る"));
        hyoka_report_free(r);
    }

    /* a block without a total is compared with nothing */
    OK(hyoka_record_clear(block, HYOKA_FIELD_TOTAL));
    check(pf, "");
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* The logic model: I006, and I001/I002 for actions and qualitative goals    */

static hyoka_indicator *node(hyoka_project *p, int kind, int64_t number, const char *unit)
{
    hyoka_indicator *ind = NULL;
    OK(hyoka_project_add_indicator(p, kind, &ind));
    OK(hyoka_indicator_set_number(ind, number));
    if (unit)
        OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_UNIT, unit, NTS));
    return ind;
}

static void value(hyoka_indicator *ind, int32_t fy, int field, const char *text)
{
    hyoka_decimal d = D(text);
    OK(hyoka_indicator_set_value(ind, fy, field, &d));
}

static void test_logic_model(void **state)
{
    hyoka_project *p;
    hyoka_portfolio *pf = portfolio(&p);
    hyoka_indicator *action, *output, *outcome, *qualitative;
    (void)state;

    /* an action: goal text only, no unit, no values */
    action = node(p, HYOKA_KIND_ACTION, 1, NULL);
    OK(hyoka_indicator_set_text(action, HYOKA_INDICATOR_GOAL, "法教育推進協議会の開催", NTS));
    /* an output, counted year by year: no target year on the sheets */
    output = node(p, HYOKA_KIND_ACTIVITY, 1, "回");
    value(output, 2023, HYOKA_VALUE_TARGET, "10");
    value(output, 2023, HYOKA_VALUE_ACTUAL, "10");
    /* a short-term outcome with its target year */
    outcome = node(p, HYOKA_KIND_OUTCOME, 1, "件");
    OK(hyoka_indicator_set_term(outcome, HYOKA_TERM_SHORT));
    OK(hyoka_indicator_set_target_year(outcome, 2024));
    /* a qualitative long-term outcome: no unit needed */
    qualitative = node(p, HYOKA_KIND_OUTCOME, 1, NULL);
    OK(hyoka_indicator_set_term(qualitative, HYOKA_TERM_LONG));
    OK(hyoka_indicator_set_measurement(qualitative, HYOKA_MEASUREMENT_QUALITATIVE));
    OK(hyoka_indicator_set_target_year(qualitative, 2028));
    check(pf, "");

    /* the qualitative outcome without its target year */
    OK(hyoka_indicator_set_target_year(qualitative, 0));
    check(pf, "I006 /projects/0/indicators/4/target_fiscal_year");
    check_message(pf, "outcome 1 of the logic model has no target fiscal year", "成果目標(番号1)に目標年度がない");
    OK(hyoka_indicator_set_target_year(qualitative, 2028));

    /* a quantitative outcome still needs a unit, an output too */
    OK(hyoka_indicator_set_measurement(qualitative, HYOKA_MEASUREMENT_QUANTITATIVE));
    OK(hyoka_indicator_set_text(output, HYOKA_INDICATOR_UNIT, NULL, 0));
    check(pf, "I001 /projects/0/indicators/2/unit\nI001 /projects/0/indicators/4/unit");
    OK(hyoka_indicator_set_text(output, HYOKA_INDICATOR_UNIT, "回", NTS));
    OK(hyoka_indicator_set_measurement(qualitative, HYOKA_MEASUREMENT_QUALITATIVE));

    /* an output with actuals and no targets (884's outputs): I002, not I006 */
    OK(hyoka_indicator_remove_year(output, 2023));
    value(output, 2021, HYOKA_VALUE_ACTUAL, "8");
    value(output, 2022, HYOKA_VALUE_ACTUAL, "6");
    check(pf, "I002 /projects/0/indicators/2/values/0");

    /* an outcome without a number is a municipal indicator: no I006 */
    OK(hyoka_indicator_set_number(outcome, HYOKA_UNSET));
    OK(hyoka_indicator_set_target_year(outcome, 0));
    check(pf, "I002 /projects/0/indicators/2/values/0");
    hyoka_portfolio_free(pf);
}

/* I003 with the RS rounding: actual ÷ target × 100 to 5 places half up,
 * printed without trailing zeros, compared at the printed places. */
static void test_printed_achievement(void **state)
{
    hyoka_project *p;
    hyoka_portfolio *pf = portfolio(&p);
    hyoka_indicator *a, *b;
    (void)state;

    /* project 11's output 10: 20 ÷ 21 → 95.2381 */
    a = node(p, HYOKA_KIND_ACTIVITY, 10, "件");
    OK(hyoka_indicator_set_direction(a, HYOKA_DIRECTION_INCREASE));
    value(a, 2023, HYOKA_VALUE_TARGET, "21");
    value(a, 2023, HYOKA_VALUE_ACTUAL, "20");
    value(a, 2023, HYOKA_VALUE_STATED_ACHIEVEMENT, "95.2381");
    /* project 3522's output 3: 35 ÷ 12 → 291.66667, 2 ÷ 2.5 → 80 */
    b = node(p, HYOKA_KIND_ACTIVITY, 3, "件");
    OK(hyoka_indicator_set_direction(b, HYOKA_DIRECTION_INCREASE));
    value(b, 2020, HYOKA_VALUE_TARGET, "12");
    value(b, 2020, HYOKA_VALUE_ACTUAL, "35");
    value(b, 2020, HYOKA_VALUE_STATED_ACHIEVEMENT, "291.66667");
    value(b, 2021, HYOKA_VALUE_TARGET, "99.99");
    value(b, 2021, HYOKA_VALUE_ACTUAL, "100");
    value(b, 2021, HYOKA_VALUE_STATED_ACHIEVEMENT, "100.01");
    check(pf, "");

    value(b, 2020, HYOKA_VALUE_STATED_ACHIEVEMENT, "291.66666");
    value(a, 2023, HYOKA_VALUE_STATED_ACHIEVEMENT, "95.2380");
    check(pf, "I003 /projects/0/indicators/1/values/0/stated_achievement\n"
              "I003 /projects/0/indicators/2/values/0/stated_achievement");

    /* without a direction (the sheets' outputs) the achievement is not compared */
    OK(hyoka_indicator_set_direction(a, HYOKA_UNSET));
    OK(hyoka_indicator_set_direction(b, HYOKA_UNSET));
    check(pf, "");
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* The real sample                                                           */

static hyoka_portfolio *read_sample(void)
{
    const char *root = getenv("HYOKA_SOURCE_ROOT");
    char path[4096];
    hyoka_portfolio *pf = NULL;

    if (!root)
        skip();
    snprintf(path, sizeof path, "%s/tests/data/rs/rs-sample-2024.json", root);
    OK(hyoka_json_read_file(path, NULL, &pf, NULL));
    return pf;
}

/* The diagnostics of the five projects, each with the reason it is right:
 * - 11 (デジタル庁 ガバメントクラウド…): budget years 2023 and 2022 print an
 *   appropriation of 0 and executions of 12,896,926,000 and 15,821,000,000
 *   yen, on the total rows and the account rows: four B001;
 * - 884 (法教育の推進): outputs 1 and 2 print actuals for 2021–2023 and no
 *   targets: two I002; the qualitative long-term outcome 1 has no target
 *   year: I006 (its missing unit is no I001: a qualitative goal);
 * - 18556: the medium-term outcome 1 has no target year and no values: I006.
 * Silent: every printed execution rate (0.97162, 0.70699, 0.67566, 0.79712,
 * 1) and achievement rate with a direction (95.2381, 100.01, 102.5), every
 * total row against its accounts, every block total against its
 * recipients, the five review outcomes against jp-rs-review, the actions. */
static void test_sample(void **state)
{
    hyoka_portfolio *pf = read_sample();
    (void)state;
    check(pf, "B001 /projects/0/budgets/2/execution\n"
              "B001 /projects/0/budgets/3/execution\n"
              "B001 /projects/0/budgets/4/execution\n"
              "B001 /projects/0/budgets/5/execution\n"
              "I002 /projects/1/indicators/2/values/0\n"
              "I002 /projects/1/indicators/3/values/0\n"
              "I006 /projects/1/indicators/5/target_fiscal_year\n"
              "I006 /projects/4/indicators/5/target_fiscal_year");
    hyoka_portfolio_free(pf);
}

/* The sample's checks are not vacuous: a figure changed in each place
 * brings the code that guards it. */
static void test_sample_changed(void **state)
{
    hyoka_portfolio *pf = read_sample();
    hyoka_project *p884 = hyoka_portfolio_project_at(pf, 1), *p11 = hyoka_portfolio_project_at(pf, 0);
    hyoka_record *rate = hyoka_project_record_at(p884, HYOKA_RECORD_BUDGET, 2);
    hyoka_record *account = hyoka_project_record_at(p884, HYOKA_RECORD_BUDGET, 3);
    hyoka_record *block = hyoka_project_record_at(p11, HYOKA_RECORD_BLOCK, 2);
    hyoka_report *r;
    char got[8192];
    (void)state;

    decimal(rate, HYOKA_FIELD_STATED_EXECUTION_RATE, "0.70698");
    money(account, HYOKA_FIELD_CARRIED_IN, 8220001);
    money(hyoka_record_child_at(block, HYOKA_RECORD_RECIPIENT, 0), HYOKA_FIELD_TOTAL, 1346001);
    r = run(pf);
    listing(r, got, sizeof got);
    assert_non_null(strstr(got, "B004 /projects/0/blocks/2/total\n"));
    assert_non_null(strstr(got, "B002 /projects/1/budgets/2/carried_in\n"
                                "B003 /projects/1/budgets/2/stated_execution_rate\n"));
    assert_int_equal(hyoka_report_count(r), 11);
    hyoka_report_free(r);
    hyoka_portfolio_free(pf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_codes),
        cmocka_unit_test(test_b001),
        cmocka_unit_test(test_b002),
        cmocka_unit_test(test_b003),
        cmocka_unit_test(test_blocks),
        cmocka_unit_test(test_logic_model),
        cmocka_unit_test(test_printed_achievement),
        cmocka_unit_test(test_sample),
        cmocka_unit_test(test_sample_changed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
