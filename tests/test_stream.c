/* Unit tests of stream.h: reading hyoka/1 one project at a time gives the
 * projects, header and diagnostics (code, path, line, column) of a
 * whole-document read (hyoka_json_read()), and the validation of
 * hyoka_validate(), for every sample document, for every cut of one, from
 * memory, a file and callback sources of any chunk size; hostile input is
 * diagnosed, never a crash; memory stays bounded by the largest project. */
#define _POSIX_C_SOURCE 200809L /* strdup, strtok_r */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#ifndef _WIN32
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

#include <hyoka/hyoka.h>
#include <hyoka/stream.h>

#include "docs.h"
#include "failalloc.h"

enum { FROM_MEMORY, FROM_FILE, FROM_CALLBACK };

/* A callback source over a text, @p chunk bytes at a time. */
struct chunks {
    const char *text;
    size_t len, at, chunk;
    int fail_at; /* fail once this many bytes were given (0: never) */
};

static int give(void *user, char *buf, size_t size, size_t *got)
{
    struct chunks *c = user;
    size_t n = c->len - c->at;

    if (c->fail_at && c->at >= (size_t)c->fail_at)
        return -1;
    if (n > c->chunk)
        n = c->chunk;
    if (n > size)
        n = size;
    memcpy(buf, c->text + c->at, n);
    c->at += n;
    *got = n;
    return 0;
}

/* The diagnostics of a report, one line each: code path line column. */
static char *diags(const hyoka_report *rep)
{
    size_t n = hyoka_report_count(rep), cap = 64 + n * 160, len = 0;
    char *out = malloc(cap);

    if (!out)
        abort();
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        int64_t line = 0, col = 0;
        const char *path = hyoka_report_path(rep, i);
        hyoka_report_position(rep, i, &line, &col);
        if (cap - len < strlen(path) + 64) {
            cap = cap * 2 + strlen(path);
            out = realloc(out, cap);
            if (!out)
                abort();
        }
        len += (size_t)snprintf(out + len, cap - len, "%s %s %lld:%lld\n", hyoka_report_code(rep, i), path,
                                (long long)line, (long long)col);
    }
    return out;
}

/* The diagnostics of reading, "--", those of validation. */
static char *both(const hyoka_report *reading, const hyoka_report *validation)
{
    char *a = diags(reading), *b = diags(validation);
    size_t n = strlen(a) + strlen(b) + 8;
    char *out = malloc(n);

    if (!out)
        abort();
    snprintf(out, n, "%s--\n%s", a, b);
    free(a);
    free(b);
    return out;
}

/* What one reading of a document gave. */
struct reading {
    int status;               /* hyoka_json_read(), or the stream's end */
    char *diagnostics;        /* of reading, then of validation */
    size_t projects;
};

static int open_as(int how, hyoka_stream **s, const char *path, const char *text, size_t len,
                   struct chunks *src, const hyoka_read_options *opt, hyoka_report *rep)
{
    if (how == FROM_MEMORY)
        return hyoka_stream_open_memory(s, text, len, opt, rep);
    if (how == FROM_FILE)
        return hyoka_stream_open_file(s, path, opt, rep);
    src->text = text;
    src->len = len;
    src->at = 0;
    return hyoka_stream_open_source(s, give, src, opt, rep);
}

/* Stream a document; compare each project with @p whole (when it was read)
 * and validate each one into a second report. */
static struct reading stream_doc(int how, const char *path, const char *text, size_t len, size_t chunk,
                                 const hyoka_portfolio *whole, const hyoka_read_options *opt)
{
    struct reading out = {0, NULL, 0};
    struct chunks src = {NULL, 0, 0, chunk, 0};
    hyoka_report *rep = NULL, *val = NULL;
    hyoka_stream *s = NULL;
    hyoka_project *p;
    int rc;

    assert_int_equal(hyoka_report_new(&rep), HYOKA_OK);
    assert_int_equal(hyoka_report_new(&val), HYOKA_OK);
    rc = open_as(how, &s, path, text, len, &src, opt, rep);
    if (rc == HYOKA_OK) {
        assert_non_null(s);
        assert_non_null(hyoka_stream_portfolio(s));
        while ((rc = hyoka_stream_next(s, &p)) == 1) {
            assert_non_null(p);
            assert_ptr_equal(hyoka_project_portfolio(p), hyoka_stream_portfolio(s));
            assert_true(hyoka_stream_index(s) >= out.projects); /* elements that are not objects count */
            if (whole) {
                assert_int_equal(hyoka_stream_index(s), out.projects);
                assert_true(out.projects < hyoka_portfolio_project_count(whole));
                assert_true(hyoka_project_equal(hyoka_portfolio_project_at(whole, out.projects), p));
            }
            assert_int_equal(hyoka_stream_validate(s, val), HYOKA_OK);
            out.projects++;
        }
        assert_null(p);
        assert_int_equal(hyoka_stream_next(s, &p), rc); /* the end stays */
        if (whole && rc == 0) {
            hyoka_portfolio *header = NULL;
            assert_int_equal(out.projects, hyoka_portfolio_project_count(whole));
            assert_int_equal(hyoka_portfolio_copy(whole, &header), HYOKA_OK);
            while (hyoka_portfolio_project_count(header))
                assert_int_equal(hyoka_portfolio_remove_project(header, 0), HYOKA_OK);
            assert_true(hyoka_portfolio_equal(header, hyoka_stream_portfolio(s)));
            hyoka_portfolio_free(header);
        }
        hyoka_stream_free(s);
    } else {
        assert_null(s);
        assert_true(rc < 0);
    }
    out.status = rc == HYOKA_OK ? 0 : rc;
    out.diagnostics = both(rep, val);
    hyoka_report_free(rep);
    hyoka_report_free(val);
    return out;
}

static struct reading whole_doc(const char *text, size_t len, hyoka_portfolio **pf, const hyoka_read_options *opt)
{
    struct reading out = {0, NULL, 0};
    hyoka_report *rep = NULL, *val = NULL;

    assert_int_equal(hyoka_report_new(&rep), HYOKA_OK);
    assert_int_equal(hyoka_report_new(&val), HYOKA_OK);
    out.status = hyoka_json_read(text, len, opt, pf, rep);
    if (*pf) {
        assert_int_equal(hyoka_validate(*pf, val), HYOKA_OK);
        /* a stream places validation's diagnostics as it goes */
        assert_int_equal(hyoka_report_locate(val, text, len), HYOKA_OK);
        out.projects = hyoka_portfolio_project_count(*pf);
    }
    out.diagnostics = both(rep, val);
    hyoka_report_free(rep);
    hyoka_report_free(val);
    return out;
}

/* Whether a whole read checks amounts at the end of the document: when
 * "amount_unit" does not come before "projects" (docs/streaming.md, a
 * stream reports them where they stand). */
static int deferred(const char *text, size_t len)
{
    char *copy = malloc(len + 1);
    const char *unit, *projects;
    int late;

    if (!copy)
        abort();
    memcpy(copy, text, len);
    copy[len] = '\0';
    unit = strstr(copy, "\"amount_unit\"");
    projects = strstr(copy, "\"projects\"");
    late = projects && (!unit || unit > projects);
    free(copy);
    return late;
}

static int line_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The lines of @p text sorted, joined again (the text is changed). */
static void sort_lines(char *text)
{
    char *lines[4096], *copy = strdup(text), *save = NULL;
    size_t n = 0, len = 0;

    if (!copy)
        abort();
    for (char *l = strtok_r(copy, "\n", &save); l && n < 4096; l = strtok_r(NULL, "\n", &save))
        lines[n++] = l;
    qsort(lines, n, sizeof lines[0], line_cmp);
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(text + len, "%s\n", lines[i]);
    free(copy);
}

/* The same diagnostics in another order. */
static int same_lines(const char *a, const char *b)
{
    char *x = strdup(a), *y = strdup(b);
    int same;

    if (!x || !y)
        abort();
    sort_lines(x);
    sort_lines(y);
    same = strcmp(x, y) == 0;
    free(x);
    free(y);
    return same;
}

/* Diagnostics of reading only. */
static void cut_validation(char *d)
{
    char *mark = strstr(d, "--\n");
    if (mark)
        *mark = '\0';
}

/* A document read whole and streamed every way gives the same (from a
 * callback source unless @p memory_only: a header member after the
 * projects is J007 there, test_header_after_projects). */
static void check_doc_from(const char *path, const char *text, size_t len, const hyoka_read_options *opt,
                           int memory_only)
{
    static const size_t chunks[] = {1, 7, 4096, 1 << 20};
    hyoka_portfolio *pf = NULL;
    struct reading want = whole_doc(text, len, &pf, opt);

    for (int how = FROM_MEMORY; how <= (memory_only ? FROM_FILE : FROM_CALLBACK); how++) {
        for (size_t c = 0; c < (how == FROM_CALLBACK ? 4u : 1u); c++) {
            struct reading got;
            if (how == FROM_FILE && !path)
                continue;
            got = stream_doc(how, path, text, len, chunks[c], pf, opt);
            if (want.status != 0) { /* a stream validates the projects before an error after them */
                cut_validation(got.diagnostics);
                cut_validation(want.diagnostics);
            }
            if (strcmp(want.diagnostics, got.diagnostics) != 0 && deferred(text, len) &&
                same_lines(want.diagnostics, got.diagnostics)) {
                free(got.diagnostics);
                continue; /* the order of amounts a whole read checks at the end */
            }
            if (strcmp(want.diagnostics, got.diagnostics) != 0 || want.status != got.status)
                fail_msg("%s (source %d, chunk %zu): status %d / %d, diagnostics:\n--- whole read\n%s--- stream\n%s",
                         path ? path : "(text)", how, chunks[c], want.status, got.status, want.diagnostics,
                         got.diagnostics);
            if (pf)
                assert_int_equal(got.projects, want.projects);
            free(got.diagnostics);
        }
    }
    free(want.diagnostics);
    hyoka_portfolio_free(pf);
}

static void check_doc(const char *path, const char *text, size_t len, const hyoka_read_options *opt)
{
    check_doc_from(path, text, len, opt, 0);
}

static void on_sample(const char *path, const char *text, size_t len, void *user)
{
    (*(size_t *)user)++;
    check_doc(path, text, len, NULL);
}

static void test_samples(void **state)
{
    size_t n = 0;
    (void)state;
    if (docs_each(on_sample, &n) == 0)
        skip();
    assert_true(n >= 100);
}

/* Generated portfolios written as hyoka/1 (indented and compact), with
 * duplicate codes for P003. */
static void test_generated(void **state)
{
    (void)state;
    for (unsigned seed = 1; seed <= 12; seed++) {
        hyoka_portfolio *pf = docs_generate(seed, 20);
        char *text = NULL;
        size_t len = 0;
        if (seed % 3 == 0) { /* a code given twice */
            hyoka_project *p = hyoka_portfolio_project_at(pf, 5);
            assert_int_equal(hyoka_project_set_code(p, "00002", HYOKA_NTS), HYOKA_OK);
        }
        assert_int_equal(hyoka_json_write(pf, seed % 2 ? HYOKA_WRITE_COMPACT : 0, &text, &len), HYOKA_OK);
        check_doc(NULL, text, len, NULL);
        hyoka_free(text);
        hyoka_portfolio_free(pf);
    }
}

/* tests/data/json/sample.json (free()), or NULL without $HYOKA_SOURCE_ROOT. */
static char *sample_text(size_t *len)
{
    const char *root = getenv("HYOKA_SOURCE_ROOT");
    char path[4096], *text;

    if (!root)
        return NULL;
    snprintf(path, sizeof path, "%s/tests/data/json/sample.json", root);
    text = docs_read_all(path, len);
    assert_non_null(text);
    return text;
}

/* Every cut of a document: the same diagnostics as a whole read, from
 * memory and one byte at a time. */
static void test_truncated(void **state)
{
    size_t len;
    char *text = sample_text(&len);
    (void)state;

    if (!text)
        skip();
    for (size_t cut = 0; cut <= len; cut++) {
        char *part = malloc(cut + 1);
        if (!part)
            abort();
        memcpy(part, text, cut);
        part[cut] = '\0';
        check_doc(NULL, part, cut, NULL);
        free(part);
    }
    free(text);
}

static void check_text(const char *text)
{
    check_doc(NULL, text, strlen(text), NULL);
}

/* Hostile and odd documents: diagnostics as a whole read gives them. */
static void test_hostile(void **state)
{
    static const char *const docs[] = {
        "",
        "   ",
        "[]",
        "42",
        "{\"format\": \"hyoka/1\"}",
        "{\"format\": \"hyoka/1\", \"projects\": []}",
        "{\"format\": \"hyoka/1\", \"projects\": 5}",
        "{\"format\": \"hyoka/1\", \"projects\": [1, \"x\", [], null, {\"code\": \"1\", \"name\": \"a\"}]}",
        "{\"format\": \"hyoka/1\", \"projects\": [{\"code\": \"1\", \"name\": \"a\"} garbage {\"code\": \"2\"}]}",
        "{\"format\": \"hyoka/1\", \"projects\": [{\"code\": \"1\", \"name\": \"a\"},]}",
        "{\"format\": \"hyoka/1\", \"projects\": [{\"code\": \"1\", \"name\": \"a\"}]} trailing",
        "{\"projects\": [{\"code\": \"1\", \"name\": \"a\", \"years\": [{\"fiscal_year\": 2020, \"settlement\": 1.5}]}]}",
        "{\"format\": \"hyoka/1\", \"projects\": [{\"code\": \"1\", \"name\": \"a\\u00e9\", \"bogus\": {\"x\": [1, {\"y\": \"]}\"}]}}]}",
        "{\"format\": \"hyoka/1\", \"projects\": [{\"code\": \"1\", \"name\": \"a\"}, {\"code\": \"1\", \"name\": \"b\"}]}",
        "{\"format\": \"hyoka/1\", \"projects\": [{\"code\": \"1\", \"name\": \"\xff\"}]}",
        "\xEF\xBB\xBF{\"format\": \"hyoka/1\",\n \"projects\": [\n{\"code\": \"1\", \"nam\": 1}]}",
        "{\"format\": \"hyoka/1\", \"projects\": [{\"code\": \"1\", \"name\": \"a\", \"children\": [{\"code\": \"x\"}, {\"code\": \"x\"}]}]}",
        "{\"format\": \"hyoka/1\", \"projects\": [{\"code\": \"1\", \"name\": \"a\"}, 12",
        "{\"format\": \"hyoka/1\", \"projects\": [{\"code\": \"1\", \"name\": \"a\"}, \"unterminated",
    };
    static const char *const after[] = {
        "{\"format\": \"hyoka/1\", \"projects\": [{\"code\": \"1\", \"name\": \"a\"}], \"format\": \"x\"}",
        "{\"format\": \"hyoka/1\", \"projects\": [{\"code\": \"1\", \"name\": \"a\", \"years\": [{\"fiscal_year\": 2020,"
        " \"settlement\": 1.5}]}], \"amount_unit\": \"yen\"}",
        "{\"projects\": [{\"code\": \"1\", \"name\": \"a\", \"years\": [{\"fiscal_year\": 2020, \"settlement\": 1.5}]}],"
        " \"amount_unit\": \"thousand_yen\", \"format\": \"hyoka/1\"}",
        "{\"projects\": [{\"code\": \"1\"}], \"projects\": []}",
    };
    (void)state;
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++)
        check_text(docs[i]);
    for (size_t i = 0; i < sizeof after / sizeof after[0]; i++)
        check_doc_from(NULL, after[i], strlen(after[i]), NULL, 1);
}

/* Nested deeper than the limit: J004 as a whole read gives it. */
static void test_deep(void **state)
{
    size_t depth = 5000, len = 0;
    char *text = malloc(depth * 8 + 200);
    (void)state;

    if (!text)
        abort();
    len += (size_t)sprintf(text, "{\"format\": \"hyoka/1\", \"projects\": [{\"code\": \"1\", \"extensions\": ");
    for (size_t i = 0; i < depth; i++)
        text[len++] = '[';
    for (size_t i = 0; i < depth; i++)
        text[len++] = ']';
    len += (size_t)sprintf(text + len, "}]}");
    check_doc(NULL, text, len, NULL);
    free(text);
}

/* A callback stream cannot read a header member after the projects first:
 * J007, at the member; memory and file streams read it at open. */
static void test_header_after_projects(void **state)
{
    static const char doc[] = "{\"format\": \"hyoka/1\",\n \"projects\": [{\"code\": \"1\", \"name\": \"a\"}],\n"
                              " \"amount_unit\": \"yen\"}";
    struct chunks src = {doc, sizeof doc - 1, 0, 5, 0};
    hyoka_report *rep = NULL;
    hyoka_stream *s = NULL;
    hyoka_project *p = NULL;
    int64_t line = 0, col = 0;
    (void)state;

    assert_int_equal(hyoka_report_new(&rep), HYOKA_OK);
    assert_int_equal(hyoka_stream_open_source(&s, give, &src, NULL, rep), HYOKA_OK);
    assert_int_equal(hyoka_stream_next(s, &p), 1);
    assert_int_equal(hyoka_stream_next(s, &p), HYOKA_EINVALID);
    assert_int_equal(hyoka_report_count(rep), 1);
    assert_string_equal(hyoka_report_code(rep, 0), "J007");
    assert_string_equal(hyoka_report_path(rep, 0), "");
    assert_int_equal(hyoka_report_position(rep, 0, &line, &col), HYOKA_OK);
    assert_int_equal(line, 3);
    assert_int_equal(col, 2);
    assert_non_null(strstr(hyoka_report_message(rep, 0, HYOKA_LANG_EN), "amount_unit"));
    hyoka_stream_free(s);
    hyoka_report_free(rep);
}

/* A callback source whose window grows at the very end of the text, with
 * an error placed at that end: the reader's end moves with the window
 * (it once pointed into the freed one). Documents of sizes around the
 * source's chunk multiples, the sample followed by blanks and a second
 * document or a stray byte. */
static void test_window_grows_at_end(void **state)
{
    size_t len, total;
    char *text = sample_text(&len), *doc;
    (void)state;

    if (!text)
        skip();
    for (size_t k = 1; k <= 4; k++) {
        for (int d = -2; d <= 2; d++) {
            for (int tail = 0; tail < 2; tail++) {
                const char *end = tail ? "{\"format\": \"hyoka/1\"" : "x";
                total = k * ((size_t)1 << 16) + (size_t)(d + 2) - 2;
                if (total < len + strlen(end))
                    continue;
                doc = malloc(total + 1);
                if (!doc)
                    abort();
                memcpy(doc, text, len);
                memset(doc + len, ' ', total - len - strlen(end));
                memcpy(doc + total - strlen(end), end, strlen(end) + 1);
                check_doc_from(NULL, doc, total, NULL, 0);
                free(doc);
            }
        }
    }
    free(text);
}

#ifndef _WIN32
/* A FIFO given to hyoka_stream_open_file() is read as it comes (a callback
 * source inside), with the diagnostics of a whole read. */
static void test_fifo(void **state)
{
    size_t len;
    char *text = sample_text(&len), dir[] = "/tmp/hyoka-fifo-XXXXXX", path[64];
    hyoka_portfolio *pf = NULL;
    struct reading want, got;
    pid_t child;
    int status = 0;
    (void)state;

    if (!text)
        skip();
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/in.json", dir);
    assert_int_equal(mkfifo(path, 0600), 0);
    want = whole_doc(text, len, &pf, NULL);
    child = fork();
    assert_true(child >= 0);
    if (child == 0) { /* the writer: the document in small writes */
        FILE *f = fopen(path, "wb");
        size_t at = 0;
        if (!f)
            _exit(1);
        while (at < len) {
            size_t n = len - at < 1000 ? len - at : 1000;
            if (fwrite(text + at, 1, n, f) != n)
                _exit(1);
            fflush(f);
            at += n;
        }
        _exit(fclose(f) == 0 ? 0 : 1);
    }
    got = stream_doc(FROM_FILE, path, text, len, 0, pf, NULL);
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    assert_int_equal(got.status, want.status);
    assert_string_equal(got.diagnostics, want.diagnostics);
    assert_int_equal(got.projects, want.projects);
    free(got.diagnostics);
    free(want.diagnostics);
    hyoka_portfolio_free(pf);
    unlink(path);
    rmdir(dir);
    free(text);
}

/* A FIFO that cannot be read (its writer never comes): not reached here;
 * a folder given as the file is HYOKA_EIO, as for a whole read. */
static void test_open_file_folder(void **state)
{
    hyoka_stream *s = (hyoka_stream *)1;
    (void)state;

    assert_int_equal(hyoka_stream_open_file(&s, "/tmp", NULL, NULL), HYOKA_EIO);
    assert_null(s);
}
#endif

/* A failing source: HYOKA_EIO, no crash, everything freed. */
static void test_source_fails(void **state)
{
    static const char doc[] = "{\"format\": \"hyoka/1\", \"projects\": [{\"code\": \"1\", \"name\": \"a\"},"
                              " {\"code\": \"2\", \"name\": \"b\"}]}";
    hyoka_stream *s = NULL;
    hyoka_project *p = NULL;
    (void)state;

    for (int at = 1; at < (int)sizeof doc; at += 3) {
        struct chunks src = {doc, sizeof doc - 1, 0, 4, at};
        int rc = hyoka_stream_open_source(&s, give, &src, NULL, NULL);
        if (rc != HYOKA_OK) {
            assert_int_equal(rc, HYOKA_EIO);
            assert_null(s);
            continue;
        }
        while ((rc = hyoka_stream_next(s, &p)) == 1)
            ;
        assert_true(rc == HYOKA_EIO || rc == 0);
        hyoka_stream_free(s);
    }
}

/* Detach: the caller owns a standalone copy; validate and detach need a
 * current project. */
static void test_detach(void **state)
{
    static const char doc[] = "{\"format\": \"hyoka/1\", \"projects\": [{\"code\": \"1\", \"name\": \"a\"}]}";
    hyoka_stream *s = NULL;
    hyoka_project *p = NULL, *mine = NULL;
    hyoka_report *rep = NULL;
    (void)state;

    assert_int_equal(hyoka_report_new(&rep), HYOKA_OK);
    assert_int_equal(hyoka_stream_open_memory(&s, doc, HYOKA_NTS, NULL, NULL), HYOKA_OK);
    assert_int_equal(hyoka_stream_detach(s, &mine), HYOKA_ESTATE);
    assert_int_equal(hyoka_stream_validate(s, rep), HYOKA_ESTATE);
    assert_int_equal(hyoka_stream_next(s, &p), 1);
    assert_int_equal(hyoka_stream_detach(s, &mine), HYOKA_OK);
    assert_null(hyoka_project_portfolio(mine));
    assert_string_equal(hyoka_project_code(mine), "1");
    assert_int_equal(hyoka_stream_index(s), SIZE_MAX);
    assert_int_equal(hyoka_stream_next(s, &p), 0);
    hyoka_stream_free(s);
    assert_string_equal(hyoka_project_name(mine), "a");
    hyoka_project_free(mine);
    assert_int_equal(hyoka_stream_open_memory(NULL, doc, HYOKA_NTS, NULL, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_stream_next(NULL, &p), HYOKA_EINVAL);
    hyoka_report_free(rep);
}

/* ---- writing ---- */

struct sink_buf {
    char *data;
    size_t len, cap, calls;
    size_t fail_after; /* fail at this call (0: never) */
};

static int to_buf(void *user, const char *data, size_t len)
{
    struct sink_buf *b = user;

    if (b->fail_after && ++b->calls >= b->fail_after)
        return -1;
    if (b->len + len + 1 > b->cap) {
        b->cap = (b->len + len + 1) * 2;
        b->data = realloc(b->data, b->cap);
        if (!b->data)
            abort();
    }
    memcpy(b->data + b->len, data, len);
    b->len += len;
    return 0;
}

/* Stream @p text into a writer of @p format: the bytes of the whole
 * writers for the same document (metrics with the validation of every
 * project). */
/* A folder for the files the writers write (made once, removed at the end). */
static char scratch[] = "/tmp/hyoka-stream-XXXXXX";
static int scratch_made;

static const char *scratch_dir(void)
{
    if (!scratch_made) {
        assert_non_null(mkdtemp(scratch));
        scratch_made = 1;
    }
    return scratch;
}

static int remove_scratch(void **state)
{
    (void)state;
    if (scratch_made)
        docs_remove_tree(scratch);
    return 0;
}

static void check_writers(const char *path, const char *text, size_t len, void *user)
{
    static const unsigned flag_sets[] = {0, HYOKA_WRITE_COMPACT, HYOKA_WRITE_YEN};
    hyoka_portfolio *pf = NULL;
    char file[256];
    (void)path;

    snprintf(file, sizeof file, "%s/out.json", scratch_dir());

    if (hyoka_json_read(text, len, NULL, &pf, NULL) != HYOKA_OK)
        return;
    (*(size_t *)user)++;
    for (int format = HYOKA_WRITER_HYOKA; format <= HYOKA_WRITER_METRICS; format++) {
        for (size_t k = 0; k < 3; k++) {
            unsigned flags = flag_sets[k];
            struct sink_buf got = {NULL, 0, 0, 0, 0};
            hyoka_report *whole_rep = NULL, *rep = NULL;
            hyoka_stream *s = NULL;
            hyoka_writer *w = NULL, *wf = NULL;
            hyoka_project *p;
            char *want = NULL, *in_file;
            size_t file_len = 0;
            size_t want_len = 0;
            int rc, want_rc, wrote = HYOKA_OK;

            if (format == HYOKA_WRITER_METRICS && flags == HYOKA_WRITE_YEN)
                continue;
            assert_int_equal(hyoka_report_new(&whole_rep), HYOKA_OK);
            assert_int_equal(hyoka_report_new(&rep), HYOKA_OK);
            if (format == HYOKA_WRITER_HYOKA) {
                want_rc = hyoka_json_write(pf, flags, &want, &want_len);
            } else {
                assert_int_equal(hyoka_validate(pf, whole_rep), HYOKA_OK);
                assert_int_equal(hyoka_report_locate(whole_rep, text, len), HYOKA_OK);
                /* (HYOKA_ERANGE when a figure overflows) */
                want_rc = hyoka_metrics_write(pf, whole_rep, flags, HYOKA_LANG_JA, &want, &want_len);
            }
            assert_int_equal(hyoka_stream_open_memory(&s, text, len, NULL, NULL), HYOKA_OK);
            assert_int_equal(hyoka_writer_new(&w, format, hyoka_stream_portfolio(s), flags, HYOKA_LANG_JA, to_buf, &got),
                             HYOKA_OK);
            /* the same document to a file, as it goes */
            assert_int_equal(hyoka_writer_new_file(&wf, format, hyoka_stream_portfolio(s), flags, HYOKA_LANG_JA, file),
                             HYOKA_OK);
            while ((rc = hyoka_stream_next(s, &p)) == 1) {
                if (format == HYOKA_WRITER_METRICS)
                    assert_int_equal(hyoka_stream_validate(s, rep), HYOKA_OK);
                if (wrote == HYOKA_OK) {
                    wrote = hyoka_writer_project(w, p);
                    assert_int_equal(hyoka_writer_project(wf, p), wrote);
                }
            }
            assert_int_equal(rc, 0);
            rc = hyoka_writer_finish(w, rep);
            assert_int_equal(rc, wrote);
            assert_int_equal(rc, want_rc);
            assert_int_equal(hyoka_writer_finish(wf, rep), rc);
            assert_int_equal(hyoka_writer_finish(w, rep), HYOKA_ESTATE);
            hyoka_writer_free(w);
            hyoka_writer_free(wf);
            hyoka_stream_free(s);
            if (want_rc == HYOKA_OK) {
                assert_int_equal(got.len, want_len);
                assert_memory_equal(got.data, want, want_len);
                in_file = docs_read_all(file, &file_len);
                assert_non_null(in_file);
                assert_int_equal(file_len, want_len);
                assert_memory_equal(in_file, want, want_len);
                free(in_file);
            }
            assert_int_equal(docs_count_entries(scratch_dir()), want_rc == HYOKA_OK ? 1 : 0);
            unlink(file);
            free(got.data);
            hyoka_free(want);
            hyoka_report_free(rep);
            hyoka_report_free(whole_rep);
        }
    }
    hyoka_portfolio_free(pf);
}

/* A writer to a file: the target stays as it was until the writer
 * finishes (freed unfinished: nothing left beside it); arguments. */
static void test_writer_file(void **state)
{
    static const char doc[] = "{\"format\": \"hyoka/1\", \"projects\": [{\"code\": \"1\", \"name\": \"a\"},"
                              " {\"code\": \"2\", \"name\": \"b\"}]}";
    const char *dir = scratch_dir();
    char file[256], missing[256], *text;
    hyoka_stream *s = NULL;
    hyoka_writer *w = (hyoka_writer *)1;
    hyoka_project *p;
    size_t len = 0;
    FILE *f;
    (void)state;

    snprintf(file, sizeof file, "%s/target.json", dir);
    snprintf(missing, sizeof missing, "%s/no/such/folder/out.json", dir);
    f = fopen(file, "wb");
    assert_non_null(f);
    fputs("old", f);
    assert_int_equal(fclose(f), 0);
    assert_int_equal(hyoka_stream_open_memory(&s, doc, sizeof doc - 1, NULL, NULL), HYOKA_OK);

    /* arguments */
    assert_int_equal(hyoka_writer_new_file(&w, HYOKA_WRITER_HYOKA, hyoka_stream_portfolio(s), 0, 0, NULL), HYOKA_EINVAL);
    assert_null(w);
    assert_int_equal(hyoka_writer_new_file(&w, HYOKA_WRITER_HYOKA, hyoka_stream_portfolio(s), 0, 0, ""), HYOKA_EINVAL);
    assert_int_equal(hyoka_writer_new_file(&w, HYOKA_WRITER_HYOKA, NULL, 0, 0, file), HYOKA_EINVAL);
    assert_int_equal(hyoka_writer_new_file(&w, HYOKA_WRITER_METRICS_CSV, hyoka_stream_portfolio(s), 0, 0, file),
                     HYOKA_EINVAL);
    assert_non_null(strstr(hyoka_error_last(), "hyoka_writer_new_dir"));
    assert_int_equal(hyoka_writer_new_file(&w, HYOKA_WRITER_METRICS, hyoka_stream_portfolio(s), HYOKA_WRITE_YEN, 0,
                                           file),
                     HYOKA_EINVAL);
    assert_int_equal(hyoka_writer_new_file(NULL, HYOKA_WRITER_HYOKA, hyoka_stream_portfolio(s), 0, 0, file),
                     HYOKA_EINVAL);
    assert_int_equal(hyoka_writer_new_file(&w, HYOKA_WRITER_HYOKA, hyoka_stream_portfolio(s), 0, 0, missing),
                     HYOKA_EIO);
    assert_null(w);

    /* freed unfinished: the target as it was, nothing beside it */
    assert_int_equal(hyoka_writer_new_file(&w, HYOKA_WRITER_HYOKA, hyoka_stream_portfolio(s), 0, 0, file), HYOKA_OK);
    assert_int_equal(hyoka_stream_next(s, &p), 1);
    assert_int_equal(hyoka_writer_project(w, p), HYOKA_OK);
    hyoka_writer_free(w);
    text = docs_read_all(file, &len);
    assert_non_null(text);
    assert_int_equal(len, 3);
    assert_memory_equal(text, "old", 3);
    free(text);
    assert_int_equal(docs_count_entries(dir), 1);

    /* finished: replaced */
    assert_int_equal(hyoka_writer_new_file(&w, HYOKA_WRITER_HYOKA, hyoka_stream_portfolio(s), HYOKA_WRITE_COMPACT, 0,
                                           file),
                     HYOKA_OK);
    assert_int_equal(hyoka_stream_next(s, &p), 1);
    assert_int_equal(hyoka_writer_project(w, p), HYOKA_OK);
    assert_int_equal(hyoka_writer_finish(w, NULL), HYOKA_OK);
    assert_int_equal(hyoka_writer_project(w, p), HYOKA_ESTATE);
    hyoka_writer_free(w);
    text = docs_read_all(file, &len);
    assert_non_null(text);
    assert_non_null(strstr(text, "\"code\":\"2\""));
    assert_null(strstr(text, "\"code\":\"1\""));
    free(text);
    assert_int_equal(docs_count_entries(dir), 1);
    unlink(file);
    hyoka_stream_free(s);
}

/* The writers give the bytes of hyoka_json_write() and
 * hyoka_metrics_write() for every sample and generated document. */
static void test_writers(void **state)
{
    size_t docs = 0;
    (void)state;

    docs_each(check_writers, &docs);
    for (unsigned seed = 1; seed <= 6; seed++) {
        hyoka_portfolio *pf = docs_generate(seed, 30);
        char *text = NULL;
        size_t len = 0;
        assert_int_equal(hyoka_json_write(pf, HYOKA_WRITE_COMPACT, &text, &len), HYOKA_OK);
        check_writers(NULL, text, len, &docs);
        hyoka_free(text);
        hyoka_portfolio_free(pf);
    }
    assert_true(docs >= 12); /* 6 samples read without errors, 6 generated */
}

/* A failing sink: HYOKA_EIO, and nothing written after. */
static void test_writer_sink_fails(void **state)
{
    hyoka_portfolio *pf = docs_generate(3, 200);
    struct sink_buf got = {NULL, 0, 0, 0, 2};
    hyoka_writer *w = NULL;
    int rc = HYOKA_OK;
    (void)state;

    assert_int_equal(hyoka_writer_new(&w, 7, pf, 0, 0, to_buf, &got), HYOKA_EINVAL);
    assert_int_equal(hyoka_writer_new(&w, HYOKA_WRITER_METRICS, pf, HYOKA_WRITE_YEN, 0, to_buf, &got), HYOKA_EINVAL);
    assert_int_equal(hyoka_writer_new(&w, HYOKA_WRITER_HYOKA, pf, 0, 0, to_buf, &got), HYOKA_OK);
    for (size_t i = 0; i < hyoka_portfolio_project_count(pf) && rc == HYOKA_OK; i++)
        rc = hyoka_writer_project(w, hyoka_portfolio_project_at(pf, i));
    assert_int_equal(rc, HYOKA_EIO);
    assert_int_equal(hyoka_writer_finish(w, NULL), HYOKA_EIO);
    hyoka_writer_free(w);
    free(got.data);
    hyoka_portfolio_free(pf);
}

/* ---- memory ---- */

struct counting {
    size_t live, peak;
};
static struct counting counts;

static void *count_malloc(size_t size, void *user)
{
    size_t *b = malloc(size + 16);
    (void)user;
    if (!b)
        return NULL;
    b[0] = size;
    counts.live += size;
    if (counts.live > counts.peak)
        counts.peak = counts.live;
    return (char *)b + 16;
}

static void count_free(void *ptr, void *user)
{
    size_t *b;
    (void)user;
    if (!ptr)
        return;
    b = (size_t *)(void *)((char *)ptr - 16);
    counts.live -= b[0];
    free(b);
}

static void *count_realloc(void *ptr, size_t size, void *user)
{
    size_t *b, old;
    if (!ptr)
        return count_malloc(size, user);
    b = (size_t *)(void *)((char *)ptr - 16);
    old = b[0];
    b = realloc(b, size + 16);
    if (!b)
        return NULL;
    b[0] = size;
    counts.live = counts.live - old + size;
    if (counts.live > counts.peak)
        counts.peak = counts.live;
    return (char *)b + 16;
}

/* The peak of the library's memory while streaming @p text in 4 KiB chunks
 * and validating every project, its reports with @p rules (NULL: none);
 * *p003 counts the P003 reported. */
static size_t stream_peak(const char *text, size_t len, const hyoka_rules *rules, size_t *projects, size_t *p003)
{
    struct chunks src = {text, len, 0, 4096, 0};
    hyoka_stream *s = NULL;
    hyoka_report *opened = NULL;
    hyoka_project *p;
    size_t base;
    int rc;

    base = counts.live;
    counts.peak = counts.live;
    if (rules) {
        assert_int_equal(hyoka_report_new(&opened), HYOKA_OK);
        assert_int_equal(hyoka_report_set_rules(opened, rules), HYOKA_OK);
    }
    assert_int_equal(hyoka_stream_open_source(&s, give, &src, NULL, opened), HYOKA_OK);
    *projects = *p003 = 0;
    while ((rc = hyoka_stream_next(s, &p)) == 1) {
        hyoka_report *rep = NULL;
        assert_int_equal(hyoka_report_new(&rep), HYOKA_OK);
        assert_int_equal(hyoka_report_set_rules(rep, rules), HYOKA_OK);
        assert_int_equal(hyoka_stream_validate(s, rep), HYOKA_OK);
        for (size_t i = 0; i < hyoka_report_count(rep); i++)
            *p003 += strcmp(hyoka_report_code(rep, i), "P003") == 0;
        hyoka_report_free(rep);
        (*projects)++;
    }
    assert_true(rc == 0 || rc == HYOKA_EINVALID);
    hyoka_stream_free(s);
    hyoka_report_free(opened);
    return counts.peak - base;
}

/* Memory is bounded by the largest project: the peak while streaming 200
 * and 2,000 projects is the same within a small margin (the codes kept for
 * P003), and far below the document. */
static void test_bounded(void **state)
{
    char *small = NULL, *large = NULL;
    size_t small_len = 0, large_len = 0, n_small = 0, n_large = 0, peak_small, peak_large, dup_small, dup_large;
    hyoka_portfolio *pf;
    (void)state;

    pf = docs_generate(7, 200);
    assert_int_equal(hyoka_json_write(pf, 0, &small, &small_len), HYOKA_OK);
    hyoka_portfolio_free(pf);
    pf = docs_generate(7, 2000);
    assert_int_equal(hyoka_json_write(pf, 0, &large, &large_len), HYOKA_OK);
    hyoka_portfolio_free(pf);

    assert_int_equal(hyoka_set_allocator(count_malloc, count_realloc, count_free, NULL), HYOKA_OK);
    peak_small = stream_peak(small, small_len, NULL, &n_small, &dup_small);
    peak_large = stream_peak(large, large_len, NULL, &n_large, &dup_large);
    assert_int_equal(counts.live, 0);
    assert_int_equal(hyoka_set_allocator(NULL, NULL, NULL, NULL), HYOKA_OK);
    print_message("streaming %zu projects (%zu bytes): peak %zu bytes; %zu projects (%zu bytes): peak %zu bytes\n",
                  n_small, small_len, peak_small, n_large, large_len, peak_large);
    assert_int_equal(n_small, 200);
    assert_int_equal(n_large, 2000);
    assert_true(peak_large < large_len / 10);
    /* 1,800 more codes kept for P003: a slot of the set (48 bytes, the set
     * at most half full when it has just doubled) and a copy in an arena */
    assert_true(peak_large <= peak_small + 1800 * 256);
    hyoka_free(small);
    hyoka_free(large);
}

/* A document of @p n projects whose codes repeat every @p period. */
static char *repeating_codes(size_t n, size_t period, size_t *len)
{
    hyoka_portfolio *pf = docs_generate(7, n);
    char *text = NULL;

    for (size_t i = 0; i < n; i++) {
        char code[32];
        snprintf(code, sizeof code, "C%08zu", i % period);
        assert_int_equal(hyoka_project_set_code(hyoka_portfolio_project_at(pf, i), code, HYOKA_NTS), HYOKA_OK);
    }
    assert_int_equal(hyoka_json_write(pf, HYOKA_WRITE_COMPACT, &text, len), HYOKA_OK);
    hyoka_portfolio_free(pf);
    return text;
}

/* When the rules of the report given at open exclude P003, the stream
 * keeps no code: memory no longer grows with the projects, and no P003 is
 * reported; rules that keep P003 (ignoring its neighbours) report every
 * duplicate, as a whole read does. */
static void test_p003_ignored(void **state)
{
    char *small, *large;
    size_t small_len = 0, large_len = 0, n_small = 0, n_large = 0, dup_small = 0, dup_large = 0;
    size_t peak_small, peak_large, peak_kept;
    hyoka_rules *ignore = NULL, *keep = NULL;
    hyoka_portfolio *pf = NULL;
    hyoka_report *whole = NULL;
    size_t whole_p003 = 0;
    (void)state;

    small = repeating_codes(200, 150, &small_len);
    large = repeating_codes(2000, 1500, &large_len);
    assert_int_equal(hyoka_rules_new(&ignore), HYOKA_OK);
    assert_int_equal(hyoka_rules_ignore(ignore, "P003"), HYOKA_OK);
    assert_int_equal(hyoka_rules_new(&keep), HYOKA_OK);
    assert_int_equal(hyoka_rules_ignore(keep, "P"), HYOKA_OK);
    assert_int_equal(hyoka_rules_select(keep, "P003"), HYOKA_OK);
    /* the whole read's P003 */
    assert_int_equal(hyoka_json_read(large, large_len, NULL, &pf, NULL), HYOKA_OK);
    assert_int_equal(hyoka_report_new(&whole), HYOKA_OK);
    assert_int_equal(hyoka_report_set_limit(whole, 0), HYOKA_OK);
    assert_int_equal(hyoka_validate(pf, whole), HYOKA_OK);
    for (size_t i = 0; i < hyoka_report_count(whole); i++)
        whole_p003 += strcmp(hyoka_report_code(whole, i), "P003") == 0;
    assert_int_equal(whole_p003, 500);
    hyoka_report_free(whole);
    hyoka_portfolio_free(pf);

    assert_int_equal(hyoka_set_allocator(count_malloc, count_realloc, count_free, NULL), HYOKA_OK);
    peak_small = stream_peak(small, small_len, ignore, &n_small, &dup_small);
    peak_large = stream_peak(large, large_len, ignore, &n_large, &dup_large);
    assert_int_equal(n_small, 200);
    assert_int_equal(n_large, 2000);
    assert_int_equal(dup_small + dup_large, 0);
    peak_kept = stream_peak(large, large_len, keep, &n_large, &dup_large);
    assert_int_equal(dup_large, whole_p003);
    assert_int_equal(counts.live, 0);
    assert_int_equal(hyoka_set_allocator(NULL, NULL, NULL, NULL), HYOKA_OK);
    print_message("P003 ignored: peak %zu bytes (200 projects), %zu bytes (2,000); kept: %zu bytes (2,000)\n",
                  peak_small, peak_large, peak_kept);
    /* 1,500 codes of 9 bytes kept when P003 is reported; none when not */
    assert_true(peak_kept >= peak_large + 1500 * 10);
    assert_true(peak_large <= peak_small + peak_small / 10);
    hyoka_rules_free(ignore);
    hyoka_rules_free(keep);
    hyoka_free(small);
    hyoka_free(large);
}

/* Out of memory anywhere: HYOKA_ENOMEM, nothing leaked. */
static int stream_body(void *ctx)
{
    const char *text = ctx;
    hyoka_stream *s = NULL;
    hyoka_project *p;
    hyoka_report *rep = NULL;
    int rc = hyoka_report_new(&rep);

    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka_stream_open_memory(&s, text, HYOKA_NTS, NULL, rep);
    if (rc == HYOKA_OK) {
        while ((rc = hyoka_stream_next(s, &p)) == 1) {
            rc = hyoka_stream_validate(s, rep);
            if (rc != HYOKA_OK)
                break;
        }
        hyoka_stream_free(s);
    }
    hyoka_report_free(rep);
    return rc == HYOKA_ENOMEM ? rc : HYOKA_OK;
}

static void test_out_of_memory(void **state)
{
    size_t len;
    char *text = sample_text(&len);
    (void)state;

    if (!text)
        skip();
    failalloc_install();
    assert_true(failalloc_sweep(stream_body, text) > 10);
    failalloc_uninstall();
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_samples),
        cmocka_unit_test(test_generated),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_hostile),
        cmocka_unit_test(test_deep),
        cmocka_unit_test(test_header_after_projects),
        cmocka_unit_test(test_window_grows_at_end),
#ifndef _WIN32
        cmocka_unit_test(test_fifo),
        cmocka_unit_test(test_open_file_folder),
#endif
        cmocka_unit_test(test_source_fails),
        cmocka_unit_test(test_detach),
        cmocka_unit_test(test_writers),
        cmocka_unit_test(test_writer_file),
        cmocka_unit_test(test_writer_sink_fails),
        cmocka_unit_test(test_bounded),
        cmocka_unit_test(test_p003_ignored),
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, remove_scratch);
}
