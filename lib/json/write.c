/* json_write: the canonical hyoka/1 writer (docs/format.md), the
 * hyoka-metrics/1 output of every figure (DESIGN §9) and the JSON form of
 * a report.
 *
 * Output goes into one growable buffer (capacity doubles, sizes checked);
 * no value is allocated on its own. An allocation failure is remembered in
 * the writer and every later write does nothing, so the walk simply runs to
 * its end and the caller sees the first error.
 *
 * Canonical form (the rules docs/format.md leaves to the writer are marked
 * "decided"):
 * - Members in the order of the tables of docs/format.md; missing members
 *   omitted, never null; empty arrays and objects omitted except "projects".
 *   Array elements are never omitted: an element with nothing in it is {}.
 * - Pretty: two-space indentation, ": " after keys, one member or element
 *   per line, empty containers as {} / [], and a final newline (decided).
 *   Compact: no whitespace at all and no final newline (decided).
 * - Strings: raw UTF-8; only '"', '\\' and U+0000..U+001F are escaped
 *   (\b \f \n \r \t, others \u00XX); '/' is not escaped.
 * - "amount_unit" is always written (decided), right after "format".
 * - Money in the document's unit: yen as integers, thousand_yen as the
 *   shortest exact decimal number (2520, 1068.978, 2520.5, -0.5).
 * - Decimals: numbers when whole (scale 0), strings with their places
 *   otherwise ("0.30"). Stated figures (the "stated" object and an
 *   indicator's "stated_achievement", decided) are always strings; a stated
 *   figure whose stored unit differs from the unit implied for it is
 *   written {"value": "...", "unit": "..."}.
 * - Booleans ("not_settable", "required") only when true (decided for
 *   "required" by analogy with "not_settable").
 * - A numeric criterion with neither bound is written "range": {} (decided:
 *   the only empty object written, since omitting it would lose that the
 *   criterion is numeric).
 * - A criterion's "weight" and a verdict's "group" and a budget direction's
 *   "kind" are always written (they always have a value).
 *
 * Sub-project trees are walked without recursion, like the model does, so
 * a deep tree cannot overflow the stack. */
#if !defined(_POSIX_C_SOURCE) || _POSIX_C_SOURCE < 200809L
#  undef _POSIX_C_SOURCE
#  define _POSIX_C_SOURCE 200809L
#endif

#include "figures/internal.h"
#include "model.h"
#include "report.h"
#include "hyoka/json.h"
#include "hyoka/figures.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define HAS(bits, field) (((bits) >> (unsigned)(field)) & 1u)

#if defined(__GNUC__)
#  define ALWAYS_INLINE __attribute__((always_inline))
#else
#  define ALWAYS_INLINE
#endif

/* ------------------------------------------------------------------------ */
/* Names (those of docs/format.md; the enumeration names come from types.c) */

static const char *const figure_names[HYOKA__FIGURE_COUNT] = {
    "expense", "personnel", "debt_service", "indirect_costs", "total_cost",
    "general_revenue", "specific_revenue", "per_capita", "per_household",
    "unit_cost", "per_beneficiary", "execution_rate", "personnel_share",
    "general_revenue_share", "total_cost_change", "achievement", "change",
    "score",
};

static const char *const organization_keys[] = {
    "department", "section", "group", "head", "contact", "phone",
};

static const char *const text_keys[] = {
    "purpose", "target", "intent", "result", "summary",
    "background", "environment", "opinions", "activities_done", "activities_planned",
};

static const char *const funding_keys[] = {
    "national", "prefectural", "bonds", "user_charges", "other", "general",
};

static int is_money_figure(int figure)
{
    return figure >= HYOKA_FIG_EXPENSE && figure <= HYOKA_FIG_SPECIFIC_REVENUE;
}

static int is_per_head_figure(int figure)
{
    return figure >= HYOKA_FIG_PER_CAPITA && figure <= HYOKA_FIG_PER_BENEFICIARY;
}

/* ------------------------------------------------------------------------ */
/* The output buffer                                                         */

#define INITIAL_CAPACITY 4096

struct writer {
    char *buf;
    size_t len;
    size_t cap;
    int err;       /* first failure (already recorded), HYOKA_OK while fine */
    size_t depth;  /* nesting depth, for indentation */
    bool first;    /* nothing written yet in the innermost open container */
    bool pretty;
    int unit;      /* amount unit of money members (hyoka_unit) */
    const hyoka_portfolio *pf;
    int lang;
    int fd;               /* writing a file: flush to it (else -1) */
    const char *fd_name;  /* its name, for messages */
    struct hyoka__year_index years; /* metrics: the cost years of the project being written */
};

static int io_fail(const char *what, const char *path, int err);

static void writer_init(struct writer *w, bool pretty)
{
    memset(w, 0, sizeof *w);
    w->pretty = pretty;
    w->first = true;
    w->fd = -1;
}

static void fail(struct writer *w, int rc)
{
    if (w->err == HYOKA_OK)
        w->err = rc;
}

/* Writing a file: the buffer is emptied into it once it holds this much. */
#define FLUSH_SIZE ((size_t)1 << 17)

/* Write the buffer out to the writer's file and empty it. */
static bool flush(struct writer *w)
{
    size_t done = 0;

    while (done < w->len) {
        size_t chunk = w->len - done > ((size_t)1 << 30) ? ((size_t)1 << 30) : w->len - done;
        ssize_t n = write(w->fd, w->buf + done, chunk);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fail(w, io_fail("cannot write", w->fd_name, errno));
            return false;
        }
        done += (size_t)n;
    }
    w->len = 0;
    return true;
}

/* Make room for @p n more bytes and a NUL (when writing a file, by
 * flushing first). false once anything failed. */
static bool grow(struct writer *w, size_t n)
{
    size_t need, cap;
    char *p;

    if (w->err != HYOKA_OK)
        return false;
    if (w->fd >= 0 && w->len >= FLUSH_SIZE) {
        if (!flush(w))
            return false;
        if (w->cap - w->len > n)
            return true;
    }
    if (n > SIZE_MAX - 1 - w->len) {
        fail(w, hyoka__fail(HYOKA_ERANGE, "JSON writer: the output does not fit in memory"));
        return false;
    }
    need = w->len + n + 1;
    cap = w->cap ? w->cap : INITIAL_CAPACITY;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    p = hyoka__realloc(w->buf, cap);
    if (!p) {
        fail(w, hyoka__nomem());
        return false;
    }
    w->buf = p;
    w->cap = cap;
    return true;
}

static inline bool room(struct writer *w, size_t n)
{
    if (HYOKA_LIKELY(w->cap - w->len > n))
        return true;
    return grow(w, n);
}

static inline void put(struct writer *w, const char *s, size_t n)
{
    if (!room(w, n))
        return;
    memcpy(w->buf + w->len, s, n);
    w->len += n;
}

static inline void put_char(struct writer *w, char c)
{
    if (!room(w, 1))
        return;
    w->buf[w->len++] = c;
}

/* Newline and indentation (pretty only). */
static void newline(struct writer *w)
{
    size_t n;

    if (!w->pretty)
        return;
    n = w->depth * 2;
    if (!room(w, n + 1))
        return;
    w->buf[w->len++] = '\n';
    memset(w->buf + w->len, ' ', n);
    w->len += n;
}

/* Hand the text to the caller (NUL-terminated) or free it on failure. */
static int writer_finish(struct writer *w, char **out, size_t *len)
{
    if (w->err == HYOKA_OK && w->pretty)
        put_char(w, '\n');
    if (w->err == HYOKA_OK && !w->buf)
        grow(w, 0);
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

static void put_string_n(struct writer *w, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s, *end = p + n;

    put_char(w, '"');
    while (p < end) {
        const unsigned char *q = p;
        unsigned char kind;

        while (q < end && !escape_kind[*q])
            q++;
        put(w, (const char *)p, (size_t)(q - p));
        if (q == end)
            break;
        kind = escape_kind[*q];
        if (kind == 'u') {
            char e[6] = {'\\', 'u', '0', '0', hex[*q >> 4], hex[*q & 15]};
            put(w, e, sizeof e);
        } else {
            char e[2] = {'\\', (char)kind};
            put(w, e, sizeof e);
        }
        p = q + 1;
    }
    put_char(w, '"');
}

static void put_string(struct writer *w, const char *s)
{
    put_string_n(w, s, strlen(s));
}

/* Digits of @p mag with @p scale places (a point inserted), a sign when
 * @p neg, quoted when @p quoted. */
static void put_number(struct writer *w, uint64_t mag, bool neg, int scale, bool quoted)
{
    char buf[48];
    char *end = buf + sizeof buf, *p = end;
    int n = 0;

    if (quoted)
        *--p = '"';
    do {
        *--p = (char)('0' + (int)(mag % 10));
        mag /= 10;
        n++;
        if (n == scale)
            *--p = '.';
    } while (mag != 0 || n <= scale);
    if (neg)
        *--p = '-';
    if (quoted)
        *--p = '"';
    put(w, p, (size_t)(end - p));
}

static uint64_t magnitude(int64_t v)
{
    return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

static void put_int(struct writer *w, int64_t v)
{
    put_number(w, magnitude(v), v < 0, 0, false);
}

/* A decimal with its places: a number when whole unless @p always_string. */
static void put_decimal(struct writer *w, const hyoka_decimal *d, bool always_string)
{
    int64_t coef = hyoka_decimal_coefficient(d);
    int scale = hyoka_decimal_scale(d);

    put_number(w, magnitude(coef), coef < 0, scale, always_string || scale > 0);
}

/* An amount of money in the writer's unit. */
static void put_money(struct writer *w, int64_t yen)
{
    uint64_t mag = magnitude(yen);
    int scale = 3;

    if (w->unit != HYOKA_UNIT_THOUSAND_YEN) {
        put_number(w, mag, yen < 0, 0, false);
        return;
    }
    while (scale > 0 && mag % 10 == 0) {
        mag /= 10;
        scale--;
    }
    put_number(w, mag, yen < 0, scale, false);
}

/* Separator before a member or an element. */
static void sep(struct writer *w)
{
    if (!w->first)
        put_char(w, ',');
    newline(w);
    w->first = false;
}

static void colon(struct writer *w)
{
    if (w->pretty)
        put(w, ": ", 2);
    else
        put_char(w, ':');
}

/* A member name of @p n bytes known to need no escaping, with the
 * separator before it and the colon after it, in one step. */
static void key_n(struct writer *w, const char *name, size_t n)
{
    size_t indent = w->pretty ? w->depth * 2 : 0;
    char *p;

    if (!room(w, n + indent + 6))
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

/* Inlined so that the length of a literal name is known when compiling. */
ALWAYS_INLINE static inline void key(struct writer *w, const char *name)
{
    key_n(w, name, strlen(name));
}

/* A member name from user data. */
static void key_text(struct writer *w, const char *name)
{
    sep(w);
    put_string(w, name);
    colon(w);
}

static void open_c(struct writer *w, char c)
{
    put_char(w, c);
    w->depth++;
    w->first = true;
}

static void close_c(struct writer *w, char c)
{
    w->depth--;
    if (!w->first)
        newline(w);
    put_char(w, c);
    w->first = false;
}

/* Members of common shapes; nothing is written for a missing value. */
ALWAYS_INLINE static inline void m_string(struct writer *w, const char *name, const char *value)
{
    if (!value)
        return;
    key(w, name);
    put_string(w, value);
}

ALWAYS_INLINE static inline void m_int(struct writer *w, const char *name, int64_t value)
{
    key(w, name);
    put_int(w, value);
}

ALWAYS_INLINE static inline void m_enum(struct writer *w, const char *name, int which, int value)
{
    const char *s;

    if (value == HYOKA_UNSET)
        return;
    s = hyoka_enum_name(which, value);
    if (!s) {
        fail(w, hyoka__fail(HYOKA_EINVAL, "JSON writer: %s: %d is not a valid value", name, value));
        return;
    }
    key(w, name);
    put_string(w, s);
}

ALWAYS_INLINE static inline void m_year(struct writer *w, const char *name, int32_t fiscal_year)
{
    if (fiscal_year != 0)
        m_int(w, name, fiscal_year);
}

ALWAYS_INLINE static inline void m_date(struct writer *w, const char *name, int32_t date)
{
    char buf[HYOKA_CALENDAR_STRING_MAX];
    size_t n = 0;
    int rc;

    if (date == 0)
        return;
    rc = hyoka_date_to_iso(date, buf, sizeof buf, &n);
    if (rc != HYOKA_OK) {
        fail(w, rc);
        return;
    }
    key(w, name);
    put_string_n(w, buf, n);
}

ALWAYS_INLINE static inline void m_null(struct writer *w, const char *name)
{
    key(w, name);
    put(w, "null", 4);
}

/* A string member in the metrics output: null when missing. */
ALWAYS_INLINE static inline void m_string_or_null(struct writer *w, const char *name, const char *value)
{
    if (value)
        m_string(w, name, value);
    else
        m_null(w, name);
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

static bool walk_push(struct walk *k, struct writer *w, const hyoka_project *p)
{
    if (k->count == k->cap) {
        size_t cap = k->cap * 2;
        struct frame *n;

        if (cap > SIZE_MAX / sizeof *n) {
            fail(w, hyoka__nomem());
            return false;
        }
        n = k->items == k->local ? hyoka__malloc(cap * sizeof *n) : hyoka__realloc(k->items, cap * sizeof *n);
        if (!n) {
            fail(w, hyoka__nomem());
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

/* Writes a project up to (and including) the opening of its children
 * array; returns true when it has children to write. */
typedef bool (*project_head_fn)(struct writer *w, const hyoka_project *p);
/* Writes what follows the children array and closes the project. */
typedef void (*project_tail_fn)(struct writer *w, const hyoka_project *p);

static void write_project_tree(struct writer *w, const hyoka_project *root, project_head_fn head,
                               project_tail_fn tail)
{
    struct walk k;

    walk_init(&k);
    sep(w);
    if (!head(w, root))
        tail(w, root);
    else
        walk_push(&k, w, root);
    while (k.count > 0 && w->err == HYOKA_OK) {
        struct frame *top = &k.items[k.count - 1];

        if (top->next < top->p->children.count) {
            const hyoka_project *c = top->p->children.items[top->next++];

            sep(w);
            if (!head(w, c))
                tail(w, c);
            else
                walk_push(&k, w, c);
        } else {
            close_c(w, ']');
            tail(w, top->p);
            k.count--;
        }
    }
    walk_release(&k);
}

/* ------------------------------------------------------------------------ */
/* hyoka/1                                                                   */

static void write_class_path(struct writer *w, const char *name, const struct hyoka__class_path *path)
{
    if (path->count == 0)
        return;
    key(w, name);
    open_c(w, '[');
    for (size_t i = 0; i < path->count; i++) {
        const struct hyoka__class_level *l = &path->items[i];

        sep(w);
        open_c(w, '{');
        m_string(w, "level", l->level);
        m_string(w, "code", l->code);
        m_string(w, "name", l->name);
        close_c(w, '}');
    }
    close_c(w, ']');
}

/* An object of optional text members named @p keys, from texts[0..n). */
static void write_text_object(struct writer *w, const char *name, const char *const *keys, char *const *texts,
                              size_t n)
{
    size_t i;

    for (i = 0; i < n && !texts[i]; i++)
        ;
    if (i == n)
        return;
    key(w, name);
    open_c(w, '{');
    for (i = 0; i < n; i++)
        m_string(w, keys[i], texts[i]);
    close_c(w, '}');
}

static void write_kv(struct writer *w, const char *name, const struct hyoka__kvlist *l)
{
    if (l->count == 0)
        return;
    key(w, name);
    open_c(w, '{');
    for (size_t i = 0; i < l->count; i++) {
        key_text(w, l->items[i].key);
        put_string(w, l->items[i].value);
    }
    close_c(w, '}');
}

static void write_staff(struct writer *w, const hyoka_staff *s)
{
    static const char *const names[HYOKA__STAFF_FIELD_COUNT] = {
        "headcount", "fte", "hours", "unit_cost", "hourly_rate", "amount",
    };

    sep(w);
    open_c(w, '{');
    m_enum(w, "category", HYOKA_ENUM_STAFF_CATEGORY, s->category);
    for (int f = HYOKA_STAFF_HEADCOUNT; f <= HYOKA_STAFF_HOURS; f++)
        if (HAS(s->present, f)) {
            key(w, names[f]);
            put_decimal(w, &s->dec[f], false);
        }
    for (int f = HYOKA_STAFF_UNIT_COST; f <= HYOKA_STAFF_AMOUNT; f++)
        if (HAS(s->present, f)) {
            key(w, names[f]);
            put_money(w, s->amount[f - HYOKA_STAFF_UNIT_COST]);
        }
    close_c(w, '}');
}

/* The unit a stated figure is written in without saying so. */
static int implied_unit(const struct writer *w, int figure)
{
    if (is_money_figure(figure))
        return w->unit;
    if (is_per_head_figure(figure) && w->pf->rounding[figure].set)
        return w->pf->rounding[figure].unit;
    return HYOKA_UNIT_YEN;
}

static void write_costs(struct writer *w, const hyoka_costs *c)
{
    static const char *const money_names[] = {"initial_budget", "final_budget", "settlement"};
    static const char *const count_names[] = {"usage", "beneficiaries", "population", "households"};
    uint32_t p = c->present;

    sep(w);
    open_c(w, '{');
    m_int(w, "fiscal_year", c->fiscal_year);
    m_enum(w, "phase", HYOKA_ENUM_PHASE, c->phase);
    for (int f = HYOKA_COST_INITIAL_BUDGET; f <= HYOKA_COST_SETTLEMENT; f++)
        if (HAS(p, f)) {
            key(w, money_names[f]);
            put_money(w, c->value[f]);
        }
    if (p & (((1u << (HYOKA_COST_GENERAL + 1)) - 1) & ~((1u << HYOKA_COST_NATIONAL) - 1))) {
        key(w, "funding");
        open_c(w, '{');
        for (int f = HYOKA_COST_NATIONAL; f <= HYOKA_COST_GENERAL; f++)
            if (HAS(p, f)) {
                key(w, funding_keys[f - HYOKA_COST_NATIONAL]);
                put_money(w, c->value[f]);
            }
        close_c(w, '}');
    }
    if (c->staff.count > 0) {
        key(w, "staff");
        open_c(w, '[');
        for (size_t i = 0; i < c->staff.count; i++)
            write_staff(w, c->staff.items[i]);
        close_c(w, ']');
    }
    if (HAS(p, HYOKA_COST_DEBT_SERVICE)) {
        key(w, "debt_service");
        put_money(w, c->value[HYOKA_COST_DEBT_SERVICE]);
    }
    if (HAS(p, HYOKA_COST_INDIRECT)) {
        key(w, "indirect_costs");
        put_money(w, c->value[HYOKA_COST_INDIRECT]);
    }
    for (int f = HYOKA_COST_USAGE; f <= HYOKA_COST_HOUSEHOLDS; f++)
        if (HAS(p, f))
            m_int(w, count_names[f - HYOKA_COST_USAGE], c->value[f]);
    if (c->stated_present) {
        key(w, "stated");
        open_c(w, '{');
        for (int f = 0; f < HYOKA__YEAR_FIGURE_COUNT; f++) {
            if (!HAS(c->stated_present, f))
                continue;
            key(w, figure_names[f]);
            if (c->st->unit[f] == implied_unit(w, f)) {
                put_decimal(w, &c->st->value[f], true);
            } else {
                open_c(w, '{');
                key(w, "value");
                put_decimal(w, &c->st->value[f], true);
                m_enum(w, "unit", HYOKA_ENUM_UNIT, c->st->unit[f]);
                close_c(w, '}');
            }
        }
        close_c(w, '}');
    }
    close_c(w, '}');
}

static void write_indicator(struct writer *w, const hyoka_indicator *ind)
{
    static const char *const value_names[HYOKA__VALUE_FIELD_COUNT] = {
        "target", "actual", "forecast", "stated_achievement",
    };

    sep(w);
    open_c(w, '{');
    m_enum(w, "kind", HYOKA_ENUM_INDICATOR_KIND, ind->kind);
    m_string(w, "name", ind->text[HYOKA_INDICATOR_NAME]);
    m_string(w, "unit", ind->text[HYOKA_INDICATOR_UNIT]);
    m_string(w, "definition", ind->text[HYOKA_INDICATOR_DEFINITION]);
    m_enum(w, "direction", HYOKA_ENUM_DIRECTION, ind->direction);
    if (ind->not_settable) {
        key(w, "not_settable");
        put(w, "true", 4);
    }
    m_string(w, "not_settable_reason", ind->text[HYOKA_INDICATOR_NOT_SETTABLE_REASON]);
    if (ind->value_count > 0) {
        key(w, "values");
        open_c(w, '[');
        for (size_t i = 0; i < ind->value_count; i++) {
            const struct hyoka__ivalue *v = &ind->values[i];

            sep(w);
            open_c(w, '{');
            m_int(w, "fiscal_year", v->fiscal_year);
            for (int f = 0; f < HYOKA__VALUE_FIELD_COUNT; f++)
                if (HAS(v->present, f)) {
                    key(w, value_names[f]);
                    put_decimal(w, &v->v[f], f == HYOKA_VALUE_STATED_ACHIEVEMENT);
                }
            close_c(w, '}');
        }
        close_c(w, ']');
    }
    if (ind->has_long_term || ind->long_term_year != 0 || ind->text[HYOKA_INDICATOR_LONG_TERM_NOTE]) {
        key(w, "long_term_target");
        open_c(w, '{');
        if (ind->has_long_term) {
            key(w, "value");
            put_decimal(w, &ind->long_term, false);
        }
        m_year(w, "fiscal_year", ind->long_term_year);
        m_string(w, "note", ind->text[HYOKA_INDICATOR_LONG_TERM_NOTE]);
        close_c(w, '}');
    }
    close_c(w, '}');
}

static void write_evaluation(struct writer *w, const hyoka_evaluation *e)
{
    sep(w);
    open_c(w, '{');
    m_enum(w, "stage", HYOKA_ENUM_STAGE, e->stage);
    m_string(w, "scheme", e->text[HYOKA_EVAL_SCHEME]);
    m_year(w, "fiscal_year", e->fiscal_year);
    m_date(w, "date", e->date);
    m_string(w, "evaluator", e->text[HYOKA_EVAL_EVALUATOR]);
    m_string(w, "verdict", e->text[HYOKA_EVAL_VERDICT]);
    m_string(w, "budget", e->text[HYOKA_EVAL_BUDGET]);
    write_kv(w, "scores", &e->answers);
    if (e->expected_outcome != HYOKA_UNSET || e->expected_cost != HYOKA_UNSET) {
        key(w, "expected");
        open_c(w, '{');
        m_enum(w, "outcome", HYOKA_ENUM_EXPECTED_OUTCOME, e->expected_outcome);
        m_enum(w, "cost", HYOKA_ENUM_EXPECTED_COST, e->expected_cost);
        close_c(w, '}');
    }
    write_kv(w, "comments", &e->comments);
    if (e->goal_count > 0) {
        key(w, "goals");
        open_c(w, '[');
        for (size_t i = 0; i < e->goal_count; i++) {
            const struct hyoka__goal *g = &e->goals[i];

            sep(w);
            open_c(w, '{');
            m_string(w, "what", g->what);
            m_string(w, "level", g->level);
            m_date(w, "by", g->by);
            close_c(w, '}');
        }
        close_c(w, ']');
    }
    close_c(w, '}');
}

static bool doc_project_head(struct writer *w, const hyoka_project *p)
{
    open_c(w, '{');
    m_string(w, "code", p->text[HYOKA_TEXT_CODE]);
    m_string(w, "name", p->text[HYOKA_TEXT_NAME]);
    write_text_object(w, "organization", organization_keys, &p->text[HYOKA_TEXT_DEPARTMENT],
                      sizeof organization_keys / sizeof organization_keys[0]);
    write_class_path(w, "policy", &p->cls[HYOKA_CLASS_POLICY]);
    write_class_path(w, "account", &p->cls[HYOKA_CLASS_ACCOUNT]);
    m_enum(w, "duty", HYOKA_ENUM_DUTY, p->duty);
    m_enum(w, "period", HYOKA_ENUM_PERIOD, p->period);
    m_year(w, "start_fiscal_year", p->start_year);
    m_year(w, "end_fiscal_year", p->end_year);
    m_string(w, "legal_basis", p->text[HYOKA_TEXT_LEGAL_BASIS]);
    write_text_object(w, "texts", text_keys, &p->text[HYOKA_TEXT_PURPOSE], sizeof text_keys / sizeof text_keys[0]);
    if (p->years.count > 0) {
        key(w, "years");
        open_c(w, '[');
        for (size_t i = 0; i < p->years.count; i++)
            write_costs(w, p->years.items[i]);
        close_c(w, ']');
    }
    if (p->indicators.count > 0) {
        key(w, "indicators");
        open_c(w, '[');
        for (size_t i = 0; i < p->indicators.count; i++)
            write_indicator(w, p->indicators.items[i]);
        close_c(w, ']');
    }
    if (p->evaluations.count > 0) {
        key(w, "evaluations");
        open_c(w, '[');
        for (size_t i = 0; i < p->evaluations.count; i++)
            write_evaluation(w, p->evaluations.items[i]);
        close_c(w, ']');
    }
    if (p->children.count == 0)
        return false;
    key(w, "children");
    open_c(w, '[');
    return true;
}

static void doc_project_tail(struct writer *w, const hyoka_project *p)
{
    write_kv(w, "extensions", &p->extensions);
    close_c(w, '}');
}

static void write_scheme(struct writer *w, const hyoka_scheme *s)
{
    sep(w);
    open_c(w, '{');
    m_string(w, "id", s->id);
    m_string(w, "name", s->name);
    if (s->criterion_count > 0) {
        key(w, "criteria");
        open_c(w, '[');
        for (size_t i = 0; i < s->criterion_count; i++) {
            const struct hyoka__criterion *c = &s->criteria[i];

            sep(w);
            open_c(w, '{');
            m_string(w, "code", c->code);
            m_string(w, "label", c->label);
            key(w, "weight");
            put_decimal(w, &c->weight, false);
            if (c->required) {
                key(w, "required");
                put(w, "true", 4);
            }
            if (c->option_count > 0) {
                key(w, "options");
                open_c(w, '[');
                for (size_t j = 0; j < c->option_count; j++) {
                    const struct hyoka__option *o = &c->options[j];

                    sep(w);
                    open_c(w, '{');
                    m_string(w, "code", o->code);
                    m_string(w, "label", o->label);
                    if (o->has_score) {
                        key(w, "score");
                        put_decimal(w, &o->score, false);
                    }
                    close_c(w, '}');
                }
                close_c(w, ']');
            }
            if (c->numeric) {
                key(w, "range");
                open_c(w, '{');
                if (c->has_min) {
                    key(w, "min");
                    put_decimal(w, &c->min, false);
                }
                if (c->has_max) {
                    key(w, "max");
                    put_decimal(w, &c->max, false);
                }
                close_c(w, '}');
            }
            close_c(w, '}');
        }
        close_c(w, ']');
    }
    if (s->verdict_count > 0) {
        key(w, "verdicts");
        open_c(w, '[');
        for (size_t i = 0; i < s->verdict_count; i++) {
            sep(w);
            open_c(w, '{');
            m_string(w, "code", s->verdicts[i].code);
            m_string(w, "label", s->verdicts[i].label);
            m_enum(w, "group", HYOKA_ENUM_VERDICT_GROUP, s->verdicts[i].group);
            close_c(w, '}');
        }
        close_c(w, ']');
    }
    if (s->budget_count > 0) {
        key(w, "budget_directions");
        open_c(w, '[');
        for (size_t i = 0; i < s->budget_count; i++) {
            sep(w);
            open_c(w, '{');
            m_string(w, "code", s->budgets[i].code);
            m_string(w, "label", s->budgets[i].label);
            m_enum(w, "kind", HYOKA_ENUM_BUDGET_KIND, s->budgets[i].kind);
            close_c(w, '}');
        }
        close_c(w, ']');
    }
    if (s->band_count > 0 || s->missing_code) {
        key(w, "rating");
        open_c(w, '{');
        if (s->band_count > 0) {
            key(w, "bands");
            open_c(w, '[');
            for (size_t i = 0; i < s->band_count; i++) {
                sep(w);
                open_c(w, '{');
                key(w, "min");
                put_decimal(w, &s->bands[i].min, false);
                m_string(w, "code", s->bands[i].code);
                m_string(w, "label", s->bands[i].label);
                close_c(w, '}');
            }
            close_c(w, ']');
        }
        if (s->missing_code) {
            key(w, "missing");
            open_c(w, '{');
            m_string(w, "code", s->missing_code);
            m_string(w, "label", s->missing_label);
            close_c(w, '}');
        }
        close_c(w, '}');
    }
    close_c(w, '}');
}

static void write_document(struct writer *w, const hyoka_portfolio *pf)
{
    bool any_rounding = false;

    open_c(w, '{');
    key(w, "format");
    put(w, "\"hyoka/1\"", 9);
    m_enum(w, "amount_unit", HYOKA_ENUM_UNIT, w->unit);
    if (pf->municipality_name || pf->municipality_code) {
        key(w, "municipality");
        open_c(w, '{');
        m_string(w, "name", pf->municipality_name);
        m_string(w, "code", pf->municipality_code);
        close_c(w, '}');
    }
    if (pf->denominator_count > 0) {
        key(w, "denominators");
        open_c(w, '[');
        for (size_t i = 0; i < pf->denominator_count; i++) {
            const struct hyoka__denominator *d = &pf->denominators[i];

            sep(w);
            open_c(w, '{');
            m_int(w, "fiscal_year", d->fiscal_year);
            if (d->present & 1u)
                m_int(w, "population", d->population);
            if (d->present & 2u)
                m_int(w, "households", d->households);
            close_c(w, '}');
        }
        close_c(w, ']');
    }
    for (int f = 0; f < HYOKA__FIGURE_COUNT; f++)
        any_rounding = any_rounding || pf->rounding[f].set;
    if (any_rounding) {
        key(w, "rounding");
        open_c(w, '{');
        for (int f = 0; f < HYOKA__FIGURE_COUNT; f++) {
            const struct hyoka__rounding_rule *r = &pf->rounding[f];

            if (!r->set)
                continue;
            key(w, figure_names[f]);
            open_c(w, '{');
            m_int(w, "places", r->places);
            m_enum(w, "mode", HYOKA_ENUM_ROUNDING, r->mode);
            if (is_per_head_figure(f))
                m_enum(w, "unit", HYOKA_ENUM_UNIT, r->unit);
            close_c(w, '}');
        }
        close_c(w, '}');
    }
    if (pf->stated_tolerance != 0)
        m_int(w, "stated_tolerance", pf->stated_tolerance);
    if (pf->schemes.count > 0) {
        key(w, "schemes");
        open_c(w, '[');
        for (size_t i = 0; i < pf->schemes.count; i++)
            write_scheme(w, pf->schemes.items[i]);
        close_c(w, ']');
    }
    key(w, "projects");
    open_c(w, '[');
    for (size_t i = 0; i < pf->projects.count && w->err == HYOKA_OK; i++)
        write_project_tree(w, pf->projects.items[i], doc_project_head, doc_project_tail);
    close_c(w, ']');
    close_c(w, '}');
}

int hyoka_json_write(const hyoka_portfolio *portfolio, unsigned flags, char **out, size_t *len)
{
    static const char fn[] = "hyoka_json_write";
    struct writer w;

    if (!portfolio || !out)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL", fn, !portfolio ? "portfolio" : "out");
    if (flags & ~(HYOKA_WRITE_COMPACT | HYOKA_WRITE_YEN))
        return hyoka__fail(HYOKA_EINVAL, "%s: unknown flags 0x%x", fn, flags & ~(HYOKA_WRITE_COMPACT | HYOKA_WRITE_YEN));
    writer_init(&w, !(flags & HYOKA_WRITE_COMPACT));
    w.pf = portfolio;
    w.unit = (flags & HYOKA_WRITE_YEN) ? HYOKA_UNIT_YEN : portfolio->amount_unit;
    write_document(&w, portfolio);
    return writer_finish(&w, out, len);
}

/* ------------------------------------------------------------------------ */
/* Writing a file                                                            */

static int io_fail(const char *what, const char *path, int err)
{
    char msg[256];

    if (strerror_r(err, msg, sizeof msg) != 0)
        snprintf(msg, sizeof msg, "error %d", err);
    return hyoka__fail(HYOKA_EIO, "hyoka_json_write_file: %s \"%s\": %s", what, path, msg);
}

/* Room for the suffix of a temporary file name (".%lx.tmp") and a NUL. */
#define TEMP_SUFFIX_MAX 32

/* Create a new file beside @p path (same directory, so the final rename is
 * atomic) with a name nobody else uses; its name goes to @p tmp. */
static int create_temp(const char *path, char *tmp, size_t size, int *fd)
{
    struct timespec ts;
    unsigned long seed;

    clock_gettime(CLOCK_REALTIME, &ts);
    seed = (unsigned long)ts.tv_nsec ^ ((unsigned long)ts.tv_sec << 20) ^ ((unsigned long)getpid() << 8) ^
           (unsigned long)(uintptr_t)tmp;
    for (int attempt = 0; attempt < 100; attempt++) {
        seed = seed * 6364136223846793005ul + 1442695040888963407ul;
        snprintf(tmp, size, "%s.%lx.tmp", path, (seed >> 16) & 0xffffffful);
        *fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (*fd >= 0)
            return HYOKA_OK;
        if (errno != EEXIST)
            return io_fail("cannot create a temporary file for", path, errno);
    }
    return io_fail("cannot create a temporary file for", path, EEXIST);
}

/* The text goes to a new file beside @p path as it is made (through a
 * bounded buffer), is flushed to disk and then renamed over @p path:
 * readers see the old file or the whole new one, never a part, and a
 * failure leaves no file behind. A new file gets the permissions fopen()
 * would give it; a replaced file keeps its mode. A symbolic link at
 * @p path is replaced, not followed. */
int hyoka_json_write_file(const hyoka_portfolio *portfolio, unsigned flags, const char *path)
{
    static const char fn[] = "hyoka_json_write_file";
    struct writer w;
    char *tmp;
    size_t plen;
    struct stat st;
    int fd = -1, rc;

    if (!portfolio || !path)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL", fn, !portfolio ? "portfolio" : "path");
    if (!path[0])
        return hyoka__fail(HYOKA_EINVAL, "%s: path is empty", fn);
    if (flags & ~(HYOKA_WRITE_COMPACT | HYOKA_WRITE_YEN))
        return hyoka__fail(HYOKA_EINVAL, "%s: unknown flags 0x%x", fn, flags & ~(HYOKA_WRITE_COMPACT | HYOKA_WRITE_YEN));
    plen = strlen(path);
    if (plen > SIZE_MAX - TEMP_SUFFIX_MAX)
        return hyoka__fail(HYOKA_EINVAL, "%s: path too long", fn);
    tmp = hyoka__malloc(plen + TEMP_SUFFIX_MAX);
    if (!tmp)
        return hyoka__nomem();
    rc = create_temp(path, tmp, plen + TEMP_SUFFIX_MAX, &fd);
    if (rc != HYOKA_OK) {
        hyoka__free(tmp);
        return rc;
    }
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
        (void)fchmod(fd, st.st_mode & 07777);

    writer_init(&w, !(flags & HYOKA_WRITE_COMPACT));
    w.pf = portfolio;
    w.unit = (flags & HYOKA_WRITE_YEN) ? HYOKA_UNIT_YEN : portfolio->amount_unit;
    w.fd = fd;
    w.fd_name = tmp;
    write_document(&w, portfolio);
    if (w.pretty)
        put_char(&w, '\n');
    if (w.err == HYOKA_OK)
        flush(&w);
    hyoka__free(w.buf);
    rc = w.err;
    if (rc == HYOKA_OK && fsync(fd) != 0 && errno != EINVAL && errno != EROFS)
        rc = io_fail("cannot write", tmp, errno);
    if (close(fd) != 0 && rc == HYOKA_OK)
        rc = io_fail("cannot write", tmp, errno);
    if (rc == HYOKA_OK && rename(tmp, path) != 0)
        rc = io_fail("cannot replace", path, errno);
    if (rc != HYOKA_OK)
        unlink(tmp);
    hyoka__free(tmp);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Diagnostics                                                               */

static void write_diagnostics(struct writer *w, const hyoka_report *report)
{
    open_c(w, '[');
    for (size_t i = 0; report && i < report->count && w->err == HYOKA_OK; i++) {
        const struct hyoka__diag *d = &report->items[i];
        const char *sev = hyoka_enum_name(HYOKA_ENUM_SEVERITY, d->severity);

        sep(w);
        open_c(w, '{');
        m_string(w, "code", d->code);
        m_string_or_null(w, "severity", sev);
        m_string(w, "path", d->path ? d->path : "");
        if (d->line > 0)
            m_int(w, "line", d->line);
        else
            m_null(w, "line");
        if (d->column > 0)
            m_int(w, "column", d->column);
        else
            m_null(w, "column");
        m_string_or_null(w, "message", w->lang == HYOKA_LANG_JA ? d->ja : d->en);
        close_c(w, '}');
    }
    close_c(w, ']');
}

static int check_lang(const char *fn, int lang)
{
    if (lang != HYOKA_LANG_EN && lang != HYOKA_LANG_JA)
        return hyoka__fail(HYOKA_EINVAL, "%s: %d is not a language (HYOKA_LANG_EN or HYOKA_LANG_JA)", fn, lang);
    return HYOKA_OK;
}

int hyoka_report_write_json(const hyoka_report *report, unsigned flags, int lang, char **out, size_t *len)
{
    static const char fn[] = "hyoka_report_write_json";
    struct writer w;
    int rc;

    if (!report || !out)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL", fn, !report ? "report" : "out");
    if (flags & ~HYOKA_WRITE_COMPACT)
        return hyoka__fail(HYOKA_EINVAL, "%s: unknown flags 0x%x", fn, flags & ~HYOKA_WRITE_COMPACT);
    rc = check_lang(fn, lang);
    if (rc != HYOKA_OK)
        return rc;
    writer_init(&w, !(flags & HYOKA_WRITE_COMPACT));
    w.lang = lang;
    write_diagnostics(&w, report);
    return writer_finish(&w, out, len);
}

/* ------------------------------------------------------------------------ */
/* hyoka-metrics/1                                                           */

#define MAX_UNAVAILABLE HYOKA__YEAR_FIGURE_COUNT

struct unavailable {
    int figure[MAX_UNAVAILABLE];
    int reason[MAX_UNAVAILABLE];
    int count;
};

/* The message of a reason for one fiscal year: "no households for 2007"
 * (the phrase "the fiscal year" / 当該年度 replaced by the year), else the
 * message with the year after it: "no usage count (fiscal year 2007)" /
 * "利用数がない（2007年度）". Without a year, the message alone. */
static void put_reason(struct writer *w, int reason, int32_t fiscal_year)
{
    const char *msg = hyoka_reason_message(reason, w->lang);
    const char *phrase = w->lang == HYOKA_LANG_JA ? "当該年度" : "the fiscal year";
    const char *at;
    char text[512];
    int n;

    if (!msg)
        msg = hyoka_reason_message(HYOKA_REASON_NONE, w->lang);
    if (!msg || fiscal_year == 0) {
        put_string(w, msg ? msg : "");
        return;
    }
    at = strstr(msg, phrase);
    if (at)
        n = snprintf(text, sizeof text, "%.*s%ld%s%s", (int)(at - msg), msg, (long)fiscal_year,
                     w->lang == HYOKA_LANG_JA ? "年度" : "", at + strlen(phrase));
    else if (w->lang == HYOKA_LANG_JA)
        n = snprintf(text, sizeof text, "%s（%ld年度）", msg, (long)fiscal_year);
    else
        n = snprintf(text, sizeof text, "%s (fiscal year %ld)", msg, (long)fiscal_year);
    if (n < 0 || (size_t)n >= sizeof text) {
        put_string(w, msg);
        return;
    }
    put_string_n(w, text, (size_t)n);
}

static void write_unavailable(struct writer *w, const struct unavailable *u, int32_t fiscal_year)
{
    if (u->count == 0)
        return;
    key(w, "unavailable");
    open_c(w, '{');
    for (int i = 0; i < u->count; i++) {
        key(w, figure_names[u->figure[i]]);
        put_reason(w, u->reason[i], fiscal_year);
    }
    close_c(w, '}');
}

/* Write the member of a figure from the result of its computation. */
static void put_figure(struct writer *w, struct unavailable *u, int figure, int rc, const hyoka_decimal *value,
                       int reason)
{
    key(w, figure_names[figure]);
    if (rc == HYOKA_OK) {
        if (is_money_figure(figure) && hyoka_decimal_scale(value) == 0)
            put_int(w, hyoka_decimal_coefficient(value));
        else
            put_decimal(w, value, true);
        return;
    }
    if (rc == HYOKA_EUNAVAILABLE) {
        put(w, "null", 4);
        if (u->count < MAX_UNAVAILABLE) {
            u->figure[u->count] = figure;
            u->reason[u->count] = reason;
            u->count++;
        }
        return;
    }
    fail(w, rc);
}

static void metrics_year(struct writer *w, const hyoka_costs *c)
{
    struct unavailable u;

    u.count = 0;
    sep(w);
    open_c(w, '{');
    m_int(w, "fiscal_year", c->fiscal_year);
    for (int f = 0; f < HYOKA__YEAR_FIGURE_COUNT && w->err == HYOKA_OK; f++) {
        hyoka_decimal v = {{0, 0}};
        int reason = HYOKA_REASON_NONE;
        int rc = hyoka__costs_figure_in(c, f, &w->years, &v, &reason);

        put_figure(w, &u, f, rc, &v, reason);
    }
    write_unavailable(w, &u, c->fiscal_year);
    close_c(w, '}');
}

static void metrics_indicator(struct writer *w, const hyoka_indicator *ind)
{
    static const int figures[] = {HYOKA_FIG_ACHIEVEMENT, HYOKA_FIG_CHANGE};

    sep(w);
    open_c(w, '{');
    if (ind->kind != HYOKA_UNSET)
        m_enum(w, "kind", HYOKA_ENUM_INDICATOR_KIND, ind->kind);
    else
        m_null(w, "kind");
    m_string_or_null(w, "name", ind->text[HYOKA_INDICATOR_NAME]);
    key(w, "values");
    open_c(w, '[');
    for (size_t i = 0; i < ind->value_count && w->err == HYOKA_OK; i++) {
        int32_t fy = ind->values[i].fiscal_year;
        struct unavailable u;

        u.count = 0;
        sep(w);
        open_c(w, '{');
        m_int(w, "fiscal_year", fy);
        for (size_t j = 0; j < sizeof figures / sizeof figures[0]; j++) {
            hyoka_decimal v = {{0, 0}};
            int reason = HYOKA_REASON_NONE;
            int rc = hyoka__indicator_figure(ind, fy, figures[j], &v, &reason);

            put_figure(w, &u, figures[j], rc, &v, reason);
        }
        write_unavailable(w, &u, fy);
        close_c(w, '}');
    }
    close_c(w, ']');
    close_c(w, '}');
}

static void metrics_evaluation(struct writer *w, const hyoka_evaluation *e)
{
    struct unavailable u;
    hyoka_decimal v = {{0, 0}};
    const char *code = NULL;
    int reason = HYOKA_REASON_NONE;
    int rc;

    u.count = 0;
    sep(w);
    open_c(w, '{');
    if (e->stage != HYOKA_UNSET)
        m_enum(w, "stage", HYOKA_ENUM_STAGE, e->stage);
    else
        m_null(w, "stage");
    if (e->fiscal_year != 0)
        m_int(w, "fiscal_year", e->fiscal_year);
    else
        m_null(w, "fiscal_year");
    m_string_or_null(w, "verdict", e->text[HYOKA_EVAL_VERDICT]);
    rc = hyoka__evaluation_score(e, &v, &reason);
    put_figure(w, &u, HYOKA_FIG_SCORE, rc, &v, reason);
    reason = HYOKA_REASON_NONE;
    rc = hyoka__evaluation_rating(e, &code, NULL, &reason);
    key(w, "rating");
    if (rc == HYOKA_OK && code) {
        put_string(w, code);
    } else if (rc == HYOKA_OK || rc == HYOKA_EUNAVAILABLE) {
        put(w, "null", 4);
        if (rc == HYOKA_OK)
            reason = HYOKA_REASON_NO_BANDS;
        if (u.count < MAX_UNAVAILABLE) {
            u.figure[u.count] = -1; /* the rating */
            u.reason[u.count] = reason;
            u.count++;
        }
    } else {
        fail(w, rc);
    }
    if (u.count > 0) {
        key(w, "unavailable");
        open_c(w, '{');
        for (int i = 0; i < u.count; i++) {
            key(w, u.figure[i] < 0 ? "rating" : figure_names[u.figure[i]]);
            put_reason(w, u.reason[i], e->fiscal_year);
        }
        close_c(w, '}');
    }
    close_c(w, '}');
}

static bool metrics_project_head(struct writer *w, const hyoka_project *p)
{
    open_c(w, '{');
    m_string_or_null(w, "code", p->text[HYOKA_TEXT_CODE]);
    m_string_or_null(w, "name", p->text[HYOKA_TEXT_NAME]);
    key(w, "years");
    open_c(w, '[');
    hyoka__year_index_build(&w->years, p);
    for (size_t i = 0; i < p->years.count && w->err == HYOKA_OK; i++)
        metrics_year(w, p->years.items[i]);
    close_c(w, ']');
    key(w, "indicators");
    open_c(w, '[');
    for (size_t i = 0; i < p->indicators.count && w->err == HYOKA_OK; i++)
        metrics_indicator(w, p->indicators.items[i]);
    close_c(w, ']');
    key(w, "evaluations");
    open_c(w, '[');
    for (size_t i = 0; i < p->evaluations.count && w->err == HYOKA_OK; i++)
        metrics_evaluation(w, p->evaluations.items[i]);
    close_c(w, ']');
    key(w, "children");
    open_c(w, '[');
    if (p->children.count > 0)
        return true;
    close_c(w, ']');
    return false;
}

static void metrics_project_tail(struct writer *w, const hyoka_project *p)
{
    (void)p;
    close_c(w, '}');
}

int hyoka_metrics_write(const hyoka_portfolio *portfolio, const hyoka_report *report, unsigned flags, int lang,
                        char **out, size_t *len)
{
    static const char fn[] = "hyoka_metrics_write";
    struct writer w;
    int rc;

    if (!portfolio || !out)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL", fn, !portfolio ? "portfolio" : "out");
    if (flags & ~HYOKA_WRITE_COMPACT)
        return hyoka__fail(HYOKA_EINVAL, "%s: unknown flags 0x%x", fn, flags & ~HYOKA_WRITE_COMPACT);
    rc = check_lang(fn, lang);
    if (rc != HYOKA_OK)
        return rc;
    writer_init(&w, !(flags & HYOKA_WRITE_COMPACT));
    w.pf = portfolio;
    w.lang = lang;
    w.unit = HYOKA_UNIT_YEN;
    open_c(&w, '{');
    key(&w, "format");
    put(&w, "\"hyoka-metrics/1\"", 17);
    key(&w, "projects");
    open_c(&w, '[');
    for (size_t i = 0; i < portfolio->projects.count && w.err == HYOKA_OK; i++)
        write_project_tree(&w, portfolio->projects.items[i], metrics_project_head, metrics_project_tail);
    hyoka__year_index_release(&w.years);
    close_c(&w, ']');
    key(&w, "diagnostics");
    write_diagnostics(&w, report);
    close_c(&w, '}');
    return writer_finish(&w, out, len);
}
