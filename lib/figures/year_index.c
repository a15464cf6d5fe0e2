/* figures: the cost years of a project by fiscal year (figures/internal.h),
 * for the bulk users that look up the previous year of every cost year. */
#include "figures/internal.h"

#include <stdlib.h>

/* Up to this many cost years a scan is as quick as a binary search, and
 * building an index (an allocation and a sort) is not worth it. */
#define YEAR_INDEX_MIN 16

static int cmp_year_slot(const void *pa, const void *pb)
{
    const struct hyoka__year_slot *a = pa, *b = pb;
    if (a->fiscal_year != b->fiscal_year)
        return a->fiscal_year < b->fiscal_year ? -1 : 1;
    return (a->pos > b->pos) - (a->pos < b->pos);
}

void hyoka__year_index_build(struct hyoka__year_index *ix, const hyoka_project *p)
{
    size_t n = p ? p->years.count : 0;
    int sorted = 1;

    ix->project = NULL;
    ix->count = 0;
    if (n <= YEAR_INDEX_MIN)
        return;
    if (n > ix->cap) {
        hyoka__year_index_release(ix);
        ix->slots = hyoka__malloc_array(n, sizeof *ix->slots);
        if (!ix->slots)
            return; /* lookups scan: slower, same results */
        ix->cap = n;
    }
    for (size_t i = 0; i < n; i++) {
        const hyoka_costs *c = p->years.items[i];
        ix->slots[i].fiscal_year = c->fiscal_year;
        ix->slots[i].pos = i;
        if (i > 0 && c->fiscal_year < ix->slots[i - 1].fiscal_year)
            sorted = 0;
    }
    /* (fiscal year, position): the first slot of a fiscal year is its
     * first cost year in project order. */
    if (!sorted)
        qsort(ix->slots, n, sizeof *ix->slots, cmp_year_slot);
    ix->count = n;
    ix->project = p;
}

void hyoka__year_index_release(struct hyoka__year_index *ix)
{
    hyoka__free(ix->slots);
    ix->slots = NULL;
    ix->cap = 0;
    ix->count = 0;
    ix->project = NULL;
}

size_t hyoka__year_find(const hyoka_project *p, const struct hyoka__year_index *ix, int32_t fiscal_year)
{
    size_t n = p->years.count;

    if (ix && ix->project == p && ix->count == n) {
        size_t lo = 0, hi = n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (ix->slots[mid].fiscal_year < fiscal_year)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo < n && ix->slots[lo].fiscal_year == fiscal_year ? ix->slots[lo].pos : n;
    }
    for (size_t i = 0; i < n; i++) {
        const hyoka_costs *y = p->years.items[i];
        if (y->fiscal_year == fiscal_year)
            return i;
    }
    return n;
}
