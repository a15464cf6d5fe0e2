/* Lookups in the domain model, once (lookup.c): the portfolio a project
 * belongs to, the rounding rule in force for a figure, the scheme an
 * evaluation is made under, a project's final and decisive evaluations,
 * and a scheme's criteria, options, verdicts and budget directions by
 * code. Nothing here records an error. Not installed. */
#ifndef HYOKA_LOOKUP_H
#define HYOKA_LOOKUP_H

#include "model.h"

/* The scheme of an evaluation that names none. */
#define HYOKA__DEFAULT_SCHEME "jp-standard"

/* The portfolio a project belongs to, through its parent projects; NULL
 * for a project of no portfolio (or NULL). */
static inline const hyoka_portfolio *hyoka__portfolio_of(const hyoka_project *project)
{
    while (project && project->parent)
        project = project->parent;
    return project ? project->portfolio : NULL;
}

/* A rounding rule: places, hyoka_rounding mode, hyoka_unit. */
struct hyoka__rounding {
    int places;
    int mode;
    int unit;
};

/* The rounding rule in force for @p figure (in range): the portfolio's
 * override, else the default (vocab.h). Returns 1 for an override, 0 for
 * the default; @p portfolio may be NULL (the default). */
static inline int hyoka__rounding_in_force(const hyoka_portfolio *portfolio, int figure, struct hyoka__rounding *r)
{
    if (portfolio && portfolio->rounding[figure].set) {
        const struct hyoka__rounding_rule *o = &portfolio->rounding[figure];
        r->places = o->places;
        r->mode = o->mode;
        r->unit = o->unit;
        return 1;
    }
    r->places = hyoka__default_places(figure);
    r->mode = HYOKA__DEFAULT_MODE;
    r->unit = HYOKA_UNIT_YEN;
    return 0;
}

/* The id of the scheme an evaluation is made under: its own, else the
 * default scheme. */
static inline const char *hyoka__scheme_id_of(const hyoka_evaluation *e)
{
    return e->text[HYOKA_EVAL_SCHEME] ? e->text[HYOKA_EVAL_SCHEME] : HYOKA__DEFAULT_SCHEME;
}

/* The scheme an evaluation is made under: that of its portfolio, else the
 * built-in of that id; NULL when there is none. */
const hyoka_scheme *hyoka__scheme_of(const hyoka_evaluation *e);

/* The decisive evaluation of @p fiscal_year: among the project's
 * evaluations of that year the one of the highest stage, the last of
 * equals in order; NULL when the year has none. */
const hyoka_evaluation *hyoka__decisive_evaluation(const hyoka_project *p, int32_t fiscal_year);
/* The final evaluation of a project: the latest fiscal year, then the
 * highest stage, then the last in order. NULL when it has none. */
const hyoka_evaluation *hyoka__final_evaluation(const hyoka_project *p);

/* A scheme's criterion, a criterion's option, a scheme's verdict or
 * budget direction by code (@p len may be HYOKA_NTS); NULL when there is
 * none. */
const struct hyoka__criterion *hyoka__find_criterion(const hyoka_scheme *s, const char *code, size_t len);
const struct hyoka__option *hyoka__find_option(const struct hyoka__criterion *c, const char *code, size_t len);
const struct hyoka__verdict *hyoka__find_verdict(const hyoka_scheme *s, const char *code, size_t len);
const struct hyoka__budget *hyoka__find_budget(const hyoka_scheme *s, const char *code, size_t len);

#endif /* HYOKA_LOOKUP_H */
