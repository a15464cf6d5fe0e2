/* Tests of the national review sheets' parts of the outputs: the HTML page
 * (docs/html.md: the budget cycle, the logic model, the review's
 * reflection, the spending blocks) and hyoka-metrics/1 (docs/format.md:
 * budgets and blocks), on the real RS sample of review year 2024
 * (tests/data/rs/rs-sample-2024.json) and on documents built through the
 * API: the figures the sheets print, escaped text, nothing when absent.
 * Public API only. */
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

static const char HOSTILE[] = "<b>\"&'x</b>";
static const char HOSTILE_ESCAPED[] = "&lt;b&gt;&quot;&amp;&#39;x&lt;/b&gt;";

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

static char *page_of(const hyoka_project *p, int lang)
{
    char *html = NULL;
    OK(hyoka_html_project(p, lang, &html, NULL));
    return html;
}

#define HAS(text, part)                                                       \
    do {                                                                      \
        if (!strstr((text), (part)))                                          \
            fail_msg("%s:%d: the output lacks \"%s\"", __FILE__, __LINE__, (part)); \
    } while (0)
#define HAS_NOT(text, part)                                                     \
    do {                                                                        \
        if (strstr((text), (part)))                                             \
            fail_msg("%s:%d: the output has \"%s\"", __FILE__, __LINE__, (part)); \
    } while (0)

/* The number of times @p part occurs in @p text. Not inlined: gcc 12 at
 * -O3 takes the pointer kept across strstr() calls for one into the
 * caller's variable (a false -Wdangling-pointer). */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static size_t occurrences(const char *text, const char *part)
{
    size_t n = 0;
    for (const char *at = strstr(text, part); at; at = strstr(at + 1, part))
        n++;
    return n;
}

/* ------------------------------------------------------------------------ */
/* HTML on the sample                                                        */

static void test_html_sample(void **state)
{
    hyoka_portfolio *pf = read_sample();
    char *html = page_of(hyoka_portfolio_project_at(pf, 1), HYOKA_LANG_JA); /* 884 */
    (void)state;

    /* the budget cycle: 2023's total row and its account row */
    HAS(html, "<section class=\"budgets\">");
    HAS(html, "<th scope=\"col\">歳出予算現額</th>");
    HAS(html, "<td class=\"num\" data-yen=\"40217000\">40,217,000</td>"
              "<td class=\"num\" data-yen=\"28433000\">28,433,000</td>"
              "<td class=\"num\" data-yen=\"8260000\">8,260,000</td>"
              "<td class=\"num\" data-yen=\"3524000\">3,524,000</td>"
              "<td class=\"num\">0.70699</td>");
    /* the account row: 一般会計 once, its 第1次補正予算 as the supplementary */
    HAS(html, "<th scope=\"row\" class=\"sub\">一般会計</th><td class=\"num\" data-yen=\"23737000\">23,737,000</td>"
              "<td class=\"num\" data-yen=\"8260000\">8,260,000</td>");
    HAS_NOT(html, "differs\" title=\"シートの記載値 0.7");
    /* the logic model: two actions, two outputs, two short and two long outcomes */
    HAS(html, "<section class=\"logic-model\">");
    assert_int_equal(occurrences(html, "<g class=\"node\" data-column=\"0\""), 2);
    assert_int_equal(occurrences(html, "<g class=\"node\" data-column=\"1\""), 2);
    assert_int_equal(occurrences(html, "<g class=\"node\" data-column=\"2\""), 2);
    assert_int_equal(occurrences(html, "<g class=\"node\" data-column=\"3\""), 0);
    assert_int_equal(occurrences(html, "<g class=\"node\" data-column=\"4\""), 2);
    /* 3-2 has six links for 884, each between two boxes */
    assert_int_equal(occurrences(html, "<line class=\"link\""), 6);
    HAS(html, "<title>効果的な法教育実践のための学校等への支援 / 出前授業の年間実施状況</title>");
    HAS(html, "効果的な法教育実践のための学…</text>");
    /* the actions are in the diagram, not in the indicator table */
    assert_int_equal(occurrences(html, "<td rowspan=\"3\" class=\"kind\">アクティビティ</td>"), 0);
    assert_int_equal(occurrences(html, "<td rowspan=\"3\" class=\"kind\">活動指標</td>"), 2);
    /* the review: opinion and reflection with jp-rs-review's labels, the amount */
    HAS(html, "事業内容の一部改善");
    HAS(html, "縮減");
    HAS(html, "<section class=\"reflections\">");
    HAS(html, "<td class=\"num\" data-yen=\"-569000\">-569,000</td>");
    /* spending: block C and its single bidder at 80.9 % */
    HAS(html, "<section class=\"spending\">");
    HAS(html, "<span class=\"level-code\">C</span> 株式会社バリュースほか");
    HAS(html, "<td class=\"num\">33.4%</td>");
    HAS(html, "<td class=\"num\">5.1%</td>");
    HAS(html, "<th scope=\"row\">株式会社グラブデザイン</th><td class=\"num\">9010001091731</td>");
    HAS(html, "<td>一般競争契約（総合評価）</td><td class=\"num\">1</td><td class=\"num\">80.9</td>"
              "<td class=\"num\" data-yen=\"8800000\">8,800,000</td>");
    hyoka_free(html);

    /* project 11: execution rate 0.97162 in 2021, 2023's appropriation of 0 has no rate */
    html = page_of(hyoka_portfolio_project_at(pf, 0), HYOKA_LANG_EN);
    HAS(html, "<td class=\"num\">0.97162</td>");
    HAS(html, "<td class=\"num\" data-yen=\"-12896926000\">-12,896,926,000</td><td class=\"na\" title=\"");
    HAS(html, "<th scope=\"col\">Execution rate</th>");
    /* 18556's block without recipients: the shares are unavailable */
    hyoka_free(html);
    html = page_of(hyoka_portfolio_project_at(pf, 4), HYOKA_LANG_JA);
    assert_int_equal(occurrences(html, "<td class=\"na\" title=\"契約の金額がない\">"), 2);
    hyoka_free(html);
    hyoka_portfolio_free(pf);
}

/* The same document gives the same page. */
static void test_html_deterministic(void **state)
{
    hyoka_portfolio *pf = read_sample();
    char *a = NULL, *b = NULL;
    (void)state;
    OK(hyoka_html_portfolio(pf, HYOKA_LANG_JA, &a, NULL));
    OK(hyoka_html_portfolio(pf, HYOKA_LANG_JA, &b, NULL));
    assert_string_equal(a, b);
    hyoka_free(a);
    hyoka_free(b);
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* HTML built through the API                                                */

static hyoka_project *new_project(hyoka_portfolio *pf)
{
    hyoka_project *p = NULL;
    OK(hyoka_project_new(&p));
    OK(hyoka_project_set_code(p, "1", NTS));
    OK(hyoka_project_set_name(p, "事業", NTS));
    OK(hyoka_portfolio_add_project(pf, p));
    return p;
}

static void test_html_escaped(void **state)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *p;
    hyoka_record *b = NULL, *r = NULL, *k = NULL, *block = NULL;
    hyoka_indicator *ind = NULL;
    hyoka_decimal d;
    char *html;
    (void)state;

    OK(hyoka_portfolio_new(&pf));
    p = new_project(pf);
    OK(hyoka_project_add_record(p, HYOKA_RECORD_BUDGET, &b));
    OK(hyoka_record_set_text(b, HYOKA_FIELD_ACCOUNT_TYPE, "特別会計", NTS));
    OK(hyoka_record_set_text(b, HYOKA_FIELD_ACCOUNT, HOSTILE, NTS));
    OK(hyoka_project_add_record(p, HYOKA_RECORD_REFLECTION, &r));
    OK(hyoka_record_set_text(r, HYOKA_FIELD_SUBACCOUNT, HOSTILE, NTS));
    OK(hyoka_project_add_record(p, HYOKA_RECORD_BLOCK, &block));
    OK(hyoka_record_set_text(block, HYOKA_FIELD_NAME, HOSTILE, NTS));
    OK(hyoka_record_add_child(block, HYOKA_RECORD_RECIPIENT, &r));
    OK(hyoka_record_set_text(r, HYOKA_FIELD_CORPORATE_NUMBER, HOSTILE, NTS));
    OK(hyoka_record_add_child(r, HYOKA_RECORD_CONTRACT, &r));
    OK(hyoka_record_set_text(r, HYOKA_FIELD_METHOD_DETAIL, HOSTILE, NTS));
    OK(hyoka_project_add_indicator(p, HYOKA_KIND_ACTION, &ind));
    OK(hyoka_indicator_set_number(ind, 7));
    OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_GOAL, HOSTILE, NTS));
    OK(hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &ind));
    OK(hyoka_indicator_set_number(ind, 3));
    OK(hyoka_indicator_set_term(ind, HYOKA_TERM_MEDIUM));
    OK(hyoka_project_add_record(p, HYOKA_RECORD_LINK, &k));
    OK(hyoka_record_set_integer(k, HYOKA_FIELD_FROM_NUMBER, 7));
    OK(hyoka_record_set_text(k, HYOKA_FIELD_FROM_KIND, "アクティビティ", NTS));
    OK(hyoka_record_set_integer(k, HYOKA_FIELD_TO_NUMBER, 3));
    OK(hyoka_record_set_text(k, HYOKA_FIELD_TO_KIND, "アウトカム", NTS));
    OK(hyoka_record_set_text(k, HYOKA_FIELD_TO_TERM, "2.中期", NTS));
    /* a printed rate that differs is marked */
    OK(hyoka_record_set_money(b, HYOKA_FIELD_APPROPRIATION, 3));
    OK(hyoka_record_set_money(b, HYOKA_FIELD_EXECUTION, 2));
    OK(hyoka_decimal_parse("0.6666", NTS, &d));
    OK(hyoka_record_set_decimal(b, HYOKA_FIELD_STATED_EXECUTION_RATE, &d));

    html = page_of(p, HYOKA_LANG_JA);
    HAS_NOT(html, HOSTILE);
    /* account, subaccount, block name, corporate number, method detail, box text and its title */
    assert_int_equal(occurrences(html, HOSTILE_ESCAPED), 7);
    HAS(html, "<td class=\"num differs\" title=\"シートの記載値 0.6666 と異なる\">0.66667</td>");
    OK(hyoka_decimal_parse("0.6667", NTS, &d)); /* 2 ÷ 3 at the printed places */
    OK(hyoka_record_set_decimal(b, HYOKA_FIELD_STATED_EXECUTION_RATE, &d));
    hyoka_free(html);
    html = page_of(p, HYOKA_LANG_JA);
    HAS(html, "<td class=\"num\">0.66667</td>");
    /* the action in column 0, the medium-term outcome in column 3, one line between them */
    HAS(html, "<g class=\"node\" data-column=\"0\" data-number=\"7\">");
    HAS(html, "<g class=\"node\" data-column=\"3\" data-number=\"3\">");
    assert_int_equal(occurrences(html, "<line class=\"link\""), 1);
    hyoka_free(html);
    hyoka_portfolio_free(pf);
}

/* A municipal page has none of the parts. */
static void test_html_absent(void **state)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *p;
    hyoka_indicator *ind = NULL;
    char *html;
    (void)state;

    OK(hyoka_portfolio_new(&pf));
    p = new_project(pf);
    OK(hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &ind));
    OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NAME, "受講率", NTS));
    html = page_of(p, HYOKA_LANG_JA);
    HAS_NOT(html, "budget-table");
    HAS_NOT(html, "logic-model");
    HAS_NOT(html, "reflections");
    HAS_NOT(html, "spending");
    hyoka_free(html);
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Metrics                                                                   */

static char *metrics_of(const hyoka_portfolio *pf)
{
    char *json = NULL;
    OK(hyoka_metrics_write(pf, NULL, HYOKA_WRITE_COMPACT, HYOKA_LANG_EN, &json, NULL));
    return json;
}

static void test_metrics_sample(void **state)
{
    hyoka_portfolio *pf = read_sample();
    char *json = metrics_of(pf);
    (void)state;

    /* every printed execution rate beside the computed one */
    HAS(json, "{\"budget_year\":2023,\"account_type\":null,\"account\":null,\"subaccount\":null,"
              "\"unspent\":3524000,\"appropriation_rate\":\"0.70699\",\"stated_execution_rate\":\"0.70699\"}");
    HAS(json, "\"appropriation_rate\":\"0.67566\",\"stated_execution_rate\":\"0.67566\"");
    HAS(json, "\"appropriation_rate\":\"0.79712\",\"stated_execution_rate\":\"0.79712\"");
    HAS(json, "\"unspent\":395000000,\"appropriation_rate\":\"0.97162\",\"stated_execution_rate\":\"0.97162\"");
    assert_int_equal(occurrences(json, "\"appropriation_rate\":\"1.00000\",\"stated_execution_rate\":\"1\""), 3);
    /* an account row and its share: 3522's special account in 2024 */
    HAS(json, "{\"budget_year\":2024,\"account_type\":\"特別会計\",\"account\":\"エネルギー対策\","
              "\"subaccount\":\"エネルギー需給勘定\",\"unspent\":null,\"appropriation_rate\":\"0.00000\","
              "\"stated_execution_rate\":null,\"account_share\":\"15.9\","
              "\"unavailable\":{\"unspent\":\"no amount carried over to the next fiscal year (fiscal year 2024)\"}}");
    /* an appropriation of 0 has no rate */
    HAS(json, "\"unspent\":-12896926000,\"appropriation_rate\":null,\"stated_execution_rate\":null,"
              "\"unavailable\":{\"appropriation_rate\":\"the divisor is 0 (fiscal year 2023)\"}}");
    /* the blocks' shares */
    HAS(json, "{\"block\":\"B\",\"name\":\"株式会社ＮＴＴデータ\",\"single_bidder_share\":\"87.5\","
              "\"noncompetitive_share\":\"0.0\"}");
    HAS(json, "{\"block\":\"C\",\"name\":\"株式会社バリュースほか\",\"single_bidder_share\":\"33.4\","
              "\"noncompetitive_share\":\"5.1\"}");
    HAS(json, "{\"block\":\"A\",\"name\":\"民間企業等\",\"single_bidder_share\":null,\"noncompetitive_share\":null,"
              "\"unavailable\":{\"single_bidder_share\":\"no contract amount\",\"noncompetitive_share\":"
              "\"no contract amount\"}}");
    /* every printed achievement rate beside the computed one where a direction allows it */
    HAS(json, "{\"fiscal_year\":2023,\"achievement\":\"95.2\"");
    /* 1319 has budgets but no blocks */
    assert_int_equal(occurrences(json, "\"blocks\":"), 4);
    assert_int_equal(occurrences(json, "\"budgets\":"), 5);
    hyoka_free(json);
    hyoka_portfolio_free(pf);
}

static void test_metrics_absent(void **state)
{
    hyoka_portfolio *pf = NULL;
    char *json;
    (void)state;

    OK(hyoka_portfolio_new(&pf));
    new_project(pf);
    json = metrics_of(pf);
    assert_string_equal(json, "{\"format\":\"hyoka-metrics/1\",\"projects\":[{\"code\":\"1\",\"name\":\"事業\","
                              "\"years\":[],\"indicators\":[],\"evaluations\":[],\"children\":[]}],"
                              "\"diagnostics\":[]}");
    hyoka_free(json);
    hyoka_portfolio_free(pf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_html_sample),
        cmocka_unit_test(test_html_deterministic),
        cmocka_unit_test(test_html_escaped),
        cmocka_unit_test(test_html_absent),
        cmocka_unit_test(test_metrics_sample),
        cmocka_unit_test(test_metrics_absent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
