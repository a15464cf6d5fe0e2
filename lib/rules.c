/* Rules: which diagnostics a report keeps, selected and ignored by code or
 * code prefix and by severity, as linters do; set through the functions
 * or read from a rules file (docs/rules.md gives the format). */
#include "report_internal.h"
#include "util/containers.h"
#include "util/fsio.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* The rules                                                                 */

int hyoka_rules_new(hyoka_rules **out)
{
    hyoka_rules *r;
    HYOKA__CHECK_NULL(out);
    r = hyoka__heap_calloc(1, sizeof *r);
    if (!r)
        return hyoka__nomem();
    r->min_severity = HYOKA_SEVERITY_INFO;
    *out = r;
    return HYOKA_OK;
}

void hyoka_rules_free(hyoka_rules *rules)
{
    if (!rules)
        return;
    hyoka__free(rules->items);
    hyoka__free(rules);
}

struct hyoka_rules *hyoka__rules_copy(const struct hyoka_rules *rules)
{
    struct hyoka_rules *c = hyoka__heap_calloc(1, sizeof *c);
    if (!c)
        return NULL;
    *c = *rules;
    c->items = NULL;
    c->cap = rules->count;
    if (rules->count) {
        c->items = hyoka__heap_malloc_array(rules->count, sizeof *c->items);
        if (!c->items) {
            hyoka__free(c);
            return NULL;
        }
        memcpy(c->items, rules->items, rules->count * sizeof *c->items);
    }
    return c;
}

/* The length of a pattern: 1 to 15 ASCII letters or digits; 0 otherwise. */
static size_t pattern_len(const char *s, size_t n)
{
    if (n == 0 || n > 15)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            return 0;
    }
    return n;
}

static int add_pattern(hyoka_rules *rules, const char *s, size_t n, bool ignore)
{
    struct hyoka__pattern *p;
    if (hyoka__grow_heap((void **)&rules->items, &rules->cap, rules->count, sizeof *rules->items) != HYOKA_OK)
        return hyoka__nomem();
    p = &rules->items[rules->count++];
    memset(p, 0, sizeof *p);
    memcpy(p->text, s, n);
    p->len = n;
    p->ignore = ignore;
    rules->selects += !ignore;
    return HYOKA_OK;
}

static int add_checked(const char *fn, hyoka_rules *rules, const char *pattern, bool ignore)
{
    size_t n;
    HYOKA__CHECK_NULL_IN(fn, rules);
    HYOKA__CHECK_NULL_IN(fn, pattern);
    n = pattern_len(pattern, strlen(pattern));
    if (!n)
        return hyoka__fail(HYOKA_EINVAL, "%s: \"%.20s\" is not a code or a code prefix (1 to 15 letters or digits)",
                           fn, pattern);
    return add_pattern(rules, pattern, n, ignore);
}

int hyoka_rules_select(hyoka_rules *rules, const char *pattern)
{
    return add_checked("hyoka_rules_select", rules, pattern, false);
}

int hyoka_rules_ignore(hyoka_rules *rules, const char *pattern)
{
    return add_checked("hyoka_rules_ignore", rules, pattern, true);
}

int hyoka_rules_set_min_severity(hyoka_rules *rules, int severity)
{
    HYOKA__CHECK_NULL(rules);
    HYOKA__CHECK_ENUM(severity, SEVERITY);
    rules->min_severity = severity;
    return HYOKA_OK;
}

/* The most specific pattern decides: the longest that the code starts
 * with, an ignore winning over a select of the same length. With none,
 * the code is kept unless the rules select some codes. */
bool hyoka__rules_allow(const struct hyoka_rules *rules, const char *code, size_t len, int severity)
{
    const struct hyoka__pattern *best = NULL;
    if (!rules)
        return true;
    if (severity > rules->min_severity)
        return false;
    for (size_t i = 0; i < rules->count; i++) {
        const struct hyoka__pattern *p = &rules->items[i];
        if (p->len > len || memcmp(p->text, code, p->len) != 0)
            continue;
        if (!best || p->len > best->len || (p->len == best->len && p->ignore))
            best = p;
    }
    return best ? !best->ignore : rules->selects == 0;
}

int hyoka_rules_allows(const hyoka_rules *rules, const char *code, int severity)
{
    if (!code)
        return 0;
    return hyoka__rules_allow(rules, code, strlen(code), severity);
}

/* ------------------------------------------------------------------------ */
/* Rules files                                                               */

static const char *const severity_words[HYOKA__SEVERITY_COUNT] = {"error", "warning", "info"};

struct parse {
    hyoka_rules *rules;
    hyoka_report *report;
    const char *text;
    int64_t line;
    const char *line_start;
    size_t errors;
    int fatal;
};

/* R001 at @p at of the current line. */
static void problem(struct parse *p, const char *at, const char *fmt_en, const char *fmt_ja, ...)
    HYOKA_PRINTF2(3, 4, 5);
static void problem(struct parse *p, const char *at, const char *fmt_en, const char *fmt_ja, ...)
{
    char en[512], ja[512];
    size_t col = 1, i = 0, n = (size_t)(at - p->line_start);
    va_list ap;

    p->errors++;
    if (!p->report || !hyoka__report_admit(p->report, hyoka__codes[HYOKA__R001].code, HYOKA_SEVERITY_ERROR))
        return;
    while (i < n) { /* the column in characters */
        if (hyoka__utf8_next(p->line_start, n, &i) < 0)
            i++;
        col++;
    }
    va_start(ap, fmt_ja);
    hyoka__vdetail(en, ja, sizeof en, fmt_en, fmt_ja, ap);
    va_end(ap);
    if (hyoka__report_put_detail(p->report, HYOKA__R001, "", p->line, (int64_t)col, en, ja) != HYOKA_OK)
        p->fatal = HYOKA_ENOMEM;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* A printable excerpt of s[0..n) for a message. */
static const char *excerpt(const char *s, size_t n, char *buf, size_t size)
{
    if (n > size - 4) {
        n = size - 4;
        while (n > 0 && ((unsigned char)s[n] & 0xC0u) == 0x80u)
            n--;
        memcpy(buf, s, n);
        memcpy(buf + n, "...", 4);
        return buf;
    }
    memcpy(buf, s, n);
    buf[n] = '\0';
    return buf;
}

/* The patterns of a select or ignore line: separated by commas or blanks. */
static void patterns(struct parse *p, const char *v, const char *end, bool ignore)
{
    while (v < end && !p->fatal) {
        const char *w;
        char q[40];
        while (v < end && (is_blank(*v) || *v == ','))
            v++;
        w = v;
        while (v < end && !is_blank(*v) && *v != ',')
            v++;
        if (v == w)
            break;
        if (!pattern_len(w, (size_t)(v - w)))
            problem(p, w, "\"%s\" is not a code or a code prefix (1 to 15 letters or digits)",
                    "「%s」はコードでもコードの先頭でもない (英数字1〜15文字)", excerpt(w, (size_t)(v - w), q, sizeof q));
        else if (add_pattern(p->rules, w, (size_t)(v - w), ignore) != HYOKA_OK)
            p->fatal = HYOKA_ENOMEM;
    }
}

static void parse_line(struct parse *p, const char *s, const char *end)
{
    const char *key, *key_end, *v, *eq;
    char q[40];

    for (const char *h = s; h < end; h++) /* a comment runs to the end of the line */
        if (*h == '#') {
            end = h;
            break;
        }
    while (s < end && is_blank(*s))
        s++;
    while (end > s && is_blank(end[-1]))
        end--;
    if (s == end)
        return;
    eq = memchr(s, '=', (size_t)(end - s));
    if (!eq) {
        problem(p, s, "expected \"key = value\"", "「キー = 値」の形でない");
        return;
    }
    key = s;
    key_end = eq;
    while (key_end > key && is_blank(key_end[-1]))
        key_end--;
    v = eq + 1;
    while (v < end && is_blank(*v))
        v++;
    if ((size_t)(key_end - key) == 6 && memcmp(key, "select", 6) == 0) {
        patterns(p, v, end, false);
    } else if ((size_t)(key_end - key) == 6 && memcmp(key, "ignore", 6) == 0) {
        patterns(p, v, end, true);
    } else if ((size_t)(key_end - key) == 12 && memcmp(key, "min-severity", 12) == 0) {
        for (int sv = 0; sv < HYOKA__SEVERITY_COUNT; sv++)
            if (strlen(severity_words[sv]) == (size_t)(end - v) && memcmp(severity_words[sv], v, (size_t)(end - v)) == 0) {
                p->rules->min_severity = sv;
                return;
            }
        problem(p, v, "\"%s\" is not a severity (error, warning or info)",
                "「%s」は重大度 (error, warning, info) でない", excerpt(v, (size_t)(end - v), q, sizeof q));
    } else {
        problem(p, key, "unknown key \"%s\" (the keys are select, ignore and min-severity)",
                "未知のキー「%s」(キーは select, ignore, min-severity)", excerpt(key, (size_t)(key_end - key), q, sizeof q));
    }
}

int hyoka_rules_parse(hyoka_rules *rules, const char *text, size_t len, hyoka_report *report)
{
    struct parse p;
    const char *s, *end;

    HYOKA__CHECK_NULL(rules);
    HYOKA__CHECK_NULL(text);
    len = hyoka__len(text, len);
    memset(&p, 0, sizeof p);
    p.rules = rules;
    p.report = report;
    p.text = text;
    s = text;
    end = text + len;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        s += 3;
    while (s < end && !p.fatal) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *le = nl ? nl : end;
        p.line++;
        p.line_start = s;
        if (!hyoka__utf8_valid(s, (size_t)(le - s)) || memchr(s, '\0', (size_t)(le - s)))
            problem(&p, s, "the line is not UTF-8 text", "行が UTF-8 のテキストでない");
        else
            parse_line(&p, s, le);
        s = nl ? nl + 1 : end;
    }
    if (p.fatal)
        return hyoka__nomem();
    if (p.errors)
        return hyoka__fail(HYOKA_EINVALID, "%s: %zu bad line%s (R001)", __func__, p.errors,
                           p.errors == 1 ? "" : "s");
    return HYOKA_OK;
}

/* Longest rules file read. */
#define RULES_FILE_MAX ((size_t)1 << 20)

int hyoka_rules_read_file(hyoka_rules *rules, const char *path, hyoka_report *report)
{
    struct hyoka__file_data file;
    int rc;

    HYOKA__CHECK_NULL(rules);
    HYOKA__CHECK_NULL(path);
    rc = hyoka__fsio_read(__func__, path, RULES_FILE_MAX, 0, &file);
    if (rc == HYOKA_ERANGE)
        return hyoka__fail(HYOKA_ELIMIT, "%s: \"%s\" is larger than %zu bytes", __func__, path, RULES_FILE_MAX);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka_rules_parse(rules, file.data ? file.data : "", file.len, report);
    hyoka__fsio_release(&file);
    return rc;
}
