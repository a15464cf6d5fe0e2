/* RFC 4180 records, both ways.
 *
 * Writing: a text field gets formula neutralisation (a leading apostrophe,
 * so that a spreadsheet does not run it) and quoting when it holds a
 * comma, a quote, a line break or a tab, is empty, or has a space at an
 * end; other fields (numbers, names, keys) are written plain by the writer.
 *
 * Reading: an RFC 4180 state machine over the raw bytes of a table (the
 * structural bytes , " CR LF never occur inside a multi-byte character in
 * UTF-8 or CP932) cuts each record into fields, each decoded to UTF-8 and
 * checked against the limits (max_field, max_row). Every problem is a
 * diagnostic with the table, the row (the record number, header = 1) and
 * the field number; the record is then marked bad and reading goes on
 * with the next one. A quoted field that runs to the end of the text is
 * reported once and reading goes on after the line of its opening quote. */
#include "csv_internal.h"
#include "report_internal.h"
#include "cp932.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* Formula neutralisation and text fields                                   */

/* Whether text starting here would run as a formula in a spreadsheet:
 * = + - @ TAB CR, or full-width ＝ ＋ － ＠. */
static bool formula_start(const char *s, size_t n)
{
    if (n == 0)
        return false;
    switch (s[0]) {
    case '=': case '+': case '-': case '@': case '\t': case '\r':
        return true;
    default:
        break;
    }
    /* U+FF1D ＝, U+FF0B ＋, U+FF0D －, U+FF20 ＠ */
    if (n >= 3 && (unsigned char)s[0] == 0xEF) {
        unsigned char b1 = (unsigned char)s[1], b2 = (unsigned char)s[2];
        if (b1 == 0xBC && (b2 == 0x9D || b2 == 0x8B || b2 == 0x8D || b2 == 0xA0))
            return true;
    }
    return false;
}

/* A text gets a leading apostrophe on export when it is any number of
 * apostrophes followed by a formula start; the reader removes one
 * apostrophe from a cell of that shape with at least one apostrophe. So
 * "=1" is written '=1, "'=1" is written ''=1, and "'abc" stays 'abc. */
bool hyoka__csv_needs_apostrophe(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] == '\'')
        i++;
    return formula_start(s + i, n - i);
}

void hyoka__csv_put_text(struct hyoka__buf *o, const char *s, size_t n)
{
    hyoka__csv_put_field(o, s, n, hyoka__csv_needs_apostrophe(s, n));
}

void hyoka__csv_put_field(struct hyoka__buf *o, const char *s, size_t n, bool apos)
{
    bool quote = n == 0 || strpbrk(s, ",\"\r\n\t") != NULL || (!apos && s[0] == ' ') || s[n - 1] == ' ';
    const char *p = s, *q;

    if (quote)
        hyoka__buf_putc(o, '"');
    if (apos)
        hyoka__buf_putc(o, '\'');
    if (!quote) {
        hyoka__buf_put(o, s, n);
        return;
    }
    while ((q = strchr(p, '"')) != NULL) {
        hyoka__buf_put(o, p, (size_t)(q - p) + 1);
        hyoka__buf_putc(o, '"');
        p = q + 1;
    }
    hyoka__buf_put(o, p, strlen(p));
    hyoka__buf_putc(o, '"');
}

/* ------------------------------------------------------------------------ */
/* Problems at a place of a table                                           */

void hyoka__csv_fatal(struct hyoka__csv_log *log, int rc)
{
    if (rc != HYOKA_OK && log->fatal == HYOKA_OK)
        log->fatal = rc;
}

void hyoka__csv_copy_message(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
    hyoka__utf8_cut(dst, n);
}

void hyoka__csv_vdiag(struct hyoka__csv_log *log, int64_t row, size_t field, const char *colname, const char *path,
                      int code, bool detail, const char *fmt_en, const char *fmt_ja, va_list ap)
{
    char en[512], ja[512], men[800], mja[800];
    const char *tn = log->table ? log->table : "csv";
    int severity = hyoka__code_severity(code);
    bool first = severity == HYOKA_SEVERITY_ERROR && log->errors++ == 0;
    bool keep = log->report && hyoka__report_admit(log->report, hyoka__codes[code].code, severity);

    if (!keep && !first)
        return;
    if (detail) {
        char den[512], dja[512];
        hyoka__vdetail(den, dja, sizeof den, fmt_en, fmt_ja, ap);
        hyoka__detail_message(code, den, dja, en, ja, sizeof en);
    } else {
        hyoka__vdetail(en, ja, sizeof en, fmt_en, fmt_ja, ap);
    }
    if (field == 0) {
        snprintf(men, sizeof men, "%s: row %lld: %s", tn, (long long)row, en);
        snprintf(mja, sizeof mja, "%s 表 %lld 行: %s", tn, (long long)row, ja);
    } else if (colname) {
        snprintf(men, sizeof men, "%s: row %lld, column %zu (%s): %s", tn, (long long)row, field, colname, en);
        snprintf(mja, sizeof mja, "%s 表 %lld 行 %zu 列 (%s): %s", tn, (long long)row, field, colname, ja);
    } else {
        snprintf(men, sizeof men, "%s: row %lld, column %zu: %s", tn, (long long)row, field, en);
        snprintf(mja, sizeof mja, "%s 表 %lld 行 %zu 列: %s", tn, (long long)row, field, ja);
    }
    hyoka__utf8_cut(men, strlen(men));
    hyoka__utf8_cut(mja, strlen(mja));
    if (first)
        hyoka__csv_copy_message(log->first, sizeof log->first, men);
    if (keep)
        hyoka__csv_fatal(log, hyoka__report_put(log->report, hyoka__codes[code].code, severity, path ? path : "", row,
                                                (int64_t)field, men, mja));
}

void hyoka__csv_diag(struct hyoka__csv_log *log, int64_t row, size_t field, const char *colname, const char *path,
                     int code, const char *fmt_en, const char *fmt_ja, ...)
{
    va_list ap;
    va_start(ap, fmt_ja);
    hyoka__csv_vdiag(log, row, field, colname, path, code, true, fmt_en, fmt_ja, ap);
    va_end(ap);
}

void hyoka__csv_diag_msg(struct hyoka__csv_log *log, int64_t row, size_t field, const char *colname,
                         const char *path, int code, const char *fmt_en, const char *fmt_ja, ...)
{
    va_list ap;
    va_start(ap, fmt_ja);
    hyoka__csv_vdiag(log, row, field, colname, path, code, false, fmt_en, fmt_ja, ap);
    va_end(ap);
}

void hyoka__csv_header_too_wide(struct hyoka__csv_log *log)
{
    hyoka__csv_diag(log, 1, HYOKA__CSV_HEADER_MAX + 1, NULL, NULL, HYOKA__V004, "the header has more than %d columns",
                    "見出しの列が %d を超える", HYOKA__CSV_HEADER_MAX);
}

/* ------------------------------------------------------------------------ */
/* Reading records                                                          */

/* A problem at a place of the text (no column name, no path), of a code
 * with a detail template: the detail as two formats. */
static void pdiag(struct hyoka__csv_records *r, int64_t row, size_t field, int code, const char *fmt_en,
                  const char *fmt_ja, ...) HYOKA_PRINTF2(5, 6, 7);
static void pdiag(struct hyoka__csv_records *r, int64_t row, size_t field, int code, const char *fmt_en,
                  const char *fmt_ja, ...)
{
    va_list ap;
    va_start(ap, fmt_ja);
    hyoka__csv_vdiag(r->log, row, field, NULL, NULL, code, true, fmt_en, fmt_ja, ap);
    va_end(ap);
}

/* V003: a NUL at offset @p i of a field. */
static void nul_in_field(struct hyoka__csv_records *r, size_t field, size_t i)
{
    pdiag(r, r->row, field, HYOKA__V003, "NUL character at byte %zu of the field", "フィールドの %zu バイト目に NUL 文字",
          i + 1);
}

/* V007: a field or a row longer than its limit. */
static void too_long(struct hyoka__csv_records *r, size_t field, bool row, size_t limit)
{
    pdiag(r, r->row, field, HYOKA__V007, "%s%.0s longer than the limit of %zu bytes", "%.0s%sが上限の %zu バイトを超える",
          row ? "row" : "field", row ? "行" : "フィールド", limit);
}

void hyoka__csv_records_init(struct hyoka__csv_records *r, struct hyoka__csv_log *log, const hyoka_csv_options *opt)
{
    memset(r, 0, sizeof *r);
    r->log = log;
    r->encoding = opt->encoding;
    r->max_field = opt->max_field;
    r->max_row = opt->max_row;
}

bool hyoka__csv_records_start(struct hyoka__csv_records *r, const char *text, size_t len)
{
    r->s = (const unsigned char *)text;
    r->n = len;
    r->pos = 0;
    r->row = 0;
    r->resynced = false;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        if (r->encoding == HYOKA_ENCODING_CP932) {
            pdiag(r, 1, 1, HYOKA__V003, "the file starts with a UTF-8 byte-order mark: it is UTF-8, not CP932",
                  "ファイルが UTF-8 の BOM で始まる: CP932 ではなく UTF-8");
            return false;
        }
        r->pos = 3;
    }
    return true;
}

void hyoka__csv_records_release(struct hyoka__csv_records *r)
{
    hyoka__buf_free(&r->raw);
    hyoka__buf_free(&r->data);
    hyoka__free(r->f);
    r->f = NULL;
    r->nf = r->fcap = 0;
}

static void keep_bytes(struct hyoka__csv_records *r, const unsigned char *p, size_t n, size_t field_no, bool *over)
{
    size_t room;

    if (*over || r->log->fatal)
        return;
    room = r->max_field - r->raw.len;
    if (n > room) {
        *over = true;
        too_long(r, field_no, false, r->max_field);
        r->bad = true;
        return;
    }
    if (!hyoka__buf_put(&r->raw, (const char *)p, n))
        hyoka__csv_fatal(r->log, r->raw.err);
}

/* Decode the raw field to UTF-8 and keep it. */
static void end_field(struct hyoka__csv_records *r, size_t field_no, bool quoted, bool over)
{
    const unsigned char *s = (const unsigned char *)r->raw.data;
    size_t n = r->raw.len, i = 0, off;
    int rc;

    r->nf_total++;
    if (over || r->log->fatal || r->nf >= r->keep)
        return;
    rc = hyoka__grow((void **)&r->f, &r->fcap, r->nf, sizeof *r->f);
    if (rc != HYOKA_OK) {
        hyoka__csv_fatal(r->log, rc);
        return;
    }
    off = r->data.len;
    if (r->encoding == HYOKA_ENCODING_CP932) {
        size_t room; /* a CP932 byte becomes at most 3 bytes of UTF-8 */
        bool fits = hyoka__size_mul(n, 3, &room);
        if (!fits || !hyoka__buf_reserve(&r->data, room)) {
            hyoka__csv_fatal(r->log, fits ? r->data.err : hyoka__nomem());
            return;
        }
        while (i < n) {
            int32_t c;
            if (s[i] < 0x80) {
                if (s[i] == 0)
                    break;
                r->data.data[r->data.len++] = (char)s[i++];
                continue;
            }
            c = hyoka__cp932_next(s, n, &i);
            if (c < 0)
                break;
            r->data.len += hyoka__utf8_encode((uint32_t)c, r->data.data + r->data.len);
        }
        r->data.data[r->data.len] = '\0';
        if (i < n) {
            r->data.len = off;
            if (s[i] == 0)
                nul_in_field(r, field_no, i);
            else if (i + 1 < n && ((s[i] >= 0x81 && s[i] <= 0x9F) || (s[i] >= 0xE0 && s[i] <= 0xFC)))
                pdiag(r, r->row, field_no, HYOKA__V003, "bytes %02X %02X at byte %zu of the field are not CP932",
                      "バイト列 %02X %02X (フィールドの %zu バイト目) は CP932 でない", s[i], s[i + 1], i + 1);
            else
                pdiag(r, r->row, field_no, HYOKA__V003, "byte %02X at byte %zu of the field is not CP932",
                      "バイト %02X (フィールドの %zu バイト目) は CP932 でない", s[i], i + 1);
            r->bad = true;
            return;
        }
    } else {
        while (i < n) {
            size_t at = i;
            if (s[i] < 0x80) {
                if (s[i] == 0) {
                    nul_in_field(r, field_no, i);
                    r->bad = true;
                    return;
                }
                i++;
                continue;
            }
            if (hyoka__utf8_next((const char *)s, n, &i) < 0) {
                pdiag(r, r->row, field_no, HYOKA__V003, "invalid UTF-8 (byte %02X) at byte %zu of the field",
                      "不正な UTF-8 (バイト %02X、フィールドの %zu バイト目)", s[at], at + 1);
                r->bad = true;
                return;
            }
        }
        if (n > 0)
            hyoka__buf_put(&r->data, (const char *)s, n);
    }
    if (!hyoka__buf_putc(&r->data, '\0') || r->data.err != HYOKA_OK) {
        hyoka__csv_fatal(r->log, r->data.err);
        return;
    }
    r->f[r->nf].off = off;
    r->f[r->nf].len = r->data.len - 1 - off;
    r->f[r->nf].quoted = quoted;
    r->nf++;
}

/* Skip to the start of the next line. */
static void skip_line(struct hyoka__csv_records *r)
{
    const unsigned char *lf = r->pos < r->n ? memchr(r->s + r->pos, '\n', r->n - r->pos) : NULL;
    r->pos = lf ? (size_t)(lf - r->s) + 1 : r->n;
}

bool hyoka__csv_next_record(struct hyoka__csv_records *r)
{
    const unsigned char *s = r->s;
    size_t n = r->n, row_start = r->pos;
    bool row_over = false;

    if (r->pos >= n || r->log->fatal)
        return false;
    r->row++;
    r->nf = r->nf_total = 0;
    r->data.len = 0;
    r->bad = false;
    for (;;) {
        size_t field_no = r->nf_total + 1;
        bool quoted = false, over = false;

        r->raw.len = 0;
        if (r->pos < n && s[r->pos] == '"') {
            size_t qpos = r->pos++;
            quoted = true;
            for (;;) {
                const unsigned char *q;
                size_t run;
                if (r->pos >= n) {
                    pdiag(r, r->row, field_no, HYOKA__V001,
                          "the quoted field that starts here is not closed (the text ends inside it)",
                          "ここで始まる引用符付きフィールドが閉じていない (テキストの終わりまで続く)");
                    r->bad = true;
                    /* Go on after the line of the opening quote, once: the
                     * rest of the file is not one field. */
                    r->pos = qpos;
                    if (!r->resynced) {
                        r->resynced = true;
                        skip_line(r);
                    } else {
                        r->pos = n;
                    }
                    return true;
                }
                if (s[r->pos] == '"') {
                    if (r->pos + 1 < n && s[r->pos + 1] == '"') {
                        keep_bytes(r, s + r->pos, 1, field_no, &over);
                        r->pos += 2;
                        continue;
                    }
                    r->pos++;
                    break;
                }
                q = memchr(s + r->pos, '"', n - r->pos);
                run = q ? (size_t)(q - (s + r->pos)) : n - r->pos;
                keep_bytes(r, s + r->pos, run, field_no, &over);
                r->pos += run;
            }
            if (r->pos < n && s[r->pos] != ',' && s[r->pos] != '\r' && s[r->pos] != '\n') {
                pdiag(r, r->row, field_no, HYOKA__V001, "unexpected character after the closing quote of a field",
                      "フィールドを閉じる引用符の後に余分な文字");
                r->bad = true;
                skip_line(r);
                return true;
            }
        } else {
            size_t k = r->pos;
            bool stray = false;
            while (k < n && s[k] != ',' && s[k] != '\r' && s[k] != '\n') {
                if (s[k] == '"' && !stray) {
                    stray = true;
                    pdiag(r, r->row, field_no, HYOKA__V001, "quote inside an unquoted field",
                          "引用符で囲まれていないフィールドの中に引用符");
                    r->bad = true;
                }
                k++;
            }
            keep_bytes(r, s + r->pos, k - r->pos, field_no, &over);
            r->pos = k;
        }
        if (!row_over && r->pos - row_start > r->max_row) {
            row_over = true;
            too_long(r, field_no, true, r->max_row);
            r->bad = true;
        }
        end_field(r, field_no, quoted, over || row_over);
        if (r->log->fatal)
            return false;
        if (r->pos >= n)
            return true;
        if (s[r->pos] == ',') {
            r->pos++;
            continue;
        }
        if (s[r->pos] == '\n') {
            r->pos++;
            return true;
        }
        /* '\r' */
        if (r->pos + 1 < n && s[r->pos + 1] == '\n') {
            r->pos += 2;
            return true;
        }
        pdiag(r, r->row, field_no, HYOKA__V001, "line ends with CR not followed by LF", "行末の CR の後に LF がない");
        r->bad = true;
        r->pos++;
        return true;
    }
}

bool hyoka__csv_record_blank(const struct hyoka__csv_records *r)
{
    return r->nf_total == 1 && r->nf == 1 && r->f[0].len == 0 && !r->f[0].quoted;
}

bool hyoka__csv_next_header(struct hyoka__csv_records *r)
{
    r->keep = HYOKA__CSV_HEADER_MAX;
    return hyoka__csv_next_record(r) && !r->bad;
}

bool hyoka__csv_next_row(struct hyoka__csv_records *r, size_t width)
{
    r->keep = width;
    while (!r->log->fatal && hyoka__csv_next_record(r)) {
        if (r->bad || hyoka__csv_record_blank(r))
            continue;
        if (r->nf_total == width)
            return true;
        hyoka__csv_diag_msg(r->log, r->row, (r->nf_total < width ? r->nf_total : width) + 1, NULL, NULL,
                            HYOKA__MSG(V002), r->nf_total, width);
    }
    return false;
}
