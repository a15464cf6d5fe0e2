/* A set of strings owned elsewhere (codes, ids, JSON pointers, the keys
 * of a CSV table), hashed with open addressing: for finding duplicates and
 * looking strings up in linear time. A string may belong to a scope — an
 * owner and a tag, such as a scheme and "its verdicts" — so that the same
 * text in two scopes is two keys; and each entry keeps a value of the
 * caller's (an index). */
#ifndef HYOKA_UTIL_STRSET_H
#define HYOKA_UTIL_STRSET_H

#include <stddef.h>
#include <stdint.h>

/* A slot of the table: s is NULL while it is free. */
struct hyoka__strset_entry {
    const char *s;
    size_t n;
    uint64_t h;
    const void *owner; /* the scope: owner and tag (NULL and 0: none) */
    size_t tag;
    size_t value;      /* the caller's */
};

/* Zeroed, an empty set. Entries point at the strings added, which must
 * outlive the set. The table is on the heap (never in an arena). */
struct hyoka__strset {
    struct hyoka__strset_entry *t;
    size_t cap, count;
};

/* Empty the set (its table is kept unless it has grown large). */
void hyoka__strset_reset(struct hyoka__strset *set);
void hyoka__strset_free(struct hyoka__strset *set);
/* Room for one more string, so that the next add cannot fail. -1 when out
 * of memory (no error recorded), else 0. */
int hyoka__strset_reserve(struct hyoka__strset *set);
/* Add s[0..n) in the scope (owner, tag) with @p value; *dup = 1 (and the
 * set unchanged) when it was there already. -1 when out of memory (no
 * error recorded), else 0. */
int hyoka__strset_put(struct hyoka__strset *set, const void *owner, size_t tag, const char *s, size_t n,
                      size_t value, int *dup);
/* The entry of s[0..n) in the scope (owner, tag), or NULL. Its index in
 * set->t stays the same until the next add. */
struct hyoka__strset_entry *hyoka__strset_get(const struct hyoka__strset *set, const void *owner, size_t tag,
                                              const char *s, size_t n);

/* The same without a scope or a value. */
static inline int hyoka__strset_add(struct hyoka__strset *set, const char *s, size_t n, int *dup)
{
    return hyoka__strset_put(set, NULL, 0, s, n, 0, dup);
}

static inline struct hyoka__strset_entry *hyoka__strset_find(const struct hyoka__strset *set, const char *s, size_t n)
{
    return hyoka__strset_get(set, NULL, 0, s, n);
}

/* A set that owns its strings, packed one after another in one buffer
 * with a value each (packed in 1 to 10 bytes: 3 below 2^21), and a table
 * of 5-byte slots filled at most three quarters: for sets that grow with a
 * document (a stream's project codes: besides its text and NUL, about 3
 * bytes a code in the buffer and 7 to 13 in the table). Zeroed, an empty set. Strings hold no NUL byte; the buffer holds
 * at most 4 GiB. */
struct hyoka__strpool {
    char *buf;
    size_t len, blen;
    uint32_t *t; /* cap offsets, then cap tags (strset.c) */
    size_t cap, count;
};

/* Add s[0..n) with @p value unless it is there already (its value is then
 * kept). -1 when out of memory, the buffer is full or s holds a NUL (no
 * error recorded), else 0. */
int hyoka__strpool_put(struct hyoka__strpool *p, const char *s, size_t n, size_t value);
/* 1 and its value in *value when s[0..n) is in the set, else 0. */
int hyoka__strpool_get(const struct hyoka__strpool *p, const char *s, size_t n, size_t *value);
void hyoka__strpool_free(struct hyoka__strpool *p);

#endif /* HYOKA_UTIL_STRSET_H */
