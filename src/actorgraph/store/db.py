"""Opening a store: engine, dialect differences and named, transactional migrations.

SQLite is the default (`./actorgraph.db`); PostgreSQL works by URL. Every
dialect difference lives here.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, create_engine, event, insert, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError

from actorgraph.store import schema
from actorgraph.store.search import create_index

DEFAULT_URL = "sqlite:///actorgraph.db"


class StoreError(Exception):
    """A database that cannot be opened as a store; says which and why."""


def resolve_url(url: str | None) -> str:
    """The database URL: the given one, else $ACTORGRAPH_DB, else ./actorgraph.db.

    A bare file path is taken as an SQLite file.
    """
    url = url or os.environ.get("ACTORGRAPH_DB") or DEFAULT_URL
    if "://" not in url:
        url = f"sqlite:///{os.path.abspath(url)}"
    return url


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _initial(conn: Connection) -> None:
    schema.metadata.create_all(conn)


# Named migrations, applied once each, in order, each in its own transaction.
def _facts(conn: Connection) -> None:
    for table in (schema.claims, schema.facts, schema.fact_claims, schema.fact_entities):
        table.create(conn, checkfirst=True)


def _contradictions(conn: Connection) -> None:
    schema.contradictions.create(conn, checkfirst=True)


def _document_search(conn: Connection) -> None:
    create_index(conn)


READ_INDEXES = (   # name, table, columns
    ("ix_documents_current_published", "documents", '"current", published, id'),
    ("ix_claims_doc_start", "claims", 'doc_id, "start", id'),
    ("ix_mentions_entity_doc", "mentions", "entity_id, doc_id"),
)


def _read_indexes(conn: Connection) -> None:
    """Indexes for paged reads (the web UI): documents by date, claims in document order,
    an entity's documents."""
    for name, table, columns in READ_INDEXES:
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})")


def _source_grades(conn: Connection) -> None:
    schema.source_grades.create(conn, checkfirst=True)


def _document_extractor(conn: Connection) -> None:
    """Which extractor (name, version) read each document; a store made before it was
    recorded leaves both empty."""
    have = {c["name"] for c in inspect(conn).get_columns("documents")}
    for column in ("extractor", "extractor_version"):
        if column not in have:
            conn.exec_driver_sql(f"ALTER TABLE documents ADD COLUMN {column} VARCHAR(120)")


def _store_state(conn: Connection) -> None:
    schema.store_state.create(conn, checkfirst=True)


def _extraction_error(conn: Connection) -> None:
    """Why a document's extraction failed or is incomplete; empty for a clean one."""
    if "extraction_error" not in {c["name"] for c in inspect(conn).get_columns("documents")}:
        conn.exec_driver_sql("ALTER TABLE documents ADD COLUMN extraction_error TEXT")


def _document_encoding(conn: Connection) -> None:
    """The encoding a document's bytes were decoded from; empty for documents stored
    before it was recorded (and for PDFs)."""
    if "encoding" not in {c["name"] for c in inspect(conn).get_columns("documents")}:
        conn.exec_driver_sql("ALTER TABLE documents ADD COLUMN encoding VARCHAR(40)")


MIGRATIONS: list[tuple[str, Callable[[Connection], None]]] = [
    ("0001_initial", _initial),
    ("0002_claims_and_facts", _facts),
    ("0003_contradictions", _contradictions),
    ("0004_source_grades", _source_grades),
    ("0005_document_search", _document_search),
    ("0006_read_indexes", _read_indexes),
    ("0007_document_extractor", _document_extractor),
    ("0008_store_state", _store_state),
    ("0009_extraction_error", _extraction_error),
    ("0010_document_encoding", _document_encoding),
]


def make_engine(url: str) -> Engine:
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # pragma: no cover - trivial
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()
    return engine


def sqlite_path(url: str) -> str | None:
    """The file of an SQLite URL (None for other databases and for in-memory SQLite)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return parsed.database


def open_engine(url: str, create: bool = True) -> Engine:
    """An engine on a store at `url`, migrated to this version's schema.

    With `create=False` (commands that only read) a missing SQLite file is an error, not a
    new empty store; a file that is not a database, or a database that is not a store, is
    a `StoreError` naming it."""
    path = sqlite_path(url)
    if path is not None and not create and not os.path.exists(path):
        raise StoreError(f"{path}: no store there (check --db or $ACTORGRAPH_DB; "
                         "`actorgraph ingest` creates one)")
    engine = make_engine(url)
    try:
        migrate(engine)
        lacking = missing_columns(engine)
    except DatabaseError as err:
        engine.dispose()
        raise StoreError(f"{path or url}: not an actorgraph store ({err.orig})") from None
    if lacking:
        engine.dispose()
        raise StoreError(f"{path or url}: a damaged store: it lacks {', '.join(lacking)} "
                         "(restore a backup, or ingest into a new store)")
    return engine


def missing_columns(engine: Engine) -> list[str]:
    """The tables and columns of this version's schema the database lacks ("table
    documents", "column documents.author"): a store altered by hand or by another tool."""
    out: list[str] = []
    with engine.connect() as conn:
        found = inspect(conn)
        tables = set(found.get_table_names())
        for table in schema.metadata.sorted_tables:
            if table.name not in tables:
                out.append(f"table {table.name}")
                continue
            have = {c["name"] for c in found.get_columns(table.name)}
            out += [f"column {table.name}.{c.name}" for c in table.columns if c.name not in have]
    return out


def migrate(engine: Engine) -> list[str]:
    """Apply the migrations this database lacks; returns their names."""
    applied: list[str] = []
    with engine.begin() as conn:
        if not inspect(conn).has_table("migrations"):
            schema.migrations.create(conn)
    with engine.connect() as conn:
        done = {r.name for r in conn.execute(select(schema.migrations.c.name))}
    for name, func in MIGRATIONS:
        if name in done:
            continue
        with engine.begin() as conn:
            func(conn)
            conn.execute(insert(schema.migrations).values(name=name, applied_at=now()))
        applied.append(name)
    return applied
