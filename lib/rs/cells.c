/* Cells of the RS tables: a cell into its place in the model, the cell the
 * writer prints from the model, and whether two cells hold the same value.
 * The reader uses the last two to check every cell it reads: one that
 * does not come back the same is kept as printed. */
#include "rs_internal.h"
#include "record_schema.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define RS_SCHEME "jp-rs-review"

void hyoka__rs_trim(const char **s, size_t *n)
{
    while (*n > 0 && (*s)[0] == ' ') {
        (*s)++;
        (*n)--;
    }
    while (*n > 0 && (*s)[*n - 1] == ' ')
        (*n)--;
}

static bool is(const char *s, size_t n, const char *lit)
{
    return n == strlen(lit) && memcmp(s, lit, n) == 0;
}

bool hyoka__rs_not_applicable(const char *s, size_t n)
{
    hyoka__rs_trim(&s, &n);
    return is(s, n, "-") || is(s, n, "－") || is(s, n, "ー");
}

int hyoka__rs_bool(const char *s, size_t n)
{
    hyoka__rs_trim(&s, &n);
    if (is(s, n, "TRUE") || is(s, n, "true") || is(s, n, "True") || is(s, n, "t") || is(s, n, "T"))
        return 1;
    if (is(s, n, "FALSE") || is(s, n, "false") || is(s, n, "False") || is(s, n, "f") || is(s, n, "F"))
        return 0;
    return -1;
}

/* A boolean of a column printed as style: 1/0 besides the words. */
static int bool_of(const char *s, size_t n, int style)
{
    const char *t = s;
    size_t m = n;
    hyoka__rs_trim(&t, &m);
    if (style == RS_BOOL_ONE && m == 1 && (t[0] == '1' || t[0] == '0'))
        return t[0] == '1';
    return hyoka__rs_bool(s, n);
}

/* A whole number: HYOKA_OK, HYOKA_EINVAL (not one), HYOKA_ERANGE. */
static int whole(const char *s, size_t n, int64_t *out)
{
    size_t i = 0;
    bool neg = false;
    uint64_t v = 0, limit;

    hyoka__rs_trim(&s, &n);
    if (n > 0 && (s[0] == '-' || s[0] == '+'))
        neg = s[i++] == '-';
    if (i >= n || s[i] < '0' || s[i] > '9')
        return HYOKA_EINVAL;
    limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (limit - d) / 10)
            return HYOKA_ERANGE;
        v = v * 10 + d;
    }
    if (i < n && s[i] == '.') /* "5252000.0": places of zeros only */
        for (i++; i < n && s[i] == '0'; i++)
            ;
    if (i != n)
        return HYOKA_EINVAL;
    *out = neg ? (int64_t)(0 - v) : (int64_t)v;
    return HYOKA_OK;
}

bool hyoka__rs_int(const char *s, size_t n, int64_t *out)
{
    return whole(s, n, out) == HYOKA_OK;
}

static int decimal_of(const char *s, size_t n, hyoka_decimal *d)
{
    hyoka__rs_trim(&s, &n);
    return n == 0 ? HYOKA_EINVAL : hyoka_decimal_parse(s, n, d);
}

bool hyoka__rs_same(const char *a, size_t an, const char *b, size_t bn)
{
    hyoka_decimal x, y;
    int ba, bb;

    if (an == bn && memcmp(a, b, an) == 0)
        return true;
    hyoka__rs_trim(&a, &an);
    hyoka__rs_trim(&b, &bn);
    if (an == 0 || bn == 0)
        return false;
    if (hyoka__rs_not_applicable(a, an) && hyoka__rs_not_applicable(b, bn))
        return true;
    ba = hyoka__rs_bool(a, an);
    bb = hyoka__rs_bool(b, bn);
    if (ba >= 0 || bb >= 0)
        return ba == bb;
    return decimal_of(a, an, &x) == HYOKA_OK && decimal_of(b, bn, &y) == HYOKA_OK && hyoka_decimal_cmp(&x, &y) == 0;
}

/* ------------------------------------------------------------------------ */
/* Records                                                                  */

int hyoka__rs_set_field(hyoka_record *rec, int field, int style, const char *s, size_t n)
{
    int type = hyoka__record_field_types[field];
    int64_t v = 0;
    hyoka_decimal d;
    int rc, b;

    if (type == HYOKA_TYPE_TEXT) {
        if (style == 1)
            hyoka__rs_trim(&s, &n);
        return n == 0 ? HYOKA_OK : hyoka_record_set_text(rec, field, s, n);
    }
    if (hyoka__rs_not_applicable(s, n))
        return hyoka_record_set_not_applicable(rec, field);
    switch (type) {
    case HYOKA_TYPE_MONEY:
        rc = whole(s, n, &v);
        return rc != HYOKA_OK ? rc : hyoka_record_set_money(rec, field, v);
    case HYOKA_TYPE_INTEGER:
        rc = whole(s, n, &v);
        return rc != HYOKA_OK ? rc : v < 0 ? HYOKA_EINVAL : hyoka_record_set_integer(rec, field, v);
    case HYOKA_TYPE_FISCAL_YEAR:
        rc = whole(s, n, &v);
        return rc != HYOKA_OK ? rc : v < 1868 || v > 9999 ? HYOKA_ERANGE
                                                          : hyoka_record_set_fiscal_year(rec, field, (int32_t)v);
    case HYOKA_TYPE_DECIMAL:
        rc = decimal_of(s, n, &d);
        return rc != HYOKA_OK ? rc : hyoka_record_set_decimal(rec, field, &d);
    case HYOKA_TYPE_FLAG:
        b = bool_of(s, n, style);
        return b < 0 ? HYOKA_EINVAL : hyoka_record_set_flag(rec, field, b);
    default:
        return HYOKA_EINVAL;
    }
}

static void cell_text(struct hyoka__rs_cell *c, const char *s)
{
    c->s = s ? s : "";
    c->n = strlen(c->s);
}

static void cell_int(struct hyoka__rs_cell *c, int64_t v)
{
    snprintf(c->num, sizeof c->num, "%" PRId64, v);
    cell_text(c, c->num);
}

static void cell_bool(struct hyoka__rs_cell *c, int v, int style)
{
    cell_text(c, style == RS_BOOL_ONE ? (v ? "1" : "0") : v ? "TRUE" : "FALSE");
}

static void cell_format_decimal(struct hyoka__rs_cell *c, const hyoka_decimal *d)
{
    if (hyoka_decimal_format(d, 0, c->num, sizeof c->num, NULL) != HYOKA_OK)
        c->num[0] = '\0';
    cell_text(c, c->num);
}

void hyoka__rs_field_cell(const hyoka_record *rec, int field, int style, struct hyoka__rs_cell *c)
{
    int state = hyoka_record_field_state(rec, field);
    int64_t v;
    int32_t y;
    int b;
    hyoka_decimal d;

    cell_text(c, NULL);
    if (state == HYOKA_STATE_NOT_APPLICABLE) {
        cell_text(c, "-");
        return;
    }
    if (state != HYOKA_STATE_SET)
        return;
    switch (hyoka__record_field_types[field]) {
    case HYOKA_TYPE_TEXT:
        cell_text(c, hyoka_record_text(rec, field));
        break;
    case HYOKA_TYPE_MONEY:
        if (hyoka_record_money(rec, field, &v) == 1)
            cell_int(c, v);
        break;
    case HYOKA_TYPE_INTEGER:
        if (hyoka_record_integer(rec, field, &v) == 1)
            cell_int(c, v);
        break;
    case HYOKA_TYPE_FISCAL_YEAR:
        if (hyoka_record_fiscal_year(rec, field, &y) == 1)
            cell_int(c, y);
        break;
    case HYOKA_TYPE_DECIMAL:
        if (hyoka_record_decimal(rec, field, &d) == 1)
            cell_format_decimal(c, &d);
        break;
    case HYOKA_TYPE_FLAG:
        if (hyoka_record_flag(rec, field, &b) == 1)
            cell_bool(c, b, style);
        break;
    default:
        break;
    }
}

bool hyoka__rs_in_group(const hyoka_record *rec, const struct hyoka__rs_group *g)
{
    int v;
    const char *s;

    if (hyoka_record_kind_of(rec) != g->kind)
        return false;
    if (g->disc_field < 0)
        return true;
    if (g->disc_text) {
        s = hyoka_record_text(rec, g->disc_field);
        return s && strcmp(s, g->disc_text) == 0;
    }
    return hyoka_record_flag(rec, g->disc_field, &v) == 1 && v == g->disc_flag;
}

int hyoka__rs_group_of(const struct hyoka__rs_table *t, const hyoka_record *rec)
{
    int first = -1, kind = hyoka_record_kind_of(rec);
    for (size_t g = 0; g < t->ngroups; g++) {
        if (t->groups[g].kind != kind)
            continue;
        if (first < 0)
            first = (int)g;
        if (hyoka__rs_in_group(rec, &t->groups[g]))
            return (int)g;
    }
    return first;
}

unsigned hyoka__rs_budget_row(const hyoka_record *rec)
{
    return hyoka_record_field_state(rec, HYOKA_FIELD_ACCOUNT_TYPE) != HYOKA_STATE_MISSING ||
                   hyoka_record_field_state(rec, HYOKA_FIELD_ACCOUNT) != HYOKA_STATE_MISSING ||
                   hyoka_record_field_state(rec, HYOKA_FIELD_SUBACCOUNT) != HYOKA_STATE_MISSING
               ? RS_ROW_ACCOUNT
               : RS_ROW_TOTAL;
}

/* ------------------------------------------------------------------------ */
/* Projects and their evaluations                                           */

hyoka_evaluation *hyoka__rs_evaluation(const hyoka_project *p, int stage)
{
    size_t n = hyoka_project_evaluation_count(p);
    for (size_t i = 0; i < n; i++) {
        hyoka_evaluation *e = hyoka_project_evaluation_at(p, i);
        if (hyoka_evaluation_stage(e) == stage)
            return e;
    }
    return NULL;
}

/* The code of the verdict (@p budget false) or budget direction of the
 * jp-rs-review scheme printed as @p label, or NULL. */
static const char *code_of_label(bool budget, const char *s, size_t n)
{
    const hyoka_scheme *sc = hyoka_scheme_builtin(RS_SCHEME, HYOKA_NTS);
    size_t count = budget ? hyoka_scheme_budget_count(sc) : hyoka_scheme_verdict_count(sc);
    for (size_t i = 0; i < count; i++) {
        const char *code = NULL, *label = NULL;
        if (budget)
            hyoka_scheme_budget_at(sc, i, &code, &label, NULL);
        else
            hyoka_scheme_verdict_at(sc, i, &code, &label, NULL);
        if (label && is(s, n, label))
            return code;
    }
    return NULL;
}

/* The label the scheme gives a code, or the code itself. */
static const char *label_of_code(bool budget, const char *code)
{
    const hyoka_scheme *sc = hyoka_scheme_builtin(RS_SCHEME, HYOKA_NTS);
    const char *label = NULL;
    size_t i;
    if (!code)
        return NULL;
    if (budget ? hyoka_scheme_find_budget(sc, code, HYOKA_NTS, &i) == HYOKA_OK &&
                     hyoka_scheme_budget_at(sc, i, NULL, &label, NULL) == HYOKA_OK
               : hyoka_scheme_find_verdict(sc, code, HYOKA_NTS, &i) == HYOKA_OK &&
                     hyoka_scheme_verdict_at(sc, i, NULL, &label, NULL) == HYOKA_OK)
        return label ? label : code;
    return code;
}

static int set_evaluation(hyoka_project *p, const struct hyoka__rs_col *col, const char *s, size_t n)
{
    hyoka_evaluation *e = hyoka__rs_evaluation(p, col->arg);
    const char *code;
    int64_t v;
    int rc;

    if (!e) {
        rc = hyoka_project_add_evaluation(p, col->arg, &e);
        if (rc == HYOKA_OK)
            rc = hyoka_evaluation_set_text(e, HYOKA_EVAL_SCHEME, RS_SCHEME, HYOKA_NTS);
        if (rc != HYOKA_OK)
            return rc;
    }
    switch (col->sub) {
    case RS_E_COMMENT:
        return hyoka_evaluation_set_comment(e, col->key, HYOKA_NTS, s, n);
    case RS_E_VERDICT:
    case RS_E_BUDGET:
        code = code_of_label(col->sub == RS_E_BUDGET, s, n);
        return hyoka_evaluation_set_text(e, col->sub == RS_E_BUDGET ? HYOKA_EVAL_BUDGET : HYOKA_EVAL_VERDICT,
                                         code ? code : s, code ? HYOKA_NTS : n);
    default:
        rc = whole(s, n, &v);
        return rc != HYOKA_OK ? rc : v < 1868 || v > 9999 ? HYOKA_ERANGE
                                                          : hyoka_evaluation_set_fiscal_year(e, (int32_t)v);
    }
}

int hyoka__rs_set_project(hyoka_project *p, const struct hyoka__rs_col *col, const char *s, size_t n)
{
    int64_t v = 0;
    int rc, b;

    switch (col->target) {
    case RS_T_TEXT:
        return hyoka_project_set_text(p, col->arg, s, n);
    case RS_T_FLAG:
        b = bool_of(s, n, col->style);
        return b < 0 ? HYOKA_EINVAL : hyoka_project_set_flag(p, col->arg, b);
    case RS_T_START:
    case RS_T_END:
        rc = whole(s, n, &v);
        if (rc != HYOKA_OK)
            return rc;
        if (v < 1868 || v > 9999)
            return HYOKA_ERANGE;
        return col->target == RS_T_START
                   ? hyoka_project_set_period_years(p, (int32_t)v, hyoka_project_end_year(p))
                   : hyoka_project_set_period_years(p, hyoka_project_start_year(p), (int32_t)v);
    case RS_T_PEXT:
        return hyoka_project_set_extension(p, col->name, HYOKA_NTS, s, n);
    case RS_T_EVAL:
        return set_evaluation(p, col, s, n);
    default:
        return HYOKA_EINVAL;
    }
}

void hyoka__rs_project_cell(const hyoka_project *p, const struct hyoka__rs_col *col, struct hyoka__rs_cell *c)
{
    const hyoka_evaluation *e;
    int32_t y;
    int v;

    cell_text(c, NULL);
    switch (col->target) {
    case RS_T_TEXT:
        cell_text(c, hyoka_project_text(p, col->arg));
        break;
    case RS_T_FLAG:
        if (hyoka_project_flag(p, col->arg, &v) == 1)
            cell_bool(c, v, col->style);
        break;
    case RS_T_START:
    case RS_T_END:
        y = col->target == RS_T_START ? hyoka_project_start_year(p) : hyoka_project_end_year(p);
        if (y)
            cell_int(c, y);
        break;
    case RS_T_PEXT:
        cell_text(c, hyoka_project_extension(p, col->name, HYOKA_NTS));
        break;
    case RS_T_EVAL:
        e = hyoka__rs_evaluation(p, col->arg);
        if (!e)
            break;
        if (col->sub == RS_E_COMMENT)
            cell_text(c, hyoka_evaluation_comment(e, col->key, HYOKA_NTS));
        else if (col->sub == RS_E_FISCAL_YEAR) {
            if (hyoka_evaluation_fiscal_year(e))
                cell_int(c, hyoka_evaluation_fiscal_year(e));
        } else
            cell_text(c, label_of_code(col->sub == RS_E_BUDGET,
                                       hyoka_evaluation_text(e, col->sub == RS_E_BUDGET ? HYOKA_EVAL_BUDGET
                                                                                       : HYOKA_EVAL_VERDICT)));
        break;
    default:
        break;
    }
}

/* ------------------------------------------------------------------------ */
/* Indicators of 3-1                                                        */

/* The texts of the kinds, terms, measurements and directions as 3-1
 * prints them, by enumeration value. */
static const char *const kinds[] = {
    [HYOKA_KIND_ACTIVITY] = "アウトプット", [HYOKA_KIND_TARGET] = NULL, [HYOKA_KIND_OUTCOME] = "アウトカム",
    [HYOKA_KIND_UPPER_OUTCOME] = NULL, [HYOKA_KIND_ACTION] = "アクティビティ"};
static const char *const terms[] = {[HYOKA_TERM_SHORT] = "1.短期", [HYOKA_TERM_MEDIUM] = "2.中期",
                                    [HYOKA_TERM_LONG] = "3.長期"};
static const char *const measurements[] = {[HYOKA_MEASUREMENT_QUANTITATIVE] = "定量的",
                                           [HYOKA_MEASUREMENT_QUALITATIVE] = "定性的"};
static const char *const directions[] = {[HYOKA_DIRECTION_INCREASE] = "上がると良い指標",
                                         [HYOKA_DIRECTION_DECREASE] = "下がると良い指標",
                                         [HYOKA_DIRECTION_MAINTAIN] = NULL};

static int value_of(const char *const *names, size_t count, const char *s, size_t n)
{
    for (size_t i = 0; i < count; i++)
        if (names[i] && is(s, n, names[i]))
            return (int)i;
    return -1;
}

#define VALUE_OF(names, s, n) value_of((names), sizeof(names) / sizeof((names)[0]), (s), (n))
#define NAME_OF(names, v) ((v) >= 0 && (size_t)(v) < sizeof(names) / sizeof((names)[0]) ? (names)[v] : NULL)

int hyoka__rs_set_goal(hyoka_indicator *ind, const struct hyoka__rs_col *col, const char *s, size_t n)
{
    int64_t v;
    int e;

    switch (col->sub) {
    case RS_G_TEXT:
        return hyoka_indicator_set_text(ind, col->arg, s, n);
    case RS_G_NUMBER:
        return !hyoka__rs_int(s, n, &v) || v < 0 ? HYOKA_EINVAL : hyoka_indicator_set_number(ind, v);
    case RS_G_KIND:
        e = VALUE_OF(kinds, s, n);
        return e < 0 ? HYOKA_EINVAL : hyoka_indicator_set_kind(ind, e);
    case RS_G_TERM:
        e = VALUE_OF(terms, s, n);
        return e < 0 ? HYOKA_EINVAL : hyoka_indicator_set_term(ind, e);
    case RS_G_MEASUREMENT:
        e = VALUE_OF(measurements, s, n);
        return e < 0 ? HYOKA_EINVAL : hyoka_indicator_set_measurement(ind, e);
    case RS_G_DIRECTION:
        e = VALUE_OF(directions, s, n);
        return e < 0 ? HYOKA_EINVAL : hyoka_indicator_set_direction(ind, e);
    default:
        return HYOKA_EINVAL;
    }
}

void hyoka__rs_goal_cell(const hyoka_indicator *ind, const struct hyoka__rs_col *col, struct hyoka__rs_cell *c)
{
    int64_t v;

    cell_text(c, NULL);
    switch (col->sub) {
    case RS_G_TEXT:
        cell_text(c, hyoka_indicator_text(ind, col->arg));
        break;
    case RS_G_NUMBER:
        if (hyoka_indicator_number(ind, &v) == 1)
            cell_int(c, v);
        break;
    case RS_G_KIND:
        cell_text(c, NAME_OF(kinds, hyoka_indicator_kind(ind)));
        break;
    case RS_G_TERM:
        cell_text(c, NAME_OF(terms, hyoka_indicator_term(ind)));
        break;
    case RS_G_MEASUREMENT:
        cell_text(c, NAME_OF(measurements, hyoka_indicator_measurement(ind)));
        break;
    case RS_G_DIRECTION:
        cell_text(c, NAME_OF(directions, hyoka_indicator_direction(ind)));
        break;
    default:
        break;
    }
}
