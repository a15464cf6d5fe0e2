/**
 * @file calendar.h
 * @brief The Japanese calendar: fiscal years and dates in era notation
 *        (和暦) and in Western notation, both ways.
 *
 * A fiscal year (年度) N runs from 1 April N to 31 March N+1 and is stored as
 * the integer N. A date is stored as one `int32_t` in the form YYYYMMDD
 * (20080515 for 2008-05-15); a year-and-month date (2008-12, 平成20年12月)
 * has day 00 (20081200). Such values sort in date order as integers.
 *
 * Eras and their first days: 明治 1868-01-25, 大正 1912-07-30,
 * 昭和 1926-12-25, 平成 1989-01-08, 令和 2019-05-01.
 */
#ifndef HYOKA_CALENDAR_H
#define HYOKA_CALENDAR_H

#include "common.h"

HYOKA_BEGIN_DECLS

/** Japanese eras. Values are never renumbered; new eras are appended. */
typedef enum hyoka_era {
    HYOKA_ERA_NONE = 0,   /**< Western notation (西暦). */
    HYOKA_ERA_MEIJI = 1,  /**< 明治 (M), from 1868-01-25. */
    HYOKA_ERA_TAISHO = 2, /**< 大正 (T), from 1912-07-30. */
    HYOKA_ERA_SHOWA = 3,  /**< 昭和 (S), from 1926-12-25. */
    HYOKA_ERA_HEISEI = 4, /**< 平成 (H), from 1989-01-08. */
    HYOKA_ERA_REIWA = 5   /**< 令和 (R), from 2019-05-01. */
} hyoka_era;

/** Parse flag (output): the era year lies past the era's end (平成32年度 is 2020); the value is still converted. */
#define HYOKA_CAL_PAST_ERA_END 0x1u
/** Parse flag (output): the text used era notation (not Western). */
#define HYOKA_CAL_ERA_NOTATION 0x2u
/** Parse flag (output): the date has no day (year and month only). */
#define HYOKA_CAL_NO_DAY 0x4u

/** Format flag: name a fiscal year by the era of its 1 April (平成31年度 for 2019) instead of the common usage (令和元年度). */
#define HYOKA_CAL_FMT_STRICT 0x1u
/** Format flag: write the first year of an era as 1年 instead of 元年. */
#define HYOKA_CAL_FMT_NUMERIC_FIRST 0x2u
/** Format flag: abbreviate the era to its letter, always with digits (R1年度, R1 with ::HYOKA_CAL_FMT_NO_SUFFIX; dates as H20.5.15). */
#define HYOKA_CAL_FMT_ABBREV 0x4u
/** Format flag: Western notation (2019年度, 2008年5月15日). */
#define HYOKA_CAL_FMT_WESTERN 0x8u
/** Format flag: full-width digits (平成３１年度). */
#define HYOKA_CAL_FMT_FULLWIDTH 0x10u
/** Format flag: for fiscal years, omit the 年度 suffix (平成31, H31, 2019). */
#define HYOKA_CAL_FMT_NO_SUFFIX 0x20u

/** Buffer size (NUL included) that holds any text written by the formatting functions of this header. */
#define HYOKA_CALENDAR_STRING_MAX 64

/**
 * The name of an era: "明治", "大正", "昭和", "平成", "令和"; "" for
 * ::HYOKA_ERA_NONE. @p era is a ::hyoka_era.
 * @return a static string owned by the library, or NULL for an unknown era.
 */
HYOKA_API const char *hyoka_era_name(int era);

/** The one-letter abbreviation of an era (@p era, a ::hyoka_era): "M", "T", "S", "H", "R"; NULL for NONE or unknown. */
HYOKA_API const char *hyoka_era_letter(int era);

/**
 * The first day of an era as YYYYMMDD.
 * @param era  a ::hyoka_era other than ::HYOKA_ERA_NONE.
 * @param date receives the first day.
 * @return ::HYOKA_OK or ::HYOKA_EINVAL (::HYOKA_ERA_NONE, unknown era or NULL @p date).
 */
HYOKA_API int hyoka_era_start(int era, int32_t *date);

/**
 * Parse a fiscal year written as on a sheet.
 *
 * Accepted: era name or letter (明治 大正 昭和 平成 令和, M T S H R in either
 * case, full-width letters too) followed by a year (元 or a number), or a
 * Western year; optionally followed by 年度 or 年; digits in ASCII,
 * full-width (２００７) or kanji, positional (二〇〇七) or with 十/百/千
 * (十九, 三十一); ASCII and ideographic spaces between parts ("平成 20 年度").
 * Examples: "平成19年度", "H19", "令和元年度", "2024年度", "2024",
 * "ＦＹ" is not accepted.
 *
 * An era year past the era's end converts all the same (平成32年度 → 2020)
 * and sets ::HYOKA_CAL_PAST_ERA_END in @p flags. Both 平成31年度 and
 * 令和元年度 give 2019 without the flag (the era in force on 1 April, and
 * the era that began within the fiscal year).
 *
 * @param text  UTF-8 text; @p len bytes or ::HYOKA_NTS.
 * @param len   its length.
 * @param fiscal_year receives the year; unchanged on failure.
 * @param flags receives HYOKA_CAL_* parse flags; may be NULL.
 * @return ::HYOKA_OK; ::HYOKA_EINVAL (NULL); ::HYOKA_EENCODING (bad UTF-8);
 *         ::HYOKA_ESYNTAX (not a year); ::HYOKA_ERANGE (year 0, or outside
 *         1868..9999).
 */
HYOKA_API int hyoka_fiscal_year_parse(const char *text, size_t len, int32_t *fiscal_year, unsigned *flags);

/**
 * The era and era year that name a fiscal year.
 * @param fiscal_year 1868..9999.
 * @param flags ::HYOKA_CAL_FMT_STRICT (the era in force on 1 April) or 0
 *              (common usage: the era in force on 31 December of the
 *              fiscal year, so an era that begins after 1 April and by
 *              31 December names it: 2019 is 令和元年度, 1989 平成元年度).
 * @param era      receives the era (a ::hyoka_era).
 * @param era_year receives the year within the era (1 for 元年).
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ERANGE.
 */
HYOKA_API int hyoka_fiscal_year_era(int32_t fiscal_year, unsigned flags, int *era, int32_t *era_year);

/**
 * Write a fiscal year: "令和元年度" by default; see the HYOKA_CAL_FMT_* flags.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ERANGE (year out of range or
 *         buffer too small; see common.h for the buffer convention).
 */
HYOKA_API int hyoka_fiscal_year_format(int32_t fiscal_year, unsigned flags,
                                       char *buf, size_t size, size_t *len);

/**
 * Build a date value from its parts, checking it exists (leap years
 * included). @p day 0 makes a year-and-month date.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (NULL), ::HYOKA_ERANGE (no such date,
 *         or year outside 1868..9999).
 */
HYOKA_API int hyoka_date_make(int32_t year, int month, int day, int32_t *date);

/**
 * Split a date value. Any output pointer may be NULL.
 * @return ::HYOKA_OK or ::HYOKA_ERANGE (not a valid date value).
 */
HYOKA_API int hyoka_date_split(int32_t date, int32_t *year, int *month, int *day);

/**
 * Parse a date: ISO ("2008-05-15", "2008-12"), slashes or dots
 * ("2008/5/15", "H20.5.15"), Western or era kanji ("2008年5月15日",
 * "平成20年5月15日", "平成元年1月8日", "平成20年12月"), with the digit forms
 * and spaces hyoka_fiscal_year_parse() accepts.
 *
 * An era date before the era's first day is refused (平成元年1月7日); one
 * after the era's last day converts and sets ::HYOKA_CAL_PAST_ERA_END
 * (平成31年5月1日 → 2019-05-01). 昭和64年1月7日 is 1989-01-07.
 *
 * @param date  receives YYYYMMDD (day 00 with ::HYOKA_CAL_NO_DAY).
 * @param flags receives HYOKA_CAL_* parse flags; may be NULL.
 * @param text UTF-8 text.
 * @param len length in bytes, or ::HYOKA_NTS.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_EENCODING, ::HYOKA_ESYNTAX,
 *         ::HYOKA_ERANGE (no such date, or before the era began).
 */
HYOKA_API int hyoka_date_parse(const char *text, size_t len, int32_t *date, unsigned *flags);

/**
 * Write a date as ISO 8601: "2008-05-15", or "2008-12" for a
 * year-and-month date.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ERANGE.
 */
HYOKA_API int hyoka_date_to_iso(int32_t date, char *buf, size_t size, size_t *len);

/**
 * Write a date in era notation: "平成20年5月15日" by default;
 * ::HYOKA_CAL_FMT_ABBREV gives "H20.5.15", ::HYOKA_CAL_FMT_WESTERN
 * "2008年5月15日", ::HYOKA_CAL_FMT_NUMERIC_FIRST "平成1年" for 元年,
 * ::HYOKA_CAL_FMT_FULLWIDTH full-width digits. The era is the one in force
 * on that day.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ERANGE.
 */
HYOKA_API int hyoka_date_format(int32_t date, unsigned flags, char *buf, size_t size, size_t *len);

/**
 * The fiscal year a date falls in (2009-03-31 → 2008, 2009-04-01 → 2009).
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ERANGE.
 */
HYOKA_API int hyoka_date_fiscal_year(int32_t date, int32_t *fiscal_year);

HYOKA_END_DECLS

#endif /* HYOKA_CALENDAR_H */
