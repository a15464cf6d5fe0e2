/* A structural scanner of JSON text (scan.c): where a value ends, found by
 * bracket depth outside strings, without validating anything (the parser
 * of read.c does that when it reads the value). For streams (stream.c):
 * the extent of the next project in a window, the end of a projects array
 * to read the members after it. Resumable: the state carries over from one
 * call to the next as the text grows. Inside a container the text is taken
 * 64 bytes at a time, as bit masks of its quotes, backslashes and brackets
 * (made with SSE2, or eight bytes at a time in 64-bit words); the byte by
 * byte scan takes the rest, and is the reference that
 * tests/internal/test_scan.c compares the others with. Not installed. */
#ifndef HYOKA_JSON_SCAN_H
#define HYOKA_JSON_SCAN_H

#include <stddef.h>

struct hyoka__scan {
    size_t depth;          /* open brackets */
    unsigned char state;   /* where the scan is (scan.c) */
    unsigned char escape;  /* after a backslash in a string */
    unsigned char key;     /* header: the last string at depth 1 was "projects" */
    size_t string_start;   /* header: offset of the string being scanned */
};

/* Scan text[*pos..len) for the end of the value that starts at the first
 * non-whitespace byte of the first call: 1 when found (*pos just after a
 * container or string, at the byte that ends a literal or number), 0 when
 * the text ends first (*pos = len; call again with more). */
int hyoka__scan_value(struct hyoka__scan *sc, const char *text, size_t len, size_t *pos);

/* Scan a document's text[*pos..len) for the '[' of the root object's
 * "projects" member: 1 when found (*pos just after it) or when the root
 * object closes first; 2 when the text is not an object; 0 when the text
 * ends first (call again with more). */
int hyoka__scan_header(struct hyoka__scan *sc, const char *text, size_t len, size_t *pos);

/* The end of the value starting at @p p (at its first byte): just after it,
 * or NULL when @p end comes first. */
const char *hyoka__scan_value_end(const char *p, const char *end);

/* How the scanner reads: byte by byte (every machine), 64-byte blocks
 * classified eight bytes at a time in 64-bit words (little-endian machines
 * with a GNU C compiler), or sixteen at a time with SSE2 (every x86-64
 * unless built with meson option json_simd=false). The functions above use
 * the last one compiled in. */
enum hyoka__scan_way { HYOKA__SCAN_BYTES, HYOKA__SCAN_WORDS, HYOKA__SCAN_SSE2 };

/* For tests: whether @p way is compiled in, and the scans done that way
 * (the byte by byte one when it is not). */
int hyoka__scan_has(enum hyoka__scan_way way);
int hyoka__scan_value_by(enum hyoka__scan_way way, struct hyoka__scan *sc, const char *text, size_t len, size_t *pos);
int hyoka__scan_header_by(enum hyoka__scan_way way, struct hyoka__scan *sc, const char *text, size_t len,
                          size_t *pos);

#endif /* HYOKA_JSON_SCAN_H */
