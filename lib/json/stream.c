/* json_stream: a hyoka/1 document read one top-level project at a time
 * (include/hyoka/stream.h, docs/streaming.md).
 *
 * The parser of read.c does the reading, with the same frames, diagnostics
 * and model as a whole-document read; this file only decides how much of
 * it runs at a time and what text it sees:
 * - the header: the root object is parsed until its projects array opens,
 *   where hyoka__json_step() pauses (reader->pause_projects). A memory or
 *   file stream then scans over the array (scan.c, nothing built) and, when
 *   members follow it, parses them at once, so that the header is whole
 *   before the first project; the root frames are put back as they were.
 * - each project: hyoka__json_step(r, 2) reads one element of the projects
 *   array (its comma included) into the stream's portfolio, its records
 *   carved from an arena of its own that goes with it.
 * - the end: the array closes, the rest of the root is read, the text must
 *   end there, and hyoka__json_finish() runs, as in a whole read.
 * Settings are known before the first project, so amounts are converted as
 * they are read (never held in thousandths).
 *
 * Text: a memory stream parses the caller's text; a file stream its
 * mapping (pages left behind are given back, read.c). A callback stream
 * keeps a window: before each project the bytes already read are dropped
 * and the window is filled until it holds the next element whole (scan.c
 * finds its end). The two frames below the project then point at text
 * that is gone: their positions move to two marks of the stream whose line
 * and column are kept, and the key of the root frame becomes "projects"
 * (that member's name); hyoka__stream_position() gives lines and columns
 * of the window from the line and column of its first byte. */
#include "lex.h"
#include "scan.h"
#include "hyoka/stream.h"
#include "hyoka/portfolio.h"
#include "hyoka/project.h"
#include "util/fsio.h"

#include <stdio.h>
#include <string.h>

enum { SRC_MEMORY, SRC_FILE, SRC_CALLBACK };
enum { ST_PROJECTS, ST_DONE };

/* Bytes asked of a callback source at a time. */
#define CHUNK ((size_t)1 << 16)

struct hyoka_stream {
    struct hyoka__json_reader *r;
    hyoka_portfolio *pf;
    hyoka_report *report;
    hyoka_read_options opt;
    int source, state, status; /* status: what hyoka_stream_next() returns once done */
    int detoured;              /* the members after the projects were read at open */
    struct hyoka__file_data file; /* SRC_FILE; or a FIFO, device or socket read as a callback source */
    char *path;                   /* of a piped file, for messages */
    int pipe_err;                 /* the system's error reading it */
    /* a callback source and its window */
    hyoka_source_fn fn;
    void *user;
    char *win;
    size_t len, cap;
    uint64_t total;            /* bytes taken from the source */
    int eof;
    int64_t line0, col0;       /* line and column of the window's first byte */
    char marks[2];             /* where the root and projects frames start, once their text is gone */
    int64_t mark_line[2], mark_col[2];
    /* the current project */
    hyoka_project *current;
    struct hyoka__arena *arena;
    size_t index;
    const char *ptext, *pend; /* its text: from before its '{' to after its '}' */
    /* P003: the first index of each top-level code, kept unless the rules
     * of the report given at open exclude P003 */
    struct hyoka__strpool codes;
    bool keep_codes;
};

/* ------------------------------------------------------------------------ */
/* The window of a callback source                                           */

void hyoka__stream_position(struct hyoka_stream *s, const char *pos, int64_t *line, int64_t *col)
{
    struct hyoka__json_reader *r = s->r;

    for (int i = 0; i < 2; i++) {
        if (pos == &s->marks[i]) {
            *line = s->mark_line[i];
            *col = s->mark_col[i];
            return;
        }
    }
    if (pos < r->lc.at && s->source == SRC_CALLBACK) { /* back from the window's first line and column */
        hyoka__json_lines_init(&r->lc, r->text, r->end);
        r->lc.line = s->line0;
        r->lc.col = s->col0;
    }
    hyoka__json_lines_at(&r->lc, pos, line, col);
}

/* A pointer *at into the window, after the window moved from @p old (the
 * window's length unchanged); one elsewhere (a mark, a name) is left. */
static void rebase_one(struct hyoka_stream *s, const char *old, const char **at)
{
    uintptr_t a = (uintptr_t)*at, o = (uintptr_t)old;

    if (*at && a >= o && a <= o + s->len)
        *at = s->win + (a - o);
}

/* The reader's pointers into the window, after the window moved from
 * @p old. */
static void rebase(struct hyoka_stream *s, const char *old)
{
    struct hyoka__json_reader *r = s->r;

    if (!r || old == s->win)
        return;
    r->base = s->win + (r->base - old);
    r->text = s->win + (r->text - old);
    r->p = s->win + (r->p - old);
    r->end = r->lc.end = s->win + s->len;
    r->lc.base = s->win + (r->lc.base - old);
    r->lc.at = s->win + (r->lc.at - old);
    hyoka__json_set_released(r, r->base);
    /* the open frames' brackets and member names still in the window, and
     * the names of the members kept to find duplicates */
    for (size_t i = 0; i < r->depth; i++) {
        rebase_one(s, old, &r->frames[i].start);
        rebase_one(s, old, &r->frames[i].key);
    }
    for (size_t i = 0; i < r->nkeys; i++) {
        rebase_one(s, old, &r->keys[i].src);
        rebase_one(s, old, &r->keys[i].pos);
    }
}

static int source_failed(struct hyoka_stream *s)
{
    if (s->file.piped)
        s->status = hyoka__io_fail("hyoka_stream", "cannot read", s->path, s->pipe_err);
    else
        s->status = hyoka__fail(HYOKA_EIO, "hyoka_stream: the source failed after %llu bytes",
                                (unsigned long long)s->total);
    return -1;
}

/* The source of a file that is not a regular one (hyoka_stream_open_file()). */
static int pipe_source(void *user, char *buf, size_t size, size_t *got)
{
    struct hyoka_stream *s = user;

    s->pipe_err = hyoka__fsio_pipe_read(&s->file, buf, size, got);
    return s->pipe_err != 0;
}

/* J006 for a callback source that gave more than max_document bytes. */
static int source_too_large(struct hyoka_stream *s)
{
    struct hyoka__detail d;

    hyoka__json_too_large(&d, 0, s->opt.max_document);
    if (s->report && hyoka__report_admit(s->report, hyoka__codes[HYOKA__J006].code, HYOKA_SEVERITY_ERROR) &&
        hyoka__report_put_detail(s->report, HYOKA__J006, "", 1, 1, d.en, d.ja) != HYOKA_OK) {
        s->status = hyoka__nomem();
        return -1;
    }
    s->status = hyoka__fail(HYOKA_EINVALID, "hyoka_stream: the document is larger than the limit of %zu bytes",
                            s->opt.max_document);
    return -1;
}

/* Take more bytes from the source into the window: 1, 0 at the end, -1 on
 * failure (s->status set). */
static int refill(struct hyoka_stream *s)
{
    size_t got = 0;

    if (s->eof)
        return 0;
    if (s->cap - s->len < CHUNK) {
        const char *old = s->win;
        size_t ncap = s->cap ? s->cap * 2 : 2 * CHUNK;
        char *nw;
        while (ncap - s->len < CHUNK)
            ncap *= 2;
        nw = hyoka__heap_realloc(s->win, ncap + 1);
        if (!nw) {
            s->status = hyoka__nomem();
            return -1;
        }
        s->win = nw;
        s->cap = ncap;
        rebase(s, old);
    }
    if (s->fn(s->user, s->win + s->len, CHUNK, &got) != 0 || got > CHUNK)
        return source_failed(s);
    if (got == 0) {
        s->eof = 1;
        return 0;
    }
    s->len += got;
    s->total += got;
    s->win[s->len] = '\0';
    if (s->r)
        s->r->end = s->r->lc.end = s->win + s->len;
    if (s->total > s->opt.max_document)
        return source_too_large(s);
    return 1;
}

/* Drop the bytes before the reader's position: the frames of the root and
 * the projects array keep their positions through the marks. */
static void compact(struct hyoka_stream *s)
{
    struct hyoka__json_reader *r = s->r;
    size_t keep = (size_t)(r->p - s->win);
    int64_t line, col;

    if (keep == 0)
        return;
    for (size_t i = 0; i < 2 && i < r->depth; i++) {
        struct hyoka__json_frame *f = &r->frames[i];
        if (f->start != &s->marks[i]) {
            hyoka__stream_position(s, f->start, &s->mark_line[i], &s->mark_col[i]);
            f->start = &s->marks[i];
        }
    }
    if (r->depth > 0 && r->frames[0].key) { /* the member being read: "projects" */
        r->frames[0].key = "projects";
        r->frames[0].key_len = 8;
        r->frames[0].key_esc = 0;
    }
    hyoka__stream_position(s, r->p, &line, &col);
    memmove(s->win, r->p, s->len - keep);
    s->len -= keep;
    s->win[s->len] = '\0';
    r->base = r->text = r->p = s->win;
    hyoka__json_set_released(r, s->win);
    r->end = s->win + s->len;
    hyoka__json_lines_init(&r->lc, r->text, r->end);
    s->line0 = r->lc.line = line;
    s->col0 = r->lc.col = col;
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                   */

/* What hyoka_stream_next() returns at the end, from the reader's state. */
static int end_status(struct hyoka_stream *s)
{
    struct hyoka__json_reader *r = s->r;

    if (r->status == HYOKA_ENOMEM)
        return hyoka__nomem();
    if (r->status != HYOKA_OK || r->errors > 0)
        return hyoka__fail(HYOKA_EINVALID, "hyoka_stream: the document has %zu error%s (see the report)", r->errors,
                           r->errors == 1 ? "" : "s");
    return 0;
}

/* Run the parser with the header's arena entered. */
static int parse_header(struct hyoka_stream *s, int (*step)(struct hyoka__json_reader *r, size_t stop), size_t stop)
{
    struct hyoka__arena *prev = hyoka__arena_enter(s->pf->arena);
    int rc = step(s->r, stop);
    hyoka__arena_leave(prev);
    return rc < 0 || s->r->status ? -1 : rc;
}

static int end_text(struct hyoka__json_reader *r, size_t stop)
{
    (void)stop;
    return hyoka__json_end_text(r);
}

/* After the projects array: the rest of the root, the end of the text,
 * the end of the document. Sets the stream done. */
static void finish(struct hyoka_stream *s)
{
    struct hyoka__json_reader *r = s->r;
    int rc = 0;

    s->state = ST_DONE;
    if (s->source == SRC_CALLBACK) {
        int more_rc;
        while ((more_rc = refill(s)) > 0)
            ;
        if (more_rc < 0)
            return;
        if (r->depth == 1) {
            const char *q = hyoka__json_skip_ws(r->p, r->end);
            if (q < r->end && *q == ',') {
                const char *k = hyoka__json_skip_ws(q + 1, r->end), *e = k;
                char name[HYOKA__EXCERPT_MAX];
                if (e < r->end && *e == '"')
                    e = hyoka__scan_value_end(k, r->end);
                if (!e || e - k < 2)
                    e = k + 2 <= r->end ? k + 2 : k;
                /* (a second "projects" is J003, from the parser) */
                if (e - k >= 2 && !(e - k == 10 && memcmp(k, "\"projects\"", 10) == 0))
                    hyoka__json_diag(r, k, PM_OBJECT, HYOKA__MSG(J007),
                                     hyoka__excerpt(k + 1, (size_t)(e - k) - 2, name));
            }
        }
    }
    if (!s->detoured && r->depth > 0 && r->status == HYOKA_OK)
        rc = parse_header(s, hyoka__json_step, 0);
    if (rc == 0 && r->status == HYOKA_OK && !s->detoured)
        rc = parse_header(s, end_text, 0);
    if (rc == 0 && r->status == HYOKA_OK) {
        struct hyoka__arena *prev = hyoka__arena_enter(s->pf->arena);
        hyoka__json_finish(r);
        hyoka__arena_leave(prev);
    }
    s->status = end_status(s);
}

/* Bytes scanned between two gives back of a mapped file's pages. */
#define SCAN_STEP ((size_t)4 << 20)

/* Just after the projects array whose '[' is before r->p, or NULL: scanned
 * over, the pages of a mapped file given back as the scan goes (and read
 * again by the parser). */
static const char *scan_array(struct hyoka__json_reader *r)
{
    const char *from = r->p - 1, *released = r->released;
    size_t total = (size_t)(r->end - from), pos = 0;
    struct hyoka__scan sc = {0};
    int found = 0;

    while (!found && pos < total) {
        size_t stop = total - pos > SCAN_STEP ? pos + SCAN_STEP : total;
        found = hyoka__scan_value(&sc, from, stop, &pos);
        if (!found && r->mapped)
            hyoka__json_release_behind(r, from + pos);
    }
    hyoka__json_set_released(r, released); /* the parser gives them back again from here */
    return found ? from + pos : NULL;
}

/* A memory or file stream paused at its projects array: when members
 * follow the array, read them now (and the end of the text), then put the
 * root frames back. 0, or -1 when reading stopped. */
static int detour(struct hyoka_stream *s)
{
    struct hyoka__json_reader *r = s->r;
    struct hyoka__json_frame saved[2];
    const char *resume = r->p, *close, *q;
    int rc;

    close = scan_array(r);
    if (!close)
        return 0;
    q = hyoka__json_skip_ws(close, r->end);
    if (q >= r->end || *q != ',')
        return 0;
    memcpy(saved, r->frames, sizeof saved);
    r->depth = 1;
    r->p = close;
    rc = parse_header(s, hyoka__json_step, 0);
    if (rc == 0)
        rc = parse_header(s, end_text, 0);
    if (rc < 0)
        return -1;
    memcpy(r->frames, saved, sizeof saved);
    r->depth = 2;
    r->p = resume;
    s->detoured = 1;
    return 0;
}

/* Fill the window of a callback source until it holds the header: up to
 * the projects array's '[' (or the whole document, when it has none or is
 * not an object). */
static int fill_header(struct hyoka_stream *s)
{
    size_t from = 0;
    struct hyoka__scan scan = {0};

    for (;;) {
        int found = hyoka__scan_header(&scan, s->win, s->len, &from);
        int rc;
        if (found == 1)
            return 0;
        rc = refill(s); /* not an object: the whole text, for the parser */
        if (rc <= 0)
            return rc;
    }
}

/* The offset of the first byte at or after @p i in the window that is not
 * whitespace, refilling as needed; s->len at the end of the text. */
static int skip_ws(struct hyoka_stream *s, size_t *i)
{
    for (;;) {
        int rc;
        while (*i < s->len && (s->win[*i] == ' ' || s->win[*i] == '\t' || s->win[*i] == '\n' || s->win[*i] == '\r'))
            (*i)++;
        if (*i < s->len)
            return 0;
        rc = refill(s);
        if (rc <= 0)
            return rc;
    }
}

/* Fill the window of a callback source until it holds the next element of
 * the projects array whole, with the comma before it and the byte after a
 * literal (or the end of the text). What is not an element is left to the
 * parser. */
static int fill_element(struct hyoka_stream *s)
{
    struct hyoka__scan sc = {0};
    size_t i = 0;

    compact(s);
    if (skip_ws(s, &i) < 0)
        return -1;
    if (i < s->len && s->r->frames[1].started) {
        if (s->win[i] != ',')
            return 0;
        i++;
        if (skip_ws(s, &i) < 0)
            return -1;
    }
    if (i >= s->len || s->win[i] == ']')
        return 0;
    for (;;) {
        int rc;
        if (hyoka__scan_value(&sc, s->win, s->len, &i))
            return 0;
        rc = refill(s);
        if (rc <= 0)
            return rc;
    }
}

static void drop_current(struct hyoka_stream *s)
{
    if (s->current) {
        hyoka__project_destroy(hyoka__vec_remove(&s->pf->projects, 0));
        s->current = NULL;
    }
    hyoka__arena_free(s->arena);
    s->arena = NULL;
}

/* Whether P003 can be reported: codes are kept for it unless the rules of
 * @p report (the report given at open) exclude it. */
static bool codes_wanted(const hyoka_report *report)
{
    const struct hyoka__code_info *p003 = &hyoka__codes[HYOKA__P003];

    return !report || hyoka__rules_allow(report->rules, p003->code, strlen(p003->code), p003->severity);
}

/* Remember the code of the project just read (the first index of each). */
static int remember_code(struct hyoka_stream *s)
{
    const char *code = s->current->text[HYOKA_TEXT_CODE];

    if (!s->keep_codes || !code || !*code)
        return 0;
    return hyoka__strpool_put(&s->codes, code, strlen(code), s->index);
}

int hyoka_stream_next(hyoka_stream *s, hyoka_project **project)
{
    struct hyoka__json_reader *r;

    if (project)
        *project = NULL;
    if (!s || !project)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_stream_next: %s is NULL", !s ? "stream" : "project");
    r = s->r;
    drop_current(s);
    while (s->state == ST_PROJECTS) {
        struct hyoka__arena *prev;
        int rc;

        if (s->source == SRC_CALLBACK && fill_element(s) < 0) {
            s->state = ST_DONE;
            break;
        }
        s->ptext = r->p;
        s->arena = hyoka__arena_new();
        prev = hyoka__arena_enter(s->arena);
        rc = hyoka__json_step(r, 2);
        s->pend = r->p;
        hyoka__arena_leave(prev);
        if (s->pf->projects.count > 0)
            s->current = s->pf->projects.items[0];
        if (rc < 0 || r->status != HYOKA_OK) {
            drop_current(s);
            s->state = ST_DONE;
            s->status = end_status(s);
            break;
        }
        if (r->depth == 2 && s->current) {
            s->index = r->frames[1].count - 1;
            if (remember_code(s)) {
                drop_current(s);
                s->state = ST_DONE;
                s->status = hyoka__nomem();
                break;
            }
            *project = s->current;
            return 1;
        }
        drop_current(s); /* an element that is not an object (S003) */
        if (r->depth < 2)
            finish(s);
    }
    /* The end: no project is left to validate, so no code is needed. */
    hyoka__strpool_free(&s->codes);
    return s->status;
}

/* ------------------------------------------------------------------------ */
/* Opening                                                                   */

/* The header of @p s, whose reader is set up: the root until its projects
 * array (or the whole document when it has none). */
static int open_header(struct hyoka_stream *s)
{
    struct hyoka__json_reader *r = s->r;
    struct hyoka__arena *prev;
    int rc;

    r->pause_projects = 1;
    s->pf->arena = hyoka__arena_new();
    prev = hyoka__arena_enter(s->pf->arena);
    rc = hyoka__json_begin(r);
    hyoka__arena_leave(prev);
    if (rc || r->status)
        return -1;
    if (r->depth == 0) { /* not an object: nothing more but the end */
        finish(s);
        return 0;
    }
    rc = parse_header(s, hyoka__json_step, 0);
    if (rc < 0)
        return -1;
    if (rc == 0) { /* no projects array: the document is read */
        finish(s);
        return s->r->status == HYOKA_OK ? 0 : -1;
    }
    if (s->source != SRC_CALLBACK && detour(s))
        return -1;
    /* The header is whole (a callback stream reports J007 for any member
     * after the projects): amounts are read in the document's unit. */
    r->unit_seen = 1;
    r->rounding_seen = 1;
    r->money_milli = 0;
    /* The projects vector gets its room now, outside any project's arena. */
    if (hyoka__vec_push(&s->pf->projects, NULL) != HYOKA_OK)
        return hyoka__json_nomem(r);
    s->pf->projects.count = 0;
    return 0;
}

static int open_stream(const char *fn, hyoka_stream **out, const char *text, size_t len, int source,
                       hyoka_source_fn src, void *user, const hyoka_read_options *options, hyoka_report *report)
{
    hyoka_stream *s;
    int rc;

    *out = NULL;
    s = hyoka__heap_calloc(1, sizeof *s);
    if (!s)
        return hyoka__nomem();
    s->source = source;
    s->report = report;
    s->keep_codes = codes_wanted(report);
    s->fn = src;
    s->user = user;
    s->index = SIZE_MAX;
    rc = hyoka__json_options(fn, options, &s->opt);
    if (rc == HYOKA_OK && source == SRC_FILE)
        rc = hyoka__json_open_file(fn, text, &s->opt, report, HYOKA__FSIO_PIPE, &s->file);
    if (rc == HYOKA_OK && s->file.piped) { /* read as it comes, as a callback source */
        source = s->source = SRC_CALLBACK;
        s->fn = pipe_source;
        s->user = s;
        size_t n = strlen(text) + 1;
        s->path = hyoka__heap_malloc(n);
        if (s->path)
            memcpy(s->path, text, n);
        else
            rc = hyoka__nomem();
    }
    if (rc != HYOKA_OK) {
        hyoka__fsio_release(&s->file);
        hyoka__free(s);
        return rc;
    }
    if (report)
        hyoka_report_set_limit(report, s->opt.max_diagnostics);
    if (source == SRC_FILE) {
        text = s->file.data;
        len = s->file.len;
    } else if (source == SRC_CALLBACK) {
        if (fill_header(s) < 0) {
            rc = s->status;
            hyoka_stream_free(s);
            return rc;
        }
        text = s->win ? s->win : "";
        len = s->len;
    }
    s->r = hyoka__json_reader_new(text, len, &s->opt, report, source == SRC_FILE && s->file.mapped);
    if (!s->r || hyoka_portfolio_new(&s->pf) != HYOKA_OK) {
        hyoka_stream_free(s);
        return hyoka__nomem();
    }
    s->r->pf = s->pf;
    if (source == SRC_CALLBACK) {
        s->r->stream = s;
        s->line0 = s->col0 = 1;
    }
    if (source != SRC_CALLBACK && len > s->opt.max_document) {
        hyoka__json_fail_size(s->r, len, s->opt.max_document);
    } else if (open_header(s) == 0 && s->r->status == HYOKA_OK) {
        *out = s;
        return HYOKA_OK;
    }
    rc = s->r->status == HYOKA_ENOMEM ? hyoka__nomem() : s->status ? s->status : end_status(s);
    if (rc == 0)
        rc = hyoka__fail(HYOKA_EINVALID, "%s: reading stopped in the header", fn);
    hyoka_stream_free(s);
    return rc;
}

int hyoka_stream_open_memory(hyoka_stream **out, const char *text, size_t len, const hyoka_read_options *options,
                             hyoka_report *report)
{
    static const char fn[] = "hyoka_stream_open_memory";
    if (!out || !text) {
        if (out)
            *out = NULL;
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL", fn, !out ? "out" : "text");
    }
    if (len == HYOKA_NTS)
        len = strlen(text);
    return open_stream(fn, out, text, len, SRC_MEMORY, NULL, NULL, options, report);
}

int hyoka_stream_open_file(hyoka_stream **out, const char *path, const hyoka_read_options *options,
                           hyoka_report *report)
{
    static const char fn[] = "hyoka_stream_open_file";
    if (!out || !path) {
        if (out)
            *out = NULL;
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL", fn, !out ? "out" : "path");
    }
    return open_stream(fn, out, path, 0, SRC_FILE, NULL, NULL, options, report);
}

int hyoka_stream_open_source(hyoka_stream **out, hyoka_source_fn source, void *user,
                             const hyoka_read_options *options, hyoka_report *report)
{
    static const char fn[] = "hyoka_stream_open_source";
    if (!out || !source) {
        if (out)
            *out = NULL;
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL", fn, !out ? "out" : "source");
    }
    return open_stream(fn, out, NULL, 0, SRC_CALLBACK, source, user, options, report);
}

/* ------------------------------------------------------------------------ */
/* The current project                                                       */

hyoka_portfolio *hyoka_stream_portfolio(const hyoka_stream *s)
{
    return s ? s->pf : NULL;
}

size_t hyoka_stream_index(const hyoka_stream *s)
{
    return s && s->current ? s->index : SIZE_MAX;
}

int hyoka_stream_detach(hyoka_stream *s, hyoka_project **out)
{
    int rc;

    if (out)
        *out = NULL;
    if (!s || !out)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_stream_detach: %s is NULL", !s ? "stream" : "out");
    if (!s->current)
        return hyoka__fail(HYOKA_ESTATE, "hyoka_stream_detach: the stream has no current project");
    rc = hyoka_project_copy(s->current, out);
    if (rc != HYOKA_OK)
        return rc;
    drop_current(s);
    return HYOKA_OK;
}

/* Positions of the current project's text. */
static void project_position(void *ctx, const char *at, int64_t *line, int64_t *col)
{
    hyoka__stream_position(ctx, at, line, col);
}

/* Give a line and column to the diagnostics of the current project from
 * index @p first of @p report on, from its text (still at hand). */
static int locate_current(struct hyoka_stream *s, hyoka_report *report, size_t first)
{
    char prefix[48];
    const char *p = s->ptext;

    while (p < s->pend && *p != '{')
        p++;
    if (p == s->pend)
        return HYOKA_OK;
    snprintf(prefix, sizeof prefix, "/projects/%zu", s->index);
    return hyoka__report_locate_part(report, first, p, (size_t)(s->pend - p), prefix, project_position, s);
}

int hyoka_stream_validate(hyoka_stream *s, hyoka_report *report)
{
    const char *code;
    size_t dup_of = SIZE_MAX, count, total, first;
    int rc;

    if (!s || !report)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_stream_validate: %s is NULL", !s ? "stream" : "report");
    if (!s->current)
        return hyoka__fail(HYOKA_ESTATE, "hyoka_stream_validate: the stream has no current project");
    code = s->current->text[HYOKA_TEXT_CODE];
    if (code && *code) {
        size_t first_index;
        if (hyoka__strpool_get(&s->codes, code, strlen(code), &first_index) && first_index != s->index)
            dup_of = first_index;
    }
    count = report->count;
    total = report->total;
    rc = hyoka__validate_project(s->pf, s->current, s->index, dup_of, report);
    /* What this project added is at the end; a full report may have let
     * as many earlier diagnostics go (one for each added). */
    first = count - (report->total - total < count ? report->total - total : count);
    if (rc == HYOKA_OK && report->count > first)
        rc = locate_current(s, report, first);
    return rc;
}

void hyoka_stream_free(hyoka_stream *s)
{
    if (!s)
        return;
    drop_current(s);
    hyoka_portfolio_free(s->pf);
    hyoka__json_reader_free(s->r);
    hyoka__fsio_release(&s->file);
    hyoka__free(s->path);
    hyoka__free(s->win);
    hyoka__strpool_free(&s->codes);
    hyoka__free(s);
}
