/* Internal tests of the allocation layer (alloc.c): block headers, arenas,
 * and the JSON reader with and without one, under every allocation
 * failure. Linked against the library's objects to reach its private
 * helpers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "internal.h"
#include "model.h"

#include "failalloc.h"

/* ---- arenas ---- */

static void test_arena_blocks(void **state)
{
    struct hyoka__arena *a, *prev;
    char *s, *t, *big, *h;
    int *v, *w;
    (void)state;

    failalloc_install();
    a = hyoka__arena_new();
    assert_non_null(a);
    prev = hyoka__arena_enter(a);
    assert_null(prev);

    /* Small blocks come from the arena: one chunk for many. */
    failalloc_reset();
    s = hyoka__strndup("abc", 3);
    t = hyoka__calloc(3, 8);
    assert_non_null(s);
    assert_non_null(t);
    assert_string_equal(s, "abc");
    for (int i = 0; i < 24; i++)
        assert_int_equal(t[i], 0);
    /* malloc's alignment, for records that hold 128-bit sums */
    assert_int_equal((uintptr_t)s % 16, 0);
    assert_int_equal((uintptr_t)t % 16, 0);
    assert_int_equal(failalloc_count(), 1); /* the first chunk */
    for (size_t i = 0; i < 100; i++) {
        char *b = hyoka__malloc(i % 41);
        assert_non_null(b);
        assert_int_equal((uintptr_t)b % 16, 0);
    }
    assert_true(failalloc_count() < 10);

    /* The last block grows in place; an earlier one moves. */
    v = hyoka__realloc(NULL, 4 * sizeof *v);
    assert_non_null(v);
    for (int i = 0; i < 4; i++)
        v[i] = i;
    w = hyoka__realloc(v, 8 * sizeof *v);
    assert_ptr_equal(w, v);
    w = hyoka__realloc(w, 2 * sizeof *w); /* shrinks in place */
    assert_ptr_equal(w, v);
    w = hyoka__realloc(w, 6 * sizeof *w);
    assert_ptr_equal(w, v);
    assert_non_null(hyoka__malloc(1)); /* v is no longer last */
    w = hyoka__realloc(v, 16 * sizeof *v);
    assert_non_null(w);
    assert_ptr_not_equal(w, v);
    assert_int_equal(w[0], 0);
    assert_int_equal(w[1], 1);

    /* Large blocks and scratch go to the heap, and free there. */
    failalloc_reset();
    big = hyoka__malloc(100000);
    h = hyoka__heap_malloc(16);
    assert_non_null(big);
    assert_non_null(h);
    assert_int_equal((uintptr_t)big % 16, 0);
    assert_int_equal((uintptr_t)h % 16, 0);
    assert_int_equal(failalloc_count(), 2);
    hyoka__free(big);
    hyoka__free(h);
    h = hyoka__heap_realloc(NULL, 8);
    assert_non_null(h);
    h = hyoka__heap_realloc(h, 64);
    assert_non_null(h);
    hyoka__free(h);

    /* Freeing an arena block is a no-op; the memory goes with the arena. */
    hyoka__free(s);
    hyoka__free(t);
    hyoka__free(w);
    hyoka__arena_leave(prev);

    /* Outside the arena, an arena block given to realloc moves to the
     * heap with its contents. */
    s = hyoka__strndup("xyz", 3);           /* heap: no arena entered */
    prev = hyoka__arena_enter(a);
    t = hyoka__strndup("kept", 4);          /* an arena block */
    hyoka__arena_leave(prev);
    assert_non_null(t);
    assert_string_equal(t, "kept");
    h = hyoka__realloc(t, 100);             /* t is an arena block */
    assert_non_null(h);
    assert_string_equal(h, "kept");
    hyoka__free(h);
    hyoka__free(s);

    hyoka__arena_free(a);
    hyoka__arena_free(NULL);
    assert_int_equal(failalloc_live(), 0);
    failalloc_uninstall();
}

/* When a chunk cannot be had, blocks come from the heap one by one; when
 * that fails too, NULL. */
static void test_arena_out_of_memory(void **state)
{
    struct hyoka__arena *a, *prev;
    void *p;
    (void)state;

    failalloc_install();
    failalloc_reset();
    failalloc_fail_at(1, false);
    assert_null(hyoka__arena_new());
    a = hyoka__arena_new();
    assert_non_null(a);
    prev = hyoka__arena_enter(a);
    failalloc_reset();
    failalloc_fail_at(1, false); /* the chunk fails, the heap block not */
    p = hyoka__malloc(32);
    assert_non_null(p);
    hyoka__free(p);
    failalloc_reset();
    failalloc_fail_at(1, true);
    assert_null(hyoka__malloc(32));
    assert_null(hyoka__realloc(NULL, 32));
    failalloc_fail_at(0, false);
    hyoka__arena_leave(prev);
    hyoka__arena_free(a);
    assert_int_equal(failalloc_live(), 0);
    failalloc_uninstall();
}

/* ---- the reader, with and without its arena ---- */

static char *slurp(const char *rel, size_t *len)
{
    const char *root = getenv("HYOKA_SOURCE_ROOT");
    char path[4096];
    FILE *f;
    char *text;
    long n;

    if (!root)
        fail_msg("HYOKA_SOURCE_ROOT is not set");
    snprintf(path, sizeof path, "%s/%s", root, rel);
    f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    n = ftell(f);
    assert_true(n > 0);
    rewind(f);
    text = malloc((size_t)n + 1);
    assert_non_null(text);
    assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    text[n] = '\0';
    *len = (size_t)n;
    return text;
}

struct doc {
    const char *text;
    size_t len;
};

static int read_body(void *ctx)
{
    const struct doc *d = ctx;
    hyoka_portfolio *pf = NULL;
    hyoka_report *rep = NULL;
    char *out = NULL;
    int rc = hyoka_report_new(&rep);

    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka_json_read(d->text, d->len, NULL, &pf, rep);
    if (rc == HYOKA_OK) {
        /* What was read is whole: it writes back and validates. */
        rc = hyoka_json_write(pf, HYOKA_WRITE_COMPACT, &out, NULL);
        if (rc == HYOKA_OK)
            rc = hyoka_validate(pf, rep);
    } else {
        assert_null(pf);
    }
    hyoka_free(out);
    hyoka_portfolio_free(pf);
    hyoka_report_free(rep);
    return rc;
}

static void sweep_file(const char *rel, bool arena)
{
    struct doc d;
    char *text = slurp(rel, &d.len);
    long n;

    d.text = text;
    hyoka__arenas_off = !arena;
    failalloc_install();
    n = failalloc_sweep(read_body, &d);
    failalloc_uninstall();
    hyoka__arenas_off = false;
    print_message("%s, %s arena: %ld allocation points\n", rel, arena ? "with" : "without", n);
    assert_true(n > 10);
    free(text);
}

/* Every allocation of the reader fails in turn: ENOMEM, nothing leaked,
 * no block of the freed arena touched (ASan and valgrind run this). */
static void test_reader_sweep_with_arena(void **state)
{
    (void)state;
    sweep_file("examples/sheets/seed-002-00832.json", true);
    sweep_file("examples/sheets/moka-security-policy.json", true);
}

/* The same without the arena: every record and string is its own
 * allocation, so each of the reader's out-of-memory paths is taken. */
static void test_reader_sweep_without_arena(void **state)
{
    (void)state;
    sweep_file("examples/sheets/seed-002-00832.json", false);
    sweep_file("examples/sheets/moka-security-policy.json", false);
}

/* With and without the arena, the same portfolio. */
static void test_reader_same_result(void **state)
{
    size_t len;
    char *text = slurp("examples/sheets/sample-city-portfolio.json", &len);
    hyoka_portfolio *a = NULL, *b = NULL;
    (void)state;

    assert_int_equal(hyoka_json_read(text, len, NULL, &a, NULL), HYOKA_OK);
    assert_non_null(a->arena);
    hyoka__arenas_off = true;
    assert_int_equal(hyoka_json_read(text, len, NULL, &b, NULL), HYOKA_OK);
    hyoka__arenas_off = false;
    assert_null(b->arena);
    assert_true(hyoka_portfolio_equal(a, b));
    hyoka_portfolio_free(a);
    hyoka_portfolio_free(b);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena_blocks),
        cmocka_unit_test(test_arena_out_of_memory),
        cmocka_unit_test(test_reader_same_result),
        cmocka_unit_test(test_reader_sweep_with_arena),
        cmocka_unit_test(test_reader_sweep_without_arena),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
