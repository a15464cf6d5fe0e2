/* Tests of record.h and of the 1.1 additions to projects and indicators:
 * the schema, every kind and field type, missing / not applicable / 0,
 * checks of values, child records, copy and equality, extensions, the
 * figures of records on the numbers of the national review sheets' open
 * data (review year 2024: projects 11, 884 and 3522), achievement with the
 * RS rounding, the hyoka/1 form and its round trip, and allocation
 * failures. Public API only. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

#include "failalloc.h"

#define NTS HYOKA_NTS
#define OK(call) assert_int_equal((call), HYOKA_OK)
#define KINDS (HYOKA_RECORD_REFLECTION + 1)
#define FIELDS (HYOKA_FIELD_RESPONSE + 1)
#define TYPES (HYOKA_TYPE_FISCAL_YEAR + 1)

#define EXPECT_FAIL(code, call)                            \
    do {                                                   \
        hyoka_error_clear();                               \
        assert_int_equal((call), (code));                  \
        assert_int_equal(hyoka_error_last_code(), (code)); \
        assert_true(strlen(hyoka_error_last()) > 0);       \
    } while (0)

/* The last error names both words (a field and a kind...). */
static void assert_error_names(const char *a, const char *b)
{
    assert_non_null(strstr(hyoka_error_last(), a));
    if (b)
        assert_non_null(strstr(hyoka_error_last(), b));
}

static hyoka_decimal D(const char *text)
{
    hyoka_decimal d;
    OK(hyoka_decimal_parse(text, NTS, &d));
    return d;
}

static void assert_decimal(const hyoka_decimal *d, const char *text)
{
    char buf[HYOKA_DECIMAL_STRING_MAX];
    OK(hyoka_decimal_format(d, 0, buf, sizeof buf, NULL));
    assert_string_equal(buf, text);
}

static const char *kind_name(int kind)
{
    return hyoka_enum_name(HYOKA_ENUM_RECORD_KIND, kind);
}

static const char *field_name(int field)
{
    return hyoka_enum_name(HYOKA_ENUM_RECORD_FIELD, field);
}

static hyoka_project *new_project(void)
{
    hyoka_project *p = NULL;
    OK(hyoka_project_new(&p));
    return p;
}

/* A record of @p kind in @p p, under new parents as the schema needs. */
static hyoka_record *record_of(hyoka_project *p, int kind)
{
    hyoka_record *parent = NULL, *r = NULL;
    int up = HYOKA_UNSET;

    OK(hyoka_record_kind_parent(kind, &up));
    if (up == HYOKA_UNSET) {
        OK(hyoka_project_add_record(p, kind, &r));
        return r;
    }
    parent = record_of(p, up);
    OK(hyoka_record_add_child(parent, kind, &r));
    return r;
}

/* ------------------------------------------------------------------------ */
/* The schema                                                                */

static void test_schema(void **state)
{
    int parent = 77, total = 0;
    (void)state;

    assert_int_equal(hyoka_enum_count(HYOKA_ENUM_RECORD_KIND), KINDS);
    assert_int_equal(hyoka_enum_count(HYOKA_ENUM_RECORD_FIELD), FIELDS);
    assert_string_equal(kind_name(HYOKA_RECORD_BUDGET), "budgets");
    assert_string_equal(kind_name(HYOKA_RECORD_MULTIYEAR_CONTRACT), "multiyear_contracts");
    assert_string_equal(field_name(HYOKA_FIELD_APPROPRIATION), "appropriation");
    assert_string_equal(field_name(HYOKA_FIELD_CORPORATE_NUMBER), "corporate_number");
    assert_string_equal(hyoka_enum_name(HYOKA_ENUM_FIELD_TYPE, HYOKA_TYPE_MONEY), "money");
    assert_string_equal(hyoka_enum_name(HYOKA_ENUM_FIELD_STATE, HYOKA_STATE_NOT_APPLICABLE), "not_applicable");

    /* types as the sheets need them */
    assert_int_equal(hyoka_record_field_type(HYOKA_RECORD_BUDGET, HYOKA_FIELD_BUDGET_YEAR), HYOKA_TYPE_FISCAL_YEAR);
    assert_int_equal(hyoka_record_field_type(HYOKA_RECORD_BUDGET, HYOKA_FIELD_APPROPRIATION), HYOKA_TYPE_MONEY);
    assert_int_equal(hyoka_record_field_type(HYOKA_RECORD_BUDGET, HYOKA_FIELD_STATED_EXECUTION_RATE),
                     HYOKA_TYPE_DECIMAL);
    assert_int_equal(hyoka_record_field_type(HYOKA_RECORD_CONTRACT, HYOKA_FIELD_BIDDERS), HYOKA_TYPE_INTEGER);
    assert_int_equal(hyoka_record_field_type(HYOKA_RECORD_CONTRACT, HYOKA_FIELD_WINNING_BID_RATIO),
                     HYOKA_TYPE_DECIMAL);
    assert_int_equal(hyoka_record_field_type(HYOKA_RECORD_RECIPIENT, HYOKA_FIELD_OTHER), HYOKA_TYPE_FLAG);
    assert_int_equal(hyoka_record_field_type(HYOKA_RECORD_RECIPIENT, HYOKA_FIELD_CORPORATE_NUMBER),
                     HYOKA_TYPE_TEXT);
    assert_int_equal(hyoka_record_field_type(HYOKA_RECORD_REFLECTION, HYOKA_FIELD_AMOUNT), HYOKA_TYPE_MONEY);
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_record_field_type(HYOKA_RECORD_CONTRACT, HYOKA_FIELD_APPROPRIATION));
    assert_error_names("appropriation", "contracts");
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_field_type(KINDS, HYOKA_FIELD_AMOUNT));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_field_type(-1, HYOKA_FIELD_AMOUNT));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_field_type(HYOKA_RECORD_BUDGET, FIELDS));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_field_type(HYOKA_RECORD_BUDGET, -1));

    /* every kind has fields; every field belongs to some kind */
    for (int f = 0; f < FIELDS; f++) {
        int kinds = 0;
        for (int k = 0; k < KINDS; k++)
            kinds += hyoka_record_field_type(k, f) >= 0;
        assert_true(kinds > 0);
        total += kinds;
    }
    for (int k = 0; k < KINDS; k++) {
        int fields = 0;
        for (int f = 0; f < FIELDS; f++)
            fields += hyoka_record_field_type(k, f) >= 0;
        assert_true(fields > 0);
    }
    assert_true(total > FIELDS); /* names shared between kinds (amount, name...) */

    /* where kinds hang */
    OK(hyoka_record_kind_parent(HYOKA_RECORD_BUDGET, &parent));
    assert_int_equal(parent, HYOKA_UNSET);
    OK(hyoka_record_kind_parent(HYOKA_RECORD_BUDGET_ITEM, &parent));
    assert_int_equal(parent, HYOKA_RECORD_BUDGET);
    OK(hyoka_record_kind_parent(HYOKA_RECORD_RECIPIENT, &parent));
    assert_int_equal(parent, HYOKA_RECORD_BLOCK);
    OK(hyoka_record_kind_parent(HYOKA_RECORD_CONTRACT, &parent));
    assert_int_equal(parent, HYOKA_RECORD_RECIPIENT);
    OK(hyoka_record_kind_parent(HYOKA_RECORD_EXPENSE, &parent));
    assert_int_equal(parent, HYOKA_RECORD_BLOCK);
    OK(hyoka_record_kind_parent(HYOKA_RECORD_FLOW, &parent));
    assert_int_equal(parent, HYOKA_UNSET);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_kind_parent(KINDS, &parent));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_kind_parent(HYOKA_RECORD_BUDGET, NULL));
}

/* ------------------------------------------------------------------------ */
/* Every kind, every field, every type                                       */

/* Set field @p f (of type @p type) of @p r to a value made from @p seed. */
static int set_value(hyoka_record *r, int f, int type, int seed)
{
    char text[32];
    hyoka_decimal d;

    switch (type) {
    case HYOKA_TYPE_TEXT:
        snprintf(text, sizeof text, "テキスト%d", seed);
        return hyoka_record_set_text(r, f, text, NTS);
    case HYOKA_TYPE_MONEY:
        return hyoka_record_set_money(r, f, -1000 * (int64_t)seed);
    case HYOKA_TYPE_DECIMAL:
        OK(hyoka_decimal_from_parts(seed * 10 + 5, 2, &d));
        return hyoka_record_set_decimal(r, f, &d);
    case HYOKA_TYPE_INTEGER:
        return hyoka_record_set_integer(r, f, seed);
    case HYOKA_TYPE_FLAG:
        return hyoka_record_set_flag(r, f, seed % 2);
    default:
        return hyoka_record_set_fiscal_year(r, f, 1900 + seed);
    }
}

/* Check that field @p f holds the value set_value() put there. */
static void check_value(const hyoka_record *r, int f, int type, int seed)
{
    char text[32];
    hyoka_decimal d, e;
    int64_t i = 0;
    int32_t y = 0;
    int b = -1;

    switch (type) {
    case HYOKA_TYPE_TEXT:
        snprintf(text, sizeof text, "テキスト%d", seed);
        assert_string_equal(hyoka_record_text(r, f), text);
        break;
    case HYOKA_TYPE_MONEY:
        assert_int_equal(hyoka_record_money(r, f, &i), 1);
        assert_int_equal(i, -1000 * (int64_t)seed);
        break;
    case HYOKA_TYPE_DECIMAL:
        OK(hyoka_decimal_from_parts(seed * 10 + 5, 2, &e));
        assert_int_equal(hyoka_record_decimal(r, f, &d), 1);
        assert_true(hyoka_decimal_identical(&d, &e));
        break;
    case HYOKA_TYPE_INTEGER:
        assert_int_equal(hyoka_record_integer(r, f, &i), 1);
        assert_int_equal(i, seed);
        break;
    case HYOKA_TYPE_FLAG:
        assert_int_equal(hyoka_record_flag(r, f, &b), 1);
        assert_int_equal(b, seed % 2);
        break;
    default:
        assert_int_equal(hyoka_record_fiscal_year(r, f, &y), 1);
        assert_int_equal(y, 1900 + seed);
    }
}

/* Every typed getter on field @p f: EINVAL unless of @p type; for that
 * type, the return when the field is not set (0), output untouched. */
static void check_getters_unset(const hyoka_record *r, int f, int type)
{
    int64_t i = 42;
    int32_t y = 42;
    int b = 42;
    hyoka_decimal d = D("4.2");

    assert_int_equal(hyoka_record_money(r, f, &i), type == HYOKA_TYPE_MONEY ? 0 : HYOKA_EINVAL);
    assert_int_equal(hyoka_record_integer(r, f, &i), type == HYOKA_TYPE_INTEGER ? 0 : HYOKA_EINVAL);
    assert_int_equal(hyoka_record_flag(r, f, &b), type == HYOKA_TYPE_FLAG ? 0 : HYOKA_EINVAL);
    assert_int_equal(hyoka_record_fiscal_year(r, f, &y), type == HYOKA_TYPE_FISCAL_YEAR ? 0 : HYOKA_EINVAL);
    assert_int_equal(hyoka_record_decimal(r, f, &d), type == HYOKA_TYPE_DECIMAL ? 0 : HYOKA_EINVAL);
    assert_null(hyoka_record_text(r, f));
    assert_int_equal(i, 42);
    assert_int_equal(y, 42);
    assert_int_equal(b, 42);
    assert_decimal(&d, "4.2");
}

static void test_every_kind_and_field(void **state)
{
    (void)state;
    for (int k = 0; k < KINDS; k++) {
        hyoka_project *p = new_project();
        hyoka_record *r = record_of(p, k);
        int seed = 1;

        assert_int_equal(hyoka_record_kind_of(r), k);
        for (int f = 0; f < FIELDS; f++, seed++) {
            int type = hyoka_record_field_type(k, f);
            if (type < 0) {
                /* not a field of this kind: every function refuses it, naming both */
                EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_field_state(r, f));
                assert_error_names(field_name(f), kind_name(k));
                for (int t = 0; t < TYPES; t++) {
                    EXPECT_FAIL(HYOKA_EINVAL, set_value(r, f, t, seed));
                    assert_error_names(field_name(f), kind_name(k));
                }
                EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_set_not_applicable(r, f));
                EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_clear(r, f));
                assert_null(hyoka_record_text(r, f));
                continue;
            }
            /* missing at first */
            assert_int_equal(hyoka_record_field_state(r, f), HYOKA_STATE_MISSING);
            check_getters_unset(r, f, type);
            /* another type's setter is refused and changes nothing */
            for (int t = 0; t < TYPES; t++) {
                if (t == type)
                    continue;
                EXPECT_FAIL(HYOKA_EINVAL, set_value(r, f, t, seed));
                assert_error_names(field_name(f), kind_name(k));
                assert_int_equal(hyoka_record_field_state(r, f), HYOKA_STATE_MISSING);
            }
            OK(set_value(r, f, type, seed));
            assert_int_equal(hyoka_record_field_state(r, f), HYOKA_STATE_SET);
            check_value(r, f, type, seed);
            /* not applicable: distinct from missing and from any value */
            if (type == HYOKA_TYPE_TEXT) {
                EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_set_not_applicable(r, f));
                check_value(r, f, type, seed);
                OK(hyoka_record_set_text(r, f, NULL, 0));
            } else {
                OK(hyoka_record_set_not_applicable(r, f));
                assert_int_equal(hyoka_record_field_state(r, f), HYOKA_STATE_NOT_APPLICABLE);
                check_getters_unset(r, f, type);
                OK(set_value(r, f, type, seed));
                assert_int_equal(hyoka_record_field_state(r, f), HYOKA_STATE_SET);
                OK(hyoka_record_set_not_applicable(r, f));
                OK(hyoka_record_clear(r, f));
            }
            assert_int_equal(hyoka_record_field_state(r, f), HYOKA_STATE_MISSING);
            check_getters_unset(r, f, type);
            OK(set_value(r, f, type, seed)); /* left set for the copy below */
        }
        /* the copy of a project holds every field, and is equal */
        {
            hyoka_project *c = NULL;
            hyoka_record *cr;
            int up = HYOKA_UNSET;
            OK(hyoka_project_copy(p, &c));
            assert_true(hyoka_project_equal(p, c));
            OK(hyoka_record_kind_parent(k, &up));
            cr = up == HYOKA_UNSET ? hyoka_project_record_at(c, k, 0) : NULL;
            if (cr) {
                seed = 1;
                for (int f = 0; f < FIELDS; f++, seed++) {
                    int type = hyoka_record_field_type(k, f);
                    if (type >= 0)
                        check_value(cr, f, type, seed);
                }
                assert_ptr_equal(hyoka_record_project(cr), c);
            }
            hyoka_project_free(c);
        }
        hyoka_project_free(p);
    }
}

/* ------------------------------------------------------------------------ */
/* Missing, not applicable, 0; checks of values                              */

static void test_missing_not_applicable_zero(void **state)
{
    hyoka_project *a = new_project(), *b = new_project(), *c = new_project();
    hyoka_record *ra = NULL, *rb = NULL, *rc = NULL;
    int64_t v = 7;
    (void)state;

    OK(hyoka_project_add_record(a, HYOKA_RECORD_BUDGET, &ra));
    OK(hyoka_project_add_record(b, HYOKA_RECORD_BUDGET, &rb));
    OK(hyoka_project_add_record(c, HYOKA_RECORD_BUDGET, &rc));
    OK(hyoka_record_set_money(rb, HYOKA_FIELD_SUPPLEMENTARY, 0));
    OK(hyoka_record_set_not_applicable(rc, HYOKA_FIELD_SUPPLEMENTARY));
    assert_int_equal(hyoka_record_field_state(ra, HYOKA_FIELD_SUPPLEMENTARY), HYOKA_STATE_MISSING);
    assert_int_equal(hyoka_record_field_state(rb, HYOKA_FIELD_SUPPLEMENTARY), HYOKA_STATE_SET);
    assert_int_equal(hyoka_record_field_state(rc, HYOKA_FIELD_SUPPLEMENTARY), HYOKA_STATE_NOT_APPLICABLE);
    assert_int_equal(hyoka_record_money(ra, HYOKA_FIELD_SUPPLEMENTARY, &v), 0);
    assert_int_equal(v, 7);
    assert_int_equal(hyoka_record_money(rb, HYOKA_FIELD_SUPPLEMENTARY, &v), 1);
    assert_int_equal(v, 0);
    v = 7;
    assert_int_equal(hyoka_record_money(rc, HYOKA_FIELD_SUPPLEMENTARY, &v), 0);
    assert_int_equal(v, 7);
    /* three different projects */
    assert_false(hyoka_project_equal(a, b));
    assert_false(hyoka_project_equal(a, c));
    assert_false(hyoka_project_equal(b, c));
    /* an empty text is a text */
    OK(hyoka_record_set_text(ra, HYOKA_FIELD_NOTES, "", 0));
    assert_int_equal(hyoka_record_field_state(ra, HYOKA_FIELD_NOTES), HYOKA_STATE_SET);
    assert_string_equal(hyoka_record_text(ra, HYOKA_FIELD_NOTES), "");
    /* a printed "ー" in a text field is that text */
    OK(hyoka_record_set_text(ra, HYOKA_FIELD_CHANGE_REASON, "ー", NTS));
    assert_string_equal(hyoka_record_text(ra, HYOKA_FIELD_CHANGE_REASON), "ー");
    hyoka_project_free(a);
    hyoka_project_free(b);
    hyoka_project_free(c);
}

static void test_values_checked(void **state)
{
    hyoka_project *p = new_project();
    hyoka_record *b = NULL, *c = record_of(p, HYOKA_RECORD_CONTRACT);
    hyoka_decimal bad;
    char *big;
    size_t big_len = (size_t)hyoka_limit(HYOKA_LIMIT_TEXT_MAX) + 1;
    int64_t v = 0;
    int flag = -1;
    (void)state;

    OK(hyoka_project_add_record(p, HYOKA_RECORD_BUDGET, &b));
    /* money: any int64 */
    OK(hyoka_record_set_money(b, HYOKA_FIELD_INITIAL, INT64_MIN));
    OK(hyoka_record_set_money(b, HYOKA_FIELD_EXECUTION, INT64_MAX));
    assert_int_equal(hyoka_record_money(b, HYOKA_FIELD_INITIAL, &v), 1);
    assert_true(v == INT64_MIN);
    /* integers: counts, never negative */
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_set_integer(c, HYOKA_FIELD_BIDDERS, -1));
    assert_error_names("bidders", NULL);
    assert_int_equal(hyoka_record_field_state(c, HYOKA_FIELD_BIDDERS), HYOKA_STATE_MISSING);
    OK(hyoka_record_set_integer(c, HYOKA_FIELD_BIDDERS, 0));
    assert_int_equal(hyoka_record_integer(c, HYOKA_FIELD_BIDDERS, &v), 1);
    assert_int_equal(v, 0);
    /* fiscal years: 1868..9999 */
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_record_set_fiscal_year(b, HYOKA_FIELD_BUDGET_YEAR, 1867));
    assert_error_names("budget_year", NULL);
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_record_set_fiscal_year(b, HYOKA_FIELD_BUDGET_YEAR, 10000));
    assert_int_equal(hyoka_record_field_state(b, HYOKA_FIELD_BUDGET_YEAR), HYOKA_STATE_MISSING);
    /* flags: nonzero is true */
    OK(hyoka_record_set_flag(c, HYOKA_FIELD_OTHER, 5));
    assert_int_equal(hyoka_record_flag(c, HYOKA_FIELD_OTHER, &flag), 1);
    assert_int_equal(flag, 1);
    /* decimals: only well-formed ones; NULL makes the field missing */
    memset(&bad, 0, sizeof bad);
    bad.hyoka_private_[1] = 40;
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_set_decimal(c, HYOKA_FIELD_WINNING_BID_RATIO, &bad));
    assert_int_equal(hyoka_record_field_state(c, HYOKA_FIELD_WINNING_BID_RATIO), HYOKA_STATE_MISSING);
    {
        hyoka_decimal d = D("95.70");
        OK(hyoka_record_set_decimal(c, HYOKA_FIELD_WINNING_BID_RATIO, &d));
        assert_int_equal(hyoka_record_decimal(c, HYOKA_FIELD_WINNING_BID_RATIO, &d), 1);
        assert_decimal(&d, "95.70"); /* places kept */
        OK(hyoka_record_set_decimal(c, HYOKA_FIELD_WINNING_BID_RATIO, NULL));
        assert_int_equal(hyoka_record_field_state(c, HYOKA_FIELD_WINNING_BID_RATIO), HYOKA_STATE_MISSING);
    }
    /* texts: UTF-8, no NUL, bounded; a failure keeps the old text */
    OK(hyoka_record_set_text(c, HYOKA_FIELD_METHOD, "随意契約（少額）", NTS));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_record_set_text(c, HYOKA_FIELD_METHOD, "\xff", NTS));
    EXPECT_FAIL(HYOKA_EENCODING, hyoka_record_set_text(c, HYOKA_FIELD_METHOD, "a\0b", 3));
    big = malloc(big_len);
    assert_non_null(big);
    memset(big, 'a', big_len);
    EXPECT_FAIL(HYOKA_ELIMIT, hyoka_record_set_text(c, HYOKA_FIELD_METHOD, big, big_len));
    free(big);
    assert_string_equal(hyoka_record_text(c, HYOKA_FIELD_METHOD), "随意契約（少額）");
    OK(hyoka_record_set_text(c, HYOKA_FIELD_METHOD, "随意契約", 6)); /* explicit length */
    assert_string_equal(hyoka_record_text(c, HYOKA_FIELD_METHOD), "随意");
    /* NULL handles */
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_set_money(NULL, HYOKA_FIELD_AMOUNT, 1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_money(NULL, HYOKA_FIELD_AMOUNT, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_field_state(NULL, HYOKA_FIELD_AMOUNT));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_kind_of(NULL));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_set_money(c, FIELDS, 1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_set_money(c, -1, 1));
    assert_null(hyoka_record_text(NULL, HYOKA_FIELD_METHOD));
    assert_null(hyoka_record_text(c, FIELDS));
    assert_null(hyoka_record_parent(NULL));
    assert_null(hyoka_record_project(NULL));
    hyoka_project_free(p);
}

/* ------------------------------------------------------------------------ */
/* Records of projects, child records                                        */

static void test_children(void **state)
{
    hyoka_project *p = new_project();
    hyoka_record *blk = NULL, *r1 = NULL, *r2 = NULL, *c = NULL, *e = NULL, *keep;
    (void)state;

    assert_int_equal(hyoka_project_record_count(p, HYOKA_RECORD_BLOCK), 0);
    assert_null(hyoka_project_record_at(p, HYOKA_RECORD_BLOCK, 0));
    OK(hyoka_project_add_record(p, HYOKA_RECORD_BLOCK, &blk));
    OK(hyoka_project_add_record(p, HYOKA_RECORD_BLOCK, NULL));
    assert_int_equal(hyoka_project_record_count(p, HYOKA_RECORD_BLOCK), 2);
    assert_int_equal(hyoka_project_record_count(p, HYOKA_RECORD_BUDGET), 0);
    assert_ptr_equal(hyoka_project_record_at(p, HYOKA_RECORD_BLOCK, 0), blk);
    assert_null(hyoka_record_parent(blk));
    assert_ptr_equal(hyoka_record_project(blk), p);

    OK(hyoka_record_add_child(blk, HYOKA_RECORD_RECIPIENT, &r1));
    OK(hyoka_record_add_child(blk, HYOKA_RECORD_RECIPIENT, &r2));
    OK(hyoka_record_add_child(blk, HYOKA_RECORD_EXPENSE, &e));
    OK(hyoka_record_add_child(r2, HYOKA_RECORD_CONTRACT, &c));
    assert_int_equal(hyoka_record_child_count(blk, HYOKA_RECORD_RECIPIENT), 2);
    assert_int_equal(hyoka_record_child_count(blk, HYOKA_RECORD_EXPENSE), 1);
    assert_int_equal(hyoka_record_child_count(blk, HYOKA_RECORD_CONTRACT), 0); /* not its child kind */
    assert_ptr_equal(hyoka_record_child_at(blk, HYOKA_RECORD_RECIPIENT, 1), r2);
    assert_null(hyoka_record_child_at(blk, HYOKA_RECORD_RECIPIENT, 2));
    assert_null(hyoka_record_child_at(blk, HYOKA_RECORD_CONTRACT, 0));
    assert_ptr_equal(hyoka_record_parent(c), r2);
    assert_ptr_equal(hyoka_record_parent(r2), blk);
    assert_ptr_equal(hyoka_record_project(c), p);
    assert_int_equal(hyoka_record_kind_of(e), HYOKA_RECORD_EXPENSE);

    /* kinds that hang elsewhere are refused, naming both */
    keep = c;
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_add_child(blk, HYOKA_RECORD_CONTRACT, &keep));
    assert_error_names("contracts", "blocks");
    assert_ptr_equal(keep, c);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_add_record(p, HYOKA_RECORD_RECIPIENT, &keep));
    assert_error_names("recipients", "blocks");
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_add_record(p, KINDS, &keep));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_add_record(NULL, HYOKA_RECORD_BLOCK, &keep));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_add_child(NULL, HYOKA_RECORD_RECIPIENT, &keep));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_add_child(c, -1, &keep));
    assert_ptr_equal(keep, c);
    assert_int_equal(hyoka_record_child_count(NULL, HYOKA_RECORD_RECIPIENT), 0);
    assert_int_equal(hyoka_project_record_count(NULL, HYOKA_RECORD_BLOCK), 0);
    assert_int_equal(hyoka_project_record_count(p, KINDS), 0);

    /* removal frees the record with its children; later ones move up */
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_record_remove_child(blk, HYOKA_RECORD_RECIPIENT, 2));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_remove_child(blk, HYOKA_RECORD_BUDGET, 0));
    OK(hyoka_record_remove_child(blk, HYOKA_RECORD_RECIPIENT, 0));
    assert_ptr_equal(hyoka_record_child_at(blk, HYOKA_RECORD_RECIPIENT, 0), r2);
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_project_remove_record(p, HYOKA_RECORD_FLOW, 0));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_remove_record(p, -1, 0));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_remove_record(NULL, HYOKA_RECORD_BLOCK, 0));
    OK(hyoka_project_remove_record(p, HYOKA_RECORD_BLOCK, 0));
    assert_int_equal(hyoka_project_record_count(p, HYOKA_RECORD_BLOCK), 1);
    assert_int_equal(hyoka_record_child_count(hyoka_project_record_at(p, HYOKA_RECORD_BLOCK, 0),
                                              HYOKA_RECORD_RECIPIENT),
                     0);
    hyoka_project_free(p);
}

static void test_extensions(void **state)
{
    hyoka_project *p = new_project();
    hyoka_record *r = record_of(p, HYOKA_RECORD_MULTIYEAR_CONTRACT);
    const char *k = NULL, *v = NULL;
    (void)state;

    assert_int_equal(hyoka_record_extension_count(r), 0);
    OK(hyoka_record_set_extension(r, "その他の契約", NTS, "f", NTS));
    OK(hyoka_record_set_extension(r, "列B", NTS, "2", NTS));
    OK(hyoka_record_set_extension(r, "その他の契約", NTS, "t", NTS)); /* replaced in place */
    assert_int_equal(hyoka_record_extension_count(r), 2);
    OK(hyoka_record_extension_at(r, 0, &k, &v));
    assert_string_equal(k, "その他の契約");
    assert_string_equal(v, "t");
    assert_string_equal(hyoka_record_extension(r, "列B", NTS), "2");
    assert_null(hyoka_record_extension(r, "列C", NTS));
    EXPECT_FAIL(HYOKA_ENOTFOUND, hyoka_record_extension_at(r, 2, &k, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_set_extension(r, "", 0, "x", NTS));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_set_extension(NULL, "k", NTS, "x", NTS));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_extension_at(NULL, 0, &k, &v));
    OK(hyoka_record_set_extension(r, "列B", NTS, NULL, 0)); /* removed */
    assert_int_equal(hyoka_record_extension_count(r), 1);
    assert_null(hyoka_record_extension(NULL, "k", NTS));
    assert_int_equal(hyoka_record_extension_count(NULL), 0);
    hyoka_project_free(p);
}

/* ------------------------------------------------------------------------ */
/* Copy and equality                                                         */

/* Project 11 of the sample, block B (株式会社ＮＴＴデータ): one recipient,
 * two contracts; and its 2023 budget with one account. */
static hyoka_project *rich_project(void)
{
    hyoka_project *p = new_project();
    hyoka_record *blk = NULL, *rec = NULL, *c = NULL, *e = NULL, *b = NULL, *item = NULL, *link = NULL;
    hyoka_indicator *ind = NULL;
    hyoka_decimal d = D("95.7");

    OK(hyoka_project_set_code(p, "11", NTS));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_MINISTRY, "デジタル庁", NTS));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_MINISTRY_ORDER, "13", NTS));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_ISSUES, "第一期PFは令和５年度末をもって…", NTS));
    OK(hyoka_project_set_text(p, HYOKA_TEXT_CATEGORY, "前年度事業", NTS));
    OK(hyoka_project_set_flag(p, HYOKA_FLAG_START_UNKNOWN, 0));
    OK(hyoka_project_set_flag(p, HYOKA_FLAG_NO_PLANNED_END, 1));
    OK(hyoka_project_set_flag(p, HYOKA_FLAG_METHOD_DIRECT, 1));
    OK(hyoka_project_add_record(p, HYOKA_RECORD_BLOCK, &blk));
    OK(hyoka_record_set_text(blk, HYOKA_FIELD_BLOCK, "B", NTS));
    OK(hyoka_record_set_text(blk, HYOKA_FIELD_NAME, "株式会社ＮＴＴデータ", NTS));
    OK(hyoka_record_set_integer(blk, HYOKA_FIELD_RECIPIENT_COUNT, 1));
    OK(hyoka_record_set_text(blk, HYOKA_FIELD_ROLE, "システム運用・保守", NTS));
    OK(hyoka_record_set_money(blk, HYOKA_FIELD_TOTAL, 2105314000));
    OK(hyoka_record_add_child(blk, HYOKA_RECORD_RECIPIENT, &rec));
    OK(hyoka_record_set_text(rec, HYOKA_FIELD_NAME, "株式会社ＮＴＴデータ", NTS));
    OK(hyoka_record_set_text(rec, HYOKA_FIELD_CORPORATE_NUMBER, "6010601062093", NTS));
    OK(hyoka_record_set_text(rec, HYOKA_FIELD_CORPORATE_TYPE, "301", NTS));
    OK(hyoka_record_set_flag(rec, HYOKA_FIELD_OTHER, 0));
    OK(hyoka_record_set_money(rec, HYOKA_FIELD_TOTAL, 2105314000));
    OK(hyoka_record_add_child(rec, HYOKA_RECORD_CONTRACT, &c));
    OK(hyoka_record_set_money(c, HYOKA_FIELD_AMOUNT, 1841580000));
    OK(hyoka_record_set_text(c, HYOKA_FIELD_METHOD, "一般競争契約（総合評価）", NTS));
    OK(hyoka_record_set_integer(c, HYOKA_FIELD_BIDDERS, 1));
    OK(hyoka_record_set_decimal(c, HYOKA_FIELD_WINNING_BID_RATIO, &d));
    OK(hyoka_record_set_flag(c, HYOKA_FIELD_OTHER, 0));
    OK(hyoka_record_add_child(rec, HYOKA_RECORD_CONTRACT, &c));
    OK(hyoka_record_set_money(c, HYOKA_FIELD_AMOUNT, 263734000));
    OK(hyoka_record_set_text(c, HYOKA_FIELD_METHOD, "国庫債務負担行為等", NTS));
    OK(hyoka_record_set_integer(c, HYOKA_FIELD_BIDDERS, 0));
    OK(hyoka_record_set_not_applicable(c, HYOKA_FIELD_WINNING_BID_RATIO));
    OK(hyoka_record_set_extension(c, "列X", NTS, "値", NTS));
    OK(hyoka_record_add_child(blk, HYOKA_RECORD_EXPENSE, &e));
    OK(hyoka_record_set_text(e, HYOKA_FIELD_COST_ITEM, "システム運用・保守", NTS));
    OK(hyoka_record_set_money(e, HYOKA_FIELD_AMOUNT, 1841580000));
    OK(hyoka_project_add_record(p, HYOKA_RECORD_BUDGET, &b));
    OK(hyoka_record_set_fiscal_year(b, HYOKA_FIELD_BUDGET_YEAR, 2023));
    OK(hyoka_record_set_text(b, HYOKA_FIELD_ACCOUNT_TYPE, "一般会計", NTS));
    OK(hyoka_record_set_money(b, HYOKA_FIELD_APPROPRIATION, 13916000000));
    OK(hyoka_record_add_child(b, HYOKA_RECORD_BUDGET_ITEM, &item));
    OK(hyoka_record_set_text(item, HYOKA_FIELD_BUDGET_TYPE, "予備費等1", NTS));
    OK(hyoka_record_set_money(item, HYOKA_FIELD_AMOUNT, 13916000000));
    OK(hyoka_project_add_record(p, HYOKA_RECORD_LINK, &link));
    OK(hyoka_record_set_integer(link, HYOKA_FIELD_FROM_NUMBER, 1));
    OK(hyoka_record_set_text(link, HYOKA_FIELD_FROM_KIND, "アクティビティ", NTS));
    OK(hyoka_record_set_integer(link, HYOKA_FIELD_TO_NUMBER, 10));
    OK(hyoka_project_add_indicator(p, HYOKA_KIND_ACTIVITY, &ind));
    OK(hyoka_indicator_set_number(ind, 10));
    OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_GOAL, "統合・集約化対象システムに対する利用終了支援の実施", NTS));
    OK(hyoka_indicator_set_target_year(ind, 2024));
    return p;
}

/* Change one thing deep in a copy of rich_project(); the copies differ. */
static void test_copy_equal(void **state)
{
    hyoka_project *p = rich_project(), *c = NULL;
    hyoka_record *blk, *rec, *con;
    hyoka_decimal d = D("95.70");
    (void)state;

    OK(hyoka_project_copy(p, &c));
    assert_true(hyoka_project_equal(p, c));
    assert_true(hyoka_project_equal(c, p));
    blk = hyoka_project_record_at(c, HYOKA_RECORD_BLOCK, 0);
    rec = hyoka_record_child_at(blk, HYOKA_RECORD_RECIPIENT, 0);
    con = hyoka_record_child_at(rec, HYOKA_RECORD_CONTRACT, 1);
    /* the copy's records belong to the copy */
    assert_ptr_equal(hyoka_record_project(con), c);
    assert_ptr_equal(hyoka_record_parent(con), rec);
    assert_ptr_equal(hyoka_record_parent(rec), blk);
    assert_ptr_not_equal(con, hyoka_record_child_at(hyoka_record_child_at(hyoka_project_record_at(p,
                                                        HYOKA_RECORD_BLOCK, 0), HYOKA_RECORD_RECIPIENT, 0),
                                                    HYOKA_RECORD_CONTRACT, 1));

    /* not applicable vs missing */
    OK(hyoka_record_clear(con, HYOKA_FIELD_WINNING_BID_RATIO));
    assert_false(hyoka_project_equal(p, c));
    OK(hyoka_record_set_not_applicable(con, HYOKA_FIELD_WINNING_BID_RATIO));
    assert_true(hyoka_project_equal(p, c));
    /* an extension */
    OK(hyoka_record_set_extension(con, "列X", NTS, "別", NTS));
    assert_false(hyoka_project_equal(p, c));
    OK(hyoka_record_set_extension(con, "列X", NTS, "値", NTS));
    assert_true(hyoka_project_equal(p, c));
    /* decimals compare with their places */
    con = hyoka_record_child_at(rec, HYOKA_RECORD_CONTRACT, 0);
    OK(hyoka_record_set_decimal(con, HYOKA_FIELD_WINNING_BID_RATIO, &d));
    assert_false(hyoka_project_equal(p, c));
    d = D("95.7");
    OK(hyoka_record_set_decimal(con, HYOKA_FIELD_WINNING_BID_RATIO, &d));
    assert_true(hyoka_project_equal(p, c));
    /* a child record more */
    OK(hyoka_record_add_child(rec, HYOKA_RECORD_CONTRACT, NULL));
    assert_false(hyoka_project_equal(p, c));
    OK(hyoka_record_remove_child(rec, HYOKA_RECORD_CONTRACT, 2));
    assert_true(hyoka_project_equal(p, c));
    /* a record of another kind, even empty */
    OK(hyoka_project_add_record(c, HYOKA_RECORD_FINDING, NULL));
    assert_false(hyoka_project_equal(p, c));
    assert_false(hyoka_project_equal(c, p));
    OK(hyoka_project_remove_record(c, HYOKA_RECORD_FINDING, 0));
    assert_true(hyoka_project_equal(p, c)); /* no record left: as one that never had any */
    /* a flag: false is not missing */
    OK(hyoka_project_set_flag(c, HYOKA_FLAG_START_UNKNOWN, HYOKA_UNSET));
    assert_false(hyoka_project_equal(p, c));
    OK(hyoka_project_set_flag(c, HYOKA_FLAG_START_UNKNOWN, 0));
    assert_true(hyoka_project_equal(p, c));
    /* a text */
    OK(hyoka_project_set_text(c, HYOKA_TEXT_PREPARER, "帆足雅史", NTS));
    assert_false(hyoka_project_equal(p, c));
    hyoka_project_free(c);
    hyoka_project_free(p);
}

static void test_project_flags(void **state)
{
    hyoka_project *p = new_project();
    int v = 7;
    (void)state;

    for (int f = HYOKA_FLAG_START_UNKNOWN; f <= HYOKA_FLAG_METHOD_OTHER; f++) {
        assert_int_equal(hyoka_project_flag(p, f, &v), 0);
        assert_int_equal(v, 7);
        OK(hyoka_project_set_flag(p, f, 0));
        assert_int_equal(hyoka_project_flag(p, f, &v), 1);
        assert_int_equal(v, 0);
        OK(hyoka_project_set_flag(p, f, 1));
        assert_int_equal(hyoka_project_flag(p, f, &v), 1);
        assert_int_equal(v, 1);
        assert_int_equal(hyoka_project_flag(p, f, NULL), 1);
        OK(hyoka_project_set_flag(p, f, HYOKA_UNSET));
        v = 7;
        assert_int_equal(hyoka_project_flag(p, f, &v), 0);
        assert_int_equal(v, 7);
    }
    assert_string_equal(hyoka_enum_name(HYOKA_ENUM_PROJECT_FLAG, HYOKA_FLAG_METHOD_CONTRIBUTION),
                        "methods.contribution");
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_set_flag(p, HYOKA_FLAG_METHOD_OTHER + 1, 1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_set_flag(p, -1, 1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_set_flag(p, HYOKA_FLAG_NO_PLANNED_END, 2));
    assert_error_names("no_planned_end", NULL);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_set_flag(NULL, HYOKA_FLAG_NO_PLANNED_END, 1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_flag(NULL, HYOKA_FLAG_NO_PLANNED_END, &v));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_project_flag(p, 99, &v));
    hyoka_project_free(p);
}

static void test_indicator_additions(void **state)
{
    hyoka_project *p = new_project(), *c = NULL;
    hyoka_indicator *ind = NULL;
    hyoka_decimal d = D("12"), out = D("1");
    int64_t n = 5;
    int32_t y = 5;
    (void)state;

    OK(hyoka_project_add_indicator(p, HYOKA_KIND_ACTION, &ind));
    assert_int_equal(hyoka_indicator_kind(ind), HYOKA_KIND_ACTION);
    assert_string_equal(hyoka_enum_name(HYOKA_ENUM_INDICATOR_KIND, HYOKA_KIND_ACTION), "action");
    /* all missing at first */
    assert_int_equal(hyoka_indicator_number(ind, &n), 0);
    assert_int_equal(n, 5);
    assert_int_equal(hyoka_indicator_term(ind), HYOKA_UNSET);
    assert_int_equal(hyoka_indicator_measurement(ind), HYOKA_UNSET);
    assert_int_equal(hyoka_indicator_target_year(ind), 0);
    assert_int_equal(hyoka_indicator_baseline(ind, &out, &y), 0);
    assert_int_equal(y, 0);
    assert_decimal(&out, "1");
    /* number: 0 is a number, HYOKA_UNSET missing, negatives refused */
    OK(hyoka_indicator_set_number(ind, 0));
    assert_int_equal(hyoka_indicator_number(ind, &n), 1);
    assert_int_equal(n, 0);
    OK(hyoka_indicator_set_number(ind, 21));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_set_number(ind, -2));
    assert_int_equal(hyoka_indicator_number(ind, &n), 1);
    assert_int_equal(n, 21);
    /* term, measurement */
    OK(hyoka_indicator_set_term(ind, HYOKA_TERM_MEDIUM));
    assert_int_equal(hyoka_indicator_term(ind), HYOKA_TERM_MEDIUM);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_set_term(ind, HYOKA_TERM_LONG + 1));
    assert_int_equal(hyoka_indicator_term(ind), HYOKA_TERM_MEDIUM);
    OK(hyoka_indicator_set_measurement(ind, HYOKA_MEASUREMENT_QUALITATIVE));
    assert_int_equal(hyoka_indicator_measurement(ind), HYOKA_MEASUREMENT_QUALITATIVE);
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_set_measurement(ind, 2));
    /* target year, baseline */
    OK(hyoka_indicator_set_target_year(ind, 2028));
    assert_int_equal(hyoka_indicator_target_year(ind), 2028);
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_indicator_set_target_year(ind, 1800));
    assert_int_equal(hyoka_indicator_target_year(ind), 2028);
    OK(hyoka_indicator_set_baseline(ind, &d, 2019));
    assert_int_equal(hyoka_indicator_baseline(ind, &out, &y), 1);
    assert_decimal(&out, "12");
    assert_int_equal(y, 2019);
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_indicator_set_baseline(ind, &d, 20190));
    OK(hyoka_indicator_set_baseline(ind, NULL, 2020)); /* a year without a value */
    assert_int_equal(hyoka_indicator_baseline(ind, NULL, &y), 0);
    assert_int_equal(y, 2020);
    OK(hyoka_indicator_set_baseline(ind, &d, 0));
    /* texts */
    OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_SOURCE, "法教育授業実施状況報告書", NTS));
    OK(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_KPI_URL, "https://www5.cao.go.jp/", NTS));
    assert_string_equal(hyoka_indicator_text(ind, HYOKA_INDICATOR_SOURCE), "法教育授業実施状況報告書");
    /* copy and equality see every one */
    OK(hyoka_project_copy(p, &c));
    assert_true(hyoka_project_equal(p, c));
    OK(hyoka_indicator_set_number(hyoka_project_indicator_at(c, 0), HYOKA_UNSET));
    assert_false(hyoka_project_equal(p, c));
    OK(hyoka_indicator_set_number(hyoka_project_indicator_at(c, 0), 21));
    OK(hyoka_indicator_set_baseline(hyoka_project_indicator_at(c, 0), &d, 2019));
    assert_false(hyoka_project_equal(p, c));
    OK(hyoka_indicator_set_baseline(hyoka_project_indicator_at(c, 0), &d, 0));
    OK(hyoka_indicator_set_term(hyoka_project_indicator_at(c, 0), HYOKA_UNSET));
    assert_false(hyoka_project_equal(p, c));
    /* NULL */
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_set_number(NULL, 1));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_number(NULL, &n));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_indicator_baseline(NULL, &out, &y));
    assert_int_equal(hyoka_indicator_term(NULL), HYOKA_UNSET);
    assert_int_equal(hyoka_indicator_target_year(NULL), 0);
    hyoka_project_free(c);
    hyoka_project_free(p);
}

/* ------------------------------------------------------------------------ */
/* Figures on the sample's numbers                                           */

/* A budget row of a project: year, account type (NULL: the total row),
 * appropriation, execution, carried out (-1: not given). */
static hyoka_record *budget(hyoka_project *p, int32_t year, const char *account_type, int64_t appropriation,
                            int64_t execution, int64_t carried_out)
{
    hyoka_record *b = NULL;
    OK(hyoka_project_add_record(p, HYOKA_RECORD_BUDGET, &b));
    OK(hyoka_record_set_fiscal_year(b, HYOKA_FIELD_BUDGET_YEAR, year));
    if (account_type)
        OK(hyoka_record_set_text(b, HYOKA_FIELD_ACCOUNT_TYPE, account_type, NTS));
    OK(hyoka_record_set_money(b, HYOKA_FIELD_APPROPRIATION, appropriation));
    OK(hyoka_record_set_money(b, HYOKA_FIELD_EXECUTION, execution));
    if (carried_out >= 0)
        OK(hyoka_record_set_money(b, HYOKA_FIELD_CARRIED_OUT, carried_out));
    return b;
}

static void assert_figure(const hyoka_record *r, int figure, const char *expected)
{
    hyoka_decimal d;
    int reason = -7;
    assert_int_equal(hyoka_record_figure(r, figure, &d, &reason), HYOKA_OK);
    assert_int_equal(reason, HYOKA_REASON_NONE);
    assert_decimal(&d, expected);
}

static void assert_unavailable(const hyoka_record *r, int figure, int why)
{
    hyoka_decimal d = D("77");
    int reason = -7;
    hyoka_error_clear();
    assert_int_equal(hyoka_record_figure(r, figure, &d, &reason), HYOKA_EUNAVAILABLE);
    assert_int_equal(reason, why);
    assert_decimal(&d, "77");
    assert_int_equal(hyoka_error_last_code(), HYOKA_EUNAVAILABLE);
    assert_non_null(strstr(hyoka_error_last(), hyoka_enum_name(HYOKA_ENUM_FIGURE, figure)));
}

/* 884 法教育の推進, 2-1: 2023 appropriation 40,217,000, execution 28,433,000,
 * carried to 2024 8,260,000: 不用額 3,524,000 and 執行率 0.70699 as printed. */
static void test_budget_figures_884(void **state)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *p = new_project();
    hyoka_record *t21, *t22, *t23, *a23, *t24;
    int places = 0, mode = -1;
    (void)state;

    OK(hyoka_portfolio_new(&pf));
    OK(hyoka_project_set_code(p, "884", NTS));
    OK(hyoka_portfolio_add_project(pf, p));
    t24 = budget(p, 2024, NULL, 19429000, 0, 0);
    t23 = budget(p, 2023, NULL, 40217000, 28433000, 8260000);
    a23 = budget(p, 2023, "一般会計", 40217000, 28433000, -1);
    t22 = budget(p, 2022, NULL, 38481000, 26000000, 8220000);
    t21 = budget(p, 2021, NULL, 28854000, 23000000, 0);

    assert_figure(t23, HYOKA_FIG_UNSPENT, "3524000");
    assert_figure(t23, HYOKA_FIG_APPROPRIATION_RATE, "0.70699");
    assert_figure(t22, HYOKA_FIG_APPROPRIATION_RATE, "0.67566");
    assert_figure(t21, HYOKA_FIG_APPROPRIATION_RATE, "0.79712");
    assert_figure(t22, HYOKA_FIG_UNSPENT, "4261000");
    assert_figure(t21, HYOKA_FIG_UNSPENT, "5854000");
    assert_figure(t24, HYOKA_FIG_APPROPRIATION_RATE, "0.00000");
    /* the printed ratio and the computed one agree by value (0.70699) */
    {
        hyoka_decimal stated = D("0.70699"), computed;
        OK(hyoka_record_set_decimal(t23, HYOKA_FIELD_STATED_EXECUTION_RATE, &stated));
        OK(hyoka_record_figure(t23, HYOKA_FIG_APPROPRIATION_RATE, &computed, NULL));
        assert_int_equal(hyoka_decimal_cmp(&stated, &computed), 0);
    }
    /* the account row: the whole of its year */
    assert_figure(a23, HYOKA_FIG_APPROPRIATION_RATE, "0.70699");
    assert_figure(a23, HYOKA_FIG_ACCOUNT_SHARE, "100.0");
    assert_unavailable(a23, HYOKA_FIG_UNSPENT, HYOKA_REASON_NO_CARRIED_OUT); /* accounts print none */
    assert_unavailable(t23, HYOKA_FIG_ACCOUNT_SHARE, HYOKA_REASON_NOT_A_FIGURE);
    /* the default rule of the rate: 5 places, half up */
    assert_int_equal(hyoka_portfolio_rounding(pf, HYOKA_FIG_APPROPRIATION_RATE, &places, &mode, NULL), 0);
    assert_int_equal(places, 5);
    assert_int_equal(mode, HYOKA_ROUND_HALF_UP);
    /* a document's rule applies */
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_APPROPRIATION_RATE, 2, HYOKA_ROUND_DOWN, HYOKA_UNIT_YEN));
    assert_figure(t23, HYOKA_FIG_APPROPRIATION_RATE, "0.70");
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_UNSPENT, 0, HYOKA_ROUND_HALF_UP, HYOKA_UNIT_YEN));
    assert_figure(t23, HYOKA_FIG_UNSPENT, "3524000");
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_ACCOUNT_SHARE, 3, HYOKA_ROUND_HALF_UP, HYOKA_UNIT_YEN));
    assert_figure(a23, HYOKA_FIG_ACCOUNT_SHARE, "100.000");
    hyoka_portfolio_free(pf);
}

/* 3522, 2023: 特別会計 30,799,793,000 and 一般会計 646,493,102,000 of a
 * total 677,292,895,000 (執行率 printed 1). */
static void test_account_share_3522(void **state)
{
    hyoka_project *p = new_project();
    hyoka_record *t, *special, *general, *other_year;
    (void)state;

    t = budget(p, 2023, NULL, 677292895000, 677292895000, 0);
    special = budget(p, 2023, "特別会計", 30799793000, 30799793000, -1);
    OK(hyoka_record_set_text(special, HYOKA_FIELD_ACCOUNT, "エネルギー対策", NTS));
    OK(hyoka_record_set_text(special, HYOKA_FIELD_SUBACCOUNT, "エネルギー需給勘定", NTS));
    general = budget(p, 2023, "一般会計", 646493102000, 646493102000, -1);
    other_year = budget(p, 2022, "一般会計", 485009000000, 485009000000, -1);
    assert_figure(t, HYOKA_FIG_APPROPRIATION_RATE, "1.00000"); /* printed 1 */
    assert_figure(special, HYOKA_FIG_ACCOUNT_SHARE, "4.5");
    assert_figure(general, HYOKA_FIG_ACCOUNT_SHARE, "95.5");
    assert_unavailable(other_year, HYOKA_FIG_ACCOUNT_SHARE, HYOKA_REASON_NO_TOTAL);
    /* a total row without its appropriation */
    OK(hyoka_record_clear(t, HYOKA_FIELD_APPROPRIATION));
    assert_unavailable(general, HYOKA_FIG_ACCOUNT_SHARE, HYOKA_REASON_NO_APPROPRIATION);
    OK(hyoka_record_set_money(t, HYOKA_FIELD_APPROPRIATION, 0));
    assert_unavailable(general, HYOKA_FIG_ACCOUNT_SHARE, HYOKA_REASON_ZERO_DENOMINATOR);
    hyoka_project_free(p);
}

/* A recipient of @p block with contracts of (amount, method, bidders). */
struct contract {
    int64_t amount;
    const char *method;
    int bidders;
};

static void recipient(hyoka_record *block, const char *name, const struct contract *cs, size_t n)
{
    hyoka_record *r = NULL, *c = NULL;
    OK(hyoka_record_add_child(block, HYOKA_RECORD_RECIPIENT, &r));
    OK(hyoka_record_set_text(r, HYOKA_FIELD_NAME, name, NTS));
    for (size_t i = 0; i < n; i++) {
        OK(hyoka_record_add_child(r, HYOKA_RECORD_CONTRACT, &c));
        OK(hyoka_record_set_money(c, HYOKA_FIELD_AMOUNT, cs[i].amount));
        OK(hyoka_record_set_text(c, HYOKA_FIELD_METHOD, cs[i].method, NTS));
        OK(hyoka_record_set_integer(c, HYOKA_FIELD_BIDDERS, cs[i].bidders));
    }
}

#define NC(a) (a), sizeof(a) / sizeof((a)[0])

/* 11 第一期政府共通プラットフォーム, 5-1, blocks A and B. */
static void test_block_shares_11(void **state)
{
    static const struct contract nec[] = {{11930000, "随意契約（その他）", 0}};
    static const struct contract century[] = {
        {3320900000, "国庫債務負担行為等", 0}, {2979682000, "国庫債務負担行為等", 0},
        {2608914000, "随意契約（その他）", 0}};
    static const struct contract nttdata_a[] = {
        {1241971000, "随意契約（その他）", 0}, {271656000, "国庫債務負担行為等", 0},
        {138847000, "随意契約（その他）", 0}, {120326000, "国庫債務負担行為等", 0}};
    static const struct contract necnets[] = {{21041000, "随意契約（その他）", 0}};
    static const struct contract nttdata_b[] = {
        {1841580000, "一般競争契約（総合評価）", 1}, {263734000, "国庫債務負担行為等", 0}};
    hyoka_project *p = new_project();
    hyoka_record *a = NULL, *b = NULL, *e = NULL, *r = NULL, *c = NULL;
    (void)state;

    OK(hyoka_project_add_record(p, HYOKA_RECORD_BLOCK, &a));
    recipient(a, "日本電気株式会社", NC(nec));
    recipient(a, "東京センチュリー株式会社", NC(century));
    recipient(a, "株式会社ＮＴＴデータ", NC(nttdata_a));
    recipient(a, "ＮＥＣネッツエスアイ株式会社", NC(necnets));
    OK(hyoka_project_add_record(p, HYOKA_RECORD_BLOCK, &b));
    recipient(b, "株式会社ＮＴＴデータ", NC(nttdata_b));
    /* 4,022,703,000 of 10,715,267,000 without competition; none single-bid */
    assert_figure(a, HYOKA_FIG_NONCOMPETITIVE_SHARE, "37.5");
    assert_figure(a, HYOKA_FIG_SINGLE_BIDDER_SHARE, "0.0");
    /* 1,841,580,000 of 2,105,314,000 with one bidder */
    assert_figure(b, HYOKA_FIG_SINGLE_BIDDER_SHARE, "87.5");
    assert_figure(b, HYOKA_FIG_NONCOMPETITIVE_SHARE, "0.0");
    /* 企画競争 and 公募 are competitive; 少額 and 不落・不調 are not */
    OK(hyoka_project_add_record(p, HYOKA_RECORD_BLOCK, &e));
    {
        static const struct contract mix[] = {
            {100, "随意契約（企画競争）", 1}, {200, "随意契約（公募）", 2},
            {300, "随意契約（少額）", 0}, {400, "随意契約（不落・不調）", 0}};
        recipient(e, "x", NC(mix));
    }
    assert_figure(e, HYOKA_FIG_NONCOMPETITIVE_SHARE, "70.0");
    assert_figure(e, HYOKA_FIG_SINGLE_BIDDER_SHARE, "10.0");
    /* a contract without an amount is not counted; without a method or bidders it is in the total only */
    r = hyoka_record_child_at(e, HYOKA_RECORD_RECIPIENT, 0);
    OK(hyoka_record_add_child(r, HYOKA_RECORD_CONTRACT, &c));
    OK(hyoka_record_set_text(c, HYOKA_FIELD_METHOD, "随意契約（少額）", NTS));
    assert_figure(e, HYOKA_FIG_NONCOMPETITIVE_SHARE, "70.0");
    OK(hyoka_record_set_money(c, HYOKA_FIELD_AMOUNT, 1000));
    OK(hyoka_record_clear(c, HYOKA_FIELD_METHOD));
    assert_figure(e, HYOKA_FIG_NONCOMPETITIVE_SHARE, "35.0");
    assert_figure(e, HYOKA_FIG_SINGLE_BIDDER_SHARE, "5.0");
    hyoka_project_free(p);
}

static void test_figures_unavailable(void **state)
{
    hyoka_project *p = new_project();
    hyoka_record *b = NULL, *blk = NULL, *r = NULL, *c = NULL, *flow = NULL;
    hyoka_decimal d;
    int reason = -7;
    (void)state;

    OK(hyoka_project_add_record(p, HYOKA_RECORD_BUDGET, &b));
    assert_unavailable(b, HYOKA_FIG_UNSPENT, HYOKA_REASON_NO_APPROPRIATION);
    assert_unavailable(b, HYOKA_FIG_APPROPRIATION_RATE, HYOKA_REASON_NO_APPROPRIATION);
    OK(hyoka_record_set_money(b, HYOKA_FIELD_APPROPRIATION, 0));
    assert_unavailable(b, HYOKA_FIG_UNSPENT, HYOKA_REASON_NO_EXECUTION);
    OK(hyoka_record_set_not_applicable(b, HYOKA_FIELD_EXECUTION)); /* printed "-" */
    assert_unavailable(b, HYOKA_FIG_APPROPRIATION_RATE, HYOKA_REASON_NO_EXECUTION);
    OK(hyoka_record_set_money(b, HYOKA_FIELD_EXECUTION, 0));
    assert_unavailable(b, HYOKA_FIG_APPROPRIATION_RATE, HYOKA_REASON_ZERO_DENOMINATOR); /* RS prints nothing */
    assert_unavailable(b, HYOKA_FIG_UNSPENT, HYOKA_REASON_NO_CARRIED_OUT);
    OK(hyoka_record_set_money(b, HYOKA_FIELD_CARRIED_OUT, 0));
    assert_figure(b, HYOKA_FIG_UNSPENT, "0"); /* 0, not unavailable */
    assert_unavailable(b, HYOKA_FIG_ACCOUNT_SHARE, HYOKA_REASON_NOT_A_FIGURE); /* the total row */
    assert_unavailable(b, HYOKA_FIG_SINGLE_BIDDER_SHARE, HYOKA_REASON_NOT_A_FIGURE);
    assert_unavailable(b, HYOKA_FIG_EXPENSE, HYOKA_REASON_NOT_A_FIGURE);
    assert_unavailable(b, HYOKA_FIG_ACHIEVEMENT, HYOKA_REASON_NOT_A_FIGURE);
    OK(hyoka_record_set_text(b, HYOKA_FIELD_ACCOUNT_TYPE, "一般会計", NTS));
    assert_unavailable(b, HYOKA_FIG_ACCOUNT_SHARE, HYOKA_REASON_NO_TOTAL); /* no budget year */

    OK(hyoka_project_add_record(p, HYOKA_RECORD_BLOCK, &blk));
    assert_unavailable(blk, HYOKA_FIG_SINGLE_BIDDER_SHARE, HYOKA_REASON_NO_CONTRACTS);
    assert_unavailable(blk, HYOKA_FIG_UNSPENT, HYOKA_REASON_NOT_A_FIGURE);
    OK(hyoka_record_add_child(blk, HYOKA_RECORD_RECIPIENT, &r));
    OK(hyoka_record_add_child(r, HYOKA_RECORD_CONTRACT, &c));
    assert_unavailable(blk, HYOKA_FIG_NONCOMPETITIVE_SHARE, HYOKA_REASON_NO_CONTRACTS);
    OK(hyoka_record_set_not_applicable(c, HYOKA_FIELD_AMOUNT));
    assert_unavailable(blk, HYOKA_FIG_NONCOMPETITIVE_SHARE, HYOKA_REASON_NO_CONTRACTS);
    OK(hyoka_record_set_money(c, HYOKA_FIELD_AMOUNT, 0));
    assert_unavailable(blk, HYOKA_FIG_NONCOMPETITIVE_SHARE, HYOKA_REASON_ZERO_DENOMINATOR);
    OK(hyoka_project_add_record(p, HYOKA_RECORD_FLOW, &flow));
    assert_unavailable(flow, HYOKA_FIG_UNSPENT, HYOKA_REASON_NOT_A_FIGURE);
    assert_unavailable(c, HYOKA_FIG_SINGLE_BIDDER_SHARE, HYOKA_REASON_NOT_A_FIGURE);

    /* reasons have names and messages */
    for (int why = HYOKA_REASON_NO_APPROPRIATION; why <= HYOKA_REASON_NO_CONTRACTS; why++) {
        assert_non_null(hyoka_reason_name(why));
        assert_non_null(hyoka_reason_message(why, HYOKA_LANG_EN));
        assert_non_null(hyoka_reason_message(why, HYOKA_LANG_JA));
    }
    assert_string_equal(hyoka_reason_name(HYOKA_REASON_NO_TOTAL), "no_total");
    /* bad arguments */
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_figure(NULL, HYOKA_FIG_UNSPENT, &d, &reason));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_figure(b, HYOKA_FIG_UNSPENT, NULL, &reason));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_figure(b, -1, &d, &reason));
    EXPECT_FAIL(HYOKA_EINVAL, hyoka_record_figure(b, HYOKA_FIG_NONCOMPETITIVE_SHARE + 1, &d, &reason));
    /* the figures of records are not those of cost years or indicators */
    {
        hyoka_costs *y = NULL;
        hyoka_indicator *ind = NULL;
        OK(hyoka_project_add_year(p, 2023, &y));
        OK(hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &ind));
        for (int f = HYOKA_FIG_UNSPENT; f <= HYOKA_FIG_NONCOMPETITIVE_SHARE; f++) {
            assert_int_equal(hyoka_costs_figure(y, f, &d, &reason), HYOKA_EUNAVAILABLE);
            assert_int_equal(reason, HYOKA_REASON_NOT_A_FIGURE);
            assert_int_equal(hyoka_indicator_figure(ind, 2023, f, &d, &reason), HYOKA_EUNAVAILABLE);
            assert_int_equal(reason, HYOKA_REASON_NOT_A_FIGURE);
        }
    }
    hyoka_project_free(p);
}

static void test_figure_overflow(void **state)
{
    hyoka_project *p = new_project();
    hyoka_record *b = budget(p, 2023, NULL, INT64_MIN, 1, 0), *blk = NULL;
    hyoka_decimal d = D("77");
    static const struct contract big[] = {{INT64_MAX, "随意契約（少額）", 1}, {1, "随意契約（少額）", 1}};
    (void)state;

    EXPECT_FAIL(HYOKA_ERANGE, hyoka_record_figure(b, HYOKA_FIG_UNSPENT, &d, NULL));
    assert_decimal(&d, "77");
    OK(hyoka_record_set_money(b, HYOKA_FIELD_EXECUTION, 0));
    OK(hyoka_record_set_money(b, HYOKA_FIELD_CARRIED_OUT, 1));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_record_figure(b, HYOKA_FIG_UNSPENT, &d, NULL));
    OK(hyoka_record_set_money(b, HYOKA_FIELD_CARRIED_OUT, 0));
    assert_figure(b, HYOKA_FIG_UNSPENT, "-9223372036854775808");
    OK(hyoka_project_add_record(p, HYOKA_RECORD_BLOCK, &blk));
    recipient(blk, "x", NC(big));
    EXPECT_FAIL(HYOKA_ERANGE, hyoka_record_figure(blk, HYOKA_FIG_SINGLE_BIDDER_SHARE, &d, NULL));
    assert_decimal(&d, "77");
    hyoka_project_free(p);
}

/* 3-1: 11's output 10 of 2023, target 21, actual 20, printed 95.2381
 * (20 ÷ 21 × 100 at 5 places, trailing zeros dropped); 35 ÷ 12 → 291.66667. */
static void test_achievement_rs_rounding(void **state)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *p = new_project();
    hyoka_indicator *ind = NULL;
    hyoka_decimal v, printed = D("95.2381");
    int reason;
    (void)state;

    OK(hyoka_portfolio_new(&pf));
    OK(hyoka_portfolio_add_project(pf, p));
    OK(hyoka_project_add_indicator(p, HYOKA_KIND_ACTIVITY, &ind));
    OK(hyoka_indicator_set_number(ind, 10));
    OK(hyoka_indicator_set_direction(ind, HYOKA_DIRECTION_INCREASE));
    v = D("21");
    OK(hyoka_indicator_set_value(ind, 2023, HYOKA_VALUE_TARGET, &v));
    v = D("20");
    OK(hyoka_indicator_set_value(ind, 2023, HYOKA_VALUE_ACTUAL, &v));
    OK(hyoka_indicator_set_value(ind, 2023, HYOKA_VALUE_STATED_ACHIEVEMENT, &printed));
    /* the default: 1 place */
    OK(hyoka_indicator_figure(ind, 2023, HYOKA_FIG_ACHIEVEMENT, &v, &reason));
    assert_decimal(&v, "95.2");
    /* the RS rounding, through the document's rule */
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_ACHIEVEMENT, 5, HYOKA_ROUND_HALF_UP, HYOKA_UNIT_YEN));
    OK(hyoka_indicator_figure(ind, 2023, HYOKA_FIG_ACHIEVEMENT, &v, &reason));
    assert_decimal(&v, "95.23810");
    assert_int_equal(hyoka_decimal_cmp(&v, &printed), 0); /* equal by value */
    assert_false(hyoka_decimal_identical(&v, &printed));
    v = D("12");
    OK(hyoka_indicator_set_value(ind, 2024, HYOKA_VALUE_TARGET, &v));
    v = D("35");
    OK(hyoka_indicator_set_value(ind, 2024, HYOKA_VALUE_ACTUAL, &v));
    OK(hyoka_indicator_figure(ind, 2024, HYOKA_FIG_ACHIEVEMENT, &v, &reason));
    assert_decimal(&v, "291.66667");
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* hyoka/1                                                                   */

static char *write_doc(const hyoka_portfolio *pf, unsigned flags)
{
    char *out = NULL;
    size_t len = 0;
    OK(hyoka_json_write(pf, flags, &out, &len));
    assert_int_equal(strlen(out), len);
    return out;
}

static hyoka_portfolio *read_doc(const char *text)
{
    hyoka_portfolio *pf = NULL;
    hyoka_report *rep = NULL;
    OK(hyoka_report_new(&rep));
    if (hyoka_json_read(text, NTS, NULL, &pf, rep) != HYOKA_OK) {
        for (size_t i = 0; i < hyoka_report_count(rep); i++)
            print_error("%s %s %s\n", hyoka_report_code(rep, i), hyoka_report_path(rep, i),
                        hyoka_report_message(rep, i, HYOKA_LANG_EN));
        fail();
    }
    hyoka_report_free(rep);
    return pf;
}

/* A portfolio with rich_project(), its budgets, a finding and a reflection. */
static hyoka_portfolio *rich_portfolio(int unit)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *p = rich_project();
    hyoka_record *r = NULL;

    OK(hyoka_portfolio_new(&pf));
    OK(hyoka_portfolio_set_amount_unit(pf, unit));
    OK(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_APPROPRIATION_RATE, 5, HYOKA_ROUND_HALF_UP, HYOKA_UNIT_YEN));
    OK(hyoka_portfolio_add_project(pf, p));
    budget(p, 2023, NULL, 40217000, 28433000, 8260000);
    OK(hyoka_project_add_record(p, HYOKA_RECORD_REFLECTION, &r));
    OK(hyoka_record_set_text(r, HYOKA_FIELD_ACCOUNT_TYPE, "一般会計", NTS));
    OK(hyoka_record_set_money(r, HYOKA_FIELD_AMOUNT, -569000));
    OK(hyoka_project_add_record(p, HYOKA_RECORD_FINDING, &r));
    OK(hyoka_record_set_flag(r, HYOKA_FIELD_OTHER, 0));
    OK(hyoka_record_set_fiscal_year(r, HYOKA_FIELD_FISCAL_YEAR, 2023));
    OK(hyoka_record_set_text(r, HYOKA_FIELD_CONTENT, "令和５年度行政事業レビュー公開プロセス", NTS));
    OK(hyoka_project_add_record(p, HYOKA_RECORD_POLICY, NULL)); /* a record with nothing in it */
    return pf;
}

static void test_json_round_trip(void **state)
{
    (void)state;
    for (int unit = HYOKA_UNIT_YEN; unit <= HYOKA_UNIT_THOUSAND_YEN; unit++) {
        for (unsigned flags = 0; flags <= HYOKA_WRITE_COMPACT; flags += HYOKA_WRITE_COMPACT) {
            hyoka_portfolio *pf = rich_portfolio(unit), *back;
            char *text = write_doc(pf, flags), *again;
            back = read_doc(text);
            assert_true(hyoka_portfolio_equal(pf, back));
            again = write_doc(back, flags);
            assert_string_equal(text, again); /* write(read(x)) is a fixed point */
            hyoka_free(again);
            hyoka_free(text);
            hyoka_portfolio_free(back);
            hyoka_portfolio_free(pf);
        }
    }
}

/* The members as docs/format.md writes them. */
static void test_json_form(void **state)
{
    hyoka_portfolio *pf = rich_portfolio(HYOKA_UNIT_THOUSAND_YEN);
    char *text = write_doc(pf, HYOKA_WRITE_COMPACT);
    (void)state;

    assert_non_null(strstr(text, "\"organization\":{\"ministry\":\"デジタル庁\",\"ministry_order\":\"13\"}"));
    assert_non_null(strstr(text, "\"texts\":{\"issues\":"));
    assert_non_null(strstr(text, "\"category\":\"前年度事業\",\"start_unknown\":false,\"no_planned_end\":true,"
                                 "\"methods\":{\"direct\":true},\"budgets\":["));
    assert_non_null(strstr(text, "{\"budget_year\":2023,\"account_type\":\"一般会計\",\"appropriation\":13916000,"
                                 "\"items\":[{\"budget_type\":\"予備費等1\",\"amount\":13916000}]}"));
    assert_non_null(strstr(text, "\"execution\":28433,\"carried_out\":8260}"));
    assert_non_null(strstr(text, "\"amount\":263734,\"method\":\"国庫債務負担行為等\",\"bidders\":0,"
                                 "\"winning_bid_ratio\":\"-\",\"extensions\":{\"列X\":\"値\"}}"));
    assert_non_null(strstr(text, "\"winning_bid_ratio\":\"95.7\""));
    assert_non_null(strstr(text, "\"reflections\":[{\"account_type\":\"一般会計\",\"amount\":-569}]"));
    assert_non_null(strstr(text, "\"findings\":[{\"other\":false,\"fiscal_year\":2023,"));
    assert_non_null(strstr(text, "\"policies\":[{}]"));
    assert_non_null(strstr(text, "\"kind\":\"activity\",\"number\":10,\"goal\":"));
    assert_non_null(strstr(text, "\"target_fiscal_year\":2024}"));
    assert_non_null(strstr(text, "\"appropriation_rate\":{\"places\":5,\"mode\":\"half_up\"}"));
    /* no member of 1.1 in a document without them */
    {
        hyoka_portfolio *plain = NULL;
        hyoka_project *p = new_project();
        char *t;
        OK(hyoka_portfolio_new(&plain));
        OK(hyoka_project_set_code(p, "1", NTS));
        OK(hyoka_project_set_text(p, HYOKA_TEXT_DEPARTMENT, "総合政策部", NTS));
        OK(hyoka_portfolio_add_project(plain, p));
        t = write_doc(plain, HYOKA_WRITE_COMPACT);
        assert_string_equal(t, "{\"format\":\"hyoka/1\",\"amount_unit\":\"yen\",\"projects\":[{\"code\":\"1\","
                               "\"organization\":{\"department\":\"総合政策部\"}}]}");
        hyoka_free(t);
        hyoka_portfolio_free(plain);
    }
    hyoka_free(text);
    hyoka_portfolio_free(pf);
}

/* Amounts read before "amount_unit" are converted at the end, records' too. */
static void test_json_unit_after_projects(void **state)
{
    static const char late[] =
        "{\"format\":\"hyoka/1\",\"projects\":[{\"blocks\":[{\"total\":2105314,\"recipients\":[{\"contracts\":"
        "[{\"amount\":1841580.5}]}]}],\"budgets\":[{\"appropriation\":\"-\",\"execution\":28433}]}],"
        "\"amount_unit\":\"thousand_yen\"}";
    static const char late_yen[] =
        "{\"format\":\"hyoka/1\",\"projects\":[{\"budgets\":[{\"execution\":9223372036854775807,"
        "\"initial\":28433}]}],\"amount_unit\":\"yen\"}";
    hyoka_portfolio *pf = read_doc(late);
    hyoka_project *p = hyoka_portfolio_project_at(pf, 0);
    hyoka_record *blk = hyoka_project_record_at(p, HYOKA_RECORD_BLOCK, 0);
    hyoka_record *c = hyoka_record_child_at(hyoka_record_child_at(blk, HYOKA_RECORD_RECIPIENT, 0),
                                            HYOKA_RECORD_CONTRACT, 0);
    hyoka_record *b = hyoka_project_record_at(p, HYOKA_RECORD_BUDGET, 0);
    int64_t v = 0;
    (void)state;

    assert_int_equal(hyoka_record_money(blk, HYOKA_FIELD_TOTAL, &v), 1);
    assert_true(v == 2105314000);
    assert_int_equal(hyoka_record_money(c, HYOKA_FIELD_AMOUNT, &v), 1);
    assert_true(v == 1841580500);
    assert_int_equal(hyoka_record_field_state(b, HYOKA_FIELD_APPROPRIATION), HYOKA_STATE_NOT_APPLICABLE);
    assert_int_equal(hyoka_record_money(b, HYOKA_FIELD_EXECUTION, &v), 1);
    assert_true(v == 28433000);
    hyoka_portfolio_free(pf);

    pf = read_doc(late_yen);
    b = hyoka_project_record_at(hyoka_portfolio_project_at(pf, 0), HYOKA_RECORD_BUDGET, 0);
    assert_int_equal(hyoka_record_money(b, HYOKA_FIELD_EXECUTION, &v), 1);
    assert_true(v == INT64_MAX);
    assert_int_equal(hyoka_record_money(b, HYOKA_FIELD_INITIAL, &v), 1);
    assert_true(v == 28433);
    hyoka_portfolio_free(pf);
}

struct json_error {
    const char *doc;
    const char *code;
    const char *path;
};

static void test_json_errors(void **state)
{
#define DOC(projects) "{\"format\":\"hyoka/1\",\"projects\":[" projects "]}"
    static const struct json_error cases[] = {
        {DOC("{\"budgets\":[{\"apropriation\":1}]}"), "S002", "/projects/0/budgets/0/apropriation"},
        {DOC("{\"budgets\":[{\"items\":[{\"bidders\":1}]}]}"), "S002", "/projects/0/budgets/0/items/0/bidders"},
        {DOC("{\"items\":[]}"), "S002", "/projects/0/items"},
        {DOC("{\"blocks\":[{\"contracts\":[]}]}"), "S002", "/projects/0/blocks/0/contracts"},
        {DOC("{\"budgets\":[{\"appropriation\":\"1\"}]}"), "S003", "/projects/0/budgets/0/appropriation"},
        {DOC("{\"budgets\":[{\"appropriation\":1.5}]}"), "S004", "/projects/0/budgets/0/appropriation"},
        {DOC("{\"budgets\":[{\"budget_year\":1850}]}"), "S004", "/projects/0/budgets/0/budget_year"},
        {DOC("{\"budgets\":[{\"notes\":1}]}"), "S003", "/projects/0/budgets/0/notes"},
        {DOC("{\"blocks\":[{\"recipients\":[{\"other\":\"false\"}]}]}"), "S003",
         "/projects/0/blocks/0/recipients/0/other"},
        {DOC("{\"blocks\":[{\"recipient_count\":-1}]}"), "S004", "/projects/0/blocks/0/recipient_count"},
        {DOC("{\"blocks\":[{\"block\":\"A\",\"block\":\"B\"}]}"), "J003", "/projects/0/blocks/0/block"},
        {DOC("{\"blocks\":{}}"), "S003", "/projects/0/blocks"},
        {DOC("{\"blocks\":[1]}"), "S003", "/projects/0/blocks/0"},
        {DOC("{\"blocks\":[{\"extensions\":{\"a\":1}}]}"), "S003", "/projects/0/blocks/0/extensions/a"},
        {DOC("{\"methods\":{\"direct\":1}}"), "S003", "/projects/0/methods/direct"},
        {DOC("{\"methods\":{\"indirect\":true}}"), "S002", "/projects/0/methods/indirect"},
        {DOC("{\"no_planned_end\":\"true\"}"), "S003", "/projects/0/no_planned_end"},
        {DOC("{\"organization\":{\"bureau\":3}}"), "S003", "/projects/0/organization/bureau"},
        {DOC("{\"indicators\":[{\"term\":\"short-term\"}]}"), "S004", "/projects/0/indicators/0/term"},
        {DOC("{\"indicators\":[{\"number\":-1}]}"), "S004", "/projects/0/indicators/0/number"},
        {DOC("{\"indicators\":[{\"baseline\":{\"value\":\"x\"}}]}"), "S004",
         "/projects/0/indicators/0/baseline/value"},
        {DOC("{\"indicators\":[{\"baseline\":{\"year\":2020}}]}"), "S002",
         "/projects/0/indicators/0/baseline/year"},
    };
    (void)state;

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        hyoka_portfolio *pf = NULL;
        hyoka_report *rep = NULL;
        OK(hyoka_report_new(&rep));
        if (hyoka_json_read(cases[i].doc, NTS, NULL, &pf, rep) != HYOKA_EINVALID)
            fail_msg("%s: read without an error", cases[i].doc);
        assert_null(pf);
        assert_int_equal(hyoka_report_count(rep), 1);
        if (strcmp(hyoka_report_code(rep, 0), cases[i].code) != 0 ||
            strcmp(hyoka_report_path(rep, 0), cases[i].path) != 0)
            fail_msg("%s: %s %s (%s)", cases[i].doc, hyoka_report_code(rep, 0), hyoka_report_path(rep, 0),
                     hyoka_report_message(rep, 0, HYOKA_LANG_EN));
        hyoka_report_free(rep);
    }
    /* "-" in a text field is the text "-"; null is missing */
    {
        hyoka_portfolio *pf = read_doc(DOC("{\"budgets\":[{\"notes\":\"-\",\"initial\":null,\"execution\":\"-\"}]}"));
        hyoka_record *b = hyoka_project_record_at(hyoka_portfolio_project_at(pf, 0), HYOKA_RECORD_BUDGET, 0);
        assert_string_equal(hyoka_record_text(b, HYOKA_FIELD_NOTES), "-");
        assert_int_equal(hyoka_record_field_state(b, HYOKA_FIELD_INITIAL), HYOKA_STATE_MISSING);
        assert_int_equal(hyoka_record_field_state(b, HYOKA_FIELD_EXECUTION), HYOKA_STATE_NOT_APPLICABLE);
        hyoka_portfolio_free(pf);
    }
#undef DOC
}

/* docs/format.md documents every kind with every field and its type as
 * the schema has them. */
static void test_format_doc(void **state)
{
    const char *root = getenv("HYOKA_SOURCE_ROOT");
    char path[4096], *doc;
    FILE *fp;
    long size;
    (void)state;

    if (!root)
        skip();
    snprintf(path, sizeof path, "%s/docs/format.md", root);
    fp = fopen(path, "rb");
    assert_non_null(fp);
    assert_int_equal(fseek(fp, 0, SEEK_END), 0);
    size = ftell(fp);
    assert_true(size > 0);
    rewind(fp);
    doc = malloc((size_t)size + 1);
    assert_non_null(doc);
    assert_int_equal(fread(doc, 1, (size_t)size, fp), (size_t)size);
    doc[size] = '\0';
    fclose(fp);
    for (int k = 0; k < KINDS; k++) {
        char heading[96], row[128];
        const char *at, *end, *found;
        snprintf(heading, sizeof heading, "\n### `%s` (", kind_name(k));
        at = strstr(doc, heading);
        if (!at)
            fail_msg("docs/format.md has no section for %s", kind_name(k));
        end = strstr(at + 1, "\n#");
        for (int f = 0; f < FIELDS; f++) {
            int type = hyoka_record_field_type(k, f);
            const char *t;
            if (type < 0)
                continue;
            t = type == HYOKA_TYPE_FISCAL_YEAR ? "fiscal year" : hyoka_enum_name(HYOKA_ENUM_FIELD_TYPE, type);
            snprintf(row, sizeof row, "\n| `%s` | %s |", field_name(f), t);
            found = strstr(at, row);
            if (!found || (end && found > end))
                fail_msg("docs/format.md: %s: no row %s", kind_name(k), row + 1);
        }
    }
    free(doc);
}

/* ------------------------------------------------------------------------ */
/* Allocation failures                                                       */

static int body_build(void *ctx)
{
    hyoka_project *p = NULL;
    hyoka_record *blk = NULL, *r = NULL, *c = NULL;
    int rc;
    (void)ctx;

    if ((rc = hyoka_project_new(&p)) != HYOKA_OK)
        return rc;
    rc = hyoka_project_add_record(p, HYOKA_RECORD_BLOCK, &blk);
    if (rc != HYOKA_OK) {
        assert_int_equal(hyoka_project_record_count(p, HYOKA_RECORD_BLOCK), 0);
        goto out;
    }
    rc = hyoka_record_set_text(blk, HYOKA_FIELD_NAME, "株式会社ＮＴＴデータ", NTS);
    if (rc != HYOKA_OK) {
        assert_int_equal(hyoka_record_field_state(blk, HYOKA_FIELD_NAME), HYOKA_STATE_MISSING);
        goto out;
    }
    for (int i = 0; i < 5; i++) { /* through a growth of the list */
        rc = hyoka_record_add_child(blk, HYOKA_RECORD_RECIPIENT, &r);
        if (rc != HYOKA_OK) {
            assert_int_equal(hyoka_record_child_count(blk, HYOKA_RECORD_RECIPIENT), (size_t)i);
            goto out;
        }
    }
    rc = hyoka_record_add_child(r, HYOKA_RECORD_CONTRACT, &c);
    if (rc == HYOKA_OK)
        rc = hyoka_record_set_money(c, HYOKA_FIELD_AMOUNT, 1841580000);
    if (rc == HYOKA_OK) {
        rc = hyoka_record_set_extension(c, "列X", NTS, "値", NTS);
        if (rc != HYOKA_OK)
            assert_int_equal(hyoka_record_extension_count(c), 0);
    }
out:
    hyoka_project_free(p);
    return rc;
}

static void test_sweep_build(void **state)
{
    (void)state;
    assert_true(failalloc_sweep(body_build, NULL) >= 8);
}

static int body_copy(void *ctx)
{
    const hyoka_project *p = ctx;
    hyoka_project *c = NULL;
    int rc = hyoka_project_copy(p, &c);
    if (rc == HYOKA_OK)
        assert_true(hyoka_project_equal(p, c));
    else
        assert_null(c);
    hyoka_project_free(c);
    return rc;
}

static void test_sweep_copy(void **state)
{
    hyoka_project *p = rich_project();
    (void)state;
    assert_true(failalloc_sweep(body_copy, p) >= 20);
    hyoka_project_free(p);
}

struct doc_ctx {
    const char *text;
    const hyoka_portfolio *expected;
};

static int body_read(void *ctx)
{
    const struct doc_ctx *d = ctx;
    hyoka_portfolio *pf = NULL;
    int rc = hyoka_json_read(d->text, NTS, NULL, &pf, NULL);
    if (rc == HYOKA_OK)
        assert_true(hyoka_portfolio_equal(pf, d->expected));
    hyoka_portfolio_free(pf);
    return rc;
}

static int body_write(void *ctx)
{
    const struct doc_ctx *d = ctx;
    char *out = NULL;
    size_t len = 0;
    int rc = hyoka_json_write(d->expected, 0, &out, &len);
    if (rc == HYOKA_OK)
        assert_string_equal(out, d->text);
    hyoka_free(out);
    return rc;
}

static void test_sweep_json(void **state)
{
    hyoka_portfolio *pf = rich_portfolio(HYOKA_UNIT_THOUSAND_YEN);
    struct doc_ctx d;
    char *text = write_doc(pf, 0);
    (void)state;

    d.text = text;
    d.expected = pf;
    assert_true(failalloc_sweep(body_read, &d) >= 1);
    assert_true(failalloc_sweep(body_write, &d) >= 1);
    hyoka_free(text);
    hyoka_portfolio_free(pf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_schema),
        cmocka_unit_test(test_every_kind_and_field),
        cmocka_unit_test(test_missing_not_applicable_zero),
        cmocka_unit_test(test_values_checked),
        cmocka_unit_test(test_children),
        cmocka_unit_test(test_extensions),
        cmocka_unit_test(test_copy_equal),
        cmocka_unit_test(test_project_flags),
        cmocka_unit_test(test_indicator_additions),
        cmocka_unit_test(test_budget_figures_884),
        cmocka_unit_test(test_account_share_3522),
        cmocka_unit_test(test_block_shares_11),
        cmocka_unit_test(test_figures_unavailable),
        cmocka_unit_test(test_figure_overflow),
        cmocka_unit_test(test_achievement_rs_rounding),
        cmocka_unit_test(test_json_round_trip),
        cmocka_unit_test(test_json_form),
        cmocka_unit_test(test_json_unit_after_projects),
        cmocka_unit_test(test_json_errors),
        cmocka_unit_test(test_format_doc),
        cmocka_unit_test(test_sweep_build),
        cmocka_unit_test(test_sweep_copy),
        cmocka_unit_test(test_sweep_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
