#!/usr/bin/env python3
"""Exported symbols, version script and public headers must agree.

Checks on the built shared library:
  1. SONAME is the committed one (libhyoka.so.1).
  2. Every symbol it defines in .dynsym is named hyoka_* (nm -D --defined-only).
  3. Every exported symbol has a default version (name@@NODE) and NODE is the
     version node lib/libhyoka.map lists it in. A function listed in several
     nodes has a new version in the last of them: the library exports
     name@@LAST and keeps each earlier meaning as name@NODE (not default),
     and nothing else.
  4. names in the map's global sections == names exported
     == functions declared with HYOKA_API in the public headers.
  5. The map is well formed: nodes named HYOKA_<major>.<minor>, the first is
     HYOKA_1.0, each later node inherits the one before, no name twice.

Exit status: 0 pass, 1 failure, 77 skipped (nm or readelf missing).
"""

import argparse
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hyokadecls  # noqa: E402

SKIP = 77


def run(cmd):
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         universal_newlines=True)
    if res.returncode != 0:
        raise RuntimeError("$ %s\n%s" % (" ".join(cmd), res.stderr))
    return res.stdout


def soname(readelf, lib):
    for line in run([readelf, "-d", "-W", lib]).splitlines():
        m = re.search(r"\(SONAME\)\s+Library soname: \[(.*)\]", line)
        if m:
            return m.group(1)
    return None


def version_definitions(readelf, lib):
    """Names in .gnu.version_d, the BASE entry (the SONAME) excluded."""
    names = set()
    for line in run([readelf, "-V", "-W", lib]).splitlines():
        m = re.search(r"Flags: (\S+)\s+Index: \d+\s+Cnt: \d+\s+Name: (\S+)", line)
        if m and m.group(1) != "BASE":
            names.add(m.group(2))
    return names


def dynsyms(readelf, lib):
    """Defined dynamic symbols: {name: [(type, bind, vis, version, default)]},
    one entry per version of the name.

    Also returns the version nodes the library defines. The linker adds one
    absolute symbol per node, named after it (`OBJECT GLOBAL ABS HYOKA_1.0`);
    those are not part of the API and are left out of the symbols."""
    nodes = version_definitions(readelf, lib)
    syms = {}
    for line in run([readelf, "--dyn-syms", "-W", lib]).splitlines():
        f = line.split()
        # Num: Value Size Type Bind Vis Ndx Name [(n)]
        if len(f) < 8 or not f[0].endswith(":") or not f[0][:-1].isdigit():
            continue
        typ, bind, vis, ndx, name = f[3], f[4], f[5], f[6], f[7]
        if ndx == "UND" or bind == "LOCAL":
            continue
        version, default = None, False
        if "@@" in name:
            name, version = name.split("@@", 1)
            default = True
        elif "@" in name:
            name, version = name.split("@", 1)
        if ndx == "ABS" and name in nodes and version in (None, name):
            continue
        syms.setdefault(name, []).append((typ, bind, vis, version, default))
    return syms, nodes


def nm_defined(nm, lib):
    """Names nm -D --defined-only lists, without versions or node symbols."""
    names = set()
    for line in run([nm, "-D", "--defined-only", lib]).splitlines():
        f = line.split()
        if len(f) < 3:
            continue
        typ, name = f[1], f[2]
        if typ == "A":  # version node definitions (HYOKA_1.0)
            continue
        names.add(name.split("@", 1)[0])
    return names


def show_diff(failures, title, names):
    if names:
        failures.append("%s (%d):\n    %s" % (title, len(names),
                                               "\n    ".join(sorted(names))))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lib", required=True, help="the built shared library")
    ap.add_argument("--map", required=True, help="lib/libhyoka.map")
    ap.add_argument("--soname", required=True, help="expected SONAME")
    ap.add_argument("--prefix", default="hyoka_")
    ap.add_argument("--nm", default="")
    ap.add_argument("--readelf", default="")
    ap.add_argument("headers", nargs="+", help="the public headers")
    args = ap.parse_args()

    if not args.nm or not args.readelf:
        print("SKIP: nm or readelf not found")
        return SKIP

    failures = []

    # 1. SONAME
    got = soname(args.readelf, args.lib)
    if got != args.soname:
        failures.append("SONAME is %r, expected %r (the SONAME changes only "
                        "with an incompatible ABI: see \"Versions and run-time queries\" "
                        "in docs/guide.md)"
                        % (got, args.soname))

    # The map.
    try:
        nodes = hyokadecls.map_nodes(args.map)
    except (OSError, hyokadecls.ParseError) as e:
        print("FAIL cannot read the version script: %s" % e)
        return 1
    map_node_of = {}
    prev = None
    for node, parent, names in nodes:
        if not re.fullmatch(r"HYOKA_\d+\.\d+", node):
            failures.append("map: node %s is not named HYOKA_<major>.<minor>"
                            % node)
        if prev is None and node != "HYOKA_1.0":
            failures.append("map: the first node is %s, expected HYOKA_1.0" % node)
        if prev is not None and parent != prev:
            failures.append("map: node %s should inherit the previous node: "
                            "'} %s;' (found %r)" % (node, prev, parent))
        for n in names:
            if node in map_node_of.get(n, []):
                failures.append("map: %s is listed twice in %s" % (n, node))
            map_node_of.setdefault(n, []).append(node)
        prev = node
    node_names = [n for n, _, _ in nodes]
    map_names = set(map_node_of)

    # The headers.
    declared = {}
    for h in args.headers:
        try:
            for name, kind, line in hyokadecls.header_declarations(h):
                where = "%s:%d" % (os.path.basename(h), line)
                if name in declared:
                    failures.append("%s is declared with HYOKA_API twice: %s "
                                    "and %s" % (name, declared[name][1], where))
                declared[name] = (kind, where)
        except (OSError, hyokadecls.ParseError) as e:
            failures.append("cannot read %s: %s" % (h, e))
    header_names = set(declared)

    # The library.
    syms, lib_nodes = dynsyms(args.readelf, args.lib)
    exported = set(syms)
    nm_names = nm_defined(args.nm, args.lib)

    # 2. Prefix (from nm, as a user sees it) and the two tools agree.
    show_diff(failures, "exported symbols without the %s prefix" % args.prefix,
              {n for n in nm_names if not n.startswith(args.prefix)})
    show_diff(failures, "nm -D lists these but readelf does not",
              nm_names - exported)
    show_diff(failures, "readelf lists these but nm -D does not",
              exported - nm_names)

    # 3. Versions: name@@NODE for the last node listing the name, and
    # name@NODE (not default) for each earlier one, kept for programs built
    # against that version.
    for name in sorted(exported):
        versions = syms[name]
        defaults = [v[3] for v in versions if v[4]]
        others = sorted(v[3] or "" for v in versions if not v[4])
        if any(v[3] is None for v in versions):
            failures.append("%s is exported without a symbol version" % name)
            continue
        if len(defaults) != 1:
            failures.append("%s is exported with %d default versions (%s), "
                            "expected one" % (name, len(defaults), ", ".join(defaults)))
            continue
        version = defaults[0]
        if version not in node_names:
            failures.append("%s has version %s, which is not a node of the map "
                            "(nodes: %s)" % (name, version, ", ".join(node_names)))
        elif name in map_node_of:
            listed = map_node_of[name]
            if version != listed[-1]:
                failures.append("%s has version %s but the map lists it last in %s"
                                % (name, version, listed[-1]))
            if others != sorted(listed[:-1]):
                failures.append("%s keeps the earlier versions [%s] but the map "
                                "lists it earlier in [%s]"
                                % (name, ", ".join(others), ", ".join(listed[:-1])))
        for typ, bind, vis, ver, default in versions:
            if name in declared:
                kind = declared[name][0]
                want = ("FUNC", "IFUNC") if kind == "function" else ("OBJECT", "TLS")
                if typ not in want:
                    failures.append("%s@%s is declared as a %s (%s) but exported as %s"
                                    % (name, ver, kind, declared[name][1], typ))
    show_diff(failures, "version nodes in the library but not in the map",
              lib_nodes - set(node_names))

    # 4. The three sets.
    show_diff(failures, "in the map but not exported by the library "
              "(not implemented yet, or hidden)", map_names - exported)
    show_diff(failures, "exported by the library but not in the map",
              exported - map_names)
    show_diff(failures, "declared with HYOKA_API but not in the map",
              header_names - map_names)
    show_diff(failures, "in the map but not declared with HYOKA_API in a "
              "public header", map_names - header_names)
    show_diff(failures, "declared with HYOKA_API but not exported",
              header_names - exported)

    print("SONAME %s; %d symbols exported; %d in the map (%s); %d declared "
          "in %d headers" % (got, len(exported), len(map_names),
                             ", ".join(node_names), len(header_names),
                             len(args.headers)))
    if failures:
        print("\n%d symbol check failure(s):\n" % len(failures))
        for f in failures:
            print("FAIL " + f + "\n")
        return 1
    print("exports, version script and headers agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
