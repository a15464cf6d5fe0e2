/* The tables of figures written into a folder project by project
 * (metrics_dir.c), for the public writer (json/writer.c:
 * hyoka_writer_new_dir() with HYOKA_WRITER_METRICS_CSV). Not installed. */
#ifndef HYOKA_CSV_METRICS_DIR_H
#define HYOKA_CSV_METRICS_DIR_H

#include "internal.h"
#include "hyoka/csv.h"

struct hyoka__metrics_dir;

/* Check the options, make the folder beside @p dir (util/fsio.h) and
 * start both files with their header rows. @p fn names the caller in
 * messages and in the folder's marker. On failure nothing was made and
 * *out is NULL. */
int hyoka__metrics_dir_new(struct hyoka__metrics_dir **out, const char *fn, const char *dir,
                           const hyoka_csv_options *options, hyoka_report *report);
/* The rows of the next top-level project (and its sub-projects), sent on
 * to the files. HYOKA_OK, or the first failure (a cell CP932 cannot hold
 * is not one until the end). */
int hyoka__metrics_dir_project(struct hyoka__metrics_dir *w, const hyoka_project *project);
/* Close the files and put the folder in place, or remove it on any
 * failure (HYOKA_EENCODING included). Once only. */
int hyoka__metrics_dir_finish(struct hyoka__metrics_dir *w);
/* Free; a folder not finished is removed, its target untouched. */
void hyoka__metrics_dir_free(struct hyoka__metrics_dir *w);

#endif
