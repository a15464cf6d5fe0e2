/**
 * @file stream.h
 * @brief Reading a hyoka/1 document one top-level project at a time, and
 *        writing hyoka/1, hyoka-metrics/1 or the folder of figures tables
 *        project by project (docs/streaming.md), in memory bounded by the
 *        largest project.
 *
 * A stream reads the document's header first — everything but the
 * projects: format, amount_unit, municipality, denominators, rounding,
 * stated_tolerance, schemes — into a portfolio the stream owns
 * (hyoka_stream_portfolio()), then gives the top-level projects one by one
 * (hyoka_stream_next()). Each project belongs to that portfolio while it is
 * current, so its figures see the denominators, rounding and schemes of
 * the document. Memory holds the header, the current project and one code
 * per project read (for P003), never the whole document.
 *
 * Diagnostics of reading go to the report given at open, with the same
 * codes, JSON-pointer paths (`/projects/<index>/…`), lines and columns as
 * hyoka_json_read() gives for the same document. A syntax error (J codes
 * but J005) stops the stream; any other problem is reported and reading
 * goes on.
 *
 * Header members after "projects" (canonical hyoka/1 puts projects last):
 * a memory or file stream reads them at open (the projects array is
 * scanned over first, nothing built); a callback stream cannot go back,
 * and reports each one as J007 (read, but after the projects it governs).
 *
 * Available since 1.1 (version node HYOKA_1.1). A stream is used by one
 * thread at a time.
 */
#ifndef HYOKA_STREAM_H
#define HYOKA_STREAM_H

#include "common.h"
#include "types.h"
#include "report.h"
#include "json.h"
#include "csv.h"

HYOKA_BEGIN_DECLS

/** A hyoka/1 document being read project by project. Owned by the caller (hyoka_stream_free()). */
typedef struct hyoka_stream hyoka_stream;

/**
 * Where a callback stream takes its bytes: store up to @p size bytes in
 * @p buf and their number in @p *got (0 only at the end of the document).
 * @param user the pointer given to hyoka_stream_open_source().
 * @param buf  where to store the bytes (owned by the stream).
 * @param size room in @p buf.
 * @param got  receives the number of bytes stored.
 * @return 0, or nonzero when reading failed (the stream fails with
 *         ::HYOKA_EIO).
 */
typedef int (*hyoka_source_fn)(void *user, char *buf, size_t size, size_t *got);

/**
 * Open a stream over a document in memory and read its header.
 * @param out     receives the stream, owned by the caller; NULL on failure.
 * @param text    the document; borrowed: it must stay unchanged until the
 *                stream is freed.
 * @param len     its length in bytes (::HYOKA_NTS for NUL-terminated text).
 * @param options reader options, or NULL for the defaults.
 * @param report  receives the diagnostics of reading (appended; its limit
 *                is set to max_diagnostics); may be NULL. Borrowed: it must
 *                outlive the stream.
 * @return ::HYOKA_OK (the header may have shape problems: see the report);
 *         ::HYOKA_EINVALID when a syntax error stops reading before the
 *         first project; ::HYOKA_EINVAL; ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_stream_open_memory(hyoka_stream **out, const char *text, size_t len,
                                       const hyoka_read_options *options, hyoka_report *report);

/**
 * Open a stream over a file (mapped; the pages read are given back as
 * reading goes on) and read its header. What is not a regular file (a
 * FIFO, a character device, a socket, `/dev/stdin` on a pipe) is read as
 * it comes, as by hyoka_stream_open_source(): only the current project's
 * text is held (since 1.1; 1.0 read it whole first), and a header member
 * after `projects` is J007. Arguments and results as
 * hyoka_stream_open_memory(), and ::HYOKA_EIO when the file cannot be read.
 * @param out receives the stream, owned by the caller.
 * @param path the file (UTF-8 on Windows).
 * @param options reader options, or NULL.
 * @param report receives the diagnostics (may be NULL; must outlive the stream).
 */
HYOKA_API int hyoka_stream_open_file(hyoka_stream **out, const char *path, const hyoka_read_options *options,
                                     hyoka_report *report);

/**
 * Open a stream whose bytes come from @p source (a pipe, a socket, a
 * decompressor...) and read its header. Only the current project's text is
 * held. Arguments and results as hyoka_stream_open_memory(), and
 * ::HYOKA_EIO when @p source fails.
 * @param out receives the stream, owned by the caller.
 * @param source the callback; @p user is passed to it.
 * @param user the callback's argument.
 * @param options reader options, or NULL.
 * @param report receives the diagnostics (may be NULL; must outlive the stream).
 */
HYOKA_API int hyoka_stream_open_source(hyoka_stream **out, hyoka_source_fn source, void *user,
                                       const hyoka_read_options *options, hyoka_report *report);

/**
 * The document's header as a portfolio: borrowed, owned by the stream,
 * valid until hyoka_stream_free(). It holds the current project only; do
 * not add or remove projects. NULL for a NULL stream.
 */
HYOKA_API hyoka_portfolio *hyoka_stream_portfolio(const hyoka_stream *stream);

/**
 * Read the next top-level project. The previous one is released (unless
 * detached).
 * @param stream  the stream.
 * @param project receives the project: borrowed, owned by the stream, a
 *                project of hyoka_stream_portfolio(), valid until the next
 *                call of hyoka_stream_next() or hyoka_stream_free(), or
 *                until detached. NULL unless 1 is returned.
 * @return 1 with a project (it may have problems: see the report); 0 at
 *         the end of a document without errors; ::HYOKA_EINVALID at the
 *         end of a document with errors, or when a syntax error stops
 *         reading; ::HYOKA_EIO, ::HYOKA_ENOMEM, ::HYOKA_EINVAL. Once it
 *         has returned 0 or a failure, it returns the same again.
 */
HYOKA_API int hyoka_stream_next(hyoka_stream *stream, hyoka_project **project);

/**
 * The position of the current project in the document's projects array
 * (0 for the first), as in its diagnostics' paths; SIZE_MAX when there is
 * no current project.
 */
HYOKA_API size_t hyoka_stream_index(const hyoka_stream *stream);

/**
 * Hand the current project to the caller: @p out receives a standalone
 * copy, owned by the caller (hyoka_project_free()), that belongs to no
 * portfolio (add it to one for the document's denominators and rounding).
 * The stream has no current project afterwards.
 * @return ::HYOKA_OK, ::HYOKA_ESTATE (no current project), ::HYOKA_EINVAL,
 *         ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_stream_detach(hyoka_stream *stream, hyoka_project **out);

/**
 * Validate the current project as hyoka_validate() validates it within the
 * whole document (docs/validation.md): the same diagnostics, paths
 * included, and P003 against every earlier top-level project of the stream
 * (the stream keeps each project's code, nothing else). When the rules of
 * the report given at open (set by hyoka_report_set_rules() before the
 * open) exclude P003, the stream keeps no code and reports no P003,
 * whatever the rules of @p report (nor counts one as ignored:
 * hyoka_report_ignored()). Each diagnostic
 * gets the line and column hyoka_report_locate() would give it in the
 * whole document (placed from the current project's text; since
 * hyoka_validate() gives none, that function is needed there).
 * @param stream the stream.
 * @param report receives the diagnostics (appended).
 * @return ::HYOKA_OK, ::HYOKA_ESTATE (no current project), ::HYOKA_EINVAL,
 *         ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_stream_validate(hyoka_stream *stream, hyoka_report *report);

/** Close a stream: the current project and the header go with it; NULL is ignored. */
HYOKA_API void hyoka_stream_free(hyoka_stream *stream);

/* ------------------------------------------------------------------------ */
/* Writing project by project                                                */

/**
 * Where a writer sends its bytes, as they are made.
 * @param user the pointer given to hyoka_writer_new().
 * @param data the bytes (borrowed for the call).
 * @param len  their number (never 0).
 * @return 0, or nonzero when writing failed (the writer fails with
 *         ::HYOKA_EIO).
 */
typedef int (*hyoka_sink_fn)(void *user, const char *data, size_t len);

/** The documents a writer makes. Values are never renumbered. */
typedef enum hyoka_writer_format {
    HYOKA_WRITER_HYOKA = 0,      /**< hyoka/1 JSON, as hyoka_json_write() (hyoka_writer_new()). */
    HYOKA_WRITER_METRICS = 1,    /**< hyoka-metrics/1 JSON, as hyoka_metrics_write() (hyoka_writer_new()). */
    HYOKA_WRITER_METRICS_CSV = 2 /**< the folder of figures tables, as hyoka_metrics_csv_write_dir()
                                      (hyoka_writer_new_dir(); since 1.1). */
} hyoka_writer_format;

/** A document being written project by project. Owned by the caller (hyoka_writer_free()). */
typedef struct hyoka_writer hyoka_writer;

/**
 * Start a document (since 1.1): the writer writes the header of
 * @p header (for hyoka/1: everything but its projects) and then each
 * project given to hyoka_writer_project(), in memory bounded by one
 * project's text. The bytes are exactly those of hyoka_json_write() or
 * hyoka_metrics_write() for a portfolio with that header and those
 * projects, in that order.
 * @param out    receives the writer, owned by the caller.
 * @param format a ::hyoka_writer_format.
 * @param header the document's header (a stream's portfolio, say);
 *               borrowed until hyoka_writer_finish().
 * @param flags  for hyoka/1: 0, ::HYOKA_WRITE_COMPACT, ::HYOKA_WRITE_YEN;
 *               for hyoka-metrics/1: 0 or ::HYOKA_WRITE_COMPACT.
 * @param lang   hyoka-metrics/1: the language of the diagnostics'
 *               messages (::hyoka_lang); ignored for hyoka/1.
 * @param sink   where the bytes go; @p user is passed to it.
 * @param user   the sink's argument.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (also for ::HYOKA_WRITER_METRICS_CSV,
 *         which writes a folder: see hyoka_writer_new_dir()),
 *         ::HYOKA_ENOMEM, ::HYOKA_EIO.
 */
HYOKA_API int hyoka_writer_new(hyoka_writer **out, int format, const hyoka_portfolio *header, unsigned flags,
                               int lang, hyoka_sink_fn sink, void *user);

/**
 * Start a document written to the file @p path (since 1.1): as
 * hyoka_writer_new(), with the bytes going to a temporary file beside
 * @p path as they are made, so memory holds one project's text at most.
 * hyoka_writer_finish() puts the file in place by the policy of
 * hyoka_json_write_file() (docs/output.md: a regular file is replaced
 * atomically; a device, FIFO or standard stream is written in place;
 * never through a symbolic link), and hyoka_writer_free() of an
 * unfinished writer removes the temporary file, leaving @p path as it
 * was (a device or FIFO may have received part of the document).
 * @param out    receives the writer, owned by the caller
 *               (hyoka_writer_free()); NULL on failure.
 * @param format ::HYOKA_WRITER_HYOKA or ::HYOKA_WRITER_METRICS.
 * @param header the document's header; borrowed until
 *               hyoka_writer_finish().
 * @param flags  as hyoka_writer_new().
 * @param lang   as hyoka_writer_new().
 * @param path   the file (UTF-8 on Windows); copied.
 * @return ::HYOKA_OK; ::HYOKA_EINVAL; ::HYOKA_EIO (the file cannot be
 *         made: nothing was made); ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_writer_new_file(hyoka_writer **out, int format, const hyoka_portfolio *header, unsigned flags,
                                    int lang, const char *path);

/**
 * Start a folder of tables (since 1.1): for ::HYOKA_WRITER_METRICS_CSV,
 * `metrics_years.csv` and `metrics_indicators.csv` in the folder @p dir,
 * with the bytes hyoka_metrics_csv_write_dir() writes for the same
 * projects in the same order. The folder is made beside @p dir and each
 * project's rows go to its files as hyoka_writer_project() is called, so
 * memory holds one project's rows; hyoka_writer_finish() puts the folder
 * in the place of @p dir by the policy of docs/output.md (a folder of other
 * files is refused here, unless `options->flags` has
 * ::HYOKA_WRITE_REPLACE; missing parent folders are created), and
 * hyoka_writer_free() of an unfinished writer removes it, leaving @p dir
 * as it was.
 *
 * A text cell CP932 cannot hold is reported as V003 and the writer goes on
 * (so that every one is reported, as hyoka_metrics_csv_write_dir()
 * reports them); hyoka_writer_finish() then fails with
 * ::HYOKA_EENCODING and @p dir is left as it was.
 * @param out     receives the writer, owned by the caller
 *                (hyoka_writer_free()); NULL on failure.
 * @param format  ::HYOKA_WRITER_METRICS_CSV (the other formats write to a
 *                sink: hyoka_writer_new()).
 * @param header  the document's header (a stream's portfolio, say);
 *                borrowed until hyoka_writer_finish(). The figures tables
 *                have no header, so it may be NULL for them.
 * @param dir     the folder (UTF-8 on Windows); copied.
 * @param options options (encoding, max_diagnostics, flags:
 *                ::HYOKA_WRITE_REPLACE), or NULL for the defaults;
 *                copied.
 * @param report  receives the V003 diagnostics (its limit is set to
 *                max_diagnostics); may be NULL. Borrowed: it must outlive
 *                the writer.
 * @return ::HYOKA_OK; ::HYOKA_EINVAL; ::HYOKA_EIO (the folder cannot be
 *         made or would replace a folder of other files: nothing was
 *         made); ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_writer_new_dir(hyoka_writer **out, int format, const hyoka_portfolio *header, const char *dir,
                                   const hyoka_csv_options *options, hyoka_report *report);

/**
 * Write one top-level project (with its sub-projects). Figures (for
 * hyoka-metrics/1) are computed in the project's own portfolio.
 * @param writer  the writer.
 * @param project the project (borrowed for the call).
 * @return ::HYOKA_OK, or the writer's first failure (::HYOKA_EIO from the
 *         sink or the folder's files, ::HYOKA_ENOMEM, ::HYOKA_ERANGE);
 *         once failed, the writer writes nothing more.
 */
HYOKA_API int hyoka_writer_project(hyoka_writer *writer, const hyoka_project *project);

/**
 * End the document and send the rest to the sink; for a folder, write the
 * rest of its files and put it in the place of its target (or, on any
 * failure, remove it and leave the target as it was).
 * @param writer the writer.
 * @param report hyoka-metrics/1: the diagnostics to include (may be NULL);
 *               ignored for hyoka/1 and for a folder (its V003 diagnostics
 *               go to the report given to hyoka_writer_new_dir()).
 * @return ::HYOKA_OK, or the writer's first failure; for a file or a
 *         folder, also the ::HYOKA_EIO of putting it in place (the target
 *         is then as it was), and for a folder ::HYOKA_EENCODING (a cell
 *         CP932 cannot hold).
 */
HYOKA_API int hyoka_writer_finish(hyoka_writer *writer, const hyoka_report *report);

/**
 * Free a writer, finished or not: an unfinished document is left cut (a
 * file's temporary file is removed, its target left as it was); an
 * unfinished folder is removed, its target left as it was. NULL is
 * ignored.
 */
HYOKA_API void hyoka_writer_free(hyoka_writer *writer);

HYOKA_END_DECLS

#endif /* HYOKA_STREAM_H */
