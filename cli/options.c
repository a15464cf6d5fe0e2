/*
 * cli/options.c: the command line of a command, parsed from its option
 * table (struct cli_option). Options are long (--name VALUE or
 * --name=VALUE) and may come before, between or after the operands; "--"
 * ends them, and "-" is an operand (standard input or output).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

const struct cli_option cli_help_option = {
    "--help", NULL, "show this help and exit", NULL, 0, NULL,
};

const struct cli_option *cli_option_find(const struct cli_option *opts, size_t n, const char *name)
{
    size_t len = strcspn(name, "=");
    for (size_t i = 0; i < n; i++) {
        if (strlen(opts[i].name) == len && strncmp(opts[i].name, name, len) == 0)
            return &opts[i];
    }
    return NULL;
}

void cli_usage_error(const struct cli_command *c, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "%s%s%s: ", CLI_PROGRAM, c ? " " : "", c ? c->name : "");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    if (c) {
        cli_usage_line(stderr, c);
        fprintf(stderr, "Run '%s %s --help' for more information.\n", CLI_PROGRAM, c->name);
    } else {
        fprintf(stderr, "Run '%s --help' for more information.\n", CLI_PROGRAM);
    }
}

int cli_bad_value(const struct cli_args *args, const struct cli_option *opt, const char *value)
{
    char words[256];
    size_t len = 0;

    if (!strchr(opt->arg, '|')) {
        cli_usage_error(args->command, "%s: bad value '%s'", opt->name, value);
        return -1;
    }
    /* "a|b|c" becomes "a, b or c". */
    for (const char *w = opt->arg; *w && len < sizeof words;) {
        size_t n = strcspn(w, "|");
        const char *next = w[n] ? w + n + 1 : w + n;
        int k = snprintf(words + len, sizeof words - len, "%.*s%s", (int)n, w,
                         !*next ? "" : strchr(next, '|') ? ", " : " or ");
        len += k > 0 ? (size_t)k : 0;
        w = next;
    }
    cli_usage_error(args->command, "%s takes %s, not '%s'", opt->name, words, value);
    return -1;
}

int cli_set_json(struct cli_args *args, const struct cli_option *opt, const char *value)
{
    (void)opt;
    (void)value;
    args->json = 1;
    return 0;
}

int cli_set_lang(struct cli_args *args, const struct cli_option *opt, const char *value)
{
    if (strcmp(value, "en") == 0)
        args->lang = HYOKA_LANG_EN;
    else if (strcmp(value, "ja") == 0)
        args->lang = HYOKA_LANG_JA;
    else
        return cli_bad_value(args, opt, value);
    args->lang_given = 1;
    return 0;
}

/* The names --encoding takes: those of the option's table entry, and
 * other spellings of them. */
static const struct {
    const char *name;
    int encoding;
} encodings[] = {
    {"utf-8", HYOKA_ENCODING_UTF8_BOM},
    {"utf8", HYOKA_ENCODING_UTF8_BOM},
    {"utf-8-nobom", HYOKA_ENCODING_UTF8},
    {"cp932", HYOKA_ENCODING_CP932},
    {"shift_jis", HYOKA_ENCODING_CP932},
    {"sjis", HYOKA_ENCODING_CP932},
};

int cli_set_encoding(struct cli_args *args, const struct cli_option *opt, const char *value)
{
    for (size_t i = 0; i < CLI_COUNT(encodings); i++) {
        if (strcmp(value, encodings[i].name) == 0) {
            args->encoding = encodings[i].encoding;
            return 0;
        }
    }
    return cli_bad_value(args, opt, value);
}

/* A comma-separated list of codes or code prefixes: each must be one the
 * rules accept (1 to 15 letters or digits). */
static int check_codes(const struct cli_args *args, const struct cli_option *opt, const char *value)
{
    hyoka_rules *scratch = NULL;
    char code[64];
    int rc = 0;

    if (hyoka_rules_new(&scratch) != HYOKA_OK) {
        fprintf(stderr, "%s: out of memory\n", CLI_PROGRAM);
        return -1;
    }
    for (const char *p = value;; p += strcspn(p, ",") + 1) {
        size_t n = strcspn(p, ",");
        int ok = n > 0 && n < sizeof code;
        if (ok) {
            memcpy(code, p, n);
            code[n] = '\0';
            ok = hyoka_rules_select(scratch, code) == HYOKA_OK;
        }
        if (!ok) {
            cli_usage_error(args->command, "%s: '%.*s' is not a code or a code prefix (1 to 15 letters or digits)",
                            opt->name, (int)n, p);
            rc = -1;
            break;
        }
        if (!p[n])
            break;
    }
    hyoka_rules_free(scratch);
    return rc;
}

int cli_set_select(struct cli_args *args, const struct cli_option *opt, const char *value)
{
    if (check_codes(args, opt, value))
        return -1;
    args->select[args->nselect++] = value;
    return 0;
}

int cli_set_ignore(struct cli_args *args, const struct cli_option *opt, const char *value)
{
    if (check_codes(args, opt, value))
        return -1;
    args->ignore[args->nignore++] = value;
    return 0;
}

int cli_set_min_severity(struct cli_args *args, const struct cli_option *opt, const char *value)
{
    int severity;
    if (hyoka_enum_value(HYOKA_ENUM_SEVERITY, value, HYOKA_NTS, &severity) != HYOKA_OK)
        return cli_bad_value(args, opt, value);
    args->min_severity = severity;
    return 0;
}

int cli_set_config(struct cli_args *args, const struct cli_option *opt, const char *value)
{
    (void)opt;
    args->config = value;
    return 0;
}

int cli_set_no_config(struct cli_args *args, const struct cli_option *opt, const char *value)
{
    (void)opt;
    (void)value;
    args->no_config = 1;
    return 0;
}

/* Apply the option argv[*i] (which starts with '-'). Returns 0, 1 when it
 * was --help, or -1 on a usage error. */
static int apply_option(const struct cli_command *c, int argc, char **argv, int *i, struct cli_args *args)
{
    const char *a = argv[*i];
    const char *eq = strchr(a, '=');
    const char *value = NULL;
    const struct cli_option *opt = cli_option_find(c->options, c->n_options, a);

    if (strcmp(a, "-h") == 0 || strcmp(a, cli_help_option.name) == 0) {
        cli_help_command(stdout, c);
        return 1;
    }
    if (!opt || strncmp(a, "--", 2) != 0) {
        cli_usage_error(c, "unknown option '%.*s'", (int)(eq && a[1] == '-' ? (size_t)(eq - a) : strlen(a)), a);
        return -1;
    }
    if (!opt->arg && eq) {
        cli_usage_error(c, "option %s takes no value", opt->name);
        return -1;
    }
    if (opt->arg) {
        if (eq) {
            value = eq + 1;
        } else if (*i + 1 < argc) {
            value = argv[++*i];
        } else {
            cli_usage_error(c, "option %s needs a value (%s)", opt->name, opt->arg);
            return -1;
        }
    }
    if (opt->set(args, opt, value) != 0)
        return -1;
    args->given |= 1u << (opt - c->options);
    return 0;
}

int cli_parse(const struct cli_command *c, int argc, char **argv, struct cli_args *args)
{
    memset(args, 0, sizeof *args);
    args->command = c;
    args->lang = hyoka_lang_default();
    args->from = CLI_FORMAT_JSON;
    args->encoding = HYOKA_ENCODING_UTF8_BOM;
    args->min_severity = -1;
    args->files = malloc(sizeof *args->files * (size_t)(argc + 1));
    args->select = malloc(sizeof *args->select * (size_t)(argc + 1));
    args->ignore = malloc(sizeof *args->ignore * (size_t)(argc + 1));
    if (!args->files || !args->select || !args->ignore) {
        fprintf(stderr, "%s: out of memory\n", CLI_PROGRAM);
        return -1;
    }
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            for (i++; i < argc; i++)
                args->files[args->nfiles++] = argv[i];
            break;
        }
        if (a[0] != '-' || strcmp(a, "-") == 0) {
            args->files[args->nfiles++] = argv[i];
            continue;
        }
        int rc = apply_option(c, argc, argv, &i, args);
        if (rc != 0)
            return rc;
    }
    for (size_t k = 0; k < c->n_options; k++) {
        if (c->options[k].required && !(args->given & (1u << k))) {
            cli_usage_error(c, "option %s is required", c->options[k].name);
            return -1;
        }
    }
    if (args->nfiles < c->min_operands || (c->max_operands >= 0 && args->nfiles > c->max_operands)) {
        int missing = args->nfiles < c->min_operands;
        cli_usage_error(c, "%s (expects %s)%s%s", missing ? "missing operand" : "too many operands", c->operands,
                        !missing && c->too_many ? ": " : "", !missing && c->too_many ? c->too_many : "");
        return -1;
    }
    return 0;
}

void cli_args_free(struct cli_args *args)
{
    free(args->files);
    free(args->select);
    free(args->ignore);
    args->files = NULL;
    args->select = args->ignore = NULL;
    args->nfiles = args->nselect = args->nignore = 0;
}
