/*
 * cli/check.c: hyoka check: validate documents and print their diagnostics.
 */
#include "cli.h"

static const struct cli_option options[] = {
    {"--json", NULL, "print {\"format\": \"hyoka-check/1\", \"files\": [...]}, one object per file, instead of lines", NULL, 0,
     cli_set_json},
    {"--lang", "ja|en", "language of the severities and messages", CLI_LANG_DEFAULT, 0, cli_set_lang},
    CLI_RULE_OPTIONS,
};

static const struct cli_example examples[] = {
    {"hyoka check examples/sheets/*.json",
     "Check the sample sheets of the source tree: one line per diagnostic, and exit status 1 when one "
     "of them has an error."},
    {"hyoka check --json --lang ja examples/sheets/tokorozawa-010802.json",
     "The diagnostics of one sheet as JSON, with messages in Japanese."},
    {"hyoka check --ignore I002 --min-severity warning examples/sheets/tokorozawa-010802.json",
     "Leave out the actuals without targets (I002) and the notes; the rules file hyoka.conf beside a "
     "sheet can say the same (docs/rules.md)."},
};

static int check_one(const struct cli_args *args, const struct cli_document *d, int i)
{
    if (args->json) {
        char *text = NULL;
        printf("%s\n  {\"file\": ", i ? "," : "");
        cli_json_string(stdout, d->file);
        if (d->io_message[0]) {
            printf(", \"error\": ");
            cli_json_string(stdout, d->io_message);
        }
        if (d->rules_file[0]) {
            printf(", \"rules_file\": ");
            cli_json_string(stdout, d->rules_file);
        }
        printf(", ");
        cli_print_counts_json(stdout, d, args->lang);
        if (hyoka_report_write_json(d->report, HYOKA_WRITE_COMPACT, args->lang, &text, NULL) == HYOKA_OK) {
            printf(", \"diagnostics\": %s}", text);
            hyoka_free(text);
        } else {
            printf(", \"diagnostics\": []}");
        }
    } else {
        cli_print_diagnostics(stdout, d, args->lang);
    }
    return CLI_EXIT_FINE;
}

static int run(const struct cli_args *args)
{
    static const struct cli_visitor validate_only = {NULL, NULL};
    int status;

    if (args->json)
        printf("{\"format\": \"hyoka-check/1\", \"files\": [");
    status = cli_each_streamed(args, &validate_only, check_one);
    if (args->json)
        printf("\n]}\n");
    return status < 0 ? CLI_EXIT_UNREADABLE : status;
}

const struct cli_command cli_check = {
    .name = "check",
    .operands = "FILE...",
    .min_operands = 1,
    .max_operands = -1,
    .summary = "report every problem of hyoka/1 documents",
    .description = "Read each hyoka/1 document, validate it and print its diagnostics, one\n"
                   "per line:\n"
                   "  FILE:LINE:COL: severity CODE: message [PATH]\n"
                   "then how many there were and how many of each code:\n"
                   "  FILE: 1501 diagnostics: 1 error, 1500 warnings; 501 not shown\n"
                   "  FILE:    1 × C001 error: funding sources do not add up to the expense\n"
                   "  FILE: 1500 × I002 warning: actual without target, and not marked ...\n"
                   "A file that cannot be read is reported as\n"
                   "  FILE: error: cannot read: REASON\n"
                   "\n"
                   "At most 1000 diagnostics of a file are shown, errors before warnings,\n"
                   "warnings before info; the exit status counts every error, shown or not.\n"
                   "The rules in hyoka.conf in the folder of each file, and the options\n"
                   "below, choose the codes reported (docs/rules.md); errors that stop a\n"
                   "file from being read are always reported.\n",
    .options = options,
    .n_options = CLI_COUNT(options),
    .examples = examples,
    .n_examples = CLI_COUNT(examples),
    .run = run,
};
