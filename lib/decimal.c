/* decimal: exact decimal numbers (coefficient × 10^-scale): parsing,
 * formatting, arithmetic and the six rounding modes.
 *
 * Private layout of hyoka_decimal: hyoka_private_[0] is the int64
 * coefficient, hyoka_private_[1] the scale (0..18). Intermediates use 128-bit
 * integers; no binary floating point is used anywhere except in
 * hyoka_decimal_to_double(). */
#include "internal.h"
#include "vocab.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

typedef hyoka__i128 i128;
__extension__ typedef unsigned __int128 u128;

#define MAX_SCALE HYOKA_DECIMAL_MAX_SCALE
/* Input bytes quoted in an error message. */
#define QUOTE_MAX 40
/* Worst case of quote(): every input byte as \xNN, the ellipsis and a NUL. */
#define QUOTE_BUF (QUOTE_MAX * 4 + 8)
/* Exponent digits stop accumulating past this value (any exponent beyond
 * ±40 already decides the outcome; this only keeps the arithmetic bounded). */
#define EXP_CLAMP INT64_C(1000000000000000)
/* Magnitude of INT64_MIN. */
#define MAG_LIMIT (UINT64_C(1) << 63)

#define COEF(d) ((d)->hyoka_private_[0])
#define SCALE(d) ((d)->hyoka_private_[1])

static const int64_t pow10_tab[MAX_SCALE + 1] = {
    INT64_C(1),
    INT64_C(10),
    INT64_C(100),
    INT64_C(1000),
    INT64_C(10000),
    INT64_C(100000),
    INT64_C(1000000),
    INT64_C(10000000),
    INT64_C(100000000),
    INT64_C(1000000000),
    INT64_C(10000000000),
    INT64_C(100000000000),
    INT64_C(1000000000000),
    INT64_C(10000000000000),
    INT64_C(100000000000000),
    INT64_C(1000000000000000),
    INT64_C(10000000000000000),
    INT64_C(100000000000000000),
    INT64_C(1000000000000000000),
};

/* ------------------------------------------------------------------------ */
/* Small helpers                                                             */

static bool valid_scale(int64_t scale)
{
    return scale >= 0 && scale <= MAX_SCALE;
}

static bool valid_value(const hyoka_decimal *d)
{
    return valid_scale(SCALE(d));
}

bool hyoka__decimal_valid(const hyoka_decimal *d)
{
    return valid_value(d);
}

static bool valid_mode(int mode)
{
    return mode >= 0 && mode < HYOKA__ROUNDING_COUNT;
}

static void store(hyoka_decimal *out, int64_t coef, int scale)
{
    COEF(out) = coef;
    SCALE(out) = scale;
}

static uint64_t magnitude(int64_t v)
{
    return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/* The int64 with magnitude @p mag (at most 2^63, and below it when
 * positive) and the given sign. */
static int64_t from_magnitude(uint64_t mag, bool neg)
{
    if (!neg)
        return (int64_t)mag;
    if (mag == MAG_LIMIT)
        return INT64_MIN;
    return -(int64_t)mag;
}

/* Quote at most QUOTE_MAX bytes of @p text for an error message, cut on a
 * character boundary; control characters, quotes, backslashes and bytes
 * that are not UTF-8 are escaped, so the result is always valid UTF-8. */
static const char *quote(const char *text, size_t len, char *out)
{
    size_t i = 0, o = 0;

    while (i < len) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80u) {
            if (i + 1 > QUOTE_MAX)
                break;
            if (c < 0x20u || c == 0x7Fu) {
                snprintf(out + o, 5, "\\x%02X", (unsigned)c);
                o += 4;
            } else {
                if (c == '"' || c == '\\')
                    out[o++] = '\\';
                out[o++] = (char)c;
            }
            i++;
        } else {
            size_t j = i;
            if (hyoka__utf8_next(text, len, &j) < 0) {
                if (i + 1 > QUOTE_MAX)
                    break;
                snprintf(out + o, 5, "\\x%02X", (unsigned)c);
                o += 4;
                i++;
            } else {
                if (j > QUOTE_MAX)
                    break;
                memcpy(out + o, text + i, j - i);
                o += j - i;
                i = j;
            }
        }
    }
    if (i < len) {
        memcpy(out + o, "...", 3);
        o += 3;
    }
    out[o] = '\0';
    return out;
}

/* Describe the character at byte @p pos of @p text for a syntax error. */
static const char *describe(const char *text, size_t len, size_t pos, char *out, size_t size)
{
    size_t j = pos;
    int32_t cp;

    if (pos >= len) {
        snprintf(out, size, "end of text");
        return out;
    }
    cp = hyoka__utf8_next(text, len, &j);
    if (cp < 0)
        snprintf(out, size, "byte 0x%02X", (unsigned)(unsigned char)text[pos]);
    else if (cp == 0)
        snprintf(out, size, "NUL byte");
    else if (cp < 0x20 || cp == 0x7F)
        snprintf(out, size, "control character U+%04" PRIX32, (uint32_t)cp);
    else if (cp < 0x80)
        snprintf(out, size, "'%c'", (char)cp);
    else
        snprintf(out, size, "'%.*s' (U+%04" PRIX32 ")", (int)(j - pos), text + pos, (uint32_t)cp);
    return out;
}

/* Plain text of coefficient × 10^-scale into @p out (at least
 * HYOKA_DECIMAL_STRING_MAX bytes); returns its length. */
static size_t render(int64_t coef, int scale, bool grouping, char *out)
{
    char digits[MAX_SCALE + 8]; /* least significant first */
    uint64_t m = magnitude(coef);
    int nd = 0;
    size_t o = 0;

    do {
        digits[nd++] = (char)('0' + (int)(m % 10u));
        m /= 10u;
    } while (m != 0);
    while (nd < scale + 1)
        digits[nd++] = '0';
    if (coef < 0)
        out[o++] = '-';
    for (int k = nd - 1; k >= scale; k--) {
        int left = k - scale; /* integer digits still to come */
        out[o++] = digits[k];
        if (grouping && left > 0 && left % 3 == 0)
            out[o++] = ',';
    }
    if (scale > 0) {
        out[o++] = '.';
        for (int k = scale - 1; k >= 0; k--)
            out[o++] = digits[k];
    }
    out[o] = '\0';
    return o;
}

/* A decimal as text for an error message (it is valid: callers check). */
static const char *show(const hyoka_decimal *d, char *out)
{
    render(COEF(d), (int)SCALE(d), false, out);
    return out;
}

HYOKA_COLD static int fail_invalid(const char *func, const hyoka_decimal *d)
{
    return hyoka__fail(HYOKA_EINVAL,
                       "%s: invalid decimal (scale %" PRId64 " outside 0..%d; build decimals with the hyoka_decimal functions)",
                       func, SCALE(d), MAX_SCALE);
}

HYOKA_COLD static int fail_places(const char *func, int places)
{
    return hyoka__fail(HYOKA_EINVAL, "%s: %d decimal places requested (expected 0..%d)", func, places, MAX_SCALE);
}

/* ------------------------------------------------------------------------ */
/* Rounding core                                                             */

/* Round q + r/d (q, r >= 0, r < d), the magnitude of a number of sign
 * @p neg, to an integer by @p mode. */
static u128 round_magnitude(u128 q, u128 r, u128 d, bool neg, int mode)
{
    u128 rest;
    bool up;

    if (r == 0)
        return q;
    rest = d - r; /* r > rest: above half; r == rest: exactly half */
    switch (mode) {
    case HYOKA_ROUND_DOWN:
        up = false;
        break;
    case HYOKA_ROUND_UP:
        up = true;
        break;
    case HYOKA_ROUND_FLOOR:
        up = neg;
        break;
    case HYOKA_ROUND_CEILING:
        up = !neg;
        break;
    case HYOKA_ROUND_HALF_EVEN:
        up = r > rest || (r == rest && (q & 1u) != 0);
        break;
    case HYOKA_ROUND_HALF_UP:
    default:
        up = r >= rest;
        break;
    }
    return up ? q + 1 : q;
}

/* The coefficient at @p places places of ±(n / d), rounded once by @p mode
 * after an exact long division. d > 0. Returns HYOKA_OK or HYOKA_ERANGE
 * (no message set). n and d must stay below 10^37 so that r × 10 fits. */
static int quotient(u128 n, u128 d, int places, bool neg, int mode, int64_t *coef)
{
    const u128 limit = MAG_LIMIT;
    u128 q, r;

    /* 64-bit division when the operands allow: the common case, and many
     * times cheaper than the 128-bit one. */
    if ((n >> 64) == 0 && (d >> 64) == 0 && places > 0 && places <= MAX_SCALE &&
        (uint64_t)n <= UINT64_MAX / (uint64_t)pow10_tab[places]) {
        /* n × 10^places fits: the long division below in one step (its
         * partial quotients only grow, so one check of the last is theirs). */
        uint64_t m = (uint64_t)n * (uint64_t)pow10_tab[places];
        q = m / (uint64_t)d;
        r = m % (uint64_t)d;
        places = 0;
    } else if ((n >> 64) == 0 && (d >> 64) == 0) {
        q = (uint64_t)n / (uint64_t)d;
        r = (uint64_t)n % (uint64_t)d;
    } else {
        q = n / d;
        r = n % d;
    }
    if (q > limit)
        return HYOKA_ERANGE;
    for (int k = 0; k < places; k++) {
        r *= 10u;
        if ((r >> 64) == 0 && (d >> 64) == 0) {
            q = q * 10u + (uint64_t)r / (uint64_t)d;
            r = (uint64_t)r % (uint64_t)d;
        } else {
            q = q * 10u + r / d;
            r %= d;
        }
        if (q > limit)
            return HYOKA_ERANGE;
    }
    q = round_magnitude(q, r, d, neg, mode);
    if (q > (neg ? limit : limit - 1))
        return HYOKA_ERANGE;
    *coef = from_magnitude((uint64_t)q, neg);
    return HYOKA_OK;
}

int hyoka__mul_round(int64_t a, int64_t coefficient, int scale, int mode, int64_t *out)
{
    i128 p = (i128)a * coefficient; /* |p| <= 2^126 */
    bool neg = p < 0;
    u128 n = neg ? (u128)0 - (u128)p : (u128)p;

    if (!valid_scale(scale) || !valid_mode(mode))
        return HYOKA_EINVAL;
    return quotient(n, (u128)pow10_tab[scale], 0, neg, mode, out);
}

/* ------------------------------------------------------------------------ */
/* Rounding names                                                            */

const char *hyoka_rounding_name(int mode)
{
    return valid_mode(mode) ? hyoka__rounding_names[mode] : NULL;
}

int hyoka_rounding_from_name(const char *name, size_t len, int *out)
{
    char q[QUOTE_BUF];
    size_t n;

    HYOKA__CHECK_NULL(name);
    HYOKA__CHECK_NULL(out);
    n = hyoka__len(name, len);
    for (int i = 0; i < HYOKA__ROUNDING_COUNT; i++) {
        if (strlen(hyoka__rounding_names[i]) == n && memcmp(hyoka__rounding_names[i], name, n) == 0) {
            *out = i;
            return HYOKA_OK;
        }
    }
    return hyoka__fail(HYOKA_ENOTFOUND,
                       "rounding: unknown mode \"%s\" (expected half_up, down, up, half_even, floor or ceiling)",
                       quote(name, n, q));
}

/* ------------------------------------------------------------------------ */
/* Parsing                                                                   */

/* Digits of a number being read, most significant first. */
struct digits {
    uint64_t mag;  /* coefficient magnitude so far, while it stays <= 2^63 */
    bool big;      /* the coefficient went beyond 2^63 */
    size_t frac;   /* digits after the point */
};

static void digits_add(struct digits *a, unsigned d, bool fraction)
{
    if (fraction)
        a->frac++;
    if (a->big)
        return;
    if (a->mag > (MAG_LIMIT - d) / 10u)
        a->big = true;
    else
        a->mag = a->mag * 10u + d;
}

/* Turn the digits read, their sign and the exponent into a decimal. */
static int digits_finish(const struct digits *a, bool neg, int64_t exponent,
                         const char *who, const char *text, size_t len, hyoka_decimal *out)
{
    char q[QUOTE_BUF];
    i128 scale = (i128)a->frac - exponent;
    u128 mag = a->mag;

    if (!a->big && mag == 0) {
        if (scale > MAX_SCALE)
            return hyoka__fail(HYOKA_ERANGE, "%s: more than %d decimal places in \"%s\"", who, MAX_SCALE,
                               quote(text, len, q));
        store(out, 0, scale < 0 ? 0 : (int)scale);
        return HYOKA_OK;
    }
    if (scale > MAX_SCALE)
        return hyoka__fail(HYOKA_ERANGE, "%s: more than %d decimal places in \"%s\"", who, MAX_SCALE,
                           quote(text, len, q));
    if (!a->big && scale < 0) {
        if (scale < -MAX_SCALE) {
            mag = (u128)MAG_LIMIT + 1; /* at least 10^19: too large */
        } else {
            mag *= (uint64_t)pow10_tab[(int)-scale];
        }
        scale = 0;
    }
    if (a->big || mag > (neg ? (u128)MAG_LIMIT : (u128)MAG_LIMIT - 1))
        return hyoka__fail(HYOKA_ERANGE, "%s: \"%s\" is too large: its coefficient does not fit in 64 bits", who,
                           quote(text, len, q));
    store(out, from_magnitude((uint64_t)mag, neg), (int)scale);
    return HYOKA_OK;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int fail_syntax(const char *who, const char *what, const char *text, size_t len, size_t pos)
{
    char q[QUOTE_BUF], c[48];
    return hyoka__fail(HYOKA_ESYNTAX, "%s: not a number: %s, found %s at byte %zu of \"%s\"", who, what,
                       describe(text, len, pos, c, sizeof c), pos, quote(text, len, q));
}

int hyoka_decimal_parse(const char *text, size_t len, hyoka_decimal *out)
{
    struct digits a = {0, false, 0};
    int64_t exponent = 0;
    bool neg = false;
    size_t n, i = 0, start;

    HYOKA__CHECK_NULL(text);
    HYOKA__CHECK_NULL(out);
    n = hyoka__len(text, len);
    if (n == 0)
        return hyoka__fail(HYOKA_ESYNTAX, "%s: not a number: empty text", __func__);
    if (text[i] == '+' || text[i] == '-') {
        neg = text[i] == '-';
        i++;
    }
    start = i;
    while (i < n && is_digit(text[i]))
        digits_add(&a, (unsigned)(text[i++] - '0'), false);
    if (i == start)
        return fail_syntax(__func__, "expected a digit", text, n, i);
    if (i < n && text[i] == '.') {
        start = ++i;
        while (i < n && is_digit(text[i]))
            digits_add(&a, (unsigned)(text[i++] - '0'), true);
        if (i == start)
            return fail_syntax(__func__, "expected a digit after the decimal point", text, n, i);
    }
    if (i < n && (text[i] == 'e' || text[i] == 'E')) {
        bool eneg = false;
        i++;
        if (i < n && (text[i] == '+' || text[i] == '-')) {
            eneg = text[i] == '-';
            i++;
        }
        start = i;
        while (i < n && is_digit(text[i])) {
            if (exponent < EXP_CLAMP)
                exponent = exponent * 10 + (text[i] - '0');
            i++;
        }
        if (i == start)
            return fail_syntax(__func__, "expected a digit in the exponent", text, n, i);
        if (eneg)
            exponent = -exponent;
    }
    if (i != n)
        return fail_syntax(__func__, "unexpected character", text, n, i);
    return digits_finish(&a, neg, exponent, __func__, text, n, out);
}

/* Code points accepted by hyoka_decimal_parse_printed(). */
#define CP_IDEOGRAPHIC_SPACE 0x3000
#define CP_FULLWIDTH_PLUS 0xFF0B
#define CP_FULLWIDTH_MINUS 0xFF0D
#define CP_FULLWIDTH_POINT 0xFF0E
#define CP_FULLWIDTH_ZERO 0xFF10
#define CP_FULLWIDTH_NINE 0xFF19
#define CP_MINUS_SIGN 0x2212
#define CP_WHITE_TRIANGLE 0x25B3 /* △ */
#define CP_BLACK_TRIANGLE 0x25B2 /* ▲ */

/* The code point at @p pos (text is valid UTF-8), or -1 at the end. */
static int32_t peek(const char *text, size_t end, size_t pos, size_t *next)
{
    *next = pos;
    if (pos >= end)
        return -1;
    return hyoka__utf8_next(text, end, next);
}

static int digit_value(int32_t cp)
{
    if (cp >= '0' && cp <= '9')
        return cp - '0';
    if (cp >= CP_FULLWIDTH_ZERO && cp <= CP_FULLWIDTH_NINE)
        return cp - CP_FULLWIDTH_ZERO;
    return -1;
}

static bool is_printed_space(int32_t cp)
{
    return cp == ' ' || cp == CP_IDEOGRAPHIC_SPACE;
}

int hyoka_decimal_parse_printed(const char *text, size_t len, hyoka_decimal *out)
{
    struct digits a = {0, false, 0};
    char q[QUOTE_BUF];
    bool neg = false, leading_zero = false;
    size_t n, i = 0, end, next;
    size_t int_digits = 0, group = 0, commas = 0;
    int32_t cp;

    HYOKA__CHECK_NULL(text);
    HYOKA__CHECK_NULL(out);
    n = hyoka__len(text, len);
    if (!hyoka__utf8_valid(text, n))
        return hyoka__fail(HYOKA_EENCODING, "%s: invalid UTF-8 in \"%s\"", __func__, quote(text, n, q));

    /* Surrounding spaces. */
    end = n;
    for (;;) {
        if (end > i && text[end - 1] == ' ')
            end--;
        else if (end >= 3 && memcmp(text + end - 3, "\xE3\x80\x80", 3) == 0)
            end -= 3;
        else
            break;
    }
    while ((cp = peek(text, end, i, &next)) >= 0 && is_printed_space(cp))
        i = next;
    if (i >= end)
        return hyoka__fail(HYOKA_ESYNTAX, "%s: not a number: %s", __func__,
                           n == 0 ? "empty text" : "only spaces");

    /* Sign, or the accounting triangle (which may be followed by spaces). */
    cp = peek(text, end, i, &next);
    if (cp == '-' || cp == CP_FULLWIDTH_MINUS || cp == CP_MINUS_SIGN) {
        neg = true;
        i = next;
    } else if (cp == '+' || cp == CP_FULLWIDTH_PLUS) {
        i = next;
    } else if (cp == CP_WHITE_TRIANGLE || cp == CP_BLACK_TRIANGLE) {
        neg = true;
        i = next;
        while ((cp = peek(text, end, i, &next)) >= 0 && is_printed_space(cp))
            i = next;
    }

    /* Integer part, with optional thousands separators. */
    for (;;) {
        int d;
        cp = peek(text, end, i, &next);
        d = digit_value(cp);
        if (d >= 0) {
            if (int_digits == 0 && d == 0)
                leading_zero = true;
            digits_add(&a, (unsigned)d, false);
            int_digits++;
            group++;
            if (commas > 0 && group > 3)
                return fail_syntax(__func__, "a group after a thousands separator must have three digits", text, n, i);
            i = next;
        } else if (cp == ',') {
            if (group == 0)
                return fail_syntax(__func__, "expected a digit before the thousands separator", text, n, i);
            if (commas == 0 && group > 3)
                return fail_syntax(__func__, "the first group before a thousands separator must have one to three digits",
                                   text, n, i);
            if (commas == 0 && leading_zero)
                return fail_syntax(__func__, "a grouped number cannot start with 0", text, n, i);
            if (commas > 0 && group != 3)
                return fail_syntax(__func__, "a group after a thousands separator must have three digits", text, n, i);
            commas++;
            group = 0;
            i = next;
        } else {
            break;
        }
    }
    if (int_digits == 0)
        return fail_syntax(__func__, "expected a digit", text, n, i);
    if (commas > 0 && group != 3)
        return fail_syntax(__func__, "a group after a thousands separator must have three digits", text, n, i);

    /* Fraction. */
    cp = peek(text, end, i, &next);
    if (cp == '.' || cp == CP_FULLWIDTH_POINT) {
        size_t start;
        i = next;
        start = i;
        for (;;) {
            int d;
            cp = peek(text, end, i, &next);
            d = digit_value(cp);
            if (d < 0)
                break;
            digits_add(&a, (unsigned)d, true);
            i = next;
        }
        if (i == start)
            return fail_syntax(__func__, "expected a digit after the decimal point", text, n, i);
    }
    if (i != end)
        return fail_syntax(__func__, "unexpected character", text, n, i);
    return digits_finish(&a, neg, 0, __func__, text, n, out);
}

/* ------------------------------------------------------------------------ */
/* Construction and access                                                   */

hyoka_decimal hyoka_decimal_from_int(int64_t value)
{
    hyoka_decimal d;
    store(&d, value, 0);
    return d;
}

int hyoka_decimal_from_parts(int64_t coefficient, int scale, hyoka_decimal *out)
{
    HYOKA__CHECK_NULL(out);
    if (!valid_scale(scale))
        return hyoka__fail(HYOKA_ERANGE, "hyoka_decimal_from_parts: scale %d outside 0..%d (coefficient %" PRId64 ")",
                           scale, MAX_SCALE, coefficient);
    store(out, coefficient, scale);
    return HYOKA_OK;
}

int64_t hyoka_decimal_coefficient(const hyoka_decimal *d)
{
    return d ? COEF(d) : 0;
}

int hyoka_decimal_scale(const hyoka_decimal *d)
{
    return d && valid_value(d) ? (int)SCALE(d) : 0;
}

int hyoka_decimal_sign(const hyoka_decimal *d)
{
    if (!d)
        return 0;
    return (COEF(d) > 0) - (COEF(d) < 0);
}

/* Coefficient of @p d at scale @p s (>= its own scale), exactly. */
static i128 aligned(const hyoka_decimal *d, int s)
{
    return (i128)COEF(d) * pow10_tab[s - (int)SCALE(d)];
}

int hyoka_decimal_cmp(const hyoka_decimal *a, const hyoka_decimal *b)
{
    /* NULL (and an invalid value) sorts before any number. */
    bool va = a && valid_value(a), vb = b && valid_value(b);
    i128 x, y;
    int s;

    if (!va || !vb)
        return va == vb ? 0 : (va ? 1 : -1);
    s = (int)(SCALE(a) > SCALE(b) ? SCALE(a) : SCALE(b));
    x = aligned(a, s);
    y = aligned(b, s);
    return (x > y) - (x < y);
}

int hyoka_decimal_identical(const hyoka_decimal *a, const hyoka_decimal *b)
{
    if (!a || !b)
        return a == b;
    return COEF(a) == COEF(b) && SCALE(a) == SCALE(b);
}

/* ------------------------------------------------------------------------ */
/* Arithmetic                                                                */

static int check2(const char *who, const hyoka_decimal *a, const hyoka_decimal *b, const hyoka_decimal *out)
{
    HYOKA__CHECK_NULL_IN(who, a);
    HYOKA__CHECK_NULL_IN(who, b);
    HYOKA__CHECK_NULL_IN(who, out);
    if (HYOKA_UNLIKELY(!valid_value(a)))
        return fail_invalid(who, a);
    if (HYOKA_UNLIKELY(!valid_value(b)))
        return fail_invalid(who, b);
    return HYOKA_OK;
}

static int add_sub(const char *who, const hyoka_decimal *a, const hyoka_decimal *b, bool subtract,
                   hyoka_decimal *out)
{
    char sa[HYOKA_DECIMAL_STRING_MAX], sb[HYOKA_DECIMAL_STRING_MAX];
    int rc = check2(who, a, b, out);
    i128 r;
    int s;

    if (rc != HYOKA_OK)
        return rc;
    s = (int)(SCALE(a) > SCALE(b) ? SCALE(a) : SCALE(b));
    r = subtract ? aligned(a, s) - aligned(b, s) : aligned(a, s) + aligned(b, s);
    if (!hyoka__fits_i64(r))
        return hyoka__fail(HYOKA_ERANGE, "%s: %s %c %s does not fit at %d decimal places", who, show(a, sa),
                           subtract ? '-' : '+', show(b, sb), s);
    store(out, (int64_t)r, s);
    return HYOKA_OK;
}

int hyoka_decimal_add(const hyoka_decimal *a, const hyoka_decimal *b, hyoka_decimal *out)
{
    return add_sub("hyoka_decimal_add", a, b, false, out);
}

int hyoka_decimal_sub(const hyoka_decimal *a, const hyoka_decimal *b, hyoka_decimal *out)
{
    return add_sub("hyoka_decimal_sub", a, b, true, out);
}

int hyoka_decimal_mul(const hyoka_decimal *a, const hyoka_decimal *b, hyoka_decimal *out)
{
    char sa[HYOKA_DECIMAL_STRING_MAX], sb[HYOKA_DECIMAL_STRING_MAX];
    int rc = check2(__func__, a, b, out);
    i128 p;
    int s;

    if (rc != HYOKA_OK)
        return rc;
    p = (i128)COEF(a) * COEF(b); /* |p| <= 2^126 */
    s = (int)(SCALE(a) + SCALE(b));
    while ((s > MAX_SCALE || !hyoka__fits_i64(p)) && s > 0 && p % 10 == 0) {
        p /= 10;
        s--;
    }
    if (s > MAX_SCALE)
        return hyoka__fail(HYOKA_ERANGE, "%s: %s * %s needs %d decimal places (at most %d)", __func__, show(a, sa),
                           show(b, sb), s, MAX_SCALE);
    if (!hyoka__fits_i64(p))
        return hyoka__fail(HYOKA_ERANGE, "%s: %s * %s does not fit in 64 bits", __func__, show(a, sa), show(b, sb));
    store(out, (int64_t)p, s);
    return HYOKA_OK;
}

int hyoka_decimal_div(const hyoka_decimal *a, const hyoka_decimal *b, int places, int mode, hyoka_decimal *out)
{
    char sa[HYOKA_DECIMAL_STRING_MAX], sb[HYOKA_DECIMAL_STRING_MAX];
    int rc = check2(__func__, a, b, out);
    int64_t coef;
    u128 n, d;
    int s;

    if (rc != HYOKA_OK)
        return rc;
    if (HYOKA_UNLIKELY(places < 0 || places > MAX_SCALE))
        return fail_places(__func__, places);
    HYOKA__CHECK_ENUM(mode, ROUNDING);
    if (COEF(b) == 0)
        return hyoka__fail(HYOKA_EDIVZERO, "%s: %s divided by zero", __func__, show(a, sa));
    /* a / b = (|ca| × 10^(s-sa)) / (|cb| × 10^(s-sb)): both below 10^37. */
    s = (int)(SCALE(a) > SCALE(b) ? SCALE(a) : SCALE(b));
    n = (u128)magnitude(COEF(a)) * (u128)pow10_tab[s - (int)SCALE(a)];
    d = (u128)magnitude(COEF(b)) * (u128)pow10_tab[s - (int)SCALE(b)];
    rc = quotient(n, d, places, (COEF(a) < 0) != (COEF(b) < 0), mode, &coef);
    if (rc != HYOKA_OK)
        return hyoka__fail(rc, "%s: %s / %s at %d decimal places does not fit in 64 bits", __func__, show(a, sa),
                           show(b, sb), places);
    store(out, coef, places);
    return HYOKA_OK;
}

int hyoka_decimal_round(const hyoka_decimal *a, int places, int mode, hyoka_decimal *out)
{
    char sa[HYOKA_DECIMAL_STRING_MAX];
    int64_t coef;
    int rc;

    HYOKA__CHECK_NULL(a);
    HYOKA__CHECK_NULL(out);
    if (HYOKA_UNLIKELY(!valid_value(a)))
        return fail_invalid(__func__, a);
    if (HYOKA_UNLIKELY(places < 0 || places > MAX_SCALE))
        return fail_places(__func__, places);
    HYOKA__CHECK_ENUM(mode, ROUNDING);
    rc = quotient(magnitude(COEF(a)), (u128)pow10_tab[SCALE(a)], places, COEF(a) < 0, mode, &coef);
    if (rc != HYOKA_OK)
        return hyoka__fail(rc, "%s: %s at %d decimal places does not fit in 64 bits", __func__, show(a, sa), places);
    store(out, coef, places);
    return HYOKA_OK;
}

int hyoka_decimal_to_int(const hyoka_decimal *d, int mode, int64_t *out)
{
    int64_t v;

    HYOKA__CHECK_NULL(d);
    HYOKA__CHECK_NULL(out);
    if (HYOKA_UNLIKELY(!valid_value(d)))
        return fail_invalid(__func__, d);
    HYOKA__CHECK_ENUM(mode, ROUNDING);
    /* Cannot overflow in practice (at scale 0 the value is exact, above it
     * the integer part is at most 2^63 / 10), but stay checked. */
    if (quotient(magnitude(COEF(d)), (u128)pow10_tab[SCALE(d)], 0, COEF(d) < 0, mode, &v) != HYOKA_OK) {
        char sd[HYOKA_DECIMAL_STRING_MAX];
        return hyoka__fail(HYOKA_ERANGE, "%s: %s does not fit in 64 bits", __func__, show(d, sd));
    }
    *out = v;
    return HYOKA_OK;
}

double hyoka_decimal_to_double(const hyoka_decimal *d)
{
    if (!d || !valid_value(d))
        return 0.0;
    return (double)COEF(d) / (double)pow10_tab[SCALE(d)];
}

/* ------------------------------------------------------------------------ */
/* Formatting                                                                */

int hyoka_decimal_format(const hyoka_decimal *d, unsigned flags, char *buf, size_t size, size_t *len)
{
    char text[HYOKA_DECIMAL_STRING_MAX];
    size_t n;

    HYOKA__CHECK_NULL(d);
    HYOKA__CHECK_BUFFER(buf, size);
    if ((flags & ~HYOKA_DECIMAL_FMT_GROUPING) != 0)
        return hyoka__fail(HYOKA_EINVAL, "%s: unknown flags 0x%x", __func__, flags);
    if (!valid_value(d))
        return fail_invalid(__func__, d);
    n = render(COEF(d), (int)SCALE(d), (flags & HYOKA_DECIMAL_FMT_GROUPING) != 0, text);
    if (hyoka__output(text, n, buf, size, len) != HYOKA_OK)
        return hyoka__fail(HYOKA_ERANGE, "%s: buffer of %zu bytes too small for \"%s\" (%zu bytes with the NUL)", __func__,
                           size, text, n + 1);
    return HYOKA_OK;
}
