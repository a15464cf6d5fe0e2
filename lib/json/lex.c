/* The strict JSON lexer of the hyoka/1 reader: strings (strict UTF-8,
 * escapes, surrogate pairs), numbers (the RFC 8259 grammar, with the value
 * of plain ones accumulated on the way), literals, and the line and column
 * of a position. Errors are reported through diag.c and stop the reading.
 * The helpers the parser inlines are in lex.h. */
#include "lex.h"

#include <stdio.h>

/* ------------------------------------------------------------------------ */
/* Lines and columns                                                         */

void hyoka__json_lines_init(struct hyoka__json_lines *lc, const char *base, const char *end)
{
    lc->base = base;
    lc->end = end;
    lc->at = base;
    lc->line = 1;
    lc->col = 1;
}

/* Characters (UTF-8 lead bytes, or stray bytes) in [a, b). */
static int64_t count_chars(const char *a, const char *b)
{
    int64_t n = 0;
    for (const unsigned char *p = (const unsigned char *)a; p < (const unsigned char *)b; p++)
        n += (*p & 0xC0u) != 0x80u;
    return n;
}

void hyoka__json_lines_at(struct hyoka__json_lines *lc, const char *at, int64_t *line, int64_t *col)
{
    if (at < lc->base)
        at = lc->base;
    if (at > lc->end)
        at = lc->end;
    if (at >= lc->at) {
        const char *p = lc->at, *nl = NULL;
        int64_t lines = 0;
        for (;;) {
            const char *q = memchr(p, '\n', (size_t)(at - p));
            if (!q)
                break;
            lines++;
            nl = q;
            p = q + 1;
        }
        if (nl) {
            lc->line += lines;
            lc->col = 1 + count_chars(nl + 1, at);
        } else {
            lc->col += count_chars(lc->at, at);
        }
    } else {
        const char *p = at;
        int64_t lines = 0;
        for (const char *q = at; q < lc->at; q++)
            lines += *q == '\n';
        if (lines == 0) {
            lc->col -= count_chars(at, lc->at);
        } else {
            lc->line -= lines;
            while (p > lc->base && p[-1] != '\n')
                p--;
            lc->col = 1 + count_chars(p, at);
        }
    }
    lc->at = at;
    *line = lc->line;
    *col = lc->col;
}

/* ------------------------------------------------------------------------ */
/* Strings                                                                   */

int hyoka__json_unescape(const char *s, size_t n, struct hyoka__buf *out)
{
    size_t i = 0;
    while (i < n) {
        const char *bs = memchr(s + i, '\\', n - i);
        size_t run = bs ? (size_t)(bs - (s + i)) : n - i;
        char enc[4];
        unsigned cp = 0;
        if (!hyoka__buf_put(out, s + i, run))
            return -1;
        i += run;
        if (i >= n)
            break;
        switch (s[i + 1]) {
        case 'b': cp = '\b'; break;
        case 'f': cp = '\f'; break;
        case 'n': cp = '\n'; break;
        case 'r': cp = '\r'; break;
        case 't': cp = '\t'; break;
        case 'u': {
            for (int k = 0; k < 4; k++) {
                char c = s[i + 2 + (size_t)k];
                cp = cp * 16u + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
            }
            if (cp >= 0xD800u && cp <= 0xDBFFu) {
                unsigned lo = 0;
                for (int k = 0; k < 4; k++) {
                    char c = s[i + 8 + (size_t)k];
                    lo = lo * 16u + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
                }
                cp = 0x10000u + ((cp - 0xD800u) << 10) + (lo - 0xDC00u);
                i += 6;
            }
            i += 4;
            break;
        }
        default: cp = (unsigned char)s[i + 1]; break;
        }
        i += 2;
        if (!hyoka__buf_put(out, enc, hyoka__utf8_encode(cp, enc)))
            return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Errors outside strings                                                   */

/* Describe the character at @p p for syntax errors. */
static const char *describe_char(const char *p, const char *end, char *out, size_t size)
{
    unsigned char c = (unsigned char)*p;
    if (c >= 0x21 && c < 0x7F)
        snprintf(out, size, "'%c'", c);
    else if (c < 0x80)
        snprintf(out, size, "U+%04X", c);
    else {
        size_t at = 0;
        int32_t cp = hyoka__utf8_next(p, (size_t)(end - p), &at);
        if (cp < 0)
            snprintf(out, size, "byte 0x%02X", c);
        else
            snprintf(out, size, "U+%04lX", (long)cp);
    }
    return out;
}

static int fail_lone_surrogate(struct hyoka__json_reader *r, const unsigned char *s, unsigned long v)
{
    return hyoka__json_fail_detail(r, (const char *)s, HYOKA__J001, "lone surrogate \\u%04lX",
                                   "対になっていないサロゲート \\u%04lX", v);
}

/* J006 for the string being scanned. */
static int fail_string_too_long(struct hyoka__json_reader *r)
{
    return hyoka__json_fail_detail(r, r->p, HYOKA__J006, "string longer than the limit of %zu bytes",
                                   "文字列が上限の %zu バイトを超える", r->max_string);
}

/* A literal of JavaScript that JSON does not have (NaN, Infinity). */
static int fail_not_json(struct hyoka__json_reader *r, const char *p, const char *literal)
{
    return hyoka__json_fail_detail(r, p, HYOKA__J001, "%s is not allowed", "%s は使えない", literal);
}

int hyoka__json_fail_eot(struct hyoka__json_reader *r)
{
    return hyoka__json_fail_detail(r, r->end, HYOKA__J001, "unexpected end of text", "予期しないテキストの終わり");
}

/* An unexpected character outside strings: J002 for invalid UTF-8, J001
 * (end of text) for a sequence cut by the end, J001 otherwise. */
int hyoka__json_fail_unexpected(struct hyoka__json_reader *r, const char *p, const char *expected_en,
                                const char *expected_ja)
{
    char d[32];
    if (p >= r->end)
        return hyoka__json_fail_eot(r);
    if ((unsigned char)*p >= 0x80u) {
        int n = hyoka__json_utf8_seq((const unsigned char *)p, (const unsigned char *)r->end);
        if (n < 0)
            return hyoka__json_fail(r, p, HYOKA__MSG(J002), "", "", (unsigned char)*p);
        if (n == 0)
            return hyoka__json_fail_eot(r);
    }
    if (*p == '/')
        return hyoka__json_fail_detail(r, p, HYOKA__J001, "comments are not allowed", "コメントは使えない");
    return hyoka__json_fail_detail(r, p, HYOKA__J001, "unexpected %s, expected %s%.0s", "予期しない %s (%.0s%s が必要)", describe_char(p, r->end, d, sizeof d), expected_en,
                            expected_ja);
}

/* ------------------------------------------------------------------------ */
/* Strings: escapes and the scanner                                         */

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Four hex digits at s: the value, -1 when not hex, -2 when the text ends. */
static long hex4(const unsigned char *s, const unsigned char *e)
{
    long v = 0;
    for (int k = 0; k < 4; k++) {
        int h;
        if (s + k >= e)
            return -2;
        h = hexval(s[k]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/* Scan the string whose opening quote is at r->p. With @p out the content
 * is made available in t->s/t->n: in the text when it has no escape, else
 * unescaped into @p out. */
int hyoka__json_scan_string(struct hyoka__json_reader *r, struct hyoka__json_tok *t, struct hyoka__buf *out)
{
    const unsigned char *start = (const unsigned char *)r->p + 1;
    const unsigned char *s = start, *seg = start;
    const unsigned char *e = (const unsigned char *)r->end;
    size_t shrink = 0;
    int escaped = 0;

    t->type = T_STRING;
    t->pos = r->p;
    t->has_nul = 0;
    if (out)
        out->len = 0;
    for (;;) {
        unsigned c;
        s = (const unsigned char *)hyoka__json_plain_end((const char *)s, (const char *)e);
        if (s >= e)
            return hyoka__json_fail_eot(r);
        c = *s;
        if (c == '"')
            break;
        if (c >= 0x80u) { /* where the plain content stops: not valid UTF-8 */
            if (hyoka__json_utf8_seq(s, e) == 0)
                return hyoka__json_fail_eot(r);
            return hyoka__json_fail(r, (const char *)s, HYOKA__MSG(J002), " in a string", "文字列に", *s);
        }
        if (c == '\\') {
            unsigned long cp;
            size_t used;
            char enc[4];
            size_t elen;
            if (out && !hyoka__buf_put(out, (const char *)seg, (size_t)(s - seg)))
                return hyoka__json_nomem(r);
            escaped = 1;
            if (e - s < 2)
                return hyoka__json_fail_eot(r);
            switch (s[1]) {
            case '"': cp = '"'; used = 2; break;
            case '\\': cp = '\\'; used = 2; break;
            case '/': cp = '/'; used = 2; break;
            case 'b': cp = '\b'; used = 2; break;
            case 'f': cp = '\f'; used = 2; break;
            case 'n': cp = '\n'; used = 2; break;
            case 'r': cp = '\r'; used = 2; break;
            case 't': cp = '\t'; used = 2; break;
            case 'u': {
                long v = hex4(s + 2, e);
                if (v == -2)
                    return hyoka__json_fail_eot(r);
                if (v < 0)
                    return hyoka__json_fail_detail(r, (const char *)s, HYOKA__J001, "\\u must be followed by four hex digits", "\\u の後には16進数4桁が必要");
                used = 6;
                if (v >= 0xDC00 && v <= 0xDFFF)
                    return fail_lone_surrogate(r, s, v);
                if (v >= 0xD800 && v <= 0xDBFF) {
                    long lo;
                    if (e - s < 8)
                        return hyoka__json_fail_eot(r);
                    if (s[6] != '\\' || s[7] != 'u')
                        return fail_lone_surrogate(r, s, v);
                    lo = hex4(s + 8, e);
                    if (lo == -2)
                        return hyoka__json_fail_eot(r);
                    if (lo < 0xDC00 || lo > 0xDFFF)
                        return fail_lone_surrogate(r, s, v);
                    v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
                    used = 12;
                }
                cp = (unsigned long)v;
                if (cp == 0)
                    t->has_nul = 1;
                break;
            }
            default:
                return hyoka__json_fail_detail(r, (const char *)s, HYOKA__J001, "invalid escape in a string", "文字列に不正なエスケープ");
            }
            elen = hyoka__utf8_encode((uint32_t)cp, enc);
            if (out && !hyoka__buf_put(out, enc, elen))
                return hyoka__json_nomem(r);
            shrink += used - elen;
            s += used;
            seg = s;
            if ((size_t)(s - start) - shrink > r->max_string)
                return fail_string_too_long(r);
            continue;
        }
        if (c < 0x20u)
            return hyoka__json_fail_detail(r, (const char *)s, HYOKA__J001, "control character U+%04X in a string", "文字列に制御文字 U+%04X", c);
    }
    if ((size_t)(s - start) - shrink > r->max_string)
        return fail_string_too_long(r);
    if (!escaped) {
        t->s = (const char *)start;
        t->n = (size_t)(s - start);
    } else if (out) {
        if (!hyoka__buf_put(out, (const char *)seg, (size_t)(s - seg)))
            return hyoka__json_nomem(r);
        t->s = out->data;
        t->n = out->len;
    } else {
        t->s = NULL;
        t->n = (size_t)(s - start) - shrink;
    }
    r->p = (const char *)s + 1;
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Numbers and literals                                                     */

/* Check the JSON number grammar at s; returns the length of the number and
 * its flags, or 0 when s does not start with a number. *bad gets the
 * offending position (for a good prefix cut by the end: e). */
size_t hyoka__json_number_len(const char *s, const char *e, unsigned *flags, const char **bad)
{
    const char *p = s;
    *flags = 0;
    *bad = NULL;
    if (p < e && *p == '-')
        p++;
    if (p >= e) {
        *bad = e;
        return 0;
    }
    if (*p == '0') {
        p++;
    } else if (*p >= '1' && *p <= '9') {
        while (p < e && *p >= '0' && *p <= '9')
            p++;
    } else {
        *bad = p;
        return 0;
    }
    if (p < e && *p == '.') {
        const char *d = ++p;
        while (p < e && *p >= '0' && *p <= '9')
            p++;
        if (p == d) {
            *bad = p;
            return 0;
        }
        *flags |= NUM_FRAC;
    }
    if (p < e && (*p == 'e' || *p == 'E')) {
        const char *d;
        p++;
        if (p < e && (*p == '+' || *p == '-'))
            p++;
        d = p;
        while (p < e && *p >= '0' && *p <= '9')
            p++;
        if (p == d) {
            *bad = p;
            return 0;
        }
        *flags |= NUM_EXP;
    }
    return (size_t)(p - s);
}

static int scan_number(struct hyoka__json_reader *r, struct hyoka__json_tok *t)
{
    const char *s = r->p, *bad;
    unsigned flags;
    size_t n;

    /* Fast path: -?digits(.digits)? with at most 18 digits, followed by a
     * delimiter; the value is accumulated on the way. */
    {
        const char *p = s, *e = r->end;
        uint64_t mag = 0;
        int digits = 0, frac = 0, neg = 0;
        if (p < e && *p == '-') {
            neg = 1;
            p++;
        }
        if (p < e && *p >= '1' && *p <= '9') {
            while (p < e && *p >= '0' && *p <= '9' && digits < 18) {
                mag = mag * 10u + (unsigned)(*p++ - '0');
                digits++;
            }
        } else if (p < e && *p == '0') {
            p++;
            digits = 1;
        }
        if (digits && p < e && *p == '.') {
            const char *d = ++p;
            while (p < e && *p >= '0' && *p <= '9' && digits < 18) {
                mag = mag * 10u + (unsigned)(*p++ - '0');
                digits++;
            }
            frac = (int)(p - d);
        }
        if (digits && (p >= e || !((*p >= '0' && *p <= '9') || *p == '.' || *p == 'e' || *p == 'E')) &&
            (size_t)(p - s) <= r->max_number && !(p > s && p[-1] == '.')) {
            t->type = T_NUMBER;
            t->pos = s;
            t->s = s;
            t->n = (size_t)(p - s);
            t->num = frac ? NUM_FRAC : 0;
            t->fast = 1;
            t->coef = neg ? -(int64_t)mag : (int64_t)mag;
            t->scale = frac;
            r->p = p;
            return 0;
        }
    }
    t->fast = 0;
    n = hyoka__json_number_len(s, r->end, &flags, &bad);

    if (n == 0) {
        char d[32];
        if (bad >= r->end)
            return hyoka__json_fail_eot(r);
        if (*bad == 'I')
            return fail_not_json(r, s, "Infinity");
        return hyoka__json_fail_detail(r, bad, HYOKA__J001, "bad number, unexpected %s", "不正な数値、予期しない %s",
                                describe_char(bad, r->end, d, sizeof d));
    }
    if (s[0] == '0' || (s[0] == '-' && s[1] == '0')) {
        const char *z = s[0] == '-' ? s + 2 : s + 1;
        if (z < r->end && *z >= '0' && *z <= '9')
            return hyoka__json_fail_detail(r, s, HYOKA__J001, "leading zero in a number", "数値の先頭に0");
    }
    if (n > r->max_number)
        return hyoka__json_fail_detail(r, s, HYOKA__J005, "number of %zu characters longer than the limit of %zu",
                                       "数値の %zu 文字が上限の %zu 文字を超える", n, r->max_number);
    t->type = T_NUMBER;
    t->pos = s;
    t->s = s;
    t->n = n;
    t->num = (unsigned char)flags;
    r->p = s + n;
    return 0;
}

/* Scan a scalar value at r->p (the caller has checked it is not '{' or '['). */
int hyoka__json_scan_scalar(struct hyoka__json_reader *r, struct hyoka__json_tok *t, struct hyoka__buf *out)
{
    const char *p = r->p;
    size_t avail = (size_t)(r->end - p);

    t->consumed = 0;
    t->num = 0;
    t->fast = 0;
    t->has_nul = 0;
    if (p >= r->end)
        return hyoka__json_fail_eot(r);
    if (*p == '"')
        return hyoka__json_scan_string(r, t, out);
    if ((*p >= '0' && *p <= '9') || *p == '-')
        return scan_number(r, t);
    switch (*p) {
    case 't':
    case 'f':
    case 'n': {
        static const char *const words[] = {"true", "false", "null"};
        static const int types[] = {T_TRUE, T_FALSE, T_NULL};
        int w = *p == 't' ? 0 : *p == 'f' ? 1 : 2;
        size_t wl = strlen(words[w]);
        size_t k = 1;
        while (k < wl && k < avail && p[k] == words[w][k])
            k++;
        if (k < wl) {
            if (k == avail)
                return hyoka__json_fail_eot(r);
            return hyoka__json_fail_unexpected(r, p + k, "a value", "値");
        }
        t->type = types[w];
        t->pos = p;
        t->s = p;
        t->n = wl;
        r->p = p + wl;
        return 0;
    }
    case 'N':
        return fail_not_json(r, p, "NaN");
    case 'I':
        return fail_not_json(r, p, "Infinity");
    default:
        return hyoka__json_fail_unexpected(r, p, "a value", "値");
    }
}
