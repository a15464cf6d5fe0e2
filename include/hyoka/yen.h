/**
 * @file yen.h
 * @brief Checked arithmetic on money held as int64_t yen.
 *
 * Every function reports overflow as ::HYOKA_ERANGE and never wraps; on
 * failure the output is left unchanged.
 */
#ifndef HYOKA_YEN_H
#define HYOKA_YEN_H

#include "common.h"
#include "decimal.h"

HYOKA_BEGIN_DECLS

/** @p a + @p b. @return ::HYOKA_OK, ::HYOKA_EINVAL (NULL @p out), ::HYOKA_ERANGE. */
HYOKA_API int hyoka_yen_add(int64_t a, int64_t b, int64_t *out);

/** @p a − @p b. @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ERANGE. */
HYOKA_API int hyoka_yen_sub(int64_t a, int64_t b, int64_t *out);

/** @p a × @p b (an amount times a count). @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ERANGE. */
HYOKA_API int hyoka_yen_mul(int64_t a, int64_t b, int64_t *out);

/**
 * @p yen × @p factor rounded to whole yen by @p mode, a ::hyoka_rounding:
 * 0.30 × 8,400,000 yen is exactly 2,520,000 yen.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ERANGE.
 */
HYOKA_API int hyoka_yen_mul_decimal(int64_t yen, const hyoka_decimal *factor, int mode, int64_t *out);

/**
 * Convert an amount written in thousands of yen (千円) to yen, exactly.
 * Up to three decimal places are allowed (1068.978 千円 is 1,068,978 yen);
 * a finer amount (1068.9785) is refused, never rounded.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (NULL), ::HYOKA_ERANGE (overflow, or
 *         finer than one yen: the message says which).
 */
HYOKA_API int hyoka_yen_from_thousands(const hyoka_decimal *thousands, int64_t *out);

/**
 * Express @p yen in thousands of yen as an exact decimal with three places
 * (1,068,978 yen is 1068.978).
 * @return ::HYOKA_OK or ::HYOKA_EINVAL (NULL @p out).
 */
HYOKA_API int hyoka_yen_to_thousands(int64_t yen, hyoka_decimal *out);

/**
 * Sum @p count amounts.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (NULL with count > 0, or NULL @p out),
 *         ::HYOKA_ERANGE.
 */
HYOKA_API int hyoka_yen_sum(const int64_t *values, size_t count, int64_t *out);

HYOKA_END_DECLS

#endif /* HYOKA_YEN_H */
