/* The numbers the rows of a table give (read_internal.h): an
 * open-addressing hash map, so that the reader finds a fiscal year given
 * twice, or the year a staff row names, without a search of a list, and
 * reads a table in linear time. (Keys are in a util/strset.h set.) */
#include "read_internal.h"

#include <string.h>

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
