/*
 * cli/main.c: the hyoka program: which command to run, its exit statuses.
 *
 *   hyoka check   [--json] [--lang ja|en] [RULES] FILE...
 *   hyoka metrics [--json] [--lang ja|en] [RULES] FILE...
 *   hyoka convert [--from json|csv] --to json|csv|html [OPTIONS] IN OUT
 *   hyoka summary [--json] [--lang ja|en] [--year FY] [RULES] FILE...
 *
 * RULES: --select, --ignore, --min-severity, --config, --no-config
 * (CLI_RULE_OPTIONS, docs/rules.md).
 *
 * The options of each command are declared in its file (check.c,
 * metrics.c, convert.c, summary.c); `hyoka --help`, `hyoka COMMAND --help`
 * and the manual page (`hyoka --man`, run by cli/meson.build) are made from
 * them by help.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

const struct cli_exit_status cli_exit_statuses[] = {
    {CLI_EXIT_FINE, "fine (warnings allowed)",
     "Fine: every operand was read and no error was found; warnings and notes may have been printed."},
    {CLI_EXIT_ERRORS, "errors found",
     "Errors found: a document has a diagnostic of severity error (counted even when it is not shown, "
     "unless the rules ignore it), or convert could not write one of its characters in CP932."},
    {CLI_EXIT_UNREADABLE, "unreadable input",
     "Unreadable input: an operand could not be read or is not well-formed JSON (a J diagnostic), its "
     "rules file could not be read or has a bad line (R001), or memory ran out."},
    {CLI_EXIT_USAGE, "usage",
     "Usage: an unknown command or option, a refused option value, or a missing option or operand; "
     "the message on standard error names it."},
    {CLI_EXIT_OUTPUT, "output not written",
     "Output not written: standard output (a full device or a closed stream) or the output file or folder "
     "of convert could not be written whole; the message on standard error says why. It outranks the "
     "other statuses."},
    {0, NULL, NULL},
};

const struct cli_command *const cli_commands[] = {&cli_check, &cli_metrics, &cli_convert, &cli_summary, NULL};

static const struct cli_option version_option = {
    "--version", NULL, "print the version of the hyoka library and exit", NULL, 0, NULL,
};

const struct cli_option *const cli_global_options[] = {&cli_help_option, &version_option, NULL};

/* Hidden: prints hyoka(1) in roff; the build makes the manual page with it. */
static const char manual_option[] = "--man";

static const struct cli_command *find_command(const char *name)
{
    for (size_t i = 0; cli_commands[i]; i++) {
        if (strcmp(cli_commands[i]->name, name) == 0)
            return cli_commands[i];
    }
    return NULL;
}

static int is_help(const char *arg)
{
    return strcmp(arg, "-h") == 0 || strcmp(arg, cli_help_option.name) == 0 || strcmp(arg, "help") == 0;
}

/* A standard stream the program was started without (`>&-`) gets
 * /dev/null opened read-only in its place: no file the program opens can
 * take its number, and every write to a closed standard output fails, so
 * it is reported rather than lost. */
static void reserve_standard_streams(void)
{
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
            int got = open("/dev/null", O_RDONLY);
            if (got >= 0 && got != fd)
                close(got);
        }
    }
}

/* Everything written to standard output reached it: flushed, no error
 * remembered, closed. Otherwise says why and returns CLI_EXIT_OUTPUT. */
static int finish_output(int status)
{
    int failed = cli_output_failed(), err = cli_output_errno();

    errno = 0;
    if (fflush(stdout) != 0) {
        failed = 1;
        err = err ? err : errno;
    }
    if (ferror(stdout)) {
        failed = 1;
        err = err ? err : errno;
    }
    errno = 0;
    if (fclose(stdout) != 0 && !failed) {
        failed = 1;
        err = errno;
    }
    if (!failed)
        return status;
    fprintf(stderr, "%s: cannot write standard output: %s\n", CLI_PROGRAM, err ? strerror(err) : "write error");
    return CLI_EXIT_OUTPUT;
}

static int run_command(int argc, char **argv)
{
    const struct cli_command *c;
    struct cli_args args;
    int rc, status;

    if (argc < 2) {
        cli_usage_error(NULL, "no command given");
        return CLI_EXIT_USAGE;
    }
    if (is_help(argv[1])) {
        /* `hyoka help COMMAND` is `hyoka COMMAND --help`. */
        c = argc > 2 ? find_command(argv[2]) : NULL;
        if (c)
            cli_help_command(stdout, c);
        else
            cli_help_main(stdout);
        return CLI_EXIT_FINE;
    }
    if (strcmp(argv[1], version_option.name) == 0) {
        printf("%s %s\n", CLI_PROGRAM, hyoka_version_string());
        return CLI_EXIT_FINE;
    }
    if (strcmp(argv[1], manual_option) == 0) {
        cli_manual(stdout);
        return CLI_EXIT_FINE;
    }
    if (hyoka_version() / 10000 != HYOKA_VERSION_MAJOR) {
        fprintf(stderr, "%s: library version %s does not match the headers (%s)\n", CLI_PROGRAM,
                hyoka_version_string(), HYOKA_VERSION_STRING);
        return CLI_EXIT_UNREADABLE;
    }
    c = find_command(argv[1]);
    if (!c) {
        cli_usage_error(NULL, "unknown %s '%s'", argv[1][0] == '-' ? "option" : "command", argv[1]);
        return CLI_EXIT_USAGE;
    }
    rc = cli_parse(c, argc - 2, argv + 2, &args);
    status = rc == 0 ? c->run(&args) : rc > 0 ? CLI_EXIT_FINE : CLI_EXIT_USAGE;
    cli_args_free(&args);
    return status;
}

int main(int argc, char **argv)
{
    reserve_standard_streams();
    return finish_output(run_command(argc, argv));
}
