/* The system primitives of the file layer on POSIX systems (fsio_os.h):
 * lstat() and friends, files created with O_EXCL | O_NOFOLLOW, folders
 * handled through descriptors (openat(), unlinkat()) so that nothing is
 * followed through a symbolic link, and renameat2(RENAME_EXCHANGE) on
 * Linux. */
#if !defined(_POSIX_C_SOURCE) || _POSIX_C_SOURCE < 200809L
#  undef _POSIX_C_SOURCE
#  define _POSIX_C_SOURCE 200809L
#endif
#ifndef _DEFAULT_SOURCE
#  define _DEFAULT_SOURCE 1 /* syscall(): renameat2() on Linux */
#endif

#include "util/fsio_os.h"
#include "util/fsio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>
#if defined(__linux__)
#  include <sys/syscall.h>
#endif

/* Bytes read or written by one call. */
#define IO_CHUNK ((size_t)1 << 30)

int hyoka__os_lkind(const char *path, enum hyoka__os_kind *kind, unsigned *mode)
{
    struct stat st;

    if (lstat(path, &st) != 0) {
        *kind = HYOKA__OS_ABSENT;
        return errno == ENOENT ? 0 : errno;
    }
    *mode = (unsigned)st.st_mode & 07777u;
    *kind = S_ISREG(st.st_mode)   ? HYOKA__OS_FILE
            : S_ISDIR(st.st_mode) ? HYOKA__OS_DIR
            : S_ISLNK(st.st_mode) ? HYOKA__OS_LINK
                                  : HYOKA__OS_OTHER;
    return 0;
}

/* As hyoka__os_lkind(), through symbolic links. */
int hyoka__os_kind(const char *path, enum hyoka__os_kind *kind, unsigned *mode)
{
    struct stat st;

    if (stat(path, &st) != 0) {
        *kind = HYOKA__OS_ABSENT;
        return errno == ENOENT ? 0 : errno;
    }
    *mode = (unsigned)st.st_mode & 07777u;
    *kind = S_ISREG(st.st_mode) ? HYOKA__OS_FILE : S_ISDIR(st.st_mode) ? HYOKA__OS_DIR : HYOKA__OS_OTHER;
    return 0;
}

int hyoka__os_fd_kind(int fd, enum hyoka__os_kind *kind, uint64_t *size)
{
    struct stat st;

    if (fstat(fd, &st) != 0)
        return errno;
    *kind = S_ISREG(st.st_mode) ? HYOKA__OS_FILE : S_ISDIR(st.st_mode) ? HYOKA__OS_DIR : HYOKA__OS_OTHER;
    *size = st.st_size > 0 ? (uint64_t)st.st_size : 0;
    return 0;
}

int hyoka__os_open_read(const char *path, int *fd)
{
    *fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    return *fd < 0 ? errno : 0;
}

/* Open what exists for writing, in place: no O_CREAT, no O_TRUNC. */
int hyoka__os_open_in_place(const char *path, int *fd)
{
    *fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
    return *fd < 0 ? errno : 0;
}

/* Writes go to the end (a standard stream that is a regular file). */
int hyoka__os_append(int fd)
{
    int fl = fcntl(fd, F_GETFL);
    return fl < 0 || fcntl(fd, F_SETFL, fl | O_APPEND) != 0 ? errno : 0;
}

/* Create a new file (never through a symbolic link). */
int hyoka__os_create(const char *path, int *fd)
{
    *fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0666);
    return *fd < 0 ? errno : 0;
}

int hyoka__os_read(int fd, char *buf, size_t n, size_t *got)
{
    for (;;) {
        ssize_t r = read(fd, buf, n > IO_CHUNK ? IO_CHUNK : n);
        if (r >= 0) {
            *got = (size_t)r;
            return 0;
        }
        if (errno != EINTR)
            return errno;
    }
}

int hyoka__os_write(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t w = write(fd, data, len > IO_CHUNK ? IO_CHUNK : len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        data += w;
        len -= (size_t)w;
    }
    return 0;
}

/* Flush a file to disk (a file system that cannot is no error). */
int hyoka__os_sync(int fd)
{
    return fsync(fd) != 0 && errno != EINVAL && errno != EROFS && errno != ENOTSUP ? errno : 0;
}

int hyoka__os_close(int fd)
{
    return close(fd) != 0 && errno != EINTR ? errno : 0;
}

int hyoka__os_map(int fd, size_t size, const char **data)
{
    void *map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);

    if (map == MAP_FAILED)
        return errno;
    (void)posix_madvise(map, size, POSIX_MADV_SEQUENTIAL);
    *data = map;
    return 0;
}

void hyoka__os_unmap(const void *data, size_t size)
{
    (void)munmap((void *)(uintptr_t)data, size);
}

int hyoka__os_chmod_fd(int fd, unsigned mode)
{
    return fchmod(fd, (mode_t)mode) != 0 ? errno : 0;
}

int hyoka__os_chmod(const char *path, unsigned mode)
{
    return chmod(path, (mode_t)mode) != 0 ? errno : 0;
}

int hyoka__os_unlink(const char *path)
{
    return unlink(path) != 0 ? errno : 0;
}

int hyoka__os_mkdir(const char *path)
{
    return mkdir(path, 0777) != 0 ? errno : 0;
}

/* Rename a file over another (atomic). */
int hyoka__os_replace(const char *from, const char *to)
{
    return rename(from, to) != 0 ? errno : 0;
}

/* Rename a folder to a name that is free (or an empty folder). */
int hyoka__os_rename_dir(const char *from, const char *to)
{
    return rename(from, to) != 0 ? errno : 0;
}

/* Exchange two folders atomically; ENOSYS where the system cannot. */
int hyoka__os_exchange(const char *a, const char *b)
{
#if defined(__linux__) && defined(SYS_renameat2)
    /* RENAME_EXCHANGE of <linux/fs.h> */
    if (syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, 1u << 1) == 0)
        return 0;
    return errno == EINVAL || errno == ENOSYS || errno == ENOTSUP ? ENOSYS : errno;
#else
    (void)a;
    (void)b;
    return ENOSYS;
#endif
}

/* Flush the folder holding @p path (its entries) to disk, best effort. */
void hyoka__os_sync_parent(const char *parent)
{
    int fd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        (void)close(fd);
    }
}

/* The target of the symbolic link @p path, allocated (NULL: errno in *err). */
char *hyoka__os_readlink(const char *path, int *err)
{
    size_t cap = 256;

    for (;;) {
        char *buf = hyoka__malloc(cap);
        ssize_t n;

        if (!buf) {
            *err = ENOMEM;
            return NULL;
        }
        n = readlink(path, buf, cap);
        if (n < 0) {
            *err = errno;
            hyoka__free(buf);
            return NULL;
        }
        if ((size_t)n < cap) {
            buf[n] = '\0';
            return buf;
        }
        hyoka__free(buf);
        if (cap > SIZE_MAX / 2) {
            *err = ENAMETOOLONG;
            return NULL;
        }
        cap *= 2;
    }
}

/* The next entry of a folder but "." and ".."; NULL at its end, with
 * *err the errno value when reading it failed. */
static struct dirent *next_entry(DIR *dir, int *err)
{
    for (;;) {
        struct dirent *e;

        errno = 0;
        e = readdir(dir);
        if (!e) {
            *err = errno;
            return NULL;
        }
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            return e;
    }
}

/* Remove @p name in folder @p dfd and, for a folder, all it holds; never
 * through a symbolic link. */
static int remove_at(int dfd, const char *name, int depth)
{
    struct stat st;
    struct dirent *e;
    DIR *dir;
    int fd, err = 0;

    if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return errno == ENOENT ? 0 : errno;
    if (!S_ISDIR(st.st_mode))
        return unlinkat(dfd, name, 0) != 0 && errno != ENOENT ? errno : 0;
    if (depth >= HYOKA__OS_REMOVE_DEPTH)
        return ELOOP;
    fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return errno;
    dir = fdopendir(fd);
    if (!dir) {
        err = errno;
        (void)close(fd);
        return err;
    }
    /* A folder read while its entries go may skip some: read it again
     * while it is not empty. */
    for (int pass = 0; pass < 3; pass++) {
        while (!err && (e = next_entry(dir, &err)) != NULL)
            err = remove_at(dirfd(dir), e->d_name, depth + 1);
        if (err || unlinkat(dfd, name, AT_REMOVEDIR) == 0)
            break;
        err = errno;
        if ((err != ENOTEMPTY && err != EEXIST) || pass == 2)
            break;
        err = 0;
        rewinddir(dir);
    }
    (void)closedir(dir);
    return err;
}

int hyoka__os_remove_tree(const char *path)
{
    return remove_at(AT_FDCWD, path, 0);
}

/* Whether the file @p name in folder @p dfd is a marker: a regular file
 * starting with HYOKA__OS_MARKER_MAGIC. */
static bool is_marker(int dfd, const char *name)
{
    char head[sizeof HYOKA__OS_MARKER_MAGIC - 1];
    size_t got = 0;
    int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    enum hyoka__os_kind kind = HYOKA__OS_OTHER;
    uint64_t size = 0;
    bool ok;

    if (fd < 0)
        return false;
    ok = hyoka__os_fd_kind(fd, &kind, &size) == 0 && kind == HYOKA__OS_FILE &&
         hyoka__os_read(fd, head, sizeof head, &got) == 0 && got == sizeof head &&
         memcmp(head, HYOKA__OS_MARKER_MAGIC, sizeof head) == 0;
    (void)close(fd);
    return ok;
}

int hyoka__os_dir_content(const char *path, enum hyoka__os_content *content, char *first, size_t size)
{
    DIR *dir = opendir(path);
    struct dirent *e;
    bool marker = false;
    int other = 0;
    int err = 0;

    if (!dir)
        return errno;
    while ((e = next_entry(dir, &err)) != NULL) {
        if (strcmp(e->d_name, HYOKA__FSIO_MARKER) == 0 && is_marker(dirfd(dir), e->d_name))
            marker = true;
        else if (!other++)
            snprintf(first, size, "%s", e->d_name);
    }
    (void)closedir(dir);
    *content = marker ? HYOKA__OS_MARKED : other ? HYOKA__OS_FOREIGN : HYOKA__OS_EMPTY;
    return err;
}

int hyoka__os_dir_names(const char *path, int (*fn)(void *user, const char *name), void *user)
{
    DIR *dir = opendir(path);
    struct dirent *e;
    int err = 0;

    if (!dir)
        return errno;
    while ((e = next_entry(dir, &err)) != NULL)
        if (fn(user, e->d_name))
            break;
    (void)closedir(dir);
    return err;
}

/* The folder being made: open it, to create its files relative to it. */
int hyoka__os_dir_open(const char *path, int *fd)
{
    *fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    return *fd < 0 ? errno : 0;
}

int hyoka__os_dir_create(int dfd, const char *path, const char *name, int *fd)
{
    (void)path;
    *fd = openat(dfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0666);
    return *fd < 0 ? errno : 0;
}

unsigned long hyoka__os_pid(void)
{
    return (unsigned long)getpid();
}

/* Something that changes from call to call: the clock in nanoseconds. */
unsigned long hyoka__os_clock(void)
{
    struct timespec ts = {0, 0};

    (void)clock_gettime(CLOCK_REALTIME, &ts);
    return (unsigned long)ts.tv_nsec ^ ((unsigned long)ts.tv_sec << 20);
}

/* A path naming a standard stream or an open descriptor. */
bool hyoka__os_is_stream_path(const char *path)
{
    return strcmp(path, "/dev/stdout") == 0 || strcmp(path, "/dev/stderr") == 0 ||
           strcmp(path, "/dev/stdin") == 0 || strncmp(path, "/dev/fd/", 8) == 0 || strncmp(path, "/proc/", 6) == 0;
}

/* strerror_r() is the XSI one (int) or, with _GNU_SOURCE, the GNU one
 * (char *): whichever this C library declares is used. */
static const char *xsi_text(int rc, const char *buf)
{
    return rc == 0 ? buf : NULL;
}

static const char *gnu_text(const char *text, const char *buf)
{
    (void)buf;
    return text;
}

void hyoka__os_error_text(int err, char *buf, size_t size)
{
    const char *text = _Generic(strerror_r(err, buf, size), int: xsi_text, default: gnu_text)(
        strerror_r(err, buf, size), buf);

    if (!text || !*text)
        snprintf(buf, size, "error %d", err);
    else if (text != buf)
        snprintf(buf, size, "%s", text);
}
