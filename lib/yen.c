/* yen: checked arithmetic on money held as int64_t yen. Never wraps; on
 * failure the output is left unchanged. */
#include "util/containers.h"
#include "vocab.h"

#include <inttypes.h>

typedef hyoka__i128 i128;

/* hyoka_yen_add(), _sub() and _mul(), named @p fn: a @p op b, where @p op
 * is '+', '-' or '*'. */
static int yen_op(const char *fn, char op, int64_t a, int64_t b, int64_t *out)
{
    int64_t r;
    bool overflow;

    HYOKA__CHECK_NULL_IN(fn, out);
    if (op == '+')
        overflow = __builtin_add_overflow(a, b, &r);
    else if (op == '-')
        overflow = __builtin_sub_overflow(a, b, &r);
    else
        overflow = __builtin_mul_overflow(a, b, &r);
    if (overflow)
        return hyoka__fail(HYOKA_ERANGE, "%s: %" PRId64 " %c %" PRId64 " yen overflows 64 bits", fn, a, op, b);
    *out = r;
    return HYOKA_OK;
}

int hyoka_yen_add(int64_t a, int64_t b, int64_t *out)
{
    return yen_op(__func__, '+', a, b, out);
}

int hyoka_yen_sub(int64_t a, int64_t b, int64_t *out)
{
    return yen_op(__func__, '-', a, b, out);
}

int hyoka_yen_mul(int64_t a, int64_t b, int64_t *out)
{
    return yen_op(__func__, '*', a, b, out);
}

int hyoka_yen_mul_decimal(int64_t yen, const hyoka_decimal *factor, int mode, int64_t *out)
{
    char fs[HYOKA_DECIMAL_STRING_MAX];
    int scale, rc;

    HYOKA__CHECK_NULL(factor);
    HYOKA__CHECK_NULL(out);
    HYOKA__CHECK_ENUM(mode, ROUNDING);
    rc = hyoka__check_decimal(__func__, "factor", factor);
    if (rc != HYOKA_OK)
        return rc;
    scale = hyoka_decimal_scale(factor);
    rc = hyoka__mul_round(yen, hyoka_decimal_coefficient(factor), scale, mode, out);
    if (rc != HYOKA_OK) {
        (void)hyoka_decimal_format(factor, 0, fs, sizeof fs, NULL);
        return hyoka__fail(HYOKA_ERANGE, "%s: %" PRId64 " yen * %s overflows 64 bits", __func__, yen, fs);
    }
    return HYOKA_OK;
}

int hyoka__yen_of_thousands(int64_t coef, int scale, int64_t *out)
{
    static const int64_t yen_per_unit[4] = {1000, 100, 10, 1}; /* of the last place, by scale */
    i128 yen;
    /* Trailing zeros below the yen carry nothing: 1068.9780 is 1068.978. */
    while (scale > 3 && coef % 10 == 0) {
        coef /= 10;
        scale--;
    }
    if (scale > 3)
        return HYOKA_EINVALID;
    yen = (i128)coef * yen_per_unit[scale];
    if (!hyoka__fits_i64(yen))
        return HYOKA_ERANGE;
    *out = (int64_t)yen;
    return HYOKA_OK;
}

int hyoka_yen_from_thousands(const hyoka_decimal *thousands, int64_t *out)
{
    char ts[HYOKA_DECIMAL_STRING_MAX];
    int rc;

    HYOKA__CHECK_NULL(thousands);
    HYOKA__CHECK_NULL(out);
    rc = hyoka__check_decimal(__func__, "thousands", thousands);
    if (rc != HYOKA_OK)
        return rc;
    (void)hyoka_decimal_format(thousands, 0, ts, sizeof ts, NULL);
    rc = hyoka__yen_of_thousands(hyoka_decimal_coefficient(thousands), hyoka_decimal_scale(thousands), out);
    if (rc == HYOKA_EINVALID)
        return hyoka__fail(HYOKA_ERANGE, "%s: %s thousand yen is finer than one yen (at most 3 decimal places)",
                           __func__, ts);
    if (rc != HYOKA_OK)
        return hyoka__fail(HYOKA_ERANGE, "%s: %s thousand yen overflows 64-bit yen", __func__, ts);
    return HYOKA_OK;
}

int hyoka_yen_to_thousands(int64_t yen, hyoka_decimal *out)
{
    HYOKA__CHECK_NULL(out);
    return hyoka_decimal_from_parts(yen, 3, out);
}

int hyoka_yen_sum(const int64_t *values, size_t count, int64_t *out)
{
    i128 total = 0;

    HYOKA__CHECK_NULL(out);
    HYOKA__CHECK_BUFFER(values, count);
    /* The exact total decides, whatever the order of the amounts: a
     * partial sum may leave the 64-bit range as long as the total does not.
     * an array in memory holds fewer than 2^61 amounts of at most 2^63,
     * so the 128-bit total cannot wrap. */
    for (size_t i = 0; i < count; i++)
        total += values[i];
    if (!hyoka__fits_i64(total))
        return hyoka__fail(HYOKA_ERANGE, "%s: the sum of %zu amounts overflows 64 bits", __func__, count);
    *out = (int64_t)total;
    return HYOKA_OK;
}
