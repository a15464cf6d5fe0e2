/* html/review: the amounts by which the review changed the budget request
 * (反映額, the national review sheets' table 4-1), by account. The review
 * team's opinion and the reflection themselves are the verdict and budget
 * direction of a `jp-rs-review` evaluation, which evaluations.c shows with
 * the scheme's labels. Nothing is written without reflection records. */
#include "html_internal.h"
#include "record_schema.h"

void hyoka__html_reflections_section(struct hyoka__html_out *o, const hyoka_project *p, int depth)
{
    static const int texts[] = {HYOKA_FIELD_ACCOUNT_TYPE, HYOKA_FIELD_ACCOUNT, HYOKA_FIELD_SUBACCOUNT};
    static const char *const texts_en[] = {"Account type", "Account", "Subaccount"};
    size_t n = hyoka_project_record_count(p, HYOKA_RECORD_REFLECTION);

    if (n == 0)
        return;
    hyoka__html_section_open(o, "reflections", depth, "Reflection in the budget request", "概算要求への反映額");
    hyoka__html_puts(o, "<table class=\"reflection-table\">\n<thead><tr>");
    for (int i = 0; i < HYOKA__HTML_COUNT_OF(texts); i++)
        hyoka__html_col_head(o, texts_en[i], hyoka__record_field_label(HYOKA_RECORD_REFLECTION, texts[i]));
    hyoka__html_money_col_head(o, "Amount", "反映額");
    hyoka__html_puts(o, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < n && o->out.err == HYOKA_OK; i++) {
        const hyoka_record *r = hyoka_project_record_at(p, HYOKA_RECORD_REFLECTION, i);
        hyoka__html_puts(o, "<tr>");
        for (int k = 0; k < HYOKA__HTML_COUNT_OF(texts); k++)
            hyoka__html_td_text(o, hyoka_record_text(r, texts[k]), NULL);
        hyoka__html_cell_record_money(o, r, HYOKA_FIELD_AMOUNT);
        hyoka__html_puts(o, "</tr>\n");
    }
    hyoka__html_puts(o, "</tbody></table>\n</section>\n");
}
