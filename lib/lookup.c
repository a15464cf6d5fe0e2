/* Lookups in the domain model (lookup.h). */
#include "lookup.h"

#include <string.h>

const hyoka_scheme *hyoka__scheme_of(const hyoka_evaluation *e)
{
    return hyoka_portfolio_find_scheme(hyoka__portfolio_of(e->project), hyoka__scheme_id_of(e), HYOKA_NTS);
}

const hyoka_evaluation *hyoka__decisive_evaluation(const hyoka_project *p, int32_t fiscal_year)
{
    const hyoka_evaluation *best = NULL;

    for (size_t i = 0; i < p->evaluations.count; i++) {
        const hyoka_evaluation *e = p->evaluations.items[i];
        if (e->fiscal_year == fiscal_year && (!best || e->stage >= best->stage))
            best = e;
    }
    return best;
}

const hyoka_evaluation *hyoka__final_evaluation(const hyoka_project *p)
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

/* A stored code (NULL never matches) against a (code, len) argument. */
static int code_is(const char *stored, const char *code, size_t len)
{
    if (!stored)
        return 0;
    if (len == HYOKA_NTS)
        return strcmp(stored, code) == 0;
    return strlen(stored) == len && memcmp(stored, code, len) == 0;
}

const struct hyoka__criterion *hyoka__find_criterion(const hyoka_scheme *s, const char *code, size_t len)
{
    for (size_t i = 0; i < s->criterion_count; i++)
        if (code_is(s->criteria[i].code, code, len))
            return &s->criteria[i];
    return NULL;
}

const struct hyoka__option *hyoka__find_option(const struct hyoka__criterion *c, const char *code, size_t len)
{
    for (size_t i = 0; i < c->option_count; i++)
        if (code_is(c->options[i].code, code, len))
            return &c->options[i];
    return NULL;
}

const struct hyoka__verdict *hyoka__find_verdict(const hyoka_scheme *s, const char *code, size_t len)
{
    for (size_t i = 0; i < s->verdict_count; i++)
        if (code_is(s->verdicts[i].code, code, len))
            return &s->verdicts[i];
    return NULL;
}

const struct hyoka__budget *hyoka__find_budget(const hyoka_scheme *s, const char *code, size_t len)
{
    for (size_t i = 0; i < s->budget_count; i++)
        if (code_is(s->budgets[i].code, code, len))
            return &s->budgets[i];
    return NULL;
}
