/* The end of a hyoka/1 document, for the settings that may come after the
 * amounts they govern ("amount_unit" and "rounding" may follow "projects";
 * see read.c): amounts held in thousandths become yen, implied units are
 * resolved, and the amounts found wrong only now are reported, their
 * paths found by a walk of the text (locate.c). */
#include "reader.h"

#include <stdlib.h>

struct late_ctx {
    struct hyoka__json_reader *r;
    struct hyoka__json_late *items;
    size_t n, i;
};

static int late_visit(void *ctx, const char *path, size_t len, const char *at)
{
    struct late_ctx *c = ctx;
    struct hyoka__json_reader *r = c->r;
    size_t off = (size_t)(at - r->base);
    (void)len;

    while (c->i < c->n && c->items[c->i].off < off) {
        c->i++; /* not the start of a value (cannot happen): counted only */
        r->errors++;
    }
    while (c->i < c->n && c->items[c->i].off == off) {
        const struct hyoka__json_late *l = &c->items[c->i++];
        char q[HYOKA__EXCERPT_MAX];
        struct hyoka__detail d;
        unsigned flags;
        const char *bad;
        size_t n = hyoka__json_number_len(at, r->end, &flags, &bad);
        bool fraction = l->what == LATE_FRACTION;
        hyoka__value_problem(fraction ? HYOKA__VAL_MONEY_FINER : HYOKA__VAL_MONEY_RANGE, hyoka__excerpt(at, n, q), 0,
                             &d);
        if (hyoka__json_put_detail(r, at, path, fraction ? HYOKA__S004 : HYOKA__J005, d.en, d.ja))
            return -1;
    }
    return c->i < c->n ? 1 : -1;
}

static int late_cmp(const void *a, const void *b)
{
    const struct hyoka__json_late *x = a, *y = b;
    return x->off < y->off ? -1 : x->off > y->off;
}

/* Convert the amounts held in thousandths, resolve implied units. */
static int fixup_model(struct hyoka__json_reader *r)
{
    hyoka_portfolio *pf = r->pf;
    int yen = pf->amount_unit == HYOKA_UNIT_YEN;
    struct hyoka__vec stack = {NULL, 0, 0};

    for (size_t i = pf->projects.count; i-- > 0;)
        if (hyoka__vec_push(&stack, pf->projects.items[i]) != HYOKA_OK)
            goto nomem;
    while (stack.count) {
        hyoka_project *p = stack.items[--stack.count];
        for (size_t i = p->children.count; i-- > 0;)
            if (hyoka__vec_push(&stack, p->children.items[i]) != HYOKA_OK)
                goto nomem;
        if (r->money_milli && yen)
            hyoka__json_records_to_yen(p);
        for (size_t y = 0; y < p->years.count; y++) {
            hyoka_costs *c = p->years.items[y];
            if (r->money_milli && yen) {
                for (int f = HYOKA_COST_INITIAL_BUDGET; f <= HYOKA_COST_INDIRECT; f++)
                    if (c->present & (1u << f))
                        c->value[f] /= 1000;
                for (size_t k = 0; k < c->staff.count; k++) {
                    hyoka_staff *s = c->staff.items[k];
                    for (int f = 0; f < 3; f++)
                        s->amount[f] /= 1000;
                }
            }
            for (int f = 0; f < HYOKA__YEAR_FIGURE_COUNT; f++)
                if ((c->stated_present & (1u << f)) && c->st->unit[f] == UNIT_IMPLIED)
                    c->st->unit[f] = (unsigned char)hyoka__implied_unit(pf, pf->amount_unit, f);
        }
    }
    hyoka__vec_release(&stack);
    return 0;
nomem:
    hyoka__vec_release(&stack);
    return hyoka__json_nomem(r);
}

int hyoka__json_finish(struct hyoka__json_reader *r)
{
    int yen = r->pf->amount_unit == HYOKA_UNIT_YEN;

    if (r->money_milli || r->need_fixup) {
        if (fixup_model(r))
            return -1;
    }
    if (!r->money_milli)
        return 0;
    /* Overflowing integers: fine in yen, J005 in thousand_yen. */
    for (size_t i = 0; i < r->nbig; i++) {
        if (yen) {
            *r->bigs[i].slot = r->bigs[i].yen;
        } else {
            if (r->nlate == r->late_cap &&
                hyoka__grow_heap((void **)&r->lates, &r->late_cap, r->nlate, sizeof *r->lates) != HYOKA_OK)
                return hyoka__json_nomem(r);
            r->lates[r->nlate].off = r->bigs[i].off;
            r->lates[r->nlate].what = LATE_OVERFLOW;
            r->nlate++;
        }
    }
    if (!yen || r->unit_bad) {
        /* Fractions are fine in thousand_yen. */
        size_t k = 0;
        for (size_t i = 0; i < r->nlate; i++)
            if (r->lates[i].what != LATE_FRACTION)
                r->lates[k++] = r->lates[i];
        r->nlate = k;
    }
    if (r->nlate) {
        struct late_ctx c;
        int overflow = 0;
        qsort(r->lates, r->nlate, sizeof *r->lates, late_cmp);
        for (size_t i = 0; i < r->nlate; i++)
            overflow |= r->lates[i].what == LATE_OVERFLOW;
        c.r = r;
        c.items = r->lates;
        c.n = r->nlate;
        c.i = 0;
        if (r->report) {
            if (hyoka__json_walk(r->base, (size_t)(r->end - r->base), late_visit, &c) != HYOKA_OK)
                return hyoka__json_nomem(r);
            if (r->status == HYOKA_ENOMEM)
                return -1;
        }
        /* Diagnostics not placed (no report, or limit reached) still count. */
        r->errors += c.n - c.i;
        if (overflow)
            r->status = HYOKA_EINVALID;
    }
    return 0;
}
