#!/usr/bin/env bash
# Run the concurrency test (tests/test_threads.c, unit test 'threads') under
# ThreadSanitizer.
#
#   tests/run_tsan.sh [BUILD_DIR]
#
# Sets up BUILD_DIR (default: build-tsan at the top of the tree) with
# -Db_sanitize=thread when it does not exist yet, builds the library and
# the test, and runs it with `meson test`. Any data race, lock-order
# inversion or thread leak that TSan reports makes the test fail.
#
# Environment: CC (compiler, default the system's cc, gcc on Debian),
# HYOKA_THREADS_ITER (passes over the documents, default 3), TSAN_OPTIONS
# (added to the defaults below). With clang the shared library does not
# link: clang leaves the TSan runtime out of shared objects and
# lib/meson.build links libhyoka.so with -Wl,--no-undefined.
#
# Exit status: 0 when the test passes, 1 when it fails, 2 on a setup or
# build error. .ci/run can call it as one more step.
set -uo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-"$top/build-tsan"}

if [[ ! -f $build/build.ninja ]]; then
    echo "tsan: setting up $build"
    meson setup "$build" "$top" --buildtype=debugoptimized -Db_sanitize=thread -Db_lundef=false \
        -Ddocs=disabled -Dbindings=disabled -Dfuzz=false -Dslow_tests=false || exit 2
fi

sanitize=$(meson introspect --buildoptions "$build" 2>/dev/null |
    python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"]=="b_sanitize"))' 2>/dev/null)
if [[ $sanitize != thread ]]; then
    echo "tsan: $build is configured with b_sanitize=$sanitize, not thread" >&2
    exit 2
fi

echo "tsan: building test_threads in $build"
meson compile -C "$build" test_threads || exit 2

# Races are errors; report both stacks in full. halt_on_error stops at the first one.
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 history_size=4 report_thread_leaks=1 ${TSAN_OPTIONS:-}"
export HYOKA_SOURCE_ROOT="$top"

echo "tsan: running the 'threads' test (TSAN_OPTIONS=$TSAN_OPTIONS)"
if meson test -C "$build" --no-rebuild --print-errorlogs --timeout-multiplier=5 threads; then
    echo "tsan: PASS (no data race reported)"
    exit 0
fi
echo "tsan: FAIL (see $build/meson-logs/testlog.txt)" >&2
exit 1
