/* Harness of the benchmark programs: see bench_common.h. */
#define _GNU_SOURCE
#include "bench_common.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static struct timespec t_start, t_stop, c_start, c_stop;
static int started, stopped;

static double now_diff(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

void bench_start(void)
{
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c_start);
    clock_gettime(CLOCK_MONOTONIC, &t_start);
    started = 1;
}

void bench_stop(void)
{
    clock_gettime(CLOCK_MONOTONIC, &t_stop);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c_stop);
    stopped = 1;
}

void bench_die(const char *what, const char *detail)
{
    fprintf(stderr, "bench: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(1);
}

char *bench_read_file(const char *path, size_t pad, size_t *len)
{
    FILE *f = fopen(path, "rb");
    struct stat st;
    char *buf;
    size_t n;

    if (!f)
        return NULL;
    if (fstat(fileno(f), &st) != 0 || st.st_size < 0) {
        fclose(f);
        return NULL;
    }
    buf = malloc((size_t)st.st_size + pad + 1);
    if (!buf) {
        fclose(f);
        return NULL;
    }
    n = fread(buf, 1, (size_t)st.st_size, f);
    fclose(f);
    if (n != (size_t)st.st_size) {
        free(buf);
        return NULL;
    }
    memset(buf + n, 0, pad + 1);
    *len = n;
    return buf;
}

static const struct bench_mode *find_mode(const struct bench_mode *modes, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(modes[i].name, name) == 0)
            return &modes[i];
    return NULL;
}

static int run_child(const struct bench_mode *m, const char *path)
{
    struct bench_result r;
    memset(&r, 0, sizeof r);
    started = stopped = 0;
    if (m->fn(path, &r) != 0)
        return 1;
    if (!started || !stopped)
        bench_die("mode did not time itself", m->name);
    printf("RESULT %.9f %.9f %lld %lld %lld %lld\n", now_diff(&t_start, &t_stop), now_diff(&c_start, &c_stop),
           r.projects, r.values, r.out_bytes, r.diagnostics);
    fflush(stdout);
    return 0;
}

/* One measurement in a child; prints its JSON line. Returns 0 on success. */
static int measure(const char *self, const char *tool, const char *mode, const char *path, int run, long long size)
{
    int fds[2];
    pid_t pid;
    int status = 0;
    struct rusage ru;
    char buf[512];
    size_t used = 0;
    ssize_t got;
    double seconds, cpu_seconds;
    long long projects, values, out_bytes, diags;

    if (pipe(fds) != 0)
        bench_die("pipe", strerror(errno));
    fflush(stdout);
    pid = fork();
    if (pid < 0)
        bench_die("fork", strerror(errno));
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        execl(self, self, "--child", mode, path, (char *)NULL);
        fprintf(stderr, "bench: exec %s: %s\n", self, strerror(errno));
        _exit(127);
    }
    close(fds[1]);
    while (used + 1 < sizeof buf && (got = read(fds[0], buf + used, sizeof buf - 1 - used)) > 0)
        used += (size_t)got;
    buf[used] = '\0';
    /* Drain anything else so the child never blocks on a full pipe. */
    {
        char sink[256];
        while ((got = read(fds[0], sink, sizeof sink)) > 0)
            ;
    }
    close(fds[0]);
    if (wait4(pid, &status, 0, &ru) < 0)
        bench_die("wait4", strerror(errno));
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "bench: %s %s failed (status %d)\n", tool, mode, status);
        return 1;
    }
    {
        const char *line = strstr(buf, "RESULT ");
        if (!line || sscanf(line, "RESULT %lf %lf %lld %lld %lld %lld", &seconds, &cpu_seconds, &projects, &values,
                            &out_bytes, &diags) != 6) {
            fprintf(stderr, "bench: %s %s: no result\n", tool, mode);
            return 1;
        }
    }
    printf("{\"tool\": \"%s\", \"mode\": \"%s\", \"run\": %d, \"seconds\": %.6f, \"cpu_seconds\": %.6f, "
           "\"file_bytes\": %lld, \"projects\": %lld, \"values\": %lld, \"out_bytes\": %lld, \"maxrss_kb\": %ld, "
           "\"diagnostics\": %lld}\n",
           tool, mode, run, seconds, cpu_seconds, size, projects, values, out_bytes, ru.ru_maxrss, diags);
    fflush(stdout);
    return 0;
}

static void usage(const char *prog)
{
    fprintf(stderr,
            "usage: %s [--runs N] [--mode NAME]... FILE\n"
            "       %s --list\n"
            "       %s --child NAME FILE\n",
            prog, prog, prog);
    exit(64);
}

int bench_main(int argc, char **argv, const char *tool, const struct bench_mode *modes, size_t nmodes)
{
    const char *selected[64];
    size_t nsel = 0;
    int runs = 1, failed = 0;
    const char *path = NULL;
    char self[4096];
    ssize_t n;
    struct stat st;

    if (argc >= 2 && strcmp(argv[1], "--list") == 0) {
        for (size_t i = 0; i < nmodes; i++)
            printf("%s\n", modes[i].name);
        return 0;
    }
    if (argc >= 2 && strcmp(argv[1], "--child") == 0) {
        const struct bench_mode *m;
        if (argc != 4)
            usage(argv[0]);
        m = find_mode(modes, nmodes, argv[2]);
        if (!m)
            bench_die("unknown mode", argv[2]);
        return run_child(m, argv[3]);
    }
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
            runs = atoi(argv[++i]);
            if (runs < 1)
                usage(argv[0]);
        } else if (strcmp(argv[i], "--mode") == 0 && i + 1 < argc) {
            if (!find_mode(modes, nmodes, argv[i + 1]))
                bench_die("unknown mode", argv[i + 1]);
            if (nsel < sizeof selected / sizeof selected[0])
                selected[nsel++] = argv[i + 1];
            i++;
        } else if (argv[i][0] == '-' || path) {
            usage(argv[0]);
        } else {
            path = argv[i];
        }
    }
    if (!path)
        usage(argv[0]);
    if (stat(path, &st) != 0)
        bench_die(path, strerror(errno));
    if (nsel == 0)
        for (size_t i = 0; i < nmodes && nsel < sizeof selected / sizeof selected[0]; i++)
            selected[nsel++] = modes[i].name;
    n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n > 0)
        self[n] = '\0';
    else
        snprintf(self, sizeof self, "%s", argv[0]);
    /* Runs interleave the modes, so a slow moment of the machine does not
     * fall on one mode only. */
    for (int r = 1; r <= runs; r++)
        for (size_t i = 0; i < nsel; i++)
            failed |= measure(self, tool, selected[i], path, r, (long long)st.st_size);
    return failed;
}
