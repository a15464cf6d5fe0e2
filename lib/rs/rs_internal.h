/* Private interface of the RS module: the open data of the national
 * review sheets (行政事業レビュー, RS system), 15 CSV tables per review
 * year, both ways (rs.h, docs/rs.md). Not installed.
 *
 * The files of lib/rs/, one job each:
 *   tables.c        the tables: every column by its header and where it
 *                   goes in the model; the options
 *   cells.c         cells: parsing into a target of the model, formatting
 *                   from it, comparing two cells by value
 *   read.c          the reader: tables, headers, projects, the cells of a
 *                   project, what is kept as printed
 *   read_rows.c     the rows of the tables of records (every table but
 *                   3-1), 5-1's blocks, recipients and contracts among them
 *   read_goals.c    the rows of 3-1 (the logic model)
 *   write.c         the writer: one table of a portfolio
 *   folder.c        a folder of tables, both ways
 * The CSV records themselves (RFC 4180, limits, encoding checks, quoting)
 * are lib/csv/'s (csv_internal.h).
 *
 * What the model cannot hold as printed goes into extensions, and the
 * writer puts it back: a cell of a record's row in the record's
 * extensions keyed by its header; any other cell in the project's, keyed
 * "rs:TABLE:ROW:HEADER" (ROW: the project's row of that table, from 1). */
#ifndef HYOKA_RS_INTERNAL_H
#define HYOKA_RS_INTERNAL_H

#include "csv/csv_internal.h"
#include "hyoka/rs.h"
#include "util/strset.h"

/* ------------------------------------------------------------------------ */
/* Tables and columns (tables.c)                                            */

/* Where the cells of a column go. */
enum {
    RS_T_TEXT,       /* a project text (arg: hyoka_text_field) */
    RS_T_FLAG,       /* a project flag (arg: hyoka_flag) */
    RS_T_START,      /* the project's start year */
    RS_T_END,        /* its end year */
    RS_T_PEXT,       /* a project extension keyed by the header (事業年度) */
    RS_T_EVAL,       /* an evaluation (arg: stage; sub: RS_E_*) */
    RS_T_FIELD,      /* a field (arg) of the row's record of group `group` */
    RS_T_PARENT,     /* a field (arg) of the record the row's record hangs under */
    RS_T_GOAL,       /* 3-1: the row's indicator (sub: RS_G_*, arg) */
    RS_T_LABEL       /* 3-1: which values the year columns hold */
};

/* The parts of an evaluation a column holds. */
enum { RS_E_COMMENT, RS_E_VERDICT, RS_E_BUDGET, RS_E_FISCAL_YEAR };

/* The parts of an indicator a column of 3-1 holds. */
enum { RS_G_TEXT, RS_G_NUMBER, RS_G_KIND, RS_G_TERM, RS_G_MEASUREMENT, RS_G_DIRECTION };

/* How a flag is printed. */
enum { RS_BOOL_WORD, RS_BOOL_ONE };

/* Kinds of rows of 2-1 and 5-1 (bits of a column's `rows`). */
#define RS_ROW_TOTAL 1u     /* 2-1: the total row of a budget year */
#define RS_ROW_ACCOUNT 2u   /* 2-1: a row per account */
#define RS_ROW_BLOCK 1u     /* 5-1: a block */
#define RS_ROW_RECIPIENT 2u /* 5-1: a recipient */
#define RS_ROW_CONTRACT 4u  /* 5-1: a contract of the recipient above */
#define RS_ROW_ANY 7u

struct hyoka__rs_col {
    const char *name;    /* the header */
    const char *alias;   /* the same column under another header (1-1's 建制順), or NULL */
    unsigned char target;
    unsigned char group; /* RS_T_FIELD: the group; 5-1: the record level (0 block, 1 recipient, 2 contract) */
    unsigned char rows;  /* RS_T_FIELD of 2-1 and 5-1: the kinds of rows that print it (RS_ROW_*) */
    unsigned char style; /* flags: RS_BOOL_*; texts: 1 when spaces at the ends do not count (numbers kept as text) */
    short arg;
    short sub;
    const char *key;     /* RS_E_COMMENT: the comment's key */
};

/* A kind of record a table's rows make. A table may make records of one
 * kind in two groups told apart by a field every record of a group has
 * the same value of (4-1: findings of a review or of another body). */
struct hyoka__rs_group {
    int kind;              /* hyoka_record_kind */
    int disc_field;        /* -1, or the field that tells the groups apart */
    const char *disc_text; /* its value (a text field), or NULL */
    int disc_flag;         /* its value (a flag field) */
};

enum { RS_SHAPE_RECORDS, RS_SHAPE_GOALS, RS_SHAPE_SPENDING };

struct hyoka__rs_table {
    const char *name;  /* "2-1" */
    const char *title; /* "予算・執行_サマリ" */
    const struct hyoka__rs_col *cols;
    size_t ncols;
    const struct hyoka__rs_group *groups;
    size_t ngroups;
    int shape;          /* RS_SHAPE_* */
    int parent_kind;    /* records under a record of this kind, found by the RS_T_PARENT columns; -1 */
    bool variants;      /* 2-1: total rows and account rows print different columns */
};

extern const struct hyoka__rs_table hyoka__rs_tables[HYOKA_RS_TABLE_COUNT];

/* The column of 予算事業ID, the project's code, in every table. */
#define RS_COL_ID 2
/* Columns every table starts with. */
#define RS_COMMON_COLS 13

/* The labels of the rows of an output or outcome in 3-1 (1.目標年度...),
 * and the value each holds (-1: the target year). */
#define RS_GOAL_ROWS 4
extern const char *const hyoka__rs_goal_labels[RS_GOAL_ROWS];
extern const int hyoka__rs_goal_values[RS_GOAL_ROWS];

/* The years the year columns of 3-1 span around the review year Y when the
 * values need no more: Y - RS_YEARS_BEFORE .. Y + RS_YEARS_AFTER (2007..2060
 * in 2024). */
#define RS_YEARS_BEFORE 17
#define RS_YEARS_AFTER 36

/* The key of the project extension with the review year. */
#define RS_YEAR_KEY "事業年度"
/* The prefix of the project extensions that keep cells as printed. */
#define RS_KEEP_PREFIX "rs:"

/* The options, checked, into *out (the defaults when NULL). */
int hyoka__rs_check_options(const char *fn, const hyoka_rs_options *options, hyoka_rs_options *out);

/* ------------------------------------------------------------------------ */
/* Cells (cells.c)                                                          */

/* Room for a cell formatted from a number. */
#define RS_NUM_MAX HYOKA_DECIMAL_STRING_MAX

/* A cell as formatted from the model: s[0..n) (NUL-terminated), pointing
 * into the model or into num. */
struct hyoka__rs_cell {
    const char *s;
    size_t n;
    char num[RS_NUM_MAX];
};

/* Whether two cells hold the same value: the same text, both "not
 * applicable" (-, －, ー), the same boolean, or the same number
 * ("5252000.0" and "5252000 "); spaces at the ends count only in texts.
 * Empty is none of these. */
bool hyoka__rs_same(const char *a, size_t an, const char *b, size_t bn);
/* Whether a cell says "not applicable". */
bool hyoka__rs_not_applicable(const char *s, size_t n);
/* s[0..n) without ASCII spaces at its ends. */
void hyoka__rs_trim(const char **s, size_t *n);
/* A boolean: 1 true, 0 false, -1 not one (TRUE/FALSE/t/f/true/false, or
 * 1/0 for RS_BOOL_ONE). */
int hyoka__rs_bool(const char *s, size_t n);
/* A whole number (spaces at the ends, a sign, ".0" places allowed) into
 * *out; false when it is not one or out of range. */
bool hyoka__rs_int(const char *s, size_t n, int64_t *out);

/* Set a record's field from a cell (not empty). HYOKA_OK, or a status
 * when the cell is not a value of the field's type (nothing set). */
int hyoka__rs_set_field(hyoka_record *rec, int field, int style, const char *s, size_t n);
/* Format a record's field: empty when missing, "-" when not applicable. */
void hyoka__rs_field_cell(const hyoka_record *rec, int field, int style, struct hyoka__rs_cell *c);
/* Set a target of the project (RS_T_TEXT...RS_T_EVAL) from a cell. */
int hyoka__rs_set_project(hyoka_project *p, const struct hyoka__rs_col *col, const char *s, size_t n);
/* Format a target of the project. */
void hyoka__rs_project_cell(const hyoka_project *p, const struct hyoka__rs_col *col, struct hyoka__rs_cell *c);
/* Set a part of an indicator (RS_T_GOAL) from a cell. */
int hyoka__rs_set_goal(hyoka_indicator *ind, const struct hyoka__rs_col *col, const char *s, size_t n);
/* Format a part of an indicator. */
void hyoka__rs_goal_cell(const hyoka_indicator *ind, const struct hyoka__rs_col *col, struct hyoka__rs_cell *c);
/* The evaluation of @p stage a project has (the first), or NULL. */
hyoka_evaluation *hyoka__rs_evaluation(const hyoka_project *p, int stage);
/* Whether a record belongs to a group (its discriminating field). */
bool hyoka__rs_in_group(const hyoka_record *rec, const struct hyoka__rs_group *g);
/* The group of a table a record of @p kind is written in: the first whose
 * discriminating field matches, else the first of its kind; -1 if none. */
int hyoka__rs_group_of(const struct hyoka__rs_table *t, const hyoka_record *rec);
/* The kind of a row of 2-1 a budget is printed as. */
unsigned hyoka__rs_budget_row(const hyoka_record *rec);

/* ------------------------------------------------------------------------ */
/* The reader (read.c)                                                      */

/* The state of a project while the tables are read. */
struct hyoka__rs_pstate {
    hyoka_project *p;
    size_t rows;      /* its rows of the current table so far */
    bool listed;      /* 1-1 has a row for it */
    /* 2-2, 5-3: the index of the parent of each row's record so far
     * ("0,1,0"), and whether they come in the writer's order */
    struct hyoka__buf order;
    size_t last_parent;
    bool shuffled;
};

/* The key of the project extension that keeps the order of the rows of
 * 2-2 or 5-3 when it is not the writer's ("rs:2-2:order": the index of
 * each row's budget or block, "1,0,1"). */
#define RS_ORDER_KEY "order"
/* The key of the first project's extensions that keeps a header read in
 * another spelling than the writer's ("rs:2-1:header:NAME" = the header). */
#define RS_HEADER_KEY "header"

struct hyoka__rs_reader {
    hyoka_portfolio *pf;
    hyoka_rs_options opt;
    struct hyoka__csv_log log;
    struct hyoka__csv_records rec;
    int table;                        /* hyoka_rs_table being read */
    const struct hyoka__rs_table *t;
    bool listed_given;                /* 1-1 was read */
    /* the header */
    size_t hn;
    int *colof;          /* header field -> column of t, RS_YEAR_COL(y) for a year of 3-1, -1 unknown */
    int *fieldof;        /* column of t -> header field, -1 absent */
    size_t *names;       /* header field -> offset of its name in heads */
    struct hyoka__buf heads;
    /* projects by code */
    struct hyoka__strset ids;
    struct hyoka__rs_pstate *ps;
    size_t nps, pscap;
    struct hyoka__rs_pstate *cur;     /* the project of the current row */
    size_t row;                       /* its row of the table (0 the first) */
    struct hyoka__buf key;            /* scratch */
    /* 5-1: the block and recipient the last rows made */
    hyoka_record *block, *recipient;
    /* 3-1: the node of the row above (of project goal_of) and its label */
    hyoka_indicator *goal;
    const hyoka_project *goal_of;
    int goal_label;
};

/* A read, one table at a time (a folder's files each released after it):
 * new (options checked, the limit of @p report set), then every table in
 * order (a NULL text: a missing table, V010), then end, which frees the
 * reader and gives the portfolio (*out, when not NULL and no error) or
 * HYOKA_EINVALID / HYOKA_ENOMEM. */
int hyoka__rs_reader_new(const char *fn, const hyoka_rs_options *options, hyoka_report *report,
                         struct hyoka__rs_reader **out);
void hyoka__rs_reader_table(struct hyoka__rs_reader *r, int table, const char *text, size_t len);
int hyoka__rs_reader_end(struct hyoka__rs_reader *r, const char *fn, hyoka_portfolio **out);

/* Header fields of 3-1's year columns: RS_YEAR_COL(fiscal year). */
#define RS_YEAR_COL(y) (-1000 - (int)(y))
#define RS_IS_YEAR_COL(c) ((c) <= -1000)
#define RS_YEAR_OF_COL(c) (-(c)-1000)

/* A cell of the current row by header field: s[0..n). */
void hyoka__rs_field(const struct hyoka__rs_reader *r, size_t f, const char **s, size_t *n);
/* The cell of column @p c of the table: false (empty) when the column is absent. */
bool hyoka__rs_get(const struct hyoka__rs_reader *r, int c, const char **s, size_t *n);
/* The header of field @p f. */
const char *hyoka__rs_head(const struct hyoka__rs_reader *r, size_t f);
/* A warning or info of a code with a detail at header field @p f (0-based;
 * SIZE_MAX: the whole row). */
void hyoka__rs_diag(struct hyoka__rs_reader *r, size_t f, int code, const char *fmt_en, const char *fmt_ja, ...)
    HYOKA_PRINTF2(4, 5, 6);
/* Keep a cell as printed: in @p rec's extensions keyed by its header when
 * @p rec is not NULL, else in the project's for the current row. */
void hyoka__rs_keep(struct hyoka__rs_reader *r, hyoka_record *rec, size_t f, const char *s, size_t n);
/* V012: the cell of field @p f is not a value of its column: kept. */
void hyoka__rs_not_understood(struct hyoka__rs_reader *r, hyoka_record *rec, size_t f, const char *s, size_t n,
                              int rc);
/* Read a record's field from column @p c: set, checked to format back to
 * the same value, else kept as printed. */
void hyoka__rs_read_field(struct hyoka__rs_reader *r, hyoka_record *rec, int c);
/* Check a cell the writer repeats from somewhere else (a recipient on its
 * contract rows): kept as printed for this row when it differs (V013). */
void hyoka__rs_check_repeat(struct hyoka__rs_reader *r, int c, const struct hyoka__rs_cell *want);
/* Keep the unknown columns of the row (record extensions or the project's). */
void hyoka__rs_keep_unknown(struct hyoka__rs_reader *r, hyoka_record *rec);
/* Whether any column of the row is one of @p group's fields, or (group < 0)
 * any with bit @p rows. */
bool hyoka__rs_group_given(const struct hyoka__rs_reader *r, int group, unsigned rows);

/* The rows (read_rows.c: records and 5-1; read_goals.c: 3-1): each reads
 * the current row of its table for r->cur. */
void hyoka__rs_records_row(struct hyoka__rs_reader *r);
void hyoka__rs_goals_row(struct hyoka__rs_reader *r);
void hyoka__rs_spending_row(struct hyoka__rs_reader *r);

/* ------------------------------------------------------------------------ */
/* The writer (write.c)                                                     */

/* The review year a portfolio is written for: the option, else the first
 * project's 事業年度; 0 when neither gives one. */
int32_t hyoka__rs_year(const hyoka_portfolio *pf, const hyoka_rs_options *opt);
/* Write one table into @p o. */
void hyoka__rs_write_one(const hyoka_portfolio *pf, int table, const hyoka_rs_options *opt, struct hyoka__buf *o);

#endif
