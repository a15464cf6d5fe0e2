#!/usr/bin/env python3
"""The hyoka benchmark, in one command (docs/performance.md).

    python3 tests/bench/run_bench.py [--build-dir DIR] [--sizes 10000,100000] [--runs 5]
                                     [--seed 1] [--corpus-dir DIR] [--clock wall|cpu]
                                     [--json OUT.json] [--markdown OUT.md] [--no-python]
                                     [--no-program] [--no-bindings] [--binding-sizes N,M|all]
                                     [--million]

Without --build-dir it sets up (release) and builds build-bench/ at the top
of the source tree when needed.

Generates the corpora if missing (gen_corpus.py; under the build directory,
never committed), checks that hyoka reads and validates them without a
single diagnostic, then measures on the same file in the same run:

  hyoka        read; read + validate + every figure; read + validate +
               hyoka-metrics/1 output; write           (bench_hyoka)
  cJSON, jansson, RapidJSON, simdjson
               read the file, parse into the DOM, walk every value
                                                       (bench_peers_c, bench_peers_cxx)
  Python       json.load + every figure with Decimal   (baseline.py)
  the program  `hyoka check`, `hyoka metrics --json` and `hyoka summary`
               on the file, output to /dev/null: the whole process's wall
               time and peak RSS                       (cli/hyoka)
  RapidJSON    the same, as a whole process, to compare the program with
                                                       (bench_peers_cxx --child rapidjson)
  bindings     Python and Ruby: the stream, each project validated, every
               figure through the bulk figure calls, against `hyoka
               metrics --json` (at the smallest size unless --binding-sizes)
                                                       (bindings/*/bench_bulk --child stream)

Every measurement is a fresh process (cold start, its own peak RSS); each is
repeated --runs times and the medians are reported as a Markdown table:
MB/s (10^6 bytes of the input file per second), projects/s, time relative to
hyoka read + validate + figures and to each peer (RapidJSON, simdjson, cJSON,
Python), and peak RSS ÷ file size; the bindings against the program; then
the per-project cost across sizes and the targets of the issue, each met or
not. A benchmark, not a test: it never fails on a number.

    run_bench.py --million [--million-projects N] [--million-reference R] [--million-memory-gib G]

adds a national-scale run: a 1,000,000-project corpus (about 5.5 GB) streamed
from the generator into a temporary file beside the corpora (deleted
afterwards, never committed), then each program command once on it, with
its wall time and peak RSS, against the same on R projects (default
100,000, or N/10 when smaller: the main run's medians when it measured
that size, else its corpus, else one generated the same way); the target
is each command's peak RSS flat within 10%. Each command runs under an
address-space limit (default: three quarters of the memory available when
the run starts), so a command that would need more fails alone instead of
pushing the machine into swap.

    run_bench.py --smoke --build-dir BUILD --work-dir DIR

is the `meson test --suite bench` smoke run: a 50-project corpus, each tool
once; fails when the corpus has a diagnostic, a tool or a program command
fails, the tools disagree on the number of projects, hyoka's figures
differ from the Python baseline's, or a binding's streaming path fails,
finds a diagnostic, or finds a value for another number of figures than
the hyoka-metrics/1 output has.
"""

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import gen_corpus  # noqa: E402

# (key, label, what it does), in table order
ROWS = [
    ("hyoka/full", "hyoka read + validate + figures", "read, validate, all figures"),
    ("hyoka/stream", "hyoka stream + validate + figures",
     "the same work one project at a time (hyoka_stream_open_file, _next, _validate)"),
    ("hyoka/read", "hyoka read", "read into the model"),
    ("hyoka/validate", "hyoka read + validate", "read, validate (no figures asked)"),
    ("hyoka/metrics", "hyoka read + validate + metrics JSON", "as `hyoka metrics --json`, to memory"),
    ("hyoka/write", "hyoka write", "write compact hyoka/1, to memory (read not timed)"),
    ("peers-c/cjson", "cJSON", "parse to DOM + walk"),
    ("peers-c/jansson", "jansson", "parse to DOM + walk"),
    ("peers-cxx/rapidjson", "RapidJSON", "parse to DOM + walk"),
    ("peers-cxx/simdjson", "simdjson", "parse to DOM + walk"),
    ("python/baseline", "Python json + Decimal figures", "json.load, all figures"),
    ("program/check", "`hyoka check`", "whole process"),
    ("program/metrics-json", "`hyoka metrics --json`", "whole process, output to /dev/null"),
    ("program/summary", "`hyoka summary`", "whole process, output to /dev/null"),
    ("process/rapidjson", "RapidJSON, whole process", "`bench_peers_cxx --child rapidjson`: start, parse + walk, exit"),
    ("binding/python-stream", "Python stream + bulk figures", "`hyoka.stream`, validate, every figure (timed part)"),
    ("binding/ruby-stream", "Ruby stream + bulk figures", "`Hyoka.stream`, validate, every figure (timed part)"),
    ("binding/python-values", "Python stream + figure values",
     "`hyoka.stream`, validate, every figure's value without its reason (`figure_values`, timed part)"),
    ("binding/ruby-values", "Ruby stream + figure values",
     "`Hyoka.stream`, validate, every figure's value without its reason (`figure_values`, timed part)"),
]
REF = "hyoka/full"
# The peers each row is also compared with, in the table's columns.
PEERS = [("peers-cxx/rapidjson", "RapidJSON"), ("peers-cxx/simdjson", "simdjson"), ("peers-c/cjson", "cJSON"),
         ("python/baseline", "Python")]
# The program's commands: (key, arguments after the program).
COMMANDS = [("program/check", ["check", "--no-config"]),
            ("program/metrics-json", ["metrics", "--json", "--no-config"]),
            ("program/summary", ["summary", "--no-config"])]
# What the bindings are compared with: the program doing the same work
# (read, validate, every figure of every project).
PROGRAM_REF = "program/metrics-json"
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
# The bindings' streaming paths: (key, interpreter, script under bindings/,
# the check that the interpreter can load the binding).
BINDINGS = [("binding/python-stream", sys.executable, "python/bench_bulk.py", None, "stream"),
            ("binding/ruby-stream", "ruby", "ruby/bench_bulk.rb", "require 'ffi'", "stream"),
            ("binding/python-values", sys.executable, "python/bench_bulk.py", None, "stream-values"),
            ("binding/ruby-values", "ruby", "ruby/bench_bulk.rb", "require 'ffi'", "stream-values")]


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def find_build_dir(arg, build=True):
    """The build directory holding bench_hyoka. Without --build-dir it is
    build-bench/ at the top of the source tree, configured (release) and
    built here when needed, so the benchmark is one command."""
    root = ROOT
    path = os.path.abspath(arg) if arg else os.path.join(root, "build-bench")
    if build and shutil.which("ninja"):
        if not os.path.exists(os.path.join(path, "build.ninja")) and not arg and shutil.which("meson"):
            log("configuring %s (release)..." % path)
            subprocess.run(["meson", "setup", path, "--buildtype=release"], cwd=root, check=True,
                           stdout=subprocess.DEVNULL)
        if os.path.exists(os.path.join(path, "build.ninja")):
            r = subprocess.run(["ninja", "-C", path], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            if r.returncode != 0:
                log(r.stdout[-4000:])
                sys.exit("run_bench: the build failed")
    if not os.path.exists(os.path.join(path, "tests", "bench", "bench_hyoka")):
        sys.exit("run_bench: no tests/bench/bench_hyoka under %s; build first: meson setup build-bench "
                 "--buildtype=release && ninja -C build-bench" % path)
    return path


def programs(build):
    d = os.path.join(build, "tests", "bench")
    out = {}
    for name in ("bench_hyoka", "bench_peers_c", "bench_peers_cxx"):
        p = os.path.join(d, name)
        if os.path.exists(p):
            out[name] = p
    p = os.path.join(build, "cli", "hyoka")
    if os.path.exists(p):
        out["hyoka"] = p
    return out


def sanitized(build):
    """True when @p build was set up with sanitizers (an interpreter cannot
    load that library without preloading their runtime)."""
    try:
        with open(os.path.join(build, "meson-info", "intro-buildoptions.json")) as f:
            opts = json.load(f)
    except (OSError, ValueError):
        return False
    return any(o["name"] == "b_sanitize" and o["value"] not in ("none", "") for o in opts)


def bindings(build):
    """{key: (argv before FILE, environment)} of the bindings whose
    interpreter is here and loads the binding, on the library of @p build."""
    lib = os.path.join(build, "lib", "libhyoka.so.1")
    if not os.path.exists(lib) or sanitized(build):
        return {}
    out = {}
    for key, interp, script, probe, mode in BINDINGS:
        exe = shutil.which(interp) or (interp if os.path.exists(interp) else None)
        if not exe:
            continue
        if probe and subprocess.run([exe, "-e", probe], capture_output=True).returncode != 0:
            log("run_bench: %s cannot %s; %s left out" % (interp, probe, key))
            continue
        env = dict(os.environ, HYOKA_LIBRARY=lib, PYTHONPATH=os.path.join(ROOT, "bindings", "python"),
                   PYTHONDONTWRITEBYTECODE="1")
        out[key] = ([exe, os.path.join(ROOT, "bindings", script), "--child", mode], env)
    return out


def ensure_corpus(path, n, seed):
    if os.path.exists(path):
        return
    log("generating %s (%d projects, seed %d)..." % (path, n, seed))
    t = time.time()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        gen_corpus.generate(n, f, seed)
    os.replace(tmp, path)
    log("  %d bytes in %.1f s" % (os.path.getsize(path), time.time() - t))


def check_corpus(progs, path):
    r = subprocess.run([progs["bench_hyoka"], "--check", path], capture_output=True, text=True)
    log(r.stdout.strip())
    return r.returncode == 0


def run_prog(prog, path, runs, modes=()):
    """Run a bench program; return its JSON result lines."""
    cmd = [prog, "--runs", str(runs)]
    for m in modes:
        cmd += ["--mode", m]
    r = subprocess.run(cmd + [path], capture_output=True, text=True)
    if r.stderr.strip():
        log(r.stderr.strip())
    out = []
    for line in r.stdout.splitlines():
        if line.startswith("{"):
            out.append(json.loads(line))
    if r.returncode != 0:
        log("run_bench: %s exited with %d" % (os.path.basename(prog), r.returncode))
    return out


def modes_of(progs, name):
    """The modes a bench program was built with (--list)."""
    if name not in progs:
        return []
    return subprocess.run([progs[name], "--list"], capture_output=True, text=True).stdout.split()


def run_python(path, runs):
    out = []
    size = os.path.getsize(path)
    for run in range(1, runs + 1):
        p = subprocess.Popen([sys.executable, os.path.join(HERE, "baseline.py"), path], stdout=subprocess.PIPE,
                             text=True)
        text = p.stdout.read()
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        m = re.search(r"RESULT (\S+) (\S+) (\d+) (\d+)", text)
        if p.returncode != 0 or not m:
            log("run_bench: baseline.py failed (%d)" % p.returncode)
            continue
        out.append({"tool": "python", "mode": "baseline", "run": run, "seconds": float(m.group(1)),
                    "cpu_seconds": float(m.group(2)), "file_bytes": size, "projects": int(m.group(3)),
                    "values": int(m.group(4)), "out_bytes": 0,
                    "maxrss_kb": ru.ru_maxrss, "diagnostics": 0})
    return out


TIME = "/usr/bin/time"  # GNU time: the peak RSS of a process not forked from this (large) Python


def run_process(cmd, limit_bytes=None, env=None, keep_output=True):
    """Run @p cmd to its end: (exit status, wall seconds, CPU seconds, peak
    RSS in kB, its standard output, its standard error). It runs under GNU
    time when that is there: a child forked from this Python process would
    count Python's own pages in its peak RSS until its exec. Without
    @p keep_output its standard output goes to /dev/null (a million
    projects' metrics are about 10 GB)."""
    timed = os.path.exists(TIME)
    fd, stats = tempfile.mkstemp(prefix="hyoka-time-", suffix=".txt")
    os.close(fd)
    if timed:
        cmd = [TIME, "-f", "%U %S %M", "-o", stats] + cmd

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))

    try:
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            t = time.perf_counter()
            p = subprocess.Popen(cmd, stdout=out if keep_output else subprocess.DEVNULL, stderr=err, env=env,
                                 preexec_fn=limit if limit_bytes else None)
            _, status, ru = os.wait4(p.pid, 0)
            wall = time.perf_counter() - t
            p.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(0)
            text, errors = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
        cpu, rss = ru.ru_utime + ru.ru_stime, ru.ru_maxrss
        with open(stats) as f:
            got = f.read().split()
        if timed and len(got) >= 3:  # (after "Command exited with non-zero status N" when it did)
            cpu, rss = float(got[-3]) + float(got[-2]), int(got[-1])
    finally:
        os.unlink(stats)
    return p.returncode, wall, cpu, rss, text, errors


def run_command(prog, key, args, path, run, limit_bytes=None):
    """One command on the file, output to /dev/null (a program's, or a
    bench program's --child run): its whole process's wall time, CPU time
    and peak RSS, or None when it fails (exit status 2 or more: unreadable
    input, usage, out of memory)."""
    rc, wall, cpu, rss, _, err = run_process([prog] + args + [path], limit_bytes, keep_output=False)
    if rc < 0 or rc >= 2:
        log("run_bench: %s %s exited with %d: %s" % (os.path.basename(prog), " ".join(args), rc, err.strip()[-400:]))
        return None
    return {"tool": key.split("/")[0], "mode": key.split("/")[1], "run": run, "seconds": wall,
            "cpu_seconds": cpu, "file_bytes": os.path.getsize(path), "projects": None, "values": 0,
            "out_bytes": 0, "maxrss_kb": rss, "diagnostics": rc}


def run_binding(key, argv, env, path, run):
    """One run of a binding's streaming path (bench_bulk --child stream) in
    a fresh interpreter: the timed part's wall and CPU time as the script
    reports them (after loading the binding), the whole process's wall time
    and peak RSS; None when it fails."""
    rc, wall, _, rss, text, err = run_process(argv + [path], env=env)
    m = re.search(r"RESULT (\S+) (\S+) (\d+) (\d+) (\d+)", text)
    if rc != 0 or not m:
        log("run_bench: %s exited with %d: %s" % (key, rc, err.strip()[-400:]))
        return None
    return {"tool": key.split("/")[0], "mode": key.split("/")[1], "run": run, "seconds": float(m.group(1)),
            "cpu_seconds": float(m.group(2)), "process_seconds": wall, "file_bytes": os.path.getsize(path),
            "projects": int(m.group(3)), "values": int(m.group(4)), "out_bytes": 0, "maxrss_kb": rss,
            "diagnostics": int(m.group(5))}


def run_commands(prog, path, runs, limit_bytes=None):
    out = []
    for key, args in COMMANDS:
        for run in range(1, runs + 1):
            r = run_command(prog, key, args, path, run, limit_bytes)
            if r:
                out.append(r)
    return out


def measure(progs, path, runs, python=True, program=True, binds=None):
    results = []
    for name in ("bench_hyoka", "bench_peers_c", "bench_peers_cxx"):
        if name in progs:
            log("  %s x%d..." % (name, runs))
            results += run_prog(progs[name], path, runs)
    if python:
        log("  baseline.py x%d..." % runs)
        results += run_python(path, runs)
    if program and "hyoka" in progs:
        log("  hyoka check, metrics --json, summary x%d..." % runs)
        results += run_commands(progs["hyoka"], path, runs)
        if "rapidjson" in modes_of(progs, "bench_peers_cxx"):
            log("  RapidJSON as a whole process x%d..." % runs)
            for run in range(1, runs + 1):
                r = run_command(progs["bench_peers_cxx"], "process/rapidjson", ["--child", "rapidjson"], path, run)
                if r:
                    results.append(r)
    for key, (argv, env) in (binds or {}).items():
        log("  %s x%d..." % (key, runs))
        for run in range(1, runs + 1):
            r = run_binding(key, argv, env, path, run)
            if r:
                results.append(r)
    return results


def medians(results, clock="wall"):
    by = {}
    for r in results:
        by.setdefault("%s/%s" % (r["tool"], r["mode"]), []).append(r)
    out = {}
    for key, rs in by.items():
        field = "cpu_seconds" if clock == "cpu" else "seconds"
        out[key] = {
            "runs": len(rs),
            "wall_seconds": statistics.median(r["seconds"] for r in rs),
            "cpu_seconds": statistics.median(r["cpu_seconds"] for r in rs),
            "seconds": statistics.median(r[field] for r in rs),
            "min_seconds": min(r[field] for r in rs),
            "max_seconds": max(r[field] for r in rs),
            "maxrss_kb": statistics.median(r["maxrss_kb"] for r in rs),
            "file_bytes": rs[0]["file_bytes"],
            "projects": rs[0]["projects"],
            "out_bytes": rs[0]["out_bytes"],
            "values": rs[0]["values"],
            "projects_agree": len({r["projects"] for r in rs}) <= 1,
        }
        if "process_seconds" in rs[0]:
            out[key]["process_seconds"] = statistics.median(r["process_seconds"] for r in rs)
    return out


def table(med, n):
    """The Markdown table of one size: every row's time, throughput, its
    time relative to hyoka read + validate + figures and to each peer
    measured (below 1: faster than that peer), and peak RSS ÷ file."""
    ref = med.get(REF)
    peers = [(key, name) for key, name in PEERS if key in med]
    lines = ["| tool | measures | wall (s) | CPU (s) | MB/s | projects/s | time ÷ hyoka r+v+f | " +
             "".join("÷ %s | " % name for _, name in peers) + "peak RSS (MB) | peak RSS ÷ file |",
             "|---|---|" + "---:|" * (7 + len(peers))]
    for key, label, what in ROWS:
        m = med.get(key)
        if not m:
            continue
        nbytes = m["out_bytes"] if key == "hyoka/write" and m["out_bytes"] else m["file_bytes"]
        ratio = "%.2f" % (m["seconds"] / ref["seconds"]) if ref else "–"
        vs = "".join("%.2f | " % (m["seconds"] / med[p]["seconds"]) for p, _ in peers)
        lines.append("| %s | %s | %.3f | %.3f | %.0f | %.0f | %s | %s%.0f | %.2f |" % (
            label, what, m["wall_seconds"], m["cpu_seconds"], nbytes / 1e6 / m["seconds"], n / m["seconds"], ratio,
            vs, m["maxrss_kb"] / 1024, m["maxrss_kb"] * 1024 / m["file_bytes"]))
    return "\n".join(lines)


def machine():
    info = {"load": " ".join("%.2f" % x for x in os.getloadavg()), "cpu": "?", "cores": os.cpu_count(), "memory_gib": None, "kernel": platform.release(),
            "python": platform.python_version(), "cc": "?", "cxx": "?"}
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal"):
                    info["memory_gib"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    info["peers"] = {}
    if shutil.which("pkg-config"):
        for name in ("libcjson", "jansson", "RapidJSON", "simdjson"):
            r = subprocess.run(["pkg-config", "--modversion", name], capture_output=True, text=True)
            if r.returncode == 0:
                info["peers"][name] = r.stdout.strip()
    for key, cmd in (("cc", "cc"), ("cxx", "c++")):
        if shutil.which(cmd):
            r = subprocess.run([cmd, "--version"], capture_output=True, text=True)
            info[key] = r.stdout.splitlines()[0] if r.stdout else "?"
    return info


def interleaved_scaling(progs, files, rounds):
    """hyoka read and full on the smallest and the largest corpus, the sizes
    alternating run by run so that the machine's drift falls on both; returns
    {key: (µs/project small, µs/project large, runs)} from the medians."""
    sizes = sorted(files)
    a, b = sizes[0], sizes[-1]
    got = {}
    for i in range(rounds):
        for n in (a, b) if i % 2 == 0 else (b, a):
            for r in run_prog(progs["bench_hyoka"], files[n], 1, modes=("read", "full")):
                got.setdefault(("hyoka/" + r["mode"], n), []).append(r)
    return got


def binding_table(med):
    """The bindings' streaming paths against `hyoka metrics --json` (the
    program doing the same work), or None when neither was measured."""
    prog = med.get(PROGRAM_REF)
    rows = [(key, label) for key, label, _ in ROWS if key.startswith("binding/") and key in med]
    if not rows:
        return None
    lines = ["| binding | timed part, wall (s) | CPU (s) | whole process, wall (s) | figures | "
             "÷ `hyoka metrics --json`, wall | ÷ CPU | peak RSS (MB) | peak RSS ÷ file |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for key, label in rows:
        m = med[key]
        wall = "%.2f" % (m["wall_seconds"] / prog["wall_seconds"]) if prog else "–"
        cpu = "%.2f" % (m["cpu_seconds"] / prog["cpu_seconds"]) if prog and prog["cpu_seconds"] else "–"
        lines.append("| %s | %.3f | %.3f | %.3f | %d | %s | %s | %.0f | %.2f |" % (
            label, m["wall_seconds"], m["cpu_seconds"], m.get("process_seconds", 0), m["values"], wall, cpu,
            m["maxrss_kb"] / 1024, m["maxrss_kb"] * 1024 / m["file_bytes"]))
    return "\n".join(lines)


def targets(per_size, clock="wall", inter=None):
    """The targets of the issue, from the medians of each size, in its
    order: (size, target, measured, met)."""
    out = []
    for n, med in sorted(per_size.items()):
        ref = med.get(REF)

        def label_of(key):
            return next(lb for k, lb, _ in ROWS if k == key)

        def faster(slow, fast, text, goal):
            """The target that fast runs at least goal times as fast as slow."""
            if slow and fast:
                r = slow["seconds"] / fast["seconds"]
                out.append((n, text, "%.2f×" % r, r >= goal))

        rj = med.get("peers-cxx/rapidjson")
        st = med.get("hyoka/stream")
        py = med.get("python/baseline")
        rp, mj = med.get("process/rapidjson"), med.get(PROGRAM_REF)
        faster(rj, ref, "hyoka read+validate+figures ≥ 1.25× RapidJSON parse + walk", 1.25)
        faster(rj, st, "hyoka stream+validate+figures ≥ 1.25× RapidJSON parse + walk", 1.25)
        faster(rp, mj, "`hyoka metrics --json` (whole process) at least as fast as RapidJSON parse + walk "
                       "(whole process)", 1.0)
        for key, _ in COMMANDS:
            m = med.get(key)
            if m:
                rss = m["maxrss_kb"] * 1024 / m["file_bytes"]
                out.append((n, "%s peak RSS ≤ 1.5× file size" % label_of(key), "%.2f×" % rss, rss <= 1.5))
        faster(py, ref, "hyoka read+validate+figures ≥ 15× plain Python", 15.0)
        faster(py, st, "hyoka stream+validate+figures ≥ 15× plain Python", 15.0)
        for key, _, _, _, _ in BINDINGS:
            m = med.get(key)
            if m and mj:
                r = m["seconds"] / mj["seconds"]
                out.append((n, "%s ≤ 1.3× `hyoka metrics --json`" % label_of(key), "%.2f×" % r, r <= 1.3))
    # Targets of the earlier round, kept to follow them.
    for n, med in sorted(per_size.items()):
        ref = med.get(REF)
        if not ref:
            continue
        cj = med.get("peers-c/cjson")
        if cj:
            r = cj["seconds"] / ref["seconds"]
            out.append((n, "(earlier) hyoka read+validate+figures ≥ 2× cJSON parse + walk", "%.2f×" % r, r >= 2.0))
        for key in (REF, "hyoka/read"):
            m = med.get(key)
            if m:
                rss = m["maxrss_kb"] * 1024 / m["file_bytes"]
                out.append((n, "(earlier) %s peak RSS ≤ 2× file size" % key, "%.2f×" % rss, rss <= 2.0))
    sizes = sorted(per_size)
    if len(sizes) >= 2:
        a, b = sizes[0], sizes[-1]
        field = "cpu_seconds" if clock == "cpu" else "seconds"
        for key in ("hyoka/full", "hyoka/read"):
            if inter and (key, a) in inter and (key, b) in inter:
                pa = statistics.median(r[field] for r in inter[(key, a)]) / a
                pb = statistics.median(r[field] for r in inter[(key, b)]) / b
                how = ", %d interleaved runs" % len(inter[(key, a)])
            elif key in per_size[a] and key in per_size[b]:
                pa = per_size[a][key]["seconds"] / a
                pb = per_size[b][key]["seconds"] / b
                how = ""
            else:
                continue
            out.append(("%d→%d" % (a, b), "(earlier) %s per-project cost flat (within 10%%%s)" % (key, how),
                        "%+.1f%%" % ((pb / pa - 1) * 100), abs(pb / pa - 1) <= 0.10))
    return out


def scaling(per_size):
    sizes = sorted(per_size)
    head = "| tool | " + " | ".join("µs/project at %d" % n for n in sizes) + " | change |"
    lines = [head, "|---|" + "---:|" * (len(sizes) + 1)]
    for key, label, _ in ROWS:
        if not all(key in per_size[n] for n in sizes):
            continue
        per = [per_size[n][key]["seconds"] / n * 1e6 for n in sizes]
        lines.append("| %s | %s | %+.1f%% |" % (label, " | ".join("%.1f" % p for p in per),
                                                 (per[-1] / per[0] - 1) * 100))
    return "\n".join(lines)


def smoke(args):
    progs = programs(find_build_dir(args.build_dir, build=False))  # meson has built it
    work = args.work_dir or os.path.join(args.build_dir, "tests", "bench")
    os.makedirs(work, exist_ok=True)
    path = os.path.join(work, "smoke-50.json")
    with open(path, "wb") as f:
        gen_corpus.generate(50, f, args.seed)
    ok = check_corpus(progs, path)
    if not ok:
        log("FAIL: the smoke corpus has diagnostics")
    binds = bindings(args.build_dir)
    results = measure(progs, path, 1, python=True, binds=binds)
    commands = [r for r in results if r["tool"] in ("program", "process")]
    bound = [r for r in results if r["tool"] == "binding"]
    results = [r for r in results if r["tool"] not in ("program", "process", "binding")]
    want = len(COMMANDS) + ("rapidjson" in modes_of(progs, "bench_peers_cxx")) if "hyoka" in progs else 0
    if len(commands) != want:
        log("FAIL: %d of the %d commands ran" % (len(commands), want))
        ok = False
    for r in commands:
        log("  %-22s exit %d, %.3f s, peak RSS %d kB" % (r["tool"] + "/" + r["mode"], r["diagnostics"], r["seconds"],
                                                         r["maxrss_kb"]))
        if r["diagnostics"] != 0:
            ok = False
    # The bindings' streaming paths: every one that can run, each project
    # read without a diagnostic, and the same figures from each.
    log("  bindings: %s" % (", ".join(sorted(binds)) or "none (no library, or a sanitized build)"))
    for r in bound:
        log("  %-22s %d projects, %d figures, %d diagnostics" % (r["tool"] + "/" + r["mode"], r["projects"],
                                                                 r["values"], r["diagnostics"]))
        if r["projects"] != 50 or r["diagnostics"] != 0:
            ok = False
    if len(bound) != len(binds) or len({r["values"] for r in bound}) > 1:
        log("FAIL: %d of the %d bindings ran, figures: %s" % (len(bound), len(binds), [r["values"] for r in bound]))
        ok = False
    seen = {}
    for r in results:
        seen["%s/%s" % (r["tool"], r["mode"])] = r["projects"]
    for key, p in sorted(seen.items()):
        log("  %-22s %d projects" % (key, p))
    expected = {"bench_hyoka": 0, "bench_peers_c": 0, "bench_peers_cxx": 0}
    for name, prog in progs.items():
        listed = subprocess.run([prog, "--list"], capture_output=True, text=True).stdout.split()
        expected[name] = len(listed)
    if len(results) != sum(expected.values()) + 1:
        log("FAIL: %d measurements, expected %d" % (len(results), sum(expected.values()) + 1))
        ok = False
    if set(seen.values()) != {50}:
        log("FAIL: the tools disagree on the number of projects: %s" % seen)
        ok = False
    # hyoka's figures against the independent Python computation
    hm = subprocess.run([progs["bench_hyoka"], "--metrics", path], capture_output=True, text=True)
    bd = subprocess.run([sys.executable, os.path.join(HERE, "baseline.py"), "--dump", path],
                        capture_output=True, text=True)
    if hm.returncode or bd.returncode:
        log("FAIL: metrics (%d) or baseline dump (%d) failed" % (hm.returncode, bd.returncode))
        return 1
    metrics = json.loads(hm.stdout)["projects"]
    n, bad = compare_figures(metrics, json.loads(bd.stdout))
    log("  figures compared with the Python baseline: %d, differing: %d" % (n, len(bad)))
    for b in bad[:10]:
        log("    " + b)
    if bad or n == 0:
        ok = False
    # the bindings found a value for as many figures as the metrics output has
    have = metrics_figures(metrics)
    for r in bound:
        if r["values"] != have:
            log("FAIL: %s found %d figures with a value, the metrics output has %d" % (
                r["tool"] + "/" + r["mode"], r["values"], have))
            ok = False
    log("bench-smoke: %s" % ("ok" if ok else "FAILED"))
    return 0 if ok else 1


def generated(n, seed, corpus_dir):
    """A temporary file of an n-project corpus streamed from the generator
    (the caller deletes it)."""
    os.makedirs(corpus_dir, exist_ok=True)
    fd, path = tempfile.mkstemp(prefix="scale-%d-" % n, suffix=".json", dir=corpus_dir)
    log("generating %d projects into %s (streamed; deleted afterwards)..." % (n, path))
    t = time.time()
    with os.fdopen(fd, "wb") as f:
        gen_corpus.generate(n, f, seed)
    log("  %d bytes in %.0f s" % (os.path.getsize(path), time.time() - t))
    return path


def million(progs, args, corpus_dir, per_size):
    """The national-scale run: --million-projects projects generated into a
    temporary file (streamed, deleted afterwards), each program command once
    on it under an address-space limit; and the same on the reference size
    (--million-reference, default 100,000: the main run's medians when it
    measured that size, else its corpus when it is there, else one
    generated the same way). Returns the report's lines and its targets:
    the peak RSS of each command flat (within 10%) from the reference to
    this size."""
    n = args.million_projects
    ref_n = args.million_reference or max(1, min(100000, n // 10))
    if "hyoka" not in progs:
        log("run_bench: no cli/hyoka in the build; --million skipped")
        return [], []
    avail = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemAvailable"):
                avail = int(line.split()[1]) * 1024
    limit = int(args.million_memory_gib * 2 ** 30) if args.million_memory_gib else avail * 3 // 4 or None

    def once(count, path):
        rows = {}
        for key, cmd in COMMANDS:
            log("  hyoka %s (%d projects)..." % (" ".join(cmd), count))
            rows[key] = run_command(progs["hyoka"], key, cmd, path, 1, limit)
        return rows, os.path.getsize(path)

    def on_generated(count):
        path = generated(count, args.seed, corpus_dir)
        try:
            return once(count, path)
        finally:
            os.unlink(path)

    measured = per_size.get(ref_n, {})
    kept = os.path.join(corpus_dir, "corpus-%d-seed%d.json" % (ref_n, args.seed))
    if all(measured.get(key) for key, _ in COMMANDS):
        ref = ({key: measured[key] for key, _ in COMMANDS}, measured[COMMANDS[0][0]]["file_bytes"])
        ref_how = "medians of the run above"
    elif os.path.exists(kept):
        ref, ref_how = once(ref_n, kept), "once, on %s" % os.path.basename(kept)
    else:
        ref, ref_how = on_generated(ref_n), "once, generated (not kept)"
    kept_big = os.path.join(corpus_dir, "corpus-%d-seed%d.json" % (n, args.seed))
    if os.path.exists(kept_big):
        big, big_how = once(n, kept_big), "%s, kept" % os.path.basename(kept_big)
    else:
        big, big_how = on_generated(n), "generated, not kept"
    out = ["## %d projects — %.2f GB (%s)" % (n, big[1] / 1e9, big_how), "",
           "Each command once, output to /dev/null, under an address-space limit of %s; the %d-project rows: "
           "%s." % ("%.1f GiB" % (limit / 2 ** 30) if limit else "none", ref_n, ref_how), "",
           "| command | projects | wall (s) | CPU (s) | MB/s | µs/project | peak RSS (MB) | peak RSS ÷ file |",
           "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for key, _ in COMMANDS:
        label = next(lb for k, lb, _ in ROWS if k == key)
        for count, (rows, size) in ((ref_n, ref), (n, big)):
            r = rows.get(key)
            if r is None:
                out.append("| %s | %d | failed (see stderr: out of memory under the limit?) | | | | | |"
                           % (label, count))
                continue
            wall = r.get("wall_seconds", r["seconds"])
            out.append("| %s | %d | %.2f | %.2f | %.0f | %.1f | %.0f | %.3f |" % (
                label, count, wall, r["cpu_seconds"], size / 1e6 / wall, wall / count * 1e6,
                r["maxrss_kb"] / 1024, r["maxrss_kb"] * 1024 / size))
    out.append("")
    goals = []
    for key, _ in COMMANDS:
        a, b = ref[0].get(key), big[0].get(key)
        label = next(lb for k, lb, _ in ROWS if k == key)
        if a and b:
            change = b["maxrss_kb"] / a["maxrss_kb"] - 1
            goals.append(("%d→%d" % (ref_n, n), "%s peak RSS flat (within 10%%)" % label, "%+.1f%%" % (change * 100),
                          abs(change) <= 0.10))
        else:
            goals.append(("%d→%d" % (ref_n, n), "%s peak RSS flat (within 10%%)" % label, "failed", False))
    return out, goals


def metrics_figures(projects):
    """How many figures of hyoka-metrics/1 projects (sub-projects included)
    have a value: every cost-year figure, achievement and change of every
    indicator value, score and rating of every evaluation."""
    n = 0
    for p in projects:
        for y in p.get("years", []):
            n += sum(v is not None for k, v in y.items() if k not in ("fiscal_year", "phase", "unavailable"))
        for ind in p.get("indicators", []):
            n += sum((v.get("achievement") is not None) + (v.get("change") is not None) for v in ind.get("values", []))
        n += sum((e.get("score") is not None) + (e.get("rating") is not None) for e in p.get("evaluations", []))
        n += metrics_figures(p.get("children", []))
    return n


def compare_figures(hyoka_projects, base_projects):
    def norm(v):
        return None if v is None else str(v)

    n, bad = 0, []
    for pm, pb in zip(hyoka_projects, base_projects):
        for ym, yb in zip(pm.get("years", []), pb["years"]):
            for k, v in yb.items():
                n += 1
                if norm(ym.get(k)) != norm(v):
                    bad.append("%s %s %s: hyoka %s, python %s" % (pb["code"], yb["fiscal_year"], k, ym.get(k), v))
        for im, ib in zip(pm.get("indicators", []), pb["indicators"]):
            for vm, vb in zip(im.get("values", []), ib["values"]):
                for k in ("achievement", "change"):
                    n += 1
                    if norm(vm.get(k)) != norm(vb[k]):
                        bad.append("%s %s %s: hyoka %s, python %s" % (pb["code"], vb["fiscal_year"], k,
                                                                     vm.get(k), vb[k]))
        for em, eb in zip(pm.get("evaluations", []), pb["evaluations"]):
            for k in ("score", "rating"):
                n += 1
                if norm(em.get(k)) != norm(eb[k]):
                    bad.append("%s evaluation %s: hyoka %s, python %s" % (pb["code"], k, em.get(k), eb[k]))
        if len(pm.get("years", [])) != len(pb["years"]):
            bad.append("%s: %d years vs %d" % (pb["code"], len(pm.get("years", [])), len(pb["years"])))
    if len(hyoka_projects) != len(base_projects):
        bad.append("%d projects vs %d" % (len(hyoka_projects), len(base_projects)))
    return n, bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build-dir", help="meson build directory (default: build-bench/ at the top of the source "
                                        "tree, set up and built when missing)")
    ap.add_argument("--sizes", default="10000,100000", help="corpus sizes in projects (default 10000,100000)")
    ap.add_argument("--runs", type=int, default=5,
                    help="runs of each measurement (default 5, at least 5 for a report); three times as many "
                         "for sizes below 50,000 projects")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus-dir", help="where corpora are generated (default BUILD/tests/bench/corpus)")
    ap.add_argument("--json", help="also write every run and the medians as JSON here")
    ap.add_argument("--markdown", help="also write the Markdown report here")
    ap.add_argument("--no-python", action="store_true", help="skip the Python baseline")
    ap.add_argument("--scaling-runs", type=int, default=10,
                    help="runs of hyoka read and full on the smallest and largest corpus, alternating, for the "
                         "per-project cost (default 10; 0 = use the main medians)")
    ap.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                    help="time that throughput and ratios use: wall (default) or the CPU time of the timed part "
                         "(for a busy machine)")
    ap.add_argument("--no-program", action="store_true",
                    help="skip the program's commands (hyoka check, metrics --json, summary) and RapidJSON as a "
                         "whole process")
    ap.add_argument("--no-bindings", action="store_true",
                    help="skip the Python and Ruby streaming paths (bindings/*/bench_bulk --child stream)")
    ap.add_argument("--binding-sizes",
                    help="sizes at which the bindings are measured (default: the smallest of --sizes; 'all')")
    ap.add_argument("--million", action="store_true",
                    help="also the national-scale run: a generated 1,000,000-project file (about 5.5 GB of disk "
                         "while it runs), each program command once")
    ap.add_argument("--million-projects", type=int, default=1000000, help="--million: projects (default 1000000)")
    ap.add_argument("--million-reference", type=int,
                    help="--million: the size its peak RSS is compared with (default 100000, or a tenth of "
                         "--million-projects when that is smaller)")
    ap.add_argument("--million-memory-gib", type=float,
                    help="--million: address-space limit of each command in GiB (default: 3/4 of the memory "
                         "available when the run starts)")
    ap.add_argument("--smoke", action="store_true", help="the meson smoke test (50 projects, one run)")
    ap.add_argument("--work-dir", help="--smoke: where to write the small corpus")
    args = ap.parse_args()
    if args.smoke:
        return smoke(args)

    build = find_build_dir(args.build_dir)
    progs = programs(build)
    corpus_dir = args.corpus_dir or os.path.join(build, "tests", "bench", "corpus")
    sizes = [int(s) for s in args.sizes.split(",") if s]
    mach = machine()
    log("machine: %s, %s cores, %s GiB" % (mach["cpu"], mach["cores"], mach["memory_gib"]))
    all_runs, per_size, files, ok_corpus = {}, {}, {}, {}
    binds = {} if args.no_bindings else bindings(build)
    if args.binding_sizes == "all":
        bind_sizes = set(sizes)
    else:
        bind_sizes = {int(s) for s in args.binding_sizes.split(",") if s} if args.binding_sizes else {min(sizes)}
    for n in sizes:
        path = os.path.join(corpus_dir, "corpus-%d-seed%d.json" % (n, args.seed))
        ensure_corpus(path, n, args.seed)
        files[n] = path
        ok_corpus[n] = check_corpus(progs, path)
        runs = args.runs if n >= 50000 else args.runs * 3  # small files: more runs, as they are noisier
        log("measuring %s (%d runs)..." % (path, runs))
        all_runs[n] = measure(progs, path, runs, python=not args.no_python, program=not args.no_program,
                              binds=binds if n in bind_sizes else None)
        per_size[n] = medians(all_runs[n], args.clock)

    out = ["# hyoka benchmark", "",
           "Machine: %s, %s logical CPUs, %s GiB RAM, Linux %s; %s; %s; Python %s." % (
               mach["cpu"], mach["cores"], mach["memory_gib"], mach["kernel"], mach["cc"], mach["cxx"],
               mach["python"]), "",
           "Peers: %s." % (", ".join("%s %s" % kv for kv in mach["peers"].items()) or "none"), "",
           "Medians of %d runs (%d for sizes below 50,000 projects), each a fresh process. MB = 10^6 bytes of the input file (hyoka write: of its output). "
           "Throughput and ratios use %s time%s." % (
               args.runs, args.runs * 3, args.clock, " (CPU time of the timed part: user + system)" if args.clock == "cpu" else ""),
           "",
           "Load average when the run started: %s." % mach["load"], ""]
    for n in sizes:
        med = per_size[n]
        any_m = next(iter(med.values()), None)
        agree = {m["projects"] for m in med.values() if m["projects"] is not None}
        out.append("## %d projects — %s, %.1f MB (%.0f bytes per project)" % (
            n, os.path.basename(files[n]), any_m["file_bytes"] / 1e6 if any_m else 0,
            any_m["file_bytes"] / n if any_m else 0))
        out.append("")
        out.append(table(med, n))
        out.append("")
        bt = binding_table(med)
        if bt:
            out += ["The bindings' streaming paths against the program doing the same work (`hyoka metrics "
                    "--json`: read, validate, every figure); their time is the script's timed part, after the "
                    "interpreter has started and loaded the binding:", "", bt, ""]
        out.append("Corpus diagnostics (read + validate): %s. Projects found by every tool: %s." % (
            "none" if ok_corpus[n] else "SOME — see stderr", ", ".join(str(a) for a in sorted(agree))))
        out.append("")
    inter = None
    if len(sizes) > 1 and args.scaling_runs > 0:
        log("per-project cost: hyoka read and full, %d interleaved runs per size..." % args.scaling_runs)
        inter = interleaved_scaling(progs, files, args.scaling_runs)
    if len(sizes) > 1:
        out += ["## Per-project cost", "", "From the medians above:", "", scaling(per_size), ""]
        if inter:
            a, b = sizes[0], sizes[-1]
            field = "cpu_seconds" if args.clock == "cpu" else "seconds"
            out += ["hyoka alone, the two sizes alternating run by run (%d runs each; the medians above come "
                    "from runs minutes apart, so they carry more of the machine's drift):" % args.scaling_runs, "",
                    "| tool | µs/project at %d | µs/project at %d | change |" % (a, b), "|---|---:|---:|---:|"]
            for key, label, _ in ROWS:
                if (key, a) in inter and (key, b) in inter:
                    pa = statistics.median(r[field] for r in inter[(key, a)]) / a * 1e6
                    pb = statistics.median(r[field] for r in inter[(key, b)]) / b * 1e6
                    out.append("| %s | %.1f | %.1f | %+.1f%% |" % (label, pa, pb, (pb / pa - 1) * 100))
            out.append("")
    goals = []
    if args.million:
        lines, goals = million(progs, args, corpus_dir, per_size)
        out += lines
    out += ["## Targets", "", "| size | target | measured | met |", "|---|---|---:|---|"]
    for n, label, value, met in targets(per_size, args.clock, inter) + goals:
        out.append("| %s | %s | %s | %s |" % (n, label, value, "yes" if met else "**no**"))
    out.append("")
    text = "\n".join(out)
    print(text)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text + "\n")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"machine": mach, "runs": {str(k): v for k, v in all_runs.items()},
                       "interleaved": {"%s@%d" % k: v for k, v in (inter or {}).items()},
                       "medians": {str(k): v for k, v in per_size.items()}}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
