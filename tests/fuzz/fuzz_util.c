/* Helpers shared by the fuzz targets (see fuzz.h). */
#include "fuzz.h"

#include <hyoka/hyoka.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fuzz_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "\n==fuzz== %s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n==fuzz== hyoka_error_last: %s (%s)\n", hyoka_error_last(),
            hyoka_status_name(hyoka_error_last_code()));
    fflush(stderr);
    abort();
}

void fuzz_check_json_text(const char *what, const char *text, size_t len)
{
    hyoka_report *report = NULL;
    hyoka_portfolio *pf = NULL;
    size_t i, n;
    int rc;

    if (hyoka_report_new(&report) != HYOKA_OK)
        FUZZ_FAIL("hyoka_report_new failed");
    rc = hyoka_json_read(text, len, NULL, &pf, report);
    if (rc != HYOKA_OK && rc != HYOKA_EINVALID)
        FUZZ_FAIL("%s: reading it back returned %s", what, hyoka_status_name(rc));
    n = hyoka_report_count(report);
    for (i = 0; i < n; i++) {
        const char *code = hyoka_report_code(report, i);
        if (!code)
            FUZZ_FAIL("%s: diagnostic %zu has no code", what, i);
        if (!strcmp(code, "J001") || !strcmp(code, "J002") || !strcmp(code, "J003")) {
            const char *msg = hyoka_report_message(report, i, HYOKA_LANG_EN);
            int64_t l = 0, c = 0;
            hyoka_report_position(report, i, &l, &c);
            fprintf(stderr, "==fuzz== %s (%zu bytes):\n%.*s\n", what, len, (int)(len > 4000 ? 4000 : len), text);
            FUZZ_FAIL("%s is not well-formed JSON: %s at %lld:%lld: %s", what, code, (long long)l, (long long)c,
                      msg ? msg : "(no message)");
        }
    }
    hyoka_portfolio_free(pf);
    hyoka_report_free(report);
}
