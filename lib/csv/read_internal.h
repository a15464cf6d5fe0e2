/* Private interface of the CSV reader: its state and what its files share
 * (read.c: tables, headers, cells; read_keys.c: the keys and numbers the
 * rows give; read_portfolio.c and read_projects.c: the rows of each
 * table). Not installed. */
#ifndef HYOKA_CSV_READ_INTERNAL_H
#define HYOKA_CSV_READ_INTERNAL_H

#include "csv_internal.h"
#include "util/strset.h"
#include "values.h"

/* ------------------------------------------------------------------------ */
/* Keys and numbers given by the rows (read_keys.c)                         */

/* Keys given in the rows of the current table are in a set of strings
 * (util/strset.h), so that a key given twice, or the item a row names, is
 * found without a search of a list: each key in the scope of its owner
 * and a tag, with the item's index as its value, borrowed from the model,
 * which owns it. The owners are the string lists (extensions, answers,
 * comments; tag 0), the portfolio for scheme ids and a scheme for its
 * criteria, options (per criterion), verdicts and budget directions, the
 * tag telling those apart. Each of these is filled by the rows of one
 * table only and only grows while it is read, so the set starts empty
 * with each table. */

/* Numbers given in the rows, by owner: an open-addressing hash map of
 * (owner, a, b) to a value. The years table keeps (project, fiscal year,
 * 0) -> how many years of that fiscal year the project has, and (project,
 * fiscal year, year_index) -> the year's index, which the staff table
 * reads; the values table keeps (indicator, fiscal year, 0). Cleared with
 * each table but the staff table. */
struct hyoka__csv_islot {
    const void *owner; /* NULL: a free slot */
    int64_t a;
    size_t b;
    size_t value;
};
struct hyoka__csv_imap {
    struct hyoka__csv_islot *t;
    size_t cap, count;  /* cap: 0 or a power of 2, at least twice count */
    unsigned shift;     /* 64 - log2(cap) */
};

void hyoka__csv_imap_free(struct hyoka__csv_imap *m);
/* Make room for @p more new entries. HYOKA_OK or HYOKA_ENOMEM (map
 * unchanged). */
int hyoka__csv_imap_reserve(struct hyoka__csv_imap *m, size_t more);
/* The value of (owner, a, b): true and *value, or false when absent. */
bool hyoka__csv_imap_get(const struct hyoka__csv_imap *m, const void *owner, int64_t a, size_t b, size_t *value);
/* Set the value of (owner, a, b) (room reserved when it is new). */
void hyoka__csv_imap_put(struct hyoka__csv_imap *m, const void *owner, int64_t a, size_t b, size_t value);

/* ------------------------------------------------------------------------ */
/* The reader                                                               */

/* State of the document table while it is read. */
struct hyoka__csv_docstate {
    unsigned seen;            /* fixed keys seen (bit per DK_*) */
    char *name, *code;        /* municipality, copied */
    size_t name_len, code_len;
    int64_t code_row;
    size_t code_field;
    struct {
        unsigned given;       /* bit 0 places, 1 mode, 2 unit */
        unsigned bad;         /* a part had a bad value */
        int places, mode, unit;
        int64_t row;          /* first row that named the figure */
        size_t field;
    } rnd[HYOKA__FIGURE_COUNT];
};

struct hyoka__csv_reader {
    hyoka_portfolio *pf;
    hyoka_csv_options opt;
    const struct hyoka__csv_table *t;
    struct hyoka__csv_log log;     /* the problems, the outcome */
    struct hyoka__csv_records rec; /* the records of the table */
    /* the header */
    size_t hn;
    int map[HYOKA__CSV_MAX_COLS];  /* column -> field index, -1 when absent */
    /* the current row */
    struct hyoka__buf item;        /* JSON pointer of the row's item */
    struct hyoka__buf path;        /* scratch for diagnostics */
    size_t *comps;                 /* project position */
    size_t ncomps, compcap;
    struct hyoka__csv_docstate doc;
    struct hyoka__strset keys;     /* keys given by this table's rows */
    hyoka_decimal *bmins;          /* min of each band the schemes table added, by */
    size_t nbmins, bmincap;        /* the value of its code in keys */
    struct hyoka__csv_imap nums;   /* numbers given by the rows (years, values) */
    bool scheme_row;               /* a scheme's own row: label is its name */
};

/* ---- messages (read.c) ---- */

/* A problem in the cell of column @p ci of the current row, of a code with
 * a detail template: the detail as two formats. */
void hyoka__csv_cdiag(struct hyoka__csv_reader *r, int ci, int code, const char *fmt_en, const char *fmt_ja, ...)
    HYOKA_PRINTF2(4, 5, 6);
/* The same with the code's own templates: HYOKA__MSG(Y001), args. */
void hyoka__csv_cmsg(struct hyoka__csv_reader *r, int ci, int code, const char *fmt_en, const char *fmt_ja, ...)
    HYOKA_PRINTF2(4, 5, 6);
/* V005 for a value problem of values.h in the cell s[0..n) (@p which: the
 * enumeration of a HYOKA__VAL_NOT_NAME). */
void hyoka__csv_value_problem(struct hyoka__csv_reader *r, int ci, int status, int which, const char *s, size_t n);
/* hyoka__csv_value_problem() for the cell of column @p ci as it is. */
void hyoka__csv_cell_problem(struct hyoka__csv_reader *r, int ci, int status);
/* A problem in the cell that a model setter refused, with the setter's
 * message (hyoka_error_last()) as the detail. */
void hyoka__csv_detail_error(struct hyoka__csv_reader *r, int ci, int code);

/* ---- cells of the current row (read.c) ----
 * The get functions return 1 when the cell has a value (*out set), 0 when
 * it is empty or its column absent, -1 when the value is bad (reported). */

/* Whether the cell holds anything (a quoted "" counts). */
bool hyoka__csv_cell_given(const struct hyoka__csv_reader *r, int ci);
/* A text cell: 1 present (formula neutralisation undone), 0 missing. */
int hyoka__csv_get_text(const struct hyoka__csv_reader *r, int ci, const char **s, size_t *n);
/* A cell that is not text: 1 present, 0 empty (quoted or not). */
int hyoka__csv_get_raw(const struct hyoka__csv_reader *r, int ci, const char **s, size_t *n);
/* @p rc of a get function for a cell that must have a value: 0 becomes -1
 * (reported). */
int hyoka__csv_required(struct hyoka__csv_reader *r, int ci, int rc);
/* A text cell that must have a value: true with it, false (reported)
 * when it is missing. */
bool hyoka__csv_required_text(struct hyoka__csv_reader *r, int ci, const char **s, size_t *n);
int hyoka__csv_get_decimal(struct hyoka__csv_reader *r, int ci, hyoka_decimal *d);
/* A money cell in the document's amount unit. */
int hyoka__csv_get_money(struct hyoka__csv_reader *r, int ci, int64_t *out);
/* A whole number >= 0. */
int hyoka__csv_get_count(struct hyoka__csv_reader *r, int ci, int64_t *out);
/* A position: a whole number 1, 2, 3... (ASCII digits). */
int hyoka__csv_get_index(struct hyoka__csv_reader *r, int ci, size_t *out);
int hyoka__csv_get_year(struct hyoka__csv_reader *r, int ci, int32_t *out);
int hyoka__csv_get_date(struct hyoka__csv_reader *r, int ci, int32_t *out);
int hyoka__csv_get_enum(struct hyoka__csv_reader *r, int ci, int which, int *out);
int hyoka__csv_get_bool(struct hyoka__csv_reader *r, int ci, int *out);
/* The outcome of a model setter for the cell of column @p ci. */
bool hyoka__csv_set_ok(struct hyoka__csv_reader *r, int ci, int rc);
/* Check that a position continues its parent's sequence. */
bool hyoka__csv_check_seq(struct hyoka__csv_reader *r, int ci, const char *what, size_t got, size_t count);

/* ---- the item pointer of the row (read.c) ---- */

void hyoka__csv_item_cat(struct hyoka__csv_reader *r, const char *s);
void hyoka__csv_item_idx(struct hyoka__csv_reader *r, size_t i);
void hyoka__csv_item_token(struct hyoka__csv_reader *r, const char *s, size_t n);

/* ---- project positions (read.c) ---- */

/* Parse "2.1" into r->comps. false (reported) when malformed. */
bool hyoka__csv_parse_position(struct hyoka__csv_reader *r, int ci, const char *s, size_t n);
/* The project at the first @p depth components of r->comps; NULL for depth
 * 0 (the portfolio). *found false when there is no such project. */
hyoka_project *hyoka__csv_walk(const struct hyoka__csv_reader *r, size_t depth, bool *found);
/* Set the item pointer to the project at r->comps[0..depth). */
void hyoka__csv_item_project(struct hyoka__csv_reader *r, size_t depth);
/* The project named by the project column of a row that refers to one. */
hyoka_project *hyoka__csv_get_project(struct hyoka__csv_reader *r);

/* ---- rows of the tables (read_portfolio.c, read_projects.c) ----
 * Each reads the current row of its table into the portfolio. */

void hyoka__csv_document_row(struct hyoka__csv_reader *r);
/* Set what the rows of the document table gave. */
void hyoka__csv_document_finish(struct hyoka__csv_reader *r);
void hyoka__csv_document_release(struct hyoka__csv_reader *r);
void hyoka__csv_denominator_row(struct hyoka__csv_reader *r);
void hyoka__csv_scheme_row(struct hyoka__csv_reader *r);
void hyoka__csv_band_mins_free(struct hyoka__csv_reader *r);

void hyoka__csv_project_row(struct hyoka__csv_reader *r);
void hyoka__csv_class_row(struct hyoka__csv_reader *r);
void hyoka__csv_extension_row(struct hyoka__csv_reader *r);
void hyoka__csv_year_row(struct hyoka__csv_reader *r);
void hyoka__csv_staff_row(struct hyoka__csv_reader *r);
void hyoka__csv_indicator_row(struct hyoka__csv_reader *r);
void hyoka__csv_value_row(struct hyoka__csv_reader *r);
void hyoka__csv_evaluation_row(struct hyoka__csv_reader *r);
void hyoka__csv_answer_row(struct hyoka__csv_reader *r);
void hyoka__csv_comment_row(struct hyoka__csv_reader *r);
void hyoka__csv_goal_row(struct hyoka__csv_reader *r);

#endif
