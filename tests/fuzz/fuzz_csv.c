/*
 * Fuzz target: the CSV tables (csv.h).
 *
 * Input: one control byte, then the tables, separated by the byte 0xFF
 * (which is never part of valid UTF-8 or CP932 text): the first chunk is
 * table 0 (document), the second table 1 (denominators), and so on in
 * hyoka_csv_table order; chunks past the last table are ignored. An empty
 * chunk is an absent table (NULL), unless bit 2 of the control byte is
 * set (then it is a present, empty text).
 *
 * Control byte: bits 0-1 choose the encoding read (value % 3:
 * UTF-8 with BOM, UTF-8, CP932).
 *
 * Properties:
 * - hyoka_csv_read_tables() returns OK (a portfolio, no error diagnostic)
 *   or EINVALID (no portfolio, at least one error diagnostic);
 * On success:
 * - every table writes (UTF-8 with BOM), the written tables read back to
 *   an equal portfolio, and writing that again gives the same bytes;
 * - for CP932 input, the same holds in CP932 (what was read from CP932
 *   can be written in CP932);
 * - the portfolio also survives a hyoka/1 JSON round trip, validates, and
 *   its metrics are well-formed JSON.
 * And for the raw bytes after the control byte, the CP932 converters:
 * decode → encode → decode gives the decoded text again; encode → decode →
 * encode gives the encoded bytes again.
 */
#include "fuzz.h"

#include <hyoka/hyoka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEPARATOR 0xFF

static hyoka_report *new_report(void)
{
    hyoka_report *r = NULL;
    if (hyoka_report_new(&r) != HYOKA_OK || !r)
        FUZZ_FAIL("hyoka_report_new failed");
    return r;
}

static void dump_report(const hyoka_report *rep)
{
    size_t i;
    for (i = 0; i < hyoka_report_count(rep); i++)
        fprintf(stderr, "==fuzz==   %s %s %s\n", hyoka_report_code(rep, i), hyoka_report_path(rep, i),
                hyoka_report_message(rep, i, HYOKA_LANG_EN));
}

/* Read tables and check the status contract. */
static int read_tables(const char *const texts[HYOKA_CSV_TABLE_COUNT], const size_t lens[HYOKA_CSV_TABLE_COUNT],
                       const hyoka_csv_options *opt, hyoka_portfolio **out, hyoka_report *rep)
{
    size_t errors;
    int rc = hyoka_csv_read_tables(texts, lens, opt, out, rep);

    errors = hyoka_report_count_severity(rep, HYOKA_SEVERITY_ERROR);
    if (rc == HYOKA_OK) {
        if (!*out)
            FUZZ_FAIL("hyoka_csv_read_tables returned OK without a portfolio");
        if (errors) {
            dump_report(rep);
            FUZZ_FAIL("hyoka_csv_read_tables returned OK with %zu error diagnostics", errors);
        }
    } else if (rc == HYOKA_EINVALID) {
        if (*out)
            FUZZ_FAIL("hyoka_csv_read_tables returned EINVALID and a portfolio");
        if (!errors)
            FUZZ_FAIL("hyoka_csv_read_tables returned EINVALID without an error diagnostic");
    } else {
        FUZZ_FAIL("hyoka_csv_read_tables returned %s", hyoka_status_name(rc));
    }
    return rc;
}

/* Write every table of @p pf in @p encoding; all must succeed. */
static void write_all(const hyoka_portfolio *pf, int encoding, char *out[HYOKA_CSV_TABLE_COUNT],
                      size_t lens[HYOKA_CSV_TABLE_COUNT], const char *what)
{
    hyoka_csv_options opt;
    int t;

    if (hyoka_csv_options_init(&opt) != HYOKA_OK)
        FUZZ_FAIL("hyoka_csv_options_init failed");
    opt.encoding = encoding;
    for (t = 0; t < HYOKA_CSV_TABLE_COUNT; t++) {
        hyoka_report *rep = new_report();
        int rc;
        out[t] = NULL;
        lens[t] = 0;
        rc = hyoka_csv_write_table(pf, t, &opt, &out[t], &lens[t], rep);
        if (rc != HYOKA_OK || !out[t]) {
            dump_report(rep);
            FUZZ_FAIL("%s: writing table %s (encoding %d) returned %s", what, hyoka_csv_table_name(t), encoding,
                      hyoka_status_name(rc));
        }
        hyoka_report_free(rep);
    }
}

static void free_all(char *out[HYOKA_CSV_TABLE_COUNT])
{
    int t;
    for (t = 0; t < HYOKA_CSV_TABLE_COUNT; t++)
        hyoka_free(out[t]);
}

static void dump_tables(char *const out[HYOKA_CSV_TABLE_COUNT], const size_t lens[HYOKA_CSV_TABLE_COUNT])
{
    int t;
    for (t = 0; t < HYOKA_CSV_TABLE_COUNT; t++)
        fprintf(stderr, "==fuzz== %s.csv (%zu bytes):\n%.*s\n", hyoka_csv_table_name(t), lens[t],
                (int)(lens[t] > 2000 ? 2000 : lens[t]), out[t]);
}

/* Write @p pf in @p encoding, read it back, compare; write again, compare bytes. */
static void csv_round_trip(const hyoka_portfolio *pf, int encoding)
{
    char *w1[HYOKA_CSV_TABLE_COUNT], *w2[HYOKA_CSV_TABLE_COUNT];
    size_t l1[HYOKA_CSV_TABLE_COUNT], l2[HYOKA_CSV_TABLE_COUNT];
    const char *texts[HYOKA_CSV_TABLE_COUNT];
    hyoka_csv_options opt;
    hyoka_report *rep = new_report();
    hyoka_portfolio *back = NULL;
    int t, rc;

    write_all(pf, encoding, w1, l1, "first write");
    for (t = 0; t < HYOKA_CSV_TABLE_COUNT; t++)
        texts[t] = w1[t];
    if (hyoka_csv_options_init(&opt) != HYOKA_OK)
        FUZZ_FAIL("hyoka_csv_options_init failed");
    opt.encoding = encoding;
    rc = read_tables(texts, l1, &opt, &back, rep);
    if (rc != HYOKA_OK) {
        dump_tables(w1, l1);
        dump_report(rep);
        FUZZ_FAIL("tables written in encoding %d cannot be read back", encoding);
    }
    if (!hyoka_portfolio_equal(pf, back)) {
        dump_tables(w1, l1);
        FUZZ_FAIL("the portfolio read back from its own tables (encoding %d) is not equal to it", encoding);
    }
    write_all(back, encoding, w2, l2, "second write");
    for (t = 0; t < HYOKA_CSV_TABLE_COUNT; t++) {
        if (l1[t] != l2[t] || memcmp(w1[t], w2[t], l1[t]) != 0) {
            fprintf(stderr, "==fuzz== first:\n%.*s\n==fuzz== second:\n%.*s\n", (int)l1[t], w1[t], (int)l2[t],
                    w2[t]);
            FUZZ_FAIL("table %s written twice (encoding %d) differs", hyoka_csv_table_name(t), encoding);
        }
    }
    free_all(w1);
    free_all(w2);
    hyoka_portfolio_free(back);
    hyoka_report_free(rep);
}

static void json_round_trip(const hyoka_portfolio *pf)
{
    hyoka_report *rep = new_report();
    hyoka_portfolio *back = NULL;
    char *text = NULL, *m = NULL;
    size_t len = 0, mlen = 0;
    int rc;

    rc = hyoka_validate(pf, rep);
    if (rc != HYOKA_OK)
        FUZZ_FAIL("hyoka_validate returned %s", hyoka_status_name(rc));
    rc = hyoka_metrics_write(pf, rep, HYOKA_WRITE_COMPACT, HYOKA_LANG_JA, &m, &mlen);
    if (rc == HYOKA_OK)
        fuzz_check_json_text("metrics JSON", m, mlen);
    else
        FUZZ_FAIL("hyoka_metrics_write returned %s", hyoka_status_name(rc));
    hyoka_free(m);
    hyoka_report_free(rep);

    rc = hyoka_json_write(pf, 0, &text, &len);
    if (rc != HYOKA_OK)
        FUZZ_FAIL("hyoka_json_write of a portfolio read from CSV returned %s", hyoka_status_name(rc));
    rep = new_report();
    rc = hyoka_json_read(text, len, NULL, &back, rep);
    if (rc != HYOKA_OK) {
        fprintf(stderr, "==fuzz== JSON:\n%.*s\n", (int)(len > 8000 ? 8000 : len), text);
        dump_report(rep);
        FUZZ_FAIL("the JSON of a portfolio read from CSV cannot be read back: %s", hyoka_status_name(rc));
    }
    if (!hyoka_portfolio_equal(pf, back)) {
        fprintf(stderr, "==fuzz== JSON:\n%.*s\n", (int)(len > 8000 ? 8000 : len), text);
        FUZZ_FAIL("a portfolio read from CSV is not equal after a JSON round trip");
    }
    hyoka_portfolio_free(back);
    hyoka_report_free(rep);
    hyoka_free(text);
}

/* CP932 conversions of the raw bytes: decode → encode → decode gives the
 * same text; encode (of UTF-8) → decode gives the same bytes. */
static void cp932_round_trip(const char *bytes, size_t len)
{
    char *u = NULL, *c = NULL, *u2 = NULL;
    size_t ulen = 0, clen = 0, u2len = 0, bad = (size_t)-1;
    int rc;

    rc = hyoka_cp932_decode(bytes, len, &u, &ulen, &bad);
    if (rc == HYOKA_OK) {
        rc = hyoka_cp932_encode(u, ulen, &c, &clen, &bad);
        if (rc != HYOKA_OK)
            FUZZ_FAIL("text decoded from CP932 cannot be encoded back: %s at byte %zu", hyoka_status_name(rc), bad);
        rc = hyoka_cp932_decode(c, clen, &u2, &u2len, &bad);
        if (rc != HYOKA_OK || u2len != ulen || memcmp(u, u2, ulen) != 0)
            FUZZ_FAIL("CP932 decode(encode(decode(x))) differs from decode(x): %s", hyoka_status_name(rc));
        hyoka_free(c);
        hyoka_free(u2);
        c = u2 = NULL;
    } else if (rc != HYOKA_EENCODING) {
        FUZZ_FAIL("hyoka_cp932_decode returned %s", hyoka_status_name(rc));
    } else if (bad >= len) {
        FUZZ_FAIL("hyoka_cp932_decode: bad offset %zu of %zu", bad, len);
    }
    hyoka_free(u);

    bad = (size_t)-1;
    rc = hyoka_cp932_encode(bytes, len, &c, &clen, &bad);
    if (rc == HYOKA_OK) {
        rc = hyoka_cp932_decode(c, clen, &u2, &u2len, &bad);
        if (rc != HYOKA_OK)
            FUZZ_FAIL("CP932 encoded by hyoka cannot be decoded: %s at byte %zu", hyoka_status_name(rc), bad);
        /* Text that CP932 holds comes back as written, except where CP932
         * has one code for two characters (then encode picks the code and
         * decode gives its one character): compare again after one more
         * encode, which must give the same bytes. */
        {
            char *c2 = NULL;
            size_t c2len = 0;
            rc = hyoka_cp932_encode(u2, u2len, &c2, &c2len, &bad);
            if (rc != HYOKA_OK || c2len != clen || memcmp(c, c2, clen) != 0)
                FUZZ_FAIL("CP932 encode(decode(encode(x))) differs from encode(x): %s", hyoka_status_name(rc));
            hyoka_free(c2);
        }
        hyoka_free(c);
        hyoka_free(u2);
    } else if (rc != HYOKA_EENCODING) {
        FUZZ_FAIL("hyoka_cp932_encode returned %s", hyoka_status_name(rc));
    } else if (bad >= len) {
        FUZZ_FAIL("hyoka_cp932_encode: bad offset %zu of %zu", bad, len);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char empty[1] = {0};
    const char *texts[HYOKA_CSV_TABLE_COUNT];
    size_t lens[HYOKA_CSV_TABLE_COUNT];
    hyoka_csv_options opt;
    hyoka_report *rep;
    hyoka_portfolio *pf = NULL;
    unsigned ctrl;
    size_t pos, start;
    int t, encoding, keep_empty;

    if (size < 1)
        return 0;
    cp932_round_trip((const char *)data + 1, size - 1);
    ctrl = data[0];
    encoding = (int)((ctrl & 3u) % 3u);
    keep_empty = (ctrl & 4u) != 0;

    for (t = 0; t < HYOKA_CSV_TABLE_COUNT; t++) {
        texts[t] = NULL;
        lens[t] = 0;
    }
    t = 0;
    start = 1;
    for (pos = 1; pos <= size && t < HYOKA_CSV_TABLE_COUNT; pos++) {
        if (pos == size || data[pos] == SEPARATOR) {
            size_t len = pos - start;
            if (len > 0)
                texts[t] = (const char *)data + start;
            else if (keep_empty)
                texts[t] = empty;
            lens[t] = len;
            t++;
            start = pos + 1;
        }
    }

    if (hyoka_csv_options_init(&opt) != HYOKA_OK)
        FUZZ_FAIL("hyoka_csv_options_init failed");
    opt.encoding = encoding;
    rep = new_report();
    if (read_tables(texts, lens, &opt, &pf, rep) == HYOKA_OK) {
        csv_round_trip(pf, HYOKA_ENCODING_UTF8_BOM);
        if (encoding == HYOKA_ENCODING_CP932)
            csv_round_trip(pf, HYOKA_ENCODING_CP932);
        json_round_trip(pf);
        hyoka_portfolio_free(pf);
    }
    hyoka_report_free(rep);
    return 0;
}
