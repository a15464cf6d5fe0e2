/* html/sections: the sections of a project, in the order of the sheet: the
 * header band, the basic information, the texts, the cost table (with the
 * cost chart), the indicator table (with a chart per indicator) and the
 * other entries. The evaluations are in evaluations.c; page.c puts the
 * sections of a project and its sub-projects together. */
#include "html_internal.h"

/* ------------------------------------------------------------------------ */
/* Headings                                                                  */

int hyoka__html_heading(int depth, int offset)
{
    int h = 2 * depth + offset;
    return h > 6 ? 6 : h;
}

void hyoka__html_section_open(struct hyoka__html_out *o, const char *cls, int depth, const char *en, const char *ja)
{
    int h = hyoka__html_heading(depth, 2);
    hyoka__html_putf(o, "<section class=\"%s\">\n<h%d>", cls, h);
    hyoka__html_puts_tr(o, en, ja);
    hyoka__html_putf(o, "</h%d>\n", h);
}

void hyoka__html_row_head(struct hyoka__html_out *o, const char *en, const char *ja, const char *td)
{
    hyoka__html_puts(o, "<th scope=\"row\">");
    hyoka__html_puts_tr(o, en, ja);
    hyoka__html_puts(o, "</th>");
    hyoka__html_puts(o, td);
}

void hyoka__html_col_head(struct hyoka__html_out *o, const char *en, const char *ja)
{
    hyoka__html_puts(o, "<th scope=\"col\">");
    hyoka__html_puts_tr(o, en, ja);
    hyoka__html_puts(o, "</th>");
}

void hyoka__html_money_col_head(struct hyoka__html_out *o, const char *en, const char *ja)
{
    hyoka__html_puts(o, "<th scope=\"col\">");
    hyoka__html_puts_tr(o, en, ja);
    hyoka__html_puts(o, " (");
    hyoka__html_puts(o, hyoka__html_money_unit(o));
    hyoka__html_puts(o, ")</th>");
}

void hyoka__html_enum_cell(struct hyoka__html_out *o, const char *en, const char *ja, int which, int value)
{
    hyoka__html_row_head(o, en, ja, "<td>");
    hyoka__html_puts(o, hyoka__html_enum_label(o, which, value, "", ""));
    hyoka__html_puts(o, "</td>");
}

/* A text of the project under a label, as a row of an info table. */
struct labelled_text {
    int field; /* hyoka_text_field */
    const char *en, *ja;
};

/* ------------------------------------------------------------------------ */
/* Header band, basic information, texts                                     */

void hyoka__html_header_band(struct hyoka__html_out *o, const hyoka_project *p, int depth)
{
    static const struct labelled_text staff[] = {
        {HYOKA_TEXT_DEPARTMENT, "Department", "所管部"},
        {HYOKA_TEXT_SECTION, "Section", "所管課"},
        {HYOKA_TEXT_GROUP, "Group", "係・グループ"},
        {HYOKA_TEXT_HEAD, "Head", "責任者"},
        {HYOKA_TEXT_CONTACT, "Contact", "担当者"},
        {HYOKA_TEXT_PHONE, "Phone", "電話"},
    };
    const char *const *t = (const char *const *)p->text;
    int h = hyoka__html_heading(depth, 1);

    if (depth == 0) {
        hyoka__html_puts(o, "<div class=\"doc-head\"><p class=\"doc-kind\">");
        hyoka__html_puts_tr(o, "Administrative project evaluation sheet", "事務事業評価表");
        hyoka__html_puts(o, "</p>");
        if (o->pf && o->pf->municipality_name) {
            hyoka__html_puts(o, "<p class=\"municipality\">");
            hyoka__html_esc(o, o->pf->municipality_name);
            hyoka__html_puts(o, "</p>");
        }
        hyoka__html_puts(o, "</div>\n");
    }
    hyoka__html_puts(o, "<table class=\"band\">\n<tr>");
    if (depth == 0)
        hyoka__html_row_head(o, "Project", "事務事業名", "");
    else
        hyoka__html_row_head(o, "Sub-project", "細事業名", "");
    hyoka__html_putf(o, "<td colspan=\"3\" class=\"project-name\"><h%d>", h);
    if (t[HYOKA_TEXT_NAME])
        hyoka__html_esc(o, t[HYOKA_TEXT_NAME]);
    else
        hyoka__html_puts_tr(o, "(no name)", "（名称なし）");
    hyoka__html_putf(o, "</h%d></td>", h);
    hyoka__html_row_head(o, "Code", "事業コード", "");
    hyoka__html_td_text(o, t[HYOKA_TEXT_CODE], " class=\"code\"");
    /* Two rows of three: who is in charge. */
    for (int i = 0; i < HYOKA__HTML_COUNT_OF(staff); i++) {
        if (i % 3 == 0)
            hyoka__html_puts(o, "</tr>\n<tr>");
        hyoka__html_row_head(o, staff[i].en, staff[i].ja, "");
        hyoka__html_td_text(o, t[staff[i].field], NULL);
    }
    hyoka__html_puts(o, "</tr>\n</table>\n");
}

static void class_path(struct hyoka__html_out *o, const struct hyoka__class_path *path)
{
    for (size_t i = 0; i < path->count; i++) {
        const struct hyoka__class_level *l = &path->items[i];
        if (i)
            hyoka__html_puts(o, "<span class=\"sep\"> \xE2\x80\xBA </span>");
        hyoka__html_puts(o, "<span class=\"level\">");
        if (l->level) {
            hyoka__html_puts(o, "<span class=\"level-name\">");
            hyoka__html_esc(o, l->level);
            hyoka__html_puts(o, "</span> ");
        }
        if (l->code) {
            hyoka__html_puts(o, "<span class=\"level-code\">");
            hyoka__html_esc(o, l->code);
            hyoka__html_puts(o, "</span> ");
        }
        hyoka__html_esc(o, l->name);
        hyoka__html_puts(o, "</span>");
    }
}

void hyoka__html_basic_info(struct hyoka__html_out *o, const hyoka_project *p, int depth)
{
    hyoka__html_section_open(o, "basic", depth, "Basic information", "基本情報");
    hyoka__html_puts(o, "<table class=\"info\">\n<tr>");
    hyoka__html_row_head(o, "Policy system", "政策体系", "<td colspan=\"3\">");
    class_path(o, &p->cls[HYOKA_CLASS_POLICY]);
    hyoka__html_puts(o, "</td></tr>\n<tr>");
    hyoka__html_row_head(o, "Budget account", "予算科目", "<td colspan=\"3\">");
    class_path(o, &p->cls[HYOKA_CLASS_ACCOUNT]);
    hyoka__html_puts(o, "</td></tr>\n<tr>");
    hyoka__html_enum_cell(o, "Duty type", "事務区分", HYOKA_ENUM_DUTY, p->duty);
    hyoka__html_enum_cell(o, "Period", "事業期間", HYOKA_ENUM_PERIOD, p->period);
    hyoka__html_puts(o, "</tr>\n<tr>");
    hyoka__html_row_head(o, "First fiscal year", "開始年度", "<td>");
    if (p->start_year)
        hyoka__html_put_fy_era(o, p->start_year);
    hyoka__html_puts(o, "</td>");
    hyoka__html_row_head(o, "Last fiscal year", "終了年度", "<td>");
    if (p->end_year)
        hyoka__html_put_fy_era(o, p->end_year);
    else
        hyoka__html_puts_tr(o, "(open-ended)", "（定めなし）");
    hyoka__html_puts(o, "</td></tr>\n<tr>");
    hyoka__html_row_head(o, "Legal basis", "根拠法令", "");
    hyoka__html_td_text(o, p->text[HYOKA_TEXT_LEGAL_BASIS], " colspan=\"3\"");
    hyoka__html_puts(o, "</tr>\n</table>\n</section>\n");
}

void hyoka__html_texts(struct hyoka__html_out *o, const hyoka_project *p, int depth)
{
    static const struct labelled_text rows[] = {
        {HYOKA_TEXT_SUMMARY, "Summary", "事業概要"},
        {HYOKA_TEXT_PURPOSE, "Purpose", "目的"},
        {HYOKA_TEXT_TARGET, "Target", "対象"},
        {HYOKA_TEXT_INTENT, "Intent", "意図"},
        {HYOKA_TEXT_RESULT, "Result", "結果"},
        {HYOKA_TEXT_BACKGROUND, "Background", "開始のきっかけ・背景"},
        {HYOKA_TEXT_ENVIRONMENT, "Changes in the environment", "環境変化"},
        {HYOKA_TEXT_OPINIONS, "Opinions and requests", "意見・要望"},
        {HYOKA_TEXT_ACTIVITIES_DONE, "Activities carried out", "実施内容"},
        {HYOKA_TEXT_ACTIVITIES_PLANNED, "Activities planned", "今後の予定"},
    };
    bool any = false;

    for (int i = 0; i < HYOKA__HTML_COUNT_OF(rows); i++)
        any = any || p->text[rows[i].field];
    if (!any)
        return;
    hyoka__html_section_open(o, "texts", depth, "Content of the project", "事業の内容");
    hyoka__html_puts(o, "<table class=\"info texts-table\">\n");
    for (int i = 0; i < HYOKA__HTML_COUNT_OF(rows); i++) {
        if (!p->text[rows[i].field])
            continue;
        hyoka__html_puts(o, "<tr>");
        hyoka__html_row_head(o, rows[i].en, rows[i].ja, "");
        hyoka__html_td_text(o, p->text[rows[i].field], NULL);
        hyoka__html_puts(o, "</tr>\n");
    }
    hyoka__html_puts(o, "</table>\n</section>\n");
}

/* ------------------------------------------------------------------------ */
/* Costs                                                                     */

/* Cost years of @p p in fiscal-year order (stable), into o->order; also
 * indexes them in o->yix (the previous years of TOTAL_COST_CHANGE). */
static size_t order_years(struct hyoka__html_out *o, const hyoka_project *p)
{
    size_t n = p->years.count;

    if (!hyoka__html_scratch(o, (void **)&o->order, &o->order_cap, n, sizeof *o->order))
        return 0;
    hyoka__year_index_build(&o->yix, p);
    if (o->yix.project == p) {
        /* The index is in (fiscal year, index) order already. */
        for (size_t i = 0; i < n; i++)
            o->order[i] = o->yix.slots[i].pos;
        return n;
    }
    /* Not indexed (few years, or out of memory for the index): insertion
     * sort (stable) for the usual handful of years; a Shell sort keyed on
     * (fiscal year, index), which keeps it stable, for many. */
    for (size_t i = 0; i < n; i++)
        o->order[i] = i;
    if (n > 64) {
        /* Shell sort by (fiscal year, index): stable through the index key. */
        for (size_t gap = n / 2; gap > 0; gap /= 2) {
            for (size_t i = gap; i < n; i++) {
                size_t v = o->order[i], j = i;
                const hyoka_costs *cv = p->years.items[v];
                while (j >= gap) {
                    size_t w = o->order[j - gap];
                    const hyoka_costs *cw = p->years.items[w];
                    if (cw->fiscal_year < cv->fiscal_year || (cw->fiscal_year == cv->fiscal_year && w < v))
                        break;
                    o->order[j] = w;
                    j -= gap;
                }
                o->order[j] = v;
            }
        }
    } else {
        for (size_t i = 1; i < n; i++) {
            size_t v = o->order[i], j = i;
            const hyoka_costs *cv = p->years.items[v];
            while (j > 0 && ((const hyoka_costs *)p->years.items[o->order[j - 1]])->fiscal_year > cv->fiscal_year) {
                o->order[j] = o->order[j - 1];
                j--;
            }
            o->order[j] = v;
        }
    }
    return n;
}

/* One row of the cost table: a header (@p group for a rowspan'd group
 * header, or a label over two columns), the unit, and a cell per year. */
static void row_start(struct hyoka__html_out *o, const char *cls, const char *label, const char *unit, bool in_group)
{
    hyoka__html_putf(o, "<tr class=\"%s\">", cls);
    if (in_group)
        hyoka__html_puts(o, "<th scope=\"row\" class=\"sub\">");
    else
        hyoka__html_puts(o, "<th scope=\"row\" colspan=\"2\">");
    hyoka__html_puts(o, label);
    hyoka__html_puts(o, "</th><td class=\"unit\">");
    hyoka__html_puts(o, unit);
    hyoka__html_puts(o, "</td>");
}

static void figure_row(struct hyoka__html_out *o, const hyoka_project *p, size_t n, const char *cls, const char *label,
                       const char *unit, int figure, bool in_group)
{
    row_start(o, cls, label, unit, in_group);
    for (size_t i = 0; i < n; i++)
        hyoka__html_cell_figure(o, p->years.items[o->order[i]], figure);
    hyoka__html_puts(o, "</tr>\n");
}

static void field_row(struct hyoka__html_out *o, const hyoka_project *p, size_t n, const char *cls, const char *label,
                      const char *unit, int field, bool in_group)
{
    row_start(o, cls, label, unit, in_group);
    for (size_t i = 0; i < n; i++)
        hyoka__html_cell_field(o, p->years.items[o->order[i]], field);
    hyoka__html_puts(o, "</tr>\n");
}

/* A staff line: what it is made of (persons, FTE or hours, unit cost or
 * rate), then its cost. */
static void staff_line(struct hyoka__html_out *o, const hyoka_staff *s)
{
    int64_t cost = 0;
    int reason = HYOKA_REASON_NONE, rc;
    bool any = false;

    hyoka__html_puts(o, "<div class=\"staff-line\"><span class=\"staff-basis\">");
    if (HYOKA__HTML_HAS(s->present, HYOKA_STAFF_HEADCOUNT)) {
        hyoka__html_put_decimal(o, &s->dec[HYOKA_STAFF_HEADCOUNT]);
        hyoka__html_puts_tr(o, " persons", "人");
        any = true;
    }
    if (HYOKA__HTML_HAS(s->present, HYOKA_STAFF_FTE)) {
        if (any)
            hyoka__html_puts(o, " ");
        hyoka__html_put_decimal(o, &s->dec[HYOKA_STAFF_FTE]);
        hyoka__html_puts_tr(o, " FTE", "人工");
        if (HYOKA__HTML_HAS(s->present, HYOKA_STAFF_UNIT_COST)) {
            hyoka__html_puts(o, " \xC3\x97 ");
            hyoka__html_put_money(o, s->amount[HYOKA_STAFF_UNIT_COST - 3]);
        }
        any = true;
    }
    if (HYOKA__HTML_HAS(s->present, HYOKA_STAFF_HOURS)) {
        if (any)
            hyoka__html_puts(o, " ");
        hyoka__html_put_decimal(o, &s->dec[HYOKA_STAFF_HOURS]);
        hyoka__html_puts_tr(o, " h", "時間");
        if (HYOKA__HTML_HAS(s->present, HYOKA_STAFF_HOURLY_RATE) &&
            !(HYOKA__HTML_HAS(s->present, HYOKA_STAFF_FTE) && HYOKA__HTML_HAS(s->present, HYOKA_STAFF_UNIT_COST))) {
            hyoka__html_puts(o, " \xC3\x97 ");
            hyoka__html_put_money(o, s->amount[HYOKA_STAFF_HOURLY_RATE - 3]);
        }
    }
    hyoka__html_puts(o, "</span> ");
    rc = hyoka__staff_cost(s, &cost, &reason);
    if (rc == HYOKA_OK) {
        hyoka__html_putf(o, "<span class=\"staff-cost\" data-yen=\"%lld\">", (long long)cost);
        hyoka__html_put_money(o, cost);
        hyoka__html_puts(o, "</span>");
    } else {
        hyoka__html_cell_na(o, "span", "staff-cost", hyoka__html_why_failed(o, rc, reason));
    }
    hyoka__html_puts(o, "</div>");
}

static void personnel_rows(struct hyoka__html_out *o, const hyoka_project *p, size_t n)
{
    /* Categories in use: regular .. temporary, then lines without one. */
    bool used[5] = {false};
    int rows = 1;

    for (size_t i = 0; i < n; i++) {
        const hyoka_costs *c = p->years.items[o->order[i]];
        for (size_t k = 0; k < c->staff.count; k++) {
            const hyoka_staff *s = c->staff.items[k];
            used[s->category >= 0 && s->category < 4 ? s->category : 4] = true;
        }
    }
    for (int k = 0; k < 5; k++)
        rows += used[k];
    for (int k = 0, first = 1; k < 5; k++) {
        if (!used[k])
            continue;
        hyoka__html_putf(o, "<tr class=\"row-staff staff-%s\">",
                         k < 4 ? hyoka_enum_name(HYOKA_ENUM_STAFF_CATEGORY, k) : "none");
        if (first) {
            hyoka__html_putf(o, "<th scope=\"rowgroup\" rowspan=\"%d\" class=\"group\">", rows);
            hyoka__html_puts_tr(o, "Personnel", "人件費");
            hyoka__html_puts(o, "</th>");
            first = 0;
        }
        hyoka__html_puts(o, "<th scope=\"row\" class=\"sub\">");
        hyoka__html_puts(o, k < 4 ? hyoka__html_enum_label(o, HYOKA_ENUM_STAFF_CATEGORY, k, "", "")
                                  : hyoka__html_tr(o, "unspecified", "区分なし"));
        hyoka__html_puts(o, "</th><td class=\"unit\">");
        hyoka__html_puts(o, hyoka__html_money_unit(o));
        hyoka__html_puts(o, "</td>");
        for (size_t i = 0; i < n; i++) {
            const hyoka_costs *c = p->years.items[o->order[i]];
            bool any = false;
            for (size_t j = 0; j < c->staff.count; j++) {
                const hyoka_staff *s = c->staff.items[j];
                int cat = s->category >= 0 && s->category < 4 ? s->category : 4;
                if (cat != k)
                    continue;
                if (!any)
                    hyoka__html_puts(o, "<td class=\"num staff\">");
                any = true;
                staff_line(o, s);
            }
            if (any)
                hyoka__html_puts(o, "</td>");
            else
                hyoka__html_cell_na(o, "td", NULL, hyoka__html_tr(o, "no staff line", "記載なし"));
        }
        hyoka__html_puts(o, "</tr>\n");
    }
    if (rows == 1) {
        figure_row(o, p, n, "row-personnel", hyoka__html_tr(o, "Personnel", "人件費"), hyoka__html_money_unit(o),
                   HYOKA_FIG_PERSONNEL, false);
        return;
    }
    figure_row(o, p, n, "row-personnel", hyoka__html_tr(o, "Personnel total", "人件費計"), hyoka__html_money_unit(o),
               HYOKA_FIG_PERSONNEL, true);
}

static bool any_field(const hyoka_project *p, int field)
{
    for (size_t i = 0; i < p->years.count; i++) {
        const hyoka_costs *c = p->years.items[i];
        if (HYOKA__HTML_HAS(c->present, field))
            return true;
    }
    return false;
}

void hyoka__html_costs_section(struct hyoka__html_out *o, const hyoka_project *p, int depth, unsigned seq)
{
    size_t n = order_years(o, p);
    const char *mu;

    if (o->out.err != HYOKA_OK)
        return;
    mu = hyoka__html_money_unit(o);
    hyoka__html_section_open(o, "costs", depth, "Costs by fiscal year", "事業費の推移");
    if (n == 0) {
        hyoka__html_puts(o, "<p class=\"none\">");
        hyoka__html_puts_tr(o, "No cost year is given.", "経費の記載なし。");
        hyoka__html_puts(o, "</p>\n</section>\n");
        return;
    }
    hyoka__html_puts(o, "<p class=\"unit-note\">");
    hyoka__html_puts_tr(o, "Amounts in ", "金額の単位: ");
    hyoka__html_puts(o, mu);
    hyoka__html_puts_tr(o, ". \xE2\x80\x94 marks a figure that cannot be computed (the reason shows on hover).",
                        "。「\xE2\x80\x94」は算出できない値（理由はポインタを重ねると表示）。");
    hyoka__html_puts(o, "</p>\n<div class=\"scroll\">\n");
    hyoka__html_putf(o,
                     "<table class=\"cost-table\" data-project=\"%u\" data-years=\"%zu\">\n<thead><tr>"
                     "<th scope=\"col\" colspan=\"2\">",
                     seq, n);
    hyoka__html_puts_tr(o, "Item", "区分");
    hyoka__html_puts(o, "</th><th scope=\"col\">");
    hyoka__html_puts_tr(o, "Unit", "単位");
    hyoka__html_puts(o, "</th>");
    for (size_t i = 0; i < n; i++) {
        const hyoka_costs *c = p->years.items[o->order[i]];
        hyoka__html_putf(o, "<th scope=\"col\" data-fy=\"%ld\">", (long)c->fiscal_year);
        hyoka__html_put_fy(o, c->fiscal_year);
        if (c->phase >= 0) {
            hyoka__html_puts(o, "<br><span class=\"phase\">");
            hyoka__html_puts(o, hyoka__html_enum_label(o, HYOKA_ENUM_PHASE, c->phase, "", ""));
            hyoka__html_puts(o, "</span>");
        }
        hyoka__html_puts(o, "</th>");
    }
    hyoka__html_puts(o, "</tr></thead>\n<tbody>\n");
    field_row(o, p, n, "row-initial", hyoka__html_tr(o, "Initial budget", "当初予算"), mu, HYOKA_COST_INITIAL_BUDGET,
              false);
    field_row(o, p, n, "row-final", hyoka__html_tr(o, "Final budget", "最終予算"), mu, HYOKA_COST_FINAL_BUDGET, false);
    field_row(o, p, n, "row-settlement", hyoka__html_tr(o, "Settlement", "決算額"), mu, HYOKA_COST_SETTLEMENT, false);
    figure_row(o, p, n, "row-expense", hyoka__html_tr(o, "Expense", "事業費"), mu, HYOKA_FIG_EXPENSE, false);
    for (int k = 0; k < HYOKA__HTML_SOURCE_COUNT; k++) {
        hyoka__html_putf(o, "<tr class=\"row-source src-%s\">", hyoka__html_segment_class(k));
        if (k == 0) {
            hyoka__html_putf(o, "<th scope=\"rowgroup\" rowspan=\"%d\" class=\"group\">", HYOKA__HTML_SOURCE_COUNT);
            hyoka__html_puts_tr(o, "Funding", "財源内訳");
            hyoka__html_puts(o, "</th>");
        }
        hyoka__html_puts(o, "<th scope=\"row\" class=\"sub\"><span class=\"swatch seg-");
        hyoka__html_puts(o, hyoka__html_segment_class(k));
        hyoka__html_puts(o, "\"></span>");
        hyoka__html_puts(o, hyoka__html_segment_label(o, k));
        hyoka__html_puts(o, "</th><td class=\"unit\">");
        hyoka__html_puts(o, mu);
        hyoka__html_puts(o, "</td>");
        for (size_t i = 0; i < n; i++)
            hyoka__html_cell_field(o, p->years.items[o->order[i]], HYOKA__FUNDING_FIRST + k);
        hyoka__html_puts(o, "</tr>\n");
    }
    personnel_rows(o, p, n);
    figure_row(o, p, n, "row-debt", hyoka__html_tr(o, "Debt service", "公債費"), mu, HYOKA_FIG_DEBT_SERVICE, false);
    figure_row(o, p, n, "row-indirect", hyoka__html_tr(o, "Indirect costs", "間接費"), mu, HYOKA_FIG_INDIRECT_COSTS,
               false);
    figure_row(o, p, n, "row-total", hyoka__html_tr(o, "Total cost", "トータルコスト"), mu, HYOKA_FIG_TOTAL_COST,
               false);
    figure_row(o, p, n, "row-change", hyoka__html_tr(o, "Change from the previous year", "前年度比"), "%",
               HYOKA_FIG_TOTAL_COST_CHANGE, false);
    figure_row(o, p, n, "row-per-capita", hyoka__html_tr(o, "Per capita", "市民一人当たり"),
               hyoka__html_per_head_unit(o, HYOKA_FIG_PER_CAPITA), HYOKA_FIG_PER_CAPITA, false);
    figure_row(o, p, n, "row-per-household", hyoka__html_tr(o, "Per household", "一世帯当たり"),
               hyoka__html_per_head_unit(o, HYOKA_FIG_PER_HOUSEHOLD), HYOKA_FIG_PER_HOUSEHOLD, false);
    field_row(o, p, n, "row-usage", hyoka__html_tr(o, "Usage", "利用数"), hyoka__html_tr(o, "count", "件・人"),
              HYOKA_COST_USAGE, false);
    figure_row(o, p, n, "row-unit-cost", hyoka__html_tr(o, "Cost per unit of usage", "利用数一単位当たり"),
               hyoka__html_per_head_unit(o, HYOKA_FIG_UNIT_COST), HYOKA_FIG_UNIT_COST, false);
    if (any_field(p, HYOKA_COST_BENEFICIARIES)) {
        field_row(o, p, n, "row-beneficiaries", hyoka__html_tr(o, "Beneficiaries", "受益者数"),
                  hyoka__html_tr(o, "persons", "人"), HYOKA_COST_BENEFICIARIES, false);
        figure_row(o, p, n, "row-per-beneficiary", hyoka__html_tr(o, "Per beneficiary", "受益者一人当たり"),
                   hyoka__html_per_head_unit(o, HYOKA_FIG_PER_BENEFICIARY), HYOKA_FIG_PER_BENEFICIARY, false);
    }
    figure_row(o, p, n, "row-execution", hyoka__html_tr(o, "Execution rate", "執行率"), "%", HYOKA_FIG_EXECUTION_RATE,
               false);
    hyoka__html_puts(o, "</tbody>\n</table>\n</div>\n");
    hyoka__html_cost_chart(o, p, n, seq);
    hyoka__html_puts(o, "</section>\n");
}

/* ------------------------------------------------------------------------ */
/* Indicators                                                                */

/* The fiscal years of all the indicators of @p p, sorted, without
 * duplicates, into o->years. */
static size_t indicator_years(struct hyoka__html_out *o, const hyoka_project *p)
{
    size_t n = 0, total = 0;

    for (size_t i = 0; i < p->indicators.count; i++) {
        const hyoka_indicator *ind = p->indicators.items[i];
        if (!hyoka__size_add(total, ind->value_count, &total))
            return 0;
    }
    if (!hyoka__html_scratch(o, (void **)&o->years, &o->years_cap, total, sizeof *o->years))
        return 0;
    for (size_t i = 0; i < p->indicators.count; i++) {
        const hyoka_indicator *ind = p->indicators.items[i];
        for (size_t k = 0; k < ind->value_count; k++)
            o->years[n++] = ind->values[k].fiscal_year;
    }
    /* Shell sort, then drop duplicates. */
    for (size_t gap = n / 2; gap > 0; gap /= 2) {
        for (size_t i = gap; i < n; i++) {
            int32_t v = o->years[i];
            size_t j = i;
            while (j >= gap && o->years[j - gap] > v) {
                o->years[j] = o->years[j - gap];
                j -= gap;
            }
            o->years[j] = v;
        }
    }
    if (n == 0)
        return 0;
    total = 1;
    for (size_t i = 1; i < n; i++)
        if (o->years[i] != o->years[total - 1])
            o->years[total++] = o->years[i];
    return total;
}

static void value_cell(struct hyoka__html_out *o, const hyoka_indicator *ind, int32_t fy, int field)
{
    hyoka_decimal d;

    if (hyoka_indicator_value(ind, fy, field, &d) == 1) {
        char b[HYOKA_DECIMAL_STRING_MAX];
        size_t n = 0;
        hyoka__html_puts(o, "<td class=\"num\" data-fy=\"");
        hyoka__html_putf(o, "%ld\" data-value=\"", (long)fy);
        if (hyoka_decimal_format(&d, 0, b, sizeof b, &n) == HYOKA_OK)
            hyoka__html_put(o, b, n);
        hyoka__html_puts(o, "\">");
        hyoka__html_put_decimal(o, &d);
        hyoka__html_puts(o, "</td>");
    } else if (field == HYOKA_VALUE_TARGET && ind->not_settable) {
        const char *why = ind->text[HYOKA_INDICATOR_NOT_SETTABLE_REASON];
        hyoka__html_puts(o, "<td class=\"na not-settable\" title=\"");
        hyoka__html_esc(o, why ? why : hyoka__html_tr(o, "a target cannot be set", "目標の設定が困難"));
        hyoka__html_puts(o, "\">");
        hyoka__html_puts_tr(o, "not settable", "設定困難");
        hyoka__html_puts(o, "</td>");
    } else {
        hyoka__html_cell_na(o, "td", NULL, hyoka__html_not_given(o));
    }
}

static void achievement_cell(struct hyoka__html_out *o, const hyoka_indicator *ind, int32_t fy)
{
    hyoka_decimal d, stated;
    int reason = HYOKA_REASON_NONE;
    int rc = hyoka__indicator_figure(ind, fy, HYOKA_FIG_ACHIEVEMENT, &d, &reason);
    bool has_stated = hyoka_indicator_value(ind, fy, HYOKA_VALUE_STATED_ACHIEVEMENT, &stated) == 1;

    if (rc != HYOKA_OK) {
        hyoka__html_cell_na(o, "td", NULL, hyoka__html_why_failed(o, rc, reason));
        return;
    }
    if (has_stated && hyoka_decimal_cmp(&stated, &d) != 0) {
        hyoka__html_puts(o, "<td class=\"num differs\" title=\"");
        hyoka__html_puts_tr(o, "printed on the sheet: ", "記載値: ");
        hyoka__html_put_decimal(o, &stated);
        hyoka__html_puts(o, "\">");
    } else {
        hyoka__html_puts(o, "<td class=\"num\">");
    }
    hyoka__html_put_decimal(o, &d);
    hyoka__html_puts(o, "</td>");
}

static bool any_value(const hyoka_indicator *ind, int field)
{
    for (size_t k = 0; k < ind->value_count; k++)
        if (HYOKA__HTML_HAS(ind->values[k].present, field))
            return true;
    return false;
}

void hyoka__html_indicators_section(struct hyoka__html_out *o, const hyoka_project *p, int depth, unsigned seq)
{
    size_t ny, ncharts = 0;

    if (p->indicators.count == 0)
        return;
    ny = indicator_years(o, p);
    if (o->out.err != HYOKA_OK)
        return;
    hyoka__html_section_open(o, "indicators", depth, "Indicators", "指標");
    hyoka__html_puts(o, "<div class=\"scroll\">\n");
    hyoka__html_putf(o, "<table class=\"indicator-table\" data-project=\"%u\">\n<thead><tr><th scope=\"col\">", seq);
    hyoka__html_puts_tr(o, "Kind", "区分");
    hyoka__html_puts(o, "</th><th scope=\"col\">");
    hyoka__html_puts_tr(o, "Indicator", "指標名");
    hyoka__html_puts(o, "</th><th scope=\"col\">");
    hyoka__html_puts_tr(o, "Unit", "単位");
    hyoka__html_puts(o, "</th><th scope=\"col\">");
    hyoka__html_puts_tr(o, "Value", "項目");
    hyoka__html_puts(o, "</th>");
    for (size_t i = 0; i < ny; i++) {
        hyoka__html_putf(o, "<th scope=\"col\" data-fy=\"%ld\">", (long)o->years[i]);
        hyoka__html_put_fy(o, o->years[i]);
        hyoka__html_puts(o, "</th>");
    }
    hyoka__html_puts(o, "<th scope=\"col\">");
    hyoka__html_puts_tr(o, "Long-term target", "将来目標");
    hyoka__html_puts(o, "</th></tr></thead>\n");

    for (size_t x = 0; x < p->indicators.count; x++) {
        const hyoka_indicator *ind = p->indicators.items[x];
        bool forecast = any_value(ind, HYOKA_VALUE_FORECAST);
        int rows = forecast ? 4 : 3;
        static const struct {
            int field;
            const char *cls, *en, *ja;
        } kinds[4] = {
            {HYOKA_VALUE_TARGET, "ind-target", "target", "目標値"},
            {HYOKA_VALUE_ACTUAL, "ind-actual", "actual", "実績値"},
            {-1, "ind-achievement", "achievement", "達成率"},
            {HYOKA_VALUE_FORECAST, "ind-forecast", "forecast", "見込値"},
        };

        if (ind->kind == HYOKA_KIND_ACTION)
            continue; /* an activity of the logic model has no values: drawn in the logic model */
        hyoka__html_putf(o, "<tbody class=\"indicator\" data-indicator=\"%zu\">\n", x);
        for (int r = 0; r < rows; r++) {
            hyoka__html_putf(o, "<tr class=\"%s\" data-project=\"%u\" data-indicator=\"%zu\">", kinds[r].cls, seq, x);
            if (r == 0) {
                hyoka__html_putf(o, "<td rowspan=\"%d\" class=\"kind\">", rows);
                hyoka__html_puts(o, hyoka__html_enum_label(o, HYOKA_ENUM_INDICATOR_KIND, ind->kind, "", ""));
                hyoka__html_putf(o, "</td><th scope=\"rowgroup\" rowspan=\"%d\" class=\"indicator-name\">", rows);
                if (ind->text[HYOKA_INDICATOR_NAME])
                    hyoka__html_esc(o, ind->text[HYOKA_INDICATOR_NAME]);
                else
                    hyoka__html_puts_tr(o, "(no name)", "（名称なし）");
                if (ind->direction >= 0) {
                    hyoka__html_puts(o, " <span class=\"direction\">(");
                    hyoka__html_puts(o, hyoka__html_enum_label(o, HYOKA_ENUM_DIRECTION, ind->direction, "", ""));
                    hyoka__html_puts(o, ")</span>");
                }
                if (ind->text[HYOKA_INDICATOR_DEFINITION]) {
                    hyoka__html_puts(o, "<div class=\"definition\">");
                    hyoka__html_esc_ml(o, ind->text[HYOKA_INDICATOR_DEFINITION]);
                    hyoka__html_puts(o, "</div>");
                }
                hyoka__html_putf(o, "</th><td rowspan=\"%d\" class=\"unit\">", rows);
                hyoka__html_esc(o, ind->text[HYOKA_INDICATOR_UNIT]);
                hyoka__html_puts(o, "</td>");
            }
            hyoka__html_puts(o, "<th scope=\"row\" class=\"sub\">");
            hyoka__html_puts_tr(o, kinds[r].en, kinds[r].ja);
            hyoka__html_puts(o, "</th>");
            for (size_t i = 0; i < ny; i++) {
                if (kinds[r].field < 0)
                    achievement_cell(o, ind, o->years[i]);
                else
                    value_cell(o, ind, o->years[i], kinds[r].field);
            }
            if (r == 0) {
                hyoka_decimal lt;
                int32_t lty = 0;
                hyoka__html_putf(o, "<td rowspan=\"%d\" class=\"long-term\">", rows);
                if (hyoka_indicator_long_term(ind, &lt, &lty) == 1) {
                    hyoka__html_put_decimal(o, &lt);
                    if (lty) {
                        hyoka__html_puts(o, " (");
                        hyoka__html_put_fy(o, lty);
                        hyoka__html_puts(o, ")");
                    }
                    if (ind->text[HYOKA_INDICATOR_LONG_TERM_NOTE])
                        hyoka__html_puts(o, "<br>");
                }
                hyoka__html_esc_ml(o, ind->text[HYOKA_INDICATOR_LONG_TERM_NOTE]);
                hyoka__html_puts(o, "</td>");
            }
            hyoka__html_puts(o, "</tr>\n");
        }
        hyoka__html_puts(o, "</tbody>\n");
        if (any_value(ind, HYOKA_VALUE_TARGET) || any_value(ind, HYOKA_VALUE_ACTUAL))
            ncharts++;
    }
    hyoka__html_puts(o, "</table>\n</div>\n");

    if (ncharts) {
        hyoka__html_puts(o, "<div class=\"indicator-charts\">\n");
        for (size_t x = 0; x < p->indicators.count; x++) {
            const hyoka_indicator *ind = p->indicators.items[x];
            size_t t = 0, a = 0, m = 0;
            /* Count this indicator's targets and actuals over the years. */
            for (size_t i = 0; i < ny; i++) {
                int ht = hyoka_indicator_value(ind, o->years[i], HYOKA_VALUE_TARGET, NULL) == 1;
                int ha = hyoka_indicator_value(ind, o->years[i], HYOKA_VALUE_ACTUAL, NULL) == 1;
                t += (size_t)ht;
                a += (size_t)ha;
                m += (size_t)(ht || ha);
            }
            if (m == 0)
                continue;
            {
                /* The years it has a value in, after the project's years. */
                int32_t *ys;
                size_t k = 0;
                if (!hyoka__html_scratch(o, (void **)&o->years, &o->years_cap, ny + m, sizeof *o->years))
                    break;
                ys = o->years + ny;
                for (size_t i = 0; i < ny; i++) {
                    if (hyoka_indicator_value(ind, o->years[i], HYOKA_VALUE_TARGET, NULL) == 1 ||
                        hyoka_indicator_value(ind, o->years[i], HYOKA_VALUE_ACTUAL, NULL) == 1)
                        ys[k++] = o->years[i];
                }
                hyoka__html_indicator_chart(o, ind, x, seq, ys, k, t, a);
            }
        }
        hyoka__html_puts(o, "</div>\n");
    }
    hyoka__html_puts(o, "</section>\n");
}

/* ------------------------------------------------------------------------ */
/* Other entries                                                             */

void hyoka__html_extensions_section(struct hyoka__html_out *o, const hyoka_project *p, int depth)
{
    if (p->extensions.count == 0)
        return;
    hyoka__html_section_open(o, "extensions", depth, "Other entries", "その他の記載事項");
    hyoka__html_puts(o, "<table class=\"info\">\n");
    for (size_t i = 0; i < p->extensions.count; i++) {
        hyoka__html_puts(o, "<tr><th scope=\"row\">");
        hyoka__html_esc(o, p->extensions.items[i].key);
        hyoka__html_puts(o, "</th>");
        hyoka__html_td_text(o, p->extensions.items[i].value, NULL);
        hyoka__html_puts(o, "</tr>\n");
    }
    hyoka__html_puts(o, "</table>\n</section>\n");
}

