#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# sanitize.sh: the sanitizer and fuzzing pass, on a Debian 12 host; .ci/run's last
# phase. Installs what it needs (apt: the test packages plus clang and its sanitizer
# runtimes), configures ONE clang build directory, $RETORT_SANITIZE_BUILD_DIR (default build-sanitize/ in the source
# tree), with -DRETORT_SANITIZE=address,undefined and -DRETORT_FUZZ=ON, builds
# everything, runs the whole ctest suite (the database servers fixture included, as
# test.sh does) under ASan, LSan and UBSan, then runs every libFuzzer target for
# $RETORT_SANITIZE_FUZZ_SECONDS (default 60) seconds, two at a time. Any sanitizer
# report, failed test or fuzzer finding fails it. Uses ccache when it is installed.
# Exit status: non-zero if the tests or the fuzzers failed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source_dir="$(dirname "$here")"
build_dir="${RETORT_SANITIZE_BUILD_DIR:-$source_dir/build-sanitize}"
fuzz_seconds="${RETORT_SANITIZE_FUZZ_SECONDS:-60}"

bash "$here/install-deps.sh" sanitize

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    # -O0: with ASan + UBSan a file takes ~2x as long to compile as a plain -O0 build, at
    # -O1 ~5x, which would not fit CI's time; line tables are all a report's stack needs.
    cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
          -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS_DEBUG="-O0 -gline-tables-only" \
          -DRETORT_SANITIZE=address,undefined -DRETORT_FUZZ=ON "${launcher[@]}"
fi
start=$(date +%s)
cmake --build "$build_dir" --parallel "$(nproc)"
echo "sanitize.sh: built in $(( $(date +%s) - start ))s"

# The QtTests get these from their ctest ENVIRONMENT; the Python-driven tests (conformance,
# interop) pass them on to the retort-cli they start.
set -a
RETORT_SANITIZERS_DIR="$source_dir/tests/sanitizers"
# shellcheck disable=SC1091
source "$RETORT_SANITIZERS_DIR/sanitizers.env"
set +a

status=0
start=$(date +%s)
(cd "$build_dir" && ctest --output-on-failure --timeout 900 --parallel "$(nproc)") || status=1
echo "sanitize.sh: ctest took $(( $(date +%s) - start ))s"

start=$(date +%s)
RETORT_FUZZ_BUILD_DIR="$build_dir" RETORT_FUZZ_JOBS="$(nproc)" \
    bash "$source_dir/tests/fuzz/run.sh" "$fuzz_seconds" || status=1
echo "sanitize.sh: fuzzing took $(( $(date +%s) - start ))s"
exit "$status"
