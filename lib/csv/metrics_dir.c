/* The tables of figures (metrics.c) written into a folder as they are
 * made: the rows of each project go to the files of a folder being made
 * beside the target (util/fsio.h), which takes the target's place at the
 * end. The files are byte for byte those of hyoka_metrics_csv_write_dir():
 * CP932 is encoded a piece at a time, each piece ending with a row.
 *
 * The diagnostics too: hyoka_metrics_csv_write_dir() makes the years
 * table whole, then the indicators table only when the years table could
 * be written; so the V003 of the indicators table wait in a report of
 * their own, and join the caller's at the end only when the years table
 * had none. */
#include "csv_internal.h"
#include "metrics_dir.h"
#include "util/fsio.h"

#include <stdio.h>

/* Rows held before they are sent to their file (always whole projects). */
#define PIECE_SIZE HYOKA__BUF_SINK_SIZE
/* "NAME.csv" */
#define FILE_NAME_MAX 32

struct hyoka__metrics_dir {
    const char *fn;
    struct hyoka__dir_out d;
    struct hyoka__dir_file file[HYOKA_METRICS_TABLE_COUNT];
    char names[HYOKA_METRICS_TABLE_COUNT][FILE_NAME_MAX];
    struct hyoka__metrics_csv m[HYOKA_METRICS_TABLE_COUNT];
    hyoka_report *later; /* the V003 of the indicators table; NULL without a report */
    size_t position;     /* top-level projects written */
    int encoding;
    int err;             /* first failure */
    bool open;           /* the folder is being made */
    bool files;          /* the files are open */
};

/* Whether a cell CP932 cannot hold was found: nothing more is written. */
static bool unwritable(const struct hyoka__metrics_dir *w)
{
    return w->m[HYOKA_METRICS_YEARS].bad > 0 || w->m[HYOKA_METRICS_INDICATORS].bad > 0;
}

/* Send the rows held for table @p t to its file (in CP932, encoded). */
static void send(struct hyoka__metrics_dir *w, int t)
{
    struct hyoka__metrics_csv *m = &w->m[t];
    int rc = m->o.err;

    if (rc == HYOKA_OK && m->o.len > 0 && !unwritable(w)) {
        if (w->encoding == HYOKA_ENCODING_CP932) {
            char *bytes = NULL;
            size_t len = 0;
            rc = hyoka_cp932_encode(hyoka__buf_str(&m->o), m->o.len, &bytes, &len, NULL);
            if (rc == HYOKA_OK)
                rc = hyoka__dir_file_write(&w->file[t], bytes, len);
            hyoka_free(bytes);
        } else {
            rc = hyoka__dir_file_write(&w->file[t], m->o.data, m->o.len);
        }
    }
    m->o.len = 0;
    if (w->err == HYOKA_OK)
        w->err = rc;
}

/* Close the files (flushed to disk, or as they are after a failure). */
static void close_files(struct hyoka__metrics_dir *w)
{
    if (!w->files)
        return;
    w->files = false;
    for (int t = 0; t < HYOKA_METRICS_TABLE_COUNT; t++) {
        if (w->err == HYOKA_OK)
            w->err = hyoka__dir_file_close(&w->file[t]);
        else
            hyoka__dir_file_discard(&w->file[t]);
    }
}

int hyoka__metrics_dir_new(struct hyoka__metrics_dir **out, const char *fn, const char *dir,
                           const hyoka_csv_options *options, hyoka_report *report)
{
    struct hyoka__metrics_dir *w;
    hyoka_csv_options opt;
    int rc;

    *out = NULL;
    rc = hyoka__csv_writer_options(fn, options, &opt, report);
    if (rc != HYOKA_OK)
        return rc;
    w = hyoka__heap_calloc(1, sizeof *w);
    if (!w)
        return hyoka__nomem();
    w->fn = fn;
    w->encoding = opt.encoding;
    if (report && opt.encoding == HYOKA_ENCODING_CP932 && hyoka_report_new(&w->later) != HYOKA_OK) {
        hyoka__free(w);
        return HYOKA_ENOMEM;
    }
    rc = hyoka__dir_begin(&w->d, fn, dir,
                          HYOKA__DIR_PARENTS | ((opt.flags & HYOKA_WRITE_REPLACE) ? HYOKA__DIR_REPLACE : 0));
    w->open = rc == HYOKA_OK;
    for (int t = 0; t < HYOKA_METRICS_TABLE_COUNT && rc == HYOKA_OK; t++) {
        snprintf(w->names[t], sizeof w->names[t], "%s.csv", hyoka__metrics_csv_tables[t]);
        rc = hyoka__dir_file_open(&w->d, w->names[t], &w->file[t]);
        if (rc != HYOKA_OK) {
            while (t-- > 0)
                hyoka__dir_file_discard(&w->file[t]);
        }
    }
    if (rc != HYOKA_OK) {
        hyoka__metrics_dir_free(w);
        return rc;
    }
    w->files = true;
    for (int t = 0; t < HYOKA_METRICS_TABLE_COUNT; t++)
        hyoka__metrics_csv_begin(&w->m[t], t, opt.encoding, t == HYOKA_METRICS_YEARS ? report : w->later);
    *out = w;
    return HYOKA_OK;
}

int hyoka__metrics_dir_project(struct hyoka__metrics_dir *w, const hyoka_project *project)
{
    for (int t = 0; t < HYOKA_METRICS_TABLE_COUNT && w->err == HYOKA_OK; t++) {
        struct hyoka__metrics_csv *m = &w->m[t];
        /* the indicators table is not made once the years table cannot be written */
        if (t == HYOKA_METRICS_INDICATORS && w->m[HYOKA_METRICS_YEARS].bad > 0)
            break;
        hyoka__metrics_csv_project(m, project, w->position);
        if (m->o.err != HYOKA_OK || m->o.len >= PIECE_SIZE || unwritable(w))
            send(w, t);
    }
    w->position++;
    return w->err;
}

int hyoka__metrics_dir_finish(struct hyoka__metrics_dir *w)
{
    int rc = HYOKA_OK;

    for (int t = 0; t < HYOKA_METRICS_TABLE_COUNT; t++) {
        send(w, t);
        hyoka__year_index_release(&w->m[t].years);
    }
    /* the order of hyoka_metrics_csv_write_dir(): the years table, then the indicators table */
    for (int t = 0; t < HYOKA_METRICS_TABLE_COUNT && rc == HYOKA_OK && w->err == HYOKA_OK; t++) {
        rc = hyoka__metrics_csv_status(&w->m[t]);
        if (t == HYOKA_METRICS_YEARS && rc == HYOKA_OK && w->later &&
            hyoka_report_append(w->m[HYOKA_METRICS_YEARS].report, w->later) != HYOKA_OK)
            rc = HYOKA_ENOMEM;
    }
    if (rc != HYOKA_OK && w->err == HYOKA_OK)
        w->err = rc;
    close_files(w);
    if (w->err == HYOKA_OK)
        w->err = hyoka__dir_commit(&w->d, w->fn);
    else
        hyoka__dir_abort(&w->d);
    w->open = false;
    return w->err;
}

void hyoka__metrics_dir_free(struct hyoka__metrics_dir *w)
{
    if (!w)
        return;
    if (w->err == HYOKA_OK)
        w->err = HYOKA_ESTATE; /* unfinished: the files are given up */
    close_files(w);
    if (w->open)
        hyoka__dir_abort(&w->d);
    for (int t = 0; t < HYOKA_METRICS_TABLE_COUNT; t++) {
        hyoka__year_index_release(&w->m[t].years);
        hyoka__buf_free(&w->m[t].o);
    }
    hyoka_report_free(w->later);
    hyoka__free(w);
}
