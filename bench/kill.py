"""Crash safety: `actorgraph ingest` killed with SIGKILL at random points, then checked.

    PYTHONPATH=src .venv/bin/python bench/kill.py [--runs 100] [--docs 100] [--seed 19]

Makes a corpus of --docs short reports (bench/corpus100.py: windows of the example
reports with their people renamed per round), ingests it once cleanly (the reference:
per-document row counts and the JSON export), then --runs times starts `actorgraph
ingest` in a subprocess and kills it with SIGKILL at a random point. Three kinds of run
take turns (KINDS):

- documents-new: ingest into a new store, killed once a random number of documents
  (0..N) is stored (a random 0-0.5 s later; 0: during start-up), so kills land while
  documents are extracted and stored, and (N) in the final resolution;
- documents: the same from a store holding all but the last --tail documents (kills
  spread over the last batch and the resolution at a fraction of the cost);
- resolve: ingest into a complete store marked stale (as a run killed while resolving
  leaves it), so the process only re-resolves and rebuilds facts and contradictions;
  killed at a random point between the moment that refresh starts (it writes a new
  stale token, which the bench watches for) and its measured length: every kill lands in
  the resolve/facts stage.

After each kill it checks: the store opens (SQLite integrity_check, then as a store);
the full-text index holds exactly the stored documents (and passes FTS5's
integrity-check); no document is half-stored (its segments, sentences, mentions and
claims are all there, as many as in the clean run); a store that is not marked stale has
entities and facts that follow from its documents (the clean export). Then the next
command repairs it (`actorgraph resolve` after a resolve kill; the re-run itself after a
documents kill) and a re-run of the ingest completes (exit 0) with every document once,
the same row counts and the same JSON export, byte for byte, as the clean run. Any
failed check counts as one inconsistency of that run; the goal is 0.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import create_engine

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus100 import make_corpus  # noqa: E402

from actorgraph.export.json_export import dumps  # noqa: E402
from actorgraph.store.store import Store  # noqa: E402
from actorgraph.store.versions import Version, chain, read_version  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CLI = "import sys; from actorgraph.cli.main import cli; sys.argv[0] = 'actorgraph'; cli()"
PER_DOC = ("segments", "sentences", "mentions", "claims")
# the turn of kinds: half the runs from the store of the first documents, a third
# aimed at the refresh, a sixth from an empty store (the dearest)
KINDS = ("documents", "resolve", "documents", "documents-new", "resolve", "documents",
         "migrate")
OLD = "0008_store_state"   # where the migrate runs' stores stand
TABLES = ("documents", "segments", "sentences", "mentions", "claims", "entities",
          "entity_names", "facts", "fact_claims", "fact_entities", "contradictions")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"),
                                                      env.get("PYTHONPATH")]))
    return env


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-c", CLI, *args]


def _run(*args: str) -> tuple[int, float]:
    t0 = time.perf_counter()
    done = subprocess.run(_cli(*args), env=_env(), capture_output=True, text=True)
    return done.returncode, time.perf_counter() - t0


def _per_doc(path: Path) -> dict[str, tuple[int, ...]]:
    """sha256 -> (segments, sentences, mentions, claims) rows stored for that document."""
    with sqlite3.connect(path) as conn:
        docs = dict(conn.execute("SELECT id, sha256 FROM documents"))
        counts: dict[str, list[int]] = {d: [0] * len(PER_DOC) for d in docs}
        for i, table in enumerate(PER_DOC):
            for doc_id, n in conn.execute(f"SELECT doc_id, count(*) FROM {table} GROUP BY doc_id"):
                counts.setdefault(doc_id, [0] * len(PER_DOC))[i] = n
    return {docs.get(d, f"orphan:{d}"): tuple(c) for d, c in counts.items()}


def _table_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def _checkpoint(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _poll(db: Path, sql: str):
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            row = conn.execute(sql).fetchone()
        return row[0] if row else None
    except sqlite3.Error:
        return None


def _stored(db: Path) -> int:
    return _poll(db, "SELECT count(*) FROM documents") or 0


def _token(db: Path) -> str | None:
    return _poll(db, "SELECT value FROM store_state WHERE key = 'stale'")


def _wait(proc: subprocess.Popen, ready, step: float = 0.02) -> bool:
    """Wait until `ready()` or the process ended; True if it is still running."""
    while proc.poll() is None:
        if ready():
            return True
        time.sleep(step)
    return False


class Reference:
    """What a clean run stores, and the stores the killed runs start from."""

    def __init__(self, corpus: Path, work: Path, head: int) -> None:
        self.db = work / "clean.db"
        files = sorted(corpus.glob("*.txt"))
        # a store with the first `head` documents ingested (same paths as the full run)
        held = work / "held"
        held.mkdir()
        for f in files[head:]:
            for p in (f, f.with_suffix(".meta.json")):
                p.rename(held / p.name)
        self.head_db = work / "head.db"
        code, _ = _run("ingest", str(corpus), "--db", str(self.head_db))
        assert code == 0, f"the run on the first {head} documents failed ({code})"
        self.head_export = dumps(Store(f"sqlite:///{self.head_db}", create=False))
        self.head = head
        _checkpoint(self.head_db)
        for p in held.iterdir():
            p.rename(corpus / p.name)
        code, self.full = _run("ingest", str(corpus), "--db", str(self.db))
        assert code == 0, f"the clean run failed ({code})"
        _, self.noop = _run("ingest", str(corpus), "--db", str(self.db))   # start-up, all unchanged
        self.per_doc = _per_doc(self.db)
        self.tables = _table_counts(self.db)
        self.export = dumps(Store(f"sqlite:///{self.db}", create=False))
        _checkpoint(self.db)
        self.old_db = work / "old.db"
        self.old_db.write_bytes(self.head_db.read_bytes())
        _make_old(self.old_db)
        self.stale_db = work / "stale.db"
        self.stale_db.write_bytes(self.db.read_bytes())
        Store(f"sqlite:///{self.stale_db}").mark_stale()
        _checkpoint(self.stale_db)
        probe = work / "probe.db"
        probe.write_bytes(self.stale_db.read_bytes())
        before = _token(probe)
        proc = subprocess.Popen(_cli("ingest", str(corpus), "--db", str(probe)), env=_env(),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait(proc, lambda: _token(probe) != before)
        t0 = time.perf_counter()
        proc.wait()
        self.resolve = time.perf_counter() - t0    # the refresh, from its start to the end


def _make_old(db: Path) -> None:
    """The store as the numbered migrations up to OLD left it (what 0009-0012 add, gone)."""
    with sqlite3.connect(db) as conn:
        conn.execute("DROP INDEX ix_documents_tlp")
        for column in ("extraction_error", "tlp", "encoding"):
            conn.execute(f"ALTER TABLE documents DROP COLUMN {column}")
        conn.execute("DROP TABLE source_tlp")
        conn.execute("DROP TABLE users")
        conn.execute("DROP TABLE alembic_version")
        conn.execute("DELETE FROM migrations")
        conn.executemany("INSERT INTO migrations VALUES (?, '2026-12-01')",
                         [(r,) for r in chain()[:chain().index(OLD) + 1]])
    _checkpoint(db)


def _version(db: Path) -> Version:
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            return read_version(conn)
    finally:
        engine.dispose()


def _after_migrate_kill(db: Path) -> list[str]:
    """A kill during an upgrade leaves the old version or the new, never a mix."""
    version = _version(db)
    if version.revision == OLD and version.legacy:
        with sqlite3.connect(db) as conn:
            have = {r[1] for r in conn.execute("PRAGMA table_info(documents)")}
        if have & {"extraction_error", "tlp", "encoding"}:
            return [f"migrate: old version, new columns {sorted(have)}"]
        return []
    if version.state != "current" or version.legacy:
        return [f"migrate: left at {version}"]
    return []


def _after_kill(db: Path, ref: Reference) -> list[str]:
    """The checks right after a kill, before any other command touches the store."""
    problems = []
    if _version(db).state == "empty":     # killed before the store's first transaction
        return problems
    try:
        store = Store(f"sqlite:///{db}", create=False)   # opens, and finishes its migrations
        with sqlite3.connect(db) as conn:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if ok != "ok":
                problems.append(f"integrity: {ok}")
            stored = {r[0] for r in conn.execute("SELECT id FROM documents")}
            indexed = {r[0] for r in conn.execute("SELECT doc_id FROM documents_fts")}
            if stored != indexed:
                problems.append(f"fts: {len(stored ^ indexed)} documents differ")
            conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
    except Exception as err:  # noqa: BLE001 - any failure to open is the finding
        return problems + [f"open: {type(err).__name__}: {err}"]
    for sha, counts in _per_doc(db).items():
        if ref.per_doc.get(sha) != counts:
            problems.append(f"half-stored: {sha[:12]} {counts} != {ref.per_doc.get(sha)}")
    # a store not marked stale must be resolved for exactly what it holds: nothing yet,
    # the first documents it started from (killed before storing another), or all
    stored = store.stats()["documents"]
    expected = {ref.head: ref.head_export, len(ref.per_doc): ref.export}.get(stored)
    if not store.is_stale() and stored and dumps(store) != expected:
        problems.append("not stale, yet entities/facts do not follow from the documents")
    store.engine.dispose()
    return problems


def _after_rerun(db: Path, ref: Reference) -> list[str]:
    store = Store(f"sqlite:///{db}", create=False)
    problems = []
    if store.is_stale():
        problems.append("still stale after the re-run")
    with sqlite3.connect(db) as conn:
        dup = conn.execute("SELECT count(*) - count(DISTINCT sha256) FROM documents").fetchone()[0]
    if dup:
        problems.append(f"{dup} duplicate documents")
    if _table_counts(db) != ref.tables:
        problems.append(f"row counts differ: {_table_counts(db)}")
    if dumps(store) != ref.export:
        problems.append("export differs from the clean run")
    store.engine.dispose()
    return problems


def _one_run(kind: str, corpus: Path, work: Path, ref: Reference, rng: random.Random,
             docs: int) -> tuple[dict, list[str]]:
    """One killed run. documents runs start from a new store (kind "documents-new", the
    kill after a random number of documents is stored, 0 meaning during start-up) or
    from the store of the first documents ("documents"); resolve runs from the complete
    stale store, killed at a random point of the refresh."""
    db = work / f"run-{kind}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    start = {"resolve": ref.stale_db, "documents": ref.head_db, "migrate": ref.old_db}.get(kind)
    if start is not None:
        db.write_bytes(start.read_bytes())
    first = _stored(db) if start is not None else 0
    before = _token(db)
    proc = subprocess.Popen(_cli("ingest", str(corpus), "--db", str(db)), env=_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if kind == "resolve":
        _wait(proc, lambda: _token(db) != before)
        delay = rng.uniform(0, ref.resolve)
    elif kind == "migrate":
        delay = rng.uniform(0, ref.noop + 0.5)
    else:
        target = rng.randint(first, docs)
        if target == first:
            delay = rng.uniform(0, ref.noop)
        else:
            _wait(proc, lambda: _stored(db) >= target)
            delay = rng.uniform(0, 0.5)
    time.sleep(delay)
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    info = {"kind": kind, "delay": delay, "killed": killed, "docs_at_kill": 0,
            "stale_at_kill": False}
    problems = []
    if kind == "migrate":
        info["old_at_kill"] = _version(db).legacy
        problems = _after_migrate_kill(db)
        if _version(db).state != "current":   # the next command: `actorgraph migrate`
            code, _ = _run("migrate", "--db", str(db))
            if code != 0:
                problems.append(f"migrate exited {code}")
    if db.exists():     # a kill before the file was created leaves nothing to check
        problems += _after_kill(db, ref)
    if db.exists() and _version(db).state != "empty":   # nor one before its first write
        with sqlite3.connect(db) as conn:
            info["docs_at_kill"] = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            info["stale_at_kill"] = conn.execute(
                "SELECT count(*) FROM store_state WHERE key = 'stale'").fetchone()[0] > 0
    if kind == "resolve":     # the next command that writes: `actorgraph resolve`
        code, _ = _run("resolve", "--db", str(db))
        if code != 0:
            problems.append(f"resolve exited {code}")
        if Store(f"sqlite:///{db}", create=False).is_stale():
            problems.append("resolve left the store stale")
    code, _ = _run("ingest", str(corpus), "--db", str(db))
    if code != 0:
        problems.append(f"re-run exited {code}")
    return info, problems + _after_rerun(db, ref)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=100)
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--tail", type=int, default=20,
                    help="documents runs that do not start from an empty store start from "
                    "one with all but the last TAIL documents (default 20)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    t_start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        make_corpus(corpus, args.docs)
        ref = Reference(corpus, work, args.docs - args.tail)
        print(f"corpus: {args.docs} documents; clean run {ref.full:.1f} s, start-up and "
              f"check of an ingested corpus {ref.noop:.1f} s, refresh of a stale store "
              f"{ref.resolve:.1f} s; {ref.tables['entities']} entities, "
              f"{ref.tables['facts']} facts, {ref.tables['contradictions']} contradictions",
              flush=True)
        runs, failures = [], Counter()
        for i in range(args.runs):
            kind = KINDS[i % len(KINDS)]
            info, problems = _one_run(kind, corpus, work, ref, rng, args.docs)
            runs.append(info)
            for p in problems:
                failures[p.split(":")[0]] += 1
            info["bad"] = bool(problems)
            print(f"{i + 1:3d} {kind:13s} kill at {info['delay']:4.1f} s after its mark "
                  f"{'killed' if info['killed'] else 'ended first'}: "
                  f"{info['docs_at_kill']:3d} documents stored, "
                  f"{'stale' if info['stale_at_kill'] else 'fresh'}"
                  f"{' (old schema)' if info.get('old_at_kill') else ''}; "
                  f"{'; '.join(problems) or 'ok'}", flush=True)
    for kind in ("documents-new", "documents", "resolve", "migrate"):
        mine = [r for r in runs if r["kind"] == kind]
        if not mine:
            continue
        stored = [r["docs_at_kill"] for r in mine if r["killed"]]
        print(f"{kind}: {len(mine)} runs, {sum(r['killed'] for r in mine)} killed "
              f"(documents stored at the kill: min {min(stored, default=0)}, median "
              f"{statistics.median(stored) if stored else 0}, max {max(stored, default=0)}; "
              f"stale at the kill {sum(r['stale_at_kill'] for r in mine if r['killed'])}, "
              f"old schema at the kill {sum(bool(r.get('old_at_kill')) for r in mine)}), "
              f"{sum(r['bad'] for r in mine)} with an inconsistency")
    print(json.dumps({"runs": len(runs), "killed": sum(r["killed"] for r in runs),
                      "inconsistent_runs": sum(r["bad"] for r in runs),
                      "failed_checks": dict(failures),
                      "minutes": round((time.perf_counter() - t_start) / 60, 1)}))


if __name__ == "__main__":
    main()
