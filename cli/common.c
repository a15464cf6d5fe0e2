/*
 * cli/common.c: reading the inputs of the hyoka program into documents,
 * their diagnostics and exit status, and output helpers.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* ---- reading ---- */

/* Read a whole file ("-": standard input); NULL with errno on failure. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;

    if (!f)
        return NULL;
    for (;;) {
        size_t got;
        if (cap - n < 65536) {
            size_t ncap = cap ? cap * 2 : 1 << 20;
            char *nb = realloc(buf, ncap + 1);
            if (!nb) {
                free(buf);
                if (f != stdin)
                    fclose(f);
                errno = ENOMEM;
                return NULL;
            }
            buf = nb;
            cap = ncap;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        int e = errno;
        free(buf);
        if (f != stdin)
            fclose(f);
        errno = e ? e : EIO;
        return NULL;
    }
    if (f != stdin)
        fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

static int has_syntax_errors(const hyoka_report *r)
{
    for (size_t i = 0; i < hyoka_report_count(r); i++) {
        const char *code = hyoka_report_code(r, i);
        if (code[0] == 'J')
            return 1;
    }
    return 0;
}

/* Whether some diagnostic still lacks a line and column. */
static int needs_locating(const hyoka_report *r)
{
    for (size_t i = 0; i < hyoka_report_count(r); i++) {
        int64_t line = 0;
        hyoka_report_position(r, i, &line, NULL);
        if (line == 0)
            return 1;
    }
    return 0;
}

/* The readers return 0, 1 when the input cannot be read at all (d says
 * why), or -1 when out of memory.
 *
 * A file is read with hyoka_json_read_file(), which does not keep the whole
 * text in memory beside the portfolio; the text is read again only when
 * diagnostics need their line and column. */
static int read_json(struct cli_document *d, const char *file)
{
    int rc;

    if (strcmp(file, "-") == 0) {
        d->text = slurp(file, &d->len);
        if (!d->text) {
            snprintf(d->io_message, sizeof d->io_message, "%s", strerror(errno ? errno : EIO));
            d->unreadable = 1;
            return 1;
        }
        rc = hyoka_json_read(d->text, d->len, NULL, &d->portfolio, d->report);
    } else {
        rc = hyoka_json_read_file(file, NULL, &d->portfolio, d->report);
    }
    if (rc == HYOKA_ENOMEM)
        return -1;
    if (rc == HYOKA_EIO) {
        snprintf(d->io_message, sizeof d->io_message, "%s", hyoka_error_last());
        d->unreadable = 1;
        return 1;
    }
    if (rc != HYOKA_OK && rc != HYOKA_EINVALID) {
        fprintf(stderr, "%s: %s: %s\n", CLI_PROGRAM, file, hyoka_error_last());
        d->unreadable = 1;
        return 1;
    }
    if (has_syntax_errors(d->report))
        d->unreadable = 1;
    return 0;
}

static int read_csv(struct cli_document *d, const char *dir, const hyoka_csv_options *copt)
{
    int rc = hyoka_csv_read_dir(dir, copt, &d->portfolio, d->report);

    if (rc == HYOKA_ENOMEM)
        return -1;
    if (rc != HYOKA_OK && rc != HYOKA_EINVALID) {
        fprintf(stderr, "%s: %s: %s\n", CLI_PROGRAM, dir, hyoka_error_last());
        d->unreadable = 1;
        return 1;
    }
    return 0;
}

static int read_document(struct cli_document *d, const char *file, int format, const hyoka_csv_options *copt,
                         int validate)
{
    int rc;

    memset(d, 0, sizeof *d);
    d->file = file;
    if (hyoka_report_new(&d->report) != HYOKA_OK)
        return -1;
    rc = format == CLI_FORMAT_CSV ? read_csv(d, file, copt) : read_json(d, file);
    if (rc != 0)
        return rc < 0 ? -1 : 0;
    if (validate && d->portfolio) {
        if (hyoka_validate(d->portfolio, d->report) == HYOKA_ENOMEM)
            return -1;
    }
    if (format == CLI_FORMAT_JSON && needs_locating(d->report)) {
        if (!d->text)
            d->text = slurp(file, &d->len);
        if (d->text && hyoka_report_locate(d->report, d->text, d->len) == HYOKA_ENOMEM)
            return -1;
    }
    return 0;
}

int cli_document_read(struct cli_document *d, const char *file, int format, const hyoka_csv_options *copt,
                      int validate)
{
    if (read_document(d, file, format, copt, validate) == 0)
        return 0;
    fprintf(stderr, "%s: out of memory\n", CLI_PROGRAM);
    return -1;
}

void cli_document_free(struct cli_document *d)
{
    hyoka_portfolio_free(d->portfolio);
    hyoka_report_free(d->report);
    free(d->text);
    memset(d, 0, sizeof *d);
}

int cli_document_status(const struct cli_document *d)
{
    if (d->unreadable)
        return CLI_EXIT_UNREADABLE;
    if (hyoka_report_count_severity(d->report, HYOKA_SEVERITY_ERROR) > 0)
        return CLI_EXIT_ERRORS;
    return CLI_EXIT_FINE;
}

int cli_worse(int a, int b)
{
    return a > b ? a : b;
}

static int is_tty_stderr(void)
{
    return isatty(STDERR_FILENO);
}

int cli_each_document(const struct cli_args *args, cli_each_fn each)
{
    int status = CLI_EXIT_FINE;
    int progress = args->nfiles > 1 && is_tty_stderr();

    for (int i = 0; i < args->nfiles; i++) {
        struct cli_document d;
        if (progress)
            fprintf(stderr, "\r\033[K[%d/%d] %s", i + 1, args->nfiles, args->files[i]);
        if (cli_document_read(&d, args->files[i], CLI_FORMAT_JSON, NULL, 1) != 0) {
            cli_document_free(&d);
            return -1;
        }
        status = cli_worse(status, cli_document_status(&d));
        status = cli_worse(status, each(args, &d, i));
        cli_document_free(&d);
    }
    if (progress)
        fputs("\r\033[K", stderr);
    return status;
}

static const char *severity_word(int severity, int lang)
{
    static const char *en[] = {"error", "warning", "info"};
    static const char *ja[] = {"エラー", "警告", "情報"};
    if (severity < 0 || severity > 2)
        return "?";
    return lang == HYOKA_LANG_JA ? ja[severity] : en[severity];
}

void cli_print_diagnostics(FILE *out, const struct cli_document *d, int lang)
{
    if (d->io_message[0]) {
        fprintf(out, "%s: error: cannot read: %s\n", d->file, d->io_message);
        return;
    }
    for (size_t i = 0; i < hyoka_report_count(d->report); i++) {
        int64_t line = 0, col = 0;
        hyoka_report_position(d->report, i, &line, &col);
        fprintf(out, "%s:%lld:%lld: %s %s: %s", d->file, (long long)line, (long long)col,
                severity_word(hyoka_report_severity(d->report, i), lang), hyoka_report_code(d->report, i),
                hyoka_report_message(d->report, i, lang));
        if (hyoka_report_path(d->report, i)[0])
            fprintf(out, " [%s]", hyoka_report_path(d->report, i));
        fputc('\n', out);
    }
}

/* ---- output ---- */

void cli_json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else
                fputc(*p, out);
        }
    }
    fputc('"', out);
}

int cli_display_width(const char *s, size_t len)
{
    int w = 0;
    const unsigned char *end = (const unsigned char *)s + len;
    for (const unsigned char *p = (const unsigned char *)s; p < end;) {
        if (*p < 0x80) {
            w++;
            p++;
        } else {
            int n = *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : 2;
            w += n >= 3 ? 2 : 1;
            while (n-- > 0 && p < end)
                p++;
        }
    }
    return w;
}

void cli_print_padded(const char *s, int width)
{
    int pad = width - cli_display_width(s, strlen(s));
    fputs(s, stdout);
    while (pad-- > 0)
        fputc(' ', stdout);
}

void cli_print_right(const char *s, int width)
{
    int pad = width - cli_display_width(s, strlen(s));
    while (pad-- > 0)
        fputc(' ', stdout);
    fputs(s, stdout);
}

void cli_format_figure(const hyoka_decimal *v, char *buf, size_t size)
{
    if (hyoka_decimal_format(v, HYOKA_DECIMAL_FMT_GROUPING, buf, size, NULL) != HYOKA_OK)
        snprintf(buf, size, "?");
}
