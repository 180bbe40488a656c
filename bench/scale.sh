#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Scale benchmark (issue 7, item 5): does loading grow linearly to 50,000 revisions?
#
#   bench/scale.sh [--build-dir DIR] [--no-build] [--instructions] [N...]
#                                                           (default N: 1000 10000 50000)
#
# Builds retort-scale-bench in Release mode with -DRETORT_BUILD_BENCH=ON into DIR (default:
# build-scale next to this folder's parent), then, for each N, generates a synthetic
# linear + branchy project of N revisions and prints load (locate + scan + read +
# RevisionMap), heads, the full upgrade plan base -> heads, GraphLayout and the peak RSS,
# each size in a fresh process, followed by the growth factor per step and the cost per
# revision. --instructions then also runs each size once under valgrind's callgrind and
# prints the instructions executed per revision: the whole run, building the RevisionMap,
# the plan and the layout. Unlike times, these do not depend on the machine's load or on
# how the data fits the CPU caches, so they show whether the work itself grows linearly.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
build="$src/build-scale"
do_build=1
instructions=0
while [ $# -gt 0 ]; do
    case "$1" in
        --build-dir) build=$2; shift 2 ;;
        --no-build) do_build=0; shift ;;
        --instructions) instructions=1; shift ;;
        -h|--help) sed -n '3,16p' "$0"; exit 0 ;;
        *) break ;;
    esac
done

if [ "$do_build" = 1 ]; then
    cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRETORT_BUILD_BENCH=ON \
        ${CCACHE_DIR:+-DCMAKE_CXX_COMPILER_LAUNCHER=ccache} >/dev/null
    ninja -C "$build" -j2 retort-scale-bench >/dev/null
fi
bench="$build/bin/retort-scale-bench"
if [ "$instructions" = 0 ]; then
    exec "$bench" "$@"
fi
if ! command -v valgrind >/dev/null || ! command -v callgrind_annotate >/dev/null; then
    echo "scale.sh: --instructions needs valgrind (apt-get install valgrind)" >&2
    exit 2
fi
[ $# -gt 0 ] || set -- 1000 10000 50000
work=$(mktemp -d "${TMPDIR:-/tmp}/retort-scale.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
"$bench" --keep "$work" "$@"

# inclusive FUNCTION FILE: the instructions callgrind counted in FUNCTION and its callees.
inclusive() {
    callgrind_annotate --inclusive=yes "$2" 2>/dev/null |
        awk -v f="$1" 'index($0, f) { gsub(",", "", $1); print $1; exit }'
}

echo
echo "instructions per revision (callgrind; linear = the same at every size):"
printf '%9s %12s %12s %12s %12s\n' revisions "whole run" RevisionMap plan layout
previous=""
for n in "$@"; do
    out="$work/callgrind-$n.out"
    valgrind --tool=callgrind --separate-threads=no --callgrind-out-file="$out" \
        "$bench" --one "$n" "$work/scale-$n" 1 >/dev/null 2>"$work/valgrind-$n.log"
    total=$(awk '/^totals:/ { print $2 }' "$out")
    map=$(inclusive 'Retort::RevisionMap::RevisionMap(' "$out")
    plan=$(inclusive 'Retort::MigrationPlanner::upgrade(' "$out")
    layout=$(inclusive 'Retort::GraphLayout::GraphLayout(' "$out")
    awk -v n="$n" -v t="$total" -v m="$map" -v p="$plan" -v l="$layout" \
        'BEGIN { printf "%9d %12.0f %12.0f %12.0f %12.0f\n", n, t / n, m / n, p / n, l / n }'
    if [ -n "$previous" ]; then
        echo "$previous $n $total $map $plan $layout" | awk '{
            printf "%9s %d -> %d (x%.0f): whole run x%.2f, RevisionMap x%.2f, plan x%.2f, layout x%.2f\n",
                   "", $1, $6, $6 / $1, $7 / $2, $8 / $3, $9 / $4, $10 / $5 }'
    fi
    previous="$n $total $map $plan $layout"
done
