/* UTF-8 validation, decoding and encoding (RFC 3629). */
#include "internal.h"

#include <string.h>

int32_t hyoka__utf8_next(const char *s, size_t len, size_t *pos)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = *pos;
    uint32_t c, cp, min;
    int n;

    if (i >= len)
        return -1;
    c = p[i];
    if (c < 0x80u) {
        *pos = i + 1;
        return (int32_t)c;
    }
    if (c >= 0xC2u && c <= 0xDFu) {
        n = 1;
        cp = c & 0x1Fu;
        min = 0x80u;
    } else if (c >= 0xE0u && c <= 0xEFu) {
        n = 2;
        cp = c & 0x0Fu;
        min = 0x800u;
    } else if (c >= 0xF0u && c <= 0xF4u) {
        n = 3;
        cp = c & 0x07u;
        min = 0x10000u;
    } else {
        return -1;
    }
    if (len - i < (size_t)n + 1)
        return -1;
    for (int k = 1; k <= n; k++) {
        uint32_t b = p[i + (size_t)k];
        if ((b & 0xC0u) != 0x80u)
            return -1;
        cp = (cp << 6) | (b & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFFu || (cp >= 0xD800u && cp <= 0xDFFFu))
        return -1;
    *pos = i + (size_t)n + 1;
    return (int32_t)cp;
}

bool hyoka__utf8_valid(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        /* Fast path over ASCII runs. */
        if (p[i] < 0x80u) {
            i++;
            continue;
        }
        if (hyoka__utf8_next(s, len, &i) < 0)
            return false;
    }
    return true;
}

size_t hyoka__utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80u) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800u) {
        o[0] = (unsigned char)(0xC0u | (cp >> 6));
        o[1] = (unsigned char)(0x80u | (cp & 0x3Fu));
        return 2;
    }
    if (cp < 0x10000u) {
        o[0] = (unsigned char)(0xE0u | (cp >> 12));
        o[1] = (unsigned char)(0x80u | ((cp >> 6) & 0x3Fu));
        o[2] = (unsigned char)(0x80u | (cp & 0x3Fu));
        return 3;
    }
    o[0] = (unsigned char)(0xF0u | (cp >> 18));
    o[1] = (unsigned char)(0x80u | ((cp >> 12) & 0x3Fu));
    o[2] = (unsigned char)(0x80u | ((cp >> 6) & 0x3Fu));
    o[3] = (unsigned char)(0x80u | (cp & 0x3Fu));
    return 4;
}

size_t hyoka__utf8_cut(char *s, size_t len)
{
    /* Find the start of the last character and check it is complete. */
    const unsigned char *p = (const unsigned char *)s;
    size_t start = len;
    size_t need;

    while (start > 0 && (p[start - 1] & 0xC0u) == 0x80u && len - start < 3)
        start--;
    if (start == 0 || p[start - 1] < 0x80u) {
        /* Only continuation bytes (or nothing) after an ASCII byte: drop any strays. */
        s[start] = '\0';
        return start;
    }
    start--; /* the lead byte */
    need = p[start] >= 0xF0u ? 4 : p[start] >= 0xE0u ? 3 : p[start] >= 0xC0u ? 2 : 1;
    if (len - start < need) {
        s[start] = '\0';
        return start;
    }
    return len;
}

/* One escape of @p digits hex digits after @p lead ('u': "\u001b" for a
 * control character; 'x': "\xff" for a byte that is not UTF-8). */
static size_t put_escape(char *out, size_t at, char lead, unsigned v, int digits)
{
    static const char hex[] = "0123456789abcdef";
    if (out) {
        out[at] = '\\';
        out[at + 1] = lead;
        for (int k = 0; k < digits; k++)
            out[at + 2 + (size_t)k] = hex[(v >> (4 * (digits - 1 - k))) & 0xFu];
    }
    return 2 + (size_t)digits;
}

size_t hyoka__text_escape(const char *s, char *out)
{
    size_t len = strlen(s), i = 0, n = 0;

    while (i < len) {
        size_t start = i;
        int32_t cp = hyoka__utf8_next(s, len, &i);
        if (cp < 0) {
            n += put_escape(out, n, 'x', (unsigned char)s[start], 2);
            i = start + 1;
        } else if (hyoka__is_control(cp)) {
            n += put_escape(out, n, 'u', (unsigned)cp, 4);
        } else {
            if (out)
                memcpy(out + n, s + start, i - start);
            n += i - start;
        }
    }
    if (out)
        out[n] = '\0';
    return n;
}
