/*
 * The JSON files of a folder, for the internal tests of the scanners
 * (tests/internal/test_lex.c, test_scan.c): each *.json file read whole and
 * handed to a check. A file that cannot be read fails the test.
 */
#ifndef HYOKA_TEST_JSONFILES_H
#define HYOKA_TEST_JSONFILES_H

#include <stddef.h>

/* Call @p check with the text of every *.json file of @p dir (a heap
 * buffer the caller does not keep); returns how many, 0 when @p dir cannot
 * be opened. */
size_t jsonfiles_each(const char *dir, void (*check)(const char *text, size_t len));

#endif /* HYOKA_TEST_JSONFILES_H */
