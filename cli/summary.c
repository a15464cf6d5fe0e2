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
    {"--lang", "ja|en", "language of the labels and messages", CLI_LANG_DEFAULT, 0, cli_set_lang},
    {"--year", "FY",
     "fiscal year of the department, verdict and ranking tables: 2019, 令和元年度, R1, H31 or another "
     "notation of a fiscal year",
     "the latest settled fiscal year (phase settled, 決算) of the portfolio, else its latest fiscal year", 0,
     set_year},
    CLI_RULE_OPTIONS,
};

static const struct cli_example examples[] = {
    {"hyoka summary --year 令和5年度 examples/sheets/sample-city-portfolio.json",
     "The totals of a portfolio by fiscal year, then by department and by final verdict for fiscal "
     "year 2023 (令和5年度), and its projects ranked by total cost."},
};

/* The money figures of the tables, with their JSON names. */
static const struct {
    int figure;
    const char *name;
} money[] = {
    {HYOKA_FIG_EXPENSE, "expense"},
    {HYOKA_FIG_PERSONNEL, "personnel"},
    {HYOKA_FIG_TOTAL_COST, "total_cost"},
};

/* The default fiscal year of the tables: the latest fiscal year with a
 * settled cost year (決算) among the projects, else the latest fiscal year
 * of any phase (*settled then 0); 0 when there is no cost year. */
static int32_t default_year(const hyoka_portfolio *p, int *settled)
{
    int32_t latest = 0, latest_settled = 0;

    for (size_t i = 0; i < hyoka_portfolio_project_count(p); i++) {
        const hyoka_project *pr = hyoka_portfolio_project_at(p, i);
        for (size_t y = 0; y < hyoka_project_year_count(pr); y++) {
            const hyoka_costs *c = hyoka_project_year_at(pr, y);
            int32_t fy = hyoka_costs_fiscal_year(c);
            if (fy > latest)
                latest = fy;
            if (hyoka_costs_phase(c) == HYOKA_PHASE_SETTLED && fy > latest_settled)
                latest_settled = fy;
        }
    }
    *settled = latest_settled != 0;
    return latest_settled ? latest_settled : latest;
}

/* Whether a top-level project has a cost year of fiscal year fy. */
static int has_year(const hyoka_portfolio *p, int32_t fy)
{
    for (size_t i = 0; i < hyoka_portfolio_project_count(p); i++) {
        if (hyoka_project_find_year(hyoka_portfolio_project_at(p, i), fy))
            return 1;
    }
    return 0;
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
        const char *key = hyoka_rollup_key(r, i);
        int64_t v[CLI_COUNT(money)];
        int ok[CLI_COUNT(money)], unavailable = 0;

        for (size_t f = 0; f < CLI_COUNT(money); f++) {
            ok[f] = hyoka_rollup_total(r, i, money[f].figure, &v[f]) == HYOKA_OK;
            unavailable += !ok[f];
        }
        if (json) {
            printf("%s{\"key\": ", i ? ", " : "");
            cli_json_string(stdout, key);
            printf(", \"projects\": %zu", hyoka_rollup_projects(r, i));
            for (size_t f = 0; f < CLI_COUNT(money); f++) {
                if (ok[f])
                    printf(", \"%s\": %lld", money[f].name, (long long)v[f]);
                else
                    printf(", \"%s\": null", money[f].name);
            }
            /* A total is unavailable only when it, or one of its figures,
             * does not fit in 64-bit yen. */
            for (size_t f = 0, n = 0; f < CLI_COUNT(money) && unavailable; f++) {
                if (!ok[f])
                    printf("%s\"%s\": \"%s\"", n++ ? ", " : ", \"unavailable\": {", money[f].name,
                           hyoka_reason_name(HYOKA_REASON_OVERFLOW));
            }
            printf("%s}", unavailable ? "}" : "");
        } else {
            char cell[CLI_COUNT(money)][HYOKA_DECIMAL_STRING_MAX];
            for (size_t f = 0; f < CLI_COUNT(money); f++) {
                hyoka_decimal d = hyoka_decimal_from_int(v[f]);
                if (ok[f])
                    cli_format_figure(&d, cell[f], sizeof cell[f]);
                else
                    snprintf(cell[f], sizeof cell[f], "- (%s)", hyoka_reason_name(HYOKA_REASON_OVERFLOW));
            }
            printf("  ");
            cli_print_padded(key[0] ? cli_safe(key) : "-", CLI_CELL);
            printf(" %4zu  expense %16s  personnel %16s  total %16s\n", hyoka_rollup_projects(r, i), cell[0],
                   cell[1], cell[2]);
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
                snprintf(cell, sizeof cell, "- (%s)", hyoka_reason_name(reason));
            printf("  %3zu. %-12s %18s  %s\n", i + 1, code ? cli_safe(code) : "-", cell,
                   hyoka_project_name(pr) ? cli_safe(hyoka_project_name(pr)) : "");
        }
    }
    if (json)
        printf("]");
    hyoka_ranking_free(rk);
}

/* The entry of a file that could not be read: its error and diagnostics. */
static void unreadable_json(const struct cli_args *args, const struct cli_document *d)
{
    char *text = NULL;

    printf(", \"error\": ");
    cli_json_string(stdout, d->io_message[0] ? d->io_message : "the document cannot be read: see its diagnostics");
    printf(", \"diagnostics\": ");
    if (hyoka_report_write_json(d->report, HYOKA_WRITE_COMPACT, args->lang, &text, NULL) == HYOKA_OK)
        fputs(text, stdout);
    else
        fputs("[]", stdout);
    hyoka_free(text);
    printf("}");
}

static int summary_one(const struct cli_args *args, const struct cli_document *d, int i)
{
    int32_t year;
    int ja = args->lang == HYOKA_LANG_JA, settled = 0;

    cli_print_diagnostics(stderr, d, args->lang);
    if (args->json) {
        printf("%s\n  {\"file\": ", i ? "," : "");
        cli_json_string(stdout, d->file);
    }
    if (!d->portfolio) {
        if (args->json)
            unreadable_json(args, d);
        return CLI_EXIT_FINE;
    }
    year = args->year ? args->year : default_year(d->portfolio, &settled);
    if (!year)
        fprintf(stderr, ja ? "%s: %s: 年度別の費用がない\n" : "%s: %s: no cost year\n", CLI_PROGRAM,
                cli_safe(d->file));
    else if (!has_year(d->portfolio, year))
        fprintf(stderr, ja ? "%s: %s: 警告: %ld年度の費用がある事業がない（表は空）\n"
                           : "%s: %s: warning: no project has a cost year for fiscal year %ld (empty tables)\n",
                CLI_PROGRAM, cli_safe(d->file), (long)year);
    else if (!args->year && !settled)
        fprintf(stderr,
                ja ? "%s: %s: 決算の年度がないため、最新の%ld年度を表示する\n"
                   : "%s: %s: no settled fiscal year; fiscal year %ld, the latest, is shown\n",
                CLI_PROGRAM, cli_safe(d->file), (long)year);
    if (args->json) {
        if (year)
            printf(", \"fiscal_year\": %ld", (long)year);
        else
            printf(", \"fiscal_year\": null");
        printf(", \"tables\": {");
    } else {
        printf("== %s (%zu projects)\n", cli_safe(d->file), hyoka_portfolio_project_count(d->portfolio));
    }
    print_rollup(d->portfolio, HYOKA_GROUP_FISCAL_YEAR, 0,
                 args->json ? "by_fiscal_year" : (ja ? "年度別" : "by fiscal year"), args->json, 1);
    if (!args->json && year)
        printf(ja ? "-- %ld年度\n" : "-- fiscal year %ld\n", (long)year);
    if (year) {
        print_rollup(d->portfolio, HYOKA_GROUP_DEPARTMENT, year,
                     args->json ? "by_department" : (ja ? "部別" : "by department"), args->json, 0);
        print_rollup(d->portfolio, HYOKA_GROUP_VERDICT, year,
                     args->json ? "by_verdict" : (ja ? "評価結果別" : "by final verdict"), args->json, 0);
        print_ranking(d->portfolio, year, args->json);
    }
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
    if (args->json)
        printf("\n]}\n");
    return status < 0 ? CLI_EXIT_UNREADABLE : status;
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
                   "status is that of check.\n"
                   "\n"
                   "Without --year, the tables are for the latest settled fiscal year (a\n"
                   "cost year of phase settled, 決算), else the latest fiscal year; a\n"
                   "warning on standard error says when the year shown has no cost year.\n"
                   "A total that does not fit in 64-bit yen, or that holds a figure that\n"
                   "does not, is shown as - (overflow) and is null in JSON; the other\n"
                   "totals are still given. With --json the output is one JSON document\n"
                   "whatever happens, one entry per file with its name; a file that cannot\n"
                   "be read has an \"error\" and its diagnostics\n"
                   "(docs/schemas/hyoka-summary-1.schema.json).\n",
    .options = options,
    .n_options = CLI_COUNT(options),
    .examples = examples,
    .n_examples = CLI_COUNT(examples),
    .run = run,
};
