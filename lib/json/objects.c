/* Objects of the model as the hyoka/1 reader opens and closes them: the
 * item made (and its frame pushed) for each element object of an array,
 * and, when an object or array closes, its required members (S001), the
 * checks that need all its members, and what is committed only then
 * (stated figures given as objects, rating bands in order). */
#include "reader.h"

#include <stdio.h>
#include <stdlib.h>

/* ------------------------------------------------------------------------ */
/* Opening elements                                                          */

int hyoka__json_open_element(struct hyoka__json_reader *r, struct hyoka__json_frame *f)
{
    void *owner = f->obj;
    int aux = f->aux;

    switch (f->kind) {
    case A_DENOMS: {
        hyoka_portfolio *pf = owner;
        if (hyoka__grow((void **)&pf->denominators, &pf->denominator_cap, pf->denominator_count,
                        sizeof *pf->denominators) != HYOKA_OK)
            return hyoka__json_nomem(r);
        memset(&pf->denominators[pf->denominator_count], 0, sizeof *pf->denominators);
        return hyoka__json_push(r, K_DENOM, &pf->denominators[pf->denominator_count++], 0);
    }
    case A_SCHEMES: {
        hyoka_portfolio *pf = owner;
        hyoka_scheme *s = hyoka__calloc(1, sizeof *s);
        if (!s)
            return hyoka__json_nomem(r);
        if (hyoka__vec_push(&pf->schemes, s) != HYOKA_OK) {
            hyoka__free(s);
            return hyoka__json_nomem(r);
        }
        s->owned = 1;
        return hyoka__json_push(r, K_SCHEME, s, 0);
    }
    case A_PROJECTS:
    case A_CHILDREN: {
        hyoka_project *p = hyoka__calloc(1, sizeof *p);
        int rc;
        if (!p)
            return hyoka__json_nomem(r);
        p->duty = HYOKA_UNSET;
        p->period = HYOKA_UNSET;
        if (f->kind == A_PROJECTS) {
            hyoka_portfolio *pf = owner;
            rc = hyoka__vec_push(&pf->projects, p);
            p->portfolio = pf;
        } else {
            hyoka_project *parent = owner;
            rc = hyoka__vec_push(&parent->children, p);
            p->parent = parent;
        }
        if (rc != HYOKA_OK) {
            hyoka__free(p);
            return hyoka__json_nomem(r);
        }
        return hyoka__json_push(r, K_PROJECT, p, 0);
    }
    case A_CRITERIA: {
        hyoka_scheme *s = owner;
        struct hyoka__criterion *c;
        if (hyoka__grow((void **)&s->criteria, &s->criterion_cap, s->criterion_count, sizeof *s->criteria) !=
            HYOKA_OK)
            return hyoka__json_nomem(r);
        c = &s->criteria[s->criterion_count++];
        memset(c, 0, sizeof *c);
        c->weight = hyoka_decimal_from_int(1);
        return hyoka__json_push(r, K_CRIT, c, 0);
    }
    case A_OPTIONS: {
        struct hyoka__criterion *c = owner;
        if (hyoka__grow((void **)&c->options, &c->option_cap, c->option_count, sizeof *c->options) != HYOKA_OK)
            return hyoka__json_nomem(r);
        memset(&c->options[c->option_count], 0, sizeof *c->options);
        return hyoka__json_push(r, K_OPTION, &c->options[c->option_count++], 0);
    }
    case A_VERDICTS: {
        hyoka_scheme *s = owner;
        if (hyoka__grow((void **)&s->verdicts, &s->verdict_cap, s->verdict_count, sizeof *s->verdicts) != HYOKA_OK)
            return hyoka__json_nomem(r);
        memset(&s->verdicts[s->verdict_count], 0, sizeof *s->verdicts);
        return hyoka__json_push(r, K_VERDICT, &s->verdicts[s->verdict_count++], 0);
    }
    case A_BUDGETS: {
        hyoka_scheme *s = owner;
        if (hyoka__grow((void **)&s->budgets, &s->budget_cap, s->budget_count, sizeof *s->budgets) != HYOKA_OK)
            return hyoka__json_nomem(r);
        memset(&s->budgets[s->budget_count], 0, sizeof *s->budgets);
        return hyoka__json_push(r, K_BUDGET, &s->budgets[s->budget_count++], 0);
    }
    case A_BANDS: {
        hyoka_scheme *s = owner;
        if (hyoka__grow((void **)&s->bands, &s->band_cap, s->band_count, sizeof *s->bands) != HYOKA_OK)
            return hyoka__json_nomem(r);
        if (hyoka__reserve_heap((void **)&r->band_pos, &r->band_pos_cap, s->band_count + 1, sizeof *r->band_pos,
                                8) != HYOKA_OK)
            return hyoka__json_nomem(r);
        r->band_pos[s->band_count] = NULL;
        memset(&s->bands[s->band_count], 0, sizeof *s->bands);
        s->band_count++;
        return hyoka__json_push(r, K_BAND, &s->bands[s->band_count - 1], (int)(s->band_count - 1));
    }
    case A_CLASS: {
        struct hyoka__class_path *cp = &((hyoka_project *)owner)->cls[aux];
        if (hyoka__grow((void **)&cp->items, &cp->cap, cp->count, sizeof *cp->items) != HYOKA_OK)
            return hyoka__json_nomem(r);
        memset(&cp->items[cp->count], 0, sizeof *cp->items);
        return hyoka__json_push(r, K_CLASS, &cp->items[cp->count++], 0);
    }
    case A_YEARS: {
        hyoka_project *p = owner;
        hyoka_costs *c = hyoka__calloc(1, sizeof *c);
        if (!c)
            return hyoka__json_nomem(r);
        c->project = p;
        c->phase = HYOKA_UNSET;
        if (hyoka__vec_push(&p->years, c) != HYOKA_OK) {
            hyoka__free(c);
            return hyoka__json_nomem(r);
        }
        return hyoka__json_push(r, K_YEAR, c, 0);
    }
    case A_STAFF: {
        hyoka_costs *c = owner;
        hyoka_staff *s = hyoka__calloc(1, sizeof *s);
        if (!s)
            return hyoka__json_nomem(r);
        s->costs = c;
        s->category = HYOKA_UNSET;
        if (hyoka__vec_push(&c->staff, s) != HYOKA_OK) {
            hyoka__free(s);
            return hyoka__json_nomem(r);
        }
        return hyoka__json_push(r, K_STAFF, s, 0);
    }
    case A_INDS: {
        hyoka_project *p = owner;
        hyoka_indicator *ind = NULL;
        if (hyoka__indicator_new(p, HYOKA_UNSET, &ind) != HYOKA_OK)
            return hyoka__json_nomem(r);
        if (hyoka__vec_push(&p->indicators, ind) != HYOKA_OK) {
            hyoka__indicator_free(ind);
            return hyoka__json_nomem(r);
        }
        return hyoka__json_push(r, K_IND, ind, 0);
    }
    case A_IVALUES: {
        hyoka_indicator *ind = owner;
        if (hyoka__grow((void **)&ind->values, &ind->value_cap, ind->value_count, sizeof *ind->values) != HYOKA_OK)
            return hyoka__json_nomem(r);
        memset(&ind->values[ind->value_count], 0, sizeof *ind->values);
        return hyoka__json_push(r, K_IVALUE, &ind->values[ind->value_count++], 0);
    }
    case A_EVALS: {
        hyoka_project *p = owner;
        hyoka_evaluation *e = NULL;
        if (hyoka__evaluation_new(p, HYOKA_UNSET, &e) != HYOKA_OK)
            return hyoka__json_nomem(r);
        if (hyoka__vec_push(&p->evaluations, e) != HYOKA_OK) {
            hyoka__evaluation_free(e);
            return hyoka__json_nomem(r);
        }
        return hyoka__json_push(r, K_EVAL, e, 0);
    }
    case A_GOALS: {
        hyoka_evaluation *e = owner;
        if (hyoka__grow((void **)&e->goals, &e->goal_cap, e->goal_count, sizeof *e->goals) != HYOKA_OK)
            return hyoka__json_nomem(r);
        memset(&e->goals[e->goal_count], 0, sizeof *e->goals);
        return hyoka__json_push(r, K_GOAL, &e->goals[e->goal_count++], 0);
    }
    case A_RECORDS:
        return hyoka__json_open_record(r, f);
    default:
        return hyoka__json_push(r, K_SKIPOBJ, NULL, 0);
    }
}

/* ------------------------------------------------------------------------ */
/* Closing frames                                                            */

static int missing_member(struct hyoka__json_reader *r, const struct hyoka__json_frame *f, const char *member)
{
    return hyoka__json_diag(r, f->start, PM_OBJECT, HYOKA__MSG(S001), member);
}

struct band_sort {
    hyoka_decimal min;
    size_t index;
};

static int band_cmp(const void *a, const void *b)
{
    const struct band_sort *x = a, *y = b;
    int c = hyoka_decimal_cmp(&y->min, &x->min); /* highest first */
    if (c)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* Sort the bands of a scheme, highest minimum first, and report equal minimums. */
static int close_bands(struct hyoka__json_reader *r, hyoka_scheme *s)
{
    struct band_sort *v;
    struct hyoka__band *sorted;
    size_t n = s->band_count;

    if (n < 2)
        return 0;
    v = hyoka__heap_malloc_array(n, sizeof *v);
    sorted = hyoka__heap_malloc_array(n, sizeof *sorted);
    if (!v || !sorted) {
        hyoka__free(v);
        hyoka__free(sorted);
        return hyoka__json_nomem(r);
    }
    for (size_t i = 0; i < n; i++) {
        v[i].min = s->bands[i].min;
        v[i].index = i;
    }
    qsort(v, n, sizeof *v, band_cmp);
    for (size_t i = 1; i < n; i++) {
        size_t later = v[i].index;
        if (!r->band_pos[later] || !r->band_pos[v[i - 1].index] || hyoka_decimal_cmp(&v[i].min, &v[i - 1].min) != 0)
            continue;
        if (later < v[i - 1].index)
            later = v[i - 1].index;
        if (hyoka__json_build_path(r, r->depth - 1) || hyoka__jsonptr_index(&r->path, later) ||
            hyoka__jsonptr_key(&r->path, "min", 3) ||
            hyoka__json_put_detail(r, r->band_pos[later], r->path.data, HYOKA__S004,
                                   "two rating bands have the same minimum", "二つの評定の下限が同じ")) {
            hyoka__free(v);
            hyoka__free(sorted);
            return hyoka__json_nomem(r);
        }
    }
    for (size_t i = 0; i < n; i++)
        sorted[i] = s->bands[v[i].index];
    memcpy(s->bands, sorted, n * sizeof *sorted);
    hyoka__free(v);
    hyoka__free(sorted);
    return 0;
}

#define GIVEN(f, mid) (((f)->given >> (mid)) & 1u)

int hyoka__json_close_frame(struct hyoka__json_reader *r)
{
    struct hyoka__json_frame *f = &r->frames[r->depth - 1];
    int rc = 0;

    switch (f->kind) {
    case K_ROOT:
        if (!GIVEN(f, R_FORMAT))
            rc = missing_member(r, f, "format");
        break;
    case K_ROUNDING:
        r->rounding_seen = 1;
        break;
    case K_DENOM:
        if (!GIVEN(f, D_YEAR))
            rc = missing_member(r, f, "fiscal_year");
        break;
    case K_SCHEME:
        if (!GIVEN(f, SC_ID))
            rc = missing_member(r, f, "id");
        break;
    case K_CRIT: {
        struct hyoka__criterion *c = f->obj;
        if (!GIVEN(f, CR_CODE))
            rc = missing_member(r, f, "code");
        if (!rc && c->numeric && c->option_count)
            rc = hyoka__json_detail(r, f->start, PM_OBJECT, HYOKA__S004, "a criterion has either options or a range, not both", "評価項目は選択肢か範囲のどちらか一方だけを持つ");
        break;
    }
    case K_OPTION:
        if (!GIVEN(f, OP_CODE))
            rc = missing_member(r, f, "code");
        break;
    case K_VERDICT:
        if (!GIVEN(f, VE_CODE))
            rc = missing_member(r, f, "code");
        break;
    case K_BUDGET:
        if (!GIVEN(f, BU_CODE))
            rc = missing_member(r, f, "code");
        break;
    case K_BAND:
        if (!GIVEN(f, BA_MIN))
            rc = missing_member(r, f, "min");
        if (!rc && !GIVEN(f, BA_CODE))
            rc = missing_member(r, f, "code");
        break;
    case K_MISSING: {
        if (GIVEN(f, MI_LABEL) && !GIVEN(f, MI_CODE))
            rc = missing_member(r, f, "code");
        break;
    }
    case K_RANGE: {
        struct hyoka__criterion *c = f->obj;
        if (c->has_min && c->has_max && hyoka_decimal_cmp(&c->min, &c->max) > 0)
            rc = hyoka__json_detail(r, f->start, PM_OBJECT, HYOKA__S004, "min is greater than max", "min が max より大きい");
        break;
    }
    case K_YEAR:
        if (!GIVEN(f, Y_YEAR))
            rc = missing_member(r, f, "fiscal_year");
        break;
    case K_IVALUE:
        if (!GIVEN(f, IV_YEAR))
            rc = missing_member(r, f, "fiscal_year");
        break;
    case K_STATEDOBJ:
        if (!GIVEN(f, SO_VALUE))
            rc = missing_member(r, f, "value");
        else if (f->has_value &&
                 hyoka__json_set_stated(r, f->obj, f->aux, &f->dec,
                                        f->unit != UNIT_IMPLIED ? f->unit : hyoka__json_implied_unit(r, f->aux)))
            rc = -1;
        break;
    case A_IVALUES: {
        hyoka_indicator *ind = f->obj;
        if (ind->value_count > 0 && ind->value_cap > ind->value_count) {
            /* Give back the doubling's spare room: a value is 72 bytes
             * and an indicator rarely grows after reading. A failed
             * shrink keeps the larger block. */
            void *fit = hyoka__realloc_array(ind->values, ind->value_count, sizeof *ind->values);
            if (fit) {
                ind->values = fit;
                ind->value_cap = ind->value_count;
            }
        }
        for (size_t i = 0; i < ind->value_count; i++)
            if (ind->values[i].fiscal_year)
                hyoka__json_year_bit(r->value_years, ind->values[i].fiscal_year, 0);
        break;
    }
    case A_BANDS:
        rc = close_bands(r, f->obj);
        break;
    default:
        break;
    }
    return rc;
}
