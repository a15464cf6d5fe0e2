/* The output of the JSON writers: the writer over its byte buffer
 * (util/buf.h: in memory, or sent to a file as it fills), the JSON tokens
 * written into it, and the walk of a project tree that the hyoka/1 and
 * hyoka-metrics/1 writers share. No value is allocated on its own. */
#include "output.h"

/* ------------------------------------------------------------------------ */
/* The writer                                                                */

void hyoka__json_writer_init(struct hyoka__json_writer *w, bool pretty, hyoka__buf_sink_fn sink, void *user)
{
    memset(w, 0, sizeof *w);
    if (sink)
        hyoka__buf_init_sink(&w->out, sink, user);
    w->pretty = pretty;
    w->first = true;
}

void hyoka__json_newline(struct hyoka__json_writer *w)
{
    size_t n;

    if (!w->pretty)
        return;
    n = w->depth * 2;
    if (!hyoka__buf_reserve(&w->out, n + 1))
        return;
    w->out.data[w->out.len++] = '\n';
    memset(w->out.data + w->out.len, ' ', n);
    w->out.len += n;
}

int hyoka__json_writer_finish(struct hyoka__json_writer *w, char **out, size_t *len)
{
    if (w->pretty)
        hyoka__json_put_char(w, '\n');
    if (w->out.sink)
        return hyoka__buf_flush(&w->out);
    return hyoka__buf_take(&w->out, out, len);
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

/* Whether one of the eight bytes of @p v needs an escape: '"', '\\' or
 * below 0x20 (a byte's test may borrow from the byte below only when that
 * byte is below 0x20 itself, so the answer is exact). */
static inline bool needs_escape8(uint64_t v)
{
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    uint64_t q = v ^ (ones * 0x22u), b = v ^ (ones * 0x5Cu);
    return ((((q - ones) & ~q) | ((b - ones) & ~b) | ((v - ones * 0x20u) & ~v)) & high) != 0;
}

void hyoka__json_put_escaped(struct hyoka__json_writer *w, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s, *end = p + n;

    while (p < end) {
        const unsigned char *q = p;
        unsigned char kind;

        /* Eight bytes at a time up to the first that needs an escape. */
        for (uint64_t v; end - q >= 8; q += 8) {
            memcpy(&v, q, 8);
            if (needs_escape8(v))
                break;
        }
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
}

void hyoka__json_put_string_n(struct hyoka__json_writer *w, const char *s, size_t n)
{
    hyoka__json_put_char(w, '"');
    hyoka__json_put_escaped(w, s, n);
    hyoka__json_put_char(w, '"');
}

void hyoka__json_key_n(struct hyoka__json_writer *w, const char *name, size_t n)
{
    size_t indent = w->pretty ? w->depth * 2 : 0;
    char *p;

    if (!hyoka__buf_reserve(&w->out, n + indent + 6))
        return;
    p = w->out.data + w->out.len;
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
    w->out.len = (size_t)(p - w->out.data);
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
        size_t cap = hyoka__grow_cap(k->cap, k->count + 1, LOCAL_FRAMES);
        struct frame *n;

        n = k->items == k->local ? hyoka__malloc_array(cap, sizeof *n) : hyoka__realloc_array(k->items, cap, sizeof *n);
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
    while (k.count > 0 && w->out.err == HYOKA_OK) {
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
