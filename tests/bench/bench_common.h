/*
 * Shared harness of the benchmark programs (bench_hyoka, bench_peers_c,
 * bench_peers_cxx): every measurement runs in a fresh child process (the
 * program re-executes itself with --child MODE FILE), so its peak resident
 * set is its own and it starts cold; the parent collects the child's wall
 * time and its rusage (wait4) and prints one JSON line per run:
 *
 *   {"tool": "peers-c", "mode": "cjson", "run": 1, "seconds": 0.123456,
 *    "cpu_seconds": 0.120000, "file_bytes": 123, "projects": 1000, "values": 456789,
 *    "out_bytes": 0, "maxrss_kb": 12345, "diagnostics": 0}
 *
 * Usage of a benchmark program:
 *   PROG [--runs N] [--mode NAME]... FILE     measure (every mode by default)
 *   PROG --list                               the modes, one a line
 *   PROG --child NAME FILE                    one measurement, in this process
 */
#ifndef HYOKA_BENCH_COMMON_H
#define HYOKA_BENCH_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What one measurement reports besides its time. */
struct bench_result {
    long long projects;    /* top-level projects found (all tools must agree) */
    long long values;      /* values walked or figures computed */
    long long out_bytes;   /* bytes written (write modes) */
    long long diagnostics; /* hyoka: error diagnostics of the read (must be 0) */
};

/* A measured operation. It calls bench_start() when the timed part begins
 * (after any untimed preparation) and bench_stop() when it ends (before
 * any untimed clean-up); returns 0 on success. */
typedef int (*bench_fn)(const char *path, struct bench_result *r);

struct bench_mode {
    const char *name; /* mode name on the command line and in the output */
    bench_fn fn;
};

void bench_start(void);
void bench_stop(void);

/* Read a whole file into a malloc'ed buffer with @p pad zero bytes after
 * it; returns NULL on failure. */
char *bench_read_file(const char *path, size_t pad, size_t *len);

/* A string-literal-free message on stderr and exit status 1. */
#if defined(__GNUC__)
__attribute__((noreturn))
#endif
void bench_die(const char *what, const char *detail);

int bench_main(int argc, char **argv, const char *tool, const struct bench_mode *modes, size_t nmodes);

#ifdef __cplusplus
}
#endif

#endif
