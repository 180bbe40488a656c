#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# run.sh SECONDS [TARGET...]
#
# Builds the libFuzzer targets (clang, RETORT_FUZZ=ON, ASan + UBSan) if needed and runs
# each TARGET (default: all seven) for SECONDS. Seeds come from tests/fuzz/corpus/<target>/;
# what libFuzzer adds goes to BUILD/fuzz/corpus/<target>/ and crashes, leaks, timeouts
# and failed checks to BUILD/fuzz/artifacts/<target>/, never into the source tree.
# Prints executions and the outcome per target; exits non-zero if any target found
# something (its log, BUILD/fuzz/logs/<target>.log, says what; replay an artifact with
# BUILD/fuzz/fuzz_<target> FILE, then add it to tests/fuzz/regressions/<target>/).
#
# Environment: RETORT_FUZZ_BUILD_DIR (default build-sanitize/ in the source tree; it is
# configured here when it has no CMakeCache.txt), RETORT_FUZZ_JOBS (targets run at
# the same time, default 1). Run it at low priority on a shared machine:
#   nice -n 10 tests/fuzz/run.sh 600
set -euo pipefail

prog=run.sh
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source_dir="$(cd "$here/../.." && pwd)"
build_dir="${RETORT_FUZZ_BUILD_DIR:-$source_dir/build-sanitize}"
jobs="${RETORT_FUZZ_JOBS:-1}"
all_targets=(tokenizer parser header_reader interpreter ini url revisionmap)

seconds="${1:-}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -eq 0 ]; then
    sed -n '3,20p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
shift
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
    [[ " ${all_targets[*]} " == *" $t "* ]] || { echo "$prog: unknown target '$t'" >&2; exit 2; }
done

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
          -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS_DEBUG="-O0 -gline-tables-only" \
          -DRETORT_SANITIZE=address,undefined -DRETORT_FUZZ=ON "${launcher[@]}"
fi
grep -q '^RETORT_FUZZ:BOOL=ON' "$build_dir/CMakeCache.txt" ||
    { echo "$prog: $build_dir is not configured with -DRETORT_FUZZ=ON" >&2; exit 2; }
cmake --build "$build_dir" --parallel "$(nproc)" \
      $(printf -- '--target fuzz_%s ' "${targets[@]}")

# The sanitizer options of the tests (leaks on, suppressions of Qt's own leaks).
set -a
RETORT_SANITIZERS_DIR="$source_dir/tests/sanitizers"
# shellcheck disable=SC1091
source "$RETORT_SANITIZERS_DIR/sanitizers.env"
set +a

out="$build_dir/fuzz"
dict_of() {
    case "$1" in
        tokenizer|parser|header_reader|interpreter) echo "$here/dict/python.dict" ;;
        ini|url|revisionmap) echo "$here/dict/$1.dict" ;;
    esac
}

run_one() { # run_one TARGET: one libFuzzer run; its status is libFuzzer's
    local t="$1"
    mkdir -p "$out/corpus/$t" "$out/artifacts/$t" "$out/logs"
    # -timeout: one input taking longer is a hang; -rss_limit_mb: memory blow-up.
    "$out/fuzz_$t" "$out/corpus/$t" "$here/corpus/$t" \
        -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=65536 \
        -dict="$(dict_of "$t")" -print_final_stats=1 \
        -artifact_prefix="$out/artifacts/$t/" >"$out/logs/$t.log" 2>&1
}

report() { # report TARGET STATUS
    local t="$1" status="$2" runs result=ok
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/logs/$t.log" | tail -n 1)"
    [ "$status" -eq 0 ] || result="FOUND SOMETHING (exit $status; see $out/logs/$t.log)"
    printf '%-14s %12s executions  %s\n' "$t" "${runs:-?}" "$result"
}

echo "$prog: ${#targets[@]} targets, ${seconds}s each, $jobs at a time"
failed=0
pending=("${targets[@]}")
declare -A pid_target=()
while [ "${#pending[@]}" -gt 0 ] || [ "${#pid_target[@]}" -gt 0 ]; do
    while [ "${#pending[@]}" -gt 0 ] && [ "${#pid_target[@]}" -lt "$jobs" ]; do
        run_one "${pending[0]}" &
        pid_target[$!]="${pending[0]}"
        pending=("${pending[@]:1}")
    done
    status=0
    wait -n -p done_pid "${!pid_target[@]}" || status=$?
    report "${pid_target[$done_pid]}" "$status"
    [ "$status" -eq 0 ] || failed=1
    unset "pid_target[$done_pid]"
done
exit "$failed"
