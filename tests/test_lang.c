/* Tests of hyoka_lang_default(): the language messages default to, read
 * from LC_ALL, LC_MESSAGES and LANG in that order. */
#define _POSIX_C_SOURCE 200809L /* setenv, unsetenv */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

/* Set the three variables (NULL unsets one) and return the default. */
static int lang_with(const char *lc_all, const char *lc_messages, const char *lang)
{
    const char *names[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    const char *values[] = {lc_all, lc_messages, lang};
    for (size_t i = 0; i < 3; i++) {
        if (values[i])
            assert_int_equal(setenv(names[i], values[i], 1), 0);
        else
            assert_int_equal(unsetenv(names[i]), 0);
    }
    return hyoka_lang_default();
}

static void test_english_without_locale(void **state)
{
    (void)state;
    assert_int_equal(lang_with(NULL, NULL, NULL), HYOKA_LANG_EN);
    assert_int_equal(lang_with("C", NULL, NULL), HYOKA_LANG_EN);
    assert_int_equal(lang_with("", "", ""), HYOKA_LANG_EN);
    assert_int_equal(lang_with(NULL, NULL, "en_US.UTF-8"), HYOKA_LANG_EN);
    assert_int_equal(lang_with(NULL, NULL, "C.UTF-8"), HYOKA_LANG_EN);
}

static void test_japanese_locale(void **state)
{
    (void)state;
    assert_int_equal(lang_with(NULL, NULL, "ja_JP.UTF-8"), HYOKA_LANG_JA);
    assert_int_equal(lang_with(NULL, NULL, "ja"), HYOKA_LANG_JA);
    assert_int_equal(lang_with(NULL, "ja_JP.eucJP", NULL), HYOKA_LANG_JA);
    assert_int_equal(lang_with("ja_JP.SJIS", NULL, NULL), HYOKA_LANG_JA);
    /* only a prefix "ja" counts */
    assert_int_equal(lang_with(NULL, NULL, "j"), HYOKA_LANG_EN);
    assert_int_equal(lang_with(NULL, NULL, "en_JP.UTF-8"), HYOKA_LANG_EN);
}

static void test_order_of_variables(void **state)
{
    (void)state;
    /* LC_ALL wins over LC_MESSAGES, which wins over LANG */
    assert_int_equal(lang_with("en_US.UTF-8", "ja_JP.UTF-8", "ja_JP.UTF-8"), HYOKA_LANG_EN);
    assert_int_equal(lang_with("ja_JP.UTF-8", "en_US.UTF-8", "en_US.UTF-8"), HYOKA_LANG_JA);
    assert_int_equal(lang_with(NULL, "C", "ja_JP.UTF-8"), HYOKA_LANG_EN);
    assert_int_equal(lang_with(NULL, "ja_JP.UTF-8", "C"), HYOKA_LANG_JA);
    /* an empty variable counts as unset */
    assert_int_equal(lang_with("", "", "ja_JP.UTF-8"), HYOKA_LANG_JA);
    assert_int_equal(lang_with("", "ja_JP.UTF-8", "C"), HYOKA_LANG_JA);
}

static void test_is_a_language_the_library_names(void **state)
{
    (void)state;
    assert_string_equal(hyoka_enum_name(HYOKA_ENUM_LANG, lang_with(NULL, NULL, NULL)), "en");
    assert_string_equal(hyoka_enum_name(HYOKA_ENUM_LANG, lang_with(NULL, NULL, "ja_JP.UTF-8")), "ja");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_english_without_locale),
        cmocka_unit_test(test_japanese_locale),
        cmocka_unit_test(test_order_of_variables),
        cmocka_unit_test(test_is_a_language_the_library_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
