/* Private helpers shared by the library's modules. Not installed. */
#ifndef HYOKA_INTERNAL_H
#define HYOKA_INTERNAL_H

#include "hyoka/hyoka.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#  define HYOKA_PRINTF(a, b) __attribute__((format(printf, a, b)))
#  define HYOKA_LIKELY(x) __builtin_expect(!!(x), 1)
#  define HYOKA_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#  define HYOKA_PRINTF(a, b)
#  define HYOKA_LIKELY(x) (x)
#  define HYOKA_UNLIKELY(x) (x)
#endif

/* Longest string a setter accepts (bytes). */
#define HYOKA__TEXT_MAX ((int64_t)1 << 24)

/* Allocation through the user's allocator (alloc.c). */
void *hyoka__malloc(size_t size);
void *hyoka__calloc(size_t count, size_t size);
void *hyoka__realloc(void *ptr, size_t size);
void hyoka__free(void *ptr);
/* Copy @p len bytes and add a NUL; NULL on failure (no error set). */
char *hyoka__strndup(const char *s, size_t len);

/* Record a failure for hyoka_error_last() and return @p code (error.c). */
int hyoka__fail(int code, const char *fmt, ...) HYOKA_PRINTF(2, 3);
/* Shorthand for the common out-of-memory failure. */
int hyoka__nomem(void);

/* Resolve a (text, len) pair where len may be HYOKA_NTS. */
static inline size_t hyoka__len(const char *text, size_t len)
{
    if (len == HYOKA_NTS) {
        size_t n = 0;
        while (text[n] != '\0')
            n++;
        return n;
    }
    return len;
}

/* UTF-8 (utf8.c): true when s[0..len) is valid UTF-8 (no surrogates, no
 * overlong forms, nothing above U+10FFFF). */
bool hyoka__utf8_valid(const char *s, size_t len);
/* Decode one code point at s[*pos]; advances *pos. Returns -1 on invalid. */
int32_t hyoka__utf8_next(const char *s, size_t len, size_t *pos);
/* Cut a string of @p len bytes so it does not end inside a character;
 * writes the NUL and returns the new length. */
size_t hyoka__utf8_cut(char *s, size_t len);
/* Encode @p cp into out (4 bytes room); returns the byte count. */
size_t hyoka__utf8_encode(uint32_t cp, char *out);

/* Buffer output helper implementing the convention of common.h. */
int hyoka__output(const char *text, size_t n, char *buf, size_t size, size_t *len);

#endif /* HYOKA_INTERNAL_H */
