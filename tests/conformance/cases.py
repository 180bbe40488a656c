# SPDX-License-Identifier: GPL-3.0-or-later
"""Chooses the command lines a generated project is checked with.

The choice depends only on the project model and the seed, never on what Alembic
answers: valid and invalid identifiers, ranges and upgrade/downgrade pairs are
picked from the graph, and whether a case is a success or an error is whatever the
Alembic under test says.

A case is a dict: name, kind ("text" = whole stdout compared, "plan" = only the
`-- Running` lines and the alembic_version statements, "sql" = every statement,
for projects generated with bodies), "alembic" (the argv after
Alembic's global options) and "retort" (the same for retort-cli; it differs only
for plans, where Alembic takes the dialect through `-x url=` and env.py while
retort-cli takes `--dialect`).
"""

import random

UNKNOWN_ID = "fedcba987654"


class GraphFacts:
    """Parents/children/labels of the generated graph, for picking arguments."""

    def __init__(self, project):
        self.project = project
        self.revs = project.revisions
        self.by_id = {r.id: r for r in self.revs}
        self.children = {r.id: [] for r in self.revs}
        for r in self.revs:
            for p in r.parents:
                self.children[p].append(r.id)
        self.ids = [r.id for r in self.revs]
        self.heads = [r.id for r in self.revs if not self.children[r.id]]
        self.bases = [r.id for r in self.revs if not r.parents]
        self.labels = {label: r.id for r in self.revs for label in r.labels}
        self.keys = self.ids + list(self.labels)
        self._anc = {}

    def ancestors(self, rid):
        """Versioned ancestors of rid, rid included."""
        if rid not in self._anc:
            seen = set()
            todo = [rid]
            while todo:
                x = todo.pop()
                if x not in seen:
                    seen.add(x)
                    todo.extend(self.by_id[x].parents)
            self._anc[rid] = seen
        return self._anc[rid]

    def descendants(self, rid):
        return {r for r in self.ids if rid in self.ancestors(r)}

    def walk_limit(self, rid, up):
        """How far `rid+N` (up) or `rid-N` (down) can walk before Alembic itself
        crashes (walking past a head or down to exactly base raises an
        AssertionError); a fork on the way makes any N a clean `Ambiguous walk`."""
        steps = 0
        x = rid
        while True:
            nxt = self.children[x] if up else self.by_id[x].parents
            if not nxt:
                return steps
            if len(nxt) > 1:
                return steps + 2
            x = nxt[0]
            steps += 1

    def unique_prefix(self, rid, rng):
        """A prefix of rid that no other key longer than 3 characters shares."""
        others = [k for k in self.keys if k != rid and len(k) > 3]
        for n in range(1, len(rid)):
            if not any(k.startswith(rid[:n]) for k in others):
                return rid[:rng.randint(n, max(n, len(rid) - 1))]
        return None

    def ambiguous_prefixes(self):
        found = set()
        long_keys = [k for k in self.keys if len(k) > 3]
        for a in long_keys:
            for b in long_keys:
                if a < b:
                    n = 0
                    while n < min(len(a), len(b)) and a[n] == b[n]:
                        n += 1
                    if n >= 4:
                        found.add(a[:n])
        return sorted(found)


class CaseBuilder:
    def __init__(self, project):
        self.facts = GraphFacts(project)
        self.rng = random.Random("cases-%d" % project.seed)
        self.cases = []
        self.names = set()

    def add(self, name, kind, alembic, retort=None):
        base = name
        n = 2
        while name in self.names:
            name = "%s-%d" % (base, n)
            n += 1
        self.names.add(name)
        self.cases.append({"name": name, "kind": kind, "alembic": alembic,
                           "retort": retort if retort is not None else alembic})

    def pick(self, seq, k=1):
        seq = list(seq)
        if not seq:
            return []
        return self.rng.sample(seq, min(k, len(seq)))

    def build(self):
        self.listings()
        self.shows()
        self.histories()
        self.upgrades()
        self.downgrades()
        if self.facts.project.bodies:
            self.full_sql()
        return self.cases

    def full_sql(self):
        """The whole offline SQL of the project per dialect: every upgrade, and every
        head (all heads at once when there is only one) down to base."""
        heads = [h for h in self.facts.heads if not self.facts.by_id[h].subdir]
        starts = heads if len(heads) > 1 else ["heads"]
        for dialect in ("sqlite", "postgresql", "mysql"):
            ranges = [("upgrade", "base:heads", "sql-upgrade-" + dialect)]
            ranges += [("downgrade", "%s:base" % s, "sql-downgrade-%s-%s" % (dialect, s))
                       for s in starts]
            for command, rng_arg, name in ranges:
                self.add(name, "sql", ["-x", "url=%s://" % dialect, command, rng_arg, "--sql"],
                         [command, rng_arg, "--sql", "--dialect", dialect])

    def listings(self):
        rng = self.rng
        verbose = lambda: rng.choice(["-v", "--verbose"])
        self.add("heads", "text", ["heads"])
        self.add("heads-verbose", "text", ["heads", verbose()])
        self.add("heads-resolve-dependencies", "text", ["heads", "--resolve-dependencies"])
        self.add("branches", "text", ["branches"])
        self.add("branches-verbose", "text", ["branches", verbose()])
        self.add("history", "text", ["history"])
        self.add("history-verbose", "text", ["history", verbose()])

    def identifiers(self):
        """Identifiers for `show`, each a (case-name, text) pair."""
        f = self.facts
        rng = self.rng
        out = [("head", "head"), ("heads", "heads"), ("base", "base"),
               ("unknown", UNKNOWN_ID), ("unknown-label", "nosuch@head")]
        for rid in self.pick(f.ids, 3):
            out.append(("id", rid))
        for rid in self.pick(f.ids, 2):
            prefix = f.unique_prefix(rid, rng)
            if prefix:
                out.append(("prefix", prefix))
        for prefix in self.pick(f.ambiguous_prefixes(), 2):
            out.append(("ambiguous", prefix))
        rid = rng.choice(f.ids)
        out.append(("short-prefix", rid[:rng.randint(1, 3)]))
        for label in self.pick(f.labels, 2):
            out.append(("label", label))
            out.append(("label-head", label + "@head"))
            if len(label) > 4:
                out.append(("label-prefix", label[:rng.randint(2, len(label) - 1)]))
        for label in self.pick(f.labels, 1):
            out.append(("label-base", label + "@base"))
            out.append(("label-heads", label + "@heads"))
            out.append(("label-id", "%s@%s" % (label, rng.choice(f.ids))))
        for rid in self.pick(f.ids, 1):
            out.append(("id-head", rid + "@head"))
        if rng.random() < 0.3:
            out.append(("negative", "-1"))
        return out

    def shows(self):
        for name, ident in self.identifiers():
            self.add("show-" + name, "text", ["show", ident])

    def range_text(self, start, end):
        return "%s:%s" % (start, end)

    def histories(self):
        f = self.facts
        rng = self.rng
        ranges = [":", "base:heads", "heads:heads", "base:base", ":head"]
        for rid in self.pick(f.ids, 4):
            anc = sorted(f.ancestors(rid))
            lower = rng.choice(anc)
            ranges.append(self.range_text(lower, rid))          # valid
            if lower != rid:
                ranges.append(self.range_text(rid, lower))      # reversed
        for rid in self.pick(f.ids, 2):
            ranges.append(rid + ":")
            ranges.append(":" + rid)
        for rid in self.pick(f.ids, 2):
            ranges.append("%s:+%d" % (rid, rng.randint(1, 3)))
        a, b = rng.choice(f.ids), rng.choice(f.ids)
        ranges.append(self.range_text(a, b))                     # random, often unrelated
        for label in self.pick(f.labels, 1):
            ranges.append(label + "@base:")
            ranges.append(":%s@head" % label)
            ranges.append("%s@head:" % label)
            ranges.append("%s:%s@+1" % (f.labels[label], label))
        ranges.append(rng.choice(f.ids))                         # no colon: an error
        ranges.append(UNKNOWN_ID + ":")
        for n, r in enumerate(ranges):
            args = ["history", "-r", r] if not r.startswith("-") else ["history", "--rev-range=" + r]
            if rng.random() < 0.25:
                args.append("-v")
            self.add("history-r-%d" % (n + 1), "text", args)
        self.add("history-r-negative", "text", ["history", "--rev-range=-%d:" % rng.randint(1, 2)])

    def plan(self, name, command, start, target):
        dialect = self.rng.choices(["sqlite", "postgresql", "mysql"], [60, 25, 15])[0]
        rng_arg = "%s:%s" % (start, target)
        self.add(name, "plan",
                 ["-x", "url=%s://" % dialect, command, rng_arg, "--sql"],
                 [command, rng_arg, "--sql", "--dialect", dialect])

    def upgrades(self):
        f = self.facts
        rng = self.rng
        targets = ["heads", "head", "+1", "+2", "+%d" % rng.randint(3, 6)]
        targets += self.pick(f.ids, 4)
        for label in self.pick(f.labels, 2):
            targets += [label + "@head", label, "%s@+%d" % (label, rng.randint(1, 2))]
        for label in self.pick(f.labels, 1):
            targets += [label + "@head-1", "%s@%s" % (label, rng.choice(f.ids))]
        for rid in self.pick([r for r in f.ids if f.walk_limit(r, True)], 2):
            targets.append("%s+%d" % (rid, rng.randint(1, min(3, f.walk_limit(rid, True)))))
        for rid in self.pick([r for r in f.ids if f.walk_limit(r, False)], 2):
            targets.append("%s-%d" % (rid, rng.randint(1, min(3, f.walk_limit(rid, False)))))
        targets.append("head-1")
        targets.append(UNKNOWN_ID[:8])
        for n, target in enumerate(targets):
            start = "base"
            if rng.random() < 0.4:
                start = rng.choice(f.ids)
                resolved = f.labels.get(target.split("@")[0], target)
                if resolved in f.by_id and rng.random() < 0.7:
                    anc = sorted(f.ancestors(resolved))
                    start = rng.choice(anc)
            self.plan("upgrade-%d" % (n + 1), "upgrade", start, target)
        self.plan("upgrade-from-heads", "upgrade", "heads", "heads")

    def downgrades(self):
        f = self.facts
        rng = self.rng
        starts = self.pick(f.heads, 3) + self.pick(f.ids, 3)
        n = 0
        for start in starts:
            anc = sorted(f.ancestors(start))
            choices = ["base", "-1", "-%d" % rng.randint(2, 4), rng.choice(anc)]
            below = rng.choice(anc)
            choices.append("%s-1" % below)
            choices.append("%s+1" % below)
            labels_here = [label for label, rid in f.labels.items() if rid in anc]
            if labels_here:
                label = rng.choice(labels_here)
                choices += [label + "@base", label + "@-1", "%s@%s" % (label, below),
                            "%s@%s-1" % (label, start)]
            others = [x for x in f.ids if x not in anc]
            if others:
                choices.append(rng.choice(others))      # not below the start: an error
            choices.append("+1")
            choices.append(start)
            for target in self.pick(choices, 4):
                n += 1
                self.plan("downgrade-%d" % n, "downgrade", start, target)
        self.plan("downgrade-from-heads", "downgrade", "heads", "base")


def build_cases(project):
    return CaseBuilder(project).build()
