/* A growable byte buffer (csv_internal.h), for the tables the writer makes,
 * the fields the reader decodes and the JSON pointers of both; and the
 * copy of a message into a fixed buffer. */
#include "csv_internal.h"

#include <stdio.h>
#include <string.h>

void hyoka__csv_buf_free(struct hyoka__csv_buf *b)
{
    hyoka__free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

int hyoka__csv_buf_reserve(struct hyoka__csv_buf *b, size_t more)
{
    size_t need, ncap;
    char *p;

    if (more > SIZE_MAX - 1 - b->len)
        return hyoka__nomem();
    need = b->len + more + 1;
    if (need <= b->cap)
        return HYOKA_OK;
    ncap = b->cap ? b->cap : 256;
    while (ncap < need)
        ncap = ncap > SIZE_MAX / 2 ? need : ncap * 2;
    p = hyoka__realloc(b->p, ncap);
    if (!p)
        return hyoka__nomem();
    b->p = p;
    b->cap = ncap;
    return HYOKA_OK;
}

int hyoka__csv_buf_put_size(struct hyoka__csv_buf *b, size_t v)
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%zu", v);
    return hyoka__csv_buf_put(b, tmp, (size_t)n);
}

int hyoka__csv_buf_put_token(struct hyoka__csv_buf *b, const char *s, size_t n)
{
    int rc = hyoka__csv_buf_putc(b, '/');
    for (size_t i = 0; rc == HYOKA_OK && i < n; i++) {
        if (s[i] == '~')
            rc = hyoka__csv_buf_put(b, "~0", 2);
        else if (s[i] == '/')
            rc = hyoka__csv_buf_put(b, "~1", 2);
        else
            rc = hyoka__csv_buf_putc(b, s[i]);
    }
    return rc;
}

void hyoka__csv_copy_message(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
    hyoka__utf8_cut(dst, n);
}
