/* Tests of version.h: version macros and functions, enum counts, limits. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

static void test_runtime_matches_headers(void **state)
{
    char expect[32];
    (void)state;
    assert_int_equal(hyoka_version(), HYOKA_VERSION_NUMBER);
    assert_int_equal(hyoka_version() / 10000, HYOKA_VERSION_MAJOR);
    assert_int_equal(HYOKA_VERSION_NUMBER,
                     HYOKA_VERSION_MAJOR * 10000 + HYOKA_VERSION_MINOR * 100 + HYOKA_VERSION_PATCH);
    snprintf(expect, sizeof expect, "%d.%d.%d", HYOKA_VERSION_MAJOR, HYOKA_VERSION_MINOR, HYOKA_VERSION_PATCH);
    assert_string_equal(hyoka_version_string(), expect);
    assert_string_equal(HYOKA_VERSION_STRING, expect);
#ifdef HYOKA_TEST_PROJECT_VERSION
    assert_string_equal(hyoka_version_string(), HYOKA_TEST_PROJECT_VERSION);
#endif
}

static void test_enum_counts(void **state)
{
    (void)state;
    assert_int_equal(hyoka_enum_count(HYOKA_ENUM_STATUS), -HYOKA_EINVALID + 1);
    assert_int_equal(hyoka_enum_count(HYOKA_ENUM_ROUNDING), 6);
    assert_int_equal(hyoka_enum_count(HYOKA_ENUM_ERA), 6);
    hyoka_error_clear();
    assert_int_equal(hyoka_enum_count(-1), HYOKA_EINVAL);
    assert_int_equal(hyoka_error_last_code(), HYOKA_EINVAL);
    assert_int_equal(hyoka_enum_count(100000), HYOKA_EINVAL);
}

static void test_limits(void **state)
{
    (void)state;
    assert_int_equal(hyoka_limit(HYOKA_LIMIT_DECIMAL_MAX_SCALE), HYOKA_DECIMAL_MAX_SCALE);
    assert_int_equal(hyoka_limit(HYOKA_LIMIT_DECIMAL_STRING_MAX), HYOKA_DECIMAL_STRING_MAX);
    assert_int_equal(hyoka_limit(HYOKA_LIMIT_FISCAL_YEAR_MIN), 1868);
    assert_int_equal(hyoka_limit(HYOKA_LIMIT_FISCAL_YEAR_MAX), 9999);
    assert_true(hyoka_limit(HYOKA_LIMIT_TEXT_MAX) >= 65536);
    hyoka_error_clear();
    assert_int_equal(hyoka_limit(-5), -1);
    assert_int_equal(hyoka_error_last_code(), HYOKA_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_runtime_matches_headers),
        cmocka_unit_test(test_enum_counts),
        cmocka_unit_test(test_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
