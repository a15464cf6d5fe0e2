/* Containers and argument checks shared by the domain model
 * (util/containers.c): growable arrays, pointer vectors, ordered string
 * maps, validated text copies. Not installed. */
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

/* Make room for one more element in an array of elements of size @p elem
 * (capacity doubles). Returns HYOKA_OK or HYOKA_ENOMEM (array unchanged). */
int hyoka__grow(void **items, size_t *cap, size_t count, size_t elem);
/* The same, always on the heap (hyoka__heap_realloc): for scratch arrays
 * while an arena is entered. */
int hyoka__grow_heap(void **items, size_t *cap, size_t count, size_t elem);
/* Append a pointer. HYOKA_OK or HYOKA_ENOMEM (vector unchanged). */
int hyoka__vec_push(struct hyoka__vec *v, void *item);
/* Remove the pointer at index (later ones move up); returns it. */
void *hyoka__vec_remove(struct hyoka__vec *v, size_t index);
void hyoka__vec_release(struct hyoka__vec *v);

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
void hyoka__kv_release(struct hyoka__kvlist *l);
int hyoka__kv_copy(const struct hyoka__kvlist *src, struct hyoka__kvlist *dst);
int hyoka__kv_equal(const struct hyoka__kvlist *a, const struct hyoka__kvlist *b);

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

/* Check a fiscal year argument (HYOKA__YEAR_MIN..HYOKA__YEAR_MAX); @p what
 * names it. */
int hyoka__check_year(const char *what, int32_t fiscal_year);
/* Check an enum argument: HYOKA_UNSET (when allowed) or 0..count-1. */
int hyoka__check_enum(const char *what, int value, int count, int allow_unset);

#endif /* HYOKA_UTIL_CONTAINERS_H */
