"""Benchmark of the command line's start-up: how long read-only commands take, and
whether they drag in the heavy libraries they do not need.

Builds a store from examples/corpus once (in a temporary folder), then runs each of
`--version`, `--help`, `stats`, `entities`, `entity NAME` and `facts NAME` N times in
a fresh interpreter and prints the median wall time, and whether spaCy, stix2 and
followthemoney were imported by that command (read from `sys.modules` when the
interpreter exits).

    python bench/startup.py [--runs 5] [--name Husseiniyyun]

The goal (issue 14): read-only commands under 0.5 s; models load only where text
is processed. Wall times depend on the machine's load; the imports do not.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("spacy", "stix2", "followthemoney")

RUNNER = """
import atexit, json, sys
from actorgraph.cli.main import cli
atexit.register(lambda: sys.__stderr__.write(
    "\\nIMPORTED " + json.dumps([m for m in {heavy!r} if m in sys.modules]) + "\\n"))
sys.argv[0] = "actorgraph"
cli()
"""


def run(args: list[str], db: str) -> tuple[float, list[str]]:
    """One run of `actorgraph ARGS` in a fresh interpreter: wall seconds, heavy modules."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), ACTORGRAPH_DB=db)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", RUNNER.format(heavy=HEAVY), *args],
                          env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"actorgraph {' '.join(args)} failed:\n{proc.stderr}")
    line = [ln for ln in proc.stderr.splitlines() if ln.startswith("IMPORTED ")][-1]
    return wall, json.loads(line.removeprefix("IMPORTED "))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per command (median)")
    parser.add_argument("--name", default="Husseiniyyun", help="entity for `entity`/`facts`")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{tmp}/bench.db"
        start = time.perf_counter()
        wall, heavy = run(["ingest", "--no-progress", str(ROOT / "examples" / "corpus")], db)
        print(f"store built from examples/corpus in {wall:.1f} s (ingest imported: "
              f"{', '.join(heavy) or 'none'})\n")
        commands = [["--version"], ["--help"], ["stats"], ["entities"],
                    ["entity", opts.name], ["facts", opts.name]]
        print(f"{'command':34s} {'median s':>9s}  {'spacy':>6s} {'stix2':>6s} {'ftm':>6s}")
        for args in commands:
            times, heavy = [], []
            for _ in range(opts.runs):
                wall, heavy = run(args, db)
                times.append(wall)
            marks = ["yes" if m in heavy else "no" for m in HEAVY]
            print(f"{'actorgraph ' + ' '.join(args):34s} {statistics.median(times):9.3f}  "
                  + " ".join(f"{m:>6s}" for m in marks))
        print(f"\n{opts.runs} runs each; total {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
