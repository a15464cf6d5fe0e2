/* Private helpers shared by the library's modules. Not installed. */
#ifndef HYOKA_INTERNAL_H
#define HYOKA_INTERNAL_H

#include "hyoka/hyoka.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* HYOKA_ALWAYS_INLINE: for the small helpers of hot loops that private
 * headers share between files (where the compiler might otherwise call
 * them). */
#if defined(__GNUC__)
/* MinGW's printf archetype is Microsoft's (no %zu) unless gnu_printf is said. */
#  if defined(__MINGW32__)
#    define HYOKA_PRINTF(a, b) __attribute__((format(gnu_printf, a, b)))
/* Two formats (English and Japanese) that take the same arguments. */
#    define HYOKA_PRINTF2(a, b, c) __attribute__((format(gnu_printf, a, c), format(gnu_printf, b, c)))
#  else
#    define HYOKA_PRINTF(a, b) __attribute__((format(printf, a, b)))
#    define HYOKA_PRINTF2(a, b, c) __attribute__((format(printf, a, c), format(printf, b, c)))
#  endif
#  define HYOKA_LIKELY(x) __builtin_expect(!!(x), 1)
#  define HYOKA_UNLIKELY(x) __builtin_expect(!!(x), 0)
#  define HYOKA_ALWAYS_INLINE __attribute__((always_inline))
#else
#  define HYOKA_PRINTF(a, b)
#  define HYOKA_PRINTF2(a, b, c)
#  define HYOKA_LIKELY(x) (x)
#  define HYOKA_UNLIKELY(x) (x)
#  define HYOKA_ALWAYS_INLINE
#endif

/* The deepest nesting of arrays and objects of the hyoka/1 form a reader
 * accepts by default (hyoka_read_options, hyoka_csv_options). */
#define HYOKA__DEFAULT_MAX_DEPTH 64

/* How deep the hyoka/1 form of a project at sub-project level @p level
 * (1: a project of the portfolio) can nest: the document, "projects" and
 * the project are 3 levels, each level of sub-projects adds "children"
 * and the sub-project, and a project's own members go 4 deeper
 * (years/0/stated/expense). */
static inline size_t hyoka__project_nesting(size_t level)
{
    return 2 * level + 5;
}

/* Longest string a setter accepts (bytes). */
#define HYOKA__TEXT_MAX ((int64_t)1 << 24)

/* Allocation through the user's allocator (alloc.c). Every block carries
 * a header, so only hyoka__free() (or hyoka_free()) may release it, and
 * only blocks from these functions may be given to it. While an arena is
 * entered on the thread, hyoka__malloc(), hyoka__calloc() and
 * hyoka__strndup() carve small blocks from it; freeing one is then a no-op
 * and the memory goes with the arena. hyoka__realloc() then grows arrays
 * in the arena too (in place when the array is its last block); without
 * an arena it moves an arena block it is given to the heap. */
void *hyoka__malloc(size_t size);
void *hyoka__calloc(size_t count, size_t size);
void *hyoka__realloc(void *ptr, size_t size);
void hyoka__free(void *ptr);
/* Copy @p len bytes and add a NUL; NULL on failure (no error set). */
char *hyoka__strndup(const char *s, size_t len);
/* Always on the heap: for temporaries and for memory that is not
 * owned by the arena's owner while an arena is entered. */
void *hyoka__heap_malloc(size_t size);
void *hyoka__heap_calloc(size_t count, size_t size);
void *hyoka__heap_realloc(void *ptr, size_t size);

/* Arenas: many small blocks of one owner (a portfolio being read), carved
 * from large blocks of the user's allocator and given back all at once.
 * hyoka__arena_new() returns NULL when out of memory (no error set). */
struct hyoka__arena;
struct hyoka__arena *hyoka__arena_new(void);
/* For the library's internal tests only: true makes hyoka__arena_new()
 * return NULL, so readers allocate every record on its own. Never set by
 * the library. */
extern bool hyoka__arenas_off;
/* Give back every block of the arena; nothing carved from it may be used
 * afterwards. NULL is accepted. */
void hyoka__arena_free(struct hyoka__arena *a);
/* Make @p a (or NULL: none) the calling thread's arena; returns the one it
 * replaces, for hyoka__arena_leave(). */
struct hyoka__arena *hyoka__arena_enter(struct hyoka__arena *a);
void hyoka__arena_leave(struct hyoka__arena *prev);

/* Record a failure for hyoka_error_last() and return @p code (error.c). */
int hyoka__fail(int code, const char *fmt, ...) HYOKA_PRINTF(2, 3);
/* Shorthand for the common out-of-memory failure. */
int hyoka__nomem(void);

/* Record a failure whose message is written only when someone asks for it
 * (hyoka_error_last()): for failures that bulk callers expect by the
 * thousand, such as unavailable figures. @p render writes the message into
 * a buffer of @p size bytes from a private copy of @p args (at most
 * HYOKA__LAZY_ARGS_MAX bytes, copied now). Returns @p code. */
#define HYOKA__LAZY_ARGS_MAX 64
typedef void (*hyoka__render_fn)(char *buf, size_t size, const void *args);
int hyoka__fail_lazy(int code, hyoka__render_fn render, const void *args, size_t args_size);
/* vsnprintf into @p buf, cut on a UTF-8 boundary when too long. */
void hyoka__message(char *buf, size_t size, const char *fmt, ...) HYOKA_PRINTF(3, 4);

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
/* A control character, which text output never shows raw: U+0000..U+001F,
 * U+007F and the C1 controls U+0080..U+009F. */
static inline bool hyoka__is_control(int32_t cp)
{
    return (cp >= 0 && cp < 0x20) || (cp >= 0x7F && cp < 0xA0);
}
/* The text @p s with every control character written as \uXXXX (lower-case
 * hex: a newline is \u000a, ESC \u001b) and every byte that is not UTF-8 as
 * \xNN, into @p out (NUL-terminated) when not NULL; returns the length
 * (without the NUL), so a first call with NULL measures. docs/output.md. */
size_t hyoka__text_escape(const char *s, char *out);

/* A decimal with a scale in range (decimal.c); no error recorded. */
bool hyoka__decimal_valid(const hyoka_decimal *d);

/* round(a × coefficient ÷ 10^scale) by @p mode, exactly (decimal.c).
 * HYOKA_OK, HYOKA_ERANGE when the result does not fit 64 bits, or
 * HYOKA_EINVAL for a bad scale or mode; no error recorded. */
int hyoka__mul_round(int64_t a, int64_t coefficient, int scale, int mode, int64_t *out);

/* An amount of coef × 10^-scale thousand yen in yen, exactly (yen.c):
 * HYOKA_OK; HYOKA_EINVALID when it is finer than one yen (more than 3
 * places once trailing zeros are dropped); HYOKA_ERANGE beyond 64 bits.
 * No error recorded. */
int hyoka__yen_of_thousands(int64_t coef, int scale, int64_t *out);

/* The options a public function was given, into *out, which holds the
 * defaults (util/options.c): the one size check and copy of the option
 * structs, which begin with their size. A caller built with the first
 * version's header gives @p first_size, and the fields it lacks keep their
 * defaults; the present size, or a later, larger one (its extra fields
 * unread), gives every field. NULL options leave *out as it is. HYOKA_OK,
 * or HYOKA_EINVAL (error set, naming @p fn and the @p init function that
 * sets the size) for any other size. */
int hyoka__options_copy(const char *fn, const char *init, const void *given, void *out, size_t size,
                        size_t first_size);
#define hyoka__options_take(fn, init, given, out, first_size) \
    hyoka__options_copy((fn), (init), (given), (out), sizeof *(out), (first_size))

/* Buffer output helper implementing the convention of common.h. */
int hyoka__output(const char *text, size_t n, char *buf, size_t size, size_t *len);

#endif /* HYOKA_INTERNAL_H */
