#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Seeded generator of synthetic Alembic projects for Retort's conformance suite.

    genproject.py --seed 7 --out /tmp/p7                    # a varied project
    genproject.py --seed 1 --out /tmp/big --revisions 1000  # a large one (bench/)

The same seed always gives the same project (files, ids, bytes). Standard library
only. The project is an ordinary Alembic project: alembic.ini, a script directory
with a minimal offline env.py (`-x url=DIALECT://`), and migration files whose
bodies are `pass`.

What varies from seed to seed: graph shape (several bases, branches, merges of two
and three parents, depends_on by id and by branch label, effective heads), branch
labels (one or a tuple), revision ids (hex with shared prefixes, numbered, short,
legacy file-name ids), file-name templates, the header style of every file
(classic or annotated assignments, quote styles, tuples and lists spread over
lines, trailing comments, continuations, reassignments), docstrings (absent,
multi-paragraph, non-ASCII, escapes, not-a-docstring strings), the ini (custom
section, interpolation, two version locations with each separator,
recursive_version_locations) and files Alembic must ignore.

Shapes Alembic itself cannot handle are never generated: a revision whose
down_revision/depends_on entries include an ancestor of another entry (Alembic
crashes during upgrade), two normalised dependencies on one revision (their order
is Python set order), duplicate ids or labels, cycles, missing parents. Revisions
placed in sub-directories (recursive_version_locations) form separate chains that
nothing else refers to, so Alembic 1.8, which ignores the option, still sees a
consistent project.
"""

import argparse
import json
import os
import random
import re
import sys
from dataclasses import dataclass, field, asdict

import bodies

LABEL_POOL = [
    "auth", "billing", "reporting", "inventory", "shipping", "analytics",
    "search", "payments", "audit", "accounts", "catalog", "notifications",
    "tenancy", "growth", "hr", "core_schema", "legacy", "feature_x", "data_fix",
    "perf", "crm", "ledger", "gdpr", "i18n", "messaging", "sessions",
]

MESSAGES = [
    "create users table", "add email to users", "create orders table",
    "index orders by created_at", "add status column to orders",
    "drop legacy sessions", "rename customer to account", "add invoices",
    "split address into lines", "backfill order totals", "add audit log",
    "create products and prices", "add unique constraint on email",
    "tenant id on every table", "merge heads", "add foreign key orders users",
    "widen name columns", "create tags", "link products to tags",
    "remove unused indexes", "add soft delete", "create payments table",
    "add currency to prices", "don't keep raw card numbers",
    'rename "order" to "purchase"', "add settings (draft)", "v2: new schema",
    "fix typo in column name", "add created_at / updated_at",
    "store paths like C:\\temp\\new", "tab\tseparated import",
]

NON_ASCII_MESSAGES = [
    "Ajouter la table «clients»", "Spalte für Straße hinzufügen",
    "Добавить таблицу заказов", "添加用户表", "注文テーブルを作成",
    "Ñandú: índice único", "🚀 launch schema", "café prices in €",
    "Ελληνικά: πίνακας", "naïve timestamps → aware",
]

SECOND_PARAGRAPHS = [
    "This migration is long-running on large tables.\nRun it off-peak.",
    "See ticket OPS-1234 for the background.",
    "Steps:\n  1. add column\n  2. backfill\n  3. add constraint",
    "Änderungen am Schema, bitte prüfen.",
]


@dataclass
class Revision:
    """One generated revision (the graph facts the cases are chosen from)."""
    id: str
    parents: list
    labels: list = field(default_factory=list)
    deps: list = field(default_factory=list)       # declared depends_on values
    dep_ids: list = field(default_factory=list)    # the same, resolved to ids
    message: str = ""
    location: int = 0                               # index into Project.locations
    subdir: str = ""                                # below the location (recursive only)
    filename: str = ""
    legacy: bool = False                            # id taken from the file name
    has_doc: bool = True


@dataclass
class Project:
    seed: int
    revisions: list = field(default_factory=list)
    locations: list = field(default_factory=list)   # version folders, relative to the project
    recursive: bool = False
    section: str = "alembic"
    ini_name: str = "alembic.ini"
    script_location: str = "migrations"
    bodies: bool = False                            # realistic bodies (bodies.py)

    def global_args(self):
        return ["-n", self.section] if self.section != "alembic" else []

    def labels(self):
        return sorted({label for rev in self.revisions for label in rev.labels})

    def to_json(self):
        data = asdict(self)
        data["global_args"] = self.global_args()
        return data

    @staticmethod
    def from_json(data):
        data = dict(data)
        data.pop("global_args", None)
        revisions = [Revision(**r) for r in data.pop("revisions")]
        return Project(revisions=revisions, **data)


class GraphBuilder:
    """Builds the revision graph in topological order, keeping it Alembic-safe.

    Ancestor sets are integers used as bit sets (bit i = revision i), so projects
    of 10,000 revisions stay cheap to generate.
    """

    def __init__(self, rng, count, isolated=0):
        self.rng = rng
        self.count = count
        self.isolated = isolated
        self.revs = []
        self.index = {}
        self.anc_deps = []      # ancestors including dependencies (and self)
        self.anc_parents = []   # ancestors through down_revision only (and self)
        self.children = []
        self.head_set = {}       # insertion-ordered set of the current heads
        self.with_children = []  # revisions that have a child (branching candidates)
        self.with_deps = []      # revisions that declare depends_on
        self.labels_left = rng.sample(LABEL_POOL, len(LABEL_POOL))
        self.id_style = rng.choices(["hex", "numbered", "mixed"], [70, 15, 15])[0]
        self.used_ids = set()

    # -- ids ---------------------------------------------------------------
    def new_id(self, ordinal):
        rng = self.rng
        for _ in range(1000):
            if self.id_style == "numbered":
                candidate = "%04d" % (ordinal + 1)
                if rng.random() < 0.3:
                    candidate += "_" + rng.choice(["a", "b", "fix", "x"])
            elif self.id_style == "mixed" and rng.random() < 0.15:
                candidate = rng.choice([
                    "%03x" % rng.getrandbits(12),
                    "%02x" % rng.getrandbits(8),
                    "%016x" % rng.getrandbits(64),
                    "r%d" % rng.randint(1, 999),
                    "rev_%s" % rng.choice(["alpha", "beta", "gamma", "delta"]),
                ])
            else:
                candidate = "%012x" % rng.getrandbits(48)
                if self.revs and rng.random() < 0.18:
                    # shared prefix with an existing id: ambiguous partial ids
                    other = rng.choice(self.revs).id
                    keep = rng.randint(4, 8)
                    if len(other) >= keep and re.fullmatch(r"[0-9a-f]+", other):
                        candidate = other[:keep] + candidate[keep:]
            if candidate not in self.used_ids and candidate not in LABEL_POOL \
                    and candidate not in ("head", "heads", "base", "current"):
                self.used_ids.add(candidate)
                return candidate
        raise RuntimeError("could not make a unique revision id")

    # -- graph -------------------------------------------------------------
    def heads(self):
        return list(self.head_set)

    def unrelated(self, a, b):
        return not (self.anc_deps[a] >> b) & 1 and not (self.anc_deps[b] >> a) & 1

    def add(self, parents, subdir=""):
        rng = self.rng
        i = len(self.revs)
        rev = Revision(id=self.new_id(i), parents=[self.revs[p].id for p in parents],
                       subdir=subdir)
        dep_idx = []
        if not subdir and i > 3 and rng.random() < 0.12:
            dep_idx = self.pick_dependency(parents)
        rev.dep_ids = [self.revs[d].id for d in dep_idx]
        rev.deps = [self.declared_name(d) for d in dep_idx]
        if dep_idx and rng.random() < 0.5:
            extra = self.redundant_dependency(parents, dep_idx)
            if extra is not None:
                pos = rng.randint(0, len(rev.deps))
                rev.deps.insert(pos, self.declared_name(extra))
                rev.dep_ids.insert(pos, self.revs[extra].id)
        label_chance = 0.45 if not parents else 0.13
        if self.labels_left and rng.random() < label_chance:
            n = 2 if rng.random() < 0.25 and len(self.labels_left) > 1 else 1
            rev.labels = [self.labels_left.pop() for _ in range(n)]
        anc_d = 1 << i
        anc_p = 1 << i
        for p in parents:
            anc_d |= self.anc_deps[p]
            anc_p |= self.anc_parents[p]
        for d in dep_idx:
            anc_d |= self.anc_deps[d]
        self.revs.append(rev)
        self.index[rev.id] = i
        self.anc_deps.append(anc_d)
        self.anc_parents.append(anc_p)
        self.children.append([])
        for p in parents:
            if not self.children[p] and not subdir:
                self.with_children.append(p)
            self.children[p].append(i)
            self.head_set.pop(p, None)
        if not subdir:
            self.head_set[i] = None
        if dep_idx:
            self.with_deps.append(i)
        return i

    def declared_name(self, idx):
        rev = self.revs[idx]
        if rev.labels and self.rng.random() < 0.5:
            return self.rng.choice(rev.labels)
        return rev.id

    def pick_dependency(self, parents):
        """A revision unrelated to every parent (so up() holds no ancestor pair)."""
        rng = self.rng
        labelled = [i for i in self.index.values() if self.revs[i].labels
                    and not self.revs[i].subdir] if rng.random() < 0.4 else []
        for _ in range(12):
            d = rng.choice(labelled) if labelled else rng.randrange(len(self.revs))
            if d in parents:
                continue
            if all(self.unrelated(d, p) for p in parents):
                return [d]
        return []

    def redundant_dependency(self, parents, deps):
        """A dependency already declared by a versioned ancestor: Alembic drops it
        while normalising, so the revision still has one normalised dependency."""
        mask = 0
        for p in parents:
            mask |= self.anc_parents[p]
        declared = []
        for i in self.with_deps:
            if (mask >> i) & 1:
                declared.extend(self.index[x] for x in self.revs[i].dep_ids)
        declared = [d for d in dict.fromkeys(declared) if d not in deps]
        return self.rng.choice(declared) if declared else None

    def build(self):
        rng = self.rng
        n = self.count
        if n <= 3:
            bases = 1
        else:
            bases = rng.choices([1, 2, 3, 4], [35, 35, 20, 10])[0]
            bases = min(bases, max(1, n // 4))
        base_at = {0} | set(rng.sample(range(1, n), bases - 1)) if n > 1 else {0}
        for step in range(n):
            if step in base_at:
                self.add([])
                continue
            heads = self.heads()
            r = rng.random()
            want_merge = len(heads) >= 2 and (r < 0.12 or len(heads) > 5)
            if want_merge:
                merge = self.pick_merge(heads)
                if merge:
                    self.add(merge)
                    continue
            if r < 0.30 and self.with_children:
                self.add([rng.choice(self.with_children)])
                continue
            self.add([rng.choice(heads[-3:] if rng.random() < 0.7 else heads)])
        if self.isolated:
            parent = None
            subdirs = ["sub", "sub/inner"]
            for k in range(self.isolated):
                subdir = subdirs[0] if k < (self.isolated + 1) // 2 else subdirs[1]
                parent = self.add([] if parent is None else [parent], subdir=subdir)
        return self.revs

    def pick_merge(self, heads):
        rng = self.rng
        k = 3 if len(heads) >= 3 and rng.random() < 0.3 else 2
        for _ in range(10):
            chosen = rng.sample(heads, k)
            if all(self.unrelated(a, b) for a in chosen for b in chosen if a != b):
                return chosen
        return None


class SourceWriter:
    """Writes one migration file in a randomly perturbed but valid style."""

    def __init__(self, rng, annotated, generated_bodies=None):
        self.rng = rng
        self.annotated = annotated
        self.bodies = generated_bodies or {}

    def string(self, text, allow_concat=True):
        rng = self.rng
        quote = rng.choices(["'", '"', "'''", '"""'], [45, 45, 5, 5])[0]
        prefix = rng.choices(["", "r", "u", "R"], [92, 3, 3, 2])[0]
        if allow_concat and len(text) > 3 and rng.random() < 0.03:
            cut = rng.randint(1, len(text) - 1)
            sep = rng.choice([" ", "", "  "])
            return "'%s'%s\"%s\"" % (text[:cut], sep, text[cut:])
        return "%s%s%s%s" % (prefix, quote, text, quote)

    def sequence(self, values, key):
        rng = self.rng
        opener, closer = ("[", "]") if rng.random() < 0.35 else ("(", ")")
        items = [self.string(v) for v in values]
        if len(items) > 1 and rng.random() < 0.4 or rng.random() < 0.05:
            lines = [opener]
            for n, item in enumerate(items):
                comment = "  # %s %d" % (key, n + 1) if rng.random() < 0.3 else ""
                comma = "," if n + 1 < len(items) or rng.random() < 0.7 else ""
                lines.append("    %s%s%s" % (item, comma, comment))
            lines.append(closer)
            return "\n".join(lines)
        trailing = "," if len(items) == 1 and opener == "(" else ""
        if len(items) > 1 and rng.random() < 0.2:
            trailing = ","
        return opener + ", ".join(items) + trailing + closer

    def value(self, value, key):
        rng = self.rng
        if not value:
            if key == "down_revision" and rng.random() < 0.04:
                return rng.choice(["()", "[]"])
            return "None"
        if key == "revision" or len(value) == 1 and rng.random() < 0.8:
            return self.string(value[0])
        return self.sequence(value, key)

    def annotation(self, key):
        if key == "revision":
            return "str"
        if key == "down_revision":
            return self.rng.choice(["Union[str, None]", "Union[str, Sequence[str], None]"])
        return "Union[str, Sequence[str], None]"

    def assignment(self, key, value):
        rng = self.rng
        lhs = key
        if self.annotated or rng.random() < 0.05:
            lhs = "%s: %s" % (key, self.annotation(key))
        rhs = self.value(value, key)
        comment = ""
        if rng.random() < 0.08:
            comment = rng.choice(["  # noqa", "  # set by hand", "  # type: ignore", "  # é"])
        if "\n" not in rhs and rng.random() < 0.03:
            return "%s = \\\n    %s%s" % (lhs, rhs, comment)
        return "%s = %s%s" % (lhs, rhs, comment)

    def docstring(self, rev, date):
        """The module docstring text (without quotes), or None for no docstring."""
        rng = self.rng
        if rng.random() < 0.07:
            return None
        message = rev.message
        if rng.random() < 0.12:
            message += "\n\n" + rng.choice(SECOND_PARAGRAPHS)
        elif rng.random() < 0.05:
            message += "\n" + rng.choice(["continued on a second line",
                                          "   \nafter a whitespace-only line"])
        style = rng.random()
        if style < 0.1:
            return message
        if style < 0.16:
            # hand-written: every line after the first indented (spaces or a tab)
            indent = rng.choice(["    ", "  ", "\t"])
            lines = ("%s\n\nRevision ID: %s\nCreate Date: %s" % (message, rev.id, date)).split("\n")
            return "\n".join([lines[0]] + [indent + line if line else line for line in lines[1:]]) \
                + "\n" + rng.choice(["", indent])
        text = "%s\n\nRevision ID: %s\nRevises: %s\nCreate Date: %s\n\n" % (
            message, rev.id, ", ".join(rev.parents), date)
        if style < 0.21:
            text = "\n" + text
        return text

    def quote_docstring(self, text):
        rng = self.rng
        quote = rng.choices(['"""', "'''", '"'], [85, 12, 3])[0]
        if quote == '"':
            text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            return '"%s"' % text
        q = quote[0]
        if "\\" not in text and q not in text and rng.random() < 0.05:
            return "r%s%s%s" % (quote, text, quote)
        escaped = text.replace("\\", "\\\\").replace(q, "\\" + q)
        if rng.random() < 0.3:
            escaped = escaped.replace("\t", "\\t")
        if rng.random() < 0.15:
            # \uXXXX escapes for non-ASCII characters of the Basic Multilingual Plane
            escaped = "".join("\\u%04x" % ord(ch) if 127 < ord(ch) < 0x10000 else ch
                              for ch in escaped)
        return quote + escaped + quote

    def render(self, rev, date):
        rng = self.rng
        lines, stale = self.header(rev)
        out = []
        if rng.random() < 0.08:
            out.append(rng.choice(["# -*- coding: utf-8 -*-",
                                   "#!/usr/bin/env python3", "# generated; do not edit"]))
        doc = self.docstring(rev, date)
        rev.has_doc = doc is not None
        late_doc = doc is not None and rng.random() < 0.02
        if doc is not None and not late_doc:
            out.append(self.quote_docstring(doc))
        out.append("from alembic import op")
        out.append("import sqlalchemy as sa")
        if self.annotated or "Union[" in "".join(lines + stale):
            # module-level annotations are evaluated: the names must exist
            out.append("from typing import Sequence, Union")
        if late_doc:
            # a string after the imports is an expression, not the docstring
            out.append(self.quote_docstring(doc))
            rev.has_doc = False
        out.append("")
        if rng.random() < 0.03:
            out.append("# down_revision = 'not_the_parent'")
        out.append(rng.choice(["# revision identifiers, used by Alembic.", ""]))
        out.extend(stale)
        body = self.body(rev)
        if rng.random() < 0.03:
            out.extend(body)
            out.append("")
            out.extend(lines)
        else:
            out.extend(lines)
            out.append("")
            out.extend(body)
        return "\n".join(out) + "\n"

    def header(self, rev):
        """The header assignments, and stale ones that the real ones override."""
        rng = self.rng
        header = []
        if not rev.legacy:
            header.append(("revision", [rev.id]))
        header.append(("down_revision", rev.parents))
        optional = [("branch_labels", rev.labels), ("depends_on", rev.deps)]
        for key, value in optional:
            if value or rng.random() > 0.08:
                header.append((key, value))
        if rng.random() < 0.1:
            rng.shuffle(header)
        lines = [self.assignment(k, v) for k, v in header]
        if len(lines) >= 2 and "\n" not in lines[-1] + lines[-2] and rng.random() < 0.02:
            last = lines.pop()
            lines[-1] = lines[-1].split("  #")[0] + "; " + last
        stale = []
        keys = [k for k, _ in header]
        if "branch_labels" in keys and "depends_on" in keys and rng.random() < 0.04:
            # assigned again further down: the last assignment wins
            stale = [self.assignment("branch_labels", ["stale_label_%s" % rev.id[:4]]),
                     self.assignment("depends_on", [])]
        return lines, stale

    def body(self, rev):
        rng = self.rng
        if rev.id in self.bodies:
            return bodies.render(*self.bodies[rev.id], self.annotated)
        ret = " -> None" if self.annotated else ""
        up = ["", "def upgrade()%s:" % ret]
        if rng.random() < 0.03:
            up.append("    revision = 'local_not_module_level'")
        up.append("    pass")
        down = ["", "def downgrade()%s:" % ret, "    pass"]
        return up + [""] + down


ENV_PY_ONLINE = '''\
# SPDX-License-Identifier: GPL-3.0-or-later
"""Environment of a generated conformance project with bodies.

Offline: `alembic -x url=DIALECT:// upgrade A:B --sql` renders SQL for that dialect.
Online: `alembic -x url=sqlite:////tmp/x.db upgrade heads` runs against that database.
"""
import sqlalchemy as sa
from alembic import context

url = context.get_x_argument(as_dictionary=True).get("url", "sqlite://")
if context.is_offline_mode():
    context.configure(url=url, literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
'''


ENV_PY = '''\
# SPDX-License-Identifier: GPL-3.0-or-later
"""Minimal offline environment of a generated conformance project.

`alembic -x url=DIALECT:// upgrade A:B --sql` renders SQL for that dialect.
"""
from alembic import context

url = context.get_x_argument(as_dictionary=True).get("url", "sqlite://")
if not context.is_offline_mode():
    raise SystemExit("generated conformance projects only run with --sql")
context.configure(url=url, literal_binds=True, dialect_opts={"paramstyle": "named"})
with context.begin_transaction():
    context.run_migrations()
'''


class ProjectWriter:
    """Chooses the project layout and writes every file."""

    def __init__(self, seed, revisions=None, simple=False, with_bodies=False):
        self.seed = seed
        self.with_bodies = with_bodies
        self.rng = random.Random(seed)
        self.count = revisions
        self.simple = simple

    def make(self):
        rng = self.rng
        count = self.count or rng.choice([rng.randint(5, 14), rng.randint(12, 30),
                                          rng.randint(25, 45)])
        project = Project(seed=self.seed, bodies=self.with_bodies)
        if not self.simple:
            project.script_location = rng.choice(
                ["migrations", "migrations", "alembic", "db/migrations"])
            if rng.random() < 0.15:
                project.section = rng.choice(["tenant_db", "reporting_db", "app"])
            project.recursive = rng.random() < 0.25
        loc0 = project.script_location + "/versions"
        project.locations = [loc0]
        if not self.simple and rng.random() < 0.3:
            second = rng.choice([project.script_location + "/more_versions",
                                 "extra_versions", "db/shared/versions"])
            if rng.random() < 0.3:
                # the default folder is then not scanned: make it a different one
                loc0 = project.script_location + "/main_versions"
                project.locations = [loc0]
            project.locations.append(second)
        isolated = rng.randint(2, 4) if project.recursive else 0
        builder = GraphBuilder(rng, count, isolated=isolated)
        project.revisions = builder.build()
        self.decorate(project, builder.id_style)
        return project

    def decorate(self, project, id_style):
        rng = self.rng
        name_style = rng.choice(["plain", "plain", "dated", "idonly"])
        non_ascii = rng.random() < 0.5
        for n, rev in enumerate(project.revisions):
            if len(rev.parents) > 1 and rng.random() < 0.6:
                rev.message = "merge " + " and ".join(p[:6] for p in rev.parents)
            elif non_ascii and rng.random() < 0.2:
                rev.message = rng.choice(NON_ASCII_MESSAGES)
            else:
                rev.message = rng.choice(MESSAGES)
            if len(project.locations) > 1 and not rev.subdir:
                rev.location = rng.randrange(len(project.locations))
            rev.legacy = (id_style == "hex" and re.fullmatch(r"[0-9a-f]+", rev.id) is not None
                          and not self.simple and rng.random() < 0.04)
            slug = re.sub(r"\W+", "_", rev.message.lower()).strip("_")[:40] or "rev"
            if rev.legacy:
                rev.filename = rev.id + ".py"
            elif name_style == "dated":
                rev.filename = "2024_%02d_%02d_%04d-%s_%s.py" % (
                    1 + n % 12, 1 + n % 28, rng.randint(0, 2359), rev.id, slug)
            elif name_style == "idonly":
                rev.filename = rev.id + ".py"
            else:
                rev.filename = "%s_%s.py" % (rev.id, slug)

    def write(self, project, out):
        rng = self.rng
        os.makedirs(out, exist_ok=True)
        script_dir = os.path.join(out, project.script_location)
        os.makedirs(script_dir, exist_ok=True)
        with open(os.path.join(script_dir, "env.py"), "w", encoding="utf-8") as f:
            f.write(ENV_PY_ONLINE if project.bodies else ENV_PY)
        with open(os.path.join(script_dir, "README"), "w", encoding="utf-8") as f:
            f.write("Generated by Retort's conformance suite (seed %d).\n" % project.seed)
        for loc in project.locations:
            os.makedirs(os.path.join(out, loc), exist_ok=True)
        annotated = rng.random() < 0.4
        generated = bodies.BodyGenerator(project.seed).bodies(project.revisions) \
            if project.bodies else {}
        writer = SourceWriter(rng, annotated, generated)
        sources = []
        for n, rev in enumerate(project.revisions):
            folder = os.path.join(out, project.locations[rev.location], rev.subdir)
            os.makedirs(folder, exist_ok=True)
            date = "2024-%02d-%02d %02d:%02d:%02d.%06d" % (
                1 + n % 12, 1 + n % 28, n % 24, n % 60, (7 * n) % 60, n * 1013 % 1000000)
            if not self.simple and rng.random() < 0.1:
                writer.annotated = not annotated
            if self.simple:
                source = self.simple_source(rev, generated.get(rev.id))
            else:
                source = writer.render(rev, date)
            writer.annotated = annotated
            sources.append(source)
            encoding, newline = "utf-8", "\n"
            if not self.simple and rng.random() < 0.05:
                newline = "\r\n"
            if not self.simple and rng.random() < 0.03:
                encoding = "utf-8-sig"      # a byte order mark, which Python accepts
            with open(os.path.join(folder, rev.filename), "w", encoding=encoding,
                      newline=newline) as f:
                f.write(source)
        if not self.simple:
            self.write_decoys(project, out, sources)
        self.write_ini(project, out)

    def simple_source(self, rev, body=None):
        def lit(values):
            if not values:
                return "None"
            if len(values) == 1:
                return repr(values[0])
            return "(" + ", ".join(repr(v) for v in values) + ")"
        functions = "\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n"
        if body is not None:
            functions = "\n".join(bodies.render(*body, False)) + "\n"
        return ('"""%s\n\nRevision ID: %s\nRevises: %s\n"""\n'
                "from alembic import op\nimport sqlalchemy as sa\n\n"
                "revision = %r\ndown_revision = %s\nbranch_labels = %s\ndepends_on = %s\n%s") % (
            rev.message, rev.id, ", ".join(rev.parents), rev.id, lit(rev.parents),
            lit(rev.labels), lit(rev.deps), functions)

    def write_decoys(self, project, out, sources):
        """Files Alembic ignores; each holds a real migration so that reading one
        by mistake shows up as a duplicate revision."""
        rng = self.rng
        loc = os.path.join(out, project.locations[0])
        copy = rng.choice(sources)
        if rng.random() < 0.5:
            open(os.path.join(loc, "__init__.py"), "w").close()
        decoys = ["__init__extra.py", "notes.txt", "backup.py~", "README", "old.py.orig"]
        for name in rng.sample(decoys, rng.randint(1, 3)):
            with open(os.path.join(loc, name), "w", encoding="utf-8") as f:
                f.write(copy)
        if rng.random() < 0.5:
            target = "user@host.%d:1700000000" % rng.randint(100, 9999)
            os.symlink(target, os.path.join(loc, ".#" + project.revisions[0].filename))
        else:
            with open(os.path.join(loc, ".#lock.py"), "w", encoding="utf-8") as f:
                f.write(copy)
        if rng.random() < 0.3:
            cache = os.path.join(loc, "__pycache__")
            os.makedirs(cache, exist_ok=True)
            with open(os.path.join(cache, "stale_copy.py"), "w", encoding="utf-8") as f:
                f.write(copy)
        if rng.random() < 0.3:
            os.makedirs(os.path.join(loc, "not_recursive_by_default"), exist_ok=True)
        default = os.path.join(out, project.script_location, "versions")
        if os.path.join(project.script_location, "versions") not in project.locations:
            # version_locations replaces the default folder: Alembic does not read it
            os.makedirs(default, exist_ok=True)
            with open(os.path.join(default, "unlisted.py"), "w", encoding="utf-8") as f:
                f.write(copy)

    def write_ini(self, project, out):
        rng = self.rng
        lines = ["# Generated by Retort's conformance suite (seed %d)." % project.seed, ""]
        if project.section != "alembic":
            lines += ["[alembic]", "# not the section in use (-n %s)" % project.section,
                      "script_location = %(here)s/does_not_exist", ""]
        lines.append("[%s]" % project.section)
        if project.section == "alembic":
            lines.append("; the script directory")
        if not self.simple and rng.random() < 0.3:
            lines.append("project_root = %(here)s")
            location = "%(project_root)s/" + project.script_location
        elif not self.simple and rng.random() < 0.1:
            location = project.script_location      # relative to the working directory
        else:
            location = "%(here)s/" + project.script_location
        key, delimiter = "script_location", " = "
        if not self.simple and rng.random() < 0.15:
            # ConfigParser lower-cases option names and also accepts ':' as delimiter
            key = rng.choice(["Script_Location", "script_location"])
            delimiter = rng.choice([": ", "=", " =  "])
        lines.append(key + delimiter + location)
        lines.append("prepend_sys_path = .")
        if len(project.locations) > 1 or project.locations[0] != project.script_location + "/versions":
            sep = rng.choice(["os", ":", ";", "space", None])
            joiner = {"os": os.pathsep, ":": ":", ";": ";", "space": " "}.get(
                sep, rng.choice([" ", ", ", ","]))
            lines.append("version_locations = " + joiner.join(
                "%(here)s/" + loc for loc in project.locations))
            if sep is not None:
                lines.append("version_path_separator = " + sep)
        elif not self.simple and rng.random() < 0.3:
            lines.append("version_path_separator = os")
        if project.recursive:
            lines.append("recursive_version_locations = true")
        elif not self.simple and rng.random() < 0.05:
            lines.append("recursive_version_locations = false")
        if not self.simple and rng.random() < 0.3:
            lines += ["file_template = %%(year)d_%%(month).2d_%%(day).2d-%%(rev)s_%%(slug)s",
                      "truncate_slug_length = 40"]
        lines.append("sqlalchemy.url = sqlite://")
        if not self.simple and rng.random() < 0.3:
            lines += ["", "[post_write_hooks]", "hooks = black",
                      "black.type = console_scripts", "black.entrypoint = black",
                      "black.options = -l 79", "    REVISION_SCRIPT_FILENAME"]
        with open(os.path.join(out, project.ini_name), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


def generate(seed, out, revisions=None, simple=False, with_bodies=False):
    """Writes the project for SEED into OUT and returns its Project model."""
    writer = ProjectWriter(seed, revisions, simple, with_bodies)
    project = writer.make()
    writer.write(project, out)
    return project


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--out", required=True, help="directory to create")
    parser.add_argument("--revisions", type=int, help="number of revisions (default: random)")
    parser.add_argument("--simple", action="store_true",
                        help="classic headers, one folder, no decoys (benchmarks)")
    parser.add_argument("--bodies", action="store_true",
                        help="realistic upgrade()/downgrade() bodies (bodies.py) and an "
                             "env.py that also runs online")
    parser.add_argument("--model", help="also write the graph model as JSON to this file")
    args = parser.parse_args(argv)
    if os.path.exists(args.out) and os.listdir(args.out):
        parser.error("%s exists and is not empty" % args.out)
    project = generate(args.seed, args.out, args.revisions, args.simple, args.bodies)
    if args.model:
        with open(args.model, "w", encoding="utf-8") as f:
            json.dump(project.to_json(), f, indent=1, ensure_ascii=False)
    heads = sum(1 for r in project.revisions
                if not any(r.id in o.parents for o in project.revisions))
    print("genproject.py: wrote %d revisions to %s (bases: %d, heads: %d, labels: %d)" % (
        len(project.revisions), args.out,
        sum(1 for r in project.revisions if not r.parents), heads, len(project.labels())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
