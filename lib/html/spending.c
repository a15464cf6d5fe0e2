/* html/spending: where the money goes (支出先, the national review sheets'
 * table 5-1): per spending block its name, role, total and number of
 * recipients, the single-bidder and non-competitive shares of its contract
 * amounts (hyoka_record_figure()), then its recipients with their
 * corporate number and total, each followed by its contracts (method,
 * bidders, winning-bid ratio, amount). Nothing is written for a project
 * without spending blocks. */
#include "html_internal.h"
#include "record_schema.h"

static void integer_cell(struct hyoka__html_out *o, const hyoka_record *r, int field)
{
    int64_t v;

    if (hyoka_record_integer(r, field, &v) != 1) {
        hyoka__html_puts(o, "<td></td>");
        return;
    }
    hyoka__html_putf(o, "<td class=\"num\">%lld</td>", (long long)v);
}

static void decimal_cell(struct hyoka__html_out *o, const hyoka_record *r, int field)
{
    hyoka_decimal d;

    if (hyoka_record_decimal(r, field, &d) != 1) {
        hyoka__html_puts(o, "<td></td>");
        return;
    }
    hyoka__html_puts(o, "<td class=\"num\">");
    hyoka__html_put_decimal(o, &d);
    hyoka__html_puts(o, "</td>");
}

/* A block's summary: name and role, total, recipients, the two shares. */
static void block_head(struct hyoka__html_out *o, const hyoka_record *b)
{
    hyoka__html_puts(o, "<table class=\"info block-info\">\n<tr><th scope=\"row\">");
    hyoka__html_puts_tr(o, "Block", "支出先ブロック");
    hyoka__html_puts(o, "</th><td colspan=\"3\"><span class=\"level-code\">");
    hyoka__html_esc(o, hyoka_record_text(b, HYOKA_FIELD_BLOCK));
    hyoka__html_puts(o, "</span> ");
    hyoka__html_esc(o, hyoka_record_text(b, HYOKA_FIELD_NAME));
    if (hyoka_record_text(b, HYOKA_FIELD_ROLE)) {
        hyoka__html_puts(o, "<div class=\"definition\">");
        hyoka__html_esc_ml(o, hyoka_record_text(b, HYOKA_FIELD_ROLE));
        hyoka__html_puts(o, "</div>");
    }
    hyoka__html_puts(o, "</td></tr>\n<tr><th scope=\"row\">");
    hyoka__html_puts_tr(o, "Total", "合計支出額");
    hyoka__html_puts(o, "</th>");
    hyoka__html_cell_record_money(o, b, HYOKA_FIELD_TOTAL);
    hyoka__html_puts(o, "<th scope=\"row\">");
    hyoka__html_puts_tr(o, "Recipients", "支出先の数");
    hyoka__html_puts(o, "</th>");
    integer_cell(o, b, HYOKA_FIELD_RECIPIENT_COUNT);
    hyoka__html_puts(o, "</tr>\n<tr><th scope=\"row\">");
    hyoka__html_puts_tr(o, "Single-bidder share", "一者応札・一者応募の割合");
    hyoka__html_puts(o, "</th>");
    hyoka__html_cell_record_figure(o, b, HYOKA_FIG_SINGLE_BIDDER_SHARE, "%", NULL);
    hyoka__html_puts(o, "<th scope=\"row\">");
    hyoka__html_puts_tr(o, "Non-competitive share", "競争性のない随意契約の割合");
    hyoka__html_puts(o, "</th>");
    hyoka__html_cell_record_figure(o, b, HYOKA_FIG_NONCOMPETITIVE_SHARE, "%", NULL);
    hyoka__html_puts(o, "</tr>\n</table>\n");
}

static void contract_row(struct hyoka__html_out *o, const hyoka_record *c)
{
    const char *detail = hyoka_record_text(c, HYOKA_FIELD_METHOD_DETAIL);

    hyoka__html_puts(o, "<tr class=\"contract\"><td class=\"sub\">");
    hyoka__html_esc(o, hyoka_record_text(c, HYOKA_FIELD_SUMMARY));
    hyoka__html_puts(o, "</td><td></td><td>");
    hyoka__html_esc(o, hyoka_record_text(c, HYOKA_FIELD_METHOD));
    if (detail) {
        hyoka__html_puts(o, " <span class=\"definition\">");
        hyoka__html_esc(o, detail);
        hyoka__html_puts(o, "</span>");
    }
    hyoka__html_puts(o, "</td>");
    integer_cell(o, c, HYOKA_FIELD_BIDDERS);
    decimal_cell(o, c, HYOKA_FIELD_WINNING_BID_RATIO);
    hyoka__html_cell_record_money(o, c, HYOKA_FIELD_AMOUNT);
    hyoka__html_puts(o, "</tr>\n");
}

static void recipients_table(struct hyoka__html_out *o, const hyoka_record *b)
{
    size_t n = hyoka_record_child_count(b, HYOKA_RECORD_RECIPIENT);

    if (n == 0)
        return;
    hyoka__html_puts(o, "<div class=\"scroll\"><table class=\"recipients\">\n<thead><tr>");
    hyoka__html_col_head(o, "Recipient / contract", "支出先・契約概要");
    hyoka__html_col_head(o, "Corporate number", "法人番号");
    hyoka__html_col_head(o, "Contract method", "契約方式等");
    hyoka__html_col_head(o, "Bidders", "入札者数");
    hyoka__html_col_head(o, "Winning-bid ratio (%)", "落札率(%)");
    hyoka__html_money_col_head(o, "Amount", "金額");
    hyoka__html_puts(o, "</tr></thead>\n");
    for (size_t i = 0; i < n && o->out.err == HYOKA_OK; i++) {
        const hyoka_record *r = hyoka_record_child_at(b, HYOKA_RECORD_RECIPIENT, i);
        size_t nc = hyoka_record_child_count(r, HYOKA_RECORD_CONTRACT);

        hyoka__html_puts(o, "<tbody class=\"recipient-group\"><tr class=\"recipient\"><th scope=\"row\">");
        hyoka__html_esc(o, hyoka_record_text(r, HYOKA_FIELD_NAME));
        hyoka__html_puts(o, "</th><td class=\"num\">");
        hyoka__html_esc(o, hyoka_record_text(r, HYOKA_FIELD_CORPORATE_NUMBER));
        hyoka__html_puts(o, "</td><td></td><td></td><td></td>");
        hyoka__html_cell_record_money(o, r, HYOKA_FIELD_TOTAL);
        hyoka__html_puts(o, "</tr>\n");
        for (size_t k = 0; k < nc; k++)
            contract_row(o, hyoka_record_child_at(r, HYOKA_RECORD_CONTRACT, k));
        hyoka__html_puts(o, "</tbody>\n");
    }
    hyoka__html_puts(o, "</table></div>\n");
}

void hyoka__html_spending_section(struct hyoka__html_out *o, const hyoka_project *p, int depth)
{
    size_t n = hyoka_project_record_count(p, HYOKA_RECORD_BLOCK);

    if (n == 0)
        return;
    hyoka__html_section_open(o, "spending", depth, "Where the money goes", "支出先");
    for (size_t i = 0; i < n && o->out.err == HYOKA_OK; i++) {
        const hyoka_record *b = hyoka_project_record_at(p, HYOKA_RECORD_BLOCK, i);
        hyoka__html_puts(o, "<div class=\"block\">\n");
        block_head(o, b);
        recipients_table(o, b);
        hyoka__html_puts(o, "</div>\n");
    }
    hyoka__html_puts(o, "</section>\n");
}
