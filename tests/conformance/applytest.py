#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Executes retort-cli's offline SQLite script and compares the database it builds
with the one real Alembic builds online.

    applytest.py --retort-cli PATH [--seeds 201-206] [--work-dir DIR]

For each seed, genproject.py writes a project with bodies (--simple --bodies: one
version folder, so Alembic 1.8 and 1.13 see the same graph). Then
1. `retort-cli upgrade base:heads --sql --dialect sqlite` is executed with Python's
   sqlite3 in a fresh database;
2. `python3 -m alembic -x url=sqlite:///DB upgrade heads` runs online against another
   fresh database;
3. both schemas are compared: sqlite_master (type, name, table, sql with whitespace
   collapsed), PRAGMA table_info / index_list / foreign_key_list of every table, the
   alembic_version rows, and every table's rows.
Normalised on both sides: whitespace in sqlite_master.sql; the order of the named
constraints after the primary key of a table re-created by a batch (Alembic takes
them from a set: normalise.py, item 8); and CURRENT_TIMESTAMP values in rows,
which depend on the second each database was written.

Exit status: 0 passed, 1 failed, 77 Alembic not importable (skipped; a failure when
the environment variable CI is set), 2 bad usage.
"""

import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import genproject  # noqa: E402
from normalise import Normaliser  # noqa: E402
from conformance import parse_seeds, alembic_available, SKIP_STATUS  # noqa: E402


TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")


def masked(row):
    return tuple("<now>" if isinstance(v, str) and TIMESTAMP.match(v) else v for v in row)


def snapshot(path):
    """Everything compared about one database, as sorted lines."""
    db = sqlite3.connect(path)
    lines = []
    for kind, name, table, sql in db.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"):
        sql = " ".join((sql or "").split())
        if kind == "table":
            sql = Normaliser.sort_constraints(sql)
        lines.append("master %s %s on %s: %s" % (kind, name, table, sql))
    tables = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    for table in tables:
        for pragma in ("table_info", "index_list", "foreign_key_list"):
            for row in db.execute("PRAGMA %s(\"%s\")" % (pragma, table)):
                lines.append("%s %s: %r" % (pragma, table, tuple(row)))
        for row in sorted((masked(r) for r in db.execute("SELECT * FROM \"%s\"" % table)),
                          key=repr):
            lines.append("row %s: %r" % (table, tuple(row)))
    db.close()
    return lines


def check(seed, root, cli):
    folder = os.path.join(root, "seed-%d" % seed)
    project_dir = os.path.join(folder, "project")
    project = genproject.generate(seed, project_dir, simple=True, with_bodies=True)
    ini = os.path.join(project_dir, project.ini_name)
    offline_db = os.path.join(folder, "retort.db")
    online_db = os.path.join(folder, "alembic.db")
    script = subprocess.run([cli, "-c", ini, "upgrade", "base:heads", "--sql",
                             "--dialect", "sqlite"], capture_output=True, cwd=project_dir)
    if script.returncode != 0:
        return "retort-cli exited %d: %s" % (script.returncode,
                                             script.stderr.decode("utf-8", "replace")[:400])
    sql = script.stdout.decode("utf-8")
    with open(os.path.join(folder, "retort.sql"), "w", encoding="utf-8") as f:
        f.write(sql)
    db = sqlite3.connect(offline_db, isolation_level=None)
    try:
        db.executescript(sql)
    except sqlite3.Error as e:
        return "executing retort-cli's script failed: %s" % e
    finally:
        db.close()
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("PYTHONPATH", None)
    online = subprocess.run([sys.executable, "-m", "alembic", "-c", ini, "-x",
                             "url=sqlite:///" + online_db, "upgrade", "heads"],
                            capture_output=True, cwd=project_dir, env=env)
    if online.returncode != 0:
        return "alembic upgrade heads failed: %s" % online.stderr.decode("utf-8", "replace")[-600:]
    want, have = snapshot(online_db), snapshot(offline_db)
    if want == have:
        return None
    missing = [line for line in want if line not in have]
    extra = [line for line in have if line not in want]
    return ("schemas differ:\n  only online (alembic):\n    %s\n"
            "  only offline (retort-cli):\n    %s") % (
        "\n    ".join(missing[:15]) or "-", "\n    ".join(extra[:15]) or "-")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--retort-cli", required=True)
    parser.add_argument("--seeds", default="201-206")
    parser.add_argument("--work-dir", help="keep the projects and databases here")
    args = parser.parse_args(argv)
    missing = alembic_available()
    if missing:
        in_ci = bool(os.environ.get("CI"))
        print("*" * 78)
        print("%s: Alembic is not importable by %s (%s)." % (
            "FAILED" if in_ci else "SKIPPED", sys.executable, missing))
        print("Install python3-alembic to run Retort's apply test.")
        print("*" * 78)
        return 1 if in_ci else SKIP_STATUS
    cli = os.path.abspath(args.retort_cli)
    if not os.access(cli, os.X_OK):
        parser.error("%s is not an executable" % cli)
    temp = None
    if args.work_dir:
        root = os.path.abspath(args.work_dir)
    else:
        temp = tempfile.TemporaryDirectory(prefix="retort-apply-")
        root = temp.name
    failed = 0
    seeds = parse_seeds(args.seeds)
    for seed in seeds:
        folder = os.path.join(root, "seed-%d" % seed)
        if os.path.exists(folder):
            shutil.rmtree(folder)
        os.makedirs(folder)
        problem = check(seed, root, cli)
        if problem is None:
            print("seed %d: same schema, versions and rows" % seed, flush=True)
        else:
            failed += 1
            print("FAIL seed %d: %s" % (seed, problem), flush=True)
    print("%d passed, %d failed" % (len(seeds) - failed, failed))
    if temp is not None:
        temp.cleanup()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
