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
    return status;
}
