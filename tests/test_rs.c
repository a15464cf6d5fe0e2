/* The RS tables of the national review sheets (rs.h, docs/rs.md): the real
 * 2024 sample (tests/data/rs-sample-2024, PDL 1.0, 出典: 行政事業レビュー
 * 見える化サイト) read into the model with its printed figures, written
 * back and read again equal, through hyoka/1 too; cells (trailing spaces,
 * 5252000.0, TRUE/FALSE/f, empty, -, 0); columns in any order, unknown
 * columns and bad cells kept and written back; the year columns of 3-1;
 * hostile tables (truncated quotes, huge fields, bad UTF-8, duplicate
 * headers, unknown 予算事業ID, overflowing amounts) as diagnostics with
 * table, row and column; folders; allocation failures. */
#if !defined(_POSIX_C_SOURCE) || _POSIX_C_SOURCE < 200809L
#  undef _POSIX_C_SOURCE
#  define _POSIX_C_SOURCE 200809L
#endif

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

#include "failalloc.h"

#define OK(x) assert_int_equal((x), HYOKA_OK)
#define NT HYOKA_RS_TABLE_COUNT
#define COMMON "シート種別,事業年度,予算事業ID,事業名,府省庁の建制順,政策所管府省庁,府省庁,局・庁,部,課,室,班,係"
#define ROW(id) "レビューシート,2024," id ",事業" id ",1,省,省,局,,課,,,"

static char sample_dir[4096];

static const char *sample(void)
{
    const char *root = getenv("HYOKA_SOURCE_ROOT");
    if (!sample_dir[0])
        snprintf(sample_dir, sizeof sample_dir, "%s/tests/data/rs-sample-2024", root ? root : ".");
    return sample_dir;
}

static hyoka_portfolio *read_sample(hyoka_report **rep)
{
    hyoka_portfolio *pf = NULL;
    OK(hyoka_report_new(rep));
    OK(hyoka_rs_read_dir(sample(), NULL, &pf, *rep));
    assert_non_null(pf);
    return pf;
}

static size_t count_code(const hyoka_report *rep, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < hyoka_report_count(rep); i++)
        if (strcmp(hyoka_report_code(rep, i), code) == 0)
            n++;
    return n;
}

/* Every table of @p pf in memory. */
struct tables {
    char *t[NT];
    size_t n[NT];
};

static void write_all(const hyoka_portfolio *pf, struct tables *t)
{
    for (int i = 0; i < NT; i++)
        OK(hyoka_rs_write_table(pf, i, NULL, &t->t[i], &t->n[i], NULL));
}

static void free_all(struct tables *t)
{
    for (int i = 0; i < NT; i++)
        hyoka_free(t->t[i]);
}

static hyoka_portfolio *read_all(const struct tables *t)
{
    const char *texts[NT];
    hyoka_portfolio *pf = NULL;
    hyoka_report *rep = NULL;
    for (int i = 0; i < NT; i++)
        texts[i] = t->t[i];
    OK(hyoka_report_new(&rep));
    OK(hyoka_rs_read_tables(texts, t->n, NULL, &pf, rep));
    assert_int_equal(hyoka_report_total_severity(rep, HYOKA_SEVERITY_ERROR), 0);
    hyoka_report_free(rep);
    return pf;
}

/* Read tables given as texts (NULL: absent). */
static int read_texts(const char *const in[NT], hyoka_report *rep, hyoka_portfolio **out)
{
    size_t lens[NT];
    for (int i = 0; i < NT; i++)
        lens[i] = in[i] ? strlen(in[i]) : 0;
    return hyoka_rs_read_tables(in, lens, NULL, out, rep);
}

static hyoka_project *find(const hyoka_portfolio *pf, const char *code)
{
    hyoka_project *p = hyoka_portfolio_find_project(pf, code, HYOKA_NTS);
    assert_non_null(p);
    return p;
}

static hyoka_record *record(const hyoka_project *p, int kind, size_t i)
{
    hyoka_record *r = hyoka_project_record_at(p, kind, i);
    assert_non_null(r);
    return r;
}

static int64_t money(const hyoka_record *r, int field)
{
    int64_t v = -1;
    assert_int_equal(hyoka_record_money(r, field, &v), 1);
    return v;
}

static void expect_decimal(const hyoka_decimal *d, const char *want)
{
    char buf[HYOKA_DECIMAL_STRING_MAX];
    OK(hyoka_decimal_format(d, 0, buf, sizeof buf, NULL));
    assert_string_equal(buf, want);
}

/* ------------------------------------------------------------------------ */

static void test_names_and_options(void **state)
{
    hyoka_rs_options o;
    (void)state;
    assert_string_equal(hyoka_rs_table_name(HYOKA_RS_ORGANIZATION), "1-1");
    assert_string_equal(hyoka_rs_table_name(HYOKA_RS_BUDGETS), "2-1");
    assert_string_equal(hyoka_rs_table_name(HYOKA_RS_NOTES), "6-1");
    assert_string_equal(hyoka_rs_table_title(HYOKA_RS_GOALS), "効果発現経路_目標・実績");
    assert_null(hyoka_rs_table_name(NT));
    assert_null(hyoka_rs_table_title(-1));
    assert_int_equal(hyoka_rs_options_init(NULL), HYOKA_EINVAL);
    OK(hyoka_rs_options_init(&o));
    assert_int_equal(o.size, sizeof o);
    assert_int_equal(o.max_field, (size_t)1 << 20);
    assert_int_equal(o.year, 0);
    o.year = 12;
    {
        char *out = NULL;
        size_t n = 0;
        hyoka_portfolio *pf = NULL;
        OK(hyoka_portfolio_new(&pf));
        assert_int_equal(hyoka_rs_write_table(pf, 0, &o, &out, &n, NULL), HYOKA_EINVAL);
        o.year = 2024;
        o.flags = 0x80;
        assert_int_equal(hyoka_rs_write_table(pf, 0, &o, &out, &n, NULL), HYOKA_EINVAL);
        assert_int_equal(hyoka_rs_write_table(pf, NT, NULL, &out, &n, NULL), HYOKA_EINVAL);
        assert_int_equal(hyoka_rs_write_dir(pf, "/tmp/never-written", NULL, NULL), HYOKA_EINVAL); /* no year */
        hyoka_portfolio_free(pf);
    }
}

/* The sample as read: what the sheets print, in the model. */
static void test_sample_model(void **state)
{
    hyoka_report *rep = NULL;
    hyoka_portfolio *pf = read_sample(&rep);
    hyoka_project *p;
    hyoka_record *b, *r, *c;
    hyoka_decimal d;
    int v;
    (void)state;

    assert_int_equal(hyoka_portfolio_project_count(pf), 5);
    assert_int_equal(hyoka_report_total_severity(rep, HYOKA_SEVERITY_ERROR), 0);
    /* 1-2's second row of 3522 (another 主要経費), 5-2's 財務省: kept */
    assert_int_equal(count_code(rep, "V013"), 2);
    /* 5-4's second その他の契約 column: not in the schema, kept */
    assert_int_equal(count_code(rep, "V014"), 1);
    assert_int_equal(count_code(rep, "V010"), 0);

    p = find(pf, "884");
    assert_string_equal(hyoka_project_name(p), "法教育の推進");
    assert_string_equal(hyoka_project_text(p, HYOKA_TEXT_SHEET_TYPE), "レビューシート");
    assert_string_equal(hyoka_project_extension(p, "事業年度", HYOKA_NTS), "2024");
    assert_int_equal(hyoka_project_flag(p, HYOKA_FLAG_NO_PLANNED_END, &v), 1);
    assert_int_equal(v, 1);
    assert_int_equal(hyoka_project_flag(p, HYOKA_FLAG_METHOD_DIRECT, &v), 1);
    assert_int_equal(v, 1);
    assert_int_equal(hyoka_project_flag(p, HYOKA_FLAG_METHOD_SUBSIDY, NULL), 0);
    /* 2-1: 2023's total row (the third budget) and its account row */
    b = record(p, HYOKA_RECORD_BUDGET, 2);
    assert_null(hyoka_record_text(b, HYOKA_FIELD_ACCOUNT));
    assert_int_equal(money(b, HYOKA_FIELD_APPROPRIATION), 40217000);
    assert_int_equal(money(b, HYOKA_FIELD_EXECUTION), 28433000);
    assert_int_equal(money(b, HYOKA_FIELD_REQUEST), 42023000); /* printed 42023000.0 */
    assert_int_equal(hyoka_record_decimal(b, HYOKA_FIELD_STATED_EXECUTION_RATE, &d), 1);
    expect_decimal(&d, "0.70699");
    OK(hyoka_record_figure(b, HYOKA_FIG_APPROPRIATION_RATE, &d, NULL));
    expect_decimal(&d, "0.70699");
    OK(hyoka_record_figure(b, HYOKA_FIG_UNSPENT, &d, NULL));
    expect_decimal(&d, "3524000"); /* 40217000 - 28433000 - 8260000 */
    b = record(p, HYOKA_RECORD_BUDGET, 3);
    assert_string_equal(hyoka_record_text(b, HYOKA_FIELD_ACCOUNT_TYPE), "一般会計");
    assert_int_equal(money(b, HYOKA_FIELD_SUPPLEMENTARY_1), 8260000);
    assert_int_equal(hyoka_record_field_state(b, HYOKA_FIELD_STATED_EXECUTION_RATE), HYOKA_STATE_MISSING);
    /* 2-2 items under their budget */
    assert_true(hyoka_record_child_count(record(p, HYOKA_RECORD_BUDGET, 1), HYOKA_RECORD_BUDGET_ITEM) > 0);
    /* 4-1: the review team, the reflection, the scheme */
    {
        hyoka_evaluation *e = NULL;
        for (size_t i = 0; i < hyoka_project_evaluation_count(p); i++)
            if (hyoka_evaluation_stage(hyoka_project_evaluation_at(p, i)) == HYOKA_STAGE_COMMITTEE)
                e = hyoka_project_evaluation_at(p, i);
        assert_non_null(e);
        assert_string_equal(hyoka_evaluation_text(e, HYOKA_EVAL_SCHEME), "jp-rs-review");
        assert_string_equal(hyoka_evaluation_text(e, HYOKA_EVAL_VERDICT), "partial_improvement");
        assert_string_equal(hyoka_evaluation_text(e, HYOKA_EVAL_BUDGET), "reduction");
        r = record(p, HYOKA_RECORD_REFLECTION, 0);
        assert_string_equal(hyoka_record_text(r, HYOKA_FIELD_ACCOUNT_TYPE), "一般会計");
        assert_int_equal(money(r, HYOKA_FIELD_AMOUNT), -569000);
    }

    p = find(pf, "11");
    /* 3-1: output 10, 2023: 20 of 21, printed 95.2381 */
    {
        hyoka_indicator *ind = NULL;
        int64_t num;
        for (size_t i = 0; i < hyoka_project_indicator_count(p); i++) {
            hyoka_indicator *x = hyoka_project_indicator_at(p, i);
            if (hyoka_indicator_kind(x) == HYOKA_KIND_ACTIVITY && hyoka_indicator_number(x, &num) == 1 && num == 10)
                ind = x;
        }
        assert_non_null(ind);
        assert_string_equal(hyoka_indicator_text(ind, HYOKA_INDICATOR_UNIT), "件");
        assert_int_equal(hyoka_indicator_value(ind, 2023, HYOKA_VALUE_STATED_ACHIEVEMENT, &d), 1);
        expect_decimal(&d, "95.2381");
        assert_int_equal(hyoka_indicator_value(ind, 2023, HYOKA_VALUE_ACTUAL, &d), 1);
        expect_decimal(&d, "20");
        assert_int_equal(hyoka_indicator_kind(hyoka_project_indicator_at(p, 0)), HYOKA_KIND_ACTION);
    }
    /* 5-1: block A, its total with a trailing space, recipients, contracts */
    b = record(p, HYOKA_RECORD_BLOCK, 0);
    assert_string_equal(hyoka_record_text(b, HYOKA_FIELD_BLOCK), "A");
    assert_int_equal(money(b, HYOKA_FIELD_TOTAL), 10715267000);
    r = hyoka_record_child_at(b, HYOKA_RECORD_RECIPIENT, 0);
    assert_non_null(r);
    assert_string_equal(hyoka_record_text(r, HYOKA_FIELD_CORPORATE_NUMBER), "7010401022916");
    assert_int_equal(hyoka_record_flag(r, HYOKA_FIELD_OTHER, &v), 1);
    assert_int_equal(v, 0);
    c = hyoka_record_child_at(r, HYOKA_RECORD_CONTRACT, 0);
    assert_non_null(c);
    assert_int_equal(money(c, HYOKA_FIELD_AMOUNT), 11930000);
    assert_int_equal(hyoka_record_child_count(b, HYOKA_RECORD_RECIPIENT), 4);
    /* 5-4's "f" */
    c = record(p, HYOKA_RECORD_MULTIYEAR_CONTRACT, 0);
    assert_int_equal(hyoka_record_flag(c, HYOKA_FIELD_OTHER, &v), 1);
    assert_int_equal(v, 0);
    assert_string_equal(hyoka_record_extension(c, "その他の契約（国庫債務負担行為等による契約）", HYOKA_NTS), "f");
    /* 5-3 expenses under their blocks */
    assert_int_equal(hyoka_record_child_count(b, HYOKA_RECORD_EXPENSE), 1);

    hyoka_report_free(rep);
    hyoka_portfolio_free(pf);
}

/* Every 達成率 the sample prints is the achievement hyoka computes, by
 * value: the reader sets the RS rule (actual ÷ target × 100 whatever the
 * direction, 5 places half up). 28 printed values, 21 of them on outputs
 * and outcomes without a direction (3522's output 3: 35 ÷ 12 → 291.66667). */
static void test_sample_achievements(void **state)
{
    hyoka_report *rep = NULL;
    hyoka_portfolio *pf = read_sample(&rep);
    size_t printed = 0, without_direction = 0;
    (void)state;

    assert_int_equal(hyoka_portfolio_achievement_rule(pf), HYOKA_ACHIEVEMENT_RATIO);
    for (size_t k = 0; k < hyoka_portfolio_project_count(pf); k++) {
        const hyoka_project *p = hyoka_portfolio_project_at(pf, k);
        for (size_t i = 0; i < hyoka_project_indicator_count(p); i++) {
            const hyoka_indicator *ind = hyoka_project_indicator_at(p, i);
            for (size_t y = 0; y < hyoka_indicator_year_count(ind); y++) {
                int32_t fy = hyoka_indicator_year_at(ind, y);
                hyoka_decimal stated, computed;
                int reason = 0;
                if (hyoka_indicator_value(ind, fy, HYOKA_VALUE_STATED_ACHIEVEMENT, &stated) != 1)
                    continue;
                printed++;
                if (hyoka_indicator_direction(ind) == HYOKA_UNSET)
                    without_direction++;
                OK(hyoka_indicator_figure(ind, fy, HYOKA_FIG_ACHIEVEMENT, &computed, &reason));
                if (hyoka_decimal_cmp(&stated, &computed) != 0) {
                    char a[64], b[64];
                    hyoka_decimal_format(&stated, 0, a, sizeof a, NULL);
                    hyoka_decimal_format(&computed, 0, b, sizeof b, NULL);
                    fail_msg("project %s, fiscal %d: printed %s, computed %s", hyoka_project_code(p), (int)fy, a,
                             b);
                }
            }
        }
    }
    assert_int_equal(printed, 28);
    assert_int_equal(without_direction, 21);
    hyoka_report_free(rep);
    hyoka_portfolio_free(pf);
}

/* Written and read again: equal; so through hyoka/1; and the same tables. */
static void test_sample_roundtrip(void **state)
{
    hyoka_report *rep = NULL;
    hyoka_portfolio *pf = read_sample(&rep), *back, *json_back = NULL;
    struct tables t1, t2;
    char *json = NULL;
    size_t len = 0;
    (void)state;

    write_all(pf, &t1);
    back = read_all(&t1);
    assert_true(hyoka_portfolio_equal(pf, back));
    write_all(back, &t2);
    for (int i = 0; i < NT; i++) {
        assert_int_equal(t1.n[i], t2.n[i]);
        assert_memory_equal(t1.t[i], t2.t[i], t1.n[i]);
        assert_memory_equal(t1.t[i], "\xEF\xBB\xBF", 3);
    }
    free_all(&t2);
    OK(hyoka_json_write(pf, 0, &json, &len));
    OK(hyoka_json_read(json, len, NULL, &json_back, NULL));
    assert_true(hyoka_portfolio_equal(pf, json_back));
    write_all(json_back, &t2);
    for (int i = 0; i < NT; i++)
        assert_memory_equal(t1.t[i], t2.t[i], t1.n[i]);
    free_all(&t2);
    free_all(&t1);
    hyoka_free(json);
    hyoka_portfolio_free(json_back);
    hyoka_portfolio_free(back);
    hyoka_portfolio_free(pf);
    hyoka_report_free(rep);
}

/* Cells: trailing spaces, ".0", booleans, empty, "-" and 0 apart. */
static void test_cells(void **state)
{
    const char *in[NT] = {0};
    hyoka_report *rep = NULL;
    hyoka_portfolio *pf = NULL;
    hyoka_record *b;
    char *out = NULL;
    size_t n = 0;
    int v;
    (void)state;

    in[HYOKA_RS_ORGANIZATION] = COMMON ",作成責任者\n" ROW("7") ",山田\n";
    in[HYOKA_RS_BUDGETS] = COMMON ",予算年度,当初予算（合計）,補正予算（合計）,前年度からの繰越し（合計）,"
                                  "計（歳出予算現額合計）,翌年度要求額（合計）\n" ROW("7") ",2023,5252000.0 ,-,,0,ー\n";
    in[HYOKA_RS_SPENDING] = COMMON ",支出先ブロック番号,支出先名,その他支出先\n" ROW("7") ",A,,\n" ROW("7") ",A,甲,f\n" ROW(
        "7") ",A,乙,TRUE\n";
    OK(hyoka_report_new(&rep));
    OK(read_texts(in, rep, &pf));
    assert_int_equal(count_code(rep, "V010"), NT - 3);
    b = hyoka_project_record_at(find(pf, "7"), HYOKA_RECORD_BUDGET, 0);
    assert_int_equal(money(b, HYOKA_FIELD_INITIAL), 5252000);
    assert_int_equal(hyoka_record_field_state(b, HYOKA_FIELD_SUPPLEMENTARY), HYOKA_STATE_NOT_APPLICABLE);
    assert_int_equal(hyoka_record_field_state(b, HYOKA_FIELD_CARRIED_IN), HYOKA_STATE_MISSING);
    assert_int_equal(money(b, HYOKA_FIELD_APPROPRIATION), 0);
    assert_int_equal(hyoka_record_field_state(b, HYOKA_FIELD_REQUEST), HYOKA_STATE_NOT_APPLICABLE);
    b = hyoka_project_record_at(find(pf, "7"), HYOKA_RECORD_BLOCK, 0);
    assert_int_equal(hyoka_record_child_count(b, HYOKA_RECORD_RECIPIENT), 2);
    assert_int_equal(hyoka_record_flag(hyoka_record_child_at(b, HYOKA_RECORD_RECIPIENT, 0), HYOKA_FIELD_OTHER, &v), 1);
    assert_int_equal(v, 0);
    assert_int_equal(hyoka_record_flag(hyoka_record_child_at(b, HYOKA_RECORD_RECIPIENT, 1), HYOKA_FIELD_OTHER, &v), 1);
    assert_int_equal(v, 1);
    OK(hyoka_rs_write_table(pf, HYOKA_RS_BUDGETS, NULL, &out, &n, NULL));
    assert_non_null(strstr(out, "\r\nレビューシート,2024,7,事業7,1,省,省,局,,課,,,,2023,5252000,-,,,0,,,,-,"));
    hyoka_free(out);
    /* a table the tables did not give is written with one row per project */
    OK(hyoka_rs_write_table(pf, HYOKA_RS_NOTES, NULL, &out, &n, NULL));
    assert_string_equal(out, "\xEF\xBB\xBF" COMMON ",備考\r\nレビューシート,2024,7,事業7,1,省,省,局,,課,,,,\r\n");
    hyoka_free(out);
    hyoka_portfolio_free(pf);
    hyoka_report_free(rep);
}

/* Columns in any order, unknown columns and bad cells kept, written back. */
static void test_order_and_kept(void **state)
{
    const char *in[NT] = {0}, *in2[NT] = {0};
    hyoka_report *rep = NULL;
    hyoka_portfolio *pf = NULL, *pf2 = NULL;
    hyoka_project *p;
    hyoka_record *b;
    char *out = NULL;
    size_t n = 0;
    (void)state;

    in[HYOKA_RS_BUDGETS] = COMMON ",予算年度,当初予算（合計）,新しい列,執行額（合計）\n" ROW("1") ",2023,百万円,x,99999999999999999999\n";
    in2[HYOKA_RS_BUDGETS] = "新しい列,執行額（合計）,予算年度," COMMON ",当初予算（合計）\n"
                            "x,99999999999999999999,2023," ROW("1") ",百万円\n";
    OK(hyoka_report_new(&rep));
    OK(read_texts(in, rep, &pf));
    assert_int_equal(count_code(rep, "V012"), 2); /* not an amount; out of range */
    assert_int_equal(count_code(rep, "V014"), 1);
    p = find(pf, "1");
    b = hyoka_project_record_at(p, HYOKA_RECORD_BUDGET, 0);
    assert_int_equal(hyoka_record_field_state(b, HYOKA_FIELD_INITIAL), HYOKA_STATE_MISSING);
    assert_string_equal(hyoka_record_extension(b, "当初予算（合計）", HYOKA_NTS), "百万円");
    assert_string_equal(hyoka_record_extension(b, "執行額（合計）", HYOKA_NTS), "99999999999999999999");
    assert_string_equal(hyoka_record_extension(b, "新しい列", HYOKA_NTS), "x");
    OK(hyoka_rs_write_table(pf, HYOKA_RS_BUDGETS, NULL, &out, &n, NULL));
    assert_non_null(strstr(out, ",新しい列\r\n"));
    assert_non_null(strstr(out, ",2023,百万円,,,,,99999999999999999999,"));
    assert_non_null(strstr(out, ",x\r\n"));
    hyoka_free(out);
    hyoka_report_free(rep);
    OK(hyoka_report_new(&rep));
    OK(read_texts(in2, rep, &pf2));
    assert_true(hyoka_portfolio_equal(pf, pf2));
    hyoka_portfolio_free(pf2);
    hyoka_portfolio_free(pf);
    hyoka_report_free(rep);
}

/* Headers in another spelling (brackets, dashes, spaces): found, and
 * written back as they were read. */
static void test_header_spellings(void **state)
{
    const char *in[NT] = {0};
    hyoka_report *rep = NULL;
    hyoka_portfolio *pf = NULL, *back;
    struct tables t;
    int64_t v;
    (void)state;

    in[HYOKA_RS_BUDGETS] = "シート種別,事業年度,予算事業ID,事業名,建制順,所管府省庁,府省庁,局・庁,部,課,室,班,係,予算年度,"
                           "翌年度への繰越し（合計）,当初予算 (合計)\n" ROW("1") ",2023,5,6\n";
    in[HYOKA_RS_LINKS] = COMMON ",派生先－活動目標/成果目標\n" ROW("1") ",目標\n";
    OK(hyoka_report_new(&rep));
    OK(read_texts(in, rep, &pf));
    assert_int_equal(count_code(rep, "V014"), 0);
    assert_int_equal(hyoka_record_money(hyoka_project_record_at(find(pf, "1"), HYOKA_RECORD_BUDGET, 0),
                                        HYOKA_FIELD_CARRIED_OUT, &v), 1);
    assert_int_equal(v, 5);
    assert_int_equal(hyoka_record_money(hyoka_project_record_at(find(pf, "1"), HYOKA_RECORD_BUDGET, 0),
                                        HYOKA_FIELD_INITIAL, &v), 1);
    assert_int_equal(v, 6);
    assert_string_equal(hyoka_record_text(hyoka_project_record_at(find(pf, "1"), HYOKA_RECORD_LINK, 0),
                                          HYOKA_FIELD_TO_GOAL), "目標");
    write_all(pf, &t);
    assert_non_null(strstr(t.t[HYOKA_RS_BUDGETS], ",建制順,所管府省庁,"));
    assert_non_null(strstr(t.t[HYOKA_RS_BUDGETS], ",当初予算 (合計),"));
    assert_non_null(strstr(t.t[HYOKA_RS_BUDGETS], ",翌年度への繰越し（合計）,"));
    assert_non_null(strstr(t.t[HYOKA_RS_LINKS], ",派生先－活動目標/成果目標,"));
    back = read_all(&t);
    assert_true(hyoka_portfolio_equal(pf, back));
    free_all(&t);
    hyoka_portfolio_free(back);
    hyoka_portfolio_free(pf);
    hyoka_report_free(rep);
}

/* 3-1: the nodes, their four rows, years as the header has them. */
static void test_goals(void **state)
{
    const char *in[NT] = {0};
    hyoka_report *rep = NULL;
    hyoka_portfolio *pf = NULL, *back;
    hyoka_indicator *ind;
    struct tables t;
    hyoka_decimal d;
    (void)state;

#define G31 COMMON ",アクティビティ・アウトプット・アウトカムの番号,種別（アクティビティ・アウトプット・アウトカム）,アウトカムの期間,単位,目標年度／目標値／実績値／達成率,2008,2061\n"
    in[HYOKA_RS_GOALS] = G31 ROW("5") ",1,アクティビティ,,,,,\n" ROW("5") ",3,アウトカム,1.短期,人,1.目標年度,,1\n" ROW(
        "5") ",3,アウトカム,1.短期,人,2.目標値,10,12.50\n" ROW("5") ",3,アウトカム,1.短期,人,3.実績値,9,\n" ROW(
        "5") ",3,アウトカム,1.短期,人,4.達成率,90,\n" ROW("5") ",3,アウトカム,3.長期,人,1.目標年度,,\n" ROW(
        "5") ",3,アウトカム,3.長期,人,2.目標値,x,\n";
    OK(hyoka_report_new(&rep));
    OK(read_texts(in, rep, &pf));
    assert_int_equal(hyoka_project_indicator_count(find(pf, "5")), 3);
    assert_int_equal(count_code(rep, "V012"), 1); /* "x" */
    ind = hyoka_project_indicator_at(find(pf, "5"), 1);
    assert_int_equal(hyoka_indicator_kind(ind), HYOKA_KIND_OUTCOME);
    assert_int_equal(hyoka_indicator_term(ind), HYOKA_TERM_SHORT);
    assert_int_equal(hyoka_indicator_target_year(ind), 2061);
    assert_int_equal(hyoka_indicator_value(ind, 2061, HYOKA_VALUE_TARGET, &d), 1);
    expect_decimal(&d, "12.50");
    assert_int_equal(hyoka_indicator_term(hyoka_project_indicator_at(find(pf, "5"), 2)), HYOKA_TERM_LONG);
    write_all(pf, &t);
    assert_non_null(strstr(t.t[HYOKA_RS_GOALS], ",2007,2008,"));
    assert_non_null(strstr(t.t[HYOKA_RS_GOALS], ",2061\r\n")); /* the header ends with the last year given */
    back = read_all(&t);
    assert_true(hyoka_portfolio_equal(pf, back));
    free_all(&t);
    hyoka_portfolio_free(back);
    hyoka_portfolio_free(pf);
    hyoka_report_free(rep);
}

/* Hostile tables: every problem a diagnostic with table, row and column. */
static void expect_bad(const char *table_text, int table, const char *code, int64_t line, int64_t column)
{
    const char *in[NT] = {0};
    hyoka_report *rep = NULL;
    hyoka_portfolio *pf = NULL;
    size_t i;
    in[table] = table_text;
    OK(hyoka_report_new(&rep));
    assert_int_equal(read_texts(in, rep, &pf), HYOKA_EINVALID);
    assert_null(pf);
    for (i = 0; i < hyoka_report_count(rep); i++)
        if (strcmp(hyoka_report_code(rep, i), code) == 0)
            break;
    assert_true(i < hyoka_report_count(rep));
    {
        int64_t l = -1, c = -1;
        hyoka_report_position(rep, i, &l, &c);
        assert_int_equal(l, line);
        assert_int_equal(c, column);
    }
    assert_non_null(strstr(hyoka_report_message(rep, i, HYOKA_LANG_EN), hyoka_rs_table_name(table)));
    hyoka_report_free(rep);
}

static void test_hostile(void **state)
{
    const char *in[NT] = {0};
    hyoka_report *rep = NULL;
    hyoka_portfolio *pf = NULL;
    hyoka_rs_options o;
    size_t lens[NT] = {0};
    char *huge;
    (void)state;

    expect_bad(COMMON ",備考\n" ROW("1") ",\"open\n", HYOKA_RS_NOTES, "V001", 2, 14);            /* truncated quote */
    expect_bad(COMMON ",備考\n" ROW("1") ",\xff\xfe\n", HYOKA_RS_NOTES, "V003", 2, 14);         /* bad UTF-8 */
    expect_bad(COMMON ",備考,備考\n" ROW("1") ",a,b\n", HYOKA_RS_NOTES, "V015", 1, 15);           /* duplicate header */
    expect_bad(COMMON ",備考\n" ROW("1") "\n", HYOKA_RS_NOTES, "V002", 2, 14);                   /* a field short */
    expect_bad("シート種別,備考\nx,y\n", HYOKA_RS_NOTES, "V004", 1, 0);                          /* no 予算事業ID */
    /* a header wider than the readers take: the CSV reader's message */
    {
        static char wide[sizeof COMMON + 1100 * 2 + 8];
        size_t n = sizeof COMMON - 1;
        hyoka_report *wrep = NULL;
        memcpy(wide, COMMON, n);
        for (int c = 0; c < 1100; c++) {
            wide[n++] = ',';
            wide[n++] = 'x';
        }
        wide[n++] = '\n';
        wide[n] = '\0';
        in[HYOKA_RS_NOTES] = wide;
        OK(hyoka_report_new(&wrep));
        assert_int_equal(read_texts(in, wrep, &pf), HYOKA_EINVALID);
        size_t last = hyoka_report_count(wrep); /* the tables not given (V010), then the wide one */
        assert_true(last-- > 0);
        assert_string_equal(hyoka_report_code(wrep, last), "V004");
        assert_string_equal(hyoka_report_message(wrep, last, HYOKA_LANG_EN),
                            "6-1: row 1, column 1025: the header has more than 1024 columns");
        {
            int64_t l = -1, c = -1;
            hyoka_report_position(wrep, last, &l, &c);
            assert_int_equal(l, 1);
            assert_int_equal(c, 1025);
        }
        hyoka_report_free(wrep);
        in[HYOKA_RS_NOTES] = NULL;
    }
    expect_bad(COMMON ",備考\n" "レビューシート,2024,,事業,1,省,省,局,,課,,,,x\n", HYOKA_RS_NOTES, "V005", 2, 3); /* empty ID */

    /* a huge field: over max_field */
    {
        static const char head[] = COMMON ",備考\n" ROW("1") ",";
        static char big[sizeof head + 60000];
        memcpy(big, head, sizeof head - 1);
        memset(big + sizeof head - 1, 'x', 60000);
        big[sizeof head - 1 + 60000] = '\0';
        huge = big;
    }
    in[HYOKA_RS_NOTES] = huge;
    lens[HYOKA_RS_NOTES] = strlen(huge);
    OK(hyoka_rs_options_init(&o));
    o.max_field = 1000;
    OK(hyoka_report_new(&rep));
    assert_int_equal(hyoka_rs_read_tables(in, lens, &o, &pf, rep), HYOKA_EINVALID);
    assert_int_equal(count_code(rep, "V007"), 1);
    hyoka_report_free(rep);

    /* no BOM, a BOM, rows for a project 1-1 does not list: warnings */
    memset(in, 0, sizeof in);
    in[HYOKA_RS_ORGANIZATION] = "\xEF\xBB\xBF" COMMON "\n" ROW("1") "\n";
    in[HYOKA_RS_NOTES] = COMMON ",備考\n" ROW("1") ",a\n" ROW("2") ",b\n";
    OK(hyoka_report_new(&rep));
    OK(read_texts(in, rep, &pf));
    assert_int_equal(count_code(rep, "V011"), 1);
    assert_int_equal(hyoka_portfolio_project_count(pf), 2);
    hyoka_portfolio_free(pf);
    hyoka_report_free(rep);

    /* nothing at all, and garbage: never a crash */
    memset(in, 0, sizeof in);
    OK(hyoka_report_new(&rep));
    OK(read_texts(in, rep, &pf));
    assert_int_equal(count_code(rep, "V010"), NT);
    assert_int_equal(hyoka_portfolio_project_count(pf), 0);
    hyoka_portfolio_free(pf);
    in[HYOKA_RS_SPENDING] = "\"\n\n,,,\"\"\"\r\r\n\xEF\xBB\xBF";
    in[HYOKA_RS_GOALS] = COMMON ",目標年度／目標値／実績値／達成率,0000,9999,99999\n" ROW("1") ",9.x,1,1,1\n";
    assert_int_equal(read_texts(in, rep, &pf), HYOKA_EINVALID);
    hyoka_report_free(rep);
    assert_int_equal(hyoka_rs_read_tables(NULL, lens, NULL, &pf, NULL), HYOKA_EINVAL);
}

/* Folders: file names with the year, a table missing, none at all. */
static void test_folders(void **state)
{
    char dir[] = "/tmp/hyoka-rs-XXXXXX", out[600], path[800];
    hyoka_report *rep = NULL;
    hyoka_portfolio *pf = read_sample(&rep), *back = NULL;
    struct stat st;
    (void)state;

    assert_non_null(mkdtemp(dir));
    snprintf(out, sizeof out, "%s/out", dir);
    OK(hyoka_rs_write_dir(pf, out, NULL, NULL));
    snprintf(path, sizeof path, "%s/2-1_RS_2024_予算・執行_サマリ.csv", out);
    assert_int_equal(stat(path, &st), 0);
    snprintf(path, sizeof path, "%s/6-1_RS_2024_その他備考.csv", out);
    assert_int_equal(stat(path, &st), 0);
    hyoka_report_free(rep);
    OK(hyoka_report_new(&rep));
    OK(hyoka_rs_read_dir(out, NULL, &back, rep));
    assert_true(hyoka_portfolio_equal(pf, back));
    hyoka_portfolio_free(back);
    assert_int_equal(unlink(path), 0);
    hyoka_report_free(rep);
    OK(hyoka_report_new(&rep));
    OK(hyoka_rs_read_dir(out, NULL, &back, rep));
    assert_int_equal(count_code(rep, "V010"), 1);
    assert_null(hyoka_project_text(find(back, "18556"), HYOKA_TEXT_OTHER_NOTES));
    hyoka_portfolio_free(back);
    hyoka_report_free(rep);
    OK(hyoka_report_new(&rep));
    assert_int_equal(hyoka_rs_read_dir(dir, NULL, &back, rep), HYOKA_EINVALID); /* only the folder out */
    assert_int_equal(count_code(rep, "V008"), 1);
    assert_null(back);
    {
        hyoka_rs_options o;
        OK(hyoka_rs_options_init(&o));
        o.flags = HYOKA_WRITE_REPLACE;
        o.year = 2030;
        OK(hyoka_rs_write_dir(pf, out, &o, NULL));
        snprintf(path, sizeof path, "%s/6-1_RS_2030_その他備考.csv", out);
        assert_int_equal(stat(path, &st), 0);
    }
    {
        char cmd[700];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        assert_int_equal(system(cmd), 0);
    }
    hyoka_report_free(rep);
    hyoka_portfolio_free(pf);
}

/* Allocation failures: reading and writing the sample's tables. */
static struct tables sweep_tables;
static const hyoka_portfolio *sweep_pf;

static int body_read(void *ctx)
{
    const char *texts[NT];
    hyoka_portfolio *pf = NULL;
    hyoka_report *rep = NULL;
    int rc;
    (void)ctx;
    for (int i = 0; i < NT; i++)
        texts[i] = sweep_tables.t[i];
    rc = hyoka_report_new(&rep);
    if (rc == HYOKA_OK)
        rc = hyoka_rs_read_tables(texts, sweep_tables.n, NULL, &pf, rep);
    if (rc == HYOKA_OK)
        assert_true(hyoka_portfolio_equal(pf, sweep_pf));
    else
        assert_null(pf);
    hyoka_portfolio_free(pf);
    hyoka_report_free(rep);
    return rc;
}

static int body_write(void *ctx)
{
    int rc = HYOKA_OK;
    (void)ctx;
    for (int i = 0; i < NT && rc == HYOKA_OK; i++) {
        char *out = NULL;
        size_t n = 0;
        rc = hyoka_rs_write_table(sweep_pf, i, NULL, &out, &n, NULL);
        if (rc == HYOKA_OK) {
            assert_int_equal(n, sweep_tables.n[i]);
            assert_memory_equal(out, sweep_tables.t[i], n);
        }
        hyoka_free(out);
    }
    return rc;
}

static void test_alloc_failures(void **state)
{
    hyoka_report *rep = NULL;
    hyoka_portfolio *pf = read_sample(&rep);
    (void)state;
    /* a part of the sample keeps the sweep short: projects 884 and 1319 */
    while (hyoka_portfolio_project_count(pf) > 2)
        OK(hyoka_portfolio_remove_project(pf, hyoka_portfolio_project_count(pf) == 5 ? 0 : 2));
    write_all(pf, &sweep_tables);
    sweep_pf = pf;
    failalloc_install();
    assert_true(failalloc_sweep(body_write, NULL) > 0);
    assert_true(failalloc_sweep(body_read, NULL) > 0);
    failalloc_uninstall();
    free_all(&sweep_tables);
    hyoka_portfolio_free(pf);
    hyoka_report_free(rep);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names_and_options), cmocka_unit_test(test_sample_model),
        cmocka_unit_test(test_sample_achievements),
        cmocka_unit_test(test_sample_roundtrip),  cmocka_unit_test(test_cells),
        cmocka_unit_test(test_order_and_kept),    cmocka_unit_test(test_header_spellings),
        cmocka_unit_test(test_goals),
        cmocka_unit_test(test_hostile),           cmocka_unit_test(test_folders),
        cmocka_unit_test(test_alloc_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
