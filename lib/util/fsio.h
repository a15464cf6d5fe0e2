/* The file layer of the library (fsio.c, on the system primitives of
 * fsio_os.h): every file it reads and every file and folder it writes,
 * under one policy (docs/output.md says it in user terms):
 *
 * Reading: the whole file, up to a limit; a regular file may be mapped
 * rather than copied; a device or FIFO is read as a stream, and stops at
 * the limit (so /dev/zero is an error, never a hang).
 *
 * Writing a file, by what the path is:
 * - absent or a regular file: the bytes go to a new temporary file in the
 *   same folder, which is flushed to disk and renamed over the path;
 *   readers see the old file or the whole new one, never a part, and a
 *   failure leaves the old file as it was. A replaced file keeps its
 *   permission bits; a new one gets 0666 less the umask;
 * - a symbolic link to a regular file (or to nothing): the file it points
 *   to is replaced that way, and the link stays;
 * - a character or block device, a FIFO, a socket, or a standard stream
 *   (/dev/stdout, /dev/fd/N, /proc/.../fd/N): written in place, never
 *   created, truncated or replaced;
 * - a folder: an error.
 *
 * Writing a folder (CSV tables, HTML pages): the files are made in a new
 * temporary folder beside the target, each created new (O_EXCL, never
 * through a symbolic link), with a marker file saying what wrote them
 * (HYOKA__FSIO_MARKER); then the folder takes the target's place whole:
 * - an absent target: renamed into place (its missing parent folders
 *   created when the caller asks);
 * - an empty folder, or one with the marker (written by hyoka), or any
 *   folder when the caller says to replace it: exchanged with the new one
 *   (renameat2(RENAME_EXCHANGE) on Linux, else moved aside first) and the
 *   old one removed, so nothing of an earlier portfolio stays;
 * - a folder with other files and no marker: refused, untouched;
 * - a symbolic link, or anything that is not a folder: refused.
 * A failure before the swap removes the temporary folder and leaves the
 * target as it was.
 *
 * Errors are HYOKA_EIO, recorded with the function's name, the operation,
 * the path and the system's text for errno ("hyoka_csv_write_dir: cannot
 * write \"out/x.csv\": No space left on device"); HYOKA_ENOMEM; and
 * HYOKA_ERANGE for a file over a read limit.
 *
 * POSIX systems have all of it. On Windows (_WIN32) paths are UTF-8 and
 * converted to UTF-16 for the wide-character calls; files are replaced with
 * MoveFileExW(); there is no mapping, a folder swap always moves the old
 * folder aside first, and devices are recognised only as the C runtime's
 * stat() sees them (NUL, CON). Not installed. */
#ifndef HYOKA_UTIL_FSIO_H
#define HYOKA_UTIL_FSIO_H

#include "internal.h"

#include <stdbool.h>
#include <stddef.h>

/* The name of the marker file of a folder written by hyoka. */
#define HYOKA__FSIO_MARKER ".hyoka-output"

/* HYOKA_EIO, recorded as "FN: WHAT \"PATH\": <text of errno ERR>". */
int hyoka__io_fail(const char *fn, const char *what, const char *path, int err);

/* ------------------------------------------------------------------------ */
/* Reading                                                                   */

/* A regular file may be mapped rather than copied. */
#define HYOKA__FSIO_MAP 1u
/* An absent file is not an error: HYOKA_OK with data NULL. */
#define HYOKA__FSIO_MISSING_OK 2u
/* What is not a regular file (a FIFO, a device, a socket) is not read:
 * HYOKA_OK with it left open (piped; read it with hyoka__fsio_pipe_read()). */
#define HYOKA__FSIO_PIPE 4u

/* A file read whole: data[0..len), owned by the structure. */
struct hyoka__file_data {
    const char *data; /* NULL for an absent file (HYOKA__FSIO_MISSING_OK) */
    size_t len;
    bool mapped;      /* data is a mapping of the file */
    char *owned;      /* or a copy on the heap */
    bool piped;       /* HYOKA__FSIO_PIPE: not read, open as fd */
    int fd;
};

/* Read the file @p path whole, at most @p max bytes, into @p out (flags
 * HYOKA__FSIO_*). HYOKA_OK; HYOKA_ERANGE (recorded) for a larger file,
 * with out->len its size when it is a regular file, 0 otherwise;
 * HYOKA_EIO; HYOKA_ENOMEM. @p fn names the caller in messages. */
int hyoka__fsio_read(const char *fn, const char *path, size_t max, unsigned flags, struct hyoka__file_data *out);
/* Read up to @p n bytes of a piped file (@p *got: 0 at its end): 0, or the
 * system's error number. */
int hyoka__fsio_pipe_read(const struct hyoka__file_data *d, char *buf, size_t n, size_t *got);
/* Give back what hyoka__fsio_read() holds (a piped file is closed); @p d is
 * empty again. */
void hyoka__fsio_release(struct hyoka__file_data *d);
/* HYOKA_OK when @p path is a folder (or a link to one); else HYOKA_EIO,
 * recorded as "FN: cannot open the folder \"PATH\": reason". */
int hyoka__fsio_check_dir(const char *fn, const char *path);

/* Call @p each with the name of every entry of the folder @p dir (not "."
 * or ".."), until it returns nonzero. HYOKA_OK, or HYOKA_EIO recorded as
 * "FN: cannot read the folder \"DIR\": reason". */
int hyoka__fsio_names(const char *fn, const char *dir, int (*each)(void *user, const char *name), void *user);

/* ------------------------------------------------------------------------ */
/* Writing a file                                                            */

/* A file being written: open, write (also as the sink of a byte buffer,
 * util/buf.h), then commit or abort. */
struct hyoka__file_out {
    const char *fn;  /* the caller, for messages */
    char *path;      /* what is written: the temporary file, or the path itself in place */
    char *target;    /* the file the temporary file replaces; NULL in place */
    int fd;
    int err;         /* first failure of a write */
};

/* Open @p path for writing by the policy above. On failure nothing was
 * created and @p f holds nothing. */
int hyoka__fsio_open(struct hyoka__file_out *f, const char *fn, const char *path);
/* Write bytes (@p user is the struct hyoka__file_out). HYOKA_OK or
 * HYOKA_EIO (recorded). */
int hyoka__fsio_write(void *user, const char *data, size_t len);
/* Finish: flushed to disk, closed and renamed into place (or closed, in
 * place). On failure the temporary file is removed and the target is as
 * it was. */
int hyoka__fsio_commit(struct hyoka__file_out *f);
/* Give up: closed, the temporary file removed. */
void hyoka__fsio_abort(struct hyoka__file_out *f);

/* ------------------------------------------------------------------------ */
/* Writing a folder                                                          */

struct hyoka__dir_out {
    const char *fn;   /* the caller, for messages */
    char *target;     /* the folder, without trailing separators */
    char *tmp;        /* the folder being made beside it */
    char *file;       /* scratch: the temporary path of a file being added */
    int fd;           /* tmp, open (POSIX; -1 elsewhere) */
    bool existed;     /* the target is a folder to replace */
};

/* A folder with files hyoka did not write may be replaced. */
#define HYOKA__DIR_REPLACE 1u
/* Missing parent folders of the target are created (mkdir -p). */
#define HYOKA__DIR_PARENTS 2u

/* Check the target @p dir (see above) and make the temporary folder
 * (flags HYOKA__DIR_*). On failure nothing was made (but missing parent
 * folders, with HYOKA__DIR_PARENTS). */
int hyoka__dir_begin(struct hyoka__dir_out *d, const char *fn, const char *dir, unsigned flags);
/* Add the file @p name (no separator) with these bytes: open, write and
 * close a file of the folder at once. */
int hyoka__dir_add(struct hyoka__dir_out *d, const char *name, const char *data, size_t len);

/* A file of the folder being made, written as its bytes are made (several
 * may be open at a time): open, write (also as the sink of a byte buffer,
 * util/buf.h), then close; or discard, before hyoka__dir_abort(). Its
 * failures name it as it will be (TARGET/NAME). */
struct hyoka__dir_file {
    const struct hyoka__dir_out *d;
    const char *name; /* in the folder; borrowed, it must outlive the file */
    int fd;         /* -1 once closed */
    int err;        /* first failure of a write */
};

/* Create the file @p name (no separator; borrowed) in the folder being
 * made. On failure @p f holds nothing. */
int hyoka__dir_file_open(struct hyoka__dir_out *d, const char *name, struct hyoka__dir_file *f);
/* Write bytes (@p user is the struct hyoka__dir_file). HYOKA_OK or
 * HYOKA_EIO (recorded); after a failure nothing more is written. */
int hyoka__dir_file_write(void *user, const char *data, size_t len);
/* Flushed to disk and closed: HYOKA_OK, or the first failure. */
int hyoka__dir_file_close(struct hyoka__dir_file *f);
/* Closed as it is (the folder is to be given up). */
void hyoka__dir_file_discard(struct hyoka__dir_file *f);
/* Write the marker (naming @p writer), then put the folder in the
 * target's place and remove the old one. On failure before the swap the
 * temporary folder is removed. */
int hyoka__dir_commit(struct hyoka__dir_out *d, const char *writer);
/* Give up: the temporary folder removed, the target untouched. */
void hyoka__dir_abort(struct hyoka__dir_out *d);

#endif /* HYOKA_UTIL_FSIO_H */
