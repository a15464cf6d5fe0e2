/* Private interface of the CSV module: a portfolio as a set of CSV tables,
 * one per entity (docs/csv.md), in UTF-8 (with or without BOM) or CP932,
 * both ways. Not installed.
 *
 * The files of lib/csv/, one job each:
 *   tables.c          the tables and their columns; the options
 *   record.c          RFC 4180 records: formula neutralisation, writing a
 *                     text field, reading records with their row numbers
 *                     and limits, problems at a place of a table
 *   write.c           the writer: one table of a portfolio
 *   read.c            the reader: tables in order, headers, cells
 *   read_keys.c       the keys and numbers the rows of a table give
 *   read_portfolio.c  rows of the document, denominators and schemes tables
 *   read_projects.c   rows of projects and of the tables that refer to them
 *   folder.c          a folder of tables, both ways
 *   metrics.c         the tables of figures, one project at a time
 *   metrics_dir.c     those tables into a folder as they are made
 *                     (metrics_dir.h, for the writer of json/writer.c)
 *   cp932.c           the CP932 codec (cp932.h)
 * The reader's own state is in read_internal.h.
 *
 * Names shared between the files carry hyoka__csv_ (HYOKA__CSV_ for
 * macros); the column enumerators keep the short prefix of their table
 * (DOC_, PJ_, YR_...). */
#ifndef HYOKA_CSV_INTERNAL_H
#define HYOKA_CSV_INTERNAL_H

#include "figures/internal.h"
#include "model_build.h"
#include "report_internal.h"
#include "hyoka/csv.h"
#include "util/buf.h"

#include <stdarg.h>
#include <string.h>

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Size of the buffers that keep the message of the first problem. */
#define HYOKA__CSV_FIRST_MAX 640

/* ------------------------------------------------------------------------ */
/* Tables and columns (tables.c)                                            */

struct hyoka__csv_col {
    const char *name; /* header name */
    const char *ptr;  /* JSON pointer of the value, relative to the row's item */
    bool req;         /* the table cannot be read without this column */
};

enum { DOC_KEY, DOC_VALUE, DOC_COUNT };

enum { DEN_FY, DEN_POPULATION, DEN_HOUSEHOLDS, DEN_COUNT };

enum {
    PJ_PROJECT, PJ_CODE, PJ_NAME, PJ_DEPARTMENT, PJ_SECTION, PJ_GROUP, PJ_HEAD, PJ_CONTACT, PJ_PHONE,
    PJ_DUTY, PJ_PERIOD, PJ_START, PJ_END, PJ_LEGAL_BASIS, PJ_PURPOSE, PJ_TARGET, PJ_INTENT, PJ_RESULT,
    PJ_SUMMARY, PJ_BACKGROUND, PJ_ENVIRONMENT, PJ_OPINIONS, PJ_ACTIVITIES_DONE, PJ_ACTIVITIES_PLANNED,
    PJ_COUNT
};

enum { CL_PROJECT, CL_PATH, CL_POSITION, CL_LEVEL, CL_CODE, CL_NAME, CL_COUNT };

enum { EX_PROJECT, EX_KEY, EX_VALUE, EX_COUNT };

/* years: the cost fields in hyoka_cost_field order from YR_COST, then the
 * stated figures: figures 0..10 (money and per-head) as value and unit
 * columns, figures 11..14 (percentages) as a value column. */
enum { YR_PROJECT, YR_FY, YR_INDEX, YR_PHASE, YR_COST, YR_STATED = YR_COST + HYOKA__COST_FIELD_COUNT, YR_COUNT = 45 };
#define STATED_WITH_UNIT (HYOKA_FIG_PER_BENEFICIARY + 1)

/* The value column of a stated figure. */
static inline int hyoka__csv_stated_col(int figure)
{
    return figure < STATED_WITH_UNIT ? YR_STATED + 2 * figure : YR_STATED + STATED_WITH_UNIT + figure;
}

/* The unit column of a stated figure below STATED_WITH_UNIT. */
static inline int hyoka__csv_stated_unit_col(int figure)
{
    return YR_STATED + 2 * figure + 1;
}

enum {
    ST_PROJECT, ST_FY, ST_YEAR_INDEX, ST_INDEX, ST_CATEGORY, ST_HEADCOUNT, ST_FTE, ST_HOURS, ST_UNIT_COST,
    ST_HOURLY_RATE, ST_AMOUNT, ST_COUNT
};

enum {
    IN_PROJECT, IN_INDEX, IN_KIND, IN_NAME, IN_UNIT, IN_DEFINITION, IN_DIRECTION, IN_NOT_SETTABLE,
    IN_NOT_SETTABLE_REASON, IN_LT_VALUE, IN_LT_FY, IN_LT_NOTE, IN_COUNT
};

enum { VA_PROJECT, VA_INDICATOR, VA_FY, VA_VALUE, VA_COUNT = VA_VALUE + HYOKA__VALUE_FIELD_COUNT };

enum {
    EV_PROJECT, EV_INDEX, EV_STAGE, EV_SCHEME, EV_FY, EV_DATE, EV_EVALUATOR, EV_VERDICT, EV_BUDGET,
    EV_OUTCOME, EV_COST, EV_COUNT
};

/* answers and comments */
enum { KV_PROJECT, KV_EVALUATION, KV_KEY, KV_VALUE, KV_COUNT };

enum { GO_PROJECT, GO_EVALUATION, GO_INDEX, GO_WHAT, GO_LEVEL, GO_BY, GO_COUNT };

enum {
    SC_SCHEME, SC_ELEMENT, SC_CRITERION, SC_CODE, SC_LABEL, SC_WEIGHT, SC_REQUIRED, SC_SCORE, SC_MIN, SC_MAX,
    SC_GROUP, SC_KIND, SC_COUNT
};

/* Elements of the schemes table. */
enum { EL_SCHEME, EL_CRITERION, EL_OPTION, EL_RANGE, EL_VERDICT, EL_BUDGET, EL_BAND, EL_MISSING, EL_COUNT };

/* Most columns a table has. */
#define HYOKA__CSV_MAX_COLS 45

struct hyoka__csv_table {
    const char *name;
    const struct hyoka__csv_col *cols;
    size_t ncols;
};

/* The tables, by hyoka_csv_table. */
extern const struct hyoka__csv_table hyoka__csv_tables[HYOKA_CSV_TABLE_COUNT];

/* The project text field of each column of the projects table, -1 if none. */
extern const signed char hyoka__csv_project_text_of[PJ_COUNT];

/* The name of each element of the schemes table, and the columns it uses
 * (bit per column). */
extern const char *const hyoka__csv_element_names[EL_COUNT];
extern const unsigned hyoka__csv_element_cols[EL_COUNT];

/* The size of the options of version 1.0 (before max_table), accepted
 * besides the current size. */
#define HYOKA__CSV_OPTIONS_1_0 offsetof(hyoka_csv_options, max_table)

/* The options a function was given, checked, into *out (the defaults when
 * @p options is NULL). HYOKA_EINVAL, error set, naming @p fn. */
int hyoka__csv_check_options(const char *fn, const hyoka_csv_options *options, hyoka_csv_options *out);

/* hyoka__csv_check_options() for a writer: then, when @p report is not
 * NULL, its limit is out->max_diagnostics. */
int hyoka__csv_writer_options(const char *fn, const hyoka_csv_options *options, hyoka_csv_options *out,
                              hyoka_report *report);

/* ------------------------------------------------------------------------ */
/* Records (record.c)                                                       */

/* Whether a text gets a leading apostrophe on export, so that a
 * spreadsheet does not run it as a formula (the rule is in record.c); the
 * reader removes one apostrophe from a cell of that shape. */
bool hyoka__csv_needs_apostrophe(const char *s, size_t n);

/* Append a text field (@p s NUL-terminated, @p n bytes): neutralised and
 * quoted as RFC 4180 wants. */
void hyoka__csv_put_text(struct hyoka__buf *o, const char *s, size_t n);
/* The same with the apostrophe given: a field quoted as RFC 4180 wants
 * (when it holds a comma, a quote, a line break or a tab, is empty, or has
 * a space at an end), a leading apostrophe when @p apos. */
void hyoka__csv_put_field(struct hyoka__buf *o, const char *s, size_t n, bool apos);

/* Where the problems of a read go: counted, the first error kept, each
 * added to the report. */
struct hyoka__csv_log {
    const char *table;      /* name of the table being read */
    hyoka_report *report;   /* NULL: none */
    size_t errors;
    int fatal;              /* HYOKA_ENOMEM once an allocation failed */
    char first[HYOKA__CSV_FIRST_MAX]; /* message of the first error */
};

/* Remember the first failure of an allocation (@p rc not HYOKA_OK). */
void hyoka__csv_fatal(struct hyoka__csv_log *log, int rc);

/* Copy a message into a fixed buffer, cut on a character boundary. */
void hyoka__csv_copy_message(char *dst, size_t size, const char *src);

/* A problem at row @p row, field @p field (0: the whole row) of the table,
 * with the column's name when known and the JSON pointer @p path of the
 * item (NULL: none), of registry code @p code: with @p detail, the two
 * formats give the detail of a code with a detail template; without, they
 * are the code's templates (HYOKA__MSG()). The message starts with the
 * table, row and column. Counted (and the first error's message kept)
 * even when the report does not keep it. */
void hyoka__csv_vdiag(struct hyoka__csv_log *log, int64_t row, size_t field, const char *colname, const char *path,
                      int code, bool detail, const char *fmt_en, const char *fmt_ja, va_list ap);
/* hyoka__csv_vdiag() with a detail: hyoka__csv_diag(log, ..., HYOKA__V004,
 * "unknown column \"%s\"", "未知の列「%s」", name). */
void hyoka__csv_diag(struct hyoka__csv_log *log, int64_t row, size_t field, const char *colname, const char *path,
                     int code, const char *fmt_en, const char *fmt_ja, ...) HYOKA_PRINTF2(7, 8, 9);
/* hyoka__csv_vdiag() with the code's templates: HYOKA__MSG(V002), args. */
void hyoka__csv_diag_msg(struct hyoka__csv_log *log, int64_t row, size_t field, const char *colname,
                         const char *path, int code, const char *fmt_en, const char *fmt_ja, ...) HYOKA_PRINTF2(7, 8, 9);

/* V004 for a header row wider than HYOKA__CSV_HEADER_MAX columns: one
 * message for the CSV and the RS readers. */
void hyoka__csv_header_too_wide(struct hyoka__csv_log *log);

/* A field of the current record: its decoded bytes in data. */
struct hyoka__csv_field {
    size_t off; /* in data */
    size_t len;
    bool quoted;
};

/* The records of a table, read one at a time, each field decoded to
 * UTF-8. A record with a problem is reported and marked bad. */
struct hyoka__csv_records {
    struct hyoka__csv_log *log;
    int encoding;        /* of the text: a hyoka_encoding */
    size_t max_field, max_row;
    const unsigned char *s;
    size_t n, pos;
    int64_t row;         /* row of the current record (1 = header) */
    bool resynced;       /* a quote ran to the end of the text once already */
    struct hyoka__buf raw;      /* the current field as in the file */
    struct hyoka__buf data;     /* decoded fields of the record, each followed by a NUL */
    struct hyoka__csv_field *f;
    size_t nf, fcap;     /* fields kept */
    size_t nf_total;     /* fields in the record */
    size_t keep;         /* fields to keep */
    bool bad;            /* the record had a problem, already reported */
};

/* Set up for reading with these options, problems into @p log. */
void hyoka__csv_records_init(struct hyoka__csv_records *r, struct hyoka__csv_log *log,
                             const hyoka_csv_options *opt);
/* Start on a table's text; a UTF-8 byte-order mark is skipped. false
 * (reported) when the text cannot be read: a byte-order mark in CP932. */
bool hyoka__csv_records_start(struct hyoka__csv_records *r, const char *text, size_t len);
/* Parse the next record. true when there is one (possibly bad). */
bool hyoka__csv_next_record(struct hyoka__csv_records *r);
/* Whether the record is a blank line. */
bool hyoka__csv_record_blank(const struct hyoka__csv_records *r);

/* The most fields of a header row. */
#define HYOKA__CSV_HEADER_MAX 1024
/* Parse the first record as a header (up to HYOKA__CSV_HEADER_MAX fields
 * kept). true when there is one and it is not bad. */
bool hyoka__csv_next_header(struct hyoka__csv_records *r);
/* Parse the next row of a table whose header has @p width fields, the
 * fields kept: bad records and blank lines are passed over, and so are
 * rows of another width, reported (V002). false at the end of the text
 * or once an allocation failed. */
bool hyoka__csv_next_row(struct hyoka__csv_records *r, size_t width);
void hyoka__csv_records_release(struct hyoka__csv_records *r);

/* ------------------------------------------------------------------------ */
/* Writer (write.c)                                                         */

/* Write one table; on success *out holds the bytes in the chosen encoding.
 * HYOKA_EENCODING (no error set) when a text cell cannot be written in
 * CP932: @p first, when not NULL, gets the message of the first. */
int hyoka__csv_write_one(const hyoka_portfolio *pf, int table, const hyoka_csv_options *opt, hyoka_report *report,
                         char **out, size_t *len, char *first, size_t first_size);

/* ------------------------------------------------------------------------ */
/* Folders (folder.c)                                                       */

/* Write the @p n files NAMES[i].csv with these bytes into the folder @p dir
 * by the output policy (util/fsio.h; opt->flags: HYOKA_WRITE_REPLACE). */
int hyoka__csv_write_files(const char *fn, const char *dir, const hyoka_csv_options *opt, size_t n,
                           const char *const *names, char *const *bufs, const size_t *lens);

struct hyoka__file_data;

/* A folder whose table files are read one by one (this folder.c and the
 * RS tables' rs/folder.c), each up to max_table bytes. */
struct hyoka__folder {
    const char *fn;        /* the public function, in messages */
    const char *dir;
    size_t max_table;
    hyoka_report *report;  /* may be NULL */
    size_t too_large;      /* the files found larger than max_table */
};

/* A diagnostic about the folder as a whole (no row, no column): a code
 * and its templates, hyoka__folder_diag(report, HYOKA__MSG(V008)). With
 * no report, nothing. HYOKA_OK or HYOKA_ENOMEM. */
int hyoka__folder_diag(hyoka_report *report, int code, const char *fmt_en, const char *fmt_ja, ...)
    HYOKA_PRINTF2(3, 4, 5);

/* Read the table file @p name of the folder into @p file (flags
 * HYOKA__FSIO_*): 1 when read (data NULL for an absent file under
 * HYOKA__FSIO_MISSING_OK); 0 when it is larger than max_table, reported
 * (V007) and counted; else a negative error code. */
int hyoka__folder_read(struct hyoka__folder *f, const char *name, unsigned flags, struct hyoka__file_data *file);

/* The error of a read that found table files larger than max_table
 * (HYOKA_EINVALID, recorded), or HYOKA_OK when there were none. */
int hyoka__folder_end(const struct hyoka__folder *f);

/* ------------------------------------------------------------------------ */
/* Tables of figures (metrics.c)                                            */

/* A table of figures being written, one project at a time: begin (the
 * byte order mark and the header), then hyoka__metrics_csv_project() for
 * each top-level project in turn (its rows and its sub-projects'), then
 * end. The first failure is kept in o.err; later calls do nothing. */
struct hyoka__metrics_csv {
    struct hyoka__buf o;            /* the rows in UTF-8 */
    int table;                      /* a hyoka_metrics_table */
    int encoding;
    hyoka_report *report;           /* V003 for a cell CP932 cannot hold; may be NULL */
    int64_t row;                    /* 1 = header */
    size_t col;                     /* cells written in the row */
    size_t bad;                     /* cells CP932 cannot hold */
    char first[HYOKA__CSV_FIRST_MAX];
    struct hyoka__year_index years; /* of the project being written */
};

void hyoka__metrics_csv_begin(struct hyoka__metrics_csv *m, int table, int encoding, hyoka_report *report);
/* The rows of @p root, the top-level project at @p position (from 0), and
 * of its sub-projects. The rows written so far are in m->o: a streaming
 * writer may send them on and empty it between projects. */
void hyoka__metrics_csv_project(struct hyoka__metrics_csv *m, const hyoka_project *root, size_t position);
/* The first failure of the table so far: o.err, else HYOKA_EENCODING
 * (recorded with the message of the first cell) when a cell CP932 cannot
 * hold was found, else HYOKA_OK. */
int hyoka__metrics_csv_status(const struct hyoka__metrics_csv *m);
/* The table in the chosen encoding into *out (release with hyoka_free()),
 * or the first failure (hyoka__metrics_csv_status()). */
int hyoka__metrics_csv_end(struct hyoka__metrics_csv *m, char **out, size_t *len);

/* The names of the tables ("metrics_years"...), by hyoka_metrics_table;
 * their files are NAME.csv. */
extern const char *const hyoka__metrics_csv_tables[HYOKA_METRICS_TABLE_COUNT];

#endif
