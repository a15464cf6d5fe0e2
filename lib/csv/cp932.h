/* Private interface of the CP932 codec (cp932.c) for the CSV module. */
#ifndef HYOKA_CP932_INTERNAL_H
#define HYOKA_CP932_INTERNAL_H

#include "internal.h"

/* The CP932 code of a code point: 0..0xFF for a single byte, 0x8140.. for a
 * pair; -1 when CP932 cannot hold it exactly (no round trip). */
int32_t hyoka__cp932_code(uint32_t cp);

/* Decode one character of CP932 at s[*pos] (advances *pos); -1 when the
 * bytes there are not CP932 (*pos unchanged). */
int32_t hyoka__cp932_next(const unsigned char *s, size_t len, size_t *pos);

/* Whether valid UTF-8 text can be written in CP932. On failure *bad gets the
 * byte offset of the first character that cannot, *cp that character.
 * Records no error. */
bool hyoka__cp932_can_encode(const char *utf8, size_t len, size_t *bad, uint32_t *cp);

#endif
