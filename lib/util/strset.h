/* A set of strings owned elsewhere (codes, ids, JSON pointers), hashed with
 * open addressing: for finding duplicates and looking paths up. */
#ifndef HYOKA_UTIL_STRSET_H
#define HYOKA_UTIL_STRSET_H

#include <stddef.h>
#include <stdint.h>

/* A slot of the table: s is NULL while it is free. */
struct hyoka__strset_entry {
    const char *s;
    size_t n;
    uint64_t h;
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
/* Add s[0..n); *dup = 1 when it was there already. -1 when out of memory
 * (no error recorded), else 0. */
int hyoka__strset_add(struct hyoka__strset *set, const char *s, size_t n, int *dup);
/* The slot holding s[0..n), or NULL. Its index in set->t stays the same
 * until the next add. */
struct hyoka__strset_entry *hyoka__strset_find(const struct hyoka__strset *set, const char *s, size_t n);

#endif /* HYOKA_UTIL_STRSET_H */
