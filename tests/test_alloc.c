/* Tests of alloc.h: the user allocator and hyoka_free(). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
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
    void *p;
    (void)state;
    assert_int_equal(hyoka_set_allocator(my_malloc, my_realloc, my_free, &dummy_user), HYOKA_OK);
    frees = 0;
    hyoka_free(NULL); /* accepted, not passed on */
    assert_int_equal(frees, 0);
    /* A block from our own malloc: hyoka_free must hand it to my_free. */
    p = my_malloc(16, &dummy_user);
    hyoka_free(p);
    assert_int_equal(frees, 1);
    assert_int_equal(hyoka_set_allocator(NULL, NULL, NULL, NULL), HYOKA_OK);
    /* Back on the C library: hyoka_free of a malloc'd block is fine. */
    hyoka_free(malloc(8));
    assert_int_equal(frees, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_partial_allocator_is_refused),
        cmocka_unit_test(test_hyoka_free_uses_the_allocator),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
