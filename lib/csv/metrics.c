/* The figures of a portfolio as CSV tables (hyoka_metrics_csv_write(),
 * docs/csv.md): one row per project and cost year, and one per indicator
 * and fiscal year, every figure followed by the reason it is unavailable.
 *
 * The rows are made one project at a time (hyoka__metrics_csv_project(),
 * a project and its sub-projects), so a writer can send each project's
 * rows on before computing the next; hyoka_metrics_csv_write() collects
 * them all. Text cells are neutralised and quoted as in the portfolio's
 * tables (record.c); in CP932 a cell CP932 cannot hold is V003. */
#include "csv_internal.h"
#include "report.h"
#include "cp932.h"

#include <stdio.h>

const char *const hyoka__metrics_csv_tables[HYOKA_METRICS_TABLE_COUNT] = {"metrics_years", "metrics_indicators"};

/* The indicator figures of the second table, in column order. */
static const int indicator_figures[] = {HYOKA_FIG_ACHIEVEMENT, HYOKA_FIG_CHANGE};

/* A project's place in its portfolio ("2.1": the second top-level
 * project's first sub-project, as in the portfolio's tables) while its
 * rows are written. */
#define KEY_MAX 256

/* ------------------------------------------------------------------------ */
/* Cells                                                                    */

static void sep(struct hyoka__metrics_csv *m)
{
    if (m->col++ > 0)
        hyoka__buf_putc(&m->o, ',');
}

static void row_end(struct hyoka__metrics_csv *m)
{
    hyoka__buf_put(&m->o, "\r\n", 2);
    m->row++;
    m->col = 0;
}

static void plain(struct hyoka__metrics_csv *m, const char *s)
{
    sep(m);
    if (s)
        hyoka__buf_puts(&m->o, s);
}

/* A text cell of @p p's (NULL: empty), checked for CP932. */
static void text(struct hyoka__metrics_csv *m, const hyoka_project *p, const char *s)
{
    size_t n, bad = 0;
    uint32_t cp = 0;
    int rc;

    sep(m);
    if (!s)
        return;
    n = strlen(s);
    if (m->encoding == HYOKA_ENCODING_CP932 && !hyoka__cp932_can_encode(s, n, &bad, &cp)) {
        if (m->bad++ == 0)
            snprintf(m->first, sizeof m->first,
                     "hyoka_metrics_csv_write: %s: row %lld, column %zu: U+%04lX cannot be written in CP932",
                     hyoka__metrics_csv_tables[m->table], (long long)m->row, m->col, (unsigned long)cp);
        if (m->report) {
            rc = hyoka__report_detail(m->report, "", m->row, (int64_t)m->col, HYOKA__V003,
                                      "%s: row %lld, column %zu (project %s): U+%04lX cannot be written in CP932",
                                      "%s 表 %lld 行 %zu 列 (事業 %s): U+%04lX は CP932 で書けない",
                                      hyoka__metrics_csv_tables[m->table], (long long)m->row, m->col,
                                      p->text[HYOKA_TEXT_CODE] ? p->text[HYOKA_TEXT_CODE] : "-", (unsigned long)cp);
            if (rc != HYOKA_OK)
                hyoka__buf_fail(&m->o, rc);
        }
    }
    hyoka__csv_put_text(&m->o, s, n);
}

static void integer(struct hyoka__metrics_csv *m, int64_t v)
{
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%lld", (long long)v);
    plain(m, tmp);
}

static void decimal(struct hyoka__metrics_csv *m, const hyoka_decimal *d)
{
    char tmp[HYOKA_DECIMAL_STRING_MAX];
    if (hyoka_decimal_format(d, 0, tmp, sizeof tmp, NULL) != HYOKA_OK) {
        hyoka__buf_fail(&m->o, HYOKA_EINVAL);
        return;
    }
    plain(m, tmp);
}

/* A figure from its computation, then its reason: the value and an empty
 * reason, or an empty value and the reason (overflow for HYOKA_ERANGE). */
static void figure(struct hyoka__metrics_csv *m, int rc, const hyoka_decimal *v, int reason)
{
    if (rc == HYOKA_OK) {
        decimal(m, v);
        plain(m, NULL);
        return;
    }
    if (rc == HYOKA_ERANGE)
        reason = HYOKA_REASON_OVERFLOW;
    else if (rc != HYOKA_EUNAVAILABLE)
        hyoka__buf_fail(&m->o, rc);
    plain(m, NULL);
    plain(m, hyoka_reason_name(reason));
}

/* ------------------------------------------------------------------------ */
/* Rows                                                                     */

static void header(struct hyoka__metrics_csv *m)
{
    static const char *const years[] = {"project", "code", "parent_code", "name", "fiscal_year", "phase"};
    static const char *const indicators[] = {"project", "code", "parent_code", "indicator", "kind", "name",
                                             "unit", "fiscal_year", "target", "actual", "forecast"};
    const char *const *cols = m->table == HYOKA_METRICS_YEARS ? years : indicators;
    size_t n = m->table == HYOKA_METRICS_YEARS ? COUNT_OF(years) : COUNT_OF(indicators);
    size_t nf = m->table == HYOKA_METRICS_YEARS ? HYOKA__YEAR_FIGURE_COUNT : COUNT_OF(indicator_figures);

    for (size_t i = 0; i < n; i++)
        plain(m, cols[i]);
    for (size_t f = 0; f < nf; f++) {
        const char *name = hyoka__figure_names[m->table == HYOKA_METRICS_YEARS ? (int)f : indicator_figures[f]];
        plain(m, name);
        sep(m);
        hyoka__buf_puts(&m->o, name);
        hyoka__buf_puts(&m->o, "_reason");
    }
    row_end(m);
}

/* The first cells of a project's rows. */
static void project_cells(struct hyoka__metrics_csv *m, const hyoka_project *p, const char *key)
{
    plain(m, key);
    text(m, p, p->text[HYOKA_TEXT_CODE]);
    text(m, p, p->parent ? p->parent->text[HYOKA_TEXT_CODE] : NULL);
}

static void year_rows(struct hyoka__metrics_csv *m, const hyoka_project *p, const char *key)
{
    hyoka__year_index_build(&m->years, p);
    for (size_t y = 0; y < p->years.count && m->o.err == HYOKA_OK; y++) {
        const hyoka_costs *c = p->years.items[y];
        project_cells(m, p, key);
        text(m, p, p->text[HYOKA_TEXT_NAME]);
        integer(m, c->fiscal_year);
        plain(m, c->phase == HYOKA_UNSET ? NULL : hyoka_enum_name(HYOKA_ENUM_PHASE, c->phase));
        for (int f = 0; f < HYOKA__YEAR_FIGURE_COUNT; f++) {
            hyoka_decimal v = {{0, 0}};
            int reason = HYOKA_REASON_NONE;
            int rc = hyoka__costs_figure_in(c, f, &m->years, &v, &reason);
            figure(m, rc, &v, reason);
        }
        row_end(m);
    }
}

static void indicator_rows(struct hyoka__metrics_csv *m, const hyoka_project *p, const char *key)
{
    for (size_t i = 0; i < p->indicators.count && m->o.err == HYOKA_OK; i++) {
        const hyoka_indicator *ind = p->indicators.items[i];
        for (size_t k = 0; k < ind->value_count; k++) {
            const struct hyoka__ivalue *iv = &ind->values[k];
            project_cells(m, p, key);
            integer(m, (int64_t)i + 1);
            plain(m, ind->kind == HYOKA_UNSET ? NULL : hyoka_enum_name(HYOKA_ENUM_INDICATOR_KIND, ind->kind));
            text(m, p, ind->text[HYOKA_INDICATOR_NAME]);
            text(m, p, ind->text[HYOKA_INDICATOR_UNIT]);
            integer(m, iv->fiscal_year);
            for (int f = HYOKA_VALUE_TARGET; f <= HYOKA_VALUE_FORECAST; f++) {
                if (iv->present & (1u << f))
                    decimal(m, &iv->v[f]);
                else
                    plain(m, NULL);
            }
            for (size_t f = 0; f < COUNT_OF(indicator_figures); f++) {
                hyoka_decimal v = {{0, 0}};
                int reason = HYOKA_REASON_NONE;
                int rc = hyoka__indicator_figure(ind, iv->fiscal_year, indicator_figures[f], &v, &reason);
                figure(m, rc, &v, reason);
            }
            row_end(m);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* One project at a time                                                    */

void hyoka__metrics_csv_begin(struct hyoka__metrics_csv *m, int table, int encoding, hyoka_report *report)
{
    memset(m, 0, sizeof *m);
    hyoka__buf_init(&m->o);
    m->table = table;
    m->encoding = encoding;
    m->report = report;
    m->row = 1;
    if (encoding == HYOKA_ENCODING_UTF8_BOM)
        hyoka__buf_put(&m->o, "\xEF\xBB\xBF", 3);
    header(m);
}

struct frame {
    const hyoka_project *p;
    size_t next;     /* the next child to write */
    size_t key_len;  /* of the project's key */
};

void hyoka__metrics_csv_project(struct hyoka__metrics_csv *m, const hyoka_project *root, size_t position)
{
    struct frame *st = NULL;
    size_t depth = 0, cap = 0;
    char key[KEY_MAX];
    int n = snprintf(key, sizeof key, "%zu", position + 1);

    /* A project, then its sub-projects depth first, without recursion. */
    if (hyoka__grow((void **)&st, &cap, depth, sizeof *st) != HYOKA_OK) {
        hyoka__buf_fail(&m->o, HYOKA_ENOMEM);
        return;
    }
    st[depth++] = (struct frame){root, 0, (size_t)n};
    if (m->table == HYOKA_METRICS_YEARS)
        year_rows(m, root, key);
    else
        indicator_rows(m, root, key);
    while (depth > 0 && m->o.err == HYOKA_OK) {
        struct frame *top = &st[depth - 1];
        const hyoka_project *child;
        size_t len = top->key_len;

        if (top->next == top->p->children.count) {
            depth--;
            continue;
        }
        child = top->p->children.items[top->next++];
        n = snprintf(key + len, len < sizeof key ? sizeof key - len : 0, ".%zu", top->next);
        len = n > 0 && len + (size_t)n < sizeof key ? len + (size_t)n : sizeof key - 1;
        if (m->table == HYOKA_METRICS_YEARS)
            year_rows(m, child, key);
        else
            indicator_rows(m, child, key);
        if (hyoka__grow((void **)&st, &cap, depth, sizeof *st) != HYOKA_OK) {
            hyoka__buf_fail(&m->o, HYOKA_ENOMEM);
            break;
        }
        st[depth++] = (struct frame){child, 0, len};
        key[len] = '\0';
    }
    hyoka__free(st);
}

int hyoka__metrics_csv_status(const struct hyoka__metrics_csv *m)
{
    if (m->o.err == HYOKA_OK && m->bad > 0)
        return hyoka__fail(HYOKA_EENCODING, "%s", m->first);
    return m->o.err;
}

int hyoka__metrics_csv_end(struct hyoka__metrics_csv *m, char **out, size_t *len)
{
    int rc = hyoka__metrics_csv_status(m);

    hyoka__year_index_release(&m->years);
    if (rc != HYOKA_OK) {
        hyoka__buf_free(&m->o);
        return rc;
    }
    if (m->encoding == HYOKA_ENCODING_CP932) {
        rc = hyoka_cp932_encode(hyoka__buf_str(&m->o), m->o.len, out, len, NULL);
        hyoka__buf_free(&m->o);
        return rc;
    }
    return hyoka__buf_take(&m->o, out, len);
}

/* ------------------------------------------------------------------------ */
/* Public                                                                   */

static int write_table(const hyoka_portfolio *pf, int table, const hyoka_csv_options *opt, char **out, size_t *len,
                       hyoka_report *report)
{
    struct hyoka__metrics_csv m;

    hyoka__metrics_csv_begin(&m, table, opt->encoding, report);
    for (size_t i = 0; i < pf->projects.count && m.o.err == HYOKA_OK; i++)
        hyoka__metrics_csv_project(&m, pf->projects.items[i], i);
    return hyoka__metrics_csv_end(&m, out, len);
}

int hyoka_metrics_csv_write(const hyoka_portfolio *portfolio, int table, const hyoka_csv_options *options,
                            char **out, size_t *len, hyoka_report *report)
{
    hyoka_csv_options opt;
    int rc;

    HYOKA__CHECK_NULL(portfolio);
    HYOKA__CHECK_NULL(out);
    HYOKA__CHECK_NULL(len);
    *out = NULL;
    *len = 0;
    if (table < 0 || table >= HYOKA_METRICS_TABLE_COUNT)
        return hyoka__fail(HYOKA_EINVAL, "%s: table %d is not a hyoka_metrics_table", __func__, table);
    rc = hyoka__csv_writer_options(__func__, options, &opt, report);
    if (rc != HYOKA_OK)
        return rc;
    return write_table(portfolio, table, &opt, out, len, report);
}

int hyoka_metrics_csv_write_dir(const hyoka_portfolio *portfolio, const char *dir, const hyoka_csv_options *options,
                                hyoka_report *report)
{
    hyoka_csv_options opt;
    char *bufs[HYOKA_METRICS_TABLE_COUNT] = {0};
    size_t lens[HYOKA_METRICS_TABLE_COUNT] = {0};
    int rc;

    HYOKA__CHECK_NULL(portfolio);
    HYOKA__CHECK_NULL(dir);
    rc = hyoka__csv_writer_options(__func__, options, &opt, report);
    if (rc != HYOKA_OK)
        return rc;
    for (int t = 0; t < HYOKA_METRICS_TABLE_COUNT && rc == HYOKA_OK; t++)
        rc = write_table(portfolio, t, &opt, &bufs[t], &lens[t], report);
    if (rc == HYOKA_OK)
        rc = hyoka__csv_write_files(__func__, dir, &opt, HYOKA_METRICS_TABLE_COUNT, hyoka__metrics_csv_tables, bufs,
                                    lens);
    for (int t = 0; t < HYOKA_METRICS_TABLE_COUNT; t++)
        hyoka__free(bufs[t]);
    return rc;
}
