"""Scale: a store of 100,000 documents, every figure measured side by side in one run.

    .venv/bin/python bench/scale.py [--docs 100000] [--sample 300] [--workers 2]
        [--ray-workers 1,2] [--requests 40] [--resolve-timeout 900]
        [--fallback 10000,30000] [--store FILE | --keep FILE]

Extracting 100,000 documents takes many hours on two shared cores, so the figures come
from two corpora, each said in the output:

* The store of --docs documents is GENERATED from extracted rows (`bench/serve.py`'s
  `generate`): examples/corpus is ingested once with the full pipeline, then its
  documents, segments, sentences, mentions and claims are copied per document, its
  entities, names, facts and contradictions per group of copies. Copy k of a report is in
  group (k // 7) % --groups, and group g >= 1 calls every actor by a numbered variant
  ("Hoseyniyun 17"), its text rewritten to match with every offset shifted, so nothing
  deduplicates across groups; each copy ends with its own numbered line ("Copy k."), so no
  two documents have the same content. The countries keep their names in every group:
  they are the hubs a real corpus has (Iran named in a share of all documents). This
  store gives the database size per MB of text, the JSON export's time, the web pages'
  p95, and the full re-resolution's time (`actorgraph resolve`, which ingest runs at its
  end) -- killed after --resolve-timeout seconds, then measured on generated stores of
  the --fallback sizes instead. Generating 100,000 documents that way takes about an
  hour on two shared cores, so the run at 100,000 made its store from the 10,000 of
  `--store serve10k.db --copies 10` (`scale_store.multiply`: every document of the
  generated store copied nine more times inside SQLite, each copy's text, id and sha256
  its own, its claims supporting the same facts: see there) -- a corpus ten times as long
  on the same renamed actors, whose hubs are named ten times as often.
* Extraction is measured by really ingesting a SAMPLE of --sample documents
  (`make_corpus`: windows of the example reports with their people renamed to invented
  surnames per round, so none deduplicates with another or with the generated store):
  bare spaCy (`nlp.pipe`, 1 process and n_process=2) on the sample's texts; `ingest
  --workers W` of the sample into an empty store and into a copy of the 100,000-document
  store (the same words/s in both shows that storing does not slow down as the store
  grows; the re-resolution at the end of the second is left out: it is the resolution
  figure above); and `ingest --engine ray --workers N` for each N of --ray-workers into
  empty stores, each export compared byte for byte with the local path's.

Each phase but the web one runs in a child process (`proctree.run`): its wall seconds, the
CPU seconds of its whole process tree (workers and Ray's processes included: orphans are
re-parented to this process and waited for, so `getrusage(RUSAGE_CHILDREN)` counts them)
and the peak PSS of the tree. The ingest's extraction is timed inside its process: from
the call of `workflow.ingest` (worker start-up and model loads included) to the last
document stored, and its resolution from there to the end. Bare spaCy's model load is not
timed. On a shared machine wall times swing with the load (printed with every phase);
words per CPU second is the steadier ratio. The web pages are served from this process on
127.0.0.1 (`scale_web`).

One report of 1 MB and 5 MB: `bench/long_document.py --sizes 1000,5000`.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from proctree import Ran, become_subreaper, run  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "corpus"
PEOPLE = ("Soleimani", "al-Muhandis", "al-Hamidawi", "Safarov", "Begli", "Calloway",
          "Nasrallah", "Aliyev", "Khamenei", "Qaani", "Mammadov", "Valiyev")
SYLLABLES = ("ka", "ri", "mo", "ta", "ve", "lo", "na", "si", "du", "ba", "ze", "ha",
             "pu", "ro", "gi", "fe", "sha", "mi", "to", "re", "vo", "la", "ne", "zu")
PUBLISHERS = ("Tigris Policy Notes", "Caspian Desk", "Levant Monitor", "Gulf Wire Digest",
              "Zagros Review", "Euphrates Brief")
Row = tuple[str, float, str]      # label, value, unit
PHASES = ("web", "export", "sample", "resolve")


# -- the sample corpus ---------------------------------------------------------------------
def surname(n: int) -> str:
    """An invented surname for the number n, one syllable per base-24 digit (at least
    three), so every n has its own."""
    digits = []
    while n or len(digits) < 3:
        n, d = divmod(n, len(SYLLABLES))
        digits.append(SYLLABLES[d])
    return "".join(digits).capitalize() + "vani"


def _renamed(text: str, rnd: int) -> str:
    if rnd == 0:
        return text
    for k, name in enumerate(PEOPLE):
        text = re.sub(rf"\b{re.escape(name)}\b", surname(rnd * len(PEOPLE) + k), text)
    return text


def make_corpus(out: Path, docs: int, window: int = 8) -> list[str]:
    """Write `docs` reports and their sidecars into `out`; returns their texts. Document i
    is a window of `window` paragraphs of example report i % 7, the window moving on with
    each round r = i // 7, under a title numbered i; each person of PEOPLE is renamed in
    round r >= 1 to the surname of r * len(PEOPLE) + k (no two rounds or people share one)."""
    out.mkdir(parents=True, exist_ok=True)
    reports = sorted(EXAMPLES.glob("*.txt"))
    paragraphs = [[p.strip() for p in re.split(r"\n\s*\n", r.read_text(encoding="utf-8"))
                   if p.strip()] for r in reports]
    titles = [json.loads(r.with_suffix(".meta.json").read_text(encoding="utf-8"))["title"]
              for r in reports]
    texts = []
    for i in range(docs):
        k, rnd = i % len(reports), i // len(reports)
        paras = paragraphs[k]
        start = (rnd * 2) % max(1, len(paras) - window + 1)
        text = _renamed(f"{titles[k]} (dispatch {i + 1})\n\n"
                        + "\n\n".join(paras[start:start + window]) + "\n", rnd)
        path = out / f"{i:06d}_{reports[k].stem[3:]}.txt"
        path.write_text(text, encoding="utf-8")
        sidecar = {"title": text.split("\n", 1)[0], "language": "en",
                   "publisher": PUBLISHERS[i % len(PUBLISHERS)],
                   "published": f"{2015 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}"}
        path.with_suffix(".meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
        texts.append(text)
    return texts


# -- programs run in child processes -------------------------------------------------------
GENERATE = """
import json, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, sys.argv[4])
from serve import generate, template_store
from actorgraph.store.store import Store
tmp = Path(tempfile.mkdtemp())
t0 = time.perf_counter()
template = template_store(tmp)
t1 = time.perf_counter()
counts = generate(template, Store(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
print(json.dumps({"template": t1 - t0, "generate": time.perf_counter() - t1, **counts}))
"""

BARE = """
import sys, time
from pathlib import Path
from actorgraph.extract.rules_en.nlp import load_nlp
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
nlp = load_nlp(); nlp("warm up")
t0, c0 = time.perf_counter(), time.process_time()
for _ in nlp.pipe(texts, n_process=int(sys.argv[2])):
    pass
print(time.perf_counter() - t0, time.process_time() - c0)
"""

INGEST = """
import json, sys, time
from actorgraph import workflow
from actorgraph.store.store import Store
corpus, url, workers, engine, resolve = sys.argv[1:6]
marks = {}
full_refresh = workflow.refresh
def timed_refresh(store):
    marks["stored"] = time.perf_counter()
    if resolve == "yes":
        full_refresh(store)
workflow.refresh = timed_refresh
store = Store(url)
t0 = time.perf_counter()
report = workflow.ingest([corpus], store, workers=int(workers), engine=engine)
t1 = time.perf_counter()
print(json.dumps({"extract": marks.get("stored", t1) - t0, "resolve": t1 - marks.get("stored", t1),
                  "added": len(report.added), "failed": len(report.failed)}))
"""


def _json(ran: Ran) -> dict:
    """The last line of the child's output that is a JSON object (Ray logs after it)."""
    for line in reversed(ran.output.strip().splitlines()):
        if line.startswith("{") and line.endswith("}"):
            return dict(json.loads(line))
    return {}


def _load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def _db_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 2**20


def _text_mb(url: str) -> tuple[int, float]:
    """(documents, MB of text) of the store at `url`."""
    from sqlalchemy import create_engine, text
    engine = create_engine(url)
    with engine.connect() as conn:
        n, chars = conn.execute(text("SELECT count(*), sum(length(CAST(text AS BLOB))) "
                                     "FROM documents")).one()
    engine.dispose()
    return int(n), (chars or 0) / 2**20


# -- the phases ----------------------------------------------------------------------------
def make_store(db: Path, docs: int, groups: int, kept: str | None, copies: int = 1
               ) -> list[Row]:
    """The generated store at `db` (or a copy of `kept`), `copies` times as large
    (`scale_store.multiply`); its rows."""
    url = f"sqlite:///{db}"
    rows: list[Row] = []
    if kept and copies > 1:
        from scale_store import multiply

        shutil.copy(kept, db)
        t0 = time.perf_counter()
        multiply(db, copies, lambda line: print(line, flush=True))
        rows.append((f"{kept} copied {copies} times in SQLite (s)", time.perf_counter() - t0,
                     "s"))
    elif kept:
        t0 = time.perf_counter()
        for src in Path(kept).parent.glob(Path(kept).name + "*"):
            shutil.copy(src, db.parent / (db.name + src.name[len(Path(kept).name):]))
        rows.append((f"copied the generated store {kept} (s)", time.perf_counter() - t0, "s"))
        ran = run(["migrate", "--db", url], "migrate")   # a store kept by an older version
        rows.append(("  brought to this version's schema (actorgraph migrate) s", ran.wall, "s"))
    else:
        ran = run(["-c", GENERATE, url, str(docs), str(groups), str(ROOT / "bench")], "generate")
        made = _json(ran)
        print(f"  generated: {made}  ({_load()})", flush=True)
        rows += [("generation: template ingest s", made["template"], "s"),
                 ("generation: copying rows s", made["generate"], "s"),
                 ("generation: peak memory MB", ran.peak / 2**20, "MB")]
    n, mb = _text_mb(url)
    rows += [("documents in the generated store", n, "n"), ("MB of text", mb, "MB"),
             ("database MB (SQLite, with WAL)", _db_mb(db), "MB"),
             ("database MB per MB of text", _db_mb(db) / mb, "x")]
    return rows


def export(url: str, out: Path, label: str) -> tuple[list[Row], Ran]:
    ran = run(["export", "--format", "json", "--db", url, "-o", str(out)], label)
    return [(f"{label}: wall s", ran.wall, "s"), (f"{label}: CPU s", ran.cpu, "s"),
            (f"{label}: peak memory MB", ran.peak / 2**20, "MB"),
            (f"{label}: MB written", out.stat().st_size / 2**20, "MB")], ran


def resolve(url: str, label: str, timeout: float) -> tuple[list[Row], bool]:
    """`actorgraph resolve` (a full re-resolution) of the store, killed after `timeout`."""
    print(f"  {label} ... ({_load()})", flush=True)
    ran = run(["resolve", "--db", url], label, timeout=timeout, check=False)
    done = ran.returncode == 0
    if not done and ran.returncode != -9:
        raise SystemExit(f"{label} failed ({ran.returncode}):\n{ran.output[-3000:]}")
    return [(f"{label}: wall s" + ("" if done else " (KILLED, unfinished)"), ran.wall, "s"),
            (f"{label}: CPU s", ran.cpu, "s"),
            (f"{label}: peak memory MB", ran.peak / 2**20, "MB")], done


def bare_spacy(corpus: Path, words: int) -> tuple[list[Row], dict]:
    rates: dict = {}
    rows: list[Row] = []
    for procs in (1, 2):
        ran = run(["-c", BARE, str(corpus), str(procs)], "bare spaCy")
        wall, own_cpu = map(float, ran.output.strip().splitlines()[-1].split())
        rates[procs] = words / wall
        rates[f"cpu{procs}"] = words / ran.cpu   # all processes, model load included
        if procs == 1:
            rates["cpu"] = words / own_cpu        # nlp.pipe alone
        rows += [(f"bare spaCy nlp.pipe, n_process={procs}: words/s", rates[procs], "rate"),
                 ("  words per CPU s (whole run, model load included)", rates[f"cpu{procs}"],
                  "rate"),
                 ("  peak memory MB", ran.peak / 2**20, "MB")]
    rows.append(("bare spaCy nlp.pipe, 1 process: words per CPU s of nlp.pipe alone",
                 rates["cpu"], "rate"))
    return rows, rates


def ingest(corpus: Path, url: str, words: int, bare: dict, label: str, workers: int,
           engine: str = "local", resolve_after: bool = True) -> list[Row]:
    print(f"  {label} ... ({_load()})", flush=True)
    ran = run(["-c", INGEST, str(corpus), url, str(workers), engine,
               "yes" if resolve_after else "no"], label)
    got = _json(ran)
    if got["failed"]:
        raise SystemExit(f"{label}: {got['failed']} documents failed:\n{ran.output[-3000:]}")
    rate = words / got["extract"]
    rows: list[Row] = [
        (f"{label}: documents added", got["added"], "n"),
        (f"{label}: extraction + storing wall s (start-up included)", got["extract"], "s"),
        ("  words/s", rate, "rate"),
        ("  ratio to bare spaCy, 1 process", rate / bare[1], "x"),
        (f"  ratio to bare spaCy, n_process={min(workers, 2)}", rate / bare[min(workers, 2)],
         "x"),
        ("  whole run: CPU s, every process", ran.cpu, "s"),
        ("  words per CPU s, ratio to bare spaCy's (both whole runs)",
         words / ran.cpu / bare["cpu1"], "x"),
        ("  peak memory MB (PSS, every process)", ran.peak / 2**20, "MB")]
    if resolve_after:
        rows.append(("  its resolution (full refresh) wall s", got["resolve"], "s"))
    else:
        rows.append(("  its resolution: not run (see the resolution rows)", 0, "n"))
    return rows


# -- the run -------------------------------------------------------------------------------
def _print(rows: list[Row]) -> None:
    for label, value, unit in rows:
        text = (f"{value:,.0f}" if unit in ("n", "rate") else "yes" if unit == "ok" and value
                else "NO" if unit == "ok" else f"{value:,.2f}")
        print(f"  {label:72s} {text:>12s}", flush=True)


def sample_phase(args: argparse.Namespace, tmp: Path, big: Path) -> list[Row]:
    """Bare spaCy, the local ingest into an empty and into the big store, Ray."""
    corpus = tmp / "sample"
    texts = make_corpus(corpus, args.sample)
    words = sum(len(x.split()) for x in texts)
    rows: list[Row] = [("sample: documents", args.sample, "n"), ("sample: words", words, "n"),
                       ("sample: MB of text",
                        sum(len(x.encode("utf-8")) for x in texts) / 2**20, "MB")]
    _print(rows)

    def add(found: list[Row]) -> None:
        _print(found)
        rows.extend(found)
    found, bare = bare_spacy(corpus, words)
    add(found)
    w = args.workers
    empty = f"sqlite:///{tmp / 'empty.db'}"
    add(ingest(corpus, empty, words, bare, f"ingest --workers {w}, empty store", w))
    add(ingest(corpus, f"sqlite:///{big}", words, bare,
               f"ingest --workers {w}, into the {args.docs:,}-document store", w,
               resolve_after=False))
    expected = tmp / "sample.json"
    run(["export", "--format", "json", "--db", empty, "-o", str(expected)], "export")
    for n in [int(x) for x in args.ray_workers.split(",") if x]:
        url = f"sqlite:///{tmp / f'ray{n}.db'}"
        try:
            add(ingest(corpus, url, words, bare, f"ingest --engine ray --workers {n}", n,
                       "ray"))
        except SystemExit as err:   # a local Ray that cannot start on a loaded machine
            print(f"  {str(err)[-600:]}", flush=True)
            add([(f"ingest --engine ray --workers {n}: FAILED (see above; {_load()})",
                  float("nan"), "s")])
            continue
        got = tmp / f"ray{n}.json"
        run(["export", "--format", "json", "--db", url, "-o", str(got)], "export")
        add([("  JSON export byte-identical to the local path's",
              float(got.read_bytes() == expected.read_bytes()), "ok")])
    return rows


def resolution_phase(args: argparse.Namespace, tmp: Path, big: Path) -> list[Row]:
    rows, done = resolve(f"sqlite:///{big}", f"resolve at {args.docs:,} documents "
                         f"(+ the sample)", args.resolve_timeout)
    _print(rows)
    if done or not args.fallback:
        return rows
    for n in [int(x) for x in args.fallback.split(",")]:
        db = tmp / f"fallback{n}.db"
        run(["-c", GENERATE, f"sqlite:///{db}", str(n), str(args.groups),
             str(ROOT / "bench")], "generate")
        found, _ = resolve(f"sqlite:///{db}", f"resolve at {n:,} documents",
                           args.resolve_timeout)
        _print(found)
        rows += found
        for p in tmp.glob(db.name + "*"):
            p.unlink()
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000, help="documents generated")
    ap.add_argument("--groups", type=int, default=250, help="renamed groups of copies")
    ap.add_argument("--sample", type=int, default=300, help="documents really ingested")
    ap.add_argument("--workers", type=int, default=2, help="worker processes, local path")
    ap.add_argument("--ray-workers", default="1,2",
                    help="Ray workers to time, comma-separated ('' for none)")
    ap.add_argument("--requests", type=int, default=40, help="requests per kind of page")
    ap.add_argument("--resolve-timeout", type=float, default=900.0)
    ap.add_argument("--fallback", default="10000,30000",
                    help="sizes to resolve when the full size is killed ('' for none)")
    ap.add_argument("--store", metavar="FILE", help="a store generated before (kept with "
                    "--keep): copied, never written, instead of generating one")
    ap.add_argument("--copies", type=int, default=1, help="with --store: make the store this "
                    "many times as large in SQLite (scale_store.py)")
    ap.add_argument("--keep", metavar="FILE", help="keep the generated store in FILE")
    ap.add_argument("--phases", default=",".join(PHASES),
                    help="which phases to run after the store is made, comma-separated: "
                    + ", ".join(PHASES))
    args = ap.parse_args()
    phases = set(args.phases.split(","))
    import scale_web

    become_subreaper()
    tmp = Path(tempfile.mkdtemp(prefix="actorgraph-scale-"))
    try:
        big = tmp / "store.db"
        print(f"== {args.docs:,} generated documents; {os.cpu_count()} cores, {_load()}",
              flush=True)
        rows = make_store(big, args.docs, args.groups, args.store, args.copies)
        if args.keep:
            shutil.copy(big, args.keep)
        _print(rows)
        url = f"sqlite:///{big}"
        steps = {
            "export": lambda: export(url, tmp / "big.json",
                                     f"export --format json at {args.docs:,}")[0],
            "web": lambda: scale_web.measure(url, args.requests),
            "sample": lambda: sample_phase(args, tmp, big),
            "resolve": lambda: resolution_phase(args, tmp, big)}
        for phase in PHASES:   # in this order: the last two write to the store
            if phase in phases:
                print(f"\n== {phase} ({_load()})", flush=True)
                found = steps[phase]()
                if phase == "export":   # (the others print as they go)
                    _print(found)
                rows += found
        print(f"\n== every figure ({_load()} at the end, {os.cpu_count()} cores)")
        _print(rows)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
