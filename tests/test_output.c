/* Writing files and folders (docs/output.md), through the public API: a
 * device, a FIFO and a standard stream are written in place and stay what
 * they are; a symbolic link to a file keeps the link; a folder output is
 * made whole, replaces an earlier portfolio's folder without leaving any of
 * its files, never writes through a symbolic link, refuses a folder of
 * other files unless told to replace it, and is left as it was when the
 * write fails; reading a CSV folder stops at max_table and refuses a
 * folder with none of the tables. */
#if !defined(_POSIX_C_SOURCE) || _POSIX_C_SOURCE < 200809L
#  undef _POSIX_C_SOURCE
#  define _POSIX_C_SOURCE 200809L
#endif

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

#include "docs.h"
#include "failalloc.h"
#include "seeds.h"

#define OK(x) assert_int_equal((x), HYOKA_OK)
#define NT HYOKA_CSV_TABLE_COUNT
#define MARKER ".hyoka-output"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;

    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    if (len)
        *len = (size_t)n;
    return buf;
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
}

/* The names in a folder, sorted, joined by spaces ("" for an empty one;
 * NULL when it cannot be read). */
static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *listing(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char *names[256], *out;
    size_t n = 0, len = 1;

    if (!d)
        return NULL;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        assert_true(n < 256);
        names[n] = strdup(e->d_name);
        len += strlen(e->d_name) + 1;
        n++;
    }
    closedir(d);
    qsort(names, n, sizeof names[0], by_name);
    out = calloc(1, len);
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(out, " ");
        strcat(out, names[i]);
        free(names[i]);
    }
    return out;
}

static void assert_listing(const char *dir, const char *want)
{
    char *got = listing(dir);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

/* The files of a folder and their bytes, concatenated, to compare a
 * folder before and after. */
static char *snapshot(const char *dir)
{
    char *names = listing(dir), *out, *p, *save = NULL;
    size_t cap = 1024, len = 0;

    assert_non_null(names);
    out = malloc(cap);
    for (p = strtok_r(names, " ", &save); p; p = strtok_r(NULL, " ", &save)) {
        char path[4096];
        size_t n = 0;
        char *bytes;
        snprintf(path, sizeof path, "%s/%s", dir, p);
        bytes = read_file(path, &n);
        assert_non_null(bytes);
        while (len + strlen(p) + n + 4 > cap)
            cap *= 2;
        out = realloc(out, cap);
        memcpy(out + len, p, strlen(p));
        len += strlen(p);
        out[len++] = '\n';
        memcpy(out + len, bytes, n);
        len += n;
        out[len++] = '\n';
        free(bytes);
    }
    out[len] = '\0';
    free(names);
    return out;
}

/* No temporary folder or file of hyoka is left in @p dir. */
static void assert_no_leftovers(const char *dir)
{
    char *names = listing(dir);
    assert_non_null(names);
    assert_null(strstr(names, ".hyoka-"));
    assert_null(strstr(names, ".tmp"));
    free(names);
}

static const char *source_root(void)
{
    const char *root = getenv("HYOKA_SOURCE_ROOT");
    return root && root[0] ? root : NULL;
}

static hyoka_portfolio *sheet(const char *name)
{
    char path[4096];
    hyoka_portfolio *pf = NULL;

    snprintf(path, sizeof path, "%s/examples/sheets/%s", source_root(), name);
    OK(hyoka_json_read_file(path, NULL, &pf, NULL));
    return pf;
}

static char *make_tmp(void)
{
    char *t = strdup("/tmp/hyoka-output-XXXXXX");
    assert_non_null(mkdtemp(t));
    return t;
}

static char *json_of(const hyoka_portfolio *pf, size_t *len)
{
    char *out = NULL;
    OK(hyoka_json_write(pf, 0, &out, len));
    return out;
}

/* ------------------------------------------------------------------------ */
/* Files                                                                     */

/* /dev/full: the write fails with the system's reason, and /dev/full
 * stays a device (it was once replaced by a regular file). */
static void test_device_full(void **state)
{
    hyoka_portfolio *pf = NULL;
    struct stat st;
    (void)state;

    if (stat("/dev/full", &st) != 0 || !S_ISCHR(st.st_mode))
        skip();
    OK(seed001_build(&pf));
    assert_int_equal(hyoka_json_write_file(pf, 0, "/dev/full"), HYOKA_EIO);
    assert_non_null(strstr(hyoka_error_last(), "hyoka_json_write_file"));
    assert_non_null(strstr(hyoka_error_last(), "\"/dev/full\""));
    assert_non_null(strstr(hyoka_error_last(), strerror(ENOSPC)));
    assert_int_equal(lstat("/dev/full", &st), 0);
    assert_true(S_ISCHR(st.st_mode));
    /* /dev/null takes it all */
    OK(hyoka_json_write_file(pf, HYOKA_WRITE_COMPACT, "/dev/null"));
    assert_int_equal(lstat("/dev/null", &st), 0);
    assert_true(S_ISCHR(st.st_mode));
    hyoka_portfolio_free(pf);
}

struct drain {
    const char *path; /* a FIFO to open, or NULL: fd */
    int fd;
    char *data;
    size_t len;
};

static void *drain_thread(void *arg)
{
    struct drain *d = arg;
    size_t cap = 1 << 16;
    int fd = d->path ? open(d->path, O_RDONLY) : d->fd;

    d->data = malloc(cap);
    d->len = 0;
    if (fd < 0)
        return NULL;
    for (;;) {
        ssize_t n;
        if (d->len == cap) {
            cap *= 2;
            d->data = realloc(d->data, cap);
        }
        n = read(fd, d->data + d->len, cap - d->len);
        if (n <= 0)
            break;
        d->len += (size_t)n;
    }
    close(fd);
    return NULL;
}

/* A FIFO: its reader gets the whole document, and it stays a FIFO. */
static void test_fifo(void **state)
{
    hyoka_portfolio *pf = NULL;
    char *tmp = make_tmp(), path[4200], *want;
    struct drain d = {0};
    pthread_t th;
    struct stat st;
    size_t wlen = 0;
    (void)state;

    OK(seed003_build(&pf));
    want = json_of(pf, &wlen);
    snprintf(path, sizeof path, "%s/pipe", tmp);
    assert_int_equal(mkfifo(path, 0600), 0);
    d.path = path;
    assert_int_equal(pthread_create(&th, NULL, drain_thread, &d), 0);
    OK(hyoka_json_write_file(pf, 0, path));
    assert_int_equal(pthread_join(th, NULL), 0);
    assert_int_equal(d.len, wlen);
    assert_memory_equal(d.data, want, wlen);
    assert_int_equal(lstat(path, &st), 0);
    assert_true(S_ISFIFO(st.st_mode));
    assert_listing(tmp, "pipe");
    free(d.data);
    hyoka_free(want);
    docs_remove_tree(tmp);
    free(tmp);
    hyoka_portfolio_free(pf);
}

/* A standard stream named by /dev/fd/N (here a pipe) is written in place. */
static void test_stream(void **state)
{
    hyoka_portfolio *pf = NULL;
    struct drain d = {0};
    pthread_t th;
    char path[64], *want;
    size_t wlen = 0;
    int fds[2];
    struct stat st;
    (void)state;

    if (stat("/dev/fd", &st) != 0)
        skip();
    OK(seed001_build(&pf));
    want = json_of(pf, &wlen);
    assert_int_equal(pipe(fds), 0);
    d.fd = fds[0];
    assert_int_equal(pthread_create(&th, NULL, drain_thread, &d), 0);
    snprintf(path, sizeof path, "/dev/fd/%d", fds[1]);
    OK(hyoka_json_write_file(pf, 0, path));
    close(fds[1]);
    assert_int_equal(pthread_join(th, NULL), 0);
    assert_int_equal(d.len, wlen);
    assert_memory_equal(d.data, want, wlen);
    free(d.data);
    hyoka_free(want);
    hyoka_portfolio_free(pf);
}

/* A regular file is replaced whole and keeps its permission bits; a
 * symbolic link keeps pointing where it did and the file it points to is
 * replaced; a link to nothing creates that file; a folder is an error. */
static void test_regular_and_links(void **state)
{
    hyoka_portfolio *pf = NULL;
    char *tmp = make_tmp(), file[4200], link[4300], sub[4200], dangling[4200], target[4300], got[256], *want, *text;
    size_t wlen = 0, n = 0;
    struct stat st;
    ssize_t k;
    (void)state;

    OK(seed001_build(&pf));
    want = json_of(pf, &wlen);
    snprintf(file, sizeof file, "%s/doc.json", tmp);
    write_text(file, "old");
    assert_int_equal(chmod(file, 0640), 0);
    OK(hyoka_json_write_file(pf, 0, file));
    text = read_file(file, &n);
    assert_int_equal(n, wlen);
    assert_memory_equal(text, want, wlen);
    free(text);
    assert_int_equal(stat(file, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);

    /* a relative link in another folder: sub/link.json -> ../doc.json */
    snprintf(sub, sizeof sub, "%s/sub", tmp);
    assert_int_equal(mkdir(sub, 0755), 0);
    snprintf(link, sizeof link, "%s/link.json", sub);
    assert_int_equal(symlink("../doc.json", link), 0);
    write_text(file, "old again");
    OK(hyoka_json_write_file(pf, HYOKA_WRITE_COMPACT, link));
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    k = readlink(link, got, sizeof got - 1);
    assert_true(k > 0);
    got[k] = '\0';
    assert_string_equal(got, "../doc.json");
    text = read_file(file, &n);
    assert_true(n > 0 && n < wlen); /* the compact form */
    assert_int_equal(text[0], '{');
    free(text);
    assert_int_equal(stat(file, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
    assert_listing(sub, "link.json");

    /* a link to nothing: the file it names is made, the link stays */
    snprintf(dangling, sizeof dangling, "%s/dangling.json", tmp);
    snprintf(target, sizeof target, "%s/made.json", tmp);
    assert_int_equal(symlink(target, dangling), 0);
    OK(hyoka_json_write_file(pf, 0, dangling));
    assert_int_equal(lstat(dangling, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    text = read_file(target, &n);
    assert_int_equal(n, wlen);
    free(text);

    /* a folder is an error, and stays a folder */
    assert_int_equal(hyoka_json_write_file(pf, 0, sub), HYOKA_EIO);
    assert_non_null(strstr(hyoka_error_last(), strerror(EISDIR)));
    assert_int_equal(lstat(sub, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_no_leftovers(tmp);
    assert_listing(tmp, "dangling.json doc.json made.json sub");

    hyoka_free(want);
    docs_remove_tree(tmp);
    free(tmp);
    hyoka_portfolio_free(pf);
}

/* ------------------------------------------------------------------------ */
/* Folders                                                                   */

/* Writing a 1-project portfolio over the HTML folder of a 7-project one
 * leaves exactly the new pages. */
static void test_html_replaces_whole(void **state)
{
    hyoka_portfolio *seven, *one;
    char *tmp, dir[4200];
    (void)state;

    if (!source_root())
        skip();
    seven = sheet("sample-city-portfolio.json");
    one = sheet("tokorozawa-010802.json");
    assert_int_equal(hyoka_portfolio_project_count(seven), 7);
    assert_int_equal(hyoka_portfolio_project_count(one), 1);
    tmp = make_tmp();
    snprintf(dir, sizeof dir, "%s/site", tmp);
    OK(hyoka_html_write_dir(seven, HYOKA_LANG_JA, dir));
    assert_listing(dir, MARKER " index.html project-1.html project-2.html project-3.html project-4.html "
                        "project-5.html project-6.html project-7.html");
    OK(hyoka_html_write_dir(one, HYOKA_LANG_JA, dir));
    assert_listing(dir, MARKER " index.html project-1.html");
    assert_no_leftovers(tmp);
    /* the marker says what wrote the folder */
    {
        char path[4300], *text;
        snprintf(path, sizeof path, "%s/" MARKER, dir);
        text = read_file(path, NULL);
        assert_non_null(text);
        assert_non_null(strstr(text, "hyoka_html_write_dir"));
        assert_non_null(strstr(text, hyoka_version_string()));
        free(text);
    }
    docs_remove_tree(tmp);
    free(tmp);
    hyoka_portfolio_free(seven);
    hyoka_portfolio_free(one);
}

/* A symbolic link inside an output folder is never written through: the
 * file it points to stays as it was. The output folder itself may not be
 * a link. */
static void test_no_write_through_links(void **state)
{
    hyoka_portfolio *pf = NULL;
    char *tmp = make_tmp(), dir[4200], victim[4200], inside[4300], linkdir[4200], *text;
    struct stat st;
    (void)state;

    OK(seed001_build(&pf));
    snprintf(dir, sizeof dir, "%s/out", tmp);
    snprintf(victim, sizeof victim, "%s/precious.txt", tmp);
    write_text(victim, "precious");

    /* HTML: a page replaced by a link */
    OK(hyoka_html_write_dir(pf, HYOKA_LANG_EN, dir));
    snprintf(inside, sizeof inside, "%s/project-1.html", dir);
    assert_int_equal(unlink(inside), 0);
    assert_int_equal(symlink(victim, inside), 0);
    OK(hyoka_html_write_dir(pf, HYOKA_LANG_EN, dir));
    text = read_file(victim, NULL);
    assert_string_equal(text, "precious");
    free(text);
    assert_int_equal(lstat(inside, &st), 0);
    assert_true(S_ISREG(st.st_mode));
    docs_remove_tree(dir);

    /* CSV: a table replaced by a link */
    OK(hyoka_csv_write_dir(pf, dir, NULL, NULL));
    snprintf(inside, sizeof inside, "%s/projects.csv", dir);
    assert_int_equal(unlink(inside), 0);
    assert_int_equal(symlink(victim, inside), 0);
    OK(hyoka_csv_write_dir(pf, dir, NULL, NULL));
    text = read_file(victim, NULL);
    assert_string_equal(text, "precious");
    free(text);
    assert_int_equal(lstat(inside, &st), 0);
    assert_true(S_ISREG(st.st_mode));

    /* the folder itself a link: refused, nothing written where it points */
    snprintf(linkdir, sizeof linkdir, "%s/linked", tmp);
    assert_int_equal(symlink(dir, linkdir), 0);
    {
        char *before = snapshot(dir), *after;
        assert_int_equal(hyoka_csv_write_dir(pf, linkdir, NULL, NULL), HYOKA_EIO);
        assert_non_null(strstr(hyoka_error_last(), "symbolic link"));
        assert_int_equal(hyoka_html_write_dir(pf, HYOKA_LANG_EN, linkdir), HYOKA_EIO);
        after = snapshot(dir);
        assert_string_equal(before, after);
        free(before);
        free(after);
    }
    assert_int_equal(lstat(linkdir, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_no_leftovers(tmp);
    docs_remove_tree(tmp);
    free(tmp);
    hyoka_portfolio_free(pf);
}

/* A folder of files hyoka did not write is refused and left alone, unless
 * the caller says to replace it. An empty folder is fine. */
static void test_foreign_folder(void **state)
{
    hyoka_portfolio *pf = NULL;
    hyoka_csv_options o;
    char *tmp = make_tmp(), dir[4200], note[4300];
    (void)state;

    OK(seed001_build(&pf));
    snprintf(dir, sizeof dir, "%s/mine", tmp);
    assert_int_equal(mkdir(dir, 0755), 0);
    snprintf(note, sizeof note, "%s/notes.txt", dir);
    write_text(note, "my notes");

    OK(hyoka_csv_options_init(&o));
    assert_int_equal(hyoka_csv_write_dir(pf, dir, &o, NULL), HYOKA_EIO);
    assert_non_null(strstr(hyoka_error_last(), "notes.txt"));
    assert_non_null(strstr(hyoka_error_last(), "HYOKA_WRITE_REPLACE"));
    assert_int_equal(hyoka_html_write_dir(pf, HYOKA_LANG_JA, dir), HYOKA_EIO);
    assert_int_equal(hyoka_html_write_dir_flags(pf, HYOKA_LANG_JA, dir, 0), HYOKA_EIO);
    assert_listing(dir, "notes.txt");
    assert_no_leftovers(tmp);

    /* told to replace it */
    o.flags = HYOKA_WRITE_REPLACE;
    OK(hyoka_csv_write_dir(pf, dir, &o, NULL));
    assert_listing(dir, MARKER " answers.csv classes.csv comments.csv denominators.csv document.csv "
                        "evaluations.csv extensions.csv goals.csv indicators.csv projects.csv schemes.csv "
                        "staff.csv values.csv years.csv");
    write_text(note, "my notes");
    OK(hyoka_html_write_dir_flags(pf, HYOKA_LANG_JA, dir, HYOKA_WRITE_REPLACE));
    assert_listing(dir, MARKER " index.html project-1.html");
    assert_int_equal(hyoka_html_write_dir_flags(pf, HYOKA_LANG_JA, dir, 0x80), HYOKA_EINVAL);
    o.flags = 0x80;
    assert_int_equal(hyoka_csv_write_dir(pf, dir, &o, NULL), HYOKA_EINVAL);

    /* an empty folder is written without the flag */
    docs_remove_tree(dir);
    assert_int_equal(mkdir(dir, 0755), 0);
    OK(hyoka_html_write_dir(pf, HYOKA_LANG_JA, dir));
    assert_listing(dir, MARKER " index.html project-1.html");
    /* "." cannot be replaced */
    assert_int_equal(hyoka_html_write_dir_flags(pf, HYOKA_LANG_JA, ".", HYOKA_WRITE_REPLACE), HYOKA_EINVAL);
    assert_no_leftovers(tmp);
    docs_remove_tree(tmp);
    free(tmp);
    hyoka_portfolio_free(pf);
}

/* A CSV folder write that fails part of the way (an allocation fails at
 * each point in turn) leaves the old folder exactly as it was, and no
 * temporary folder. */
static void test_csv_failure_keeps_old(void **state)
{
    hyoka_portfolio *old_pf = NULL, *new_pf = NULL;
    char *tmp = make_tmp(), dir[4200], *before;
    long count, failures = 0;
    (void)state;

    OK(seed001_build(&old_pf));
    OK(seed003_build(&new_pf));
    snprintf(dir, sizeof dir, "%s/tables", tmp);
    OK(hyoka_csv_write_dir(old_pf, dir, NULL, NULL));
    before = snapshot(dir);

    failalloc_install();
    failalloc_reset();
    OK(hyoka_csv_write_dir(new_pf, dir, NULL, NULL));
    count = failalloc_count();
    assert_true(count > 10);
    failalloc_uninstall();
    OK(hyoka_csv_write_dir(old_pf, dir, NULL, NULL));

    failalloc_install();
    for (long k = 1; k <= count; k++) {
        int rc;
        failalloc_reset();
        failalloc_fail_at(k, true);
        rc = hyoka_csv_write_dir(new_pf, dir, NULL, NULL);
        failalloc_fail_at(0, false);
        if (rc == HYOKA_OK) {
            /* no failure before the swap (the point lies after it, or
             * beyond this run's allocations): put the old folder back */
            failalloc_uninstall();
            OK(hyoka_csv_write_dir(old_pf, dir, NULL, NULL));
            failalloc_install();
            continue;
        }
        failures++;
        assert_int_equal(rc, HYOKA_ENOMEM);
        {
            char *after = snapshot(dir);
            assert_string_equal(after, before);
            free(after);
        }
        assert_no_leftovers(tmp);
    }
    assert_int_equal(failalloc_live(), 0);
    failalloc_uninstall();
    assert_true(failures > 10);
    free(before);
    docs_remove_tree(tmp);
    free(tmp);
    hyoka_portfolio_free(old_pf);
    hyoka_portfolio_free(new_pf);
}

/* ------------------------------------------------------------------------ */
/* Reading a CSV folder                                                      */

static int report_has(const hyoka_report *rep, const char *code)
{
    for (size_t i = 0; i < hyoka_report_count(rep); i++)
        if (strcmp(hyoka_report_code(rep, i), code) == 0)
            return 1;
    return 0;
}

/* A table over max_table is an error read no further than the limit: a
 * link to /dev/zero ends; a regular file is refused by its size. */
static void test_max_table(void **state)
{
    hyoka_portfolio *pf = NULL, *back = NULL;
    hyoka_csv_options o;
    hyoka_report *rep = NULL;
    char *tmp = make_tmp(), dir[4200], path[4300];
    struct stat st;
    (void)state;

    OK(seed001_build(&pf));
    snprintf(dir, sizeof dir, "%s/tables", tmp);
    OK(hyoka_csv_write_dir(pf, dir, NULL, NULL));
    OK(hyoka_csv_options_init(&o));
    assert_int_equal(o.max_table, (size_t)1 << 30);
    assert_int_equal(o.flags, 0);

    /* a regular file over the limit */
    o.max_table = 100;
    OK(hyoka_report_new(&rep));
    assert_int_equal(hyoka_csv_read_dir(dir, &o, &back, rep), HYOKA_EINVALID);
    assert_null(back);
    assert_true(report_has(rep, "V007"));
    assert_non_null(strstr(hyoka_error_last(), "larger than the limit"));
    hyoka_report_free(rep);

    /* staff.csv linked to /dev/zero */
    if (stat("/dev/zero", &st) == 0 && S_ISCHR(st.st_mode)) {
        snprintf(path, sizeof path, "%s/staff.csv", dir);
        assert_int_equal(unlink(path), 0);
        assert_int_equal(symlink("/dev/zero", path), 0);
        o.max_table = (size_t)1 << 20;
        OK(hyoka_report_new(&rep));
        assert_int_equal(hyoka_csv_read_dir(dir, &o, &back, rep), HYOKA_EINVALID);
        assert_null(back);
        assert_int_equal(hyoka_report_count(rep), 1);
        assert_string_equal(hyoka_report_code(rep, 0), "V007");
        assert_non_null(strstr(hyoka_report_message(rep, 0, HYOKA_LANG_EN), "staff.csv"));
        hyoka_report_free(rep);
    }

    /* max_table 0 is not a limit */
    o.max_table = 0;
    assert_int_equal(hyoka_csv_read_dir(dir, &o, &back, NULL), HYOKA_EINVAL);

    /* options of version 1.0 (without max_table and flags) are accepted */
    docs_remove_tree(dir);
    OK(hyoka_csv_write_dir(pf, dir, NULL, NULL));
    OK(hyoka_csv_options_init(&o));
    o.max_table = 1;         /* beyond the 1.0 size: ignored */
    o.flags = 0xffffu;
    o.size = offsetof(hyoka_csv_options, max_table);
    OK(hyoka_csv_read_dir(dir, &o, &back, NULL));
    assert_true(hyoka_portfolio_equal(pf, back));
    hyoka_portfolio_free(back);
    OK(hyoka_csv_write_dir(pf, dir, &o, NULL));

    docs_remove_tree(tmp);
    free(tmp);
    hyoka_portfolio_free(pf);
}

/* A folder with none of the tables is an error (V008), not an empty
 * portfolio: an empty folder, a folder of other files. */
static void test_no_tables(void **state)
{
    hyoka_portfolio *back = NULL;
    hyoka_report *rep = NULL;
    char *tmp = make_tmp(), path[4300];
    (void)state;

    OK(hyoka_report_new(&rep));
    assert_int_equal(hyoka_csv_read_dir(tmp, NULL, &back, rep), HYOKA_EINVALID);
    assert_null(back);
    assert_int_equal(hyoka_report_count(rep), 1);
    assert_string_equal(hyoka_report_code(rep, 0), "V008");
    assert_int_equal(hyoka_report_severity(rep, 0), HYOKA_SEVERITY_ERROR);
    assert_string_equal(hyoka_code_title("V008", HYOKA_LANG_EN), "no CSV table in the folder");
    assert_int_equal(hyoka_code_severity("V008"), HYOKA_SEVERITY_ERROR);
    assert_non_null(strstr(hyoka_error_last(), tmp));
    hyoka_report_free(rep);

    snprintf(path, sizeof path, "%s/readme.txt", tmp);
    write_text(path, "not a table");
    snprintf(path, sizeof path, "%s/data.json", tmp);
    write_text(path, "{}");
    OK(hyoka_report_new(&rep));
    assert_int_equal(hyoka_csv_read_dir(tmp, NULL, &back, rep), HYOKA_EINVALID);
    assert_null(back);
    assert_true(report_has(rep, "V008"));
    hyoka_report_free(rep);
    assert_int_equal(hyoka_csv_read_dir(tmp, NULL, &back, NULL), HYOKA_EINVALID);

    /* one table is enough: the others are empty */
    snprintf(path, sizeof path, "%s/document.csv", tmp);
    write_text(path, "key,value\r\nformat,hyoka/1\r\n");
    OK(hyoka_csv_read_dir(tmp, NULL, &back, NULL));
    assert_int_equal(hyoka_portfolio_project_count(back), 0);
    hyoka_portfolio_free(back);
    docs_remove_tree(tmp);
    free(tmp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_device_full),
        cmocka_unit_test(test_fifo),
        cmocka_unit_test(test_stream),
        cmocka_unit_test(test_regular_and_links),
        cmocka_unit_test(test_html_replaces_whole),
        cmocka_unit_test(test_no_write_through_links),
        cmocka_unit_test(test_foreign_folder),
        cmocka_unit_test(test_csv_failure_keeps_old),
        cmocka_unit_test(test_max_table),
        cmocka_unit_test(test_no_tables),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
