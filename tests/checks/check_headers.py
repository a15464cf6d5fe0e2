#!/usr/bin/env python3
"""Header hygiene: every public header compiles alone, strictly, as C and C++.

For each public header H (the umbrella hyoka.h included) a translation unit
that includes only <hyoka/H> -- twice, to exercise the include guard -- is
compiled with warnings as errors:

  --mode c      the C compiler meson found: -std=c99 and -std=c11
  --mode c++    the C++ compiler: -std=c++11 and -std=c++17
  --mode clang  clang (C99, C11) and clang++ (C++11, C++17)

The TU also takes the address of every HYOKA_API function the header
declares, and nm checks the object refers to them by their plain C names
(so the extern "C" guards work and each declaration lives where it claims).
Only the source include directory is on the include path, so a header that
leans on a private header or on an include it does not make itself fails.

In --mode c it also checks that the set of *.h files in include/hyoka is the
set meson installs, and that the umbrella pulls in every one of them.

Exit status: 0 pass, 1 failure, 77 skipped (compiler not available).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hyokadecls  # noqa: E402

SKIP = 77

C_FLAGS = ["-pedantic", "-Wall", "-Wextra", "-Werror",
           "-Wundef", "-Wstrict-prototypes", "-Wshadow"]
CXX_FLAGS = ["-pedantic", "-Wall", "-Wextra", "-Werror", "-Wundef", "-Wshadow"]
C_STDS = ["c99", "c11"]
CXX_STDS = ["c++11", "c++17"]


def tu_source(subdir, header, functions, cplusplus):
    """A translation unit that uses one header and nothing else."""
    inc = "#include <%s/%s>\n" % (subdir, header)
    lines = [inc, inc]  # twice: the include guard must hold
    if functions:
        ext = 'extern "C++" ' if cplusplus else ""
        lines.append("%svoid hyoka_check_sink_(int n, ...);\n" % ext)
        lines.append("%svoid hyoka_check_refs_(void);\n" % ext)
        lines.append("%svoid hyoka_check_refs_(void)\n{\n" % ext)
        lines.append("    hyoka_check_sink_(0%s);\n}\n"
                     % "".join(",\n        &%s" % f for f in functions))
    else:
        # ISO C forbids an empty translation unit.
        lines.append("typedef int hyoka_check_nonempty_;\n")
    return "".join(lines)


def undefined_symbols(nm, obj):
    out = subprocess.run([nm, "-u", obj], stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, universal_newlines=True)
    if out.returncode != 0:
        raise RuntimeError("nm failed on %s:\n%s" % (obj, out.stdout))
    return {line.split()[-1] for line in out.stdout.splitlines() if line.split()}


def compile_one(cmd, src, obj):
    full = cmd + ["-c", src, "-o", obj]
    res = subprocess.run(full, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         universal_newlines=True)
    return res.returncode == 0, " ".join(full), res.stdout


def check_file_sets(include_dir, subdir, headers, umbrella, cc, tmp):
    """include/hyoka/*.h == installed list; the umbrella includes them all."""
    failures = []
    on_disk = {f for f in os.listdir(os.path.join(include_dir, subdir))
               if f.endswith(".h")}
    listed = {os.path.basename(h) for h in headers}
    for f in sorted(on_disk - listed):
        failures.append("%s/%s is in the source tree but not in public_headers "
                        "(include/hyoka/meson.build): it would not be installed"
                        % (subdir, f))
    for f in sorted(listed - on_disk):
        failures.append("%s is in public_headers but not in %s/%s"
                        % (f, include_dir, subdir))
    if umbrella not in listed:
        failures.append("umbrella header %s is not a public header" % umbrella)
        return failures

    src = os.path.join(tmp, "umbrella_deps.c")
    with open(src, "w", encoding="utf-8") as f:
        f.write("#include <%s/%s>\n" % (subdir, umbrella))
    res = subprocess.run(cc + ["-I" + include_dir, "-M", src],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         universal_newlines=True)
    if res.returncode != 0:
        failures.append("cannot list the umbrella's dependencies:\n" + res.stdout)
        return failures
    deps = res.stdout.replace("\\\n", " ").split()
    seen = {os.path.basename(d) for d in deps
            if os.path.basename(os.path.dirname(d)) == subdir}
    for f in sorted(listed - seen - {umbrella}):
        failures.append("%s/%s does not include %s (directly or indirectly)"
                        % (subdir, umbrella, f))
    return failures


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mode", choices=["c", "c++", "clang"], required=True)
    ap.add_argument("--include-dir", required=True,
                    help="directory that holds the hyoka/ header directory")
    ap.add_argument("--subdir", default="hyoka")
    ap.add_argument("--umbrella", default="hyoka.h")
    ap.add_argument("--cc-arg", action="append", default=[],
                    help="one word of the C compiler command (repeat)")
    ap.add_argument("--cxx", default="", help="C++ compiler ('' if none)")
    ap.add_argument("--clang", default="", help="clang ('' if none)")
    ap.add_argument("--clangxx", default="", help="clang++ ('' if none)")
    ap.add_argument("--nm", default="", help="nm ('' to skip the linkage check)")
    ap.add_argument("headers", nargs="+", help="the public headers")
    args = ap.parse_args()

    include_dir = os.path.abspath(args.include_dir)
    names = sorted({os.path.basename(h) for h in args.headers})

    # (label, command, language, standards)
    compilers = []
    if args.mode == "c":
        if not args.cc_arg:
            print("no C compiler given", file=sys.stderr)
            return 1
        compilers.append(("cc", args.cc_arg, "c", C_STDS))
    elif args.mode == "c++":
        if not args.cxx:
            print("SKIP: no C++ compiler found (looked for c++ and g++)")
            return SKIP
        compilers.append(("c++", [args.cxx], "c++", CXX_STDS))
    else:
        if args.clang:
            compilers.append(("clang", [args.clang], "c", C_STDS))
        if args.clangxx:
            compilers.append(("clang++", [args.clangxx], "c++", CXX_STDS))
        if not compilers:
            print("SKIP: clang is not installed")
            return SKIP

    decls = {}
    failures = []
    for h in names:
        try:
            decls[h] = [n for n, kind, _ in
                        hyokadecls.header_declarations(
                            os.path.join(include_dir, args.subdir, h))]
        except (OSError, hyokadecls.ParseError) as e:
            failures.append(str(e))
            decls[h] = []

    tmp = tempfile.mkdtemp(prefix="hyoka-headers-")
    try:
        if args.mode == "c":
            failures += check_file_sets(include_dir, args.subdir, args.headers,
                                        args.umbrella, args.cc_arg, tmp)
        count = 0
        for label, cmd, lang, stds in compilers:
            ext = ".cpp" if lang == "c++" else ".c"
            flags = CXX_FLAGS if lang == "c++" else C_FLAGS
            for h in names:
                base = os.path.splitext(h)[0]
                src = os.path.join(tmp, "only_%s%s" % (base, ext))
                with open(src, "w", encoding="utf-8") as f:
                    f.write(tu_source(args.subdir, h, decls[h], lang == "c++"))
                for std in stds:
                    obj = os.path.join(tmp, "only_%s_%s.o" % (base, std))
                    full = (cmd + ["-x", lang, "-std=" + std] + flags
                            + ["-I" + include_dir])
                    ok, line, output = compile_one(full, src, obj)
                    count += 1
                    what = "%s/%s with %s -std=%s" % (args.subdir, h, label, std)
                    if not ok:
                        failures.append("%s does not compile cleanly:\n  $ %s\n%s"
                                        % (what, line, output.rstrip()))
                        continue
                    if args.nm and decls[h]:
                        undef = undefined_symbols(args.nm, obj)
                        missing = [f for f in decls[h] if f not in undef]
                        if missing:
                            failures.append(
                                "%s: these functions are not referenced by their "
                                "C names (missing extern \"C\" guard?): %s\n"
                                "  undefined symbols in the object: %s"
                                % (what, ", ".join(missing),
                                   ", ".join(sorted(undef))))
                    print("ok   %s" % what)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    if failures:
        print("\n%d header hygiene failure(s):\n" % len(failures))
        for f in failures:
            print("FAIL " + f + "\n")
        return 1
    print("all %d compilations of %d headers passed" % (count, len(names)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
