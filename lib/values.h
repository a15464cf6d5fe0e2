/* Values as documents write them, into the model's types, for every
 * reader (values.c): fiscal years, dates, counts, money in a unit, names
 * of an enumeration, booleans, and what is wrong with a value that is not
 * one. Each parser returns a status; a reader turns a status into its own
 * code (S004 or J005 for JSON, V005 for CSV) and location, with the one
 * wording of hyoka__value_problem(). Nothing here records an error. Not
 * installed. */
#ifndef HYOKA_VALUES_H
#define HYOKA_VALUES_H

#include "vocab.h"

/* What a parser found. */
enum hyoka__vstatus {
    HYOKA__VAL_OK = 0,
    HYOKA__VAL_NOT_NUMBER,  /* not a number */
    HYOKA__VAL_RANGE,       /* a number no decimal holds (too many digits, huge exponent) */
    HYOKA__VAL_NOT_WHOLE,   /* a fraction where a whole number is wanted */
    HYOKA__VAL_NEGATIVE,    /* below 0 where it cannot be */
    HYOKA__VAL_NOT_YEAR,    /* not a fiscal year */
    HYOKA__VAL_NOT_DATE,    /* not a date */
    HYOKA__VAL_NOT_NAME,    /* not one of the names of the enumeration */
    HYOKA__VAL_NOT_BOOL,    /* neither true nor false */
    HYOKA__VAL_MONEY_FINER, /* an amount finer than one yen */
    HYOKA__VAL_MONEY_RANGE, /* an amount beyond 64-bit yen */
    HYOKA__VAL_NOT_FORMAT,  /* a format that is not hyoka/1 */
    HYOKA__VAL_PLACES,      /* places of a rounding rule beyond HYOKA_DECIMAL_MAX_SCALE */
    HYOKA__VAL_YEAR_TWICE   /* a fiscal year given twice where it is a key */
};

/* Longest excerpt of a value a message quotes (bytes, NUL included). */
#define HYOKA__EXCERPT_MAX 96

/* A printable excerpt of s[0..n) for a message: control characters,
 * quotes and backslashes as \u00XX, bytes that are not UTF-8 as \xXX,
 * "..." when cut. Returns @p out. */
const char *hyoka__excerpt(const char *s, size_t n, char out[HYOKA__EXCERPT_MAX]);

/* A problem of a value in English and Japanese (a detail of S004, J005,
 * V005): @p excerpt is the value as hyoka__excerpt() shows it, @p which
 * the enumeration of a HYOKA__VAL_NOT_NAME (its names are listed). */
struct hyoka__detail {
    char en[384];
    char ja[384];
};
void hyoka__value_problem(int status, const char *excerpt, int which, struct hyoka__detail *out);

/* What an era year past its era's end is read as (Y001): a fiscal year,
 * or a date YYYYMMDD (day 00: a month). */
void hyoka__era_reading(int32_t value, bool date, struct hyoka__detail *out);

/* The arguments of Y001 for the text s[0..n) of a fiscal year or a date
 * past its era's end, read as @p value (calendar.c): the text's excerpt and
 * what it is read as, for the message HYOKA__MSG(Y001). */
struct hyoka__past_era {
    char excerpt[HYOKA__EXCERPT_MAX];
    struct hyoka__detail reading;
};
void hyoka__past_era(const char *s, size_t n, int32_t value, bool date, struct hyoka__past_era *out);

/* Drop the trailing zeros of a fraction: 2007.0 is 2007. */
static inline void hyoka__strip_zeros(int64_t *coef, int *scale)
{
    while (*scale > 0 && *coef % 10 == 0) {
        *coef /= 10;
        (*scale)--;
    }
}

/* ---- numbers ---- (coef × 10^-scale, as a decimal holds them) */

/* A fiscal year of a number: whole, 1868..9999. */
int hyoka__value_year_number(int64_t coef, int scale, int32_t *out);
/* A count: a whole number, 0 or more. */
int hyoka__value_count(int64_t coef, int scale, int64_t *out);
/* An amount written in @p unit (a hyoka_unit) into yen: whole yen, or at
 * most 3 places in thousand yen; @p nonneg refuses one below 0. */
int hyoka__value_money(int64_t coef, int scale, int unit, bool nonneg, int64_t *yen);

/* ---- text ---- */

/* A fiscal year as text ("2007", "平成19年度", "H19"...); *past_era when an
 * era year is past its era's end. */
int hyoka__value_year_text(const char *s, size_t n, int32_t *out, bool *past_era);
/* A date as text ("2008-05-15", "2008-12", "平成20年5月15日"...). */
int hyoka__value_date_text(const char *s, size_t n, int32_t *out, bool *past_era);
/* A name of enumeration @p which (hyoka_enum_id) into its value. */
int hyoka__value_enum(int which, const char *s, size_t n, int *out);
/* true or false, in any case of ASCII letters. */
int hyoka__value_bool_text(const char *s, size_t n, int *out);

#endif /* HYOKA_VALUES_H */
