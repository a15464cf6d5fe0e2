/* json_writer: hyoka/1 and hyoka-metrics/1 written project by project
 * (hyoka_writer_new(), include/hyoka/stream.h): the documents' three parts
 * (output.h) over a byte buffer that sends its bytes to the caller's sink
 * (util/buf.h), so the memory held is one project's text at most. A
 * writer of a folder of tables (hyoka_writer_new_dir()) hands each call to
 * its folder's writer (csv/metrics_dir.h). */
#include "output.h"
#include "csv/metrics_dir.h"
#include "hyoka/json.h"
#include "hyoka/stream.h"

struct hyoka_writer {
    struct hyoka__json_writer w;
    struct hyoka__metrics_dir *dir; /* a folder's writer, NULL for a document */
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

int hyoka_writer_new(hyoka_writer **out, int format, const hyoka_portfolio *header, unsigned flags, int lang,
                     hyoka_sink_fn sink, void *user)
{
    static const char fn[] = "hyoka_writer_new";
    unsigned allowed = format == HYOKA_WRITER_HYOKA ? HYOKA_WRITE_COMPACT | HYOKA_WRITE_YEN : HYOKA_WRITE_COMPACT;
    struct hyoka_writer *wr;

    if (out)
        *out = NULL;
    if (!out || !header || !sink)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL", fn, !out ? "out" : !header ? "header" : "sink");
    if (format == HYOKA_WRITER_METRICS_CSV)
        return hyoka__fail(HYOKA_EINVAL, "%s: HYOKA_WRITER_METRICS_CSV writes a folder: use hyoka_writer_new_dir()",
                           fn);
    if (format != HYOKA_WRITER_HYOKA && format != HYOKA_WRITER_METRICS)
        return hyoka__fail(HYOKA_EINVAL, "%s: %d is not a hyoka_writer_format", fn, format);
    if (flags & ~allowed)
        return hyoka__fail(HYOKA_EINVAL, "%s: unknown flags 0x%x", fn, flags & ~allowed);
    if (format == HYOKA_WRITER_METRICS) {
        int rc = hyoka__check_lang(fn, lang);
        if (rc != HYOKA_OK)
            return rc;
    }
    wr = hyoka__heap_calloc(1, sizeof *wr);
    if (!wr)
        return hyoka__nomem();
    wr->format = format;
    wr->sink = sink;
    wr->user = user;
    hyoka__json_writer_init(&wr->w, !(flags & HYOKA_WRITE_COMPACT), to_sink, wr);
    if (format == HYOKA_WRITER_HYOKA) {
        wr->w.pf = header;
        wr->w.unit = (flags & HYOKA_WRITE_YEN) ? HYOKA_UNIT_YEN : header->amount_unit;
        hyoka__json_doc_head(&wr->w, header);
    } else {
        hyoka__json_metrics_head(&wr->w, header, lang);
    }
    *out = wr;
    return wr->w.out.err;
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
    return hyoka__json_writer_finish(&wr->w, NULL, NULL);
}

void hyoka_writer_free(hyoka_writer *wr)
{
    if (!wr)
        return;
    hyoka__metrics_dir_free(wr->dir);
    hyoka__year_index_release(&wr->w.years);
    hyoka__buf_free(&wr->w.out);
    hyoka__free(wr);
}
