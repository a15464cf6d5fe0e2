/* Cost years (hyoka_costs) and their staff lines (hyoka_staff).
 *
 * Every setter checks all of its arguments before it touches the object,
 * allocates what it needs, and only then commits, so a failing call leaves
 * the object exactly as it was. */
#include "model_build.h"

#include <string.h>

/* The figures a cost year can state (EXPENSE .. TOTAL_COST_CHANGE). */
#define CHECK_YEAR_FIGURE(figure)                                                                      \
    HYOKA__CHECK_ENUM_SUBSET(figure, FIGURE, hyoka__is_year_figure(figure),                             \
                             "one a cost year states (expense..total_cost_change)")

/* ------------------------------------------------------------------------ */
/* Internals used by the project module                                       */

int hyoka__costs_new(hyoka_project *owner, int32_t fiscal_year, hyoka_costs **out)
{
    hyoka_costs *c = hyoka__calloc(1, sizeof *c);

    if (!c)
        return hyoka__fail(HYOKA_ENOMEM, "cost year %ld: out of memory", (long)fiscal_year);
    c->project = owner;
    c->fiscal_year = fiscal_year;
    c->phase = HYOKA_UNSET;
    *out = c;
    return HYOKA_OK;
}

static void staff_free(hyoka_staff *s)
{
    hyoka__free(s);
}

struct hyoka__stated *hyoka__costs_stated_block(hyoka_costs *c)
{
    if (!c->st)
        c->st = hyoka__calloc(1, sizeof *c->st);
    return c->st;
}

void hyoka__costs_free(hyoka_costs *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->staff.count; i++)
        staff_free(c->staff.items[i]);
    hyoka__vec_release(&c->staff);
    hyoka__free(c->st);
    hyoka__free(c);
}

int hyoka__costs_copy(const hyoka_costs *src, hyoka_project *owner, hyoka_costs **out)
{
    hyoka_costs *c = hyoka__malloc(sizeof *c);

    if (!c)
        goto nomem;
    *c = *src;
    c->project = owner;
    c->staff.items = NULL;
    c->staff.count = 0;
    c->staff.cap = 0;
    c->st = NULL;
    /* From here on hyoka__costs_free() frees what the copy holds. */
    if (src->st) {
        c->st = hyoka__malloc(sizeof *c->st);
        if (!c->st)
            goto nomem;
        *c->st = *src->st;
    }
    if (src->staff.count) {
        c->staff.items = hyoka__calloc(src->staff.count, sizeof *c->staff.items);
        if (!c->staff.items)
            goto nomem;
        c->staff.cap = src->staff.count;
        for (size_t i = 0; i < src->staff.count; i++) {
            hyoka_staff *s = hyoka__malloc(sizeof *s);
            if (!s)
                goto nomem;
            *s = *(const hyoka_staff *)src->staff.items[i];
            s->costs = c;
            c->staff.items[c->staff.count++] = s;
        }
    }
    *out = c;
    return HYOKA_OK;

nomem:
    hyoka__costs_free(c);
    return hyoka__fail(HYOKA_ENOMEM, "copy of cost year %ld: out of memory", (long)src->fiscal_year);
}

static int staff_equal(const hyoka_staff *a, const hyoka_staff *b)
{
    if (a->category != b->category || a->present != b->present)
        return 0;
    for (int f = 0; f < HYOKA__STAFF_FIELD_COUNT; f++) {
        if (!(a->present & (1u << f)))
            continue;
        if (f < HYOKA__STAFF_DECIMAL_COUNT) {
            if (!hyoka_decimal_identical(&a->dec[f], &b->dec[f]))
                return 0;
        } else if (a->amount[f - HYOKA__STAFF_DECIMAL_COUNT] != b->amount[f - HYOKA__STAFF_DECIMAL_COUNT]) {
            return 0;
        }
    }
    return 1;
}

int hyoka__costs_equal(const hyoka_costs *a, const hyoka_costs *b)
{
    if (!a || !b)
        return a == b;
    if (a->fiscal_year != b->fiscal_year || a->phase != b->phase || a->present != b->present ||
        a->stated_present != b->stated_present || a->staff.count != b->staff.count)
        return 0;
    for (int f = 0; f < HYOKA__COST_FIELD_COUNT; f++)
        if ((a->present & (1u << f)) && a->value[f] != b->value[f])
            return 0;
    for (int f = 0; f < HYOKA__YEAR_FIGURE_COUNT; f++)
        if ((a->stated_present & (1u << f)) &&
            (!hyoka_decimal_identical(&a->st->value[f], &b->st->value[f]) || a->st->unit[f] != b->st->unit[f]))
            return 0;
    for (size_t i = 0; i < a->staff.count; i++)
        if (!staff_equal(a->staff.items[i], b->staff.items[i]))
            return 0;
    return 1;
}

/* ------------------------------------------------------------------------ */
/* Cost year                                                                  */

int32_t hyoka_costs_fiscal_year(const hyoka_costs *costs)
{
    return costs ? costs->fiscal_year : 0;
}

int hyoka_costs_set_fiscal_year(hyoka_costs *costs, int32_t fiscal_year)
{
    HYOKA__CHECK_NULL(costs);
    HYOKA__CHECK_YEAR(fiscal_year);
    costs->fiscal_year = fiscal_year;
    return HYOKA_OK;
}

/* hyoka_costs_phase(), hyoka_costs_set_phase(). */
HYOKA__ENUM_MEMBER(costs, phase, PHASE)

int hyoka_costs_set(hyoka_costs *costs, int field, int64_t value)
{
    HYOKA__CHECK_NULL(costs);
    HYOKA__CHECK_ENUM(field, COST_FIELD);
    if (hyoka__is_count_field(field) && value < 0)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s: a count cannot be negative (%lld)", __func__,
                           hyoka__cost_field_names[field], (long long)value);
    costs->value[field] = value;
    costs->present |= 1u << field;
    return HYOKA_OK;
}

int hyoka_costs_get(const hyoka_costs *costs, int field, int64_t *out)
{
    HYOKA__CHECK_NULL(costs);
    HYOKA__CHECK_ENUM(field, COST_FIELD);
    if (!(costs->present & (1u << field)))
        return 0;
    if (out)
        *out = costs->value[field];
    return 1;
}

int hyoka_costs_clear(hyoka_costs *costs, int field)
{
    HYOKA__CHECK_NULL(costs);
    HYOKA__CHECK_ENUM(field, COST_FIELD);
    costs->present &= ~(1u << field);
    costs->value[field] = 0;
    return HYOKA_OK;
}

int hyoka_costs_set_stated(hyoka_costs *costs, int figure, const hyoka_decimal *value, int unit)
{
    int rc;

    HYOKA__CHECK_NULL(costs);
    CHECK_YEAR_FIGURE(figure);
    if (!value)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s: value is NULL (use hyoka_costs_clear_stated to forget it)",
                           __func__, hyoka__figure_names[figure]);
    rc = hyoka__check_decimal(__func__, hyoka__figure_names[figure], value);
    if (rc != HYOKA_OK)
        return rc;
    HYOKA__CHECK_ENUM(unit, UNIT);
    if (!hyoka__costs_stated_block(costs))
        return hyoka__nomem();
    costs->st->value[figure] = *value;
    costs->st->unit[figure] = (unsigned char)hyoka__stated_unit(figure, unit);
    costs->stated_present |= 1u << figure;
    return HYOKA_OK;
}

int hyoka_costs_stated(const hyoka_costs *costs, int figure, hyoka_decimal *value, int *unit)
{
    HYOKA__CHECK_NULL(costs);
    CHECK_YEAR_FIGURE(figure);
    if (!(costs->stated_present & (1u << figure)))
        return 0;
    if (value)
        *value = costs->st->value[figure];
    if (unit)
        *unit = costs->st->unit[figure];
    return 1;
}

int hyoka_costs_clear_stated(hyoka_costs *costs, int figure)
{
    hyoka_decimal zero = {{0, 0}};

    HYOKA__CHECK_NULL(costs);
    CHECK_YEAR_FIGURE(figure);
    costs->stated_present &= ~(1u << figure);
    if (costs->st) {
        costs->st->value[figure] = zero;
        costs->st->unit[figure] = HYOKA_UNIT_YEN;
    }
    return HYOKA_OK;
}

/* ------------------------------------------------------------------------ */
/* Staff lines                                                                */

int hyoka_costs_add_staff(hyoka_costs *costs, int category, hyoka_staff **out)
{
    hyoka_staff *s;
    int rc;

    HYOKA__CHECK_NULL(costs);
    HYOKA__CHECK_ENUM_OR_UNSET(category, STAFF_CATEGORY);
    s = hyoka__calloc(1, sizeof *s);
    if (!s)
        return hyoka__fail(HYOKA_ENOMEM, "%s: out of memory", __func__);
    s->costs = costs;
    s->category = category;
    rc = hyoka__vec_push(&costs->staff, s);
    if (rc != HYOKA_OK) {
        staff_free(s);
        return rc;
    }
    if (out)
        *out = s;
    return HYOKA_OK;
}

/* hyoka_costs_staff_count(), hyoka_costs_staff_at(). */
HYOKA__VEC_READERS(costs, staff, hyoka_staff, staff)

int hyoka_costs_remove_staff(hyoka_costs *costs, size_t index)
{
    HYOKA__CHECK_NULL(costs);
    HYOKA__CHECK_INDEX(index, costs->staff.count, "staff lines");
    staff_free(hyoka__vec_remove(&costs->staff, index));
    if (costs->staff.count == 0)
        hyoka__vec_release(&costs->staff);
    return HYOKA_OK;
}

/* hyoka_staff_category(), hyoka_staff_set_category(). */
HYOKA__ENUM_MEMBER(staff, category, STAFF_CATEGORY)

/* The staff fields that are decimals (HEADCOUNT, FTE, HOURS) and those that
 * are yen (UNIT_COST, HOURLY_RATE, AMOUNT). */
#define CHECK_STAFF_DECIMAL_FIELD(field)                                                               \
    HYOKA__CHECK_ENUM_SUBSET(field, STAFF_FIELD, field >= 0 && field < HYOKA__STAFF_DECIMAL_COUNT,      \
                             "a decimal field (headcount, fte, hours)")
#define CHECK_STAFF_MONEY_FIELD(field)                                                                 \
    HYOKA__CHECK_ENUM_SUBSET(field, STAFF_FIELD,                                                        \
                             field >= HYOKA__STAFF_DECIMAL_COUNT && field < HYOKA__STAFF_FIELD_COUNT,   \
                             "a money field (unit_cost, hourly_rate, amount)")

int hyoka_staff_set_decimal(hyoka_staff *staff, int field, const hyoka_decimal *value)
{
    int rc;

    HYOKA__CHECK_NULL(staff);
    CHECK_STAFF_DECIMAL_FIELD(field);
    if (!value)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s: value is NULL (use hyoka_staff_clear to make it missing)",
                           __func__, hyoka__staff_field_names[field]);
    rc = hyoka__check_decimal(__func__, hyoka__staff_field_names[field], value);
    if (rc != HYOKA_OK)
        return rc;
    if (hyoka_decimal_sign(value) < 0)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s cannot be negative", __func__, hyoka__staff_field_names[field]);
    staff->dec[field] = *value;
    staff->present |= 1u << field;
    return HYOKA_OK;
}

int hyoka_staff_get_decimal(const hyoka_staff *staff, int field, hyoka_decimal *out)
{
    HYOKA__CHECK_NULL(staff);
    CHECK_STAFF_DECIMAL_FIELD(field);
    if (!(staff->present & (1u << field)))
        return 0;
    if (out)
        *out = staff->dec[field];
    return 1;
}

int hyoka_staff_set_amount(hyoka_staff *staff, int field, int64_t yen)
{
    HYOKA__CHECK_NULL(staff);
    CHECK_STAFF_MONEY_FIELD(field);
    if (yen < 0)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s cannot be negative (%lld)", __func__,
                           hyoka__staff_field_names[field], (long long)yen);
    staff->amount[field - HYOKA__STAFF_DECIMAL_COUNT] = yen;
    staff->present |= 1u << field;
    return HYOKA_OK;
}

int hyoka_staff_get_amount(const hyoka_staff *staff, int field, int64_t *out)
{
    HYOKA__CHECK_NULL(staff);
    CHECK_STAFF_MONEY_FIELD(field);
    if (!(staff->present & (1u << field)))
        return 0;
    if (out)
        *out = staff->amount[field - HYOKA__STAFF_DECIMAL_COUNT];
    return 1;
}

int hyoka_staff_clear(hyoka_staff *staff, int field)
{
    HYOKA__CHECK_NULL(staff);
    HYOKA__CHECK_ENUM(field, STAFF_FIELD);
    staff->present &= ~(1u << field);
    if (field < HYOKA__STAFF_DECIMAL_COUNT) {
        hyoka_decimal zero = {{0, 0}};
        staff->dec[field] = zero;
    } else {
        staff->amount[field - HYOKA__STAFF_DECIMAL_COUNT] = 0;
    }
    return HYOKA_OK;
}
