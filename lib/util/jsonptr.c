/* JSON pointers (RFC 6901) for the paths of diagnostics: see jsonptr.h. */
#include "internal.h"
#include "util/jsonptr.h"

#include <string.h>

int hyoka__jsonptr_init(struct hyoka__buf *p)
{
    p->len = 0;
    if (!hyoka__buf_reserve(p, 0))
        return p->err;
    p->data[0] = '\0';
    return HYOKA_OK;
}

int hyoka__jsonptr_key_escaped(struct hyoka__buf *p, const char *s, size_t n)
{
    size_t escapes = 0;
    char *o;

    for (size_t i = 0; i < n; i++)
        escapes += s[i] == '~' || s[i] == '/';
    if (!hyoka__buf_reserve(p, 1 + n + escapes))
        return p->err;
    o = p->data + p->len;
    *o++ = '/';
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '~' || s[i] == '/') {
            *o++ = '~';
            *o++ = s[i] == '~' ? '0' : '1';
        } else {
            *o++ = s[i];
        }
    }
    *o = '\0';
    p->len = (size_t)(o - p->data);
    return HYOKA_OK;
}

int hyoka__jsonptr_index(struct hyoka__buf *p, size_t index)
{
    size_t digits = 1;
    char *o;

    for (size_t v = index; v >= 10; v /= 10)
        digits++;
    if (!hyoka__buf_reserve(p, 1 + digits))
        return p->err;
    o = p->data + p->len;
    o[0] = '/';
    o[1 + digits] = '\0';
    /* Digits from the right, straight into place: this is done once for
     * every item of every project a validation visits. */
    for (size_t k = digits; k > 0; k--) {
        o[k] = (char)('0' + index % 10);
        index /= 10;
    }
    p->len += 1 + digits;
    return HYOKA_OK;
}

void hyoka__jsonptr_cut(struct hyoka__buf *p, size_t len)
{
    p->len = len;
    if (p->data)
        p->data[len] = '\0';
}

size_t hyoka__jsonptr_parent(const char *path, size_t n)
{
    while (n > 0 && path[n - 1] != '/')
        n--;
    return n > 0 ? n - 1 : 0;
}
