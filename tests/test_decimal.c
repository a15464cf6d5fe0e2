/* Tests of decimal.h: parsing, formatting, arithmetic and rounding of exact
 * decimals, through the public API only. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

#define MODES 6

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

/* Run a call that must fail with @p code and leave a message. */
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
    int rc = hyoka_decimal_parse(s, HYOKA_NTS, &d);
    if (rc != HYOKA_OK)
        fail_msg("parse(\"%s\") failed: %s", s, hyoka_error_last());
    return d;
}

static hyoka_decimal parts(int64_t coef, int scale)
{
    hyoka_decimal d;
    assert_int_equal(hyoka_decimal_from_parts(coef, scale, &d), HYOKA_OK);
    return d;
}

/* A decimal that no successful call produced here: used to check that a
 * failed call leaves its output untouched. */
static hyoka_decimal sentinel(void)
{
    return parts(-4242, 3);
}

static void assert_sentinel(const hyoka_decimal *d)
{
    hyoka_decimal s = sentinel();
    assert_true(hyoka_decimal_identical(d, &s));
}

static void assert_text(const hyoka_decimal *d, const char *expected)
{
    char buf[HYOKA_DECIMAL_STRING_MAX];
    size_t len = 0;
    assert_int_equal(hyoka_decimal_format(d, 0, buf, sizeof buf, &len), HYOKA_OK);
    assert_string_equal(buf, expected);
    assert_int_equal(len, strlen(expected));
}

static void assert_grouped(const hyoka_decimal *d, const char *expected)
{
    char buf[HYOKA_DECIMAL_STRING_MAX];
    size_t len = 0;
    assert_int_equal(hyoka_decimal_format(d, HYOKA_DECIMAL_FMT_GROUPING, buf, sizeof buf, &len), HYOKA_OK);
    assert_string_equal(buf, expected);
    assert_int_equal(len, strlen(expected));
}

static void assert_parses_to(const char *text, const char *expected, int scale)
{
    hyoka_decimal d = parse(text);
    assert_text(&d, expected);
    assert_int_equal(hyoka_decimal_scale(&d), scale);
}

static void assert_parse_fails(const char *text, size_t len, int code)
{
    hyoka_decimal d = sentinel();
    hyoka_error_clear();
    if (hyoka_decimal_parse(text, len, &d) != code)
        fail_msg("parse(\"%s\") did not return %s (%s)", text, hyoka_status_name(code), hyoka_error_last());
    assert_int_equal(hyoka_error_last_code(), code);
    assert_true(strlen(hyoka_error_last()) > 0);
    assert_sentinel(&d);
}

static void assert_printed(const char *text, const char *expected, int scale)
{
    hyoka_decimal d;
    if (hyoka_decimal_parse_printed(text, HYOKA_NTS, &d) != HYOKA_OK)
        fail_msg("parse_printed(\"%s\") failed: %s", text, hyoka_error_last());
    assert_text(&d, expected);
    assert_int_equal(hyoka_decimal_scale(&d), scale);
}

static void assert_printed_fails(const char *text, int code)
{
    hyoka_decimal d = sentinel();
    hyoka_error_clear();
    if (hyoka_decimal_parse_printed(text, HYOKA_NTS, &d) != code)
        fail_msg("parse_printed(\"%s\") did not return %s (%s)", text, hyoka_status_name(code),
                 hyoka_error_last());
    assert_true(strlen(hyoka_error_last()) > 0);
    assert_sentinel(&d);
}

/* a / b at @p places by @p mode, as text. */
static void assert_div(const char *a, const char *b, int places, int mode, const char *expected)
{
    hyoka_decimal x = parse(a), y = parse(b), q;
    int rc = hyoka_decimal_div(&x, &y, places, mode, &q);
    if (rc != HYOKA_OK)
        fail_msg("%s / %s failed: %s", a, b, hyoka_error_last());
    assert_text(&q, expected);
    assert_int_equal(hyoka_decimal_scale(&q), places);
}

static void assert_round(const char *a, int places, int mode, const char *expected)
{
    hyoka_decimal x = parse(a), r;
    assert_int_equal(hyoka_decimal_round(&x, places, mode, &r), HYOKA_OK);
    assert_text(&r, expected);
}

static int64_t ipow10(int k)
{
    int64_t r = 1;
    while (k-- > 0)
        r *= 10;
    return r;
}

/* Reference rounding of the rational num / den (den != 0) to an integer,
 * written independently of the library: floor division first, then the
 * mode decides between floor and floor + 1 from the sign of the value. */
static int64_t ref_round(int64_t num, int64_t den, int mode)
{
    int64_t fq, rem;
    int positive;

    if (den < 0) {
        num = -num;
        den = -den;
    }
    fq = num / den;
    rem = num % den;
    if (rem < 0) {
        fq--;
        rem += den;
    }
    if (rem == 0)
        return fq;
    positive = num > 0;
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
    case HYOKA_ROUND_HALF_EVEN:
        if (2 * rem != den)
            return 2 * rem < den ? fq : fq + 1;
        return fq % 2 == 0 ? fq : fq + 1;
    default:
        fail_msg("bad mode %d", mode);
        return 0;
    }
}

/* ------------------------------------------------------------------------ */
/* Figures from the seed sheets                                              */

static void test_sheet_figures(void **state)
{
    hyoka_decimal a, b, p, q, hundred = hyoka_decimal_from_int(100);
    (void)state;

    /* Achievement 59 / 60 × 100, computed as (59 × 100) / 60. */
    a = hyoka_decimal_from_int(59);
    b = hyoka_decimal_from_int(60);
    assert_int_equal(hyoka_decimal_mul(&a, &hundred, &p), HYOKA_OK);
    assert_int_equal(hyoka_decimal_div(&p, &b, 1, HYOKA_ROUND_HALF_UP, &q), HYOKA_OK);
    assert_text(&q, "98.3");

    a = hyoka_decimal_from_int(9);
    b = hyoka_decimal_from_int(10);
    assert_int_equal(hyoka_decimal_mul(&a, &hundred, &p), HYOKA_OK);
    assert_int_equal(hyoka_decimal_div(&p, &b, 1, HYOKA_ROUND_HALF_UP, &q), HYOKA_OK);
    assert_text(&q, "90.0");

    /* Unit cost 16,627,000 ÷ 1,054 (the sheet printed 15,775.5). */
    assert_div("16627000", "1054", 1, HYOKA_ROUND_HALF_UP, "15775.1");
    assert_div("12236000", "166", 1, HYOKA_ROUND_HALF_UP, "73710.8");

    /* FTE 0.30 × 8,400 千円 is exactly 2,520 千円. */
    a = parse("0.30");
    b = hyoka_decimal_from_int(8400);
    assert_int_equal(hyoka_decimal_mul(&a, &b, &p), HYOKA_OK);
    assert_text(&p, "2520.00");
    b = hyoka_decimal_from_int(2520);
    assert_int_equal(hyoka_decimal_cmp(&p, &b), 0);
}

/* ------------------------------------------------------------------------ */
/* Rounding                                                                  */

static void test_rounding_table(void **state)
{
    static const struct {
        const char *value;
        int places;
        const char *expected[MODES]; /* half_up, down, up, half_even, floor, ceiling */
    } rows[] = {
        {"2.5", 0, {"3", "2", "3", "2", "2", "3"}},
        {"-2.5", 0, {"-3", "-2", "-3", "-2", "-3", "-2"}},
        {"2.45", 1, {"2.5", "2.4", "2.5", "2.4", "2.4", "2.5"}},
        {"-2.45", 1, {"-2.5", "-2.4", "-2.5", "-2.4", "-2.5", "-2.4"}},
        {"2.7", 0, {"3", "2", "3", "3", "2", "3"}},
        {"-2.7", 0, {"-3", "-2", "-3", "-3", "-3", "-2"}},
        {"2.1", 0, {"2", "2", "3", "2", "2", "3"}},
        {"-2.1", 0, {"-2", "-2", "-3", "-2", "-3", "-2"}},
        {"2.5", 1, {"2.5", "2.5", "2.5", "2.5", "2.5", "2.5"}},
        {"2.5", 2, {"2.50", "2.50", "2.50", "2.50", "2.50", "2.50"}},
        {"-0.4", 0, {"0", "0", "-1", "0", "-1", "0"}},
        {"0.4", 0, {"0", "0", "1", "0", "0", "1"}},
        {"-0.5", 0, {"-1", "0", "-1", "0", "-1", "0"}},
        {"0.05", 1, {"0.1", "0.0", "0.1", "0.0", "0.0", "0.1"}},
        {"-0.05", 1, {"-0.1", "0.0", "-0.1", "0.0", "-0.1", "0.0"}},
        {"0.051", 1, {"0.1", "0.0", "0.1", "0.1", "0.0", "0.1"}},
        {"7", 0, {"7", "7", "7", "7", "7", "7"}},
        {"-7.000", 1, {"-7.0", "-7.0", "-7.0", "-7.0", "-7.0", "-7.0"}},
        {"0.000000000000000005", 17,
         {"0.00000000000000001", "0.00000000000000000", "0.00000000000000001", "0.00000000000000000",
          "0.00000000000000000", "0.00000000000000001"}},
    };
    (void)state;

    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        for (int m = 0; m < MODES; m++) {
            hyoka_decimal x = parse(rows[i].value), r;
            char buf[HYOKA_DECIMAL_STRING_MAX];
            assert_int_equal(hyoka_decimal_round(&x, rows[i].places, m, &r), HYOKA_OK);
            assert_int_equal(hyoka_decimal_format(&r, 0, buf, sizeof buf, NULL), HYOKA_OK);
            if (strcmp(buf, rows[i].expected[m]) != 0)
                fail_msg("round(%s, %d, %s) = %s, expected %s", rows[i].value, rows[i].places,
                         hyoka_rounding_name(m), buf, rows[i].expected[m]);
            assert_int_equal(hyoka_decimal_scale(&r), rows[i].places);
        }
    }
}

static void test_rounding_through_div_and_to_int(void **state)
{
    static const int64_t plus[MODES] = {3, 2, 3, 2, 2, 3};
    static const int64_t minus[MODES] = {-3, -2, -3, -2, -3, -2};
    (void)state;

    for (int m = 0; m < MODES; m++) {
        hyoka_decimal five = hyoka_decimal_from_int(5), two = hyoka_decimal_from_int(2), mtwo, q;
        hyoka_decimal x = parse("2.5"), y = parse("-2.5");
        int64_t v = 0;
        mtwo = hyoka_decimal_from_int(-2);
        assert_int_equal(hyoka_decimal_div(&five, &two, 0, m, &q), HYOKA_OK);
        assert_int_equal(hyoka_decimal_coefficient(&q), plus[m]);
        assert_int_equal(hyoka_decimal_div(&five, &mtwo, 0, m, &q), HYOKA_OK);
        assert_int_equal(hyoka_decimal_coefficient(&q), minus[m]);
        assert_int_equal(hyoka_decimal_to_int(&x, m, &v), HYOKA_OK);
        assert_int_equal(v, plus[m]);
        assert_int_equal(hyoka_decimal_to_int(&y, m, &v), HYOKA_OK);
        assert_int_equal(v, minus[m]);
    }
    /* 2.45 at one place through division: 49 / 20. */
    assert_div("49", "20", 1, HYOKA_ROUND_HALF_UP, "2.5");
    assert_div("49", "20", 1, HYOKA_ROUND_HALF_EVEN, "2.4");
    assert_div("-49", "20", 1, HYOKA_ROUND_HALF_UP, "-2.5");
    assert_div("49", "-20", 1, HYOKA_ROUND_FLOOR, "-2.5");
    assert_div("-49", "-20", 1, HYOKA_ROUND_FLOOR, "2.4");
}

static void test_half_even(void **state)
{
    (void)state;
    assert_round("3.5", 0, HYOKA_ROUND_HALF_EVEN, "4");
    assert_round("2.5", 0, HYOKA_ROUND_HALF_EVEN, "2");
    assert_round("1.5", 0, HYOKA_ROUND_HALF_EVEN, "2");
    assert_round("0.5", 0, HYOKA_ROUND_HALF_EVEN, "0");
    assert_round("-0.5", 0, HYOKA_ROUND_HALF_EVEN, "0");
    assert_round("-1.5", 0, HYOKA_ROUND_HALF_EVEN, "-2");
    assert_round("0.25", 1, HYOKA_ROUND_HALF_EVEN, "0.2");
    assert_round("0.35", 1, HYOKA_ROUND_HALF_EVEN, "0.4");
    assert_round("0.2500000000000001", 1, HYOKA_ROUND_HALF_EVEN, "0.3");
    assert_div("1", "8", 2, HYOKA_ROUND_HALF_EVEN, "0.12");
    assert_div("3", "8", 2, HYOKA_ROUND_HALF_EVEN, "0.38");
}

static void test_rounding_names(void **state)
{
    static const char *const names[MODES] = {"half_up", "down", "up", "half_even", "floor", "ceiling"};
    int mode = -1;
    (void)state;

    assert_int_equal(hyoka_enum_count(HYOKA_ENUM_ROUNDING), MODES);
    for (int m = 0; m < MODES; m++) {
        assert_string_equal(hyoka_rounding_name(m), names[m]);
        assert_int_equal(hyoka_rounding_from_name(names[m], HYOKA_NTS, &mode), HYOKA_OK);
        assert_int_equal(mode, m);
    }
    assert_int_equal(HYOKA_ROUND_HALF_UP, 0);
    assert_int_equal(HYOKA_ROUND_CEILING, 5);
    assert_null(hyoka_rounding_name(-1));
    assert_null(hyoka_rounding_name(MODES));
    assert_int_equal(hyoka_rounding_from_name("half_upward", 7, &mode), HYOKA_OK);
    assert_int_equal(mode, HYOKA_ROUND_HALF_UP);

    mode = 99;
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_rounding_from_name("half-up", HYOKA_NTS, &mode));
    assert_non_null(strstr(hyoka_error_last(), "half-up"));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_rounding_from_name("HALF_UP", HYOKA_NTS, &mode));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_rounding_from_name("", HYOKA_NTS, &mode));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_rounding_from_name("up\0x", 4, &mode));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_rounding_from_name("half_up", 4, &mode));
    assert_int_equal(mode, 99);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_rounding_from_name(NULL, 3, &mode));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_rounding_from_name("up", HYOKA_NTS, NULL));
}

/* ------------------------------------------------------------------------ */
/* Parsing                                                                   */

static void test_parse_keeps_written_places(void **state)
{
    static const char *const same[] = {
        "98.30", "-0.5", "0.000", "0", "16627", "1.50", "-9223372036854775808", "9223372036854775807",
        "0.000000000000000001", "-9.223372036854775808", "9.223372036854775807", "123456789.123456789",
        "0.123456789012345678", "-1", "100",
    };
    (void)state;

    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        hyoka_decimal d = parse(same[i]);
        assert_text(&d, same[i]);
    }
    assert_parses_to("1.50", "1.50", 2);
    assert_parses_to("98.30", "98.30", 2);
    assert_parses_to("0.000", "0.000", 3);
    assert_parses_to("+5", "5", 0);
    assert_parses_to("007", "7", 0);
    assert_parses_to("00.10", "0.10", 2);
    assert_parses_to("-0", "0", 0);
    assert_parses_to("-0.00", "0.00", 2);
    assert_parses_to("+0.0", "0.0", 1);

    {
        hyoka_decimal z = parse("-0"), zero = {{0, 0}};
        assert_int_equal(hyoka_decimal_sign(&z), 0);
        assert_int_equal(hyoka_decimal_coefficient(&z), 0);
        assert_true(hyoka_decimal_identical(&z, &zero));
    }
    {
        /* Explicit lengths: the text need not be NUL-terminated. */
        hyoka_decimal d;
        assert_int_equal(hyoka_decimal_parse("12.345xyz", 5, &d), HYOKA_OK);
        assert_text(&d, "12.34");
        assert_int_equal(hyoka_decimal_parse("12", 1, &d), HYOKA_OK);
        assert_text(&d, "1");
    }
}

static void test_parse_exponent(void **state)
{
    (void)state;
    assert_parses_to("1.5e1", "15", 0);
    assert_parses_to("15e-1", "1.5", 1);
    assert_parses_to("1E3", "1000", 0);
    assert_parses_to("1e+2", "100", 0);
    assert_parses_to("1.50e1", "15.0", 1);
    assert_parses_to("1.50E-1", "0.150", 3);
    assert_parses_to("-2.5e0", "-2.5", 1);
    assert_parses_to("1e-18", "0.000000000000000001", 18);
    assert_parses_to("1e18", "1000000000000000000", 0);
    assert_parses_to("9.223372036854775807e18", "9223372036854775807", 0);
    assert_parses_to("-9.223372036854775808e18", "-9223372036854775808", 0);
    assert_parses_to("1e0000000000000000000000003", "1000", 0);
    assert_parses_to("0e5", "0", 0);
    assert_parses_to("0e999999999999999999999999", "0", 0);
    assert_parses_to("0.00e-3", "0.00000", 5);
    assert_parses_to("12345e-18", "0.000000000000012345", 18);

    assert_parse_fails("1e-19", HYOKA_NTS, HYOKA_ERANGE);
    assert_parse_fails("123e-20", HYOKA_NTS, HYOKA_ERANGE);
    assert_parse_fails("1e19", HYOKA_NTS, HYOKA_ERANGE);
    assert_parse_fails("9.223372036854775808e18", HYOKA_NTS, HYOKA_ERANGE);
    assert_parse_fails("1e999999999999", HYOKA_NTS, HYOKA_ERANGE);
    assert_parse_fails("1e-999999999999", HYOKA_NTS, HYOKA_ERANGE);
    assert_parse_fails("1e99999999999999999999999999999999999999", HYOKA_NTS, HYOKA_ERANGE);
    assert_parse_fails("-1e-99999999999999999999999999999999999999", HYOKA_NTS, HYOKA_ERANGE);
    assert_parse_fails("0e-19", HYOKA_NTS, HYOKA_ERANGE);
}

static void test_parse_syntax_errors(void **state)
{
    static const char *const bad[] = {
        "", "-", "+", "1.", ".5", "-.5", "1e", "1e+", "1e-", "+-1", "--1", "1..2", "1.2.3", "0x10", " 1", "1 ",
        "\xEF\xBC\x91" /* １ */, "NaN", "nan", "Infinity", "-Infinity", "inf", "1,000", "1e1.5", "e5", "1-",
        "1_000", "\xD9\xA1" /* Arabic-Indic one */, "1.5f", "\t1", "1\n",
        "1e5e5", "١",
    };
    (void)state;

    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_parse_fails(bad[i], HYOKA_NTS, HYOKA_ESYNTAX);

    /* U+2212 is only for hyoka_decimal_parse_printed(). */
    assert_parse_fails("\xE2\x88\x92" "1", HYOKA_NTS, HYOKA_ESYNTAX);
    /* Embedded NUL with an explicit length. */
    assert_parse_fails("1\0" "2", 3, HYOKA_ESYNTAX);
    assert_parse_fails("\0", 1, HYOKA_ESYNTAX);
    assert_parse_fails("12", 0, HYOKA_ESYNTAX);

    /* The message quotes the input. */
    assert_parse_fails("0x10", HYOKA_NTS, HYOKA_ESYNTAX);
    assert_non_null(strstr(hyoka_error_last(), "\"0x10\""));
    assert_parse_fails("1..2", HYOKA_NTS, HYOKA_ESYNTAX);
    assert_non_null(strstr(hyoka_error_last(), "1..2"));
}

static void test_parse_limits(void **state)
{
    char *big;
    size_t n = 200000;
    (void)state;

    assert_parses_to("0.123456789012345678", "0.123456789012345678", 18);
    assert_parse_fails("0.1234567890123456789", HYOKA_NTS, HYOKA_ERANGE);
    assert_non_null(strstr(hyoka_error_last(), "18"));
    assert_parse_fails("0.0000000000000000000", HYOKA_NTS, HYOKA_ERANGE);
    assert_parses_to("9223372036854775807", "9223372036854775807", 0);
    assert_parse_fails("9223372036854775808", HYOKA_NTS, HYOKA_ERANGE);
    assert_parses_to("-9223372036854775808", "-9223372036854775808", 0);
    assert_parse_fails("-9223372036854775809", HYOKA_NTS, HYOKA_ERANGE);
    assert_parse_fails("18446744073709551616", HYOKA_NTS, HYOKA_ERANGE);
    assert_parse_fails("99999999999999999999999999999999999999999", HYOKA_NTS, HYOKA_ERANGE);
    assert_parses_to("0000000000000000000000000000009223372036854775807", "9223372036854775807", 0);
    assert_parses_to("922337203685477580.7", "922337203685477580.7", 1);
    assert_parse_fails("922337203685477580.80", HYOKA_NTS, HYOKA_ERANGE);

    /* Very long texts: no overflow, no quadratic work, short messages. */
    big = malloc(n + 3);
    assert_non_null(big);
    memset(big, '7', n);
    big[n] = '\0';
    assert_parse_fails(big, HYOKA_NTS, HYOKA_ERANGE);
    assert_true(strlen(hyoka_error_last()) < 200);
    memset(big, '0', n);
    big[n - 1] = '1';
    assert_parses_to(big, "1", 0);
    big[0] = '0';
    big[1] = '.';
    big[n - 1] = '0';
    assert_parse_fails(big, HYOKA_NTS, HYOKA_ERANGE);
    big[n - 1] = 'x';
    assert_parse_fails(big, HYOKA_NTS, HYOKA_ESYNTAX);
    assert_true(strlen(hyoka_error_last()) < 300);
    free(big);
}

static void test_parse_printed(void **state)
{
    (void)state;
    assert_printed("16,627", "16627", 0);
    assert_printed("73,710.8", "73710.8", 1);
    assert_printed("1,234,567.89", "1234567.89", 2);
    assert_printed("-1,000", "-1000", 0);
    assert_printed("\xE2\x96\xB3" "1,000", "-1000", 0);           /* △1,000 */
    assert_printed("\xE2\x96\xB2" "1,000", "-1000", 0);           /* ▲1,000 */
    assert_printed("\xE2\x96\xB3 1,000", "-1000", 0);             /* △ 1,000 */
    assert_printed("\xE2\x96\xB3" "0", "0", 0);                   /* △0 */
    assert_printed("\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x94\xEF\xBC\x95", "12345", 0); /* １２３４５ */
    assert_printed("\xEF\xBC\x8D\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x8E\xEF\xBC\x95", "-12.5", 1); /* －１２．５ */
    assert_printed("\xE2\x88\x92" "5", "-5", 0);                  /* −5 (U+2212) */
    assert_printed("\xEF\xBC\x8B" "5", "5", 0);                   /* ＋5 */
    assert_printed("\xEF\xBC\x91,\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x94", "1234", 0); /* １,２３４ */
    assert_printed("  1,234  ", "1234", 0);
    assert_printed("\xE3\x80\x80" "1,234\xE3\x80\x80", "1234", 0); /* ideographic spaces */
    assert_printed(" \xE3\x80\x80 98.30 \xE3\x80\x80", "98.30", 2);
    assert_printed("12345", "12345", 0);
    assert_printed("007", "7", 0);
    assert_printed("-0", "0", 0);
    assert_printed("0.5", "0.5", 1);
    assert_printed("999", "999", 0);
    assert_printed("9,223,372,036,854,775,807", "9223372036854775807", 0);
    assert_printed("\xE2\x96\xB3" "9,223,372,036,854,775,808", "-9223372036854775808", 0);
    assert_printed_fails("9,223,372,036,854,775,808", HYOKA_ERANGE);
    assert_printed_fails("0.1234567890123456789", HYOKA_ERANGE);

    /* Full-width comma U+FF0C is not a separator. */
    assert_printed_fails("\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x8C\xEF\xBC\x93\xEF\xBC\x94\xEF\xBC\x95",
                         HYOKA_ESYNTAX);
    /* Badly placed separators. */
    assert_printed_fails("1,23", HYOKA_ESYNTAX);
    assert_printed_fails("12,3456", HYOKA_ESYNTAX);
    assert_printed_fails("1234,567", HYOKA_ESYNTAX);
    assert_printed_fails(",123", HYOKA_ESYNTAX);
    assert_printed_fails("1,,234", HYOKA_ESYNTAX);
    assert_printed_fails("1,234,", HYOKA_ESYNTAX);
    assert_printed_fails("1,234,56", HYOKA_ESYNTAX);
    assert_printed_fails("1,234.567,8", HYOKA_ESYNTAX);
    assert_printed_fails("1,234.", HYOKA_ESYNTAX);
    assert_printed_fails("0,123", HYOKA_ESYNTAX);
    assert_printed_fails("1,2345", HYOKA_ESYNTAX);
    /* Other syntax errors. */
    assert_printed_fails("", HYOKA_ESYNTAX);
    assert_printed_fails("   ", HYOKA_ESYNTAX);
    assert_printed_fails("\xE3\x80\x80", HYOKA_ESYNTAX);
    assert_printed_fails("-", HYOKA_ESYNTAX);
    assert_printed_fails("\xE2\x96\xB3", HYOKA_ESYNTAX);
    assert_printed_fails("\xE2\x96\xB3-1", HYOKA_ESYNTAX);
    assert_printed_fails("-\xE2\x96\xB3" "1", HYOKA_ESYNTAX);
    assert_printed_fails("1\xE2\x96\xB3", HYOKA_ESYNTAX);
    assert_printed_fails("1e5", HYOKA_ESYNTAX);
    assert_printed_fails(".5", HYOKA_ESYNTAX);
    assert_printed_fails("1 000", HYOKA_ESYNTAX);
    assert_printed_fails("\t1", HYOKA_ESYNTAX);
    assert_printed_fails("NaN", HYOKA_ESYNTAX);
    assert_printed_fails("1円", HYOKA_ESYNTAX);
    assert_non_null(strstr(hyoka_error_last(), "U+5186"));
    /* Invalid UTF-8 is an encoding error, wherever it is. */
    assert_printed_fails("\xFF" "1", HYOKA_EENCODING);
    assert_printed_fails("1\xE3\x80", HYOKA_EENCODING);
    assert_printed_fails("\xC0\xB1", HYOKA_EENCODING);
    assert_printed_fails("\xED\xA0\x80" "1", HYOKA_EENCODING);
    {
        hyoka_decimal d = sentinel();
        EXPECT_FAIL(HYOKA_ESYNTAX, hyoka_decimal_parse_printed("1\0" "2", 3, &d));
        assert_sentinel(&d);
        assert_int_equal(hyoka_decimal_parse_printed("16,627 and more", 6, &d), HYOKA_OK);
        assert_text(&d, "16627");
        EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_parse_printed(NULL, 1, &d));
        EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_parse_printed("1", 1, NULL));
    }
}

/* ------------------------------------------------------------------------ */
/* Construction, access, comparison                                          */

static void test_parts_and_accessors(void **state)
{
    hyoka_decimal d = sentinel(), zero = {{0, 0}};
    (void)state;

    assert_text(&zero, "0");
    assert_int_equal(hyoka_decimal_scale(&zero), 0);
    assert_int_equal(hyoka_decimal_sign(&zero), 0);

    EXPECT_FAIL(HYOKA_ERANGE, hyoka_decimal_from_parts(1, 19, &d));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_decimal_from_parts(1, -1, &d));
    assert_sentinel(&d);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_from_parts(1, 2, NULL));

    d = parts(INT64_MIN, 18);
    assert_int_equal(hyoka_decimal_coefficient(&d), INT64_MIN);
    assert_int_equal(hyoka_decimal_scale(&d), 18);
    assert_int_equal(hyoka_decimal_sign(&d), -1);
    assert_text(&d, "-9.223372036854775808");
    d = parts(12345, 0);
    assert_int_equal(hyoka_decimal_sign(&d), 1);

    d = hyoka_decimal_from_int(INT64_MIN);
    assert_text(&d, "-9223372036854775808");
    d = hyoka_decimal_from_int(INT64_MAX);
    assert_text(&d, "9223372036854775807");

    assert_int_equal(hyoka_decimal_coefficient(NULL), 0);
    assert_int_equal(hyoka_decimal_scale(NULL), 0);
    assert_int_equal(hyoka_decimal_sign(NULL), 0);
}

static void test_cmp_and_identical(void **state)
{
    hyoka_decimal a = parse("1.50"), b = parse("1.5"), c = parse("1.50");
    hyoka_decimal max0 = parts(INT64_MAX, 0), max18 = parts(INT64_MAX, 18), min0 = parts(INT64_MIN, 0);
    hyoka_decimal min18 = parts(INT64_MIN, 18);
    (void)state;

    assert_int_equal(hyoka_decimal_cmp(&a, &b), 0);
    assert_false(hyoka_decimal_identical(&a, &b));
    assert_true(hyoka_decimal_identical(&a, &c));
    assert_int_equal(hyoka_decimal_cmp(&max0, &max18), 1);
    assert_int_equal(hyoka_decimal_cmp(&max18, &max0), -1);
    assert_int_equal(hyoka_decimal_cmp(&min0, &min18), -1);
    assert_int_equal(hyoka_decimal_cmp(&min18, &min0), 1);
    assert_int_equal(hyoka_decimal_cmp(&min0, &max0), -1);
    assert_int_equal(hyoka_decimal_cmp(&max0, &max0), 0);
    a = parse("-0.001");
    b = parse("0");
    assert_int_equal(hyoka_decimal_cmp(&a, &b), -1);
    a = parse("0.000");
    assert_int_equal(hyoka_decimal_cmp(&a, &b), 0);
    assert_false(hyoka_decimal_identical(&a, &b));
    a = parse("2.000000000000000001");
    b = parse("2");
    assert_int_equal(hyoka_decimal_cmp(&a, &b), 1);

    /* NULL sorts first. */
    assert_int_equal(hyoka_decimal_cmp(NULL, &min0), -1);
    assert_int_equal(hyoka_decimal_cmp(&min0, NULL), 1);
    assert_int_equal(hyoka_decimal_cmp(NULL, NULL), 0);
    assert_false(hyoka_decimal_identical(NULL, &min0));
    assert_false(hyoka_decimal_identical(&min0, NULL));
}

/* ------------------------------------------------------------------------ */
/* Arithmetic                                                                */

static void test_add_sub(void **state)
{
    hyoka_decimal a, b, r, s;
    (void)state;

    a = parse("1.5");
    b = parse("0.25");
    assert_int_equal(hyoka_decimal_add(&a, &b, &r), HYOKA_OK);
    assert_text(&r, "1.75");
    assert_int_equal(hyoka_decimal_sub(&a, &b, &r), HYOKA_OK);
    assert_text(&r, "1.25");
    a = parse("1.50");
    b = parse("1");
    assert_int_equal(hyoka_decimal_add(&a, &b, &r), HYOKA_OK);
    assert_text(&r, "2.50");
    a = parse("0.1");
    b = parse("0.3");
    assert_int_equal(hyoka_decimal_sub(&a, &b, &r), HYOKA_OK);
    assert_text(&r, "-0.2");
    a = parse("0.30");
    b = parse("-0.3");
    assert_int_equal(hyoka_decimal_add(&a, &b, &r), HYOKA_OK);
    assert_text(&r, "0.00");

    /* Aligning may leave 64 bits while the exact result fits. */
    a = parse("922337203685477581");
    b = parse("-0.3");
    assert_int_equal(hyoka_decimal_add(&a, &b, &r), HYOKA_OK);
    assert_text(&r, "922337203685477580.7");

    /* Overflow leaves the output unchanged. */
    a = parts(INT64_MAX, 0);
    b = hyoka_decimal_from_int(1);
    r = sentinel();
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_decimal_add(&a, &b, &r));
    assert_sentinel(&r);
    a = parts(INT64_MIN, 0);
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_decimal_sub(&a, &b, &r));
    assert_sentinel(&r);
    s = hyoka_decimal_from_int(0);
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_decimal_sub(&s, &a, &r));
    assert_sentinel(&r);
    assert_int_equal(hyoka_decimal_add(&a, &s, &r), HYOKA_OK);
    assert_text(&r, "-9223372036854775808");
    a = parts(INT64_MAX, 0);
    b = parse("0.1");
    r = sentinel();
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_decimal_add(&a, &b, &r));
    assert_sentinel(&r);
    a = parts(INT64_MAX, 18);
    b = parts(INT64_MIN, 18);
    assert_int_equal(hyoka_decimal_add(&a, &b, &r), HYOKA_OK);
    assert_text(&r, "-0.000000000000000001");
}

static void test_mul(void **state)
{
    hyoka_decimal a, b, r;
    (void)state;

    a = parse("1.5");
    b = parse("1.5");
    assert_int_equal(hyoka_decimal_mul(&a, &b, &r), HYOKA_OK);
    assert_text(&r, "2.25");
    a = parse("-0.30");
    b = parse("8400000");
    assert_int_equal(hyoka_decimal_mul(&a, &b, &r), HYOKA_OK);
    assert_text(&r, "-2520000.00");

    /* Scale above 18: trailing zeros dropped. */
    a = parse("0.1000000000");
    b = parse("0.100000000");
    assert_int_equal(hyoka_decimal_mul(&a, &b, &r), HYOKA_OK);
    assert_text(&r, "0.010000000000000000");
    a = parse("0.000000000000000000");
    assert_int_equal(hyoka_decimal_mul(&a, &a, &r), HYOKA_OK);
    assert_text(&r, "0.000000000000000000");
    /* Coefficient beyond 64 bits: trailing zeros dropped. */
    a = parse("92233720368547758.00");
    b = parse("1.00");
    assert_int_equal(hyoka_decimal_mul(&a, &b, &r), HYOKA_OK);
    assert_text(&r, "92233720368547758.00");
    b = parse("-0.10");
    assert_int_equal(hyoka_decimal_mul(&a, &b, &r), HYOKA_OK);
    assert_text(&r, "-9223372036854775.800");
    a = parts(INT64_MIN, 0);
    b = hyoka_decimal_from_int(1);
    assert_int_equal(hyoka_decimal_mul(&a, &b, &r), HYOKA_OK);
    assert_text(&r, "-9223372036854775808");

    /* What cannot be held exactly. */
    r = sentinel();
    a = parse("0.0000000001");
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_decimal_mul(&a, &a, &r));
    assert_sentinel(&r);
    a = parts(INT64_MAX, 0);
    b = hyoka_decimal_from_int(2);
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_decimal_mul(&a, &b, &r));
    assert_sentinel(&r);
    a = parts(INT64_MIN, 0);
    b = hyoka_decimal_from_int(-1);
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_decimal_mul(&a, &b, &r));
    assert_sentinel(&r);
    a = parse("4294967296");
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_decimal_mul(&a, &a, &r));
    assert_sentinel(&r);
    a = parse("3037000499.97604969");
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_decimal_mul(&a, &a, &r));
    assert_sentinel(&r);
    a = parse("3037000499");
    assert_int_equal(hyoka_decimal_mul(&a, &a, &r), HYOKA_OK);
    assert_text(&r, "9223372030926249001");
}

static void test_div(void **state)
{
    hyoka_decimal a, b, r;
    (void)state;

    assert_div("1", "3", 18, HYOKA_ROUND_HALF_UP, "0.333333333333333333");
    assert_div("2", "3", 18, HYOKA_ROUND_HALF_UP, "0.666666666666666667");
    assert_div("2", "3", 18, HYOKA_ROUND_DOWN, "0.666666666666666666");
    assert_div("-1", "3", 2, HYOKA_ROUND_FLOOR, "-0.34");
    assert_div("-1", "3", 2, HYOKA_ROUND_CEILING, "-0.33");
    assert_div("1.5", "0.25", 0, HYOKA_ROUND_HALF_UP, "6");
    assert_div("0.000000000000000001", "3", 18, HYOKA_ROUND_HALF_UP, "0.000000000000000000");
    assert_div("-0.000000000000000001", "3", 18, HYOKA_ROUND_HALF_UP, "0.000000000000000000");
    assert_div("-0.000000000000000001", "3", 18, HYOKA_ROUND_UP, "-0.000000000000000001");
    assert_div("1", "-9223372036854775808", 18, HYOKA_ROUND_HALF_UP, "0.000000000000000000");
    assert_div("1", "-9223372036854775808", 18, HYOKA_ROUND_FLOOR, "-0.000000000000000001");
    assert_div("9.223372036854775807", "9223372036854775807", 18, HYOKA_ROUND_HALF_UP, "0.000000000000000001");
    assert_div("9223372036854775807", "9.223372036854775807", 0, HYOKA_ROUND_HALF_UP, "1000000000000000000");
    assert_div("9.223372036854775807", "9.223372036854775807", 18, HYOKA_ROUND_HALF_UP, "1.000000000000000000");
    assert_div("-9223372036854775808", "1", 0, HYOKA_ROUND_HALF_UP, "-9223372036854775808");
    assert_div("9223372036854775807", "1", 0, HYOKA_ROUND_UP, "9223372036854775807");
    assert_div("-9223372036854775808", "-2", 0, HYOKA_ROUND_UP, "4611686018427387904");
    assert_div("9223372036854775807", "2", 0, HYOKA_ROUND_HALF_UP, "4611686018427387904");
    assert_div("9223372036854775807", "2", 0, HYOKA_ROUND_HALF_EVEN, "4611686018427387904");
    assert_div("9223372036854775805", "2", 0, HYOKA_ROUND_HALF_EVEN, "4611686018427387902");
    assert_div("0", "-7", 3, HYOKA_ROUND_FLOOR, "0.000");
    assert_div("0.0000000001", "0.0000000003", 18, HYOKA_ROUND_HALF_UP, "0.333333333333333333");

    r = sentinel();
    a = parse("1");
    b = parse("0.00");
    EXPECT_FAIL(HYOKA_EDIVZERO, hyoka_decimal_div(&a, &b, 1, HYOKA_ROUND_HALF_UP, &r));
    b = parse("0");
    EXPECT_FAIL(HYOKA_EDIVZERO, hyoka_decimal_div(&b, &b, 1, HYOKA_ROUND_HALF_UP, &r));
    a = parts(INT64_MIN, 0);
    b = hyoka_decimal_from_int(-1);
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_decimal_div(&a, &b, 0, HYOKA_ROUND_HALF_UP, &r));
    b = hyoka_decimal_from_int(1);
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_decimal_div(&a, &b, 1, HYOKA_ROUND_HALF_UP, &r));
    a = parts(INT64_MAX, 0);
    b = parts(1, 18);
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_decimal_div(&a, &b, 18, HYOKA_ROUND_HALF_UP, &r));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_decimal_div(&a, &b, 0, HYOKA_ROUND_DOWN, &r));
    /* Rounding up past the largest coefficient. */
    a = parse("9223372036854775798");
    b = parse("0.999999999999999999");
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_decimal_div(&a, &b, 0, HYOKA_ROUND_UP, &r));
    assert_sentinel(&r);
    assert_int_equal(hyoka_decimal_div(&a, &b, 0, HYOKA_ROUND_HALF_UP, &r), HYOKA_OK);
    assert_text(&r, "9223372036854775807");
    /* The negative side holds one more. */
    a = parse("-9223372036854775798");
    assert_int_equal(hyoka_decimal_div(&a, &b, 0, HYOKA_ROUND_UP, &r), HYOKA_OK);
    assert_text(&r, "-9223372036854775808");
    a = parse("4611686018427387904");
    b = parse("0.5");
    r = sentinel();
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_decimal_div(&a, &b, 0, HYOKA_ROUND_HALF_UP, &r));
    assert_sentinel(&r);
    b = parse("-0.5");
    assert_int_equal(hyoka_decimal_div(&a, &b, 0, HYOKA_ROUND_HALF_UP, &r), HYOKA_OK);
    assert_text(&r, "-9223372036854775808");
    r = sentinel();
    b = hyoka_decimal_from_int(1);
    /* Bad places and modes. */
    a = hyoka_decimal_from_int(1);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_div(&a, &b, -1, HYOKA_ROUND_HALF_UP, &r));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_div(&a, &b, 19, HYOKA_ROUND_HALF_UP, &r));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_div(&a, &b, 1, 6, &r));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_div(&a, &b, 1, -1, &r));
    assert_sentinel(&r);
}

static void test_round_and_to_int(void **state)
{
    hyoka_decimal a, r;
    int64_t v = 77;
    (void)state;

    assert_round("2.5", 2, HYOKA_ROUND_HALF_UP, "2.50");
    assert_round("0", 18, HYOKA_ROUND_HALF_UP, "0.000000000000000000");
    assert_round("9.223372036854775807", 18, HYOKA_ROUND_UP, "9.223372036854775807");
    assert_round("-9223372036854775808", 0, HYOKA_ROUND_UP, "-9223372036854775808");
    assert_round("-9.223372036854775808", 0, HYOKA_ROUND_FLOOR, "-10");
    assert_round("9.223372036854775807", 0, HYOKA_ROUND_CEILING, "10");
    assert_round("98.25", 1, HYOKA_ROUND_HALF_UP, "98.3");
    assert_round("98.25", 1, HYOKA_ROUND_HALF_EVEN, "98.2");

    r = sentinel();
    a = parts(INT64_MAX, 0);
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_decimal_round(&a, 1, HYOKA_ROUND_HALF_UP, &r));
    assert_round("1", 18, HYOKA_ROUND_HALF_UP, "1.000000000000000000");
    a = parse("10");
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_decimal_round(&a, 18, HYOKA_ROUND_HALF_UP, &r));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_round(&a, 19, HYOKA_ROUND_HALF_UP, &r));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_round(&a, -1, HYOKA_ROUND_HALF_UP, &r));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_round(&a, 0, 42, &r));
    assert_sentinel(&r);

    a = parse("-0.5");
    assert_int_equal(hyoka_decimal_to_int(&a, HYOKA_ROUND_HALF_UP, &v), HYOKA_OK);
    assert_int_equal(v, -1);
    a = parse("-0.5");
    assert_int_equal(hyoka_decimal_to_int(&a, HYOKA_ROUND_DOWN, &v), HYOKA_OK);
    assert_int_equal(v, 0);
    a = parts(INT64_MIN, 0);
    assert_int_equal(hyoka_decimal_to_int(&a, HYOKA_ROUND_UP, &v), HYOKA_OK);
    assert_int_equal(v, INT64_MIN);
    a = parts(INT64_MAX, 1);
    assert_int_equal(hyoka_decimal_to_int(&a, HYOKA_ROUND_UP, &v), HYOKA_OK);
    assert_int_equal(v, INT64_C(922337203685477581));
    v = 77;
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_to_int(&a, 6, &v));
    assert_int_equal(v, 77);

    a = parse("0.5");
    assert_true(hyoka_decimal_to_double(&a) == 0.5);
    a = parse("-98.3");
    assert_true(hyoka_decimal_to_double(&a) > -98.31 && hyoka_decimal_to_double(&a) < -98.29);
    a = parts(INT64_MIN, 18);
    assert_true(hyoka_decimal_to_double(&a) < -9.22 && hyoka_decimal_to_double(&a) > -9.23);
    assert_true(hyoka_decimal_to_double(NULL) == 0.0);
}

/* ------------------------------------------------------------------------ */
/* Formatting                                                                */

static void test_format(void **state)
{
    hyoka_decimal d;
    char buf[HYOKA_DECIMAL_STRING_MAX];
    size_t len = 0;
    (void)state;

    d = parse("-1234567.89");
    assert_grouped(&d, "-1,234,567.89");
    d = parse("1234");
    assert_grouped(&d, "1,234");
    d = parse("123");
    assert_grouped(&d, "123");
    d = parse("123456");
    assert_grouped(&d, "123,456");
    d = parse("0.000001");
    assert_grouped(&d, "0.000001");
    d = parse("-100000.5");
    assert_grouped(&d, "-100,000.5");
    d = parts(INT64_MIN, 0);
    assert_grouped(&d, "-9,223,372,036,854,775,808");
    d = parts(INT64_MAX, 0);
    assert_grouped(&d, "9,223,372,036,854,775,807");
    d = parts(INT64_MIN, 18);
    assert_grouped(&d, "-9.223372036854775808");
    d = parts(-5, 18);
    assert_text(&d, "-0.000000000000000005");
    d = parts(0, 2);
    assert_text(&d, "0.00");

    /* Buffer too small: ERANGE, needed length, empty string. */
    d = parse("-1234567.89");
    memset(buf, 'x', sizeof buf);
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_decimal_format(&d, HYOKA_DECIMAL_FMT_GROUPING, buf, 13, &len));
    assert_int_equal(len, 13);
    assert_int_equal(buf[0], '\0');
    assert_int_equal(hyoka_decimal_format(&d, HYOKA_DECIMAL_FMT_GROUPING, buf, 14, &len), HYOKA_OK);
    assert_string_equal(buf, "-1,234,567.89");
    len = 0;
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_decimal_format(&d, 0, NULL, 0, &len));
    assert_int_equal(len, 11);
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_decimal_format(&d, 0, buf, 1, NULL));
    assert_int_equal(buf[0], '\0');
    assert_int_equal(hyoka_decimal_format(&d, 0, buf, sizeof buf, NULL), HYOKA_OK);

    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_format(NULL, 0, buf, sizeof buf, &len));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_format(&d, 0, NULL, 5, &len));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_format(&d, 0x2u, buf, sizeof buf, &len));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_format(&d, 0x80000000u, buf, sizeof buf, &len));

    /* HYOKA_DECIMAL_STRING_MAX is enough for every extreme. */
    assert_int_equal(hyoka_limit(HYOKA_LIMIT_DECIMAL_STRING_MAX), HYOKA_DECIMAL_STRING_MAX);
    assert_int_equal(hyoka_limit(HYOKA_LIMIT_DECIMAL_MAX_SCALE), HYOKA_DECIMAL_MAX_SCALE);
    for (int s = 0; s <= HYOKA_DECIMAL_MAX_SCALE; s++) {
        static const int64_t coefs[] = {INT64_MIN, INT64_MAX, 0, -1, 1};
        for (size_t i = 0; i < sizeof coefs / sizeof coefs[0]; i++) {
            for (unsigned f = 0; f <= HYOKA_DECIMAL_FMT_GROUPING; f++) {
                d = parts(coefs[i], s);
                assert_int_equal(hyoka_decimal_format(&d, f, buf, sizeof buf, &len), HYOKA_OK);
                assert_true(len < HYOKA_DECIMAL_STRING_MAX);
                assert_int_equal(strlen(buf), len);
            }
        }
    }
}

/* ------------------------------------------------------------------------ */
/* NULL arguments everywhere                                                 */

static void test_null_arguments(void **state)
{
    hyoka_decimal a = hyoka_decimal_from_int(1), r = sentinel();
    int64_t v = 5;
    (void)state;

    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_parse(NULL, 1, &r));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_parse("1", 1, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_parse(NULL, HYOKA_NTS, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_add(NULL, &a, &r));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_add(&a, NULL, &r));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_add(&a, &a, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_sub(NULL, &a, &r));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_sub(&a, NULL, &r));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_sub(&a, &a, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_mul(NULL, &a, &r));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_mul(&a, NULL, &r));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_mul(&a, &a, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_div(NULL, &a, 0, 0, &r));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_div(&a, NULL, 0, 0, &r));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_div(&a, &a, 0, 0, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_round(NULL, 0, 0, &r));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_round(&a, 0, 0, NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_to_int(NULL, 0, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_to_int(&a, 0, NULL));
    assert_sentinel(&r);
    assert_int_equal(v, 5);
}

/* A garbage value (as an FFI caller might build) is refused, not read out
 * of bounds. */
static void test_invalid_values(void **state)
{
    hyoka_decimal bad, one = hyoka_decimal_from_int(1), r = sentinel();
    char buf[HYOKA_DECIMAL_STRING_MAX];
    int64_t v = 3;
    (void)state;

    memset(&bad, 0x7F, sizeof bad);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_add(&bad, &one, &r));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_mul(&one, &bad, &r));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_div(&one, &bad, 2, 0, &r));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_round(&bad, 2, 0, &r));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_to_int(&bad, 0, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_decimal_format(&bad, 0, buf, sizeof buf, NULL));
    assert_sentinel(&r);
    assert_int_equal(v, 3);
    assert_int_equal(hyoka_decimal_cmp(&bad, &one), -1);
    assert_true(hyoka_decimal_to_double(&bad) == 0.0);
}

/* ------------------------------------------------------------------------ */
/* Properties against integer references                                     */

static void test_property_div(void **state)
{
    long checked = 0;
    (void)state;

    for (int64_t ca = -250; ca <= 250; ca += 7) {
        for (int sa = 0; sa <= 2; sa++) {
            hyoka_decimal a = parts(ca, sa);
            for (int64_t cb = -24; cb <= 24; cb++) {
                if (cb == 0)
                    continue;
                for (int sb = 0; sb <= 2; sb++) {
                    hyoka_decimal b = parts(cb, sb);
                    for (int p = 0; p <= 3; p++) {
                        /* a / b × 10^p = ca × 10^(sb + p) / (cb × 10^sa) */
                        int64_t num = ca * ipow10(sb + p), den = cb * ipow10(sa);
                        for (int m = 0; m < MODES; m++) {
                            hyoka_decimal q, want = parts(ref_round(num, den, m), p);
                            assert_int_equal(hyoka_decimal_div(&a, &b, p, m, &q), HYOKA_OK);
                            if (!hyoka_decimal_identical(&q, &want))
                                fail_msg("%" PRId64 "e-%d / %" PRId64 "e-%d at %d (%s): got %" PRId64
                                         "e-%d, want %" PRId64 "e-%d",
                                         ca, sa, cb, sb, p, hyoka_rounding_name(m), hyoka_decimal_coefficient(&q),
                                         hyoka_decimal_scale(&q), hyoka_decimal_coefficient(&want), p);
                            checked++;
                        }
                    }
                }
            }
        }
    }
    assert_true(checked > 100000);
}

static void test_property_round(void **state)
{
    (void)state;
    for (int64_t ca = -2000; ca <= 2000; ca += 3) {
        for (int sa = 0; sa <= 4; sa++) {
            hyoka_decimal a = parts(ca, sa);
            for (int p = 0; p <= 6; p++) {
                for (int m = 0; m < MODES; m++) {
                    hyoka_decimal r, want;
                    int64_t v;
                    /* a at p places = ca × 10^p / 10^sa */
                    want = parts(ref_round(ca * ipow10(p), ipow10(sa), m), p);
                    assert_int_equal(hyoka_decimal_round(&a, p, m, &r), HYOKA_OK);
                    assert_true(hyoka_decimal_identical(&r, &want));
                    if (p == 0) {
                        assert_int_equal(hyoka_decimal_to_int(&a, m, &v), HYOKA_OK);
                        assert_int_equal(v, ref_round(ca, ipow10(sa), m));
                    }
                }
            }
        }
    }
}

static void test_property_add_mul_cmp(void **state)
{
    (void)state;
    for (int64_t ca = -300; ca <= 300; ca += 11) {
        for (int sa = 0; sa <= 3; sa++) {
            hyoka_decimal a = parts(ca, sa);
            for (int64_t cb = -300; cb <= 300; cb += 13) {
                for (int sb = 0; sb <= 3; sb++) {
                    hyoka_decimal b = parts(cb, sb), r, want;
                    int s = sa > sb ? sa : sb;
                    int64_t x = ca * ipow10(s - sa), y = cb * ipow10(s - sb);

                    assert_int_equal(hyoka_decimal_add(&a, &b, &r), HYOKA_OK);
                    want = parts(x + y, s);
                    assert_true(hyoka_decimal_identical(&r, &want));
                    assert_int_equal(hyoka_decimal_sub(&a, &b, &r), HYOKA_OK);
                    want = parts(x - y, s);
                    assert_true(hyoka_decimal_identical(&r, &want));
                    assert_int_equal(hyoka_decimal_mul(&a, &b, &r), HYOKA_OK);
                    want = parts(ca * cb, sa + sb);
                    assert_true(hyoka_decimal_identical(&r, &want));
                    assert_int_equal(hyoka_decimal_cmp(&a, &b), (x > y) - (x < y));
                    assert_int_equal(hyoka_decimal_cmp(&b, &a), (y > x) - (y < x));
                }
            }
        }
    }
}

/* Formatting then parsing gives the same value and scale, with and without
 * grouping, over pseudo-random coefficients of every size. */
static void test_property_format_parse(void **state)
{
    uint64_t x = UINT64_C(0x9E3779B97F4A7C15);
    (void)state;

    for (int i = 0; i < 20000; i++) {
        char buf[HYOKA_DECIMAL_STRING_MAX];
        hyoka_decimal d, back;
        int64_t coef;
        int s;

        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        /* Vary the magnitude: keep a random number of low bits. */
        coef = (int64_t)(x >> (x % 64));
        if (x & 0x100u)
            coef = -coef;
        if (i < 4)
            coef = i == 0 ? INT64_MIN : i == 1 ? INT64_MAX : i == 2 ? 0 : -1;
        s = (int)((x >> 20) % (HYOKA_DECIMAL_MAX_SCALE + 1));
        d = parts(coef, s);

        assert_int_equal(hyoka_decimal_format(&d, 0, buf, sizeof buf, NULL), HYOKA_OK);
        assert_int_equal(hyoka_decimal_parse(buf, HYOKA_NTS, &back), HYOKA_OK);
        assert_true(hyoka_decimal_identical(&d, &back));
        assert_int_equal(hyoka_decimal_parse_printed(buf, HYOKA_NTS, &back), HYOKA_OK);
        assert_true(hyoka_decimal_identical(&d, &back));

        assert_int_equal(hyoka_decimal_format(&d, HYOKA_DECIMAL_FMT_GROUPING, buf, sizeof buf, NULL), HYOKA_OK);
        assert_int_equal(hyoka_decimal_parse_printed(buf, HYOKA_NTS, &back), HYOKA_OK);
        assert_true(hyoka_decimal_identical(&d, &back));
    }
}

/* Division against a long division done here, one digit at a time, on
 * operands of every size and scale and at every number of places: the
 * quotient truncated (down), away from zero when a remainder is left (up),
 * and to nearest (half_up); ERANGE exactly when the magnitude passes 2^63. */
__extension__ typedef unsigned __int128 test_u128;

static void test_div_against_long_division(void **state)
{
    uint64_t seed = 0x2545F4914F6CDD1Du;
    (void)state;

    for (int i = 0; i < 200000; i++) {
        hyoka_decimal a, b, out;
        int64_t ca, cb;
        int sa, sb, places, s, mode;
        test_u128 n, d, q = 0, r, limit = (test_u128)1 << 63, want;
        int neg, over = 0;
        seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
        ca = (int64_t)(seed >> (1 + seed % 63));
        seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
        cb = (int64_t)(seed >> (1 + seed % 63));
        if (cb == 0)
            cb = 7;
        if (seed & 1u)
            ca = -ca;
        if (seed & 2u)
            cb = -cb;
        sa = (int)((seed >> 8) % 19u);
        sb = (int)((seed >> 16) % 19u);
        places = (int)((seed >> 24) % 19u);
        mode = (int)((seed >> 32) % 3u); /* half_up, down, up */
        assert_int_equal(hyoka_decimal_from_parts(ca, sa, &a), HYOKA_OK);
        assert_int_equal(hyoka_decimal_from_parts(cb, sb, &b), HYOKA_OK);
        s = sa > sb ? sa : sb;
        n = (test_u128)(ca < 0 ? -(uint64_t)ca : (uint64_t)ca);
        d = (test_u128)(cb < 0 ? -(uint64_t)cb : (uint64_t)cb);
        for (int k = sa; k < s; k++)
            n *= 10u;
        for (int k = sb; k < s; k++)
            d *= 10u;
        q = n / d;
        r = n % d;
        over = q > limit;
        for (int k = 0; k < places && !over; k++) {
            r *= 10u;
            q = q * 10u + r / d;
            r %= d;
            over = q > limit;
        }
        neg = (ca < 0) != (cb < 0);
        want = q + (mode == HYOKA_ROUND_UP ? r != 0 : mode == HYOKA_ROUND_HALF_UP ? 2 * r >= d : 0);
        if (over || want > (neg ? limit : limit - 1)) {
            assert_int_equal(hyoka_decimal_div(&a, &b, places, mode, &out), HYOKA_ERANGE);
            continue;
        }
        assert_int_equal(hyoka_decimal_div(&a, &b, places, mode, &out), HYOKA_OK);
        assert_int_equal(hyoka_decimal_scale(&out), places);
        if (neg)
            assert_true((uint64_t)0 - (uint64_t)hyoka_decimal_coefficient(&out) == (uint64_t)want);
        else
            assert_true((uint64_t)hyoka_decimal_coefficient(&out) == (uint64_t)want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sheet_figures),
        cmocka_unit_test(test_div_against_long_division),
        cmocka_unit_test(test_rounding_table),
        cmocka_unit_test(test_rounding_through_div_and_to_int),
        cmocka_unit_test(test_half_even),
        cmocka_unit_test(test_rounding_names),
        cmocka_unit_test(test_parse_keeps_written_places),
        cmocka_unit_test(test_parse_exponent),
        cmocka_unit_test(test_parse_syntax_errors),
        cmocka_unit_test(test_parse_limits),
        cmocka_unit_test(test_parse_printed),
        cmocka_unit_test(test_parts_and_accessors),
        cmocka_unit_test(test_cmp_and_identical),
        cmocka_unit_test(test_add_sub),
        cmocka_unit_test(test_mul),
        cmocka_unit_test(test_div),
        cmocka_unit_test(test_round_and_to_int),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_null_arguments),
        cmocka_unit_test(test_invalid_values),
        cmocka_unit_test(test_property_div),
        cmocka_unit_test(test_property_round),
        cmocka_unit_test(test_property_add_mul_cmp),
        cmocka_unit_test(test_property_format_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
