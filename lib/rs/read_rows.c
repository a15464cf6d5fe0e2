/* The rows of the RS tables of records: every table but 3-1 (read_goals.c).
 *
 * Tables of records (1-1, 1-3...1-5, 2-1, 2-2, 3-2, 4-1, 5-2...5-4): a
 * row makes one record of each group whose columns it fills, the n-th
 * row of a project holding the n-th record of each group (1-3: the n-th
 * policy, law and plan). 2-1 prints its total rows and its account rows
 * in different columns; 2-2 and 5-3 hang their records under the budget
 * or block their key columns name, made (V011) when 2-1 or 5-1 has none.
 *
 * 5-1 (spending): a row is a block's (its own columns), a recipient's
 * (名前, 法人番号...), or a contract's (契約概要, 金額...) with the cells
 * of its recipient repeated; a contract belongs to the recipient above
 * it when the repeated cells name it, else to a new one. */
#include "rs_internal.h"

#include <string.h>

/* Make a record of group @p g under the project or @p parent. */
static hyoka_record *make(struct hyoka__rs_reader *r, hyoka_record *parent, const struct hyoka__rs_group *g)
{
    hyoka_record *rec = NULL;
    int rc = parent ? hyoka_record_add_child(parent, g->kind, &rec) : hyoka_project_add_record(r->cur->p, g->kind, &rec);
    if (rc == HYOKA_OK && g->disc_field >= 0)
        rc = g->disc_text ? hyoka_record_set_text(rec, g->disc_field, g->disc_text, HYOKA_NTS)
                          : hyoka_record_set_flag(rec, g->disc_field, g->disc_flag);
    if (rc != HYOKA_OK) {
        hyoka__csv_fatal(&r->log, rc == HYOKA_ENOMEM ? rc : hyoka__nomem());
        return NULL;
    }
    return rec;
}

/* Whether @p rec's fields match the cells of the columns of @p target
 * (RS_T_PARENT) or of group @p group with row bit @p rows. */
static bool matches(const struct hyoka__rs_reader *r, const hyoka_record *rec, int target, int group, unsigned rows)
{
    for (size_t c = 0; c < r->t->ncols; c++) {
        const struct hyoka__rs_col *col = &r->t->cols[c];
        struct hyoka__rs_cell have;
        const char *s;
        size_t n;
        if (col->target != target || r->fieldof[c] < 0 ||
            (target == RS_T_FIELD && (col->group != group || !(col->rows & rows))))
            continue;
        hyoka__rs_get(r, (int)c, &s, &n);
        hyoka__rs_field_cell(rec, col->arg, col->style, &have);
        if (!hyoka__rs_same(have.s, have.n, s, n))
            return false;
    }
    return true;
}

/* The row's record hangs under the parent at @p index: its order kept. */
static void note_parent(struct hyoka__rs_reader *r, size_t index)
{
    struct hyoka__rs_pstate *ps = r->cur;
    if (ps->order.len > 0) {
        hyoka__buf_putc(&ps->order, ',');
        if (index < ps->last_parent)
            ps->shuffled = true;
    }
    hyoka__buf_put_uint(&ps->order, index);
    ps->last_parent = index;
    hyoka__csv_fatal(&r->log, ps->order.err);
}

/* The record of the table's parent kind the key columns name, made when
 * there is none. */
static hyoka_record *parent_of(struct hyoka__rs_reader *r)
{
    const hyoka_project *p = r->cur->p;
    size_t count = hyoka_project_record_count(p, r->t->parent_kind);
    struct hyoka__rs_group g = {r->t->parent_kind, -1, NULL, 0};
    hyoka_record *rec;

    for (size_t i = 0; i < count; i++) {
        rec = hyoka_project_record_at(p, r->t->parent_kind, i);
        if (matches(r, rec, RS_T_PARENT, 0, 0)) {
            note_parent(r, i);
            return rec;
        }
    }
    note_parent(r, count);
    hyoka__rs_diag(r, SIZE_MAX, HYOKA__V011, "no row of table %s has the values of this row's key columns: one made",
                   "この行のキーの列の値を持つ行が表 %s にない: 補った",
                   r->t->parent_kind == HYOKA_RECORD_BUDGET ? "2-1" : "5-1");
    rec = make(r, NULL, &g);
    if (!rec)
        return NULL;
    for (size_t c = 0; c < r->t->ncols; c++)
        if (r->t->cols[c].target == RS_T_PARENT) {
            const char *s;
            size_t n;
            /* read as a field of the parent: its type, its keeping */
            int rc = hyoka__rs_get(r, (int)c, &s, &n)
                         ? hyoka__rs_set_field(rec, r->t->cols[c].arg, r->t->cols[c].style, s, n)
                         : HYOKA_OK;
            if (rc != HYOKA_OK)
                hyoka__rs_not_understood(r, NULL, (size_t)r->fieldof[c], s, n, rc);
        }
    return rec;
}

/* The kind of row of 2-1: an account's when it names one. */
static unsigned budget_row(const struct hyoka__rs_reader *r)
{
    for (size_t c = 0; c < r->t->ncols; c++) {
        const struct hyoka__rs_col *col = &r->t->cols[c];
        const char *s;
        size_t n;
        if (col->target == RS_T_FIELD && (col->arg == HYOKA_FIELD_ACCOUNT_TYPE || col->arg == HYOKA_FIELD_ACCOUNT ||
                                          col->arg == HYOKA_FIELD_SUBACCOUNT) &&
            hyoka__rs_get(r, (int)c, &s, &n))
            return RS_ROW_ACCOUNT;
    }
    return RS_ROW_TOTAL;
}

/* Read the columns of group @p group with row bit @p rows into @p rec; a
 * cell of the group the row kind does not print is kept as printed. */
static void read_group(struct hyoka__rs_reader *r, hyoka_record *rec, int group, unsigned rows)
{
    for (size_t c = 0; c < r->t->ncols; c++) {
        const struct hyoka__rs_col *col = &r->t->cols[c];
        const char *s;
        size_t n;
        if (col->target != RS_T_FIELD || col->group != group)
            continue;
        if (col->rows & rows)
            hyoka__rs_read_field(r, rec, (int)c);
        else if (hyoka__rs_get(r, (int)c, &s, &n))
            hyoka__rs_keep(r, rec, (size_t)r->fieldof[c], s, n);
    }
}

void hyoka__rs_records_row(struct hyoka__rs_reader *r)
{
    const struct hyoka__rs_table *t = r->t;
    hyoka_record *parent = NULL, *made = NULL;
    unsigned rows = t->variants ? budget_row(r) : RS_ROW_ANY;
    size_t nmade = 0;

    if (t->parent_kind >= 0) {
        if (!hyoka__rs_group_given(r, -1, RS_ROW_ANY)) {
            hyoka__rs_keep_unknown(r, NULL);
            return;
        }
        parent = parent_of(r);
        if (!parent)
            return;
    }
    for (size_t g = 0; g < t->ngroups; g++) {
        hyoka_record *rec;
        if (!hyoka__rs_group_given(r, (int)g, 0))
            continue;
        rec = make(r, parent, &t->groups[g]);
        if (!rec)
            return;
        read_group(r, rec, (int)g, rows);
        made = rec;
        nmade++;
    }
    hyoka__rs_keep_unknown(r, nmade == 1 ? made : NULL);
}

/* ------------------------------------------------------------------------ */
/* 5-1                                                                      */

enum { LEVEL_BLOCK, LEVEL_RECIPIENT, LEVEL_CONTRACT };

/* The column of the block's number. */
static int block_col(const struct hyoka__rs_table *t)
{
    for (size_t c = 0; c < t->ncols; c++)
        if (t->cols[c].target == RS_T_FIELD && t->cols[c].group == LEVEL_BLOCK && t->cols[c].arg == HYOKA_FIELD_BLOCK)
            return (int)c;
    return -1;
}

/* The project's block of the row's number, made when it has none. */
static hyoka_record *block_of(struct hyoka__rs_reader *r)
{
    const hyoka_project *p = r->cur->p;
    size_t count = hyoka_project_record_count(p, HYOKA_RECORD_BLOCK);
    int bc = block_col(r->t);
    const char *s;
    size_t n;
    hyoka_record *b;

    hyoka__rs_get(r, bc, &s, &n);
    if (r->block && hyoka_record_project(r->block) == p) {
        const char *have = hyoka_record_text(r->block, HYOKA_FIELD_BLOCK);
        if (have ? strlen(have) == n && memcmp(have, s, n) == 0 : n == 0)
            return r->block;
    }
    for (size_t i = count; i-- > 0;) {
        const char *have;
        b = hyoka_project_record_at(p, HYOKA_RECORD_BLOCK, i);
        have = hyoka_record_text(b, HYOKA_FIELD_BLOCK);
        if (have ? strlen(have) == n && memcmp(have, s, n) == 0 : n == 0)
            return r->block = b;
    }
    b = make(r, NULL, &r->t->groups[LEVEL_BLOCK]);
    if (b)
        hyoka__rs_read_field(r, b, bc);
    r->recipient = NULL;
    return r->block = b;
}

void hyoka__rs_spending_row(struct hyoka__rs_reader *r)
{
    const struct hyoka__rs_table *t = r->t;
    hyoka_record *block, *rec = NULL;
    int level = hyoka__rs_group_given(r, LEVEL_CONTRACT, 0)    ? LEVEL_CONTRACT
                : hyoka__rs_group_given(r, LEVEL_RECIPIENT, 0) ? LEVEL_RECIPIENT
                                                                : LEVEL_BLOCK;

    if (level == LEVEL_BLOCK && !hyoka__rs_group_given(r, LEVEL_BLOCK, 0)) {
        hyoka__rs_keep_unknown(r, NULL); /* a project without spending */
        return;
    }
    block = block_of(r);
    if (!block)
        return;
    if (level == LEVEL_BLOCK) {
        read_group(r, block, LEVEL_BLOCK, RS_ROW_BLOCK);
        hyoka__rs_keep_unknown(r, block);
        return;
    }
    if (level == LEVEL_RECIPIENT || !r->recipient || hyoka_record_parent(r->recipient) != block ||
        !matches(r, r->recipient, RS_T_FIELD, LEVEL_RECIPIENT, RS_ROW_CONTRACT)) {
        r->recipient = make(r, block, &t->groups[LEVEL_RECIPIENT]);
        if (!r->recipient)
            return;
        read_group(r, r->recipient, LEVEL_RECIPIENT, level == LEVEL_RECIPIENT ? RS_ROW_RECIPIENT : RS_ROW_CONTRACT);
        if (level == LEVEL_RECIPIENT) {
            hyoka__rs_keep_unknown(r, r->recipient);
            return;
        }
    }
    /* else a later contract of the recipient above, its cells repeated */
    rec = make(r, r->recipient, &t->groups[LEVEL_CONTRACT]);
    if (!rec)
        return;
    read_group(r, rec, LEVEL_CONTRACT, RS_ROW_CONTRACT);
    hyoka__rs_keep_unknown(r, rec);
}
