/* The Japanese calendar: fiscal years and dates in era notation (和暦) and
 * in Western notation, both ways (see include/hyoka/calendar.h).
 *
 * Decisions the header leaves open (they are documented in the guide):
 *
 * Reading
 * - Spaces are ASCII space, tab and U+3000, allowed before, after and
 *   between any two tokens ("平成 20 年 度", "H 18"), never inside a number.
 * - Era tokens: 明治 大正 昭和 平成 令和; the letters M T S H R in either
 *   case, ASCII or full-width; and the one-character era ligatures
 *   ㍾ ㍽ ㍼ ㍻ ㋿ (U+337E U+337D U+337C U+337B U+32FF).
 * - Numbers: a run of ASCII and/or full-width digits (leading zeros allowed:
 *   "H01"); or a run of kanji, either positional (二〇〇七, 〇 and 零 as zero)
 *   or with the multipliers 千 百 十 in decreasing order, each optionally
 *   preceded by one digit 一..九 (十九, 三十一, 二千七, 二千十九; no zero in
 *   this style). Arabic and kanji digits do not mix in one number.
 * - 元 is a year only after an era ("R元" is read as well as "令和元"); it is
 *   never a month or a day.
 * - A number too large for its place is ERANGE, not ESYNTAX ("令和99999年度").
 *   Grammar errors take precedence over range errors.
 * - An era-less year below 1868 is ERANGE ("28年度"): callers who know the
 *   era of short years resolve them themselves.
 * - Dates: "Y年M月[D日]" or "Y<sep>M[<sep>D]" with one separator used
 *   throughout, one of - / . or full-width － ／ ．; ISO basic "20080515" is
 *   not read. Day 0 written out ("2008-05-00") is ERANGE. Dates of 明治
 *   before its 6th year are read as Gregorian dates (no lunar calendar).
 * - A year-and-month era date is before its era when the whole month is
 *   (its last day is before the era's first day: 平成元年1月 is accepted,
 *   大正元年6月 is not), and past the era's end when the month's first day is
 *   on or after the next era's first day (昭和64年1月 has no flag,
 *   平成31年5月 has it).
 *
 * Writing
 * - Common usage (the default) names fiscal year N by the era in force on
 *   31 December N: an era that begins after 1 April N and within calendar
 *   year N names the whole fiscal year (2019 → 令和元年度, 1926 → 昭和元年度).
 *   An era that begins in January–March N+1 does not (FY1988 is 昭和63年度,
 *   平成 began 1989-01-08), so that the era year always equals
 *   N − first year of the era + 1 and no two fiscal years share a name.
 *   Strict form (HYOKA_CAL_FMT_STRICT) uses the era in force on 1 April N.
 * - HYOKA_CAL_FMT_ABBREV writes the letter and a number, always digits,
 *   never 元 ("R1年度"; with HYOKA_CAL_FMT_NO_SUFFIX "R1"; dates "R1.5.1").
 * - HYOKA_CAL_FMT_WESTERN takes precedence: STRICT, NUMERIC_FIRST and
 *   ABBREV are then ignored ("2019年度", "2008年5月15日").
 * - HYOKA_CAL_FMT_FULLWIDTH makes digits, letters and the dots of the
 *   abbreviated date form full-width ("Ｈ２０．５．１５").
 * - NO_SUFFIX and STRICT mean nothing for dates and are ignored there.
 * - A year-and-month date is named by the era in force on the first day of
 *   the month (1989-01 → 昭和64年1月, "S64.1").
 * - A date before 明治 (1868-01-01..1868-01-24) has no era: era notation is
 *   ERANGE for it; HYOKA_CAL_FMT_WESTERN writes it.
 *
 * Arguments
 * - Flag bits not defined in calendar.h are HYOKA_EINVAL.
 * - A NULL buffer with a nonzero size is HYOKA_EINVAL; a NULL buffer with
 *   size 0 asks for the length (HYOKA_ERANGE with *len = needed).
 * - hyoka_era_start(HYOKA_ERA_NONE) is HYOKA_EINVAL (no first day).
 * - hyoka_date_fiscal_year() of 1868-01-01..1868-03-31 is HYOKA_ERANGE:
 *   fiscal year 1867 is outside 1868..9999.
 */
#include "internal.h"
#include "values.h"
#include "vocab.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define YEAR_MIN HYOKA__YEAR_MIN
#define YEAR_MAX HYOKA__YEAR_MAX
#define DATE_MIN 18680101
#define DATE_MAX 99991231
#define ERA_COUNT HYOKA__ERA_COUNT /* HYOKA_ERA_NONE .. HYOKA_ERA_REIWA */
#define QUOTE_MAX 40
/* Numbers saturate here: anything larger is out of every range. */
#define NUM_CAP 1000000

#define FMT_FLAGS_ALL                                                                     \
    (HYOKA_CAL_FMT_STRICT | HYOKA_CAL_FMT_NUMERIC_FIRST | HYOKA_CAL_FMT_ABBREV |                \
     HYOKA_CAL_FMT_WESTERN | HYOKA_CAL_FMT_FULLWIDTH | HYOKA_CAL_FMT_NO_SUFFIX)

struct era_info {
    const char *name;
    const char *letter;
    int32_t start;     /* first day, YYYYMMDD */
    uint32_t name_cp[2];
    uint32_t ligature; /* one-character form (㍻) */
};

static const struct era_info eras[ERA_COUNT] = {
    {"", NULL, 0, {0, 0}, 0},
    {"明治", "M", 18680125, {0x660Eu, 0x6CBBu}, 0x337Eu},
    {"大正", "T", 19120730, {0x5927u, 0x6B63u}, 0x337Du},
    {"昭和", "S", 19261225, {0x662Du, 0x548Cu}, 0x337Cu},
    {"平成", "H", 19890108, {0x5E73u, 0x6210u}, 0x337Bu},
    {"令和", "R", 20190501, {0x4EE4u, 0x548Cu}, 0x32FFu},
};

enum {
    CP_IDEO_SPACE = 0x3000,
    CP_GAN = 0x5143,   /* 元 */
    CP_NEN = 0x5E74,   /* 年 */
    CP_DO = 0x5EA6,    /* 度 */
    CP_GETSU = 0x6708, /* 月 */
    CP_NICHI = 0x65E5, /* 日 */
    CP_JU = 0x5341,    /* 十 */
    CP_HYAKU = 0x767E, /* 百 */
    CP_SEN = 0x5343,   /* 千 */
    CP_FW_HYPHEN = 0xFF0D,
    CP_FW_FULL_STOP = 0xFF0E,
    CP_FW_SOLIDUS = 0xFF0F,
    CP_FW_DIGIT_ZERO = 0xFF10,
    CP_FW_UPPER_A = 0xFF21,
    CP_FW_LOWER_A = 0xFF41
};

/* ------------------------------------------------------------------ */
/* Dates                                                               */

static bool is_leap(int32_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int32_t y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && is_leap(y))
        return 29;
    return days[m - 1];
}

static int32_t pack(int32_t y, int m, int d)
{
    return y * 10000 + m * 100 + d;
}

/* True when @p date is a valid packed value (day 0 allowed). */
static bool date_valid(int32_t date, int32_t *y, int *m, int *d)
{
    int32_t yy, mm, dd;
    if (date < DATE_MIN - 1 || date > DATE_MAX)
        return false;
    yy = date / 10000;
    mm = (date / 100) % 100;
    dd = date % 100;
    if (yy < YEAR_MIN || yy > YEAR_MAX || mm < 1 || mm > 12 || dd > days_in_month(yy, (int)mm))
        return false;
    *y = yy;
    *m = (int)mm;
    *d = (int)dd;
    return true;
}

/* The era in force on @p date (a full YYYYMMDD); NONE before 明治. */
static int era_of(int32_t date)
{
    for (int e = ERA_COUNT - 1; e > HYOKA_ERA_NONE; e--)
        if (eras[e].start <= date)
            return e;
    return HYOKA_ERA_NONE;
}

static int32_t era_first_year(int era)
{
    return eras[era].start / 10000;
}

/* First day of the era after @p era, or 0 when it is the last one. */
static int32_t next_era_start(int era)
{
    return era + 1 < ERA_COUNT ? eras[era + 1].start : 0;
}

/* ------------------------------------------------------------------ */
/* Error messages                                                      */

/* Length of at most QUOTE_MAX bytes of valid UTF-8 text, cut on a boundary. */
static int quote_len(const char *s, size_t n)
{
    size_t m = n;
    if (m > QUOTE_MAX) {
        m = QUOTE_MAX;
        while (m > 0 && ((unsigned char)s[m] & 0xC0u) == 0x80u)
            m--;
    }
    return (int)m;
}

#define QUOTE(s, n) quote_len((s), (n)), (s), ((size_t)quote_len((s), (n)) < (n) ? "..." : "")

static int check_fmt_flags(const char *fn, unsigned flags)
{
    if (flags & ~(unsigned)FMT_FLAGS_ALL)
        return hyoka__fail(HYOKA_EINVAL, "%s: unknown format flags 0x%x", fn,
                           flags & ~(unsigned)FMT_FLAGS_ALL);
    return HYOKA_OK;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

struct cursor {
    const char *s;
    size_t len;
    size_t pos;
};

/* The code point at the cursor, or -1 at the end; @p next gets the position
 * after it. The text was validated beforehand. */
static int32_t peek(const struct cursor *c, size_t *next)
{
    size_t p = c->pos;
    int32_t cp;
    *next = p;
    if (p >= c->len)
        return -1;
    cp = hyoka__utf8_next(c->s, c->len, &p);
    *next = p;
    return cp;
}

static bool at_end(const struct cursor *c)
{
    return c->pos >= c->len;
}

static bool accept(struct cursor *c, int32_t want)
{
    size_t next;
    if (peek(c, &next) == want) {
        c->pos = next;
        return true;
    }
    return false;
}

static bool is_space(int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == CP_IDEO_SPACE;
}

static void skip_spaces(struct cursor *c)
{
    size_t next;
    while (is_space(peek(c, &next)))
        c->pos = next;
}

/* Value of an ASCII or full-width digit, or -1. */
static int arabic_digit(int32_t cp)
{
    if (cp >= '0' && cp <= '9')
        return (int)(cp - '0');
    if (cp >= CP_FW_DIGIT_ZERO && cp <= CP_FW_DIGIT_ZERO + 9)
        return (int)(cp - CP_FW_DIGIT_ZERO);
    return -1;
}

/* Value of a kanji digit (〇 零 一..九), or -1. */
static int kanji_digit(int32_t cp)
{
    switch (cp) {
    case 0x3007: /* 〇 */
    case 0x96F6: /* 零 */
        return 0;
    case 0x4E00: return 1; /* 一 */
    case 0x4E8C: return 2; /* 二 */
    case 0x4E09: return 3; /* 三 */
    case 0x56DB: return 4; /* 四 */
    case 0x4E94: return 5; /* 五 */
    case 0x516D: return 6; /* 六 */
    case 0x4E03: return 7; /* 七 */
    case 0x516B: return 8; /* 八 */
    case 0x4E5D: return 9; /* 九 */
    default: return -1;
    }
}

static int kanji_multiplier(int32_t cp)
{
    switch (cp) {
    case CP_JU: return 10;
    case CP_HYAKU: return 100;
    case CP_SEN: return 1000;
    default: return 0;
    }
}

enum num_result { NUM_ABSENT = 0, NUM_OK = 1, NUM_BAD = -1 };

/* Read a number at the cursor (see the file comment for the forms). The
 * value saturates at NUM_CAP. 元 is read as 1 when @p allow_gan. */
static enum num_result read_number(struct cursor *c, int32_t *value, bool allow_gan)
{
    size_t next;
    int32_t cp = peek(c, &next);
    int32_t v = 0;

    if (allow_gan && cp == CP_GAN) {
        c->pos = next;
        *value = 1;
        return NUM_OK;
    }
    if (arabic_digit(cp) >= 0) {
        int d;
        while ((d = arabic_digit(peek(c, &next))) >= 0) {
            v = v >= NUM_CAP ? NUM_CAP : v * 10 + d;
            c->pos = next;
        }
        *value = v > NUM_CAP ? NUM_CAP : v;
        return NUM_OK;
    }
    if (kanji_digit(cp) < 0 && kanji_multiplier(cp) == 0)
        return NUM_ABSENT;

    /* Kanji: find the run, then read it in one of the two styles. */
    {
        struct cursor run = *c;
        bool multipliers = false;
        size_t end;
        for (;;) {
            int32_t k = peek(&run, &next);
            if (kanji_multiplier(k))
                multipliers = true;
            else if (kanji_digit(k) < 0)
                break;
            run.pos = next;
        }
        end = run.pos;
        run.len = end;
        run.pos = c->pos;
        if (!multipliers) {
            while (!at_end(&run)) {
                int d = kanji_digit(peek(&run, &next));
                v = v >= NUM_CAP ? NUM_CAP : v * 10 + d;
                run.pos = next;
            }
        } else {
            int pending = -1;
            int last = 10000;
            while (!at_end(&run)) {
                int32_t k = peek(&run, &next);
                int m = kanji_multiplier(k);
                run.pos = next;
                if (m == 0) {
                    int d = kanji_digit(k);
                    if (d == 0 || pending >= 0)
                        return NUM_BAD;
                    pending = d;
                } else {
                    if (m >= last)
                        return NUM_BAD;
                    v += (pending < 0 ? 1 : pending) * m;
                    pending = -1;
                    last = m;
                }
            }
            if (pending >= 0)
                v += pending;
        }
        c->pos = end;
        *value = v > NUM_CAP ? NUM_CAP : v;
        return NUM_OK;
    }
}

/* Read an era token; HYOKA_ERA_NONE (cursor unchanged) when there is none. */
static int read_era(struct cursor *c)
{
    size_t next, next2;
    int32_t cp = peek(c, &next);
    if (cp < 0)
        return HYOKA_ERA_NONE;
    for (int e = HYOKA_ERA_MEIJI; e < ERA_COUNT; e++) {
        const struct era_info *info = &eras[e];
        int32_t letter = (int32_t)(unsigned char)info->letter[0];
        if (cp == (int32_t)info->ligature || cp == letter || cp == letter + ('a' - 'A') ||
            cp == CP_FW_UPPER_A + (letter - 'A') || cp == CP_FW_LOWER_A + (letter - 'A')) {
            c->pos = next;
            return e;
        }
        if (cp == (int32_t)info->name_cp[0]) {
            struct cursor after = {c->s, c->len, next};
            if (peek(&after, &next2) == (int32_t)info->name_cp[1]) {
                c->pos = next2;
                return e;
            }
        }
    }
    return HYOKA_ERA_NONE;
}

/* Common start of both parsers (their arguments checked): encoding, the
 * optional era and the year number. */
static int read_head(const char *fn, const char *text, size_t *len, struct cursor *c, int *era, int32_t *year)
{
    enum num_result r;
    *len = hyoka__len(text, *len);
    if (!hyoka__utf8_valid(text, *len)) {
        size_t p = 0;
        while (p < *len && hyoka__utf8_next(text, *len, &p) >= 0) {
        }
        return hyoka__fail(HYOKA_EENCODING, "%s: invalid UTF-8 at byte %zu", fn, p);
    }
    c->s = text;
    c->len = *len;
    c->pos = 0;
    skip_spaces(c);
    *era = read_era(c);
    skip_spaces(c);
    r = read_number(c, year, *era != HYOKA_ERA_NONE);
    if (r == NUM_ABSENT)
        return hyoka__fail(HYOKA_ESYNTAX, "%s: no year in \"%.*s%s\"", fn, QUOTE(text, *len));
    if (r == NUM_BAD)
        return hyoka__fail(HYOKA_ESYNTAX, "%s: malformed kanji numeral in \"%.*s%s\"", fn, QUOTE(text, *len));
    return HYOKA_OK;
}

/* The year @p y of @p era read from @p text by function @p fn, as a
 * Gregorian year into *year (HYOKA_ERA_NONE: @p y itself; an era year
 * saturates at NUM_CAP, for the range check of the caller), with
 * HYOKA_CAL_ERA_NOTATION added to *flags for an era year. HYOKA_ERANGE,
 * recorded, for era year 0. */
static int gregorian_year(const char *fn, const char *text, size_t len, int era, int32_t y, int32_t *year,
                          unsigned *flags)
{
    if (era == HYOKA_ERA_NONE) {
        *year = y;
        return HYOKA_OK;
    }
    if (y == 0)
        return hyoka__fail(HYOKA_ERANGE, "%s: era year 0 in \"%.*s%s\"", fn, QUOTE(text, len));
    *year = y >= NUM_CAP ? NUM_CAP : era_first_year(era) + y - 1;
    *flags |= HYOKA_CAL_ERA_NOTATION;
    return HYOKA_OK;
}

int hyoka_fiscal_year_parse(const char *text, size_t len, int32_t *fiscal_year, unsigned *flags)
{
    struct cursor c;
    int era, rc;
    int32_t y, year = 0;
    unsigned out_flags = 0;

    HYOKA__CHECK_NULL(text);
    HYOKA__CHECK_NULL(fiscal_year);
    rc = read_head(__func__, text, &len, &c, &era, &y);
    if (rc != HYOKA_OK)
        return rc;
    skip_spaces(&c);
    if (accept(&c, CP_NEN)) {
        skip_spaces(&c);
        accept(&c, CP_DO);
        skip_spaces(&c);
    }
    if (!at_end(&c))
        return hyoka__fail(HYOKA_ESYNTAX, "%s: unexpected text after the year in \"%.*s%s\"", __func__,
                           QUOTE(text, len));
    rc = gregorian_year(__func__, text, len, era, y, &year, &out_flags);
    if (rc != HYOKA_OK)
        return rc;
    if (year < YEAR_MIN || year > YEAR_MAX)
        return hyoka__fail(HYOKA_ERANGE, "%s: \"%.*s%s\" is outside %d..%d", __func__, QUOTE(text, len),
                           YEAR_MIN, YEAR_MAX);
    if (era != HYOKA_ERA_NONE) {
        /* Past the end: on 1 April of that year the era was already over. */
        int32_t next = next_era_start(era);
        if (next != 0 && next <= pack(year, 4, 1))
            out_flags |= HYOKA_CAL_PAST_ERA_END;
    }
    *fiscal_year = year;
    if (flags)
        *flags = out_flags;
    return HYOKA_OK;
}

static bool is_separator(int32_t cp)
{
    return cp == '-' || cp == '/' || cp == '.' || cp == CP_FW_HYPHEN || cp == CP_FW_SOLIDUS ||
           cp == CP_FW_FULL_STOP;
}

int hyoka_date_parse(const char *text, size_t len, int32_t *date, unsigned *flags)
{
    struct cursor c;
    int era, rc;
    int32_t y, mo, d = 0, year = 0;
    unsigned out_flags = 0;
    size_t next;
    int32_t sep;
    bool has_day;

    HYOKA__CHECK_NULL(text);
    HYOKA__CHECK_NULL(date);
    rc = read_head(__func__, text, &len, &c, &era, &y);
    if (rc != HYOKA_OK)
        return rc;
    skip_spaces(&c);
    sep = peek(&c, &next);
    if (sep == CP_NEN || is_separator(sep)) {
        c.pos = next;
    } else {
        return hyoka__fail(HYOKA_ESYNTAX, "%s: expected 年 or a separator after the year in \"%.*s%s\"", __func__,
                           QUOTE(text, len));
    }
    skip_spaces(&c);
    if (read_number(&c, &mo, false) != NUM_OK)
        return hyoka__fail(HYOKA_ESYNTAX, "%s: no month in \"%.*s%s\"", __func__, QUOTE(text, len));
    skip_spaces(&c);
    if (sep == CP_NEN) {
        if (!accept(&c, CP_GETSU))
            return hyoka__fail(HYOKA_ESYNTAX, "%s: expected 月 after the month in \"%.*s%s\"",
                               __func__, QUOTE(text, len));
        skip_spaces(&c);
        has_day = !at_end(&c);
        if (has_day) {
            if (read_number(&c, &d, false) != NUM_OK)
                return hyoka__fail(HYOKA_ESYNTAX, "%s: no day in \"%.*s%s\"", __func__, QUOTE(text, len));
            skip_spaces(&c);
            if (!accept(&c, CP_NICHI))
                return hyoka__fail(HYOKA_ESYNTAX, "%s: expected 日 after the day in \"%.*s%s\"", __func__,
                                   QUOTE(text, len));
            skip_spaces(&c);
        }
    } else {
        has_day = !at_end(&c);
        if (has_day) {
            if (!accept(&c, sep))
                return hyoka__fail(HYOKA_ESYNTAX, "%s: expected the same separator before the day in \"%.*s%s\"",
                                   __func__,
                                   QUOTE(text, len));
            skip_spaces(&c);
            if (read_number(&c, &d, false) != NUM_OK)
                return hyoka__fail(HYOKA_ESYNTAX, "%s: no day in \"%.*s%s\"", __func__, QUOTE(text, len));
            skip_spaces(&c);
        }
    }
    if (!at_end(&c))
        return hyoka__fail(HYOKA_ESYNTAX, "%s: unexpected text after the date in \"%.*s%s\"",
                           __func__, QUOTE(text, len));

    /* The grammar holds; now the values. */
    rc = gregorian_year(__func__, text, len, era, y, &year, &out_flags);
    if (rc != HYOKA_OK)
        return rc;
    if (year < YEAR_MIN || year > YEAR_MAX)
        return hyoka__fail(HYOKA_ERANGE, "%s: year of \"%.*s%s\" is outside %d..%d",
                           __func__, QUOTE(text, len), YEAR_MIN,
                           YEAR_MAX);
    if (mo < 1 || mo > 12)
        return hyoka__fail(HYOKA_ERANGE, "%s: no month %d in \"%.*s%s\"", __func__, (int)mo, QUOTE(text, len));
    if (has_day && (d < 1 || d > days_in_month(year, (int)mo)))
        return hyoka__fail(HYOKA_ERANGE, "%s: no day %d in month %d of %d in \"%.*s%s\"", __func__, (int)d, (int)mo,
                           (int)year, QUOTE(text, len));
    if (era != HYOKA_ERA_NONE) {
        /* A year-and-month date spans its month: it is before the era when
         * its last day is, past the end when its first day is. */
        int32_t first = pack(year, (int)mo, has_day ? (int)d : 1);
        int32_t last = pack(year, (int)mo, has_day ? (int)d : days_in_month(year, (int)mo));
        int32_t next_start = next_era_start(era);
        if (last < eras[era].start)
            return hyoka__fail(HYOKA_ERANGE, "%s: \"%.*s%s\" is before %s began (%d-%02d-%02d)",
                               __func__, QUOTE(text, len),
                               eras[era].name, (int)(eras[era].start / 10000), (int)(eras[era].start / 100 % 100),
                               (int)(eras[era].start % 100));
        if (next_start != 0 && first >= next_start)
            out_flags |= HYOKA_CAL_PAST_ERA_END;
    }
    if (!has_day)
        out_flags |= HYOKA_CAL_NO_DAY;
    *date = pack(year, (int)mo, has_day ? (int)d : 0);
    if (flags)
        *flags = out_flags;
    return HYOKA_OK;
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

struct out {
    char buf[HYOKA_CALENDAR_STRING_MAX];
    size_t n;
};

static void put(struct out *o, const char *s)
{
    size_t k = strlen(s);
    if (o->n + k < sizeof o->buf) {
        memcpy(o->buf + o->n, s, k);
        o->n += k;
    }
}

static void put_cp(struct out *o, uint32_t cp)
{
    char tmp[5];
    size_t k = hyoka__utf8_encode(cp, tmp);
    tmp[k] = '\0';
    put(o, tmp);
}

/* A non-negative number, ASCII or full-width; at least @p width digits. */
static void put_num(struct out *o, int32_t v, int width, bool fullwidth)
{
    char digits[12];
    int k = 0;
    do {
        digits[k++] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0 && k < (int)sizeof digits);
    while (k < width && k < (int)sizeof digits)
        digits[k++] = '0';
    while (k > 0) {
        char ch = digits[--k];
        if (fullwidth)
            put_cp(o, (uint32_t)CP_FW_DIGIT_ZERO + (uint32_t)(ch - '0'));
        else {
            char s[2] = {ch, '\0'};
            put(o, s);
        }
    }
}

static void put_letter(struct out *o, int era, bool fullwidth)
{
    if (fullwidth)
        put_cp(o, (uint32_t)CP_FW_UPPER_A + (uint32_t)(eras[era].letter[0] - 'A'));
    else
        put(o, eras[era].letter);
}

/* HYOKA_ERA_NONE, which has no letter and no first day. */
HYOKA_COLD static int fail_no_era(const char *fn, const char *what)
{
    return hyoka__fail(HYOKA_EINVAL, "%s: era %d (HYOKA_ERA_NONE) has no %s", fn, HYOKA_ERA_NONE, what);
}

const char *hyoka_era_name(int era)
{
    if (era < 0 || era >= ERA_COUNT) {
        hyoka__fail_enum(__func__, "era", era, HYOKA_ENUM_ERA, false);
        return NULL;
    }
    return eras[era].name;
}

const char *hyoka_era_letter(int era)
{
    if (era < 0 || era >= ERA_COUNT) {
        hyoka__fail_enum(__func__, "era", era, HYOKA_ENUM_ERA, false);
        return NULL;
    }
    if (era == HYOKA_ERA_NONE) {
        fail_no_era(__func__, "letter");
        return NULL;
    }
    return eras[era].letter;
}

int hyoka_era_start(int era, int32_t *date)
{
    HYOKA__CHECK_NULL(date);
    HYOKA__CHECK_ENUM(era, ERA);
    if (era == HYOKA_ERA_NONE)
        return fail_no_era(__func__, "first day");
    *date = eras[era].start;
    return HYOKA_OK;
}

static int fiscal_era(int32_t fiscal_year, bool strict, int *era, int32_t *era_year)
{
    /* Strict: the era of 1 April; common: the era of 31 December. */
    int e = era_of(pack(fiscal_year, strict ? 4 : 12, strict ? 1 : 31));
    *era = e;
    *era_year = fiscal_year - era_first_year(e) + 1;
    return HYOKA_OK;
}

int hyoka_fiscal_year_era(int32_t fiscal_year, unsigned flags, int *era, int32_t *era_year)
{
    int rc;
    HYOKA__CHECK_NULL(era);
    HYOKA__CHECK_NULL(era_year);
    rc = check_fmt_flags(__func__, flags);
    if (rc != HYOKA_OK)
        return rc;
    HYOKA__CHECK_YEAR(fiscal_year);
    return fiscal_era(fiscal_year, (flags & HYOKA_CAL_FMT_STRICT) != 0, era, era_year);
}

/* The era and year part of a date or fiscal year: "平成元", "平成1", "H1". */
static void put_era_year(struct out *o, int era, int32_t era_year, unsigned flags)
{
    bool fw = (flags & HYOKA_CAL_FMT_FULLWIDTH) != 0;
    if (flags & HYOKA_CAL_FMT_ABBREV) {
        put_letter(o, era, fw);
        put_num(o, era_year, 1, fw);
        return;
    }
    put(o, eras[era].name);
    if (era_year == 1 && !(flags & HYOKA_CAL_FMT_NUMERIC_FIRST))
        put(o, "元");
    else
        put_num(o, era_year, 1, fw);
}

int hyoka_fiscal_year_format(int32_t fiscal_year, unsigned flags, char *buf, size_t size, size_t *len)
{
    struct out o = {{0}, 0};
    int rc;

    HYOKA__CHECK_BUFFER(buf, size);
    rc = check_fmt_flags(__func__, flags);
    if (rc != HYOKA_OK)
        return rc;
    HYOKA__CHECK_YEAR(fiscal_year);
    if (flags & HYOKA_CAL_FMT_WESTERN) {
        put_num(&o, fiscal_year, 1, (flags & HYOKA_CAL_FMT_FULLWIDTH) != 0);
    } else {
        int era;
        int32_t era_year;
        fiscal_era(fiscal_year, (flags & HYOKA_CAL_FMT_STRICT) != 0, &era, &era_year);
        put_era_year(&o, era, era_year, flags);
    }
    if (!(flags & HYOKA_CAL_FMT_NO_SUFFIX))
        put(&o, "年度");
    return hyoka__output(o.buf, o.n, buf, size, len);
}

int hyoka_date_make(int32_t year, int month, int day, int32_t *date)
{
    HYOKA__CHECK_NULL(date);
    if (year < YEAR_MIN || year > YEAR_MAX)
        return hyoka__fail(HYOKA_ERANGE, "%s: year %d is outside %d..%d", __func__, (int)year, YEAR_MIN, YEAR_MAX);
    if (month < 1 || month > 12)
        return hyoka__fail(HYOKA_ERANGE, "%s: no month %d", __func__, month);
    if (day < 0 || day > days_in_month(year, month))
        return hyoka__fail(HYOKA_ERANGE, "%s: no day %d in %d-%02d", __func__, day, (int)year, month);
    *date = pack(year, month, day);
    return HYOKA_OK;
}

int hyoka_date_split(int32_t date, int32_t *year, int *month, int *day)
{
    int32_t y;
    int m, d;
    if (!date_valid(date, &y, &m, &d))
        return hyoka__fail(HYOKA_ERANGE, "%s: date %ld is not a date value (YYYYMMDD)", __func__, (long)date);
    if (year)
        *year = y;
    if (month)
        *month = m;
    if (day)
        *day = d;
    return HYOKA_OK;
}

int hyoka_date_to_iso(int32_t date, char *buf, size_t size, size_t *len)
{
    struct out o = {{0}, 0};
    int32_t y;
    int m, d;

    HYOKA__CHECK_BUFFER(buf, size);
    if (!date_valid(date, &y, &m, &d))
        return hyoka__fail(HYOKA_ERANGE, "%s: date %ld is not a date value (YYYYMMDD)", __func__, (long)date);
    put_num(&o, y, 4, false);
    put(&o, "-");
    put_num(&o, m, 2, false);
    if (d > 0) {
        put(&o, "-");
        put_num(&o, d, 2, false);
    }
    return hyoka__output(o.buf, o.n, buf, size, len);
}

int hyoka_date_format(int32_t date, unsigned flags, char *buf, size_t size, size_t *len)
{
    struct out o = {{0}, 0};
    bool fw = (flags & HYOKA_CAL_FMT_FULLWIDTH) != 0;
    bool abbrev;
    int32_t y;
    int m, d;
    int rc;

    HYOKA__CHECK_BUFFER(buf, size);
    rc = check_fmt_flags(__func__, flags);
    if (rc != HYOKA_OK)
        return rc;
    if (!date_valid(date, &y, &m, &d))
        return hyoka__fail(HYOKA_ERANGE, "%s: date %ld is not a date value (YYYYMMDD)", __func__, (long)date);
    abbrev = (flags & (HYOKA_CAL_FMT_ABBREV | HYOKA_CAL_FMT_WESTERN)) == HYOKA_CAL_FMT_ABBREV;
    if (flags & HYOKA_CAL_FMT_WESTERN) {
        put_num(&o, y, 1, fw);
    } else {
        /* A year-and-month date takes the era of the month's first day. */
        int era = era_of(pack(y, m, d > 0 ? d : 1));
        if (era == HYOKA_ERA_NONE)
            return hyoka__fail(HYOKA_ERANGE, "%s: %d-%02d-%02d is before 明治 (1868-01-25); use HYOKA_CAL_FMT_WESTERN",
                               __func__, (int)y, m, d);
        put_era_year(&o, era, y - era_first_year(era) + 1, flags);
    }
    if (abbrev) {
        const char *dot = fw ? "．" : ".";
        put(&o, dot);
        put_num(&o, m, 1, fw);
        if (d > 0) {
            put(&o, dot);
            put_num(&o, d, 1, fw);
        }
    } else {
        put(&o, "年");
        put_num(&o, m, 1, fw);
        put(&o, "月");
        if (d > 0) {
            put_num(&o, d, 1, fw);
            put(&o, "日");
        }
    }
    return hyoka__output(o.buf, o.n, buf, size, len);
}

int hyoka_date_fiscal_year(int32_t date, int32_t *fiscal_year)
{
    int32_t y;
    int m, d;
    HYOKA__CHECK_NULL(fiscal_year);
    if (!date_valid(date, &y, &m, &d))
        return hyoka__fail(HYOKA_ERANGE, "%s: date %ld is not a date value (YYYYMMDD)", __func__, (long)date);
    if (m < 4)
        y--;
    if (y < YEAR_MIN)
        return hyoka__fail(HYOKA_ERANGE, "%s: %d-%02d falls in fiscal year %d, outside %d..%d", __func__, (int)(y + 1),
                           m, (int)y, YEAR_MIN, YEAR_MAX);
    *fiscal_year = y;
    return HYOKA_OK;
}

void hyoka__past_era(const char *s, size_t n, int32_t value, bool date, struct hyoka__past_era *out)
{
    hyoka__excerpt(s, n, out->excerpt);
    hyoka__era_reading(value, date, &out->reading);
}
