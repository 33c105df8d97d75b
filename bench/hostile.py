"""Hostile input: each case ingested into a fresh store in a process of its own, with
its wall time, its peak memory (RSS) and what was stored.

    PYTHONPATH=src python bench/hostile.py                 # every case
    PYTHONPATH=src python bench/hostile.py long-6mb stix   # some of them
    PYTHONPATH=src python bench/hostile.py stix --actors 5000
    PYTHONPATH=src python bench/hostile.py long-6mb --keep /tmp/h   # keep each case's store

Cases: a 6 MB plain-text report (over spaCy's max_length), a 64 KB run of '=', 10 MB of
'&amp;' as text and as an HTML page, a 2 MB line, each beside one ordinary report that
must be stored too; and a STIX bundle of 25,000 actors (memory must stay linear in the
bundle). The synthetic texts are neutral, generated here; nothing is read from outside.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ORDINARY = ("The ministry said on Monday that the Northern Brigade had withdrawn from "
            "Kalvar after talks mediated by the regional council.\n")
SENTENCES = [
    "The {g} said on {d} May 2024 that its units had left the {p} district.",
    "Officials in {p} said the {g} had detained {n} people after a protest.",
    "A spokesman for the {g}, {who}, denied the report.",
    "At least {n} people were killed in clashes near {p}, the health ministry said.",
]
GROUPS = ["Northern Brigade", "Coastal Front", "River Council", "Hill Guards", "Unity Bloc"]
PLACES = ["Kalvar", "Dorin", "Esset", "Marrow", "Tallis", "Bexley", "Orun"]
PEOPLE = ["Adel Haran", "Mira Tosk", "Jon Vale", "Sami Orr"]


def _report(size: int) -> str:
    out, i, n = [], 0, 0
    while n < size:
        line = " ".join(SENTENCES[(i + k) % 4].format(
            g=GROUPS[(i + k) % 5], d=1 + (i + k) % 28, p=PLACES[(i + k) % 7], n=3 + (i + k) % 40,
            who=PEOPLE[(i + k) % 4]) for k in range(4)) + "\n\n"
        out.append(line)
        n += len(line)
        i += 1
    return "".join(out)[:size]


_SYLLABLES = ["ka", "lo", "mi", "ran", "tes", "vo", "dur", "be", "sha", "nor", "pel", "qui",
              "zan", "fe", "gor", "hal", "ju", "wen", "xi", "yor", "ul", "ost", "ir", "ad",
              "eb", "ma", "si", "tor", "vek", "om"]


def _actor_name(i: int) -> str:
    """A distinct made-up name with no digits: three syllables and a group noun."""
    n = len(_SYLLABLES)
    word = "".join(_SYLLABLES[(i // n ** k) % n] for k in range(3))
    return f"{word.capitalize()} {GROUPS[i % 5].split()[-1]}"


def _bundle(actors: int) -> dict:
    objects = [{"type": "threat-actor", "spec_version": "2.1",
                "id": f"threat-actor--00000000-0000-4000-8000-{i:012d}",
                "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
                "name": _actor_name(i), "aliases": [_actor_name(i).split()[0]]}
               for i in range(actors)]
    objects += [{"type": "relationship", "spec_version": "2.1",
                 "id": f"relationship--00000000-0000-4000-8000-{i:012d}",
                 "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
                 "relationship_type": "attributed-to",
                 "source_ref": objects[i]["id"], "target_ref": objects[i + 1]["id"]}
                for i in range(0, actors - 1, 2)]
    return {"type": "bundle", "id": "bundle--00000000-0000-4000-8000-000000000000",
            "objects": objects}


def _write_case(case: str, folder: Path, actors: int) -> list[str]:
    (folder / "ordinary.txt").write_text(ORDINARY, encoding="utf-8")
    if case == "long-6mb":
        (folder / "long.txt").write_text(_report(6_000_000), encoding="utf-8")
    elif case == "equals-64kb":
        (folder / "equals.txt").write_text("Report.\n" + "=" * 65_536 + "\n" + ORDINARY)
    elif case == "amp-10mb-text":
        (folder / "amp.txt").write_text("Report. " + "&amp;" * 2_000_000 + "\n")
    elif case == "amp-10mb-html":
        (folder / "amp.html").write_text("<html><body><p>" + ORDINARY + "</p><p>"
                                         + "&amp;" * 2_000_000 + "</p></body></html>")
    elif case == "line-2mb":
        (folder / "line.txt").write_text(_report(2_000_000).replace("\n", " ") + "\n")
    elif case == "stix":
        (folder / "bundle.json").write_text(json.dumps(_bundle(actors)), encoding="utf-8")
    return sorted(str(p) for p in folder.iterdir())


def _child(case: str, folder: str, actors: int) -> None:
    """Run one case in this process and print its figures as JSON."""
    from actorgraph import workflow
    from actorgraph.store.store import Store

    paths = _write_case(case, Path(folder), actors)
    store = Store(f"sqlite:///{folder}/store.db")
    spent = [0.0, 0.0]        # wall and CPU of resolution and facts (workflow.refresh)
    refresh = workflow.refresh

    def timed_refresh(store):
        wall, used = time.perf_counter(), time.process_time()
        try:
            return refresh(store)
        finally:
            spent[0] += time.perf_counter() - wall
            spent[1] += time.process_time() - used
    workflow.refresh = timed_refresh
    clock, cpu = time.perf_counter(), time.process_time()
    failed: list = []
    if case == "stix":
        workflow.import_stix(store, f"{folder}/bundle.json")
        workflow.ingest([f"{folder}/ordinary.txt"], store)
    else:
        failed = workflow.ingest(paths, store).failed
    seconds, cpu = time.perf_counter() - clock, time.process_time() - cpu
    stats = store.stats()
    print(json.dumps({"case": case, "seconds": round(seconds, 1), "cpu": round(cpu, 1),
                      "refresh": [round(x, 1) for x in spent],
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                      "documents": stats["documents"], "entities": stats["entities"],
                      "load": [round(x, 1) for x in os.getloadavg()],
                      "failed": [(Path(s).name, r[:90]) for s, r in failed]}))


CASES = ("long-6mb", "equals-64kb", "amp-10mb-text", "amp-10mb-html", "line-2mb", "stix")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("cases", nargs="*", help=f"some of: {', '.join(CASES)} (default: all)")
    ap.add_argument("--actors", type=int, default=25_000, help="actors in the STIX bundle")
    ap.add_argument("--keep", metavar="FOLDER",
                    help="write each case's files and store into FOLDER/CASE and keep them")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--folder", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if unknown := set(args.cases) - set(CASES):
        ap.error(f"unknown cases {sorted(unknown)}; known: {', '.join(CASES)}")
    if args.child:
        _child(args.child, args.folder, args.actors)
        return
    print(f"{'case':15s} {'wall s':>8s} {'CPU s':>7s} {'of which resolve+facts':>22s} "
          f"{'peak RSS':>9s} {'docs':>5s} {'entities':>8s}  load  failed")
    for case in args.cases or CASES:
        with tempfile.TemporaryDirectory() as scratch:
            folder = scratch
            if args.keep:
                folder = str(Path(args.keep) / case)
                Path(folder).mkdir(parents=True, exist_ok=False)
            run = subprocess.run([sys.executable, __file__, "--child", case, "--folder", folder,
                                  "--actors", str(args.actors)], capture_output=True, text=True)
            if run.returncode:
                print(f"{case:15s} crashed (exit {run.returncode}): {run.stderr[-300:]}")
                continue
            r = json.loads(run.stdout.strip().splitlines()[-1])
            print(f"{case:15s} {r['seconds']:8.1f} {r['cpu']:7.1f} "
                  f"{r['refresh'][0]:10.1f} s, {r['refresh'][1]:6.1f} s CPU "
                  f"{r['peak_rss_mb']:6d} MB {r['documents']:5d} "
                  f"{r['entities']:8d}  {r['load']}  {r['failed'] or ''}", flush=True)


if __name__ == "__main__":
    main()
