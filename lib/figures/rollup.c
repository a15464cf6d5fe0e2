/* figures: the portfolio roll-ups (hyoka_rollup_new(): money figures
 * summed by fiscal year, department, policy or verdict) and rankings
 * (hyoka_ranking_new(): projects ordered by a figure), built on the figures
 * of year.c and outcome.c. */
#include "figures/internal.h"
#include "hyoka/figures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__extension__ typedef __int128 i128;

/* ------------------------------------------------------------------------ */
/* Roll-ups                                                                  */

struct rollup_row {
    char *key;
    size_t projects;
    int64_t total[HYOKA__MONEY_FIGURE_COUNT];
};

struct hyoka_rollup {
    struct rollup_row *rows;
    size_t count;
};

/* One contribution before grouping: a cost year (by fiscal year) or a
 * project's cost years in scope (other groupings). */
struct rollup_entry {
    char *key;            /* owned; NULL for fiscal-year grouping */
    int32_t year;         /* fiscal-year grouping */
    size_t project;       /* index of the top-level project */
    size_t seq;           /* position, for a stable sort */
    i128 total[HYOKA__MONEY_FIGURE_COUNT];
};

static int cmp_entry_year(const void *pa, const void *pb)
{
    const struct rollup_entry *a = pa, *b = pb;
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    return (a->seq > b->seq) - (a->seq < b->seq);
}

static int cmp_entry_key(const void *pa, const void *pb)
{
    const struct rollup_entry *a = pa, *b = pb;
    int c = strcmp(a->key, b->key);
    if (c != 0)
        return c < 0 ? -1 : 1;
    return (a->seq > b->seq) - (a->seq < b->seq);
}

static char *dup_str(const char *s)
{
    return hyoka__strndup(s, strlen(s));
}

/* The policy key of a project: the codes (or names) of its first @p depth
 * levels joined by "/". */
static char *policy_key(const hyoka_project *p, int depth)
{
    const struct hyoka__class_path *path = &p->cls[HYOKA_CLASS_POLICY];
    size_t n = path->count < (size_t)depth ? path->count : (size_t)depth;
    size_t len = 0, at = 0;
    char *key;

    for (size_t i = 0; i < n; i++) {
        const char *part = path->items[i].code ? path->items[i].code : path->items[i].name;
        len += (part ? strlen(part) : 0) + (i > 0);
    }
    key = hyoka__malloc(len + 1);
    if (!key)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        const char *part = path->items[i].code ? path->items[i].code : path->items[i].name;
        size_t k = part ? strlen(part) : 0;
        if (i > 0)
            key[at++] = '/';
        if (k)
            memcpy(key + at, part, k);
        at += k;
    }
    key[at] = '\0';
    return key;
}

static char *group_key(const hyoka_project *p, int group_by, int depth)
{
    const char *k = "";

    if (group_by == HYOKA_GROUP_POLICY)
        return policy_key(p, depth);
    if (group_by == HYOKA_GROUP_DEPARTMENT) {
        if (p->text[HYOKA_TEXT_DEPARTMENT])
            k = p->text[HYOKA_TEXT_DEPARTMENT];
    } else { /* HYOKA_GROUP_VERDICT */
        const hyoka_evaluation *e = hyoka__final_evaluation(p);
        if (e && e->text[HYOKA_EVAL_VERDICT])
            k = e->text[HYOKA_EVAL_VERDICT];
    }
    return dup_str(k);
}

/* Add the money figures of @p c to @p total; unavailable figures add nothing. */
static int add_year_totals(const hyoka_costs *c, i128 *total)
{
    for (int f = 0; f < HYOKA__MONEY_FIGURE_COUNT; f++) {
        int64_t v = 0;
        int why = HYOKA_REASON_NONE;
        int rc = hyoka__costs_money(c, f, &v, &why);
        if (rc == HYOKA_EUNAVAILABLE)
            continue;
        if (rc != HYOKA_OK)
            return rc;
        total[f] += v;
    }
    return HYOKA_OK;
}

static void free_entries(struct rollup_entry *entries, size_t n)
{
    if (!entries)
        return;
    for (size_t i = 0; i < n; i++)
        hyoka__free(entries[i].key);
    hyoka__free(entries);
}

void hyoka_rollup_free(hyoka_rollup *rollup)
{
    if (!rollup)
        return;
    for (size_t i = 0; i < rollup->count; i++)
        hyoka__free(rollup->rows[i].key);
    hyoka__free(rollup->rows);
    hyoka__free(rollup);
}

/* Number of entries the roll-up will make (an upper bound is fine). */
static size_t count_entries(const hyoka_portfolio *pf, int group_by, int32_t fiscal_year)
{
    size_t n = 0;

    for (size_t i = 0; i < pf->projects.count; i++) {
        const hyoka_project *p = pf->projects.items[i];
        if (group_by == HYOKA_GROUP_FISCAL_YEAR) {
            for (size_t j = 0; j < p->years.count; j++) {
                const hyoka_costs *c = p->years.items[j];
                if (fiscal_year == 0 || c->fiscal_year == fiscal_year)
                    n++;
            }
        } else {
            n++;
        }
    }
    return n;
}

static int fill_entries(const hyoka_portfolio *pf, int group_by, int depth, int32_t fiscal_year,
                        struct rollup_entry *entries, size_t *count)
{
    size_t n = 0;
    int rc;

    for (size_t i = 0; i < pf->projects.count; i++) {
        const hyoka_project *p = pf->projects.items[i];

        if (group_by == HYOKA_GROUP_FISCAL_YEAR) {
            for (size_t j = 0; j < p->years.count; j++) {
                const hyoka_costs *c = p->years.items[j];
                struct rollup_entry *e;
                if (fiscal_year != 0 && c->fiscal_year != fiscal_year)
                    continue;
                e = &entries[n];
                memset(e, 0, sizeof *e);
                e->year = c->fiscal_year;
                e->project = i;
                e->seq = n;
                n++;
                *count = n;
                rc = add_year_totals(c, e->total);
                if (rc != HYOKA_OK)
                    return rc;
            }
        } else {
            struct rollup_entry *e = &entries[n];
            size_t in_scope = 0;

            memset(e, 0, sizeof *e);
            e->project = i;
            e->seq = n;
            for (size_t j = 0; j < p->years.count; j++) {
                const hyoka_costs *c = p->years.items[j];
                if (fiscal_year != 0 && c->fiscal_year != fiscal_year)
                    continue;
                in_scope++;
                rc = add_year_totals(c, e->total);
                if (rc != HYOKA_OK)
                    return rc;
            }
            /* With a fiscal year, only projects with a cost year of that
             * year take part; without one, every top-level project does. */
            if (fiscal_year != 0 && in_scope == 0)
                continue;
            e->key = group_key(p, group_by, depth);
            if (!e->key)
                return hyoka__nomem();
            n++;
            *count = n;
        }
    }
    return HYOKA_OK;
}

static int check_total(i128 v, int figure, const char *key)
{
    if (v < (i128)INT64_MIN || v > (i128)INT64_MAX)
        return hyoka__fail(HYOKA_ERANGE, "hyoka_rollup_new: the %s total of group \"%s\" overflows 64-bit yen",
                           hyoka__figure_names[figure], key);
    return HYOKA_OK;
}

int hyoka_rollup_new(hyoka_rollup **out, const hyoka_portfolio *portfolio, int group_by, int depth,
                     int32_t fiscal_year)
{
    struct rollup_entry *entries = NULL;
    hyoka_rollup *r = NULL;
    size_t cap, n = 0;
    int rc;

    HYOKA__CHECK_NULL(out);
    HYOKA__CHECK_NULL(portfolio);
    HYOKA__CHECK_ENUM(group_by, GROUP_BY);
    if (group_by == HYOKA_GROUP_POLICY && depth < 1)
        return hyoka__fail(HYOKA_EINVAL, "%s: policy depth %d (must be 1 or more)", __func__, depth);
    if (fiscal_year != 0 && (fiscal_year < HYOKA__YEAR_MIN || fiscal_year > HYOKA__YEAR_MAX))
        return hyoka__fail(HYOKA_EINVAL, "%s: fiscal_year %ld is outside %d..%d (0 for all)", __func__,
                           (long)fiscal_year, HYOKA__YEAR_MIN, HYOKA__YEAR_MAX);

    r = hyoka__calloc(1, sizeof *r);
    if (!r)
        return hyoka__nomem();
    cap = count_entries(portfolio, group_by, fiscal_year);
    if (cap > 0) {
        entries = hyoka__calloc(cap, sizeof *entries);
        if (!entries) {
            rc = hyoka__nomem();
            goto fail;
        }
        rc = fill_entries(portfolio, group_by, depth, fiscal_year, entries, &n);
        if (rc != HYOKA_OK)
            goto fail;
    }
    if (n > 0) {
        r->rows = hyoka__calloc(n, sizeof *r->rows);
        if (!r->rows) {
            rc = hyoka__nomem();
            goto fail;
        }
        qsort(entries, n, sizeof *entries, group_by == HYOKA_GROUP_FISCAL_YEAR ? cmp_entry_year : cmp_entry_key);
    }

    for (size_t i = 0; i < n;) {
        struct rollup_row *row = &r->rows[r->count];
        i128 sum[HYOKA__MONEY_FIGURE_COUNT] = {0};
        size_t j = i;

        if (group_by == HYOKA_GROUP_FISCAL_YEAR) {
            char buf[16];
            snprintf(buf, sizeof buf, "%ld", (long)entries[i].year);
            row->key = dup_str(buf);
            if (!row->key) {
                rc = hyoka__nomem();
                goto fail;
            }
        } else {
            row->key = entries[i].key;
            entries[i].key = NULL;
        }
        r->count++;
        for (; j < n; j++) {
            const struct rollup_entry *e = &entries[j];
            if (group_by == HYOKA_GROUP_FISCAL_YEAR ? e->year != entries[i].year
                                                    : (e->key && strcmp(e->key, row->key) != 0))
                break;
            if (j == i || e->project != entries[j - 1].project)
                row->projects++;
            for (int f = 0; f < HYOKA__MONEY_FIGURE_COUNT; f++)
                sum[f] += e->total[f]; /* at most 2^63 per entry: cannot wrap */
        }
        for (int f = 0; f < HYOKA__MONEY_FIGURE_COUNT; f++) {
            rc = check_total(sum[f], f, row->key);
            if (rc != HYOKA_OK)
                goto fail;
            row->total[f] = (int64_t)sum[f];
        }
        i = j;
    }
    free_entries(entries, n);
    *out = r;
    return HYOKA_OK;

fail:
    free_entries(entries, n);
    hyoka_rollup_free(r);
    return rc;
}

size_t hyoka_rollup_count(const hyoka_rollup *rollup)
{
    return rollup ? rollup->count : 0;
}

const char *hyoka_rollup_key(const hyoka_rollup *rollup, size_t row)
{
    if (!rollup || row >= rollup->count)
        return NULL;
    return rollup->rows[row].key;
}

size_t hyoka_rollup_projects(const hyoka_rollup *rollup, size_t row)
{
    if (!rollup || row >= rollup->count)
        return 0;
    return rollup->rows[row].projects;
}

int hyoka_rollup_total(const hyoka_rollup *rollup, size_t row, int figure, int64_t *out)
{
    HYOKA__CHECK_NULL(rollup);
    HYOKA__CHECK_NULL(out);
    HYOKA__CHECK_ENUM_SUBSET(figure, FIGURE, hyoka__is_money_figure(figure),
                             "a money figure (expense..specific_revenue)");
    HYOKA__CHECK_INDEX(row, rollup->count, "rows");
    *out = rollup->rows[row].total[figure];
    return HYOKA_OK;
}

/* ------------------------------------------------------------------------ */
/* Rankings                                                                  */

struct rank_entry {
    hyoka_project *project;
    hyoka_decimal value;
    int reason; /* HYOKA_REASON_NONE when available */
    size_t seq;
};

struct hyoka_ranking {
    struct rank_entry *items;
    size_t count;
};

static int cmp_rank(const struct rank_entry *a, const struct rank_entry *b, int descending)
{
    int ua = a->reason != HYOKA_REASON_NONE, ub = b->reason != HYOKA_REASON_NONE;

    if (ua != ub)
        return ua ? 1 : -1;
    if (!ua) {
        int c = hyoka_decimal_cmp(&a->value, &b->value);
        if (c != 0)
            return descending ? -c : c;
    }
    return (a->seq > b->seq) - (a->seq < b->seq);
}

static int cmp_rank_asc(const void *a, const void *b)
{
    return cmp_rank(a, b, 0);
}

static int cmp_rank_desc(const void *a, const void *b)
{
    return cmp_rank(a, b, 1);
}

static int rank_value(const hyoka_project *p, int figure, int32_t fiscal_year, struct rank_entry *e)
{
    int why = HYOKA_REASON_NONE;
    int rc;

    if (figure == HYOKA_FIG_SCORE) {
        const hyoka_evaluation *ev = hyoka__final_evaluation(p);
        if (!ev) {
            e->reason = HYOKA_REASON_NO_SCORES;
            return HYOKA_OK;
        }
        rc = hyoka__score(ev, &e->value, &why);
    } else {
        size_t i = hyoka__year_find(p, NULL, fiscal_year); /* the first of that year */
        if (i == p->years.count) {
            e->reason = HYOKA_REASON_NO_YEAR;
            return HYOKA_OK;
        }
        rc = hyoka__year_figure(p->years.items[i], figure, NULL, NULL, &e->value, &why);
    }
    if (rc == HYOKA_EUNAVAILABLE) {
        e->reason = why;
        return HYOKA_OK;
    }
    return rc;
}

int hyoka_ranking_new(hyoka_ranking **out, const hyoka_portfolio *portfolio, int figure, int32_t fiscal_year,
                      int descending)
{
    hyoka_ranking *r;
    size_t n;
    int rc;

    HYOKA__CHECK_NULL(out);
    HYOKA__CHECK_NULL(portfolio);
    HYOKA__CHECK_ENUM_SUBSET(figure, FIGURE, hyoka__is_year_figure(figure) || figure == HYOKA_FIG_SCORE,
                             "a cost-year figure (expense..total_cost_change) or score");
    r = hyoka__calloc(1, sizeof *r);
    if (!r)
        return hyoka__nomem();
    n = portfolio->projects.count;
    if (n > 0) {
        r->items = hyoka__calloc(n, sizeof *r->items);
        if (!r->items) {
            rc = hyoka__nomem();
            goto fail;
        }
    }
    for (size_t i = 0; i < n; i++) {
        struct rank_entry *e = &r->items[i];
        e->project = portfolio->projects.items[i];
        e->value = hyoka_decimal_from_int(0);
        e->reason = HYOKA_REASON_NONE;
        e->seq = i;
        rc = rank_value(e->project, figure, fiscal_year, e);
        if (rc != HYOKA_OK)
            goto fail;
    }
    r->count = n;
    if (n > 1)
        qsort(r->items, n, sizeof *r->items, descending ? cmp_rank_desc : cmp_rank_asc);
    *out = r;
    return HYOKA_OK;

fail:
    hyoka_ranking_free(r);
    return rc;
}

void hyoka_ranking_free(hyoka_ranking *ranking)
{
    if (!ranking)
        return;
    hyoka__free(ranking->items);
    hyoka__free(ranking);
}

size_t hyoka_ranking_count(const hyoka_ranking *ranking)
{
    return ranking ? ranking->count : 0;
}

int hyoka_ranking_at(const hyoka_ranking *ranking, size_t index, hyoka_project **project, hyoka_decimal *value,
                     int *reason)
{
    const struct rank_entry *e;

    HYOKA__CHECK_NULL(ranking);
    HYOKA__CHECK_INDEX(index, ranking->count, "entries");
    e = &ranking->items[index];
    if (project)
        *project = e->project;
    if (reason)
        *reason = e->reason;
    if (e->reason != HYOKA_REASON_NONE) {
        const char *code = e->project->text[HYOKA_TEXT_CODE];
        return hyoka__fail(HYOKA_EUNAVAILABLE, "%s: entry %zu (project %s) is unavailable: %s", __func__, index,
                           code ? code : "without code", hyoka__reason_en[e->reason]);
    }
    if (value)
        *value = e->value;
    return HYOKA_OK;
}
