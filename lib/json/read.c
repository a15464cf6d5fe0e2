/* json_read: the strict hyoka/1 reader (docs/format.md) and
 * hyoka_report_locate().
 *
 * One pass, no DOM. The text is read by an iterative pushdown parser: an
 * explicit stack of frames, one per open object or array, each tagged with
 * the kind of model entity it fills (the portfolio, a project, a cost
 * year...). A member key is looked up in the table of its frame's kind
 * (starting at the member that follows the previous one, so canonical
 * documents match at the first try) and its value goes straight into the
 * model: scalars are converted where they stand, objects and arrays push a
 * frame. Nothing recurses on the C stack, so depth is bounded only by
 * max_depth and memory. Values nobody wants (unknown members, values of
 * the wrong type) are still read in full, validated and checked for
 * duplicate keys, but not copied.
 *
 * Strings are validated (strict UTF-8, escapes, surrogate pairs) while they
 * are scanned, 16 bytes at a time over plain ASCII with SSE2 (8 with a
 * portable SWAR fallback on other little-endian machines, byte by byte
 * elsewhere); whitespace is skipped the same way. A string without escapes
 * is used where it stands in the text; one with escapes is unescaped into
 * a scratch buffer (one for keys, one for values). Only the strings and
 * records the model keeps are allocated. Numbers are scanned for the
 * RFC 8259 grammar; a plain one (at most 18 digits, no exponent) has its
 * coefficient and scale accumulated during the scan, any other is parsed
 * from its literal bytes by hyoka_decimal_parse() when a member wants it
 * (never through double): "98.30" keeps scale 2.
 *
 * Duplicate keys (J003): the members of a model object are tracked in a
 * bit mask; the keys of string maps (extensions, comments, scores) go into
 * a list checked linearly for the first 16 keys of an object and, beyond
 * that, by sorting when the object closes. Unknown members (S002 at each
 * occurrence) and skipped content are not checked: a valid JSON document
 * that is not a hyoka/1 document gets only S-codes.
 *
 * Line and column are computed only when a diagnostic is emitted, from a
 * cached position (forward or backward), columns counting characters.
 * Diagnostic paths are built from the frame stack only then, too.
 *
 * Ordering of settings (decided): "amount_unit" and "rounding" may come
 * anywhere in the root object, even after "projects", and the text is read
 * once. When "projects" starts before "amount_unit" was seen, money is held
 * in thousandths of the written unit (exact for up to three decimal
 * places, the most either unit allows); when the root object closes, the
 * model is walked once and the amounts are divided by 1000 for a yen
 * document. Amounts with a fraction, and integers too large for
 * thousandths, are remembered by their offset in the text; at the end they
 * become S004 (a fraction in a yen document) or J005 (too large in
 * thousand_yen), their path found by one more walk of the text, which
 * happens only when there is such an error. Stated figures whose unit is
 * implied (money figures: amount_unit; per-head figures: the unit of the
 * document's rounding rule) get a placeholder unit when the setting is not
 * known yet, resolved by the same final walk.
 *
 * Other decisions:
 * - Integers are read by value: 2007.0 and 2.007e3 are the integer 2007
 *   (fiscal years, counts, yen amounts, places, tolerance); 2007.5 is S004.
 * - null is "missing" for every member, required ones included (S001), and
 *   in string maps (no entry). A null array element is S003.
 * - Strings holding decimals must follow the JSON number grammar.
 * - A string with U+0000 (from \u0000) is S004 where the model keeps it.
 * - A numeric string out of range is S004 (J005 is for JSON numbers).
 * - S002 is reported at the key of the unknown member, J003 at the second
 *   key; every other diagnostic at the offending value, S001 at the object.
 * - The report's limit (max_diagnostics) is set on the report and stays.
 * - Columns on the first line count from after a byte-order mark.
 */
#if !defined(_POSIX_C_SOURCE) || _POSIX_C_SOURCE < 200809L
#  undef _POSIX_C_SOURCE
#  define _POSIX_C_SOURCE 200809L
#endif
/* madvise(MADV_DONTNEED): posix_madvise()'s DONTNEED does nothing on glibc. */
#ifndef _DEFAULT_SOURCE
#  define _DEFAULT_SOURCE 1
#endif

#include "model_build.h"
#include "report.h"
#include "hyoka/json.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__SSE2__)
#  include <emmintrin.h>
#  define JR_SSE2 1
#endif

/* Without SSE2, eight bytes at a time in a 64-bit word (little-endian). */
#if !defined(JR_SSE2) && defined(__GNUC__) && defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__)
#  if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#    define JR_SWAR 1
#  endif
#endif

#define UNIT_IMPLIED 0xFFu
#define YEAR_MIN 1868
#define YEAR_MAX 9999
#define YEAR_BITMAP_BYTES ((YEAR_MAX - YEAR_MIN + 1 + 7) / 8)
#define LINEAR_KEYS 16

/* ------------------------------------------------------------------------ */
/* Names                                                                     */

struct name {
    char s[24]; /* zero-padded: compared 16 bytes at a time */
    size_t n;
};
#define N(lit) {lit, sizeof(lit) - 1}

static const struct name figure_names[HYOKA__FIGURE_COUNT] = {
    N("expense"), N("personnel"), N("debt_service"), N("indirect_costs"), N("total_cost"),
    N("general_revenue"), N("specific_revenue"), N("per_capita"), N("per_household"), N("unit_cost"),
    N("per_beneficiary"), N("execution_rate"), N("personnel_share"), N("general_revenue_share"),
    N("total_cost_change"), N("achievement"), N("change"), N("score"),
};

static const struct name unit_names[] = {N("yen"), N("thousand_yen")};
static const struct name phase_names[] = {N("plan"), N("budget"), N("forecast"), N("settled")};
static const struct name duty_names[] = {N("autonomous"), N("statutory_entrusted")};
static const struct name period_names[] = {N("one_time"), N("recurring"), N("fixed_term")};
static const struct name category_names[] = {N("regular"), N("reappointed"), N("part_time"), N("temporary")};
static const struct name kind_names[] = {N("activity"), N("target"), N("outcome"), N("upper_outcome")};
static const struct name direction_names[] = {N("increase"), N("decrease"), N("maintain")};
static const struct name stage_names[] = {N("self"), N("primary"), N("secondary"), N("external"), N("committee")};
static const struct name outcome_names[] = {N("up"), N("same"), N("down")};
static const struct name cost_names[] = {N("down"), N("same"), N("up")};
static const struct name group_names[] = {N("continue"), N("end")};
static const struct name budget_kind_names[] = {N("same"), N("increase"), N("decrease"), N("end")};
static const struct name mode_names[] = {N("half_up"), N("down"), N("up"), N("half_even"), N("floor"), N("ceiling")};

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Object kinds (frames that hold an object) and array kinds. */
enum kind {
    K_ROOT, K_MUNI, K_DENOM, K_ROUNDING, K_RULE, K_SCHEME, K_CRIT, K_OPTION, K_RANGE, K_VERDICT,
    K_BUDGET, K_RATING, K_BAND, K_MISSING, K_PROJECT, K_ORG, K_CLASS, K_TEXTS, K_YEAR, K_FUNDING,
    K_STAFF, K_STATED, K_STATEDOBJ, K_IND, K_IVALUE, K_LONGTERM, K_EVAL, K_SCORES, K_EXPECTED,
    K_COMMENTS, K_GOAL, K_EXT, K_SKIPOBJ,
    /* arrays */
    A_DENOMS, A_SCHEMES, A_PROJECTS, A_CRITERIA, A_OPTIONS, A_VERDICTS, A_BUDGETS, A_BANDS, A_CLASS,
    A_YEARS, A_STAFF, A_INDS, A_IVALUES, A_EVALS, A_GOALS, A_CHILDREN, A_SKIP,
    KIND_COUNT_
};

enum { R_FORMAT, R_AMOUNT_UNIT, R_MUNICIPALITY, R_DENOMINATORS, R_ROUNDING, R_TOLERANCE, R_SCHEMES, R_PROJECTS };
static const struct name root_members[] = {N("format"), N("amount_unit"), N("municipality"), N("denominators"),
                                           N("rounding"), N("stated_tolerance"), N("schemes"), N("projects")};
enum { MU_NAME, MU_CODE };
static const struct name muni_members[] = {N("name"), N("code")};
enum { D_YEAR, D_POPULATION, D_HOUSEHOLDS };
static const struct name denom_members[] = {N("fiscal_year"), N("population"), N("households")};
enum { RU_PLACES, RU_MODE, RU_UNIT };
static const struct name rule_members[] = {N("places"), N("mode"), N("unit")};
enum { SC_ID, SC_NAME, SC_CRITERIA, SC_VERDICTS, SC_BUDGETS, SC_RATING };
static const struct name scheme_members[] = {N("id"), N("name"), N("criteria"), N("verdicts"),
                                             N("budget_directions"), N("rating")};
enum { CR_CODE, CR_LABEL, CR_WEIGHT, CR_REQUIRED, CR_OPTIONS, CR_RANGE };
static const struct name crit_members[] = {N("code"), N("label"), N("weight"), N("required"), N("options"),
                                           N("range")};
enum { OP_CODE, OP_LABEL, OP_SCORE };
static const struct name option_members[] = {N("code"), N("label"), N("score")};
enum { RA_MIN, RA_MAX };
static const struct name range_members[] = {N("min"), N("max")};
enum { VE_CODE, VE_LABEL, VE_GROUP };
static const struct name verdict_members[] = {N("code"), N("label"), N("group")};
enum { BU_CODE, BU_LABEL, BU_KIND };
static const struct name budget_members[] = {N("code"), N("label"), N("kind")};
enum { RT_BANDS, RT_MISSING };
static const struct name rating_members[] = {N("bands"), N("missing")};
enum { BA_MIN, BA_CODE, BA_LABEL };
static const struct name band_members[] = {N("min"), N("code"), N("label")};
enum { MI_CODE, MI_LABEL };
static const struct name missing_members[] = {N("code"), N("label")};
enum {
    P_CODE, P_NAME, P_ORG, P_POLICY, P_ACCOUNT, P_DUTY, P_PERIOD, P_START, P_END, P_LEGAL, P_TEXTS, P_YEARS,
    P_INDICATORS, P_EVALUATIONS, P_CHILDREN, P_EXTENSIONS
};
static const struct name project_members[] = {
    N("code"), N("name"), N("organization"), N("policy"), N("account"), N("duty"), N("period"),
    N("start_fiscal_year"), N("end_fiscal_year"), N("legal_basis"), N("texts"), N("years"), N("indicators"),
    N("evaluations"), N("children"), N("extensions"),
};
static const struct name org_members[] = {N("department"), N("section"), N("group"), N("head"), N("contact"),
                                          N("phone")};
enum { CL_LEVEL, CL_CODE, CL_NAME };
static const struct name class_members[] = {N("level"), N("code"), N("name")};
static const struct name texts_members[] = {N("purpose"), N("target"), N("intent"), N("result"), N("summary"),
                                            N("background"), N("environment"), N("opinions"),
                                            N("activities_done"), N("activities_planned")};
enum {
    Y_YEAR, Y_PHASE, Y_INITIAL, Y_FINAL, Y_SETTLEMENT, Y_FUNDING, Y_STAFF, Y_DEBT, Y_INDIRECT, Y_USAGE,
    Y_BENEFICIARIES, Y_POPULATION, Y_HOUSEHOLDS, Y_STATED
};
static const struct name year_members[] = {
    N("fiscal_year"), N("phase"), N("initial_budget"), N("final_budget"), N("settlement"), N("funding"),
    N("staff"), N("debt_service"), N("indirect_costs"), N("usage"), N("beneficiaries"), N("population"),
    N("households"), N("stated"),
};
static const struct name funding_members[] = {N("national"), N("prefectural"), N("bonds"), N("user_charges"),
                                              N("other"), N("general")};
enum { ST_CATEGORY, ST_HEADCOUNT, ST_FTE, ST_HOURS, ST_UNIT_COST, ST_HOURLY_RATE, ST_AMOUNT };
static const struct name staff_members[] = {N("category"), N("headcount"), N("fte"), N("hours"),
                                            N("unit_cost"), N("hourly_rate"), N("amount")};
enum { SO_VALUE, SO_UNIT };
static const struct name statedobj_members[] = {N("value"), N("unit")};
enum { IN_KIND, IN_NAME, IN_UNIT, IN_DEFINITION, IN_DIRECTION, IN_NOT_SETTABLE, IN_REASON, IN_VALUES, IN_LONG };
static const struct name ind_members[] = {N("kind"), N("name"), N("unit"), N("definition"), N("direction"),
                                          N("not_settable"), N("not_settable_reason"), N("values"),
                                          N("long_term_target")};
enum { IV_YEAR, IV_TARGET, IV_ACTUAL, IV_FORECAST, IV_STATED };
static const struct name ivalue_members[] = {N("fiscal_year"), N("target"), N("actual"), N("forecast"),
                                             N("stated_achievement")};
enum { LT_VALUE, LT_YEAR, LT_NOTE };
static const struct name longterm_members[] = {N("value"), N("fiscal_year"), N("note")};
enum {
    EV_STAGE, EV_SCHEME, EV_YEAR, EV_DATE, EV_EVALUATOR, EV_VERDICT, EV_BUDGET, EV_SCORES, EV_EXPECTED,
    EV_COMMENTS, EV_GOALS
};
static const struct name eval_members[] = {N("stage"), N("scheme"), N("fiscal_year"), N("date"), N("evaluator"),
                                           N("verdict"), N("budget"), N("scores"), N("expected"),
                                           N("comments"), N("goals")};
enum { EX_OUTCOME, EX_COST };
static const struct name expected_members[] = {N("outcome"), N("cost")};
enum { G_WHAT, G_LEVEL, G_BY };
static const struct name goal_members[] = {N("what"), N("level"), N("by")};

/* Member tables by object kind; NULL for string maps and skipped objects. */
struct kind_info {
    const struct name *members;
    int count;
};
static const struct kind_info kinds[KIND_COUNT_] = {
    [K_ROOT] = {root_members, COUNT(root_members)},
    [K_MUNI] = {muni_members, COUNT(muni_members)},
    [K_DENOM] = {denom_members, COUNT(denom_members)},
    [K_ROUNDING] = {figure_names, HYOKA__FIGURE_COUNT},
    [K_RULE] = {rule_members, COUNT(rule_members)},
    [K_SCHEME] = {scheme_members, COUNT(scheme_members)},
    [K_CRIT] = {crit_members, COUNT(crit_members)},
    [K_OPTION] = {option_members, COUNT(option_members)},
    [K_RANGE] = {range_members, COUNT(range_members)},
    [K_VERDICT] = {verdict_members, COUNT(verdict_members)},
    [K_BUDGET] = {budget_members, COUNT(budget_members)},
    [K_RATING] = {rating_members, COUNT(rating_members)},
    [K_BAND] = {band_members, COUNT(band_members)},
    [K_MISSING] = {missing_members, COUNT(missing_members)},
    [K_PROJECT] = {project_members, COUNT(project_members)},
    [K_ORG] = {org_members, COUNT(org_members)},
    [K_CLASS] = {class_members, COUNT(class_members)},
    [K_TEXTS] = {texts_members, COUNT(texts_members)},
    [K_YEAR] = {year_members, COUNT(year_members)},
    [K_FUNDING] = {funding_members, COUNT(funding_members)},
    [K_STAFF] = {staff_members, COUNT(staff_members)},
    [K_STATED] = {figure_names, HYOKA__YEAR_FIGURE_COUNT},
    [K_STATEDOBJ] = {statedobj_members, COUNT(statedobj_members)},
    [K_IND] = {ind_members, COUNT(ind_members)},
    [K_IVALUE] = {ivalue_members, COUNT(ivalue_members)},
    [K_LONGTERM] = {longterm_members, COUNT(longterm_members)},
    [K_EVAL] = {eval_members, COUNT(eval_members)},
    [K_EXPECTED] = {expected_members, COUNT(expected_members)},
    [K_GOAL] = {goal_members, COUNT(goal_members)},
};

static int is_array_kind(int kind)
{
    return kind >= A_DENOMS;
}

/* String maps: every key is data. */
static int is_map_kind(int kind)
{
    return kind == K_SCORES || kind == K_COMMENTS || kind == K_EXT;
}

static int is_money_figure(int fig)
{
    return fig >= HYOKA_FIG_EXPENSE && fig <= HYOKA_FIG_SPECIFIC_REVENUE;
}

static int is_per_head_figure(int fig)
{
    return fig >= HYOKA_FIG_PER_CAPITA && fig <= HYOKA_FIG_PER_BENEFICIARY;
}

static int is_percentage_figure(int fig)
{
    return fig >= HYOKA_FIG_EXECUTION_RATE && fig <= HYOKA_FIG_TOTAL_COST_CHANGE;
}

/* ------------------------------------------------------------------------ */
/* Small containers                                                          */

struct buf {
    char *d;
    size_t n, cap;
};

static int buf_reserve(struct buf *b, size_t extra)
{
    size_t need, cap;
    char *d;

    if (b->cap - b->n >= extra)
        return 0;
    need = b->n + extra;
    if (need < b->n)
        return -1;
    cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    d = hyoka__heap_realloc(b->d, cap);
    if (!d)
        return -1;
    b->d = d;
    b->cap = cap;
    return 0;
}

static int buf_add(struct buf *b, const void *s, size_t n)
{
    if (buf_reserve(b, n))
        return -1;
    if (n)
        memcpy(b->d + b->n, s, n);
    b->n += n;
    return 0;
}

static void buf_free(struct buf *b)
{
    hyoka__free(b->d);
    b->d = NULL;
    b->n = b->cap = 0;
}

/* A set of strings (owned elsewhere), for duplicate codes and ids. */
struct sent {
    const char *s;
    size_t n;
    uint64_t h;
};
struct strset {
    struct sent *t;
    size_t cap, count;
};

/* FNV-1a from a per-set starting value, then a final mix so that every bit
 * of the hash reaches the low bits the table is indexed by. The starting
 * value comes from the set's address, which address-space randomisation
 * makes different from run to run, so a document cannot be crafted to put
 * all its codes on one probe chain. */
static uint64_t hash_bytes(const struct strset *set, const char *s, size_t n)
{
    uint64_t h = 1469598103934665603u ^ ((uint64_t)(uintptr_t)set * 0x9E3779B97F4A7C15u);
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211u;
    }
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93u;
    h ^= h >> 32;
    return h;
}

static void strset_reset(struct strset *set)
{
    if (set->cap > 256) {
        hyoka__free(set->t);
        set->t = NULL;
        set->cap = 0;
    } else if (set->count && set->t) {
        memset(set->t, 0, set->cap * sizeof *set->t);
    }
    set->count = 0;
}

static void strset_free(struct strset *set)
{
    hyoka__free(set->t);
    set->t = NULL;
    set->cap = set->count = 0;
}

static struct sent *strset_slot(struct sent *t, size_t cap, const char *s, size_t n, uint64_t h)
{
    size_t i = (size_t)h & (cap - 1);
    for (;;) {
        struct sent *e = &t[i];
        if (!e->s || (e->h == h && e->n == n && memcmp(e->s, s, n) == 0))
            return e;
        i = (i + 1) & (cap - 1);
    }
}

/* Add a string; *dup = 1 when it was there already. -1 on ENOMEM. */
static int strset_add(struct strset *set, const char *s, size_t n, int *dup)
{
    uint64_t h = hash_bytes(set, s, n);
    struct sent *e;

    *dup = 0;
    if ((set->count + 1) * 2 > set->cap) {
        size_t ncap = set->cap ? set->cap * 2 : 16;
        struct sent *nt;
        if (ncap > SIZE_MAX / sizeof *nt)
            return -1;
        nt = hyoka__heap_calloc(ncap, sizeof *nt);
        if (!nt)
            return -1;
        for (size_t i = 0; i < set->cap; i++)
            if (set->t[i].s)
                *strset_slot(nt, ncap, set->t[i].s, set->t[i].n, set->t[i].h) = set->t[i];
        hyoka__free(set->t);
        set->t = nt;
        set->cap = ncap;
    }
    e = strset_slot(set->t, set->cap, s, n, h);
    if (e->s) {
        *dup = 1;
        return 0;
    }
    e->s = s ? s : "";
    e->n = n;
    e->h = h;
    set->count++;
    return 0;
}

static struct sent *strset_find(const struct strset *set, const char *s, size_t n)
{
    struct sent *e;
    if (!set->cap)
        return NULL;
    e = strset_slot(set->t, set->cap, s, n, hash_bytes(set, s, n));
    return e->s ? e : NULL;
}

/* ------------------------------------------------------------------------ */
/* Lines and columns                                                         */

/* Position cache: line and column of one byte offset of a text. */
struct linecache {
    const char *base, *end;
    const char *at;
    int64_t line, col;
};

static void lc_init(struct linecache *lc, const char *base, const char *end)
{
    lc->base = base;
    lc->end = end;
    lc->at = base;
    lc->line = 1;
    lc->col = 1;
}

/* Characters (UTF-8 lead bytes, or stray bytes) in [a, b). */
static int64_t count_chars(const char *a, const char *b)
{
    int64_t n = 0;
    for (const unsigned char *p = (const unsigned char *)a; p < (const unsigned char *)b; p++)
        n += (*p & 0xC0u) != 0x80u;
    return n;
}

static void lc_position(struct linecache *lc, const char *at, int64_t *line, int64_t *col)
{
    if (at < lc->base)
        at = lc->base;
    if (at > lc->end)
        at = lc->end;
    if (at >= lc->at) {
        const char *p = lc->at, *nl = NULL;
        int64_t lines = 0;
        for (;;) {
            const char *q = memchr(p, '\n', (size_t)(at - p));
            if (!q)
                break;
            lines++;
            nl = q;
            p = q + 1;
        }
        if (nl) {
            lc->line += lines;
            lc->col = 1 + count_chars(nl + 1, at);
        } else {
            lc->col += count_chars(lc->at, at);
        }
    } else {
        const char *p = at;
        int64_t lines = 0;
        for (const char *q = at; q < lc->at; q++)
            lines += *q == '\n';
        if (lines == 0) {
            lc->col -= count_chars(at, lc->at);
        } else {
            lc->line -= lines;
            while (p > lc->base && p[-1] != '\n')
                p--;
            lc->col = 1 + count_chars(p, at);
        }
    }
    lc->at = at;
    *line = lc->line;
    *col = lc->col;
}

/* ------------------------------------------------------------------------ */
/* The reader                                                                */

enum tok_type { T_NONE, T_STRING, T_NUMBER, T_TRUE, T_FALSE, T_NULL, T_OBJECT, T_ARRAY };

static const char *const type_en[] = {"nothing", "a string", "a number", "true", "false", "null", "an object",
                                      "an array"};
static const char *const type_ja[] = {"なし", "文字列", "数値", "true", "false", "null", "オブジェクト", "配列"};

#define NUM_FRAC 1u
#define NUM_EXP 2u

struct tok {
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

struct frame {
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

struct keyent {
    const char *src; /* in the text, or NULL: at arena offset `aoff` */
    size_t aoff;
    size_t len;
    const char *pos;
};

struct big {
    int64_t *slot;
    int64_t yen;
    size_t off;
};

struct late {
    size_t off;
    int what; /* LATE_* */
};
enum { LATE_FRACTION, LATE_OVERFLOW };

enum { SET_SCHEME, SET_CRIT, SET_OPTION, SET_VERDICT, SET_BUDGET, SET_BAND, SET_COUNT_ };

struct rd {
    const char *base; /* the text as given */
    const char *text; /* after a byte-order mark */
    const char *end;
    const char *p;
    /* A file mapped by hyoka_json_read_file(): pages the parser has left
     * behind are given back (see release_behind()). */
    int mapped;
    const char *released; /* everything below has been given back */
    size_t max_depth, max_string, max_number;
    hyoka_report *report;
    hyoka_portfolio *pf;
    struct frame *frames;
    size_t depth, frame_cap;
    struct buf kbuf, vbuf, path, arena, tmp;
    struct keyent *keys;
    size_t nkeys, keys_cap;
    size_t errors;
    int status; /* HYOKA_OK, HYOKA_EINVALID (syntax: stop), HYOKA_ENOMEM */
    struct linecache lc;
    /* settings and their order */
    int unit_seen, unit_bad, rounding_seen, money_milli, need_fixup;
    struct big *bigs;
    size_t nbig, big_cap;
    struct late *lates;
    size_t nlate, late_cap;
    struct strset sets[SET_COUNT_];
    const char **band_pos;
    size_t band_pos_cap;
    unsigned char denom_years[YEAR_BITMAP_BYTES];
    unsigned char value_years[YEAR_BITMAP_BYTES];
};

static int nomem(struct rd *r)
{
    if (r->status != HYOKA_ENOMEM)
        r->status = HYOKA_ENOMEM;
    return -1;
}

/* ------------------------------------------------------------------------ */
/* Paths and diagnostics                                                     */

/* Unescape a string already validated by the scanner. */
static int unescape_valid(const char *s, size_t n, struct buf *out)
{
    size_t i = 0;
    while (i < n) {
        const char *bs = memchr(s + i, '\\', n - i);
        size_t run = bs ? (size_t)(bs - (s + i)) : n - i;
        char enc[4];
        unsigned cp = 0;
        if (buf_add(out, s + i, run))
            return -1;
        i += run;
        if (i >= n)
            break;
        switch (s[i + 1]) {
        case 'b': cp = '\b'; break;
        case 'f': cp = '\f'; break;
        case 'n': cp = '\n'; break;
        case 'r': cp = '\r'; break;
        case 't': cp = '\t'; break;
        case 'u': {
            for (int k = 0; k < 4; k++) {
                char c = s[i + 2 + (size_t)k];
                cp = cp * 16u + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
            }
            if (cp >= 0xD800u && cp <= 0xDBFFu) {
                unsigned lo = 0;
                for (int k = 0; k < 4; k++) {
                    char c = s[i + 8 + (size_t)k];
                    lo = lo * 16u + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
                }
                cp = 0x10000u + ((cp - 0xD800u) << 10) + (lo - 0xDC00u);
                i += 6;
            }
            i += 4;
            break;
        }
        default: cp = (unsigned char)s[i + 1]; break;
        }
        i += 2;
        if (buf_add(out, enc, hyoka__utf8_encode(cp, enc)))
            return -1;
    }
    return 0;
}

/* Append "/token" with JSON-pointer escaping. */
static int path_token(struct buf *path, const char *s, size_t n)
{
    if (buf_add(path, "/", 1))
        return -1;
    for (size_t i = 0; i < n; i++) {
        int rc;
        if (s[i] == '~')
            rc = buf_add(path, "~0", 2);
        else if (s[i] == '/')
            rc = buf_add(path, "~1", 2);
        else
            rc = buf_add(path, s + i, 1);
        if (rc)
            return -1;
    }
    return 0;
}

static int path_index(struct buf *path, size_t index)
{
    char num[32];
    int k = snprintf(num, sizeof num, "/%zu", index);
    return buf_add(path, num, (size_t)k);
}

/* Build the path of the first @p levels frames (the value currently read in
 * frame levels-1) into r->path, NUL-terminated. */
static int build_path(struct rd *r, size_t levels)
{
    r->path.n = 0;
    for (size_t i = 0; i < levels && i < r->depth; i++) {
        const struct frame *f = &r->frames[i];
        if (f->between && i + 1 == r->depth)
            continue;
        if (is_array_kind(f->kind)) {
            if (f->count && path_index(&r->path, f->count - 1))
                return -1;
        } else if (f->key) {
            if (f->key_esc) {
                r->tmp.n = 0;
                if (unescape_valid(f->key, f->key_len, &r->tmp) || path_token(&r->path, r->tmp.d, r->tmp.n))
                    return -1;
            } else if (path_token(&r->path, f->key, f->key_len)) {
                return -1;
            }
        }
    }
    return buf_add(&r->path, "", 1);
}

enum { PM_VALUE, PM_OBJECT };

static int diag_full(struct rd *r, const char *code, int severity, const char *pos, const char *path,
                     const char *en, const char *ja)
{
    int64_t line = 0, col = 0;

    if (severity == HYOKA_SEVERITY_ERROR)
        r->errors++;
    if (!r->report)
        return 0;
    if (r->report->limit && r->report->count >= r->report->limit) {
        r->report->dropped++;
        return 0;
    }
    if (pos)
        lc_position(&r->lc, pos, &line, &col);
    if (hyoka__report_add(r->report, code, severity, path, line, col, en, ja) != HYOKA_OK)
        return nomem(r);
    return 0;
}

static int diag_v(struct rd *r, const char *code, int severity, const char *pos, int pm, const char *fmt_en,
                  const char *fmt_ja, va_list ap)
{
    char en[512], ja[512];
    va_list aq;
    size_t levels;

    if (!r->report || (r->report->limit && r->report->count >= r->report->limit))
        return diag_full(r, code, severity, NULL, "", "", "");
    va_copy(aq, ap);
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
    vsnprintf(en, sizeof en, fmt_en, ap);
    vsnprintf(ja, sizeof ja, fmt_ja, aq);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
    va_end(aq);
    levels = r->depth;
    if (pm == PM_OBJECT && levels > 0)
        levels--;
    if (build_path(r, levels))
        return nomem(r);
    return diag_full(r, code, severity, pos, r->path.d, en, ja);
}

/* Report a diagnostic at @p pos with the current path (PM_VALUE: of the
 * value being read; PM_OBJECT: of the object of the top frame). The two
 * formats take the same arguments; "%.0s" skips one. */
static int diag(struct rd *r, const char *code, const char *pos, int pm, const char *fmt_en, const char *fmt_ja,
                ...) HYOKA_PRINTF(5, 7);
static int diag(struct rd *r, const char *code, const char *pos, int pm, const char *fmt_en, const char *fmt_ja,
                ...)
{
    va_list ap;
    int rc;
    int severity = code[0] == 'Y' ? HYOKA_SEVERITY_WARNING : HYOKA_SEVERITY_ERROR;

    va_start(ap, fmt_ja);
    rc = diag_v(r, code, severity, pos, pm, fmt_en, fmt_ja, ap);
    va_end(ap);
    return rc;
}

/* A syntax-level problem: report it and stop reading. */
static int jfail(struct rd *r, const char *code, const char *pos, const char *fmt_en, const char *fmt_ja, ...)
    HYOKA_PRINTF(4, 6);
static int jfail(struct rd *r, const char *code, const char *pos, const char *fmt_en, const char *fmt_ja, ...)
{
    va_list ap;
    int rc;

    va_start(ap, fmt_ja);
    rc = diag_v(r, code, HYOKA_SEVERITY_ERROR, pos, PM_VALUE, fmt_en, fmt_ja, ap);
    va_end(ap);
    if (rc == 0)
        r->status = HYOKA_EINVALID;
    return -1;
}

/* A printable excerpt of @p n bytes of text (valid UTF-8 or not). */
static const char *excerpt(const char *s, size_t n, char *out, size_t size)
{
    size_t o = 0, i = 0, limit = size - 8;
    while (i < n && o < limit) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7F || c == '"' || c == '\\') {
            if (o + 6 >= limit)
                break;
            o += (size_t)snprintf(out + o, size - o, "\\u%04X", c);
            i++;
        } else if (c < 0x80) {
            out[o++] = (char)c;
            i++;
        } else {
            size_t at = i;
            if (hyoka__utf8_next(s, n, &at) < 0) {
                if (o + 6 >= limit)
                    break;
                o += (size_t)snprintf(out + o, size - o, "\\x%02X", c);
                i++;
            } else {
                if (o + (at - i) >= limit)
                    break;
                memcpy(out + o, s + i, at - i);
                o += at - i;
                i = at;
            }
        }
    }
    if (i < n && o + 4 < size) {
        memcpy(out + o, "...", 3);
        o += 3;
    }
    out[o] = '\0';
    return out;
}

/* Describe the character at @p p for syntax errors. */
static const char *describe_char(const char *p, const char *end, char *out, size_t size)
{
    unsigned char c = (unsigned char)*p;
    if (c >= 0x21 && c < 0x7F)
        snprintf(out, size, "'%c'", c);
    else if (c < 0x80)
        snprintf(out, size, "U+%04X", c);
    else {
        size_t at = 0;
        int32_t cp = hyoka__utf8_next(p, (size_t)(end - p), &at);
        if (cp < 0)
            snprintf(out, size, "byte 0x%02X", c);
        else
            snprintf(out, size, "U+%04lX", (long)cp);
    }
    return out;
}

/* ------------------------------------------------------------------------ */
/* Lexer                                                                     */

#ifdef JR_SWAR
/* High bit of each byte of @p x that is zero (exact: no carry between bytes). */
static inline uint64_t zero_bytes(uint64_t x)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7Fu;
    return ~(((x & low7) + low7) | x) & ~low7;
}
#endif

static inline const char *skip_ws(const char *p, const char *end)
{
    if (p < end && (unsigned char)*p > ' ')
        return p;
#if defined(JR_SSE2)
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i ws = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
                                  _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\r')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))));
        unsigned m = ~(unsigned)_mm_movemask_epi8(ws) & 0xFFFFu;
        if (m)
            return p + __builtin_ctz(m);
        p += 16;
    }
#elif defined(JR_SWAR)
    while (end - p >= 8) {
        const uint64_t ones = 0x0101010101010101u;
        uint64_t v, ws;
        memcpy(&v, p, 8);
        ws = zero_bytes(v ^ (ones * ' ')) | zero_bytes(v ^ (ones * '\n')) | zero_bytes(v ^ (ones * '\r')) |
             zero_bytes(v ^ (ones * '\t'));
        ws = ~ws & 0x8080808080808080u;
        if (ws)
            return p + ((unsigned)__builtin_ctzll(ws) >> 3);
        p += 8;
    }
#endif
    while (p < end) {
        unsigned char c = (unsigned char)*p;
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            break;
        p++;
    }
    return p;
}

static int fail_eot(struct rd *r)
{
    return jfail(r, "J001", r->end, "syntax error: unexpected end of text", "構文エラー: 予期しないテキストの終わり");
}

/* Length of the UTF-8 sequence at @p s (2 to 4), 0 when the text ends
 * inside a sequence that was valid so far, -1 when invalid. */
static inline int utf8_seq(const unsigned char *s, const unsigned char *e)
{
    unsigned c = s[0];
    size_t avail = (size_t)(e - s);
    if (c < 0xC2u)
        return -1;
    if (c < 0xE0u) {
        if (avail < 2)
            return 0;
        return (s[1] & 0xC0u) == 0x80u ? 2 : -1;
    }
    if (c < 0xF0u) {
        unsigned lo = c == 0xE0u ? 0xA0u : 0x80u, hi = c == 0xEDu ? 0x9Fu : 0xBFu;
        if (avail < 2)
            return 0;
        if (s[1] < lo || s[1] > hi)
            return -1;
        if (avail < 3)
            return 0;
        return (s[2] & 0xC0u) == 0x80u ? 3 : -1;
    }
    if (c < 0xF5u) {
        unsigned lo = c == 0xF0u ? 0x90u : 0x80u, hi = c == 0xF4u ? 0x8Fu : 0xBFu;
        if (avail < 2)
            return 0;
        if (s[1] < lo || s[1] > hi)
            return -1;
        if (avail < 3)
            return 0;
        if ((s[2] & 0xC0u) != 0x80u)
            return -1;
        if (avail < 4)
            return 0;
        return (s[3] & 0xC0u) == 0x80u ? 4 : -1;
    }
    return -1;
}

/* An unexpected character outside strings: J002 for invalid UTF-8, J001
 * (end of text) for a sequence cut by the end, J001 otherwise. */
static int fail_unexpected(struct rd *r, const char *p, const char *expected_en, const char *expected_ja)
{
    char d[32];
    if (p >= r->end)
        return fail_eot(r);
    if ((unsigned char)*p >= 0x80u) {
        int n = utf8_seq((const unsigned char *)p, (const unsigned char *)r->end);
        if (n < 0)
            return jfail(r, "J002", p, "invalid UTF-8: byte 0x%02X", "不正なUTF-8: バイト 0x%02X",
                         (unsigned char)*p);
        if (n == 0)
            return fail_eot(r);
    }
    if (*p == '/')
        return jfail(r, "J001", p, "syntax error: comments are not allowed", "構文エラー: コメントは使えない");
    return jfail(r, "J001", p, "syntax error: unexpected %s, expected %s%.0s",
                 "構文エラー: 予期しない %s (%.0s%s が必要)", describe_char(p, r->end, d, sizeof d), expected_en,
                 expected_ja);
}

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Four hex digits at s: the value, -1 when not hex, -2 when the text ends. */
static long hex4(const unsigned char *s, const unsigned char *e)
{
    long v = 0;
    for (int k = 0; k < 4; k++) {
        int h;
        if (s + k >= e)
            return -2;
        h = hexval(s[k]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

#if defined(JR_SSE2)
/* Bit i set when byte i of the 16 at @p s is '"', '\\', a control character or non-ASCII. */
static inline unsigned special16(const char *s)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
                             _mm_cmplt_epi8(v, _mm_set1_epi8(0x20))); /* signed: 0x80..0xFF too */
    return (unsigned)_mm_movemask_epi8(m);
}
#endif

#ifdef JR_SWAR
static inline uint64_t special_bytes(uint64_t v)
{
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    uint64_t q = v ^ (ones * 0x22u), b = v ^ (ones * 0x5Cu);
    return (((q - ones) & ~q) | ((b - ones) & ~b) | ((v - ones * 0x20u) & ~v) | v) & high;
}
#endif

/* Scan the string whose opening quote is at r->p. With @p out the content
 * is made available in t->s/t->n: in the text when it has no escape, else
 * unescaped into @p out. */
static int scan_string(struct rd *r, struct tok *t, struct buf *out)
{
    const unsigned char *start = (const unsigned char *)r->p + 1;
    const unsigned char *s = start, *seg = start;
    const unsigned char *e = (const unsigned char *)r->end;
    size_t shrink = 0;
    int escaped = 0;

    t->type = T_STRING;
    t->pos = r->p;
    t->has_nul = 0;
    if (out)
        out->n = 0;
    for (;;) {
        unsigned c;
#if defined(JR_SSE2)
        while (e - s >= 16) {
            unsigned m = special16((const char *)s);
            if (m) {
                s += __builtin_ctz(m);
                goto special;
            }
            s += 16;
        }
#elif defined(JR_SWAR)
        while (e - s >= 8) {
            uint64_t v, m;
            memcpy(&v, s, 8);
            m = special_bytes(v);
            if (m) {
                s += (unsigned)__builtin_ctzll(m) >> 3;
                goto special;
            }
            s += 8;
        }
#endif
        if (s >= e)
            return fail_eot(r);
#if defined(JR_SSE2) || defined(JR_SWAR)
    special:
#endif
        c = *s;
        if (c == '"')
            break;
        if (c >= 0x80u) {
            /* Runs of three-byte characters (kana, kanji, full-width
             * forms: most of a Japanese sheet's text) checked with one
             * mask each; anything else, and the two ranges the mask lets
             * through (overlong E0 80..9F, surrogates ED A0..BF), goes to
             * utf8_seq(). */
            while (e - s >= 3) {
                uint32_t v = (uint32_t)s[0] | (uint32_t)s[1] << 8 | (uint32_t)s[2] << 16;
                if ((v & 0xC0C0F0u) != 0x8080E0u || (s[0] == 0xE0u && s[1] < 0xA0u) ||
                    (s[0] == 0xEDu && s[1] > 0x9Fu))
                    break;
                s += 3;
            }
            if (s >= e || *s < 0x80u)
                continue;
            do {
                int n = utf8_seq(s, e);
                if (n <= 0) {
                    if (n == 0)
                        return fail_eot(r);
                    return jfail(r, "J002", (const char *)s, "invalid UTF-8 in a string: byte 0x%02X",
                                 "文字列に不正なUTF-8: バイト 0x%02X", *s);
                }
                s += n;
            } while (s < e && *s >= 0x80u);
            continue;
        }
        if (c == '\\') {
            unsigned long cp;
            size_t used;
            char enc[4];
            size_t elen;
            if (out && buf_add(out, seg, (size_t)(s - seg)))
                return nomem(r);
            escaped = 1;
            if (e - s < 2)
                return fail_eot(r);
            switch (s[1]) {
            case '"': cp = '"'; used = 2; break;
            case '\\': cp = '\\'; used = 2; break;
            case '/': cp = '/'; used = 2; break;
            case 'b': cp = '\b'; used = 2; break;
            case 'f': cp = '\f'; used = 2; break;
            case 'n': cp = '\n'; used = 2; break;
            case 'r': cp = '\r'; used = 2; break;
            case 't': cp = '\t'; used = 2; break;
            case 'u': {
                long v = hex4(s + 2, e);
                if (v == -2)
                    return fail_eot(r);
                if (v < 0)
                    return jfail(r, "J001", (const char *)s, "syntax error: \\u must be followed by four hex digits",
                                 "構文エラー: \\u の後には16進数4桁が必要");
                used = 6;
                if (v >= 0xDC00 && v <= 0xDFFF)
                    return jfail(r, "J001", (const char *)s, "syntax error: lone surrogate \\u%04lX",
                                 "構文エラー: 対になっていないサロゲート \\u%04lX", (unsigned long)v);
                if (v >= 0xD800 && v <= 0xDBFF) {
                    long lo;
                    if (e - s < 8)
                        return fail_eot(r);
                    if (s[6] != '\\' || s[7] != 'u')
                        return jfail(r, "J001", (const char *)s, "syntax error: lone surrogate \\u%04lX",
                                     "構文エラー: 対になっていないサロゲート \\u%04lX", (unsigned long)v);
                    lo = hex4(s + 8, e);
                    if (lo == -2)
                        return fail_eot(r);
                    if (lo < 0xDC00 || lo > 0xDFFF)
                        return jfail(r, "J001", (const char *)s, "syntax error: lone surrogate \\u%04lX",
                                     "構文エラー: 対になっていないサロゲート \\u%04lX", (unsigned long)v);
                    v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
                    used = 12;
                }
                cp = (unsigned long)v;
                if (cp == 0)
                    t->has_nul = 1;
                break;
            }
            default:
                return jfail(r, "J001", (const char *)s, "syntax error: invalid escape in a string",
                             "構文エラー: 文字列に不正なエスケープ");
            }
            elen = hyoka__utf8_encode((uint32_t)cp, enc);
            if (out && buf_add(out, enc, elen))
                return nomem(r);
            shrink += used - elen;
            s += used;
            seg = s;
            if ((size_t)(s - start) - shrink > r->max_string)
                return jfail(r, "J006", r->p, "string longer than the limit of %zu bytes",
                             "文字列が上限の %zu バイトを超える", r->max_string);
            continue;
        }
        if (c < 0x20u)
            return jfail(r, "J001", (const char *)s, "syntax error: control character U+%04X in a string",
                         "構文エラー: 文字列に制御文字 U+%04X", c);
        s++;
    }
    if ((size_t)(s - start) - shrink > r->max_string)
        return jfail(r, "J006", r->p, "string longer than the limit of %zu bytes", "文字列が上限の %zu バイトを超える",
                     r->max_string);
    if (!escaped) {
        t->s = (const char *)start;
        t->n = (size_t)(s - start);
    } else if (out) {
        if (buf_add(out, seg, (size_t)(s - seg)))
            return nomem(r);
        t->s = out->d;
        t->n = out->n;
    } else {
        t->s = NULL;
        t->n = (size_t)(s - start) - shrink;
    }
    r->p = (const char *)s + 1;
    return 0;
}

/* Check the JSON number grammar at s; returns the length of the number and
 * its flags, or 0 when s does not start with a number. *bad gets the
 * offending position (for a good prefix cut by the end: e). */
static size_t number_len(const char *s, const char *e, unsigned *flags, const char **bad)
{
    const char *p = s;
    *flags = 0;
    *bad = NULL;
    if (p < e && *p == '-')
        p++;
    if (p >= e) {
        *bad = e;
        return 0;
    }
    if (*p == '0') {
        p++;
    } else if (*p >= '1' && *p <= '9') {
        while (p < e && *p >= '0' && *p <= '9')
            p++;
    } else {
        *bad = p;
        return 0;
    }
    if (p < e && *p == '.') {
        const char *d = ++p;
        while (p < e && *p >= '0' && *p <= '9')
            p++;
        if (p == d) {
            *bad = p;
            return 0;
        }
        *flags |= NUM_FRAC;
    }
    if (p < e && (*p == 'e' || *p == 'E')) {
        const char *d;
        p++;
        if (p < e && (*p == '+' || *p == '-'))
            p++;
        d = p;
        while (p < e && *p >= '0' && *p <= '9')
            p++;
        if (p == d) {
            *bad = p;
            return 0;
        }
        *flags |= NUM_EXP;
    }
    return (size_t)(p - s);
}

static int scan_number(struct rd *r, struct tok *t)
{
    const char *s = r->p, *bad;
    unsigned flags;
    size_t n;

    /* Fast path: -?digits(.digits)? with at most 18 digits, followed by a
     * delimiter; the value is accumulated on the way. */
    {
        const char *p = s, *e = r->end;
        uint64_t mag = 0;
        int digits = 0, frac = 0, neg = 0;
        if (p < e && *p == '-') {
            neg = 1;
            p++;
        }
        if (p < e && *p >= '1' && *p <= '9') {
            while (p < e && *p >= '0' && *p <= '9' && digits < 18) {
                mag = mag * 10u + (unsigned)(*p++ - '0');
                digits++;
            }
        } else if (p < e && *p == '0') {
            p++;
            digits = 1;
        }
        if (digits && p < e && *p == '.') {
            const char *d = ++p;
            while (p < e && *p >= '0' && *p <= '9' && digits < 18) {
                mag = mag * 10u + (unsigned)(*p++ - '0');
                digits++;
            }
            frac = (int)(p - d);
        }
        if (digits && (p >= e || !((*p >= '0' && *p <= '9') || *p == '.' || *p == 'e' || *p == 'E')) &&
            (size_t)(p - s) <= r->max_number && !(p > s && p[-1] == '.')) {
            t->type = T_NUMBER;
            t->pos = s;
            t->s = s;
            t->n = (size_t)(p - s);
            t->num = frac ? NUM_FRAC : 0;
            t->fast = 1;
            t->coef = neg ? -(int64_t)mag : (int64_t)mag;
            t->scale = frac;
            r->p = p;
            return 0;
        }
    }
    t->fast = 0;
    n = number_len(s, r->end, &flags, &bad);

    if (n == 0) {
        char d[32];
        if (bad >= r->end)
            return fail_eot(r);
        if (*bad == 'I')
            return jfail(r, "J001", s, "syntax error: Infinity is not allowed", "構文エラー: Infinity は使えない");
        return jfail(r, "J001", bad, "syntax error: bad number, unexpected %s", "構文エラー: 不正な数値、予期しない %s",
                     describe_char(bad, r->end, d, sizeof d));
    }
    if (s[0] == '0' || (s[0] == '-' && s[1] == '0')) {
        const char *z = s[0] == '-' ? s + 2 : s + 1;
        if (z < r->end && *z >= '0' && *z <= '9')
            return jfail(r, "J001", s, "syntax error: leading zero in a number", "構文エラー: 数値の先頭に0");
    }
    if (n > r->max_number)
        return jfail(r, "J005", s, "number of %zu characters longer than the limit of %zu",
                     "数値の %zu 文字が上限の %zu 文字を超える", n, r->max_number);
    t->type = T_NUMBER;
    t->pos = s;
    t->s = s;
    t->n = n;
    t->num = (unsigned char)flags;
    r->p = s + n;
    return 0;
}

/* Scan a scalar value at r->p (the caller has checked it is not '{' or '['). */
static int scan_scalar(struct rd *r, struct tok *t, struct buf *out)
{
    const char *p = r->p;
    size_t avail = (size_t)(r->end - p);

    t->consumed = 0;
    t->num = 0;
    t->fast = 0;
    t->has_nul = 0;
    if (p >= r->end)
        return fail_eot(r);
    if (*p == '"')
        return scan_string(r, t, out);
    if ((*p >= '0' && *p <= '9') || *p == '-')
        return scan_number(r, t);
    switch (*p) {
    case 't':
    case 'f':
    case 'n': {
        static const char *const words[] = {"true", "false", "null"};
        static const int types[] = {T_TRUE, T_FALSE, T_NULL};
        int w = *p == 't' ? 0 : *p == 'f' ? 1 : 2;
        size_t wl = strlen(words[w]);
        size_t k = 1;
        while (k < wl && k < avail && p[k] == words[w][k])
            k++;
        if (k < wl) {
            if (k == avail)
                return fail_eot(r);
            return fail_unexpected(r, p + k, "a value", "値");
        }
        t->type = types[w];
        t->pos = p;
        t->s = p;
        t->n = wl;
        r->p = p + wl;
        return 0;
    }
    case 'N':
        return jfail(r, "J001", p, "syntax error: NaN is not allowed", "構文エラー: NaN は使えない");
    case 'I':
        return jfail(r, "J001", p, "syntax error: Infinity is not allowed", "構文エラー: Infinity は使えない");
    default:
        return fail_unexpected(r, p, "a value", "値");
    }
}

/* ------------------------------------------------------------------------ */
/* Frames                                                                    */

static int push(struct rd *r, int kind, void *obj, int aux)
{
    struct frame *f;

    if (r->depth >= r->max_depth)
        return jfail(r, "J004", r->p, "nesting deeper than the limit of %zu", "入れ子が上限の %zu 段を超える",
                     r->max_depth);
    if (r->depth == r->frame_cap) {
        size_t ncap = r->frame_cap ? r->frame_cap * 2 : 32;
        struct frame *nf;
        if (ncap > SIZE_MAX / sizeof *nf)
            return nomem(r);
        nf = hyoka__heap_realloc(r->frames, ncap * sizeof *nf);
        if (!nf)
            return nomem(r);
        r->frames = nf;
        r->frame_cap = ncap;
    }
    f = &r->frames[r->depth++];
    f->kind = (unsigned char)kind;
    f->started = 0;
    f->key_esc = 0;
    f->has_value = 0;
    f->unit = UNIT_IMPLIED;
    f->between = 0;
    f->aux = aux;
    f->hint = 0;
    f->start = r->p;
    f->key = NULL;
    f->key_len = 0;
    f->count = 0;
    f->seen = 0;
    f->given = 0;
    f->keys_start = r->nkeys;
    f->arena_start = r->arena.n;
    f->obj = obj;
    r->p++;
    return 0;
}

/* Push a frame for the container of @p t if it is of the wanted type;
 * otherwise S003 (the caller skips the value). */
static int open_container(struct rd *r, struct tok *t, int kind, void *obj, int aux)
{
    int want = is_array_kind(kind) ? T_ARRAY : T_OBJECT;
    if (t->type != want)
        return diag(r, "S003", t->pos, PM_VALUE, "wrong type: expected %s%.0s, found %s%.0s",
                    "型が違う: %.0s%sが必要だが%.0s%sがある", type_en[want], type_ja[want], type_en[t->type],
                    type_ja[t->type]);
    t->consumed = 1;
    return push(r, kind, obj, aux);
}

static int wrong_type(struct rd *r, const struct tok *t, int want)
{
    return diag(r, "S003", t->pos, PM_VALUE, "wrong type: expected %s%.0s, found %s%.0s",
                "型が違う: %.0s%sが必要だが%.0s%sがある", type_en[want], type_ja[want], type_en[t->type],
                type_ja[t->type]);
}

/* ------------------------------------------------------------------------ */
/* Scalar conversions                                                        */

/* Outcomes of number conversions. */
enum { CV_OK, CV_NOT_INT, CV_RANGE, CV_SYNTAX };

static int parse_decimal(const char *s, size_t n, unsigned flags, hyoka_decimal *out)
{
    /* Fast path: no exponent, at most 18 digits. */
    if (!(flags & NUM_EXP) && n <= 19) {
        uint64_t coef = 0; /* 19 digits fit */
        int scale = 0, neg = 0, digits = 0, frac = 0;
        for (size_t i = 0; i < n; i++) {
            char c = s[i];
            if (c == '-') {
                neg = 1;
            } else if (c == '.') {
                frac = 1;
            } else {
                coef = coef * 10u + (unsigned)(c - '0');
                digits++;
                scale += frac;
            }
        }
        if (digits <= 18) {
            int64_t v = (int64_t)coef;
            if (hyoka_decimal_from_parts(neg ? -v : v, scale, out) == HYOKA_OK)
                return CV_OK;
        }
    }
    switch (hyoka_decimal_parse(s, n, out)) {
    case HYOKA_OK:
        return CV_OK;
    case HYOKA_ERANGE:
        return CV_RANGE;
    default:
        return CV_SYNTAX;
    }
}

/* A decimal from a number token. */
static int tok_decimal(const struct tok *t, hyoka_decimal *out)
{
    if (t->fast && hyoka_decimal_from_parts(t->coef, t->scale, out) == HYOKA_OK)
        return CV_OK;
    return parse_decimal(t->s, t->n, t->num, out);
}

/* The integer value of a number literal (by value: 2007.0 is 2007). */
static int parse_int(const char *s, size_t n, unsigned flags, int64_t *out)
{
    hyoka_decimal d;
    int64_t coef;
    int scale, rc;

    if (!flags && n <= 19) {
        int64_t v = 0;
        size_t i = s[0] == '-';
        if (n - i <= 18) {
            for (; i < n; i++)
                v = v * 10 + (s[i] - '0');
            *out = s[0] == '-' ? -v : v;
            return CV_OK;
        }
    }
    rc = parse_decimal(s, n, flags, &d);
    if (rc != CV_OK)
        return rc;
    coef = hyoka_decimal_coefficient(&d);
    scale = hyoka_decimal_scale(&d);
    while (scale > 0 && coef % 10 == 0) {
        coef /= 10;
        scale--;
    }
    if (scale > 0)
        return CV_NOT_INT;
    *out = coef;
    return CV_OK;
}

static int fail_range(struct rd *r, const struct tok *t)
{
    char q[96];
    return jfail(r, "J005", t->pos, "number %s out of range", "数値 %s が範囲外", excerpt(t->s, t->n, q, sizeof q));
}

/* A text value for the model: *slot gets a copy. */
static int get_text(struct rd *r, const struct tok *t, char **slot)
{
    char *copy;
    if (t->type != T_STRING)
        return wrong_type(r, t, T_STRING);
    if (t->has_nul)
        return diag(r, "S004", t->pos, PM_VALUE, "value not allowed: the NUL character (\\u0000) cannot be stored",
                    "許されない値: NUL文字 (\\u0000) は保存できない");
    if ((int64_t)t->n > HYOKA__TEXT_MAX)
        return diag(r, "S004", t->pos, PM_VALUE, "value not allowed: text of %zu bytes is longer than %lld bytes",
                    "許されない値: %zu バイトの文字列が上限の %lld バイトを超える", t->n, (long long)HYOKA__TEXT_MAX);
    copy = hyoka__strndup(t->s, t->n);
    if (!copy)
        return nomem(r);
    hyoka__free(*slot);
    *slot = copy;
    return 0;
}

/* A non-empty code. */
static int get_code(struct rd *r, const struct tok *t, char **slot)
{
    if (t->type == T_STRING && t->n == 0)
        return diag(r, "S004", t->pos, PM_VALUE, "value not allowed: empty code", "許されない値: 空のコード");
    return get_text(r, t, slot);
}

/* Look a name up in a table; -1 when absent. */
static int name_find(const struct name *tab, int count, const char *s, size_t n)
{
    for (int i = 0; i < count; i++)
        if (tab[i].n == n && memcmp(tab[i].s, s, n) == 0)
            return i;
    return -1;
}

static int get_enum(struct rd *r, const struct tok *t, const struct name *tab, int count, int *slot)
{
    int v;
    if (t->type != T_STRING)
        return wrong_type(r, t, T_STRING);
    v = name_find(tab, count, t->s, t->n);
    if (v < 0) {
        char q[96], list[256];
        size_t o = 0;
        for (int i = 0; i < count && o + tab[i].n + 3 < sizeof list; i++)
            o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", i ? ", " : "", tab[i].s);
        return diag(r, "S004", t->pos, PM_VALUE, "value not allowed: \"%s\" is not one of %s",
                    "許されない値: \"%s\" は %s のいずれでもない", excerpt(t->s, t->n, q, sizeof q), list);
    }
    *slot = v;
    return 0;
}

static int get_bool(struct rd *r, const struct tok *t, int *slot)
{
    if (t->type != T_TRUE && t->type != T_FALSE)
        return diag(r, "S003", t->pos, PM_VALUE, "wrong type: expected true or false, found %s%.0s",
                    "型が違う: true か false が必要だが%.0s%sがある", type_en[t->type], type_ja[t->type]);
    *slot = t->type == T_TRUE;
    return 0;
}

static int y001(struct rd *r, const struct tok *t)
{
    char q[96];
    return diag(r, "Y001", t->pos, PM_VALUE, "era year past the era's end: \"%s\"", "元号の終了後の年: \"%s\"",
                excerpt(t->s, t->n, q, sizeof q));
}

/* A fiscal year: an integer 1868..9999 or an era string. */
static int get_year(struct rd *r, const struct tok *t, int32_t *slot)
{
    char q[96];
    if (t->type == T_NUMBER) {
        int64_t v = 0;
        int rc = t->fast && !t->scale ? (v = t->coef, CV_OK) : parse_int(t->s, t->n, t->num, &v);
        if (rc == CV_RANGE)
            return fail_range(r, t);
        if (rc != CV_OK || v < YEAR_MIN || v > YEAR_MAX)
            return diag(r, "S004", t->pos, PM_VALUE, "value not allowed: %s is not a fiscal year (1868..9999)",
                        "許されない値: %s は年度 (1868..9999) ではない", excerpt(t->s, t->n, q, sizeof q));
        *slot = (int32_t)v;
        return 0;
    }
    if (t->type == T_STRING) {
        int32_t y = 0;
        unsigned flags = 0;
        if (t->has_nul || hyoka_fiscal_year_parse(t->s, t->n, &y, &flags) != HYOKA_OK)
            return diag(r, "S004", t->pos, PM_VALUE, "value not allowed: \"%s\" is not a fiscal year",
                        "許されない値: \"%s\" は年度ではない", excerpt(t->s, t->n, q, sizeof q));
        *slot = y;
        if (flags & HYOKA_CAL_PAST_ERA_END)
            return y001(r, t);
        return 0;
    }
    return diag(r, "S003", t->pos, PM_VALUE, "wrong type: expected a fiscal year (number or string), found %s%.0s",
                "型が違う: 年度 (数値または文字列) が必要だが%.0s%sがある", type_en[t->type], type_ja[t->type]);
}

static int get_date(struct rd *r, const struct tok *t, int32_t *slot)
{
    char q[96];
    int32_t d = 0;
    unsigned flags = 0;
    if (t->type != T_STRING)
        return wrong_type(r, t, T_STRING);
    if (t->has_nul || hyoka_date_parse(t->s, t->n, &d, &flags) != HYOKA_OK)
        return diag(r, "S004", t->pos, PM_VALUE, "value not allowed: \"%s\" is not a date",
                    "許されない値: \"%s\" は日付ではない", excerpt(t->s, t->n, q, sizeof q));
    *slot = d;
    if (flags & HYOKA_CAL_PAST_ERA_END)
        return y001(r, t);
    return 0;
}

/* A non-negative integer (counts, tolerance). *ok = 1 when stored. */
static int get_count(struct rd *r, const struct tok *t, int64_t *slot, int *ok)
{
    char q[96];
    int64_t v = 0;
    int rc;
    *ok = 0;
    if (t->type != T_NUMBER)
        return wrong_type(r, t, T_NUMBER);
    rc = t->fast && !t->scale ? (v = t->coef, CV_OK) : parse_int(t->s, t->n, t->num, &v);
    if (rc == CV_RANGE)
        return fail_range(r, t);
    if (rc != CV_OK)
        return diag(r, "S004", t->pos, PM_VALUE, "value not allowed: %s is not a whole number",
                    "許されない値: %s は整数ではない", excerpt(t->s, t->n, q, sizeof q));
    if (v < 0)
        return diag(r, "S004", t->pos, PM_VALUE, "value not allowed: %s is negative", "許されない値: %s は負の値",
                    excerpt(t->s, t->n, q, sizeof q));
    *slot = v;
    *ok = 1;
    return 0;
}

/* A decimal: a number, or a string holding one. *ok = 1 when stored. */
static int get_decimal(struct rd *r, const struct tok *t, hyoka_decimal *slot, int nonneg, int *ok)
{
    char q[96];
    hyoka_decimal d;
    int rc;

    *ok = 0;
    if (t->type == T_NUMBER) {
        rc = tok_decimal(t, &d);
        if (rc != CV_OK)
            return fail_range(r, t);
    } else if (t->type == T_STRING) {
        unsigned flags;
        const char *bad;
        if (t->has_nul || t->n == 0 || number_len(t->s, t->s + t->n, &flags, &bad) != t->n)
            return diag(r, "S004", t->pos, PM_VALUE, "value not allowed: \"%s\" is not a number",
                        "許されない値: \"%s\" は数値ではない", excerpt(t->s, t->n, q, sizeof q));
        rc = parse_decimal(t->s, t->n, flags, &d);
        if (rc != CV_OK)
            return diag(r, "S004", t->pos, PM_VALUE, "value not allowed: \"%s\" is out of range",
                        "許されない値: \"%s\" が範囲外", excerpt(t->s, t->n, q, sizeof q));
    } else {
        return diag(r, "S003", t->pos, PM_VALUE, "wrong type: expected a number (or a numeric string), found %s%.0s",
                    "型が違う: 数値 (または数値の文字列) が必要だが%.0s%sがある", type_en[t->type], type_ja[t->type]);
    }
    if (nonneg && hyoka_decimal_sign(&d) < 0)
        return diag(r, "S004", t->pos, PM_VALUE, "value not allowed: %s is negative", "許されない値: %s は負の値",
                    excerpt(t->s, t->n, q, sizeof q));
    *slot = d;
    *ok = 1;
    return 0;
}

static const int64_t pow10_3[] = {1000, 100, 10, 1};

/* a * m (m > 0) without overflow: 1 when it does not fit. */
static int mul_overflows(int64_t a, int64_t m, int64_t *out)
{
    if (a > INT64_MAX / m || a < INT64_MIN / m)
        return 1;
    *out = a * m;
    return 0;
}

/* A money amount in the document's unit, into yen (or thousandths of the
 * written unit while the unit is not known). *ok = 1 when stored. */
static int get_money(struct rd *r, const struct tok *t, int64_t *slot, int nonneg, int *ok)
{
    char q[96];
    int64_t coef, v;
    int scale;
    int thousand = r->pf->amount_unit == HYOKA_UNIT_THOUSAND_YEN;

    *ok = 0;
    if (t->type != T_NUMBER)
        return wrong_type(r, t, T_NUMBER);
    if (t->fast) {
        coef = t->coef;
        scale = t->scale;
    } else {
        hyoka_decimal d;
        if (parse_decimal(t->s, t->n, t->num, &d) != CV_OK)
            return fail_range(r, t);
        coef = hyoka_decimal_coefficient(&d);
        scale = hyoka_decimal_scale(&d);
    }
    while (scale > 0 && coef % 10 == 0) {
        coef /= 10;
        scale--;
    }
    if (nonneg && coef < 0)
        return diag(r, "S004", t->pos, PM_VALUE, "value not allowed: %s is negative", "許されない値: %s は負の値",
                    excerpt(t->s, t->n, q, sizeof q));
    if (r->money_milli) {
        if (scale > 3)
            return diag(r, "S004", t->pos, PM_VALUE,
                        "value not allowed: amount %s has more than 3 decimal places (finer than one yen)",
                        "許されない値: 金額 %s の小数が3桁を超える (1円未満)", excerpt(t->s, t->n, q, sizeof q));
        if (mul_overflows(coef, pow10_3[scale], &v)) {
            if (scale > 0)
                return fail_range(r, t);
            /* Fine in yen, too large in thousand_yen: decided at the end. */
            if (r->nbig == r->big_cap &&
                hyoka__grow_heap((void **)&r->bigs, &r->big_cap, r->nbig, sizeof *r->bigs) != HYOKA_OK)
                return nomem(r);
            r->bigs[r->nbig].slot = slot;
            r->bigs[r->nbig].yen = coef;
            r->bigs[r->nbig].off = (size_t)(t->pos - r->base);
            r->nbig++;
            v = 0;
        } else if (scale > 0) {
            if (r->nlate == r->late_cap &&
                hyoka__grow_heap((void **)&r->lates, &r->late_cap, r->nlate, sizeof *r->lates) != HYOKA_OK)
                return nomem(r);
            r->lates[r->nlate].off = (size_t)(t->pos - r->base);
            r->lates[r->nlate].what = LATE_FRACTION;
            r->nlate++;
        }
        *slot = v;
        *ok = 1;
        return 0;
    }
    if (!thousand) {
        if (scale > 0)
            return diag(r, "S004", t->pos, PM_VALUE,
                        "value not allowed: amount %s has a fraction, but the document's amounts are in yen",
                        "許されない値: 金額 %s に小数があるが、文書の金額の単位は円", excerpt(t->s, t->n, q, sizeof q));
        *slot = coef;
        *ok = 1;
        return 0;
    }
    if (scale > 3)
        return diag(r, "S004", t->pos, PM_VALUE,
                    "value not allowed: %s thousand yen is finer than one yen (at most 3 decimal places)",
                    "許されない値: %s 千円は1円未満の端数を含む (小数は3桁まで)", excerpt(t->s, t->n, q, sizeof q));
    if (mul_overflows(coef, pow10_3[scale], &v))
        return jfail(r, "J005", t->pos, "number out of range: %s thousand yen does not fit in 64-bit yen",
                     "数値が範囲外: %s 千円が64ビットの円に収まらない", excerpt(t->s, t->n, q, sizeof q));
    *slot = v;
    *ok = 1;
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Member handlers                                                           */

static int year_bit(unsigned char *map, int32_t y, int set)
{
    size_t i = (size_t)(y - YEAR_MIN);
    int was = (map[i / 8] >> (i % 8)) & 1;
    if (set)
        map[i / 8] |= (unsigned char)(1u << (i % 8));
    else
        map[i / 8] &= (unsigned char)~(1u << (i % 8));
    return was;
}

/* Add a code to a duplicate set; S004 when it is there already. */
static int unique_code(struct rd *r, int set, const struct tok *t, const char *code, const char *what_en,
                       const char *what_ja)
{
    int dup = 0;
    char q[96];
    if (!code)
        return 0;
    if (strset_add(&r->sets[set], code, strlen(code), &dup))
        return nomem(r);
    if (dup)
        return diag(r, "S004", t->pos, PM_VALUE, "value not allowed: duplicate %s%.0s \"%s\"",
                    "許されない値: %.0s%sの重複 \"%s\"", what_en, what_ja, excerpt(t->s, t->n, q, sizeof q));
    return 0;
}

/* The implied unit of a stated figure, or UNIT_IMPLIED when not known yet. */
static unsigned char implied_unit(struct rd *r, int fig)
{
    if (is_money_figure(fig)) {
        if (!r->unit_seen) {
            r->need_fixup = 1;
            return UNIT_IMPLIED;
        }
        return (unsigned char)r->pf->amount_unit;
    }
    if (is_per_head_figure(fig)) {
        if (!r->rounding_seen) {
            r->need_fixup = 1;
            return UNIT_IMPLIED;
        }
        return r->pf->rounding[fig].set ? r->pf->rounding[fig].unit : HYOKA_UNIT_YEN;
    }
    return HYOKA_UNIT_YEN;
}

static int set_stated(struct rd *r, hyoka_costs *c, int fig, const hyoka_decimal *d, unsigned char unit)
{
    if (!hyoka__costs_stated_block(c))
        return nomem(r);
    c->st->value[fig] = *d;
    c->st->unit[fig] = is_percentage_figure(fig) ? (unsigned char)HYOKA_UNIT_YEN : unit;
    c->stated_present |= 1u << fig;
    return 0;
}

/* Create the item for an element object of an array frame and push it. */
static int open_element(struct rd *r, struct frame *f)
{
    void *owner = f->obj;
    int aux = f->aux;

    switch (f->kind) {
    case A_DENOMS: {
        hyoka_portfolio *pf = owner;
        if (hyoka__grow((void **)&pf->denominators, &pf->denominator_cap, pf->denominator_count,
                        sizeof *pf->denominators) != HYOKA_OK)
            return nomem(r);
        memset(&pf->denominators[pf->denominator_count], 0, sizeof *pf->denominators);
        return push(r, K_DENOM, &pf->denominators[pf->denominator_count++], 0);
    }
    case A_SCHEMES: {
        hyoka_portfolio *pf = owner;
        hyoka_scheme *s = hyoka__calloc(1, sizeof *s);
        if (!s)
            return nomem(r);
        if (hyoka__vec_push(&pf->schemes, s) != HYOKA_OK) {
            hyoka__free(s);
            return nomem(r);
        }
        s->owned = 1;
        return push(r, K_SCHEME, s, 0);
    }
    case A_PROJECTS:
    case A_CHILDREN: {
        hyoka_project *p = hyoka__calloc(1, sizeof *p);
        int rc;
        if (!p)
            return nomem(r);
        p->duty = HYOKA_UNSET;
        p->period = HYOKA_UNSET;
        if (f->kind == A_PROJECTS) {
            hyoka_portfolio *pf = owner;
            rc = hyoka__vec_push(&pf->projects, p);
            p->portfolio = pf;
        } else {
            hyoka_project *parent = owner;
            rc = hyoka__vec_push(&parent->children, p);
            p->parent = parent;
        }
        if (rc != HYOKA_OK) {
            hyoka__free(p);
            return nomem(r);
        }
        return push(r, K_PROJECT, p, 0);
    }
    case A_CRITERIA: {
        hyoka_scheme *s = owner;
        struct hyoka__criterion *c;
        if (hyoka__grow((void **)&s->criteria, &s->criterion_cap, s->criterion_count, sizeof *s->criteria) !=
            HYOKA_OK)
            return nomem(r);
        c = &s->criteria[s->criterion_count++];
        memset(c, 0, sizeof *c);
        c->weight = hyoka_decimal_from_int(1);
        return push(r, K_CRIT, c, 0);
    }
    case A_OPTIONS: {
        struct hyoka__criterion *c = owner;
        if (hyoka__grow((void **)&c->options, &c->option_cap, c->option_count, sizeof *c->options) != HYOKA_OK)
            return nomem(r);
        memset(&c->options[c->option_count], 0, sizeof *c->options);
        return push(r, K_OPTION, &c->options[c->option_count++], 0);
    }
    case A_VERDICTS: {
        hyoka_scheme *s = owner;
        if (hyoka__grow((void **)&s->verdicts, &s->verdict_cap, s->verdict_count, sizeof *s->verdicts) != HYOKA_OK)
            return nomem(r);
        memset(&s->verdicts[s->verdict_count], 0, sizeof *s->verdicts);
        return push(r, K_VERDICT, &s->verdicts[s->verdict_count++], 0);
    }
    case A_BUDGETS: {
        hyoka_scheme *s = owner;
        if (hyoka__grow((void **)&s->budgets, &s->budget_cap, s->budget_count, sizeof *s->budgets) != HYOKA_OK)
            return nomem(r);
        memset(&s->budgets[s->budget_count], 0, sizeof *s->budgets);
        return push(r, K_BUDGET, &s->budgets[s->budget_count++], 0);
    }
    case A_BANDS: {
        hyoka_scheme *s = owner;
        if (hyoka__grow((void **)&s->bands, &s->band_cap, s->band_count, sizeof *s->bands) != HYOKA_OK)
            return nomem(r);
        if (s->band_count >= r->band_pos_cap) {
            size_t ncap = r->band_pos_cap ? r->band_pos_cap * 2 : 8;
            const char **np = hyoka__heap_realloc(r->band_pos, ncap * sizeof *np);
            if (!np)
                return nomem(r);
            r->band_pos = np;
            r->band_pos_cap = ncap;
        }
        r->band_pos[s->band_count] = NULL;
        memset(&s->bands[s->band_count], 0, sizeof *s->bands);
        s->band_count++;
        return push(r, K_BAND, &s->bands[s->band_count - 1], (int)(s->band_count - 1));
    }
    case A_CLASS: {
        struct hyoka__class_path *cp = &((hyoka_project *)owner)->cls[aux];
        if (hyoka__grow((void **)&cp->items, &cp->cap, cp->count, sizeof *cp->items) != HYOKA_OK)
            return nomem(r);
        memset(&cp->items[cp->count], 0, sizeof *cp->items);
        return push(r, K_CLASS, &cp->items[cp->count++], 0);
    }
    case A_YEARS: {
        hyoka_project *p = owner;
        hyoka_costs *c = hyoka__calloc(1, sizeof *c);
        if (!c)
            return nomem(r);
        c->project = p;
        c->phase = HYOKA_UNSET;
        if (hyoka__vec_push(&p->years, c) != HYOKA_OK) {
            hyoka__free(c);
            return nomem(r);
        }
        return push(r, K_YEAR, c, 0);
    }
    case A_STAFF: {
        hyoka_costs *c = owner;
        hyoka_staff *s = hyoka__calloc(1, sizeof *s);
        if (!s)
            return nomem(r);
        s->costs = c;
        s->category = HYOKA_UNSET;
        if (hyoka__vec_push(&c->staff, s) != HYOKA_OK) {
            hyoka__free(s);
            return nomem(r);
        }
        return push(r, K_STAFF, s, 0);
    }
    case A_INDS: {
        hyoka_project *p = owner;
        hyoka_indicator *ind = NULL;
        if (hyoka__indicator_new(p, HYOKA_UNSET, &ind) != HYOKA_OK)
            return nomem(r);
        if (hyoka__vec_push(&p->indicators, ind) != HYOKA_OK) {
            hyoka__indicator_free(ind);
            return nomem(r);
        }
        return push(r, K_IND, ind, 0);
    }
    case A_IVALUES: {
        hyoka_indicator *ind = owner;
        if (hyoka__grow((void **)&ind->values, &ind->value_cap, ind->value_count, sizeof *ind->values) != HYOKA_OK)
            return nomem(r);
        memset(&ind->values[ind->value_count], 0, sizeof *ind->values);
        return push(r, K_IVALUE, &ind->values[ind->value_count++], 0);
    }
    case A_EVALS: {
        hyoka_project *p = owner;
        hyoka_evaluation *e = NULL;
        if (hyoka__evaluation_new(p, HYOKA_UNSET, &e) != HYOKA_OK)
            return nomem(r);
        if (hyoka__vec_push(&p->evaluations, e) != HYOKA_OK) {
            hyoka__evaluation_free(e);
            return nomem(r);
        }
        return push(r, K_EVAL, e, 0);
    }
    case A_GOALS: {
        hyoka_evaluation *e = owner;
        if (hyoka__grow((void **)&e->goals, &e->goal_cap, e->goal_count, sizeof *e->goals) != HYOKA_OK)
            return nomem(r);
        memset(&e->goals[e->goal_count], 0, sizeof *e->goals);
        return push(r, K_GOAL, &e->goals[e->goal_count++], 0);
    }
    default:
        return push(r, K_SKIPOBJ, NULL, 0);
    }
}

/* Store a string-map entry (extensions, comments, scores). */
static int map_member(struct rd *r, struct frame *f, const char *key, size_t klen, struct tok *t)
{
    struct hyoka__kvlist *l;
    struct hyoka__kv *kv;
    char *k, *v;

    if (f->kind == K_EXT)
        l = &((hyoka_project *)f->obj)->extensions;
    else if (f->kind == K_COMMENTS)
        l = &((hyoka_evaluation *)f->obj)->comments;
    else
        l = &((hyoka_evaluation *)f->obj)->answers;
    if (t->type != T_STRING && !(f->kind == K_SCORES && t->type == T_NUMBER)) {
        if (f->kind == K_SCORES)
            return diag(r, "S003", t->pos, PM_VALUE, "wrong type: expected a string or a number, found %s%.0s",
                        "型が違う: 文字列または数値が必要だが%.0s%sがある", type_en[t->type], type_ja[t->type]);
        return wrong_type(r, t, T_STRING);
    }
    if (klen == 0)
        return diag(r, "S004", f->key - 1, PM_VALUE, "value not allowed: empty key", "許されない値: 空のキー");
    if (memchr(key, '\0', klen))
        return diag(r, "S004", f->key - 1, PM_VALUE,
                    "value not allowed: the NUL character (\\u0000) cannot be stored in a key",
                    "許されない値: NUL文字 (\\u0000) はキーに保存できない");
    if ((int64_t)klen > HYOKA__TEXT_MAX)
        return diag(r, "S004", f->key - 1, PM_VALUE, "value not allowed: key of %zu bytes is too long",
                    "許されない値: %zu バイトのキーが長すぎる", klen);
    if (t->type == T_STRING && t->has_nul)
        return diag(r, "S004", t->pos, PM_VALUE, "value not allowed: the NUL character (\\u0000) cannot be stored",
                    "許されない値: NUL文字 (\\u0000) は保存できない");
    if ((int64_t)t->n > HYOKA__TEXT_MAX)
        return diag(r, "S004", t->pos, PM_VALUE, "value not allowed: text of %zu bytes is longer than %lld bytes",
                    "許されない値: %zu バイトの文字列が上限の %lld バイトを超える", t->n, (long long)HYOKA__TEXT_MAX);
    if (hyoka__grow((void **)&l->items, &l->cap, l->count, sizeof *l->items) != HYOKA_OK)
        return nomem(r);
    k = hyoka__strndup(key, klen);
    v = hyoka__strndup(t->s, t->n);
    if (!k || !v) {
        hyoka__free(k);
        hyoka__free(v);
        return nomem(r);
    }
    kv = &l->items[l->count++];
    kv->key = k;
    kv->value = v;
    return 0;
}

static int m_root(struct rd *r, struct frame *f, int mid, struct tok *t)
{
    hyoka_portfolio *pf = f->obj;
    int ok;

    switch (mid) {
    case R_FORMAT:
        if (t->type != T_STRING)
            return wrong_type(r, t, T_STRING);
        if (t->n != 7 || memcmp(t->s, "hyoka/1", 7) != 0) {
            char q[96];
            return diag(r, "S004", t->pos, PM_VALUE, "value not allowed: format \"%s\" is not \"hyoka/1\"",
                        "許されない値: format \"%s\" は \"hyoka/1\" ではない", excerpt(t->s, t->n, q, sizeof q));
        }
        return 0;
    case R_AMOUNT_UNIT: {
        int u = HYOKA_UNIT_YEN;
        size_t before = r->errors;
        int rc = get_enum(r, t, unit_names, COUNT(unit_names), &u);
        r->unit_seen = 1;
        if (r->errors != before)
            r->unit_bad = 1;
        pf->amount_unit = u;
        return rc;
    }
    case R_MUNICIPALITY:
        return open_container(r, t, K_MUNI, pf, 0);
    case R_DENOMINATORS:
        return open_container(r, t, A_DENOMS, pf, 0);
    case R_ROUNDING:
        return open_container(r, t, K_ROUNDING, pf, 0);
    case R_TOLERANCE:
        return get_count(r, t, &pf->stated_tolerance, &ok);
    case R_SCHEMES:
        strset_reset(&r->sets[SET_SCHEME]);
        return open_container(r, t, A_SCHEMES, pf, 0);
    case R_PROJECTS:
        if (!r->unit_seen && t->type == T_ARRAY)
            r->money_milli = 1;
        return open_container(r, t, A_PROJECTS, pf, 0);
    }
    return 0;
}

static int m_muni(struct rd *r, struct frame *f, int mid, struct tok *t)
{
    hyoka_portfolio *pf = f->obj;
    if (mid == MU_NAME)
        return get_text(r, t, &pf->municipality_name);
    if (t->type == T_STRING && !t->has_nul && hyoka_municipality_code_check(t->s, t->n) != HYOKA_OK) {
        char q[96];
        return diag(r, "S004", t->pos, PM_VALUE,
                    "value not allowed: \"%s\" is not a municipality code (6 digits, last the check digit)",
                    "許されない値: \"%s\" は全国地方公共団体コード (6桁、末尾は検査数字) ではない",
                    excerpt(t->s, t->n, q, sizeof q));
    }
    return get_text(r, t, &pf->municipality_code);
}

static int m_denom(struct rd *r, struct frame *f, int mid, struct tok *t)
{
    struct hyoka__denominator *d = f->obj;
    int64_t v = 0;
    int ok = 0, rc;

    if (mid == D_YEAR) {
        int32_t y = 0;
        rc = get_year(r, t, &y);
        if (rc || !y)
            return rc;
        d->fiscal_year = y;
        if (year_bit(r->denom_years, y, 1))
            return diag(r, "S004", t->pos, PM_VALUE, "value not allowed: fiscal year %ld has denominators already",
                        "許されない値: 年度 %ld の人口・世帯数は既にある", (long)y);
        d->fiscal_year = y;
        return 0;
    }
    rc = get_count(r, t, &v, &ok);
    if (ok) {
        if (mid == D_POPULATION)
            d->population = v;
        else
            d->households = v;
        d->present |= mid == D_POPULATION ? 1u : 2u;
    }
    return rc;
}

static int m_rule(struct rd *r, struct frame *f, int mid, struct tok *t)
{
    struct hyoka__rounding_rule *rule = f->obj;
    int v = 0, rc;

    switch (mid) {
    case RU_PLACES: {
        int64_t places = 0;
        int ok;
        char q[96];
        size_t before = r->errors;
        rc = get_count(r, t, &places, &ok);
        if (rc || r->errors != before)
            return rc;
        if (places > HYOKA_DECIMAL_MAX_SCALE)
            return diag(r, "S004", t->pos, PM_VALUE, "value not allowed: places %s outside 0..18",
                        "許されない値: 桁数 %s が 0..18 の範囲外", excerpt(t->s, t->n, q, sizeof q));
        rule->places = (unsigned char)places;
        return 0;
    }
    case RU_MODE:
        rc = get_enum(r, t, mode_names, COUNT(mode_names), &v);
        rule->mode = (unsigned char)v;
        return rc;
    default: {
        size_t before = r->errors;
        v = HYOKA_UNIT_YEN;
        rc = get_enum(r, t, unit_names, COUNT(unit_names), &v);
        if (rc || r->errors != before)
            return rc;
        if (v != HYOKA_UNIT_YEN && !is_per_head_figure(f->aux))
            return diag(r, "S004", t->pos, PM_VALUE,
                        "value not allowed: only per-head figures can be shown in thousand yen",
                        "許されない値: 千円で表示できるのは一人当たり等の単位当たりの数値だけ");
        rule->unit = (unsigned char)v;
        return 0;
    }
    }
}

static int m_scheme(struct rd *r, struct frame *f, int mid, struct tok *t)
{
    hyoka_scheme *s = f->obj;
    int rc;

    switch (mid) {
    case SC_ID:
        rc = get_code(r, t, &s->id);
        if (rc == 0 && t->type == T_STRING && s->id && s->id[0])
            rc = unique_code(r, SET_SCHEME, t, s->id, "scheme id", "評価体系のID");
        return rc;
    case SC_NAME:
        return get_text(r, t, &s->name);
    case SC_CRITERIA:
        strset_reset(&r->sets[SET_CRIT]);
        return open_container(r, t, A_CRITERIA, s, 0);
    case SC_VERDICTS:
        strset_reset(&r->sets[SET_VERDICT]);
        return open_container(r, t, A_VERDICTS, s, 0);
    case SC_BUDGETS:
        strset_reset(&r->sets[SET_BUDGET]);
        return open_container(r, t, A_BUDGETS, s, 0);
    default:
        return open_container(r, t, K_RATING, s, 0);
    }
}

static int m_crit(struct rd *r, struct frame *f, int mid, struct tok *t)
{
    struct hyoka__criterion *c = f->obj;
    int rc, ok;

    switch (mid) {
    case CR_CODE: {
        char *old = c->code;
        rc = get_code(r, t, &c->code);
        if (rc == 0 && c->code != old && c->code[0])
            rc = unique_code(r, SET_CRIT, t, c->code, "criterion code", "評価項目のコード");
        return rc;
    }
    case CR_LABEL:
        return get_text(r, t, &c->label);
    case CR_WEIGHT:
        return get_decimal(r, t, &c->weight, 1, &ok);
    case CR_REQUIRED:
        return get_bool(r, t, &c->required);
    case CR_OPTIONS:
        strset_reset(&r->sets[SET_OPTION]);
        return open_container(r, t, A_OPTIONS, c, 0);
    default:
        if (t->type == T_OBJECT)
            c->numeric = 1;
        return open_container(r, t, K_RANGE, c, 0);
    }
}

static int m_option(struct rd *r, struct frame *f, int mid, struct tok *t)
{
    struct hyoka__option *o = f->obj;
    int rc;

    switch (mid) {
    case OP_CODE: {
        char *old = o->code;
        rc = get_code(r, t, &o->code);
        if (rc == 0 && o->code != old && o->code[0])
            rc = unique_code(r, SET_OPTION, t, o->code, "option code", "選択肢のコード");
        return rc;
    }
    case OP_LABEL:
        return get_text(r, t, &o->label);
    default:
        return get_decimal(r, t, &o->score, 0, &o->has_score);
    }
}

static int m_range(struct rd *r, struct frame *f, int mid, struct tok *t)
{
    struct hyoka__criterion *c = f->obj;
    if (mid == RA_MIN)
        return get_decimal(r, t, &c->min, 0, &c->has_min);
    return get_decimal(r, t, &c->max, 0, &c->has_max);
}

static int m_verdict(struct rd *r, struct frame *f, int mid, struct tok *t)
{
    struct hyoka__verdict *v = f->obj;
    int rc;
    if (mid == VE_CODE) {
        char *old = v->code;
        rc = get_code(r, t, &v->code);
        if (rc == 0 && v->code != old && v->code[0])
            rc = unique_code(r, SET_VERDICT, t, v->code, "verdict code", "総合評価のコード");
        return rc;
    }
    if (mid == VE_LABEL)
        return get_text(r, t, &v->label);
    return get_enum(r, t, group_names, COUNT(group_names), &v->group);
}

static int m_budget(struct rd *r, struct frame *f, int mid, struct tok *t)
{
    struct hyoka__budget *b = f->obj;
    int rc;
    if (mid == BU_CODE) {
        char *old = b->code;
        rc = get_code(r, t, &b->code);
        if (rc == 0 && b->code != old && b->code[0])
            rc = unique_code(r, SET_BUDGET, t, b->code, "budget direction code", "予算の方向性のコード");
        return rc;
    }
    if (mid == BU_LABEL)
        return get_text(r, t, &b->label);
    return get_enum(r, t, budget_kind_names, COUNT(budget_kind_names), &b->kind);
}

static int m_rating(struct rd *r, struct frame *f, int mid, struct tok *t)
{
    hyoka_scheme *s = f->obj;
    if (mid == RT_BANDS) {
        strset_reset(&r->sets[SET_BAND]);
        return open_container(r, t, A_BANDS, s, 0);
    }
    return open_container(r, t, K_MISSING, s, 0);
}

static int m_band(struct rd *r, struct frame *f, int mid, struct tok *t)
{
    struct hyoka__band *b = f->obj;
    int rc, ok = 0;
    switch (mid) {
    case BA_MIN:
        rc = get_decimal(r, t, &b->min, 0, &ok);
        if (ok) {
            f->has_value = 1;
            r->band_pos[f->aux] = t->pos;
        }
        return rc;
    case BA_CODE: {
        char *old = b->code;
        rc = get_code(r, t, &b->code);
        if (rc == 0 && b->code != old && b->code[0])
            rc = unique_code(r, SET_BAND, t, b->code, "band code", "評定のコード");
        return rc;
    }
    default:
        return get_text(r, t, &b->label);
    }
}

static int m_missing(struct rd *r, struct frame *f, int mid, struct tok *t)
{
    hyoka_scheme *s = f->obj;
    if (mid == MI_CODE)
        return get_code(r, t, &s->missing_code);
    return get_text(r, t, &s->missing_label);
}

static int m_project(struct rd *r, struct frame *f, int mid, struct tok *t)
{
    hyoka_project *p = f->obj;
    switch (mid) {
    case P_CODE:
        return get_text(r, t, &p->text[HYOKA_TEXT_CODE]);
    case P_NAME:
        return get_text(r, t, &p->text[HYOKA_TEXT_NAME]);
    case P_ORG:
        return open_container(r, t, K_ORG, p, 0);
    case P_POLICY:
        return open_container(r, t, A_CLASS, p, HYOKA_CLASS_POLICY);
    case P_ACCOUNT:
        return open_container(r, t, A_CLASS, p, HYOKA_CLASS_ACCOUNT);
    case P_DUTY:
        return get_enum(r, t, duty_names, COUNT(duty_names), &p->duty);
    case P_PERIOD:
        return get_enum(r, t, period_names, COUNT(period_names), &p->period);
    case P_START:
        return get_year(r, t, &p->start_year);
    case P_END:
        return get_year(r, t, &p->end_year);
    case P_LEGAL:
        return get_text(r, t, &p->text[HYOKA_TEXT_LEGAL_BASIS]);
    case P_TEXTS:
        return open_container(r, t, K_TEXTS, p, 0);
    case P_YEARS:
        return open_container(r, t, A_YEARS, p, 0);
    case P_INDICATORS:
        return open_container(r, t, A_INDS, p, 0);
    case P_EVALUATIONS:
        return open_container(r, t, A_EVALS, p, 0);
    case P_CHILDREN:
        return open_container(r, t, A_CHILDREN, p, 0);
    default:
        return open_container(r, t, K_EXT, p, 0);
    }
}

static int m_year(struct rd *r, struct frame *f, int mid, struct tok *t)
{
    hyoka_costs *c = f->obj;
    int field, ok = 0, rc;

    switch (mid) {
    case Y_YEAR:
        return get_year(r, t, &c->fiscal_year);
    case Y_PHASE:
        return get_enum(r, t, phase_names, COUNT(phase_names), &c->phase);
    case Y_FUNDING:
        return open_container(r, t, K_FUNDING, c, 0);
    case Y_STAFF:
        return open_container(r, t, A_STAFF, c, 0);
    case Y_STATED:
        return open_container(r, t, K_STATED, c, 0);
    case Y_INITIAL: field = HYOKA_COST_INITIAL_BUDGET; break;
    case Y_FINAL: field = HYOKA_COST_FINAL_BUDGET; break;
    case Y_SETTLEMENT: field = HYOKA_COST_SETTLEMENT; break;
    case Y_DEBT: field = HYOKA_COST_DEBT_SERVICE; break;
    case Y_INDIRECT: field = HYOKA_COST_INDIRECT; break;
    default:
        field = HYOKA_COST_USAGE + (mid - Y_USAGE);
        rc = get_count(r, t, &c->value[field], &ok);
        if (ok)
            c->present |= 1u << field;
        return rc;
    }
    rc = get_money(r, t, &c->value[field], 0, &ok);
    if (ok)
        c->present |= 1u << field;
    return rc;
}

static int m_funding(struct rd *r, struct frame *f, int mid, struct tok *t)
{
    hyoka_costs *c = f->obj;
    int field = HYOKA_COST_NATIONAL + mid, ok = 0;
    int rc = get_money(r, t, &c->value[field], 0, &ok);
    if (ok)
        c->present |= 1u << field;
    return rc;
}

static int m_staff(struct rd *r, struct frame *f, int mid, struct tok *t)
{
    hyoka_staff *s = f->obj;
    int ok = 0, rc, field;

    if (mid == ST_CATEGORY)
        return get_enum(r, t, category_names, COUNT(category_names), &s->category);
    field = mid - ST_HEADCOUNT;
    if (field <= HYOKA_STAFF_HOURS)
        rc = get_decimal(r, t, &s->dec[field], 1, &ok);
    else
        rc = get_money(r, t, &s->amount[field - HYOKA_STAFF_UNIT_COST], 1, &ok);
    if (ok)
        s->present |= 1u << field;
    return rc;
}

static int m_stated(struct rd *r, struct frame *f, int mid, struct tok *t)
{
    hyoka_costs *c = f->obj;
    hyoka_decimal d;
    int ok = 0, rc;

    if (t->type == T_OBJECT)
        return open_container(r, t, K_STATEDOBJ, c, mid);
    rc = get_decimal(r, t, &d, 0, &ok);
    if (ok && set_stated(r, c, mid, &d, implied_unit(r, mid)))
        return -1;
    return rc;
}

static int m_statedobj(struct rd *r, struct frame *f, int mid, struct tok *t)
{
    int ok = 0, rc, v = 0;
    size_t before;

    if (mid == SO_VALUE) {
        rc = get_decimal(r, t, &f->dec, 0, &ok);
        if (ok)
            f->has_value = 1;
        return rc;
    }
    before = r->errors;
    rc = get_enum(r, t, unit_names, COUNT(unit_names), &v);
    if (rc || r->errors != before)
        return rc;
    if (v != HYOKA_UNIT_YEN && is_percentage_figure(f->aux))
        return diag(r, "S004", t->pos, PM_VALUE, "value not allowed: a percentage has no unit",
                    "許されない値: 百分率に単位はない");
    f->unit = (unsigned char)v;
    return 0;
}

static int m_ind(struct rd *r, struct frame *f, int mid, struct tok *t)
{
    hyoka_indicator *ind = f->obj;
    switch (mid) {
    case IN_KIND:
        return get_enum(r, t, kind_names, COUNT(kind_names), &ind->kind);
    case IN_NAME:
        return get_text(r, t, &ind->text[HYOKA_INDICATOR_NAME]);
    case IN_UNIT:
        return get_text(r, t, &ind->text[HYOKA_INDICATOR_UNIT]);
    case IN_DEFINITION:
        return get_text(r, t, &ind->text[HYOKA_INDICATOR_DEFINITION]);
    case IN_DIRECTION:
        return get_enum(r, t, direction_names, COUNT(direction_names), &ind->direction);
    case IN_NOT_SETTABLE:
        return get_bool(r, t, &ind->not_settable);
    case IN_REASON:
        return get_text(r, t, &ind->text[HYOKA_INDICATOR_NOT_SETTABLE_REASON]);
    case IN_VALUES:
        return open_container(r, t, A_IVALUES, ind, 0);
    default:
        return open_container(r, t, K_LONGTERM, ind, 0);
    }
}

static int m_ivalue(struct rd *r, struct frame *f, int mid, struct tok *t)
{
    struct hyoka__ivalue *v = f->obj;
    int ok = 0, rc;

    if (mid == IV_YEAR) {
        int32_t y = 0;
        rc = get_year(r, t, &y);
        if (rc || !y)
            return rc;
        v->fiscal_year = y;
        if (year_bit(r->value_years, y, 1))
            return diag(r, "S004", t->pos, PM_VALUE,
                        "value not allowed: fiscal year %ld has values already in this indicator",
                        "許されない値: 年度 %ld の値はこの指標に既にある", (long)y);
        v->fiscal_year = y;
        return 0;
    }
    rc = get_decimal(r, t, &v->v[mid - IV_TARGET], 0, &ok);
    if (ok)
        v->present |= 1u << (mid - IV_TARGET);
    return rc;
}

static int m_longterm(struct rd *r, struct frame *f, int mid, struct tok *t)
{
    hyoka_indicator *ind = f->obj;
    if (mid == LT_VALUE)
        return get_decimal(r, t, &ind->long_term, 0, &ind->has_long_term);
    if (mid == LT_YEAR)
        return get_year(r, t, &ind->long_term_year);
    return get_text(r, t, &ind->text[HYOKA_INDICATOR_LONG_TERM_NOTE]);
}

static int m_eval(struct rd *r, struct frame *f, int mid, struct tok *t)
{
    hyoka_evaluation *e = f->obj;
    switch (mid) {
    case EV_STAGE:
        return get_enum(r, t, stage_names, COUNT(stage_names), &e->stage);
    case EV_SCHEME:
        return get_text(r, t, &e->text[HYOKA_EVAL_SCHEME]);
    case EV_YEAR:
        return get_year(r, t, &e->fiscal_year);
    case EV_DATE:
        return get_date(r, t, &e->date);
    case EV_EVALUATOR:
        return get_text(r, t, &e->text[HYOKA_EVAL_EVALUATOR]);
    case EV_VERDICT:
        return get_text(r, t, &e->text[HYOKA_EVAL_VERDICT]);
    case EV_BUDGET:
        return get_text(r, t, &e->text[HYOKA_EVAL_BUDGET]);
    case EV_SCORES:
        return open_container(r, t, K_SCORES, e, 0);
    case EV_EXPECTED:
        return open_container(r, t, K_EXPECTED, e, 0);
    case EV_COMMENTS:
        return open_container(r, t, K_COMMENTS, e, 0);
    default:
        return open_container(r, t, A_GOALS, e, 0);
    }
}

static int on_member(struct rd *r, struct frame *f, int mid, struct tok *t)
{
    switch (f->kind) {
    case K_ROOT: return m_root(r, f, mid, t);
    case K_MUNI: return m_muni(r, f, mid, t);
    case K_DENOM: return m_denom(r, f, mid, t);
    case K_ROUNDING: {
        struct hyoka__rounding_rule *rule = &((hyoka_portfolio *)f->obj)->rounding[mid];
        if (t->type == T_OBJECT) {
            rule->set = 1;
            rule->places = (unsigned char)(is_money_figure(mid) ? 0 : 1);
            rule->mode = HYOKA_ROUND_HALF_UP;
            rule->unit = HYOKA_UNIT_YEN;
        }
        return open_container(r, t, K_RULE, rule, mid);
    }
    case K_RULE: return m_rule(r, f, mid, t);
    case K_SCHEME: return m_scheme(r, f, mid, t);
    case K_CRIT: return m_crit(r, f, mid, t);
    case K_OPTION: return m_option(r, f, mid, t);
    case K_RANGE: return m_range(r, f, mid, t);
    case K_VERDICT: return m_verdict(r, f, mid, t);
    case K_BUDGET: return m_budget(r, f, mid, t);
    case K_RATING: return m_rating(r, f, mid, t);
    case K_BAND: return m_band(r, f, mid, t);
    case K_MISSING: return m_missing(r, f, mid, t);
    case K_PROJECT: return m_project(r, f, mid, t);
    case K_ORG: return get_text(r, t, &((hyoka_project *)f->obj)->text[HYOKA_TEXT_DEPARTMENT + mid]);
    case K_CLASS: {
        struct hyoka__class_level *l = f->obj;
        return get_text(r, t, mid == CL_LEVEL ? &l->level : mid == CL_CODE ? &l->code : &l->name);
    }
    case K_TEXTS: return get_text(r, t, &((hyoka_project *)f->obj)->text[HYOKA_TEXT_PURPOSE + mid]);
    case K_YEAR: return m_year(r, f, mid, t);
    case K_FUNDING: return m_funding(r, f, mid, t);
    case K_STAFF: return m_staff(r, f, mid, t);
    case K_STATED: return m_stated(r, f, mid, t);
    case K_STATEDOBJ: return m_statedobj(r, f, mid, t);
    case K_IND: return m_ind(r, f, mid, t);
    case K_IVALUE: return m_ivalue(r, f, mid, t);
    case K_LONGTERM: return m_longterm(r, f, mid, t);
    case K_EVAL: return m_eval(r, f, mid, t);
    case K_EXPECTED: {
        hyoka_evaluation *e = f->obj;
        if (mid == EX_OUTCOME)
            return get_enum(r, t, outcome_names, COUNT(outcome_names), &e->expected_outcome);
        return get_enum(r, t, cost_names, COUNT(cost_names), &e->expected_cost);
    }
    case K_GOAL: {
        struct hyoka__goal *g = f->obj;
        if (mid == G_WHAT)
            return get_text(r, t, &g->what);
        if (mid == G_LEVEL)
            return get_text(r, t, &g->level);
        return get_date(r, t, &g->by);
    }
    default:
        return 0;
    }
}

/* ------------------------------------------------------------------------ */
/* Closing frames                                                            */

static int missing_member(struct rd *r, const struct frame *f, const char *member)
{
    return diag(r, "S001", f->start, PM_OBJECT, "missing member \"%s\"", "必須のメンバー \"%s\" がない", member);
}

struct band_sort {
    hyoka_decimal min;
    size_t index;
};

static int band_cmp(const void *a, const void *b)
{
    const struct band_sort *x = a, *y = b;
    int c = hyoka_decimal_cmp(&y->min, &x->min); /* highest first */
    if (c)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* Sort the bands of a scheme, highest minimum first, and report equal minimums. */
static int close_bands(struct rd *r, hyoka_scheme *s)
{
    struct band_sort *v;
    struct hyoka__band *sorted;
    size_t n = s->band_count;

    if (n < 2)
        return 0;
    v = hyoka__heap_malloc(n * sizeof *v);
    sorted = hyoka__heap_malloc(n * sizeof *sorted);
    if (!v || !sorted) {
        hyoka__free(v);
        hyoka__free(sorted);
        return nomem(r);
    }
    for (size_t i = 0; i < n; i++) {
        v[i].min = s->bands[i].min;
        v[i].index = i;
    }
    qsort(v, n, sizeof *v, band_cmp);
    for (size_t i = 1; i < n; i++) {
        size_t later = v[i].index;
        if (!r->band_pos[later] || !r->band_pos[v[i - 1].index] || hyoka_decimal_cmp(&v[i].min, &v[i - 1].min) != 0)
            continue;
        if (later < v[i - 1].index)
            later = v[i - 1].index;
        if (r->report && !(r->report->limit && r->report->count >= r->report->limit)) {
            char tail[64];
            if (build_path(r, r->depth - 1)) {
                hyoka__free(v);
                hyoka__free(sorted);
                return nomem(r);
            }
            r->path.n--; /* drop the NUL */
            snprintf(tail, sizeof tail, "/%zu/min", later);
            if (buf_add(&r->path, tail, strlen(tail) + 1) ||
                diag_full(r, "S004", HYOKA_SEVERITY_ERROR, r->band_pos[later], r->path.d,
                          "value not allowed: two rating bands have the same minimum",
                          "許されない値: 二つの評定の下限が同じ")) {
                hyoka__free(v);
                hyoka__free(sorted);
                return nomem(r);
            }
        } else {
            diag_full(r, "S004", HYOKA_SEVERITY_ERROR, NULL, "", "", "");
        }
    }
    for (size_t i = 0; i < n; i++)
        sorted[i] = s->bands[v[i].index];
    memcpy(s->bands, sorted, n * sizeof *sorted);
    hyoka__free(v);
    hyoka__free(sorted);
    return 0;
}

#define GIVEN(f, mid) (((f)->given >> (mid)) & 1u)

/* Checks and commits when an object or array closes (top frame). */
static int close_frame(struct rd *r)
{
    struct frame *f = &r->frames[r->depth - 1];
    int rc = 0;

    switch (f->kind) {
    case K_ROOT:
        if (!GIVEN(f, R_FORMAT))
            rc = missing_member(r, f, "format");
        break;
    case K_ROUNDING:
        r->rounding_seen = 1;
        break;
    case K_DENOM:
        if (!GIVEN(f, D_YEAR))
            rc = missing_member(r, f, "fiscal_year");
        break;
    case K_SCHEME:
        if (!GIVEN(f, SC_ID))
            rc = missing_member(r, f, "id");
        break;
    case K_CRIT: {
        struct hyoka__criterion *c = f->obj;
        if (!GIVEN(f, CR_CODE))
            rc = missing_member(r, f, "code");
        if (!rc && c->numeric && c->option_count)
            rc = diag(r, "S004", f->start, PM_OBJECT,
                      "value not allowed: a criterion has either options or a range, not both",
                      "許されない値: 評価項目は選択肢か範囲のどちらか一方だけを持つ");
        break;
    }
    case K_OPTION:
        if (!GIVEN(f, OP_CODE))
            rc = missing_member(r, f, "code");
        break;
    case K_VERDICT:
        if (!GIVEN(f, VE_CODE))
            rc = missing_member(r, f, "code");
        break;
    case K_BUDGET:
        if (!GIVEN(f, BU_CODE))
            rc = missing_member(r, f, "code");
        break;
    case K_BAND:
        if (!GIVEN(f, BA_MIN))
            rc = missing_member(r, f, "min");
        if (!rc && !GIVEN(f, BA_CODE))
            rc = missing_member(r, f, "code");
        break;
    case K_MISSING: {
        if (GIVEN(f, MI_LABEL) && !GIVEN(f, MI_CODE))
            rc = missing_member(r, f, "code");
        break;
    }
    case K_RANGE: {
        struct hyoka__criterion *c = f->obj;
        if (c->has_min && c->has_max && hyoka_decimal_cmp(&c->min, &c->max) > 0)
            rc = diag(r, "S004", f->start, PM_OBJECT, "value not allowed: min is greater than max",
                      "許されない値: min が max より大きい");
        break;
    }
    case K_YEAR:
        if (!GIVEN(f, Y_YEAR))
            rc = missing_member(r, f, "fiscal_year");
        break;
    case K_IVALUE:
        if (!GIVEN(f, IV_YEAR))
            rc = missing_member(r, f, "fiscal_year");
        break;
    case K_STATEDOBJ:
        if (!GIVEN(f, SO_VALUE))
            rc = missing_member(r, f, "value");
        else if (f->has_value &&
                 set_stated(r, f->obj, f->aux, &f->dec, f->unit != UNIT_IMPLIED ? f->unit : implied_unit(r, f->aux)))
            rc = -1;
        break;
    case A_IVALUES: {
        hyoka_indicator *ind = f->obj;
        if (ind->value_count > 0 && ind->value_cap > ind->value_count) {
            /* Give back the doubling's spare room: a value is 72 bytes
             * and an indicator rarely grows after reading. A failed
             * shrink keeps the larger block. */
            void *fit = hyoka__realloc(ind->values, ind->value_count * sizeof *ind->values);
            if (fit) {
                ind->values = fit;
                ind->value_cap = ind->value_count;
            }
        }
        for (size_t i = 0; i < ind->value_count; i++)
            if (ind->values[i].fiscal_year)
                year_bit(r->value_years, ind->values[i].fiscal_year, 0);
        break;
    }
    case A_BANDS:
        rc = close_bands(r, f->obj);
        break;
    default:
        break;
    }
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Duplicate keys                                                            */

static const char *key_ptr(const struct rd *r, const struct keyent *k)
{
    return k->src ? k->src : r->arena.d + k->aoff;
}

static int fail_dup(struct rd *r, const char *pos, const char *k, size_t n)
{
    char q[96];
    return jfail(r, "J003", pos, "duplicate key \"%s\"", "キー \"%s\" の重複", excerpt(k, n, q, sizeof q));
}

/* Remember a key of the top frame that is not a known member; J003 when
 * it is there already (checked at once for the first keys, at the close of
 * the object for the rest). */
static int key_add(struct rd *r, struct frame *f, const char *k, size_t n, int esc, const char *pos)
{
    struct keyent *e;
    size_t count = r->nkeys - f->keys_start;

    if (count < LINEAR_KEYS) {
        for (size_t i = f->keys_start; i < r->nkeys; i++)
            if (r->keys[i].len == n && memcmp(key_ptr(r, &r->keys[i]), k, n) == 0)
                return fail_dup(r, pos, k, n);
    }
    if (r->nkeys == r->keys_cap &&
        hyoka__grow_heap((void **)&r->keys, &r->keys_cap, r->nkeys, sizeof *r->keys) != HYOKA_OK)
        return nomem(r);
    e = &r->keys[r->nkeys++];
    e->len = n;
    e->pos = pos;
    if (esc) {
        e->src = NULL;
        e->aoff = r->arena.n;
        if (buf_add(&r->arena, k, n))
            return nomem(r);
    } else {
        e->src = k;
        e->aoff = 0;
    }
    return 0;
}

struct keysort {
    const char *s;
    size_t n;
    const char *pos;
};

static int keysort_cmp(const void *a, const void *b)
{
    const struct keysort *x = a, *y = b;
    int c;
    if (x->n != y->n)
        return x->n < y->n ? -1 : 1;
    c = memcmp(x->s, y->s, x->n);
    if (c)
        return c;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static int keys_close(struct rd *r, struct frame *f)
{
    size_t n = r->nkeys - f->keys_start;
    int rc = 0;

    if (n > LINEAR_KEYS) {
        struct keysort *v = hyoka__heap_malloc(n * sizeof *v);
        if (!v)
            return nomem(r);
        for (size_t i = 0; i < n; i++) {
            const struct keyent *k = &r->keys[f->keys_start + i];
            v[i].s = key_ptr(r, k);
            v[i].n = k->len;
            v[i].pos = k->pos;
        }
        qsort(v, n, sizeof *v, keysort_cmp);
        for (size_t i = 1; i < n; i++) {
            if (v[i].n == v[i - 1].n && memcmp(v[i].s, v[i - 1].s, v[i].n) == 0) {
                rc = fail_dup(r, v[i].pos, v[i].s, v[i].n);
                break;
            }
        }
        hyoka__free(v);
    }
    r->nkeys = f->keys_start;
    r->arena.n = f->arena_start;
    return rc;
}

/* ------------------------------------------------------------------------ */
/* The parser                                                                */

static inline int same_bytes(const char *a, const char *b, size_t n)
{
    uint64_t x, y;
    uint32_t u, w;
    if (n >= 8) {
        for (size_t i = 0; i + 8 < n; i += 8) {
            memcpy(&x, a + i, 8);
            memcpy(&y, b + i, 8);
            if (x != y)
                return 0;
        }
        memcpy(&x, a + n - 8, 8);
        memcpy(&y, b + n - 8, 8);
        return x == y;
    }
    if (n >= 4) {
        memcpy(&u, a, 4);
        memcpy(&w, b, 4);
        if (u != w)
            return 0;
        memcpy(&u, a + n - 4, 4);
        memcpy(&w, b + n - 4, 4);
        return u == w;
    }
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

static int member_lookup(struct frame *f, const char *k, size_t n, const char *end)
{
    const struct kind_info *ki = &kinds[f->kind];
    unsigned h = f->hint;

    (void)end;
    if (!ki->members)
        return -1;
#if defined(JR_SSE2)
    /* The expected member, 16 bytes at once (the key is followed by at
     * least its closing quote; read 16 bytes only when they exist). */
    if (h < (unsigned)ki->count && ki->members[h].n == n && n <= 16 && end - k >= 16) {
        __m128i a = _mm_loadu_si128((const __m128i *)(const void *)k);
        __m128i b = _mm_loadu_si128((const __m128i *)(const void *)ki->members[h].s);
        unsigned eq = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(a, b)) | ~((1u << n) - 1u);
        if ((eq & 0xFFFFu) == 0xFFFFu) {
            f->hint = h + 1;
            return (int)h;
        }
    } else
#endif
    if (h < (unsigned)ki->count && ki->members[h].n == n && same_bytes(ki->members[h].s, k, n)) {
        f->hint = h + 1;
        return (int)h;
    }
    for (int i = 0; i < ki->count; i++) {
        if (ki->members[i].n == n && same_bytes(ki->members[i].s, k, n)) {
            f->hint = (unsigned)i + 1;
            return i;
        }
    }
    return -1;
}

/* Skip a value nobody wants: containers get a skip frame, scalars are
 * scanned (validated) only. */
static int skip_value(struct rd *r)
{
    struct tok t;
    if (r->p < r->end && *r->p == '{')
        return push(r, K_SKIPOBJ, NULL, 0);
    if (r->p < r->end && *r->p == '[')
        return push(r, A_SKIP, NULL, 0);
    return scan_scalar(r, &t, NULL);
}

/* Read one member of the object of the top frame (r->p at its key). */
static int read_member(struct rd *r)
{
    struct frame *f = &r->frames[r->depth - 1];
    struct tok key, t;
    const char *kpos = r->p;
    int mid, kind = f->kind;

    if (r->p >= r->end)
        return fail_eot(r);
    if (*r->p != '"')
        return fail_unexpected(r, r->p, "a key (a string)", "キー (文字列)");
    f->key = NULL;
    f->between = 0;
#if defined(JR_SSE2)
    {
        /* Keys are short plain ASCII: find the closing quote directly. */
        const char *s = r->p + 1;
        while (r->end - s >= 16) {
            unsigned m = special16(s);
            if (m) {
                s += __builtin_ctz(m);
                break;
            }
            s += 16;
        }
        if (s < r->end && *s == '"' && (size_t)(s - (r->p + 1)) <= r->max_string) {
            key.s = r->p + 1;
            key.n = (size_t)(s - key.s);
            r->p = s + 1;
        } else if (scan_string(r, &key, &r->kbuf)) {
            return -1;
        }
    }
#elif defined(JR_SWAR)
    {
        /* Keys are short plain ASCII: find the closing quote directly. */
        const char *s = r->p + 1;
        while (r->end - s >= 8) {
            uint64_t v, m;
            memcpy(&v, s, 8);
            m = special_bytes(v);
            if (m) {
                s += (unsigned)__builtin_ctzll(m) >> 3;
                break;
            }
            s += 8;
        }
        if (s < r->end && *s == '"' && (size_t)(s - (r->p + 1)) <= r->max_string) {
            key.s = r->p + 1;
            key.n = (size_t)(s - key.s);
            r->p = s + 1;
        } else if (scan_string(r, &key, &r->kbuf)) {
            return -1;
        }
    }
#else
    if (scan_string(r, &key, &r->kbuf))
        return -1;
#endif
    f->key = kpos + 1;
    f->key_len = (size_t)(r->p - kpos) - 2;
    f->key_esc = key.s != kpos + 1;
    f->started = 1;
    r->p = skip_ws(r->p, r->end);
    if (r->p >= r->end)
        return fail_eot(r);
    if (*r->p != ':')
        return fail_unexpected(r, r->p, "':'", "':'");
    r->p = skip_ws(r->p + 1, r->end);
    if (r->p >= r->end)
        return fail_eot(r);

    if (is_map_kind(kind) || kind == K_SKIPOBJ) {
        /* Content that is skipped is not hyoka data: a duplicate key there
         * is valid JSON (RFC 8259 only says names SHOULD be unique) and
         * is not reported. */
        if (kind == K_SKIPOBJ)
            return skip_value(r);
        if (key_add(r, f, key.s, key.n, f->key_esc, kpos))
            return -1;
        if (*r->p == '{' || *r->p == '[') {
            t.type = *r->p == '{' ? T_OBJECT : T_ARRAY;
            t.pos = r->p;
            if (f->kind == K_SCORES)
                diag(r, "S003", t.pos, PM_VALUE, "wrong type: expected a string or a number, found %s%.0s",
                     "型が違う: 文字列または数値が必要だが%.0s%sがある", type_en[t.type], type_ja[t.type]);
            else
                wrong_type(r, &t, T_STRING);
            if (r->status)
                return -1;
            return skip_value(r);
        }
        if (scan_scalar(r, &t, &r->vbuf))
            return -1;
        if (t.type == T_NULL)
            return 0;
        /* The key may sit in kbuf, the value in vbuf: both are intact. */
        return map_member(r, &r->frames[r->depth - 1], key.s, key.n, &t);
    }

    /* (An unescaped key in kbuf may be compared up to its own end only.) */
    mid = member_lookup(f, key.s, key.n, f->key_esc ? key.s + key.n : r->end);
    if (mid < 0) {
        char q[96];
        /* An unknown member is S002 at each occurrence; repeating it is
         * not also J003, so a valid JSON document that is not a hyoka/1
         * document gets only S-codes. */
        if (kind == K_ROUNDING)
            diag(r, "S004", kpos, PM_VALUE, "value not allowed: \"%s\" is not a figure name",
                 "許されない値: \"%s\" は数値の名前ではない", excerpt(key.s, key.n, q, sizeof q));
        else
            diag(r, "S002", kpos, PM_VALUE, "unknown member \"%s\"", "未知のメンバー \"%s\"",
                 excerpt(key.s, key.n, q, sizeof q));
        if (r->status)
            return -1;
        return skip_value(r);
    }
    if (f->seen & ((uint64_t)1 << mid))
        return fail_dup(r, kpos, key.s, key.n);
    f->seen |= (uint64_t)1 << mid;
    f->given |= (uint64_t)(*r->p != 'n') << mid; /* (a bad literal stops reading anyway) */

    if (*r->p == '{' || *r->p == '[') {
        t.type = *r->p == '{' ? T_OBJECT : T_ARRAY;
        t.pos = r->p;
        t.consumed = 0;
        t.s = NULL;
        t.n = 0;
        t.has_nul = 0;
        t.num = 0;
        if (on_member(r, f, mid, &t) || r->status)
            return -1;
        if (!t.consumed)
            return skip_value(r);
        return 0;
    }
    if (scan_scalar(r, &t, &r->vbuf))
        return -1;
    if (t.type == T_NULL)
        return 0;
    if (on_member(r, f, mid, &t) || r->status)
        return -1;
    return 0;
}

/* Read one element of the array of the top frame (r->p at it). */
static int read_element(struct rd *r)
{
    struct frame *f = &r->frames[r->depth - 1];
    struct tok t;

    f->count++;
    f->started = 1;
    f->between = 0;
    if (f->kind == A_SKIP)
        return skip_value(r);
    if (*r->p == '{')
        return open_element(r, f);
    if (*r->p == '[') {
        t.type = T_ARRAY;
        t.pos = r->p;
        if (wrong_type(r, &t, T_OBJECT) || r->status)
            return -1;
        return skip_value(r);
    }
    if (scan_scalar(r, &t, NULL))
        return -1;
    if (wrong_type(r, &t, T_OBJECT) || r->status)
        return -1;
    return 0;
}

/* Give back the pages of a mapped file that lie more than a margin behind
 * the cursor, so that reading a large file does not hold the whole text in
 * memory beside the model. The mapping is private and read-only: should any
 * part be read again (a line count, a path found on an error), the kernel
 * reads it back from the file, unchanged. */
#define RELEASE_STEP ((size_t)8 << 20)
#define RELEASE_MARGIN ((size_t)1 << 20)

static void release_behind(struct rd *r)
{
    uintptr_t page, upto;

    if ((size_t)(r->p - r->released) < RELEASE_STEP + RELEASE_MARGIN)
        return;
    page = (uintptr_t)sysconf(_SC_PAGESIZE);
    upto = ((uintptr_t)(r->p - RELEASE_MARGIN)) & ~(page - 1);
    if (upto > (uintptr_t)r->released) {
        (void)madvise((void *)(uintptr_t)r->released, upto - (uintptr_t)r->released, MADV_DONTNEED);
        r->released = (const char *)upto;
    }
}

static int run(struct rd *r)
{
    const char *end = r->end;

    r->p = skip_ws(r->p, end);
    if (r->p >= end)
        return jfail(r, "J001", r->p, "syntax error: the document is empty", "構文エラー: 文書が空");
    if (*r->p == '{') {
        if (push(r, K_ROOT, r->pf, 0))
            return -1;
    } else {
        struct tok t;
        t.type = *r->p == '[' ? T_ARRAY : T_NONE;
        t.pos = r->p;
        if (t.type == T_NONE) {
            if (scan_scalar(r, &t, NULL))
                return -1;
        }
        if (wrong_type(r, &t, T_OBJECT))
            return -1;
        if (t.type == T_ARRAY && push(r, A_SKIP, NULL, 0))
            return -1;
    }
    while (r->depth > 0) {
        struct frame *f = &r->frames[r->depth - 1];
        int arr = is_array_kind(f->kind);
        char close = arr ? ']' : '}';

        if (r->mapped)
            release_behind(r);

        r->p = skip_ws(r->p, end);
        if (r->p >= end)
            return fail_eot(r);
        if (f->started) {
            /* Errors between values are located at the container. */
            f->between = 1;
            if (*r->p == ',') {
                r->p = skip_ws(r->p + 1, end);
                if (r->p >= end)
                    return fail_eot(r);
                if (*r->p == close)
                    return jfail(r, "J001", r->p, "syntax error: trailing comma", "構文エラー: 末尾のカンマ");
            } else if (*r->p != close) {
                return fail_unexpected(r, r->p, arr ? "',' or ']'" : "',' or '}'", arr ? "',' か ']'" : "',' か '}'");
            }
        }
        if (*r->p == close) {
            if (!arr) {
                f->key = NULL;
                if (keys_close(r, f))
                    return -1;
            }
            if (close_frame(r) || r->status)
                return -1;
            r->p++;
            r->depth--;
            continue;
        }
        if (arr ? read_element(r) : read_member(r))
            return -1;
        if (r->status)
            return -1;
    }
    r->p = skip_ws(r->p, end);
    if (r->p < end) {
        if ((unsigned char)*r->p >= 0x80u || *r->p == '/')
            return fail_unexpected(r, r->p, "the end of the text", "テキストの終わり");
        return jfail(r, "J001", r->p, "syntax error: text after the end of the document",
                     "構文エラー: 文書の終わりの後にテキストがある");
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* A walk of the text that tracks the JSON pointer of every value            */

/* Visit callback: return 1 to enter a container, 0 to skip it, -1 to stop. */
typedef int (*walk_fn)(void *ctx, const char *path, size_t len, const char *at);

struct wlevel {
    size_t path_len;
    size_t index;
    int is_array;
    int started;
};

/* Skip a value tolerantly (the text may be invalid); returns the position
 * after it, or NULL when the text ends or cannot be read. */
static const char *walk_skip(const char *p, const char *e)
{
    size_t depth = 0;
    do {
        p = skip_ws(p, e);
        if (p >= e)
            return NULL;
        switch (*p) {
        case '"':
            for (p++; p < e && *p != '"'; p++)
                if (*p == '\\')
                    p++;
            if (p >= e)
                return NULL;
            p++;
            break;
        case '{':
        case '[':
            depth++;
            p++;
            break;
        case '}':
        case ']':
            if (depth == 0)
                return NULL;
            depth--;
            p++;
            break;
        case ',':
        case ':':
            if (depth == 0)
                return NULL;
            p++;
            break;
        default:
            if (!((*p >= '0' && *p <= '9') || *p == '-' || (*p >= 'a' && *p <= 'z')))
                return NULL;
            while (p < e && ((*p >= '0' && *p <= '9') || *p == '-' || *p == '+' || *p == '.' ||
                             (*p >= 'a' && *p <= 'z') || *p == 'E'))
                p++;
            break;
        }
    } while (depth > 0);
    return p;
}

/* Walk the text; HYOKA_OK (also when the text is invalid: the walk stops),
 * HYOKA_ENOMEM. */
static int walk(const char *s, size_t len, walk_fn fn, void *ctx)
{
    const char *e = s + len, *p = s;
    struct buf path = {NULL, 0, 0}, key = {NULL, 0, 0};
    struct wlevel *st = NULL;
    size_t depth = 0, cap = 0;
    int rc = HYOKA_OK, v;

    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    p = skip_ws(p, e);
    if (p >= e)
        goto done;
    if (buf_add(&path, "", 1)) {
        rc = HYOKA_ENOMEM;
        goto done;
    }
    path.n = 0;
    v = fn(ctx, "", 0, p);
    if (v < 0)
        goto done;
    for (;;) {
        /* p is at a value whose path is in `path`; v says whether to enter it. */
        if (p < e && (*p == '{' || *p == '[') && v == 1) {
            if (depth == cap) {
                size_t ncap = cap ? cap * 2 : 16;
                struct wlevel *ns = hyoka__realloc(st, ncap * sizeof *ns);
                if (!ns) {
                    rc = HYOKA_ENOMEM;
                    goto done;
                }
                st = ns;
                cap = ncap;
            }
            st[depth].path_len = path.n;
            st[depth].index = 0;
            st[depth].is_array = *p == '[';
            st[depth].started = 0;
            depth++;
            p++;
        } else {
            p = walk_skip(p, e);
            if (!p)
                goto done;
        }
        /* Find the next value. */
        for (;;) {
            struct wlevel *l;
            if (depth == 0)
                goto done;
            l = &st[depth - 1];
            p = skip_ws(p, e);
            if (p >= e)
                goto done;
            if (*p == (l->is_array ? ']' : '}')) {
                p++;
                depth--;
                path.n = l->path_len;
                continue;
            }
            if (l->started) {
                if (*p != ',')
                    goto done;
                p = skip_ws(p + 1, e);
                if (p >= e)
                    goto done;
            }
            l->started = 1;
            path.n = l->path_len;
            if (l->is_array) {
                if (path_index(&path, l->index++)) {
                    rc = HYOKA_ENOMEM;
                    goto done;
                }
            } else {
                const char *k0;
                int esc = 0;
                if (*p != '"')
                    goto done;
                k0 = ++p;
                while (p < e && *p != '"') {
                    if (*p == '\\') {
                        esc = 1;
                        p++;
                    }
                    p++;
                }
                if (p >= e)
                    goto done;
                key.n = 0;
                if (esc) {
                    /* Unescape only when the key is well formed. */
                    struct rd tmp;
                    struct tok t;
                    memset(&tmp, 0, sizeof tmp);
                    tmp.p = k0 - 1;
                    tmp.end = e;
                    tmp.max_string = SIZE_MAX;
                    if (scan_string(&tmp, &t, &key) != 0) {
                        buf_free(&tmp.kbuf);
                        if (tmp.status == HYOKA_ENOMEM)
                            rc = HYOKA_ENOMEM;
                        goto done;
                    }
                    if (path_token(&path, key.d, key.n)) {
                        rc = HYOKA_ENOMEM;
                        goto done;
                    }
                } else if (path_token(&path, k0, (size_t)(p - k0))) {
                    rc = HYOKA_ENOMEM;
                    goto done;
                }
                p = skip_ws(p + 1, e);
                if (p >= e || *p != ':')
                    goto done;
                p = skip_ws(p + 1, e);
                if (p >= e)
                    goto done;
            }
            if (buf_add(&path, "", 1)) {
                rc = HYOKA_ENOMEM;
                goto done;
            }
            path.n--;
            v = fn(ctx, path.d, path.n, p);
            if (v < 0)
                goto done;
            break;
        }
    }
done:
    buf_free(&path);
    buf_free(&key);
    hyoka__free(st);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* The end of the document: deferred units and amounts                      */

struct late_ctx {
    struct rd *r;
    struct late *items;
    size_t n, i;
};

static int late_visit(void *ctx, const char *path, size_t len, const char *at)
{
    struct late_ctx *c = ctx;
    struct rd *r = c->r;
    size_t off = (size_t)(at - r->base);
    (void)len;

    while (c->i < c->n && c->items[c->i].off < off) {
        c->i++; /* not the start of a value (cannot happen): counted only */
        r->errors++;
    }
    while (c->i < c->n && c->items[c->i].off == off) {
        const struct late *l = &c->items[c->i++];
        char q[96], en[256], ja[256];
        unsigned flags;
        const char *bad;
        size_t n = number_len(at, r->end, &flags, &bad);
        excerpt(at, n, q, sizeof q);
        if (l->what == LATE_FRACTION) {
            snprintf(en, sizeof en,
                     "value not allowed: amount %s has a fraction, but the document's amounts are in yen", q);
            snprintf(ja, sizeof ja, "許されない値: 金額 %s に小数があるが、文書の金額の単位は円", q);
        } else {
            snprintf(en, sizeof en, "number out of range: %s thousand yen does not fit in 64-bit yen", q);
            snprintf(ja, sizeof ja, "数値が範囲外: %s 千円が64ビットの円に収まらない", q);
        }
        if (diag_full(r, l->what == LATE_FRACTION ? "S004" : "J005", HYOKA_SEVERITY_ERROR, at, path, en, ja))
            return -1;
    }
    return c->i < c->n ? 1 : -1;
}

static int late_cmp(const void *a, const void *b)
{
    const struct late *x = a, *y = b;
    return x->off < y->off ? -1 : x->off > y->off;
}

/* Convert the amounts held in thousandths, resolve implied units. */
static int fixup_model(struct rd *r)
{
    hyoka_portfolio *pf = r->pf;
    int yen = pf->amount_unit == HYOKA_UNIT_YEN;
    struct hyoka__vec stack = {NULL, 0, 0};

    for (size_t i = pf->projects.count; i-- > 0;)
        if (hyoka__vec_push(&stack, pf->projects.items[i]) != HYOKA_OK)
            goto oom;
    while (stack.count) {
        hyoka_project *p = stack.items[--stack.count];
        for (size_t i = p->children.count; i-- > 0;)
            if (hyoka__vec_push(&stack, p->children.items[i]) != HYOKA_OK)
                goto oom;
        for (size_t y = 0; y < p->years.count; y++) {
            hyoka_costs *c = p->years.items[y];
            if (r->money_milli && yen) {
                for (int f = HYOKA_COST_INITIAL_BUDGET; f <= HYOKA_COST_INDIRECT; f++)
                    if (c->present & (1u << f))
                        c->value[f] /= 1000;
                for (size_t k = 0; k < c->staff.count; k++) {
                    hyoka_staff *s = c->staff.items[k];
                    for (int f = 0; f < 3; f++)
                        s->amount[f] /= 1000;
                }
            }
            for (int f = 0; f < HYOKA__YEAR_FIGURE_COUNT; f++)
                if ((c->stated_present & (1u << f)) && c->st->unit[f] == UNIT_IMPLIED)
                    c->st->unit[f] = is_money_figure(f) ? (unsigned char)pf->amount_unit
                                        : pf->rounding[f].set ? pf->rounding[f].unit
                                                              : (unsigned char)HYOKA_UNIT_YEN;
        }
    }
    hyoka__vec_release(&stack);
    return 0;
oom:
    hyoka__vec_release(&stack);
    return nomem(r);
}

static int finish(struct rd *r)
{
    int yen = r->pf->amount_unit == HYOKA_UNIT_YEN;

    if (r->money_milli || r->need_fixup) {
        if (fixup_model(r))
            return -1;
    }
    if (!r->money_milli)
        return 0;
    /* Overflowing integers: fine in yen, J005 in thousand_yen. */
    for (size_t i = 0; i < r->nbig; i++) {
        if (yen) {
            *r->bigs[i].slot = r->bigs[i].yen;
        } else {
            if (r->nlate == r->late_cap &&
                hyoka__grow_heap((void **)&r->lates, &r->late_cap, r->nlate, sizeof *r->lates) != HYOKA_OK)
                return nomem(r);
            r->lates[r->nlate].off = r->bigs[i].off;
            r->lates[r->nlate].what = LATE_OVERFLOW;
            r->nlate++;
        }
    }
    if (!yen || r->unit_bad) {
        /* Fractions are fine in thousand_yen. */
        size_t k = 0;
        for (size_t i = 0; i < r->nlate; i++)
            if (r->lates[i].what != LATE_FRACTION)
                r->lates[k++] = r->lates[i];
        r->nlate = k;
    }
    if (r->nlate) {
        struct late_ctx c;
        int overflow = 0;
        qsort(r->lates, r->nlate, sizeof *r->lates, late_cmp);
        for (size_t i = 0; i < r->nlate; i++)
            overflow |= r->lates[i].what == LATE_OVERFLOW;
        c.r = r;
        c.items = r->lates;
        c.n = r->nlate;
        c.i = 0;
        if (r->report) {
            if (walk(r->base, (size_t)(r->end - r->base), late_visit, &c) != HYOKA_OK)
                return nomem(r);
            if (r->status == HYOKA_ENOMEM)
                return -1;
        }
        /* Diagnostics not placed (no report, or limit reached) still count. */
        r->errors += c.n - c.i;
        if (overflow)
            r->status = HYOKA_EINVALID;
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

int hyoka_read_options_init(hyoka_read_options *options)
{
    if (!options)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_read_options_init: options is NULL");
    memset(options, 0, sizeof *options);
    options->size = sizeof *options;
    options->max_depth = 64;
    options->max_document = SIZE_MAX > 0xFFFFFFFFu ? (size_t)((uint64_t)4 << 30) : SIZE_MAX;
    options->max_string = (size_t)1 << 20;
    options->max_number = 256;
    options->max_diagnostics = 1000;
    return HYOKA_OK;
}

static int check_options(const char *fn, const hyoka_read_options *options, hyoka_read_options *out)
{
    if (!options)
        return hyoka_read_options_init(out);
    if (options->size < sizeof *out)
        return hyoka__fail(HYOKA_EINVAL, "%s: options->size is %zu, expected at least %zu (use hyoka_read_options_init)",
                           fn, options->size, sizeof *out);
    *out = *options;
    return HYOKA_OK;
}

static void reader_release(struct rd *r)
{
    buf_free(&r->kbuf);
    buf_free(&r->vbuf);
    buf_free(&r->path);
    buf_free(&r->arena);
    buf_free(&r->tmp);
    hyoka__free(r->frames);
    hyoka__free(r->keys);
    hyoka__free(r->bigs);
    hyoka__free(r->lates);
    hyoka__free(r->band_pos);
    for (int i = 0; i < SET_COUNT_; i++)
        strset_free(&r->sets[i]);
}

static int read_text(const char *text, size_t len, const hyoka_read_options *options, hyoka_portfolio **out,
                     hyoka_report *report, int mapped);

int hyoka_json_read(const char *text, size_t len, const hyoka_read_options *options, hyoka_portfolio **out,
                    hyoka_report *report)
{
    return read_text(text, len, options, out, report, 0);
}

static int read_text(const char *text, size_t len, const hyoka_read_options *options, hyoka_portfolio **out,
                     hyoka_report *report, int mapped)
{
    static const char fn[] = "hyoka_json_read";
    hyoka_read_options opt = {0};
    struct rd *r;
    int rc;

    if (out)
        *out = NULL;
    if (!text || !out)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL", fn, !text ? "text" : "out");
    rc = check_options(fn, options, &opt);
    if (rc != HYOKA_OK)
        return rc;
    if (report)
        report->limit = opt.max_diagnostics;
    if (len == HYOKA_NTS)
        len = strlen(text);
    r = hyoka__calloc(1, sizeof *r);
    if (!r)
        return hyoka__nomem();
    r->base = text;
    r->text = text;
    r->end = text + len;
    r->mapped = mapped;
    r->released = text;
    r->report = report;
    r->max_depth = opt.max_depth;
    r->max_string = opt.max_string;
    r->max_number = opt.max_number;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        r->text += 3;
    r->p = r->text;
    lc_init(&r->lc, r->text, r->end);

    if (len > opt.max_document) {
        jfail(r, "J006", r->text, "document of %zu bytes larger than the limit of %zu bytes",
              "文書の %zu バイトが上限の %zu バイトを超える", len, opt.max_document);
    } else if (hyoka_portfolio_new(&r->pf) != HYOKA_OK) {
        r->status = HYOKA_ENOMEM;
    } else {
        /* The model's records and strings are carved from an arena of the
         * portfolio (the reader's own scratch and the report's entries stay
         * on the heap). Without one, they are allocated one by one. */
        struct hyoka__arena *prev;
        r->pf->arena = hyoka__arena_new();
        prev = hyoka__arena_enter(r->pf->arena);
        if (run(r) == 0 && r->status == HYOKA_OK)
            finish(r);
        hyoka__arena_leave(prev);
    }
    if (r->status == HYOKA_ENOMEM) {
        hyoka_portfolio_free(r->pf);
        reader_release(r);
        hyoka__free(r);
        return hyoka__nomem();
    }
    if (r->status != HYOKA_OK || r->errors > 0) {
        size_t errors = r->errors;
        hyoka_portfolio_free(r->pf);
        reader_release(r);
        hyoka__free(r);
        return hyoka__fail(HYOKA_EINVALID, "%s: the document has %zu error%s (see the report)", fn, errors,
                           errors == 1 ? "" : "s");
    }
    *out = r->pf;
    reader_release(r);
    hyoka__free(r);
    return HYOKA_OK;
}

static int io_fail(const char *what, const char *path, int err)
{
    char msg[256];
    if (strerror_r(err, msg, sizeof msg) != 0)
        snprintf(msg, sizeof msg, "error %d", err);
    return hyoka__fail(HYOKA_EIO, "hyoka_json_read_file: %s \"%s\": %s", what, path, msg);
}

int hyoka_json_read_file(const char *path, const hyoka_read_options *options, hyoka_portfolio **out,
                         hyoka_report *report)
{
    static const char fn[] = "hyoka_json_read_file";
    hyoka_read_options opt = {0};
    struct stat sb;
    FILE *fp;
    char *text = NULL;
    size_t len = 0, cap = 0;
    int rc;

    if (out)
        *out = NULL;
    if (!path || !out)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is NULL", fn, !path ? "path" : "out");
    rc = check_options(fn, options, &opt);
    if (rc != HYOKA_OK)
        return rc;
    fp = fopen(path, "rb");
    if (!fp)
        return io_fail("cannot open", path, errno);
    if (fstat(fileno(fp), &sb) == 0 && S_ISREG(sb.st_mode)) {
        if ((uint64_t)sb.st_size > (uint64_t)opt.max_document) {
            fclose(fp);
            if (report) {
                char en[256], ja[256];
                report->limit = opt.max_diagnostics;
                snprintf(en, sizeof en, "document of %lld bytes larger than the limit of %zu bytes",
                         (long long)sb.st_size, opt.max_document);
                snprintf(ja, sizeof ja, "文書の %lld バイトが上限の %zu バイトを超える", (long long)sb.st_size,
                         opt.max_document);
                if (!(report->limit && report->count >= report->limit)) {
                    if (hyoka__report_add(report, "J006", HYOKA_SEVERITY_ERROR, "", 1, 1, en, ja) != HYOKA_OK)
                        return hyoka__nomem();
                } else {
                    report->dropped++;
                }
            }
            return hyoka__fail(HYOKA_EINVALID, "%s: \"%s\" is larger than the limit of %zu bytes", fn, path,
                               opt.max_document);
        }
        cap = (size_t)sb.st_size + 1;
        if (sb.st_size > 0) {
            /* Map the file rather than copy it; fall back to reading. */
            void *map = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fileno(fp), 0);
            if (map != MAP_FAILED) {
                (void)madvise(map, (size_t)sb.st_size, MADV_SEQUENTIAL);
                fclose(fp);
                rc = read_text(map, (size_t)sb.st_size, &opt, out, report, 1);
                munmap(map, (size_t)sb.st_size);
                return rc;
            }
        }
    }
    for (;;) {
        size_t got;
        if (len == cap || !text) {
            size_t ncap = cap > len ? cap : (cap ? cap * 2 : 65536);
            char *nt;
            if (ncap < cap) {
                hyoka__free(text);
                fclose(fp);
                return hyoka__nomem();
            }
            nt = hyoka__realloc(text, ncap);
            if (!nt) {
                hyoka__free(text);
                fclose(fp);
                return hyoka__nomem();
            }
            text = nt;
            cap = ncap;
        }
        got = fread(text + len, 1, cap - len, fp);
        len += got;
        if (got == 0)
            break;
        if (len > opt.max_document)
            break;
    }
    if (ferror(fp)) {
        int err = errno ? errno : EIO;
        hyoka__free(text);
        fclose(fp);
        return io_fail("cannot read", path, err);
    }
    fclose(fp);
    rc = hyoka_json_read(text, len, &opt, out, report);
    hyoka__free(text);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* hyoka_report_locate                                                       */

struct locate_ctx {
    struct strset set;   /* paths and their ancestors, payload in found[] */
    const char **found;  /* position by set slot index */
};

static int locate_visit(void *ctx, const char *path, size_t len, const char *at)
{
    struct locate_ctx *c = ctx;
    struct sent *e = strset_find(&c->set, path, len);
    if (!e)
        return 0;
    if (!c->found[e - c->set.t])
        c->found[e - c->set.t] = at;
    return 1;
}

struct locpos {
    const char *at;
    size_t index;
};

static int locpos_cmp(const void *a, const void *b)
{
    const struct locpos *x = a, *y = b;
    if (x->at != y->at)
        return x->at < y->at ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

int hyoka_report_locate(hyoka_report *report, const char *json, size_t len)
{
    struct locate_ctx c;
    struct locpos *pos = NULL;
    size_t npos = 0, wanted = 0;
    const char *base, *end;
    struct linecache lc;
    int rc = HYOKA_OK;

    if (!report || !json)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_report_locate: %s is NULL", !report ? "report" : "json");
    if (len == HYOKA_NTS)
        len = strlen(json);
    memset(&c, 0, sizeof c);
    for (size_t i = 0; i < report->count; i++) {
        const struct hyoka__diag *d = &report->items[i];
        size_t n;
        int dup;
        if (d->line != 0 || !d->path)
            continue;
        wanted++;
        n = strlen(d->path);
        /* The path and each of its ancestors ("" included). */
        for (;;) {
            if (strset_add(&c.set, d->path, n, &dup)) {
                rc = hyoka__nomem();
                goto done;
            }
            if (dup || n == 0)
                break;
            while (n > 0 && d->path[n - 1] != '/')
                n--;
            if (n > 0)
                n--;
        }
    }
    if (!wanted)
        goto done;
    c.found = hyoka__calloc(c.set.cap, sizeof *c.found);
    if (!c.found) {
        rc = hyoka__nomem();
        goto done;
    }
    if (walk(json, len, locate_visit, &c) != HYOKA_OK) {
        rc = hyoka__nomem();
        goto done;
    }
    pos = hyoka__malloc(wanted * sizeof *pos);
    if (!pos) {
        rc = hyoka__nomem();
        goto done;
    }
    for (size_t i = 0; i < report->count; i++) {
        const struct hyoka__diag *d = &report->items[i];
        size_t n;
        if (d->line != 0 || !d->path)
            continue;
        n = strlen(d->path);
        for (;;) {
            struct sent *e = strset_find(&c.set, d->path, n);
            if (e && c.found[e - c.set.t]) {
                pos[npos].at = c.found[e - c.set.t];
                pos[npos].index = i;
                npos++;
                break;
            }
            if (n == 0)
                break;
            while (n > 0 && d->path[n - 1] != '/')
                n--;
            if (n > 0)
                n--;
        }
    }
    qsort(pos, npos, sizeof *pos, locpos_cmp);
    base = json;
    end = json + len;
    if (len >= 3 && memcmp(json, "\xEF\xBB\xBF", 3) == 0)
        base += 3;
    lc_init(&lc, base, end);
    for (size_t i = 0; i < npos; i++) {
        struct hyoka__diag *d = &report->items[pos[i].index];
        lc_position(&lc, pos[i].at, &d->line, &d->column);
    }
done:
    hyoka__free(pos);
    hyoka__free(c.found);
    strset_free(&c.set);
    return rc;
}
