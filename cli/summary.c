/*
 * cli/summary.c: hyoka summary: totals of a portfolio by fiscal year,
 * department and verdict, and the ranking of its projects by total cost.
 */
#include <stdlib.h>
#include <string.h>

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

/* ---- the tables, one project at a time ----
 *
 * The default fiscal year (the latest settled one) is known only at the
 * end, so the tables of every fiscal year that can still be it (a year a
 * project has a cost year of, not below the latest settled one so far)
 * are kept, made when the year is first seen, and each project is added
 * to all of them; the year's are printed at the end. With --year, only
 * that year's are made. The ranking lists every project, so only its
 * figures are kept for each year (its ranking, still empty, computes
 * them), and the code and name of every project once: the ranking of the
 * year shown is built from them at the end. Projects read before a
 * year's tables were made have no cost year of it (unavailable,
 * no_year). */
struct year_tables {
    int32_t fy;
    int seen;          /* a top-level project has a cost year of fy */
    size_t first;      /* projects read before the tables were made */
    hyoka_rollup *department, *verdict;
    hyoka_ranking *ranking;
    /* the figure of each project from first on, 9 bytes: its coefficient,
     * and its scale or why it is unavailable (see figure_kind()) */
    int64_t *coefficient;
    unsigned char *kind;
    size_t nvalues, capcoefficient, capkind;
};

/* A figure's kind: its scale (0 .. HYOKA_DECIMAL_MAX_SCALE) when
 * available, else after them its reason. */
static unsigned char figure_kind(const hyoka_decimal *v, int reason)
{
    if (reason != HYOKA_REASON_NONE)
        return (unsigned char)(HYOKA_DECIMAL_MAX_SCALE + reason);
    return (unsigned char)hyoka_decimal_scale(v);
}

/* The figure of kind and coefficient back: its reason, and *v when available. */
static int figure_of(unsigned char kind, int64_t coefficient, hyoka_decimal *v)
{
    if (kind > HYOKA_DECIMAL_MAX_SCALE)
        return kind - HYOKA_DECIMAL_MAX_SCALE;
    hyoka_decimal_from_parts(coefficient, kind, v); /* a scale of a decimal: in range */
    return HYOKA_REASON_NONE;
}

/* The code and name of the projects read, in order, in chunks that are
 * freed as the ranking takes them: a flags byte (TEXT_CODE, TEXT_NAME),
 * then the code and the name that are there, each NUL-terminated. */
enum { TEXT_CODE = 1, TEXT_NAME = 2, TEXT_CHUNK = 1 << 16 };

struct text_chunk {
    struct text_chunk *next;
    size_t used, cap;
    char data[];
};

struct tables {
    hyoka_rollup *by_year;
    struct year_tables *years;
    size_t nyears, capyears;
    int32_t latest, latest_settled;
    size_t projects;                /* the projects read */
    struct text_chunk *text, *last; /* the first and the last chunk */
};

static struct tables current;

/* Room for n more items of size each in *items (count, *cap); -1 when out of memory. */
static int reserve(void **items, size_t count, size_t *cap, size_t n, size_t size)
{
    size_t want = *cap ? *cap : 16;
    void *grown;

    if (*cap - count >= n)
        return 0;
    while (want - count < n)
        want *= 2;
    grown = realloc(*items, want * size);
    if (!grown)
        return -1;
    *items = grown;
    *cap = want;
    return 0;
}

/* Keep the code and name of the project just read. */
static int keep_text(struct tables *t, const char *code, const char *name)
{
    size_t nc = code ? strlen(code) + 1 : 0, nn = name ? strlen(name) + 1 : 0, need = 1 + nc + nn;
    struct text_chunk *c = t->last;
    char *at;

    if (!c || c->cap - c->used < need) {
        size_t cap = need > TEXT_CHUNK ? need : TEXT_CHUNK;
        c = malloc(sizeof *c + cap);
        if (!c)
            return -1;
        c->next = NULL;
        c->used = 0;
        c->cap = cap;
        if (t->last)
            t->last->next = c;
        else
            t->text = c;
        t->last = c;
    }
    at = c->data + c->used;
    *at++ = (char)((code ? TEXT_CODE : 0) | (name ? TEXT_NAME : 0));
    if (code)
        memcpy(at, code, nc);
    if (name)
        memcpy(at + nc, name, nn);
    c->used += need;
    return 0;
}

static void text_free(struct tables *t)
{
    while (t->text) {
        struct text_chunk *next = t->text->next;
        free(t->text);
        t->text = next;
    }
    t->last = NULL;
}

static void year_free(struct year_tables *y)
{
    hyoka_rollup_free(y->department);
    hyoka_rollup_free(y->verdict);
    hyoka_ranking_free(y->ranking);
    free(y->coefficient);
    free(y->kind);
    memset(y, 0, sizeof *y);
}

/* The tables of fiscal year fy, made when missing (first: the projects
 * read so far); NULL when out of memory. */
static struct year_tables *year_of(struct tables *t, int32_t fy, size_t first)
{
    struct year_tables *y;

    for (size_t i = 0; i < t->nyears; i++) {
        if (t->years[i].fy == fy)
            return &t->years[i];
    }
    if (reserve((void **)&t->years, t->nyears, &t->capyears, 1, sizeof *t->years) != 0)
        return NULL;
    y = &t->years[t->nyears];
    memset(y, 0, sizeof *y);
    y->fy = fy;
    y->first = first;
    if (hyoka_rollup_start(&y->department, HYOKA_GROUP_DEPARTMENT, 1, fy) != HYOKA_OK ||
        hyoka_rollup_start(&y->verdict, HYOKA_GROUP_VERDICT, 1, fy) != HYOKA_OK ||
        hyoka_ranking_start(&y->ranking, HYOKA_FIG_TOTAL_COST, fy, 1) != HYOKA_OK) {
        year_free(y);
        return NULL;
    }
    t->nyears++;
    return y;
}

/* Add project p to the tables of y. */
static int year_add(struct year_tables *y, const hyoka_project *p)
{
    hyoka_decimal v = {0};
    int reason = HYOKA_REASON_NONE;
    int rc;

    if (hyoka_rollup_add(y->department, p) != HYOKA_OK || hyoka_rollup_add(y->verdict, p) != HYOKA_OK)
        return -1;
    rc = hyoka_ranking_figure(y->ranking, p, &v, &reason);
    if ((rc != HYOKA_OK && rc != HYOKA_EUNAVAILABLE) ||
        reserve((void **)&y->coefficient, y->nvalues, &y->capcoefficient, 1, sizeof *y->coefficient) != 0 ||
        reserve((void **)&y->kind, y->nvalues, &y->capkind, 1, sizeof *y->kind) != 0)
        return -1;
    y->coefficient[y->nvalues] = reason == HYOKA_REASON_NONE ? hyoka_decimal_coefficient(&v) : 0;
    y->kind[y->nvalues++] = figure_kind(&v, reason);
    return 0;
}

/* Fill the ranking of y from the figures kept and the codes and names of
 * every project, whose chunks are freed as they are taken. */
static int year_rank(struct tables *t, struct year_tables *y)
{
    size_t k = 0;

    while (t->text) {
        struct text_chunk *c = t->text;
        for (size_t at = 0; at < c->used; k++) {
            int has = (unsigned char)c->data[at++];
            const char *code = has & TEXT_CODE ? c->data + at : NULL, *name;
            at += code ? strlen(code) + 1 : 0;
            name = has & TEXT_NAME ? c->data + at : NULL;
            at += name ? strlen(name) + 1 : 0;
            hyoka_decimal v = {0};
            int reason = k < y->first ? HYOKA_REASON_NO_YEAR
                                      : figure_of(y->kind[k - y->first], y->coefficient[k - y->first], &v);
            if (hyoka_ranking_add_entry(y->ranking, code, name, &v, reason) != HYOKA_OK)
                return -1;
        }
        t->text = c->next;
        free(c);
    }
    t->last = NULL;
    free(y->coefficient); /* the ranking has them */
    free(y->kind);
    y->coefficient = NULL;
    y->kind = NULL;
    return 0;
}

static void tables_free(struct tables *t)
{
    hyoka_rollup_free(t->by_year);
    for (size_t i = 0; i < t->nyears; i++)
        year_free(&t->years[i]);
    free(t->years);
    text_free(t);
    memset(t, 0, sizeof *t);
}

static int summary_begin(const struct cli_args *args, struct cli_document *d, int i)
{
    (void)i;
    tables_free(&current);
    d->user = &current;
    if (hyoka_rollup_start(&current.by_year, HYOKA_GROUP_FISCAL_YEAR, 1, 0) != HYOKA_OK)
        return -1;
    if (args->year && !year_of(&current, args->year, 0))
        return -1;
    return CLI_EXIT_FINE;
}

/* Free the tables of the years below floor: a year below the latest
 * settled one is never the default. */
static void drop_below(struct tables *t, int32_t floor)
{
    size_t kept = 0;

    for (size_t i = 0; i < t->nyears; i++) {
        struct year_tables *y = &t->years[i];
        if (y->fy >= floor) {
            t->years[kept++] = *y;
            continue;
        }
        year_free(y);
    }
    t->nyears = kept;
}

static int summary_project(const struct cli_args *args, struct cli_document *d, const hyoka_project *p)
{
    struct tables *t = d->user;
    size_t ny = hyoka_project_year_count(p);
    int fail = 0;

    for (size_t y = 0; y < ny; y++) {
        const hyoka_costs *c = hyoka_project_year_at(p, y);
        int32_t fy = hyoka_costs_fiscal_year(c);
        if (fy > t->latest)
            t->latest = fy;
        if (hyoka_costs_phase(c) == HYOKA_PHASE_SETTLED && fy > t->latest_settled)
            t->latest_settled = fy;
    }
    if (!args->year)
        drop_below(t, t->latest_settled);
    for (size_t y = 0; y < ny; y++) {
        int32_t fy = hyoka_costs_fiscal_year(hyoka_project_year_at(p, y));
        struct year_tables *yt;
        if (args->year ? fy != args->year : fy < t->latest_settled)
            continue;
        yt = year_of(t, fy, t->projects);
        if (!yt)
            return -1;
        yt->seen = 1;
    }
    fail |= hyoka_rollup_add(t->by_year, p) != HYOKA_OK;
    for (size_t i = 0; i < t->nyears && !fail; i++)
        fail |= year_add(&t->years[i], p) != 0;
    if (!fail)
        fail = keep_text(t, hyoka_project_code(p), hyoka_project_name(p)) != 0;
    if (fail) {
        fprintf(stderr, "%s: summary: %s\n", CLI_PROGRAM, hyoka_error_last());
        return -1;
    }
    t->projects++;
    return CLI_EXIT_FINE;
}

static void print_rollup(const hyoka_rollup *r, const char *title, int json, int first)
{
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
}

/* One entry of the ranking, the n-th (0 for the first). */
static void print_entry(size_t n, const char *code, const char *name, int rc, const hyoka_decimal *v, int reason,
                        int json)
{
    char cell[HYOKA_DECIMAL_STRING_MAX];

    if (json) {
        printf("%s{\"code\": ", n ? ", " : "");
        cli_json_string(stdout, code ? code : "");
        if (rc == HYOKA_OK) {
            hyoka_decimal_format(v, 0, cell, sizeof cell, NULL);
            printf(", \"total_cost\": %s}", cell);
        } else {
            printf(", \"total_cost\": null, \"reason\": \"%s\"}", hyoka_reason_name(reason));
        }
    } else {
        if (rc == HYOKA_OK)
            cli_format_figure(v, cell, sizeof cell);
        else
            snprintf(cell, sizeof cell, "- (%s)", hyoka_reason_name(reason));
        printf("  %3zu. %-12s %18s  %s\n", n + 1, code ? cli_safe(code) : "-", cell, name ? cli_safe(name) : "");
    }
}

/* The ranking of y, built from the figures kept. */
static void print_ranking(const struct year_tables *y, int json)
{
    size_t count = hyoka_ranking_count(y->ranking);

    if (json)
        printf(",\n    \"ranking_total_cost\": [");
    else
        printf("ranking by total cost, fiscal year %ld\n", (long)y->fy);
    for (size_t i = 0; i < count; i++) {
        const char *code = NULL, *name = NULL;
        hyoka_decimal v;
        int reason = 0;
        int rc = hyoka_ranking_entry(y->ranking, i, &code, &name, &v, &reason);
        print_entry(i, code, name, rc, &v, reason, json);
    }
    if (json)
        printf("]");
}

/* The entry of a file that could not be read or summed up: its error
 * (message) and diagnostics. */
static void unreadable_json(const struct cli_args *args, const struct cli_document *d, const char *message)
{
    char *text = NULL;

    printf(", \"error\": ");
    cli_json_string(stdout, message);
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
    struct tables *t = d->user;
    struct year_tables *y = NULL;
    int32_t year;
    int ja = args->lang == HYOKA_LANG_JA;

    cli_print_diagnostics(stderr, d, args->lang);
    if (args->json) {
        printf("%s\n  {\"file\": ", i ? "," : "");
        cli_json_string(stdout, d->file);
    }
    if (!t || d->read_failed || d->unreadable) {
        if (args->json)
            unreadable_json(args, d,
                            d->io_message[0] ? d->io_message : "the document cannot be read: see its diagnostics");
        tables_free(&current);
        return CLI_EXIT_FINE;
    }
    year = args->year ? args->year : t->latest_settled ? t->latest_settled : t->latest;
    for (size_t k = 0; k < t->nyears; k++) {
        if (t->years[k].fy == year)
            y = &t->years[k];
        else
            year_free(&t->years[k]); /* before the ranking is built */
    }
    if (y && year_rank(t, y) != 0) {
        fprintf(stderr, "%s: %s: summary: %s\n", CLI_PROGRAM, cli_safe(d->file), hyoka_error_last());
        if (args->json)
            unreadable_json(args, d, hyoka_error_last());
        tables_free(&current);
        return CLI_EXIT_UNREADABLE;
    }
    if (!year)
        fprintf(stderr, ja ? "%s: %s: 年度別の費用がない\n" : "%s: %s: no cost year\n", CLI_PROGRAM,
                cli_safe(d->file));
    else if (!y || !y->seen)
        fprintf(stderr, ja ? "%s: %s: 警告: %ld年度の費用がある事業がない（表は空）\n"
                           : "%s: %s: warning: no project has a cost year for fiscal year %ld (empty tables)\n",
                CLI_PROGRAM, cli_safe(d->file), (long)year);
    else if (!args->year && !t->latest_settled)
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
        printf("== %s (%zu projects)\n", cli_safe(d->file), d->projects);
    }
    print_rollup(t->by_year, args->json ? "by_fiscal_year" : (ja ? "年度別" : "by fiscal year"), args->json, 1);
    if (!args->json && year)
        printf(ja ? "-- %ld年度\n" : "-- fiscal year %ld\n", (long)year);
    if (y) {
        print_rollup(y->department, args->json ? "by_department" : (ja ? "部別" : "by department"), args->json, 0);
        print_rollup(y->verdict, args->json ? "by_verdict" : (ja ? "評価結果別" : "by final verdict"), args->json, 0);
        print_ranking(y, args->json);
    }
    if (args->json)
        printf("}}");
    tables_free(&current);
    return CLI_EXIT_FINE;
}

static int run(const struct cli_args *args)
{
    static const struct cli_visitor tables = {summary_begin, summary_project};
    int status;

    if (args->json)
        printf("{\"format\": \"hyoka-summary/1\", \"files\": [");
    status = cli_each_streamed(args, &tables, summary_one);
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
