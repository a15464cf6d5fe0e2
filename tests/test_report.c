/* Tests of reports (report.h): the counts that stay exact whatever a
 * report keeps, the limit that keeps errors before warnings before notes,
 * the tally by code, and the rules that select and ignore diagnostics by
 * code, prefix and severity, set through the functions or read from a
 * rules file. Public API only. */
#if !defined(_POSIX_C_SOURCE) || _POSIX_C_SOURCE < 200809L
#  undef _POSIX_C_SOURCE
#  define _POSIX_C_SOURCE 200809L /* mkstemp */
#endif

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

#define NTS HYOKA_NTS
#define E HYOKA_SEVERITY_ERROR
#define W HYOKA_SEVERITY_WARNING
#define I HYOKA_SEVERITY_INFO
#define OK(call)                                                                        \
    do {                                                                                \
        int rc_ = (call);                                                               \
        if (rc_ != HYOKA_OK)                                                            \
            fail_msg("%s: %s (%s)", #call, hyoka_status_name(rc_), hyoka_error_last()); \
    } while (0)

static hyoka_report *new_report(void)
{
    hyoka_report *r = NULL;
    OK(hyoka_report_new(&r));
    return r;
}

static void add(hyoka_report *r, const char *code, int severity)
{
    OK(hyoka_report_add(r, code, severity, "", code, NULL));
}

/* The codes kept, in order, joined by spaces. */
static const char *kept(const hyoka_report *r)
{
    static char buf[512];
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < hyoka_report_count(r) && o + 20 < sizeof buf; i++)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", i ? " " : "", hyoka_report_code(r, i));
    return buf;
}

/* A growing text. */
struct text {
    char *s;
    size_t n, cap;
};

__attribute__((format(printf, 2, 3)))
static void put(struct text *t, const char *fmt, ...)
{
    va_list ap;
    int k;
    for (;;) {
        va_start(ap, fmt);
        k = vsnprintf(t->s + t->n, t->cap - t->n, fmt, ap);
        va_end(ap);
        assert_true(k >= 0);
        if ((size_t)k < t->cap - t->n)
            break;
        t->cap = (t->cap + (size_t)k + 1) * 2;
        t->s = realloc(t->s, t->cap);
        assert_non_null(t->s);
    }
    t->n += (size_t)k;
}

/* ------------------------------------------------------------------------ */
/* Counts and the limit                                                      */

/* A real city's ledger: a long run of I002 warnings, then its one funding
 * inconsistency. With the default limit of 1,000 the error is still kept,
 * and the counts say how many there were. */
static void test_ledger_error_after_warnings(void **state)
{
    struct text t = {NULL, 0, 0};
    hyoka_portfolio *pf = NULL;
    hyoka_report *r = new_report();
    const char *code = NULL;
    int severity = -1;
    size_t count = 0;
    (void)state;

    put(&t, "{\"format\": \"hyoka/1\", \"projects\": [{\"code\": \"A\", \"name\": \"a\", \"indicators\": [");
    for (int i = 0; i < 1500; i++)
        put(&t, "%s{\"kind\": \"outcome\", \"name\": \"i%d\", \"unit\": \"件\", \"values\": "
                "[{\"fiscal_year\": 2020, \"actual\": %d}]}", i ? ", " : "", i, i);
    put(&t, "]}, {\"code\": \"B\", \"name\": \"b\", \"years\": [{\"fiscal_year\": 2020, \"settlement\": 1000, "
            "\"funding\": {\"general\": 900}}], \"indicators\": [{\"kind\": \"outcome\", \"name\": \"o\", \"unit\": "
            "\"%%\", \"values\": [{\"fiscal_year\": 2020, \"target\": 50, \"actual\": 40}]}]}]}");
    OK(hyoka_json_read(t.s, t.n, NULL, &pf, r));
    OK(hyoka_validate(pf, r));

    assert_int_equal(hyoka_report_limit(r), 1000);
    assert_int_equal(hyoka_report_count(r), 1000);
    assert_int_equal(hyoka_report_total(r), 1501);
    assert_int_equal(hyoka_report_dropped(r), 501);
    assert_int_equal(hyoka_report_ignored(r), 0);
    assert_int_equal(hyoka_report_total_severity(r, E), 1);
    assert_int_equal(hyoka_report_total_severity(r, W), 1500);
    assert_int_equal(hyoka_report_total_severity(r, I), 0);
    assert_int_equal(hyoka_report_total_severity(r, 7), 0);
    /* The error is kept, last, as it came; 999 warnings before it. */
    assert_int_equal(hyoka_report_count_severity(r, E), 1);
    assert_int_equal(hyoka_report_count_severity(r, W), 999);
    assert_string_equal(hyoka_report_code(r, 999), "C001");
    assert_string_equal(hyoka_report_path(r, 999), "/projects/1/years/0/funding");
    assert_string_equal(hyoka_report_path(r, 998), "/projects/0/indicators/998/values/0");
    /* The tally: codes in order, each with its severity and count. */
    assert_int_equal(hyoka_report_tally_count(r), 2);
    OK(hyoka_report_tally(r, 0, &code, &severity, &count));
    assert_string_equal(code, "C001");
    assert_int_equal(severity, E);
    assert_int_equal(count, 1);
    OK(hyoka_report_tally(r, 1, &code, &severity, &count));
    assert_string_equal(code, "I002");
    assert_int_equal(severity, W);
    assert_int_equal(count, 1500);
    assert_int_equal(hyoka_report_tally(r, 2, &code, &severity, &count), HYOKA_ENOTFOUND);
    OK(hyoka_report_tally(r, 1, NULL, NULL, NULL));

    hyoka_portfolio_free(pf);
    hyoka_report_free(r);
    free(t.s);
}

/* A reading error after 1,500 warnings: the read fails, and its error is
 * kept and counted although the limit was reached long before. */
static void test_reading_error_after_warnings(void **state)
{
    struct text t = {NULL, 0, 0};
    hyoka_portfolio *pf = NULL;
    hyoka_report *r = new_report();
    (void)state;

    put(&t, "{\"format\": \"hyoka/1\", \"denominators\": [");
    for (int i = 0; i < 1500; i++) /* 平成32年度 onwards: past the era's end, Y001 */
        put(&t, "%s{\"fiscal_year\": \"平成%d年度\", \"population\": 1}", i ? ", " : "", 32 + i);
    put(&t, "], \"projects\": [{\"code\": \"A\", \"name\": \"a\", \"duty\": \"bogus\"}]}");
    assert_int_equal(hyoka_json_read(t.s, t.n, NULL, &pf, r), HYOKA_EINVALID);
    assert_null(pf);
    assert_int_equal(hyoka_report_total(r), 1501);
    assert_int_equal(hyoka_report_total_severity(r, E), 1);
    assert_int_equal(hyoka_report_total_severity(r, W), 1500);
    assert_int_equal(hyoka_report_count(r), 1000);
    assert_int_equal(hyoka_report_dropped(r), 501);
    assert_string_equal(hyoka_report_code(r, 999), "S004");
    assert_string_equal(hyoka_report_path(r, 999), "/projects/0/duty");
    assert_non_null(strstr(hyoka_report_message(r, 999, HYOKA_LANG_EN), "\"bogus\" is not one of"));
    assert_string_equal(hyoka_report_code(r, 0), "Y001");
    hyoka_report_free(r);
    free(t.s);
}

/* A new diagnostic more severe than the least severe kept takes the place
 * of the last of those; the kept ones stay in the order given. */
static void test_priority(void **state)
{
    hyoka_report *r = new_report();
    (void)state;

    OK(hyoka_report_set_limit(r, 3));
    add(r, "A", I);
    add(r, "B", W);
    add(r, "C", I);
    assert_string_equal(kept(r), "A B C");
    add(r, "D", E); /* the last info (C) makes room */
    assert_string_equal(kept(r), "A B D");
    add(r, "F", I); /* not more severe than an info: dropped */
    assert_string_equal(kept(r), "A B D");
    add(r, "G", W); /* the only info left (A) makes room */
    assert_string_equal(kept(r), "B D G");
    add(r, "H", E); /* the last warning (G) makes room */
    assert_string_equal(kept(r), "B D H");
    add(r, "J", E); /* then the other warning */
    assert_string_equal(kept(r), "D H J");
    add(r, "K", E); /* full of errors: dropped */
    assert_string_equal(kept(r), "D H J");
    assert_int_equal(hyoka_report_total(r), 9);
    assert_int_equal(hyoka_report_dropped(r), 6);
    assert_int_equal(hyoka_report_total_severity(r, E), 4);
    assert_int_equal(hyoka_report_total_severity(r, W), 2);
    assert_int_equal(hyoka_report_total_severity(r, I), 3);
    assert_int_equal(hyoka_report_count_severity(r, E), 3);
    assert_int_equal(hyoka_report_count_severity(r, W), 0);
    /* Positions and messages follow their diagnostic. */
    assert_string_equal(hyoka_report_message(r, 1, HYOKA_LANG_EN), "H");
    assert_int_equal(hyoka_report_severity(r, 0), E);
    hyoka_report_free(r);
}

static void test_set_limit(void **state)
{
    hyoka_report *r = new_report();
    (void)state;

    assert_int_equal(hyoka_report_limit(r), 0);
    add(r, "A", E);
    add(r, "B", I);
    add(r, "C", W);
    add(r, "D", I);
    add(r, "E", W);
    /* Lowering the limit drops the least severe, latest first. */
    OK(hyoka_report_set_limit(r, 3));
    assert_string_equal(kept(r), "A C E");
    assert_int_equal(hyoka_report_limit(r), 3);
    OK(hyoka_report_set_limit(r, 1));
    assert_string_equal(kept(r), "A");
    assert_int_equal(hyoka_report_total(r), 5);
    assert_int_equal(hyoka_report_dropped(r), 4);
    /* No limit: everything from now on is kept. */
    OK(hyoka_report_set_limit(r, 0));
    add(r, "F", I);
    add(r, "G", I);
    assert_string_equal(kept(r), "A F G");
    assert_int_equal(hyoka_report_set_limit(NULL, 1), HYOKA_EINVAL);
    assert_int_equal(hyoka_report_total(NULL), 0);
    assert_int_equal(hyoka_report_dropped(NULL), 0);
    assert_int_equal(hyoka_report_ignored(NULL), 0);
    assert_int_equal(hyoka_report_limit(NULL), 0);
    assert_int_equal(hyoka_report_tally_count(NULL), 0);
    assert_int_equal(hyoka_report_total_severity(NULL, E), 0);
    assert_int_equal(hyoka_report_tally(NULL, 0, NULL, NULL, NULL), HYOKA_EINVAL);
    hyoka_report_free(r);
}

/* The tally: by code in byte order, then severity; exact whatever is kept. */
static void test_tally(void **state)
{
    hyoka_report *r = new_report();
    static const struct {
        const char *code;
        int severity;
        size_t count;
    } want[] = {{"C001", E, 2}, {"C001", W, 1}, {"I002", W, 3}, {"X9", I, 1}, {"a1", E, 1}};
    (void)state;

    OK(hyoka_report_set_limit(r, 2));
    add(r, "I002", W);
    add(r, "C001", E);
    add(r, "I002", W);
    add(r, "X9", I);
    add(r, "C001", W);
    add(r, "a1", E);
    add(r, "I002", W);
    add(r, "C001", E);
    assert_int_equal(hyoka_report_tally_count(r), 5);
    for (size_t i = 0; i < 5; i++) {
        const char *code;
        int severity;
        size_t count;
        OK(hyoka_report_tally(r, i, &code, &severity, &count));
        assert_string_equal(code, want[i].code);
        assert_int_equal(severity, want[i].severity);
        assert_int_equal(count, want[i].count);
    }
    assert_int_equal(hyoka_report_total(r), 8);
    assert_string_equal(kept(r), "C001 a1");
    hyoka_report_free(r);
}

/* ------------------------------------------------------------------------ */
/* Rules                                                                     */

static hyoka_rules *new_rules(void)
{
    hyoka_rules *rules = NULL;
    OK(hyoka_rules_new(&rules));
    return rules;
}

static void test_rules_patterns(void **state)
{
    hyoka_rules *rules = new_rules();
    (void)state;

    /* No rules: everything. */
    assert_int_equal(hyoka_rules_allows(rules, "I002", W), 1);
    assert_int_equal(hyoka_rules_allows(NULL, "I002", W), 1);
    assert_int_equal(hyoka_rules_allows(rules, NULL, W), 0);
    /* Ignore a code, a prefix. */
    OK(hyoka_rules_ignore(rules, "I002"));
    OK(hyoka_rules_ignore(rules, "C00"));
    assert_int_equal(hyoka_rules_allows(rules, "I002", W), 0);
    assert_int_equal(hyoka_rules_allows(rules, "I001", W), 1);
    assert_int_equal(hyoka_rules_allows(rules, "C001", E), 0);
    assert_int_equal(hyoka_rules_allows(rules, "C010", E), 1);
    /* Select: only what is selected, the most specific pattern deciding. */
    OK(hyoka_rules_select(rules, "I"));
    assert_int_equal(hyoka_rules_allows(rules, "I001", W), 1);
    assert_int_equal(hyoka_rules_allows(rules, "I002", W), 0);
    assert_int_equal(hyoka_rules_allows(rules, "E001", E), 0);
    assert_int_equal(hyoka_rules_allows(rules, "C010", E), 0);
    OK(hyoka_rules_select(rules, "I0021")); /* longer than the code: never matches */
    assert_int_equal(hyoka_rules_allows(rules, "I002", W), 0);
    hyoka_rules_free(rules);

    rules = new_rules();
    OK(hyoka_rules_ignore(rules, "I"));
    OK(hyoka_rules_select(rules, "I002"));
    assert_int_equal(hyoka_rules_allows(rules, "I002", W), 1);
    assert_int_equal(hyoka_rules_allows(rules, "I001", W), 0);
    assert_int_equal(hyoka_rules_allows(rules, "P001", E), 0); /* something is selected */
    /* The same pattern selected and ignored: ignored. */
    OK(hyoka_rules_ignore(rules, "I002"));
    assert_int_equal(hyoka_rules_allows(rules, "I002", W), 0);
    hyoka_rules_free(rules);

    /* Minimum severity. */
    rules = new_rules();
    OK(hyoka_rules_set_min_severity(rules, W));
    assert_int_equal(hyoka_rules_allows(rules, "C007", I), 0);
    assert_int_equal(hyoka_rules_allows(rules, "C006", W), 1);
    assert_int_equal(hyoka_rules_allows(rules, "C001", E), 1);
    OK(hyoka_rules_set_min_severity(rules, E));
    assert_int_equal(hyoka_rules_allows(rules, "C006", W), 0);
    assert_int_equal(hyoka_rules_set_min_severity(rules, 3), HYOKA_EINVAL);
    assert_int_equal(hyoka_rules_set_min_severity(rules, -1), HYOKA_EINVAL);
    /* Patterns are 1 to 15 letters or digits. */
    assert_int_equal(hyoka_rules_select(rules, ""), HYOKA_EINVAL);
    assert_int_equal(hyoka_rules_select(rules, "I-2"), HYOKA_EINVAL);
    assert_int_equal(hyoka_rules_ignore(rules, "ABCDEFGHIJKLMNOP"), HYOKA_EINVAL);
    assert_int_equal(hyoka_rules_ignore(rules, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_rules_select(NULL, "I"), HYOKA_EINVAL);
    assert_int_equal(hyoka_rules_set_min_severity(NULL, E), HYOKA_EINVAL);
    assert_int_equal(hyoka_rules_new(NULL), HYOKA_EINVAL);
    hyoka_rules_free(rules);
    hyoka_rules_free(NULL);
}

/* A report with rules counts what they exclude as ignored, nowhere else. */
static void test_report_rules(void **state)
{
    hyoka_report *r = new_report();
    hyoka_rules *rules = new_rules();
    (void)state;

    OK(hyoka_rules_ignore(rules, "I002"));
    OK(hyoka_rules_set_min_severity(rules, W));
    OK(hyoka_report_set_rules(r, rules));
    hyoka_rules_free(rules); /* the report has its own copy */
    add(r, "I002", W);
    add(r, "I001", W);
    add(r, "C007", I);
    add(r, "C001", E);
    add(r, "I002", W);
    assert_string_equal(kept(r), "I001 C001");
    assert_int_equal(hyoka_report_total(r), 2);
    assert_int_equal(hyoka_report_ignored(r), 3);
    assert_int_equal(hyoka_report_dropped(r), 0);
    assert_int_equal(hyoka_report_tally_count(r), 2);
    /* No rules again. */
    OK(hyoka_report_set_rules(r, NULL));
    add(r, "I002", W);
    assert_string_equal(kept(r), "I001 C001 I002");
    assert_int_equal(hyoka_report_set_rules(NULL, NULL), HYOKA_EINVAL);
    hyoka_report_free(r);
}

/* Rules cannot hide what makes a read fail: ignoring every S and J code
 * still leaves the read failing with its error; its warnings are ignored. */
static void test_rules_keep_reading_errors(void **state)
{
    static const char doc[] = "{\"format\": \"hyoka/1\", \"denominators\": [{\"fiscal_year\": \"平成32年度\"}], "
                              "\"projects\": [{\"code\": \"A\", \"name\": \"a\", \"period\": \"forever\"}]}";
    hyoka_report *r = new_report();
    hyoka_rules *rules = new_rules();
    hyoka_portfolio *pf = NULL;
    (void)state;

    OK(hyoka_rules_ignore(rules, "S"));
    OK(hyoka_rules_ignore(rules, "J"));
    OK(hyoka_rules_ignore(rules, "Y"));
    OK(hyoka_report_set_rules(r, rules));
    assert_int_equal(hyoka_json_read(doc, NTS, NULL, &pf, r), HYOKA_EINVALID);
    assert_null(pf);
    assert_string_equal(kept(r), "S004");
    assert_int_equal(hyoka_report_total_severity(r, E), 1);
    assert_int_equal(hyoka_report_ignored(r), 1); /* the Y001 warning */
    /* A code of one's own is not a reading code: rules apply. */
    OK(hyoka_rules_ignore(rules, "X"));
    OK(hyoka_report_set_rules(r, rules));
    add(r, "X1", E);
    assert_int_equal(hyoka_report_ignored(r), 2);
    hyoka_rules_free(rules);
    hyoka_report_free(r);
}

/* Appending a report: every kept diagnostic with its line, column, path
 * and messages, counted by the rules and limit of the report appended to;
 * the report appended is unchanged. */
static void test_append(void **state)
{
    static const char doc[] = "{\"format\": \"hyoka/1\",\n \"projects\": [{\"code\": \"A\", \"name\": \"a\",\n"
                              "  \"period\": \"forever\", \"duty\": \"sometimes\"}]}";
    hyoka_report *from = new_report(), *to = new_report();
    hyoka_rules *rules = new_rules();
    hyoka_portfolio *pf = NULL;
    int64_t line = 0, col = 0;
    size_t n;
    (void)state;

    hyoka_json_read(doc, NTS, NULL, &pf, from);
    hyoka_portfolio_free(pf);
    n = hyoka_report_count(from);
    assert_true(n >= 2);
    add(to, "X1", HYOKA_SEVERITY_WARNING);
    OK(hyoka_report_append(to, from));
    assert_int_equal(hyoka_report_count(from), n);
    assert_int_equal(hyoka_report_count(to), n + 1);
    for (size_t i = 0; i < n; i++) {
        int64_t l2 = 0, c2 = 0;
        assert_string_equal(hyoka_report_code(to, i + 1), hyoka_report_code(from, i));
        assert_int_equal(hyoka_report_severity(to, i + 1), hyoka_report_severity(from, i));
        assert_string_equal(hyoka_report_path(to, i + 1), hyoka_report_path(from, i));
        assert_string_equal(hyoka_report_message(to, i + 1, HYOKA_LANG_JA), hyoka_report_message(from, i, HYOKA_LANG_JA));
        assert_string_equal(hyoka_report_message(to, i + 1, HYOKA_LANG_EN), hyoka_report_message(from, i, HYOKA_LANG_EN));
        hyoka_report_position(from, i, &line, &col);
        hyoka_report_position(to, i + 1, &l2, &c2);
        assert_true(line >= 2);
        assert_int_equal(l2, line);
        assert_int_equal(c2, col);
    }
    assert_int_equal(hyoka_report_total(to), n + 1);
    /* The rules and the limit of the report appended to apply (a reading
     * error is always kept; codes of one's own follow the rules). */
    hyoka_report_free(to);
    to = new_report();
    add(from, "X1", HYOKA_SEVERITY_WARNING);
    add(from, "X2", HYOKA_SEVERITY_INFO);
    OK(hyoka_rules_ignore(rules, "X2"));
    OK(hyoka_report_set_rules(to, rules));
    OK(hyoka_report_set_limit(to, n));
    OK(hyoka_report_append(to, from));
    assert_int_equal(hyoka_report_count(to), n);
    assert_int_equal(hyoka_report_ignored(to), 1);
    assert_int_equal(hyoka_report_total(to), n + 1);
    assert_int_equal(hyoka_report_dropped(to), 1);
    assert_int_equal(hyoka_report_total_severity(to, HYOKA_SEVERITY_WARNING), 1);
    /* Misuse. */
    assert_int_equal(hyoka_report_append(to, to), HYOKA_EINVAL);
    assert_int_equal(hyoka_report_append(NULL, from), HYOKA_EINVAL);
    assert_int_equal(hyoka_report_append(to, NULL), HYOKA_EINVAL);
    hyoka_rules_free(rules);
    hyoka_report_free(from);
    hyoka_report_free(to);
}

/* A rules file: key = value lines, # comments; every bad line is R001 with
 * its line and column, the good ones are applied. */
static void test_rules_parse(void **state)
{
    static const char good[] = "\xEF\xBB\xBF# rules of 所沢市\n"
                               "\n"
                               "select = C, P , I001   # costs and projects\r\n"
                               "ignore=C007\n"
                               "  min-severity = warning\n";
    static const char bad[] = "select = I002\n"
                              "this is not a rule\n"
                              "colour = blue\n"
                              "ignore = C00-1, E\n"
                              "min-severity = fatal\n"
                              "ignore = \xFF\n";
    hyoka_rules *rules = new_rules();
    hyoka_report *r = new_report();
    int64_t line = 0, column = 0;
    (void)state;

    OK(hyoka_rules_parse(rules, good, NTS, r));
    assert_int_equal(hyoka_report_total(r), 0);
    assert_int_equal(hyoka_rules_allows(rules, "C001", E), 1);
    assert_int_equal(hyoka_rules_allows(rules, "C007", I), 0);
    assert_int_equal(hyoka_rules_allows(rules, "C006", W), 1);
    assert_int_equal(hyoka_rules_allows(rules, "I001", W), 1);
    assert_int_equal(hyoka_rules_allows(rules, "I002", W), 0);
    assert_int_equal(hyoka_rules_allows(rules, "E001", E), 0);
    hyoka_rules_free(rules);

    rules = new_rules();
    assert_int_equal(hyoka_rules_parse(rules, bad, sizeof bad - 1, r), HYOKA_EINVALID);
    assert_int_equal(hyoka_report_count(r), 5);
    for (size_t i = 0; i < 5; i++) {
        assert_string_equal(hyoka_report_code(r, i), "R001");
        assert_int_equal(hyoka_report_severity(r, i), E);
        assert_string_equal(hyoka_report_path(r, i), "");
    }
    OK(hyoka_report_position(r, 0, &line, &column));
    assert_int_equal(line, 2);
    assert_int_equal(column, 1);
    assert_non_null(strstr(hyoka_report_message(r, 0, HYOKA_LANG_EN), "key = value"));
    OK(hyoka_report_position(r, 1, &line, &column));
    assert_int_equal(line, 3);
    assert_int_equal(column, 1);
    assert_non_null(strstr(hyoka_report_message(r, 1, HYOKA_LANG_EN), "unknown key \"colour\""));
    assert_non_null(strstr(hyoka_report_message(r, 1, HYOKA_LANG_JA), "未知のキー「colour」"));
    OK(hyoka_report_position(r, 2, &line, &column));
    assert_int_equal(line, 4);
    assert_int_equal(column, 10);
    assert_non_null(strstr(hyoka_report_message(r, 2, HYOKA_LANG_EN), "\"C00-1\" is not a code"));
    OK(hyoka_report_position(r, 3, &line, &column));
    assert_int_equal(line, 5);
    assert_int_equal(column, 16);
    assert_non_null(strstr(hyoka_report_message(r, 3, HYOKA_LANG_EN), "\"fatal\" is not a severity"));
    OK(hyoka_report_position(r, 4, &line, &column));
    assert_int_equal(line, 6);
    assert_non_null(strstr(hyoka_report_message(r, 4, HYOKA_LANG_EN), "not UTF-8"));
    /* The good lines and parts were applied. */
    assert_int_equal(hyoka_rules_allows(rules, "I002", W), 1);
    assert_int_equal(hyoka_rules_allows(rules, "E001", E), 0);
    assert_int_equal(hyoka_rules_allows(rules, "C001", E), 0);
    /* No report: still refused. */
    assert_int_equal(hyoka_rules_parse(rules, bad, sizeof bad - 1, NULL), HYOKA_EINVALID);
    assert_int_equal(hyoka_rules_parse(NULL, good, NTS, NULL), HYOKA_EINVAL);
    assert_int_equal(hyoka_rules_parse(rules, NULL, 0, NULL), HYOKA_EINVAL);
    /* A rules file's problems are reading errors: no rule hides them. */
    {
        hyoka_report *r2 = new_report();
        hyoka_rules *all = new_rules();
        OK(hyoka_rules_ignore(all, "R"));
        OK(hyoka_report_set_rules(r2, all));
        assert_int_equal(hyoka_rules_parse(rules, "nonsense\n", NTS, r2), HYOKA_EINVALID);
        assert_int_equal(hyoka_report_count(r2), 1);
        hyoka_rules_free(all);
        hyoka_report_free(r2);
    }
    hyoka_rules_free(rules);
    hyoka_report_free(r);
}

static void test_rules_read_file(void **state)
{
    char path[] = "/tmp/hyoka-rules-XXXXXX";
    hyoka_rules *rules = new_rules();
    hyoka_report *r = new_report();
    int fd = mkstemp(path);
    (void)state;

    assert_true(fd >= 0);
    assert_int_equal(write(fd, "ignore = I002\nmin-severity = error\n", 35), 35);
    close(fd);
    OK(hyoka_rules_read_file(rules, path, r));
    assert_int_equal(hyoka_rules_allows(rules, "C001", E), 1);
    assert_int_equal(hyoka_rules_allows(rules, "C006", W), 0);
    unlink(path);
    assert_int_equal(hyoka_rules_read_file(rules, path, r), HYOKA_EIO);
    assert_non_null(strstr(hyoka_error_last(), path));
    assert_int_equal(hyoka_rules_read_file(NULL, path, r), HYOKA_EINVAL);
    assert_int_equal(hyoka_report_total(r), 0);
    hyoka_rules_free(rules);
    hyoka_report_free(r);
}

/* The catalog: the codes this version added. */
/* Text of a document quoted in a message cannot start a line or reach a
 * terminal raw: its control characters (C0, DEL, C1) are escaped as
 * \uXXXX when the diagnostic is stored; the path stays exact. */
static void test_control_characters_escaped(void **state)
{
    static const char doc[] =
        "{\"format\":\"hyoka/1\",\"projects\":[{\"code\":\"A\",\"name\":\"a\",\"evaluations\":[{\"stage\":"
        "\"primary\",\"fiscal_year\":2022,\"verdict\":\"x\\n x.json:1:1: error P001: forged\\u001b[31m\\u0085\\u007f\","
        "\"scores\":{\"q\\n\":\"1\"}}]}]}";
    hyoka_portfolio *pf = NULL;
    hyoka_report *r = NULL;
    int seen = 0;
    (void)state;

    assert_int_equal(hyoka_report_new(&r), HYOKA_OK);
    assert_int_equal(hyoka_json_read(doc, sizeof doc - 1, NULL, &pf, r), HYOKA_OK);
    assert_int_equal(hyoka_validate(pf, r), HYOKA_OK);
    for (size_t i = 0; i < hyoka_report_count(r); i++) {
        for (int lang = HYOKA_LANG_EN; lang <= HYOKA_LANG_JA; lang++) {
            const unsigned char *m = (const unsigned char *)hyoka_report_message(r, i, lang);
            for (const unsigned char *p = m; *p; p++) {
                assert_false(*p < 0x20 || *p == 0x7F);
                assert_false(p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F); /* C1 */
            }
        }
        if (strcmp(hyoka_report_code(r, i), "E001") != 0)
            continue;
        if (strstr(hyoka_report_path(r, i), "/verdict")) {
            assert_non_null(strstr(hyoka_report_message(r, i, HYOKA_LANG_EN),
                                   "\"x\\u000a x.json:1:1: error P001: forged\\u001b[31m\\u0085\\u007f\""));
            seen++;
        } else {
            assert_string_equal(hyoka_report_path(r, i), "/projects/0/evaluations/0/scores/q\n");
            assert_non_null(strstr(hyoka_report_message(r, i, HYOKA_LANG_JA), "q\\u000a"));
            seen++;
        }
    }
    assert_int_equal(seen, 2);
    /* What a caller adds is escaped the same way. */
    assert_int_equal(hyoka_report_add(r, "X1", HYOKA_SEVERITY_INFO, NULL, "a\rb\x1b", "\xc2\x9b"), HYOKA_OK);
    assert_string_equal(hyoka_report_message(r, hyoka_report_count(r) - 1, HYOKA_LANG_EN), "a\\u000db\\u001b");
    assert_string_equal(hyoka_report_message(r, hyoka_report_count(r) - 1, HYOKA_LANG_JA), "\\u009b");
    hyoka_portfolio_free(pf);
    hyoka_report_free(r);
}

static void test_codes(void **state)
{
    (void)state;
    assert_int_equal(hyoka_code_severity("C009"), E);
    assert_int_equal(hyoka_code_severity("V009"), E);
    assert_int_equal(hyoka_code_severity("R001"), E);
    assert_string_equal(hyoka_code_title("C009", HYOKA_LANG_EN), "amount beyond 64-bit yen");
    assert_string_equal(hyoka_code_title("R001", HYOKA_LANG_JA), "規則ファイルの行が不正");
    assert_non_null(hyoka_code_title("V009", HYOKA_LANG_EN));
    assert_int_equal(hyoka_code_severity("Z999"), HYOKA_ENOTFOUND);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ledger_error_after_warnings),
        cmocka_unit_test(test_reading_error_after_warnings),
        cmocka_unit_test(test_priority),
        cmocka_unit_test(test_set_limit),
        cmocka_unit_test(test_tally),
        cmocka_unit_test(test_rules_patterns),
        cmocka_unit_test(test_report_rules),
        cmocka_unit_test(test_rules_keep_reading_errors),
        cmocka_unit_test(test_append),
        cmocka_unit_test(test_rules_parse),
        cmocka_unit_test(test_rules_read_file),
        cmocka_unit_test(test_control_characters_escaped),
        cmocka_unit_test(test_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
