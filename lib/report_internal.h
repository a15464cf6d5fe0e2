/* Private interface of the report module: how the library's modules put
 * their diagnostics into a report (report.c), and the rules (rules.c). */
#ifndef HYOKA_REPORT_INTERNAL_H
#define HYOKA_REPORT_INTERNAL_H

#include "codes.h"
#include "vocab.h"

#include <stdarg.h>

struct hyoka__diag {
    char code[16];
    int severity;
    int64_t line;   /* 0 = unknown */
    int64_t column;
    char *path;     /* one allocation: path \0 en \0 ja \0 */
    const char *en;
    const char *ja;
};

/* How many diagnostics of one code and severity a report was given. */
struct hyoka__tally {
    char code[16];
    int severity;
    size_t count;
};

/* A code or a prefix of codes the rules select or ignore. */
struct hyoka__pattern {
    char text[16];
    size_t len;
    bool ignore;
};

struct hyoka_rules {
    struct hyoka__pattern *items;
    size_t count, cap;
    size_t selects;   /* how many items select */
    int min_severity; /* the least severe kept (HYOKA_SEVERITY_INFO: all) */
};

struct hyoka_report {
    struct hyoka__diag *items; /* the diagnostics kept, in the order given */
    size_t count;
    size_t cap;
    size_t limit;   /* keep at most this many (0 = no limit) */
    size_t total;   /* every diagnostic given and not excluded by the rules */
    size_t total_by[HYOKA__SEVERITY_COUNT];
    size_t kept_by[HYOKA__SEVERITY_COUNT];
    size_t ignored; /* excluded by the rules */
    struct hyoka__tally *tally; /* by code, then severity */
    size_t ntally, tally_cap;
    size_t tally_last;          /* where the last one was counted */
    struct hyoka_rules *rules;  /* the report's own copy, or NULL */
};

/* ---- putting diagnostics into a report ----
 *
 * A diagnostic is first admitted: it is counted (totals, tally, or
 * ignored by the rules) and the report says whether it keeps it, making
 * room by dropping a less severe one when it is full. Only then are its
 * location and messages worked out and stored, so that a diagnostic not
 * kept costs a count. */

/* Count a diagnostic; true when the report keeps it (then store it). A
 * code of the registry or any other (hyoka_report_add()). */
bool hyoka__report_admit(hyoka_report *r, const char *code, int severity);

/* Store an admitted diagnostic with its messages as they are (@p ja NULL:
 * the English one). HYOKA_OK, HYOKA_ENOMEM. */
int hyoka__report_put(hyoka_report *r, const char *code, int severity, const char *path, int64_t line,
                      int64_t column, const char *en, const char *ja);

/* Store an admitted diagnostic of registry code @p code: its two
 * templates (HYOKA__MSG()) formatted with the arguments. */
int hyoka__report_vput(hyoka_report *r, int code, const char *path, int64_t line, int64_t column,
                       const char *fmt_en, const char *fmt_ja, va_list ap);

/* Store an admitted diagnostic of a code with a detail template: the
 * detail in English and Japanese put into the registry's templates. */
int hyoka__report_put_detail(hyoka_report *r, int code, const char *path, int64_t line, int64_t column,
                             const char *detail_en, const char *detail_ja);

/* Admit and store a diagnostic of a code with a detail template, the
 * detail given as two formats that take the same arguments. */
int hyoka__report_detail(hyoka_report *r, const char *path, int64_t line, int64_t column, int code,
                         const char *fmt_en, const char *fmt_ja, ...) HYOKA_PRINTF2(6, 7, 8);

/* The message of a code with a detail template: the registry's templates
 * with the detail pair, into en[size] and ja[size]. */
void hyoka__detail_message(int code, const char *detail_en, const char *detail_ja, char *en, char *ja, size_t size);

/* Format a detail pair (two formats taking the same arguments) into
 * en[size] and ja[size], cut on a character boundary. */
void hyoka__vdetail(char *en, char *ja, size_t size, const char *fmt_en, const char *fmt_ja, va_list ap);

/* Validate one top-level project of @p portfolio (validate.c) as
 * hyoka_validate() does it at /projects/@p index, with its sub-projects;
 * @p dup_of is the index of an earlier top-level project with the same
 * code (P003), or SIZE_MAX. For streams (json/stream.c), whose portfolio
 * holds one project at a time. */
int hyoka__validate_project(const hyoka_portfolio *portfolio, const hyoka_project *project, size_t index,
                            size_t dup_of, hyoka_report *report);

/* The severity of a registry code. */
static inline int hyoka__code_severity(int code)
{
    return hyoka__codes[code].severity;
}

/* ---- rules (rules.c) ---- */

/* Whether the rules keep a diagnostic (NULL rules keep everything). */
bool hyoka__rules_allow(const struct hyoka_rules *rules, const char *code, size_t len, int severity);
/* A copy of @p rules (heap), or NULL when out of memory. */
struct hyoka_rules *hyoka__rules_copy(const struct hyoka_rules *rules);

#endif
