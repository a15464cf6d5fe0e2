/*
 * Allocation-failure injection for the test suite.
 *
 * failalloc_install() routes every hyoka allocation through a counting
 * allocator. failalloc_fail_at(k, persistent) makes the k-th allocation
 * after the call fail (once, or that one and every later one). The counters
 * also track live blocks so a test can check that nothing leaked.
 *
 * failalloc_sweep() runs a test body once to count its allocations, then
 * again for every k, failing the k-th allocation once and from then on, and
 * checks after each run that the body returned HYOKA_OK or HYOKA_ENOMEM
 * (ENOMEM only when a failure was injected) and left no block alive.
 */
#ifndef HYOKA_TEST_FAILALLOC_H
#define HYOKA_TEST_FAILALLOC_H

#include <stdbool.h>

void failalloc_install(void);
void failalloc_uninstall(void);
/* Clear counters and any pending failure. */
void failalloc_reset(void);
/* Fail the k-th allocation from now on (1-based); k = 0 disables. */
void failalloc_fail_at(long k, bool persistent);
/* Allocations attempted since the last reset. */
long failalloc_count(void);
/* Blocks allocated and not yet freed since install. */
long failalloc_live(void);
/* Whether a failure was injected since the last reset. */
bool failalloc_injected(void);

/* A test body: does its whole job (create, act, check, free) and returns
 * the status of the operation under test. It may use cmocka asserts to
 * check that a failed operation left its objects unchanged. */
typedef int (*failalloc_body)(void *ctx);

/* Run @p body under every failure point; returns the number of
 * allocations of a clean run. Asserts through cmocka. */
long failalloc_sweep(failalloc_body body, void *ctx);

#endif
