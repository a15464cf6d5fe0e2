/* The output of the JSON writers: one growable buffer (capacity doubles,
 * sizes checked; when writing a file, emptied into it as it fills), the
 * JSON tokens written into it, and the walk of a project tree that the
 * hyoka/1 and hyoka-metrics/1 writers share. No value is allocated on its
 * own. The names of the figures are here too, for both writers. */
#if !defined(_POSIX_C_SOURCE) || _POSIX_C_SOURCE < 200809L
#  undef _POSIX_C_SOURCE
#  define _POSIX_C_SOURCE 200809L
#endif

#include "output.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>

/* ------------------------------------------------------------------------ */
/* Names (those of docs/format.md; the enumeration names come from types.c) */

const char *const hyoka__json_figure_names[HYOKA__FIGURE_COUNT] = {
    "expense", "personnel", "debt_service", "indirect_costs", "total_cost",
    "general_revenue", "specific_revenue", "per_capita", "per_household",
    "unit_cost", "per_beneficiary", "execution_rate", "personnel_share",
    "general_revenue_share", "total_cost_change", "achievement", "change",
    "score", "unspent", "appropriation_rate", "account_share",
    "single_bidder_share", "noncompetitive_share",
};

/* ------------------------------------------------------------------------ */
/* The output buffer                                                         */

#define INITIAL_CAPACITY 4096

void hyoka__json_writer_init(struct hyoka__json_writer *w, bool pretty)
{
    memset(w, 0, sizeof *w);
    w->pretty = pretty;
    w->first = true;
    w->fd = -1;
}

/* Writing a file: the buffer is emptied into it once it holds this much. */
#define FLUSH_SIZE ((size_t)1 << 17)

bool hyoka__json_flush(struct hyoka__json_writer *w)
{
    size_t done = 0;

    while (done < w->len) {
        size_t chunk = w->len - done > ((size_t)1 << 30) ? ((size_t)1 << 30) : w->len - done;
        ssize_t n = write(w->fd, w->buf + done, chunk);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            hyoka__json_writer_fail(w, hyoka__json_io_fail("cannot write", w->fd_name, errno));
            return false;
        }
        done += (size_t)n;
    }
    w->len = 0;
    return true;
}

bool hyoka__json_grow(struct hyoka__json_writer *w, size_t n)
{
    size_t need, cap;
    char *p;

    if (w->err != HYOKA_OK)
        return false;
    if (w->fd >= 0 && w->len >= FLUSH_SIZE) {
        if (!hyoka__json_flush(w))
            return false;
        if (w->cap - w->len > n)
            return true;
    }
    if (n > SIZE_MAX - 1 - w->len) {
        hyoka__json_writer_fail(w, hyoka__fail(HYOKA_ERANGE, "JSON writer: the output does not fit in memory"));
        return false;
    }
    need = w->len + n + 1;
    cap = w->cap ? w->cap : INITIAL_CAPACITY;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    p = hyoka__realloc(w->buf, cap);
    if (!p) {
        hyoka__json_writer_fail(w, hyoka__nomem());
        return false;
    }
    w->buf = p;
    w->cap = cap;
    return true;
}
void hyoka__json_newline(struct hyoka__json_writer *w)
{
    size_t n;

    if (!w->pretty)
        return;
    n = w->depth * 2;
    if (!hyoka__json_room(w, n + 1))
        return;
    w->buf[w->len++] = '\n';
    memset(w->buf + w->len, ' ', n);
    w->len += n;
}

int hyoka__json_writer_finish(struct hyoka__json_writer *w, char **out, size_t *len)
{
    if (w->err == HYOKA_OK && w->pretty)
        hyoka__json_put_char(w, '\n');
    if (w->err == HYOKA_OK && !w->buf)
        hyoka__json_grow(w, 0);
    if (w->err != HYOKA_OK) {
        hyoka__free(w->buf);
        w->buf = NULL;
        return w->err;
    }
    w->buf[w->len] = '\0';
    *out = w->buf;
    if (len)
        *len = w->len;
    w->buf = NULL;
    return HYOKA_OK;
}

/* ------------------------------------------------------------------------ */
/* JSON tokens                                                               */

/* Bytes written as escapes: '"', '\\' and U+0000..U+001F. */
static const unsigned char escape_kind[256] = {
    /* 0x00..0x1f: control characters; 'u' = \u00XX */
    'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'b', 't', 'n', 'u', 'f', 'r', 'u', 'u',
    'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
    0, 0, '"', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '\\', 0, 0, 0,
};

void hyoka__json_put_string_n(struct hyoka__json_writer *w, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s, *end = p + n;

    hyoka__json_put_char(w, '"');
    while (p < end) {
        const unsigned char *q = p;
        unsigned char kind;

        while (q < end && !escape_kind[*q])
            q++;
        hyoka__json_put(w, (const char *)p, (size_t)(q - p));
        if (q == end)
            break;
        kind = escape_kind[*q];
        if (kind == 'u') {
            char e[6] = {'\\', 'u', '0', '0', hex[*q >> 4], hex[*q & 15]};
            hyoka__json_put(w, e, sizeof e);
        } else {
            char e[2] = {'\\', (char)kind};
            hyoka__json_put(w, e, sizeof e);
        }
        p = q + 1;
    }
    hyoka__json_put_char(w, '"');
}

void hyoka__json_key_n(struct hyoka__json_writer *w, const char *name, size_t n)
{
    size_t indent = w->pretty ? w->depth * 2 : 0;
    char *p;

    if (!hyoka__json_room(w, n + indent + 6))
        return;
    p = w->buf + w->len;
    if (!w->first)
        *p++ = ',';
    if (w->pretty) {
        *p++ = '\n';
        memset(p, ' ', indent);
        p += indent;
    }
    *p++ = '"';
    memcpy(p, name, n);
    p += n;
    *p++ = '"';
    *p++ = ':';
    if (w->pretty)
        *p++ = ' ';
    w->len = (size_t)(p - w->buf);
    w->first = false;
}

void hyoka__json_key_text(struct hyoka__json_writer *w, const char *name)
{
    hyoka__json_sep(w);
    hyoka__json_put_string(w, name);
    hyoka__json_colon(w);
}

/* ------------------------------------------------------------------------ */
/* Non-recursive walk of a project tree                                      */

struct frame {
    const hyoka_project *p;
    size_t next;
};

#define LOCAL_FRAMES 16

struct walk {
    struct frame local[LOCAL_FRAMES];
    struct frame *items;
    size_t count;
    size_t cap;
};

static void walk_init(struct walk *k)
{
    k->items = k->local;
    k->count = 0;
    k->cap = LOCAL_FRAMES;
}

static void walk_release(struct walk *k)
{
    if (k->items != k->local)
        hyoka__free(k->items);
}

static bool walk_push(struct walk *k, struct hyoka__json_writer *w, const hyoka_project *p)
{
    if (k->count == k->cap) {
        size_t cap = k->cap * 2;
        struct frame *n;

        if (cap > SIZE_MAX / sizeof *n) {
            hyoka__json_writer_fail(w, hyoka__nomem());
            return false;
        }
        n = k->items == k->local ? hyoka__malloc(cap * sizeof *n) : hyoka__realloc(k->items, cap * sizeof *n);
        if (!n) {
            hyoka__json_writer_fail(w, hyoka__nomem());
            return false;
        }
        if (k->items == k->local)
            memcpy(n, k->local, sizeof k->local);
        k->items = n;
        k->cap = cap;
    }
    k->items[k->count].p = p;
    k->items[k->count].next = 0;
    k->count++;
    return true;
}

void hyoka__json_write_project_tree(struct hyoka__json_writer *w, const hyoka_project *root,
                                    hyoka__json_project_head_fn head, hyoka__json_project_tail_fn tail)
{
    struct walk k;

    walk_init(&k);
    hyoka__json_sep(w);
    if (!head(w, root))
        tail(w, root);
    else
        walk_push(&k, w, root);
    while (k.count > 0 && w->err == HYOKA_OK) {
        struct frame *top = &k.items[k.count - 1];

        if (top->next < top->p->children.count) {
            const hyoka_project *c = top->p->children.items[top->next++];

            hyoka__json_sep(w);
            if (!head(w, c))
                tail(w, c);
            else
                walk_push(&k, w, c);
        } else {
            hyoka__json_close(w, ']');
            tail(w, top->p);
            k.count--;
        }
    }
    walk_release(&k);
}

int hyoka__json_io_fail(const char *what, const char *path, int err)
{
    char msg[256];

    if (strerror_r(err, msg, sizeof msg) != 0)
        snprintf(msg, sizeof msg, "error %d", err);
    return hyoka__fail(HYOKA_EIO, "hyoka_json_write_file: %s \"%s\": %s", what, path, msg);
}
