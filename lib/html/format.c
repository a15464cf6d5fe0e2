/* html/format: what a page prints besides the document's text: numbers,
 * amounts in the document's unit (千円 with up to three places, trailing
 * zeros dropped; or 円), fiscal years and dates (era or Western), the labels
 * of the enumerations and of the comment keys, the funding sources, and the
 * table cells that show a figure, a field or a text.
 *
 * Every printed figure comes from figures.h and is printed with its own
 * places; a figure that fails is a "—" cell with the reason in its title. */
#include "html_internal.h"

#include <string.h>

__extension__ typedef unsigned __int128 u128;

/* ------------------------------------------------------------------------ */
/* Funding sources                                                           */

/* English labels of the segments; the Japanese ones of the funding
 * sources are their names in vocab.h. */
static const char *const segment_en[HYOKA__HTML_SEGMENT_KINDS] = {
    "national treasury disbursements", "prefectural disbursements", "local bonds", "user charges",
    "other specific revenue", "general revenue", "personnel and other costs",
};

const char *hyoka__html_segment_class(int k)
{
    return k < HYOKA__HTML_SOURCE_COUNT ? hyoka__cost_field_names[HYOKA__FUNDING_FIRST + k] : "rest";
}

const char *hyoka__html_segment_label(const struct hyoka__html_out *o, int k)
{
    if (o->lang != HYOKA_LANG_JA)
        return segment_en[k];
    return k < HYOKA__HTML_SOURCE_COUNT ? hyoka__cost_field_ja[HYOKA__FUNDING_FIRST + k] : "人件費・その他";
}

/* ------------------------------------------------------------------------ */
/* Numbers                                                                   */

void hyoka__html_put_decimal(struct hyoka__html_out *o, const hyoka_decimal *d)
{
    char b[HYOKA_DECIMAL_STRING_MAX];
    size_t n = 0;
    if (hyoka_decimal_format(d, HYOKA_DECIMAL_FMT_GROUPING, b, sizeof b, &n) == HYOKA_OK)
        hyoka__html_put(o, b, n);
}

void hyoka__html_put_scaled(struct hyoka__html_out *o, i128 v, int scale)
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
    hyoka__html_put(o, b, (size_t)pos);
}

int hyoka__html_money_scale(const struct hyoka__html_out *o)
{
    return o->unit == HYOKA_UNIT_THOUSAND_YEN ? 3 : 0;
}

void hyoka__html_put_money(struct hyoka__html_out *o, int64_t yen)
{
    hyoka__html_put_scaled(o, (i128)yen, hyoka__html_money_scale(o));
}

static const char *unit_name(const struct hyoka__html_out *o, int unit)
{
    return unit == HYOKA_UNIT_THOUSAND_YEN ? hyoka__html_tr(o, "thousand yen", "千円") : hyoka__html_tr(o, "yen", "円");
}

const char *hyoka__html_money_unit(const struct hyoka__html_out *o)
{
    return unit_name(o, o->unit);
}

const char *hyoka__html_per_head_unit(struct hyoka__html_out *o, int figure)
{
    int unit = HYOKA_UNIT_YEN;
    if (o->pf)
        (void)hyoka_portfolio_rounding(o->pf, figure, NULL, NULL, &unit);
    return unit_name(o, unit);
}

/* ------------------------------------------------------------------------ */
/* Calendar                                                                  */

void hyoka__html_put_fy(struct hyoka__html_out *o, int32_t fy)
{
    char b[HYOKA_CALENDAR_STRING_MAX];
    size_t n = 0;

    if (o->lang == HYOKA_LANG_JA && hyoka_fiscal_year_format(fy, 0, b, sizeof b, &n) == HYOKA_OK)
        hyoka__html_put(o, b, n);
    else
        hyoka__html_putf(o, "FY%ld", (long)fy);
}

/* A fiscal year in era form: 平成15年度; in English FY2003 (H15). */
void hyoka__html_put_fy_era(struct hyoka__html_out *o, int32_t fy)
{
    char b[HYOKA_CALENDAR_STRING_MAX];
    size_t n = 0;

    hyoka__html_put_fy(o, fy);
    if (o->lang == HYOKA_LANG_EN &&
        hyoka_fiscal_year_format(fy, HYOKA_CAL_FMT_ABBREV | HYOKA_CAL_FMT_NO_SUFFIX, b, sizeof b, &n) == HYOKA_OK) {
        hyoka__html_puts(o, " (");
        hyoka__html_put(o, b, n);
        hyoka__html_puts(o, ")");
    }
}

void hyoka__html_put_date(struct hyoka__html_out *o, int32_t date)
{
    char b[HYOKA_CALENDAR_STRING_MAX];
    size_t n = 0;
    int rc = o->lang == HYOKA_LANG_JA ? hyoka_date_format(date, 0, b, sizeof b, &n)
                                      : hyoka_date_to_iso(date, b, sizeof b, &n);
    if (rc == HYOKA_OK)
        hyoka__html_put(o, b, n);
    else
        hyoka__html_putf(o, "%ld", (long)date);
}

/* ------------------------------------------------------------------------ */
/* Labels of the enumerations                                                */

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
    {"action", "アクティビティ"},
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

const char *hyoka__html_enum_label(const struct hyoka__html_out *o, int which, int value, const char *unset_en,
                                   const char *unset_ja)
{
    const char *const (*table)[2] = NULL;
    int count = 0;

#define LABELS(t) (table = (t), count = HYOKA__HTML_COUNT_OF(t))
    switch (which) {
    case HYOKA_ENUM_PHASE: LABELS(phase_labels); break;
    case HYOKA_ENUM_DUTY: LABELS(duty_labels); break;
    case HYOKA_ENUM_PERIOD: LABELS(period_labels); break;
    case HYOKA_ENUM_STAFF_CATEGORY: LABELS(category_labels); break;
    case HYOKA_ENUM_INDICATOR_KIND: LABELS(kind_labels); break;
    case HYOKA_ENUM_DIRECTION: LABELS(direction_labels); break;
    case HYOKA_ENUM_STAGE: LABELS(stage_labels); break;
    case HYOKA_ENUM_EXPECTED_OUTCOME: LABELS(outcome_labels); break;
    case HYOKA_ENUM_EXPECTED_COST: LABELS(cost_labels); break;
    default: break;
    }
#undef LABELS
    if (!table || value < 0 || value >= count)
        return hyoka__html_tr(o, unset_en, unset_ja);
    return table[value][o->lang == HYOKA_LANG_JA];
}

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

const char *hyoka__html_comment_label(const struct hyoka__html_out *o, const char *key)
{
    for (int i = 0; i < HYOKA__HTML_COUNT_OF(comment_labels); i++)
        if (strcmp(comment_labels[i][0], key) == 0)
            return comment_labels[i][o->lang == HYOKA_LANG_JA ? 2 : 1];
    return NULL;
}

/* ------------------------------------------------------------------------ */
/* Cells                                                                     */

/* A "—" for a figure that cannot be shown, with why in its title. */
void hyoka__html_cell_na(struct hyoka__html_out *o, const char *tag, const char *cls, const char *why)
{
    hyoka__html_putf(o, "<%s class=\"na%s%s\" title=\"", tag, cls ? " " : "", cls ? cls : "");
    hyoka__html_esc(o, why);
    hyoka__html_putf(o, "\">\xE2\x80\x94</%s>", tag);
}

const char *hyoka__html_why_failed(struct hyoka__html_out *o, int rc, int reason)
{
    const char *m;

    if (rc == HYOKA_ENOMEM) {
        hyoka__html_fail(o, rc);
        return "";
    }
    if (rc == HYOKA_EUNAVAILABLE) {
        m = hyoka_reason_message(reason, o->lang);
        if (m)
            return m;
    }
    if (rc == HYOKA_ERANGE)
        return hyoka__html_tr(o, "overflow: the figure does not fit in 64 bits", "桁あふれ: 64ビットに収まらない");
    return hyoka_strerror(rc);
}

const char *hyoka__html_not_given(const struct hyoka__html_out *o)
{
    return hyoka__html_tr(o, "not given", "記載なし");
}

/* Does the figure @p d differ from what the sheet printed for it? The
 * computed figure is brought to the printed unit and places (money), or
 * compared as is when the printed figure has the same places; the
 * document's tolerance (in units of the printed last place) applies. */
static bool stated_differs(const struct hyoka__html_out *o, const hyoka_costs *c, int figure, const hyoka_decimal *d,
                           hyoka_decimal *stated, int *stated_unit)
{
    hyoka_decimal v = *d;
    int mode = HYOKA_ROUND_HALF_UP, unit = HYOKA_UNIT_YEN;
    int64_t diff, tol = o->pf ? hyoka_portfolio_stated_tolerance(o->pf) : 0;

    if (hyoka_costs_stated(c, figure, stated, stated_unit) != 1)
        return false;
    if (o->pf)
        (void)hyoka_portfolio_rounding(o->pf, figure, NULL, &mode, &unit);
    if (hyoka__is_money_figure(figure)) {
        if (*stated_unit == HYOKA_UNIT_THOUSAND_YEN &&
            hyoka_yen_to_thousands(hyoka_decimal_coefficient(d), &v) != HYOKA_OK)
            return false;
        if (hyoka_decimal_round(&v, hyoka_decimal_scale(stated), mode, &v) != HYOKA_OK)
            return false;
    } else if (hyoka_decimal_scale(stated) != hyoka_decimal_scale(d) ||
               (hyoka__is_per_head_figure(figure) && *stated_unit != unit)) {
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

/* The opening of a number cell, <td class="num" with its attribute list
 * left open: marked "differs", with a title, when @p printed (may be
 * NULL) is what the sheet printed instead, in @p unit (NULL: none). */
static void num_cell_open(struct hyoka__html_out *o, const hyoka_decimal *printed, const char *unit)
{
    hyoka__html_puts(o, "<td class=\"num");
    if (printed) {
        hyoka__html_puts(o, " differs\" title=\"");
        hyoka__html_puts_tr(o, "the sheet printed ", "シートの記載値 ");
        hyoka__html_put_decimal(o, printed);
        if (unit) {
            hyoka__html_puts(o, " ");
            hyoka__html_puts(o, unit);
        }
        hyoka__html_puts_tr(o, "", " と異なる");
    }
}

/* The end of a number cell opened by num_cell_open(): an amount of yen,
 * with data-yen, in the document's unit. */
static void num_cell_money(struct hyoka__html_out *o, int64_t yen)
{
    hyoka__html_putf(o, "\" data-yen=\"%lld\">", (long long)yen);
    hyoka__html_put_money(o, yen);
    hyoka__html_puts(o, "</td>");
}

/* The end of a number cell opened by num_cell_open(): @p d, then
 * @p suffix (static text, may be ""). */
static void num_cell_decimal(struct hyoka__html_out *o, const hyoka_decimal *d, const char *suffix)
{
    hyoka__html_puts(o, "\">");
    hyoka__html_put_decimal(o, d);
    hyoka__html_puts(o, suffix);
    hyoka__html_puts(o, "</td>");
}

/* A figure of a cost year in a <td>. Money carries data-yen; a figure
 * that differs from the one printed on the sheet says so in its title. */
void hyoka__html_cell_figure(struct hyoka__html_out *o, const hyoka_costs *c, int figure)
{
    hyoka_decimal d, stated;
    int reason = HYOKA_REASON_NONE, stated_unit = HYOKA_UNIT_YEN;
    int rc = hyoka__costs_figure_in(c, figure, &o->yix, &d, &reason);
    bool money = hyoka__is_money_figure(figure);

    if (rc != HYOKA_OK) {
        hyoka__html_cell_na(o, "td", NULL, hyoka__html_why_failed(o, rc, reason));
        return;
    }
    if (stated_differs(o, c, figure, &d, &stated, &stated_unit))
        num_cell_open(o, &stated, money || hyoka__is_per_head_figure(figure) ? unit_name(o, stated_unit) : NULL);
    else
        num_cell_open(o, NULL, NULL);
    if (money)
        num_cell_money(o, hyoka_decimal_coefficient(&d));
    else
        num_cell_decimal(o, &d, "");
}

/* A field of a cost year as given. */
void hyoka__html_cell_field(struct hyoka__html_out *o, const hyoka_costs *c, int field)
{
    if (!HYOKA__HTML_HAS(c->present, field)) {
        hyoka__html_cell_na(o, "td", NULL, hyoka__html_not_given(o));
        return;
    }
    num_cell_open(o, NULL, NULL);
    if (hyoka__is_count_field(field)) {
        hyoka_decimal d = hyoka_decimal_from_int(c->value[field]);
        num_cell_decimal(o, &d, "");
    } else {
        num_cell_money(o, c->value[field]);
    }
}

/* A text cell: the text, or an empty cell when missing. */
void hyoka__html_td_text(struct hyoka__html_out *o, const char *text, const char *attrs)
{
    hyoka__html_puts(o, "<td");
    if (attrs)
        hyoka__html_puts(o, attrs);
    hyoka__html_puts(o, ">");
    hyoka__html_esc_ml(o, text);
    hyoka__html_puts(o, "</td>");
}


/* ------------------------------------------------------------------------ */
/* Cells of records                                                          */

/* An amount of a record in a <td>, with data-yen: a budget's amount of a
 * total-row field (its parts added up on an account row); "—" when it is
 * missing or not applicable, saying which. */
void hyoka__html_cell_record_money(struct hyoka__html_out *o, const hyoka_record *r, int field)
{
    int64_t yen = 0;
    int got = hyoka_record_kind_of(r) == HYOKA_RECORD_BUDGET ? hyoka__budget_amount(r, field, &yen)
                                                              : hyoka_record_money(r, field, &yen);

    if (got != 1) {
        hyoka__html_cell_na(o, "td", NULL,
                            hyoka_record_field_state(r, field) == HYOKA_STATE_NOT_APPLICABLE
                                ? hyoka__html_tr(o, "not applicable", "該当なし")
                                : hyoka__html_not_given(o));
        return;
    }
    num_cell_open(o, NULL, NULL);
    num_cell_money(o, yen);
}

/* A figure of a record (hyoka_record_figure()) in a <td>: UNSPENT in the
 * document's unit with data-yen, the others followed by @p suffix (static
 * text, may be ""), marked when @p printed (may be NULL) is what the sheet
 * printed instead; "—" with the reason when unavailable. */
void hyoka__html_cell_record_figure(struct hyoka__html_out *o, const hyoka_record *r, int figure, const char *suffix,
                                    const hyoka_decimal *printed)
{
    hyoka_decimal d;
    int reason = HYOKA_REASON_NONE;
    int rc = hyoka__record_figure(r, figure, &d, &reason);

    if (rc != HYOKA_OK) {
        hyoka__html_cell_na(o, "td", NULL, hyoka__html_why_failed(o, rc, reason));
        return;
    }
    num_cell_open(o, printed, NULL);
    if (figure == HYOKA_FIG_UNSPENT)
        num_cell_money(o, hyoka_decimal_coefficient(&d));
    else
        num_cell_decimal(o, &d, suffix);
}
