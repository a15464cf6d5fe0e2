/* Private helpers shared by the library's modules. Not installed. */
#ifndef HYOKA_INTERNAL_H
#define HYOKA_INTERNAL_H

#include "hyoka/hyoka.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* HYOKA_ALWAYS_INLINE: for the small helpers of hot loops that private
 * headers share between files (where the compiler might otherwise call
 * them). HYOKA_COLD: for functions called only on failure, so the
 * compiler keeps them and their callers' failure paths out of the way. */
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
#  define HYOKA_COLD __attribute__((cold))
#else
#  define HYOKA_PRINTF(a, b)
#  define HYOKA_PRINTF2(a, b, c)
#  define HYOKA_LIKELY(x) (x)
#  define HYOKA_UNLIKELY(x) (x)
#  define HYOKA_ALWAYS_INLINE
#  define HYOKA_COLD
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
/* Copy @p len bytes and add a NUL; NULL on failure (no error set).
 * Inline: the readers call it for every text they keep, and whether the
 * optimiser inlines a call into another module should not decide that. */
static inline char *hyoka__strndup(const char *s, size_t len)
{
    char *p = len == SIZE_MAX ? NULL : (char *)hyoka__malloc(len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}
/* Always on the heap: for temporaries and for memory that is not
 * owned by the arena's owner while an arena is entered. */
void *hyoka__heap_malloc(size_t size);
void *hyoka__heap_calloc(size_t count, size_t size);
void *hyoka__heap_realloc(void *ptr, size_t size);

/* ---- Sizes ----
 *
 * Every size computed from a count goes through these: a product or sum
 * that would wrap is refused (false, *out unchanged), never truncated. */
static inline bool hyoka__size_mul(size_t a, size_t b, size_t *out)
{
    if (b != 0 && a > SIZE_MAX / b)
        return false;
    *out = a * b;
    return true;
}

static inline bool hyoka__size_add(size_t a, size_t b, size_t *out)
{
    if (a > SIZE_MAX - b)
        return false;
    *out = a + b;
    return true;
}

/* ---- 128-bit intermediates ----
 *
 * Products and sums of int64_t values (decimals, yen) are computed in 128
 * bits, then checked to fit back. */
__extension__ typedef __int128 hyoka__i128;

static inline bool hyoka__fits_i64(hyoka__i128 v)
{
    return v >= (hyoka__i128)INT64_MIN && v <= (hyoka__i128)INT64_MAX;
}

/* The capacity an array of @p cap elements grows to so that it holds
 * @p need (> cap): @p first when it was empty, doubled until it is enough,
 * or @p need itself when doubling would overflow. Whether @p need elements
 * fit in memory is for hyoka__size_mul() to say. */
static inline size_t hyoka__grow_cap(size_t cap, size_t need, size_t first)
{
    size_t c = cap ? cap : first;
    while (c < need)
        c = c > SIZE_MAX / 2 ? need : c * 2;
    return c;
}

/* hyoka__malloc() and friends for an array of @p count elements of
 * @p size bytes: NULL when count × size overflows, as when out of memory
 * (no error set). An overflowing product is passed on as SIZE_MAX, which
 * every allocation function refuses. */
static inline size_t hyoka__array_bytes(size_t count, size_t size)
{
    size_t n;
    return hyoka__size_mul(count, size, &n) ? n : SIZE_MAX;
}
static inline void *hyoka__malloc_array(size_t count, size_t size)
{
    return hyoka__malloc(hyoka__array_bytes(count, size));
}

static inline void *hyoka__realloc_array(void *ptr, size_t count, size_t size)
{
    return hyoka__realloc(ptr, hyoka__array_bytes(count, size));
}

static inline void *hyoka__heap_malloc_array(size_t count, size_t size)
{
    return hyoka__heap_malloc(hyoka__array_bytes(count, size));
}

static inline void *hyoka__heap_realloc_array(void *ptr, size_t count, size_t size)
{
    return hyoka__heap_realloc(ptr, hyoka__array_bytes(count, size));
}

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
/* How many status codes there are, HYOKA_OK included: they run from 0
 * down to 1 - hyoka__status_count(). */
int hyoka__status_count(void);

/* ---- Argument checks ----
 *
 * A public function checks its arguments first, with these macros, before
 * it changes or allocates anything. A failed check records "<function>:
 * <what is wrong>" for hyoka_error_last(), naming the function from
 * __func__ and the argument by its name in the source, and returns
 * HYOKA_EINVAL (HYOKA_ERANGE for a fiscal year, HYOKA_ENOTFOUND for an
 * index) from the enclosing function, which must return int. On the
 * success path a check is a comparison or two; the message is formatted
 * out of line, and only on failure. Enumeration values are named by their
 * document names (vocab.h), never by their numbers, except when the number
 * is the problem: "unit 5 is not a hyoka_unit (0..1: yen, thousand_yen)".
 *
 * The _IN forms name @p fn instead of __func__: for a static function that
 * implements one or several public ones. Arguments may be evaluated more
 * than once: pass names, not expressions with side effects. A function
 * that returns something other than a status (a pointer, a count) calls
 * the hyoka__fail_*() functions itself. The ENUM checks need vocab.h,
 * which pairs every HYOKA_ENUM_<ID> with its HYOKA__<ID>_COUNT. */

/* "fn: arg is NULL". */
HYOKA_COLD int hyoka__fail_null(const char *fn, const char *arg);
/* "fn: arg 99 is not a hyoka_figure (0..N)", the values' names listed
 * when there are few; with @p unset_ok, "or HYOKA_UNSET" too. */
HYOKA_COLD int hyoka__fail_enum(const char *fn, const char *arg, int value, int which, bool unset_ok);
/* For a value of enumeration @p which that is not of the subset a function
 * takes: "fn: staff field \"fte\" is not a money field (unit_cost,
 * hourly_rate, amount)", @p expected saying what is; a value outside the
 * enumeration is reported as by hyoka__fail_enum(). */
HYOKA_COLD int hyoka__fail_enum_subset(const char *fn, const char *arg, int value, int which, const char *expected);
/* "fn: buf is NULL but size is 16". */
HYOKA_COLD int hyoka__fail_buffer(const char *fn, const char *arg, const char *size_arg, size_t size);
/* HYOKA_ERANGE, "fn: fiscal_year 99 is outside 1868..9999". */
HYOKA_COLD int hyoka__fail_year(const char *fn, const char *arg, int64_t year);
/* HYOKA_ENOTFOUND, "fn: index 5 is out of range (3 schemes)"; @p what
 * names the elements in the plural. */
HYOKA_COLD int hyoka__fail_index(const char *fn, size_t index, size_t count, const char *what);

#define HYOKA__CHECK_NULL_IN(fn, arg)                                                                  \
    do {                                                                                               \
        if (HYOKA_UNLIKELY((arg) == NULL))                                                             \
            return hyoka__fail_null((fn), #arg);                                                       \
    } while (0)
#define HYOKA__CHECK_NULL(arg) HYOKA__CHECK_NULL_IN(__func__, arg)

/* @p value in 0 .. HYOKA__<ID>_COUNT - 1 (vocab.h). */
#define HYOKA__CHECK_ENUM_IN(fn, value, ID)                                                            \
    do {                                                                                               \
        if (HYOKA_UNLIKELY((unsigned)(value) >= (unsigned)HYOKA__##ID##_COUNT))                        \
            return hyoka__fail_enum((fn), #value, (value), HYOKA_ENUM_##ID, false);                   \
    } while (0)
#define HYOKA__CHECK_ENUM(value, ID) HYOKA__CHECK_ENUM_IN(__func__, value, ID)

/* The same, HYOKA_UNSET allowed too (a field that may be missing). */
#define HYOKA__CHECK_ENUM_OR_UNSET_IN(fn, value, ID)                                                   \
    do {                                                                                               \
        if (HYOKA_UNLIKELY((value) != HYOKA_UNSET && (unsigned)(value) >= (unsigned)HYOKA__##ID##_COUNT)) \
            return hyoka__fail_enum((fn), #value, (value), HYOKA_ENUM_##ID, true);                    \
    } while (0)
#define HYOKA__CHECK_ENUM_OR_UNSET(value, ID) HYOKA__CHECK_ENUM_OR_UNSET_IN(__func__, value, ID)

/* The public getter and setter of member @p member of a hyoka_<object>, a
 * value of enumeration ID or HYOKA_UNSET: hyoka_<object>_<member>() (HYOKA_UNSET
 * for NULL) and hyoka_<object>_set_<member>(), which checks as above. The
 * declarations and their documentation are the public headers'. */
#define HYOKA__ENUM_MEMBER(object, member, ID)                                                         \
    int hyoka_##object##_##member(const hyoka_##object *object)                                        \
    {                                                                                                  \
        return object ? object->member : HYOKA_UNSET;                                                  \
    }                                                                                                  \
    int hyoka_##object##_set_##member(hyoka_##object *object, int member)                              \
    {                                                                                                  \
        HYOKA__CHECK_NULL(object);                                                                     \
        HYOKA__CHECK_ENUM_OR_UNSET(member, ID);                                                        \
        object->member = member;                                                                       \
        return HYOKA_OK;                                                                               \
    }

/* @p value a value of enumeration ID for which @p ok holds; @p expected
 * says which ones do, for the message. */
#define HYOKA__CHECK_ENUM_SUBSET_IN(fn, value, ID, ok, expected)                                       \
    do {                                                                                               \
        if (HYOKA_UNLIKELY(!(ok)))                                                                     \
            return hyoka__fail_enum_subset((fn), #value, (value), HYOKA_ENUM_##ID, (expected));        \
    } while (0)
#define HYOKA__CHECK_ENUM_SUBSET(value, ID, ok, expected)                                              \
    HYOKA__CHECK_ENUM_SUBSET_IN(__func__, value, ID, ok, expected)

/* An array or buffer argument: @p buf may be NULL only when @p size (its
 * size or count) is 0, as in the caller-buffer convention. */
#define HYOKA__CHECK_BUFFER(buf, size)                                                                 \
    do {                                                                                               \
        if (HYOKA_UNLIKELY((buf) == NULL && (size) > 0))                                               \
            return hyoka__fail_buffer(__func__, #buf, #size, (size));                                  \
    } while (0)

/* A fiscal year in HYOKA__YEAR_MIN .. HYOKA__YEAR_MAX (vocab.h). */
#define HYOKA__CHECK_YEAR_IN(fn, year)                                                                 \
    do {                                                                                               \
        if (HYOKA_UNLIKELY((year) < HYOKA__YEAR_MIN || (year) > HYOKA__YEAR_MAX))                      \
            return hyoka__fail_year((fn), #year, (year));                                              \
    } while (0)
#define HYOKA__CHECK_YEAR(year) HYOKA__CHECK_YEAR_IN(__func__, year)

/* @p index below @p count; @p what names the elements (plural). */
#define HYOKA__CHECK_INDEX_IN(fn, index, count, what)                                                  \
    do {                                                                                               \
        if (HYOKA_UNLIKELY((index) >= (count)))                                                        \
            return hyoka__fail_index((fn), (index), (count), (what));                                  \
    } while (0)
#define HYOKA__CHECK_INDEX(index, count, what) HYOKA__CHECK_INDEX_IN(__func__, index, count, what)

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

/* Symbol versions of a function whose meaning changed (ELF only).
 * HYOKA__SYMVER(impl, "name@@HYOKA_1.1") before the definition of impl
 * exports it as the default version of name, which new programs link to;
 * HYOKA__SYMVER(impl_1_0, "name@HYOKA_1.0") exports the earlier meaning that
 * programs built against 1.0 were linked to. lib/libhyoka.map lists name in
 * both nodes. GCC 10+ has an attribute that survives link-time
 * optimisation; other compilers take the assembler directive. Elsewhere
 * (Windows, macOS) there are no symbol versions: impl is simply name, the
 * old meaning is not exported, and a program built against the earlier
 * version must be rebuilt (abi/README.md). */
#if defined(__ELF__) && !defined(HYOKA_STATIC)
#  define HYOKA__HAS_SYMVER 1
#  if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 10
#    define HYOKA__SYMVER(impl, version) __attribute__((symver(version)))
#  else
#    define HYOKA__SYMVER(impl, version) __asm__(".symver " #impl "," version);
#  endif
#else
#  define HYOKA__HAS_SYMVER 0
#endif

/* Buffer output helper implementing the convention of common.h. */
int hyoka__output(const char *text, size_t n, char *buf, size_t size, size_t *len);

#endif /* HYOKA_INTERNAL_H */
