#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# test.sh: installs what the build and the tests need (apt), builds Retort and runs
# the whole test suite with ctest. The build goes to $RETORT_BUILD_DIR (default
# build/ in the source tree). Exit status: ctest's.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source_dir="$(dirname "$here")"
build_dir="${RETORT_BUILD_DIR:-$source_dir/build}"

bash "$here/install-deps.sh" test
bash "$here/build.sh" "$build_dir"
cd "$build_dir"
ctest --output-on-failure --timeout 900 --parallel "$(nproc)"
