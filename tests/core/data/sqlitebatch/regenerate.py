#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Record the reference output of every batch case with the real Alembic.

Each input/<case>.py is a complete revision module whose upgrade() holds the
batch block under test. The case is placed alone in a throw-away project and
run through the oracle's alembic_adapter.py (which applies the ordering pins
of the oracle README section 1) inside the Debian 13 root, once per dialect.
reference/<case>.<dialect>.sql receives the statements the upgrade step
printed (the version-table statements and the "-- Running" comment are left
out); a failing case gets its FAILED: line instead.

    regenerate.py [--root /var/tmp/retort-trixie] [case ...]
"""
import argparse
import pathlib
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
ORACLE = pathlib.Path("/work/shared/oracle")
DIALECTS = ("sqlite", "postgresql", "mysql")

ENV_PY = '''from alembic import context

config = context.config


def run_migrations_offline():
    context.configure(url=config.get_main_option("sqlalchemy.url"),
                      target_metadata=None, literal_binds=True,
                      dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


run_migrations_offline()
'''

INI = '''[alembic]
script_location = %(here)s/migrations
sqlalchemy.url = sqlite://
'''


def step_statements(output):
    """The statements of the single upgrade step, one per list element."""
    chunks = [c.strip() for c in output.split("\n\n") if c.strip()]
    body = []
    inside = False
    for chunk in chunks:
        if chunk.startswith("-- Running upgrade"):
            inside = True
            continue
        if not inside:
            continue
        if "alembic_version" in chunk:
            break
        body.append(chunk)
    return body


def record(case, root):
    with tempfile.TemporaryDirectory(prefix="sqlitebatch-") as tmp:
        project = pathlib.Path(tmp)
        (project / "alembic.ini").write_text(INI)
        versions = project / "migrations" / "versions"
        versions.mkdir(parents=True)
        (project / "migrations" / "env.py").write_text(ENV_PY)
        shutil.copy(case, versions / case.name)
        for dialect in DIALECTS:
            cmd = [str(ORACLE / "debian13-root.sh"), root, "run", "python3",
                   str(ORACLE / "alembic_adapter.py"), "--project",
                   str(project), "upgrade", "base:heads", "--sql",
                   "--dialect", dialect]
            run = subprocess.run(cmd, capture_output=True, text=True,
                                 stdin=subprocess.DEVNULL)
            out = HERE / "reference" / ("%s.%s.sql" % (case.stem, dialect))
            if run.returncode == 0:
                text = "".join(s + "\n\n" for s in step_statements(run.stdout))
            else:
                failed = [line for line in (run.stdout + run.stderr).splitlines()
                          if line.startswith("FAILED:")]
                if not failed:
                    tail = (run.stderr or run.stdout).strip().splitlines()[-1:]
                    failed = ["EXCEPTION: " + (tail[0] if tail else "?")]
                text = failed[0] + "\n"
            out.write_text(text)
            print("%s.%s: %s" % (case.stem, dialect,
                                 "ok" if run.returncode == 0 else text.strip()))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", default="/var/tmp/retort-trixie")
    parser.add_argument("cases", nargs="*")
    args = parser.parse_args()
    names = args.cases or sorted(p.stem for p in (HERE / "input").glob("*.py"))
    for name in names:
        record(HERE / "input" / (name + ".py"), args.root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
