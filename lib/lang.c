/* The language messages default to, from the locale of the environment. */
#include "internal.h"

#include <stdlib.h>

/* The value of an environment variable, NULL when unset or empty (POSIX
 * treats an empty locale variable as unset). */
static const char *locale_variable(const char *name)
{
    const char *value = getenv(name);
    return value && *value ? value : NULL;
}

int hyoka_lang_default(void)
{
    const char *locale = locale_variable("LC_ALL");
    if (!locale)
        locale = locale_variable("LC_MESSAGES");
    if (!locale)
        locale = locale_variable("LANG");
    if (locale && locale[0] == 'j' && locale[1] == 'a')
        return HYOKA_LANG_JA;
    return HYOKA_LANG_EN;
}
