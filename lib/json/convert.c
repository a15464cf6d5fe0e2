/* Scalar values of the hyoka/1 reader into the model's types: texts and
 * codes, names of an enumeration, booleans, fiscal years and dates,
 * counts, decimals (never through double: "98.30" keeps scale 2) and money
 * in the document's unit. The number syntax is JSON's; the conversions
 * and their problems are those every reader shares (values.h). Each
 * reports what it cannot store (S003 for a wrong type, S004 for a value
 * not allowed, J005 for a number out of range). */
#include "reader.h"

#include <stdio.h>

/* Outcomes of number conversions. */
enum { CV_OK, CV_RANGE, CV_SYNTAX };

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

/* A numeric string in its common short form, -?(0|[1-9][0-9]*)(.[0-9]+)?
 * in at most 19 characters, checked and converted in one pass; 0 for any
 * other text, which the general path (number_len, parse_decimal) decides. */
static int short_number(const char *s, size_t n, hyoka_decimal *out)
{
    const char *p = s, *e = s + n;
    uint64_t coef = 0; /* 19 digits fit */
    int digits = 0, scale = 0, neg = 0;

    if (n == 0 || n > 19)
        return 0;
    if (*p == '-') {
        neg = 1;
        if (++p == e)
            return 0;
    }
    if (*p == '0') {
        p++;
    } else if (*p >= '1' && *p <= '9') {
        while (p < e && *p >= '0' && *p <= '9') {
            coef = coef * 10u + (unsigned)(*p++ - '0');
            digits++;
        }
    } else {
        return 0;
    }
    if (p < e) {
        if (*p != '.' || ++p == e)
            return 0;
        while (p < e && *p >= '0' && *p <= '9') {
            coef = coef * 10u + (unsigned)(*p++ - '0');
            digits++;
            scale++;
        }
        if (p != e)
            return 0;
    }
    if (digits > 18)
        return 0;
    return hyoka_decimal_from_parts(neg ? -(int64_t)coef : (int64_t)coef, scale, out) == HYOKA_OK;
}

/* A number token as coef × 10^-scale; CV_RANGE when no decimal holds it. */
static int tok_parts(const struct hyoka__json_tok *t, int64_t *coef, int *scale)
{
    hyoka_decimal d;
    if (t->fast) {
        *coef = t->coef;
        *scale = t->scale;
        return CV_OK;
    }
    if (parse_decimal(t->s, t->n, t->num, &d) != CV_OK)
        return CV_RANGE;
    *coef = hyoka_decimal_coefficient(&d);
    *scale = hyoka_decimal_scale(&d);
    return CV_OK;
}

/* A text value for the model: *slot gets a copy. */
int hyoka__json_storable(struct hyoka__json_reader *r, const struct hyoka__json_tok *t)
{
    if (t->has_nul)
        return hyoka__json_detail(r, t->pos, PM_VALUE, HYOKA__S004, "the NUL character (\\u0000) cannot be stored",
                                  "NUL文字 (\\u0000) は保存できない");
    if ((int64_t)t->n > HYOKA__TEXT_MAX)
        return hyoka__json_detail(r, t->pos, PM_VALUE, HYOKA__S004, "text of %zu bytes is longer than %lld bytes",
                                  "%zu バイトの文字列が上限の %lld バイトを超える", t->n, (long long)HYOKA__TEXT_MAX);
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
        return hyoka__json_detail(r, t->pos, PM_VALUE, HYOKA__S004, "empty code", "空のコード");
    return hyoka__json_get_text(r, t, slot);
}

int hyoka__json_get_enum(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, int which, int *slot)
{
    int v = 0, st;
    if (t->type != T_STRING)
        return hyoka__json_wrong_type(r, t, T_STRING);
    st = hyoka__value_enum(which, t->s, t->n, &v);
    if (st != HYOKA__VAL_OK)
        return hyoka__json_value_problem(r, t, st, which);
    *slot = v;
    return 0;
}

int hyoka__json_get_bool(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, int *slot)
{
    if (t->type != T_TRUE && t->type != T_FALSE)
        return hyoka__json_wrong_types(r, t, "true or false", "true か false");
    *slot = t->type == T_TRUE;
    return 0;
}

/* Y001 for a fiscal year or a date past its era's end. */
static int y001(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, int32_t value, bool date)
{
    struct hyoka__past_era e;
    hyoka__past_era(t->s, t->n, value, date, &e);
    return hyoka__json_diag(r, t->pos, PM_VALUE, HYOKA__MSG(Y001), e.excerpt, e.reading.en, e.reading.ja);
}

/* A fiscal year: a whole number 1868..9999 or an era string. */
int hyoka__json_get_year(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, int32_t *slot)
{
    int32_t y = 0;
    int64_t coef;
    int scale, st;
    bool past = false;

    if (t->type == T_NUMBER) {
        if (tok_parts(t, &coef, &scale) != CV_OK)
            return hyoka__json_value_problem(r, t, HYOKA__VAL_RANGE, 0);
        st = hyoka__value_year_number(coef, scale, &y);
    } else if (t->type == T_STRING) {
        st = hyoka__value_year_text(t->s, t->n, &y, &past);
    } else {
        return hyoka__json_wrong_types(r, t, "a fiscal year (number or string)", "年度 (数値または文字列)");
    }
    if (st != HYOKA__VAL_OK)
        return hyoka__json_value_problem(r, t, st, 0);
    *slot = y;
    return past ? y001(r, t, y, false) : 0;
}

int hyoka__json_get_date(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, int32_t *slot)
{
    int32_t d = 0;
    bool past = false;
    int st;
    if (t->type != T_STRING)
        return hyoka__json_wrong_type(r, t, T_STRING);
    st = hyoka__value_date_text(t->s, t->n, &d, &past);
    if (st != HYOKA__VAL_OK)
        return hyoka__json_value_problem(r, t, st, 0);
    *slot = d;
    return past ? y001(r, t, d, true) : 0;
}

/* The coefficient and scale of a JSON number: true, or false with S003 (not
 * a number) or J005 (out of range) reported and *rc what reporting
 * returned. */
static inline bool number_parts(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, int64_t *coef,
                                int *scale, int *rc)
{
    if (t->type != T_NUMBER) {
        *rc = hyoka__json_wrong_type(r, t, T_NUMBER);
        return false;
    }
    if (tok_parts(t, coef, scale) != CV_OK) {
        *rc = hyoka__json_value_problem(r, t, HYOKA__VAL_RANGE, 0);
        return false;
    }
    return true;
}

/* A non-negative integer (counts, tolerance). *ok = 1 when stored. */
int hyoka__json_get_count(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, int64_t *slot, int *ok)
{
    int64_t coef, v = 0;
    int scale, st;
    *ok = 0;
    if (!number_parts(r, t, &coef, &scale, &st))
        return st;
    st = hyoka__value_count(coef, scale, &v);
    if (st != HYOKA__VAL_OK)
        return hyoka__json_value_problem(r, t, st, 0);
    *slot = v;
    *ok = 1;
    return 0;
}

/* A decimal: a number, or a string holding one. *ok = 1 when stored. */
int hyoka__json_get_decimal(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, hyoka_decimal *slot,
                            int nonneg, int *ok)
{
    hyoka_decimal d;

    *ok = 0;
    if (t->type == T_NUMBER) {
        if (tok_decimal(t, &d) != CV_OK)
            return hyoka__json_value_problem(r, t, HYOKA__VAL_RANGE, 0);
    } else if (t->type == T_STRING) {
        unsigned flags;
        const char *bad;
        if (short_number(t->s, t->n, &d)) {
            /* the common form */
        } else if (t->has_nul || t->n == 0 || hyoka__json_number_len(t->s, t->s + t->n, &flags, &bad) != t->n) {
            return hyoka__json_value_problem(r, t, HYOKA__VAL_NOT_NUMBER, 0);
        } else if (parse_decimal(t->s, t->n, flags, &d) != CV_OK) {
            return hyoka__json_value_problem(r, t, HYOKA__VAL_RANGE, 0);
        }
    } else {
        return hyoka__json_wrong_types(r, t, "a number (or a numeric string)", "数値 (または数値の文字列)");
    }
    if (nonneg && hyoka_decimal_sign(&d) < 0)
        return hyoka__json_value_problem(r, t, HYOKA__VAL_NEGATIVE, 0);
    *slot = d;
    *ok = 1;
    return 0;
}

/* Remember an amount whose problem is known only at the end of the
 * document (finish.c). */
static int defer(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, int what)
{
    if (r->nlate == r->late_cap &&
        hyoka__grow_heap((void **)&r->lates, &r->late_cap, r->nlate, sizeof *r->lates) != HYOKA_OK)
        return hyoka__json_nomem(r);
    r->lates[r->nlate].off = (size_t)(t->pos - r->base);
    r->lates[r->nlate].what = what;
    r->nlate++;
    return 0;
}

/* A money amount in the document's unit, into yen (or thousandths of the
 * written unit while the unit is not known). *ok = 1 when stored. */
int hyoka__json_get_money(struct hyoka__json_reader *r, const struct hyoka__json_tok *t, int64_t *slot, int nonneg,
                          int *ok)
{
    int64_t coef, v = 0;
    int scale, st;

    *ok = 0;
    if (!number_parts(r, t, &coef, &scale, &st))
        return st;
    /* While the unit is not known, amounts are kept as thousandths of the
     * written unit: the thousand-yen scaling, whatever the unit turns out
     * to be. */
    st = hyoka__value_money(coef, scale, r->money_milli ? HYOKA_UNIT_THOUSAND_YEN : r->pf->amount_unit, nonneg != 0,
                            &v);
    if (r->money_milli && st == HYOKA__VAL_MONEY_RANGE) {
        hyoka__strip_zeros(&coef, &scale);
        if (scale > 0)
            return hyoka__json_value_problem(r, t, st, 0);
        /* Fine in yen, too large in thousand_yen: decided at the end. */
        if (r->nbig == r->big_cap &&
            hyoka__grow_heap((void **)&r->bigs, &r->big_cap, r->nbig, sizeof *r->bigs) != HYOKA_OK)
            return hyoka__json_nomem(r);
        r->bigs[r->nbig].slot = slot;
        r->bigs[r->nbig].yen = coef;
        r->bigs[r->nbig].off = (size_t)(t->pos - r->base);
        r->nbig++;
        v = 0;
    } else if (st != HYOKA__VAL_OK) {
        return hyoka__json_value_problem(r, t, st, 0);
    } else if (r->money_milli && v % 1000 != 0 && defer(r, t, LATE_FRACTION)) {
        return -1; /* a fraction: fine in thousand_yen, not in yen */
    }
    *slot = v;
    *ok = 1;
    return 0;
}
