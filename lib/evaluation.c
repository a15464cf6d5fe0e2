/* Evaluations (hyoka_evaluation): stage, year, date, texts, expected
 * effect, criterion answers, comments and goals.
 *
 * Every setter checks all of its arguments before it touches the object,
 * allocates what it needs, and only then commits, so a failing call leaves
 * the object exactly as it was. */
#include "model_build.h"

#include <stdio.h>
#include <string.h>

/* Check a key argument of a string map without copying it, so that even a
 * removal (NULL value) refuses a key that could never have been stored. */
static int check_key(const char *fn, const char *name, const char *key, size_t len)
{
    char what[96];

    if (!key)
        return hyoka__fail_null(fn, name);
    len = hyoka__len(key, len);
    if (len == 0)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is empty", fn, name);
    snprintf(what, sizeof what, "%s: %s", fn, name);
    return hyoka__text_check(what, key, len);
}

/* Check a date argument: 0 (not given) or a valid YYYYMMDD value. */
static int check_date(const char *fn, const char *name, int32_t date)
{
    if (date != 0 && hyoka_date_split(date, NULL, NULL, NULL) != HYOKA_OK)
        return hyoka__fail(HYOKA_ERANGE, "%s: %s %ld is not a valid date value (YYYYMMDD, 1868..9999)", fn, name,
                           (long)date);
    return HYOKA_OK;
}

static void goal_release(struct hyoka__goal *g)
{
    hyoka__free(g->what);
    hyoka__free(g->level);
    g->what = g->level = NULL;
}

/* ------------------------------------------------------------------------ */
/* Internals used by the project module                                       */

int hyoka__evaluation_new(hyoka_project *owner, int stage, hyoka_evaluation **out)
{
    hyoka_evaluation *e = hyoka__calloc(1, sizeof *e);

    if (!e)
        return hyoka__fail(HYOKA_ENOMEM, "evaluation: out of memory");
    e->project = owner;
    e->stage = stage;
    e->expected_outcome = HYOKA_UNSET;
    e->expected_cost = HYOKA_UNSET;
    *out = e;
    return HYOKA_OK;
}

void hyoka__evaluation_free(hyoka_evaluation *e)
{
    if (!e)
        return;
    for (int i = 0; i < HYOKA__EVALUATION_TEXT_COUNT; i++)
        hyoka__free(e->text[i]);
    hyoka__kv_release(&e->answers);
    hyoka__kv_release(&e->comments);
    for (size_t i = 0; i < e->goal_count; i++)
        goal_release(&e->goals[i]);
    hyoka__free(e->goals);
    hyoka__free(e);
}

int hyoka__evaluation_copy(const hyoka_evaluation *src, hyoka_project *owner, hyoka_evaluation **out)
{
    hyoka_evaluation *e = hyoka__malloc(sizeof *e);

    if (!e)
        goto nomem;
    *e = *src;
    e->project = owner;
    for (int i = 0; i < HYOKA__EVALUATION_TEXT_COUNT; i++)
        e->text[i] = NULL;
    memset(&e->answers, 0, sizeof e->answers);
    memset(&e->comments, 0, sizeof e->comments);
    e->goals = NULL;
    e->goal_count = e->goal_cap = 0;
    /* From here on hyoka__evaluation_free() frees what the copy holds. */
    for (int i = 0; i < HYOKA__EVALUATION_TEXT_COUNT; i++)
        if (hyoka__str_copy(src->text[i], &e->text[i]) != HYOKA_OK)
            goto nomem;
    if (hyoka__kv_copy(&src->answers, &e->answers) != HYOKA_OK)
        goto nomem;
    if (hyoka__kv_copy(&src->comments, &e->comments) != HYOKA_OK)
        goto nomem;
    if (src->goal_count) {
        e->goals = hyoka__calloc(src->goal_count, sizeof *e->goals);
        if (!e->goals)
            goto nomem;
        e->goal_cap = src->goal_count;
        for (size_t i = 0; i < src->goal_count; i++) {
            struct hyoka__goal *g = &e->goals[i];
            e->goal_count = i + 1; /* so a failure frees what this goal got */
            g->by = src->goals[i].by;
            if (hyoka__str_copy(src->goals[i].what, &g->what) != HYOKA_OK ||
                hyoka__str_copy(src->goals[i].level, &g->level) != HYOKA_OK)
                goto nomem;
        }
    }
    *out = e;
    return HYOKA_OK;

nomem:
    hyoka__evaluation_free(e);
    return hyoka__fail(HYOKA_ENOMEM, "copy of an evaluation: out of memory");
}

int hyoka__evaluation_equal(const hyoka_evaluation *a, const hyoka_evaluation *b)
{
    if (!a || !b)
        return a == b;
    if (a->stage != b->stage || a->fiscal_year != b->fiscal_year || a->date != b->date ||
        a->expected_outcome != b->expected_outcome || a->expected_cost != b->expected_cost ||
        a->goal_count != b->goal_count)
        return 0;
    for (int i = 0; i < HYOKA__EVALUATION_TEXT_COUNT; i++)
        if (!hyoka__str_equal(a->text[i], b->text[i]))
            return 0;
    if (!hyoka__kv_equal(&a->answers, &b->answers) || !hyoka__kv_equal(&a->comments, &b->comments))
        return 0;
    for (size_t i = 0; i < a->goal_count; i++)
        if (a->goals[i].by != b->goals[i].by || !hyoka__str_equal(a->goals[i].what, b->goals[i].what) ||
            !hyoka__str_equal(a->goals[i].level, b->goals[i].level))
            return 0;
    return 1;
}

/* ------------------------------------------------------------------------ */
/* Stage, year, date, texts, expected effect                                  */

/* hyoka_evaluation_stage(), hyoka_evaluation_set_stage(). */
HYOKA__ENUM_MEMBER(evaluation, stage, STAGE)

int32_t hyoka_evaluation_fiscal_year(const hyoka_evaluation *evaluation)
{
    return evaluation ? evaluation->fiscal_year : 0;
}

int hyoka_evaluation_set_fiscal_year(hyoka_evaluation *evaluation, int32_t fiscal_year)
{
    HYOKA__CHECK_NULL(evaluation);
    if (fiscal_year != 0)
        HYOKA__CHECK_YEAR(fiscal_year);
    evaluation->fiscal_year = fiscal_year;
    return HYOKA_OK;
}

int32_t hyoka_evaluation_date(const hyoka_evaluation *evaluation)
{
    return evaluation ? evaluation->date : 0;
}

int hyoka_evaluation_set_date(hyoka_evaluation *evaluation, int32_t date)
{
    int rc;

    HYOKA__CHECK_NULL(evaluation);
    rc = check_date(__func__, "date", date);
    if (rc != HYOKA_OK)
        return rc;
    evaluation->date = date;
    return HYOKA_OK;
}

int hyoka_evaluation_set_text(hyoka_evaluation *evaluation, int field, const char *text, size_t len)
{
    HYOKA__CHECK_NULL(evaluation);
    HYOKA__CHECK_ENUM(field, EVALUATION_TEXT);
    return hyoka__text_set_field(&evaluation->text[field], __func__, hyoka__evaluation_text_names[field], text,
                                 len);
}

const char *hyoka_evaluation_text(const hyoka_evaluation *evaluation, int field)
{
    if (!evaluation || field < 0 || field >= HYOKA__EVALUATION_TEXT_COUNT)
        return NULL;
    return evaluation->text[field];
}

int hyoka_evaluation_expected_outcome(const hyoka_evaluation *evaluation)
{
    return evaluation ? evaluation->expected_outcome : HYOKA_UNSET;
}

int hyoka_evaluation_expected_cost(const hyoka_evaluation *evaluation)
{
    return evaluation ? evaluation->expected_cost : HYOKA_UNSET;
}

int hyoka_evaluation_set_expected(hyoka_evaluation *evaluation, int outcome, int cost)
{
    HYOKA__CHECK_NULL(evaluation);
    HYOKA__CHECK_ENUM_OR_UNSET(outcome, EXPECTED_OUTCOME);
    HYOKA__CHECK_ENUM_OR_UNSET(cost, EXPECTED_COST);
    evaluation->expected_outcome = outcome;
    evaluation->expected_cost = cost;
    return HYOKA_OK;
}

/* ------------------------------------------------------------------------ */
/* Answers and comments                                                       */

/* Set entry @p key (the argument @p key_arg of @p fn) of @p l to @p value;
 * @p what names the entry in messages. */
static int kv_put(const char *fn, const char *key_arg, struct hyoka__kvlist *l, const char *what, const char *key,
                  size_t key_len, const char *value, size_t value_len)
{
    int rc = check_key(fn, key_arg, key, key_len);

    if (rc != HYOKA_OK)
        return rc;
    return hyoka__kv_set(l, what, key, key_len, value, value_len);
}

/* The public functions of a keyed list of an evaluation (@p list, its
 * entries called @p name, their key argument @p key and value argument
 * @p value): hyoka_evaluation_set_<name>(), hyoka_evaluation_<name>(),
 * hyoka_evaluation_<name>_count() and hyoka_evaluation_<name>_at(). */
#define KEYED_LIST_FUNCTIONS(name, list, key, value)                                                   \
    int hyoka_evaluation_set_##name(hyoka_evaluation *evaluation, const char *key, size_t key##_len,   \
                                    const char *value, size_t value##_len)                             \
    {                                                                                                  \
        HYOKA__CHECK_NULL(evaluation);                                                                 \
        return kv_put(__func__, #key, &evaluation->list, "hyoka_evaluation_set_" #name ": " #name, key, \
                      key##_len, value, value##_len);                                                  \
    }                                                                                                  \
    const char *hyoka_evaluation_##name(const hyoka_evaluation *evaluation, const char *key, size_t key##_len) \
    {                                                                                                  \
        return evaluation ? hyoka__kv_get(&evaluation->list, key, key##_len) : NULL;                   \
    }                                                                                                  \
    size_t hyoka_evaluation_##name##_count(const hyoka_evaluation *evaluation)                         \
    {                                                                                                  \
        return evaluation ? evaluation->list.count : 0;                                                \
    }                                                                                                  \
    int hyoka_evaluation_##name##_at(const hyoka_evaluation *evaluation, size_t index, const char **key, \
                                     const char **value)                                               \
    {                                                                                                  \
        HYOKA__CHECK_NULL(evaluation);                                                                 \
        return hyoka__kv_at(__func__, "entries", &evaluation->list, index, key, value);                                  \
    }

/* hyoka_evaluation_set_answer(), hyoka_evaluation_answer(), hyoka_evaluation_answer_count(),
 * hyoka_evaluation_answer_at(). */
KEYED_LIST_FUNCTIONS(answer, answers, criterion, value)
/* hyoka_evaluation_set_comment(), hyoka_evaluation_comment(), hyoka_evaluation_comment_count(),
 * hyoka_evaluation_comment_at(). */
KEYED_LIST_FUNCTIONS(comment, comments, key, text)

/* ------------------------------------------------------------------------ */
/* Goals                                                                      */

int hyoka_evaluation_add_goal(hyoka_evaluation *evaluation, const char *what, size_t what_len, const char *level,
                              size_t level_len, int32_t by)
{
    char *w = NULL, *l = NULL;
    struct hyoka__goal *g;
    int rc;

    HYOKA__CHECK_NULL(evaluation);
    rc = check_date(__func__, "by", by);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka__text_dup("hyoka_evaluation_add_goal: what", what, what_len, &w);
    if (rc == HYOKA_OK)
        rc = hyoka__text_dup("hyoka_evaluation_add_goal: level", level, level_len, &l);
    if (rc == HYOKA_OK)
        rc = hyoka__grow((void **)&evaluation->goals, &evaluation->goal_cap, evaluation->goal_count,
                         sizeof *evaluation->goals);
    if (rc != HYOKA_OK) {
        hyoka__free(w);
        hyoka__free(l);
        return rc;
    }
    g = &evaluation->goals[evaluation->goal_count++];
    g->what = w;
    g->level = l;
    g->by = by;
    return HYOKA_OK;
}

size_t hyoka_evaluation_goal_count(const hyoka_evaluation *evaluation)
{
    return evaluation ? evaluation->goal_count : 0;
}

int hyoka_evaluation_goal_at(const hyoka_evaluation *evaluation, size_t index, const char **what,
                             const char **level, int32_t *by)
{
    const struct hyoka__goal *g;

    HYOKA__CHECK_NULL(evaluation);
    HYOKA__CHECK_INDEX(index, evaluation->goal_count, "goals");
    g = &evaluation->goals[index];
    if (what)
        *what = g->what;
    if (level)
        *level = g->level;
    if (by)
        *by = g->by;
    return HYOKA_OK;
}

int hyoka_evaluation_remove_goal(hyoka_evaluation *evaluation, size_t index)
{
    HYOKA__CHECK_NULL(evaluation);
    HYOKA__CHECK_INDEX(index, evaluation->goal_count, "goals");
    goal_release(&evaluation->goals[index]);
    memmove(evaluation->goals + index, evaluation->goals + index + 1,
            (evaluation->goal_count - index - 1) * sizeof *evaluation->goals);
    evaluation->goal_count--;
    if (evaluation->goal_count == 0) {
        hyoka__free(evaluation->goals);
        evaluation->goals = NULL;
        evaluation->goal_cap = 0;
    }
    return HYOKA_OK;
}
