/* html/page: the pages. A project's page holds the project and its
 * sub-projects; the portfolio's index page lists its projects and links to
 * their pages (hyoka_html_file_name()). Both start with the same head and
 * style sheet and end with the same footer. */
#include "html_internal.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* Head and foot of every page                                               */

static void page_start(struct hyoka__html_out *o, const char *title_prefix, const hyoka_project *p)
{
    hyoka__html_puts(o, "<!DOCTYPE html>\n<html lang=\"");
    hyoka__html_puts(o, o->lang == HYOKA_LANG_JA ? "ja" : "en");
    hyoka__html_puts(o, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<meta name=\"generator\" content=\"hyoka ");
    hyoka__html_puts(o, hyoka_version_string());
    hyoka__html_puts(o, "\">\n<title>");
    hyoka__html_puts(o, title_prefix);
    if (p) {
        const char *code = p->text[HYOKA_TEXT_CODE], *name = p->text[HYOKA_TEXT_NAME];
        if (code) {
            hyoka__html_puts(o, " ");
            hyoka__html_esc(o, code);
        }
        hyoka__html_puts(o, " ");
        if (name)
            hyoka__html_esc(o, name);
        else
            hyoka__html_puts_tr(o, "(no name)", "（名称なし）");
    }
    if (o->pf && o->pf->municipality_name) {
        hyoka__html_puts(o, " \xE2\x80\x94 ");
        hyoka__html_esc(o, o->pf->municipality_name);
    }
    hyoka__html_puts(o, "</title>\n<style>\n");
    hyoka__html_style_sheet(o);
    hyoka__html_puts(o, "</style>\n</head>\n<body>\n<main class=\"sheet\">\n");
}

static void page_end(struct hyoka__html_out *o)
{
    hyoka__html_puts(o, "<footer class=\"page-foot\">");
    hyoka__html_puts_tr(o, "Figures computed by hyoka ", "数値は hyoka ");
    hyoka__html_puts(o, hyoka_version_string());
    hyoka__html_puts_tr(o, " from the data of the sheet; amounts in ", " が記載データから算出。金額の単位: ");
    hyoka__html_puts(o, hyoka__html_money_unit(o));
    hyoka__html_puts_tr(o, ".", "。");
    hyoka__html_puts(o, "</footer>\n</main>\n</body>\n</html>\n");
}

/* ------------------------------------------------------------------------ */
/* Arguments and the caller's last error                                     */

void hyoka__html_save_error(struct hyoka__html_saved_error *s)
{
    const char *m = hyoka_error_last();
    size_t n = strlen(m);

    if (n >= sizeof s->message)
        n = sizeof s->message - 1;
    memcpy(s->message, m, n);
    s->message[n] = '\0';
    s->code = hyoka_error_last_code();
}

void hyoka__html_restore_error(const struct hyoka__html_saved_error *s)
{
    if (s->code == HYOKA_OK && s->message[0] == '\0')
        hyoka_error_clear();
    else
        (void)hyoka__fail(s->code, "%s", s->message);
}

/* Hand the page to the caller, or free it on failure; the caller's last
 * error is back when the page succeeds. */
static int finish(struct hyoka__html_out *o, const struct hyoka__html_saved_error *saved, char **out, size_t *len)
{
    int rc = hyoka__html_out_take(o, out, len);

    if (rc == HYOKA_OK)
        hyoka__html_restore_error(saved);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* The page of a project                                                     */

/* A step of the sub-project walk. */
struct hyoka__html_frame {
    const hyoka_project *project;
    size_t next;   /* next child to open */
    int depth;
};

/* Everything of a project before its sub-projects. */
static void project_open(struct hyoka__html_out *o, const hyoka_project *p, int depth)
{
    unsigned seq = ++o->seq;

    hyoka__html_putf(o, "<article class=\"project%s\" data-project=\"%u\" data-depth=\"%d\">\n",
                     depth ? " subproject" : "", seq, depth);
    hyoka__html_header_band(o, p, depth);
    hyoka__html_basic_info(o, p, depth);
    hyoka__html_texts(o, p, depth);
    hyoka__html_costs_section(o, p, depth, seq);
    hyoka__html_budget_section(o, p, depth);
    hyoka__html_indicators_section(o, p, depth, seq);
    hyoka__html_logic_model(o, p, depth, seq);
    hyoka__html_evaluations_section(o, p, depth);
    hyoka__html_reflections_section(o, p, depth);
    hyoka__html_spending_section(o, p, depth);
    hyoka__html_extensions_section(o, p, depth);
    if (p->children.count) {
        hyoka__html_section_open(o, "subprojects", depth, "Sub-projects", "細事業");
    }
}

static void project_close(struct hyoka__html_out *o, const hyoka_project *p)
{
    if (p->children.count)
        hyoka__html_puts(o, "</section>\n");
    hyoka__html_puts(o, "</article>\n");
}

/* The project and its sub-projects, depth first, without recursion. */
static void project_tree(struct hyoka__html_out *o, const hyoka_project *root)
{
    size_t n = 0;

    if (!hyoka__html_scratch(o, (void **)&o->stack, &o->stack_cap, 1, sizeof *o->stack))
        return;
    o->stack[n++] = (struct hyoka__html_frame){root, 0, 0};
    project_open(o, root, 0);
    while (n > 0 && o->out.err == HYOKA_OK) {
        struct hyoka__html_frame *f = &o->stack[n - 1];
        if (f->next < f->project->children.count) {
            const hyoka_project *child = f->project->children.items[f->next++];
            int depth = f->depth + 1;
            if (!hyoka__html_scratch(o, (void **)&o->stack, &o->stack_cap, n + 1, sizeof *o->stack))
                return;
            o->stack[n++] = (struct hyoka__html_frame){child, 0, depth};
            project_open(o, child, depth);
        } else {
            project_close(o, f->project);
            n--;
        }
    }
}

int hyoka_html_project(const hyoka_project *project, int lang, char **out, size_t *len)
{
    struct hyoka__html_saved_error saved;
    struct hyoka__html_out o;

    HYOKA__CHECK_NULL(project);
    HYOKA__CHECK_NULL(out);
    if (hyoka__check_lang(__func__, lang) != HYOKA_OK)
        return HYOKA_EINVAL;
    hyoka__html_save_error(&saved);
    hyoka__html_out_init(&o, lang, hyoka_project_portfolio(project));
    page_start(&o, hyoka__html_tr(&o, "Evaluation sheet", "事務事業評価表"), project);
    project_tree(&o, project);
    page_end(&o);
    return finish(&o, &saved, out, len);
}

/* ------------------------------------------------------------------------ */
/* The index page of a portfolio                                             */

/* The latest cost year (highest fiscal year; the first of equals). */
static const hyoka_costs *latest_year(const hyoka_project *p)
{
    const hyoka_costs *best = NULL;

    for (size_t i = 0; i < p->years.count; i++) {
        const hyoka_costs *c = p->years.items[i];
        if (!best || c->fiscal_year > best->fiscal_year)
            best = c;
    }
    return best;
}

int hyoka_html_portfolio(const hyoka_portfolio *portfolio, int lang, char **out, size_t *len)
{
    struct hyoka__html_saved_error saved;
    struct hyoka__html_out o;
    const char *mname, *mcode;
    size_t n;

    HYOKA__CHECK_NULL(portfolio);
    HYOKA__CHECK_NULL(out);
    if (hyoka__check_lang(__func__, lang) != HYOKA_OK)
        return HYOKA_EINVAL;
    hyoka__html_save_error(&saved);
    hyoka__html_out_init(&o, lang, portfolio);
    mname = portfolio->municipality_name;
    mcode = portfolio->municipality_code;
    n = portfolio->projects.count;

    page_start(&o, hyoka__html_tr(&o, "Evaluation sheets", "事務事業評価表 一覧"), NULL);
    hyoka__html_puts(&o, "<div class=\"doc-head\"><p class=\"doc-kind\">");
    hyoka__html_puts_tr(&o, "Administrative project evaluation", "事務事業評価");
    hyoka__html_puts(&o, "</p></div>\n<h1 class=\"index-title\">");
    if (mname)
        hyoka__html_esc(&o, mname);
    else
        hyoka__html_puts_tr(&o, "(municipality not given)", "（団体名なし）");
    if (mcode) {
        hyoka__html_puts(&o, " <span class=\"code\">");
        hyoka__html_esc(&o, mcode);
        hyoka__html_puts(&o, "</span>");
    }
    hyoka__html_puts(&o, "</h1>\n<section class=\"index\">\n<h2>");
    hyoka__html_puts_tr(&o, "Projects", "事務事業一覧");
    hyoka__html_putf(&o, " (%zu)</h2>\n<div class=\"scroll\">\n<table class=\"index-table\" data-projects=\"%zu\">\n",
                     n, n);
    hyoka__html_puts(&o, "<thead><tr><th scope=\"col\">No.</th><th scope=\"col\">");
    hyoka__html_puts_tr(&o, "Code", "事業コード");
    hyoka__html_puts(&o, "</th><th scope=\"col\">");
    hyoka__html_puts_tr(&o, "Project", "事務事業名");
    hyoka__html_puts(&o, "</th><th scope=\"col\">");
    hyoka__html_puts_tr(&o, "Department", "所管部");
    hyoka__html_puts(&o, "</th><th scope=\"col\">");
    hyoka__html_puts_tr(&o, "Latest fiscal year", "最新年度");
    hyoka__html_puts(&o, "</th><th scope=\"col\">");
    hyoka__html_puts_tr(&o, "Total cost", "トータルコスト");
    hyoka__html_puts(&o, "<br><span class=\"phase\">(");
    hyoka__html_puts(&o, hyoka__html_money_unit(&o));
    hyoka__html_puts(&o, ")</span></th><th scope=\"col\">");
    hyoka__html_puts_tr(&o, "Per capita", "市民一人当たり");
    hyoka__html_puts(&o, "<br><span class=\"phase\">(");
    hyoka__html_puts(&o, hyoka__html_per_head_unit(&o, HYOKA_FIG_PER_CAPITA));
    hyoka__html_puts(&o, ")</span></th><th scope=\"col\">");
    hyoka__html_puts_tr(&o, "Final verdict", "最終評価");
    hyoka__html_puts(&o, "</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < n; i++) {
        const hyoka_project *p = portfolio->projects.items[i];
        const hyoka_costs *c = latest_year(p);
        const hyoka_evaluation *e = hyoka__final_evaluation(p);
        char file[32];

        if (hyoka_html_file_name(i, file, sizeof file, NULL) != HYOKA_OK)
            file[0] = '\0';
        hyoka__html_putf(&o, "<tr><td class=\"num\">%zu</td>", i + 1);
        hyoka__html_td_text(&o, p->text[HYOKA_TEXT_CODE], " class=\"code\"");
        hyoka__html_puts(&o, "<td><a href=\"");
        hyoka__html_puts(&o, file);
        hyoka__html_puts(&o, "\">");
        if (p->text[HYOKA_TEXT_NAME])
            hyoka__html_esc(&o, p->text[HYOKA_TEXT_NAME]);
        else
            hyoka__html_puts_tr(&o, "(no name)", "（名称なし）");
        hyoka__html_puts(&o, "</a></td>");
        hyoka__html_td_text(&o, p->text[HYOKA_TEXT_DEPARTMENT], NULL);
        if (c) {
            hyoka__html_puts(&o, "<td>");
            hyoka__html_put_fy(&o, c->fiscal_year);
            hyoka__html_puts(&o, "</td>");
            hyoka__html_cell_figure(&o, c, HYOKA_FIG_TOTAL_COST);
            hyoka__html_cell_figure(&o, c, HYOKA_FIG_PER_CAPITA);
        } else {
            for (int k = 0; k < 3; k++)
                hyoka__html_cell_na(&o, "td", NULL, hyoka__html_tr(&o, "no cost year", "経費の記載なし"));
        }
        if (e && e->text[HYOKA_EVAL_VERDICT]) {
            hyoka__html_puts(&o, "<td class=\"verdict\">");
            hyoka__html_verdict_label(&o, hyoka__scheme_of(e), e->text[HYOKA_EVAL_VERDICT]);
            hyoka__html_puts(&o, "</td>");
        } else {
            hyoka__html_cell_na(&o, "td", NULL, hyoka__html_tr(&o, "no verdict", "総合評価の記載なし"));
        }
        hyoka__html_puts(&o, "</tr>\n");
    }
    if (n == 0) {
        hyoka__html_puts(&o, "<tr><td colspan=\"8\" class=\"none\">");
        hyoka__html_puts_tr(&o, "The document holds no project.", "事務事業の記載なし。");
        hyoka__html_puts(&o, "</td></tr>\n");
    }
    hyoka__html_puts(&o, "</tbody>\n</table>\n</div>\n</section>\n");
    page_end(&o);
    return finish(&o, &saved, out, len);
}

int hyoka_html_file_name(size_t index, char *buf, size_t size, size_t *len)
{
    char tmp[48];
    int n;

    HYOKA__CHECK_BUFFER(buf, size);
    if (index == SIZE_MAX)
        return hyoka__fail(HYOKA_ERANGE, "%s: index %zu has no 1-based number", __func__, index);
    n = snprintf(tmp, sizeof tmp, "project-%zu.html", index + 1);
    if (n < 0 || (size_t)n >= sizeof tmp)
        return hyoka__fail(HYOKA_ERANGE, "%s: name too long", __func__);
    return hyoka__output(tmp, (size_t)n, buf, size, len);
}

