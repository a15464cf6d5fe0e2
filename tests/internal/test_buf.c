/* Internal tests of the byte buffer (lib/util/buf.c) that every writer and
 * the readers' scratch text use: appends, handing the bytes over, the
 * first failure remembered, and the sink mode a streaming writer uses. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "failalloc.h"
#include "internal.h"
#include "util/buf.h"

static void test_appends_and_take(void **state)
{
    struct hyoka__buf b;
    char long_text[300];
    char *out = NULL;
    size_t len = 0;
    (void)state;

    hyoka__buf_init(&b);
    assert_string_equal(hyoka__buf_str(&b), "");
    assert_null(b.data);
    assert_true(hyoka__buf_put(&b, "ab", 2));
    assert_true(hyoka__buf_putc(&b, 'c'));
    assert_true(hyoka__buf_puts(&b, "def"));
    assert_true(hyoka__buf_put_uint(&b, 0));
    assert_true(hyoka__buf_put_uint(&b, UINT64_MAX));
    assert_true(hyoka__buf_printf(&b, "[%d:%s]", -7, "x"));
    assert_string_equal(hyoka__buf_str(&b), "abcdef018446744073709551615[-7:x]");
    assert_true(b.cap > b.len);

    /* formatted text longer than the room left, and than the first block */
    memset(long_text, 'z', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = '\0';
    assert_int_equal(b.len, 33);
    assert_true(hyoka__buf_printf(&b, "<%s>", long_text));
    assert_int_equal(b.len, 33 + 2 + 299);
    assert_int_equal(b.data[33], '<');
    assert_int_equal(b.data[b.len - 1], '>');

    /* writing straight into reserved room */
    assert_true(hyoka__buf_reserve(&b, 1000));
    assert_true(b.cap - b.len > 1000);
    memset(b.data + b.len, 'q', 1000);
    b.len += 1000;

    assert_int_equal(hyoka__buf_take(&b, &out, &len), HYOKA_OK);
    assert_int_equal(len, 33 + 2 + 299 + 1000);
    assert_int_equal(strlen(out), len);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    hyoka_free(out);

    /* an empty buffer hands over "" */
    assert_int_equal(hyoka__buf_take(&b, &out, &len), HYOKA_OK);
    assert_string_equal(out, "");
    assert_int_equal(len, 0);
    hyoka_free(out);
}

/* The first failure is kept; later appends that need room do nothing. */
static void test_first_error(void **state)
{
    struct hyoka__buf b;
    char *out = (char *)"untouched";
    (void)state;

    hyoka__buf_init(&b);
    assert_true(hyoka__buf_puts(&b, "x"));
    hyoka__buf_fail(&b, HYOKA_EINVAL);
    hyoka__buf_fail(&b, HYOKA_EIO);
    assert_int_equal(b.err, HYOKA_EINVAL);
    assert_false(hyoka__buf_reserve(&b, 100000));
    assert_false(hyoka__buf_printf(&b, "%d", 1));
    assert_int_equal(hyoka__buf_take(&b, &out, NULL), HYOKA_EINVAL);
    assert_string_equal(out, "untouched");
    assert_null(b.data);
    assert_int_equal(b.err, HYOKA_OK);

    /* a size beyond SIZE_MAX: HYOKA_ERANGE, recorded */
    assert_true(hyoka__buf_puts(&b, "abc"));
    assert_false(hyoka__buf_reserve(&b, SIZE_MAX - 1));
    assert_int_equal(b.err, HYOKA_ERANGE);
    assert_int_equal(hyoka_error_last_code(), HYOKA_ERANGE);
    assert_int_equal(b.len, 3);
    hyoka__buf_free(&b);
    assert_null(b.data);
    assert_int_equal(b.err, HYOKA_OK);
}

static int body_build(void *ctx)
{
    struct hyoka__buf b;
    char *out = NULL;
    size_t len = 0;
    int rc;
    (void)ctx;

    hyoka__buf_init(&b);
    for (int i = 0; i < 2000; i++) {
        hyoka__buf_puts(&b, "member");
        hyoka__buf_put_uint(&b, (uint64_t)i);
        hyoka__buf_printf(&b, "%s", ",");
    }
    rc = hyoka__buf_take(&b, &out, &len);
    if (rc == HYOKA_OK) {
        assert_memory_equal(out, "member0,member1,", 16);
        hyoka_free(out);
    }
    return rc;
}

/* Every allocation failure is HYOKA_ENOMEM from take, and leaks nothing. */
static void test_out_of_memory(void **state)
{
    (void)state;
    assert_true(failalloc_sweep(body_build, NULL) > 1);
}

/* ------------------------------------------------------------------------ */
/* The sink mode                                                             */

struct collector {
    char *data;
    size_t len, cap;
    int calls;
    int fail_at; /* the call that fails (0: none) */
    size_t largest;
};

static int collect(void *user, const char *data, size_t len)
{
    struct collector *c = user;

    c->calls++;
    if (c->fail_at && c->calls == c->fail_at)
        return hyoka__fail(HYOKA_EIO, "test sink: cannot write");
    assert_true(len > 0);
    if (len > c->largest)
        c->largest = len;
    if (c->len + len > c->cap) {
        c->cap = (c->len + len) * 2;
        c->data = realloc(c->data, c->cap);
        assert_non_null(c->data);
    }
    memcpy(c->data + c->len, data, len);
    c->len += len;
    return HYOKA_OK;
}

/* What goes through the sink is exactly what was appended, in order, and
 * the buffer stays bounded however much is written. */
static void test_sink(void **state)
{
    struct collector c = {0};
    struct hyoka__buf b;
    char *expect = malloc((size_t)8 << 20), *big = malloc((size_t)200000);
    size_t n = 0, max_cap = 0;
    (void)state;

    assert_non_null(expect);
    assert_non_null(big);
    for (size_t i = 0; i < 200000; i++)
        big[i] = (char)('a' + i % 26);
    hyoka__buf_init_sink(&b, collect, &c);
    assert_int_equal(hyoka__buf_flush(&b), HYOKA_OK); /* nothing held: no call */
    assert_int_equal(c.calls, 0);
    for (int i = 0; i < 100000; i++) {
        char tmp[32];
        int k = snprintf(tmp, sizeof tmp, "%d;", i);
        hyoka__buf_put_uint(&b, (uint64_t)i);
        hyoka__buf_putc(&b, ';');
        memcpy(expect + n, tmp, (size_t)k);
        n += (size_t)k;
        if (i % 10000 == 0) {
            /* a piece larger than the buffer goes straight through */
            hyoka__buf_put(&b, big, 200000);
            memcpy(expect + n, big, 200000);
            n += 200000;
        }
        if (b.cap > max_cap)
            max_cap = b.cap;
    }
    hyoka__buf_printf(&b, "%s", "end");
    memcpy(expect + n, "end", 3);
    n += 3;
    assert_true(c.len < n); /* some is still held */
    assert_int_equal(hyoka__buf_flush(&b), HYOKA_OK);
    assert_int_equal(c.len, n);
    assert_memory_equal(c.data, expect, n);
    assert_true(max_cap <= HYOKA__BUF_SINK_SIZE);
    assert_true(c.calls > 10);
    assert_int_equal(b.len, 0);

    /* room reserved beyond the buffer's size: it grows (after sending) */
    assert_true(hyoka__buf_reserve(&b, HYOKA__BUF_SINK_SIZE * 3));
    memset(b.data, 'r', HYOKA__BUF_SINK_SIZE * 3);
    b.len = HYOKA__BUF_SINK_SIZE * 3;
    assert_int_equal(hyoka__buf_flush(&b), HYOKA_OK);
    assert_int_equal(c.len, n + HYOKA__BUF_SINK_SIZE * 3);
    hyoka__buf_free(&b);
    free(c.data);
    free(expect);
    free(big);
}

/* A failing sink: the failure is kept, nothing more is sent. */
static void test_sink_failure(void **state)
{
    static char large[HYOKA__BUF_SINK_SIZE + 1];
    struct collector c = {0};
    struct hyoka__buf b;
    int calls;
    (void)state;

    c.fail_at = 2;
    hyoka__buf_init_sink(&b, collect, &c);
    for (int i = 0; i < 100000; i++)
        hyoka__buf_puts(&b, "0123456789");
    assert_int_equal(b.err, HYOKA_EIO);
    assert_int_equal(hyoka_error_last_code(), HYOKA_EIO);
    assert_non_null(strstr(hyoka_error_last(), "test sink"));
    calls = c.calls;
    assert_int_equal(calls, 2);
    assert_false(hyoka__buf_put(&b, large, sizeof large));
    assert_int_equal(hyoka__buf_flush(&b), HYOKA_EIO);
    assert_int_equal(c.calls, calls);
    assert_int_equal(c.len, HYOKA__BUF_SINK_SIZE - HYOKA__BUF_SINK_SIZE % 10); /* the first call only */
    hyoka__buf_free(&b);
    free(c.data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_appends_and_take),
        cmocka_unit_test(test_first_error),
        cmocka_unit_test(test_out_of_memory),
        cmocka_unit_test(test_sink),
        cmocka_unit_test(test_sink_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
