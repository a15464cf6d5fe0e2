/* Internal tests of the JSON-pointer builder (lib/util/jsonptr.c) that the
 * JSON reader, the locate walk and the validator share. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "failalloc.h"
#include "internal.h"
#include "util/jsonptr.h"

static void test_empty_and_init(void **state)
{
    struct hyoka__buf p = {0};
    (void)state;

    hyoka__jsonptr_cut(&p, 0); /* nothing owned yet: no write */
    assert_null(p.data);
    assert_int_equal(hyoka__jsonptr_init(&p), HYOKA_OK);
    assert_string_equal(p.data, "");
    assert_int_equal(p.len, 0);
    hyoka__jsonptr_free(&p);
    assert_null(p.data);
    assert_int_equal(p.len, 0);
    assert_int_equal(p.cap, 0);
}

/* RFC 6901: '~' is written "~0" and '/' "~1"; nothing else is escaped. */
static void test_escapes(void **state)
{
    struct hyoka__buf p = {0};
    (void)state;

    assert_int_equal(hyoka__jsonptr_key(&p, "projects", 8), HYOKA_OK);
    assert_int_equal(hyoka__jsonptr_index(&p, 0), HYOKA_OK);
    assert_int_equal(hyoka__jsonptr_key(&p, "a/b~c", 5), HYOKA_OK);
    assert_string_equal(p.data, "/projects/0/a~1b~0c");
    assert_int_equal(p.len, strlen(p.data));
    hyoka__jsonptr_cut(&p, 11);
    assert_string_equal(p.data, "/projects/0");
    assert_int_equal(hyoka__jsonptr_key(&p, "~1", 2), HYOKA_OK); /* not unescaped: escaped again */
    assert_string_equal(p.data, "/projects/0/~01");
    hyoka__jsonptr_cut(&p, 11);
    assert_int_equal(hyoka__jsonptr_key(&p, "", 0), HYOKA_OK); /* the empty name */
    assert_int_equal(hyoka__jsonptr_key(&p, "//", 2), HYOKA_OK);
    assert_string_equal(p.data, "/projects/0//~1~1");
    hyoka__jsonptr_cut(&p, 0);
    assert_int_equal(hyoka__jsonptr_key(&p, "\xe5\xb9\xb3\0x", 5), HYOKA_OK); /* bytes as they are */
    assert_int_equal(p.len, 6);
    assert_memory_equal(p.data, "/\xe5\xb9\xb3\0x", 7);
    hyoka__jsonptr_free(&p);
}

static void test_indices(void **state)
{
    static const struct {
        size_t index;
        const char *text;
    } cases[] = {{0, "/0"}, {9, "/9"}, {10, "/10"}, {99, "/99"}, {100, "/100"}, {4096, "/4096"},
                 {SIZE_MAX, NULL}};
    struct hyoka__buf p = {0};
    char max[32];
    (void)state;

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *want = cases[i].text;
        if (!want) {
            snprintf(max, sizeof max, "/%zu", cases[i].index);
            want = max;
        }
        hyoka__jsonptr_cut(&p, 0);
        assert_int_equal(hyoka__jsonptr_index(&p, cases[i].index), HYOKA_OK);
        assert_string_equal(p.data, want);
        assert_int_equal(p.len, strlen(want));
    }
    hyoka__jsonptr_free(&p);
}

/* A path longer than the first block grows and stays whole. */
static void test_growth(void **state)
{
    struct hyoka__buf p = {0};
    char want[4096];
    size_t n = 0;
    (void)state;

    for (size_t i = 0; i < 300; i++) {
        assert_int_equal(hyoka__jsonptr_key(&p, "k/", 2), HYOKA_OK);
        assert_int_equal(hyoka__jsonptr_index(&p, i), HYOKA_OK);
        n += (size_t)snprintf(want + n, sizeof want - n, "/k~1/%zu", i);
        assert_true(n < sizeof want);
    }
    assert_int_equal(p.len, n);
    assert_string_equal(p.data, want);
    assert_true(p.cap > p.len);
    hyoka__jsonptr_free(&p);
}

static void test_parent(void **state)
{
    (void)state;
    assert_int_equal(hyoka__jsonptr_parent("/a/b", 4), 2);
    assert_int_equal(hyoka__jsonptr_parent("/a", 2), 0);
    assert_int_equal(hyoka__jsonptr_parent("", 0), 0);
    assert_int_equal(hyoka__jsonptr_parent("/a/", 3), 2);  /* last token "" */
    assert_int_equal(hyoka__jsonptr_parent("//", 2), 1);   /* "/" + "" */
    assert_int_equal(hyoka__jsonptr_parent("/a~1b/0", 7), 5); /* "~1" is not a separator */
    assert_int_equal(hyoka__jsonptr_parent("/a/b/c", 4), 2); /* only the first n bytes count */
}

static int build(void *ctx)
{
    struct hyoka__buf p = {0};
    int rc = HYOKA_OK;
    (void)ctx;

    for (size_t i = 0; i < 40 && rc == HYOKA_OK; i++) {
        rc = hyoka__jsonptr_key(&p, "member~name", 11);
        if (rc == HYOKA_OK)
            rc = hyoka__jsonptr_index(&p, i);
    }
    if (rc == HYOKA_OK) {
        assert_int_equal(p.len, strlen(p.data));
        assert_memory_equal(p.data, "/member~0name/0/member~0name/1", 30);
    }
    hyoka__jsonptr_free(&p);
    return rc;
}

/* Every allocation failure is HYOKA_ENOMEM and leaks nothing. */
static void test_out_of_memory(void **state)
{
    struct hyoka__buf p = {0};
    (void)state;

    assert_true(failalloc_sweep(build, NULL) > 1); /* installs and uninstalls */
    failalloc_install();
    failalloc_fail_at(1, true);
    assert_int_equal(hyoka__jsonptr_init(&p), HYOKA_ENOMEM);
    assert_null(p.data);
    assert_int_equal(hyoka__jsonptr_index(&p, 7), HYOKA_ENOMEM);
    assert_int_equal(hyoka_error_last_code(), HYOKA_ENOMEM);
    failalloc_fail_at(0, false);
    assert_int_equal(failalloc_live(), 0);
    failalloc_uninstall();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_and_init),
        cmocka_unit_test(test_escapes),
        cmocka_unit_test(test_indices),
        cmocka_unit_test(test_growth),
        cmocka_unit_test(test_parent),
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
