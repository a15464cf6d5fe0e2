/* The JSON outputs of results: the JSON form of a report
 * (hyoka_report_write_json()) and hyoka-metrics/1, every figure of every
 * project with the reason of each one that is unavailable, followed by the
 * report (hyoka_metrics_write()). Written with output.c. */
#include "metrics.h"
#include "output.h"
#include "report.h"
#include "hyoka/json.h"


/* ------------------------------------------------------------------------ */
/* Diagnostics                                                               */

static void write_diagnostics(struct hyoka__json_writer *w, const hyoka_report *report)
{
    hyoka__json_open(w, '[');
    for (size_t i = 0; report && i < report->count && w->out.err == HYOKA_OK; i++) {
        const struct hyoka__diag *d = &report->items[i];
        const char *sev = hyoka_enum_name(HYOKA_ENUM_SEVERITY, d->severity);

        hyoka__json_sep(w);
        hyoka__json_open(w, '{');
        hyoka__json_m_string(w, "code", d->code);
        hyoka__json_m_string_or_null(w, "severity", sev);
        hyoka__json_m_string(w, "path", d->path ? d->path : "");
        if (d->line > 0)
            hyoka__json_m_int(w, "line", d->line);
        else
            hyoka__json_m_null(w, "line");
        if (d->column > 0)
            hyoka__json_m_int(w, "column", d->column);
        else
            hyoka__json_m_null(w, "column");
        hyoka__json_m_string_or_null(w, "message", w->lang == HYOKA_LANG_JA ? d->ja : d->en);
        hyoka__json_close(w, '}');
    }
    hyoka__json_close(w, ']');
}

/* The checks of the entry points' flags and language, then a writer into
 * memory in that language. */
static int start(const char *fn, unsigned flags, int lang, struct hyoka__json_writer *w)
{
    int rc;

    if (flags & ~HYOKA_WRITE_COMPACT)
        return hyoka__fail(HYOKA_EINVAL, "%s: unknown flags 0x%x", fn, flags & ~HYOKA_WRITE_COMPACT);
    rc = hyoka__check_lang(fn, lang);
    if (rc != HYOKA_OK)
        return rc;
    hyoka__json_writer_init(w, !(flags & HYOKA_WRITE_COMPACT), NULL, NULL);
    w->lang = lang;
    return HYOKA_OK;
}

int hyoka_report_write_json(const hyoka_report *report, unsigned flags, int lang, char **out, size_t *len)
{
    struct hyoka__json_writer w;
    int rc;

    HYOKA__CHECK_NULL(report);
    HYOKA__CHECK_NULL(out);
    rc = start(__func__, flags, lang, &w);
    if (rc != HYOKA_OK)
        return rc;
    write_diagnostics(&w, report);
    return hyoka__json_writer_finish(&w, out, len);
}

/* ------------------------------------------------------------------------ */
/* hyoka-metrics/1                                                           */

#define MAX_UNAVAILABLE HYOKA__METRICS_UNAVAILABLE

/* The longest message of a reason with its year; a longer one is written
 * without the year. */
#define REASON_MAX 512

/* The message of a reason for one fiscal year: "no households for 2007"
 * (the phrase "the fiscal year" / 当該年度 replaced by the year), else the
 * message with the year after it: "no usage count (fiscal year 2007)" /
 * "利用数がない（2007年度）". Without a year, the message alone. */
static void put_reason(struct hyoka__json_writer *w, int reason, int32_t fiscal_year)
{
    const char *msg = hyoka_reason_message(reason, w->lang);
    const bool ja = w->lang == HYOKA_LANG_JA;
    const char *phrase = ja ? "当該年度" : "the fiscal year";
    const char *at, *open, *close, *rest;
    size_t pre, n_year = fiscal_year < 0;

    if (!msg)
        msg = hyoka_reason_message(HYOKA_REASON_NONE, w->lang);
    if (!msg || fiscal_year == 0) {
        hyoka__json_put_string(w, msg ? msg : "");
        return;
    }
    /* The message cut in two around the year: before it, what opens and
     * closes the year, and the rest of the message. */
    at = strstr(msg, phrase);
    if (at) {
        pre = (size_t)(at - msg);
        open = "";
        close = ja ? "年度" : "";
        rest = at + strlen(phrase);
    } else {
        pre = strlen(msg);
        open = ja ? "（" : " (fiscal year ";
        close = ja ? "年度）" : ")";
        rest = "";
    }
    for (uint64_t m = hyoka__json_magnitude(fiscal_year); m != 0 || n_year == 0; m /= 10)
        n_year++;
    if (pre + strlen(open) + n_year + strlen(close) + strlen(rest) >= REASON_MAX) {
        hyoka__json_put_string(w, msg);
        return;
    }
    hyoka__json_put_char(w, '"');
    hyoka__json_put_escaped(w, msg, pre);
    hyoka__json_put(w, open, strlen(open));
    hyoka__json_put_int(w, fiscal_year);
    hyoka__json_put(w, close, strlen(close));
    hyoka__json_put_escaped(w, rest, strlen(rest));
    hyoka__json_put_char(w, '"');
}

void hyoka__metrics_unavailable_write(struct hyoka__json_writer *w, const struct hyoka__metrics_unavailable *u,
                                      int32_t fiscal_year)
{
    if (u->count == 0)
        return;
    hyoka__json_key(w, "unavailable");
    hyoka__json_open(w, '{');
    for (int i = 0; i < u->count; i++) {
        hyoka__json_key(w, u->figure[i] < 0 ? "rating" : hyoka__figure_names[u->figure[i]]);
        put_reason(w, u->reason[i], fiscal_year);
    }
    hyoka__json_close(w, '}');
}

/* Write the member of a figure from the result of its computation. */
void hyoka__metrics_figure(struct hyoka__json_writer *w, struct hyoka__metrics_unavailable *u, int figure, int rc,
                           const hyoka_decimal *value, int reason)
{
    hyoka__json_key(w, hyoka__figure_names[figure]);
    if (rc == HYOKA_OK) {
        if (hyoka__is_yen_figure(figure) && hyoka_decimal_scale(value) == 0)
            hyoka__json_put_int(w, hyoka_decimal_coefficient(value));
        else
            hyoka__json_put_decimal(w, value, true);
        return;
    }
    if (rc == HYOKA_EUNAVAILABLE || rc == HYOKA_ERANGE) {
        /* A figure that overflows is unavailable on its own: every other
         * figure is still written. */
        if (rc == HYOKA_ERANGE)
            reason = HYOKA_REASON_OVERFLOW;
        hyoka__json_put(w, "null", 4);
        if (u->count < MAX_UNAVAILABLE) {
            u->figure[u->count] = figure;
            u->reason[u->count] = reason;
            u->count++;
        }
        return;
    }
    hyoka__json_writer_fail(w, rc);
}

static void metrics_year(struct hyoka__json_writer *w, const hyoka_costs *c)
{
    struct hyoka__metrics_unavailable u;
    struct hyoka__year_memo memo = {0};

    u.count = 0;
    hyoka__json_sep(w);
    hyoka__json_open(w, '{');
    hyoka__json_m_int(w, "fiscal_year", c->fiscal_year);
    if (c->phase != HYOKA_UNSET)
        hyoka__json_m_enum(w, "phase", HYOKA_ENUM_PHASE, c->phase);
    else
        hyoka__json_m_null(w, "phase");
    for (int f = 0; f < HYOKA__YEAR_FIGURE_COUNT && w->out.err == HYOKA_OK; f++) {
        hyoka_decimal v = {{0, 0}};
        int reason = HYOKA_REASON_NONE;
        int rc = hyoka__costs_figure_memo(c, f, &w->years, &memo, &v, &reason);

        hyoka__metrics_figure(w, &u, f, rc, &v, reason);
    }
    hyoka__metrics_unavailable_write(w, &u, c->fiscal_year);
    hyoka__json_close(w, '}');
}

static void metrics_indicator(struct hyoka__json_writer *w, const hyoka_indicator *ind)
{
    static const int figures[] = {HYOKA_FIG_ACHIEVEMENT, HYOKA_FIG_CHANGE};

    hyoka__json_sep(w);
    hyoka__json_open(w, '{');
    if (ind->kind != HYOKA_UNSET)
        hyoka__json_m_enum(w, "kind", HYOKA_ENUM_INDICATOR_KIND, ind->kind);
    else
        hyoka__json_m_null(w, "kind");
    hyoka__json_m_string_or_null(w, "name", ind->text[HYOKA_INDICATOR_NAME]);
    hyoka__json_key(w, "values");
    hyoka__json_open(w, '[');
    for (size_t i = 0; i < ind->value_count && w->out.err == HYOKA_OK; i++) {
        int32_t fy = ind->values[i].fiscal_year;
        struct hyoka__metrics_unavailable u;

        u.count = 0;
        hyoka__json_sep(w);
        hyoka__json_open(w, '{');
        hyoka__json_m_int(w, "fiscal_year", fy);
        for (size_t j = 0; j < sizeof figures / sizeof figures[0]; j++) {
            hyoka_decimal v = {{0, 0}};
            int reason = HYOKA_REASON_NONE;
            int rc = hyoka__indicator_figure(ind, fy, figures[j], &v, &reason);

            hyoka__metrics_figure(w, &u, figures[j], rc, &v, reason);
        }
        hyoka__metrics_unavailable_write(w, &u, fy);
        hyoka__json_close(w, '}');
    }
    hyoka__json_close(w, ']');
    hyoka__json_close(w, '}');
}

static void metrics_evaluation(struct hyoka__json_writer *w, const hyoka_evaluation *e)
{
    struct hyoka__metrics_unavailable u;
    hyoka_decimal v = {{0, 0}};
    const char *code = NULL;
    int reason = HYOKA_REASON_NONE;
    int rc;

    u.count = 0;
    hyoka__json_sep(w);
    hyoka__json_open(w, '{');
    if (e->stage != HYOKA_UNSET)
        hyoka__json_m_enum(w, "stage", HYOKA_ENUM_STAGE, e->stage);
    else
        hyoka__json_m_null(w, "stage");
    if (e->fiscal_year != 0)
        hyoka__json_m_int(w, "fiscal_year", e->fiscal_year);
    else
        hyoka__json_m_null(w, "fiscal_year");
    hyoka__json_m_string_or_null(w, "verdict", e->text[HYOKA_EVAL_VERDICT]);
    rc = hyoka__evaluation_score(e, &v, &reason);
    hyoka__metrics_figure(w, &u, HYOKA_FIG_SCORE, rc, &v, reason);
    reason = HYOKA_REASON_NONE;
    rc = hyoka__evaluation_rating(e, &code, NULL, &reason);
    hyoka__json_key(w, "rating");
    if (rc == HYOKA_OK && code) {
        hyoka__json_put_string(w, code);
    } else if (rc == HYOKA_OK || rc == HYOKA_EUNAVAILABLE || rc == HYOKA_ERANGE) {
        hyoka__json_put(w, "null", 4);
        if (rc == HYOKA_OK)
            reason = HYOKA_REASON_NO_BANDS;
        else if (rc == HYOKA_ERANGE)
            reason = HYOKA_REASON_OVERFLOW;
        if (u.count < MAX_UNAVAILABLE) {
            u.figure[u.count] = -1; /* the rating */
            u.reason[u.count] = reason;
            u.count++;
        }
    } else {
        hyoka__json_writer_fail(w, rc);
    }
    hyoka__metrics_unavailable_write(w, &u, e->fiscal_year);
    hyoka__json_close(w, '}');
}

static bool metrics_project_head(struct hyoka__json_writer *w, const hyoka_project *p)
{
    hyoka__json_open(w, '{');
    hyoka__json_m_string_or_null(w, "code", p->text[HYOKA_TEXT_CODE]);
    hyoka__json_m_string_or_null(w, "name", p->text[HYOKA_TEXT_NAME]);
    hyoka__json_key(w, "years");
    hyoka__json_open(w, '[');
    hyoka__year_index_build(&w->years, p);
    for (size_t i = 0; i < p->years.count && w->out.err == HYOKA_OK; i++)
        metrics_year(w, p->years.items[i]);
    hyoka__json_close(w, ']');
    hyoka__json_key(w, "indicators");
    hyoka__json_open(w, '[');
    for (size_t i = 0; i < p->indicators.count && w->out.err == HYOKA_OK; i++)
        metrics_indicator(w, p->indicators.items[i]);
    hyoka__json_close(w, ']');
    hyoka__json_key(w, "evaluations");
    hyoka__json_open(w, '[');
    for (size_t i = 0; i < p->evaluations.count && w->out.err == HYOKA_OK; i++)
        metrics_evaluation(w, p->evaluations.items[i]);
    hyoka__json_close(w, ']');
    hyoka__metrics_records(w, p);
    hyoka__json_key(w, "children");
    hyoka__json_open(w, '[');
    if (p->children.count > 0)
        return true;
    hyoka__json_close(w, ']');
    return false;
}

static void metrics_project_tail(struct hyoka__json_writer *w, const hyoka_project *p)
{
    (void)p;
    hyoka__json_close(w, '}');
}

int hyoka_metrics_write(const hyoka_portfolio *portfolio, const hyoka_report *report, unsigned flags, int lang,
                        char **out, size_t *len)
{
    struct hyoka__json_writer w;
    int rc;

    HYOKA__CHECK_NULL(portfolio);
    HYOKA__CHECK_NULL(out);
    rc = start(__func__, flags, lang, &w);
    if (rc != HYOKA_OK)
        return rc;
    hyoka__json_metrics_head(&w, portfolio, lang);
    for (size_t i = 0; i < portfolio->projects.count && w.out.err == HYOKA_OK; i++)
        hyoka__json_metrics_project(&w, portfolio->projects.items[i]);
    hyoka__json_metrics_tail(&w, report);
    return hyoka__json_writer_finish(&w, out, len);
}

void hyoka__json_metrics_head(struct hyoka__json_writer *w, const hyoka_portfolio *pf, int lang)
{
    w->pf = pf;
    w->lang = lang;
    w->unit = HYOKA_UNIT_YEN;
    hyoka__json_open(w, '{');
    hyoka__json_key(w, "format");
    hyoka__json_put(w, "\"hyoka-metrics/1\"", 17);
    hyoka__json_key(w, "projects");
    hyoka__json_open(w, '[');
}

void hyoka__json_metrics_project(struct hyoka__json_writer *w, const hyoka_project *p)
{
    hyoka__json_write_project_tree(w, p, metrics_project_head, metrics_project_tail);
}

void hyoka__json_metrics_tail(struct hyoka__json_writer *w, const hyoka_report *report)
{
    hyoka__year_index_release(&w->years);
    hyoka__json_close(w, ']');
    hyoka__json_key(w, "diagnostics");
    write_diagnostics(w, report);
    hyoka__json_close(w, '}');
}
