"""The store's revision: a token every transaction that writes replaces, in that
transaction, so one row read tells whether anything changed since (`cache.StoreCache`),
whichever process wrote it.

A random token, not a counter: a store replaced by another (`restore --force`) never
comes back to a revision a reader saw before."""
from __future__ import annotations

import uuid

from sqlalchemy import Connection, select, text

from actorgraph.store import schema as t

KEY = "revision"
_SET = text("INSERT INTO store_state (key, value) VALUES (:key, :value) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value")


def bump(conn: Connection) -> None:
    """A new revision (in the caller's transaction, which writes)."""
    conn.execute(_SET, {"key": KEY, "value": uuid.uuid4().hex})


def current(conn: Connection) -> str | None:
    """The store's revision; None before its first write through this version."""
    return conn.execute(select(t.store_state.c.value).where(
        t.store_state.c.key == KEY)).scalar()
