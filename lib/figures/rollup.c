/* figures: the portfolio roll-ups (hyoka_rollup_start() and
 * hyoka_rollup_add(), or hyoka_rollup_new() for a whole portfolio: money
 * figures summed by fiscal year, department, policy or verdict) and
 * rankings (hyoka_ranking_start() and hyoka_ranking_add(), or
 * hyoka_ranking_new(): projects ordered by a figure), built on the figures
 * of year.c and outcome.c. Both take one top-level project at a time, so
 * that a stream's projects can be released as they go. */
#include "figures/internal.h"
#include "hyoka/figures.h"
#include "util/containers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__extension__ typedef __int128 i128;

/* ------------------------------------------------------------------------ */
/* Roll-ups                                                                  */

/* A group. The sums are exact: each add brings at most a project's cost
 * years of figures below 2^63, so a sum would need more than 2^50 adds to
 * leave the range of i128. Whether a total fits in 64-bit yen is decided
 * when it is read. */
struct rollup_row {
    char *key;
    int32_t year; /* fiscal-year grouping */
    size_t projects;
    i128 sum[HYOKA__MONEY_FIGURE_COUNT];
    unsigned overflow; /* bit f: a figure f in the total overflowed */
};

struct hyoka_rollup {
    struct rollup_row **rows; /* sorted by key (fiscal years numerically) */
    size_t count, cap;
    int group_by, depth;
    int32_t fiscal_year;
};

/* What one project brings to one group. */
struct rollup_part {
    char *key;  /* owned; NULL for fiscal-year grouping */
    int32_t year;
    size_t seq; /* the cost year's position, for a stable sort */
    i128 total[HYOKA__MONEY_FIGURE_COUNT];
    unsigned overflow; /* bit f: a figure f in it overflowed */
    struct rollup_row *fresh; /* the row made for it when its group is new */
};

static int cmp_part_year(const void *pa, const void *pb)
{
    const struct rollup_part *a = pa, *b = pb;
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
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

/* Add the money figures of @p c to the part; unavailable figures add
 * nothing, and one that overflows marks the part's total of that figure. */
static int add_year_totals(const hyoka_costs *c, struct rollup_part *e)
{
    for (int f = 0; f < HYOKA__MONEY_FIGURE_COUNT; f++) {
        int64_t v = 0;
        int why = HYOKA_REASON_NONE;
        int rc = hyoka__costs_money(c, f, &v, &why);
        if (rc == HYOKA_EUNAVAILABLE)
            continue;
        if (rc == HYOKA_ERANGE) {
            e->overflow |= 1u << f;
            continue;
        }
        if (rc != HYOKA_OK)
            return rc;
        e->total[f] += v;
    }
    return HYOKA_OK;
}

static void free_row(struct rollup_row *row)
{
    if (!row)
        return;
    hyoka__free(row->key);
    hyoka__free(row);
}

static void free_parts(struct rollup_part *parts, size_t n)
{
    if (!parts)
        return;
    for (size_t i = 0; i < n; i++) {
        hyoka__free(parts[i].key);
        free_row(parts[i].fresh);
    }
    hyoka__free(parts);
}

void hyoka_rollup_free(hyoka_rollup *rollup)
{
    if (!rollup)
        return;
    for (size_t i = 0; i < rollup->count; i++)
        free_row(rollup->rows[i]);
    hyoka__free(rollup->rows);
    hyoka__free(rollup);
}

/* The position of the row of a group (@p year for fiscal-year grouping,
 * else @p key), or where it goes: true when the row is there. */
static bool find_row(const hyoka_rollup *r, int32_t year, const char *key, size_t *pos)
{
    size_t lo = 0, hi = r->count;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct rollup_row *row = r->rows[mid];
        int c = r->group_by == HYOKA_GROUP_FISCAL_YEAR ? (row->year > year) - (row->year < year)
                                                       : strcmp(row->key, key);
        if (c == 0) {
            *pos = mid;
            return true;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *pos = lo;
    return false;
}

static int rollup_start_in(const char *fn, hyoka_rollup **out, int group_by, int depth, int32_t fiscal_year)
{
    hyoka_rollup *r;

    HYOKA__CHECK_NULL_IN(fn, out);
    HYOKA__CHECK_ENUM_IN(fn, group_by, GROUP_BY);
    if (group_by == HYOKA_GROUP_POLICY && depth < 1)
        return hyoka__fail(HYOKA_EINVAL, "%s: policy depth %d (must be 1 or more)", fn, depth);
    if (fiscal_year != 0 && (fiscal_year < HYOKA__YEAR_MIN || fiscal_year > HYOKA__YEAR_MAX))
        return hyoka__fail(HYOKA_EINVAL, "%s: fiscal_year %ld is outside %d..%d (0 for all)", fn,
                           (long)fiscal_year, HYOKA__YEAR_MIN, HYOKA__YEAR_MAX);
    r = hyoka__calloc(1, sizeof *r);
    if (!r)
        return hyoka__nomem();
    r->group_by = group_by;
    r->depth = depth;
    r->fiscal_year = fiscal_year;
    *out = r;
    return HYOKA_OK;
}

int hyoka_rollup_start(hyoka_rollup **out, int group_by, int depth, int32_t fiscal_year)
{
    return rollup_start_in(__func__, out, group_by, depth, fiscal_year);
}

/* The parts a project brings: one per fiscal year it has in scope
 * (fiscal-year grouping), or one for its group. *count is 0 when it takes
 * no part. */
static int project_parts(const hyoka_rollup *r, const hyoka_project *p, struct rollup_part **out, size_t *count)
{
    const bool by_year = r->group_by == HYOKA_GROUP_FISCAL_YEAR;
    struct rollup_part *parts;
    size_t in_scope = 0, n = 0;
    int rc;

    *out = NULL;
    *count = 0;
    for (size_t j = 0; j < p->years.count; j++) {
        const hyoka_costs *c = p->years.items[j];
        if (r->fiscal_year == 0 || c->fiscal_year == r->fiscal_year)
            in_scope++;
    }
    /* With a fiscal year, only projects with a cost year of that year take
     * part; without one, every top-level project does. */
    if (r->fiscal_year != 0 && in_scope == 0)
        return HYOKA_OK;
    parts = hyoka__calloc(by_year ? (in_scope ? in_scope : 1) : 1, sizeof *parts);
    if (!parts)
        return hyoka__nomem();
    if (!by_year)
        n = 1;
    for (size_t j = 0; j < p->years.count; j++) {
        const hyoka_costs *c = p->years.items[j];
        struct rollup_part *e = parts;
        if (r->fiscal_year != 0 && c->fiscal_year != r->fiscal_year)
            continue;
        if (by_year) {
            e = &parts[n];
            e->year = c->fiscal_year;
            e->seq = n++;
        }
        rc = add_year_totals(c, e);
        if (rc != HYOKA_OK)
            goto fail;
    }
    if (by_year && n > 1) {
        /* One part per fiscal year: a year given twice counts once. */
        size_t k = 0;
        qsort(parts, n, sizeof *parts, cmp_part_year);
        for (size_t j = 1; j < n; j++) {
            if (parts[j].year != parts[k].year) {
                parts[++k] = parts[j];
                continue;
            }
            for (int f = 0; f < HYOKA__MONEY_FIGURE_COUNT; f++)
                parts[k].total[f] += parts[j].total[f];
            parts[k].overflow |= parts[j].overflow;
        }
        n = k + 1;
    }
    if (!by_year) {
        parts->key = group_key(p, r->group_by, r->depth);
        if (!parts->key) {
            rc = hyoka__nomem();
            goto fail;
        }
    }
    *out = parts;
    *count = n;
    return HYOKA_OK;

fail:
    free_parts(parts, n);
    return rc;
}

/* Make a row for each part whose group is new, and room for them, so that
 * adding cannot fail afterwards. */
static int prepare_rows(hyoka_rollup *r, struct rollup_part *parts, size_t n)
{
    size_t fresh = 0, need, pos;

    for (size_t i = 0; i < n; i++) {
        struct rollup_part *e = &parts[i];
        char buf[16];
        if (find_row(r, e->year, e->key, &pos))
            continue;
        e->fresh = hyoka__calloc(1, sizeof *e->fresh);
        if (!e->fresh)
            return hyoka__nomem();
        e->fresh->year = e->year;
        if (e->key) {
            e->fresh->key = e->key;
            e->key = NULL;
        } else {
            snprintf(buf, sizeof buf, "%ld", (long)e->year);
            e->fresh->key = dup_str(buf);
            if (!e->fresh->key)
                return hyoka__nomem();
        }
        fresh++;
    }
    if (!hyoka__size_add(r->count, fresh, &need))
        return hyoka__nomem();
    if (need > r->cap)
        return hyoka__reserve((void **)&r->rows, &r->cap, need, sizeof *r->rows, 8);
    return HYOKA_OK;
}

static int rollup_add_in(const char *fn, hyoka_rollup *r, const hyoka_project *p)
{
    struct rollup_part *parts = NULL;
    size_t n = 0;
    int rc;

    HYOKA__CHECK_NULL_IN(fn, r);
    HYOKA__CHECK_NULL_IN(fn, p);
    if (p->parent)
        return hyoka__fail(HYOKA_EINVAL, "%s: project is a sub-project (add its top-level project)", fn);
    rc = project_parts(r, p, &parts, &n);
    if (rc == HYOKA_OK)
        rc = prepare_rows(r, parts, n);
    if (rc != HYOKA_OK) {
        free_parts(parts, n);
        return rc;
    }
    for (size_t i = 0; i < n; i++) {
        struct rollup_part *e = &parts[i];
        struct rollup_row *row;
        size_t pos;
        if (!e->fresh && find_row(r, e->year, e->key, &pos)) {
            row = r->rows[pos];
        } else {
            row = e->fresh;
            e->fresh = NULL;
            find_row(r, row->year, row->key, &pos);
            memmove(r->rows + pos + 1, r->rows + pos, (r->count - pos) * sizeof *r->rows);
            r->rows[pos] = row;
            r->count++;
        }
        row->projects++;
        for (int f = 0; f < HYOKA__MONEY_FIGURE_COUNT; f++)
            row->sum[f] += e->total[f];
        row->overflow |= e->overflow;
    }
    free_parts(parts, n);
    return HYOKA_OK;
}

int hyoka_rollup_add(hyoka_rollup *rollup, const hyoka_project *project)
{
    return rollup_add_in(__func__, rollup, project);
}

int hyoka_rollup_new(hyoka_rollup **out, const hyoka_portfolio *portfolio, int group_by, int depth,
                     int32_t fiscal_year)
{
    hyoka_rollup *r = NULL;
    int rc;

    HYOKA__CHECK_NULL(out);
    HYOKA__CHECK_NULL(portfolio);
    rc = rollup_start_in(__func__, &r, group_by, depth, fiscal_year);
    if (rc != HYOKA_OK)
        return rc;
    for (size_t i = 0; i < portfolio->projects.count; i++) {
        rc = rollup_add_in(__func__, r, portfolio->projects.items[i]);
        if (rc != HYOKA_OK) {
            hyoka_rollup_free(r);
            return rc;
        }
    }
    *out = r;
    return HYOKA_OK;
}

size_t hyoka_rollup_count(const hyoka_rollup *rollup)
{
    return rollup ? rollup->count : 0;
}

const char *hyoka_rollup_key(const hyoka_rollup *rollup, size_t row)
{
    if (!rollup || row >= rollup->count)
        return NULL;
    return rollup->rows[row]->key;
}

size_t hyoka_rollup_projects(const hyoka_rollup *rollup, size_t row)
{
    if (!rollup || row >= rollup->count)
        return 0;
    return rollup->rows[row]->projects;
}

int hyoka_rollup_total(const hyoka_rollup *rollup, size_t row, int figure, int64_t *out)
{
    const struct rollup_row *r;

    HYOKA__CHECK_NULL(rollup);
    HYOKA__CHECK_NULL(out);
    HYOKA__CHECK_ENUM_SUBSET(figure, FIGURE, hyoka__is_money_figure(figure),
                             "a money figure (expense..specific_revenue)");
    HYOKA__CHECK_INDEX(row, rollup->count, "rows");
    r = rollup->rows[row];
    if ((r->overflow & (1u << figure)) || r->sum[figure] < (i128)INT64_MIN || r->sum[figure] > (i128)INT64_MAX)
        return hyoka__fail(HYOKA_ERANGE, "%s: the %s total of group \"%s\" overflows 64-bit yen, or a %s in it does",
                           __func__, hyoka__figure_names[figure], r->key, hyoka__figure_names[figure]);
    *out = (int64_t)r->sum[figure];
    return HYOKA_OK;
}

/* ------------------------------------------------------------------------ */
/* Rankings                                                                  */

/* What an entry holds besides its figure. */
enum {
    ENTRY_CODE = 1,    /* its text starts with the code, NUL-terminated */
    ENTRY_NAME = 2,    /* its text holds the name (after the code, if any) */
    ENTRY_PROJECT = 4, /* hyoka_ranking_new(): it borrows a project */
};

/* An entry: 40 bytes, so that a ranking of every project of a national
 * collection stays small. */
struct rank_entry {
    hyoka_decimal value;
    union {
        hyoka_project *project; /* ENTRY_PROJECT */
        const char *text;       /* else: code and name in the ranking's text chunks (NULL when neither) */
    } of;
    size_t seq;         /* the position of its add: ties keep the order of the adds */
    unsigned char reason; /* HYOKA_REASON_NONE when available */
    unsigned char has;    /* ENTRY_* */
};

_Static_assert(HYOKA__REASON_COUNT <= 256, "a reason does not fit in an entry");

/* Text copied from the added entries. Chunks never move, so the strings
 * handed out stay valid until the ranking is freed. */
struct text_chunk {
    struct text_chunk *next;
    size_t used, cap;
    char data[];
};

enum { TEXT_CHUNK_SIZE = 16384 };

struct hyoka_ranking {
    struct rank_entry *items;
    size_t count, cap;
    size_t sorted; /* items[0 .. sorted) are in order, and nothing was added since */
    int figure;
    int32_t fiscal_year;
    int descending;
    bool borrows; /* made by hyoka_ranking_new(): refers to the portfolio's projects */
    struct text_chunk *text;
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

/* The figure by which ranking @p r ranks @p p: HYOKA_OK with *value, or
 * HYOKA_OK with *reason set when unavailable; another status on failure
 * (recorded). */
static int rank_value(const hyoka_ranking *r, const hyoka_project *p, hyoka_decimal *value, int *reason)
{
    int why = HYOKA_REASON_NONE;
    int rc;

    *reason = HYOKA_REASON_NONE;
    if (r->figure == HYOKA_FIG_SCORE) {
        const hyoka_evaluation *ev = hyoka__final_evaluation(p);
        if (!ev) {
            *reason = HYOKA_REASON_NO_SCORES;
            return HYOKA_OK;
        }
        rc = hyoka__score(ev, value, &why);
    } else {
        size_t i = hyoka__year_find(p, NULL, r->fiscal_year); /* the first of that year */
        if (i == p->years.count) {
            *reason = HYOKA_REASON_NO_YEAR;
            return HYOKA_OK;
        }
        rc = hyoka__year_figure(p->years.items[i], r->figure, NULL, NULL, value, &why);
    }
    if (rc == HYOKA_EUNAVAILABLE) {
        *reason = why;
        return HYOKA_OK;
    }
    if (rc == HYOKA_ERANGE) {
        *reason = HYOKA_REASON_OVERFLOW;
        return HYOKA_OK;
    }
    return rc;
}

/* Room for @p len bytes of text in the ranking's chunks: NULL when out of
 * memory (recorded). Nothing is taken until the caller adds to used. */
static char *text_room(hyoka_ranking *r, size_t len)
{
    struct text_chunk *c = r->text;
    size_t cap;

    if (c && c->cap - c->used >= len)
        return c->data + c->used;
    cap = len > TEXT_CHUNK_SIZE ? len : TEXT_CHUNK_SIZE;
    if (!hyoka__size_add(cap, sizeof *c, &cap) || !(c = hyoka__malloc(cap))) {
        hyoka__nomem();
        return NULL;
    }
    c->next = r->text;
    c->used = 0;
    c->cap = cap - sizeof *c;
    r->text = c;
    return c->data;
}

/* Order the entries added since the last read: a few are inserted into
 * the ordered ones (so reading after each add stays linear), more are
 * sorted with them. */
static void ranking_settle(const hyoka_ranking *ranking)
{
    /* The first read after adds orders the entries; a handle is used by one
     * thread at a time, and the ranking is the caller's, not a constant. */
    hyoka_ranking *r = (hyoka_ranking *)ranking;
    int (*cmp)(const void *, const void *) = r->descending ? cmp_rank_desc : cmp_rank_asc;

    if (r->sorted == r->count)
        return;
    if (r->count - r->sorted > 8) {
        qsort(r->items, r->count, sizeof *r->items, cmp);
        r->sorted = r->count;
        return;
    }
    for (size_t i = r->sorted; i < r->count; i++) {
        struct rank_entry e = r->items[i];
        size_t lo = 0, hi = i;
        while (lo < hi) { /* entries never compare equal: seq differs */
            size_t mid = lo + (hi - lo) / 2;
            if (cmp(&r->items[mid], &e) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        memmove(r->items + lo + 1, r->items + lo, (i - lo) * sizeof *r->items);
        r->items[lo] = e;
    }
    r->sorted = r->count;
}

/* The checks of hyoka_ranking_start() and hyoka_ranking_new(), naming @p fn. */
static int ranking_check_in(const char *fn, hyoka_ranking **out, int figure)
{
    HYOKA__CHECK_NULL_IN(fn, out);
    HYOKA__CHECK_ENUM_SUBSET_IN(fn, figure, FIGURE, hyoka__is_year_figure(figure) || figure == HYOKA_FIG_SCORE,
                                "a cost-year figure (expense..total_cost_change) or score");
    return HYOKA_OK;
}

/* An empty ranking; NULL when out of memory (recorded). */
static hyoka_ranking *ranking_make(int figure, int32_t fiscal_year, int descending)
{
    hyoka_ranking *r = hyoka__calloc(1, sizeof *r);

    if (!r) {
        hyoka__nomem();
        return NULL;
    }
    r->figure = figure;
    r->fiscal_year = fiscal_year;
    r->descending = descending;
    return r;
}

int hyoka_ranking_start(hyoka_ranking **out, int figure, int32_t fiscal_year, int descending)
{
    hyoka_ranking *r;
    int rc = ranking_check_in(__func__, out, figure);

    if (rc != HYOKA_OK)
        return rc;
    if (figure != HYOKA_FIG_SCORE)
        HYOKA__CHECK_YEAR(fiscal_year);
    r = ranking_make(figure, fiscal_year, descending);
    if (!r)
        return HYOKA_ENOMEM;
    *out = r;
    return HYOKA_OK;
}

/* Append an entry of @p value or @p reason: borrowing @p project when not
 * NULL, else with a copy of @p code and @p name (either may be NULL). On
 * failure the ranking is unchanged. */
static int ranking_push(hyoka_ranking *r, hyoka_project *project, const char *code, const char *name,
                        const hyoka_decimal *value, int reason)
{
    struct rank_entry e = {0};
    size_t code_len = code ? strlen(code) + 1 : 0, name_len = name ? strlen(name) + 1 : 0, len = 0;
    char *text = NULL;
    int rc;

    e.value = reason == HYOKA_REASON_NONE ? *value : hyoka_decimal_from_int(0);
    e.reason = (unsigned char)reason;
    e.seq = r->count;
    /* Both strings in one piece of a chunk, NULs included. */
    if (!hyoka__size_add(code_len, name_len, &len))
        return hyoka__nomem();
    if (len > 0 && !(text = text_room(r, len)))
        return HYOKA_ENOMEM;
    if (r->count == r->cap) {
        rc = hyoka__grow((void **)&r->items, &r->cap, r->count, sizeof *r->items);
        if (rc != HYOKA_OK)
            return rc;
    }
    if (project) {
        e.of.project = project;
        e.has = ENTRY_PROJECT;
    } else if (len > 0) {
        if (code)
            memcpy(text, code, code_len);
        if (name)
            memcpy(text + code_len, name, name_len);
        e.of.text = text;
        e.has = (unsigned char)((code ? ENTRY_CODE : 0) | (name ? ENTRY_NAME : 0));
        r->text->used += len;
    }
    r->items[r->count++] = e;
    return HYOKA_OK;
}

/* The checks of the calls that take a top-level project for @p r. */
static int ranking_project_check_in(const char *fn, const hyoka_ranking *r, const hyoka_project *p)
{
    HYOKA__CHECK_NULL_IN(fn, r);
    HYOKA__CHECK_NULL_IN(fn, p);
    if (p->parent)
        return hyoka__fail(HYOKA_EINVAL, "%s: project is a sub-project (add its top-level project)", fn);
    return HYOKA_OK;
}

/* The checks of the calls that add to a ranking of adds. */
static int ranking_adds_check_in(const char *fn, const hyoka_ranking *r)
{
    if (r->borrows)
        return hyoka__fail(HYOKA_EINVAL,
                           "%s: ranking was made by hyoka_ranking_new() (start one with hyoka_ranking_start())", fn);
    return HYOKA_OK;
}

int hyoka_ranking_add(hyoka_ranking *ranking, const hyoka_project *project)
{
    hyoka_decimal value = {0};
    int reason = HYOKA_REASON_NONE;
    int rc = ranking_project_check_in(__func__, ranking, project);

    if (rc == HYOKA_OK)
        rc = ranking_adds_check_in(__func__, ranking);
    if (rc == HYOKA_OK)
        rc = rank_value(ranking, project, &value, &reason);
    if (rc != HYOKA_OK)
        return rc;
    return ranking_push(ranking, NULL, project->text[HYOKA_TEXT_CODE], project->text[HYOKA_TEXT_NAME], &value,
                        reason);
}

int hyoka_ranking_figure(const hyoka_ranking *ranking, const hyoka_project *project, hyoka_decimal *value,
                         int *reason)
{
    hyoka_decimal v = {0};
    int why = HYOKA_REASON_NONE;
    int rc = ranking_project_check_in(__func__, ranking, project);

    if (rc == HYOKA_OK)
        rc = rank_value(ranking, project, &v, &why);
    if (rc != HYOKA_OK)
        return rc;
    if (reason)
        *reason = why;
    if (why != HYOKA_REASON_NONE)
        return hyoka__fail_unavailable(__func__, hyoka__figure_names[ranking->figure],
                                       ranking->figure == HYOKA_FIG_SCORE ? 0 : ranking->fiscal_year, why);
    if (value)
        *value = v;
    return HYOKA_OK;
}

int hyoka_ranking_add_entry(hyoka_ranking *ranking, const char *code, const char *name, const hyoka_decimal *value,
                            int reason)
{
    int rc;

    HYOKA__CHECK_NULL(ranking);
    HYOKA__CHECK_ENUM(reason, REASON);
    if (reason == HYOKA_REASON_NONE)
        HYOKA__CHECK_NULL(value);
    rc = ranking_adds_check_in(__func__, ranking);
    if (rc != HYOKA_OK)
        return rc;
    return ranking_push(ranking, NULL, code, name, value, reason);
}

int hyoka_ranking_new(hyoka_ranking **out, const hyoka_portfolio *portfolio, int figure, int32_t fiscal_year,
                      int descending)
{
    hyoka_ranking *r = NULL;
    int rc;

    HYOKA__CHECK_NULL(out);
    HYOKA__CHECK_NULL(portfolio);
    rc = ranking_check_in(__func__, out, figure);
    if (rc != HYOKA_OK)
        return rc;
    r = ranking_make(figure, fiscal_year, descending);
    if (!r)
        return HYOKA_ENOMEM;
    r->borrows = true;
    rc = hyoka__reserve((void **)&r->items, &r->cap, portfolio->projects.count, sizeof *r->items, 1);
    for (size_t i = 0; rc == HYOKA_OK && i < portfolio->projects.count; i++) {
        hyoka_project *p = portfolio->projects.items[i];
        hyoka_decimal value = {0};
        int reason = HYOKA_REASON_NONE;
        rc = rank_value(r, p, &value, &reason);
        if (rc == HYOKA_OK)
            rc = ranking_push(r, p, NULL, NULL, &value, reason);
    }
    if (rc != HYOKA_OK) {
        hyoka_ranking_free(r);
        return rc;
    }
    ranking_settle(r);
    *out = r;
    return HYOKA_OK;
}

void hyoka_ranking_free(hyoka_ranking *ranking)
{
    if (!ranking)
        return;
    while (ranking->text) {
        struct text_chunk *next = ranking->text->next;
        hyoka__free(ranking->text);
        ranking->text = next;
    }
    hyoka__free(ranking->items);
    hyoka__free(ranking);
}

size_t hyoka_ranking_count(const hyoka_ranking *ranking)
{
    return ranking ? ranking->count : 0;
}

/* The code or name (@p field) of an entry: its project's, read now, when
 * it borrows one (the project may have been edited since). */
static const char *entry_text(const struct rank_entry *e, int field)
{
    if (e->has & ENTRY_PROJECT)
        return e->of.project->text[field];
    if (field == HYOKA_TEXT_CODE)
        return e->has & ENTRY_CODE ? e->of.text : NULL;
    if (!(e->has & ENTRY_NAME))
        return NULL;
    return e->has & ENTRY_CODE ? e->of.text + strlen(e->of.text) + 1 : e->of.text;
}

/* The entry at @p index, in order; its reason, and whether it is
 * unavailable (recorded as @p fn's failure). */
static int ranking_entry_in(const char *fn, const hyoka_ranking *ranking, size_t index, const struct rank_entry **out,
                            int *reason)
{
    const struct rank_entry *e;

    HYOKA__CHECK_NULL_IN(fn, ranking);
    HYOKA__CHECK_INDEX_IN(fn, index, ranking->count, "entries");
    ranking_settle(ranking);
    e = &ranking->items[index];
    *out = e;
    if (reason)
        *reason = e->reason;
    if (e->reason != HYOKA_REASON_NONE)
        return hyoka__fail(HYOKA_EUNAVAILABLE, "%s: entry %zu (project %s) is unavailable: %s", fn, index,
                           entry_text(e, HYOKA_TEXT_CODE) ? entry_text(e, HYOKA_TEXT_CODE) : "without code",
                           hyoka__reason_en[e->reason]);
    return HYOKA_OK;
}

int hyoka_ranking_at(const hyoka_ranking *ranking, size_t index, hyoka_project **project, hyoka_decimal *value,
                     int *reason)
{
    const struct rank_entry *e = NULL;
    int rc = ranking_entry_in(__func__, ranking, index, &e, reason);

    if (e && project)
        *project = e->has & ENTRY_PROJECT ? e->of.project : NULL;
    if (rc == HYOKA_OK && value)
        *value = e->value;
    return rc;
}

int hyoka_ranking_entry(const hyoka_ranking *ranking, size_t index, const char **code, const char **name,
                        hyoka_decimal *value, int *reason)
{
    const struct rank_entry *e = NULL;
    int rc = ranking_entry_in(__func__, ranking, index, &e, reason);

    if (e && code)
        *code = entry_text(e, HYOKA_TEXT_CODE);
    if (e && name)
        *name = entry_text(e, HYOKA_TEXT_NAME);
    if (rc == HYOKA_OK && value)
        *value = e->value;
    return rc;
}
