/* The schema of records, once (record_schema.c): every field's document
 * name and type, and every kind's document name, Japanese label, parent
 * kind, fields (in document order, each with the label the national
 * sheets print) and child kinds. The setters' checks, the hyoka/1 reader
 * and writer, copy and equality, the figures and every format that carries
 * records read it from here. Not installed. */
#ifndef HYOKA_RECORD_SCHEMA_H
#define HYOKA_RECORD_SCHEMA_H

#include "vocab.h"

/* Most child kinds a kind has (a block: recipients and expenses). */
#define HYOKA__RECORD_MAX_CHILDREN 2
/* Most fields a kind has: a record keeps a bit per field in 64 bits. */
#define HYOKA__RECORD_MAX_FIELDS 64

/* Document names, indexed by hyoka_record_field and hyoka_record_kind
 * (those of hyoka_enum_name()). */
extern const char *const hyoka__record_field_names[HYOKA__RECORD_FIELD_COUNT];
extern const char *const hyoka__record_kind_names[HYOKA__RECORD_KIND_COUNT];
/* The hyoka_field_type of every field, indexed by hyoka_record_field. */
extern const unsigned char hyoka__record_field_types[HYOKA__RECORD_FIELD_COUNT];

/* A field of a kind: which, and its label on the national sheets. */
struct hyoka__kind_field {
    unsigned char field; /* hyoka_record_field */
    const char *label;   /* Japanese */
};

struct hyoka__kind_def {
    const char *label;                      /* Japanese name of the list */
    int parent;                             /* hyoka_record_kind, or HYOKA_UNSET: under a project */
    const struct hyoka__kind_field *fields; /* document order */
    size_t field_count;
    size_t child_count;
    unsigned char children[HYOKA__RECORD_MAX_CHILDREN]; /* kinds, document order */
};

/* Indexed by hyoka_record_kind. */
extern const struct hyoka__kind_def hyoka__record_kinds[HYOKA__RECORD_KIND_COUNT];

/* The position of @p field among the fields of @p kind (both in range), or
 * -1 when the kind does not have it. */
static inline int hyoka__record_slot(int kind, int field)
{
    const struct hyoka__kind_def *k = &hyoka__record_kinds[kind];
    for (size_t i = 0; i < k->field_count; i++)
        if (k->fields[i].field == field)
            return (int)i;
    return -1;
}

/* The label of @p field on the sheets of @p kind (Japanese, both in range),
 * or its document name when the kind does not have it. */
static inline const char *hyoka__record_field_label(int kind, int field)
{
    int slot = hyoka__record_slot(kind, field);
    return slot < 0 ? hyoka__record_field_names[field] : hyoka__record_kinds[kind].fields[slot].label;
}

/* The position of @p child among the child kinds of @p kind, or -1. */
static inline int hyoka__record_child_slot(int kind, int child)
{
    const struct hyoka__kind_def *k = &hyoka__record_kinds[kind];
    for (size_t i = 0; i < k->child_count; i++)
        if (k->children[i] == child)
            return (int)i;
    return -1;
}

#endif /* HYOKA_RECORD_SCHEMA_H */
