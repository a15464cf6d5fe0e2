/**
 * @file html.h
 * @brief Publication: self-contained HTML pages in the layout of a
 *        municipal evaluation sheet, with SVG charts drawn by the library.
 *
 * Pages hold no script and load nothing: styles are inline and charts are
 * inline SVG. Every text from the document is escaped. Pages print on A4.
 */
#ifndef HYOKA_HTML_H
#define HYOKA_HTML_H

#include "common.h"
#include "types.h"

HYOKA_BEGIN_DECLS

/**
 * Write the sheet of one project: basic information, the cost table by
 * fiscal year with funding and staff, the indicator table with achievement
 * rates, the evaluations, sub-projects, and two kinds of SVG chart — total
 * cost by year stacked by funding source, and each indicator's actual
 * against its target.
 * @param project the project (its portfolio, if any, gives denominators and rounding).
 * @param lang    language of the labels (::hyoka_lang).
 * @param out     receives the page (UTF-8), release with hyoka_free().
 * @param len     receives its length; may be NULL.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_html_project(const hyoka_project *project, int lang, char **out, size_t *len);

/**
 * Write the index page of a portfolio: every top-level project with its
 * headline figures (latest total cost, per capita, final verdict) and a link
 * to its sheet, named as hyoka_html_file_name() names it.
 * @param portfolio the portfolio.
 * @param lang      language of the labels (::hyoka_lang).
 * @param out       receives the page, release with hyoka_free().
 * @param len       receives its length; may be NULL.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_html_portfolio(const hyoka_portfolio *portfolio, int lang, char **out, size_t *len);

/**
 * The file name of a top-level project's sheet: "project-N.html", N its
 * 1-based position, so any code (even one with "/" or none) is safe.
 * @param index position of the project in the portfolio, from 0.
 * @param buf   caller's buffer (40 bytes suffice for any index); see common.h.
 * @param size  its size.
 * @param len   receives the length; may be NULL.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ERANGE.
 */
HYOKA_API int hyoka_html_file_name(size_t index, char *buf, size_t size, size_t *len);

/**
 * Write the index page and every project's sheet into a folder:
 * index.html, project-N.html and a `.hyoka-output` marker, labelled in
 * @p lang (a ::hyoka_lang). The same as
 * hyoka_html_write_dir_flags() with no flags: a folder that holds files
 * hyoka did not write is refused.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_EIO, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_html_write_dir(const hyoka_portfolio *portfolio, int lang, const char *dir);

/**
 * Write the index page and every project's sheet into a folder, made whole
 * or not at all (docs/output.md): the pages are written into a new folder
 * beside @p dir, which then takes its place. A missing @p dir is created
 * (its parent folder must exist); an empty folder, or one written by
 * hyoka before (it has a `.hyoka-output` file), is replaced whole, so no
 * page of an earlier portfolio stays; a folder with other files is refused
 * unless @p flags has ::HYOKA_WRITE_REPLACE; a symbolic link is refused.
 * On failure @p dir is left as it was.
 * @param portfolio the portfolio.
 * @param lang      language of the labels (::hyoka_lang).
 * @param dir       the folder (UTF-8 on Windows).
 * @param flags     0 or ::HYOKA_WRITE_REPLACE.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_EIO (the message names the
 *         path, the operation and the reason), ::HYOKA_ENOMEM.
 * @since 1.1
 */
HYOKA_API int hyoka_html_write_dir_flags(const hyoka_portfolio *portfolio, int lang, const char *dir,
                                         unsigned flags);

HYOKA_END_DECLS

#endif /* HYOKA_HTML_H */
