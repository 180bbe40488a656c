#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Throw-away PostgreSQL and MariaDB servers for the database tests.
#
#   servers.sh start DIR   start both servers from fresh data directories under DIR and write
#                          DIR/servers.env (RETORT_TEST_POSTGRESQL_URL, RETORT_TEST_MARIADB_URL)
#   servers.sh stop DIR    stop both servers and delete DIR (does nothing when DIR is gone)
#
# Both servers listen on 127.0.0.1 only, on a free port picked by binding, and have database
# `retort` and user `retort` (password `retort`) with every right. They never touch the system
# instances or their configuration files. Run as root, they run as nobody:nogroup (PostgreSQL
# refuses root); run as a normal user, they run as that user. A server whose Debian package is
# missing is left out of servers.env with a loud message; a server that is installed but does
# not start makes `start` fail with the tail of its log.

set -euo pipefail

readonly startup_timeout=90
readonly stop_timeout=30

say() { printf 'servers.sh: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

usage() {
    say "usage: servers.sh start DIR | servers.sh stop DIR"
    exit 2
}

is_root() { [ "$(id -u)" = 0 ]; }

# Runs a command as the unprivileged user that owns the servers' files.
as_server_user() {
    if is_root; then
        setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
    else
        "$@"
    fi
}

python_bin() {
    if [ -x /usr/bin/python3 ]; then echo /usr/bin/python3; else command -v python3; fi
}

# A free TCP port on 127.0.0.1: bind to port 0 and let the kernel choose. The port is free
# again when this returns; the start functions retry with a new port if someone takes it.
free_port() {
    "$(python_bin)" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

log_tail() {
    local log=$1
    if [ -s "$log" ]; then
        say "last lines of $log:"
        tail -n 30 "$log" | sed 's/^/    /' >&2
    else
        say "($log is empty or missing)"
    fi
}

# The folder that holds the data directories and sockets. Normally DIR itself; a folder under
# /tmp when the unprivileged user cannot reach DIR or when DIR's path is too long for a unix
# socket (about 107 bytes on Linux). Recorded in DIR/root so that `stop` finds it.
choose_root() {
    local dir=$1
    if is_root; then
        chown nobody:nogroup "$dir"
    fi
    if [ "${#dir}" -le 70 ] && as_server_user test -w "$dir" 2>/dev/null; then
        echo "$dir"
        return
    fi
    local tmp
    tmp=$(mktemp -d /tmp/retort-servers.XXXXXX)
    chmod 755 "$tmp"
    if is_root; then
        chown nobody:nogroup "$tmp"
    fi
    say "using $tmp for the server data ($dir is not usable by the server user or too long)"
    echo "$tmp"
}

# ---------------------------------------------------------------- PostgreSQL

postgresql_bin() {
    local newest=""
    local candidate
    for candidate in /usr/lib/postgresql/*/bin; do
        if [ ! -x "$candidate/initdb" ] || [ ! -x "$candidate/pg_ctl" ]; then
            continue
        fi
        if [ -z "$newest" ] || [ "$(basename "$(dirname "$candidate")")" -gt \
                                  "$(basename "$(dirname "$newest")")" ]; then
            newest=$candidate
        fi
    done
    echo "$newest"
}

start_postgresql() {
    local root=$1
    local bin
    bin=$(postgresql_bin)
    if [ -z "$bin" ]; then
        say "PostgreSQL is NOT available: no /usr/lib/postgresql/*/bin/initdb (install the" \
            "Debian package postgresql); tests that need it are skipped, or fail when CI is set"
        return 0
    fi
    local base="$root/pg"
    local data="$base/data"
    local log="$base/postgresql.log"
    mkdir -p "$base"
    is_root && chown nobody:nogroup "$base"

    local pwfile="$base/pwfile"
    as_server_user sh -c "umask 077 && echo postgres > '$pwfile'"
    if ! as_server_user "$bin/initdb" -D "$data" -U postgres --pwfile="$pwfile" \
            --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C --no-sync \
            >"$base/initdb.log" 2>&1; then
        log_tail "$base/initdb.log"
        die "PostgreSQL initdb failed ($bin/initdb)"
    fi

    local attempt port=""
    for attempt in 1 2 3; do
        port=$(free_port)
        if as_server_user "$bin/pg_ctl" -D "$data" -l "$log" -w -t "$startup_timeout" \
                -o "-c listen_addresses=127.0.0.1 -p $port -k $base -c fsync=off \
-c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
                start </dev/null >>"$base/pg_ctl.log" 2>&1; then
            break
        fi
        say "PostgreSQL did not start on port $port (attempt $attempt)"
        log_tail "$log"
        port=""
    done
    [ -n "$port" ] || { log_tail "$base/pg_ctl.log"; die "PostgreSQL did not start"; }

    local waited=0
    until "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -t 2; do
        waited=$((waited + 1))
        if [ "$waited" -ge "$startup_timeout" ]; then
            log_tail "$log"
            die "PostgreSQL does not accept connections on 127.0.0.1:$port after ${startup_timeout}s"
        fi
        sleep 1
    done

    if ! as_server_user "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$base" -p "$port" -U postgres \
            -d postgres >>"$base/setup.log" 2>&1 <<'SQL'
CREATE ROLE retort LOGIN SUPERUSER PASSWORD 'retort';
CREATE DATABASE retort OWNER retort;
SQL
    then
        log_tail "$base/setup.log"
        die "could not create the retort role and database on PostgreSQL"
    fi
    echo "RETORT_TEST_POSTGRESQL_URL=postgresql://retort:retort@127.0.0.1:$port/retort" >>"$root/servers.env.new"
    echo "RETORT_TEST_POSTGRESQL_SOCKET_DIR=$base" >>"$root/servers.env.new"
    say "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data $data)"
}

stop_postgresql() {
    local root=$1
    local data="$root/pg/data"
    [ -f "$data/postmaster.pid" ] || return 0
    local bin
    bin=$(postgresql_bin)
    if [ -n "$bin" ] && as_server_user "$bin/pg_ctl" -D "$data" -m fast -w -t "$stop_timeout" stop \
            </dev/null >/dev/null 2>&1; then
        return 0
    fi
    kill_pid "$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)" PostgreSQL
}

# ---------------------------------------------------------------- MariaDB

first_command() {
    local name
    for name in "$@"; do
        if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
        if [ -x "/usr/sbin/$name" ]; then echo "/usr/sbin/$name"; return; fi
    done
}

start_mariadb() {
    local root=$1
    local server install client admin
    server=$(first_command mariadbd mysqld)
    install=$(first_command mariadb-install-db mysql_install_db)
    client=$(first_command mariadb mysql)
    admin=$(first_command mariadb-admin mysqladmin)
    if [ -z "$server" ] || [ -z "$install" ] || [ -z "$client" ] || [ -z "$admin" ]; then
        say "MariaDB is NOT available: mariadbd, mariadb-install-db, mariadb or mariadb-admin" \
            "is missing (install the Debian packages mariadb-server and mariadb-client); tests" \
            "that need it are skipped, or fail when CI is set"
        return 0
    fi
    local base="$root/mysql"
    local data="$base/data"
    local socket="$base/mysqld.sock"
    local pidfile="$base/mysqld.pid"
    local log="$base/mariadb.log"
    mkdir -p "$base/tmp"
    is_root && chown -R nobody:nogroup "$base"

    if ! as_server_user "$install" --no-defaults --datadir="$data" --skip-test-db \
            --auth-root-authentication-method=normal --skip-name-resolve \
            >"$base/install-db.log" 2>&1 </dev/null; then
        log_tail "$base/install-db.log"
        die "MariaDB $(basename "$install") failed"
    fi

    local attempt port="" pid
    for attempt in 1 2 3; do
        port=$(free_port)
        # setsid and no inherited descriptors: ctest waits for the output pipes of the
        # setup test to close, so the server must not keep them open.
        as_server_user setsid "$server" --no-defaults --datadir="$data" --socket="$socket" \
            --pid-file="$pidfile" --port="$port" --bind-address=127.0.0.1 --skip-name-resolve \
            --tmpdir="$base/tmp" --log-error="$log" --skip-log-bin \
            --innodb-flush-log-at-trx-commit=0 --innodb-buffer-pool-size=64M \
            --innodb-log-file-size=16M --character-set-server=utf8mb4 \
            --collation-server=utf8mb4_general_ci --max-connections=200 \
            </dev/null >>"$base/mariadbd.out" 2>&1 &
        pid=$!
        local waited=0 up=""
        while [ "$waited" -lt "$startup_timeout" ]; do
            # Through the socket: MariaDB >= 11.4 clients check TLS certificates on TCP,
            # which a passwordless root cannot satisfy. The server opens its TCP port and its
            # socket together, and the `retort` user below logs in over TCP.
            if "$admin" --no-defaults --connect-timeout=2 --protocol=socket --socket="$socket" \
                    -u root ping >/dev/null 2>&1; then
                up=1
                break
            fi
            kill -0 "$pid" 2>/dev/null || break
            sleep 1
            waited=$((waited + 1))
        done
        [ -n "$up" ] && break
        if kill -0 "$pid" 2>/dev/null; then
            kill -KILL "$pid" 2>/dev/null || true
            log_tail "$log"
            die "MariaDB does not accept connections on 127.0.0.1:$port after ${startup_timeout}s"
        fi
        say "MariaDB did not start on port $port (attempt $attempt)"
        log_tail "$log"
        port=""
    done
    [ -n "$port" ] || { log_tail "$base/mariadbd.out"; die "MariaDB did not start"; }

    if ! "$client" --no-defaults --protocol=socket --socket="$socket" -u root >>"$base/setup.log" 2>&1 <<'SQL'
CREATE DATABASE retort CHARACTER SET utf8mb4;
CREATE USER 'retort'@'%' IDENTIFIED BY 'retort';
GRANT ALL PRIVILEGES ON *.* TO 'retort'@'%' WITH GRANT OPTION;
FLUSH PRIVILEGES;
SQL
    then
        log_tail "$base/setup.log"
        die "could not create the retort user and database on MariaDB"
    fi
    if ! "$client" --no-defaults --skip-ssl --connect-timeout=5 -h 127.0.0.1 -P "$port" -u retort \
            -pretort -e 'SELECT 1' retort >>"$base/setup.log" 2>&1 </dev/null; then
        log_tail "$base/setup.log"
        log_tail "$log"
        die "MariaDB does not accept the retort user on 127.0.0.1:$port"
    fi
    echo "RETORT_TEST_MARIADB_URL=mysql://retort:retort@127.0.0.1:$port/retort" >>"$root/servers.env.new"
    echo "RETORT_TEST_MARIADB_SOCKET=$socket" >>"$root/servers.env.new"
    say "MariaDB $("$server" --version | awk '{print $3}') on 127.0.0.1:$port (data $data)"
}

kill_pid() {
    local pid=$1 name=$2
    [ -n "$pid" ] || return 0
    kill -TERM "$pid" 2>/dev/null || return 0
    local waited=0
    while kill -0 "$pid" 2>/dev/null; do
        if [ "$waited" -ge "$stop_timeout" ]; then
            say "$name (pid $pid) did not stop after ${stop_timeout}s; killing it"
            kill -KILL "$pid" 2>/dev/null || true
            return 0
        fi
        sleep 1
        waited=$((waited + 1))
    done
}

stop_mariadb() {
    local root=$1
    local pidfile="$root/mysql/mysqld.pid"
    [ -f "$pidfile" ] || return 0
    kill_pid "$(cat "$pidfile" 2>/dev/null || true)" MariaDB
}

# ---------------------------------------------------------------- commands

root_of() {
    local dir=$1
    if [ -f "$dir/root" ]; then cat "$dir/root"; else echo "$dir"; fi
}

cmd_stop() {
    local dir=$1
    if [ ! -d "$dir" ]; then
        return 0
    fi
    local root
    root=$(root_of "$dir")
    if [ -d "$root" ]; then
        stop_postgresql "$root"
        stop_mariadb "$root"
        [ "$root" = "$dir" ] || rm -rf -- "$root"
    fi
    rm -rf -- "$dir"
    say "stopped the servers of $dir"
}

starting_dir=""

stop_after_failed_start() {
    local status=$?
    if [ "$status" -ne 0 ] && [ -n "$starting_dir" ]; then
        say "start failed; stopping what was started"
        cmd_stop "$starting_dir" || true
    fi
}

cmd_start() {
    local dir=$1
    # Servers left over from an interrupted run would keep their ports and files busy.
    cmd_stop "$dir"
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    local root
    root=$(choose_root "$dir")
    [ "$root" = "$dir" ] || echo "$root" >"$dir/root"
    : >"$root/servers.env.new"
    # A failed start stops what already runs, so that nothing is left behind.
    starting_dir=$dir
    trap stop_after_failed_start EXIT
    start_postgresql "$root"
    start_mariadb "$root"
    trap - EXIT
    mv "$root/servers.env.new" "$dir/servers.env"
    say "wrote $dir/servers.env"
}

[ $# -eq 2 ] || usage
case "$1" in
    start) cmd_start "$2" ;;
    stop) cmd_stop "$2" ;;
    *) usage ;;
esac
