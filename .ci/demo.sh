#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# demo.sh: installs what Retort needs (apt), builds the GUI and opens it on the demo
# project in resources/demo. The build goes to $RETORT_BUILD_DIR (default build/ in
# the source tree). Extra arguments are passed to retort.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source_dir="$(dirname "$here")"
build_dir="${RETORT_BUILD_DIR:-$source_dir/build}"

bash "$here/install-deps.sh" demo
bash "$here/build.sh" "$build_dir" retort retort-cli

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "demo.sh: built $build_dir/bin/retort, but there is no display to open it on." >&2
    echo "Run it from a desktop session, or take a picture of it with Xvfb:" >&2
    echo "  xvfb-run -a $build_dir/bin/retort $source_dir/resources/demo --screenshot retort.png" >&2
    exit 1
fi
exec "$build_dir/bin/retort" "$source_dir/resources/demo" "$@"
