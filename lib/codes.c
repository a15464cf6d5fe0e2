/* The registry of diagnostic codes (codes.h) as a table, and the public
 * functions that read it: hyoka_code_title(), hyoka_code_severity(). */
#include "codes.h"

#include <string.h>

#define ROW_(c, severity, kind, title_en, title_ja, msg_en, msg_ja) \
    [HYOKA__##c] = {#c, severity, kind, title_en, title_ja, msg_en, msg_ja},
#define ROW_FIELDS_(...) ROW_(__VA_ARGS__)
#define ROW(c) ROW_FIELDS_(HYOKA__CODE_##c)

const struct hyoka__code_info hyoka__codes[HYOKA__CODE_COUNT] = {HYOKA__CODES(ROW)};

const struct hyoka__code_info *hyoka__code_find(const char *code)
{
    if (!code)
        return NULL;
    for (size_t i = 0; i < HYOKA__CODE_COUNT; i++)
        if (strcmp(hyoka__codes[i].code, code) == 0)
            return &hyoka__codes[i];
    return NULL;
}

static bool ends_with(const char *s, const char *end)
{
    size_t n = strlen(s), m = strlen(end);
    return n >= m && memcmp(s + n - m, end, m) == 0;
}

bool hyoka__code_is_detail(int code)
{
    const struct hyoka__code_info *e;
    if (code < 0 || code >= HYOKA__CODE_COUNT)
        return false;
    e = &hyoka__codes[code];
    /* the prefix holds no conversion, the detail pair ends the template */
    return ends_with(e->msg_en, HYOKA__DETAIL_EN) && ends_with(e->msg_ja, HYOKA__DETAIL_JA) &&
           strchr(e->msg_en, '%') == e->msg_en + strlen(e->msg_en) - strlen(HYOKA__DETAIL_EN) &&
           strchr(e->msg_ja, '%') == e->msg_ja + strlen(e->msg_ja) - strlen(HYOKA__DETAIL_JA);
}

const char *hyoka_code_title(const char *code, int lang)
{
    const struct hyoka__code_info *e = hyoka__code_find(code);
    if (!e || (lang != HYOKA_LANG_EN && lang != HYOKA_LANG_JA))
        return NULL;
    return lang == HYOKA_LANG_JA ? e->title_ja : e->title_en;
}

int hyoka_code_severity(const char *code)
{
    const struct hyoka__code_info *e = hyoka__code_find(code);
    if (!e)
        return hyoka__fail(HYOKA_ENOTFOUND, "hyoka_code_severity: unknown code \"%.15s\"", code ? code : "(null)");
    return e->severity;
}
