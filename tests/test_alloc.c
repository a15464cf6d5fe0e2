/* Tests of alloc.h: the user allocator and hyoka_free(). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

static int dummy_user;

static void *my_malloc(size_t size, void *user)
{
    assert_ptr_equal(user, &dummy_user);
    return malloc(size);
}

static void *my_realloc(void *ptr, size_t size, void *user)
{
    assert_ptr_equal(user, &dummy_user);
    return realloc(ptr, size);
}

static int frees;

static void my_free(void *ptr, void *user)
{
    assert_ptr_equal(user, &dummy_user);
    if (ptr)
        frees++;
    free(ptr);
}

static void test_partial_allocator_is_refused(void **state)
{
    (void)state;
    assert_int_equal(hyoka_set_allocator(my_malloc, NULL, my_free, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_error_last_code(), HYOKA_EINVAL);
    assert_int_equal(hyoka_set_allocator(NULL, my_realloc, NULL, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_set_allocator(my_malloc, my_realloc, NULL, NULL), HYOKA_EINVAL);
}

static void test_hyoka_free_uses_the_allocator(void **state)
{
    hyoka_portfolio *pf = NULL;
    char *text = NULL;
    size_t len = 0;
    int before;
    (void)state;
    assert_int_equal(hyoka_set_allocator(my_malloc, my_realloc, my_free, &dummy_user), HYOKA_OK);
    frees = 0;
    hyoka_free(NULL); /* accepted, not passed on */
    assert_int_equal(frees, 0);
    /* A buffer the library wrote for us: hyoka_free hands it to my_free. */
    assert_int_equal(hyoka_portfolio_new(&pf), HYOKA_OK);
    assert_int_equal(hyoka_json_write(pf, HYOKA_WRITE_COMPACT, &text, &len), HYOKA_OK);
    before = frees;
    hyoka_free(text);
    assert_int_equal(frees, before + 1);
    hyoka_portfolio_free(pf);
    assert_int_equal(hyoka_set_allocator(NULL, NULL, NULL, NULL), HYOKA_OK);
}

/* Counting allocator: calls and live blocks. */
static long c_mallocs, c_reallocs, c_live;

static void *c_malloc(size_t size, void *user)
{
    (void)user;
    c_mallocs++;
    c_live++;
    return malloc(size);
}

static void *c_realloc(void *ptr, size_t size, void *user)
{
    void *p;
    (void)user;
    c_reallocs++;
    p = realloc(ptr, size);
    if (!ptr && p)
        c_live++;
    return p;
}

static void c_free(void *ptr, void *user)
{
    (void)user;
    if (ptr)
        c_live--;
    free(ptr);
}

/* A document read from JSON takes its records and strings from a few
 * large blocks of the allocator, not one call each; editing it afterwards
 * (texts replaced, years and projects added and removed) works as on any
 * portfolio, and freeing it gives every block back. */
static void test_read_portfolio_blocks(void **state)
{
    enum { N = 300 };
    size_t cap = 200 + (size_t)N * 400, n = 0;
    char *doc = malloc(cap);
    hyoka_portfolio *pf = NULL;
    hyoka_project *p;
    hyoka_costs *c = NULL;
    char *out = NULL;
    size_t len = 0;
    (void)state;

    assert_non_null(doc);
    n += (size_t)snprintf(doc + n, cap - n, "{\"format\":\"hyoka/1\",\"projects\":[");
    for (int i = 0; i < N; i++)
        n += (size_t)snprintf(doc + n, cap - n,
                              "%s{\"code\":\"P%d\",\"name\":\"事業%d\",\"organization\":{\"section\":\"課%d\"},"
                              "\"extensions\":{\"k\":\"v%d\"},"
                              "\"years\":[{\"fiscal_year\":2020,\"settlement\":%d,"
                              "\"staff\":[{\"fte\":\"0.5\",\"unit_cost\":8000}]}]}",
                              i ? "," : "", i, i, i, i, i);
    n += (size_t)snprintf(doc + n, cap - n, "]}");
    assert_true(n < cap);

    assert_int_equal(hyoka_set_allocator(c_malloc, c_realloc, c_free, NULL), HYOKA_OK);
    c_mallocs = c_reallocs = c_live = 0;
    assert_int_equal(hyoka_json_read(doc, n, NULL, &pf, NULL), HYOKA_OK);
    /* Each project has a record, 3 strings, an extension (2 strings), a
     * cost year and a staff line: 8 blocks, besides its 3 growing arrays
     * (years, staff lines, extensions), which stay on their own. */
    assert_true(c_mallocs < 4 * N);

    /* Edit it. */
    p = hyoka_portfolio_project_at(pf, 7);
    assert_int_equal(hyoka_project_set_text(p, HYOKA_TEXT_NAME, "改名", HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_project_set_text(p, HYOKA_TEXT_SECTION, NULL, 0), HYOKA_OK);
    assert_int_equal(hyoka_project_set_extension(p, "k", HYOKA_NTS, NULL, 0), HYOKA_OK);
    assert_int_equal(hyoka_project_add_year(p, 2021, &c), HYOKA_OK);
    assert_int_equal(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 5), HYOKA_OK);
    assert_int_equal(hyoka_project_remove_year(p, 0), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_remove_project(pf, 3), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_project_count(pf), N - 1);
    assert_int_equal(hyoka_json_write(pf, HYOKA_WRITE_COMPACT, &out, &len), HYOKA_OK);
    assert_non_null(strstr(out, "\"code\":\"P7\",\"name\":\"改名\",\"years\":[{\"fiscal_year\":2021"));
    assert_null(strstr(out, "\"P3\""));
    hyoka_free(out);

    hyoka_portfolio_free(pf);
    assert_int_equal(c_live, 0);
    assert_int_equal(hyoka_set_allocator(NULL, NULL, NULL, NULL), HYOKA_OK);
    free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_partial_allocator_is_refused),
        cmocka_unit_test(test_hyoka_free_uses_the_allocator),
        cmocka_unit_test(test_read_portfolio_blocks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
