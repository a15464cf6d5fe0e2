/* The CSV reader: a portfolio from its tables (docs/csv.md).
 *
 * Each table is cut into records (record.c); the header row is matched to
 * the table's columns by name, and the portfolio is built row by row
 * through the model's setters (read_portfolio.c, read_projects.c), each
 * cell converted here. Every problem is a diagnostic with the table, the
 * row (the record number, header = 1) and the column (the field number),
 * and with a JSON pointer of the item when it is known; reading goes on
 * with the next cell or row, and any error makes the whole read fail with
 * HYOKA_EINVALID.
 *
 * Tables are read in dependency order (document, denominators, schemes,
 * projects, then the tables that refer to projects), so a reference is
 * always to something read before. Within a table, a row may only refer to
 * rows above it (a sub-project to its parent, an option to its criterion),
 * and position columns (project, position, staff_index, indicator,
 * evaluation, goal, year_index) must count up 1, 2, 3... in row order for
 * each parent. */
#include "read_internal.h"
#include "report_internal.h"
#include "util/jsonptr.h"

#include <string.h>

/* ------------------------------------------------------------------------ */
/* Messages                                                                 */

/* The location of a diagnostic in the cell of column @p ci: its field, and
 * the JSON pointer of its value into r->path (NULL when out of memory). */
static const char *cell_path(struct hyoka__csv_reader *r, int ci, size_t *field)
{
    const struct hyoka__csv_col *c = &r->t->cols[ci];
    const char *sub = c->ptr;

    *field = r->map[ci] >= 0 ? (size_t)r->map[ci] + 1 : 0;
    if (r->scheme_row)
        sub = ci == SC_LABEL ? "/name" : ci == SC_SCHEME ? "/id" : sub;
    r->path.len = 0;
    hyoka__buf_put(&r->path, hyoka__buf_str(&r->item), r->item.len);
    hyoka__buf_puts(&r->path, r->item.len ? sub : "");
    hyoka__csv_fatal(&r->log, r->path.err);
    return r->path.err == HYOKA_OK ? hyoka__buf_str(&r->path) : "";
}

static void cell_vdiag(struct hyoka__csv_reader *r, int ci, int code, bool detail, const char *fmt_en,
                       const char *fmt_ja, va_list ap)
{
    size_t field;
    const char *path = cell_path(r, ci, &field);
    hyoka__csv_vdiag(&r->log, r->rec.row, field, r->t->cols[ci].name, path, code, detail, fmt_en, fmt_ja, ap);
}

void hyoka__csv_cdiag(struct hyoka__csv_reader *r, int ci, int code, const char *fmt_en, const char *fmt_ja, ...)
{
    va_list ap;
    va_start(ap, fmt_ja);
    cell_vdiag(r, ci, code, true, fmt_en, fmt_ja, ap);
    va_end(ap);
}

void hyoka__csv_cmsg(struct hyoka__csv_reader *r, int ci, int code, const char *fmt_en, const char *fmt_ja, ...)
{
    va_list ap;
    va_start(ap, fmt_ja);
    cell_vdiag(r, ci, code, false, fmt_en, fmt_ja, ap);
    va_end(ap);
}

void hyoka__csv_detail_error(struct hyoka__csv_reader *r, int ci, int code)
{
    char why[HYOKA__CSV_FIRST_MAX];
    hyoka__csv_copy_message(why, sizeof why, hyoka_error_last());
    hyoka__csv_cdiag(r, ci, code, HYOKA__DETAIL_EN, HYOKA__DETAIL_JA, why, why);
}

void hyoka__csv_cell_problem(struct hyoka__csv_reader *r, int ci, int status)
{
    const char *s;
    size_t n;
    hyoka__csv_get_raw(r, ci, &s, &n);
    hyoka__csv_value_problem(r, ci, status, 0, s, n);
}

void hyoka__csv_value_problem(struct hyoka__csv_reader *r, int ci, int status, int which, const char *s, size_t n)
{
    char q[HYOKA__EXCERPT_MAX];
    struct hyoka__detail d;
    hyoka__value_problem(status, hyoka__excerpt(s, n, q), which, &d);
    hyoka__csv_cdiag(r, ci, HYOKA__V005, HYOKA__DETAIL_EN, HYOKA__DETAIL_JA, d.en, d.ja);
}

/* ------------------------------------------------------------------------ */
/* Cells                                                                    */

/* The cell of column @p ci in the current row; false when the column is absent. */
static bool cell(const struct hyoka__csv_reader *r, int ci, const char **s, size_t *n, bool *quoted)
{
    int fi = r->map[ci];
    if (fi < 0 || (size_t)fi >= r->rec.nf) {
        *s = "";
        *n = 0;
        *quoted = false;
        return false;
    }
    *s = r->rec.data.data + r->rec.f[fi].off;
    *n = r->rec.f[fi].len;
    *quoted = r->rec.f[fi].quoted;
    return true;
}

bool hyoka__csv_cell_given(const struct hyoka__csv_reader *r, int ci)
{
    const char *s;
    size_t n;
    bool q;
    return cell(r, ci, &s, &n, &q) && (n > 0 || q);
}

int hyoka__csv_get_text(const struct hyoka__csv_reader *r, int ci, const char **s, size_t *n)
{
    bool q;
    if (!cell(r, ci, s, n, &q) || (*n == 0 && !q))
        return 0;
    if (*n > 0 && (*s)[0] == '\'' && hyoka__csv_needs_apostrophe(*s + 1, *n - 1)) {
        (*s)++;
        (*n)--;
    }
    return 1;
}

int hyoka__csv_get_raw(const struct hyoka__csv_reader *r, int ci, const char **s, size_t *n)
{
    bool q;
    return cell(r, ci, s, n, &q) && *n > 0;
}

int hyoka__csv_required(struct hyoka__csv_reader *r, int ci, int rc)
{
    if (rc == 0) {
        hyoka__csv_cdiag(r, ci, HYOKA__V005, "a value is required", "値が必要");
        return -1;
    }
    return rc;
}

bool hyoka__csv_required_text(struct hyoka__csv_reader *r, int ci, const char **s, size_t *n)
{
    return hyoka__csv_required(r, ci, hyoka__csv_get_text(r, ci, s, n)) > 0;
}

/* The decimal of a cell as a spreadsheet prints it ("1,068,978", "-3",
 * "1e3"): HYOKA__VAL_OK, HYOKA__VAL_RANGE or HYOKA__VAL_NOT_NUMBER. */
static int parse_cell_decimal(const char *s, size_t n, hyoka_decimal *d)
{
    int rc;
    if (memchr(s, 'e', n) || memchr(s, 'E', n))
        rc = hyoka_decimal_parse(s, n, d);
    else
        rc = hyoka_decimal_parse_printed(s, n, d);
    return rc == HYOKA_OK ? HYOKA__VAL_OK : rc == HYOKA_ERANGE ? HYOKA__VAL_RANGE : HYOKA__VAL_NOT_NUMBER;
}

/* A cell that is a number: 1 with its decimal, 0 when empty, -1 when bad
 * (reported). */
static int cell_number(struct hyoka__csv_reader *r, int ci, hyoka_decimal *d, const char **s, size_t *n)
{
    int st;
    if (!hyoka__csv_get_raw(r, ci, s, n))
        return 0;
    st = parse_cell_decimal(*s, *n, d);
    if (st != HYOKA__VAL_OK) {
        hyoka__csv_value_problem(r, ci, st, 0, *s, *n);
        return -1;
    }
    return 1;
}

int hyoka__csv_get_decimal(struct hyoka__csv_reader *r, int ci, hyoka_decimal *d)
{
    const char *s;
    size_t n;
    return cell_number(r, ci, d, &s, &n);
}

/* A cell that is a whole number: money in the document's amount unit, or
 * a count; 1, 0 when empty, -1 when bad (reported). */
static int cell_whole(struct hyoka__csv_reader *r, int ci, bool money, int64_t *out)
{
    hyoka_decimal d;
    const char *s;
    size_t n;
    int st, rc = cell_number(r, ci, &d, &s, &n);

    if (rc <= 0)
        return rc;
    st = money ? hyoka__value_money(hyoka_decimal_coefficient(&d), hyoka_decimal_scale(&d), r->pf->amount_unit,
                                    false, out)
               : hyoka__value_count(hyoka_decimal_coefficient(&d), hyoka_decimal_scale(&d), out);
    if (st != HYOKA__VAL_OK) {
        hyoka__csv_value_problem(r, ci, st, 0, s, n);
        return -1;
    }
    return 1;
}

int hyoka__csv_get_money(struct hyoka__csv_reader *r, int ci, int64_t *out)
{
    return cell_whole(r, ci, true, out);
}

int hyoka__csv_get_count(struct hyoka__csv_reader *r, int ci, int64_t *out)
{
    return cell_whole(r, ci, false, out);
}

int hyoka__csv_get_index(struct hyoka__csv_reader *r, int ci, size_t *out)
{
    const char *s;
    size_t n, v = 0;
    char q[HYOKA__EXCERPT_MAX];

    if (!hyoka__csv_get_raw(r, ci, &s, &n))
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9' || v > (SIZE_MAX - 9) / 10) {
            v = 0;
            break;
        }
        v = v * 10 + (size_t)(s[i] - '0');
    }
    if (v == 0) {
        hyoka__csv_cdiag(r, ci, HYOKA__V005, "\"%s\" is not a position (1, 2, 3...)", "「%s」は位置 (1, 2, 3...) でない",
                         hyoka__excerpt(s, n, q));
        return -1;
    }
    *out = v;
    return 1;
}

/* A fiscal year (@p date false) or a date. */
static int get_calendar(struct hyoka__csv_reader *r, int ci, int32_t *out, bool date)
{
    const char *s;
    size_t n;
    bool past = false;
    int st;

    if (!hyoka__csv_get_raw(r, ci, &s, &n))
        return 0;
    st = date ? hyoka__value_date_text(s, n, out, &past) : hyoka__value_year_text(s, n, out, &past);
    if (st != HYOKA__VAL_OK) {
        hyoka__csv_value_problem(r, ci, st, 0, s, n);
        return -1;
    }
    if (past) { /* Y001 */
        struct hyoka__past_era e;
        hyoka__past_era(s, n, *out, date, &e);
        hyoka__csv_cmsg(r, ci, HYOKA__MSG(Y001), e.excerpt, e.reading.en, e.reading.ja);
    }
    return 1;
}

int hyoka__csv_get_year(struct hyoka__csv_reader *r, int ci, int32_t *out)
{
    return get_calendar(r, ci, out, false);
}

int hyoka__csv_get_date(struct hyoka__csv_reader *r, int ci, int32_t *out)
{
    return get_calendar(r, ci, out, true);
}

int hyoka__csv_get_enum(struct hyoka__csv_reader *r, int ci, int which, int *out)
{
    const char *s;
    size_t n;
    int st;

    if (!hyoka__csv_get_raw(r, ci, &s, &n))
        return 0;
    st = hyoka__value_enum(which, s, n, out);
    if (st != HYOKA__VAL_OK) {
        hyoka__csv_value_problem(r, ci, st, which, s, n);
        return -1;
    }
    return 1;
}

int hyoka__csv_get_bool(struct hyoka__csv_reader *r, int ci, int *out)
{
    const char *s;
    size_t n;
    int st;

    if (!hyoka__csv_get_raw(r, ci, &s, &n))
        return 0;
    st = hyoka__value_bool_text(s, n, out);
    if (st != HYOKA__VAL_OK) {
        hyoka__csv_value_problem(r, ci, st, 0, s, n);
        return -1;
    }
    return 1;
}

bool hyoka__csv_set_ok(struct hyoka__csv_reader *r, int ci, int rc)
{
    int code;
    if (rc == HYOKA_OK)
        return true;
    if (rc == HYOKA_ENOMEM) {
        hyoka__csv_fatal(&r->log, rc);
        return false;
    }
    code = rc == HYOKA_ELIMIT ? HYOKA__V007 : rc == HYOKA_EENCODING ? HYOKA__V003 : HYOKA__V005;
    hyoka__csv_detail_error(r, ci, code);
    return false;
}

bool hyoka__csv_check_seq(struct hyoka__csv_reader *r, int ci, const char *what, size_t got, size_t count)
{
    if (got == count + 1)
        return true;
    if (got <= count)
        hyoka__csv_cdiag(r, ci, HYOKA__V005, "%s %zu given twice", "%s %zu が重複", what, got);
    else
        hyoka__csv_cdiag(r, ci, HYOKA__V005, "%s %zu is out of sequence: the next one is %zu",
                         "%s %zu の順序が違う: 次は %zu", what, got, count + 1);
    return false;
}

/* ------------------------------------------------------------------------ */
/* The item pointer of the row                                              */

void hyoka__csv_item_cat(struct hyoka__csv_reader *r, const char *s)
{
    if (!r->log.fatal && !hyoka__buf_puts(&r->item, s))
        hyoka__csv_fatal(&r->log, r->item.err);
}

void hyoka__csv_item_idx(struct hyoka__csv_reader *r, size_t i)
{
    if (!r->log.fatal && !hyoka__buf_put_uint(&r->item, i))
        hyoka__csv_fatal(&r->log, r->item.err);
}

void hyoka__csv_item_token(struct hyoka__csv_reader *r, const char *s, size_t n)
{
    if (!r->log.fatal)
        hyoka__csv_fatal(&r->log, hyoka__jsonptr_key(&r->item, s, n));
}

/* ------------------------------------------------------------------------ */
/* Project positions                                                        */

bool hyoka__csv_parse_position(struct hyoka__csv_reader *r, int ci, const char *s, size_t n)
{
    size_t i = 0;
    char q[HYOKA__EXCERPT_MAX];

    r->ncomps = 0;
    while (i <= n) {
        size_t v = 0, start = i;
        while (i < n && s[i] >= '0' && s[i] <= '9' && v <= (SIZE_MAX - 9) / 10) {
            v = v * 10 + (size_t)(s[i] - '0');
            i++;
        }
        if (i == start || v == 0 || (i < n && s[i] != '.') || (i < n && i + 1 == n)) {
            hyoka__csv_cdiag(r, ci, HYOKA__V005, "\"%s\" is not a project position (1, 2, 2.1...)",
                             "「%s」は事業の位置 (1, 2, 2.1 など) でない", hyoka__excerpt(s, n, q));
            return false;
        }
        if (hyoka__grow((void **)&r->comps, &r->compcap, r->ncomps, sizeof *r->comps) != HYOKA_OK) {
            hyoka__csv_fatal(&r->log, HYOKA_ENOMEM);
            return false;
        }
        r->comps[r->ncomps++] = v;
        if (i >= n)
            break;
        i++; /* '.' */
    }
    return true;
}

hyoka_project *hyoka__csv_walk(const struct hyoka__csv_reader *r, size_t depth, bool *found)
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

void hyoka__csv_item_project(struct hyoka__csv_reader *r, size_t depth)
{
    r->item.len = 0;
    for (size_t k = 0; k < depth; k++) {
        hyoka__csv_item_cat(r, k == 0 ? "/projects/" : "/children/");
        hyoka__csv_item_idx(r, r->comps[k] - 1);
    }
}

hyoka_project *hyoka__csv_get_project(struct hyoka__csv_reader *r)
{
    const char *s;
    size_t n;
    bool found;
    hyoka_project *p;
    char q[HYOKA__EXCERPT_MAX];

    if (hyoka__csv_required(r, 0, hyoka__csv_get_raw(r, 0, &s, &n)) < 0)
        return NULL;
    if (!hyoka__csv_parse_position(r, 0, s, n))
        return NULL;
    p = hyoka__csv_walk(r, r->ncomps, &found);
    if (!found) {
        hyoka__csv_cdiag(r, 0, HYOKA__V006, "project %s does not exist (no such row in projects)",
                         "事業 %s がない (projects 表にその行がない)", hyoka__excerpt(s, n, q));
        return NULL;
    }
    hyoka__csv_item_project(r, r->ncomps);
    return p;
}

/* ------------------------------------------------------------------------ */
/* Tables                                                                   */

typedef void (*row_fn)(struct hyoka__csv_reader *r);

static row_fn row_function(int table)
{
    switch (table) {
    case HYOKA_CSV_DOCUMENT: return hyoka__csv_document_row;
    case HYOKA_CSV_DENOMINATORS: return hyoka__csv_denominator_row;
    case HYOKA_CSV_PROJECTS: return hyoka__csv_project_row;
    case HYOKA_CSV_CLASSES: return hyoka__csv_class_row;
    case HYOKA_CSV_EXTENSIONS: return hyoka__csv_extension_row;
    case HYOKA_CSV_YEARS: return hyoka__csv_year_row;
    case HYOKA_CSV_STAFF: return hyoka__csv_staff_row;
    case HYOKA_CSV_INDICATORS: return hyoka__csv_indicator_row;
    case HYOKA_CSV_VALUES: return hyoka__csv_value_row;
    case HYOKA_CSV_EVALUATIONS: return hyoka__csv_evaluation_row;
    case HYOKA_CSV_ANSWERS: return hyoka__csv_answer_row;
    case HYOKA_CSV_COMMENTS: return hyoka__csv_comment_row;
    case HYOKA_CSV_GOALS: return hyoka__csv_goal_row;
    default: return hyoka__csv_scheme_row;
    }
}

/* Match the header row to the table's columns. false when the table cannot
 * be read (a required column is missing). */
static bool match_header(struct hyoka__csv_reader *r)
{
    const struct hyoka__csv_table *t = r->t;
    bool ok = true;
    char q[HYOKA__EXCERPT_MAX];

    r->hn = r->rec.nf_total;
    if (hyoka__csv_record_blank(&r->rec)) {
        hyoka__csv_diag(&r->log, 1, 1, NULL, NULL, HYOKA__V004, "the header row is empty", "見出し行が空");
        return false;
    }
    if (r->rec.nf_total > HYOKA__CSV_HEADER_MAX) {
        hyoka__csv_header_too_wide(&r->log);
        return false;
    }
    for (size_t j = 0; j < r->rec.nf; j++) {
        const char *name = r->rec.data.data + r->rec.f[j].off;
        size_t n = r->rec.f[j].len, c;
        for (c = 0; c < t->ncols; c++)
            if (strlen(t->cols[c].name) == n && memcmp(t->cols[c].name, name, n) == 0)
                break;
        if (c == t->ncols)
            hyoka__csv_diag(&r->log, 1, j + 1, NULL, "", HYOKA__V004, "unknown column \"%s\"", "未知の列「%s」",
                            hyoka__excerpt(name, n, q));
        else if (r->map[c] >= 0)
            hyoka__csv_diag(&r->log, 1, j + 1, t->cols[c].name, "", HYOKA__V004, "column %s given twice", "列 %s が重複",
                            t->cols[c].name);
        else
            r->map[c] = (int)j;
    }
    for (size_t c = 0; c < t->ncols; c++)
        if (t->cols[c].req && r->map[c] < 0) {
            hyoka__csv_diag(&r->log, 1, r->hn + 1, NULL, "", HYOKA__V004,
                            "missing column %s (the rows cannot be read without it)",
                            "列 %s がない (この列なしでは行を読めない)", t->cols[c].name);
            ok = false;
        }
    return ok;
}

static void read_one_table(struct hyoka__csv_reader *r, int table, const char *text, size_t len)
{
    row_fn fn = row_function(table);

    r->t = &hyoka__csv_tables[table];
    r->log.table = r->t->name;
    hyoka__strset_reset(&r->keys);
    hyoka__csv_band_mins_free(r);
    if (table != HYOKA_CSV_STAFF)
        hyoka__csv_imap_free(&r->nums); /* the staff table reads the years table's */
    for (size_t c = 0; c < HYOKA__CSV_MAX_COLS; c++)
        r->map[c] = -1;
    if (!hyoka__csv_records_start(&r->rec, text, len))
        return;
    /* no header: an empty table */
    if (!hyoka__csv_next_header(&r->rec) || !match_header(r))
        return;
    if (table == HYOKA_CSV_DOCUMENT)
        memset(&r->doc, 0, sizeof r->doc);
    while (hyoka__csv_next_row(&r->rec, r->hn)) {
        r->item.len = 0;
        r->scheme_row = false;
        fn(r);
    }
    if (table == HYOKA_CSV_DOCUMENT) {
        hyoka__csv_document_finish(r);
        hyoka__csv_document_release(r);
    }
}

static void rd_release(struct hyoka__csv_reader *r)
{
    hyoka__csv_records_release(&r->rec);
    hyoka__buf_free(&r->item);
    hyoka__buf_free(&r->path);
    hyoka__free(r->comps);
    hyoka__strset_free(&r->keys);
    hyoka__csv_band_mins_free(r);
    hyoka__csv_imap_free(&r->nums);
    hyoka__csv_document_release(r);
}

int hyoka_csv_read_tables(const char *const texts[HYOKA_CSV_TABLE_COUNT], const size_t lens[HYOKA_CSV_TABLE_COUNT],
                          const hyoka_csv_options *options, hyoka_portfolio **out, hyoka_report *report)
{
    static const int order[HYOKA_CSV_TABLE_COUNT] = {
        HYOKA_CSV_DOCUMENT, HYOKA_CSV_DENOMINATORS, HYOKA_CSV_SCHEMES, HYOKA_CSV_PROJECTS, HYOKA_CSV_CLASSES,
        HYOKA_CSV_EXTENSIONS, HYOKA_CSV_YEARS, HYOKA_CSV_STAFF, HYOKA_CSV_INDICATORS, HYOKA_CSV_VALUES,
        HYOKA_CSV_EVALUATIONS, HYOKA_CSV_ANSWERS, HYOKA_CSV_COMMENTS, HYOKA_CSV_GOALS,
    };
    struct hyoka__csv_reader *r;
    int rc;

    if (out)
        *out = NULL;
    HYOKA__CHECK_NULL(texts);
    HYOKA__CHECK_NULL(lens);
    HYOKA__CHECK_NULL(out);
    r = hyoka__calloc(1, sizeof *r);
    if (!r)
        return hyoka__nomem();
    rc = hyoka__csv_check_options(__func__, options, &r->opt);
    if (rc != HYOKA_OK) {
        hyoka__free(r);
        return rc;
    }
    if (report)
        hyoka_report_set_limit(report, r->opt.max_diagnostics);
    r->log.report = report;
    hyoka__csv_records_init(&r->rec, &r->log, &r->opt);
    rc = hyoka_portfolio_new(&r->pf);
    if (rc != HYOKA_OK) {
        hyoka__free(r);
        return rc;
    }
    for (int i = 0; i < HYOKA_CSV_TABLE_COUNT && !r->log.fatal; i++) {
        int t = order[i];
        if (texts[t])
            read_one_table(r, t, texts[t], lens[t] == HYOKA_NTS ? strlen(texts[t]) : lens[t]);
    }
    rd_release(r);
    if (r->log.fatal) {
        rc = r->log.fatal;
        hyoka_portfolio_free(r->pf);
        hyoka__free(r);
        return rc;
    }
    if (r->log.errors) {
        size_t errors = r->log.errors;
        char first[HYOKA__CSV_FIRST_MAX];
        hyoka__csv_copy_message(first, sizeof first, r->log.first);
        hyoka_portfolio_free(r->pf);
        hyoka__free(r);
        return hyoka__fail(HYOKA_EINVALID, "%s: %zu error%s in the tables; the first: %s", __func__, errors,
                           errors == 1 ? "" : "s", first);
    }
    *out = r->pf;
    hyoka__free(r);
    return HYOKA_OK;
}
