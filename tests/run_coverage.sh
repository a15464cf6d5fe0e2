#!/usr/bin/env bash
# Line and branch coverage of lib/ from the test suite (gcovr).
#
#   tests/run_coverage.sh [BUILD_DIR]     (default: build-cov)
#
# Builds with --coverage, runs the unit, cli and fuzz-replay suites, and
# prints gcovr's summary for lib/ (tests running in parallel can leave a
# few garbled counters, which gcovr is told to skip). Needs the Debian package gcovr. The HTML report goes to
# BUILD_DIR/coverage/index.html.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-"$top/build-cov"}
if [[ ! -f $build/build.ninja ]]; then
    meson setup "$build" "$top" -Db_coverage=true \
        -Dbindings=disabled -Ddocs=disabled -Dslow_tests=false
fi
ninja -C "$build"
find "$build" -name '*.gcda' -delete
meson test -C "$build" --suite unit --suite cli --suite fuzz
mkdir -p "$build/coverage"
cd "$build"
gcovr -r "$top" --filter "$top/lib/" --gcov-ignore-parse-errors --print-summary \
    --html-details "$build/coverage/index.html" -o "$build/coverage/summary.txt" "$build/lib"
