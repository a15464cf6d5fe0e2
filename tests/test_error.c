/* Tests of error.h: status names, strerror and the thread-local last error. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <pthread.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

static void test_status_values_are_stable(void **state)
{
    (void)state;
    assert_int_equal(HYOKA_OK, 0);
    assert_int_equal(HYOKA_EINVAL, -1);
    assert_int_equal(HYOKA_ENOMEM, -2);
    assert_int_equal(HYOKA_ERANGE, -3);
    assert_int_equal(HYOKA_EENCODING, -4);
    assert_int_equal(HYOKA_ESYNTAX, -5);
    assert_int_equal(HYOKA_ENOTFOUND, -6);
    assert_int_equal(HYOKA_EEXIST, -7);
    assert_int_equal(HYOKA_EDIVZERO, -8);
    assert_int_equal(HYOKA_EIO, -9);
    assert_int_equal(HYOKA_ELIMIT, -10);
    assert_int_equal(HYOKA_EUNAVAILABLE, -11);
    assert_int_equal(HYOKA_ESTATE, -12);
    assert_int_equal(HYOKA_EINVALID, -13);
}

static void test_every_code_has_a_distinct_name(void **state)
{
    int n = hyoka_enum_count(HYOKA_ENUM_STATUS);
    (void)state;
    assert_true(n >= 14);
    for (int i = 0; i < n; i++) {
        const char *name = hyoka_status_name(-i);
        const char *text = hyoka_strerror(-i);
        assert_non_null(name);
        assert_non_null(text);
        assert_int_equal(strncmp(name, "HYOKA_", 6), 0);
        assert_string_not_equal(text, "unknown error");
        for (int j = 0; j < i; j++) {
            assert_string_not_equal(name, hyoka_status_name(-j));
            assert_string_not_equal(text, hyoka_strerror(-j));
        }
    }
    assert_string_equal(hyoka_status_name(HYOKA_ERANGE), "HYOKA_ERANGE");
}

static void test_unknown_codes(void **state)
{
    int n = hyoka_enum_count(HYOKA_ENUM_STATUS);
    (void)state;
    assert_string_equal(hyoka_strerror(1), "unknown error");
    assert_string_equal(hyoka_strerror(-n), "unknown error");
    assert_string_equal(hyoka_strerror(-1000), "unknown error");
    assert_string_equal(hyoka_status_name(42), "HYOKA_UNKNOWN");
}

static void test_last_error_never_null_and_set_by_failures(void **state)
{
    hyoka_decimal d;
    (void)state;
    hyoka_error_clear();
    assert_non_null(hyoka_error_last());
    assert_string_equal(hyoka_error_last(), "");
    assert_int_equal(hyoka_error_last_code(), HYOKA_OK);

    assert_int_equal(hyoka_decimal_parse("12x", HYOKA_NTS, &d), HYOKA_ESYNTAX);
    assert_int_equal(hyoka_error_last_code(), HYOKA_ESYNTAX);
    assert_true(strlen(hyoka_error_last()) > 0);

    /* A success leaves the message as it was. */
    assert_int_equal(hyoka_decimal_parse("12", HYOKA_NTS, &d), HYOKA_OK);
    assert_int_equal(hyoka_error_last_code(), HYOKA_ESYNTAX);

    hyoka_error_clear();
    assert_string_equal(hyoka_error_last(), "");
}

static void *thread_body(void *arg)
{
    int32_t fy;
    (void)arg;
    /* A failure on this thread must not show on the main thread. */
    hyoka_error_clear();
    if (hyoka_fiscal_year_parse("not a year", HYOKA_NTS, &fy, NULL) != HYOKA_ESYNTAX)
        return (void *)1;
    if (hyoka_error_last_code() != HYOKA_ESYNTAX || hyoka_error_last()[0] == '\0')
        return (void *)2;
    return NULL;
}

static void test_last_error_is_thread_local(void **state)
{
    pthread_t th;
    void *ret = (void *)99;
    (void)state;
    hyoka_error_clear();
    assert_int_equal(pthread_create(&th, NULL, thread_body, NULL), 0);
    assert_int_equal(pthread_join(th, &ret), 0);
    assert_null(ret);
    assert_int_equal(hyoka_error_last_code(), HYOKA_OK);
    assert_string_equal(hyoka_error_last(), "");
}

static void test_long_messages_are_cut_on_a_character_boundary(void **state)
{
    char text[2000];
    hyoka_decimal d;
    const char *msg;
    size_t n;
    (void)state;
    /* 'あ' is three bytes; a long invalid number ends up quoted in the message. */
    for (size_t i = 0; i + 3 < sizeof text; i += 3)
        memcpy(text + i, "\xe3\x81\x82", 3);
    text[1995] = '\0';
    assert_int_not_equal(hyoka_decimal_parse(text, HYOKA_NTS, &d), HYOKA_OK);
    msg = hyoka_error_last();
    n = strlen(msg);
    assert_true(n > 0 && n < 512);
    /* The message must not end in the middle of a multi-byte sequence. */
    {
        size_t i = n;
        size_t cont = 0;
        while (i > 0 && ((unsigned char)msg[i - 1] & 0xC0u) == 0x80u) {
            i--;
            cont++;
        }
        if (i > 0 && (unsigned char)msg[i - 1] >= 0xC0u) {
            unsigned char lead = (unsigned char)msg[i - 1];
            size_t need = lead >= 0xF0u ? 3 : lead >= 0xE0u ? 2 : 1;
            assert_int_equal(cont, need);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_status_values_are_stable),
        cmocka_unit_test(test_every_code_has_a_distinct_name),
        cmocka_unit_test(test_unknown_codes),
        cmocka_unit_test(test_last_error_never_null_and_set_by_failures),
        cmocka_unit_test(test_last_error_is_thread_local),
        cmocka_unit_test(test_long_messages_are_cut_on_a_character_boundary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
