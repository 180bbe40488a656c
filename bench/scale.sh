#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Scale benchmark (issue 7, item 5): does loading grow linearly to 50,000 revisions?
#
#   bench/scale.sh [--build-dir DIR] [--no-build] [N...]     (default N: 1000 10000 50000)
#
# Builds retort-scale-bench in Release mode with -DRETORT_BUILD_BENCH=ON into DIR (default:
# build-scale next to this folder's parent), then, for each N, generates a synthetic
# linear + branchy project of N revisions and prints load (locate + scan + read +
# RevisionMap), heads, the full upgrade plan base -> heads, GraphLayout and the peak RSS,
# each size in a fresh process, followed by the growth factor per step.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
build="$src/build-scale"
do_build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --build-dir) build=$2; shift 2 ;;
        --no-build) do_build=0; shift ;;
        -h|--help) sed -n '3,11p' "$0"; exit 0 ;;
        *) break ;;
    esac
done

if [ "$do_build" = 1 ]; then
    cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRETORT_BUILD_BENCH=ON \
        ${CCACHE_DIR:+-DCMAKE_CXX_COMPILER_LAUNCHER=ccache} >/dev/null
    ninja -C "$build" -j2 retort-scale-bench >/dev/null
fi
exec "$build/bin/retort-scale-bench" "$@"
