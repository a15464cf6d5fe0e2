/* Enumerations of the public API by name: hyoka_enum_count(),
 * hyoka_enum_name() and hyoka_enum_value().
 *
 * Every enumeration except the status codes is a table of document names
 * indexed by value (0 .. count-1), kept in vocab.c. Status codes run from 0
 * down to -(count-1) and are named by hyoka_status_name(). */
#include "vocab.h"

#include <string.h>

static int known(int which)
{
    return hyoka__enum_type_name(which) != NULL;
}

/* The enumeration ids are themselves an enumeration, hyoka_enum_id. */
HYOKA_COLD static int fail_which(const char *fn, int which)
{
    return hyoka__fail(HYOKA_EINVAL, "%s: which %d is not a hyoka_enum_id (0..%d)", fn, which,
                       HYOKA__ENUM_ID_COUNT - 1);
}

int hyoka_enum_count(int which)
{
    int count = 0;

    if (!known(which))
        return fail_which(__func__, which);
    if (which == HYOKA_ENUM_STATUS)
        return hyoka__status_count();
    hyoka__enum_names(which, &count);
    return count;
}

const char *hyoka_enum_name(int which, int value)
{
    const char *const *names;
    int count = 0;

    if (!known(which)) {
        fail_which(__func__, which);
        return NULL;
    }
    if (which == HYOKA_ENUM_STATUS) {
        if (value > 0 || value <= -hyoka__status_count()) {
            hyoka__fail(HYOKA_EINVAL, "%s: value %d is not a hyoka_status (%d..0)", __func__, value,
                        1 - hyoka__status_count());
            return NULL;
        }
        return hyoka_status_name(value);
    }
    names = hyoka__enum_names(which, &count);
    if (value < 0 || value >= count) {
        hyoka__fail_enum(__func__, "value", value, which, false);
        return NULL;
    }
    return names[value];
}

static int name_is(const char *candidate, const char *name, size_t len)
{
    return strlen(candidate) == len && memcmp(candidate, name, len) == 0;
}

int hyoka_enum_value(int which, const char *name, size_t len, int *value)
{
    if (!known(which))
        return fail_which(__func__, which);
    HYOKA__CHECK_NULL(name);
    HYOKA__CHECK_NULL(value);
    len = hyoka__len(name, len);
    if (which == HYOKA_ENUM_STATUS) {
        int n = hyoka__status_count();
        for (int code = 0; code > -n; code--) {
            if (name_is(hyoka_status_name(code), name, len)) {
                *value = code;
                return HYOKA_OK;
            }
        }
    } else {
        int count = 0;
        const char *const *names = hyoka__enum_names(which, &count);
        for (int i = 0; i < count; i++) {
            if (name_is(names[i], name, len)) {
                *value = i;
                return HYOKA_OK;
            }
        }
    }
    /* Quote the name only when it is short, printable text. */
    if (len <= 64 && !memchr(name, '\0', len) && hyoka__utf8_valid(name, len))
        return hyoka__fail(HYOKA_ENOTFOUND, "%s: %s has no value named \"%.*s\"", __func__,
                           hyoka__enum_type_name(which), (int)len, name);
    return hyoka__fail(HYOKA_ENOTFOUND, "%s: %s has no value with this name (%zu bytes)", __func__,
                       hyoka__enum_type_name(which), len);
}
