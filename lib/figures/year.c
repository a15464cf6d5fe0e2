/* figures: the figures of a cost year (hyoka_costs_figure()) and the cost
 * of a staff line (hyoka_staff_cost()), computed exactly from the data each
 * time they are asked for.
 *
 * Rules followed throughout (docs/guide.md, chapter Figures, gives them per
 * figure):
 * - Money is int64_t yen, every sum and product checked (HYOKA_ERANGE).
 * - Every other figure is ONE exact ratio of exact decimals, rounded once by
 *   hyoka_decimal_div() with the places and mode of the rule in force
 *   (the portfolio's override, else the default), or of the explicit rule
 *   a caller gives (the stated figures' check, stated.c).
 * - Nothing here writes to the model: every object is read through a const
 *   pointer. */
#include "figures/internal.h"
#include "hyoka/figures.h"

#define HAS HYOKA__HAS

/* The three sums most figures of a year start from (figures/internal.h:
 * struct hyoka__year_memo); a one-figure call passes no memo and computes
 * what it needs directly. */
enum { MEMO_EXPENSE, MEMO_PERSONNEL, MEMO_TOTAL };

/* ------------------------------------------------------------------------ */
/* Money figures                                                             */

static int expense_raw(const hyoka_costs *c, int64_t *out, int *why)
{
    uint32_t p = c->present;

    if ((c->phase == HYOKA_PHASE_SETTLED || c->phase == HYOKA_UNSET) && HAS(p, HYOKA_COST_SETTLEMENT))
        *out = c->value[HYOKA_COST_SETTLEMENT];
    else if (HAS(p, HYOKA_COST_FINAL_BUDGET))
        *out = c->value[HYOKA_COST_FINAL_BUDGET];
    else if (HAS(p, HYOKA_COST_INITIAL_BUDGET))
        *out = c->value[HYOKA_COST_INITIAL_BUDGET];
    else if (HAS(p, HYOKA_COST_SETTLEMENT))
        *out = c->value[HYOKA_COST_SETTLEMENT];
    else {
        *why = HYOKA_REASON_NO_EXPENSE;
        return HYOKA_EUNAVAILABLE;
    }
    return HYOKA_OK;
}

/* The rounding mode of staff line costs: the PERSONNEL rule's. */
static int personnel_mode(const hyoka_costs *c, int *mode)
{
    struct hyoka__rounding r;
    int rc = hyoka__figure_rule(hyoka__portfolio_of(c->project), HYOKA_FIG_PERSONNEL, &r);
    if (rc == HYOKA_OK)
        *mode = r.mode;
    return rc;
}

/* yen × factor rounded by @p mode: the stored factor is valid and the mode
 * checked by hyoka__figure_rule(), so only an overflow can fail, and only
 * then does the public function run to record its message. */
static int times(int64_t yen, const hyoka_decimal *factor, int mode, int64_t *out)
{
    if (hyoka__mul_round(yen, hyoka_decimal_coefficient(factor), hyoka_decimal_scale(factor), mode, out) ==
        HYOKA_OK)
        return HYOKA_OK;
    return hyoka_yen_mul_decimal(yen, factor, mode, out);
}

static int staff_cost_of(const hyoka_staff *s, int mode, int64_t *out, int *why)
{
    uint32_t p = s->present;

    if (HAS(p, HYOKA_STAFF_FTE) && HAS(p, HYOKA_STAFF_UNIT_COST))
        return times(s->amount[HYOKA_STAFF_UNIT_COST - 3], &s->dec[HYOKA_STAFF_FTE], mode, out);
    if (HAS(p, HYOKA_STAFF_HOURS) && HAS(p, HYOKA_STAFF_HOURLY_RATE))
        return times(s->amount[HYOKA_STAFF_HOURLY_RATE - 3], &s->dec[HYOKA_STAFF_HOURS], mode, out);
    if (HAS(p, HYOKA_STAFF_AMOUNT)) {
        *out = s->amount[HYOKA_STAFF_AMOUNT - 3];
        return HYOKA_OK;
    }
    *why = HYOKA_REASON_NO_EXPENSE;
    return HYOKA_EUNAVAILABLE;
}

static int personnel_raw(const hyoka_costs *c, int64_t *out)
{
    int64_t sum = 0;
    int mode, rc;

    rc = personnel_mode(c, &mode);
    if (rc != HYOKA_OK)
        return rc;
    for (size_t i = 0; i < c->staff.count; i++) {
        const hyoka_staff *s = c->staff.items[i];
        int64_t line = 0;
        int why = HYOKA_REASON_NONE;

        rc = staff_cost_of(s, mode, &line, &why);
        if (rc == HYOKA_EUNAVAILABLE)
            continue; /* a line with nothing to cost it with costs 0 */
        if (rc != HYOKA_OK)
            return rc;
        rc = hyoka_yen_add(sum, line, &sum);
        if (rc != HYOKA_OK)
            return hyoka__fail(HYOKA_ERANGE, "%s of fiscal year %ld overflows 64-bit yen",
                               hyoka__figure_names[HYOKA_FIG_PERSONNEL], (long)c->fiscal_year);
    }
    *out = sum;
    return HYOKA_OK;
}

static int64_t value_or_zero(const hyoka_costs *c, int field)
{
    return HAS(c->present, field) ? c->value[field] : 0;
}

static int expense_of(const hyoka_costs *c, struct hyoka__year_memo *m, int64_t *out, int *why);
static int personnel_of(const hyoka_costs *c, struct hyoka__year_memo *m, int64_t *out);

static int total_raw(const hyoka_costs *c, struct hyoka__year_memo *m, int64_t *out, int *why)
{
    int64_t parts[4];
    int rc = expense_of(c, m, &parts[0], why);

    if (rc != HYOKA_OK)
        return rc;
    rc = personnel_of(c, m, &parts[1]);
    if (rc != HYOKA_OK)
        return rc;
    parts[2] = value_or_zero(c, HYOKA_COST_DEBT_SERVICE);
    parts[3] = value_or_zero(c, HYOKA_COST_INDIRECT);
    rc = hyoka_yen_sum(parts, 4, out);
    if (rc != HYOKA_OK)
        return hyoka__fail(HYOKA_ERANGE, "%s of fiscal year %ld overflows 64-bit yen",
                           hyoka__figure_names[HYOKA_FIG_TOTAL_COST], (long)c->fiscal_year);
    return HYOKA_OK;
}

static int sum_raw(const hyoka_costs *c, struct hyoka__year_memo *m, int k, int64_t *out, int *why)
{
    return k == MEMO_EXPENSE ? expense_raw(c, out, why) : k == MEMO_PERSONNEL ? personnel_raw(c, out)
                                                                               : total_raw(c, m, out, why);
}

/* Sum @p k of @p c through @p m: computed the first time, then its
 * status, reason and value replayed. */
static int sum_of(const hyoka_costs *c, struct hyoka__year_memo *m, int k, int64_t *out, int *why)
{
    if (!m->sum[k].have) {
        m->sum[k].yen = 0;
        m->sum[k].why = HYOKA_REASON_NONE;
        m->sum[k].rc = sum_raw(c, m, k, &m->sum[k].yen, &m->sum[k].why);
        m->sum[k].have = 1;
    }
    if (m->sum[k].rc == HYOKA_OK)
        *out = m->sum[k].yen;
    else if (m->sum[k].rc == HYOKA_EUNAVAILABLE)
        *why = m->sum[k].why;
    return m->sum[k].rc;
}

static int expense_of(const hyoka_costs *c, struct hyoka__year_memo *m, int64_t *out, int *why)
{
    return m ? sum_of(c, m, MEMO_EXPENSE, out, why) : expense_raw(c, out, why);
}

static int personnel_of(const hyoka_costs *c, struct hyoka__year_memo *m, int64_t *out)
{
    int unused = HYOKA_REASON_NONE;
    return m ? sum_of(c, m, MEMO_PERSONNEL, out, &unused) : personnel_raw(c, out);
}

static int total_of(const hyoka_costs *c, struct hyoka__year_memo *m, int64_t *out, int *why)
{
    return m ? sum_of(c, m, MEMO_TOTAL, out, why) : total_raw(c, NULL, out, why);
}

static int costs_money(const hyoka_costs *c, struct hyoka__year_memo *m, int figure, int64_t *out, int *why)
{
    switch (figure) {
    case HYOKA_FIG_EXPENSE:
        return expense_of(c, m, out, why);
    case HYOKA_FIG_PERSONNEL:
        return personnel_of(c, m, out);
    case HYOKA_FIG_DEBT_SERVICE:
        *out = value_or_zero(c, HYOKA_COST_DEBT_SERVICE);
        return HYOKA_OK;
    case HYOKA_FIG_INDIRECT_COSTS:
        *out = value_or_zero(c, HYOKA_COST_INDIRECT);
        return HYOKA_OK;
    case HYOKA_FIG_TOTAL_COST:
        return total_of(c, m, out, why);
    case HYOKA_FIG_GENERAL_REVENUE:
        if (!HAS(c->present, HYOKA_COST_GENERAL)) {
            *why = HYOKA_REASON_NO_GENERAL;
            return HYOKA_EUNAVAILABLE;
        }
        *out = c->value[HYOKA_COST_GENERAL];
        return HYOKA_OK;
    default: { /* HYOKA_FIG_SPECIFIC_REVENUE */
        int64_t parts[5];
        for (int f = HYOKA_COST_NATIONAL; f <= HYOKA_COST_OTHER; f++)
            parts[f - HYOKA_COST_NATIONAL] = value_or_zero(c, f);
        if (hyoka_yen_sum(parts, 5, out) != HYOKA_OK)
            return hyoka__fail(HYOKA_ERANGE, "%s of fiscal year %ld overflows 64-bit yen",
                               hyoka__figure_names[HYOKA_FIG_SPECIFIC_REVENUE], (long)c->fiscal_year);
        return HYOKA_OK;
    }
    }
}

int hyoka__costs_money(const hyoka_costs *c, int figure, int64_t *out, int *why)
{
    return costs_money(c, NULL, figure, out, why);
}

int hyoka__money_in_unit(int64_t yen, const struct hyoka__rounding *r, hyoka_decimal *out)
{
    hyoka_decimal d = hyoka_decimal_from_int(yen);

    if (r->unit == HYOKA_UNIT_THOUSAND_YEN) {
        int rc = hyoka_yen_to_thousands(yen, &d);
        if (rc != HYOKA_OK)
            return rc;
    }
    return hyoka_decimal_round(&d, r->places, r->mode, out);
}

/* ------------------------------------------------------------------------ */
/* Ratio figures                                                             */

static int count_in(const hyoka_costs *c, const hyoka_portfolio *pf, int figure, int64_t *out, int *why)
{
    int field, missing;

    switch (figure) {
    case HYOKA_FIG_PER_CAPITA:
        field = HYOKA_COST_POPULATION;
        missing = HYOKA_REASON_NO_POPULATION;
        break;
    case HYOKA_FIG_PER_HOUSEHOLD:
        field = HYOKA_COST_HOUSEHOLDS;
        missing = HYOKA_REASON_NO_HOUSEHOLDS;
        break;
    case HYOKA_FIG_UNIT_COST:
        field = HYOKA_COST_USAGE;
        missing = HYOKA_REASON_NO_USAGE;
        break;
    default:
        field = HYOKA_COST_BENEFICIARIES;
        missing = HYOKA_REASON_NO_BENEFICIARIES;
        break;
    }
    if (HAS(c->present, field)) {
        *out = c->value[field];
    } else if (pf && (field == HYOKA_COST_POPULATION || field == HYOKA_COST_HOUSEHOLDS)) {
        int64_t v = 0;
        int rc = hyoka_portfolio_denominator(pf, c->fiscal_year, field, &v);
        if (rc < 0)
            return rc;
        if (rc == 0) {
            *why = missing;
            return HYOKA_EUNAVAILABLE;
        }
        *out = v;
    } else {
        *why = missing;
        return HYOKA_EUNAVAILABLE;
    }
    if (*out == 0) {
        *why = HYOKA_REASON_ZERO_DENOMINATOR;
        return HYOKA_EUNAVAILABLE;
    }
    return HYOKA_OK;
}

int hyoka__costs_count(const hyoka_costs *c, int figure, int64_t *out, int *why)
{
    return count_in(c, hyoka__portfolio_of(c->project), figure, out, why);
}

/* The previous fiscal year of @p c in its project: the first cost year of
 * fiscal year − 1, or NULL. Through @p ix when it indexes the project. */
static const hyoka_costs *previous_year(const hyoka_costs *c, const struct hyoka__year_index *ix)
{
    const hyoka_project *p = c->project;
    size_t i;

    if (!p || c->fiscal_year <= INT32_MIN)
        return NULL;
    i = hyoka__year_find(p, ix, c->fiscal_year - 1);
    return i < p->years.count ? p->years.items[i] : NULL;
}

static int year_figure(const hyoka_costs *c, int figure, const struct hyoka__year_index *ix,
                       const struct hyoka__rounding *r, struct hyoka__year_memo *m, hyoka_decimal *out, int *why)
{
    const hyoka_portfolio *pf = hyoka__portfolio_of(c->project);
    struct hyoka__rounding in_force;
    hyoka_decimal num, den;
    int64_t a = 0, b = 0;
    int rc;

    if (hyoka__is_money_figure(figure)) {
        rc = costs_money(c, m, figure, &a, why);
        if (rc != HYOKA_OK)
            return rc;
        if (r)
            return hyoka__money_in_unit(a, r, out);
        *out = hyoka_decimal_from_int(a);
        return HYOKA_OK;
    }
    if (!r) {
        rc = hyoka__figure_rule(pf, figure, &in_force);
        if (rc != HYOKA_OK)
            return rc;
        r = &in_force;
    }

    if (hyoka__is_per_head_figure(figure)) {
        rc = total_of(c, m, &a, why);
        if (rc != HYOKA_OK)
            return rc;
        rc = count_in(c, pf, figure, &b, why);
        if (rc != HYOKA_OK)
            return rc;
        /* In thousand yen per head: total ÷ (count × 1000), i.e. the total
         * written in thousands (exact, three places) ÷ count. */
        if (r->unit == HYOKA_UNIT_THOUSAND_YEN) {
            rc = hyoka_yen_to_thousands(a, &num);
            if (rc != HYOKA_OK)
                return rc;
        } else {
            num = hyoka_decimal_from_int(a);
        }
        den = hyoka_decimal_from_int(b);
        return hyoka__ratio(&num, &den, 0, r, out);
    }

    switch (figure) {
    case HYOKA_FIG_EXECUTION_RATE:
        if (!HAS(c->present, HYOKA_COST_FINAL_BUDGET)) {
            *why = HYOKA_REASON_NO_FINAL_BUDGET;
            return HYOKA_EUNAVAILABLE;
        }
        if (!HAS(c->present, HYOKA_COST_SETTLEMENT)) {
            *why = HYOKA_REASON_NO_SETTLEMENT;
            return HYOKA_EUNAVAILABLE;
        }
        a = c->value[HYOKA_COST_SETTLEMENT];
        b = c->value[HYOKA_COST_FINAL_BUDGET];
        break;
    case HYOKA_FIG_PERSONNEL_SHARE:
        rc = total_of(c, m, &b, why);
        if (rc != HYOKA_OK)
            return rc;
        rc = personnel_of(c, m, &a);
        if (rc != HYOKA_OK)
            return rc;
        break;
    case HYOKA_FIG_GENERAL_REVENUE_SHARE:
        rc = expense_of(c, m, &b, why);
        if (rc != HYOKA_OK)
            return rc;
        if (!HAS(c->present, HYOKA_COST_GENERAL)) {
            *why = HYOKA_REASON_NO_GENERAL;
            return HYOKA_EUNAVAILABLE;
        }
        a = c->value[HYOKA_COST_GENERAL];
        break;
    default: { /* HYOKA_FIG_TOTAL_COST_CHANGE */
        const hyoka_costs *prev;
        int64_t cur = 0;

        rc = total_of(c, m, &cur, why);
        if (rc != HYOKA_OK)
            return rc;
        prev = previous_year(c, ix);
        if (!prev) {
            *why = HYOKA_REASON_NO_PREVIOUS_YEAR;
            return HYOKA_EUNAVAILABLE;
        }
        rc = total_of(prev, NULL, &b, why);
        if (rc == HYOKA_EUNAVAILABLE)
            *why = HYOKA_REASON_NO_PREVIOUS_YEAR;
        if (rc != HYOKA_OK)
            return rc;
        if (hyoka_yen_sub(cur, b, &a) != HYOKA_OK)
            return hyoka__fail(HYOKA_ERANGE, "%s of fiscal year %ld overflows 64-bit yen",
                               hyoka__figure_names[HYOKA_FIG_TOTAL_COST_CHANGE], (long)c->fiscal_year);
        break;
    }
    }
    if (b == 0) {
        *why = HYOKA_REASON_ZERO_DENOMINATOR;
        return HYOKA_EUNAVAILABLE;
    }
    num = hyoka_decimal_from_int(a);
    den = hyoka_decimal_from_int(b);
    return hyoka__ratio(&num, &den, 1, r, out);
}

int hyoka__year_figure(const hyoka_costs *c, int figure, const struct hyoka__year_index *ix,
                       const struct hyoka__rounding *r, hyoka_decimal *out, int *why)
{
    return year_figure(c, figure, ix, r, NULL, out, why);
}

/* ------------------------------------------------------------------------ */
/* Public entry points                                                       */

static int costs_figure_memo(const hyoka_costs *costs, int figure, const struct hyoka__year_index *ix,
                             struct hyoka__year_memo *m, hyoka_decimal *out, int *reason, int quiet)
{
    static const char fn[] = "hyoka_costs_figure";
    hyoka_decimal v;
    int why = HYOKA_REASON_NONE;
    int rc;

    hyoka__set_reason(reason, HYOKA_REASON_NONE);
    HYOKA__CHECK_NULL_IN(fn, costs);
    HYOKA__CHECK_NULL_IN(fn, out);
    HYOKA__CHECK_ENUM_IN(fn, figure, FIGURE);
    if (!hyoka__is_year_figure(figure)) {
        why = HYOKA_REASON_NOT_A_FIGURE;
        rc = HYOKA_EUNAVAILABLE;
    } else {
        rc = year_figure(costs, figure, ix, NULL, m, &v, &why);
    }
    if (rc == HYOKA_EUNAVAILABLE) {
        hyoka__set_reason(reason, why);
        return quiet ? HYOKA_EUNAVAILABLE
                     : hyoka__fail_unavailable(fn, hyoka__figure_names[figure], costs->fiscal_year, why);
    }
    if (rc == HYOKA_OK)
        *out = v;
    else if (rc == HYOKA_ERANGE)
        hyoka__set_reason(reason, HYOKA_REASON_OVERFLOW);
    return rc;
}

static int costs_figure_impl(const hyoka_costs *costs, int figure, const struct hyoka__year_index *ix,
                             hyoka_decimal *out, int *reason, int quiet)
{
    return costs_figure_memo(costs, figure, ix, NULL, out, reason, quiet);
}

int hyoka_costs_figure(const hyoka_costs *costs, int figure, hyoka_decimal *out, int *reason)
{
    return costs_figure_impl(costs, figure, NULL, out, reason, 0);
}

int hyoka__costs_figure(const hyoka_costs *costs, int figure, hyoka_decimal *out, int *reason)
{
    return costs_figure_impl(costs, figure, NULL, out, reason, 1);
}

int hyoka__costs_figure_in(const hyoka_costs *costs, int figure, const struct hyoka__year_index *ix,
                           hyoka_decimal *out, int *reason)
{
    return costs_figure_impl(costs, figure, ix, out, reason, 1);
}

int hyoka__costs_figure_memo(const hyoka_costs *costs, int figure, const struct hyoka__year_index *ix,
                             struct hyoka__year_memo *memo, hyoka_decimal *out, int *reason)
{
    return costs_figure_memo(costs, figure, ix, memo, out, reason, 1);
}

int hyoka_costs_figures(const hyoka_costs *costs, hyoka_decimal *values, int *reasons, size_t count)
{
    enum { FIRST = HYOKA_FIG_EXPENSE, N = HYOKA_FIG_TOTAL_COST_CHANGE - HYOKA_FIG_EXPENSE + 1 };
    struct hyoka__year_memo m = {0};

    if (!costs || (count && (!values || !reasons)))
        return hyoka__fail(HYOKA_EINVAL, "hyoka_costs_figures: NULL argument");
    for (size_t i = 0; i < count && i < N; i++) {
        int rc = costs_figure_memo(costs, FIRST + (int)i, NULL, &m, &values[i], &reasons[i], 1);
        if (rc != HYOKA_OK && rc != HYOKA_EUNAVAILABLE)
            reasons[i] = rc;
    }
    return N;
}

static int staff_cost_impl(const hyoka_staff *staff, int64_t *out, int *reason, int quiet)
{
    static const char fn[] = "hyoka_staff_cost";
    int64_t v = 0;
    int why = HYOKA_REASON_NONE, mode = HYOKA__DEFAULT_MODE;
    int rc;

    hyoka__set_reason(reason, HYOKA_REASON_NONE);
    HYOKA__CHECK_NULL_IN(fn, staff);
    HYOKA__CHECK_NULL_IN(fn, out);
    if (staff->costs) {
        rc = personnel_mode(staff->costs, &mode);
        if (rc != HYOKA_OK)
            return rc;
    }
    rc = staff_cost_of(staff, mode, &v, &why);
    if (rc == HYOKA_EUNAVAILABLE) {
        hyoka__set_reason(reason, why);
        return quiet ? HYOKA_EUNAVAILABLE : hyoka__fail_unavailable(fn, NULL, 0, why);
    }
    if (rc == HYOKA_OK)
        *out = v;
    else if (rc == HYOKA_ERANGE)
        hyoka__set_reason(reason, HYOKA_REASON_OVERFLOW);
    return rc;
}

int hyoka_staff_cost(const hyoka_staff *staff, int64_t *out, int *reason)
{
    return staff_cost_impl(staff, out, reason, 0);
}

int hyoka__staff_cost(const hyoka_staff *staff, int64_t *out, int *reason)
{
    return staff_cost_impl(staff, out, reason, 1);
}
