/* The JSON files of a folder (jsonfiles.h). */
#include "jsonfiles.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <cmocka.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long size;

    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
        buf = malloc((size_t)size + 1);
        if (buf && fread(buf, 1, (size_t)size, f) != (size_t)size) {
            free(buf);
            buf = NULL;
        }
        *len = (size_t)size;
    }
    fclose(f);
    return buf;
}

size_t jsonfiles_each(const char *dir, void (*check)(const char *text, size_t len))
{
    DIR *d = opendir(dir);
    struct dirent *ent;
    size_t files = 0;

    if (!d)
        return 0;
    while ((ent = readdir(d)) != NULL) {
        char path[4096];
        size_t nlen = strlen(ent->d_name), len = 0;
        char *text;
        if (nlen < 5 || strcmp(ent->d_name + nlen - 5, ".json") != 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
        text = slurp(path, &len);
        assert_non_null(text);
        check(text, len);
        free(text);
        files++;
    }
    closedir(d);
    return files;
}
