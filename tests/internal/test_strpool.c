/* Internal tests of the packed set of strings (lib/util/strset.c,
 * hyoka__strpool) that keeps a stream's project codes for P003: every
 * string added is found with the value of its first add, and no string
 * that was not added is found (exact: no false duplicate, no miss), across
 * the table's growth and for values of every size; strings with a NUL are
 * refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "internal.h"
#include "util/strset.h"

/* The i-th test string: codes of several lengths, some prefixes of others. */
static size_t code_of(size_t i, char *buf, size_t size)
{
    return (size_t)snprintf(buf, size, "%0*zu", (int)(i % 7 + 1), i);
}

static void test_exact(void **state)
{
    enum { N = 50000 };
    struct hyoka__strpool p = {0};
    char code[32];
    size_t v = 0;
    (void)state;

    assert_int_equal(hyoka__strpool_get(&p, "x", 1, &v), 0);
    for (size_t i = 0; i < N; i++) {
        size_t n = code_of(i, code, sizeof code);
        /* values of every width, the largest included */
        size_t value = i == N - 1 ? SIZE_MAX : i * 977;
        assert_int_equal(hyoka__strpool_put(&p, code, n, value), 0);
    }
    for (size_t i = 0; i < N; i++) {
        size_t n = code_of(i, code, sizeof code);
        /* a second add keeps the first value */
        assert_int_equal(hyoka__strpool_put(&p, code, n, 1), 0);
    }
    assert_true(p.count <= N);
    for (size_t i = 0; i < N; i++) {
        size_t n = code_of(i, code, sizeof code), first = i;
        char again[32];
        /* the first i of the same text (codes repeat once padded) */
        for (size_t j = 0; j < i; j++) {
            if (code_of(j, again, sizeof again) == n && memcmp(again, code, n) == 0) {
                first = j;
                break;
            }
        }
        v = 7;
        assert_int_equal(hyoka__strpool_get(&p, code, n, &v), 1);
        assert_int_equal(v, first == N - 1 ? SIZE_MAX : first * 977);
        if (i > 2000)
            i += 97; /* sample the rest */
    }
    /* texts never added: longer, shorter, other characters */
    assert_int_equal(hyoka__strpool_get(&p, "00000000", 8, &v), 0);
    assert_int_equal(hyoka__strpool_get(&p, "", 0, &v), 0);
    assert_int_equal(hyoka__strpool_get(&p, "a1", 2, &v), 0);
    assert_int_equal(hyoka__strpool_get(&p, "1", 1, &v), 0); /* 1 is "01" */
    assert_int_equal(hyoka__strpool_get(&p, "01", 2, &v), 1);
    assert_int_equal(v, 1 * 977);
    assert_int_equal(hyoka__strpool_get(&p, "7x", 1, &v), 1); /* n counts, not a NUL */
    assert_int_equal(v, 7 * 977);
    /* an empty string is a string too */
    assert_int_equal(hyoka__strpool_put(&p, "", 0, 5), 0);
    assert_int_equal(hyoka__strpool_get(&p, "", 0, &v), 1);
    assert_int_equal(v, 5);
    assert_int_equal(hyoka__strpool_put(&p, "a\0b", 3, 1), -1);
    hyoka__strpool_free(&p);
    assert_null(p.buf);
    assert_int_equal(hyoka__strpool_get(&p, "1", 1, &v), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exact),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
