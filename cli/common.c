/*
 * cli/common.c: reading the inputs of the hyoka program into documents,
 * their diagnostics and exit status, and output helpers.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <stdint.h>

#include "cli.h"

/* ---- reading ---- */

/* Read the rest of f; NULL with errno on failure. */
static char *slurp_file(FILE *f, size_t *len)
{
    char *buf = NULL;
    size_t cap = 0, n = 0;

    for (;;) {
        size_t got;
        if (cap - n < 65536) {
            size_t ncap = cap ? cap * 2 : 1 << 20;
            char *nb = realloc(buf, ncap + 1);
            if (!nb) {
                free(buf);
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
        errno = e ? e : EIO;
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Read a whole file ("-": standard input); NULL with errno on failure. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    char *buf;
    int e;

    if (!f)
        return NULL;
    buf = slurp_file(f, len);
    e = errno;
    if (f != stdin)
        fclose(f);
    errno = e;
    return buf;
}

/* Whether the report counted a JSON syntax error (J), shown or not. */
static int has_syntax_errors(const hyoka_report *r)
{
    for (size_t i = 0; i < hyoka_report_tally_count(r); i++) {
        const char *code = NULL;
        int severity = 0;
        if (hyoka_report_tally(r, i, &code, &severity, NULL) == HYOKA_OK && code[0] == 'J' &&
            severity == HYOKA_SEVERITY_ERROR)
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
    d->read_failed = rc == HYOKA_EINVALID;
    if (has_syntax_errors(d->report))
        d->unreadable = 1;
    return 0;
}

/* A folder of tables: CSV, or the RS tables of the national review sheets. */
static int read_tables(struct cli_document *d, const char *dir, int format, const hyoka_csv_options *copt)
{
    int rc = format == CLI_FORMAT_RS ? hyoka_rs_read_dir(dir, NULL, &d->portfolio, d->report)
                                     : hyoka_csv_read_dir(dir, copt, &d->portfolio, d->report);

    if (rc == HYOKA_ENOMEM)
        return -1;
    if (rc != HYOKA_OK && rc != HYOKA_EINVALID) {
        fprintf(stderr, "%s: %s: %s\n", CLI_PROGRAM, dir, hyoka_error_last());
        d->unreadable = 1;
        return 1;
    }
    d->read_failed = rc == HYOKA_EINVALID;
    return 0;
}

/* How many kept diagnostics of r have this code and severity. */
static size_t kept_of(const hyoka_report *r, const char *code, int severity)
{
    size_t n = 0;
    for (size_t i = 0; i < hyoka_report_count(r); i++)
        n += hyoka_report_severity(r, i) == severity && strcmp(hyoka_report_code(r, i), code) == 0;
    return n;
}

/* Add the tally entries of r to d's, each counting what r counted less
 * what it kept when @p minus_kept (those are in d's report already). */
static int add_tally(struct cli_counts *c, const hyoka_report *r, int minus_kept)
{
    size_t n = hyoka_report_tally_count(r), at = 0;

    for (size_t i = 0; i < n; i++) {
        struct cli_tally t = {NULL, 0, 0};
        hyoka_report_tally(r, i, &t.code, &t.severity, &t.count);
        if (minus_kept)
            t.count -= kept_of(r, t.code, t.severity);
        if (!t.count)
            continue;
        while (at < c->ntally && (strcmp(c->tally[at].code, t.code) < 0 ||
                                  (strcmp(c->tally[at].code, t.code) == 0 && c->tally[at].severity < t.severity)))
            at++;
        if (at < c->ntally && strcmp(c->tally[at].code, t.code) == 0 && c->tally[at].severity == t.severity) {
            c->tally[at].count += t.count;
            continue;
        }
        {
            struct cli_tally *grown = realloc(c->tally, (c->ntally + 1) * sizeof *grown);
            if (!grown)
                return -1;
            c->tally = grown;
        }
        memmove(c->tally + at + 1, c->tally + at, (c->ntally - at) * sizeof *c->tally);
        c->tally[at] = t;
        c->ntally++;
    }
    return 0;
}

/* The counts of d: its report's, and those of the validation of a
 * streamed input whose kept diagnostics joined the report (join_checks()),
 * the others counted here. -1 when out of memory. */
static int count_document(struct cli_document *d)
{
    struct cli_counts *c = &d->counts;
    const hyoka_report *v = d->checks;

    c->total = hyoka_report_total(d->report);
    c->dropped = hyoka_report_dropped(d->report);
    c->ignored = hyoka_report_ignored(d->report);
    for (int s = HYOKA_SEVERITY_ERROR; s <= HYOKA_SEVERITY_INFO; s++)
        c->by_severity[s] = hyoka_report_total_severity(d->report, s);
    if (add_tally(c, d->report, 0) != 0)
        return -1;
    if (!v)
        return 0;
    c->total += hyoka_report_dropped(v);
    c->dropped += hyoka_report_dropped(v);
    c->ignored += hyoka_report_ignored(v);
    for (int s = HYOKA_SEVERITY_ERROR; s <= HYOKA_SEVERITY_INFO; s++)
        c->by_severity[s] += hyoka_report_total_severity(v, s) - hyoka_report_count_severity(v, s);
    return add_tally(c, v, 1);
}

/* The line and column of the diagnostics that lack them (a whole read's
 * validation), from the text of d: held, else read from the file. */
static int locate(struct cli_document *d)
{
    if (!needs_locating(d->report))
        return 0;
    if (!d->text && strcmp(d->file, "-") != 0)
        d->text = slurp(d->file, &d->len);
    if (d->text && hyoka_report_locate(d->report, d->text, d->len) == HYOKA_ENOMEM)
        return -1;
    return 0;
}

static int read_document(struct cli_document *d, const char *file, int format, const hyoka_csv_options *copt,
                         const hyoka_rules *rules, int validate)
{
    int rc;

    if (hyoka_report_set_rules(d->report, rules) != HYOKA_OK)
        return -1;
    rc = format == CLI_FORMAT_JSON ? read_json(d, file) : read_tables(d, file, format, copt);
    if (rc != 0)
        return rc < 0 ? -1 : count_document(d);
    if (validate && d->portfolio) {
        if (hyoka_validate(d->portfolio, d->report) == HYOKA_ENOMEM)
            return -1;
    }
    if (format == CLI_FORMAT_JSON && locate(d) != 0)
        return -1;
    return count_document(d);
}

/* ---- reading a JSON input as a stream ---- */

/* Standard input as the source of a stream. */
struct stdin_source {
    int error; /* errno of a failed read */
};

static int read_stdin(void *user, char *buf, size_t size, size_t *got)
{
    struct stdin_source *src = user;

    errno = 0;
    *got = fread(buf, 1, size, stdin);
    if (*got == 0 && ferror(stdin)) {
        src->error = errno ? errno : EIO;
        return -1;
    }
    return 0;
}

/* The validation's diagnostics of a streamed input join its report, after
 * the reading's (the order of a whole read, then validation), with the
 * lines and columns the stream gave them. */
static int join_checks(struct cli_document *d)
{
    return hyoka_report_append(d->report, d->checks) == HYOKA_OK ? 0 : -1;
}

/* Open the stream of d (its report has its rules) and, when asked, the
 * report of its validation: a result of hyoka_stream_open_file() or _source(). */
static int open_stream(struct cli_document *d, struct stdin_source *src, int validate)
{
    hyoka_read_options opt;
    int rc;

    /* A stream holds one project at a time: a document of any size is
     * read (a national collection is 5-6 GB; the reader's limit of 4 GiB
     * is for documents read whole). */
    hyoka_read_options_init(&opt);
    opt.max_document = SIZE_MAX;
    if (strcmp(d->file, "-") == 0) {
        rc = hyoka_stream_open_source(&d->stream, read_stdin, src, &opt, d->report);
    } else {
        rc = hyoka_stream_open_file(&d->stream, d->file, &opt, d->report);
    }
    if (rc == HYOKA_OK && validate)
        return hyoka_report_new(&d->checks) == HYOKA_OK &&
                       hyoka_report_set_limit(d->checks, hyoka_report_limit(d->report)) == HYOKA_OK
                   ? HYOKA_OK
                   : HYOKA_ENOMEM;
    return rc;
}

/* What the end of reading (rc, a result of the stream) says of d: 0, or
 * -1 when out of memory. */
static int stream_ended(struct cli_document *d, int rc, const struct stdin_source *src)
{
    if (rc == HYOKA_ENOMEM)
        return -1;
    if (rc == HYOKA_EIO) {
        snprintf(d->io_message, sizeof d->io_message, "%s",
                 src->error ? strerror(src->error) : hyoka_error_last());
        d->unreadable = 1;
    } else if (rc != HYOKA_OK && rc != HYOKA_EINVALID && rc != 1) {
        fprintf(stderr, "%s: %s: %s\n", CLI_PROGRAM, d->file, hyoka_error_last());
        d->unreadable = 1;
    }
    d->read_failed = rc == HYOKA_EINVALID;
    if (has_syntax_errors(d->report))
        d->unreadable = 1;
    return 0;
}

/* Read the JSON input of d as a stream with rules: each project validated
 * into d->checks (when asked) and handed to v. Returns 0 or -1 (out of memory);
 * *status gets the worst status v returned. */
static int stream_document(const struct cli_args *args, struct cli_document *d, int i, const hyoka_rules *rules,
                           const struct cli_visitor *v, int validate, int *status)
{
    struct stdin_source src = {0};
    hyoka_project *p = NULL;
    int rc, st = CLI_EXIT_FINE;

    if (hyoka_report_set_rules(d->report, rules) != HYOKA_OK)
        return -1;
    rc = open_stream(d, &src, validate);
    if (rc == HYOKA_OK && validate && hyoka_report_set_rules(d->checks, rules) != HYOKA_OK)
        rc = HYOKA_ENOMEM;
    if (rc == HYOKA_OK && v->begin)
        st = v->begin(args, d, i);
    while (rc == HYOKA_OK && st == CLI_EXIT_FINE && !cli_output_failed()) {
        rc = hyoka_stream_next(d->stream, &p);
        if (rc != 1)
            break;
        d->projects++;
        rc = validate ? hyoka_stream_validate(d->stream, d->checks) : HYOKA_OK;
        if (rc == HYOKA_OK && v->project)
            st = v->project(args, d, p);
    }
    *status = st;
    if (st < 0 || stream_ended(d, rc, &src) != 0)
        return -1;
    if (d->checks && (d->read_failed || d->unreadable)) {
        hyoka_report_free(d->checks); /* a document with errors is not validated */
        d->checks = NULL;
    }
    /* (a stream gives every diagnostic its line and column) */
    rc = d->checks ? join_checks(d) : 0;
    return rc == 0 ? count_document(d) : -1;
}

/* An empty document for file; -1 when out of memory. */
static int document_start(struct cli_document *d, const char *file)
{
    memset(d, 0, sizeof *d);
    d->file = file;
    return hyoka_report_new(&d->report) == HYOKA_OK ? 0 : -1;
}

int cli_document_read(struct cli_document *d, const char *file, int format, const hyoka_csv_options *copt,
                      const hyoka_rules *rules, int validate)
{
    if (document_start(d, file) == 0 && read_document(d, file, format, copt, rules, validate) == 0)
        return 0;
    fprintf(stderr, "%s: out of memory\n", CLI_PROGRAM);
    return -1;
}

int cli_document_stream(struct cli_document *d, const struct cli_args *args, const char *file,
                        const struct cli_visitor *v, void *user, int *status)
{
    int rc;

    *status = CLI_EXIT_FINE;
    rc = document_start(d, file);
    d->user = user;
    if (rc == 0 && stream_document(args, d, 0, NULL, v, 0, status) == 0)
        return 0;
    fprintf(stderr, "%s: out of memory\n", CLI_PROGRAM);
    return -1;
}

void cli_document_free(struct cli_document *d)
{
    hyoka_portfolio_free(d->portfolio);
    hyoka_stream_free(d->stream);
    hyoka_report_free(d->checks);
    hyoka_report_free(d->report);
    free(d->counts.tally);
    free(d->text);
    memset(d, 0, sizeof *d);
}

int cli_document_status(const struct cli_document *d)
{
    if (d->unreadable)
        return CLI_EXIT_UNREADABLE;
    if (d->read_failed || d->counts.by_severity[HYOKA_SEVERITY_ERROR] > 0)
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

/* Add the patterns of a comma-separated list to rules. */
static int add_patterns(hyoka_rules *rules, const char *list, int ignore)
{
    char code[64];
    for (const char *p = list;; p += strcspn(p, ",") + 1) {
        size_t n = strcspn(p, ",");
        int rc;
        if (n >= sizeof code)
            return HYOKA_EINVAL; /* (refused when parsed) */
        memcpy(code, p, n);
        code[n] = '\0';
        rc = ignore ? hyoka_rules_ignore(rules, code) : hyoka_rules_select(rules, code);
        if (rc != HYOKA_OK)
            return rc;
        if (!p[n])
            return HYOKA_OK;
    }
}

/* The rules file of input file: --config, else hyoka.conf in its folder
 * (the current folder for standard input) when there is one; "" for none. */
static void rules_file_of(const struct cli_args *args, const char *file, char *path, size_t size)
{
    const char *slash = strcmp(file, "-") == 0 ? NULL : strrchr(file, '/');
    path[0] = '\0';
    if (args->no_config)
        return;
    if (args->config) {
        snprintf(path, size, "%s", args->config);
        return;
    }
    if (slash)
        snprintf(path, size, "%.*s/%s", (int)(slash - file), file, CLI_RULES_FILE);
    else
        snprintf(path, size, "%s", CLI_RULES_FILE);
    if (access(path, F_OK) != 0)
        path[0] = '\0';
}

/* The rules of input file into *rules (NULL when none apply). Returns 0,
 * 1 when its rules file cannot be used (d then says why: unreadable, its
 * R001 diagnostics in d->report), or -1 when out of memory. */
static int rules_for(const struct cli_args *args, struct cli_document *d, const char *file, hyoka_rules **rules)
{
    char path[sizeof d->rules_file];
    int rc = HYOKA_OK;

    *rules = NULL;
    rules_file_of(args, file, path, sizeof path);
    if (!path[0] && !args->nselect && !args->nignore && args->min_severity < 0)
        return 0;
    if (hyoka_rules_new(rules) != HYOKA_OK)
        return -1;
    if (path[0])
        rc = hyoka_rules_read_file(*rules, path, d->report);
    if (rc == HYOKA_ENOMEM)
        return -1;
    if (rc != HYOKA_OK) {
        snprintf(d->rules_file, sizeof d->rules_file, "%s", path);
        if (rc == HYOKA_EINVALID)
            snprintf(d->io_message, sizeof d->io_message, "bad rules file %s", path);
        else
            snprintf(d->io_message, sizeof d->io_message, "%s", hyoka_error_last());
        d->unreadable = 1;
        return 1;
    }
    for (int i = 0; i < args->nselect && rc == HYOKA_OK; i++)
        rc = add_patterns(*rules, args->select[i], 0);
    for (int i = 0; i < args->nignore && rc == HYOKA_OK; i++)
        rc = add_patterns(*rules, args->ignore[i], 1);
    if (rc == HYOKA_OK && args->min_severity >= 0)
        rc = hyoka_rules_set_min_severity(*rules, args->min_severity);
    return rc == HYOKA_OK ? 0 : -1;
}

/* Read (and validate) input i of args with its rules: whole, or as a
 * stream handed to v (then *status gets the worst status of v). */
static int document_of(const struct cli_args *args, int i, struct cli_document *d, const struct cli_visitor *v,
                       int *status)
{
    hyoka_rules *rules = NULL;
    int rc;

    *status = CLI_EXIT_FINE;
    if (document_start(d, args->files[i]) != 0)
        rc = -1;
    else
        rc = rules_for(args, d, args->files[i], &rules);
    if (rc > 0)
        rc = count_document(d);
    else if (rc == 0 && v)
        rc = stream_document(args, d, i, rules, v, 1, status);
    else if (rc == 0)
        rc = read_document(d, args->files[i], CLI_FORMAT_JSON, NULL, rules, 1);
    hyoka_rules_free(rules);
    if (rc < 0) {
        fprintf(stderr, "%s: out of memory\n", CLI_PROGRAM);
        return -1;
    }
    return 0;
}

static int output_errno = -1; /* -1: no failure seen yet */

int cli_output_failed(void)
{
    if (!ferror(stdout))
        return 0;
    if (output_errno < 0)
        output_errno = errno;
    return 1;
}

int cli_output_errno(void)
{
    return output_errno > 0 ? output_errno : 0;
}

static int each_operand(const struct cli_args *args, const struct cli_visitor *v, cli_each_fn each)
{
    int status = CLI_EXIT_FINE;
    int progress = args->nfiles > 1 && is_tty_stderr();

    for (int i = 0; i < args->nfiles; i++) {
        struct cli_document d;
        int visited = CLI_EXIT_FINE;
        if (progress)
            fprintf(stderr, "\r\033[K[%d/%d] %s", i + 1, args->nfiles, cli_safe(args->files[i]));
        if (document_of(args, i, &d, v, &visited) != 0) {
            cli_document_free(&d);
            return -1;
        }
        status = cli_worse(status, cli_document_status(&d));
        status = cli_worse(status, visited);
        status = cli_worse(status, each(args, &d, i));
        cli_document_free(&d);
        if (cli_output_failed())
            break; /* main() says so and exits 74 */
    }
    if (progress)
        fputs("\r\033[K", stderr);
    return status;
}

int cli_each_streamed(const struct cli_args *args, const struct cli_visitor *v, cli_each_fn each)
{
    return each_operand(args, v, each);
}

int cli_document_has_errors(const struct cli_document *d)
{
    return hyoka_report_total_severity(d->report, HYOKA_SEVERITY_ERROR) > 0;
}

static const char *severity_word(int severity, int lang)
{
    static const char *en[] = {"error", "warning", "info"};
    static const char *ja[] = {"エラー", "警告", "情報"};
    if (severity < 0 || severity > 2)
        return "?";
    return lang == HYOKA_LANG_JA ? ja[severity] : en[severity];
}

/* FILE: N diagnostics: n errors, n warnings, n info; n not shown (limit
 * L); n ignored by the rules. In Japanese: FILE: 診断 N 件 (エラー n、
 * 警告 n、情報 n)。上限 L 件を超えた n 件は表示していない。規則で除外した n 件 */
static void print_counts(FILE *out, const struct cli_document *d, int lang)
{
    const struct cli_counts *c = &d->counts;
    static const char *const one[] = {"error", "warning", "info"}, *const many[] = {"errors", "warnings", "info"};
    static const char *const ja[] = {"エラー", "警告", "情報"};
    size_t total = c->total, dropped = c->dropped, ignored = c->ignored;
    int first = 1;

    if (lang == HYOKA_LANG_JA)
        fprintf(out, "%s: 診断 %zu 件", cli_safe(d->file), total);
    else
        fprintf(out, "%s: %zu diagnostic%s", cli_safe(d->file), total, total == 1 ? "" : "s");
    for (int s = HYOKA_SEVERITY_ERROR; s <= HYOKA_SEVERITY_INFO; s++) {
        size_t n = c->by_severity[s];
        if (!n)
            continue;
        if (lang == HYOKA_LANG_JA)
            fprintf(out, "%s%s %zu", first ? " (" : "、", ja[s], n);
        else
            fprintf(out, "%s%zu %s", first ? ": " : ", ", n, n == 1 ? one[s] : many[s]);
        first = 0;
    }
    if (!first && lang == HYOKA_LANG_JA)
        fputc(')', out);
    if (dropped && lang == HYOKA_LANG_JA)
        fprintf(out, "。上限 %zu 件を超えた %zu 件は表示していない", hyoka_report_limit(d->report), dropped);
    else if (dropped)
        fprintf(out, "; %zu not shown (limit %zu)", dropped, hyoka_report_limit(d->report));
    if (ignored && lang == HYOKA_LANG_JA)
        fprintf(out, "。規則で除外した %zu 件", ignored);
    else if (ignored)
        fprintf(out, "; %zu ignored by the rules", ignored);
    fputc('\n', out);
}

/* FILE: COUNT × CODE severity: title, one line per entry of the tally. */
static void print_tally(FILE *out, const struct cli_document *d, int lang)
{
    const struct cli_counts *c = &d->counts;
    size_t widest = 0;
    char num[32];

    for (size_t i = 0; i < c->ntally; i++) {
        snprintf(num, sizeof num, "%zu", c->tally[i].count);
        if (strlen(num) > widest)
            widest = strlen(num);
    }
    for (size_t i = 0; i < c->ntally; i++) {
        const char *code = c->tally[i].code, *title;
        int severity = c->tally[i].severity;
        size_t count = c->tally[i].count;
        title = hyoka_code_severity(code) == severity ? hyoka_code_title(code, lang) : NULL;
        fprintf(out, "%s: %*zu × %s %s%s%s\n", cli_safe(d->file), (int)widest, count, code, severity_word(severity, lang),
                title ? ": " : "", title ? title : "");
    }
}

void cli_print_diagnostics(FILE *out, const struct cli_document *d, int lang)
{
    const char *where = cli_safe(d->rules_file[0] ? d->rules_file : d->file);

    if (d->io_message[0] && !d->rules_file[0]) {
        fprintf(out, "%s: error: cannot read: %s\n", cli_safe(d->file), cli_safe(d->io_message));
        return;
    }
    for (size_t i = 0; i < hyoka_report_count(d->report); i++) {
        int64_t line = 0, col = 0;
        hyoka_report_position(d->report, i, &line, &col);
        fprintf(out, "%s:%lld:%lld: %s %s: %s", where, (long long)line, (long long)col,
                severity_word(hyoka_report_severity(d->report, i), lang), cli_safe(hyoka_report_code(d->report, i)),
                cli_safe(hyoka_report_message(d->report, i, lang)));
        if (hyoka_report_path(d->report, i)[0])
            fprintf(out, " [%s]", cli_safe(hyoka_report_path(d->report, i)));
        fputc('\n', out);
    }
    if (d->rules_file[0]) {
        fprintf(out, "%s: error: cannot read: %s\n", cli_safe(d->file), cli_safe(d->io_message));
        return;
    }
    if (d->counts.total == 0 && d->counts.ignored == 0)
        return;
    print_counts(out, d, lang);
    print_tally(out, d, lang);
}

void cli_print_counts_json(FILE *out, const struct cli_document *d, int lang)
{
    const struct cli_counts *c = &d->counts;
    static const char *const names[] = {"error", "warning", "info"};

    fprintf(out, "\"total\": %zu, \"dropped\": %zu, \"ignored\": %zu, \"counts\": {", c->total, c->dropped,
            c->ignored);
    for (int s = HYOKA_SEVERITY_ERROR; s <= HYOKA_SEVERITY_INFO; s++)
        fprintf(out, "%s\"%s\": %zu", s ? ", " : "", names[s], c->by_severity[s]);
    fprintf(out, "}, \"tally\": [");
    for (size_t i = 0; i < c->ntally; i++) {
        const char *code = c->tally[i].code, *title;
        int severity = c->tally[i].severity;
        size_t count = c->tally[i].count;
        title = hyoka_code_severity(code) == severity ? hyoka_code_title(code, lang) : NULL;
        fprintf(out, "%s{\"code\": ", i ? ", " : "");
        cli_json_string(out, code);
        fprintf(out, ", \"severity\": \"%s\", \"count\": %zu, \"title\": ", names[severity], count);
        if (title)
            cli_json_string(out, title);
        else
            fputs("null", out);
        fputc('}', out);
    }
    fputc(']', out);
}

/* ---- output ---- */

/* The code point of the UTF-8 character at s (at most n bytes) and its
 * length in *len; -1 (length 1) for a byte that does not start a
 * well-formed character. */
static long utf8_at(const unsigned char *s, size_t n, size_t *len)
{
    int k = s[0] < 0x80 ? 0 : s[0] >= 0xC2 && s[0] <= 0xDF ? 1 : s[0] >= 0xE0 && s[0] <= 0xEF ? 2
          : s[0] >= 0xF0 && s[0] <= 0xF4 ? 3 : -1;
    static const long least[] = {0, 0x80, 0x800, 0x10000};
    long cp;

    *len = 1;
    if (k < 0 || (size_t)k >= n)
        return k == 0 ? s[0] : -1;
    cp = k == 0 ? s[0] : s[0] & (0x3F >> k);
    for (int i = 1; i <= k; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return -1;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < least[k] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return -1;
    *len = (size_t)k + 1;
    return cp;
}

static int is_control(long cp)
{
    return (cp >= 0 && cp < 0x20) || (cp >= 0x7F && cp < 0xA0);
}

const char *cli_safe(const char *s)
{
    static char *slots[8];
    static size_t caps[8];
    static int next;
    size_t n, need = 0, len;
    char *o;

    if (!s)
        return NULL;
    n = strlen(s);
    for (size_t i = 0; i < n; i += len) {
        long cp = utf8_at((const unsigned char *)s + i, n - i, &len);
        need += cp < 0 ? 4 : is_control(cp) ? 6 : len;
    }
    if (need == n)
        return s;
    next = (next + 1) % 8;
    if (caps[next] < need + 1) {
        char *grown = realloc(slots[next], need + 1);
        if (!grown)
            return "(out of memory)";
        slots[next] = grown;
        caps[next] = need + 1;
    }
    o = slots[next];
    for (size_t i = 0; i < n; i += len) {
        long cp = utf8_at((const unsigned char *)s + i, n - i, &len);
        if (cp < 0)
            o += sprintf(o, "\\x%02x", (unsigned char)s[i]);
        else if (is_control(cp))
            o += sprintf(o, "\\u%04lx", cp);
        else
            o = (char *)memcpy(o, s + i, len) + len;
    }
    *o = '\0';
    return slots[next];
}

void cli_json_string(FILE *out, const char *s)
{
    size_t n = strlen(s), len;

    fputc('"', out);
    for (size_t i = 0; i < n; i += len) {
        long cp = utf8_at((const unsigned char *)s + i, n - i, &len);
        if (cp == '"' || cp == '\\')
            fprintf(out, "\\%c", (int)cp);
        else if (cp == '\n')
            fputs("\\n", out);
        else if (cp < 0)
            fputs("\\ufffd", out); /* not UTF-8: a file name */
        else if (is_control(cp))
            fprintf(out, "\\u%04lx", cp);
        else
            fwrite(s + i, 1, len, out);
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
