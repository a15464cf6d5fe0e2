/* A portfolio as a folder of CSV files, one per table, named after the
 * table (DIR/projects.csv...), both ways, through the file layer
 * (util/fsio.h): the folder is written whole or not at all, and every
 * table file is read up to the max_table limit. */
#include "csv_internal.h"
#include "report_internal.h"
#include "util/fsio.h"

#include <stdio.h>

/* "NAME.csv" */
#define FILE_NAME_MAX 32

static void file_name(int table, char *buf)
{
    snprintf(buf, FILE_NAME_MAX, "%s.csv", hyoka__csv_tables[table].name);
}

int hyoka_csv_write_dir(const hyoka_portfolio *portfolio, const char *dir, const hyoka_csv_options *options,
                        hyoka_report *report)
{
    hyoka_csv_options opt;
    struct hyoka__dir_out d;
    char *bufs[HYOKA_CSV_TABLE_COUNT] = {0};
    size_t lens[HYOKA_CSV_TABLE_COUNT] = {0};
    char first[HYOKA__CSV_FIRST_MAX], name[FILE_NAME_MAX];
    int rc = HYOKA_OK, enc = HYOKA_OK;

    HYOKA__CHECK_NULL(portfolio);
    HYOKA__CHECK_NULL(dir);
    if (!*dir)
        return hyoka__fail(HYOKA_EINVAL, "%s: dir is empty", __func__);
    rc = hyoka__csv_check_options(__func__, options, &opt);
    if (rc != HYOKA_OK)
        return rc;
    if (report)
        report->limit = opt.max_diagnostics;
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
    if (rc == HYOKA_OK)
        rc = hyoka__dir_begin(&d, __func__, dir,
                              HYOKA__DIR_PARENTS | ((opt.flags & HYOKA_WRITE_REPLACE) ? HYOKA__DIR_REPLACE : 0));
    if (rc == HYOKA_OK) {
        for (int t = 0; t < HYOKA_CSV_TABLE_COUNT && rc == HYOKA_OK; t++) {
            file_name(t, name);
            rc = hyoka__dir_add(&d, name, bufs[t], lens[t]);
        }
        if (rc == HYOKA_OK)
            rc = hyoka__dir_commit(&d, __func__);
        else
            hyoka__dir_abort(&d);
    }
    for (int t = 0; t < HYOKA_CSV_TABLE_COUNT; t++)
        hyoka__free(bufs[t]);
    return rc;
}

/* An error about the folder as a whole (no row, no column):
 * folder_diag(report, HYOKA__MSG(V008)). */
static int folder_diag(hyoka_report *report, int code, const char *fmt_en, const char *fmt_ja, ...)
    HYOKA_PRINTF2(3, 4, 5);
static int folder_diag(hyoka_report *report, int code, const char *fmt_en, const char *fmt_ja, ...)
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

int hyoka_csv_read_dir(const char *dir, const hyoka_csv_options *options, hyoka_portfolio **out, hyoka_report *report)
{
    hyoka_csv_options opt;
    struct hyoka__file_data files[HYOKA_CSV_TABLE_COUNT];
    const char *texts[HYOKA_CSV_TABLE_COUNT] = {0};
    size_t lens[HYOKA_CSV_TABLE_COUNT] = {0};
    size_t present = 0, too_large = 0;
    char name[FILE_NAME_MAX], en[256], ja[256];
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
    memset(files, 0, sizeof files);
    for (int t = 0; t < HYOKA_CSV_TABLE_COUNT && rc == HYOKA_OK; t++) {
        size_t size;
        char *path;

        file_name(t, name);
        size = strlen(dir) + 1 + strlen(name) + 1;
        path = hyoka__malloc(size);
        if (!path) {
            rc = hyoka__nomem();
            break;
        }
        snprintf(path, size, "%s/%s", dir, name);
        rc = hyoka__fsio_read(__func__, path, opt.max_table, HYOKA__FSIO_MISSING_OK, &files[t]);
        hyoka__free(path);
        if (rc == HYOKA_ERANGE) {
            too_large++;
            snprintf(en, sizeof en, "%s: the table file is larger than the limit of %zu bytes (max_table)", name,
                     opt.max_table);
            snprintf(ja, sizeof ja, "%s: 表のファイルが上限の %zu バイトを超える (max_table)", name,
                     opt.max_table);
            rc = folder_diag(report, HYOKA__MSG(V007), en, ja);
            continue;
        }
        texts[t] = files[t].data;
        lens[t] = files[t].len;
        present += files[t].data != NULL;
    }
    if (rc == HYOKA_OK && too_large > 0)
        rc = hyoka__fail(HYOKA_EINVALID,
                         "%s: %zu table file%s of \"%s\" larger than the limit of %zu bytes (see the report)", __func__,
                         too_large, too_large == 1 ? " is" : "s are", dir, opt.max_table);
    if (rc == HYOKA_OK && present == 0) {
        rc = folder_diag(report, HYOKA__MSG(V008));
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
