#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The revision graph view's benchmark (issue 5, item 11).
#
#   bench/graph-bench.sh [--build-dir DIR] [--no-build] [--revisions N] [--repeat N] [--keep DIR]
#
# 1. Configures and builds retort-graph-bench in Release mode with -DRETORT_BUILD_BENCH=ON
#    into DIR (default: build-bench next to this folder's parent).
# 2. Generates a synthetic project of N revisions (default 10,000) with the conformance
#    suite's generator (tests/conformance/genproject.py --simple).
# 3. Runs retort-graph-bench on it under the offscreen platform: time from start to the
#    first paint of the graph view (load + layout + paint), time per full repaint of the
#    visible graph, and memory. Targets: first paint < 1 s, repaint < 16 ms; the exit
#    status says whether both were met.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
build="$src/build-bench"
do_build=1
revisions=10000
repeat=50
keep=""
while [ $# -gt 0 ]; do
    case "$1" in
        --build-dir) build=$2; shift 2 ;;
        --no-build) do_build=0; shift ;;
        --revisions) revisions=$2; shift 2 ;;
        --repeat) repeat=$2; shift 2 ;;
        --keep) keep=$2; shift 2 ;;
        -h|--help) sed -n '3,15p' "$0"; exit 0 ;;
        *) echo "graph-bench.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
python=/usr/bin/python3
[ -x "$python" ] || python=python3

if [ "$do_build" = 1 ]; then
    cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DRETORT_BUILD_BENCH=ON -DRETORT_BUILD_TESTS=OFF >/dev/null
    ninja -C "$build" -j2 retort-graph-bench
fi

if [ -n "$keep" ]; then
    work=$keep
    mkdir -p "$work"
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/retort-graph-bench.XXXXXX")
    trap 'rm -rf "$work"' EXIT INT TERM
fi
project="$work/p$revisions"
if [ ! -f "$project/alembic.ini" ]; then
    rm -rf "$project"
    "$python" "$src/tests/conformance/genproject.py" --simple --seed "$revisions" \
        --revisions "$revisions" --out "$project"
fi

echo
echo "== Revision graph view, $revisions revisions (Release, offscreen) =="
QT_QPA_PLATFORM=offscreen "$build/bin/retort-graph-bench" --repeat "$repeat" "$project"
