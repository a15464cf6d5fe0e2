/* scheme: the vocabulary of one evaluation practice (criteria with their
 * options or numeric range, verdicts, budget directions, rating bands and
 * the missing-data rating), and the four built-in schemes.
 *
 * The built-in schemes are static const data: nothing is allocated or
 * initialised at run time, so they may be read from any thread. Every
 * mutator checks the builtin flag before it touches anything and returns
 * HYOKA_ESTATE for them. See docs/schemes.md for their contents. */
#include "lookup.h"
#include "model_build.h"

#include <string.h>

/* ------------------------------------------------------------------------ */
/* Built-in data                                                             */

/* The built-in tables are const; the model's fields are plain pointers.
 * These casts only adapt the types: nothing ever writes through them (every
 * mutator refuses a scheme whose builtin flag is set). */
#define TXT(s) ((char *)(s))
#define ARR(type, a) ((type *)(a))
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* A decimal constant: coefficient × 10^-scale. The private layout of
 * hyoka_decimal is documented in decimal.c (hyoka_private_[0] is the
 * coefficient, hyoka_private_[1] the scale); constant initialisers are the
 * only way to keep the built-ins free of run-time initialisation. The unit
 * tests compare these values with hyoka_decimal_from_int() and
 * hyoka_decimal_from_parts(). */
#define DEC(coef, scale) {{(int64_t)(coef), (int64_t)(scale)}}

#define OPTION(c, l, s) {.code = TXT(c), .label = TXT(l), .has_score = 1, .score = DEC(s, 0)}

#define CATEGORICAL(c, l, w, opts)                                                    \
    {.code = TXT(c), .label = TXT(l), .weight = DEC(w, 0),                            \
     .options = ARR(struct hyoka__option, opts), .option_count = COUNT(opts),         \
     .option_cap = COUNT(opts)}

#define RANGED(c, l, w, req, lo, hi)                                                  \
    {.code = TXT(c), .label = TXT(l), .weight = DEC(w, 0), .required = (req),         \
     .numeric = 1, .has_min = 1, .has_max = 1, .min = DEC(lo, 0), .max = DEC(hi, 0)}

#define VERDICT(c, l, g) {.code = TXT(c), .label = TXT(l), .group = (g)}
#define BUDGET(c, l, k) {.code = TXT(c), .label = TXT(l), .kind = (k)}
#define BAND(coef, scale, c, l) {.min = DEC(coef, scale), .code = TXT(c), .label = TXT(l)}

#define LIST(field, prefix, type, a) \
    .field = ARR(type, a), .prefix##_count = COUNT(a), .prefix##_cap = COUNT(a)

/* jp-standard ------------------------------------------------------------- */

static const struct hyoka__option jp_options[] = {
    OPTION("A", "高い・妥当", 3),
    OPTION("B", "おおむね妥当", 2),
    OPTION("C", "低い・見直しが必要", 1),
    OPTION("3", "高い", 3),
    OPTION("2", "中程度", 2),
    OPTION("1", "低い", 1),
};

static const struct hyoka__criterion jp_criteria[] = {
    CATEGORICAL("relevance", "妥当性", 1, jp_options),
    CATEGORICAL("effectiveness", "有効性", 1, jp_options),
    CATEGORICAL("efficiency", "効率性", 1, jp_options),
    CATEGORICAL("achievement", "達成度", 1, jp_options),
    CATEGORICAL("contribution", "貢献度", 1, jp_options),
};

static const struct hyoka__verdict jp_verdicts[] = {
    VERDICT("expand", "拡充", HYOKA_VERDICT_CONTINUE),
    VERDICT("maintain", "現状維持", HYOKA_VERDICT_CONTINUE),
    VERDICT("improve", "改善・効率化", HYOKA_VERDICT_CONTINUE),
    VERDICT("reduce", "縮小", HYOKA_VERDICT_CONTINUE),
    VERDICT("integrate", "統合", HYOKA_VERDICT_CONTINUE),
    VERDICT("review", "要検討", HYOKA_VERDICT_CONTINUE),
    VERDICT("suspend", "休止", HYOKA_VERDICT_END),
    VERDICT("abolish", "廃止", HYOKA_VERDICT_END),
    VERDICT("complete", "完了", HYOKA_VERDICT_END),
    VERDICT("end", "終了", HYOKA_VERDICT_END),
    VERDICT("other", "その他", HYOKA_VERDICT_CONTINUE),
};

static const struct hyoka__budget jp_budgets[] = {
    BUDGET("status_quo", "現状どおり", HYOKA_BUDGET_SAME),
    BUDGET("increase", "増額", HYOKA_BUDGET_INCREASE),
    BUDGET("decrease", "減額", HYOKA_BUDGET_DECREASE),
    BUDGET("end", "終了", HYOKA_BUDGET_END),
};

static const struct hyoka__band jp_bands[] = {
    BAND(25, 1, "A", "良好"),
    BAND(15, 1, "B", "おおむね良好"),
    BAND(0, 0, "C", "要改善"),
};

/* us-omb-part -------------------------------------------------------------- */

static const struct hyoka__criterion omb_criteria[] = {
    RANGED("purpose", "Program Purpose & Design", 20, 0, 0, 100),
    RANGED("planning", "Strategic Planning", 10, 0, 0, 100),
    RANGED("management", "Program Management", 20, 0, 0, 100),
    RANGED("results", "Program Results/Accountability", 50, 1, 0, 100),
};

static const struct hyoka__band omb_bands[] = {
    BAND(85, 0, "effective", "Effective"),
    BAND(70, 0, "moderately_effective", "Moderately Effective"),
    BAND(50, 0, "adequate", "Adequate"),
    BAND(0, 0, "ineffective", "Ineffective"),
};

/* oecd-dac ----------------------------------------------------------------- */

static const struct hyoka__option dac_options[] = {
    OPTION("4", "Highly satisfactory", 4),
    OPTION("3", "Satisfactory", 3),
    OPTION("2", "Unsatisfactory", 2),
    OPTION("1", "Highly unsatisfactory", 1),
};

static const struct hyoka__criterion dac_criteria[] = {
    CATEGORICAL("relevance", "Relevance", 1, dac_options),
    CATEGORICAL("coherence", "Coherence", 1, dac_options),
    CATEGORICAL("effectiveness", "Effectiveness", 1, dac_options),
    CATEGORICAL("efficiency", "Efficiency", 1, dac_options),
    CATEGORICAL("impact", "Impact", 1, dac_options),
    CATEGORICAL("sustainability", "Sustainability", 1, dac_options),
};

static const struct hyoka__band dac_bands[] = {
    BAND(35, 1, "highly_satisfactory", "Highly satisfactory"),
    BAND(25, 1, "satisfactory", "Satisfactory"),
    BAND(15, 1, "unsatisfactory", "Unsatisfactory"),
    BAND(0, 0, "highly_unsatisfactory", "Highly unsatisfactory"),
};

/* jp-rs-review ------------------------------------------------------------ */

/* The national review sheets (行政事業レビュー): the review team's opinion
 * (行政事業レビュー推進チームの所見) is the verdict, the reflection in the
 * budget request (概算要求における反映状況) the budget direction. */
static const struct hyoka__verdict rs_verdicts[] = {
    VERDICT("status_quo", "現状通り", HYOKA_VERDICT_CONTINUE),
    VERDICT("partial_improvement", "事業内容の一部改善", HYOKA_VERDICT_CONTINUE),
    VERDICT("fundamental_improvement", "事業全体の抜本的な改善", HYOKA_VERDICT_CONTINUE),
    VERDICT("end_as_planned", "終了予定", HYOKA_VERDICT_END),
    VERDICT("abolish", "廃止", HYOKA_VERDICT_END),
};

static const struct hyoka__budget rs_budgets[] = {
    BUDGET("status_quo", "現状通り", HYOKA_BUDGET_SAME),
    BUDGET("execution_improvement", "執行等改善", HYOKA_BUDGET_SAME),
    BUDGET("review_within_year", "年度内に改善を検討", HYOKA_BUDGET_SAME),
    BUDGET("reduction", "縮減", HYOKA_BUDGET_DECREASE),
    BUDGET("end_as_planned", "予定通り終了", HYOKA_BUDGET_END),
    BUDGET("abolish", "廃止", HYOKA_BUDGET_END),
};

/* The schemes ------------------------------------------------------------- */

static const struct hyoka_scheme builtin_jp = {
    .id = TXT(HYOKA__DEFAULT_SCHEME),
    .name = TXT("標準評価"),
    .builtin = 1,
    LIST(criteria, criterion, struct hyoka__criterion, jp_criteria),
    LIST(verdicts, verdict, struct hyoka__verdict, jp_verdicts),
    LIST(budgets, budget, struct hyoka__budget, jp_budgets),
    LIST(bands, band, struct hyoka__band, jp_bands),
};

static const struct hyoka_scheme builtin_omb = {
    .id = TXT("us-omb-part"),
    .name = TXT("OMB PART"),
    .builtin = 1,
    LIST(criteria, criterion, struct hyoka__criterion, omb_criteria),
    LIST(bands, band, struct hyoka__band, omb_bands),
    .missing_code = TXT("results_not_demonstrated"),
    .missing_label = TXT("Results Not Demonstrated"),
};

static const struct hyoka_scheme builtin_dac = {
    .id = TXT("oecd-dac"),
    .name = TXT("OECD DAC"),
    .builtin = 1,
    LIST(criteria, criterion, struct hyoka__criterion, dac_criteria),
    LIST(bands, band, struct hyoka__band, dac_bands),
};

static const struct hyoka_scheme builtin_rs = {
    .id = TXT("jp-rs-review"),
    .name = TXT("行政事業レビュー"),
    .builtin = 1,
    LIST(verdicts, verdict, struct hyoka__verdict, rs_verdicts),
    LIST(budgets, budget, struct hyoka__budget, rs_budgets),
};

static const struct hyoka_scheme *const builtins[] = {
    &builtin_jp,
    &builtin_omb,
    &builtin_dac,
    &builtin_rs,
};

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

static int fail_builtin(const char *func, const hyoka_scheme *s)
{
    return hyoka__fail(HYOKA_ESTATE, "%s: scheme \"%s\" is built in and cannot be changed (copy it first)",
                       func, s->id);
}

/* The common first checks of a mutator. */
static int check_mutable(const char *func, const hyoka_scheme *s)
{
    if (!s)
        return hyoka__fail_null(func, "scheme");
    if (s->builtin)
        return fail_builtin(func, s);
    return HYOKA_OK;
}

/* Check a criterion index (for functions that report ENOTFOUND). */
static int check_criterion(const char *func, const hyoka_scheme *s, size_t index)
{
    if (index >= s->criterion_count)
        return hyoka__fail(HYOKA_ENOTFOUND, "%s: no criterion at index %zu (scheme \"%s\" has %zu)",
                           func, index, s->id, s->criterion_count);
    return HYOKA_OK;
}

/* Validate and copy a code: non-NULL, non-empty, valid text. On success
 * *out owns the copy. */
static int code_dup(const char *func, const char *what, const char *code, size_t len, char **out)
{
    if (!code)
        return hyoka__fail_null(func, what);
    if (hyoka__len(code, len) == 0)
        return hyoka__fail(HYOKA_EINVAL, "%s: %s is empty", func, what);
    return hyoka__text_dup(what, code, len, out);
}

/* Validate and copy a code and an optional label together. On failure
 * nothing is kept. */
static int code_label_dup(const char *func, const char *what, const char *code, size_t code_len,
                          const char *label, size_t label_len, char **code_out, char **label_out)
{
    char *c = NULL, *l = NULL;
    int rc = code_dup(func, what, code, code_len, &c);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka__text_dup("scheme label", label, label_len, &l);
    if (rc != HYOKA_OK) {
        hyoka__free(c);
        return rc;
    }
    *code_out = c;
    *label_out = l;
    return HYOKA_OK;
}

static int fail_exists(const char *func, const char *what, const char *code, const hyoka_scheme *s)
{
    return hyoka__fail(HYOKA_EEXIST, "%s: %s \"%s\" already exists in scheme \"%s\"", func, what, code, s->id);
}

static int fail_not_found(const char *func, const char *what, const hyoka_scheme *s)
{
    return hyoka__fail(HYOKA_ENOTFOUND, "%s: no such %s in scheme \"%s\"", func, what, s->id);
}

/* ------------------------------------------------------------------------ */
/* Coded lists: verdicts and budget directions                               */

/* Verdicts and budget directions are alike: an array of the scheme whose
 * elements hold a code, a label and a value of an enumeration (a verdict's
 * group, a budget direction's kind). A descriptor says where each list is
 * and how messages name it; the functions below serve both. */
struct coded_list {
    const char *noun;          /* "verdict": what messages call an element */
    const char *code_arg;      /* "verdict code": the code argument, in messages */
    const char *value_arg;     /* "group": the value argument, in messages */
    int which;                 /* the value's enumeration (HYOKA_ENUM_*) */
    int value_count;           /* its number of values (HYOKA__*_COUNT) */
    size_t items, count, cap;  /* where the array, its count and capacity are in a scheme */
    size_t size;               /* an element's size */
    size_t code, label, value; /* where they are in an element */
    /* The element with that code (lookup.h), NULL when there is none. */
    const void *(*find)(const hyoka_scheme *s, const char *code, size_t len);
};

static const void *find_verdict(const hyoka_scheme *s, const char *code, size_t len)
{
    return hyoka__find_verdict(s, code, len);
}

static const void *find_budget(const hyoka_scheme *s, const char *code, size_t len)
{
    return hyoka__find_budget(s, code, len);
}

#define CODED_LIST(type, array, prefix, field)                                                         \
    .items = offsetof(struct hyoka_scheme, array), .count = offsetof(struct hyoka_scheme, prefix##_count), \
    .cap = offsetof(struct hyoka_scheme, prefix##_cap), .size = sizeof(type), .code = offsetof(type, code), \
    .label = offsetof(type, label), .value = offsetof(type, field)

static const struct coded_list verdict_list = {
    .noun = "verdict", .code_arg = "verdict code", .value_arg = "group",
    .which = HYOKA_ENUM_VERDICT_GROUP, .value_count = HYOKA__VERDICT_GROUP_COUNT,
    CODED_LIST(struct hyoka__verdict, verdicts, verdict, group), .find = find_verdict,
};

static const struct coded_list budget_list = {
    .noun = "budget direction", .code_arg = "budget direction code", .value_arg = "kind",
    .which = HYOKA_ENUM_BUDGET_KIND, .value_count = HYOKA__BUDGET_KIND_COUNT,
    CODED_LIST(struct hyoka__budget, budgets, budget, kind), .find = find_budget,
};

/* The member at @p offset of @p base (an offsetof(), so it is aligned). */
static void *member(const void *base, size_t offset)
{
    return (char *)base + offset;
}

/* The parts of list @p l of scheme @p s, and of its element @p item. */
static void **coded_items(const struct coded_list *l, const hyoka_scheme *s)
{
    return member(s, l->items);
}

static size_t *coded_count(const struct coded_list *l, const hyoka_scheme *s)
{
    return member(s, l->count);
}

static char *coded_item(const struct coded_list *l, const hyoka_scheme *s, size_t i)
{
    return (char *)*coded_items(l, s) + i * l->size;
}

static char **coded_code(const struct coded_list *l, char *item)
{
    return member(item, l->code);
}

static char **coded_label(const struct coded_list *l, char *item)
{
    return member(item, l->label);
}

static int *coded_value(const struct coded_list *l, char *item)
{
    return member(item, l->value);
}

static void coded_release(const struct coded_list *l, hyoka_scheme *s)
{
    for (size_t i = 0; i < *coded_count(l, s); i++) {
        char *item = coded_item(l, s, i);
        hyoka__free(*coded_code(l, item));
        hyoka__free(*coded_label(l, item));
    }
    hyoka__free(*coded_items(l, s));
}

/* Deep copy of the list of @p src into @p d (zeroed); on failure @p d
 * holds what was copied so far, to be released by the caller. */
static int coded_copy(const struct coded_list *l, const hyoka_scheme *src, hyoka_scheme *d)
{
    size_t n = *coded_count(l, src);

    if (!n)
        return HYOKA_OK;
    *coded_items(l, d) = hyoka__calloc(n, l->size);
    if (!*coded_items(l, d))
        return hyoka__nomem();
    *(size_t *)member(d, l->cap) = n;
    for (size_t i = 0; i < n; i++) {
        char *from = coded_item(l, src, i), *to = coded_item(l, d, i);
        *coded_count(l, d) = i + 1;
        *coded_value(l, to) = *coded_value(l, from);
        if (hyoka__str_copy(*coded_code(l, from), coded_code(l, to)) != HYOKA_OK ||
            hyoka__str_copy(*coded_label(l, from), coded_label(l, to)) != HYOKA_OK)
            return HYOKA_ENOMEM;
    }
    return HYOKA_OK;
}

/* Whether the lists of @p a and @p b, of the same length, are equal. */
static bool coded_equal(const struct coded_list *l, const hyoka_scheme *a, const hyoka_scheme *b)
{
    for (size_t i = 0; i < *coded_count(l, a); i++) {
        char *x = coded_item(l, a, i), *y = coded_item(l, b, i);
        if (!hyoka__str_equal(*coded_code(l, x), *coded_code(l, y)) ||
            !hyoka__str_equal(*coded_label(l, x), *coded_label(l, y)) ||
            *coded_value(l, x) != *coded_value(l, y))
            return false;
    }
    return true;
}

/* The adder @p fn: @p exists 1 or 0 when the caller knows whether the
 * code is taken, -1 to look. */
static int coded_add(const char *fn, const struct coded_list *l, hyoka_scheme *scheme, const char *code,
                     size_t code_len, const char *label, size_t label_len, int value, int exists)
{
    char *c, *lab, *item;
    size_t *count;
    int rc = check_mutable(fn, scheme);

    if (rc != HYOKA_OK)
        return rc;
    if (HYOKA_UNLIKELY((unsigned)value >= (unsigned)l->value_count))
        return hyoka__fail_enum(fn, l->value_arg, value, l->which, false);
    rc = code_label_dup(fn, l->code_arg, code, code_len, label, label_len, &c, &lab);
    if (rc != HYOKA_OK)
        return rc;
    if (exists < 0 ? l->find(scheme, c, HYOKA_NTS) != NULL : exists != 0) {
        rc = fail_exists(fn, l->noun, c, scheme);
        goto fail;
    }
    count = coded_count(l, scheme);
    rc = hyoka__grow(coded_items(l, scheme), member(scheme, l->cap), *count, l->size);
    if (rc != HYOKA_OK)
        goto fail;
    item = coded_item(l, scheme, (*count)++);
    *coded_code(l, item) = c;
    *coded_label(l, item) = lab;
    *coded_value(l, item) = value;
    return HYOKA_OK;
fail:
    hyoka__free(c);
    hyoka__free(lab);
    return rc;
}

/* The getter @p fn of the element at @p index. */
static int coded_at(const char *fn, const struct coded_list *l, const hyoka_scheme *scheme, size_t index,
                    const char **code, const char **label, int *value)
{
    char *item;

    HYOKA__CHECK_NULL_IN(fn, scheme);
    if (index >= *coded_count(l, scheme))
        return hyoka__fail(HYOKA_ENOTFOUND, "%s: no %s at index %zu (scheme \"%s\" has %zu)", fn, l->noun, index,
                           scheme->id, *coded_count(l, scheme));
    item = coded_item(l, scheme, index);
    if (code)
        *code = *coded_code(l, item);
    if (label)
        *label = *coded_label(l, item);
    if (value)
        *value = *coded_value(l, item);
    return HYOKA_OK;
}

/* The finder @p fn of the element with @p code. */
static int coded_find(const char *fn, const struct coded_list *l, const hyoka_scheme *scheme, const char *code,
                      size_t len, size_t *index)
{
    const char *item;

    HYOKA__CHECK_NULL_IN(fn, scheme);
    HYOKA__CHECK_NULL_IN(fn, code);
    item = l->find(scheme, code, len);
    if (!item)
        return fail_not_found(fn, l->noun, scheme);
    if (index)
        *index = (size_t)(item - (const char *)*coded_items(l, scheme)) / l->size;
    return HYOKA_OK;
}

/* ------------------------------------------------------------------------ */
/* Life cycle                                                                */

static void criterion_release(struct hyoka__criterion *c)
{
    hyoka__free(c->code);
    hyoka__free(c->label);
    for (size_t j = 0; j < c->option_count; j++) {
        hyoka__free(c->options[j].code);
        hyoka__free(c->options[j].label);
    }
    hyoka__free(c->options);
}

void hyoka__scheme_destroy(hyoka_scheme *s)
{
    if (!s || s->builtin)
        return;
    for (size_t i = 0; i < s->criterion_count; i++)
        criterion_release(&s->criteria[i]);
    hyoka__free(s->criteria);
    coded_release(&verdict_list, s);
    coded_release(&budget_list, s);
    for (size_t i = 0; i < s->band_count; i++) {
        hyoka__free(s->bands[i].code);
        hyoka__free(s->bands[i].label);
    }
    hyoka__free(s->bands);
    hyoka__free(s->missing_code);
    hyoka__free(s->missing_label);
    hyoka__free(s->id);
    hyoka__free(s->name);
    hyoka__free(s);
}

int hyoka_scheme_new(hyoka_scheme **out, const char *id, size_t len)
{
    hyoka_scheme *s;
    char *copy = NULL;
    int rc;

    HYOKA__CHECK_NULL(out);
    rc = code_dup("hyoka_scheme_new", "scheme id", id, len, &copy);
    if (rc != HYOKA_OK)
        return rc;
    s = hyoka__calloc(1, sizeof *s);
    if (!s) {
        hyoka__free(copy);
        return hyoka__nomem();
    }
    s->id = copy;
    *out = s;
    return HYOKA_OK;
}

void hyoka_scheme_free(hyoka_scheme *scheme)
{
    if (!scheme || scheme->builtin)
        return;
    if (scheme->owned) {
        (void)hyoka__fail(HYOKA_ESTATE,
                          "hyoka_scheme_free: scheme \"%s\" belongs to a portfolio and is freed with it",
                          scheme->id);
        return;
    }
    hyoka__scheme_destroy(scheme);
}

/* Deep copy of one criterion into *dst (zeroed by the caller). On failure
 * *dst holds what was copied so far, to be released by the caller. */
static int criterion_copy(const struct hyoka__criterion *src, struct hyoka__criterion *dst)
{
    *dst = *src;
    dst->code = NULL;
    dst->label = NULL;
    dst->options = NULL;
    dst->option_count = 0;
    dst->option_cap = 0;
    if (hyoka__str_copy(src->code, &dst->code) != HYOKA_OK ||
        hyoka__str_copy(src->label, &dst->label) != HYOKA_OK)
        return HYOKA_ENOMEM;
    if (src->option_count) {
        dst->options = hyoka__calloc(src->option_count, sizeof *dst->options);
        if (!dst->options)
            return hyoka__nomem();
        dst->option_cap = src->option_count;
        for (size_t j = 0; j < src->option_count; j++) {
            struct hyoka__option *o = &dst->options[j];
            dst->option_count = j + 1;
            o->has_score = src->options[j].has_score;
            o->score = src->options[j].score;
            if (hyoka__str_copy(src->options[j].code, &o->code) != HYOKA_OK ||
                hyoka__str_copy(src->options[j].label, &o->label) != HYOKA_OK)
                return HYOKA_ENOMEM;
        }
    }
    return HYOKA_OK;
}

/* Allocate a zeroed array of @p count (> 0) elements. */
#define ALLOC_ARRAY(items, count)                                   \
    do {                                                            \
        (items) = hyoka__calloc((count), sizeof *(items));          \
        if (!(items))                                               \
            return hyoka__nomem();                                  \
    } while (0)

static int scheme_copy(const hyoka_scheme *src, hyoka_scheme *d)
{
    if (hyoka__str_copy(src->id, &d->id) != HYOKA_OK || hyoka__str_copy(src->name, &d->name) != HYOKA_OK ||
        hyoka__str_copy(src->missing_code, &d->missing_code) != HYOKA_OK ||
        hyoka__str_copy(src->missing_label, &d->missing_label) != HYOKA_OK)
        return HYOKA_ENOMEM;

    if (src->criterion_count) {
        ALLOC_ARRAY(d->criteria, src->criterion_count);
        d->criterion_cap = src->criterion_count;
        for (size_t i = 0; i < src->criterion_count; i++) {
            int rc;
            d->criterion_count = i + 1;
            rc = criterion_copy(&src->criteria[i], &d->criteria[i]);
            if (rc != HYOKA_OK)
                return rc;
        }
    }

    if (coded_copy(&verdict_list, src, d) != HYOKA_OK || coded_copy(&budget_list, src, d) != HYOKA_OK)
        return HYOKA_ENOMEM;

    if (src->band_count) {
        ALLOC_ARRAY(d->bands, src->band_count);
        d->band_cap = src->band_count;
        for (size_t i = 0; i < src->band_count; i++) {
            d->band_count = i + 1;
            d->bands[i].min = src->bands[i].min;
            if (hyoka__str_copy(src->bands[i].code, &d->bands[i].code) != HYOKA_OK ||
                hyoka__str_copy(src->bands[i].label, &d->bands[i].label) != HYOKA_OK)
                return HYOKA_ENOMEM;
        }
    }
    return HYOKA_OK;
}

int hyoka_scheme_copy(const hyoka_scheme *scheme, hyoka_scheme **out)
{
    hyoka_scheme *d;
    int rc;

    HYOKA__CHECK_NULL(scheme);
    HYOKA__CHECK_NULL(out);
    d = hyoka__calloc(1, sizeof *d);
    if (!d)
        return hyoka__nomem();
    rc = scheme_copy(scheme, d);
    if (rc != HYOKA_OK) {
        hyoka__scheme_destroy(d); /* builtin and owned are 0 */
        return rc;
    }
    *out = d;
    return HYOKA_OK;
}

static int criterion_equal(const struct hyoka__criterion *a, const struct hyoka__criterion *b)
{
    if (!hyoka__str_equal(a->code, b->code) || !hyoka__str_equal(a->label, b->label) ||
        !hyoka_decimal_identical(&a->weight, &b->weight) || !a->required != !b->required ||
        !a->numeric != !b->numeric || !a->has_min != !b->has_min || !a->has_max != !b->has_max)
        return 0;
    if (a->has_min && !hyoka_decimal_identical(&a->min, &b->min))
        return 0;
    if (a->has_max && !hyoka_decimal_identical(&a->max, &b->max))
        return 0;
    if (a->option_count != b->option_count)
        return 0;
    for (size_t j = 0; j < a->option_count; j++) {
        const struct hyoka__option *x = &a->options[j], *y = &b->options[j];
        if (!hyoka__str_equal(x->code, y->code) || !hyoka__str_equal(x->label, y->label) ||
            !x->has_score != !y->has_score)
            return 0;
        if (x->has_score && !hyoka_decimal_identical(&x->score, &y->score))
            return 0;
    }
    return 1;
}

int hyoka_scheme_equal(const hyoka_scheme *a, const hyoka_scheme *b)
{
    if (a == b)
        return 1;
    if (!a || !b)
        return 0;
    if (!hyoka__str_equal(a->id, b->id) || !hyoka__str_equal(a->name, b->name) ||
        !hyoka__str_equal(a->missing_code, b->missing_code) ||
        !hyoka__str_equal(a->missing_label, b->missing_label))
        return 0;
    if (a->criterion_count != b->criterion_count || a->verdict_count != b->verdict_count ||
        a->budget_count != b->budget_count || a->band_count != b->band_count)
        return 0;
    for (size_t i = 0; i < a->criterion_count; i++)
        if (!criterion_equal(&a->criteria[i], &b->criteria[i]))
            return 0;
    if (!coded_equal(&verdict_list, a, b) || !coded_equal(&budget_list, a, b))
        return 0;
    for (size_t i = 0; i < a->band_count; i++)
        if (!hyoka__str_equal(a->bands[i].code, b->bands[i].code) ||
            !hyoka__str_equal(a->bands[i].label, b->bands[i].label) ||
            !hyoka_decimal_identical(&a->bands[i].min, &b->bands[i].min))
            return 0;
    return 1;
}

/* ------------------------------------------------------------------------ */
/* Built-ins                                                                 */

const hyoka_scheme *hyoka_scheme_builtin(const char *id, size_t len)
{
    if (!id)
        return NULL;
    for (size_t i = 0; i < COUNT(builtins); i++)
        if (hyoka__str_eq_n(builtins[i]->id, id, len))
            return builtins[i];
    return NULL;
}

size_t hyoka_scheme_builtin_count(void)
{
    return COUNT(builtins);
}

const hyoka_scheme *hyoka_scheme_builtin_at(size_t index)
{
    return index < COUNT(builtins) ? builtins[index] : NULL;
}

int hyoka_scheme_is_builtin(const hyoka_scheme *scheme)
{
    return scheme && scheme->builtin ? 1 : 0;
}

/* ------------------------------------------------------------------------ */
/* Identity                                                                  */

const char *hyoka_scheme_id(const hyoka_scheme *scheme)
{
    return scheme ? scheme->id : NULL;
}

const char *hyoka_scheme_name(const hyoka_scheme *scheme)
{
    return scheme ? scheme->name : NULL;
}

int hyoka_scheme_set_name(hyoka_scheme *scheme, const char *name, size_t len)
{
    int rc = check_mutable("hyoka_scheme_set_name", scheme);
    if (rc != HYOKA_OK)
        return rc;
    return hyoka__text_set(&scheme->name, "scheme name", name, len);
}

/* ------------------------------------------------------------------------ */
/* Criteria                                                                  */

/* @p exists: 1 or 0 when the caller knows whether the code is taken, -1
 * to look. */
static int add_criterion(hyoka_scheme *scheme, const char *code, size_t code_len, const char *label,
                         size_t label_len, const hyoka_decimal *weight, size_t *index, int exists)
{
    static const char func[] = "hyoka_scheme_add_criterion";
    struct hyoka__criterion c;
    int rc = check_mutable(func, scheme);

    if (rc != HYOKA_OK)
        return rc;
    memset(&c, 0, sizeof c);
    if (weight) {
        rc = hyoka__check_decimal(func, "weight", weight);
        if (rc != HYOKA_OK)
            return rc;
        if (hyoka_decimal_sign(weight) < 0)
            return hyoka__fail(HYOKA_EINVAL, "%s: weight is negative", func);
        c.weight = *weight;
    } else {
        c.weight = hyoka_decimal_from_int(1);
    }
    rc = code_label_dup(func, "criterion code", code, code_len, label, label_len, &c.code, &c.label);
    if (rc != HYOKA_OK)
        return rc;
    if (exists < 0 ? hyoka__find_criterion(scheme, c.code, HYOKA_NTS) != NULL : exists != 0) {
        rc = fail_exists(func, "criterion", c.code, scheme);
        goto fail;
    }
    rc = hyoka__grow((void **)&scheme->criteria, &scheme->criterion_cap, scheme->criterion_count,
                     sizeof *scheme->criteria);
    if (rc != HYOKA_OK)
        goto fail;
    scheme->criteria[scheme->criterion_count] = c;
    if (index)
        *index = scheme->criterion_count;
    scheme->criterion_count++;
    return HYOKA_OK;
fail:
    hyoka__free(c.code);
    hyoka__free(c.label);
    return rc;
}

int hyoka_scheme_add_criterion(hyoka_scheme *scheme, const char *code, size_t code_len,
                               const char *label, size_t label_len,
                               const hyoka_decimal *weight, size_t *index)
{
    return add_criterion(scheme, code, code_len, label, label_len, weight, index, -1);
}

int hyoka__scheme_add_criterion(hyoka_scheme *scheme, const char *code, size_t code_len, const char *label,
                                size_t label_len, const hyoka_decimal *weight, size_t *index, int exists)
{
    return add_criterion(scheme, code, code_len, label, label_len, weight, index, exists);
}

size_t hyoka_scheme_criterion_count(const hyoka_scheme *scheme)
{
    return scheme ? scheme->criterion_count : 0;
}

int hyoka_scheme_criterion_at(const hyoka_scheme *scheme, size_t index,
                              const char **code, const char **label, hyoka_decimal *weight)
{
    const struct hyoka__criterion *c;
    int rc;

    HYOKA__CHECK_NULL(scheme);
    rc = check_criterion(__func__, scheme, index);
    if (rc != HYOKA_OK)
        return rc;
    c = &scheme->criteria[index];
    if (code)
        *code = c->code;
    if (label)
        *label = c->label;
    if (weight)
        *weight = c->weight;
    return HYOKA_OK;
}

int hyoka_scheme_find_criterion(const hyoka_scheme *scheme, const char *code, size_t len, size_t *index)
{
    const struct hyoka__criterion *c;

    HYOKA__CHECK_NULL(scheme);
    HYOKA__CHECK_NULL(code);
    c = hyoka__find_criterion(scheme, code, len);
    if (!c)
        return fail_not_found(__func__, "criterion", scheme);
    if (index)
        *index = (size_t)(c - scheme->criteria);
    return HYOKA_OK;
}

int hyoka_scheme_set_required(hyoka_scheme *scheme, size_t criterion, int required)
{
    int rc = check_mutable(__func__, scheme);
    if (rc != HYOKA_OK)
        return rc;
    rc = check_criterion(__func__, scheme, criterion);
    if (rc != HYOKA_OK)
        return rc;
    scheme->criteria[criterion].required = required ? 1 : 0;
    return HYOKA_OK;
}

int hyoka_scheme_required(const hyoka_scheme *scheme, size_t criterion)
{
    if (!scheme || criterion >= scheme->criterion_count)
        return 0;
    return scheme->criteria[criterion].required ? 1 : 0;
}

/* ------------------------------------------------------------------------ */
/* Options and ranges                                                        */

static int add_option(hyoka_scheme *scheme, size_t criterion, const char *code, size_t code_len, const char *label,
                      size_t label_len, const hyoka_decimal *score, int exists)
{
    static const char func[] = "hyoka_scheme_add_option";
    struct hyoka__criterion *c;
    struct hyoka__option o;
    int rc = check_mutable(func, scheme);

    if (rc != HYOKA_OK)
        return rc;
    rc = check_criterion(func, scheme, criterion);
    if (rc != HYOKA_OK)
        return rc;
    c = &scheme->criteria[criterion];
    if (c->numeric)
        return hyoka__fail(HYOKA_ESTATE, "%s: criterion \"%s\" is numeric (it has a range) and takes no options",
                           func, c->code);
    memset(&o, 0, sizeof o);
    if (score) {
        rc = hyoka__check_decimal(func, "score", score);
        if (rc != HYOKA_OK)
            return rc;
        o.has_score = 1;
        o.score = *score;
    }
    rc = code_label_dup(func, "option code", code, code_len, label, label_len, &o.code, &o.label);
    if (rc != HYOKA_OK)
        return rc;
    if (exists < 0 ? hyoka__find_option(c, o.code, HYOKA_NTS) != NULL : exists != 0) {
        rc = hyoka__fail(HYOKA_EEXIST, "%s: option \"%s\" already exists in criterion \"%s\"", func, o.code,
                         c->code);
        goto fail;
    }
    rc = hyoka__grow((void **)&c->options, &c->option_cap, c->option_count, sizeof *c->options);
    if (rc != HYOKA_OK)
        goto fail;
    c->options[c->option_count++] = o;
    return HYOKA_OK;
fail:
    hyoka__free(o.code);
    hyoka__free(o.label);
    return rc;
}

int hyoka_scheme_add_option(hyoka_scheme *scheme, size_t criterion,
                            const char *code, size_t code_len,
                            const char *label, size_t label_len,
                            const hyoka_decimal *score)
{
    return add_option(scheme, criterion, code, code_len, label, label_len, score, -1);
}

int hyoka__scheme_add_option(hyoka_scheme *scheme, size_t criterion, const char *code, size_t code_len,
                             const char *label, size_t label_len, const hyoka_decimal *score, int exists)
{
    return add_option(scheme, criterion, code, code_len, label, label_len, score, exists);
}

size_t hyoka_scheme_option_count(const hyoka_scheme *scheme, size_t criterion)
{
    if (!scheme || criterion >= scheme->criterion_count)
        return 0;
    return scheme->criteria[criterion].option_count;
}

int hyoka_scheme_option_at(const hyoka_scheme *scheme, size_t criterion, size_t option,
                           const char **code, const char **label,
                           hyoka_decimal *score, int *has_score)
{
    const struct hyoka__criterion *c;
    const struct hyoka__option *o;
    int rc;

    HYOKA__CHECK_NULL(scheme);
    rc = check_criterion(__func__, scheme, criterion);
    if (rc != HYOKA_OK)
        return rc;
    c = &scheme->criteria[criterion];
    if (option >= c->option_count)
        return hyoka__fail(HYOKA_ENOTFOUND, "%s: criterion \"%s\" has no option at index %zu (it has %zu)",
                           __func__, c->code, option, c->option_count);
    o = &c->options[option];
    if (code)
        *code = o->code;
    if (label)
        *label = o->label;
    if (has_score)
        *has_score = o->has_score ? 1 : 0;
    if (score && o->has_score)
        *score = o->score;
    return HYOKA_OK;
}

int hyoka_scheme_set_range(hyoka_scheme *scheme, size_t criterion,
                           const hyoka_decimal *min, const hyoka_decimal *max)
{
    struct hyoka__criterion *c;
    int rc = check_mutable(__func__, scheme);

    if (rc != HYOKA_OK)
        return rc;
    rc = check_criterion(__func__, scheme, criterion);
    if (rc != HYOKA_OK)
        return rc;
    c = &scheme->criteria[criterion];
    if (c->option_count)
        return hyoka__fail(HYOKA_ESTATE, "%s: criterion \"%s\" has options and cannot be numeric", __func__, c->code);
    if (min && (rc = hyoka__check_decimal(__func__, "min", min)) != HYOKA_OK)
        return rc;
    if (max && (rc = hyoka__check_decimal(__func__, "max", max)) != HYOKA_OK)
        return rc;
    if (min && max && hyoka_decimal_cmp(min, max) > 0)
        return hyoka__fail(HYOKA_EINVAL, "%s: min is greater than max for criterion \"%s\"", __func__, c->code);
    c->numeric = 1;
    c->has_min = min != NULL;
    c->has_max = max != NULL;
    c->min = min ? *min : hyoka_decimal_from_int(0);
    c->max = max ? *max : hyoka_decimal_from_int(0);
    return HYOKA_OK;
}

int hyoka_scheme_range(const hyoka_scheme *scheme, size_t criterion,
                       hyoka_decimal *min, int *has_min, hyoka_decimal *max, int *has_max)
{
    const struct hyoka__criterion *c;

    HYOKA__CHECK_NULL(scheme);
    if (criterion >= scheme->criterion_count)
        return hyoka__fail(HYOKA_EINVAL, "%s: no criterion at index %zu (scheme \"%s\" has %zu)",
                           __func__, criterion, scheme->id, scheme->criterion_count);
    c = &scheme->criteria[criterion];
    if (has_min)
        *has_min = c->numeric && c->has_min;
    if (has_max)
        *has_max = c->numeric && c->has_max;
    if (min && c->numeric && c->has_min)
        *min = c->min;
    if (max && c->numeric && c->has_max)
        *max = c->max;
    return c->numeric ? 1 : 0;
}

/* ------------------------------------------------------------------------ */
/* Verdicts and budget directions                                            */

/* The public adder, count, getter and finder of a coded list and the
 * readers' adder (@p exists as coded_add() takes it), forwarders to the
 * coded_*() functions above: @p name is the list's (verdict_list...), @p value
 * the name of its value's parameter. Messages name the public adder. */
#define CODED_LIST_FUNCTIONS(name, value)                                                                    \
    int hyoka_scheme_add_##name(hyoka_scheme *scheme, const char *code, size_t code_len, const char *label,    \
                                size_t label_len, int value)                                                 \
    {                                                                                                        \
        return coded_add("hyoka_scheme_add_" #name, &name##_list, scheme, code, code_len, label, label_len,     \
                         value, -1);                                                                         \
    }                                                                                                        \
    int hyoka__scheme_add_##name(hyoka_scheme *scheme, const char *code, size_t code_len, const char *label,   \
                                 size_t label_len, int value, int exists)                                    \
    {                                                                                                        \
        return coded_add("hyoka_scheme_add_" #name, &name##_list, scheme, code, code_len, label, label_len,     \
                         value, exists);                                                                     \
    }                                                                                                        \
    size_t hyoka_scheme_##name##_count(const hyoka_scheme *scheme)                                           \
    {                                                                                                        \
        return scheme ? scheme->name##_count : 0;                                                            \
    }                                                                                                        \
    int hyoka_scheme_##name##_at(const hyoka_scheme *scheme, size_t index, const char **code, const char **label, \
                                 int *value)                                                                 \
    {                                                                                                        \
        return coded_at(__func__, &name##_list, scheme, index, code, label, value);                         \
    }                                                                                                        \
    int hyoka_scheme_find_##name(const hyoka_scheme *scheme, const char *code, size_t len, size_t *index)    \
    {                                                                                                        \
        return coded_find(__func__, &name##_list, scheme, code, len, index);                                 \
    }

/* hyoka_scheme_add_verdict(), hyoka__scheme_add_verdict(), hyoka_scheme_verdict_count(),
 * hyoka_scheme_verdict_at(), hyoka_scheme_find_verdict(). */
CODED_LIST_FUNCTIONS(verdict, group)
/* hyoka_scheme_add_budget(), hyoka__scheme_add_budget(), hyoka_scheme_budget_count(),
 * hyoka_scheme_budget_at(), hyoka_scheme_find_budget(). */
CODED_LIST_FUNCTIONS(budget, kind)

/* ------------------------------------------------------------------------ */
/* Rating                                                                    */

/* The first band whose min is at most @p min (bands sorted by min,
 * highest first, no two alike). */
static size_t band_position(const hyoka_scheme *s, const hyoka_decimal *min)
{
    size_t lo = 0, hi = s->band_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (hyoka_decimal_cmp(&s->bands[mid].min, min) > 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* @p known: whether the caller says which band has the code (@p code_min:
 * that band's min, NULL for none) instead of a search of the bands. */
static int add_band(hyoka_scheme *scheme, const hyoka_decimal *min, const char *code, size_t code_len,
                    const char *label, size_t label_len, bool known, const hyoka_decimal *code_min, size_t *index)
{
    static const char func[] = "hyoka_scheme_add_band";
    struct hyoka__band b;
    size_t at;
    int rc = check_mutable(func, scheme);

    if (rc != HYOKA_OK)
        return rc;
    HYOKA__CHECK_NULL_IN(func, min);
    rc = hyoka__check_decimal(func, "min", min);
    if (rc != HYOKA_OK)
        return rc;
    b.min = *min;
    rc = code_label_dup(func, "band code", code, code_len, label, label_len, &b.code, &b.label);
    if (rc != HYOKA_OK)
        return rc;
    /* Bands are sorted by min, highest first: insert before the first band
     * whose min is lower. */
    at = scheme->band_count;
    if (known) {
        /* What the search below finds first: the band with the code, or
         * one with that min (the same band: the code first). */
        size_t code_at = code_min ? band_position(scheme, code_min) : SIZE_MAX;
        at = band_position(scheme, min);
        if (at < scheme->band_count && hyoka_decimal_cmp(&scheme->bands[at].min, min) == 0 && at < code_at) {
            rc = hyoka__fail(HYOKA_EEXIST, "%s: band \"%s\" of scheme \"%s\" already starts at that minimum",
                             func, scheme->bands[at].code, scheme->id);
            goto fail;
        }
        if (code_at != SIZE_MAX) {
            rc = fail_exists(func, "band", b.code, scheme);
            goto fail;
        }
    }
    for (size_t i = 0; !known && i < scheme->band_count; i++) {
        int c = hyoka_decimal_cmp(&scheme->bands[i].min, min);
        if (hyoka__str_equal(scheme->bands[i].code, b.code)) {
            rc = fail_exists(func, "band", b.code, scheme);
            goto fail;
        }
        if (c == 0) {
            rc = hyoka__fail(HYOKA_EEXIST, "%s: band \"%s\" of scheme \"%s\" already starts at that minimum",
                             func, scheme->bands[i].code, scheme->id);
            goto fail;
        }
        if (c < 0 && at == scheme->band_count)
            at = i;
    }
    rc = hyoka__grow((void **)&scheme->bands, &scheme->band_cap, scheme->band_count, sizeof *scheme->bands);
    if (rc != HYOKA_OK)
        goto fail;
    memmove(scheme->bands + at + 1, scheme->bands + at, (scheme->band_count - at) * sizeof *scheme->bands);
    scheme->bands[at] = b;
    scheme->band_count++;
    if (index)
        *index = at;
    return HYOKA_OK;
fail:
    hyoka__free(b.code);
    hyoka__free(b.label);
    return rc;
}

int hyoka_scheme_add_band(hyoka_scheme *scheme, const hyoka_decimal *min,
                          const char *code, size_t code_len,
                          const char *label, size_t label_len)
{
    return add_band(scheme, min, code, code_len, label, label_len, false, NULL, NULL);
}

int hyoka__scheme_add_band(hyoka_scheme *scheme, const hyoka_decimal *min, const char *code, size_t code_len,
                           const char *label, size_t label_len, const hyoka_decimal *code_min, size_t *index)
{
    return add_band(scheme, min, code, code_len, label, label_len, true, code_min, index);
}

size_t hyoka_scheme_band_count(const hyoka_scheme *scheme)
{
    return scheme ? scheme->band_count : 0;
}

int hyoka_scheme_band_at(const hyoka_scheme *scheme, size_t index,
                         hyoka_decimal *min, const char **code, const char **label)
{
    const struct hyoka__band *b;

    HYOKA__CHECK_NULL(scheme);
    if (index >= scheme->band_count)
        return hyoka__fail(HYOKA_ENOTFOUND, "%s: no band at index %zu (scheme \"%s\" has %zu)",
                           __func__, index, scheme->id, scheme->band_count);
    b = &scheme->bands[index];
    if (min)
        *min = b->min;
    if (code)
        *code = b->code;
    if (label)
        *label = b->label;
    return HYOKA_OK;
}

int hyoka_scheme_set_missing_rating(hyoka_scheme *scheme, const char *code, size_t code_len,
                                    const char *label, size_t label_len)
{
    char *c = NULL, *l = NULL;
    int rc = check_mutable(__func__, scheme);

    if (rc != HYOKA_OK)
        return rc;
    if (code) {
        rc = code_label_dup(__func__, "missing rating code", code, code_len, label, label_len, &c, &l);
        if (rc != HYOKA_OK)
            return rc;
    }
    /* A NULL code removes the rating; the label goes with it. */
    hyoka__free(scheme->missing_code);
    hyoka__free(scheme->missing_label);
    scheme->missing_code = c;
    scheme->missing_label = l;
    return HYOKA_OK;
}

int hyoka_scheme_missing_rating(const hyoka_scheme *scheme, const char **code, const char **label)
{
    HYOKA__CHECK_NULL(scheme);
    if (code)
        *code = scheme->missing_code;
    if (label)
        *label = scheme->missing_label;
    return scheme->missing_code ? 1 : 0;
}
