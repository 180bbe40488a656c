#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Online upgrade benchmark: Retort's runner against Alembic on real databases.
#
#   bench/run-online.sh RETORT_CLI [WORK_DIR]
#
# Generates a 200-revision project with realistic bodies (tests/conformance/genproject.py
# --simple --bodies --seed 200) and times `upgrade heads` from an empty database with
# `retort-cli` and with `/usr/bin/python3 -m alembic`, on SQLite (a file) and on
# PostgreSQL (a throw-away server from tests/servers/servers.sh, or the one named by
# $RETORT_TEST_SERVERS_ENV), each on its own fresh database. Prints both times, the ratio,
# and whether both ended with the same alembic_version rows.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
cli=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=${2:-$(mktemp -d /tmp/retort-bench-online.XXXXXX)}
python=/usr/bin/python3
mkdir -p "$work"

project="$work/online200"
if [ ! -f "$project/alembic.ini" ]; then
    rm -rf "$project"
    "$python" "$src/tests/conformance/genproject.py" --simple --bodies --seed 200 \
        --revisions 200 --out "$project" >/dev/null
fi

started_servers=""
cleanup() {
    if [ -n "$started_servers" ]; then
        bash "$src/tests/servers/servers.sh" stop "$started_servers" >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT

pg_url=""
if [ -n "${RETORT_TEST_SERVERS_ENV:-}" ] && [ -f "$RETORT_TEST_SERVERS_ENV" ]; then
    pg_url=$(sed -n 's/^RETORT_TEST_POSTGRESQL_URL=//p' "$RETORT_TEST_SERVERS_ENV")
elif [ -x /usr/lib/postgresql/15/bin/initdb ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    started_servers="$work/servers"
    if bash "$src/tests/servers/servers.sh" start "$started_servers" >"$work/servers.log" 2>&1; then
        pg_url=$(sed -n 's/^RETORT_TEST_POSTGRESQL_URL=//p' "$started_servers/servers.env")
    else
        echo "(could not start PostgreSQL: see $work/servers.log)"
    fi
fi

# python3 - ACTION ...: database helpers and a timer (seconds, 3 decimals).
helper() {
    "$python" - "$@" <<'PYEOF'
import subprocess, sys, time
action = sys.argv[1]
if action == "time":
    t = time.perf_counter()
    r = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if r.returncode != 0:
        sys.stderr.write(r.stderr.decode(errors="replace")[-2000:])
        print("FAILED")
        sys.exit(0)
    print("%.3f" % (time.perf_counter() - t))
elif action in ("createdb", "dropdb"):
    import psycopg2
    conn = psycopg2.connect(sys.argv[2])
    conn.autocommit = True
    conn.cursor().execute(("CREATE DATABASE %s" if action == "createdb" else "DROP DATABASE IF EXISTS %s WITH (FORCE)") % sys.argv[3])
elif action == "rows":
    import sqlalchemy as sa
    e = sa.create_engine(sys.argv[2], poolclass=sa.pool.NullPool)
    with e.connect() as c:
        print(",".join(sorted(r[0] for r in c.execute(sa.text("SELECT version_num FROM alembic_version")))))
elif action == "ratio":
    a, b = sys.argv[2], sys.argv[3]
    print("n/a" if "FAILED" in (a, b) else "%.1fx" % (float(b) / max(float(a), 1e-6)))
PYEOF
}

compare() { # NAME RETORT_URL ALEMBIC_URL
    name=$1
    r=$(helper time "$cli" --project "$project" -x "url=$2" upgrade heads)
    a=$(helper time "$python" -m alembic -c "$project/alembic.ini" -x "url=$3" upgrade heads)
    same="different"
    if [ "$(helper rows "$2" 2>/dev/null || true)" = "$(helper rows "$3" 2>/dev/null || true)" ]; then
        same="same"
    fi
    printf '%-12s retort-cli %8ss   alembic %8ss   alembic/retort %6s   alembic_version rows: %s\n' \
        "$name" "$r" "$a" "$(helper ratio "$r" "$a")" "$same"
}

echo
echo "== upgrade heads online, 200 revisions with bodies: retort-cli vs python3 -m alembic =="
rm -f "$work/retort.db" "$work/alembic.db"
compare sqlite "sqlite:///$work/retort.db" "sqlite:///$work/alembic.db"

if [ -n "$pg_url" ]; then
    base=${pg_url%/*}
    helper createdb "$pg_url" bench_retort
    helper createdb "$pg_url" bench_alembic
    compare postgresql "$base/bench_retort" "$base/bench_alembic"
    helper dropdb "$pg_url" bench_retort
    helper dropdb "$pg_url" bench_alembic
else
    echo "postgresql   SKIPPED: no PostgreSQL server (install postgresql or set RETORT_TEST_SERVERS_ENV)"
fi
