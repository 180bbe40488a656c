#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build.sh [BUILD_DIR [TARGET...]]
#
# Configures Retort with CMake + Ninja (once; a configured BUILD_DIR keeps its
# settings) and builds TARGETs, or everything. BUILD_DIR defaults to build/ in the
# source tree; RETORT_BUILD_TYPE (default Debug) applies to a new build directory.
set -euo pipefail

source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${1:-$source_dir/build}"
[ "$#" -eq 0 ] || shift

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    cmake -S "$source_dir" -B "$build_dir" -G Ninja \
          -DCMAKE_BUILD_TYPE="${RETORT_BUILD_TYPE:-Debug}"
fi
targets=()
for t in "$@"; do targets+=(--target "$t"); done
cmake --build "$build_dir" --parallel "$(nproc)" "${targets[@]}"
