/* Run-time version, enumeration counts and limits. */
#include "internal.h"
#include "vocab.h"

int hyoka_version(void)
{
    return HYOKA_VERSION_NUMBER;
}

const char *hyoka_version_string(void)
{
    return HYOKA_VERSION_STRING;
}

int64_t hyoka_limit(int which)
{
    switch (which) {
    case HYOKA_LIMIT_DECIMAL_MAX_SCALE:
        return HYOKA_DECIMAL_MAX_SCALE;
    case HYOKA_LIMIT_DECIMAL_STRING_MAX:
        return HYOKA_DECIMAL_STRING_MAX;
    case HYOKA_LIMIT_FISCAL_YEAR_MIN:
        return HYOKA__YEAR_MIN;
    case HYOKA_LIMIT_FISCAL_YEAR_MAX:
        return HYOKA__YEAR_MAX;
    case HYOKA_LIMIT_TEXT_MAX:
        return HYOKA__TEXT_MAX;
    default:
        hyoka__fail(HYOKA_EINVAL, "%s: which %d is not a hyoka_limit_id (0..%d)", __func__, which,
                    HYOKA_LIMIT_TEXT_MAX);
        return -1;
    }
}
