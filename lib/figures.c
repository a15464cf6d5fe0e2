/* figures: every figure an evaluation sheet prints (DESIGN §6), computed
 * exactly from the data each time it is asked for, and the portfolio
 * roll-ups and rankings built on them.
 *
 * Rules followed throughout (docs/guide.md, chapter Figures, gives them per figure):
 * - Money is int64_t yen, every sum and product checked (HYOKA_ERANGE).
 * - Every other figure is ONE exact ratio of exact decimals, rounded once by
 *   hyoka_decimal_div() with the places and mode of the rule in force
 *   (the portfolio's override, else the default).
 * - Nothing here writes to the model: every object is read through a const
 *   pointer.
 *
 * Internal helpers return HYOKA_OK, HYOKA_EUNAVAILABLE with *why set and
 * WITHOUT recording an error (roll-ups and rankings swallow those), or a
 * hard error already recorded through hyoka__fail(). The public entry points
 * record the unavailable case with a message. */
#include "model.h"
#include "hyoka/figures.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__extension__ typedef __int128 i128;

#define MONEY_FIGURE_COUNT (HYOKA_FIG_SPECIFIC_REVENUE + 1)
#define STAGE_COUNT (HYOKA_STAGE_COMMITTEE + 1)

#define HAS(bits, field) (((bits) >> (unsigned)(field)) & 1u)

/* ------------------------------------------------------------------------ */
/* Reasons                                                                   */

struct reason_entry {
    const char *name;
    const char *en;
    const char *ja;
};

static const struct reason_entry reason_table[] = {
    {"none", "the figure is available", "算出できる"},
    {"no_expense", "no settlement, final budget or initial budget", "決算額・最終予算額・当初予算額のいずれもない"},
    {"no_population", "no population for the fiscal year", "当該年度の人口がない"},
    {"no_households", "no households for the fiscal year", "当該年度の世帯数がない"},
    {"no_usage", "no usage count", "利用数がない"},
    {"no_beneficiaries", "no beneficiary count", "受益者数がない"},
    {"zero_denominator", "the divisor is 0", "割る数が0である"},
    {"no_final_budget", "no final budget", "最終予算額がない"},
    {"no_settlement", "no settlement", "決算額がない"},
    {"no_previous_year", "no figure for the previous fiscal year", "前年度の数値がない"},
    {"no_general_revenue", "general revenue not given", "一般財源の額がない"},
    {"no_target", "no target value", "目標値がない"},
    {"target_zero", "the target is 0", "目標値が0である"},
    {"no_actual", "no actual value", "実績値がない"},
    {"not_settable", "the indicator is marked not settable", "指標が設定困難とされている"},
    {"no_direction", "the indicator has no direction", "指標の方向性（拡大・縮小・維持）がない"},
    {"actual_zero", "the actual is 0 where it divides", "実績値が0で割れない"},
    {"no_scheme", "the evaluation scheme is unknown", "評価の方式が見つからない"},
    {"no_scores", "no answer carries a score", "評点のある回答がない"},
    {"zero_weight", "the scored criteria weigh 0 in total", "評点のある評価項目の重みの合計が0である"},
    {"no_bands", "no rating band applies", "該当する評価段階がない"},
    {"not_a_figure", "the figure does not apply to this object", "この対象には算出しない数値である"},
    {"no_year", "no entry for that fiscal year", "当該年度のデータがない"},
    {"bad_answer", "an answer is not an option or number of its criterion", "評価項目の選択肢・範囲にない回答がある"},
};

#define REASON_COUNT ((int)(sizeof reason_table / sizeof reason_table[0]))

const char *hyoka_reason_name(int reason)
{
    if (reason < 0 || reason >= REASON_COUNT)
        return NULL;
    return reason_table[reason].name;
}

const char *hyoka_reason_message(int reason, int lang)
{
    if (reason < 0 || reason >= REASON_COUNT)
        return NULL;
    if (lang == HYOKA_LANG_EN)
        return reason_table[reason].en;
    if (lang == HYOKA_LANG_JA)
        return reason_table[reason].ja;
    return NULL;
}

/* ------------------------------------------------------------------------ */
/* Small helpers                                                             */

static const char *const figure_names[HYOKA__FIGURE_COUNT] = {
    "expense", "personnel", "debt_service", "indirect_costs", "total_cost",
    "general_revenue", "specific_revenue", "per_capita", "per_household",
    "unit_cost", "per_beneficiary", "execution_rate", "personnel_share",
    "general_revenue_share", "total_cost_change", "achievement", "change",
    "score",
};

static int is_money(int figure)
{
    return figure >= HYOKA_FIG_EXPENSE && figure <= HYOKA_FIG_SPECIFIC_REVENUE;
}

static int is_per_head(int figure)
{
    return figure >= HYOKA_FIG_PER_CAPITA && figure <= HYOKA_FIG_PER_BENEFICIARY;
}

static void set_reason(int *reason, int why)
{
    if (reason)
        *reason = why;
}

/* An unavailable figure, recorded for the caller of a public function; the
 * message is written only if the caller asks for it, since bulk callers
 * meet thousands of unavailable figures and read none of the messages. */
struct unavailable {
    const char *fn;
    const char *what;      /* the figure's name, or NULL for a staff line */
    int32_t fiscal_year;   /* 0: none to name */
    int why;
};

static void render_unavailable(char *buf, size_t size, const void *args)
{
    const struct unavailable *u = args;

    if (!u->what)
        hyoka__message(buf, size,
                       "%s: the staff line has neither FTE and unit cost, hours and hourly rate, nor an amount",
                       u->fn);
    else if (u->fiscal_year != 0)
        hyoka__message(buf, size, "%s: %s of fiscal year %ld is unavailable: %s", u->fn, u->what,
                       (long)u->fiscal_year, reason_table[u->why].en);
    else
        hyoka__message(buf, size, "%s: %s is unavailable: %s", u->fn, u->what, reason_table[u->why].en);
}

static int fail_unavailable_named(const char *fn, const char *what, int32_t fiscal_year, int why)
{
    struct unavailable u;

    u.fn = fn;
    u.what = what;
    u.fiscal_year = fiscal_year;
    u.why = why;
    return hyoka__fail_lazy(HYOKA_EUNAVAILABLE, render_unavailable, &u, sizeof u);
}

static int fail_unavailable(const char *fn, int figure, int32_t fiscal_year, int why)
{
    return fail_unavailable_named(fn, figure_names[figure], fiscal_year, why);
}

/* The portfolio a project belongs to, through its parent projects. */
static const hyoka_portfolio *portfolio_of(const hyoka_project *project)
{
    while (project && project->parent)
        project = project->parent;
    return project ? project->portfolio : NULL;
}

struct rule {
    int places;
    int mode;
    int unit;
};

/* The rounding in force for @p figure: the portfolio's override, else the
 * default (money whole yen, everything else 1 place; half_up; yen). */
static int rule_for(const hyoka_portfolio *pf, int figure, struct rule *r)
{
    r->places = is_money(figure) ? 0 : 1;
    r->mode = HYOKA_ROUND_HALF_UP;
    r->unit = HYOKA_UNIT_YEN;
    if (pf && pf->rounding[figure].set) {
        const struct hyoka__rounding_rule *o = &pf->rounding[figure];
        r->places = o->places;
        r->mode = o->mode;
        r->unit = o->unit;
    }
    if (r->places < 0 || r->places > HYOKA_DECIMAL_MAX_SCALE || !hyoka_rounding_name(r->mode))
        return hyoka__fail(HYOKA_EINVAL, "figures: invalid rounding rule for %s", figure_names[figure]);
    return HYOKA_OK;
}

/* num ÷ den (× 100 when @p percent), exactly, rounded once by @p r. The
 * factor 100 is applied by moving den's decimal point two places (den / 100
 * is exact), or, when den already has more than 16 places, by multiplying
 * num; both keep the quotient exact. @p den is not 0. */
static int ratio(const hyoka_decimal *num, const hyoka_decimal *den, int percent, const struct rule *r,
                 hyoka_decimal *out)
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

/* ------------------------------------------------------------------------ */
/* Money figures of a cost year                                              */

static int expense_of(const hyoka_costs *c, int64_t *out, int *why)
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
    struct rule r;
    int rc = rule_for(portfolio_of(c->project), HYOKA_FIG_PERSONNEL, &r);
    if (rc == HYOKA_OK)
        *mode = r.mode;
    return rc;
}

/* yen × factor rounded by @p mode: the stored factor is valid and the mode
 * checked by rule_for(), so only an overflow can fail, and only then does
 * the public function run to record its message. */
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

static int personnel_of(const hyoka_costs *c, int64_t *out)
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
            return hyoka__fail(HYOKA_ERANGE, "personnel of fiscal year %ld overflows 64-bit yen",
                               (long)c->fiscal_year);
    }
    *out = sum;
    return HYOKA_OK;
}

static int64_t value_or_zero(const hyoka_costs *c, int field)
{
    return HAS(c->present, field) ? c->value[field] : 0;
}

static int total_of(const hyoka_costs *c, int64_t *out, int *why)
{
    int64_t parts[4];
    int rc = expense_of(c, &parts[0], why);

    if (rc != HYOKA_OK)
        return rc;
    rc = personnel_of(c, &parts[1]);
    if (rc != HYOKA_OK)
        return rc;
    parts[2] = value_or_zero(c, HYOKA_COST_DEBT_SERVICE);
    parts[3] = value_or_zero(c, HYOKA_COST_INDIRECT);
    rc = hyoka_yen_sum(parts, 4, out);
    if (rc != HYOKA_OK)
        return hyoka__fail(HYOKA_ERANGE, "total cost of fiscal year %ld overflows 64-bit yen",
                           (long)c->fiscal_year);
    return HYOKA_OK;
}

/* A money figure (EXPENSE .. SPECIFIC_REVENUE) in yen. */
static int money_of(const hyoka_costs *c, int figure, int64_t *out, int *why)
{
    switch (figure) {
    case HYOKA_FIG_EXPENSE:
        return expense_of(c, out, why);
    case HYOKA_FIG_PERSONNEL:
        return personnel_of(c, out);
    case HYOKA_FIG_DEBT_SERVICE:
        *out = value_or_zero(c, HYOKA_COST_DEBT_SERVICE);
        return HYOKA_OK;
    case HYOKA_FIG_INDIRECT_COSTS:
        *out = value_or_zero(c, HYOKA_COST_INDIRECT);
        return HYOKA_OK;
    case HYOKA_FIG_TOTAL_COST:
        return total_of(c, out, why);
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
            return hyoka__fail(HYOKA_ERANGE, "specific revenue of fiscal year %ld overflows 64-bit yen",
                               (long)c->fiscal_year);
        return HYOKA_OK;
    }
    }
}

/* ------------------------------------------------------------------------ */
/* Ratio figures of a cost year                                              */

/* The count a per-head figure divides by. */
static int count_of(const hyoka_costs *c, const hyoka_portfolio *pf, int figure, int64_t *out, int *why)
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

/* ------------------------------------------------------------------------ */
/* Cost years by fiscal year                                                 */

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
        if (n > SIZE_MAX / sizeof *ix->slots)
            return;
        ix->slots = hyoka__malloc(n * sizeof *ix->slots);
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

/* Any figure of a cost year (EXPENSE .. TOTAL_COST_CHANGE); @p ix, an index
 * of its project or NULL, finds the previous year of TOTAL_COST_CHANGE. */
static int year_figure(const hyoka_costs *c, int figure, const struct hyoka__year_index *ix, hyoka_decimal *out,
                       int *why)
{
    const hyoka_portfolio *pf = portfolio_of(c->project);
    hyoka_decimal num, den;
    struct rule r;
    int64_t a = 0, b = 0;
    int rc;

    if (is_money(figure)) {
        rc = money_of(c, figure, &a, why);
        if (rc == HYOKA_OK)
            *out = hyoka_decimal_from_int(a);
        return rc;
    }
    rc = rule_for(pf, figure, &r);
    if (rc != HYOKA_OK)
        return rc;

    if (is_per_head(figure)) {
        rc = total_of(c, &a, why);
        if (rc != HYOKA_OK)
            return rc;
        rc = count_of(c, pf, figure, &b, why);
        if (rc != HYOKA_OK)
            return rc;
        /* In thousand yen per head: total ÷ (count × 1000), i.e. the total
         * written in thousands (exact, three places) ÷ count. */
        if (r.unit == HYOKA_UNIT_THOUSAND_YEN) {
            rc = hyoka_yen_to_thousands(a, &num);
            if (rc != HYOKA_OK)
                return rc;
        } else {
            num = hyoka_decimal_from_int(a);
        }
        den = hyoka_decimal_from_int(b);
        return ratio(&num, &den, 0, &r, out);
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
        rc = total_of(c, &b, why);
        if (rc != HYOKA_OK)
            return rc;
        rc = personnel_of(c, &a);
        if (rc != HYOKA_OK)
            return rc;
        break;
    case HYOKA_FIG_GENERAL_REVENUE_SHARE:
        rc = expense_of(c, &b, why);
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

        rc = total_of(c, &cur, why);
        if (rc != HYOKA_OK)
            return rc;
        prev = previous_year(c, ix);
        if (!prev) {
            *why = HYOKA_REASON_NO_PREVIOUS_YEAR;
            return HYOKA_EUNAVAILABLE;
        }
        rc = total_of(prev, &b, why);
        if (rc == HYOKA_EUNAVAILABLE)
            *why = HYOKA_REASON_NO_PREVIOUS_YEAR;
        if (rc != HYOKA_OK)
            return rc;
        if (hyoka_yen_sub(cur, b, &a) != HYOKA_OK)
            return hyoka__fail(HYOKA_ERANGE, "total cost change of fiscal year %ld overflows 64-bit yen",
                               (long)c->fiscal_year);
        break;
    }
    }
    if (b == 0) {
        *why = HYOKA_REASON_ZERO_DENOMINATOR;
        return HYOKA_EUNAVAILABLE;
    }
    num = hyoka_decimal_from_int(a);
    den = hyoka_decimal_from_int(b);
    return ratio(&num, &den, 1, &r, out);
}

static int costs_figure_impl(const hyoka_costs *costs, int figure, const struct hyoka__year_index *ix,
                             hyoka_decimal *out, int *reason, int quiet)
{
    static const char fn[] = "hyoka_costs_figure";
    hyoka_decimal v;
    int why = HYOKA_REASON_NONE;
    int rc;

    set_reason(reason, HYOKA_REASON_NONE);
    if (!costs || !out)
        return hyoka__fail(HYOKA_EINVAL, "%s: NULL argument", fn);
    if (figure < 0 || figure >= HYOKA__FIGURE_COUNT)
        return hyoka__fail(HYOKA_EINVAL, "%s: %d is not a figure", fn, figure);
    if (figure > HYOKA_FIG_TOTAL_COST_CHANGE) {
        set_reason(reason, HYOKA_REASON_NOT_A_FIGURE);
        return quiet ? HYOKA_EUNAVAILABLE : fail_unavailable(fn, figure, costs->fiscal_year, HYOKA_REASON_NOT_A_FIGURE);
    }
    rc = year_figure(costs, figure, ix, &v, &why);
    if (rc == HYOKA_EUNAVAILABLE) {
        set_reason(reason, why);
        return quiet ? HYOKA_EUNAVAILABLE : fail_unavailable(fn, figure, costs->fiscal_year, why);
    }
    if (rc == HYOKA_OK)
        *out = v;
    return rc;
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

static int staff_cost_impl(const hyoka_staff *staff, int64_t *out, int *reason, int quiet)
{
    static const char fn[] = "hyoka_staff_cost";
    int64_t v = 0;
    int why = HYOKA_REASON_NONE, mode = HYOKA_ROUND_HALF_UP;
    int rc;

    set_reason(reason, HYOKA_REASON_NONE);
    if (!staff || !out)
        return hyoka__fail(HYOKA_EINVAL, "%s: NULL argument", fn);
    if (staff->costs) {
        rc = personnel_mode(staff->costs, &mode);
        if (rc != HYOKA_OK)
            return rc;
    }
    rc = staff_cost_of(staff, mode, &v, &why);
    if (rc == HYOKA_EUNAVAILABLE) {
        set_reason(reason, why);
        return quiet ? HYOKA_EUNAVAILABLE : fail_unavailable_named(fn, NULL, 0, why);
    }
    if (rc == HYOKA_OK)
        *out = v;
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

/* ------------------------------------------------------------------------ */
/* Indicators                                                                */

static const struct hyoka__ivalue *ivalue_of(const hyoka_indicator *ind, int32_t fiscal_year)
{
    for (size_t i = 0; i < ind->value_count; i++)
        if (ind->values[i].fiscal_year == fiscal_year)
            return &ind->values[i];
    return NULL;
}

static int indicator_figure(const hyoka_indicator *ind, int32_t fiscal_year, int figure, hyoka_decimal *out,
                            int *why)
{
    const struct hyoka__ivalue *v, *pv;
    const hyoka_decimal *target, *actual;
    hyoka_decimal diff;
    struct rule r;
    int rc, decrease;

    rc = rule_for(portfolio_of(ind->project), figure, &r);
    if (rc != HYOKA_OK)
        return rc;

    if (figure == HYOKA_FIG_CHANGE) {
        v = ivalue_of(ind, fiscal_year);
        if (!v) {
            *why = HYOKA_REASON_NO_YEAR;
            return HYOKA_EUNAVAILABLE;
        }
        if (!HAS(v->present, HYOKA_VALUE_ACTUAL)) {
            *why = HYOKA_REASON_NO_ACTUAL;
            return HYOKA_EUNAVAILABLE;
        }
        pv = fiscal_year > INT32_MIN ? ivalue_of(ind, fiscal_year - 1) : NULL;
        if (!pv || !HAS(pv->present, HYOKA_VALUE_ACTUAL)) {
            *why = HYOKA_REASON_NO_PREVIOUS_YEAR;
            return HYOKA_EUNAVAILABLE;
        }
        if (hyoka_decimal_sign(&pv->v[HYOKA_VALUE_ACTUAL]) == 0) {
            *why = HYOKA_REASON_ZERO_DENOMINATOR;
            return HYOKA_EUNAVAILABLE;
        }
        rc = hyoka_decimal_sub(&v->v[HYOKA_VALUE_ACTUAL], &pv->v[HYOKA_VALUE_ACTUAL], &diff);
        if (rc != HYOKA_OK)
            return rc;
        return ratio(&diff, &pv->v[HYOKA_VALUE_ACTUAL], 1, &r, out);
    }

    /* HYOKA_FIG_ACHIEVEMENT */
    if (ind->not_settable) {
        *why = HYOKA_REASON_NOT_SETTABLE;
        return HYOKA_EUNAVAILABLE;
    }
    v = ivalue_of(ind, fiscal_year);
    if (!v) {
        *why = HYOKA_REASON_NO_YEAR;
        return HYOKA_EUNAVAILABLE;
    }
    if (!HAS(v->present, HYOKA_VALUE_TARGET)) {
        *why = HYOKA_REASON_NO_TARGET;
        return HYOKA_EUNAVAILABLE;
    }
    target = &v->v[HYOKA_VALUE_TARGET];
    if (hyoka_decimal_sign(target) == 0) {
        *why = HYOKA_REASON_TARGET_ZERO;
        return HYOKA_EUNAVAILABLE;
    }
    if (!HAS(v->present, HYOKA_VALUE_ACTUAL)) {
        *why = HYOKA_REASON_NO_ACTUAL;
        return HYOKA_EUNAVAILABLE;
    }
    actual = &v->v[HYOKA_VALUE_ACTUAL];
    if (ind->direction != HYOKA_DIRECTION_INCREASE && ind->direction != HYOKA_DIRECTION_DECREASE &&
        ind->direction != HYOKA_DIRECTION_MAINTAIN) {
        *why = HYOKA_REASON_NO_DIRECTION;
        return HYOKA_EUNAVAILABLE;
    }
    if (ind->direction == HYOKA_DIRECTION_MAINTAIN) {
        int c = hyoka_decimal_cmp(actual, target);
        if (c == 0) {
            hyoka_decimal hundred = hyoka_decimal_from_int(100), one = hyoka_decimal_from_int(1);
            return hyoka_decimal_div(&hundred, &one, r.places, r.mode, out);
        }
        /* below the target the increase rule, above it the decrease rule */
        decrease = c > 0;
    } else {
        decrease = ind->direction == HYOKA_DIRECTION_DECREASE;
    }
    if (!decrease)
        return ratio(actual, target, 1, &r, out);
    if (hyoka_decimal_sign(actual) == 0) {
        *why = HYOKA_REASON_ACTUAL_ZERO;
        return HYOKA_EUNAVAILABLE;
    }
    return ratio(target, actual, 1, &r, out);
}

static int indicator_figure_impl(const hyoka_indicator *indicator, int32_t fiscal_year, int figure, hyoka_decimal *out,
                           int *reason, int quiet)
{
    static const char fn[] = "hyoka_indicator_figure";
    hyoka_decimal v;
    int why = HYOKA_REASON_NONE;
    int rc;

    set_reason(reason, HYOKA_REASON_NONE);
    if (!indicator || !out)
        return hyoka__fail(HYOKA_EINVAL, "%s: NULL argument", fn);
    if (figure < 0 || figure >= HYOKA__FIGURE_COUNT)
        return hyoka__fail(HYOKA_EINVAL, "%s: %d is not a figure", fn, figure);
    if (figure != HYOKA_FIG_ACHIEVEMENT && figure != HYOKA_FIG_CHANGE) {
        set_reason(reason, HYOKA_REASON_NOT_A_FIGURE);
        return quiet ? HYOKA_EUNAVAILABLE : fail_unavailable(fn, figure, fiscal_year, HYOKA_REASON_NOT_A_FIGURE);
    }
    rc = indicator_figure(indicator, fiscal_year, figure, &v, &why);
    if (rc == HYOKA_EUNAVAILABLE) {
        set_reason(reason, why);
        return quiet ? HYOKA_EUNAVAILABLE : fail_unavailable(fn, figure, fiscal_year, why);
    }
    if (rc == HYOKA_OK)
        *out = v;
    return rc;
}

int hyoka_indicator_figure(const hyoka_indicator *indicator, int32_t fiscal_year, int figure, hyoka_decimal *out,
                           int *reason)
{
    return indicator_figure_impl(indicator, fiscal_year, figure, out, reason, 0);
}

int hyoka__indicator_figure(const hyoka_indicator *indicator, int32_t fiscal_year, int figure, hyoka_decimal *out,
                           int *reason)
{
    return indicator_figure_impl(indicator, fiscal_year, figure, out, reason, 1);
}

/* ------------------------------------------------------------------------ */
/* Evaluations                                                               */

static const hyoka_scheme *scheme_of(const hyoka_evaluation *e)
{
    const char *id = e->text[HYOKA_EVAL_SCHEME] ? e->text[HYOKA_EVAL_SCHEME] : "jp-standard";
    const hyoka_portfolio *pf = portfolio_of(e->project);

    if (pf)
        return hyoka_portfolio_find_scheme(pf, id, HYOKA_NTS);
    return hyoka_scheme_builtin(id, HYOKA_NTS);
}

static const struct hyoka__criterion *find_criterion(const hyoka_scheme *s, const char *code)
{
    for (size_t i = 0; i < s->criterion_count; i++)
        if (s->criteria[i].code && strcmp(s->criteria[i].code, code) == 0)
            return &s->criteria[i];
    return NULL;
}

/* Σ weight × score and Σ weight over the answers that carry a score. */
static int weighted_sums(const hyoka_evaluation *e, const hyoka_scheme *s, hyoka_decimal *sum_ws,
                         hyoka_decimal *sum_w, int *why)
{
    hyoka_decimal ws = hyoka_decimal_from_int(0), w = hyoka_decimal_from_int(0);
    size_t scored = 0;
    int rc;

    for (size_t i = 0; i < e->answers.count; i++) {
        const char *code = e->answers.items[i].key;
        const char *answer = e->answers.items[i].value;
        const struct hyoka__criterion *cr = find_criterion(s, code);
        hyoka_decimal score, term;

        if (!cr || !answer) {
            *why = HYOKA_REASON_BAD_ANSWER;
            return HYOKA_EUNAVAILABLE;
        }
        if (cr->numeric) {
            if (hyoka_decimal_parse(answer, HYOKA_NTS, &score) != HYOKA_OK ||
                (cr->has_min && hyoka_decimal_cmp(&score, &cr->min) < 0) ||
                (cr->has_max && hyoka_decimal_cmp(&score, &cr->max) > 0)) {
                *why = HYOKA_REASON_BAD_ANSWER;
                return HYOKA_EUNAVAILABLE;
            }
        } else {
            const struct hyoka__option *opt = NULL;
            for (size_t j = 0; j < cr->option_count; j++)
                if (cr->options[j].code && strcmp(cr->options[j].code, answer) == 0) {
                    opt = &cr->options[j];
                    break;
                }
            if (!opt) {
                *why = HYOKA_REASON_BAD_ANSWER;
                return HYOKA_EUNAVAILABLE;
            }
            if (!opt->has_score)
                continue; /* an option without a score is not counted */
            score = opt->score;
        }
        rc = hyoka_decimal_mul(&cr->weight, &score, &term);
        if (rc == HYOKA_OK)
            rc = hyoka_decimal_add(&ws, &term, &ws);
        if (rc == HYOKA_OK)
            rc = hyoka_decimal_add(&w, &cr->weight, &w);
        if (rc != HYOKA_OK)
            return rc;
        scored++;
    }
    if (scored == 0) {
        *why = HYOKA_REASON_NO_SCORES;
        return HYOKA_EUNAVAILABLE;
    }
    if (hyoka_decimal_sign(&w) == 0) {
        *why = HYOKA_REASON_ZERO_WEIGHT;
        return HYOKA_EUNAVAILABLE;
    }
    *sum_ws = ws;
    *sum_w = w;
    return HYOKA_OK;
}

static int score_of(const hyoka_evaluation *e, hyoka_decimal *out, int *why)
{
    const hyoka_scheme *s = scheme_of(e);
    hyoka_decimal ws, w;
    struct rule r;
    int rc;

    if (!s) {
        *why = HYOKA_REASON_NO_SCHEME;
        return HYOKA_EUNAVAILABLE;
    }
    rc = weighted_sums(e, s, &ws, &w, why);
    if (rc != HYOKA_OK)
        return rc;
    rc = rule_for(portfolio_of(e->project), HYOKA_FIG_SCORE, &r);
    if (rc != HYOKA_OK)
        return rc;
    return hyoka_decimal_div(&ws, &w, r.places, r.mode, out);
}

static int evaluation_score_impl(const hyoka_evaluation *evaluation, hyoka_decimal *out, int *reason, int quiet)
{
    static const char fn[] = "hyoka_evaluation_score";
    hyoka_decimal v;
    int why = HYOKA_REASON_NONE;
    int rc;

    set_reason(reason, HYOKA_REASON_NONE);
    if (!evaluation || !out)
        return hyoka__fail(HYOKA_EINVAL, "%s: NULL argument", fn);
    rc = score_of(evaluation, &v, &why);
    if (rc == HYOKA_EUNAVAILABLE) {
        set_reason(reason, why);
        return quiet ? HYOKA_EUNAVAILABLE : fail_unavailable(fn, HYOKA_FIG_SCORE, evaluation->fiscal_year, why);
    }
    if (rc == HYOKA_OK)
        *out = v;
    return rc;
}

int hyoka_evaluation_score(const hyoka_evaluation *evaluation, hyoka_decimal *out, int *reason)
{
    return evaluation_score_impl(evaluation, out, reason, 0);
}

int hyoka__evaluation_score(const hyoka_evaluation *evaluation, hyoka_decimal *out, int *reason)
{
    return evaluation_score_impl(evaluation, out, reason, 1);
}

static int rating_of(const hyoka_evaluation *e, const char **code, const char **label, int *why)
{
    const hyoka_scheme *s = scheme_of(e);
    hyoka_decimal ws, w;
    int rc;

    if (!s) {
        *why = HYOKA_REASON_NO_SCHEME;
        return HYOKA_EUNAVAILABLE;
    }
    if (s->missing_code) {
        for (size_t i = 0; i < s->criterion_count; i++) {
            const char *c = s->criteria[i].code;
            if (s->criteria[i].required && c && !hyoka__kv_get(&e->answers, c, strlen(c))) {
                *code = s->missing_code;
                *label = s->missing_label;
                return HYOKA_OK;
            }
        }
    }
    if (s->band_count == 0) {
        *why = HYOKA_REASON_NO_BANDS;
        return HYOKA_EUNAVAILABLE;
    }
    rc = weighted_sums(e, s, &ws, &w, why);
    if (rc != HYOKA_OK)
        return rc;
    /* score ≥ min  ⇔  Σ w·s ≥ min × Σ w  (Σ w > 0): exact, no rounding. */
    for (size_t i = 0; i < s->band_count; i++) {
        hyoka_decimal bound;
        rc = hyoka_decimal_mul(&s->bands[i].min, &w, &bound);
        if (rc != HYOKA_OK)
            return rc;
        if (hyoka_decimal_cmp(&ws, &bound) >= 0) {
            *code = s->bands[i].code;
            *label = s->bands[i].label;
            return HYOKA_OK;
        }
    }
    *why = HYOKA_REASON_NO_BANDS; /* the score is below every band */
    return HYOKA_EUNAVAILABLE;
}

static int evaluation_rating_impl(const hyoka_evaluation *evaluation, const char **code, const char **label, int *reason, int quiet)
{
    static const char fn[] = "hyoka_evaluation_rating";
    const char *c = NULL, *l = NULL;
    int why = HYOKA_REASON_NONE;
    int rc;

    set_reason(reason, HYOKA_REASON_NONE);
    if (!evaluation)
        return hyoka__fail(HYOKA_EINVAL, "%s: NULL argument", fn);
    rc = rating_of(evaluation, &c, &l, &why);
    if (rc == HYOKA_EUNAVAILABLE) {
        set_reason(reason, why);
        return quiet ? HYOKA_EUNAVAILABLE : fail_unavailable_named(fn, "rating", evaluation->fiscal_year, why);
    }
    if (rc != HYOKA_OK)
        return rc;
    if (code)
        *code = c;
    if (label)
        *label = l;
    return HYOKA_OK;
}

int hyoka_evaluation_rating(const hyoka_evaluation *evaluation, const char **code, const char **label, int *reason)
{
    return evaluation_rating_impl(evaluation, code, label, reason, 0);
}

int hyoka__evaluation_rating(const hyoka_evaluation *evaluation, const char **code, const char **label, int *reason)
{
    return evaluation_rating_impl(evaluation, code, label, reason, 1);
}

/* The final evaluation of a project: the latest fiscal year, then the
 * highest stage, then the last in order. NULL when it has none. */
static const hyoka_evaluation *final_evaluation(const hyoka_project *p)
{
    const hyoka_evaluation *best = NULL;

    for (size_t i = 0; i < p->evaluations.count; i++) {
        const hyoka_evaluation *e = p->evaluations.items[i];
        if (!best || e->fiscal_year > best->fiscal_year ||
            (e->fiscal_year == best->fiscal_year && e->stage >= best->stage))
            best = e;
    }
    return best;
}

/* ------------------------------------------------------------------------ */
/* Roll-ups                                                                  */

struct rollup_row {
    char *key;
    size_t projects;
    int64_t total[MONEY_FIGURE_COUNT];
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
    i128 total[MONEY_FIGURE_COUNT];
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
        const hyoka_evaluation *e = final_evaluation(p);
        if (e && e->text[HYOKA_EVAL_VERDICT])
            k = e->text[HYOKA_EVAL_VERDICT];
    }
    return dup_str(k);
}

/* Add the money figures of @p c to @p total; unavailable figures add nothing. */
static int add_year_totals(const hyoka_costs *c, i128 *total)
{
    for (int f = 0; f < MONEY_FIGURE_COUNT; f++) {
        int64_t v = 0;
        int why = HYOKA_REASON_NONE;
        int rc = money_of(c, f, &v, &why);
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
                           figure_names[figure], key);
    return HYOKA_OK;
}

int hyoka_rollup_new(hyoka_rollup **out, const hyoka_portfolio *portfolio, int group_by, int depth,
                     int32_t fiscal_year)
{
    static const char fn[] = "hyoka_rollup_new";
    struct rollup_entry *entries = NULL;
    hyoka_rollup *r = NULL;
    size_t cap, n = 0;
    int rc;

    if (!portfolio || !out)
        return hyoka__fail(HYOKA_EINVAL, "%s: NULL argument", fn);
    if (group_by < HYOKA_GROUP_FISCAL_YEAR || group_by > HYOKA_GROUP_VERDICT)
        return hyoka__fail(HYOKA_EINVAL, "%s: %d is not a grouping", fn, group_by);
    if (group_by == HYOKA_GROUP_POLICY && depth < 1)
        return hyoka__fail(HYOKA_EINVAL, "%s: policy depth %d (must be 1 or more)", fn, depth);
    if (fiscal_year != 0 && (fiscal_year < 1868 || fiscal_year > 9999))
        return hyoka__fail(HYOKA_EINVAL, "%s: fiscal year %ld outside 1868..9999 (0 for all)", fn,
                           (long)fiscal_year);

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
        i128 sum[MONEY_FIGURE_COUNT] = {0};
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
            for (int f = 0; f < MONEY_FIGURE_COUNT; f++)
                sum[f] += e->total[f]; /* at most 2^63 per entry: cannot wrap */
        }
        for (int f = 0; f < MONEY_FIGURE_COUNT; f++) {
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
    static const char fn[] = "hyoka_rollup_total";

    if (!rollup || !out)
        return hyoka__fail(HYOKA_EINVAL, "%s: NULL argument", fn);
    if (!is_money(figure))
        return hyoka__fail(HYOKA_EINVAL, "%s: %d is not a money figure (expense..specific_revenue)", fn, figure);
    if (row >= rollup->count)
        return hyoka__fail(HYOKA_ENOTFOUND, "%s: no row %zu (%zu rows)", fn, row, rollup->count);
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
        const hyoka_evaluation *ev = final_evaluation(p);
        if (!ev) {
            e->reason = HYOKA_REASON_NO_SCORES;
            return HYOKA_OK;
        }
        rc = score_of(ev, &e->value, &why);
    } else {
        const hyoka_costs *c = NULL;
        for (size_t i = 0; i < p->years.count && !c; i++) {
            const hyoka_costs *y = p->years.items[i];
            if (y->fiscal_year == fiscal_year)
                c = y;
        }
        if (!c) {
            e->reason = HYOKA_REASON_NO_YEAR;
            return HYOKA_OK;
        }
        rc = year_figure(c, figure, NULL, &e->value, &why);
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
    static const char fn[] = "hyoka_ranking_new";
    hyoka_ranking *r;
    size_t n;
    int rc;

    if (!portfolio || !out)
        return hyoka__fail(HYOKA_EINVAL, "%s: NULL argument", fn);
    if (figure < 0 || (figure > HYOKA_FIG_TOTAL_COST_CHANGE && figure != HYOKA_FIG_SCORE))
        return hyoka__fail(HYOKA_EINVAL, "%s: %d is not a cost-year figure or score", fn, figure);
    r = hyoka__calloc(1, sizeof *r);
    if (!r)
        return hyoka__nomem();
    n = portfolio->projects.count;
    if (n > 0) {
        r->items = hyoka__calloc(n, sizeof *r->items);
        if (!r->items) {
            hyoka__free(r);
            return hyoka__nomem();
        }
    }
    for (size_t i = 0; i < n; i++) {
        struct rank_entry *e = &r->items[i];
        e->project = portfolio->projects.items[i];
        e->value = hyoka_decimal_from_int(0);
        e->reason = HYOKA_REASON_NONE;
        e->seq = i;
        rc = rank_value(e->project, figure, fiscal_year, e);
        if (rc != HYOKA_OK) {
            hyoka_ranking_free(r);
            return rc;
        }
    }
    r->count = n;
    if (n > 1)
        qsort(r->items, n, sizeof *r->items, descending ? cmp_rank_desc : cmp_rank_asc);
    *out = r;
    return HYOKA_OK;
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
    static const char fn[] = "hyoka_ranking_at";
    const struct rank_entry *e;

    if (!ranking)
        return hyoka__fail(HYOKA_EINVAL, "%s: NULL argument", fn);
    if (index >= ranking->count)
        return hyoka__fail(HYOKA_ENOTFOUND, "%s: no entry %zu (%zu entries)", fn, index, ranking->count);
    e = &ranking->items[index];
    if (project)
        *project = e->project;
    if (reason)
        *reason = e->reason;
    if (e->reason != HYOKA_REASON_NONE) {
        const char *code = e->project->text[HYOKA_TEXT_CODE];
        return hyoka__fail(HYOKA_EUNAVAILABLE, "%s: entry %zu (project %s) is unavailable: %s", fn, index,
                           code ? code : "without code", reason_table[e->reason].en);
    }
    if (value)
        *value = e->value;
    return HYOKA_OK;
}
