/* JSON pointers (RFC 6901): the paths of diagnostics ("/projects/0/years/1"),
 * built one reference token at a time, and taken apart again. */
#ifndef HYOKA_UTIL_JSONPTR_H
#define HYOKA_UTIL_JSONPTR_H

#include <stddef.h>

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
 * written "~0" and '/' "~1". */
int hyoka__jsonptr_key(struct hyoka__jsonptr *p, const char *s, size_t n);
/* Append "/" and the array index @p index in decimal. */
int hyoka__jsonptr_index(struct hyoka__jsonptr *p, size_t index);
/* Go back to the first @p len bytes (a length @p p had before). */
void hyoka__jsonptr_cut(struct hyoka__jsonptr *p, size_t len);
/* Give back the memory; @p p is empty again. */
void hyoka__jsonptr_free(struct hyoka__jsonptr *p);

/* The length of the parent of the pointer path[0..n): the pointer without
 * its last reference token. The parent of a member of the document ("/a")
 * is "" (length 0), and "" has no parent: 0 too. */
size_t hyoka__jsonptr_parent(const char *path, size_t n);

#endif /* HYOKA_UTIL_JSONPTR_H */
