/*
 * bench_peers_c: the established C JSON parsers on the same file, for
 * comparison with hyoka (each measurement in a fresh child process, see
 * bench_common.h). A mode reads the file, parses it into the library's
 * tree and walks every value — counting strings, numbers and other values
 * and summing the lengths of strings and keys — which is strictly less
 * work than hyoka's read (no schema, no exact decimals, no model).
 *
 *   cjson     cJSON_ParseWithLength() + walk      (built with HAVE_CJSON)
 *   jansson   json_loadb() + walk                 (built with HAVE_JANSSON)
 *
 * The parsers are linked into this program only, never into the library.
 */
#define _GNU_SOURCE
#include "bench_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef HAVE_CJSON
#include <cjson/cJSON.h>
#endif
#ifdef HAVE_JANSSON
#include <jansson.h>
#endif

struct walk {
    long long strings, numbers, others, string_bytes;
    double number_sum;
};

static long long walk_total(const struct walk *w)
{
    return w->strings + w->numbers + w->others;
}

#ifdef HAVE_CJSON
static void walk_cjson(const cJSON *item, struct walk *w)
{
    for (; item; item = item->next) {
        if (item->string) {
            w->strings++;
            w->string_bytes += (long long)strlen(item->string);
        }
        if (cJSON_IsString(item)) {
            w->strings++;
            w->string_bytes += (long long)strlen(item->valuestring);
        } else if (cJSON_IsNumber(item)) {
            w->numbers++;
            w->number_sum += item->valuedouble;
        } else {
            w->others++;
            if (cJSON_IsArray(item) || cJSON_IsObject(item))
                walk_cjson(item->child, w);
        }
    }
}

static int mode_cjson(const char *path, struct bench_result *r)
{
    size_t len;
    char *buf;
    cJSON *root;
    struct walk w = {0, 0, 0, 0, 0.0};

    bench_start();
    buf = bench_read_file(path, 0, &len);
    if (!buf)
        bench_die("cannot read", path);
    root = cJSON_ParseWithLength(buf, len);
    if (!root)
        bench_die("cJSON: parse error", cJSON_GetErrorPtr());
    walk_cjson(root, &w);
    r->projects = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(root, "projects"));
    bench_stop();
    r->values = walk_total(&w);
    cJSON_Delete(root);
    free(buf);
    return 0;
}
#endif

#ifdef HAVE_JANSSON
static void walk_jansson(json_t *v, struct walk *w)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        const char *key;
        json_t *child;
        w->others++;
        json_object_foreach(v, key, child) {
            w->strings++;
            w->string_bytes += (long long)strlen(key);
            walk_jansson(child, w);
        }
        break;
    }
    case JSON_ARRAY: {
        size_t i;
        json_t *child;
        w->others++;
        json_array_foreach(v, i, child) walk_jansson(child, w);
        break;
    }
    case JSON_STRING:
        w->strings++;
        w->string_bytes += (long long)json_string_length(v);
        break;
    case JSON_INTEGER:
        w->numbers++;
        w->number_sum += (double)json_integer_value(v);
        break;
    case JSON_REAL:
        w->numbers++;
        w->number_sum += json_real_value(v);
        break;
    default:
        w->others++;
        break;
    }
}

static int mode_jansson(const char *path, struct bench_result *r)
{
    size_t len;
    char *buf;
    json_t *root;
    json_error_t err;
    struct walk w = {0, 0, 0, 0, 0.0};

    bench_start();
    buf = bench_read_file(path, 0, &len);
    if (!buf)
        bench_die("cannot read", path);
    root = json_loadb(buf, len, 0, &err);
    if (!root)
        bench_die("jansson: parse error", err.text);
    walk_jansson(root, &w);
    r->projects = (long long)json_array_size(json_object_get(root, "projects"));
    bench_stop();
    r->values = walk_total(&w);
    json_decref(root);
    free(buf);
    return 0;
}
#endif

static const struct bench_mode modes[] = {
#ifdef HAVE_CJSON
    {"cjson", mode_cjson},
#endif
#ifdef HAVE_JANSSON
    {"jansson", mode_jansson},
#endif
    {NULL, NULL},
};

int main(int argc, char **argv)
{
    return bench_main(argc, argv, "peers-c", modes, sizeof modes / sizeof modes[0] - 1);
}
