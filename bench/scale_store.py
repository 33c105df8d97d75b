"""A large store made fast from a smaller generated one, for bench/scale.py.

`bench/serve.py`'s `generate` copies extracted rows in Python (about 40 s for 10,000
documents on an idle machine, but an hour for 100,000 on two cores shared with other
work). `multiply` makes a store of `times` x the documents of such a store inside SQLite
instead: round r = 1..times-1 copies every document (its text with a line "Round r."
appended, so no two documents have the same content; its sha256's last four hex digits replaced by
"r001".. (not hex: no original has it), which nothing reads but ingest's test for a repeat; its source, title and id
suffixed with r), and its segments, sentences, mentions and claims with the same offsets
(the text only grows at its end) and ids suffixed with r. Each copied claim supports the
facts its original supports, in the same group of renamed entities, so the facts of each
group gather ten times the claims and documents, the hubs (the countries every group
shares) ten times the mentions: a corpus ten times as long on the same actors. The names'
counts are multiplied by `times`; the search index fills through its triggers; the pages'
indexes (`store.summaries`) are rebuilt at the end. Entities, facts and contradictions are
not copied (contradictions keep the claims they had).
"""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path

PER_DOCUMENT = ("segments", "sentences")   # (doc_id, ...) rows copied with a new doc_id


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def _copy(conn: sqlite3.Connection, table: str, replace: dict[str, str],
          where: str = "") -> None:
    cols = _columns(conn, table)
    picked = ", ".join(replace.get(c, f'"{c}"') for c in cols)
    names = ", ".join(f'"{c}"' for c in cols)
    conn.execute(f"INSERT INTO {table} ({names}) SELECT {picked} FROM {table} {where}")


def multiply(path: Path, times: int, say=print) -> None:
    """Make the SQLite store at `path` `times` times as large, in place (see above)."""
    from actorgraph.store.store import Store
    from actorgraph.store.summaries import refresh

    Store(f"sqlite:///{path}").engine.dispose()   # at this version's schema first
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-400000")
    conn.execute("CREATE TEMP TABLE original_docs AS SELECT id FROM documents")
    conn.execute("CREATE TEMP TABLE original_claims AS SELECT id FROM claims")
    for r in range(1, times):
        t0 = time.perf_counter()
        s = f"'r{r}'"
        doc = f"doc_id || {s}"
        mine = "WHERE doc_id IN (SELECT id FROM temp.original_docs)"
        conn.execute("BEGIN")
        _copy(conn, "documents", {
            "id": f"id || {s}", "source": f"source || '#' || {s}",
            "title": f"title || ' ' || {s}",
            "sha256": f"substr(sha256, 1, 60) || printf('r%03d', {r})",
            "text": f"text || 'Round {r}.' || char(10)",
            "original": f"CAST(text || 'Round {r}.' || char(10) AS BLOB)"},
            "WHERE id IN (SELECT id FROM temp.original_docs)")
        for table in PER_DOCUMENT:
            _copy(conn, table, {"doc_id": doc}, mine)
        _copy(conn, "mentions", {"doc_id": doc,
                                 "id": f"doc_id || {s} || substr(id, length(doc_id) + 1)"},
              mine)
        _copy(conn, "claims", {"doc_id": doc, "id": f"id || {s}"}, mine)
        _copy(conn, "fact_claims", {"claim_id": f"claim_id || {s}"},
              "WHERE claim_id IN (SELECT id FROM temp.original_claims)")
        conn.execute("COMMIT")
        say(f"  round {r} of {times - 1} copied in {time.perf_counter() - t0:.0f} s")
    conn.execute(f"UPDATE entity_names SET count = count * {int(times)}")
    conn.close()
    store = Store(f"sqlite:///{path}")
    t0 = time.perf_counter()
    with store.engine.begin() as db:
        refresh(db)
    store.engine.dispose()
    say(f"  pages' indexes rebuilt in {time.perf_counter() - t0:.0f} s")
