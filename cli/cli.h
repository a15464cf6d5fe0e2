/*
 * cli/cli.h: what the commands of the hyoka program share.
 *
 *   - exit statuses (main.c holds their descriptions);
 *   - the option table of a command and its parser (options.c), from which
 *     `--help` and the manual page hyoka(1) are generated (help.c);
 *   - reading an input of any format into a document, the language of the
 *     messages, and output helpers (common.c).
 *
 * Each command lives in its own file (check.c, metrics.c, convert.c,
 * summary.c) and declares its options once, in its struct cli_command.
 */
#ifndef HYOKA_CLI_H
#define HYOKA_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <hyoka/hyoka.h>

#define CLI_PROGRAM "hyoka"

/* Exit statuses. 64 is EX_USAGE and 74 EX_IOERR of sysexits.h. */
enum {
    CLI_EXIT_FINE = 0,       /* fine, warnings allowed */
    CLI_EXIT_ERRORS = 1,     /* errors found */
    CLI_EXIT_UNREADABLE = 2, /* unreadable input (or out of memory) */
    CLI_EXIT_USAGE = 64,     /* bad command line */
    CLI_EXIT_OUTPUT = 74     /* an output could not be written */
};

/* An exit status and its description, for --help and the manual page. */
struct cli_exit_status {
    int status;
    const char *brief; /* a few words: "errors found" */
    const char *text;  /* a sentence for the manual page */
};

/* The exit statuses, in increasing order; ends with a NULL brief. */
extern const struct cli_exit_status cli_exit_statuses[];

/* Formats of convert --from and --to (HTML is only written). */
enum { CLI_FORMAT_JSON, CLI_FORMAT_CSV, CLI_FORMAT_HTML, CLI_FORMAT_RS };

/* The parsed command line of a command. */
struct cli_args {
    const struct cli_command *command;
    int json;          /* --json */
    int lang;          /* --lang, else hyoka_lang_default() (the locale's) */
    int lang_given;    /* --lang was given (HTML pages are in Japanese unless it was) */
    int compact;       /* --compact */
    int32_t year;      /* --year, 0 when not given */
    int from;          /* --from: CLI_FORMAT_JSON (default), CLI_FORMAT_CSV or CLI_FORMAT_RS */
    int to;            /* --to: a CLI_FORMAT_ */
    int encoding;      /* --encoding: a HYOKA_ENCODING_, default UTF-8 with BOM */
    char **files;      /* the operands, in order */
    int nfiles;
    unsigned given;    /* bit i: the command's option i was given */
    /* rules (docs/rules.md): the command line's, applied after the file's */
    const char **select; /* --select values (comma-separated lists), in order */
    int nselect;
    const char **ignore; /* --ignore values */
    int nignore;
    int min_severity;    /* --min-severity, or -1 */
    const char *config;  /* --config FILE, or NULL: hyoka.conf beside each input */
    int no_config;       /* --no-config */
    const char *csv;     /* metrics --csv DIR, or NULL */
};

struct cli_option;

/* Stores an option's value in args. value is NULL for a flag. Returns 0, or
 * -1 after printing why the value is refused (cli_bad_value() does). */
typedef int (*cli_setter)(struct cli_args *args, const struct cli_option *opt, const char *value);

/* One option of a command, declared once: parsing, --help and hyoka(1)
 * are all made from it. */
struct cli_option {
    const char *name;  /* "--lang" */
    const char *arg;   /* the value: "ja|en" lists the accepted words, "FY"
                          names one; NULL for a flag */
    const char *help;  /* what it does, a phrase without a final period */
    const char *def;   /* the default in words, or NULL */
    int required;      /* the command needs it */
    cli_setter set;
};

/* An example command line of the manual page, run by tests/cli. */
struct cli_example {
    const char *line; /* starts with "hyoka " */
    const char *what; /* one or two sentences */
};

/* A command: its options, its help and its work. */
struct cli_command {
    const char *name;        /* "check" */
    const char *operands;    /* "FILE..." or "IN OUT" */
    int min_operands;
    int max_operands;        /* -1: no limit */
    const char *too_many;    /* said after "too many operands (expects ...)",
                                or NULL */
    const char *summary;     /* one line for `hyoka --help` */
    const char *description; /* lines of at most 76 columns; a blank line
                                starts a paragraph, a line starting with two
                                spaces is shown as it is */
    const struct cli_option *options;
    size_t n_options;
    const struct cli_example *examples;
    size_t n_examples;
    int (*run)(const struct cli_args *args); /* returns the exit status */
};

#define CLI_COUNT(a) (sizeof(a) / sizeof((a)[0]))

extern const struct cli_command cli_check;
extern const struct cli_command cli_metrics;
extern const struct cli_command cli_convert;
extern const struct cli_command cli_summary;

/* Every command, in the order of the help; NULL-terminated. */
extern const struct cli_command *const cli_commands[];

/* The options of hyoka without a command (--help, --version);
 * NULL-terminated. */
extern const struct cli_option *const cli_global_options[];

/* ---- options.c: parsing ---- */

/* The implicit --help (-h) of every command. */
extern const struct cli_option cli_help_option;

/* Parse a command's arguments (after the command name). Returns 0, 1 when
 * --help was shown (exit 0), or -1 after a usage error was reported (exit
 * 64). args->files is allocated: release it with cli_args_free(). */
int cli_parse(const struct cli_command *c, int argc, char **argv, struct cli_args *args);
void cli_args_free(struct cli_args *args);

/* The option called name (as given, up to its '=' if any) among opts. */
const struct cli_option *cli_option_find(const struct cli_option *opts, size_t n, const char *name);

/* Report a refused value: "hyoka CMD: --to takes json, csv or html, not 'pdf'".
 * Returns -1. */
int cli_bad_value(const struct cli_args *args, const struct cli_option *opt, const char *value);

/* Report a usage error of command c (NULL: of hyoka itself), printf-style,
 * followed by the usage line and where to find help. */
void cli_usage_error(const struct cli_command *c, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Setters shared by several commands. */
int cli_set_json(struct cli_args *args, const struct cli_option *opt, const char *value);
int cli_set_lang(struct cli_args *args, const struct cli_option *opt, const char *value);
int cli_set_select(struct cli_args *args, const struct cli_option *opt, const char *value);
int cli_set_ignore(struct cli_args *args, const struct cli_option *opt, const char *value);
int cli_set_min_severity(struct cli_args *args, const struct cli_option *opt, const char *value);
int cli_set_config(struct cli_args *args, const struct cli_option *opt, const char *value);
int cli_set_no_config(struct cli_args *args, const struct cli_option *opt, const char *value);

/* The default of --lang in words (hyoka_lang_default()). */
#define CLI_LANG_DEFAULT "ja when the locale (LC_ALL, else LC_MESSAGES, else LANG) starts with ja, else en"

/* --encoding of the CSV files (convert, metrics --csv). */
int cli_set_encoding(struct cli_args *args, const struct cli_option *opt, const char *value);
#define CLI_ENCODING_OPTION                                                                                       \
    {"--encoding", "utf-8|utf-8-nobom|cp932",                                                                     \
     "encoding of the CSV files: UTF-8 with a byte order mark, UTF-8 without one, or CP932 (the Windows "        \
     "form of Shift_JIS); utf8, shift_jis and sjis are accepted as other names",                                  \
     "utf-8", 0, cli_set_encoding}

/* The rules file read beside each input (docs/rules.md). */
#define CLI_RULES_FILE "hyoka.conf"

/* The options of the rules, in the option table of every command that
 * validates (check, metrics, summary). */
#define CLI_RULE_OPTIONS                                                                                         \
    {"--select", "CODES", "report only these codes or code prefixes (comma-separated; added to the rules file's)", \
     NULL, 0, cli_set_select},                                                                                   \
    {"--ignore", "CODES", "do not report these codes or code prefixes (comma-separated; added to the rules "      \
     "file's)", NULL, 0, cli_set_ignore},                                                                        \
    {"--min-severity", "error|warning|info", "report only diagnostics at least this severe", "info", 0,          \
     cli_set_min_severity},                                                                                      \
    {"--config", "FILE", "read the rules from FILE instead of " CLI_RULES_FILE " in the folder of each input",   \
     NULL, 0, cli_set_config},                                                                                   \
    {"--no-config", NULL, "read no rules file", NULL, 0, cli_set_no_config}

/* ---- help.c: --help and the manual page ---- */

void cli_help_main(FILE *out);
void cli_help_command(FILE *out, const struct cli_command *c);
void cli_usage_line(FILE *out, const struct cli_command *c);
void cli_manual(FILE *out);

/* ---- common.c: documents ---- */

/* One entry of the tally of a document: how many diagnostics of a code
 * and severity it counted (code borrowed from its reports). */
struct cli_tally {
    const char *code;
    int severity;
    size_t count;
};

/* The counts of a document's diagnostics, kept or not (docs/rules.md):
 * those of its report, and of the validation of a streamed input. */
struct cli_counts {
    size_t total, dropped, ignored;
    size_t by_severity[3]; /* by hyoka_severity */
    struct cli_tally *tally; /* by code, then severity */
    size_t ntally;
};

/* A document as read from an input: the text (kept to locate diagnostics),
 * the portfolio when it could be read, and the report.
 *
 * A JSON input of check, metrics --json and summary is read as a stream
 * (cli_each_streamed()): project by project, none kept; then portfolio
 * stays NULL, stream holds the header until cli_document_free(), and the
 * validation's diagnostics join report at the end, after the reading's,
 * as a whole read gives them. */
struct cli_document {
    const char *file;
    char *text;
    size_t len;
    hyoka_portfolio *portfolio;
    hyoka_report *report;
    hyoka_stream *stream;    /* a streamed input (NULL when it could not be opened) */
    hyoka_report *checks;    /* a streamed input: the validation's diagnostics, until they join report */
    size_t projects;         /* a streamed input: the top-level projects read */
    struct cli_counts counts;
    char io_message[512]; /* why the file could not be read ("" when it could) */
    int unreadable;       /* not a readable document (I/O, JSON syntax, a bad rules file) */
    int read_failed;      /* the reader refused it (its errors are in report) */
    char rules_file[1024]; /* the rules file whose R001 diagnostics report holds ("" when none) */
    void *user;           /* the command's own state for this document */
};

/* Read file ("-": standard input for JSON) in format (CLI_FORMAT_JSON, or
 * CLI_FORMAT_CSV: a folder of tables read with copt) into a report with
 * @p rules (may be NULL), and validate it when asked. Returns 0 (problems
 * are in d), or -1 when out of memory, after saying so; release d with
 * cli_document_free() in both cases. */
int cli_document_read(struct cli_document *d, const char *file, int format, const hyoka_csv_options *copt,
                      const hyoka_rules *rules, int validate);
struct cli_visitor;

/* cli_document_read() of a JSON input (file, or "-") as a stream, without
 * rules or validation, handed to v (its i is 0; d->user is user; *status
 * gets the worst status v returned). */
int cli_document_stream(struct cli_document *d, const struct cli_args *args, const char *file,
                        const struct cli_visitor *v, void *user, int *status);
void cli_document_free(struct cli_document *d);

/* The exit status a document calls for: from every error found, shown or
 * not (the report's totals). */
int cli_document_status(const struct cli_document *d);

/* The worse of two exit statuses: unreadable outranks errors, which
 * outrank fine. */
int cli_worse(int a, int b);

/* What a command does with the i-th operand of args, read as d; returns
 * an exit status (CLI_EXIT_FINE when it adds nothing to d's). */
typedef int (*cli_each_fn)(const struct cli_args *args, const struct cli_document *d, int i);

/* What a command does with a JSON input read as a stream. begin: the
 * header is read (hyoka_stream_portfolio(d->stream)), before the first
 * project; project: each top-level project, validated, borrowed for the
 * call. Each returns an exit status to add (CLI_EXIT_FINE to go on), or
 * -1 when out of memory (said on standard error); reading the document
 * stops at a status other than CLI_EXIT_FINE. Either may be NULL. */
struct cli_visitor {
    int (*begin)(const struct cli_args *args, struct cli_document *d, int i);
    int (*project)(const struct cli_args *args, struct cli_document *d, const hyoka_project *p);
};

/* Each operand of args in turn (progress on a terminal when there are
 * several; JSON; "-" is standard input) read as a stream, handed to v
 * project by project, validated, and then, with its diagnostics and
 * counts complete (d->portfolio NULL), to each. Memory holds one project
 * at a time, and the text is read once (the stream places validation's
 * diagnostics as it goes). */
int cli_each_streamed(const struct cli_args *args, const struct cli_visitor *v, cli_each_fn each);

/* Whether an error was counted in d's report: while a stream is read (a
 * bad rules file stops before), a read error (J or S), for commands that
 * write projects as they come. */
int cli_document_has_errors(const struct cli_document *d);

/* Print the diagnostics of d as FILE:LINE:COL: severity CODE: message [PATH],
 * then, when there were any, how many (and how many were not shown or
 * ignored) and the tally by code:
 *   FILE: 1501 diagnostics: 1 error, 1500 warnings; 501 not shown (limit 1000)
 *   FILE:    1 × C001 error: funding sources do not add up to the expense
 *   FILE: 1500 × I002 warning: actual without target, and not marked not-settable */
void cli_print_diagnostics(FILE *out, const struct cli_document *d, int lang);

/* The counts of d as JSON members: "total": N, "dropped": N, "ignored": N,
 * "counts": {...}, "tally": [...] (after a comma the caller writes). */
void cli_print_counts_json(FILE *out, const struct cli_document *d, int lang);

/* ---- common.c: output ---- */

/* Whether a write to standard output has failed; the first time it sees
 * the failure it keeps errno (the reason), which cli_output_errno() gives
 * (0 when unknown). The commands stop reading inputs once it has. */
int cli_output_failed(void);
int cli_output_errno(void);

/* Width of the first column of text tables. */
#define CLI_CELL 24

/* s as a JSON string: control characters (C0, DEL, C1) as \uXXXX, a byte
 * that is not UTF-8 (a file name) as \ufffd. */
void cli_json_string(FILE *out, const char *s);

/* s for a line of text output: each control character (U+0000..U+001F,
 * U+007F, U+0080..U+009F) written as \uXXXX, each byte that is not UTF-8 as
 * \xNN, so that no text from a document or a file name can start a line or
 * reach a terminal raw (the library escapes its messages the same way;
 * docs/output.md). Returns s itself when nothing needs escaping, else one of
 * a few buffers reused by later calls; NULL for NULL. */
const char *cli_safe(const char *s);

/* Display width of the len bytes of UTF-8 text at s: East Asian characters
 * count 2. */
int cli_display_width(const char *s, size_t len);

/* s on stdout, padded with spaces to width (left-aligned) or after them
 * (right-aligned). */
void cli_print_padded(const char *s, int width);
void cli_print_right(const char *s, int width);

/* A figure with thousands separators ("?" if it cannot be formatted). */
void cli_format_figure(const hyoka_decimal *v, char *buf, size_t size);

#endif
