# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints what real Alembic reads from each input/*.py header, one line per file.

Run with an interpreter that has Alembic, e.g. the reference root:
    ../shared/oracle/debian13-root.sh /var/tmp/retort-trixie run \
        python3 tests/core/data/headers/check-with-alembic.py
and compare by eye with reference/*.ref (Alembic executes the file, so computed
values load there while Retort reports them; parents missing from the one-file
project are not an error here because the revision map is never built).
"""
import glob
import os
import shutil
import sys
import tempfile
import warnings

from alembic.script import ScriptDirectory
from alembic.script.base import Script

warnings.simplefilter("ignore")
inputs = os.path.join(os.path.dirname(os.path.abspath(__file__)), "input")
for path in sorted(glob.glob(os.path.join(inputs, "*.py"))):
    name = os.path.basename(path)
    project = tempfile.mkdtemp()
    versions = os.path.join(project, "versions")
    os.makedirs(versions)
    shutil.copy(path, os.path.join(versions, name))
    try:
        script = Script._from_filename(ScriptDirectory(project), versions, name)
        print(f"{name} | id {script.revision!r} | down {script.down_revision!r}"
              f" | labels {sorted(script.branch_labels)} | deps {script.dependencies!r}"
              f" | longdoc {script.longdoc!r}")
    except BaseException as error:  # Alembic fails in many ways on bad files
        first = str(error).splitlines()[0] if str(error) else ""
        print(f"{name} | ERROR {type(error).__name__}: {first}")
    finally:
        shutil.rmtree(project)
    sys.stdout.flush()
