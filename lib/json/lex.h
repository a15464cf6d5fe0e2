/* The hot helpers of the strict JSON lexer (lex.c), inlined where the
 * parser and the walk of locate.c use them: whitespace and plain key
 * scanning, 16 bytes at a time with SSE2 (8 with a portable SWAR fallback
 * on other little-endian machines, byte by byte elsewhere). Not installed. */
#ifndef HYOKA_JSON_LEX_H
#define HYOKA_JSON_LEX_H

#include "reader.h"

#if defined(__SSE2__)
#  include <emmintrin.h>
#  define JR_SSE2 1
#endif

/* Without SSE2, eight bytes at a time in a 64-bit word (little-endian). */
#if !defined(JR_SSE2) && defined(__GNUC__) && defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__)
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

/* The first byte at or after @p p that is not JSON whitespace. */
HYOKA_ALWAYS_INLINE static inline const char *hyoka__json_skip_ws(const char *p, const char *end)
{
    if (p < end && (unsigned char)*p > ' ')
        return p;
#if defined(JR_SSE2)
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i ws = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
                                  _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\r')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))));
        unsigned m = ~(unsigned)_mm_movemask_epi8(ws) & 0xFFFFu;
        if (m)
            return p + __builtin_ctz(m);
        p += 16;
    }
#elif defined(JR_SWAR)
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
/* Bit i set when byte i of the 16 at @p s is '"', '\\', a control character or non-ASCII. */
HYOKA_ALWAYS_INLINE static inline unsigned hyoka__json_special16(const char *s)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
                             _mm_cmplt_epi8(v, _mm_set1_epi8(0x20))); /* signed: 0x80..0xFF too */
    return (unsigned)_mm_movemask_epi8(m);
}
#endif

#ifdef JR_SWAR
HYOKA_ALWAYS_INLINE static inline uint64_t hyoka__json_special8(uint64_t v)
{
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    uint64_t q = v ^ (ones * 0x22u), b = v ^ (ones * 0x5Cu);
    return (((q - ones) & ~q) | ((b - ones) & ~b) | ((v - ones * 0x20u) & ~v) | v) & high;
}
#endif

/* Scan the key whose opening quote is at r->p into @p key: its content in
 * the text, or unescaped into r->kbuf. Keys are short plain ASCII: the
 * closing quote is looked for directly, and anything else goes to the
 * string scanner. */
HYOKA_ALWAYS_INLINE static inline int hyoka__json_scan_key(struct hyoka__json_reader *r, struct hyoka__json_tok *key)
{
#if defined(JR_SSE2)
    const char *s = r->p + 1;
    while (r->end - s >= 16) {
        unsigned m = hyoka__json_special16(s);
        if (m) {
            s += __builtin_ctz(m);
            break;
        }
        s += 16;
    }
    if (s < r->end && *s == '"' && (size_t)(s - (r->p + 1)) <= r->max_string) {
        key->s = r->p + 1;
        key->n = (size_t)(s - key->s);
        r->p = s + 1;
        return 0;
    }
#elif defined(JR_SWAR)
    const char *s = r->p + 1;
    while (r->end - s >= 8) {
        uint64_t v, m;
        memcpy(&v, s, 8);
        m = hyoka__json_special8(v);
        if (m) {
            s += (unsigned)__builtin_ctzll(m) >> 3;
            break;
        }
        s += 8;
    }
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
