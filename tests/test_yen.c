/* Tests of yen.h: checked int64 yen arithmetic, decimal factors and 千円
 * conversion, through the public API only. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <inttypes.h>
#include <string.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

#define MODES 6
#define UNTOUCHED INT64_C(-424242)

#define EXPECT_FAIL(code, call)                                   \
    do {                                                          \
        hyoka_error_clear();                                      \
        assert_int_equal((call), (code));                         \
        assert_int_equal(hyoka_error_last_code(), (code));        \
        assert_true(strlen(hyoka_error_last()) > 0);              \
    } while (0)

static hyoka_decimal parse(const char *s)
{
    hyoka_decimal d;
    if (hyoka_decimal_parse(s, HYOKA_NTS, &d) != HYOKA_OK)
        fail_msg("parse(\"%s\"): %s", s, hyoka_error_last());
    return d;
}

static int64_t mul_dec(int64_t yen, const char *factor, int mode)
{
    hyoka_decimal f = parse(factor);
    int64_t v = UNTOUCHED;
    if (hyoka_yen_mul_decimal(yen, &f, mode, &v) != HYOKA_OK)
        fail_msg("%" PRId64 " x %s: %s", yen, factor, hyoka_error_last());
    return v;
}

static int64_t from_thousands(const char *text)
{
    hyoka_decimal d = parse(text);
    int64_t v = UNTOUCHED;
    if (hyoka_yen_from_thousands(&d, &v) != HYOKA_OK)
        fail_msg("from_thousands(%s): %s", text, hyoka_error_last());
    return v;
}

static int64_t ipow10(int k)
{
    int64_t r = 1;
    while (k-- > 0)
        r *= 10;
    return r;
}

/* Reference rounding of num / den (den > 0) written independently of the
 * library: floor division, then the mode picks floor or floor + 1. */
static int64_t ref_round(int64_t num, int64_t den, int mode)
{
    int64_t fq = num / den, rem = num % den;
    int positive = num > 0;
    if (rem < 0) {
        fq--;
        rem += den;
    }
    if (rem == 0)
        return fq;
    switch (mode) {
    case HYOKA_ROUND_FLOOR:
        return fq;
    case HYOKA_ROUND_CEILING:
        return fq + 1;
    case HYOKA_ROUND_DOWN:
        return positive ? fq : fq + 1;
    case HYOKA_ROUND_UP:
        return positive ? fq + 1 : fq;
    case HYOKA_ROUND_HALF_UP:
        if (2 * rem != den)
            return 2 * rem < den ? fq : fq + 1;
        return positive ? fq + 1 : fq;
    default: /* half_even */
        if (2 * rem != den)
            return 2 * rem < den ? fq : fq + 1;
        return fq % 2 == 0 ? fq : fq + 1;
    }
}

static void test_add_sub_mul(void **state)
{
    int64_t v = 0;
    (void)state;

    assert_int_equal(hyoka_yen_add(16627000, 8400000, &v), HYOKA_OK);
    assert_int_equal(v, 25027000);
    assert_int_equal(hyoka_yen_sub(1000, 2500, &v), HYOKA_OK);
    assert_int_equal(v, -1500);
    assert_int_equal(hyoka_yen_mul(8400000, 3, &v), HYOKA_OK);
    assert_int_equal(v, 25200000);
    assert_int_equal(hyoka_yen_add(INT64_MAX, 0, &v), HYOKA_OK);
    assert_int_equal(v, INT64_MAX);
    assert_int_equal(hyoka_yen_add(INT64_MIN, INT64_MAX, &v), HYOKA_OK);
    assert_int_equal(v, -1);
    assert_int_equal(hyoka_yen_sub(INT64_MIN, -1, &v), HYOKA_OK);
    assert_int_equal(v, INT64_MIN + 1);
    assert_int_equal(hyoka_yen_mul(INT64_MIN, 1, &v), HYOKA_OK);
    assert_int_equal(v, INT64_MIN);
    assert_int_equal(hyoka_yen_mul(INT64_C(3037000499), INT64_C(3037000499), &v), HYOKA_OK);
    assert_int_equal(v, INT64_C(9223372030926249001));
}

static void test_overflow_leaves_output(void **state)
{
    int64_t v = UNTOUCHED;
    (void)state;

    EXPECT_FAIL(HYOKA_ERANGE, hyoka_yen_add(INT64_MAX, 1, &v));
    assert_int_equal(v, UNTOUCHED);
    assert_non_null(strstr(hyoka_error_last(), "9223372036854775807"));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_yen_add(INT64_MIN, -1, &v));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_yen_sub(INT64_MIN, 1, &v));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_yen_sub(0, INT64_MIN, &v));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_yen_sub(INT64_MAX, -1, &v));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_yen_mul(INT64_MAX, 2, &v));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_yen_mul(INT64_MIN, -1, &v));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_yen_mul(-1, INT64_MIN, &v));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_yen_mul(INT64_C(3037000500), INT64_C(3037000500), &v));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_yen_mul(INT64_C(4294967296), INT64_C(-4294967296), &v));
    assert_int_equal(v, UNTOUCHED);
}

static void test_mul_decimal(void **state)
{
    static const struct {
        int64_t yen;
        const char *factor;
        int64_t expected[MODES]; /* half_up, down, up, half_even, floor, ceiling */
    } rows[] = {
        {1, "0.5", {1, 0, 1, 0, 0, 1}},
        {-1, "0.5", {-1, 0, -1, 0, -1, 0}},
        {3, "0.5", {2, 1, 2, 2, 1, 2}},
        {5, "0.5", {3, 2, 3, 2, 2, 3}},
        {5, "-0.5", {-3, -2, -3, -2, -3, -2}},
        {1000, "0.3333", {333, 333, 334, 333, 333, 334}},
        {-1000, "0.3333", {-333, -333, -334, -333, -334, -333}},
        {8400000, "0.30", {2520000, 2520000, 2520000, 2520000, 2520000, 2520000}},
        {7, "0", {0, 0, 0, 0, 0, 0}},
        {0, "-12.345", {0, 0, 0, 0, 0, 0}},
        {1, "0.000000000000000001", {0, 0, 1, 0, 0, 1}},
        {-1, "0.000000000000000001", {0, 0, -1, 0, -1, 0}},
    };
    (void)state;

    /* 0.30 人工 × 8,400,000 yen is exactly 2,520,000 yen. */
    assert_int_equal(mul_dec(8400000, "0.30", HYOKA_ROUND_HALF_UP), 2520000);

    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        for (int m = 0; m < MODES; m++)
            if (mul_dec(rows[i].yen, rows[i].factor, m) != rows[i].expected[m])
                fail_msg("%" PRId64 " x %s (%s) = %" PRId64 ", want %" PRId64, rows[i].yen, rows[i].factor,
                         hyoka_rounding_name(m), mul_dec(rows[i].yen, rows[i].factor, m), rows[i].expected[m]);

    /* The exact product may exceed 64 bits before rounding. */
    assert_int_equal(mul_dec(INT64_MAX, "1.000000000000000000", HYOKA_ROUND_HALF_UP), INT64_MAX);
    assert_int_equal(mul_dec(INT64_MIN, "1.00", HYOKA_ROUND_HALF_UP), INT64_MIN);
    assert_int_equal(mul_dec(INT64_MAX, "0.5", HYOKA_ROUND_HALF_UP), INT64_C(4611686018427387904));
    assert_int_equal(mul_dec(INT64_MAX, "0.5", HYOKA_ROUND_DOWN), INT64_C(4611686018427387903));
    assert_int_equal(mul_dec(INT64_MAX, "0.5", HYOKA_ROUND_HALF_EVEN), INT64_C(4611686018427387904));
    assert_int_equal(mul_dec(INT64_C(9223372036854775805), "0.5", HYOKA_ROUND_HALF_EVEN),
                     INT64_C(4611686018427387902));
    assert_int_equal(mul_dec(INT64_MIN, "0.5", HYOKA_ROUND_HALF_UP), INT64_C(-4611686018427387904));
    assert_int_equal(mul_dec(INT64_C(9000000000000000001), "0.33", HYOKA_ROUND_HALF_UP),
                     INT64_C(2970000000000000000));
    assert_int_equal(mul_dec(INT64_C(9000000000000000001), "0.33", HYOKA_ROUND_UP),
                     INT64_C(2970000000000000001));
    assert_int_equal(mul_dec(INT64_MAX, "-1", HYOKA_ROUND_HALF_UP), -INT64_MAX);
    assert_int_equal(mul_dec(INT64_C(4611686018427387904), "-2", HYOKA_ROUND_HALF_UP), INT64_MIN);
    assert_int_equal(mul_dec(-INT64_MAX, "0.999999999999999999", HYOKA_ROUND_FLOOR), -INT64_MAX + 9);
    assert_int_equal(mul_dec(-INT64_MAX, "0.999999999999999999", HYOKA_ROUND_CEILING), -INT64_MAX + 10);
    assert_int_equal(mul_dec(-INT64_MAX, "0.999999999999999999", HYOKA_ROUND_HALF_UP), -INT64_MAX + 9);
}

static void test_mul_decimal_errors(void **state)
{
    hyoka_decimal f = parse("1.5"), bad;
    int64_t v = UNTOUCHED;
    (void)state;

    EXPECT_FAIL(HYOKA_ERANGE, hyoka_yen_mul_decimal(INT64_MAX, &f, HYOKA_ROUND_DOWN, &v));
    f = parse("-1");
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_yen_mul_decimal(INT64_MIN, &f, HYOKA_ROUND_DOWN, &v));
    f = parse("9.223372036854775807");
    assert_int_equal(hyoka_yen_mul_decimal(INT64_C(1000000000000000000), &f, HYOKA_ROUND_DOWN, &v), HYOKA_OK);
    assert_int_equal(v, INT64_MAX);
    v = UNTOUCHED;
    f = parse("9.3");
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_yen_mul_decimal(INT64_C(1000000000000000000), &f, HYOKA_ROUND_DOWN, &v));
    f = parse("0.5");
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_yen_mul_decimal(1, &f, 6, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_yen_mul_decimal(1, &f, -1, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_yen_mul_decimal(1, NULL, HYOKA_ROUND_DOWN, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_yen_mul_decimal(1, &f, HYOKA_ROUND_DOWN, NULL));
    memset(&bad, 0x55, sizeof bad);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_yen_mul_decimal(1, &bad, HYOKA_ROUND_DOWN, &v));
    assert_int_equal(v, UNTOUCHED);
}

/* yen × factor rounded by every mode, against integer arithmetic. */
static void test_mul_decimal_property(void **state)
{
    (void)state;
    for (int64_t yen = -1200; yen <= 1200; yen += 37) {
        for (int64_t coef = -300; coef <= 300; coef += 7) {
            for (int s = 0; s <= 4; s++) {
                hyoka_decimal f;
                assert_int_equal(hyoka_decimal_from_parts(coef, s, &f), HYOKA_OK);
                for (int m = 0; m < MODES; m++) {
                    int64_t v;
                    assert_int_equal(hyoka_yen_mul_decimal(yen, &f, m, &v), HYOKA_OK);
                    assert_int_equal(v, ref_round(yen * coef, ipow10(s), m));
                }
            }
        }
    }
}

static void test_from_thousands(void **state)
{
    hyoka_decimal d;
    int64_t v = UNTOUCHED;
    (void)state;

    assert_int_equal(from_thousands("1068.978"), 1068978);
    assert_int_equal(from_thousands("1068.9780"), 1068978);
    assert_int_equal(from_thousands("1068.978000000000000"), 1068978);
    assert_int_equal(from_thousands("8400"), 8400000);
    assert_int_equal(from_thousands("16627"), 16627000);
    assert_int_equal(from_thousands("0.30"), 300);
    assert_int_equal(from_thousands("-0.001"), -1);
    assert_int_equal(from_thousands("0.000000"), 0);
    assert_int_equal(from_thousands("1.000000000000000000"), 1000);
    assert_int_equal(from_thousands("9223372036854775.807"), INT64_MAX);
    assert_int_equal(from_thousands("-9223372036854775.808"), INT64_MIN);

    d = parse("1068.9785");
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_yen_from_thousands(&d, &v));
    assert_non_null(strstr(hyoka_error_last(), "finer than one yen"));
    assert_non_null(strstr(hyoka_error_last(), "1068.9785"));
    d = parse("0.0001");
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_yen_from_thousands(&d, &v));
    assert_non_null(strstr(hyoka_error_last(), "finer than one yen"));
    d = parse("0.000000000000000001");
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_yen_from_thousands(&d, &v));
    d = parse("9223372036854775.81");
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_yen_from_thousands(&d, &v));
    assert_null(strstr(hyoka_error_last(), "finer than one yen"));
    d = parse("9223372036854776");
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_yen_from_thousands(&d, &v));
    d = parse("-9223372036854775807");
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_yen_from_thousands(&d, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_yen_from_thousands(NULL, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_yen_from_thousands(&d, NULL));
    memset(&d, 0x55, sizeof d);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_yen_from_thousands(&d, &v));
    assert_int_equal(v, UNTOUCHED);
}

static void test_to_thousands(void **state)
{
    static const int64_t amounts[] = {1068978, 0, -1, 999, 1000, 16627000, INT64_MAX, INT64_MIN};
    hyoka_decimal d;
    char buf[HYOKA_DECIMAL_STRING_MAX];
    (void)state;

    assert_int_equal(hyoka_yen_to_thousands(1068978, &d), HYOKA_OK);
    assert_int_equal(hyoka_decimal_scale(&d), 3);
    assert_int_equal(hyoka_decimal_format(&d, 0, buf, sizeof buf, NULL), HYOKA_OK);
    assert_string_equal(buf, "1068.978");
    assert_int_equal(hyoka_yen_to_thousands(INT64_MIN, &d), HYOKA_OK);
    assert_int_equal(hyoka_decimal_format(&d, HYOKA_DECIMAL_FMT_GROUPING, buf, sizeof buf, NULL), HYOKA_OK);
    assert_string_equal(buf, "-9,223,372,036,854,775.808");
    assert_int_equal(hyoka_yen_to_thousands(-1, &d), HYOKA_OK);
    assert_int_equal(hyoka_decimal_format(&d, 0, buf, sizeof buf, NULL), HYOKA_OK);
    assert_string_equal(buf, "-0.001");

    for (size_t i = 0; i < sizeof amounts / sizeof amounts[0]; i++) {
        int64_t back = UNTOUCHED;
        assert_int_equal(hyoka_yen_to_thousands(amounts[i], &d), HYOKA_OK);
        assert_int_equal(hyoka_yen_from_thousands(&d, &back), HYOKA_OK);
        assert_int_equal(back, amounts[i]);
    }
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_yen_to_thousands(1, NULL));
}

static void test_sum(void **state)
{
    static const int64_t costs[] = {16627000, 0, 8400000, -1000, 437000};
    static const int64_t over[] = {INT64_MAX, 1};
    static const int64_t under[] = {INT64_MIN, -1};
    static const int64_t back_in[] = {INT64_MAX, 1, -1};
    static const int64_t extremes[] = {INT64_MAX, INT64_MIN, INT64_MAX, INT64_MIN, 5};
    int64_t v = UNTOUCHED;
    (void)state;

    assert_int_equal(hyoka_yen_sum(costs, 5, &v), HYOKA_OK);
    assert_int_equal(v, 25463000);
    assert_int_equal(hyoka_yen_sum(costs, 0, &v), HYOKA_OK);
    assert_int_equal(v, 0);
    v = UNTOUCHED;
    assert_int_equal(hyoka_yen_sum(NULL, 0, &v), HYOKA_OK);
    assert_int_equal(v, 0);
    /* The exact total decides, not the order of the amounts. */
    assert_int_equal(hyoka_yen_sum(back_in, 3, &v), HYOKA_OK);
    assert_int_equal(v, INT64_MAX);
    assert_int_equal(hyoka_yen_sum(extremes, 5, &v), HYOKA_OK);
    assert_int_equal(v, 3);

    v = UNTOUCHED;
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_yen_sum(over, 2, &v));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_yen_sum(under, 2, &v));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_yen_sum(back_in, 2, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_yen_sum(NULL, 1, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_yen_sum(costs, 5, NULL));
    assert_int_equal(v, UNTOUCHED);
}

static void test_null_out(void **state)
{
    (void)state;
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_yen_add(1, 2, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_yen_sub(1, 2, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_yen_mul(1, 2, NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_add_sub_mul),
        cmocka_unit_test(test_overflow_leaves_output),
        cmocka_unit_test(test_mul_decimal),
        cmocka_unit_test(test_mul_decimal_errors),
        cmocka_unit_test(test_mul_decimal_property),
        cmocka_unit_test(test_from_thousands),
        cmocka_unit_test(test_to_thousands),
        cmocka_unit_test(test_sum),
        cmocka_unit_test(test_null_out),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
