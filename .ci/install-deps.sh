#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# install-deps.sh [--list] [build|demo|test|sanitize]
#
# Installs with apt-get what Retort needs on Debian 12 (bookworm) or 13 (trixie):
#   build  compiler, CMake, Ninja, Qt 6 (and KF6 SyntaxHighlighting on Debian 13)
#   demo   build + what the GUI needs to show a window
#   test   build + Python Alembic/SQLAlchemy and the database servers the tests use
#   sanitize  test + clang with its sanitizer and libFuzzer runtimes (.ci/sanitize.sh)
# Packages that are already installed are not touched, so a second run is quick and
# needs no network. Runs apt-get as root, or through sudo otherwise.
# --list prints the package list for this machine's release and exits.
set -euo pipefail

prog=install-deps.sh
list_only=0
purpose=test
for arg in "$@"; do
    case "$arg" in
        --list) list_only=1 ;;
        build|demo|test|sanitize) purpose="$arg" ;;
        -h|--help) sed -n '3,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "$prog: unknown argument '$arg'" >&2; exit 2 ;;
    esac
done

release=""
if [ -r /etc/os-release ]; then
    # shellcheck disable=SC1091
    release="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
fi

build_packages=(build-essential cmake ninja-build pkg-config
                qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
                qt6-qpa-plugins libgl-dev
                libqt6sql6-sqlite libqt6sql6-psql libqt6sql6-mysql
                qtkeychain-qt6-dev)
# The SVG plugins draw the window icon.
case "$release" in
    bookworm) svg_plugins=libqt6svg6 ;;
    trixie) build_packages+=(libkf6syntaxhighlighting-dev); svg_plugins=qt6-svg-plugins ;;
    *)
        echo "$prog: this script knows Debian 12 (bookworm) and 13 (trixie)," \
             "not '${release:-unknown}'; install the packages by hand:" >&2
        echo "  ${build_packages[*]} python3-alembic python3-sqlalchemy" >&2
        exit 2 ;;
esac

packages=("${build_packages[@]}")
case "$purpose" in
    demo) packages+=(fonts-dejavu-core "$svg_plugins") ;;
    test|sanitize) packages+=(python3 python3-alembic python3-sqlalchemy python3-psycopg2 python3-pymysql xvfb xauth
                     desktop-file-utils postgresql mariadb-server
                     appstream file "$svg_plugins") ;;
esac
# clang's ASan/UBSan/libFuzzer runtimes are in libclang-rt-dev (Debian 12: clang 14's).
[ "$purpose" != sanitize ] || packages+=(clang libclang-rt-dev)

if [ "$list_only" = 1 ]; then
    printf '%s\n' "${packages[@]}"
    exit 0
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f '${Status}\n' "$p" 2>/dev/null | grep -q ' installed$'; then
        missing+=("$p")
    fi
done
if [ "${#missing[@]}" -eq 0 ]; then
    echo "$prog: all ${#packages[@]} packages for '$purpose' on $release are installed"
    exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then
        echo "$prog: run this as root, or install sudo, to install: ${missing[*]}" >&2
        exit 1
    fi
    as_root=(sudo)
fi

echo "$prog: installing on $release: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}"
