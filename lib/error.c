/* Status codes, their names and the thread-local last error. */
#include "internal.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#define HYOKA_ERROR_MESSAGE_MAX 512

static _Thread_local char last_message[HYOKA_ERROR_MESSAGE_MAX];
static _Thread_local int last_code;
/* A failure whose message is not written yet (hyoka__fail_lazy). */
static _Thread_local hyoka__render_fn pending_render;
static _Thread_local union {
    unsigned char bytes[HYOKA__LAZY_ARGS_MAX];
    max_align_t align;
} pending_args;

struct status_entry {
    const char *name;
    const char *text;
};

/* Indexed by -code. */
static const struct status_entry status_table[] = {
    {"HYOKA_OK", "success"},
    {"HYOKA_EINVAL", "invalid argument"},
    {"HYOKA_ENOMEM", "out of memory"},
    {"HYOKA_ERANGE", "value out of range"},
    {"HYOKA_EENCODING", "invalid or unmappable encoding"},
    {"HYOKA_ESYNTAX", "syntax error"},
    {"HYOKA_ENOTFOUND", "not found"},
    {"HYOKA_EEXIST", "already exists"},
    {"HYOKA_EDIVZERO", "division by zero"},
    {"HYOKA_EIO", "input/output error"},
    {"HYOKA_ELIMIT", "limit exceeded"},
    {"HYOKA_EUNAVAILABLE", "figure unavailable"},
    {"HYOKA_ESTATE", "operation not allowed in this state"},
    {"HYOKA_EINVALID", "data has errors"},
};

#define STATUS_COUNT ((int)(sizeof status_table / sizeof status_table[0]))

int hyoka__status_count(void);
int hyoka__status_count(void)
{
    return STATUS_COUNT;
}

static const struct status_entry *status_lookup(int code)
{
    if (code > 0 || code <= -STATUS_COUNT)
        return NULL;
    return &status_table[-code];
}

const char *hyoka_strerror(int code)
{
    const struct status_entry *e = status_lookup(code);
    return e ? e->text : "unknown error";
}

const char *hyoka_status_name(int code)
{
    const struct status_entry *e = status_lookup(code);
    return e ? e->name : "HYOKA_UNKNOWN";
}

const char *hyoka_error_last(void)
{
    if (pending_render) {
        hyoka__render_fn render = pending_render;
        pending_render = NULL;
        render(last_message, sizeof last_message, pending_args.bytes);
    }
    return last_message;
}

int hyoka_error_last_code(void)
{
    return last_code;
}

void hyoka_error_clear(void)
{
    pending_render = NULL;
    last_message[0] = '\0';
    last_code = HYOKA_OK;
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 0)))
#endif
static void vmessage(char *buf, size_t size, const char *fmt, va_list ap, int code)
{
    int n = vsnprintf(buf, size, fmt, ap);

    if (n < 0) {
        snprintf(buf, size, "%s", hyoka_strerror(code));
    } else if ((size_t)n >= size) {
        /* Cut on a UTF-8 boundary so the message stays valid text. */
        hyoka__utf8_cut(buf, size - 1);
    }
}

void hyoka__message(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vmessage(buf, size, fmt, ap, HYOKA_EINVAL);
    va_end(ap);
}

int hyoka__fail(int code, const char *fmt, ...)
{
    va_list ap;

    last_code = code;
    pending_render = NULL;
    va_start(ap, fmt);
    vmessage(last_message, sizeof last_message, fmt, ap, code);
    va_end(ap);
    return code;
}

int hyoka__fail_lazy(int code, hyoka__render_fn render, const void *args, size_t args_size)
{
    last_code = code;
    if (args_size > sizeof pending_args.bytes) {
        /* A programming error in the library: say so rather than overrun. */
        pending_render = NULL;
        snprintf(last_message, sizeof last_message, "%s", hyoka_strerror(code));
        return code;
    }
    memcpy(pending_args.bytes, args, args_size);
    pending_render = render;
    return code;
}

int hyoka__nomem(void)
{
    return hyoka__fail(HYOKA_ENOMEM, "out of memory");
}

int hyoka__output(const char *text, size_t n, char *buf, size_t size, size_t *len)
{
    if (len)
        *len = n;
    if (size <= n) {
        if (buf && size > 0)
            buf[0] = '\0';
        return hyoka__fail(HYOKA_ERANGE, "buffer of %zu bytes too small for %zu bytes of text", size, n + 1);
    }
    memcpy(buf, text, n);
    buf[n] = '\0';
    return HYOKA_OK;
}
