/* Private layout of the records of the domain model, shared by the modules
 * that read them directly (figures, validation, readers and writers): only
 * the structures. Building and freeing records is in model_build.h, the
 * containers they hold in util/containers.h, the figures' internals in
 * figures/internal.h. Not installed. */
#ifndef HYOKA_MODEL_H
#define HYOKA_MODEL_H

#include "internal.h"
#include "util/containers.h"
#include "vocab.h"
#include "record_schema.h"

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
    uint16_t flags_set;                    /* bit (1u << hyoka_flag): given */
    uint16_t flags_value;                  /* bit (1u << hyoka_flag): true (only where given) */
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
    struct hyoka__vec *records;            /* hyoka_record *, by kind; NULL until the first record */
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
    int has_baseline;
    hyoka_decimal baseline;
    int32_t baseline_year;                 /* 0 = not given */
    int32_t target_year;                   /* 0 = missing */
    int64_t number;                        /* HYOKA_UNSET = missing */
    int term;                              /* hyoka_term or HYOKA_UNSET */
    int measurement;                       /* hyoka_measurement or HYOKA_UNSET */
    struct hyoka__ivalue *values;
    size_t value_count;
    size_t value_cap;
};

/* A field of a record: which member holds it is the field's type. */
union hyoka__rvalue {
    char *text;                            /* TEXT */
    int64_t i;                             /* MONEY, INTEGER, FLAG (0/1), FISCAL_YEAR */
    hyoka_decimal d;                       /* DECIMAL */
};

struct hyoka_record {
    hyoka_project *project;                /* the project it belongs to (through its parents) */
    hyoka_record *parent;                  /* owner when a child record; NULL: the project's own */
    int kind;                              /* hyoka_record_kind */
    uint64_t set;                          /* bit per field of the kind (schema order): set */
    uint64_t na;                           /* bit per field: not applicable */
    struct hyoka__vec children[HYOKA__RECORD_MAX_CHILDREN]; /* hyoka_record *, by the kind's child kinds */
    struct hyoka__kvlist extensions;
    union hyoka__rvalue v[];               /* one per field of the kind, in schema order */
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
    char *text[HYOKA__EVALUATION_TEXT_COUNT];
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
    int achievement_rule; /* a hyoka_achievement_rule */
    struct hyoka__vec schemes;             /* hyoka_scheme * (owned) */
    struct hyoka__vec projects;            /* hyoka_project * (owned) */
    struct hyoka__arena *arena;            /* blocks of what was read; NULL if none */
};

#endif /* HYOKA_MODEL_H */
