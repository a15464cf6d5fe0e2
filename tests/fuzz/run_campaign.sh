#!/usr/bin/env bash
# Run a libFuzzer campaign on hyoka's fuzz targets.
#
#   tests/fuzz/run_campaign.sh [SECONDS] [TARGET...]
#
# SECONDS   time per target (default 600).
# TARGET    json, csv, rs, calendar, decimal (default: every target built).
#
# Environment:
#   BUILD_DIR      the clang build with -Dfuzz=true (default: build-fuzz at the
#                  top of the tree; set up and built when missing).
#   WORK_DIR       where the campaign keeps its corpora, logs and crashes
#                  (default: $BUILD_DIR/fuzz-campaign; kept between runs, so a
#                  second campaign continues from the first one's corpus).
#   JOBS           fuzzers run at once (default 1; one core each).
#   MERGE_MAX_LEN  only inputs up to this many bytes are merged back into the
#                  seed corpus (default 2048).
#   MINIMIZE       1 (default): minimise each crash (-minimize_crash=1) and
#                  copy it to tests/fuzz/corpus/TARGET/regress-<sha1> so that
#                  the replay tests keep running it; 0: leave crashes in
#                  WORK_DIR only.
#   FUZZ_ARGS      extra libFuzzer options.
#
# Each target runs in libFuzzer's fork mode with one job (-fork=1
# -ignore_crashes=1 ...), so the campaign goes on after a crash, with its
# dictionary tests/fuzz/TARGET.dict and its seed corpus as input. New
# interesting inputs that are small are merged into the seed corpus with
# -merge=1. At the end a table gives, per target: executions, executions
# per second, coverage (cov: edges, ft: features), corpus size (corpus:
# the inputs libFuzzer kept, seeds included; new: inputs in the work
# corpus), inputs merged into the seeds, and crashes (with the path of
# each artifact and the first lines of its report).
#
# Exit status: 0 when no target crashed, 1 when one did, 2 on a setup error.
set -uo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
fuzz_src="$top/tests/fuzz"
seconds=${1:-600}
shift || true
build=${BUILD_DIR:-"$top/build-fuzz"}
work=${WORK_DIR:-"$build/fuzz-campaign"}
jobs=${JOBS:-1}
merge_max=${MERGE_MAX_LEN:-2048}
minimize=${MINIMIZE:-1}
extra=${FUZZ_ARGS:-}

if ! [[ $seconds =~ ^[0-9]+$ ]] || ((seconds < 1)); then
    echo "usage: $0 [SECONDS] [TARGET...]" >&2
    exit 2
fi

# ---------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------
if [[ ! -f $build/build.ninja ]]; then
    echo "campaign: setting up $build (clang, -Dfuzz=true)"
    # No -Werror here: a campaign must not stop on a new compiler warning.
    CC=${CC:-clang} meson setup "$build" "$top" -Dfuzz=true -Dwerror=false -Ddocs=disabled -Dbindings=disabled \
        -Dslow_tests=false || exit 2
fi
all_targets=(json csv rs calendar decimal)
if (($# == 0)); then
    set -- "${all_targets[@]}"
fi
ninja_targets=()
for t in "$@"; do
    case $t in
        json | csv | rs | calendar | decimal) ninja_targets+=("tests/fuzz/fuzz-$t") ;;
        *)
            echo "campaign: unknown target $t" >&2
            exit 2
            ;;
    esac
done
# Build what exists (fuzz-csv only once the CSV module is in the library).
available=$(ninja -C "$build" -t targets all 2>/dev/null | sed -n 's|^\(tests/fuzz/fuzz-[a-z]*\):.*|\1|p')
to_build=()
targets=()
for t in "$@"; do
    if grep -qx "tests/fuzz/fuzz-$t" <<<"$available"; then
        to_build+=("tests/fuzz/fuzz-$t")
        targets+=("$t")
    else
        echo "campaign: fuzz-$t is not built in $build (clang and -Dfuzz=true? lib/csv/?); skipped" >&2
    fi
done
if ((${#targets[@]} == 0)); then
    echo "campaign: nothing to run" >&2
    exit 2
fi
ninja -C "$build" "${to_build[@]}" || exit 2

# ---------------------------------------------------------------------------
# One target
# ---------------------------------------------------------------------------
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

run_target() {
    local t=$1
    local exe="$build/tests/fuzz/fuzz-$t"
    local dir="$work/$t"
    local seeds="$fuzz_src/corpus/$t"
    mkdir -p "$dir/corpus" "$dir/artifacts" "$dir/minimized"
    local dict="$fuzz_src/$t.dict"
    [[ -f $dict ]] || dict="$fuzz_src/csv.dict" # rs: its tables are CSV
    local start end
    start=$(date +%s)
    # shellcheck disable=SC2086
    "$exe" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -dict="$dict" -artifact_prefix="$dir/artifacts/" \
        $extra "$dir/corpus" "$seeds" >"$dir/fuzz.log" 2>&1
    end=$(date +%s)
    echo $((end - start)) >"$dir/elapsed"

    # Merge small new inputs into the seed corpus.
    local small="$dir/merge-small"
    rm -rf "$small"
    mkdir -p "$small"
    find "$dir/corpus" -maxdepth 1 -type f -size -"$((merge_max + 1))"c -exec cp {} "$small/" \;
    local before after
    before=$(find "$seeds" -maxdepth 1 -type f | wc -l)
    "$exe" -merge=1 -timeout=10 -rss_limit_mb=2048 "$seeds" "$small" >"$dir/merge.log" 2>&1
    after=$(find "$seeds" -maxdepth 1 -type f | wc -l)
    echo $((after - before)) >"$dir/merged"
    rm -rf "$small"

    # Minimise crashes and keep them as regression inputs.
    if [[ $minimize == 1 ]]; then
        local c base sha
        for c in "$dir"/artifacts/crash-* "$dir"/artifacts/leak-* "$dir"/artifacts/timeout-* "$dir"/artifacts/oom-*; do
            [[ -f $c ]] || continue
            base=$(basename "$c")
            [[ -f $dir/minimized/$base ]] && continue
            "$exe" -minimize_crash=1 -runs=20000 -timeout=10 -rss_limit_mb=2048 \
                -exact_artifact_path="$dir/minimized/$base" "$c" >"$dir/minimized/$base.log" 2>&1
            [[ -f $dir/minimized/$base ]] || cp "$c" "$dir/minimized/$base"
            sha=$(sha1sum "$dir/minimized/$base" | cut -c1-16)
            cp "$dir/minimized/$base" "$seeds/regress-${base%%-*}-$sha"
            # The stack of the minimised input, for the report.
            "$exe" -runs=1 "$dir/minimized/$base" >"$dir/minimized/$base.stack" 2>&1
        done
    fi
}

mkdir -p "$work"
echo "campaign: ${targets[*]}: $seconds s each, $jobs at a time, work dir $work"
running=0
for t in "${targets[@]}"; do
    if ((running >= jobs)); then
        wait -n
        running=$((running - 1))
    fi
    echo "campaign: fuzz-$t started $(date +%T)"
    run_target "$t" &
    running=$((running + 1))
done
wait

# ---------------------------------------------------------------------------
# Summary
# ---------------------------------------------------------------------------
status=0
printf '\n%-9s %7s %12s %8s %7s %8s %7s %7s %7s %8s\n' target seconds executions exec/s cov ft corpus new merged crashes
for t in "${targets[@]}"; do
    dir="$work/$t"
    # Fork mode prints "#EXECS: cov: C ft: F corp: N exec/s: E oom/timeout/crash: a/b/c time: Ts ...".
    line=$(grep -E '^#[0-9]+: cov: ' "$dir/fuzz.log" | tail -n 1)
    execs=$(sed -n 's/^#\([0-9]*\):.*/\1/p' <<<"$line")
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$line")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$line")
    corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$line")
    new=$(find "$dir/corpus" -maxdepth 1 -type f | wc -l)
    elapsed=$(cat "$dir/elapsed" 2>/dev/null || echo 0)
    merged=$(cat "$dir/merged" 2>/dev/null || echo 0)
    crashes=$(find "$dir/artifacts" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
    rate=0
    if [[ -n $execs ]] && ((elapsed > 0)); then
        rate=$((execs / elapsed))
    fi
    printf '%-9s %7s %12s %8s %7s %8s %7s %7s %7s %8s\n' "$t" "$elapsed" "${execs:-?}" "$rate" "${cov:-?}" "${ft:-?}" \
        "${corp:-?}" "$new" "$merged" "$crashes"
    if ((crashes > 0)); then
        status=1
    fi
done
for t in "${targets[@]}"; do
    dir="$work/$t"
    for c in "$dir"/artifacts/*; do
        [[ -f $c ]] || continue
        echo "  $t: $c"
        if [[ -f $dir/minimized/$(basename "$c").stack ]]; then
            grep -m 3 -E 'ERROR: |==fuzz==|runtime error' "$dir/minimized/$(basename "$c").stack" | sed 's/^/      /'
        fi
    done
done
echo "logs: $work/<target>/fuzz.log"
exit $status
