"""Writes the fixtures of tests/store/test_versions.py: for each numbered migration of
the store before Alembic (0001 ... 0012), the statements that the code of the commit
which introduced it ran to create a new store, followed by a few rows written with that
schema (a document, a judgement, a claim and a source grade where the schema has them).

    PYTHONPATH=src .venv/bin/python tools/legacy_stores.py            # SQLite
    tools/with_postgres.sh .venv/bin/python tools/legacy_stores.py    # and PostgreSQL

It takes each commit's store package from git (`git show`), so it needs the repository's
history; the tests only replay the files it wrote (tests/store/legacy/DIALECT-NNNN.json:
a list of [statement, parameters]).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "store" / "legacy"
# the commit of main that added each numbered migration
POINTS = {1: "6e1b150", 2: "7871731", 3: "008c121", 4: "725f3fe", 5: "e26cfde",
          6: "84018e0", 7: "21df72b", 8: "a2de501", 9: "a9413a4", 10: "7ef9e90",
          11: "c3ac061", 12: "555554d"}
FILES = ("store/__init__.py", "store/db.py", "store/schema.py", "store/search.py")

CAPTURE = r'''
import json, sys
from sqlalchemy import event, insert, inspect
from actorgraph.store import db, schema as t

url, out = sys.argv[1], sys.argv[2]
engine = db.make_engine(url)
log = []

@event.listens_for(engine, "before_cursor_execute")
def _log(conn, cursor, statement, parameters, context, executemany):
    head = statement.lstrip().split(None, 1)[0].upper()
    if head not in ("SELECT", "PRAGMA", "BEGIN", "COMMIT", "ROLLBACK", "SHOW"):
        log.append([statement, list(parameters) if isinstance(parameters, tuple)
                    else parameters])

db.migrate(engine)
now = "2026-11-26T10:00:00+00:00"
text = ("The Example Brigade was founded in 2011 in Aleppo, according to a report "
        "published by the Example Monitor in 2019.")
doc = dict(id="d" * 16, source="/reports/example.txt", title="An example report",
           publisher="Example Monitor", author="A. Writer", published="2019-05-01",
           url=None, language="en", sha256="a" * 64, media_type="text/plain", text=text,
           original=text.encode(), version=1, current=True, ingested_at=now, imported=False)
have = {c["name"] for c in inspect(engine).get_columns("documents")}
if "encoding" in have:
    doc["encoding"] = "windows-1251"
with engine.begin() as conn:
    conn.execute(insert(t.documents).values(**doc))
    conn.execute(insert(t.sentences).values(doc_id=doc["id"], idx=0, start=0, end=len(text),
                                            kind="body"))
    for surface, etype in (("Example Brigade", "organization"), ("Aleppo", "place")):
        at = text.index(surface)
        key = f"{etype}:{surface.lower()}"
        conn.execute(insert(t.mentions).values(
            id=f"{doc['id']}:{at}", doc_id=doc["id"], start=at, end=at + len(surface),
            text=surface, sentence=0, type=etype, kind=None, key=key, name=surface,
            role="name", refers_to=None, label=None, section="body",
            votes=json.dumps({etype: 1.0}), evidence="[]", entity_id=None))
    conn.execute(insert(t.judgements).values(action="different", a="Example Brigade",
                                             b="Example Monitor", author="analyst",
                                             reason="a group and a publisher",
                                             created_at=now, undone=False))
    if hasattr(t, "claims"):
        conn.execute(insert(t.claims).values(
            id="c" * 16, doc_id=doc["id"], sentence=0, start=0, end=len(text),
            kind="relation", payload=json.dumps({
                "subject": "organization:example brigade", "predicate": "based_in",
                "object": "place:aleppo", "support": [], "rule": "legacy", "date": None}),
            speaker_key=None, modality="asserted", cue=None,
            section="body", ingested_at=now))
    if hasattr(t, "source_grades"):
        conn.execute(insert(t.source_grades).values(
            source="Example Monitor", reliability="B", author="analyst", reason=None,
            created_at=now))
def plain(v):
    v = getattr(v, "obj", v)     # psycopg's Binary wrapper
    if isinstance(v, bytes | memoryview):
        return {"bytes": bytes(v).decode("latin-1")}
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    return v
json.dump([[s, plain(p)] for s, p in log], open(out, "w"), indent=0, ensure_ascii=False)
'''


def capture(n: int, commit: str, url: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        package = Path(tmp) / "actorgraph"
        (package / "store").mkdir(parents=True)
        (package / "__init__.py").write_text("")
        for name in FILES:
            shown = subprocess.run(["git", "show", f"{commit}:src/actorgraph/{name}"],
                                   cwd=ROOT, capture_output=True, text=True)
            if shown.returncode == 0:
                (package / name).write_text(shown.stdout)
        env = dict(os.environ, PYTHONPATH=tmp)
        subprocess.run([sys.executable, "-c", CAPTURE, url, str(out)], env=env, check=True)
    print(f"{out.name}: {len(json.loads(out.read_text()))} statements ({commit})")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    server = os.environ.get("ACTORGRAPH_TEST_DB")
    for n, commit in POINTS.items():
        with tempfile.TemporaryDirectory() as tmp:
            capture(n, commit, f"sqlite:///{tmp}/store.db", OUT / f"sqlite-{n:04d}.json")
        if server:
            from sqlalchemy import create_engine, text
            name = f"legacy_{n:04d}"
            admin = create_engine(server, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))
                conn.execute(text(f"CREATE DATABASE {name}"))
            url = admin.url.set(database=name).render_as_string(hide_password=False)
            capture(n, commit, url, OUT / f"postgresql-{n:04d}.json")
            with admin.connect() as conn:
                conn.execute(text(f"DROP DATABASE {name}"))
            admin.dispose()


if __name__ == "__main__":
    main()
