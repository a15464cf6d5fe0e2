/* csv: a portfolio as a set of CSV tables, one per entity (docs/csv.md),
 * in UTF-8 (with or without BOM) or CP932, both ways.
 *
 * Writing walks the model and emits one table at a time into a growable
 * buffer (an allocation failure is remembered and every later write does
 * nothing). Text cells go through formula neutralisation and RFC 4180
 * quoting; numbers, enumeration names, fiscal years and dates are written
 * plain. In CP932 every text cell is checked first: a character CP932
 * cannot hold is a V003 diagnostic naming the cell, and nothing is written.
 *
 * Reading parses each table with an RFC 4180 state machine over the raw
 * bytes (the structural bytes , " CR LF never occur inside a multi-byte
 * character in UTF-8 or CP932), decodes each field to UTF-8, matches the
 * header row to the table's columns by name, and builds the portfolio row
 * by row through the model's setters. Every problem is a diagnostic with
 * the table, the row (the record number, header = 1) and the column (the
 * field number), and with a JSON pointer of the item when it is known;
 * reading goes on with the next cell or row, and any error makes the whole
 * read fail with HYOKA_EINVALID.
 *
 * Tables are read in dependency order (document, denominators, schemes,
 * projects, then the tables that refer to projects), so a reference is
 * always to something read before. Within a table, a row may only refer to
 * rows above it (a sub-project to its parent, an option to its criterion),
 * and position columns (project, position, staff_index, indicator,
 * evaluation, goal, year_index) must count up 1, 2, 3... in row order for
 * each parent. */
#if !defined(_POSIX_C_SOURCE) || _POSIX_C_SOURCE < 200809L
#  undef _POSIX_C_SOURCE
#  define _POSIX_C_SOURCE 200809L
#endif

#include "figures/internal.h"
#include "model_build.h"
#include "report.h"
#include "cp932.h"
#include "hyoka/csv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#define HAS(bits, field) (((bits) >> (unsigned)(field)) & 1u)
#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------------ */
/* Tables and columns                                                        */

struct col {
    const char *name; /* header name */
    const char *ptr;  /* JSON pointer of the value, relative to the row's item */
    bool req;         /* the table cannot be read without this column */
};

#define C_(n, p) {n, p, false}
#define R_(n, p) {n, p, true}

enum { DOC_KEY, DOC_VALUE, DOC_COUNT };
static const struct col document_cols[] = {R_("key", ""), R_("value", "")};

enum { DEN_FY, DEN_POPULATION, DEN_HOUSEHOLDS, DEN_COUNT };
static const struct col denominator_cols[] = {
    R_("fiscal_year", "/fiscal_year"), C_("population", "/population"), C_("households", "/households"),
};

enum {
    PJ_PROJECT, PJ_CODE, PJ_NAME, PJ_DEPARTMENT, PJ_SECTION, PJ_GROUP, PJ_HEAD, PJ_CONTACT, PJ_PHONE,
    PJ_DUTY, PJ_PERIOD, PJ_START, PJ_END, PJ_LEGAL_BASIS, PJ_PURPOSE, PJ_TARGET, PJ_INTENT, PJ_RESULT,
    PJ_SUMMARY, PJ_BACKGROUND, PJ_ENVIRONMENT, PJ_OPINIONS, PJ_ACTIVITIES_DONE, PJ_ACTIVITIES_PLANNED,
    PJ_COUNT
};
static const struct col project_cols[] = {
    R_("project", ""),
    C_("code", "/code"),
    C_("name", "/name"),
    C_("department", "/organization/department"),
    C_("section", "/organization/section"),
    C_("group", "/organization/group"),
    C_("head", "/organization/head"),
    C_("contact", "/organization/contact"),
    C_("phone", "/organization/phone"),
    C_("duty", "/duty"),
    C_("period", "/period"),
    C_("start_fiscal_year", "/start_fiscal_year"),
    C_("end_fiscal_year", "/end_fiscal_year"),
    C_("legal_basis", "/legal_basis"),
    C_("purpose", "/texts/purpose"),
    C_("target", "/texts/target"),
    C_("intent", "/texts/intent"),
    C_("result", "/texts/result"),
    C_("summary", "/texts/summary"),
    C_("background", "/texts/background"),
    C_("environment", "/texts/environment"),
    C_("opinions", "/texts/opinions"),
    C_("activities_done", "/texts/activities_done"),
    C_("activities_planned", "/texts/activities_planned"),
};

/* The project text field of each column of the projects table, -1 if none. */
static const signed char project_text_of[PJ_COUNT] = {
    -1, HYOKA_TEXT_CODE, HYOKA_TEXT_NAME, HYOKA_TEXT_DEPARTMENT, HYOKA_TEXT_SECTION, HYOKA_TEXT_GROUP,
    HYOKA_TEXT_HEAD, HYOKA_TEXT_CONTACT, HYOKA_TEXT_PHONE, -1, -1, -1, -1, HYOKA_TEXT_LEGAL_BASIS,
    HYOKA_TEXT_PURPOSE, HYOKA_TEXT_TARGET, HYOKA_TEXT_INTENT, HYOKA_TEXT_RESULT, HYOKA_TEXT_SUMMARY,
    HYOKA_TEXT_BACKGROUND, HYOKA_TEXT_ENVIRONMENT, HYOKA_TEXT_OPINIONS, HYOKA_TEXT_ACTIVITIES_DONE,
    HYOKA_TEXT_ACTIVITIES_PLANNED,
};

enum { CL_PROJECT, CL_PATH, CL_POSITION, CL_LEVEL, CL_CODE, CL_NAME, CL_COUNT };
static const struct col class_cols[] = {
    R_("project", ""), R_("path", ""), R_("position", ""),
    C_("level", "/level"), C_("code", "/code"), C_("name", "/name"),
};

enum { EX_PROJECT, EX_KEY, EX_VALUE, EX_COUNT };
static const struct col extension_cols[] = {R_("project", ""), R_("key", ""), C_("value", "")};

/* years: the cost fields in hyoka_cost_field order from YR_COST, then the
 * stated figures: figures 0..10 (money and per-head) as value and unit
 * columns, figures 11..14 (percentages) as a value column. */
enum { YR_PROJECT, YR_FY, YR_INDEX, YR_PHASE, YR_COST, YR_STATED = YR_COST + HYOKA__COST_FIELD_COUNT, YR_COUNT = 45 };
#define STATED_WITH_UNIT (HYOKA_FIG_PER_BENEFICIARY + 1)
static int stated_col(int figure)
{
    return figure < STATED_WITH_UNIT ? YR_STATED + 2 * figure : YR_STATED + STATED_WITH_UNIT + figure;
}
static int stated_unit_col(int figure)
{
    return YR_STATED + 2 * figure + 1;
}
static const struct col year_cols[] = {
    R_("project", ""),
    R_("fiscal_year", "/fiscal_year"),
    C_("year_index", ""),
    C_("phase", "/phase"),
    C_("initial_budget", "/initial_budget"),
    C_("final_budget", "/final_budget"),
    C_("settlement", "/settlement"),
    C_("national", "/funding/national"),
    C_("prefectural", "/funding/prefectural"),
    C_("bonds", "/funding/bonds"),
    C_("user_charges", "/funding/user_charges"),
    C_("other", "/funding/other"),
    C_("general", "/funding/general"),
    C_("debt_service", "/debt_service"),
    C_("indirect_costs", "/indirect_costs"),
    C_("usage", "/usage"),
    C_("beneficiaries", "/beneficiaries"),
    C_("population", "/population"),
    C_("households", "/households"),
    C_("stated_expense", "/stated/expense"),
    C_("stated_expense_unit", "/stated/expense/unit"),
    C_("stated_personnel", "/stated/personnel"),
    C_("stated_personnel_unit", "/stated/personnel/unit"),
    C_("stated_debt_service", "/stated/debt_service"),
    C_("stated_debt_service_unit", "/stated/debt_service/unit"),
    C_("stated_indirect_costs", "/stated/indirect_costs"),
    C_("stated_indirect_costs_unit", "/stated/indirect_costs/unit"),
    C_("stated_total_cost", "/stated/total_cost"),
    C_("stated_total_cost_unit", "/stated/total_cost/unit"),
    C_("stated_general_revenue", "/stated/general_revenue"),
    C_("stated_general_revenue_unit", "/stated/general_revenue/unit"),
    C_("stated_specific_revenue", "/stated/specific_revenue"),
    C_("stated_specific_revenue_unit", "/stated/specific_revenue/unit"),
    C_("stated_per_capita", "/stated/per_capita"),
    C_("stated_per_capita_unit", "/stated/per_capita/unit"),
    C_("stated_per_household", "/stated/per_household"),
    C_("stated_per_household_unit", "/stated/per_household/unit"),
    C_("stated_unit_cost", "/stated/unit_cost"),
    C_("stated_unit_cost_unit", "/stated/unit_cost/unit"),
    C_("stated_per_beneficiary", "/stated/per_beneficiary"),
    C_("stated_per_beneficiary_unit", "/stated/per_beneficiary/unit"),
    C_("stated_execution_rate", "/stated/execution_rate"),
    C_("stated_personnel_share", "/stated/personnel_share"),
    C_("stated_general_revenue_share", "/stated/general_revenue_share"),
    C_("stated_total_cost_change", "/stated/total_cost_change"),
};

enum {
    ST_PROJECT, ST_FY, ST_YEAR_INDEX, ST_INDEX, ST_CATEGORY, ST_HEADCOUNT, ST_FTE, ST_HOURS, ST_UNIT_COST,
    ST_HOURLY_RATE, ST_AMOUNT, ST_COUNT
};
static const struct col staff_cols[] = {
    R_("project", ""), R_("fiscal_year", ""), C_("year_index", ""), R_("staff_index", ""),
    C_("category", "/category"), C_("headcount", "/headcount"), C_("fte", "/fte"), C_("hours", "/hours"),
    C_("unit_cost", "/unit_cost"), C_("hourly_rate", "/hourly_rate"), C_("amount", "/amount"),
};

enum {
    IN_PROJECT, IN_INDEX, IN_KIND, IN_NAME, IN_UNIT, IN_DEFINITION, IN_DIRECTION, IN_NOT_SETTABLE,
    IN_NOT_SETTABLE_REASON, IN_LT_VALUE, IN_LT_FY, IN_LT_NOTE, IN_COUNT
};
static const struct col indicator_cols[] = {
    R_("project", ""), R_("indicator", ""), C_("kind", "/kind"), C_("name", "/name"), C_("unit", "/unit"),
    C_("definition", "/definition"), C_("direction", "/direction"), C_("not_settable", "/not_settable"),
    C_("not_settable_reason", "/not_settable_reason"), C_("long_term_target", "/long_term_target/value"),
    C_("long_term_fiscal_year", "/long_term_target/fiscal_year"), C_("long_term_note", "/long_term_target/note"),
};

enum { VA_PROJECT, VA_INDICATOR, VA_FY, VA_VALUE, VA_COUNT = VA_VALUE + HYOKA__VALUE_FIELD_COUNT };
static const struct col value_cols[] = {
    R_("project", ""), R_("indicator", ""), R_("fiscal_year", "/fiscal_year"),
    C_("target", "/target"), C_("actual", "/actual"), C_("forecast", "/forecast"),
    C_("stated_achievement", "/stated_achievement"),
};

enum {
    EV_PROJECT, EV_INDEX, EV_STAGE, EV_SCHEME, EV_FY, EV_DATE, EV_EVALUATOR, EV_VERDICT, EV_BUDGET,
    EV_OUTCOME, EV_COST, EV_COUNT
};
static const struct col evaluation_cols[] = {
    R_("project", ""), R_("evaluation", ""), C_("stage", "/stage"), C_("scheme", "/scheme"),
    C_("fiscal_year", "/fiscal_year"), C_("date", "/date"), C_("evaluator", "/evaluator"),
    C_("verdict", "/verdict"), C_("budget", "/budget"), C_("expected_outcome", "/expected/outcome"),
    C_("expected_cost", "/expected/cost"),
};

enum { KV_PROJECT, KV_EVALUATION, KV_KEY, KV_VALUE, KV_COUNT };
static const struct col answer_cols[] = {
    R_("project", ""), R_("evaluation", ""), R_("criterion", ""), C_("answer", ""),
};
static const struct col comment_cols[] = {
    R_("project", ""), R_("evaluation", ""), R_("key", ""), C_("text", ""),
};

enum { GO_PROJECT, GO_EVALUATION, GO_INDEX, GO_WHAT, GO_LEVEL, GO_BY, GO_COUNT };
static const struct col goal_cols[] = {
    R_("project", ""), R_("evaluation", ""), R_("goal", ""),
    C_("what", "/what"), C_("level", "/level"), C_("by", "/by"),
};

enum {
    SC_SCHEME, SC_ELEMENT, SC_CRITERION, SC_CODE, SC_LABEL, SC_WEIGHT, SC_REQUIRED, SC_SCORE, SC_MIN, SC_MAX,
    SC_GROUP, SC_KIND, SC_COUNT
};
static const struct col scheme_cols[] = {
    R_("scheme", ""), R_("element", ""), C_("criterion", ""), C_("code", "/code"), C_("label", "/label"),
    C_("weight", "/weight"), C_("required", "/required"), C_("score", "/score"), C_("min", "/min"),
    C_("max", "/max"), C_("group", "/group"), C_("kind", "/kind"),
};

/* Elements of the schemes table. */
enum { EL_SCHEME, EL_CRITERION, EL_OPTION, EL_RANGE, EL_VERDICT, EL_BUDGET, EL_BAND, EL_MISSING, EL_COUNT };
static const char *const element_names[EL_COUNT] = {
    "scheme", "criterion", "option", "range", "verdict", "budget", "band", "missing",
};
/* Columns each element uses (bit per column). */
#define B_(c) (1u << (c))
static const unsigned element_cols[EL_COUNT] = {
    B_(SC_SCHEME) | B_(SC_ELEMENT) | B_(SC_LABEL),
    B_(SC_SCHEME) | B_(SC_ELEMENT) | B_(SC_CODE) | B_(SC_LABEL) | B_(SC_WEIGHT) | B_(SC_REQUIRED),
    B_(SC_SCHEME) | B_(SC_ELEMENT) | B_(SC_CRITERION) | B_(SC_CODE) | B_(SC_LABEL) | B_(SC_SCORE),
    B_(SC_SCHEME) | B_(SC_ELEMENT) | B_(SC_CRITERION) | B_(SC_MIN) | B_(SC_MAX),
    B_(SC_SCHEME) | B_(SC_ELEMENT) | B_(SC_CODE) | B_(SC_LABEL) | B_(SC_GROUP),
    B_(SC_SCHEME) | B_(SC_ELEMENT) | B_(SC_CODE) | B_(SC_LABEL) | B_(SC_KIND),
    B_(SC_SCHEME) | B_(SC_ELEMENT) | B_(SC_MIN) | B_(SC_CODE) | B_(SC_LABEL),
    B_(SC_SCHEME) | B_(SC_ELEMENT) | B_(SC_CODE) | B_(SC_LABEL),
};

#define MAX_COLS 45

struct table_def {
    const char *name;
    const struct col *cols;
    size_t ncols;
};

static const struct table_def tables[HYOKA_CSV_TABLE_COUNT] = {
    {"document", document_cols, COUNT_OF(document_cols)},
    {"denominators", denominator_cols, COUNT_OF(denominator_cols)},
    {"projects", project_cols, COUNT_OF(project_cols)},
    {"classes", class_cols, COUNT_OF(class_cols)},
    {"extensions", extension_cols, COUNT_OF(extension_cols)},
    {"years", year_cols, COUNT_OF(year_cols)},
    {"staff", staff_cols, COUNT_OF(staff_cols)},
    {"indicators", indicator_cols, COUNT_OF(indicator_cols)},
    {"values", value_cols, COUNT_OF(value_cols)},
    {"evaluations", evaluation_cols, COUNT_OF(evaluation_cols)},
    {"answers", answer_cols, COUNT_OF(answer_cols)},
    {"comments", comment_cols, COUNT_OF(comment_cols)},
    {"goals", goal_cols, COUNT_OF(goal_cols)},
    {"schemes", scheme_cols, COUNT_OF(scheme_cols)},
};

/* Compile-time checks that the column enumerations match the tables. */
typedef char csv_check_doc[COUNT_OF(document_cols) == DOC_COUNT ? 1 : -1];
typedef char csv_check_den[COUNT_OF(denominator_cols) == DEN_COUNT ? 1 : -1];
typedef char csv_check_pj[COUNT_OF(project_cols) == PJ_COUNT ? 1 : -1];
typedef char csv_check_cl[COUNT_OF(class_cols) == CL_COUNT ? 1 : -1];
typedef char csv_check_ex[COUNT_OF(extension_cols) == EX_COUNT ? 1 : -1];
typedef char csv_check_yr[COUNT_OF(year_cols) == YR_COUNT ? 1 : -1];
typedef char csv_check_yr2[YR_STATED + 2 * STATED_WITH_UNIT + (HYOKA__YEAR_FIGURE_COUNT - STATED_WITH_UNIT) == YR_COUNT
                               ? 1 : -1];
typedef char csv_check_st[COUNT_OF(staff_cols) == ST_COUNT ? 1 : -1];
typedef char csv_check_in[COUNT_OF(indicator_cols) == IN_COUNT ? 1 : -1];
typedef char csv_check_va[COUNT_OF(value_cols) == VA_COUNT ? 1 : -1];
typedef char csv_check_ev[COUNT_OF(evaluation_cols) == EV_COUNT ? 1 : -1];
typedef char csv_check_an[COUNT_OF(answer_cols) == KV_COUNT && COUNT_OF(comment_cols) == KV_COUNT ? 1 : -1];
typedef char csv_check_go[COUNT_OF(goal_cols) == GO_COUNT ? 1 : -1];
typedef char csv_check_sc[COUNT_OF(scheme_cols) == SC_COUNT ? 1 : -1];
typedef char csv_check_max[YR_COUNT <= MAX_COLS ? 1 : -1];

static bool is_money_figure(int figure)
{
    return figure >= HYOKA_FIG_EXPENSE && figure <= HYOKA_FIG_SPECIFIC_REVENUE;
}

static bool is_per_head_figure(int figure)
{
    return figure >= HYOKA_FIG_PER_CAPITA && figure <= HYOKA_FIG_PER_BENEFICIARY;
}

/* The unit a stated figure has when its unit cell is empty (docs/format.md). */
static int implied_unit(const hyoka_portfolio *pf, int figure)
{
    if (is_money_figure(figure))
        return pf->amount_unit;
    if (is_per_head_figure(figure) && pf->rounding[figure].set)
        return pf->rounding[figure].unit;
    return HYOKA_UNIT_YEN;
}

const char *hyoka_csv_table_name(int table)
{
    if (table < 0 || table >= HYOKA_CSV_TABLE_COUNT)
        return NULL;
    return tables[table].name;
}

int hyoka_csv_options_init(hyoka_csv_options *options)
{
    if (!options)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_csv_options_init: options is NULL");
    memset(options, 0, sizeof *options);
    options->size = sizeof *options;
    options->encoding = HYOKA_ENCODING_UTF8_BOM;
    options->max_field = (size_t)1 << 20;
    options->max_row = (size_t)4 << 20;
    options->max_diagnostics = 1000;
    return HYOKA_OK;
}

static int check_options(const char *fn, const hyoka_csv_options *options, hyoka_csv_options *out)
{
    if (!options)
        return hyoka_csv_options_init(out);
    if (options->size < sizeof *out)
        return hyoka__fail(HYOKA_EINVAL, "%s: options->size is %zu, expected at least %zu (use hyoka_csv_options_init)",
                           fn, options->size, sizeof *out);
    *out = *options;
    out->size = sizeof *out;
    if (out->encoding != HYOKA_ENCODING_UTF8_BOM && out->encoding != HYOKA_ENCODING_UTF8 &&
        out->encoding != HYOKA_ENCODING_CP932)
        return hyoka__fail(HYOKA_EINVAL, "%s: encoding %d is not a hyoka_encoding", fn, out->encoding);
    if (out->max_field == 0 || out->max_row == 0)
        return hyoka__fail(HYOKA_EINVAL, "%s: max_field and max_row must be positive", fn);
    return HYOKA_OK;
}

/* ------------------------------------------------------------------------ */
/* Growable byte buffer                                                      */

struct sb {
    char *p;
    size_t len;
    size_t cap;
};

static void sb_free(struct sb *b)
{
    hyoka__free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

/* Room for @p more bytes and a NUL. */
static int sb_reserve(struct sb *b, size_t more)
{
    size_t need, ncap;
    char *p;

    if (more > SIZE_MAX - 1 - b->len)
        return hyoka__nomem();
    need = b->len + more + 1;
    if (need <= b->cap)
        return HYOKA_OK;
    ncap = b->cap ? b->cap : 256;
    while (ncap < need)
        ncap = ncap > SIZE_MAX / 2 ? need : ncap * 2;
    p = hyoka__realloc(b->p, ncap);
    if (!p)
        return hyoka__nomem();
    b->p = p;
    b->cap = ncap;
    return HYOKA_OK;
}

static int sb_put(struct sb *b, const char *s, size_t n)
{
    int rc = sb_reserve(b, n);
    if (rc != HYOKA_OK)
        return rc;
    if (n)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
    return HYOKA_OK;
}

static int sb_puts(struct sb *b, const char *s)
{
    return sb_put(b, s, strlen(s));
}

static int sb_putc(struct sb *b, char c)
{
    return sb_put(b, &c, 1);
}

static int sb_put_size(struct sb *b, size_t v)
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%zu", v);
    return sb_put(b, tmp, (size_t)n);
}

/* A JSON-pointer reference token: '~' as "~0", '/' as "~1". */
static int sb_put_token(struct sb *b, const char *s, size_t n)
{
    int rc = sb_putc(b, '/');
    for (size_t i = 0; rc == HYOKA_OK && i < n; i++) {
        if (s[i] == '~')
            rc = sb_put(b, "~0", 2);
        else if (s[i] == '/')
            rc = sb_put(b, "~1", 2);
        else
            rc = sb_putc(b, s[i]);
    }
    return rc;
}

/* Copy a message into a fixed buffer, cut on a character boundary. */
static void copy_message(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
    hyoka__utf8_cut(dst, n);
}

/* ------------------------------------------------------------------------ */
/* Formula neutralisation                                                    */

/* Whether text starting here would run as a formula in a spreadsheet:
 * = + - @ TAB CR, or full-width ＝ ＋ － ＠. */
static bool formula_start(const char *s, size_t n)
{
    if (n == 0)
        return false;
    switch (s[0]) {
    case '=': case '+': case '-': case '@': case '\t': case '\r':
        return true;
    default:
        break;
    }
    /* U+FF1D ＝, U+FF0B ＋, U+FF0D －, U+FF20 ＠ */
    if (n >= 3 && (unsigned char)s[0] == 0xEF) {
        unsigned char b1 = (unsigned char)s[1], b2 = (unsigned char)s[2];
        if (b1 == 0xBC && (b2 == 0x9D || b2 == 0x8B || b2 == 0x8D || b2 == 0xA0))
            return true;
    }
    return false;
}

/* A text gets a leading apostrophe on export when it is any number of
 * apostrophes followed by a formula start; the reader removes one
 * apostrophe from a cell of that shape with at least one apostrophe. So
 * "=1" is written '=1, "'=1" is written ''=1, and "'abc" stays 'abc. */
static bool needs_apostrophe(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] == '\'')
        i++;
    return formula_start(s + i, n - i);
}

/* ------------------------------------------------------------------------ */
/* Projects in document order                                                */

struct pent {
    const hyoka_project *p;
    size_t key_off, key_len; /* "2.1" in plist.text */
    size_t ptr_off, ptr_len; /* "/projects/1/children/0" */
};

struct plist {
    struct pent *items;
    size_t count, cap;
    struct sb text;
};

static void plist_free(struct plist *l)
{
    hyoka__free(l->items);
    sb_free(&l->text);
    memset(l, 0, sizeof *l);
}

struct pframe {
    const struct hyoka__vec *children;
    size_t next;
    size_t parent; /* entry of the parent, SIZE_MAX at the top */
};

/* Every project and sub-project, depth first (a project, then its
 * sub-projects), without recursion. */
static int plist_build(const hyoka_portfolio *pf, struct plist *l)
{
    struct pframe *st = NULL;
    size_t depth = 0, cap = 0;
    int rc = HYOKA_OK;

    memset(l, 0, sizeof *l);
    rc = hyoka__grow((void **)&st, &cap, depth, sizeof *st);
    if (rc != HYOKA_OK)
        return rc;
    st[depth++] = (struct pframe){&pf->projects, 0, SIZE_MAX};
    while (depth > 0 && rc == HYOKA_OK) {
        struct pframe *f = &st[depth - 1];
        const hyoka_project *child;
        struct pent e;
        size_t i, parent;

        if (f->next >= f->children->count) {
            depth--;
            continue;
        }
        i = f->next++;
        parent = f->parent;
        child = f->children->items[i];
        rc = hyoka__grow((void **)&l->items, &l->cap, l->count, sizeof *l->items);
        if (rc != HYOKA_OK)
            break;
        e.p = child;
        e.key_off = l->text.len;
        if (parent != SIZE_MAX) {
            const struct pent *pe = &l->items[parent];
            rc = sb_reserve(&l->text, pe->key_len + pe->ptr_len);
            if (rc == HYOKA_OK) {
                /* the buffer may move: copy from offsets after reserving */
                memmove(l->text.p + l->text.len, l->text.p + pe->key_off, pe->key_len);
                l->text.len += pe->key_len;
                rc = sb_putc(&l->text, '.');
            }
        }
        if (rc == HYOKA_OK)
            rc = sb_put_size(&l->text, i + 1);
        e.key_len = l->text.len - e.key_off;
        e.ptr_off = l->text.len;
        if (rc == HYOKA_OK) {
            if (parent != SIZE_MAX) {
                const struct pent *pe = &l->items[parent];
                rc = sb_reserve(&l->text, pe->ptr_len);
                if (rc == HYOKA_OK) {
                    memmove(l->text.p + l->text.len, l->text.p + pe->ptr_off, pe->ptr_len);
                    l->text.len += pe->ptr_len;
                    rc = sb_puts(&l->text, "/children/");
                }
            } else {
                rc = sb_puts(&l->text, "/projects/");
            }
        }
        if (rc == HYOKA_OK)
            rc = sb_put_size(&l->text, i);
        if (rc != HYOKA_OK)
            break;
        e.ptr_len = l->text.len - e.ptr_off;
        l->items[l->count++] = e;
        rc = hyoka__grow((void **)&st, &cap, depth, sizeof *st);
        if (rc == HYOKA_OK)
            st[depth++] = (struct pframe){&child->children, 0, l->count - 1};
    }
    hyoka__free(st);
    if (rc != HYOKA_OK)
        plist_free(l);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Writer                                                                    */

struct wr {
    struct sb o;
    int err;                  /* first failure, HYOKA_OK while fine */
    const hyoka_portfolio *pf;
    const struct table_def *t;
    int encoding;
    hyoka_report *report;
    int64_t row;              /* current row, 1 = header */
    size_t col;               /* cells written in the current row */
    struct sb item;           /* JSON pointer of the current row's item */
    const struct col *cols;   /* columns of the current row (schemes: varies) */
    bool scheme_row;          /* a scheme's own row: label is its name */
    size_t bad;               /* cells CP932 cannot hold */
    char first[640];          /* message of the first of them */
    size_t *occ;              /* year_index of each cost year of occ_of */
    size_t occ_cap;
    const hyoka_project *occ_of;
    struct hyoka__year_index years; /* occ_of's years by fiscal year */
};

static void w_fail(struct wr *w, int rc)
{
    if (rc != HYOKA_OK && w->err == HYOKA_OK)
        w->err = rc;
}

static void w_put(struct wr *w, const char *s, size_t n)
{
    if (w->err == HYOKA_OK)
        w_fail(w, sb_put(&w->o, s, n));
}

static void w_item(struct wr *w, const char *ptr, size_t n)
{
    w->item.len = 0;
    if (w->err == HYOKA_OK)
        w_fail(w, sb_put(&w->item, ptr, n));
}

static void w_item_cat(struct wr *w, const char *s)
{
    if (w->err == HYOKA_OK)
        w_fail(w, sb_puts(&w->item, s));
}

static void w_item_idx(struct wr *w, size_t i)
{
    if (w->err == HYOKA_OK)
        w_fail(w, sb_put_size(&w->item, i));
}

static void w_item_token(struct wr *w, const char *s)
{
    if (w->err == HYOKA_OK)
        w_fail(w, sb_put_token(&w->item, s, strlen(s)));
}

static void w_sep(struct wr *w)
{
    if (w->col++ > 0)
        w_put(w, ",", 1);
}

static void w_row_end(struct wr *w)
{
    w_put(w, "\r\n", 2);
    w->row++;
    w->col = 0;
}

static void w_missing(struct wr *w)
{
    w_sep(w);
}

/* A cell that is never quoted nor neutralised (numbers, names, keys). */
static void w_plain(struct wr *w, const char *s, size_t n)
{
    w_sep(w);
    w_put(w, s, n);
}

/* Report a text cell CP932 cannot hold. */
static void w_unencodable(struct wr *w, size_t bad, uint32_t cp)
{
    const char *colname = w->col - 1 < w->t->ncols ? w->cols[w->col - 1].name : "?";
    const char *sub = w->col - 1 < w->t->ncols ? w->cols[w->col - 1].ptr : "";
    char ch[5] = {0};
    struct sb path = {NULL, 0, 0};
    int rc;

    if (w->scheme_row)
        sub = w->col - 1 == SC_LABEL ? "/name" : w->col - 1 == SC_SCHEME ? "/id" : sub;
    hyoka__utf8_encode(cp, ch);
    if (w->bad++ == 0)
        snprintf(w->first, sizeof w->first,
                 "hyoka_csv_write_table: %s: row %lld, column %zu (%s): U+%04lX '%s' (byte %zu of the text) cannot be written in CP932",
                 w->t->name, (long long)w->row, w->col, colname, (unsigned long)cp, ch, bad);
    if (!w->report)
        return;
    rc = sb_put(&path, w->item.p ? w->item.p : "", w->item.len);
    if (rc == HYOKA_OK)
        rc = sb_puts(&path, sub);
    if (rc == HYOKA_OK)
        rc = hyoka__report_addf(w->report, "V003", HYOKA_SEVERITY_ERROR, path.p, w->row, (int64_t)w->col,
                                "%s: row %lld, column %zu (%s): U+%04lX '%s' cannot be written in CP932",
                                "%s 表 %lld 行 %zu 列 (%s): U+%04lX「%s」は CP932 で書けない", w->t->name,
                                (long long)w->row, w->col, colname, (unsigned long)cp, ch);
    sb_free(&path);
    w_fail(w, rc);
}

/* A text cell: NULL is missing (an empty cell), "" is written "". */
static void w_text(struct wr *w, const char *s)
{
    size_t n;
    bool quote, apos;

    w_sep(w);
    if (!s)
        return;
    n = strlen(s);
    if (w->encoding == HYOKA_ENCODING_CP932) {
        size_t bad = 0;
        uint32_t cp = 0;
        if (!hyoka__cp932_can_encode(s, n, &bad, &cp))
            w_unencodable(w, bad, cp);
    }
    apos = needs_apostrophe(s, n);
    quote = n == 0 || strpbrk(s, ",\"\r\n\t") != NULL || (!apos && s[0] == ' ') || s[n - 1] == ' ';
    if (quote)
        w_put(w, "\"", 1);
    if (apos)
        w_put(w, "'", 1);
    if (quote) {
        const char *p = s, *q;
        while ((q = strchr(p, '"')) != NULL) {
            w_put(w, p, (size_t)(q - p) + 1);
            w_put(w, "\"", 1);
            p = q + 1;
        }
        w_put(w, p, strlen(p));
        w_put(w, "\"", 1);
    } else {
        w_put(w, s, n);
    }
}

static void w_int(struct wr *w, int64_t v)
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%lld", (long long)v);
    w_plain(w, tmp, (size_t)n);
}

static void w_year(struct wr *w, int32_t fy)
{
    if (fy == 0)
        w_missing(w);
    else
        w_int(w, fy);
}

static void w_decimal(struct wr *w, const hyoka_decimal *d)
{
    char tmp[HYOKA_DECIMAL_STRING_MAX];
    size_t n = 0;
    int rc = hyoka_decimal_format(d, 0, tmp, sizeof tmp, &n);
    if (rc != HYOKA_OK) {
        w_fail(w, rc);
        return;
    }
    w_plain(w, tmp, n);
}

/* Money in the document's unit: yen as an integer, thousand yen as the
 * shortest exact decimal (2520, 1068.978, 2520.5, -0.5), as the JSON
 * writer does. */
static size_t format_money(char *buf, size_t size, int64_t yen, int unit)
{
    uint64_t mag = yen < 0 ? (uint64_t)0 - (uint64_t)yen : (uint64_t)yen;
    uint64_t whole, frac;
    int scale = 3;
    int n;

    if (unit != HYOKA_UNIT_THOUSAND_YEN)
        return (size_t)snprintf(buf, size, "%lld", (long long)yen);
    whole = mag / 1000;
    frac = mag % 1000;
    if (frac == 0)
        return (size_t)snprintf(buf, size, "%s%llu", yen < 0 ? "-" : "", (unsigned long long)whole);
    while (frac % 10 == 0) {
        frac /= 10;
        scale--;
    }
    n = snprintf(buf, size, "%s%llu.%0*llu", yen < 0 ? "-" : "", (unsigned long long)whole, scale,
                 (unsigned long long)frac);
    return (size_t)n;
}

static void w_money(struct wr *w, int64_t yen)
{
    char tmp[48];
    size_t n = format_money(tmp, sizeof tmp, yen, w->pf->amount_unit);
    w_plain(w, tmp, n);
}

static void w_enum(struct wr *w, int which, int value)
{
    const char *name = value == HYOKA_UNSET ? NULL : hyoka_enum_name(which, value);
    if (!name)
        w_missing(w);
    else
        w_plain(w, name, strlen(name));
}

static void w_bool(struct wr *w, int v)
{
    if (v)
        w_plain(w, "true", 4);
    else
        w_plain(w, "false", 5);
}

static void w_date(struct wr *w, int32_t date)
{
    char tmp[HYOKA_CALENDAR_STRING_MAX];
    size_t n = 0;
    int rc;

    if (date == 0) {
        w_missing(w);
        return;
    }
    rc = hyoka_date_to_iso(date, tmp, sizeof tmp, &n);
    if (rc != HYOKA_OK) {
        w_fail(w, rc);
        return;
    }
    w_plain(w, tmp, n);
}

static void w_header(struct wr *w)
{
    for (size_t i = 0; i < w->t->ncols; i++)
        w_plain(w, w->t->cols[i].name, strlen(w->t->cols[i].name));
    w_row_end(w);
}

/* The start of a row: the project key cell, and the item pointer. */
static void w_project_row(struct wr *w, const struct plist *l, const struct pent *e)
{
    w_item(w, l->text.p + e->ptr_off, e->ptr_len);
    w_plain(w, l->text.p + e->key_off, e->key_len);
}

/* ---- document ---- */

static void w_doc_row(struct wr *w, const char *key, const char *ptr)
{
    w_item(w, ptr, strlen(ptr));
    w_plain(w, key, strlen(key));
}

static void write_document(struct wr *w)
{
    const hyoka_portfolio *pf = w->pf;
    char key[64], ptr[64];

    w_doc_row(w, "format", "/format");
    w_plain(w, "hyoka/1", 7);
    w_row_end(w);
    w_doc_row(w, "amount_unit", "/amount_unit");
    w_enum(w, HYOKA_ENUM_UNIT, pf->amount_unit);
    w_row_end(w);
    w_doc_row(w, "municipality.name", "/municipality/name");
    w_text(w, pf->municipality_name);
    w_row_end(w);
    w_doc_row(w, "municipality.code", "/municipality/code");
    w_text(w, pf->municipality_code);
    w_row_end(w);
    w_doc_row(w, "stated_tolerance", "/stated_tolerance");
    w_int(w, pf->stated_tolerance);
    w_row_end(w);
    for (int f = 0; f < HYOKA__FIGURE_COUNT; f++) {
        const struct hyoka__rounding_rule *r = &pf->rounding[f];
        const char *fname = hyoka_enum_name(HYOKA_ENUM_FIGURE, f);
        if (!r->set || !fname)
            continue;
        snprintf(key, sizeof key, "rounding.%s.places", fname);
        snprintf(ptr, sizeof ptr, "/rounding/%s/places", fname);
        w_doc_row(w, key, ptr);
        w_int(w, r->places);
        w_row_end(w);
        snprintf(key, sizeof key, "rounding.%s.mode", fname);
        snprintf(ptr, sizeof ptr, "/rounding/%s/mode", fname);
        w_doc_row(w, key, ptr);
        w_enum(w, HYOKA_ENUM_ROUNDING, r->mode);
        w_row_end(w);
        if (is_per_head_figure(f)) {
            snprintf(key, sizeof key, "rounding.%s.unit", fname);
            snprintf(ptr, sizeof ptr, "/rounding/%s/unit", fname);
            w_doc_row(w, key, ptr);
            w_enum(w, HYOKA_ENUM_UNIT, r->unit);
            w_row_end(w);
        }
    }
}

static void write_denominators(struct wr *w)
{
    const hyoka_portfolio *pf = w->pf;
    for (size_t i = 0; i < pf->denominator_count; i++) {
        const struct hyoka__denominator *d = &pf->denominators[i];
        w_item(w, "/denominators/", 14);
        w_item_idx(w, i);
        w_year(w, d->fiscal_year);
        if (d->present & 1u)
            w_int(w, d->population);
        else
            w_missing(w);
        if (d->present & 2u)
            w_int(w, d->households);
        else
            w_missing(w);
        w_row_end(w);
    }
}

static void write_projects(struct wr *w, const struct plist *l)
{
    for (size_t i = 0; i < l->count; i++) {
        const hyoka_project *p = l->items[i].p;
        w_project_row(w, l, &l->items[i]);
        for (int c = PJ_CODE; c < PJ_COUNT; c++) {
            switch (c) {
            case PJ_DUTY:
                w_enum(w, HYOKA_ENUM_DUTY, p->duty);
                break;
            case PJ_PERIOD:
                w_enum(w, HYOKA_ENUM_PERIOD, p->period);
                break;
            case PJ_START:
                w_year(w, p->start_year);
                break;
            case PJ_END:
                w_year(w, p->end_year);
                break;
            default:
                w_text(w, p->text[project_text_of[c]]);
                break;
            }
        }
        w_row_end(w);
    }
}

static void write_classes(struct wr *w, const struct plist *l)
{
    static const char *const member[2] = {"/policy/", "/account/"};
    for (size_t i = 0; i < l->count; i++) {
        const hyoka_project *p = l->items[i].p;
        for (int k = 0; k < 2; k++)
            for (size_t j = 0; j < p->cls[k].count; j++) {
                const struct hyoka__class_level *lv = &p->cls[k].items[j];
                w_project_row(w, l, &l->items[i]);
                w_item_cat(w, member[k]);
                w_item_idx(w, j);
                w_enum(w, HYOKA_ENUM_CLASS_KIND, k);
                w_int(w, (int64_t)j + 1);
                w_text(w, lv->level);
                w_text(w, lv->code);
                w_text(w, lv->name);
                w_row_end(w);
            }
    }
}

static void write_extensions(struct wr *w, const struct plist *l)
{
    for (size_t i = 0; i < l->count; i++) {
        const struct hyoka__kvlist *x = &l->items[i].p->extensions;
        for (size_t j = 0; j < x->count; j++) {
            w_project_row(w, l, &l->items[i]);
            w_item_cat(w, "/extensions");
            w_item_token(w, x->items[j].key);
            w_text(w, x->items[j].key);
            w_text(w, x->items[j].value);
            w_row_end(w);
        }
    }
}

/* 1 for the first year of its fiscal year in the project, 2 for the second... */
/* Number each cost year of @p p among the years of its fiscal year, in
 * project order (1 for the first), into w->occ. The project's year index
 * (figures.c: its years sorted by fiscal year and position) gives them in
 * one walk, so that a project of many years of one fiscal year is written
 * in n log n; a project too small to be indexed is counted directly. */
static void year_occurrences(struct wr *w, const hyoka_project *p)
{
    size_t n = p->years.count;

    if (w->occ_of == p || w->err != HYOKA_OK)
        return;
    w->occ_of = NULL;
    if (n > w->occ_cap) {
        size_t *no = n > SIZE_MAX / sizeof *no ? NULL : hyoka__realloc(w->occ, n * sizeof *no);
        if (!no) {
            w_fail(w, hyoka__nomem());
            return;
        }
        w->occ = no;
        w->occ_cap = n;
    }
    hyoka__year_index_build(&w->years, p);
    if (w->years.project == p) {
        const struct hyoka__year_slot *t = w->years.slots;
        w->occ[t[0].pos] = 1;
        for (size_t k = 1; k < n; k++)
            w->occ[t[k].pos] = t[k].fiscal_year == t[k - 1].fiscal_year ? w->occ[t[k - 1].pos] + 1 : 1;
    } else {
        for (size_t k = 0; k < n; k++) {
            int32_t fy = ((const hyoka_costs *)p->years.items[k])->fiscal_year;
            w->occ[k] = 1;
            for (size_t j = 0; j < k; j++)
                if (((const hyoka_costs *)p->years.items[j])->fiscal_year == fy)
                    w->occ[k]++;
        }
    }
    w->occ_of = p;
}

static void w_year_key(struct wr *w, const hyoka_project *p, size_t k)
{
    const hyoka_costs *c = p->years.items[k];
    size_t occ;

    year_occurrences(w, p);
    if (w->occ_of != p)
        return; /* out of memory: the table fails */
    occ = w->occ[k];
    w_year(w, c->fiscal_year);
    if (occ > 1)
        w_int(w, (int64_t)occ);
    else
        w_missing(w);
}

static void write_years(struct wr *w, const struct plist *l)
{
    for (size_t i = 0; i < l->count; i++) {
        const hyoka_project *p = l->items[i].p;
        for (size_t k = 0; k < p->years.count; k++) {
            const hyoka_costs *c = p->years.items[k];
            w_project_row(w, l, &l->items[i]);
            w_item_cat(w, "/years/");
            w_item_idx(w, k);
            w_year_key(w, p, k);
            w_enum(w, HYOKA_ENUM_PHASE, c->phase);
            for (int f = 0; f < HYOKA__COST_FIELD_COUNT; f++) {
                if (!HAS(c->present, f))
                    w_missing(w);
                else if (f < HYOKA_COST_USAGE)
                    w_money(w, c->value[f]);
                else
                    w_int(w, c->value[f]);
            }
            for (int f = 0; f < HYOKA__YEAR_FIGURE_COUNT; f++) {
                bool has = HAS(c->stated_present, f);
                if (has)
                    w_decimal(w, &c->st->value[f]);
                else
                    w_missing(w);
                if (f < STATED_WITH_UNIT) {
                    if (has && c->st->unit[f] != implied_unit(w->pf, f))
                        w_enum(w, HYOKA_ENUM_UNIT, c->st->unit[f]);
                    else
                        w_missing(w);
                }
            }
            w_row_end(w);
        }
    }
}

static void write_staff(struct wr *w, const struct plist *l)
{
    for (size_t i = 0; i < l->count; i++) {
        const hyoka_project *p = l->items[i].p;
        for (size_t k = 0; k < p->years.count; k++) {
            const hyoka_costs *c = p->years.items[k];
            for (size_t j = 0; j < c->staff.count; j++) {
                const hyoka_staff *s = c->staff.items[j];
                w_project_row(w, l, &l->items[i]);
                w_item_cat(w, "/years/");
                w_item_idx(w, k);
                w_item_cat(w, "/staff/");
                w_item_idx(w, j);
                w_year_key(w, p, k);
                w_int(w, (int64_t)j + 1);
                w_enum(w, HYOKA_ENUM_STAFF_CATEGORY, s->category);
                for (int f = HYOKA_STAFF_HEADCOUNT; f <= HYOKA_STAFF_HOURS; f++) {
                    if (HAS(s->present, f))
                        w_decimal(w, &s->dec[f]);
                    else
                        w_missing(w);
                }
                for (int f = HYOKA_STAFF_UNIT_COST; f <= HYOKA_STAFF_AMOUNT; f++) {
                    if (HAS(s->present, f))
                        w_money(w, s->amount[f - HYOKA_STAFF_UNIT_COST]);
                    else
                        w_missing(w);
                }
                w_row_end(w);
            }
        }
    }
}

static void write_indicators(struct wr *w, const struct plist *l)
{
    for (size_t i = 0; i < l->count; i++) {
        const hyoka_project *p = l->items[i].p;
        for (size_t k = 0; k < p->indicators.count; k++) {
            const hyoka_indicator *ind = p->indicators.items[k];
            w_project_row(w, l, &l->items[i]);
            w_item_cat(w, "/indicators/");
            w_item_idx(w, k);
            w_int(w, (int64_t)k + 1);
            w_enum(w, HYOKA_ENUM_INDICATOR_KIND, ind->kind);
            w_text(w, ind->text[HYOKA_INDICATOR_NAME]);
            w_text(w, ind->text[HYOKA_INDICATOR_UNIT]);
            w_text(w, ind->text[HYOKA_INDICATOR_DEFINITION]);
            w_enum(w, HYOKA_ENUM_DIRECTION, ind->direction);
            w_bool(w, ind->not_settable);
            w_text(w, ind->text[HYOKA_INDICATOR_NOT_SETTABLE_REASON]);
            if (ind->has_long_term)
                w_decimal(w, &ind->long_term);
            else
                w_missing(w);
            w_year(w, ind->long_term_year);
            w_text(w, ind->text[HYOKA_INDICATOR_LONG_TERM_NOTE]);
            w_row_end(w);
        }
    }
}

static void write_values(struct wr *w, const struct plist *l)
{
    for (size_t i = 0; i < l->count; i++) {
        const hyoka_project *p = l->items[i].p;
        for (size_t k = 0; k < p->indicators.count; k++) {
            const hyoka_indicator *ind = p->indicators.items[k];
            for (size_t j = 0; j < ind->value_count; j++) {
                const struct hyoka__ivalue *v = &ind->values[j];
                w_project_row(w, l, &l->items[i]);
                w_item_cat(w, "/indicators/");
                w_item_idx(w, k);
                w_item_cat(w, "/values/");
                w_item_idx(w, j);
                w_int(w, (int64_t)k + 1);
                w_year(w, v->fiscal_year);
                for (int f = 0; f < HYOKA__VALUE_FIELD_COUNT; f++) {
                    if (HAS(v->present, f))
                        w_decimal(w, &v->v[f]);
                    else
                        w_missing(w);
                }
                w_row_end(w);
            }
        }
    }
}

static void write_evaluations(struct wr *w, const struct plist *l)
{
    for (size_t i = 0; i < l->count; i++) {
        const hyoka_project *p = l->items[i].p;
        for (size_t k = 0; k < p->evaluations.count; k++) {
            const hyoka_evaluation *e = p->evaluations.items[k];
            w_project_row(w, l, &l->items[i]);
            w_item_cat(w, "/evaluations/");
            w_item_idx(w, k);
            w_int(w, (int64_t)k + 1);
            w_enum(w, HYOKA_ENUM_STAGE, e->stage);
            w_text(w, e->text[HYOKA_EVAL_SCHEME]);
            w_year(w, e->fiscal_year);
            w_date(w, e->date);
            w_text(w, e->text[HYOKA_EVAL_EVALUATOR]);
            w_text(w, e->text[HYOKA_EVAL_VERDICT]);
            w_text(w, e->text[HYOKA_EVAL_BUDGET]);
            w_enum(w, HYOKA_ENUM_EXPECTED_OUTCOME, e->expected_outcome);
            w_enum(w, HYOKA_ENUM_EXPECTED_COST, e->expected_cost);
            w_row_end(w);
        }
    }
}

static void write_kvs(struct wr *w, const struct plist *l, bool answers)
{
    for (size_t i = 0; i < l->count; i++) {
        const hyoka_project *p = l->items[i].p;
        for (size_t k = 0; k < p->evaluations.count; k++) {
            const hyoka_evaluation *e = p->evaluations.items[k];
            const struct hyoka__kvlist *kv = answers ? &e->answers : &e->comments;
            for (size_t j = 0; j < kv->count; j++) {
                w_project_row(w, l, &l->items[i]);
                w_item_cat(w, "/evaluations/");
                w_item_idx(w, k);
                w_item_cat(w, answers ? "/scores" : "/comments");
                w_item_token(w, kv->items[j].key);
                w_int(w, (int64_t)k + 1);
                w_text(w, kv->items[j].key);
                w_text(w, kv->items[j].value);
                w_row_end(w);
            }
        }
    }
}

static void write_goals(struct wr *w, const struct plist *l)
{
    for (size_t i = 0; i < l->count; i++) {
        const hyoka_project *p = l->items[i].p;
        for (size_t k = 0; k < p->evaluations.count; k++) {
            const hyoka_evaluation *e = p->evaluations.items[k];
            for (size_t j = 0; j < e->goal_count; j++) {
                const struct hyoka__goal *g = &e->goals[j];
                w_project_row(w, l, &l->items[i]);
                w_item_cat(w, "/evaluations/");
                w_item_idx(w, k);
                w_item_cat(w, "/goals/");
                w_item_idx(w, j);
                w_int(w, (int64_t)k + 1);
                w_int(w, (int64_t)j + 1);
                w_text(w, g->what);
                w_text(w, g->level);
                w_date(w, g->by);
                w_row_end(w);
            }
        }
    }
}

/* One row of the schemes table: the columns are written in table order,
 * each from the slot given (NULL = empty). */
struct srow {
    const char *text[SC_COUNT];     /* text cells */
    const hyoka_decimal *dec[SC_COUNT];
    const char *plain[SC_COUNT];    /* enumeration names */
};

static void w_scheme_row(struct wr *w, const hyoka_scheme *s, int element, const struct srow *r)
{
    w->scheme_row = element == EL_SCHEME;
    w_text(w, s->id);
    w_plain(w, element_names[element], strlen(element_names[element]));
    for (int c = SC_CRITERION; c < SC_COUNT; c++) {
        if (r->text[c] || (c == SC_LABEL && element == EL_SCHEME))
            w_text(w, r->text[c]);
        else if (r->dec[c])
            w_decimal(w, r->dec[c]);
        else if (r->plain[c])
            w_plain(w, r->plain[c], strlen(r->plain[c]));
        else
            w_missing(w);
    }
    w_row_end(w);
    w->scheme_row = false;
}

static void write_schemes(struct wr *w)
{
    const hyoka_portfolio *pf = w->pf;
    for (size_t i = 0; i < pf->schemes.count; i++) {
        const hyoka_scheme *s = pf->schemes.items[i];
        struct srow r;

        memset(&r, 0, sizeof r);
        w_item(w, "/schemes/", 9);
        w_item_idx(w, i);
        r.text[SC_LABEL] = s->name;
        w_scheme_row(w, s, EL_SCHEME, &r);
        for (size_t j = 0; j < s->criterion_count; j++) {
            const struct hyoka__criterion *c = &s->criteria[j];
            memset(&r, 0, sizeof r);
            w_item(w, "/schemes/", 9);
            w_item_idx(w, i);
            w_item_cat(w, "/criteria/");
            w_item_idx(w, j);
            r.text[SC_CODE] = c->code;
            r.text[SC_LABEL] = c->label;
            r.dec[SC_WEIGHT] = &c->weight;
            r.plain[SC_REQUIRED] = c->required ? "true" : "false";
            w_scheme_row(w, s, EL_CRITERION, &r);
            if (c->numeric) {
                memset(&r, 0, sizeof r);
                w_item_cat(w, "/range");
                r.text[SC_CRITERION] = c->code;
                r.dec[SC_MIN] = c->has_min ? &c->min : NULL;
                r.dec[SC_MAX] = c->has_max ? &c->max : NULL;
                w_scheme_row(w, s, EL_RANGE, &r);
            }
            for (size_t k = 0; k < c->option_count; k++) {
                const struct hyoka__option *o = &c->options[k];
                memset(&r, 0, sizeof r);
                w_item(w, "/schemes/", 9);
                w_item_idx(w, i);
                w_item_cat(w, "/criteria/");
                w_item_idx(w, j);
                w_item_cat(w, "/options/");
                w_item_idx(w, k);
                r.text[SC_CRITERION] = c->code;
                r.text[SC_CODE] = o->code;
                r.text[SC_LABEL] = o->label;
                r.dec[SC_SCORE] = o->has_score ? &o->score : NULL;
                w_scheme_row(w, s, EL_OPTION, &r);
            }
        }
        for (size_t j = 0; j < s->verdict_count; j++) {
            const struct hyoka__verdict *v = &s->verdicts[j];
            memset(&r, 0, sizeof r);
            w_item(w, "/schemes/", 9);
            w_item_idx(w, i);
            w_item_cat(w, "/verdicts/");
            w_item_idx(w, j);
            r.text[SC_CODE] = v->code;
            r.text[SC_LABEL] = v->label;
            r.plain[SC_GROUP] = hyoka_enum_name(HYOKA_ENUM_VERDICT_GROUP, v->group);
            w_scheme_row(w, s, EL_VERDICT, &r);
        }
        for (size_t j = 0; j < s->budget_count; j++) {
            const struct hyoka__budget *b = &s->budgets[j];
            memset(&r, 0, sizeof r);
            w_item(w, "/schemes/", 9);
            w_item_idx(w, i);
            w_item_cat(w, "/budget_directions/");
            w_item_idx(w, j);
            r.text[SC_CODE] = b->code;
            r.text[SC_LABEL] = b->label;
            r.plain[SC_KIND] = hyoka_enum_name(HYOKA_ENUM_BUDGET_KIND, b->kind);
            w_scheme_row(w, s, EL_BUDGET, &r);
        }
        for (size_t j = 0; j < s->band_count; j++) {
            const struct hyoka__band *b = &s->bands[j];
            memset(&r, 0, sizeof r);
            w_item(w, "/schemes/", 9);
            w_item_idx(w, i);
            w_item_cat(w, "/rating/bands/");
            w_item_idx(w, j);
            r.dec[SC_MIN] = &b->min;
            r.text[SC_CODE] = b->code;
            r.text[SC_LABEL] = b->label;
            w_scheme_row(w, s, EL_BAND, &r);
        }
        if (s->missing_code) {
            memset(&r, 0, sizeof r);
            w_item(w, "/schemes/", 9);
            w_item_idx(w, i);
            w_item_cat(w, "/rating/missing");
            r.text[SC_CODE] = s->missing_code;
            r.text[SC_LABEL] = s->missing_label;
            w_scheme_row(w, s, EL_MISSING, &r);
        }
    }
}

/* Write one table as UTF-8 (with a BOM when asked) into w->o. */
static int write_table_utf8(struct wr *w, int table)
{
    struct plist l;
    int rc;

    memset(&l, 0, sizeof l);
    w->t = &tables[table];
    w->cols = w->t->cols;
    w->row = 1;
    w->col = 0;
    if (w->encoding == HYOKA_ENCODING_UTF8_BOM)
        w_put(w, "\xEF\xBB\xBF", 3);
    w_header(w);
    switch (table) {
    case HYOKA_CSV_DOCUMENT:
        write_document(w);
        break;
    case HYOKA_CSV_DENOMINATORS:
        write_denominators(w);
        break;
    case HYOKA_CSV_SCHEMES:
        write_schemes(w);
        break;
    default:
        rc = plist_build(w->pf, &l);
        if (rc != HYOKA_OK) {
            w_fail(w, rc);
            break;
        }
        switch (table) {
        case HYOKA_CSV_PROJECTS: write_projects(w, &l); break;
        case HYOKA_CSV_CLASSES: write_classes(w, &l); break;
        case HYOKA_CSV_EXTENSIONS: write_extensions(w, &l); break;
        case HYOKA_CSV_YEARS: write_years(w, &l); break;
        case HYOKA_CSV_STAFF: write_staff(w, &l); break;
        case HYOKA_CSV_INDICATORS: write_indicators(w, &l); break;
        case HYOKA_CSV_VALUES: write_values(w, &l); break;
        case HYOKA_CSV_EVALUATIONS: write_evaluations(w, &l); break;
        case HYOKA_CSV_ANSWERS: write_kvs(w, &l, true); break;
        case HYOKA_CSV_COMMENTS: write_kvs(w, &l, false); break;
        case HYOKA_CSV_GOALS: write_goals(w, &l); break;
        default: break;
        }
        plist_free(&l);
        break;
    }
    return w->err;
}

/* Write one table; on success *out holds the bytes in the chosen encoding. */
static int write_one(const hyoka_portfolio *pf, int table, const hyoka_csv_options *opt, hyoka_report *report,
                     char **out, size_t *len, char *first, size_t first_size)
{
    struct wr w;
    int rc;

    memset(&w, 0, sizeof w);
    w.pf = pf;
    w.encoding = opt->encoding;
    w.report = report;
    rc = write_table_utf8(&w, table);
    sb_free(&w.item);
    hyoka__free(w.occ);
    hyoka__year_index_release(&w.years);
    if (rc == HYOKA_OK && w.bad > 0) {
        if (first && first_size)
            copy_message(first, first_size, w.first);
        sb_free(&w.o);
        return HYOKA_EENCODING;
    }
    if (rc != HYOKA_OK) {
        sb_free(&w.o);
        return rc;
    }
    if (w.encoding == HYOKA_ENCODING_CP932) {
        char *enc = NULL;
        size_t n = 0;
        rc = hyoka_cp932_encode(w.o.p ? w.o.p : "", w.o.len, &enc, &n, NULL);
        sb_free(&w.o);
        if (rc != HYOKA_OK)
            return rc;
        *out = enc;
        *len = n;
        return HYOKA_OK;
    }
    if (!w.o.p) {
        rc = sb_reserve(&w.o, 0);
        if (rc != HYOKA_OK)
            return rc;
    }
    *out = w.o.p;
    *len = w.o.len;
    return HYOKA_OK;
}

int hyoka_csv_write_table(const hyoka_portfolio *portfolio, int table, const hyoka_csv_options *options, char **out,
                          size_t *len, hyoka_report *report)
{
    static const char fn[] = "hyoka_csv_write_table";
    hyoka_csv_options opt;
    char first[640];
    int rc;

    if (!portfolio || !out || !len)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL", fn, !portfolio ? "portfolio" : !out ? "out" : "len");
    *out = NULL;
    *len = 0;
    if (table < 0 || table >= HYOKA_CSV_TABLE_COUNT)
        return hyoka__fail(HYOKA_EINVAL, "%s: table %d is not a hyoka_csv_table", fn, table);
    rc = check_options(fn, options, &opt);
    if (rc != HYOKA_OK)
        return rc;
    if (report)
        report->limit = opt.max_diagnostics;
    first[0] = '\0';
    rc = write_one(portfolio, table, &opt, report, out, len, first, sizeof first);
    if (rc == HYOKA_EENCODING)
        return hyoka__fail(HYOKA_EENCODING, "%s", first);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Reader                                                                    */

/* Most header fields kept; a header with more is refused (V004). */
#define HEADER_MAX_FIELDS 1024

struct field {
    size_t off; /* in rd.data */
    size_t len;
    bool quoted;
};

/* Keys given in the rows of the current table, so that a key given twice,
 * or the item a row names, is found without a search of a list: an
 * open-addressing hash set of (owner, tag, key) with a value, the key
 * borrowed from the model, which owns it. The owners are the string lists
 * (extensions, answers, comments; tag 0), the portfolio for scheme ids and
 * a scheme for its criteria, options (per criterion), verdicts and budget
 * directions, the tag telling those apart. Each of these is filled by the
 * rows of one table only and only grows while it is read, so the set
 * starts empty with each table. The owner's address seeds the hash, so
 * where a key lands does not follow from the text alone. */
struct kslot {
    const void *owner; /* NULL: a free slot */
    size_t tag;
    const char *key;
    size_t len;
    uint64_t h;
    size_t value;      /* the item's index */
};
struct kset {
    struct kslot *t;
    size_t cap, count;  /* cap: 0 or a power of 2, at least twice count */
    unsigned shift;     /* 64 - log2(cap) */
};

/* Numbers given in the rows, by owner: an open-addressing hash map of
 * (owner, a, b) to a value. The years table keeps (project, fiscal year,
 * 0) -> how many years of that fiscal year the project has, and (project,
 * fiscal year, year_index) -> the year's index, which the staff table
 * reads; the values table keeps (indicator, fiscal year, 0). Cleared with
 * each table but the staff table. */
struct islot {
    const void *owner; /* NULL: a free slot */
    int64_t a;
    size_t b;
    size_t value;
};
struct imap {
    struct islot *t;
    size_t cap, count;  /* cap: 0 or a power of 2, at least twice count */
    unsigned shift;     /* 64 - log2(cap) */
};

/* State of the document table while it is read. */
struct docstate {
    unsigned seen;            /* fixed keys seen (bit per DK_*) */
    char *name, *code;        /* municipality, copied */
    size_t name_len, code_len;
    int64_t code_row;
    size_t code_field;
    struct {
        unsigned given;       /* bit 0 places, 1 mode, 2 unit */
        unsigned bad;         /* a part had a bad value */
        int places, mode, unit;
        int64_t row;          /* first row that named the figure */
        size_t field;
    } rnd[HYOKA__FIGURE_COUNT];
};

enum { DK_FORMAT, DK_AMOUNT_UNIT, DK_NAME, DK_CODE, DK_TOLERANCE, DK_COUNT };
static const char *const doc_keys[DK_COUNT] = {
    "format", "amount_unit", "municipality.name", "municipality.code", "stated_tolerance",
};

struct rd {
    hyoka_portfolio *pf;
    hyoka_report *report;
    hyoka_csv_options opt;
    const struct table_def *t;
    int table;
    /* the parser */
    const unsigned char *s;
    size_t n, pos;
    int64_t row;         /* row of the current record (1 = header) */
    bool resynced;       /* a quote ran to the end of the text once already */
    struct sb raw;       /* the current field as in the file */
    struct sb data;      /* decoded fields of the record, each followed by a NUL */
    struct field *f;
    size_t nf, fcap;     /* fields kept */
    size_t nf_total;     /* fields in the record */
    size_t keep;         /* fields to keep */
    bool bad;            /* the record had a problem, already reported */
    /* the header */
    size_t hn;
    int map[MAX_COLS];   /* column -> field index, -1 when absent */
    /* the current row */
    struct sb item;      /* JSON pointer of the row's item */
    struct sb path;      /* scratch for diagnostics */
    size_t *comps;       /* project position */
    size_t ncomps, compcap;
    struct docstate doc;
    struct kset keys;    /* keys given by this table's rows */
    hyoka_decimal *bmins; /* min of each band the schemes table added, by */
    size_t nbmins, bmincap; /* the value of its code in keys */
    struct imap nums;    /* numbers given by the rows (years, values) */
    /* outcome */
    size_t errors;
    int fatal;           /* HYOKA_ENOMEM once an allocation failed */
    bool scheme_row;     /* a scheme's own row: label is its name */
    char first[640];     /* message of the first error */
};

static void r_fatal(struct rd *r, int rc)
{
    if (rc != HYOKA_OK && r->fatal == HYOKA_OK)
        r->fatal = rc;
}

/* Copy at most ~60 bytes of a value for a message, whole characters only,
 * control characters shown as '?'. */
static const char *excerpt(const char *s, size_t n, char *buf, size_t size)
{
    size_t max = size - 4, o = 0, i = 0;
    while (i < n && o < max) {
        size_t at = i;
        if ((unsigned char)s[i] < 0x80) {
            buf[o++] = (unsigned char)s[i] < 0x20 || s[i] == 0x7F ? '?' : s[i];
            i++;
            continue;
        }
        if (hyoka__utf8_next(s, n, &i) < 0) {
            buf[o++] = '?';
            i = at + 1;
            continue;
        }
        if (o + (i - at) > max) {
            i = at;
            break;
        }
        memcpy(buf + o, s + at, i - at);
        o += i - at;
    }
    if (i < n) {
        memcpy(buf + o, "...", 3);
        o += 3;
    }
    buf[o] = '\0';
    return buf;
}

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
static void vdiag(struct rd *r, const char *code, int severity, int64_t row, size_t field, const char *colname,
                  const char *path, const char *fmt_en, const char *fmt_ja, va_list ap)
{
    char en[512], ja[512], men[800], mja[800];
    const char *tn = r->t ? r->t->name : "csv";
    va_list aq;
    int rc;

    va_copy(aq, ap);
    if (vsnprintf(en, sizeof en, fmt_en, ap) >= (int)sizeof en)
        hyoka__utf8_cut(en, sizeof en - 1);
    if (vsnprintf(ja, sizeof ja, fmt_ja, aq) >= (int)sizeof ja)
        hyoka__utf8_cut(ja, sizeof ja - 1);
    va_end(aq);
    if (field == 0) {
        snprintf(men, sizeof men, "%s: row %lld: %s", tn, (long long)row, en);
        snprintf(mja, sizeof mja, "%s 表 %lld 行: %s", tn, (long long)row, ja);
    } else if (colname) {
        snprintf(men, sizeof men, "%s: row %lld, column %zu (%s): %s", tn, (long long)row, field, colname, en);
        snprintf(mja, sizeof mja, "%s 表 %lld 行 %zu 列 (%s): %s", tn, (long long)row, field, colname, ja);
    } else {
        snprintf(men, sizeof men, "%s: row %lld, column %zu: %s", tn, (long long)row, field, en);
        snprintf(mja, sizeof mja, "%s 表 %lld 行 %zu 列: %s", tn, (long long)row, field, ja);
    }
    hyoka__utf8_cut(men, strlen(men));
    hyoka__utf8_cut(mja, strlen(mja));
    if (severity == HYOKA_SEVERITY_ERROR && r->errors++ == 0)
        copy_message(r->first, sizeof r->first, men);
    if (!r->report)
        return;
    rc = hyoka__report_add(r->report, code, severity, path ? path : "", row, (int64_t)field, men, mja);
    r_fatal(r, rc);
}
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

/* A problem at a place of the file (no column name, no path). */
static void pdiag(struct rd *r, const char *code, int64_t row, size_t field, const char *fmt_en, const char *fmt_ja,
                  ...) HYOKA_PRINTF(5, 7);
static void pdiag(struct rd *r, const char *code, int64_t row, size_t field, const char *fmt_en, const char *fmt_ja,
                  ...)
{
    va_list ap;
    va_start(ap, fmt_ja);
    vdiag(r, code, HYOKA_SEVERITY_ERROR, row, field, NULL, NULL, fmt_en, fmt_ja, ap);
    va_end(ap);
}

/* A problem in the cell of column @p ci of the current row. */
static void cdiag(struct rd *r, const char *code, int severity, int ci, const char *fmt_en, const char *fmt_ja, ...)
    HYOKA_PRINTF(5, 7);
static void cdiag(struct rd *r, const char *code, int severity, int ci, const char *fmt_en, const char *fmt_ja, ...)
{
    const struct col *c = &r->t->cols[ci];
    size_t field = r->map[ci] >= 0 ? (size_t)r->map[ci] + 1 : 0;
    const char *sub = c->ptr;
    va_list ap;
    int rc;

    if (r->scheme_row)
        sub = ci == SC_LABEL ? "/name" : ci == SC_SCHEME ? "/id" : sub;
    r->path.len = 0;
    rc = sb_put(&r->path, r->item.p ? r->item.p : "", r->item.len);
    if (rc == HYOKA_OK)
        rc = sb_puts(&r->path, r->item.len ? sub : "");
    r_fatal(r, rc);
    va_start(ap, fmt_ja);
    vdiag(r, code, severity, r->row, field, c->name, rc == HYOKA_OK ? r->path.p : "", fmt_en, fmt_ja, ap);
    va_end(ap);
}

/* A problem at a given place, with a column name and a path. */
static void vdiag_at(struct rd *r, const char *code, int64_t row, size_t field, const char *colname, const char *path,
                     const char *fmt_en, const char *fmt_ja, ...) HYOKA_PRINTF(7, 9);
static void vdiag_at(struct rd *r, const char *code, int64_t row, size_t field, const char *colname, const char *path,
                     const char *fmt_en, const char *fmt_ja, ...)
{
    va_list ap;
    va_start(ap, fmt_ja);
    vdiag(r, code, HYOKA_SEVERITY_ERROR, row, field, colname, path, fmt_en, fmt_ja, ap);
    va_end(ap);
}

/* ---- the record parser ---- */

static void keep_bytes(struct rd *r, const unsigned char *p, size_t n, size_t field_no, bool *over)
{
    size_t room;

    if (*over || r->fatal)
        return;
    room = r->opt.max_field - r->raw.len;
    if (n > room) {
        *over = true;
        pdiag(r, "V007", r->row, field_no, "field longer than the limit of %zu bytes",
              "フィールドが上限の %zu バイトを超える", r->opt.max_field);
        r->bad = true;
        return;
    }
    r_fatal(r, sb_put(&r->raw, (const char *)p, n));
}

/* Decode the raw field to UTF-8 and keep it. */
static void end_field(struct rd *r, size_t field_no, bool quoted, bool over)
{
    const unsigned char *s = (const unsigned char *)r->raw.p;
    size_t n = r->raw.len, i = 0, off;
    int rc;

    r->nf_total++;
    if (over || r->fatal || r->nf >= r->keep)
        return;
    rc = hyoka__grow((void **)&r->f, &r->fcap, r->nf, sizeof *r->f);
    if (rc != HYOKA_OK) {
        r_fatal(r, rc);
        return;
    }
    off = r->data.len;
    if (r->opt.encoding == HYOKA_ENCODING_CP932) {
        rc = n > SIZE_MAX / 4 ? hyoka__nomem() : sb_reserve(&r->data, n * 3);
        if (rc != HYOKA_OK) {
            r_fatal(r, rc);
            return;
        }
        while (i < n) {
            int32_t c;
            if (s[i] < 0x80) {
                if (s[i] == 0)
                    break;
                r->data.p[r->data.len++] = (char)s[i++];
                continue;
            }
            c = hyoka__cp932_next(s, n, &i);
            if (c < 0)
                break;
            r->data.len += hyoka__utf8_encode((uint32_t)c, r->data.p + r->data.len);
        }
        r->data.p[r->data.len] = '\0';
        if (i < n) {
            r->data.len = off;
            if (s[i] == 0)
                pdiag(r, "V003", r->row, field_no, "NUL character at byte %zu of the field",
                      "フィールドの %zu バイト目に NUL 文字", i + 1);
            else if (i + 1 < n && ((s[i] >= 0x81 && s[i] <= 0x9F) || (s[i] >= 0xE0 && s[i] <= 0xFC)))
                pdiag(r, "V003", r->row, field_no, "bytes %02X %02X at byte %zu of the field are not CP932",
                      "フィールドの %3$zu バイト目のバイト列 %1$02X %2$02X は CP932 でない", s[i], s[i + 1], i + 1);
            else
                pdiag(r, "V003", r->row, field_no, "byte %02X at byte %zu of the field is not CP932",
                      "フィールドの %2$zu バイト目のバイト %1$02X は CP932 でない", s[i], i + 1);
            r->bad = true;
            return;
        }
    } else {
        while (i < n) {
            size_t at = i;
            if (s[i] < 0x80) {
                if (s[i] == 0) {
                    pdiag(r, "V003", r->row, field_no, "NUL character at byte %zu of the field",
                          "フィールドの %zu バイト目に NUL 文字", i + 1);
                    r->bad = true;
                    return;
                }
                i++;
                continue;
            }
            if (hyoka__utf8_next((const char *)s, n, &i) < 0) {
                pdiag(r, "V003", r->row, field_no, "invalid UTF-8 (byte %02X) at byte %zu of the field",
                      "フィールドの %2$zu バイト目が不正な UTF-8 (バイト %1$02X)", s[at], at + 1);
                r->bad = true;
                return;
            }
        }
        rc = sb_put(&r->data, (const char *)s, n);
        if (rc != HYOKA_OK) {
            r_fatal(r, rc);
            return;
        }
    }
    rc = sb_putc(&r->data, '\0');
    if (rc != HYOKA_OK) {
        r_fatal(r, rc);
        return;
    }
    r->f[r->nf].off = off;
    r->f[r->nf].len = r->data.len - 1 - off;
    r->f[r->nf].quoted = quoted;
    r->nf++;
}

/* Skip to the start of the next line. */
static void skip_line(struct rd *r)
{
    const unsigned char *lf = r->pos < r->n ? memchr(r->s + r->pos, '\n', r->n - r->pos) : NULL;
    r->pos = lf ? (size_t)(lf - r->s) + 1 : r->n;
}

/* Parse the next record. true when there is one (possibly bad). */
static bool next_record(struct rd *r)
{
    const unsigned char *s = r->s;
    size_t n = r->n, row_start = r->pos;
    bool row_over = false;

    if (r->pos >= n || r->fatal)
        return false;
    r->row++;
    r->nf = r->nf_total = 0;
    r->data.len = 0;
    r->bad = false;
    for (;;) {
        size_t field_no = r->nf_total + 1;
        bool quoted = false, over = false;

        r->raw.len = 0;
        if (r->pos < n && s[r->pos] == '"') {
            size_t qpos = r->pos++;
            quoted = true;
            for (;;) {
                const unsigned char *q;
                size_t run;
                if (r->pos >= n) {
                    pdiag(r, "V001", r->row, field_no,
                          "the quoted field that starts here is not closed (the text ends inside it)",
                          "ここで始まる引用符付きフィールドが閉じていない (テキストの終わりまで続く)");
                    r->bad = true;
                    /* Go on after the line of the opening quote, once: the
                     * rest of the file is not one field. */
                    r->pos = qpos;
                    if (!r->resynced) {
                        r->resynced = true;
                        skip_line(r);
                    } else {
                        r->pos = n;
                    }
                    return true;
                }
                if (s[r->pos] == '"') {
                    if (r->pos + 1 < n && s[r->pos + 1] == '"') {
                        keep_bytes(r, s + r->pos, 1, field_no, &over);
                        r->pos += 2;
                        continue;
                    }
                    r->pos++;
                    break;
                }
                q = memchr(s + r->pos, '"', n - r->pos);
                run = q ? (size_t)(q - (s + r->pos)) : n - r->pos;
                keep_bytes(r, s + r->pos, run, field_no, &over);
                r->pos += run;
            }
            if (r->pos < n && s[r->pos] != ',' && s[r->pos] != '\r' && s[r->pos] != '\n') {
                pdiag(r, "V001", r->row, field_no, "unexpected character after the closing quote of a field",
                      "フィールドを閉じる引用符の後に余分な文字");
                r->bad = true;
                skip_line(r);
                return true;
            }
        } else {
            size_t k = r->pos;
            bool stray = false;
            while (k < n && s[k] != ',' && s[k] != '\r' && s[k] != '\n') {
                if (s[k] == '"' && !stray) {
                    stray = true;
                    pdiag(r, "V001", r->row, field_no, "quote inside an unquoted field",
                          "引用符で囲まれていないフィールドの中に引用符");
                    r->bad = true;
                }
                k++;
            }
            keep_bytes(r, s + r->pos, k - r->pos, field_no, &over);
            r->pos = k;
        }
        if (!row_over && r->pos - row_start > r->opt.max_row) {
            row_over = true;
            pdiag(r, "V007", r->row, field_no, "row longer than the limit of %zu bytes", "行が上限の %zu バイトを超える",
                  r->opt.max_row);
            r->bad = true;
        }
        end_field(r, field_no, quoted, over || row_over);
        if (r->fatal)
            return false;
        if (r->pos >= n)
            return true;
        if (s[r->pos] == ',') {
            r->pos++;
            continue;
        }
        if (s[r->pos] == '\n') {
            r->pos++;
            return true;
        }
        /* '\r' */
        if (r->pos + 1 < n && s[r->pos + 1] == '\n') {
            r->pos += 2;
            return true;
        }
        pdiag(r, "V001", r->row, field_no, "line ends with CR not followed by LF", "行末の CR の後に LF がない");
        r->bad = true;
        r->pos++;
        return true;
    }
}

static bool record_blank(const struct rd *r)
{
    return r->nf_total == 1 && r->nf == 1 && r->f[0].len == 0 && !r->f[0].quoted;
}

/* ---- cells ---- */

/* The cell of column @p ci in the current row; false when the column is absent. */
static bool cell(const struct rd *r, int ci, const char **s, size_t *n, bool *quoted)
{
    int fi = r->map[ci];
    if (fi < 0 || (size_t)fi >= r->nf) {
        *s = "";
        *n = 0;
        *quoted = false;
        return false;
    }
    *s = r->data.p + r->f[fi].off;
    *n = r->f[fi].len;
    *quoted = r->f[fi].quoted;
    return true;
}

/* Whether the cell holds anything (a quoted "" counts). */
static bool cell_given(const struct rd *r, int ci)
{
    const char *s;
    size_t n;
    bool q;
    return cell(r, ci, &s, &n, &q) && (n > 0 || q);
}

/* A text cell: 1 present (formula neutralisation undone), 0 missing. */
static int get_text(const struct rd *r, int ci, const char **s, size_t *n)
{
    bool q;
    if (!cell(r, ci, s, n, &q) || (*n == 0 && !q))
        return 0;
    if (*n > 0 && (*s)[0] == '\'' && needs_apostrophe(*s + 1, *n - 1)) {
        (*s)++;
        (*n)--;
    }
    return 1;
}

/* A cell that is not text: 1 present, 0 empty (quoted or not). */
static int get_raw(const struct rd *r, int ci, const char **s, size_t *n)
{
    bool q;
    return cell(r, ci, s, n, &q) && *n > 0;
}

static int required(struct rd *r, int ci, int rc)
{
    if (rc == 0) {
        cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "a value is required", "値が必要");
        return -1;
    }
    return rc;
}

static int get_decimal(struct rd *r, int ci, hyoka_decimal *d)
{
    const char *s;
    size_t n;
    char q[80];
    int rc;

    if (!get_raw(r, ci, &s, &n))
        return 0;
    if (memchr(s, 'e', n) || memchr(s, 'E', n))
        rc = hyoka_decimal_parse(s, n, d);
    else
        rc = hyoka_decimal_parse_printed(s, n, d);
    if (rc == HYOKA_OK)
        return 1;
    if (rc == HYOKA_ERANGE)
        cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "number out of range: \"%s\"", "数値が範囲外:「%s」",
              excerpt(s, n, q, sizeof q));
    else
        cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "not a number: \"%s\"", "数値でない:「%s」",
              excerpt(s, n, q, sizeof q));
    return -1;
}

/* Drop trailing zeros of the fraction. */
static void strip_zeros(int64_t *coef, int *scale)
{
    while (*scale > 0 && *coef % 10 == 0) {
        *coef /= 10;
        (*scale)--;
    }
}

/* A money cell in the document's amount unit: 1, 0, -1. */
static int get_money(struct rd *r, int ci, int64_t *out)
{
    hyoka_decimal d;
    int64_t coef;
    int scale, rc = get_decimal(r, ci, &d);
    const char *s;
    size_t n;
    char q[80];

    if (rc <= 0)
        return rc;
    get_raw(r, ci, &s, &n);
    coef = hyoka_decimal_coefficient(&d);
    scale = hyoka_decimal_scale(&d);
    strip_zeros(&coef, &scale);
    if (r->pf->amount_unit == HYOKA_UNIT_THOUSAND_YEN) {
        hyoka_decimal t;
        if (scale > 3) {
            cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci,
                  "amount \"%s\" has more than 3 decimal places in thousand_yen (finer than one yen)",
                  "金額「%s」は千円単位で小数が3桁を超える (1円未満)", excerpt(s, n, q, sizeof q));
            return -1;
        }
        if (hyoka_decimal_from_parts(coef, scale, &t) != HYOKA_OK || hyoka_yen_from_thousands(&t, out) != HYOKA_OK) {
            cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "amount \"%s\" out of range", "金額「%s」が範囲外",
                  excerpt(s, n, q, sizeof q));
            return -1;
        }
        return 1;
    }
    if (scale > 0) {
        cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "amount \"%s\" is finer than one yen", "金額「%s」が1円未満を含む",
              excerpt(s, n, q, sizeof q));
        return -1;
    }
    *out = coef;
    return 1;
}

/* A whole number >= 0: 1, 0, -1. */
static int get_count(struct rd *r, int ci, int64_t *out)
{
    hyoka_decimal d;
    int64_t coef;
    int scale, rc = get_decimal(r, ci, &d);
    const char *s;
    size_t n;
    char q[80];

    if (rc <= 0)
        return rc;
    get_raw(r, ci, &s, &n);
    coef = hyoka_decimal_coefficient(&d);
    scale = hyoka_decimal_scale(&d);
    strip_zeros(&coef, &scale);
    if (scale > 0 || coef < 0) {
        cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "\"%s\" is not a whole number of 0 or more",
              "「%s」は0以上の整数でない", excerpt(s, n, q, sizeof q));
        return -1;
    }
    *out = coef;
    return 1;
}

/* A position: a whole number 1, 2, 3... (ASCII digits). */
static int get_index(struct rd *r, int ci, size_t *out)
{
    const char *s;
    size_t n, v = 0;
    char q[80];

    if (!get_raw(r, ci, &s, &n))
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9' || v > (SIZE_MAX - 9) / 10) {
            v = 0;
            break;
        }
        v = v * 10 + (size_t)(s[i] - '0');
    }
    if (v == 0) {
        cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "\"%s\" is not a position (1, 2, 3...)",
              "「%s」は位置 (1, 2, 3...) でない", excerpt(s, n, q, sizeof q));
        return -1;
    }
    *out = v;
    return 1;
}

static int get_year(struct rd *r, int ci, int32_t *out)
{
    const char *s;
    size_t n;
    unsigned flags = 0;
    char q[80];
    int rc;

    if (!get_raw(r, ci, &s, &n))
        return 0;
    rc = hyoka_fiscal_year_parse(s, n, out, &flags);
    if (rc != HYOKA_OK) {
        cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "\"%s\" is not a fiscal year (1868..9999, or 平成19年度...)",
              "「%s」は年度 (1868..9999 または 平成19年度 など) でない", excerpt(s, n, q, sizeof q));
        return -1;
    }
    if (flags & HYOKA_CAL_PAST_ERA_END)
        cdiag(r, "Y001", HYOKA_SEVERITY_WARNING, ci, "era year past the era's end: \"%s\" is read as %ld",
              "元号の終了後の年:「%s」を %ld 年度とする", excerpt(s, n, q, sizeof q), (long)*out);
    return 1;
}

static int get_date(struct rd *r, int ci, int32_t *out)
{
    const char *s;
    size_t n;
    unsigned flags = 0;
    char q[80];
    int rc;

    if (!get_raw(r, ci, &s, &n))
        return 0;
    rc = hyoka_date_parse(s, n, out, &flags);
    if (rc != HYOKA_OK) {
        cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "\"%s\" is not a date (2008-05-15, 2008-12, 平成20年5月15日...)",
              "「%s」は日付 (2008-05-15, 2008-12, 平成20年5月15日 など) でない", excerpt(s, n, q, sizeof q));
        return -1;
    }
    if (flags & HYOKA_CAL_PAST_ERA_END)
        cdiag(r, "Y001", HYOKA_SEVERITY_WARNING, ci, "era year past the era's end: \"%s\" is read as %ld",
              "元号の終了後の年:「%s」を %ld とする", excerpt(s, n, q, sizeof q), (long)*out);
    return 1;
}

static int get_enum(struct rd *r, int ci, int which, int *out)
{
    const char *s;
    size_t n;
    char q[80], names[200];
    int count, rc;
    size_t o = 0;

    if (!get_raw(r, ci, &s, &n))
        return 0;
    rc = hyoka_enum_value(which, s, n, out);
    if (rc == HYOKA_OK)
        return 1;
    names[0] = '\0';
    count = hyoka_enum_count(which);
    for (int v = 0; v < count; v++) {
        const char *nm = hyoka_enum_name(which, v);
        size_t l = nm ? strlen(nm) : 0;
        if (!nm || o + l + 3 >= sizeof names)
            break;
        if (o) {
            memcpy(names + o, ", ", 2);
            o += 2;
        }
        memcpy(names + o, nm, l + 1);
        o += l;
    }
    cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "unknown value \"%s\" (expected one of: %s)",
          "未知の値「%s」(次のどれか: %s)", excerpt(s, n, q, sizeof q), names);
    return -1;
}

static bool ascii_ieq(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    if (n != l)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != lit[i])
            return false;
    }
    return true;
}

static int get_bool(struct rd *r, int ci, int *out)
{
    const char *s;
    size_t n;
    char q[80];

    if (!get_raw(r, ci, &s, &n))
        return 0;
    if (ascii_ieq(s, n, "true")) {
        *out = 1;
        return 1;
    }
    if (ascii_ieq(s, n, "false")) {
        *out = 0;
        return 1;
    }
    cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "\"%s\" is not true or false", "「%s」は true でも false でもない",
          excerpt(s, n, q, sizeof q));
    return -1;
}

/* The outcome of a model setter for the cell of column @p ci. */
static bool set_ok(struct rd *r, int ci, int rc)
{
    const char *code;
    if (rc == HYOKA_OK)
        return true;
    if (rc == HYOKA_ENOMEM) {
        r_fatal(r, rc);
        return false;
    }
    code = rc == HYOKA_ELIMIT ? "V007" : rc == HYOKA_EENCODING ? "V003" : "V005";
    cdiag(r, code, HYOKA_SEVERITY_ERROR, ci, "%s", "%s", hyoka_error_last());
    return false;
}

/* Check that a position continues its parent's sequence. */
static bool check_seq(struct rd *r, int ci, const char *what, size_t got, size_t count)
{
    if (got == count + 1)
        return true;
    if (got <= count)
        cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "%s %zu given twice", "%s %zu が重複", what, got);
    else
        cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "%s %zu is out of sequence: the next one is %zu",
              "%s %zu の順序が違う: 次は %zu", what, got, count + 1);
    return false;
}

/* ---- the item pointer of the row ---- */

static void item_cat(struct rd *r, const char *s)
{
    if (!r->fatal)
        r_fatal(r, sb_puts(&r->item, s));
}

static void item_idx(struct rd *r, size_t i)
{
    if (!r->fatal)
        r_fatal(r, sb_put_size(&r->item, i));
}

static void item_token(struct rd *r, const char *s, size_t n)
{
    if (!r->fatal)
        r_fatal(r, sb_put_token(&r->item, s, n));
}

/* ---- project positions ---- */

/* Parse "2.1" into r->comps. false (reported) when malformed. */
static bool parse_position(struct rd *r, int ci, const char *s, size_t n)
{
    size_t i = 0;
    char q[80];

    r->ncomps = 0;
    while (i <= n) {
        size_t v = 0, start = i;
        while (i < n && s[i] >= '0' && s[i] <= '9' && v <= (SIZE_MAX - 9) / 10) {
            v = v * 10 + (size_t)(s[i] - '0');
            i++;
        }
        if (i == start || v == 0 || (i < n && s[i] != '.') || (i < n && i + 1 == n)) {
            cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "\"%s\" is not a project position (1, 2, 2.1...)",
                  "「%s」は事業の位置 (1, 2, 2.1 など) でない", excerpt(s, n, q, sizeof q));
            return false;
        }
        if (hyoka__grow((void **)&r->comps, &r->compcap, r->ncomps, sizeof *r->comps) != HYOKA_OK) {
            r_fatal(r, HYOKA_ENOMEM);
            return false;
        }
        r->comps[r->ncomps++] = v;
        if (i >= n)
            break;
        i++; /* '.' */
    }
    return true;
}

/* The project at the first @p depth components; the portfolio level's
 * children when depth is 0 (returns NULL then, with *children set). */
static hyoka_project *walk(const struct rd *r, size_t depth, bool *found)
{
    const struct hyoka__vec *v = &r->pf->projects;
    hyoka_project *p = NULL;
    *found = true;
    for (size_t k = 0; k < depth; k++) {
        if (r->comps[k] > v->count) {
            *found = false;
            return NULL;
        }
        p = v->items[r->comps[k] - 1];
        v = &p->children;
    }
    return p;
}

/* Set the item pointer to the project at r->comps[0..depth). */
static void item_project(struct rd *r, size_t depth)
{
    r->item.len = 0;
    for (size_t k = 0; k < depth; k++) {
        item_cat(r, k == 0 ? "/projects/" : "/children/");
        item_idx(r, r->comps[k] - 1);
    }
}

/* The project named by the project column of a row that refers to one. */
static hyoka_project *get_project(struct rd *r)
{
    const char *s;
    size_t n;
    bool found;
    hyoka_project *p;
    char q[80];

    if (required(r, 0, get_raw(r, 0, &s, &n)) < 0)
        return NULL;
    if (!parse_position(r, 0, s, n))
        return NULL;
    p = walk(r, r->ncomps, &found);
    if (!found) {
        cdiag(r, "V006", HYOKA_SEVERITY_ERROR, 0, "project %s does not exist (no such row in projects)",
              "事業 %s がない (projects 表にその行がない)", excerpt(s, n, q, sizeof q));
        return NULL;
    }
    item_project(r, r->ncomps);
    return p;
}

/* ---- document ---- */

static void doc_row(struct rd *r)
{
    struct docstate *st = &r->doc;
    const char *key, *s;
    size_t kn, n;
    char q[80];
    int k, rc;

    if (required(r, DOC_KEY, get_text(r, DOC_KEY, &key, &kn)) < 0)
        return;
    /* the value's pointer: "/" + key with '.' as '/' */
    r->item.len = 0;
    item_cat(r, "/");
    if (!r->fatal) {
        rc = sb_put(&r->item, key, kn);
        r_fatal(r, rc);
        for (size_t i = 1; !r->fatal && i < r->item.len; i++)
            if (r->item.p[i] == '.')
                r->item.p[i] = '/';
    }
    for (k = 0; k < DK_COUNT; k++)
        if (strlen(doc_keys[k]) == kn && memcmp(doc_keys[k], key, kn) == 0)
            break;
    if (k < DK_COUNT) {
        if (st->seen & (1u << k)) {
            cdiag(r, "V005", HYOKA_SEVERITY_ERROR, DOC_KEY, "key %s given twice", "キー %s が重複", doc_keys[k]);
            return;
        }
        st->seen |= 1u << k;
    }
    switch (k) {
    case DK_FORMAT:
        if (required(r, DOC_VALUE, get_text(r, DOC_VALUE, &s, &n)) < 0)
            return;
        if (n != 7 || memcmp(s, "hyoka/1", 7) != 0)
            cdiag(r, "V005", HYOKA_SEVERITY_ERROR, DOC_VALUE, "format \"%s\" is not hyoka/1",
                  "形式「%s」は hyoka/1 でない", excerpt(s, n, q, sizeof q));
        return;
    case DK_AMOUNT_UNIT: {
        int unit;
        if (get_enum(r, DOC_VALUE, HYOKA_ENUM_UNIT, &unit) > 0)
            r->pf->amount_unit = unit;
        return;
    }
    case DK_NAME:
    case DK_CODE: {
        char **slot = k == DK_NAME ? &st->name : &st->code;
        if (get_text(r, DOC_VALUE, &s, &n) <= 0)
            return;
        *slot = hyoka__strndup(s, n);
        if (!*slot) {
            r_fatal(r, hyoka__nomem());
            return;
        }
        if (k == DK_NAME) {
            st->name_len = n;
        } else {
            st->code_len = n;
            st->code_row = r->row;
            st->code_field = (size_t)r->map[DOC_VALUE] + 1;
        }
        return;
    }
    case DK_TOLERANCE: {
        int64_t v;
        if (get_count(r, DOC_VALUE, &v) > 0)
            r->pf->stated_tolerance = v;
        return;
    }
    default:
        break;
    }
    /* rounding.FIGURE.PART */
    if (kn > 9 && memcmp(key, "rounding.", 9) == 0) {
        const char *fig = key + 9, *dot = memchr(fig, '.', kn - 9);
        int figure, part = -1;
        if (dot && hyoka_enum_value(HYOKA_ENUM_FIGURE, fig, (size_t)(dot - fig), &figure) == HYOKA_OK) {
            size_t pn = kn - (size_t)(dot + 1 - key);
            static const char *const parts[3] = {"places", "mode", "unit"};
            for (int i = 0; i < 3; i++)
                if (strlen(parts[i]) == pn && memcmp(parts[i], dot + 1, pn) == 0)
                    part = i;
            if (part >= 0) {
                int v = 0;
                int64_t places = 0;
                if (st->rnd[figure].given & (1u << part)) {
                    cdiag(r, "V005", HYOKA_SEVERITY_ERROR, DOC_KEY, "key %s given twice", "キー %s が重複",
                          excerpt(key, kn, q, sizeof q));
                    return;
                }
                if (!st->rnd[figure].given && !st->rnd[figure].bad) {
                    st->rnd[figure].row = r->row;
                    st->rnd[figure].field = (size_t)r->map[DOC_KEY] + 1;
                }
                if (part == 0) {
                    rc = required(r, DOC_VALUE, get_count(r, DOC_VALUE, &places));
                    if (rc > 0 && places > HYOKA_DECIMAL_MAX_SCALE) {
                        cdiag(r, "V005", HYOKA_SEVERITY_ERROR, DOC_VALUE, "places %lld outside 0..%d",
                              "桁数 %lld が 0..%d の範囲外", (long long)places, HYOKA_DECIMAL_MAX_SCALE);
                        rc = -1;
                    }
                    v = (int)places;
                } else {
                    rc = required(r, DOC_VALUE,
                                  get_enum(r, DOC_VALUE, part == 1 ? HYOKA_ENUM_ROUNDING : HYOKA_ENUM_UNIT, &v));
                }
                if (rc < 0) {
                    st->rnd[figure].bad = 1;
                    return;
                }
                st->rnd[figure].given |= 1u << part;
                if (part == 0)
                    st->rnd[figure].places = v;
                else if (part == 1)
                    st->rnd[figure].mode = v;
                else
                    st->rnd[figure].unit = v;
                return;
            }
        }
    }
    cdiag(r, "V004", HYOKA_SEVERITY_ERROR, DOC_KEY, "unknown key \"%s\"", "未知のキー「%s」", excerpt(key, kn, q, sizeof q));
}

static void doc_finish(struct rd *r)
{
    struct docstate *st = &r->doc;
    int rc;

    if (!r->fatal && (st->name || st->code)) {
        rc = hyoka_portfolio_set_municipality(r->pf, st->name, st->name ? st->name_len : 0, st->code,
                                              st->code ? st->code_len : 0);
        if (rc == HYOKA_ENOMEM)
            r_fatal(r, rc);
        else if (rc != HYOKA_OK)
            vdiag_at(r, rc == HYOKA_ELIMIT ? "V007" : "V005", st->code ? st->code_row : 0, st->code ? st->code_field : 0,
                     "value", st->code ? "/municipality/code" : "/municipality/name", "%s", "%s", hyoka_error_last());
    }
    for (int f = 0; f < HYOKA__FIGURE_COUNT && !r->fatal; f++) {
        const char *fname = hyoka_enum_name(HYOKA_ENUM_FIGURE, f);
        char ptr[64];
        if (!st->rnd[f].given || st->rnd[f].bad)
            continue;
        snprintf(ptr, sizeof ptr, "/rounding/%s", fname ? fname : "");
        if ((st->rnd[f].given & 3u) != 3u) {
            vdiag_at(r, "V005", st->rnd[f].row, st->rnd[f].field, "key", ptr,
                     "the rounding of %s needs both places and mode", "%s の丸めには places と mode の両方が必要",
                     fname);
            continue;
        }
        rc = hyoka_portfolio_set_rounding(r->pf, f, st->rnd[f].places, st->rnd[f].mode,
                                          (st->rnd[f].given & 4u) ? st->rnd[f].unit : HYOKA_UNIT_YEN);
        if (rc == HYOKA_ENOMEM)
            r_fatal(r, rc);
        else if (rc != HYOKA_OK)
            vdiag_at(r, "V005", st->rnd[f].row, st->rnd[f].field, "key", ptr, "%s", "%s", hyoka_error_last());
    }
}

static void doc_release(struct rd *r)
{
    hyoka__free(r->doc.name);
    hyoka__free(r->doc.code);
    memset(&r->doc, 0, sizeof r->doc);
}

/* ---- denominators ---- */

static void denominator_row(struct rd *r)
{
    hyoka_portfolio *pf = r->pf;
    int32_t fy;
    int64_t v;
    size_t idx = pf->denominator_count;
    int rc;

    item_cat(r, "/denominators/");
    item_idx(r, idx);
    if (required(r, DEN_FY, get_year(r, DEN_FY, &fy)) < 0)
        return;
    for (size_t i = 0; i < pf->denominator_count; i++)
        if (pf->denominators[i].fiscal_year == fy) {
            cdiag(r, "V005", HYOKA_SEVERITY_ERROR, DEN_FY, "fiscal year %ld given twice", "年度 %ld が重複", (long)fy);
            return;
        }
    /* make the entry, then fill it */
    rc = hyoka_portfolio_set_denominator(pf, fy, HYOKA_COST_POPULATION, 0);
    if (!set_ok(r, DEN_FY, rc))
        return;
    hyoka_portfolio_clear_denominator(pf, fy, HYOKA_COST_POPULATION);
    if (get_count(r, DEN_POPULATION, &v) > 0)
        set_ok(r, DEN_POPULATION, hyoka_portfolio_set_denominator(pf, fy, HYOKA_COST_POPULATION, v));
    if (get_count(r, DEN_HOUSEHOLDS, &v) > 0)
        set_ok(r, DEN_HOUSEHOLDS, hyoka_portfolio_set_denominator(pf, fy, HYOKA_COST_HOUSEHOLDS, v));
}

/* ---- projects ---- */

static void project_row(struct rd *r)
{
    const char *s;
    size_t n, count;
    bool found;
    hyoka_project *parent, *p = NULL;
    struct hyoka__vec *siblings;
    char q[80];
    int rc, v;
    int32_t start = 0, end = 0;

    if (required(r, PJ_PROJECT, get_raw(r, PJ_PROJECT, &s, &n)) < 0 || !parse_position(r, PJ_PROJECT, s, n))
        return;
    parent = walk(r, r->ncomps - 1, &found);
    if (!found) {
        cdiag(r, "V006", HYOKA_SEVERITY_ERROR, PJ_PROJECT,
              "the parent of project %s does not exist (a sub-project's row comes after its parent's)",
              "事業 %s の親事業がない (細事業の行は親事業の行の後に置く)", excerpt(s, n, q, sizeof q));
        return;
    }
    siblings = parent ? &parent->children : &r->pf->projects;
    count = siblings->count;
    if (!check_seq(r, PJ_PROJECT, "project position", r->comps[r->ncomps - 1], count))
        return;
    item_project(r, r->ncomps);
    rc = hyoka_project_new(&p);
    if (rc != HYOKA_OK) {
        r_fatal(r, rc);
        return;
    }
    for (int c = PJ_CODE; c < PJ_COUNT && !r->fatal; c++) {
        if (project_text_of[c] >= 0) {
            if (get_text(r, c, &s, &n) > 0)
                set_ok(r, c, hyoka_project_set_text(p, project_text_of[c], s, n));
        }
    }
    if (get_enum(r, PJ_DUTY, HYOKA_ENUM_DUTY, &v) > 0)
        p->duty = v;
    if (get_enum(r, PJ_PERIOD, HYOKA_ENUM_PERIOD, &v) > 0)
        p->period = v;
    if (get_year(r, PJ_START, &start) <= 0)
        start = 0;
    if (get_year(r, PJ_END, &end) <= 0)
        end = 0;
    set_ok(r, PJ_START, hyoka_project_set_period_years(p, start, end));
    if (r->fatal) {
        hyoka_project_free(p);
        return;
    }
    rc = parent ? hyoka_project_add_child(parent, p) : hyoka_portfolio_add_project(r->pf, p);
    if (rc != HYOKA_OK) {
        hyoka_project_free(p);
        r_fatal(r, rc == HYOKA_ENOMEM ? rc : hyoka__fail(rc, "hyoka_csv_read_tables: cannot add a project"));
    }
}

/* ---- classes, extensions ---- */

static void class_row(struct rd *r)
{
    hyoka_project *p = get_project(r);
    int kind;
    size_t pos;
    const char *t[3];
    size_t tn[3];
    int has[3];
    static const char *const member[2] = {"/policy/", "/account/"};

    if (!p || required(r, CL_PATH, get_enum(r, CL_PATH, HYOKA_ENUM_CLASS_KIND, &kind)) < 0 ||
        required(r, CL_POSITION, get_index(r, CL_POSITION, &pos)) < 0)
        return;
    if (!check_seq(r, CL_POSITION, "position", pos, p->cls[kind].count))
        return;
    item_cat(r, member[kind]);
    item_idx(r, pos - 1);
    for (int i = 0; i < 3; i++)
        has[i] = get_text(r, CL_LEVEL + i, &t[i], &tn[i]) > 0;
    set_ok(r, CL_LEVEL,
           hyoka_project_add_class(p, kind, has[0] ? t[0] : NULL, has[0] ? tn[0] : 0, has[1] ? t[1] : NULL,
                                   has[1] ? tn[1] : 0, has[2] ? t[2] : NULL, has[2] ? tn[2] : 0));
}

/* ---- keys and numbers given by the rows ---- */

static void kset_free(struct kset *set)
{
    hyoka__free(set->t);
    set->t = NULL;
    set->cap = set->count = 0;
    set->shift = 0;
}

static uint64_t kset_hash(const void *owner, size_t tag, const char *key, size_t n)
{
    uint64_t h = UINT64_C(14695981039346656037) ^ (uint64_t)(uintptr_t)owner;
    h = (h ^ (uint64_t)tag) * UINT64_C(1099511628211);
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)key[i];
        h *= UINT64_C(1099511628211);
    }
    return h;
}

/* The slot of (owner, tag, key): where it is, or the free slot where it
 * would go. (Fibonacci hashing: the high bits of h times 2^64 / phi.) */
static struct kslot *kset_slot(struct kslot *t, size_t cap, unsigned shift, const void *owner, size_t tag,
                               const char *key, size_t n, uint64_t h)
{
    size_t i = (size_t)((h * UINT64_C(0x9E3779B97F4A7C15)) >> shift);
    for (;;) {
        struct kslot *e = &t[i];
        if (!e->owner ||
            (e->owner == owner && e->tag == tag && e->h == h && e->len == n && memcmp(e->key, key, n) == 0))
            return e;
        i = (i + 1) & (cap - 1);
    }
}

/* Make room for one more key. HYOKA_OK or HYOKA_ENOMEM (set unchanged). */
static int kset_reserve(struct kset *set)
{
    size_t ncap = set->cap ? set->cap * 2 : 16;
    unsigned nshift = set->cap ? set->shift - 1 : 60;
    struct kslot *nt;

    if ((set->count + 1) * 2 <= set->cap)
        return HYOKA_OK;
    if (ncap < set->cap || ncap > SIZE_MAX / sizeof *nt)
        return hyoka__nomem();
    nt = hyoka__calloc(ncap, sizeof *nt);
    if (!nt)
        return hyoka__nomem();
    for (size_t i = 0; i < set->cap; i++) {
        const struct kslot *e = &set->t[i];
        if (e->owner)
            *kset_slot(nt, ncap, nshift, e->owner, e->tag, e->key, e->len, e->h) = *e;
    }
    hyoka__free(set->t);
    set->t = nt;
    set->cap = ncap;
    set->shift = nshift;
    return HYOKA_OK;
}

/* The entry of (owner, tag, key) with hash @p h, or NULL. */
static const struct kslot *kset_find(const struct kset *set, const void *owner, size_t tag, const char *key, size_t n,
                                     uint64_t h)
{
    const struct kslot *e;
    if (!set->cap)
        return NULL;
    e = kset_slot(set->t, set->cap, set->shift, owner, tag, key, n, h);
    return e->owner ? e : NULL;
}

/* Record a key of @p n bytes (the model's copy, which the set borrows) with
 * its item's index (room reserved, key absent). */
static void kset_add(struct kset *set, const void *owner, size_t tag, const char *key, size_t n, uint64_t h,
                     size_t value)
{
    struct kslot *e = kset_slot(set->t, set->cap, set->shift, owner, tag, key, n, h);
    e->owner = owner;
    e->tag = tag;
    e->key = key;
    e->len = n;
    e->h = h;
    e->value = value;
    set->count++;
}

static void imap_free(struct imap *m)
{
    hyoka__free(m->t);
    m->t = NULL;
    m->cap = m->count = 0;
    m->shift = 0;
}

static uint64_t imap_mix(uint64_t x)
{
    x ^= x >> 30;
    x *= UINT64_C(0xBF58476D1CE4E5B9);
    x ^= x >> 27;
    x *= UINT64_C(0x94D049BB133111EB);
    return x ^ (x >> 31);
}

/* The slot of (owner, a, b): where it is, or the free slot where it would
 * go. The owner's address seeds the hash. */
static struct islot *imap_slot(struct islot *t, size_t cap, unsigned shift, const void *owner, int64_t a, size_t b)
{
    uint64_t h = imap_mix(imap_mix((uint64_t)(uintptr_t)owner ^ (uint64_t)a) ^ (uint64_t)b);
    size_t i = (size_t)(h >> shift);
    for (;;) {
        struct islot *e = &t[i];
        if (!e->owner || (e->owner == owner && e->a == a && e->b == b))
            return e;
        i = (i + 1) & (cap - 1);
    }
}

/* Make room for @p more new entries. HYOKA_OK or HYOKA_ENOMEM (map
 * unchanged). */
static int imap_reserve(struct imap *m, size_t more)
{
    size_t ncap = m->cap ? m->cap : 8;
    unsigned nshift = m->cap ? m->shift : 61;
    struct islot *nt;

    if ((m->count + more) * 2 <= m->cap)
        return HYOKA_OK;
    while ((m->count + more) * 2 > ncap) {
        if (ncap > SIZE_MAX / 2 / sizeof *nt)
            return hyoka__nomem();
        ncap *= 2;
        nshift--;
    }
    nt = hyoka__calloc(ncap, sizeof *nt);
    if (!nt)
        return hyoka__nomem();
    for (size_t i = 0; i < m->cap; i++) {
        const struct islot *e = &m->t[i];
        if (e->owner)
            *imap_slot(nt, ncap, nshift, e->owner, e->a, e->b) = *e;
    }
    hyoka__free(m->t);
    m->t = nt;
    m->cap = ncap;
    m->shift = nshift;
    return HYOKA_OK;
}

/* The value of (owner, a, b): true and *value, or false when absent. */
static bool imap_get(const struct imap *m, const void *owner, int64_t a, size_t b, size_t *value)
{
    const struct islot *e;
    if (!m->cap)
        return false;
    e = imap_slot(m->t, m->cap, m->shift, owner, a, b);
    if (!e->owner)
        return false;
    *value = e->value;
    return true;
}

/* Set the value of (owner, a, b) (room reserved when it is new). */
static void imap_put(struct imap *m, const void *owner, int64_t a, size_t b, size_t value)
{
    struct islot *e = imap_slot(m->t, m->cap, m->shift, owner, a, b);
    if (!e->owner) {
        e->owner = owner;
        e->a = a;
        e->b = b;
        m->count++;
    }
    e->value = value;
}

/* Read a key and a text for a string list (extensions, answers, comments). */
static void kv_row(struct rd *r, struct hyoka__kvlist *l, int kc, int vc, const char *what)
{
    const char *k, *v;
    size_t kn, vn;
    uint64_t h;
    char q[80];
    int rc;

    if (required(r, kc, get_text(r, kc, &k, &kn)) < 0)
        return;
    if (kn == 0) {
        cdiag(r, "V005", HYOKA_SEVERITY_ERROR, kc, "empty %s", "%s が空", what);
        return;
    }
    item_token(r, k, kn);
    h = kset_hash(l, 0, k, kn);
    if (kset_find(&r->keys, l, 0, k, kn, h)) {
        cdiag(r, "V005", HYOKA_SEVERITY_ERROR, kc, "%s \"%s\" given twice", "%s「%s」が重複", what,
              excerpt(k, kn, q, sizeof q));
        return;
    }
    /* A text that cannot be missing: an empty cell is the empty text. */
    if (get_text(r, vc, &v, &vn) <= 0) {
        v = "";
        vn = 0;
    }
    rc = kset_reserve(&r->keys);
    if (rc != HYOKA_OK) {
        r_fatal(r, rc);
        return;
    }
    /* The set has the list's keys: no search of the list. */
    rc = hyoka__kv_append(l, what, k, kn, v, vn);
    if (set_ok(r, vc, rc))
        kset_add(&r->keys, l, 0, l->items[l->count - 1].key, kn, h, l->count - 1);
}

static void extension_row(struct rd *r)
{
    hyoka_project *p = get_project(r);
    if (!p)
        return;
    item_cat(r, "/extensions");
    kv_row(r, &p->extensions, EX_KEY, EX_VALUE, "extension key");
}

/* ---- years, staff ---- */

/* The year_index cell: 1 when empty. */
static bool get_year_index(struct rd *r, int ci, size_t *out)
{
    int rc = get_index(r, ci, out);
    if (rc == 0)
        *out = 1;
    return rc >= 0;
}

/* The year of a project with fiscal year @p fy and occurrence @p occ
 * (1-based), as the years table recorded it. */
static hyoka_costs *find_year(const struct rd *r, const hyoka_project *p, int32_t fy, size_t occ, size_t *index)
{
    size_t k;
    if (!imap_get(&r->nums, p, fy, occ, &k))
        return NULL;
    *index = k;
    return p->years.items[k];
}

static void year_row(struct rd *r)
{
    hyoka_project *p = get_project(r);
    hyoka_costs *c = NULL;
    int32_t fy;
    size_t yi, occ = 0;
    int v, rc;

    if (!p)
        return;
    item_cat(r, "/years/");
    item_idx(r, p->years.count);
    if (required(r, YR_FY, get_year(r, YR_FY, &fy)) < 0 || !get_year_index(r, YR_INDEX, &yi))
        return;
    /* occ: the project's years of this fiscal year so far */
    (void)imap_get(&r->nums, p, fy, 0, &occ);
    if (yi != occ + 1) {
        if (yi <= occ)
            cdiag(r, "V005", HYOKA_SEVERITY_ERROR, YR_FY, "fiscal year %ld (year_index %zu) given twice",
                  "年度 %ld (year_index %zu) が重複", (long)fy, yi);
        else
            cdiag(r, "V005", HYOKA_SEVERITY_ERROR, YR_INDEX,
                  "year_index %zu is out of sequence: the next year_index of fiscal year %ld is %zu",
                  "year_index %zu の順序が違う: 年度 %ld の次の year_index は %zu", yi, (long)fy, occ + 1);
        return;
    }
    rc = imap_reserve(&r->nums, 2);
    if (rc != HYOKA_OK) {
        r_fatal(r, rc);
        return;
    }
    rc = hyoka_project_add_year(p, fy, &c);
    if (!set_ok(r, YR_FY, rc))
        return;
    imap_put(&r->nums, p, fy, 0, occ + 1);
    imap_put(&r->nums, p, fy, occ + 1, p->years.count - 1);
    if (get_enum(r, YR_PHASE, HYOKA_ENUM_PHASE, &v) > 0)
        c->phase = v;
    for (int f = 0; f < HYOKA__COST_FIELD_COUNT && !r->fatal; f++) {
        int64_t x;
        rc = f < HYOKA_COST_USAGE ? get_money(r, YR_COST + f, &x) : get_count(r, YR_COST + f, &x);
        if (rc > 0)
            set_ok(r, YR_COST + f, hyoka_costs_set(c, f, x));
    }
    for (int f = 0; f < HYOKA__YEAR_FIGURE_COUNT && !r->fatal; f++) {
        hyoka_decimal d;
        int unit = implied_unit(r->pf, f);
        int has = get_decimal(r, stated_col(f), &d);
        int urc = 0;
        if (f < STATED_WITH_UNIT) {
            urc = get_enum(r, stated_unit_col(f), HYOKA_ENUM_UNIT, &unit);
            if (urc > 0 && has == 0) {
                cdiag(r, "V005", HYOKA_SEVERITY_ERROR, stated_unit_col(f), "a unit without a stated figure",
                      "記載値のない単位");
                continue;
            }
        }
        if (has > 0 && urc >= 0)
            set_ok(r, stated_col(f), hyoka_costs_set_stated(c, f, &d, unit));
    }
}

static void staff_row(struct rd *r)
{
    hyoka_project *p = get_project(r);
    hyoka_costs *c;
    hyoka_staff *st = NULL;
    int32_t fy;
    size_t yi, si, k = 0;
    int v, rc;

    if (!p || required(r, ST_FY, get_year(r, ST_FY, &fy)) < 0 || !get_year_index(r, ST_YEAR_INDEX, &yi) ||
        required(r, ST_INDEX, get_index(r, ST_INDEX, &si)) < 0)
        return;
    c = find_year(r, p, fy, yi, &k);
    if (!c) {
        cdiag(r, "V006", HYOKA_SEVERITY_ERROR, ST_FY, "the project has no year %ld (year_index %zu) in years",
              "事業に年度 %ld (year_index %zu) がない (years 表)", (long)fy, yi);
        return;
    }
    if (!check_seq(r, ST_INDEX, "staff_index", si, c->staff.count))
        return;
    item_cat(r, "/years/");
    item_idx(r, k);
    item_cat(r, "/staff/");
    item_idx(r, si - 1);
    rc = get_enum(r, ST_CATEGORY, HYOKA_ENUM_STAFF_CATEGORY, &v);
    if (!set_ok(r, ST_INDEX, hyoka_costs_add_staff(c, rc > 0 ? v : HYOKA_UNSET, &st)))
        return;
    for (int f = HYOKA_STAFF_HEADCOUNT; f <= HYOKA_STAFF_HOURS && !r->fatal; f++) {
        hyoka_decimal d;
        if (get_decimal(r, ST_HEADCOUNT + f, &d) > 0)
            set_ok(r, ST_HEADCOUNT + f, hyoka_staff_set_decimal(st, f, &d));
    }
    for (int f = HYOKA_STAFF_UNIT_COST; f <= HYOKA_STAFF_AMOUNT && !r->fatal; f++) {
        int64_t x;
        if (get_money(r, ST_HEADCOUNT + f, &x) > 0)
            set_ok(r, ST_HEADCOUNT + f, hyoka_staff_set_amount(st, f, x));
    }
}

/* ---- indicators, values ---- */

static void indicator_row(struct rd *r)
{
    static const int texts[][2] = {
        {IN_NAME, HYOKA_INDICATOR_NAME},
        {IN_UNIT, HYOKA_INDICATOR_UNIT},
        {IN_DEFINITION, HYOKA_INDICATOR_DEFINITION},
        {IN_NOT_SETTABLE_REASON, HYOKA_INDICATOR_NOT_SETTABLE_REASON},
        {IN_LT_NOTE, HYOKA_INDICATOR_LONG_TERM_NOTE},
    };
    hyoka_project *p = get_project(r);
    hyoka_indicator *ind = NULL;
    hyoka_decimal lt;
    int32_t lty = 0;
    size_t idx;
    int v, rc, has_lt;

    if (!p || required(r, IN_INDEX, get_index(r, IN_INDEX, &idx)) < 0)
        return;
    if (!check_seq(r, IN_INDEX, "indicator", idx, p->indicators.count))
        return;
    item_cat(r, "/indicators/");
    item_idx(r, idx - 1);
    rc = get_enum(r, IN_KIND, HYOKA_ENUM_INDICATOR_KIND, &v);
    if (!set_ok(r, IN_INDEX, hyoka_project_add_indicator(p, rc > 0 ? v : HYOKA_UNSET, &ind)))
        return;
    for (size_t i = 0; i < COUNT_OF(texts) && !r->fatal; i++) {
        const char *s;
        size_t n;
        if (get_text(r, texts[i][0], &s, &n) > 0)
            set_ok(r, texts[i][0], hyoka_indicator_set_text(ind, texts[i][1], s, n));
    }
    if (get_enum(r, IN_DIRECTION, HYOKA_ENUM_DIRECTION, &v) > 0)
        ind->direction = v;
    if (get_bool(r, IN_NOT_SETTABLE, &v) > 0)
        ind->not_settable = v;
    has_lt = get_decimal(r, IN_LT_VALUE, &lt);
    if (get_year(r, IN_LT_FY, &lty) <= 0)
        lty = 0;
    if (has_lt >= 0 && (has_lt > 0 || lty != 0))
        set_ok(r, IN_LT_VALUE, hyoka_indicator_set_long_term(ind, has_lt > 0 ? &lt : NULL, lty));
}

static hyoka_indicator *get_indicator(struct rd *r, hyoka_project *p, int ci, size_t *idx)
{
    if (required(r, ci, get_index(r, ci, idx)) < 0)
        return NULL;
    if (*idx > p->indicators.count) {
        cdiag(r, "V006", HYOKA_SEVERITY_ERROR, ci, "the project has no indicator %zu in indicators",
              "事業に指標 %zu がない (indicators 表)", *idx);
        return NULL;
    }
    item_cat(r, "/indicators/");
    item_idx(r, *idx - 1);
    return p->indicators.items[*idx - 1];
}

static void value_row(struct rd *r)
{
    hyoka_project *p = get_project(r);
    hyoka_indicator *ind;
    int32_t fy;
    size_t idx, had;
    int rc;

    if (!p || !(ind = get_indicator(r, p, VA_INDICATOR, &idx)))
        return;
    item_cat(r, "/values/");
    item_idx(r, ind->value_count);
    if (required(r, VA_FY, get_year(r, VA_FY, &fy)) < 0)
        return;
    /* The indicator's values come from this table only: the map has
     * their fiscal years. */
    if (imap_get(&r->nums, ind, fy, 0, &had)) {
        cdiag(r, "V005", HYOKA_SEVERITY_ERROR, VA_FY, "fiscal year %ld given twice for this indicator",
              "この指標で年度 %ld が重複", (long)fy);
        return;
    }
    rc = imap_reserve(&r->nums, 1);
    if (rc != HYOKA_OK) {
        r_fatal(r, rc);
        return;
    }
    /* Absent: appended without a search, the values set on that entry. */
    if (!set_ok(r, VA_FY, hyoka__indicator_append_year(ind, fy)))
        return;
    imap_put(&r->nums, ind, fy, 0, ind->value_count - 1);
    for (int f = 0; f < HYOKA__VALUE_FIELD_COUNT && !r->fatal; f++) {
        hyoka_decimal d;
        if (get_decimal(r, VA_VALUE + f, &d) > 0)
            set_ok(r, VA_VALUE + f, hyoka__indicator_set_last_value(ind, f, &d));
    }
}

/* ---- evaluations and their parts ---- */

static void evaluation_row(struct rd *r)
{
    static const int texts[][2] = {
        {EV_SCHEME, HYOKA_EVAL_SCHEME},
        {EV_EVALUATOR, HYOKA_EVAL_EVALUATOR},
        {EV_VERDICT, HYOKA_EVAL_VERDICT},
        {EV_BUDGET, HYOKA_EVAL_BUDGET},
    };
    hyoka_project *p = get_project(r);
    hyoka_evaluation *e = NULL;
    size_t idx;
    int v, rc, outcome = HYOKA_UNSET, cost = HYOKA_UNSET;
    int32_t x;

    if (!p || required(r, EV_INDEX, get_index(r, EV_INDEX, &idx)) < 0)
        return;
    if (!check_seq(r, EV_INDEX, "evaluation", idx, p->evaluations.count))
        return;
    item_cat(r, "/evaluations/");
    item_idx(r, idx - 1);
    rc = get_enum(r, EV_STAGE, HYOKA_ENUM_STAGE, &v);
    if (!set_ok(r, EV_INDEX, hyoka_project_add_evaluation(p, rc > 0 ? v : HYOKA_UNSET, &e)))
        return;
    for (size_t i = 0; i < COUNT_OF(texts) && !r->fatal; i++) {
        const char *s;
        size_t n;
        if (get_text(r, texts[i][0], &s, &n) > 0)
            set_ok(r, texts[i][0], hyoka_evaluation_set_text(e, texts[i][1], s, n));
    }
    if (get_year(r, EV_FY, &x) > 0)
        set_ok(r, EV_FY, hyoka_evaluation_set_fiscal_year(e, x));
    if (get_date(r, EV_DATE, &x) > 0)
        set_ok(r, EV_DATE, hyoka_evaluation_set_date(e, x));
    if (get_enum(r, EV_OUTCOME, HYOKA_ENUM_EXPECTED_OUTCOME, &v) > 0)
        outcome = v;
    if (get_enum(r, EV_COST, HYOKA_ENUM_EXPECTED_COST, &v) > 0)
        cost = v;
    set_ok(r, EV_OUTCOME, hyoka_evaluation_set_expected(e, outcome, cost));
}

static hyoka_evaluation *get_evaluation(struct rd *r, hyoka_project *p, int ci)
{
    size_t idx;
    if (required(r, ci, get_index(r, ci, &idx)) < 0)
        return NULL;
    if (idx > p->evaluations.count) {
        cdiag(r, "V006", HYOKA_SEVERITY_ERROR, ci, "the project has no evaluation %zu in evaluations",
              "事業に評価 %zu がない (evaluations 表)", idx);
        return NULL;
    }
    item_cat(r, "/evaluations/");
    item_idx(r, idx - 1);
    return p->evaluations.items[idx - 1];
}

static void answer_row(struct rd *r)
{
    hyoka_project *p = get_project(r);
    hyoka_evaluation *e = p ? get_evaluation(r, p, KV_EVALUATION) : NULL;
    if (!e)
        return;
    item_cat(r, "/scores");
    kv_row(r, &e->answers, KV_KEY, KV_VALUE, "criterion");
}

static void comment_row(struct rd *r)
{
    hyoka_project *p = get_project(r);
    hyoka_evaluation *e = p ? get_evaluation(r, p, KV_EVALUATION) : NULL;
    if (!e)
        return;
    item_cat(r, "/comments");
    kv_row(r, &e->comments, KV_KEY, KV_VALUE, "comment key");
}

static void goal_row(struct rd *r)
{
    hyoka_project *p = get_project(r);
    hyoka_evaluation *e = p ? get_evaluation(r, p, GO_EVALUATION) : NULL;
    const char *w = NULL, *l = NULL;
    size_t wn = 0, ln = 0, idx;
    int32_t by = 0;

    if (!e || required(r, GO_INDEX, get_index(r, GO_INDEX, &idx)) < 0)
        return;
    if (!check_seq(r, GO_INDEX, "goal", idx, e->goal_count))
        return;
    item_cat(r, "/goals/");
    item_idx(r, idx - 1);
    if (get_text(r, GO_WHAT, &w, &wn) <= 0)
        w = NULL;
    if (get_text(r, GO_LEVEL, &l, &ln) <= 0)
        l = NULL;
    if (get_date(r, GO_BY, &by) < 0)
        by = 0;
    set_ok(r, GO_BY, hyoka_evaluation_add_goal(e, w, wn, l, ln, by));
}

/* ---- schemes ---- */

/* The schemes and their codes are in the key set while the schemes table
 * is read, which alone fills them: the portfolio's scheme ids (tag
 * EL_SCHEME), a scheme's criteria, verdicts, budget directions and bands
 * (tag EL_CRITERION, EL_VERDICT, EL_BUDGET, EL_BAND; a band's value is its
 * min's place in r->bmins) and the options of its criterion j (tag
 * EL_COUNT + j). The model's copy of a code is the text of the cell
 * (it refuses one with a NUL), so a lookup of the cell finds what a search
 * of the list would. */

/* The item of @p owner and @p tag with @p code: true and *index, or false. */
static bool find_code(const struct rd *r, const void *owner, size_t tag, const char *code, size_t n, size_t *index)
{
    const struct kslot *e = kset_find(&r->keys, owner, tag, code, n, kset_hash(owner, tag, code, n));
    if (!e)
        return false;
    *index = e->value;
    return true;
}

/* Room in the key set for the code a row adds. false (fatal) when there is
 * no memory. */
static bool code_room(struct rd *r)
{
    int rc = kset_reserve(&r->keys);
    if (rc != HYOKA_OK)
        r_fatal(r, rc);
    return rc == HYOKA_OK;
}

/* Record the code just added at @p index (the model's copy, borrowed). */
static void code_added(struct rd *r, const void *owner, size_t tag, const char *stored, size_t index)
{
    size_t n = strlen(stored);
    kset_add(&r->keys, owner, tag, stored, n, kset_hash(owner, tag, stored, n), index);
}

static void bmins_free(struct rd *r)
{
    hyoka__free(r->bmins);
    r->bmins = NULL;
    r->nbmins = r->bmincap = 0;
}

static hyoka_scheme *find_scheme(const struct rd *r, const char *id, size_t n, size_t *index)
{
    if (!find_code(r, r->pf, EL_SCHEME, id, n, index))
        return NULL;
    return r->pf->schemes.items[*index];
}

/* The criterion named by the criterion column. */
static bool scheme_criterion(struct rd *r, const hyoka_scheme *s, size_t *j)
{
    const char *c;
    size_t cn;
    char q[80];

    if (required(r, SC_CRITERION, get_text(r, SC_CRITERION, &c, &cn)) < 0)
        return false;
    if (!find_code(r, s, EL_CRITERION, c, cn, j)) {
        cdiag(r, "V006", HYOKA_SEVERITY_ERROR, SC_CRITERION, "criterion \"%s\" is not defined above in this scheme",
              "評価項目「%s」がこの評価体系の上の行で定義されていない", excerpt(c, cn, q, sizeof q));
        return false;
    }
    item_cat(r, "/criteria/");
    item_idx(r, *j);
    return true;
}

static void scheme_row(struct rd *r)
{
    hyoka_portfolio *pf = r->pf;
    hyoka_scheme *s;
    const char *id, *el, *code = NULL, *label = NULL;
    size_t idn, eln, cn = 0, ln = 0, si = 0, j, k;
    int element, rc;
    bool bad = false, had;
    hyoka_decimal d1, d2;
    char q[80];

    if (required(r, SC_SCHEME, get_text(r, SC_SCHEME, &id, &idn)) < 0 ||
        required(r, SC_ELEMENT, get_raw(r, SC_ELEMENT, &el, &eln)) < 0)
        return;
    for (element = 0; element < EL_COUNT; element++)
        if (strlen(element_names[element]) == eln && memcmp(element_names[element], el, eln) == 0)
            break;
    if (element == EL_COUNT) {
        cdiag(r, "V005", HYOKA_SEVERITY_ERROR, SC_ELEMENT,
              "unknown element \"%s\" (expected one of: scheme, criterion, option, range, verdict, budget, band, missing)",
              "未知の要素「%s」(次のどれか: scheme, criterion, option, range, verdict, budget, band, missing)",
              excerpt(el, eln, q, sizeof q));
        return;
    }
    for (int c = 0; c < SC_COUNT; c++)
        if (!(element_cols[element] & B_(c)) && cell_given(r, c)) {
            cdiag(r, "V005", HYOKA_SEVERITY_ERROR, c, "column %s is not used by %s rows; leave it empty",
                  "%s 列は %s の行では使わない: 空にする", r->t->cols[c].name, element_names[element]);
            bad = true;
        }
    if (bad)
        return;
    s = find_scheme(r, id, idn, &si);
    r->scheme_row = element == EL_SCHEME;
    if (element == EL_SCHEME) {
        hyoka_scheme *ns = NULL;
        if (s) {
            cdiag(r, "V005", HYOKA_SEVERITY_ERROR, SC_SCHEME, "scheme \"%s\" given twice", "評価体系「%s」が重複",
                  excerpt(id, idn, q, sizeof q));
            return;
        }
        item_cat(r, "/schemes/");
        item_idx(r, pf->schemes.count);
        if (!code_room(r) || !set_ok(r, SC_SCHEME, hyoka_scheme_new(&ns, id, idn)))
            return;
        if (get_text(r, SC_LABEL, &label, &ln) > 0)
            set_ok(r, SC_LABEL, hyoka_scheme_set_name(ns, label, ln));
        rc = r->fatal ? r->fatal : hyoka__portfolio_add_scheme(pf, ns, 0);
        if (rc == HYOKA_OK)
            code_added(r, pf, EL_SCHEME, ns->id, pf->schemes.count - 1);
        else {
            hyoka_scheme_free(ns);
            if (rc == HYOKA_ENOMEM)
                r_fatal(r, rc);
            else if (!r->fatal)
                set_ok(r, SC_SCHEME, rc);
        }
        return;
    }
    if (!s) {
        cdiag(r, "V006", HYOKA_SEVERITY_ERROR, SC_SCHEME, "scheme \"%s\" is not defined above (no scheme row)",
              "評価体系「%s」が上の行で定義されていない (scheme の行がない)", excerpt(id, idn, q, sizeof q));
        return;
    }
    item_cat(r, "/schemes/");
    item_idx(r, si);
    if (get_text(r, SC_CODE, &code, &cn) <= 0)
        code = NULL;
    if (get_text(r, SC_LABEL, &label, &ln) <= 0)
        label = NULL;
    switch (element) {
    case EL_CRITERION: {
        int req = 0, hw;
        if (required(r, SC_CODE, code ? 1 : 0) < 0)
            return;
        item_cat(r, "/criteria/");
        item_idx(r, s->criterion_count);
        hw = get_decimal(r, SC_WEIGHT, &d1);
        if (hw < 0 || get_bool(r, SC_REQUIRED, &req) < 0 || !code_room(r))
            return;
        had = find_code(r, s, EL_CRITERION, code, cn, &j);
        if (!set_ok(r, SC_CODE, hyoka__scheme_add_criterion(s, code, cn, label, label ? ln : 0, hw > 0 ? &d1 : NULL,
                                                            &j, had)))
            return;
        code_added(r, s, EL_CRITERION, s->criteria[j].code, j);
        if (req)
            set_ok(r, SC_REQUIRED, hyoka_scheme_set_required(s, j, 1));
        return;
    }
    case EL_OPTION: {
        int hs;
        if (!scheme_criterion(r, s, &j) || required(r, SC_CODE, code ? 1 : 0) < 0)
            return;
        item_cat(r, "/options/");
        item_idx(r, s->criteria[j].option_count);
        hs = get_decimal(r, SC_SCORE, &d1);
        if (hs < 0 || !code_room(r))
            return;
        had = find_code(r, s, EL_COUNT + j, code, cn, &k);
        if (set_ok(r, SC_CODE,
                   hyoka__scheme_add_option(s, j, code, cn, label, label ? ln : 0, hs > 0 ? &d1 : NULL, had)))
            code_added(r, s, EL_COUNT + j, s->criteria[j].options[s->criteria[j].option_count - 1].code,
                       s->criteria[j].option_count - 1);
        return;
    }
    case EL_RANGE: {
        int hmin, hmax;
        if (!scheme_criterion(r, s, &j))
            return;
        item_cat(r, "/range");
        if (s->criteria[j].numeric) {
            cdiag(r, "V005", HYOKA_SEVERITY_ERROR, SC_CRITERION, "range given twice for this criterion",
                  "この評価項目の範囲が重複");
            return;
        }
        hmin = get_decimal(r, SC_MIN, &d1);
        hmax = get_decimal(r, SC_MAX, &d2);
        if (hmin >= 0 && hmax >= 0)
            set_ok(r, SC_CRITERION, hyoka_scheme_set_range(s, j, hmin > 0 ? &d1 : NULL, hmax > 0 ? &d2 : NULL));
        return;
    }
    case EL_VERDICT: {
        int g;
        if (required(r, SC_CODE, code ? 1 : 0) < 0)
            return;
        item_cat(r, "/verdicts/");
        item_idx(r, s->verdict_count);
        if (required(r, SC_GROUP, get_enum(r, SC_GROUP, HYOKA_ENUM_VERDICT_GROUP, &g)) <= 0 || !code_room(r))
            return;
        had = find_code(r, s, EL_VERDICT, code, cn, &k);
        if (set_ok(r, SC_CODE, hyoka__scheme_add_verdict(s, code, cn, label, label ? ln : 0, g, had)))
            code_added(r, s, EL_VERDICT, s->verdicts[s->verdict_count - 1].code, s->verdict_count - 1);
        return;
    }
    case EL_BUDGET: {
        int kind;
        if (required(r, SC_CODE, code ? 1 : 0) < 0)
            return;
        item_cat(r, "/budget_directions/");
        item_idx(r, s->budget_count);
        if (required(r, SC_KIND, get_enum(r, SC_KIND, HYOKA_ENUM_BUDGET_KIND, &kind)) <= 0 || !code_room(r))
            return;
        had = find_code(r, s, EL_BUDGET, code, cn, &k);
        if (set_ok(r, SC_CODE, hyoka__scheme_add_budget(s, code, cn, label, label ? ln : 0, kind, had)))
            code_added(r, s, EL_BUDGET, s->budgets[s->budget_count - 1].code, s->budget_count - 1);
        return;
    }
    case EL_BAND:
        item_cat(r, "/rating/bands/");
        item_idx(r, s->band_count);
        if (required(r, SC_MIN, get_decimal(r, SC_MIN, &d1)) <= 0 || required(r, SC_CODE, code ? 1 : 0) <= 0 ||
            !code_room(r))
            return;
        rc = hyoka__grow((void **)&r->bmins, &r->bmincap, r->nbmins, sizeof *r->bmins);
        if (rc != HYOKA_OK) {
            r_fatal(r, rc);
            return;
        }
        /* The band with the code is found by its min. */
        had = find_code(r, s, EL_BAND, code, cn, &k);
        if (!set_ok(r, SC_CODE, hyoka__scheme_add_band(s, &d1, code, cn, label, label ? ln : 0,
                                                       had ? &r->bmins[k] : NULL, &j)))
            return;
        r->bmins[r->nbmins] = d1;
        code_added(r, s, EL_BAND, s->bands[j].code, r->nbmins++);
        return;
    case EL_MISSING:
        item_cat(r, "/rating/missing");
        if (s->missing_code) {
            cdiag(r, "V005", HYOKA_SEVERITY_ERROR, SC_ELEMENT, "missing-data rating given twice for this scheme",
                  "この評価体系の欠測時の評定が重複");
            return;
        }
        if (required(r, SC_CODE, code ? 1 : 0) > 0)
            set_ok(r, SC_CODE, hyoka_scheme_set_missing_rating(s, code, cn, label, label ? ln : 0));
        return;
    default:
        return;
    }
}

/* ---- tables ---- */

typedef void (*row_fn)(struct rd *r);

static row_fn row_function(int table)
{
    switch (table) {
    case HYOKA_CSV_DOCUMENT: return doc_row;
    case HYOKA_CSV_DENOMINATORS: return denominator_row;
    case HYOKA_CSV_PROJECTS: return project_row;
    case HYOKA_CSV_CLASSES: return class_row;
    case HYOKA_CSV_EXTENSIONS: return extension_row;
    case HYOKA_CSV_YEARS: return year_row;
    case HYOKA_CSV_STAFF: return staff_row;
    case HYOKA_CSV_INDICATORS: return indicator_row;
    case HYOKA_CSV_VALUES: return value_row;
    case HYOKA_CSV_EVALUATIONS: return evaluation_row;
    case HYOKA_CSV_ANSWERS: return answer_row;
    case HYOKA_CSV_COMMENTS: return comment_row;
    case HYOKA_CSV_GOALS: return goal_row;
    default: return scheme_row;
    }
}

/* Match the header row to the table's columns. false when the table cannot
 * be read (a required column is missing). */
static bool read_header(struct rd *r)
{
    const struct table_def *t = r->t;
    bool ok = true;
    char q[80];

    r->hn = r->nf_total;
    if (record_blank(r)) {
        pdiag(r, "V004", 1, 1, "the header row is empty", "見出し行が空");
        return false;
    }
    if (r->nf_total > HEADER_MAX_FIELDS) {
        pdiag(r, "V004", 1, HEADER_MAX_FIELDS + 1, "more than %d columns", "列が %d を超える", HEADER_MAX_FIELDS);
        return false;
    }
    for (size_t j = 0; j < r->nf; j++) {
        const char *name = r->data.p + r->f[j].off;
        size_t n = r->f[j].len, c;
        for (c = 0; c < t->ncols; c++)
            if (strlen(t->cols[c].name) == n && memcmp(t->cols[c].name, name, n) == 0)
                break;
        if (c == t->ncols)
            vdiag_at(r, "V004", 1, j + 1, NULL, "", "unknown column \"%s\"", "未知の列「%s」",
                     excerpt(name, n, q, sizeof q));
        else if (r->map[c] >= 0)
            vdiag_at(r, "V004", 1, j + 1, t->cols[c].name, "", "column %s given twice", "列 %s が重複",
                     t->cols[c].name);
        else
            r->map[c] = (int)j;
    }
    for (size_t c = 0; c < t->ncols; c++)
        if (t->cols[c].req && r->map[c] < 0) {
            vdiag_at(r, "V004", 1, r->hn + 1, NULL, "", "missing column %s (the rows cannot be read without it)",
                     "列 %s がない (この列なしでは行を読めない)", t->cols[c].name);
            ok = false;
        }
    return ok;
}

static void read_table(struct rd *r, int table, const char *text, size_t len)
{
    row_fn fn = row_function(table);

    r->t = &tables[table];
    r->table = table;
    kset_free(&r->keys);
    bmins_free(r);
    if (table != HYOKA_CSV_STAFF)
        imap_free(&r->nums); /* the staff table reads the years table's */
    r->s = (const unsigned char *)text;
    r->n = len;
    r->pos = 0;
    r->row = 0;
    r->resynced = false;
    for (size_t c = 0; c < MAX_COLS; c++)
        r->map[c] = -1;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        if (r->opt.encoding == HYOKA_ENCODING_CP932) {
            pdiag(r, "V003", 1, 1, "the file starts with a UTF-8 byte-order mark: it is UTF-8, not CP932",
                  "ファイルが UTF-8 の BOM で始まる: CP932 ではなく UTF-8");
            return;
        }
        r->pos = 3;
    }
    r->keep = HEADER_MAX_FIELDS;
    if (!next_record(r))
        return; /* no header: an empty table */
    if (r->bad || !read_header(r))
        return;
    r->keep = r->hn;
    if (table == HYOKA_CSV_DOCUMENT)
        memset(&r->doc, 0, sizeof r->doc);
    while (!r->fatal && next_record(r)) {
        if (r->bad || record_blank(r))
            continue;
        if (r->nf_total != r->hn) {
            pdiag(r, "V002", r->row, (r->nf_total < r->hn ? r->nf_total : r->hn) + 1,
                  "the row has %zu fields, the header %zu", "行のフィールド数 %zu が見出しの %zu と違う", r->nf_total,
                  r->hn);
            continue;
        }
        r->item.len = 0;
        r->scheme_row = false;
        fn(r);
    }
    if (table == HYOKA_CSV_DOCUMENT) {
        doc_finish(r);
        doc_release(r);
    }
}

static void rd_release(struct rd *r)
{
    sb_free(&r->raw);
    sb_free(&r->data);
    sb_free(&r->item);
    sb_free(&r->path);
    hyoka__free(r->f);
    hyoka__free(r->comps);
    kset_free(&r->keys);
    bmins_free(r);
    imap_free(&r->nums);
    doc_release(r);
}

int hyoka_csv_read_tables(const char *const texts[HYOKA_CSV_TABLE_COUNT], const size_t lens[HYOKA_CSV_TABLE_COUNT],
                          const hyoka_csv_options *options, hyoka_portfolio **out, hyoka_report *report)
{
    static const char fn[] = "hyoka_csv_read_tables";
    static const int order[HYOKA_CSV_TABLE_COUNT] = {
        HYOKA_CSV_DOCUMENT, HYOKA_CSV_DENOMINATORS, HYOKA_CSV_SCHEMES, HYOKA_CSV_PROJECTS, HYOKA_CSV_CLASSES,
        HYOKA_CSV_EXTENSIONS, HYOKA_CSV_YEARS, HYOKA_CSV_STAFF, HYOKA_CSV_INDICATORS, HYOKA_CSV_VALUES,
        HYOKA_CSV_EVALUATIONS, HYOKA_CSV_ANSWERS, HYOKA_CSV_COMMENTS, HYOKA_CSV_GOALS,
    };
    struct rd *r;
    int rc;

    if (out)
        *out = NULL;
    if (!texts || !lens || !out)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL", fn, !texts ? "texts" : !lens ? "lens" : "out");
    r = hyoka__calloc(1, sizeof *r);
    if (!r)
        return hyoka__nomem();
    rc = check_options(fn, options, &r->opt);
    if (rc != HYOKA_OK) {
        hyoka__free(r);
        return rc;
    }
    if (report)
        report->limit = r->opt.max_diagnostics;
    r->report = report;
    rc = hyoka_portfolio_new(&r->pf);
    if (rc != HYOKA_OK) {
        hyoka__free(r);
        return rc;
    }
    for (int i = 0; i < HYOKA_CSV_TABLE_COUNT && !r->fatal; i++) {
        int t = order[i];
        if (texts[t])
            read_table(r, t, texts[t], lens[t] == HYOKA_NTS ? strlen(texts[t]) : lens[t]);
    }
    rd_release(r);
    if (r->fatal) {
        rc = r->fatal;
        hyoka_portfolio_free(r->pf);
        hyoka__free(r);
        return rc;
    }
    if (r->errors) {
        size_t errors = r->errors;
        char first[640];
        copy_message(first, sizeof first, r->first);
        hyoka_portfolio_free(r->pf);
        hyoka__free(r);
        return hyoka__fail(HYOKA_EINVALID, "%s: %zu error%s in the tables; the first: %s", fn, errors,
                           errors == 1 ? "" : "s", first);
    }
    *out = r->pf;
    hyoka__free(r);
    return HYOKA_OK;
}

/* ------------------------------------------------------------------------ */
/* Folders                                                                   */

static int io_fail(const char *fn, const char *what, const char *path, int err)
{
    char msg[256];
    if (strerror_r(err, msg, sizeof msg) != 0)
        snprintf(msg, sizeof msg, "error %d", err);
    return hyoka__fail(HYOKA_EIO, "%s: %s \"%s\": %s", fn, what, path, msg);
}

/* "DIR/NAME.csv", allocated. */
static char *table_path(const char *dir, int table)
{
    size_t dl = strlen(dir), nl = strlen(tables[table].name);
    char *p;

    if (dl > SIZE_MAX - nl - 6)
        return NULL;
    p = hyoka__malloc(dl + nl + 6);
    if (!p)
        return NULL;
    memcpy(p, dir, dl);
    p[dl] = '/';
    memcpy(p + dl + 1, tables[table].name, nl);
    memcpy(p + dl + 1 + nl, ".csv", 5);
    return p;
}

/* mkdir -p */
static int make_dirs(const char *fn, const char *dir)
{
    size_t n = strlen(dir);
    char *p = hyoka__strndup(dir, n);
    struct stat sb;
    int rc = HYOKA_OK;

    if (!p)
        return hyoka__nomem();
    for (size_t i = 1; i <= n && rc == HYOKA_OK; i++) {
        if (i < n && p[i] != '/')
            continue;
        if (p[i - 1] == '/')
            continue;
        p[i] = '\0';
        if (mkdir(p, 0777) != 0) {
            int err = errno;
            /* an existing folder is fine, whatever mkdir said */
            if (stat(p, &sb) != 0)
                rc = io_fail(fn, "cannot create the folder", p, err);
            else if (!S_ISDIR(sb.st_mode))
                rc = io_fail(fn, "cannot create the folder", p, err == EEXIST ? ENOTDIR : err);
        }
        if (i < n)
            p[i] = '/';
    }
    hyoka__free(p);
    return rc;
}

static int write_file(const char *fn, const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    int err;

    if (!f)
        return io_fail(fn, "cannot create", path, errno);
    if (len && fwrite(data, 1, len, f) != len) {
        err = errno ? errno : EIO;
        fclose(f);
        return io_fail(fn, "cannot write", path, err);
    }
    if (fclose(f) != 0)
        return io_fail(fn, "cannot write", path, errno);
    return HYOKA_OK;
}

int hyoka_csv_write_dir(const hyoka_portfolio *portfolio, const char *dir, const hyoka_csv_options *options,
                        hyoka_report *report)
{
    static const char fn[] = "hyoka_csv_write_dir";
    hyoka_csv_options opt;
    char *bufs[HYOKA_CSV_TABLE_COUNT] = {0};
    size_t lens[HYOKA_CSV_TABLE_COUNT] = {0};
    char first[640];
    int rc = HYOKA_OK, enc = HYOKA_OK;

    if (!portfolio || !dir)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL", fn, !portfolio ? "portfolio" : "dir");
    if (!*dir)
        return hyoka__fail(HYOKA_EINVAL, "%s: dir is empty", fn);
    rc = check_options(fn, options, &opt);
    if (rc != HYOKA_OK)
        return rc;
    if (report)
        report->limit = opt.max_diagnostics;
    first[0] = '\0';
    /* Every table first, so that nothing is written when one fails. */
    for (int t = 0; t < HYOKA_CSV_TABLE_COUNT && rc == HYOKA_OK; t++) {
        int trc = write_one(portfolio, t, &opt, report, &bufs[t], &lens[t], enc == HYOKA_OK ? first : NULL,
                            sizeof first);
        if (trc == HYOKA_EENCODING)
            enc = trc;
        else
            rc = trc;
    }
    if (rc == HYOKA_OK && enc != HYOKA_OK)
        rc = hyoka__fail(HYOKA_EENCODING, "%s", first);
    if (rc == HYOKA_OK)
        rc = make_dirs(fn, dir);
    for (int t = 0; t < HYOKA_CSV_TABLE_COUNT && rc == HYOKA_OK; t++) {
        char *path = table_path(dir, t);
        if (!path) {
            rc = hyoka__nomem();
            break;
        }
        rc = write_file(fn, path, bufs[t], lens[t]);
        hyoka__free(path);
    }
    for (int t = 0; t < HYOKA_CSV_TABLE_COUNT; t++)
        hyoka__free(bufs[t]);
    return rc;
}

/* Read a whole file. *data NULL (and HYOKA_OK) when it does not exist. */
static int read_file(const char *fn, const char *path, char **data, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t n = 0, cap = 0;
    int err;

    *data = NULL;
    *len = 0;
    if (!f) {
        if (errno == ENOENT)
            return HYOKA_OK;
        return io_fail(fn, "cannot open", path, errno);
    }
    for (;;) {
        size_t got;
        if (cap - n < 4096) {
            size_t ncap = cap ? cap * 2 : 65536;
            char *nb;
            if (ncap < cap) {
                hyoka__free(buf);
                fclose(f);
                return hyoka__nomem();
            }
            nb = hyoka__realloc(buf, ncap);
            if (!nb) {
                hyoka__free(buf);
                fclose(f);
                return hyoka__nomem();
            }
            buf = nb;
            cap = ncap;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                err = errno ? errno : EIO;
                hyoka__free(buf);
                fclose(f);
                return io_fail(fn, "cannot read", path, err);
            }
            break;
        }
    }
    fclose(f);
    *data = buf;
    *len = n;
    return HYOKA_OK;
}

int hyoka_csv_read_dir(const char *dir, const hyoka_csv_options *options, hyoka_portfolio **out, hyoka_report *report)
{
    static const char fn[] = "hyoka_csv_read_dir";
    char *bufs[HYOKA_CSV_TABLE_COUNT] = {0};
    const char *texts[HYOKA_CSV_TABLE_COUNT] = {0};
    size_t lens[HYOKA_CSV_TABLE_COUNT] = {0};
    struct stat sb;
    int rc = HYOKA_OK;

    if (out)
        *out = NULL;
    if (!dir || !out)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL", fn, !dir ? "dir" : "out");
    if (stat(dir, &sb) != 0)
        return io_fail(fn, "cannot open the folder", dir, errno);
    if (!S_ISDIR(sb.st_mode))
        return io_fail(fn, "cannot open the folder", dir, ENOTDIR);
    for (int t = 0; t < HYOKA_CSV_TABLE_COUNT && rc == HYOKA_OK; t++) {
        char *path = table_path(dir, t);
        if (!path) {
            rc = hyoka__nomem();
            break;
        }
        rc = read_file(fn, path, &bufs[t], &lens[t]);
        hyoka__free(path);
        texts[t] = bufs[t] ? bufs[t] : NULL;
    }
    if (rc == HYOKA_OK)
        rc = hyoka_csv_read_tables(texts, lens, options, out, report);
    for (int t = 0; t < HYOKA_CSV_TABLE_COUNT; t++)
        hyoka__free(bufs[t]);
    return rc;
}
