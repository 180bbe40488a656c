# SPDX-License-Identifier: GPL-3.0-or-later
"""Normalisations applied to BOTH sides before comparing, and why.

Alembic's output is not fully deterministic: several lists come out of Python
sets, so their order depends on the string hash seed (conformance.py runs Alembic
with PYTHONHASHSEED=0, which makes a run repeatable but not "right"). Retort
prints these lists in a fixed order. Only those spots are normalised:

1. Project path: the absolute project directory (and its real path) becomes
   `{project}`, so recorded expectations can be compared from anywhere.
2. Branch labels in one-line forms (`id (b, a) (head)`): a parenthesised group
   whose items are all branch labels of the project and that is not followed by
   ` ->` (that would be the declared depends_on group, which Alembic prints in
   declared order and is compared as is) is sorted. Alembic: set order.
3. `Branch names: ...` and `Branches into: ...` lists are sorted. Alembic: set order.
4. The child lines of `branches` (` -> child` under a branch point, with any
   continuation lines of a multi-line message) are sorted. Alembic: set order.
5. Plans: on a merge step Alembic picks which parent row it UPDATEs and which it
   DELETEs (on an unmerge: which parent it UPDATEs to and which it INSERTs) from
   a set. When one step writes several alembic_version statements, their quoted
   values are masked, the statements sorted, and one line with the step's effect
   on the table (rows removed, rows added) is appended: the statement shapes and
   the resulting table are compared, not Alembic's arbitrary pick.
6. The revision list of the error `Requested revision X overlaps with other
   requested revisions A, B` is sorted. Alembic builds it from a set of revision
   objects, which hash by identity: not even PYTHONHASHSEED makes it repeatable.
7. Known Alembic 1.8 / SQLAlchemy 1.4 difference (retort-cli follows 1.13 /
   SQLAlchemy 2.0): with SQLAlchemy < 2, SQLite's version INSERT has no
   `RETURNING version_num`; it is removed from both sides then.
   (The other known difference, recursive_version_locations being ignored by
   Alembic < 1.10, is handled in conformance.py by giving retort-cli a copy of
   the ini without that option.)
8. Full offline SQL (projects with bodies, case kind "sql"): the output is cut
   into statements (a statement ends with the line that ends with `;`; `--`
   comment lines between statements stand alone) and every run of whitespace
   inside a statement, line breaks and indentation included, becomes one space:
   the statements and their order are compared, not the layout. Items 1, 5 and 7
   apply as for plans (the alembic_version statements of a step that writes
   several are masked and sorted, with their effect on the table appended).
   Two more spots where Alembic uses set order (oracle rule 5): in the
   `CREATE TABLE _alembic_tmp_x (...)` of SQLite's batch "move and copy" the
   `CONSTRAINT` clauses after the primary key are sorted (Alembic collects the
   copy_from table's constraints in a set of objects, hashed by identity), and
   runs of consecutive `CREATE [UNIQUE] INDEX` statements are sorted (the
   indexes re-created after a batch come from a set too).
"""

import re

QUOTED = re.compile(r"'[^']*'")
GROUP = re.compile(r"\(([^()]*)\)")
OVERLAPS = re.compile(r"^(FAILED: Requested revision \S+ overlaps with other requested revisions )(.*)$")


class Normaliser:
    def __init__(self, project_paths, labels, sqlalchemy_major=2):
        self.paths = sorted({p for p in project_paths if p}, key=len, reverse=True)
        self.labels = set(labels)
        self.sqlalchemy_major = sqlalchemy_major

    def paths_out(self, text):
        for p in self.paths:
            text = text.replace(p, "{project}")
        return text

    def sort_label_groups(self, line):
        def repl(m):
            items = m.group(1).split(", ")
            rest = line[m.end():]
            if len(items) > 1 and all(i in self.labels for i in items) \
                    and not rest.startswith(" ->"):
                return "(" + ", ".join(sorted(items)) + ")"
            return m.group(0)
        return GROUP.sub(repl, line)

    def text(self, text):
        text = self.paths_out(text.replace("\r\n", "\n"))
        lines = []
        for line in text.split("\n"):
            line = self.sort_label_groups(line)
            for key in ("Branch names: ", "Branches into: "):
                if line.startswith(key):
                    line = key + ", ".join(sorted(line[len(key):].split(", ")))
            lines.append(line)
        return "\n".join(self.sort_child_lines(lines))

    @staticmethod
    def sort_child_lines(lines):
        out = []
        i = 0
        child = re.compile(r"^ +-> ")
        while i < len(lines):
            if not child.match(lines[i]):
                out.append(lines[i])
                i += 1
                continue
            entries = []
            while i < len(lines) and lines[i] != "":
                if child.match(lines[i]) or not entries:
                    entries.append([lines[i]])
                else:
                    entries[-1].append(lines[i])
                i += 1
            for entry in sorted(entries):
                out.extend(entry)
        return out

    def plan(self, text):
        """The `-- Running` lines and alembic_version statements, normalised."""
        text = self.paths_out(text.replace("\r\n", "\n"))
        steps = [[None, []]]
        for line in text.split("\n"):
            line = line.rstrip()
            if line.startswith("-- Running "):
                steps.append([line, []])
            elif "alembic_version" in line:
                if self.sqlalchemy_major < 2:
                    line = line.replace(") RETURNING version_num;", ");")
                steps[-1][1].append(line)
        return "\n".join(self.steps_out(steps))

    def sql(self, text):
        """Every statement, whitespace collapsed (item 8)."""
        text = self.paths_out(text.replace("\r\n", "\n"))
        steps = [[None, []]]
        current = []
        for line in text.split("\n"):
            if not current and line.startswith("-- "):
                if line.startswith("-- Running "):
                    steps.append([line.rstrip(), []])
                else:
                    steps[-1][1].append(line.rstrip())
                continue
            if not line.strip() and not current:
                continue
            current.append(line)
            if line.rstrip().endswith(";"):
                steps[-1][1].append(self.collapse(" ".join(current)))
                current = []
        if current:
            steps[-1][1].append(self.collapse(" ".join(current)))
        for step in steps:
            step[1] = self.sort_index_runs(step[1])
        return "\n".join(self.steps_out(steps))

    @staticmethod
    def sort_constraints(statement):
        start, end = statement.find("("), statement.rfind(")")
        items, depth, last = [], 0, start + 1
        for i in range(start + 1, end):
            ch = statement[i]
            depth += ch == "("
            depth -= ch == ")"
            if ch == "," and depth == 0:
                items.append(statement[last:i].strip())
                last = i + 1
        items.append(statement[last:end].strip())
        pk = next((n for n, item in enumerate(items) if "PRIMARY KEY" in item), None)
        if pk is None:
            return statement
        tail = items[pk + 1:]
        named = sorted(item for item in tail if item.startswith("CONSTRAINT "))
        items = items[:pk + 1] + named + [item for item in tail if item not in named]
        return "%s( %s )%s" % (statement[:start], ", ".join(items), statement[end + 1:])

    @staticmethod
    def sort_index_runs(statements):
        out, run = [], []
        for s in statements + [None]:
            if s is not None and s.startswith(("CREATE INDEX ", "CREATE UNIQUE INDEX ")):
                run.append(s)
                continue
            out.extend(sorted(run))
            run = []
            if s is not None:
                out.append(s)
        return out

    def collapse(self, statement):
        statement = " ".join(statement.split())
        if statement.startswith("CREATE TABLE _alembic_tmp_"):
            statement = self.sort_constraints(statement)
        if self.sqlalchemy_major < 2 and "alembic_version" in statement:
            statement = statement.replace(") RETURNING version_num;", ");")
        return statement

    def steps_out(self, steps):
        out = []
        for head, statements in steps:
            if head is not None:
                out.append(head)
            rows = [s for s in statements if s.startswith(("INSERT", "UPDATE", "DELETE"))
                    and "alembic_version" in s]
            if len(rows) < 2:
                out.extend(statements)
                continue
            others = [s for s in statements if s not in rows]
            out.extend(others)
            out.extend(sorted(QUOTED.sub("'?'", s) for s in rows))
            out.append("-- effect on alembic_version: " + self.effect(rows))
        return out

    @staticmethod
    def effect(rows):
        removed, added = [], []
        for s in rows:
            values = re.findall(r"'([^']*)'", s)
            if s.startswith("DELETE") and len(values) == 1:
                removed.append(values[0])
            elif s.startswith("UPDATE") and len(values) == 2:
                added.append(values[0])
                removed.append(values[1])
            elif s.startswith("INSERT") and len(values) == 1:
                added.append(values[0])
            else:
                return "unrecognised statement: " + s
        return "remove %s; add %s" % (" ".join(sorted(removed)) or "-",
                                      " ".join(sorted(added)) or "-")

    def failures(self, text):
        """The `FAILED:` lines of an error."""
        out = []
        for line in self.paths_out(text.replace("\r\n", "\n")).split("\n"):
            if line.startswith("FAILED:"):
                m = OVERLAPS.match(line.rstrip())
                if m:
                    line = m.group(1) + ", ".join(sorted(m.group(2).split(", ")))
                out.append(line.rstrip())
        return out
