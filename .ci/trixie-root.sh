#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# trixie-root.sh ensure            create or refresh the Debian 13 root used by CI
# trixie-root.sh run CMD [ARG...]  run CMD inside it, with the source tree mounted
#
# The root lives outside the source tree, in $RETORT_TRIXIE_ROOT (default
# /var/cache/retort/trixie-ci), and is reused between runs: a stamp file records the
# package set installed in it (the output of `install-deps.sh --list test` there), so
# a root that already has it is used as is. It is made with
# `debootstrap --variant=minbase trixie` from the Debian mirror of the host's apt
# sources ($RETORT_DEBIAN_MIRROR overrides it).
#
# `run` bind-mounts /proc, /dev, /dev/pts, /sys and the source tree (and ../shared
# beside it when present) at the same absolute paths inside the root, in a private
# mount namespace where possible; a trap unmounts everything when CMD ends, also on
# failure or interruption. The exit status is CMD's. Needs root.
set -euo pipefail

prog=trixie-root.sh
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source_dir="$(dirname "$here")"
root="${RETORT_TRIXIE_ROOT:-/var/cache/retort/trixie-ci}"
stamp="$root/etc/retort-ci.stamp"
std_path=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH="$PATH:/usr/sbin:/sbin"

note() { echo "$prog: $*" >&2; }
die() { echo "$prog: error: $*" >&2; exit 2; }

[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, mount, chroot); run it with sudo"

host_mirror() {
    if [ -n "${RETORT_DEBIAN_MIRROR:-}" ]; then
        echo "$RETORT_DEBIAN_MIRROR"
        return
    fi
    # The first archive apt uses for a plain release suite (not -updates or -security).
    local mirror
    # shellcheck disable=SC2016  # $(...) is apt's own format syntax
    mirror="$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 'Created-By: Packages' 2>/dev/null |
              awk '$2 !~ /-/ && $1 !~ /security/ { print $1; exit }')"
    [ -n "$mirror" ] || die "no Debian mirror in the host's apt sources; set RETORT_DEBIAN_MIRROR"
    echo "$mirror"
}

in_root() { # plain chroot with a clean environment
    env -i PATH="$std_path" LANG=C.UTF-8 HOME=/root TERM="${TERM:-dumb}" \
        DEBIAN_FRONTEND=noninteractive CI="${CI:-}" chroot "$root" "$@"
}

# Mount points of ours below the root, deepest first.
mounts_below_root() {
    awk -v d="$root/" 'index($5 "/", d) == 1 { print $5 }' /proc/self/mountinfo | sort -r
}

unmount_all() {
    local m
    for m in $(mounts_below_root); do
        umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || note "could not unmount $m"
    done
}

mount_system() {
    mkdir -p "$root/proc" "$root/dev" "$root/sys"
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    mount --make-rslave "$root/dev" 2>/dev/null || true
    mount --bind /sys "$root/sys"
    # apt inside the root needs name resolution.
    cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
}

bind_same_path() { # bind_same_path HOSTDIR
    mkdir -p "$root$1"
    mount --bind "$1" "$root$1"
}

wanted_packages() { # the package set install-deps.sh picks inside the root
    in_root bash -s -- --list test <"$here/install-deps.sh" | sort | tr '\n' ' '
}

ensure_root() {
    mkdir -p "$(dirname "$root")"
    # Leftovers of a run that was killed outright.
    unmount_all
    if [ ! -x "$root/usr/bin/apt-get" ] || [ -e "$root/debootstrap" ] ||
       ! grep -qs '^VERSION_CODENAME=trixie$' "$root/etc/os-release"; then
        [ -z "$(mounts_below_root)" ] || die "$root still has mounts; not deleting it"
        local mirror
        mirror="$(host_mirror)"
        command -v debootstrap >/dev/null ||
            { apt-get update -q && apt-get install -y -q --no-install-recommends debootstrap; }
        note "creating $root: debootstrap --variant=minbase trixie from $mirror"
        rm -rf "$root" "$root.new"
        debootstrap --variant=minbase trixie "$root.new" "$mirror" >"$root.log" 2>&1 ||
            { tail -n 30 "$root.log" >&2; die "debootstrap failed (log: $root.log)"; }
        mv "$root.new" "$root"
        # Services of installed packages (postgresql, mariadb) must not start in the root.
        printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
        chmod +x "$root/usr/sbin/policy-rc.d"
    fi
    local want
    want="$(wanted_packages)"
    if [ -f "$stamp" ] && [ "$(sed -n 's/^packages: //p' "$stamp")" = "$want" ]; then
        note "reusing $root ($(sed -n 's/^versions: //p' "$stamp"))"
        return
    fi
    note "installing the Debian 13 build and test packages in $root"
    trap unmount_all EXIT
    mount_system
    in_root bash -s -- test <"$here/install-deps.sh"
    in_root apt-get clean
    unmount_all
    {
        echo "versions: $(in_root dpkg-query -W -f '${Package} ${Version}; ' \
                          qt6-base-dev python3-alembic python3-sqlalchemy)"
        echo "packages: $want"
    } >"$stamp"
    note "ready: $(sed -n 's/^versions: //p' "$stamp")"
}

run_in_root() {
    trap unmount_all EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    mount_system
    bind_same_path "$source_dir"
    if [ -d "$source_dir/../shared" ]; then
        bind_same_path "$(cd "$source_dir/../shared" && pwd)"
    fi
    local status=0
    env -i PATH="$std_path" LANG=C.UTF-8 HOME=/root TERM="${TERM:-dumb}" CI="${CI:-}" \
        chroot "$root" bash -c 'cd "$1" && shift && exec "$@"' bash "$source_dir" "$@" || status=$?
    return "$status"
}

case "${1:-}" in
    ensure)
        exec 9>"$(dirname "$root")/.$(basename "$root").lock"
        flock 9
        ensure_root ;;
    run)
        shift
        [ "$#" -gt 0 ] || die "run: no command"
        [ -x "$root/usr/bin/apt-get" ] || die "$root does not exist; run '$prog ensure' first"
        if [ -z "${RETORT_IN_PRIVATE_NS:-}" ] && unshare --mount --propagation private true 2>/dev/null; then
            # Mounts made in a private namespace vanish with it, even if we are killed.
            RETORT_IN_PRIVATE_NS=1 exec unshare --mount --propagation private \
                bash "$here/trixie-root.sh" run "$@"
        fi
        run_in_root "$@" ;;
    *)
        sed -n '3,17p' "$0" | sed 's/^# \{0,1\}//' >&2
        exit 2 ;;
esac
