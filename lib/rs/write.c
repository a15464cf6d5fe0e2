/* The RS writer: one table of a portfolio, as the RS system publishes it
 * (UTF-8 with a byte-order mark, CRLF, one header row, the columns of
 * tables.c in their published order, then 3-1's year columns, then the
 * columns the reader kept that the table does not know).
 *
 * Each project prints its rows in the order of its records (the shapes of
 * read_rows.c and read_goals.c, the other way), at least one row, its own
 * cells repeated on every row; then what the reader kept as printed is
 * put back over the cells it came from: a record's extensions over its
 * row, the project's "rs:TABLE:ROW:HEADER" extensions over its ROW-th
 * row of the table. */
#include "rs_internal.h"

#include <stdio.h>
#include <string.h>

struct keep {
    size_t row;        /* the project's row, from 0 */
    const char *head;  /* the header, NUL-terminated */
    const char *value;
};

struct writer {
    const hyoka_portfolio *pf;
    const struct hyoka__rs_table *t;
    struct hyoka__buf *o;
    size_t ncols, nyears, total;
    const char **heads;            /* the header of each column of the table, as written */
    int32_t y0;                    /* the first year column of 3-1 */
    char (*years)[8];              /* their headers */
    struct hyoka__strset extras;   /* headers of kept columns the table does not know, value: index */
    const char **extra;
    size_t nextra, extracap;
    struct hyoka__rs_cell *cells;  /* the row being made, total */
    struct hyoka__rs_cell *own;    /* the project's own cells, ncols */
    struct keep *keeps;            /* the project's kept cells of this table */
    size_t nkeeps, keepcap, maxrow;
    size_t row;                    /* the project's next row */
    hyoka_record **list[4];        /* records of each group of a project */
    size_t nlist[4], listcap[4];
    hyoka_record **parents;
    size_t parentcap;
    bool failed;
};

static void fail(struct writer *w)
{
    w->failed = true;
}

/* ------------------------------------------------------------------------ */
/* Columns                                                                  */

static bool year_head(const char *s, int32_t *year)
{
    int64_t v;
    if (strlen(s) != 4 || !hyoka__rs_int(s, 4, &v) || s[0] == '-' || s[0] == '+')
        return false;
    *year = (int32_t)v;
    return true;
}

/* The column of a header, or -1. */
static int index_of(const struct writer *w, const char *head)
{
    size_t n = strlen(head);
    struct hyoka__strset_entry *e;
    int32_t y;

    for (size_t c = 0; c < w->ncols; c++)
        if (strcmp(w->heads[c], head) == 0 || strcmp(w->t->cols[c].name, head) == 0 ||
            (w->t->cols[c].alias && strcmp(w->t->cols[c].alias, head) == 0))
            return (int)c;
    if (w->nyears && year_head(head, &y) && y >= w->y0 && (size_t)(y - w->y0) < w->nyears)
        return (int)(w->ncols + (size_t)(y - w->y0));
    e = hyoka__strset_find(&w->extras, head, n);
    return e ? (int)(w->ncols + w->nyears + e->value) : -1;
}

/* Parse a project extension key "rs:TABLE:ROW:HEADER" of this table. */
static bool keep_key(const struct writer *w, const char *key, struct keep *k)
{
    size_t pl = strlen(RS_KEEP_PREFIX), tl = strlen(w->t->name);
    const char *s;
    size_t row = 0;

    if (strncmp(key, RS_KEEP_PREFIX, pl) != 0 || strncmp(key + pl, w->t->name, tl) != 0 || key[pl + tl] != ':')
        return false;
    s = key + pl + tl + 1;
    if (*s < '1' || *s > '9')
        return false;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (row > SIZE_MAX / 10 - 1)
            return false;
        row = row * 10 + (size_t)(*s - '0');
    }
    if (*s != ':')
        return false;
    k->row = row - 1;
    k->head = s + 1;
    return true;
}

static void add_extra(struct writer *w, const char *head)
{
    int dup;
    if (index_of(w, head) >= 0)
        return;
    if (hyoka__strset_reserve(&w->extras) != 0 ||
        hyoka__grow((void **)&w->extra, &w->extracap, w->nextra, sizeof *w->extra) != HYOKA_OK) {
        fail(w);
        return;
    }
    hyoka__strset_put(&w->extras, NULL, 0, head, strlen(head), w->nextra, &dup);
    w->extra[w->nextra++] = head;
}

/* Whether records of @p kind are printed in this table. */
static bool table_kind(const struct hyoka__rs_table *t, int kind)
{
    for (size_t g = 0; g < t->ngroups; g++)
        if (t->groups[g].kind == kind)
            return true;
    return false;
}

static void extras_of_record(struct writer *w, const hyoka_record *rec)
{
    int kind = hyoka_record_kind_of(rec);
    if (table_kind(w->t, kind)) {
        size_t n = hyoka_record_extension_count(rec);
        for (size_t i = 0; i < n; i++) {
            const char *key = NULL;
            hyoka_record_extension_at(rec, i, &key, NULL);
            if (key)
                add_extra(w, key);
        }
    }
    for (int k = 0; k < HYOKA__RECORD_KIND_COUNT; k++) {
        size_t n = hyoka_record_child_count(rec, k);
        for (size_t i = 0; i < n; i++)
            extras_of_record(w, hyoka_record_child_at(rec, k, i));
    }
}

/* The year columns of 3-1 (the review year's span, widened to every year
 * the indicators and the kept cells name) and the extra columns. */
static void columns(struct writer *w, const hyoka_rs_options *opt)
{
    size_t np = hyoka_portfolio_project_count(w->pf);
    int32_t year = hyoka__rs_year(w->pf, opt), y0 = year ? year - RS_YEARS_BEFORE : 9999,
            y1 = year ? year + RS_YEARS_AFTER : 0;

    w->ncols = w->t->ncols;
    w->heads = hyoka__malloc(w->ncols * sizeof *w->heads);
    if (!w->heads) {
        fail(w);
        return;
    }
    for (size_t c = 0; c < w->ncols; c++) {
        const hyoka_project *p0 = hyoka_portfolio_project_at(w->pf, 0);
        char key[320];
        const char *as_read = NULL;
        snprintf(key, sizeof key, RS_KEEP_PREFIX "%s:" RS_HEADER_KEY ":%s", w->t->name, w->t->cols[c].name);
        if (p0)
            as_read = hyoka_project_extension(p0, key, HYOKA_NTS);
        w->heads[c] = as_read && *as_read ? as_read : w->t->cols[c].name;
    }
    for (size_t i = 0; i < np && w->t->shape == RS_SHAPE_GOALS; i++) {
        const hyoka_project *p = hyoka_portfolio_project_at(w->pf, i);
        size_t ni = hyoka_project_indicator_count(p), ne = hyoka_project_extension_count(p);
        for (size_t j = 0; j < ni; j++) {
            const hyoka_indicator *ind = hyoka_project_indicator_at(p, j);
            size_t ny = hyoka_indicator_year_count(ind);
            int32_t ty = hyoka_indicator_target_year(ind);
            for (size_t k = 0; k <= ny; k++) {
                int32_t y = k < ny ? hyoka_indicator_year_at(ind, k) : ty;
                if (y) {
                    y0 = y < y0 ? y : y0;
                    y1 = y > y1 ? y : y1;
                }
            }
        }
        for (size_t j = 0; j < ne; j++) {
            const char *key = NULL;
            struct keep k;
            int32_t y;
            hyoka_project_extension_at(p, j, &key, NULL);
            if (key && keep_key(w, key, &k) && year_head(k.head, &y)) {
                y0 = y < y0 ? y : y0;
                y1 = y > y1 ? y : y1;
            }
        }
    }
    if (w->t->shape == RS_SHAPE_GOALS && y1 >= y0) {
        w->y0 = y0;
        w->nyears = (size_t)(y1 - y0) + 1;
        w->years = hyoka__malloc(w->nyears * sizeof *w->years);
        if (!w->years) {
            fail(w);
            return;
        }
        for (size_t i = 0; i < w->nyears; i++)
            snprintf(w->years[i], sizeof w->years[i], "%d", (int)(y0 + (int32_t)i));
    }
    for (size_t i = 0; i < np; i++) {
        const hyoka_project *p = hyoka_portfolio_project_at(w->pf, i);
        size_t ne = hyoka_project_extension_count(p);
        for (size_t j = 0; j < ne; j++) {
            const char *key = NULL;
            struct keep k;
            hyoka_project_extension_at(p, j, &key, NULL);
            if (key && keep_key(w, key, &k))
                add_extra(w, k.head);
        }
        for (int kind = 0; kind < HYOKA__RECORD_KIND_COUNT; kind++) {
            size_t n = hyoka_project_record_count(p, kind);
            for (size_t j = 0; j < n; j++)
                extras_of_record(w, hyoka_project_record_at(p, kind, j));
        }
    }
    w->total = w->ncols + w->nyears + w->nextra;
}

/* ------------------------------------------------------------------------ */
/* Rows                                                                     */

static void put_cell(struct writer *w, const char *s, size_t n)
{
    if (n > 0)
        hyoka__csv_put_field(w->o, s, n, false);
}

static void header(struct writer *w)
{
    hyoka__buf_puts(w->o, "\xEF\xBB\xBF");
    for (size_t c = 0; c < w->total; c++) {
        const char *s = c < w->ncols ? w->heads[c]
                        : c < w->ncols + w->nyears ? w->years[c - w->ncols]
                                                   : w->extra[c - w->ncols - w->nyears];
        if (c)
            hyoka__buf_putc(w->o, ',');
        put_cell(w, s, strlen(s));
    }
    hyoka__buf_puts(w->o, "\r\n");
}

static void set_text(struct hyoka__rs_cell *c, const char *s)
{
    c->s = s ? s : "";
    c->n = strlen(c->s);
}

static void begin_row(struct writer *w)
{
    for (size_t c = 0; c < w->total; c++) {
        if (c < w->ncols)
            w->cells[c] = w->own[c];
        else
            set_text(&w->cells[c], NULL);
    }
}

/* A record's extensions over the cells of its row. */
static void record_keeps(struct writer *w, const hyoka_record *rec)
{
    size_t n = hyoka_record_extension_count(rec);
    for (size_t i = 0; i < n; i++) {
        const char *key = NULL, *value = NULL;
        int c;
        hyoka_record_extension_at(rec, i, &key, &value);
        c = key ? index_of(w, key) : -1;
        if (c >= 0)
            set_text(&w->cells[c], value);
    }
}

static void end_row(struct writer *w)
{
    for (size_t i = 0; i < w->nkeeps; i++)
        if (w->keeps[i].row == w->row) {
            int c = index_of(w, w->keeps[i].head);
            if (c >= 0)
                set_text(&w->cells[c], w->keeps[i].value);
        }
    for (size_t c = 0; c < w->total; c++) {
        if (c)
            hyoka__buf_putc(w->o, ',');
        put_cell(w, w->cells[c].s, w->cells[c].n);
    }
    hyoka__buf_puts(w->o, "\r\n");
    w->row++;
}

/* The cells of group @p group printed on rows of kind @p rows, from @p rec. */
static void group_cells(struct writer *w, const hyoka_record *rec, int group, unsigned rows)
{
    for (size_t c = 0; c < w->ncols; c++) {
        const struct hyoka__rs_col *col = &w->t->cols[c];
        if (col->target == RS_T_FIELD && col->group == group && (col->rows & rows))
            hyoka__rs_field_cell(rec, col->arg, col->style, &w->cells[c]);
        else if (col->target == RS_T_PARENT && group < 0)
            hyoka__rs_field_cell(rec, col->arg, col->style, &w->cells[c]);
    }
}

static void push(struct writer *w, int g, hyoka_record *rec)
{
    if (hyoka__grow((void **)&w->list[g], &w->listcap[g], w->nlist[g], sizeof *w->list[g]) != HYOKA_OK) {
        fail(w);
        return;
    }
    w->list[g][w->nlist[g]++] = rec;
}

/* 2-2 and 5-3: the records in the order of their rows as read, when the
 * reader kept it (RS_ORDER_KEY); the rest after them as they come. */
static void reorder(struct writer *w, const hyoka_project *p)
{
    char key[32];
    const char *s;
    size_t n = w->nlist[0], out = 0;
    hyoka_record **kids, **pars;
    bool *used;

    snprintf(key, sizeof key, RS_KEEP_PREFIX "%s:" RS_ORDER_KEY, w->t->name);
    s = hyoka_project_extension(p, key, HYOKA_NTS);
    if (!s || n == 0)
        return;
    kids = hyoka__malloc(n * sizeof *kids);
    pars = hyoka__malloc(n * sizeof *pars);
    used = hyoka__calloc(n, sizeof *used);
    if (!kids || !pars || !used) {
        fail(w);
    } else {
        memcpy(kids, w->list[0], n * sizeof *kids);
        memcpy(pars, w->parents, n * sizeof *pars);
        while (*s && out < n) {
            int64_t v = 0;
            const char *e = s;
            const hyoka_record *parent;
            while (*e && *e != ',')
                e++;
            parent = hyoka__rs_int(s, (size_t)(e - s), &v) && v >= 0
                         ? hyoka_project_record_at(p, w->t->parent_kind, (size_t)v)
                         : NULL;
            for (size_t i = 0; i < n && parent; i++)
                if (!used[i] && pars[i] == parent) {
                    used[i] = true;
                    w->list[0][out] = kids[i];
                    w->parents[out++] = pars[i];
                    break;
                }
            s = *e ? e + 1 : e;
        }
        for (size_t i = 0; i < n; i++)
            if (!used[i]) {
                w->list[0][out] = kids[i];
                w->parents[out++] = pars[i];
            }
    }
    hyoka__free(kids);
    hyoka__free(pars);
    hyoka__free(used);
}

/* Tables of records: the n-th row holds the n-th record of each group. */
static void records_rows(struct writer *w, const hyoka_project *p)
{
    const struct hyoka__rs_table *t = w->t;
    size_t rows = 0;

    for (size_t g = 0; g < t->ngroups; g++)
        w->nlist[g] = 0;
    if (t->parent_kind >= 0) {
        size_t np = hyoka_project_record_count(p, t->parent_kind);
        for (size_t i = 0; i < np; i++) {
            hyoka_record *parent = hyoka_project_record_at(p, t->parent_kind, i);
            size_t nc = hyoka_record_child_count(parent, t->groups[0].kind);
            for (size_t j = 0; j < nc && !w->failed; j++) {
                if (hyoka__grow((void **)&w->parents, &w->parentcap, w->nlist[0], sizeof *w->parents) != HYOKA_OK) {
                    fail(w);
                    return;
                }
                w->parents[w->nlist[0]] = parent;
                push(w, 0, hyoka_record_child_at(parent, t->groups[0].kind, j));
            }
        }
        reorder(w, p);
    } else {
        for (size_t g = 0; g < t->ngroups; g++) {
            size_t n;
            if (g > 0 && t->groups[g].kind == t->groups[g - 1].kind)
                continue; /* listed with the first group of the kind */
            n = hyoka_project_record_count(p, t->groups[g].kind);
            for (size_t i = 0; i < n; i++) {
                hyoka_record *rec = hyoka_project_record_at(p, t->groups[g].kind, i);
                int gi = hyoka__rs_group_of(t, rec);
                if (gi >= 0)
                    push(w, gi, rec);
            }
        }
    }
    for (size_t g = 0; g < t->ngroups; g++)
        rows = w->nlist[g] > rows ? w->nlist[g] : rows;
    for (size_t k = 0; k < rows && !w->failed; k++) {
        begin_row(w);
        if (t->parent_kind >= 0)
            group_cells(w, w->parents[k], -1, RS_ROW_ANY);
        for (size_t g = 0; g < t->ngroups; g++)
            if (k < w->nlist[g])
                group_cells(w, w->list[g][k], (int)g,
                            t->variants ? hyoka__rs_budget_row(w->list[g][k]) : RS_ROW_ANY);
        for (size_t g = 0; g < t->ngroups; g++)
            if (k < w->nlist[g])
                record_keeps(w, w->list[g][k]);
        end_row(w);
    }
}

/* 3-1: one row per activity, four per other node. */
static void goal_rows(struct writer *w, const hyoka_project *p)
{
    size_t ni = hyoka_project_indicator_count(p);
    for (size_t i = 0; i < ni; i++) {
        const hyoka_indicator *ind = hyoka_project_indicator_at(p, i);
        int rows = hyoka_indicator_kind(ind) == HYOKA_KIND_ACTION ? 1 : RS_GOAL_ROWS;
        size_t ny = hyoka_indicator_year_count(ind);
        for (int j = 0; j < rows; j++) {
            begin_row(w);
            for (size_t c = 0; c < w->ncols; c++) {
                const struct hyoka__rs_col *col = &w->t->cols[c];
                if (col->target == RS_T_GOAL)
                    hyoka__rs_goal_cell(ind, col, &w->cells[c]);
                else if (col->target == RS_T_LABEL && rows > 1)
                    set_text(&w->cells[c], hyoka__rs_goal_labels[j]);
            }
            if (rows > 1 && j == 0) {
                int32_t y = hyoka_indicator_target_year(ind);
                if (y && y >= w->y0 && (size_t)(y - w->y0) < w->nyears)
                    set_text(&w->cells[w->ncols + (size_t)(y - w->y0)], "1");
            }
            for (size_t k = 0; rows > 1 && j > 0 && k < ny; k++) {
                int32_t y = hyoka_indicator_year_at(ind, k);
                hyoka_decimal d;
                struct hyoka__rs_cell *c;
                if (y < w->y0 || (size_t)(y - w->y0) >= w->nyears ||
                    hyoka_indicator_value(ind, y, hyoka__rs_goal_values[j], &d) != 1)
                    continue;
                c = &w->cells[w->ncols + (size_t)(y - w->y0)];
                if (hyoka_decimal_format(&d, 0, c->num, sizeof c->num, &c->n) == HYOKA_OK)
                    c->s = c->num;
            }
            end_row(w);
        }
    }
}

/* 5-1: a block's row, then each recipient's row and its contracts' rows. */
static void spending_rows(struct writer *w, const hyoka_project *p)
{
    size_t nb = hyoka_project_record_count(p, HYOKA_RECORD_BLOCK);
    for (size_t i = 0; i < nb; i++) {
        const hyoka_record *b = hyoka_project_record_at(p, HYOKA_RECORD_BLOCK, i);
        size_t nr = hyoka_record_child_count(b, HYOKA_RECORD_RECIPIENT);
        begin_row(w);
        group_cells(w, b, 0, RS_ROW_BLOCK);
        record_keeps(w, b);
        end_row(w);
        for (size_t j = 0; j < nr; j++) {
            const hyoka_record *r = hyoka_record_child_at(b, HYOKA_RECORD_RECIPIENT, j);
            size_t nc = hyoka_record_child_count(r, HYOKA_RECORD_CONTRACT);
            begin_row(w);
            group_cells(w, b, 0, RS_ROW_RECIPIENT);
            group_cells(w, r, 1, RS_ROW_RECIPIENT);
            record_keeps(w, r);
            end_row(w);
            for (size_t k = 0; k < nc; k++) {
                const hyoka_record *c = hyoka_record_child_at(r, HYOKA_RECORD_CONTRACT, k);
                begin_row(w);
                group_cells(w, b, 0, RS_ROW_CONTRACT);
                group_cells(w, r, 1, RS_ROW_CONTRACT);
                group_cells(w, c, 2, RS_ROW_CONTRACT);
                record_keeps(w, c);
                end_row(w);
            }
        }
    }
}

static void project_rows(struct writer *w, const hyoka_project *p)
{
    size_t ne = hyoka_project_extension_count(p);

    w->nkeeps = 0;
    w->maxrow = 0;
    w->row = 0;
    for (size_t j = 0; j < ne; j++) {
        struct keep k;
        const char *key = NULL, *value = NULL;
        hyoka_project_extension_at(p, j, &key, &value);
        if (!key || !keep_key(w, key, &k))
            continue;
        if (hyoka__grow((void **)&w->keeps, &w->keepcap, w->nkeeps, sizeof *w->keeps) != HYOKA_OK) {
            fail(w);
            return;
        }
        k.value = value;
        w->keeps[w->nkeeps++] = k;
        w->maxrow = k.row + 1 > w->maxrow ? k.row + 1 : w->maxrow;
    }
    for (size_t c = 0; c < w->ncols; c++) {
        set_text(&w->own[c], NULL);
        if (w->t->cols[c].target <= RS_T_EVAL)
            hyoka__rs_project_cell(p, &w->t->cols[c], &w->own[c]);
    }
    switch (w->t->shape) {
    case RS_SHAPE_GOALS:
        goal_rows(w, p);
        break;
    case RS_SHAPE_SPENDING:
        spending_rows(w, p);
        break;
    default:
        records_rows(w, p);
        break;
    }
    /* at least one row, and every row a kept cell names */
    while (!w->failed && (w->row == 0 || w->row < w->maxrow)) {
        begin_row(w);
        end_row(w);
    }
}

int32_t hyoka__rs_year(const hyoka_portfolio *pf, const hyoka_rs_options *opt)
{
    const hyoka_project *p = hyoka_portfolio_project_at(pf, 0);
    const char *s = p ? hyoka_project_extension(p, RS_YEAR_KEY, HYOKA_NTS) : NULL;
    int64_t v;

    if (opt->year)
        return opt->year;
    return s && hyoka__rs_int(s, strlen(s), &v) && v >= 1868 && v <= 9999 ? (int32_t)v : 0;
}

void hyoka__rs_write_one(const hyoka_portfolio *pf, int table, const hyoka_rs_options *opt, struct hyoka__buf *o)
{
    struct writer w;
    size_t np = hyoka_portfolio_project_count(pf);

    memset(&w, 0, sizeof w);
    w.pf = pf;
    w.t = &hyoka__rs_tables[table];
    w.o = o;
    columns(&w, opt);
    if (!w.failed) {
        w.cells = hyoka__malloc(w.total * sizeof *w.cells);
        w.own = hyoka__malloc(w.ncols * sizeof *w.own);
        if (!w.cells || !w.own)
            fail(&w);
    }
    if (!w.failed) {
        header(&w);
        for (size_t i = 0; i < np && !w.failed && o->err == HYOKA_OK; i++)
            project_rows(&w, hyoka_portfolio_project_at(pf, i));
    }
    if (w.failed)
        hyoka__buf_fail(o, hyoka__nomem());
    hyoka__free(w.heads);
    hyoka__free(w.years);
    hyoka__strset_free(&w.extras);
    hyoka__free(w.extra);
    hyoka__free(w.cells);
    hyoka__free(w.own);
    hyoka__free(w.keeps);
    for (size_t g = 0; g < 4; g++)
        hyoka__free(w.list[g]);
    hyoka__free(w.parents);
}

int hyoka_rs_write_table(const hyoka_portfolio *portfolio, int table, const hyoka_rs_options *options, char **out,
                         size_t *len, hyoka_report *report)
{
    static const char fn[] = "hyoka_rs_write_table";
    hyoka_rs_options opt;
    struct hyoka__buf o;
    int rc;

    (void)report;
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    if (!portfolio || !out || !len)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL", fn, !portfolio ? "portfolio" : !out ? "out" : "len");
    if (table < 0 || table >= HYOKA_RS_TABLE_COUNT)
        return hyoka__fail(HYOKA_EINVAL, "%s: table %d is not a hyoka_rs_table", fn, table);
    rc = hyoka__rs_check_options(fn, options, &opt);
    if (rc != HYOKA_OK)
        return rc;
    hyoka__buf_init(&o);
    hyoka__rs_write_one(portfolio, table, &opt, &o);
    return hyoka__buf_take(&o, out, len);
}
