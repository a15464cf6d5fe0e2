/*
 * hyoka — the command-line program of the hyoka library.
 *
 *   hyoka check   [--json] [--lang ja|en] FILE...
 *   hyoka metrics [--json] [--lang ja|en] FILE...
 *   hyoka convert [--from json|csv] --to json|csv|html [--encoding ENC] IN OUT
 *   hyoka summary [--json] [--lang ja|en] [--year FY] FILE...
 *
 * Exit status: 0 fine (warnings allowed), 1 errors found, 2 unreadable
 * input, 64 usage.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hyoka/hyoka.h>

enum {
    EXIT_FINE = 0,
    EXIT_ERRORS = 1,
    EXIT_UNREADABLE = 2,
    EXIT_USAGE = 64
};

struct options {
    int json;
    int lang;
    int compact;
    int32_t year;
    const char *from;
    const char *to;
    const char *encoding;
    char **files;
    int nfiles;
};

static const char *program = "hyoka";

static void usage_main(FILE *out)
{
    fprintf(out,
            "usage: %s COMMAND [OPTIONS] FILE...\n"
            "\n"
            "Commands:\n"
            "  check     report every problem of hyoka/1 documents\n"
            "  metrics   compute every figure of each sheet\n"
            "  convert   convert a document between formats\n"
            "  summary   totals of a portfolio by fiscal year, department and verdict\n"
            "\n"
            "Run '%s COMMAND --help' for the options of a command.\n"
            "Exit status: 0 fine (warnings allowed), 1 errors found, 2 unreadable input, 64 usage.\n",
            program, program);
}

static void usage_check(FILE *out)
{
    fprintf(out,
            "usage: %s check [--json] [--lang ja|en] FILE...\n"
            "\n"
            "Read each hyoka/1 document, validate it and print its diagnostics as\n"
            "  FILE:LINE:COL: severity CODE: message\n"
            "\n"
            "  --json         print {\"format\": \"hyoka-check/1\", \"files\": [...]} instead\n"
            "  --lang ja|en   language of the messages (default en)\n"
            "  --help         this help\n",
            program);
}

static void usage_metrics(FILE *out)
{
    fprintf(out,
            "usage: %s metrics [--json] [--lang ja|en] FILE...\n"
            "\n"
            "Compute every figure of every project: costs, per-head figures, rates,\n"
            "indicator achievement and evaluation scores. Diagnostics go to stderr.\n"
            "\n"
            "  --json         print hyoka-metrics/1 (one object; an array for several files)\n"
            "  --lang ja|en   language of labels and messages (default en)\n"
            "  --help         this help\n",
            program);
}

static void usage_convert(FILE *out)
{
    fprintf(out,
            "usage: %s convert [--from json|csv] --to json|csv|html [OPTIONS] IN OUT\n"
            "\n"
            "Convert a portfolio between formats. JSON is one file ('-' for standard\n"
            "input or output); CSV is a folder holding one file per table; HTML is a\n"
            "folder holding index.html and one sheet per project.\n"
            "\n"
            "  --from json|csv        format of IN (default json)\n"
            "  --to json|csv|html     format of OUT\n"
            "  --encoding ENC         CSV encoding: utf-8 (with BOM, default), utf-8-nobom, cp932\n"
            "  --compact              JSON without indentation\n"
            "  --lang ja|en           language of HTML labels and messages (default en)\n"
            "  --help                 this help\n",
            program);
}

static void usage_summary(FILE *out)
{
    fprintf(out,
            "usage: %s summary [--json] [--lang ja|en] [--year FY] FILE...\n"
            "\n"
            "Total the cost figures of each portfolio by fiscal year, department and\n"
            "final verdict, and rank projects by total cost.\n"
            "\n"
            "  --year FY      fiscal year for the department, verdict and ranking tables\n"
            "                 (2019, 令和元年度, H31...; default: the year most projects report)\n"
            "  --json         machine output\n"
            "  --lang ja|en   language of labels (default en)\n"
            "  --help         this help\n",
            program);
}

/* ---- small output helpers ---- */

static void json_string(FILE *out, const char *s)
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

static int is_tty_stderr(void)
{
    return isatty(STDERR_FILENO);
}

static void progress(int i, int n, const char *file)
{
    if (n > 1 && is_tty_stderr())
        fprintf(stderr, "\r\033[K[%d/%d] %s", i + 1, n, file);
}

static void progress_done(int n)
{
    if (n > 1 && is_tty_stderr())
        fputs("\r\033[K", stderr);
}

/* Read a whole file; NULL with errno on failure. */
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

/* A document as read from a file: the text (kept to locate diagnostics),
 * the portfolio when it could be read, and the report. */
struct document {
    const char *file;
    char *text;
    size_t len;
    hyoka_portfolio *portfolio;
    hyoka_report *report;
    char io_message[512]; /* why the file could not be read ("" when it could) */
    int unreadable;     /* not a readable hyoka/1 document (I/O or JSON syntax) */
};

static int has_syntax_errors(const hyoka_report *r)
{
    for (size_t i = 0; i < hyoka_report_count(r); i++) {
        const char *code = hyoka_report_code(r, i);
        if (code[0] == 'J')
            return 1;
    }
    return 0;
}

/* Read and (optionally) validate. Returns 0, or -1 when out of memory. */
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

/* Read and (optionally) validate. Returns 0, or -1 when out of memory.
 * A file is read with hyoka_json_read_file(), which does not keep the whole
 * text in memory beside the portfolio; the text is read again only when
 * diagnostics need their line and column. */
static int load(struct document *d, const char *file, int validate)
{
    int rc;

    memset(d, 0, sizeof *d);
    d->file = file;
    if (hyoka_report_new(&d->report) != HYOKA_OK)
        return -1;
    if (strcmp(file, "-") == 0) {
        d->text = slurp(file, &d->len);
        if (!d->text) {
            snprintf(d->io_message, sizeof d->io_message, "%s", strerror(errno ? errno : EIO));
            d->unreadable = 1;
            return 0;
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
        return 0;
    }
    if (rc != HYOKA_OK && rc != HYOKA_EINVALID) {
        fprintf(stderr, "%s: %s: %s\n", program, file, hyoka_error_last());
        d->unreadable = 1;
        return 0;
    }
    if (has_syntax_errors(d->report))
        d->unreadable = 1;
    if (validate && d->portfolio) {
        if (hyoka_validate(d->portfolio, d->report) == HYOKA_ENOMEM)
            return -1;
    }
    if (needs_locating(d->report)) {
        if (!d->text)
            d->text = slurp(file, &d->len);
        if (d->text && hyoka_report_locate(d->report, d->text, d->len) == HYOKA_ENOMEM)
            return -1;
    }
    return 0;
}

static void unload(struct document *d)
{
    hyoka_portfolio_free(d->portfolio);
    hyoka_report_free(d->report);
    free(d->text);
    memset(d, 0, sizeof *d);
}

static int document_status(const struct document *d)
{
    if (d->unreadable)
        return EXIT_UNREADABLE;
    if (hyoka_report_count_severity(d->report, HYOKA_SEVERITY_ERROR) > 0)
        return EXIT_ERRORS;
    return EXIT_FINE;
}

static int worse(int a, int b)
{
    /* unreadable (2) outranks errors (1), which outrank fine (0). */
    return a > b ? a : b;
}

static const char *severity_word(int severity, int lang)
{
    static const char *en[] = {"error", "warning", "info"};
    static const char *ja[] = {"エラー", "警告", "情報"};
    if (severity < 0 || severity > 2)
        return "?";
    return lang == HYOKA_LANG_JA ? ja[severity] : en[severity];
}

static void print_diagnostics_text(FILE *out, const struct document *d, int lang)
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

/* ---- argument parsing ---- */

static int parse_lang(const char *s, int *lang)
{
    if (strcmp(s, "en") == 0)
        *lang = HYOKA_LANG_EN;
    else if (strcmp(s, "ja") == 0)
        *lang = HYOKA_LANG_JA;
    else
        return -1;
    return 0;
}

/* Returns -1 on a usage error (message printed), 1 when --help was shown. */
static int parse_options(int argc, char **argv, struct options *o, const char *allowed, void (*help)(FILE *))
{
    int i;
    memset(o, 0, sizeof *o);
    o->lang = HYOKA_LANG_EN;
    o->files = malloc(sizeof *o->files * (size_t)(argc + 1));
    if (!o->files) {
        fprintf(stderr, "%s: out of memory\n", program);
        return -1;
    }
    for (i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        if (strcmp(a, "--") == 0) {
            for (i++; i < argc; i++)
                o->files[o->nfiles++] = argv[i];
            break;
        }
        if (a[0] != '-' || strcmp(a, "-") == 0) {
            o->files[o->nfiles++] = argv[i];
            continue;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            help(stdout);
            return 1;
        }
#define NEEDS_VALUE()                                                                       \
    do {                                                                                    \
        if (i + 1 >= argc) {                                                                \
            fprintf(stderr, "%s: option %s needs a value\n", program, a);                   \
            return -1;                                                                      \
        }                                                                                   \
        val = argv[++i];                                                                    \
    } while (0)
        if (strcmp(a, "--json") == 0 && strchr(allowed, 'j')) {
            o->json = 1;
        } else if (strcmp(a, "--compact") == 0 && strchr(allowed, 'c')) {
            o->compact = 1;
        } else if (strcmp(a, "--lang") == 0 && strchr(allowed, 'l')) {
            NEEDS_VALUE();
            if (parse_lang(val, &o->lang) != 0) {
                fprintf(stderr, "%s: --lang takes ja or en, not '%s'\n", program, val);
                return -1;
            }
        } else if (strcmp(a, "--year") == 0 && strchr(allowed, 'y')) {
            unsigned flags = 0;
            NEEDS_VALUE();
            if (hyoka_fiscal_year_parse(val, HYOKA_NTS, &o->year, &flags) != HYOKA_OK) {
                fprintf(stderr, "%s: --year: %s\n", program, hyoka_error_last());
                return -1;
            }
        } else if (strcmp(a, "--from") == 0 && strchr(allowed, 'f')) {
            NEEDS_VALUE();
            o->from = val;
        } else if (strcmp(a, "--to") == 0 && strchr(allowed, 't')) {
            NEEDS_VALUE();
            o->to = val;
        } else if (strcmp(a, "--encoding") == 0 && strchr(allowed, 'e')) {
            NEEDS_VALUE();
            o->encoding = val;
        } else {
            fprintf(stderr, "%s: unknown option '%s'\n", program, a);
            help(stderr);
            return -1;
        }
#undef NEEDS_VALUE
    }
    return 0;
}

/* Parse a command's options and require FILE arguments. Returns -1 when the
 * command must stop with *status set (usage error, or --help shown). */
static int begin(int argc, char **argv, struct options *o, const char *allowed, void (*help)(FILE *),
                 const char *name, int *status)
{
    int rc = parse_options(argc, argv, o, allowed, help);
    if (rc != 0) {
        *status = rc > 0 ? EXIT_FINE : EXIT_USAGE;
        return -1;
    }
    if (o->nfiles == 0) {
        fprintf(stderr, "%s %s: no FILE given\n", program, name);
        help(stderr);
        *status = EXIT_USAGE;
        return -1;
    }
    return 0;
}

/* Load the i-th file of a command, with progress; reports out of memory. */
static int load_nth(struct document *d, const struct options *o, int i)
{
    progress(i, o->nfiles, o->files[i]);
    if (load(d, o->files[i], 1) != 0) {
        fprintf(stderr, "%s: out of memory\n", program);
        unload(d);
        return -1;
    }
    return 0;
}

/* ---- check ---- */

static int cmd_check(int argc, char **argv)
{
    struct options o;
    int status = EXIT_FINE;

    if (begin(argc, argv, &o, "jl", usage_check, "check", &status) != 0) {
        free(o.files);
        return status;
    }
    if (o.json)
        printf("{\"format\": \"hyoka-check/1\", \"files\": [");
    for (int i = 0; i < o.nfiles; i++) {
        struct document d;
        if (load_nth(&d, &o, i) != 0) {
            free(o.files);
            return EXIT_UNREADABLE;
        }
        status = worse(status, document_status(&d));
        if (o.json) {
            char *text = NULL;
            printf("%s\n  {\"file\": ", i ? "," : "");
            json_string(stdout, d.file);
            if (d.io_message[0]) {
                printf(", \"error\": ");
                json_string(stdout, d.io_message);
            }
            if (hyoka_report_write_json(d.report, HYOKA_WRITE_COMPACT, o.lang, &text, NULL) == HYOKA_OK) {
                printf(", \"diagnostics\": %s}", text);
                hyoka_free(text);
            } else {
                printf(", \"diagnostics\": []}");
            }
        } else {
            print_diagnostics_text(stdout, &d, o.lang);
        }
        unload(&d);
    }
    progress_done(o.nfiles);
    if (o.json)
        printf("\n]}\n");
    free(o.files);
    return status;
}

/* ---- metrics ---- */

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

#define N_YEAR_FIGURES (sizeof year_figures / sizeof year_figures[0])
#define CELL 24

/* Display width of UTF-8 text: East Asian characters count 2. */
static int display_width(const char *s)
{
    int w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        if (*p < 0x80) {
            w++;
            p++;
        } else {
            int n = *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : 2;
            w += n >= 3 ? 2 : 1;
            while (n-- > 0 && *p)
                p++;
        }
    }
    return w;
}

static void print_padded(const char *s, int width)
{
    int pad = width - display_width(s);
    fputs(s, stdout);
    while (pad-- > 0)
        fputc(' ', stdout);
}

static void print_right(const char *s, int width)
{
    int pad = width - display_width(s);
    while (pad-- > 0)
        fputc(' ', stdout);
    fputs(s, stdout);
}

static void format_figure(const hyoka_decimal *v, char *buf, size_t size)
{
    if (hyoka_decimal_format(v, HYOKA_DECIMAL_FMT_GROUPING, buf, size, NULL) != HYOKA_OK)
        snprintf(buf, size, "?");
}

static void print_project_metrics(const hyoka_project *p, int lang, int depth)
{
    size_t ny = hyoka_project_year_count(p);
    const char *code = hyoka_project_code(p);
    const char *name = hyoka_project_name(p);
    char cell[HYOKA_DECIMAL_STRING_MAX + HYOKA_CALENDAR_STRING_MAX];

    printf("%*s%s %s\n", depth * 2, "", code ? code : "-", name ? name : "");
    if (ny > 0) {
        printf("%*s  ", depth * 2, "");
        print_padded(lang == HYOKA_LANG_JA ? "年度" : "fiscal year", CELL);
        for (size_t y = 0; y < ny; y++) {
            int32_t fy = hyoka_costs_fiscal_year(hyoka_project_year_at(p, y));
            if (lang == HYOKA_LANG_JA)
                hyoka_fiscal_year_format(fy, 0, cell, sizeof cell, NULL);
            else
                snprintf(cell, sizeof cell, "%ld", (long)fy);
            fputc(' ', stdout);
            print_right(cell, 16);
        }
        fputc('\n', stdout);
        for (size_t f = 0; f < N_YEAR_FIGURES; f++) {
            printf("%*s  ", depth * 2, "");
            print_padded(lang == HYOKA_LANG_JA ? year_figures[f].ja : year_figures[f].en, CELL);
            for (size_t y = 0; y < ny; y++) {
                hyoka_decimal v;
                int reason = 0;
                int rc = hyoka_costs_figure(hyoka_project_year_at(p, y), year_figures[f].figure, &v, &reason);
                if (rc == HYOKA_OK)
                    format_figure(&v, cell, sizeof cell);
                else
                    snprintf(cell, sizeof cell, "-");
                fputc(' ', stdout);
                print_right(cell, 16);
            }
            fputc('\n', stdout);
        }
    }
    for (size_t i = 0; i < hyoka_project_indicator_count(p); i++) {
        const hyoka_indicator *ind = hyoka_project_indicator_at(p, i);
        const char *iname = hyoka_indicator_text(ind, HYOKA_INDICATOR_NAME);
        printf("%*s  %s %s:", depth * 2, "", lang == HYOKA_LANG_JA ? "指標" : "indicator", iname ? iname : "-");
        for (size_t y = 0; y < hyoka_indicator_year_count(ind); y++) {
            int32_t fy = hyoka_indicator_year_at(ind, y);
            hyoka_decimal v;
            int reason = 0;
            if (hyoka_indicator_figure(ind, fy, HYOKA_FIG_ACHIEVEMENT, &v, &reason) == HYOKA_OK) {
                format_figure(&v, cell, sizeof cell);
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
               stage ? stage : "-", (long)hyoka_evaluation_fiscal_year(e), verdict ? verdict : "-");
        if (hyoka_evaluation_score(e, &score, &reason) == HYOKA_OK) {
            format_figure(&score, cell, sizeof cell);
            printf(", score %s", cell);
        }
        if (hyoka_evaluation_rating(e, &rating, NULL, &reason) == HYOKA_OK && rating)
            printf(", rating %s", rating);
        fputc('\n', stdout);
    }
    for (size_t i = 0; i < hyoka_project_child_count(p); i++)
        print_project_metrics(hyoka_project_child_at(p, i), lang, depth + 1);
}

static int cmd_metrics(int argc, char **argv)
{
    struct options o;
    int status = EXIT_FINE;

    if (begin(argc, argv, &o, "jl", usage_metrics, "metrics", &status) != 0) {
        free(o.files);
        return status;
    }
    if (o.json && o.nfiles > 1)
        printf("[\n");
    for (int i = 0; i < o.nfiles; i++) {
        struct document d;
        if (load_nth(&d, &o, i) != 0) {
            free(o.files);
            return EXIT_UNREADABLE;
        }
        status = worse(status, document_status(&d));
        print_diagnostics_text(stderr, &d, o.lang);
        if (d.portfolio) {
            if (o.json) {
                char *text = NULL;
                size_t len = 0;
                if (hyoka_metrics_write(d.portfolio, d.report, 0, o.lang, &text, &len) == HYOKA_OK) {
                    if (o.nfiles > 1 && i > 0)
                        printf(",\n");
                    fwrite(text, 1, len, stdout);
                    hyoka_free(text);
                } else {
                    fprintf(stderr, "%s: %s: %s\n", program, d.file, hyoka_error_last());
                    status = worse(status, EXIT_UNREADABLE);
                }
            } else {
                if (o.nfiles > 1)
                    printf("== %s\n", d.file);
                for (size_t p = 0; p < hyoka_portfolio_project_count(d.portfolio); p++)
                    print_project_metrics(hyoka_portfolio_project_at(d.portfolio, p), o.lang, 0);
            }
        }
        unload(&d);
    }
    progress_done(o.nfiles);
    if (o.json && o.nfiles > 1)
        printf("\n]\n");
    else if (o.json)
        printf("\n");
    free(o.files);
    return status;
}

/* ---- convert ---- */

static int parse_encoding(const char *name, int *encoding)
{
    if (!name || strcmp(name, "utf-8") == 0 || strcmp(name, "utf8") == 0)
        *encoding = HYOKA_ENCODING_UTF8_BOM;
    else if (strcmp(name, "utf-8-nobom") == 0)
        *encoding = HYOKA_ENCODING_UTF8;
    else if (strcmp(name, "cp932") == 0 || strcmp(name, "shift_jis") == 0 || strcmp(name, "sjis") == 0)
        *encoding = HYOKA_ENCODING_CP932;
    else
        return -1;
    return 0;
}

/* Read IN as CSV (a folder of tables) into d. */
static int load_csv(struct document *d, const char *dir, const hyoka_csv_options *copt)
{
    int rc;
    memset(d, 0, sizeof *d);
    d->file = dir;
    if (hyoka_report_new(&d->report) != HYOKA_OK)
        return -1;
    rc = hyoka_csv_read_dir(dir, copt, &d->portfolio, d->report);
    if (rc == HYOKA_ENOMEM)
        return -1;
    if (rc == HYOKA_EIO) {
        fprintf(stderr, "%s: %s: %s\n", program, dir, hyoka_error_last());
        d->unreadable = 1;
    } else if (rc != HYOKA_OK && rc != HYOKA_EINVALID) {
        fprintf(stderr, "%s: %s: %s\n", program, dir, hyoka_error_last());
        d->unreadable = 1;
    }
    return 0;
}

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

static int cmd_convert(int argc, char **argv)
{
    struct options o;
    struct document d;
    hyoka_csv_options copt;
    int status, encoding = HYOKA_ENCODING_UTF8_BOM;
    int from_csv, to;
    int rc = parse_options(argc, argv, &o, "ftcel", usage_convert);

    if (rc != 0) {
        free(o.files);
        return rc > 0 ? EXIT_FINE : EXIT_USAGE;
    }
    if (o.nfiles != 2 || !o.to) {
        fprintf(stderr, "%s convert: give --to FORMAT, IN and OUT\n", program);
        usage_convert(stderr);
        free(o.files);
        return EXIT_USAGE;
    }
    from_csv = o.from && strcmp(o.from, "csv") == 0;
    if (o.from && !from_csv && strcmp(o.from, "json") != 0) {
        fprintf(stderr, "%s convert: --from takes json or csv, not '%s'\n", program, o.from);
        free(o.files);
        return EXIT_USAGE;
    }
    to = strcmp(o.to, "json") == 0 ? 0 : strcmp(o.to, "csv") == 0 ? 1 : strcmp(o.to, "html") == 0 ? 2 : -1;
    if (to < 0) {
        fprintf(stderr, "%s convert: --to takes json, csv or html, not '%s'\n", program, o.to);
        free(o.files);
        return EXIT_USAGE;
    }
    if (parse_encoding(o.encoding, &encoding) != 0) {
        fprintf(stderr, "%s convert: --encoding takes utf-8, utf-8-nobom or cp932, not '%s'\n", program,
                o.encoding);
        free(o.files);
        return EXIT_USAGE;
    }
    if ((to != 0 && strcmp(o.files[1], "-") == 0) || (from_csv && strcmp(o.files[0], "-") == 0)) {
        fprintf(stderr, "%s convert: CSV and HTML are folders: '-' is only for JSON\n", program);
        free(o.files);
        return EXIT_USAGE;
    }
    hyoka_csv_options_init(&copt);
    copt.encoding = encoding;
    rc = from_csv ? load_csv(&d, o.files[0], &copt) : load(&d, o.files[0], 0);
    if (rc != 0) {
        fprintf(stderr, "%s: out of memory\n", program);
        unload(&d);
        free(o.files);
        return EXIT_UNREADABLE;
    }
    print_diagnostics_text(stderr, &d, o.lang);
    status = document_status(&d);
    if (d.portfolio) {
        if (to == 0)
            rc = write_json_out(d.portfolio, o.compact ? HYOKA_WRITE_COMPACT : 0, o.files[1]);
        else if (to == 1)
            rc = hyoka_csv_write_dir(d.portfolio, o.files[1], &copt, d.report);
        else
            rc = hyoka_html_write_dir(d.portfolio, o.lang, o.files[1]);
        if (rc != HYOKA_OK) {
            fprintf(stderr, "%s: %s: %s\n", program, o.files[1], hyoka_error_last());
            status = worse(status, rc == HYOKA_EENCODING ? EXIT_ERRORS : EXIT_UNREADABLE);
        }
    } else if (status == EXIT_FINE) {
        status = EXIT_ERRORS;
    }
    unload(&d);
    free(o.files);
    return status;
}

/* ---- summary ---- */

/* The default fiscal year of the tables: the one most projects report
 * (the latest of those on a tie), so a year planned by a few projects
 * only does not hide the others. 0 when there is no cost year. */
static int32_t busiest_year(const hyoka_portfolio *p)
{
    hyoka_rollup *r = NULL;
    int32_t best = 0;
    size_t best_n = 0;
    if (hyoka_rollup_new(&r, p, HYOKA_GROUP_FISCAL_YEAR, 1, 0) != HYOKA_OK)
        return 0;
    for (size_t i = 0; i < hyoka_rollup_count(r); i++) {
        size_t n = hyoka_rollup_projects(r, i);
        if (n >= best_n) {
            best_n = n;
            best = (int32_t)strtol(hyoka_rollup_key(r, i), NULL, 10);
        }
    }
    hyoka_rollup_free(r);
    return best;
}

static void format_yen(int64_t yen, char *buf, size_t size)
{
    hyoka_decimal d = hyoka_decimal_from_int(yen);
    format_figure(&d, buf, size);
}

static void print_rollup(const hyoka_portfolio *p, int group_by, int32_t year, const char *title, int json,
                         int first)
{
    hyoka_rollup *r = NULL;
    if (hyoka_rollup_new(&r, p, group_by, 1, year) != HYOKA_OK) {
        fprintf(stderr, "%s: summary: %s\n", program, hyoka_error_last());
        return;
    }
    if (json) {
        printf("%s\n    ", first ? "" : ",");
        json_string(stdout, title);
        printf(": [");
    } else {
        printf("%s (yen; projects, expense, personnel, total cost)\n", title);
    }
    for (size_t i = 0; i < hyoka_rollup_count(r); i++) {
        int64_t total = 0, expense = 0, personnel = 0;
        const char *key = hyoka_rollup_key(r, i);
        hyoka_rollup_total(r, i, HYOKA_FIG_TOTAL_COST, &total);
        hyoka_rollup_total(r, i, HYOKA_FIG_EXPENSE, &expense);
        hyoka_rollup_total(r, i, HYOKA_FIG_PERSONNEL, &personnel);
        if (json) {
            printf("%s{\"key\": ", i ? ", " : "");
            json_string(stdout, key);
            printf(", \"projects\": %zu, \"expense\": %lld, \"personnel\": %lld, \"total_cost\": %lld}",
                   hyoka_rollup_projects(r, i), (long long)expense, (long long)personnel, (long long)total);
        } else {
            char e[HYOKA_DECIMAL_STRING_MAX], pe[HYOKA_DECIMAL_STRING_MAX], t[HYOKA_DECIMAL_STRING_MAX];
            format_yen(expense, e, sizeof e);
            format_yen(personnel, pe, sizeof pe);
            format_yen(total, t, sizeof t);
            printf("  ");
            print_padded(key[0] ? key : "-", CELL);
            printf(" %4zu  expense %16s  personnel %16s  total %16s\n", hyoka_rollup_projects(r, i), e, pe, t);
        }
    }
    if (json)
        printf("]");
    hyoka_rollup_free(r);
}

static void print_ranking(const hyoka_portfolio *p, int32_t year, int json)
{
    hyoka_ranking *rk = NULL;
    if (hyoka_ranking_new(&rk, p, HYOKA_FIG_TOTAL_COST, year, 1) != HYOKA_OK) {
        fprintf(stderr, "%s: summary: %s\n", program, hyoka_error_last());
        return;
    }
    if (json)
        printf(",\n    \"ranking_total_cost\": [");
    else
        printf("ranking by total cost, fiscal year %ld\n", (long)year);
    for (size_t i = 0; i < hyoka_ranking_count(rk); i++) {
        hyoka_project *pr = NULL;
        hyoka_decimal v;
        int reason = 0;
        char cell[HYOKA_DECIMAL_STRING_MAX];
        int rc = hyoka_ranking_at(rk, i, &pr, &v, &reason);
        const char *code = hyoka_project_code(pr);
        if (json) {
            printf("%s{\"code\": ", i ? ", " : "");
            json_string(stdout, code ? code : "");
            if (rc == HYOKA_OK) {
                hyoka_decimal_format(&v, 0, cell, sizeof cell, NULL);
                printf(", \"total_cost\": %s}", cell);
            } else {
                printf(", \"total_cost\": null, \"reason\": \"%s\"}", hyoka_reason_name(reason));
            }
        } else {
            if (rc == HYOKA_OK)
                format_figure(&v, cell, sizeof cell);
            else
                snprintf(cell, sizeof cell, "-");
            printf("  %3zu. %-12s %18s  %s\n", i + 1, code ? code : "-", cell,
                   hyoka_project_name(pr) ? hyoka_project_name(pr) : "");
        }
    }
    if (json)
        printf("]");
    hyoka_ranking_free(rk);
}

static int cmd_summary(int argc, char **argv)
{
    struct options o;
    int status = EXIT_FINE;

    if (begin(argc, argv, &o, "jly", usage_summary, "summary", &status) != 0) {
        free(o.files);
        return status;
    }
    if (o.json)
        printf("{\"format\": \"hyoka-summary/1\", \"files\": [");
    for (int i = 0; i < o.nfiles; i++) {
        struct document d;
        if (load_nth(&d, &o, i) != 0) {
            free(o.files);
            return EXIT_UNREADABLE;
        }
        status = worse(status, document_status(&d));
        print_diagnostics_text(stderr, &d, o.lang);
        if (d.portfolio) {
            int32_t year = o.year ? o.year : busiest_year(d.portfolio);
            int ja = o.lang == HYOKA_LANG_JA;
            if (o.json) {
                printf("%s\n  {\"file\": ", i ? "," : "");
                json_string(stdout, d.file);
                printf(", \"fiscal_year\": %ld, \"tables\": {", (long)year);
            } else {
                printf("== %s (%zu projects)\n", d.file, hyoka_portfolio_project_count(d.portfolio));
            }
            print_rollup(d.portfolio, HYOKA_GROUP_FISCAL_YEAR, 0,
                         o.json ? "by_fiscal_year" : (ja ? "年度別" : "by fiscal year"), o.json, 1);
            if (!o.json)
                printf(ja ? "-- %ld年度\n" : "-- fiscal year %ld\n", (long)year);
            print_rollup(d.portfolio, HYOKA_GROUP_DEPARTMENT, year,
                         o.json ? "by_department" : (ja ? "部別" : "by department"), o.json, 0);
            print_rollup(d.portfolio, HYOKA_GROUP_VERDICT, year,
                         o.json ? "by_verdict" : (ja ? "評価結果別" : "by final verdict"), o.json, 0);
            if (year)
                print_ranking(d.portfolio, year, o.json);
            if (o.json)
                printf("}}");
        }
        unload(&d);
    }
    progress_done(o.nfiles);
    if (o.json)
        printf("\n]}\n");
    free(o.files);
    return status;
}

int main(int argc, char **argv)
{
    const char *cmd;

    if (argc < 2) {
        usage_main(stderr);
        return EXIT_USAGE;
    }
    cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        usage_main(stdout);
        return EXIT_FINE;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("hyoka %s\n", hyoka_version_string());
        return EXIT_FINE;
    }
    if (hyoka_version() / 10000 != HYOKA_VERSION_MAJOR) {
        fprintf(stderr, "%s: library version %s does not match the headers (%s)\n", program,
                hyoka_version_string(), HYOKA_VERSION_STRING);
        return EXIT_UNREADABLE;
    }
    if (strcmp(cmd, "check") == 0)
        return cmd_check(argc - 2, argv + 2);
    if (strcmp(cmd, "metrics") == 0)
        return cmd_metrics(argc - 2, argv + 2);
    if (strcmp(cmd, "convert") == 0)
        return cmd_convert(argc - 2, argv + 2);
    if (strcmp(cmd, "summary") == 0)
        return cmd_summary(argc - 2, argv + 2);
    fprintf(stderr, "%s: unknown command '%s'\n", program, cmd);
    usage_main(stderr);
    return EXIT_USAGE;
}
