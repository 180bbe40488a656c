#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fill in or check the expected diagnostics of syntax-errors.txt with Python's own.

syntax-errors.txt: a comment, then cases: a line "=== name", the source lines, a line
"---", and the error as "line:column: message" (Python's SyntaxError lineno, offset
and msg). The reference is Python 3.13 (Debian 13), run e.g. as
  /work/shared/oracle/debian13-root.sh /var/tmp/retort-trixie run \
      python3 tests/core/data/parser/syntax_errors.py [--check]
Without --check the file is rewritten with Python's answers.
"""
import ast
import pathlib
import sys

PATH = pathlib.Path(__file__).resolve().parent / "syntax-errors.txt"


def python_error(source):
    try:
        ast.parse(source)
    except SyntaxError as e:
        return "%d:%d: %s" % (e.lineno, e.offset, e.msg)
    return "no error"


def main(argv):
    check = "--check" in argv
    header, cases, current = [], [], None
    lines = PATH.read_text(encoding="utf-8").split("\n")
    in_source = False
    for line in lines:
        if line.startswith("=== "):
            current = [line[4:], [], None]
            cases.append(current)
            in_source = True
        elif in_source and line == "---":
            in_source = False
        elif in_source:
            current[1].append(line)
        elif current is None:
            header.append(line)
        elif current[2] is None:
            current[2] = line
    out = list(header)
    differences = 0
    for name, source_lines, expected in cases:
        source = "\n".join(source_lines) + "\n"
        actual = python_error(source)
        if actual != expected:
            differences += 1
            print("%s: file says %r, Python says %r" % (name, expected, actual))
        out += ["=== " + name] + source_lines + ["---", actual]
    if not check:
        PATH.write_text("\n".join(out) + "\n", encoding="utf-8")
    return 1 if check and differences else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
