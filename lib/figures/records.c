/* figures: the figures of records (hyoka_record_figure()): of a budget
 * record, the unspent amount (不用額), the execution rate on the
 * appropriation (執行率) and the account's share of its budget year; of a
 * spending block, the shares of its contract amounts with one bidder
 * (一者応札・一者応募) and without competition (競争性のない随意契約). Each is
 * exact, rounded once by the rule in force (year.c says the rules). */
#include "figures/internal.h"
#include "hyoka/record.h"

#include <string.h>

/* ------------------------------------------------------------------------ */
/* Reading fields                                                            */

/* A set int64-held field of @p r: 1 and *out, or 0 (missing, not
 * applicable, or not a field of the kind). */
static int held(const hyoka_record *r, int field, int64_t *out)
{
    int i = hyoka__record_slot(r->kind, field);

    if (i < 0 || !((r->set >> i) & 1u))
        return 0;
    *out = r->v[i].i;
    return 1;
}

/* A set text field of @p r, or NULL. */
static const char *text_of(const hyoka_record *r, int field)
{
    int i = hyoka__record_slot(r->kind, field);
    return i < 0 ? NULL : r->v[i].text;
}

/* A field neither set nor not applicable. */
static int missing(const hyoka_record *r, int field)
{
    int i = hyoka__record_slot(r->kind, field);
    return i < 0 || !(((r->set | r->na) >> i) & 1u);
}

/* The total row of a budget year: a budget record without an account. */
static int is_total_row(const hyoka_record *r)
{
    return missing(r, HYOKA_FIELD_ACCOUNT_TYPE) && missing(r, HYOKA_FIELD_ACCOUNT) &&
           missing(r, HYOKA_FIELD_SUBACCOUNT);
}

/* A contract method without competition: a 随意契約 (private contract)
 * other than one awarded by a planning competition (企画競争) or an open
 * call (公募), which are competitive. */
static int noncompetitive(const char *method)
{
    static const char prefix[] = "随意契約";

    return method && strncmp(method, prefix, sizeof prefix - 1) == 0 && !strstr(method, "企画競争") &&
           !strstr(method, "公募");
}

/* ------------------------------------------------------------------------ */
/* The figures                                                               */

static int unavailable(int *why, int reason)
{
    *why = reason;
    return HYOKA_EUNAVAILABLE;
}

static int unspent(const hyoka_record *b, const struct hyoka__rounding *r, hyoka_decimal *out, int *why)
{
    int64_t appropriation, execution, carried, rest;
    int rc;

    if (!held(b, HYOKA_FIELD_APPROPRIATION, &appropriation))
        return unavailable(why, HYOKA_REASON_NO_APPROPRIATION);
    if (!held(b, HYOKA_FIELD_EXECUTION, &execution))
        return unavailable(why, HYOKA_REASON_NO_EXECUTION);
    if (!held(b, HYOKA_FIELD_CARRIED_OUT, &carried))
        return unavailable(why, HYOKA_REASON_NO_CARRIED_OUT);
    rc = hyoka_yen_sub(appropriation, execution, &rest);
    if (rc == HYOKA_OK)
        rc = hyoka_yen_sub(rest, carried, &rest);
    if (rc != HYOKA_OK)
        return rc;
    if (!r) {
        *out = hyoka_decimal_from_int(rest);
        return HYOKA_OK;
    }
    return hyoka__money_in_unit(rest, r, out);
}

/* num ÷ den as a ratio or a percentage, rounded by @p r. */
static int share(int64_t num, int64_t den, int percent, const struct hyoka__rounding *r, hyoka_decimal *out,
                 int *why)
{
    hyoka_decimal n = hyoka_decimal_from_int(num), d = hyoka_decimal_from_int(den);

    if (den == 0)
        return unavailable(why, HYOKA_REASON_ZERO_DENOMINATOR);
    return hyoka__ratio(&n, &d, percent, r, out);
}

static int appropriation_rate(const hyoka_record *b, const struct hyoka__rounding *r, hyoka_decimal *out,
                              int *why)
{
    int64_t appropriation, execution;

    if (!held(b, HYOKA_FIELD_APPROPRIATION, &appropriation))
        return unavailable(why, HYOKA_REASON_NO_APPROPRIATION);
    if (!held(b, HYOKA_FIELD_EXECUTION, &execution))
        return unavailable(why, HYOKA_REASON_NO_EXECUTION);
    return share(execution, appropriation, 0, r, out, why);
}

static int account_share(const hyoka_record *b, const struct hyoka__rounding *r, hyoka_decimal *out, int *why)
{
    const hyoka_project *p = b->project;
    int64_t appropriation, year, total;
    size_t n;

    if (is_total_row(b))
        return unavailable(why, HYOKA_REASON_NOT_A_FIGURE);
    if (!held(b, HYOKA_FIELD_APPROPRIATION, &appropriation))
        return unavailable(why, HYOKA_REASON_NO_APPROPRIATION);
    n = p && p->records && held(b, HYOKA_FIELD_BUDGET_YEAR, &year) ? p->records[HYOKA_RECORD_BUDGET].count : 0;
    for (size_t i = 0; i < n; i++) {
        const hyoka_record *t = p->records[HYOKA_RECORD_BUDGET].items[i];
        int64_t y;
        if (!held(t, HYOKA_FIELD_BUDGET_YEAR, &y) || y != year || !is_total_row(t))
            continue;
        if (!held(t, HYOKA_FIELD_APPROPRIATION, &total))
            return unavailable(why, HYOKA_REASON_NO_APPROPRIATION);
        return share(appropriation, total, 1, r, out, why);
    }
    return unavailable(why, HYOKA_REASON_NO_TOTAL);
}

/* The share of a block's contract amounts (every recipient's contracts
 * with an amount) that are with one bidder, or made without competition. */
static int block_share(const hyoka_record *block, int figure, const struct hyoka__rounding *r, hyoka_decimal *out,
                       int *why)
{
    const struct hyoka__vec *recipients = &block->children[hyoka__record_child_slot(block->kind,
                                                                                    HYOKA_RECORD_RECIPIENT)];
    int64_t total = 0, part = 0;
    size_t counted = 0;
    int rc;

    for (size_t i = 0; i < recipients->count; i++) {
        const hyoka_record *rec = recipients->items[i];
        const struct hyoka__vec *contracts = &rec->children[hyoka__record_child_slot(rec->kind,
                                                                                     HYOKA_RECORD_CONTRACT)];
        for (size_t j = 0; j < contracts->count; j++) {
            const hyoka_record *c = contracts->items[j];
            int64_t amount, bidders;
            int in;
            if (!held(c, HYOKA_FIELD_AMOUNT, &amount))
                continue;
            counted++;
            rc = hyoka_yen_add(total, amount, &total);
            if (rc != HYOKA_OK)
                return rc;
            if (figure == HYOKA_FIG_SINGLE_BIDDER_SHARE)
                in = held(c, HYOKA_FIELD_BIDDERS, &bidders) && bidders == 1;
            else
                in = noncompetitive(text_of(c, HYOKA_FIELD_METHOD));
            if (in && (rc = hyoka_yen_add(part, amount, &part)) != HYOKA_OK)
                return rc;
        }
    }
    if (counted == 0)
        return unavailable(why, HYOKA_REASON_NO_CONTRACTS);
    return share(part, total, 1, r, out, why);
}

int hyoka__record_figure_in(const hyoka_record *record, int figure, const struct hyoka__rounding *r,
                            hyoka_decimal *out, int *why)
{
    struct hyoka__rounding rule;
    int budget = record->kind == HYOKA_RECORD_BUDGET;
    int rc;

    if (!hyoka__is_record_figure(figure) ||
        (figure <= HYOKA_FIG_ACCOUNT_SHARE ? !budget : record->kind != HYOKA_RECORD_BLOCK))
        return unavailable(why, HYOKA_REASON_NOT_A_FIGURE);
    if (!r) {
        rc = hyoka__figure_rule(hyoka__portfolio_of(record->project), figure, &rule);
        if (rc != HYOKA_OK)
            return rc;
        if (figure == HYOKA_FIG_UNSPENT)
            return unspent(record, NULL, out, why);
        r = &rule;
    }
    switch (figure) {
    case HYOKA_FIG_UNSPENT:
        return unspent(record, r, out, why);
    case HYOKA_FIG_APPROPRIATION_RATE:
        return appropriation_rate(record, r, out, why);
    case HYOKA_FIG_ACCOUNT_SHARE:
        return account_share(record, r, out, why);
    default:
        return block_share(record, figure, r, out, why);
    }
}

/* ------------------------------------------------------------------------ */
/* Public function                                                           */

static int record_figure_impl(const hyoka_record *record, int figure, hyoka_decimal *out, int *reason, int quiet)
{
    static const char fn[] = "hyoka_record_figure";
    hyoka_decimal v;
    int64_t year = 0;
    int why = HYOKA_REASON_NONE;
    int rc;

    hyoka__set_reason(reason, HYOKA_REASON_NONE);
    HYOKA__CHECK_NULL_IN(fn, record);
    HYOKA__CHECK_NULL_IN(fn, out);
    HYOKA__CHECK_ENUM_IN(fn, figure, FIGURE);
    rc = hyoka__record_figure_in(record, figure, NULL, &v, &why);
    if (rc == HYOKA_EUNAVAILABLE) {
        hyoka__set_reason(reason, why);
        if (quiet)
            return rc;
        held(record, HYOKA_FIELD_BUDGET_YEAR, &year);
        return hyoka__fail_unavailable(fn, hyoka__figure_names[figure], (int32_t)year, why);
    }
    if (rc == HYOKA_ERANGE)
        return hyoka__fail(HYOKA_ERANGE, "%s: %s overflows", fn, hyoka__figure_names[figure]);
    if (rc == HYOKA_OK)
        *out = v;
    return rc;
}

int hyoka_record_figure(const hyoka_record *record, int figure, hyoka_decimal *out, int *reason)
{
    return record_figure_impl(record, figure, out, reason, 0);
}

int hyoka__record_figure(const hyoka_record *record, int figure, hyoka_decimal *out, int *reason)
{
    return record_figure_impl(record, figure, out, reason, 1);
}
