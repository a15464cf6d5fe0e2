/*
 * Fuzz target: exact decimals (decimal.h).
 *
 * Input: one control byte, then text. The control byte chooses the places
 * (ctrl % 19) and rounding mode ((ctrl / 19) % 6) for division and
 * rounding, and (bit 7) which parser reads the operands.
 *
 * Properties, for the whole text read by hyoka_decimal_parse() and by
 * hyoka_decimal_parse_printed():
 * - success gives a scale of 0..18, and formatting gives text that reads
 *   back identical (same coefficient and scale), plain and with grouping;
 * - a buffer one byte short is refused with ERANGE and the needed length;
 * Then the text is split at its first '|' into operands A and B (B = A
 * without a '|'); when both read:
 * - add and mul are commutative (same status, identical result), cmp is
 *   antisymmetric, (A - B) + B equals A whenever both steps succeed;
 * - every division and rounding lies between its floor and ceiling, which
 *   are at most one unit of the last place apart; rounding equals division
 *   by 1; to_int agrees with rounding to 0 places;
 * - statuses are only those the header allows.
 */
#include "fuzz.h"

#include <hyoka/hyoka.h>

#include <stdio.h>
#include <string.h>

static const char *show(const hyoka_decimal *d, char *buf)
{
    if (hyoka_decimal_format(d, 0, buf, HYOKA_DECIMAL_STRING_MAX, NULL) != HYOKA_OK)
        snprintf(buf, HYOKA_DECIMAL_STRING_MAX, "(coef %lld scale %d)", (long long)hyoka_decimal_coefficient(d),
                 hyoka_decimal_scale(d));
    return buf;
}

static void check_status(int rc, const char *what)
{
    if (rc != HYOKA_OK && rc != HYOKA_ERANGE && rc != HYOKA_EDIVZERO)
        FUZZ_FAIL("%s returned %s", what, hyoka_status_name(rc));
}

/* Format @p d with @p flags and read it back with @p printed's parser. */
static void format_round_trip(const hyoka_decimal *d, unsigned flags)
{
    char buf[HYOKA_DECIMAL_STRING_MAX];
    char small[HYOKA_DECIMAL_STRING_MAX];
    char show_buf[HYOKA_DECIMAL_STRING_MAX];
    size_t len = 0, need = 0;
    hyoka_decimal back;
    int rc;

    rc = hyoka_decimal_format(d, flags, buf, sizeof buf, &len);
    if (rc != HYOKA_OK)
        FUZZ_FAIL("format(flags %u) of %s returned %s", flags, show(d, show_buf), hyoka_status_name(rc));
    if (len != strlen(buf) || len >= sizeof buf)
        FUZZ_FAIL("format gave length %zu for \"%s\"", len, buf);
    /* Too small by one byte: ERANGE, the needed length, an empty string. */
    memset(small, 'x', sizeof small);
    rc = hyoka_decimal_format(d, flags, small, len, &need);
    if (rc != HYOKA_ERANGE || need != len || (len > 0 && small[0] != '\0'))
        FUZZ_FAIL("format into %zu bytes of \"%s\": %s, need %zu", len, buf, hyoka_status_name(rc), need);
    rc = hyoka_decimal_format(d, flags, NULL, 0, &need);
    if (rc != HYOKA_ERANGE || need != len)
        FUZZ_FAIL("format into no buffer of \"%s\": %s, need %zu", buf, hyoka_status_name(rc), need);

    if (!flags) {
        rc = hyoka_decimal_parse(buf, len, &back);
        if (rc != HYOKA_OK || !hyoka_decimal_identical(d, &back))
            FUZZ_FAIL("parse(format(x)) for \"%s\": %s", buf, hyoka_status_name(rc));
    }
    rc = hyoka_decimal_parse_printed(buf, len, &back);
    if (rc != HYOKA_OK || !hyoka_decimal_identical(d, &back))
        FUZZ_FAIL("parse_printed(format(x, %u)) for \"%s\": %s", flags, buf, hyoka_status_name(rc));
}

static void check_value(const hyoka_decimal *d)
{
    hyoka_decimal rebuilt;
    int scale = hyoka_decimal_scale(d);
    int sign = hyoka_decimal_sign(d);
    int64_t coef = hyoka_decimal_coefficient(d);
    hyoka_decimal zero = hyoka_decimal_from_int(0);

    FUZZ_CHECK(scale >= 0 && scale <= HYOKA_DECIMAL_MAX_SCALE);
    FUZZ_CHECK(sign == (coef > 0) - (coef < 0));
    FUZZ_CHECK(hyoka_decimal_cmp(d, &zero) == sign);
    FUZZ_CHECK(hyoka_decimal_from_parts(coef, scale, &rebuilt) == HYOKA_OK);
    FUZZ_CHECK(hyoka_decimal_identical(d, &rebuilt));
    FUZZ_CHECK(hyoka_decimal_cmp(d, d) == 0);
    (void)hyoka_decimal_to_double(d);
    format_round_trip(d, 0);
    format_round_trip(d, HYOKA_DECIMAL_FMT_GROUPING);
}

/* One unit of the last place at @p places, as a decimal. */
static hyoka_decimal ulp(int places)
{
    hyoka_decimal u;
    if (hyoka_decimal_from_parts(1, places, &u) != HYOKA_OK)
        FUZZ_FAIL("from_parts(1, %d)", places);
    return u;
}

/* @p lo <= @p hi and hi - lo is 0 or one unit at @p places. */
static void check_bracket(const hyoka_decimal *lo, const hyoka_decimal *hi, int places, const char *what)
{
    hyoka_decimal diff, one = ulp(places);
    char a[HYOKA_DECIMAL_STRING_MAX], b[HYOKA_DECIMAL_STRING_MAX];

    if (hyoka_decimal_scale(lo) != places || hyoka_decimal_scale(hi) != places)
        FUZZ_FAIL("%s: floor %s / ceiling %s not at %d places", what, show(lo, a), show(hi, b), places);
    if (hyoka_decimal_cmp(lo, hi) > 0)
        FUZZ_FAIL("%s: floor %s above ceiling %s", what, show(lo, a), show(hi, b));
    if (hyoka_decimal_sub(hi, lo, &diff) == HYOKA_OK) {
        hyoka_decimal zero = hyoka_decimal_from_int(0);
        if (hyoka_decimal_cmp(&diff, &zero) != 0 && hyoka_decimal_cmp(&diff, &one) != 0)
            FUZZ_FAIL("%s: floor %s and ceiling %s more than one unit apart", what, show(lo, a), show(hi, b));
    }
}

/* Every mode's result at @p places is the floor or the ceiling. */
static void check_modes(const hyoka_decimal r[6], const int rc[6], int places, const char *what)
{
    int m;
    char a[HYOKA_DECIMAL_STRING_MAX], b[HYOKA_DECIMAL_STRING_MAX], c[HYOKA_DECIMAL_STRING_MAX];

    if (rc[HYOKA_ROUND_FLOOR] != HYOKA_OK || rc[HYOKA_ROUND_CEILING] != HYOKA_OK)
        return;
    check_bracket(&r[HYOKA_ROUND_FLOOR], &r[HYOKA_ROUND_CEILING], places, what);
    for (m = 0; m < 6; m++) {
        if (rc[m] != HYOKA_OK)
            continue;
        if (hyoka_decimal_scale(&r[m]) != places)
            FUZZ_FAIL("%s mode %s: scale %d, not %d", what, hyoka_rounding_name(m), hyoka_decimal_scale(&r[m]),
                      places);
        if (!hyoka_decimal_identical(&r[m], &r[HYOKA_ROUND_FLOOR]) &&
            !hyoka_decimal_identical(&r[m], &r[HYOKA_ROUND_CEILING]))
            FUZZ_FAIL("%s mode %s gave %s, neither floor %s nor ceiling %s", what, hyoka_rounding_name(m),
                      show(&r[m], a), show(&r[HYOKA_ROUND_FLOOR], b), show(&r[HYOKA_ROUND_CEILING], c));
    }
}

static void check_unary(const hyoka_decimal *a, int places)
{
    hyoka_decimal r[6], q[6], one = hyoka_decimal_from_int(1);
    int rc[6], qc[6], m;
    char x[HYOKA_DECIMAL_STRING_MAX], y[HYOKA_DECIMAL_STRING_MAX], z[HYOKA_DECIMAL_STRING_MAX];

    for (m = 0; m < 6; m++) {
        rc[m] = hyoka_decimal_round(a, places, m, &r[m]);
        check_status(rc[m], "round");
        FUZZ_CHECK(rc[m] != HYOKA_EDIVZERO);
        qc[m] = hyoka_decimal_div(a, &one, places, m, &q[m]);
        check_status(qc[m], "div by 1");
        FUZZ_CHECK(qc[m] != HYOKA_EDIVZERO);
        if (rc[m] == HYOKA_OK && qc[m] == HYOKA_OK && !hyoka_decimal_identical(&r[m], &q[m]))
            FUZZ_FAIL("round(%s, %d, %s) = %s but div by 1 = %s", show(a, x), places, hyoka_rounding_name(m),
                      show(&r[m], y), show(&q[m], z));
    }
    check_modes(r, rc, places, "round");
    check_modes(q, qc, places, "div by 1");

    for (m = 0; m < 6; m++) {
        int64_t v = 0;
        hyoka_decimal r0;
        int irc = hyoka_decimal_to_int(a, m, &v);
        int rrc = hyoka_decimal_round(a, 0, m, &r0);
        check_status(irc, "to_int");
        if (irc == HYOKA_OK && rrc == HYOKA_OK && hyoka_decimal_coefficient(&r0) != v)
            FUZZ_FAIL("to_int(%s, %s) = %lld, round to 0 places = %s", show(a, x), hyoka_rounding_name(m),
                      (long long)v, show(&r0, y));
    }
}

static void check_pair(const hyoka_decimal *a, const hyoka_decimal *b, int places, int mode)
{
    hyoka_decimal s1, s2, p1, p2, d, back, q[6];
    int rc1, rc2, qc[6], m;
    char x[HYOKA_DECIMAL_STRING_MAX], y[HYOKA_DECIMAL_STRING_MAX], z[HYOKA_DECIMAL_STRING_MAX];
    char w[HYOKA_DECIMAL_STRING_MAX];

    FUZZ_CHECK(hyoka_decimal_cmp(a, b) == -hyoka_decimal_cmp(b, a));
    FUZZ_CHECK(hyoka_decimal_identical(a, b) == hyoka_decimal_identical(b, a));
    if (hyoka_decimal_identical(a, b))
        FUZZ_CHECK(hyoka_decimal_cmp(a, b) == 0);

    rc1 = hyoka_decimal_add(a, b, &s1);
    rc2 = hyoka_decimal_add(b, a, &s2);
    check_status(rc1, "add");
    FUZZ_CHECK(rc1 != HYOKA_EDIVZERO);
    if (rc1 != rc2 || (rc1 == HYOKA_OK && !hyoka_decimal_identical(&s1, &s2)))
        FUZZ_FAIL("add not commutative for %s, %s", show(a, x), show(b, y));
    if (rc1 == HYOKA_OK) {
        check_value(&s1);
        FUZZ_CHECK(hyoka_decimal_scale(&s1) ==
                   (hyoka_decimal_scale(a) > hyoka_decimal_scale(b) ? hyoka_decimal_scale(a) : hyoka_decimal_scale(b)));
    }

    rc1 = hyoka_decimal_sub(a, b, &d);
    check_status(rc1, "sub");
    FUZZ_CHECK(rc1 != HYOKA_EDIVZERO);
    if (rc1 == HYOKA_OK) {
        check_value(&d);
        if (hyoka_decimal_add(&d, b, &back) == HYOKA_OK && hyoka_decimal_cmp(&back, a) != 0)
            FUZZ_FAIL("(%s - %s) + %s = %s", show(a, x), show(b, y), show(b, z), show(&back, w));
        /* a - b has the opposite sign of b - a */
        if (hyoka_decimal_sub(b, a, &back) == HYOKA_OK)
            FUZZ_CHECK(hyoka_decimal_sign(&back) == -hyoka_decimal_sign(&d));
        FUZZ_CHECK(hyoka_decimal_sign(&d) == hyoka_decimal_cmp(a, b));
    }

    rc1 = hyoka_decimal_mul(a, b, &p1);
    rc2 = hyoka_decimal_mul(b, a, &p2);
    check_status(rc1, "mul");
    FUZZ_CHECK(rc1 != HYOKA_EDIVZERO);
    if (rc1 != rc2 || (rc1 == HYOKA_OK && !hyoka_decimal_identical(&p1, &p2)))
        FUZZ_FAIL("mul not commutative for %s, %s", show(a, x), show(b, y));
    if (rc1 == HYOKA_OK) {
        check_value(&p1);
        FUZZ_CHECK(hyoka_decimal_sign(&p1) == hyoka_decimal_sign(a) * hyoka_decimal_sign(b));
    }

    for (m = 0; m < 6; m++) {
        qc[m] = hyoka_decimal_div(a, b, places, m, &q[m]);
        check_status(qc[m], "div");
        if (hyoka_decimal_sign(b) == 0) {
            if (qc[m] != HYOKA_EDIVZERO)
                FUZZ_FAIL("div by zero returned %s", hyoka_status_name(qc[m]));
        } else {
            FUZZ_CHECK(qc[m] != HYOKA_EDIVZERO);
        }
        if (qc[m] == HYOKA_OK)
            check_value(&q[m]);
    }
    check_modes(q, qc, places, "div");

    /* The invalid arguments the header names. */
    FUZZ_CHECK(hyoka_decimal_div(a, b, HYOKA_DECIMAL_MAX_SCALE + 1, mode, &d) == HYOKA_EINVAL);
    FUZZ_CHECK(hyoka_decimal_div(a, b, -1, mode, &d) == HYOKA_EINVAL);
    FUZZ_CHECK(hyoka_decimal_div(a, b, places, 6, &d) == HYOKA_EINVAL);
    FUZZ_CHECK(hyoka_decimal_round(a, places, -1, &d) == HYOKA_EINVAL);
}

/* Parse @p text with both parsers and check what they give. */
static void check_text(const char *text, size_t len)
{
    hyoka_decimal d, e;
    int rc;

    rc = hyoka_decimal_parse(text, len, &d);
    if (rc != HYOKA_OK && rc != HYOKA_ESYNTAX && rc != HYOKA_ERANGE)
        FUZZ_FAIL("parse returned %s", hyoka_status_name(rc));
    if (rc == HYOKA_OK)
        check_value(&d);

    rc = hyoka_decimal_parse_printed(text, len, &e);
    if (rc != HYOKA_OK && rc != HYOKA_ESYNTAX && rc != HYOKA_ERANGE && rc != HYOKA_EENCODING)
        FUZZ_FAIL("parse_printed returned %s", hyoka_status_name(rc));
    if (rc == HYOKA_OK)
        check_value(&e);
}

static int parse_with(int printed, const char *text, size_t len, hyoka_decimal *out)
{
    return printed ? hyoka_decimal_parse_printed(text, len, out) : hyoka_decimal_parse(text, len, out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned ctrl;
    const char *text, *bar;
    size_t len;
    int places, mode, printed;
    hyoka_decimal a, b;

    if (size < 1)
        return 0;
    ctrl = data[0];
    text = (const char *)data + 1;
    len = size - 1;
    places = (int)((ctrl & 0x7f) % 19);
    mode = (int)(((ctrl & 0x7f) / 19) % 6);
    printed = (ctrl & 0x80) != 0;

    check_text(text, len);

    bar = len ? memchr(text, '|', len) : NULL;
    if (bar) {
        size_t alen = (size_t)(bar - text);
        check_text(text, alen);
        check_text(bar + 1, len - alen - 1);
        if (parse_with(printed, text, alen, &a) != HYOKA_OK)
            return 0;
        if (parse_with(printed, bar + 1, len - alen - 1, &b) != HYOKA_OK)
            return 0;
    } else {
        if (parse_with(printed, text, len, &a) != HYOKA_OK)
            return 0;
        b = a;
    }
    check_unary(&a, places);
    check_unary(&b, places);
    check_pair(&a, &b, places, mode);
    return 0;
}
