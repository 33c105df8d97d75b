"""Opening a store: engine, dialect differences, write transactions and locks (the schema's
versions and their upgrade: `versions.py`).

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

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

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
    reads is what it writes over: no other writer can commit in between. It ends by
    setting the store's new revision (`revision.bump`)."""
    from actorgraph.store import revision

    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        elif engine.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
        yield conn
        revision.bump(conn)


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
