/* The keys and numbers the rows of a table give (read_internal.h): an
 * open-addressing hash set of keys and an open-addressing hash map of
 * numbers, so that the reader finds a key given twice, or the item a row
 * names, without a search of a list, and reads a table in linear time. */
#include "read_internal.h"

#include <string.h>

/* ------------------------------------------------------------------------ */
/* Keys                                                                     */

void hyoka__csv_kset_free(struct hyoka__csv_kset *set)
{
    hyoka__free(set->t);
    set->t = NULL;
    set->cap = set->count = 0;
    set->shift = 0;
}

uint64_t hyoka__csv_kset_hash(const void *owner, size_t tag, const char *key, size_t n)
{
    uint64_t h = UINT64_C(14695981039346656037) ^ (uint64_t)(uintptr_t)owner;
    h = (h ^ (uint64_t)tag) * UINT64_C(1099511628211);
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)key[i];
        h *= UINT64_C(1099511628211);
    }
    return h;
}

/* The slot of (owner, tag, key): where it is, or the free slot where it
 * would go. (Fibonacci hashing: the high bits of h times 2^64 / phi.) */
static struct hyoka__csv_kslot *kset_slot(struct hyoka__csv_kslot *t, size_t cap, unsigned shift, const void *owner,
                                          size_t tag, const char *key, size_t n, uint64_t h)
{
    size_t i = (size_t)((h * UINT64_C(0x9E3779B97F4A7C15)) >> shift);
    for (;;) {
        struct hyoka__csv_kslot *e = &t[i];
        if (!e->owner ||
            (e->owner == owner && e->tag == tag && e->h == h && e->len == n && memcmp(e->key, key, n) == 0))
            return e;
        i = (i + 1) & (cap - 1);
    }
}

int hyoka__csv_kset_reserve(struct hyoka__csv_kset *set)
{
    size_t ncap = set->cap ? set->cap * 2 : 16;
    unsigned nshift = set->cap ? set->shift - 1 : 60;
    struct hyoka__csv_kslot *nt;

    if ((set->count + 1) * 2 <= set->cap)
        return HYOKA_OK;
    if (ncap < set->cap || ncap > SIZE_MAX / sizeof *nt)
        return hyoka__nomem();
    nt = hyoka__calloc(ncap, sizeof *nt);
    if (!nt)
        return hyoka__nomem();
    for (size_t i = 0; i < set->cap; i++) {
        const struct hyoka__csv_kslot *e = &set->t[i];
        if (e->owner)
            *kset_slot(nt, ncap, nshift, e->owner, e->tag, e->key, e->len, e->h) = *e;
    }
    hyoka__free(set->t);
    set->t = nt;
    set->cap = ncap;
    set->shift = nshift;
    return HYOKA_OK;
}

const struct hyoka__csv_kslot *hyoka__csv_kset_find(const struct hyoka__csv_kset *set, const void *owner, size_t tag,
                                                    const char *key, size_t n, uint64_t h)
{
    const struct hyoka__csv_kslot *e;
    if (!set->cap)
        return NULL;
    e = kset_slot(set->t, set->cap, set->shift, owner, tag, key, n, h);
    return e->owner ? e : NULL;
}

void hyoka__csv_kset_add(struct hyoka__csv_kset *set, const void *owner, size_t tag, const char *key, size_t n,
                         uint64_t h, size_t value)
{
    struct hyoka__csv_kslot *e = kset_slot(set->t, set->cap, set->shift, owner, tag, key, n, h);
    e->owner = owner;
    e->tag = tag;
    e->key = key;
    e->len = n;
    e->h = h;
    e->value = value;
    set->count++;
}

/* ------------------------------------------------------------------------ */
/* Numbers                                                                  */

void hyoka__csv_imap_free(struct hyoka__csv_imap *m)
{
    hyoka__free(m->t);
    m->t = NULL;
    m->cap = m->count = 0;
    m->shift = 0;
}

static uint64_t imap_mix(uint64_t x)
{
    x ^= x >> 30;
    x *= UINT64_C(0xBF58476D1CE4E5B9);
    x ^= x >> 27;
    x *= UINT64_C(0x94D049BB133111EB);
    return x ^ (x >> 31);
}

/* The slot of (owner, a, b): where it is, or the free slot where it would
 * go. The owner's address seeds the hash. */
static struct hyoka__csv_islot *imap_slot(struct hyoka__csv_islot *t, size_t cap, unsigned shift, const void *owner,
                                          int64_t a, size_t b)
{
    uint64_t h = imap_mix(imap_mix((uint64_t)(uintptr_t)owner ^ (uint64_t)a) ^ (uint64_t)b);
    size_t i = (size_t)(h >> shift);
    for (;;) {
        struct hyoka__csv_islot *e = &t[i];
        if (!e->owner || (e->owner == owner && e->a == a && e->b == b))
            return e;
        i = (i + 1) & (cap - 1);
    }
}

int hyoka__csv_imap_reserve(struct hyoka__csv_imap *m, size_t more)
{
    size_t ncap = m->cap ? m->cap : 8;
    unsigned nshift = m->cap ? m->shift : 61;
    struct hyoka__csv_islot *nt;

    if ((m->count + more) * 2 <= m->cap)
        return HYOKA_OK;
    while ((m->count + more) * 2 > ncap) {
        if (ncap > SIZE_MAX / 2 / sizeof *nt)
            return hyoka__nomem();
        ncap *= 2;
        nshift--;
    }
    nt = hyoka__calloc(ncap, sizeof *nt);
    if (!nt)
        return hyoka__nomem();
    for (size_t i = 0; i < m->cap; i++) {
        const struct hyoka__csv_islot *e = &m->t[i];
        if (e->owner)
            *imap_slot(nt, ncap, nshift, e->owner, e->a, e->b) = *e;
    }
    hyoka__free(m->t);
    m->t = nt;
    m->cap = ncap;
    m->shift = nshift;
    return HYOKA_OK;
}

bool hyoka__csv_imap_get(const struct hyoka__csv_imap *m, const void *owner, int64_t a, size_t b, size_t *value)
{
    const struct hyoka__csv_islot *e;
    if (!m->cap)
        return false;
    e = imap_slot(m->t, m->cap, m->shift, owner, a, b);
    if (!e->owner)
        return false;
    *value = e->value;
    return true;
}

void hyoka__csv_imap_put(struct hyoka__csv_imap *m, const void *owner, int64_t a, size_t b, size_t value)
{
    struct hyoka__csv_islot *e = imap_slot(m->t, m->cap, m->shift, owner, a, b);
    if (!e->owner) {
        e->owner = owner;
        e->a = a;
        e->b = b;
        m->count++;
    }
    e->value = value;
}
