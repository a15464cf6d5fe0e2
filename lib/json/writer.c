/* json_writer: hyoka/1 and hyoka-metrics/1 written project by project
 * (hyoka_writer_new(), include/hyoka/stream.h): the documents' three parts
 * (output.h) over a byte buffer that sends its bytes to the caller's sink
 * (util/buf.h) or to a file (hyoka_writer_new_file(), util/fsio.h), so
 * the memory held is one project's text at most. A
 * writer of a folder of tables (hyoka_writer_new_dir()) hands each call to
 * its folder's writer (csv/metrics_dir.h). */
#include "output.h"
#include "csv/metrics_dir.h"
#include "util/fsio.h"
#include "hyoka/json.h"
#include "hyoka/stream.h"

struct hyoka_writer {
    struct hyoka__json_writer w;
    struct hyoka__metrics_dir *dir; /* a folder's writer, NULL for a document */
    struct hyoka__file_out *file;   /* a document's file until finished (hyoka_writer_new_file()) */
    int format;
    int finished;
    hyoka_sink_fn sink;
    void *user;
};

/* The buffer's sink: the caller's, its failure HYOKA_EIO. */
static int to_sink(void *user, const char *data, size_t len)
{
    struct hyoka_writer *wr = user;
    if (wr->sink(wr->user, data, len) != 0)
        return hyoka__fail(HYOKA_EIO, "hyoka_writer: the sink failed");
    return HYOKA_OK;
}

/* The arguments of a document's writer (hyoka_writer_new(),
 * hyoka_writer_new_file()), checked. */
static int check_document(const char *fn, int format, const hyoka_portfolio *header, unsigned flags, int lang)
{
    unsigned allowed = format == HYOKA_WRITER_HYOKA ? HYOKA_WRITE_COMPACT | HYOKA_WRITE_YEN : HYOKA_WRITE_COMPACT;

    if (!header)
        return hyoka__fail(HYOKA_EINVAL, "%s: header is NULL", fn);
    if (format == HYOKA_WRITER_METRICS_CSV)
        return hyoka__fail(HYOKA_EINVAL, "%s: HYOKA_WRITER_METRICS_CSV writes a folder: use hyoka_writer_new_dir()",
                           fn);
    if (format != HYOKA_WRITER_HYOKA && format != HYOKA_WRITER_METRICS)
        return hyoka__fail(HYOKA_EINVAL, "%s: %d is not a hyoka_writer_format", fn, format);
    if (flags & ~allowed)
        return hyoka__fail(HYOKA_EINVAL, "%s: unknown flags 0x%x", fn, flags & ~allowed);
    return format == HYOKA_WRITER_METRICS ? hyoka__check_lang(fn, lang) : HYOKA_OK;
}

/* A document's writer whose buffer sends its bytes to @p sink (@p user),
 * its header written; NULL when out of memory. */
static struct hyoka_writer *start_document(int format, const hyoka_portfolio *header, unsigned flags, int lang,
                                           int (*sink)(void *user, const char *data, size_t len), void *user)
{
    struct hyoka_writer *wr = hyoka__heap_calloc(1, sizeof *wr);

    if (!wr)
        return NULL;
    wr->format = format;
    hyoka__json_writer_init(&wr->w, !(flags & HYOKA_WRITE_COMPACT), sink, user ? user : wr);
    if (format == HYOKA_WRITER_HYOKA) {
        wr->w.pf = header;
        wr->w.unit = (flags & HYOKA_WRITE_YEN) ? HYOKA_UNIT_YEN : header->amount_unit;
        hyoka__json_doc_head(&wr->w, header);
    } else {
        hyoka__json_metrics_head(&wr->w, header, lang);
    }
    return wr;
}

int hyoka_writer_new(hyoka_writer **out, int format, const hyoka_portfolio *header, unsigned flags, int lang,
                     hyoka_sink_fn sink, void *user)
{
    static const char fn[] = "hyoka_writer_new";
    struct hyoka_writer *wr;
    int rc;

    if (out)
        *out = NULL;
    if (!out || !sink)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL", fn, !out ? "out" : "sink");
    rc = check_document(fn, format, header, flags, lang);
    if (rc != HYOKA_OK)
        return rc;
    wr = start_document(format, header, flags, lang, to_sink, NULL);
    if (!wr)
        return hyoka__nomem();
    wr->sink = sink;
    wr->user = user;
    *out = wr;
    return wr->w.out.err;
}

int hyoka_writer_new_file(hyoka_writer **out, int format, const hyoka_portfolio *header, unsigned flags, int lang,
                          const char *path)
{
    static const char fn[] = "hyoka_writer_new_file";
    struct hyoka__file_out *file;
    struct hyoka_writer *wr;
    int rc;

    if (out)
        *out = NULL;
    if (!out || !path)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL", fn, !out ? "out" : "path");
    if (!path[0])
        return hyoka__fail(HYOKA_EINVAL, "%s: path is empty", fn);
    rc = check_document(fn, format, header, flags, lang);
    if (rc != HYOKA_OK)
        return rc;
    file = hyoka__heap_calloc(1, sizeof *file);
    if (!file)
        return hyoka__nomem();
    rc = hyoka__fsio_open(file, fn, path);
    if (rc != HYOKA_OK) {
        hyoka__free(file);
        return rc;
    }
    wr = start_document(format, header, flags, lang, hyoka__fsio_write, file);
    if (!wr) {
        hyoka__fsio_abort(file);
        hyoka__free(file);
        return hyoka__nomem();
    }
    wr->file = file;
    rc = wr->w.out.err;
    if (rc != HYOKA_OK) { /* the header could not be written: nothing is made */
        hyoka_writer_free(wr);
        return rc;
    }
    *out = wr;
    return HYOKA_OK;
}

int hyoka_writer_new_dir(hyoka_writer **out, int format, const hyoka_portfolio *header, const char *dir,
                         const hyoka_csv_options *options, hyoka_report *report)
{
    static const char fn[] = "hyoka_writer_new_dir";
    struct hyoka_writer *wr;
    int rc;

    (void)header; /* the tables of figures have no header */
    if (out)
        *out = NULL;
    if (!out || !dir)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL", fn, !out ? "out" : "dir");
    if (format == HYOKA_WRITER_HYOKA || format == HYOKA_WRITER_METRICS)
        return hyoka__fail(HYOKA_EINVAL, "%s: format %d writes a document, not a folder: use hyoka_writer_new()", fn,
                           format);
    if (format != HYOKA_WRITER_METRICS_CSV)
        return hyoka__fail(HYOKA_EINVAL, "%s: %d is not a hyoka_writer_format", fn, format);
    wr = hyoka__heap_calloc(1, sizeof *wr);
    if (!wr)
        return hyoka__nomem();
    wr->format = format;
    rc = hyoka__metrics_dir_new(&wr->dir, fn, dir, options, report);
    if (rc != HYOKA_OK) {
        hyoka__free(wr);
        return rc;
    }
    *out = wr;
    return HYOKA_OK;
}

int hyoka_writer_project(hyoka_writer *wr, const hyoka_project *project)
{
    if (!wr || !project)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_writer_project: %s is NULL", !wr ? "writer" : "project");
    if (wr->finished)
        return hyoka__fail(HYOKA_ESTATE, "hyoka_writer_project: the document is finished");
    if (wr->dir)
        return hyoka__metrics_dir_project(wr->dir, project);
    if (wr->w.out.err == HYOKA_OK) {
        if (wr->format == HYOKA_WRITER_HYOKA)
            hyoka__json_doc_project(&wr->w, project);
        else
            hyoka__json_metrics_project(&wr->w, project);
    }
    return wr->w.out.err;
}

int hyoka_writer_finish(hyoka_writer *wr, const hyoka_report *report)
{
    int rc;

    if (!wr)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_writer_finish: writer is NULL");
    if (wr->finished)
        return hyoka__fail(HYOKA_ESTATE, "hyoka_writer_finish: the document is finished");
    wr->finished = 1;
    if (wr->dir)
        return hyoka__metrics_dir_finish(wr->dir);
    if (wr->format == HYOKA_WRITER_HYOKA)
        hyoka__json_doc_tail(&wr->w);
    else
        hyoka__json_metrics_tail(&wr->w, report);
    rc = hyoka__json_writer_finish(&wr->w, NULL, NULL);
    if (wr->file) { /* put in place whole, or not at all */
        if (rc == HYOKA_OK)
            rc = hyoka__fsio_commit(wr->file);
        else
            hyoka__fsio_abort(wr->file);
        hyoka__free(wr->file);
        wr->file = NULL;
    }
    return rc;
}

void hyoka_writer_free(hyoka_writer *wr)
{
    if (!wr)
        return;
    hyoka__metrics_dir_free(wr->dir);
    if (wr->file) { /* unfinished: the target is left as it was */
        hyoka__fsio_abort(wr->file);
        hyoka__free(wr->file);
    }
    hyoka__year_index_release(&wr->w.years);
    hyoka__buf_free(&wr->w.out);
    hyoka__free(wr);
}
