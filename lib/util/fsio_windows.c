/* The system primitives of the file layer on Windows (fsio_os.h): paths
 * are UTF-8, converted to UTF-16 for the wide-character calls of the C
 * runtime (_wopen, _wmkdir, _wstat64) and of Windows (MoveFileExW,
 * FindFirstFileW). A reparse point (symbolic link, junction) is reported
 * as a link and never followed. Compiled on Windows only. */
#include "util/fsio_os.h"
#include "util/fsio.h"

#include <windows.h>
#include <direct.h>
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

/* The errno value of a Windows error. */
static int win_errno(DWORD e)
{
    switch (e) {
    case ERROR_FILE_NOT_FOUND:
    case ERROR_PATH_NOT_FOUND: return ENOENT;
    case ERROR_ACCESS_DENIED:
    case ERROR_SHARING_VIOLATION: return EACCES;
    case ERROR_ALREADY_EXISTS:
    case ERROR_FILE_EXISTS: return EEXIST;
    case ERROR_DIR_NOT_EMPTY: return ENOTEMPTY;
    case ERROR_NOT_ENOUGH_MEMORY:
    case ERROR_OUTOFMEMORY: return ENOMEM;
    case ERROR_DISK_FULL: return ENOSPC;
    default: return EIO;
    }
}

/* A UTF-8 path as UTF-16, allocated (NULL: *err set). */
static wchar_t *wide(const char *path, int *err)
{
    int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, path, -1, NULL, 0);
    wchar_t *w;

    if (n <= 0) {
        *err = EILSEQ;
        return NULL;
    }
    w = hyoka__malloc((size_t)n * sizeof *w);
    if (!w) {
        *err = ENOMEM;
        return NULL;
    }
    MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, path, -1, w, n);
    return w;
}

static enum hyoka__os_kind kind_of(unsigned short mode)
{
    if ((mode & _S_IFMT) == _S_IFREG)
        return HYOKA__OS_FILE;
    return (mode & _S_IFMT) == _S_IFDIR ? HYOKA__OS_DIR : HYOKA__OS_OTHER;
}

#define WIDE_OR_RETURN(w, path)         \
    int werr_ = 0;                      \
    wchar_t *w = wide((path), &werr_);  \
    if (!w)                             \
        return werr_

/* What @p w names, through links, and its permission bits. */
static int wide_kind(const wchar_t *w, enum hyoka__os_kind *kind, unsigned *mode)
{
    struct _stat64 st;

    if (_wstat64(w, &st) != 0) {
        *kind = HYOKA__OS_ABSENT;
        return errno == ENOENT ? 0 : errno;
    }
    *mode = (unsigned)st.st_mode & 0777u;
    *kind = kind_of(st.st_mode);
    return 0;
}

int hyoka__os_lkind(const char *path, enum hyoka__os_kind *kind, unsigned *mode)
{
    DWORD attr;
    WIDE_OR_RETURN(w, path);

    attr = GetFileAttributesW(w);
    if (attr != INVALID_FILE_ATTRIBUTES && (attr & FILE_ATTRIBUTE_REPARSE_POINT)) {
        *kind = HYOKA__OS_LINK;
        *mode = 0666;
    } else {
        werr_ = wide_kind(w, kind, mode);
    }
    hyoka__free(w);
    return werr_;
}

int hyoka__os_kind(const char *path, enum hyoka__os_kind *kind, unsigned *mode)
{
    WIDE_OR_RETURN(w, path);
    werr_ = wide_kind(w, kind, mode);
    hyoka__free(w);
    return werr_;
}

int hyoka__os_fd_kind(int fd, enum hyoka__os_kind *kind, uint64_t *size)
{
    struct _stat64 st;

    if (_fstat64(fd, &st) != 0)
        return errno;
    *kind = kind_of(st.st_mode);
    *size = st.st_size > 0 ? (uint64_t)st.st_size : 0;
    return 0;
}

static int os_wopen(const char *path, int flags, int *fd)
{
    WIDE_OR_RETURN(w, path);
    *fd = _wopen(w, flags | _O_BINARY | _O_NOINHERIT, _S_IREAD | _S_IWRITE);
    werr_ = *fd < 0 ? errno : 0;
    hyoka__free(w);
    return werr_;
}

int hyoka__os_open_read(const char *path, int *fd)
{
    return os_wopen(path, _O_RDONLY, fd);
}

int hyoka__os_open_in_place(const char *path, int *fd)
{
    return os_wopen(path, _O_WRONLY, fd);
}

int hyoka__os_append(int fd)
{
    return _lseeki64(fd, 0, SEEK_END) < 0 ? errno : 0;
}

int hyoka__os_create(const char *path, int *fd)
{
    return os_wopen(path, _O_WRONLY | _O_CREAT | _O_EXCL, fd);
}

int hyoka__os_read(int fd, char *buf, size_t n, size_t *got)
{
    int r = _read(fd, buf, n > (size_t)1 << 30 ? 1u << 30 : (unsigned)n);
    if (r < 0)
        return errno;
    *got = (size_t)r;
    return 0;
}

int hyoka__os_write(int fd, const char *data, size_t len)
{
    while (len > 0) {
        int w = _write(fd, data, len > (size_t)1 << 30 ? 1u << 30 : (unsigned)len);
        if (w < 0)
            return errno;
        data += w;
        len -= (size_t)w;
    }
    return 0;
}

int hyoka__os_sync(int fd)
{
    return _commit(fd) != 0 && errno != EBADF ? errno : 0;
}

int hyoka__os_close(int fd)
{
    return _close(fd) != 0 ? errno : 0;
}

int hyoka__os_map(int fd, size_t size, const char **data)
{
    (void)fd;
    (void)size;
    (void)data;
    return ENOSYS; /* files are read, not mapped */
}

void hyoka__os_unmap(const void *data, size_t size)
{
    (void)data;
    (void)size;
}

int hyoka__os_chmod_fd(int fd, unsigned mode)
{
    (void)fd;
    (void)mode; /* Windows keeps only a read-only bit: a new file has none */
    return 0;
}

int hyoka__os_chmod(const char *path, unsigned mode)
{
    (void)path;
    (void)mode;
    return 0;
}

int hyoka__os_unlink(const char *path)
{
    WIDE_OR_RETURN(w, path);
    werr_ = _wunlink(w) != 0 ? errno : 0;
    hyoka__free(w);
    return werr_;
}

int hyoka__os_mkdir(const char *path)
{
    WIDE_OR_RETURN(w, path);
    werr_ = _wmkdir(w) != 0 ? errno : 0;
    hyoka__free(w);
    return werr_;
}

static int os_move(const char *from, const char *to, DWORD flags)
{
    int err = 0;
    wchar_t *wf = wide(from, &err), *wt = wf ? wide(to, &err) : NULL;

    if (wf && wt && !MoveFileExW(wf, wt, flags))
        err = win_errno(GetLastError());
    hyoka__free(wf);
    hyoka__free(wt);
    return err;
}

int hyoka__os_replace(const char *from, const char *to)
{
    return os_move(from, to, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH);
}

int hyoka__os_rename_dir(const char *from, const char *to)
{
    return os_move(from, to, MOVEFILE_WRITE_THROUGH);
}

int hyoka__os_exchange(const char *a, const char *b)
{
    (void)a;
    (void)b;
    return ENOSYS;
}

void hyoka__os_sync_parent(const char *parent)
{
    (void)parent;
}

char *hyoka__os_readlink(const char *path, int *err)
{
    (void)path;
    *err = ENOSYS; /* a reparse point is not followed to replace its target */
    return NULL;
}

/* "DIR\NAME", allocated (NULL when out of memory). */
static wchar_t *join_wide(const wchar_t *dir, const wchar_t *name)
{
    size_t n = wcslen(dir), m = wcslen(name);
    wchar_t *p = hyoka__malloc((n + m + 2) * sizeof *p);

    if (!p)
        return NULL;
    memcpy(p, dir, n * sizeof *p);
    p[n] = L'\\';
    memcpy(p + n + 1, name, (m + 1) * sizeof *p);
    return p;
}

/* Start listing the folder @p w (UTF-16): its first entry into *fd, the
 * search into *h (for FindNextFileW() and FindClose()). 0 or an errno
 * value. */
static int find_first(const wchar_t *w, WIN32_FIND_DATAW *fd, HANDLE *h)
{
    wchar_t *pat = join_wide(w, L"*");

    if (!pat)
        return ENOMEM;
    *h = FindFirstFileW(pat, fd);
    hyoka__free(pat);
    return *h == INVALID_HANDLE_VALUE ? win_errno(GetLastError()) : 0;
}

/* Remove the folder @p w (UTF-16) and all it holds; a reparse point
 * (link, junction) is removed, never entered. */
static int remove_wide(const wchar_t *w, int depth)
{
    WIN32_FIND_DATAW fd;
    HANDLE h;
    int err;

    if (depth >= HYOKA__OS_REMOVE_DEPTH)
        return ELOOP;
    err = find_first(w, &fd, &h);
    if (err)
        return err;
    do {
        wchar_t *child;

        if (wcscmp(fd.cFileName, L".") == 0 || wcscmp(fd.cFileName, L"..") == 0)
            continue;
        child = join_wide(w, fd.cFileName);
        if (!child) {
            err = ENOMEM;
            break;
        }
        if ((fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) && !(fd.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT))
            err = remove_wide(child, depth + 1);
        else if (fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)
            err = RemoveDirectoryW(child) ? 0 : win_errno(GetLastError());
        else
            err = DeleteFileW(child) ? 0 : win_errno(GetLastError());
        hyoka__free(child);
    } while (!err && FindNextFileW(h, &fd));
    FindClose(h);
    if (!err && !RemoveDirectoryW(w))
        err = win_errno(GetLastError());
    return err;
}

int hyoka__os_remove_tree(const char *path)
{
    WIDE_OR_RETURN(w, path);
    werr_ = remove_wide(w, 0);
    hyoka__free(w);
    return werr_;
}

int hyoka__os_dir_content(const char *path, enum hyoka__os_content *content, char *first, size_t size)
{
    WIN32_FIND_DATAW fd;
    HANDLE h;
    bool marker = false;
    int other = 0, err = 0;
    wchar_t *w = wide(path, &err);

    if (!w)
        return err;
    err = find_first(w, &fd, &h);
    hyoka__free(w);
    if (err)
        return err;
    do {
        if (wcscmp(fd.cFileName, L".") == 0 || wcscmp(fd.cFileName, L"..") == 0)
            continue;
        if (wcscmp(fd.cFileName, L"" HYOKA__FSIO_MARKER) == 0 && !(fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY))
            marker = true;
        else if (!other++)
            WideCharToMultiByte(CP_UTF8, 0, fd.cFileName, -1, first, (int)size, NULL, NULL);
    } while (FindNextFileW(h, &fd));
    FindClose(h);
    *content = marker ? HYOKA__OS_MARKED : other ? HYOKA__OS_FOREIGN : HYOKA__OS_EMPTY;
    return 0;
}

int hyoka__os_dir_names(const char *path, int (*fn)(void *user, const char *name), void *user)
{
    WIN32_FIND_DATAW fd;
    HANDLE h;
    wchar_t *pat;
    char name[MAX_PATH * 4];
    int err = 0;
    wchar_t *w = wide(path, &err);

    if (!w)
        return err;
    pat = join_wide(w, L"*");
    hyoka__free(w);
    if (!pat)
        return ENOMEM;
    h = FindFirstFileW(pat, &fd);
    hyoka__free(pat);
    if (h == INVALID_HANDLE_VALUE)
        return win_errno(GetLastError());
    do {
        if (wcscmp(fd.cFileName, L".") == 0 || wcscmp(fd.cFileName, L"..") == 0)
            continue;
        if (WideCharToMultiByte(CP_UTF8, 0, fd.cFileName, -1, name, (int)sizeof name, NULL, NULL) > 0 &&
            fn(user, name))
            break;
    } while (FindNextFileW(h, &fd));
    FindClose(h);
    return 0;
}

int hyoka__os_dir_open(const char *path, int *fd)
{
    (void)path;
    *fd = -1;
    return 0;
}

int hyoka__os_dir_create(int dfd, const char *path, const char *name, int *fd)
{
    (void)dfd;
    (void)name;
    return hyoka__os_create(path, fd);
}

unsigned long hyoka__os_pid(void)
{
    return (unsigned long)GetCurrentProcessId();
}

unsigned long hyoka__os_clock(void)
{
    LARGE_INTEGER t;

    QueryPerformanceCounter(&t);
    return (unsigned long)t.QuadPart ^ (unsigned long)((unsigned long long)t.QuadPart >> 32);
}

bool hyoka__os_is_stream_path(const char *path)
{
    (void)path;
    return false;
}

void hyoka__os_error_text(int err, char *buf, size_t size)
{
    if (strerror_s(buf, size, err) != 0)
        snprintf(buf, size, "error %d", err);
}
