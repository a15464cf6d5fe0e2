/*
 * cli/metrics.c: hyoka metrics: every figure of every project.
 */
#include "cli.h"

static const struct cli_option options[] = {
    {"--json", NULL, "print hyoka-metrics/1: one object, or an array of them for several files", NULL, 0,
     cli_set_json},
    {"--lang", "ja|en", "language of the labels and messages", "en", 0, cli_set_lang},
    CLI_RULE_OPTIONS,
};

static const struct cli_example examples[] = {
    {"hyoka metrics examples/sheets/tokorozawa-010802.json",
     "Every figure of a sheet: a table of the cost figures by fiscal year, then the achievement of each "
     "indicator and the score of each evaluation."},
};

struct figure_label {
    int figure;
    const char *en;
    const char *ja;
};

static const struct figure_label year_figures[] = {
    {HYOKA_FIG_EXPENSE, "expense", "事業費"},
    {HYOKA_FIG_PERSONNEL, "personnel", "人件費"},
    {HYOKA_FIG_DEBT_SERVICE, "debt service", "公債費"},
    {HYOKA_FIG_INDIRECT_COSTS, "indirect costs", "間接費"},
    {HYOKA_FIG_TOTAL_COST, "total cost", "トータルコスト"},
    {HYOKA_FIG_GENERAL_REVENUE, "general revenue", "一般財源"},
    {HYOKA_FIG_SPECIFIC_REVENUE, "specific revenue", "特定財源"},
    {HYOKA_FIG_PER_CAPITA, "per capita", "市民一人当たり"},
    {HYOKA_FIG_PER_HOUSEHOLD, "per household", "一世帯当たり"},
    {HYOKA_FIG_UNIT_COST, "unit cost", "利用数一単位当たり"},
    {HYOKA_FIG_PER_BENEFICIARY, "per beneficiary", "受益者一人当たり"},
    {HYOKA_FIG_EXECUTION_RATE, "execution rate %", "執行率 %"},
    {HYOKA_FIG_PERSONNEL_SHARE, "personnel share %", "人件費比率 %"},
    {HYOKA_FIG_GENERAL_REVENUE_SHARE, "general revenue share %", "一般財源比率 %"},
    {HYOKA_FIG_TOTAL_COST_CHANGE, "total cost change %", "前年度比 %"},
};

static void print_project_metrics(const hyoka_project *p, int lang, int depth)
{
    size_t ny = hyoka_project_year_count(p);
    const char *code = hyoka_project_code(p);
    const char *name = hyoka_project_name(p);
    char cell[HYOKA_DECIMAL_STRING_MAX + HYOKA_CALENDAR_STRING_MAX];

    printf("%*s%s %s\n", depth * 2, "", code ? code : "-", name ? name : "");
    if (ny > 0) {
        printf("%*s  ", depth * 2, "");
        cli_print_padded(lang == HYOKA_LANG_JA ? "年度" : "fiscal year", CLI_CELL);
        for (size_t y = 0; y < ny; y++) {
            int32_t fy = hyoka_costs_fiscal_year(hyoka_project_year_at(p, y));
            if (lang == HYOKA_LANG_JA)
                hyoka_fiscal_year_format(fy, 0, cell, sizeof cell, NULL);
            else
                snprintf(cell, sizeof cell, "%ld", (long)fy);
            fputc(' ', stdout);
            cli_print_right(cell, 16);
        }
        fputc('\n', stdout);
        for (size_t f = 0; f < CLI_COUNT(year_figures); f++) {
            printf("%*s  ", depth * 2, "");
            cli_print_padded(lang == HYOKA_LANG_JA ? year_figures[f].ja : year_figures[f].en, CLI_CELL);
            for (size_t y = 0; y < ny; y++) {
                hyoka_decimal v;
                int reason = 0;
                int rc = hyoka_costs_figure(hyoka_project_year_at(p, y), year_figures[f].figure, &v, &reason);
                if (rc == HYOKA_OK)
                    cli_format_figure(&v, cell, sizeof cell);
                else
                    snprintf(cell, sizeof cell, "-");
                fputc(' ', stdout);
                cli_print_right(cell, 16);
            }
            fputc('\n', stdout);
        }
    }
    for (size_t i = 0; i < hyoka_project_indicator_count(p); i++) {
        const hyoka_indicator *ind = hyoka_project_indicator_at(p, i);
        const char *iname = hyoka_indicator_text(ind, HYOKA_INDICATOR_NAME);
        printf("%*s  %s %s:", depth * 2, "", lang == HYOKA_LANG_JA ? "指標" : "indicator", iname ? iname : "-");
        for (size_t y = 0; y < hyoka_indicator_year_count(ind); y++) {
            int32_t fy = hyoka_indicator_year_at(ind, y);
            hyoka_decimal v;
            int reason = 0;
            if (hyoka_indicator_figure(ind, fy, HYOKA_FIG_ACHIEVEMENT, &v, &reason) == HYOKA_OK) {
                cli_format_figure(&v, cell, sizeof cell);
                printf(" %ld %s%%", (long)fy, cell);
            }
        }
        fputc('\n', stdout);
    }
    for (size_t i = 0; i < hyoka_project_evaluation_count(p); i++) {
        const hyoka_evaluation *e = hyoka_project_evaluation_at(p, i);
        const char *verdict = hyoka_evaluation_text(e, HYOKA_EVAL_VERDICT);
        const char *stage = hyoka_enum_name(HYOKA_ENUM_STAGE, hyoka_evaluation_stage(e));
        const char *rating = NULL;
        hyoka_decimal score;
        int reason = 0;
        printf("%*s  %s %s %ld: %s", depth * 2, "", lang == HYOKA_LANG_JA ? "評価" : "evaluation",
               stage ? stage : "-", (long)hyoka_evaluation_fiscal_year(e), verdict ? verdict : "-");
        if (hyoka_evaluation_score(e, &score, &reason) == HYOKA_OK) {
            cli_format_figure(&score, cell, sizeof cell);
            printf(", score %s", cell);
        }
        if (hyoka_evaluation_rating(e, &rating, NULL, &reason) == HYOKA_OK && rating)
            printf(", rating %s", rating);
        fputc('\n', stdout);
    }
    for (size_t i = 0; i < hyoka_project_child_count(p); i++)
        print_project_metrics(hyoka_project_child_at(p, i), lang, depth + 1);
}

/* How many documents --json has written: a file that could not be read
 * writes none. */
static int written;

static int metrics_one(const struct cli_args *args, const struct cli_document *d, int i)
{
    (void)i;
    cli_print_diagnostics(stderr, d, args->lang);
    if (!d->portfolio)
        return CLI_EXIT_FINE;
    if (args->json) {
        char *text = NULL;
        size_t len = 0;
        if (hyoka_metrics_write(d->portfolio, d->report, 0, args->lang, &text, &len) != HYOKA_OK) {
            fprintf(stderr, "%s: %s: %s\n", CLI_PROGRAM, d->file, hyoka_error_last());
            return CLI_EXIT_UNREADABLE;
        }
        if (written++ > 0)
            printf(",\n");
        fwrite(text, 1, len, stdout);
        if (args->nfiles == 1)
            printf("\n");
        hyoka_free(text);
    } else {
        if (args->nfiles > 1)
            printf("== %s\n", d->file);
        for (size_t p = 0; p < hyoka_portfolio_project_count(d->portfolio); p++)
            print_project_metrics(hyoka_portfolio_project_at(d->portfolio, p), args->lang, 0);
    }
    return CLI_EXIT_FINE;
}

static int run(const struct cli_args *args)
{
    int status;

    if (args->json && args->nfiles > 1)
        printf("[\n");
    status = cli_each_document(args, metrics_one);
    if (status < 0)
        return CLI_EXIT_UNREADABLE;
    if (args->json && args->nfiles > 1)
        printf("\n]\n");
    return status;
}

const struct cli_command cli_metrics = {
    .name = "metrics",
    .operands = "FILE...",
    .min_operands = 1,
    .max_operands = -1,
    .summary = "compute every figure of each sheet",
    .description = "Compute every figure of every project: costs, per-head figures, rates,\n"
                   "indicator achievement and evaluation scores, with the rounding rules of\n"
                   "the document. Diagnostics go to standard error; the exit status is that\n"
                   "of check.\n",
    .options = options,
    .n_options = CLI_COUNT(options),
    .examples = examples,
    .n_examples = CLI_COUNT(examples),
    .run = run,
};
