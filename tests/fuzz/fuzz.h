/*
 * Shared declarations of the fuzz targets (tests/fuzz/).
 *
 * Each target file defines LLVMFuzzerTestOneInput(). It is linked either
 * with libFuzzer (clang, -Dfuzz=true: the fuzz-<target> programs) or with
 * replay.c (every build: the fuzz-replay-<target> tests, which run the seed
 * corpus and every regression input through the same code).
 *
 * A target returns 0 for every input. A property that does not hold (a
 * round trip that changes the data, a status the header does not allow)
 * is a bug in the library: the target reports it on stderr and calls
 * abort(), which libFuzzer records as a crash.
 */
#ifndef HYOKA_FUZZ_H
#define HYOKA_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Report a broken property and abort(). Never returns. */
#if defined(__GNUC__)
__attribute__((noreturn, format(printf, 3, 4)))
#endif
void fuzz_fail(const char *file, int line, const char *fmt, ...);

/*
 * Check that @p text (output of one of hyoka's JSON writers) is well-formed
 * JSON: it is read back with hyoka_json_read(), and any syntax, encoding
 * or duplicate-key diagnostic (J001, J002, J003) is a failure. Shape
 * diagnostics (S...) are expected: the text need not be a hyoka/1 document.
 */
void fuzz_check_json_text(const char *what, const char *text, size_t len);

#define FUZZ_FAIL(...) fuzz_fail(__FILE__, __LINE__, __VA_ARGS__)

/* Check a property; on failure report the expression and abort(). */
#define FUZZ_CHECK(cond)                                                  \
    do {                                                                  \
        if (!(cond))                                                      \
            fuzz_fail(__FILE__, __LINE__, "property failed: %s", #cond);  \
    } while (0)

#endif
