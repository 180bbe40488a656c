#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Retort's own conformance suite: generated Alembic projects, real Alembic's
answers, retort-cli's answers, compared case by case.

    conformance.py --retort-cli PATH [--seeds 1-40]     record with the local
                                                          Alembic and compare
    conformance.py --record DIR [--seeds 1-40]          only record (e.g. inside
                                                          a Debian 13 root)
    conformance.py --compare DIR --retort-cli PATH      compare with a recording
    conformance.py --alembic-vs-alembic [--seeds ...]   Alembic with two hash seeds
                                                          against itself: shows that
                                                          the normalisations suffice

For each seed, genproject.py writes a project, cases.py picks the command lines,
alembicrunner.py answers them all with the Alembic of this Python (one process per
project, PYTHONHASHSEED=0), and retort-cli answers each one; normalise.py lists
what is normalised before comparing, and why. The expected answer is always what
the Alembic under test prints; retort-cli follows Alembic 1.13, so the known
differences of Alembic 1.8 are normalised (normalise.py, item 6) or avoided
(recursive_version_locations: retort-cli then reads a copy of the ini without it).

Exit status: 0 all passed, 1 a case failed, 77 Alembic is not importable (the
suite is skipped; when the environment variable CI is set this is a failure
instead, status 1), 2 bad usage.
"""

import argparse
import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import genproject  # noqa: E402
import cases as casegen  # noqa: E402
from normalise import Normaliser  # noqa: E402

SKIP_STATUS = 77
NORECURSE_INI = "alembic-norecurse.ini"


def parse_seeds(text):
    seeds = []
    for part in text.split(","):
        part = part.strip()
        if "-" in part:
            lo, hi = part.split("-", 1)
            seeds.extend(range(int(lo), int(hi) + 1))
        elif part:
            seeds.append(int(part))
    return seeds


def version_tuple(text):
    out = []
    for piece in text.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        out.append(int(digits or 0))
    return tuple(out)


def run_alembic(folder, project, cases, hash_seed="0"):
    """Runs every case through Alembic in one worker process; returns the
    worker's {"meta", "results"}."""
    spec = {"ini": project.ini_name, "global_args": project.global_args(), "cases": cases}
    spec_path = os.path.join(folder, "cases.json")
    out_path = os.path.join(folder, "alembic-%s.json" % hash_seed)
    with open(spec_path, "w", encoding="utf-8") as f:
        json.dump(spec, f, ensure_ascii=False, indent=1)
    env = dict(os.environ, PYTHONHASHSEED=hash_seed, PYTHONIOENCODING="utf-8")
    env.pop("PYTHONPATH", None)
    proc = subprocess.run(
        [sys.executable, os.path.join(HERE, "alembicrunner.py"), "--project",
         os.path.join(folder, "project"), "--cases", spec_path, "--out", out_path],
        env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError("alembicrunner failed (%d):\n%s" % (proc.returncode, proc.stderr))
    with open(out_path, encoding="utf-8") as f:
        return json.load(f)


def record(seed, folder, hash_seed="0", with_bodies=False):
    """Generates the project of SEED (with bodies: genproject.py --bodies) in
    FOLDER/project and records Alembic's answers in FOLDER/expected.json."""
    if os.path.exists(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)
    project_dir = os.path.join(folder, "project")
    project = genproject.generate(seed, project_dir, with_bodies=with_bodies)
    cases = casegen.build_cases(project)
    answer = run_alembic(folder, project, cases, hash_seed)
    data = {"seed": seed, "project_dir": project_dir,
            "project_realpath": os.path.realpath(project_dir),
            "model": project.to_json(), "cases": cases,
            "meta": answer["meta"], "results": answer["results"]}
    with open(os.path.join(folder, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
    return data


class Outcome:
    def __init__(self, seed):
        self.seed = seed
        self.passed = 0
        self.failed = []        # (case, detail)
        self.skipped = []       # (case, exception)
        self.summary = ""


class RetortCli:
    def __init__(self, path, timeout=30):
        self.path = path
        self.timeout = timeout

    def run(self, project_dir, ini, global_args, args):
        argv = [self.path, "-c", os.path.join(project_dir, ini)] + global_args + args
        try:
            proc = subprocess.run(argv, cwd=project_dir, stdin=subprocess.DEVNULL,
                                  capture_output=True, timeout=self.timeout)
        except subprocess.TimeoutExpired:
            return {"stdout": "", "stderr": "(timed out after %ds)" % self.timeout,
                    "status": -1}
        return {"stdout": proc.stdout.decode("utf-8", "replace"),
                "stderr": proc.stderr.decode("utf-8", "replace"),
                "status": proc.returncode}


def retort_ini(data, project_dir):
    """The ini retort-cli reads. Alembic < 1.10 ignores recursive_version_locations
    (retort-cli, like 1.13, honours it): then retort-cli gets a copy without it."""
    model = data["model"]
    if not model["recursive"] or version_tuple(data["meta"]["alembic"]) >= (1, 10):
        return model["ini_name"]
    with open(os.path.join(project_dir, model["ini_name"]), encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("recursive_version_locations")]
    with open(os.path.join(project_dir, NORECURSE_INI), "w", encoding="utf-8") as f:
        f.writelines(lines)
    return NORECURSE_INI


def compare_case(case, expected, got, norm):
    """Returns None when the answers agree, else a description of the difference."""
    exp_out = expected["stdout"]
    if expected["status"] != 0:
        want = norm.failures(exp_out)
        have = norm.failures(got["stdout"] + "\n" + got["stderr"])
        if got["status"] == 0:
            return "expected an error (%s), retort-cli exited 0" % (
                want[0] if want else "exit %d" % expected["status"])
        if want != have:
            return "error text differs:\n  expected: %s\n  got:      %s\n  stderr:   %s" % (
                "\n            ".join(want) or "(no FAILED: line)",
                "\n            ".join(have) or "(no FAILED: line)",
                got["stderr"].strip()[:300])
        return None
    if got["status"] != 0:
        return "retort-cli exited %d: %s" % (
            got["status"], (got["stderr"].strip() or got["stdout"].strip())[:400])
    if case["kind"] == "plan":
        want, have = norm.plan(exp_out), norm.plan(got["stdout"])
    elif case["kind"] == "sql":
        want, have = norm.sql(exp_out), norm.sql(got["stdout"])
    else:
        want, have = norm.text(exp_out), norm.text(got["stdout"])
    if want == have:
        return None
    diff = difflib.unified_diff(want.split("\n"), have.split("\n"),
                                "alembic", "retort-cli", lineterm="", n=2)
    lines = list(diff)
    if len(lines) > 40:
        lines = lines[:40] + ["... (%d more diff lines)" % (len(lines) - 40)]
    return "output differs:\n" + "\n".join(lines)


def compare(data, answer_for):
    """Compares the recorded Alembic answers with answer_for(case) for every case."""
    model = data["model"]
    norm = Normaliser([data["project_dir"], data["project_realpath"]],
                      genproject.Project.from_json(model).labels(),
                      version_tuple(data["meta"]["sqlalchemy"])[0])
    outcome = Outcome(data["seed"])
    for case in data["cases"]:
        expected = data["results"][case["name"]]
        if expected["status"] == 1:
            outcome.skipped.append((case, expected["exception"]))
            continue
        got = answer_for(case)
        problem = compare_case(case, expected, got, norm)
        if problem is None:
            outcome.passed += 1
        else:
            outcome.failed.append((case, problem))
    revs = model["revisions"]
    heads = sum(1 for r in revs if not any(r["id"] in o["parents"] for o in revs))
    outcome.summary = "seed %3d: %2d revisions%s, %d heads, %3d cases: %d passed, %d failed" % (
        data["seed"], len(revs), " with bodies" if model.get("bodies") else "", heads,
        len(data["cases"]), outcome.passed, len(outcome.failed))
    if outcome.skipped:
        outcome.summary += ", %d skipped (Alembic raised an exception)" % len(outcome.skipped)
    return outcome


def compare_with_retort(data, cli):
    project_dir = data["project_dir"]
    if not os.path.isdir(project_dir):
        raise RuntimeError("project %s is missing" % project_dir)
    ini = retort_ini(data, project_dir)
    global_args = data["model"]["global_args"]
    return compare(data, lambda case: cli.run(project_dir, ini, global_args, case["retort"]))


def alembic_available():
    try:
        import alembic  # noqa: F401
        import sqlalchemy  # noqa: F401
    except ImportError as e:
        return str(e)
    return None


def print_outcomes(outcomes, data_by_seed, cli_path, max_details):
    shown = 0
    for outcome in outcomes:
        for case, problem in outcome.failed:
            if shown >= max_details:
                break
            shown += 1
            data = data_by_seed[outcome.seed]
            ini = os.path.join(data["project_dir"], data["model"]["ini_name"])
            g = data["model"]["global_args"]
            print("=" * 78)
            print("FAIL seed %d %s [%s]" % (outcome.seed, case["name"], case["kind"]))
            print("alembic:    %s" % " ".join(["alembic", "-c", ini] + g + case["alembic"]))
            print("retort-cli: %s" % " ".join([cli_path, "-c", ini] + g + case["retort"]))
            print(problem)
    total_failed = sum(len(o.failed) for o in outcomes)
    if total_failed > shown:
        print("... %d more failures not shown (--max-details)" % (total_failed - shown))


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Retort conformance suite: generated projects, real Alembic vs retort-cli.")
    parser.add_argument("--retort-cli", help="the retort-cli executable")
    parser.add_argument("--seeds", default="1-40", help="e.g. 1-40 or 3,7,9 (default 1-40)")
    parser.add_argument("--bodies-seeds", default="",
                        help="more seeds, generated with realistic bodies whose whole "
                             "offline SQL is compared per dialect (e.g. 41-50)")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--record", metavar="DIR", help="only record Alembic's answers into DIR")
    mode.add_argument("--compare", metavar="DIR", help="compare retort-cli with a recording")
    mode.add_argument("--alembic-vs-alembic", action="store_true",
                      help="compare Alembic (PYTHONHASHSEED=0) with itself (PYTHONHASHSEED=1)")
    parser.add_argument("--work-dir", help="where projects are generated (default: a temporary "
                        "directory, removed afterwards)")
    parser.add_argument("--max-details", type=int, default=30,
                        help="how many failures to print in full (default 30)")
    parser.add_argument("--report", help="write every failure as JSON to this file")
    args = parser.parse_args(argv)

    body_seeds = set(parse_seeds(args.bodies_seeds))
    seeds = parse_seeds(args.seeds)
    seeds += [s for s in sorted(body_seeds) if s not in seeds]
    needs_alembic = not args.compare
    if needs_alembic:
        missing = alembic_available()
        if missing:
            in_ci = bool(os.environ.get("CI"))
            print("*" * 78)
            print("%s: Alembic is not importable by %s (%s)." % (
                "FAILED" if in_ci else "SKIPPED", sys.executable, missing))
            if in_ci:
                print("CI is set: the conformance suite must run there, not be skipped.")
            print("Install python3-alembic to run Retort's conformance suite.")
            print("*" * 78)
            return 1 if in_ci else SKIP_STATUS
    if not args.record and not args.alembic_vs_alembic and not args.retort_cli:
        parser.error("--retort-cli is required unless --record or --alembic-vs-alembic")
    cli = RetortCli(os.path.abspath(args.retort_cli)) if args.retort_cli else None
    if cli and not os.access(cli.path, os.X_OK):
        parser.error("%s is not an executable" % cli.path)

    started = time.monotonic()
    temp = None
    if args.record or args.compare:
        root = os.path.abspath(args.record or args.compare)
    elif args.work_dir:
        root = os.path.abspath(args.work_dir)
    else:
        temp = tempfile.TemporaryDirectory(prefix="retort-conformance-")
        root = temp.name
    os.makedirs(root, exist_ok=True)

    def folder(seed):
        return os.path.join(root, "seed-%d" % seed)

    def one(seed):
        if args.compare:
            path = os.path.join(folder(seed), "expected.json")
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        else:
            data = record(seed, folder(seed), with_bodies=seed in body_seeds)
        if args.record:
            return data, None
        if args.alembic_vs_alembic:
            project = genproject.Project.from_json(data["model"])
            other = run_alembic(folder(seed), project, data["cases"], "1")["results"]
            return data, compare(data, lambda case: {
                "stderr": "", **other[case["name"]]})
        return data, compare_with_retort(data, cli)

    data_by_seed = {}
    outcomes = []
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for seed, future in [(s, pool.submit(one, s)) for s in seeds]:
            data, outcome = future.result()
            data_by_seed[seed] = data
            if outcome is None:
                print("seed %3d: recorded %d cases (%d revisions)" % (
                    seed, len(data["cases"]), len(data["model"]["revisions"])), flush=True)
            else:
                outcomes.append(outcome)
                print(outcome.summary, flush=True)

    meta = next(iter(data_by_seed.values()))["meta"] if data_by_seed else {}
    elapsed = time.monotonic() - started
    if args.record:
        print("recorded %d projects with alembic %s (SQLAlchemy %s) into %s in %.1fs" % (
            len(seeds), meta.get("alembic"), meta.get("sqlalchemy"), root, elapsed))
        return 0

    print_outcomes(outcomes, data_by_seed, cli.path if cli else "alembic(PYTHONHASHSEED=1)",
                   args.max_details)
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            json.dump([{"seed": o.seed, "case": c, "problem": p}
                       for o in outcomes for c, p in o.failed], f, ensure_ascii=False, indent=1)
    passed = sum(o.passed for o in outcomes)
    failed = sum(len(o.failed) for o in outcomes)
    skipped = sum(len(o.skipped) for o in outcomes)
    print("=" * 78)
    print("expected: alembic %s, SQLAlchemy %s, Python %s; %d projects in %.1fs" % (
        meta.get("alembic"), meta.get("sqlalchemy"), meta.get("python"), len(outcomes), elapsed))
    if skipped:
        print("%d skipped (Alembic raised a Python exception: an Alembic bug, not compared)"
              % skipped)
    print("%d passed, %d failed" % (passed, failed))
    if temp is not None:
        temp.cleanup()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
