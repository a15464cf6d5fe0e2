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
 * readers, and docs/glossary.md lists them all (all from the one registry
 * of codes of the library).
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
 * Append a diagnostic (for callers that add checks of their own). It is
 * counted, and kept or not, like the library's own (see
 * hyoka_report_set_limit() and hyoka_report_set_rules()).
 * @param code     a short code (ASCII letters and digits, 1..15 bytes).
 * @param severity a ::hyoka_severity.
 * @param path     JSON pointer (may be NULL or "" for the whole document).
 * @param message_en English message; must not be NULL.
 * @param message_ja Japanese message; NULL uses the English one.
 * @param report the report.
 * @return ::HYOKA_OK (also when the report does not keep it), ::HYOKA_EINVAL,
 *         ::HYOKA_EENCODING, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_report_add(hyoka_report *report, const char *code, int severity, const char *path,
                               const char *message_en, const char *message_ja);

/**
 * Append every diagnostic kept by @p from, with its line and column, in
 * order (since 1.1): each is counted, and kept or not, as
 * hyoka_report_add() would count it in @p report (its rules and limit).
 * For a program that validates into a report of its own and joins it to
 * the reading's afterwards. What @p from counted without keeping is not
 * carried over (see hyoka_report_dropped()).
 * @param report the report appended to.
 * @param from   the report appended (borrowed; unchanged); not @p report.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_report_append(hyoka_report *report, const hyoka_report *from);

/** Number of diagnostics kept (those hyoka_report_code() and the other
 *  accessors reach: indexes 0 .. count-1). */
HYOKA_API size_t hyoka_report_count(const hyoka_report *report);

/** Number of diagnostics kept of one severity (@p severity, a ::hyoka_severity). */
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
 * @name Counts
 * A report counts every diagnostic it is given, whether it keeps it or
 * not: the counts are exact whatever the limit. Diagnostics excluded by
 * the rules (hyoka_report_set_rules()) are not counted there, only as
 * ignored.
 * @{
 */

/** Number of diagnostics given to the report and not excluded by its
 *  rules: those kept and those dropped because of the limit. (Since 1.1.) */
HYOKA_API size_t hyoka_report_total(const hyoka_report *report);

/** hyoka_report_total() for one ::hyoka_severity (0 for another value).
 *  (Since 1.1.) */
HYOKA_API size_t hyoka_report_total_severity(const hyoka_report *report, int severity);

/** Number of diagnostics not kept because of the limit:
 *  hyoka_report_total() − hyoka_report_count(). (Since 1.1.) */
HYOKA_API size_t hyoka_report_dropped(const hyoka_report *report);

/** Number of diagnostics the rules excluded (not in the totals). (Since 1.1.) */
HYOKA_API size_t hyoka_report_ignored(const hyoka_report *report);

/**
 * Keep at most @p limit diagnostics (0: no limit, the default of a new
 * report). The readers set it from the `max_diagnostics` of their options.
 *
 * When the report is full, a new diagnostic more severe than the least
 * severe one kept takes the place of the last of those: errors are kept
 * before warnings and warnings before notes, and the kept diagnostics
 * stay in the order they were given. Lowering the limit below
 * hyoka_report_count() drops the least severe, latest first. Either way
 * the counts stay exact. (Since 1.1.)
 * @return ::HYOKA_OK, ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_report_set_limit(hyoka_report *report, size_t limit);

/** The limit of the report (0: none). (Since 1.1.) */
HYOKA_API size_t hyoka_report_limit(const hyoka_report *report);

/** Number of entries of the tally: the distinct (code, severity) pairs
 *  counted. (Since 1.1.) */
HYOKA_API size_t hyoka_report_tally_count(const hyoka_report *report);

/**
 * One entry of the tally: how many diagnostics of a code and severity the
 * report counted (kept or not). Entries are in the order of their codes
 * (byte order: "C001" before "I002"), then of severity. (Since 1.1.)
 * @param report   the report.
 * @param index    0 .. hyoka_report_tally_count() − 1.
 * @param code     receives the code, borrowed from the report (valid
 *                 until it is freed or given another diagnostic); may be
 *                 NULL.
 * @param severity receives its ::hyoka_severity; may be NULL.
 * @param count    receives the count; may be NULL.
 * @return ::HYOKA_OK, ::HYOKA_ENOTFOUND (out of range), ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_report_tally(const hyoka_report *report, size_t index, const char **code, int *severity,
                                 size_t *count);

/** @} */

/**
 * @name Rules
 * Which diagnostics a report keeps, as linters choose: select and ignore
 * codes or code prefixes ("I002", "I", "C00") and a minimum severity;
 * docs/rules.md gives the rules and the format of a rules file. Errors of
 * reading (J, S, V and R codes of severity error) are never excluded: they
 * are why a read fails.
 * @{
 */

/** A set of rules. Owned by the caller (hyoka_rules_free()). (Since 1.1.) */
typedef struct hyoka_rules hyoka_rules;

/**
 * Create rules that keep everything. (Since 1.1.)
 * @param out receives the rules, owned by the caller.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_rules_new(hyoka_rules **out);

/** Free rules; NULL is ignored. (Since 1.1.) */
HYOKA_API void hyoka_rules_free(hyoka_rules *rules);

/**
 * Select a code or a code prefix (1 to 15 ASCII letters or digits,
 * compared case-sensitively). Once a code is selected, only selected codes
 * are kept. The most specific pattern decides: with "I" selected and
 * "I002" ignored, I001 is kept and I002 is not; with "I" ignored and
 * "I002" selected, only I002 of the I codes is kept; an ignore wins over
 * the same select. (Since 1.1.)
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (a bad pattern), ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_rules_select(hyoka_rules *rules, const char *pattern);

/** Ignore a code or a code prefix (see hyoka_rules_select()). (Since 1.1.)
 *  @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOMEM. */
HYOKA_API int hyoka_rules_ignore(hyoka_rules *rules, const char *pattern);

/**
 * Keep only diagnostics at least as severe as @p severity: with
 * ::HYOKA_SEVERITY_WARNING, errors and warnings (the default:
 * ::HYOKA_SEVERITY_INFO, everything). (Since 1.1.)
 * @return ::HYOKA_OK, ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_rules_set_min_severity(hyoka_rules *rules, int severity);

/** 1 when the rules keep a diagnostic of @p code and @p severity, else 0
 *  (NULL rules keep everything; a NULL code gives 0). (Since 1.1.) */
HYOKA_API int hyoka_rules_allows(const hyoka_rules *rules, const char *code, int severity);

/**
 * Add the rules of a rules file's text (docs/rules.md: `key = value`
 * lines, `#` comments; keys `select`, `ignore`, `min-severity`) to
 * @p rules. Every bad line is a diagnostic R001 in @p report (may be NULL)
 * with its line and column; the good lines are applied. (Since 1.1.)
 * @param rules  the rules to add to.
 * @param text   the text (UTF-8; a leading byte-order mark is skipped).
 * @param len    its length in bytes, or ::HYOKA_NTS.
 * @param report receives the R001 diagnostics (appended); may be NULL.
 * @return ::HYOKA_OK; ::HYOKA_EINVALID when a line is bad; ::HYOKA_EINVAL;
 *         ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_rules_parse(hyoka_rules *rules, const char *text, size_t len, hyoka_report *report);

/**
 * hyoka_rules_parse() on the contents of a file (at most 1 MiB). (Since 1.1.)
 * @return as hyoka_rules_parse(), and ::HYOKA_EIO when the file cannot be
 *         read, ::HYOKA_ELIMIT when it is larger.
 */
HYOKA_API int hyoka_rules_read_file(hyoka_rules *rules, const char *path, hyoka_report *report);

/**
 * Make the report exclude what @p rules exclude from now on: such
 * diagnostics are counted by hyoka_report_ignored() only. The report keeps
 * its own copy: @p rules stays the caller's. NULL removes the rules.
 * (Since 1.1.)
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_report_set_rules(hyoka_report *report, const hyoka_rules *rules);

/** @} */

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
