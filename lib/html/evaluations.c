/* html/evaluations: the evaluations of a project (stage, verdict, budget,
 * score and rating, the answers to the scheme's criteria, the comments, the
 * goals), with the labels of the evaluation's scheme. */
#include "html_internal.h"

#include <string.h>

void hyoka__html_verdict_label(struct hyoka__html_out *o, const hyoka_scheme *s, const char *code)
{
    size_t idx = 0;
    const char *label = NULL;

    if (s && hyoka_scheme_find_verdict(s, code, HYOKA_NTS, &idx) == HYOKA_OK)
        (void)hyoka_scheme_verdict_at(s, idx, NULL, &label, NULL);
    if (label) {
        hyoka__html_puts(o, "<span class=\"verdict-label\" title=\"");
        hyoka__html_esc(o, code);
        hyoka__html_puts(o, "\">");
        hyoka__html_esc(o, label);
        hyoka__html_puts(o, "</span>");
        if (o->lang == HYOKA_LANG_EN && strcmp(label, code) != 0) {
            hyoka__html_puts(o, " <span class=\"verdict-code\">(");
            hyoka__html_esc(o, code);
            hyoka__html_puts(o, ")</span>");
        }
    } else {
        hyoka__html_puts(o, "<span class=\"verdict-label unknown\" title=\"");
        hyoka__html_puts_tr(o, "not a verdict of the scheme", "評価方式にない区分");
        hyoka__html_puts(o, "\">");
        hyoka__html_esc(o, code);
        hyoka__html_puts(o, "</span>");
    }
}

static void budget_label(struct hyoka__html_out *o, const hyoka_scheme *s, const char *code)
{
    size_t idx = 0;
    const char *label = NULL;

    if (s && hyoka_scheme_find_budget(s, code, HYOKA_NTS, &idx) == HYOKA_OK)
        (void)hyoka_scheme_budget_at(s, idx, NULL, &label, NULL);
    hyoka__html_puts(o, "<span class=\"budget-label\" title=\"");
    hyoka__html_esc(o, code);
    hyoka__html_puts(o, "\">");
    hyoka__html_esc(o, label ? label : code);
    hyoka__html_puts(o, "</span>");
}

/* The opening of a table of class @p cls and its head of three columns,
 * labelled in the page's language. */
static void table_head(struct hyoka__html_out *o, const char *cls, const char *const labels[3][2])
{
    hyoka__html_puts(o, "<table class=\"");
    hyoka__html_puts(o, cls);
    hyoka__html_puts(o, "\">\n<thead><tr>");
    for (int i = 0; i < 3; i++)
        hyoka__html_col_head(o, labels[i][0], labels[i][1]);
    hyoka__html_puts(o, "</tr></thead>\n<tbody>\n");
}

static void answers_table(struct hyoka__html_out *o, const hyoka_evaluation *e, const hyoka_scheme *s)
{
    static const char *const heads[3][2] = {
        {"Criterion", "評価項目"},
        {"Rating", "評価"},
        {"Comment", "コメント"},
    };

    if (e->answers.count == 0)
        return;
    table_head(o, "criteria", heads);
    for (size_t i = 0; i < e->answers.count; i++) {
        const struct hyoka__kv *kv = &e->answers.items[i];
        const char *clabel = NULL, *olabel = NULL;
        size_t ci = 0;

        if (s && hyoka_scheme_find_criterion(s, kv->key, HYOKA_NTS, &ci) == HYOKA_OK) {
            (void)hyoka_scheme_criterion_at(s, ci, NULL, &clabel, NULL);
            for (size_t k = 0; k < hyoka_scheme_option_count(s, ci); k++) {
                const char *oc = NULL, *ol = NULL;
                if (hyoka_scheme_option_at(s, ci, k, &oc, &ol, NULL, NULL) == HYOKA_OK && oc &&
                    strcmp(oc, kv->value) == 0) {
                    olabel = ol;
                    break;
                }
            }
        }
        hyoka__html_puts(o, "<tr><th scope=\"row\">");
        hyoka__html_esc(o, clabel ? clabel : kv->key);
        hyoka__html_puts(o, "</th><td class=\"answer\"><span class=\"answer-code\">");
        hyoka__html_esc(o, kv->value);
        hyoka__html_puts(o, "</span>");
        if (olabel && strcmp(olabel, kv->value) != 0) {
            hyoka__html_puts(o, " ");
            hyoka__html_esc(o, olabel);
        }
        hyoka__html_puts(o, "</td>");
        hyoka__html_td_text(o, hyoka__kv_get(&e->comments, kv->key, HYOKA_NTS), NULL);
        hyoka__html_puts(o, "</tr>\n");
    }
    hyoka__html_puts(o, "</tbody>\n</table>\n");
}

static void evaluation_box(struct hyoka__html_out *o, const hyoka_evaluation *e, int depth)
{
    const hyoka_scheme *s = hyoka__scheme_of(e);
    const char *const *t = (const char *const *)e->text;
    hyoka_decimal score;
    const char *rlabel = NULL, *rcode = NULL;
    int reason = HYOKA_REASON_NONE, rc;
    size_t shown_comments = 0;
    int h = hyoka__html_heading(depth, 3);

    hyoka__html_putf(o, "<div class=\"evaluation\" data-stage=\"%s\">\n<h%d>",
                     e->stage >= 0 ? hyoka_enum_name(HYOKA_ENUM_STAGE, e->stage) : "none", h);
    hyoka__html_puts(o, hyoka__html_enum_label(o, HYOKA_ENUM_STAGE, e->stage, "Evaluation", "評価"));
    if (e->fiscal_year) {
        hyoka__html_puts(o, " \xE2\x80\x94 ");
        hyoka__html_put_fy(o, e->fiscal_year);
    }
    hyoka__html_putf(o, "</h%d>\n<table class=\"info eval-table\">\n<tr>", h);
    hyoka__html_enum_cell(o, "Stage", "評価段階", HYOKA_ENUM_STAGE, e->stage);
    hyoka__html_row_head(o, "Fiscal year evaluated", "評価対象年度", "<td>");
    if (e->fiscal_year)
        hyoka__html_put_fy(o, e->fiscal_year);
    hyoka__html_puts(o, "</td>");
    hyoka__html_row_head(o, "Date", "評価日", "<td>");
    if (e->date)
        hyoka__html_put_date(o, e->date);
    hyoka__html_puts(o, "</td></tr>\n<tr>");
    hyoka__html_row_head(o, "Evaluator", "評価者", "");
    hyoka__html_td_text(o, t[HYOKA_EVAL_EVALUATOR], " colspan=\"3\"");
    hyoka__html_row_head(o, "Scheme", "評価方式", "<td>");
    hyoka__html_esc(o, t[HYOKA_EVAL_SCHEME] ? t[HYOKA_EVAL_SCHEME] : "jp-standard");
    if (!s) {
        hyoka__html_puts(o, " <span class=\"unknown\">(");
        hyoka__html_puts_tr(o, "unknown", "不明");
        hyoka__html_puts(o, ")</span>");
    }
    hyoka__html_puts(o, "</td></tr>\n<tr>");
    hyoka__html_row_head(o, "Overall verdict", "総合評価", "<td class=\"verdict\">");
    if (t[HYOKA_EVAL_VERDICT])
        hyoka__html_verdict_label(o, s, t[HYOKA_EVAL_VERDICT]);
    hyoka__html_puts(o, "</td>");
    hyoka__html_row_head(o, "Budget", "予算の方向性", "<td>");
    if (t[HYOKA_EVAL_BUDGET])
        budget_label(o, s, t[HYOKA_EVAL_BUDGET]);
    hyoka__html_puts(o, "</td>");
    hyoka__html_row_head(o, "Score / rating", "評点・評定", "");
    rc = hyoka__evaluation_score(e, &score, &reason);
    if (rc == HYOKA_OK) {
        hyoka__html_puts(o, "<td class=\"score\"><span class=\"num\">");
        hyoka__html_put_decimal(o, &score);
        hyoka__html_puts(o, "</span>");
        reason = HYOKA_REASON_NONE;
        rc = hyoka__evaluation_rating(e, &rcode, &rlabel, &reason);
        if (rc == HYOKA_OK && (rlabel || rcode)) {
            hyoka__html_puts(o, " / <span class=\"rating\">");
            hyoka__html_esc(o, rlabel ? rlabel : rcode);
            hyoka__html_puts(o, "</span>");
        } else if (rc != HYOKA_OK && !(reason == HYOKA_REASON_NO_BANDS && s && hyoka_scheme_band_count(s) == 0 &&
                                       hyoka_scheme_missing_rating(s, NULL, NULL) != 1)) {
            /* (a scheme without bands has no rating to miss) */
            hyoka__html_puts(o, " / ");
            hyoka__html_cell_na(o, "span", "rating", hyoka__html_why_failed(o, rc, reason));
        }
        hyoka__html_puts(o, "</td>");
    } else {
        hyoka__html_cell_na(o, "td", "score", hyoka__html_why_failed(o, rc, reason));
    }
    hyoka__html_puts(o, "</tr>\n");
    if (e->expected_outcome >= 0 || e->expected_cost >= 0) {
        hyoka__html_puts(o, "<tr>");
        hyoka__html_row_head(o, "Expected effect", "見込まれる効果", "<td colspan=\"5\">");
        hyoka__html_puts_tr(o, "outcome: ", "成果: ");
        hyoka__html_puts(o, hyoka__html_enum_label(o, HYOKA_ENUM_EXPECTED_OUTCOME, e->expected_outcome, "\xE2\x80\x94",
                                                   "\xE2\x80\x94"));
        hyoka__html_puts_tr(o, "; cost: ", "、コスト: ");
        hyoka__html_puts(o, hyoka__html_enum_label(o, HYOKA_ENUM_EXPECTED_COST, e->expected_cost, "\xE2\x80\x94",
                                                   "\xE2\x80\x94"));
        hyoka__html_puts(o, "</td></tr>\n");
    }
    hyoka__html_puts(o, "</table>\n");
    answers_table(o, e, s);

    /* Comments not shown beside a criterion. */
    for (size_t i = 0; i < e->comments.count; i++) {
        const struct hyoka__kv *kv = &e->comments.items[i];
        const char *label;
        if (hyoka__kv_get(&e->answers, kv->key, HYOKA_NTS))
            continue;
        if (shown_comments++ == 0)
            hyoka__html_puts(o, "<table class=\"info comments\">\n");
        label = hyoka__html_comment_label(o, kv->key);
        hyoka__html_puts(o, "<tr><th scope=\"row\">");
        if (label)
            hyoka__html_puts(o, label);
        else
            hyoka__html_esc(o, kv->key);
        hyoka__html_puts(o, "</th>");
        hyoka__html_td_text(o, kv->value, NULL);
        hyoka__html_puts(o, "</tr>\n");
    }
    if (shown_comments)
        hyoka__html_puts(o, "</table>\n");

    if (e->goal_count) {
        static const char *const heads[3][2] = {
            {"Goal (what)", "今期目標（何を）"},
            {"Level (how far)", "達成水準（どこまで）"},
            {"By (when)", "時期（いつまで）"},
        };
        table_head(o, "goals", heads);
        for (size_t i = 0; i < e->goal_count; i++) {
            const struct hyoka__goal *g = &e->goals[i];
            hyoka__html_puts(o, "<tr>");
            hyoka__html_td_text(o, g->what, NULL);
            hyoka__html_td_text(o, g->level, NULL);
            hyoka__html_puts(o, "<td>");
            if (g->by)
                hyoka__html_put_date(o, g->by);
            hyoka__html_puts(o, "</td></tr>\n");
        }
        hyoka__html_puts(o, "</tbody>\n</table>\n");
    }
    hyoka__html_puts(o, "</div>\n");
}

void hyoka__html_evaluations_section(struct hyoka__html_out *o, const hyoka_project *p, int depth)
{
    if (p->evaluations.count == 0)
        return;
    hyoka__html_section_open(o, "evaluations", depth, "Evaluations", "評価");
    for (size_t i = 0; i < p->evaluations.count; i++)
        evaluation_box(o, p->evaluations.items[i], depth);
    hyoka__html_puts(o, "</section>\n");
}

