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
#include "util/jsonptr.h"
#include "report.h"

#include <string.h>

/* Most header fields kept; a header with more is refused (V004). */
#define HEADER_MAX_FIELDS 1024

/* ------------------------------------------------------------------------ */
/* Messages                                                                 */

const char *hyoka__csv_excerpt(const char *s, size_t n, char *buf, size_t size)
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

void hyoka__csv_cdiag(struct hyoka__csv_reader *r, const char *code, int severity, int ci, const char *fmt_en,
                      const char *fmt_ja, ...)
{
    const struct hyoka__csv_col *c = &r->t->cols[ci];
    size_t field = r->map[ci] >= 0 ? (size_t)r->map[ci] + 1 : 0;
    const char *sub = c->ptr;
    va_list ap;
    int rc;

    if (r->scheme_row)
        sub = ci == SC_LABEL ? "/name" : ci == SC_SCHEME ? "/id" : sub;
    r->path.len = 0;
    hyoka__buf_put(&r->path, hyoka__buf_str(&r->item), r->item.len);
    hyoka__buf_puts(&r->path, r->item.len ? sub : "");
    rc = r->path.err;
    hyoka__csv_fatal(&r->log, rc);
    va_start(ap, fmt_ja);
    hyoka__csv_vdiag(&r->log, code, severity, r->rec.row, field, c->name, rc == HYOKA_OK ? hyoka__buf_str(&r->path) : "", fmt_en,
                     fmt_ja, ap);
    va_end(ap);
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
        hyoka__csv_cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "a value is required", "値が必要");
        return -1;
    }
    return rc;
}

int hyoka__csv_get_decimal(struct hyoka__csv_reader *r, int ci, hyoka_decimal *d)
{
    const char *s;
    size_t n;
    char q[80];
    int rc;

    if (!hyoka__csv_get_raw(r, ci, &s, &n))
        return 0;
    if (memchr(s, 'e', n) || memchr(s, 'E', n))
        rc = hyoka_decimal_parse(s, n, d);
    else
        rc = hyoka_decimal_parse_printed(s, n, d);
    if (rc == HYOKA_OK)
        return 1;
    if (rc == HYOKA_ERANGE)
        hyoka__csv_cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "number out of range: \"%s\"", "数値が範囲外:「%s」",
                         hyoka__csv_excerpt(s, n, q, sizeof q));
    else
        hyoka__csv_cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "not a number: \"%s\"", "数値でない:「%s」",
                         hyoka__csv_excerpt(s, n, q, sizeof q));
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

int hyoka__csv_get_money(struct hyoka__csv_reader *r, int ci, int64_t *out)
{
    hyoka_decimal d;
    int64_t coef;
    int scale, rc = hyoka__csv_get_decimal(r, ci, &d);
    const char *s;
    size_t n;
    char q[80];

    if (rc <= 0)
        return rc;
    hyoka__csv_get_raw(r, ci, &s, &n);
    coef = hyoka_decimal_coefficient(&d);
    scale = hyoka_decimal_scale(&d);
    strip_zeros(&coef, &scale);
    if (r->pf->amount_unit == HYOKA_UNIT_THOUSAND_YEN) {
        hyoka_decimal t;
        if (scale > 3) {
            hyoka__csv_cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci,
                             "amount \"%s\" has more than 3 decimal places in thousand_yen (finer than one yen)",
                             "金額「%s」は千円単位で小数が3桁を超える (1円未満)",
                             hyoka__csv_excerpt(s, n, q, sizeof q));
            return -1;
        }
        if (hyoka_decimal_from_parts(coef, scale, &t) != HYOKA_OK || hyoka_yen_from_thousands(&t, out) != HYOKA_OK) {
            hyoka__csv_cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "amount \"%s\" out of range", "金額「%s」が範囲外",
                             hyoka__csv_excerpt(s, n, q, sizeof q));
            return -1;
        }
        return 1;
    }
    if (scale > 0) {
        hyoka__csv_cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "amount \"%s\" is finer than one yen",
                         "金額「%s」が1円未満を含む", hyoka__csv_excerpt(s, n, q, sizeof q));
        return -1;
    }
    *out = coef;
    return 1;
}

int hyoka__csv_get_count(struct hyoka__csv_reader *r, int ci, int64_t *out)
{
    hyoka_decimal d;
    int64_t coef;
    int scale, rc = hyoka__csv_get_decimal(r, ci, &d);
    const char *s;
    size_t n;
    char q[80];

    if (rc <= 0)
        return rc;
    hyoka__csv_get_raw(r, ci, &s, &n);
    coef = hyoka_decimal_coefficient(&d);
    scale = hyoka_decimal_scale(&d);
    strip_zeros(&coef, &scale);
    if (scale > 0 || coef < 0) {
        hyoka__csv_cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "\"%s\" is not a whole number of 0 or more",
                         "「%s」は0以上の整数でない", hyoka__csv_excerpt(s, n, q, sizeof q));
        return -1;
    }
    *out = coef;
    return 1;
}

int hyoka__csv_get_index(struct hyoka__csv_reader *r, int ci, size_t *out)
{
    const char *s;
    size_t n, v = 0;
    char q[80];

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
        hyoka__csv_cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "\"%s\" is not a position (1, 2, 3...)",
                         "「%s」は位置 (1, 2, 3...) でない", hyoka__csv_excerpt(s, n, q, sizeof q));
        return -1;
    }
    *out = v;
    return 1;
}

int hyoka__csv_get_year(struct hyoka__csv_reader *r, int ci, int32_t *out)
{
    const char *s;
    size_t n;
    unsigned flags = 0;
    char q[80];
    int rc;

    if (!hyoka__csv_get_raw(r, ci, &s, &n))
        return 0;
    rc = hyoka_fiscal_year_parse(s, n, out, &flags);
    if (rc != HYOKA_OK) {
        hyoka__csv_cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci,
                         "\"%s\" is not a fiscal year (1868..9999, or 平成19年度...)",
                         "「%s」は年度 (1868..9999 または 平成19年度 など) でない",
                         hyoka__csv_excerpt(s, n, q, sizeof q));
        return -1;
    }
    if (flags & HYOKA_CAL_PAST_ERA_END)
        hyoka__csv_cdiag(r, "Y001", HYOKA_SEVERITY_WARNING, ci, "era year past the era's end: \"%s\" is read as %ld",
                         "元号の終了後の年:「%s」を %ld 年度とする", hyoka__csv_excerpt(s, n, q, sizeof q), (long)*out);
    return 1;
}

int hyoka__csv_get_date(struct hyoka__csv_reader *r, int ci, int32_t *out)
{
    const char *s;
    size_t n;
    unsigned flags = 0;
    char q[80];
    int rc;

    if (!hyoka__csv_get_raw(r, ci, &s, &n))
        return 0;
    rc = hyoka_date_parse(s, n, out, &flags);
    if (rc != HYOKA_OK) {
        hyoka__csv_cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci,
                         "\"%s\" is not a date (2008-05-15, 2008-12, 平成20年5月15日...)",
                         "「%s」は日付 (2008-05-15, 2008-12, 平成20年5月15日 など) でない",
                         hyoka__csv_excerpt(s, n, q, sizeof q));
        return -1;
    }
    if (flags & HYOKA_CAL_PAST_ERA_END)
        hyoka__csv_cdiag(r, "Y001", HYOKA_SEVERITY_WARNING, ci, "era year past the era's end: \"%s\" is read as %ld",
                         "元号の終了後の年:「%s」を %ld とする", hyoka__csv_excerpt(s, n, q, sizeof q), (long)*out);
    return 1;
}

int hyoka__csv_get_enum(struct hyoka__csv_reader *r, int ci, int which, int *out)
{
    const char *s;
    size_t n;
    char q[80], names[200];
    int count, rc;
    size_t o = 0;

    if (!hyoka__csv_get_raw(r, ci, &s, &n))
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
    hyoka__csv_cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "unknown value \"%s\" (expected one of: %s)",
                     "未知の値「%s」(次のどれか: %s)", hyoka__csv_excerpt(s, n, q, sizeof q), names);
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

int hyoka__csv_get_bool(struct hyoka__csv_reader *r, int ci, int *out)
{
    const char *s;
    size_t n;
    char q[80];

    if (!hyoka__csv_get_raw(r, ci, &s, &n))
        return 0;
    if (ascii_ieq(s, n, "true")) {
        *out = 1;
        return 1;
    }
    if (ascii_ieq(s, n, "false")) {
        *out = 0;
        return 1;
    }
    hyoka__csv_cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "\"%s\" is not true or false",
                     "「%s」は true でも false でもない", hyoka__csv_excerpt(s, n, q, sizeof q));
    return -1;
}

bool hyoka__csv_set_ok(struct hyoka__csv_reader *r, int ci, int rc)
{
    const char *code;
    if (rc == HYOKA_OK)
        return true;
    if (rc == HYOKA_ENOMEM) {
        hyoka__csv_fatal(&r->log, rc);
        return false;
    }
    code = rc == HYOKA_ELIMIT ? "V007" : rc == HYOKA_EENCODING ? "V003" : "V005";
    hyoka__csv_cdiag(r, code, HYOKA_SEVERITY_ERROR, ci, "%s", "%s", hyoka_error_last());
    return false;
}

bool hyoka__csv_check_seq(struct hyoka__csv_reader *r, int ci, const char *what, size_t got, size_t count)
{
    if (got == count + 1)
        return true;
    if (got <= count)
        hyoka__csv_cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "%s %zu given twice", "%s %zu が重複", what, got);
    else
        hyoka__csv_cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "%s %zu is out of sequence: the next one is %zu",
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
    char q[80];

    r->ncomps = 0;
    while (i <= n) {
        size_t v = 0, start = i;
        while (i < n && s[i] >= '0' && s[i] <= '9' && v <= (SIZE_MAX - 9) / 10) {
            v = v * 10 + (size_t)(s[i] - '0');
            i++;
        }
        if (i == start || v == 0 || (i < n && s[i] != '.') || (i < n && i + 1 == n)) {
            hyoka__csv_cdiag(r, "V005", HYOKA_SEVERITY_ERROR, ci, "\"%s\" is not a project position (1, 2, 2.1...)",
                             "「%s」は事業の位置 (1, 2, 2.1 など) でない", hyoka__csv_excerpt(s, n, q, sizeof q));
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
    char q[80];

    if (hyoka__csv_required(r, 0, hyoka__csv_get_raw(r, 0, &s, &n)) < 0)
        return NULL;
    if (!hyoka__csv_parse_position(r, 0, s, n))
        return NULL;
    p = hyoka__csv_walk(r, r->ncomps, &found);
    if (!found) {
        hyoka__csv_cdiag(r, "V006", HYOKA_SEVERITY_ERROR, 0, "project %s does not exist (no such row in projects)",
                         "事業 %s がない (projects 表にその行がない)", hyoka__csv_excerpt(s, n, q, sizeof q));
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
static bool read_header(struct hyoka__csv_reader *r)
{
    const struct hyoka__csv_table *t = r->t;
    bool ok = true;
    char q[80];

    r->hn = r->rec.nf_total;
    if (hyoka__csv_record_blank(&r->rec)) {
        hyoka__csv_diag(&r->log, "V004", 1, 1, NULL, NULL, "the header row is empty", "見出し行が空");
        return false;
    }
    if (r->rec.nf_total > HEADER_MAX_FIELDS) {
        hyoka__csv_diag(&r->log, "V004", 1, HEADER_MAX_FIELDS + 1, NULL, NULL, "more than %d columns",
                        "列が %d を超える", HEADER_MAX_FIELDS);
        return false;
    }
    for (size_t j = 0; j < r->rec.nf; j++) {
        const char *name = r->rec.data.data + r->rec.f[j].off;
        size_t n = r->rec.f[j].len, c;
        for (c = 0; c < t->ncols; c++)
            if (strlen(t->cols[c].name) == n && memcmp(t->cols[c].name, name, n) == 0)
                break;
        if (c == t->ncols)
            hyoka__csv_diag(&r->log, "V004", 1, j + 1, NULL, "", "unknown column \"%s\"", "未知の列「%s」",
                            hyoka__csv_excerpt(name, n, q, sizeof q));
        else if (r->map[c] >= 0)
            hyoka__csv_diag(&r->log, "V004", 1, j + 1, t->cols[c].name, "", "column %s given twice", "列 %s が重複",
                            t->cols[c].name);
        else
            r->map[c] = (int)j;
    }
    for (size_t c = 0; c < t->ncols; c++)
        if (t->cols[c].req && r->map[c] < 0) {
            hyoka__csv_diag(&r->log, "V004", 1, r->hn + 1, NULL, "",
                            "missing column %s (the rows cannot be read without it)",
                            "列 %s がない (この列なしでは行を読めない)", t->cols[c].name);
            ok = false;
        }
    return ok;
}

static void read_table(struct hyoka__csv_reader *r, int table, const char *text, size_t len)
{
    row_fn fn = row_function(table);

    r->t = &hyoka__csv_tables[table];
    r->log.table = r->t->name;
    hyoka__csv_kset_free(&r->keys);
    hyoka__csv_band_mins_free(r);
    if (table != HYOKA_CSV_STAFF)
        hyoka__csv_imap_free(&r->nums); /* the staff table reads the years table's */
    for (size_t c = 0; c < HYOKA__CSV_MAX_COLS; c++)
        r->map[c] = -1;
    if (!hyoka__csv_records_start(&r->rec, text, len))
        return;
    r->rec.keep = HEADER_MAX_FIELDS;
    if (!hyoka__csv_next_record(&r->rec))
        return; /* no header: an empty table */
    if (r->rec.bad || !read_header(r))
        return;
    r->rec.keep = r->hn;
    if (table == HYOKA_CSV_DOCUMENT)
        memset(&r->doc, 0, sizeof r->doc);
    while (!r->log.fatal && hyoka__csv_next_record(&r->rec)) {
        if (r->rec.bad || hyoka__csv_record_blank(&r->rec))
            continue;
        if (r->rec.nf_total != r->hn) {
            hyoka__csv_diag(&r->log, "V002", r->rec.row, (r->rec.nf_total < r->hn ? r->rec.nf_total : r->hn) + 1, NULL,
                            NULL, "the row has %zu fields, the header %zu",
                            "行のフィールド数 %zu が見出しの %zu と違う", r->rec.nf_total, r->hn);
            continue;
        }
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
    hyoka__csv_kset_free(&r->keys);
    hyoka__csv_band_mins_free(r);
    hyoka__csv_imap_free(&r->nums);
    hyoka__csv_document_release(r);
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
    struct hyoka__csv_reader *r;
    int rc;

    if (out)
        *out = NULL;
    if (!texts || !lens || !out)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL", fn, !texts ? "texts" : !lens ? "lens" : "out");
    r = hyoka__calloc(1, sizeof *r);
    if (!r)
        return hyoka__nomem();
    rc = hyoka__csv_check_options(fn, options, &r->opt);
    if (rc != HYOKA_OK) {
        hyoka__free(r);
        return rc;
    }
    if (report)
        report->limit = r->opt.max_diagnostics;
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
            read_table(r, t, texts[t], lens[t] == HYOKA_NTS ? strlen(texts[t]) : lens[t]);
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
        return hyoka__fail(HYOKA_EINVALID, "%s: %zu error%s in the tables; the first: %s", fn, errors,
                           errors == 1 ? "" : "s", first);
    }
    *out = r->pf;
    hyoka__free(r);
    return HYOKA_OK;
}
