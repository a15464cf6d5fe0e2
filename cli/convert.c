/*
 * cli/convert.c: hyoka convert: a document from one format to another.
 */
#include <string.h>

#include "cli.h"

static const char *const format_names[] = {
    [CLI_FORMAT_JSON] = "json",
    [CLI_FORMAT_CSV] = "csv",
    [CLI_FORMAT_HTML] = "html",
    [CLI_FORMAT_RS] = "rs",
};

/* The format called value, unless it is @p except; -1 after reporting a
 * value opt does not take. */
static int format_named(const struct cli_args *args, const struct cli_option *opt, const char *value, int except)
{
    for (int f = 0; f < (int)CLI_COUNT(format_names); f++) {
        if (f != except && strcmp(value, format_names[f]) == 0)
            return f;
    }
    return cli_bad_value(args, opt, value);
}

static int set_from(struct cli_args *args, const struct cli_option *opt, const char *value)
{
    args->from = format_named(args, opt, value, CLI_FORMAT_HTML);
    return args->from < 0 ? -1 : 0;
}

static int set_to(struct cli_args *args, const struct cli_option *opt, const char *value)
{
    args->to = format_named(args, opt, value, -1);
    return args->to < 0 ? -1 : 0;
}

static int set_compact(struct cli_args *args, const struct cli_option *opt, const char *value)
{
    (void)opt;
    (void)value;
    args->compact = 1;
    return 0;
}

static const struct cli_option options[] = {
    {"--from", "json|csv|rs", "format of IN", "json", 0, set_from},
    {"--to", "json|csv|html|rs", "format of OUT", NULL, 1, set_to},
    CLI_ENCODING_OPTION,
    {"--compact", NULL, "write JSON without indentation", NULL, 0, set_compact},
    {"--lang", "ja|en", "language of the messages and of the HTML labels",
     CLI_LANG_DEFAULT "; the HTML labels are in ja unless --lang is given", 0, cli_set_lang},
};

static const struct cli_example examples[] = {
    {"hyoka convert --to csv --encoding cp932 examples/sheets/sample-city-portfolio.json tables",
     "The tables of a portfolio, for a spreadsheet that expects Shift_JIS, in the folder tables."},
    {"hyoka convert --from csv --encoding cp932 --to json tables portfolio.json",
     "And back: the folder of tables read into canonical hyoka/1 JSON."},
    {"hyoka convert --to html --lang ja examples/sheets/sample-city-portfolio.json site",
     "HTML sheets in Japanese: site/index.html and one page per project."},
    {"hyoka convert --from rs --to json tests/data/rs-sample-2024 review-2024.json",
     "The 15 tables of a review year of the national review sheets (RS system), as downloaded (here the sample "
     "of the source tree), into hyoka/1."},
    {"hyoka convert --to rs review-2024.json rs-2024-out",
     "And back: {table}_RS_{year}_{title}.csv files, every cell as read."},
    {"hyoka convert --compact --to json - - < portfolio.json",
     "A document in canonical compact form, from standard input to standard output."},
};

static int write_json_out(const hyoka_portfolio *p, unsigned flags, const char *out)
{
    char *text = NULL;
    size_t len = 0;
    int rc;
    if (strcmp(out, "-") != 0)
        return hyoka_json_write_file(p, flags, out);
    rc = hyoka_json_write(p, flags, &text, &len);
    if (rc == HYOKA_OK) {
        fwrite(text, 1, len, stdout);
        hyoka_free(text);
    }
    return rc;
}

/* ---- JSON to JSON, one project at a time ----
 *
 * Standard output gets each project as it is read; a named file is
 * written beside its target as it is read and put in place at the end
 * (replaced atomically, docs/output.md), or not at all. A document found
 * to have an error once some of it has left for standard output is left
 * cut there (the exit status says so); a smaller one is not written, as
 * from a whole read. */
struct streamed {
    const char *out; /* the output operand: "-" or a file */
    hyoka_writer *writer;
    int rc;          /* the writer's first failure */
    int stopped;     /* a read error: no more projects are written */
    char why[512];   /* the message of that failure */
};

static int to_stdout(void *user, const char *data, size_t len)
{
    (void)user;
    fwrite(data, 1, len, stdout);
    return cli_output_failed() ? -1 : 0;
}

/* Remember the first failure of the writer. */
static void writer_failed(struct streamed *c, int rc)
{
    if (rc != HYOKA_OK && c->rc == HYOKA_OK) {
        c->rc = rc;
        snprintf(c->why, sizeof c->why, "%s", hyoka_error_last());
    }
}

static int convert_begin(const struct cli_args *args, struct cli_document *d, int i)
{
    struct streamed *c = d->user;
    const hyoka_portfolio *header = hyoka_stream_portfolio(d->stream);
    unsigned flags = args->compact ? HYOKA_WRITE_COMPACT : 0;

    (void)i;
    if (strcmp(c->out, "-") == 0)
        writer_failed(c, hyoka_writer_new(&c->writer, HYOKA_WRITER_HYOKA, header, flags, HYOKA_LANG_EN, to_stdout,
                                          NULL));
    else
        writer_failed(c, hyoka_writer_new_file(&c->writer, HYOKA_WRITER_HYOKA, header, flags, HYOKA_LANG_EN, c->out));
    return c->rc == HYOKA_ENOMEM ? -1 : CLI_EXIT_FINE;
}

static int convert_project(const struct cli_args *args, struct cli_document *d, const hyoka_project *p)
{
    struct streamed *c = d->user;

    (void)args;
    if (c->rc == HYOKA_OK && !c->stopped && !(c->stopped = cli_document_has_errors(d)))
        writer_failed(c, hyoka_writer_project(c->writer, p));
    return CLI_EXIT_FINE; /* read on, for the diagnostics */
}

/* convert --to json IN OUT from a JSON input. */
static int stream_json(const struct cli_args *args, const char *in, const char *out)
{
    static const struct cli_visitor to_json = {convert_begin, convert_project};
    struct streamed c = {out, NULL, HYOKA_OK, 0, ""};
    struct cli_document d;
    int status, on_stdout = strcmp(out, "-") == 0;

    if (cli_document_stream(&d, args, in, &to_json, &c, &status) != 0) {
        hyoka_writer_free(c.writer);
        cli_document_free(&d);
        return CLI_EXIT_UNREADABLE;
    }
    cli_print_diagnostics(stderr, &d, args->lang);
    status = cli_worse(status, cli_document_status(&d));
    if (status == CLI_EXIT_FINE && !d.stream)
        status = CLI_EXIT_ERRORS;
    if (status == CLI_EXIT_FINE && c.rc == HYOKA_OK)
        writer_failed(&c, hyoka_writer_finish(c.writer, NULL));
    if (c.rc != HYOKA_OK && !(c.rc == HYOKA_EIO && on_stdout)) { /* standard output: main() says so */
        fprintf(stderr, "%s: %s: %s\n", CLI_PROGRAM, cli_safe(out), cli_safe(c.why));
        status = cli_worse(status, CLI_EXIT_OUTPUT);
    }
    hyoka_writer_free(c.writer); /* unfinished: a named file is left as it was */
    cli_document_free(&d);
    return status;
}

static int run(const struct cli_args *args)
{
    const char *in = args->files[0], *out = args->files[1];
    struct cli_document d;
    hyoka_csv_options copt;
    int status, rc;

    /* CSV, RS and HTML are folders: '-' is only for JSON. */
    if (args->to != CLI_FORMAT_JSON && strcmp(out, "-") == 0) {
        cli_usage_error(args->command, "--to %s writes a folder, not standard output", format_names[args->to]);
        return CLI_EXIT_USAGE;
    }
    if (args->from != CLI_FORMAT_JSON && strcmp(in, "-") == 0) {
        cli_usage_error(args->command, "--from %s reads a folder, not standard input", format_names[args->from]);
        return CLI_EXIT_USAGE;
    }
    if (args->from == CLI_FORMAT_JSON && args->to == CLI_FORMAT_JSON)
        return stream_json(args, in, out);
    hyoka_csv_options_init(&copt);
    copt.encoding = args->encoding;
    if (cli_document_read(&d, in, args->from, &copt, NULL, 0) != 0) {
        cli_document_free(&d);
        return CLI_EXIT_UNREADABLE;
    }
    cli_print_diagnostics(stderr, &d, args->lang);
    status = cli_document_status(&d);
    if (d.portfolio) {
        if (args->to == CLI_FORMAT_JSON)
            rc = write_json_out(d.portfolio, args->compact ? HYOKA_WRITE_COMPACT : 0, out);
        else if (args->to == CLI_FORMAT_CSV)
            rc = hyoka_csv_write_dir(d.portfolio, out, &copt, d.report);
        else if (args->to == CLI_FORMAT_RS)
            rc = hyoka_rs_write_dir(d.portfolio, out, NULL, d.report);
        else
            rc = hyoka_html_write_dir(d.portfolio, args->lang_given ? args->lang : HYOKA_LANG_JA, out);
        if (rc != HYOKA_OK) {
            fprintf(stderr, "%s: %s: %s\n", CLI_PROGRAM, out, hyoka_error_last());
            status = cli_worse(status, rc == HYOKA_EENCODING ? CLI_EXIT_ERRORS : CLI_EXIT_OUTPUT);
        }
    } else if (status == CLI_EXIT_FINE) {
        status = CLI_EXIT_ERRORS;
    }
    cli_document_free(&d);
    return status;
}

const struct cli_command cli_convert = {
    .name = "convert",
    .operands = "IN OUT",
    .min_operands = 2,
    .max_operands = 2,
    .too_many = "convert takes one input and one output; run it once for each document",
    .summary = "convert a document between formats",
    .description = "Convert a portfolio between formats. JSON is one file (- for standard\n"
                   "input or output); CSV is a folder holding one file per table; RS is a\n"
                   "folder holding the 15 tables of a review year of the national review\n"
                   "sheets ({table}_RS_{year}_{title}.csv, docs/rs.md); HTML is a folder\n"
                   "holding index.html and one sheet per project. The document is\n"
                   "read but not validated: only what prevents reading it is reported, on\n"
                   "standard error.\n"
                   "\n"
                   "From JSON to JSON, each project is written as it is read, in constant\n"
                   "memory: to standard output at once (a document found to have an error\n"
                   "after some of it was written is left cut there, exit status 1 or 2), to\n"
                   "a named file beside it, put in its place at the end or not at all.\n",
    .options = options,
    .n_options = CLI_COUNT(options),
    .examples = examples,
    .n_examples = CLI_COUNT(examples),
    .run = run,
};
