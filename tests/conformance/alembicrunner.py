#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs many `alembic ...` command lines in ONE Python process and records them.

    alembicrunner.py --project DIR --cases CASES.json --out RESULTS.json

Started by conformance.py with PYTHONHASHSEED=0, once per project: importing
Alembic and SQLAlchemy costs far more than a command, so every case goes through
Alembic's own command-line entry (`alembic.config.CommandLine`: the same argument
parser and the same `FAILED:` error handling as `python3 -m alembic`) with
stdout captured in memory.

Each result: stdout (UTF-8 text), status (0; 255 for Alembic's `FAILED:`; 2 for
an argparse usage error; 1 when Alembic raised a Python exception, which is an
Alembic bug and is never compared) and, for status 1, the exception.

Pins applied here, because they cannot be undone in the output:
* Alembic < 1.10 enumerates version files in raw os.listdir() order, which
  depends on the file system; os.listdir is wrapped to return sorted names, the
  order Alembic >= 1.10 uses by itself (file order decides `heads` and every
  topological tie-break).
* Messages are never word-wrapped (Alembic wraps `FAILED:` lines to the width of
  the terminal when stdin is one).
* Python >= 3.13 cleans every docstring when it compiles a module (tabs expanded,
  leading spaces of the first line and the common indentation of the other lines
  removed); Alembic shows module docstrings, so its output depends on the Python it
  runs on. The reference (Debian 13) has Python 3.13 and retort-cli follows it:
  under an older Python each loaded script's docstring is cleaned the same way.
"""

import argparse
import io
import json
import os
import sys
import traceback
import warnings
from contextlib import redirect_stdout, redirect_stderr


def alembic_version():
    import alembic
    return alembic.__version__


def version_tuple(text):
    parts = []
    for piece in text.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts)


def clean_docstring(doc):
    """The docstring as CPython >= 3.13 stores it (its compiler's cleaning step)."""
    lines = doc.expandtabs().split("\n")
    indents = [len(line) - len(line.lstrip(" ")) for line in lines[1:] if line.strip(" ")]
    margin = min(indents) if indents else 0
    cleaned = [lines[0].lstrip(" ")]
    for line in lines[1:]:
        cleaned.append(line[min(margin, len(line) - len(line.lstrip(" "))):])
    return "\n".join(cleaned)


def install_pins():
    from alembic.util import messaging, pyfiles
    messaging.TERMWIDTH = None
    if sys.version_info < (3, 13):
        real_load = pyfiles.load_module_py

        def load_module_py(module_id, path):
            module = real_load(module_id, path)
            if isinstance(module.__doc__, str):
                module.__doc__ = clean_docstring(module.__doc__)
            return module
        pyfiles.load_module_py = load_module_py
    if version_tuple(alembic_version()) < (1, 10):
        real_listdir = os.listdir

        def sorted_listdir(path="."):
            return sorted(real_listdir(path))
        os.listdir = sorted_listdir


def run_one(cli, argv):
    from alembic.config import Config
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="utf-8", newline="", write_through=True)
    err = io.StringIO()
    status = 0
    exception = None
    with redirect_stdout(out), redirect_stderr(err), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            options = cli.parser.parse_args(argv)
            if not hasattr(options, "cmd"):
                cli.parser.error("too few arguments")
            config = Config(file_=options.config, ini_section=options.name,
                            cmd_opts=options, stdout=out, output_buffer=out)
            cli.run_cmd(config, options)
        except SystemExit as e:
            code = e.code
            if code is None:
                status = 0
            elif isinstance(code, int):
                status = code & 0xFF
            else:
                status = 1
                exception = str(code)
        except Exception as e:  # an Alembic bug: recorded, never compared
            status = 1
            exception = "%s: %s" % (type(e).__name__, e)
            err.write(traceback.format_exc())
    out.flush()
    return {"stdout": raw.getvalue().decode("utf-8", "replace"), "status": status,
            "exception": exception, "stderr": err.getvalue()[-2000:]}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", required=True)
    parser.add_argument("--cases", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    with open(args.cases, encoding="utf-8") as f:
        spec = json.load(f)
    install_pins()
    # bytecode of the generated files goes elsewhere: the project stays untouched
    sys.pycache_prefix = os.path.join(os.path.dirname(os.path.abspath(args.out)), ".pycache")
    os.chdir(args.project)
    ini = os.path.join(args.project, spec["ini"])
    from alembic.config import CommandLine
    # one parser for every case: building it costs more than most commands
    cli = CommandLine(prog="alembic")
    results = {}
    for case in spec["cases"]:
        argv = ["-c", ini] + spec["global_args"] + case["alembic"]
        results[case["name"]] = run_one(cli, argv)
    import sqlalchemy
    meta = {"alembic": alembic_version(), "sqlalchemy": sqlalchemy.__version__,
            "python": sys.version.split()[0]}
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"meta": meta, "results": results}, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
