/* The CSV writer: one table of a portfolio (docs/csv.md).
 *
 * Writing walks the model and emits the table into a growable buffer (an
 * allocation failure is remembered and every later write does nothing).
 * Text cells go through formula neutralisation and RFC 4180 quoting
 * (record.c); numbers, enumeration names, fiscal years and dates are
 * written plain. In CP932 every text cell is checked first: a character
 * CP932 cannot hold is a V003 diagnostic naming the cell, and nothing is
 * written. */
#include "csv_internal.h"
#include "report.h"
#include "cp932.h"
#include "util/jsonptr.h"

#include <stdio.h>
#include <string.h>

#define HAS(bits, field) (((bits) >> (unsigned)(field)) & 1u)

/* ------------------------------------------------------------------------ */
/* Projects in document order                                               */

struct pent {
    const hyoka_project *p;
    size_t key_off, key_len; /* "2.1" in plist.text */
    size_t ptr_off, ptr_len; /* "/projects/1/children/0" */
};

struct plist {
    struct pent *items;
    size_t count, cap;
    struct hyoka__buf text;
};

static void plist_free(struct plist *l)
{
    hyoka__free(l->items);
    hyoka__buf_free(&l->text);
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
            if (hyoka__buf_reserve(&l->text, pe->key_len + pe->ptr_len)) {
                /* the buffer may move: copy from offsets after reserving */
                memmove(l->text.data + l->text.len, l->text.data + pe->key_off, pe->key_len);
                l->text.len += pe->key_len;
                hyoka__buf_putc(&l->text, '.');
            }
        }
        hyoka__buf_put_uint(&l->text, i + 1);
        e.key_len = l->text.len - e.key_off;
        e.ptr_off = l->text.len;
        if (parent != SIZE_MAX) {
            const struct pent *pe = &l->items[parent];
            if (hyoka__buf_reserve(&l->text, pe->ptr_len)) {
                memmove(l->text.data + l->text.len, l->text.data + pe->ptr_off, pe->ptr_len);
                l->text.len += pe->ptr_len;
                hyoka__buf_puts(&l->text, "/children/");
            }
        } else {
            hyoka__buf_puts(&l->text, "/projects/");
        }
        hyoka__buf_put_uint(&l->text, i);
        rc = l->text.err;
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
/* Cells                                                                    */

struct wr {
    struct hyoka__buf o;      /* the table; o.err: the first failure */
    const hyoka_portfolio *pf;
    const struct hyoka__csv_table *t;
    int encoding;
    hyoka_report *report;
    int64_t row;              /* current row, 1 = header */
    size_t col;               /* cells written in the current row */
    struct hyoka__buf item;            /* JSON pointer of the current row's item */
    const struct hyoka__csv_col *cols; /* columns of the current row (schemes: varies) */
    bool scheme_row;          /* a scheme's own row: label is its name */
    size_t bad;               /* cells CP932 cannot hold */
    char first[HYOKA__CSV_FIRST_MAX]; /* message of the first of them */
    size_t *occ;              /* year_index of each cost year of occ_of */
    size_t occ_cap;
    const hyoka_project *occ_of;
    struct hyoka__year_index years; /* occ_of's years by fiscal year */
};

static void w_fail(struct wr *w, int rc)
{
    if (rc != HYOKA_OK)
        hyoka__buf_fail(&w->o, rc);
}

static void w_put(struct wr *w, const char *s, size_t n)
{
    hyoka__buf_put(&w->o, s, n);
}

/* The item pointer (its failures are the table's, checked at the end). */
static void w_item(struct wr *w, const char *ptr, size_t n)
{
    w->item.len = 0;
    hyoka__buf_put(&w->item, ptr, n);
}

static void w_item_cat(struct wr *w, const char *s)
{
    hyoka__buf_puts(&w->item, s);
}

static void w_item_idx(struct wr *w, size_t i)
{
    hyoka__buf_put_uint(&w->item, i);
}

static void w_item_token(struct wr *w, const char *s)
{
    (void)hyoka__jsonptr_key(&w->item, s, strlen(s));
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
    struct hyoka__buf path;
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
    hyoka__buf_init(&path);
    hyoka__buf_put(&path, hyoka__buf_str(&w->item), w->item.len);
    hyoka__buf_puts(&path, sub);
    rc = path.err;
    if (rc == HYOKA_OK)
        rc = hyoka__report_detail(w->report, hyoka__buf_str(&path), w->row, (int64_t)w->col, HYOKA__V003,
                                "%s: row %lld, column %zu (%s): U+%04lX '%s' cannot be written in CP932",
                                "%s 表 %lld 行 %zu 列 (%s): U+%04lX「%s」は CP932 で書けない", w->t->name,
                                (long long)w->row, w->col, colname, (unsigned long)cp, ch);
    hyoka__buf_free(&path);
    w_fail(w, rc);
}

/* A text cell: NULL is missing (an empty cell), "" is written "". */
static void w_text(struct wr *w, const char *s)
{
    size_t n;

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
    hyoka__csv_put_text(&w->o, s, n);
}

static void w_int(struct wr *w, int64_t v)
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%lld", (long long)v);
    w_plain(w, tmp, (size_t)n);
}

/* The number, or an empty cell when not @p has. */
static void w_int_if(struct wr *w, bool has, int64_t v)
{
    if (has)
        w_int(w, v);
    else
        w_missing(w);
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

/* The decimal, or an empty cell when not @p has. */
static void w_decimal_if(struct wr *w, bool has, const hyoka_decimal *d)
{
    if (has)
        w_decimal(w, d);
    else
        w_missing(w);
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
    w_item(w, l->text.data + e->ptr_off, e->ptr_len);
    w_plain(w, l->text.data + e->key_off, e->key_len);
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
    if (pf->achievement_rule != HYOKA_ACHIEVEMENT_BY_DIRECTION) { /* (a row only when not the default) */
        w_doc_row(w, "achievement_rule", "/achievement_rule");
        w_enum(w, HYOKA_ENUM_ACHIEVEMENT_RULE, pf->achievement_rule);
        w_row_end(w);
    }
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
        if (hyoka__is_per_head_figure(f)) {
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
        w_int_if(w, d->present & 1u, d->population);
        w_int_if(w, d->present & 2u, d->households);
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
            default: w_text(w, p->text[hyoka__csv_project_text_of[c]]); break;
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

/* Number each cost year of @p p among the years of its fiscal year, in
 * project order (1 for the first), into w->occ. The project's year index
 * (figures.c: its years sorted by fiscal year and position) gives them in
 * one walk, so that a project of many years of one fiscal year is written
 * in n log n; a project too small to be indexed is counted directly. */
static void year_occurrences(struct wr *w, const hyoka_project *p)
{
    size_t n = p->years.count;

    if (w->occ_of == p || w->o.err != HYOKA_OK)
        return;
    w->occ_of = NULL;
    if (n > w->occ_cap) {
        size_t *no = hyoka__realloc_array(w->occ, n, sizeof *no);
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
    w_int_if(w, occ > 1, (int64_t)occ);
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
                w_decimal_if(w, has, has ? &c->st->value[f] : NULL);
                if (f < STATED_WITH_UNIT) {
                    if (has && c->st->unit[f] != hyoka__implied_unit(w->pf, w->pf->amount_unit, f))
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
                    w_decimal_if(w, HAS(s->present, f), &s->dec[f]);
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
            w_decimal_if(w, ind->has_long_term, &ind->long_term);
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
                    w_decimal_if(w, HAS(v->present, f), &v->v[f]);
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
    w_plain(w, hyoka__csv_element_names[element], strlen(hyoka__csv_element_names[element]));
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

/* Start a row of the schemes table: @p r cleared, the item the pointer
 * /schemes/@p i followed by @p member. */
static void scheme_item(struct wr *w, struct srow *r, size_t i, const char *member)
{
    memset(r, 0, sizeof *r);
    w_item(w, "/schemes/", 9);
    w_item_idx(w, i);
    w_item_cat(w, member);
}

static void write_schemes(struct wr *w)
{
    const hyoka_portfolio *pf = w->pf;
    for (size_t i = 0; i < pf->schemes.count; i++) {
        const hyoka_scheme *s = pf->schemes.items[i];
        struct srow r;

        scheme_item(w, &r, i, "");
        r.text[SC_LABEL] = s->name;
        w_scheme_row(w, s, EL_SCHEME, &r);
        for (size_t j = 0; j < s->criterion_count; j++) {
            const struct hyoka__criterion *c = &s->criteria[j];
            scheme_item(w, &r, i, "/criteria/");
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
                scheme_item(w, &r, i, "/criteria/");
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
            scheme_item(w, &r, i, "/verdicts/");
            w_item_idx(w, j);
            r.text[SC_CODE] = v->code;
            r.text[SC_LABEL] = v->label;
            r.plain[SC_GROUP] = hyoka_enum_name(HYOKA_ENUM_VERDICT_GROUP, v->group);
            w_scheme_row(w, s, EL_VERDICT, &r);
        }
        for (size_t j = 0; j < s->budget_count; j++) {
            const struct hyoka__budget *b = &s->budgets[j];
            scheme_item(w, &r, i, "/budget_directions/");
            w_item_idx(w, j);
            r.text[SC_CODE] = b->code;
            r.text[SC_LABEL] = b->label;
            r.plain[SC_KIND] = hyoka_enum_name(HYOKA_ENUM_BUDGET_KIND, b->kind);
            w_scheme_row(w, s, EL_BUDGET, &r);
        }
        for (size_t j = 0; j < s->band_count; j++) {
            const struct hyoka__band *b = &s->bands[j];
            scheme_item(w, &r, i, "/rating/bands/");
            w_item_idx(w, j);
            r.dec[SC_MIN] = &b->min;
            r.text[SC_CODE] = b->code;
            r.text[SC_LABEL] = b->label;
            w_scheme_row(w, s, EL_BAND, &r);
        }
        if (s->missing_code) {
            scheme_item(w, &r, i, "/rating/missing");
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
    w->t = &hyoka__csv_tables[table];
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
    if (w->item.err != HYOKA_OK)
        w_fail(w, w->item.err);
    return w->o.err;
}

int hyoka__csv_write_one(const hyoka_portfolio *pf, int table, const hyoka_csv_options *opt, hyoka_report *report,
                         char **out, size_t *len, char *first, size_t first_size)
{
    struct wr w;
    int rc;

    memset(&w, 0, sizeof w);
    w.pf = pf;
    w.encoding = opt->encoding;
    w.report = report;
    rc = write_table_utf8(&w, table);
    hyoka__buf_free(&w.item);
    hyoka__free(w.occ);
    hyoka__year_index_release(&w.years);
    if (rc == HYOKA_OK && w.bad > 0) {
        if (first && first_size)
            hyoka__csv_copy_message(first, first_size, w.first);
        hyoka__buf_free(&w.o);
        return HYOKA_EENCODING;
    }
    if (rc != HYOKA_OK) {
        hyoka__buf_free(&w.o);
        return rc;
    }
    if (w.encoding == HYOKA_ENCODING_CP932) {
        char *enc = NULL;
        size_t n = 0;
        rc = hyoka_cp932_encode(hyoka__buf_str(&w.o), w.o.len, &enc, &n, NULL);
        hyoka__buf_free(&w.o);
        if (rc != HYOKA_OK)
            return rc;
        *out = enc;
        *len = n;
        return HYOKA_OK;
    }
    return hyoka__buf_take(&w.o, out, len);
}

int hyoka_csv_write_table(const hyoka_portfolio *portfolio, int table, const hyoka_csv_options *options, char **out,
                          size_t *len, hyoka_report *report)
{
    hyoka_csv_options opt;
    char first[HYOKA__CSV_FIRST_MAX];
    int rc;

    HYOKA__CHECK_NULL(portfolio);
    HYOKA__CHECK_NULL(out);
    HYOKA__CHECK_NULL(len);
    *out = NULL;
    *len = 0;
    if (table < 0 || table >= HYOKA_CSV_TABLE_COUNT)
        return hyoka__fail(HYOKA_EINVAL, "%s: table %d is not a hyoka_csv_table", __func__, table);
    rc = hyoka__csv_writer_options(__func__, options, &opt, report);
    if (rc != HYOKA_OK)
        return rc;
    first[0] = '\0';
    rc = hyoka__csv_write_one(portfolio, table, &opt, report, out, len, first, sizeof first);
    if (rc == HYOKA_EENCODING)
        return hyoka__fail(HYOKA_EENCODING, "%s", first);
    return rc;
}
