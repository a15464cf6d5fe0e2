/* Private interface of the HTML writer (lib/html/), shared by its files:
 *
 *   out.c          the output buffer and the escaping of document text
 *   format.c       numbers, fiscal years and dates, labels, table cells
 *   chart.c        the two SVG charts and their scales
 *   sections.c     the sections of a project (band, basic information,
 *                  texts, cost table, indicator table, other entries)
 *   evaluations.c  the evaluations of a project
 *   style.c        the style sheet of every page
 *   page.c         a project's page, the portfolio's index page
 *   folder.c       writing the pages into a folder
 *   budget.c       the budget cycle of the national review sheets
 *   logic.c        their logic model, as an SVG diagram
 *   review.c       the amounts the review reflected in the budget request
 *   spending.c     their spending blocks, recipients and contracts
 *
 * The pages are self-contained HTML in the layout of a municipal evaluation
 * sheet (事務事業評価表), with the SVG charts drawn here (docs/html.md).
 * No script, no external resource (no src, no url(), no @import, no web
 * font): the page is one file. Every text from the document goes through
 * hyoka__html_esc() or hyoka__html_esc_ml() (out.c); everything else written
 * is static text of these files or a number they format.
 *
 * Numbers: every printed figure comes from figures.h (hyoka_costs_figure(),
 * hyoka_indicator_figure(), hyoka_evaluation_score/rating(),
 * hyoka_staff_cost()) and is printed with its own places; amounts exactly in
 * the document's unit (format.c). Charts use integer arithmetic only
 * (chart.c).
 *
 * Figures that fail inside a page (unavailable, overflow) are printed as "—"
 * with the reason in a title attribute; they do not fail the page, and the
 * thread's last error is restored to what it was before the call when the
 * page succeeds (page.c). Not installed. */
#ifndef HYOKA_HTML_INTERNAL_H
#define HYOKA_HTML_INTERNAL_H

#include "figures/internal.h"
#include "hyoka/html.h"
#include "hyoka/figures.h"
#include "hyoka/record.h"
#include "util/buf.h"

#include <string.h>

__extension__ typedef __int128 i128;

/* Bit @p field of the presence bits @p bits. */
#define HYOKA__HTML_HAS(bits, field) (((bits) >> (unsigned)(field)) & 1u)

#define HYOKA__HTML_COUNT_OF(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ------------------------------------------------------------------------ */
/* The writer (out.c)                                                        */

struct hyoka__html_frame; /* a step of the sub-project walk (page.c) */

struct hyoka__html_out {
    struct hyoka__buf out;    /* the page; out.err: the first failure (recorded) */
    int lang;                 /* hyoka_lang */
    int unit;                 /* amount unit of the portfolio (hyoka_unit) */
    const hyoka_portfolio *pf;
    unsigned seq;             /* number of the project on the page (data-project) */
    /* scratch, reused across projects */
    size_t *order;            /* cost year indices in fiscal-year order */
    size_t order_cap;
    int32_t *years;           /* fiscal years of a project's indicators */
    size_t years_cap;
    struct hyoka__html_frame *stack; /* sub-project walk */
    size_t stack_cap;
    struct hyoka__year_index yix; /* cost years of the project in the cost table */
};

/* A writer for a page in @p lang of portfolio @p pf (may be NULL). */
void hyoka__html_out_init(struct hyoka__html_out *o, int lang, const hyoka_portfolio *pf);

/* Release the scratch arrays; then hand the page to the caller (*out, and
 * *len when not NULL) and return HYOKA_OK, or free it and return the first
 * failure. */
int hyoka__html_out_take(struct hyoka__html_out *o, char **out, size_t *len);

/* Record @p rc as the page's failure unless one is recorded already. */
static inline void hyoka__html_fail(struct hyoka__html_out *o, int rc)
{
    hyoka__buf_fail(&o->out, rc);
}

/* Static text of these files, or a number they formatted (never document
 * text: that goes through hyoka__html_esc()). Inline, so that the length
 * of a literal is known when compiling. */
static inline void hyoka__html_put(struct hyoka__html_out *o, const char *s, size_t n)
{
    hyoka__buf_put(&o->out, s, n);
}
static inline void hyoka__html_puts(struct hyoka__html_out *o, const char *s)
{
    hyoka__buf_puts(&o->out, s);
}
/* Formatted text (numbers and static markup). */
void hyoka__html_putf(struct hyoka__html_out *o, const char *fmt, ...) HYOKA_PRINTF(2, 3);

/* Grow a scratch array to hold @p n elements of @p elem bytes. */
bool hyoka__html_scratch(struct hyoka__html_out *o, void **items, size_t *cap, size_t n, size_t elem);

/* @p en or @p ja, in the page's language. */
static inline const char *hyoka__html_tr(const struct hyoka__html_out *o, const char *en, const char *ja)
{
    return o->lang == HYOKA_LANG_JA ? ja : en;
}

/* Static text in the page's language: @p en or @p ja. */
static inline void hyoka__html_puts_tr(struct hyoka__html_out *o, const char *en, const char *ja)
{
    hyoka__html_puts(o, hyoka__html_tr(o, en, ja));
}

/* Write document text, HTML-escaped (NULL writes nothing). Line breaks
 * become &#10; (attributes, one-line cells), or <br> with _ml. */
void hyoka__html_esc(struct hyoka__html_out *o, const char *s);
void hyoka__html_esc_ml(struct hyoka__html_out *o, const char *s);

/* ------------------------------------------------------------------------ */
/* Numbers, calendar, labels and cells (format.c)                            */

/* The funding sources in the order of the sheet (vocab.h), then the part
 * of the total that funding does not cover (personnel and other costs):
 * the segments of the cost chart and the funding rows of the cost table.
 * Segment k < HYOKA__HTML_SOURCE_COUNT is cost field HYOKA__FUNDING_FIRST + k. */
#define HYOKA__HTML_SOURCE_COUNT (HYOKA__FUNDING_LAST - HYOKA__FUNDING_FIRST + 1)
#define HYOKA__HTML_SEGMENT_KINDS (HYOKA__HTML_SOURCE_COUNT + 1)

/* The class of segment @p k (a funding source's document name, or "rest"). */
const char *hyoka__html_segment_class(int k);
/* The label of segment @p k in the page's language. */
const char *hyoka__html_segment_label(const struct hyoka__html_out *o, int k);

void hyoka__html_put_decimal(struct hyoka__html_out *o, const hyoka_decimal *d);
/* A 128-bit integer read at @p scale places, with grouping, trailing zeros
 * of the fraction dropped. */
void hyoka__html_put_scaled(struct hyoka__html_out *o, i128 v, int scale);
/* Places of the document's amount unit. */
int hyoka__html_money_scale(const struct hyoka__html_out *o);
void hyoka__html_put_money(struct hyoka__html_out *o, int64_t yen);
const char *hyoka__html_money_unit(const struct hyoka__html_out *o);
/* The unit a per-head figure is printed in. */
const char *hyoka__html_per_head_unit(struct hyoka__html_out *o, int figure);

void hyoka__html_put_fy(struct hyoka__html_out *o, int32_t fy);
void hyoka__html_put_fy_era(struct hyoka__html_out *o, int32_t fy);
void hyoka__html_put_date(struct hyoka__html_out *o, int32_t date);

/* The label of @p value of the enumeration @p which (HYOKA_ENUM_PHASE,
 * _DUTY, _PERIOD, _STAFF_CATEGORY, _INDICATOR_KIND, _DIRECTION, _STAGE,
 * _EXPECTED_OUTCOME, _EXPECTED_COST); @p unset_en / @p unset_ja for a value
 * out of range. */
const char *hyoka__html_enum_label(const struct hyoka__html_out *o, int which, int value, const char *unset_en,
                                   const char *unset_ja);
/* The label of an evaluation comment key; NULL for a key without one. */
const char *hyoka__html_comment_label(const struct hyoka__html_out *o, const char *key);

/* "not given" */
const char *hyoka__html_not_given(const struct hyoka__html_out *o);
/* Why a figure failed: the reason's sentence, or the status. ENOMEM is
 * recorded as the page's failure. */
const char *hyoka__html_why_failed(struct hyoka__html_out *o, int rc, int reason);
/* A "—" in a <@p tag> (class "na" and @p cls) for a figure that cannot be
 * shown, with why in its title. */
void hyoka__html_cell_na(struct hyoka__html_out *o, const char *tag, const char *cls, const char *why);
/* A figure of a cost year in a <td>. */
void hyoka__html_cell_figure(struct hyoka__html_out *o, const hyoka_costs *c, int figure);
/* A field of a cost year as given, in a <td>. */
void hyoka__html_cell_field(struct hyoka__html_out *o, const hyoka_costs *c, int field);
/* A text cell: the text, or an empty cell when missing; @p attrs (may be
 * NULL) is static text. */
void hyoka__html_td_text(struct hyoka__html_out *o, const char *text, const char *attrs);
/* An amount of a record in a <td> (a budget's parts added up on an account
 * row); "—" saying whether it is missing or not applicable. */
void hyoka__html_cell_record_money(struct hyoka__html_out *o, const hyoka_record *r, int field);
/* A figure of a record in a <td>, @p suffix (static text) after a ratio or
 * percentage, marked `differs` when @p printed (may be NULL) is what the
 * sheet printed instead; "—" with the reason when unavailable. */
void hyoka__html_cell_record_figure(struct hyoka__html_out *o, const hyoka_record *r, int figure,
                                    const char *suffix, const hyoka_decimal *printed);

/* ------------------------------------------------------------------------ */
/* Charts (chart.c)                                                          */

/* The cost chart of @p p over its @p n cost years in o->order. */
void hyoka__html_cost_chart(struct hyoka__html_out *o, const hyoka_project *p, size_t n, unsigned seq);
/* The chart of indicator @p ind (number @p index in its project) over the
 * fiscal years @p years[0..ny) where it has a target or an actual. */
void hyoka__html_indicator_chart(struct hyoka__html_out *o, const hyoka_indicator *ind, size_t index, unsigned seq,
                                 const int32_t *years, size_t ny, size_t targets, size_t actuals);

/* ------------------------------------------------------------------------ */
/* Sections of a project (sections.c, evaluations.c)                         */

/* The heading level of a project at @p depth, @p offset below its own. */
int hyoka__html_heading(int depth, int offset);
/* The opening of a section of a project, <section class="@p cls">, and
 * its heading, @p en or @p ja in the page's language. */
void hyoka__html_section_open(struct hyoka__html_out *o, const char *cls, int depth, const char *en, const char *ja);
/* The heading of a row of an info table, <th scope="row">, labelled @p en
 * or @p ja in the page's language, then @p td: the opening of the cell
 * that follows ("<td>"), or "" when the caller writes it. */
void hyoka__html_row_head(struct hyoka__html_out *o, const char *en, const char *ja, const char *td);
/* A row heading, then a cell with the label of @p value of enumeration
 * @p which (hyoka_enum), empty when unset. */
void hyoka__html_enum_cell(struct hyoka__html_out *o, const char *en, const char *ja, int which, int value);
/* The heading of a column, <th scope="col">, labelled @p en or @p ja in the
 * page's language. */
void hyoka__html_col_head(struct hyoka__html_out *o, const char *en, const char *ja);
/* The same for a column of amounts: the label, then the document's money
 * unit in brackets. */
void hyoka__html_money_col_head(struct hyoka__html_out *o, const char *en, const char *ja);

void hyoka__html_header_band(struct hyoka__html_out *o, const hyoka_project *p, int depth);
void hyoka__html_basic_info(struct hyoka__html_out *o, const hyoka_project *p, int depth);
void hyoka__html_texts(struct hyoka__html_out *o, const hyoka_project *p, int depth);
void hyoka__html_costs_section(struct hyoka__html_out *o, const hyoka_project *p, int depth, unsigned seq);
void hyoka__html_indicators_section(struct hyoka__html_out *o, const hyoka_project *p, int depth, unsigned seq);
void hyoka__html_extensions_section(struct hyoka__html_out *o, const hyoka_project *p, int depth);

/* The national review sheets' parts, each written only when the project
 * has them: the budget cycle by budget year and account (budget.c), the
 * logic model as an SVG diagram (logic.c), the amounts the review
 * reflected in the budget request (review.c), the spending blocks with
 * their recipients and contracts (spending.c). */
void hyoka__html_budget_section(struct hyoka__html_out *o, const hyoka_project *p, int depth);
void hyoka__html_logic_model(struct hyoka__html_out *o, const hyoka_project *p, int depth, unsigned seq);
void hyoka__html_reflections_section(struct hyoka__html_out *o, const hyoka_project *p, int depth);
void hyoka__html_spending_section(struct hyoka__html_out *o, const hyoka_project *p, int depth);

void hyoka__html_evaluations_section(struct hyoka__html_out *o, const hyoka_project *p, int depth);
/* The label of a verdict code: the scheme's, else the code itself. */
void hyoka__html_verdict_label(struct hyoka__html_out *o, const hyoka_scheme *s, const char *code);

/* ------------------------------------------------------------------------ */
/* Pages (style.c, page.c)                                                   */

/* Write the style sheet of every page (the content of its <style>). */
void hyoka__html_style_sheet(struct hyoka__html_out *o);

/* The caller's last error, put back when a page succeeds: figures that
 * fail inside the page record their own errors. */
struct hyoka__html_saved_error {
    int code;
    char message[512];
};

void hyoka__html_save_error(struct hyoka__html_saved_error *s);
void hyoka__html_restore_error(const struct hyoka__html_saved_error *s);

#endif
