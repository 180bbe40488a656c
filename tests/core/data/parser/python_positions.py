#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write reference/<name>.positions for every input/<name>.py, from Python's own ast.

One line per node that Python's ast gives a position to (statements, expressions,
arg, keyword, alias, ExceptHandler; nothing inside an f-string, which Retort keeps as
text): "startLine:startColumn-endLine:endColumn Kind [detail]", sorted, where detail
is the name a node carries or the text of a str/bytes constant. Columns are converted
from Python's 0-based UTF-8 byte offsets to Retort's 1-based character columns, so
tst_pythonparser can compare them with its own tree.

Usage: /usr/bin/python3 python_positions.py [input/<name>.py ...]   (default: all inputs)
"""
import ast
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent


def column(lines, lineno, col_offset):
    line = lines[lineno - 1].encode("utf-8")
    return len(line[:col_offset].decode("utf-8", errors="replace")) + 1


def quoted(text):
    escapes = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
    out = []
    for c in text:
        if c in escapes:
            out.append(escapes[c])
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out.append("\\x%02x" % ord(c))
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def detail(node):
    """The name or text a node carries, as tst_pythonparser shows it."""
    if isinstance(node, ast.Name):
        return " " + node.id
    if isinstance(node, ast.Attribute):
        return " " + node.attr
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return " " + node.name
    if isinstance(node, ast.arg):
        return " " + node.arg
    if isinstance(node, ast.keyword):
        return " " + node.arg if node.arg else ""
    if isinstance(node, ast.alias):
        return " " + node.name + (" as " + node.asname if node.asname else "")
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return " " + quoted(node.value)
    if isinstance(node, ast.Constant) and isinstance(node.value, bytes):
        return " b" + quoted(node.value.decode("latin-1"))
    return ""


def collect(node, lines, out):
    if hasattr(node, "lineno") and not isinstance(node, ast.TypeIgnore):
        out.append((node.lineno, column(lines, node.lineno, node.col_offset),
                    node.end_lineno, column(lines, node.end_lineno, node.end_col_offset),
                    type(node).__name__ + detail(node)))
    if isinstance(node, ast.JoinedStr):
        return
    for child in ast.iter_child_nodes(node):
        collect(child, lines, out)


def positions(path):
    source = path.read_bytes()
    tree = ast.parse(source, filename=str(path))
    text = source.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = re.split(r"\r\n|\r|\n", text)
    out = []
    collect(tree, lines, out)
    out.sort()
    return "".join("%d:%d-%d:%d %s\n" % entry for entry in out)


def main(argv):
    inputs = [pathlib.Path(a) for a in argv] or sorted((HERE / "input").glob("*.py"))
    for path in inputs:
        target = HERE / "reference" / (path.stem + ".positions")
        target.write_text(positions(path), encoding="utf-8")
        print("wrote", target.relative_to(HERE))


if __name__ == "__main__":
    main(sys.argv[1:])
