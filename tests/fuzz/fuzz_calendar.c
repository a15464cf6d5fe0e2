/*
 * Fuzz target: the Japanese calendar (calendar.h).
 *
 * The whole input is read as a fiscal year (hyoka_fiscal_year_parse()) and
 * as a date (hyoka_date_parse()). On success:
 * - the value is in range (fiscal years 1868..9999; dates split into a
 *   real year, month and day, day 0 exactly when HYOKA_CAL_NO_DAY is set);
 * - it is written back in every combination of the HYOKA_CAL_FMT_* flags
 *   (and as ISO for dates), and every text that is written reads back to
 *   the same value, without HYOKA_CAL_PAST_ERA_END (the writer names the
 *   era in force), with HYOKA_CAL_ERA_NOTATION exactly when an era is
 *   written;
 * - a buffer that is too small is refused with ERANGE and the needed length.
 * The first bytes of the input also make a fiscal year and a date directly,
 * so that values the parser never produces are written and read too.
 */
#include "fuzz.h"

#include <hyoka/hyoka.h>

#include <stdio.h>
#include <string.h>

#define FY_FLAGS_ALL                                                                                     \
    (HYOKA_CAL_FMT_STRICT | HYOKA_CAL_FMT_NUMERIC_FIRST | HYOKA_CAL_FMT_ABBREV | HYOKA_CAL_FMT_WESTERN | \
     HYOKA_CAL_FMT_FULLWIDTH | HYOKA_CAL_FMT_NO_SUFFIX)

/* @p rc_small and @p need come from a call into a buffer of @p len bytes
 * (one short): ERANGE, the needed length, an empty string. */
static void check_small_buffer(size_t len, int rc_small, size_t need, const char *buf_small, const char *what)
{
    if (rc_small != HYOKA_ERANGE || need != len || (len > 0 && buf_small[0] != '\0'))
        FUZZ_FAIL("%s into %zu bytes: %s, need %zu (len %zu)", what, len, hyoka_status_name(rc_small), need, len);
}

static void fiscal_year_round_trip(int32_t fy)
{
    unsigned flags;

    for (flags = 0; flags <= FY_FLAGS_ALL; flags++) {
        char buf[HYOKA_CALENDAR_STRING_MAX], small[HYOKA_CALENDAR_STRING_MAX];
        size_t len = 0, need = 0;
        int32_t back = 0;
        unsigned pflags = 0;
        int rc, era = 0;
        int32_t era_year = 0;

        rc = hyoka_fiscal_year_format(fy, flags, buf, sizeof buf, &len);
        if (fy < 1868 || fy > 9999) {
            if (rc != HYOKA_ERANGE)
                FUZZ_FAIL("format of fiscal year %d (flags %#x) returned %s", (int)fy, flags, hyoka_status_name(rc));
            continue;
        }
        if (rc != HYOKA_OK)
            FUZZ_FAIL("format of fiscal year %d (flags %#x) returned %s", (int)fy, flags, hyoka_status_name(rc));
        if (len != strlen(buf))
            FUZZ_FAIL("format of fiscal year %d gave length %zu for \"%s\"", (int)fy, len, buf);
        memset(small, 'x', sizeof small);
        rc = hyoka_fiscal_year_format(fy, flags, small, len, &need);
        check_small_buffer(len, rc, need, small, "fiscal_year_format");

        rc = hyoka_fiscal_year_parse(buf, len, &back, &pflags);
        if (rc != HYOKA_OK || back != fy)
            FUZZ_FAIL("fiscal year %d written \"%s\" (flags %#x) reads back as %d (%s)", (int)fy, buf, flags,
                      (int)back, hyoka_status_name(rc));
        if (pflags & HYOKA_CAL_PAST_ERA_END)
            FUZZ_FAIL("fiscal year %d written \"%s\" reads back past its era's end", (int)fy, buf);
        if (!!(pflags & HYOKA_CAL_ERA_NOTATION) != !(flags & HYOKA_CAL_FMT_WESTERN))
            FUZZ_FAIL("fiscal year %d written \"%s\" (flags %#x): parse flags %#x", (int)fy, buf, flags, pflags);

        if ((flags & ~HYOKA_CAL_FMT_STRICT) == 0) {
            rc = hyoka_fiscal_year_era(fy, flags, &era, &era_year);
            if (rc != HYOKA_OK || era < HYOKA_ERA_MEIJI || era > HYOKA_ERA_REIWA || era_year < 1)
                FUZZ_FAIL("fiscal_year_era(%d, %#x): %s era %d year %d", (int)fy, flags, hyoka_status_name(rc), era,
                          (int)era_year);
            if (strncmp(buf, hyoka_era_name(era), strlen(hyoka_era_name(era))) != 0)
                FUZZ_FAIL("fiscal year %d written \"%s\" but its era is %s", (int)fy, buf, hyoka_era_name(era));
        }
    }
}

static void date_round_trip(int32_t date)
{
    static const unsigned date_flags[] = {
        0,
        HYOKA_CAL_FMT_NUMERIC_FIRST,
        HYOKA_CAL_FMT_ABBREV,
        HYOKA_CAL_FMT_WESTERN,
        HYOKA_CAL_FMT_FULLWIDTH,
        HYOKA_CAL_FMT_FULLWIDTH | HYOKA_CAL_FMT_ABBREV,
        HYOKA_CAL_FMT_FULLWIDTH | HYOKA_CAL_FMT_WESTERN,
        HYOKA_CAL_FMT_FULLWIDTH | HYOKA_CAL_FMT_NUMERIC_FIRST,
        HYOKA_CAL_FMT_ABBREV | HYOKA_CAL_FMT_NUMERIC_FIRST,
        HYOKA_CAL_FMT_STRICT | HYOKA_CAL_FMT_NO_SUFFIX,
    };
    char buf[HYOKA_CALENDAR_STRING_MAX], small[HYOKA_CALENDAR_STRING_MAX];
    size_t len = 0, need = 0, i;
    int32_t y = 0, back = 0, fy = 0;
    int m = 0, d = 0, rc;
    unsigned pflags = 0;

    rc = hyoka_date_split(date, &y, &m, &d);
    if (rc != HYOKA_OK)
        return;
    if (y < 1868 || y > 9999 || m < 1 || m > 12 || d < 0 || d > 31)
        FUZZ_FAIL("date %d splits into %d-%d-%d", (int)date, (int)y, m, d);

    rc = hyoka_date_to_iso(date, buf, sizeof buf, &len);
    if (rc != HYOKA_OK || len != strlen(buf))
        FUZZ_FAIL("date_to_iso(%d): %s", (int)date, hyoka_status_name(rc));
    memset(small, 'x', sizeof small);
    rc = hyoka_date_to_iso(date, small, len, &need);
    check_small_buffer(len, rc, need, small, "date_to_iso");
    rc = hyoka_date_parse(buf, len, &back, &pflags);
    if (rc != HYOKA_OK || back != date)
        FUZZ_FAIL("date %d written \"%s\" reads back as %d (%s)", (int)date, buf, (int)back, hyoka_status_name(rc));
    if (!!(pflags & HYOKA_CAL_NO_DAY) != (d == 0) || (pflags & (HYOKA_CAL_ERA_NOTATION | HYOKA_CAL_PAST_ERA_END)))
        FUZZ_FAIL("date %d written \"%s\": parse flags %#x", (int)date, buf, pflags);

    rc = hyoka_date_fiscal_year(date, &fy);
    if (rc == HYOKA_OK) {
        int32_t expect = (m >= 4) ? y : y - 1;
        if (fy != expect)
            FUZZ_FAIL("date %d is in fiscal year %d, not %d", (int)date, (int)fy, (int)expect);
    } else if (rc != HYOKA_ERANGE || y != 1868 || m >= 4) {
        FUZZ_FAIL("date_fiscal_year(%d) returned %s", (int)date, hyoka_status_name(rc));
    }

    for (i = 0; i < sizeof date_flags / sizeof date_flags[0]; i++) {
        unsigned flags = date_flags[i];
        int western = (flags & HYOKA_CAL_FMT_WESTERN) != 0;

        pflags = 0;
        back = 0;
        rc = hyoka_date_format(date, flags, buf, sizeof buf, &len);
        if (rc == HYOKA_ERANGE && !western) {
            /* Only a date before 明治 has no era. */
            int32_t first = date;
            if (d == 0)
                first = date + 1;
            if (first >= 18680125)
                FUZZ_FAIL("date %d (flags %#x) cannot be written: %s", (int)date, flags, hyoka_error_last());
            continue;
        }
        if (rc != HYOKA_OK)
            FUZZ_FAIL("date_format(%d, %#x) returned %s", (int)date, flags, hyoka_status_name(rc));
        if (len != strlen(buf))
            FUZZ_FAIL("date_format(%d) gave length %zu for \"%s\"", (int)date, len, buf);
        memset(small, 'x', sizeof small);
        rc = hyoka_date_format(date, flags, small, len, &need);
        check_small_buffer(len, rc, need, small, "date_format");
        rc = hyoka_date_parse(buf, len, &back, &pflags);
        if (rc != HYOKA_OK || back != date)
            FUZZ_FAIL("date %d written \"%s\" (flags %#x) reads back as %d (%s: %s)", (int)date, buf, flags,
                      (int)back, hyoka_status_name(rc), rc ? hyoka_error_last() : "");
        if (pflags & HYOKA_CAL_PAST_ERA_END)
            FUZZ_FAIL("date %d written \"%s\" reads back past its era's end", (int)date, buf);
        if (!!(pflags & HYOKA_CAL_ERA_NOTATION) != !western || !!(pflags & HYOKA_CAL_NO_DAY) != (d == 0))
            FUZZ_FAIL("date %d written \"%s\" (flags %#x): parse flags %#x", (int)date, buf, flags, pflags);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    int32_t fy = 0, date = 0;
    unsigned flags = 0;
    int rc;

    rc = hyoka_fiscal_year_parse(text, size, &fy, &flags);
    if (rc == HYOKA_OK) {
        if (fy < 1868 || fy > 9999)
            FUZZ_FAIL("fiscal year parsed as %d", (int)fy);
        if (flags & ~(unsigned)(HYOKA_CAL_PAST_ERA_END | HYOKA_CAL_ERA_NOTATION))
            FUZZ_FAIL("fiscal year parse flags %#x", flags);
        if ((flags & HYOKA_CAL_PAST_ERA_END) && !(flags & HYOKA_CAL_ERA_NOTATION))
            FUZZ_FAIL("past era end without era notation");
        fiscal_year_round_trip(fy);
    } else if (rc != HYOKA_ESYNTAX && rc != HYOKA_ERANGE && rc != HYOKA_EENCODING) {
        FUZZ_FAIL("fiscal_year_parse returned %s", hyoka_status_name(rc));
    }

    flags = 0;
    rc = hyoka_date_parse(text, size, &date, &flags);
    if (rc == HYOKA_OK) {
        if (flags & ~(unsigned)(HYOKA_CAL_PAST_ERA_END | HYOKA_CAL_ERA_NOTATION | HYOKA_CAL_NO_DAY))
            FUZZ_FAIL("date parse flags %#x", flags);
        if (hyoka_date_split(date, NULL, NULL, NULL) != HYOKA_OK)
            FUZZ_FAIL("date parsed as %d, which does not split", (int)date);
        if (!!(flags & HYOKA_CAL_NO_DAY) != (date % 100 == 0))
            FUZZ_FAIL("date parsed as %d with flags %#x", (int)date, flags);
        date_round_trip(date);
    } else if (rc != HYOKA_ESYNTAX && rc != HYOKA_ERANGE && rc != HYOKA_EENCODING) {
        FUZZ_FAIL("date_parse returned %s", hyoka_status_name(rc));
    }

    /* Values made from the raw bytes. */
    if (size >= 4) {
        uint32_t u = (uint32_t)data[0] | (uint32_t)data[1] << 8 | (uint32_t)data[2] << 16 | (uint32_t)data[3] << 24;
        int32_t year = 1860 + (int32_t)(u % 8150u);
        int month = (int)(data[1] % 14);
        int day = (int)(data[2] % 33);
        int32_t made = 0;

        if (data[3] & 1)
            fiscal_year_round_trip(1860 + (int32_t)(u % 8150u));
        rc = hyoka_date_make(year, month, day, &made);
        if (rc == HYOKA_OK)
            date_round_trip(made);
        else if (rc != HYOKA_ERANGE)
            FUZZ_FAIL("date_make(%d, %d, %d) returned %s", (int)year, month, day, hyoka_status_name(rc));
        else if (year >= 1868 && year <= 9999 && month >= 1 && month <= 12 && day == 0)
            FUZZ_FAIL("date_make(%d, %d, 0) refused", (int)year, month);
    }
    return 0;
}
