/* CSV tables (csv.h, docs/csv.md): exact output, formula neutralisation,
 * missing versus empty text, full round trips (seeds, every field, deep
 * sub-projects, hostile text, the sample sheets), CP932, malformed input
 * with exact rows and columns, duplicate keys and codes, many rows of each
 * kind in about linear time, limits, folders, and allocation failures. */
#if !defined(_POSIX_C_SOURCE) || _POSIX_C_SOURCE < 200809L
#  undef _POSIX_C_SOURCE
#  define _POSIX_C_SOURCE 200809L
#endif

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

#include "docs.h"
#include "failalloc.h"
#include "seeds.h"

#define OK(x) assert_int_equal((x), HYOKA_OK)
#define NTS HYOKA_NTS
#define NT HYOKA_CSV_TABLE_COUNT

enum { ENC_BOM = HYOKA_ENCODING_UTF8_BOM, ENC_UTF8 = HYOKA_ENCODING_UTF8, ENC_CP932 = HYOKA_ENCODING_CP932 };

static hyoka_csv_options opts(int encoding)
{
    hyoka_csv_options o;
    OK(hyoka_csv_options_init(&o));
    o.encoding = encoding;
    return o;
}

static hyoka_decimal D(const char *s)
{
    hyoka_decimal d;
    OK(hyoka_decimal_parse(s, NTS, &d));
    return d;
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

struct tables {
    char *t[NT];
    size_t n[NT];
};

static void write_all(const hyoka_portfolio *pf, int encoding, struct tables *t)
{
    hyoka_csv_options o = opts(encoding);
    for (int i = 0; i < NT; i++) {
        int rc = hyoka_csv_write_table(pf, i, &o, &t->t[i], &t->n[i], NULL);
        if (rc != HYOKA_OK)
            fail_msg("write %s: %s", hyoka_csv_table_name(i), hyoka_error_last());
    }
}

static void free_all(struct tables *t)
{
    for (int i = 0; i < NT; i++) {
        hyoka_free(t->t[i]);
        t->t[i] = NULL;
    }
}

static void print_report(const hyoka_report *rep)
{
    for (size_t i = 0; i < hyoka_report_count(rep); i++) {
        int64_t line = 0, col = 0;
        hyoka_report_position(rep, i, &line, &col);
        print_message("  %s %lld:%lld %s %s\n", hyoka_report_code(rep, i), (long long)line, (long long)col,
                      hyoka_report_path(rep, i), hyoka_report_message(rep, i, HYOKA_LANG_EN));
    }
}

static hyoka_portfolio *read_all(const struct tables *t, int encoding)
{
    hyoka_csv_options o = opts(encoding);
    const char *texts[NT];
    hyoka_portfolio *pf = NULL;
    hyoka_report *rep = NULL;
    int rc;

    for (int i = 0; i < NT; i++)
        texts[i] = t->t[i];
    OK(hyoka_report_new(&rep));
    rc = hyoka_csv_read_tables(texts, t->n, &o, &pf, rep);
    if (rc != HYOKA_OK) {
        print_report(rep);
        fail_msg("read: %s", hyoka_error_last());
    }
    assert_int_equal(hyoka_report_count_severity(rep, HYOKA_SEVERITY_ERROR), 0);
    hyoka_report_free(rep);
    return pf;
}

/* write -> read gives an equal portfolio, and writing that again gives the
 * same bytes. */
static void roundtrip(const hyoka_portfolio *pf, int encoding)
{
    struct tables a = {{0}, {0}}, b = {{0}, {0}};
    hyoka_portfolio *back;

    write_all(pf, encoding, &a);
    back = read_all(&a, encoding);
    if (!hyoka_portfolio_equal(pf, back)) {
        char *j1 = NULL, *j2 = NULL;
        OK(hyoka_json_write(pf, 0, &j1, NULL));
        OK(hyoka_json_write(back, 0, &j2, NULL));
        print_message("before:\n%s\nafter:\n%s\n", j1, j2);
        hyoka_free(j1);
        hyoka_free(j2);
        fail_msg("round trip (encoding %d) changed the portfolio", encoding);
    }
    write_all(back, encoding, &b);
    for (int i = 0; i < NT; i++) {
        assert_int_equal(a.n[i], b.n[i]);
        assert_memory_equal(a.t[i], b.t[i], a.n[i]);
    }
    free_all(&a);
    free_all(&b);
    hyoka_portfolio_free(back);
}

static char *table_text(const hyoka_portfolio *pf, int table, int encoding, size_t *len)
{
    hyoka_csv_options o = opts(encoding);
    char *out = NULL;
    size_t n = 0;
    int rc = hyoka_csv_write_table(pf, table, &o, &out, &n, NULL);
    if (rc != HYOKA_OK)
        fail_msg("write %s: %s", hyoka_csv_table_name(table), hyoka_error_last());
    assert_int_equal(strlen(out), n);
    if (len)
        *len = n;
    return out;
}

static void expect_table(const hyoka_portfolio *pf, int table, const char *want)
{
    char *got = table_text(pf, table, ENC_UTF8, NULL);
    if (strcmp(got, want) != 0) {
        size_t i = 0;
        while (got[i] && got[i] == want[i])
            i++;
        print_message("first difference at byte %zu:\nwant: %.60s\ngot:  %.60s\n", i, want + i, got + i);
        fail_msg("table %s differs", hyoka_csv_table_name(table));
    }
    hyoka_free(got);
}

/* Read tables given as text (a NULL entry is absent). */
static int read_texts(const char *const in[NT], int encoding, hyoka_report *rep, hyoka_portfolio **out)
{
    hyoka_csv_options o = opts(encoding);
    size_t lens[NT];
    for (int i = 0; i < NT; i++)
        lens[i] = in[i] ? strlen(in[i]) : 0;
    return hyoka_csv_read_tables(in, lens, &o, out, rep);
}

static void expect_diag_(const hyoka_report *rep, size_t i, const char *code, int64_t line, int64_t col,
                         const char *path, const char *msg, const char *file, int at)
{
    int64_t l = -1, c = -1;
    if (i >= hyoka_report_count(rep)) {
        print_report(rep);
        _fail(file, at);
    }
    hyoka_report_position(rep, i, &l, &c);
    if (strcmp(hyoka_report_code(rep, i), code) != 0 || l != line || c != col ||
        (path && strcmp(hyoka_report_path(rep, i), path) != 0) ||
        (msg && !strstr(hyoka_report_message(rep, i, HYOKA_LANG_EN), msg))) {
        print_message("want %s %lld:%lld %s \"%s\"\n", code, (long long)line, (long long)col, path ? path : "*",
                      msg ? msg : "*");
        print_report(rep);
        _fail(file, at);
    }
}
#define EXPECT_DIAG(rep, i, code, line, col, path, msg) \
    expect_diag_((rep), (i), (code), (line), (col), (path), (msg), __FILE__, __LINE__)

/* Read and expect failure with exactly @p count diagnostics. */
static hyoka_report *read_bad(const char *const in[NT], int encoding, size_t count)
{
    hyoka_report *rep = NULL;
    hyoka_portfolio *pf = (hyoka_portfolio *)1;
    OK(hyoka_report_new(&rep));
    assert_int_equal(read_texts(in, encoding, rep, &pf), HYOKA_EINVALID);
    assert_null(pf);
    assert_int_equal(hyoka_error_last_code(), HYOKA_EINVALID);
    if (hyoka_report_count(rep) != count) {
        print_report(rep);
        fail_msg("expected %zu diagnostics, got %zu", count, hyoka_report_count(rep));
    }
    return rep;
}

static hyoka_portfolio *read_good(const char *const in[NT], int encoding, hyoka_report **report)
{
    hyoka_report *rep = NULL;
    hyoka_portfolio *pf = NULL;
    int rc;
    OK(hyoka_report_new(&rep));
    rc = read_texts(in, encoding, rep, &pf);
    if (rc != HYOKA_OK) {
        print_report(rep);
        fail_msg("read failed: %s", hyoka_error_last());
    }
    if (report)
        *report = rep;
    else
        hyoka_report_free(rep);
    return pf;
}

static hyoka_project *new_project(hyoka_portfolio *pf, const char *code, const char *name)
{
    hyoka_project *p = NULL;
    OK(hyoka_project_new(&p));
    if (code)
        OK(hyoka_project_set_code(p, code, NTS));
    if (name)
        OK(hyoka_project_set_name(p, name, NTS));
    OK(hyoka_portfolio_add_project(pf, p));
    return p;
}

static hyoka_project *new_child(hyoka_project *parent, const char *code, const char *name)
{
    hyoka_project *p = NULL;
    OK(hyoka_project_new(&p));
    if (code)
        OK(hyoka_project_set_code(p, code, NTS));
    if (name)
        OK(hyoka_project_set_name(p, name, NTS));
    OK(hyoka_project_add_child(parent, p));
    return p;
}

/* ------------------------------------------------------------------------ */
/* Names and options                                                         */

static void test_names_and_options(void **state)
{
    static const char *const names[NT] = {
        "document", "denominators", "projects", "classes", "extensions", "years", "staff",
        "indicators", "values", "evaluations", "answers", "comments", "goals", "schemes",
    };
    hyoka_csv_options o;
    hyoka_portfolio *pf = NULL;
    char *out = NULL;
    size_t n = 0;
    const char *texts[NT] = {0};
    size_t lens[NT] = {0};
    (void)state;

    for (int i = 0; i < NT; i++)
        assert_string_equal(hyoka_csv_table_name(i), names[i]);
    assert_null(hyoka_csv_table_name(-1));
    assert_null(hyoka_csv_table_name(NT));
    OK(hyoka_csv_options_init(&o));
    assert_int_equal(o.size, sizeof o);
    assert_int_equal(o.encoding, HYOKA_ENCODING_UTF8_BOM);
    assert_int_equal(o.max_field, 1u << 20);
    assert_int_equal(o.max_row, 4u << 20);
    assert_int_equal(o.max_diagnostics, 1000);
    assert_int_equal(hyoka_csv_options_init(NULL), HYOKA_EINVAL);

    OK(hyoka_portfolio_new(&pf));
    assert_int_equal(hyoka_csv_write_table(NULL, 0, NULL, &out, &n, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_csv_write_table(pf, -1, NULL, &out, &n, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_csv_write_table(pf, NT, NULL, &out, &n, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_csv_write_table(pf, 0, NULL, NULL, &n, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_csv_write_table(pf, 0, NULL, &out, NULL, NULL), HYOKA_EINVAL);
    o.size = sizeof o - 1;
    assert_int_equal(hyoka_csv_write_table(pf, 0, &o, &out, &n, NULL), HYOKA_EINVAL);
    o = opts(7);
    assert_int_equal(hyoka_csv_write_table(pf, 0, &o, &out, &n, NULL), HYOKA_EINVAL);
    hyoka_portfolio_free(pf);
    o = opts(ENC_UTF8);
    o.max_field = 0;
    assert_int_equal(hyoka_csv_read_tables(texts, lens, &o, &pf, NULL), HYOKA_EINVAL);
    assert_null(pf);
    assert_int_equal(hyoka_csv_read_tables(NULL, lens, NULL, &pf, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_csv_read_tables(texts, NULL, NULL, &pf, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_csv_read_tables(texts, lens, NULL, NULL, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_csv_write_dir(NULL, "x", NULL, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_csv_read_dir(NULL, NULL, &pf, NULL), HYOKA_EINVAL);

    /* No table at all: an empty portfolio. */
    OK(hyoka_csv_read_tables(texts, lens, NULL, &pf, NULL));
    assert_non_null(pf);
    assert_int_equal(hyoka_portfolio_project_count(pf), 0);
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Exact output                                                              */

static hyoka_portfolio *small_portfolio(void)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *p, *c;
    hyoka_costs *y = NULL;
    hyoka_staff *s = NULL;
    hyoka_decimal d;

    OK(hyoka_portfolio_new(&pf));
    OK(hyoka_portfolio_set_municipality(pf, "所沢市", NTS, "112089", NTS));
    OK(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_THOUSAND_YEN));
    OK(hyoka_portfolio_set_denominator(pf, 2007, HYOKA_COST_POPULATION, 339300));
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_PER_CAPITA, 2, HYOKA_ROUND_DOWN, HYOKA_UNIT_THOUSAND_YEN));
    p = new_project(pf, "010802", "情報セキュリティ, \"対策\"");
    OK(hyoka_project_set_duty(p, HYOKA_DUTY_AUTONOMOUS));
    OK(hyoka_project_set_period_years(p, 2003, 0));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_PURPOSE, "職員の意識を\r\n向上させる", NTS));
    OK(hyoka_project_set_extension(p, "部課コード", NTS, "010800", NTS));
    OK(hyoka_project_add_year(p, 2007, &y));
    OK(hyoka_costs_set_phase(y, HYOKA_PHASE_SETTLED));
    OK(hyoka_costs_set(y, HYOKA_COST_SETTLEMENT, 1068978));
    OK(hyoka_costs_set(y, HYOKA_COST_GENERAL, 1068000));
    OK(hyoka_costs_set(y, HYOKA_COST_OTHER, -500));
    OK(hyoka_costs_set(y, HYOKA_COST_USAGE, 1054));
    d = D("1068.978");
    OK(hyoka_costs_set_stated(y, HYOKA_FIG_TOTAL_COST, &d, HYOKA_UNIT_THOUSAND_YEN));
    d = D("16627000");
    OK(hyoka_costs_set_stated(y, HYOKA_FIG_PERSONNEL, &d, HYOKA_UNIT_YEN));
    d = D("0.05");
    OK(hyoka_costs_set_stated(y, HYOKA_FIG_PER_CAPITA, &d, HYOKA_UNIT_THOUSAND_YEN));
    d = D("49.0");
    OK(hyoka_costs_set_stated(y, HYOKA_FIG_PER_HOUSEHOLD, &d, HYOKA_UNIT_YEN));
    d = D("98.30");
    OK(hyoka_costs_set_stated(y, HYOKA_FIG_EXECUTION_RATE, &d, HYOKA_UNIT_YEN));
    OK(hyoka_costs_add_staff(y, HYOKA_CATEGORY_REGULAR, &s));
    d = D("0.30");
    OK(hyoka_staff_set_decimal(s, HYOKA_STAFF_FTE, &d));
    OK(hyoka_staff_set_amount(s, HYOKA_STAFF_AMOUNT, 2520000));
    OK(hyoka_costs_add_staff(y, HYOKA_UNSET, NULL));
    c = new_child(p, "01", NULL);
    OK(hyoka_project_set_extension(c, "note", NTS, "=1+1", NTS));
    OK(hyoka_project_set_extension(c, "empty", NTS, "", NTS));
    OK(hyoka_project_add_year(c, 2007, NULL));
    OK(hyoka_project_add_year(c, 2007, NULL));
    return pf;
}

static void test_exact_output(void **state)
{
    hyoka_portfolio *pf = small_portfolio();
    char *bom;
    size_t n = 0;
    (void)state;

    expect_table(pf, HYOKA_CSV_DOCUMENT,
                 "key,value\r\n"
                 "format,hyoka/1\r\n"
                 "amount_unit,thousand_yen\r\n"
                 "municipality.name,所沢市\r\n"
                 "municipality.code,112089\r\n"
                 "stated_tolerance,0\r\n"
                 "rounding.per_capita.places,2\r\n"
                 "rounding.per_capita.mode,down\r\n"
                 "rounding.per_capita.unit,thousand_yen\r\n");
    expect_table(pf, HYOKA_CSV_DENOMINATORS,
                 "fiscal_year,population,households\r\n"
                 "2007,339300,\r\n");
    expect_table(pf, HYOKA_CSV_PROJECTS,
                 "project,code,name,department,section,group,head,contact,phone,duty,period,start_fiscal_year,"
                 "end_fiscal_year,legal_basis,purpose,target,intent,result,summary,background,environment,opinions,"
                 "activities_done,activities_planned\r\n"
                 "1,010802,\"情報セキュリティ, \"\"対策\"\"\",,,,,,,autonomous,,2003,,,\"職員の意識を\r\n向上させる\","
                 ",,,,,,,,\r\n"
                 "1.1,01,,,,,,,,,,,,,,,,,,,,,,\r\n");
    expect_table(pf, HYOKA_CSV_EXTENSIONS,
                 "project,key,value\r\n"
                 "1,部課コード,010800\r\n"
                 "1.1,note,'=1+1\r\n"
                 "1.1,empty,\"\"\r\n");
    expect_table(pf, HYOKA_CSV_YEARS,
                 "project,fiscal_year,year_index,phase,initial_budget,final_budget,settlement,national,prefectural,"
                 "bonds,user_charges,other,general,debt_service,indirect_costs,usage,beneficiaries,population,"
                 "households,stated_expense,stated_expense_unit,stated_personnel,stated_personnel_unit,"
                 "stated_debt_service,stated_debt_service_unit,stated_indirect_costs,stated_indirect_costs_unit,"
                 "stated_total_cost,stated_total_cost_unit,stated_general_revenue,stated_general_revenue_unit,"
                 "stated_specific_revenue,stated_specific_revenue_unit,stated_per_capita,stated_per_capita_unit,"
                 "stated_per_household,stated_per_household_unit,stated_unit_cost,stated_unit_cost_unit,"
                 "stated_per_beneficiary,stated_per_beneficiary_unit,stated_execution_rate,stated_personnel_share,"
                 "stated_general_revenue_share,stated_total_cost_change\r\n"
                 /* project..phase, initial/final/settlement, funding x6, debt, indirect, 4 counts */
                 "1,2007,,settled,,,1068.978,,,,,-0.5,1068,,,1054,,,,"
                 /* expense, personnel (yen: not the implied thousand_yen), debt, indirect */
                 ",,16627000,yen,,,,,"
                 /* total_cost (implied), general, specific */
                 "1068.978,,,,,,"
                 /* per_capita (implied thousand_yen by the rounding rule), per_household (yen) */
                 "0.05,,49.0,,,,,,"
                 /* percentages */
                 "98.30,,,\r\n"
                 "1.1,2007,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n"
                 "1.1,2007,2,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n");
    expect_table(pf, HYOKA_CSV_STAFF,
                 "project,fiscal_year,year_index,staff_index,category,headcount,fte,hours,unit_cost,hourly_rate,"
                 "amount\r\n"
                 "1,2007,,1,regular,,0.30,,,,2520\r\n"
                 "1,2007,,2,,,,,,,\r\n");
    expect_table(pf, HYOKA_CSV_ANSWERS, "project,evaluation,criterion,answer\r\n");
    expect_table(pf, HYOKA_CSV_SCHEMES, "scheme,element,criterion,code,label,weight,required,score,min,max,group,kind\r\n");

    /* The default encoding starts with a BOM. */
    bom = table_text(pf, HYOKA_CSV_DENOMINATORS, ENC_BOM, &n);
    assert_int_equal(n, 3 + strlen("fiscal_year,population,households\r\n2007,339300,\r\n"));
    assert_memory_equal(bom, "\xEF\xBB\xBF" "fiscal_year,", 15);
    hyoka_free(bom);
    roundtrip(pf, ENC_BOM);
    roundtrip(pf, ENC_UTF8);
    roundtrip(pf, ENC_CP932);
    hyoka_portfolio_free(pf);
}

/* In CP932 the bytes are the CP932 form of the UTF-8 output, no BOM. */
static void test_cp932_output(void **state)
{
    hyoka_portfolio *pf = small_portfolio();
    char *u, *c, *conv = NULL;
    size_t un = 0, cn = 0, convn = 0;
    (void)state;
    for (int t = 0; t < NT; t++) {
        u = table_text(pf, t, ENC_UTF8, &un);
        c = table_text(pf, t, ENC_CP932, &cn);
        OK(hyoka_cp932_encode(u, un, &conv, &convn, NULL));
        assert_int_equal(cn, convn);
        assert_memory_equal(c, conv, cn);
        hyoka_free(u);
        hyoka_free(c);
        hyoka_free(conv);
    }
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Formula neutralisation, missing and empty text                            */

static void test_formulas(void **state)
{
    hyoka_portfolio *pf = NULL, *back;
    hyoka_project *p;
    hyoka_costs *y = NULL;
    hyoka_indicator *ind = NULL;
    hyoka_decimal d;
    struct tables t = {{0}, {0}};
    (void)state;

    OK(hyoka_portfolio_new(&pf));
    p = new_project(pf, "＋81", "=SUM(A1)");
    OK(hyoka_project_set_text(p, HYOKA_TEXT_PURPOSE, "+1", NTS));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_TARGET, "-1", NTS));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_INTENT, "@x", NTS));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_RESULT, "\t=", NTS));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_SUMMARY, "＝1", NTS));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_BACKGROUND, "'=x", NTS));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_ENVIRONMENT, "'abc", NTS));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_OPINIONS, "a=b", NTS));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_ACTIVITIES_DONE, "''+", NTS));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_ACTIVITIES_PLANNED, "\r=1", NTS));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_LEGAL_BASIS, "－全角", NTS));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_DEPARTMENT, "＠部", NTS));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_SECTION, "'", NTS));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_PHONE, " -2 ", NTS));
    OK(hyoka_project_set_extension(p, "-key", NTS, "-3", NTS));
    OK(hyoka_project_add_year(p, 2007, &y));
    OK(hyoka_costs_set(y, HYOKA_COST_SETTLEMENT, -3));
    OK(hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &ind));
    d = D("-3.50");
    OK(hyoka_indicator_set_value(ind, 2007, HYOKA_VALUE_ACTUAL, &d));

    expect_table(pf, HYOKA_CSV_PROJECTS,
                 "project,code,name,department,section,group,head,contact,phone,duty,period,start_fiscal_year,"
                 "end_fiscal_year,legal_basis,purpose,target,intent,result,summary,background,environment,opinions,"
                 "activities_done,activities_planned\r\n"
                 "1,'＋81,'=SUM(A1),'＠部,',,,,\" -2 \",,,,,'－全角,'+1,'-1,'@x,\"'\t=\",'＝1,''=x,'abc,a=b,'''+,"
                 "\"'\r=1\"\r\n");
    expect_table(pf, HYOKA_CSV_EXTENSIONS, "project,key,value\r\n1,'-key,'-3\r\n");
    expect_table(pf, HYOKA_CSV_VALUES,
                 "project,indicator,fiscal_year,target,actual,forecast,stated_achievement\r\n"
                 "1,1,2007,,-3.50,,\r\n");
    write_all(pf, ENC_UTF8, &t);
    assert_non_null(strstr(t.t[HYOKA_CSV_YEARS], "\r\n1,2007,,,,,-3,"));
    back = read_all(&t, ENC_UTF8);
    assert_true(hyoka_portfolio_equal(pf, back));
    p = hyoka_portfolio_project_at(back, 0);
    assert_string_equal(hyoka_project_name(p), "=SUM(A1)");
    assert_string_equal(hyoka_project_text(p, HYOKA_TEXT_RESULT), "\t=");
    assert_string_equal(hyoka_project_text(p, HYOKA_TEXT_BACKGROUND), "'=x");
    assert_string_equal(hyoka_project_text(p, HYOKA_TEXT_ENVIRONMENT), "'abc");
    assert_string_equal(hyoka_project_text(p, HYOKA_TEXT_SECTION), "'");
    assert_string_equal(hyoka_project_extension(p, "-key", NTS), "-3");
    free_all(&t);
    hyoka_portfolio_free(back);
    roundtrip(pf, ENC_CP932);
    hyoka_portfolio_free(pf);
}

/* A hand-written cell: a leading apostrophe before a formula start is
 * dropped, anything else is kept; numbers are never touched. */
static void test_apostrophe_on_input(void **state)
{
    const char *in[NT] = {0};
    hyoka_portfolio *pf;
    hyoka_project *p;
    hyoka_costs *y;
    int64_t v = 0;
    (void)state;

    in[HYOKA_CSV_PROJECTS] = "project,code,name,purpose,target\n"
                             "1,'=1,'x,=2,''@\n";
    in[HYOKA_CSV_YEARS] = "project,fiscal_year,settlement\n1,2007,-3\n";
    pf = read_good(in, ENC_UTF8, NULL);
    p = hyoka_portfolio_project_at(pf, 0);
    assert_string_equal(hyoka_project_code(p), "=1");
    assert_string_equal(hyoka_project_name(p), "'x");
    assert_string_equal(hyoka_project_text(p, HYOKA_TEXT_PURPOSE), "=2");
    assert_string_equal(hyoka_project_text(p, HYOKA_TEXT_TARGET), "'@");
    y = hyoka_project_year_at(p, 0);
    assert_int_equal(hyoka_costs_get(y, HYOKA_COST_SETTLEMENT, &v), 1);
    assert_int_equal(v, -3);
    hyoka_portfolio_free(pf);
}

static void test_missing_and_empty(void **state)
{
    hyoka_portfolio *pf = NULL, *back;
    hyoka_project *p;
    hyoka_indicator *ind = NULL;
    hyoka_evaluation *e = NULL;
    struct tables t = {{0}, {0}};
    (void)state;

    OK(hyoka_portfolio_new(&pf));
    OK(hyoka_portfolio_set_municipality(pf, "", 0, NULL, 0));
    p = new_project(pf, NULL, "");
    OK(hyoka_project_set_text(p, HYOKA_TEXT_PURPOSE, " ", NTS));
    OK(hyoka_project_add_class(p, HYOKA_CLASS_POLICY, "", 0, NULL, 0, "x", NTS));
    OK(hyoka_project_add_indicator(p, HYOKA_UNSET, &ind));
    OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_UNIT, "", 0));
    OK(hyoka_indicator_add_year(ind, 2010));
    OK(hyoka_project_add_evaluation(p, HYOKA_UNSET, &e));
    OK(hyoka_evaluation_set_answer(e, "relevance", NTS, "", 0));
    OK(hyoka_evaluation_set_comment(e, "reason", NTS, "", 0));
    OK(hyoka_evaluation_add_goal(e, NULL, 0, "", 0, 0));

    expect_table(pf, HYOKA_CSV_DOCUMENT,
                 "key,value\r\nformat,hyoka/1\r\namount_unit,yen\r\nmunicipality.name,\"\"\r\n"
                 "municipality.code,\r\nstated_tolerance,0\r\n");
    expect_table(pf, HYOKA_CSV_CLASSES, "project,path,position,level,code,name\r\n1,policy,1,\"\",,x\r\n");
    expect_table(pf, HYOKA_CSV_ANSWERS, "project,evaluation,criterion,answer\r\n1,1,relevance,\"\"\r\n");
    expect_table(pf, HYOKA_CSV_GOALS, "project,evaluation,goal,what,level,by\r\n1,1,1,,\"\",\r\n");
    write_all(pf, ENC_BOM, &t);
    back = read_all(&t, ENC_BOM);
    assert_true(hyoka_portfolio_equal(pf, back));
    p = hyoka_portfolio_project_at(back, 0);
    assert_null(hyoka_project_code(p));
    assert_string_equal(hyoka_project_name(p), "");
    assert_string_equal(hyoka_project_text(p, HYOKA_TEXT_PURPOSE), " ");
    assert_string_equal(hyoka_portfolio_municipality_name(back), "");
    assert_null(hyoka_portfolio_municipality_code(back));
    free_all(&t);
    hyoka_portfolio_free(back);
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Round trips                                                               */

static void test_roundtrip_seeds(void **state)
{
    (void)state;
    for (int s = 1; s <= SEED_COUNT; s++) {
        hyoka_portfolio *pf = NULL;
        OK(seed_build(s, &pf));
        roundtrip(pf, ENC_BOM);
        roundtrip(pf, ENC_UTF8);
        roundtrip(pf, ENC_CP932);
        hyoka_portfolio_free(pf);
    }
}

static const char HOSTILE[] = "\"quoted\", with commas,\r\nCRLF\nLF\rCR \t tab ' apostrophe ~ / ~1 \\ 𠮷 😀";

/* Every field of the model set, several times where it repeats. */
static hyoka_portfolio *full_portfolio(bool cp932_safe)
{
    hyoka_portfolio *pf = NULL;
    hyoka_scheme *s = NULL;
    hyoka_project *p, *c, *g;
    hyoka_costs *y = NULL;
    hyoka_staff *st = NULL;
    hyoka_indicator *ind = NULL;
    hyoka_evaluation *e = NULL;
    hyoka_decimal d, d2;
    size_t ci = 0;
    const char *hostile = cp932_safe ? "\"quoted\", with commas,\r\nCRLF\nLF\rCR \t tab ' ～ / ~1 \\ 髙﨑" : HOSTILE;

    OK(hyoka_portfolio_new(&pf));
    OK(hyoka_portfolio_set_municipality(pf, "真岡市", NTS, "092096", NTS));
    OK(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_THOUSAND_YEN));
    OK(hyoka_portfolio_set_stated_tolerance(pf, 2));
    OK(hyoka_portfolio_set_denominator(pf, 2016, HYOKA_COST_POPULATION, 80000));
    OK(hyoka_portfolio_set_denominator(pf, 2016, HYOKA_COST_HOUSEHOLDS, 30000));
    OK(hyoka_portfolio_set_denominator(pf, 2015, HYOKA_COST_HOUSEHOLDS, 29000));
    OK(hyoka_portfolio_set_denominator(pf, 2014, HYOKA_COST_HOUSEHOLDS, 1));
    OK(hyoka_portfolio_clear_denominator(pf, 2014, HYOKA_COST_HOUSEHOLDS));
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_PER_CAPITA, 2, HYOKA_ROUND_HALF_EVEN, HYOKA_UNIT_THOUSAND_YEN));
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_UNIT_COST, 0, HYOKA_ROUND_UP, HYOKA_UNIT_YEN));
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_ACHIEVEMENT, 3, HYOKA_ROUND_CEILING, HYOKA_UNIT_YEN));
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_SCORE, 18, HYOKA_ROUND_FLOOR, HYOKA_UNIT_YEN));

    /* schemes */
    OK(hyoka_scheme_new(&s, "city-x", NTS));
    OK(hyoka_scheme_set_name(s, hostile, NTS));
    d = D("0.5");
    OK(hyoka_scheme_add_criterion(s, "relevance", NTS, "妥当性", NTS, &d, &ci));
    OK(hyoka_scheme_set_required(s, ci, 1));
    d = D("3");
    OK(hyoka_scheme_add_option(s, ci, "A", NTS, "妥当", NTS, &d));
    OK(hyoka_scheme_add_option(s, ci, "B", NTS, NULL, 0, NULL));
    OK(hyoka_scheme_add_option(s, ci, "=C", NTS, "", 0, NULL));
    OK(hyoka_scheme_add_criterion(s, "score", NTS, NULL, 0, NULL, &ci));
    d = D("0.0");
    d2 = D("100");
    OK(hyoka_scheme_set_range(s, ci, &d, &d2));
    OK(hyoka_scheme_add_criterion(s, "open", NTS, "", 0, NULL, &ci));
    OK(hyoka_scheme_set_range(s, ci, NULL, NULL));
    OK(hyoka_scheme_add_criterion(s, "low", NTS, "x", NTS, NULL, &ci));
    d = D("-5");
    OK(hyoka_scheme_set_range(s, ci, &d, NULL));
    OK(hyoka_scheme_add_verdict(s, "maintain", NTS, "現状継続", NTS, HYOKA_VERDICT_CONTINUE));
    OK(hyoka_scheme_add_verdict(s, "end", NTS, NULL, 0, HYOKA_VERDICT_END));
    OK(hyoka_scheme_add_budget(s, "same", NTS, "現状どおり", NTS, HYOKA_BUDGET_SAME));
    OK(hyoka_scheme_add_budget(s, "up", NTS, NULL, 0, HYOKA_BUDGET_INCREASE));
    d = D("85");
    OK(hyoka_scheme_add_band(s, &d, "effective", NTS, "Effective", NTS));
    d = D("50.5");
    OK(hyoka_scheme_add_band(s, &d, "adequate", NTS, NULL, 0));
    OK(hyoka_scheme_set_missing_rating(s, "rnd", NTS, "Results Not Demonstrated", NTS));
    OK(hyoka_portfolio_add_scheme(pf, s));
    s = NULL;
    OK(hyoka_scheme_new(&s, "bare", NTS));
    OK(hyoka_portfolio_add_scheme(pf, s));

    /* a project with everything */
    p = new_project(pf, "00832", hostile);
    for (int f = HYOKA_TEXT_DEPARTMENT; f <= HYOKA_TEXT_ACTIVITIES_PLANNED; f++) {
        char text[64];
        snprintf(text, sizeof text, "テキスト %d", f);
        OK(hyoka_project_set_text(p, f, text, NTS));
    }
    OK(hyoka_project_set_duty(p, HYOKA_DUTY_STATUTORY_ENTRUSTED));
    OK(hyoka_project_set_period(p, HYOKA_PERIOD_FIXED_TERM));
    OK(hyoka_project_set_period_years(p, 2016, 2020));
    OK(hyoka_project_add_class(p, HYOKA_CLASS_POLICY, "政策", NTS, "8", NTS, "計画", NTS));
    OK(hyoka_project_add_class(p, HYOKA_CLASS_POLICY, NULL, 0, NULL, 0, NULL, 0));
    OK(hyoka_project_add_class(p, HYOKA_CLASS_ACCOUNT, "会計", NTS, "1", NTS, "一般会計", NTS));
    OK(hyoka_project_set_extension(p, "a/b~c", NTS, hostile, NTS));
    OK(hyoka_project_set_extension(p, "+formula", NTS, "@SUM(1)", NTS));
    OK(hyoka_project_set_extension(p, "empty", NTS, "", 0));

    for (int k = 0; k < 3; k++) {
        OK(hyoka_project_add_year(p, k == 2 ? 2016 : 2016 + k, &y));
        OK(hyoka_costs_set_phase(y, k));
        for (int f = 0; f <= HYOKA_COST_HOUSEHOLDS; f++)
            OK(hyoka_costs_set(y, f, f < HYOKA_COST_USAGE ? (int64_t)1068978 * (f + 1) - k * 7 - (f == 7 ? 3000000 : 0)
                                                          : (int64_t)f * 100 + k));
        for (int f = 0; f <= HYOKA_FIG_TOTAL_COST_CHANGE; f++) {
            char text[32];
            snprintf(text, sizeof text, "%d.%0*d", f * 10 + k, f % 4, 0);
            if (f % 4 == 0)
                snprintf(text, sizeof text, "%d", f * 10 + k);
            d = D(text);
            OK(hyoka_costs_set_stated(y, f, &d,
                                      f <= HYOKA_FIG_PER_BENEFICIARY && (f + k) % 2 ? HYOKA_UNIT_YEN
                                                                                     : (f <= HYOKA_FIG_PER_BENEFICIARY
                                                                                            ? HYOKA_UNIT_THOUSAND_YEN
                                                                                            : HYOKA_UNIT_YEN)));
        }
        for (int j = 0; j < 2 + k; j++) {
            OK(hyoka_costs_add_staff(y, j % 4, &st));
            d = D("2");
            OK(hyoka_staff_set_decimal(st, HYOKA_STAFF_HEADCOUNT, &d));
            d = D("0.30");
            OK(hyoka_staff_set_decimal(st, HYOKA_STAFF_FTE, &d));
            d = D("1200.5");
            OK(hyoka_staff_set_decimal(st, HYOKA_STAFF_HOURS, &d));
            OK(hyoka_staff_set_amount(st, HYOKA_STAFF_UNIT_COST, 8400000));
            OK(hyoka_staff_set_amount(st, HYOKA_STAFF_HOURLY_RATE, 2501));
            OK(hyoka_staff_set_amount(st, HYOKA_STAFF_AMOUNT, 2520001 + j));
        }
    }
    OK(hyoka_project_add_year(p, 2019, NULL));

    for (int k = 0; k < 4; k++) {
        OK(hyoka_project_add_indicator(p, k, &ind));
        OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NAME, hostile, NTS));
        OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_UNIT, k ? "%" : "人", NTS));
        OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_DEFINITION, "定義", NTS));
        OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NOT_SETTABLE_REASON, k == 1 ? "理由" : NULL, NTS));
        OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_LONG_TERM_NOTE, k == 2 ? "年60~120人程度" : NULL, NTS));
        OK(hyoka_indicator_set_direction(ind, k < 3 ? k : HYOKA_UNSET));
        OK(hyoka_indicator_set_not_settable(ind, k == 1));
        d = D("80.0");
        OK(hyoka_indicator_set_long_term(ind, k == 3 ? NULL : &d, k == 0 ? 0 : 2025));
        OK(hyoka_indicator_add_year(ind, 2018));
        for (int f = 0; f < 4; f++) {
            d = D(f == 3 ? "98.30" : "-1.5");
            OK(hyoka_indicator_set_value(ind, 2016 + f, f, &d));
        }
    }

    for (int k = 0; k < 3; k++) {
        OK(hyoka_project_add_evaluation(p, k + 1, &e));
        OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_EVALUATOR, "課長", NTS));
        OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_SCHEME, k ? "city-x" : NULL, NTS));
        OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_VERDICT, "maintain", NTS));
        OK(hyoka_evaluation_set_text(e, HYOKA_EVAL_BUDGET, "-", NTS));
        OK(hyoka_evaluation_set_fiscal_year(e, 2017));
        OK(hyoka_evaluation_set_date(e, k == 1 ? 20081200 : 20080515));
        OK(hyoka_evaluation_set_expected(e, k % 3, (k + 1) % 3));
        OK(hyoka_evaluation_set_answer(e, "relevance", NTS, "A", NTS));
        OK(hyoka_evaluation_set_answer(e, "score", NTS, "-12.5", NTS));
        OK(hyoka_evaluation_set_answer(e, hostile, NTS, hostile, NTS));
        OK(hyoka_evaluation_set_comment(e, "reason", NTS, hostile, NTS));
        OK(hyoka_evaluation_set_comment(e, "issues", NTS, "課題", NTS));
        OK(hyoka_evaluation_add_goal(e, "what", NTS, "level", NTS, 20081200));
        OK(hyoka_evaluation_add_goal(e, NULL, 0, NULL, 0, 0));
        OK(hyoka_evaluation_add_goal(e, hostile, NTS, "=", NTS, 20090331));
    }
    OK(hyoka_project_add_evaluation(p, HYOKA_UNSET, NULL));

    /* sub-projects: two children, a grandchild, and an empty project */
    c = new_child(p, "01", "細事業1");
    OK(hyoka_project_add_year(c, 2016, NULL));
    g = new_child(c, "01-1", "孫");
    OK(hyoka_project_set_extension(g, "k", NTS, "v", NTS));
    c = new_child(p, "02", "細事業2");
    OK(hyoka_project_add_indicator(c, HYOKA_UNSET, NULL));
    new_project(pf, NULL, NULL);
    p = new_project(pf, "3", "third");
    c = new_child(p, NULL, NULL);
    OK(hyoka_project_add_evaluation(c, HYOKA_STAGE_SELF, &e));
    OK(hyoka_evaluation_add_goal(e, "g", NTS, NULL, 0, 0));
    return pf;
}

static void test_roundtrip_full(void **state)
{
    hyoka_portfolio *pf = full_portfolio(false), *safe = full_portfolio(true);
    hyoka_csv_options o = opts(ENC_CP932);
    hyoka_report *rep = NULL;
    char *out = (char *)1;
    size_t n = 0;
    (void)state;

    roundtrip(pf, ENC_BOM);
    roundtrip(pf, ENC_UTF8);
    roundtrip(safe, ENC_CP932);
    roundtrip(safe, ENC_UTF8);
    /* in yen as well */
    OK(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_YEN));
    roundtrip(pf, ENC_UTF8);

    /* CP932 cannot hold 𠮷 and 😀: an error naming the cell, nothing written. */
    OK(hyoka_report_new(&rep));
    assert_int_equal(hyoka_csv_write_table(pf, HYOKA_CSV_PROJECTS, &o, &out, &n, rep), HYOKA_EENCODING);
    assert_non_null(strstr(hyoka_error_last(), "projects: row 2, column 3 (name): U+20BB7"));
    EXPECT_DIAG(rep, 0, "V003", 2, 3, "/projects/0/name", "projects: row 2, column 3 (name): U+20BB7");
    assert_int_equal(hyoka_report_count(rep), 1);
    hyoka_report_free(rep);
    OK(hyoka_report_new(&rep));
    assert_int_equal(hyoka_csv_write_table(pf, HYOKA_CSV_SCHEMES, &o, &out, &n, rep), HYOKA_EENCODING);
    EXPECT_DIAG(rep, 0, "V003", 2, 5, "/schemes/0/name", "schemes: row 2, column 5 (label)");
    hyoka_report_free(rep);
    OK(hyoka_report_new(&rep));
    assert_int_equal(hyoka_csv_write_table(pf, HYOKA_CSV_EXTENSIONS, &o, &out, &n, rep), HYOKA_EENCODING);
    EXPECT_DIAG(rep, 0, "V003", 2, 3, "/projects/0/extensions/a~1b~0c", "extensions: row 2, column 3 (value)");
    hyoka_report_free(rep);
    hyoka_portfolio_free(pf);
    hyoka_portfolio_free(safe);
}

static void test_roundtrip_deep(void **state)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *p;
    struct tables t = {{0}, {0}};
    (void)state;
    OK(hyoka_portfolio_new(&pf));
    p = new_project(pf, "root", NULL);
    /* As deep as the reader reads (29 levels: V009 beyond, test_deep_nesting). */
    for (int i = 0; i < 28; i++) {
        p = new_child(p, "d", "深い");
        OK(hyoka_project_add_year(p, 2000 + i, NULL));
        if (i % 7 == 0)
            new_child(hyoka_project_parent(p), "sibling", NULL);
    }
    roundtrip(pf, ENC_UTF8);
    write_all(pf, ENC_UTF8, &t);
    assert_non_null(strstr(t.t[HYOKA_CSV_PROJECTS], "\r\n1.1.1.1.1.1.1.1.1.1.1.1,d,深い,"));
    free_all(&t);
    hyoka_portfolio_free(pf);
}

/* Sub-projects nested 1,200 deep: V009 for every row below the 29th level
 * (the hyoka/1 form would nest deeper than 64, the JSON reader's default),
 * the read fails, nothing crashes; 29 levels read and validate. */
static void test_deep_nesting(void **state)
{
    const size_t levels = 1200;
    char *pj = malloc(levels * (levels * 2 + 8) + 64), *pos = malloc(levels * 2 + 8);
    const char *in[NT] = {0};
    hyoka_report *rep;
    size_t o = 0, pl = 0;
    (void)state;

    assert_non_null(pj);
    assert_non_null(pos);
    o += (size_t)sprintf(pj + o, "project,code,name\r\n");
    for (size_t k = 1; k <= levels; k++) {
        pl += (size_t)sprintf(pos + pl, "%s1", k > 1 ? "." : "");
        o += (size_t)sprintf(pj + o, "%s,P%zu,level %zu\r\n", pos, k, k);
    }
    in[HYOKA_CSV_PROJECTS] = pj;
    rep = read_bad(in, ENC_UTF8, 1000); /* the default limit */
    assert_int_equal(hyoka_report_total(rep), levels - 29);
    assert_int_equal(hyoka_report_tally_count(rep), 1);
    EXPECT_DIAG(rep, 0, "V009", 31, 1, "", "is nested 30 deep: its hyoka/1 form would nest deeper than the limit of 64");
    EXPECT_DIAG(rep, 999, "V009", 1030, 1, "", "is nested 1029 deep");
    hyoka_report_free(rep);

    /* 29 levels: read, and validated. */
    {
        char *end = pj;
        hyoka_portfolio *pf;
        for (int row = 0; row <= 29; row++)
            end = strstr(end, "\r\n") + 2;
        *end = '\0';
        pf = read_good(in, ENC_UTF8, &rep);
        hyoka_report_free(rep);
        OK(hyoka_report_new(&rep));
        OK(hyoka_validate(pf, rep));
        assert_int_equal(hyoka_report_total_severity(rep, HYOKA_SEVERITY_WARNING), 29); /* I005 */
        hyoka_report_free(rep);
        hyoka_portfolio_free(pf);
    }
    free(pj);
    free(pos);
}

/* The folder holding this source file (for examples/sheets). */
static bool source_root(char *out, size_t size)
{
    const char *src = __FILE__, *env = getenv("HYOKA_TEST_SOURCE");
    char exe[4096];
    ssize_t n;
    int k;

    if (env && *env) {
        k = snprintf(out, size, "%s", env);
        return k > 0 && (size_t)k < size;
    }
    if (src[0] == '/') {
        const char *tests = strstr(src, "/tests/test_csv.c");
        if (!tests)
            return false;
        k = snprintf(out, size, "%.*s", (int)(tests - src), src);
        return k > 0 && (size_t)k < size;
    }
    /* relative to the build folder: BUILD/tests/test_csv is this program */
    n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return false;
    exe[n] = '\0';
    for (int up = 0; up < 2; up++) {
        char *slash = strrchr(exe, '/');
        if (!slash)
            return false;
        *slash = '\0';
    }
    {
        const char *tests = strstr(src, "tests/test_csv.c");
        if (!tests)
            return false;
        k = snprintf(out, size, "%s/%.*s.", exe, (int)(tests - src), src);
    }
    return k > 0 && (size_t)k < size;
}

/* Whether every table can be written in CP932; when not, the error names
 * a cell and a character CP932 cannot hold. */
static bool cp932_writable(const hyoka_portfolio *pf)
{
    hyoka_csv_options o = opts(ENC_CP932);
    for (int i = 0; i < NT; i++) {
        char *out = NULL;
        size_t n = 0;
        int rc = hyoka_csv_write_table(pf, i, &o, &out, &n, NULL);
        if (rc == HYOKA_EENCODING) {
            assert_null(out);
            assert_non_null(strstr(hyoka_error_last(), "cannot be written in CP932"));
            assert_non_null(strstr(hyoka_error_last(), ", column "));
            return false;
        }
        OK(rc);
        hyoka_free(out);
    }
    return true;
}

/* Whether the portfolio's text survives CP932 unchanged: the JIS forms
 * (〜 ‖ − — ¢ £ ¬) are written as Windows writes them and read back as the
 * Windows forms (～ ∥ － ― ￠ ￡ ￢), so such a portfolio comes back changed
 * by design. */
static bool cp932_exact(const hyoka_portfolio *pf)
{
    char *json = NULL, *enc = NULL, *dec = NULL;
    size_t n = 0, m = 0, k = 0;
    bool same;
    OK(hyoka_json_write(pf, HYOKA_WRITE_COMPACT, &json, &n));
    if (hyoka_cp932_encode(json, n, &enc, &m, NULL) != HYOKA_OK) {
        hyoka_free(json);
        return false;
    }
    OK(hyoka_cp932_decode(enc, m, &dec, &k, NULL));
    same = k == n && memcmp(json, dec, n) == 0;
    hyoka_free(json);
    hyoka_free(enc);
    hyoka_free(dec);
    return same;
}

/* JSON -> CSV -> JSON gives the same JSON text. */
static void json_csv_json(const hyoka_portfolio *pf)
{
    struct tables t = {{0}, {0}};
    hyoka_portfolio *back;
    char *j1 = NULL, *j2 = NULL;
    size_t n1 = 0, n2 = 0;

    write_all(pf, ENC_BOM, &t);
    back = read_all(&t, ENC_BOM);
    OK(hyoka_json_write(pf, 0, &j1, &n1));
    OK(hyoka_json_write(back, 0, &j2, &n2));
    assert_int_equal(n1, n2);
    assert_memory_equal(j1, j2, n1);
    hyoka_free(j1);
    hyoka_free(j2);
    free_all(&t);
    hyoka_portfolio_free(back);
}

static void test_roundtrip_examples(void **state)
{
    char root[4096], dir[4200];
    DIR *d;
    struct dirent *ent;
    int count = 0;
    (void)state;

    if (!source_root(root, sizeof root))
        skip();
    snprintf(dir, sizeof dir, "%s/examples/sheets", root);
    d = opendir(dir);
    if (!d) {
        print_message("no %s\n", dir);
        skip();
    }
    while ((ent = readdir(d)) != NULL) {
        char path[8400];
        size_t l = strlen(ent->d_name);
        hyoka_portfolio *pf = NULL;
        int rc;
        if (l < 6 || strcmp(ent->d_name + l - 5, ".json") != 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
        rc = hyoka_json_read_file(path, NULL, &pf, NULL);
        if (rc != HYOKA_OK)
            fail_msg("%s: %s", path, hyoka_error_last());
        roundtrip(pf, ENC_BOM);
        roundtrip(pf, ENC_UTF8);
        json_csv_json(pf);
        if (cp932_writable(pf) && cp932_exact(pf))
            roundtrip(pf, ENC_CP932);
        hyoka_portfolio_free(pf);
        count++;
    }
    closedir(d);
    assert_true(count >= 5);
}

/* ------------------------------------------------------------------------ */
/* Reading what people write                                                 */

static void test_lenient_input(void **state)
{
    const char *in[NT] = {0};
    hyoka_portfolio *pf;
    hyoka_report *rep = NULL;
    hyoka_project *p;
    hyoka_costs *y;
    hyoka_indicator *ind;
    hyoka_evaluation *e;
    int64_t v = 0;
    (void)state;

    in[HYOKA_CSV_DOCUMENT] = "\xEF\xBB\xBFkey,value\r\namount_unit,thousand_yen\r\n";
    /* columns in another order, optional ones left out, LF line ends, blank lines */
    in[HYOKA_CSV_PROJECTS] = "name,project\n\n情報,1\n\n";
    in[HYOKA_CSV_YEARS] = "fiscal_year,project,settlement,general,usage\n"
                          "平成19年度,1,\"16,627\",\"１,０００．５\",\" 1054 \"\n"
                          "平成32年度,1,△3,,\n"
                          "R3,1,,,\n";
    in[HYOKA_CSV_INDICATORS] = "project,indicator,not_settable\n1,1,TRUE\n1,2,False\n1,3,\n";
    in[HYOKA_CSV_EVALUATIONS] = "project,evaluation,date\n1,1,平成20年5月15日\n";
    pf = read_good(in, ENC_UTF8, &rep);
    /* 平成32年度 is 2020 with a warning at its cell */
    assert_int_equal(hyoka_report_count(rep), 1);
    EXPECT_DIAG(rep, 0, "Y001", 3, 1, "/projects/0/years/1/fiscal_year", "平成32年度");
    p = hyoka_portfolio_project_at(pf, 0);
    assert_string_equal(hyoka_project_name(p), "情報");
    assert_int_equal(hyoka_project_year_count(p), 3);
    y = hyoka_project_year_at(p, 0);
    assert_int_equal(hyoka_costs_fiscal_year(y), 2007);
    assert_int_equal(hyoka_costs_get(y, HYOKA_COST_SETTLEMENT, &v), 1);
    assert_int_equal(v, 16627000);
    assert_int_equal(hyoka_costs_get(y, HYOKA_COST_GENERAL, &v), 1);
    assert_int_equal(v, 1000500);
    assert_int_equal(hyoka_costs_get(y, HYOKA_COST_USAGE, &v), 1);
    assert_int_equal(v, 1054);
    y = hyoka_project_year_at(p, 1);
    assert_int_equal(hyoka_costs_fiscal_year(y), 2020);
    assert_int_equal(hyoka_costs_get(y, HYOKA_COST_SETTLEMENT, &v), 1);
    assert_int_equal(v, -3000);
    assert_int_equal(hyoka_costs_fiscal_year(hyoka_project_year_at(p, 2)), 2021);
    ind = hyoka_project_indicator_at(p, 0);
    assert_int_equal(hyoka_indicator_not_settable(ind), 1);
    assert_int_equal(hyoka_indicator_not_settable(hyoka_project_indicator_at(p, 1)), 0);
    e = hyoka_project_evaluation_at(p, 0);
    assert_int_equal(hyoka_evaluation_date(e), 20080515);
    hyoka_report_free(rep);
    hyoka_portfolio_free(pf);

    /* An empty text is an empty table; a table with a header only too. */
    memset(in, 0, sizeof in);
    in[HYOKA_CSV_PROJECTS] = "";
    in[HYOKA_CSV_YEARS] = "\xEF\xBB\xBF";
    in[HYOKA_CSV_STAFF] = "project,fiscal_year,staff_index";
    pf = read_good(in, ENC_BOM, NULL);
    assert_int_equal(hyoka_portfolio_project_count(pf), 0);
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Malformed input: every problem at its row and column                      */

static void test_unmatched_quote(void **state)
{
    const char *in[NT] = {0};
    hyoka_report *rep;
    (void)state;

    in[HYOKA_CSV_PROJECTS] = "project\r\n1\r\n";
    /* The quote of row 3 never closes: reported at its cell, and the next
     * line is still read (its own error is found). */
    in[HYOKA_CSV_EXTENSIONS] = "project,key,value\r\n"
                               "1,k1,v1\r\n"
                               "1,k2,\"unclosed\r\n"
                               "1,,v3\r\n"
                               "1,k4,v4\r\n";
    rep = read_bad(in, ENC_UTF8, 2);
    EXPECT_DIAG(rep, 0, "V001", 3, 3, "", "extensions: row 3, column 3: the quoted field that starts here is not closed");
    EXPECT_DIAG(rep, 1, "V005", 4, 2, NULL, "extensions: row 4, column 2 (key): a value is required");
    hyoka_report_free(rep);
}

static void test_malformed_rows(void **state)
{
    const char *in[NT] = {0};
    hyoka_report *rep;
    (void)state;

    in[HYOKA_CSV_PROJECTS] = "project,code,name\r\n"
                             "1,ab\"c,x\r\n"          /* stray quote */
                             "2,\"ab\"c,x\r\n"        /* text after the closing quote */
                             "3,a\r\n"                /* too few fields */
                             "4,a,b,c\r\n"            /* too many */
                             "5,a,b\rX\r\n"           /* a lone CR */
                             "6,\xFF\xFE,b\r\n"       /* invalid UTF-8 */
                             "7,a\0b,c\r\n";          /* cut by strlen: too few fields */
    rep = read_bad(in, ENC_UTF8, 8);
    EXPECT_DIAG(rep, 0, "V001", 2, 2, "", "projects: row 2, column 2: quote inside an unquoted field");
    EXPECT_DIAG(rep, 1, "V001", 3, 2, "", "unexpected character after the closing quote");
    EXPECT_DIAG(rep, 2, "V002", 4, 3, "", "the row has 2 fields, the header 3");
    EXPECT_DIAG(rep, 3, "V002", 5, 4, "", "the row has 4 fields, the header 3");
    EXPECT_DIAG(rep, 4, "V001", 6, 3, "", "CR not followed by LF");
    /* after the bad CR, "X" is a row of its own */
    EXPECT_DIAG(rep, 5, "V002", 7, 2, "", "the row has 1 fields");
    EXPECT_DIAG(rep, 6, "V003", 8, 2, "", "invalid UTF-8 (byte FF) at byte 1 of the field");
    EXPECT_DIAG(rep, 7, "V002", 9, 3, "", "the row has 2 fields, the header 3");
    hyoka_report_free(rep);
}

static void test_nul_and_cp932_input(void **state)
{
    const char *in[NT] = {0};
    hyoka_csv_options o = opts(ENC_CP932);
    hyoka_report *rep = NULL;
    hyoka_portfolio *pf = NULL;
    const char text[] = "project,name\r\n1,a\0b\r\n";
    const char *texts[NT] = {0};
    size_t lens[NT] = {0};
    (void)state;

    /* NUL in a field (UTF-8) */
    texts[HYOKA_CSV_PROJECTS] = text;
    lens[HYOKA_CSV_PROJECTS] = sizeof text - 1;
    o.encoding = ENC_UTF8;
    OK(hyoka_report_new(&rep));
    assert_int_equal(hyoka_csv_read_tables(texts, lens, &o, &pf, rep), HYOKA_EINVALID);
    EXPECT_DIAG(rep, 0, "V003", 2, 2, "", "NUL character at byte 2 of the field");
    hyoka_report_free(rep);

    /* CP932: a pair that is not CP932, a lead byte before the comma, and
     * the good text around them */
    in[HYOKA_CSV_PROJECTS] = "project,name,code\r\n"
                             "1,\x8F\x8A\x91\xF2\x8E\x73,\x85\x40\r\n"
                             "2,\x81,x\r\n";
    rep = read_bad(in, ENC_CP932, 2);
    EXPECT_DIAG(rep, 0, "V003", 2, 3, "", "bytes 85 40 at byte 1 of the field are not CP932");
    EXPECT_DIAG(rep, 1, "V003", 3, 2, "", "byte 81 at byte 1 of the field is not CP932");
    hyoka_report_free(rep);

    /* A UTF-8 file read as CP932 */
    memset(in, 0, sizeof in);
    in[HYOKA_CSV_PROJECTS] = "\xEF\xBB\xBFproject,name\r\n1,所沢\r\n";
    rep = read_bad(in, ENC_CP932, 1);
    EXPECT_DIAG(rep, 0, "V003", 1, 1, "", "UTF-8 byte-order mark");
    hyoka_report_free(rep);

    /* Good CP932 */
    in[HYOKA_CSV_PROJECTS] = "project,name\r\n1,\x8F\x8A\x91\xF2\x8E\x73\x81\x60\xFB\xFC\r\n";
    pf = read_good(in, ENC_CP932, NULL);
    assert_string_equal(hyoka_project_name(hyoka_portfolio_project_at(pf, 0)), "所沢市～髙");
    hyoka_portfolio_free(pf);
}

static void test_bad_columns(void **state)
{
    const char *in[NT] = {0};
    hyoka_report *rep;
    (void)state;

    in[HYOKA_CSV_PROJECTS] = "project,nmae,code,code\r\n1,x,y,z\r\n";
    in[HYOKA_CSV_EXTENSIONS] = "project,kee,value\r\n1,x,y\r\n";
    in[HYOKA_CSV_YEARS] = "\r\nproject\r\n";
    rep = read_bad(in, ENC_UTF8, 5);
    EXPECT_DIAG(rep, 0, "V004", 1, 2, "", "projects: row 1, column 2: unknown column \"nmae\"");
    EXPECT_DIAG(rep, 1, "V004", 1, 4, "", "column code given twice");
    EXPECT_DIAG(rep, 2, "V004", 1, 2, "", "extensions: row 1, column 2: unknown column \"kee\"");
    EXPECT_DIAG(rep, 3, "V004", 1, 4, "", "extensions: row 1, column 4: missing column key");
    EXPECT_DIAG(rep, 4, "V004", 1, 1, "", "years: row 1, column 1: the header row is empty");
    hyoka_report_free(rep);

    /* A header wider than the readers take: one V004 at the first column too many */
    {
        static char wide[1100 * 2 + 32];
        size_t n = 0;
        memcpy(wide, "project", 7);
        n = 7;
        for (int c = 1; c < 1100; c++) {
            wide[n++] = ',';
            wide[n++] = 'x';
        }
        memcpy(wide + n, "\r\n1\r\n", 6);
        wide[n + 6] = '\0';
        memset(in, 0, sizeof in);
        in[HYOKA_CSV_PROJECTS] = wide;
        rep = read_bad(in, ENC_UTF8, 1);
        EXPECT_DIAG(rep, 0, "V004", 1, 1025, "", "projects: row 1, column 1025: the header has more than 1024 columns");
        hyoka_report_free(rep);
    }
}

static void test_bad_values(void **state)
{
    const char *in[NT] = {0};
    hyoka_report *rep;
    (void)state;

    in[HYOKA_CSV_DOCUMENT] = "key,value\r\n"
                             "amount_unit,thousand_yen\r\n"
                             "format,hyoka/2\r\n"
                             "colour,blue\r\n"
                             "rounding.per_capita.places,2\r\n"
                             "municipality.code,112088\r\n";
    in[HYOKA_CSV_PROJECTS] = "project,duty,start_fiscal_year\r\n"
                             "1,autonomus,2003\r\n"
                             "2,,19xx\r\n";
    in[HYOKA_CSV_YEARS] = "project,fiscal_year,settlement,usage,stated_per_capita,stated_per_capita_unit\r\n"
                          "1,2007,1068.9785,1.5,,yen\r\n"
                          "1,2008,12x,-1,3.0,euro\r\n";
    in[HYOKA_CSV_INDICATORS] = "project,indicator,not_settable\r\n1,1,yes\r\n";
    rep = read_bad(in, ENC_UTF8, 13);
    EXPECT_DIAG(rep, 0, "V005", 3, 2, "/format", "document: row 3, column 2 (value): format \"hyoka/2\" is not \"hyoka/1\"");
    EXPECT_DIAG(rep, 1, "V004", 4, 1, "/colour", "unknown key \"colour\"");
    EXPECT_DIAG(rep, 2, "V005", 6, 2, "/municipality/code", "check digit");
    EXPECT_DIAG(rep, 3, "V005", 5, 1, "/rounding/per_capita", "needs both places and mode");
    EXPECT_DIAG(rep, 4, "V005", 2, 2, "/projects/0/duty",
                "projects: row 2, column 2 (duty): \"autonomus\" is not one of: autonomous, statutory_entrusted");
    EXPECT_DIAG(rep, 5, "V005", 3, 3, "/projects/1/start_fiscal_year", "\"19xx\" is not a fiscal year");
    EXPECT_DIAG(rep, 6, "V005", 2, 3, "/projects/0/years/0/settlement",
                "amount \"1068.9785\" is finer than one yen");
    EXPECT_DIAG(rep, 7, "V005", 2, 4, "/projects/0/years/0/usage", "\"1.5\" is not a whole number");
    EXPECT_DIAG(rep, 8, "V005", 2, 6, "/projects/0/years/0/stated/per_capita/unit", "a unit without a stated figure");
    EXPECT_DIAG(rep, 9, "V005", 3, 3, "/projects/0/years/1/settlement", "\"12x\" is not a number");
    EXPECT_DIAG(rep, 10, "V005", 3, 4, "/projects/0/years/1/usage", "\"-1\" is negative");
    EXPECT_DIAG(rep, 11, "V005", 3, 6, "/projects/0/years/1/stated/per_capita/unit", "\"euro\" is not one of: yen, thousand_yen");
    EXPECT_DIAG(rep, 12, "V005", 2, 3, "/projects/0/indicators/0/not_settable", "\"yes\" is not true or false");
    hyoka_report_free(rep);

    /* yen: finer than one yen */
    memset(in, 0, sizeof in);
    in[HYOKA_CSV_PROJECTS] = "project\r\n1\r\n";
    in[HYOKA_CSV_STAFF] = "project,fiscal_year,staff_index\r\n1,2007,1\r\n";
    in[HYOKA_CSV_YEARS] = "project,fiscal_year,final_budget\r\n1,2007,10.5\r\n1,2007,10.0\r\n";
    rep = read_bad(in, ENC_UTF8, 2);
    EXPECT_DIAG(rep, 0, "V005", 2, 3, "/projects/0/years/0/final_budget", "amount \"10.5\" is finer than one yen");
    EXPECT_DIAG(rep, 1, "V005", 3, 2, "/projects/0/years/1/fiscal_year", "fiscal year 2007 (year_index 1) given twice");
    hyoka_report_free(rep);
}

static void test_dangling_keys(void **state)
{
    const char *in[NT] = {0};
    hyoka_report *rep;
    (void)state;

    in[HYOKA_CSV_PROJECTS] = "project,code\r\n"
                             "1,a\r\n"
                             "1.2,b\r\n"    /* out of sequence */
                             "3.1,c\r\n"    /* parent missing */
                             "1,d\r\n"      /* twice */
                             "1.x,e\r\n";   /* not a position */
    in[HYOKA_CSV_YEARS] = "project,fiscal_year\r\n5,2007\r\n1,2007\r\n";
    in[HYOKA_CSV_STAFF] = "project,fiscal_year,year_index,staff_index\r\n"
                          "1,2008,,1\r\n"   /* no such year */
                          "1,2007,2,1\r\n"  /* no such year_index */
                          "1,2007,,2\r\n";  /* staff out of sequence */
    in[HYOKA_CSV_VALUES] = "project,indicator,fiscal_year\r\n1,1,2007\r\n";
    in[HYOKA_CSV_ANSWERS] = "project,evaluation,criterion,answer\r\n1,1,relevance,A\r\n";
    in[HYOKA_CSV_SCHEMES] = "scheme,element,criterion,code,label,weight,required,score,min,max,group,kind\r\n"
                            "s,criterion,,c,,,,,,,,\r\n"
                            "t,scheme,,,T,,,,,,,\r\n"
                            "t,option,c,A,,,,,,,,\r\n"
                            "t,verdict,,v,,1,,,,,continue,\r\n";
    rep = read_bad(in, ENC_UTF8, 13);
    EXPECT_DIAG(rep, 0, "V006", 2, 1, "", "schemes: row 2, column 1 (scheme): scheme \"s\" is not defined above");
    EXPECT_DIAG(rep, 1, "V006", 4, 3, "/schemes/0", "criterion \"c\" is not defined above");
    EXPECT_DIAG(rep, 2, "V005", 5, 6, "", "column weight is not used by verdict rows");
    EXPECT_DIAG(rep, 3, "V005", 3, 1, "", "project position 2 is out of sequence: the next one is 1");
    EXPECT_DIAG(rep, 4, "V006", 4, 1, "", "the parent of project 3.1 does not exist");
    EXPECT_DIAG(rep, 5, "V005", 5, 1, "", "project position 1 given twice");
    EXPECT_DIAG(rep, 6, "V005", 6, 1, "", "\"1.x\" is not a project position");
    EXPECT_DIAG(rep, 7, "V006", 2, 1, "", "years: row 2, column 1 (project): project 5 does not exist");
    EXPECT_DIAG(rep, 8, "V006", 2, 2, "/projects/0", "the project has no year 2008 (year_index 1)");
    EXPECT_DIAG(rep, 9, "V006", 3, 2, "/projects/0", "the project has no year 2007 (year_index 2)");
    EXPECT_DIAG(rep, 10, "V005", 4, 4, "/projects/0", "staff_index 2 is out of sequence: the next one is 1");
    EXPECT_DIAG(rep, 11, "V006", 2, 2, "/projects/0", "the project has no indicator 1");
    EXPECT_DIAG(rep, 12, "V006", 2, 2, "/projects/0", "answers: row 2, column 2 (evaluation): the project has no evaluation 1");
    hyoka_report_free(rep);
}

static void test_max_diagnostics(void **state)
{
    const char *in[NT] = {0};
    hyoka_csv_options o = opts(ENC_UTF8);
    hyoka_report *rep = NULL;
    hyoka_portfolio *pf = NULL;
    size_t lens[NT] = {0};
    (void)state;

    in[HYOKA_CSV_YEARS] = "project,fiscal_year\r\n1,1\r\n2,2\r\n3,3\r\n4,4\r\n";
    lens[HYOKA_CSV_YEARS] = strlen(in[HYOKA_CSV_YEARS]);
    o.max_diagnostics = 2;
    OK(hyoka_report_new(&rep));
    assert_int_equal(hyoka_csv_read_tables(in, lens, &o, &pf, rep), HYOKA_EINVALID);
    assert_int_equal(hyoka_report_count(rep), 2);
    assert_non_null(strstr(hyoka_error_last(), "4 errors"));
    hyoka_report_free(rep);
    /* without a report the errors are still found */
    assert_int_equal(hyoka_csv_read_tables(in, lens, &o, &pf, NULL), HYOKA_EINVALID);
    assert_null(pf);
}

static void test_limits(void **state)
{
    const char *in[NT] = {0};
    hyoka_csv_options o = opts(ENC_UTF8);
    hyoka_report *rep = NULL;
    hyoka_portfolio *pf = NULL;
    size_t lens[NT] = {0};
    (void)state;

    o.max_field = 8;
    o.max_row = 24;
    /* row 2: a field of 11 bytes; row 3: a field of 9; row 4: a quoted
     * field of 9 once unescaped; row 5: fields of 8 (unescaped) in a row
     * of 27 bytes, over the limit at its third field */
    in[HYOKA_CSV_PROJECTS] = "project,name,code\r\n"
                             "1,12345678,12345678901\r\n"
                             "2,123456789,x\r\n"
                             "3,\"1234\"\"5678\",x\r\n"
                             "4,\"12\"\"34\"\"56\",\"12\"\"34\"\"56\"\r\n";
    lens[HYOKA_CSV_PROJECTS] = strlen(in[HYOKA_CSV_PROJECTS]);
    OK(hyoka_report_new(&rep));
    assert_int_equal(hyoka_csv_read_tables(in, lens, &o, &pf, rep), HYOKA_EINVALID);
    if (hyoka_report_count(rep) != 4)
        print_report(rep);
    assert_int_equal(hyoka_report_count(rep), 4);
    EXPECT_DIAG(rep, 0, "V007", 2, 3, "", "field longer than the limit of 8 bytes");
    EXPECT_DIAG(rep, 1, "V007", 3, 2, "", "field longer than the limit of 8 bytes");
    EXPECT_DIAG(rep, 2, "V007", 4, 2, "", "field longer than the limit of 8 bytes");
    EXPECT_DIAG(rep, 3, "V007", 5, 3, "", "row longer than the limit of 24 bytes");
    hyoka_report_free(rep);

    /* at the limits exactly: fine */
    in[HYOKA_CSV_PROJECTS] = "project,name,code\r\n"
                             "1,12345678,1234567890123\r\n"  /* a field of 13, a row of 24 */
                             "2,\"1234\"\"567\",x\r\n";       /* 8 bytes unescaped */
    lens[HYOKA_CSV_PROJECTS] = strlen(in[HYOKA_CSV_PROJECTS]);
    o.max_field = 13;
    OK(hyoka_csv_read_tables(in, lens, &o, &pf, NULL));
    assert_string_equal(hyoka_project_name(hyoka_portfolio_project_at(pf, 1)), "1234\"567");
    hyoka_portfolio_free(pf);
    o.max_field = 12;
    assert_int_equal(hyoka_csv_read_tables(in, lens, &o, &pf, NULL), HYOKA_EINVALID);
    o.max_field = 13;
    o.max_row = 23;
    assert_int_equal(hyoka_csv_read_tables(in, lens, &o, &pf, NULL), HYOKA_EINVALID);

    /* A quote that never closes stops at the limit and is reported at its start. */
    in[HYOKA_CSV_PROJECTS] = "project,name\r\n1,\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n2,b\r\n";
    lens[HYOKA_CSV_PROJECTS] = strlen(in[HYOKA_CSV_PROJECTS]);
    o = opts(ENC_UTF8);
    o.max_field = 16;
    OK(hyoka_report_new(&rep));
    assert_int_equal(hyoka_csv_read_tables(in, lens, &o, &pf, rep), HYOKA_EINVALID);
    EXPECT_DIAG(rep, 0, "V007", 2, 2, "", "field longer than the limit of 16 bytes");
    EXPECT_DIAG(rep, 1, "V001", 2, 2, "", "not closed");
    /* row 3 is read after the broken one: project 2 comes before 1 */
    EXPECT_DIAG(rep, 2, "V005", 3, 1, "", "project position 2 is out of sequence");
    hyoka_report_free(rep);
}

/* ------------------------------------------------------------------------ */
/* Keys of string lists: duplicates, and many rows                           */

/* Keys are unique per list (a project's extensions, an evaluation's
 * answers or comments): the same key in another list is no duplicate. */
static void test_duplicate_keys(void **state)
{
    const char *in[NT] = {0};
    hyoka_report *rep;
    (void)state;

    in[HYOKA_CSV_PROJECTS] = "project\r\n1\r\n2\r\n";
    in[HYOKA_CSV_EVALUATIONS] = "project,evaluation\r\n1,1\r\n1,2\r\n";
    in[HYOKA_CSV_EXTENSIONS] = "project,key,value\r\n"
                               "1,a,1\r\n"
                               "2,a,2\r\n"   /* another project: fine */
                               "1,b,3\r\n"
                               "1,a,4\r\n"   /* twice in project 1 */
                               "2,a,5\r\n"   /* twice in project 2 */
                               "1,,6\r\n"    /* no key */
                               "1,\"\",6\r\n"  /* empty key */
                               "1,c,\r\n";   /* empty value: fine */
    in[HYOKA_CSV_ANSWERS] = "project,evaluation,criterion,answer\r\n"
                            "1,1,x,A\r\n"
                            "1,2,x,B\r\n"    /* another evaluation: fine */
                            "1,1,x,C\r\n";   /* twice */
    in[HYOKA_CSV_COMMENTS] = "project,evaluation,key,text\r\n"
                             "1,1,x,note\r\n"  /* an answer's key: another list */
                             "1,1,y,a\r\n"
                             "1,1,x,again\r\n";
    rep = read_bad(in, ENC_UTF8, 6);
    EXPECT_DIAG(rep, 0, "V005", 5, 2, "/projects/0/extensions/a",
                "extensions: row 5, column 2 (key): extension key \"a\" given twice");
    EXPECT_DIAG(rep, 1, "V005", 6, 2, "/projects/1/extensions/a",
                "extensions: row 6, column 2 (key): extension key \"a\" given twice");
    EXPECT_DIAG(rep, 2, "V005", 7, 2, "/projects/0/extensions", "extensions: row 7, column 2 (key): a value is required");
    EXPECT_DIAG(rep, 3, "V005", 8, 2, "/projects/0/extensions", "extensions: row 8, column 2 (key): empty extension key");
    EXPECT_DIAG(rep, 4, "V005", 4, 3, "/projects/0/evaluations/0/scores/x",
                "answers: row 4, column 3 (criterion): criterion \"x\" given twice");
    EXPECT_DIAG(rep, 5, "V005", 4, 3, "/projects/0/evaluations/0/comments/x",
                "comments: row 4, column 3 (key): comment key \"x\" given twice");
    assert_string_equal(hyoka_report_message(rep, 0, HYOKA_LANG_JA),
                        "extensions 表 5 行 2 列 (key): extension key「a」が重複");
    hyoka_report_free(rep);

    /* Without the duplicates: every list in row order. */
    in[HYOKA_CSV_EXTENSIONS] = "project,key,value\r\n1,a,1\r\n2,a,2\r\n1,b,3\r\n1,c,\r\n";
    in[HYOKA_CSV_ANSWERS] = "project,evaluation,criterion,answer\r\n1,1,x,A\r\n1,2,x,B\r\n";
    in[HYOKA_CSV_COMMENTS] = "project,evaluation,key,text\r\n1,1,x,note\r\n1,1,y,a\r\n";
    {
        hyoka_portfolio *pf = read_good(in, ENC_UTF8, NULL);
        hyoka_project *p1 = hyoka_portfolio_project_at(pf, 0), *p2 = hyoka_portfolio_project_at(pf, 1);
        hyoka_evaluation *e1 = hyoka_project_evaluation_at(p1, 0), *e2 = hyoka_project_evaluation_at(p1, 1);
        const char *k = NULL, *v = NULL;
        assert_int_equal(hyoka_project_extension_count(p1), 3);
        OK(hyoka_project_extension_at(p1, 2, &k, &v));
        assert_string_equal(k, "c");
        assert_string_equal(v, "");
        assert_string_equal(hyoka_project_extension(p1, "a", NTS), "1");
        assert_int_equal(hyoka_project_extension_count(p2), 1);
        assert_string_equal(hyoka_project_extension(p2, "a", NTS), "2");
        assert_string_equal(hyoka_evaluation_answer(e1, "x", NTS), "A");
        assert_string_equal(hyoka_evaluation_answer(e2, "x", NTS), "B");
        assert_int_equal(hyoka_evaluation_comment_count(e1), 2);
        assert_string_equal(hyoka_evaluation_comment(e1, "x", NTS), "note");
        hyoka_portfolio_free(pf);
    }
}

struct text {
    char *p;
    size_t n, cap;
};

static void text_add(struct text *t, const char *s)
{
    size_t n = strlen(s);
    if (t->n + n + 1 > t->cap) {
        size_t cap = (t->n + n + 1) * 2;
        char *p = realloc(t->p, cap);
        assert_non_null(p);
        t->p = p;
        t->cap = cap;
    }
    memcpy(t->p + t->n, s, n + 1);
    t->n += n;
}

/* One project, one evaluation, @p n extension, answer and comment rows. */
static void many_keys_tables(size_t n, struct text tx[NT])
{
    char row[64];
    memset(tx, 0, NT * sizeof *tx);
    text_add(&tx[HYOKA_CSV_PROJECTS], "project,code\r\n1,P1\r\n");
    text_add(&tx[HYOKA_CSV_EVALUATIONS], "project,evaluation,stage\r\n1,1,primary\r\n");
    text_add(&tx[HYOKA_CSV_EXTENSIONS], "project,key,value\r\n");
    text_add(&tx[HYOKA_CSV_ANSWERS], "project,evaluation,criterion,answer\r\n");
    text_add(&tx[HYOKA_CSV_COMMENTS], "project,evaluation,key,text\r\n");
    for (size_t i = 0; i < n; i++) {
        snprintf(row, sizeof row, "1,k%zu,v%zu\r\n", i, i);
        text_add(&tx[HYOKA_CSV_EXTENSIONS], row);
        snprintf(row, sizeof row, "1,1,c%zu,%zu\r\n", i, i % 5);
        text_add(&tx[HYOKA_CSV_ANSWERS], row);
        snprintf(row, sizeof row, "1,1,r%zu,t%zu\r\n", i, i);
        text_add(&tx[HYOKA_CSV_COMMENTS], row);
    }
}

/* Read the tables; the CPU seconds it took. */
/* Reading 4n rows took t4 s of CPU and n rows t1: fail when that is both
 * slow (over 2 s) and far from linear (over 8 times; linear is about 4,
 * quadratic about 16), so that valgrind and busy machines still pass. */
static void expect_linear(const char *what, int n, double t1, double t4)
{
    if (t4 > 2.0 && t4 > 8.0 * (t1 > 0.01 ? t1 : 0.01))
        fail_msg("reading %d %s took %.2f s CPU, %.1f times %d: not linear", 4 * n, what, t4, t4 / t1, n);
}

static double many_keys_read(const struct text tx[NT], hyoka_report *rep, hyoka_portfolio **pf, int *rc)
{
    hyoka_csv_options o = opts(ENC_UTF8);
    const char *texts[NT];
    size_t lens[NT];
    clock_t t0;
    for (int i = 0; i < NT; i++) {
        texts[i] = tx[i].p;
        lens[i] = tx[i].n;
    }
    t0 = clock();
    *rc = hyoka_csv_read_tables(texts, lens, &o, pf, rep);
    return (double)(clock() - t0) / CLOCKS_PER_SEC;
}

/* Read the tables of n and of 4n rows; fail unless the time is about
 * linear (expect_linear); return the portfolio of the 4n rows. */
static hyoka_portfolio *read_linear(const struct text small[NT], const struct text big[NT], int n,
                                    const char *what)
{
    hyoka_portfolio *pf = NULL;
    double t1, t4;
    int rc;

    t1 = many_keys_read(small, NULL, &pf, &rc);
    OK(rc);
    hyoka_portfolio_free(pf);
    pf = NULL;
    t4 = many_keys_read(big, NULL, &pf, &rc);
    OK(rc);
    print_message("%s: %d %.3f s, %d %.3f s (CPU)\n", what, n, t1, 4 * n, t4);
    expect_linear(what, n, t1, t4);
    return pf;
}

static void many_keys_free(struct text tx[NT])
{
    for (int i = 0; i < NT; i++)
        free(tx[i].p);
}

/* 40,000 rows of extensions, answers and comments: all read, in order, in
 * about linear time (a duplicate check that searched each list took 26 s
 * of CPU for these tables, 0.1 s now), and a duplicate in the last row
 * still found. */
static void test_many_keys(void **state)
{
    enum { N = 10000 };
    struct text small[NT], big[NT];
    hyoka_portfolio *pf = NULL;
    hyoka_project *p;
    hyoka_evaluation *e;
    hyoka_report *rep = NULL;
    char want_k[32], want_v[32];
    int rc;
    (void)state;

    many_keys_tables(N, small);
    many_keys_tables(4 * N, big);
    pf = read_linear(small, big, N, "key rows");

    p = hyoka_portfolio_project_at(pf, 0);
    e = hyoka_project_evaluation_at(p, 0);
    assert_int_equal(hyoka_project_extension_count(p), 4 * N);
    assert_int_equal(hyoka_evaluation_answer_count(e), 4 * N);
    assert_int_equal(hyoka_evaluation_comment_count(e), 4 * N);
    for (size_t i = 0; i < 4 * N; i++) {
        const char *k = NULL, *v = NULL;
        OK(hyoka_project_extension_at(p, i, &k, &v));
        snprintf(want_k, sizeof want_k, "k%zu", i);
        snprintf(want_v, sizeof want_v, "v%zu", i);
        assert_string_equal(k, want_k);
        assert_string_equal(v, want_v);
        OK(hyoka_evaluation_answer_at(e, i, &k, &v));
        snprintf(want_k, sizeof want_k, "c%zu", i);
        snprintf(want_v, sizeof want_v, "%zu", i % 5);
        assert_string_equal(k, want_k);
        assert_string_equal(v, want_v);
        OK(hyoka_evaluation_comment_at(e, i, &k, &v));
        snprintf(want_k, sizeof want_k, "r%zu", i);
        snprintf(want_v, sizeof want_v, "t%zu", i);
        assert_string_equal(k, want_k);
        assert_string_equal(v, want_v);
    }
    assert_string_equal(hyoka_project_extension(p, "k39999", NTS), "v39999");
    assert_null(hyoka_project_extension(p, "k40000", NTS));
    hyoka_portfolio_free(pf);
    pf = NULL;

    /* A key of the first row again in the last: found, at that row. */
    text_add(&big[HYOKA_CSV_EXTENSIONS], "1,k0,again\r\n");
    text_add(&big[HYOKA_CSV_ANSWERS], "1,1,c39999,A\r\n");
    text_add(&big[HYOKA_CSV_COMMENTS], "1,1,r20000,x\r\n1,1,r40000,x\r\n1,1,r40000,y\r\n");
    OK(hyoka_report_new(&rep));
    many_keys_read(big, rep, &pf, &rc);
    assert_int_equal(rc, HYOKA_EINVALID);
    assert_null(pf);
    if (hyoka_report_count(rep) != 4)
        print_report(rep);
    assert_int_equal(hyoka_report_count(rep), 4);
    EXPECT_DIAG(rep, 0, "V005", 4 * N + 2, 2, "/projects/0/extensions/k0",
                "extensions: row 40002, column 2 (key): extension key \"k0\" given twice");
    EXPECT_DIAG(rep, 1, "V005", 4 * N + 2, 3, "/projects/0/evaluations/0/scores/c39999",
                "answers: row 40002, column 3 (criterion): criterion \"c39999\" given twice");
    EXPECT_DIAG(rep, 2, "V005", 4 * N + 2, 3, "/projects/0/evaluations/0/comments/r20000",
                "comment key \"r20000\" given twice");
    /* r40000 is new in row 40003, a duplicate in row 40004 */
    EXPECT_DIAG(rep, 3, "V005", 4 * N + 4, 3, "/projects/0/evaluations/0/comments/r40000",
                "comment key \"r40000\" given twice");
    hyoka_report_free(rep);
    many_keys_free(small);
    many_keys_free(big);
}

/* ------------------------------------------------------------------------ */
/* Codes and fiscal years: duplicates, and many rows                          */

/* The writer numbers the years of one fiscal year in project order,
 * whatever order the years are in, and the reader gives them back so. */
static void test_write_year_index(void **state)
{
    static const int32_t fy[] = {2008, 2007, 2008, 2006, 2007, 2008};
    hyoka_portfolio *pf = NULL;
    hyoka_project *p = NULL;
    char *got;
    (void)state;

    OK(hyoka_portfolio_new(&pf));
    OK(hyoka_project_new(&p));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_CODE, "1", HYOKA_NTS));
    OK(hyoka_portfolio_add_project(pf, p));
    for (size_t i = 0; i < sizeof fy / sizeof fy[0]; i++) {
        hyoka_costs *c = NULL;
        hyoka_staff *st = NULL;
        OK(hyoka_project_add_year(p, fy[i], &c));
        OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, (int64_t)i));
        OK(hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, &st));
        OK(hyoka_staff_set_amount(st, HYOKA_STAFF_AMOUNT, (int64_t)i * 10));
    }
    got = table_text(pf, HYOKA_CSV_YEARS, ENC_UTF8, NULL);
    assert_non_null(strstr(got, "\r\n1,2008,,,,,0,"));
    assert_non_null(strstr(got, "\r\n1,2007,,,,,1,"));
    assert_non_null(strstr(got, "\r\n1,2008,2,,,,2,"));
    assert_non_null(strstr(got, "\r\n1,2006,,,,,3,"));
    assert_non_null(strstr(got, "\r\n1,2007,2,,,,4,"));
    assert_non_null(strstr(got, "\r\n1,2008,3,,,,5,"));
    hyoka_free(got);
    got = table_text(pf, HYOKA_CSV_STAFF, ENC_UTF8, NULL);
    assert_non_null(strstr(got, "\r\n1,2008,3,1,"));
    assert_non_null(strstr(got, "\r\n1,2007,2,1,"));
    hyoka_free(got);

    /* A project with enough years to be numbered through its year index:
     * three fiscal years repeated out of order. */
    OK(hyoka_project_new(&p));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_CODE, "2", HYOKA_NTS));
    OK(hyoka_portfolio_add_project(pf, p));
    for (int i = 0; i < 40; i++) {
        hyoka_costs *c = NULL;
        OK(hyoka_project_add_year(p, 2010 + (i * 7) % 3, &c));
        OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, i));
    }
    got = table_text(pf, HYOKA_CSV_YEARS, ENC_UTF8, NULL);
    assert_non_null(strstr(got, "\r\n2,2010,,,,,0,"));   /* i = 0: the first 2010 */
    assert_non_null(strstr(got, "\r\n2,2011,,,,,1,"));   /* i = 1: 7 % 3 = 1 */
    assert_non_null(strstr(got, "\r\n2,2010,2,,,,3,"));  /* i = 3: 21 % 3 = 0 */
    assert_non_null(strstr(got, "\r\n2,2012,13,,,,38,")); /* i = 38: the 13th 2012 */
    hyoka_free(got);
    roundtrip(pf, ENC_UTF8);
    hyoka_portfolio_free(pf);
}

/* The reader finds these without a search of the model's lists: the same
 * diagnostics as the search did, in particular which band is found first
 * when a row's code and min are both taken. */
static void test_duplicate_codes(void **state)
{
    const char *in[NT] = {0};
    hyoka_report *rep;
    (void)state;

    in[HYOKA_CSV_PROJECTS] = "project\r\n1\r\n2\r\n";
    in[HYOKA_CSV_YEARS] = "project,fiscal_year,year_index\r\n"
                          "1,2007,\r\n1,2007,2\r\n1,2008,\r\n"
                          "1,2007,2\r\n"    /* twice */
                          "1,2007,4\r\n"    /* out of sequence */
                          "2,2007,1\r\n";   /* another project */
    in[HYOKA_CSV_STAFF] = "project,fiscal_year,year_index,staff_index\r\n"
                          "1,2007,2,1\r\n2,2007,,1\r\n"
                          "1,2008,2,1\r\n"  /* no such year */
                          "1,2007,1,1\r\n";
    in[HYOKA_CSV_INDICATORS] = "project,indicator\r\n1,1\r\n2,1\r\n";
    in[HYOKA_CSV_VALUES] = "project,indicator,fiscal_year,target\r\n"
                           "1,1,2007,1\r\n1,1,2008,2\r\n2,1,2007,3\r\n"
                           "1,1,2007,4\r\n";  /* twice */
    in[HYOKA_CSV_SCHEMES] = "scheme,element,criterion,code,label,min,group,kind\r\n"
                            "s,scheme,,,S,,,\r\n"
                            "s,scheme,,,again,,,\r\n"     /* 3: twice */
                            "s,criterion,,c,,,,\r\n"
                            "s,criterion,,d,,,,\r\n"
                            "s,criterion,,c,,,,\r\n"      /* 6: twice */
                            "s,option,c,A,,,,\r\n"
                            "s,option,d,A,,,,\r\n"        /* another criterion */
                            "s,option,c,A,,,,\r\n"        /* 9: twice */
                            "s,verdict,,v,,,continue,\r\n"
                            "s,verdict,,v,,,end,\r\n"     /* 11 */
                            "s,budget,,b,,,,same\r\n"
                            "s,budget,,b,,,,end\r\n"      /* 13 */
                            "s,band,,hi,,2,,\r\n"
                            "s,band,,lo,,1,,\r\n"
                            "s,band,,mid,,1.0,,\r\n"      /* 16: the min of lo */
                            "s,band,,lo,,2.0,,\r\n"       /* 17: min of hi (first), code of lo */
                            "s,band,,hi,,1,,\r\n"         /* 18: code of hi (first), min of lo */
                            "s,band,,lo,,1,,\r\n"         /* 19: both of lo: the code */
                            "t,scheme,,,,,,\r\n"
                            "t,criterion,,c,,,,\r\n"      /* another scheme */
                            "t,verdict,,v,,,continue,\r\n"
                            "t,band,,hi,,2,,\r\n";
    rep = read_bad(in, ENC_UTF8, 13);
    EXPECT_DIAG(rep, 0, "V005", 3, 1, "", "schemes: row 3, column 1 (scheme): scheme \"s\" given twice");
    EXPECT_DIAG(rep, 1, "V005", 6, 4, "/schemes/0/criteria/2/code",
                "schemes: row 6, column 4 (code): hyoka_scheme_add_criterion: criterion \"c\" already exists in "
                "scheme \"s\"");
    EXPECT_DIAG(rep, 2, "V005", 9, 4, "/schemes/0/criteria/0/options/1/code",
                "hyoka_scheme_add_option: option \"A\" already exists in criterion \"c\"");
    EXPECT_DIAG(rep, 3, "V005", 11, 4, "/schemes/0/verdicts/1/code",
                "hyoka_scheme_add_verdict: verdict \"v\" already exists in scheme \"s\"");
    EXPECT_DIAG(rep, 4, "V005", 13, 4, "/schemes/0/budget_directions/1/code",
                "hyoka_scheme_add_budget: budget direction \"b\" already exists in scheme \"s\"");
    EXPECT_DIAG(rep, 5, "V005", 16, 4, "/schemes/0/rating/bands/2/code",
                "hyoka_scheme_add_band: band \"lo\" of scheme \"s\" already starts at that minimum");
    EXPECT_DIAG(rep, 6, "V005", 17, 4, "/schemes/0/rating/bands/2/code",
                "hyoka_scheme_add_band: band \"hi\" of scheme \"s\" already starts at that minimum");
    EXPECT_DIAG(rep, 7, "V005", 18, 4, "/schemes/0/rating/bands/2/code",
                "hyoka_scheme_add_band: band \"hi\" already exists in scheme \"s\"");
    EXPECT_DIAG(rep, 8, "V005", 19, 4, "/schemes/0/rating/bands/2/code",
                "hyoka_scheme_add_band: band \"lo\" already exists in scheme \"s\"");
    EXPECT_DIAG(rep, 9, "V005", 5, 2, "/projects/0/years/3/fiscal_year",
                "years: row 5, column 2 (fiscal_year): fiscal year 2007 (year_index 2) given twice");
    EXPECT_DIAG(rep, 10, "V005", 6, 3, "/projects/0/years/3",
                "year_index 4 is out of sequence: the next year_index of fiscal year 2007 is 3");
    EXPECT_DIAG(rep, 11, "V006", 4, 2, "/projects/0",
                "staff: row 4, column 2 (fiscal_year): the project has no year 2008 (year_index 2) in years");
    EXPECT_DIAG(rep, 12, "V005", 5, 3, "/projects/0/indicators/0/values/2/fiscal_year",
                "values: row 5, column 3 (fiscal_year): fiscal year \"2007\" given twice");
    hyoka_report_free(rep);
}

/* @p n rows of each kind: years of one fiscal year of one project with a
 * staff line each, indicators with a value each, n / 5 values of the first
 * indicator, schemes, and the criteria, options (one per criterion, and n
 * of the first), verdicts, budget directions and bands (highest first) of
 * the first scheme. */
static void many_rows_tables(size_t n, struct text tx[NT])
{
    char row[96];
    memset(tx, 0, NT * sizeof *tx);
    text_add(&tx[HYOKA_CSV_PROJECTS], "project,code\r\n1,P1\r\n");
    text_add(&tx[HYOKA_CSV_YEARS], "project,fiscal_year,year_index,settlement\r\n");
    text_add(&tx[HYOKA_CSV_STAFF], "project,fiscal_year,year_index,staff_index,amount\r\n");
    text_add(&tx[HYOKA_CSV_INDICATORS], "project,indicator,name\r\n");
    text_add(&tx[HYOKA_CSV_VALUES], "project,indicator,fiscal_year,target\r\n");
    text_add(&tx[HYOKA_CSV_SCHEMES], "scheme,element,criterion,code,min,group,kind\r\n");
    for (size_t i = 0; i < n; i++) {
        snprintf(row, sizeof row, "1,2000,%zu,%zu\r\n", i + 1, i);
        text_add(&tx[HYOKA_CSV_YEARS], row);
        snprintf(row, sizeof row, "1,2000,%zu,1,%zu\r\n", i + 1, 2 * i);
        text_add(&tx[HYOKA_CSV_STAFF], row);
        snprintf(row, sizeof row, "1,%zu,i%zu\r\n", i + 1, i);
        text_add(&tx[HYOKA_CSV_INDICATORS], row);
        if (i > 0) {
            snprintf(row, sizeof row, "1,%zu,2000,%zu\r\n", i + 1, i);
            text_add(&tx[HYOKA_CSV_VALUES], row);
        }
        snprintf(row, sizeof row, "s%zu,scheme,,,,,\r\n", i);
        text_add(&tx[HYOKA_CSV_SCHEMES], row);
    }
    for (size_t i = 0; i < n / 5; i++) {
        snprintf(row, sizeof row, "1,1,%zu,%zu\r\n", 1868 + i, i);
        text_add(&tx[HYOKA_CSV_VALUES], row);
    }
    for (size_t i = 0; i < n; i++) {
        snprintf(row, sizeof row, "s0,criterion,,c%zu,,,\r\n", i);
        text_add(&tx[HYOKA_CSV_SCHEMES], row);
    }
    for (size_t i = 0; i < n; i++) {
        snprintf(row, sizeof row, "s0,option,c%zu,A,,,\r\ns0,option,c0,o%zu,,,\r\n", i, i);
        text_add(&tx[HYOKA_CSV_SCHEMES], row);
        snprintf(row, sizeof row, "s0,verdict,,v%zu,,continue,\r\ns0,budget,,b%zu,,,same\r\n", i, i);
        text_add(&tx[HYOKA_CSV_SCHEMES], row);
        snprintf(row, sizeof row, "s0,band,,r%zu,%zu,,\r\n", i, n - i);
        text_add(&tx[HYOKA_CSV_SCHEMES], row);
    }
}

/* 40,000 rows of each kind: all read, in order, in about linear time (the
 * searches of the model's lists were quadratic: tens of seconds for tables
 * like these), and duplicates of early rows in the last rows still found. */
static void test_many_rows(void **state)
{
    enum { N = 10000 };
    struct text small[NT], big[NT];
    hyoka_portfolio *pf = NULL;
    hyoka_project *p;
    const hyoka_scheme *s;
    hyoka_report *rep = NULL;
    const char *code;
    int64_t x;
    int rc;
    (void)state;

    many_rows_tables(N, small);
    many_rows_tables(4 * N, big);
    pf = read_linear(small, big, N, "rows of each kind");

    p = hyoka_portfolio_project_at(pf, 0);
    assert_int_equal(hyoka_project_year_count(p), 4 * N);
    assert_int_equal(hyoka_project_indicator_count(p), 4 * N);
    for (size_t i = 0; i < 4 * N; i++) {
        hyoka_costs *c = hyoka_project_year_at(p, i);
        hyoka_indicator *ind = hyoka_project_indicator_at(p, i);
        hyoka_decimal d;
        assert_int_equal(hyoka_costs_fiscal_year(c), 2000);
        assert_int_equal(hyoka_costs_get(c, HYOKA_COST_SETTLEMENT, &x), 1);
        assert_int_equal(x, (int64_t)i);
        assert_int_equal(hyoka_costs_staff_count(c), 1);
        assert_int_equal(hyoka_staff_get_amount(hyoka_costs_staff_at(c, 0), HYOKA_STAFF_AMOUNT, &x), 1);
        assert_int_equal(x, (int64_t)(2 * i));
        if (i > 0) {
            assert_int_equal(hyoka_indicator_year_count(ind), 1);
            assert_int_equal(hyoka_indicator_value(ind, 2000, HYOKA_VALUE_TARGET, &d), 1);
            OK(hyoka_decimal_to_int(&d, HYOKA_ROUND_HALF_UP, &x));
            assert_int_equal(x, (int64_t)i);
        }
    }
    {
        hyoka_indicator *ind = hyoka_project_indicator_at(p, 0);
        assert_int_equal(hyoka_indicator_year_count(ind), 4 * N / 5);
        for (size_t i = 0; i < 4 * N / 5; i++)
            assert_int_equal(hyoka_indicator_year_at(ind, i), 1868 + (int32_t)i);
    }
    assert_int_equal(hyoka_portfolio_scheme_count(pf), 4 * N);
    for (size_t i = 0; i < 4 * N; i++) {
        char want[32];
        snprintf(want, sizeof want, "s%zu", i);
        assert_string_equal(hyoka_scheme_id(hyoka_portfolio_scheme_at(pf, i)), want);
    }
    s = hyoka_portfolio_scheme_at(pf, 0);
    assert_int_equal(hyoka_scheme_criterion_count(s), 4 * N);
    assert_int_equal(hyoka_scheme_option_count(s, 0), 4 * N + 1);
    assert_int_equal(hyoka_scheme_option_count(s, 4 * N - 1), 1);
    assert_int_equal(hyoka_scheme_verdict_count(s), 4 * N);
    assert_int_equal(hyoka_scheme_budget_count(s), 4 * N);
    assert_int_equal(hyoka_scheme_band_count(s), 4 * N);
    for (size_t i = 0; i < 4 * N; i++) {
        char want[32];
        hyoka_decimal min;
        snprintf(want, sizeof want, "c%zu", i);
        OK(hyoka_scheme_criterion_at(s, i, &code, NULL, NULL));
        assert_string_equal(code, want);
        snprintf(want, sizeof want, "o%zu", i);
        OK(hyoka_scheme_option_at(s, 0, i + 1, &code, NULL, NULL, NULL));
        assert_string_equal(code, want);
        snprintf(want, sizeof want, "v%zu", i);
        OK(hyoka_scheme_verdict_at(s, i, &code, NULL, NULL));
        assert_string_equal(code, want);
        snprintf(want, sizeof want, "r%zu", i);
        OK(hyoka_scheme_band_at(s, i, &min, &code, NULL));
        assert_string_equal(code, want);
        OK(hyoka_decimal_to_int(&min, HYOKA_ROUND_HALF_UP, &x));
        assert_int_equal(x, (int64_t)(4 * N - i));
    }
    hyoka_portfolio_free(pf);
    pf = NULL;

    /* Early rows again in the last: found, at their rows. */
    text_add(&big[HYOKA_CSV_YEARS], "1,2000,1,0\r\n");
    text_add(&big[HYOKA_CSV_STAFF], "1,2000,40001,1,0\r\n");
    text_add(&big[HYOKA_CSV_VALUES], "1,1,9867,0\r\n1,40000,2000,0\r\n");
    text_add(&big[HYOKA_CSV_SCHEMES], "s39999,scheme,,,,,\r\n"
                                      "s0,criterion,,c39999,,,\r\n"
                                      "s0,option,c0,o39999,,,\r\n"
                                      "s0,verdict,,v0,,end,\r\n"
                                      "s0,band,,r0,0.5,,\r\n"
                                      "s0,band,,new,40000,,\r\n");
    OK(hyoka_report_new(&rep));
    many_keys_read(big, rep, &pf, &rc);
    assert_int_equal(rc, HYOKA_EINVALID);
    assert_null(pf);
    if (hyoka_report_count(rep) != 10)
        print_report(rep);
    assert_int_equal(hyoka_report_count(rep), 10);
    EXPECT_DIAG(rep, 0, "V005", 7 * 4 * N + 2, 1, "", "scheme \"s39999\" given twice");
    EXPECT_DIAG(rep, 1, "V005", 7 * 4 * N + 3, 4, "/schemes/0/criteria/40000/code",
                "criterion \"c39999\" already exists in scheme \"s0\"");
    EXPECT_DIAG(rep, 2, "V005", 7 * 4 * N + 4, 4, "/schemes/0/criteria/0/options/40001/code",
                "option \"o39999\" already exists in criterion \"c0\"");
    EXPECT_DIAG(rep, 3, "V005", 7 * 4 * N + 5, 4, "/schemes/0/verdicts/40000/code",
                "verdict \"v0\" already exists in scheme \"s0\"");
    EXPECT_DIAG(rep, 4, "V005", 7 * 4 * N + 6, 4, "/schemes/0/rating/bands/40000/code",
                "band \"r0\" already exists in scheme \"s0\"");
    EXPECT_DIAG(rep, 5, "V005", 7 * 4 * N + 7, 4, "/schemes/0/rating/bands/40000/code",
                "band \"r0\" of scheme \"s0\" already starts at that minimum");
    EXPECT_DIAG(rep, 6, "V005", 4 * N + 2, 2, "/projects/0/years/40000/fiscal_year",
                "fiscal year 2000 (year_index 1) given twice");
    EXPECT_DIAG(rep, 7, "V006", 4 * N + 2, 2, "/projects/0", "the project has no year 2000 (year_index 40001)");
    EXPECT_DIAG(rep, 8, "V005", 4 * N + 4 * N / 5 + 1, 3, "/projects/0/indicators/0/values/8000/fiscal_year",
                "fiscal year \"9867\" given twice");
    EXPECT_DIAG(rep, 9, "V005", 4 * N + 4 * N / 5 + 2, 3, "/projects/0/indicators/39999/values/1/fiscal_year",
                "fiscal year \"2000\" given twice");
    hyoka_report_free(rep);
    many_keys_free(small);
    many_keys_free(big);
}

/* Random damage to valid tables: never a crash, a hang or a leak. */
static void test_garbage(void **state)
{
    hyoka_portfolio *pf = full_portfolio(true);
    struct tables t = {{0}, {0}};
    unsigned long seed = 12345;
    (void)state;

    write_all(pf, ENC_CP932, &t);
    for (int round = 0; round < 3000; round++) {
        const char *texts[NT];
        size_t lens[NT];
        char *copy[NT];
        hyoka_csv_options o = opts(round % 3);
        hyoka_report *rep = NULL;
        hyoka_portfolio *back = NULL;
        for (int i = 0; i < NT; i++) {
            copy[i] = malloc(t.n[i] + 1);
            assert_non_null(copy[i]);
            memcpy(copy[i], t.t[i], t.n[i] + 1);
            for (int k = 0; k < 1 + round % 5; k++) {
                seed = seed * 6364136223846793005ul + 1442695040888963407ul;
                if (t.n[i])
                    copy[i][(seed >> 33) % t.n[i]] = (char)(seed >> 20);
            }
            texts[i] = copy[i];
            lens[i] = t.n[i] - (round % 7 == 0 && t.n[i] ? (seed >> 40) % t.n[i] : 0);
        }
        OK(hyoka_report_new(&rep));
        {
            int rc = hyoka_csv_read_tables(texts, lens, &o, &back, rep);
            assert_true(rc == HYOKA_OK || rc == HYOKA_EINVALID);
            assert_true((rc == HYOKA_OK) == (back != NULL));
        }
        hyoka_portfolio_free(back);
        hyoka_report_free(rep);
        for (int i = 0; i < NT; i++)
            free(copy[i]);
    }
    free_all(&t);
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Folders                                                                   */

static void test_folders(void **state)
{
    char tmp[] = "/tmp/hyoka-csv-XXXXXX", dir[256], file[300];
    hyoka_portfolio *pf = full_portfolio(true), *back = NULL, *bad = full_portfolio(false);
    hyoka_csv_options o = opts(ENC_CP932);
    hyoka_report *rep = NULL;
    FILE *f;
    (void)state;

    assert_non_null(mkdtemp(tmp));
    /* nested folders are created */
    snprintf(dir, sizeof dir, "%s/a/b/", tmp);
    OK(hyoka_csv_write_dir(pf, dir, NULL, NULL));
    assert_int_equal(docs_count_entries(dir), NT + 1); /* the tables and the .hyoka-output marker */
    OK(hyoka_csv_read_dir(dir, NULL, &back, NULL));
    assert_true(hyoka_portfolio_equal(pf, back));
    hyoka_portfolio_free(back);
    /* and written again over the old files, in CP932 */
    OK(hyoka_csv_write_dir(pf, dir, &o, NULL));
    OK(hyoka_csv_read_dir(dir, &o, &back, NULL));
    assert_true(hyoka_portfolio_equal(pf, back));
    hyoka_portfolio_free(back);
    /* missing files are empty tables */
    for (int i = 0; i < NT; i++)
        if (i != HYOKA_CSV_PROJECTS) {
            snprintf(file, sizeof file, "%s%s.csv", dir, hyoka_csv_table_name(i));
            assert_int_equal(unlink(file), 0);
        }
    OK(hyoka_csv_read_dir(dir, &o, &back, NULL));
    assert_int_equal(hyoka_portfolio_project_count(back), hyoka_portfolio_project_count(pf));
    assert_int_equal(hyoka_portfolio_scheme_count(back), 0);
    hyoka_portfolio_free(back);

    /* CP932 failure: nothing written, not even the folder */
    snprintf(dir, sizeof dir, "%s/c", tmp);
    OK(hyoka_report_new(&rep));
    assert_int_equal(hyoka_csv_write_dir(bad, dir, &o, rep), HYOKA_EENCODING);
    assert_true(hyoka_report_count(rep) >= 5);
    assert_int_equal(docs_count_entries(dir), -1);
    hyoka_report_free(rep);

    /* I/O errors */
    snprintf(file, sizeof file, "%s/plain", tmp);
    f = fopen(file, "w");
    assert_non_null(f);
    fclose(f);
    snprintf(dir, sizeof dir, "%s/plain/sub", tmp);
    assert_int_equal(hyoka_csv_write_dir(pf, dir, NULL, NULL), HYOKA_EIO);
    assert_non_null(strstr(hyoka_error_last(), "plain"));
    assert_int_equal(hyoka_csv_write_dir(pf, file, NULL, NULL), HYOKA_EIO);
    assert_int_equal(hyoka_csv_read_dir(file, NULL, &back, NULL), HYOKA_EIO);
    snprintf(dir, sizeof dir, "%s/nowhere", tmp);
    assert_int_equal(hyoka_csv_read_dir(dir, NULL, &back, NULL), HYOKA_EIO);
    assert_null(back);
    assert_non_null(strstr(hyoka_error_last(), "nowhere"));

    docs_remove_tree(tmp);
    hyoka_portfolio_free(pf);
    hyoka_portfolio_free(bad);
}

/* ------------------------------------------------------------------------ */
/* Allocation failures                                                       */

static const hyoka_portfolio *sweep_pf;
static struct tables sweep_tables;
static int sweep_encoding;

static int body_write(void *ctx)
{
    hyoka_csv_options o = opts(sweep_encoding);
    hyoka_report *rep = NULL;
    int rc = hyoka_report_new(&rep);
    (void)ctx;
    for (int i = 0; i < NT && rc == HYOKA_OK; i++) {
        char *out = NULL;
        size_t n = 0;
        rc = hyoka_csv_write_table(sweep_pf, i, &o, &out, &n, rep);
        if (rc == HYOKA_OK) {
            assert_int_equal(n, sweep_tables.n[i]);
            assert_memory_equal(out, sweep_tables.t[i], n);
            hyoka_free(out);
        }
    }
    hyoka_report_free(rep);
    return rc;
}

static int body_read(void *ctx)
{
    hyoka_csv_options o = opts(sweep_encoding);
    const char *texts[NT];
    hyoka_report *rep = NULL;
    hyoka_portfolio *pf = NULL;
    int rc;
    (void)ctx;
    for (int i = 0; i < NT; i++)
        texts[i] = sweep_tables.t[i];
    rc = hyoka_report_new(&rep);
    if (rc == HYOKA_OK)
        rc = hyoka_csv_read_tables(texts, sweep_tables.n, &o, &pf, rep);
    if (rc == HYOKA_OK) {
        assert_true(hyoka_portfolio_equal(pf, sweep_pf));
        hyoka_portfolio_free(pf);
    } else {
        assert_null(pf);
    }
    hyoka_report_free(rep);
    return rc;
}

/* A bad table: the errors must not hide an allocation failure. */
static int body_read_bad(void *ctx)
{
    const char *in[NT] = {0};
    hyoka_report *rep = NULL;
    hyoka_portfolio *pf = NULL;
    int rc;
    (void)ctx;
    in[HYOKA_CSV_PROJECTS] = "project,code,duty\r\n1,\"a,b\",x\r\n2,\"open\r\n";
    in[HYOKA_CSV_YEARS] = "project,fiscal_year,settlement\r\n9,2007,1\r\n1,H32,x\r\n";
    rc = hyoka_report_new(&rep);
    if (rc == HYOKA_OK)
        rc = read_texts(in, ENC_UTF8, rep, &pf);
    assert_null(pf);
    hyoka_report_free(rep);
    return rc == HYOKA_EINVALID ? HYOKA_OK : rc;
}

/* Enough keys for the duplicate set to grow, and a duplicate. */
static int body_read_keys(void *ctx)
{
    char ext[1024], ans[1024];
    const char *in[NT] = {0};
    hyoka_report *rep = NULL;
    hyoka_portfolio *pf = NULL;
    size_t o = 0, a = 0;
    int rc;
    (void)ctx;
    o += (size_t)snprintf(ext + o, sizeof ext - o, "project,key,value\r\n");
    a += (size_t)snprintf(ans + a, sizeof ans - a, "project,evaluation,criterion,answer\r\n");
    for (int i = 0; i < 20; i++) {
        o += (size_t)snprintf(ext + o, sizeof ext - o, "%d,k%d,v\r\n", 1 + i % 2, i / 2);
        a += (size_t)snprintf(ans + a, sizeof ans - a, "1,1,c%d,A\r\n", i);
    }
    snprintf(ext + o, sizeof ext - o, "2,k3,again\r\n");
    in[HYOKA_CSV_PROJECTS] = "project\r\n1\r\n2\r\n";
    in[HYOKA_CSV_EVALUATIONS] = "project,evaluation\r\n1,1\r\n";
    in[HYOKA_CSV_EXTENSIONS] = ext;
    in[HYOKA_CSV_ANSWERS] = ans;
    rc = hyoka_report_new(&rep);
    if (rc == HYOKA_OK)
        rc = read_texts(in, ENC_UTF8, rep, &pf);
    assert_null(pf);
    if (rc == HYOKA_EINVALID) {
        assert_int_equal(hyoka_report_count(rep), 1);
        EXPECT_DIAG(rep, 0, "V005", 22, 2, "/projects/1/extensions/k3", "extension key \"k3\" given twice");
    }
    hyoka_report_free(rep);
    return rc == HYOKA_EINVALID ? HYOKA_OK : rc;
}

/* Enough years, values and scheme codes for the reader's map, key set and
 * band mins to grow, and a duplicate of each kind. */
static int body_read_codes(void *ctx)
{
    char yr[512], st[512], va[512], sc[2048];
    const char *in[NT] = {0};
    hyoka_report *rep = NULL;
    hyoka_portfolio *pf = NULL;
    size_t y = 0, t = 0, v = 0, o = 0;
    int rc;
    (void)ctx;
    y += (size_t)snprintf(yr + y, sizeof yr - y, "project,fiscal_year,year_index\r\n");
    t += (size_t)snprintf(st + t, sizeof st - t, "project,fiscal_year,year_index,staff_index\r\n");
    v += (size_t)snprintf(va + v, sizeof va - v, "project,indicator,fiscal_year,target\r\n");
    o += (size_t)snprintf(sc + o, sizeof sc - o, "scheme,element,criterion,code,min,group,kind\r\n"
                                                 "s,scheme,,,,,\r\nt,scheme,,,,,\r\n");
    for (int i = 0; i < 6; i++) {
        y += (size_t)snprintf(yr + y, sizeof yr - y, "1,%d,%d\r\n", 2000 + i % 2, i / 2 + 1);
        t += (size_t)snprintf(st + t, sizeof st - t, "1,%d,%d,1\r\n", 2000 + i % 2, i / 2 + 1);
        v += (size_t)snprintf(va + v, sizeof va - v, "1,1,%d,%d\r\n", 2000 + i, i);
        o += (size_t)snprintf(sc + o, sizeof sc - o,
                              "s,criterion,,c%d,,,\r\ns,option,c0,o%d,,,\r\ns,verdict,,v%d,,end,\r\n"
                              "s,budget,,b%d,,,same\r\ns,band,,r%d,%d,,\r\n",
                              i, i, i, i, i, 10 - i);
    }
    snprintf(yr + y, sizeof yr - y, "1,2001,3\r\n");
    snprintf(va + v, sizeof va - v, "1,1,2003,0\r\n");
    snprintf(sc + o, sizeof sc - o, "s,criterion,,c3,,,\r\ns,band,,x,7,,\r\n");
    in[HYOKA_CSV_PROJECTS] = "project\r\n1\r\n";
    in[HYOKA_CSV_INDICATORS] = "project,indicator\r\n1,1\r\n";
    in[HYOKA_CSV_YEARS] = yr;
    in[HYOKA_CSV_STAFF] = st;
    in[HYOKA_CSV_VALUES] = va;
    in[HYOKA_CSV_SCHEMES] = sc;
    rc = hyoka_report_new(&rep);
    if (rc == HYOKA_OK)
        rc = read_texts(in, ENC_UTF8, rep, &pf);
    assert_null(pf);
    if (rc == HYOKA_EINVALID) {
        assert_int_equal(hyoka_report_count(rep), 4);
        EXPECT_DIAG(rep, 0, "V005", 34, 4, "/schemes/0/criteria/6/code", "criterion \"c3\" already exists");
        EXPECT_DIAG(rep, 1, "V005", 35, 4, "/schemes/0/rating/bands/6/code",
                    "band \"r3\" of scheme \"s\" already starts at that minimum");
        EXPECT_DIAG(rep, 2, "V005", 8, 2, "/projects/0/years/6/fiscal_year",
                    "fiscal year 2001 (year_index 3) given twice");
        EXPECT_DIAG(rep, 3, "V005", 8, 3, "/projects/0/indicators/0/values/6/fiscal_year",
                    "fiscal year \"2003\" given twice");
    }
    hyoka_report_free(rep);
    return rc == HYOKA_EINVALID ? HYOKA_OK : rc;
}

static char sweep_dir[64];

static int body_dirs(void *ctx)
{
    char dir[128];
    hyoka_portfolio *pf = NULL;
    int rc;
    (void)ctx;
    snprintf(dir, sizeof dir, "%s/x", sweep_dir);
    rc = hyoka_csv_write_dir(sweep_pf, dir, NULL, NULL);
    if (rc == HYOKA_OK)
        rc = hyoka_csv_read_dir(dir, NULL, &pf, NULL);
    if (rc == HYOKA_OK) {
        assert_true(hyoka_portfolio_equal(pf, sweep_pf));
        hyoka_portfolio_free(pf);
    }
    docs_remove_tree(dir);
    return rc;
}

static void test_alloc_failures(void **state)
{
    hyoka_portfolio *pf = small_portfolio();
    hyoka_project *p = hyoka_portfolio_project_at(pf, 0);
    hyoka_evaluation *e = NULL;
    hyoka_scheme *s = NULL;
    size_t ci = 0;
    long n;
    (void)state;

    OK(hyoka_project_add_class(p, HYOKA_CLASS_POLICY, "政策", NTS, "8", NTS, NULL, 0));
    OK(hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, NULL));
    OK(hyoka_project_add_evaluation(p, HYOKA_STAGE_PRIMARY, &e));
    OK(hyoka_evaluation_set_answer(e, "c", NTS, "A", NTS));
    OK(hyoka_evaluation_set_comment(e, "reason", NTS, "x", NTS));
    OK(hyoka_evaluation_add_goal(e, "g", NTS, NULL, 0, 20081200));
    OK(hyoka_scheme_new(&s, "s", NTS));
    OK(hyoka_scheme_add_criterion(s, "c", NTS, NULL, 0, NULL, &ci));
    OK(hyoka_scheme_add_option(s, ci, "A", NTS, NULL, 0, NULL));
    OK(hyoka_scheme_add_verdict(s, "v", NTS, NULL, 0, HYOKA_VERDICT_END));
    OK(hyoka_portfolio_add_scheme(pf, s));
    {
        hyoka_indicator *ind = hyoka_project_indicator_at(p, 0);
        hyoka_decimal d = D("1.5");
        OK(hyoka_indicator_set_value(ind, 2007, HYOKA_VALUE_TARGET, &d));
    }
    sweep_pf = pf;
    for (sweep_encoding = 0; sweep_encoding <= 2; sweep_encoding += 2) {
        write_all(pf, sweep_encoding, &sweep_tables);
        n = failalloc_sweep(body_write, NULL);
        assert_true(n > 14);
        n = failalloc_sweep(body_read, NULL);
        assert_true(n > 14);
        free_all(&sweep_tables);
    }
    failalloc_sweep(body_read_bad, NULL);
    failalloc_sweep(body_read_keys, NULL);
    failalloc_sweep(body_read_codes, NULL);
    strcpy(sweep_dir, "/tmp/hyoka-csv-sweep-XXXXXX");
    assert_non_null(mkdtemp(sweep_dir));
    failalloc_sweep(body_dirs, NULL);
    docs_remove_tree(sweep_dir);
    sweep_pf = NULL;
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Figures as tables (hyoka_metrics_csv_write)                               */

static hyoka_portfolio *metrics_portfolio(void)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *a = NULL, *sub = NULL, *big = NULL;
    hyoka_costs *c = NULL;
    hyoka_staff *s = NULL;
    hyoka_indicator *ind = NULL;

    OK(hyoka_portfolio_new(&pf));
    OK(hyoka_portfolio_set_denominator(pf, 2021, HYOKA_COST_POPULATION, 1000));
    OK(hyoka_project_new(&a));
    OK(hyoka_project_set_code(a, "A", NTS));
    OK(hyoka_project_set_name(a, "=SUM(1,2)", NTS));
    OK(hyoka_project_add_year(a, 2021, &c));
    OK(hyoka_costs_set_phase(c, HYOKA_PHASE_SETTLED));
    OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 500000));
    OK(hyoka_costs_set(c, HYOKA_COST_FINAL_BUDGET, 600000));
    OK(hyoka_project_add_indicator(a, HYOKA_KIND_OUTCOME, &ind));
    OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NAME, "参加者, 数", NTS));
    OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_UNIT, "人", NTS));
    OK(hyoka_indicator_set_direction(ind, HYOKA_DIRECTION_INCREASE));
    {
        hyoka_decimal t = D("40"), v = D("30");
        OK(hyoka_indicator_set_value(ind, 2021, HYOKA_VALUE_TARGET, &t));
        OK(hyoka_indicator_set_value(ind, 2021, HYOKA_VALUE_ACTUAL, &v));
    }
    OK(hyoka_project_new(&sub));
    OK(hyoka_project_set_code(sub, "A-1", NTS));
    OK(hyoka_project_add_year(sub, 2022, &c));
    OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 7));
    OK(hyoka_project_add_child(a, sub));
    OK(hyoka_portfolio_add_project(pf, a));
    OK(hyoka_project_new(&big));
    OK(hyoka_project_set_code(big, "B", NTS));
    OK(hyoka_project_add_year(big, 2021, &c));
    OK(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 1));
    OK(hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, &s));
    {
        hyoka_decimal fte = D("2");
        OK(hyoka_staff_set_decimal(s, HYOKA_STAFF_FTE, &fte));
        OK(hyoka_staff_set_amount(s, HYOKA_STAFF_UNIT_COST, INT64_C(9000000000000000000)));
    }
    OK(hyoka_portfolio_add_project(pf, big));
    return pf;
}

static void test_metrics_tables(void **state)
{
    hyoka_portfolio *pf = metrics_portfolio();
    hyoka_csv_options o = opts(ENC_UTF8);
    hyoka_report *rep = NULL;
    char *out = NULL, tmp[] = "/tmp/hyoka-metrics-XXXXXX", path[300];
    size_t n = 0;
    struct stat st;
    (void)state;

    OK(hyoka_metrics_csv_write(pf, HYOKA_METRICS_YEARS, &o, &out, &n, NULL));
    assert_int_equal(strlen(out), n);
    assert_memory_equal(out,
        "project,code,parent_code,name,fiscal_year,phase,expense,expense_reason,personnel,personnel_reason,"
        "debt_service,debt_service_reason,indirect_costs,indirect_costs_reason,total_cost,total_cost_reason,"
        "general_revenue,general_revenue_reason,specific_revenue,specific_revenue_reason,per_capita,per_capita_reason,"
        "per_household,per_household_reason,unit_cost,unit_cost_reason,per_beneficiary,per_beneficiary_reason,"
        "execution_rate,execution_rate_reason,personnel_share,personnel_share_reason,general_revenue_share,"
        "general_revenue_share_reason,total_cost_change,total_cost_change_reason\r\n", 538);
    /* a formula is neutralised; the per-capita figure of 2021 computed */
    assert_non_null(strstr(out, "\r\n1,A,,\"'=SUM(1,2)\",2021,settled,500000,,0,,0,,0,,500000,,,no_general_revenue,0,,"
                                "500.0,,,no_households,,no_usage,,no_beneficiaries,83.3,,0.0,,,"
                                "no_general_revenue,,no_previous_year\r\n"));
    /* the sub-project, after its parent, with the parent's code */
    assert_non_null(strstr(out, "\r\n1.1,A-1,A,,2022,,7,,0,,"));
    /* the overflow: those figures alone, with their reason */
    assert_non_null(strstr(out, "\r\n2,B,,,2021,,1,,,overflow,0,,0,,,overflow,"));
    hyoka_free(out);

    OK(hyoka_metrics_csv_write(pf, HYOKA_METRICS_INDICATORS, NULL, &out, &n, NULL));
    assert_memory_equal(out, "\xEF\xBB\xBFproject,code,parent_code,indicator,kind,name,unit,fiscal_year,target,actual,"
                             "forecast,achievement,achievement_reason,change,change_reason\r\n"
                             "1,A,,1,outcome,\"参加者, 数\",人,2021,40,30,,75.0,,,no_previous_year\r\n", n);
    hyoka_free(out);

    /* CP932: a character it lacks is V003, and nothing is written */
    OK(hyoka_project_set_name(hyoka_portfolio_project_at(pf, 1), "\xF0\x9F\x98\x80", NTS));
    o = opts(ENC_CP932);
    OK(hyoka_report_new(&rep));
    out = NULL;
    assert_int_equal(hyoka_metrics_csv_write(pf, HYOKA_METRICS_YEARS, &o, &out, &n, rep), HYOKA_EENCODING);
    assert_null(out);
    assert_int_equal(hyoka_report_count(rep), 1);
    assert_string_equal(hyoka_report_code(rep, 0), "V003");
    hyoka_report_free(rep);
    OK(hyoka_project_set_name(hyoka_portfolio_project_at(pf, 1), "大", NTS));
    OK(hyoka_metrics_csv_write(pf, HYOKA_METRICS_YEARS, &o, &out, &n, NULL));
    assert_non_null(memchr(out, '\x91', n)); /* 大 is 0x91 0xE5 in CP932 */
    hyoka_free(out);

    /* arguments */
    assert_int_equal(hyoka_metrics_csv_write(pf, 2, NULL, &out, &n, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_metrics_csv_write(NULL, 0, NULL, &out, &n, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_metrics_csv_write_dir(pf, NULL, NULL, NULL), HYOKA_EINVAL);

    /* a folder of both tables, made by the output policy */
    assert_non_null(mkdtemp(tmp));
    snprintf(path, sizeof path, "%s/figures", tmp);
    OK(hyoka_metrics_csv_write_dir(pf, path, NULL, NULL));
    assert_int_equal(docs_count_entries(path), 3); /* two tables and the marker */
    snprintf(path, sizeof path, "%s/figures/metrics_years.csv", tmp);
    assert_int_equal(stat(path, &st), 0);
    snprintf(path, sizeof path, "%s/figures/metrics_indicators.csv", tmp);
    assert_int_equal(stat(path, &st), 0);
    docs_remove_tree(tmp);
    hyoka_portfolio_free(pf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names_and_options),
        cmocka_unit_test(test_exact_output),
        cmocka_unit_test(test_cp932_output),
        cmocka_unit_test(test_formulas),
        cmocka_unit_test(test_apostrophe_on_input),
        cmocka_unit_test(test_missing_and_empty),
        cmocka_unit_test(test_roundtrip_seeds),
        cmocka_unit_test(test_roundtrip_full),
        cmocka_unit_test(test_roundtrip_deep),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_roundtrip_examples),
        cmocka_unit_test(test_lenient_input),
        cmocka_unit_test(test_unmatched_quote),
        cmocka_unit_test(test_malformed_rows),
        cmocka_unit_test(test_nul_and_cp932_input),
        cmocka_unit_test(test_bad_columns),
        cmocka_unit_test(test_bad_values),
        cmocka_unit_test(test_dangling_keys),
        cmocka_unit_test(test_max_diagnostics),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_duplicate_keys),
        cmocka_unit_test(test_many_keys),
        cmocka_unit_test(test_duplicate_codes),
        cmocka_unit_test(test_write_year_index),
        cmocka_unit_test(test_many_rows),
        cmocka_unit_test(test_garbage),
        cmocka_unit_test(test_folders),
        cmocka_unit_test(test_alloc_failures),
        cmocka_unit_test(test_metrics_tables),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
