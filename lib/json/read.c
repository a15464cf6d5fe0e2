/* The strict hyoka/1 reader (docs/format.md):
 * hyoka_json_read() and hyoka_json_read_file().
 *
 * One pass, no DOM. The text is read by an iterative pushdown parser: an
 * explicit stack of frames, one per open object or array, each tagged with
 * the kind of model entity it fills (the portfolio, a project, a cost
 * year...). A member key is looked up in the table of its frame's kind
 * (starting at the member that follows the previous one, so canonical
 * documents match at the first try) and its value goes straight into the
 * model: scalars are converted where they stand, objects and arrays push a
 * frame. Nothing recurses on the C stack, so depth is bounded only by
 * max_depth and memory. Values nobody wants (unknown members, values of
 * the wrong type) are still read in full, validated and checked for
 * duplicate keys, but not copied.
 *
 * Strings are validated (strict UTF-8, escapes, surrogate pairs) while they
 * are scanned, 16 bytes at a time over plain ASCII with SSE2 (8 with a
 * portable SWAR fallback on other little-endian machines, byte by byte
 * elsewhere); whitespace is skipped the same way. A string without escapes
 * is used where it stands in the text; one with escapes is unescaped into
 * a scratch buffer (one for keys, one for values). Only the strings and
 * records the model keeps are allocated. Numbers are scanned for the
 * RFC 8259 grammar; a plain one (at most 18 digits, no exponent) has its
 * coefficient and scale accumulated during the scan, any other is parsed
 * from its literal bytes by hyoka_decimal_parse() when a member wants it
 * (never through double): "98.30" keeps scale 2.
 *
 * Duplicate keys (J003): the members of a model object are tracked in a
 * bit mask; the keys of string maps (extensions, comments, scores) go into
 * a list checked linearly for the first 16 keys of an object and, beyond
 * that, by sorting when the object closes. Unknown members (S002 at each
 * occurrence) and skipped content are not checked: a valid JSON document
 * that is not a hyoka/1 document gets only S-codes.
 *
 * Line and column are computed only when a diagnostic is emitted, from a
 * cached position (forward or backward), columns counting characters.
 * Diagnostic paths are built from the frame stack only then, too.
 *
 * Ordering of settings (decided): "amount_unit" and "rounding" may come
 * anywhere in the root object, even after "projects", and the text is read
 * once. When "projects" starts before "amount_unit" was seen, money is held
 * in thousandths of the written unit (exact for up to three decimal
 * places, the most either unit allows); when the root object closes, the
 * model is walked once and the amounts are divided by 1000 for a yen
 * document. Amounts with a fraction, and integers too large for
 * thousandths, are remembered by their offset in the text; at the end they
 * become S004 (a fraction in a yen document) or J005 (too large in
 * thousand_yen), their path found by one more walk of the text, which
 * happens only when there is such an error. Stated figures whose unit is
 * implied (money figures: amount_unit; per-head figures: the unit of the
 * document's rounding rule) get a placeholder unit when the setting is not
 * known yet, resolved by the same final walk.
 *
 * Other decisions:
 * - Integers are read by value: 2007.0 and 2.007e3 are the integer 2007
 *   (fiscal years, counts, yen amounts, places, tolerance); 2007.5 is S004.
 * - null is "missing" for every member, required ones included (S001), and
 *   in string maps (no entry). A null array element is S003.
 * - Strings holding decimals must follow the JSON number grammar.
 * - A string with U+0000 (from \u0000) is S004 where the model keeps it.
 * - A numeric string out of range is S004 (J005 is for JSON numbers).
 * - S002 is reported at the key of the unknown member, J003 at the second
 *   key; every other diagnostic at the offending value, S001 at the object.
 * - The report's limit (max_diagnostics) is set on the report and stays.
 * - Columns on the first line count from after a byte-order mark.
 *
 * This file holds the parser and the entry points; reader.h lists the
 * other files of the reader and what each does.
 */
#if !defined(_WIN32)
#  if !defined(_POSIX_C_SOURCE) || _POSIX_C_SOURCE < 200809L
#    undef _POSIX_C_SOURCE
#    define _POSIX_C_SOURCE 200809L
#  endif
/* madvise(MADV_DONTNEED): posix_madvise()'s DONTNEED does nothing on glibc. */
#  ifndef _DEFAULT_SOURCE
#    define _DEFAULT_SOURCE 1
#  endif
#endif

#include "lex.h"
#include "hyoka/json.h"
#include "util/fsio.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if !defined(_WIN32)
#  include <sys/mman.h>
#  include <unistd.h>
#endif

/* Keys of a string map checked for duplicates at once; beyond, when the
 * object closes. */
#define LINEAR_KEYS 16

/* ------------------------------------------------------------------------ */
/* Frames                                                                    */

int hyoka__json_push(struct hyoka__json_reader *r, int kind, void *obj, int aux)
{
    struct hyoka__json_frame *f;

    if (r->depth >= r->max_depth)
        return hyoka__json_fail(r, r->p, HYOKA__MSG(J004), r->max_depth);
    if (r->depth == r->frame_cap && hyoka__reserve_heap((void **)&r->frames, &r->frame_cap, r->depth + 1,
                                                        sizeof *r->frames, 32) != HYOKA_OK)
        return hyoka__json_nomem(r);
    f = &r->frames[r->depth++];
    f->kind = (unsigned char)kind;
    f->started = 0;
    f->key_esc = 0;
    f->has_value = 0;
    f->unit = UNIT_IMPLIED;
    f->between = 0;
    f->aux = aux;
    f->hint = 0;
    f->start = r->p;
    f->key = NULL;
    f->key_len = 0;
    f->count = 0;
    f->seen = 0;
    f->given = 0;
    f->keys_start = r->nkeys;
    f->arena_start = r->arena.len;
    f->obj = obj;
    r->p++;
    return 0;
}

/* Push a frame for the container of @p t if it is of the wanted type;
 * otherwise S003 (the caller skips the value). */
int hyoka__json_open_container(struct hyoka__json_reader *r, struct hyoka__json_tok *t, int kind, void *obj, int aux)
{
    int want = hyoka__json_is_array_kind(kind) ? T_ARRAY : T_OBJECT;
    if (t->type != want)
        return hyoka__json_wrong_type(r, t, want);
    t->consumed = 1;
    return hyoka__json_push(r, kind, obj, aux);
}

/* ------------------------------------------------------------------------ */
/* Duplicate keys                                                            */

static const char *key_ptr(const struct hyoka__json_reader *r, const struct hyoka__json_key *k)
{
    return k->src ? k->src : r->arena.data + k->aoff;
}

static int fail_dup(struct hyoka__json_reader *r, const char *pos, const char *k, size_t n)
{
    char q[HYOKA__EXCERPT_MAX];
    return hyoka__json_fail(r, pos, HYOKA__MSG(J003), hyoka__excerpt(k, n, q));
}

/* Remember a key of the top frame that is not a known member; J003 when
 * it is there already (checked at once for the first keys, at the close of
 * the object for the rest). */
static int key_add(struct hyoka__json_reader *r, struct hyoka__json_frame *f, const char *k, size_t n, int esc,
                   const char *pos)
{
    struct hyoka__json_key *e;
    size_t count = r->nkeys - f->keys_start;

    if (count < LINEAR_KEYS) {
        for (size_t i = f->keys_start; i < r->nkeys; i++)
            if (r->keys[i].len == n && memcmp(key_ptr(r, &r->keys[i]), k, n) == 0)
                return fail_dup(r, pos, k, n);
    }
    if (r->nkeys == r->keys_cap &&
        hyoka__grow_heap((void **)&r->keys, &r->keys_cap, r->nkeys, sizeof *r->keys) != HYOKA_OK)
        return hyoka__json_nomem(r);
    e = &r->keys[r->nkeys++];
    e->len = n;
    e->pos = pos;
    if (esc) {
        e->src = NULL;
        e->aoff = r->arena.len;
        if (!hyoka__buf_put(&r->arena, k, n))
            return hyoka__json_nomem(r);
    } else {
        e->src = k;
        e->aoff = 0;
    }
    return 0;
}

struct keysort {
    const char *s;
    size_t n;
    const char *pos;
};

static int keysort_cmp(const void *a, const void *b)
{
    const struct keysort *x = a, *y = b;
    int c;
    if (x->n != y->n)
        return x->n < y->n ? -1 : 1;
    c = memcmp(x->s, y->s, x->n);
    if (c)
        return c;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static int keys_close(struct hyoka__json_reader *r, struct hyoka__json_frame *f)
{
    size_t n = r->nkeys - f->keys_start;
    int rc = 0;

    if (n > LINEAR_KEYS) {
        struct keysort *v = hyoka__heap_malloc_array(n, sizeof *v);
        if (!v)
            return hyoka__json_nomem(r);
        for (size_t i = 0; i < n; i++) {
            const struct hyoka__json_key *k = &r->keys[f->keys_start + i];
            v[i].s = key_ptr(r, k);
            v[i].n = k->len;
            v[i].pos = k->pos;
        }
        qsort(v, n, sizeof *v, keysort_cmp);
        for (size_t i = 1; i < n; i++) {
            if (v[i].n == v[i - 1].n && memcmp(v[i].s, v[i - 1].s, v[i].n) == 0) {
                rc = fail_dup(r, v[i].pos, v[i].s, v[i].n);
                break;
            }
        }
        hyoka__free(v);
    }
    r->nkeys = f->keys_start;
    r->arena.len = f->arena_start;
    return rc;
}

/* ------------------------------------------------------------------------ */
/* The parser                                                                */

static inline int same_bytes(const char *a, const char *b, size_t n)
{
    uint64_t x, y;
    uint32_t u, w;
    if (n >= 8) {
        for (size_t i = 0; i + 8 < n; i += 8) {
            memcpy(&x, a + i, 8);
            memcpy(&y, b + i, 8);
            if (x != y)
                return 0;
        }
        memcpy(&x, a + n - 8, 8);
        memcpy(&y, b + n - 8, 8);
        return x == y;
    }
    if (n >= 4) {
        memcpy(&u, a, 4);
        memcpy(&w, b, 4);
        if (u != w)
            return 0;
        memcpy(&u, a + n - 4, 4);
        memcpy(&w, b + n - 4, 4);
        return u == w;
    }
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

static int member_lookup(struct hyoka__json_frame *f, const char *k, size_t n, const char *end)
{
    const struct hyoka__json_kind *ki = &hyoka__json_kinds[f->kind];
    unsigned h = f->hint;

    (void)end;
    if (!ki->members)
        return -1;
#if defined(JR_SSE2)
    /* The expected member, 16 bytes at once (the key is followed by at
     * least its closing quote; read 16 bytes only when they exist). */
    if (h < (unsigned)ki->count && ki->members[h].n == n && n <= 16 && end - k >= 16) {
        __m128i a = _mm_loadu_si128((const __m128i *)(const void *)k);
        __m128i b = _mm_loadu_si128((const __m128i *)(const void *)ki->members[h].s);
        unsigned eq = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(a, b)) | ~((1u << n) - 1u);
        if ((eq & 0xFFFFu) == 0xFFFFu) {
            f->hint = h + 1;
            return (int)h;
        }
    } else
#endif
    if (h < (unsigned)ki->count && ki->members[h].n == n && same_bytes(ki->members[h].s, k, n)) {
        f->hint = h + 1;
        return (int)h;
    }
    for (int i = 0; i < ki->count; i++) {
        if (ki->members[i].n == n && same_bytes(ki->members[i].s, k, n)) {
            f->hint = (unsigned)i + 1;
            return i;
        }
    }
    return -1;
}

/* Skip a value nobody wants: containers get a skip frame, scalars are
 * scanned (validated) only. */
static int skip_value(struct hyoka__json_reader *r)
{
    struct hyoka__json_tok t;
    if (r->p < r->end && *r->p == '{')
        return hyoka__json_push(r, K_SKIPOBJ, NULL, 0);
    if (r->p < r->end && *r->p == '[')
        return hyoka__json_push(r, A_SKIP, NULL, 0);
    return hyoka__json_scan_scalar(r, &t, NULL);
}

/* A member past the tables (records.c), looked up out of line: inlined
 * into the main loop (which link-time optimization did, more so as the
 * library grew) it makes every member of the tables slower, the loop
 * keeping fewer of its values in registers (a whole read of 1,000 projects:
 * 143.3 M Ir inlined, 146.0 once scan.c grew, 140.4 out of line). */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int more_lookup(struct hyoka__json_frame *f, const char *k, size_t n)
{
    return hyoka__json_more_lookup(f, k, n);
}

/* Read one member of the object of the top frame (r->p at its key). Inlined
 * into the main loop (hyoka__json_step()): it runs once per member. */
HYOKA_ALWAYS_INLINE static inline int read_member(struct hyoka__json_reader *r)
{
    struct hyoka__json_frame *f = &r->frames[r->depth - 1];
    struct hyoka__json_tok key, t;
    const char *kpos = r->p;
    int mid, kind = f->kind;

    if (r->p >= r->end)
        return hyoka__json_fail_eot(r);
    if (*r->p != '"')
        return hyoka__json_fail_unexpected(r, r->p, "a key (a string)", "キー (文字列)");
    f->key = NULL;
    f->between = 0;
    if (hyoka__json_scan_key(r, &key))
        return -1;
    f->key = kpos + 1;
    f->key_len = (size_t)(r->p - kpos) - 2;
    f->key_esc = key.s != kpos + 1;
    f->started = 1;
    r->p = hyoka__json_skip_ws(r->p, r->end);
    if (r->p >= r->end)
        return hyoka__json_fail_eot(r);
    if (*r->p != ':')
        return hyoka__json_fail_unexpected(r, r->p, "':'", "':'");
    r->p = hyoka__json_skip_ws(r->p + 1, r->end);
    if (r->p >= r->end)
        return hyoka__json_fail_eot(r);

    if (hyoka__json_is_map_kind(kind) || kind == K_SKIPOBJ) {
        /* Content that is skipped is not hyoka data: a duplicate key there
         * is valid JSON (RFC 8259 only says names SHOULD be unique) and
         * is not reported. */
        if (kind == K_SKIPOBJ)
            return skip_value(r);
        if (key_add(r, f, key.s, key.n, f->key_esc, kpos))
            return -1;
        if (*r->p == '{' || *r->p == '[') {
            t.type = *r->p == '{' ? T_OBJECT : T_ARRAY;
            t.pos = r->p;
            if (f->kind == K_SCORES)
                hyoka__json_wrong_types(r, &t, "a string or a number", "文字列または数値");
            else
                hyoka__json_wrong_type(r, &t, T_STRING);
            if (r->status)
                return -1;
            return skip_value(r);
        }
        if (hyoka__json_scan_scalar(r, &t, &r->vbuf))
            return -1;
        if (t.type == T_NULL)
            return 0;
        /* The key may sit in kbuf, the value in vbuf: both are intact. */
        return hyoka__json_map_member(r, &r->frames[r->depth - 1], key.s, key.n, &t);
    }

    /* (An unescaped key in kbuf may be compared up to its own end only.) */
    mid = member_lookup(f, key.s, key.n, f->key_esc ? key.s + key.n : r->end);
    if (mid < 0)
        mid = more_lookup(f, key.s, key.n);
    if (mid < 0) {
        char q[HYOKA__EXCERPT_MAX];
        /* An unknown member is S002 at each occurrence; repeating it is
         * not also J003, so a valid JSON document that is not a hyoka/1
         * document gets only S-codes. */
        if (kind == K_ROUNDING)
            hyoka__json_detail(r, kpos, PM_VALUE, HYOKA__S004, "\"%s\" is not a figure name", "\"%s\" は数値の名前ではない", hyoka__excerpt(key.s, key.n, q));
        else
            hyoka__json_diag(r, kpos, PM_VALUE, HYOKA__MSG(S002), hyoka__excerpt(key.s, key.n, q));
        if (r->status)
            return -1;
        return skip_value(r);
    }
    if (f->seen & ((uint64_t)1 << mid))
        return fail_dup(r, kpos, key.s, key.n);
    f->seen |= (uint64_t)1 << mid;
    f->given |= (uint64_t)(*r->p != 'n') << mid; /* (a bad literal stops reading anyway) */

    if (*r->p == '{' || *r->p == '[') {
        t.type = *r->p == '{' ? T_OBJECT : T_ARRAY;
        t.pos = r->p;
        t.consumed = 0;
        t.s = NULL;
        t.n = 0;
        t.has_nul = 0;
        t.num = 0;
        if (hyoka__json_on_member(r, f, mid, &t) || r->status)
            return -1;
        if (!t.consumed)
            return skip_value(r);
        return 0;
    }
    if (hyoka__json_scan_scalar(r, &t, &r->vbuf))
        return -1;
    if (t.type == T_NULL)
        return 0;
    if (hyoka__json_on_member(r, f, mid, &t) || r->status)
        return -1;
    return 0;
}

/* Read one element of the array of the top frame (r->p at it). */
static int read_element(struct hyoka__json_reader *r)
{
    struct hyoka__json_frame *f = &r->frames[r->depth - 1];
    struct hyoka__json_tok t;

    f->count++;
    f->started = 1;
    f->between = 0;
    if (f->kind == A_SKIP)
        return skip_value(r);
    if (*r->p == '{')
        return hyoka__json_open_element(r, f);
    if (*r->p == '[') {
        t.type = T_ARRAY;
        t.pos = r->p;
        if (hyoka__json_wrong_type(r, &t, T_OBJECT) || r->status)
            return -1;
        return skip_value(r);
    }
    if (hyoka__json_scan_scalar(r, &t, NULL))
        return -1;
    if (hyoka__json_wrong_type(r, &t, T_OBJECT) || r->status)
        return -1;
    return 0;
}

/* Give back the pages of a mapped file that lie more than a margin behind
 * the cursor, so that reading a large file does not hold the whole text in
 * memory beside the model. The mapping is private and read-only: should any
 * part be read again (a line count, a path found on an error), the kernel
 * reads it back from the file, unchanged. */
void hyoka__json_release_behind(struct hyoka__json_reader *r, const char *at)
{
#if !defined(_WIN32)
    uintptr_t page, upto;

    if (at < r->released || (size_t)(at - r->released) < HYOKA__JSON_RELEASE_STEP + HYOKA__JSON_RELEASE_MARGIN)
        return;
    page = (uintptr_t)sysconf(_SC_PAGESIZE);
    upto = ((uintptr_t)(at - HYOKA__JSON_RELEASE_MARGIN)) & ~(page - 1);
    if (upto > (uintptr_t)r->released) {
        (void)madvise((void *)(uintptr_t)r->released, upto - (uintptr_t)r->released, MADV_DONTNEED);
        hyoka__json_set_released(r, (const char *)upto);
    }
#else
    (void)at; /* nothing is given back */
    r->release_at = UINTPTR_MAX;
#endif
}

/* The start of the document: its root object's frame (or S003 and a skip
 * frame for another value). */
static int begin(struct hyoka__json_reader *r)
{
    const char *end = r->end;

    r->p = hyoka__json_skip_ws(r->p, end);
    if (r->p >= end)
        return hyoka__json_fail_detail(r, r->p, HYOKA__J001, "the document is empty", "文書が空");
    if (*r->p == '{') {
        if (hyoka__json_push(r, K_ROOT, r->pf, 0))
            return -1;
    } else {
        struct hyoka__json_tok t;
        t.type = *r->p == '[' ? T_ARRAY : T_NONE;
        t.pos = r->p;
        if (t.type == T_NONE) {
            if (hyoka__json_scan_scalar(r, &t, NULL))
                return -1;
        }
        if (hyoka__json_wrong_type(r, &t, T_OBJECT))
            return -1;
        if (t.type == T_ARRAY && hyoka__json_push(r, A_SKIP, NULL, 0))
            return -1;
    }
    return 0;
}

int hyoka__json_step(struct hyoka__json_reader *r, size_t stop)
{
    const char *end = r->end;

    do {
        struct hyoka__json_frame *f = &r->frames[r->depth - 1];
        int arr = hyoka__json_is_array_kind(f->kind);
        char close = arr ? ']' : '}';

        if (HYOKA_UNLIKELY(r->pause_projects) && f->kind == A_PROJECTS && r->depth == 2) {
            r->pause_projects = 0; /* a stream reads the projects one by one (stream.c) */
            return 1;
        }

        if (HYOKA_UNLIKELY((uintptr_t)r->p >= r->release_at))
            hyoka__json_release_behind(r, r->p);

        r->p = hyoka__json_skip_ws(r->p, end);
        if (r->p >= end)
            return hyoka__json_fail_eot(r);
        if (f->started) {
            /* Errors between values are located at the container. */
            f->between = 1;
            if (*r->p == ',') {
                r->p = hyoka__json_skip_ws(r->p + 1, end);
                if (r->p >= end)
                    return hyoka__json_fail_eot(r);
                if (*r->p == close)
                    return hyoka__json_fail_detail(r, r->p, HYOKA__J001, "trailing comma", "末尾のカンマ");
            } else if (*r->p != close) {
                return hyoka__json_fail_unexpected(r, r->p, arr ? "',' or ']'" : "',' or '}'",
                                                   arr ? "',' か ']'" : "',' か '}'");
            }
        }
        if (*r->p == close) {
            if (!arr) {
                f->key = NULL;
                if (keys_close(r, f))
                    return -1;
            }
            if (hyoka__json_close_frame(r) || r->status)
                return -1;
            r->p++;
            r->depth--;
            continue;
        }
        if (arr ? read_element(r) : read_member(r))
            return -1;
        if (r->status)
            return -1;
    } while (r->depth > stop);
    return 0;
}

int hyoka__json_end_text(struct hyoka__json_reader *r)
{
    const char *end = r->end;

    r->p = hyoka__json_skip_ws(r->p, end);
    if (r->p < end) {
        if ((unsigned char)*r->p >= 0x80u || *r->p == '/')
            return hyoka__json_fail_unexpected(r, r->p, "the end of the text", "テキストの終わり");
        return hyoka__json_fail_detail(r, r->p, HYOKA__J001, "text after the end of the document", "文書の終わりの後にテキストがある");
    }
    return 0;
}

static int run(struct hyoka__json_reader *r)
{
    if (begin(r) || (r->depth && hyoka__json_step(r, 0)))
        return -1;
    return hyoka__json_end_text(r);
}

int hyoka__json_begin(struct hyoka__json_reader *r)
{
    return begin(r);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

int hyoka_read_options_init(hyoka_read_options *options)
{
    HYOKA__CHECK_NULL(options);
    memset(options, 0, sizeof *options);
    options->size = sizeof *options;
    options->max_depth = HYOKA__DEFAULT_MAX_DEPTH;
    options->max_document = SIZE_MAX > 0xFFFFFFFFu ? (size_t)((uint64_t)4 << 30) : SIZE_MAX;
    options->max_string = (size_t)1 << 20;
    options->max_number = 256;
    options->max_diagnostics = 1000;
    return HYOKA_OK;
}

int hyoka__json_options(const char *fn, const hyoka_read_options *options, hyoka_read_options *out)
{
    hyoka_read_options_init(out);
    return hyoka__options_take(fn, "hyoka_read_options_init", options, out, sizeof *out);
}

void hyoka__json_reader_free(struct hyoka__json_reader *r)
{
    if (!r)
        return;
    hyoka__buf_free(&r->kbuf);
    hyoka__buf_free(&r->vbuf);
    hyoka__jsonptr_free(&r->path);
    hyoka__buf_free(&r->arena);
    hyoka__buf_free(&r->tmp);
    hyoka__free(r->frames);
    hyoka__free(r->keys);
    hyoka__free(r->bigs);
    hyoka__free(r->lates);
    hyoka__free(r->band_pos);
    for (int i = 0; i < SET_COUNT_; i++)
        hyoka__strset_free(&r->sets[i]);
    hyoka__free(r);
}

static int read_text(const char *text, size_t len, const hyoka_read_options *options, hyoka_portfolio **out,
                     hyoka_report *report, int mapped);

/* J006 for a document of @p size bytes (0: unknown). */
void hyoka__json_too_large(struct hyoka__detail *d, uint64_t size, size_t limit)
{
    if (size == 0) { /* (a stream: not read to its end) */
        snprintf(d->en, sizeof d->en, "document larger than the limit of %zu bytes", limit);
        snprintf(d->ja, sizeof d->ja, "文書が上限の %zu バイトを超える", limit);
        return;
    }
    snprintf(d->en, sizeof d->en, "document of %llu bytes larger than the limit of %zu bytes",
             (unsigned long long)size, limit);
    snprintf(d->ja, sizeof d->ja, "文書の %llu バイトが上限の %zu バイトを超える", (unsigned long long)size, limit);
}

struct hyoka__json_reader *hyoka__json_reader_new(const char *text, size_t len, const hyoka_read_options *opt,
                                                 hyoka_report *report, int mapped)
{
    struct hyoka__json_reader *r = hyoka__calloc(1, sizeof *r);

    if (!r)
        return NULL;
    r->base = text;
    r->text = text;
    r->end = text + len;
    r->mapped = mapped;
    hyoka__json_set_released(r, text);
    r->report = report;
    r->max_depth = opt->max_depth;
    r->max_string = opt->max_string;
    r->max_number = opt->max_number;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        r->text += 3;
    r->p = r->text;
    hyoka__json_lines_init(&r->lc, r->text, r->end);
    return r;
}

void hyoka__json_fail_size(struct hyoka__json_reader *r, size_t len, size_t limit)
{
    struct hyoka__detail d;
    hyoka__json_too_large(&d, len, limit);
    hyoka__json_fail_detail(r, r->text, HYOKA__J006, HYOKA__DETAIL_EN, HYOKA__DETAIL_JA, d.en, d.ja);
}

int hyoka_json_read(const char *text, size_t len, const hyoka_read_options *options, hyoka_portfolio **out,
                    hyoka_report *report)
{
    return read_text(text, len, options, out, report, 0);
}

static int read_text(const char *text, size_t len, const hyoka_read_options *options, hyoka_portfolio **out,
                     hyoka_report *report, int mapped)
{
    static const char fn[] = "hyoka_json_read";
    hyoka_read_options opt = {0};
    struct hyoka__json_reader *r;
    int rc;

    if (out)
        *out = NULL;
    HYOKA__CHECK_NULL_IN(fn, text);
    HYOKA__CHECK_NULL_IN(fn, out);
    rc = hyoka__json_options(fn, options, &opt);
    if (rc != HYOKA_OK)
        return rc;
    if (report)
        hyoka_report_set_limit(report, opt.max_diagnostics);
    if (len == HYOKA_NTS)
        len = strlen(text);
    r = hyoka__json_reader_new(text, len, &opt, report, mapped);
    if (!r)
        return hyoka__nomem();

    if (len > opt.max_document) {
        hyoka__json_fail_size(r, len, opt.max_document);
    } else if (hyoka_portfolio_new(&r->pf) != HYOKA_OK) {
        r->status = HYOKA_ENOMEM;
    } else {
        /* The model's records and strings are carved from an arena of the
         * portfolio (the reader's own scratch and the report's entries stay
         * on the heap). Without one, they are allocated one by one. */
        struct hyoka__arena *prev;
        r->pf->arena = hyoka__arena_new();
        prev = hyoka__arena_enter(r->pf->arena);
        if (run(r) == 0 && r->status == HYOKA_OK)
            hyoka__json_finish(r);
        hyoka__arena_leave(prev);
    }
    if (r->status == HYOKA_ENOMEM) {
        hyoka_portfolio_free(r->pf);
        rc = hyoka__nomem();
    } else if (r->status != HYOKA_OK || r->errors > 0) {
        hyoka_portfolio_free(r->pf);
        rc = hyoka__fail(HYOKA_EINVALID, "%s: the document has %zu error%s (see the report)", fn, r->errors,
                         r->errors == 1 ? "" : "s");
    } else {
        *out = r->pf;
        rc = HYOKA_OK;
    }
    hyoka__json_reader_free(r);
    return rc;
}

int hyoka__json_open_file(const char *fn, const char *path, const hyoka_read_options *opt, hyoka_report *report,
                          unsigned flags, struct hyoka__file_data *file)
{
    int rc = hyoka__fsio_read(fn, path, opt->max_document, HYOKA__FSIO_MAP | flags, file);

    if (rc == HYOKA_ERANGE) {
        /* J006 before reading: the file is not read to its end */
        if (report) {
            struct hyoka__detail d;
            hyoka_report_set_limit(report, opt->max_diagnostics);
            hyoka__json_too_large(&d, file->len, opt->max_document);
            if (hyoka__report_admit(report, hyoka__codes[HYOKA__J006].code, HYOKA_SEVERITY_ERROR) &&
                hyoka__report_put_detail(report, HYOKA__J006, "", 1, 1, d.en, d.ja) != HYOKA_OK)
                return hyoka__nomem();
        }
        return hyoka__fail(HYOKA_EINVALID, "%s: \"%s\" is larger than the limit of %zu bytes", fn, path,
                           opt->max_document);
    }
    return rc;
}

int hyoka_json_read_file(const char *path, const hyoka_read_options *options, hyoka_portfolio **out,
                         hyoka_report *report)
{
    hyoka_read_options opt = {0};
    struct hyoka__file_data file;
    int rc;

    if (out)
        *out = NULL;
    HYOKA__CHECK_NULL(path);
    HYOKA__CHECK_NULL(out);
    rc = hyoka__json_options(__func__, options, &opt);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka__json_open_file(__func__, path, &opt, report, 0, &file);
    if (rc != HYOKA_OK)
        return rc;
    rc = read_text(file.data, file.len, &opt, out, report, file.mapped);
    hyoka__fsio_release(&file);
    return rc;
}
