/*
 * cli/metrics.c: hyoka metrics: every figure of every project.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int set_csv(struct cli_args *args, const struct cli_option *opt, const char *value)
{
    (void)opt;
    args->csv = value;
    return 0;
}

static const struct cli_option options[] = {
    {"--json", NULL,
     "print hyoka-metrics/1 with the file's name: one object, or an array of them, one per file, for several "
     "files (a file that cannot be read gets an object with its error and diagnostics)",
     NULL, 0, cli_set_json},
    {"--lang", "ja|en", "language of the labels and messages", CLI_LANG_DEFAULT, 0, cli_set_lang},
    {"--csv", "DIR",
     "write the figures as CSV tables into the folder DIR, metrics_years.csv and metrics_indicators.csv, "
     "instead of printing them (one input file)",
     NULL, 0, set_csv},
    CLI_ENCODING_OPTION,
    CLI_RULE_OPTIONS,
};

static const struct cli_example examples[] = {
    {"hyoka metrics examples/sheets/tokorozawa-010802.json",
     "Every figure of a sheet: a table of the cost figures by fiscal year, then the achievement of each "
     "indicator and the score of each evaluation."},
    {"hyoka metrics --csv figures --encoding cp932 examples/sheets/sample-city-portfolio.json",
     "The figures as two tables for a spreadsheet that expects Shift_JIS: figures/metrics_years.csv (one "
     "row per project and fiscal year) and figures/metrics_indicators.csv."},
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

    printf("%*s%s %s\n", depth * 2, "", code ? cli_safe(code) : "-", name ? cli_safe(name) : "");
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
        printf("%*s  %s %s:", depth * 2, "", lang == HYOKA_LANG_JA ? "指標" : "indicator", iname ? cli_safe(iname) : "-");
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
               stage ? stage : "-", (long)hyoka_evaluation_fiscal_year(e), verdict ? cli_safe(verdict) : "-");
        if (hyoka_evaluation_score(e, &score, &reason) == HYOKA_OK) {
            cli_format_figure(&score, cell, sizeof cell);
            printf(", score %s", cell);
        }
        if (hyoka_evaluation_rating(e, &rating, NULL, &reason) == HYOKA_OK && rating)
            printf(", rating %s", cli_safe(rating));
        fputc('\n', stdout);
    }
    for (size_t i = 0; i < hyoka_project_child_count(p); i++)
        print_project_metrics(hyoka_project_child_at(p, i), lang, depth + 1);
}

/* Write a hyoka-metrics/1 document with the name of its file, and the
 * reason it could not be read (error, NULL when it could), after its
 * "format" member. */
static void put_named(const char *text, size_t len, const char *file, const char *error)
{
    static const char after[] = "\"hyoka-metrics/1\",";
    const char *at = strstr(text, after);
    size_t head = at ? (size_t)(at - text) + sizeof after - 1 : 1;

    fwrite(text, 1, head, stdout);
    printf("\n  \"file\": ");
    cli_json_string(stdout, file);
    if (error) {
        printf(",\n  \"error\": ");
        cli_json_string(stdout, error);
    }
    putchar(','); /* the document's members follow */
    fwrite(text + head, 1, len - head, stdout);
}

/* The document of d when it has no figures to give: no project, its
 * error and its diagnostics. Returns an exit status. */
static int metrics_error_json(const struct cli_args *args, const struct cli_document *d, const char *error)
{
    hyoka_portfolio *none = NULL;
    char *text = NULL;
    size_t len = 0;
    int status = CLI_EXIT_FINE;

    if (hyoka_portfolio_new(&none) != HYOKA_OK ||
        hyoka_metrics_write(none, d->report, 0, args->lang, &text, &len) != HYOKA_OK) {
        static const char bare[] = "{\"format\": \"hyoka-metrics/1\", \"projects\": [], \"diagnostics\": []}\n";
        fprintf(stderr, "%s: %s: %s\n", CLI_PROGRAM, cli_safe(d->file), cli_safe(hyoka_error_last()));
        put_named(bare, sizeof bare - 1, d->file, error);
        status = CLI_EXIT_UNREADABLE;
    } else {
        put_named(text, len, d->file, error);
    }
    hyoka_free(text);
    hyoka_portfolio_free(none);
    return status;
}

/* ---- the text, one project at a time ---- */
struct text_out {
    int stopped; /* a read error: no more projects are printed */
    int named;   /* "== FILE" printed */
};

static struct text_out text_current;

static void text_name(const struct cli_args *args, const struct cli_document *d, struct text_out *t)
{
    if (args->nfiles > 1 && !t->named)
        printf("== %s\n", cli_safe(d->file));
    t->named = 1;
}

static int text_begin(const struct cli_args *args, struct cli_document *d, int i)
{
    (void)args;
    (void)i;
    memset(&text_current, 0, sizeof text_current);
    d->user = &text_current;
    return CLI_EXIT_FINE;
}

static int text_project(const struct cli_args *args, struct cli_document *d, const hyoka_project *p)
{
    struct text_out *t = d->user;

    if (t->stopped || (t->stopped = cli_document_has_errors(d)) != 0)
        return CLI_EXIT_FINE; /* read on, for the diagnostics */
    text_name(args, d, t);
    print_project_metrics(p, args->lang, 0);
    return CLI_EXIT_FINE;
}

/* The end of the text of d: a document without projects still has its name. */
static int metrics_text(const struct cli_args *args, const struct cli_document *d)
{
    struct text_out *t = d->user;

    if (t && !t->stopped && !d->unreadable && !d->read_failed && !d->io_message[0])
        text_name(args, d, t);
    return CLI_EXIT_FINE;
}

/* ---- --json, one project at a time ----
 *
 * The writer's bytes go to standard output as they are made, the file's
 * name put after "format" on the way. A document that turns out to have
 * an error is written as a whole read writes it (no project, its error)
 * while nothing of it has left; else its projects written so far stay,
 * none is added, and "error" is put after "diagnostics" (docs/format.md). */
struct streamed {
    const char *file;
    hyoka_writer *writer;
    size_t sent;         /* bytes sent to standard output */
    int stopped;         /* a read error: no more projects are written */
    int failed;          /* the writer failed (writer_error says why) */
    int rc;              /* its status */
    char writer_error[512];
    char *held;          /* at the end: the tail, held to add "error" */
    size_t nheld, capheld;
    int holding;
};

static int to_stdout(void *user, const char *data, size_t len)
{
    struct streamed *m = user;

    if (m->holding) {
        if (m->capheld - m->nheld < len) {
            size_t cap = (m->capheld + len) * 2;
            char *grown = realloc(m->held, cap);
            if (!grown)
                return -1;
            m->held = grown;
            m->capheld = cap;
        }
        memcpy(m->held + m->nheld, data, len);
        m->nheld += len;
        return 0;
    }
    if (m->sent == 0)
        put_named(data, len, m->file, NULL);
    else
        fwrite(data, 1, len, stdout);
    m->sent += len;
    return cli_output_failed() ? -1 : 0;
}

static struct streamed current;

static void writer_failed(struct streamed *m, int rc)
{
    m->failed = 1;
    m->rc = rc;
    snprintf(m->writer_error, sizeof m->writer_error, "%s", hyoka_error_last());
}

static int metrics_begin(const struct cli_args *args, struct cli_document *d, int i)
{
    hyoka_writer *w = NULL;
    int rc;

    if (args->nfiles > 1)
        printf("%s", i ? ",\n" : "[\n");
    memset(&current, 0, sizeof current);
    current.file = d->file;
    d->user = &current;
    rc = hyoka_writer_new(&w, HYOKA_WRITER_METRICS, hyoka_stream_portfolio(d->stream), 0, args->lang, to_stdout,
                          &current);
    current.writer = w;
    if (rc == HYOKA_ENOMEM)
        return -1;
    if (rc != HYOKA_OK)
        writer_failed(&current, rc);
    return CLI_EXIT_FINE;
}

static int metrics_project(const struct cli_args *args, struct cli_document *d, const hyoka_project *p)
{
    struct streamed *m = d->user;
    int rc;

    if (m->stopped || m->failed || (m->stopped = cli_document_has_errors(d)) != 0)
        return CLI_EXIT_FINE; /* read on, for the diagnostics */
    rc = hyoka_writer_project(m->writer, p);
    /* (EIO of --json: standard output failed, main() says so) */
    if (rc != HYOKA_OK && (rc != HYOKA_EIO || args->csv))
        writer_failed(m, rc);
    return CLI_EXIT_FINE;
}

/* The end of a streamed document: "error" after its "diagnostics". */
static void finish_with_error(struct streamed *m, const char *error)
{
    size_t at = m->nheld;

    while (at > 0 && m->held[at - 1] != '}')
        at--;
    if (at > 0 && m->held[at - 1] == '}')
        at--;
    if (at > 0 && m->held[at - 1] == '\n')
        at--;
    fwrite(m->held, 1, at, stdout);
    printf(",\n  \"error\": ");
    cli_json_string(stdout, error);
    fwrite(m->held + at, 1, m->nheld - at, stdout);
}

/* The document of a streamed d. Returns an exit status. */
static int metrics_streamed(const struct cli_args *args, const struct cli_document *d, int i)
{
    static const char unread[] = "the document cannot be read: see its diagnostics";
    struct streamed *m = d->user;
    const char *error;
    int status = CLI_EXIT_FINE, rc;

    if (!m) { /* the document could not be opened */
        if (args->nfiles > 1)
            printf("%s", i ? ",\n" : "[\n");
        return metrics_error_json(args, d, d->io_message[0] ? d->io_message : unread);
    }
    if (m->failed) {
        fprintf(stderr, "%s: %s: %s\n", CLI_PROGRAM, cli_safe(d->file), cli_safe(m->writer_error));
        status = CLI_EXIT_UNREADABLE;
    }
    error = m->failed ? m->writer_error
          : d->io_message[0] ? d->io_message
          : d->read_failed || d->unreadable ? unread
          : NULL;
    if (error && m->sent == 0) { /* nothing of it has left: as a whole read */
        status = cli_worse(status, metrics_error_json(args, d, error));
    } else if (!m->failed) {
        m->holding = error != NULL;
        rc = hyoka_writer_finish(m->writer, d->report);
        if (rc != HYOKA_OK && rc != HYOKA_EIO) {
            fprintf(stderr, "%s: %s: %s\n", CLI_PROGRAM, cli_safe(d->file), cli_safe(hyoka_error_last()));
            status = CLI_EXIT_UNREADABLE; /* the document is left cut */
        } else if (error) {
            finish_with_error(m, error);
        }
    } /* else: the writer failed after some of it left; it is left cut */
    hyoka_writer_free(m->writer);
    free(m->held);
    memset(m, 0, sizeof *m);
    return status;
}

/* ---- --csv, one project at a time ----
 *
 * The rows of each project go to the files of a folder made beside DIR
 * (hyoka_writer_new_dir(); the projects are given to it by
 * metrics_project()), which takes DIR's place once the document has been
 * read without error; a document with an error leaves DIR as it was, and
 * so does a cell CP932 cannot hold. */
static int csv_begin(const struct cli_args *args, struct cli_document *d, int i)
{
    hyoka_csv_options copt;
    int rc;

    (void)i;
    memset(&current, 0, sizeof current);
    current.file = d->file;
    d->user = &current;
    hyoka_csv_options_init(&copt);
    copt.encoding = args->encoding;
    rc = hyoka_writer_new_dir(&current.writer, HYOKA_WRITER_METRICS_CSV, hyoka_stream_portfolio(d->stream),
                              args->csv, &copt, NULL);
    if (rc != HYOKA_OK)
        writer_failed(&current, rc); /* said once the document is read, if it can be */
    return CLI_EXIT_FINE;
}

/* The end of --csv for d: the folder put in place, or given up. */
static int metrics_csv(const struct cli_args *args, const struct cli_document *d)
{
    struct streamed *m = d->user;
    int status = CLI_EXIT_FINE, rc;

    if (!m) /* the document could not be opened */
        return CLI_EXIT_FINE;
    if (m->stopped || d->unreadable || d->read_failed || d->io_message[0])
        m->failed = 0; /* no figures for a document with errors: DIR stays as it was */
    else if (!m->failed && (rc = hyoka_writer_finish(m->writer, NULL)) != HYOKA_OK)
        writer_failed(m, rc);
    if (m->failed) {
        fprintf(stderr, "%s: %s: %s\n", CLI_PROGRAM, cli_safe(args->csv), cli_safe(m->writer_error));
        status = m->rc == HYOKA_EENCODING ? CLI_EXIT_ERRORS : CLI_EXIT_OUTPUT;
    }
    hyoka_writer_free(m->writer); /* an unfinished folder is removed */
    memset(m, 0, sizeof *m);
    return status;
}

static int metrics_one(const struct cli_args *args, const struct cli_document *d, int i)
{
    cli_print_diagnostics(stderr, d, args->lang);
    if (args->csv)
        return metrics_csv(args, d);
    if (args->json)
        return metrics_streamed(args, d, i);
    return metrics_text(args, d);
}

static int run(const struct cli_args *args)
{
    static const struct cli_visitor stream_json = {metrics_begin, metrics_project};
    static const struct cli_visitor stream_csv = {csv_begin, metrics_project};
    static const struct cli_visitor stream_text = {text_begin, text_project};
    int status;

    if (args->csv && (args->nfiles > 1 || args->json)) {
        cli_usage_error(args->command, args->json ? "--csv and --json: choose one" : "--csv takes one input file");
        return CLI_EXIT_USAGE;
    }
    status = cli_each_streamed(args, args->csv ? &stream_csv : args->json ? &stream_json : &stream_text, metrics_one);

    if (args->json && args->nfiles > 1)
        printf("]\n");
    return status < 0 ? CLI_EXIT_UNREADABLE : status;
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
                   "of check. The document is read one project at a time, so memory does\n"
                   "not grow with its size; figures are printed as each project is read:\n"
                   "when an error is found after some were printed, they stay.\n"
                   "\n"
                   "With --json, the output is one JSON document whatever happens: for one\n"
                   "file, its hyoka-metrics/1 object with a \"file\" member naming it; for\n"
                   "several, an array of those objects in the order of the files. A file\n"
                   "that cannot be read gets an object with no project, an \"error\" member\n"
                   "and its diagnostics (docs/schemas/hyoka-metrics-1.schema.json). When an\n"
                   "error is found after some figures were printed, \"error\" comes last.\n"
                   "\n"
                   "With --csv DIR, the figures are two CSV tables in the folder DIR, made\n"
                   "whole or not at all: written beside DIR as the projects are read, they\n"
                   "take its place only when the whole document was read without error.\n"
                   "metrics_years.csv has one row per project and fiscal year (sub-projects\n"
                   "included, with their parent's code), every figure, the phase and the\n"
                   "reason of each unavailable figure; metrics_indicators.csv, the values\n"
                   "and achievement of each indicator (docs/csv.md). UTF-8 with a byte\n"
                   "order mark, or --encoding.\n",
    .options = options,
    .n_options = CLI_COUNT(options),
    .examples = examples,
    .n_examples = CLI_COUNT(examples),
    .run = run,
};
