/* Portfolios: the municipality, denominators per fiscal year, document
 * settings (amount unit, rounding overrides, stated tolerance), the
 * schemes in use and the top-level projects.
 *
 * Projects and schemes added to a portfolio become its own: the project's
 * `portfolio` link or the scheme's `owned` flag is set, and the portfolio
 * frees them (hyoka__project_destroy(), hyoka__scheme_destroy()).
 * Setters validate everything and allocate everything before they change
 * anything, so a failure leaves the portfolio as it was. */
#include "lookup.h"
#include "model_build.h"

#include <string.h>

#define DENOM_POPULATION 1u
#define DENOM_HOUSEHOLDS 2u

/* ------------------------------------------------------------------------ */
/* Life cycle                                                                */

int hyoka_portfolio_new(hyoka_portfolio **out)
{
    hyoka_portfolio *p;

    HYOKA__CHECK_NULL(out);
    p = hyoka__calloc(1, sizeof *p);
    if (!p)
        return hyoka__nomem();
    p->amount_unit = HYOKA_UNIT_YEN;
    *out = p;
    return HYOKA_OK;
}

void hyoka_portfolio_free(hyoka_portfolio *portfolio)
{
    if (!portfolio)
        return;
    hyoka__free(portfolio->municipality_name);
    hyoka__free(portfolio->municipality_code);
    hyoka__free(portfolio->denominators);
    for (size_t i = 0; i < portfolio->schemes.count; i++)
        hyoka__scheme_destroy(portfolio->schemes.items[i]);
    hyoka__vec_release(&portfolio->schemes);
    for (size_t i = 0; i < portfolio->projects.count; i++)
        hyoka__project_destroy(portfolio->projects.items[i]);
    hyoka__vec_release(&portfolio->projects);
    hyoka__arena_free(portfolio->arena); /* after everything carved from it */
    hyoka__free(portfolio);
}

/* A copy of record @p src made @p p's, into *out; HYOKA_OK or the error
 * of the copy, recorded. */
typedef int (*adopt_copy_fn)(hyoka_portfolio *p, const void *src, void **out);

static int adopt_scheme_copy(hyoka_portfolio *p, const void *src, void **out)
{
    hyoka_scheme *s = NULL;
    int rc = hyoka_scheme_copy(src, &s);

    (void)p;
    if (rc == HYOKA_OK)
        s->owned = 1;
    *out = s;
    return rc;
}

static int adopt_project_copy(hyoka_portfolio *p, const void *src, void **out)
{
    hyoka_project *proj = NULL;
    int rc = hyoka_project_copy(src, &proj);

    if (rc == HYOKA_OK)
        proj->portfolio = p;
    *out = proj;
    return rc;
}

/* Copy the records of @p src into @p dst (empty), each made @p p's by
 * @p copy. HYOKA_OK, or the first error, recorded; @p dst then holds the
 * copies made so far, for hyoka_portfolio_free(). */
static int copy_records(hyoka_portfolio *p, const struct hyoka__vec *src, struct hyoka__vec *dst,
                        adopt_copy_fn copy)
{
    int rc = hyoka__reserve((void **)&dst->items, &dst->cap, src->count, sizeof *dst->items, src->count);

    for (size_t i = 0; rc == HYOKA_OK && i < src->count; i++) {
        rc = copy(p, src->items[i], &dst->items[dst->count]);
        if (rc == HYOKA_OK)
            dst->count++;
    }
    return rc;
}

int hyoka_portfolio_copy(const hyoka_portfolio *portfolio, hyoka_portfolio **out)
{
    hyoka_portfolio *p;
    int rc;

    HYOKA__CHECK_NULL(portfolio);
    HYOKA__CHECK_NULL(out);
    p = hyoka__calloc(1, sizeof *p);
    if (!p)
        return hyoka__nomem();
    p->amount_unit = portfolio->amount_unit;
    memcpy(p->rounding, portfolio->rounding, sizeof p->rounding);
    p->stated_tolerance = portfolio->stated_tolerance;
    p->achievement_rule = portfolio->achievement_rule;

    rc = hyoka__str_copy(portfolio->municipality_name, &p->municipality_name);
    if (rc == HYOKA_OK)
        rc = hyoka__str_copy(portfolio->municipality_code, &p->municipality_code);
    if (rc == HYOKA_OK && portfolio->denominator_count > 0) {
        size_t n = portfolio->denominator_count;
        p->denominators = hyoka__malloc_array(n, sizeof *p->denominators);
        if (p->denominators) {
            memcpy(p->denominators, portfolio->denominators, n * sizeof *p->denominators);
            p->denominator_count = p->denominator_cap = n;
        } else {
            rc = hyoka__nomem();
        }
    }
    if (rc == HYOKA_OK)
        rc = copy_records(p, &portfolio->schemes, &p->schemes, adopt_scheme_copy);
    if (rc == HYOKA_OK)
        rc = copy_records(p, &portfolio->projects, &p->projects, adopt_project_copy);
    if (rc != HYOKA_OK) {
        /* The failing call has recorded the error. */
        hyoka_portfolio_free(p);
        return rc;
    }
    *out = p;
    return HYOKA_OK;
}

static int denominators_equal(const hyoka_portfolio *a, const hyoka_portfolio *b)
{
    if (a->denominator_count != b->denominator_count)
        return 0;
    for (size_t i = 0; i < a->denominator_count; i++) {
        const struct hyoka__denominator *x = &a->denominators[i], *y = &b->denominators[i];
        if (x->fiscal_year != y->fiscal_year || x->present != y->present)
            return 0;
        if ((x->present & DENOM_POPULATION) && x->population != y->population)
            return 0;
        if ((x->present & DENOM_HOUSEHOLDS) && x->households != y->households)
            return 0;
    }
    return 1;
}

static int rounding_equal(const struct hyoka__rounding_rule *x, const struct hyoka__rounding_rule *y)
{
    if (x->set != y->set)
        return 0;
    return !x->set || (x->places == y->places && x->mode == y->mode && x->unit == y->unit);
}

int hyoka_portfolio_equal(const hyoka_portfolio *a, const hyoka_portfolio *b)
{
    if (!a || !b)
        return a == b;
    if (a == b)
        return 1;
    if (!hyoka__str_equal(a->municipality_name, b->municipality_name) ||
        !hyoka__str_equal(a->municipality_code, b->municipality_code) || a->amount_unit != b->amount_unit ||
        a->stated_tolerance != b->stated_tolerance || a->achievement_rule != b->achievement_rule ||
        !denominators_equal(a, b))
        return 0;
    for (size_t i = 0; i < HYOKA__FIGURE_COUNT; i++)
        if (!rounding_equal(&a->rounding[i], &b->rounding[i]))
            return 0;
    if (a->schemes.count != b->schemes.count || a->projects.count != b->projects.count)
        return 0;
    for (size_t i = 0; i < a->schemes.count; i++)
        if (!hyoka_scheme_equal(a->schemes.items[i], b->schemes.items[i]))
            return 0;
    for (size_t i = 0; i < a->projects.count; i++)
        if (!hyoka_project_equal(a->projects.items[i], b->projects.items[i]))
            return 0;
    return 1;
}

/* ------------------------------------------------------------------------ */
/* Municipality                                                              */

int hyoka_municipality_code_check(const char *code, size_t len)
{
    int sum = 0, check;

    HYOKA__CHECK_NULL(code);
    len = hyoka__len(code, len);
    if (len != 6)
        return hyoka__fail(HYOKA_ESYNTAX, "hyoka_municipality_code_check: a municipality code has 6 digits, not %zu bytes",
                           len);
    for (size_t i = 0; i < 6; i++)
        if (code[i] < '0' || code[i] > '9')
            return hyoka__fail(HYOKA_ESYNTAX,
                               "hyoka_municipality_code_check: character %zu of the code is not an ASCII digit",
                               i + 1);
    for (size_t i = 0; i < 5; i++)
        sum += (code[i] - '0') * (int)(6 - i);
    check = (11 - sum % 11) % 10;
    if (code[5] - '0' != check)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_municipality_code_check: check digit of \"%.6s\" should be %d, not %c",
                           code, check, code[5]);
    return HYOKA_OK;
}

int hyoka_portfolio_set_municipality(hyoka_portfolio *portfolio, const char *name, size_t name_len,
                                     const char *code, size_t code_len)
{
    char *n = NULL, *c = NULL;
    int rc;

    HYOKA__CHECK_NULL(portfolio);
    if (code) {
        code_len = hyoka__len(code, code_len);
        rc = hyoka_municipality_code_check(code, code_len);
        if (rc != HYOKA_OK)
            return rc;
    }
    rc = hyoka__text_dup("hyoka_portfolio_set_municipality: name", name, name_len, &n);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka__text_dup("hyoka_portfolio_set_municipality: code", code, code_len, &c);
    if (rc != HYOKA_OK) {
        hyoka__free(n);
        return rc;
    }
    hyoka__free(portfolio->municipality_name);
    hyoka__free(portfolio->municipality_code);
    portfolio->municipality_name = n;
    portfolio->municipality_code = c;
    return HYOKA_OK;
}

const char *hyoka_portfolio_municipality_name(const hyoka_portfolio *portfolio)
{
    return portfolio ? portfolio->municipality_name : NULL;
}

const char *hyoka_portfolio_municipality_code(const hyoka_portfolio *portfolio)
{
    return portfolio ? portfolio->municipality_code : NULL;
}

/* ------------------------------------------------------------------------ */
/* Denominators                                                              */

static struct hyoka__denominator *denominator_find(const hyoka_portfolio *p, int32_t fiscal_year)
{
    for (size_t i = 0; i < p->denominator_count; i++)
        if (p->denominators[i].fiscal_year == fiscal_year)
            return &p->denominators[i];
    return NULL;
}

/* The arguments of denominator function @p fn: @p portfolio not NULL and
 * @p which a denominator, its bit into *bit; then the entry of
 * @p fiscal_year into *d, NULL when there is none. */
static int denominator_args(const char *fn, const hyoka_portfolio *portfolio, int32_t fiscal_year, int which,
                            unsigned *bit, struct hyoka__denominator **d)
{
    HYOKA__CHECK_NULL_IN(fn, portfolio);
    if (which == HYOKA_COST_POPULATION)
        *bit = DENOM_POPULATION;
    else if (which == HYOKA_COST_HOUSEHOLDS)
        *bit = DENOM_HOUSEHOLDS;
    else
        return hyoka__fail_enum_subset(fn, "which", which, HYOKA_ENUM_COST_FIELD,
                                       "a denominator (population or households)");
    *d = denominator_find(portfolio, fiscal_year);
    return HYOKA_OK;
}

int hyoka_portfolio_set_denominator(hyoka_portfolio *portfolio, int32_t fiscal_year, int which, int64_t value)
{
    struct hyoka__denominator *d = NULL;
    unsigned bit = 0;
    int rc = denominator_args(__func__, portfolio, fiscal_year, which, &bit, &d);

    if (rc != HYOKA_OK)
        return rc;
    HYOKA__CHECK_YEAR(fiscal_year);
    if (value < 0)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s %lld is negative", __func__,
                           bit == DENOM_POPULATION ? "population" : "households", (long long)value);
    if (!d) {
        rc = hyoka__grow((void **)&portfolio->denominators, &portfolio->denominator_cap,
                         portfolio->denominator_count, sizeof *portfolio->denominators);
        if (rc != HYOKA_OK)
            return rc;
        d = &portfolio->denominators[portfolio->denominator_count++];
        memset(d, 0, sizeof *d);
        d->fiscal_year = fiscal_year;
    }
    if (bit == DENOM_POPULATION)
        d->population = value;
    else
        d->households = value;
    d->present |= bit;
    return HYOKA_OK;
}

int hyoka_portfolio_denominator(const hyoka_portfolio *portfolio, int32_t fiscal_year, int which, int64_t *out)
{
    struct hyoka__denominator *d = NULL;
    unsigned bit = 0;
    int rc = denominator_args(__func__, portfolio, fiscal_year, which, &bit, &d);

    if (rc != HYOKA_OK)
        return rc;
    if (!d || !(d->present & bit))
        return 0;
    if (out)
        *out = bit == DENOM_POPULATION ? d->population : d->households;
    return 1;
}

int hyoka_portfolio_clear_denominator(hyoka_portfolio *portfolio, int32_t fiscal_year, int which)
{
    struct hyoka__denominator *d = NULL;
    unsigned bit = 0;
    int rc = denominator_args(__func__, portfolio, fiscal_year, which, &bit, &d);

    if (rc != HYOKA_OK)
        return rc;
    if (d) {
        d->present &= ~bit;
        if (bit == DENOM_POPULATION)
            d->population = 0;
        else
            d->households = 0;
    }
    return HYOKA_OK;
}

size_t hyoka_portfolio_denominator_count(const hyoka_portfolio *portfolio)
{
    return portfolio ? portfolio->denominator_count : 0;
}

int32_t hyoka_portfolio_denominator_year_at(const hyoka_portfolio *portfolio, size_t index)
{
    if (!portfolio || index >= portfolio->denominator_count)
        return 0;
    return portfolio->denominators[index].fiscal_year;
}

/* ------------------------------------------------------------------------ */
/* Settings                                                                  */

/* HYOKA_UNSET (-1, the value of HYOKA_EINVAL too) for NULL. */
int hyoka_portfolio_amount_unit(const hyoka_portfolio *portfolio)
{
    return portfolio ? portfolio->amount_unit : HYOKA_UNSET;
}

int hyoka_portfolio_set_amount_unit(hyoka_portfolio *portfolio, int unit)
{
    HYOKA__CHECK_NULL(portfolio);
    HYOKA__CHECK_ENUM(unit, UNIT);
    portfolio->amount_unit = unit;
    return HYOKA_OK;
}

int hyoka_portfolio_set_rounding(hyoka_portfolio *portfolio, int figure, int places, int mode, int unit)
{
    struct hyoka__rounding_rule *r;

    HYOKA__CHECK_NULL(portfolio);
    HYOKA__CHECK_ENUM(figure, FIGURE);
    if (places < 0 || places > HYOKA_DECIMAL_MAX_SCALE)
        return hyoka__fail(HYOKA_EINVAL, "%s: places %d is outside 0..%d", __func__, places,
                           HYOKA_DECIMAL_MAX_SCALE);
    HYOKA__CHECK_ENUM(mode, ROUNDING);
    HYOKA__CHECK_ENUM(unit, UNIT);
    if (unit != HYOKA_UNIT_YEN && !hyoka__is_per_head_figure(figure))
        return hyoka__fail(HYOKA_EINVAL, "%s: figure \"%s\" is not a per-head figure, so it cannot be shown in %s",
                           __func__, hyoka__figure_names[figure], hyoka__unit_names[unit]);
    r = &portfolio->rounding[figure];
    r->set = 1;
    r->places = (unsigned char)places;
    r->mode = (unsigned char)mode;
    r->unit = (unsigned char)unit;
    return HYOKA_OK;
}

int hyoka_portfolio_rounding(const hyoka_portfolio *portfolio, int figure, int *places, int *mode, int *unit)
{
    struct hyoka__rounding r;
    int rc;

    HYOKA__CHECK_NULL(portfolio);
    HYOKA__CHECK_ENUM(figure, FIGURE);
    rc = hyoka__rounding_in_force(portfolio, figure, &r);
    if (places)
        *places = r.places;
    if (mode)
        *mode = r.mode;
    if (unit)
        *unit = r.unit;
    return rc;
}

int hyoka_portfolio_clear_rounding(hyoka_portfolio *portfolio, int figure)
{
    HYOKA__CHECK_NULL(portfolio);
    HYOKA__CHECK_ENUM(figure, FIGURE);
    memset(&portfolio->rounding[figure], 0, sizeof portfolio->rounding[figure]);
    return HYOKA_OK;
}

int hyoka_portfolio_set_stated_tolerance(hyoka_portfolio *portfolio, int64_t ulps)
{
    HYOKA__CHECK_NULL(portfolio);
    if (ulps < 0)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_portfolio_set_stated_tolerance: tolerance %lld is negative",
                           (long long)ulps);
    portfolio->stated_tolerance = ulps;
    return HYOKA_OK;
}

int64_t hyoka_portfolio_stated_tolerance(const hyoka_portfolio *portfolio)
{
    return portfolio ? portfolio->stated_tolerance : 0;
}

int hyoka_portfolio_set_achievement_rule(hyoka_portfolio *portfolio, int rule)
{
    HYOKA__CHECK_NULL(portfolio);
    HYOKA__CHECK_ENUM(rule, ACHIEVEMENT_RULE);
    portfolio->achievement_rule = rule;
    return HYOKA_OK;
}

int hyoka_portfolio_achievement_rule(const hyoka_portfolio *portfolio)
{
    return portfolio ? portfolio->achievement_rule : HYOKA_ACHIEVEMENT_BY_DIRECTION;
}

/* ------------------------------------------------------------------------ */
/* Schemes                                                                   */

static hyoka_scheme *own_scheme(const hyoka_portfolio *p, const char *id, size_t len)
{
    for (size_t i = 0; i < p->schemes.count; i++) {
        hyoka_scheme *s = p->schemes.items[i];
        if (hyoka__str_eq_n(s->id, id, len))
            return s;
    }
    return NULL;
}

/* @p exists: 1 or 0 when the caller knows whether the id is taken, -1 to
 * look. */
static int add_scheme(hyoka_portfolio *portfolio, hyoka_scheme *scheme, int exists)
{
    static const char fn[] = "hyoka_portfolio_add_scheme";
    int rc;

    HYOKA__CHECK_NULL_IN(fn, portfolio);
    HYOKA__CHECK_NULL_IN(fn, scheme);
    if (scheme->builtin)
        return hyoka__fail(HYOKA_ESTATE, "%s: \"%s\" is a built-in scheme; add a copy (hyoka_scheme_copy())", fn,
                           scheme->id ? scheme->id : "");
    if (scheme->owned)
        return hyoka__fail(HYOKA_ESTATE, "%s: the scheme is already owned by a portfolio", fn);
    if (!scheme->id)
        return hyoka__fail(HYOKA_EINVAL, "%s: the scheme has no id", fn);
    if (exists < 0 ? own_scheme(portfolio, scheme->id, strlen(scheme->id)) != NULL : exists != 0)
        return hyoka__fail(HYOKA_EEXIST, "%s: the portfolio already has a scheme \"%s\"", fn, scheme->id);
    rc = hyoka__vec_push(&portfolio->schemes, scheme);
    if (rc != HYOKA_OK)
        return rc;
    scheme->owned = 1;
    return HYOKA_OK;
}

int hyoka_portfolio_add_scheme(hyoka_portfolio *portfolio, hyoka_scheme *scheme)
{
    return add_scheme(portfolio, scheme, -1);
}

int hyoka__portfolio_add_scheme(hyoka_portfolio *portfolio, hyoka_scheme *scheme, int exists)
{
    return add_scheme(portfolio, scheme, exists);
}

/* hyoka_portfolio_scheme_count(), hyoka_portfolio_scheme_at(), hyoka_portfolio_remove_scheme(). */
HYOKA__VEC_REMOVE(portfolio, scheme, hyoka_scheme, schemes, "schemes", hyoka__scheme_destroy)

/* A NULL portfolio finds the built-in schemes only. */
const hyoka_scheme *hyoka_portfolio_find_scheme(const hyoka_portfolio *portfolio, const char *id, size_t len)
{
    const hyoka_scheme *s;

    if (!id)
        return NULL;
    len = hyoka__len(id, len);
    if (portfolio && (s = own_scheme(portfolio, id, len)) != NULL)
        return s;
    return hyoka_scheme_builtin(id, len);
}

/* ------------------------------------------------------------------------ */
/* Projects                                                                  */

int hyoka_portfolio_add_project(hyoka_portfolio *portfolio, hyoka_project *project)
{
    int rc;

    HYOKA__CHECK_NULL(portfolio);
    HYOKA__CHECK_NULL(project);
    if ((rc = hyoka__project_check_unowned(__func__, "project", project)) != HYOKA_OK)
        return rc;
    rc = hyoka__vec_push(&portfolio->projects, project);
    if (rc != HYOKA_OK)
        return rc;
    project->portfolio = portfolio;
    return HYOKA_OK;
}

/* hyoka_portfolio_project_count(), hyoka_portfolio_project_at(), hyoka_portfolio_remove_project(). */
HYOKA__VEC_REMOVE(portfolio, project, hyoka_project, projects, "projects", hyoka__project_destroy)

hyoka_project *hyoka_portfolio_find_project(const hyoka_portfolio *portfolio, const char *code, size_t len)
{
    if (!portfolio || !code)
        return NULL;
    len = hyoka__len(code, len);
    for (size_t i = 0; i < portfolio->projects.count; i++) {
        hyoka_project *p = portfolio->projects.items[i];
        if (hyoka__str_eq_n(p->text[HYOKA_TEXT_CODE], code, len))
            return p;
    }
    return NULL;
}

hyoka_portfolio *hyoka_project_portfolio(const hyoka_project *project)
{
    if (!project)
        return NULL;
    while (project->parent)
        project = project->parent;
    return project->portfolio;
}
