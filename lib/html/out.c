/* html/out: the output of a page. Everything a page says goes into one
 * byte buffer (util/buf.h) through the functions of html_internal.h, and
 * every text from the document goes through the escaping below.
 *
 * An allocation failure is remembered in the writer and every later write
 * does nothing, so a walk runs to its end and the caller sees the first
 * error. Besides the buffer, three scratch arrays are reused from project to
 * project: the cost years in fiscal-year order, the fiscal years of the
 * indicators, and the stack of the sub-project walk (a deep tree is walked
 * without recursion).
 *
 * Escaping, in element content and in attributes alike: & < > " ' become
 * entities; C0 and C1 controls (other than tab and newline) and
 * noncharacters become U+FFFD; U+2028 and U+2029 become character
 * references. Nothing from the document is written inside <style>, and
 * inside <svg> only through this escaping. */
#include "html_internal.h"

#include <stdarg.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* The writer                                                                */

void hyoka__html_out_init(struct hyoka__html_out *o, int lang, const hyoka_portfolio *pf)
{
    memset(o, 0, sizeof *o);
    o->lang = lang;
    o->pf = pf;
    o->unit = pf ? hyoka_portfolio_amount_unit(pf) : HYOKA_UNIT_YEN;
    if (o->unit != HYOKA_UNIT_THOUSAND_YEN)
        o->unit = HYOKA_UNIT_YEN;
}

int hyoka__html_out_take(struct hyoka__html_out *o, char **out, size_t *len)
{
    hyoka__free(o->order);
    hyoka__free(o->years);
    hyoka__free(o->stack);
    hyoka__year_index_release(&o->yix);
    o->order = NULL;
    o->years = NULL;
    o->stack = NULL;
    return hyoka__buf_take(&o->out, out, len);
}

void hyoka__html_putf(struct hyoka__html_out *o, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    (void)hyoka__buf_vprintf(&o->out, fmt, ap);
    va_end(ap);
}

bool hyoka__html_scratch(struct hyoka__html_out *o, void **items, size_t *cap, size_t n, size_t elem)
{
    int rc;

    if (o->out.err != HYOKA_OK)
        return false;
    rc = hyoka__reserve(items, cap, n, elem, 16);
    if (rc != HYOKA_OK) {
        hyoka__html_fail(o, rc);
        return false;
    }
    return true;
}

/* ------------------------------------------------------------------------ */
/* Escaping: the one function every document text goes through              */

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

/* Write document text, HTML-escaped. With @p multiline, line breaks become
 * <br>; otherwise (attributes, one-line cells) they become &#10;. */
static void esc_n(struct hyoka__html_out *o, const char *s, size_t n, bool multiline)
{
    size_t i = 0, run = 0;

    if (!s)
        return;
    while (i < n) {
        unsigned char ch = (unsigned char)s[i];
        const char *rep = NULL;
        size_t adv = 1;

        if (ch < 0x80) {
            switch (ch) {
            case '&': rep = "&amp;"; break;
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            case '"': rep = "&quot;"; break;
            case '\'': rep = "&#39;"; break;
            case '\t': break;
            case '\n': rep = multiline ? "<br>\n" : "&#10;"; break;
            case '\r':
                if (multiline) {
                    rep = (i + 1 < n && s[i + 1] == '\n') ? "" : "<br>\n";
                } else {
                    rep = "&#13;";
                }
                break;
            default:
                if (ch < 0x20 || ch == 0x7F)
                    rep = REPLACEMENT;
                break;
            }
        } else {
            size_t pos = i;
            int32_t cp = hyoka__utf8_next(s, n, &pos);
            adv = pos > i ? pos - i : 1;
            if (cp < 0)
                rep = REPLACEMENT; /* cannot happen for validated text */
            else if (cp == 0x2028)
                rep = "&#x2028;";
            else if (cp == 0x2029)
                rep = "&#x2029;";
            else if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
                rep = REPLACEMENT;
        }
        if (rep) {
            if (run)
                hyoka__html_put(o, s + i - run, run);
            run = 0;
            hyoka__html_puts(o, rep);
        } else {
            run += adv;
        }
        i += adv;
    }
    if (run)
        hyoka__html_put(o, s + n - run, run);
}

void hyoka__html_esc(struct hyoka__html_out *o, const char *s)
{
    if (s)
        esc_n(o, s, strlen(s), false);
}

void hyoka__html_esc_ml(struct hyoka__html_out *o, const char *s)
{
    if (s)
        esc_n(o, s, strlen(s), true);
}
