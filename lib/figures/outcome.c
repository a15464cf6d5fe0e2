/* figures: the figures of indicators (achievement and change,
 * hyoka_indicator_figure()) and of evaluations (weighted score and rating,
 * hyoka_evaluation_score(), hyoka_evaluation_rating()), each one exact
 * ratio rounded once by the rule in force (year.c says the rules). */
#include "figures/internal.h"
#include "hyoka/figures.h"

#include <string.h>

#define HAS HYOKA__HAS

/* ------------------------------------------------------------------------ */
/* Indicators                                                                */

static const struct hyoka__ivalue *ivalue_of(const hyoka_indicator *ind, int32_t fiscal_year)
{
    for (size_t i = 0; i < ind->value_count; i++)
        if (ind->values[i].fiscal_year == fiscal_year)
            return &ind->values[i];
    return NULL;
}

int hyoka__achievement(const hyoka_indicator *ind, const struct hyoka__ivalue *v, const struct hyoka__rounding *r,
                       hyoka_decimal *out, int *why)
{
    const hyoka_decimal *target, *actual;
    int decrease;

    if (ind->not_settable) {
        *why = HYOKA_REASON_NOT_SETTABLE;
        return HYOKA_EUNAVAILABLE;
    }
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
        /* the national review's rule: actual ÷ target whatever the direction */
        if (hyoka_portfolio_achievement_rule(hyoka__portfolio_of(ind->project)) == HYOKA_ACHIEVEMENT_RATIO)
            return hyoka__ratio(actual, target, 1, r, out);
        *why = HYOKA_REASON_NO_DIRECTION;
        return HYOKA_EUNAVAILABLE;
    }
    if (ind->direction == HYOKA_DIRECTION_MAINTAIN) {
        int c = hyoka_decimal_cmp(actual, target);
        if (c == 0) {
            hyoka_decimal hundred = hyoka_decimal_from_int(100), one = hyoka_decimal_from_int(1);
            return hyoka_decimal_div(&hundred, &one, r->places, r->mode, out);
        }
        /* below the target the increase rule, above it the decrease rule */
        decrease = c > 0;
    } else {
        decrease = ind->direction == HYOKA_DIRECTION_DECREASE;
    }
    if (!decrease)
        return hyoka__ratio(actual, target, 1, r, out);
    if (hyoka_decimal_sign(actual) == 0) {
        *why = HYOKA_REASON_ACTUAL_ZERO;
        return HYOKA_EUNAVAILABLE;
    }
    return hyoka__ratio(target, actual, 1, r, out);
}

static int indicator_figure(const hyoka_indicator *ind, int32_t fiscal_year, int figure, hyoka_decimal *out,
                            int *why)
{
    const struct hyoka__ivalue *v, *pv;
    hyoka_decimal diff;
    struct hyoka__rounding r;
    int rc;

    rc = hyoka__figure_rule(hyoka__portfolio_of(ind->project), figure, &r);
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
        return hyoka__ratio(&diff, &pv->v[HYOKA_VALUE_ACTUAL], 1, &r, out);
    }

    return hyoka__achievement(ind, ivalue_of(ind, fiscal_year), &r, out, why);
}

static int indicator_figure_impl(const hyoka_indicator *indicator, int32_t fiscal_year, int figure,
                                 hyoka_decimal *out, int *reason, int quiet)
{
    static const char fn[] = "hyoka_indicator_figure";
    hyoka_decimal v;
    int why = HYOKA_REASON_NONE;
    int rc;

    hyoka__set_reason(reason, HYOKA_REASON_NONE);
    HYOKA__CHECK_NULL_IN(fn, indicator);
    HYOKA__CHECK_NULL_IN(fn, out);
    HYOKA__CHECK_ENUM_IN(fn, figure, FIGURE);
    if (figure != HYOKA_FIG_ACHIEVEMENT && figure != HYOKA_FIG_CHANGE) {
        why = HYOKA_REASON_NOT_A_FIGURE;
        rc = HYOKA_EUNAVAILABLE;
    } else {
        rc = indicator_figure(indicator, fiscal_year, figure, &v, &why);
    }
    if (rc == HYOKA_EUNAVAILABLE) {
        hyoka__set_reason(reason, why);
        return quiet ? HYOKA_EUNAVAILABLE
                     : hyoka__fail_unavailable(fn, hyoka__figure_names[figure], fiscal_year, why);
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

int hyoka_indicator_figures(const hyoka_indicator *indicator, int32_t fiscal_year, hyoka_decimal *values,
                            int *reasons, size_t count)
{
    enum { FIRST = HYOKA_FIG_ACHIEVEMENT, N = HYOKA_FIG_CHANGE - HYOKA_FIG_ACHIEVEMENT + 1 };

    if (!indicator || (count && (!values || !reasons)))
        return hyoka__fail(HYOKA_EINVAL, "hyoka_indicator_figures: NULL argument");
    for (size_t i = 0; i < count && i < N; i++) {
        int rc = indicator_figure_impl(indicator, fiscal_year, FIRST + (int)i, &values[i], &reasons[i], 1);
        if (rc != HYOKA_OK && rc != HYOKA_EUNAVAILABLE)
            reasons[i] = rc;
    }
    return N;
}

/* ------------------------------------------------------------------------ */
/* Evaluations                                                               */

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
        const struct hyoka__criterion *cr = hyoka__find_criterion(s, code, HYOKA_NTS);
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
            const struct hyoka__option *opt = hyoka__find_option(cr, answer, HYOKA_NTS);
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

int hyoka__score(const hyoka_evaluation *e, hyoka_decimal *out, int *why)
{
    const hyoka_scheme *s = hyoka__scheme_of(e);
    hyoka_decimal ws, w;
    struct hyoka__rounding r;
    int rc;

    if (!s) {
        *why = HYOKA_REASON_NO_SCHEME;
        return HYOKA_EUNAVAILABLE;
    }
    rc = weighted_sums(e, s, &ws, &w, why);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka__figure_rule(hyoka__portfolio_of(e->project), HYOKA_FIG_SCORE, &r);
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

    hyoka__set_reason(reason, HYOKA_REASON_NONE);
    HYOKA__CHECK_NULL_IN(fn, evaluation);
    HYOKA__CHECK_NULL_IN(fn, out);
    rc = hyoka__score(evaluation, &v, &why);
    if (rc == HYOKA_EUNAVAILABLE) {
        hyoka__set_reason(reason, why);
        return quiet ? HYOKA_EUNAVAILABLE
                     : hyoka__fail_unavailable(fn, hyoka__figure_names[HYOKA_FIG_SCORE], evaluation->fiscal_year,
                                               why);
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
    const hyoka_scheme *s = hyoka__scheme_of(e);
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

static int evaluation_rating_impl(const hyoka_evaluation *evaluation, const char **code, const char **label,
                                  int *reason, int quiet)
{
    static const char fn[] = "hyoka_evaluation_rating";
    const char *c = NULL, *l = NULL;
    int why = HYOKA_REASON_NONE;
    int rc;

    hyoka__set_reason(reason, HYOKA_REASON_NONE);
    HYOKA__CHECK_NULL_IN(fn, evaluation);
    rc = rating_of(evaluation, &c, &l, &why);
    if (rc == HYOKA_EUNAVAILABLE) {
        hyoka__set_reason(reason, why);
        return quiet ? HYOKA_EUNAVAILABLE : hyoka__fail_unavailable(fn, "rating", evaluation->fiscal_year, why);
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

int hyoka__evaluation_rating(const hyoka_evaluation *evaluation, const char **code, const char **label,
                             int *reason)
{
    return evaluation_rating_impl(evaluation, code, label, reason, 1);
}
