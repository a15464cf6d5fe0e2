/**
 * @file common.h
 * @brief Conventions shared by every hyoka header: the export macro,
 *        C++ linkage guards and the NUL-terminated length marker.
 *
 * Ownership rules that hold across the whole API:
 * - Handles (`hyoka_x *`) created by `hyoka_x_new()` are owned by the caller
 *   and released with `hyoka_x_free()`, which accepts NULL.
 * - Children returned by a parent's getters are borrowed: they live as long
 *   as the parent and are freed with it.
 * - Returned `const char *` is borrowed: valid until the owning handle is
 *   changed or freed.
 * - Buffers allocated for the caller come back with a length and are
 *   released with hyoka_free().
 * - Functions that format into a caller buffer (`char *buf, size_t size,
 *   size_t *len`) write the text and a terminating NUL. `*len` (when @p len
 *   is not NULL) receives the text length without the NUL. When @p size is
 *   too small they return ::HYOKA_ERANGE, store the needed length in `*len`
 *   and leave an empty string in @p buf (when @p size > 0).
 */
#ifndef HYOKA_COMMON_H
#define HYOKA_COMMON_H

#include <stddef.h>
#include <stdint.h>

/** @cond HYOKA_INTERNAL */
#if defined(_WIN32) || defined(__CYGWIN__)
#  if defined(HYOKA_BUILDING) && !defined(HYOKA_STATIC)
#    define HYOKA_API __declspec(dllexport)
#  elif !defined(HYOKA_STATIC)
#    define HYOKA_API __declspec(dllimport)
#  else
#    define HYOKA_API
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define HYOKA_API __attribute__((visibility("default")))
#else
#  define HYOKA_API
#endif

#ifdef __cplusplus
#  define HYOKA_BEGIN_DECLS extern "C" {
#  define HYOKA_END_DECLS }
#else
#  define HYOKA_BEGIN_DECLS
#  define HYOKA_END_DECLS
#endif
/** @endcond */

/**
 * Length value meaning "the string is NUL-terminated": pass it wherever a
 * function takes a (pointer, length) pair and the text ends at its first NUL.
 */
#define HYOKA_NTS ((size_t)-1)

/**
 * Writer flag of the folder writers (hyoka_csv_options::flags,
 * hyoka_html_write_dir_flags()): replace an existing folder even when it
 * holds files that hyoka did not write. Without it such a folder is
 * refused (::HYOKA_EIO) and left as it is; an empty folder, or one hyoka
 * wrote (it has a `.hyoka-output` file), is always replaced whole.
 * (The JSON writer's flags, json.h, use the bits below this one.)
 * @since 1.1
 */
#define HYOKA_WRITE_REPLACE 0x4u

#endif /* HYOKA_COMMON_H */
