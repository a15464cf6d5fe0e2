/*
 * Fuzz target: the RS tables of the national review sheets (rs.h).
 *
 * Input: one control byte, then the tables separated by the byte 0xFF
 * (never part of valid UTF-8): the first chunk is table 0 (1-1), the
 * second table 1 (1-2), and so on in hyoka_rs_table order; chunks past the
 * last table are ignored. An empty chunk is an absent table (NULL), unless
 * bit 0 of the control byte is set (then it is a present, empty text).
 * Bit 1 makes max_field 64 bytes (the limits' paths).
 *
 * Properties:
 * - hyoka_rs_read_tables() returns OK (a portfolio, no error diagnostic)
 *   or EINVALID (no portfolio, at least one error diagnostic);
 * On success:
 * - every table writes and the written tables read back without error;
 * - when the read kept nothing as printed (no V011...V014: every cell went
 *   into the model), the tables read back to an equal portfolio and
 *   writing that again gives the same bytes. (Cells kept as printed are
 *   put back on the row of the same number, which is the row they came
 *   from only for tables of the published shape: tests/test_rs.c and the
 *   sample's cell-by-cell comparison check those);
 * - the portfolio survives a hyoka/1 JSON round trip equal, and its RS
 *   tables are the same bytes after it; it validates, and its metrics are
 *   well-formed JSON.
 */
#include "fuzz.h"

#include <hyoka/hyoka.h>

#include <stdio.h>
#include <string.h>

#define SEPARATOR 0xFF
#define NT HYOKA_RS_TABLE_COUNT

static hyoka_report *new_report(void)
{
    hyoka_report *r = NULL;
    if (hyoka_report_new(&r) != HYOKA_OK || !r)
        FUZZ_FAIL("hyoka_report_new failed");
    return r;
}

static void dump_report(const hyoka_report *rep)
{
    for (size_t i = 0; i < hyoka_report_count(rep); i++)
        fprintf(stderr, "==fuzz==   %s %s\n", hyoka_report_code(rep, i), hyoka_report_message(rep, i, HYOKA_LANG_EN));
}

/* Read tables and check the status contract. */
static int read_tables(const char *const texts[NT], const size_t lens[NT], const hyoka_rs_options *opt,
                       hyoka_portfolio **out, hyoka_report *rep)
{
    int rc = hyoka_rs_read_tables(texts, lens, opt, out, rep);
    size_t errors = hyoka_report_count_severity(rep, HYOKA_SEVERITY_ERROR);

    if (rc == HYOKA_OK) {
        if (!*out)
            FUZZ_FAIL("hyoka_rs_read_tables returned OK without a portfolio");
        if (errors) {
            dump_report(rep);
            FUZZ_FAIL("hyoka_rs_read_tables returned OK with %zu error diagnostics", errors);
        }
    } else if (rc == HYOKA_EINVALID) {
        if (*out)
            FUZZ_FAIL("hyoka_rs_read_tables returned EINVALID and a portfolio");
        if (!errors)
            FUZZ_FAIL("hyoka_rs_read_tables returned EINVALID without an error diagnostic");
    } else {
        FUZZ_FAIL("hyoka_rs_read_tables returned %s", hyoka_status_name(rc));
    }
    return rc;
}

static void write_all(const hyoka_portfolio *pf, char *out[NT], size_t lens[NT], const char *what)
{
    hyoka_rs_options opt;
    if (hyoka_rs_options_init(&opt) != HYOKA_OK)
        FUZZ_FAIL("hyoka_rs_options_init failed");
    opt.year = 2024; /* the year columns of 3-1 when the tables give none */
    for (int t = 0; t < NT; t++) {
        int rc = hyoka_rs_write_table(pf, t, &opt, &out[t], &lens[t], NULL);
        if (rc != HYOKA_OK || !out[t])
            FUZZ_FAIL("%s: writing table %s returned %s", what, hyoka_rs_table_name(t), hyoka_status_name(rc));
    }
}

static void free_all(char *out[NT])
{
    for (int t = 0; t < NT; t++)
        hyoka_free(out[t]);
}

static void same_tables(char *const a[NT], const size_t la[NT], char *const b[NT], const size_t lb[NT],
                        const char *what)
{
    for (int t = 0; t < NT; t++)
        if (la[t] != lb[t] || memcmp(a[t], b[t], la[t]) != 0) {
            fprintf(stderr, "==fuzz== first:\n%.*s\n==fuzz== second:\n%.*s\n", (int)(la[t] > 4000 ? 4000 : la[t]),
                    a[t], (int)(lb[t] > 4000 ? 4000 : lb[t]), b[t]);
            FUZZ_FAIL("%s: table %s differs", what, hyoka_rs_table_name(t));
        }
}

/* Whether the read kept a cell as printed (V011...V014). */
static int kept_cells(const hyoka_report *rep)
{
    for (size_t i = 0; i < hyoka_report_count(rep); i++) {
        const char *c = hyoka_report_code(rep, i);
        if (strcmp(c, "V011") >= 0 && strcmp(c, "V014") <= 0)
            return 1;
    }
    return 0;
}

static void rs_round_trip(const hyoka_portfolio *pf, int exact)
{
    char *w1[NT], *w2[NT];
    size_t l1[NT], l2[NT];
    const char *texts[NT];
    hyoka_report *rep = new_report();
    hyoka_portfolio *back = NULL;

    write_all(pf, w1, l1, "first write");
    for (int t = 0; t < NT; t++)
        texts[t] = w1[t];
    if (read_tables(texts, l1, NULL, &back, rep) != HYOKA_OK) {
        dump_report(rep);
        FUZZ_FAIL("RS tables written cannot be read back");
    }
    if (exact && !hyoka_portfolio_equal(pf, back))
        FUZZ_FAIL("the portfolio read back from its own RS tables is not equal to it");
    write_all(back, w2, l2, "second write");
    if (exact)
        same_tables(w1, l1, w2, l2, "written twice");
    free_all(w2);
    hyoka_portfolio_free(back);
    hyoka_report_free(rep);

    /* through hyoka/1 */
    {
        char *text = NULL, *m = NULL;
        size_t len = 0, mlen = 0;
        int rc = hyoka_json_write(pf, 0, &text, &len);
        if (rc != HYOKA_OK)
            FUZZ_FAIL("hyoka_json_write of a portfolio read from RS returned %s", hyoka_status_name(rc));
        rep = new_report();
        rc = hyoka_json_read(text, len, NULL, &back, rep);
        if (rc != HYOKA_OK || !hyoka_portfolio_equal(pf, back)) {
            fprintf(stderr, "==fuzz== JSON:\n%.*s\n", (int)(len > 8000 ? 8000 : len), text);
            dump_report(rep);
            FUZZ_FAIL("a portfolio read from RS does not come back equal through hyoka/1");
        }
        write_all(back, w2, l2, "after hyoka/1");
        same_tables(w1, l1, w2, l2, "after hyoka/1"); /* the same portfolio */
        free_all(w2);
        hyoka_report_free(rep);
        rep = new_report();
        if (hyoka_validate(back, rep) != HYOKA_OK)
            FUZZ_FAIL("hyoka_validate failed");
        rc = hyoka_metrics_write(back, rep, HYOKA_WRITE_COMPACT, HYOKA_LANG_JA, &m, &mlen);
        if (rc == HYOKA_OK)
            fuzz_check_json_text("metrics JSON", m, mlen);
        else if (rc != HYOKA_ERANGE)
            FUZZ_FAIL("hyoka_metrics_write returned %s", hyoka_status_name(rc));
        hyoka_free(m);
        hyoka_free(text);
        hyoka_portfolio_free(back);
        hyoka_report_free(rep);
    }
    free_all(w1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char empty[1] = {0};
    const char *texts[NT];
    size_t lens[NT];
    hyoka_rs_options opt;
    hyoka_report *rep;
    hyoka_portfolio *pf = NULL;
    size_t pos, start;
    int t;

    if (size < 1)
        return 0;
    for (t = 0; t < NT; t++) {
        texts[t] = NULL;
        lens[t] = 0;
    }
    t = 0;
    start = 1;
    for (pos = 1; pos <= size && t < NT; pos++) {
        if (pos == size || data[pos] == SEPARATOR) {
            size_t len = pos - start;
            if (len > 0)
                texts[t] = (const char *)data + start;
            else if (data[0] & 1u)
                texts[t] = empty;
            lens[t] = len;
            t++;
            start = pos + 1;
        }
    }
    if (hyoka_rs_options_init(&opt) != HYOKA_OK)
        FUZZ_FAIL("hyoka_rs_options_init failed");
    if (data[0] & 2u)
        opt.max_field = 64;
    rep = new_report();
    if (read_tables(texts, lens, &opt, &pf, rep) == HYOKA_OK) {
        rs_round_trip(pf, !kept_cells(rep));
        hyoka_portfolio_free(pf);
    }
    hyoka_report_free(rep);
    return 0;
}
