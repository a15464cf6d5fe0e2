/* What the JSON writers share: the writer over its byte buffer
 * (util/buf.h) and the JSON tokens written into it (output.c), used by write.c (hyoka/1) and metrics.c
 * (hyoka-metrics/1 and the JSON form of a report). The small token writers
 * are inline here: always inlined, a literal member name's length is known
 * when compiling. Not installed. */
#ifndef HYOKA_JSON_OUTPUT_H
#define HYOKA_JSON_OUTPUT_H

#include "figures/internal.h"
#include "util/buf.h"
#include "vocab.h"
#include "hyoka/figures.h"

#include <stdbool.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* The writer (output.c)                                                     */

/* A writer: its output goes into a byte buffer (util/buf.h), in memory or
 * to a file through the buffer's sink. The first failure, of the buffer or
 * of the walk (an invalid value), is remembered in out.err and every later
 * write that needs room does nothing, so a walk simply runs to its end and
 * the caller sees the first error. */
struct hyoka__json_writer {
    struct hyoka__buf out;
    size_t depth;  /* nesting depth, for indentation */
    bool first;    /* nothing written yet in the innermost open container */
    bool pretty;
    int unit;      /* amount unit of money members (hyoka_unit) */
    const hyoka_portfolio *pf;
    int lang;
    struct hyoka__year_index years; /* metrics: the cost years of the project being written */
};

/* A writer into memory (@p sink NULL) or to @p sink (util/buf.h). */
void hyoka__json_writer_init(struct hyoka__json_writer *w, bool pretty, hyoka__buf_sink_fn sink, void *user);
/* Remember the first failure @p rc (already recorded by hyoka__fail()). */
static inline void hyoka__json_writer_fail(struct hyoka__json_writer *w, int rc)
{
    hyoka__buf_fail(&w->out, rc);
}
/* The end of a document: the final newline of the pretty form; then, in
 * memory, the text handed to the caller (NUL-terminated) or freed on
 * failure, or, with a sink, everything sent. Returns the first failure. */
int hyoka__json_writer_finish(struct hyoka__json_writer *w, char **out, size_t *len);

static inline void hyoka__json_put(struct hyoka__json_writer *w, const char *s, size_t n)
{
    hyoka__buf_put(&w->out, s, n);
}

static inline void hyoka__json_put_char(struct hyoka__json_writer *w, char c)
{
    hyoka__buf_putc(&w->out, c);
}

/* ------------------------------------------------------------------------ */
/* JSON tokens (output.c)                                                    */

/* Newline and indentation (pretty only). */
void hyoka__json_newline(struct hyoka__json_writer *w);
/* The bytes of a string, escaped (only '"', '\\' and U+0000..U+001F),
 * without the quotes. */
void hyoka__json_put_escaped(struct hyoka__json_writer *w, const char *s, size_t n);
/* A string, escaped: only '"', '\\' and U+0000..U+001F. */
void hyoka__json_put_string_n(struct hyoka__json_writer *w, const char *s, size_t n);
/* A member name of @p n bytes known to need no escaping, with the
 * separator before it and the colon after it, in one step. */
void hyoka__json_key_n(struct hyoka__json_writer *w, const char *name, size_t n);
/* A member name from user data. */
void hyoka__json_key_text(struct hyoka__json_writer *w, const char *name);

static inline void hyoka__json_put_string(struct hyoka__json_writer *w, const char *s)
{
    hyoka__json_put_string_n(w, s, strlen(s));
}

/* Digits of @p mag with @p scale places (a point inserted), a sign when
 * @p neg, quoted when @p quoted. */
static inline void hyoka__json_put_number(struct hyoka__json_writer *w, uint64_t mag, bool neg, int scale, bool quoted)
{
    char buf[48];
    char *end = buf + sizeof buf, *p = end;
    int n = 0;

    if (quoted)
        *--p = '"';
    do {
        *--p = (char)('0' + (int)(mag % 10));
        mag /= 10;
        n++;
        if (n == scale)
            *--p = '.';
    } while (mag != 0 || n <= scale);
    if (neg)
        *--p = '-';
    if (quoted)
        *--p = '"';
    hyoka__json_put(w, p, (size_t)(end - p));
}

static inline uint64_t hyoka__json_magnitude(int64_t v)
{
    return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

static inline void hyoka__json_put_int(struct hyoka__json_writer *w, int64_t v)
{
    hyoka__json_put_number(w, hyoka__json_magnitude(v), v < 0, 0, false);
}

/* A decimal with its places: a number when whole unless @p always_string. */
static inline void hyoka__json_put_decimal(struct hyoka__json_writer *w, const hyoka_decimal *d, bool always_string)
{
    int64_t coef = hyoka_decimal_coefficient(d);
    int scale = hyoka_decimal_scale(d);

    hyoka__json_put_number(w, hyoka__json_magnitude(coef), coef < 0, scale, always_string || scale > 0);
}

/* An amount of money in the writer's unit. */
static inline void hyoka__json_put_money(struct hyoka__json_writer *w, int64_t yen)
{
    uint64_t mag = hyoka__json_magnitude(yen);
    int scale = 3;

    if (w->unit != HYOKA_UNIT_THOUSAND_YEN) {
        hyoka__json_put_number(w, mag, yen < 0, 0, false);
        return;
    }
    while (scale > 0 && mag % 10 == 0) {
        mag /= 10;
        scale--;
    }
    hyoka__json_put_number(w, mag, yen < 0, scale, false);
}

/* Separator before a member or an element. */
static inline void hyoka__json_sep(struct hyoka__json_writer *w)
{
    if (!w->first)
        hyoka__json_put_char(w, ',');
    hyoka__json_newline(w);
    w->first = false;
}

static inline void hyoka__json_colon(struct hyoka__json_writer *w)
{
    if (w->pretty)
        hyoka__json_put(w, ": ", 2);
    else
        hyoka__json_put_char(w, ':');
}

/* Open and close an object or array ('{' / '}', '[' / ']'). */
static inline void hyoka__json_open(struct hyoka__json_writer *w, char c)
{
    hyoka__json_put_char(w, c);
    w->depth++;
    w->first = true;
}

static inline void hyoka__json_close(struct hyoka__json_writer *w, char c)
{
    w->depth--;
    if (!w->first)
        hyoka__json_newline(w);
    hyoka__json_put_char(w, c);
    w->first = false;
}

/* Inlined so that the length of a literal name is known when compiling:
 * the compact form is written in place, the pretty one by
 * hyoka__json_key_n(). */
HYOKA_ALWAYS_INLINE static inline void hyoka__json_key(struct hyoka__json_writer *w, const char *name)
{
    size_t n = strlen(name);

    if (!w->pretty && HYOKA_LIKELY(w->out.cap - w->out.len > n + 4)) {
        char *p = w->out.data + w->out.len;
        *p = ',';
        p += !w->first;
        *p++ = '"';
        memcpy(p, name, n);
        p += n;
        *p++ = '"';
        *p++ = ':';
        w->out.len = (size_t)(p - w->out.data);
        w->first = false;
        return;
    }
    hyoka__json_key_n(w, name, n);
}

/* Members of common shapes; nothing is written for a missing value. */
HYOKA_ALWAYS_INLINE static inline void hyoka__json_m_string(struct hyoka__json_writer *w, const char *name,
                                                            const char *value)
{
    if (!value)
        return;
    hyoka__json_key(w, name);
    hyoka__json_put_string(w, value);
}

HYOKA_ALWAYS_INLINE static inline void hyoka__json_m_int(struct hyoka__json_writer *w, const char *name, int64_t value)
{
    hyoka__json_key(w, name);
    hyoka__json_put_int(w, value);
}

HYOKA_ALWAYS_INLINE static inline void hyoka__json_m_enum(struct hyoka__json_writer *w, const char *name, int which,
                                                          int value)
{
    const char *s;

    if (value == HYOKA_UNSET)
        return;
    s = hyoka_enum_name(which, value);
    if (!s) {
        hyoka__json_writer_fail(w, hyoka__fail_enum("JSON writer", name, value, which, false));
        return;
    }
    hyoka__json_key(w, name);
    hyoka__json_put_string(w, s);
}

HYOKA_ALWAYS_INLINE static inline void hyoka__json_m_year(struct hyoka__json_writer *w, const char *name,
                                                          int32_t fiscal_year)
{
    if (fiscal_year != 0)
        hyoka__json_m_int(w, name, fiscal_year);
}

HYOKA_ALWAYS_INLINE static inline void hyoka__json_m_date(struct hyoka__json_writer *w, const char *name, int32_t date)
{
    char buf[HYOKA_CALENDAR_STRING_MAX];
    size_t n = 0;
    int rc;

    if (date == 0)
        return;
    rc = hyoka_date_to_iso(date, buf, sizeof buf, &n);
    if (rc != HYOKA_OK) {
        hyoka__json_writer_fail(w, rc);
        return;
    }
    hyoka__json_key(w, name);
    hyoka__json_put_string_n(w, buf, n);
}

HYOKA_ALWAYS_INLINE static inline void hyoka__json_m_null(struct hyoka__json_writer *w, const char *name)
{
    hyoka__json_key(w, name);
    hyoka__json_put(w, "null", 4);
}

/* A string member in the metrics output: null when missing. */
HYOKA_ALWAYS_INLINE static inline void hyoka__json_m_string_or_null(struct hyoka__json_writer *w, const char *name,
                                                                    const char *value)
{
    if (value)
        hyoka__json_m_string(w, name, value);
    else
        hyoka__json_m_null(w, name);
}

/* ------------------------------------------------------------------------ */
/* Project trees and names (output.c)                                        */

/* Writes a project up to (and including) the opening of its children
 * array; returns true when it has children to write. */
typedef bool (*hyoka__json_project_head_fn)(struct hyoka__json_writer *w, const hyoka_project *p);
/* Writes what follows the children array and closes the project. */
typedef void (*hyoka__json_project_tail_fn)(struct hyoka__json_writer *w, const hyoka_project *p);
/* A project and its sub-projects, as an element, walked without recursion
 * so that a deep tree cannot overflow the stack. */
void hyoka__json_write_project_tree(struct hyoka__json_writer *w, const hyoka_project *root,
                                    hyoka__json_project_head_fn head, hyoka__json_project_tail_fn tail);

/* ------------------------------------------------------------------------ */
/* What hyoka/1 gained in 1.1 (write_records.c)                              */

/* A project's "organization" or "texts" object (@p in: HYOKA__IN_ORGANIZATION
 * or HYOKA__IN_TEXTS of additions.h, named @p name), when it has a text. */
void hyoka__json_write_text_group(struct hyoka__json_writer *w, const hyoka_project *p, int in, const char *name);
/* The members added to a project (texts, flags, records) and to an indicator. */
void hyoka__json_write_project_additions(struct hyoka__json_writer *w, const hyoka_project *p);

/* ------------------------------------------------------------------------ */
/* The documents in three parts (write.c, metrics.c), for the whole-document
 * writers and the streaming writer (writer.c): the head (everything before
 * the first project, "projects": [ included), one top-level project with
 * its sub-projects, the tail. */

/* hyoka/1: w->pf and w->unit set by the caller. */
void hyoka__json_doc_head(struct hyoka__json_writer *w, const hyoka_portfolio *pf);
void hyoka__json_doc_project(struct hyoka__json_writer *w, const hyoka_project *p);
void hyoka__json_doc_tail(struct hyoka__json_writer *w);
/* hyoka-metrics/1 (sets w->pf, w->lang, w->unit); the tail writes the
 * diagnostics of @p report (may be NULL). */
void hyoka__json_metrics_head(struct hyoka__json_writer *w, const hyoka_portfolio *pf, int lang);
void hyoka__json_metrics_project(struct hyoka__json_writer *w, const hyoka_project *p);
void hyoka__json_metrics_tail(struct hyoka__json_writer *w, const hyoka_report *report);
void hyoka__json_write_indicator_additions(struct hyoka__json_writer *w, const hyoka_indicator *ind);

#endif /* HYOKA_JSON_OUTPUT_H */
