/* html/budget: the budget cycle of a project's budget records (予算・執行,
 * the national review sheets' table 2-1): per budget year the total row,
 * then its account rows, with the initial budget, supplementaries,
 * carry-in, reserves, appropriation, execution, carry-out, the unspent
 * amount and the execution rate (hyoka_record_figure()). A printed rate
 * that differs from the computed one is marked as on the cost table.
 * Nothing is written for a project without budget records. */
#include "html_internal.h"
#include "record_schema.h"

/* The amount columns, in the order of the sheet; the Japanese heading is
 * the schema's label. */
static const struct {
    int field;
    const char *en;
} columns[] = {
    {HYOKA_FIELD_INITIAL, "Initial budget"},
    {HYOKA_FIELD_SUPPLEMENTARY, "Supplementary budgets"},
    {HYOKA_FIELD_CARRIED_IN, "Carried in"},
    {HYOKA_FIELD_RESERVE, "Reserve funds"},
    {HYOKA_FIELD_APPROPRIATION, "Appropriation"},
    {HYOKA_FIELD_EXECUTION, "Execution"},
    {HYOKA_FIELD_CARRIED_OUT, "Carried out"},
};

static void account_cell(struct hyoka__html_out *o, const hyoka_record *b)
{
    static const int parts[] = {HYOKA_FIELD_ACCOUNT_TYPE, HYOKA_FIELD_ACCOUNT, HYOKA_FIELD_SUBACCOUNT};
    const char *sep = "";

    if (hyoka__budget_is_total(b)) {
        hyoka__html_puts(o, "<th scope=\"row\">");
        hyoka__html_puts_tr(o, "Total", "合計");
        hyoka__html_puts(o, "</th>");
        return;
    }
    hyoka__html_puts(o, "<th scope=\"row\" class=\"sub\">");
    for (int i = 0; i < HYOKA__HTML_COUNT_OF(parts); i++) {
        const char *t = hyoka_record_text(b, parts[i]);
        /* 一般会計 is both the type and the account: said once */
        if (!t || (i == 1 && hyoka_record_text(b, parts[0]) && strcmp(t, hyoka_record_text(b, parts[0])) == 0))
            continue;
        hyoka__html_puts(o, sep);
        hyoka__html_esc(o, t);
        sep = " ";
    }
    hyoka__html_puts(o, "</th>");
}

/* The execution rate, marked when the sheet printed another (compared as
 * validation's B003 compares it). */
static void rate_cell(struct hyoka__html_out *o, const hyoka_record *b)
{
    hyoka_decimal stated, computed;
    int why = HYOKA_REASON_NONE;
    int64_t tolerance = o->pf ? hyoka_portfolio_stated_tolerance(o->pf) : 0;
    int differs = hyoka_record_decimal(b, HYOKA_FIELD_STATED_EXECUTION_RATE, &stated) == 1 &&
                  hyoka__record_stated_counterpart(b, HYOKA_FIG_APPROPRIATION_RATE, &stated, &computed, &why) ==
                      HYOKA_OK &&
                  !hyoka__stated_matches(&stated, &computed, tolerance);

    hyoka__html_cell_record_figure(o, b, HYOKA_FIG_APPROPRIATION_RATE, "", differs ? &stated : NULL);
}

void hyoka__html_budget_section(struct hyoka__html_out *o, const hyoka_project *p, int depth)
{
    size_t n = hyoka_project_record_count(p, HYOKA_RECORD_BUDGET);

    if (n == 0)
        return;
    hyoka__html_section_open(o, "budgets", depth, "Budget and execution", "予算・執行");
    hyoka__html_puts(o, "<p class=\"unit-note\">");
    hyoka__html_puts_tr(o, "Unit: ", "単位: ");
    hyoka__html_puts(o, hyoka__html_money_unit(o));
    hyoka__html_puts_tr(o, "; the execution rate is execution ÷ appropriation (a ratio).",
                        "。執行率は執行額÷歳出予算現額(比)。");
    hyoka__html_puts(o, "</p>\n<div class=\"scroll\"><table class=\"budget-table\">\n<thead><tr>");
    hyoka__html_col_head(o, "Budget year", "予算年度");
    hyoka__html_col_head(o, "Account", "会計");
    for (int i = 0; i < HYOKA__HTML_COUNT_OF(columns); i++)
        hyoka__html_col_head(o, columns[i].en, hyoka__record_field_label(HYOKA_RECORD_BUDGET, columns[i].field));
    hyoka__html_col_head(o, "Unspent", "不用額");
    hyoka__html_col_head(o, "Execution rate", "執行率");
    hyoka__html_puts(o, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < n && o->out.err == HYOKA_OK; i++) {
        const hyoka_record *b = hyoka_project_record_at(p, HYOKA_RECORD_BUDGET, i);
        int32_t year = 0;
        int total = hyoka__budget_is_total(b);

        hyoka__html_puts(o, total ? "<tr class=\"total\">" : "<tr class=\"account\">");
        hyoka__html_puts(o, "<td class=\"num\">");
        if (hyoka_record_fiscal_year(b, HYOKA_FIELD_BUDGET_YEAR, &year) == 1)
            hyoka__html_put_fy(o, year);
        hyoka__html_puts(o, "</td>");
        account_cell(o, b);
        for (int k = 0; k < HYOKA__HTML_COUNT_OF(columns); k++)
            hyoka__html_cell_record_money(o, b, columns[k].field);
        hyoka__html_cell_record_figure(o, b, HYOKA_FIG_UNSPENT, "", NULL);
        rate_cell(o, b);
        hyoka__html_puts(o, "</tr>\n");
    }
    hyoka__html_puts(o, "</tbody></table></div>\n</section>\n");
}
