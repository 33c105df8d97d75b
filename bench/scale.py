"""Scale: a generated corpus ingested end to end, every figure measured side by side in one run.

    .venv/bin/python bench/scale.py [--docs 100000] [--workers 2] [--ray-workers 1,2]
                                    [--requests 60] [--extrapolate-to 100000]

`--docs` takes one size or several (`--docs 500,2000`): each is generated and measured in
turn, and with two or more sizes the last column extrapolates every figure to
`--extrapolate-to` documents along the power law through the two largest sizes run (a
figure of the script, not a measurement: it says so). Full extraction of 100,000 documents
takes hours on two shared cores; run the sizes the machine allows and read the column.

The corpus (`make_corpus`): document i is a window of --paragraphs paragraphs (default 8,
about 300 words, 2 KB) of example report i % 7 (examples/corpus), the window moving on
with each round r = i // 7, under a title numbered i and a sidecar with its own publisher
and date, so no two documents share content (nothing is skipped as a repeat). Each person
of PEOPLE (the people the example corpus names most, by surname) is renamed in every
round r >= 1 to an invented surname that spells the number r * len(PEOPLE) + k in
syllables (`surname`): no surname is used by two rounds or two people, so they never
merge across rounds and resolution has ever more entities to tell apart. Groups, states
and places keep their names in every round: they are the hubs a real corpus has (Iran,
the IRGC, Kataib Hezbollah named in a share of all documents), which the entity, graph
and timeline pages must stay fast on.

Each phase but the web one runs in a child process, its wall time measured and the
proportional memory (PSS) of its whole process tree (Ray's own processes included)
sampled every 0.2 s for the peak, with the CPU seconds of every process of the tree: on a
machine shared with other work, wall times swing with the load, and words per CPU second
(the ingest's, start-up included, against bare spaCy's in one process) would say more.
KNOWN FAULT: the CPU sampling misses most of the worker processes' CPU (the local path
with --workers 2 showed the same 34.5 CPU s for 30 and 90 documents), so the CPU rows and
the words per CPU second are wrong for now; read the wall times, run on an idle machine:
  1. bare spaCy: `nlp.pipe` over the same texts (the model's load not counted), in one
     process and with n_process=2;
  2. `actorgraph ingest --workers W` (the local path) into a new SQLite store, and the
     store's size per MB of text;
  3. `actorgraph resolve` on that store (a full re-resolution: the time ingest spends on
     resolution and facts at its end);
  4. `actorgraph export --format json`;
  5. the web pages, served from this process on 127.0.0.1: --requests sequential requests
     per kind (entity page, search, graph page with its data, timeline), a quarter of the
     entity-like ones on the most mentioned entity; p50 / p95;
  6. `actorgraph ingest --engine ray --workers N` for each N of --ray-workers (a local Ray
     of N CPUs, its start-up included), each export compared byte for byte with the local
     path's.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "corpus"
PEOPLE = ("Soleimani", "al-Muhandis", "al-Hamidawi", "Safarov", "Begli", "Calloway",
          "Nasrallah", "Aliyev", "Khamenei", "Qaani", "Mammadov", "Valiyev")
SYLLABLES = ("ka", "ri", "mo", "ta", "ve", "lo", "na", "si", "du", "ba", "ze", "ha",
             "pu", "ro", "gi", "fe", "sha", "mi", "to", "re", "vo", "la", "ne", "zu")
PUBLISHERS = ("Tigris Policy Notes", "Caspian Desk", "Levant Monitor", "Gulf Wire Digest",
              "Zagros Review", "Euphrates Brief")
CLI = "from actorgraph.cli.main import cli; cli()"


# -- the corpus ----------------------------------------------------------------------------
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
    """Write `docs` reports and their sidecars into `out`; returns their texts."""
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


# -- child processes, timed, their memory sampled ------------------------------------------
def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", encoding="ascii") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


TICK = os.sysconf("SC_CLK_TCK")


def _sample(pids: list[int], cpu: dict[int, float]) -> int:
    """The PSS of `pids` in bytes; each one's CPU seconds so far noted in `cpu`."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            cpu[pid] = max(cpu.get(pid, 0.0), (int(fields[11]) + int(fields[12])) / TICK)
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
        except (OSError, ValueError, IndexError):
            continue
    return total


class Ran(NamedTuple):
    wall: float      # seconds
    peak: int        # bytes of PSS, the process tree's largest sample
    cpu: float       # CPU seconds of every process of the tree (sampled every 0.2 s)
    output: str


def run(args: list[str], label: str) -> Ran:
    """Run `python -c CLI args` (or a -c program) and measure it."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    cmd = [sys.executable, "-c", CLI, *args] if args[0] != "-c" else [sys.executable, *args]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    peak, cpu = [0], {}

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], _sample(_tree(proc.pid), cpu))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - t0
    sampler.join()
    failed = proc.returncode not in (0, 1) or "Traceback" in err or "Error:" in err
    if failed:         # (ingest exits 1 also when a document failed: that is reported)
        raise SystemExit(f"{label} failed ({proc.returncode}):\n{err[-3000:]}")
    return Ran(seconds, peak[0], sum(cpu.values()), out + err)


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


# -- the web pages -------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _plan(store, n: int, rng: random.Random) -> dict[str, list[list[str]]]:
    counts = store.mention_counts()
    ids = sorted(counts)
    hub = max(ids, key=lambda e: (counts[e], e))
    names = sorted({n for e in store.entities() for n, _ in e.names})
    chosen = [hub if i % 4 == 0 else rng.choice(ids) for i in range(n)]
    words = ["Tehran", "drone attack", "Quds Force", "shooting mayor", "volunteers Syria",
             "Hoseyniyun", "embassy"]
    return {
        "entity page": [[f"/entities/{e}"] for e in chosen],
        "search": [[f"/search?q={rng.choice(names) if i % 2 else rng.choice(words)}"]
                   for i in range(n)],
        "graph page + data": [[f"/entities/{e}/graph", f"/api/entities/{e}/neighbours"]
                              for e in chosen],
        "timeline": [[f"/timeline?actor={e}" if i % 2 else "/timeline"]
                     for i, e in enumerate(chosen)],
    }


def web(url: str, n: int) -> dict[str, list[float]]:
    """Milliseconds per request (a group of URLs counts as one) for each kind of page."""
    import httpx
    import uvicorn

    from actorgraph.store.store import Store
    from actorgraph.web.app import create_app
    from actorgraph.web.settings import WebSettings

    store = Store(url, create=False)
    plan = _plan(store, n, random.Random(7))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(WebSettings(port=port), store=store),
                                           host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    out: dict[str, list[float]] = {}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            client.get(plan["entity page"][0][0]).raise_for_status()     # warm caches
            for kind, groups in plan.items():
                out[kind] = []
                for group in groups:
                    t0 = time.perf_counter()
                    for path in group:
                        client.get(path).raise_for_status()
                    out[kind].append((time.perf_counter() - t0) * 1000)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    return out


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


# -- one size ------------------------------------------------------------------------------
Row = tuple[str, float, str]      # label, value, unit ("s", "MB", "ms" scale; others do not)


def _db_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 2**20


def measure_local(corpus: Path, tmp: Path, words: int, mb: float, workers: int
                  ) -> tuple[list[Row], dict, str]:
    """Bare spaCy, the local ingest, resolve and export; the rows, the bare rates, and the
    local export."""
    bare, bare_peak = {}, {}
    for procs in (1, 2):
        ran = run(["-c", BARE, str(corpus), str(procs)], "bare spaCy")
        wall, cpu = map(float, ran.output.strip().splitlines()[-1].split())
        bare[procs], bare_peak[procs] = words / wall, ran.peak
        if procs == 1:
            bare["cpu"] = words / cpu          # words per CPU second, in one process
    db = tmp / "local.db"
    url = f"sqlite:///{db}"
    ingest = run(["ingest", str(corpus), "--workers", str(workers), "--no-progress",
                  "--db", url], "ingest")
    print(f"  ingest said: {ingest.output.strip().splitlines()[-1]}", flush=True)
    resolve = run(["resolve", "--db", url], "resolve")
    export = tmp / "local.json"
    dumped = run(["export", "--format", "json", "--db", url, "-o", str(export)], "export")
    wall = ingest.wall
    reading = max(wall - resolve.wall, 1e-9)
    rows: list[Row] = [
        ("bare spaCy nlp.pipe, 1 process: words/s", bare[1], "rate"),
        ("bare spaCy nlp.pipe, 1 process: words per CPU s", bare["cpu"], "rate"),
        ("bare spaCy nlp.pipe, n_process=2: words/s", bare[2], "rate"),
        ("bare spaCy, n_process=2: peak memory MB", bare_peak[2] / 2**20, "MB"),
        (f"ingest --workers {workers}: wall s (with its resolution)", wall, "s"),
        (f"ingest --workers {workers}: words/s", words / wall, "rate"),
        ("  ratio to bare spaCy, 1 process", words / wall / bare[1], "x"),
        ("  ratio to bare spaCy, n_process=2", words / wall / bare[2], "x"),
        ("  words/s without its resolution (wall - resolve)", words / reading, "rate"),
        ("  ratio of that to bare spaCy, n_process=2", words / reading / bare[2], "x"),
        (f"ingest --workers {workers}: CPU s, all processes, start-up included", ingest.cpu,
         "s"),
        ("  words per CPU s, ratio to bare spaCy's", words / ingest.cpu / bare["cpu"], "x"),
        (f"ingest --workers {workers}: peak memory MB (PSS, all processes)",
         ingest.peak / 2**20, "MB"),
        ("database MB (SQLite, with WAL)", _db_mb(db), "MB"),
        ("database MB per MB of text", _db_mb(db) / mb, "x"),
        ("resolve (full re-resolution): s", resolve.wall, "s"),
        ("resolve: CPU s", resolve.cpu, "s"),
        ("resolve: peak memory MB", resolve.peak / 2**20, "MB"),
        ("export --format json: s", dumped.wall, "s"),
        ("export: MB written", export.stat().st_size / 2**20, "MB"),
        ("export: peak memory MB", dumped.peak / 2**20, "MB"),
    ]
    return rows, bare, export.read_text(encoding="utf-8")


def measure_ray(corpus: Path, tmp: Path, words: int, bare: dict,
                counts: list[int], expected: str) -> list[Row]:
    rows: list[Row] = []
    for n in counts:
        url = f"sqlite:///{tmp / f'ray{n}.db'}"
        ran = run(["ingest", str(corpus), "--engine", "ray", "--workers", str(n),
                   "--no-progress", "--db", url], f"ray {n}")
        print(f"  ingest --engine ray --workers {n} said: "
              f"{ran.output.strip().splitlines()[-1]}", flush=True)
        export = tmp / f"ray{n}.json"
        run(["export", "--format", "json", "--db", url, "-o", str(export)], "export")
        same = export.read_text(encoding="utf-8") == expected
        rows += [(f"ingest --engine ray --workers {n}: wall s (Ray start-up included)",
                  ran.wall, "s"),
                 (f"ingest --engine ray --workers {n}: words/s", words / ran.wall, "rate"),
                 ("  ratio to bare spaCy, n_process=2", words / ran.wall / bare[2], "x"),
                 (f"  ray --workers {n}: CPU s, all processes (Ray's own included)", ran.cpu,
                  "s"),
                 ("  words per CPU s, ratio to bare spaCy's", words / ran.cpu / bare["cpu"],
                  "x"),
                 ("  peak memory MB (PSS, Ray's processes included)", ran.peak / 2**20, "MB"),
                 ("  JSON export byte-identical to the local path's (1 = yes)", float(same),
                  "ok")]
    return rows


def measure(docs: int, args: argparse.Namespace) -> list[Row]:
    tmp = Path(tempfile.mkdtemp(prefix="actorgraph-scale-"))
    try:
        corpus = tmp / "corpus"
        t0 = time.perf_counter()
        texts = make_corpus(corpus, docs, args.paragraphs)
        made = time.perf_counter() - t0
        words = sum(len(t.split()) for t in texts)
        mb = sum(len(t.encode("utf-8")) for t in texts) / 2**20
        print(f"\n== {docs:,} documents: {mb:.2f} MB of text, {words:,} words "
              f"(generated in {made:.1f} s); load average {os.getloadavg()[0]:.1f} on "
              f"{os.cpu_count()} cores", flush=True)
        rows: list[Row] = [("documents", docs, "n"), ("words", words, "n"),
                           ("MB of text", mb, "MB")]
        local, bare, expected = measure_local(corpus, tmp, words, mb, args.workers)
        rows += local
        _print(rows)
        for kind, ms in web(f"sqlite:///{tmp / 'local.db'}", args.requests).items():
            rows += [(f"web {kind}: p50 ms", statistics.median(ms), "ms"),
                     (f"web {kind}: p95 ms", _pct(ms, 95), "ms")]
        if args.ray_workers:
            rows += measure_ray(corpus, tmp, words, bare,
                                [int(n) for n in args.ray_workers.split(",")], expected)
        return rows
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# -- the table -----------------------------------------------------------------------------
def _fmt(value: float, unit: str) -> str:
    if unit in ("n", "rate"):
        return f"{value:,.0f}"
    if unit == "ok":
        return "yes" if value else "NO"
    return f"{value:,.2f}" if abs(value) < 100 else f"{value:,.0f}"


def _print(rows: list[Row]) -> None:
    for label, value, unit in rows:
        print(f"  {label:66s} {_fmt(value, unit):>12s}", flush=True)


def _extrapolated(sizes: list[int], values: list[float], target: int, unit: str) -> str:
    """`target`'s value by a power law and by a straight line (a fixed cost plus one per
    document) through the two largest sizes: the first errs low where a fixed start-up
    dominates the small sizes, the second where the cost grows faster than the count."""
    (n1, v1), (n2, v2) = zip(sizes[-2:], values[-2:])
    if unit not in ("s", "MB", "ms") or min(v1, v2) <= 0 or math.isnan(v1 + v2):
        return ""
    power = math.log(v2 / v1) / math.log(n2 / n1)
    slope = (v2 - v1) / (n2 - n1)
    return (f"{_fmt(v2 * (target / n2) ** power, unit):>14s} (n^{power:.2f})"
            f"{_fmt(v2 + slope * (target - n2), unit):>14s}")


def _marginal(sizes: list[int], runs: list[list[Row]]) -> None:
    """Each ingest's words per second and per CPU second between the two largest sizes:
    its rate once the one-off start-up (models loaded, worker processes or Ray started) is
    paid, as bare spaCy's is (its model's load is not timed)."""
    small, large = ({label: value for label, value, _ in r} for r in runs[-2:])
    words = large["words"] - small["words"]
    bare, bare_cpu = (large["bare spaCy nlp.pipe, n_process=2: words/s"],
                      large["bare spaCy nlp.pipe, 1 process: words per CPU s"])
    print(f"\nbetween {sizes[-2]:,} and {sizes[-1]:,} documents (start-up paid at both):")
    name = ""
    for label, _, _ in runs[-1]:
        if label.startswith("ingest") and "wall s" in label:
            name = label.split(":")[0]
            seconds = large[label] - small.get(label, math.nan)
            rate = words / seconds if seconds > 0 else math.nan
            print(f"  {name:36s} {rate:8,.0f} words/s     (ratio {rate / bare:5.2f} to bare "
                  "spaCy, n_process=2; swings with the machine's load)")
        elif "CPU s" in label and name and label in small:
            cpu = large[label] - small[label]
            rate = words / cpu if cpu > 0 else math.nan
            print(f"  {name:36s} {rate:8,.0f} words/CPU s (ratio {rate / bare_cpu:5.2f} to bare "
                  "spaCy's; NOT reliable: the sampling misses workers' CPU, see the docstring)")
            name = ""


def table(sizes: list[int], runs: list[list[Row]], target: int) -> None:
    """Every figure per size, and (with two sizes or more) extrapolated to `target`."""
    head = "".join(f"{n:>14,}" for n in sizes)
    extra = len(sizes) >= 2 and target not in sizes
    print(f"\n{'figure':66s}{head}" + (f"{'power law':>23s}{'linear':>14s}" if extra else ""))
    for i, (label, _, unit) in enumerate(runs[-1]):
        values = [r[i][1] if i < len(r) and r[i][0] == label else math.nan for r in runs]
        line = f"{label[:66]:66s}" + "".join(f"{_fmt(v, unit):>14s}" for v in values)
        if extra and label == "documents":
            line += f"{target:>14,} (extrapolated){target:>14,}"
        elif extra:
            line += _extrapolated(sizes, values, target, unit)
        print(line)
    if len(sizes) >= 2:
        _marginal(sizes, runs)
    if extra:
        print(f"\nThe last two columns extrapolate from the two largest sizes run "
              f"({sizes[-2]:,} and {sizes[-1]:,}): they are NOT a run of {target:,} documents.")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", default="100000", help="document counts, comma-separated")
    ap.add_argument("--workers", type=int, default=2, help="worker processes, local path")
    ap.add_argument("--ray-workers", default="1,2",
                    help="Ray workers to time, comma-separated ('' for none)")
    ap.add_argument("--requests", type=int, default=60, help="requests per kind of page")
    ap.add_argument("--paragraphs", type=int, default=8, help="paragraphs per document")
    ap.add_argument("--extrapolate-to", type=int, default=100_000)
    args = ap.parse_args()
    sizes = sorted(int(n) for n in args.docs.split(","))
    runs = [measure(n, args) for n in sizes]
    table(sizes, runs, args.extrapolate_to)


if __name__ == "__main__":
    main()
