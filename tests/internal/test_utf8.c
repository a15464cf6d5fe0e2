/* Internal tests of the UTF-8 helpers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "internal.h"

static void test_valid_and_invalid(void **state)
{
    (void)state;
    assert_true(hyoka__utf8_valid("", 0));
    assert_true(hyoka__utf8_valid("abc", 3));
    assert_true(hyoka__utf8_valid("\xe5\xb9\xb3\xe6\x88\x90", 6));       /* 平成 */
    assert_true(hyoka__utf8_valid("\xf0\xa0\xae\xb7", 4));               /* 𠮷 */
    assert_false(hyoka__utf8_valid("\xe5\xb9", 2));                      /* truncated */
    assert_false(hyoka__utf8_valid("\xc0\xaf", 2));                      /* overlong */
    assert_false(hyoka__utf8_valid("\xe0\x80\xaf", 3));                  /* overlong */
    assert_false(hyoka__utf8_valid("\xed\xa0\x80", 3));                  /* surrogate */
    assert_false(hyoka__utf8_valid("\xf4\x90\x80\x80", 4));              /* > U+10FFFF */
    assert_false(hyoka__utf8_valid("\x80", 1));
    assert_false(hyoka__utf8_valid("\xff", 1));
    assert_true(hyoka__utf8_valid("a\0b", 3));                           /* NUL is a character */
}

static void test_round_trip(void **state)
{
    (void)state;
    for (uint32_t cp = 0; cp <= 0x10FFFFu; cp += (cp < 0x1000u ? 1u : 97u)) {
        char buf[4];
        size_t n, pos = 0;
        if (cp >= 0xD800u && cp <= 0xDFFFu)
            continue;
        n = hyoka__utf8_encode(cp, buf);
        assert_true(hyoka__utf8_valid(buf, n));
        assert_int_equal(hyoka__utf8_next(buf, n, &pos), (int32_t)cp);
        assert_int_equal(pos, n);
    }
}

static void test_cut(void **state)
{
    char buf[16];
    (void)state;
    /* "aあ" cut after 1, 2, 3 and 4 bytes. */
    strcpy(buf, "a\xe3\x81\x82");
    assert_int_equal(hyoka__utf8_cut(buf, 4), 4);
    strcpy(buf, "a\xe3\x81\x82");
    assert_int_equal(hyoka__utf8_cut(buf, 3), 1);
    assert_string_equal(buf, "a");
    strcpy(buf, "a\xe3\x81\x82");
    assert_int_equal(hyoka__utf8_cut(buf, 2), 1);
    strcpy(buf, "a\xe3\x81\x82");
    assert_int_equal(hyoka__utf8_cut(buf, 1), 1);
    strcpy(buf, "\xf0\xa0\xae\xb7");
    assert_int_equal(hyoka__utf8_cut(buf, 3), 0);
    strcpy(buf, "ab");
    assert_int_equal(hyoka__utf8_cut(buf, 2), 2);
    assert_int_equal(hyoka__utf8_cut(buf, 0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_and_invalid),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_cut),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
