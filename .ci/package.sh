#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# package.sh [BUILD_DIR]
#
# Builds Retort's Debian package from an already built tree (cpack -G DEB; default
# BUILD_DIR: $RETORT_BUILD_DIR, else build-debian13/), installs it with apt so that its
# dependencies resolve, and checks the installed package: retort-cli --version,
# retort-cli heads on the installed demo project, a screenshot of the GUI on the offscreen
# platform, the desktop file, the AppStream metainfo and the manual page. The package is
# purged again at the end, also after a failure, so the machine (CI's reused Debian 13
# root) is left as it was. Needs root (apt). Exit status: 0 when every check passed.
set -euo pipefail

prog=package.sh
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${1:-${RETORT_BUILD_DIR:-$source_dir/build-debian13}}"
app_id=io.github.retort.Retort
export DEBIAN_FRONTEND=noninteractive

note() { echo "$prog: $*"; }
fail() { echo "$prog: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "needs root to install the package with apt"
[ -f "$build_dir/CMakeCache.txt" ] ||
    fail "$build_dir is not a build directory; build Retort first (.ci/build.sh $build_dir)"
for tool in cpack dpkg-shlibdeps desktop-file-validate appstreamcli; do
    command -v "$tool" >/dev/null ||
        fail "$tool is missing; install the test packages: bash .ci/install-deps.sh test"
done

work="$(mktemp -d /tmp/retort-package.XXXXXX)"
installed=0
cleanup() {
    if [ "$installed" = 1 ]; then
        note "purging the package"
        apt-get purge -y -q retort >/dev/null || echo "$prog: could not purge retort" >&2
    fi
    rm -rf "$work"
}
trap cleanup EXIT

note "cpack -G DEB in $build_dir"
# cpack builds what is out of date first (its install step depends on 'all').
(cd "$build_dir" && cpack -G DEB -B "$work/deb") >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log" >&2; fail "cpack could not build the package"; }
debs=("$work"/deb/retort_*.deb)
[ -f "${debs[0]}" ] || { cat "$work/cpack.log" >&2; fail "cpack wrote no retort_*.deb"; }
deb="${debs[0]}"
note "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"
dpkg-deb --field "$deb" Package Version Architecture Section Depends Recommends

if dpkg-query -W -f '${Status}\n' retort 2>/dev/null | grep -q ' installed$'; then
    fail "a retort package is already installed here; purge it first (apt-get purge retort)"
fi
note "apt-get install $(basename "$deb")"
installed=1
apt-get install -y -q --no-install-recommends "$deb" >"$work/apt.log" 2>&1 ||
    { cat "$work/apt.log" >&2; fail "apt-get could not install the package"; }

for file in /usr/bin/retort /usr/bin/retort-cli \
            "/usr/share/applications/$app_id.desktop" "/usr/share/metainfo/$app_id.metainfo.xml" \
            "/usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
            /usr/share/man/man1/retort-cli.1 /usr/share/retort/demo/alembic.ini; do
    [ -f "$file" ] || fail "the package does not install $file"
done

note "retort-cli --version"
/usr/bin/retort-cli --version || fail "retort-cli --version"

note "retort-cli --project /usr/share/retort/demo heads"
/usr/bin/retort-cli --project /usr/share/retort/demo heads | tee "$work/heads.txt" ||
    fail "retort-cli heads on the installed demo project"
for head in 'ac7c02654fe7 (shop) (head)' 'd82ef0e653bb (audit) (head)'; do
    grep -qxF "$head" "$work/heads.txt" || fail "retort-cli heads does not list '$head'"
done

note "QT_QPA_PLATFORM=offscreen retort --screenshot (a copy of the installed demo)"
# A copy: the GUI reads the demo's database, which must not appear in /usr/share.
cp -r /usr/share/retort/demo "$work/demo"
mkdir -m 700 "$work/runtime"
env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work/runtime" XDG_CONFIG_HOME="$work/config" \
    timeout 120 /usr/bin/retort "$work/demo" --screenshot "$work/retort.png" ||
    fail "retort --screenshot exited with status $?"
[ -s "$work/retort.png" ] || fail "retort --screenshot wrote no picture"
[ "$(head -c 8 "$work/retort.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
    fail "retort --screenshot did not write a PNG"
note "screenshot: $(stat -c %s "$work/retort.png") bytes"

note "desktop-file-validate and appstreamcli validate on the installed files"
desktop-file-validate "/usr/share/applications/$app_id.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "/usr/share/metainfo/$app_id.metainfo.xml" || fail "appstreamcli validate"
grep -q '^\.SS heads$' /usr/share/man/man1/retort-cli.1 || fail "retort-cli.1 has no section on heads"

note "all checks passed"
