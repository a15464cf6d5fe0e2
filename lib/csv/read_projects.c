/* The rows of the projects table and of the tables that refer to a
 * project: classes, extensions, years, staff, indicators, values,
 * evaluations, answers, comments and goals. A row names its project by
 * position ("2.1") and, below it, its item by position (1, 2, 3...), each
 * read before: the years by fiscal year and year_index through the
 * reader's number map, string-list keys through its key set. */
#include "read_internal.h"

#include <string.h>

/* ------------------------------------------------------------------------ */
/* projects                                                                 */

void hyoka__csv_project_row(struct hyoka__csv_reader *r)
{
    const char *s;
    size_t n, count;
    bool found;
    hyoka_project *parent, *p = NULL;
    struct hyoka__vec *siblings;
    char q[HYOKA__EXCERPT_MAX];
    int rc, v;
    int32_t start = 0, end = 0;

    if (hyoka__csv_required(r, PJ_PROJECT, hyoka__csv_get_raw(r, PJ_PROJECT, &s, &n)) < 0 ||
        !hyoka__csv_parse_position(r, PJ_PROJECT, s, n))
        return;
    /* Bounded as the JSON reader bounds it: the hyoka/1 form of what is
     * read here reads back with the default options. */
    if (hyoka__project_nesting(r->ncomps) > HYOKA__DEFAULT_MAX_DEPTH) {
        hyoka__csv_cmsg(r, PJ_PROJECT, HYOKA__MSG(V009), hyoka__excerpt(s, n, q), r->ncomps,
                        (size_t)HYOKA__DEFAULT_MAX_DEPTH);
        return;
    }
    parent = hyoka__csv_walk(r, r->ncomps - 1, &found);
    if (!found) {
        hyoka__csv_cdiag(r, PJ_PROJECT, HYOKA__V006,
                         "the parent of project %s does not exist (a sub-project's row comes after its parent's)",
                         "事業 %s の親事業がない (細事業の行は親事業の行の後に置く)",
                         hyoka__excerpt(s, n, q));
        return;
    }
    siblings = parent ? &parent->children : &r->pf->projects;
    count = siblings->count;
    if (!hyoka__csv_check_seq(r, PJ_PROJECT, "project position", r->comps[r->ncomps - 1], count))
        return;
    hyoka__csv_item_project(r, r->ncomps);
    rc = hyoka_project_new(&p);
    if (rc != HYOKA_OK) {
        hyoka__csv_fatal(&r->log, rc);
        return;
    }
    for (int c = PJ_CODE; c < PJ_COUNT && !r->log.fatal; c++) {
        if (hyoka__csv_project_text_of[c] >= 0) {
            if (hyoka__csv_get_text(r, c, &s, &n) > 0)
                hyoka__csv_set_ok(r, c, hyoka_project_set_text(p, hyoka__csv_project_text_of[c], s, n));
        }
    }
    if (hyoka__csv_get_enum(r, PJ_DUTY, HYOKA_ENUM_DUTY, &v) > 0)
        p->duty = v;
    if (hyoka__csv_get_enum(r, PJ_PERIOD, HYOKA_ENUM_PERIOD, &v) > 0)
        p->period = v;
    if (hyoka__csv_get_year(r, PJ_START, &start) <= 0)
        start = 0;
    if (hyoka__csv_get_year(r, PJ_END, &end) <= 0)
        end = 0;
    hyoka__csv_set_ok(r, PJ_START, hyoka_project_set_period_years(p, start, end));
    if (r->log.fatal) {
        hyoka_project_free(p);
        return;
    }
    rc = parent ? hyoka_project_add_child(parent, p) : hyoka_portfolio_add_project(r->pf, p);
    if (rc != HYOKA_OK) {
        hyoka_project_free(p);
        hyoka__csv_fatal(&r->log,
                         rc == HYOKA_ENOMEM ? rc : hyoka__fail(rc, "hyoka_csv_read_tables: cannot add a project"));
    }
}

/* ------------------------------------------------------------------------ */
/* classes, extensions                                                      */

void hyoka__csv_class_row(struct hyoka__csv_reader *r)
{
    hyoka_project *p = hyoka__csv_get_project(r);
    int kind;
    size_t pos;
    const char *t[3];
    size_t tn[3];
    int has[3];
    static const char *const member[2] = {"/policy/", "/account/"};

    if (!p || hyoka__csv_required(r, CL_PATH, hyoka__csv_get_enum(r, CL_PATH, HYOKA_ENUM_CLASS_KIND, &kind)) < 0 ||
        hyoka__csv_required(r, CL_POSITION, hyoka__csv_get_index(r, CL_POSITION, &pos)) < 0)
        return;
    if (!hyoka__csv_check_seq(r, CL_POSITION, "position", pos, p->cls[kind].count))
        return;
    hyoka__csv_item_cat(r, member[kind]);
    hyoka__csv_item_idx(r, pos - 1);
    for (int i = 0; i < 3; i++)
        has[i] = hyoka__csv_get_text(r, CL_LEVEL + i, &t[i], &tn[i]) > 0;
    hyoka__csv_set_ok(r, CL_LEVEL,
                      hyoka_project_add_class(p, kind, has[0] ? t[0] : NULL, has[0] ? tn[0] : 0, has[1] ? t[1] : NULL,
                                              has[1] ? tn[1] : 0, has[2] ? t[2] : NULL, has[2] ? tn[2] : 0));
}

/* Read a key and a text for a string list (extensions, answers, comments). */
static void kv_row(struct hyoka__csv_reader *r, struct hyoka__kvlist *l, int kc, int vc, const char *what)
{
    const char *k, *v;
    size_t kn, vn;
    char q[HYOKA__EXCERPT_MAX];
    int rc, dup;

    if (!hyoka__csv_required_text(r, kc, &k, &kn))
        return;
    if (kn == 0) {
        hyoka__csv_cdiag(r, kc, HYOKA__V005, "empty %s", "%s が空", what);
        return;
    }
    hyoka__csv_item_token(r, k, kn);
    if (hyoka__strset_get(&r->keys, l, 0, k, kn)) {
        hyoka__csv_cdiag(r, kc, HYOKA__V005, "%s \"%s\" given twice", "%s「%s」が重複", what,
                         hyoka__excerpt(k, kn, q));
        return;
    }
    /* A text that cannot be missing: an empty cell is the empty text. */
    if (hyoka__csv_get_text(r, vc, &v, &vn) <= 0) {
        v = "";
        vn = 0;
    }
    if (hyoka__strset_reserve(&r->keys)) {
        hyoka__csv_fatal(&r->log, hyoka__nomem());
        return;
    }
    /* The set has the list's keys: no search of the list. */
    rc = hyoka__kv_append(l, what, k, kn, v, vn);
    if (hyoka__csv_set_ok(r, vc, rc))
        (void)hyoka__strset_put(&r->keys, l, 0, l->items[l->count - 1].key, kn, l->count - 1, &dup);
}

void hyoka__csv_extension_row(struct hyoka__csv_reader *r)
{
    hyoka_project *p = hyoka__csv_get_project(r);
    if (!p)
        return;
    hyoka__csv_item_cat(r, "/extensions");
    kv_row(r, &p->extensions, EX_KEY, EX_VALUE, "extension key");
}

/* ------------------------------------------------------------------------ */
/* years, staff                                                             */

/* The year_index cell: 1 when empty. */
static bool get_year_index(struct hyoka__csv_reader *r, int ci, size_t *out)
{
    int rc = hyoka__csv_get_index(r, ci, out);
    if (rc == 0)
        *out = 1;
    return rc >= 0;
}

/* The year of a project with fiscal year @p fy and occurrence @p occ
 * (1-based), as the years table recorded it. */
static hyoka_costs *find_year(const struct hyoka__csv_reader *r, const hyoka_project *p, int32_t fy, size_t occ,
                              size_t *index)
{
    size_t k;
    if (!hyoka__csv_imap_get(&r->nums, p, fy, occ, &k))
        return NULL;
    *index = k;
    return p->years.items[k];
}

void hyoka__csv_year_row(struct hyoka__csv_reader *r)
{
    hyoka_project *p = hyoka__csv_get_project(r);
    hyoka_costs *c = NULL;
    int32_t fy;
    size_t yi, occ = 0;
    int v, rc;

    if (!p)
        return;
    hyoka__csv_item_cat(r, "/years/");
    hyoka__csv_item_idx(r, p->years.count);
    if (hyoka__csv_required(r, YR_FY, hyoka__csv_get_year(r, YR_FY, &fy)) < 0 || !get_year_index(r, YR_INDEX, &yi))
        return;
    /* occ: the project's years of this fiscal year so far */
    (void)hyoka__csv_imap_get(&r->nums, p, fy, 0, &occ);
    if (yi != occ + 1) {
        if (yi <= occ)
            hyoka__csv_cdiag(r, YR_FY, HYOKA__V005, "fiscal year %ld (year_index %zu) given twice",
                             "年度 %ld (year_index %zu) が重複", (long)fy, yi);
        else
            hyoka__csv_cdiag(r, YR_INDEX, HYOKA__V005,
                             "year_index %zu is out of sequence: the next year_index of fiscal year %ld is %zu",
                             "year_index %zu の順序が違う: 年度 %ld の次の year_index は %zu", yi, (long)fy, occ + 1);
        return;
    }
    rc = hyoka__csv_imap_reserve(&r->nums, 2);
    if (rc != HYOKA_OK) {
        hyoka__csv_fatal(&r->log, rc);
        return;
    }
    rc = hyoka_project_add_year(p, fy, &c);
    if (!hyoka__csv_set_ok(r, YR_FY, rc))
        return;
    hyoka__csv_imap_put(&r->nums, p, fy, 0, occ + 1);
    hyoka__csv_imap_put(&r->nums, p, fy, occ + 1, p->years.count - 1);
    if (hyoka__csv_get_enum(r, YR_PHASE, HYOKA_ENUM_PHASE, &v) > 0)
        c->phase = v;
    for (int f = 0; f < HYOKA__COST_FIELD_COUNT && !r->log.fatal; f++) {
        int64_t x;
        rc = f < HYOKA_COST_USAGE ? hyoka__csv_get_money(r, YR_COST + f, &x) : hyoka__csv_get_count(r, YR_COST + f, &x);
        if (rc > 0)
            hyoka__csv_set_ok(r, YR_COST + f, hyoka_costs_set(c, f, x));
    }
    for (int f = 0; f < HYOKA__YEAR_FIGURE_COUNT && !r->log.fatal; f++) {
        hyoka_decimal d;
        int unit = hyoka__implied_unit(r->pf, r->pf->amount_unit, f);
        int has = hyoka__csv_get_decimal(r, hyoka__csv_stated_col(f), &d);
        int urc = 0;
        if (f < STATED_WITH_UNIT) {
            urc = hyoka__csv_get_enum(r, hyoka__csv_stated_unit_col(f), HYOKA_ENUM_UNIT, &unit);
            if (urc > 0 && has == 0) {
                hyoka__csv_cdiag(r, hyoka__csv_stated_unit_col(f), HYOKA__V005,
                                 "a unit without a stated figure", "記載値のない単位");
                continue;
            }
        }
        if (has > 0 && urc >= 0)
            hyoka__csv_set_ok(r, hyoka__csv_stated_col(f), hyoka_costs_set_stated(c, f, &d, unit));
    }
}

void hyoka__csv_staff_row(struct hyoka__csv_reader *r)
{
    hyoka_project *p = hyoka__csv_get_project(r);
    hyoka_costs *c;
    hyoka_staff *st = NULL;
    int32_t fy;
    size_t yi, si, k = 0;
    int v, rc;

    if (!p || hyoka__csv_required(r, ST_FY, hyoka__csv_get_year(r, ST_FY, &fy)) < 0 ||
        !get_year_index(r, ST_YEAR_INDEX, &yi) ||
        hyoka__csv_required(r, ST_INDEX, hyoka__csv_get_index(r, ST_INDEX, &si)) < 0)
        return;
    c = find_year(r, p, fy, yi, &k);
    if (!c) {
        hyoka__csv_cdiag(r, ST_FY, HYOKA__V006,
                         "the project has no year %ld (year_index %zu) in years",
                         "事業に年度 %ld (year_index %zu) がない (years 表)", (long)fy, yi);
        return;
    }
    if (!hyoka__csv_check_seq(r, ST_INDEX, "staff_index", si, c->staff.count))
        return;
    hyoka__csv_item_cat(r, "/years/");
    hyoka__csv_item_idx(r, k);
    hyoka__csv_item_cat(r, "/staff/");
    hyoka__csv_item_idx(r, si - 1);
    rc = hyoka__csv_get_enum(r, ST_CATEGORY, HYOKA_ENUM_STAFF_CATEGORY, &v);
    if (!hyoka__csv_set_ok(r, ST_INDEX, hyoka_costs_add_staff(c, rc > 0 ? v : HYOKA_UNSET, &st)))
        return;
    for (int f = HYOKA_STAFF_HEADCOUNT; f <= HYOKA_STAFF_HOURS && !r->log.fatal; f++) {
        hyoka_decimal d;
        if (hyoka__csv_get_decimal(r, ST_HEADCOUNT + f, &d) > 0)
            hyoka__csv_set_ok(r, ST_HEADCOUNT + f, hyoka_staff_set_decimal(st, f, &d));
    }
    for (int f = HYOKA_STAFF_UNIT_COST; f <= HYOKA_STAFF_AMOUNT && !r->log.fatal; f++) {
        int64_t x;
        if (hyoka__csv_get_money(r, ST_HEADCOUNT + f, &x) > 0)
            hyoka__csv_set_ok(r, ST_HEADCOUNT + f, hyoka_staff_set_amount(st, f, x));
    }
}

/* ------------------------------------------------------------------------ */
/* The position in column @p ci of the item a row adds to a list of
 * @p count items (@p what in messages), and the item pointer led on by
 * @p member ("/indicators/") and the item's index. false (reported) when
 * it is not given or not the next one. */
static bool next_item(struct hyoka__csv_reader *r, int ci, const char *what, size_t count, const char *member,
                      size_t *idx)
{
    if (hyoka__csv_required(r, ci, hyoka__csv_get_index(r, ci, idx)) < 0 ||
        !hyoka__csv_check_seq(r, ci, what, *idx, count))
        return false;
    hyoka__csv_item_cat(r, member);
    hyoka__csv_item_idx(r, *idx - 1);
    return true;
}

/* indicators, values                                                       */

void hyoka__csv_indicator_row(struct hyoka__csv_reader *r)
{
    static const int texts[][2] = {
        {IN_NAME, HYOKA_INDICATOR_NAME},
        {IN_UNIT, HYOKA_INDICATOR_UNIT},
        {IN_DEFINITION, HYOKA_INDICATOR_DEFINITION},
        {IN_NOT_SETTABLE_REASON, HYOKA_INDICATOR_NOT_SETTABLE_REASON},
        {IN_LT_NOTE, HYOKA_INDICATOR_LONG_TERM_NOTE},
    };
    hyoka_project *p = hyoka__csv_get_project(r);
    hyoka_indicator *ind = NULL;
    hyoka_decimal lt;
    int32_t lty = 0;
    size_t idx;
    int v, rc, has_lt;

    if (!p || !next_item(r, IN_INDEX, "indicator", p->indicators.count, "/indicators/", &idx))
        return;
    rc = hyoka__csv_get_enum(r, IN_KIND, HYOKA_ENUM_INDICATOR_KIND, &v);
    if (!hyoka__csv_set_ok(r, IN_INDEX, hyoka_project_add_indicator(p, rc > 0 ? v : HYOKA_UNSET, &ind)))
        return;
    for (size_t i = 0; i < COUNT_OF(texts) && !r->log.fatal; i++) {
        const char *s;
        size_t n;
        if (hyoka__csv_get_text(r, texts[i][0], &s, &n) > 0)
            hyoka__csv_set_ok(r, texts[i][0], hyoka_indicator_set_text(ind, texts[i][1], s, n));
    }
    if (hyoka__csv_get_enum(r, IN_DIRECTION, HYOKA_ENUM_DIRECTION, &v) > 0)
        ind->direction = v;
    if (hyoka__csv_get_bool(r, IN_NOT_SETTABLE, &v) > 0)
        ind->not_settable = v;
    has_lt = hyoka__csv_get_decimal(r, IN_LT_VALUE, &lt);
    if (hyoka__csv_get_year(r, IN_LT_FY, &lty) <= 0)
        lty = 0;
    if (has_lt >= 0 && (has_lt > 0 || lty != 0))
        hyoka__csv_set_ok(r, IN_LT_VALUE, hyoka_indicator_set_long_term(ind, has_lt > 0 ? &lt : NULL, lty));
}

static hyoka_indicator *get_indicator(struct hyoka__csv_reader *r, hyoka_project *p, int ci, size_t *idx)
{
    if (hyoka__csv_required(r, ci, hyoka__csv_get_index(r, ci, idx)) < 0)
        return NULL;
    if (*idx > p->indicators.count) {
        hyoka__csv_cdiag(r, ci, HYOKA__V006, "the project has no indicator %zu in indicators",
                         "事業に指標 %zu がない (indicators 表)", *idx);
        return NULL;
    }
    hyoka__csv_item_cat(r, "/indicators/");
    hyoka__csv_item_idx(r, *idx - 1);
    return p->indicators.items[*idx - 1];
}

void hyoka__csv_value_row(struct hyoka__csv_reader *r)
{
    hyoka_project *p = hyoka__csv_get_project(r);
    hyoka_indicator *ind;
    int32_t fy;
    size_t idx, had;
    int rc;

    if (!p || !(ind = get_indicator(r, p, VA_INDICATOR, &idx)))
        return;
    hyoka__csv_item_cat(r, "/values/");
    hyoka__csv_item_idx(r, ind->value_count);
    if (hyoka__csv_required(r, VA_FY, hyoka__csv_get_year(r, VA_FY, &fy)) < 0)
        return;
    /* The indicator's values come from this table only: the map has
     * their fiscal years. */
    if (hyoka__csv_imap_get(&r->nums, ind, fy, 0, &had)) {
        hyoka__csv_cell_problem(r, VA_FY, HYOKA__VAL_YEAR_TWICE);
        return;
    }
    rc = hyoka__csv_imap_reserve(&r->nums, 1);
    if (rc != HYOKA_OK) {
        hyoka__csv_fatal(&r->log, rc);
        return;
    }
    /* Absent: appended without a search, the values set on that entry. */
    if (!hyoka__csv_set_ok(r, VA_FY, hyoka__indicator_append_year(ind, fy)))
        return;
    hyoka__csv_imap_put(&r->nums, ind, fy, 0, ind->value_count - 1);
    for (int f = 0; f < HYOKA__VALUE_FIELD_COUNT && !r->log.fatal; f++) {
        hyoka_decimal d;
        if (hyoka__csv_get_decimal(r, VA_VALUE + f, &d) > 0)
            hyoka__csv_set_ok(r, VA_VALUE + f, hyoka__indicator_set_last_value(ind, f, &d));
    }
}

/* ------------------------------------------------------------------------ */
/* evaluations and their parts                                              */

void hyoka__csv_evaluation_row(struct hyoka__csv_reader *r)
{
    static const int texts[][2] = {
        {EV_SCHEME, HYOKA_EVAL_SCHEME},
        {EV_EVALUATOR, HYOKA_EVAL_EVALUATOR},
        {EV_VERDICT, HYOKA_EVAL_VERDICT},
        {EV_BUDGET, HYOKA_EVAL_BUDGET},
    };
    hyoka_project *p = hyoka__csv_get_project(r);
    hyoka_evaluation *e = NULL;
    size_t idx;
    int v, rc, outcome = HYOKA_UNSET, cost = HYOKA_UNSET;
    int32_t x;

    if (!p || !next_item(r, EV_INDEX, "evaluation", p->evaluations.count, "/evaluations/", &idx))
        return;
    rc = hyoka__csv_get_enum(r, EV_STAGE, HYOKA_ENUM_STAGE, &v);
    if (!hyoka__csv_set_ok(r, EV_INDEX, hyoka_project_add_evaluation(p, rc > 0 ? v : HYOKA_UNSET, &e)))
        return;
    for (size_t i = 0; i < COUNT_OF(texts) && !r->log.fatal; i++) {
        const char *s;
        size_t n;
        if (hyoka__csv_get_text(r, texts[i][0], &s, &n) > 0)
            hyoka__csv_set_ok(r, texts[i][0], hyoka_evaluation_set_text(e, texts[i][1], s, n));
    }
    if (hyoka__csv_get_year(r, EV_FY, &x) > 0)
        hyoka__csv_set_ok(r, EV_FY, hyoka_evaluation_set_fiscal_year(e, x));
    if (hyoka__csv_get_date(r, EV_DATE, &x) > 0)
        hyoka__csv_set_ok(r, EV_DATE, hyoka_evaluation_set_date(e, x));
    if (hyoka__csv_get_enum(r, EV_OUTCOME, HYOKA_ENUM_EXPECTED_OUTCOME, &v) > 0)
        outcome = v;
    if (hyoka__csv_get_enum(r, EV_COST, HYOKA_ENUM_EXPECTED_COST, &v) > 0)
        cost = v;
    hyoka__csv_set_ok(r, EV_OUTCOME, hyoka_evaluation_set_expected(e, outcome, cost));
}

static hyoka_evaluation *get_evaluation(struct hyoka__csv_reader *r, hyoka_project *p, int ci)
{
    size_t idx;
    if (hyoka__csv_required(r, ci, hyoka__csv_get_index(r, ci, &idx)) < 0)
        return NULL;
    if (idx > p->evaluations.count) {
        hyoka__csv_cdiag(r, ci, HYOKA__V006, "the project has no evaluation %zu in evaluations",
                         "事業に評価 %zu がない (evaluations 表)", idx);
        return NULL;
    }
    hyoka__csv_item_cat(r, "/evaluations/");
    hyoka__csv_item_idx(r, idx - 1);
    return p->evaluations.items[idx - 1];
}

void hyoka__csv_answer_row(struct hyoka__csv_reader *r)
{
    hyoka_project *p = hyoka__csv_get_project(r);
    hyoka_evaluation *e = p ? get_evaluation(r, p, KV_EVALUATION) : NULL;
    if (!e)
        return;
    hyoka__csv_item_cat(r, "/scores");
    kv_row(r, &e->answers, KV_KEY, KV_VALUE, "criterion");
}

void hyoka__csv_comment_row(struct hyoka__csv_reader *r)
{
    hyoka_project *p = hyoka__csv_get_project(r);
    hyoka_evaluation *e = p ? get_evaluation(r, p, KV_EVALUATION) : NULL;
    if (!e)
        return;
    hyoka__csv_item_cat(r, "/comments");
    kv_row(r, &e->comments, KV_KEY, KV_VALUE, "comment key");
}

void hyoka__csv_goal_row(struct hyoka__csv_reader *r)
{
    hyoka_project *p = hyoka__csv_get_project(r);
    hyoka_evaluation *e = p ? get_evaluation(r, p, GO_EVALUATION) : NULL;
    const char *w = NULL, *l = NULL;
    size_t wn = 0, ln = 0, idx;
    int32_t by = 0;

    if (!e || !next_item(r, GO_INDEX, "goal", e->goal_count, "/goals/", &idx))
        return;
    if (hyoka__csv_get_text(r, GO_WHAT, &w, &wn) <= 0)
        w = NULL;
    if (hyoka__csv_get_text(r, GO_LEVEL, &l, &ln) <= 0)
        l = NULL;
    if (hyoka__csv_get_date(r, GO_BY, &by) < 0)
        by = 0;
    hyoka__csv_set_ok(r, GO_BY, hyoka_evaluation_add_goal(e, w, wn, l, ln, by));
}
