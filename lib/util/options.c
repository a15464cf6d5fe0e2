/* The size-versioned option structs of the public functions (internal.h). */
#include "internal.h"

#include <string.h>

int hyoka__options_copy(const char *fn, const char *init, const void *given, void *out, size_t size,
                        size_t first_size)
{
    size_t given_size;
    if (!given)
        return HYOKA_OK;
    memcpy(&given_size, given, sizeof given_size);
    if (given_size != first_size && given_size < size) {
        if (first_size == size)
            return hyoka__fail(HYOKA_EINVAL, "%s: options->size is %zu, expected at least %zu (use %s)", fn,
                               given_size, size, init);
        return hyoka__fail(HYOKA_EINVAL, "%s: options->size is %zu, expected %zu (version 1.0) or at least %zu (use %s)",
                           fn, given_size, first_size, size, init);
    }
    /* the fields an earlier version's structure lacks keep their defaults */
    memcpy(out, given, given_size < size ? given_size : size);
    memcpy(out, &size, sizeof size);
    return HYOKA_OK;
}
