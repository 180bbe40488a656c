#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Rewrites reference/*.ref from the header reader's current output.
#   regenerate.sh [BUILD_DIR]     (default: ../../../../build)
# Review `git diff` afterwards: a reference is only right if the output is.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${1:-$here/../../../../build}"
ninja -C "$build" tst_scriptheaderreader
RETORT_REGENERATE_REFERENCES=1 "$build/tests/core/tst_scriptheaderreader" matchesReference
