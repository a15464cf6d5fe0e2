/* Private layout of the domain model, shared by the modules that read it
 * directly (figures, validation, readers and writers). Not installed. */
#ifndef HYOKA_MODEL_H
#define HYOKA_MODEL_H

#include "internal.h"

#define HYOKA__PROJECT_TEXT_COUNT (HYOKA_TEXT_ACTIVITIES_PLANNED + 1)
#define HYOKA__COST_FIELD_COUNT (HYOKA_COST_HOUSEHOLDS + 1)
#define HYOKA__STAFF_FIELD_COUNT (HYOKA_STAFF_AMOUNT + 1)
#define HYOKA__INDICATOR_TEXT_COUNT (HYOKA_INDICATOR_LONG_TERM_NOTE + 1)
#define HYOKA__VALUE_FIELD_COUNT (HYOKA_VALUE_STATED_ACHIEVEMENT + 1)
#define HYOKA__EVAL_TEXT_COUNT (HYOKA_EVAL_BUDGET + 1)
#define HYOKA__FIGURE_COUNT (HYOKA_FIG_SCORE + 1)
/* Figures a cost year can state: EXPENSE .. TOTAL_COST_CHANGE. */
#define HYOKA__YEAR_FIGURE_COUNT (HYOKA_FIG_TOTAL_COST_CHANGE + 1)

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

struct hyoka__class_level {
    char *level; /* NULL when missing */
    char *code;
    char *name;
};
struct hyoka__class_path {
    struct hyoka__class_level *items;
    size_t count;
    size_t cap;
};

struct hyoka_project {
    char *text[HYOKA__PROJECT_TEXT_COUNT]; /* NULL = missing */
    int duty;                              /* hyoka_duty or HYOKA_UNSET */
    int period;                            /* hyoka_period or HYOKA_UNSET */
    int32_t start_year;                    /* 0 = missing */
    int32_t end_year;
    struct hyoka__class_path cls[2];       /* by hyoka_class_kind */
    struct hyoka__vec years;               /* hyoka_costs * */
    struct hyoka__vec indicators;          /* hyoka_indicator * */
    struct hyoka__vec evaluations;         /* hyoka_evaluation * */
    struct hyoka__vec children;            /* hyoka_project * */
    struct hyoka__kvlist extensions;
    hyoka_project *parent;                 /* owner when a sub-project */
    hyoka_portfolio *portfolio;            /* owner when top-level */
};

struct hyoka_staff {
    hyoka_costs *costs;                    /* owner */
    int category;                          /* hyoka_category or HYOKA_UNSET */
    uint32_t present;                      /* bit (1u << hyoka_staff_field) */
    hyoka_decimal dec[3];                  /* HEADCOUNT, FTE, HOURS */
    int64_t amount[3];                     /* UNIT_COST, HOURLY_RATE, AMOUNT (index field - 3) */
};

/* The figures a sheet printed for a cost year; allocated on the first
 * one, as most years state few or none. Entries not in stated_present are
 * zero. */
struct hyoka__stated {
    hyoka_decimal value[HYOKA__YEAR_FIGURE_COUNT];
    unsigned char unit[HYOKA__YEAR_FIGURE_COUNT];
};

/* The stated block of a cost year, allocated (zeroed) on first use; NULL
 * when out of memory (costs.c). */
struct hyoka__stated *hyoka__costs_stated_block(hyoka_costs *c);

struct hyoka_costs {
    hyoka_project *project;                /* owner */
    int32_t fiscal_year;
    int phase;                             /* hyoka_phase or HYOKA_UNSET */
    uint32_t present;                      /* bit (1u << hyoka_cost_field) */
    int64_t value[HYOKA__COST_FIELD_COUNT];
    uint32_t stated_present;               /* bit (1u << hyoka_figure) */
    struct hyoka__stated *st;              /* NULL until a figure is stated */
    struct hyoka__vec staff;               /* hyoka_staff * */
};

struct hyoka__ivalue {
    int32_t fiscal_year;
    uint32_t present;                      /* bit (1u << hyoka_value_field) */
    hyoka_decimal v[HYOKA__VALUE_FIELD_COUNT];
};

struct hyoka_indicator {
    hyoka_project *project;                /* owner */
    int kind;                              /* hyoka_kind or HYOKA_UNSET */
    int direction;                         /* hyoka_direction or HYOKA_UNSET */
    int not_settable;                      /* 0 or 1 */
    char *text[HYOKA__INDICATOR_TEXT_COUNT];
    int has_long_term;
    hyoka_decimal long_term;
    int32_t long_term_year;                /* 0 = not given */
    struct hyoka__ivalue *values;
    size_t value_count;
    size_t value_cap;
};

struct hyoka__goal {
    char *what;
    char *level;
    int32_t by;                            /* YYYYMMDD or 0 */
};

struct hyoka_evaluation {
    hyoka_project *project;                /* owner */
    int stage;                             /* hyoka_stage or HYOKA_UNSET */
    int32_t fiscal_year;                   /* 0 = missing */
    int32_t date;                          /* YYYYMMDD, 0 = missing */
    char *text[HYOKA__EVAL_TEXT_COUNT];
    int expected_outcome;                  /* or HYOKA_UNSET */
    int expected_cost;                     /* or HYOKA_UNSET */
    struct hyoka__kvlist answers;
    struct hyoka__kvlist comments;
    struct hyoka__goal *goals;
    size_t goal_count;
    size_t goal_cap;
};

struct hyoka__option {
    char *code;
    char *label;
    int has_score;
    hyoka_decimal score;
};

struct hyoka__criterion {
    char *code;
    char *label;
    hyoka_decimal weight;
    int required;
    int numeric;                           /* 1: range criterion */
    int has_min, has_max;
    hyoka_decimal min, max;
    struct hyoka__option *options;
    size_t option_count;
    size_t option_cap;
};

struct hyoka__verdict {
    char *code;
    char *label;
    int group;                             /* hyoka_verdict_group */
};

struct hyoka__budget {
    char *code;
    char *label;
    int kind;                              /* hyoka_budget_kind */
};

struct hyoka__band {
    hyoka_decimal min;
    char *code;
    char *label;
};

struct hyoka_scheme {
    char *id;
    char *name;
    int builtin;                           /* static, never freed or changed */
    int owned;                             /* held by a portfolio */
    struct hyoka__criterion *criteria;
    size_t criterion_count, criterion_cap;
    struct hyoka__verdict *verdicts;
    size_t verdict_count, verdict_cap;
    struct hyoka__budget *budgets;
    size_t budget_count, budget_cap;
    struct hyoka__band *bands;             /* sorted by min, highest first */
    size_t band_count, band_cap;
    char *missing_code;                    /* NULL = no missing-data rating */
    char *missing_label;
};

struct hyoka__denominator {
    int32_t fiscal_year;
    uint32_t present;                      /* bit 0 population, bit 1 households */
    int64_t population;
    int64_t households;
};

struct hyoka__rounding_rule {
    unsigned char set;
    unsigned char places;
    unsigned char mode;
    unsigned char unit;
};

struct hyoka_portfolio {
    char *municipality_name;
    char *municipality_code;
    struct hyoka__denominator *denominators;
    size_t denominator_count, denominator_cap;
    int amount_unit;
    struct hyoka__rounding_rule rounding[HYOKA__FIGURE_COUNT];
    int64_t stated_tolerance;
    struct hyoka__vec schemes;             /* hyoka_scheme * (owned) */
    struct hyoka__vec projects;            /* hyoka_project * (owned) */
    struct hyoka__arena *arena;            /* blocks of what was read; NULL if none */
};

/* ---- Containers (util.c) ---- */

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
/* Duplicate an already valid string (NULL stays NULL). */
int hyoka__str_copy(const char *src, char **out);
/* Both NULL, or both equal strings. */
int hyoka__str_equal(const char *a, const char *b);
/* Compare a stored string with a (text, len) argument. */
int hyoka__str_eq_n(const char *s, const char *text, size_t len);

/* Check a fiscal year argument (1868..9999); @p what names it. */
int hyoka__check_year(const char *what, int32_t fiscal_year);
/* Check an enum argument: HYOKA_UNSET (when allowed) or 0..count-1. */
int hyoka__check_enum(const char *what, int value, int count, int allow_unset);

/* ---- Per-entity internals (each module) ---- */
int hyoka__costs_new(hyoka_project *owner, int32_t fiscal_year, hyoka_costs **out);
void hyoka__costs_free(hyoka_costs *c);
int hyoka__costs_copy(const hyoka_costs *src, hyoka_project *owner, hyoka_costs **out);
int hyoka__costs_equal(const hyoka_costs *a, const hyoka_costs *b);

int hyoka__indicator_new(hyoka_project *owner, int kind, hyoka_indicator **out);
void hyoka__indicator_free(hyoka_indicator *ind);
int hyoka__indicator_copy(const hyoka_indicator *src, hyoka_project *owner, hyoka_indicator **out);
int hyoka__indicator_equal(const hyoka_indicator *a, const hyoka_indicator *b);
/* For readers that check that an indicator's fiscal years are unique
 * themselves, in less than linear time: append an entry for @p fiscal_year
 * without looking for it, validated as by hyoka_indicator_add_year(); set
 * a field of the last entry, validated as by hyoka_indicator_set_value()
 * (the same messages). HYOKA_OK, or an error with the indicator unchanged. */
int hyoka__indicator_append_year(hyoka_indicator *indicator, int32_t fiscal_year);
int hyoka__indicator_set_last_value(hyoka_indicator *indicator, int field, const hyoka_decimal *value);

int hyoka__evaluation_new(hyoka_project *owner, int stage, hyoka_evaluation **out);
void hyoka__evaluation_free(hyoka_evaluation *e);
int hyoka__evaluation_copy(const hyoka_evaluation *src, hyoka_project *owner, hyoka_evaluation **out);
int hyoka__evaluation_equal(const hyoka_evaluation *a, const hyoka_evaluation *b);

/* Free a scheme regardless of its owned flag (not a built-in). */
void hyoka__scheme_destroy(hyoka_scheme *s);

/* The public adders of schemes and their parts for readers that keep the
 * codes in a hash themselves: @p exists says whether the code (the id) is
 * taken, found by the caller, instead of a search of the list. Otherwise
 * the same checks in the same order, the same results and messages. */
int hyoka__portfolio_add_scheme(hyoka_portfolio *portfolio, hyoka_scheme *scheme, int exists);
int hyoka__scheme_add_criterion(hyoka_scheme *scheme, const char *code, size_t code_len, const char *label,
                                size_t label_len, const hyoka_decimal *weight, size_t *index, int exists);
int hyoka__scheme_add_option(hyoka_scheme *scheme, size_t criterion, const char *code, size_t code_len,
                             const char *label, size_t label_len, const hyoka_decimal *score, int exists);
int hyoka__scheme_add_verdict(hyoka_scheme *scheme, const char *code, size_t code_len, const char *label,
                              size_t label_len, int group, int exists);
int hyoka__scheme_add_budget(hyoka_scheme *scheme, const char *code, size_t code_len, const char *label,
                             size_t label_len, int kind, int exists);
/* The band with the code, if any, is given by its min (@p code_min, NULL
 * for none); the bands must be as hyoka_scheme_add_band() keeps them
 * (sorted by min, highest first, no two alike), which finds the rest by
 * binary search. *index: where the new band went. */
int hyoka__scheme_add_band(hyoka_scheme *scheme, const hyoka_decimal *min, const char *code, size_t code_len,
                           const char *label, size_t label_len, const hyoka_decimal *code_min, size_t *index);

/* The cost years of one project by fiscal year (figures.c), built once by a
 * bulk user (metrics, validation, HTML) so that finding the cost year of a
 * given fiscal year -- the previous year of TOTAL_COST_CHANGE, an earlier
 * year of the same fiscal year -- is a binary search instead of a scan of
 * the project's years. Held by the caller (never in the model, which may be
 * read from several threads); reusable from project to project. Valid only
 * while the project's years are not changed. */
struct hyoka__year_slot {
    int32_t fiscal_year;
    size_t pos;                            /* index in project->years */
};
struct hyoka__year_index {
    const hyoka_project *project;          /* indexed project; NULL: none */
    struct hyoka__year_slot *slots;        /* by (fiscal_year, pos) */
    size_t count;
    size_t cap;
};

/* Index the cost years of @p p into @p ix (zeroed, or used before). A
 * project with few years, or an allocation failure, leaves the index empty:
 * lookups then scan the years, with the same results. Records no error. */
void hyoka__year_index_build(struct hyoka__year_index *ix, const hyoka_project *p);
/* Free the slots; the index is empty (and reusable) afterwards. */
void hyoka__year_index_release(struct hyoka__year_index *ix);
/* The position in p->years of the first cost year (in project order) of
 * @p fiscal_year, or p->years.count when there is none. Uses @p ix when it
 * indexes @p p (a binary search), else scans; @p ix may be NULL. */
size_t hyoka__year_find(const hyoka_project *p, const struct hyoka__year_index *ix, int32_t fiscal_year);

/* Figures without recording an unavailable figure as the thread's last
 * error (figures.c): same arguments and results as the public functions.
 * For the library's own bulk users (metrics, validation, HTML). */
int hyoka__costs_figure(const hyoka_costs *costs, int figure, hyoka_decimal *out, int *reason);
/* hyoka__costs_figure() finding the previous fiscal year through @p ix (an
 * index of the cost year's project, or NULL: a scan). */
int hyoka__costs_figure_in(const hyoka_costs *costs, int figure, const struct hyoka__year_index *ix,
                           hyoka_decimal *out, int *reason);
int hyoka__staff_cost(const hyoka_staff *staff, int64_t *out, int *reason);
int hyoka__indicator_figure(const hyoka_indicator *indicator, int32_t fiscal_year, int figure, hyoka_decimal *out,
                            int *reason);
int hyoka__evaluation_score(const hyoka_evaluation *evaluation, hyoka_decimal *out, int *reason);
int hyoka__evaluation_rating(const hyoka_evaluation *evaluation, const char **code, const char **label,
                             int *reason);

/* Free a project regardless of owner links. */
void hyoka__project_destroy(hyoka_project *p);

#endif /* HYOKA_MODEL_H */
