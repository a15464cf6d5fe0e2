/*
 * cli/summary.c: hyoka summary: totals of a portfolio by fiscal year,
 * department and verdict, and the ranking of its projects by total cost.
 */
#include <stdlib.h>

#include "cli.h"

static int set_year(struct cli_args *args, const struct cli_option *opt, const char *value)
{
    unsigned flags = 0;
    if (hyoka_fiscal_year_parse(value, HYOKA_NTS, &args->year, &flags) != HYOKA_OK) {
        cli_usage_error(args->command, "%s: %s", opt->name, hyoka_error_last());
        return -1;
    }
    return 0;
}

static const struct cli_option options[] = {
    {"--json", NULL, "print {\"format\": \"hyoka-summary/1\", \"files\": [...]} instead of the tables", NULL, 0, cli_set_json},
    {"--lang", "ja|en", "language of the labels and messages", "en", 0, cli_set_lang},
    {"--year", "FY",
     "fiscal year of the department, verdict and ranking tables: 2019, 令和元年度, R1, H31 or another "
     "notation of a fiscal year",
     "the year most projects report", 0, set_year},
    CLI_RULE_OPTIONS,
};

static const struct cli_example examples[] = {
    {"hyoka summary --year 令和5年度 examples/sheets/sample-city-portfolio.json",
     "The totals of a portfolio by fiscal year, then by department and by final verdict for fiscal "
     "year 2023 (令和5年度), and its projects ranked by total cost."},
};

/* The default fiscal year of the tables: the one most projects report
 * (the latest of those on a tie), so a year planned by a few projects
 * only does not hide the others. 0 when there is no cost year. */
static int32_t busiest_year(const hyoka_portfolio *p)
{
    hyoka_rollup *r = NULL;
    int32_t best = 0;
    size_t best_n = 0;
    if (hyoka_rollup_new(&r, p, HYOKA_GROUP_FISCAL_YEAR, 1, 0) != HYOKA_OK)
        return 0;
    for (size_t i = 0; i < hyoka_rollup_count(r); i++) {
        size_t n = hyoka_rollup_projects(r, i);
        if (n >= best_n) {
            best_n = n;
            best = (int32_t)strtol(hyoka_rollup_key(r, i), NULL, 10);
        }
    }
    hyoka_rollup_free(r);
    return best;
}

static void format_yen(int64_t yen, char *buf, size_t size)
{
    hyoka_decimal d = hyoka_decimal_from_int(yen);
    cli_format_figure(&d, buf, size);
}

static void print_rollup(const hyoka_portfolio *p, int group_by, int32_t year, const char *title, int json,
                         int first)
{
    hyoka_rollup *r = NULL;
    if (hyoka_rollup_new(&r, p, group_by, 1, year) != HYOKA_OK) {
        fprintf(stderr, "%s: summary: %s\n", CLI_PROGRAM, hyoka_error_last());
        return;
    }
    if (json) {
        printf("%s\n    ", first ? "" : ",");
        cli_json_string(stdout, title);
        printf(": [");
    } else {
        printf("%s (yen; projects, expense, personnel, total cost)\n", title);
    }
    for (size_t i = 0; i < hyoka_rollup_count(r); i++) {
        int64_t total = 0, expense = 0, personnel = 0;
        const char *key = hyoka_rollup_key(r, i);
        hyoka_rollup_total(r, i, HYOKA_FIG_TOTAL_COST, &total);
        hyoka_rollup_total(r, i, HYOKA_FIG_EXPENSE, &expense);
        hyoka_rollup_total(r, i, HYOKA_FIG_PERSONNEL, &personnel);
        if (json) {
            printf("%s{\"key\": ", i ? ", " : "");
            cli_json_string(stdout, key);
            printf(", \"projects\": %zu, \"expense\": %lld, \"personnel\": %lld, \"total_cost\": %lld}",
                   hyoka_rollup_projects(r, i), (long long)expense, (long long)personnel, (long long)total);
        } else {
            char e[HYOKA_DECIMAL_STRING_MAX], pe[HYOKA_DECIMAL_STRING_MAX], t[HYOKA_DECIMAL_STRING_MAX];
            format_yen(expense, e, sizeof e);
            format_yen(personnel, pe, sizeof pe);
            format_yen(total, t, sizeof t);
            printf("  ");
            cli_print_padded(key[0] ? key : "-", CLI_CELL);
            printf(" %4zu  expense %16s  personnel %16s  total %16s\n", hyoka_rollup_projects(r, i), e, pe, t);
        }
    }
    if (json)
        printf("]");
    hyoka_rollup_free(r);
}

static void print_ranking(const hyoka_portfolio *p, int32_t year, int json)
{
    hyoka_ranking *rk = NULL;
    if (hyoka_ranking_new(&rk, p, HYOKA_FIG_TOTAL_COST, year, 1) != HYOKA_OK) {
        fprintf(stderr, "%s: summary: %s\n", CLI_PROGRAM, hyoka_error_last());
        return;
    }
    if (json)
        printf(",\n    \"ranking_total_cost\": [");
    else
        printf("ranking by total cost, fiscal year %ld\n", (long)year);
    for (size_t i = 0; i < hyoka_ranking_count(rk); i++) {
        hyoka_project *pr = NULL;
        hyoka_decimal v;
        int reason = 0;
        char cell[HYOKA_DECIMAL_STRING_MAX];
        int rc = hyoka_ranking_at(rk, i, &pr, &v, &reason);
        const char *code = hyoka_project_code(pr);
        if (json) {
            printf("%s{\"code\": ", i ? ", " : "");
            cli_json_string(stdout, code ? code : "");
            if (rc == HYOKA_OK) {
                hyoka_decimal_format(&v, 0, cell, sizeof cell, NULL);
                printf(", \"total_cost\": %s}", cell);
            } else {
                printf(", \"total_cost\": null, \"reason\": \"%s\"}", hyoka_reason_name(reason));
            }
        } else {
            if (rc == HYOKA_OK)
                cli_format_figure(&v, cell, sizeof cell);
            else
                snprintf(cell, sizeof cell, "-");
            printf("  %3zu. %-12s %18s  %s\n", i + 1, code ? code : "-", cell,
                   hyoka_project_name(pr) ? hyoka_project_name(pr) : "");
        }
    }
    if (json)
        printf("]");
    hyoka_ranking_free(rk);
}

static int summary_one(const struct cli_args *args, const struct cli_document *d, int i)
{
    int32_t year;
    int ja = args->lang == HYOKA_LANG_JA;

    cli_print_diagnostics(stderr, d, args->lang);
    if (!d->portfolio)
        return CLI_EXIT_FINE;
    year = args->year ? args->year : busiest_year(d->portfolio);
    if (args->json) {
        printf("%s\n  {\"file\": ", i ? "," : "");
        cli_json_string(stdout, d->file);
        printf(", \"fiscal_year\": %ld, \"tables\": {", (long)year);
    } else {
        printf("== %s (%zu projects)\n", d->file, hyoka_portfolio_project_count(d->portfolio));
    }
    print_rollup(d->portfolio, HYOKA_GROUP_FISCAL_YEAR, 0,
                 args->json ? "by_fiscal_year" : (ja ? "年度別" : "by fiscal year"), args->json, 1);
    if (!args->json)
        printf(ja ? "-- %ld年度\n" : "-- fiscal year %ld\n", (long)year);
    print_rollup(d->portfolio, HYOKA_GROUP_DEPARTMENT, year,
                 args->json ? "by_department" : (ja ? "部別" : "by department"), args->json, 0);
    print_rollup(d->portfolio, HYOKA_GROUP_VERDICT, year,
                 args->json ? "by_verdict" : (ja ? "評価結果別" : "by final verdict"), args->json, 0);
    if (year)
        print_ranking(d->portfolio, year, args->json);
    if (args->json)
        printf("}}");
    return CLI_EXIT_FINE;
}

static int run(const struct cli_args *args)
{
    int status;

    if (args->json)
        printf("{\"format\": \"hyoka-summary/1\", \"files\": [");
    status = cli_each_document(args, summary_one);
    if (status < 0)
        return CLI_EXIT_UNREADABLE;
    if (args->json)
        printf("\n]}\n");
    return status;
}

const struct cli_command cli_summary = {
    .name = "summary",
    .operands = "FILE...",
    .min_operands = 1,
    .max_operands = -1,
    .summary = "totals of a portfolio by fiscal year, department and verdict",
    .description = "Total the cost figures of each portfolio by fiscal year, then by\n"
                   "department and by final verdict for one fiscal year, and rank its\n"
                   "projects by total cost. Diagnostics go to standard error; the exit\n"
                   "status is that of check.\n",
    .options = options,
    .n_options = CLI_COUNT(options),
    .examples = examples,
    .n_examples = CLI_COUNT(examples),
    .run = run,
};

