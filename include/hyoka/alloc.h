/**
 * @file alloc.h
 * @brief The allocator every hyoka allocation goes through.
 */
#ifndef HYOKA_ALLOC_H
#define HYOKA_ALLOC_H

#include "common.h"

HYOKA_BEGIN_DECLS

/** Allocate @p size bytes; return NULL on failure. @p user is the pointer given to hyoka_set_allocator(). */
typedef void *(*hyoka_malloc_fn)(size_t size, void *user);
/** Resize @p ptr (which may be NULL) to @p size bytes; on failure return NULL and leave @p ptr valid. */
typedef void *(*hyoka_realloc_fn)(void *ptr, size_t size, void *user);
/** Release @p ptr (which may be NULL). */
typedef void (*hyoka_free_fn)(void *ptr, void *user);

/**
 * Replace the allocator used by the whole library.
 *
 * Call it before any other hyoka function and never while another thread
 * uses the library: memory allocated by one allocator must be freed by the
 * same one, so every handle must be freed before the allocator is changed
 * again. This is the only global mutable state in hyoka.
 *
 * @param malloc_fn  allocation function.
 * @param realloc_fn reallocation function.
 * @param free_fn    release function.
 * @param user       opaque pointer handed to each function; not owned.
 * @return ::HYOKA_OK; ::HYOKA_EINVAL when some but not all functions are
 *         NULL. All three NULL restores the C library's malloc, realloc
 *         and free.
 */
HYOKA_API int hyoka_set_allocator(hyoka_malloc_fn malloc_fn,
                                  hyoka_realloc_fn realloc_fn,
                                  hyoka_free_fn free_fn, void *user);

/**
 * Release a buffer that hyoka allocated for the caller (text written by a
 * writer, a list returned by a query...). Use it instead of free(): the
 * buffer came from hyoka's allocator. NULL is accepted and ignored.
 *
 * @param ptr a buffer returned by hyoka whose documentation says
 *            "release with hyoka_free()"; ownership ends here.
 */
HYOKA_API void hyoka_free(void *ptr);

HYOKA_END_DECLS

#endif /* HYOKA_ALLOC_H */
