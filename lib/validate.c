/* Validation of a portfolio: hyoka_validate().
 *
 * One pass over the portfolio in document order — every project, its cost
 * years, indicators, evaluations and sub-projects (walked with a stack of
 * its own, however deep they nest) — appending
 * a diagnostic for every problem found. Nothing is changed and nothing is
 * cached. docs/validation.md states every rule precisely; the comments
 * below only say how each is computed.
 *
 * Order. Diagnostics come in the order in which their locations appear in
 * the hyoka/1 form of the document (members in the order that form writes
 * them); a diagnostic on an object comes before those on its members, and
 * several diagnostics on one location come in catalog order.
 *
 * Stated figures are checked by the figures themselves
 * (figures/stated.c): the same functions as hyoka_costs_figure() and
 * hyoka_indicator_figure(), with the stated figure's places and unit. */
#include "figures/internal.h"
#include "hyoka/figures.h"
#include "hyoka/report.h"
#include "lookup.h"
#include "model.h"
#include "report_internal.h"
#include "util/jsonptr.h"
#include "validate.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MESSAGE_MAX 1024
#define QUOTE_MAX 96
/* Later years named in an E002 message before "…". */
#define E002_YEARS_LISTED 6

/* ------------------------------------------------------------------------ */
/* Paths (JSON pointers, util/jsonptr.h)                                     */

/* Append "/key". */
static int path_key(struct hyoka__buf *p, const char *key)
{
    return hyoka__jsonptr_key(p, key, strlen(key));
}

/* Append "/key/index". */
static int path_index(struct hyoka__buf *p, const char *key, size_t index)
{
    int rc = path_key(p, key);
    return rc == HYOKA_OK ? hyoka__jsonptr_index(p, index) : rc;
}

/* ------------------------------------------------------------------------ */
/* Context and emission                                                      */

/* Drop an incomplete UTF-8 sequence at the end of a string (left there by
 * a truncating snprintf). */
static void utf8_cut_partial(char *buf)
{
    size_t len = strlen(buf), i = len, need;
    unsigned char lead;
    while (i > 0 && ((unsigned char)buf[i - 1] & 0xC0u) == 0x80u)
        i--;
    if (i == 0) {
        buf[0] = '\0';
        return;
    }
    lead = (unsigned char)buf[i - 1];
    need = lead >= 0xF0u ? 4 : lead >= 0xE0u ? 3 : lead >= 0xC0u ? 2 : 1;
    if (i - 1 + need > len)
        buf[i - 1] = '\0';
}

/* After snprintf wrote @p written bytes (or wanted to) into buf[size]. */
static void utf8_trim(char *buf, int written, size_t size)
{
    if (written < 0)
        buf[0] = '\0';
    else if ((size_t)written >= size)
        utf8_cut_partial(buf);
}

/* Add a diagnostic (validate.h): emit(c, member, HYOKA__MSG(C001), the
 * template's arguments...). */
#define emit hyoka__validate_emit

int hyoka__validate_emit(struct hyoka__vctx *c, const char *member, int code, const char *fmt_en, const char *fmt_ja,
                         ...)
{
    size_t mark = c->path.len;
    va_list ap;
    int rc = HYOKA_OK;

    if (!hyoka__report_admit(c->report, hyoka__codes[code].code, hyoka__code_severity(code)))
        return HYOKA_OK;
    if (member)
        rc = path_key(&c->path, member);
    if (rc == HYOKA_OK) {
        va_start(ap, fmt_ja);
        rc = hyoka__report_vput(c->report, code, hyoka__buf_str(&c->path), 0, 0, fmt_en, fmt_ja, ap);
        va_end(ap);
    }
    hyoka__jsonptr_cut(&c->path, mark);
    return rc;
}

/* emit() for a code with a detail template, the detail ready. */
static int emit_detail(struct hyoka__vctx *c, const char *member, int code, const char *en, const char *ja)
{
    size_t mark = c->path.len;
    int rc = HYOKA_OK;

    if (!hyoka__report_admit(c->report, hyoka__codes[code].code, hyoka__code_severity(code)))
        return HYOKA_OK;
    if (member)
        rc = path_key(&c->path, member);
    if (rc == HYOKA_OK)
        rc = hyoka__report_put_detail(c->report, code, hyoka__buf_str(&c->path), 0, 0, en, ja);
    hyoka__jsonptr_cut(&c->path, mark);
    return rc;
}

#define MSG(buf, ...) utf8_trim((buf), snprintf((buf), sizeof(buf), __VA_ARGS__), sizeof(buf))

/* Append formatted text to buf (size bytes, *len used), cutting on a code
 * point boundary when it is full. */
static void append(char *buf, size_t size, size_t *len, const char *fmt, ...) HYOKA_PRINTF(4, 5);
static void append(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
    va_list ap;
    int n;
    if (*len + 1 >= size)
        return;
    va_start(ap, fmt);
    n = vsnprintf(buf + *len, size - *len, fmt, ap);
    va_end(ap);
    if (n < 0) {
        buf[*len] = '\0';
        return;
    }
    if ((size_t)n >= size - *len) {
        utf8_cut_partial(buf);
        *len = strlen(buf);
        return;
    }
    *len += (size_t)n;
}

/* A user string cut to at most QUOTE_MAX bytes on a code point boundary. */
static void shorten(const char *s, char *out, size_t size)
{
    size_t n = strlen(s);
    size_t max = size - 4; /* room for "…" and NUL */
    if (n < size) {
        memcpy(out, s, n + 1);
        return;
    }
    n = max;
    while (n > 0 && ((unsigned char)s[n] & 0xC0u) == 0x80u)
        n--;
    memcpy(out, s, n);
    memcpy(out + n, "\xE2\x80\xA6", 4);
}

/* ------------------------------------------------------------------------ */
/* Number formatting for messages                                            */

static void fmt_dec(const hyoka_decimal *d, unsigned flags, char *buf, size_t size)
{
    if (hyoka_decimal_format(d, flags, buf, size, NULL) != HYOKA_OK)
        snprintf(buf, size, "?");
}

void hyoka__validate_money(const struct hyoka__vctx *c, int64_t yen, struct hyoka__vmoney *m)
{
    hyoka_decimal d = hyoka_decimal_from_int(yen);
    char num[HYOKA_DECIMAL_STRING_MAX];
    int thousand = c->amount_unit == HYOKA_UNIT_THOUSAND_YEN;
    if (thousand) {
        int64_t coef = yen;
        int scale = 3;
        while (scale > 0 && coef % 10 == 0) {
            coef /= 10;
            scale--;
        }
        hyoka_decimal_from_parts(coef, scale, &d);
    }
    fmt_dec(&d, HYOKA_DECIMAL_FMT_GROUPING, num, sizeof num);
    snprintf(m->en, sizeof m->en, "%s%s", num, thousand ? " thousand yen" : " yen");
    snprintf(m->ja, sizeof m->ja, "%s%s", num, thousand ? "千円" : "円");
}

/* A date YYYYMMDD (day 00 for a month) as 2008-05-15 or 2008-05. */
static void fmt_date(int32_t date, char *buf, size_t size)
{
    if (date % 100 == 0)
        snprintf(buf, size, "%04d-%02d", (int)(date / 10000), (int)(date / 100 % 100));
    else
        snprintf(buf, size, "%04d-%02d-%02d", (int)(date / 10000), (int)(date / 100 % 100), (int)(date % 100));
}

/* ------------------------------------------------------------------------ */
/* Figures                                                                   */

/* Outcome of computing a money figure for a check. */
enum {
    FIG_OK = 0,      /* computed */
    FIG_NONE = 1,    /* unavailable: not compared */
    FIG_OVERFLOW = 2 /* beyond 64-bit yen (C009): not compared */
};

/* A money figure of a cost year in yen; FIG_NONE when unavailable.
 * Returns a negative status only for failures that must stop validation. */
static int money_figure(const hyoka_costs *y, int figure, int64_t *yen)
{
    int why = HYOKA_REASON_NONE;
    int rc = hyoka__costs_money(y, figure, yen, &why);
    if (rc == HYOKA_ENOMEM)
        return rc;
    return rc == HYOKA_OK ? FIG_OK : rc == HYOKA_ERANGE ? FIG_OVERFLOW : FIG_NONE;
}

/* C003, C004, C005, I003, B003. */
int hyoka__validate_stated(struct hyoka__vctx *c, int code, const char *member, const char *name_en,
                           const char *name_ja, const hyoka_decimal *stated, const hyoka_decimal *computed,
                           const char *unit_en, const char *unit_ja)
{
    char s[HYOKA_DECIMAL_STRING_MAX], v[HYOKA_DECIMAL_STRING_MAX];
    char tol_en[64] = "", tol_ja[64] = "";
    char en[MESSAGE_MAX], ja[MESSAGE_MAX];
    fmt_dec(stated, 0, s, sizeof s);
    fmt_dec(computed, 0, v, sizeof v);
    if (c->tolerance > 0) {
        MSG(tol_en, ", beyond the tolerance of %lld in the last place", (long long)c->tolerance);
        MSG(tol_ja, "(許容差: 最終桁で%lld)", (long long)c->tolerance);
    }
    MSG(en, "stated %s %s differs from the computed %s%s%s", name_en, s, v, unit_en, tol_en);
    MSG(ja, "記載の%s %s%sが計算値 %s%sと一致しない%s", name_ja, s, unit_ja, v, unit_ja, tol_ja);
    return emit_detail(c, member, code, en, ja);
}

/* ------------------------------------------------------------------------ */
/* Cost years                                                                */

static int check_negative(struct hyoka__vctx *c, const hyoka_costs *y, int field)
{
    const char *key = hyoka__cost_field_names[field];
    struct hyoka__vmoney m;
    if (!(y->present & (1u << field)) || y->value[field] >= 0)
        return HYOKA_OK;
    hyoka__validate_money(c, y->value[field], &m);
    return emit(c, key, HYOKA__MSG(C002), key, hyoka__cost_field_ja[field], m.en, m.ja);
}

static int population_given_elsewhere(const struct hyoka__vctx *c)
{
    for (size_t i = 0; i < c->pf->denominator_count; i++)
        if (c->pf->denominators[i].present & 1u)
            return 1;
    return 0;
}

/* Whether a stated staff amount is @p computed as a sheet in thousand yen
 * prints it: whole thousand yen by @p in_thousands. */
static bool sheet_rounding(const struct hyoka__vctx *c, int64_t computed, int64_t amount,
                           const struct hyoka__rounding *in_thousands)
{
    hyoka_decimal q;
    int64_t rounded;
    return c->amount_unit == HYOKA_UNIT_THOUSAND_YEN && hyoka__money_in_unit(computed, in_thousands, &q) == HYOKA_OK &&
           hyoka_yen_mul(hyoka_decimal_coefficient(&q), 1000, &rounded) == HYOKA_OK && rounded == amount;
}

/* C009 and C003 on staff line @p k. @p in_thousands: whole thousand yen
 * by the PERSONNEL rule's mode. */
static int check_staff(struct hyoka__vctx *c, const hyoka_costs *y, size_t k,
                       const struct hyoka__rounding *in_thousands)
{
    const hyoka_staff *st = y->staff.items[k];
    uint32_t pr = st->present;
    int by_fte = (pr & (1u << HYOKA_STAFF_FTE)) && (pr & (1u << HYOKA_STAFF_UNIT_COST));
    int by_hours = (pr & (1u << HYOKA_STAFF_HOURS)) && (pr & (1u << HYOKA_STAFF_HOURLY_RATE));
    const char *by_en = by_fte ? "FTE × unit cost" : "hours × hourly rate", *by_ja = by_fte ? "人工×単価" : "時間×時間単価";
    int64_t amount, computed;
    int reason = 0, rc;
    bool over;
    size_t mark;
    struct hyoka__vmoney mc, ma;
    char en[MESSAGE_MAX], ja[MESSAGE_MAX];

    if (!(by_fte || by_hours))
        return HYOKA_OK;
    rc = hyoka__staff_cost(st, &computed, &reason);
    if (rc == HYOKA_ENOMEM)
        return rc;
    if (rc == HYOKA_ERANGE) {
        MSG(en, "the cost of staff line %zu (%s)", k, by_en);
        MSG(ja, "人件費の行%zuの金額(%s)", k, by_ja);
    } else {
        if (rc != HYOKA_OK || !(pr & (1u << HYOKA_STAFF_AMOUNT)))
            return HYOKA_OK;
        amount = st->amount[HYOKA_STAFF_AMOUNT - 3];
        if (computed == amount || sheet_rounding(c, computed, amount, in_thousands))
            return HYOKA_OK;
        hyoka__validate_money(c, computed, &mc);
        hyoka__validate_money(c, amount, &ma);
        MSG(en, "staff line %zu costs %s by %s but states an amount of %s", k, mc.en, by_en, ma.en);
        MSG(ja, "人件費の行%zu: %sでは%sだが、記載の金額は%s", k, by_ja, mc.ja, ma.ja);
    }
    over = rc == HYOKA_ERANGE;
    mark = c->path.len;
    rc = path_index(&c->path, "staff", k);
    if (rc == HYOKA_OK)
        rc = over ? emit(c, NULL, HYOKA__MSG(C009), en, ja) : emit(c, NULL, HYOKA__MSG(C003), en, ja);
    hyoka__jsonptr_cut(&c->path, mark);
    return rc;
}

static int check_stated(struct hyoka__vctx *c, const hyoka_costs *y)
{
    size_t mark = c->path.len;
    int rc = HYOKA_OK;

    if (!y->stated_present)
        return HYOKA_OK;
    for (int f = 0; f < HYOKA__YEAR_FIGURE_COUNT && rc == HYOKA_OK; f++) {
        const hyoka_decimal *s = &y->st->value[f];
        hyoka_decimal v;
        const char *unit_en, *unit_ja;
        int why = HYOKA_REASON_NONE, got, code;

        if (!(y->stated_present & (1u << f)))
            continue;
        got = hyoka__costs_stated_counterpart(y, f, &c->years, &v, &why);
        if (got == HYOKA_ENOMEM)
            return got;
        if (got != HYOKA_OK || hyoka__stated_matches(s, &v, c->tolerance))
            continue;
        if (hyoka__is_percentage_figure(f)) {
            unit_en = " (%)";
            unit_ja = "%";
        } else if (hyoka__stated_unit(f, y->st->unit[f]) == HYOKA_UNIT_THOUSAND_YEN) {
            unit_en = " (thousand yen)";
            unit_ja = "千円";
        } else {
            unit_en = " (yen)";
            unit_ja = "円";
        }
        if (f == HYOKA_FIG_PERSONNEL)
            code = HYOKA__C003;
        else if (hyoka__is_money_figure(f))
            code = HYOKA__C004;
        else
            code = HYOKA__C005;
        rc = path_key(&c->path, "stated");
        if (rc == HYOKA_OK)
            rc = hyoka__validate_stated(c, code, hyoka__figure_names[f], hyoka__figure_names[f], hyoka__figure_ja[f],
                                        s, &v, unit_en, unit_ja);
        hyoka__jsonptr_cut(&c->path, mark);
    }
    return rc;
}

/* Whether the costs of a year could go beyond 64-bit yen at all: not when
 * every amount is below 2^40 yen (about a trillion), every FTE and hours
 * below 2^16 in its last place, and there are at most 64 staff lines, for
 * then a line is below 2^56 yen and the total below 2^63. Most years are
 * so, and their total is not computed for nothing. */
static bool may_overflow(const hyoka_costs *y)
{
    const int64_t big = (int64_t)1 << 40, places = (int64_t)1 << 16;
    if (y->staff.count > 64)
        return true;
    for (int f = 0; f < HYOKA__COST_FIELD_COUNT; f++)
        if ((y->present & (1u << f)) && !hyoka__is_count_field(f) && (y->value[f] >= big || y->value[f] <= -big))
            return true;
    for (size_t i = 0; i < y->staff.count; i++) {
        const hyoka_staff *st = y->staff.items[i];
        for (int k = 0; k < 3; k++) {
            int64_t c = hyoka_decimal_coefficient(&st->dec[k]);
            if (st->amount[k] >= big || st->amount[k] <= -big || c >= places || c <= -places)
                return true;
        }
    }
    return false;
}

/* Where a year's costs go beyond 64-bit yen (C009): a staff line
 * (*line_over), else the sum of the staff lines (*personnel_over), else
 * the total cost (*total_over). The total is computed once, when it may
 * overflow; the rest only when it does. */
static int year_overflow(const hyoka_costs *y, bool *line_over, bool *personnel_over, bool *total_over)
{
    int64_t yen;
    int total, rc;

    if (!may_overflow(y))
        return HYOKA_OK;
    total = money_figure(y, HYOKA_FIG_TOTAL_COST, &yen);
    if (total < 0 || total == FIG_OK)
        return total < 0 ? total : HYOKA_OK;
    rc = money_figure(y, HYOKA_FIG_PERSONNEL, &yen); /* (also when there is no expense) */
    if (rc < 0)
        return rc;
    if (rc != FIG_OVERFLOW) {
        *total_over = total == FIG_OVERFLOW;
        return HYOKA_OK;
    }
    for (size_t i = 0; i < y->staff.count; i++) {
        int reason = 0;
        rc = hyoka__staff_cost(y->staff.items[i], &yen, &reason);
        if (rc == HYOKA_ENOMEM)
            return rc;
        if (rc == HYOKA_ERANGE)
            *line_over = true;
    }
    *personnel_over = !*line_over;
    return HYOKA_OK;
}

static int check_year(struct hyoka__vctx *c, const hyoka_project *p, size_t k)
{
    const hyoka_costs *y = p->years.items[k];
    int64_t pop, expense;
    int why = HYOKA_REASON_NONE, rc;
    bool line_over = false, personnel_over = false, total_over = false;
    struct hyoka__rounding in_thousands;

    hyoka__rounding_in_force(c->pf, HYOKA_FIG_PERSONNEL, &in_thousands);
    in_thousands.places = 0;
    in_thousands.unit = HYOKA_UNIT_THOUSAND_YEN;
    if ((rc = year_overflow(y, &line_over, &personnel_over, &total_over)) != HYOKA_OK)
        return rc;

    /* C007, C009: the year as a whole. */
    rc = hyoka__costs_count(y, HYOKA_FIG_PER_CAPITA, &pop, &why);
    if (rc == HYOKA_EUNAVAILABLE && why == HYOKA_REASON_NO_POPULATION &&
        ((y->stated_present & (1u << HYOKA_FIG_PER_CAPITA)) || population_given_elsewhere(c))) {
        if ((rc = emit(c, NULL, HYOKA__MSG(C007), (int)y->fiscal_year)) != HYOKA_OK)
            return rc;
    }
    if (total_over &&
        (rc = emit(c, NULL, HYOKA__MSG(C009), "the total cost (expense + personnel + debt service + indirect costs)",
                   "トータルコスト(事業費+人件費+公債費+間接費)")) != HYOKA_OK)
        return rc;

    /* P004, C008: fiscal_year. */
    if ((p->start_year && y->fiscal_year < p->start_year) || (p->end_year && y->fiscal_year > p->end_year)) {
        char period[64];
        if (p->start_year && p->end_year)
            snprintf(period, sizeof period, "%d–%d", (int)p->start_year, (int)p->end_year);
        else if (p->start_year)
            snprintf(period, sizeof period, "%d–", (int)p->start_year);
        else
            snprintf(period, sizeof period, "–%d", (int)p->end_year);
        if ((rc = emit(c, "fiscal_year", HYOKA__MSG(P004), (int)y->fiscal_year, period)) != HYOKA_OK)
            return rc;
    }
    {
        /* the first cost year of this fiscal year, when it comes before */
        size_t j = hyoka__year_find(p, &c->years, y->fiscal_year);
        if (j < k && (rc = emit(c, "fiscal_year", HYOKA__MSG(C008), (int)y->fiscal_year, j)) != HYOKA_OK)
            return rc;
    }

    /* C002 budgets and settlement; C006. */
    if ((rc = check_negative(c, y, HYOKA_COST_INITIAL_BUDGET)) != HYOKA_OK ||
        (rc = check_negative(c, y, HYOKA_COST_FINAL_BUDGET)) != HYOKA_OK ||
        (rc = check_negative(c, y, HYOKA_COST_SETTLEMENT)) != HYOKA_OK)
        return rc;
    if ((y->present & (1u << HYOKA_COST_SETTLEMENT)) && (y->present & (1u << HYOKA_COST_FINAL_BUDGET)) &&
        y->value[HYOKA_COST_SETTLEMENT] > y->value[HYOKA_COST_FINAL_BUDGET]) {
        struct hyoka__vmoney ms, mf;
        hyoka__validate_money(c, y->value[HYOKA_COST_SETTLEMENT], &ms);
        hyoka__validate_money(c, y->value[HYOKA_COST_FINAL_BUDGET], &mf);
        if ((rc = emit(c, "settlement", HYOKA__MSG(C006), ms.en, ms.ja, mf.en, mf.ja)) != HYOKA_OK)
            return rc;
    }

    /* C009 or C001 on funding, then C002 on its members. */
    {
        int any = 0, overflow = 0;
        int64_t sum = 0;
        for (int f = HYOKA__FUNDING_FIRST; f <= HYOKA__FUNDING_LAST; f++) {
            if (y->present & (1u << f)) {
                any = 1;
                if (!overflow && hyoka_yen_add(sum, y->value[f], &sum) != HYOKA_OK)
                    overflow = 1;
            }
        }
        if (overflow && (rc = emit(c, "funding", HYOKA__MSG(C009), "the sum of the funding sources",
                                   "財源内訳の合計")) != HYOKA_OK)
            return rc;
        if (any && !overflow) {
            rc = money_figure(y, HYOKA_FIG_EXPENSE, &expense);
            if (rc < 0)
                return rc;
            if (rc == FIG_OK && sum != expense) {
                /* Some sheets break down the whole cost, personnel included
                 * (所沢市's 財源内訳 covers 事業費合計): a breakdown that adds up
                 * to the total cost is consistent too. */
                int64_t total = 0;
                int trc = money_figure(y, HYOKA_FIG_TOTAL_COST, &total);
                if (trc < 0)
                    return trc;
                if (trc == FIG_OK && sum == total)
                    sum = expense;
            }
            if (rc == FIG_OK && sum != expense) {
                struct hyoka__vmoney ms, me;
                hyoka__validate_money(c, sum, &ms);
                hyoka__validate_money(c, expense, &me);
                if ((rc = emit(c, "funding", HYOKA__MSG(C001), ms.en, ms.ja, me.en, me.ja)) != HYOKA_OK)
                    return rc;
            }
        }
        if (any) {
            size_t mark = c->path.len;
            if ((rc = path_key(&c->path, "funding")) != HYOKA_OK)
                return rc;
            for (int f = HYOKA__FUNDING_FIRST; f <= HYOKA__FUNDING_LAST && rc == HYOKA_OK; f++)
                rc = check_negative(c, y, f);
            hyoka__jsonptr_cut(&c->path, mark);
            if (rc != HYOKA_OK)
                return rc;
        }
    }

    /* C009 on the staff lines together, C009 and C003 on each. */
    if (personnel_over && (rc = emit(c, "staff", HYOKA__MSG(C009), "the sum of the staff lines",
                                     "人件費の行の合計")) != HYOKA_OK)
        return rc;
    for (size_t i = 0; i < y->staff.count; i++)
        if ((rc = check_staff(c, y, i, &in_thousands)) != HYOKA_OK)
            return rc;

    /* C002 debt service and indirect costs. */
    if ((rc = check_negative(c, y, HYOKA_COST_DEBT_SERVICE)) != HYOKA_OK ||
        (rc = check_negative(c, y, HYOKA_COST_INDIRECT)) != HYOKA_OK)
        return rc;

    /* C003, C004, C005: stated figures. */
    return check_stated(c, y);
}

/* ------------------------------------------------------------------------ */
/* Indicators                                                                */

static int is_percent_unit(const char *unit)
{
    return unit && (strcmp(unit, "%") == 0 || strcmp(unit, "\xEF\xBC\x85") == 0); /* % or ％ */
}

static int check_percent_value(struct hyoka__vctx *c, const hyoka_decimal *d, const char *member, const char *what_en,
                               const char *what_ja)
{
    hyoka_decimal zero = hyoka_decimal_from_int(0), hundred = hyoka_decimal_from_int(100);
    char s[HYOKA_DECIMAL_STRING_MAX];
    if (hyoka_decimal_cmp(d, &zero) >= 0 && hyoka_decimal_cmp(d, &hundred) <= 0)
        return HYOKA_OK;
    fmt_dec(d, 0, s, sizeof s);
    return emit(c, member, HYOKA__MSG(I004), what_en, what_ja, s);
}

static int check_indicator(struct hyoka__vctx *c, const hyoka_indicator *ind)
{
    const char *unit = ind->text[HYOKA_INDICATOR_UNIT];
    int pct = is_percent_unit(unit);
    size_t first_untargeted = SIZE_MAX;
    int rc;

    /* an action (アクティビティ) has no values, a qualitative goal no unit */
    if ((!unit || !*unit) && ind->kind != HYOKA_KIND_ACTION && ind->measurement != HYOKA_MEASUREMENT_QUALITATIVE) {
        if ((rc = emit(c, "unit", HYOKA__MSG(I001))) != HYOKA_OK)
            return rc;
    }
    if (!ind->not_settable && ind->kind != HYOKA_KIND_TARGET) {
        for (size_t m = 0; m < ind->value_count; m++) {
            uint32_t pr = ind->values[m].present;
            if ((pr & (1u << HYOKA_VALUE_ACTUAL)) && !(pr & (1u << HYOKA_VALUE_TARGET))) {
                first_untargeted = m;
                break;
            }
        }
    }
    for (size_t m = 0; m < ind->value_count; m++) {
        const struct hyoka__ivalue *v = &ind->values[m];
        size_t mark = c->path.len;

        if ((rc = path_index(&c->path, "values", m)) != HYOKA_OK)
            return rc;
        if (m == first_untargeted)
            rc = emit(c, NULL, HYOKA__MSG(I002), (int)v->fiscal_year);
        /* the values (not the stated achievement) */
        for (int f = HYOKA_VALUE_TARGET; pct && f <= HYOKA_VALUE_FORECAST && rc == HYOKA_OK; f++)
            if (v->present & (1u << f))
                rc = check_percent_value(c, &v->v[f], hyoka__value_field_names[f], hyoka__value_field_names[f],
                                         hyoka__value_field_ja[f]);
        if (rc == HYOKA_OK && (v->present & (1u << HYOKA_VALUE_STATED_ACHIEVEMENT))) {
            const hyoka_decimal *s = &v->v[HYOKA_VALUE_STATED_ACHIEVEMENT];
            hyoka_decimal a;
            int why = HYOKA_REASON_NONE;
            int got = hyoka__achievement_stated_counterpart(ind, v, &a, &why);
            if (got == HYOKA_ENOMEM)
                rc = got;
            else if (got == HYOKA_OK && !hyoka__stated_matches(s, &a, c->tolerance))
                rc = hyoka__validate_stated(c, HYOKA__I003,
                                            hyoka__value_field_names[HYOKA_VALUE_STATED_ACHIEVEMENT],
                                            hyoka__figure_names[HYOKA_FIG_ACHIEVEMENT],
                                            hyoka__figure_ja[HYOKA_FIG_ACHIEVEMENT], s, &a, " (%)", "%");
        }
        hyoka__jsonptr_cut(&c->path, mark);
        if (rc != HYOKA_OK)
            return rc;
    }
    if (pct && ind->has_long_term) {
        size_t mark = c->path.len;
        if ((rc = path_key(&c->path, "long_term_target")) != HYOKA_OK)
            return rc;
        rc = check_percent_value(c, &ind->long_term, "value", "long-term target", "将来目標");
        hyoka__jsonptr_cut(&c->path, mark);
        if (rc != HYOKA_OK)
            return rc;
    }
    return hyoka__validate_logic_indicator(c, ind);
}

/* ------------------------------------------------------------------------ */
/* Evaluations                                                               */

static const char *stage_en(int stage)
{
    return stage >= 0 && stage < HYOKA__STAGE_COUNT ? hyoka__stage_names[stage] : "unstaged";
}

static const char *stage_ja(int stage)
{
    return stage >= 0 && stage < HYOKA__STAGE_COUNT ? hyoka__stage_ja[stage] : "評価";
}

static int date_before(int32_t a, int32_t b)
{
    if (a % 100 == 0 || b % 100 == 0)
        return a / 100 < b / 100;
    return a < b;
}

/* E002: the later years that still plan spending. */
static int check_end_verdict(struct hyoka__vctx *c, const hyoka_project *p, const hyoka_evaluation *e,
                             const struct hyoka__verdict *vd)
{
    char en[MESSAGE_MAX], ja[MESSAGE_MAX], list_en[MESSAGE_MAX / 2] = "", list_ja[MESSAGE_MAX / 2] = "";
    char code[QUOTE_MAX + 4], label[QUOTE_MAX + 4];
    size_t found = 0, len_en = 0, len_ja = 0;
    int rc;

    for (size_t k = 0; k < p->years.count; k++) {
        const hyoka_costs *y = p->years.items[k];
        int64_t expense;
        struct hyoka__vmoney m;
        if (y->fiscal_year <= e->fiscal_year || y->phase == HYOKA_PHASE_SETTLED)
            continue;
        rc = money_figure(y, HYOKA_FIG_EXPENSE, &expense);
        if (rc < 0)
            return rc;
        if (rc != FIG_OK || expense <= 0)
            continue;
        found++;
        if (found > E002_YEARS_LISTED) {
            if (found == E002_YEARS_LISTED + 1) {
                append(list_en, sizeof list_en, &len_en, ", …");
                append(list_ja, sizeof list_ja, &len_ja, "、…");
            }
            continue;
        }
        hyoka__validate_money(c, expense, &m);
        append(list_en, sizeof list_en, &len_en, "%s%s in fiscal %d", found > 1 ? ", " : "", m.en,
               (int)y->fiscal_year);
        append(list_ja, sizeof list_ja, &len_ja, "%s%d年度 %s", found > 1 ? "、" : "", (int)y->fiscal_year, m.ja);
    }
    if (!found)
        return HYOKA_OK;
    shorten(vd->code, code, sizeof code);
    shorten(vd->label ? vd->label : vd->code, label, sizeof label);
    MSG(en, "the %s evaluation of fiscal %d ends the project (verdict %s, %s) while later years still plan spending: %s",
        stage_en(e->stage), (int)e->fiscal_year, code, label, list_en);
    MSG(ja, "%d年度の%sの総合評価は終了(%s「%s」)なのに、後年度に支出が計画されている: %s", (int)e->fiscal_year,
        stage_ja(e->stage), code, label, list_ja);
    return emit(c, "verdict", HYOKA__MSG(E002), en, ja);
}

/* E001's words into @p en and @p ja (MESSAGE_MAX bytes each): @p code, of
 * a @p noun_en (@p noun_ja in Japanese), is not in scheme @p s. */
static void not_in_scheme(const char *noun_en, const char *noun_ja, const char *code, const hyoka_scheme *s,
                          char *en, char *ja)
{
    char q1[QUOTE_MAX + 4], q2[QUOTE_MAX + 4];

    shorten(code, q1, sizeof q1);
    shorten(s->id, q2, sizeof q2);
    utf8_trim(en, snprintf(en, MESSAGE_MAX, "%s \"%s\" is not in scheme \"%s\"", noun_en, q1, q2),
              MESSAGE_MAX);
    utf8_trim(ja, snprintf(ja, MESSAGE_MAX, "%s「%s」は評価体系「%s」にない", noun_ja, q1, q2), MESSAGE_MAX);
}

static int check_answer(struct hyoka__vctx *c, const hyoka_scheme *s, const char *criterion, const char *value)
{
    const struct hyoka__criterion *cr = hyoka__find_criterion(s, criterion, HYOKA_NTS);
    char qc[QUOTE_MAX + 4], qv[QUOTE_MAX + 4];
    char en[MESSAGE_MAX], ja[MESSAGE_MAX];
    size_t mark = c->path.len;
    int rc;

    shorten(criterion, qc, sizeof qc);
    shorten(value, qv, sizeof qv);
    if (!cr) {
        not_in_scheme("criterion", "評価項目", criterion, s, en, ja);
    } else if (cr->numeric) {
        hyoka_decimal d;
        if (hyoka_decimal_parse(value, HYOKA_NTS, &d) != HYOKA_OK) {
            MSG(en, "answer \"%s\" to criterion \"%s\" is not a number", qv, qc);
            MSG(ja, "評価項目「%s」の回答「%s」が数値でない", qc, qv);
        } else if ((cr->has_min && hyoka_decimal_cmp(&d, &cr->min) < 0) ||
                   (cr->has_max && hyoka_decimal_cmp(&d, &cr->max) > 0)) {
            char lo[HYOKA_DECIMAL_STRING_MAX] = "", hi[HYOKA_DECIMAL_STRING_MAX] = "";
            if (cr->has_min)
                fmt_dec(&cr->min, 0, lo, sizeof lo);
            if (cr->has_max)
                fmt_dec(&cr->max, 0, hi, sizeof hi);
            MSG(en, "answer %s to criterion \"%s\" is outside its range %s..%s", qv, qc, lo, hi);
            MSG(ja, "評価項目「%s」の回答 %s が範囲 %s〜%s の外", qc, qv, lo, hi);
        } else {
            return HYOKA_OK;
        }
    } else {
        if (hyoka__find_option(cr, value, HYOKA_NTS))
            return HYOKA_OK;
        MSG(en, "answer \"%s\" is not an option of criterion \"%s\"", qv, qc);
        MSG(ja, "回答「%s」は評価項目「%s」の選択肢にない", qv, qc);
    }
    rc = path_key(&c->path, "scores");
    if (rc == HYOKA_OK)
        rc = emit(c, criterion, HYOKA__MSG(E001), en, ja);
    hyoka__jsonptr_cut(&c->path, mark);
    return rc;
}

static int check_evaluation(struct hyoka__vctx *c, const hyoka_project *p, size_t i)
{
    const hyoka_evaluation *e = p->evaluations.items[i];
    const char *id = hyoka__scheme_id_of(e);
    const char *verdict = e->text[HYOKA_EVAL_VERDICT], *budget = e->text[HYOKA_EVAL_BUDGET];
    const hyoka_scheme *s = hyoka_portfolio_find_scheme(c->pf, id, HYOKA_NTS);
    const struct hyoka__verdict *vd = NULL;
    const struct hyoka__budget *bd = NULL;
    char q1[QUOTE_MAX + 4], q2[QUOTE_MAX + 4];
    char en[MESSAGE_MAX], ja[MESSAGE_MAX];
    int rc;

    if (!s) {
        shorten(id, q1, sizeof q1);
        MSG(en, "unknown evaluation scheme \"%s\"", q1);
        MSG(ja, "評価体系「%s」がない", q1);
        if ((rc = emit(c, "scheme", HYOKA__MSG(E001), en, ja)) != HYOKA_OK)
            return rc;
    }

    /* E004: date. */
    if (e->stage == HYOKA_STAGE_SECONDARY && e->fiscal_year && e->date) {
        for (size_t j = 0; j < p->evaluations.count; j++) {
            const hyoka_evaluation *o = p->evaluations.items[j];
            if (o->stage != HYOKA_STAGE_PRIMARY || o->fiscal_year != e->fiscal_year || !o->date ||
                !date_before(e->date, o->date))
                continue;
            fmt_date(e->date, q1, sizeof q1);
            fmt_date(o->date, q2, sizeof q2);
            if ((rc = emit(c, "date", HYOKA__MSG(E004), (int)e->fiscal_year, q1, q2)) != HYOKA_OK)
                return rc;
            break;
        }
    }
    if (!s)
        return HYOKA_OK;

    /* E001, E002: verdict. */
    if (verdict) {
        vd = hyoka__find_verdict(s, verdict, HYOKA_NTS);
        if (!vd) {
            not_in_scheme("verdict", "総合評価", verdict, s, en, ja);
            if ((rc = emit(c, "verdict", HYOKA__MSG(E001), en, ja)) != HYOKA_OK)
                return rc;
        } else if (vd->group == HYOKA_VERDICT_END && e->fiscal_year && hyoka__decisive_evaluation(p, e->fiscal_year) == e) {
            if ((rc = check_end_verdict(c, p, e, vd)) != HYOKA_OK)
                return rc;
        }
    }

    /* E001, E003: budget. */
    if (budget) {
        bd = hyoka__find_budget(s, budget, HYOKA_NTS);
        if (!bd) {
            not_in_scheme("budget direction", "予算の方向性", budget, s, en, ja);
            if ((rc = emit(c, "budget", HYOKA__MSG(E001), en, ja)) != HYOKA_OK)
                return rc;
        } else if (vd && ((vd->group == HYOKA_VERDICT_END &&
                           (bd->kind == HYOKA_BUDGET_INCREASE || bd->kind == HYOKA_BUDGET_SAME)) ||
                          (vd->group == HYOKA_VERDICT_CONTINUE && bd->kind == HYOKA_BUDGET_END))) {
            char lv[QUOTE_MAX + 4], lb[QUOTE_MAX + 4];
            shorten(vd->code, q1, sizeof q1);
            shorten(bd->code, q2, sizeof q2);
            shorten(vd->label ? vd->label : vd->code, lv, sizeof lv);
            shorten(bd->label ? bd->label : bd->code, lb, sizeof lb);
            MSG(en, "budget direction %s contradicts the verdict %s, which %s the project", q2, q1,
                vd->group == HYOKA_VERDICT_END ? "ends" : "continues");
            MSG(ja, "予算の方向性「%s」が総合評価「%s」(事業の%s)と矛盾する", lb, lv,
                vd->group == HYOKA_VERDICT_END ? "終了" : "継続");
            if ((rc = emit(c, "budget", HYOKA__MSG(E003), en, ja)) != HYOKA_OK)
                return rc;
        }
    }

    /* E001: scores. */
    for (size_t k = 0; k < e->answers.count; k++)
        if ((rc = check_answer(c, s, e->answers.items[k].key, e->answers.items[k].value)) != HYOKA_OK)
            return rc;
    return HYOKA_OK;
}

/* ------------------------------------------------------------------------ */
/* Projects                                                                  */

struct code_entry {
    const char *code;
    size_t index;
};

static int code_entry_cmp(const void *a, const void *b)
{
    const struct code_entry *x = a, *y = b;
    int r = strcmp(x->code, y->code);
    if (r)
        return r;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* For a list of sibling projects, the index of the first sibling with the
 * same code for each project that repeats an earlier one, else SIZE_MAX.
 * *out is NULL for an empty list. */
static int duplicate_codes(const struct hyoka__vec *projects, size_t **out)
{
    size_t n = projects->count, m = 0;
    struct code_entry *entries;
    size_t *first;

    *out = NULL;
    if (n == 0)
        return HYOKA_OK;
    first = hyoka__malloc_array(n, sizeof *first);
    entries = hyoka__malloc_array(n, sizeof *entries);
    if (!first || !entries) {
        hyoka__free(first);
        hyoka__free(entries);
        return hyoka__nomem();
    }
    for (size_t i = 0; i < n; i++) {
        const hyoka_project *p = projects->items[i];
        const char *code = p->text[HYOKA_TEXT_CODE];
        first[i] = SIZE_MAX;
        if (code && *code) {
            entries[m].code = code;
            entries[m].index = i;
            m++;
        }
    }
    if (m > 1)
        qsort(entries, m, sizeof *entries, code_entry_cmp);
    /* One pass over the sorted codes: g is where the current group of
     * equal codes starts (linear even when every code is the same). */
    for (size_t i = 1, g = 0; i < m; i++) {
        if (strcmp(entries[i - 1].code, entries[i].code) != 0)
            g = i;
        else
            first[entries[i].index] = entries[g].index;
    }
    hyoka__free(entries);
    *out = first;
    return HYOKA_OK;
}

/* A project but its sub-projects. */
static int check_project(struct hyoka__vctx *c, const hyoka_project *p, size_t dup_of, const char *list_key)
{
    const char *code = p->text[HYOKA_TEXT_CODE], *name = p->text[HYOKA_TEXT_NAME];
    int has_outcome = 0, rc;

    /* I005: the project as a whole. */
    for (size_t j = 0; j < p->indicators.count; j++) {
        const hyoka_indicator *ind = p->indicators.items[j];
        if (ind->kind == HYOKA_KIND_OUTCOME || ind->kind == HYOKA_KIND_UPPER_OUTCOME)
            has_outcome = 1;
    }
    if (!has_outcome &&
        (rc = emit(c, NULL, HYOKA__MSG(I005))) != HYOKA_OK)
        return rc;

    /* P001, P003: code; P001: name. */
    if (!code || !*code) {
        if ((rc = emit(c, "code", HYOKA__MSG(P001), "code", "事業コード")) != HYOKA_OK)
            return rc;
    } else if (dup_of != SIZE_MAX) {
        char q[QUOTE_MAX + 4];
        shorten(code, q, sizeof q);
        if ((rc = emit(c, "code", HYOKA__MSG(P003), q, list_key, dup_of)) != HYOKA_OK)
            return rc;
    }
    if ((!name || !*name) &&
        (rc = emit(c, "name", HYOKA__MSG(P001), "name", "事業名")) != HYOKA_OK)
        return rc;

    /* P002: end_fiscal_year. */
    if (p->start_year && p->end_year && p->end_year < p->start_year) {
        if ((rc = emit(c, "end_fiscal_year", HYOKA__MSG(P002), (int)p->end_year, (int)p->start_year)) != HYOKA_OK)
            return rc;
    }

    hyoka__year_index_build(&c->years, p);
    for (size_t k = 0; k < p->years.count; k++) {
        size_t mark = c->path.len;
        rc = path_index(&c->path, "years", k);
        if (rc == HYOKA_OK)
            rc = check_year(c, p, k);
        hyoka__jsonptr_cut(&c->path, mark);
        if (rc != HYOKA_OK)
            return rc;
    }
    for (size_t k = 0; k < p->indicators.count; k++) {
        size_t mark = c->path.len;
        rc = path_index(&c->path, "indicators", k);
        if (rc == HYOKA_OK)
            rc = check_indicator(c, p->indicators.items[k]);
        hyoka__jsonptr_cut(&c->path, mark);
        if (rc != HYOKA_OK)
            return rc;
    }
    for (size_t k = 0; k < p->evaluations.count; k++) {
        size_t mark = c->path.len;
        rc = path_index(&c->path, "evaluations", k);
        if (rc == HYOKA_OK)
            rc = check_evaluation(c, p, k);
        hyoka__jsonptr_cut(&c->path, mark);
        if (rc != HYOKA_OK)
            return rc;
    }
    return hyoka__validate_records(c, p);
}

/* A list of sibling projects being walked: the projects of the portfolio,
 * or the sub-projects of one project. */
struct walk_level {
    const struct hyoka__vec *list;
    const char *key;   /* "projects" or "children" */
    size_t *dups;      /* duplicate_codes() of the list */
    size_t next;       /* the next project to check */
    size_t mark;       /* the path of the list's owner */
};

/* Top-level project @p p at /projects/@p index (@p dup_of: the index of an
 * earlier project with its code, or SIZE_MAX), then its sub-projects in
 * document order, with a stack of levels on the heap, so that deep nesting
 * costs memory, not C stack. */
static int check_tree(struct hyoka__vctx *c, const hyoka_project *p, size_t index, size_t dup_of)
{
    struct walk_level *stack = NULL;
    size_t depth = 0, cap = 0, mark = c->path.len;
    int rc = path_index(&c->path, "projects", index);

    if (rc == HYOKA_OK)
        rc = check_project(c, p, dup_of, "projects");
    if (rc != HYOKA_OK || p->children.count == 0) {
        hyoka__jsonptr_cut(&c->path, mark);
        return rc;
    }
    if (hyoka__grow_heap((void **)&stack, &cap, depth, sizeof *stack) != HYOKA_OK)
        return hyoka__nomem();
    stack[depth] = (struct walk_level){&p->children, "children", NULL, 0, c->path.len};
    rc = duplicate_codes(&p->children, &stack[depth].dups);
    depth++;
    while (rc == HYOKA_OK && depth > 0) {
        struct walk_level *l = &stack[depth - 1];
        size_t k;

        hyoka__jsonptr_cut(&c->path, l->mark);
        if (l->next == l->list->count) {
            hyoka__free(l->dups);
            depth--;
            continue;
        }
        k = l->next++;
        p = l->list->items[k];
        rc = path_index(&c->path, l->key, k);
        if (rc == HYOKA_OK)
            rc = check_project(c, p, l->dups[k], l->key);
        if (rc != HYOKA_OK || p->children.count == 0)
            continue;
        if (hyoka__grow_heap((void **)&stack, &cap, depth, sizeof *stack) != HYOKA_OK) {
            rc = hyoka__nomem();
            break;
        }
        stack[depth] = (struct walk_level){&p->children, "children", NULL, 0, c->path.len};
        rc = duplicate_codes(&p->children, &stack[depth].dups);
        depth++;
    }
    while (depth > 0)
        hyoka__free(stack[--depth].dups);
    hyoka__free(stack);
    hyoka__jsonptr_cut(&c->path, mark);
    return rc;
}

/* Every project in document order. */
static int check_projects(struct hyoka__vctx *c, const struct hyoka__vec *projects)
{
    size_t *dups = NULL;
    int rc = duplicate_codes(projects, &dups);

    for (size_t k = 0; rc == HYOKA_OK && k < projects->count; k++)
        rc = check_tree(c, projects->items[k], k, dups[k]);
    hyoka__free(dups);
    return rc;
}

/* Validate with @p run, keeping the thread's last error as it was. */
static int validate_with(const hyoka_portfolio *portfolio, hyoka_report *report,
                         int (*run)(struct hyoka__vctx *c, const void *arg), const void *arg)
{
    struct hyoka__vctx c;
    char saved_message[512];
    int saved_code, rc;

    /* Figures that are unavailable fail internally; a successful validation
     * must leave the thread's last error as it found it. */
    saved_code = hyoka_error_last_code();
    snprintf(saved_message, sizeof saved_message, "%s", hyoka_error_last());

    memset(&c, 0, sizeof c);
    c.pf = portfolio;
    c.report = report;
    c.amount_unit = portfolio->amount_unit;
    c.tolerance = portfolio->stated_tolerance;

    rc = hyoka__jsonptr_init(&c.path);
    if (rc == HYOKA_OK)
        rc = run(&c, arg);
    hyoka__jsonptr_free(&c.path);
    hyoka__year_index_release(&c.years);
    if (rc != HYOKA_OK)
        return rc == HYOKA_ENOMEM ? hyoka__nomem() : rc;

    if (saved_code == HYOKA_OK)
        hyoka_error_clear();
    else
        hyoka__fail(saved_code, "%s", saved_message);
    return HYOKA_OK;
}

static int run_portfolio(struct hyoka__vctx *c, const void *arg)
{
    return check_projects(c, arg);
}

struct one_project {
    const hyoka_project *p;
    size_t index, dup_of;
};

static int run_project(struct hyoka__vctx *c, const void *arg)
{
    const struct one_project *one = arg;
    return check_tree(c, one->p, one->index, one->dup_of);
}

int hyoka__validate_project(const hyoka_portfolio *portfolio, const hyoka_project *project, size_t index,
                            size_t dup_of, hyoka_report *report)
{
    struct one_project one = {project, index, dup_of};
    return validate_with(portfolio, report, run_project, &one);
}

int hyoka_validate(const hyoka_portfolio *portfolio, hyoka_report *report)
{
    HYOKA__CHECK_NULL(portfolio);
    HYOKA__CHECK_NULL(report);
    return validate_with(portfolio, report, run_portfolio, &portfolio->projects);
}
