/**
 * @file version.h
 * @brief Version of the headers and of the library loaded at run time, and
 *        the library's limits and enumeration sizes for FFI callers.
 */
#ifndef HYOKA_VERSION_H
#define HYOKA_VERSION_H

#include "common.h"

HYOKA_BEGIN_DECLS

/** Major version: changes only with an incompatible ABI (SONAME libhyoka.so.1). */
#define HYOKA_VERSION_MAJOR 1
/** Minor version: grows when symbols are added. */
#define HYOKA_VERSION_MINOR 1
/** Patch version: fixes only. */
#define HYOKA_VERSION_PATCH 0
/** The version as one number: major * 10000 + minor * 100 + patch. */
#define HYOKA_VERSION_NUMBER \
    (HYOKA_VERSION_MAJOR * 10000 + HYOKA_VERSION_MINOR * 100 + HYOKA_VERSION_PATCH)
/** The version as text, "major.minor.patch". */
#define HYOKA_VERSION_STRING "1.1.0"

/**
 * The version of the library loaded at run time, as ::HYOKA_VERSION_NUMBER
 * would give it. Compare its major part (value / 10000) with the headers'.
 */
HYOKA_API int hyoka_version(void);

/**
 * The version of the library loaded at run time, as "major.minor.patch".
 * @return a static string owned by the library; never NULL.
 */
HYOKA_API const char *hyoka_version_string(void);

/**
 * Identifies one built-in limit, for hyoka_limit().
 * Values are never renumbered; new limits are appended.
 */
typedef enum hyoka_limit_id {
    HYOKA_LIMIT_DECIMAL_MAX_SCALE = 0,   /**< Most decimal places a ::hyoka_decimal holds (18). */
    HYOKA_LIMIT_DECIMAL_STRING_MAX = 1,  /**< Buffer size that holds any formatted decimal, NUL included. */
    HYOKA_LIMIT_FISCAL_YEAR_MIN = 2,     /**< Smallest fiscal year accepted (1868, 明治元年). */
    HYOKA_LIMIT_FISCAL_YEAR_MAX = 3,     /**< Largest fiscal year accepted (9999). */
    HYOKA_LIMIT_TEXT_MAX = 4             /**< Longest string any setter accepts, in bytes. */
} hyoka_limit_id;

/**
 * The value of a built-in limit.
 * @param which a ::hyoka_limit_id.
 * @return the limit, or -1 for an unknown @p which (and the last error is set
 *         to ::HYOKA_EINVAL).
 */
HYOKA_API int64_t hyoka_limit(int which);

HYOKA_END_DECLS

#endif /* HYOKA_VERSION_H */
