/* A structural scanner of JSON text (scan.c): where a value ends, found by
 * bracket depth outside strings, without validating anything (the parser
 * of read.c does that when it reads the value). For streams (stream.c):
 * the extent of the next project in a window, the end of a projects array
 * to read the members after it. Resumable: the state carries over from one
 * call to the next as the text grows. Not installed. */
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

#endif /* HYOKA_JSON_SCAN_H */
