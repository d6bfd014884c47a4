#!/usr/bin/env python3
"""Run every corpus program through cpython_virtual.py with several CPython
versions, check that the JSON results agree and that the outcome is the
intended one (a line `# expect-outcome: deadlock` in a program overrides the
default "completed").

Usage:
    python3 tests/py/check_corpus.py [--show] [--python PATH ...] [PATTERN ...]

--show prints each program's JSON result.  PATTERN selects programs whose file
name contains it.  Default interpreters: python3.12 and python3.13 found on
PATH or under ~/.pyenv/versions/.
"""
import argparse
import concurrent.futures
import glob
import json
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RUNNER = os.path.join(HERE, "cpython_virtual.py")
CORPUS = os.path.join(HERE, "corpus")


def find_pythons():
    found = []
    for ver in ("3.12", "3.13"):
        cands = sorted(glob.glob(os.path.expanduser(f"~/.pyenv/versions/{ver}.*/bin/python3")))
        exe = cands[-1] if cands else shutil.which(f"python{ver}")
        if exe:
            found.append(exe)
    return found


def expected_outcome(path):
    with open(path, encoding="utf-8") as f:
        m = re.search(r"^# expect-outcome: (\w+)", f.read(), re.M)
    return m.group(1) if m else "completed"


def run(python, path):
    p = subprocess.run([python, RUNNER, path], capture_output=True, text=True, timeout=60)
    try:
        return json.loads(p.stdout)
    except ValueError:
        return {"outcome": "runner-error", "stdout": p.stdout, "stderr": p.stderr[-2000:]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--python", action="append")
    ap.add_argument("patterns", nargs="*")
    args = ap.parse_args()
    pythons = args.python or find_pythons()
    progs = sorted(glob.glob(os.path.join(CORPUS, "*.py")))
    if args.patterns:
        progs = [p for p in progs if any(s in os.path.basename(p) for s in args.patterns)]
    jobs = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as ex:
        for prog in progs:
            for py in pythons:
                jobs[(prog, py)] = ex.submit(run, py, prog)
    bad = 0
    counts = {}
    for prog in progs:
        results = [jobs[(prog, py)].result() for py in pythons]
        name = os.path.basename(prog)
        want = expected_outcome(prog)
        first = results[0]
        counts[first["outcome"]] = counts.get(first["outcome"], 0) + 1
        problems = []
        if any(r != first for r in results[1:]):
            problems.append("differs between versions")
        if first["outcome"] != want:
            problems.append(f"outcome {first['outcome']} (expected {want})")
        if problems:
            bad += 1
            print(f"FAIL {name}: {'; '.join(problems)}")
            for py, r in zip(pythons, results):
                print(f"   {py}: {json.dumps(r)}")
        elif args.show:
            print(f"ok   {name}: {json.dumps(first)}")
    print(f"{len(progs)} programs, {bad} problems, outcomes: {counts}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
