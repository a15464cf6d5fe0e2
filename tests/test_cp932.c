/* CP932 <-> UTF-8 (csv.h): every mapped character both ways, the
 * characters where Windows differs from JIS (～ － ￠ ￡ ￢ ∥), the NEC and
 * IBM extensions and their duplicates (① ㈱ 髙 﨑 ∵ Ⅰ ⅰ), the characters
 * CP932 cannot hold (〜 − ¢ £ ¬ ‖ ¥ 𠮷, emoji), malformed input, and
 * allocation failures. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

#include "failalloc.h"

/* Counts of the table tools/gen_cp932.py makes from Python's cp932 codec. */
#define SINGLE_MAPPED 196     /* bytes that decode alone: ASCII, 0x80, 0xA0..0xDF, 0xFD..0xFF */
#define DOUBLE_MAPPED 9604    /* lead/trail pairs that decode */
#define ENCODABLE 9402        /* code points that encode (ASCII included) */

static size_t utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static uint32_t utf8_decode1(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    if (n == 1)
        return p[0];
    if (n == 2)
        return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    if (n == 3)
        return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) | ((uint32_t)(p[2] & 0x3F) << 6) |
           (p[3] & 0x3F);
}

/* Decode bytes that must decode to exactly one character; returns it. */
static uint32_t decode_one(const unsigned char *b, size_t n)
{
    char *out = NULL;
    size_t len = 0, bad = 99;
    uint32_t cp;
    assert_int_equal(hyoka_cp932_decode((const char *)b, n, &out, &len, &bad), HYOKA_OK);
    assert_true(len >= 1 && len <= 3);
    cp = utf8_decode1(out, len);
    hyoka_free(out);
    return cp;
}

/* Encode one code point; returns the CP932 code (0..0xFF or a pair), or -1. */
static long encode_one(uint32_t cp)
{
    char in[4], *out = NULL;
    size_t n = utf8_encode(cp, in), len = 0, bad = 99;
    long code;
    int rc = hyoka_cp932_encode(in, n, &out, &len, &bad);
    if (rc == HYOKA_EENCODING) {
        assert_null(out);
        assert_int_equal(bad, 0);
        return -1;
    }
    assert_int_equal(rc, HYOKA_OK);
    assert_true(len == 1 || len == 2);
    code = len == 1 ? (unsigned char)out[0] : ((long)(unsigned char)out[0] << 8) | (unsigned char)out[1];
    hyoka_free(out);
    return code;
}

static int is_lead(unsigned b)
{
    return (b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC);
}

/* Every byte and every pair: what decodes encodes back to a code that
 * decodes to the same character; the counts are those of the table. */
static void test_every_mapped_character(void **state)
{
    long singles = 0, pairs = 0, same = 0;
    (void)state;

    for (unsigned b = 0; b < 256; b++) {
        unsigned char s[1] = {(unsigned char)b};
        char *out = NULL;
        size_t len = 0, bad = 99;
        int rc = hyoka_cp932_decode((const char *)s, 1, &out, &len, &bad);
        if (is_lead(b)) {
            assert_int_equal(rc, HYOKA_EENCODING);
            assert_int_equal(bad, 0);
            continue;
        }
        assert_int_equal(rc, HYOKA_OK);
        singles++;
        {
            uint32_t cp = utf8_decode1(out, len);
            assert_int_equal(encode_one(cp), b);
        }
        hyoka_free(out);
    }
    for (unsigned lead = 0x81; lead <= 0xFC; lead++) {
        if (!is_lead(lead))
            continue;
        for (unsigned t = 0; t < 256; t++) {
            unsigned char p[2] = {(unsigned char)lead, (unsigned char)t};
            char *out = NULL;
            size_t len = 0, bad = 99;
            int rc = hyoka_cp932_decode((const char *)p, 2, &out, &len, &bad);
            uint32_t cp;
            long back;
            if (rc != HYOKA_OK) {
                assert_int_equal(rc, HYOKA_EENCODING);
                assert_int_equal(bad, 0);
                assert_null(out);
                continue;
            }
            assert_true(t >= 0x40 && t <= 0xFC && t != 0x7F);
            pairs++;
            cp = utf8_decode1(out, len);
            hyoka_free(out);
            back = encode_one(cp);
            assert_true(back > 0xFF);
            if (back == (long)((lead << 8) | t))
                same++;
            else
                assert_int_equal(decode_one((const unsigned char[]){(unsigned char)(back >> 8),
                                                                     (unsigned char)(back & 0xFF)}, 2), cp);
        }
    }
    assert_int_equal(singles, SINGLE_MAPPED);
    assert_int_equal(pairs, DOUBLE_MAPPED);
    /* 9604 pairs, of which the duplicates of 398 code points encode elsewhere. */
    assert_true(same > 9000 && same < pairs);
}

/* Every code point: it encodes exactly when it round-trips. */
/* JIS X 0208 forms written one way as the Windows forms' codes. */
static const struct {
    uint32_t cp;
    unsigned code;
} jis_forms[] = {
    {0x00A2, 0x8191}, {0x00A3, 0x8192}, {0x00AC, 0x81CA}, {0x2014, 0x815C},
    {0x2016, 0x8161}, {0x2212, 0x817C}, {0x301C, 0x8160},
};
#define JIS_FORMS (sizeof jis_forms / sizeof jis_forms[0])

static int is_jis_form(uint32_t cp)
{
    for (size_t i = 0; i < JIS_FORMS; i++)
        if (jis_forms[i].cp == cp)
            return 1;
    return 0;
}

static void test_every_code_point(void **state)
{
    long encodable = 0;
    (void)state;
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
        long code;
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        if (cp > 0xFFFF && cp != 0x20BB7 && cp != 0x1F600 && cp != 0x10FFFF)
            continue; /* nothing outside the BMP encodes; a few samples */
        code = encode_one(cp);
        if (code < 0 || is_jis_form(cp))
            continue; /* the JIS forms are tested below: they decode to the Windows forms */
        encodable++;
        if (code <= 0xFF)
            assert_int_equal(decode_one((const unsigned char[]){(unsigned char)code}, 1), cp);
        else
            assert_int_equal(decode_one((const unsigned char[]){(unsigned char)(code >> 8), (unsigned char)code}, 2),
                             cp);
    }
    assert_int_equal(encodable, ENCODABLE);
}

struct pair {
    uint32_t cp;
    unsigned code;
};

static void test_windows_mappings(void **state)
{
    /* Where Windows differs from JIS X 0208 as Unicode maps it. */
    static const struct pair windows[] = {
        {0xFF5E, 0x8160}, /* ～ FULLWIDTH TILDE (JIS: 〜 U+301C) */
        {0xFF0D, 0x817C}, /* － FULLWIDTH HYPHEN-MINUS (JIS: − U+2212) */
        {0xFFE0, 0x8191}, /* ￠ (JIS: ¢ U+00A2) */
        {0xFFE1, 0x8192}, /* ￡ (JIS: £ U+00A3) */
        {0xFFE2, 0x81CA}, /* ￢ (JIS: ¬ U+00AC); also 0xEEF9 and 0xFA54 */
        {0x2225, 0x8161}, /* ∥ (JIS: ‖ U+2016) */
        {0x2460, 0x8740}, /* ① NEC row 13 */
        {0x3231, 0x878A}, /* ㈱ NEC row 13; also 0xFA58 */
        {0x9AD9, 0xFBFC}, /* 髙 IBM extension; also 0xEEE0 (NEC-selected) */
        {0xFA11, 0xFAB1}, /* 﨑 IBM extension; also 0xED95 */
        {0x2235, 0x81E6}, /* ∵ JIS; also 0x879A and 0xFA5B */
        {0x2252, 0x81E0}, /* ≒ JIS; also 0x8790 */
        {0x2160, 0x8754}, /* Ⅰ NEC row 13; also 0xFA4A */
        {0x2170, 0xFA40}, /* ⅰ IBM; also 0xEEEF */
        {0x7E8A, 0xFA5C}, /* 纊 IBM; also 0xED40 */
        {0xFF61, 0xA1},   /* ｡ half-width katakana */
        {0xFF9F, 0xDF},
        {0x005C, 0x5C},   /* backslash stays 0x5C */
        {0x007E, 0x7E},
        {0xE000, 0xF040}, /* user-defined area */
        {0xE757, 0xF9FC},
        {0x0080, 0x80},
        {0xF8F0, 0xA0},
    };
    static const struct pair decodes[] = {
        {0x9AD9, 0xEEE0}, {0x9AD9, 0xFBFC}, {0xFA11, 0xED95}, {0x2235, 0x879A}, {0x2235, 0xFA5B},
        {0xFFE2, 0xEEF9}, {0xFFE2, 0xFA54}, {0x2170, 0xEEEF}, {0x3231, 0xFA58}, {0x2160, 0xFA4A},
    };
    (void)state;
    for (size_t i = 0; i < sizeof windows / sizeof windows[0]; i++) {
        assert_int_equal(encode_one(windows[i].cp), windows[i].code);
        if (windows[i].code > 0xFF)
            assert_int_equal(decode_one((const unsigned char[]){(unsigned char)(windows[i].code >> 8),
                                                                 (unsigned char)windows[i].code}, 2),
                             windows[i].cp);
    }
    for (size_t i = 0; i < sizeof decodes / sizeof decodes[0]; i++)
        assert_int_equal(decode_one((const unsigned char[]){(unsigned char)(decodes[i].code >> 8),
                                                             (unsigned char)decodes[i].code}, 2),
                         decodes[i].cp);
}

/* Only exact round trips encode: the look-alikes Windows' best fit would
 * write are refused, and so is everything outside the BMP. */
static void test_unencodable(void **state)
{
    static const uint32_t refused[] = {
        0x00A5, /* ¥ */
        0x203E, /* ‾ */
        0x00E9, /* é */
        0x20BB7, /* 𠮷 */
        0x1F600, /* 😀 */
        0xFFFD,
    };
    char *out = (char *)1;
    size_t len = 0, bad = 0;
    (void)state;

    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
        assert_int_equal(encode_one(refused[i]), -1);
    /* The offset names the first refused character. */
    assert_int_equal(hyoka_cp932_encode("吉田と𠮷田", HYOKA_NTS, &out, &len, &bad), HYOKA_EENCODING);
    assert_int_equal(bad, strlen("吉田と"));
    assert_null(out);
    assert_non_null(strstr(hyoka_error_last(), "U+20BB7"));
    /* bad may be NULL */
    assert_int_equal(hyoka_cp932_encode("¥", HYOKA_NTS, &out, &len, NULL), HYOKA_EENCODING);
    /* invalid UTF-8 */
    assert_int_equal(hyoka_cp932_encode("ab\xC3(", 4, &out, &len, &bad), HYOKA_EENCODING);
    assert_int_equal(bad, 2);
}

static void test_jis_forms(void **state)
{
    /* Written the way Windows writes them; read back as the Windows forms. */
    char *enc = NULL, *dec = NULL;
    size_t n = 0, m = 0;
    (void)state;
    for (size_t i = 0; i < JIS_FORMS; i++) {
        long code = encode_one(jis_forms[i].cp);
        long back;
        assert_int_equal(code, jis_forms[i].code);
        back = decode_one((const unsigned char[]){(unsigned char)(code >> 8), (unsigned char)code}, 2);
        assert_int_not_equal(back, jis_forms[i].cp);
        assert_int_equal(encode_one((uint32_t)back), code);
    }
    assert_int_equal(hyoka_cp932_encode("40人〜100人", HYOKA_NTS, &enc, &n, NULL), HYOKA_OK);
    assert_int_equal(hyoka_cp932_decode(enc, n, &dec, &m, NULL), HYOKA_OK);
    assert_string_equal(dec, "40人～100人");
    hyoka_free(enc);
    hyoka_free(dec);
}

static void test_strings(void **state)
{
    const char *utf8 = "所沢市ｶﾅ～①髙﨑 abc\\";
    const unsigned char want[] = {0x8F, 0x8A, 0x91, 0xF2, 0x8E, 0x73, 0xB6, 0xC5, 0x81, 0x60, 0x87, 0x40,
                                  0xFB, 0xFC, 0xFA, 0xB1, 0x20, 0x61, 0x62, 0x63, 0x5C};
    char *enc = NULL, *dec = NULL;
    size_t n = 0, m = 0;
    (void)state;

    assert_int_equal(hyoka_cp932_encode(utf8, HYOKA_NTS, &enc, &n, NULL), HYOKA_OK);
    assert_int_equal(n, sizeof want);
    assert_memory_equal(enc, want, n);
    assert_int_equal(hyoka_cp932_decode(enc, n, &dec, &m, NULL), HYOKA_OK);
    assert_int_equal(m, strlen(utf8));
    assert_string_equal(dec, utf8);
    hyoka_free(enc);
    hyoka_free(dec);
    /* empty */
    assert_int_equal(hyoka_cp932_encode("", 0, &enc, &n, NULL), HYOKA_OK);
    assert_int_equal(n, 0);
    hyoka_free(enc);
    assert_int_equal(hyoka_cp932_decode("", 0, &dec, &m, NULL), HYOKA_OK);
    assert_int_equal(m, 0);
    assert_string_equal(dec, "");
    hyoka_free(dec);
    /* NUL bytes pass through */
    assert_int_equal(hyoka_cp932_decode("a\0b", 3, &dec, &m, NULL), HYOKA_OK);
    assert_int_equal(m, 3);
    assert_memory_equal(dec, "a\0b", 3);
    hyoka_free(dec);
}

static void test_bad_cp932(void **state)
{
    static const struct {
        const char *bytes;
        size_t len;
        size_t bad;
    } cases[] = {
        {"ab\x81", 3, 2},          /* a lead byte at the end */
        {"\x82\xA0\x81\x20", 4, 2},/* a trail byte out of range */
        {"\x85\x40", 2, 0},        /* an unmapped lead byte */
        {"\x81\x7F", 2, 0},        /* 0x7F is never a trail byte */
        {"\xEF\x40", 2, 0},        /* an unassigned row */
        {"\x81\xAD", 2, 0},        /* an unassigned cell */
        {"\xFC\x4C", 2, 0},        /* after the last IBM extension */
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = (char *)1;
        size_t n = 0, bad = 99;
        assert_int_equal(hyoka_cp932_decode(cases[i].bytes, cases[i].len, &out, &n, &bad), HYOKA_EENCODING);
        assert_int_equal(bad, cases[i].bad);
        assert_int_equal(hyoka_error_last_code(), HYOKA_EENCODING);
    }
}

static void test_arguments(void **state)
{
    char *out = NULL;
    size_t n = 0;
    (void)state;
    assert_int_equal(hyoka_cp932_encode(NULL, 0, &out, &n, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_cp932_encode("a", 1, NULL, &n, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_cp932_encode("a", 1, &out, NULL, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_cp932_decode(NULL, 0, &out, &n, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_cp932_decode("a", 1, NULL, &n, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_cp932_decode("a", 1, &out, NULL, NULL), HYOKA_EINVAL);
}

static int body_encode(void *ctx)
{
    char *out = NULL;
    size_t n = 0;
    int rc = hyoka_cp932_encode((const char *)ctx, HYOKA_NTS, &out, &n, NULL);
    if (rc == HYOKA_OK)
        hyoka_free(out);
    return rc;
}

static int body_decode(void *ctx)
{
    char *out = NULL;
    size_t n = 0;
    int rc = hyoka_cp932_decode((const char *)ctx, HYOKA_NTS, &out, &n, NULL);
    if (rc == HYOKA_OK)
        hyoka_free(out);
    return rc;
}

static void test_alloc_failures(void **state)
{
    (void)state;
    assert_int_equal(failalloc_sweep(body_encode, (void *)"所沢市 abc"), 1);
    assert_int_equal(failalloc_sweep(body_decode, (void *)"\x8F\x8A\x91\xF2\x8E\x73 abc"), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_mapped_character),
        cmocka_unit_test(test_every_code_point),
        cmocka_unit_test(test_windows_mappings),
        cmocka_unit_test(test_unencodable),
        cmocka_unit_test(test_jis_forms),
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_bad_cp932),
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_alloc_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
