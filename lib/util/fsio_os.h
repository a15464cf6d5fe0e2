/* The primitives of the system under the file layer (fsio.c), one set
 * for POSIX (fsio_posix.c) and one for Windows (fsio_windows.c), so that
 * the policy of fsio.h is written once. Each returns 0 or an errno value
 * and records no error; paths are UTF-8. Not installed. */
#ifndef HYOKA_UTIL_FSIO_OS_H
#define HYOKA_UTIL_FSIO_OS_H

#include "internal.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What a path names. */
enum hyoka__os_kind {
    HYOKA__OS_ABSENT,
    HYOKA__OS_FILE,  /* a regular file */
    HYOKA__OS_DIR,
    HYOKA__OS_LINK,  /* a symbolic link (Windows: any reparse point) */
    HYOKA__OS_OTHER  /* a device, FIFO, socket */
};

/* What a folder holds, for replacing it. */
enum hyoka__os_content {
    HYOKA__OS_EMPTY,
    HYOKA__OS_MARKED, /* a marker file (HYOKA__FSIO_MARKER) of hyoka */
    HYOKA__OS_FOREIGN /* other files, and no marker */
};

/* What a marker file starts with. */
#define HYOKA__OS_MARKER_MAGIC "hyoka-output "
/* Deepest folder removed inside a folder being replaced. */
#define HYOKA__OS_REMOVE_DEPTH 256

#if defined(_WIN32)
#  define HYOKA__OS_SEP "\\"
static inline bool hyoka__os_is_sep(char c)
{
    return c == '/' || c == '\\';
}
#else
#  define HYOKA__OS_SEP "/"
static inline bool hyoka__os_is_sep(char c)
{
    return c == '/';
}
#endif

/* What @p path names, itself (lkind) or through symbolic links (kind),
 * and its permission bits; an absent path is HYOKA__OS_ABSENT and 0. */
int hyoka__os_lkind(const char *path, enum hyoka__os_kind *kind, unsigned *mode);
int hyoka__os_kind(const char *path, enum hyoka__os_kind *kind, unsigned *mode);
/* What an open file is, and its size when it is a regular file. */
int hyoka__os_fd_kind(int fd, enum hyoka__os_kind *kind, uint64_t *size);

int hyoka__os_open_read(const char *path, int *fd);
/* Open what exists for writing, as it is: never created nor truncated. */
int hyoka__os_open_in_place(const char *path, int *fd);
/* Writes go to the end of the file from now on. */
int hyoka__os_append(int fd);
/* Create a new file (0666 less the umask), never through a symbolic link;
 * EEXIST when the name is taken. */
int hyoka__os_create(const char *path, int *fd);
/* Read at most @p n bytes (*got 0 at the end). */
int hyoka__os_read(int fd, char *buf, size_t n, size_t *got);
/* Write all @p len bytes. */
int hyoka__os_write(int fd, const char *data, size_t len);
/* Flush a file to disk (a file system that cannot is no error). */
int hyoka__os_sync(int fd);
int hyoka__os_close(int fd);
/* Map a regular file of @p size bytes read-only; ENOSYS where files are
 * not mapped. */
int hyoka__os_map(int fd, size_t size, const char **data);
void hyoka__os_unmap(const void *data, size_t size);

/* Permission bits of an open file or a path (nothing where there are none). */
int hyoka__os_chmod_fd(int fd, unsigned mode);
int hyoka__os_chmod(const char *path, unsigned mode);
int hyoka__os_unlink(const char *path);
int hyoka__os_mkdir(const char *path);
/* Rename a file over another, atomically. */
int hyoka__os_replace(const char *from, const char *to);
/* Rename a folder to a name that is free (or an empty folder). */
int hyoka__os_rename_dir(const char *from, const char *to);
/* Exchange two folders atomically; ENOSYS where the system cannot. */
int hyoka__os_exchange(const char *a, const char *b);
/* Flush the entries of a folder to disk, best effort. */
void hyoka__os_sync_parent(const char *dir);
/* The target of the symbolic link @p path, allocated with hyoka__malloc()
 * (NULL: the errno value in *err). */
char *hyoka__os_readlink(const char *path, int *err);
/* Remove @p path and, for a folder, all it holds, never through a
 * symbolic link (a link is removed, not followed). */
int hyoka__os_remove_tree(const char *path);
/* What the folder @p path holds; the name of one of its files that is not
 * the marker goes to first[0..size). */
int hyoka__os_dir_content(const char *path, enum hyoka__os_content *content, char *first, size_t size);

/* Call @p fn with the name of every entry of the folder @p path but "."
 * and ".." (UTF-8), in the order the system gives, until it returns
 * nonzero. 0 or an errno value. */
int hyoka__os_dir_names(const char *path, int (*fn)(void *user, const char *name), void *user);

/* A folder being made: open (POSIX; -1 elsewhere), and a new file in it,
 * created as hyoka__os_create() does, named @p name in folder @p dfd, or
 * by its whole @p path. */
int hyoka__os_dir_open(const char *path, int *fd);
int hyoka__os_dir_create(int dfd, const char *path, const char *name, int *fd);

/* The process id, and a clock that changes from call to call: seeds of
 * the names of temporary files. */
unsigned long hyoka__os_pid(void);
unsigned long hyoka__os_clock(void);
/* A path naming a standard stream or an open descriptor (/dev/stdout,
 * /dev/fd/N, /proc/.../fd/N). */
bool hyoka__os_is_stream_path(const char *path);
/* The system's text for an errno value (thread-safe). */
void hyoka__os_error_text(int err, char *buf, size_t size);

#endif /* HYOKA_UTIL_FSIO_OS_H */
