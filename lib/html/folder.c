/* html/folder: hyoka_html_write_dir(), the pages of a portfolio written
 * into a folder: index.html and a page per project, named by
 * hyoka_html_file_name(). The folder is created when missing. */
#if !defined(_POSIX_C_SOURCE) || _POSIX_C_SOURCE < 200809L
#  undef _POSIX_C_SOURCE
#  define _POSIX_C_SOURCE 200809L
#endif

#include "html_internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#if defined(_WIN32)
#  include <direct.h>
#  define make_dir(path) _mkdir(path)
#else
#  define make_dir(path) mkdir((path), 0777)
#endif

static int write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    int e;

    if (!f) {
        e = errno;
        return hyoka__fail(HYOKA_EIO, "html: cannot open \"%s\" for writing: %s", path, strerror(e));
    }
    if (len && fwrite(data, 1, len, f) != len) {
        e = errno;
        fclose(f);
        return hyoka__fail(HYOKA_EIO, "html: cannot write \"%s\": %s", path, strerror(e));
    }
    if (fclose(f) != 0) {
        e = errno;
        return hyoka__fail(HYOKA_EIO, "html: cannot write \"%s\": %s", path, strerror(e));
    }
    return HYOKA_OK;
}

static int make_folder(const char *dir)
{
    struct stat st;
    int e;

    if (make_dir(dir) == 0)
        return HYOKA_OK;
    e = errno;
    if (e == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
        return HYOKA_OK;
    if (e == EEXIST)
        return hyoka__fail(HYOKA_EIO, "html: \"%s\" exists and is not a folder", dir);
    return hyoka__fail(HYOKA_EIO, "html: cannot create the folder \"%s\": %s", dir, strerror(e));
}

int hyoka_html_write_dir(const hyoka_portfolio *portfolio, int lang, const char *dir)
{
    struct hyoka__html_saved_error saved;
    size_t dlen, n;
    char *path = NULL, *page = NULL;
    size_t plen = 0;
    int rc;

    if (!portfolio || !dir)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_html_write_dir: NULL argument");
    if (hyoka__html_check_lang("hyoka_html_write_dir", lang) != HYOKA_OK)
        return HYOKA_EINVAL;
    dlen = strlen(dir);
    if (dlen == 0)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_html_write_dir: empty folder name");
    hyoka__html_save_error(&saved);
    rc = make_folder(dir);
    if (rc != HYOKA_OK)
        return rc;
    if (dlen > SIZE_MAX - 48)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_html_write_dir: folder name too long");
    path = hyoka__malloc(dlen + 48);
    if (!path)
        return hyoka__nomem();
    memcpy(path, dir, dlen);
    if (dir[dlen - 1] != '/')
        path[dlen++] = '/';

    memcpy(path + dlen, "index.html", sizeof "index.html");
    rc = hyoka_html_portfolio(portfolio, lang, &page, &plen);
    if (rc == HYOKA_OK) {
        rc = write_file(path, page, plen);
        hyoka_free(page);
        page = NULL;
    }
    n = portfolio->projects.count;
    for (size_t i = 0; rc == HYOKA_OK && i < n; i++) {
        rc = hyoka_html_file_name(i, path + dlen, 40, NULL);
        if (rc != HYOKA_OK)
            break;
        rc = hyoka_html_project(portfolio->projects.items[i], lang, &page, &plen);
        if (rc != HYOKA_OK)
            break;
        rc = write_file(path, page, plen);
        hyoka_free(page);
        page = NULL;
    }
    hyoka__free(path);
    if (rc == HYOKA_OK)
        hyoka__html_restore_error(&saved);
    return rc;
}
