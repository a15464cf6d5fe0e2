/*
 * html_seed_pages OUTDIR: write (into an existing folder) the HTML pages of the four seed sheets
 * (tests/seeds.h) for the render test (tests/checks/check_render.py).
 *
 *   OUTDIR/seed-00N/     index.html and project-1.html of seed N (Japanese)
 *   OUTDIR/seed-001-en/  seed 1 in English
 *   OUTDIR/empty/        the index page of a portfolio without projects
 *   OUTDIR/edge/         a portfolio built to stress the page: hostile text
 *                        in every field, negative and zero amounts, a total
 *                        that overflows, many fiscal years, a sub-project
 *                        tree (Japanese)
 *   OUTDIR/rs/           a national review sheet (values of the RS sample's
 *                        project 884): the budget cycle, the logic model,
 *                        the review's reflection and the spending blocks,
 *                        hostile text in their texts (Japanese)
 *
 * Exit status 0 when every page was written, 1 otherwise (with the error).
 */
#include <stdio.h>
#include <string.h>

#include <hyoka/hyoka.h>

#include "seeds.h"

#define NTS HYOKA_NTS

static const char HOSTILE[] = "</script><script>alert(1)</script>\"'><img src=x onerror=alert(2)>&amp;\xE2\x80\xA8";

static int check(int rc, const char *what)
{
    if (rc != HYOKA_OK)
        fprintf(stderr, "html_seed_pages: %s: %s (%s)\n", what, hyoka_status_name(rc), hyoka_error_last());
    return rc;
}

#define TRY(expr)                          \
    do {                                   \
        if (check((expr), #expr) != 0)     \
            goto fail;                     \
    } while (0)

static int build_edge(hyoka_portfolio **out)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *p = NULL, *child = NULL;
    hyoka_costs *c = NULL;
    hyoka_indicator *ind = NULL;
    hyoka_evaluation *e = NULL;
    hyoka_decimal d;

    TRY(hyoka_portfolio_new(&pf));
    TRY(hyoka_portfolio_set_municipality(pf, HOSTILE, NTS, NULL, 0));
    TRY(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_THOUSAND_YEN));
    TRY(hyoka_portfolio_set_denominator(pf, 2020, HYOKA_COST_POPULATION, 100000));

    TRY(hyoka_project_new(&p));
    if (hyoka_portfolio_add_project(pf, p) != HYOKA_OK) {
        hyoka_project_free(p);
        goto fail;
    }
    for (int f = HYOKA_TEXT_CODE; f <= HYOKA_TEXT_ACTIVITIES_PLANNED; f++)
        TRY(hyoka_project_set_text(p, f, HOSTILE, NTS));
    TRY(hyoka_project_add_class(p, HYOKA_CLASS_POLICY, HOSTILE, NTS, HOSTILE, NTS, HOSTILE, NTS));
    TRY(hyoka_project_set_extension(p, HOSTILE, NTS, HOSTILE, NTS));

    /* Ten years, added in reverse order: zero, negative and ordinary data. */
    for (int y = 2029; y >= 2020; y--) {
        TRY(hyoka_project_add_year(p, y, &c));
        TRY(hyoka_costs_set_phase(c, HYOKA_PHASE_SETTLED));
        if (y == 2021)
            continue; /* nothing at all: no expense */
        TRY(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, y == 2022 ? 0 : (int64_t)(y - 2019) * 1500000));
        TRY(hyoka_costs_set(c, HYOKA_COST_NATIONAL, y == 2024 ? -400000 : 300000));
        TRY(hyoka_costs_set(c, HYOKA_COST_GENERAL, (int64_t)(y - 2019) * 100000));
        if (y == 2023)
            TRY(hyoka_costs_set(c, HYOKA_COST_BONDS, 9000000)); /* more funding than cost */
        if (y == 2025)
            TRY(hyoka_costs_set(c, HYOKA_COST_DEBT_SERVICE, INT64_MAX)); /* the total overflows */
    }
    TRY(hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &ind));
    TRY(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NAME, HOSTILE, NTS));
    TRY(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_UNIT, HOSTILE, NTS));
    TRY(hyoka_indicator_set_direction(ind, HYOKA_DIRECTION_INCREASE));
    for (int y = 2020; y < 2026; y++) {
        TRY(hyoka_decimal_parse(y % 2 ? "-12.5" : "80.25", NTS, &d));
        TRY(hyoka_indicator_set_value(ind, y, HYOKA_VALUE_ACTUAL, &d));
        if (y != 2023) {
            TRY(hyoka_decimal_parse("0.000000000000000001", NTS, &d));
            TRY(hyoka_indicator_set_value(ind, y, HYOKA_VALUE_TARGET, &d));
        }
    }
    TRY(hyoka_project_add_evaluation(p, HYOKA_STAGE_PRIMARY, &e));
    TRY(hyoka_evaluation_set_fiscal_year(e, 2025));
    TRY(hyoka_evaluation_set_text(e, HYOKA_EVAL_EVALUATOR, HOSTILE, NTS));
    TRY(hyoka_evaluation_set_text(e, HYOKA_EVAL_VERDICT, HOSTILE, NTS));
    TRY(hyoka_evaluation_set_text(e, HYOKA_EVAL_BUDGET, HOSTILE, NTS));
    TRY(hyoka_evaluation_set_answer(e, HOSTILE, NTS, HOSTILE, NTS));
    TRY(hyoka_evaluation_set_comment(e, HOSTILE, NTS, HOSTILE, NTS));
    TRY(hyoka_evaluation_add_goal(e, HOSTILE, NTS, HOSTILE, NTS, 0));

    /* A sub-project with an ordinary year and an indicator. */
    TRY(hyoka_project_new(&child));
    if (hyoka_project_add_child(p, child) != HYOKA_OK) {
        hyoka_project_free(child);
        goto fail;
    }
    TRY(hyoka_project_set_code(child, "01", NTS));
    TRY(hyoka_project_set_name(child, "細事業 <b>太字ではない</b>", NTS));
    TRY(hyoka_project_add_year(child, 2020, &c));
    TRY(hyoka_costs_set(c, HYOKA_COST_SETTLEMENT, 1200000));
    TRY(hyoka_costs_set(c, HYOKA_COST_PREFECTURAL, 200000));
    TRY(hyoka_costs_set(c, HYOKA_COST_USER_CHARGES, 100000));
    TRY(hyoka_costs_set(c, HYOKA_COST_GENERAL, 900000));
    TRY(hyoka_project_add_indicator(child, HYOKA_KIND_ACTIVITY, &ind));
    TRY(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NAME, "研修回数", NTS));
    TRY(hyoka_decimal_parse("4", NTS, &d));
    TRY(hyoka_indicator_set_value(ind, 2020, HYOKA_VALUE_TARGET, &d));

    *out = pf;
    return HYOKA_OK;
fail:
    hyoka_portfolio_free(pf);
    return HYOKA_EINVAL;
}

static int rs_record(hyoka_project *p, hyoka_record *parent, int kind, hyoka_record **out)
{
    return parent ? hyoka_record_add_child(parent, kind, out) : hyoka_project_add_record(p, kind, out);
}

static int rs_node(hyoka_project *p, int kind, int64_t number, int term, const char *goal, hyoka_indicator **out)
{
    int rc = hyoka_project_add_indicator(p, kind, out);
    if (rc == HYOKA_OK)
        rc = hyoka_indicator_set_number(*out, number);
    if (rc == HYOKA_OK && term != HYOKA_UNSET)
        rc = hyoka_indicator_set_term(*out, term);
    if (rc == HYOKA_OK)
        rc = hyoka_indicator_set_text(*out, HYOKA_INDICATOR_GOAL, goal, NTS);
    return rc;
}

static int rs_link(hyoka_project *p, int64_t from, const char *from_kind, const char *from_term, int64_t to,
                   const char *to_kind, const char *to_term)
{
    hyoka_record *k = NULL;
    int rc = rs_record(p, NULL, HYOKA_RECORD_LINK, &k);
    if (rc == HYOKA_OK)
        rc = hyoka_record_set_integer(k, HYOKA_FIELD_FROM_NUMBER, from);
    if (rc == HYOKA_OK)
        rc = hyoka_record_set_text(k, HYOKA_FIELD_FROM_KIND, from_kind, NTS);
    if (rc == HYOKA_OK)
        rc = hyoka_record_set_text(k, HYOKA_FIELD_FROM_TERM, from_term, NTS);
    if (rc == HYOKA_OK)
        rc = hyoka_record_set_integer(k, HYOKA_FIELD_TO_NUMBER, to);
    if (rc == HYOKA_OK)
        rc = hyoka_record_set_text(k, HYOKA_FIELD_TO_KIND, to_kind, NTS);
    if (rc == HYOKA_OK)
        rc = hyoka_record_set_text(k, HYOKA_FIELD_TO_TERM, to_term, NTS);
    if (rc == HYOKA_OK)
        rc = hyoka_record_set_text(k, HYOKA_FIELD_CONNECTION, HOSTILE, NTS);
    return rc;
}

static int build_rs(hyoka_portfolio **out)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *p = NULL;
    hyoka_record *b = NULL, *block = NULL, *r = NULL, *c = NULL;
    hyoka_indicator *ind = NULL;
    hyoka_evaluation *e = NULL;
    hyoka_decimal d;

    TRY(hyoka_portfolio_new(&pf));
    TRY(hyoka_project_new(&p));
    if (hyoka_portfolio_add_project(pf, p) != HYOKA_OK) {
        hyoka_project_free(p);
        goto fail;
    }
    TRY(hyoka_project_set_code(p, "884", NTS));
    TRY(hyoka_project_set_name(p, "法教育の推進", NTS));
    /* budget year 2023: the total row, its printed rate one off, and the account */
    for (int k = 0; k < 2; k++) {
        TRY(rs_record(p, NULL, HYOKA_RECORD_BUDGET, &b));
        TRY(hyoka_record_set_fiscal_year(b, HYOKA_FIELD_BUDGET_YEAR, 2023));
        TRY(hyoka_record_set_money(b, HYOKA_FIELD_INITIAL, 23737000));
        TRY(hyoka_record_set_money(b, k ? HYOKA_FIELD_SUPPLEMENTARY_1 : HYOKA_FIELD_SUPPLEMENTARY, 8260000));
        TRY(hyoka_record_set_money(b, HYOKA_FIELD_CARRIED_IN, 8220000));
        TRY(hyoka_record_set_money(b, HYOKA_FIELD_APPROPRIATION, 40217000));
        TRY(hyoka_record_set_money(b, HYOKA_FIELD_EXECUTION, 28433000));
        if (k) {
            TRY(hyoka_record_set_text(b, HYOKA_FIELD_ACCOUNT_TYPE, "一般会計", NTS));
            TRY(hyoka_record_set_text(b, HYOKA_FIELD_ACCOUNT, HOSTILE, NTS));
            TRY(hyoka_record_set_not_applicable(b, HYOKA_FIELD_RESERVE_1));
        } else {
            TRY(hyoka_record_set_money(b, HYOKA_FIELD_CARRIED_OUT, 8260000));
            TRY(hyoka_decimal_parse("0.70698", NTS, &d));
            TRY(hyoka_record_set_decimal(b, HYOKA_FIELD_STATED_EXECUTION_RATE, &d));
        }
    }
    /* the logic model: two actions, an output, outcomes of two terms */
    TRY(rs_node(p, HYOKA_KIND_ACTION, 1, HYOKA_UNSET, HOSTILE, &ind));
    TRY(rs_node(p, HYOKA_KIND_ACTION, 2, HYOKA_UNSET, "法務省ホームページにおける法教育関連ページの充実", &ind));
    TRY(rs_node(p, HYOKA_KIND_ACTIVITY, 1, HYOKA_UNSET, "法教育推進協議会及び部会の実施", &ind));
    TRY(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NAME, "法教育推進協議会及び部会の実施件数", NTS));
    TRY(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_UNIT, "回", NTS));
    TRY(hyoka_decimal_parse("10", NTS, &d));
    TRY(hyoka_indicator_set_value(ind, 2023, HYOKA_VALUE_ACTUAL, &d));
    TRY(rs_node(p, HYOKA_KIND_OUTCOME, 1, HYOKA_TERM_SHORT, "効果的な法教育実践のための学校等への支援", &ind));
    TRY(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NAME, "出前授業の年間実施状況", NTS));
    TRY(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_UNIT, "件", NTS));
    TRY(hyoka_indicator_set_direction(ind, HYOKA_DIRECTION_INCREASE));
    TRY(hyoka_decimal_parse("3000", NTS, &d));
    TRY(hyoka_indicator_set_value(ind, 2023, HYOKA_VALUE_TARGET, &d));
    TRY(hyoka_decimal_parse("5319", NTS, &d));
    TRY(hyoka_indicator_set_value(ind, 2023, HYOKA_VALUE_ACTUAL, &d));
    TRY(rs_node(p, HYOKA_KIND_OUTCOME, 1, HYOKA_TERM_LONG, HOSTILE, &ind));
    TRY(hyoka_indicator_set_measurement(ind, HYOKA_MEASUREMENT_QUALITATIVE));
    TRY(rs_link(p, 1, "アクティビティ", "", 1, "アウトプット", ""));
    TRY(rs_link(p, 1, "アウトプット", "", 1, "アウトカム", "短期"));
    TRY(rs_link(p, 1, "アウトカム", "短期", 1, "アウトカム", "長期"));
    TRY(rs_link(p, 9, "アウトカム", "中期", 1, "アウトカム", "長期")); /* names no node: not drawn */
    /* the review */
    TRY(hyoka_project_add_evaluation(p, HYOKA_STAGE_COMMITTEE, &e));
    TRY(hyoka_evaluation_set_text(e, HYOKA_EVAL_SCHEME, "jp-rs-review", NTS));
    TRY(hyoka_evaluation_set_fiscal_year(e, 2024));
    TRY(hyoka_evaluation_set_text(e, HYOKA_EVAL_VERDICT, "partial_improvement", NTS));
    TRY(hyoka_evaluation_set_text(e, HYOKA_EVAL_BUDGET, "reduction", NTS));
    TRY(rs_record(p, NULL, HYOKA_RECORD_REFLECTION, &r));
    TRY(hyoka_record_set_text(r, HYOKA_FIELD_ACCOUNT_TYPE, "一般会計", NTS));
    TRY(hyoka_record_set_money(r, HYOKA_FIELD_AMOUNT, -569000));
    /* a spending block, a recipient and its contract */
    TRY(rs_record(p, NULL, HYOKA_RECORD_BLOCK, &block));
    TRY(hyoka_record_set_text(block, HYOKA_FIELD_BLOCK, "C", NTS));
    TRY(hyoka_record_set_text(block, HYOKA_FIELD_NAME, HOSTILE, NTS));
    TRY(hyoka_record_set_text(block, HYOKA_FIELD_ROLE, HOSTILE, NTS));
    TRY(hyoka_record_set_integer(block, HYOKA_FIELD_RECIPIENT_COUNT, 12));
    TRY(hyoka_record_set_money(block, HYOKA_FIELD_TOTAL, 26668000));
    TRY(rs_record(p, block, HYOKA_RECORD_RECIPIENT, &r));
    TRY(hyoka_record_set_text(r, HYOKA_FIELD_NAME, HOSTILE, NTS));
    TRY(hyoka_record_set_text(r, HYOKA_FIELD_CORPORATE_NUMBER, "9010001091731", NTS));
    TRY(hyoka_record_set_money(r, HYOKA_FIELD_TOTAL, 8800000));
    TRY(rs_record(p, r, HYOKA_RECORD_CONTRACT, &c));
    TRY(hyoka_record_set_text(c, HYOKA_FIELD_SUMMARY, HOSTILE, NTS));
    TRY(hyoka_record_set_text(c, HYOKA_FIELD_METHOD, "一般競争契約（総合評価）", NTS));
    TRY(hyoka_record_set_integer(c, HYOKA_FIELD_BIDDERS, 1));
    TRY(hyoka_decimal_parse("80.9", NTS, &d));
    TRY(hyoka_record_set_decimal(c, HYOKA_FIELD_WINNING_BID_RATIO, &d));
    TRY(hyoka_record_set_money(c, HYOKA_FIELD_AMOUNT, 8800000));
    *out = pf;
    return HYOKA_OK;
fail:
    hyoka_portfolio_free(pf);
    return HYOKA_EINVAL;
}

static int write_pages(const hyoka_portfolio *pf, int lang, const char *outdir, const char *name)
{
    char path[4096];
    int n = snprintf(path, sizeof path, "%s/%s", outdir, name);

    if (n < 0 || (size_t)n >= sizeof path) {
        fprintf(stderr, "html_seed_pages: output path too long\n");
        return 1;
    }
    return check(hyoka_html_write_dir(pf, lang, path), path) == HYOKA_OK ? 0 : 1;
}

int main(int argc, char **argv)
{
    hyoka_portfolio *pf = NULL;
    int status = 0;

    if (argc != 2) {
        fprintf(stderr, "usage: html_seed_pages OUTDIR\n");
        return 64;
    }
    /* The output folder must exist: write_dir creates one level below it.
     * An empty portfolio gives an index page with no project. */
    if (check(hyoka_portfolio_new(&pf), "portfolio") != HYOKA_OK)
        return 1;
    status |= write_pages(pf, HYOKA_LANG_JA, argv[1], "empty");
    hyoka_portfolio_free(pf);
    pf = NULL;
    for (int k = 1; k <= SEED_COUNT && status == 0; k++) {
        char name[32];
        if (check(seed_build(k, &pf), "seed_build") != HYOKA_OK)
            return 1;
        snprintf(name, sizeof name, "seed-%03d", k);
        status |= write_pages(pf, HYOKA_LANG_JA, argv[1], name);
        if (k == 1)
            status |= write_pages(pf, HYOKA_LANG_EN, argv[1], "seed-001-en");
        hyoka_portfolio_free(pf);
        pf = NULL;
    }
    if (status == 0) {
        if (build_edge(&pf) != HYOKA_OK)
            return 1;
        status |= write_pages(pf, HYOKA_LANG_JA, argv[1], "edge");
        hyoka_portfolio_free(pf);
    }
    if (status == 0) {
        if (build_rs(&pf) != HYOKA_OK)
            return 1;
        status |= write_pages(pf, HYOKA_LANG_JA, argv[1], "rs");
        hyoka_portfolio_free(pf);
    }
    return status;
}
