/* Tests of error.h: status names, strerror and the thread-local last error. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <pthread.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

static void test_status_values_are_stable(void **state)
{
    (void)state;
    assert_int_equal(HYOKA_OK, 0);
    assert_int_equal(HYOKA_EINVAL, -1);
    assert_int_equal(HYOKA_ENOMEM, -2);
    assert_int_equal(HYOKA_ERANGE, -3);
    assert_int_equal(HYOKA_EENCODING, -4);
    assert_int_equal(HYOKA_ESYNTAX, -5);
    assert_int_equal(HYOKA_ENOTFOUND, -6);
    assert_int_equal(HYOKA_EEXIST, -7);
    assert_int_equal(HYOKA_EDIVZERO, -8);
    assert_int_equal(HYOKA_EIO, -9);
    assert_int_equal(HYOKA_ELIMIT, -10);
    assert_int_equal(HYOKA_EUNAVAILABLE, -11);
    assert_int_equal(HYOKA_ESTATE, -12);
    assert_int_equal(HYOKA_EINVALID, -13);
}

static void test_every_code_has_a_distinct_name(void **state)
{
    int n = hyoka_enum_count(HYOKA_ENUM_STATUS);
    (void)state;
    assert_true(n >= 14);
    for (int i = 0; i < n; i++) {
        const char *name = hyoka_status_name(-i);
        const char *text = hyoka_strerror(-i);
        assert_non_null(name);
        assert_non_null(text);
        assert_int_equal(strncmp(name, "HYOKA_", 6), 0);
        assert_string_not_equal(text, "unknown error");
        for (int j = 0; j < i; j++) {
            assert_string_not_equal(name, hyoka_status_name(-j));
            assert_string_not_equal(text, hyoka_strerror(-j));
        }
    }
    assert_string_equal(hyoka_status_name(HYOKA_ERANGE), "HYOKA_ERANGE");
}

static void test_unknown_codes(void **state)
{
    int n = hyoka_enum_count(HYOKA_ENUM_STATUS);
    (void)state;
    assert_string_equal(hyoka_strerror(1), "unknown error");
    assert_string_equal(hyoka_strerror(-n), "unknown error");
    assert_string_equal(hyoka_strerror(-1000), "unknown error");
    assert_string_equal(hyoka_status_name(42), "HYOKA_UNKNOWN");
}

static void test_last_error_never_null_and_set_by_failures(void **state)
{
    hyoka_decimal d;
    (void)state;
    hyoka_error_clear();
    assert_non_null(hyoka_error_last());
    assert_string_equal(hyoka_error_last(), "");
    assert_int_equal(hyoka_error_last_code(), HYOKA_OK);

    assert_int_equal(hyoka_decimal_parse("12x", HYOKA_NTS, &d), HYOKA_ESYNTAX);
    assert_int_equal(hyoka_error_last_code(), HYOKA_ESYNTAX);
    assert_true(strlen(hyoka_error_last()) > 0);

    /* A success leaves the message as it was. */
    assert_int_equal(hyoka_decimal_parse("12", HYOKA_NTS, &d), HYOKA_OK);
    assert_int_equal(hyoka_error_last_code(), HYOKA_ESYNTAX);

    hyoka_error_clear();
    assert_string_equal(hyoka_error_last(), "");
}

static void *thread_body(void *arg)
{
    int32_t fy;
    (void)arg;
    /* A failure on this thread must not show on the main thread. */
    hyoka_error_clear();
    if (hyoka_fiscal_year_parse("not a year", HYOKA_NTS, &fy, NULL) != HYOKA_ESYNTAX)
        return (void *)1;
    if (hyoka_error_last_code() != HYOKA_ESYNTAX || hyoka_error_last()[0] == '\0')
        return (void *)2;
    return NULL;
}

static void test_last_error_is_thread_local(void **state)
{
    pthread_t th;
    void *ret = (void *)99;
    (void)state;
    hyoka_error_clear();
    assert_int_equal(pthread_create(&th, NULL, thread_body, NULL), 0);
    assert_int_equal(pthread_join(th, &ret), 0);
    assert_null(ret);
    assert_int_equal(hyoka_error_last_code(), HYOKA_OK);
    assert_string_equal(hyoka_error_last(), "");
}

static void test_long_messages_are_cut_on_a_character_boundary(void **state)
{
    char text[2000];
    hyoka_decimal d;
    const char *msg;
    size_t n;
    (void)state;
    /* 'あ' is three bytes; a long invalid number ends up quoted in the message. */
    for (size_t i = 0; i + 3 < sizeof text; i += 3)
        memcpy(text + i, "\xe3\x81\x82", 3);
    text[1995] = '\0';
    assert_int_not_equal(hyoka_decimal_parse(text, HYOKA_NTS, &d), HYOKA_OK);
    msg = hyoka_error_last();
    n = strlen(msg);
    assert_true(n > 0 && n < 512);
    /* The message must not end in the middle of a multi-byte sequence. */
    {
        size_t i = n;
        size_t cont = 0;
        while (i > 0 && ((unsigned char)msg[i - 1] & 0xC0u) == 0x80u) {
            i--;
            cont++;
        }
        if (i > 0 && (unsigned char)msg[i - 1] >= 0xC0u) {
            unsigned char lead = (unsigned char)msg[i - 1];
            size_t need = lead >= 0xF0u ? 3 : lead >= 0xE0u ? 2 : 1;
            assert_int_equal(cont, need);
        }
    }
}

/* A call that must fail with @p code and the message @p message. */
#define EXPECT_MESSAGE(code, message, call)                              \
    do {                                                                 \
        hyoka_error_clear();                                             \
        assert_int_equal((call), (code));                                \
        assert_int_equal(hyoka_error_last_code(), (code));               \
        assert_string_equal(hyoka_error_last(), (message));              \
    } while (0)

/* Failed argument checks name the function and the argument, and name an
 * enumeration value by its document name; only a number outside its
 * enumeration is given as a number, with the enumeration's C name and
 * range. */
static void test_argument_messages(void **state)
{
    hyoka_project *p = NULL;
    hyoka_portfolio *pf = NULL;
    hyoka_costs *c = NULL;
    hyoka_staff *s = NULL;
    hyoka_decimal d = hyoka_decimal_from_int(1);
    int64_t sum = 0;
    int figures = hyoka_enum_count(HYOKA_ENUM_FIGURE);
    char buf[8], want[160];
    (void)state;

    assert_int_equal(hyoka_project_new(&p), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_new(&pf), HYOKA_OK);
    assert_int_equal(hyoka_project_add_year(p, 2020, &c), HYOKA_OK);
    assert_int_equal(hyoka_costs_add_staff(c, HYOKA_CATEGORY_REGULAR, &s), HYOKA_OK);

    /* NULL handles and out-parameters */
    EXPECT_MESSAGE(HYOKA_EINVAL, "hyoka_project_new: out is NULL", hyoka_project_new(NULL));
    EXPECT_MESSAGE(HYOKA_EINVAL, "hyoka_project_set_name: project is NULL",
                   hyoka_project_set_name(NULL, "x", HYOKA_NTS));
    EXPECT_MESSAGE(HYOKA_EINVAL, "hyoka_costs_figure: out is NULL",
                   hyoka_costs_figure(c, HYOKA_FIG_TOTAL_COST, NULL, NULL));
    EXPECT_MESSAGE(HYOKA_EINVAL, "hyoka_decimal_add: b is NULL", hyoka_decimal_add(&d, NULL, &d));
    EXPECT_MESSAGE(HYOKA_EINVAL, "hyoka_yen_sum: values is NULL but count is 3", hyoka_yen_sum(NULL, 3, &sum));

    /* a value of the enumeration that the function does not take: by name */
    EXPECT_MESSAGE(HYOKA_EINVAL,
                   "hyoka_staff_set_amount: staff field \"fte\" is not a money field (unit_cost, hourly_rate, amount)",
                   hyoka_staff_set_amount(s, HYOKA_STAFF_FTE, 1000));
    EXPECT_MESSAGE(HYOKA_EINVAL,
                   "hyoka_staff_set_decimal: staff field \"amount\" is not a decimal field (headcount, fte, hours)",
                   hyoka_staff_set_decimal(s, HYOKA_STAFF_AMOUNT, &d));
    EXPECT_MESSAGE(HYOKA_EINVAL,
                   "hyoka_costs_set_stated: figure \"achievement\" is not one a cost year states "
                   "(expense..total_cost_change)",
                   hyoka_costs_set_stated(c, HYOKA_FIG_ACHIEVEMENT, &d, HYOKA_UNIT_YEN));
    EXPECT_MESSAGE(HYOKA_EINVAL,
                   "hyoka_portfolio_set_denominator: cost field \"usage\" is not a denominator "
                   "(population or households)",
                   hyoka_portfolio_set_denominator(pf, 2020, HYOKA_COST_USAGE, 10));
    EXPECT_MESSAGE(HYOKA_EINVAL,
                   "hyoka_portfolio_set_rounding: figure \"total_cost\" is not a per-head figure, so it cannot be "
                   "shown in thousand_yen",
                   hyoka_portfolio_set_rounding(pf, HYOKA_FIG_TOTAL_COST, 0, HYOKA_ROUND_HALF_UP,
                                                HYOKA_UNIT_THOUSAND_YEN));

    /* a number outside its enumeration: the number, the type and the range */
    snprintf(want, sizeof want, "hyoka_portfolio_set_rounding: figure 99 is not a hyoka_figure (0..%d)", figures - 1);
    EXPECT_MESSAGE(HYOKA_EINVAL, want, hyoka_portfolio_set_rounding(pf, 99, 0, HYOKA_ROUND_HALF_UP, HYOKA_UNIT_YEN));
    EXPECT_MESSAGE(HYOKA_EINVAL,
                   "hyoka_staff_set_amount: field 99 is not a hyoka_staff_field "
                   "(0..5: headcount, fte, hours, unit_cost, hourly_rate, amount)",
                   hyoka_staff_set_amount(s, 99, 1000));
    EXPECT_MESSAGE(HYOKA_EINVAL,
                   "hyoka_project_set_duty: duty 7 is not a hyoka_duty (0..1: autonomous, statutory_entrusted) "
                   "or HYOKA_UNSET",
                   hyoka_project_set_duty(p, 7));
    EXPECT_MESSAGE(HYOKA_EINVAL,
                   "hyoka_decimal_round: mode 6 is not a hyoka_rounding "
                   "(0..5: half_up, down, up, half_even, floor, ceiling)",
                   hyoka_decimal_round(&d, 0, 6, &d));
    EXPECT_MESSAGE(HYOKA_EINVAL, "hyoka_limit: which 99 is not a hyoka_limit_id (0..4)", (int)hyoka_limit(99));
    hyoka_error_clear();
    assert_null(hyoka_enum_name(HYOKA_ENUM_FIGURE, figures));
    snprintf(want, sizeof want, "hyoka_enum_name: value %d is not a hyoka_figure (0..%d)", figures, figures - 1);
    assert_string_equal(hyoka_error_last(), want);
    assert_null(hyoka_era_letter(HYOKA_ERA_NONE));
    assert_string_equal(hyoka_error_last(), "hyoka_era_letter: era 0 (HYOKA_ERA_NONE) has no letter");

    /* fiscal years, indexes, buffers */
    EXPECT_MESSAGE(HYOKA_ERANGE, "hyoka_project_add_year: fiscal_year 1867 is outside 1868..9999",
                   hyoka_project_add_year(p, 1867, NULL));
    EXPECT_MESSAGE(HYOKA_ENOTFOUND, "hyoka_project_remove_indicator: index 0 is out of range (0 indicators)",
                   hyoka_project_remove_indicator(p, 0));
    EXPECT_MESSAGE(HYOKA_EINVAL, "hyoka_decimal_format: buf is NULL but size is 8",
                   hyoka_decimal_format(&d, 0, NULL, sizeof buf, NULL));

    hyoka_project_free(p);
    hyoka_portfolio_free(pf);
}

/* Figures, fields and severities in the checks of roll-ups, rankings,
 * reports and rules: a value of the enumeration by its document name, a
 * number outside it by its number and the enumeration's C name. */
static void test_enumeration_values_named(void **state)
{
    hyoka_portfolio *pf = NULL;
    hyoka_rollup *ru = NULL;
    hyoka_ranking *rk = NULL;
    hyoka_report *report = NULL;
    hyoka_rules *rules = NULL;
    int64_t total = 0;
    (void)state;

    assert_int_equal(hyoka_portfolio_new(&pf), HYOKA_OK);
    assert_int_equal(hyoka_rollup_new(&ru, pf, HYOKA_GROUP_FISCAL_YEAR, 0, 0), HYOKA_OK);
    assert_int_equal(hyoka_report_new(&report), HYOKA_OK);
    assert_int_equal(hyoka_rules_new(&rules), HYOKA_OK);

    EXPECT_MESSAGE(HYOKA_EINVAL,
                   "hyoka_rollup_total: figure \"per_capita\" is not a money figure (expense..specific_revenue)",
                   hyoka_rollup_total(ru, 0, HYOKA_FIG_PER_CAPITA, &total));
    EXPECT_MESSAGE(HYOKA_EINVAL,
                   "hyoka_ranking_new: figure \"achievement\" is not a cost-year figure "
                   "(expense..total_cost_change) or score",
                   hyoka_ranking_new(&rk, pf, HYOKA_FIG_ACHIEVEMENT, 2020, 1));
    assert_null(rk);
    EXPECT_MESSAGE(HYOKA_EINVAL,
                   "hyoka_report_add: severity 3 is not a hyoka_severity (0..2: error, warning, info)",
                   hyoka_report_add(report, "X001", 3, "", "message", NULL));
    assert_int_equal(hyoka_report_count(report), 0);
    EXPECT_MESSAGE(HYOKA_EINVAL,
                   "hyoka_rules_set_min_severity: severity -1 is not a hyoka_severity (0..2: error, warning, info)",
                   hyoka_rules_set_min_severity(rules, -1));
    EXPECT_MESSAGE(HYOKA_EINVAL, "hyoka_rules_set_min_severity: rules is NULL",
                   hyoka_rules_set_min_severity(NULL, HYOKA_SEVERITY_INFO));

    hyoka_rules_free(rules);
    hyoka_report_free(report);
    hyoka_rollup_free(ru);
    hyoka_portfolio_free(pf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_status_values_are_stable),
        cmocka_unit_test(test_every_code_has_a_distinct_name),
        cmocka_unit_test(test_unknown_codes),
        cmocka_unit_test(test_enumeration_values_named),
        cmocka_unit_test(test_last_error_never_null_and_set_by_failures),
        cmocka_unit_test(test_last_error_is_thread_local),
        cmocka_unit_test(test_long_messages_are_cut_on_a_character_boundary),
        cmocka_unit_test(test_argument_messages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
