/* json_scan: a structural scanner of JSON text (scan.h). Brackets are
 * counted outside strings; a string ends at a quote not escaped by a
 * backslash. Nothing is validated: a broken text ends the scan somewhere,
 * or nowhere, and the parser reports what is wrong when it reads it. */
#include "scan.h"

#include <string.h>

enum { SC_START, SC_CONTAINER, SC_STRING, SC_LITERAL };

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The end of a string whose content continues at text[i]: the index after
 * its closing quote with *done = 1, or len with *done = 0 (the escape
 * state kept for the next call). */
static size_t string_end(struct hyoka__scan *sc, const char *text, size_t len, size_t i, int *done)
{
    for (; i < len; i++) {
        char c = text[i];
        if (sc->escape)
            sc->escape = 0;
        else if (c == '\\')
            sc->escape = 1;
        else if (c == '"') {
            *done = 1;
            return i + 1;
        }
    }
    *done = 0;
    return len;
}

int hyoka__scan_value(struct hyoka__scan *sc, const char *text, size_t len, size_t *pos)
{
    size_t i = *pos;

    while (i < len) {
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
            i = string_end(sc, text, len, i, &done);
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
    *pos = len;
    return 0;
}

int hyoka__scan_header(struct hyoka__scan *sc, const char *text, size_t len, size_t *pos)
{
    size_t i = *pos;

    while (i < len) {
        char c = text[i];
        if (sc->state == SC_STRING) {
            int done;
            size_t e = string_end(sc, text, len, i, &done);
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

const char *hyoka__scan_value_end(const char *p, const char *end)
{
    struct hyoka__scan sc = {0};
    size_t pos = 0;

    if (hyoka__scan_value(&sc, p, (size_t)(end - p), &pos) && sc.state != SC_LITERAL)
        return p + pos;
    return NULL;
}
