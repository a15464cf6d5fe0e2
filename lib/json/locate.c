/* hyoka_report_locate() and the walk it is made of: a tolerant walk of a
 * JSON text (it may be invalid: the walk stops where it cannot go on) that
 * gives the JSON pointer and position of every value it enters. The reader
 * uses the same walk to place the diagnostics it can make only at the end
 * of the document (finish.c). */
#include "lex.h"

#include <stdlib.h>

/* ------------------------------------------------------------------------ */
/* A walk of the text that tracks the JSON pointer of every value            */

struct wlevel {
    size_t path_len;
    size_t index;
    int is_array;
    int started;
};

/* Skip a value tolerantly (the text may be invalid); returns the position
 * after it, or NULL when the text ends or cannot be read. */
static const char *walk_skip(const char *p, const char *e)
{
    size_t depth = 0;
    do {
        p = hyoka__json_skip_ws(p, e);
        if (p >= e)
            return NULL;
        switch (*p) {
        case '"':
            for (p++; p < e && *p != '"'; p++)
                if (*p == '\\')
                    p++;
            if (p >= e)
                return NULL;
            p++;
            break;
        case '{':
        case '[':
            depth++;
            p++;
            break;
        case '}':
        case ']':
            if (depth == 0)
                return NULL;
            depth--;
            p++;
            break;
        case ',':
        case ':':
            if (depth == 0)
                return NULL;
            p++;
            break;
        default:
            if (!((*p >= '0' && *p <= '9') || *p == '-' || (*p >= 'a' && *p <= 'z')))
                return NULL;
            while (p < e && ((*p >= '0' && *p <= '9') || *p == '-' || *p == '+' || *p == '.' ||
                             (*p >= 'a' && *p <= 'z') || *p == 'E'))
                p++;
            break;
        }
    } while (depth > 0);
    return p;
}

int hyoka__json_walk(const char *s, size_t len, hyoka__json_walk_fn fn, void *ctx)
{
    const char *e = s + len, *p = s;
    struct hyoka__buf path = {0};
    struct hyoka__buf key = {0};
    struct wlevel *st = NULL;
    size_t depth = 0, cap = 0;
    int rc = HYOKA_OK, v;

    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    p = hyoka__json_skip_ws(p, e);
    if (p >= e)
        goto done;
    if (hyoka__jsonptr_init(&path)) {
        rc = HYOKA_ENOMEM;
        goto done;
    }
    v = fn(ctx, "", 0, p);
    if (v < 0)
        goto done;
    for (;;) {
        /* p is at a value whose path is in `path`; v says whether to enter it. */
        if (p < e && (*p == '{' || *p == '[') && v == 1) {
            if (depth == cap) {
                size_t ncap = hyoka__grow_cap(cap, depth + 1, 16);
                struct wlevel *ns = hyoka__realloc_array(st, ncap, sizeof *ns);
                if (!ns) {
                    rc = HYOKA_ENOMEM;
                    goto done;
                }
                st = ns;
                cap = ncap;
            }
            st[depth].path_len = path.len;
            st[depth].index = 0;
            st[depth].is_array = *p == '[';
            st[depth].started = 0;
            depth++;
            p++;
        } else {
            p = walk_skip(p, e);
            if (!p)
                goto done;
        }
        /* Find the next value. */
        for (;;) {
            struct wlevel *l;
            if (depth == 0)
                goto done;
            l = &st[depth - 1];
            p = hyoka__json_skip_ws(p, e);
            if (p >= e)
                goto done;
            if (*p == (l->is_array ? ']' : '}')) {
                p++;
                depth--;
                hyoka__jsonptr_cut(&path, l->path_len);
                continue;
            }
            if (l->started) {
                if (*p != ',')
                    goto done;
                p = hyoka__json_skip_ws(p + 1, e);
                if (p >= e)
                    goto done;
            }
            l->started = 1;
            hyoka__jsonptr_cut(&path, l->path_len);
            if (l->is_array) {
                if (hyoka__jsonptr_index(&path, l->index++)) {
                    rc = HYOKA_ENOMEM;
                    goto done;
                }
            } else {
                const char *k0;
                int esc = 0;
                if (*p != '"')
                    goto done;
                k0 = ++p;
                while (p < e && *p != '"') {
                    if (*p == '\\') {
                        esc = 1;
                        p++;
                    }
                    p++;
                }
                if (p >= e)
                    goto done;
                key.len = 0;
                if (esc) {
                    /* Unescape only when the key is well formed. */
                    struct hyoka__json_reader tmp;
                    struct hyoka__json_tok t;
                    memset(&tmp, 0, sizeof tmp);
                    tmp.p = k0 - 1;
                    tmp.end = e;
                    tmp.max_string = SIZE_MAX;
                    if (hyoka__json_scan_string(&tmp, &t, &key) != 0) {
                        hyoka__buf_free(&tmp.kbuf);
                        if (tmp.status == HYOKA_ENOMEM)
                            rc = HYOKA_ENOMEM;
                        goto done;
                    }
                    if (hyoka__jsonptr_key(&path, key.data, key.len)) {
                        rc = HYOKA_ENOMEM;
                        goto done;
                    }
                } else if (hyoka__jsonptr_key(&path, k0, (size_t)(p - k0))) {
                    rc = HYOKA_ENOMEM;
                    goto done;
                }
                p = hyoka__json_skip_ws(p + 1, e);
                if (p >= e || *p != ':')
                    goto done;
                p = hyoka__json_skip_ws(p + 1, e);
                if (p >= e)
                    goto done;
            }
            v = fn(ctx, path.data, path.len, p);
            if (v < 0)
                goto done;
            break;
        }
    }
done:
    hyoka__jsonptr_free(&path);
    hyoka__buf_free(&key);
    hyoka__free(st);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* hyoka_report_locate                                                       */

struct locate_ctx {
    struct hyoka__strset set;   /* paths and their ancestors, payload in found[] */
    const char **found;  /* position by set slot index */
};

static int locate_visit(void *ctx, const char *path, size_t len, const char *at)
{
    struct locate_ctx *c = ctx;
    struct hyoka__strset_entry *e = hyoka__strset_find(&c->set, path, len);
    if (!e)
        return 0;
    if (!c->found[e - c->set.t])
        c->found[e - c->set.t] = at;
    return 1;
}

struct locpos {
    const char *at;
    size_t index;
};

static int locpos_cmp(const void *a, const void *b)
{
    const struct locpos *x = a, *y = b;
    if (x->at != y->at)
        return x->at < y->at ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* The diagnostic's path relative to @p prefix (a JSON pointer: "" for the
 * whole document), or NULL when it is not under it. */
static const char *under(const char *path, const char *prefix, size_t plen)
{
    if (strncmp(path, prefix, plen) != 0 || (path[plen] != '/' && path[plen] != '\0'))
        return NULL;
    return path + plen;
}

int hyoka__report_locate_part(hyoka_report *report, size_t first, const char *json, size_t len, const char *prefix,
                              hyoka__json_position_fn position, void *ctx)
{
    struct locate_ctx c;
    struct locpos *pos = NULL;
    size_t npos = 0, wanted = 0, plen = strlen(prefix);
    int rc = HYOKA_OK;

    memset(&c, 0, sizeof c);
    for (size_t i = first; i < report->count; i++) {
        const struct hyoka__diag *d = &report->items[i];
        const char *rel;
        size_t n;
        int dup;
        if (d->line != 0 || !d->path || !(rel = under(d->path, prefix, plen)))
            continue;
        wanted++;
        n = strlen(rel);
        /* The path and each of its ancestors ("" included). */
        for (;;) {
            if (hyoka__strset_add(&c.set, rel, n, &dup)) {
                rc = hyoka__nomem();
                goto done;
            }
            if (dup || n == 0)
                break;
            n = hyoka__jsonptr_parent(rel, n);
        }
    }
    if (!wanted)
        goto done;
    c.found = hyoka__calloc(c.set.cap, sizeof *c.found);
    if (!c.found) {
        rc = hyoka__nomem();
        goto done;
    }
    if (hyoka__json_walk(json, len, locate_visit, &c) != HYOKA_OK) {
        rc = hyoka__nomem();
        goto done;
    }
    pos = hyoka__malloc_array(wanted, sizeof *pos);
    if (!pos) {
        rc = hyoka__nomem();
        goto done;
    }
    for (size_t i = first; i < report->count; i++) {
        const struct hyoka__diag *d = &report->items[i];
        const char *rel;
        size_t n;
        if (d->line != 0 || !d->path || !(rel = under(d->path, prefix, plen)))
            continue;
        n = strlen(rel);
        for (;;) {
            struct hyoka__strset_entry *e = hyoka__strset_find(&c.set, rel, n);
            if (e && c.found[e - c.set.t]) {
                pos[npos].at = c.found[e - c.set.t];
                pos[npos].index = i;
                npos++;
                break;
            }
            if (n == 0)
                break;
            n = hyoka__jsonptr_parent(rel, n);
        }
    }
    qsort(pos, npos, sizeof *pos, locpos_cmp);
    for (size_t i = 0; i < npos; i++) {
        struct hyoka__diag *d = &report->items[pos[i].index];
        position(ctx, pos[i].at, &d->line, &d->column);
    }
done:
    hyoka__free(pos);
    hyoka__free(c.found);
    hyoka__strset_free(&c.set);
    return rc;
}

/* Positions counted from the start of the text (past a byte order mark). */
static void text_position(void *ctx, const char *at, int64_t *line, int64_t *col)
{
    hyoka__json_lines_at(ctx, at, line, col);
}

int hyoka_report_locate(hyoka_report *report, const char *json, size_t len)
{
    struct hyoka__json_lines lc;
    const char *base;

    HYOKA__CHECK_NULL(report);
    HYOKA__CHECK_NULL(json);
    if (len == HYOKA_NTS)
        len = strlen(json);
    base = json;
    if (len >= 3 && memcmp(json, "\xEF\xBB\xBF", 3) == 0)
        base += 3;
    hyoka__json_lines_init(&lc, base, json + len);
    return hyoka__report_locate_part(report, 0, json, len, "", text_position, &lc);
}
