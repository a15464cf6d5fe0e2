/* Internal tests of the registry of diagnostic codes (codes.h) and of the
 * value parsers every reader shares (values.h): each code once, well
 * formed, its two templates taking the same arguments, the detail
 * templates recognised; each value problem worded once in both languages. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "codes.h"
#include "values.h"

/* The argument types a printf format takes, one letter each ("d" int,
 * "s" string, "z" size_t, "l" long, "L" long long, "u" unsigned);
 * "%.0s" takes a string too. false for a conversion this registry does not
 * use. */
static bool arguments(const char *fmt, char *out, size_t size)
{
    size_t o = 0;
    for (const char *p = fmt; *p; p++) {
        char type;
        if (*p != '%')
            continue;
        p++;
        if (*p == '%')
            continue;
        while (*p == '.' || *p == '0' || (*p >= '1' && *p <= '9'))
            p++;
        if (p[0] == 'z' && p[1] == 'u')
            type = 'z', p++;
        else if (p[0] == 'l' && p[1] == 'l' && p[2] == 'd')
            type = 'L', p += 2;
        else if (p[0] == 'l' && (p[1] == 'd' || p[1] == 'u'))
            type = 'l', p++;
        else if (*p == 'd')
            type = 'd';
        else if (*p == 's')
            type = 's';
        else if (*p == 'X' || *p == 'u')
            type = 'u';
        else
            return false;
        if (o + 1 >= size)
            return false;
        out[o++] = type;
    }
    out[o] = '\0';
    return true;
}

static void test_codes_once(void **state)
{
    (void)state;
    for (int i = 0; i < HYOKA__CODE_COUNT; i++) {
        const struct hyoka__code_info *e = &hyoka__codes[i];
        assert_int_equal(strlen(e->code), 4);
        assert_true(strchr("PCIEBYJSVR", e->code[0]) != NULL);
        for (int k = 1; k < 4; k++)
            assert_true(e->code[k] >= '0' && e->code[k] <= '9');
        assert_ptr_equal(hyoka__code_find(e->code), e);
        for (int j = 0; j < i; j++)
            assert_string_not_equal(hyoka__codes[j].code, e->code);
        assert_true(e->severity >= HYOKA_SEVERITY_ERROR && e->severity <= HYOKA_SEVERITY_INFO);
        /* Reading codes are those of the readers and the rules files. */
        assert_int_equal(e->kind == HYOKA__READ, strchr("YJSVR", e->code[0]) != NULL);
        assert_true(strlen(e->title_en) > 0 && strlen(e->title_ja) > 0);
        assert_string_equal(hyoka_code_title(e->code, HYOKA_LANG_EN), e->title_en);
        assert_string_equal(hyoka_code_title(e->code, HYOKA_LANG_JA), e->title_ja);
        assert_int_equal(hyoka_code_severity(e->code), e->severity);
    }
    assert_null(hyoka__code_find("C999"));
    assert_null(hyoka__code_find(NULL));
    assert_int_equal(HYOKA__C001, 4); /* the enumeration follows the list */
    assert_string_equal(hyoka__codes[HYOKA__R001].code, "R001");
}

/* Both templates of a code take the same arguments: the call sites are
 * checked against both by the compiler, and here the table is. */
static void test_templates(void **state)
{
    (void)state;
    for (int i = 0; i < HYOKA__CODE_COUNT; i++) {
        const struct hyoka__code_info *e = &hyoka__codes[i];
        char en[32], ja[32];
        if (!arguments(e->msg_en, en, sizeof en) || !arguments(e->msg_ja, ja, sizeof ja))
            fail_msg("%s: a template has a conversion the registry does not use", e->code);
        if (strcmp(en, ja) != 0)
            fail_msg("%s: the English template takes \"%s\", the Japanese \"%s\"", e->code, en, ja);
        if (hyoka__code_is_detail(i))
            assert_string_equal(en, "ss");
    }
    assert_true(hyoka__code_is_detail(HYOKA__S004));
    assert_true(hyoka__code_is_detail(HYOKA__V005));
    assert_false(hyoka__code_is_detail(HYOKA__Y001));
    assert_false(hyoka__code_is_detail(HYOKA__I002));
    assert_false(hyoka__code_is_detail(-1));
    assert_false(hyoka__code_is_detail(HYOKA__CODE_COUNT));
}

/* Every value problem has its wording in both languages, quoting the value. */
static void test_value_problems(void **state)
{
    struct hyoka__detail d;
    (void)state;
    for (int st = HYOKA__VAL_NOT_NUMBER; st <= HYOKA__VAL_YEAR_TWICE; st++) {
        hyoka__value_problem(st, "xyz", HYOKA_ENUM_UNIT, &d);
        assert_non_null(strstr(d.en, "\"xyz\""));
        assert_non_null(strstr(d.ja, "「xyz」"));
        for (int other = HYOKA__VAL_NOT_NUMBER; other < st; other++) {
            struct hyoka__detail e;
            hyoka__value_problem(other, "xyz", HYOKA_ENUM_UNIT, &e);
            assert_string_not_equal(d.en, e.en);
        }
    }
    hyoka__value_problem(HYOKA__VAL_NOT_NAME, "euro", HYOKA_ENUM_UNIT, &d);
    assert_string_equal(d.en, "\"euro\" is not one of: yen, thousand_yen");
    hyoka__era_reading(2020, false, &d);
    assert_string_equal(d.en, "fiscal year 2020");
    assert_string_equal(d.ja, "2020年度");
    hyoka__era_reading(20200501, true, &d);
    assert_string_equal(d.ja, "2020-05-01");
    hyoka__era_reading(20201200, true, &d);
    assert_string_equal(d.en, "2020-12");
}

static void test_values(void **state)
{
    int64_t v = 0;
    int32_t y = 0;
    int e = -1;
    bool past = false;
    char q[HYOKA__EXCERPT_MAX];
    (void)state;

    assert_int_equal(hyoka__value_money(1068978, 3, HYOKA_UNIT_THOUSAND_YEN, false, &v), HYOKA__VAL_OK);
    assert_int_equal(v, 1068978);
    assert_int_equal(hyoka__value_money(10689785, 4, HYOKA_UNIT_THOUSAND_YEN, false, &v), HYOKA__VAL_MONEY_FINER);
    assert_int_equal(hyoka__value_money(106897800, 5, HYOKA_UNIT_THOUSAND_YEN, false, &v), HYOKA__VAL_OK);
    assert_int_equal(v, 1068978);
    assert_int_equal(hyoka__value_money(105, 1, HYOKA_UNIT_YEN, false, &v), HYOKA__VAL_MONEY_FINER);
    assert_int_equal(hyoka__value_money(100, 1, HYOKA_UNIT_YEN, false, &v), HYOKA__VAL_OK);
    assert_int_equal(v, 10);
    assert_int_equal(hyoka__value_money(INT64_MAX / 100, 0, HYOKA_UNIT_THOUSAND_YEN, false, &v),
                     HYOKA__VAL_MONEY_RANGE);
    assert_int_equal(hyoka__value_money(-1, 0, HYOKA_UNIT_YEN, true, &v), HYOKA__VAL_NEGATIVE);
    assert_int_equal(hyoka__value_count(20, 1, &v), HYOKA__VAL_OK);
    assert_int_equal(v, 2);
    assert_int_equal(hyoka__value_count(15, 1, &v), HYOKA__VAL_NOT_WHOLE);
    assert_int_equal(hyoka__value_count(-1, 0, &v), HYOKA__VAL_NEGATIVE);
    assert_int_equal(hyoka__value_year_number(20070, 1, &y), HYOKA__VAL_OK);
    assert_int_equal(y, 2007);
    assert_int_equal(hyoka__value_year_number(1867, 0, &y), HYOKA__VAL_NOT_YEAR);
    assert_int_equal(hyoka__value_year_text("平成32年度", strlen("平成32年度"), &y, &past), HYOKA__VAL_OK);
    assert_true(past);
    assert_int_equal(y, 2020);
    assert_int_equal(hyoka__value_year_text("20\0" "07", 5, &y, &past), HYOKA__VAL_NOT_YEAR);
    assert_int_equal(hyoka__value_date_text("2008-13-01", 10, &y, &past), HYOKA__VAL_NOT_DATE);
    assert_int_equal(hyoka__value_enum(HYOKA_ENUM_UNIT, "thousand_yen", 12, &e), HYOKA__VAL_OK);
    assert_int_equal(e, HYOKA_UNIT_THOUSAND_YEN);
    assert_int_equal(hyoka__value_enum(HYOKA_ENUM_UNIT, "yen\0x", 5, &e), HYOKA__VAL_NOT_NAME);
    assert_int_equal(hyoka__value_enum(HYOKA_ENUM_UNIT, "ye", 2, &e), HYOKA__VAL_NOT_NAME);
    assert_int_equal(hyoka__value_bool_text("TRUE", 4, &e), HYOKA__VAL_OK);
    assert_int_equal(e, 1);
    assert_int_equal(hyoka__value_bool_text("no", 2, &e), HYOKA__VAL_NOT_BOOL);
    assert_string_equal(hyoka__excerpt("a\"b\n\xFF", 5, q), "a\\u0022b\\u000A\\xFF");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_codes_once),
        cmocka_unit_test(test_templates),
        cmocka_unit_test(test_value_problems),
        cmocka_unit_test(test_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
