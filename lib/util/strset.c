/* A set of strings owned elsewhere: see strset.h. */
#include "internal.h"
#include "util/strset.h"

#include <string.h>

/* FNV-1a from a per-set starting value mixed with the scope, then a final
 * mix so that every bit of the hash reaches the low bits the table is
 * indexed by. The starting value comes from @p seed, the set's address
 * (and from an owner's), which address-space randomisation makes different from run to
 * run, so a document cannot be crafted to put all its keys on one probe
 * chain. */
static uint64_t hash_bytes(const void *seed, const void *owner, size_t tag, const char *s, size_t n)
{
    uint64_t h = 1469598103934665603u ^ ((uint64_t)(uintptr_t)seed * 0x9E3779B97F4A7C15u);
    h ^= (uint64_t)(uintptr_t)owner * 0xC2B2AE3D27D4EB4Fu;
    h = (h ^ (uint64_t)tag) * 1099511628211u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211u;
    }
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93u;
    h ^= h >> 32;
    return h;
}

void hyoka__strset_reset(struct hyoka__strset *set)
{
    if (set->cap > 256) {
        hyoka__free(set->t);
        set->t = NULL;
        set->cap = 0;
    } else if (set->count && set->t) {
        memset(set->t, 0, set->cap * sizeof *set->t);
    }
    set->count = 0;
}

void hyoka__strset_free(struct hyoka__strset *set)
{
    hyoka__free(set->t);
    set->t = NULL;
    set->cap = set->count = 0;
}

static struct hyoka__strset_entry *strset_slot(struct hyoka__strset_entry *t, size_t cap, const void *owner,
                                               size_t tag, const char *s, size_t n, uint64_t h)
{
    size_t i = (size_t)h & (cap - 1);
    for (;;) {
        struct hyoka__strset_entry *e = &t[i];
        if (!e->s || (e->h == h && e->n == n && e->owner == owner && e->tag == tag && memcmp(e->s, s, n) == 0))
            return e;
        i = (i + 1) & (cap - 1);
    }
}

int hyoka__strset_reserve(struct hyoka__strset *set)
{
    size_t ncap;
    struct hyoka__strset_entry *nt;

    if ((set->count + 1) * 2 <= set->cap)
        return 0;
    ncap = set->cap ? set->cap * 2 : 16;
    if (ncap > SIZE_MAX / sizeof *nt)
        return -1;
    nt = hyoka__heap_calloc(ncap, sizeof *nt);
    if (!nt)
        return -1;
    for (size_t i = 0; i < set->cap; i++) {
        const struct hyoka__strset_entry *e = &set->t[i];
        if (e->s)
            *strset_slot(nt, ncap, e->owner, e->tag, e->s, e->n, e->h) = *e;
    }
    hyoka__free(set->t);
    set->t = nt;
    set->cap = ncap;
    return 0;
}

int hyoka__strset_put(struct hyoka__strset *set, const void *owner, size_t tag, const char *s, size_t n,
                      size_t value, int *dup)
{
    uint64_t h = hash_bytes(set, owner, tag, s, n);
    struct hyoka__strset_entry *e;

    *dup = 0;
    if (hyoka__strset_reserve(set))
        return -1;
    e = strset_slot(set->t, set->cap, owner, tag, s, n, h);
    if (e->s) {
        *dup = 1;
        return 0;
    }
    e->s = s ? s : "";
    e->n = n;
    e->h = h;
    e->owner = owner;
    e->tag = tag;
    e->value = value;
    set->count++;
    return 0;
}

struct hyoka__strset_entry *hyoka__strset_get(const struct hyoka__strset *set, const void *owner, size_t tag,
                                              const char *s, size_t n)
{
    struct hyoka__strset_entry *e;
    if (!set->cap)
        return NULL;
    e = strset_slot(set->t, set->cap, owner, tag, s, n, hash_bytes(set, owner, tag, s, n));
    return e->s ? e : NULL;
}

/* ------------------------------------------------------------------------ */
/* A packed set: see strset.h                                                */

/* The table: for each slot, a tag (a byte of the hash, 1..255; 0: free)
 * in one array and the offset + 1 of its entry in the buffer in another,
 * so that a probe reads one byte until the tags match. An entry is the
 * string, its NUL, then the value in 7-bit groups, lowest first, the high
 * bit set on all but the last (an index below 2^21 takes 3 bytes, not 8). */
enum { VALUE_MAX_BYTES = (sizeof(size_t) * 8 + 6) / 7 };

/* The tags of table @p t of @p cap slots (cap > 0). */
static const unsigned char *pool_tags(const uint32_t *t, size_t cap)
{
    return (const unsigned char *)(t + cap);
}

static unsigned char *pool_tags_mut(uint32_t *t, size_t cap)
{
    return (unsigned char *)(t + cap);
}

static unsigned char tag_of(uint64_t h)
{
    unsigned char tag = (unsigned char)(h >> 56);
    return tag ? tag : 1;
}

/* The string of the entry at offset + 1 @p off. */
static const char *slot_entry(const struct hyoka__strpool *p, uint32_t off)
{
    return p->buf + off - 1;
}

/* Write @p value at @p at; the bytes written. */
static size_t value_put(char *at, size_t value)
{
    size_t n = 0;

    while (value >= 0x80) {
        at[n++] = (char)(0x80 | (value & 0x7F));
        value >>= 7;
    }
    at[n++] = (char)value;
    return n;
}

static size_t value_get(const char *at)
{
    size_t value = 0;
    unsigned shift = 0;

    for (;; shift += 7) {
        unsigned char b = (unsigned char)*at++;
        value |= (size_t)(b & 0x7F) << shift;
        if (!(b & 0x80))
            return value;
    }
}

/* The slot of s[0..n) (hash @p h) in table @p t of @p cap slots: its own,
 * or the free one where it goes. */
static size_t pool_slot(const struct hyoka__strpool *p, const uint32_t *t, size_t cap, const char *s, size_t n,
                        uint64_t h)
{
    const unsigned char *tags = pool_tags(t, cap), tag = tag_of(h);
    size_t i = (size_t)h & (cap - 1);

    for (;; i = (i + 1) & (cap - 1)) {
        if (!tags[i])
            return i;
        if (tags[i] == tag) {
            const char *k = slot_entry(p, t[i]);
            if (strncmp(k, s, n) == 0 && k[n] == '\0')
                return i;
        }
    }
}

static uint64_t pool_hash(const struct hyoka__strpool *p, const char *s, size_t n)
{
    return hash_bytes(p, NULL, 0, s, n);
}

int hyoka__strpool_get(const struct hyoka__strpool *p, const char *s, size_t n, size_t *value)
{
    size_t i;
    if (!p->cap)
        return 0;
    i = pool_slot(p, p->t, p->cap, s, n, pool_hash(p, s, n));
    if (!pool_tags(p->t, p->cap)[i])
        return 0;
    *value = value_get(slot_entry(p, p->t[i]) + n + 1);
    return 1;
}

static int pool_grow(struct hyoka__strpool *p)
{
    size_t ncap = p->cap ? p->cap * 2 : 1024;
    uint32_t *nt;

    if (ncap > SIZE_MAX / (sizeof *nt + 1))
        return -1;
    nt = hyoka__heap_calloc(ncap, sizeof *nt + 1);
    if (!nt)
        return -1;
    for (size_t i = 0; i < p->cap; i++) {
        if (pool_tags(p->t, p->cap)[i]) {
            const char *k = slot_entry(p, p->t[i]);
            size_t n = strlen(k);
            uint64_t h = pool_hash(p, k, n);
            size_t j = pool_slot(p, nt, ncap, k, n, h);
            nt[j] = p->t[i];
            pool_tags_mut(nt, ncap)[j] = tag_of(h);
        }
    }
    hyoka__free(p->t);
    p->t = nt;
    p->cap = ncap;
    return 0;
}

int hyoka__strpool_put(struct hyoka__strpool *p, const char *s, size_t n, size_t value)
{
    uint64_t h;
    size_t i, need = n + 1 + VALUE_MAX_BYTES;
    unsigned char *tags;

    if (memchr(s, '\0', n))
        return -1;
    if ((p->count + 1) * 4 > p->cap * 3 && pool_grow(p))
        return -1;
    h = pool_hash(p, s, n);
    i = pool_slot(p, p->t, p->cap, s, n, h);
    tags = pool_tags_mut(p->t, p->cap);
    if (tags[i])
        return 0;
    if (need > UINT32_MAX - 1 - p->len)
        return -1;
    if (p->len + need > p->blen) {
        size_t nlen = p->blen ? p->blen : 4096;
        char *nb;
        while (nlen < p->len + need)
            nlen *= 2;
        nb = hyoka__heap_realloc(p->buf, nlen);
        if (!nb)
            return -1;
        p->buf = nb;
        p->blen = nlen;
    }
    memcpy(p->buf + p->len, s, n);
    p->buf[p->len + n] = '\0';
    p->t[i] = (uint32_t)(p->len + 1);
    tags[i] = tag_of(h);
    p->len += n + 1 + value_put(p->buf + p->len + n + 1, value);
    p->count++;
    return 0;
}

void hyoka__strpool_free(struct hyoka__strpool *p)
{
    hyoka__free(p->t);
    hyoka__free(p->buf);
    memset(p, 0, sizeof *p);
}
