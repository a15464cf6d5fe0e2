/* The growable byte buffer (buf.h): growing, the sink, formatted text and
 * handing the bytes over. The appends of every byte are inline in buf.h;
 * only what does not fit comes here. */
#include "util/buf.h"

#include <stdarg.h>
#include <stdio.h>

/* The first block of a buffer in memory. */
#define FIRST_CAP 256

void hyoka__buf_init_sink(struct hyoka__buf *b, hyoka__buf_sink_fn sink, void *user)
{
    hyoka__buf_init(b);
    b->sink = sink;
    b->user = user;
}

/* Give @p n bytes to the sink. */
static bool send_bytes(struct hyoka__buf *b, const char *s, size_t n)
{
    int rc;

    if (n == 0)
        return true;
    rc = b->sink(b->user, s, n);
    if (rc != HYOKA_OK) {
        hyoka__buf_fail(b, rc);
        return false;
    }
    return true;
}

/* Capacity for len + n bytes and a NUL. */
static bool resize(struct hyoka__buf *b, size_t n)
{
    size_t need, cap;
    char *p;

    if (n > SIZE_MAX - 1 - b->len) {
        hyoka__buf_fail(b, hyoka__fail(HYOKA_ERANGE, "a text cannot grow beyond %zu bytes", (size_t)SIZE_MAX));
        return false;
    }
    need = b->len + n + 1;
    cap = hyoka__grow_cap(b->cap, need, b->sink ? HYOKA__BUF_SINK_SIZE : FIRST_CAP);
    p = hyoka__heap_realloc(b->data, cap);
    if (!p) {
        hyoka__buf_fail(b, hyoka__nomem());
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

bool hyoka__buf_grow(struct hyoka__buf *b, size_t n)
{
    if (b->err != HYOKA_OK)
        return false;
    if (b->sink && b->len > 0) {
        if (!send_bytes(b, b->data, b->len))
            return false;
        b->len = 0;
        if (b->cap > n)
            return true;
    }
    return resize(b, n);
}

bool hyoka__buf_put_slow(struct hyoka__buf *b, const char *s, size_t n)
{
    if (b->err != HYOKA_OK)
        return false;
    if (b->sink && n >= HYOKA__BUF_SINK_SIZE) {
        /* A large piece goes straight through, after what is held. */
        if (!send_bytes(b, b->data, b->len))
            return false;
        b->len = 0;
        return send_bytes(b, s, n);
    }
    if (!hyoka__buf_grow(b, n))
        return false;
    if (n > 0)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    return true;
}

bool hyoka__buf_put_uint(struct hyoka__buf *b, uint64_t v)
{
    char digits[24];
    char *end = digits + sizeof digits, *p = end;

    do {
        *--p = (char)('0' + (int)(v % 10));
        v /= 10;
    } while (v != 0);
    return hyoka__buf_put(b, p, (size_t)(end - p));
}

bool hyoka__buf_vprintf(struct hyoka__buf *b, const char *fmt, va_list ap)
{
    va_list again;
    bool room;
    int n;

    if (!hyoka__buf_reserve(b, 64) || b->err != HYOKA_OK)
        return false;
    va_copy(again, ap);
    n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
    room = n >= 0 && (size_t)n < b->cap - b->len;
    if (n >= 0 && !room) {
        room = hyoka__buf_reserve(b, (size_t)n);
        if (room)
            (void)vsnprintf(b->data + b->len, b->cap - b->len, fmt, again);
    }
    va_end(again);
    if (n < 0)
        hyoka__buf_fail(b, hyoka__fail(HYOKA_EINVAL, "cannot format the text \"%s\"", fmt));
    if (n < 0 || !room)
        return false;
    b->len += (size_t)n;
    return true;
}

bool hyoka__buf_printf(struct hyoka__buf *b, const char *fmt, ...)
{
    va_list ap;
    bool ok;

    va_start(ap, fmt);
    ok = hyoka__buf_vprintf(b, fmt, ap);
    va_end(ap);
    return ok;
}

int hyoka__buf_flush(struct hyoka__buf *b)
{
    if (b->err == HYOKA_OK && b->sink && b->len > 0 && send_bytes(b, b->data, b->len))
        b->len = 0;
    return b->err;
}

int hyoka__buf_take(struct hyoka__buf *b, char **out, size_t *len)
{
    int rc;

    if (b->err == HYOKA_OK && !b->data)
        (void)resize(b, 0);
    rc = b->err;
    if (rc != HYOKA_OK) {
        hyoka__buf_free(b);
        return rc;
    }
    b->data[b->len] = '\0';
    *out = b->data;
    if (len)
        *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return HYOKA_OK;
}

void hyoka__buf_free(struct hyoka__buf *b)
{
    hyoka__free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->err = HYOKA_OK;
}
