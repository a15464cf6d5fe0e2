/* The rows of RS table 3-1 (the logic model): one row per activity
 * (アクティビティ), four per output or outcome (1.目標年度, 2.目標値,
 * 3.実績値, 4.達成率), the values in the columns of their fiscal years. A
 * node is an indicator of the project, known by its kind, number and term
 * (the same number may come with two terms); its columns are repeated on
 * each of its rows, and a row whose label follows the row above's belongs
 * to the same node. The target year is the year column holding 1 on the
 * 1.目標年度 row. */
#include "rs_internal.h"

#include <string.h>

/* Whether @p ind is the node the key columns (number, kind, term) of the
 * row name. */
static bool is_node(const struct hyoka__rs_reader *r, const hyoka_indicator *ind)
{
    for (size_t c = 0; c < r->t->ncols; c++) {
        const struct hyoka__rs_col *col = &r->t->cols[c];
        struct hyoka__rs_cell have;
        const char *s;
        size_t n;
        if (col->target != RS_T_GOAL || (col->sub != RS_G_NUMBER && col->sub != RS_G_KIND && col->sub != RS_G_TERM))
            continue;
        hyoka__rs_get(r, (int)c, &s, &n);
        hyoka__rs_goal_cell(ind, col, &have);
        if (!hyoka__rs_same(have.s, have.n, s, n))
            return false;
    }
    return true;
}

/* A new node from the row's columns. */
static hyoka_indicator *new_node(struct hyoka__rs_reader *r)
{
    hyoka_indicator *ind = NULL;
    int rc = hyoka_project_add_indicator(r->cur->p, HYOKA_UNSET, &ind);

    if (rc != HYOKA_OK) {
        hyoka__csv_fatal(&r->log, rc);
        return NULL;
    }
    for (size_t c = 0; c < r->t->ncols; c++) {
        const struct hyoka__rs_col *col = &r->t->cols[c];
        struct hyoka__rs_cell back;
        const char *s;
        size_t n;
        if (col->target != RS_T_GOAL || !hyoka__rs_get(r, (int)c, &s, &n))
            continue;
        rc = hyoka__rs_set_goal(ind, col, s, n);
        if (rc != HYOKA_OK) {
            hyoka__rs_not_understood(r, NULL, (size_t)r->fieldof[c], s, n, rc);
            continue;
        }
        hyoka__rs_goal_cell(ind, col, &back);
        if (!hyoka__rs_same(back.s, back.n, s, n))
            hyoka__rs_keep(r, NULL, (size_t)r->fieldof[c], s, n);
    }
    return ind;
}

/* The label of the row: its index in hyoka__rs_goal_labels, -1 for none
 * (an activity), -2 for a label not known (kept). */
static int label_of(struct hyoka__rs_reader *r)
{
    for (size_t c = 0; c < r->t->ncols; c++) {
        const char *s;
        size_t n;
        if (r->t->cols[c].target != RS_T_LABEL)
            continue;
        if (!hyoka__rs_get(r, (int)c, &s, &n))
            return -1;
        for (int i = 0; i < RS_GOAL_ROWS; i++)
            if (strlen(hyoka__rs_goal_labels[i]) == n && memcmp(hyoka__rs_goal_labels[i], s, n) == 0)
                return i;
        hyoka__rs_not_understood(r, NULL, (size_t)r->fieldof[c], s, n, HYOKA_EINVAL);
        return -2;
    }
    return -1;
}

/* A year cell of the row. */
static void year_cell(struct hyoka__rs_reader *r, hyoka_indicator *ind, int label, size_t f, int32_t year,
                      const char *s, size_t n)
{
    hyoka_decimal d;
    int64_t v;
    int rc = HYOKA_EINVAL;

    if (label == 0) {
        if (hyoka__rs_int(s, n, &v) && v == 1 && hyoka_indicator_target_year(ind) == 0) {
            rc = hyoka_indicator_set_target_year(ind, year);
            if (rc == HYOKA_OK)
                return;
        }
    } else if (label > 0) {
        const char *t = s;
        size_t m = n;
        hyoka__rs_trim(&t, &m);
        rc = hyoka_decimal_parse(t, m, &d);
        if (rc == HYOKA_OK)
            rc = hyoka_indicator_set_value(ind, year, hyoka__rs_goal_values[label], &d);
        if (rc == HYOKA_OK)
            return;
    }
    hyoka__rs_not_understood(r, NULL, f, s, n, rc == HYOKA_ENOMEM ? rc : HYOKA_EINVAL);
}

void hyoka__rs_goals_row(struct hyoka__rs_reader *r)
{
    const hyoka_project *p = r->cur->p;
    size_t count = hyoka_project_indicator_count(p);
    hyoka_indicator *ind = NULL;
    bool given = false;
    int label;

    for (size_t c = 0; c < r->t->ncols && !given; c++) {
        const char *s;
        size_t n;
        given = (r->t->cols[c].target == RS_T_GOAL || r->t->cols[c].target == RS_T_LABEL) &&
                hyoka__rs_get(r, (int)c, &s, &n);
    }
    for (size_t f = 0; f < r->hn && !given; f++)
        given = RS_IS_YEAR_COL(r->colof[f]) && f < r->rec.nf && r->rec.f[f].len > 0;
    if (!given) {
        hyoka__rs_keep_unknown(r, NULL); /* a project without a logic model */
        return;
    }
    /* the node of the row above when the row continues its labels (a
     * node's rows follow each other: its key cells are repeats), else the
     * node the key cells name, else a new one */
    label = label_of(r);
    if (label > 0 && r->goal && r->goal_of == p && label == r->goal_label + 1)
        ind = r->goal;
    for (size_t i = count; i-- > 0 && !ind;) {
        hyoka_indicator *x = hyoka_project_indicator_at(p, i);
        if (is_node(r, x))
            ind = x;
    }
    if (ind) {
        for (size_t c = 0; c < r->t->ncols; c++) {
            struct hyoka__rs_cell want;
            if (r->t->cols[c].target != RS_T_GOAL)
                continue;
            hyoka__rs_goal_cell(ind, &r->t->cols[c], &want);
            hyoka__rs_check_repeat(r, (int)c, &want);
        }
    } else {
        ind = new_node(r);
        if (!ind)
            return;
    }
    r->goal = ind;
    r->goal_of = p;
    r->goal_label = label;
    for (size_t f = 0; f < r->hn && f < r->rec.nf; f++) {
        const char *s;
        size_t n;
        if (!RS_IS_YEAR_COL(r->colof[f]))
            continue;
        hyoka__rs_field(r, f, &s, &n);
        if (n > 0)
            year_cell(r, ind, label, f, RS_YEAR_OF_COL(r->colof[f]), s, n);
    }
    hyoka__rs_keep_unknown(r, NULL);
}
