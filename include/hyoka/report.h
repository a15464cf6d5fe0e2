/**
 * @file report.h
 * @brief Diagnostics: validation of a portfolio (docs/validation.md) and
 *        the problems found while reading a document, in one report.
 *
 * A diagnostic has a stable code (P001, C005, J001, S002...), a severity,
 * a location — a JSON-pointer path into the hyoka/1 form of the document
 * and, when the document was read from text, a line and a column — and a
 * message in English and in Japanese. docs/validation.md gives the rule of
 * every validation code, docs/format.md and docs/csv.md the codes of the
 * readers, and docs/glossary.md lists them all.
 */
#ifndef HYOKA_REPORT_H
#define HYOKA_REPORT_H

#include "common.h"
#include "types.h"

HYOKA_BEGIN_DECLS

/** A list of diagnostics. Owned by the caller (hyoka_report_free()). */
typedef struct hyoka_report hyoka_report;

/**
 * Create an empty report.
 * @param out receives the report, owned by the caller.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_report_new(hyoka_report **out);

/** Free a report; NULL is ignored. */
HYOKA_API void hyoka_report_free(hyoka_report *report);

/**
 * Validate a portfolio and append its diagnostics to @p report, in
 * document order. Validation never stops at the first problem and never
 * changes the portfolio.
 * @return ::HYOKA_OK (whatever was found), ::HYOKA_EINVAL, ::HYOKA_ENOMEM
 *         (the report may then hold part of the diagnostics).
 */
HYOKA_API int hyoka_validate(const hyoka_portfolio *portfolio, hyoka_report *report);

/**
 * Append a diagnostic (for callers that add checks of their own).
 * @param code     a short code (ASCII letters and digits, 1..15 bytes).
 * @param severity a ::hyoka_severity.
 * @param path     JSON pointer (may be NULL or "" for the whole document).
 * @param message_en English message; must not be NULL.
 * @param message_ja Japanese message; NULL uses the English one.
 * @param report the report.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_EENCODING, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_report_add(hyoka_report *report, const char *code, int severity, const char *path,
                               const char *message_en, const char *message_ja);

/** Number of diagnostics. */
HYOKA_API size_t hyoka_report_count(const hyoka_report *report);

/** Number of diagnostics of one severity (@p severity, a ::hyoka_severity). */
HYOKA_API size_t hyoka_report_count_severity(const hyoka_report *report, int severity);

/** The code of a diagnostic ("C005"), borrowed; NULL when out of range. */
HYOKA_API const char *hyoka_report_code(const hyoka_report *report, size_t index);

/** The severity (::hyoka_severity) of a diagnostic, or ::HYOKA_EINVAL when out of range. */
HYOKA_API int hyoka_report_severity(const hyoka_report *report, size_t index);

/** The JSON-pointer path of a diagnostic, borrowed ("" for the document); NULL when out of range. */
HYOKA_API const char *hyoka_report_path(const hyoka_report *report, size_t index);

/**
 * The line and column (1-based; the column counts Unicode characters) of a
 * diagnostic in the text it was read from. Outputs may be NULL and get 0
 * when unknown.
 * @return ::HYOKA_OK, ::HYOKA_ENOTFOUND (out of range), ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_report_position(const hyoka_report *report, size_t index, int64_t *line, int64_t *column);

/** The message of a diagnostic in @p lang, a ::hyoka_lang, borrowed; NULL when out of range. */
HYOKA_API const char *hyoka_report_message(const hyoka_report *report, size_t index, int lang);

/**
 * Fill in the line and column of every diagnostic that has a path but no
 * position, by finding the paths in the hyoka/1 JSON text the portfolio was
 * read from (one pass over the text). A path that does not occur in the
 * text (a member that is absent) gets the position of its nearest
 * enclosing value that does.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_report_locate(hyoka_report *report, const char *json, size_t len);

/**
 * The English or Japanese title of a catalog code, by @p lang (a
 * ::hyoka_lang): "C005" → "stated per-capita, per-household or unit cost
 * differs from the computed one".
 * @return a static string owned by the library, NULL for an unknown code.
 */
HYOKA_API const char *hyoka_code_title(const char *code, int lang);

/**
 * The severity of a catalog code (::hyoka_severity), or ::HYOKA_ENOTFOUND.
 */
HYOKA_API int hyoka_code_severity(const char *code);

HYOKA_END_DECLS

#endif /* HYOKA_REPORT_H */
