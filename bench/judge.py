"""Time of an analyst's judgement on a large store: incremental vs full re-resolution.

    .venv/bin/python bench/judge.py [--docs 10000] [--groups 250] [--keep FILE | --db FILE]

1. Builds a store of --docs documents as `bench/serve.py` does: examples/corpus is
   ingested once, then its extracted rows are copied with renamed entities (group g of
   the copies calls every actor "<name> g", so nothing deduplicates across groups; the
   countries keep their names and are hubs).
2. Re-resolves it in full (`workflow.refresh`), which also writes the resolution index,
   and times that.
3. Times, each through `workflow.refresh_judged` as the CLI and the web call it:
   answering one review pair ("different"), a merge of two entities of one type
   (`same`), and the undo of that merge. Prints each time, the groups re-resolved and
   whether the incremental path was taken, next to the full re-resolution's time; the
   goal is < 1 s for each at 10,000 documents.
4. With --check, re-resolves a copy in full after the undo and compares the JSON exports.

Wall and CPU seconds are printed side by side: the machine may be shared. The lexicon
(gazetteer, GeoNames) is loaded once per process, by the full re-resolution here; a CLI
command pays for loading it (`bench/startup.py` measures start-up).
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent / "src"))
sys.path.insert(0, str(ROOT))

from serve import generate, template_store  # noqa: E402

from actorgraph.export import json_export  # noqa: E402
from actorgraph.store import judgements as log  # noqa: E402
from actorgraph.store.resolution_index import index_ready  # noqa: E402
from actorgraph.store.store import Store  # noqa: E402
from actorgraph.workflow import refresh, refresh_judged  # noqa: E402


def _timed(store: Store, recorded: log.Recorded | None, label: str) -> float:
    assert recorded is not None
    t0, c0 = time.perf_counter(), time.process_time()
    done = refresh_judged(store, [recorded])
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    how = (f"incremental, {done.region:,} groups re-resolved" if done.incremental
           else f"FULL: {done.why}")
    print(f"{label:34s} {seconds:8.2f} s {cpu:8.2f} s   ({how}; {_load()})", flush=True)
    return seconds


def _load() -> str:
    """The machine's load average (1, 5, 15 min): the machine may be shared."""
    return "load " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def _pick(store: Store, rng: random.Random):
    """Two organisations or persons of different copy groups (renamed: "X 3", "Y 17")."""
    named = [e for e in store.entities() if e.type in ("person", "organization")
             and e.name.rsplit(" ", 1)[-1].isdigit()]
    named.sort(key=lambda e: e.id)
    a = rng.choice(named)
    b = rng.choice([e for e in named if e.type == a.type and e.id != a.id])
    return a, b


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--groups", type=int, default=250)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", metavar="FILE", help="keep the resolved database in FILE")
    ap.add_argument("--db", metavar="FILE", help="start from a copy of a database kept with "
                    "--keep (resolved, with its index) or made by bench/serve.py (re-resolved "
                    "in full first, timed) instead of generating one")
    ap.add_argument("--check", action="store_true",
                    help="compare the export with a full re-resolution at the end")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="actorgraph-judge-"))
    try:
        db = tmp / "bench.db"
        full = float("nan")
        if args.db:
            shutil.copy(args.db, db)
            store = Store(f"sqlite:///{db}")
            with store.engine.connect() as conn:
                resolved = index_ready(conn)
        else:
            template = template_store(tmp)
            store = Store(f"sqlite:///{db}")
            sizes = generate(template, store, args.docs, args.groups)
            print("store: " + ", ".join(f"{v:,} {k}" for k, v in sizes.items()), flush=True)
            resolved = False
        print(f"{'':34s} {'wall':>10s} {'cpu':>10s}")
        if not resolved:    # generated, or a store of bench/serve.py: no resolution index
            t0, c0 = time.perf_counter(), time.process_time()
            summary = refresh(store)
            full = time.perf_counter() - t0
            print(f"{'full re-resolution (refresh)':34s} {full:8.2f} s "
                  f"{time.process_time() - c0:8.2f} s   "
                  f"({summary.groups:,} groups, {summary.entities:,} entities; {_load()})",
                  flush=True)
            if args.keep:
                store.engine.dispose()
                shutil.copy(db, args.keep)
                store = Store(f"sqlite:///{db}")
        rng = random.Random(args.seed)
        pairs = store.review_pairs()
        a_id, b_id = pairs[rng.randrange(len(pairs))][:2]
        ea, eb = store.entity_by_id(a_id), store.entity_by_id(b_id)
        assert ea is not None and eb is not None
        times = [_timed(store, log.record_change(store, "different", ea.name, eb.name),
                        f"review answer ({ea.name} / {eb.name})"[:34])]
        a, b = _pick(store, rng)
        merge = log.record_change(store, "same", a.name, b.name)
        times.append(_timed(store, merge, f"merge ({a.name} + {b.name})"[:34]))
        times.append(_timed(store, log.undo_change(store, merge.id), "undo of that merge"))
        print(f"\nslowest judgement {max(times):.2f} s (goal < 1 s); full re-resolution "
              f"{full:.2f} s in this run" if full == full else
              f"\nslowest judgement {max(times):.2f} s (goal < 1 s)")
        if args.check:
            mine = json_export.dumps(store)
            store.engine.dispose()
            shutil.copy(db, tmp / "full.db")
            other = Store(f"sqlite:///{tmp / 'full.db'}")
            t0, c0 = time.perf_counter(), time.process_time()
            refresh(other)
            print(f"{'full re-resolution for the check':34s} {time.perf_counter() - t0:8.2f} s "
                  f"{time.process_time() - c0:8.2f} s   ({_load()})", flush=True)
            same = json_export.dumps(other) == mine
            print(f"export equals a full re-resolution: {'yes' if same else 'NO'} ({_load()})")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
