# SPDX-License-Identifier: GPL-3.0-or-later
"""Realistic upgrade()/downgrade() bodies for generated projects (genproject.py --bodies).

Every body renders offline on SQLite, PostgreSQL and MySQL, and every downgrade()
undoes its upgrade(). Tables belong to one line of descent: a revision takes over
the tables of a parent only if no earlier child of that parent took them, so two
branches never touch the same table and any upgrade order Alembic may pick gives
the same schema. Foreign keys only point at tables of the same line.

The generator keeps a model of every table (columns, constraints, indexes), because
SQLite's batch "move and copy" needs the complete table as `copy_from=` in --sql
mode (there is no database to reflect). Its own random stream (derived from the
seed) leaves the graph and headers of a seed unchanged by --bodies.
"""

import random

TABLE_STEMS = ["customers", "orders", "invoices", "products", "events", "tickets",
               "coupons", "payments", "shipments", "accounts", "devices", "reviews"]

# types of the nullable columns that add_column adds
EXTRA_TYPES = ["sa.Integer()", "sa.BigInteger()", "sa.String(length=40)", "sa.Text()",
               "sa.Numeric(precision=10, scale=2)", "sa.Date()"]


class Table:
    def __init__(self, name, pk_name):
        self.name = name
        self.pk_name = pk_name
        self.columns = []       # dicts: name, type, nullable, default, pk
        self.uniques = []       # (name, [cols])
        self.checks = []        # (name, sql)
        self.fks = []           # (name, [cols], table, [cols])
        self.indexes = []       # (name, [cols], unique)
        self.rows = 0           # ids used by inserts

    def column_source(self, c):
        parts = [repr(c["name"]), c["type"]]
        if c.get("default"):
            parts.append("server_default=%s" % c["default"])
        parts.append("nullable=%s" % c["nullable"])
        return "sa.Column(%s)" % ", ".join(parts)

    def constraint_sources(self):
        out = []
        for name, cols, ref, refcols in self.fks:
            out.append("sa.ForeignKeyConstraint(%r, %r, name=%r)" % (
                cols, ["%s.%s" % (ref, c) for c in refcols], name))
        out.append("sa.PrimaryKeyConstraint('id', name=%r)" % self.pk_name)
        for name, cols in self.uniques:
            out.append("sa.UniqueConstraint(%s, name=%r)" % (", ".join(map(repr, cols)), name))
        for name, sql in self.checks:
            out.append("sa.CheckConstraint(%r, name=%r)" % (sql, name))
        return out

    def table_source(self, var):
        lines = ["%s = sa.Table(" % var, "    %r," % self.name, "    sa.MetaData(),"]
        lines += ["    %s," % self.column_source(c) for c in self.columns]
        lines += ["    %s," % s for s in self.constraint_sources()]
        for name, cols, unique in self.indexes:
            lines.append("    sa.Index(%r, %s%s)," % (name, ", ".join(map(repr, cols)),
                                                     ", unique=True" if unique else ""))
        lines.append(")")
        return lines

    def used_columns(self):
        used = {"id", "name"}
        for _, cols in self.uniques:
            used.update(cols)
        for _, cols, _, _ in self.fks:
            used.update(cols)
        for _, cols, _ in self.indexes:
            used.update(cols)
        for _, sql in self.checks:
            used.add(sql.split()[0])
        return used


class BodyGenerator:
    """Writes the bodies of all revisions, in the generator's topological order."""

    def __init__(self, seed):
        self.rng = random.Random(seed * 7919 + 17)
        self.counter = 0
        self.pools = {}         # revision id -> {table name: Table}, not yet taken over

    def next_name(self, prefix):
        self.counter += 1
        return "%s_%d" % (prefix, self.counter)

    def bodies(self, revisions):
        """{revision id: (prelude lines, upgrade lines, downgrade lines)}."""
        out = {}
        for rev in revisions:
            pool = {}
            for p in rev.parents:
                pool.update(self.pools.pop(p, {}))
            out[rev.id] = self.body(rev, pool)
            self.pools[rev.id] = pool
        return out

    def body(self, rev, pool):
        rng = self.rng
        prelude, up, down = [], [], []
        count = 0 if len(rev.parents) > 1 and rng.random() < 0.6 else rng.choice([1, 1, 2, 3])
        for _ in range(count):
            kinds = ["create"]
            if pool:
                kinds += ["index", "add", "add", "drop", "insert", "bulk", "update", "rename",
                          "create"]
            kind = rng.choice(kinds)
            step = getattr(self, "op_" + kind)(pool, prelude)
            if step is None:
                continue
            u, d = step
            up.extend(u)
            down[:0] = d
        return prelude, up or ["pass"], down or ["pass"]

    # -- operations: each returns (upgrade lines, downgrade lines) or None ---------------
    def op_create(self, pool, prelude):
        rng = self.rng
        name = self.next_name(rng.choice(TABLE_STEMS))
        t = Table(name, "pk_" + name)
        id_type = rng.choice(["sa.Integer()", "sa.Integer()", "sa.BigInteger()"])
        t.columns.append({"name": "id", "type": id_type, "nullable": False})
        length = rng.choice([50, 100, 255])
        t.columns.append({"name": "name", "type": "sa.String(length=%d)" % length,
                          "nullable": False})
        optional = [
            {"name": "active", "type": "sa.Boolean()", "nullable": False,
             "default": "sa.text('true')"},
            {"name": "created_at", "type": "sa.DateTime(timezone=True)", "nullable": False,
             "default": "sa.text('CURRENT_TIMESTAMP')"},
            {"name": "amount", "type": "sa.Numeric(precision=12, scale=2)", "nullable": True},
            {"name": "notes", "type": "sa.Text()", "nullable": True},
            {"name": "born_on", "type": "sa.Date()", "nullable": True},
            {"name": "qty", "type": "sa.SmallInteger()", "nullable": False,
             "default": "sa.text('0')"},
            {"name": "code", "type": "sa.String(length=20)", "nullable": True},
        ]
        for c in optional:
            if rng.random() < 0.5:
                t.columns.append(c)
        cols = [c["name"] for c in t.columns]
        if "amount" in cols and rng.random() < 0.6:
            t.checks.append((self.next_name("ck"), "amount >= 0"))
        if "qty" in cols and rng.random() < 0.5:
            t.checks.append((self.next_name("ck"), "qty < 1000"))
        if rng.random() < 0.5:
            t.uniques.append((self.next_name("uq"), ["code"] if "code" in cols else ["name"]))
        if pool and rng.random() < 0.6:
            ref = rng.choice(sorted(pool))
            ref_type = pool[ref].columns[0]["type"]
            col = "%s_id" % ref.rsplit("_", 1)[0].rstrip("s")
            if col not in cols:
                t.columns.append({"name": col, "type": ref_type, "nullable": True})
                t.fks.append((self.next_name("fk"), [col], ref, ["id"]))
        pool[name] = t
        up = ["op.create_table("]
        up.append("    %r," % name)
        up += ["    %s," % t.column_source(c) for c in t.columns]
        up += ["    %s," % s for s in t.constraint_sources()]
        up.append(")")
        return up, ["op.drop_table(%r)" % name]

    def op_index(self, pool, prelude):
        rng = self.rng
        t = pool[rng.choice(sorted(pool))]
        candidates = [c["name"] for c in t.columns
                      if c["type"] != "sa.Text()" and c["name"] != "id"
                      and not any(c["name"] in cols for _, cols, _ in t.indexes)]
        if not candidates:
            return None
        col = rng.choice(candidates)
        name = self.next_name("ix")
        # unique only where no two rows can share a value (NULLs never clash)
        unique = col == "code" and rng.random() < 0.5
        t.indexes.append((name, [col], unique))
        return (["op.create_index(%r, %r, [%r], unique=%s)" % (name, t.name, col, unique)],
                ["op.drop_index(%r, table_name=%r)" % (name, t.name)])

    def op_add(self, pool, prelude):
        rng = self.rng
        t = pool[rng.choice(sorted(pool))]
        type_src = rng.choice(EXTRA_TYPES)
        col = {"name": self.next_name("extra"), "type": type_src, "nullable": True}
        t.columns.append(col)
        after = self.snapshot(t, prelude)
        return (["op.add_column(%r, %s)" % (t.name, t.column_source(col))],
                ["with op.batch_alter_table(%r, copy_from=%s) as batch_op:" % (t.name, after),
                 "    batch_op.drop_column(%r)" % col["name"]])

    def op_drop(self, pool, prelude):
        rng = self.rng
        t = pool[rng.choice(sorted(pool))]
        used = t.used_columns()
        candidates = [c for c in t.columns if c["name"] not in used and c["nullable"]]
        if not candidates:
            return None
        col = rng.choice(candidates)
        before = self.snapshot(t, prelude)
        t.columns.remove(col)
        return (["with op.batch_alter_table(%r, copy_from=%s) as batch_op:" % (t.name, before),
                 "    batch_op.drop_column(%r)" % col["name"]],
                ["op.add_column(%r, %s)" % (t.name, t.column_source(col))])

    def snapshot(self, t, prelude):
        var = "%s_v%d" % (t.name, self.counter)
        self.counter += 1
        prelude.extend(t.table_source(var))
        return var

    def op_insert(self, pool, prelude):
        rng = self.rng
        t = pool[rng.choice(sorted(pool))]
        t.rows += 1
        value = "row %d of %s" % (t.rows, t.name)
        insert = "INSERT INTO %s (id, name) VALUES (%d, '%s')" % (t.name, 1000 + t.rows, value)
        delete = "DELETE FROM %s WHERE id = %d" % (t.name, 1000 + t.rows)
        return ["op.execute(%r)" % insert], ["op.execute(%r)" % delete]

    def op_update(self, pool, prelude):
        rng = self.rng
        t = pool[rng.choice(sorted(pool))]
        return (["op.execute(\"UPDATE %s SET name = 'renamed' WHERE name = 'old'\")" % t.name],
                ["op.execute(\"UPDATE %s SET name = 'old' WHERE name = 'renamed'\")" % t.name])

    def op_bulk(self, pool, prelude):
        rng = self.rng
        t = pool[rng.choice(sorted(pool))]
        rows = []
        ids = []
        for _ in range(rng.randint(1, 3)):
            t.rows += 1
            ids.append(1000 + t.rows)
            name = rng.choice(["alpha", "O'Brien", "caf\u00e9", "line two", "50% off"])
            rows.append("{'id': %d, 'name': %r}" % (ids[-1], "%s %d" % (name, ids[-1])))
        up = ["op.bulk_insert(",
              "    sa.table(%r, sa.column('id', sa.Integer()), sa.column('name', sa.String())),"
              % t.name,
              "    [%s]," % ", ".join(rows),
              ")"]
        down = ["op.execute(%r)" % ("DELETE FROM %s WHERE id IN (%s)" % (
            t.name, ", ".join(str(i) for i in ids)))]
        return up, down

    def op_rename(self, pool, prelude):
        rng = self.rng
        old = rng.choice(sorted(pool))
        t = pool.pop(old)
        new = self.next_name(old.rsplit("_", 1)[0] + "_v")
        t.name = new
        pool[new] = t
        for other in pool.values():
            other.fks = [(n, c, new if ref == old else ref, rc) for n, c, ref, rc in other.fks]
        return (["op.rename_table(%r, %r)" % (old, new)],
                ["op.rename_table(%r, %r)" % (new, old)])


def render(prelude, up, down, annotated):
    """The module-level prelude and the two functions as source lines."""
    ret = " -> None" if annotated else ""
    lines = []
    if prelude:
        lines += ["", "# Complete tables for SQLite's batch move and copy "
                  "(no reflection in --sql)."]
        lines += prelude
    lines += ["", "", "def upgrade()%s:" % ret]
    lines += ["    " + line for line in up]
    lines += ["", "", "def downgrade()%s:" % ret]
    lines += ["    " + line for line in down]
    return lines
