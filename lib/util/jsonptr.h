/* JSON pointers (RFC 6901): the paths of diagnostics ("/projects/0/years/1"),
 * built one reference token at a time, and taken apart again. */
#ifndef HYOKA_UTIL_JSONPTR_H
#define HYOKA_UTIL_JSONPTR_H

#include "hyoka/hyoka.h"

#include <stddef.h>
#include <string.h>

/* A pointer grown on the heap, never in an arena, so that a reader can
 * build one while the arena of the portfolio it fills is entered. Zeroed,
 * it is empty and owns nothing (buf NULL); once anything was added, buf
 * holds len bytes and a NUL. */
struct hyoka__jsonptr {
    char *buf;
    size_t len;
    size_t cap;
};

/* Make @p p the pointer "" (the whole document), its NUL allocated.
 * HYOKA_OK, or HYOKA_ENOMEM (recorded, as every function here does). */
int hyoka__jsonptr_init(struct hyoka__jsonptr *p);
/* Append "/" and the member name s[0..n) as a reference token: '~' is
 * written "~0" and '/' "~1". Inline: the validator appends literal names
 * once for every item it visits, and for those the scan folds away. */
static inline int hyoka__jsonptr_key(struct hyoka__jsonptr *p, const char *s, size_t n);
/* Append "/" and the array index @p index in decimal. */
int hyoka__jsonptr_index(struct hyoka__jsonptr *p, size_t index);
/* Go back to the first @p len bytes (a length @p p had before). */
void hyoka__jsonptr_cut(struct hyoka__jsonptr *p, size_t len);
/* Give back the memory; @p p is empty again. */
void hyoka__jsonptr_free(struct hyoka__jsonptr *p);

/* For the inline functions only: room for @p extra more bytes and the
 * NUL; the name of hyoka__jsonptr_key() when it has something to escape. */
int hyoka__jsonptr_reserve(struct hyoka__jsonptr *p, size_t extra);
int hyoka__jsonptr_key_escaped(struct hyoka__jsonptr *p, const char *s, size_t n);

static inline int hyoka__jsonptr_key(struct hyoka__jsonptr *p, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == '~' || s[i] == '/')
            return hyoka__jsonptr_key_escaped(p, s, n);
    if (p->cap - p->len <= n + 1 && hyoka__jsonptr_reserve(p, n + 1) != HYOKA_OK)
        return HYOKA_ENOMEM;
    p->buf[p->len] = '/';
    if (n > 0)
        memcpy(p->buf + p->len + 1, s, n);
    p->len += n + 1;
    p->buf[p->len] = '\0';
    return HYOKA_OK;
}

/* The length of the parent of the pointer path[0..n): the pointer without
 * its last reference token. The parent of a member of the document ("/a")
 * is "" (length 0), and "" has no parent: 0 too. */
size_t hyoka__jsonptr_parent(const char *path, size_t n);

#endif /* HYOKA_UTIL_JSONPTR_H */
