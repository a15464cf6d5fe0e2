#include "failalloc.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

static long alloc_count;
static long fail_at;
static bool fail_persistent;
static bool injected;
static long live_blocks;

static bool should_fail(void)
{
    alloc_count++;
    if (fail_at > 0 && (alloc_count == fail_at || (fail_persistent && alloc_count > fail_at))) {
        injected = true;
        return true;
    }
    return false;
}

static void *fa_malloc(size_t size, void *user)
{
    void *p;
    (void)user;
    if (should_fail())
        return NULL;
    p = malloc(size);
    if (p)
        live_blocks++;
    return p;
}

static void *fa_realloc(void *ptr, size_t size, void *user)
{
    void *p;
    (void)user;
    if (should_fail())
        return NULL;
    p = realloc(ptr, size);
    if (p && !ptr)
        live_blocks++;
    return p;
}

static void fa_free(void *ptr, void *user)
{
    (void)user;
    if (ptr)
        live_blocks--;
    free(ptr);
}

void failalloc_install(void)
{
    failalloc_reset();
    live_blocks = 0;
    hyoka_set_allocator(fa_malloc, fa_realloc, fa_free, NULL);
}

void failalloc_uninstall(void)
{
    hyoka_set_allocator(NULL, NULL, NULL, NULL);
}

void failalloc_reset(void)
{
    alloc_count = 0;
    fail_at = 0;
    fail_persistent = false;
    injected = false;
}

void failalloc_fail_at(long k, bool persistent)
{
    alloc_count = 0;
    fail_at = k;
    fail_persistent = persistent;
    injected = false;
}

long failalloc_count(void)
{
    return alloc_count;
}

long failalloc_live(void)
{
    return live_blocks;
}

bool failalloc_injected(void)
{
    return injected;
}

long failalloc_sweep(failalloc_body body, void *ctx)
{
    long clean_count;
    int rc;

    failalloc_install();
    rc = body(ctx);
    clean_count = failalloc_count();
    if (rc != HYOKA_OK)
        fail_msg("failalloc_sweep: clean run failed with %s (%s)", hyoka_status_name(rc), hyoka_error_last());
    if (failalloc_live() != 0)
        fail_msg("failalloc_sweep: clean run leaked %ld blocks", failalloc_live());

    for (long k = 1; k <= clean_count; k++) {
        for (int persistent = 0; persistent <= 1; persistent++) {
            failalloc_fail_at(k, persistent != 0);
            rc = body(ctx);
            if (rc != HYOKA_OK && rc != HYOKA_ENOMEM)
                fail_msg("failalloc_sweep: k=%ld %s: unexpected %s (%s)", k,
                         persistent ? "persistent" : "once", hyoka_status_name(rc), hyoka_error_last());
            if (rc == HYOKA_ENOMEM && !failalloc_injected())
                fail_msg("failalloc_sweep: k=%ld: ENOMEM without an injected failure", k);
            if (failalloc_live() != 0)
                fail_msg("failalloc_sweep: k=%ld %s: %ld blocks leaked", k,
                         persistent ? "persistent" : "once", failalloc_live());
        }
    }
    failalloc_reset();
    failalloc_uninstall();
    return clean_count;
}
