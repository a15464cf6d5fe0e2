/**
 * @file error.h
 * @brief Status codes, their names, and the last error message of a thread.
 */
#ifndef HYOKA_ERROR_H
#define HYOKA_ERROR_H

#include "common.h"

HYOKA_BEGIN_DECLS

/**
 * Status codes returned by every fallible hyoka function.
 *
 * ::HYOKA_OK is zero; failures are negative. Values are never renumbered or
 * reused; new codes are appended below the last one.
 */
typedef enum hyoka_status {
    HYOKA_OK = 0,            /**< Success. */
    HYOKA_EINVAL = -1,       /**< Invalid argument (NULL where an object is required, unknown enum value...). */
    HYOKA_ENOMEM = -2,       /**< An allocation failed; nothing was changed. */
    HYOKA_ERANGE = -3,       /**< Overflow, value out of range, or a buffer too small. */
    HYOKA_EENCODING = -4,    /**< Invalid UTF-8, or a character the target encoding cannot hold. */
    HYOKA_ESYNTAX = -5,      /**< Text does not follow the expected grammar. */
    HYOKA_ENOTFOUND = -6,    /**< The item looked up does not exist. */
    HYOKA_EEXIST = -7,       /**< The item already exists (duplicate code, fiscal year...). */
    HYOKA_EDIVZERO = -8,     /**< Division by zero. */
    HYOKA_EIO = -9,          /**< Reading or writing a file failed (see errno in the message). */
    HYOKA_ELIMIT = -10,      /**< A configured size, depth or count limit was exceeded. */
    HYOKA_EUNAVAILABLE = -11,/**< A figure cannot be computed (missing denominator, target 0...). */
    HYOKA_ESTATE = -12,      /**< The object is in a state that does not allow the operation. */
    HYOKA_EINVALID = -13     /**< The data has errors (a document read with error diagnostics). */
} hyoka_status;

/**
 * Name a status code.
 *
 * @param code a ::hyoka_status value (or any int).
 * @return a static English description; never NULL. Unknown codes give
 *         "unknown error". The string is owned by the library and is never
 *         freed.
 */
HYOKA_API const char *hyoka_strerror(int code);

/**
 * The symbolic name of a status code (@p code, a ::hyoka_status), such as
 * "HYOKA_ERANGE".
 *
 * @return a static string owned by the library; "HYOKA_UNKNOWN" for codes
 *         that do not exist. Never NULL.
 */
HYOKA_API const char *hyoka_status_name(int code);

/**
 * The message of the last failure on the calling thread.
 *
 * Every function that returns a negative code sets it; successful calls
 * leave it unchanged. The message names the argument or the place at fault
 * ("decimal: more than 18 decimal places in \"0.1234...\"").
 *
 * @return a thread-local string owned by the library, valid until the next
 *         hyoka call on this thread; "" when nothing failed yet. Never NULL.
 */
HYOKA_API const char *hyoka_error_last(void);

/**
 * The code of the last failure on the calling thread (::HYOKA_OK if none).
 */
HYOKA_API int hyoka_error_last_code(void);

/**
 * Forget the last failure of the calling thread: afterwards
 * hyoka_error_last() returns "" and hyoka_error_last_code() ::HYOKA_OK.
 */
HYOKA_API void hyoka_error_clear(void);

HYOKA_END_DECLS

#endif /* HYOKA_ERROR_H */
