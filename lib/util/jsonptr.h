/* JSON pointers (RFC 6901): the paths of diagnostics ("/projects/0/years/1"),
 * built one reference token at a time, and taken apart again. */
#ifndef HYOKA_UTIL_JSONPTR_H
#define HYOKA_UTIL_JSONPTR_H

#include "util/buf.h"

/* A pointer is built in a byte buffer (buf.h): zeroed, it is empty and
 * owns nothing (data NULL); once anything was added, data holds len bytes
 * and a NUL. Every function returns HYOKA_OK, or the buffer's first
 * failure (HYOKA_ENOMEM, recorded). */

/* Make @p p the pointer "" (the whole document), its NUL allocated. */
int hyoka__jsonptr_init(struct hyoka__buf *p);
/* Append "/" and the member name s[0..n) as a reference token: '~' is
 * written "~0" and '/' "~1". Inline: the validator appends literal names
 * once for every item it visits, and for those the scan folds away. */
static inline int hyoka__jsonptr_key(struct hyoka__buf *p, const char *s, size_t n);
/* Append "/" and the array index @p index in decimal. */
int hyoka__jsonptr_index(struct hyoka__buf *p, size_t index);
/* Go back to the first @p len bytes (a length @p p had before). */
void hyoka__jsonptr_cut(struct hyoka__buf *p, size_t len);
/* Give back the memory; @p p is empty again. */
static inline void hyoka__jsonptr_free(struct hyoka__buf *p)
{
    hyoka__buf_free(p);
}

/* For hyoka__jsonptr_key(): a name with something to escape. */
int hyoka__jsonptr_key_escaped(struct hyoka__buf *p, const char *s, size_t n);

static inline int hyoka__jsonptr_key(struct hyoka__buf *p, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == '~' || s[i] == '/')
            return hyoka__jsonptr_key_escaped(p, s, n);
    if (!hyoka__buf_reserve(p, n + 1))
        return p->err;
    p->data[p->len] = '/';
    if (n > 0)
        memcpy(p->data + p->len + 1, s, n);
    p->len += n + 1;
    p->data[p->len] = '\0';
    return HYOKA_OK;
}

/* The length of the parent of the pointer path[0..n): the pointer without
 * its last reference token. The parent of a member of the document ("/a")
 * is "" (length 0), and "" has no parent: 0 too. */
size_t hyoka__jsonptr_parent(const char *path, size_t n);

#endif /* HYOKA_UTIL_JSONPTR_H */
