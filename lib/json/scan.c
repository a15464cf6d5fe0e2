/* json_scan: a structural scanner of JSON text (scan.h). Brackets are
 * counted outside strings; a string ends at a quote not escaped by a
 * backslash. Nothing is validated: a broken text ends the scan somewhere,
 * or nowhere, and the parser reports what is wrong when it reads it. */
#include "scan.h"
#include "lex.h"

#include <string.h>

enum { SC_START, SC_CONTAINER, SC_STRING, SC_LITERAL };

/* The fastest way compiled in (scan.h). */
#if defined(JR_SSE2)
#  define SCAN_FAST HYOKA__SCAN_SSE2
#elif defined(JR_SWAR)
#  define SCAN_FAST HYOKA__SCAN_WORDS
#else
#  define SCAN_FAST HYOKA__SCAN_BYTES
#endif

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The first index at or after @p i of text[..len) that may be a quote or
 * a backslash, several bytes at a time (@p i itself byte by byte). */
HYOKA_ALWAYS_INLINE static inline size_t string_run(int way, const char *text, size_t len, size_t i)
{
#if defined(JR_SSE2)
    if (way == HYOKA__SCAN_SSE2) {
        while (len - i >= 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(text + i));
            unsigned m = (unsigned)_mm_movemask_epi8(
                _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
            if (m)
                return i + (unsigned)__builtin_ctz(m);
            i += 16;
        }
    }
#endif
#if defined(JR_SWAR)
    if (way != HYOKA__SCAN_BYTES) {
        const uint64_t ones = 0x0101010101010101u;
        while (len - i >= 8) {
            uint64_t v, m;
            memcpy(&v, text + i, 8);
            m = hyoka__json_zero_bytes(v ^ (ones * '"')) | hyoka__json_zero_bytes(v ^ (ones * '\\'));
            if (m)
                return i + ((unsigned)__builtin_ctzll(m) >> 3);
            i += 8;
        }
    }
#endif
    (void)way;
    (void)text;
    (void)len;
    return i;
}

/* The end of a string whose content continues at text[i]: the index after
 * its closing quote with *done = 1, or len with *done = 0 (the escape
 * state kept for the next call). */
HYOKA_ALWAYS_INLINE static inline size_t string_end(int way, struct hyoka__scan *sc, const char *text, size_t len,
                                                    size_t i, int *done)
{
    for (; i < len; i++) {
        char c;
        if (sc->escape) {
            sc->escape = 0;
            continue;
        }
        i = string_run(way, text, len, i);
        if (i >= len)
            break;
        c = text[i];
        if (c == '\\')
            sc->escape = 1;
        else if (c == '"') {
            *done = 1;
            return i + 1;
        }
    }
    *done = 0;
    return len;
}

#if defined(JR_SSE2) || defined(JR_SWAR)
#  define SCAN_BLOCKS 1

/* A 64-byte block as masks, bit i for byte i. */
struct scan_bits {
    uint64_t quote, slash, open, close; /* '"', '\\', '[' or '{', ']' or '}' */
};

/* Bit i of the result for byte i of @p high, the high bits that
 * hyoka__json_zero_bytes() gives (the multiplier moves each to bit 56 + i,
 * and nothing else lands there). */
HYOKA_ALWAYS_INLINE static inline uint64_t gather8(uint64_t high)
{
    return ((high >> 7) * 0x0102040810204080u) >> 56;
}

/* '{' and '}' are '[' and ']' with bit 5 set: a mask folds them onto those. */
#  define BRACKET_FOLD 0xDFu

HYOKA_ALWAYS_INLINE static inline void block_bits(int way, const char *p, struct scan_bits *b)
{
    b->quote = b->slash = b->open = b->close = 0;
#  if defined(JR_SSE2)
    if (way == HYOKA__SCAN_SSE2) {
        __m128i slash = _mm_setzero_si128();
        for (unsigned k = 0; k < 64; k += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + k));
            __m128i f = _mm_and_si128(v, _mm_set1_epi8((char)BRACKET_FOLD));
            slash = _mm_or_si128(slash, _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
            b->quote |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('"'))) << k;
            b->open |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(f, _mm_set1_epi8('['))) << k;
            b->close |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(f, _mm_set1_epi8(']'))) << k;
        }
        if (_mm_movemask_epi8(slash)) /* rare: where they are */
            for (unsigned k = 0; k < 64; k += 16) {
                __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + k));
                b->slash |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))) << k;
            }
        return;
    }
#  endif
#  if defined(JR_SWAR)
    {
        const uint64_t ones = 0x0101010101010101u;
        for (unsigned k = 0; k < 64; k += 8) {
            uint64_t v, f;
            memcpy(&v, p + k, 8);
            f = v & (ones * BRACKET_FOLD);
            b->quote |= gather8(hyoka__json_zero_bytes(v ^ (ones * '"'))) << k;
            b->slash |= gather8(hyoka__json_zero_bytes(v ^ (ones * '\\'))) << k;
            b->open |= gather8(hyoka__json_zero_bytes(f ^ (ones * '['))) << k;
            b->close |= gather8(hyoka__json_zero_bytes(f ^ (ones * ']'))) << k;
        }
    }
#  endif
    (void)way;
}

/* Bit i of the result: the parity of bits 0 to i of @p x. */
HYOKA_ALWAYS_INLINE static inline uint64_t prefix_xor(uint64_t x)
{
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    return x;
}

/* How many bits of @p x are set (without needing a popcount instruction). */
HYOKA_ALWAYS_INLINE static inline size_t bit_count(uint64_t x)
{
    x -= (x >> 1) & 0x5555555555555555u;
    x = (x & 0x3333333333333333u) + ((x >> 2) & 0x3333333333333333u);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Fu;
    return (size_t)((x * 0x0101010101010101u) >> 56);
}

/* Over the whole 64-byte blocks of text[*pos..len) inside a container
 * (depth > 0): 1 when it closes (*pos just after), else 0 with *pos where
 * fewer than 64 bytes are left or at a block holding a backslash outside
 * any string, for the byte by byte scan. The masks take every backslash as
 * an escape (quotes after an odd run of them are not quotes), which holds
 * up to the first backslash found outside a string: such a block is not
 * taken. */
HYOKA_ALWAYS_INLINE static inline int scan_blocks(int way, struct hyoka__scan *sc, const char *text, size_t len,
                                                  size_t *pos)
{
    size_t i = *pos, depth = sc->depth;
    uint64_t in = sc->state == SC_STRING ? ~(uint64_t)0 : 0, carry = sc->escape;

    while (len - i >= 64) {
        struct scan_bits b;
        uint64_t escaped = carry, next = 0, slash, str, open, close;
        size_t closes;
        block_bits(way, text + i, &b);
        slash = b.slash & ~escaped;
        while (slash) { /* the first of a run escapes the next, which escapes nothing */
            uint64_t low = slash & (0 - slash);
            escaped |= low << 1;
            next = low >> 63; /* the escaped byte is the next block's first */
            slash &= ~(low | low << 1);
        }
        str = prefix_xor(b.quote & ~escaped) ^ in; /* bit set: in a string, its opening quote included */
        if (b.slash & ~str)
            break;
        open = b.open & ~str;
        close = b.close & ~str;
        closes = close ? bit_count(close) : 0;
        if (closes >= depth) { /* it may close here: bracket by bracket */
            for (uint64_t at = open | close; at; at &= at - 1) {
                unsigned k = (unsigned)__builtin_ctzll(at);
                if (open >> k & 1u) {
                    depth++;
                } else if (--depth == 0) {
                    sc->depth = 0;
                    sc->state = SC_CONTAINER;
                    sc->escape = 0;
                    *pos = i + k + 1;
                    return 1;
                }
            }
        } else if (open) {
            depth = depth + bit_count(open) - closes;
        } else {
            depth -= closes;
        }
        in = 0 - (str >> 63);
        carry = next;
        i += 64;
    }
    sc->depth = depth;
    sc->state = in ? SC_STRING : SC_CONTAINER;
    sc->escape = (unsigned char)carry;
    *pos = i;
    return 0;
}
#endif

/* The byte by byte scan of text[*pos..stop): 1 when the value ends (*pos
 * as hyoka__scan_value says), else 0 with *pos = stop. */
HYOKA_ALWAYS_INLINE static inline int scan_bytes(int way, struct hyoka__scan *sc, const char *text, size_t stop,
                                                 size_t *pos)
{
    size_t i = *pos;

    while (i < stop) {
        char c = text[i];
        switch (sc->state) {
        case SC_START:
            if (is_ws(c)) {
                i++;
            } else if (c == '{' || c == '[') {
                sc->state = SC_CONTAINER;
                sc->depth = 1;
                i++;
            } else if (c == '"') {
                sc->state = SC_STRING;
                i++;
            } else {
                sc->state = SC_LITERAL;
                i++;
            }
            break;
        case SC_STRING: {
            int done;
            i = string_end(way, sc, text, stop, i, &done);
            if (!done)
                break;
            if (sc->depth == 0) {
                *pos = i;
                return 1;
            }
            sc->state = SC_CONTAINER;
            break;
        }
        case SC_LITERAL:
            if (c == ',' || c == ']' || c == '}' || is_ws(c)) {
                *pos = i;
                return 1;
            }
            i++;
            break;
        default: /* SC_CONTAINER */
            if (c == '"') {
                sc->state = SC_STRING;
            } else if (c == '{' || c == '[') {
                sc->depth++;
            } else if (c == '}' || c == ']') {
                if (--sc->depth == 0) {
                    *pos = i + 1;
                    return 1;
                }
            }
            i++;
            break;
        }
    }
    *pos = stop;
    return 0;
}

HYOKA_ALWAYS_INLINE static inline int scan_value(int way, struct hyoka__scan *sc, const char *text, size_t len,
                                                 size_t *pos)
{
    size_t i = *pos;

    while (i < len) {
        size_t stop = len;
#if defined(SCAN_BLOCKS)
        if (way != HYOKA__SCAN_BYTES) {
            if (sc->depth > 0 && len - i >= 64 && scan_blocks(way, sc, text, len, &i)) {
                *pos = i;
                return 1;
            }
            if (len - i > 64) /* a block the masks cannot take, or the value's start: back to them after */
                stop = i + 64;
        }
#endif
        if (scan_bytes(way, sc, text, stop, &i)) {
            *pos = i;
            return 1;
        }
    }
    *pos = len;
    return 0;
}

HYOKA_ALWAYS_INLINE static inline int scan_header(int way, struct hyoka__scan *sc, const char *text, size_t len,
                                                  size_t *pos)
{
    size_t i = *pos;

    while (i < len) {
        char c = text[i];
        if (sc->state == SC_STRING) {
            int done;
            size_t e = string_end(way, sc, text, len, i, &done);
            if (!done) {
                i = len;
                break;
            }
            sc->state = SC_CONTAINER;
            if (sc->depth == 1)
                sc->key = e - sc->string_start == 10 && memcmp(text + sc->string_start, "\"projects\"", 10) == 0;
            i = e;
            continue;
        }
        if (sc->state == SC_START) {
            if (is_ws(c) || (i < 3 && (c == '\xEF' || c == '\xBB' || c == '\xBF'))) { /* a byte-order mark */
                i++;
                continue;
            }
            if (c != '{') {
                *pos = i;
                return 2;
            }
            sc->state = SC_CONTAINER;
            sc->depth = 1;
            i++;
            continue;
        }
        if (c == '"') {
            sc->state = SC_STRING;
            sc->string_start = i;
        } else if (c == '{' || c == '[') {
            if (c == '[' && sc->depth == 1 && sc->key) {
                *pos = i + 1;
                return 1;
            }
            sc->depth++;
        } else if (c == '}' || c == ']') {
            if (--sc->depth == 0) {
                *pos = i + 1;
                return 1;
            }
        } else if (c == ',' && sc->depth == 1) {
            sc->key = 0;
        }
        i++;
    }
    *pos = len;
    return 0;
}

int hyoka__scan_value(struct hyoka__scan *sc, const char *text, size_t len, size_t *pos)
{
    return scan_value(SCAN_FAST, sc, text, len, pos);
}

int hyoka__scan_header(struct hyoka__scan *sc, const char *text, size_t len, size_t *pos)
{
    return scan_header(SCAN_FAST, sc, text, len, pos);
}

int hyoka__scan_has(enum hyoka__scan_way way)
{
    switch (way) {
#if defined(JR_SSE2)
    case HYOKA__SCAN_SSE2:
        return 1;
#endif
#if defined(JR_SWAR)
    case HYOKA__SCAN_WORDS:
        return 1;
#endif
    case HYOKA__SCAN_BYTES:
        return 1;
    default:
        return 0;
    }
}

int hyoka__scan_value_by(enum hyoka__scan_way way, struct hyoka__scan *sc, const char *text, size_t len, size_t *pos)
{
#if defined(JR_SSE2)
    if (way == HYOKA__SCAN_SSE2)
        return scan_value(HYOKA__SCAN_SSE2, sc, text, len, pos);
#endif
#if defined(JR_SWAR)
    if (way == HYOKA__SCAN_WORDS)
        return scan_value(HYOKA__SCAN_WORDS, sc, text, len, pos);
#endif
    (void)way;
    return scan_value(HYOKA__SCAN_BYTES, sc, text, len, pos);
}

int hyoka__scan_header_by(enum hyoka__scan_way way, struct hyoka__scan *sc, const char *text, size_t len,
                          size_t *pos)
{
#if defined(JR_SSE2)
    if (way == HYOKA__SCAN_SSE2)
        return scan_header(HYOKA__SCAN_SSE2, sc, text, len, pos);
#endif
#if defined(JR_SWAR)
    if (way == HYOKA__SCAN_WORDS)
        return scan_header(HYOKA__SCAN_WORDS, sc, text, len, pos);
#endif
    (void)way;
    return scan_header(HYOKA__SCAN_BYTES, sc, text, len, pos);
}

const char *hyoka__scan_value_end(const char *p, const char *end)
{
    struct hyoka__scan sc = {0};
    size_t pos = 0;

    if (hyoka__scan_value(&sc, p, (size_t)(end - p), &pos) && sc.state != SC_LITERAL)
        return p + pos;
    return NULL;
}
