/* A portfolio as a folder of CSV files, one per table, named after the
 * table (DIR/projects.csv...), both ways. */
#if !defined(_POSIX_C_SOURCE) || _POSIX_C_SOURCE < 200809L
#  undef _POSIX_C_SOURCE
#  define _POSIX_C_SOURCE 200809L
#endif

#include "csv_internal.h"
#include "report.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

static int io_fail(const char *fn, const char *what, const char *path, int err)
{
    char msg[256];
    if (strerror_r(err, msg, sizeof msg) != 0)
        snprintf(msg, sizeof msg, "error %d", err);
    return hyoka__fail(HYOKA_EIO, "%s: %s \"%s\": %s", fn, what, path, msg);
}

/* "DIR/NAME.csv", allocated. */
static char *table_path(const char *dir, int table)
{
    size_t dl = strlen(dir), nl = strlen(hyoka__csv_tables[table].name);
    char *p;

    if (dl > SIZE_MAX - nl - 6)
        return NULL;
    p = hyoka__malloc(dl + nl + 6);
    if (!p)
        return NULL;
    memcpy(p, dir, dl);
    p[dl] = '/';
    memcpy(p + dl + 1, hyoka__csv_tables[table].name, nl);
    memcpy(p + dl + 1 + nl, ".csv", 5);
    return p;
}

/* mkdir -p */
static int make_dirs(const char *fn, const char *dir)
{
    size_t n = strlen(dir);
    char *p = hyoka__strndup(dir, n);
    struct stat sb;
    int rc = HYOKA_OK;

    if (!p)
        return hyoka__nomem();
    for (size_t i = 1; i <= n && rc == HYOKA_OK; i++) {
        if (i < n && p[i] != '/')
            continue;
        if (p[i - 1] == '/')
            continue;
        p[i] = '\0';
        if (mkdir(p, 0777) != 0) {
            int err = errno;
            /* an existing folder is fine, whatever mkdir said */
            if (stat(p, &sb) != 0)
                rc = io_fail(fn, "cannot create the folder", p, err);
            else if (!S_ISDIR(sb.st_mode))
                rc = io_fail(fn, "cannot create the folder", p, err == EEXIST ? ENOTDIR : err);
        }
        if (i < n)
            p[i] = '/';
    }
    hyoka__free(p);
    return rc;
}

static int write_file(const char *fn, const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    int err;

    if (!f)
        return io_fail(fn, "cannot create", path, errno);
    if (len && fwrite(data, 1, len, f) != len) {
        err = errno ? errno : EIO;
        fclose(f);
        return io_fail(fn, "cannot write", path, err);
    }
    if (fclose(f) != 0)
        return io_fail(fn, "cannot write", path, errno);
    return HYOKA_OK;
}

int hyoka_csv_write_dir(const hyoka_portfolio *portfolio, const char *dir, const hyoka_csv_options *options,
                        hyoka_report *report)
{
    static const char fn[] = "hyoka_csv_write_dir";
    hyoka_csv_options opt;
    char *bufs[HYOKA_CSV_TABLE_COUNT] = {0};
    size_t lens[HYOKA_CSV_TABLE_COUNT] = {0};
    char first[HYOKA__CSV_FIRST_MAX];
    int rc = HYOKA_OK, enc = HYOKA_OK;

    if (!portfolio || !dir)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL", fn, !portfolio ? "portfolio" : "dir");
    if (!*dir)
        return hyoka__fail(HYOKA_EINVAL, "%s: dir is empty", fn);
    rc = hyoka__csv_check_options(fn, options, &opt);
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
        rc = make_dirs(fn, dir);
    for (int t = 0; t < HYOKA_CSV_TABLE_COUNT && rc == HYOKA_OK; t++) {
        char *path = table_path(dir, t);
        if (!path) {
            rc = hyoka__nomem();
            break;
        }
        rc = write_file(fn, path, bufs[t], lens[t]);
        hyoka__free(path);
    }
    for (int t = 0; t < HYOKA_CSV_TABLE_COUNT; t++)
        hyoka__free(bufs[t]);
    return rc;
}

/* Read a whole file. *data NULL (and HYOKA_OK) when it does not exist. */
static int read_file(const char *fn, const char *path, char **data, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t n = 0, cap = 0;
    int err;

    *data = NULL;
    *len = 0;
    if (!f) {
        if (errno == ENOENT)
            return HYOKA_OK;
        return io_fail(fn, "cannot open", path, errno);
    }
    for (;;) {
        size_t got;
        if (cap - n < 4096) {
            size_t ncap = cap ? cap * 2 : 65536;
            char *nb;
            if (ncap < cap) {
                hyoka__free(buf);
                fclose(f);
                return hyoka__nomem();
            }
            nb = hyoka__realloc(buf, ncap);
            if (!nb) {
                hyoka__free(buf);
                fclose(f);
                return hyoka__nomem();
            }
            buf = nb;
            cap = ncap;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                err = errno ? errno : EIO;
                hyoka__free(buf);
                fclose(f);
                return io_fail(fn, "cannot read", path, err);
            }
            break;
        }
    }
    fclose(f);
    *data = buf;
    *len = n;
    return HYOKA_OK;
}

int hyoka_csv_read_dir(const char *dir, const hyoka_csv_options *options, hyoka_portfolio **out, hyoka_report *report)
{
    static const char fn[] = "hyoka_csv_read_dir";
    char *bufs[HYOKA_CSV_TABLE_COUNT] = {0};
    const char *texts[HYOKA_CSV_TABLE_COUNT] = {0};
    size_t lens[HYOKA_CSV_TABLE_COUNT] = {0};
    struct stat sb;
    int rc = HYOKA_OK;

    if (out)
        *out = NULL;
    if (!dir || !out)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL", fn, !dir ? "dir" : "out");
    if (stat(dir, &sb) != 0)
        return io_fail(fn, "cannot open the folder", dir, errno);
    if (!S_ISDIR(sb.st_mode))
        return io_fail(fn, "cannot open the folder", dir, ENOTDIR);
    for (int t = 0; t < HYOKA_CSV_TABLE_COUNT && rc == HYOKA_OK; t++) {
        char *path = table_path(dir, t);
        if (!path) {
            rc = hyoka__nomem();
            break;
        }
        rc = read_file(fn, path, &bufs[t], &lens[t]);
        hyoka__free(path);
        texts[t] = bufs[t] ? bufs[t] : NULL;
    }
    if (rc == HYOKA_OK)
        rc = hyoka_csv_read_tables(texts, lens, options, out, report);
    for (int t = 0; t < HYOKA_CSV_TABLE_COUNT; t++)
        hyoka__free(bufs[t]);
    return rc;
}
