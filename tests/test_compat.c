/* Programs built against an earlier version keep working (abi/README.md).
 *
 * hyoka_csv_options grew in 1.1 (max_table, flags). A program built against
 * 1.0 has the smaller structure and was linked to
 * hyoka_csv_options_init@HYOKA_1.0; that version must write only the 1.0
 * fields, and the functions taking options must accept the 1.0 size with
 * the later fields at their defaults. The test reaches each version of the
 * symbol by name (dlvsym), as the dynamic linker does for such a program. */
#define _GNU_SOURCE 1

#include <dlfcn.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

#define OK(x) assert_int_equal((x), HYOKA_OK)

/* hyoka_csv_options as the 1.0 header declared it. */
struct csv_options_1_0 {
    size_t size;
    int encoding;
    size_t max_field;
    size_t max_row;
    size_t max_diagnostics;
};

typedef int (*init_fn)(void *options);

static init_fn version_of_init(const char *node)
{
    /* The library the test is linked to, already loaded: found by SONAME. */
    void *lib = dlopen("libhyoka.so.1", RTLD_NOW | RTLD_NOLOAD);
    void *sym;
    init_fn fn = NULL;
    assert_non_null(lib);
    sym = dlvsym(lib, "hyoka_csv_options_init", node);
    dlclose(lib);
    if (sym) /* (ISO C has no cast from an object to a function pointer) */
        memcpy(&fn, &sym, sizeof fn);
    return fn;
}

/* The 1.0 version writes the 1.0 structure and not one byte past it. */
static void init_1_0_stays_in_the_1_0_structure(void **state)
{
    struct {
        struct csv_options_1_0 o;
        unsigned char guard[64];
    } mem;
    init_fn init = version_of_init("HYOKA_1.0");
    (void)state;
    assert_non_null(init);
    memset(&mem, 0xA5, sizeof mem);
    OK(init(&mem.o));
    assert_int_equal(mem.o.size, offsetof(hyoka_csv_options, max_table));
    assert_int_equal(mem.o.size, sizeof(struct csv_options_1_0));
    assert_int_equal(mem.o.encoding, HYOKA_ENCODING_UTF8_BOM);
    assert_int_equal(mem.o.max_field, (size_t)1 << 20);
    assert_int_equal(mem.o.max_row, (size_t)4 << 20);
    assert_int_equal(mem.o.max_diagnostics, 1000);
    for (size_t i = 0; i < sizeof mem.guard; i++)
        assert_int_equal(mem.guard[i], 0xA5);
    assert_int_equal(init(NULL), HYOKA_EINVAL);
}

/* The default version, the one a program built against this header links
 * to, fills the whole structure. */
static void default_version_is_the_current_one(void **state)
{
    hyoka_csv_options a, b;
    init_fn init = version_of_init("HYOKA_1.1");
    (void)state;
    assert_non_null(init);
    memset(&a, 0x5A, sizeof a);
    memset(&b, 0x00, sizeof b);
    OK(init(&a));
    OK(hyoka_csv_options_init(&b));
    assert_int_equal(a.size, sizeof(hyoka_csv_options));
    assert_memory_equal(&a, &b, sizeof a);
    assert_int_equal(b.max_table, (size_t)1 << 30);
    assert_int_equal(b.flags, 0);
}

/* A 1.0 structure set by the 1.0 version is taken by the functions of this
 * version: what it says is used, the rest takes its defaults. */
static void functions_take_the_1_0_structure(void **state)
{
    struct csv_options_1_0 o;
    hyoka_portfolio *pf = NULL;
    char *out = NULL;
    size_t len = 0;
    init_fn init = version_of_init("HYOKA_1.0");
    (void)state;
    assert_non_null(init);
    OK(init(&o));
    o.encoding = HYOKA_ENCODING_UTF8; /* no BOM */
    OK(hyoka_portfolio_new(&pf));
    OK(hyoka_csv_write_table(pf, HYOKA_CSV_PROJECTS, (const hyoka_csv_options *)(const void *)&o, &out, &len,
                             NULL));
    assert_true(len > 3);
    assert_false((unsigned char)out[0] == 0xEF); /* the 1.0 field was read */
    hyoka_free(out);
    hyoka_portfolio_free(pf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(init_1_0_stays_in_the_1_0_structure),
        cmocka_unit_test(default_version_is_the_current_one),
        cmocka_unit_test(functions_take_the_1_0_structure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
