/* Cost years (hyoka_costs) and their staff lines (hyoka_staff).
 *
 * Every setter checks all of its arguments before it touches the object,
 * allocates what it needs, and only then commits, so a failing call leaves
 * the object exactly as it was. */
#include "model_build.h"

#include <string.h>

/* A decimal handed in by a caller: refuse one whose private parts do not
 * form a valid value (rebuilding it from its parts must give it back). */
static int check_decimal(const char *fn, const char *what, const hyoka_decimal *d)
{
    hyoka_decimal norm = {{0, 0}};
    int64_t coef = hyoka_decimal_coefficient(d);
    int scale = hyoka_decimal_scale(d);

    if (hyoka_decimal_from_parts(coef, scale, &norm) != HYOKA_OK || !hyoka_decimal_identical(&norm, d))
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is not a valid decimal value", fn, what);
    return HYOKA_OK;
}

static int fail_cost_field(const char *fn, int field)
{
    return hyoka__fail(HYOKA_EINVAL, "%s: %d is not a cost field", fn, field);
}

static int fail_year_figure(const char *fn, int figure)
{
    return hyoka__fail(HYOKA_EINVAL, "%s: %d is not a figure a cost year can state (expense..total_cost_change)", fn,
                       figure);
}

/* ------------------------------------------------------------------------ */
/* Internals used by the project module                                       */

int hyoka__costs_new(hyoka_project *owner, int32_t fiscal_year, hyoka_costs **out)
{
    hyoka_costs *c;
    int rc = hyoka__check_year("cost year: fiscal_year", fiscal_year);

    if (rc != HYOKA_OK)
        return rc;
    c = hyoka__calloc(1, sizeof *c);
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
        return hyoka__fail(HYOKA_ENOMEM, "copy of cost year %ld: out of memory", (long)src->fiscal_year);
    *c = *src;
    c->project = owner;
    c->staff.items = NULL;
    c->staff.count = 0;
    c->staff.cap = 0;
    c->st = NULL;
    if (src->st) {
        c->st = hyoka__malloc(sizeof *c->st);
        if (!c->st) {
            hyoka__free(c);
            return hyoka__fail(HYOKA_ENOMEM, "copy of cost year %ld: out of memory", (long)src->fiscal_year);
        }
        *c->st = *src->st;
    }
    if (src->staff.count) {
        c->staff.items = hyoka__calloc(src->staff.count, sizeof *c->staff.items);
        if (!c->staff.items) {
            hyoka__free(c->st);
            hyoka__free(c);
            return hyoka__fail(HYOKA_ENOMEM, "copy of cost year %ld: out of memory", (long)src->fiscal_year);
        }
        c->staff.cap = src->staff.count;
        for (size_t i = 0; i < src->staff.count; i++) {
            hyoka_staff *s = hyoka__malloc(sizeof *s);
            if (!s) {
                hyoka__costs_free(c);
                return hyoka__fail(HYOKA_ENOMEM, "copy of cost year %ld: out of memory", (long)src->fiscal_year);
            }
            *s = *(const hyoka_staff *)src->staff.items[i];
            s->costs = c;
            c->staff.items[c->staff.count++] = s;
        }
    }
    *out = c;
    return HYOKA_OK;
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
    int rc;

    if (!costs)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_costs_set_fiscal_year: costs is NULL");
    rc = hyoka__check_year("hyoka_costs_set_fiscal_year: fiscal_year", fiscal_year);
    if (rc != HYOKA_OK)
        return rc;
    costs->fiscal_year = fiscal_year;
    return HYOKA_OK;
}

int hyoka_costs_phase(const hyoka_costs *costs)
{
    return costs ? costs->phase : HYOKA_UNSET;
}

int hyoka_costs_set_phase(hyoka_costs *costs, int phase)
{
    int rc;

    if (!costs)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_costs_set_phase: costs is NULL");
    rc = hyoka__check_enum("hyoka_costs_set_phase: phase", phase, HYOKA__PHASE_COUNT, 1);
    if (rc != HYOKA_OK)
        return rc;
    costs->phase = phase;
    return HYOKA_OK;
}

int hyoka_costs_set(hyoka_costs *costs, int field, int64_t value)
{
    static const char fn[] = "hyoka_costs_set";

    if (!costs)
        return hyoka__fail(HYOKA_EINVAL, "%s: costs is NULL", fn);
    if (field < 0 || field >= HYOKA__COST_FIELD_COUNT)
        return fail_cost_field(fn, field);
    if (hyoka__is_count_field(field) && value < 0)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s: a count cannot be negative (%lld)", fn,
                           hyoka__cost_field_names[field], (long long)value);
    costs->value[field] = value;
    costs->present |= 1u << field;
    return HYOKA_OK;
}

int hyoka_costs_get(const hyoka_costs *costs, int field, int64_t *out)
{
    static const char fn[] = "hyoka_costs_get";

    if (!costs)
        return hyoka__fail(HYOKA_EINVAL, "%s: costs is NULL", fn);
    if (field < 0 || field >= HYOKA__COST_FIELD_COUNT)
        return fail_cost_field(fn, field);
    if (!(costs->present & (1u << field)))
        return 0;
    if (out)
        *out = costs->value[field];
    return 1;
}

int hyoka_costs_clear(hyoka_costs *costs, int field)
{
    static const char fn[] = "hyoka_costs_clear";

    if (!costs)
        return hyoka__fail(HYOKA_EINVAL, "%s: costs is NULL", fn);
    if (field < 0 || field >= HYOKA__COST_FIELD_COUNT)
        return fail_cost_field(fn, field);
    costs->present &= ~(1u << field);
    costs->value[field] = 0;
    return HYOKA_OK;
}

int hyoka_costs_set_stated(hyoka_costs *costs, int figure, const hyoka_decimal *value, int unit)
{
    static const char fn[] = "hyoka_costs_set_stated";
    int rc;

    if (!costs)
        return hyoka__fail(HYOKA_EINVAL, "%s: costs is NULL", fn);
    if (figure < 0 || figure >= HYOKA__YEAR_FIGURE_COUNT)
        return fail_year_figure(fn, figure);
    if (!value)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s: value is NULL (use hyoka_costs_clear_stated to forget it)", fn,
                           hyoka__figure_names[figure]);
    rc = check_decimal(fn, hyoka__figure_names[figure], value);
    if (rc != HYOKA_OK)
        return rc;
    if (unit < 0 || unit >= HYOKA__UNIT_COUNT)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s: %d is not a unit (yen or thousand_yen)", fn,
                           hyoka__figure_names[figure], unit);
    if (!hyoka__costs_stated_block(costs))
        return hyoka__nomem();
    costs->st->value[figure] = *value;
    costs->st->unit[figure] = (unsigned char)hyoka__stated_unit(figure, unit);
    costs->stated_present |= 1u << figure;
    return HYOKA_OK;
}

int hyoka_costs_stated(const hyoka_costs *costs, int figure, hyoka_decimal *value, int *unit)
{
    static const char fn[] = "hyoka_costs_stated";

    if (!costs)
        return hyoka__fail(HYOKA_EINVAL, "%s: costs is NULL", fn);
    if (figure < 0 || figure >= HYOKA__YEAR_FIGURE_COUNT)
        return fail_year_figure(fn, figure);
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
    static const char fn[] = "hyoka_costs_clear_stated";
    hyoka_decimal zero = {{0, 0}};

    if (!costs)
        return hyoka__fail(HYOKA_EINVAL, "%s: costs is NULL", fn);
    if (figure < 0 || figure >= HYOKA__YEAR_FIGURE_COUNT)
        return fail_year_figure(fn, figure);
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
    static const char fn[] = "hyoka_costs_add_staff";
    hyoka_staff *s;
    int rc;

    if (!costs)
        return hyoka__fail(HYOKA_EINVAL, "%s: costs is NULL", fn);
    rc = hyoka__check_enum("hyoka_costs_add_staff: category", category, HYOKA__CATEGORY_COUNT, 1);
    if (rc != HYOKA_OK)
        return rc;
    s = hyoka__calloc(1, sizeof *s);
    if (!s)
        return hyoka__fail(HYOKA_ENOMEM, "%s: out of memory", fn);
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

size_t hyoka_costs_staff_count(const hyoka_costs *costs)
{
    return costs ? costs->staff.count : 0;
}

hyoka_staff *hyoka_costs_staff_at(const hyoka_costs *costs, size_t index)
{
    if (!costs || index >= costs->staff.count)
        return NULL;
    return costs->staff.items[index];
}

int hyoka_costs_remove_staff(hyoka_costs *costs, size_t index)
{
    static const char fn[] = "hyoka_costs_remove_staff";

    if (!costs)
        return hyoka__fail(HYOKA_EINVAL, "%s: costs is NULL", fn);
    if (index >= costs->staff.count)
        return hyoka__fail(HYOKA_ENOTFOUND, "%s: no staff line at index %zu (%zu lines)", fn, index,
                           costs->staff.count);
    staff_free(hyoka__vec_remove(&costs->staff, index));
    if (costs->staff.count == 0)
        hyoka__vec_release(&costs->staff);
    return HYOKA_OK;
}

int hyoka_staff_category(const hyoka_staff *staff)
{
    return staff ? staff->category : HYOKA_UNSET;
}

int hyoka_staff_set_category(hyoka_staff *staff, int category)
{
    int rc;

    if (!staff)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_staff_set_category: staff is NULL");
    rc = hyoka__check_enum("hyoka_staff_set_category: category", category, HYOKA__CATEGORY_COUNT, 1);
    if (rc != HYOKA_OK)
        return rc;
    staff->category = category;
    return HYOKA_OK;
}

static int fail_staff_decimal_field(const char *fn, int field)
{
    return hyoka__fail(HYOKA_EINVAL, "%s: %d is not a decimal staff field (headcount, fte, hours)", fn, field);
}

static int fail_staff_money_field(const char *fn, int field)
{
    return hyoka__fail(HYOKA_EINVAL, "%s: %d is not a money staff field (unit_cost, hourly_rate, amount)", fn, field);
}

int hyoka_staff_set_decimal(hyoka_staff *staff, int field, const hyoka_decimal *value)
{
    static const char fn[] = "hyoka_staff_set_decimal";
    int rc;

    if (!staff)
        return hyoka__fail(HYOKA_EINVAL, "%s: staff is NULL", fn);
    if (field < 0 || field >= HYOKA__STAFF_DECIMAL_COUNT)
        return fail_staff_decimal_field(fn, field);
    if (!value)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s: value is NULL (use hyoka_staff_clear to make it missing)", fn,
                           hyoka__staff_field_names[field]);
    rc = check_decimal(fn, hyoka__staff_field_names[field], value);
    if (rc != HYOKA_OK)
        return rc;
    if (hyoka_decimal_sign(value) < 0)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s cannot be negative", fn, hyoka__staff_field_names[field]);
    staff->dec[field] = *value;
    staff->present |= 1u << field;
    return HYOKA_OK;
}

int hyoka_staff_get_decimal(const hyoka_staff *staff, int field, hyoka_decimal *out)
{
    static const char fn[] = "hyoka_staff_get_decimal";

    if (!staff)
        return hyoka__fail(HYOKA_EINVAL, "%s: staff is NULL", fn);
    if (field < 0 || field >= HYOKA__STAFF_DECIMAL_COUNT)
        return fail_staff_decimal_field(fn, field);
    if (!(staff->present & (1u << field)))
        return 0;
    if (out)
        *out = staff->dec[field];
    return 1;
}

int hyoka_staff_set_amount(hyoka_staff *staff, int field, int64_t yen)
{
    static const char fn[] = "hyoka_staff_set_amount";

    if (!staff)
        return hyoka__fail(HYOKA_EINVAL, "%s: staff is NULL", fn);
    if (field < HYOKA__STAFF_DECIMAL_COUNT || field >= HYOKA__STAFF_FIELD_COUNT)
        return fail_staff_money_field(fn, field);
    if (yen < 0)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s cannot be negative (%lld)", fn, hyoka__staff_field_names[field],
                           (long long)yen);
    staff->amount[field - HYOKA__STAFF_DECIMAL_COUNT] = yen;
    staff->present |= 1u << field;
    return HYOKA_OK;
}

int hyoka_staff_get_amount(const hyoka_staff *staff, int field, int64_t *out)
{
    static const char fn[] = "hyoka_staff_get_amount";

    if (!staff)
        return hyoka__fail(HYOKA_EINVAL, "%s: staff is NULL", fn);
    if (field < HYOKA__STAFF_DECIMAL_COUNT || field >= HYOKA__STAFF_FIELD_COUNT)
        return fail_staff_money_field(fn, field);
    if (!(staff->present & (1u << field)))
        return 0;
    if (out)
        *out = staff->amount[field - HYOKA__STAFF_DECIMAL_COUNT];
    return 1;
}

int hyoka_staff_clear(hyoka_staff *staff, int field)
{
    static const char fn[] = "hyoka_staff_clear";

    if (!staff)
        return hyoka__fail(HYOKA_EINVAL, "%s: staff is NULL", fn);
    if (field < 0 || field >= HYOKA__STAFF_FIELD_COUNT)
        return hyoka__fail(HYOKA_EINVAL, "%s: %d is not a staff field", fn, field);
    staff->present &= ~(1u << field);
    if (field < HYOKA__STAFF_DECIMAL_COUNT) {
        hyoka_decimal zero = {{0, 0}};
        staff->dec[field] = zero;
    } else {
        staff->amount[field - HYOKA__STAFF_DECIMAL_COUNT] = 0;
    }
    return HYOKA_OK;
}
