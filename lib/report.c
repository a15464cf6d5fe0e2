/* Diagnostics: storage, counts and access.
 *
 * A report counts every diagnostic it is given — in total, by severity
 * and by code — whether it keeps it or not. With a limit it keeps at most
 * that many: a diagnostic more severe than the least severe one kept
 * takes the place of the last of those, so errors are kept before
 * warnings and warnings before notes, and the kept ones stay in the order
 * they were given. Rules (rules.c) exclude diagnostics altogether: those
 * are counted as ignored only. An error of reading (a code of kind
 * HYOKA__READ) is never excluded: it is why a read fails. */
#include "report_internal.h"
#include "util/containers.h"

#include <stdio.h>
#include <string.h>

int hyoka_report_new(hyoka_report **out)
{
    hyoka_report *r;
    HYOKA__CHECK_NULL(out);
    r = hyoka__heap_calloc(1, sizeof *r);
    if (!r)
        return hyoka__nomem();
    *out = r;
    return HYOKA_OK;
}

static void rules_free(struct hyoka_rules *rules)
{
    if (!rules)
        return;
    hyoka__free(rules->items);
    hyoka__free(rules);
}

void hyoka_report_free(hyoka_report *report)
{
    if (!report)
        return;
    for (size_t i = 0; i < report->count; i++)
        hyoka__free(report->items[i].path);
    hyoka__free(report->items);
    hyoka__free(report->tally);
    rules_free(report->rules);
    hyoka__free(report);
}

static bool valid_code(const char *code)
{
    size_t n = 0;
    for (; code[n]; n++) {
        char c = code[n];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            return false;
    }
    return n >= 1 && n <= 15;
}

/* ------------------------------------------------------------------------ */
/* Counting                                                                  */

static int tally_cmp(const struct hyoka__tally *t, const char *code, int severity)
{
    int c = strcmp(t->code, code);
    return c ? c : (t->severity > severity) - (t->severity < severity);
}

/* Count one more of (code, severity). false when out of memory (the
 * totals are right, the tally misses it). */
static bool tally_add(hyoka_report *r, const char *code, int severity)
{
    size_t lo = 0, hi = r->ntally;
    struct hyoka__tally *t;

    if (r->tally_last < r->ntally && tally_cmp(&r->tally[r->tally_last], code, severity) == 0) {
        r->tally[r->tally_last].count++;
        return true;
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = tally_cmp(&r->tally[mid], code, severity);
        if (c == 0) {
            r->tally[mid].count++;
            r->tally_last = mid;
            return true;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (r->ntally == r->tally_cap) { /* (no error recorded: counting must not change the last error) */
        size_t ncap = r->tally_cap ? r->tally_cap * 2 : 16;
        struct hyoka__tally *nt = hyoka__heap_realloc_array(r->tally, ncap, sizeof *nt);
        if (!nt)
            return false;
        r->tally = nt;
        r->tally_cap = ncap;
    }
    memmove(r->tally + lo + 1, r->tally + lo, (r->ntally - lo) * sizeof *r->tally);
    t = &r->tally[lo];
    memset(t, 0, sizeof *t);
    memcpy(t->code, code, strlen(code) < sizeof t->code ? strlen(code) : sizeof t->code - 1);
    t->severity = severity;
    t->count = 1;
    r->ntally++;
    r->tally_last = lo;
    return true;
}

/* Drop the last kept diagnostic of @p severity. */
static void drop_last(hyoka_report *r, int severity)
{
    size_t i = r->count;
    while (i-- > 0) {
        if (r->items[i].severity == severity) {
            hyoka__free(r->items[i].path);
            memmove(r->items + i, r->items + i + 1, (r->count - i - 1) * sizeof *r->items);
            r->count--;
            r->kept_by[severity]--;
            return;
        }
    }
}

/* The least severe severity among the kept diagnostics, -1 when none. */
static int least_severe_kept(const hyoka_report *r)
{
    for (int s = HYOKA__SEVERITY_COUNT - 1; s >= 0; s--)
        if (r->kept_by[s])
            return s;
    return -1;
}

static bool excluded(const hyoka_report *r, const char *code, int severity)
{
    const struct hyoka__code_info *e;
    if (!r->rules || hyoka__rules_allow(r->rules, code, strlen(code), severity))
        return false;
    /* What makes a read fail is always shown. */
    e = severity == HYOKA_SEVERITY_ERROR ? hyoka__code_find(code) : NULL;
    return !(e && e->kind == HYOKA__READ);
}

bool hyoka__report_admit(hyoka_report *r, const char *code, int severity)
{
    int least;

    if (excluded(r, code, severity)) {
        r->ignored++;
        return false;
    }
    r->total++;
    r->total_by[severity]++;
    (void)tally_add(r, code, severity);
    if (!r->limit || r->count < r->limit)
        return true;
    least = least_severe_kept(r);
    if (least <= severity)
        return false;
    drop_last(r, least);
    return true;
}

/* ------------------------------------------------------------------------ */
/* Storing                                                                   */

int hyoka__report_put(hyoka_report *r, const char *code, int severity, const char *path, int64_t line,
                      int64_t column, const char *en, const char *ja)
{
    struct hyoka__diag *d;
    size_t lp, le, lj, lc = strlen(code);
    char *block;

    if (!path)
        path = "";
    if (!ja)
        ja = en;
    /* The messages quote text of documents: their control characters are
     * escaped, so no message can end a line or reach a terminal raw. The
     * path stays exact (it locates the value); its printers escape it. */
    lp = strlen(path);
    le = hyoka__text_escape(en, NULL);
    lj = hyoka__text_escape(ja, NULL);
    if (hyoka__grow_heap((void **)&r->items, &r->cap, r->count, sizeof *r->items) != HYOKA_OK)
        return HYOKA_ENOMEM;
    block = hyoka__heap_malloc(lp + le + lj + 3); /* the report outlives a reader's arena */
    if (!block)
        return hyoka__nomem();
    memcpy(block, path, lp + 1);
    hyoka__text_escape(en, block + lp + 1);
    hyoka__text_escape(ja, block + lp + le + 2);
    d = &r->items[r->count++];
    memset(d->code, 0, sizeof d->code);
    memcpy(d->code, code, lc < sizeof d->code ? lc : sizeof d->code - 1);
    d->severity = severity;
    d->line = line;
    d->column = column;
    d->path = block;
    d->en = block + lp + 1;
    d->ja = block + lp + le + 2;
    r->kept_by[severity]++;
    return HYOKA_OK;
}

#define MESSAGE_MAX 1024

void hyoka__vdetail(char *en, char *ja, size_t size, const char *fmt_en, const char *fmt_ja, va_list ap)
{
    va_list aq;
    va_copy(aq, ap);
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
    if (vsnprintf(en, size, fmt_en, ap) >= (int)size)
        hyoka__utf8_cut(en, size - 1);
    if (vsnprintf(ja, size, fmt_ja, aq) >= (int)size)
        hyoka__utf8_cut(ja, size - 1);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
    va_end(aq);
}

int hyoka__report_vput(hyoka_report *r, int code, const char *path, int64_t line, int64_t column,
                       const char *fmt_en, const char *fmt_ja, va_list ap)
{
    char en[MESSAGE_MAX], ja[MESSAGE_MAX];
    hyoka__vdetail(en, ja, sizeof en, fmt_en, fmt_ja, ap);
    return hyoka__report_put(r, hyoka__codes[code].code, hyoka__codes[code].severity, path, line, column, en, ja);
}

/* Format two templates of the registry (not literals here: codes.h and
 * the unit tests vouch for them). */
static void format_templates(int code, char *en, char *ja, size_t size, ...)
{
    va_list ap;
    va_start(ap, size);
    hyoka__vdetail(en, ja, size, hyoka__codes[code].msg_en, hyoka__codes[code].msg_ja, ap);
    va_end(ap);
}

void hyoka__detail_message(int code, const char *detail_en, const char *detail_ja, char *en, char *ja, size_t size)
{
    if (!hyoka__code_is_detail(code)) { /* (a mistake of the caller: keep the detail) */
        snprintf(en, size, "%s", detail_en);
        snprintf(ja, size, "%s", detail_ja);
        hyoka__utf8_cut(en, strlen(en));
        hyoka__utf8_cut(ja, strlen(ja));
        return;
    }
    format_templates(code, en, ja, size, detail_en, detail_ja);
}

int hyoka__report_put_detail(hyoka_report *r, int code, const char *path, int64_t line, int64_t column,
                             const char *detail_en, const char *detail_ja)
{
    char en[MESSAGE_MAX], ja[MESSAGE_MAX];
    hyoka__detail_message(code, detail_en, detail_ja, en, ja, sizeof en);
    return hyoka__report_put(r, hyoka__codes[code].code, hyoka__codes[code].severity, path, line, column, en, ja);
}

int hyoka__report_detail(hyoka_report *r, const char *path, int64_t line, int64_t column, int code,
                         const char *fmt_en, const char *fmt_ja, ...)
{
    char en[MESSAGE_MAX], ja[MESSAGE_MAX];
    va_list ap;
    if (!hyoka__report_admit(r, hyoka__codes[code].code, hyoka__codes[code].severity))
        return HYOKA_OK;
    va_start(ap, fmt_ja);
    hyoka__vdetail(en, ja, sizeof en, fmt_en, fmt_ja, ap);
    va_end(ap);
    return hyoka__report_put_detail(r, code, path, line, column, en, ja);
}

/* ------------------------------------------------------------------------ */
/* The public functions                                                      */

int hyoka_report_add(hyoka_report *report, const char *code, int severity, const char *path,
                     const char *message_en, const char *message_ja)
{
    HYOKA__CHECK_NULL(report);
    HYOKA__CHECK_NULL(code);
    HYOKA__CHECK_NULL(message_en);
    if (!valid_code(code))
        return hyoka__fail(HYOKA_EINVAL, "%s: code must be 1 to 15 ASCII letters or digits", __func__);
    HYOKA__CHECK_ENUM(severity, SEVERITY);
    if ((path && !hyoka__utf8_valid(path, strlen(path))) || !hyoka__utf8_valid(message_en, strlen(message_en)) ||
        (message_ja && !hyoka__utf8_valid(message_ja, strlen(message_ja))))
        return hyoka__fail(HYOKA_EENCODING, "%s: path or message is not valid UTF-8", __func__);
    if (!hyoka__report_admit(report, code, severity))
        return HYOKA_OK;
    return hyoka__report_put(report, code, severity, path, 0, 0, message_en, message_ja);
}

int hyoka_report_append(hyoka_report *report, const hyoka_report *from)
{
    HYOKA__CHECK_NULL(report);
    HYOKA__CHECK_NULL(from);
    if (report == from)
        return hyoka__fail(HYOKA_EINVAL, "%s: a report cannot be appended to itself", __func__);
    for (size_t i = 0; i < from->count; i++) {
        const struct hyoka__diag *d = &from->items[i];
        if (hyoka__report_admit(report, d->code, d->severity) &&
            hyoka__report_put(report, d->code, d->severity, d->path, d->line, d->column, d->en, d->ja) != HYOKA_OK)
            return HYOKA_ENOMEM;
    }
    return HYOKA_OK;
}

size_t hyoka_report_count(const hyoka_report *report)
{
    return report ? report->count : 0;
}

size_t hyoka_report_count_severity(const hyoka_report *report, int severity)
{
    if (!report || severity < 0 || severity >= HYOKA__SEVERITY_COUNT)
        return 0;
    return report->kept_by[severity];
}

size_t hyoka_report_total(const hyoka_report *report)
{
    return report ? report->total : 0;
}

size_t hyoka_report_total_severity(const hyoka_report *report, int severity)
{
    if (!report || severity < 0 || severity >= HYOKA__SEVERITY_COUNT)
        return 0;
    return report->total_by[severity];
}

size_t hyoka_report_dropped(const hyoka_report *report)
{
    return report ? report->total - report->count : 0;
}

size_t hyoka_report_ignored(const hyoka_report *report)
{
    return report ? report->ignored : 0;
}

size_t hyoka_report_limit(const hyoka_report *report)
{
    return report ? report->limit : 0;
}

int hyoka_report_set_limit(hyoka_report *report, size_t limit)
{
    HYOKA__CHECK_NULL(report);
    report->limit = limit;
    while (limit && report->count > limit)
        drop_last(report, least_severe_kept(report));
    return HYOKA_OK;
}

size_t hyoka_report_tally_count(const hyoka_report *report)
{
    return report ? report->ntally : 0;
}

int hyoka_report_tally(const hyoka_report *report, size_t index, const char **code, int *severity, size_t *count)
{
    const struct hyoka__tally *t;
    HYOKA__CHECK_NULL(report);
    HYOKA__CHECK_INDEX(index, report->ntally, "tally entries");
    t = &report->tally[index];
    if (code)
        *code = t->code;
    if (severity)
        *severity = t->severity;
    if (count)
        *count = t->count;
    return HYOKA_OK;
}

int hyoka_report_set_rules(hyoka_report *report, const hyoka_rules *rules)
{
    struct hyoka_rules *copy = NULL;
    HYOKA__CHECK_NULL(report);
    if (rules) {
        copy = hyoka__rules_copy(rules);
        if (!copy)
            return hyoka__nomem();
    }
    rules_free(report->rules);
    report->rules = copy;
    return HYOKA_OK;
}

static const struct hyoka__diag *diag_at(const hyoka_report *report, size_t index)
{
    if (!report || index >= report->count)
        return NULL;
    return &report->items[index];
}

const char *hyoka_report_code(const hyoka_report *report, size_t index)
{
    const struct hyoka__diag *d = diag_at(report, index);
    return d ? d->code : NULL;
}

int hyoka_report_severity(const hyoka_report *report, size_t index)
{
    const struct hyoka__diag *d = diag_at(report, index);
    if (!d)
        return hyoka__fail(HYOKA_EINVAL, "%s: no diagnostic %zu", __func__, index);
    return d->severity;
}

const char *hyoka_report_path(const hyoka_report *report, size_t index)
{
    const struct hyoka__diag *d = diag_at(report, index);
    return d ? d->path : NULL;
}

int hyoka_report_position(const hyoka_report *report, size_t index, int64_t *line, int64_t *column)
{
    const struct hyoka__diag *d;
    HYOKA__CHECK_NULL(report);
    d = diag_at(report, index);
    if (!d)
        return hyoka__fail(HYOKA_ENOTFOUND, "%s: no diagnostic %zu", __func__, index);
    if (line)
        *line = d->line;
    if (column)
        *column = d->column;
    return HYOKA_OK;
}

const char *hyoka_report_message(const hyoka_report *report, size_t index, int lang)
{
    const struct hyoka__diag *d = diag_at(report, index);
    if (!d)
        return NULL;
    return lang == HYOKA_LANG_JA ? d->ja : d->en;
}
