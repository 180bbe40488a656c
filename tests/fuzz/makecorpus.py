#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Regenerates the seed corpora of the fuzz targets in tests/fuzz/corpus/<target>/.

    tests/fuzz/makecorpus.py            # rewrite every corpus folder

Sources: the demo project (resources/demo) and projects of the conformance generator
(tests/conformance/genproject.py, fixed seeds, some with migration bodies). The same
sources give the same files. Seeds are kept small (a few dozen files per target, none
over 32 KiB): libFuzzer grows its own corpus from them while it runs (run.sh keeps that
outside the source tree), and tst_fuzzregressions replays these in every build.
Standard library only; run it with /usr/bin/python3.
"""
import ast
import hashlib
import pathlib
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
SOURCE = HERE.parent.parent
DEMO = SOURCE / "resources" / "demo"
GENPROJECT = SOURCE / "tests" / "conformance" / "genproject.py"
CORPUS = HERE / "corpus"
MAX_SIZE = 32 * 1024
MAX_FILES = 60
# genproject seeds: plain headers, and with bodies (for the interpreter).
PLAIN_SEEDS = range(1, 13)
BODY_SEEDS = range(41, 47)

# Forms of SQLAlchemy URLs Retort reads (sqlalchemy.url, -x url=..., the connection dialog).
URLS = [
    "sqlite://",
    "sqlite:///",
    "sqlite:///:memory:",
    "sqlite:///relative/demo.db",
    "sqlite:////var/lib/app/demo.db",
    "sqlite:///a%20b.db?mode=ro&uri=true",
    "postgresql://scott:tiger@localhost/test",
    "postgresql+psycopg2://user:p%40ss%3Aw%2Frd@db.example.com:5432/app?sslmode=require",
    "postgresql://user@[::1]:5433/app",
    "postgresql:///app?host=/var/run/postgresql",
    "postgresql+psycopg://u:p@h/d?options=-csearch_path%3Dapp&application_name=a+b",
    "mysql+pymysql://root:secret@127.0.0.1:3306/shop?charset=utf8mb4",
    "mysql://u:@h/d",
    "mariadb+pymysql://u:p@host:notaport/d",
    "mysql+mysqldb://u:p@h:99999/d?charset=utf8&charset=latin1",
    "oracle+cx_oracle://u:p@h:1521/?service_name=x",
    "postgresql://%zz:%@h/%41",
]

# Queries of the revisionmap target, added after a graph's revisions.
REVISION_QUERIES = [
    "up - heads", "down heads base", "sql up base:heads", "id heads", "walk base 2",
    "history base:heads", "stamp - heads", "id -1", "up - +1",
]


def write(target, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > MAX_SIZE:
        return
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    if len(list(folder.iterdir())) >= MAX_FILES:
        return
    # The digest keeps names unique when two sources have the same file name.
    digest = hashlib.sha1(data).hexdigest()[:8]
    (folder / f"{name}-{digest}").write_bytes(data)


def header_values(path):
    """revision, down_revision, depends_on, branch_labels of a migration script."""
    values = {"revision": None, "down_revision": None, "depends_on": None,
              "branch_labels": None}
    try:
        tree = ast.parse(path.read_bytes())
    except SyntaxError:
        return None
    for node in tree.body:
        target = value = None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        if isinstance(target, ast.Name) and target.id in values:
            try:
                values[target.id] = ast.literal_eval(value)
            except ValueError:
                pass
    if not isinstance(values["revision"], str):
        return None
    return values


def as_list(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)]


def field(items):
    items = [i for i in items if i and " " not in i and "," not in i]
    return ",".join(items) if items else "-"


def graph_text(scripts):
    lines = []
    for path in scripts:
        values = header_values(path)
        if values is None:
            continue
        lines.append(" ".join(["r", values["revision"],
                               field(as_list(values["down_revision"])),
                               field(as_list(values["depends_on"])),
                               field(as_list(values["branch_labels"]))]))
    return lines


def add_project(prefix, root):
    ini = root / "alembic.ini"
    if ini.exists():
        write("ini", prefix + "-alembic.ini", ini.read_bytes())
        for line in ini.read_text(encoding="utf-8").splitlines():
            if line.replace(" ", "").startswith("sqlalchemy.url="):
                write("url", prefix + "-sqlalchemy.url", line.split("=", 1)[1].strip())
    scripts = sorted(p for p in root.rglob("*.py") if p.parent.name == "versions" and p.is_file())
    for script in scripts:
        data = script.read_bytes()
        name = f"{prefix}-{script.name}"
        write("tokenizer", name, data)
        write("parser", name, data)
        write("header_reader", name, data)
        if b"op." in data:
            write("interpreter", name, data)
    for env in root.rglob("env.py"):
        write("tokenizer", prefix + "-env.py", env.read_bytes())
        write("parser", prefix + "-env.py", env.read_bytes())
    lines = graph_text(scripts)
    if lines:
        write("revisionmap", prefix + "-graph", "\n".join(lines) + "\n")
        write("revisionmap", prefix + "-queries",
              "\n".join(lines + REVISION_QUERIES) + "\n")


def main():
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    add_project("demo", DEMO)
    with tempfile.TemporaryDirectory() as tmp:
        for seed, bodies in [(s, False) for s in PLAIN_SEEDS] + [(s, True) for s in BODY_SEEDS]:
            out = pathlib.Path(tmp) / f"p{seed}"
            cmd = [sys.executable, str(GENPROJECT), "--seed", str(seed), "--out", str(out)]
            if bodies:
                cmd.append("--bodies")
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            add_project(f"gen{seed}", out)
    for i, url in enumerate(URLS):
        write("url", f"form{i:02d}", url)
    # Shapes the generator never makes: a cycle, a duplicate id, a dangling parent, a
    # label twice, a huge fan-out and fan-in, a long chain.
    write("revisionmap", "shapes", "\n".join([
        "r a - - one", "r b a - -", "r c b a,one two", "fan 50 b", "merge 40 m",
        "chain 200 c", "up - heads", "down heads base", "id two@head", "walk c -3",
    ]) + "\n")
    write("revisionmap", "cycle", "r a c - -\nr b a - -\nr c b - -\nup - heads\n")
    write("revisionmap", "duplicate", "r a - - x\nr a - - x\nr b a - x\n")
    write("revisionmap", "dangling", "r a - - -\nr b zz nope -\nup - heads\n")
    for target in sorted(p.name for p in CORPUS.iterdir()):
        print(f"makecorpus.py: {target}: {len(list((CORPUS / target).iterdir()))} files")


if __name__ == "__main__":
    main()
