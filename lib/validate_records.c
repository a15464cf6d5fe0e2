/* Validation of the records of a project and of its logic model (the
 * national review sheets' budgets, spending blocks and outcomes): B001 ..
 * B005 and I006, called by validate.c after a project's evaluations and
 * after each indicator's own checks. docs/validation.md states every rule;
 * the comments here say only how each is computed. Figures are those of
 * hyoka_record_figure() (figures/records.c), and printed ones are checked
 * like every stated figure (figures/stated.c). */
#include "hyoka/record.h"
#include "model.h"
#include "record_schema.h"
#include "report_internal.h"
#include "util/jsonptr.h"
#include "validate.h"

#include <stdio.h>
#include <string.h>

#define emit hyoka__validate_emit

/* A set money field (1 and *yen), else 0. */
static int money(const hyoka_record *r, int field, int64_t *yen)
{
    return hyoka_record_money(r, field, yen) == 1;
}

static int32_t budget_year(const hyoka_record *b)
{
    int32_t year = 0;
    hyoka_record_fiscal_year(b, HYOKA_FIELD_BUDGET_YEAR, &year);
    return year;
}

/* ------------------------------------------------------------------------ */
/* Budgets                                                                   */

/* The money fields a total row prints, in the order of the schema. */
static const int total_fields[] = {
    HYOKA_FIELD_INITIAL,    HYOKA_FIELD_SUPPLEMENTARY, HYOKA_FIELD_CARRIED_IN,
    HYOKA_FIELD_RESERVE,    HYOKA_FIELD_APPROPRIATION, HYOKA_FIELD_EXECUTION,
    HYOKA_FIELD_CARRIED_OUT, HYOKA_FIELD_REQUEST,      HYOKA_FIELD_PRIORITY_REQUEST,
};

/* B002 for one field of a total row: compared when the total row has it
 * and every account row of the budget year has it (or parts of it), the
 * sum fitting in 64 bits. */
static int check_total_field(struct hyoka__vctx *c, const hyoka_project *p, const hyoka_record *total, int32_t year,
                             int field)
{
    size_t n = hyoka_project_record_count(p, HYOKA_RECORD_BUDGET), rows = 0;
    int64_t printed, sum = 0, yen;
    struct hyoka__vmoney mt, ms;
    const char *member = hyoka__record_field_names[field];

    if (!money(total, field, &printed))
        return HYOKA_OK;
    for (size_t i = 0; i < n; i++) {
        const hyoka_record *a = hyoka_project_record_at(p, HYOKA_RECORD_BUDGET, i);
        if (hyoka__budget_is_total(a) || budget_year(a) != year)
            continue;
        if (hyoka__budget_amount(a, field, &yen) != 1 || hyoka_yen_add(sum, yen, &sum) != HYOKA_OK)
            return HYOKA_OK;
        rows++;
    }
    if (rows == 0 || sum == printed)
        return HYOKA_OK;
    hyoka__validate_money(c, printed, &mt);
    hyoka__validate_money(c, sum, &ms);
    return emit(c, member, HYOKA__MSG(B002), (int)year, member, hyoka__record_field_label(HYOKA_RECORD_BUDGET, field),
                mt.en, mt.ja, rows, ms.en, ms.ja);
}

/* B003: the printed execution rate against APPROPRIATION_RATE at its
 * places. */
static int check_stated_rate(struct hyoka__vctx *c, const hyoka_record *b)
{
    hyoka_decimal stated, computed;
    int why = HYOKA_REASON_NONE, rc;

    if (hyoka_record_decimal(b, HYOKA_FIELD_STATED_EXECUTION_RATE, &stated) != 1)
        return HYOKA_OK;
    rc = hyoka__record_stated_counterpart(b, HYOKA_FIG_APPROPRIATION_RATE, &stated, &computed, &why);
    if (rc == HYOKA_ENOMEM)
        return rc;
    if (rc != HYOKA_OK || hyoka__stated_matches(&stated, &computed, c->tolerance))
        return HYOKA_OK;
    return hyoka__validate_stated(c, HYOKA__B003, hyoka__record_field_names[HYOKA_FIELD_STATED_EXECUTION_RATE],
                                  "execution rate", "執行率", &stated, &computed, " (ratio)", "");
}

static int check_budget(struct hyoka__vctx *c, const hyoka_project *p, const hyoka_record *b)
{
    int total = hyoka__budget_is_total(b);
    int32_t year = budget_year(b);
    int64_t execution, appropriation;
    int rc = HYOKA_OK;

    for (size_t i = 0; i < sizeof total_fields / sizeof total_fields[0] && rc == HYOKA_OK; i++) {
        int f = total_fields[i];
        if (f == HYOKA_FIELD_EXECUTION && money(b, HYOKA_FIELD_EXECUTION, &execution) &&
            money(b, HYOKA_FIELD_APPROPRIATION, &appropriation) && execution > appropriation) {
            struct hyoka__vmoney me, ma;
            hyoka__validate_money(c, execution, &me);
            hyoka__validate_money(c, appropriation, &ma);
            rc = emit(c, "execution", HYOKA__MSG(B001), (int)year, me.en, me.ja, ma.en, ma.ja);
        }
        if (rc == HYOKA_OK && total && year)
            rc = check_total_field(c, p, b, year, f);
        if (rc == HYOKA_OK && f == HYOKA_FIELD_EXECUTION)
            rc = check_stated_rate(c, b); /* stated_execution_rate follows execution */
    }
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Spending blocks                                                           */

static int check_block(struct hyoka__vctx *c, const hyoka_record *block)
{
    size_t n = hyoka_record_child_count(block, HYOKA_RECORD_RECIPIENT), counted = 0;
    const char *name = hyoka_record_text(block, HYOKA_FIELD_BLOCK);
    int64_t total, sum = 0, yen;
    int has_total = money(block, HYOKA_FIELD_TOTAL, &total), rc = HYOKA_OK;
    struct hyoka__vmoney mt, ms;
    char id[32];

    if (!has_total)
        return HYOKA_OK;
    snprintf(id, sizeof id, "%s", name ? name : "?");
    /* B004: every recipient has a total, and the sum fits */
    for (size_t i = 0; i < n; i++) {
        if (!money(hyoka_record_child_at(block, HYOKA_RECORD_RECIPIENT, i), HYOKA_FIELD_TOTAL, &yen) ||
            hyoka_yen_add(sum, yen, &sum) != HYOKA_OK)
            break;
        counted++;
    }
    if (n > 0 && counted == n && sum != total) {
        hyoka__validate_money(c, total, &mt);
        hyoka__validate_money(c, sum, &ms);
        rc = emit(c, "total", HYOKA__MSG(B004), id, mt.en, mt.ja, n, ms.en, ms.ja);
    }
    /* B005, on each recipient */
    for (size_t i = 0; i < n && rc == HYOKA_OK; i++) {
        size_t mark = c->path.len;
        if (!money(hyoka_record_child_at(block, HYOKA_RECORD_RECIPIENT, i), HYOKA_FIELD_TOTAL, &yen) || yen <= total)
            continue;
        hyoka__validate_money(c, yen, &ms);
        hyoka__validate_money(c, total, &mt);
        rc = hyoka__jsonptr_key(&c->path, "recipients", strlen("recipients"));
        if (rc == HYOKA_OK)
            rc = hyoka__jsonptr_index(&c->path, i);
        if (rc == HYOKA_OK)
            rc = emit(c, "total", HYOKA__MSG(B005), ms.en, ms.ja, id, mt.en, mt.ja);
        hyoka__jsonptr_cut(&c->path, mark);
    }
    return rc;
}

/* ------------------------------------------------------------------------ */
/* The hooks                                                                 */

/* Check every record of @p kind of @p p with @p check, at /kind/i. */
static int each_record(struct hyoka__vctx *c, const hyoka_project *p, int kind,
                       int (*check)(struct hyoka__vctx *, const hyoka_project *, const hyoka_record *))
{
    const char *key = hyoka__record_kind_names[kind];
    size_t n = hyoka_project_record_count(p, kind);
    int rc = HYOKA_OK;

    for (size_t i = 0; i < n && rc == HYOKA_OK; i++) {
        size_t mark = c->path.len;
        rc = hyoka__jsonptr_key(&c->path, key, strlen(key));
        if (rc == HYOKA_OK)
            rc = hyoka__jsonptr_index(&c->path, i);
        if (rc == HYOKA_OK)
            rc = check(c, p, hyoka_project_record_at(p, kind, i));
        hyoka__jsonptr_cut(&c->path, mark);
    }
    return rc;
}

static int check_block_of(struct hyoka__vctx *c, const hyoka_project *p, const hyoka_record *block)
{
    (void)p;
    return check_block(c, block);
}

int hyoka__validate_records(struct hyoka__vctx *c, const hyoka_project *p)
{
    int rc = each_record(c, p, HYOKA_RECORD_BUDGET, check_budget);
    return rc == HYOKA_OK ? each_record(c, p, HYOKA_RECORD_BLOCK, check_block_of) : rc;
}

int hyoka__validate_logic_indicator(struct hyoka__vctx *c, const hyoka_indicator *ind)
{
    /* I006: an outcome numbered in a logic model, without a target year */
    if (ind->kind != HYOKA_KIND_OUTCOME || ind->number == HYOKA_UNSET || ind->target_year != 0)
        return HYOKA_OK;
    return emit(c, "target_fiscal_year", HYOKA__MSG(I006), (long long)ind->number);
}
