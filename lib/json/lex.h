/* The hot helpers of the strict JSON lexer (lex.c), inlined where the
 * parser and the walk of locate.c use them: whitespace, plain string
 * content (ASCII and UTF-8, validated on the way) and plain key scanning.
 * Two forms of each scanner: the vector one, 16 bytes at a time with SSE2
 * (every x86-64), and the portable one (8 bytes at a time in a 64-bit word
 * on little-endian machines, byte by byte elsewhere). Both are always
 * compiled where the vector one exists, and tests/internal/test_lex.c checks
 * that they agree at every offset of the conformance files; the reader uses
 * the vector one unless built with HYOKA_JSON_SCALAR (meson option
 * json_simd=false). Not installed. */
#ifndef HYOKA_JSON_LEX_H
#define HYOKA_JSON_LEX_H

#include "reader.h"

#if defined(__SSE2__) && !defined(HYOKA_JSON_SCALAR)
#  include <emmintrin.h>
#  define JR_SSE2 1
#endif

/* The portable scanners use eight bytes at a time in a 64-bit word on
 * little-endian machines. */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__)
#  if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#    define JR_SWAR 1
#  endif
#endif

#ifdef JR_SWAR
/* High bit of each byte of @p x that is zero (exact: no carry between bytes). */
HYOKA_ALWAYS_INLINE static inline uint64_t hyoka__json_zero_bytes(uint64_t x)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7Fu;
    return ~(((x & low7) + low7) | x) & ~low7;
}
#endif

/* The first byte at or after @p p that is not JSON whitespace (portable). */
HYOKA_ALWAYS_INLINE static inline const char *hyoka__json_ws_end_scalar(const char *p, const char *end)
{
#if defined(JR_SWAR)
    while (end - p >= 8) {
        const uint64_t ones = 0x0101010101010101u;
        uint64_t v, ws;
        memcpy(&v, p, 8);
        ws = hyoka__json_zero_bytes(v ^ (ones * ' ')) | hyoka__json_zero_bytes(v ^ (ones * '\n')) |
             hyoka__json_zero_bytes(v ^ (ones * '\r')) | hyoka__json_zero_bytes(v ^ (ones * '\t'));
        ws = ~ws & 0x8080808080808080u;
        if (ws)
            return p + ((unsigned)__builtin_ctzll(ws) >> 3);
        p += 8;
    }
#endif
    while (p < end) {
        unsigned char c = (unsigned char)*p;
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            break;
        p++;
    }
    return p;
}

#if defined(JR_SSE2)
/* The first byte at or after @p p that is not JSON whitespace (SSE2). */
HYOKA_ALWAYS_INLINE static inline const char *hyoka__json_ws_end_sse2(const char *p, const char *end)
{
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i ws = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
                                  _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\r')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))));
        unsigned m = ~(unsigned)_mm_movemask_epi8(ws) & 0xFFFFu;
        if (m)
            return p + __builtin_ctz(m);
        p += 16;
    }
    return hyoka__json_ws_end_scalar(p, end);
}
#endif

/* The first byte at or after @p p that is not JSON whitespace. */
HYOKA_ALWAYS_INLINE static inline const char *hyoka__json_skip_ws(const char *p, const char *end)
{
    if (p < end && (unsigned char)*p > ' ')
        return p;
#if defined(JR_SSE2)
    return hyoka__json_ws_end_sse2(p, end);
#else
    return hyoka__json_ws_end_scalar(p, end);
#endif
}

/* Length of the UTF-8 sequence at @p s (2 to 4), 0 when the text ends
 * inside a sequence that was valid so far, -1 when invalid. */
HYOKA_ALWAYS_INLINE static inline int hyoka__json_utf8_seq(const unsigned char *s, const unsigned char *e)
{
    unsigned c = s[0], lo, hi;
    size_t avail = (size_t)(e - s);
    int len;

    if (c < 0xC2u || c > 0xF4u)
        return -1;
    len = c < 0xE0u ? 2 : c < 0xF0u ? 3 : 4;
    /* The second byte's range excludes overlong forms (E0, F0),
     * surrogates (ED) and code points above U+10FFFF (F4). */
    lo = c == 0xE0u ? 0xA0u : c == 0xF0u ? 0x90u : 0x80u;
    hi = c == 0xEDu ? 0x9Fu : c == 0xF4u ? 0x8Fu : 0xBFu;
    if (avail < 2)
        return 0;
    if (s[1] < lo || s[1] > hi)
        return -1;
    for (int i = 2; i < len; i++) {
        if (avail <= (size_t)i)
            return 0;
        if ((s[i] & 0xC0u) != 0x80u)
            return -1;
    }
    return len;
}

#ifdef JR_SWAR
/* High bit of each byte of @p v that is '"', '\\', a control character or non-ASCII. */
HYOKA_ALWAYS_INLINE static inline uint64_t hyoka__json_special8(uint64_t v)
{
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    uint64_t q = v ^ (ones * 0x22u), b = v ^ (ones * 0x5Cu);
    return (((q - ones) & ~q) | ((b - ones) & ~b) | ((v - ones * 0x20u) & ~v) | v) & high;
}

/* Past the bytes of [s, e) that are plain ASCII, eight at a time: at the
 * first special byte (hyoka__json_special8()) of the eight-byte blocks,
 * else where fewer than eight bytes are left. */
HYOKA_ALWAYS_INLINE static inline const unsigned char *hyoka__json_skip_plain8(const unsigned char *s,
                                                                             const unsigned char *e)
{
    while (e - s >= 8) {
        uint64_t v, m;
        memcpy(&v, s, 8);
        m = hyoka__json_special8(v);
        if (m)
            return s + ((unsigned)__builtin_ctzll(m) >> 3);
        s += 8;
    }
    return s;
}
#endif

/* The end of the plain content of a string at @p p (portable): the longest
 * run of ASCII other than '"', '\\' and control characters, and of complete,
 * valid UTF-8 sequences. What stops it (or @p end) is for the caller: the
 * closing quote, an escape, a control character, or the lead byte of an
 * invalid or cut UTF-8 sequence. */
HYOKA_ALWAYS_INLINE static inline const char *hyoka__json_plain_end_scalar(const char *p, const char *end)
{
    const unsigned char *s = (const unsigned char *)p, *e = (const unsigned char *)end;
    for (;;) {
#if defined(JR_SWAR)
        s = hyoka__json_skip_plain8(s, e);
#endif
        if (s >= e)
            break;
        if (*s < 0x80u) {
            if (*s < 0x20u || *s == '"' || *s == '\\')
                break;
            s++;
            continue;
        }
        /* Runs of three-byte characters (kana, kanji, full-width forms:
         * most of a Japanese sheet's text) checked with one mask each;
         * anything else, and the two ranges the mask lets through
         * (overlong E0 80..9F, surrogates ED A0..BF), goes to utf8_seq. */
        while (e - s >= 3) {
            uint32_t v = (uint32_t)s[0] | (uint32_t)s[1] << 8 | (uint32_t)s[2] << 16;
            if ((v & 0xC0C0F0u) != 0x8080E0u || (s[0] == 0xE0u && s[1] < 0xA0u) || (s[0] == 0xEDu && s[1] > 0x9Fu))
                break;
            s += 3;
        }
        if (s < e && *s >= 0x80u) {
            int n = hyoka__json_utf8_seq(s, e);
            if (n <= 0)
                break;
            s += n;
        }
    }
    return (const char *)s;
}

#if defined(JR_SSE2)
/* Bit i set when byte i of the 16 at @p s is '"', '\\', a control character or non-ASCII. */
HYOKA_ALWAYS_INLINE static inline unsigned hyoka__json_special16(const char *s)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
                             _mm_cmplt_epi8(v, _mm_set1_epi8(0x20))); /* signed: 0x80..0xFF too */
    return (unsigned)_mm_movemask_epi8(m);
}

/* Bits of the bytes of @p v in [lo, hi] (signed bytes: 0x80..0xFF are -128..-1). */
HYOKA_ALWAYS_INLINE static inline unsigned hyoka__json_in16(__m128i v, int lo, int hi)
{
    return (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8((char)(lo - 1))),
                                                     _mm_cmplt_epi8(v, _mm_set1_epi8((char)(hi + 1)))));
}

/* hyoka__json_plain_end_scalar with SSE2: the same answer at every input.
 * A block of 16 bytes with non-ASCII in it is classified into continuation
 * bytes (80..BF), two-byte leads (C2..DF) and three-byte leads (E1..EC,
 * EE, EF); it is valid up to its first stop when its continuation bytes
 * are exactly those its leads call for. E0, ED and four-byte leads (rare
 * in Japanese text) are taken one sequence at a time by utf8_seq. */
HYOKA_ALWAYS_INLINE static inline const char *hyoka__json_plain_end_sse2(const char *p, const char *end)
{
    const unsigned char *s = (const unsigned char *)p, *e = (const unsigned char *)end;
    while (e - s >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
        unsigned stop = hyoka__json_special16((const char *)s), high = (unsigned)_mm_movemask_epi8(v);
        unsigned cont, lead2, lead3, mask, want, k, adv;
        if (!high) {
            if (stop)
                return (const char *)s + __builtin_ctz(stop);
            s += 16;
            continue;
        }
        cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8((char)-64))); /* 80..BF */
        lead2 = hyoka__json_in16(v, -62, -33);  /* C2..DF */
        lead3 = hyoka__json_in16(v, -32, -17) & /* E0..EF, but E0 and ED */
                ~(unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE0)),
                                                          _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xED))));
        stop = (stop & ~high) | (high & ~(cont | lead2 | lead3));
        k = stop ? (unsigned)__builtin_ctz(stop) : 16u;
        mask = (1u << k) - 1u;
        lead2 &= mask;
        lead3 &= mask;
        want = (lead2 << 1) | (lead3 << 1) | (lead3 << 2);
        if ((cont & mask) != (want & mask))
            return hyoka__json_plain_end_scalar((const char *)s, end); /* invalid: the scalar finds where */
        adv = k;
        if (want >> k) /* a sequence cut by the stop or the block's end: from its lead */
            adv = ((lead2 | lead3) >> (k - 1)) & 1u ? k - 1 : k - 2;
        if (k < 16) {
            const unsigned char *at = s + k;
            int n;
            if (adv < k || *at < 0x80u)
                return (const char *)s + adv;
            n = hyoka__json_utf8_seq(at, e); /* E0, ED, a four-byte lead, or invalid */
            if (n <= 0)
                return (const char *)at;
            s = at + n;
            continue;
        }
        s += adv;
    }
    return hyoka__json_plain_end_scalar((const char *)s, end);
}
#endif

/* The end of the plain content of a string at @p p: see
 * hyoka__json_plain_end_scalar. */
HYOKA_ALWAYS_INLINE static inline const char *hyoka__json_plain_end(const char *p, const char *end)
{
#if defined(JR_SSE2)
    return hyoka__json_plain_end_sse2(p, end);
#else
    return hyoka__json_plain_end_scalar(p, end);
#endif
}

/* Scan the key whose opening quote is at r->p into @p key: its content in
 * the text, or unescaped into r->kbuf. Keys are short plain ASCII: the
 * closing quote is looked for directly, and anything else goes to the
 * string scanner. */
HYOKA_ALWAYS_INLINE static inline int hyoka__json_scan_key(struct hyoka__json_reader *r, struct hyoka__json_tok *key)
{
#if defined(JR_SSE2) || defined(JR_SWAR)
    const char *s = r->p + 1;
#  if defined(JR_SSE2)
    while (r->end - s >= 16) {
        unsigned m = hyoka__json_special16(s);
        if (m) {
            s += __builtin_ctz(m);
            break;
        }
        s += 16;
    }
#  else
    s = (const char *)hyoka__json_skip_plain8((const unsigned char *)s, (const unsigned char *)r->end);
#  endif
    if (s < r->end && *s == '"' && (size_t)(s - (r->p + 1)) <= r->max_string) {
        key->s = r->p + 1;
        key->n = (size_t)(s - key->s);
        r->p = s + 1;
        return 0;
    }
#endif
    return hyoka__json_scan_string(r, key, &r->kbuf);
}

#endif /* HYOKA_JSON_LEX_H */
