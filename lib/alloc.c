/* The library-wide allocator. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static void *libc_malloc(size_t size, void *user)
{
    (void)user;
    return malloc(size);
}

static void *libc_realloc(void *ptr, size_t size, void *user)
{
    (void)user;
    return realloc(ptr, size);
}

static void libc_free(void *ptr, void *user)
{
    (void)user;
    free(ptr);
}

static struct {
    hyoka_malloc_fn malloc_fn;
    hyoka_realloc_fn realloc_fn;
    hyoka_free_fn free_fn;
    void *user;
} allocator = {libc_malloc, libc_realloc, libc_free, NULL};

int hyoka_set_allocator(hyoka_malloc_fn malloc_fn, hyoka_realloc_fn realloc_fn,
                        hyoka_free_fn free_fn, void *user)
{
    if (!malloc_fn && !realloc_fn && !free_fn) {
        allocator.malloc_fn = libc_malloc;
        allocator.realloc_fn = libc_realloc;
        allocator.free_fn = libc_free;
        allocator.user = NULL;
        return HYOKA_OK;
    }
    if (!malloc_fn || !realloc_fn || !free_fn)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_set_allocator: give all three functions, or none to restore the C library's");
    allocator.malloc_fn = malloc_fn;
    allocator.realloc_fn = realloc_fn;
    allocator.free_fn = free_fn;
    allocator.user = user;
    return HYOKA_OK;
}

void hyoka_free(void *ptr)
{
    hyoka__free(ptr);
}

void *hyoka__malloc(size_t size)
{
    return allocator.malloc_fn(size ? size : 1, allocator.user);
}

void *hyoka__calloc(size_t count, size_t size)
{
    void *p;
    if (size != 0 && count > SIZE_MAX / size)
        return NULL;
    p = hyoka__malloc(count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

void *hyoka__realloc(void *ptr, size_t size)
{
    return allocator.realloc_fn(ptr, size ? size : 1, allocator.user);
}

void hyoka__free(void *ptr)
{
    if (ptr)
        allocator.free_fn(ptr, allocator.user);
}

char *hyoka__strndup(const char *s, size_t len)
{
    char *p;
    if (len == SIZE_MAX)
        return NULL;
    p = hyoka__malloc(len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}
