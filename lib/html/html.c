/* html: self-contained HTML pages in the layout of a municipal evaluation
 * sheet (事務事業評価表), with the SVG charts drawn here (docs/html.md).
 *
 * Output goes into one growable buffer (capacity doubles, sizes checked).
 * An allocation failure is remembered in the writer and every later write
 * does nothing, so a walk runs to its end and the caller sees the first
 * error. Besides the buffer, three scratch arrays are reused from project to
 * project: the cost years in fiscal-year order, the fiscal years of the
 * indicators, and the stack of the sub-project walk (a deep tree is walked
 * without recursion).
 *
 * Safety:
 * - Every text from the document goes through esc(), in element content and
 *   in attributes alike: & < > " ' become entities; C0 and C1 controls
 *   (other than tab and newline) and noncharacters become U+FFFD; U+2028 and
 *   U+2029 become character references. Nothing from the document is
 *   written inside <style>, and inside <svg> only through esc().
 * - No script, no external resource (no src, no url(), no @import, no
 *   web font): the page is one file.
 *
 * Numbers:
 * - Every printed figure comes from figures.h (hyoka_costs_figure(),
 *   hyoka_indicator_figure(), hyoka_evaluation_score/rating(),
 *   hyoka_staff_cost()) and is printed with its own places. Amounts are
 *   printed exactly in the document's unit (千円 with up to three places,
 *   trailing zeros dropped; or 円).
 * - Chart coordinates use integer arithmetic only: money as 128-bit yen,
 *   indicator values as 128-bit integers at 18 decimal places, coordinates
 *   in tenths of a viewBox unit. No floating point.
 *
 * Figures that fail inside a page (unavailable, overflow) are printed as
 * "—" with the reason in a title attribute; they do not fail the page, and
 * the thread's last error is restored to what it was before the call when
 * the page succeeds. */
#if !defined(_POSIX_C_SOURCE) || _POSIX_C_SOURCE < 200809L
#  undef _POSIX_C_SOURCE
#  define _POSIX_C_SOURCE 200809L
#endif

#include "figures/internal.h"
#include "model.h"
#include "hyoka/html.h"
#include "hyoka/figures.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#if defined(_WIN32)
#  include <direct.h>
#  define make_dir(path) _mkdir(path)
#else
#  define make_dir(path) mkdir((path), 0777)
#endif

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

#define HAS(bits, field) (((bits) >> (unsigned)(field)) & 1u)

/* Six funding sources in the order of the sheet, then the part of the total
 * that funding does not cover (personnel and other costs). */
#define SOURCE_COUNT 6
#define SEGMENT_KINDS (SOURCE_COUNT + 1)

static const int source_fields[SOURCE_COUNT] = {
    HYOKA_COST_NATIONAL, HYOKA_COST_PREFECTURAL, HYOKA_COST_BONDS,
    HYOKA_COST_USER_CHARGES, HYOKA_COST_OTHER, HYOKA_COST_GENERAL,
};

static const char *const segment_class[SEGMENT_KINDS] = {
    "national", "prefectural", "bonds", "user_charges", "other", "general", "rest",
};

static const char *const segment_label[SEGMENT_KINDS][2] = {
    {"national treasury disbursements", "国庫支出金"},
    {"prefectural disbursements", "都道府県支出金"},
    {"local bonds", "地方債"},
    {"user charges", "使用料・受益者負担金"},
    {"other specific revenue", "その他特定財源"},
    {"general revenue", "一般財源"},
    {"personnel and other costs", "人件費・その他"},
};

/* ------------------------------------------------------------------------ */
/* The writer                                                                */

struct frame {
    const hyoka_project *project;
    size_t next;   /* next child to open */
    int depth;
};

struct out {
    char *buf;
    size_t len;
    size_t cap;
    int err;                  /* first failure (already recorded), HYOKA_OK while fine */
    int lang;                 /* hyoka_lang */
    int unit;                 /* amount unit of the portfolio (hyoka_unit) */
    const hyoka_portfolio *pf;
    unsigned seq;             /* number of the project on the page (data-project) */
    /* scratch, reused across projects */
    size_t *order;            /* cost year indices in fiscal-year order */
    size_t order_cap;
    int32_t *years;           /* fiscal years of a project's indicators */
    size_t years_cap;
    struct frame *stack;      /* sub-project walk */
    size_t stack_cap;
    struct hyoka__year_index yix; /* cost years of the project in the cost table */
};

static void out_init(struct out *o, int lang, const hyoka_portfolio *pf)
{
    memset(o, 0, sizeof *o);
    o->lang = lang;
    o->pf = pf;
    o->unit = pf ? hyoka_portfolio_amount_unit(pf) : HYOKA_UNIT_YEN;
    if (o->unit != HYOKA_UNIT_THOUSAND_YEN)
        o->unit = HYOKA_UNIT_YEN;
}

static void out_release_scratch(struct out *o)
{
    hyoka__free(o->order);
    hyoka__free(o->years);
    hyoka__free(o->stack);
    hyoka__year_index_release(&o->yix);
    o->order = NULL;
    o->years = NULL;
    o->stack = NULL;
}

static void fail(struct out *o, int rc)
{
    if (o->err == HYOKA_OK)
        o->err = rc;
}

/* Make room for @p n more bytes and a NUL. false once anything failed. */
static bool room(struct out *o, size_t n)
{
    size_t need, cap;
    char *p;

    if (o->err != HYOKA_OK)
        return false;
    if (n > SIZE_MAX / 2 - 1 - o->len) {
        fail(o, hyoka__fail(HYOKA_ENOMEM, "html: the page does not fit in memory"));
        return false;
    }
    need = o->len + n + 1;
    if (need <= o->cap)
        return true;
    cap = o->cap ? o->cap : 16384;
    while (cap < need)
        cap *= 2;
    p = hyoka__realloc(o->buf, cap);
    if (!p) {
        fail(o, hyoka__nomem());
        return false;
    }
    o->buf = p;
    o->cap = cap;
    return true;
}

static void put(struct out *o, const char *s, size_t n)
{
    if (!room(o, n))
        return;
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = '\0';
}

/* Static text of this module (never document text). */
static void puts_(struct out *o, const char *s)
{
    put(o, s, strlen(s));
}

static void putf(struct out *o, const char *fmt, ...) HYOKA_PRINTF(2, 3);
static void putf(struct out *o, const char *fmt, ...)
{
    char tmp[160];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n >= sizeof tmp)
        n = (int)sizeof tmp - 1; /* only short numbers are formatted here */
    put(o, tmp, (size_t)n);
}

/* Grow a scratch array to hold @p n elements of @p elem bytes. */
static bool scratch(struct out *o, void **items, size_t *cap, size_t n, size_t elem)
{
    size_t c;
    void *p;

    if (o->err != HYOKA_OK)
        return false;
    if (n <= *cap)
        return true;
    c = *cap ? *cap : 16;
    while (c < n) {
        if (c > SIZE_MAX / 2 / elem) {
            fail(o, hyoka__nomem());
            return false;
        }
        c *= 2;
    }
    p = hyoka__realloc(*items, c * elem);
    if (!p) {
        fail(o, hyoka__nomem());
        return false;
    }
    *items = p;
    *cap = c;
    return true;
}

static const char *tr(const struct out *o, const char *en, const char *ja)
{
    return o->lang == HYOKA_LANG_JA ? ja : en;
}

/* ------------------------------------------------------------------------ */
/* Escaping: the one function every document text goes through              */

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

/* Write document text, HTML-escaped. With @p multiline, line breaks become
 * <br>; otherwise (attributes, one-line cells) they become &#10;. */
static void esc_n(struct out *o, const char *s, size_t n, bool multiline)
{
    size_t i = 0, run = 0;

    if (!s)
        return;
    while (i < n) {
        unsigned char ch = (unsigned char)s[i];
        const char *rep = NULL;
        size_t adv = 1;

        if (ch < 0x80) {
            switch (ch) {
            case '&': rep = "&amp;"; break;
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            case '"': rep = "&quot;"; break;
            case '\'': rep = "&#39;"; break;
            case '\t': break;
            case '\n': rep = multiline ? "<br>\n" : "&#10;"; break;
            case '\r':
                if (multiline) {
                    rep = (i + 1 < n && s[i + 1] == '\n') ? "" : "<br>\n";
                } else {
                    rep = "&#13;";
                }
                break;
            default:
                if (ch < 0x20 || ch == 0x7F)
                    rep = REPLACEMENT;
                break;
            }
        } else {
            size_t pos = i;
            int32_t cp = hyoka__utf8_next(s, n, &pos);
            adv = pos > i ? pos - i : 1;
            if (cp < 0)
                rep = REPLACEMENT; /* cannot happen for validated text */
            else if (cp == 0x2028)
                rep = "&#x2028;";
            else if (cp == 0x2029)
                rep = "&#x2029;";
            else if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
                rep = REPLACEMENT;
        }
        if (rep) {
            if (run)
                put(o, s + i - run, run);
            run = 0;
            puts_(o, rep);
        } else {
            run += adv;
        }
        i += adv;
    }
    if (run)
        put(o, s + n - run, run);
}

static void esc(struct out *o, const char *s)
{
    if (s)
        esc_n(o, s, strlen(s), false);
}

static void esc_ml(struct out *o, const char *s)
{
    if (s)
        esc_n(o, s, strlen(s), true);
}

/* ------------------------------------------------------------------------ */
/* Numbers                                                                   */

static void put_decimal(struct out *o, const hyoka_decimal *d)
{
    char b[HYOKA_DECIMAL_STRING_MAX];
    size_t n = 0;
    if (hyoka_decimal_format(d, HYOKA_DECIMAL_FMT_GROUPING, b, sizeof b, &n) == HYOKA_OK)
        put(o, b, n);
}

/* A 128-bit integer read at @p scale places, with grouping, trailing zeros
 * of the fraction dropped. */
static void put_scaled(struct out *o, i128 v, int scale)
{
    char digits[48], b[80];
    int nd = 0, pos = 0, intdigits, frac_end;
    u128 u;

    if (v < 0) {
        b[pos++] = '-';
        u = (u128)0 - (u128)v;
    } else {
        u = (u128)v;
    }
    do {
        digits[nd++] = (char)('0' + (int)(u % 10));
        u /= 10;
    } while (u);
    while (nd <= scale) /* at least one integer digit */
        digits[nd++] = '0';
    intdigits = nd - scale;
    for (int k = 0; k < intdigits; k++) {
        if (k > 0 && (intdigits - k) % 3 == 0)
            b[pos++] = ',';
        b[pos++] = digits[nd - 1 - k];
    }
    frac_end = 0; /* index (from the least significant) of the last non-zero fraction digit */
    while (frac_end < scale && digits[frac_end] == '0')
        frac_end++;
    if (frac_end < scale) {
        b[pos++] = '.';
        for (int k = scale - 1; k >= frac_end; k--)
            b[pos++] = digits[k];
    }
    put(o, b, (size_t)pos);
}

/* Places of the document's amount unit. */
static int money_scale(const struct out *o)
{
    return o->unit == HYOKA_UNIT_THOUSAND_YEN ? 3 : 0;
}

static void put_money(struct out *o, int64_t yen)
{
    put_scaled(o, (i128)yen, money_scale(o));
}

static const char *money_unit(const struct out *o)
{
    return o->unit == HYOKA_UNIT_THOUSAND_YEN ? tr(o, "thousand yen", "千円") : tr(o, "yen", "円");
}

/* Tenths of a viewBox unit, as "12.3". */
static void put_tenths(struct out *o, int64_t v)
{
    if (v < 0) {
        puts_(o, "-");
        v = -v;
    }
    if (v % 10)
        putf(o, "%lld.%d", (long long)(v / 10), (int)(v % 10));
    else
        putf(o, "%lld", (long long)(v / 10));
}

/* ------------------------------------------------------------------------ */
/* Calendar                                                                  */

static void put_fy(struct out *o, int32_t fy)
{
    char b[HYOKA_CALENDAR_STRING_MAX];
    size_t n = 0;

    if (o->lang == HYOKA_LANG_JA && hyoka_fiscal_year_format(fy, 0, b, sizeof b, &n) == HYOKA_OK)
        put(o, b, n);
    else
        putf(o, "FY%ld", (long)fy);
}

/* A short label for axes: H19 / 2007. */
static void put_fy_short(struct out *o, int32_t fy)
{
    char b[HYOKA_CALENDAR_STRING_MAX];
    size_t n = 0;

    if (o->lang == HYOKA_LANG_JA &&
        hyoka_fiscal_year_format(fy, HYOKA_CAL_FMT_ABBREV | HYOKA_CAL_FMT_NO_SUFFIX, b, sizeof b, &n) == HYOKA_OK)
        put(o, b, n);
    else
        putf(o, "%ld", (long)fy);
}

/* A fiscal year in era form: 平成15年度; in English FY2003 (H15). */
static void put_fy_era(struct out *o, int32_t fy)
{
    char b[HYOKA_CALENDAR_STRING_MAX];
    size_t n = 0;

    put_fy(o, fy);
    if (o->lang == HYOKA_LANG_EN &&
        hyoka_fiscal_year_format(fy, HYOKA_CAL_FMT_ABBREV | HYOKA_CAL_FMT_NO_SUFFIX, b, sizeof b, &n) == HYOKA_OK) {
        puts_(o, " (");
        put(o, b, n);
        puts_(o, ")");
    }
}

static void put_date(struct out *o, int32_t date)
{
    char b[HYOKA_CALENDAR_STRING_MAX];
    size_t n = 0;
    int rc = o->lang == HYOKA_LANG_JA ? hyoka_date_format(date, 0, b, sizeof b, &n)
                                      : hyoka_date_to_iso(date, b, sizeof b, &n);
    if (rc == HYOKA_OK)
        put(o, b, n);
    else
        putf(o, "%ld", (long)date);
}

/* ------------------------------------------------------------------------ */
/* Labels of the enumerations                                                */

static const char *enum_label(const struct out *o, const char *const (*table)[2], int count, int value,
                              const char *unset_en, const char *unset_ja)
{
    if (value < 0 || value >= count)
        return tr(o, unset_en, unset_ja);
    return table[value][o->lang == HYOKA_LANG_JA];
}

static const char *const phase_labels[][2] = {
    {"plan", "計画"}, {"budget", "予算"}, {"forecast", "見込"}, {"settled", "決算"},
};
static const char *const duty_labels[][2] = {
    {"autonomous", "自治事務"}, {"statutory entrusted", "法定受託事務"},
};
static const char *const period_labels[][2] = {
    {"one-time", "単年度のみ"}, {"recurring", "単年度繰返"}, {"fixed-term", "期間限定複数年度"},
};
static const char *const category_labels[][2] = {
    {"regular staff", "正規職員"}, {"reappointed staff", "再任用職員"},
    {"part-time staff", "嘱託・会計年度任用職員"}, {"temporary staff", "臨時職員"},
};
static const char *const kind_labels[][2] = {
    {"activity", "活動指標"}, {"target size", "対象指標"}, {"outcome", "成果指標"}, {"upper outcome", "上位成果指標"},
};
static const char *const direction_labels[][2] = {
    {"increase", "拡大"}, {"decrease", "縮小"}, {"maintain", "維持"},
};
static const char *const stage_labels[][2] = {
    {"self-evaluation", "自己評価"}, {"primary evaluation", "一次評価"}, {"secondary evaluation", "二次評価"},
    {"external evaluation", "外部評価"}, {"committee evaluation", "委員会評価"},
};
static const char *const outcome_labels[][2] = {
    {"up", "向上"}, {"same", "維持"}, {"down", "低下"},
};
static const char *const cost_labels[][2] = {
    {"down", "削減"}, {"same", "維持"}, {"up", "増加"},
};

#define COUNT_OF(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Labels of the comment keys the formats and the seeds use. */
static const char *const comment_labels[][3] = {
    {"reason", "reason", "評価理由"},
    {"direction", "direction", "今後の方向性"},
    {"issues", "issues found", "明らかとなった課題"},
    {"improvements", "improvements made", "改善した点"},
    {"rating", "rating as printed", "総合評価（記載）"},
    {"contribution", "basis of the contribution", "貢献度の根拠"},
    {"target_review", "review of the target", "対象の見直し"},
    {"implementer", "implementing body", "実施主体"},
    {"implementer_review", "review of the implementing body", "実施主体の見直しの必要性"},
    {"integration", "integration with similar projects", "他事業との整理・統合"},
    {"user_charge", "user charges", "受益者負担の有無"},
    {"user_charge_review", "review of user charges", "受益者負担の見直しの必要性"},
    {"private_sector", "use of the private sector", "民間活力の活用"},
    {"summary", "summary", "総括"},
};

static const char *comment_label(const struct out *o, const char *key)
{
    for (int i = 0; i < COUNT_OF(comment_labels); i++)
        if (strcmp(comment_labels[i][0], key) == 0)
            return comment_labels[i][o->lang == HYOKA_LANG_JA ? 2 : 1];
    return NULL;
}

/* ------------------------------------------------------------------------ */
/* Figure cells                                                              */

/* A "—" for a figure that cannot be shown, with why in its title. */
static void cell_na(struct out *o, const char *tag, const char *cls, const char *why)
{
    putf(o, "<%s class=\"na%s%s\" title=\"", tag, cls ? " " : "", cls ? cls : "");
    esc(o, why);
    putf(o, "\">\xE2\x80\x94</%s>", tag);
}

/* Why a figure failed: the reason's sentence, or the status. ENOMEM is
 * recorded as the page's failure. */
static const char *why_failed(struct out *o, int rc, int reason)
{
    const char *m;

    if (rc == HYOKA_ENOMEM) {
        fail(o, rc);
        return "";
    }
    if (rc == HYOKA_EUNAVAILABLE) {
        m = hyoka_reason_message(reason, o->lang);
        if (m)
            return m;
    }
    if (rc == HYOKA_ERANGE)
        return tr(o, "overflow: the figure does not fit in 64 bits", "桁あふれ: 64ビットに収まらない");
    return hyoka_strerror(rc);
}

static const char *not_given(const struct out *o)
{
    return tr(o, "not given", "記載なし");
}

static bool is_money_figure(int figure)
{
    return figure >= HYOKA_FIG_EXPENSE && figure <= HYOKA_FIG_SPECIFIC_REVENUE;
}

/* Does the figure @p d differ from what the sheet printed for it? The
 * computed figure is brought to the printed unit and places (money), or
 * compared as is when the printed figure has the same places; the
 * document's tolerance (in units of the printed last place) applies. */
static bool stated_differs(const struct out *o, const hyoka_costs *c, int figure, const hyoka_decimal *d,
                           hyoka_decimal *stated, int *stated_unit)
{
    hyoka_decimal v = *d;
    int mode = HYOKA_ROUND_HALF_UP, unit = HYOKA_UNIT_YEN;
    int64_t diff, tol = o->pf ? hyoka_portfolio_stated_tolerance(o->pf) : 0;

    if (hyoka_costs_stated(c, figure, stated, stated_unit) != 1)
        return false;
    if (o->pf)
        (void)hyoka_portfolio_rounding(o->pf, figure, NULL, &mode, &unit);
    if (is_money_figure(figure)) {
        if (*stated_unit == HYOKA_UNIT_THOUSAND_YEN &&
            hyoka_yen_to_thousands(hyoka_decimal_coefficient(d), &v) != HYOKA_OK)
            return false;
        if (hyoka_decimal_round(&v, hyoka_decimal_scale(stated), mode, &v) != HYOKA_OK)
            return false;
    } else if (hyoka_decimal_scale(stated) != hyoka_decimal_scale(d) ||
               (figure >= HYOKA_FIG_PER_CAPITA && figure <= HYOKA_FIG_PER_BENEFICIARY && *stated_unit != unit)) {
        return false;
    }
    if (hyoka_decimal_scale(&v) != hyoka_decimal_scale(stated))
        return false;
    if (__builtin_sub_overflow(hyoka_decimal_coefficient(&v), hyoka_decimal_coefficient(stated), &diff))
        return true;
    if (diff < 0)
        diff = diff == INT64_MIN ? INT64_MAX : -diff;
    return diff > tol;
}

/* A figure of a cost year in a <td>. Money carries data-yen; a figure
 * that differs from the one printed on the sheet says so in its title. */
static void cell_figure(struct out *o, const hyoka_costs *c, int figure)
{
    hyoka_decimal d, stated;
    int reason = HYOKA_REASON_NONE, stated_unit = HYOKA_UNIT_YEN;
    int rc = hyoka__costs_figure_in(c, figure, &o->yix, &d, &reason);
    bool money = is_money_figure(figure);

    if (rc != HYOKA_OK) {
        cell_na(o, "td", NULL, why_failed(o, rc, reason));
        return;
    }
    puts_(o, "<td class=\"num");
    if (stated_differs(o, c, figure, &d, &stated, &stated_unit)) {
        puts_(o, " differs\" title=\"");
        puts_(o, tr(o, "the sheet printed ", "シートの記載値 "));
        put_decimal(o, &stated);
        if (money || (figure >= HYOKA_FIG_PER_CAPITA && figure <= HYOKA_FIG_PER_BENEFICIARY))
            puts_(o, stated_unit == HYOKA_UNIT_THOUSAND_YEN ? tr(o, " thousand yen", " 千円") : tr(o, " yen", " 円"));
        puts_(o, tr(o, "", " と異なる"));
    }
    puts_(o, "\"");
    if (money) {
        int64_t yen = hyoka_decimal_coefficient(&d);
        putf(o, " data-yen=\"%lld\">", (long long)yen);
        put_money(o, yen);
    } else {
        puts_(o, ">");
        put_decimal(o, &d);
    }
    puts_(o, "</td>");
}

static bool is_count_field(int field)
{
    return field >= HYOKA_COST_USAGE;
}

/* A field of a cost year as given. */
static void cell_field(struct out *o, const hyoka_costs *c, int field)
{
    int64_t v;

    if (!HAS(c->present, field)) {
        cell_na(o, "td", NULL, not_given(o));
        return;
    }
    v = c->value[field];
    if (is_count_field(field)) {
        hyoka_decimal d = hyoka_decimal_from_int(v);
        puts_(o, "<td class=\"num\">");
        put_decimal(o, &d);
    } else {
        putf(o, "<td class=\"num\" data-yen=\"%lld\">", (long long)v);
        put_money(o, v);
    }
    puts_(o, "</td>");
}

/* ------------------------------------------------------------------------ */
/* Charts: scales                                                            */

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
static void draw_grid(struct out *o, const struct axis *a, int scale, int64_t left, int64_t right, int64_t top,
                      int64_t bottom)
{
    puts_(o, "<g class=\"grid\">");
    for (int k = 0; k <= a->ticks; k++) {
        i128 v = a->lo + a->step * k;
        int64_t y = y_of(a, v, top, bottom);
        putf(o, "<line class=\"%s\" x1=\"", v == 0 ? "zero" : "gridline");
        put_tenths(o, left);
        puts_(o, "\" x2=\"");
        put_tenths(o, right);
        puts_(o, "\" y1=\"");
        put_tenths(o, y);
        puts_(o, "\" y2=\"");
        put_tenths(o, y);
        puts_(o, "\"/><text class=\"tick\" x=\"");
        put_tenths(o, left - 60);
        puts_(o, "\" y=\"");
        put_tenths(o, y + 35);
        puts_(o, "\">");
        put_scaled(o, v, scale);
        puts_(o, "</text>");
    }
    puts_(o, "</g>");
}

/* Year labels along the x axis, thinned out when the columns are narrow.
 * @p col is the column width in tenths. */
static void draw_year_label(struct out *o, int32_t fy, int index, int64_t x, int64_t y, int64_t col,
                            const char *phase)
{
    int64_t every = col >= 260 ? 1 : (260 + col - 1) / (col > 0 ? col : 1);

    if (every > 1 && index % every != 0)
        return;
    puts_(o, "<text class=\"year-label\" x=\"");
    put_tenths(o, x);
    puts_(o, "\" y=\"");
    put_tenths(o, y);
    puts_(o, "\">");
    if (col >= 700)
        put_fy(o, fy);
    else
        put_fy_short(o, fy);
    puts_(o, "</text>");
    if (phase && col >= 450) {
        puts_(o, "<text class=\"phase-label\" x=\"");
        put_tenths(o, x);
        puts_(o, "\" y=\"");
        put_tenths(o, y + 140);
        puts_(o, "\">");
        puts_(o, phase);
        puts_(o, "</text>");
    }
}

/* ------------------------------------------------------------------------ */
/* Chart 1: total cost by fiscal year, stacked by funding source             */

struct segments {
    int count;
    int kind[SEGMENT_KINDS];
    i128 value[SEGMENT_KINDS];
    i128 pos, neg; /* sums of the positive and of the negative segments */
};

/* The non-zero segments of one cost year: the funding sources given, and
 * the part of the total cost they do not cover (when the total exists). */
static void year_segments(struct out *o, const hyoka_costs *c, struct segments *s)
{
    hyoka_decimal total;
    int reason = HYOKA_REASON_NONE;
    i128 funded = 0;
    int rc;

    memset(s, 0, sizeof *s);
    for (int k = 0; k < SOURCE_COUNT; k++) {
        int f = source_fields[k];
        if (!HAS(c->present, f))
            continue;
        funded += c->value[f];
        if (c->value[f] != 0) {
            s->kind[s->count] = k;
            s->value[s->count++] = c->value[f];
        }
    }
    rc = hyoka__costs_figure(c, HYOKA_FIG_TOTAL_COST, &total, &reason);
    if (rc == HYOKA_ENOMEM)
        fail(o, rc);
    if (rc == HYOKA_OK) {
        i128 rest = (i128)hyoka_decimal_coefficient(&total) - funded;
        if (rest != 0) {
            s->kind[s->count] = SOURCE_COUNT;
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

static void cost_chart(struct out *o, const hyoka_project *p, size_t n, unsigned seq)
{
    struct segments s;
    struct axis a;
    i128 hi = 0, lo = 0;
    size_t total_segments = 0;
    bool used[SEGMENT_KINDS] = {false};
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

    putf(o, "<figure class=\"chart cost-chart\" data-project=\"%u\">\n", seq);
    putf(o, "<svg class=\"chart-svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" data-project=\"%u\" "
            "data-years=\"%zu\" data-segments=\"%zu\" aria-label=\"",
         CC_W / 10, CC_H / 10, seq, n, total_segments);
    puts_(o, tr(o, "Total cost by fiscal year, by funding source (", "トータルコストの推移（財源別、"));
    puts_(o, money_unit(o));
    puts_(o, tr(o, "): ", "）: "));
    for (size_t i = 0; i < n; i++) {
        const hyoka_costs *c = p->years.items[o->order[i]];
        hyoka_decimal t;
        int reason = HYOKA_REASON_NONE;
        if (i)
            puts_(o, tr(o, "; ", "、"));
        put_fy(o, c->fiscal_year);
        puts_(o, " ");
        if (hyoka__costs_figure(c, HYOKA_FIG_TOTAL_COST, &t, &reason) == HYOKA_OK)
            put_money(o, hyoka_decimal_coefficient(&t));
        else
            puts_(o, "\xE2\x80\x94");
    }
    puts_(o, "\">\n<title>");
    puts_(o, tr(o, "Total cost by fiscal year, stacked by funding source", "トータルコストの推移（財源別）"));
    puts_(o, "</title>\n");
    draw_grid(o, &a, money_scale(o), CC_LEFT, CC_RIGHT, CC_TOP, CC_BOTTOM);
    puts_(o, "<text class=\"axis-unit\" x=\"");
    put_tenths(o, CC_LEFT - 60);
    puts_(o, "\" y=\"");
    put_tenths(o, CC_TOP - 160);
    puts_(o, "\">(");
    puts_(o, money_unit(o));
    puts_(o, ")</text>\n");

    for (size_t i = 0; i < n; i++) {
        const hyoka_costs *c = p->years.items[o->order[i]];
        int64_t x = CC_LEFT + col * (int64_t)i + (col - bar) / 2;
        i128 up = 0, down = 0;

        year_segments(o, c, &s);
        putf(o, "<g class=\"year\" data-fiscal-year=\"%ld\" data-segments=\"%d\">", (long)c->fiscal_year, s.count);
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
            putf(o, "<rect class=\"bar seg-%s\" x=\"", segment_class[s.kind[k]]);
            put_tenths(o, x);
            puts_(o, "\" y=\"");
            put_tenths(o, y1);
            puts_(o, "\" width=\"");
            put_tenths(o, bar);
            puts_(o, "\" height=\"");
            put_tenths(o, y2 - y1);
            puts_(o, "\"><title>");
            put_fy(o, c->fiscal_year);
            puts_(o, " ");
            puts_(o, segment_label[s.kind[k]][o->lang == HYOKA_LANG_JA]);
            puts_(o, " ");
            put_scaled(o, v, money_scale(o));
            puts_(o, " ");
            puts_(o, money_unit(o));
            puts_(o, "</title></rect>");
        }
        draw_year_label(o, c->fiscal_year, (int)i, CC_LEFT + col * (int64_t)i + col / 2, CC_BOTTOM + 150, col,
                        c->phase >= 0 ? enum_label(o, phase_labels, COUNT_OF(phase_labels), c->phase, "", "")
                                      : NULL);
        puts_(o, "</g>\n");
    }
    puts_(o, "<line class=\"axis\" x1=\"");
    put_tenths(o, CC_LEFT);
    puts_(o, "\" x2=\"");
    put_tenths(o, CC_LEFT);
    puts_(o, "\" y1=\"");
    put_tenths(o, CC_TOP);
    puts_(o, "\" y2=\"");
    put_tenths(o, CC_BOTTOM);
    puts_(o, "\"/>\n</svg>\n<figcaption>");
    puts_(o, tr(o, "Total cost by fiscal year, stacked by funding source. ",
                "トータルコストの推移（財源内訳別の積み上げ）。"));
    puts_(o, tr(o, "The part of the total not covered by funding sources is personnel and other costs.",
                "財源内訳で賄われない部分は人件費・その他として示す。"));
    puts_(o, "</figcaption>\n<ul class=\"legend\">");
    for (int k = 0; k < SEGMENT_KINDS; k++) {
        if (!used[k])
            continue;
        putf(o, "<li><span class=\"swatch seg-%s\"></span>", segment_class[k]);
        puts_(o, segment_label[k][o->lang == HYOKA_LANG_JA]);
        puts_(o, "</li>");
    }
    if (total_segments == 0) {
        puts_(o, "<li>");
        puts_(o, tr(o, "no amounts to draw", "描く金額なし"));
        puts_(o, "</li>");
    }
    puts_(o, "</ul>\n</figure>\n");
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
static void indicator_chart(struct out *o, const hyoka_indicator *ind, size_t index, unsigned seq,
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

    putf(o, "<figure class=\"chart indicator-chart\" data-project=\"%u\" data-indicator=\"%zu\">\n", seq, index);
    putf(o, "<svg class=\"chart-svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" data-project=\"%u\" "
            "data-indicator=\"%zu\" data-targets=\"%zu\" data-actuals=\"%zu\" aria-label=\"",
         IC_W / 10, IC_H / 10, seq, index, targets, actuals);
    esc(o, name ? name : tr(o, "(indicator without a name)", "（名称なし）"));
    puts_(o, tr(o, ": actual against target", ": 実績値と目標値"));
    if (unit) {
        puts_(o, " (");
        esc(o, unit);
        puts_(o, ")");
    }
    puts_(o, "\">\n<title>");
    esc(o, name ? name : tr(o, "(indicator without a name)", "（名称なし）"));
    puts_(o, tr(o, ": actual against target", ": 実績値と目標値"));
    puts_(o, "</title>\n");
    draw_grid(o, &a, HYOKA_DECIMAL_MAX_SCALE, IC_LEFT, IC_RIGHT, IC_TOP, IC_BOTTOM);
    if (unit) {
        puts_(o, "<text class=\"axis-unit\" x=\"");
        put_tenths(o, IC_LEFT - 60);
        puts_(o, "\" y=\"");
        put_tenths(o, IC_TOP - 150);
        puts_(o, "\">(");
        esc(o, unit);
        puts_(o, ")</text>\n");
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
                putf(o, "<polyline class=\"line %s\" points=\"", cls[f]);
            else
                puts_(o, " ");
            put_tenths(o, IC_LEFT + col * (int64_t)i + col / 2);
            puts_(o, ",");
            put_tenths(o, y_of(&a, dec18(&d), IC_TOP, IC_BOTTOM));
            drawn++;
        }
        if (drawn)
            puts_(o, "\"/>\n");
    }
    for (int f = 0; f < 2; f++) {
        for (size_t i = 0; i < ny; i++) {
            hyoka_decimal d;
            if (hyoka_indicator_value(ind, years[i], fields[f], &d) != 1)
                continue;
            putf(o, "<circle class=\"point %s\" cx=\"", cls[f]);
            put_tenths(o, IC_LEFT + col * (int64_t)i + col / 2);
            puts_(o, "\" cy=\"");
            put_tenths(o, y_of(&a, dec18(&d), IC_TOP, IC_BOTTOM));
            puts_(o, "\" r=\"3.5\"><title>");
            put_fy(o, years[i]);
            puts_(o, " ");
            puts_(o, f == 0 ? tr(o, "target", "目標値") : tr(o, "actual", "実績値"));
            puts_(o, " ");
            put_decimal(o, &d);
            if (unit) {
                puts_(o, " ");
                esc(o, unit);
            }
            puts_(o, "</title></circle>");
        }
    }
    puts_(o, "<line class=\"axis\" x1=\"");
    put_tenths(o, IC_LEFT);
    puts_(o, "\" x2=\"");
    put_tenths(o, IC_LEFT);
    puts_(o, "\" y1=\"");
    put_tenths(o, IC_TOP);
    puts_(o, "\" y2=\"");
    put_tenths(o, IC_BOTTOM);
    puts_(o, "\"/>\n</svg>\n<figcaption>");
    esc(o, name ? name : tr(o, "(indicator without a name)", "（名称なし）"));
    puts_(o, "</figcaption>\n<ul class=\"legend\">");
    if (actuals) {
        puts_(o, "<li><span class=\"swatch line-actual\"></span>");
        puts_(o, tr(o, "actual", "実績値"));
        puts_(o, "</li>");
    }
    if (targets) {
        puts_(o, "<li><span class=\"swatch line-target\"></span>");
        puts_(o, tr(o, "target", "目標値"));
        puts_(o, "</li>");
    }
    puts_(o, "</ul>\n</figure>\n");
}

/* ------------------------------------------------------------------------ */
/* Sections of a project                                                     */

static int heading(int depth, int offset)
{
    int h = 2 * depth + offset;
    return h > 6 ? 6 : h;
}

static void section_heading(struct out *o, int depth, const char *en, const char *ja)
{
    int h = heading(depth, 2);
    putf(o, "<h%d>", h);
    puts_(o, tr(o, en, ja));
    putf(o, "</h%d>\n", h);
}

/* A text cell: the text, or an empty cell when missing. */
static void td_text(struct out *o, const char *text, const char *attrs)
{
    puts_(o, "<td");
    if (attrs)
        puts_(o, attrs);
    puts_(o, ">");
    esc_ml(o, text);
    puts_(o, "</td>");
}

static void header_band(struct out *o, const hyoka_project *p, int depth)
{
    const char *const *t = (const char *const *)p->text;
    int h = heading(depth, 1);

    if (depth == 0) {
        puts_(o, "<div class=\"doc-head\"><p class=\"doc-kind\">");
        puts_(o, tr(o, "Administrative project evaluation sheet", "事務事業評価表"));
        puts_(o, "</p>");
        if (o->pf && o->pf->municipality_name) {
            puts_(o, "<p class=\"municipality\">");
            esc(o, o->pf->municipality_name);
            puts_(o, "</p>");
        }
        puts_(o, "</div>\n");
    }
    puts_(o, "<table class=\"band\">\n<tr><th scope=\"row\">");
    puts_(o, depth == 0 ? tr(o, "Project", "事務事業名") : tr(o, "Sub-project", "細事業名"));
    putf(o, "</th><td colspan=\"3\" class=\"project-name\"><h%d>", h);
    if (t[HYOKA_TEXT_NAME])
        esc(o, t[HYOKA_TEXT_NAME]);
    else
        puts_(o, tr(o, "(no name)", "（名称なし）"));
    putf(o, "</h%d></td><th scope=\"row\">", h);
    puts_(o, tr(o, "Code", "事業コード"));
    puts_(o, "</th>");
    td_text(o, t[HYOKA_TEXT_CODE], " class=\"code\"");
    puts_(o, "</tr>\n<tr><th scope=\"row\">");
    puts_(o, tr(o, "Department", "所管部"));
    puts_(o, "</th>");
    td_text(o, t[HYOKA_TEXT_DEPARTMENT], NULL);
    puts_(o, "<th scope=\"row\">");
    puts_(o, tr(o, "Section", "所管課"));
    puts_(o, "</th>");
    td_text(o, t[HYOKA_TEXT_SECTION], NULL);
    puts_(o, "<th scope=\"row\">");
    puts_(o, tr(o, "Group", "係・グループ"));
    puts_(o, "</th>");
    td_text(o, t[HYOKA_TEXT_GROUP], NULL);
    puts_(o, "</tr>\n<tr><th scope=\"row\">");
    puts_(o, tr(o, "Head", "責任者"));
    puts_(o, "</th>");
    td_text(o, t[HYOKA_TEXT_HEAD], NULL);
    puts_(o, "<th scope=\"row\">");
    puts_(o, tr(o, "Contact", "担当者"));
    puts_(o, "</th>");
    td_text(o, t[HYOKA_TEXT_CONTACT], NULL);
    puts_(o, "<th scope=\"row\">");
    puts_(o, tr(o, "Phone", "電話"));
    puts_(o, "</th>");
    td_text(o, t[HYOKA_TEXT_PHONE], NULL);
    puts_(o, "</tr>\n</table>\n");
}

static void class_path(struct out *o, const struct hyoka__class_path *path)
{
    for (size_t i = 0; i < path->count; i++) {
        const struct hyoka__class_level *l = &path->items[i];
        if (i)
            puts_(o, "<span class=\"sep\"> \xE2\x80\xBA </span>");
        puts_(o, "<span class=\"level\">");
        if (l->level) {
            puts_(o, "<span class=\"level-name\">");
            esc(o, l->level);
            puts_(o, "</span> ");
        }
        if (l->code) {
            puts_(o, "<span class=\"level-code\">");
            esc(o, l->code);
            puts_(o, "</span> ");
        }
        esc(o, l->name);
        puts_(o, "</span>");
    }
}

static void basic_info(struct out *o, const hyoka_project *p, int depth)
{
    puts_(o, "<section class=\"basic\">\n");
    section_heading(o, depth, "Basic information", "基本情報");
    puts_(o, "<table class=\"info\">\n<tr><th scope=\"row\">");
    puts_(o, tr(o, "Policy system", "政策体系"));
    puts_(o, "</th><td colspan=\"3\">");
    class_path(o, &p->cls[HYOKA_CLASS_POLICY]);
    puts_(o, "</td></tr>\n<tr><th scope=\"row\">");
    puts_(o, tr(o, "Budget account", "予算科目"));
    puts_(o, "</th><td colspan=\"3\">");
    class_path(o, &p->cls[HYOKA_CLASS_ACCOUNT]);
    puts_(o, "</td></tr>\n<tr><th scope=\"row\">");
    puts_(o, tr(o, "Duty type", "事務区分"));
    puts_(o, "</th><td>");
    if (p->duty >= 0)
        puts_(o, enum_label(o, duty_labels, COUNT_OF(duty_labels), p->duty, "", ""));
    puts_(o, "</td><th scope=\"row\">");
    puts_(o, tr(o, "Period", "事業期間"));
    puts_(o, "</th><td>");
    if (p->period >= 0)
        puts_(o, enum_label(o, period_labels, COUNT_OF(period_labels), p->period, "", ""));
    puts_(o, "</td></tr>\n<tr><th scope=\"row\">");
    puts_(o, tr(o, "First fiscal year", "開始年度"));
    puts_(o, "</th><td>");
    if (p->start_year)
        put_fy_era(o, p->start_year);
    puts_(o, "</td><th scope=\"row\">");
    puts_(o, tr(o, "Last fiscal year", "終了年度"));
    puts_(o, "</th><td>");
    if (p->end_year)
        put_fy_era(o, p->end_year);
    else
        puts_(o, tr(o, "(open-ended)", "（定めなし）"));
    puts_(o, "</td></tr>\n<tr><th scope=\"row\">");
    puts_(o, tr(o, "Legal basis", "根拠法令"));
    puts_(o, "</th>");
    td_text(o, p->text[HYOKA_TEXT_LEGAL_BASIS], " colspan=\"3\"");
    puts_(o, "</tr>\n</table>\n</section>\n");
}

static void texts(struct out *o, const hyoka_project *p, int depth)
{
    static const struct {
        int field;
        const char *en, *ja;
    } rows[] = {
        {HYOKA_TEXT_SUMMARY, "Summary", "事業概要"},
        {HYOKA_TEXT_PURPOSE, "Purpose", "目的"},
        {HYOKA_TEXT_TARGET, "Target", "対象"},
        {HYOKA_TEXT_INTENT, "Intent", "意図"},
        {HYOKA_TEXT_RESULT, "Result", "結果"},
        {HYOKA_TEXT_BACKGROUND, "Background", "開始のきっかけ・背景"},
        {HYOKA_TEXT_ENVIRONMENT, "Changes in the environment", "環境変化"},
        {HYOKA_TEXT_OPINIONS, "Opinions and requests", "意見・要望"},
        {HYOKA_TEXT_ACTIVITIES_DONE, "Activities carried out", "実施内容"},
        {HYOKA_TEXT_ACTIVITIES_PLANNED, "Activities planned", "今後の予定"},
    };
    bool any = false;

    for (int i = 0; i < COUNT_OF(rows); i++)
        any = any || p->text[rows[i].field];
    if (!any)
        return;
    puts_(o, "<section class=\"texts\">\n");
    section_heading(o, depth, "Content of the project", "事業の内容");
    puts_(o, "<table class=\"info texts-table\">\n");
    for (int i = 0; i < COUNT_OF(rows); i++) {
        if (!p->text[rows[i].field])
            continue;
        puts_(o, "<tr><th scope=\"row\">");
        puts_(o, tr(o, rows[i].en, rows[i].ja));
        puts_(o, "</th>");
        td_text(o, p->text[rows[i].field], NULL);
        puts_(o, "</tr>\n");
    }
    puts_(o, "</table>\n</section>\n");
}

/* Cost years of @p p in fiscal-year order (stable), into o->order; also
 * indexes them in o->yix (the previous years of TOTAL_COST_CHANGE). */
static size_t order_years(struct out *o, const hyoka_project *p)
{
    size_t n = p->years.count;

    if (!scratch(o, (void **)&o->order, &o->order_cap, n, sizeof *o->order))
        return 0;
    hyoka__year_index_build(&o->yix, p);
    if (o->yix.project == p) {
        /* The index is in (fiscal year, index) order already. */
        for (size_t i = 0; i < n; i++)
            o->order[i] = o->yix.slots[i].pos;
        return n;
    }
    /* Not indexed (few years, or out of memory for the index): insertion
     * sort (stable) for the usual handful of years; a Shell sort keyed on
     * (fiscal year, index), which keeps it stable, for many. */
    for (size_t i = 0; i < n; i++)
        o->order[i] = i;
    if (n > 64) {
        /* Shell sort by (fiscal year, index): stable through the index key. */
        for (size_t gap = n / 2; gap > 0; gap /= 2) {
            for (size_t i = gap; i < n; i++) {
                size_t v = o->order[i], j = i;
                const hyoka_costs *cv = p->years.items[v];
                while (j >= gap) {
                    size_t w = o->order[j - gap];
                    const hyoka_costs *cw = p->years.items[w];
                    if (cw->fiscal_year < cv->fiscal_year || (cw->fiscal_year == cv->fiscal_year && w < v))
                        break;
                    o->order[j] = w;
                    j -= gap;
                }
                o->order[j] = v;
            }
        }
    } else {
        for (size_t i = 1; i < n; i++) {
            size_t v = o->order[i], j = i;
            const hyoka_costs *cv = p->years.items[v];
            while (j > 0 && ((const hyoka_costs *)p->years.items[o->order[j - 1]])->fiscal_year > cv->fiscal_year) {
                o->order[j] = o->order[j - 1];
                j--;
            }
            o->order[j] = v;
        }
    }
    return n;
}

/* One row of the cost table: a header (@p group for a rowspan'd group
 * header, or a label over two columns), the unit, and a cell per year. */
static void row_start(struct out *o, const char *cls, const char *label, const char *unit, bool in_group)
{
    putf(o, "<tr class=\"%s\">", cls);
    if (in_group)
        puts_(o, "<th scope=\"row\" class=\"sub\">");
    else
        puts_(o, "<th scope=\"row\" colspan=\"2\">");
    puts_(o, label);
    puts_(o, "</th><td class=\"unit\">");
    puts_(o, unit);
    puts_(o, "</td>");
}

static const char *per_head_unit(struct out *o, int figure)
{
    int unit = HYOKA_UNIT_YEN;
    if (o->pf)
        (void)hyoka_portfolio_rounding(o->pf, figure, NULL, NULL, &unit);
    return unit == HYOKA_UNIT_THOUSAND_YEN ? tr(o, "thousand yen", "千円") : tr(o, "yen", "円");
}

static void figure_row(struct out *o, const hyoka_project *p, size_t n, const char *cls, const char *label,
                       const char *unit, int figure, bool in_group)
{
    row_start(o, cls, label, unit, in_group);
    for (size_t i = 0; i < n; i++)
        cell_figure(o, p->years.items[o->order[i]], figure);
    puts_(o, "</tr>\n");
}

static void field_row(struct out *o, const hyoka_project *p, size_t n, const char *cls, const char *label,
                      const char *unit, int field, bool in_group)
{
    row_start(o, cls, label, unit, in_group);
    for (size_t i = 0; i < n; i++)
        cell_field(o, p->years.items[o->order[i]], field);
    puts_(o, "</tr>\n");
}

/* A staff line: what it is made of (persons, FTE or hours, unit cost or
 * rate), then its cost. */
static void staff_line(struct out *o, const hyoka_staff *s)
{
    int64_t cost = 0;
    int reason = HYOKA_REASON_NONE, rc;
    bool any = false;

    puts_(o, "<div class=\"staff-line\"><span class=\"staff-basis\">");
    if (HAS(s->present, HYOKA_STAFF_HEADCOUNT)) {
        put_decimal(o, &s->dec[HYOKA_STAFF_HEADCOUNT]);
        puts_(o, tr(o, " persons", "人"));
        any = true;
    }
    if (HAS(s->present, HYOKA_STAFF_FTE)) {
        if (any)
            puts_(o, " ");
        put_decimal(o, &s->dec[HYOKA_STAFF_FTE]);
        puts_(o, tr(o, " FTE", "人工"));
        if (HAS(s->present, HYOKA_STAFF_UNIT_COST)) {
            puts_(o, " \xC3\x97 ");
            put_money(o, s->amount[HYOKA_STAFF_UNIT_COST - 3]);
        }
        any = true;
    }
    if (HAS(s->present, HYOKA_STAFF_HOURS)) {
        if (any)
            puts_(o, " ");
        put_decimal(o, &s->dec[HYOKA_STAFF_HOURS]);
        puts_(o, tr(o, " h", "時間"));
        if (HAS(s->present, HYOKA_STAFF_HOURLY_RATE) &&
            !(HAS(s->present, HYOKA_STAFF_FTE) && HAS(s->present, HYOKA_STAFF_UNIT_COST))) {
            puts_(o, " \xC3\x97 ");
            put_money(o, s->amount[HYOKA_STAFF_HOURLY_RATE - 3]);
        }
    }
    puts_(o, "</span> ");
    rc = hyoka__staff_cost(s, &cost, &reason);
    if (rc == HYOKA_OK) {
        putf(o, "<span class=\"staff-cost\" data-yen=\"%lld\">", (long long)cost);
        put_money(o, cost);
        puts_(o, "</span>");
    } else {
        cell_na(o, "span", "staff-cost", why_failed(o, rc, reason));
    }
    puts_(o, "</div>");
}

static void personnel_rows(struct out *o, const hyoka_project *p, size_t n)
{
    /* Categories in use: regular .. temporary, then lines without one. */
    bool used[5] = {false};
    int rows = 1;

    for (size_t i = 0; i < n; i++) {
        const hyoka_costs *c = p->years.items[o->order[i]];
        for (size_t k = 0; k < c->staff.count; k++) {
            const hyoka_staff *s = c->staff.items[k];
            used[s->category >= 0 && s->category < 4 ? s->category : 4] = true;
        }
    }
    for (int k = 0; k < 5; k++)
        rows += used[k];
    for (int k = 0, first = 1; k < 5; k++) {
        if (!used[k])
            continue;
        putf(o, "<tr class=\"row-staff staff-%s\">", k < 4 ? hyoka_enum_name(HYOKA_ENUM_STAFF_CATEGORY, k) : "none");
        if (first) {
            putf(o, "<th scope=\"rowgroup\" rowspan=\"%d\" class=\"group\">", rows);
            puts_(o, tr(o, "Personnel", "人件費"));
            puts_(o, "</th>");
            first = 0;
        }
        puts_(o, "<th scope=\"row\" class=\"sub\">");
        puts_(o, k < 4 ? enum_label(o, category_labels, 4, k, "", "") : tr(o, "unspecified", "区分なし"));
        puts_(o, "</th><td class=\"unit\">");
        puts_(o, money_unit(o));
        puts_(o, "</td>");
        for (size_t i = 0; i < n; i++) {
            const hyoka_costs *c = p->years.items[o->order[i]];
            bool any = false;
            for (size_t j = 0; j < c->staff.count; j++) {
                const hyoka_staff *s = c->staff.items[j];
                int cat = s->category >= 0 && s->category < 4 ? s->category : 4;
                if (cat != k)
                    continue;
                if (!any)
                    puts_(o, "<td class=\"num staff\">");
                any = true;
                staff_line(o, s);
            }
            if (any)
                puts_(o, "</td>");
            else
                cell_na(o, "td", NULL, tr(o, "no staff line", "記載なし"));
        }
        puts_(o, "</tr>\n");
    }
    if (rows == 1) {
        figure_row(o, p, n, "row-personnel", tr(o, "Personnel", "人件費"), money_unit(o), HYOKA_FIG_PERSONNEL,
                   false);
        return;
    }
    figure_row(o, p, n, "row-personnel", tr(o, "Personnel total", "人件費計"), money_unit(o), HYOKA_FIG_PERSONNEL,
               true);
}

static bool any_field(const hyoka_project *p, int field)
{
    for (size_t i = 0; i < p->years.count; i++) {
        const hyoka_costs *c = p->years.items[i];
        if (HAS(c->present, field))
            return true;
    }
    return false;
}

static void costs_section(struct out *o, const hyoka_project *p, int depth, unsigned seq)
{
    size_t n = order_years(o, p);
    const char *mu;

    if (o->err != HYOKA_OK)
        return;
    mu = money_unit(o);
    puts_(o, "<section class=\"costs\">\n");
    section_heading(o, depth, "Costs by fiscal year", "事業費の推移");
    if (n == 0) {
        puts_(o, "<p class=\"none\">");
        puts_(o, tr(o, "No cost year is given.", "経費の記載なし。"));
        puts_(o, "</p>\n</section>\n");
        return;
    }
    puts_(o, "<p class=\"unit-note\">");
    puts_(o, tr(o, "Amounts in ", "金額の単位: "));
    puts_(o, mu);
    puts_(o, tr(o, ". \xE2\x80\x94 marks a figure that cannot be computed (the reason shows on hover).",
                "。「\xE2\x80\x94」は算出できない値（理由はポインタを重ねると表示）。"));
    puts_(o, "</p>\n<div class=\"scroll\">\n");
    putf(o, "<table class=\"cost-table\" data-project=\"%u\" data-years=\"%zu\">\n<thead><tr>"
            "<th scope=\"col\" colspan=\"2\">",
         seq, n);
    puts_(o, tr(o, "Item", "区分"));
    puts_(o, "</th><th scope=\"col\">");
    puts_(o, tr(o, "Unit", "単位"));
    puts_(o, "</th>");
    for (size_t i = 0; i < n; i++) {
        const hyoka_costs *c = p->years.items[o->order[i]];
        putf(o, "<th scope=\"col\" data-fy=\"%ld\">", (long)c->fiscal_year);
        put_fy(o, c->fiscal_year);
        if (c->phase >= 0) {
            puts_(o, "<br><span class=\"phase\">");
            puts_(o, enum_label(o, phase_labels, COUNT_OF(phase_labels), c->phase, "", ""));
            puts_(o, "</span>");
        }
        puts_(o, "</th>");
    }
    puts_(o, "</tr></thead>\n<tbody>\n");
    field_row(o, p, n, "row-initial", tr(o, "Initial budget", "当初予算"), mu, HYOKA_COST_INITIAL_BUDGET, false);
    field_row(o, p, n, "row-final", tr(o, "Final budget", "最終予算"), mu, HYOKA_COST_FINAL_BUDGET, false);
    field_row(o, p, n, "row-settlement", tr(o, "Settlement", "決算額"), mu, HYOKA_COST_SETTLEMENT, false);
    figure_row(o, p, n, "row-expense", tr(o, "Expense", "事業費"), mu, HYOKA_FIG_EXPENSE, false);
    for (int k = 0; k < SOURCE_COUNT; k++) {
        putf(o, "<tr class=\"row-source src-%s\">", segment_class[k]);
        if (k == 0) {
            putf(o, "<th scope=\"rowgroup\" rowspan=\"%d\" class=\"group\">", SOURCE_COUNT);
            puts_(o, tr(o, "Funding", "財源内訳"));
            puts_(o, "</th>");
        }
        puts_(o, "<th scope=\"row\" class=\"sub\"><span class=\"swatch seg-");
        puts_(o, segment_class[k]);
        puts_(o, "\"></span>");
        puts_(o, segment_label[k][o->lang == HYOKA_LANG_JA]);
        puts_(o, "</th><td class=\"unit\">");
        puts_(o, mu);
        puts_(o, "</td>");
        for (size_t i = 0; i < n; i++)
            cell_field(o, p->years.items[o->order[i]], source_fields[k]);
        puts_(o, "</tr>\n");
    }
    personnel_rows(o, p, n);
    figure_row(o, p, n, "row-debt", tr(o, "Debt service", "公債費"), mu, HYOKA_FIG_DEBT_SERVICE, false);
    figure_row(o, p, n, "row-indirect", tr(o, "Indirect costs", "間接費"), mu, HYOKA_FIG_INDIRECT_COSTS, false);
    figure_row(o, p, n, "row-total", tr(o, "Total cost", "トータルコスト"), mu, HYOKA_FIG_TOTAL_COST, false);
    figure_row(o, p, n, "row-change", tr(o, "Change from the previous year", "前年度比"), "%",
               HYOKA_FIG_TOTAL_COST_CHANGE, false);
    figure_row(o, p, n, "row-per-capita", tr(o, "Per capita", "市民一人当たり"),
               per_head_unit(o, HYOKA_FIG_PER_CAPITA), HYOKA_FIG_PER_CAPITA, false);
    figure_row(o, p, n, "row-per-household", tr(o, "Per household", "一世帯当たり"),
               per_head_unit(o, HYOKA_FIG_PER_HOUSEHOLD), HYOKA_FIG_PER_HOUSEHOLD, false);
    field_row(o, p, n, "row-usage", tr(o, "Usage", "利用数"), tr(o, "count", "件・人"), HYOKA_COST_USAGE, false);
    figure_row(o, p, n, "row-unit-cost", tr(o, "Cost per unit of usage", "利用数一単位当たり"),
               per_head_unit(o, HYOKA_FIG_UNIT_COST), HYOKA_FIG_UNIT_COST, false);
    if (any_field(p, HYOKA_COST_BENEFICIARIES)) {
        field_row(o, p, n, "row-beneficiaries", tr(o, "Beneficiaries", "受益者数"), tr(o, "persons", "人"),
                  HYOKA_COST_BENEFICIARIES, false);
        figure_row(o, p, n, "row-per-beneficiary", tr(o, "Per beneficiary", "受益者一人当たり"),
                   per_head_unit(o, HYOKA_FIG_PER_BENEFICIARY), HYOKA_FIG_PER_BENEFICIARY, false);
    }
    figure_row(o, p, n, "row-execution", tr(o, "Execution rate", "執行率"), "%", HYOKA_FIG_EXECUTION_RATE, false);
    puts_(o, "</tbody>\n</table>\n</div>\n");
    cost_chart(o, p, n, seq);
    puts_(o, "</section>\n");
}

/* The fiscal years of all the indicators of @p p, sorted, without
 * duplicates, into o->years. */
static size_t indicator_years(struct out *o, const hyoka_project *p)
{
    size_t n = 0, total = 0;

    for (size_t i = 0; i < p->indicators.count; i++) {
        const hyoka_indicator *ind = p->indicators.items[i];
        if (ind->value_count > SIZE_MAX - total)
            return 0;
        total += ind->value_count;
    }
    if (!scratch(o, (void **)&o->years, &o->years_cap, total, sizeof *o->years))
        return 0;
    for (size_t i = 0; i < p->indicators.count; i++) {
        const hyoka_indicator *ind = p->indicators.items[i];
        for (size_t k = 0; k < ind->value_count; k++)
            o->years[n++] = ind->values[k].fiscal_year;
    }
    /* Shell sort, then drop duplicates. */
    for (size_t gap = n / 2; gap > 0; gap /= 2) {
        for (size_t i = gap; i < n; i++) {
            int32_t v = o->years[i];
            size_t j = i;
            while (j >= gap && o->years[j - gap] > v) {
                o->years[j] = o->years[j - gap];
                j -= gap;
            }
            o->years[j] = v;
        }
    }
    if (n == 0)
        return 0;
    total = 1;
    for (size_t i = 1; i < n; i++)
        if (o->years[i] != o->years[total - 1])
            o->years[total++] = o->years[i];
    return total;
}

static void value_cell(struct out *o, const hyoka_indicator *ind, int32_t fy, int field)
{
    hyoka_decimal d;

    if (hyoka_indicator_value(ind, fy, field, &d) == 1) {
        char b[HYOKA_DECIMAL_STRING_MAX];
        size_t n = 0;
        puts_(o, "<td class=\"num\" data-fy=\"");
        putf(o, "%ld\" data-value=\"", (long)fy);
        if (hyoka_decimal_format(&d, 0, b, sizeof b, &n) == HYOKA_OK)
            put(o, b, n);
        puts_(o, "\">");
        put_decimal(o, &d);
        puts_(o, "</td>");
    } else if (field == HYOKA_VALUE_TARGET && ind->not_settable) {
        const char *why = ind->text[HYOKA_INDICATOR_NOT_SETTABLE_REASON];
        puts_(o, "<td class=\"na not-settable\" title=\"");
        esc(o, why ? why : tr(o, "a target cannot be set", "目標の設定が困難"));
        puts_(o, "\">");
        puts_(o, tr(o, "not settable", "設定困難"));
        puts_(o, "</td>");
    } else {
        cell_na(o, "td", NULL, not_given(o));
    }
}

static void achievement_cell(struct out *o, const hyoka_indicator *ind, int32_t fy)
{
    hyoka_decimal d, stated;
    int reason = HYOKA_REASON_NONE;
    int rc = hyoka__indicator_figure(ind, fy, HYOKA_FIG_ACHIEVEMENT, &d, &reason);
    bool has_stated = hyoka_indicator_value(ind, fy, HYOKA_VALUE_STATED_ACHIEVEMENT, &stated) == 1;

    if (rc != HYOKA_OK) {
        cell_na(o, "td", NULL, why_failed(o, rc, reason));
        return;
    }
    if (has_stated && hyoka_decimal_cmp(&stated, &d) != 0) {
        puts_(o, "<td class=\"num differs\" title=\"");
        puts_(o, tr(o, "printed on the sheet: ", "記載値: "));
        put_decimal(o, &stated);
        puts_(o, "\">");
    } else {
        puts_(o, "<td class=\"num\">");
    }
    put_decimal(o, &d);
    puts_(o, "</td>");
}

static bool any_value(const hyoka_indicator *ind, int field)
{
    for (size_t k = 0; k < ind->value_count; k++)
        if (HAS(ind->values[k].present, field))
            return true;
    return false;
}

static void indicators_section(struct out *o, const hyoka_project *p, int depth, unsigned seq)
{
    size_t ny, ncharts = 0;

    if (p->indicators.count == 0)
        return;
    ny = indicator_years(o, p);
    if (o->err != HYOKA_OK)
        return;
    puts_(o, "<section class=\"indicators\">\n");
    section_heading(o, depth, "Indicators", "指標");
    puts_(o, "<div class=\"scroll\">\n");
    putf(o, "<table class=\"indicator-table\" data-project=\"%u\">\n<thead><tr><th scope=\"col\">", seq);
    puts_(o, tr(o, "Kind", "区分"));
    puts_(o, "</th><th scope=\"col\">");
    puts_(o, tr(o, "Indicator", "指標名"));
    puts_(o, "</th><th scope=\"col\">");
    puts_(o, tr(o, "Unit", "単位"));
    puts_(o, "</th><th scope=\"col\">");
    puts_(o, tr(o, "Value", "項目"));
    puts_(o, "</th>");
    for (size_t i = 0; i < ny; i++) {
        putf(o, "<th scope=\"col\" data-fy=\"%ld\">", (long)o->years[i]);
        put_fy(o, o->years[i]);
        puts_(o, "</th>");
    }
    puts_(o, "<th scope=\"col\">");
    puts_(o, tr(o, "Long-term target", "将来目標"));
    puts_(o, "</th></tr></thead>\n");

    for (size_t x = 0; x < p->indicators.count; x++) {
        const hyoka_indicator *ind = p->indicators.items[x];
        bool forecast = any_value(ind, HYOKA_VALUE_FORECAST);
        int rows = forecast ? 4 : 3;
        static const struct {
            int field;
            const char *cls, *en, *ja;
        } kinds[4] = {
            {HYOKA_VALUE_TARGET, "ind-target", "target", "目標値"},
            {HYOKA_VALUE_ACTUAL, "ind-actual", "actual", "実績値"},
            {-1, "ind-achievement", "achievement", "達成率"},
            {HYOKA_VALUE_FORECAST, "ind-forecast", "forecast", "見込値"},
        };

        putf(o, "<tbody class=\"indicator\" data-indicator=\"%zu\">\n", x);
        for (int r = 0; r < rows; r++) {
            putf(o, "<tr class=\"%s\" data-project=\"%u\" data-indicator=\"%zu\">", kinds[r].cls, seq, x);
            if (r == 0) {
                putf(o, "<td rowspan=\"%d\" class=\"kind\">", rows);
                puts_(o, enum_label(o, kind_labels, COUNT_OF(kind_labels), ind->kind, "", ""));
                putf(o, "</td><th scope=\"rowgroup\" rowspan=\"%d\" class=\"indicator-name\">", rows);
                if (ind->text[HYOKA_INDICATOR_NAME])
                    esc(o, ind->text[HYOKA_INDICATOR_NAME]);
                else
                    puts_(o, tr(o, "(no name)", "（名称なし）"));
                if (ind->direction >= 0) {
                    puts_(o, " <span class=\"direction\">(");
                    puts_(o, enum_label(o, direction_labels, COUNT_OF(direction_labels), ind->direction, "", ""));
                    puts_(o, ")</span>");
                }
                if (ind->text[HYOKA_INDICATOR_DEFINITION]) {
                    puts_(o, "<div class=\"definition\">");
                    esc_ml(o, ind->text[HYOKA_INDICATOR_DEFINITION]);
                    puts_(o, "</div>");
                }
                putf(o, "</th><td rowspan=\"%d\" class=\"unit\">", rows);
                esc(o, ind->text[HYOKA_INDICATOR_UNIT]);
                puts_(o, "</td>");
            }
            puts_(o, "<th scope=\"row\" class=\"sub\">");
            puts_(o, tr(o, kinds[r].en, kinds[r].ja));
            puts_(o, "</th>");
            for (size_t i = 0; i < ny; i++) {
                if (kinds[r].field < 0)
                    achievement_cell(o, ind, o->years[i]);
                else
                    value_cell(o, ind, o->years[i], kinds[r].field);
            }
            if (r == 0) {
                hyoka_decimal lt;
                int32_t lty = 0;
                putf(o, "<td rowspan=\"%d\" class=\"long-term\">", rows);
                if (hyoka_indicator_long_term(ind, &lt, &lty) == 1) {
                    put_decimal(o, &lt);
                    if (lty) {
                        puts_(o, " (");
                        put_fy(o, lty);
                        puts_(o, ")");
                    }
                    if (ind->text[HYOKA_INDICATOR_LONG_TERM_NOTE])
                        puts_(o, "<br>");
                }
                esc_ml(o, ind->text[HYOKA_INDICATOR_LONG_TERM_NOTE]);
                puts_(o, "</td>");
            }
            puts_(o, "</tr>\n");
        }
        puts_(o, "</tbody>\n");
        if (any_value(ind, HYOKA_VALUE_TARGET) || any_value(ind, HYOKA_VALUE_ACTUAL))
            ncharts++;
    }
    puts_(o, "</table>\n</div>\n");

    if (ncharts) {
        puts_(o, "<div class=\"indicator-charts\">\n");
        for (size_t x = 0; x < p->indicators.count; x++) {
            const hyoka_indicator *ind = p->indicators.items[x];
            size_t t = 0, a = 0, m = 0;
            /* Count this indicator's targets and actuals over the years. */
            for (size_t i = 0; i < ny; i++) {
                int ht = hyoka_indicator_value(ind, o->years[i], HYOKA_VALUE_TARGET, NULL) == 1;
                int ha = hyoka_indicator_value(ind, o->years[i], HYOKA_VALUE_ACTUAL, NULL) == 1;
                t += (size_t)ht;
                a += (size_t)ha;
                m += (size_t)(ht || ha);
            }
            if (m == 0)
                continue;
            {
                /* The years it has a value in, after the project's years. */
                int32_t *ys;
                size_t k = 0;
                if (!scratch(o, (void **)&o->years, &o->years_cap, ny + m, sizeof *o->years))
                    break;
                ys = o->years + ny;
                for (size_t i = 0; i < ny; i++) {
                    if (hyoka_indicator_value(ind, o->years[i], HYOKA_VALUE_TARGET, NULL) == 1 ||
                        hyoka_indicator_value(ind, o->years[i], HYOKA_VALUE_ACTUAL, NULL) == 1)
                        ys[k++] = o->years[i];
                }
                indicator_chart(o, ind, x, seq, ys, k, t, a);
            }
        }
        puts_(o, "</div>\n");
    }
    puts_(o, "</section>\n");
}

/* ------------------------------------------------------------------------ */
/* Evaluations                                                               */

static const hyoka_scheme *scheme_of(const struct out *o, const hyoka_evaluation *e)
{
    const char *id = e->text[HYOKA_EVAL_SCHEME];
    if (!id)
        id = "jp-standard";
    if (o->pf)
        return hyoka_portfolio_find_scheme(o->pf, id, HYOKA_NTS);
    return hyoka_scheme_builtin(id, HYOKA_NTS);
}

/* The label of a verdict code: the scheme's, else the code itself. */
static void verdict_label(struct out *o, const hyoka_scheme *s, const char *code)
{
    size_t idx = 0;
    const char *label = NULL;

    if (s && hyoka_scheme_find_verdict(s, code, HYOKA_NTS, &idx) == HYOKA_OK)
        (void)hyoka_scheme_verdict_at(s, idx, NULL, &label, NULL);
    if (label) {
        puts_(o, "<span class=\"verdict-label\" title=\"");
        esc(o, code);
        puts_(o, "\">");
        esc(o, label);
        puts_(o, "</span>");
        if (o->lang == HYOKA_LANG_EN && strcmp(label, code) != 0) {
            puts_(o, " <span class=\"verdict-code\">(");
            esc(o, code);
            puts_(o, ")</span>");
        }
    } else {
        puts_(o, "<span class=\"verdict-label unknown\" title=\"");
        puts_(o, tr(o, "not a verdict of the scheme", "評価方式にない区分"));
        puts_(o, "\">");
        esc(o, code);
        puts_(o, "</span>");
    }
}

static void budget_label(struct out *o, const hyoka_scheme *s, const char *code)
{
    size_t idx = 0;
    const char *label = NULL;

    if (s && hyoka_scheme_find_budget(s, code, HYOKA_NTS, &idx) == HYOKA_OK)
        (void)hyoka_scheme_budget_at(s, idx, NULL, &label, NULL);
    puts_(o, "<span class=\"budget-label\" title=\"");
    esc(o, code);
    puts_(o, "\">");
    esc(o, label ? label : code);
    puts_(o, "</span>");
}

static void answers_table(struct out *o, const hyoka_evaluation *e, const hyoka_scheme *s)
{
    if (e->answers.count == 0)
        return;
    puts_(o, "<table class=\"criteria\">\n<thead><tr><th scope=\"col\">");
    puts_(o, tr(o, "Criterion", "評価項目"));
    puts_(o, "</th><th scope=\"col\">");
    puts_(o, tr(o, "Rating", "評価"));
    puts_(o, "</th><th scope=\"col\">");
    puts_(o, tr(o, "Comment", "コメント"));
    puts_(o, "</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < e->answers.count; i++) {
        const struct hyoka__kv *kv = &e->answers.items[i];
        const char *clabel = NULL, *olabel = NULL;
        size_t ci = 0;

        if (s && hyoka_scheme_find_criterion(s, kv->key, HYOKA_NTS, &ci) == HYOKA_OK) {
            (void)hyoka_scheme_criterion_at(s, ci, NULL, &clabel, NULL);
            for (size_t k = 0; k < hyoka_scheme_option_count(s, ci); k++) {
                const char *oc = NULL, *ol = NULL;
                if (hyoka_scheme_option_at(s, ci, k, &oc, &ol, NULL, NULL) == HYOKA_OK && oc &&
                    strcmp(oc, kv->value) == 0) {
                    olabel = ol;
                    break;
                }
            }
        }
        puts_(o, "<tr><th scope=\"row\">");
        esc(o, clabel ? clabel : kv->key);
        puts_(o, "</th><td class=\"answer\"><span class=\"answer-code\">");
        esc(o, kv->value);
        puts_(o, "</span>");
        if (olabel && strcmp(olabel, kv->value) != 0) {
            puts_(o, " ");
            esc(o, olabel);
        }
        puts_(o, "</td>");
        td_text(o, hyoka__kv_get(&e->comments, kv->key, HYOKA_NTS), NULL);
        puts_(o, "</tr>\n");
    }
    puts_(o, "</tbody>\n</table>\n");
}

static void evaluation_box(struct out *o, const hyoka_evaluation *e, int depth)
{
    const hyoka_scheme *s = scheme_of(o, e);
    const char *const *t = (const char *const *)e->text;
    hyoka_decimal score;
    const char *rlabel = NULL, *rcode = NULL;
    int reason = HYOKA_REASON_NONE, rc;
    size_t shown_comments = 0;
    int h = heading(depth, 3);

    putf(o, "<div class=\"evaluation\" data-stage=\"%s\">\n<h%d>",
         e->stage >= 0 ? hyoka_enum_name(HYOKA_ENUM_STAGE, e->stage) : "none", h);
    puts_(o, enum_label(o, stage_labels, COUNT_OF(stage_labels), e->stage, "Evaluation", "評価"));
    if (e->fiscal_year) {
        puts_(o, " \xE2\x80\x94 ");
        put_fy(o, e->fiscal_year);
    }
    putf(o, "</h%d>\n<table class=\"info eval-table\">\n<tr><th scope=\"row\">", h);
    puts_(o, tr(o, "Stage", "評価段階"));
    puts_(o, "</th><td>");
    puts_(o, enum_label(o, stage_labels, COUNT_OF(stage_labels), e->stage, "", ""));
    puts_(o, "</td><th scope=\"row\">");
    puts_(o, tr(o, "Fiscal year evaluated", "評価対象年度"));
    puts_(o, "</th><td>");
    if (e->fiscal_year)
        put_fy(o, e->fiscal_year);
    puts_(o, "</td><th scope=\"row\">");
    puts_(o, tr(o, "Date", "評価日"));
    puts_(o, "</th><td>");
    if (e->date)
        put_date(o, e->date);
    puts_(o, "</td></tr>\n<tr><th scope=\"row\">");
    puts_(o, tr(o, "Evaluator", "評価者"));
    puts_(o, "</th>");
    td_text(o, t[HYOKA_EVAL_EVALUATOR], " colspan=\"3\"");
    puts_(o, "<th scope=\"row\">");
    puts_(o, tr(o, "Scheme", "評価方式"));
    puts_(o, "</th><td>");
    esc(o, t[HYOKA_EVAL_SCHEME] ? t[HYOKA_EVAL_SCHEME] : "jp-standard");
    if (!s) {
        puts_(o, " <span class=\"unknown\">(");
        puts_(o, tr(o, "unknown", "不明"));
        puts_(o, ")</span>");
    }
    puts_(o, "</td></tr>\n<tr><th scope=\"row\">");
    puts_(o, tr(o, "Overall verdict", "総合評価"));
    puts_(o, "</th><td class=\"verdict\">");
    if (t[HYOKA_EVAL_VERDICT])
        verdict_label(o, s, t[HYOKA_EVAL_VERDICT]);
    puts_(o, "</td><th scope=\"row\">");
    puts_(o, tr(o, "Budget", "予算の方向性"));
    puts_(o, "</th><td>");
    if (t[HYOKA_EVAL_BUDGET])
        budget_label(o, s, t[HYOKA_EVAL_BUDGET]);
    puts_(o, "</td><th scope=\"row\">");
    puts_(o, tr(o, "Score / rating", "評点・評定"));
    puts_(o, "</th>");
    rc = hyoka__evaluation_score(e, &score, &reason);
    if (rc == HYOKA_OK) {
        puts_(o, "<td class=\"score\"><span class=\"num\">");
        put_decimal(o, &score);
        puts_(o, "</span>");
        reason = HYOKA_REASON_NONE;
        rc = hyoka__evaluation_rating(e, &rcode, &rlabel, &reason);
        if (rc == HYOKA_OK && (rlabel || rcode)) {
            puts_(o, " / <span class=\"rating\">");
            esc(o, rlabel ? rlabel : rcode);
            puts_(o, "</span>");
        } else if (rc != HYOKA_OK && !(reason == HYOKA_REASON_NO_BANDS && s && hyoka_scheme_band_count(s) == 0 &&
                                       hyoka_scheme_missing_rating(s, NULL, NULL) != 1)) {
            /* (a scheme without bands has no rating to miss) */
            puts_(o, " / ");
            cell_na(o, "span", "rating", why_failed(o, rc, reason));
        }
        puts_(o, "</td>");
    } else {
        cell_na(o, "td", "score", why_failed(o, rc, reason));
    }
    puts_(o, "</tr>\n");
    if (e->expected_outcome >= 0 || e->expected_cost >= 0) {
        puts_(o, "<tr><th scope=\"row\">");
        puts_(o, tr(o, "Expected effect", "見込まれる効果"));
        puts_(o, "</th><td colspan=\"5\">");
        puts_(o, tr(o, "outcome: ", "成果: "));
        puts_(o, enum_label(o, outcome_labels, COUNT_OF(outcome_labels), e->expected_outcome, "\xE2\x80\x94",
                            "\xE2\x80\x94"));
        puts_(o, tr(o, "; cost: ", "、コスト: "));
        puts_(o, enum_label(o, cost_labels, COUNT_OF(cost_labels), e->expected_cost, "\xE2\x80\x94",
                            "\xE2\x80\x94"));
        puts_(o, "</td></tr>\n");
    }
    puts_(o, "</table>\n");
    answers_table(o, e, s);

    /* Comments not shown beside a criterion. */
    for (size_t i = 0; i < e->comments.count; i++) {
        const struct hyoka__kv *kv = &e->comments.items[i];
        const char *label;
        if (hyoka__kv_get(&e->answers, kv->key, HYOKA_NTS))
            continue;
        if (shown_comments++ == 0)
            puts_(o, "<table class=\"info comments\">\n");
        label = comment_label(o, kv->key);
        puts_(o, "<tr><th scope=\"row\">");
        if (label)
            puts_(o, label);
        else
            esc(o, kv->key);
        puts_(o, "</th>");
        td_text(o, kv->value, NULL);
        puts_(o, "</tr>\n");
    }
    if (shown_comments)
        puts_(o, "</table>\n");

    if (e->goal_count) {
        puts_(o, "<table class=\"goals\">\n<thead><tr><th scope=\"col\">");
        puts_(o, tr(o, "Goal (what)", "今期目標（何を）"));
        puts_(o, "</th><th scope=\"col\">");
        puts_(o, tr(o, "Level (how far)", "達成水準（どこまで）"));
        puts_(o, "</th><th scope=\"col\">");
        puts_(o, tr(o, "By (when)", "時期（いつまで）"));
        puts_(o, "</th></tr></thead>\n<tbody>\n");
        for (size_t i = 0; i < e->goal_count; i++) {
            const struct hyoka__goal *g = &e->goals[i];
            puts_(o, "<tr>");
            td_text(o, g->what, NULL);
            td_text(o, g->level, NULL);
            puts_(o, "<td>");
            if (g->by)
                put_date(o, g->by);
            puts_(o, "</td></tr>\n");
        }
        puts_(o, "</tbody>\n</table>\n");
    }
    puts_(o, "</div>\n");
}

static void evaluations_section(struct out *o, const hyoka_project *p, int depth)
{
    if (p->evaluations.count == 0)
        return;
    puts_(o, "<section class=\"evaluations\">\n");
    section_heading(o, depth, "Evaluations", "評価");
    for (size_t i = 0; i < p->evaluations.count; i++)
        evaluation_box(o, p->evaluations.items[i], depth);
    puts_(o, "</section>\n");
}

static void extensions_section(struct out *o, const hyoka_project *p, int depth)
{
    if (p->extensions.count == 0)
        return;
    puts_(o, "<section class=\"extensions\">\n");
    section_heading(o, depth, "Other entries", "その他の記載事項");
    puts_(o, "<table class=\"info\">\n");
    for (size_t i = 0; i < p->extensions.count; i++) {
        puts_(o, "<tr><th scope=\"row\">");
        esc(o, p->extensions.items[i].key);
        puts_(o, "</th>");
        td_text(o, p->extensions.items[i].value, NULL);
        puts_(o, "</tr>\n");
    }
    puts_(o, "</table>\n</section>\n");
}

/* Everything of a project before its sub-projects. */
static void project_open(struct out *o, const hyoka_project *p, int depth)
{
    unsigned seq = ++o->seq;

    putf(o, "<article class=\"project%s\" data-project=\"%u\" data-depth=\"%d\">\n", depth ? " subproject" : "",
         seq, depth);
    header_band(o, p, depth);
    basic_info(o, p, depth);
    texts(o, p, depth);
    costs_section(o, p, depth, seq);
    indicators_section(o, p, depth, seq);
    evaluations_section(o, p, depth);
    extensions_section(o, p, depth);
    if (p->children.count) {
        puts_(o, "<section class=\"subprojects\">\n");
        section_heading(o, depth, "Sub-projects", "細事業");
    }
}

static void project_close(struct out *o, const hyoka_project *p)
{
    if (p->children.count)
        puts_(o, "</section>\n");
    puts_(o, "</article>\n");
}

/* The project and its sub-projects, depth first, without recursion. */
static void project_tree(struct out *o, const hyoka_project *root)
{
    size_t n = 0;

    if (!scratch(o, (void **)&o->stack, &o->stack_cap, 1, sizeof *o->stack))
        return;
    o->stack[n++] = (struct frame){root, 0, 0};
    project_open(o, root, 0);
    while (n > 0 && o->err == HYOKA_OK) {
        struct frame *f = &o->stack[n - 1];
        if (f->next < f->project->children.count) {
            const hyoka_project *child = f->project->children.items[f->next++];
            int depth = f->depth + 1;
            if (!scratch(o, (void **)&o->stack, &o->stack_cap, n + 1, sizeof *o->stack))
                return;
            o->stack[n++] = (struct frame){child, 0, depth};
            project_open(o, child, depth);
        } else {
            project_close(o, f->project);
            n--;
        }
    }
}

/* ------------------------------------------------------------------------ */
/* The page                                                                  */

/* The style sheet, one rule per entry (each under the 4095-byte limit
 * C99 compilers must support for a string literal). */
static const char *const style_sheet[] = {
    "@page{size:A4;margin:12mm}\n",
    ":root{--ink:#1b1b1b;--rule:#4d4d4d;--soft:#bdbdbd;--head:#e8edf3;--band:#1f3b5c;--accent:#0072b2}\n",
    "*{box-sizing:border-box}\n",
    "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n",
    "body{margin:0;background:#efefea;color:var(--ink);font-size:13px;line-height:1.5;"
    "font-family:\"Hiragino Kaku Gothic ProN\",\"Hiragino Sans\",\"Yu Gothic UI\",\"Yu Gothic\",YuGothic,Meiryo,"
    "\"Noto Sans CJK JP\",\"Noto Sans JP\",\"Source Han Sans JP\",\"IPAexGothic\",\"IPAPGothic\",\"TakaoPGothic\","
    "\"VL PGothic\",system-ui,sans-serif;"
    "-webkit-print-color-adjust:exact;print-color-adjust:exact}\n",
    ".sheet{max-width:1120px;margin:16px auto;padding:18px 22px;background:#fff;"
    "box-shadow:0 1px 4px rgba(0,0,0,.18)}\n",
    ".doc-head{display:flex;justify-content:space-between;align-items:baseline;"
    "border-bottom:3px double var(--band);margin-bottom:8px}\n",
    ".doc-kind{font-size:18px;font-weight:700;letter-spacing:.2em;margin:0}\n",
    ".municipality{font-size:15px;font-weight:700;margin:0}\n",
    "h1,h2,h3,h4,h5,h6{margin:0;line-height:1.3}\n",
    "section>h2,section>h3,section>h4,section>h5,section>h6{font-size:14px;margin:14px 0 6px;padding:2px 8px;"
    "border-left:6px solid var(--band);background:#edf0f4}\n",
    ".project-name h1,.project-name h2,.project-name h3,.project-name h4,.project-name h5,.project-name h6"
    "{font-size:19px}\n",
    ".evaluation>h3,.evaluation>h4,.evaluation>h5,.evaluation>h6{font-size:13px;margin:8px 0 4px}\n",
    "table{border-collapse:collapse;width:100%;margin:0 0 8px}\n",
    "th,td{border:1px solid var(--rule);padding:3px 6px;vertical-align:top;text-align:left;"
    "overflow-wrap:anywhere}\n",
    "th{background:var(--head);font-weight:600}\n",
    "thead th{text-align:center;vertical-align:middle}\n",
    ".band th{background:var(--band);color:#fff;white-space:nowrap;width:7em}\n",
    ".band td{font-size:14px}\n",
    ".band .code{font-family:ui-monospace,monospace;font-size:15px;white-space:nowrap}\n",
    ".info th{width:10em}\n",
    ".num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n",
    ".unit{text-align:center;white-space:nowrap;color:#444;font-size:12px}\n",
    ".na{text-align:center;color:#8a8a8a;cursor:help}\n",
    ".not-settable{color:#555;font-size:12px}\n",
    ".differs{text-decoration:underline dotted #d55e00}\n",
    ".phase{font-weight:400;font-size:11px;color:#444}\n",
    "th.group{writing-mode:vertical-rl;text-orientation:upright;text-align:center;vertical-align:middle;"
    "width:1.8em;padding:4px 2px;letter-spacing:.1em}\n",
    "th.sub{font-weight:400;white-space:nowrap}\n",
    ".cost-table th[scope=row]{white-space:nowrap}\n"
    ".cost-table,.indicator-table{width:auto;min-width:50%}\n"
    "th[data-fy]{min-width:6.5em}\n",
    ".cost-table .row-expense td,.cost-table .row-total td,.cost-table .row-total th"
    "{font-weight:700}\n",
    ".cost-table .row-total td,.cost-table .row-total th{background:#fff6dd;border-top:2px solid var(--rule)}\n",
    ".staff-line{white-space:nowrap}\n",
    ".staff-basis{display:block;font-size:11px;color:#444}\n",
    ".indicator-name{font-weight:600;min-width:12em}\n",
    ".definition{font-weight:400;font-size:11px;color:#444;margin-top:2px}\n",
    ".direction{font-weight:400;font-size:11px;color:#444}\n",
    ".kind{white-space:nowrap;font-size:12px}\n",
    ".long-term{font-size:12px}\n",
    "tbody.indicator{border-top:2px solid var(--rule)}\n",
    ".scroll{overflow-x:auto}\n",
    ".unit-note,.none{font-size:12px;color:#444;margin:2px 0 4px}\n",
    "figure.chart{margin:6px 0 12px;padding:6px 8px;border:1px solid var(--soft);background:#fff}\n",
    "figcaption{font-size:12px;color:#333;margin-top:2px}\n",
    ".chart-svg{display:block;height:auto}\n",
    ".chart-svg text{font-size:11px;fill:#333;font-family:inherit}\n",
    ".chart-svg .tick,.chart-svg .axis-unit{text-anchor:end}\n",
    ".chart-svg .year-label,.chart-svg .phase-label{text-anchor:middle}\n",
    ".chart-svg .phase-label{font-size:10px;fill:#555}\n",
    ".gridline{stroke:#dcdcdc;stroke-width:1}\n",
    ".zero,.axis{stroke:#333;stroke-width:1.2}\n",
    ".bar{stroke:#fff;stroke-width:.8}\n",
    ".seg-national{fill:#0072b2;background:#0072b2}\n",
    ".seg-prefectural{fill:#56b4e9;background:#56b4e9}\n",
    ".seg-bonds{fill:#cc79a7;background:#cc79a7}\n",
    ".seg-user_charges{fill:#f0e442;background:#f0e442}\n",
    ".seg-other{fill:#009e73;background:#009e73}\n",
    ".seg-general{fill:#e69f00;background:#e69f00}\n",
    ".seg-rest{fill:#7f7f7f;background:#7f7f7f}\n",
    ".line{fill:none;stroke-width:2}\n",
    ".line.actual{stroke:#0072b2}\n",
    ".line.target{stroke:#d55e00;stroke-dasharray:6 4}\n",
    ".point.actual{fill:#0072b2;stroke:#fff;stroke-width:1}\n",
    ".point.target{fill:#fff;stroke:#d55e00;stroke-width:2}\n",
    ".legend{list-style:none;margin:4px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px}\n",
    ".swatch{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px;"
    "border:1px solid #555}\n",
    "th .swatch{width:9px;height:9px}\n",
    ".swatch.line-actual{background:#0072b2;border-radius:50%}\n",
    ".swatch.line-target{background:#fff;border:2px solid #d55e00;border-radius:50%}\n",
    ".indicator-charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:8px}\n",
    ".indicator-charts figure.chart{margin:0}\n",
    ".evaluation{border:1px solid var(--soft);padding:6px 8px;margin:0 0 10px}\n",
    ".verdict{font-weight:700;font-size:14px}\n",
    ".unknown{color:#b00020}\n",
    ".answer-code{font-weight:700;margin-right:4px}\n",
    ".criteria th[scope=row]{width:10em}\n",
    ".goals td{width:33%}\n",
    ".level-name{font-size:11px;color:#555}\n",
    ".level-code{font-weight:600}\n",
    ".sep{color:#888}\n",
    ".subproject{border:2px solid var(--soft);padding:8px 10px;margin:10px 0}\n",
    ".index-table td a{font-weight:600}\n",
    ".page-foot{margin-top:14px;padding-top:6px;border-top:1px solid var(--soft);font-size:11px;color:#555}\n",
    "@media print{\n",
    "body{background:#fff;font-size:9pt}\n",
    ".sheet{max-width:none;margin:0;padding:0;box-shadow:none}\n",
    "table,figure,.evaluation,tr,td,th,svg{break-inside:avoid;page-break-inside:avoid}\n",
    "section>h2,section>h3,section>h4,.evaluation>h3,.evaluation>h4{break-after:avoid;page-break-after:avoid}\n",
    "thead{display:table-header-group}\n",
    ".scroll{overflow:visible}\n",
    "a{color:inherit;text-decoration:none}\n",
    "}\n",
};

static void page_start(struct out *o, const char *title_prefix, const hyoka_project *p)
{
    puts_(o, "<!DOCTYPE html>\n<html lang=\"");
    puts_(o, o->lang == HYOKA_LANG_JA ? "ja" : "en");
    puts_(o, "\">\n<head>\n<meta charset=\"utf-8\">\n"
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
             "<meta name=\"generator\" content=\"hyoka ");
    puts_(o, hyoka_version_string());
    puts_(o, "\">\n<title>");
    puts_(o, title_prefix);
    if (p) {
        const char *code = p->text[HYOKA_TEXT_CODE], *name = p->text[HYOKA_TEXT_NAME];
        if (code) {
            puts_(o, " ");
            esc(o, code);
        }
        puts_(o, " ");
        if (name)
            esc(o, name);
        else
            puts_(o, tr(o, "(no name)", "（名称なし）"));
    }
    if (o->pf && o->pf->municipality_name) {
        puts_(o, " \xE2\x80\x94 ");
        esc(o, o->pf->municipality_name);
    }
    puts_(o, "</title>\n<style>\n");
    for (size_t i = 0; i < sizeof style_sheet / sizeof style_sheet[0]; i++)
        puts_(o, style_sheet[i]);
    puts_(o, "</style>\n</head>\n<body>\n<main class=\"sheet\">\n");
}

static void page_end(struct out *o)
{
    puts_(o, "<footer class=\"page-foot\">");
    puts_(o, tr(o, "Figures computed by hyoka ", "数値は hyoka "));
    puts_(o, hyoka_version_string());
    puts_(o, tr(o, " from the data of the sheet; amounts in ", " が記載データから算出。金額の単位: "));
    puts_(o, money_unit(o));
    puts_(o, tr(o, ".", "。"));
    puts_(o, "</footer>\n</main>\n</body>\n</html>\n");
}

/* The caller's last error, put back when a page succeeds: figures that
 * fail inside the page record their own errors. */
struct saved_error {
    int code;
    char message[512];
};

static void save_error(struct saved_error *s)
{
    const char *m = hyoka_error_last();
    size_t n = strlen(m);

    if (n >= sizeof s->message)
        n = sizeof s->message - 1;
    memcpy(s->message, m, n);
    s->message[n] = '\0';
    s->code = hyoka_error_last_code();
}

static void restore_error(const struct saved_error *s)
{
    if (s->code == HYOKA_OK && s->message[0] == '\0')
        hyoka_error_clear();
    else
        (void)hyoka__fail(s->code, "%s", s->message);
}

/* Hand the page to the caller, or free it on failure. */
static int finish(struct out *o, const struct saved_error *saved, char **out, size_t *len)
{
    out_release_scratch(o);
    if (o->err != HYOKA_OK) {
        hyoka__free(o->buf);
        return o->err;
    }
    restore_error(saved);
    *out = o->buf;
    if (len)
        *len = o->len;
    return HYOKA_OK;
}

static int check_lang(const char *fn, int lang)
{
    if (lang != HYOKA_LANG_JA && lang != HYOKA_LANG_EN)
        return hyoka__fail(HYOKA_EINVAL, "%s: %d is not a language", fn, lang);
    return HYOKA_OK;
}

int hyoka_html_project(const hyoka_project *project, int lang, char **out, size_t *len)
{
    struct saved_error saved;
    struct out o;

    if (!project || !out)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_html_project: NULL argument");
    if (check_lang("hyoka_html_project", lang) != HYOKA_OK)
        return HYOKA_EINVAL;
    save_error(&saved);
    out_init(&o, lang, hyoka_project_portfolio(project));
    page_start(&o, tr(&o, "Evaluation sheet", "事務事業評価表"), project);
    project_tree(&o, project);
    page_end(&o);
    return finish(&o, &saved, out, len);
}

/* The final evaluation of a project: the latest fiscal year, then the
 * highest stage, then the last in order (as the roll-ups choose it). */
static const hyoka_evaluation *final_evaluation(const hyoka_project *p)
{
    const hyoka_evaluation *best = NULL;

    for (size_t i = 0; i < p->evaluations.count; i++) {
        const hyoka_evaluation *e = p->evaluations.items[i];
        if (!best || e->fiscal_year > best->fiscal_year ||
            (e->fiscal_year == best->fiscal_year && e->stage >= best->stage))
            best = e;
    }
    return best;
}

/* The latest cost year (highest fiscal year; the first of equals). */
static const hyoka_costs *latest_year(const hyoka_project *p)
{
    const hyoka_costs *best = NULL;

    for (size_t i = 0; i < p->years.count; i++) {
        const hyoka_costs *c = p->years.items[i];
        if (!best || c->fiscal_year > best->fiscal_year)
            best = c;
    }
    return best;
}

int hyoka_html_portfolio(const hyoka_portfolio *portfolio, int lang, char **out, size_t *len)
{
    struct saved_error saved;
    struct out o;
    const char *mname, *mcode;
    size_t n;

    if (!portfolio || !out)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_html_portfolio: NULL argument");
    if (check_lang("hyoka_html_portfolio", lang) != HYOKA_OK)
        return HYOKA_EINVAL;
    save_error(&saved);
    out_init(&o, lang, portfolio);
    mname = portfolio->municipality_name;
    mcode = portfolio->municipality_code;
    n = portfolio->projects.count;

    page_start(&o, tr(&o, "Evaluation sheets", "事務事業評価表 一覧"), NULL);
    puts_(&o, "<div class=\"doc-head\"><p class=\"doc-kind\">");
    puts_(&o, tr(&o, "Administrative project evaluation", "事務事業評価"));
    puts_(&o, "</p></div>\n<h1 class=\"index-title\">");
    if (mname)
        esc(&o, mname);
    else
        puts_(&o, tr(&o, "(municipality not given)", "（団体名なし）"));
    if (mcode) {
        puts_(&o, " <span class=\"code\">");
        esc(&o, mcode);
        puts_(&o, "</span>");
    }
    puts_(&o, "</h1>\n<section class=\"index\">\n<h2>");
    puts_(&o, tr(&o, "Projects", "事務事業一覧"));
    putf(&o, " (%zu)</h2>\n<div class=\"scroll\">\n<table class=\"index-table\" data-projects=\"%zu\">\n", n, n);
    puts_(&o, "<thead><tr><th scope=\"col\">No.</th><th scope=\"col\">");
    puts_(&o, tr(&o, "Code", "事業コード"));
    puts_(&o, "</th><th scope=\"col\">");
    puts_(&o, tr(&o, "Project", "事務事業名"));
    puts_(&o, "</th><th scope=\"col\">");
    puts_(&o, tr(&o, "Department", "所管部"));
    puts_(&o, "</th><th scope=\"col\">");
    puts_(&o, tr(&o, "Latest fiscal year", "最新年度"));
    puts_(&o, "</th><th scope=\"col\">");
    puts_(&o, tr(&o, "Total cost", "トータルコスト"));
    puts_(&o, "<br><span class=\"phase\">(");
    puts_(&o, money_unit(&o));
    puts_(&o, ")</span></th><th scope=\"col\">");
    puts_(&o, tr(&o, "Per capita", "市民一人当たり"));
    puts_(&o, "<br><span class=\"phase\">(");
    puts_(&o, per_head_unit(&o, HYOKA_FIG_PER_CAPITA));
    puts_(&o, ")</span></th><th scope=\"col\">");
    puts_(&o, tr(&o, "Final verdict", "最終評価"));
    puts_(&o, "</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < n; i++) {
        const hyoka_project *p = portfolio->projects.items[i];
        const hyoka_costs *c = latest_year(p);
        const hyoka_evaluation *e = final_evaluation(p);
        char file[32];

        if (hyoka_html_file_name(i, file, sizeof file, NULL) != HYOKA_OK)
            file[0] = '\0';
        putf(&o, "<tr><td class=\"num\">%zu</td>", i + 1);
        td_text(&o, p->text[HYOKA_TEXT_CODE], " class=\"code\"");
        puts_(&o, "<td><a href=\"");
        puts_(&o, file);
        puts_(&o, "\">");
        if (p->text[HYOKA_TEXT_NAME])
            esc(&o, p->text[HYOKA_TEXT_NAME]);
        else
            puts_(&o, tr(&o, "(no name)", "（名称なし）"));
        puts_(&o, "</a></td>");
        td_text(&o, p->text[HYOKA_TEXT_DEPARTMENT], NULL);
        if (c) {
            puts_(&o, "<td>");
            put_fy(&o, c->fiscal_year);
            puts_(&o, "</td>");
            cell_figure(&o, c, HYOKA_FIG_TOTAL_COST);
            cell_figure(&o, c, HYOKA_FIG_PER_CAPITA);
        } else {
            for (int k = 0; k < 3; k++)
                cell_na(&o, "td", NULL, tr(&o, "no cost year", "経費の記載なし"));
        }
        if (e && e->text[HYOKA_EVAL_VERDICT]) {
            puts_(&o, "<td class=\"verdict\">");
            verdict_label(&o, scheme_of(&o, e), e->text[HYOKA_EVAL_VERDICT]);
            puts_(&o, "</td>");
        } else {
            cell_na(&o, "td", NULL, tr(&o, "no verdict", "総合評価の記載なし"));
        }
        puts_(&o, "</tr>\n");
    }
    if (n == 0) {
        puts_(&o, "<tr><td colspan=\"8\" class=\"none\">");
        puts_(&o, tr(&o, "The document holds no project.", "事務事業の記載なし。"));
        puts_(&o, "</td></tr>\n");
    }
    puts_(&o, "</tbody>\n</table>\n</div>\n</section>\n");
    page_end(&o);
    return finish(&o, &saved, out, len);
}

int hyoka_html_file_name(size_t index, char *buf, size_t size, size_t *len)
{
    char tmp[48];
    int n;

    if (!buf && size > 0)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_html_file_name: NULL buffer");
    if (index == SIZE_MAX)
        return hyoka__fail(HYOKA_ERANGE, "hyoka_html_file_name: index %zu has no 1-based number", index);
    n = snprintf(tmp, sizeof tmp, "project-%zu.html", index + 1);
    if (n < 0 || (size_t)n >= sizeof tmp)
        return hyoka__fail(HYOKA_ERANGE, "hyoka_html_file_name: name too long");
    return hyoka__output(tmp, (size_t)n, buf, size, len);
}

/* ------------------------------------------------------------------------ */
/* Writing a folder                                                          */

static int write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    int e;

    if (!f) {
        e = errno;
        return hyoka__fail(HYOKA_EIO, "html: cannot open \"%s\" for writing: %s", path, strerror(e));
    }
    if (len && fwrite(data, 1, len, f) != len) {
        e = errno;
        fclose(f);
        return hyoka__fail(HYOKA_EIO, "html: cannot write \"%s\": %s", path, strerror(e));
    }
    if (fclose(f) != 0) {
        e = errno;
        return hyoka__fail(HYOKA_EIO, "html: cannot write \"%s\": %s", path, strerror(e));
    }
    return HYOKA_OK;
}

static int make_folder(const char *dir)
{
    struct stat st;
    int e;

    if (make_dir(dir) == 0)
        return HYOKA_OK;
    e = errno;
    if (e == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
        return HYOKA_OK;
    if (e == EEXIST)
        return hyoka__fail(HYOKA_EIO, "html: \"%s\" exists and is not a folder", dir);
    return hyoka__fail(HYOKA_EIO, "html: cannot create the folder \"%s\": %s", dir, strerror(e));
}

int hyoka_html_write_dir(const hyoka_portfolio *portfolio, int lang, const char *dir)
{
    struct saved_error saved;
    size_t dlen, n;
    char *path = NULL, *page = NULL;
    size_t plen = 0;
    int rc;

    if (!portfolio || !dir)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_html_write_dir: NULL argument");
    if (check_lang("hyoka_html_write_dir", lang) != HYOKA_OK)
        return HYOKA_EINVAL;
    dlen = strlen(dir);
    if (dlen == 0)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_html_write_dir: empty folder name");
    save_error(&saved);
    rc = make_folder(dir);
    if (rc != HYOKA_OK)
        return rc;
    if (dlen > SIZE_MAX - 48)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_html_write_dir: folder name too long");
    path = hyoka__malloc(dlen + 48);
    if (!path)
        return hyoka__nomem();
    memcpy(path, dir, dlen);
    if (dir[dlen - 1] != '/')
        path[dlen++] = '/';

    memcpy(path + dlen, "index.html", sizeof "index.html");
    rc = hyoka_html_portfolio(portfolio, lang, &page, &plen);
    if (rc == HYOKA_OK) {
        rc = write_file(path, page, plen);
        hyoka_free(page);
        page = NULL;
    }
    n = portfolio->projects.count;
    for (size_t i = 0; rc == HYOKA_OK && i < n; i++) {
        rc = hyoka_html_file_name(i, path + dlen, 40, NULL);
        if (rc != HYOKA_OK)
            break;
        rc = hyoka_html_project(portfolio->projects.items[i], lang, &page, &plen);
        if (rc != HYOKA_OK)
            break;
        rc = write_file(path, page, plen);
        hyoka_free(page);
        page = NULL;
    }
    hyoka__free(path);
    if (rc == HYOKA_OK)
        restore_error(&saved);
    return rc;
}
