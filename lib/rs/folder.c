/* The RS tables as a folder of `{table}_RS_{year}_{title}.csv` files, both
 * ways, through the file layer (util/fsio.h): the folder is written whole
 * or not at all, and every table file is read up to the max_table limit.
 * Reading finds each table by the start of its name (`2-1_RS_`), whatever
 * the year and title, as the RS system's downloads name them. */
#include "rs_internal.h"
#include "report_internal.h"
#include "util/fsio.h"

#include <stdio.h>
#include <string.h>

/* The longest file name written: "{table}_RS_{year}_{title}.csv". */
#define NAME_MAX_ 256

int hyoka_rs_write_dir(const hyoka_portfolio *portfolio, const char *dir, const hyoka_rs_options *options,
                       hyoka_report *report)
{
    static const char fn[] = "hyoka_rs_write_dir";
    hyoka_rs_options opt;
    struct hyoka__dir_out d;
    struct hyoka__buf bufs[HYOKA_RS_TABLE_COUNT];
    char name[NAME_MAX_];
    int32_t year;
    int rc;

    (void)report;
    if (!portfolio || !dir)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL", fn, !portfolio ? "portfolio" : "dir");
    if (!*dir)
        return hyoka__fail(HYOKA_EINVAL, "%s: dir is empty", fn);
    rc = hyoka__rs_check_options(fn, options, &opt);
    if (rc != HYOKA_OK)
        return rc;
    year = hyoka__rs_year(portfolio, &opt);
    if (!year)
        return hyoka__fail(HYOKA_EINVAL, "%s: no review year: options->year is 0 and the first project has no 事業年度",
                           fn);
    /* Every table first, so that nothing is written when one fails. */
    for (int t = 0; t < HYOKA_RS_TABLE_COUNT; t++) {
        hyoka__buf_init(&bufs[t]);
        if (rc == HYOKA_OK) {
            hyoka__rs_write_one(portfolio, t, &opt, &bufs[t]);
            rc = bufs[t].err;
        }
    }
    if (rc == HYOKA_OK)
        rc = hyoka__dir_begin(&d, fn, dir,
                              HYOKA__DIR_PARENTS | ((opt.flags & HYOKA_WRITE_REPLACE) ? HYOKA__DIR_REPLACE : 0));
    if (rc == HYOKA_OK) {
        for (int t = 0; t < HYOKA_RS_TABLE_COUNT && rc == HYOKA_OK; t++) {
            snprintf(name, sizeof name, "%s_RS_%d_%s.csv", hyoka__rs_tables[t].name, (int)year,
                     hyoka__rs_tables[t].title);
            rc = hyoka__dir_add(&d, name, bufs[t].data ? bufs[t].data : "", bufs[t].len);
        }
        if (rc == HYOKA_OK)
            rc = hyoka__dir_commit(&d, fn);
        else
            hyoka__dir_abort(&d);
    }
    for (int t = 0; t < HYOKA_RS_TABLE_COUNT; t++)
        hyoka__buf_free(&bufs[t]);
    return rc;
}

/* The files of a folder found for each table: the first name in byte
 * order that starts with "{table}_RS_" and ends with ".csv". */
struct found {
    char *name[HYOKA_RS_TABLE_COUNT];
    size_t count[HYOKA_RS_TABLE_COUNT];
    int rc;
};

static int each_name(void *user, const char *name)
{
    struct found *f = user;
    size_t n = strlen(name);

    if (n < 4 || strcmp(name + n - 4, ".csv") != 0)
        return 0;
    for (int t = 0; t < HYOKA_RS_TABLE_COUNT; t++) {
        const char *tn = hyoka__rs_tables[t].name;
        size_t tl = strlen(tn);
        if (strncmp(name, tn, tl) != 0 || strncmp(name + tl, "_RS_", 4) != 0)
            continue;
        f->count[t]++;
        if (!f->name[t] || strcmp(name, f->name[t]) < 0) {
            char *copy = hyoka__malloc(n + 1);
            if (!copy) {
                f->rc = hyoka__nomem();
                return 1;
            }
            memcpy(copy, name, n + 1);
            hyoka__free(f->name[t]);
            f->name[t] = copy;
        }
    }
    return 0;
}

int hyoka_rs_read_dir(const char *dir, const hyoka_rs_options *options, hyoka_portfolio **out, hyoka_report *report)
{
    static const char fn[] = "hyoka_rs_read_dir";
    struct hyoka__rs_reader *r = NULL;
    struct hyoka__folder f = {fn, dir, 0, report, 0};
    struct found found;
    size_t present = 0;
    char en[512], ja[512];
    int rc;

    if (out)
        *out = NULL;
    if (!dir || !out)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL", fn, !dir ? "dir" : "out");
    rc = hyoka__fsio_check_dir(fn, dir);
    if (rc == HYOKA_OK)
        rc = hyoka__rs_reader_new(fn, options, report, &r);
    if (rc != HYOKA_OK)
        return rc;
    memset(&found, 0, sizeof found);
    rc = hyoka__fsio_names(fn, dir, each_name, &found);
    if (rc == HYOKA_OK)
        rc = found.rc;
    /* one table at a time: each file is released once read */
    f.max_table = r->opt.max_table;
    for (int t = 0; t < HYOKA_RS_TABLE_COUNT && rc == HYOKA_OK; t++) {
        struct hyoka__file_data file;

        if (!found.name[t]) {
            hyoka__rs_reader_table(r, t, NULL, 0);
            continue;
        }
        if (found.count[t] > 1) {
            snprintf(en, sizeof en, "%zu files of table %s: %s read", found.count[t], hyoka__rs_tables[t].name,
                     found.name[t]);
            snprintf(ja, sizeof ja, "表 %s のファイルが %zu 個: %s を読む", hyoka__rs_tables[t].name, found.count[t],
                     found.name[t]);
            rc = hyoka__folder_diag(report, HYOKA__MSG(V010), en, ja);
            if (rc != HYOKA_OK)
                break;
        }
        rc = hyoka__folder_read(&f, found.name[t], HYOKA__FSIO_MAP, &file);
        if (rc == 1) {
            hyoka__rs_reader_table(r, t, file.data ? file.data : "", file.len);
            present++;
            rc = HYOKA_OK;
        }
        hyoka__fsio_release(&file);
    }
    if (rc == HYOKA_OK)
        rc = hyoka__folder_end(&f);
    if (rc == HYOKA_OK && present == 0) {
        rc = hyoka__folder_diag(report, HYOKA__V008, "the folder has none of the RS tables (1-1_RS_*.csv, 2-1_RS_*.csv...)",
                                "フォルダに RS の表がひとつもない (1-1_RS_*.csv、2-1_RS_*.csv など)");
        if (rc == HYOKA_OK)
            rc = hyoka__fail(HYOKA_EINVALID, "%s: \"%s\" has none of the RS tables (1-1_RS_*.csv...)", fn, dir);
    }
    for (int t = 0; t < HYOKA_RS_TABLE_COUNT; t++)
        hyoka__free(found.name[t]);
    if (rc != HYOKA_OK) {
        hyoka__rs_reader_end(r, fn, NULL);
        return rc;
    }
    return hyoka__rs_reader_end(r, fn, out);
}
