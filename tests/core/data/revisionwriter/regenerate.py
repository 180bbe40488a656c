# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the reference files of tst_revisionwriter with the Alembic this Python has.

    python3 regenerate.py OUTDIR

Creates a project with `alembic init -t generic`, runs the steps of steps.txt (next to
this file) one after the other with `python3 -m alembic`, and writes to OUTDIR the
project's script.py.mako, each new revision file under OUTDIR/expected/ (its
"Create Date:" line replaced by "Create Date: <normalised>") and OUTDIR/files.txt, the
file names in step order. Called by regenerate.sh.
"""
import os
import shutil
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.abspath(sys.argv[1])


def steps():
    with open(os.path.join(here, "steps.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


def normalised(text):
    return "".join("Create Date: <normalised>\n" if line.startswith("Create Date: ") else line
                   for line in text.splitlines(keepends=True))


with tempfile.TemporaryDirectory() as work:
    subprocess.run([sys.executable, "-m", "alembic", "init", "-t", "generic", "migrations"],
                   cwd=work, check=True, capture_output=True)
    versions = os.path.join(work, "migrations", "versions")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(out, "expected"))
    shutil.copy(os.path.join(work, "migrations", "script.py.mako"), out)
    names = []
    for step in steps():
        before = set(os.listdir(versions))
        subprocess.run([sys.executable, "-m", "alembic"] + step, cwd=work, check=True,
                       capture_output=True)
        (name,) = set(os.listdir(versions)) - before - {"__pycache__"}
        names.append(name)
        with open(os.path.join(versions, name), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(out, "expected", name), "w", encoding="utf-8") as f:
            f.write(normalised(text))
    with open(os.path.join(out, "files.txt"), "w", encoding="utf-8") as f:
        f.write("".join(n + "\n" for n in names))
