/**
 * @file rs.h
 * @brief The open data of the national review sheets (行政事業レビュー,
 *        RS system): the 15 CSV tables of a review year, both ways.
 *
 * The RS system (rssystem.go.jp) publishes, per review year (事業年度), 15
 * linked CSV tables keyed by 予算事業ID, named
 * `{table}_RS_{year}_{title}.csv` ("2-1_RS_2024_予算・執行_サマリ.csv"),
 * UTF-8 with a byte-order mark, RFC 4180, one header row. This module
 * reads them into a portfolio (one project per 予算事業ID: its texts,
 * flags, indicators, evaluations under the `jp-rs-review` scheme and
 * records, record.h) and writes a portfolio back as such tables.
 * docs/rs.md maps every column onto the model.
 *
 * Columns are found by their header, never by position; a column the
 * reader does not know is kept (in the extensions of the record its row
 * makes, else of the project) and written back. A cell the model cannot
 * hold as it is (a number that is not one, an amount out of range, a value
 * that differs between the rows of one project) is kept as printed in the
 * project's extensions and written back too, with a warning. So writing
 * what was read reproduces every table's rows and cell values: numbers by
 * value, texts exactly, booleans as booleans, and empty (missing), `-`
 * (not applicable) and 0 apart.
 *
 * Every problem is a diagnostic with the table, the row and the column
 * (codes V001… of docs/csv.md and docs/rs.md). A table missing from a
 * folder is a warning (V010), not an error.
 */
#ifndef HYOKA_RS_H
#define HYOKA_RS_H

#include "common.h"
#include "types.h"
#include "report.h"

HYOKA_BEGIN_DECLS

/** The 15 tables of a review year, in publication order. Values are never renumbered. */
typedef enum hyoka_rs_table {
    HYOKA_RS_ORGANIZATION = 0, /**< "1-1": 基本情報_組織情報 (organisation, other organisations in charge). */
    HYOKA_RS_OVERVIEW = 1,     /**< "1-2": 基本情報_事業概要等 (purpose, period, methods...). */
    HYOKA_RS_POLICIES = 2,     /**< "1-3": 基本情報_政策・施策、法令等 (policies, laws, plans). */
    HYOKA_RS_SUBSIDIES = 3,    /**< "1-4": 基本情報_補助率等. */
    HYOKA_RS_RELATED = 4,      /**< "1-5": 基本情報_関連事業. */
    HYOKA_RS_BUDGETS = 5,      /**< "2-1": 予算・執行_サマリ (budget and execution by budget year and account). */
    HYOKA_RS_BUDGET_ITEMS = 6, /**< "2-2": 予算・執行_予算種別・歳出予算項目. */
    HYOKA_RS_GOALS = 7,        /**< "3-1": 効果発現経路_目標・実績 (activities, outputs, outcomes and their values). */
    HYOKA_RS_LINKS = 8,        /**< "3-2": 効果発現経路_目標のつながり. */
    HYOKA_RS_REVIEW = 9,       /**< "4-1": 点検・評価 (self-check, experts, review team, reflection, findings). */
    HYOKA_RS_SPENDING = 10,    /**< "5-1": 支出先_支出情報 (blocks, recipients, contracts). */
    HYOKA_RS_FLOWS = 11,       /**< "5-2": 支出先_支出ブロックのつながり. */
    HYOKA_RS_EXPENSES = 12,    /**< "5-3": 支出先_費目・使途. */
    HYOKA_RS_MULTIYEAR = 13,   /**< "5-4": 支出先_国庫債務負担行為等による契約. */
    HYOKA_RS_NOTES = 14        /**< "6-1": その他備考. */
} hyoka_rs_table;

/** Number of tables (::hyoka_rs_table values). */
#define HYOKA_RS_TABLE_COUNT 15

/**
 * Options for reading and writing RS tables. Initialise with
 * hyoka_rs_options_init(); `size` lets later versions add fields: a
 * structure of an earlier version (a smaller `size`) is accepted, the
 * fields it lacks taking their defaults.
 */
typedef struct hyoka_rs_options {
    size_t size;            /**< sizeof(hyoka_rs_options), set by hyoka_rs_options_init(). */
    size_t max_field;       /**< Longest field in bytes (default 1 MiB). */
    size_t max_row;         /**< Longest row in bytes (default 4 MiB). */
    size_t max_diagnostics; /**< Keep at most this many diagnostics (default 1000; 0 = no limit): see hyoka_report_set_limit(). */
    size_t max_table;       /**< Largest table file hyoka_rs_read_dir() reads, in bytes (default 1 GiB); a larger one is a V007 error. */
    unsigned flags;         /**< Writer flags of hyoka_rs_write_dir(): 0 or ::HYOKA_WRITE_REPLACE (default 0). */
    int32_t year;           /**< Review year (事業年度) of the file names written and of the year columns of 3-1; 0 (default): the 事業年度 the first project carries (hyoka_rs_write_dir() fails with ::HYOKA_EINVAL when none does). */
} hyoka_rs_options;

/** Fill @p options with the defaults. @return ::HYOKA_OK or ::HYOKA_EINVAL. */
HYOKA_API int hyoka_rs_options_init(hyoka_rs_options *options);

/**
 * The number of a table (@p table, a ::hyoka_rs_table) as the file names
 * start ("2-1"); NULL when unknown.
 * @return a static string owned by the library.
 */
HYOKA_API const char *hyoka_rs_table_name(int table);

/**
 * The title of a table as the file names end ("予算・執行_サマリ"); NULL
 * when unknown.
 * @return a static string owned by the library.
 */
HYOKA_API const char *hyoka_rs_table_title(int table);

/**
 * Write one table of a portfolio, UTF-8 with a byte-order mark, CRLF line
 * ends, texts exactly as held (no formula neutralisation: the published
 * format has none).
 * @param portfolio the portfolio.
 * @param table     a ::hyoka_rs_table.
 * @param options   options, or NULL for the defaults.
 * @param out       receives the bytes, release with hyoka_free().
 * @param len       receives their length.
 * @param report    unused today (nothing a portfolio holds fails to
 *                  write); may be NULL.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_rs_write_table(const hyoka_portfolio *portfolio, int table, const hyoka_rs_options *options,
                                   char **out, size_t *len, hyoka_report *report);

/**
 * Write every table into a folder as `{table}_RS_{year}_{title}.csv`
 * files, the folder made whole or not at all as hyoka_csv_write_dir()
 * does (docs/output.md).
 * @param portfolio the portfolio.
 * @param dir       the folder.
 * @param options   options, or NULL for the defaults.
 * @param report    as hyoka_rs_write_table(); may be NULL.
 * @return as hyoka_rs_write_table(), ::HYOKA_EINVAL also when no review
 *         year is known (see `year`), and ::HYOKA_EIO.
 */
HYOKA_API int hyoka_rs_write_dir(const hyoka_portfolio *portfolio, const char *dir, const hyoka_rs_options *options,
                                 hyoka_report *report);

/**
 * Read a portfolio from the tables given in memory.
 * @param texts   the bytes of each table, indexed by ::hyoka_rs_table,
 *                UTF-8 with or without a byte-order mark; a NULL entry is
 *                a table that is absent (a V010 warning).
 * @param lens    their lengths.
 * @param options options, or NULL for the defaults.
 * @param out     receives the portfolio (amounts in yen), owned by the
 *                caller, when the tables have no error; NULL otherwise.
 * @param report  receives every problem with table, row and column; may
 *                be NULL.
 * @return ::HYOKA_OK, ::HYOKA_EINVALID (errors, see @p report),
 *         ::HYOKA_EINVAL, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_rs_read_tables(const char *const texts[HYOKA_RS_TABLE_COUNT],
                                   const size_t lens[HYOKA_RS_TABLE_COUNT], const hyoka_rs_options *options,
                                   hyoka_portfolio **out, hyoka_report *report);

/**
 * Read a portfolio from a folder holding the tables of one review year.
 * Each table is the file whose name starts with `{table}_RS_` and ends
 * with `.csv` (the first in name order when there are several, with a
 * V010 warning); a table missing is a V010 warning, a folder with none of
 * them an error (V008); a file larger than `options->max_table` is an
 * error (V007), never read to its end.
 * @return as hyoka_rs_read_tables(), and ::HYOKA_EIO.
 */
HYOKA_API int hyoka_rs_read_dir(const char *dir, const hyoka_rs_options *options, hyoka_portfolio **out,
                                hyoka_report *report);

HYOKA_END_DECLS

#endif /* HYOKA_RS_H */
