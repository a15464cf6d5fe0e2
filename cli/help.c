/*
 * cli/help.c: `hyoka --help`, `hyoka COMMAND --help` and the manual page
 * hyoka(1) (`hyoka --man`, run at build time), all made from the command
 * and option tables, so that none of them can list an option the program
 * does not parse or miss one it does.
 */
#include <string.h>

#include "cli.h"

/* Text is wrapped to this many columns. */
#define WIDTH 79
/* Descriptions of options start at this column, or on the next line when
 * the option is longer. */
#define OPTION_COLUMN 26

static const char tagline[] = "check, compute and convert public-sector program evaluation sheets";

static const char description[] =
    "hyoka reads the evaluation sheets of public-sector programs (the\n"
    "事務事業評価表 of Japanese municipalities, the national 行政事業レビュー\n"
    "and similar records) stored as hyoka/1 JSON documents. It reports their\n"
    "problems, computes every figure they print, totals a portfolio, and\n"
    "converts documents to and from CSV tables and to HTML sheets. It is the\n"
    "command-line program of the hyoka library.\n"
    "\n"
    "Each command reads its operands in turn; the operand - is standard input\n"
    "(or output). Options may come before, between or after the operands, and\n"
    "-- ends them. The value of an option is the next argument or follows an\n"
    "equals sign (--lang=ja).\n"
    "\n"
    "Diagnostics are printed one per line as\n"
    "  FILE:LINE:COL: severity CODE: message [PATH]\n"
    "where CODE is a stable validation code and PATH a JSON pointer to the\n"
    "value concerned; with --lang ja the severity and the message are in\n"
    "Japanese. When standard error is a terminal and several files are given,\n"
    "a progress line names the file being read.\n"
    "\n"
    "Text taken from documents (names, verdicts, codes, messages quoting\n"
    "them) and file names never reach the output raw: each control character\n"
    "(U+0000 to U+001F, U+007F, U+0080 to U+009F) is written as \\uXXXX, a\n"
    "newline as \\u000a and an escape as \\u001b, and a byte that is not\n"
    "UTF-8 as \\xNN; so no line of output can be forged by a document.\n"
    "\n"
    "Every write to standard output is checked: when it fails (a full disk,\n"
    "a closed stream), the program says so on standard error and exits 74.\n"
    "With --json, a command prints one JSON document whatever happens, one\n"
    "entry per file; the formats are published as JSON Schemas in\n"
    "docs/schemas of the source tree.\n";

static const char see_also[] =
    "The guides of the hyoka source tree: docs/format.md (the hyoka/1\n"
    "format), docs/validation.md (every diagnostic code), docs/csv.md (the\n"
    "CSV tables and CP932), docs/html.md (the HTML sheets), docs/guide.md\n"
    "(the library and every figure, its formula and rounding) and\n"
    "docs/limits.md. Programs link the library with\n"
    "  pkg-config --cflags --libs hyoka\n";

/* ---- plain text ---- */

/* Print the words of text from column col, wrapping at WIDTH to column
 * indent; space: whether a space goes before the first word. Returns the
 * column reached. */
static int wrap(FILE *out, const char *text, int col, int indent, int space)
{
    const char *p = text;

    while (*p) {
        size_t n = strcspn(p, " \n");
        int w = cli_display_width(p, n);
        if (n > 0) {
            if (col > indent && col + space + w > WIDTH) {
                fprintf(out, "\n%*s", indent, "");
                col = indent;
                space = 0;
            }
            if (space) {
                fputc(' ', out);
                col++;
            }
            fwrite(p, 1, n, out);
            col += w;
            space = 1;
        }
        p += n;
        while (*p == ' ' || *p == '\n')
            p++;
    }
    return col;
}

/* "--lang ja|en" */
static void option_words(const struct cli_option *o, char *buf, size_t size)
{
    snprintf(buf, size, "%s%s%s%s", o == &cli_help_option ? "-h, " : "", o->name, o->arg ? " " : "",
             o->arg ? o->arg : "");
}

/* An option and its description, as a line of --help. */
static void print_option(FILE *out, const struct cli_option *o)
{
    char words[128], tail[160] = "";
    int col;

    option_words(o, words, sizeof words);
    fprintf(out, "  %s", words);
    col = 2 + cli_display_width(words, strlen(words));
    if (col + 2 > OPTION_COLUMN) {
        fputc('\n', out);
        col = 0;
    }
    fprintf(out, "%*s", OPTION_COLUMN - col, "");
    col = wrap(out, o->help, OPTION_COLUMN, OPTION_COLUMN, 0);
    if (o->required)
        snprintf(tail, sizeof tail, "(required)");
    else if (o->def)
        snprintf(tail, sizeof tail, "(default: %s)", o->def);
    if (tail[0]) {
        /* Kept on one line when it fits on one. */
        if (col + 1 + cli_display_width(tail, strlen(tail)) > WIDTH) {
            fprintf(out, "\n%*s", OPTION_COLUMN, "");
            col = OPTION_COLUMN;
        }
        wrap(out, tail, col, OPTION_COLUMN, col > OPTION_COLUMN);
    }
    fputc('\n', out);
}

void cli_usage_line(FILE *out, const struct cli_command *c)
{
    int indent = fprintf(out, "usage: %s %s", CLI_PROGRAM, c->name) + 1;
    int col = indent - 1;

    for (size_t i = 0; i <= c->n_options; i++) {
        char words[128], group[132];
        int w;
        if (i < c->n_options) {
            option_words(&c->options[i], words, sizeof words);
            snprintf(group, sizeof group, c->options[i].required ? "%s" : "[%s]", words);
        } else {
            snprintf(group, sizeof group, "%s", c->operands);
        }
        w = cli_display_width(group, strlen(group));
        if (col + 1 + w > WIDTH) {
            fprintf(out, "\n%*s", indent - 1, "");
            col = indent - 1;
        }
        col += fprintf(out, " %s", group);
    }
    fputc('\n', out);
}

void cli_help_command(FILE *out, const struct cli_command *c)
{
    cli_usage_line(out, c);
    fprintf(out, "\n%s\nOptions:\n", c->description);
    for (size_t i = 0; i < c->n_options; i++)
        print_option(out, &c->options[i]);
    print_option(out, &cli_help_option);
}

void cli_help_main(FILE *out)
{
    fprintf(out, "usage: %s COMMAND [OPTIONS] OPERANDS...\n       %s --help | --version\n\n%s: %s.\n\nCommands:\n",
            CLI_PROGRAM, CLI_PROGRAM, CLI_PROGRAM, tagline);
    for (size_t i = 0; cli_commands[i]; i++)
        fprintf(out, "  %-10s%s\n", cli_commands[i]->name, cli_commands[i]->summary);
    fputs("\nOptions:\n", out);
    for (size_t i = 0; cli_global_options[i]; i++)
        print_option(out, cli_global_options[i]);
    fprintf(out, "\nRun '%s COMMAND --help' for the options of a command, 'man %s' for more.\nExit status:",
            CLI_PROGRAM, CLI_PROGRAM);
    for (size_t i = 0; cli_exit_statuses[i].brief; i++)
        fprintf(out, "%s %d %s", i ? "," : "", cli_exit_statuses[i].status, cli_exit_statuses[i].brief);
    fputs(".\n", out);
}

/* ---- roff ---- */

/* Decode the UTF-8 sequence at *p (advancing it); U+FFFD when invalid. */
static unsigned long utf8_next(const unsigned char **p)
{
    const unsigned char *s = *p;
    unsigned long cp;
    int n;

    if (s[0] >= 0xF0)
        n = 3, cp = s[0] & 0x07u;
    else if (s[0] >= 0xE0)
        n = 2, cp = s[0] & 0x0Fu;
    else if (s[0] >= 0xC0)
        n = 1, cp = s[0] & 0x1Fu;
    else
        n = 0, cp = 0xFFFD;
    s++;
    while (n-- > 0) {
        if ((*s & 0xC0) != 0x80) {
            cp = 0xFFFD;
            break;
        }
        cp = cp << 6 | (*s++ & 0x3Fu);
    }
    *p = s;
    return cp;
}

/* The n bytes of text at s, escaped for roff: the text is ASCII (other
 * characters as \[uXXXX]), so the page reads the same whatever the
 * locale of man. A line must not start with a control character, which
 * \& prevents. */
static void roff_span(FILE *out, const char *s, size_t n, int line_start)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;

    if (line_start && p < end && (*p == '.' || *p == '\''))
        fputs("\\&", out);
    while (p < end) {
        if (*p == '\\') {
            fputs("\\e", out);
            p++;
        } else if (*p == '-') {
            fputs("\\-", out);
            p++;
        } else if (*p < 0x80) {
            fputc(*p++, out);
        } else {
            fprintf(out, "\\[u%04lX]", utf8_next(&p));
        }
    }
}

static void roff(FILE *out, const char *s)
{
    roff_span(out, s, strlen(s), 1);
}

/* Text of several lines (a description): a blank line starts a paragraph,
 * lines starting with two spaces are shown as they are, indented. */
static void roff_lines(FILE *out, const char *text)
{
    int verbatim = 0;

    while (*text) {
        size_t n = strcspn(text, "\n");
        int literal = n >= 2 && text[0] == ' ' && text[1] == ' ';
        if (literal && !verbatim)
            fputs(".RS 4\n.nf\n", out);
        else if (!literal && verbatim)
            fputs(".fi\n.RE\n", out);
        verbatim = literal;
        if (n == 0) {
            fputs(".PP\n", out);
        } else {
            size_t skip = literal ? 2 : 0;
            roff_span(out, text + skip, n - skip, 1);
            fputc('\n', out);
        }
        text += n;
        if (*text == '\n')
            text++;
    }
    if (verbatim)
        fputs(".fi\n.RE\n", out);
}

/* "\fB\-\-lang\fR \fIja|en\fR" */
static void roff_option_words(FILE *out, const struct cli_option *o)
{
    fputs("\\fB", out);
    roff(out, o->name);
    fputs("\\fR", out);
    if (o->arg) {
        fputs(" \\fI", out);
        roff(out, o->arg);
        fputs("\\fR", out);
    }
}

static void roff_option(FILE *out, const struct cli_option *o)
{
    fputs(".TP\n", out);
    if (o == &cli_help_option)
        fputs("\\fB\\-h\\fR, ", out);
    roff_option_words(out, o);
    /* A sentence: capitalised ("show" becomes "Show"). */
    fprintf(out, "\n%c", o->help[0] >= 'a' && o->help[0] <= 'z' ? o->help[0] - 'a' + 'A' : o->help[0]);
    roff(out, o->help + 1);
    if (o->required)
        fputs(" (required)", out);
    else if (o->def) {
        fputs(" (default: ", out);
        roff(out, o->def);
        fputc(')', out);
    }
    fputs(".\n", out);
}

static void roff_synopsis(FILE *out, const struct cli_command *c)
{
    fprintf(out, ".PP\n\\fB%s %s\\fR", CLI_PROGRAM, c->name);
    for (size_t i = 0; i < c->n_options; i++) {
        const struct cli_option *o = &c->options[i];
        fputs(o->required ? " " : " [", out);
        roff_option_words(out, o);
        if (!o->required)
            fputc(']', out);
    }
    fputs(" \\fI", out);
    roff(out, c->operands);
    fputs("\\fR\n", out);
}

void cli_manual(FILE *out)
{
    fputs(".\\\" hyoka(1), made by `hyoka --man` from the option tables of the program\n"
          ".\\\" (cli/*.c): edit those, not this page.\n",
          out);
    fprintf(out, ".TH HYOKA 1 \"\" \"hyoka %s\" \"User Commands\"\n.SH NAME\n%s \\- ", HYOKA_VERSION_STRING,
            CLI_PROGRAM);
    roff(out, tagline);
    fputs("\n.SH SYNOPSIS\n", out);
    for (size_t i = 0; cli_commands[i]; i++)
        roff_synopsis(out, cli_commands[i]);
    fprintf(out, ".PP\n\\fB%s\\fR", CLI_PROGRAM);
    for (size_t i = 0; cli_global_options[i]; i++) {
        fputs(i ? " | \\fB" : " \\fB", out);
        roff(out, cli_global_options[i]->name);
        fputs("\\fR", out);
    }
    fputs("\n.SH DESCRIPTION\n", out);
    roff_lines(out, description);
    fputs(".SH COMMANDS\n", out);
    for (size_t i = 0; cli_commands[i]; i++) {
        const struct cli_command *c = cli_commands[i];
        fprintf(out, ".SS \"%s %s\"\n", CLI_PROGRAM, c->name);
        roff_lines(out, c->description);
        for (size_t k = 0; k < c->n_options; k++)
            roff_option(out, &c->options[k]);
        roff_option(out, &cli_help_option);
    }
    fputs(".SH OPTIONS\nWithout a command:\n", out);
    for (size_t i = 0; cli_global_options[i]; i++)
        roff_option(out, cli_global_options[i]);
    fputs(".SH \"EXIT STATUS\"\nThe worst outcome of all the operands:\n", out);
    for (size_t i = 0; cli_exit_statuses[i].brief; i++) {
        fprintf(out, ".TP\n.B %d\n", cli_exit_statuses[i].status);
        roff(out, cli_exit_statuses[i].text);
        fputc('\n', out);
    }
    fputs(".SH EXAMPLES\n", out);
    for (size_t i = 0; cli_commands[i]; i++) {
        for (size_t k = 0; k < cli_commands[i]->n_examples; k++) {
            const struct cli_example *e = &cli_commands[i]->examples[k];
            fputs(".PP\n", out);
            roff(out, e->what);
            fputs("\n.PP\n.RS 4\n.nf\n", out);
            roff(out, e->line);
            fputs("\n.fi\n.RE\n", out);
        }
    }
    fputs(".SH \"SEE ALSO\"\n", out);
    roff_lines(out, see_also);
}
