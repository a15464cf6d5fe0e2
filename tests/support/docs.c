/* Test support: sample documents and generated portfolios (docs.h). */
#if !defined(_POSIX_C_SOURCE) || _POSIX_C_SOURCE < 200809L
#  undef _POSIX_C_SOURCE
#  define _POSIX_C_SOURCE 200809L
#endif
#include "docs.h"

#include <dirent.h>
#include <stdarg.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <sys/stat.h>
#include <unistd.h>

char *docs_read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;

    if (!f)
        return NULL;
    for (;;) {
        size_t got;
        if (cap - n < 4096) {
            char *grown;
            cap = cap ? cap * 2 : 65536;
            grown = realloc(buf, cap + 1);
            assert_non_null(grown);
            buf = grown;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

size_t docs_each_in(const char *dir, docs_fn fn, void *user)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t files = 0;

    assert_non_null(d);
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name), len;
        char path[8192], *text;

        if (n < 6 || strcmp(e->d_name + n - 5, ".json") != 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        text = docs_read_all(path, &len);
        assert_non_null(text);
        fn(path, text, len, user);
        free(text);
        files++;
    }
    closedir(d);
    return files;
}

size_t docs_each(docs_fn fn, void *user)
{
    static const char *const dirs[] = {"examples/sheets", "tests/data/json", "tests/data/json/conformance"};
    const char *root = getenv("HYOKA_SOURCE_ROOT");
    size_t files = 0;

    if (!root)
        return 0;
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/%s", root, dirs[i]);
        files += docs_each_in(dir, fn, user);
    }
    return files;
}

/* ---- generated portfolios ---- */

struct rng {
    uint64_t s;
};

static unsigned next(struct rng *r, unsigned below)
{
    r->s = r->s * 6364136223846793005u + 1442695040888963407u;
    return (unsigned)((r->s >> 33) % below);
}

/* An amount: usually ordinary, sometimes 0, sometimes large enough that
 * sums overflow 64-bit yen. */
static int64_t amount(struct rng *r)
{
    switch (next(r, 10)) {
    case 0:
        return 0;
    case 1:
        return INT64_MAX / 3 + (int64_t)next(r, 1000);
    default:
        return (int64_t)next(r, 100000) * 1000 + (int64_t)next(r, 1000);
    }
}

static hyoka_decimal small_decimal(struct rng *r, int zero_ok)
{
    hyoka_decimal d;
    int64_t c = (int64_t)next(r, 20000);
    if (c == 0 && !zero_ok)
        c = 1;
    assert_int_equal(hyoka_decimal_from_parts(c, (int)next(r, 3), &d), HYOKA_OK);
    return d;
}

static void gen_staff(struct rng *r, hyoka_costs *c)
{
    unsigned lines = next(r, 4);

    for (unsigned i = 0; i < lines; i++) {
        hyoka_staff *s = NULL;
        hyoka_decimal d = small_decimal(r, 1);
        assert_int_equal(hyoka_costs_add_staff(c, HYOKA_UNSET, &s), HYOKA_OK);
        if (next(r, 2))
            assert_int_equal(hyoka_staff_set_decimal(s, HYOKA_STAFF_FTE, &d), HYOKA_OK);
        if (next(r, 3) == 0)
            assert_int_equal(hyoka_staff_set_decimal(s, HYOKA_STAFF_HOURS, &d), HYOKA_OK);
        if (next(r, 2))
            (void)hyoka_staff_set_amount(s, HYOKA_STAFF_UNIT_COST, amount(r));
        if (next(r, 3) == 0)
            (void)hyoka_staff_set_amount(s, HYOKA_STAFF_HOURLY_RATE, amount(r) / 1000);
        if (next(r, 2))
            (void)hyoka_staff_set_amount(s, HYOKA_STAFF_AMOUNT, amount(r));
    }
}

static void gen_years(struct rng *r, hyoka_project *p)
{
    unsigned years = next(r, 6);

    for (unsigned i = 0; i < years; i++) {
        hyoka_costs *c = NULL;
        int32_t fy = 2018 + (int32_t)next(r, 7);
        if (hyoka_project_add_year(p, fy, &c) != HYOKA_OK)
            continue; /* that fiscal year already has a cost year */
        (void)hyoka_costs_set_phase(c, next(r, 5) == 0 ? HYOKA_UNSET : (int)next(r, 4));
        for (int f = HYOKA_COST_INITIAL_BUDGET; f <= HYOKA_COST_HOUSEHOLDS; f++)
            if (next(r, 5) < 3)
                (void)hyoka_costs_set(c, f, f >= HYOKA_COST_USAGE ? (int64_t)next(r, 3) * next(r, 5000) : amount(r));
        gen_staff(r, c);
    }
}

static void gen_indicators(struct rng *r, hyoka_project *p)
{
    unsigned count = next(r, 4);

    for (unsigned i = 0; i < count; i++) {
        hyoka_indicator *ind = NULL;
        assert_int_equal(hyoka_project_add_indicator(p, (int)next(r, 4), &ind), HYOKA_OK);
        if (next(r, 6))
            assert_int_equal(hyoka_indicator_set_direction(ind, (int)next(r, 3)), HYOKA_OK);
        if (next(r, 8) == 0)
            assert_int_equal(hyoka_indicator_set_not_settable(ind, 1), HYOKA_OK);
        for (int32_t fy = 2019; fy <= 2023; fy++) {
            if (next(r, 4) == 0)
                continue;
            for (int field = HYOKA_VALUE_TARGET; field <= HYOKA_VALUE_ACTUAL; field++)
                if (next(r, 5)) {
                    hyoka_decimal d = small_decimal(r, 1);
                    assert_int_equal(hyoka_indicator_set_value(ind, fy, field, &d), HYOKA_OK);
                }
        }
    }
}

static hyoka_project *gen_project(struct rng *r, size_t index, int depth)
{
    hyoka_project *p = NULL;
    char code[32];

    assert_int_equal(hyoka_project_new(&p), HYOKA_OK);
    snprintf(code, sizeof code, "%05zu", index);
    assert_int_equal(hyoka_project_set_code(p, code, HYOKA_NTS), HYOKA_OK);
    assert_int_equal(hyoka_project_set_name(p, "generated", HYOKA_NTS), HYOKA_OK);
    gen_years(r, p);
    gen_indicators(r, p);
    if (depth == 0 && next(r, 5) == 0)
        assert_int_equal(hyoka_project_add_child(p, gen_project(r, index * 100 + 1, 1)), HYOKA_OK);
    return p;
}

hyoka_portfolio *docs_generate(unsigned seed, size_t projects)
{
    struct rng r = {seed * 2654435761u + 1};
    hyoka_portfolio *pf = NULL;

    assert_int_equal(hyoka_portfolio_new(&pf), HYOKA_OK);
    for (int32_t fy = 2018; fy <= 2024; fy++) {
        if (next(&r, 3) == 0)
            continue;
        assert_int_equal(hyoka_portfolio_set_denominator(pf, fy, HYOKA_COST_POPULATION, next(&r, 6) ? 50000 + next(&r, 90000) : 0), HYOKA_OK);
        if (next(&r, 2))
            assert_int_equal(hyoka_portfolio_set_denominator(pf, fy, HYOKA_COST_HOUSEHOLDS, 20000 + next(&r, 40000)), HYOKA_OK);
    }
    if (next(&r, 2))
        assert_int_equal(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_PER_CAPITA, 1, HYOKA_ROUND_HALF_UP, HYOKA_UNIT_THOUSAND_YEN), HYOKA_OK);
    for (size_t i = 0; i < projects; i++)
        assert_int_equal(hyoka_portfolio_add_project(pf, gen_project(&r, i, 0)), HYOKA_OK);
    return pf;
}

int docs_count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;

    if (!d)
        return -1;
    while ((e = readdir(d)) != NULL)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

void docs_remove_tree(const char *path)
{
    struct stat st;
    DIR *d;
    struct dirent *e;

    if (lstat(path, &st) != 0)
        return;
    if (!S_ISDIR(st.st_mode)) {
        unlink(path);
        return;
    }
    d = opendir(path);
    while (d && (e = readdir(d)) != NULL) {
        char sub[4096];
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
        docs_remove_tree(sub);
    }
    if (d)
        closedir(d);
    rmdir(path);
}
