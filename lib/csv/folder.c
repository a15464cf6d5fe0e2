/* A portfolio as a folder of CSV files, one per table, named after the
 * table (DIR/projects.csv...), both ways, through the file layer
 * (util/fsio.h): the folder is written whole or not at all, and every
 * table file is read up to the max_table limit. */
#include "csv_internal.h"
#include "report_internal.h"
#include "util/fsio.h"

#include <stdio.h>
#include <string.h>

/* "NAME.csv" */
#define FILE_NAME_MAX 32

int hyoka__csv_write_files(const char *fn, const char *dir, const hyoka_csv_options *opt, size_t n,
                           const char *const *names, char *const *bufs, const size_t *lens)
{
    struct hyoka__dir_out d;
    char name[FILE_NAME_MAX];
    int rc = hyoka__dir_begin(&d, fn, dir,
                              HYOKA__DIR_PARENTS | ((opt->flags & HYOKA_WRITE_REPLACE) ? HYOKA__DIR_REPLACE : 0));

    if (rc != HYOKA_OK)
        return rc;
    for (size_t t = 0; t < n && rc == HYOKA_OK; t++) {
        snprintf(name, sizeof name, "%s.csv", names[t]);
        rc = hyoka__dir_add(&d, name, bufs[t], lens[t]);
    }
    if (rc == HYOKA_OK)
        return hyoka__dir_commit(&d, fn);
    hyoka__dir_abort(&d);
    return rc;
}

int hyoka_csv_write_dir(const hyoka_portfolio *portfolio, const char *dir, const hyoka_csv_options *options,
                        hyoka_report *report)
{
    hyoka_csv_options opt;
    char *bufs[HYOKA_CSV_TABLE_COUNT] = {0};
    size_t lens[HYOKA_CSV_TABLE_COUNT] = {0};
    const char *names[HYOKA_CSV_TABLE_COUNT];
    char first[HYOKA__CSV_FIRST_MAX];
    int rc = HYOKA_OK, enc = HYOKA_OK;

    HYOKA__CHECK_NULL(portfolio);
    HYOKA__CHECK_NULL(dir);
    if (!*dir)
        return hyoka__fail(HYOKA_EINVAL, "%s: dir is empty", __func__);
    rc = hyoka__csv_writer_options(__func__, options, &opt, report);
    if (rc != HYOKA_OK)
        return rc;
    first[0] = '\0';
    /* Every table first, so that nothing is written when one fails. */
    for (int t = 0; t < HYOKA_CSV_TABLE_COUNT && rc == HYOKA_OK; t++) {
        int trc = hyoka__csv_write_one(portfolio, t, &opt, report, &bufs[t], &lens[t], enc == HYOKA_OK ? first : NULL,
                                       sizeof first);
        if (trc == HYOKA_EENCODING)
            enc = trc;
        else
            rc = trc;
    }
    if (rc == HYOKA_OK && enc != HYOKA_OK)
        rc = hyoka__fail(HYOKA_EENCODING, "%s", first);
    for (int t = 0; t < HYOKA_CSV_TABLE_COUNT; t++)
        names[t] = hyoka__csv_tables[t].name;
    if (rc == HYOKA_OK)
        rc = hyoka__csv_write_files(__func__, dir, &opt, HYOKA_CSV_TABLE_COUNT, names, bufs, lens);
    for (int t = 0; t < HYOKA_CSV_TABLE_COUNT; t++)
        hyoka__free(bufs[t]);
    return rc;
}

int hyoka__folder_diag(hyoka_report *report, int code, const char *fmt_en, const char *fmt_ja, ...)
{
    va_list ap;
    int rc;
    if (!report || !hyoka__report_admit(report, hyoka__codes[code].code, hyoka__code_severity(code)))
        return HYOKA_OK;
    va_start(ap, fmt_ja);
    rc = hyoka__report_vput(report, code, "", 0, 0, fmt_en, fmt_ja, ap);
    va_end(ap);
    return rc == HYOKA_OK ? HYOKA_OK : hyoka__nomem();
}

int hyoka__folder_read(struct hyoka__folder *f, const char *name, unsigned flags, struct hyoka__file_data *file)
{
    size_t size = strlen(f->dir) + 1 + strlen(name) + 1;
    char *path = hyoka__malloc(size);
    char en[512], ja[512]; /* a name of at most 255 bytes and the message */
    int rc;

    memset(file, 0, sizeof *file);
    if (!path)
        return hyoka__nomem();
    snprintf(path, size, "%s/%s", f->dir, name);
    rc = hyoka__fsio_read(f->fn, path, f->max_table, flags, file);
    hyoka__free(path);
    if (rc != HYOKA_ERANGE)
        return rc == HYOKA_OK ? 1 : rc;
    f->too_large++;
    snprintf(en, sizeof en, "%s: the table file is larger than the limit of %zu bytes (max_table)", name,
             f->max_table);
    snprintf(ja, sizeof ja, "%s: 表のファイルが上限の %zu バイトを超える (max_table)", name, f->max_table);
    rc = hyoka__folder_diag(f->report, HYOKA__MSG(V007), en, ja);
    return rc == HYOKA_OK ? 0 : rc;
}

int hyoka__folder_end(const struct hyoka__folder *f)
{
    if (f->too_large == 0)
        return HYOKA_OK;
    return hyoka__fail(HYOKA_EINVALID, "%s: %zu table file%s of \"%s\" larger than the limit of %zu bytes (see the report)",
                       f->fn, f->too_large, f->too_large == 1 ? " is" : "s are", f->dir, f->max_table);
}

int hyoka_csv_read_dir(const char *dir, const hyoka_csv_options *options, hyoka_portfolio **out, hyoka_report *report)
{
    hyoka_csv_options opt;
    struct hyoka__folder f = {__func__, dir, 0, report, 0};
    struct hyoka__file_data files[HYOKA_CSV_TABLE_COUNT];
    const char *texts[HYOKA_CSV_TABLE_COUNT] = {0};
    size_t lens[HYOKA_CSV_TABLE_COUNT] = {0};
    size_t present = 0;
    char name[FILE_NAME_MAX];
    int rc;

    if (out)
        *out = NULL;
    HYOKA__CHECK_NULL(dir);
    HYOKA__CHECK_NULL(out);
    rc = hyoka__csv_check_options(__func__, options, &opt);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka__fsio_check_dir(__func__, dir);
    if (rc != HYOKA_OK)
        return rc;
    if (report)
        report->limit = opt.max_diagnostics;
    f.max_table = opt.max_table;
    memset(files, 0, sizeof files);
    for (int t = 0; t < HYOKA_CSV_TABLE_COUNT && rc == HYOKA_OK; t++) {
        snprintf(name, sizeof name, "%s.csv", hyoka__csv_tables[t].name);
        rc = hyoka__folder_read(&f, name, HYOKA__FSIO_MISSING_OK, &files[t]);
        if (rc <= 0)
            continue;
        rc = HYOKA_OK;
        texts[t] = files[t].data;
        lens[t] = files[t].len;
        present += files[t].data != NULL;
    }
    if (rc == HYOKA_OK)
        rc = hyoka__folder_end(&f);
    if (rc == HYOKA_OK && present == 0) {
        rc = hyoka__folder_diag(report, HYOKA__MSG(V008));
        if (rc == HYOKA_OK)
            rc = hyoka__fail(HYOKA_EINVALID, "%s: \"%s\" has none of the tables (document.csv, projects.csv...)",
                             __func__, dir);
    }
    if (rc == HYOKA_OK)
        rc = hyoka_csv_read_tables(texts, lens, &opt, out, report);
    for (int t = 0; t < HYOKA_CSV_TABLE_COUNT; t++)
        hyoka__fsio_release(&files[t]);
    return rc;
}
