/* The RS reader: a portfolio from the 15 tables of a review year.
 *
 * Each table is cut into records by lib/csv's RFC 4180 layer (limits,
 * encoding checks, every problem at its row and field); the header is
 * matched to the table's columns by name (tables.c), in any order, and
 * unknown columns are kept. Table 1-1 is read first: its rows list the
 * projects, and a later row for a 予算事業ID it does not list is a
 * warning (V011), the project made all the same. Each row goes to its
 * project's cells here and to its records by the table's shape
 * (read_rows.c, read_goals.c).
 *
 * Every cell is checked to come back the same from the model (cells.c);
 * one that does not is kept as printed (rs_internal.h says where) with a
 * warning, so nothing read is lost. Errors (malformed CSV, bad UTF-8,
 * limits, a duplicate or missing key column, a row without 予算事業ID)
 * make the read fail with HYOKA_EINVALID. */
#include "rs_internal.h"
#include "report_internal.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* Cells and messages                                                       */

void hyoka__rs_field(const struct hyoka__rs_reader *r, size_t f, const char **s, size_t *n)
{
    if (f >= r->rec.nf) {
        *s = "";
        *n = 0;
        return;
    }
    *s = r->rec.data.data + r->rec.f[f].off;
    *n = r->rec.f[f].len;
}

bool hyoka__rs_get(const struct hyoka__rs_reader *r, int c, const char **s, size_t *n)
{
    *s = "";
    *n = 0;
    if (r->fieldof[c] < 0)
        return false;
    hyoka__rs_field(r, (size_t)r->fieldof[c], s, n);
    return *n > 0;
}

const char *hyoka__rs_head(const struct hyoka__rs_reader *r, size_t f)
{
    return r->heads.data + r->names[f];
}

void hyoka__rs_diag(struct hyoka__rs_reader *r, size_t f, int code, const char *fmt_en, const char *fmt_ja, ...)
{
    va_list ap;
    va_start(ap, fmt_ja);
    hyoka__csv_vdiag(&r->log, r->rec.row, f == SIZE_MAX ? 0 : f + 1, f == SIZE_MAX ? NULL : hyoka__rs_head(r, f),
                     NULL, code, true, fmt_en, fmt_ja, ap);
    va_end(ap);
}

void hyoka__rs_keep(struct hyoka__rs_reader *r, hyoka_record *rec, size_t f, const char *s, size_t n)
{
    const char *head = hyoka__rs_head(r, f);
    int rc;

    if (rec) {
        rc = hyoka_record_set_extension(rec, head, HYOKA_NTS, s, n);
    } else {
        char num[32];
        snprintf(num, sizeof num, ":%zu:", r->row + 1);
        r->key.len = 0;
        hyoka__buf_puts(&r->key, RS_KEEP_PREFIX);
        hyoka__buf_puts(&r->key, r->t->name);
        hyoka__buf_puts(&r->key, num);
        hyoka__buf_puts(&r->key, head);
        if (r->key.err != HYOKA_OK) {
            hyoka__csv_fatal(&r->log, r->key.err);
            return;
        }
        rc = hyoka_project_set_extension(r->cur->p, hyoka__buf_str(&r->key), r->key.len, s, n);
    }
    if (rc == HYOKA_ENOMEM)
        hyoka__csv_fatal(&r->log, rc);
    else if (rc != HYOKA_OK)
        hyoka__rs_diag(r, f, HYOKA__V012, "the cell cannot be kept: %s", "セルを保持できない: %s", hyoka_error_last());
}

void hyoka__rs_not_understood(struct hyoka__rs_reader *r, hyoka_record *rec, size_t f, const char *s, size_t n,
                              int rc)
{
    if (rc == HYOKA_ENOMEM) {
        hyoka__csv_fatal(&r->log, rc);
        return;
    }
    hyoka__rs_diag(r, f, HYOKA__V012, "\"%.*s\" is %s%.0s: kept as printed", "「%.*s」は%.0s%s: 記載のまま保持",
                   (int)(n > 80 ? 80 : n), s, rc == HYOKA_ERANGE ? "out of range" : "not a value of this column",
                   rc == HYOKA_ERANGE ? "範囲外" : "この列の値ではない");
    hyoka__rs_keep(r, rec, f, s, n);
}

void hyoka__rs_read_field(struct hyoka__rs_reader *r, hyoka_record *rec, int c)
{
    const struct hyoka__rs_col *col = &r->t->cols[c];
    struct hyoka__rs_cell back;
    const char *s;
    size_t n;
    int rc;

    if (!hyoka__rs_get(r, c, &s, &n))
        return;
    rc = hyoka__rs_set_field(rec, col->arg, col->style, s, n);
    if (rc != HYOKA_OK) {
        hyoka__rs_not_understood(r, rec, (size_t)r->fieldof[c], s, n, rc);
        return;
    }
    hyoka__rs_field_cell(rec, col->arg, col->style, &back);
    if (!hyoka__rs_same(back.s, back.n, s, n))
        hyoka__rs_keep(r, rec, (size_t)r->fieldof[c], s, n);
}

void hyoka__rs_check_repeat(struct hyoka__rs_reader *r, int c, const struct hyoka__rs_cell *want)
{
    const char *s;
    size_t n;

    hyoka__rs_get(r, c, &s, &n);
    if (r->fieldof[c] < 0 || hyoka__rs_same(want->s, want->n, s, n))
        return;
    if (n > 0)
        hyoka__rs_diag(r, (size_t)r->fieldof[c], HYOKA__V013, "\"%.*s\" differs from \"%.*s\" above: kept as printed",
                       "「%.*s」が上の「%.*s」と異なる: 記載のまま保持", (int)(n > 80 ? 80 : n), s,
                       (int)(want->n > 80 ? 80 : want->n), want->s);
    hyoka__rs_keep(r, NULL, (size_t)r->fieldof[c], s, n);
}

void hyoka__rs_keep_unknown(struct hyoka__rs_reader *r, hyoka_record *rec)
{
    for (size_t f = 0; f < r->hn && f < r->rec.nf; f++) {
        const char *s;
        size_t n;
        if (r->colof[f] != -1)
            continue;
        hyoka__rs_field(r, f, &s, &n);
        if (n > 0)
            hyoka__rs_keep(r, rec, f, s, n);
    }
}

bool hyoka__rs_group_given(const struct hyoka__rs_reader *r, int group, unsigned rows)
{
    for (size_t c = 0; c < r->t->ncols; c++) {
        const struct hyoka__rs_col *col = &r->t->cols[c];
        const char *s;
        size_t n;
        if (col->target != RS_T_FIELD && col->target != RS_T_PARENT)
            continue;
        if (group >= 0 ? col->target != RS_T_FIELD || col->group != group : !(col->rows & rows))
            continue;
        if (hyoka__rs_get(r, (int)c, &s, &n))
            return true;
    }
    return false;
}

/* ------------------------------------------------------------------------ */
/* The cells of a project                                                   */

static bool project_target(int target)
{
    return target <= RS_T_EVAL;
}

/* A cell of the project's own: the first value given sets it; a row that
 * prints another keeps its own (V013 when not empty). */
static void project_cell(struct hyoka__rs_reader *r, int c)
{
    const struct hyoka__rs_col *col = &r->t->cols[c];
    hyoka_project *p = r->cur->p;
    struct hyoka__rs_cell want;
    const char *s;
    size_t n, f = (size_t)r->fieldof[c];
    int rc;

    hyoka__rs_get(r, c, &s, &n);
    hyoka__rs_project_cell(p, col, &want);
    if (want.n == 0) {
        if (n == 0)
            return;
        rc = hyoka__rs_set_project(p, col, s, n);
        if (rc != HYOKA_OK) {
            hyoka__rs_not_understood(r, NULL, f, s, n, rc);
            return;
        }
        /* the rows of this table above printed it empty */
        for (size_t row = r->row, k = 0; k < row; k++) {
            r->row = k;
            hyoka__rs_keep(r, NULL, f, "", 0);
            r->row = row;
        }
        hyoka__rs_project_cell(p, col, &want);
        if (!hyoka__rs_same(want.s, want.n, s, n))
            hyoka__rs_keep(r, NULL, f, s, n);
        return;
    }
    hyoka__rs_check_repeat(r, c, &want);
}

/* ------------------------------------------------------------------------ */
/* Projects                                                                 */

static struct hyoka__rs_pstate *project_of(struct hyoka__rs_reader *r, const char *id, size_t n)
{
    struct hyoka__strset_entry *e = hyoka__strset_find(&r->ids, id, n);
    hyoka_project *p = NULL;
    struct hyoka__rs_pstate *ps;
    int rc, dup;

    if (e)
        return &r->ps[e->value];
    if (hyoka__strset_reserve(&r->ids) != 0 ||
        hyoka__grow((void **)&r->ps, &r->pscap, r->nps, sizeof *r->ps) != HYOKA_OK) {
        hyoka__csv_fatal(&r->log, hyoka__nomem());
        return NULL;
    }
    rc = hyoka_project_new(&p);
    if (rc == HYOKA_OK)
        rc = hyoka_project_set_code(p, id, n);
    if (rc != HYOKA_OK) {
        hyoka_project_free(p);
        if (rc == HYOKA_ENOMEM)
            hyoka__csv_fatal(&r->log, rc);
        else
            hyoka__csv_diag(&r->log, r->rec.row, (size_t)r->fieldof[RS_COL_ID] + 1, "予算事業ID", NULL, HYOKA__V005,
                            "%s", "%s", hyoka_error_last());
        return NULL;
    }
    rc = hyoka_portfolio_add_project(r->pf, p);
    if (rc != HYOKA_OK) {
        hyoka_project_free(p);
        hyoka__csv_fatal(&r->log, rc);
        return NULL;
    }
    /* the set keeps the code the project owns */
    hyoka__strset_put(&r->ids, NULL, 0, hyoka_project_code(p), n, r->nps, &dup);
    ps = &r->ps[r->nps++];
    memset(ps, 0, sizeof *ps);
    ps->p = p;
    ps->rows = SIZE_MAX;
    return ps;
}

/* The rows of projects restart with each table. */
static void rows_restart(struct hyoka__rs_reader *r)
{
    for (size_t i = 0; i < r->nps; i++)
        r->ps[i].rows = SIZE_MAX;
}

/* After a table of records under others: the order of the rows kept where
 * the writer would not give it. */
static void keep_order(struct hyoka__rs_reader *r)
{
    for (size_t i = 0; i < r->nps; i++) {
        struct hyoka__rs_pstate *ps = &r->ps[i];
        if (ps->shuffled && !r->log.fatal) {
            int rc;
            r->key.len = 0;
            hyoka__buf_puts(&r->key, RS_KEEP_PREFIX);
            hyoka__buf_puts(&r->key, r->t->name);
            hyoka__buf_puts(&r->key, ":" RS_ORDER_KEY);
            rc = r->key.err != HYOKA_OK ? r->key.err
                                        : hyoka_project_set_extension(ps->p, hyoka__buf_str(&r->key), r->key.len,
                                                                      hyoka__buf_str(&ps->order), ps->order.len);
            hyoka__csv_fatal(&r->log, rc);
        }
        hyoka__buf_free(&ps->order);
        ps->shuffled = false;
        ps->last_parent = 0;
    }
}

static void read_row(struct hyoka__rs_reader *r)
{
    const char *id;
    size_t n;
    struct hyoka__rs_pstate *ps;

    hyoka__rs_get(r, RS_COL_ID, &id, &n);
    if (n == 0) {
        hyoka__csv_diag(&r->log, r->rec.row, (size_t)r->fieldof[RS_COL_ID] + 1, "予算事業ID", NULL, HYOKA__V005,
                        "the row has no 予算事業ID", "予算事業IDがない");
        return;
    }
    ps = project_of(r, id, n);
    if (!ps)
        return;
    r->cur = ps;
    ps->rows = ps->rows == SIZE_MAX ? 0 : ps->rows + 1;
    r->row = ps->rows;
    if (r->table == HYOKA_RS_ORGANIZATION)
        ps->listed = true;
    else if (r->listed_given && !ps->listed && r->row == 0)
        hyoka__rs_diag(r, (size_t)r->fieldof[RS_COL_ID], HYOKA__V011, "予算事業ID %.*s is not in table 1-1",
                       "予算事業ID %.*s が表 1-1 にない", (int)(n > 40 ? 40 : n), id);
    for (size_t c = 0; c < r->t->ncols; c++)
        if (project_target(r->t->cols[c].target) && r->fieldof[c] >= 0)
            project_cell(r, (int)c);
    switch (r->t->shape) {
    case RS_SHAPE_GOALS:
        hyoka__rs_goals_row(r);
        break;
    case RS_SHAPE_SPENDING:
        hyoka__rs_spending_row(r);
        break;
    default:
        hyoka__rs_records_row(r);
        break;
    }
}

/* ------------------------------------------------------------------------ */
/* Tables                                                                   */

/* A header in a form that forgives how the RS system varies its spelling:
 * spaces dropped, ASCII brackets and slashes as the full-width ones, and
 * every kind of dash (ー － - ‐ − ― —) as one; into out[size], cut. */
static size_t normal_head(const char *s, size_t n, char *out, size_t size)
{
    size_t i = 0, k = 0;
    while (i < n && k + 4 < size) {
        int32_t c = hyoka__utf8_next(s, n, &i);
        if (c < 0 || c == ' ' || c == 0x3000)
            continue;
        if (c == '(')
            c = 0xFF08;
        else if (c == ')')
            c = 0xFF09;
        else if (c == '/')
            c = 0xFF0F;
        else if (c == 0x30FC || c == 0xFF0D || c == 0x2010 || c == 0x2212 || c == 0x2015 || c == 0x2014)
            c = '-';
        k += hyoka__utf8_encode((uint32_t)c, out + k);
    }
    return k;
}

static bool same_head(const char *a, size_t an, const char *b)
{
    char x[512], y[512];
    size_t xn = normal_head(a, an, x, sizeof x), yn = normal_head(b, strlen(b), y, sizeof y);
    return xn == yn && memcmp(x, y, xn) == 0;
}

static int rs_column_of_head(const struct hyoka__rs_table *t, const char *s, size_t n)
{
    for (size_t c = 0; c < t->ncols; c++) {
        const struct hyoka__rs_col *col = &t->cols[c];
        if ((strlen(col->name) == n && memcmp(col->name, s, n) == 0) ||
            (col->alias && strlen(col->alias) == n && memcmp(col->alias, s, n) == 0))
            return (int)c;
    }
    for (size_t c = 0; c < t->ncols; c++)
        if (same_head(s, n, t->cols[c].name) || (t->cols[c].alias && same_head(s, n, t->cols[c].alias)))
            return (int)c;
    if (t->shape == RS_SHAPE_GOALS && n == 4 && s[0] >= '1' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' &&
        s[2] >= '0' && s[2] <= '9' && s[3] >= '0' && s[3] <= '9')
        return RS_YEAR_COL((s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0'));
    return -1;
}

static bool match_rs_header(struct hyoka__rs_reader *r)
{
    struct hyoka__strset seen = {0};
    bool ok = true;

    r->hn = r->rec.nf_total;
    if (r->rec.nf < r->hn) {
        hyoka__csv_header_too_wide(&r->log);
        return false;
    }
    r->colof = hyoka__malloc(r->hn * sizeof *r->colof + 1);
    r->names = hyoka__malloc(r->hn * sizeof *r->names + 1);
    r->fieldof = hyoka__malloc(r->t->ncols * sizeof *r->fieldof + 1);
    if (!r->colof || !r->names || !r->fieldof) {
        hyoka__csv_fatal(&r->log, hyoka__nomem());
        return false;
    }
    for (size_t c = 0; c < r->t->ncols; c++)
        r->fieldof[c] = -1;
    r->heads.len = 0;
    for (size_t f = 0; f < r->hn; f++) {
        const char *s;
        size_t n;
        hyoka__rs_field(r, f, &s, &n);
        r->names[f] = r->heads.len;
        hyoka__buf_put(&r->heads, s, n);
        hyoka__buf_putc(&r->heads, '\0');
    }
    if (r->heads.err != HYOKA_OK) {
        hyoka__csv_fatal(&r->log, r->heads.err);
        return false;
    }
    for (size_t f = 0; f < r->hn && !r->log.fatal; f++) {
        const char *s = hyoka__rs_head(r, f);
        size_t n = strlen(s);
        int c = rs_column_of_head(r->t, s, n), dup = 0;

        if (hyoka__strset_add(&seen, s, n, &dup) != 0) {
            hyoka__csv_fatal(&r->log, hyoka__nomem());
            break;
        }
        r->colof[f] = c;
        if (dup || (c >= 0 && r->fieldof[c] >= 0)) {
            hyoka__csv_diag(&r->log, 1, f + 1, s, NULL, HYOKA__V015, "column \"%s\" is given twice",
                            "列「%s」が二度ある", s);
            r->colof[f] = -2;
            ok = false;
            continue;
        }
        if (c >= 0)
            r->fieldof[c] = (int)f;
        else if (c == -1)
            hyoka__csv_diag(&r->log, 1, f + 1, s, NULL, HYOKA__V014, "column \"%s\" is not one of table %s: kept",
                            "列「%s」は表 %s の列ではない: 保持", s, r->t->name);
    }
    hyoka__strset_free(&seen);
    if (ok && r->fieldof[RS_COL_ID] < 0) {
        hyoka__csv_diag(&r->log, 1, 0, NULL, NULL, HYOKA__V004, "column 予算事業ID is missing: the table cannot be read",
                        "列 予算事業ID がない: 表を読めない");
        ok = false;
    }
    return ok;
}

/* A column found under another header than the one the writer prints is
 * written back under the header read: kept in the first project's
 * extensions as "rs:TABLE:header:NAME". */
static void keep_headers(struct hyoka__rs_reader *r)
{
    hyoka_project *p = hyoka_portfolio_project_at(r->pf, 0);
    /* in the order of the columns, which is the order they are written in */
    for (size_t c = 0; c < r->t->ncols && p && r->fieldof && !r->log.fatal; c++) {
        const char *name;
        int f = r->fieldof[c];
        if (f < 0 || strcmp(hyoka__rs_head(r, (size_t)f), r->t->cols[c].name) == 0)
            continue;
        name = r->t->cols[c].name;
        r->key.len = 0;
        hyoka__buf_puts(&r->key, RS_KEEP_PREFIX);
        hyoka__buf_puts(&r->key, r->t->name);
        hyoka__buf_puts(&r->key, ":" RS_HEADER_KEY ":");
        hyoka__buf_puts(&r->key, name);
        hyoka__csv_fatal(&r->log, r->key.err != HYOKA_OK
                                      ? r->key.err
                                      : hyoka_project_set_extension(p, hyoka__buf_str(&r->key), r->key.len,
                                                                    hyoka__rs_head(r, (size_t)f), HYOKA_NTS));
    }
}

static void read_rs_table(struct hyoka__rs_reader *r, int table, const char *text, size_t len)
{
    r->table = table;
    r->t = &hyoka__rs_tables[table];
    r->log.table = r->t->name;
    r->block = r->recipient = NULL;
    r->goal = NULL;
    r->goal_of = NULL;
    rows_restart(r);
    if (!hyoka__csv_records_start(&r->rec, text, len))
        return;
    if (hyoka__csv_next_header(&r->rec) && match_rs_header(r))
        while (hyoka__csv_next_row(&r->rec, r->hn))
            read_row(r);
    if (r->t->parent_kind >= 0)
        keep_order(r);
    keep_headers(r);
    hyoka__free(r->colof);
    hyoka__free(r->names);
    hyoka__free(r->fieldof);
    r->colof = r->fieldof = NULL;
    r->names = NULL;
}

static void missing_table(struct hyoka__rs_reader *r, int table)
{
    const struct hyoka__rs_table *t = &hyoka__rs_tables[table];
    if (r->log.report)
        hyoka__csv_fatal(&r->log, hyoka__report_detail(r->log.report, "", 0, 0, HYOKA__V010,
                                                       "table %s (%s) is not given: read as empty",
                                                       "表 %s (%s) がない: 空として読む", t->name, t->title));
}

int hyoka__rs_reader_new(const char *fn, const hyoka_rs_options *options, hyoka_report *report,
                         struct hyoka__rs_reader **out)
{
    struct hyoka__rs_reader *r = hyoka__calloc(1, sizeof *r);
    hyoka_csv_options copt;
    int rc;

    *out = NULL;
    if (!r)
        return hyoka__nomem();
    rc = hyoka__rs_check_options(fn, options, &r->opt);
    if (rc == HYOKA_OK)
        rc = hyoka_portfolio_new(&r->pf);
    if (rc == HYOKA_OK)
        rc = hyoka_portfolio_set_amount_unit(r->pf, HYOKA_UNIT_YEN);
    /* 達成率 as the sheets print it: actual ÷ target × 100 whatever the
     * direction, to 5 places half up (docs/rs.md) */
    if (rc == HYOKA_OK)
        rc = hyoka_portfolio_set_achievement_rule(r->pf, HYOKA_ACHIEVEMENT_RATIO);
    if (rc == HYOKA_OK)
        rc = hyoka_portfolio_set_rounding(r->pf, HYOKA_FIG_ACHIEVEMENT, 5, HYOKA_ROUND_HALF_UP, HYOKA_UNIT_YEN);
    if (rc != HYOKA_OK) {
        hyoka_portfolio_free(r->pf);
        hyoka__free(r);
        return rc;
    }
    if (report)
        hyoka_report_set_limit(report, r->opt.max_diagnostics);
    r->log.report = report;
    hyoka_csv_options_init(&copt);
    copt.encoding = HYOKA_ENCODING_UTF8;
    copt.max_field = r->opt.max_field;
    copt.max_row = r->opt.max_row;
    hyoka__csv_records_init(&r->rec, &r->log, &copt);
    *out = r;
    return HYOKA_OK;
}

void hyoka__rs_reader_table(struct hyoka__rs_reader *r, int table, const char *text, size_t len)
{
    if (r->log.fatal)
        return;
    if (table == HYOKA_RS_ORGANIZATION)
        r->listed_given = text != NULL;
    if (text)
        read_rs_table(r, table, text, len);
    else
        missing_table(r, table);
}

int hyoka__rs_reader_end(struct hyoka__rs_reader *r, const char *fn, hyoka_portfolio **out)
{
    int rc;

    hyoka__csv_records_release(&r->rec);
    hyoka__buf_free(&r->heads);
    hyoka__buf_free(&r->key);
    hyoka__strset_free(&r->ids);
    for (size_t i = 0; i < r->nps; i++)
        hyoka__buf_free(&r->ps[i].order);
    hyoka__free(r->ps);
    rc = r->log.fatal;
    if (rc == HYOKA_OK && r->log.errors) {
        size_t errors = r->log.errors;
        char first[HYOKA__CSV_FIRST_MAX];
        hyoka__csv_copy_message(first, sizeof first, r->log.first);
        rc = hyoka__fail(HYOKA_EINVALID, "%s: %zu error%s in the tables; the first: %s", fn, errors,
                         errors == 1 ? "" : "s", first);
    }
    if (rc != HYOKA_OK || !out)
        hyoka_portfolio_free(r->pf);
    else
        *out = r->pf;
    hyoka__free(r);
    return rc;
}

int hyoka_rs_read_tables(const char *const texts[HYOKA_RS_TABLE_COUNT], const size_t lens[HYOKA_RS_TABLE_COUNT],
                         const hyoka_rs_options *options, hyoka_portfolio **out, hyoka_report *report)
{
    static const char fn[] = "hyoka_rs_read_tables";
    struct hyoka__rs_reader *r;
    int rc;

    if (out)
        *out = NULL;
    if (!texts || !lens || !out)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL", fn, !texts ? "texts" : !lens ? "lens" : "out");
    rc = hyoka__rs_reader_new(fn, options, report, &r);
    if (rc != HYOKA_OK)
        return rc;
    for (int t = 0; t < HYOKA_RS_TABLE_COUNT; t++)
        hyoka__rs_reader_table(r, t, texts[t], texts[t] && lens[t] == HYOKA_NTS ? strlen(texts[t]) : lens[t]);
    return hyoka__rs_reader_end(r, fn, out);
}
