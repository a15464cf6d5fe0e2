/**
 * @file decimal.h
 * @brief Exact decimal numbers: parsing without binary floating point,
 *        formatting, arithmetic and the six rounding modes.
 *
 * A ::hyoka_decimal is a value type: a signed 64-bit coefficient and a scale
 * (number of decimal places, 0 to 18). Its value is coefficient × 10^-scale.
 * The scale is kept as written: "98.30" has scale 2 and formats back as
 * "98.30". Numeric comparison (hyoka_decimal_cmp()) ignores the scale; the
 * identity test (hyoka_decimal_identical()) does not.
 *
 * Operations never wrap: a result that does not fit returns ::HYOKA_ERANGE
 * and leaves the output untouched.
 */
#ifndef HYOKA_DECIMAL_H
#define HYOKA_DECIMAL_H

#include "common.h"

HYOKA_BEGIN_DECLS

/**
 * An exact decimal number. The layout is private: read and build it only
 * through the functions of this header. A zero-initialised value
 * (`hyoka_decimal d = {{0, 0}};`) is the number 0 with scale 0. It holds no
 * resources: copy it by assignment, no free needed.
 */
typedef struct hyoka_decimal {
    int64_t hyoka_private_[2]; /**< Private; do not read or write. */
} hyoka_decimal;

/** Most decimal places a ::hyoka_decimal can hold. */
#define HYOKA_DECIMAL_MAX_SCALE 18
/** Buffer size (NUL included) that holds the output of hyoka_decimal_format() for any value and flags. */
#define HYOKA_DECIMAL_STRING_MAX 48

/**
 * Rounding modes. Values are never renumbered.
 */
typedef enum hyoka_rounding {
    HYOKA_ROUND_HALF_UP = 0,   /**< 四捨五入: to nearest, ties away from zero (2.5→3, −2.5→−3). */
    HYOKA_ROUND_DOWN = 1,      /**< 切り捨て: toward zero (2.7→2, −2.7→−2). */
    HYOKA_ROUND_UP = 2,        /**< 切り上げ: away from zero (2.1→3, −2.1→−3). */
    HYOKA_ROUND_HALF_EVEN = 3, /**< to nearest, ties to even (2.5→2, 3.5→4). */
    HYOKA_ROUND_FLOOR = 4,     /**< toward −∞ (2.7→2, −2.1→−3). */
    HYOKA_ROUND_CEILING = 5    /**< toward +∞ (2.1→3, −2.7→−2). */
} hyoka_rounding;

/**
 * The name of a rounding mode (@p mode, a ::hyoka_rounding) as written in
 * documents: "half_up", "down", "up", "half_even", "floor", "ceiling".
 * @return a static string owned by the library, or NULL for an unknown mode.
 */
HYOKA_API const char *hyoka_rounding_name(int mode);

/**
 * Look up a rounding mode by its document name (see hyoka_rounding_name()).
 * @param name  UTF-8 text; @p len bytes or ::HYOKA_NTS.
 * @param len   length of @p name.
 * @param out   receives the mode (a ::hyoka_rounding).
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (NULL argument) or ::HYOKA_ENOTFOUND.
 */
HYOKA_API int hyoka_rounding_from_name(const char *name, size_t len, int *out);

/**
 * Parse a decimal number from text, exactly (no binary floating point).
 *
 * Grammar: an optional sign (`-` or `+`), one or more ASCII digits, an
 * optional fraction (`.` followed by one or more digits) and an optional
 * exponent (`e` or `E`, optional sign, one or more digits). No spaces, no
 * thousands separators. The written number of places is kept, adjusted by
 * the exponent: "1.50" has scale 2, "1.5e1" is 15 (scale 0), "15e-1" is 1.5.
 *
 * @param text  the text; @p len bytes or ::HYOKA_NTS.
 * @param len   its length.
 * @param out   receives the number; unchanged on failure.
 * @return ::HYOKA_OK; ::HYOKA_EINVAL for NULL arguments; ::HYOKA_ESYNTAX
 *         when the text is not a number; ::HYOKA_ERANGE when it needs more
 *         than 18 places or its coefficient does not fit in 64 bits.
 */
HYOKA_API int hyoka_decimal_parse(const char *text, size_t len, hyoka_decimal *out);

/**
 * Parse a number as printed on sheets: like hyoka_decimal_parse() but also
 * accepting ASCII commas as thousands separators ("16,627", "73,710.8"),
 * full-width digits, sign and point (０-９, －, ．), the minus sign U+2212,
 * a leading `△` or `▲` as a minus sign (the Japanese accounting
 * convention), and surrounding ASCII or ideographic spaces.
 * Exponents are not accepted.
 * @return as hyoka_decimal_parse(); ::HYOKA_EENCODING for invalid UTF-8.
 */
HYOKA_API int hyoka_decimal_parse_printed(const char *text, size_t len, hyoka_decimal *out);

/** The number @p value with scale 0. */
HYOKA_API hyoka_decimal hyoka_decimal_from_int(int64_t value);

/**
 * Build coefficient × 10^-scale.
 * @return ::HYOKA_OK, or ::HYOKA_ERANGE when @p scale is outside 0..18
 *         (then @p out is unchanged), ::HYOKA_EINVAL when @p out is NULL.
 */
HYOKA_API int hyoka_decimal_from_parts(int64_t coefficient, int scale, hyoka_decimal *out);

/** The coefficient of @p d (its value times 10^scale); 0 for NULL. */
HYOKA_API int64_t hyoka_decimal_coefficient(const hyoka_decimal *d);

/** The scale (number of decimal places) of @p d; 0 for NULL. */
HYOKA_API int hyoka_decimal_scale(const hyoka_decimal *d);

/** -1, 0 or 1 as @p d is negative, zero or positive; 0 for NULL. */
HYOKA_API int hyoka_decimal_sign(const hyoka_decimal *d);

/**
 * Compare two numbers by value, ignoring scale (1.50 equals 1.5).
 * @return -1, 0 or 1 as @p a is less than, equal to or greater than @p b.
 *         NULL sorts before any number.
 */
HYOKA_API int hyoka_decimal_cmp(const hyoka_decimal *a, const hyoka_decimal *b);

/** 1 when @p a and @p b have the same coefficient and scale ("1.50" vs "1.50"), else 0. */
HYOKA_API int hyoka_decimal_identical(const hyoka_decimal *a, const hyoka_decimal *b);

/**
 * @p a + @p b, exactly, at the larger of the two scales.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (NULL), ::HYOKA_ERANGE (overflow).
 */
HYOKA_API int hyoka_decimal_add(const hyoka_decimal *a, const hyoka_decimal *b, hyoka_decimal *out);

/** @p a − @p b, exactly; returns as hyoka_decimal_add(). */
HYOKA_API int hyoka_decimal_sub(const hyoka_decimal *a, const hyoka_decimal *b, hyoka_decimal *out);

/**
 * @p a × @p b, exactly. The scale is the sum of the scales; when that is
 * above 18 or the coefficient overflows, trailing zeros are dropped first,
 * and ::HYOKA_ERANGE is returned only if the exact value still cannot be held.
 */
HYOKA_API int hyoka_decimal_mul(const hyoka_decimal *a, const hyoka_decimal *b, hyoka_decimal *out);

/**
 * @p a ÷ @p b, rounded once to @p places decimal places by @p mode.
 * The quotient is computed exactly before the single rounding.
 * @param places 0 to 18: the scale of the result.
 * @param a the left operand (dividend).
 * @param b the right operand (divisor).
 * @param mode a ::hyoka_rounding.
 * @param out receives the result; unchanged on failure.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (NULL, bad mode or places),
 *         ::HYOKA_EDIVZERO, ::HYOKA_ERANGE (the result does not fit).
 */
HYOKA_API int hyoka_decimal_div(const hyoka_decimal *a, const hyoka_decimal *b,
                                int places, int mode, hyoka_decimal *out);

/**
 * Round @p a to @p places decimal places by @p mode, a ::hyoka_rounding.
 * With more places than
 * @p a has, the value is extended with zeros (2.5 at 2 places is 2.50).
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ERANGE.
 */
HYOKA_API int hyoka_decimal_round(const hyoka_decimal *a, int places, int mode, hyoka_decimal *out);

/**
 * Convert to a whole number, rounding by @p mode (a ::hyoka_rounding).
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ERANGE.
 */
HYOKA_API int hyoka_decimal_to_int(const hyoka_decimal *d, int mode, int64_t *out);

/**
 * The nearest double, for convenience only: never use it for a printed
 * figure. 0.0 for NULL.
 */
HYOKA_API double hyoka_decimal_to_double(const hyoka_decimal *d);

/** Formatting flag for hyoka_decimal_format(): group the integer part in threes with commas ("16,627"). */
#define HYOKA_DECIMAL_FMT_GROUPING 0x1u

/**
 * Write @p d as text with exactly its scale's places ("-0.50", "16627").
 * Never uses an exponent. Negative zero does not exist.
 * @param d     the number.
 * @param flags 0 or ::HYOKA_DECIMAL_FMT_GROUPING.
 * @param buf   caller's buffer; ::HYOKA_DECIMAL_STRING_MAX bytes always suffice.
 * @param size  its size in bytes.
 * @param len   receives the text length (without NUL); may be NULL.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (NULL @p d, or @p buf NULL with @p size
 *         > 0, or unknown flags), ::HYOKA_ERANGE (buffer too small: `*len`
 *         gets the needed length).
 */
HYOKA_API int hyoka_decimal_format(const hyoka_decimal *d, unsigned flags,
                                   char *buf, size_t size, size_t *len);

HYOKA_END_DECLS

#endif /* HYOKA_DECIMAL_H */
