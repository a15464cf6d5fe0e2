/* Test support: the repository's sample documents and generated ones.
 *
 * docs_each() runs a function on every hyoka/1 JSON document the source
 * tree holds (examples/sheets/, tests/data/json/ and its conformance
 * suite, whatever each reads to), found through $HYOKA_SOURCE_ROOT.
 * docs_generate() builds a portfolio of random projects through the public
 * API, with every kind of gap (missing amounts, denominators and targets,
 * zeros) and amounts large enough to overflow 64-bit yen. */
#ifndef HYOKA_TESTS_DOCS_H
#define HYOKA_TESTS_DOCS_H

#include <stddef.h>

#include <hyoka/hyoka.h>

/** A document: its path, its bytes (NUL-terminated) and length. */
typedef void (*docs_fn)(const char *path, const char *text, size_t len, void *user);

/** The whole file at @p path (NUL-terminated, free()), or NULL. */
char *docs_read_all(const char *path, size_t *len);

/** Run @p fn on every sample document; returns how many (0 without
 * $HYOKA_SOURCE_ROOT). */
size_t docs_each(docs_fn fn, void *user);

/** Run @p fn on every .json file of the folder @p dir (which must exist);
 * returns how many. */
size_t docs_each_in(const char *dir, docs_fn fn, void *user);

/** The entries of the folder @p dir but "." and ".."; -1 when it cannot
 * be opened. */
int docs_count_entries(const char *dir);

/** Remove @p path: a file, or a folder and all it holds (links are
 * removed, never followed). */
void docs_remove_tree(const char *path);

/** A portfolio of @p projects random projects from @p seed (the same seed
 * gives the same portfolio), owned by the caller. Fails the test on an
 * unexpected status. */
hyoka_portfolio *docs_generate(unsigned seed, size_t projects);

#endif /* HYOKA_TESTS_DOCS_H */
