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

/* Count a diagnostic of @p code; true when the report keeps it. */
static bool admit(struct hyoka__json_reader *r, int code)
{
    int severity = hyoka__code_severity(code);
    if (severity == HYOKA_SEVERITY_ERROR)
        r->errors++;
    return r->report && hyoka__report_admit(r->report, hyoka__codes[code].code, severity);
}

/* The line and column of @p pos (NULL: unknown). */
static void position(struct hyoka__json_reader *r, const char *pos, int64_t *line, int64_t *col)
{
    *line = *col = 0;
    if (pos && r->stream)
        hyoka__stream_position(r->stream, pos, line, col);
    else if (pos)
        hyoka__json_lines_at(&r->lc, pos, line, col);
}

int hyoka__json_put_detail(struct hyoka__json_reader *r, const char *pos, const char *path, int code,
                           const char *en, const char *ja)
{
    int64_t line, col;
    if (!admit(r, code))
        return 0;
    position(r, pos, &line, &col);
    if (hyoka__report_put_detail(r->report, code, path, line, col, en, ja) != HYOKA_OK)
        return hyoka__json_nomem(r);
    return 0;
}

/* The path of the value being read (PM_VALUE) or of its object (PM_OBJECT). */
static const char *value_path(struct hyoka__json_reader *r, int pm)
{
    size_t levels = r->depth;
    if (pm == PM_OBJECT && levels > 0)
        levels--;
    if (hyoka__json_build_path(r, levels)) {
        hyoka__json_nomem(r);
        return NULL;
    }
    return r->path.data;
}

static int diag_v(struct hyoka__json_reader *r, const char *pos, int pm, int code, bool detail, const char *fmt_en,
                  const char *fmt_ja, va_list ap)
{
    char en[512], ja[512];
    const char *path;
    int64_t line, col;
    int rc;

    if (!admit(r, code))
        return 0;
    if (!(path = value_path(r, pm)))
        return -1;
    position(r, pos, &line, &col);
    if (detail) {
        hyoka__vdetail(en, ja, sizeof en, fmt_en, fmt_ja, ap);
        rc = hyoka__report_put_detail(r->report, code, path, line, col, en, ja);
    } else {
        rc = hyoka__report_vput(r->report, code, path, line, col, fmt_en, fmt_ja, ap);
    }
    return rc == HYOKA_OK ? 0 : hyoka__json_nomem(r);
}

int hyoka__json_diag(struct hyoka__json_reader *r, const char *pos, int pm, int code, const char *fmt_en,
                     const char *fmt_ja, ...)
{
    va_list ap;
    int rc;
    va_start(ap, fmt_ja);
    rc = diag_v(r, pos, pm, code, false, fmt_en, fmt_ja, ap);
    va_end(ap);
    return rc;
}

int hyoka__json_detail(struct hyoka__json_reader *r, const char *pos, int pm, int code, const char *fmt_en,
                       const char *fmt_ja, ...)
{
    va_list ap;
    int rc;
    va_start(ap, fmt_ja);
    rc = diag_v(r, pos, pm, code, true, fmt_en, fmt_ja, ap);
    va_end(ap);
    return rc;
}

/* A diagnostic that stops reading. */
static int fail_v(struct hyoka__json_reader *r, const char *pos, int code, bool detail, const char *fmt_en,
                  const char *fmt_ja, va_list ap)
{
    if (diag_v(r, pos, PM_VALUE, code, detail, fmt_en, fmt_ja, ap) == 0)
        r->status = HYOKA_EINVALID;
    return -1;
}

int hyoka__json_fail(struct hyoka__json_reader *r, const char *pos, int code, const char *fmt_en, const char *fmt_ja,
                     ...)
{
    va_list ap;
    va_start(ap, fmt_ja);
    fail_v(r, pos, code, false, fmt_en, fmt_ja, ap);
    va_end(ap);
    return -1;
}

int hyoka__json_fail_detail(struct hyoka__json_reader *r, const char *pos, int code, const char *fmt_en,
                            const char *fmt_ja, ...)
{
    va_list ap;
    va_start(ap, fmt_ja);
    fail_v(r, pos, code, true, fmt_en, fmt_ja, ap);
    va_end(ap);
    return -1;
}

int hyoka__json_value_problem(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, int status, int which)
{
    char q[HYOKA__EXCERPT_MAX];
    struct hyoka__detail d;
    /* A number no decimal or no 64-bit yen holds is out of range (J005,
     * reading stops); a string that holds one is a value not allowed. */
    bool range = t->type == T_NUMBER && (status == HYOKA__VAL_RANGE || status == HYOKA__VAL_MONEY_RANGE);
    hyoka__value_problem(status, hyoka__excerpt(t->s, t->n, q), which, &d);
    if (range)
        return hyoka__json_fail_detail(r, t->pos, HYOKA__J005, HYOKA__DETAIL_EN, HYOKA__DETAIL_JA, d.en, d.ja);
    return hyoka__json_detail(r, t->pos, PM_VALUE, HYOKA__S004, HYOKA__DETAIL_EN, HYOKA__DETAIL_JA, d.en, d.ja);
}

int hyoka__json_wrong_type(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, int want)
{
    return hyoka__json_wrong_types(r, t, hyoka__json_type_en[want], hyoka__json_type_ja[want]);
}

int hyoka__json_wrong_types(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, const char *want_en,
                            const char *want_ja)
{
    return hyoka__json_diag(r, t->pos, PM_VALUE, HYOKA__MSG(S003), want_en, want_ja, hyoka__json_type_en[t->type],
                            hyoka__json_type_ja[t->type]);
}
