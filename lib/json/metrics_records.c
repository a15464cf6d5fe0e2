/* hyoka-metrics/1: the figures of a project's records (docs/format.md, The
 * hyoka-metrics/1 output): per budget record its unspent amount, execution
 * rate and (for an account row) its share of the budget year, per spending
 * block its single-bidder and non-competitive shares. Written only for a
 * project that has such records, so that other documents' metrics stay as
 * they were. The figures are hyoka_record_figure()'s (figures/records.c). */
#include "metrics.h"
#include "hyoka/record.h"

static void record_figure(struct hyoka__json_writer *w, struct hyoka__metrics_unavailable *u,
                          const hyoka_record *r, int figure)
{
    hyoka_decimal v = {{0, 0}};
    int reason = HYOKA_REASON_NONE;
    int rc = hyoka__record_figure(r, figure, &v, &reason);

    hyoka__metrics_figure(w, u, figure, rc, &v, reason);
}

static void text_member(struct hyoka__json_writer *w, const hyoka_record *r, int field)
{
    hyoka__json_m_string_or_null(w, hyoka__record_field_names[field], hyoka_record_text(r, field));
}

static void metrics_budget(struct hyoka__json_writer *w, const hyoka_record *b)
{
    struct hyoka__metrics_unavailable u;
    hyoka_decimal stated;
    int32_t year = 0;

    u.count = 0;
    hyoka__json_sep(w);
    hyoka__json_open(w, '{');
    if (hyoka_record_fiscal_year(b, HYOKA_FIELD_BUDGET_YEAR, &year) == 1)
        hyoka__json_m_int(w, "budget_year", year);
    else
        hyoka__json_m_null(w, "budget_year");
    text_member(w, b, HYOKA_FIELD_ACCOUNT_TYPE);
    text_member(w, b, HYOKA_FIELD_ACCOUNT);
    text_member(w, b, HYOKA_FIELD_SUBACCOUNT);
    record_figure(w, &u, b, HYOKA_FIG_UNSPENT);
    record_figure(w, &u, b, HYOKA_FIG_APPROPRIATION_RATE);
    hyoka__json_key(w, hyoka__record_field_names[HYOKA_FIELD_STATED_EXECUTION_RATE]);
    if (hyoka_record_decimal(b, HYOKA_FIELD_STATED_EXECUTION_RATE, &stated) == 1)
        hyoka__json_put_decimal(w, &stated, true);
    else
        hyoka__json_put(w, "null", 4);
    if (!hyoka__budget_is_total(b))
        record_figure(w, &u, b, HYOKA_FIG_ACCOUNT_SHARE);
    hyoka__metrics_unavailable_write(w, &u, year);
    hyoka__json_close(w, '}');
}

static void metrics_block(struct hyoka__json_writer *w, const hyoka_record *block)
{
    struct hyoka__metrics_unavailable u;

    u.count = 0;
    hyoka__json_sep(w);
    hyoka__json_open(w, '{');
    text_member(w, block, HYOKA_FIELD_BLOCK);
    text_member(w, block, HYOKA_FIELD_NAME);
    record_figure(w, &u, block, HYOKA_FIG_SINGLE_BIDDER_SHARE);
    record_figure(w, &u, block, HYOKA_FIG_NONCOMPETITIVE_SHARE);
    hyoka__metrics_unavailable_write(w, &u, 0);
    hyoka__json_close(w, '}');
}

void hyoka__metrics_records(struct hyoka__json_writer *w, const hyoka_project *p)
{
    static const int kinds[] = {HYOKA_RECORD_BUDGET, HYOKA_RECORD_BLOCK};

    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        size_t n = hyoka_project_record_count(p, kinds[k]);
        if (n == 0)
            continue;
        hyoka__json_key(w, hyoka__record_kind_names[kinds[k]]);
        hyoka__json_open(w, '[');
        for (size_t i = 0; i < n && w->out.err == HYOKA_OK; i++) {
            const hyoka_record *r = hyoka_project_record_at(p, kinds[k], i);
            if (kinds[k] == HYOKA_RECORD_BUDGET)
                metrics_budget(w, r);
            else
                metrics_block(w, r);
        }
        hyoka__json_close(w, ']');
    }
}
