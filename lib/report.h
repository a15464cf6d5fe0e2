/* Private interface of the report module. */
#ifndef HYOKA_REPORT_INTERNAL_H
#define HYOKA_REPORT_INTERNAL_H

#include "internal.h"

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

struct hyoka_report {
    struct hyoka__diag *items;
    size_t count;
    size_t cap;
    size_t limit;   /* stop adding after this many (0 = none) */
    size_t dropped; /* diagnostics not added because of the limit */
};

/* Append a diagnostic with messages formatted from two printf formats that
 * take the same arguments. Severity comes from the catalog when @p severity
 * is negative. HYOKA_OK, HYOKA_ENOMEM. */
int hyoka__report_addf(hyoka_report *r, const char *code, int severity, const char *path, int64_t line,
                       int64_t column, const char *fmt_en, const char *fmt_ja, ...)
    HYOKA_PRINTF(7, 9);

/* The same with ready messages. */
int hyoka__report_add(hyoka_report *r, const char *code, int severity, const char *path, int64_t line,
                      int64_t column, const char *en, const char *ja);

#endif
