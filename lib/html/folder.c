/* html/folder: hyoka_html_write_dir() and hyoka_html_write_dir_flags(),
 * the pages of a portfolio written into a folder: index.html and a page per
 * project, named by hyoka_html_file_name(). The folder is made whole beside
 * the target and then takes its place (util/fsio.h). */
#include "html_internal.h"
#include "util/fsio.h"

static int write_dir(const char *fn, const hyoka_portfolio *portfolio, int lang, const char *dir, unsigned flags)
{
    struct hyoka__html_saved_error saved;
    struct hyoka__dir_out d;
    char name[40];
    char *page = NULL;
    size_t plen = 0;
    int rc;

    HYOKA__CHECK_NULL_IN(fn, portfolio);
    HYOKA__CHECK_NULL_IN(fn, dir);
    if (hyoka__check_lang(fn, lang) != HYOKA_OK)
        return HYOKA_EINVAL;
    if (!dir[0])
        return hyoka__fail(HYOKA_EINVAL, "%s: empty folder name", fn);
    if (flags & ~HYOKA_WRITE_REPLACE)
        return hyoka__fail(HYOKA_EINVAL, "%s: unknown flags 0x%x", fn, flags & ~HYOKA_WRITE_REPLACE);
    hyoka__html_save_error(&saved);
    rc = hyoka__dir_begin(&d, fn, dir, (flags & HYOKA_WRITE_REPLACE) ? HYOKA__DIR_REPLACE : 0);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka_html_portfolio(portfolio, lang, &page, &plen);
    if (rc == HYOKA_OK) {
        rc = hyoka__dir_add(&d, "index.html", page, plen);
        hyoka_free(page);
    }
    for (size_t i = 0; rc == HYOKA_OK && i < portfolio->projects.count; i++) {
        rc = hyoka_html_file_name(i, name, sizeof name, NULL);
        if (rc == HYOKA_OK)
            rc = hyoka_html_project(portfolio->projects.items[i], lang, &page, &plen);
        if (rc == HYOKA_OK) {
            rc = hyoka__dir_add(&d, name, page, plen);
            hyoka_free(page);
        }
    }
    if (rc != HYOKA_OK) {
        hyoka__dir_abort(&d);
        return rc;
    }
    rc = hyoka__dir_commit(&d, fn);
    if (rc == HYOKA_OK)
        hyoka__html_restore_error(&saved);
    return rc;
}

int hyoka_html_write_dir(const hyoka_portfolio *portfolio, int lang, const char *dir)
{
    return write_dir("hyoka_html_write_dir", portfolio, lang, dir, 0);
}

int hyoka_html_write_dir_flags(const hyoka_portfolio *portfolio, int lang, const char *dir, unsigned flags)
{
    return write_dir("hyoka_html_write_dir_flags", portfolio, lang, dir, flags);
}
