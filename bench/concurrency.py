"""`actorgraph serve` while other processes ingest and judge into the same store.

    PYTHONPATH=src .venv/bin/python bench/concurrency.py [--requests 2000] [--workers 8]
                                                          [--postgres SERVER_URL]

Makes the 100-document corpus of bench/corpus100.py, ingests its first half (a store
with content), then serves that store (`actorgraph serve`, a subprocess, a free port on
127.0.0.1) while `actorgraph ingest` stores the second half in another process, in
--parts folders one after another (so writes, each ingest's re-resolution included, go on
for as long as the requests do). Once the ingest has stored its first document,
--requests GET requests go to the server,
--workers at a time (pages and API: lists, entity and document pages, search, the
graph), and halfway through a third process records a judgement (`actorgraph merge` of
two entities, which re-resolves the store while the ingest may still be writing).

Prints the status codes, the errors (a request that got no answer), the 5xx, p50 / p95 /
max latency overall and per kind, how many requests were answered while the ingest ran,
the exit codes of the ingest and the judgement, and whether the store ended resolved
(not stale). The goal: 0 errors, 0 5xx, both writers exit 0.

The store is an SQLite file in a temporary folder; with --postgres (a server's URL, e.g.
the one `tools/with_postgres.sh` exports as $ACTORGRAPH_TEST_DB) it is a new database on
that server, dropped at the end:

    tools/with_postgres.sh sh -c '.venv/bin/python bench/concurrency.py --postgres "$ACTORGRAPH_TEST_DB"'
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus100 import make_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CLI = "import sys; from actorgraph.cli.main import cli; sys.argv[0] = 'actorgraph'; cli()"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"),
                                                      env.get("PYTHONPATH")]))
    return env


def _cli(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", CLI, *args], env=_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, **kw)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(base: str, path: str, timeout: float = 60) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(base + path, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def _count(db: str, sql: str) -> int:
    engine = create_engine(db)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(sql)).scalar() or 0)
    finally:
        engine.dispose()


def _stored(db: str) -> int:
    try:
        return _count(db, "SELECT count(*) FROM documents")
    except SQLAlchemyError:
        return 0


def _on_server(server: str, sql: str) -> None:
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(sql)
    finally:
        engine.dispose()


def _new_database(server: str | None, work: Path) -> str:
    """The URL of the bench's empty store: a file in `work`, or a new database on `server`."""
    if not server:
        return f"sqlite:///{work / 'store.db'}"
    name = f"bench_concurrency_{os.getpid()}"
    _on_server(server, f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def _drop_database(server: str | None, db: str) -> None:
    if server:
        _on_server(server, f'DROP DATABASE IF EXISTS "{make_url(db).database}"')


def _urls(base: str) -> list[tuple[str, str]]:
    """(kind, path) pairs: every page and API route, with ids read from the store."""
    ents = json.loads(_get(base, "/api/entities?limit=20")[1])["items"]
    docs = json.loads(_get(base, "/api/documents?limit=20")[1])["items"]
    out = [("home", "/"), ("list", "/entities"), ("list", "/documents"),
           ("list", "/contradictions"), ("list", "/timeline"),
           ("api-list", "/api/entities?limit=50"), ("api-list", "/api/events?limit=50"),
           ("api-list", "/api/claims?limit=50"), ("api-list", "/api/documents"),
           ("api-list", "/api/contradictions"), ("search", "/search?q=Hezbollah"),
           ("search", "/api/search?q=Baku%20drone"), ("search", "/search?q=Iran")]
    for e in ents[:8]:
        out += [("entity", f"/entities/{e['id']}"), ("api-entity", f"/api/entities/{e['id']}"),
                ("graph", f"/entities/{e['id']}/graph")]
    for d in docs[:6]:
        out += [("document", f"/documents/{d['id']}"), ("api-document", f"/api/documents/{d['id']}")]
    return out


def _folders(work: Path, docs: int, parts: int) -> tuple[Path, list[Path], int]:
    """The corpus split: the first half in one folder, the second in `parts` folders."""
    files = make_corpus(work / "corpus", docs)
    half = files[docs // 2:]
    size = -(-len(half) // parts)
    first, folders = work / "first", [work / f"part{i}" for i in range(parts)]
    for folder, part in ((first, files[:docs // 2]),
                         *((folders[i], half[i * size:(i + 1) * size]) for i in range(parts))):
        folder.mkdir()
        for f in part:
            for p in (f, f.with_suffix(".meta.json")):
                p.rename(folder / p.name)
    return first, folders, size


class Writers:
    """Ingests of the parts one after another in other processes, until told to stop."""

    def __init__(self, db: str, parts: list[Path]) -> None:
        self.db, self.parts = db, parts
        self.procs: list[subprocess.Popen] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run)

    def _run(self) -> None:
        for part in self.parts:
            if self.stop.is_set():
                break
            self.procs.append(_cli("ingest", str(part), "--db", self.db))
            self.procs[-1].wait()

    def start(self) -> None:
        before = _stored(self.db)
        self.thread.start()
        while _stored(self.db) == before and self.thread.is_alive():
            time.sleep(0.05)

    def finish(self) -> tuple[list[int], str]:
        self.stop.set()
        self.thread.join()
        codes = [p.wait() for p in self.procs]
        return codes, " | ".join(p.stderr.read().strip()[-300:] for p in self.procs
                                 if p.returncode and p.stderr)


def _load(base: str, db: str, writers: Writers, requests: int, workers: int) -> dict:
    """The requests, `workers` at a time, and a judgement from another process halfway."""
    urls = _urls(base)
    ents = json.loads(_get(base, "/api/entities?limit=2")[1])["items"]
    results: list[tuple[str, int, float, bool]] = []
    errors: Counter = Counter()
    lock = threading.Lock()
    judge: list[subprocess.Popen] = []

    def one(i: int) -> None:
        kind, path = urls[i % len(urls)]
        if i == requests // 2:
            judge.append(_cli("merge", ents[0]["id"], ents[1]["id"], "--db", db,
                              "--reason", "bench: a judgement during an ingest"))
        t0 = time.perf_counter()
        try:
            status, _ = _get(base, path)
        except OSError as err:
            with lock:
                errors[f"{type(err).__name__}: {err}"] += 1
            return
        during = writers.thread.is_alive()
        with lock:
            results.append((kind, status, time.perf_counter() - t0, during))

    t0 = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(one, range(requests)))
    wall = time.perf_counter() - t0
    codes, ingest_err = writers.finish()
    judge_code = judge[0].wait() if judge else None
    judge_err = judge[0].stderr.read().strip() if judge and judge[0].stderr else ""
    return {"results": results, "errors": errors, "wall": wall, "ingest_codes": codes,
            "ingest_err": ingest_err, "judge_code": judge_code, "judge_err": judge_err}


def _pct(xs: list[float], p: float) -> float:
    return 1000 * xs[min(len(xs) - 1, int(p * len(xs)))] if xs else float("nan")


def _report(run: dict, workers: int, size: int, docs: int, stale: bool) -> None:
    results, errors = run["results"], run["errors"]
    statuses = Counter(s for _, s, _, _ in results)
    lat = sorted(d for _, _, d, _ in results)
    print(f"{len(results) + sum(errors.values())} requests, {workers} at a time, in "
          f"{run['wall']:.1f} s; {sum(1 for r in results if r[3])} answered while an ingest "
          f"ran ({len(run['ingest_codes'])} ingests of {size} documents one after another)")
    print(f"status codes: {dict(sorted(statuses.items()))}; 5xx: "
          f"{sum(n for s, n in statuses.items() if s >= 500)}; errors: "
          f"{sum(errors.values())} {dict(errors) if errors else ''}")
    print(f"latency ms: p50 {_pct(lat, 0.5):.0f}, p95 {_pct(lat, 0.95):.0f}, max "
          f"{_pct(lat, 1.0):.0f}")
    by_kind: dict[str, list[float]] = defaultdict(list)
    for kind, _, d, _ in results:
        by_kind[kind].append(d)
    for kind, ds in sorted(by_kind.items()):
        ds.sort()
        print(f"  {kind:13s} n={len(ds):4d} p50 {_pct(ds, 0.5):6.0f} p95 {_pct(ds, 0.95):6.0f}")
    err = run["ingest_err"]
    print(f"ingest exits {run['ingest_codes']}{': ' + err if err else ''}; judgement exit "
          f"{run['judge_code']}{': ' + run['judge_err'][-300:] if run['judge_code'] else ''}; "
          f"{docs} documents stored; store {'STALE' if stale else 'resolved'} at the end")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=8)
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--parts", type=int, default=5)
    ap.add_argument("--postgres", metavar="SERVER_URL",
                    help="store in a new database on this PostgreSQL server instead of SQLite")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        first, parts, size = _folders(work, args.docs, args.parts)
        db = _new_database(args.postgres, work)
        setup = _cli("ingest", str(first), "--db", db)
        assert setup.wait() == 0, setup.stderr.read() if setup.stderr else ""
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = _cli("serve", "--db", db, "--port", str(port))
        try:
            for _ in range(600):
                try:
                    if _get(base, "/", timeout=2)[0] == 200:
                        break
                except OSError:
                    time.sleep(0.1)
            writers = Writers(db, parts)
            writers.start()
            run = _load(base, db, writers, args.requests, args.workers)
        finally:
            server.terminate()
            server.wait()
        try:
            stale = _count(db, "SELECT count(*) FROM store_state WHERE key = 'stale'") > 0
            docs = _count(db, "SELECT count(*) FROM documents")
        finally:
            _drop_database(args.postgres, db)
    print(f"store: {make_url(db).get_backend_name()}")
    _report(run, args.workers, size, docs, stale)


if __name__ == "__main__":
    main()
