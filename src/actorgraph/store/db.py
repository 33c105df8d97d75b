"""Opening a store: engine, dialect differences and named, transactional migrations.

SQLite is the default (`./actorgraph.db`); PostgreSQL works by URL. Every
dialect difference lives here.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, insert, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError

from actorgraph.store import schema
from actorgraph.store.search import create_index
from actorgraph.store.summaries import refresh

DEFAULT_URL = "sqlite:///actorgraph.db"
BUSY_TIMEOUT_MS = 30_000   # how long SQLite waits for another process's write to finish
WRITE_RETRIES = 5          # attempts of a write transaction still locked after the wait
WRITE_LOCK = 0x61677261    # PostgreSQL advisory lock key of a store's writers ("agra")
T = TypeVar("T")


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


def _postgres_search(conn: Connection) -> None:
    """PostgreSQL's full-text index (tsvector, GIN); stores made before it had none (SQLite's
    FTS5 index is migration 0005's)."""
    if conn.dialect.name == "postgresql":
        create_index(conn)


def _tlp_and_users(conn: Connection) -> None:
    """TLP markings of documents and sources, and the team server's users."""
    if "tlp" not in {c["name"] for c in inspect(conn).get_columns("documents")}:
        conn.exec_driver_sql("ALTER TABLE documents ADD COLUMN tlp VARCHAR(10)")
    schema.source_tlp.create(conn, checkfirst=True)
    schema.users.create(conn, checkfirst=True)
    # the visible documents are read from this index alone, not from the rows that hold
    # whole texts (the marking is their last column)
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_documents_tlp "
                         "ON documents (tlp, publisher, id)")


def _document_encoding(conn: Connection) -> None:
    """The encoding a document's bytes were decoded from; empty for documents stored
    before it was recorded (and for PDFs)."""
    if "encoding" not in {c["name"] for c in inspect(conn).get_columns("documents")}:
        conn.exec_driver_sql("ALTER TABLE documents ADD COLUMN encoding VARCHAR(40)")


def _channels(conn: Connection) -> None:
    """Channels read from exports and their `operates_channel` links with evidence."""
    schema.channels.create(conn, checkfirst=True)
    schema.channel_links.create(conn, checkfirst=True)


def _page_indexes(conn: Connection) -> None:
    """What an entity's pages count and rank from (store/summaries.py), filled for the
    facts and contradictions already stored; an index for the speakers of their claims."""
    for table in (schema.entity_facts, schema.contradiction_entities,
                  schema.contradiction_facts):
        table.create(conn, checkfirst=True)
    # the speakers of a page's claims: a few keys in many documents
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_mentions_doc_key "
                         "ON mentions (doc_id, key, entity_id)")
    refresh(conn)


def _resolution_index(conn: Connection) -> None:
    """The resolution index (`store/resolution_index.py`); empty until the next full
    resolution fills it, so the first judgement after it re-resolves in full."""
    for table in (schema.resolve_groups, schema.resolve_keys, schema.resolve_pairs,
                  schema.resolve_entities):
        table.create(conn, checkfirst=True)


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
    ("0010_postgres_search", _postgres_search),
    ("0011_tlp_and_users", _tlp_and_users),
    ("0012_document_encoding", _document_encoding),
    ("0013_channels", _channels),
    ("0014_page_indexes", _page_indexes),
    ("0015_resolution_index", _resolution_index),
]


def _no_nul(value):
    """A parameter PostgreSQL can hold: its text type refuses NUL characters, which no stored
    text has (the loader refuses binary files) and no id has; U+FFFD stands in for them, so a
    look-up of such an id finds nothing, as on SQLite, instead of failing."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd") if "\x00" in value else value
    if isinstance(value, dict):
        return {k: _no_nul(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_no_nul(v) for v in value)
    return value


def make_engine(url: str) -> Engine:
    """An engine; on SQLite, WAL mode (readers never wait for a writer, the writer never
    for readers), foreign keys, and a busy timeout so that a second writer (an ingest in
    one process, a judgement in another) waits for the first instead of failing."""
    # a server's connections may be closed under the pool (restart, idle timeout): each is
    # pinged before reuse
    engine = create_engine(url, future=True, pool_pre_ping=not url.startswith("sqlite"))
    if engine.dialect.name == "postgresql":
        @event.listens_for(engine, "before_cursor_execute", retval=True)
        def _params(conn, cursor, statement, parameters, context, executemany):
            return statement, _no_nul(parameters)
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # pragma: no cover - trivial
            cur = dbapi_conn.cursor()
            cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()
    return engine


def _locked(err: OperationalError) -> bool:
    text = str(err.orig).lower()
    return "locked" in text or "busy" in text


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that writes. It takes the store's write lock at once (SQLite: BEGIN
    IMMEDIATE, waiting up to the busy timeout for another writer; PostgreSQL: one
    transaction-scoped advisory lock that every writer of the store takes), so what it
    reads is what it writes over: no other writer can commit in between."""
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        elif engine.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
        yield conn


def retry_locked(work: Callable[[], T], attempts: int = WRITE_RETRIES) -> T:
    """Run `work` (one whole transaction), again after a pause while the database stays
    locked by another process past the busy timeout; other errors pass through."""
    for attempt in range(attempts):
        try:
            return work()
        except OperationalError as err:
            if not _locked(err) or attempt == attempts - 1:
                raise
            time.sleep(0.2 * 2 ** attempt)
    raise AssertionError("unreachable")


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
    """Apply the migrations this database lacks; returns their names. Each runs under the
    write lock and is checked again there, so two processes opening a new store at once
    (an ingest and `serve`) never apply one twice."""
    applied: list[str] = []
    with engine.connect() as conn:
        have_log = inspect(conn).has_table("migrations")
    if not have_log:
        with write_transaction(engine) as conn:
            schema.migrations.create(conn, checkfirst=True)
    with engine.connect() as conn:
        done = {r.name for r in conn.execute(select(schema.migrations.c.name))}
    for name, func in MIGRATIONS:
        if name in done:
            continue
        with write_transaction(engine) as conn:
            if conn.execute(select(schema.migrations.c.name).where(
                    schema.migrations.c.name == name)).first() is not None:
                continue
            func(conn)
            conn.execute(insert(schema.migrations).values(name=name, applied_at=now()))
        applied.append(name)
    return applied
