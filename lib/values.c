/* Values as documents write them, for every reader (values.h). */
#include "values.h"

#include <stdio.h>
#include <string.h>

const char *hyoka__excerpt(const char *s, size_t n, char out[HYOKA__EXCERPT_MAX])
{
    const size_t size = HYOKA__EXCERPT_MAX, limit = size - 8;
    size_t o = 0, i = 0;
    while (i < n && o < limit) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7F || c == '"' || c == '\\') {
            if (o + 6 >= limit)
                break;
            o += (size_t)snprintf(out + o, size - o, "\\u%04X", c);
            i++;
        } else if (c < 0x80) {
            out[o++] = (char)c;
            i++;
        } else {
            size_t at = i;
            if (hyoka__utf8_next(s, n, &at) < 0) {
                if (o + 4 >= limit)
                    break;
                o += (size_t)snprintf(out + o, size - o, "\\x%02X", c);
                i++;
            } else {
                if (o + (at - i) >= limit)
                    break;
                memcpy(out + o, s + i, at - i);
                o += at - i;
                i = at;
            }
        }
    }
    if (i < n) {
        memcpy(out + o, "...", 3);
        o += 3;
    }
    out[o] = '\0';
    return out;
}

/* The names of an enumeration, ", "-separated, into buf. */
static void list_names(int which, char *buf, size_t size)
{
    int count = 0;
    const char *const *names = hyoka__enum_names(which, &count);
    size_t o = 0;
    buf[0] = '\0';
    for (int i = 0; names && i < count; i++) {
        size_t l = strlen(names[i]);
        if (o + l + 3 >= size)
            break;
        if (o) {
            memcpy(buf + o, ", ", 2);
            o += 2;
        }
        memcpy(buf + o, names[i], l + 1);
        o += l;
    }
}

#define DETAIL(...) snprintf(out->en, sizeof out->en, __VA_ARGS__)
#define DETAIL_JA(...) snprintf(out->ja, sizeof out->ja, __VA_ARGS__)

void hyoka__value_problem(int status, const char *q, int which, struct hyoka__detail *out)
{
    char names[200];
    switch (status) {
    case HYOKA__VAL_NOT_NUMBER:
        DETAIL("\"%s\" is not a number", q);
        DETAIL_JA("「%s」は数値でない", q);
        break;
    case HYOKA__VAL_RANGE:
        DETAIL("number \"%s\" is out of range", q);
        DETAIL_JA("数値「%s」が範囲外", q);
        break;
    case HYOKA__VAL_NOT_WHOLE:
        DETAIL("\"%s\" is not a whole number", q);
        DETAIL_JA("「%s」は整数でない", q);
        break;
    case HYOKA__VAL_NEGATIVE:
        DETAIL("\"%s\" is negative", q);
        DETAIL_JA("「%s」は負の値", q);
        break;
    case HYOKA__VAL_NOT_YEAR:
        DETAIL("\"%s\" is not a fiscal year (1868..9999, or 平成19年度...)", q);
        DETAIL_JA("「%s」は年度 (1868..9999 または 平成19年度 など) でない", q);
        break;
    case HYOKA__VAL_NOT_DATE:
        DETAIL("\"%s\" is not a date (2008-05-15, 2008-12, 平成20年5月15日...)", q);
        DETAIL_JA("「%s」は日付 (2008-05-15, 2008-12, 平成20年5月15日 など) でない", q);
        break;
    case HYOKA__VAL_NOT_NAME:
        list_names(which, names, sizeof names);
        DETAIL("\"%s\" is not one of: %s", q, names);
        DETAIL_JA("「%s」は次のいずれでもない: %s", q, names);
        break;
    case HYOKA__VAL_NOT_BOOL:
        DETAIL("\"%s\" is not true or false", q);
        DETAIL_JA("「%s」は true でも false でもない", q);
        break;
    case HYOKA__VAL_MONEY_FINER:
        DETAIL("amount \"%s\" is finer than one yen", q);
        DETAIL_JA("金額「%s」は1円未満の端数を含む", q);
        break;
    case HYOKA__VAL_MONEY_RANGE:
        DETAIL("amount \"%s\" does not fit in 64-bit yen", q);
        DETAIL_JA("金額「%s」は64ビットの円に収まらない", q);
        break;
    case HYOKA__VAL_NOT_FORMAT:
        DETAIL("format \"%s\" is not \"hyoka/1\"", q);
        DETAIL_JA("形式「%s」は hyoka/1 でない", q);
        break;
    case HYOKA__VAL_PLACES:
        DETAIL("places \"%s\" outside 0..%d", q, HYOKA_DECIMAL_MAX_SCALE);
        DETAIL_JA("桁数「%s」が 0..%d の範囲外", q, HYOKA_DECIMAL_MAX_SCALE);
        break;
    case HYOKA__VAL_YEAR_TWICE:
        DETAIL("fiscal year \"%s\" given twice", q);
        DETAIL_JA("年度「%s」が重複", q);
        break;
    default:
        DETAIL("\"%s\"", q);
        DETAIL_JA("「%s」", q);
        break;
    }
    hyoka__utf8_cut(out->en, strlen(out->en));
    hyoka__utf8_cut(out->ja, strlen(out->ja));
}

void hyoka__era_reading(int32_t value, bool date, struct hyoka__detail *out)
{
    if (!date) {
        DETAIL("fiscal year %ld", (long)value);
        DETAIL_JA("%ld年度", (long)value);
    } else if (value % 100 == 0) {
        DETAIL("%04ld-%02ld", (long)(value / 10000), (long)(value / 100 % 100));
        memcpy(out->ja, out->en, strlen(out->en) + 1);
    } else {
        DETAIL("%04ld-%02ld-%02ld", (long)(value / 10000), (long)(value / 100 % 100), (long)(value % 100));
        memcpy(out->ja, out->en, strlen(out->en) + 1);
    }
}

/* ------------------------------------------------------------------------ */
/* Numbers                                                                   */

int hyoka__value_year_number(int64_t coef, int scale, int32_t *out)
{
    hyoka__strip_zeros(&coef, &scale);
    if (scale > 0 || coef < HYOKA__YEAR_MIN || coef > HYOKA__YEAR_MAX)
        return HYOKA__VAL_NOT_YEAR;
    *out = (int32_t)coef;
    return HYOKA__VAL_OK;
}

int hyoka__value_count(int64_t coef, int scale, int64_t *out)
{
    hyoka__strip_zeros(&coef, &scale);
    if (scale > 0)
        return HYOKA__VAL_NOT_WHOLE;
    if (coef < 0)
        return HYOKA__VAL_NEGATIVE;
    *out = coef;
    return HYOKA__VAL_OK;
}

int hyoka__value_money(int64_t coef, int scale, int unit, bool nonneg, int64_t *yen)
{
    if (nonneg && coef < 0)
        return HYOKA__VAL_NEGATIVE;
    if (unit != HYOKA_UNIT_THOUSAND_YEN) {
        hyoka__strip_zeros(&coef, &scale);
        if (scale > 0)
            return HYOKA__VAL_MONEY_FINER;
        *yen = coef;
        return HYOKA__VAL_OK;
    }
    switch (hyoka__yen_of_thousands(coef, scale, yen)) {
    case HYOKA_OK:
        return HYOKA__VAL_OK;
    case HYOKA_ERANGE:
        return HYOKA__VAL_MONEY_RANGE;
    default:
        return HYOKA__VAL_MONEY_FINER;
    }
}

/* ------------------------------------------------------------------------ */
/* Text                                                                      */

int hyoka__value_year_text(const char *s, size_t n, int32_t *out, bool *past_era)
{
    unsigned flags = 0;
    if (memchr(s, '\0', n) || hyoka_fiscal_year_parse(s, n, out, &flags) != HYOKA_OK)
        return HYOKA__VAL_NOT_YEAR;
    *past_era = (flags & HYOKA_CAL_PAST_ERA_END) != 0;
    return HYOKA__VAL_OK;
}

int hyoka__value_date_text(const char *s, size_t n, int32_t *out, bool *past_era)
{
    unsigned flags = 0;
    if (memchr(s, '\0', n) || hyoka_date_parse(s, n, out, &flags) != HYOKA_OK)
        return HYOKA__VAL_NOT_DATE;
    *past_era = (flags & HYOKA_CAL_PAST_ERA_END) != 0;
    return HYOKA__VAL_OK;
}

int hyoka__value_enum(int which, const char *s, size_t n, int *out)
{
    int v = hyoka__enum_lookup(which, s, n);
    if (v < 0)
        return HYOKA__VAL_NOT_NAME;
    *out = v;
    return HYOKA__VAL_OK;
}

static bool ascii_ieq(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    if (n != l)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != lit[i])
            return false;
    }
    return true;
}

int hyoka__value_bool_text(const char *s, size_t n, int *out)
{
    if (ascii_ieq(s, n, "true"))
        *out = 1;
    else if (ascii_ieq(s, n, "false"))
        *out = 0;
    else
        return HYOKA__VAL_NOT_BOOL;
    return HYOKA__VAL_OK;
}
