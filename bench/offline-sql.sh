#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Offline SQL rendering benchmark (called at the end of bench/run.sh).
#
#   bench/offline-sql.sh RETORT_CLI WORK_DIR [REPEAT]
#
# Generates a 1,000-revision project with realistic bodies
# (tests/conformance/genproject.py --simple --bodies) into WORK_DIR/sql1000, times
# `retort-cli upgrade base:heads --sql --dialect sqlite` against
# `/usr/bin/python3 -m alembic -x url=sqlite:// upgrade base:heads --sql`, alternating,
# REPEAT runs each (default 5) after one warm-up, checks that both run the same
# migrations with the same statements (whitespace collapsed as in normalise.py item 8;
# the order of steps between branches and the alembic_version statements are left out:
# Alembic < 1.10 breaks topological ties in directory order) and prints the medians
# and their ratio (target: at least 20x).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
cli=$1
work=$2
repeat=${3:-5}
python=/usr/bin/python3
[ -x "$python" ] || python=python3

project="$work/sql1000"
if [ ! -f "$project/alembic.ini" ]; then
    rm -rf "$project"
    "$python" "$src/tests/conformance/genproject.py" --simple --bodies --seed 1000 \
        --revisions 1000 --out "$project"
fi

echo
echo "== retort-cli vs python3 -m alembic: upgrade base:heads --sql (sqlite)," \
    "1,000 revisions with bodies =="
if ! "$python" -c 'import alembic' 2>/dev/null; then
    echo "SKIPPED: $python cannot import alembic; no ratio printed."
    exit 0
fi
"$python" - "$cli" "$project/alembic.ini" "$repeat" "$src/tests/conformance" <<'EOF'
import os
import resource
import statistics
import subprocess
import sys
import time

cli, ini, repeat, conformance = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
sys.path.insert(0, conformance)
from normalise import Normaliser  # noqa: E402

commands = {
    "retort-cli": [cli, "-c", ini, "upgrade", "base:heads", "--sql", "--dialect", "sqlite"],
    "alembic": [sys.executable, "-m", "alembic", "-c", ini, "-x", "url=sqlite://",
                "upgrade", "base:heads", "--sql"],
}
outputs = {}
times = {name: [] for name in commands}
cpu = {name: [] for name in commands}


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# one warm-up each (Alembic writes its bytecode cache on the first run), then alternate
for name, argv in commands.items():
    outputs[name] = subprocess.run(argv, capture_output=True, check=True).stdout.decode("utf-8")
for _ in range(max(repeat, 3)):
    for name, argv in commands.items():
        start, start_cpu = time.perf_counter(), children_cpu()
        subprocess.run(argv, capture_output=True, check=True)
        times[name].append(time.perf_counter() - start)
        cpu[name].append(children_cpu() - start_cpu)

norm = Normaliser([], [], int(__import__("sqlalchemy").__version__.split(".")[0]))


def steps(text):
    blocks, current = [], []
    for line in norm.sql(text).split("\n"):
        if line.startswith("-- Running "):
            current = [line]
            blocks.append(current)
        elif current and "alembic_version" not in line:
            current.append(line)
    return sorted(blocks)


same = steps(outputs["retort-cli"]) == steps(outputs["alembic"])
retort = statistics.median(times["retort-cli"])
alembic = statistics.median(times["alembic"])
statements = outputs["retort-cli"].count(";\n")
print("retort-cli upgrade --sql        median %8.1f ms  (runs: %s)" % (
    retort * 1000, ", ".join("%.1f" % (t * 1000) for t in times["retort-cli"])))
print("python3 -m alembic upgrade --sql median %8.1f ms  (runs: %s)" % (
    alembic * 1000, ", ".join("%.1f" % (t * 1000) for t in times["alembic"])))
print("CPU time (user+sys)              retort-cli %.1f ms, alembic %.1f ms (medians): %.1fx" % (
    statistics.median(cpu["retort-cli"]) * 1000, statistics.median(cpu["alembic"]) * 1000,
    statistics.median(cpu["alembic"]) / max(statistics.median(cpu["retort-cli"]), 1e-6)))
print("load average during the run: %.2f (on %d cores)" % (os.getloadavg()[0], os.cpu_count()))
print("statements rendered: %d; same migrations and statements: %s" % (
    statements, "yes" if same else "NO"))
ratio = alembic / retort
print("ratio (wall clock): retort-cli is %.1fx faster than alembic (target >= 20x): %s" % (
    ratio, "OK" if ratio >= 20 else "BELOW TARGET"))
sys.exit(0 if same and ratio >= 20 else 1)
EOF
