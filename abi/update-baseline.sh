#!/bin/bash
# Regenerate abi/libhyoka.abi from a build directory. Read abi/README.md first.
#
# usage: abi/update-baseline.sh BUILDDIR [--force]
#
# Builds the shared library in BUILDDIR, writes its ABI with the exact abidw
# flags the test uses (tests/checks/check_abi.sh --write), shows what changed
# against the committed baseline, and refuses when anything was removed or
# changed: only additions are accepted. --force accepts any change; it exists
# to repair a baseline taken from a wrong build, never to let an incompatible
# change pass.
set -eu

usage() { echo "usage: $0 BUILDDIR [--force]" >&2; exit 2; }
[ $# -ge 1 ] || usage
builddir=$1; shift
force=0
while [ $# -gt 0 ]; do
    case $1 in
        --force) force=1; shift ;;
        *) usage ;;
    esac
done

srcdir=$(cd "$(dirname "$0")/.." && pwd)
baseline=$srcdir/abi/libhyoka.abi
hdrs=$srcdir/include/hyoka
check=$srcdir/tests/checks/check_abi.sh
lib=$builddir/lib/libhyoka.so.1

[ -d "$builddir" ] || { echo "$builddir is not a build directory" >&2; exit 1; }
abidw=$(command -v abidw) || { echo "abidw not found: apt-get install abigail-tools" >&2; exit 1; }
abidiff=$(command -v abidiff) || { echo "abidiff not found: apt-get install abigail-tools" >&2; exit 1; }
readelf=$(command -v readelf || true)

# Build the shared library only (the rest of the tree need not build).
if command -v meson >/dev/null; then
    meson compile -C "$builddir" lib/hyoka:shared_library
fi
[ -e "$lib" ] || { echo "$lib not found: is $builddir a configured hyoka build?" >&2; exit 1; }

# The baseline comes from a plain debug-info build (the default debugoptimized).
opts=$(meson introspect "$builddir" --buildoptions 2>/dev/null | python3 -c '
import json, sys
o = {x["name"]: x["value"] for x in json.load(sys.stdin)}
print(o.get("b_sanitize", "none"), str(o.get("debug", True)).lower(), o.get("buildtype", "?"))
' 2>/dev/null || echo "none true ?")
read -r sanitize debug buildtype <<EOF
$opts
EOF
if [ "$buildtype" != debugoptimized ]; then
    echo "note: $builddir has buildtype=$buildtype; the baseline is normally taken from debugoptimized" >&2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/hyoka-abi-update.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
new=$tmp/libhyoka.abi

set +e
"$check" --write --abidw "$abidw" --abidiff "$abidiff" --readelf "$readelf" \
    --lib "$lib" --headers-dir "$hdrs" --baseline "$new" \
    --sanitize "$sanitize" --debug "$debug"
rc=$?
set -e
if [ $rc -eq 77 ]; then
    echo "refusing: this build cannot give a baseline (see the SKIP reason above);" >&2
    echo "use a plain build: meson setup build && abi/update-baseline.sh build" >&2
    exit 1
elif [ $rc -ne 0 ]; then
    exit 1
fi

if [ -f "$baseline" ]; then
    set +e
    "$abidiff" --headers-dir1 "$hdrs" --headers-dir2 "$hdrs" "$baseline" "$new" >"$tmp/report"
    rc=$?
    set -e
    cat "$tmp/report"
    if [ $((rc & 3)) -ne 0 ]; then
        echo "abidiff failed (status $rc)" >&2
        exit 1
    fi
    if [ $rc -eq 0 ]; then
        echo "ABI unchanged."
    elif [ $((rc & 8)) -ne 0 ] || grep -Eq '[1-9][0-9]* (Removed|Changed)' "$tmp/report"; then
        if [ $force = 0 ]; then
            echo >&2
            echo "refusing: the report above removes or changes existing interfaces." >&2
            echo "libhyoka.so.1 keeps its ABI: undo the change instead. (--force only" >&2
            echo "repairs a baseline that was taken from a wrong build.)" >&2
            exit 1
        fi
        echo "--force: accepting removed or changed interfaces" >&2
    else
        echo "Only additions: accepted."
    fi
fi

cp "$new" "$baseline"
echo "wrote $baseline"
echo "Review 'git diff abi/', and commit it with the map and header changes."
