/* Containers and argument checks shared by the domain model
 * (util/containers.c): growable arrays, pointer vectors, ordered string
 * maps, validated text and decimal arguments. The argument checks common
 * to every public function (NULL, enumerations, fiscal years, indexes) are
 * the HYOKA__CHECK_* macros of internal.h. Not installed. */
#ifndef HYOKA_UTIL_CONTAINERS_H
#define HYOKA_UTIL_CONTAINERS_H

#include "internal.h"

/* A growable array of pointers. */
struct hyoka__vec {
    void **items;
    size_t count;
    size_t cap;
};

/* An ordered string map (keys unique, insertion order kept). */
struct hyoka__kv {
    char *key;
    char *value;
};
struct hyoka__kvlist {
    struct hyoka__kv *items;
    size_t count;
    size_t cap;
};

/* Make room for one more element in an array of @p count elements of
 * @p elem bytes (capacity 4, then doubling). Returns HYOKA_OK or
 * HYOKA_ENOMEM, recorded (the array unchanged). */
int hyoka__grow(void **items, size_t *cap, size_t count, size_t elem);
/* The same, always on the heap (hyoka__heap_realloc): for scratch arrays
 * while an arena is entered. */
int hyoka__grow_heap(void **items, size_t *cap, size_t count, size_t elem);
/* Make room for @p need elements: the capacity grows as by
 * hyoka__grow_cap() from @p first. HYOKA_OK or HYOKA_ENOMEM, recorded (the
 * array unchanged). The _heap form as hyoka__grow_heap(). */
int hyoka__reserve(void **items, size_t *cap, size_t need, size_t elem, size_t first);
int hyoka__reserve_heap(void **items, size_t *cap, size_t need, size_t elem, size_t first);
/* Append a pointer. HYOKA_OK or HYOKA_ENOMEM (vector unchanged). */
int hyoka__vec_push(struct hyoka__vec *v, void *item);
/* Remove the pointer at index (later ones move up); returns it. */
void *hyoka__vec_remove(struct hyoka__vec *v, size_t index);
void hyoka__vec_release(struct hyoka__vec *v);
/* The pointer at @p index, NULL when @p index is out of range. */
static inline void *hyoka__vec_at(const struct hyoka__vec *v, size_t index)
{
    return index < v->count ? v->items[index] : NULL;
}

/* The public functions of the elements (@p Type *) a hyoka_<owner> holds in
 * its vector @p vec: hyoka_<owner>_<elem>_count() (0 for NULL) and
 * hyoka_<owner>_<elem>_at() (NULL for NULL or an index out of range); the
 * _REMOVE form adds hyoka_<owner>_remove_<elem>(), which checks its
 * arguments (@p what names the elements in the message) and frees the
 * element with @p destroy. The declarations and their documentation are
 * the public headers'. */
#define HYOKA__VEC_READERS(owner, elem, Type, vec)                                                     \
    size_t hyoka_##owner##_##elem##_count(const hyoka_##owner *owner)                                  \
    {                                                                                                  \
        return owner ? owner->vec.count : 0;                                                           \
    }                                                                                                  \
    Type *hyoka_##owner##_##elem##_at(const hyoka_##owner *owner, size_t index)                        \
    {                                                                                                  \
        return owner ? hyoka__vec_at(&owner->vec, index) : NULL;                                       \
    }
#define HYOKA__VEC_REMOVE(owner, elem, Type, vec, what, destroy)                                       \
    HYOKA__VEC_READERS(owner, elem, Type, vec)                                                         \
    int hyoka_##owner##_remove_##elem(hyoka_##owner *owner, size_t index)                              \
    {                                                                                                  \
        HYOKA__CHECK_NULL(owner);                                                                      \
        HYOKA__CHECK_INDEX(index, owner->vec.count, what);                                             \
        destroy(hyoka__vec_remove(&owner->vec, index));                                                \
        return HYOKA_OK;                                                                               \
    }

/* Set key to value (value NULL removes). Both validated as texts.
 * HYOKA_OK, or an error with the list unchanged. */
int hyoka__kv_set(struct hyoka__kvlist *l, const char *what, const char *key, size_t key_len,
                  const char *value, size_t value_len);
/* Append key and value (neither NULL) without looking for the key: for
 * readers that check uniqueness themselves in less than linear time.
 * Validates both as hyoka__kv_set() does, in the same order and with the
 * same messages. HYOKA_OK, or an error with the list unchanged. */
int hyoka__kv_append(struct hyoka__kvlist *l, const char *what, const char *key, size_t key_len,
                     const char *value, size_t value_len);
const char *hyoka__kv_get(const struct hyoka__kvlist *l, const char *key, size_t key_len);
/* The key and value of entry @p index (either output may be NULL), for
 * public function @p fn, whose message calls the entries @p what; HYOKA_OK,
 * or HYOKA_EINVAL for an index out of range. */
int hyoka__kv_at(const char *fn, const char *what, const struct hyoka__kvlist *l, size_t index, const char **key,
                 const char **value);
void hyoka__kv_release(struct hyoka__kvlist *l);
int hyoka__kv_copy(const struct hyoka__kvlist *src, struct hyoka__kvlist *dst);
int hyoka__kv_equal(const struct hyoka__kvlist *a, const struct hyoka__kvlist *b);

/* The public functions of the extensions (an ordered string map, member
 * `extensions`) of a hyoka_<owner>: hyoka_<owner>_set_extension(),
 * hyoka_<owner>_extension(), hyoka_<owner>_extension_count() and
 * hyoka_<owner>_extension_at(). The declarations and their documentation
 * are the public headers'. */
#define HYOKA__EXTENSIONS(owner)                                                                       \
    int hyoka_##owner##_set_extension(hyoka_##owner *owner, const char *key, size_t key_len, const char *value, \
                                      size_t value_len)                                                \
    {                                                                                                  \
        HYOKA__CHECK_NULL(owner);                                                                      \
        return hyoka__kv_set(&owner->extensions, __func__, key, key_len, value, value_len);            \
    }                                                                                                  \
    const char *hyoka_##owner##_extension(const hyoka_##owner *owner, const char *key, size_t key_len) \
    {                                                                                                  \
        return owner ? hyoka__kv_get(&owner->extensions, key, key_len) : NULL;                        \
    }                                                                                                  \
    size_t hyoka_##owner##_extension_count(const hyoka_##owner *owner)                                 \
    {                                                                                                  \
        return owner ? owner->extensions.count : 0;                                                    \
    }                                                                                                  \
    int hyoka_##owner##_extension_at(const hyoka_##owner *owner, size_t index, const char **key,      \
                                     const char **value)                                               \
    {                                                                                                  \
        HYOKA__CHECK_NULL(owner);                                                                      \
        return hyoka__kv_at(__func__, "extensions", &owner->extensions, index, key, value);            \
    }

/* Validate a text argument of @p len bytes (resolved): UTF-8, no NUL, at
 * most HYOKA__TEXT_MAX bytes. @p what names it in error messages. */
int hyoka__text_check(const char *what, const char *text, size_t len);
/* Validate and copy a text argument: UTF-8, no NUL, at most
 * HYOKA__TEXT_MAX bytes. @p text NULL gives *out = NULL. @p what names the
 * field in error messages. On failure *out is untouched. */
int hyoka__text_dup(const char *what, const char *text, size_t len, char **out);
/* Replace *slot with a validated copy (old value freed on success only). */
int hyoka__text_set(char **slot, const char *what, const char *text, size_t len);
/* hyoka__text_set() for text field @p field of public function @p fn,
 * named "fn: field" in messages. */
int hyoka__text_set_field(char **slot, const char *fn, const char *field, const char *text, size_t len);
/* Duplicate an already valid string (NULL stays NULL). */
int hyoka__str_copy(const char *src, char **out);
/* Both NULL, or both equal strings. */
int hyoka__str_equal(const char *a, const char *b);
/* Compare a stored string with a (text, len) argument. */
int hyoka__str_eq_n(const char *s, const char *text, size_t len);

/* Check a decimal argument of public function @p fn: its private parts
 * must form a valid value (as the hyoka_decimal functions build them);
 * @p what names it in the message. */
int hyoka__check_decimal(const char *fn, const char *what, const hyoka_decimal *d);

#endif /* HYOKA_UTIL_CONTAINERS_H */
