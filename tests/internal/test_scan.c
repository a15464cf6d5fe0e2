/* Internal tests of the structural scanner (lib/json/scan.c): the ways
 * that take 64-byte blocks (eight bytes at a time in 64-bit words, and
 * SSE2 where the machine has it) give what the byte by byte scan gives,
 * answer and state, on generated JSON (strings with escapes, brackets
 * inside strings, UTF-8, deep nesting), on random bytes (backslashes and
 * quotes outside strings, invalid UTF-8, NUL), on the conformance files and
 * sample sheets, at every point where the text may be cut between two
 * calls (and over many random cuts). Each input is a heap copy of its
 * exact size, so a scan reading past the end fails under ASan. A few
 * answers are checked by hand, so that the reference is not only compared
 * with itself. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "internal.h"
#include "json/scan.h"
#include "jsonfiles.h"

typedef int (*scan_fn)(enum hyoka__scan_way, struct hyoka__scan *, const char *, size_t, size_t *);

struct outcome {
    int found;
    size_t pos;
    struct hyoka__scan sc;
};

static size_t compared;

/* Scan @p text with @p way, cut at each of @p cuts (increasing, the last
 * one n) until an answer. */
static struct outcome scan_cut(scan_fn fn, enum hyoka__scan_way way, const char *text, size_t start,
                               const size_t *cuts, size_t ncuts)
{
    struct outcome o;
    memset(&o, 0, sizeof o);
    o.pos = start;
    for (size_t c = 0; c < ncuts && !o.found; c++) {
        if (cuts[c] < o.pos)
            continue;
        o.found = fn(way, &o.sc, text, cuts[c], &o.pos);
        assert_true(o.pos <= cuts[c]);
        if (!o.found)
            assert_int_equal(o.pos, cuts[c]);
    }
    return o;
}

static void same(const struct outcome *a, const struct outcome *b, int header)
{
    assert_int_equal(a->found, b->found);
    assert_int_equal(a->pos, b->pos);
    assert_int_equal(a->sc.depth, b->sc.depth);
    assert_int_equal(a->sc.state, b->sc.state);
    assert_int_equal(a->sc.escape, b->sc.escape);
    if (header) {
        assert_int_equal(a->sc.key, b->sc.key);
        assert_int_equal(a->sc.string_start, b->sc.string_start);
    }
    compared++;
}

/* Every way compiled in against the byte by byte one, for the cuts given. */
static void compare_cuts(const char *text, size_t start, const size_t *cuts, size_t ncuts)
{
    struct outcome ref = scan_cut(hyoka__scan_value_by, HYOKA__SCAN_BYTES, text, start, cuts, ncuts);
    struct outcome href = scan_cut(hyoka__scan_header_by, HYOKA__SCAN_BYTES, text, start, cuts, ncuts);

    for (int way = HYOKA__SCAN_WORDS; way <= HYOKA__SCAN_SSE2; way++) {
        struct outcome o, h;
        if (!hyoka__scan_has((enum hyoka__scan_way)way))
            continue;
        o = scan_cut(hyoka__scan_value_by, (enum hyoka__scan_way)way, text, start, cuts, ncuts);
        same(&o, &ref, 0);
        h = scan_cut(hyoka__scan_header_by, (enum hyoka__scan_way)way, text, start, cuts, ncuts);
        same(&h, &href, 1);
    }
}

static uint64_t rng = 0x9E3779B97F4A7C15u;

static unsigned rnd(unsigned n)
{
    rng = rng * 6364136223846793005u + 1442695040888963407u;
    return (unsigned)((rng >> 33) % n);
}

/* @p data scanned from its first bytes: whole, cut once at many points
 * (when @p every), and cut at random points. */
static void check_text(const char *data, size_t n, int every)
{
    char *copy = malloc(n ? n : 1);
    size_t cuts[40];
    assert_non_null(copy);
    memcpy(copy, data, n);

    for (size_t start = 0; start < n && start < 3; start++) {
        cuts[0] = n;
        compare_cuts(copy, start, cuts, 1);
        if (every && start == 0) { /* every point of the first bytes, then every 13th */
            for (size_t k = 0; k <= n; k += k < 320 ? 1 : 13) {
                cuts[0] = k;
                cuts[1] = n;
                compare_cuts(copy, start, cuts, 2);
            }
        }
        for (int round = 0; round < 6; round++) {
            size_t ncuts = 1 + rnd(39);
            for (size_t c = 0; c + 1 < ncuts; c++)
                cuts[c] = start + rnd((unsigned)(n - start + 1));
            cuts[ncuts - 1] = n;
            for (size_t a = 1; a < ncuts; a++) /* sorted */
                for (size_t b = a; b > 0 && cuts[b - 1] > cuts[b]; b--) {
                    size_t t = cuts[b];
                    cuts[b] = cuts[b - 1];
                    cuts[b - 1] = t;
                }
            compare_cuts(copy, start, cuts, ncuts);
        }
    }
    free(copy);
}

/* A growing text. */
struct text {
    char *s;
    size_t n, cap;
};

static void put(struct text *t, const char *s, size_t n)
{
    if (t->n + n > t->cap) {
        t->cap = (t->n + n) * 2 + 64;
        t->s = realloc(t->s, t->cap);
        assert_non_null(t->s);
    }
    memcpy(t->s + t->n, s, n);
    t->n += n;
}

static void puts_(struct text *t, const char *s)
{
    put(t, s, strlen(s));
}

/* Pieces of strings: plain ASCII, escapes (a quote, a backslash, a
 * backslash before a backslash and a quote), brackets, UTF-8 (kana, kanji,
 * four-byte), invalid bytes. */
static const char *const string_pieces[] = {
    "a", "code", " ", "0123456789", "\\\"", "\\\\", "\\\\\\\"", "\\n", "\\u3042", "[", "]", "{", "}",
    "{\\\"x\\\":[1]}", ",", ":", "\xe3\x81\x82", "\xe6\xbc\xa2\xe5\xad\x97", "\xf0\x9f\x98\x80", "\xff", "\x80", "\xc3",
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnop",
    "\xe4\xba\x8b\xe5\x8b\x99\xe4\xba\x8b\xe6\xa5\xad\xe8\xa9\x95\xe4\xbe\xa1\xe6\x95\x91\xe6\x80\xa5\xe4\xbd\x93",
    "\xe5\x88\xb6\xe6\x95\xb4\xe5\x82\x99\xe9\x81\x8b\xe5\x96\xb6\xe4\xba\x8b\xe6\xa5\xad",
};

static void gen_string(struct text *t)
{
    unsigned k = rnd(6);
    puts_(t, "\"");
    for (unsigned i = 0; i < k; i++)
        puts_(t, string_pieces[rnd((unsigned)(sizeof string_pieces / sizeof string_pieces[0]))]);
    puts_(t, "\"");
}

static const char *const scalars[] = {"0", "-12.5e3", "true", "false", "null", "1234567890123"};
static const char *const spaces[] = {"", "", "", " ", "\n  ", "\t", "\r\n"};

#define PICK(a) (a)[rnd((unsigned)(sizeof(a) / sizeof((a)[0])))]

/* A value, its containers nested up to 12 deep while the text is shorter
 * than @p budget bytes. */
static void gen_value(struct text *t, int depth, size_t budget)
{
    unsigned k = depth > 12 || t->n > budget ? rnd(2) : rnd(6);
    puts_(t, PICK(spaces));
    if (k == 0) {
        gen_string(t);
    } else if (k == 1) {
        puts_(t, PICK(scalars));
    } else {
        int object = k & 1;
        unsigned count = rnd(6);
        puts_(t, object ? "{" : "[");
        for (unsigned i = 0; i < count; i++) {
            if (i)
                puts_(t, ",");
            if (object) {
                puts_(t, PICK(spaces));
                gen_string(t);
                puts_(t, ":");
            }
            gen_value(t, depth + 1, budget);
        }
        puts_(t, PICK(spaces));
        puts_(t, object ? "}" : "]");
    }
    puts_(t, PICK(spaces));
}

static void test_hand_answers(void **state)
{
    static const struct {
        const char *text;
        int found;
        size_t pos;
    } cases[] = {
        {"{\"a\":\"}\\\"]\"} x", 1, 12},
        {"  [1, [2, {\"]\": \"[\"}]] ,", 1, 22},
        {"\"abc\\\"def\" ", 1, 10},
        {"123,", 1, 3},
        {"true", 0, 4},
        {"[\"\\\\\"]]", 1, 6},
        {"[\"\\\\\\\"]\"]", 1, 9},
        {"{\"x\": [\"\xe3\x81\x82\", {}]", 0, 17},
    };
    (void)state;

    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        for (int way = HYOKA__SCAN_BYTES; way <= HYOKA__SCAN_SSE2; way++) {
            struct hyoka__scan sc = {0};
            size_t pos = 0, n = strlen(cases[c].text);
            char *copy;
            if (!hyoka__scan_has((enum hyoka__scan_way)way))
                continue;
            copy = malloc(n);
            assert_non_null(copy);
            memcpy(copy, cases[c].text, n);
            assert_int_equal(hyoka__scan_value_by((enum hyoka__scan_way)way, &sc, copy, n, &pos), cases[c].found);
            assert_int_equal(pos, cases[c].pos);
            free(copy);
        }
    }
}

/* A long array of elements with brackets and escaped quotes in their
 * strings ends where it was made to end, whichever way scans it. */
static void test_hand_long(void **state)
{
    static const char *const elements[] = {"{\"k]\":\"v\\\"[\"}", "[\"\\\\\",\"}\"]", "\"\xe3\x81\x82]\"", "-1"};
    struct text t = {0};
    (void)state;

    for (int len = 1; len < 200; len += 7) {
        size_t end;
        t.n = 0;
        puts_(&t, "[");
        for (int i = 0; i < len; i++) {
            puts_(&t, elements[i % 4]);
            puts_(&t, ",");
        }
        puts_(&t, "0]");
        end = t.n;
        puts_(&t, ",[\"]\"]");
        for (int way = HYOKA__SCAN_BYTES; way <= HYOKA__SCAN_SSE2; way++) {
            struct hyoka__scan sc = {0};
            size_t pos = 0;
            if (!hyoka__scan_has((enum hyoka__scan_way)way))
                continue;
            assert_int_equal(hyoka__scan_value_by((enum hyoka__scan_way)way, &sc, t.s, t.n, &pos), 1);
            assert_int_equal(pos, end);
        }
    }
    free(t.s);
}

/* A long array whose blocks end at every kind of byte: the scan over 64-byte
 * blocks must end each one where the byte by byte scan does. */
static void test_long_values(void **state)
{
    struct text t = {0};
    size_t pos = 0;
    struct hyoka__scan sc = {0};
    (void)state;

    for (int round = 0; round < 60; round++) {
        t.n = 0;
        puts_(&t, "[");
        for (int i = 0; i < 40; i++) {
            if (i)
                puts_(&t, ",");
            gen_value(&t, 0, 6000);
        }
        puts_(&t, "]");
        gen_value(&t, 0, 0); /* what follows */
        check_text(t.s, t.n, round < 20);
        memset(&sc, 0, sizeof sc);
        pos = 0;
        assert_int_equal(hyoka__scan_value(&sc, t.s, t.n, &pos), 1); /* it is well formed */
        assert_int_equal(sc.depth, 0);
    }
    free(t.s);
}

static void test_generated_values(void **state)
{
    struct text t = {0};
    (void)state;

    for (int round = 0; round < 400; round++) {
        t.n = 0;
        gen_value(&t, rnd(3) ? 0 : 10, 1200);
        if (rnd(2))
            gen_value(&t, 0, 0);
        check_text(t.s, t.n, round < 150);
    }
    free(t.s);
}

/* Random bytes, weighted to what the scan looks at: quotes and
 * backslashes outside strings, brackets, invalid UTF-8, NUL. */
static void test_random_bytes(void **state)
{
    static const char alphabet[] = "\"\\[]{}\"\\[]{},: a0\n\xe3\x81\x82\xff\x80";
    char buf[600];
    (void)state;

    for (int round = 0; round < 600; round++) {
        size_t n = 1 + rnd(sizeof buf - 1);
        int plain = rnd(4); /* mostly plain letters, the specials rare: long runs */
        for (size_t i = 0; i < n; i++) {
            if (plain && rnd(20))
                buf[i] = (char)('a' + rnd(26));
            else if (rnd(40) == 0)
                buf[i] = '\0';
            else
                buf[i] = alphabet[rnd((unsigned)(sizeof alphabet - 1))];
        }
        if (rnd(3))
            buf[0] = rnd(2) ? '[' : '{';
        check_text(buf, n, round < 150);
    }
}

/* Nesting deeper than a block, opened and closed in runs. */
static void test_deep(void **state)
{
    struct text t = {0};
    (void)state;

    for (int depth = 1; depth < 300; depth += 37) {
        t.n = 0;
        for (int i = 0; i < depth; i++)
            puts_(&t, i % 3 ? "[" : "{\"k\\\\\":");
        puts_(&t, "\"\\\"]}\"");
        for (int i = depth; i-- > 0;)
            puts_(&t, i % 3 ? "]" : "}");
        puts_(&t, " ]");
        check_text(t.s, t.n, depth < 150);
    }
    free(t.s);
}

/* Backslashes at every offset of a block and runs of them across blocks. */
static void test_backslash_runs(void **state)
{
    char buf[300];
    (void)state;

    for (size_t run = 1; run < 6; run++) {
        for (size_t at = 60; at < 140; at++) {
            size_t n = 0;
            buf[n++] = '[';
            buf[n++] = '"';
            while (n < at)
                buf[n++] = 'x';
            for (size_t i = 0; i < run; i++)
                buf[n++] = '\\';
            buf[n++] = '"';
            for (; n < 200; n++)
                buf[n] = n % 7 ? 'y' : ']';
            buf[n++] = '"';
            buf[n++] = ']';
            buf[n++] = ']';
            check_text(buf, n, at % 16 == 0);
        }
    }
}

/* A file: cut once at many points when short. */
static void check_file(const char *text, size_t len)
{
    check_text(text, len, len < 1000);
}

/* Every *.json file of @p dir; returns how many. */
static size_t check_dir(const char *dir)
{
    return jsonfiles_each(dir, check_file);
}

static void test_files(void **state)
{
    const char *root = getenv("HYOKA_SOURCE_ROOT");
    char path[4096];
    (void)state;

    if (!root || !root[0])
        root = ".";
    snprintf(path, sizeof path, "%s/tests/data/json/conformance", root);
    assert_true(check_dir(path) >= 100);
    snprintf(path, sizeof path, "%s/examples/sheets", root);
    assert_true(check_dir(path) >= 3);
}

static void test_ways(void **state)
{
    (void)state;
    assert_true(hyoka__scan_has(HYOKA__SCAN_BYTES));
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    assert_true(hyoka__scan_has(HYOKA__SCAN_WORDS));
#endif
#if defined(__SSE2__) && !defined(HYOKA_JSON_SCALAR)
    assert_true(hyoka__scan_has(HYOKA__SCAN_SSE2));
#endif
    fprintf(stderr, "note: %zu comparisons\n", compared);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hand_answers),   cmocka_unit_test(test_hand_long),   cmocka_unit_test(test_long_values),
        cmocka_unit_test(test_generated_values), cmocka_unit_test(test_random_bytes),
        cmocka_unit_test(test_deep),           cmocka_unit_test(test_backslash_runs),
        cmocka_unit_test(test_files),          cmocka_unit_test(test_ways),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
