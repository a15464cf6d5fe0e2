/* Containers and argument checks shared by the domain model
 * (util/containers.h). */
#include "util/containers.h"
#include "vocab.h"

#include <stdio.h>
#include <string.h>

static int reserve_with(void *(*resize)(void *, size_t), void **items, size_t *cap, size_t need, size_t elem,
                        size_t first)
{
    size_t ncap, bytes;
    void *p;

    if (need <= *cap)
        return HYOKA_OK;
    ncap = hyoka__grow_cap(*cap, need, first);
    if (!hyoka__size_mul(ncap, elem, &bytes))
        return hyoka__nomem();
    p = resize(*items, bytes);
    if (!p)
        return hyoka__nomem();
    *items = p;
    *cap = ncap;
    return HYOKA_OK;
}

int hyoka__grow(void **items, size_t *cap, size_t count, size_t elem)
{
    return count < *cap ? HYOKA_OK : reserve_with(hyoka__realloc, items, cap, count + 1, elem, 4);
}

int hyoka__grow_heap(void **items, size_t *cap, size_t count, size_t elem)
{
    return count < *cap ? HYOKA_OK : reserve_with(hyoka__heap_realloc, items, cap, count + 1, elem, 4);
}

int hyoka__reserve(void **items, size_t *cap, size_t need, size_t elem, size_t first)
{
    return reserve_with(hyoka__realloc, items, cap, need, elem, first);
}

int hyoka__reserve_heap(void **items, size_t *cap, size_t need, size_t elem, size_t first)
{
    return reserve_with(hyoka__heap_realloc, items, cap, need, elem, first);
}

int hyoka__vec_push(struct hyoka__vec *v, void *item)
{
    int rc = hyoka__grow((void **)&v->items, &v->cap, v->count, sizeof *v->items);
    if (rc != HYOKA_OK)
        return rc;
    v->items[v->count++] = item;
    return HYOKA_OK;
}

void *hyoka__vec_remove(struct hyoka__vec *v, size_t index)
{
    void *item = v->items[index];
    memmove(v->items + index, v->items + index + 1, (v->count - index - 1) * sizeof *v->items);
    v->count--;
    return item;
}

void hyoka__vec_release(struct hyoka__vec *v)
{
    hyoka__free(v->items);
    v->items = NULL;
    v->count = v->cap = 0;
}

int hyoka__text_check(const char *what, const char *text, size_t len)
{
    if ((int64_t)len > HYOKA__TEXT_MAX)
        return hyoka__fail(HYOKA_ELIMIT, "%s: text of %zu bytes is longer than the limit of %lld bytes",
                           what, len, (long long)HYOKA__TEXT_MAX);
    if (memchr(text, '\0', len))
        return hyoka__fail(HYOKA_EENCODING, "%s: text contains a NUL character", what);
    if (!hyoka__utf8_valid(text, len))
        return hyoka__fail(HYOKA_EENCODING, "%s: text is not valid UTF-8", what);
    return HYOKA_OK;
}

int hyoka__text_dup(const char *what, const char *text, size_t len, char **out)
{
    char *copy;
    int rc;

    if (!text) {
        *out = NULL;
        return HYOKA_OK;
    }
    len = hyoka__len(text, len);
    rc = hyoka__text_check(what, text, len);
    if (rc != HYOKA_OK)
        return rc;
    copy = hyoka__strndup(text, len);
    if (!copy)
        return hyoka__nomem();
    *out = copy;
    return HYOKA_OK;
}

int hyoka__text_set(char **slot, const char *what, const char *text, size_t len)
{
    char *copy = NULL;
    int rc = hyoka__text_dup(what, text, len, &copy);
    if (rc != HYOKA_OK)
        return rc;
    hyoka__free(*slot);
    *slot = copy;
    return HYOKA_OK;
}

int hyoka__text_set_field(char **slot, const char *fn, const char *field, const char *text, size_t len)
{
    char what[96];

    snprintf(what, sizeof what, "%s: %s", fn, field);
    return hyoka__text_set(slot, what, text, len);
}

int hyoka__str_copy(const char *src, char **out)
{
    if (!src) {
        *out = NULL;
        return HYOKA_OK;
    }
    *out = hyoka__strndup(src, strlen(src));
    return *out ? HYOKA_OK : hyoka__nomem();
}

int hyoka__str_equal(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

int hyoka__str_eq_n(const char *s, const char *text, size_t len)
{
    if (!s || !text)
        return 0;
    len = hyoka__len(text, len);
    return strlen(s) == len && memcmp(s, text, len) == 0;
}

static struct hyoka__kv *kv_find(const struct hyoka__kvlist *l, const char *key, size_t key_len)
{
    for (size_t i = 0; i < l->count; i++)
        if (hyoka__str_eq_n(l->items[i].key, key, key_len))
            return &l->items[i];
    return NULL;
}

/* Append a new key with the value @p v (taken over: freed on failure).
 * The key is validated and copied here; the caller knows it is absent. */
static int kv_add(struct hyoka__kvlist *l, const char *what, const char *key, size_t key_len, char *v)
{
    char *k = NULL;
    int rc = hyoka__text_dup(what, key, key_len, &k);
    if (rc == HYOKA_OK)
        rc = hyoka__grow((void **)&l->items, &l->cap, l->count, sizeof *l->items);
    if (rc != HYOKA_OK) {
        hyoka__free(k);
        hyoka__free(v);
        return rc;
    }
    l->items[l->count].key = k;
    l->items[l->count].value = v;
    l->count++;
    return HYOKA_OK;
}

/* A key argument: not NULL, not empty; resolves HYOKA_NTS. */
static int kv_key_check(const char *what, const char *key, size_t *key_len)
{
    if (!key)
        return hyoka__fail_null(what, "key");
    *key_len = hyoka__len(key, *key_len);
    if (*key_len == 0)
        return hyoka__fail(HYOKA_EINVAL, "%s: key is empty", what);
    return HYOKA_OK;
}

int hyoka__kv_set(struct hyoka__kvlist *l, const char *what, const char *key, size_t key_len,
                  const char *value, size_t value_len)
{
    struct hyoka__kv *e;
    char *v = NULL;
    int rc;

    rc = kv_key_check(what, key, &key_len);
    if (rc != HYOKA_OK)
        return rc;
    e = kv_find(l, key, key_len);
    if (!value) {
        if (e) {
            size_t i = (size_t)(e - l->items);
            hyoka__free(e->key);
            hyoka__free(e->value);
            memmove(l->items + i, l->items + i + 1, (l->count - i - 1) * sizeof *l->items);
            l->count--;
        }
        return HYOKA_OK;
    }
    rc = hyoka__text_dup(what, value, value_len, &v);
    if (rc != HYOKA_OK)
        return rc;
    if (e) {
        hyoka__free(e->value);
        e->value = v;
        return HYOKA_OK;
    }
    return kv_add(l, what, key, key_len, v);
}

int hyoka__kv_append(struct hyoka__kvlist *l, const char *what, const char *key, size_t key_len,
                     const char *value, size_t value_len)
{
    char *v = NULL;
    int rc;

    rc = kv_key_check(what, key, &key_len);
    if (rc != HYOKA_OK)
        return rc;
    if (!value)
        return hyoka__fail_null(what, "value");
    rc = hyoka__text_dup(what, value, value_len, &v);
    if (rc != HYOKA_OK)
        return rc;
    return kv_add(l, what, key, key_len, v);
}

const char *hyoka__kv_get(const struct hyoka__kvlist *l, const char *key, size_t key_len)
{
    const struct hyoka__kv *e;
    if (!key)
        return NULL;
    e = kv_find(l, key, key_len);
    return e ? e->value : NULL;
}

int hyoka__kv_at(const char *fn, const char *what, const struct hyoka__kvlist *l, size_t index, const char **key,
                 const char **value)
{
    HYOKA__CHECK_INDEX_IN(fn, index, l->count, what);
    if (key)
        *key = l->items[index].key;
    if (value)
        *value = l->items[index].value;
    return HYOKA_OK;
}

void hyoka__kv_release(struct hyoka__kvlist *l)
{
    for (size_t i = 0; i < l->count; i++) {
        hyoka__free(l->items[i].key);
        hyoka__free(l->items[i].value);
    }
    hyoka__free(l->items);
    l->items = NULL;
    l->count = l->cap = 0;
}

int hyoka__kv_copy(const struct hyoka__kvlist *src, struct hyoka__kvlist *dst)
{
    struct hyoka__kvlist out = {NULL, 0, 0};
    if (src->count) {
        out.items = hyoka__calloc(src->count, sizeof *out.items);
        if (!out.items)
            return hyoka__nomem();
        out.cap = src->count;
        for (size_t i = 0; i < src->count; i++) {
            if (hyoka__str_copy(src->items[i].key, &out.items[i].key) != HYOKA_OK ||
                hyoka__str_copy(src->items[i].value, &out.items[i].value) != HYOKA_OK) {
                out.count = i + 1;
                hyoka__kv_release(&out);
                return hyoka__nomem();
            }
        }
        out.count = src->count;
    }
    *dst = out;
    return HYOKA_OK;
}

int hyoka__kv_equal(const struct hyoka__kvlist *a, const struct hyoka__kvlist *b)
{
    if (a->count != b->count)
        return 0;
    for (size_t i = 0; i < a->count; i++)
        if (!hyoka__str_equal(a->items[i].key, b->items[i].key) ||
            !hyoka__str_equal(a->items[i].value, b->items[i].value))
            return 0;
    return 1;
}

int hyoka__check_decimal(const char *fn, const char *what, const hyoka_decimal *d)
{
    if (HYOKA_UNLIKELY(!hyoka__decimal_valid(d)))
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is not a valid decimal (build it with the hyoka_decimal functions)",
                           fn, what);
    return HYOKA_OK;
}
