/* Internal tests of the library's idioms (internal.h, util/containers.h):
 * the argument-check macros, checked size arithmetic, array allocation and
 * growth. The messages of the checks as users see them are tested through
 * the public API in tests/test_error.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "internal.h"
#include "util/containers.h"
#include "vocab.h"

#include "failalloc.h"

/* ---- the argument checks ---- */

/* A function checked the way public functions are: it returns HYOKA_OK
 * only when every check passes, and reaches its end only then. */
static int reached;

static int checked(const int *ptr, int figure, int phase, int32_t fiscal_year, size_t index, const char *buf,
                   size_t size)
{
    HYOKA__CHECK_NULL(ptr);
    HYOKA__CHECK_ENUM(figure, FIGURE);
    HYOKA__CHECK_ENUM_OR_UNSET(phase, PHASE);
    HYOKA__CHECK_YEAR(fiscal_year);
    HYOKA__CHECK_INDEX(index, 3, "things");
    HYOKA__CHECK_BUFFER(buf, size);
    reached = 1;
    return HYOKA_OK;
}

static int call(const int *ptr, int figure, int phase, int32_t fiscal_year, size_t index, const char *buf,
                size_t size)
{
    reached = 0;
    hyoka_error_clear();
    return checked(ptr, figure, phase, fiscal_year, index, buf, size);
}

static void test_check_macros(void **state)
{
    int x = 0;
    char b[4], want[128];
    (void)state;

    assert_int_equal(call(&x, 0, HYOKA_UNSET, 1868, 2, NULL, 0), HYOKA_OK);
    assert_true(reached);
    assert_string_equal(hyoka_error_last(), "");
    assert_int_equal(call(&x, HYOKA_FIG_SCORE, HYOKA_PHASE_SETTLED, 9999, 0, b, sizeof b), HYOKA_OK);
    assert_true(reached);

    assert_int_equal(call(NULL, 0, 0, 2000, 0, b, 4), HYOKA_EINVAL);
    assert_false(reached);
    assert_string_equal(hyoka_error_last(), "checked: ptr is NULL");

    assert_int_equal(call(&x, HYOKA__FIGURE_COUNT, 0, 2000, 0, b, 4), HYOKA_EINVAL);
    snprintf(want, sizeof want, "checked: figure %d is not a hyoka_figure (0..%d)", HYOKA__FIGURE_COUNT,
             HYOKA__FIGURE_COUNT - 1);
    assert_string_equal(hyoka_error_last(), want);
    assert_int_equal(call(&x, -1, 0, 2000, 0, b, 4), HYOKA_EINVAL);
    snprintf(want, sizeof want, "checked: figure -1 is not a hyoka_figure (0..%d)", HYOKA__FIGURE_COUNT - 1);
    assert_string_equal(hyoka_error_last(), want);
    /* HYOKA_UNSET only where it is allowed */
    assert_int_equal(call(&x, HYOKA_UNSET, 0, 2000, 0, b, 4), HYOKA_EINVAL);
    assert_int_equal(call(&x, 0, -2, 2000, 0, b, 4), HYOKA_EINVAL);
    assert_string_equal(hyoka_error_last(),
                        "checked: phase -2 is not a hyoka_phase (0..3: plan, budget, forecast, settled) or HYOKA_UNSET");

    assert_int_equal(call(&x, 0, 0, 1867, 0, b, 4), HYOKA_ERANGE);
    assert_string_equal(hyoka_error_last(), "checked: fiscal_year 1867 is outside 1868..9999");
    assert_int_equal(call(&x, 0, 0, 10000, 0, b, 4), HYOKA_ERANGE);

    assert_int_equal(call(&x, 0, 0, 2000, 3, b, 4), HYOKA_ENOTFOUND);
    assert_string_equal(hyoka_error_last(), "checked: index 3 is out of range (3 things)");

    assert_int_equal(call(&x, 0, 0, 2000, 0, NULL, 4), HYOKA_EINVAL);
    assert_string_equal(hyoka_error_last(), "checked: buf is NULL but size is 4");
    assert_false(reached);
}

static void test_fail_functions(void **state)
{
    char want[128];
    (void)state;
    /* A value of the enumeration outside the subset: by its name. */
    assert_int_equal(hyoka__fail_enum_subset("f", "field", HYOKA_STAFF_FTE, HYOKA_ENUM_STAFF_FIELD, "a money field"),
                     HYOKA_EINVAL);
    assert_string_equal(hyoka_error_last(), "f: staff field \"fte\" is not a money field");
    /* Outside the enumeration: by its number. */
    assert_int_equal(hyoka__fail_enum_subset("f", "field", 6, HYOKA_ENUM_STAFF_FIELD, "a money field"), HYOKA_EINVAL);
    assert_string_equal(hyoka_error_last(), "f: field 6 is not a hyoka_staff_field "
                                            "(0..5: headcount, fte, hours, unit_cost, hourly_rate, amount)");
    /* Long enumerations give the range only; unnamed values list nothing. */
    hyoka__fail_enum("f", "reason", 99, HYOKA_ENUM_REASON, false);
    snprintf(want, sizeof want, "f: reason 99 is not a hyoka_reason (0..%d)", HYOKA__REASON_COUNT - 1);
    assert_string_equal(hyoka_error_last(), want);
    hyoka__fail_enum("f", "era", 9, HYOKA_ENUM_ERA, false);
    assert_string_equal(hyoka_error_last(), "f: era 9 is not a hyoka_era (0..5)");
    /* An unknown enumeration still gives a message. */
    hyoka__fail_enum("f", "x", 5, 999, false);
    assert_string_equal(hyoka_error_last(), "f: x 5 is not a valid value");
    assert_int_equal(hyoka_error_last_code(), HYOKA_EINVAL);
}

/* ---- sizes ---- */

static void test_size_arithmetic(void **state)
{
    size_t n = 7;
    (void)state;

    assert_true(hyoka__size_mul(6, 7, &n));
    assert_int_equal(n, 42);
    assert_true(hyoka__size_mul(SIZE_MAX, 0, &n));
    assert_int_equal(n, 0);
    assert_true(hyoka__size_mul(SIZE_MAX, 1, &n));
    assert_true(n == SIZE_MAX);
    n = 7;
    assert_false(hyoka__size_mul(SIZE_MAX / 2 + 1, 2, &n));
    assert_int_equal(n, 7); /* unchanged */
    assert_false(hyoka__size_mul((size_t)1 << (sizeof(size_t) * 4), (size_t)1 << (sizeof(size_t) * 4), &n));

    assert_true(hyoka__size_add(SIZE_MAX - 1, 1, &n));
    assert_true(n == SIZE_MAX);
    n = 7;
    assert_false(hyoka__size_add(SIZE_MAX, 1, &n));
    assert_false(hyoka__size_add(2, SIZE_MAX - 1, &n));
    assert_int_equal(n, 7);
}

static void test_grow_cap(void **state)
{
    (void)state;
    assert_int_equal(hyoka__grow_cap(0, 1, 16), 16);
    assert_int_equal(hyoka__grow_cap(0, 17, 16), 32);
    assert_int_equal(hyoka__grow_cap(16, 17, 4), 32);
    assert_int_equal(hyoka__grow_cap(16, 100, 4), 128);
    /* Doubling that would overflow gives what is needed. */
    assert_true(hyoka__grow_cap(SIZE_MAX / 2 + 1, SIZE_MAX / 2 + 2, 4) == SIZE_MAX / 2 + 2);
}

static void test_array_allocation(void **state)
{
    int *v;
    (void)state;

    /* A count × size that overflows is refused, as if out of memory. */
    assert_null(hyoka__malloc_array(SIZE_MAX / 2, 4));
    assert_null(hyoka__heap_malloc_array(SIZE_MAX / 2, 4));
    assert_null(hyoka__realloc_array(NULL, SIZE_MAX / 2, 4));
    assert_null(hyoka__heap_realloc_array(NULL, SIZE_MAX / 2, 4));
    assert_null(hyoka__calloc(SIZE_MAX / 2, 4));

    v = hyoka__malloc_array(10, sizeof *v);
    assert_non_null(v);
    for (int i = 0; i < 10; i++)
        v[i] = i;
    v = hyoka__realloc_array(v, 20, sizeof *v);
    assert_non_null(v);
    assert_int_equal(v[9], 9);
    hyoka__free(v);
}

static void test_reserve(void **state)
{
    int *v = NULL;
    size_t cap = 0;
    (void)state;

    assert_int_equal(hyoka__reserve((void **)&v, &cap, 5, sizeof *v, 8), HYOKA_OK);
    assert_int_equal(cap, 8);
    assert_int_equal(hyoka__reserve((void **)&v, &cap, 8, sizeof *v, 8), HYOKA_OK);
    assert_int_equal(cap, 8);
    assert_int_equal(hyoka__grow((void **)&v, &cap, 8, sizeof *v), HYOKA_OK);
    assert_int_equal(cap, 16);
    assert_int_equal(hyoka__reserve_heap((void **)&v, &cap, 40, sizeof *v, 8), HYOKA_OK);
    assert_int_equal(cap, 64);

    /* Too large: ENOMEM recorded, the array unchanged. */
    hyoka_error_clear();
    assert_int_equal(hyoka__reserve((void **)&v, &cap, SIZE_MAX / 2, sizeof *v, 8), HYOKA_ENOMEM);
    assert_int_equal(hyoka_error_last_code(), HYOKA_ENOMEM);
    assert_int_equal(cap, 64);
    hyoka__free(v);

    /* Out of memory: the same. */
    v = NULL;
    cap = 0;
    failalloc_install();
    failalloc_reset();
    failalloc_fail_at(1, false);
    assert_int_equal(hyoka__reserve((void **)&v, &cap, 1, sizeof *v, 4), HYOKA_ENOMEM);
    assert_null(v);
    assert_int_equal(cap, 0);
    failalloc_uninstall();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_check_macros),
        cmocka_unit_test(test_fail_functions),
        cmocka_unit_test(test_size_arithmetic),
        cmocka_unit_test(test_grow_cap),
        cmocka_unit_test(test_array_allocation),
        cmocka_unit_test(test_reserve),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
