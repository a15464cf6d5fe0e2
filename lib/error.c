/* Status codes, their names, the thread-local last error, and the
 * messages of failed argument checks (internal.h). */
#include "internal.h"
#include "vocab.h"

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

/* ------------------------------------------------------------------------ */
/* Failed argument checks (internal.h)                                       */

int hyoka__fail_null(const char *fn, const char *arg)
{
    return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL", fn, arg);
}

/* Enumerations with at most this many values list their names in
 * messages. */
#define LISTED_VALUES_MAX 8

int hyoka__fail_enum(const char *fn, const char *arg, int value, int which, bool unset_ok)
{
    const char *type = hyoka__enum_type_name(which);
    const char *const *names;
    char list[160] = "";
    int count = 0;
    size_t used = 0;

    names = hyoka__enum_names(which, &count);
    if (!names || !type)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s %d is not a valid value", fn, arg, value);
    if (count <= LISTED_VALUES_MAX) {
        for (int i = 0; i < count && used < sizeof list; i++) {
            if (names[i][0] == '\0') { /* a value without a name (HYOKA_ERA_NONE) */
                list[0] = '\0';
                break;
            }
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : ": ", names[i]);
        }
    }
    return hyoka__fail(HYOKA_EINVAL, "%s: %s %d is not a %s (0..%d%s)%s", fn, arg, value, type, count - 1, list,
                       unset_ok ? " or HYOKA_UNSET" : "");
}

/* What a value of enumeration @p which is called in messages: its C name
 * without "hyoka_", words apart ("staff field" for hyoka_staff_field). */
static const char *enum_noun(int which, char *buf, size_t size)
{
    const char *type = hyoka__enum_type_name(which);
    size_t i = 0;

    if (!type || size == 0)
        return "value";
    if (strncmp(type, "hyoka_", 6) == 0)
        type += 6;
    for (; type[i] && i + 1 < size; i++)
        buf[i] = type[i] == '_' ? ' ' : type[i];
    buf[i] = '\0';
    return buf;
}

int hyoka__fail_enum_subset(const char *fn, const char *arg, int value, int which, const char *expected)
{
    const char *const *names;
    char noun[32];
    int count = 0;

    names = hyoka__enum_names(which, &count);
    if (!names || value < 0 || value >= count)
        return hyoka__fail_enum(fn, arg, value, which, false);
    return hyoka__fail(HYOKA_EINVAL, "%s: %s \"%s\" is not %s", fn, enum_noun(which, noun, sizeof noun),
                       names[value], expected);
}

int hyoka__fail_buffer(const char *fn, const char *arg, const char *size_arg, size_t size)
{
    return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL but %s is %zu", fn, arg, size_arg, size);
}

int hyoka__fail_year(const char *fn, const char *arg, int64_t year)
{
    return hyoka__fail(HYOKA_ERANGE, "%s: %s %lld is outside %d..%d", fn, arg, (long long)year, HYOKA__YEAR_MIN,
                       HYOKA__YEAR_MAX);
}

int hyoka__fail_index(const char *fn, size_t index, size_t count, const char *what)
{
    return hyoka__fail(HYOKA_ENOTFOUND, "%s: index %zu is out of range (%zu %s)", fn, index, count, what);
}

/* ------------------------------------------------------------------------ */
/* The caller-buffer convention                                              */

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
