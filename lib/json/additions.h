/* The members hyoka/1 gained with version 1.1 of the library, once, for
 * the reader (records.c) and the writer (write_records.c): where each one
 * sits, in document order, and what it holds. The names come from the
 * vocabulary (project and indicator texts, flags) and the record schema
 * where those name them; the few that are layout only are named here.
 * Records themselves are read and written from the schema
 * (record_schema.h). Not installed. */
#ifndef HYOKA_JSON_ADDITIONS_H
#define HYOKA_JSON_ADDITIONS_H

#include "model.h"

/* The objects that gained members. */
enum {
    HYOKA__IN_PROJECT,      /* a project, after "evaluations" */
    HYOKA__IN_ORGANIZATION, /* a project's "organization", after "phone" */
    HYOKA__IN_TEXTS,        /* a project's "texts", after "activities_planned" */
    HYOKA__IN_METHODS,      /* a project's "methods" (new) */
    HYOKA__IN_INDICATOR,    /* an indicator, after "long_term_target" */
    HYOKA__IN_BASELINE,     /* an indicator's "baseline" (new) */
    HYOKA__IN_RECORD        /* a record, after its fields and child records */
};

/* What an added member holds. */
enum {
    HYOKA__ADD_PROJECT_TEXT,   /* which: a hyoka_text_field */
    HYOKA__ADD_FLAG,           /* which: a hyoka_flag */
    HYOKA__ADD_METHODS,        /* the "methods" object (flags) */
    HYOKA__ADD_RECORDS,        /* which: a hyoka_record_kind */
    HYOKA__ADD_NUMBER,         /* an indicator's number */
    HYOKA__ADD_TERM,           /* an indicator's hyoka_term */
    HYOKA__ADD_MEASUREMENT,    /* an indicator's hyoka_measurement */
    HYOKA__ADD_INDICATOR_TEXT, /* which: a hyoka_indicator_field */
    HYOKA__ADD_TARGET_YEAR,    /* an indicator's target fiscal year */
    HYOKA__ADD_BASELINE,       /* the "baseline" object */
    HYOKA__ADD_VALUE,          /* the baseline's value */
    HYOKA__ADD_FISCAL_YEAR,    /* the baseline's fiscal year */
    HYOKA__ADD_EXTENSIONS      /* a record's "extensions" */
};

struct hyoka__json_addition {
    const char *name; /* the member's name: name[0..len) */
    size_t len;
    int what;         /* HYOKA__ADD_* */
    int which;
};

/* The @p j-th member added to objects of @p in (HYOKA__IN_*), in document
 * order: 1 with *out filled, or 0 past the last. */
int hyoka__json_addition(int in, int j, struct hyoka__json_addition *out);

/* The @p j-th text of a project's "organization" (@p in
 * HYOKA__IN_ORGANIZATION) or "texts" (HYOKA__IN_TEXTS) object, those of
 * 1.0 included, in document order: the hyoka_text_field, or -1 past the
 * last. Its member name follows the dot of its document name. */
int hyoka__json_text_group(int in, int j);

#endif /* HYOKA_JSON_ADDITIONS_H */
