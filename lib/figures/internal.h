/* Internals of the figures (lib/figures/): the cost years of a project by
 * fiscal year, the figure functions without a recorded error for the
 * library's bulk users (metrics, validation, HTML), the figures with an
 * explicit rounding, the computed counterparts of stated figures, and the
 * helpers the figures' own files share. Not installed.
 *
 * Internal figure functions return HYOKA_OK, HYOKA_EUNAVAILABLE with *why
 * set and WITHOUT recording an error, or a hard error already recorded
 * through hyoka__fail(). */
#ifndef HYOKA_FIGURES_INTERNAL_H
#define HYOKA_FIGURES_INTERNAL_H

#include "lookup.h"
#include "model.h"

/* ---- Cost years by fiscal year (year_index.c) ---- */

/* The cost years of one project by fiscal year, built once by a bulk user
 * (metrics, validation, HTML) so that finding the cost year of a given
 * fiscal year -- the previous year of TOTAL_COST_CHANGE, an earlier year
 * of the same fiscal year -- is a binary search instead of a scan of the
 * project's years. Held by the caller (never in the model, which may be
 * read from several threads); reusable from project to project. Valid only
 * while the project's years are not changed. */
struct hyoka__year_slot {
    int32_t fiscal_year;
    size_t pos;                            /* index in project->years */
};
struct hyoka__year_index {
    const hyoka_project *project;          /* indexed project; NULL: none */
    struct hyoka__year_slot *slots;        /* by (fiscal_year, pos) */
    size_t count;
    size_t cap;
};

/* Index the cost years of @p p into @p ix (zeroed, or used before). A
 * project with few years, or an allocation failure, leaves the index empty:
 * lookups then scan the years, with the same results. Records no error. */
void hyoka__year_index_build(struct hyoka__year_index *ix, const hyoka_project *p);
/* Free the slots; the index is empty (and reusable) afterwards. */
void hyoka__year_index_release(struct hyoka__year_index *ix);
/* The position in p->years of the first cost year (in project order) of
 * @p fiscal_year, or p->years.count when there is none. Uses @p ix when it
 * indexes @p p (a binary search), else scans; @p ix may be NULL. */
size_t hyoka__year_find(const hyoka_project *p, const struct hyoka__year_index *ix, int32_t fiscal_year);

/* ---- Figures without a recorded error ---- */

/* Same arguments and results as the public functions, but an unavailable
 * figure is not recorded as the thread's last error. */
int hyoka__costs_figure(const hyoka_costs *costs, int figure, hyoka_decimal *out, int *reason);
/* hyoka__costs_figure() finding the previous fiscal year through @p ix (an
 * index of the cost year's project, or NULL: a scan). */
int hyoka__costs_figure_in(const hyoka_costs *costs, int figure, const struct hyoka__year_index *ix,
                           hyoka_decimal *out, int *reason);
/* The three sums most figures of a cost year start from (expense,
 * personnel, total), each with its status and reason, kept the first time
 * a figure needs it: zeroed ({0}) for each cost year. */
struct hyoka__year_memo {
    struct {
        unsigned char have;
        int rc, why;
        int64_t yen;
    } sum[3];
};
/* hyoka__costs_figure_in() through @p memo: the figures of one cost year
 * asked one after the other compute each sum once (hyoka_costs_figures()
 * does the same). */
int hyoka__costs_figure_memo(const hyoka_costs *costs, int figure, const struct hyoka__year_index *ix,
                             struct hyoka__year_memo *memo, hyoka_decimal *out, int *reason);
int hyoka__staff_cost(const hyoka_staff *staff, int64_t *out, int *reason);
int hyoka__indicator_figure(const hyoka_indicator *indicator, int32_t fiscal_year, int figure, hyoka_decimal *out,
                            int *reason);
int hyoka__evaluation_score(const hyoka_evaluation *evaluation, hyoka_decimal *out, int *reason);
int hyoka__evaluation_rating(const hyoka_evaluation *evaluation, const char **code, const char **label,
                             int *reason);
int hyoka__record_figure(const hyoka_record *record, int figure, hyoka_decimal *out, int *reason);

/* ---- The formulas (year.c, outcome.c, records.c) ---- */

/* A figure of a cost year (EXPENSE .. TOTAL_COST_CHANGE, unchecked) rounded
 * by @p r, or by the rule in force when @p r is NULL. With the rule in
 * force a money figure is exact whole yen; with an explicit rule it is
 * written in r->unit and rounded too (hyoka__money_in_unit()). @p ix, an
 * index of the cost year's project or NULL, finds the previous year. */
int hyoka__year_figure(const hyoka_costs *c, int figure, const struct hyoka__year_index *ix,
                       const struct hyoka__rounding *r, hyoka_decimal *out, int *why);
/* A money figure of a cost year (EXPENSE .. SPECIFIC_REVENUE) in yen. */
int hyoka__costs_money(const hyoka_costs *c, int figure, int64_t *yen, int *why);
/* The count a per-head figure divides by: the year's own population or
 * households, else the portfolio's for its fiscal year; its usage; its
 * beneficiaries. Unavailable when missing (why NO_POPULATION...) or 0
 * (ZERO_DENOMINATOR). */
int hyoka__costs_count(const hyoka_costs *c, int figure, int64_t *out, int *why);
/* An amount in yen written in r->unit (thousand yen exactly: three places)
 * and rounded to r->places by r->mode. */
int hyoka__money_in_unit(int64_t yen, const struct hyoka__rounding *r, hyoka_decimal *out);
/* The achievement of value entry @p v of @p ind (NULL: the year has none),
 * rounded by @p r. */
int hyoka__achievement(const hyoka_indicator *ind, const struct hyoka__ivalue *v, const struct hyoka__rounding *r,
                       hyoka_decimal *out, int *why);
/* A figure of a record (any figure: those not of its kind are
 * unavailable, NOT_A_FIGURE) rounded by @p r, or by the rule in force when
 * @p r is NULL; with the rule in force UNSPENT is exact whole yen, with an
 * explicit rule it is written in r->unit and rounded too (records.c). */
int hyoka__record_figure_in(const hyoka_record *record, int figure, const struct hyoka__rounding *r,
                            hyoka_decimal *out, int *why);
/* Whether a budget record is the total row of its budget year (合計): it
 * has no account (account_type, account and subaccount all missing). */
int hyoka__budget_is_total(const hyoka_record *budget);
/* A budget record's amount of a field the total row prints: the field
 * itself, else, for SUPPLEMENTARY and RESERVE, the sum of the numbered
 * parts that are set (supplementary_1..5, reserve_1..4: what an account
 * row prints). 1 and *yen; 0 when it has none; HYOKA_ERANGE when the parts
 * overflow (not recorded). */
int hyoka__budget_amount(const hyoka_record *budget, int field, int64_t *yen);
/* The weighted score of an evaluation, rounded by the SCORE rule in force. */
int hyoka__score(const hyoka_evaluation *e, hyoka_decimal *out, int *why);

/* ---- Stated figures (stated.c; docs/validation.md, Stated figures) ---- */

/* The computed counterpart of the figure a sheet stated for @p costs
 * (stated, a year figure): the figure in the stated unit, rounded once to
 * the stated figure's places with the mode of the rule in force. */
int hyoka__costs_stated_counterpart(const hyoka_costs *costs, int figure, const struct hyoka__year_index *ix,
                                    hyoka_decimal *out, int *why);
/* The same for the stated achievement of value entry @p v (stated). */
int hyoka__achievement_stated_counterpart(const hyoka_indicator *ind, const struct hyoka__ivalue *v,
                                          hyoka_decimal *out, int *why);
/* The same for the stated figure of a record (@p stated; a figure of
 * hyoka_record_figure(): the budgets' printed execution rate). */
int hyoka__record_stated_counterpart(const hyoka_record *record, int figure, const hyoka_decimal *stated,
                                     hyoka_decimal *out, int *why);
/* 1 when |stated − computed| ≤ @p tolerance units of the stated figure's
 * last place (computed has the stated figure's places), else 0. */
int hyoka__stated_matches(const hyoka_decimal *stated, const hyoka_decimal *computed, int64_t tolerance);

/* ---- Shared by the figures' files ---- */

#define HYOKA__HAS(bits, field) (((bits) >> (unsigned)(field)) & 1u)

static inline void hyoka__set_reason(int *reason, int why)
{
    if (reason)
        *reason = why;
}

/* The rounding in force for @p figure (hyoka__rounding_in_force()),
 * checked: HYOKA_EINVAL (recorded) for a rule no setter lets in. */
int hyoka__figure_rule_fail(int figure);
static inline int hyoka__figure_rule(const hyoka_portfolio *pf, int figure, struct hyoka__rounding *r)
{
    hyoka__rounding_in_force(pf, figure, r);
    if (HYOKA_UNLIKELY(r->places < 0 || r->places > HYOKA_DECIMAL_MAX_SCALE || r->mode < 0 ||
                       r->mode >= HYOKA__ROUNDING_COUNT))
        return hyoka__figure_rule_fail(figure);
    return HYOKA_OK;
}

/* num ÷ den (× 100 when @p percent), exactly, rounded once by @p r. The
 * factor 100 is applied by moving den's decimal point two places (den / 100
 * is exact), or, when den already has more than 16 places, by multiplying
 * num; both keep the quotient exact. @p den is not 0. */
static inline int hyoka__ratio(const hyoka_decimal *num, const hyoka_decimal *den, int percent,
                               const struct hyoka__rounding *r, hyoka_decimal *out)
{
    hyoka_decimal n = *num, d = *den;
    int rc;

    if (percent) {
        int scale = hyoka_decimal_scale(den);
        if (scale <= HYOKA_DECIMAL_MAX_SCALE - 2) {
            rc = hyoka_decimal_from_parts(hyoka_decimal_coefficient(den), scale + 2, &d);
        } else {
            hyoka_decimal hundred = hyoka_decimal_from_int(100);
            rc = hyoka_decimal_mul(num, &hundred, &n);
        }
        if (rc != HYOKA_OK)
            return rc;
    }
    return hyoka_decimal_div(&n, &d, r->places, r->mode, out);
}

/* Record an unavailable figure for the caller of public function @p fn
 * (the message is written only if asked for) and return
 * HYOKA_EUNAVAILABLE. @p what names the figure, or is NULL for a staff
 * line; @p fiscal_year is 0 when there is none to name. */
int hyoka__fail_unavailable(const char *fn, const char *what, int32_t fiscal_year, int why);

#endif /* HYOKA_FIGURES_INTERNAL_H */
