#!/bin/bash
# ABI check: compare the built libhyoka.so with the committed baseline
# abi/libhyoka.abi (libabigail). Any difference fails, additions included:
# the baseline is updated on purpose, with abi/update-baseline.sh, in the same
# change that adds the symbols to a new node of lib/libhyoka.map.
#
# usage: check_abi.sh --abidw P --abidiff P --lib LIB --headers-dir DIR
#                     --baseline FILE [--out FILE] [--readelf P]
#                     [--sanitize VALUE] [--debug true|false] [--write]
#
# --write regenerates FILE given as --baseline instead of comparing
# (abi/update-baseline.sh uses it, so both use the same abidw flags).
#
# Exit status: 0 same ABI, 1 different ABI or error, 77 skipped (no abidw,
# a sanitizer build, or a library without debug information).
set -u

SKIP=77
abidw='' abidiff='' lib='' hdrs='' baseline='' out='' readelf=''
sanitize=none debug=true write=0
while [ $# -gt 0 ]; do
    case $1 in
        --abidw) abidw=$2; shift 2 ;;
        --abidiff) abidiff=$2; shift 2 ;;
        --lib) lib=$2; shift 2 ;;
        --headers-dir) hdrs=$2; shift 2 ;;
        --baseline) baseline=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --readelf) readelf=$2; shift 2 ;;
        --sanitize) sanitize=$2; shift 2 ;;
        --debug) debug=$2; shift 2 ;;
        --write) write=1; shift ;;
        *) echo "check_abi.sh: unknown argument $1" >&2; exit 1 ;;
    esac
done

if [ -z "$abidw" ] || [ -z "$abidiff" ]; then
    echo "SKIP: abidw/abidiff not found (install abigail-tools, or configure with -Dabi_check=disabled)"
    exit $SKIP
fi
if [ -z "$lib" ] || [ -z "$hdrs" ] || [ -z "$baseline" ]; then
    echo "check_abi.sh: --lib, --headers-dir and --baseline are required" >&2
    exit 1
fi

# The baseline describes a plain debug-info build. Sanitizers add symbols
# and change code; without DWARF abidw sees names only.
if [ "$sanitize" != none ]; then
    echo "SKIP: sanitizer build (b_sanitize=$sanitize): the ABI is checked on plain builds"
    exit $SKIP
fi
if [ "$debug" != true ]; then
    echo "SKIP: not a debug-info build (debug=false): abidw needs DWARF"
    exit $SKIP
fi
if [ ! -f "$lib" ]; then
    echo "FAIL: $lib does not exist (build the shared library first)"
    exit 1
fi
if [ -n "$readelf" ]; then
    if ! "$readelf" -S -W "$lib" | grep -q '[[:space:]]\.debug_info[[:space:]]'; then
        echo "SKIP: $lib has no .debug_info section (stripped?)"
        exit $SKIP
    fi
    if "$readelf" --dyn-syms -W "$lib" | grep -Eq '__(asan|tsan|msan|ubsan|lsan)_'; then
        echo "SKIP: $lib is instrumented by a sanitizer"
        exit $SKIP
    fi
fi

# Only types from the public headers count (--headers-dir, then
# --drop-private-types). No path may leak into the XML, so that the same
# sources give the same file from any build directory: no corpus path, no
# compilation directory, and locations reduced to file names.
abidw_flags=(--no-corpus-path --no-comp-dir-path --short-locs
             --drop-private-types --headers-dir "$hdrs")

if [ "$write" = 1 ]; then
    if ! "$abidw" "${abidw_flags[@]}" --out-file "$baseline" "$lib"; then
        echo "FAIL: abidw could not read $lib" >&2
        exit 1
    fi
    exit 0
fi

if [ ! -f "$baseline" ]; then
    echo "FAIL: no baseline at $baseline; create it with abi/update-baseline.sh BUILDDIR"
    exit 1
fi

tmp=
if [ -z "$out" ]; then
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/hyoka-abi.XXXXXX") || exit 1
    trap 'rm -rf "$tmp"' EXIT
    out=$tmp/libhyoka.abi
fi

if ! "$abidw" "${abidw_flags[@]}" --out-file "$out" "$lib"; then
    echo "FAIL: abidw could not read $lib"
    exit 1
fi

"$abidiff" --headers-dir1 "$hdrs" --headers-dir2 "$hdrs" "$baseline" "$out"
rc=$?

# abidiff's status is a bit field.
if [ $rc -eq 0 ]; then
    echo "ABI unchanged: $lib matches $baseline"
    exit 0
fi
echo
[ $((rc & 1)) -ne 0 ] && echo "FAIL: abidiff reported an error (bit 1)"
[ $((rc & 2)) -ne 0 ] && echo "FAIL: abidiff usage error (bit 2)"
[ $((rc & 8)) -ne 0 ] && echo "FAIL: INCOMPATIBLE ABI change (bit 8): a symbol was removed or changed incompatibly. libhyoka.so.1 must not break its users; restore the old interface."
if [ $((rc & 4)) -ne 0 ] && [ $((rc & 8)) -eq 0 ]; then
    echo "FAIL: the ABI changed (bit 4). If this is only the addition of symbols in a new"
    echo "      version node of lib/libhyoka.map, update the baseline on purpose:"
    echo "        abi/update-baseline.sh BUILDDIR    (see abi/README.md)"
    echo "      and commit abi/libhyoka.abi with the change. Any other change"
    echo "      (a changed type or signature) must be undone instead."
fi
echo "current ABI written to $out"
exit 1
