/* Projects (事務事業): identity, organisation, classification paths, texts,
 * flags, cost years, indicators, evaluations, sub-projects and extensions
 * (their records: record.c).
 *
 * Ownership: a project belongs to the caller until it is added to a
 * portfolio (p->portfolio set) or to a parent project (p->parent set).
 * Cost years, indicators and evaluations point back to their project
 * through their own `project` member.
 *
 * Every setter validates all its arguments and makes every allocation it
 * needs before it changes anything, so a failure leaves the project as it
 * was.
 *
 * Sub-project trees are walked without recursion (destroy, copy, equal,
 * the ancestor check of add_child), so a deep tree cannot overflow the
 * stack. */
#include "model_build.h"

#include <string.h>

/* ------------------------------------------------------------------------ */
/* Life cycle                                                                */

int hyoka_project_new(hyoka_project **out)
{
    hyoka_project *p;

    HYOKA__CHECK_NULL(out);
    p = hyoka__calloc(1, sizeof *p);
    if (!p)
        return hyoka__nomem();
    p->duty = HYOKA_UNSET;
    p->period = HYOKA_UNSET;
    *out = p;
    return HYOKA_OK;
}

static void class_path_release(struct hyoka__class_path *path)
{
    for (size_t i = 0; i < path->count; i++) {
        hyoka__free(path->items[i].level);
        hyoka__free(path->items[i].code);
        hyoka__free(path->items[i].name);
    }
    hyoka__free(path->items);
    path->items = NULL;
    path->count = path->cap = 0;
}

/* Free everything @p p holds except its sub-projects and itself. */
static void project_release_fields(hyoka_project *p)
{
    for (size_t i = 0; i < HYOKA__PROJECT_TEXT_COUNT; i++) {
        hyoka__free(p->text[i]);
        p->text[i] = NULL;
    }
    for (size_t k = 0; k < HYOKA__CLASS_KIND_COUNT; k++)
        class_path_release(&p->cls[k]);
    for (size_t i = 0; i < p->years.count; i++)
        hyoka__costs_free(p->years.items[i]);
    hyoka__vec_release(&p->years);
    for (size_t i = 0; i < p->indicators.count; i++)
        hyoka__indicator_free(p->indicators.items[i]);
    hyoka__vec_release(&p->indicators);
    for (size_t i = 0; i < p->evaluations.count; i++)
        hyoka__evaluation_free(p->evaluations.items[i]);
    hyoka__vec_release(&p->evaluations);
    hyoka__kv_release(&p->extensions);
    hyoka__project_records_free(p);
}

/* Free @p root and its whole sub-project tree, whoever owns it. The tree
 * is taken apart leaf by leaf, last child first, climbing back through
 * the parent links; @p root's own links are not followed. */
void hyoka__project_destroy(hyoka_project *root)
{
    hyoka_project *node = root;

    if (!root)
        return;
    for (;;) {
        hyoka_project *up;

        while (node->children.count > 0)
            node = node->children.items[node->children.count - 1];
        up = node == root ? NULL : node->parent;
        project_release_fields(node);
        hyoka__vec_release(&node->children);
        hyoka__free(node);
        if (!up)
            return;
        up->children.count--; /* node was its last child */
        node = up;
    }
}

/* A project owned by a portfolio or a parent project is not freed here:
 * freeing it would leave a dangling pointer in its owner and lead to a
 * double free when the owner goes. The call is refused instead: it records
 * an ::HYOKA_ESTATE error (see hyoka_error_last()) and changes nothing. */
void hyoka_project_free(hyoka_project *project)
{
    if (!project)
        return;
    if (project->parent || project->portfolio) {
        hyoka__fail(HYOKA_ESTATE, "hyoka_project_free: the project is owned by %s; remove it from its owner instead",
                    project->parent ? "a parent project" : "a portfolio");
        return;
    }
    hyoka__project_destroy(project);
}

/* ------------------------------------------------------------------------ */
/* Copy                                                                      */

static int class_path_copy(const struct hyoka__class_path *src, struct hyoka__class_path *dst)
{
    struct hyoka__class_path out = {NULL, 0, 0};

    if (src->count > 0) {
        out.items = hyoka__calloc(src->count, sizeof *out.items);
        if (!out.items)
            return hyoka__nomem();
        out.cap = src->count;
        for (size_t i = 0; i < src->count; i++) {
            struct hyoka__class_level *d = &out.items[i];
            out.count = i + 1;
            if (hyoka__str_copy(src->items[i].level, &d->level) != HYOKA_OK ||
                hyoka__str_copy(src->items[i].code, &d->code) != HYOKA_OK ||
                hyoka__str_copy(src->items[i].name, &d->name) != HYOKA_OK) {
                class_path_release(&out);
                return hyoka__nomem();
            }
        }
    }
    *dst = out;
    return HYOKA_OK;
}

/* Make room for @p n items in an empty vector. */
static int vec_reserve(struct hyoka__vec *v, size_t n)
{
    if (n == 0)
        return HYOKA_OK;
    v->items = hyoka__calloc(n, sizeof *v->items);
    if (!v->items)
        return hyoka__nomem();
    v->cap = n;
    return HYOKA_OK;
}

/* Copy everything but the sub-projects and the owner links. */
static int project_copy_fields(const hyoka_project *src, hyoka_project **out)
{
    hyoka_project *p;
    int rc;

    p = hyoka__calloc(1, sizeof *p);
    if (!p)
        return hyoka__nomem();
    p->duty = src->duty;
    p->period = src->period;
    p->flags_set = src->flags_set;
    p->flags_value = src->flags_value;
    p->start_year = src->start_year;
    p->end_year = src->end_year;
    for (size_t i = 0; i < HYOKA__PROJECT_TEXT_COUNT; i++) {
        rc = hyoka__str_copy(src->text[i], &p->text[i]);
        if (rc != HYOKA_OK)
            goto fail;
    }
    for (size_t k = 0; k < HYOKA__CLASS_KIND_COUNT; k++) {
        rc = class_path_copy(&src->cls[k], &p->cls[k]);
        if (rc != HYOKA_OK)
            goto fail;
    }
    rc = vec_reserve(&p->years, src->years.count);
    for (size_t i = 0; rc == HYOKA_OK && i < src->years.count; i++) {
        hyoka_costs *c = NULL;
        rc = hyoka__costs_copy(src->years.items[i], p, &c);
        if (rc == HYOKA_OK)
            p->years.items[p->years.count++] = c;
    }
    if (rc != HYOKA_OK)
        goto fail;
    rc = vec_reserve(&p->indicators, src->indicators.count);
    for (size_t i = 0; rc == HYOKA_OK && i < src->indicators.count; i++) {
        hyoka_indicator *ind = NULL;
        rc = hyoka__indicator_copy(src->indicators.items[i], p, &ind);
        if (rc == HYOKA_OK)
            p->indicators.items[p->indicators.count++] = ind;
    }
    if (rc != HYOKA_OK)
        goto fail;
    rc = vec_reserve(&p->evaluations, src->evaluations.count);
    for (size_t i = 0; rc == HYOKA_OK && i < src->evaluations.count; i++) {
        hyoka_evaluation *e = NULL;
        rc = hyoka__evaluation_copy(src->evaluations.items[i], p, &e);
        if (rc == HYOKA_OK)
            p->evaluations.items[p->evaluations.count++] = e;
    }
    if (rc != HYOKA_OK)
        goto fail;
    rc = hyoka__kv_copy(&src->extensions, &p->extensions);
    if (rc == HYOKA_OK)
        rc = hyoka__project_records_copy(src, p);
    if (rc != HYOKA_OK)
        goto fail;
    rc = vec_reserve(&p->children, src->children.count);
    if (rc != HYOKA_OK)
        goto fail;
    *out = p;
    return HYOKA_OK;

fail:
    /* The failing helper has recorded the error. */
    project_release_fields(p);
    hyoka__free(p);
    return rc;
}

/* Deep copy without recursion: the copy of a node counts how many of its
 * source's children are already copied, which tells where to go on after
 * climbing back up. Each copied node has room for all its children, so
 * linking a child cannot fail. */
int hyoka_project_copy(const hyoka_project *project, hyoka_project **out)
{
    const hyoka_project *s;
    hyoka_project *root, *d;
    int rc;

    HYOKA__CHECK_NULL(project);
    HYOKA__CHECK_NULL(out);
    rc = project_copy_fields(project, &root);
    if (rc != HYOKA_OK)
        return rc;
    s = project;
    d = root;
    for (;;) {
        if (d->children.count < s->children.count) {
            const hyoka_project *sc = s->children.items[d->children.count];
            hyoka_project *dc;
            rc = project_copy_fields(sc, &dc);
            if (rc != HYOKA_OK) {
                hyoka__project_destroy(root);
                return rc;
            }
            dc->parent = d;
            d->children.items[d->children.count++] = dc;
            s = sc;
            d = dc;
        } else if (s == project) {
            break;
        } else {
            s = s->parent;
            d = d->parent;
        }
    }
    *out = root;
    return HYOKA_OK;
}

/* ------------------------------------------------------------------------ */
/* Equality                                                                  */

static int class_path_equal(const struct hyoka__class_path *a, const struct hyoka__class_path *b)
{
    if (a->count != b->count)
        return 0;
    for (size_t i = 0; i < a->count; i++)
        if (!hyoka__str_equal(a->items[i].level, b->items[i].level) ||
            !hyoka__str_equal(a->items[i].code, b->items[i].code) ||
            !hyoka__str_equal(a->items[i].name, b->items[i].name))
            return 0;
    return 1;
}

/* Everything but the sub-projects themselves (their number included). */
static int project_fields_equal(const hyoka_project *a, const hyoka_project *b)
{
    if (a->duty != b->duty || a->period != b->period || a->start_year != b->start_year ||
        a->end_year != b->end_year || a->flags_set != b->flags_set || a->flags_value != b->flags_value)
        return 0;
    for (size_t i = 0; i < HYOKA__PROJECT_TEXT_COUNT; i++)
        if (!hyoka__str_equal(a->text[i], b->text[i]))
            return 0;
    for (size_t k = 0; k < HYOKA__CLASS_KIND_COUNT; k++)
        if (!class_path_equal(&a->cls[k], &b->cls[k]))
            return 0;
    if (a->years.count != b->years.count || a->indicators.count != b->indicators.count ||
        a->evaluations.count != b->evaluations.count || a->children.count != b->children.count)
        return 0;
    for (size_t i = 0; i < a->years.count; i++)
        if (!hyoka__costs_equal(a->years.items[i], b->years.items[i]))
            return 0;
    for (size_t i = 0; i < a->indicators.count; i++)
        if (!hyoka__indicator_equal(a->indicators.items[i], b->indicators.items[i]))
            return 0;
    for (size_t i = 0; i < a->evaluations.count; i++)
        if (!hyoka__evaluation_equal(a->evaluations.items[i], b->evaluations.items[i]))
            return 0;
    return hyoka__project_records_equal(a, b) && hyoka__kv_equal(&a->extensions, &b->extensions);
}

static size_t child_index(const hyoka_project *parent, const hyoka_project *child)
{
    size_t i = 0;
    while (parent->children.items[i] != child)
        i++;
    return i;
}

/* Both trees are walked in step, in pre-order, without recursion: after
 * the last child of a node the walk climbs to the parent and goes on with
 * the next sibling (found by position, so a node with k children costs
 * O(k^2) pointer comparisons in all, which stays small for real sheets). */
int hyoka_project_equal(const hyoka_project *a, const hyoka_project *b)
{
    const hyoka_project *x = a, *y = b;

    if (!a || !b)
        return a == b;
    if (a == b)
        return 1;
    for (;;) {
        if (!project_fields_equal(x, y))
            return 0;
        if (x->children.count > 0) {
            x = x->children.items[0];
            y = y->children.items[0];
            continue;
        }
        /* Leaf: climb until a node has a next sibling. */
        for (;;) {
            const hyoka_project *px, *py;
            size_t i;
            if (x == a)
                return 1;
            px = x->parent;
            py = y->parent;
            i = child_index(px, x) + 1;
            if (i < px->children.count) {
                x = px->children.items[i];
                y = py->children.items[i];
                break;
            }
            x = px;
            y = py;
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Texts                                                                     */

static int set_text(const char *fn, hyoka_project *project, int field, const char *text, size_t len)
{
    HYOKA__CHECK_NULL_IN(fn, project);
    HYOKA__CHECK_ENUM_IN(fn, field, PROJECT_TEXT);
    return hyoka__text_set_field(&project->text[field], fn, hyoka__project_text_names[field], text, len);
}

int hyoka_project_set_text(hyoka_project *project, int field, const char *text, size_t len)
{
    return set_text("hyoka_project_set_text", project, field, text, len);
}

const char *hyoka_project_text(const hyoka_project *project, int field)
{
    if (!project || field < 0 || field >= HYOKA__PROJECT_TEXT_COUNT)
        return NULL;
    return project->text[field];
}

int hyoka_project_set_code(hyoka_project *project, const char *code, size_t len)
{
    return set_text("hyoka_project_set_code", project, HYOKA_TEXT_CODE, code, len);
}

const char *hyoka_project_code(const hyoka_project *project)
{
    return hyoka_project_text(project, HYOKA_TEXT_CODE);
}

int hyoka_project_set_name(hyoka_project *project, const char *name, size_t len)
{
    return set_text("hyoka_project_set_name", project, HYOKA_TEXT_NAME, name, len);
}

const char *hyoka_project_name(const hyoka_project *project)
{
    return hyoka_project_text(project, HYOKA_TEXT_NAME);
}

/* ------------------------------------------------------------------------ */
/* Duty, period, years                                                       */

/* hyoka_project_duty(), hyoka_project_set_duty(). */
HYOKA__ENUM_MEMBER(project, duty, DUTY)

/* hyoka_project_period(), hyoka_project_set_period(). */
HYOKA__ENUM_MEMBER(project, period, PERIOD)

int32_t hyoka_project_start_year(const hyoka_project *project)
{
    return project ? project->start_year : 0;
}

int32_t hyoka_project_end_year(const hyoka_project *project)
{
    return project ? project->end_year : 0;
}

int hyoka_project_set_period_years(hyoka_project *project, int32_t start, int32_t end)
{
    HYOKA__CHECK_NULL(project);
    if (start != 0)
        HYOKA__CHECK_YEAR(start);
    if (end != 0)
        HYOKA__CHECK_YEAR(end);
    project->start_year = start;
    project->end_year = end;
    return HYOKA_OK;
}

/* ------------------------------------------------------------------------ */
/* Flags                                                                     */

int hyoka_project_flag(const hyoka_project *project, int flag, int *value)
{
    HYOKA__CHECK_NULL(project);
    HYOKA__CHECK_ENUM(flag, PROJECT_FLAG);
    if (!((project->flags_set >> flag) & 1u))
        return 0;
    if (value)
        *value = (project->flags_value >> flag) & 1u;
    return 1;
}

int hyoka_project_set_flag(hyoka_project *project, int flag, int value)
{
    uint16_t bit;

    HYOKA__CHECK_NULL(project);
    HYOKA__CHECK_ENUM(flag, PROJECT_FLAG);
    if (value != 0 && value != 1 && value != HYOKA_UNSET)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s: value %d is not 1, 0 or HYOKA_UNSET", __func__,
                           hyoka__flag_names[flag], value);
    bit = (uint16_t)(1u << flag);
    if (value == HYOKA_UNSET)
        project->flags_set &= (uint16_t)~bit;
    else
        project->flags_set |= bit;
    if (value == 1)
        project->flags_value |= bit;
    else
        project->flags_value &= (uint16_t)~bit;
    return HYOKA_OK;
}

/* ------------------------------------------------------------------------ */
/* Classification paths                                                      */

int hyoka_project_add_class(hyoka_project *project, int kind,
                            const char *level, size_t level_len,
                            const char *code, size_t code_len,
                            const char *name, size_t name_len)
{
    struct hyoka__class_path *path;
    char *l = NULL, *c = NULL, *n = NULL;
    int rc;

    HYOKA__CHECK_NULL(project);
    HYOKA__CHECK_ENUM(kind, CLASS_KIND);
    path = &project->cls[kind];
    rc = hyoka__text_dup("hyoka_project_add_class: level", level, level_len, &l);
    if (rc == HYOKA_OK)
        rc = hyoka__text_dup("hyoka_project_add_class: code", code, code_len, &c);
    if (rc == HYOKA_OK)
        rc = hyoka__text_dup("hyoka_project_add_class: name", name, name_len, &n);
    if (rc == HYOKA_OK)
        rc = hyoka__grow((void **)&path->items, &path->cap, path->count, sizeof *path->items);
    if (rc != HYOKA_OK) {
        hyoka__free(l);
        hyoka__free(c);
        hyoka__free(n);
        return rc;
    }
    path->items[path->count].level = l;
    path->items[path->count].code = c;
    path->items[path->count].name = n;
    path->count++;
    return HYOKA_OK;
}

size_t hyoka_project_class_count(const hyoka_project *project, int kind)
{
    if (!project || kind < 0 || kind >= HYOKA__CLASS_KIND_COUNT)
        return 0;
    return project->cls[kind].count;
}

int hyoka_project_class_at(const hyoka_project *project, int kind, size_t index,
                           const char **level, const char **code, const char **name)
{
    const struct hyoka__class_level *e;

    HYOKA__CHECK_NULL(project);
    HYOKA__CHECK_ENUM(kind, CLASS_KIND);
    HYOKA__CHECK_INDEX(index, project->cls[kind].count, "levels");
    e = &project->cls[kind].items[index];
    if (level)
        *level = e->level;
    if (code)
        *code = e->code;
    if (name)
        *name = e->name;
    return HYOKA_OK;
}

int hyoka_project_clear_class(hyoka_project *project, int kind)
{
    HYOKA__CHECK_NULL(project);
    HYOKA__CHECK_ENUM(kind, CLASS_KIND);
    class_path_release(&project->cls[kind]);
    return HYOKA_OK;
}

/* ------------------------------------------------------------------------ */
/* Cost years, indicators, evaluations                                       */

int hyoka_project_add_year(hyoka_project *project, int32_t fiscal_year, hyoka_costs **out)
{
    hyoka_costs *c = NULL;
    int rc;

    HYOKA__CHECK_NULL(project);
    HYOKA__CHECK_YEAR(fiscal_year);
    rc = hyoka__grow((void **)&project->years.items, &project->years.cap, project->years.count,
                     sizeof *project->years.items);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka__costs_new(project, fiscal_year, &c);
    if (rc != HYOKA_OK)
        return rc;
    c->project = project;
    project->years.items[project->years.count++] = c;
    if (out)
        *out = c;
    return HYOKA_OK;
}

/* hyoka_project_year_count(), hyoka_project_year_at(), hyoka_project_remove_year(). */
HYOKA__VEC_REMOVE(project, year, hyoka_costs, years, "cost years", hyoka__costs_free)

hyoka_costs *hyoka_project_find_year(const hyoka_project *project, int32_t fiscal_year)
{
    if (!project)
        return NULL;
    for (size_t i = 0; i < project->years.count; i++) {
        hyoka_costs *c = project->years.items[i];
        if (c->fiscal_year == fiscal_year)
            return c;
    }
    return NULL;
}

int hyoka_project_add_indicator(hyoka_project *project, int kind, hyoka_indicator **out)
{
    hyoka_indicator *ind = NULL;
    int rc;

    HYOKA__CHECK_NULL(project);
    HYOKA__CHECK_ENUM_OR_UNSET(kind, INDICATOR_KIND);
    rc = hyoka__grow((void **)&project->indicators.items, &project->indicators.cap, project->indicators.count,
                     sizeof *project->indicators.items);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka__indicator_new(project, kind, &ind);
    if (rc != HYOKA_OK)
        return rc;
    ind->project = project;
    project->indicators.items[project->indicators.count++] = ind;
    if (out)
        *out = ind;
    return HYOKA_OK;
}

/* hyoka_project_indicator_count(), hyoka_project_indicator_at(), hyoka_project_remove_indicator(). */
HYOKA__VEC_REMOVE(project, indicator, hyoka_indicator, indicators, "indicators", hyoka__indicator_free)

int hyoka_project_add_evaluation(hyoka_project *project, int stage, hyoka_evaluation **out)
{
    hyoka_evaluation *e = NULL;
    int rc;

    HYOKA__CHECK_NULL(project);
    HYOKA__CHECK_ENUM_OR_UNSET(stage, STAGE);
    rc = hyoka__grow((void **)&project->evaluations.items, &project->evaluations.cap, project->evaluations.count,
                     sizeof *project->evaluations.items);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka__evaluation_new(project, stage, &e);
    if (rc != HYOKA_OK)
        return rc;
    e->project = project;
    project->evaluations.items[project->evaluations.count++] = e;
    if (out)
        *out = e;
    return HYOKA_OK;
}

/* hyoka_project_evaluation_count(), hyoka_project_evaluation_at(), hyoka_project_remove_evaluation(). */
HYOKA__VEC_REMOVE(project, evaluation, hyoka_evaluation, evaluations, "evaluations", hyoka__evaluation_free)

/* ------------------------------------------------------------------------ */
/* Sub-projects                                                              */

int hyoka__project_check_unowned(const char *fn, const char *what, const hyoka_project *p)
{
    if (p->parent || p->portfolio)
        return hyoka__fail(HYOKA_ESTATE, "%s: the %s is already owned by %s", fn, what,
                           p->parent ? "a parent project" : "a portfolio");
    return HYOKA_OK;
}

int hyoka_project_add_child(hyoka_project *project, hyoka_project *child)
{
    int rc;

    HYOKA__CHECK_NULL(project);
    HYOKA__CHECK_NULL(child);
    if (child == project)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_project_add_child: a project cannot be its own sub-project");
    if ((rc = hyoka__project_check_unowned(__func__, "child", child)) != HYOKA_OK)
        return rc;
    for (const hyoka_project *a = project->parent; a; a = a->parent)
        if (a == child)
            return hyoka__fail(HYOKA_ESTATE,
                               "hyoka_project_add_child: the child is an ancestor of the project (a cycle)");
    rc = hyoka__vec_push(&project->children, child);
    if (rc != HYOKA_OK)
        return rc;
    child->parent = project;
    return HYOKA_OK;
}

/* hyoka_project_child_count(), hyoka_project_child_at(), hyoka_project_remove_child(). */
HYOKA__VEC_REMOVE(project, child, hyoka_project, children, "sub-projects", hyoka__project_destroy)

hyoka_project *hyoka_project_parent(const hyoka_project *project)
{
    return project ? project->parent : NULL;
}

/* ------------------------------------------------------------------------ */
/* Extensions                                                                */

/* hyoka_project_set_extension(), hyoka_project_extension(), hyoka_project_extension_count(),
 * hyoka_project_extension_at(). */
HYOKA__EXTENSIONS(project)
