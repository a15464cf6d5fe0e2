/* figures: why a figure is unavailable (hyoka_reason_name(),
 * hyoka_reason_message()) and how the public figure functions record it. */
#include "figures/internal.h"
#include "hyoka/figures.h"

const char *hyoka_reason_name(int reason)
{
    if (reason < 0 || reason >= HYOKA__REASON_COUNT)
        return NULL;
    return hyoka__reason_names[reason];
}

const char *hyoka_reason_message(int reason, int lang)
{
    if (reason < 0 || reason >= HYOKA__REASON_COUNT)
        return NULL;
    if (lang == HYOKA_LANG_EN)
        return hyoka__reason_en[reason];
    if (lang == HYOKA_LANG_JA)
        return hyoka__reason_ja[reason];
    return NULL;
}

/* An unavailable figure, recorded for the caller of a public function; the
 * message is written only if the caller asks for it, since bulk callers
 * meet thousands of unavailable figures and read none of the messages. */
struct unavailable {
    const char *fn;
    const char *what;      /* the figure's name, or NULL for a staff line */
    int32_t fiscal_year;   /* 0: none to name */
    int why;
};

static void render_unavailable(char *buf, size_t size, const void *args)
{
    const struct unavailable *u = args;

    if (!u->what)
        hyoka__message(buf, size,
                       "%s: the staff line has neither FTE and unit cost, hours and hourly rate, nor an amount",
                       u->fn);
    else if (u->fiscal_year != 0)
        hyoka__message(buf, size, "%s: %s of fiscal year %ld is unavailable: %s", u->fn, u->what,
                       (long)u->fiscal_year, hyoka__reason_en[u->why]);
    else
        hyoka__message(buf, size, "%s: %s is unavailable: %s", u->fn, u->what, hyoka__reason_en[u->why]);
}

int hyoka__fail_unavailable(const char *fn, const char *what, int32_t fiscal_year, int why)
{
    struct unavailable u;

    u.fn = fn;
    u.what = what;
    u.fiscal_year = fiscal_year;
    u.why = why;
    return hyoka__fail_lazy(HYOKA_EUNAVAILABLE, render_unavailable, &u, sizeof u);
}

int hyoka__figure_rule_fail(int figure)
{
    return hyoka__fail(HYOKA_EINVAL, "figures: invalid rounding rule for %s", hyoka__figure_names[figure]);
}
