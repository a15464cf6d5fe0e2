/* The file layer (fsio.h says the policy): the policy written once, on
 * top of the primitives of the system (fsio_os.h: fsio_posix.c or
 * fsio_windows.c). */
#include "util/fsio.h"
#include "util/fsio_os.h"
#include "util/buf.h"
#include "hyoka/version.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* A new string from a format; NULL when out of memory. */
static char *str_printf(const char *fmt, ...) HYOKA_PRINTF(1, 2);

/* Read from a stream at a time. */
#define READ_STEP ((size_t)1 << 16)
/* Names tried for a temporary file or folder. */
#define TEMP_ATTEMPTS 100

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

int hyoka__io_fail(const char *fn, const char *what, const char *path, int err)
{
    char text[256];

    hyoka__os_error_text(err, text, sizeof text);
    return hyoka__fail(HYOKA_EIO, "%s: %s \"%s\": %s", fn, what, path, text);
}

static char *str_printf(const char *fmt, ...)
{
    struct hyoka__buf b;
    char *s = NULL;
    va_list ap;

    hyoka__buf_init(&b);
    va_start(ap, fmt);
    (void)hyoka__buf_vprintf(&b, fmt, ap);
    va_end(ap);
    return hyoka__buf_take(&b, &s, NULL) == HYOKA_OK ? s : NULL;
}

/* A seed for the names of temporary files, different from call to call
 * (time, the caller's stack) and process to process (a name taken is
 * tried again anyway). */
static unsigned long random_seed(const void *where)
{
    return hyoka__os_clock() ^ (hyoka__os_pid() << 8) ^ (unsigned long)(uintptr_t)where;
}

static unsigned long next_random(unsigned long *seed)
{
    *seed = *seed * 6364136223846793005ull + 1442695040888963407ull;
    return (*seed >> 16) & 0xfffffffful;
}

/* The length of @p path without trailing separators (a lone "/" kept). */
static size_t trim_length(const char *path)
{
    size_t n = strlen(path);

    while (n > 1 && hyoka__os_is_sep(path[n - 1]))
        n--;
    return n;
}

/* Where the last component of path[0..n) starts. */
static size_t base_start(const char *path, size_t n)
{
    while (n > 0 && !hyoka__os_is_sep(path[n - 1]))
        n--;
    return n;
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                   */

static int too_large(const char *fn, const char *path, size_t max)
{
    return hyoka__fail(HYOKA_ERANGE, "%s: \"%s\" is larger than the limit of %zu bytes", fn, path, max);
}

/* Read what the descriptor gives until its end, at most @p max bytes
 * (@p size: what the file holds, when known). */
static int read_stream(const char *fn, const char *path, int fd, size_t max, uint64_t size, struct hyoka__buf *b)
{
    if (size > 0 && !hyoka__buf_reserve(b, (size_t)size))
        return b->err;
    for (;;) {
        size_t want, got = 0;
        int err;

        if (size > 0 && b->len >= size) {
            /* the expected end: look for more without growing */
            char probe[1];
            err = hyoka__os_read(fd, probe, 1, &got);
            if (err)
                return hyoka__io_fail(fn, "cannot read", path, err);
            if (got == 0)
                return HYOKA_OK;
            if (b->len >= max)
                return too_large(fn, path, max);
            hyoka__buf_putc(b, probe[0]);
            size = 0;
            continue;
        }
        want = size > b->len ? (size_t)size - b->len : READ_STEP;
        if (!hyoka__buf_reserve(b, want))
            return b->err;
        want = b->cap - b->len - 1;
        if (want > max - b->len)
            want = max - b->len + 1; /* one more byte tells a file over the limit */
        err = hyoka__os_read(fd, b->data + b->len, want, &got);
        if (err)
            return hyoka__io_fail(fn, "cannot read", path, err);
        if (got == 0)
            return HYOKA_OK;
        b->len += got;
        if (b->len > max)
            return too_large(fn, path, max);
    }
}

int hyoka__fsio_read(const char *fn, const char *path, size_t max, unsigned flags, struct hyoka__file_data *out)
{
    struct hyoka__buf b;
    enum hyoka__os_kind kind = HYOKA__OS_OTHER;
    uint64_t size = 0;
    int fd, err, rc;

    memset(out, 0, sizeof *out);
    err = hyoka__os_open_read(path, &fd);
    if (err == ENOENT && (flags & HYOKA__FSIO_MISSING_OK))
        return HYOKA_OK;
    if (err)
        return hyoka__io_fail(fn, "cannot open", path, err);
    err = hyoka__os_fd_kind(fd, &kind, &size);
    if (err || kind == HYOKA__OS_DIR) {
        (void)hyoka__os_close(fd);
        return hyoka__io_fail(fn, "cannot read", path, err ? err : EISDIR);
    }
    if (kind != HYOKA__OS_FILE && (flags & HYOKA__FSIO_PIPE)) {
        out->piped = true;
        out->fd = fd;
        return HYOKA_OK;
    }
    if (kind != HYOKA__OS_FILE)
        size = 0;
    if (size > max) {
        (void)hyoka__os_close(fd);
        out->len = size > SIZE_MAX ? SIZE_MAX : (size_t)size;
        return too_large(fn, path, max);
    }
    if ((flags & HYOKA__FSIO_MAP) && size > 0 && hyoka__os_map(fd, (size_t)size, &out->data) == 0) {
        (void)hyoka__os_close(fd);
        out->len = (size_t)size;
        out->mapped = true;
        return HYOKA_OK;
    }
    hyoka__buf_init(&b);
    rc = read_stream(fn, path, fd, max, size, &b);
    (void)hyoka__os_close(fd);
    if (rc == HYOKA_OK)
        rc = hyoka__buf_take(&b, &out->owned, &out->len);
    if (rc != HYOKA_OK) {
        if (rc == HYOKA_ERANGE && kind == HYOKA__OS_FILE)
            out->len = b.len;
        else
            out->len = 0;
        hyoka__buf_free(&b);
        return rc;
    }
    out->data = out->owned;
    return HYOKA_OK;
}

int hyoka__fsio_pipe_read(const struct hyoka__file_data *d, char *buf, size_t n, size_t *got)
{
    *got = 0;
    return d->piped ? hyoka__os_read(d->fd, buf, n, got) : EBADF;
}

void hyoka__fsio_release(struct hyoka__file_data *d)
{
    if (d->piped)
        (void)hyoka__os_close(d->fd);
    if (d->mapped)
        hyoka__os_unmap(d->data, d->len);
    hyoka__free(d->owned);
    memset(d, 0, sizeof *d);
}

int hyoka__fsio_check_dir(const char *fn, const char *path)
{
    enum hyoka__os_kind kind = HYOKA__OS_ABSENT;
    unsigned mode = 0;
    int err = hyoka__os_kind(path, &kind, &mode);

    if (!err && kind != HYOKA__OS_DIR)
        err = kind == HYOKA__OS_ABSENT ? ENOENT : ENOTDIR;
    return err ? hyoka__io_fail(fn, "cannot open the folder", path, err) : HYOKA_OK;
}

int hyoka__fsio_names(const char *fn, const char *dir, int (*each)(void *user, const char *name), void *user)
{
    int err = hyoka__os_dir_names(dir, each, user);
    return err ? hyoka__io_fail(fn, "cannot read the folder", dir, err) : HYOKA_OK;
}

/* ------------------------------------------------------------------------ */
/* Writing a file                                                            */

/* Resolve the chain of symbolic links at @p path: the path of what the
 * last one points to (which may not exist), allocated. */
static int resolve_link(const char *fn, const char *path, char **out)
{
    char *cur = hyoka__strndup(path, strlen(path));
    int hops;

    if (!cur)
        return hyoka__nomem();
    for (hops = 0; hops < 40; hops++) {
        enum hyoka__os_kind kind;
        unsigned mode = 0;
        int err = hyoka__os_lkind(cur, &kind, &mode);
        char *to, *next;

        if (err) {
            hyoka__free(cur);
            return hyoka__io_fail(fn, "cannot inspect", path, err);
        }
        if (kind != HYOKA__OS_LINK) {
            *out = cur;
            return HYOKA_OK;
        }
        to = hyoka__os_readlink(cur, &err);
        if (!to) {
            hyoka__free(cur);
            return err == ENOMEM ? hyoka__nomem() : hyoka__io_fail(fn, "cannot read the link", path, err);
        }
        if (hyoka__os_is_sep(to[0])) {
            next = to;
        } else {
            size_t dir = base_start(cur, strlen(cur));
            next = str_printf("%.*s%s", (int)dir, cur, to);
            hyoka__free(to);
        }
        hyoka__free(cur);
        if (!next)
            return hyoka__nomem();
        cur = next;
    }
    hyoka__free(cur);
    return hyoka__io_fail(fn, "cannot follow the links of", path, ELOOP);
}

/* Write to a new temporary file beside @p target (taken over), to be
 * renamed over it; an existing target's permission bits are kept. */
static int open_replacing(struct hyoka__file_out *f, char *target, bool existed, unsigned mode)
{
    unsigned long seed = random_seed(f);
    int err = 0;

    for (int attempt = 0; attempt < TEMP_ATTEMPTS; attempt++) {
        char *tmp = str_printf("%s.%08lx.tmp", target, next_random(&seed));

        if (!tmp) {
            hyoka__free(target);
            return hyoka__nomem();
        }
        err = hyoka__os_create(tmp, &f->fd);
        if (err == 0) {
            if (existed)
                (void)hyoka__os_chmod_fd(f->fd, mode & 0777u);
            f->path = tmp;
            f->target = target;
            return HYOKA_OK;
        }
        hyoka__free(tmp);
        if (err != EEXIST)
            break;
    }
    err = hyoka__io_fail(f->fn, "cannot create a temporary file beside", target, err);
    hyoka__free(target);
    return err;
}

/* Write into what is at @p path as it is: a device, a FIFO, a standard
 * stream. */
static int open_in_place(struct hyoka__file_out *f, const char *path, bool stream, bool *changed)
{
    enum hyoka__os_kind kind = HYOKA__OS_OTHER;
    uint64_t size = 0;
    int err = hyoka__os_open_in_place(path, &f->fd);

    if (err)
        return hyoka__io_fail(f->fn, "cannot open", path, err);
    err = hyoka__os_fd_kind(f->fd, &kind, &size);
    if (!err && kind == HYOKA__OS_FILE) {
        if (stream) {
            err = hyoka__os_append(f->fd);
        } else {
            /* it became a regular file meanwhile: replace it instead */
            (void)hyoka__os_close(f->fd);
            f->fd = -1;
            *changed = true;
            return HYOKA_OK;
        }
    }
    if (err) {
        (void)hyoka__os_close(f->fd);
        f->fd = -1;
        return hyoka__io_fail(f->fn, "cannot open", path, err);
    }
    f->path = hyoka__strndup(path, strlen(path));
    if (!f->path) {
        (void)hyoka__os_close(f->fd);
        f->fd = -1;
        return hyoka__nomem();
    }
    return HYOKA_OK;
}

int hyoka__fsio_open(struct hyoka__file_out *f, const char *fn, const char *path)
{
    memset(f, 0, sizeof *f);
    f->fn = fn;
    f->fd = -1;
    for (int tries = 0; tries < 2; tries++) {
        enum hyoka__os_kind kind = HYOKA__OS_ABSENT, final = HYOKA__OS_ABSENT;
        unsigned mode = 0;
        bool changed = false;
        char *target = NULL;
        int err, rc;

        if (hyoka__os_is_stream_path(path))
            return open_in_place(f, path, true, &changed);
        err = hyoka__os_lkind(path, &kind, &mode);
        if (err)
            return hyoka__io_fail(fn, "cannot inspect", path, err);
        if (kind == HYOKA__OS_LINK) {
            err = hyoka__os_kind(path, &final, &mode);
            if (err)
                return hyoka__io_fail(fn, "cannot inspect", path, err);
            kind = final == HYOKA__OS_ABSENT ? HYOKA__OS_LINK : final;
        }
        if (kind == HYOKA__OS_DIR)
            return hyoka__io_fail(fn, "cannot write", path, EISDIR);
        if (kind == HYOKA__OS_OTHER) {
            rc = open_in_place(f, path, false, &changed);
            if (rc != HYOKA_OK || !changed)
                return rc;
            continue;
        }
        if (kind == HYOKA__OS_LINK || final == HYOKA__OS_FILE) {
            rc = resolve_link(fn, path, &target);
            if (rc != HYOKA_OK)
                return rc;
        } else {
            target = hyoka__strndup(path, strlen(path));
            if (!target)
                return hyoka__nomem();
        }
        return open_replacing(f, target, kind == HYOKA__OS_FILE, mode);
    }
    return hyoka__io_fail(fn, "cannot open", path, EAGAIN);
}

int hyoka__fsio_write(void *user, const char *data, size_t len)
{
    struct hyoka__file_out *f = user;
    int err;

    if (f->err != HYOKA_OK)
        return f->err;
    err = hyoka__os_write(f->fd, data, len);
    if (err)
        f->err = hyoka__io_fail(f->fn, "cannot write", f->target ? f->target : f->path, err);
    return f->err;
}

static void release_out(struct hyoka__file_out *f)
{
    hyoka__free(f->path);
    hyoka__free(f->target);
    f->path = f->target = NULL;
    f->fd = -1;
}

int hyoka__fsio_commit(struct hyoka__file_out *f)
{
    const char *name = f->target ? f->target : f->path;
    int rc = f->err, err;

    if (rc == HYOKA_OK && f->target && (err = hyoka__os_sync(f->fd)) != 0)
        rc = hyoka__io_fail(f->fn, "cannot write", name, err);
    err = hyoka__os_close(f->fd);
    if (err && rc == HYOKA_OK)
        rc = hyoka__io_fail(f->fn, "cannot write", name, err);
    if (f->target) {
        if (rc == HYOKA_OK && (err = hyoka__os_replace(f->path, f->target)) != 0)
            rc = hyoka__io_fail(f->fn, "cannot replace", f->target, err);
        if (rc != HYOKA_OK)
            (void)hyoka__os_unlink(f->path);
    }
    release_out(f);
    return rc;
}

void hyoka__fsio_abort(struct hyoka__file_out *f)
{
    if (f->fd >= 0)
        (void)hyoka__os_close(f->fd);
    if (f->target && f->path)
        (void)hyoka__os_unlink(f->path);
    release_out(f);
}

/* ------------------------------------------------------------------------ */
/* Writing a folder                                                          */

/* Create the folders of path[0..n) that are missing (mkdir -p). */
static int make_parents(const char *fn, const char *path, size_t n)
{
    char *p = hyoka__strndup(path, n);
    int rc = HYOKA_OK;

    if (!p)
        return hyoka__nomem();
    for (size_t i = 1; i <= n && rc == HYOKA_OK; i++) {
        enum hyoka__os_kind kind = HYOKA__OS_ABSENT;
        unsigned mode = 0;
        char c = p[i];
        int err;

        if (i < n && !hyoka__os_is_sep(c))
            continue;
        if (hyoka__os_is_sep(p[i - 1]))
            continue;
        p[i] = '\0';
        err = hyoka__os_mkdir(p);
        if (err && (hyoka__os_kind(p, &kind, &mode) != 0 || kind != HYOKA__OS_DIR))
            rc = hyoka__io_fail(fn, "cannot create the folder", p, err == EEXIST ? ENOTDIR : err);
        p[i] = c;
    }
    hyoka__free(p);
    return rc;
}

/* A free name beside the target: "PARENT/.NAME.hyoka-WHAT-XXXXXXXX",
 * created as a folder when @p create. */
static int sibling(struct hyoka__dir_out *d, const char *what, bool create, char **out)
{
    size_t n = strlen(d->target), b = base_start(d->target, n);
    unsigned long seed = random_seed(out);
    int err = 0;

    for (int attempt = 0; attempt < TEMP_ATTEMPTS; attempt++) {
        enum hyoka__os_kind kind = HYOKA__OS_ABSENT;
        unsigned mode = 0;
        char *p = str_printf("%.*s.%s.hyoka-%s-%08lx", (int)b, d->target, d->target + b, what, next_random(&seed));

        if (!p)
            return hyoka__nomem();
        err = create ? hyoka__os_mkdir(p) : hyoka__os_lkind(p, &kind, &mode);
        if (err == 0 && (create || kind == HYOKA__OS_ABSENT)) {
            *out = p;
            return HYOKA_OK;
        }
        hyoka__free(p);
        if (err != 0 && err != EEXIST)
            break;
        err = EEXIST;
    }
    return hyoka__io_fail(d->fn, "cannot create a temporary folder beside", d->target, err);
}

static void release_dir(struct hyoka__dir_out *d)
{
    if (d->fd >= 0)
        (void)hyoka__os_close(d->fd);
    hyoka__free(d->target);
    hyoka__free(d->tmp);
    hyoka__free(d->file);
    d->target = d->tmp = d->file = NULL;
    d->fd = -1;
}

int hyoka__dir_begin(struct hyoka__dir_out *d, const char *fn, const char *dir, unsigned flags)
{
    size_t n = trim_length(dir), b = base_start(dir, n);
    const char *name = dir + b;
    size_t name_len = n - b;
    enum hyoka__os_kind kind = HYOKA__OS_ABSENT;
    unsigned mode = 0;
    int err, rc;

    memset(d, 0, sizeof *d);
    d->fn = fn;
    d->fd = -1;
    if (name_len == 0 || (name_len == 1 && name[0] == '.') || (name_len == 2 && name[0] == '.' && name[1] == '.'))
        return hyoka__fail(HYOKA_EINVAL, "%s: \"%s\" is not a folder that can be replaced: name the folder itself",
                           fn, dir);
    d->target = hyoka__strndup(dir, n);
    if (!d->target)
        return hyoka__nomem();
    err = hyoka__os_lkind(d->target, &kind, &mode);
    if (err) {
        rc = hyoka__io_fail(fn, "cannot inspect", d->target, err);
        goto fail;
    }
    if (kind == HYOKA__OS_LINK) {
        rc = hyoka__fail(HYOKA_EIO,
                         "%s: \"%s\" is a symbolic link: the output is not written through it (give the folder itself)",
                         fn, d->target);
        goto fail;
    }
    if (kind == HYOKA__OS_FILE || kind == HYOKA__OS_OTHER) {
        rc = hyoka__fail(HYOKA_EIO, "%s: \"%s\" exists and is not a folder", fn, d->target);
        goto fail;
    }
    if (kind == HYOKA__OS_DIR) {
        enum hyoka__os_content content = HYOKA__OS_FOREIGN;
        char first[256] = "";
        err = hyoka__os_dir_content(d->target, &content, first, sizeof first);
        if (err) {
            rc = hyoka__io_fail(fn, "cannot read the folder", d->target, err);
            goto fail;
        }
        if (content == HYOKA__OS_FOREIGN && !(flags & HYOKA__DIR_REPLACE)) {
            rc = hyoka__fail(HYOKA_EIO,
                             "%s: \"%s\" holds files that hyoka did not write (\"%s\"; it has no " HYOKA__FSIO_MARKER
                             " file): not replaced; remove them, choose another folder, or pass HYOKA_WRITE_REPLACE",
                             fn, d->target, first);
            goto fail;
        }
        d->existed = true;
    } else if (b > 0 && (flags & HYOKA__DIR_PARENTS)) {
        rc = make_parents(fn, d->target, b);
        if (rc != HYOKA_OK)
            goto fail;
    }
    rc = sibling(d, "new", true, &d->tmp);
    if (rc != HYOKA_OK)
        goto fail;
    if (d->existed)
        (void)hyoka__os_chmod(d->tmp, mode);
    err = hyoka__os_dir_open(d->tmp, &d->fd);
    if (err) {
        rc = hyoka__io_fail(fn, "cannot open the folder", d->tmp, err);
        (void)hyoka__os_remove_tree(d->tmp);
        goto fail;
    }
    return HYOKA_OK;
fail:
    release_dir(d);
    return rc;
}

/* A failure about the file @p name of the folder, named as it will be
 * (TARGET/NAME), not by its temporary path. */
static int add_fail(const struct hyoka__dir_out *d, const char *what, const char *name, int err)
{
    char *path = str_printf("%s" HYOKA__OS_SEP "%s", d->target, name);
    int rc = path ? hyoka__io_fail(d->fn, what, path, err) : hyoka__nomem();

    hyoka__free(path);
    return rc;
}

int hyoka__dir_file_open(struct hyoka__dir_out *d, const char *name, struct hyoka__dir_file *f)
{
    int err;

    memset(f, 0, sizeof *f);
    f->d = d;
    f->name = name;
    f->fd = -1;
    hyoka__free(d->file);
    d->file = str_printf("%s" HYOKA__OS_SEP "%s", d->tmp, name);
    if (!d->file)
        return hyoka__nomem();
    err = hyoka__os_dir_create(d->fd, d->file, name, &f->fd);
    if (err) {
        f->fd = -1;
        return add_fail(d, "cannot create", name, err);
    }
    return HYOKA_OK;
}

int hyoka__dir_file_write(void *user, const char *data, size_t len)
{
    struct hyoka__dir_file *f = user;
    int err;

    if (f->err != HYOKA_OK || len == 0)
        return f->err;
    err = hyoka__os_write(f->fd, data, len);
    if (err)
        f->err = add_fail(f->d, "cannot write", f->name, err);
    return f->err;
}

int hyoka__dir_file_close(struct hyoka__dir_file *f)
{
    int rc = f->err, err;

    if (f->fd < 0)
        return rc;
    if (rc == HYOKA_OK && (err = hyoka__os_sync(f->fd)) != 0)
        rc = add_fail(f->d, "cannot write", f->name, err);
    err = hyoka__os_close(f->fd);
    f->fd = -1;
    if (err && rc == HYOKA_OK)
        rc = add_fail(f->d, "cannot write", f->name, err);
    f->err = rc;
    return rc;
}

void hyoka__dir_file_discard(struct hyoka__dir_file *f)
{
    if (f->fd >= 0)
        (void)hyoka__os_close(f->fd);
    f->fd = -1;
}

int hyoka__dir_add(struct hyoka__dir_out *d, const char *name, const char *data, size_t len)
{
    struct hyoka__dir_file f;
    int rc = hyoka__dir_file_open(d, name, &f);

    if (rc != HYOKA_OK)
        return rc;
    (void)hyoka__dir_file_write(&f, data, len);
    return hyoka__dir_file_close(&f);
}

/* Put the folder made in place of the existing target; the old one is
 * then at *old. */
static int swap_in(struct hyoka__dir_out *d, char **old)
{
    int err = hyoka__os_exchange(d->tmp, d->target), rc;

    if (err == 0) {
        *old = d->tmp;
        d->tmp = NULL;
        return HYOKA_OK;
    }
    if (err != ENOSYS)
        return hyoka__io_fail(d->fn, "cannot replace the folder", d->target, err);
    rc = sibling(d, "old", false, old);
    if (rc != HYOKA_OK)
        return rc;
    err = hyoka__os_rename_dir(d->target, *old);
    if (err) {
        rc = hyoka__io_fail(d->fn, "cannot move aside the folder", d->target, err);
        hyoka__free(*old);
        *old = NULL;
        return rc;
    }
    err = hyoka__os_rename_dir(d->tmp, d->target);
    if (err) {
        rc = hyoka__io_fail(d->fn, "cannot replace the folder", d->target, err);
        (void)hyoka__os_rename_dir(*old, d->target);
        hyoka__free(*old);
        *old = NULL;
        return rc;
    }
    return HYOKA_OK;
}

int hyoka__dir_commit(struct hyoka__dir_out *d, const char *writer)
{
    char *marker = str_printf(HYOKA__OS_MARKER_MAGIC "1\nwriter: %s\nversion: %s\n", writer, HYOKA_VERSION_STRING);
    char *old = NULL;
    size_t n = strlen(d->target), b = base_start(d->target, n);
    int rc, err;

    if (!marker) {
        hyoka__dir_abort(d);
        return hyoka__nomem();
    }
    rc = hyoka__dir_add(d, HYOKA__FSIO_MARKER, marker, strlen(marker));
    hyoka__free(marker);
    if (rc == HYOKA_OK && d->fd >= 0 && (err = hyoka__os_sync(d->fd)) != 0)
        rc = hyoka__io_fail(d->fn, "cannot write the folder", d->target, err);
    if (d->fd >= 0)
        (void)hyoka__os_close(d->fd);
    d->fd = -1;
    if (rc != HYOKA_OK) {
        hyoka__dir_abort(d);
        return rc;
    }
    if (!d->existed) {
        err = hyoka__os_rename_dir(d->tmp, d->target);
        if (err)
            rc = hyoka__io_fail(d->fn, "cannot create the folder", d->target, err);
    } else {
        rc = swap_in(d, &old);
    }
    if (rc != HYOKA_OK) {
        hyoka__dir_abort(d);
        return rc;
    }
    if (b > 0) {
        char *parent = hyoka__strndup(d->target, b);
        if (parent)
            hyoka__os_sync_parent(parent);
        hyoka__free(parent);
    } else {
        hyoka__os_sync_parent(".");
    }
    if (old) {
        err = hyoka__os_remove_tree(old);
        if (err) {
            char text[256];
            hyoka__os_error_text(err, text, sizeof text);
            rc = hyoka__fail(HYOKA_EIO, "%s: \"%s\" was written, but the folder it replaced, moved to \"%s\", "
                             "could not be removed: %s", d->fn, d->target, old, text);
        }
        hyoka__free(old);
    }
    hyoka__free(d->tmp);
    d->tmp = NULL;
    release_dir(d);
    return rc;
}

void hyoka__dir_abort(struct hyoka__dir_out *d)
{
    if (d->fd >= 0)
        (void)hyoka__os_close(d->fd);
    d->fd = -1;
    if (d->tmp)
        (void)hyoka__os_remove_tree(d->tmp);
    release_dir(d);
}
