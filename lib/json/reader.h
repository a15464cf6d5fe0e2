/* What the files of the hyoka/1 reader share (read.c says how it works):
 *
 *   lex.c      the strict JSON lexer (strings, numbers, literals; UTF-8;
 *              lines and columns), with its hot helpers in lex.h
 *   read.c     the parser: frames, member lookup, duplicate keys, the
 *              main loop, and hyoka_json_read() / hyoka_json_read_file()
 *   diag.c     diagnostics: paths from the frame stack, messages
 *   convert.c  scalar values into the model's types
 *   members.c  the member names of each kind of object and what each
 *              member's value does to the model
 *   objects.c  the model item made for each element of an array, and the
 *              checks made when an object or array closes
 *   finish.c   the end of the document: deferred units and amounts
 *   records.c  the members added in 1.1 (additions.h) and records
 *   locate.c   a tolerant walk of the text by JSON pointer, and
 *              hyoka_report_locate()
 *
 * Not installed. */
#ifndef HYOKA_JSON_READER_H
#define HYOKA_JSON_READER_H

#include "model_build.h"
#include "figures/internal.h"
#include "report_internal.h"
#include "util/strset.h"
#include "values.h"

#include "util/buf.h"
#include "util/jsonptr.h"

#include <stdarg.h>
#include <string.h>

#define UNIT_IMPLIED 0xFFu
#define YEAR_BITMAP_BYTES ((HYOKA__YEAR_MAX - HYOKA__YEAR_MIN + 1 + 7) / 8)

/* ------------------------------------------------------------------------ */
/* Kinds of objects and arrays, and their members                           */

/* Object kinds (frames that hold an object) and array kinds. */
enum kind {
    K_ROOT, K_MUNI, K_DENOM, K_ROUNDING, K_RULE, K_SCHEME, K_CRIT, K_OPTION, K_RANGE, K_VERDICT,
    K_BUDGET, K_RATING, K_BAND, K_MISSING, K_PROJECT, K_ORG, K_CLASS, K_TEXTS, K_YEAR, K_FUNDING,
    K_STAFF, K_STATED, K_STATEDOBJ, K_IND, K_IVALUE, K_LONGTERM, K_EVAL, K_SCORES, K_EXPECTED,
    K_COMMENTS, K_GOAL, K_EXT, K_RECORD, K_METHODS, K_BASELINE, K_SKIPOBJ,
    /* arrays */
    A_DENOMS, A_SCHEMES, A_PROJECTS, A_CRITERIA, A_OPTIONS, A_VERDICTS, A_BUDGETS, A_BANDS, A_CLASS,
    A_YEARS, A_STAFF, A_INDS, A_IVALUES, A_EVALS, A_GOALS, A_CHILDREN, A_RECORDS, A_SKIP,
    KIND_COUNT_
};

/* Members by object kind, in the order of their names in members.c. */
enum { R_FORMAT, R_AMOUNT_UNIT, R_MUNICIPALITY, R_DENOMINATORS, R_ROUNDING, R_TOLERANCE, R_SCHEMES, R_PROJECTS,
       R_ACHIEVEMENT_RULE };
enum { MU_NAME, MU_CODE };
enum { D_YEAR, D_POPULATION, D_HOUSEHOLDS };
enum { RU_PLACES, RU_MODE, RU_UNIT };
enum { SC_ID, SC_NAME, SC_CRITERIA, SC_VERDICTS, SC_BUDGETS, SC_RATING };
enum { CR_CODE, CR_LABEL, CR_WEIGHT, CR_REQUIRED, CR_OPTIONS, CR_RANGE };
enum { OP_CODE, OP_LABEL, OP_SCORE };
enum { RA_MIN, RA_MAX };
enum { VE_CODE, VE_LABEL, VE_GROUP };
enum { BU_CODE, BU_LABEL, BU_KIND };
enum { RT_BANDS, RT_MISSING };
enum { BA_MIN, BA_CODE, BA_LABEL };
enum { MI_CODE, MI_LABEL };
enum {
    P_CODE, P_NAME, P_ORG, P_POLICY, P_ACCOUNT, P_DUTY, P_PERIOD, P_START, P_END, P_LEGAL, P_TEXTS, P_YEARS,
    P_INDICATORS, P_EVALUATIONS, P_CHILDREN, P_EXTENSIONS
};
enum { CL_LEVEL, CL_CODE, CL_NAME };
enum {
    Y_YEAR, Y_PHASE, Y_INITIAL, Y_FINAL, Y_SETTLEMENT, Y_FUNDING, Y_STAFF, Y_DEBT, Y_INDIRECT, Y_USAGE,
    Y_BENEFICIARIES, Y_POPULATION, Y_HOUSEHOLDS, Y_STATED
};
enum { ST_CATEGORY, ST_HEADCOUNT, ST_FTE, ST_HOURS, ST_UNIT_COST, ST_HOURLY_RATE, ST_AMOUNT };
enum { SO_VALUE, SO_UNIT };
enum { IN_KIND, IN_NAME, IN_UNIT, IN_DEFINITION, IN_DIRECTION, IN_NOT_SETTABLE, IN_REASON, IN_VALUES, IN_LONG };
enum { IV_YEAR, IV_TARGET, IV_ACTUAL, IV_FORECAST, IV_STATED };
enum { LT_VALUE, LT_YEAR, LT_NOTE };
enum {
    EV_STAGE, EV_SCHEME, EV_YEAR, EV_DATE, EV_EVALUATOR, EV_VERDICT, EV_BUDGET, EV_SCORES, EV_EXPECTED,
    EV_COMMENTS, EV_GOALS
};
enum { EX_OUTCOME, EX_COST };
enum { G_WHAT, G_LEVEL, G_BY };

struct hyoka__json_name {
    char s[24]; /* zero-padded: compared 16 bytes at a time */
    size_t n;
};

/* Member names by object kind (members.c); NULL for string maps and
 * skipped objects. */
struct hyoka__json_kind {
    const struct hyoka__json_name *members;
    int count;
};
extern const struct hyoka__json_kind hyoka__json_kinds[KIND_COUNT_];

static inline int hyoka__json_is_array_kind(int kind)
{
    return kind >= A_DENOMS;
}

/* String maps: every key is data. */
static inline int hyoka__json_is_map_kind(int kind)
{
    return kind == K_SCORES || kind == K_COMMENTS || kind == K_EXT;
}

/* ------------------------------------------------------------------------ */
/* The reader                                                                */

/* Position cache: line and column of one byte offset of a text. */
struct hyoka__json_lines {
    const char *base, *end;
    const char *at;
    int64_t line, col;
};

enum tok_type { T_NONE, T_STRING, T_NUMBER, T_TRUE, T_FALSE, T_NULL, T_OBJECT, T_ARRAY };

#define NUM_FRAC 1u
#define NUM_EXP 2u

struct hyoka__json_tok {
    int type;
    const char *pos;   /* first byte of the value */
    const char *s;     /* content of a string (NULL when not kept), literal of a number */
    size_t n;
    unsigned char has_nul;
    unsigned char num;      /* NUM_* flags of a number */
    unsigned char fast;     /* a number of at most 18 digits without exponent: coef, scale */
    int scale;
    int64_t coef;
    unsigned char consumed; /* a container whose frame was pushed */
};

struct hyoka__json_frame {
    unsigned char kind;
    unsigned char started;   /* a member or element has been read */
    unsigned char key_esc;   /* the current key has escapes */
    unsigned char has_value; /* STATEDOBJ: value given; BAND: min given */
    unsigned char unit;      /* STATEDOBJ: unit given, or UNIT_IMPLIED */
    unsigned char between;   /* between two members or elements */
    int aux;                 /* figure (RULE, STATEDOBJ), class kind (A_CLASS) */
    unsigned hint;           /* next member expected */
    const char *start;       /* the opening bracket */
    const char *key;         /* current member key, raw, in the text */
    size_t key_len;
    size_t count;            /* arrays: elements started */
    uint64_t seen;           /* members seen */
    uint64_t given;          /* members seen with a value other than null */
    size_t keys_start, arena_start;
    void *obj;
    hyoka_decimal dec;       /* STATEDOBJ value */
};

struct hyoka__json_key {
    const char *src; /* in the text, or NULL: at arena offset `aoff` */
    size_t aoff;
    size_t len;
    const char *pos;
};

struct hyoka__json_big {
    int64_t *slot;
    int64_t yen;
    size_t off;
};

struct hyoka__json_late {
    size_t off;
    int what; /* LATE_* */
};
enum { LATE_FRACTION, LATE_OVERFLOW };

enum { SET_SCHEME, SET_CRIT, SET_OPTION, SET_VERDICT, SET_BUDGET, SET_BAND, SET_COUNT_ };

struct hyoka__json_reader {
    const char *base; /* the text as given */
    const char *text; /* after a byte-order mark */
    const char *end;
    const char *p;
    /* A file mapped by hyoka_json_read_file(): pages the parser has left
     * behind are given back (see release_behind()). */
    int mapped;
    const char *released; /* everything below has been given back */
    uintptr_t release_at; /* the parser gives back pages from here on (UINTPTR_MAX: never) */
    int status; /* HYOKA_OK, HYOKA_EINVALID (syntax: stop), HYOKA_ENOMEM */
    size_t max_depth, max_string, max_number;
    hyoka_report *report;
    hyoka_portfolio *pf;
    struct hyoka__json_frame *frames;
    size_t depth, frame_cap;
    struct hyoka__buf kbuf, vbuf, arena, tmp; /* scratch text: keys, values, kept keys, paths */
    struct hyoka__buf path;
    struct hyoka__json_key *keys;
    size_t nkeys, keys_cap;
    size_t errors;
    struct hyoka__json_lines lc;
    /* settings and their order */
    int unit_seen, unit_bad, rounding_seen, money_milli, need_fixup;
    struct hyoka__json_big *bigs;
    size_t nbig, big_cap;
    struct hyoka__json_late *lates;
    size_t nlate, late_cap;
    struct hyoka__strset sets[SET_COUNT_];
    const char **band_pos;
    size_t band_pos_cap;
    unsigned char denom_years[YEAR_BITMAP_BYTES];
    unsigned char value_years[YEAR_BITMAP_BYTES];
    /* A stream (stream.c): hyoka__json_step() pauses once when the
     * projects array opens (pause_projects), and positions in a window of
     * a callback source go through the stream (hyoka__stream_position()).
     * NULL and 0 for a whole-document read. */
    struct hyoka_stream *stream;
    unsigned char pause_projects;
};

/* A mapped text is given back in steps, a margin behind the parser
 * (hyoka__json_release_behind()). */
#define HYOKA__JSON_RELEASE_STEP ((size_t)8 << 20)
#define HYOKA__JSON_RELEASE_MARGIN ((size_t)1 << 20)

/* Everything below @p at has been given back (or is not mapped): the
 * parser next gives back pages one step and a margin further. */
static inline void hyoka__json_set_released(struct hyoka__json_reader *r, const char *at)
{
    uintptr_t next = (uintptr_t)at + HYOKA__JSON_RELEASE_STEP + HYOKA__JSON_RELEASE_MARGIN;
    r->released = at;
    r->release_at = r->mapped && next > (uintptr_t)at ? next : UINTPTR_MAX;
}

static inline int hyoka__json_nomem(struct hyoka__json_reader *r)
{
    if (r->status != HYOKA_ENOMEM)
        r->status = HYOKA_ENOMEM;
    return -1;
}

/* ------------------------------------------------------------------------ */
/* lex.c: tokens (r->p at the first byte; 0, or -1 with the error reported) */

void hyoka__json_lines_init(struct hyoka__json_lines *lc, const char *base, const char *end);
/* Line and column (characters) of @p at, from the cached position. */
void hyoka__json_lines_at(struct hyoka__json_lines *lc, const char *at, int64_t *line, int64_t *col);
/* Unescape a string already validated by the scanner. */
int hyoka__json_unescape(const char *s, size_t n, struct hyoka__buf *out);
/* Scan the string whose opening quote is at r->p. With @p out the content
 * is made available in t->s/t->n: in the text when it has no escape, else
 * unescaped into @p out. */
int hyoka__json_scan_string(struct hyoka__json_reader *r, struct hyoka__json_tok *t, struct hyoka__buf *out);
/* Check the JSON number grammar at s; returns the length of the number and
 * its flags, or 0 when s does not start with a number. *bad gets the
 * offending position (for a good prefix cut by the end: e). */
size_t hyoka__json_number_len(const char *s, const char *e, unsigned *flags, const char **bad);
/* Scan a scalar value at r->p (the caller has checked it is not '{' or '['). */
int hyoka__json_scan_scalar(struct hyoka__json_reader *r, struct hyoka__json_tok *t, struct hyoka__buf *out);
/* J001 at the end of the text. */
int hyoka__json_fail_eot(struct hyoka__json_reader *r);
/* An unexpected character outside strings: J002 for invalid UTF-8, J001
 * (end of text) for a sequence cut by the end, J001 otherwise. */
int hyoka__json_fail_unexpected(struct hyoka__json_reader *r, const char *p, const char *expected_en,
                                const char *expected_ja);

/* ------------------------------------------------------------------------ */
/* diag.c: diagnostics                                                       */

/* Where a diagnostic's path points: the value being read, or the object of
 * the top frame. */
enum { PM_VALUE, PM_OBJECT };

/* Token types in messages, by enum tok_type. */
extern const char *const hyoka__json_type_en[];
extern const char *const hyoka__json_type_ja[];

/* Build the path of the first @p levels frames (the value currently read in
 * frame levels-1) into r->path. */
int hyoka__json_build_path(struct hyoka__json_reader *r, size_t levels);
/* Report a diagnostic at @p pos with the current path (PM_VALUE or
 * PM_OBJECT): hyoka__json_diag(r, pos, pm, HYOKA__MSG(S001), member). A
 * diagnostic is counted (r->errors for an error) even when there is no
 * report or the report does not keep it; its path and messages are made
 * only when it is kept. 0, or -1 when out of memory. */
int hyoka__json_diag(struct hyoka__json_reader *r, const char *pos, int pm, int code, const char *fmt_en,
                     const char *fmt_ja, ...) HYOKA_PRINTF2(5, 6, 7);
/* The same for a code with a detail template (S004, J001...): @p code
 * (HYOKA__S004) and the detail as two formats taking the same arguments. */
int hyoka__json_detail(struct hyoka__json_reader *r, const char *pos, int pm, int code, const char *fmt_en,
                       const char *fmt_ja, ...) HYOKA_PRINTF2(5, 6, 7);
/* A problem that stops reading (J codes): hyoka__json_diag() at the value,
 * then the status is HYOKA_EINVALID; returns -1. */
int hyoka__json_fail(struct hyoka__json_reader *r, const char *pos, int code, const char *fmt_en, const char *fmt_ja,
                     ...) HYOKA_PRINTF2(4, 5, 6);
/* hyoka__json_fail() with a detail (hyoka__json_detail()). */
int hyoka__json_fail_detail(struct hyoka__json_reader *r, const char *pos, int code, const char *fmt_en,
                            const char *fmt_ja, ...) HYOKA_PRINTF2(4, 5, 6);
/* A diagnostic of a detail code at @p path, the detail ready. */
int hyoka__json_put_detail(struct hyoka__json_reader *r, const char *pos, const char *path, int code,
                           const char *en, const char *ja);
/* A value problem of values.h at @p t: J005 for a number out of range
 * (reading stops, -1), else S004; @p which names an enumeration for
 * HYOKA__VAL_NOT_NAME. */
int hyoka__json_value_problem(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, int status, int which);
/* S003 for a value of type t->type where @p want was expected. */
int hyoka__json_wrong_type(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, int want);
/* S003 where what was expected is said in words ("true or false", "true か false"). */
int hyoka__json_wrong_types(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, const char *want_en,
                            const char *want_ja);

/* ------------------------------------------------------------------------ */
/* read.c: frames                                                            */

int hyoka__json_push(struct hyoka__json_reader *r, int kind, void *obj, int aux);
/* Push a frame for the container of @p t if it is of the wanted type;
 * otherwise S003 (the caller skips the value). */
int hyoka__json_open_container(struct hyoka__json_reader *r, struct hyoka__json_tok *t, int kind, void *obj, int aux);

/* The reader's scratch, set up for @p text (@p len bytes, a BOM skipped)
 * with checked options; NULL when out of memory. */
struct hyoka__json_reader *hyoka__json_reader_new(const char *text, size_t len, const hyoka_read_options *opt,
                                                 hyoka_report *report, int mapped);
/* Free the reader's scratch (not its portfolio); NULL is ignored. */
void hyoka__json_reader_free(struct hyoka__json_reader *r);
/* The options given (NULL: the defaults), checked, into @p out. */
int hyoka__json_options(const char *fn, const hyoka_read_options *options, hyoka_read_options *out);
/* Read or map the file @p path (util/fsio.h; @p flags: HYOKA__FSIO_PIPE
 * or 0); a file above the limit is J006 in @p report and HYOKA_EINVALID. */
struct hyoka__file_data;
int hyoka__json_open_file(const char *fn, const char *path, const hyoka_read_options *opt, hyoka_report *report,
                          unsigned flags, struct hyoka__file_data *file);
/* A mapped text (r->mapped): give back the pages more than a margin
 * behind @p at (read.c). */
void hyoka__json_release_behind(struct hyoka__json_reader *r, const char *at);
/* The details of J006 for a document of @p size bytes (0: unknown). */
void hyoka__json_too_large(struct hyoka__detail *d, uint64_t size, size_t limit);
/* J006 for a text of @p len bytes above @p limit: reading stops. */
void hyoka__json_fail_size(struct hyoka__json_reader *r, size_t len, size_t limit);
/* The parser in steps (a whole-document read runs all three): the root
 * frame; the main loop, at least one value, until the depth is @p stop or
 * less (0, -1 to stop reading, or 1: a stream's pause at its projects);
 * the check that nothing but whitespace follows. */
int hyoka__json_begin(struct hyoka__json_reader *r);
int hyoka__json_step(struct hyoka__json_reader *r, size_t stop);
int hyoka__json_end_text(struct hyoka__json_reader *r);

/* stream.c: the line and column of @p pos in a stream's window. */
void hyoka__stream_position(struct hyoka_stream *s, const char *pos, int64_t *line, int64_t *col);

/* ------------------------------------------------------------------------ */
/* convert.c: scalar values into the model (0, or -1 to stop reading)       */

/* Whether the string (or number) of @p t can be kept as a text: no NUL,
 * not too long. 1, or what reporting S004 returned (0, or -1). */
int hyoka__json_storable(struct hyoka__json_reader *r, const struct hyoka__json_tok *t);
int hyoka__json_get_text(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, char **slot);
int hyoka__json_get_code(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, char **slot);
/* A name of enumeration @p which (hyoka_enum_id) into its value. */
int hyoka__json_get_enum(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, int which, int *slot);
int hyoka__json_get_bool(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, int *slot);
int hyoka__json_get_year(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, int32_t *slot);
int hyoka__json_get_date(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, int32_t *slot);
int hyoka__json_get_count(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, int64_t *slot, int *ok);
int hyoka__json_get_decimal(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, hyoka_decimal *slot,
                            int nonneg, int *ok);
int hyoka__json_get_money(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, int64_t *slot, int nonneg,
                          int *ok);

/* ------------------------------------------------------------------------ */
/* members.c, objects.c, finish.c: the model                                 */

/* The value of member @p mid of the object of frame @p f. */
int hyoka__json_on_member(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid,
                          struct hyoka__json_tok *t);
/* Store a string-map entry (extensions, comments, scores). */
int hyoka__json_map_member(struct hyoka__json_reader *r, struct hyoka__json_frame *f, const char *key, size_t klen,
                           struct hyoka__json_tok *t);
/* Fiscal year @p y in a year bitmap: its bit before, and set or cleared. */
int hyoka__json_year_bit(unsigned char *map, int32_t y, int set);
/* The implied unit of a stated figure, or UNIT_IMPLIED when not known yet. */
unsigned char hyoka__json_implied_unit(struct hyoka__json_reader *r, int fig);
int hyoka__json_set_stated(struct hyoka__json_reader *r, hyoka_costs *c, int fig, const hyoka_decimal *d,
                           unsigned char unit);
/* Create the item for an element object of an array frame and push it. */
int hyoka__json_open_element(struct hyoka__json_reader *r, struct hyoka__json_frame *f);
/* Checks and commits when an object or array closes (top frame). */
int hyoka__json_close_frame(struct hyoka__json_reader *r);
/* After the document: amounts and units settled, deferred diagnostics. */
int hyoka__json_finish(struct hyoka__json_reader *r);

/* records.c: the members added in 1.1 (additions.h) and records. A member
 * the tables above do not have: its id (past the table's), or -1. */
int hyoka__json_more_lookup(struct hyoka__json_frame *f, const char *k, size_t n);
/* The value of a member found by hyoka__json_more_lookup(). */
int hyoka__json_more_member(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid,
                            struct hyoka__json_tok *t);
/* Create the record for an element of an A_RECORDS frame and push it. */
int hyoka__json_open_record(struct hyoka__json_reader *r, struct hyoka__json_frame *f);
/* Money of a project's records held in thousandths: into yen. */
void hyoka__json_records_to_yen(hyoka_project *p);

/* ------------------------------------------------------------------------ */
/* locate.c: a tolerant walk of the text                                     */

/* Visit callback: the JSON pointer of a value (path[0..len), NUL-terminated)
 * and its first byte; return 1 to enter a container, 0 to skip it, -1 to
 * stop. */
typedef int (*hyoka__json_walk_fn)(void *ctx, const char *path, size_t len, const char *at);
/* Walk the text; HYOKA_OK (also when the text is invalid: the walk stops),
 * HYOKA_ENOMEM. */
int hyoka__json_walk(const char *s, size_t len, hyoka__json_walk_fn fn, void *ctx);
/* Line and column of a position of the text given to
 * hyoka__report_locate_part(). */
typedef void (*hyoka__json_position_fn)(void *ctx, const char *at, int64_t *line, int64_t *col);
/* Place the diagnostics of @p report from index @p first on that have no
 * line yet and whose path is @p prefix or below it (a JSON pointer; "" for
 * all): their values are looked for in @p json (the text of the value at
 * @p prefix), and @p position turns each into a line and column.
 * HYOKA_OK or HYOKA_ENOMEM. */
int hyoka__report_locate_part(hyoka_report *report, size_t first, const char *json, size_t len, const char *prefix,
                              hyoka__json_position_fn position, void *ctx);

#endif /* HYOKA_JSON_READER_H */
