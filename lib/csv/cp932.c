/* CP932 (Windows Japanese) <-> UTF-8, from the table tools/gen_cp932.py
 * generates out of Python's cp932 codec (cp932_table.h).
 *
 * Decoding maps every byte and byte pair the table maps, NEC and IBM
 * extensions and the user-defined area (0xF040..0xF9FC -> U+E000..) included.
 * Encoding writes every code point that some CP932 code decodes to, as the
 * code Windows' WideCharToMultiByte writes for it where there are duplicates
 * (JIS X 0208, then NEC row 13, then IBM extensions; never the NEC-selected
 * IBM extensions). The well-known Shift_JIS/CP932 differences are written
 * the way Windows writes them: the JIS forms 〜 U+301C, ‖ U+2016,
 * − U+2212, — U+2014, ¢ U+00A2, £ U+00A3 and ¬ U+00AC take the codes of
 * ～ － ― ￠ ￡ ￢ ∥ (reading gives back the Windows forms, as Windows does).
 * Anything else (U+00A5, 𠮷 and other characters outside the BMP, emoji...)
 * is HYOKA_EENCODING, never a '?'. */
#include "cp932.h"
#include "cp932_table.h"

#include <string.h>

/* JIS X 0208 forms that CP932 holds under another code point (one way). */
static const uint16_t jis_forms[][2] = {
    {0x00A2, 0x8191}, /* ¢ as ￠ */
    {0x00A3, 0x8192}, /* £ as ￡ */
    {0x00AC, 0x81CA}, /* ¬ as ￢ */
    {0x2014, 0x815C}, /* — as ― */
    {0x2016, 0x8161}, /* ‖ as ∥ */
    {0x2212, 0x817C}, /* − as － */
    {0x301C, 0x8160}, /* 〜 as ～ */
};

int32_t hyoka__cp932_code(uint32_t cp)
{
    size_t lo = 0, hi = CP932_ENCODE_COUNT;

    if (cp < 0x80)
        return (int32_t)cp;
    for (size_t i = 0; i < sizeof jis_forms / sizeof jis_forms[0]; i++)
        if (jis_forms[i][0] == cp)
            return jis_forms[i][1];
    if (cp > 0xFFFF)
        return -1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint32_t u = cp932_encode[mid][0];
        if (u == cp)
            return cp932_encode[mid][1];
        if (u < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static int lead_index(unsigned b)
{
    if (b >= 0x81 && b <= 0x9F)
        return (int)(b - 0x81);
    if (b >= 0xE0 && b <= 0xFC)
        return (int)(b - 0xE0 + 31);
    return -1;
}

/* The set bits of @p x. */
static unsigned bit_count(uint64_t x)
{
    x = x - ((x >> 1) & UINT64_C(0x5555555555555555));
    x = (x & UINT64_C(0x3333333333333333)) + ((x >> 2) & UINT64_C(0x3333333333333333));
    x = (x + (x >> 4)) & UINT64_C(0x0F0F0F0F0F0F0F0F);
    return (unsigned)((x * UINT64_C(0x0101010101010101)) >> 56);
}

/* The code point of the pair of lead index @p li and trail byte
 * CP932_TRAIL_MIN + @p j, 0 when unmapped. */
static uint16_t pair(int li, unsigned j)
{
    const struct cp932_word *w = &cp932_pairs[li][j / 64];
    uint64_t bit = UINT64_C(1) << (j % 64);

    if (!(w->mapped & bit))
        return 0;
    return cp932_double[w->first + bit_count(w->mapped & (bit - 1))];
}

int32_t hyoka__cp932_next(const unsigned char *s, size_t len, size_t *pos)
{
    size_t i = *pos;
    unsigned b = s[i];
    int li;
    unsigned t;
    uint16_t cp;

    if (cp932_single[b] != 0xFFFF) {
        *pos = i + 1;
        return cp932_single[b];
    }
    li = lead_index(b);
    if (li < 0 || i + 1 >= len)
        return -1;
    t = s[i + 1];
    if (t < CP932_TRAIL_MIN || t > CP932_TRAIL_MAX)
        return -1;
    cp = pair(li, t - CP932_TRAIL_MIN);
    if (cp == 0)
        return -1;
    *pos = i + 2;
    return cp;
}

bool hyoka__cp932_can_encode(const char *utf8, size_t len, size_t *bad, uint32_t *cp)
{
    size_t i = 0;

    while (i < len) {
        size_t at = i;
        int32_t c;
        if ((unsigned char)utf8[i] < 0x80) {
            i++;
            continue;
        }
        c = hyoka__utf8_next(utf8, len, &i);
        if (c < 0 || hyoka__cp932_code((uint32_t)c) < 0) {
            if (bad)
                *bad = at;
            if (cp)
                *cp = c < 0 ? 0xFFFD : (uint32_t)c;
            return false;
        }
    }
    return true;
}

/* The argument checks of hyoka_cp932_encode() and _decode() (@p fn), whose
 * input @p in is the argument @p in_arg: then the outputs are cleared and
 * *len resolved. */
static int convert_begin(const char *fn, const char *in_arg, const char *in, size_t *len, char **out,
                         size_t *out_len)
{
    if (!in)
        return hyoka__fail_null(fn, in_arg);
    HYOKA__CHECK_NULL_IN(fn, out);
    HYOKA__CHECK_NULL_IN(fn, out_len);
    *out = NULL;
    *out_len = 0;
    *len = hyoka__len(in, *len);
    return HYOKA_OK;
}

int hyoka_cp932_encode(const char *utf8, size_t len, char **out, size_t *out_len, size_t *bad)
{
    char *buf;
    size_t i = 0, o = 0, size;
    int rc = convert_begin(__func__, "utf8", utf8, &len, out, out_len);

    if (rc != HYOKA_OK)
        return rc;
    /* A non-ASCII character takes 2 to 4 bytes in UTF-8 and 1 or 2 in CP932. */
    if (!hyoka__size_add(len, 1, &size))
        return hyoka__fail(HYOKA_EINVAL, "%s: len %zu is too large", __func__, len);
    buf = hyoka__malloc(size);
    if (!buf)
        return hyoka__nomem();
    while (i < len) {
        size_t at = i;
        int32_t c;
        int32_t code;
        if ((unsigned char)utf8[i] < 0x80) {
            buf[o++] = utf8[i++];
            continue;
        }
        c = hyoka__utf8_next(utf8, len, &i);
        if (c < 0) {
            hyoka__free(buf);
            if (bad)
                *bad = at;
            return hyoka__fail(HYOKA_EENCODING, "%s: invalid UTF-8 at byte %zu", __func__, at);
        }
        code = hyoka__cp932_code((uint32_t)c);
        if (code < 0) {
            char ch[5] = {0};
            hyoka__free(buf);
            if (bad)
                *bad = at;
            hyoka__utf8_encode((uint32_t)c, ch);
            return hyoka__fail(HYOKA_EENCODING, "%s: U+%04lX '%s' at byte %zu cannot be written in CP932", __func__,
                               (unsigned long)c, ch, at);
        }
        if (code > 0xFF)
            buf[o++] = (char)(unsigned char)(code >> 8);
        buf[o++] = (char)(unsigned char)(code & 0xFF);
    }
    buf[o] = '\0';
    *out = buf;
    *out_len = o;
    return HYOKA_OK;
}

int hyoka_cp932_decode(const char *cp932, size_t len, char **out, size_t *out_len, size_t *bad)
{
    const unsigned char *s = (const unsigned char *)cp932;
    char *buf;
    size_t i = 0, o = 0, size;
    int rc = convert_begin(__func__, "cp932", cp932, &len, out, out_len);

    if (rc != HYOKA_OK)
        return rc;
    /* Every CP932 character becomes at most 3 bytes of UTF-8 (all of them
     * are in the BMP), and takes at least 1 byte. */
    if (!hyoka__size_mul(len, 3, &size) || !hyoka__size_add(size, 1, &size))
        return hyoka__fail(HYOKA_ERANGE, "%s: %zu bytes is too long", __func__, len);
    buf = hyoka__malloc(size);
    if (!buf)
        return hyoka__nomem();
    while (i < len) {
        int32_t c;
        if (s[i] < 0x80) {
            buf[o++] = (char)s[i++];
            continue;
        }
        c = hyoka__cp932_next(s, len, &i);
        if (c < 0) {
            hyoka__free(buf);
            if (bad)
                *bad = i;
            if (i + 1 < len && lead_index(s[i]) >= 0)
                return hyoka__fail(HYOKA_EENCODING, "%s: bytes %02X %02X at offset %zu are not CP932", __func__, s[i],
                                   s[i + 1], i);
            return hyoka__fail(HYOKA_EENCODING, "%s: byte %02X at offset %zu is not CP932%s", __func__, s[i], i,
                               lead_index(s[i]) >= 0 ? " (a lead byte at the end)" : "");
        }
        o += hyoka__utf8_encode((uint32_t)c, buf + o);
    }
    buf[o] = '\0';
    *out = buf;
    *out_len = o;
    return HYOKA_OK;
}
