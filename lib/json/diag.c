/* Diagnostics of the hyoka/1 reader: the JSON pointer of the value being
 * read, built from the frame stack only when a diagnostic is emitted, its
 * line and column (lex.c), and the messages in English and Japanese. */
#include "reader.h"

#include <stdio.h>

const char *const hyoka__json_type_en[] = {"nothing", "a string", "a number", "true", "false", "null", "an object",
                                           "an array"};
const char *const hyoka__json_type_ja[] = {"なし", "文字列", "数値", "true", "false", "null", "オブジェクト", "配列"};

int hyoka__json_build_path(struct hyoka__json_reader *r, size_t levels)
{
    if (hyoka__jsonptr_init(&r->path))
        return -1;
    for (size_t i = 0; i < levels && i < r->depth; i++) {
        const struct hyoka__json_frame *f = &r->frames[i];
        if (f->between && i + 1 == r->depth)
            continue;
        if (hyoka__json_is_array_kind(f->kind)) {
            if (f->count && hyoka__jsonptr_index(&r->path, f->count - 1))
                return -1;
        } else if (f->key) {
            if (f->key_esc) {
                r->tmp.len = 0;
                if (hyoka__json_unescape(f->key, f->key_len, &r->tmp) ||
                    hyoka__jsonptr_key(&r->path, r->tmp.data, r->tmp.len))
                    return -1;
            } else if (hyoka__jsonptr_key(&r->path, f->key, f->key_len)) {
                return -1;
            }
        }
    }
    return 0;
}

int hyoka__json_diag_at(struct hyoka__json_reader *r, const char *code, int severity, const char *pos,
                        const char *path, const char *en, const char *ja)
{
    int64_t line = 0, col = 0;

    if (severity == HYOKA_SEVERITY_ERROR)
        r->errors++;
    if (!r->report)
        return 0;
    if (r->report->limit && r->report->count >= r->report->limit) {
        r->report->dropped++;
        return 0;
    }
    if (pos)
        hyoka__json_lines_at(&r->lc, pos, &line, &col);
    if (hyoka__report_add(r->report, code, severity, path, line, col, en, ja) != HYOKA_OK)
        return hyoka__json_nomem(r);
    return 0;
}

static int diag_v(struct hyoka__json_reader *r, const char *code, int severity, const char *pos, int pm,
                  const char *fmt_en, const char *fmt_ja, va_list ap)
{
    char en[512], ja[512];
    va_list aq;
    size_t levels;

    if (!r->report || (r->report->limit && r->report->count >= r->report->limit))
        return hyoka__json_diag_at(r, code, severity, NULL, "", "", "");
    va_copy(aq, ap);
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
    vsnprintf(en, sizeof en, fmt_en, ap);
    vsnprintf(ja, sizeof ja, fmt_ja, aq);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
    va_end(aq);
    levels = r->depth;
    if (pm == PM_OBJECT && levels > 0)
        levels--;
    if (hyoka__json_build_path(r, levels))
        return hyoka__json_nomem(r);
    return hyoka__json_diag_at(r, code, severity, pos, r->path.data, en, ja);
}

int hyoka__json_diag(struct hyoka__json_reader *r, const char *code, const char *pos, int pm, const char *fmt_en,
                     const char *fmt_ja, ...)
{
    va_list ap;
    int rc;
    int severity = code[0] == 'Y' ? HYOKA_SEVERITY_WARNING : HYOKA_SEVERITY_ERROR;

    va_start(ap, fmt_ja);
    rc = diag_v(r, code, severity, pos, pm, fmt_en, fmt_ja, ap);
    va_end(ap);
    return rc;
}

int hyoka__json_fail(struct hyoka__json_reader *r, const char *code, const char *pos, const char *fmt_en,
                     const char *fmt_ja, ...)
{
    va_list ap;
    int rc;

    va_start(ap, fmt_ja);
    rc = diag_v(r, code, HYOKA_SEVERITY_ERROR, pos, PM_VALUE, fmt_en, fmt_ja, ap);
    va_end(ap);
    if (rc == 0)
        r->status = HYOKA_EINVALID;
    return -1;
}

const char *hyoka__json_excerpt(const char *s, size_t n, char *out, size_t size)
{
    size_t o = 0, i = 0, limit = size - 8;
    while (i < n && o < limit) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7F || c == '"' || c == '\\') {
            if (o + 6 >= limit)
                break;
            o += (size_t)snprintf(out + o, size - o, "\\u%04X", c);
            i++;
        } else if (c < 0x80) {
            out[o++] = (char)c;
            i++;
        } else {
            size_t at = i;
            if (hyoka__utf8_next(s, n, &at) < 0) {
                if (o + 6 >= limit)
                    break;
                o += (size_t)snprintf(out + o, size - o, "\\x%02X", c);
                i++;
            } else {
                if (o + (at - i) >= limit)
                    break;
                memcpy(out + o, s + i, at - i);
                o += at - i;
                i = at;
            }
        }
    }
    if (i < n && o + 4 < size) {
        memcpy(out + o, "...", 3);
        o += 3;
    }
    out[o] = '\0';
    return out;
}

int hyoka__json_wrong_type(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, int want)
{
    return hyoka__json_diag(r, "S003", t->pos, PM_VALUE, "wrong type: expected %s%.0s, found %s%.0s",
                            "型が違う: %.0s%sが必要だが%.0s%sがある", hyoka__json_type_en[want], hyoka__json_type_ja[want],
                            hyoka__json_type_en[t->type], hyoka__json_type_ja[t->type]);
}
