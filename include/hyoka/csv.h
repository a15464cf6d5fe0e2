/**
 * @file csv.h
 * @brief Spreadsheet interchange: a portfolio as a set of CSV tables (one
 *        per entity), in UTF-8 (with or without BOM) or CP932, both ways.
 *
 * A portfolio is written as a folder of CSV files, one per table
 * (docs/csv.md lists every table, its header row and its key). Rows join
 * through the `project` column, which holds the project's position
 * ("1", "2", "2.1" for the first sub-project of the second project), so a
 * spreadsheet user can edit the tables and read them back. Reading the
 * tables written from a portfolio gives an equal portfolio.
 *
 * Files are RFC 4180 with CRLF line ends. On export, a text cell that a
 * spreadsheet would evaluate as a formula (starting with `=`, `+`, `-`,
 * `@`, tab or CR, or their full-width forms) is prefixed with `'`; numeric
 * cells are written as plain numbers.
 */
#ifndef HYOKA_CSV_H
#define HYOKA_CSV_H

#include "common.h"
#include "types.h"
#include "report.h"

HYOKA_BEGIN_DECLS

/** Text encodings of CSV files. */
typedef enum hyoka_encoding {
    HYOKA_ENCODING_UTF8_BOM = 0, /**< "utf-8": UTF-8 with a byte-order mark (what Excel expects; default). */
    HYOKA_ENCODING_UTF8 = 1,     /**< "utf-8-nobom": UTF-8 without BOM. */
    HYOKA_ENCODING_CP932 = 2     /**< "cp932": Windows Japanese (Shift_JIS as Windows extends it). */
} hyoka_encoding;

/** The tables of the CSV form. Values are never renumbered. */
typedef enum hyoka_csv_table {
    HYOKA_CSV_DOCUMENT = 0,     /**< "document": settings, municipality, rounding (key/value rows). */
    HYOKA_CSV_DENOMINATORS = 1, /**< "denominators": population and households per fiscal year. */
    HYOKA_CSV_PROJECTS = 2,     /**< "projects": one row per project and sub-project. */
    HYOKA_CSV_CLASSES = 3,      /**< "classes": policy and account path levels. */
    HYOKA_CSV_EXTENSIONS = 4,   /**< "extensions": project extensions. */
    HYOKA_CSV_YEARS = 5,        /**< "years": cost years with funding and stated figures. */
    HYOKA_CSV_STAFF = 6,        /**< "staff": staff lines. */
    HYOKA_CSV_INDICATORS = 7,   /**< "indicators". */
    HYOKA_CSV_VALUES = 8,       /**< "values": indicator values per fiscal year. */
    HYOKA_CSV_EVALUATIONS = 9,  /**< "evaluations". */
    HYOKA_CSV_ANSWERS = 10,     /**< "answers": criterion answers of evaluations. */
    HYOKA_CSV_COMMENTS = 11,    /**< "comments": evaluation comments. */
    HYOKA_CSV_GOALS = 12,       /**< "goals": evaluation goals. */
    HYOKA_CSV_SCHEMES = 13      /**< "schemes": the document's schemes, one row per scheme element. */
} hyoka_csv_table;

/** Number of tables (::hyoka_csv_table values). */
#define HYOKA_CSV_TABLE_COUNT 14

/**
 * Options for reading and writing CSV. Initialise with
 * hyoka_csv_options_init(); `size` lets later versions add fields: a
 * structure of an earlier version (a smaller `size`) is accepted, the
 * fields it lacks taking their defaults.
 */
typedef struct hyoka_csv_options {
    size_t size;            /**< sizeof(hyoka_csv_options), set by hyoka_csv_options_init(). */
    int encoding;           /**< A ::hyoka_encoding (default UTF-8 with BOM; reading also accepts a BOM with HYOKA_ENCODING_UTF8). */
    size_t max_field;       /**< Longest field in bytes (default 1 MiB). */
    size_t max_row;         /**< Longest row in bytes (default 4 MiB). */
    size_t max_diagnostics; /**< Keep at most this many diagnostics (default 1000; 0 = no limit): see hyoka_report_set_limit(). */
    size_t max_table;       /**< Largest table file hyoka_csv_read_dir() reads, in bytes (default 1 GiB); a larger one is a V007 error. @since 1.1 */
    unsigned flags;         /**< Writer flags of hyoka_csv_write_dir(): 0 or ::HYOKA_WRITE_REPLACE (default 0). @since 1.1 */
} hyoka_csv_options;

/**
 * Fill @p options (owned by the caller) with the defaults and set its
 * `size`. A program built against the 1.0 header keeps calling the 1.0
 * version of this function, which fills only the fields 1.0 had.
 * @return ::HYOKA_OK or ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_csv_options_init(hyoka_csv_options *options);

/**
 * The file name of a table (@p table, a ::hyoka_csv_table) without
 * extension ("projects"); NULL when unknown.
 * @return a static string owned by the library.
 */
HYOKA_API const char *hyoka_csv_table_name(int table);

/**
 * Write one table of a portfolio.
 * @param portfolio the portfolio.
 * @param table     a ::hyoka_csv_table.
 * @param options   options, or NULL for the defaults.
 * @param out       receives the bytes in the chosen encoding, release with hyoka_free().
 * @param len       receives their length.
 * @param report    receives a diagnostic naming the cell when a character
 *                  cannot be encoded in CP932 (then nothing is written); may be NULL.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_EENCODING (a character CP932
 *         cannot hold; the message names the table, row and column),
 *         ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_csv_write_table(const hyoka_portfolio *portfolio, int table, const hyoka_csv_options *options,
                                    char **out, size_t *len, hyoka_report *report);

/**
 * Write every table into a folder as TABLE.csv files, made whole or not at
 * all (docs/output.md): every table is made first, then written into a new
 * folder beside @p dir, with a `.hyoka-output` marker, which then takes
 * the place of @p dir. A missing @p dir (and its missing parent folders)
 * is created; an empty folder, or one written by hyoka before, is replaced
 * whole, so no table of an earlier portfolio stays; a folder with other
 * files is refused unless `options->flags` has ::HYOKA_WRITE_REPLACE; a
 * symbolic link is refused. On failure @p dir is left as it was. Tables
 * with no rows are written with their header row only.
 * @return as hyoka_csv_write_table(), and ::HYOKA_EIO (the message names
 *         the path, the operation and the reason).
 */
HYOKA_API int hyoka_csv_write_dir(const hyoka_portfolio *portfolio, const char *dir,
                                  const hyoka_csv_options *options, hyoka_report *report);

/**
 * Read a portfolio from its tables given in memory.
 * @param texts   the bytes of each table, indexed by ::hyoka_csv_table; a
 *                NULL entry is a table that is absent (no rows).
 * @param lens    their lengths.
 * @param options options, or NULL for the defaults.
 * @param out     receives the portfolio, owned by the caller, when the
 *                tables have no error; NULL otherwise.
 * @param report  receives every problem with table, row and column (codes
 *                V001… in docs/csv.md); may be NULL.
 * @return ::HYOKA_OK, ::HYOKA_EINVALID (errors, see @p report),
 *         ::HYOKA_EINVAL, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_csv_read_tables(const char *const texts[HYOKA_CSV_TABLE_COUNT],
                                    const size_t lens[HYOKA_CSV_TABLE_COUNT], const hyoka_csv_options *options,
                                    hyoka_portfolio **out, hyoka_report *report);

/**
 * Read a portfolio from a folder written by hyoka_csv_write_dir(). A
 * missing table file is an empty table, but a folder with none of them is
 * an error (V008); a table file larger than `options->max_table` is an
 * error (V007), never read to its end (a link to /dev/zero stops there).
 * @return as hyoka_csv_read_tables(), and ::HYOKA_EIO.
 */
HYOKA_API int hyoka_csv_read_dir(const char *dir, const hyoka_csv_options *options, hyoka_portfolio **out,
                                 hyoka_report *report);

/**
 * Convert UTF-8 text to CP932, as Windows writes it: the JIS forms
 * 〜 ‖ − — ¢ £ ¬ (U+301C, U+2016, U+2212, U+2014, U+00A2, U+00A3, U+00AC)
 * take the codes of ～ ∥ － ― ￠ ￡ ￢, and a character CP932 cannot hold at
 * all is an error, never a `?`.
 * @param utf8    the text.
 * @param len     its length in bytes, or ::HYOKA_NTS.
 * @param out_len receives the length of @p out.
 * @param out receives the bytes, release with hyoka_free().
 * @param bad receives the byte offset in @p utf8 of the first character
 *            CP932 cannot hold (on ::HYOKA_EENCODING); may be NULL.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_EENCODING, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_cp932_encode(const char *utf8, size_t len, char **out, size_t *out_len, size_t *bad);

/**
 * Convert CP932 bytes to UTF-8.
 * @param cp932   the bytes.
 * @param len     their length.
 * @param out_len receives the length of @p out.
 * @param out receives the text, release with hyoka_free().
 * @param bad receives the offset of the first byte sequence that is not
 *            CP932 (on ::HYOKA_EENCODING); may be NULL.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_EENCODING, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_cp932_decode(const char *cp932, size_t len, char **out, size_t *out_len, size_t *bad);

HYOKA_END_DECLS

#endif /* HYOKA_CSV_H */
