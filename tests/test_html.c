/* Tests of html.h: the structure of a project page and of the index page,
 * the figures as the seed sheets print them, escaping of hostile text in
 * every field, the number of chart elements the data implies, no script
 * and no external resource, well-formed output, writing a folder,
 * allocation failures, deep trees, extreme numbers and a project of many
 * cost years. Public API only. */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "failalloc.h"
#include "seeds.h"

#define NTS HYOKA_NTS

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

#define OK(call) ok_((call), #call, __LINE__)

static void ok_(int rc, const char *what, int line)
{
    if (rc != HYOKA_OK)
        fail_msg("line %d: %s: %s (%s)", line, what, hyoka_status_name(rc), hyoka_error_last());
}

static hyoka_decimal dec(const char *text)
{
    hyoka_decimal d = {{0, 0}};
    if (hyoka_decimal_parse(text, NTS, &d) != HYOKA_OK)
        fail_msg("parse(%s): %s", text, hyoka_error_last());
    return d;
}

static size_t count_of(const char *hay, const char *needle)
{
    size_t n = 0, k = strlen(needle);
    for (const char *p = strstr(hay, needle); p; p = strstr(p + k, needle))
        n++;
    return n;
}

#define HAS(page, text)                                                       \
    do {                                                                      \
        if (!strstr((page), (text)))                                          \
            fail_msg("line %d: the page does not contain %s", __LINE__, text); \
    } while (0)

#define HAS_NOT(page, text)                                              \
    do {                                                                 \
        if (strstr((page), (text)))                                      \
            fail_msg("line %d: the page contains %s", __LINE__, text);   \
    } while (0)

static char *project_page(const hyoka_project *p, int lang)
{
    char *out = NULL;
    size_t len = 0;
    OK(hyoka_html_project(p, lang, &out, &len));
    assert_non_null(out);
    assert_int_equal(strlen(out), len);
    return out;
}

static char *index_page(const hyoka_portfolio *pf, int lang)
{
    char *out = NULL;
    size_t len = 0;
    OK(hyoka_html_portfolio(pf, lang, &out, &len));
    assert_non_null(out);
    assert_int_equal(strlen(out), len);
    return out;
}

/* --- A strict well-formedness check of what hyoka writes ------------------
 * Every element is one hyoka writes, every non-void element is closed in
 * order, self-closing tags are SVG shapes only, every attribute is
 * name="value" with no '<' in the value, text outside <style> has no raw
 * '<' or '>', and '&' starts one of the references hyoka writes. Returns
 * NULL or a message. */

static const char *const allowed_tags[] = {
    "html", "head", "meta", "title", "style", "body", "main", "article", "section", "div", "p",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "span", "br",
    "figure", "figcaption", "ul", "li", "a", "footer", "svg", "g", "line", "polyline", "rect",
    "circle", "text", NULL,
};
static const char *const void_tags[] = {"meta", "br", NULL};
static const char *const svg_empty[] = {"line", "polyline", "rect", "circle", NULL};
static const char *const references[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#10;", "&#13;",
                                         "&#x2028;", "&#x2029;", NULL};

static bool in_list(const char *const *list, const char *s, size_t n)
{
    for (; *list; list++)
        if (strlen(*list) == n && memcmp(*list, s, n) == 0)
            return true;
    return false;
}

static bool reference_at(const char *p)
{
    for (const char *const *r = references; *r; r++)
        if (strncmp(p, *r, strlen(*r)) == 0)
            return true;
    return false;
}

static char wf_message[256];

static const char *wellformed(const char *html)
{
    static const char *stack[20000];
    static size_t stack_len[20000];
    size_t depth = 0;
    const char *p = html;

    if (strncmp(p, "<!DOCTYPE html>\n", 16) != 0)
        return "no doctype";
    p += 16;
    while (*p) {
        if (*p == '&') {
            if (!reference_at(p)) {
                snprintf(wf_message, sizeof wf_message, "bad reference at %.20s", p);
                return wf_message;
            }
            p++;
            continue;
        }
        if (*p == '>') {
            snprintf(wf_message, sizeof wf_message, "raw > at %.20s", p);
            return wf_message;
        }
        if (*p != '<') {
            p++;
            continue;
        }
        if (p[1] == '/') {
            const char *name = p + 2;
            size_t n = strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789");
            if (name[n] != '>' || depth == 0 || stack_len[depth - 1] != n || memcmp(stack[depth - 1], name, n) != 0) {
                snprintf(wf_message, sizeof wf_message, "bad close tag %.20s", p);
                return wf_message;
            }
            depth--;
            p = name + n + 1;
            continue;
        }
        {
            const char *name = p + 1;
            size_t n = strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789");
            bool self_closing = false;
            if (n == 0 || !in_list(allowed_tags, name, n)) {
                snprintf(wf_message, sizeof wf_message, "unexpected element %.20s", p);
                return wf_message;
            }
            p = name + n;
            for (;;) {
                size_t an;
                if (*p == '>') {
                    p++;
                    break;
                }
                if (p[0] == '/' && p[1] == '>') {
                    self_closing = true;
                    p += 2;
                    break;
                }
                if (*p != ' ') {
                    snprintf(wf_message, sizeof wf_message, "bad attribute start %.20s", p);
                    return wf_message;
                }
                p++;
                an = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-:");
                if (an == 0 || p[an] != '=' || p[an + 1] != '"') {
                    snprintf(wf_message, sizeof wf_message, "bad attribute %.30s", p);
                    return wf_message;
                }
                if ((an == 3 && memcmp(p, "src", 3) == 0) || (an > 2 && memcmp(p, "on", 2) == 0) ||
                    (an == 5 && memcmp(p, "style", 5) == 0)) {
                    snprintf(wf_message, sizeof wf_message, "forbidden attribute %.30s", p);
                    return wf_message;
                }
                p += an + 2;
                while (*p && *p != '"') {
                    if (*p == '<' || *p == '>' || (*p == '&' && !reference_at(p))) {
                        snprintf(wf_message, sizeof wf_message, "bad attribute value at %.20s", p);
                        return wf_message;
                    }
                    p++;
                }
                if (*p != '"')
                    return "unterminated attribute";
                p++;
            }
            if (self_closing) {
                if (!in_list(svg_empty, name, n))
                    return "self-closing tag that is not an SVG shape";
                continue;
            }
            if (in_list(void_tags, name, n))
                continue;
            if (depth == sizeof stack / sizeof stack[0])
                return "nesting too deep for the checker";
            stack[depth] = name;
            stack_len[depth++] = n;
            if (n == 5 && memcmp(name, "style", 5) == 0) {
                const char *end = strstr(p, "</style>");
                if (!end)
                    return "unterminated style";
                p = end;
            }
        }
    }
    if (depth != 0) {
        snprintf(wf_message, sizeof wf_message, "%zu elements left open, innermost <%.*s>", depth,
                 (int)stack_len[depth - 1], stack[depth - 1]);
        return wf_message;
    }
    return NULL;
}

#define WELLFORMED(page)                                                      \
    do {                                                                      \
        const char *why_ = wellformed(page);                                  \
        if (why_)                                                             \
            fail_msg("line %d: page not well-formed: %s", __LINE__, why_);    \
    } while (0)

/* No script, no external resource: nothing a browser would fetch or run. */
static void self_contained(const char *page)
{
    HAS_NOT(page, "<script");
    HAS_NOT(page, "http://");
    HAS_NOT(page, "https://");
    HAS_NOT(page, "src=");
    HAS_NOT(page, "url(");
    HAS_NOT(page, "@import");
    HAS_NOT(page, "@font-face");
    HAS_NOT(page, "href=\"//");
    HAS_NOT(page, "<link");
    HAS_NOT(page, "<img");
    HAS_NOT(page, "NaN");
    HAS_NOT(page, "nan\"");
    HAS_NOT(page, "inf\"");
    assert_int_equal(count_of(page, "<style>"), 1);
    assert_int_equal(count_of(page, "</style>"), 1);
}

/* The number of segments the data of a cost year implies: the funding
 * sources given and not 0, and the part of the total they do not cover. */
static int expected_segments(const hyoka_costs *c)
{
    static const int sources[6] = {HYOKA_COST_NATIONAL, HYOKA_COST_PREFECTURAL, HYOKA_COST_BONDS,
                                   HYOKA_COST_USER_CHARGES, HYOKA_COST_OTHER, HYOKA_COST_GENERAL};
    __extension__ __int128 funded = 0;
    hyoka_decimal total;
    int n = 0;

    for (int k = 0; k < 6; k++) {
        int64_t v = 0;
        if (hyoka_costs_get(c, sources[k], &v) == 1) {
            funded += v;
            n += v != 0;
        }
    }
    if (hyoka_costs_figure(c, HYOKA_FIG_TOTAL_COST, &total, NULL) == HYOKA_OK &&
        hyoka_decimal_coefficient(&total) - funded != 0)
        n++;
    return n;
}

struct expected {
    size_t bars, targets, actuals, charts;
};

/* What a project and its sub-projects imply, through the public API. */
static void expect_project(const hyoka_project *p, struct expected *e)
{
    for (size_t i = 0; i < hyoka_project_year_count(p); i++)
        e->bars += (size_t)expected_segments(hyoka_project_year_at(p, i));
    for (size_t i = 0; i < hyoka_project_indicator_count(p); i++) {
        const hyoka_indicator *ind = hyoka_project_indicator_at(p, i);
        size_t t = 0, a = 0;
        for (size_t k = 0; k < hyoka_indicator_year_count(ind); k++) {
            int32_t fy = hyoka_indicator_year_at(ind, k);
            t += hyoka_indicator_value(ind, fy, HYOKA_VALUE_TARGET, NULL) == 1;
            a += hyoka_indicator_value(ind, fy, HYOKA_VALUE_ACTUAL, NULL) == 1;
        }
        e->targets += t;
        e->actuals += a;
        e->charts += t + a > 0;
    }
    if (hyoka_project_year_count(p) > 0)
        e->charts++;
    for (size_t i = 0; i < hyoka_project_child_count(p); i++)
        expect_project(hyoka_project_child_at(p, i), e);
}

static void check_counts(const char *page, const hyoka_project *p)
{
    struct expected e = {0, 0, 0, 0};
    expect_project(p, &e);
    assert_int_equal(count_of(page, "class=\"bar "), e.bars);
    assert_int_equal(count_of(page, "<rect "), e.bars);
    assert_int_equal(count_of(page, "class=\"point target\""), e.targets);
    assert_int_equal(count_of(page, "class=\"point actual\""), e.actuals);
    assert_int_equal(count_of(page, "<circle "), e.targets + e.actuals);
    assert_int_equal(count_of(page, "<svg "), e.charts);
    assert_int_equal(count_of(page, "role=\"img\""), e.charts);
    assert_int_equal(count_of(page, "aria-label=\""), e.charts);
}

static hyoka_project *new_project(hyoka_portfolio *pf, const char *code, const char *name)
{
    hyoka_project *p = NULL;
    OK(hyoka_project_new(&p));
    if (code)
        OK(hyoka_project_set_code(p, code, NTS));
    if (name)
        OK(hyoka_project_set_name(p, name, NTS));
    if (pf)
        OK(hyoka_portfolio_add_project(pf, p));
    return p;
}

/* ------------------------------------------------------------------------ */
/* File names and arguments                                                  */

static void test_file_name(void **state)
{
    char buf[32];
    size_t len = 0;
    (void)state;

    OK(hyoka_html_file_name(0, buf, sizeof buf, &len));
    assert_string_equal(buf, "project-1.html");
    assert_int_equal(len, 14);
    OK(hyoka_html_file_name(41, buf, sizeof buf, NULL));
    assert_string_equal(buf, "project-42.html");
    /* 32 bytes hold the name of any position a portfolio can have; the
     * largest size_t needs 34. */
    OK(hyoka_html_file_name(999999999999999998u, buf, sizeof buf, &len));
    assert_string_equal(buf, "project-999999999999999999.html");
    {
        char big[64];
        OK(hyoka_html_file_name(SIZE_MAX - 1, big, sizeof big, &len));
        assert_int_equal(strlen(big), len);
        assert_int_equal(len, 8 + 20 + 5);
    }
    assert_int_equal(hyoka_html_file_name(SIZE_MAX, buf, sizeof buf, NULL), HYOKA_ERANGE);
    assert_int_equal(hyoka_html_file_name(0, buf, 5, &len), HYOKA_ERANGE);
    assert_int_equal(len, 14);
    assert_string_equal(buf, "");
    assert_int_equal(hyoka_html_file_name(0, NULL, 0, &len), HYOKA_ERANGE);
    assert_int_equal(len, 14);
    assert_int_equal(hyoka_html_file_name(0, NULL, 8, &len), HYOKA_EINVAL);
}

static void test_arguments(void **state)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *p;
    char *out = NULL;
    (void)state;

    OK(hyoka_portfolio_new(&pf));
    p = new_project(pf, "1", "x");
    assert_int_equal(hyoka_html_project(NULL, HYOKA_LANG_JA, &out, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_html_project(p, HYOKA_LANG_JA, NULL, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_html_project(p, 7, &out, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_html_project(p, -1, &out, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_error_last_code(), HYOKA_EINVAL);
    assert_int_equal(hyoka_html_portfolio(NULL, HYOKA_LANG_EN, &out, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_html_portfolio(pf, HYOKA_LANG_EN, NULL, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_html_portfolio(pf, 2, &out, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_html_write_dir(NULL, HYOKA_LANG_JA, "/tmp"), HYOKA_EINVAL);
    assert_int_equal(hyoka_html_write_dir(pf, HYOKA_LANG_JA, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_html_write_dir(pf, HYOKA_LANG_JA, ""), HYOKA_EINVAL);
    assert_int_equal(hyoka_html_write_dir(pf, 9, "/tmp"), HYOKA_EINVAL);
    assert_null(out);
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Seed 001 as the sheet prints it                                           */

static void test_seed001_page(void **state)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *p;
    char *page;
    (void)state;

    OK(seed001_build(&pf));
    p = hyoka_portfolio_project_at(pf, 0);
    page = project_page(p, HYOKA_LANG_JA);
    WELLFORMED(page);
    self_contained(page);

    /* The page: a document in Japanese, printable on A4. */
    assert_true(strncmp(page, "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">", 62) == 0);
    HAS(page, "<title>事務事業評価表 010802 情報セキュリティ対策推進事業 — 所沢市</title>");
    HAS(page, "@page{size:A4;margin:12mm}");
    HAS(page, "@media print{");
    HAS(page, "break-inside:avoid");
    HAS(page, "\"Noto Sans CJK JP\"");
    HAS(page, "sans-serif");

    /* Header band */
    HAS(page, "<h1>情報セキュリティ対策推進事業</h1>");
    HAS(page, "<td class=\"code\">010802</td>");
    HAS(page, "<td>総合政策部</td>");
    HAS(page, "<td>情報統計課</td>");
    HAS(page, "<td>情報推進・汎用機グループ</td>");
    HAS(page, "<td>2998-9036</td>");
    HAS(page, "所沢市");

    /* Basic information */
    HAS(page, "<h2>基本情報</h2>");
    HAS(page, "<span class=\"level-name\">政策</span> <span class=\"level-code\">8</span> 計画の推進に向け");
    HAS(page, "個人情報保護対策の充実");
    HAS(page, "一般会計");
    HAS(page, "<td>自治事務</td>");
    HAS(page, "<td>平成15年度</td>");
    HAS(page, "（定めなし）");

    /* Texts, line breaks kept */
    HAS(page, "<h2>事業の内容</h2>");
    HAS(page, "<th scope=\"row\">目的</th><td>情報資産に関する脅威");
    HAS(page, "■eラーニングについて<br>\n①情報統計課にて");

    /* Cost table: the years in era form with their phase, the figures as printed. */
    HAS(page, "<h2>事業費の推移</h2>");
    HAS(page, "金額の単位: 千円");
    HAS(page, "<table class=\"cost-table\" data-project=\"1\" data-years=\"3\">");
    HAS(page, "<th scope=\"col\" data-fy=\"2007\">平成19年度<br><span class=\"phase\">決算</span></th>");
    HAS(page, "<th scope=\"col\" data-fy=\"2008\">平成20年度<br><span class=\"phase\">予算</span></th>");
    HAS(page, ">当初予算<");
    HAS(page, ">最終予算<");
    HAS(page, ">決算額<");
    HAS(page, ">財源内訳<");
    HAS(page, "国庫支出金");
    HAS(page, "都道府県支出金");
    HAS(page, "地方債");
    HAS(page, "使用料・受益者負担金");
    HAS(page, "その他特定財源");
    HAS(page, "一般財源");
    HAS(page, ">公債費<");
    HAS(page, ">間接費<");
    HAS(page, ">執行率<");
    HAS(page, "<tr class=\"row-total\"><th scope=\"row\" colspan=\"2\">トータルコスト</th><td class=\"unit\">千円</td>"
              "<td class=\"num\" data-yen=\"12236000\">12,236</td>"
              "<td class=\"num\" data-yen=\"16627000\">16,627</td>");
    HAS(page, "<span class=\"staff-basis\">1.77人工</span> <span class=\"staff-cost\" data-yen=\"16627000\">16,627</span>");
    HAS(page, "<td class=\"unit\">円</td><td class=\"num\">36.2</td><td class=\"num\">49.0</td>");
    HAS(page, "<td class=\"num\">73,710.8</td>");
    /* The sheet's 15,775.5 is kept visible beside the computed 15,775.1. */
    HAS(page, "<td class=\"num differs\" title=\"シートの記載値 15,775.5 円 と異なる\">15,775.1</td>");
    assert_int_equal(count_of(page, "differs\""), 1);
    HAS(page, "<td class=\"num\">35.9</td>"); /* 前年度比 */
    /* Unavailable figures: a dash and the reason. */
    HAS(page, "<td class=\"na\" title=\"当該年度の世帯数がない\">—</td>");
    HAS(page, "<td class=\"na\" title=\"最終予算額がない\">—</td>");
    HAS(page, "<td class=\"na\" title=\"前年度の数値がない\">—</td>");

    /* Indicators */
    HAS(page, "<h2>指標</h2>");
    HAS(page, "情報セキュリティ研修受講率 <span class=\"direction\">(拡大)</span>");
    HAS(page, "<td class=\"num\" data-fy=\"2007\" data-value=\"60\">60</td>");
    HAS(page, "<td class=\"num\">90.0</td><td class=\"num\">98.3</td>");
    HAS(page, "年60~120人程度");
    HAS(page, ">成果指標<");
    HAS(page, ">活動指標<");

    /* Evaluations: the verdict and budget labels of jp-standard. */
    HAS(page, "<h2>評価</h2>");
    HAS(page, "<h3>一次評価 — 平成20年度</h3>");
    HAS(page, "<span class=\"verdict-label\" title=\"improve\">改善・効率化</span>");
    HAS(page, "<span class=\"budget-label\" title=\"status_quo\">現状どおり</span>");
    HAS(page, "<td>平成20年5月15日</td>");
    HAS(page, "情報統計課長 小山 一");
    HAS(page, "<th scope=\"row\">明らかとなった課題</th>");
    HAS(page, "<td>平成20年12月</td>");
    HAS(page, "<td class=\"na score\" title=\"評点のある回答がない\">—</td>");

    /* Extensions */
    HAS(page, "<h2>その他の記載事項</h2>");
    HAS(page, "所沢市電子市役所推進アクションプランⅡ<br>\n所沢市情報セキュリティ基本方針");

    /* Charts: 2 bars (一般財源 in 平成18・19年度; 平成20年度 is 0), the
     * outcome indicator's 3 targets and the 8 actuals of its 4 indicators. */
    assert_int_equal(count_of(page, "class=\"bar seg-general\""), 2);
    assert_int_equal(count_of(page, "class=\"bar "), 2);
    assert_int_equal(count_of(page, "class=\"point target\""), 3);
    assert_int_equal(count_of(page, "class=\"point actual\""), 8);
    HAS(page, "data-years=\"3\" data-segments=\"2\"");
    HAS(page, "<title>平成19年度 一般財源 16,627 千円</title>");
    HAS(page, "<title>平成19年度 目標値 60 %</title>");
    HAS(page, "aria-label=\"トータルコストの推移（財源別、千円）: 平成18年度 12,236、平成19年度 16,627、平成20年度 0\"");
    HAS(page, "viewBox=\"0 0 720 250\" width=\"100%\" role=\"img\"");
    HAS(page, "<text class=\"tick\" x=\"76\" y=\"");
    HAS(page, ">20,000</text>");
    HAS(page, "<ul class=\"legend\"><li><span class=\"swatch seg-general\"></span>一般財源</li></ul>");
    check_counts(page, p);
    hyoka_free(page);
    hyoka_portfolio_free(pf);
}

static void test_seed001_english(void **state)
{
    hyoka_portfolio *pf = NULL;
    char *page;
    (void)state;

    OK(seed001_build(&pf));
    page = project_page(hyoka_portfolio_project_at(pf, 0), HYOKA_LANG_EN);
    WELLFORMED(page);
    self_contained(page);
    HAS(page, "<html lang=\"en\">");
    HAS(page, "<title>Evaluation sheet 010802 情報セキュリティ対策推進事業 — 所沢市</title>");
    HAS(page, "<h2>Costs by fiscal year</h2>");
    HAS(page, "<h2>Indicators</h2>");
    HAS(page, "<h2>Evaluations</h2>");
    HAS(page, ">Total cost<");
    HAS(page, "data-fy=\"2007\">FY2007<br><span class=\"phase\">settled</span>");
    HAS(page, "<td>FY2003 (H15)</td>");
    HAS(page, "Amounts in thousand yen");
    HAS(page, "<td class=\"na\" title=\"no households for the fiscal year\">—</td>");
    HAS(page, "改善・効率化</span> <span class=\"verdict-code\">(improve)</span>");
    HAS(page, "<td>2008-05-15</td>");
    HAS(page, ">49.0<");
    HAS(page, ">16,627<");
    hyoka_free(page);
    hyoka_portfolio_free(pf);
}

/* Every seed: well-formed, self-contained, and as many chart elements as
 * its data implies (seed 003's sub-project included). */
static void test_all_seeds(void **state)
{
    (void)state;
    for (int k = 1; k <= SEED_COUNT; k++) {
        hyoka_portfolio *pf = NULL;
        OK(seed_build(k, &pf));
        for (int lang = 0; lang < 2; lang++) {
            hyoka_project *p = hyoka_portfolio_project_at(pf, 0);
            char *page = project_page(p, lang);
            char *index = index_page(pf, lang);
            WELLFORMED(page);
            WELLFORMED(index);
            self_contained(page);
            self_contained(index);
            check_counts(page, p);
            HAS(page, hyoka_project_name(p));
            HAS(index, hyoka_project_name(p));
            HAS(index, "<a href=\"project-1.html\">");
            hyoka_free(page);
            hyoka_free(index);
        }
        hyoka_portfolio_free(pf);
    }
}

static void test_seed_specifics(void **state)
{
    hyoka_portfolio *pf = NULL;
    char *page;
    (void)state;

    /* 002: its own scheme's labels, the score of the primary evaluation. */
    OK(seed002_build(&pf));
    page = project_page(hyoka_portfolio_project_at(pf, 0), HYOKA_LANG_JA);
    HAS(page, "<span class=\"verdict-label\" title=\"end\">終了</span>");
    HAS(page, "<span class=\"verdict-label\" title=\"maintain\">現状継続</span>");
    HAS(page, "<th scope=\"row\">妥当性</th><td class=\"answer\"><span class=\"answer-code\">3</span> 妥当</td>");
    HAS(page, "<td class=\"score\"><span class=\"num\">3.0</span></td>");
    HAS(page, "<td class=\"na not-settable\" title=\"設定困難\">設定困難</td>");
    HAS(page, "0.30人工 × 8,400</span> <span class=\"staff-cost\" data-yen=\"2520000\">2,520</span>");
    HAS(page, ">2,743<");
    HAS(page, ">46.5<");
    /* 8 bars: 一般財源 and personnel in each of the four years. */
    assert_int_equal(count_of(page, "class=\"bar seg-general\""), 4);
    assert_int_equal(count_of(page, "class=\"bar seg-rest\""), 4);
    hyoka_free(page);
    hyoka_portfolio_free(pf);

    /* 003: the sub-project as a nested section, whole-yen per-head figures. */
    OK(seed003_build(&pf));
    page = project_page(hyoka_portfolio_project_at(pf, 0), HYOKA_LANG_JA);
    HAS(page, "<section class=\"subprojects\">\n<h2>細事業</h2>\n<article class=\"project subproject\" "
              "data-project=\"2\" data-depth=\"1\">");
    HAS(page, "<th scope=\"row\">細事業名</th><td colspan=\"3\" class=\"project-name\"><h3>情報化安全対策事業</h3>");
    assert_int_equal(count_of(page, "<article "), 2);
    assert_int_equal(count_of(page, "<table class=\"cost-table\""), 2);
    HAS(page, "<td class=\"num\">95</td>");
    HAS(page, "<td class=\"num\">226</td>");
    HAS(page, ">10,678<");
    HAS(page, "<h4>基本情報</h4>");
    hyoka_free(page);
    hyoka_portfolio_free(pf);

    /* 004: 平成32年度 written as 令和2年度, hours per staff line. */
    OK(seed004_build(&pf));
    page = project_page(hyoka_portfolio_project_at(pf, 0), HYOKA_LANG_JA);
    HAS(page, "令和2年度<br><span class=\"phase\">見込</span>");
    HAS(page, "4人 220時間</span>");
    HAS(page, ">1,571<");
    HAS(page, "<td>単年度繰返</td>");
    HAS(page, "<td>平成14年度</td>");
    HAS(page, "上位成果指標");
    hyoka_free(page);
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Escaping                                                                  */

#define HOSTILE "</script><script>alert(1)</script>\"'><&amp;\xE2\x80\xA8x\"><img onerror=alert(2)>\x01"

static hyoka_portfolio *hostile_portfolio(void)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *p, *child;
    hyoka_costs *c = NULL;
    hyoka_indicator *ind = NULL;
    hyoka_evaluation *e = NULL;
    hyoka_scheme *s = NULL;
    hyoka_decimal d = dec("5");
    size_t ci = 0;

    OK(hyoka_portfolio_new(&pf));
    OK(hyoka_portfolio_set_municipality(pf, HOSTILE, NTS, NULL, 0));
    /* A scheme whose id, labels and codes are hostile too. */
    OK(hyoka_scheme_new(&s, HOSTILE, NTS));
    OK(hyoka_scheme_set_name(s, HOSTILE, NTS));
    OK(hyoka_scheme_add_criterion(s, "c" HOSTILE, NTS, HOSTILE, NTS, NULL, &ci));
    OK(hyoka_scheme_add_option(s, ci, "o" HOSTILE, NTS, HOSTILE, NTS, &d));
    OK(hyoka_scheme_add_verdict(s, "v" HOSTILE, NTS, HOSTILE, NTS, HYOKA_VERDICT_CONTINUE));
    OK(hyoka_scheme_add_budget(s, "b" HOSTILE, NTS, HOSTILE, NTS, HYOKA_BUDGET_SAME));
    OK(hyoka_scheme_add_band(s, &d, "r" HOSTILE, NTS, HOSTILE, NTS));
    OK(hyoka_portfolio_add_scheme(pf, s));

    p = new_project(pf, NULL, NULL);
    for (int f = HYOKA_TEXT_CODE; f <= HYOKA_TEXT_ACTIVITIES_PLANNED; f++)
        OK(hyoka_project_set_text(p, f, HOSTILE, NTS));
    OK(hyoka_project_add_class(p, HYOKA_CLASS_POLICY, HOSTILE, NTS, HOSTILE, NTS, HOSTILE, NTS));
    OK(hyoka_project_add_class(p, HYOKA_CLASS_ACCOUNT, HOSTILE, NTS, HOSTILE, NTS, HOSTILE, NTS));
    OK(hyoka_project_set_extension(p, HOSTILE, NTS, HOSTILE, NTS));
    OK(hyoka_project_add_year(p, 2020, &c));
    OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 1000));
    OK(hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &ind));
    for (int f = HYOKA_INDICATOR_NAME; f <= HYOKA_INDICATOR_LONG_TERM_NOTE; f++)
        OK(hyoka_indicator_set_text(ind, f, HOSTILE, NTS));
    OK(hyoka_indicator_set_not_settable(ind, 1));
    OK(hyoka_indicator_set_value(ind, 2020, HYOKA_VALUE_ACTUAL, &d));
    OK(hyoka_indicator_set_value(ind, 2021, HYOKA_VALUE_FORECAST, &d));

    /* An evaluation under the hostile scheme, and one whose codes the
     * built-in scheme does not know. */
    OK(hyoka_project_add_evaluation(p, HYOKA_STAGE_PRIMARY, &e));
    OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_SCHEME, HOSTILE, NTS));
    OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_EVALUATOR, HOSTILE, NTS));
    OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_VERDICT, "v" HOSTILE, NTS));
    OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_BUDGET, "b" HOSTILE, NTS));
    OK(hyoka_evaluation_set_answer(e, "c" HOSTILE, NTS, "o" HOSTILE, NTS));
    OK(hyoka_evaluation_set_comment(e, "c" HOSTILE, NTS, HOSTILE, NTS));
    OK(hyoka_evaluation_set_comment(e, HOSTILE, NTS, HOSTILE, NTS));
    OK(hyoka_evaluation_add_goal(e, HOSTILE, NTS, HOSTILE, NTS, 20201200));
    OK(hyoka_project_add_evaluation(p, HYOKA_STAGE_SECONDARY, &e));
    OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_VERDICT, HOSTILE, NTS));
    OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_BUDGET, HOSTILE, NTS));
    OK(hyoka_evaluation_set_answer(e, HOSTILE, NTS, HOSTILE, NTS));

    child = new_project(NULL, HOSTILE, HOSTILE);
    OK(hyoka_project_add_child(p, child));
    return pf;
}

static void check_hostile(const char *page)
{
    WELLFORMED(page);
    self_contained(page);
    HAS_NOT(page, "</script>");
    HAS_NOT(page, "<script>");
    HAS_NOT(page, "\"'>");
    HAS_NOT(page, "<&");
    HAS_NOT(page, "onerror=alert(2)>");
    HAS_NOT(page, "\xE2\x80\xA8"); /* U+2028 only as a reference */
    HAS_NOT(page, "\x01");
    HAS(page, "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&gt;&lt;&amp;amp;&#x2028;x&quot;&gt;"
              "&lt;img onerror=alert(2)&gt;\xEF\xBF\xBD");
}

static void test_hostile_text(void **state)
{
    hyoka_portfolio *pf = hostile_portfolio();
    hyoka_project *p = hyoka_portfolio_project_at(pf, 0);
    char *page, *index;
    (void)state;

    for (int lang = 0; lang < 2; lang++) {
        page = project_page(p, lang);
        index = index_page(pf, lang);
        check_hostile(page);
        check_hostile(index);
        /* In attributes too: the code of an unknown verdict in a title, the
         * indicator's name in an aria-label, the not-settable reason. */
        HAS(page, "title=\"v&lt;/script&gt;");
        HAS(page, "aria-label=\"&lt;/script&gt;");
        HAS(page, "class=\"na not-settable\" title=\"&lt;/script&gt;");
        /* Text of the document appears once escaped per place it is shown:
         * the 19 project fields but one (the name is its heading too). */
        assert_true(count_of(page, "&lt;/script&gt;&lt;script&gt;") >= 30);
        HAS(index, "<a href=\"project-1.html\">&lt;/script&gt;");
        hyoka_free(page);
        hyoka_free(index);
    }
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Charts                                                                    */

/* N years with k_i non-zero segments each, zero and missing amounts that
 * make no segment, a negative part, a year without expense. */
static void test_chart_counts(void **state)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *p;
    hyoka_costs *c = NULL;
    hyoka_indicator *ind = NULL;
    char *page;
    (void)state;

    OK(hyoka_portfolio_new(&pf));
    p = new_project(pf, "C", "chart");
    /* 2020: all six sources and personnel: 7 segments. */
    OK(hyoka_project_add_year(p, 2020, &c));
    OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 6000));
    for (int f = HYOKA_COST_NATIONAL; f <= HYOKA_COST_GENERAL; f++)
        OK(hyoka_costs_set(c, f, 1000));
    {
        hyoka_staff *s = NULL;
        OK(hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, &s));
        OK(hyoka_staff_set_amount(s, HYOKA_STAFF_AMOUNT, 5000));
    }
    /* 2021: sources given as 0, funding equal to the total: 1 segment. */
    OK(hyoka_project_add_year(p, 2021, &c));
    OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 3000));
    OK(hyoka_costs_set(c, HYOKA_COST_NATIONAL, 0));
    OK(hyoka_costs_set(c, HYOKA_COST_BONDS, 0));
    OK(hyoka_costs_set(c, HYOKA_COST_GENERAL, 3000));
    /* 2022: everything 0: no segment. */
    OK(hyoka_project_add_year(p, 2022, &c));
    OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 0));
    OK(hyoka_costs_set(c, HYOKA_COST_GENERAL, 0));
    /* 2023: more funding than cost: a negative remainder (2 segments + 1). */
    OK(hyoka_project_add_year(p, 2023, &c));
    OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 1000));
    OK(hyoka_costs_set(c, HYOKA_COST_OTHER, 1500));
    OK(hyoka_costs_set(c, HYOKA_COST_GENERAL, 500));
    /* 2024: no expense: the sources alone (1 segment, negative). */
    OK(hyoka_project_add_year(p, 2024, &c));
    OK(hyoka_costs_set(c, HYOKA_COST_USER_CHARGES, -700));
    /* 2019, added last, shown first: nothing at all. */
    OK(hyoka_project_add_year(p, 2019, &c));

    /* An indicator with 3 targets and 2 actuals, another with none. */
    OK(hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &ind));
    OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NAME, "率", NTS));
    for (int y = 2020; y < 2023; y++) {
        hyoka_decimal t = dec("80.5"), a = dec("-3.25");
        OK(hyoka_indicator_set_value(ind, y, HYOKA_VALUE_TARGET, &t));
        if (y < 2022)
            OK(hyoka_indicator_set_value(ind, y, HYOKA_VALUE_ACTUAL, &a));
    }
    OK(hyoka_project_add_indicator(p, HYOKA_KIND_ACTIVITY, &ind));
    {
        hyoka_decimal f = dec("1");
        OK(hyoka_indicator_set_value(ind, 2020, HYOKA_VALUE_FORECAST, &f));
    }

    page = project_page(p, HYOKA_LANG_JA);
    WELLFORMED(page);
    self_contained(page);
    assert_int_equal(count_of(page, "class=\"bar "), 7 + 1 + 0 + 3 + 1);
    assert_int_equal(count_of(page, "class=\"bar seg-rest\""), 2);
    assert_int_equal(count_of(page, "class=\"bar seg-national\""), 1);
    assert_int_equal(count_of(page, "class=\"bar seg-general\""), 3);
    HAS(page, "data-years=\"6\" data-segments=\"12\"");
    HAS(page, "<g class=\"year\" data-fiscal-year=\"2019\" data-segments=\"0\">");
    HAS(page, "<g class=\"year\" data-fiscal-year=\"2023\" data-segments=\"3\">");
    assert_true(strstr(page, "data-fiscal-year=\"2019\"") < strstr(page, "data-fiscal-year=\"2024\""));
    HAS(page, "<title>令和5年度 人件費・その他 -1,000 円</title>");
    HAS(page, "<line class=\"zero\"");
    assert_int_equal(count_of(page, "class=\"point target\""), 3);
    assert_int_equal(count_of(page, "class=\"point actual\""), 2);
    assert_int_equal(count_of(page, "class=\"indicator-chart\""), 0);
    assert_int_equal(count_of(page, "<figure class=\"chart indicator-chart\""), 1);
    HAS(page, "data-targets=\"3\" data-actuals=\"2\"");
    HAS(page, "<polyline class=\"line target\"");
    HAS(page, "<polyline class=\"line actual\"");
    check_counts(page, p);
    hyoka_free(page);
    hyoka_portfolio_free(pf);
}

/* Extreme numbers: no NaN, no overflow, coordinates within the chart. */
static void test_extreme_values(void **state)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *p;
    hyoka_costs *c = NULL;
    hyoka_indicator *ind = NULL;
    hyoka_decimal big = dec("9223372036854775807"), tiny = dec("-0.000000000000000001"),
                  small = dec("-9.223372036854775808");
    char *page;
    (void)state;

    OK(hyoka_portfolio_new(&pf));
    p = new_project(pf, "X", "extreme");
    OK(hyoka_project_add_year(p, 2020, &c));
    for (int f = HYOKA_COST_SETTLEMENT; f <= HYOKA_COST_GENERAL; f++)
        OK(hyoka_costs_set(c, f, INT64_MAX));
    OK(hyoka_project_add_year(p, 2021, &c));
    for (int f = HYOKA_COST_SETTLEMENT; f <= HYOKA_COST_GENERAL; f++)
        OK(hyoka_costs_set(c, f, INT64_MIN));
    OK(hyoka_project_add_year(p, 2022, &c));
    OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, INT64_MAX));
    OK(hyoka_costs_set(c, HYOKA_COST_DEBT_SERVICE, INT64_MAX)); /* total overflows */
    OK(hyoka_costs_set(c, HYOKA_COST_GENERAL, 1));
    OK(hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &ind));
    OK(hyoka_indicator_set_direction(ind, HYOKA_DIRECTION_DECREASE));
    OK(hyoka_indicator_set_value(ind, 2020, HYOKA_VALUE_TARGET, &big));
    OK(hyoka_indicator_set_value(ind, 2020, HYOKA_VALUE_ACTUAL, &tiny));
    OK(hyoka_indicator_set_value(ind, 2021, HYOKA_VALUE_ACTUAL, &small));
    OK(hyoka_indicator_set_value(ind, 2021, HYOKA_VALUE_TARGET, &tiny));

    for (int unit = 0; unit < 2; unit++) {
        OK(hyoka_portfolio_set_amount_unit(pf, unit));
        page = project_page(p, HYOKA_LANG_EN);
        WELLFORMED(page);
        self_contained(page);
        check_counts(page, p);
        HAS(page, "title=\"overflow: the figure does not fit in 64 bits\">—</td>");
        HAS(page, unit ? ">9,223,372,036,854,775.807<" : ">9,223,372,036,854,775,807<");
        HAS(page, ">-0.000000000000000001<");
        /* Every coordinate lies within the viewBox. */
        for (const char *q = strstr(page, " y=\""); q; q = strstr(q + 1, " y=\"")) {
            long v = strtol(q + 4, NULL, 10);
            assert_true(v >= 0 && v <= 250);
        }
        for (const char *q = strstr(page, " cy=\""); q; q = strstr(q + 1, " cy=\"")) {
            long v = strtol(q + 5, NULL, 10);
            assert_true(v >= 0 && v <= 200);
        }
        for (const char *q = strstr(page, " height=\""); q; q = strstr(q + 1, " height=\"")) {
            long v = strtol(q + 9, NULL, 10);
            assert_true(v >= 0 && v <= 250);
        }
        hyoka_free(page);
    }
    hyoka_portfolio_free(pf);
}

/* Amounts: 千円 exactly (places only when needed), or 円. */
static void test_amount_units(void **state)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *p;
    hyoka_costs *c = NULL;
    char *page;
    (void)state;

    OK(hyoka_portfolio_new(&pf));
    p = new_project(pf, "U", "units");
    OK(hyoka_project_add_year(p, 2020, &c));
    OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 1068978));
    OK(hyoka_costs_set(c, HYOKA_COST_FINAL_BUDGET, 2000000));
    OK(hyoka_costs_set(c, HYOKA_COST_NATIONAL, 1068500));
    page = project_page(p, HYOKA_LANG_JA);
    HAS(page, "data-yen=\"1068978\">1,068,978</td>");
    HAS(page, "金額の単位: 円");
    HAS(page, ">53.4<"); /* execution rate */
    hyoka_free(page);
    OK(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_THOUSAND_YEN));
    page = project_page(p, HYOKA_LANG_JA);
    HAS(page, "data-yen=\"1068978\">1,068.978</td>");
    HAS(page, "data-yen=\"1068500\">1,068.5</td>");
    HAS(page, "data-yen=\"2000000\">2,000</td>");
    HAS(page, "金額の単位: 千円");
    hyoka_free(page);
    hyoka_portfolio_free(pf);
}

/* A project outside any portfolio: amounts in yen, the built-in scheme. */
static void test_no_portfolio(void **state)
{
    hyoka_project *p = new_project(NULL, "N", "alone");
    hyoka_evaluation *e = NULL;
    char *page;
    (void)state;

    OK(hyoka_project_add_evaluation(p, HYOKA_STAGE_SELF, &e));
    OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_VERDICT, "abolish", NTS));
    OK(hyoka_evaluation_set_answer(e, "relevance", NTS, "A", NTS));
    page = project_page(p, HYOKA_LANG_JA);
    WELLFORMED(page);
    self_contained(page);
    HAS(page, "<span class=\"verdict-label\" title=\"abolish\">廃止</span>");
    HAS(page, "<p class=\"none\">経費の記載なし。</p>");
    assert_int_equal(count_of(page, "<svg "), 0);
    HAS_NOT(page, "<h2>指標</h2>");
    hyoka_free(page);
    hyoka_project_free(p);
}

/* ------------------------------------------------------------------------ */
/* The index page                                                            */

static void test_index(void **state)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *p;
    hyoka_costs *c = NULL;
    hyoka_evaluation *e = NULL;
    char *page;
    const char *a, *b, *d;
    (void)state;

    OK(hyoka_portfolio_new(&pf));
    OK(hyoka_portfolio_set_municipality(pf, "さくら市", NTS, "112089", NTS));
    OK(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_THOUSAND_YEN));
    OK(hyoka_portfolio_set_denominator(pf, 2021, HYOKA_COST_POPULATION, 1000));
    p = new_project(pf, "B-2", "二番目に書かれた事業");
    OK(hyoka_project_set_text(p, HYOKA_TEXT_DEPARTMENT, "総務部", NTS));
    OK(hyoka_project_add_year(p, 2021, &c));
    OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 5000000));
    OK(hyoka_project_add_year(p, 2020, &c));
    OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 1000));
    OK(hyoka_project_add_evaluation(p, HYOKA_STAGE_SECONDARY, &e));
    OK(hyoka_evaluation_set_fiscal_year(e, 2021));
    OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_VERDICT, "expand", NTS));
    OK(hyoka_project_add_evaluation(p, HYOKA_STAGE_PRIMARY, &e));
    OK(hyoka_evaluation_set_fiscal_year(e, 2021));
    OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_VERDICT, "reduce", NTS));
    p = new_project(pf, "A/1", NULL);
    p = new_project(pf, NULL, "コードなし");

    page = index_page(pf, HYOKA_LANG_JA);
    WELLFORMED(page);
    self_contained(page);
    HAS(page, "<title>事務事業評価表 一覧 — さくら市</title>");
    HAS(page, "さくら市 <span class=\"code\">112089</span>");
    HAS(page, "data-projects=\"3\"");
    a = strstr(page, "<a href=\"project-1.html\">二番目に書かれた事業</a>");
    b = strstr(page, "<a href=\"project-2.html\">（名称なし）</a>");
    d = strstr(page, "<a href=\"project-3.html\">コードなし</a>");
    assert_non_null(a);
    assert_non_null(b);
    assert_non_null(d);
    assert_true(a < b && b < d);
    HAS(page, "<td class=\"code\">A/1</td>");
    HAS(page, "<td>総務部</td><td>令和3年度</td><td class=\"num\" data-yen=\"5000000\">5,000</td>"
              "<td class=\"num\">5,000.0</td>");
    /* The final verdict: the latest fiscal year's highest stage. */
    HAS(page, "<td class=\"verdict\"><span class=\"verdict-label\" title=\"expand\">拡充</span></td>");
    HAS(page, "<td class=\"na\" title=\"経費の記載なし\">—</td>");
    HAS(page, "<td class=\"na\" title=\"総合評価の記載なし\">—</td>");
    assert_int_equal(count_of(page, "<a href="), 3);
    hyoka_free(page);

    /* An empty portfolio. */
    hyoka_portfolio_free(pf);
    OK(hyoka_portfolio_new(&pf));
    page = index_page(pf, HYOKA_LANG_EN);
    WELLFORMED(page);
    HAS(page, "The document holds no project.");
    HAS(page, "(municipality not given)");
    hyoka_free(page);
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Writing a folder                                                          */

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;

    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static int dir_entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    assert_non_null(d);
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    closedir(d);
    return n;
}

static void remove_dir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[512];
    if (!d)
        return;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    closedir(d);
    rmdir(dir);
}

static void test_write_dir(void **state)
{
    char base[] = "/tmp/hyoka-html-XXXXXX";
    char dir[256], path[512];
    hyoka_portfolio *pf = NULL;
    char *expected, *got;
    size_t elen = 0, glen = 0;
    FILE *f;
    (void)state;

    assert_non_null(mkdtemp(base));
    OK(seed003_build(&pf));
    new_project(pf, "2", "二つ目");
    snprintf(dir, sizeof dir, "%s/site", base);
    OK(hyoka_html_write_dir(pf, HYOKA_LANG_JA, dir));
    assert_int_equal(dir_entries(dir), 4); /* two pages, the index and the .hyoka-output marker */
    /* The files hold exactly the pages. */
    OK(hyoka_html_project(hyoka_portfolio_project_at(pf, 1), HYOKA_LANG_JA, &expected, &elen));
    snprintf(path, sizeof path, "%s/project-2.html", dir);
    got = read_all(path, &glen);
    assert_non_null(got);
    assert_int_equal(glen, elen);
    assert_memory_equal(got, expected, elen);
    free(got);
    hyoka_free(expected);
    OK(hyoka_html_portfolio(pf, HYOKA_LANG_JA, &expected, &elen));
    snprintf(path, sizeof path, "%s/index.html", dir);
    got = read_all(path, &glen);
    assert_non_null(got);
    assert_int_equal(glen, elen);
    assert_memory_equal(got, expected, elen);
    free(got);
    hyoka_free(expected);
    /* An existing folder is fine (and a trailing slash). */
    snprintf(path, sizeof path, "%s/", dir);
    OK(hyoka_html_write_dir(pf, HYOKA_LANG_EN, path));
    assert_int_equal(dir_entries(dir), 4);
    remove_dir(dir);

    /* A file where the folder should be, a folder under a file, a folder
     * that cannot be made: EIO with the system's reason. */
    snprintf(path, sizeof path, "%s/file", base);
    f = fopen(path, "w");
    assert_non_null(f);
    fclose(f);
    assert_int_equal(hyoka_html_write_dir(pf, HYOKA_LANG_JA, path), HYOKA_EIO);
    assert_non_null(strstr(hyoka_error_last(), "not a folder"));
    snprintf(dir, sizeof dir, "%s/file/sub", base);
    assert_int_equal(hyoka_html_write_dir(pf, HYOKA_LANG_JA, dir), HYOKA_EIO);
    assert_non_null(strstr(hyoka_error_last(), "Not a directory"));
    assert_int_equal(hyoka_html_write_dir(pf, HYOKA_LANG_JA, "/nonexistent-hyoka/a/b"), HYOKA_EIO);
    assert_non_null(strstr(hyoka_error_last(), "No such file or directory"));
    unlink(path);
    /* A page that cannot be written: a folder in its place. */
    snprintf(dir, sizeof dir, "%s/site2", base);
    assert_int_equal(mkdir(dir, 0700), 0);
    snprintf(path, sizeof path, "%s/project-1.html", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    assert_int_equal(hyoka_html_write_dir(pf, HYOKA_LANG_JA, dir), HYOKA_EIO);
    assert_non_null(strstr(hyoka_error_last(), "project-1.html"));
    rmdir(path);
    remove_dir(dir);
    rmdir(base);
    hyoka_portfolio_free(pf);
}

/* A page that succeeds leaves the caller's last error as it was, though
 * figures inside it were unavailable. */
static void test_error_kept(void **state)
{
    hyoka_portfolio *pf = NULL;
    hyoka_decimal d;
    char *page;
    char before[512];
    (void)state;

    OK(seed001_build(&pf));
    assert_int_equal(hyoka_decimal_parse("x", 1, &d), HYOKA_ESYNTAX);
    snprintf(before, sizeof before, "%s", hyoka_error_last());
    page = project_page(hyoka_portfolio_project_at(pf, 0), HYOKA_LANG_JA);
    assert_int_equal(hyoka_error_last_code(), HYOKA_ESYNTAX);
    assert_string_equal(hyoka_error_last(), before);
    hyoka_free(page);
    hyoka_error_clear();
    page = index_page(pf, HYOKA_LANG_JA);
    assert_int_equal(hyoka_error_last_code(), HYOKA_OK);
    assert_string_equal(hyoka_error_last(), "");
    hyoka_free(page);
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Shapes of trees                                                           */

static void test_deep_and_wide(void **state)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *p, *q;
    hyoka_costs *c = NULL;
    hyoka_indicator *ind = NULL;
    char *page;
    const char *prev;
    (void)state;

    /* 3000 nested sub-projects: no recursion, every section closed. */
    OK(hyoka_portfolio_new(&pf));
    p = q = new_project(pf, "D", "deep");
    for (int i = 0; i < 3000; i++) {
        hyoka_project *child = new_project(NULL, "d", "深い");
        OK(hyoka_project_add_child(q, child));
        q = child;
    }
    OK(hyoka_project_add_year(q, 2020, &c));
    OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 100));
    page = project_page(p, HYOKA_LANG_JA);
    WELLFORMED(page);
    assert_int_equal(count_of(page, "<article "), 3001);
    assert_int_equal(count_of(page, "</article>"), 3001);
    assert_int_equal(count_of(page, "class=\"bar "), 1);
    HAS(page, "data-project=\"3001\" data-depth=\"3000\"");
    hyoka_free(page);
    hyoka_portfolio_free(pf);

    /* 300 fiscal years added newest first, and an indicator over them:
     * shown oldest first. */
    OK(hyoka_portfolio_new(&pf));
    p = new_project(pf, "W", "wide");
    OK(hyoka_project_add_indicator(p, HYOKA_KIND_ACTIVITY, &ind));
    for (int y = 2299; y >= 2000; y--) {
        hyoka_decimal v = hyoka_decimal_from_int(y % 7);
        OK(hyoka_project_add_year(p, y, &c));
        OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, y % 5 ? 1000 * (int64_t)y : 0));
        OK(hyoka_indicator_set_value(ind, y, HYOKA_VALUE_ACTUAL, &v));
    }
    OK(hyoka_project_add_year(p, 2100, &c)); /* a second 2100, kept after the first */
    OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 1));
    page = project_page(p, HYOKA_LANG_EN);
    WELLFORMED(page);
    check_counts(page, p);
    prev = page;
    for (int y = 2000; y < 2300; y++) {
        char key[40];
        const char *at;
        snprintf(key, sizeof key, "<g class=\"year\" data-fiscal-year=\"%d\"", y);
        at = strstr(page, key);
        assert_non_null(at);
        assert_true(at > prev);
        prev = at;
    }
    assert_int_equal(count_of(page, "data-fiscal-year=\"2100\""), 2);
    HAS(page, "data-years=\"301\"");
    hyoka_free(page);
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Many cost years                                                           */

#define COLUMNS_YEARS 100

/* Fiscal years 2000..2059 in a scrambled order, the first 40 twice; the
 * settlement tells the years apart (100 + 3 × index). */
static hyoka_project *columns_project(hyoka_portfolio *pf)
{
    hyoka_project *p = new_project(pf, "Y", "多年度");
    for (int i = 0; i < COLUMNS_YEARS; i++) {
        hyoka_costs *c = NULL;
        OK(hyoka_project_add_year(p, 2000 + (i * 37) % 60, &c));
        if (i != 7) /* 2019 (index 7) has no total: 2020 has no change */
            OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 100 + 3 * i));
    }
    return p;
}

/* The cells of the row of class @p cls: the text of each <td> after the
 * unit's, NULL for a cell without a value. Returns how many. */
static int row_cells(const char *page, const char *cls, char cells[][32], int max)
{
    char open[64];
    const char *at, *end;
    int n = 0;

    snprintf(open, sizeof open, "<tr class=\"%s\">", cls);
    at = strstr(page, open);
    assert_non_null(at);
    end = strstr(at, "</tr>");
    assert_non_null(end);
    at = strstr(at, "<td class=\"unit\">");
    assert_non_null(at);
    at += 5;
    while ((at = strstr(at, "<td")) != NULL && at < end) {
        const char *text = strchr(at, '>') + 1, *close = strstr(text, "</td>");
        assert_true(n < max);
        if (strncmp(at, "<td class=\"na", 13) == 0) {
            cells[n][0] = '\0';
        } else {
            assert_true((size_t)(close - text) < sizeof cells[n]);
            memcpy(cells[n], text, (size_t)(close - text));
            cells[n][close - text] = '\0';
        }
        n++;
        at = close;
    }
    return n;
}

/* The cost table of a project of many years, unsorted and duplicated: the
 * columns in (fiscal year, order) order, and each change from the first
 * cost year of the year before, as hyoka_costs_figure() computes it. */
static void test_many_years_columns(void **state)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *p;
    char settlement[COLUMNS_YEARS][32], change[COLUMNS_YEARS][32];
    char *page;
    int order[COLUMNS_YEARS], n = 0;
    (void)state;

    OK(hyoka_portfolio_new(&pf));
    p = columns_project(pf);
    /* The expected columns: by fiscal year, then by index. */
    for (int fy = 2000; fy < 2060; fy++)
        for (int i = 0; i < COLUMNS_YEARS; i++)
            if (hyoka_costs_fiscal_year(hyoka_project_year_at(p, (size_t)i)) == fy)
                order[n++] = i;
    assert_int_equal(n, COLUMNS_YEARS);

    page = project_page(p, HYOKA_LANG_EN);
    WELLFORMED(page);
    HAS(page, "data-years=\"100\"");
    assert_int_equal(row_cells(page, "row-settlement", settlement, COLUMNS_YEARS), COLUMNS_YEARS);
    assert_int_equal(row_cells(page, "row-change", change, COLUMNS_YEARS), COLUMNS_YEARS);
    for (int k = 0; k < COLUMNS_YEARS; k++) {
        const hyoka_costs *c = hyoka_project_year_at(p, (size_t)order[k]);
        char want[HYOKA_DECIMAL_STRING_MAX] = "";
        hyoka_decimal v;
        int rc = hyoka_costs_figure(c, HYOKA_FIG_TOTAL_COST_CHANGE, &v, NULL);

        if (order[k] == 7) {
            assert_string_equal(settlement[k], "");
        } else {
            snprintf(want, sizeof want, "%d", 100 + 3 * order[k]);
            assert_string_equal(settlement[k], want);
        }
        if (rc == HYOKA_OK)
            OK(hyoka_decimal_format(&v, HYOKA_DECIMAL_FMT_GROUPING, want, sizeof want, NULL));
        else
            want[0] = '\0';
        if (strcmp(change[k], want) != 0)
            fail_msg("column %d (year %d, fiscal year %ld): change \"%s\", hyoka_costs_figure \"%s\"", k, order[k],
                     (long)hyoka_costs_fiscal_year(c), change[k], want);
    }
    /* By hand: 2000 is years 0 and 60 (settlements 100, 280), 2001 years 13
     * and 73 (139, 319): both changes are from year 0. 2019 is years 7 (no
     * total) and 67: 2020 has no change. */
    assert_string_equal(change[2], "39.0");
    assert_string_equal(change[3], "219.0");
    for (int k = 0; k < COLUMNS_YEARS; k++)
        if (hyoka_costs_fiscal_year(hyoka_project_year_at(p, (size_t)order[k])) == 2020)
            assert_string_equal(change[k], "");
    hyoka_free(page);
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Allocation failures                                                       */

static hyoka_portfolio *sweep_pf;

static int body_project(void *ctx)
{
    char *out = NULL;
    int rc = hyoka_html_project(hyoka_portfolio_project_at(sweep_pf, 0), *(int *)ctx, &out, NULL);
    if (rc == HYOKA_OK)
        hyoka_free(out);
    else
        assert_null(out);
    return rc;
}

static int body_portfolio(void *ctx)
{
    char *out = NULL;
    int rc = hyoka_html_portfolio(sweep_pf, *(int *)ctx, &out, NULL);
    if (rc == HYOKA_OK)
        hyoka_free(out);
    else
        assert_null(out);
    return rc;
}

static char sweep_dir[64];

static int body_write_dir(void *ctx)
{
    char dir[128];
    int rc;
    snprintf(dir, sizeof dir, "%s/out", sweep_dir);
    rc = hyoka_html_write_dir(sweep_pf, *(int *)ctx, dir);
    remove_dir(dir);
    return rc;
}

/* Builds the page inside the body too, so every allocation of a small
 * project's life is swept. */
static int body_build_and_write(void *ctx)
{
    hyoka_project *p = NULL;
    hyoka_costs *c = NULL;
    hyoka_indicator *ind = NULL;
    hyoka_decimal v = hyoka_decimal_from_int(3);
    char *out = NULL;
    int rc;

    (void)ctx;
    rc = hyoka_project_new(&p);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka_project_set_name(p, "小さな事業", NTS);
    if (rc == HYOKA_OK)
        rc = hyoka_project_add_year(p, 2020, &c);
    if (rc == HYOKA_OK)
        rc = hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 1000);
    if (rc == HYOKA_OK)
        rc = hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &ind);
    if (rc == HYOKA_OK)
        rc = hyoka_indicator_set_value(ind, 2020, HYOKA_VALUE_TARGET, &v);
    if (rc == HYOKA_OK)
        rc = hyoka_html_project(p, HYOKA_LANG_JA, &out, NULL);
    if (rc == HYOKA_OK)
        hyoka_free(out);
    hyoka_project_free(p);
    return rc;
}

static void test_alloc_failures(void **state)
{
    int lang = HYOKA_LANG_JA;
    long n;
    hyoka_project *p;
    (void)state;

    n = failalloc_sweep(body_build_and_write, NULL);
    assert_true(n >= 5);

    /* A small portfolio: a project with a sub-project deep enough for the
     * walk's stack to grow, and a page big enough for the buffer to. */
    OK(seed001_build(&sweep_pf));
    p = hyoka_portfolio_project_at(sweep_pf, 0);
    for (int i = 0; i < 20; i++) {
        hyoka_project *child = new_project(NULL, "c", "子");
        OK(hyoka_project_add_child(p, child));
        p = child;
    }
    n = failalloc_sweep(body_project, &lang);
    assert_true(n >= 3);
    lang = HYOKA_LANG_EN;
    failalloc_sweep(body_project, &lang);
    n = failalloc_sweep(body_portfolio, &lang);
    assert_true(n >= 1);
    strcpy(sweep_dir, "/tmp/hyoka-html-sweep-XXXXXX");
    assert_non_null(mkdtemp(sweep_dir));
    failalloc_sweep(body_write_dir, &lang);
    assert_int_equal(dir_entries(sweep_dir), 0);
    rmdir(sweep_dir);
    hyoka_portfolio_free(sweep_pf);
    sweep_pf = NULL;
}

/* A project of many years, whose index of years may fail to be made: the
 * page is then the same (the years sorted and searched without it). */
static char *columns_page;

static int body_columns(void *ctx)
{
    char *out = NULL;
    int rc = hyoka_html_project(hyoka_portfolio_project_at(sweep_pf, 0), HYOKA_LANG_EN, &out, NULL);
    (void)ctx;
    if (rc == HYOKA_OK) {
        assert_string_equal(out, columns_page);
        hyoka_free(out);
    } else {
        assert_null(out);
    }
    return rc;
}

static void test_alloc_many_years(void **state)
{
    (void)state;
    OK(hyoka_portfolio_new(&sweep_pf));
    columns_project(sweep_pf);
    columns_page = project_page(hyoka_portfolio_project_at(sweep_pf, 0), HYOKA_LANG_EN);
    assert_true(failalloc_sweep(body_columns, NULL) >= 2);
    hyoka_free(columns_page);
    columns_page = NULL;
    hyoka_portfolio_free(sweep_pf);
    sweep_pf = NULL;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_file_name),
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_seed001_page),
        cmocka_unit_test(test_seed001_english),
        cmocka_unit_test(test_all_seeds),
        cmocka_unit_test(test_seed_specifics),
        cmocka_unit_test(test_hostile_text),
        cmocka_unit_test(test_chart_counts),
        cmocka_unit_test(test_extreme_values),
        cmocka_unit_test(test_amount_units),
        cmocka_unit_test(test_no_portfolio),
        cmocka_unit_test(test_index),
        cmocka_unit_test(test_write_dir),
        cmocka_unit_test(test_error_kept),
        cmocka_unit_test(test_deep_and_wide),
        cmocka_unit_test(test_many_years_columns),
        cmocka_unit_test(test_alloc_failures),
        cmocka_unit_test(test_alloc_many_years),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
