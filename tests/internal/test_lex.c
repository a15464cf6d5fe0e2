/* Internal tests of the JSON lexer's scanners (lib/json/lex.h): the
 * portable scanners and, where the machine has them, the vector ones give
 * the same answer as a byte-by-byte reference written here (on the UTF-8
 * decoder of lib/util/utf8.c) at every offset of every conformance file
 * (the project's own, the sample sheets, and JSONTestSuite's test_parsing
 * when HYOKA_CONFORMANCE, or meson option conformance, names the folder
 * holding JSONTestSuite/), on many generated strings of every kind of UTF-8 sequence,
 * valid or not, and at every length cut. Each input is a heap copy of its
 * exact size, so a scanner reading past the end fails under ASan. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "internal.h"
#include "json/lex.h"
#include "jsonfiles.h"

/* The reference: the first byte at or after p that is not whitespace. */
static const char *ref_ws_end(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        p++;
    return p;
}

/* The reference: the end of the plain content of a string at p. */
static const char *ref_plain_end(const char *p, const char *end)
{
    size_t i = 0, n = (size_t)(end - p);
    while (i < n) {
        unsigned char c = (unsigned char)p[i];
        size_t at = i;
        if (c < 0x80u) {
            if (c < 0x20u || c == '"' || c == '\\')
                break;
            i++;
            continue;
        }
        if (hyoka__utf8_next(p, n, &at) < 0)
            break;
        i = at;
    }
    return p + i;
}

static size_t checked;

/* Every scanner on [p, end) against the references. */
static void check_at(const char *p, const char *end)
{
    const char *ws = ref_ws_end(p, end), *plain = ref_plain_end(p, end);

    assert_ptr_equal(hyoka__json_ws_end_scalar(p, end), ws);
    assert_ptr_equal(hyoka__json_plain_end_scalar(p, end), plain);
#if defined(JR_SSE2)
    assert_ptr_equal(hyoka__json_ws_end_sse2(p, end), ws);
    assert_ptr_equal(hyoka__json_plain_end_sse2(p, end), plain);
#endif
    assert_ptr_equal(hyoka__json_plain_end(p, end), plain);
    checked++;
}

/* Every offset of @p data, each scanned up to a window's end (the whole
 * rest for small inputs, so that quadratic work stays bounded), then every
 * cut of the first bytes. */
static void check_buffer(const char *data, size_t n)
{
    char *copy = malloc(n ? n : 1);
    assert_non_null(copy);
    memcpy(copy, data, n);
    for (size_t i = 0; i <= n; i++) {
        size_t w = n - i < 400 ? n - i : 200 + i % 200;
        check_at(copy + i, copy + i + w);
    }
    for (size_t k = 0; k <= n && k < 80; k++)
        check_at(copy, copy + k);
    free(copy);
}

/* Every *.json file of @p dir; returns how many. */
static size_t check_dir(const char *dir)
{
    return jsonfiles_each(dir, check_buffer);
}

static const char *source_root(void)
{
    const char *root = getenv("HYOKA_SOURCE_ROOT");
    return root && root[0] ? root : ".";
}

static void test_own_conformance_and_sheets(void **state)
{
    char path[4096];
    (void)state;

    snprintf(path, sizeof path, "%s/tests/data/json/conformance", source_root());
    assert_true(check_dir(path) >= 100);
    snprintf(path, sizeof path, "%s/examples/sheets", source_root());
    assert_true(check_dir(path) >= 3);
}

static void test_jsontestsuite(void **state)
{
    const char *env = getenv("HYOKA_CONFORMANCE");
    char path[4096];
    size_t n;
    (void)state;

    if (!env || !env[0]) {
        fprintf(stderr, "note: HYOKA_CONFORMANCE not set; JSONTestSuite skipped\n");
        skip();
    }
    snprintf(path, sizeof path, "%s/JSONTestSuite/test_parsing", env);
    n = check_dir(path);
    if (n == 0) {
        fprintf(stderr, "note: %s not found; JSONTestSuite skipped\n", path);
        skip();
    }
    assert_true(n > 300);
}

/* Pieces that strings are made of: plain ASCII; the common multibyte
 * characters (two and three bytes); the rare valid ones (at the edges of
 * the E0 and ED ranges, four bytes); and what stops a run: special ASCII,
 * stray continuation bytes, overlong forms, surrogates, code points above
 * U+10FFFF, bytes that never occur, sequences cut short. */
static const char *const plain_ascii[] = {"a", "Z", "0", " ", "/", "\x7f", "~"};
static const char *const common_mb[] = {"\xc2\x80", "\xdf\xbf", "\xc3\xa9", "\xe3\x81\x82", "\xe6\xbc\xa2",
                                        "\xef\xbc\xa1", "\xe1\x80\x80", "\xec\xbf\xbf", "\xee\x80\x80"};
static const char *const rare_valid[] = {"\xe0\xa0\x80", "\xe0\xbf\xbf", "\xed\x80\x80", "\xed\x9f\xbf",
                                         "\xf0\x90\x80\x80", "\xf0\xa0\xae\xb7", "\xf4\x8f\xbf\xbf"};
static const char *const stoppers[] = {
    "\"", "\\", "\t", "\n", "\x01", "\x1f", "\x80", "\xbf", "\xc0\xaf", "\xc1\xbf", "\xe0\x80\xaf",
    "\xe0\x9f\xbf", "\xed\xa0\x80", "\xed\xbf\xbf", "\xf0\x80\x80\x80", "\xf4\x90\x80\x80",
    "\xf5\x80\x80\x80", "\xff", "\xfe", "\xe3\x81", "\xe3", "\xc3", "\xf0\x9f\x98", "\xe3\x81\x82\x82"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static void test_generated(void **state)
{
    uint64_t seed = 0x9E3779B97F4A7C15u;
    size_t stops = 0;
    char buf[160];
    (void)state;

    for (int round = 0; round < 8000; round++) {
        size_t n = 0;
        while (n < 120) {
            const char *piece;
            size_t k, len;
            seed = seed * 6364136223846793005u + 1442695040888963407u;
            k = (size_t)(seed >> 33);
            switch (k % 100) {
            case 0: k = 0; break; /* the end */
            case 1: case 2: case 3: case 4: case 5: case 6:
                piece = stoppers[(k / 100) % COUNT(stoppers)];
                stops++;
                break;
            case 7: case 8: case 9: case 10: case 11: case 12: case 13: case 14:
                piece = rare_valid[(k / 100) % COUNT(rare_valid)];
                break;
            default:
                piece = k % 100 < 40 ? plain_ascii[(k / 100) % COUNT(plain_ascii)]
                                     : common_mb[(k / 100) % COUNT(common_mb)];
                break;
            }
            if (k == 0)
                break;
            len = strlen(piece);
            memcpy(buf + n, piece, len);
            n += len;
        }
        check_buffer(buf, n);
    }
    assert_true(stops > 10000);
    assert_true(checked > 100000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_generated),
        cmocka_unit_test(test_own_conformance_and_sheets),
        cmocka_unit_test(test_jsontestsuite),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
