#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Turn an oracle "expected" folder into a plan reference file for tst_migrationplanner.

    python3 ../shared/oracle/gen.py --seed 1 --out /tmp/p1
    ../shared/oracle/debian13-root.sh /var/tmp/retort-trixie run \
        python3 ../shared/oracle/oracle.py /tmp/p1 --out /tmp/p1.expected --paths 60
    tests/core/data/plans/make_reference.py /tmp/p1.expected > tests/core/data/plans/seed1.json

The result holds the graph as real Alembic read it (file order, declared down
revisions, depends_on and branch labels) and every plan case of paths.json: the
command-line arguments and either the expected plan (the `-- Running` lines and the
statements mentioning alembic_version, whitespace collapsed) or the expected error.
Cases where Alembic itself crashed are kept with "crash": true (any failure passes).

tst_offlinescriptwriter checks every *.json here; to check more seeds without adding
them to the source tree, write them to a folder and point RETORT_PLAN_REFERENCES at it:

    RETORT_PLAN_REFERENCES=/tmp/planref build/tests/core/tst_offlinescriptwriter
"""

import json
import sys


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_reference.py EXPECTED_DIR")
    folder = sys.argv[1]
    with open(folder + "/graph.json", encoding="utf-8") as f:
        graph = json.load(f)
    with open(folder + "/paths.json", encoding="utf-8") as f:
        paths = json.load(f)
    with open(folder + "/meta.json", encoding="utf-8") as f:
        meta = json.load(f)

    by_id = {r["id"]: r for r in graph["revisions"]}
    revisions = [{"id": rid,
                  "down": by_id[rid]["down"],
                  "depends_on": by_id[rid]["depends_on"],
                  "branch_labels": by_id[rid]["declared_labels"]}
                 for rid in graph["order"]]
    cases = []
    for case in paths:
        out = {"name": case["name"], "args": case["args"]}
        if "error" in case:
            if case["error_kind"] == "command":
                out["error"] = case["error"]
            else:
                out["crash"] = True
        else:
            out["plan"] = case["plan_text"]
        cases.append(out)
    # One revision / case per line: compact, and diffs stay readable.
    def dump(value):
        return json.dumps(value, ensure_ascii=False)

    out = sys.stdout
    out.write('{"alembic": %s,\n "revisions": [\n  ' % dump(meta.get("versions", {})))
    out.write(",\n  ".join(dump(r) for r in revisions))
    out.write('],\n "cases": [\n  ')
    out.write(",\n  ".join(dump(c) for c in cases))
    out.write("]}\n")


if __name__ == "__main__":
    main()
