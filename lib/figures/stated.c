/* figures: the figures a sheet stated, checked (docs/validation.md, Stated
 * figures). A stated value s written with p places in unit u matches when
 * |s − c| ≤ tolerance × 10^-p, where c is the figure computed by the same
 * functions as hyoka_costs_figure() and hyoka_indicator_figure(), written
 * in u and rounded once to p places with the mode of the rule in force for
 * that figure: only the places and unit differ from the rule in force.
 * The figures of records (a budget's printed execution rate) are checked
 * the same way, with hyoka_record_figure()'s functions. */
#include "figures/internal.h"

/* The rule of a stated figure: the mode of the rule in force for @p figure
 * of @p project's portfolio, the stated figure's own places and unit. */
static void stated_rule(const hyoka_project *project, int figure, const hyoka_decimal *stated, int unit,
                        struct hyoka__rounding *r)
{
    hyoka__rounding_in_force(hyoka__portfolio_of(project), figure, r);
    r->places = hyoka_decimal_scale(stated);
    r->unit = unit;
}

int hyoka__costs_stated_counterpart(const hyoka_costs *costs, int figure, const struct hyoka__year_index *ix,
                                    hyoka_decimal *out, int *why)
{
    struct hyoka__rounding r;

    stated_rule(costs->project, figure, &costs->st->value[figure],
                hyoka__stated_unit(figure, costs->st->unit[figure]), &r);
    return hyoka__year_figure(costs, figure, ix, &r, out, why);
}

int hyoka__achievement_stated_counterpart(const hyoka_indicator *ind, const struct hyoka__ivalue *v,
                                          hyoka_decimal *out, int *why)
{
    struct hyoka__rounding r;

    stated_rule(ind->project, HYOKA_FIG_ACHIEVEMENT, &v->v[HYOKA_VALUE_STATED_ACHIEVEMENT], HYOKA_UNIT_YEN, &r);
    return hyoka__achievement(ind, v, &r, out, why);
}

int hyoka__record_stated_counterpart(const hyoka_record *record, int figure, const hyoka_decimal *stated,
                                     hyoka_decimal *out, int *why)
{
    struct hyoka__rounding r;

    stated_rule(record->project, figure, stated, HYOKA_UNIT_YEN, &r);
    return hyoka__record_figure_in(record, figure, &r, out, why);
}

int hyoka__stated_matches(const hyoka_decimal *stated, const hyoka_decimal *computed, int64_t tolerance)
{
    hyoka_decimal diff, tol, zero = hyoka_decimal_from_int(0);

    if (hyoka_decimal_sub(stated, computed, &diff) != HYOKA_OK)
        return 0;
    if (hyoka_decimal_sign(&diff) < 0 && hyoka_decimal_sub(&zero, &diff, &diff) != HYOKA_OK)
        return 0;
    if (hyoka_decimal_sign(&diff) == 0)
        return 1;
    if (hyoka_decimal_from_parts(tolerance, hyoka_decimal_scale(stated), &tol) != HYOKA_OK)
        return 0;
    return hyoka_decimal_cmp(&diff, &tol) <= 0;
}
