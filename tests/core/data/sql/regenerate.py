#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Record the reference statements for tst_sqlrender with the reference Alembic.

Run inside the Debian 13 root (Alembic 1.13.2, SQLAlchemy 2.0.40):
  /work/shared/oracle/debian13-root.sh /var/tmp/retort-trixie run \
      python3 tests/core/data/sql/regenerate.py

Every input/<case>.py is a revision file with `revision = "aaaaaaaaaaaa"` and
`down_revision = None`. For each dialect and direction it writes
reference/<case>.<dialect>.<upgrade|downgrade>.sql: the statements of the migration
body (one per line group, as Alembic prints them), or a single line
`FAILED: <message>` when Alembic refuses the migration offline.
"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
DIALECTS = ("sqlite", "postgresql", "mysql")
REVISION = "aaaaaaaaaaaa"
ADAPTER = os.environ.get("RETORT_ALEMBIC_ADAPTER", "/work/shared/oracle/alembic_adapter.py")

ENV_PY = '''
from alembic import context
context.configure(url=context.get_x_argument(as_dictionary=True)["url"],
                  literal_binds=True, dialect_opts={"paramstyle": "named"})
with context.begin_transaction():
    context.run_migrations()
'''
INI = "[alembic]\nscript_location = %(here)s\n[loggers]\nkeys = root\n[handlers]\nkeys = h\n" \
    "[formatters]\nkeys = f\n[logger_root]\nlevel = WARN\nhandlers = h\n" \
    "[handler_h]\nclass = StreamHandler\nargs = (sys.stderr,)\nformatter = f\n[formatter_f]\nformat = %(message)s\n"


def body(output):
    """The statements between the `-- Running` line and the version-table row."""
    kept = []
    inside = False
    for chunk in output.split("\n\n"):
        if chunk.startswith("-- Running"):
            inside = True
            continue
        if not inside:
            continue
        # The version-table row ends the body (COMMIT;/BEGIN; of autocommit blocks stay).
        if "alembic_version" in chunk or not chunk.strip():
            break
        kept.append(chunk)
    return "\n\n".join(kept) + ("\n" if kept else "")


def run(project, args):
    # The oracle's adapter pins what Alembic leaves to hash order (oracle README §1).
    proc = subprocess.run([sys.executable, ADAPTER, "--project", str(project)] + args,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        lines = [line for line in (proc.stdout + proc.stderr).splitlines() if line.strip()]
        failed = [line for line in lines if line.startswith("FAILED:")]
        return (failed[-1] if failed else "FAILED: " + lines[-1]) + "\n"
    return body(proc.stdout)


def main():
    cases = sorted((HERE / "input").glob("*.py"))
    out_dir = HERE / "reference"
    out_dir.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        project = pathlib.Path(tmp)
        (project / "versions").mkdir()
        (project / "env.py").write_text(ENV_PY)
        (project / "alembic.ini").write_text(INI)
        for case in cases:
            for f in (project / "versions").glob("*"):
                f.unlink() if f.is_file() else shutil.rmtree(f)
            shutil.copy(case, project / "versions" / case.name)
            for dialect in DIALECTS:
                up = run(project, ["upgrade", "base:%s" % REVISION, "--sql", "--dialect", dialect])
                down = run(project, ["downgrade", "%s:base" % REVISION, "--sql", "--dialect", dialect])
                (out_dir / ("%s.%s.upgrade.sql" % (case.stem, dialect))).write_text(up)
                (out_dir / ("%s.%s.downgrade.sql" % (case.stem, dialect))).write_text(down)
            print("recorded", case.stem)


if __name__ == "__main__":
    main()
