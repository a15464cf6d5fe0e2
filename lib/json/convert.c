/* Scalar values of the hyoka/1 reader into the model's types: texts and
 * codes, names from a table, booleans, fiscal years and dates, counts,
 * decimals (never through double: "98.30" keeps scale 2) and money in the
 * document's unit. Each reports what it cannot store (S003 for a wrong
 * type, S004 for a value not allowed, J005 for a number out of range). */
#include "reader.h"

#include <stdio.h>

/* Outcomes of number conversions. */
enum { CV_OK, CV_NOT_INT, CV_RANGE, CV_SYNTAX };

static int parse_decimal(const char *s, size_t n, unsigned flags, hyoka_decimal *out)
{
    /* Fast path: no exponent, at most 18 digits. */
    if (!(flags & NUM_EXP) && n <= 19) {
        uint64_t coef = 0; /* 19 digits fit */
        int scale = 0, neg = 0, digits = 0, frac = 0;
        for (size_t i = 0; i < n; i++) {
            char c = s[i];
            if (c == '-') {
                neg = 1;
            } else if (c == '.') {
                frac = 1;
            } else {
                coef = coef * 10u + (unsigned)(c - '0');
                digits++;
                scale += frac;
            }
        }
        if (digits <= 18) {
            int64_t v = (int64_t)coef;
            if (hyoka_decimal_from_parts(neg ? -v : v, scale, out) == HYOKA_OK)
                return CV_OK;
        }
    }
    switch (hyoka_decimal_parse(s, n, out)) {
    case HYOKA_OK:
        return CV_OK;
    case HYOKA_ERANGE:
        return CV_RANGE;
    default:
        return CV_SYNTAX;
    }
}

/* A decimal from a number token. */
static int tok_decimal(const struct hyoka__json_tok *t, hyoka_decimal *out)
{
    if (t->fast && hyoka_decimal_from_parts(t->coef, t->scale, out) == HYOKA_OK)
        return CV_OK;
    return parse_decimal(t->s, t->n, t->num, out);
}

/* The integer value of a number literal (by value: 2007.0 is 2007). */
static int parse_int(const char *s, size_t n, unsigned flags, int64_t *out)
{
    hyoka_decimal d;
    int64_t coef;
    int scale, rc;

    if (!flags && n <= 19) {
        int64_t v = 0;
        size_t i = s[0] == '-';
        if (n - i <= 18) {
            for (; i < n; i++)
                v = v * 10 + (s[i] - '0');
            *out = s[0] == '-' ? -v : v;
            return CV_OK;
        }
    }
    rc = parse_decimal(s, n, flags, &d);
    if (rc != CV_OK)
        return rc;
    coef = hyoka_decimal_coefficient(&d);
    scale = hyoka_decimal_scale(&d);
    while (scale > 0 && coef % 10 == 0) {
        coef /= 10;
        scale--;
    }
    if (scale > 0)
        return CV_NOT_INT;
    *out = coef;
    return CV_OK;
}

static int fail_range(struct hyoka__json_reader *r, const struct hyoka__json_tok *t)
{
    char q[96];
    return hyoka__json_fail(r, "J005", t->pos, "number %s out of range", "数値 %s が範囲外",
                            hyoka__json_excerpt(t->s, t->n, q, sizeof q));
}

/* A text value for the model: *slot gets a copy. */
int hyoka__json_storable(struct hyoka__json_reader *r, const struct hyoka__json_tok *t)
{
    if (t->has_nul)
        return hyoka__json_diag(r, "S004", t->pos, PM_VALUE,
                                "value not allowed: the NUL character (\\u0000) cannot be stored",
                                "許されない値: NUL文字 (\\u0000) は保存できない");
    if ((int64_t)t->n > HYOKA__TEXT_MAX)
        return hyoka__json_diag(r, "S004", t->pos, PM_VALUE,
                                "value not allowed: text of %zu bytes is longer than %lld bytes",
                                "許されない値: %zu バイトの文字列が上限の %lld バイトを超える", t->n,
                                (long long)HYOKA__TEXT_MAX);
    return 1;
}

int hyoka__json_get_text(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, char **slot)
{
    char *copy;
    int rc;
    if (t->type != T_STRING)
        return hyoka__json_wrong_type(r, t, T_STRING);
    rc = hyoka__json_storable(r, t);
    if (rc <= 0)
        return rc;
    copy = hyoka__strndup(t->s, t->n);
    if (!copy)
        return hyoka__json_nomem(r);
    hyoka__free(*slot);
    *slot = copy;
    return 0;
}

/* A non-empty code. */
int hyoka__json_get_code(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, char **slot)
{
    if (t->type == T_STRING && t->n == 0)
        return hyoka__json_diag(r, "S004", t->pos, PM_VALUE, "value not allowed: empty code", "許されない値: 空のコード");
    return hyoka__json_get_text(r, t, slot);
}

/* Look a name up in a table; -1 when absent. */
static int name_find(const struct hyoka__json_name *tab, int count, const char *s, size_t n)
{
    for (int i = 0; i < count; i++)
        if (tab[i].n == n && memcmp(tab[i].s, s, n) == 0)
            return i;
    return -1;
}

int hyoka__json_get_enum(struct hyoka__json_reader *r, const struct hyoka__json_tok *t,
                         const struct hyoka__json_name *tab, int count, int *slot)
{
    int v;
    if (t->type != T_STRING)
        return hyoka__json_wrong_type(r, t, T_STRING);
    v = name_find(tab, count, t->s, t->n);
    if (v < 0) {
        char q[96], list[256];
        size_t o = 0;
        for (int i = 0; i < count && o + tab[i].n + 3 < sizeof list; i++)
            o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", i ? ", " : "", tab[i].s);
        return hyoka__json_diag(r, "S004", t->pos, PM_VALUE, "value not allowed: \"%s\" is not one of %s",
                                "許されない値: \"%s\" は %s のいずれでもない", hyoka__json_excerpt(t->s, t->n, q, sizeof q), list);
    }
    *slot = v;
    return 0;
}

int hyoka__json_get_bool(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, int *slot)
{
    if (t->type != T_TRUE && t->type != T_FALSE)
        return hyoka__json_diag(r, "S003", t->pos, PM_VALUE, "wrong type: expected true or false, found %s%.0s",
                                "型が違う: true か false が必要だが%.0s%sがある",
                                hyoka__json_type_en[t->type], hyoka__json_type_ja[t->type]);
    *slot = t->type == T_TRUE;
    return 0;
}

static int y001(struct hyoka__json_reader *r, const struct hyoka__json_tok *t)
{
    char q[96];
    return hyoka__json_diag(r, "Y001", t->pos, PM_VALUE, "era year past the era's end: \"%s\"", "元号の終了後の年: \"%s\"",
                            hyoka__json_excerpt(t->s, t->n, q, sizeof q));
}

/* A fiscal year: an integer 1868..9999 or an era string. */
int hyoka__json_get_year(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, int32_t *slot)
{
    char q[96];
    if (t->type == T_NUMBER) {
        int64_t v = 0;
        int rc = t->fast && !t->scale ? (v = t->coef, CV_OK) : parse_int(t->s, t->n, t->num, &v);
        if (rc == CV_RANGE)
            return fail_range(r, t);
        if (rc != CV_OK || v < YEAR_MIN || v > YEAR_MAX)
            return hyoka__json_diag(r, "S004", t->pos, PM_VALUE,
                                    "value not allowed: %s is not a fiscal year (1868..9999)",
                                    "許されない値: %s は年度 (1868..9999) ではない", hyoka__json_excerpt(t->s, t->n, q, sizeof q));
        *slot = (int32_t)v;
        return 0;
    }
    if (t->type == T_STRING) {
        int32_t y = 0;
        unsigned flags = 0;
        if (t->has_nul || hyoka_fiscal_year_parse(t->s, t->n, &y, &flags) != HYOKA_OK)
            return hyoka__json_diag(r, "S004", t->pos, PM_VALUE, "value not allowed: \"%s\" is not a fiscal year",
                                    "許されない値: \"%s\" は年度ではない", hyoka__json_excerpt(t->s, t->n, q, sizeof q));
        *slot = y;
        if (flags & HYOKA_CAL_PAST_ERA_END)
            return y001(r, t);
        return 0;
    }
    return hyoka__json_diag(r, "S003", t->pos, PM_VALUE,
                            "wrong type: expected a fiscal year (number or string), found %s%.0s",
                            "型が違う: 年度 (数値または文字列) が必要だが%.0s%sがある",
                            hyoka__json_type_en[t->type], hyoka__json_type_ja[t->type]);
}

int hyoka__json_get_date(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, int32_t *slot)
{
    char q[96];
    int32_t d = 0;
    unsigned flags = 0;
    if (t->type != T_STRING)
        return hyoka__json_wrong_type(r, t, T_STRING);
    if (t->has_nul || hyoka_date_parse(t->s, t->n, &d, &flags) != HYOKA_OK)
        return hyoka__json_diag(r, "S004", t->pos, PM_VALUE, "value not allowed: \"%s\" is not a date",
                                "許されない値: \"%s\" は日付ではない", hyoka__json_excerpt(t->s, t->n, q, sizeof q));
    *slot = d;
    if (flags & HYOKA_CAL_PAST_ERA_END)
        return y001(r, t);
    return 0;
}

/* A non-negative integer (counts, tolerance). *ok = 1 when stored. */
int hyoka__json_get_count(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, int64_t *slot, int *ok)
{
    char q[96];
    int64_t v = 0;
    int rc;
    *ok = 0;
    if (t->type != T_NUMBER)
        return hyoka__json_wrong_type(r, t, T_NUMBER);
    rc = t->fast && !t->scale ? (v = t->coef, CV_OK) : parse_int(t->s, t->n, t->num, &v);
    if (rc == CV_RANGE)
        return fail_range(r, t);
    if (rc != CV_OK)
        return hyoka__json_diag(r, "S004", t->pos, PM_VALUE, "value not allowed: %s is not a whole number",
                                "許されない値: %s は整数ではない", hyoka__json_excerpt(t->s, t->n, q, sizeof q));
    if (v < 0)
        return hyoka__json_diag(r, "S004", t->pos, PM_VALUE, "value not allowed: %s is negative", "許されない値: %s は負の値",
                                hyoka__json_excerpt(t->s, t->n, q, sizeof q));
    *slot = v;
    *ok = 1;
    return 0;
}

/* A decimal: a number, or a string holding one. *ok = 1 when stored. */
int hyoka__json_get_decimal(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, hyoka_decimal *slot,
                            int nonneg, int *ok)
{
    char q[96];
    hyoka_decimal d;
    int rc;

    *ok = 0;
    if (t->type == T_NUMBER) {
        rc = tok_decimal(t, &d);
        if (rc != CV_OK)
            return fail_range(r, t);
    } else if (t->type == T_STRING) {
        unsigned flags;
        const char *bad;
        if (t->has_nul || t->n == 0 || hyoka__json_number_len(t->s, t->s + t->n, &flags, &bad) != t->n)
            return hyoka__json_diag(r, "S004", t->pos, PM_VALUE, "value not allowed: \"%s\" is not a number",
                                    "許されない値: \"%s\" は数値ではない", hyoka__json_excerpt(t->s, t->n, q, sizeof q));
        rc = parse_decimal(t->s, t->n, flags, &d);
        if (rc != CV_OK)
            return hyoka__json_diag(r, "S004", t->pos, PM_VALUE, "value not allowed: \"%s\" is out of range",
                                    "許されない値: \"%s\" が範囲外", hyoka__json_excerpt(t->s, t->n, q, sizeof q));
    } else {
        return hyoka__json_diag(r, "S003", t->pos, PM_VALUE,
                                "wrong type: expected a number (or a numeric string), found %s%.0s",
                                "型が違う: 数値 (または数値の文字列) が必要だが%.0s%sがある",
                                hyoka__json_type_en[t->type], hyoka__json_type_ja[t->type]);
    }
    if (nonneg && hyoka_decimal_sign(&d) < 0)
        return hyoka__json_diag(r, "S004", t->pos, PM_VALUE, "value not allowed: %s is negative", "許されない値: %s は負の値",
                                hyoka__json_excerpt(t->s, t->n, q, sizeof q));
    *slot = d;
    *ok = 1;
    return 0;
}

static const int64_t pow10_3[] = {1000, 100, 10, 1};

/* a * m (m > 0) without overflow: 1 when it does not fit. */
static int mul_overflows(int64_t a, int64_t m, int64_t *out)
{
    if (a > INT64_MAX / m || a < INT64_MIN / m)
        return 1;
    *out = a * m;
    return 0;
}

/* A money amount in the document's unit, into yen (or thousandths of the
 * written unit while the unit is not known). *ok = 1 when stored. */
int hyoka__json_get_money(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, int64_t *slot, int nonneg,
                          int *ok)
{
    char q[96];
    int64_t coef, v;
    int scale;
    int thousand = r->pf->amount_unit == HYOKA_UNIT_THOUSAND_YEN;

    *ok = 0;
    if (t->type != T_NUMBER)
        return hyoka__json_wrong_type(r, t, T_NUMBER);
    if (t->fast) {
        coef = t->coef;
        scale = t->scale;
    } else {
        hyoka_decimal d;
        if (parse_decimal(t->s, t->n, t->num, &d) != CV_OK)
            return fail_range(r, t);
        coef = hyoka_decimal_coefficient(&d);
        scale = hyoka_decimal_scale(&d);
    }
    while (scale > 0 && coef % 10 == 0) {
        coef /= 10;
        scale--;
    }
    if (nonneg && coef < 0)
        return hyoka__json_diag(r, "S004", t->pos, PM_VALUE, "value not allowed: %s is negative", "許されない値: %s は負の値",
                                hyoka__json_excerpt(t->s, t->n, q, sizeof q));
    if (r->money_milli) {
        if (scale > 3)
            return hyoka__json_diag(r, "S004", t->pos, PM_VALUE,
                                    "value not allowed: amount %s has more than 3 decimal places (finer than one yen)",
                                    "許されない値: 金額 %s の小数が3桁を超える (1円未満)", hyoka__json_excerpt(t->s, t->n, q, sizeof q));
        if (mul_overflows(coef, pow10_3[scale], &v)) {
            if (scale > 0)
                return fail_range(r, t);
            /* Fine in yen, too large in thousand_yen: decided at the end. */
            if (r->nbig == r->big_cap &&
                hyoka__grow_heap((void **)&r->bigs, &r->big_cap, r->nbig, sizeof *r->bigs) != HYOKA_OK)
                return hyoka__json_nomem(r);
            r->bigs[r->nbig].slot = slot;
            r->bigs[r->nbig].yen = coef;
            r->bigs[r->nbig].off = (size_t)(t->pos - r->base);
            r->nbig++;
            v = 0;
        } else if (scale > 0) {
            if (r->nlate == r->late_cap &&
                hyoka__grow_heap((void **)&r->lates, &r->late_cap, r->nlate, sizeof *r->lates) != HYOKA_OK)
                return hyoka__json_nomem(r);
            r->lates[r->nlate].off = (size_t)(t->pos - r->base);
            r->lates[r->nlate].what = LATE_FRACTION;
            r->nlate++;
        }
        *slot = v;
        *ok = 1;
        return 0;
    }
    if (!thousand) {
        if (scale > 0)
            return hyoka__json_diag(r, "S004", t->pos, PM_VALUE,
                                    "value not allowed: amount %s has a fraction, but the document's amounts are in yen",
                                    "許されない値: 金額 %s に小数があるが、文書の金額の単位は円", hyoka__json_excerpt(t->s, t->n, q, sizeof q));
        *slot = coef;
        *ok = 1;
        return 0;
    }
    if (scale > 3)
        return hyoka__json_diag(r, "S004", t->pos, PM_VALUE,
                                "value not allowed: %s thousand yen is finer than one yen (at most 3 decimal places)",
                                "許されない値: %s 千円は1円未満の端数を含む (小数は3桁まで)", hyoka__json_excerpt(t->s, t->n, q, sizeof q));
    if (mul_overflows(coef, pow10_3[scale], &v))
        return hyoka__json_fail(r, "J005", t->pos, "number out of range: %s thousand yen does not fit in 64-bit yen",
                                "数値が範囲外: %s 千円が64ビットの円に収まらない", hyoka__json_excerpt(t->s, t->n, q, sizeof q));
    *slot = v;
    *ok = 1;
    return 0;
}
