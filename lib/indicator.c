/* Indicators (hyoka_indicator) and their values by fiscal year.
 *
 * Every setter checks all of its arguments before it touches the object,
 * allocates what it needs, and only then commits, so a failing call leaves
 * the object exactly as it was. */
#include "model_build.h"

#include <string.h>

static struct hyoka__ivalue *value_of_year(const hyoka_indicator *ind, int32_t fiscal_year)
{
    for (size_t i = 0; i < ind->value_count; i++)
        if (ind->values[i].fiscal_year == fiscal_year)
            return &ind->values[i];
    return NULL;
}

/* Append an entry for @p fiscal_year (not present yet). */
static int append_year(hyoka_indicator *ind, int32_t fiscal_year, struct hyoka__ivalue **out)
{
    struct hyoka__ivalue *e;
    int rc = hyoka__grow((void **)&ind->values, &ind->value_cap, ind->value_count, sizeof *ind->values);

    if (rc != HYOKA_OK)
        return rc;
    e = &ind->values[ind->value_count++];
    memset(e, 0, sizeof *e);
    e->fiscal_year = fiscal_year;
    *out = e;
    return HYOKA_OK;
}

/* Set or clear one value field of an entry. */
static void put_value(struct hyoka__ivalue *e, int field, const hyoka_decimal *value)
{
    if (value) {
        e->v[field] = *value;
        e->present |= 1u << field;
    } else {
        hyoka_decimal zero = {{0, 0}};
        e->v[field] = zero;
        e->present &= ~(1u << field);
    }
}

/* ------------------------------------------------------------------------ */
/* Internals used by the project module                                       */

int hyoka__indicator_new(hyoka_project *owner, int kind, hyoka_indicator **out)
{
    hyoka_indicator *ind = hyoka__calloc(1, sizeof *ind);

    if (!ind)
        return hyoka__fail(HYOKA_ENOMEM, "indicator: out of memory");
    ind->project = owner;
    ind->kind = kind;
    ind->direction = HYOKA_UNSET;
    ind->number = HYOKA_UNSET;
    ind->term = HYOKA_UNSET;
    ind->measurement = HYOKA_UNSET;
    *out = ind;
    return HYOKA_OK;
}

void hyoka__indicator_free(hyoka_indicator *ind)
{
    if (!ind)
        return;
    for (int i = 0; i < HYOKA__INDICATOR_TEXT_COUNT; i++)
        hyoka__free(ind->text[i]);
    hyoka__free(ind->values);
    hyoka__free(ind);
}

int hyoka__indicator_copy(const hyoka_indicator *src, hyoka_project *owner, hyoka_indicator **out)
{
    hyoka_indicator *ind = hyoka__malloc(sizeof *ind);

    if (!ind)
        goto nomem;
    *ind = *src;
    ind->project = owner;
    for (int i = 0; i < HYOKA__INDICATOR_TEXT_COUNT; i++)
        ind->text[i] = NULL;
    ind->values = NULL;
    ind->value_count = ind->value_cap = 0;
    /* From here on hyoka__indicator_free() frees what the copy holds. */
    for (int i = 0; i < HYOKA__INDICATOR_TEXT_COUNT; i++)
        if (hyoka__str_copy(src->text[i], &ind->text[i]) != HYOKA_OK)
            goto nomem;
    if (src->value_count) {
        ind->values = hyoka__malloc_array(src->value_count, sizeof *ind->values);
        if (!ind->values)
            goto nomem;
        memcpy(ind->values, src->values, src->value_count * sizeof *ind->values);
        ind->value_count = ind->value_cap = src->value_count;
    }
    *out = ind;
    return HYOKA_OK;

nomem:
    hyoka__indicator_free(ind);
    return hyoka__fail(HYOKA_ENOMEM, "copy of an indicator: out of memory");
}

static int ivalue_equal(const struct hyoka__ivalue *a, const struct hyoka__ivalue *b)
{
    if (a->fiscal_year != b->fiscal_year || a->present != b->present)
        return 0;
    for (int f = 0; f < HYOKA__VALUE_FIELD_COUNT; f++)
        if ((a->present & (1u << f)) && !hyoka_decimal_identical(&a->v[f], &b->v[f]))
            return 0;
    return 1;
}

int hyoka__indicator_equal(const hyoka_indicator *a, const hyoka_indicator *b)
{
    if (!a || !b)
        return a == b;
    if (a->kind != b->kind || a->direction != b->direction || a->not_settable != b->not_settable ||
        a->has_long_term != b->has_long_term || a->long_term_year != b->long_term_year ||
        a->value_count != b->value_count || a->has_baseline != b->has_baseline ||
        a->baseline_year != b->baseline_year || a->target_year != b->target_year || a->number != b->number ||
        a->term != b->term || a->measurement != b->measurement)
        return 0;
    if (a->has_long_term && !hyoka_decimal_identical(&a->long_term, &b->long_term))
        return 0;
    if (a->has_baseline && !hyoka_decimal_identical(&a->baseline, &b->baseline))
        return 0;
    for (int i = 0; i < HYOKA__INDICATOR_TEXT_COUNT; i++)
        if (!hyoka__str_equal(a->text[i], b->text[i]))
            return 0;
    for (size_t i = 0; i < a->value_count; i++)
        if (!ivalue_equal(&a->values[i], &b->values[i]))
            return 0;
    return 1;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                 */

/* hyoka_indicator_kind(), hyoka_indicator_set_kind(). */
HYOKA__ENUM_MEMBER(indicator, kind, INDICATOR_KIND)

int hyoka_indicator_set_text(hyoka_indicator *indicator, int field, const char *text, size_t len)
{
    HYOKA__CHECK_NULL(indicator);
    HYOKA__CHECK_ENUM(field, INDICATOR_TEXT);
    return hyoka__text_set_field(&indicator->text[field], __func__, hyoka__indicator_text_names[field], text, len);
}

const char *hyoka_indicator_text(const hyoka_indicator *indicator, int field)
{
    if (!indicator || field < 0 || field >= HYOKA__INDICATOR_TEXT_COUNT)
        return NULL;
    return indicator->text[field];
}

/* hyoka_indicator_direction(), hyoka_indicator_set_direction(). */
HYOKA__ENUM_MEMBER(indicator, direction, DIRECTION)

int hyoka_indicator_not_settable(const hyoka_indicator *indicator)
{
    return indicator ? indicator->not_settable : 0;
}

int hyoka_indicator_set_not_settable(hyoka_indicator *indicator, int not_settable)
{
    HYOKA__CHECK_NULL(indicator);
    indicator->not_settable = not_settable != 0;
    return HYOKA_OK;
}

/* A value with an optional fiscal year (the long-term target, the
 * baseline): check both, then store them in *has, *slot and *year. */
static int set_dated_value(const char *fn, hyoka_indicator *indicator, const hyoka_decimal *value,
                           int32_t fiscal_year, int *has, hyoka_decimal *slot, int32_t *year)
{
    int rc;

    HYOKA__CHECK_NULL_IN(fn, indicator);
    if (value) {
        rc = hyoka__check_decimal(fn, "value", value);
        if (rc != HYOKA_OK)
            return rc;
    }
    if (fiscal_year != 0)
        HYOKA__CHECK_YEAR_IN(fn, fiscal_year);
    if (value) {
        *slot = *value;
        *has = 1;
    } else {
        hyoka_decimal zero = {{0, 0}};
        *slot = zero;
        *has = 0;
    }
    *year = fiscal_year;
    return HYOKA_OK;
}

/* Read a value with an optional fiscal year: 1 present, 0 missing. */
static int get_dated_value(const char *fn, const hyoka_indicator *indicator, int has, const hyoka_decimal *slot,
                           int32_t year, hyoka_decimal *value, int32_t *fiscal_year)
{
    HYOKA__CHECK_NULL_IN(fn, indicator);
    if (fiscal_year)
        *fiscal_year = year;
    if (!has)
        return 0;
    if (value)
        *value = *slot;
    return 1;
}

/* hyoka_indicator_set_<name>() and hyoka_indicator_<name>() of a value with
 * an optional fiscal year, held in members has_<name>, <name> and
 * <name>_year. */
#define DATED_VALUE_FUNCTIONS(name)                                                                    \
    int hyoka_indicator_set_##name(hyoka_indicator *indicator, const hyoka_decimal *value, int32_t fiscal_year) \
    {                                                                                                  \
        return set_dated_value("hyoka_indicator_set_" #name, indicator, value, fiscal_year,            \
                               indicator ? &indicator->has_##name : NULL, indicator ? &indicator->name : NULL, \
                               indicator ? &indicator->name##_year : NULL);                            \
    }                                                                                                  \
    int hyoka_indicator_##name(const hyoka_indicator *indicator, hyoka_decimal *value, int32_t *fiscal_year) \
    {                                                                                                  \
        HYOKA__CHECK_NULL(indicator);                                                                  \
        return get_dated_value("hyoka_indicator_" #name, indicator, indicator->has_##name, &indicator->name, \
                               indicator->name##_year, value, fiscal_year);                            \
    }

/* hyoka_indicator_set_long_term(), hyoka_indicator_long_term(). */
DATED_VALUE_FUNCTIONS(long_term)
/* hyoka_indicator_set_baseline(), hyoka_indicator_baseline(). */
DATED_VALUE_FUNCTIONS(baseline)

int32_t hyoka_indicator_target_year(const hyoka_indicator *indicator)
{
    return indicator ? indicator->target_year : 0;
}

int hyoka_indicator_set_target_year(hyoka_indicator *indicator, int32_t fiscal_year)
{
    HYOKA__CHECK_NULL(indicator);
    if (fiscal_year != 0)
        HYOKA__CHECK_YEAR(fiscal_year);
    indicator->target_year = fiscal_year;
    return HYOKA_OK;
}

int hyoka_indicator_number(const hyoka_indicator *indicator, int64_t *out)
{
    HYOKA__CHECK_NULL(indicator);
    if (indicator->number == HYOKA_UNSET)
        return 0;
    if (out)
        *out = indicator->number;
    return 1;
}

int hyoka_indicator_set_number(hyoka_indicator *indicator, int64_t number)
{
    HYOKA__CHECK_NULL(indicator);
    if (number < 0 && number != HYOKA_UNSET)
        return hyoka__fail(HYOKA_EINVAL, "%s: number %lld is negative", __func__, (long long)number);
    indicator->number = number;
    return HYOKA_OK;
}

/* hyoka_indicator_term(), hyoka_indicator_set_term(). */
HYOKA__ENUM_MEMBER(indicator, term, TERM)

/* hyoka_indicator_measurement(), hyoka_indicator_set_measurement(). */
HYOKA__ENUM_MEMBER(indicator, measurement, MEASUREMENT)

int hyoka_indicator_add_year(hyoka_indicator *indicator, int32_t fiscal_year)
{
    struct hyoka__ivalue *e;

    HYOKA__CHECK_NULL(indicator);
    HYOKA__CHECK_YEAR(fiscal_year);
    if (value_of_year(indicator, fiscal_year))
        return HYOKA_OK;
    return append_year(indicator, fiscal_year, &e);
}

size_t hyoka_indicator_year_count(const hyoka_indicator *indicator)
{
    return indicator ? indicator->value_count : 0;
}

int32_t hyoka_indicator_year_at(const hyoka_indicator *indicator, size_t index)
{
    if (!indicator || index >= indicator->value_count)
        return 0;
    return indicator->values[index].fiscal_year;
}

int hyoka_indicator_remove_year(hyoka_indicator *indicator, int32_t fiscal_year)
{
    struct hyoka__ivalue *e;
    size_t i;

    HYOKA__CHECK_NULL(indicator);
    e = value_of_year(indicator, fiscal_year);
    if (!e)
        return hyoka__fail(HYOKA_ENOTFOUND, "%s: no entry for fiscal year %ld", __func__, (long)fiscal_year);
    i = (size_t)(e - indicator->values);
    memmove(indicator->values + i, indicator->values + i + 1,
            (indicator->value_count - i - 1) * sizeof *indicator->values);
    indicator->value_count--;
    if (indicator->value_count == 0) {
        hyoka__free(indicator->values);
        indicator->values = NULL;
        indicator->value_cap = 0;
    }
    return HYOKA_OK;
}

int hyoka_indicator_set_value(hyoka_indicator *indicator, int32_t fiscal_year, int field,
                              const hyoka_decimal *value)
{
    struct hyoka__ivalue *e;
    int rc;

    HYOKA__CHECK_NULL(indicator);
    HYOKA__CHECK_ENUM(field, VALUE_FIELD);
    HYOKA__CHECK_YEAR(fiscal_year);
    if (value) {
        rc = hyoka__check_decimal(__func__, hyoka__value_field_names[field], value);
        if (rc != HYOKA_OK)
            return rc;
    }
    e = value_of_year(indicator, fiscal_year);
    if (!e) {
        rc = append_year(indicator, fiscal_year, &e);
        if (rc != HYOKA_OK)
            return rc;
    }
    put_value(e, field, value);
    return HYOKA_OK;
}

int hyoka__indicator_append_year(hyoka_indicator *indicator, int32_t fiscal_year)
{
    struct hyoka__ivalue *e;

    HYOKA__CHECK_YEAR_IN("hyoka_indicator_add_year", fiscal_year);
    return append_year(indicator, fiscal_year, &e);
}

int hyoka__indicator_set_last_value(hyoka_indicator *indicator, int field, const hyoka_decimal *value)
{
    static const char fn[] = "hyoka_indicator_set_value";
    int rc;

    HYOKA__CHECK_ENUM_IN(fn, field, VALUE_FIELD);
    if (value) {
        rc = hyoka__check_decimal(fn, hyoka__value_field_names[field], value);
        if (rc != HYOKA_OK)
            return rc;
    }
    put_value(&indicator->values[indicator->value_count - 1], field, value);
    return HYOKA_OK;
}

int hyoka_indicator_value(const hyoka_indicator *indicator, int32_t fiscal_year, int field, hyoka_decimal *out)
{
    const struct hyoka__ivalue *e;

    HYOKA__CHECK_NULL(indicator);
    HYOKA__CHECK_ENUM(field, VALUE_FIELD);
    e = value_of_year(indicator, fiscal_year);
    if (!e || !(e->present & (1u << field)))
        return 0;
    if (out)
        *out = e->v[field];
    return 1;
}
