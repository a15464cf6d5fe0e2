/* html/chart: the two SVG charts of a project page, drawn here: the total
 * cost by fiscal year stacked by funding source, and each indicator's actual
 * against its target.
 *
 * Coordinates use integer arithmetic only: money as 128-bit yen, indicator
 * values as 128-bit integers at 18 decimal places, coordinates in tenths of
 * a viewBox unit. No floating point. Text from the document (an indicator's
 * name and unit) goes through hyoka__html_esc() like everywhere else. */
#include "html_internal.h"

#include <string.h>

/* ------------------------------------------------------------------------ */
/* Coordinates and axis labels                                               */

/* Tenths of a viewBox unit, as "12.3". */
static void put_tenths(struct hyoka__html_out *o, int64_t v)
{
    if (v < 0) {
        hyoka__html_puts(o, "-");
        v = -v;
    }
    if (v % 10)
        hyoka__html_putf(o, "%lld.%d", (long long)(v / 10), (int)(v % 10));
    else
        hyoka__html_putf(o, "%lld", (long long)(v / 10));
}

/* A short label for axes: H19 / 2007. */
static void put_fy_short(struct hyoka__html_out *o, int32_t fy)
{
    char b[HYOKA_CALENDAR_STRING_MAX];
    size_t n = 0;

    if (o->lang == HYOKA_LANG_JA &&
        hyoka_fiscal_year_format(fy, HYOKA_CAL_FMT_ABBREV | HYOKA_CAL_FMT_NO_SUFFIX, b, sizeof b, &n) == HYOKA_OK)
        hyoka__html_put(o, b, n);
    else
        hyoka__html_putf(o, "%ld", (long)fy);
}

/* ------------------------------------------------------------------------ */
/* Scales                                                                    */

/* The smallest "nice" number ≥ @p target (≥ 1): 1, 2, 2.5, 5 × 10^k, in
 * the integer units of the data (2.5 only where it is whole). */
static i128 nice_at_least(i128 target)
{
    i128 p = 1;

    for (;;) {
        if (p >= target)
            return p;
        if (2 * p >= target)
            return 2 * p;
        if (p >= 10 && p / 10 * 25 >= target)
            return p / 10 * 25;
        if (5 * p >= target)
            return 5 * p;
        p *= 10;
    }
}

struct axis {
    i128 lo, hi, step; /* lo ≤ 0 ≤ hi, both multiples of step */
    int ticks;         /* (hi − lo) / step */
};

/* An axis that holds 0, @p lo and @p hi, with about four steps. @p one is
 * the value shown as 1 (used when all the data is 0). */
static void make_axis(i128 lo, i128 hi, i128 one, struct axis *a)
{
    i128 range, step;

    if (lo > 0)
        lo = 0;
    if (hi < 0)
        hi = 0;
    if (hi == lo)
        hi = one;
    range = hi - lo;
    step = nice_at_least((range + 3) / 4);
    if (step < 1)
        step = 1;
    a->step = step;
    a->hi = (hi + step - 1) / step * step;
    a->lo = lo < 0 ? -((-lo + step - 1) / step * step) : 0;
    a->ticks = (int)((a->hi - a->lo) / step);
}

/* @p num × @p len ÷ @p den for 0 ≤ num ≤ den, den > 0, without overflow. */
static int64_t scale_to(i128 num, i128 den, int64_t len)
{
    if (num < 0)
        num = 0;
    if (num > den)
        num = den;
    while (den > ((i128)1 << 100)) {
        num >>= 1;
        den >>= 1;
    }
    if (den <= 0)
        return 0;
    return (int64_t)(num * (i128)len / den);
}

/* y (tenths) of value @p v on an axis drawn from @p top to @p bottom. */
static int64_t y_of(const struct axis *a, i128 v, int64_t top, int64_t bottom)
{
    return top + scale_to(a->hi - v, a->hi - a->lo, bottom - top);
}

/* Gridlines and tick labels; labels read at @p scale places. */
static void draw_grid(struct hyoka__html_out *o, const struct axis *a, int scale, int64_t left, int64_t right,
                      int64_t top, int64_t bottom)
{
    hyoka__html_puts(o, "<g class=\"grid\">");
    for (int k = 0; k <= a->ticks; k++) {
        i128 v = a->lo + a->step * k;
        int64_t y = y_of(a, v, top, bottom);
        hyoka__html_putf(o, "<line class=\"%s\" x1=\"", v == 0 ? "zero" : "gridline");
        put_tenths(o, left);
        hyoka__html_puts(o, "\" x2=\"");
        put_tenths(o, right);
        hyoka__html_puts(o, "\" y1=\"");
        put_tenths(o, y);
        hyoka__html_puts(o, "\" y2=\"");
        put_tenths(o, y);
        hyoka__html_puts(o, "\"/><text class=\"tick\" x=\"");
        put_tenths(o, left - 60);
        hyoka__html_puts(o, "\" y=\"");
        put_tenths(o, y + 35);
        hyoka__html_puts(o, "\">");
        hyoka__html_put_scaled(o, v, scale);
        hyoka__html_puts(o, "</text>");
    }
    hyoka__html_puts(o, "</g>");
}

/* Year labels along the x axis, thinned out when the columns are narrow.
 * @p col is the column width in tenths. */
static void draw_year_label(struct hyoka__html_out *o, int32_t fy, int index, int64_t x, int64_t y, int64_t col,
                            const char *phase)
{
    int64_t every = col >= 260 ? 1 : (260 + col - 1) / (col > 0 ? col : 1);

    if (every > 1 && index % every != 0)
        return;
    hyoka__html_puts(o, "<text class=\"year-label\" x=\"");
    put_tenths(o, x);
    hyoka__html_puts(o, "\" y=\"");
    put_tenths(o, y);
    hyoka__html_puts(o, "\">");
    if (col >= 700)
        hyoka__html_put_fy(o, fy);
    else
        put_fy_short(o, fy);
    hyoka__html_puts(o, "</text>");
    if (phase && col >= 450) {
        hyoka__html_puts(o, "<text class=\"phase-label\" x=\"");
        put_tenths(o, x);
        hyoka__html_puts(o, "\" y=\"");
        put_tenths(o, y + 140);
        hyoka__html_puts(o, "\">");
        hyoka__html_puts(o, phase);
        hyoka__html_puts(o, "</text>");
    }
}

/* ------------------------------------------------------------------------ */
/* Chart 1: total cost by fiscal year, stacked by funding source             */

struct segments {
    int count;
    int kind[HYOKA__HTML_SEGMENT_KINDS];
    i128 value[HYOKA__HTML_SEGMENT_KINDS];
    i128 pos, neg; /* sums of the positive and of the negative segments */
};

/* The non-zero segments of one cost year: the funding sources given, and
 * the part of the total cost they do not cover (when the total exists). */
static void year_segments(struct hyoka__html_out *o, const hyoka_costs *c, struct segments *s)
{
    hyoka_decimal total;
    int reason = HYOKA_REASON_NONE;
    i128 funded = 0;
    int rc;

    memset(s, 0, sizeof *s);
    for (int k = 0; k < HYOKA__HTML_SOURCE_COUNT; k++) {
        int f = HYOKA__FUNDING_FIRST + k;
        if (!HYOKA__HTML_HAS(c->present, f))
            continue;
        funded += c->value[f];
        if (c->value[f] != 0) {
            s->kind[s->count] = k;
            s->value[s->count++] = c->value[f];
        }
    }
    rc = hyoka__costs_figure(c, HYOKA_FIG_TOTAL_COST, &total, &reason);
    if (rc == HYOKA_ENOMEM)
        hyoka__html_fail(o, rc);
    if (rc == HYOKA_OK) {
        i128 rest = (i128)hyoka_decimal_coefficient(&total) - funded;
        if (rest != 0) {
            s->kind[s->count] = HYOKA__HTML_SOURCE_COUNT;
            s->value[s->count++] = rest;
        }
    }
    for (int k = 0; k < s->count; k++) {
        if (s->value[k] > 0)
            s->pos += s->value[k];
        else
            s->neg += s->value[k];
    }
}

/* Cost chart geometry (tenths of a unit). */
#define CC_W 7200
#define CC_H 2500
#define CC_LEFT 820
#define CC_RIGHT 7100
#define CC_TOP 300
#define CC_BOTTOM 2040

void hyoka__html_cost_chart(struct hyoka__html_out *o, const hyoka_project *p, size_t n, unsigned seq)
{
    struct segments s;
    struct axis a;
    i128 hi = 0, lo = 0;
    size_t total_segments = 0;
    bool used[HYOKA__HTML_SEGMENT_KINDS] = {false};
    int64_t col, bar;

    for (size_t i = 0; i < n; i++) {
        year_segments(o, p->years.items[o->order[i]], &s);
        if (s.pos > hi)
            hi = s.pos;
        if (s.neg < lo)
            lo = s.neg;
        total_segments += (size_t)s.count;
        for (int k = 0; k < s.count; k++)
            used[s.kind[k]] = true;
    }
    make_axis(lo, hi, o->unit == HYOKA_UNIT_THOUSAND_YEN ? 1000 : 1, &a);
    col = (CC_RIGHT - CC_LEFT) / (int64_t)n;
    bar = col * 6 / 10;
    if (bar > 900)
        bar = 900;

    hyoka__html_putf(o, "<figure class=\"chart cost-chart\" data-project=\"%u\">\n", seq);
    hyoka__html_putf(o,
                     "<svg class=\"chart-svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" data-project=\"%u\" "
                     "data-years=\"%zu\" data-segments=\"%zu\" aria-label=\"",
                     CC_W / 10, CC_H / 10, seq, n, total_segments);
    hyoka__html_puts_tr(o, "Total cost by fiscal year, by funding source (", "トータルコストの推移（財源別、");
    hyoka__html_puts(o, hyoka__html_money_unit(o));
    hyoka__html_puts_tr(o, "): ", "）: ");
    for (size_t i = 0; i < n; i++) {
        const hyoka_costs *c = p->years.items[o->order[i]];
        hyoka_decimal t;
        int reason = HYOKA_REASON_NONE;
        if (i)
            hyoka__html_puts_tr(o, "; ", "、");
        hyoka__html_put_fy(o, c->fiscal_year);
        hyoka__html_puts(o, " ");
        if (hyoka__costs_figure(c, HYOKA_FIG_TOTAL_COST, &t, &reason) == HYOKA_OK)
            hyoka__html_put_money(o, hyoka_decimal_coefficient(&t));
        else
            hyoka__html_puts(o, "\xE2\x80\x94");
    }
    hyoka__html_puts(o, "\">\n<title>");
    hyoka__html_puts_tr(o, "Total cost by fiscal year, stacked by funding source", "トータルコストの推移（財源別）");
    hyoka__html_puts(o, "</title>\n");
    draw_grid(o, &a, hyoka__html_money_scale(o), CC_LEFT, CC_RIGHT, CC_TOP, CC_BOTTOM);
    hyoka__html_puts(o, "<text class=\"axis-unit\" x=\"");
    put_tenths(o, CC_LEFT - 60);
    hyoka__html_puts(o, "\" y=\"");
    put_tenths(o, CC_TOP - 160);
    hyoka__html_puts(o, "\">(");
    hyoka__html_puts(o, hyoka__html_money_unit(o));
    hyoka__html_puts(o, ")</text>\n");

    for (size_t i = 0; i < n; i++) {
        const hyoka_costs *c = p->years.items[o->order[i]];
        int64_t x = CC_LEFT + col * (int64_t)i + (col - bar) / 2;
        i128 up = 0, down = 0;

        year_segments(o, c, &s);
        hyoka__html_putf(o, "<g class=\"year\" data-fiscal-year=\"%ld\" data-segments=\"%d\">", (long)c->fiscal_year,
                         s.count);
        for (int k = 0; k < s.count; k++) {
            i128 v = s.value[k], from, to;
            int64_t y1, y2;
            if (v > 0) {
                from = up;
                to = up + v;
                up = to;
            } else {
                from = down;
                to = down + v;
                down = to;
            }
            y1 = y_of(&a, from > to ? from : to, CC_TOP, CC_BOTTOM);
            y2 = y_of(&a, from > to ? to : from, CC_TOP, CC_BOTTOM);
            hyoka__html_putf(o, "<rect class=\"bar seg-%s\" x=\"", hyoka__html_segment_class(s.kind[k]));
            put_tenths(o, x);
            hyoka__html_puts(o, "\" y=\"");
            put_tenths(o, y1);
            hyoka__html_puts(o, "\" width=\"");
            put_tenths(o, bar);
            hyoka__html_puts(o, "\" height=\"");
            put_tenths(o, y2 - y1);
            hyoka__html_puts(o, "\"><title>");
            hyoka__html_put_fy(o, c->fiscal_year);
            hyoka__html_puts(o, " ");
            hyoka__html_puts(o, hyoka__html_segment_label(o, s.kind[k]));
            hyoka__html_puts(o, " ");
            hyoka__html_put_scaled(o, v, hyoka__html_money_scale(o));
            hyoka__html_puts(o, " ");
            hyoka__html_puts(o, hyoka__html_money_unit(o));
            hyoka__html_puts(o, "</title></rect>");
        }
        draw_year_label(o, c->fiscal_year, (int)i, CC_LEFT + col * (int64_t)i + col / 2, CC_BOTTOM + 150, col,
                        c->phase >= 0 ? hyoka__html_enum_label(o, HYOKA_ENUM_PHASE, c->phase, "", "") : NULL);
        hyoka__html_puts(o, "</g>\n");
    }
    hyoka__html_puts(o, "<line class=\"axis\" x1=\"");
    put_tenths(o, CC_LEFT);
    hyoka__html_puts(o, "\" x2=\"");
    put_tenths(o, CC_LEFT);
    hyoka__html_puts(o, "\" y1=\"");
    put_tenths(o, CC_TOP);
    hyoka__html_puts(o, "\" y2=\"");
    put_tenths(o, CC_BOTTOM);
    hyoka__html_puts(o, "\"/>\n</svg>\n<figcaption>");
    hyoka__html_puts_tr(o, "Total cost by fiscal year, stacked by funding source. ",
                        "トータルコストの推移（財源内訳別の積み上げ）。");
    hyoka__html_puts_tr(o, "The part of the total not covered by funding sources is personnel and other costs.",
                        "財源内訳で賄われない部分は人件費・その他として示す。");
    hyoka__html_puts(o, "</figcaption>\n<ul class=\"legend\">");
    for (int k = 0; k < HYOKA__HTML_SEGMENT_KINDS; k++) {
        if (!used[k])
            continue;
        hyoka__html_putf(o, "<li><span class=\"swatch seg-%s\"></span>", hyoka__html_segment_class(k));
        hyoka__html_puts(o, hyoka__html_segment_label(o, k));
        hyoka__html_puts(o, "</li>");
    }
    if (total_segments == 0) {
        hyoka__html_puts(o, "<li>");
        hyoka__html_puts_tr(o, "no amounts to draw", "描く金額なし");
        hyoka__html_puts(o, "</li>");
    }
    hyoka__html_puts(o, "</ul>\n</figure>\n");
}

/* ------------------------------------------------------------------------ */
/* Chart 2: an indicator's actual against its target                         */

/* An exact decimal as an integer at 18 places (fits: |coefficient| < 2^63). */
static i128 dec18(const hyoka_decimal *d)
{
    i128 v = hyoka_decimal_coefficient(d);
    for (int k = hyoka_decimal_scale(d); k < HYOKA_DECIMAL_MAX_SCALE; k++)
        v *= 10;
    return v;
}

#define IC_W 3600
#define IC_H 2000
#define IC_LEFT 640
#define IC_RIGHT 3480
#define IC_TOP 260
#define IC_BOTTOM 1620

/* Draw the chart of indicator @p ind over the fiscal years @p years[0..ny)
 * (the ones where it has a target or an actual). */
void hyoka__html_indicator_chart(struct hyoka__html_out *o, const hyoka_indicator *ind, size_t index, unsigned seq,
                                 const int32_t *years, size_t ny, size_t targets, size_t actuals)
{
    static const int fields[2] = {HYOKA_VALUE_TARGET, HYOKA_VALUE_ACTUAL};
    static const char *const cls[2] = {"target", "actual"};
    const char *name = ind->text[HYOKA_INDICATOR_NAME];
    const char *unit = ind->text[HYOKA_INDICATOR_UNIT];
    i128 lo = 0, hi = 0;
    struct axis a;
    int64_t col;

    for (size_t i = 0; i < ny; i++) {
        for (int f = 0; f < 2; f++) {
            hyoka_decimal d;
            if (hyoka_indicator_value(ind, years[i], fields[f], &d) == 1) {
                i128 v = dec18(&d);
                if (v > hi)
                    hi = v;
                if (v < lo)
                    lo = v;
            }
        }
    }
    make_axis(lo, hi, (i128)1000000000000000000LL, &a);
    col = (IC_RIGHT - IC_LEFT) / (int64_t)ny;

    hyoka__html_putf(o, "<figure class=\"chart indicator-chart\" data-project=\"%u\" data-indicator=\"%zu\">\n", seq,
                     index);
    hyoka__html_putf(o,
                     "<svg class=\"chart-svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" data-project=\"%u\" "
                     "data-indicator=\"%zu\" data-targets=\"%zu\" data-actuals=\"%zu\" aria-label=\"",
                     IC_W / 10, IC_H / 10, seq, index, targets, actuals);
    hyoka__html_esc(o, name ? name : hyoka__html_tr(o, "(indicator without a name)", "（名称なし）"));
    hyoka__html_puts_tr(o, ": actual against target", ": 実績値と目標値");
    if (unit) {
        hyoka__html_puts(o, " (");
        hyoka__html_esc(o, unit);
        hyoka__html_puts(o, ")");
    }
    hyoka__html_puts(o, "\">\n<title>");
    hyoka__html_esc(o, name ? name : hyoka__html_tr(o, "(indicator without a name)", "（名称なし）"));
    hyoka__html_puts_tr(o, ": actual against target", ": 実績値と目標値");
    hyoka__html_puts(o, "</title>\n");
    draw_grid(o, &a, HYOKA_DECIMAL_MAX_SCALE, IC_LEFT, IC_RIGHT, IC_TOP, IC_BOTTOM);
    if (unit) {
        hyoka__html_puts(o, "<text class=\"axis-unit\" x=\"");
        put_tenths(o, IC_LEFT - 60);
        hyoka__html_puts(o, "\" y=\"");
        put_tenths(o, IC_TOP - 150);
        hyoka__html_puts(o, "\">(");
        hyoka__html_esc(o, unit);
        hyoka__html_puts(o, ")</text>\n");
    }
    for (size_t i = 0; i < ny; i++)
        draw_year_label(o, years[i], (int)i, IC_LEFT + col * (int64_t)i + col / 2, IC_BOTTOM + 150, col, NULL);

    /* Lines first, then the points over them: target, then actual. */
    for (int f = 0; f < 2; f++) {
        size_t drawn = 0;
        for (size_t i = 0; i < ny; i++) {
            hyoka_decimal d;
            if (hyoka_indicator_value(ind, years[i], fields[f], &d) != 1)
                continue;
            if (drawn == 0)
                hyoka__html_putf(o, "<polyline class=\"line %s\" points=\"", cls[f]);
            else
                hyoka__html_puts(o, " ");
            put_tenths(o, IC_LEFT + col * (int64_t)i + col / 2);
            hyoka__html_puts(o, ",");
            put_tenths(o, y_of(&a, dec18(&d), IC_TOP, IC_BOTTOM));
            drawn++;
        }
        if (drawn)
            hyoka__html_puts(o, "\"/>\n");
    }
    for (int f = 0; f < 2; f++) {
        for (size_t i = 0; i < ny; i++) {
            hyoka_decimal d;
            if (hyoka_indicator_value(ind, years[i], fields[f], &d) != 1)
                continue;
            hyoka__html_putf(o, "<circle class=\"point %s\" cx=\"", cls[f]);
            put_tenths(o, IC_LEFT + col * (int64_t)i + col / 2);
            hyoka__html_puts(o, "\" cy=\"");
            put_tenths(o, y_of(&a, dec18(&d), IC_TOP, IC_BOTTOM));
            hyoka__html_puts(o, "\" r=\"3.5\"><title>");
            hyoka__html_put_fy(o, years[i]);
            hyoka__html_puts(o, " ");
            hyoka__html_puts(o, f == 0 ? hyoka__html_tr(o, "target", "目標値") : hyoka__html_tr(o, "actual", "実績値"));
            hyoka__html_puts(o, " ");
            hyoka__html_put_decimal(o, &d);
            if (unit) {
                hyoka__html_puts(o, " ");
                hyoka__html_esc(o, unit);
            }
            hyoka__html_puts(o, "</title></circle>");
        }
    }
    hyoka__html_puts(o, "<line class=\"axis\" x1=\"");
    put_tenths(o, IC_LEFT);
    hyoka__html_puts(o, "\" x2=\"");
    put_tenths(o, IC_LEFT);
    hyoka__html_puts(o, "\" y1=\"");
    put_tenths(o, IC_TOP);
    hyoka__html_puts(o, "\" y2=\"");
    put_tenths(o, IC_BOTTOM);
    hyoka__html_puts(o, "\"/>\n</svg>\n<figcaption>");
    hyoka__html_esc(o, name ? name : hyoka__html_tr(o, "(indicator without a name)", "（名称なし）"));
    hyoka__html_puts(o, "</figcaption>\n<ul class=\"legend\">");
    if (actuals) {
        hyoka__html_puts(o, "<li><span class=\"swatch line-actual\"></span>");
        hyoka__html_puts_tr(o, "actual", "実績値");
        hyoka__html_puts(o, "</li>");
    }
    if (targets) {
        hyoka__html_puts(o, "<li><span class=\"swatch line-target\"></span>");
        hyoka__html_puts_tr(o, "target", "目標値");
        hyoka__html_puts(o, "</li>");
    }
    hyoka__html_puts(o, "</ul>\n</figure>\n");
}

