/* The growable byte buffer of the library (buf.c): every text a writer
 * makes (hyoka/1, hyoka-metrics/1, CSV tables, HTML pages), the scratch
 * text of the readers and the JSON pointers of diagnostics (jsonptr.h).
 *
 * A buffer remembers its first failure in err: out of memory
 * (HYOKA_ENOMEM), a size beyond SIZE_MAX (HYOKA_ERANGE), a failure of its
 * sink, or any failure its user hands to hyoka__buf_fail(). Each is
 * recorded for hyoka_error_last() when it happens. Once err is set, an
 * append that needs room does nothing, so a writer runs to its end and
 * checks err once.
 *
 * Two modes:
 * - in memory (hyoka__buf_init(), or all zero): the buffer grows (capacity
 *   doubles) and hyoka__buf_take() hands the bytes to the caller, who
 *   releases them with hyoka_free() (or hyoka__free());
 * - with a sink (hyoka__buf_init_sink()): the bytes go to a callback each
 *   time HYOKA__BUF_SINK_SIZE of them are held, and hyoka__buf_flush()
 *   sends the rest; the memory stays bounded whatever is written.
 *
 * The memory is always on the heap, never in an arena, so a reader can use
 * a buffer while the arena of the portfolio it fills is entered.
 *
 * While data is not NULL, cap > len: there is always room for a NUL after
 * the bytes (hyoka__buf_str()). Not installed. */
#ifndef HYOKA_UTIL_BUF_H
#define HYOKA_UTIL_BUF_H

#include "internal.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* Where a buffer with a sink sends its bytes: HYOKA_OK, or a failure
 * status the sink has recorded with hyoka__fail(). */
typedef int (*hyoka__buf_sink_fn)(void *user, const char *data, size_t len);

/* Bytes held before a buffer with a sink sends them. */
#define HYOKA__BUF_SINK_SIZE ((size_t)1 << 16)

struct hyoka__buf {
    char *data;   /* NULL until something was added */
    size_t len;
    size_t cap;   /* 0 while data is NULL, else more than len */
    int err;      /* first failure (recorded), HYOKA_OK while fine */
    hyoka__buf_sink_fn sink; /* NULL: in memory */
    void *user;   /* the sink's argument */
};

/* An empty buffer in memory (so is a zeroed one). */
static inline void hyoka__buf_init(struct hyoka__buf *b)
{
    memset(b, 0, sizeof *b);
}

/* An empty buffer that sends its bytes to @p sink (with @p user). */
void hyoka__buf_init_sink(struct hyoka__buf *b, hyoka__buf_sink_fn sink, void *user);

/* Remember @p rc (a failure already recorded) unless one is remembered. */
static inline void hyoka__buf_fail(struct hyoka__buf *b, int rc)
{
    if (b->err == HYOKA_OK)
        b->err = rc;
}

/* For the inline functions: room for @p n more bytes and a NUL, by
 * sending the bytes held to the sink or by growing. false once anything
 * failed. */
bool hyoka__buf_grow(struct hyoka__buf *b, size_t n);
/* For the inline functions: append what does not fit (a sink may take a
 * large piece straight from @p s). */
bool hyoka__buf_put_slow(struct hyoka__buf *b, const char *s, size_t n);

/* The appends are always inlined: the writers call them for every token.
 * Room to write @p n bytes (and a NUL) at data + len directly; the writer
 * then adds what it wrote to len. false when there is none (err set). */
HYOKA_ALWAYS_INLINE static inline bool hyoka__buf_reserve(struct hyoka__buf *b, size_t n)
{
    if (HYOKA_LIKELY(b->cap - b->len > n))
        return true;
    return hyoka__buf_grow(b, n);
}

/* Append @p n bytes of @p s (not NULL, and not inside the buffer); false
 * when they could not be (err set). */
HYOKA_ALWAYS_INLINE static inline bool hyoka__buf_put(struct hyoka__buf *b, const char *s, size_t n)
{
    if (HYOKA_LIKELY(b->cap - b->len > n)) {
        memcpy(b->data + b->len, s, n); /* data is not NULL: cap > 0 */
        b->len += n;
        return true;
    }
    return hyoka__buf_put_slow(b, s, n);
}

/* Append a NUL-terminated string. Inline: a literal's length is known
 * when compiling. */
HYOKA_ALWAYS_INLINE static inline bool hyoka__buf_puts(struct hyoka__buf *b, const char *s)
{
    return hyoka__buf_put(b, s, strlen(s));
}

HYOKA_ALWAYS_INLINE static inline bool hyoka__buf_putc(struct hyoka__buf *b, char c)
{
    if (HYOKA_LIKELY(b->cap - b->len > 1)) {
        b->data[b->len++] = c;
        return true;
    }
    return hyoka__buf_put_slow(b, &c, 1);
}

/* Append @p v in decimal. */
bool hyoka__buf_put_uint(struct hyoka__buf *b, uint64_t v);

/* Append formatted text (vsnprintf). */
bool hyoka__buf_printf(struct hyoka__buf *b, const char *fmt, ...) HYOKA_PRINTF(2, 3);
bool hyoka__buf_vprintf(struct hyoka__buf *b, const char *fmt, va_list ap) HYOKA_PRINTF(2, 0);

/* The bytes held, NUL-terminated ("" when nothing was ever added). */
static inline const char *hyoka__buf_str(struct hyoka__buf *b)
{
    if (!b->data)
        return "";
    b->data[b->len] = '\0';
    return b->data;
}

/* Send every byte held to the sink; returns err. */
int hyoka__buf_flush(struct hyoka__buf *b);

/* In memory: hand the bytes to the caller, NUL-terminated (*out; *len
 * when not NULL), and return HYOKA_OK; or, after a failure, free them and
 * return it. Either way the buffer is empty afterwards (err cleared). */
int hyoka__buf_take(struct hyoka__buf *b, char **out, size_t *len);

/* Give back the memory; the buffer is empty again (err cleared, the sink
 * kept). */
void hyoka__buf_free(struct hyoka__buf *b);

#endif /* HYOKA_UTIL_BUF_H */
