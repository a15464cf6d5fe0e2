/* Tests of calendar.h: eras, fiscal years and dates, through the public API. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

#define FMT_ALL                                                                                  \
    (HYOKA_CAL_FMT_STRICT | HYOKA_CAL_FMT_NUMERIC_FIRST | HYOKA_CAL_FMT_ABBREV |                 \
     HYOKA_CAL_FMT_WESTERN | HYOKA_CAL_FMT_FULLWIDTH | HYOKA_CAL_FMT_NO_SUFFIX)

/* A tiny UTF-8 checker, so that error messages can be checked as text. */
static int utf8_ok(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n;
        if (*p < 0x80)
            n = 0;
        else if ((*p & 0xE0) == 0xC0)
            n = 1;
        else if ((*p & 0xF0) == 0xE0)
            n = 2;
        else if ((*p & 0xF8) == 0xF0)
            n = 3;
        else
            return 0;
        p++;
        for (int i = 0; i < n; i++, p++)
            if ((*p & 0xC0) != 0x80)
                return 0;
    }
    return 1;
}

/* The last failure must be recorded with its code and a message. */
static void check_failure(int rc, int want)
{
    assert_int_equal(rc, want);
    assert_int_equal(hyoka_error_last_code(), want);
    assert_true(hyoka_error_last()[0] != '\0');
    assert_true(utf8_ok(hyoka_error_last()));
}

#define EXPECT_FAIL(call, code)                                                                  \
    do {                                                                                         \
        hyoka_error_clear();                                                                     \
        check_failure((call), (code));                                                           \
    } while (0)

static int32_t parse_fy(const char *s, unsigned *flags)
{
    int32_t y = -1;
    unsigned f = 0xFFu;
    int rc = hyoka_fiscal_year_parse(s, HYOKA_NTS, &y, &f);
    if (rc != HYOKA_OK)
        fail_msg("fiscal year \"%s\": %s (%s)", s, hyoka_status_name(rc), hyoka_error_last());
    if (flags)
        *flags = f;
    return y;
}

static int32_t parse_date(const char *s, unsigned *flags)
{
    int32_t d = -1;
    unsigned f = 0xFFu;
    int rc = hyoka_date_parse(s, HYOKA_NTS, &d, &f);
    if (rc != HYOKA_OK)
        fail_msg("date \"%s\": %s (%s)", s, hyoka_status_name(rc), hyoka_error_last());
    if (flags)
        *flags = f;
    return d;
}

/* ------------------------------------------------------------------ */

static void test_eras(void **state)
{
    static const struct {
        int era;
        const char *name, *letter;
        int32_t start;
    } t[] = {
        {HYOKA_ERA_MEIJI, "明治", "M", 18680125}, {HYOKA_ERA_TAISHO, "大正", "T", 19120730},
        {HYOKA_ERA_SHOWA, "昭和", "S", 19261225}, {HYOKA_ERA_HEISEI, "平成", "H", 19890108},
        {HYOKA_ERA_REIWA, "令和", "R", 20190501},
    };
    int32_t d = 0;
    (void)state;
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        assert_string_equal(hyoka_era_name(t[i].era), t[i].name);
        assert_string_equal(hyoka_era_letter(t[i].era), t[i].letter);
        assert_int_equal(hyoka_era_start(t[i].era, &d), HYOKA_OK);
        assert_int_equal(d, t[i].start);
    }
    assert_string_equal(hyoka_era_name(HYOKA_ERA_NONE), "");
    hyoka_error_clear();
    assert_null(hyoka_era_name(6));
    check_failure(hyoka_error_last_code(), HYOKA_EINVAL);
    hyoka_error_clear();
    assert_null(hyoka_era_name(-1));
    check_failure(hyoka_error_last_code(), HYOKA_EINVAL);
    hyoka_error_clear();
    assert_null(hyoka_era_letter(HYOKA_ERA_NONE));
    check_failure(hyoka_error_last_code(), HYOKA_EINVAL);
    hyoka_error_clear();
    assert_null(hyoka_era_letter(6));
    check_failure(hyoka_error_last_code(), HYOKA_EINVAL);
    d = 42;
    EXPECT_FAIL(hyoka_era_start(HYOKA_ERA_NONE, &d), HYOKA_EINVAL);
    EXPECT_FAIL(hyoka_era_start(6, &d), HYOKA_EINVAL);
    EXPECT_FAIL(hyoka_era_start(-1, &d), HYOKA_EINVAL);
    EXPECT_FAIL(hyoka_era_start(HYOKA_ERA_HEISEI, NULL), HYOKA_EINVAL);
    assert_int_equal(d, 42);
}

/* ------------------------------------------------------------------ */
/* Fiscal year: parsing                                                */

static void test_fiscal_year_parse_valid(void **state)
{
    static const unsigned E = HYOKA_CAL_ERA_NOTATION, P = HYOKA_CAL_PAST_ERA_END;
    static const struct {
        const char *text;
        int32_t year;
        unsigned flags;
    } t[] = {
        {"平成31年度", 2019, E},
        {"令和元年度", 2019, E},
        {"令和1年度", 2019, E},
        {"平成32年度", 2020, E | P},
        {"昭和64年度", 1989, E | P},
        {"昭和63年度", 1988, E},
        {"平成元年度", 1989, E},
        {"大正15年度", 1926, E},
        {"昭和元年度", 1926, E},
        {"大正16年度", 1927, E | P},
        {"明治45年度", 1912, E},
        {"明治46年度", 1913, E | P},
        {"大正元年度", 1912, E},
        {"明治元年度", 1868, E},
        {"平成19年度", 2007, E},
        {"平成19年", 2007, E},
        {"平成19", 2007, E},
        {"平成 20 年度", 2008, E},
        {"平成 20 年 度", 2008, E},
        {"　平成　２０　年度　", 2008, E},
        {"\t平成20年度 ", 2008, E},
        {"平成十九年度", 2007, E},
        {"平成三十一年度", 2019, E},
        {"平成一九年度", 2007, E},
        {"令和五年度", 2023, E},
        {"H19", 2007, E},
        {"h19", 2007, E},
        {"Ｈ１９", 2007, E},
        {"ｈ19", 2007, E},
        {"H 18", 2006, E},
        {"H01", 1989, E},
        {"H19年度", 2007, E},
        {"R1", 2019, E},
        {"R元", 2019, E},
        {"R元年度", 2019, E},
        {"r6", 2024, E},
        {"S64", 1989, E | P},
        {"T15", 1926, E},
        {"M45", 1912, E},
        {"㍻19年度", 2007, E},
        {"㋿元年度", 2019, E},
        {"2024年度", 2024, 0},
        {"2024年", 2024, 0},
        {"2024", 2024, 0},
        {" 2024 ", 2024, 0},
        {"２００７年度", 2007, 0},
        {"二〇〇七年度", 2007, 0},
        {"二零零七年度", 2007, 0},
        {"二千七年度", 2007, 0},
        {"二千十九年度", 2019, 0},
        {"千九百八十九年", 1989, 0},
        {"2007", 2007, 0},
        {"1868", 1868, 0},
        {"9999", 9999, 0},
        {"令和7981年度", 9999, E},
    };
    (void)state;
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        unsigned f;
        int32_t y = parse_fy(t[i].text, &f);
        if (y != t[i].year || f != t[i].flags)
            fail_msg("\"%s\": got %d flags %u, want %d flags %u", t[i].text, (int)y, f, (int)t[i].year,
                     t[i].flags);
    }
}

static void test_fiscal_year_parse_flags_may_be_null(void **state)
{
    int32_t y = 0;
    (void)state;
    assert_int_equal(hyoka_fiscal_year_parse("平成32年度", HYOKA_NTS, &y, NULL), HYOKA_OK);
    assert_int_equal(y, 2020);
    /* An explicit length stops before the rest of the buffer. */
    assert_int_equal(hyoka_fiscal_year_parse("H19以前", 3, &y, NULL), HYOKA_OK);
    assert_int_equal(y, 2007);
    assert_int_equal(hyoka_fiscal_year_parse("2024年度", 4, &y, NULL), HYOKA_OK);
    assert_int_equal(y, 2024);
}

static void test_fiscal_year_parse_errors(void **state)
{
    static const struct {
        const char *text;
        int code;
    } t[] = {
        {"平成15年度以前", HYOKA_ESYNTAX},
        {"FY2024", HYOKA_ESYNTAX},
        {"ＦＹ2024", HYOKA_ESYNTAX},
        {"", HYOKA_ESYNTAX},
        {"   ", HYOKA_ESYNTAX},
        {"平成", HYOKA_ESYNTAX},
        {"H", HYOKA_ESYNTAX},
        {"1e3", HYOKA_ESYNTAX},
        {"年度", HYOKA_ESYNTAX},
        {"元年度", HYOKA_ESYNTAX},
        {"平成元元年度", HYOKA_ESYNTAX},
        {"平成1 9年度", HYOKA_ESYNTAX},
        {"平成19年度度", HYOKA_ESYNTAX},
        {"平成19度", HYOKA_ESYNTAX},
        {"平成十十年度", HYOKA_ESYNTAX},
        {"平成十百年度", HYOKA_ESYNTAX},
        {"平成二三十年度", HYOKA_ESYNTAX},
        {"平成二十〇年度", HYOKA_ESYNTAX},
        {"平成2十年度", HYOKA_ESYNTAX},
        {"平成H19", HYOKA_ESYNTAX},
        {"HH19", HYOKA_ESYNTAX},
        {"X19", HYOKA_ESYNTAX},
        {"-2024", HYOKA_ESYNTAX},
        {"+2024", HYOKA_ESYNTAX},
        {"2024.0", HYOKA_ESYNTAX},
        {"2,024", HYOKA_ESYNTAX},
        {"平 成19", HYOKA_ESYNTAX},
        {"28年度(実績)", HYOKA_ESYNTAX},
        {"平成0年度", HYOKA_ERANGE},
        {"H00", HYOKA_ERANGE},
        {"28年度", HYOKA_ERANGE},
        {"0", HYOKA_ERANGE},
        {"1867", HYOKA_ERANGE},
        {"10000年度", HYOKA_ERANGE},
        {"令和7982年度", HYOKA_ERANGE},
        {"令和99999999999999999999年度", HYOKA_ERANGE},
        {"99999999999999999999999999", HYOKA_ERANGE},
        {"明治9999", HYOKA_ERANGE},
    };
    (void)state;
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        int32_t y = 77;
        unsigned f = 77;
        int rc;
        hyoka_error_clear();
        rc = hyoka_fiscal_year_parse(t[i].text, HYOKA_NTS, &y, &f);
        if (rc != t[i].code)
            fail_msg("\"%s\": got %s, want %s", t[i].text, hyoka_status_name(rc), hyoka_status_name(t[i].code));
        check_failure(rc, t[i].code);
        assert_int_equal(y, 77);
        assert_int_equal(f, 77);
    }
}

static void test_fiscal_year_parse_bad_arguments(void **state)
{
    int32_t y = 5;
    static const char bad[][16] = {"\xff", "H\x80", "\xe5\xb9", "平成\xed\xa0\x80", "2024\xc0\xaf", "\xf5\x80\x80\x80"};
    (void)state;
    EXPECT_FAIL(hyoka_fiscal_year_parse(NULL, 0, &y, NULL), HYOKA_EINVAL);
    EXPECT_FAIL(hyoka_fiscal_year_parse(NULL, HYOKA_NTS, &y, NULL), HYOKA_EINVAL);
    EXPECT_FAIL(hyoka_fiscal_year_parse("2024", HYOKA_NTS, NULL, NULL), HYOKA_EINVAL);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        EXPECT_FAIL(hyoka_fiscal_year_parse(bad[i], HYOKA_NTS, &y, NULL), HYOKA_EENCODING);
    /* A NUL inside an explicit length is a character like any other. */
    EXPECT_FAIL(hyoka_fiscal_year_parse("2024\0", 5, &y, NULL), HYOKA_ESYNTAX);
    assert_int_equal(y, 5);
}

static void test_error_message_quotes_are_cut(void **state)
{
    char text[400];
    int32_t y;
    (void)state;
    /* Shift a long text of 3-byte characters so that the 40-byte cut of
     * the quote falls on every byte of a character. */
    for (size_t shift = 0; shift < 4; shift++) {
        size_t n = 0;
        memset(text, ' ', shift);
        n = shift;
        memcpy(text + n, "平成", 6);
        n += 6;
        while (n + 3 < sizeof text) {
            memcpy(text + n, "あ", 3);
            n += 3;
        }
        text[n] = '\0';
        EXPECT_FAIL(hyoka_fiscal_year_parse(text, n, &y, NULL), HYOKA_ESYNTAX);
        assert_true(strlen(hyoka_error_last()) < 120);
        assert_non_null(strstr(hyoka_error_last(), "平成"));
        assert_non_null(strstr(hyoka_error_last(), "..."));
        EXPECT_FAIL(hyoka_date_parse(text, HYOKA_NTS, &y, NULL), HYOKA_ESYNTAX);
        assert_true(strlen(hyoka_error_last()) < 120);
    }
    /* A short text is quoted whole. */
    EXPECT_FAIL(hyoka_fiscal_year_parse("平成15年度以前", HYOKA_NTS, &y, NULL), HYOKA_ESYNTAX);
    assert_non_null(strstr(hyoka_error_last(), "平成15年度以前"));
    assert_null(strstr(hyoka_error_last(), "..."));
}

/* ------------------------------------------------------------------ */
/* Kanji numerals: every value 1..9999 in both styles                  */

static const char *const kd[10] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

static void kanji_positional(int v, char *out)
{
    char tmp[64] = "";
    char digits[8];
    int n = snprintf(digits, sizeof digits, "%d", v);
    for (int i = 0; i < n; i++)
        strcat(tmp, kd[digits[i] - '0']);
    strcpy(out, tmp);
}

static void kanji_multiplied(int v, char *out)
{
    static const char *const mult[4] = {"千", "百", "十", ""};
    static const int unit[4] = {1000, 100, 10, 1};
    out[0] = '\0';
    for (int i = 0; i < 4; i++) {
        int d = v / unit[i] % 10;
        if (d == 0)
            continue;
        if (i == 3 || d > 1 || v >= 10000)
            strcat(out, kd[d]);
        strcat(out, mult[i]);
    }
}

static void test_kanji_numerals(void **state)
{
    char k[64], text[96];
    (void)state;
    for (int v = 1; v <= 9999; v++) {
        int32_t want = v >= 1868 ? v : 1988 + v; /* Western, or 平成 v */
        const char *prefix = v >= 1868 ? "" : "平成";
        if (v < 1868 && 1988 + v > 9999)
            continue;
        kanji_positional(v, k);
        snprintf(text, sizeof text, "%s%s年度", prefix, k);
        assert_int_equal(parse_fy(text, NULL), want);
        kanji_multiplied(v, k);
        snprintf(text, sizeof text, "%s%s年度", prefix, k);
        assert_int_equal(parse_fy(text, NULL), want);
    }
    /* 一 before a multiplier is allowed. */
    assert_int_equal(parse_fy("平成一十九年度", NULL), 2007);
    assert_int_equal(parse_fy("一千九百八十九", NULL), 1989);
}

/* ------------------------------------------------------------------ */
/* Fiscal year: eras                                                   */

static void test_fiscal_year_era_strict(void **state)
{
    /* The era of a fiscal year is that of its 1 April. */
    static const struct {
        int32_t fy;
        int era;
        int32_t year;
    } t[] = {
        {1868, HYOKA_ERA_MEIJI, 1},   {1911, HYOKA_ERA_MEIJI, 44},  {1912, HYOKA_ERA_MEIJI, 45},
        {1913, HYOKA_ERA_TAISHO, 2},  {1925, HYOKA_ERA_TAISHO, 14}, {1926, HYOKA_ERA_TAISHO, 15},
        {1927, HYOKA_ERA_SHOWA, 2},   {1988, HYOKA_ERA_SHOWA, 63},  {1989, HYOKA_ERA_HEISEI, 1},
        {1990, HYOKA_ERA_HEISEI, 2},  {2018, HYOKA_ERA_HEISEI, 30}, {2019, HYOKA_ERA_HEISEI, 31},
        {2020, HYOKA_ERA_REIWA, 2},   {2024, HYOKA_ERA_REIWA, 6},   {9999, HYOKA_ERA_REIWA, 7981},
    };
    (void)state;
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        int era = -1;
        int32_t y = -1;
        assert_int_equal(hyoka_fiscal_year_era(t[i].fy, HYOKA_CAL_FMT_STRICT, &era, &y), HYOKA_OK);
        if (era != t[i].era || y != t[i].year)
            fail_msg("FY%d strict: got era %d year %d", (int)t[i].fy, era, (int)y);
    }
}

static void test_fiscal_year_era_common(void **state)
{
    static const struct {
        int32_t fy;
        int era;
        int32_t year;
    } t[] = {
        {1868, HYOKA_ERA_MEIJI, 1},   {1911, HYOKA_ERA_MEIJI, 44},  {1912, HYOKA_ERA_TAISHO, 1},
        {1925, HYOKA_ERA_TAISHO, 14}, {1926, HYOKA_ERA_SHOWA, 1},   {1927, HYOKA_ERA_SHOWA, 2},
        {1988, HYOKA_ERA_SHOWA, 63},  {1989, HYOKA_ERA_HEISEI, 1},  {2018, HYOKA_ERA_HEISEI, 30},
        {2019, HYOKA_ERA_REIWA, 1},   {2020, HYOKA_ERA_REIWA, 2},   {9999, HYOKA_ERA_REIWA, 7981},
    };
    int era;
    int32_t y;
    (void)state;
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        era = -1;
        y = -1;
        assert_int_equal(hyoka_fiscal_year_era(t[i].fy, 0, &era, &y), HYOKA_OK);
        if (era != t[i].era || y != t[i].year)
            fail_msg("FY%d common: got era %d year %d", (int)t[i].fy, era, (int)y);
    }
    /* Other format flags are accepted and do not change the answer. */
    assert_int_equal(hyoka_fiscal_year_era(2019, HYOKA_CAL_FMT_ABBREV | HYOKA_CAL_FMT_FULLWIDTH, &era, &y), HYOKA_OK);
    assert_int_equal(era, HYOKA_ERA_REIWA);
    assert_int_equal(y, 1);
    EXPECT_FAIL(hyoka_fiscal_year_era(1867, 0, &era, &y), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_fiscal_year_era(10000, 0, &era, &y), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_fiscal_year_era(-5, 0, &era, &y), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_fiscal_year_era(2019, 0, NULL, &y), HYOKA_EINVAL);
    EXPECT_FAIL(hyoka_fiscal_year_era(2019, 0, &era, NULL), HYOKA_EINVAL);
    EXPECT_FAIL(hyoka_fiscal_year_era(2019, 0x1000u, &era, &y), HYOKA_EINVAL);
}

/* Strict and common agree on every year but those in which an era began
 * after 1 April, and both give era years that name the year back. */
static void test_fiscal_year_era_every_year(void **state)
{
    (void)state;
    for (int32_t fy = 1868; fy <= 9999; fy++) {
        int es, ec;
        int32_t ys, yc, start;
        assert_int_equal(hyoka_fiscal_year_era(fy, HYOKA_CAL_FMT_STRICT, &es, &ys), HYOKA_OK);
        assert_int_equal(hyoka_fiscal_year_era(fy, 0, &ec, &yc), HYOKA_OK);
        assert_int_equal(hyoka_era_start(es, &start), HYOKA_OK);
        assert_int_equal(start / 10000 + ys - 1, fy);
        assert_true(start <= fy * 10000 + 401);
        assert_int_equal(hyoka_era_start(ec, &start), HYOKA_OK);
        assert_int_equal(start / 10000 + yc - 1, fy);
        if (es != ec) {
            assert_int_equal(ec, es + 1);
            assert_int_equal(yc, 1);
            assert_true(fy == 1912 || fy == 1926 || fy == 2019);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Fiscal year: writing                                                */

static void check_fy_format(int32_t fy, unsigned flags, const char *want)
{
    char buf[HYOKA_CALENDAR_STRING_MAX];
    size_t len = 0;
    int rc = hyoka_fiscal_year_format(fy, flags, buf, sizeof buf, &len);
    if (rc != HYOKA_OK)
        fail_msg("format FY%d flags 0x%x: %s", (int)fy, flags, hyoka_error_last());
    if (strcmp(buf, want) != 0)
        fail_msg("format FY%d flags 0x%x: got \"%s\", want \"%s\"", (int)fy, flags, buf, want);
    assert_int_equal(len, strlen(want));
}

static void test_fiscal_year_format(void **state)
{
    const unsigned S = HYOKA_CAL_FMT_STRICT, N = HYOKA_CAL_FMT_NUMERIC_FIRST, A = HYOKA_CAL_FMT_ABBREV,
                   W = HYOKA_CAL_FMT_WESTERN, F = HYOKA_CAL_FMT_FULLWIDTH, X = HYOKA_CAL_FMT_NO_SUFFIX;
    (void)state;
    check_fy_format(2019, 0, "令和元年度");
    check_fy_format(2019, N, "令和1年度");
    check_fy_format(2019, S, "平成31年度");
    check_fy_format(2019, S | N, "平成31年度");
    check_fy_format(2019, A, "R1年度");
    check_fy_format(2019, A | N, "R1年度");
    check_fy_format(2019, A | X, "R1");
    check_fy_format(2019, A | S, "H31年度");
    check_fy_format(2019, A | S | X, "H31");
    check_fy_format(2019, W, "2019年度");
    check_fy_format(2019, W | X, "2019");
    check_fy_format(2019, W | S | N | A, "2019年度");
    check_fy_format(2019, W | F, "２０１９年度");
    check_fy_format(2019, W | F | X, "２０１９");
    check_fy_format(2019, F, "令和元年度");
    check_fy_format(2019, F | N, "令和１年度");
    check_fy_format(2019, F | S, "平成３１年度");
    check_fy_format(2019, F | A, "Ｒ１年度");
    check_fy_format(2019, F | A | S | X, "Ｈ３１");
    check_fy_format(2019, X, "令和元");
    check_fy_format(2019, S | X, "平成31");
    check_fy_format(2020, 0, "令和2年度");
    check_fy_format(2020, S, "令和2年度");
    check_fy_format(2007, 0, "平成19年度");
    check_fy_format(2007, A, "H19年度");
    check_fy_format(1989, 0, "平成元年度");
    check_fy_format(1989, S, "平成元年度");
    check_fy_format(1988, 0, "昭和63年度");
    check_fy_format(1926, 0, "昭和元年度");
    check_fy_format(1926, S, "大正15年度");
    check_fy_format(1912, 0, "大正元年度");
    check_fy_format(1912, S | A, "M45年度");
    check_fy_format(1868, 0, "明治元年度");
    check_fy_format(1868, A | X, "M1");
    check_fy_format(9999, 0, "令和7981年度");
    check_fy_format(9999, F | W, "９９９９年度");
}

static void test_fiscal_year_format_errors(void **state)
{
    char buf[HYOKA_CALENDAR_STRING_MAX];
    char small[6];
    size_t len = 0;
    (void)state;
    EXPECT_FAIL(hyoka_fiscal_year_format(1867, 0, buf, sizeof buf, &len), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_fiscal_year_format(10000, 0, buf, sizeof buf, &len), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_fiscal_year_format(2019, 0x40u, buf, sizeof buf, &len), HYOKA_EINVAL);
    EXPECT_FAIL(hyoka_fiscal_year_format(2019, 0, NULL, 10, &len), HYOKA_EINVAL);
    /* "令和元年度" is 15 bytes: 15 bytes of room is one too few. */
    memset(buf, 'x', sizeof buf);
    EXPECT_FAIL(hyoka_fiscal_year_format(2019, 0, buf, 15, &len), HYOKA_ERANGE);
    assert_int_equal(len, 15);
    assert_int_equal(buf[0], '\0');
    assert_int_equal(hyoka_fiscal_year_format(2019, 0, buf, 16, &len), HYOKA_OK);
    assert_string_equal(buf, "令和元年度");
    /* Size query. */
    len = 0;
    EXPECT_FAIL(hyoka_fiscal_year_format(2019, HYOKA_CAL_FMT_WESTERN, NULL, 0, &len), HYOKA_ERANGE);
    assert_int_equal(len, strlen("2019年度"));
    EXPECT_FAIL(hyoka_fiscal_year_format(2019, 0, small, sizeof small, NULL), HYOKA_ERANGE);
    assert_int_equal(small[0], '\0');
    assert_int_equal(hyoka_fiscal_year_format(2019, HYOKA_CAL_FMT_ABBREV, small, sizeof small, NULL), HYOKA_ERANGE);
    assert_int_equal(hyoka_fiscal_year_format(2019, HYOKA_CAL_FMT_ABBREV | HYOKA_CAL_FMT_NO_SUFFIX, small,
                                              sizeof small, NULL),
                     HYOKA_OK);
    assert_string_equal(small, "R1");
}

static void test_fiscal_year_round_trip(void **state)
{
    static const unsigned combos[] = {
        0,
        HYOKA_CAL_FMT_STRICT,
        HYOKA_CAL_FMT_NUMERIC_FIRST,
        HYOKA_CAL_FMT_ABBREV,
        HYOKA_CAL_FMT_ABBREV | HYOKA_CAL_FMT_NO_SUFFIX,
        HYOKA_CAL_FMT_ABBREV | HYOKA_CAL_FMT_STRICT | HYOKA_CAL_FMT_FULLWIDTH,
        HYOKA_CAL_FMT_WESTERN,
        HYOKA_CAL_FMT_WESTERN | HYOKA_CAL_FMT_NO_SUFFIX | HYOKA_CAL_FMT_FULLWIDTH,
        HYOKA_CAL_FMT_FULLWIDTH,
        HYOKA_CAL_FMT_FULLWIDTH | HYOKA_CAL_FMT_STRICT | HYOKA_CAL_FMT_NUMERIC_FIRST,
        HYOKA_CAL_FMT_NO_SUFFIX,
        HYOKA_CAL_FMT_NO_SUFFIX | HYOKA_CAL_FMT_STRICT,
        FMT_ALL & ~(unsigned)HYOKA_CAL_FMT_WESTERN,
        FMT_ALL,
    };
    char buf[HYOKA_CALENDAR_STRING_MAX];
    (void)state;
    for (size_t c = 0; c < sizeof combos / sizeof combos[0]; c++) {
        for (int32_t fy = 1868; fy <= 2100; fy++) {
            size_t len;
            int32_t back = 0;
            unsigned f = 0;
            assert_int_equal(hyoka_fiscal_year_format(fy, combos[c], buf, sizeof buf, &len), HYOKA_OK);
            assert_int_equal(len, strlen(buf));
            assert_int_equal(hyoka_fiscal_year_parse(buf, len, &back, &f), HYOKA_OK);
            if (back != fy)
                fail_msg("FY%d flags 0x%x: \"%s\" reads back as %d", (int)fy, combos[c], buf, (int)back);
            /* What we write never carries the past-the-end warning. */
            assert_int_equal(f & HYOKA_CAL_PAST_ERA_END, 0);
            assert_int_equal((f & HYOKA_CAL_ERA_NOTATION) != 0, !(combos[c] & HYOKA_CAL_FMT_WESTERN));
        }
    }
}

/* ------------------------------------------------------------------ */
/* Dates                                                               */

static void test_date_make_split(void **state)
{
    int32_t d = 0, y = 0;
    int m = 0, day = 0;
    (void)state;
    assert_int_equal(hyoka_date_make(2008, 5, 15, &d), HYOKA_OK);
    assert_int_equal(d, 20080515);
    assert_int_equal(hyoka_date_make(2008, 12, 0, &d), HYOKA_OK);
    assert_int_equal(d, 20081200);
    assert_int_equal(hyoka_date_make(2000, 2, 29, &d), HYOKA_OK);
    assert_int_equal(hyoka_date_make(2024, 2, 29, &d), HYOKA_OK);
    assert_int_equal(hyoka_date_make(1868, 1, 1, &d), HYOKA_OK);
    assert_int_equal(hyoka_date_make(9999, 12, 31, &d), HYOKA_OK);
    assert_int_equal(d, 99991231);
    d = 1;
    EXPECT_FAIL(hyoka_date_make(2100, 2, 29, &d), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_date_make(2023, 2, 29, &d), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_date_make(2023, 4, 31, &d), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_date_make(2023, 13, 1, &d), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_date_make(2023, 0, 1, &d), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_date_make(2023, 1, 32, &d), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_date_make(2023, 1, -1, &d), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_date_make(1867, 12, 31, &d), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_date_make(10000, 1, 1, &d), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_date_make(2023, 1, 1, NULL), HYOKA_EINVAL);
    assert_int_equal(d, 1);

    assert_int_equal(hyoka_date_split(20080515, &y, &m, &day), HYOKA_OK);
    assert_int_equal(y, 2008);
    assert_int_equal(m, 5);
    assert_int_equal(day, 15);
    assert_int_equal(hyoka_date_split(20081200, &y, &m, &day), HYOKA_OK);
    assert_int_equal(day, 0);
    assert_int_equal(hyoka_date_split(20240229, NULL, NULL, NULL), HYOKA_OK);
    assert_int_equal(hyoka_date_split(18680100, NULL, &m, NULL), HYOKA_OK);
    assert_int_equal(m, 1);
    y = 7;
    EXPECT_FAIL(hyoka_date_split(21000229, &y, NULL, NULL), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_date_split(20081301, &y, NULL, NULL), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_date_split(20080001, &y, NULL, NULL), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_date_split(20080532, &y, NULL, NULL), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_date_split(18671231, &y, NULL, NULL), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_date_split(0, &y, NULL, NULL), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_date_split(-20080515, &y, NULL, NULL), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_date_split(INT32_MAX, &y, NULL, NULL), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_date_split(INT32_MIN, &y, NULL, NULL), HYOKA_ERANGE);
    assert_int_equal(y, 7);

    /* make and split agree on every day of a leap cycle's worth of years. */
    for (int32_t year = 1896; year <= 2104; year++)
        for (int mm = 1; mm <= 12; mm++)
            for (int dd = 0; dd <= 31; dd++) {
                int32_t v = 0, yy = 0;
                int m2 = 0, d2 = -1;
                int rc = hyoka_date_make(year, mm, dd, &v);
                int rc2 = hyoka_date_split(year * 10000 + mm * 100 + dd, &yy, &m2, &d2);
                assert_int_equal(rc, rc2);
                if (rc == HYOKA_OK) {
                    assert_int_equal(v, year * 10000 + mm * 100 + dd);
                    assert_int_equal(yy, year);
                    assert_int_equal(m2, mm);
                    assert_int_equal(d2, dd);
                }
            }
}

static void test_date_parse_valid(void **state)
{
    static const unsigned E = HYOKA_CAL_ERA_NOTATION, P = HYOKA_CAL_PAST_ERA_END, N = HYOKA_CAL_NO_DAY;
    static const struct {
        const char *text;
        int32_t date;
        unsigned flags;
    } t[] = {
        {"2008-05-15", 20080515, 0},
        {"2008-5-15", 20080515, 0},
        {"2008-12", 20081200, N},
        {"2008/5/15", 20080515, 0},
        {"2008/12", 20081200, N},
        {"2008.5.15", 20080515, 0},
        {"２００８／５／１５", 20080515, 0},
        {"2008 / 5 / 15", 20080515, 0},
        {"H20.5.15", 20080515, E},
        {"H20.12", 20081200, E | N},
        {"Ｈ２０．５．１５", 20080515, E},
        {"h20/05/15", 20080515, E},
        {"R元.5.1", 20190501, E},
        {"平成20年5月15日", 20080515, E},
        {"平成 20 年 5 月 15 日", 20080515, E},
        {"　平成２０年５月１５日　", 20080515, E},
        {"平成二十年五月十五日", 20080515, E},
        {"平成元年1月8日", 19890108, E},
        {"平成20年12月", 20081200, E | N},
        {"2008年5月15日", 20080515, 0},
        {"二〇〇八年五月一五日", 20080515, 0},
        {"2008年12月", 20081200, N},
        {"昭和64年1月7日", 19890107, E},
        {"昭和64年1月8日", 19890108, E | P},
        {"平成31年4月30日", 20190430, E},
        {"平成31年5月1日", 20190501, E | P},
        {"令和元年5月1日", 20190501, E},
        {"大正15年12月24日", 19261224, E},
        {"大正15年12月25日", 19261225, E | P},
        {"昭和元年12月25日", 19261225, E},
        {"明治45年7月29日", 19120729, E},
        {"大正元年7月30日", 19120730, E},
        {"明治元年1月25日", 18680125, E},
        {"平成14年7月23日", 20020723, E},
        {"昭和61年8月19日", 19860819, E},
        /* Year and month across an era's change. */
        {"昭和64年1月", 19890100, E | N},
        {"平成元年1月", 19890100, E | N},
        {"平成31年4月", 20190400, E | N},
        {"平成31年5月", 20190500, E | P | N},
        {"令和元年5月", 20190500, E | N},
        {"大正元年7月", 19120700, E | N},
        {"明治元年1月", 18680100, E | N},
        /* Leap days. */
        {"2000-02-29", 20000229, 0},
        {"2024-02-29", 20240229, 0},
        {"令和6年2月29日", 20240229, E},
        {"1868-01-01", 18680101, 0},
        {"9999-12-31", 99991231, 0},
    };
    (void)state;
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        unsigned f;
        int32_t d = parse_date(t[i].text, &f);
        if (d != t[i].date || f != t[i].flags)
            fail_msg("\"%s\": got %d flags %u, want %d flags %u", t[i].text, (int)d, f, (int)t[i].date,
                     t[i].flags);
    }
}

static void test_date_parse_errors(void **state)
{
    static const struct {
        const char *text;
        int code;
    } t[] = {
        {"", HYOKA_ESYNTAX},
        {"2008", HYOKA_ESYNTAX},
        {"2008年", HYOKA_ESYNTAX},
        {"2008年5", HYOKA_ESYNTAX},
        {"2008年5月15", HYOKA_ESYNTAX},
        {"2008年5月15日木", HYOKA_ESYNTAX},
        {"2008-05/15", HYOKA_ESYNTAX},
        {"2008-05-15T00:00", HYOKA_ESYNTAX},
        {"20080515", HYOKA_ESYNTAX},
        {"2008-", HYOKA_ESYNTAX},
        {"2008-05-", HYOKA_ESYNTAX},
        {"平成20年度", HYOKA_ESYNTAX},
        {"平成20年元月", HYOKA_ESYNTAX},
        {"元年5月1日", HYOKA_ESYNTAX},
        {"平成", HYOKA_ESYNTAX},
        {"2008-05-15 ", HYOKA_OK},
        {"2008-13-01", HYOKA_ERANGE},
        {"2008-00-01", HYOKA_ERANGE},
        {"2008-05-32", HYOKA_ERANGE},
        {"2008-05-00", HYOKA_ERANGE},
        {"2008-13", HYOKA_ERANGE},
        {"2100-02-29", HYOKA_ERANGE},
        {"2023-02-29", HYOKA_ERANGE},
        {"2023-04-31", HYOKA_ERANGE},
        {"1867-12-31", HYOKA_ERANGE},
        {"10000-01-01", HYOKA_ERANGE},
        {"08/5/15", HYOKA_ERANGE},
        {"平成元年1月7日", HYOKA_ERANGE},
        {"令和元年4月30日", HYOKA_ERANGE},
        {"令和元年4月", HYOKA_ERANGE},
        {"大正元年6月", HYOKA_ERANGE},
        {"明治元年1月24日", HYOKA_ERANGE},
        {"平成0年5月1日", HYOKA_ERANGE},
        {"令和99999年1月1日", HYOKA_ERANGE},
        {"平成20年13月1日", HYOKA_ERANGE},
        {"平成20年2月30日", HYOKA_ERANGE},
    };
    (void)state;
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        int32_t d = 77;
        unsigned f = 77;
        int rc;
        hyoka_error_clear();
        rc = hyoka_date_parse(t[i].text, HYOKA_NTS, &d, &f);
        if (rc != t[i].code)
            fail_msg("\"%s\": got %s, want %s", t[i].text, hyoka_status_name(rc), hyoka_status_name(t[i].code));
        if (rc == HYOKA_OK)
            continue;
        check_failure(rc, t[i].code);
        assert_int_equal(d, 77);
        assert_int_equal(f, 77);
    }
}

static void test_date_parse_bad_arguments(void **state)
{
    int32_t d = 3;
    (void)state;
    EXPECT_FAIL(hyoka_date_parse(NULL, 0, &d, NULL), HYOKA_EINVAL);
    EXPECT_FAIL(hyoka_date_parse("2008-05-15", HYOKA_NTS, NULL, NULL), HYOKA_EINVAL);
    EXPECT_FAIL(hyoka_date_parse("2008-05-1\xff", HYOKA_NTS, &d, NULL), HYOKA_EENCODING);
    EXPECT_FAIL(hyoka_date_parse("平成20年5月\xe6\x97", HYOKA_NTS, &d, NULL), HYOKA_EENCODING);
    assert_int_equal(d, 3);
    assert_int_equal(hyoka_date_parse("2008-05-15xyz", 10, &d, NULL), HYOKA_OK);
    assert_int_equal(d, 20080515);
}

static void check_date_format(int32_t date, unsigned flags, const char *want)
{
    char buf[HYOKA_CALENDAR_STRING_MAX];
    size_t len = 0;
    int rc = hyoka_date_format(date, flags, buf, sizeof buf, &len);
    if (rc != HYOKA_OK)
        fail_msg("format %d flags 0x%x: %s", (int)date, flags, hyoka_error_last());
    if (strcmp(buf, want) != 0)
        fail_msg("format %d flags 0x%x: got \"%s\", want \"%s\"", (int)date, flags, buf, want);
    assert_int_equal(len, strlen(want));
}

static void test_date_format(void **state)
{
    const unsigned S = HYOKA_CAL_FMT_STRICT, N = HYOKA_CAL_FMT_NUMERIC_FIRST, A = HYOKA_CAL_FMT_ABBREV,
                   W = HYOKA_CAL_FMT_WESTERN, F = HYOKA_CAL_FMT_FULLWIDTH, X = HYOKA_CAL_FMT_NO_SUFFIX;
    char buf[HYOKA_CALENDAR_STRING_MAX];
    size_t len = 0;
    (void)state;
    check_date_format(20080515, 0, "平成20年5月15日");
    check_date_format(20080515, S | X, "平成20年5月15日");
    check_date_format(20080515, A, "H20.5.15");
    check_date_format(20080515, A | F, "Ｈ２０．５．１５");
    check_date_format(20080515, W, "2008年5月15日");
    check_date_format(20080515, W | A, "2008年5月15日");
    check_date_format(20080515, W | F, "２００８年５月１５日");
    check_date_format(20080515, F, "平成２０年５月１５日");
    check_date_format(20081200, 0, "平成20年12月");
    check_date_format(20081200, A, "H20.12");
    check_date_format(20081200, W, "2008年12月");
    check_date_format(19890108, 0, "平成元年1月8日");
    check_date_format(19890108, N, "平成1年1月8日");
    check_date_format(19890108, A, "H1.1.8");
    check_date_format(19890107, 0, "昭和64年1月7日");
    check_date_format(19890100, 0, "昭和64年1月");
    check_date_format(19890100, A, "S64.1");
    check_date_format(20190430, 0, "平成31年4月30日");
    check_date_format(20190501, 0, "令和元年5月1日");
    check_date_format(20190501, A | F, "Ｒ１．５．１");
    check_date_format(20190500, 0, "令和元年5月");
    check_date_format(19261224, 0, "大正15年12月24日");
    check_date_format(19261225, 0, "昭和元年12月25日");
    check_date_format(19120730, 0, "大正元年7月30日");
    check_date_format(19120700, 0, "明治45年7月");
    check_date_format(18680125, 0, "明治元年1月25日");
    check_date_format(18680124, W, "1868年1月24日");
    check_date_format(99991231, 0, "令和7981年12月31日");
    EXPECT_FAIL(hyoka_date_format(18680124, 0, buf, sizeof buf, &len), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_date_format(18680100, 0, buf, sizeof buf, &len), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_date_format(20080230, 0, buf, sizeof buf, &len), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_date_format(20080515, 0x80u, buf, sizeof buf, &len), HYOKA_EINVAL);
    EXPECT_FAIL(hyoka_date_format(20080515, 0, NULL, 5, &len), HYOKA_EINVAL);
    EXPECT_FAIL(hyoka_date_format(20080515, 0, buf, 5, &len), HYOKA_ERANGE);
    assert_int_equal(len, strlen("平成20年5月15日"));
    assert_int_equal(buf[0], '\0');
    EXPECT_FAIL(hyoka_date_format(20080515, HYOKA_CAL_FMT_ABBREV, NULL, 0, &len), HYOKA_ERANGE);
    assert_int_equal(len, 8);
    assert_int_equal(hyoka_date_format(20080515, HYOKA_CAL_FMT_ABBREV, buf, 9, NULL), HYOKA_OK);
    assert_string_equal(buf, "H20.5.15");
}

static void test_date_to_iso(void **state)
{
    char buf[HYOKA_CALENDAR_STRING_MAX];
    size_t len = 0;
    (void)state;
    assert_int_equal(hyoka_date_to_iso(20080515, buf, sizeof buf, &len), HYOKA_OK);
    assert_string_equal(buf, "2008-05-15");
    assert_int_equal(len, 10);
    assert_int_equal(hyoka_date_to_iso(20081200, buf, sizeof buf, &len), HYOKA_OK);
    assert_string_equal(buf, "2008-12");
    assert_int_equal(len, 7);
    assert_int_equal(hyoka_date_to_iso(18680101, buf, sizeof buf, NULL), HYOKA_OK);
    assert_string_equal(buf, "1868-01-01");
    EXPECT_FAIL(hyoka_date_to_iso(20081301, buf, sizeof buf, &len), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_date_to_iso(-1, buf, sizeof buf, &len), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_date_to_iso(20080515, NULL, 11, &len), HYOKA_EINVAL);
    EXPECT_FAIL(hyoka_date_to_iso(20080515, buf, 10, &len), HYOKA_ERANGE);
    assert_int_equal(len, 10);
    assert_int_equal(buf[0], '\0');
    EXPECT_FAIL(hyoka_date_to_iso(20080515, NULL, 0, &len), HYOKA_ERANGE);
    assert_int_equal(len, 10);
    assert_int_equal(hyoka_date_to_iso(20080515, buf, 11, &len), HYOKA_OK);
}

/* Every day from 1868 to 2100: ISO and era text read back to the same
 * value, without warnings. */
static void test_date_round_trip(void **state)
{
    static const unsigned combos[] = {
        0,
        HYOKA_CAL_FMT_ABBREV,
        HYOKA_CAL_FMT_WESTERN,
        HYOKA_CAL_FMT_NUMERIC_FIRST | HYOKA_CAL_FMT_FULLWIDTH,
        HYOKA_CAL_FMT_ABBREV | HYOKA_CAL_FMT_FULLWIDTH,
        HYOKA_CAL_FMT_WESTERN | HYOKA_CAL_FMT_FULLWIDTH,
    };
    char buf[HYOKA_CALENDAR_STRING_MAX];
    size_t count = 0;
    (void)state;
    for (int32_t y = 1868; y <= 2100; y++)
        for (int m = 1; m <= 12; m++)
            for (int d = 0; d <= 31; d++) {
                int32_t date, back = 0;
                unsigned f = 0;
                size_t len;
                if (hyoka_date_make(y, m, d, &date) != HYOKA_OK)
                    continue;
                assert_int_equal(hyoka_date_to_iso(date, buf, sizeof buf, &len), HYOKA_OK);
                assert_int_equal(hyoka_date_parse(buf, len, &back, &f), HYOKA_OK);
                assert_int_equal(back, date);
                assert_int_equal(f, d == 0 ? HYOKA_CAL_NO_DAY : 0);
                /* All combinations on a sample of days, the default on all. */
                for (size_t c = 0; c < sizeof combos / sizeof combos[0]; c++) {
                    int rc;
                    if (c > 0 && (count + c) % 5 != 0)
                        continue;
                    rc = hyoka_date_format(date, combos[c], buf, sizeof buf, &len);
                    if (date < 18680125 && !(combos[c] & HYOKA_CAL_FMT_WESTERN)) {
                        assert_int_equal(rc, HYOKA_ERANGE);
                        continue;
                    }
                    assert_int_equal(rc, HYOKA_OK);
                    rc = hyoka_date_parse(buf, len, &back, &f);
                    if (rc != HYOKA_OK || back != date)
                        fail_msg("%d flags 0x%x: \"%s\" reads back as %d (%s)", (int)date, combos[c], buf,
                                 (int)back, hyoka_status_name(rc));
                    assert_int_equal(f & HYOKA_CAL_PAST_ERA_END, 0);
                    assert_int_equal((f & HYOKA_CAL_NO_DAY) != 0, d == 0);
                }
                count++;
            }
    assert_true(count > 85000);
}

static void test_date_fiscal_year(void **state)
{
    int32_t fy = 0;
    (void)state;
    assert_int_equal(hyoka_date_fiscal_year(20090331, &fy), HYOKA_OK);
    assert_int_equal(fy, 2008);
    assert_int_equal(hyoka_date_fiscal_year(20090401, &fy), HYOKA_OK);
    assert_int_equal(fy, 2009);
    assert_int_equal(hyoka_date_fiscal_year(20091231, &fy), HYOKA_OK);
    assert_int_equal(fy, 2009);
    assert_int_equal(hyoka_date_fiscal_year(20100101, &fy), HYOKA_OK);
    assert_int_equal(fy, 2009);
    assert_int_equal(hyoka_date_fiscal_year(20090300, &fy), HYOKA_OK);
    assert_int_equal(fy, 2008);
    assert_int_equal(hyoka_date_fiscal_year(20090400, &fy), HYOKA_OK);
    assert_int_equal(fy, 2009);
    assert_int_equal(hyoka_date_fiscal_year(18680401, &fy), HYOKA_OK);
    assert_int_equal(fy, 1868);
    assert_int_equal(hyoka_date_fiscal_year(99991231, &fy), HYOKA_OK);
    assert_int_equal(fy, 9999);
    fy = 1;
    EXPECT_FAIL(hyoka_date_fiscal_year(18680331, &fy), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_date_fiscal_year(20090230, &fy), HYOKA_ERANGE);
    EXPECT_FAIL(hyoka_date_fiscal_year(20090401, NULL), HYOKA_EINVAL);
    assert_int_equal(fy, 1);
}

/* ------------------------------------------------------------------ */
/* Robustness: prefixes of valid texts and random bytes never crash.   */

static uint32_t rng_state = 0x9E3779B9u;

static uint32_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

/* Parse an exact-size heap copy so that a read past the end is caught by
 * the sanitizers and valgrind. */
static void parse_copy(const char *s, size_t n)
{
    char *copy = malloc(n ? n : 1);
    int32_t v;
    unsigned f;
    int rc;
    assert_non_null(copy);
    memcpy(copy, s, n);
    rc = hyoka_fiscal_year_parse(copy, n, &v, &f);
    if (rc == HYOKA_OK)
        assert_true(v >= 1868 && v <= 9999);
    else
        assert_true(hyoka_error_last()[0] != '\0' && utf8_ok(hyoka_error_last()));
    rc = hyoka_date_parse(copy, n, &v, &f);
    if (rc == HYOKA_OK)
        assert_int_equal(hyoka_date_split(v, NULL, NULL, NULL), HYOKA_OK);
    else
        assert_true(hyoka_error_last()[0] != '\0' && utf8_ok(hyoka_error_last()));
    free(copy);
}

static void test_fuzz(void **state)
{
    static const char *const seeds[] = {
        "平成 20 年度",   "　令和元年度　", "二千十九年度",     "二〇〇七年度",  "Ｈ１９",
        "H20.5.15",       "2008-05-15",     "平成20年5月15日",  "平成元年1月8日", "㍻31年4月30日",
        "平成三十一年度", "2008/12",        "Ｈ２０．５．１５", "R元.5.1",       "平成15年度以前",
    };
    static const char alphabet[][4] = {"0", "9", "１", "一", "十", "千", "〇", "元", "年", "度", "月",
                                       "日", "H", "ｈ", "平", "成", "令", "和", ".", "-", "/", " ",
                                       "　", "\xe5", "\x80", "\xff", "\0", "㍻", "．"};
    char buf[64];
    (void)state;
    for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
        size_t n = strlen(seeds[i]);
        for (size_t k = 0; k <= n; k++) {
            parse_copy(seeds[i], k);
            parse_copy(seeds[i] + k, n - k);
        }
    }
    for (int round = 0; round < 20000; round++) {
        size_t n = rng() % sizeof buf;
        for (size_t k = 0; k < n; k++)
            buf[k] = (char)(rng() & 0xFF);
        parse_copy(buf, n);
    }
    /* Random strings of tokens reach deeper into the grammar. */
    for (int round = 0; round < 20000; round++) {
        size_t n = 0;
        size_t tokens = 1 + rng() % 10;
        for (size_t k = 0; k < tokens; k++) {
            const char *tok = alphabet[rng() % (sizeof alphabet / sizeof alphabet[0])];
            size_t tl = tok[0] ? strlen(tok) : 1;
            if (n + tl > sizeof buf)
                break;
            memcpy(buf + n, tok, tl);
            n += tl;
        }
        parse_copy(buf, n);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_eras),
        cmocka_unit_test(test_fiscal_year_parse_valid),
        cmocka_unit_test(test_fiscal_year_parse_flags_may_be_null),
        cmocka_unit_test(test_fiscal_year_parse_errors),
        cmocka_unit_test(test_fiscal_year_parse_bad_arguments),
        cmocka_unit_test(test_error_message_quotes_are_cut),
        cmocka_unit_test(test_kanji_numerals),
        cmocka_unit_test(test_fiscal_year_era_strict),
        cmocka_unit_test(test_fiscal_year_era_common),
        cmocka_unit_test(test_fiscal_year_era_every_year),
        cmocka_unit_test(test_fiscal_year_format),
        cmocka_unit_test(test_fiscal_year_format_errors),
        cmocka_unit_test(test_fiscal_year_round_trip),
        cmocka_unit_test(test_date_make_split),
        cmocka_unit_test(test_date_parse_valid),
        cmocka_unit_test(test_date_parse_errors),
        cmocka_unit_test(test_date_parse_bad_arguments),
        cmocka_unit_test(test_date_format),
        cmocka_unit_test(test_date_to_iso),
        cmocka_unit_test(test_date_round_trip),
        cmocka_unit_test(test_date_fiscal_year),
        cmocka_unit_test(test_fuzz),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
