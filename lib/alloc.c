/* The library-wide allocator. */
#include "internal.h"

#include <stdint.h>
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

/* ------------------------------------------------------------------------ */
/* Blocks and arenas                                                         */

/* Every block the library allocates starts with an 8-byte header, just
 * before the pointer it hands out: the block's size and where it lives,
 * on the heap (one call of the user's allocator) or in an arena (carved
 * from a larger block of its owner, given back only with the arena). So
 * hyoka__free() needs no other context. Pointers keep malloc's 16-byte
 * alignment (some records hold 128-bit sums): a heap block gives 16 bytes
 * to the header (8 of them unused), an arena block 8, placed so that the
 * block after it is aligned. */
#define HDR 8u
#define HEAP_PAD 16u
#define TAG_HEAP 0u
#define TAG_ARENA 1u

/* Arena blocks above this size go to the heap instead. */
#define ARENA_LARGE ((size_t)16 * 1024)
#define ARENA_FIRST ((size_t)1024)
#define ARENA_MAX ((size_t)4 * 1024 * 1024)

struct achunk {
    struct achunk *next;
};

struct hyoka__arena {
    struct achunk *chunks; /* newest first */
    char *cur, *end;       /* free room in the newest chunk */
    size_t next_size;      /* size of the next chunk */
};

static _Thread_local struct hyoka__arena *current_arena;

static void put_header(char *b, size_t size, unsigned tag)
{
    uint64_t h = ((uint64_t)size << 1) | tag;
    memcpy(b, &h, sizeof h);
}

static uint64_t get_header(const void *ptr)
{
    uint64_t h;
    memcpy(&h, (const char *)ptr - HDR, sizeof h);
    return h;
}

static void *heap_alloc(size_t size)
{
    char *b;
    if (size > SIZE_MAX / 2 - HEAP_PAD)
        return NULL;
    b = allocator.malloc_fn(size + HEAP_PAD, allocator.user);
    if (!b)
        return NULL;
    put_header(b + HEAP_PAD - HDR, size, TAG_HEAP);
    return b + HEAP_PAD;
}

/* Bytes an arena block of @p size takes, header included: the next header
 * stays 8 bytes before a 16-byte boundary. */
static size_t arena_span(size_t size)
{
    return (size + HDR + 15u) & ~(size_t)15u;
}

static void *arena_alloc(struct hyoka__arena *a, size_t size)
{
    size_t need;
    char *b;

    if (size > ARENA_LARGE)
        return NULL;
    need = arena_span(size);
    if (!a->cur || (size_t)(a->end - a->cur) < need) {
        size_t csize = a->next_size;
        struct achunk *c;
        while (csize < need + 16u) /* the chunk's own header */
            csize *= 2;
        c = allocator.malloc_fn(csize, allocator.user);
        if (!c)
            return NULL;
        c->next = a->chunks;
        a->chunks = c;
        /* The chunk is 16-byte aligned; its link takes the first 8 bytes,
         * the first block's header the next 8. */
        a->cur = (char *)c + HDR;
        a->end = (char *)c + csize;
        if (a->next_size < ARENA_MAX)
            a->next_size = csize * 2 < ARENA_MAX ? csize * 2 : ARENA_MAX;
    }
    b = a->cur;
    a->cur += need;
    put_header(b, size, TAG_ARENA);
    return b + HDR;
}

bool hyoka__arenas_off;

struct hyoka__arena *hyoka__arena_new(void)
{
    struct hyoka__arena *a;

    if (hyoka__arenas_off)
        return NULL;
    a = allocator.malloc_fn(sizeof *a, allocator.user);
    if (!a)
        return NULL;
    a->chunks = NULL;
    a->cur = a->end = NULL;
    a->next_size = ARENA_FIRST;
    return a;
}

void hyoka__arena_free(struct hyoka__arena *a)
{
    if (!a)
        return;
    while (a->chunks) {
        struct achunk *next = a->chunks->next;
        allocator.free_fn(a->chunks, allocator.user);
        a->chunks = next;
    }
    allocator.free_fn(a, allocator.user);
}

struct hyoka__arena *hyoka__arena_enter(struct hyoka__arena *a)
{
    struct hyoka__arena *prev = current_arena;
    current_arena = a;
    return prev;
}

void hyoka__arena_leave(struct hyoka__arena *prev)
{
    current_arena = prev;
}

/* ------------------------------------------------------------------------ */
/* The allocation functions                                                  */

void *hyoka__malloc(size_t size)
{
    if (current_arena) {
        void *p = arena_alloc(current_arena, size);
        if (p)
            return p;
    }
    return heap_alloc(size);
}

void *hyoka__heap_malloc(size_t size)
{
    return heap_alloc(size);
}

static void *zeroed(void *p, size_t n)
{
    if (p)
        memset(p, 0, n);
    return p;
}

void *hyoka__calloc(size_t count, size_t size)
{
    size_t n = hyoka__array_bytes(count, size); /* SIZE_MAX, refused, on overflow */
    return zeroed(hyoka__malloc(n), n);
}

void *hyoka__heap_calloc(size_t count, size_t size)
{
    size_t n = hyoka__array_bytes(count, size);
    return zeroed(heap_alloc(n), n);
}

/* Resize on the heap: a NULL or heap block as realloc() does; an arena
 * block moves to the heap (the old one goes with its arena). */
static void *heap_realloc(void *ptr, size_t size)
{
    uint64_t h;
    char *b;

    if (!ptr)
        return heap_alloc(size);
    h = get_header(ptr);
    if ((h & 1u) == TAG_ARENA) {
        size_t old = (size_t)(h >> 1);
        void *n = heap_alloc(size);
        if (n)
            memcpy(n, ptr, old < size ? old : size);
        return n;
    }
    if (size > SIZE_MAX / 2 - HEAP_PAD)
        return NULL;
    b = allocator.realloc_fn((char *)ptr - HEAP_PAD, size + HEAP_PAD, allocator.user);
    if (!b)
        return NULL;
    put_header(b + HEAP_PAD - HDR, size, TAG_HEAP);
    return b + HEAP_PAD;
}

void *hyoka__heap_realloc(void *ptr, size_t size)
{
    return heap_realloc(ptr, size);
}

void *hyoka__realloc(void *ptr, size_t size)
{
    struct hyoka__arena *a = current_arena;
    uint64_t h0 = ptr ? get_header(ptr) : 0;

    if (a && (!ptr || (h0 & 1u) == TAG_ARENA)) {
        size_t old = (size_t)(h0 >> 1);
        void *n;
        /* The arena's last block grows or shrinks where it is: an array
         * filled with nothing allocated in between (indicator values)
         * costs no copy and leaves no hole. */
        char *h = ptr ? (char *)ptr - HDR : NULL;
        if (h && size <= ARENA_LARGE && h + arena_span(old) == a->cur &&
            arena_span(size) <= (size_t)(a->end - h)) {
            a->cur = h + arena_span(size);
            put_header(h, size, TAG_ARENA);
            return ptr;
        }
        n = arena_alloc(a, size);
        if (n) {
            if (ptr)
                memcpy(n, ptr, old < size ? old : size);
            return n;
        }
    }
    return heap_realloc(ptr, size);
}

void hyoka__free(void *ptr)
{
    if (ptr && (get_header(ptr) & 1u) == TAG_HEAP)
        allocator.free_fn((char *)ptr - HEAP_PAD, allocator.user);
}

