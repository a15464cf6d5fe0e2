/**
 * @file json.h
 * @brief The hyoka/1 JSON format (docs/format.md): a strict reader that
 *        reports every problem as a diagnostic, a canonical writer, and
 *        the hyoka-metrics/1 output of every figure.
 *
 * Reading is strict RFC 8259 (no comments, NaN, trailing commas, duplicate
 * keys, invalid UTF-8 or lone surrogates) with bounded depth and sizes.
 * Syntax problems are reported with codes J001…, shape problems with codes
 * S001…, each with line, column and JSON-pointer path.
 */
#ifndef HYOKA_JSON_H
#define HYOKA_JSON_H

#include "common.h"
#include "types.h"
#include "report.h"

HYOKA_BEGIN_DECLS

/**
 * Options of the reader. Initialise with hyoka_read_options_init(), then
 * change what you need. `size` lets later versions add fields.
 */
typedef struct hyoka_read_options {
    size_t size;         /**< sizeof(hyoka_read_options), set by hyoka_read_options_init(). */
    size_t max_depth;    /**< Deepest nesting of arrays and objects (default 64). */
    size_t max_document; /**< Largest document in bytes (default 4 GiB on 64-bit systems). */
    size_t max_string;   /**< Longest string in bytes after unescaping (default 1 MiB). */
    size_t max_number;   /**< Longest number literal in characters (default 256). */
    size_t max_diagnostics; /**< Keep at most this many diagnostics (default 1000; 0 = no limit): see hyoka_report_set_limit(). */
} hyoka_read_options;

/**
 * Fill @p options with the defaults.
 * @return ::HYOKA_OK or ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_read_options_init(hyoka_read_options *options);

/**
 * Read a hyoka/1 document.
 *
 * The portfolio's records, strings and small arrays are carved from a few
 * large blocks of the allocator (1 KiB doubling to 4 MiB) rather than
 * allocated one by one, and those blocks are given back by
 * hyoka_portfolio_free(). A read portfolio can be edited like any other;
 * the memory of what is replaced or removed is reused only after the
 * portfolio is freed.
 *
 * @param text    the document (UTF-8, no BOM required; a leading BOM is accepted).
 * @param len     its length in bytes (::HYOKA_NTS for NUL-terminated text).
 * @param options reader options, or NULL for the defaults.
 * @param out     receives the portfolio, owned by the caller, when the
 *                document has no error (warnings allowed); NULL otherwise.
 * @param report  receives every J/S diagnostic (appended); may be NULL.
 * @return ::HYOKA_OK; ::HYOKA_EINVALID when the document has errors (see
 *         @p report); ::HYOKA_EINVAL (NULL arguments, bad options);
 *         ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_json_read(const char *text, size_t len, const hyoka_read_options *options,
                              hyoka_portfolio **out, hyoka_report *report);

/**
 * Read a hyoka/1 document from a file (see hyoka_json_read()).
 * @return as hyoka_json_read(), and ::HYOKA_EIO when the file cannot be read.
 */
HYOKA_API int hyoka_json_read_file(const char *path, const hyoka_read_options *options,
                                   hyoka_portfolio **out, hyoka_report *report);

/** Writer flag: no indentation or newlines. */
#define HYOKA_WRITE_COMPACT 0x1u
/** Writer flag: write amounts in yen whatever the portfolio's amount unit. */
#define HYOKA_WRITE_YEN 0x2u
/* 0x4u is HYOKA_WRITE_REPLACE (common.h), a flag of the folder writers. */

/**
 * Write a portfolio as canonical hyoka/1 JSON: fixed member order, two-space
 * indentation (or compact), amounts in the portfolio's amount unit, missing
 * values omitted. Reading the output gives an equal portfolio, and writing
 * that again gives the same bytes.
 * @param flags 0 or HYOKA_WRITE_* flags.
 * @param out   receives the text (NUL-terminated), release with hyoka_free().
 * @param len   receives its length without the NUL; may be NULL.
 * @param portfolio the portfolio.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOMEM, ::HYOKA_ERANGE.
 */
HYOKA_API int hyoka_json_write(const hyoka_portfolio *portfolio, unsigned flags, char **out, size_t *len);

/**
 * Write a portfolio to a file (see hyoka_json_write()), as docs/output.md
 * says: a regular file (or none) is replaced atomically, through a new file
 * beside it that is renamed over it once complete, and keeps its permission
 * bits; a symbolic link to a regular file keeps the link and replaces the
 * file it points to; a device, FIFO or standard stream (/dev/stdout) is
 * written in place and never replaced; a folder is an error. On failure a
 * regular file is left as it was.
 * @param portfolio the portfolio.
 * @param flags 0 or HYOKA_WRITE_* flags (::HYOKA_WRITE_COMPACT, ::HYOKA_WRITE_YEN).
 * @param path  the file (UTF-8 on Windows).
 * @return as hyoka_json_write(), and ::HYOKA_EIO (the message names the
 *         path, the operation and the system's reason).
 */
HYOKA_API int hyoka_json_write_file(const hyoka_portfolio *portfolio, unsigned flags, const char *path);

/**
 * Write every figure of a portfolio as hyoka-metrics/1 JSON (docs/format.md,
 * The hyoka-metrics/1 output):
 * amounts in yen as integers, other figures as strings with their places,
 * null with a reason where unavailable, and the diagnostics of @p report.
 * @param report diagnostics to include (may be NULL).
 * @param flags  0 or ::HYOKA_WRITE_COMPACT.
 * @param lang   language of the messages (::hyoka_lang).
 * @param out    receives the text, release with hyoka_free().
 * @param len    receives its length; may be NULL.
 * @param portfolio the portfolio.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOMEM, ::HYOKA_ERANGE.
 */
HYOKA_API int hyoka_metrics_write(const hyoka_portfolio *portfolio, const hyoka_report *report, unsigned flags,
                                  int lang, char **out, size_t *len);

/**
 * Write the diagnostics of a report as a JSON array of objects with the
 * members code, severity, path, line, column (null when unknown) and
 * message (in @p lang), in report order.
 * @param report the report.
 * @param flags  0 or ::HYOKA_WRITE_COMPACT.
 * @param lang   a ::hyoka_lang.
 * @param out    receives the text, release with hyoka_free().
 * @param len    receives its length; may be NULL.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_report_write_json(const hyoka_report *report, unsigned flags, int lang, char **out, size_t *len);

HYOKA_END_DECLS

#endif /* HYOKA_JSON_H */
