"""The analyst's source grades (reliability A-F per publisher or author)."""
from __future__ import annotations

import getpass

from sqlalchemy import Connection, insert, select

from actorgraph.store import schema as t
from actorgraph.store.db import now, write_transaction
from actorgraph.store.store import Store

RELIABILITY = {"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
               "D": "not usually reliable", "E": "unreliable", "F": "cannot be judged"}


def set_grade(store: Store, source: str, reliability: str, reason: str | None = None) -> None:
    """Record a grade; the newest grade of a source wins."""
    reliability = reliability.upper()
    if reliability not in RELIABILITY:
        raise ValueError(f"reliability must be one of {', '.join(RELIABILITY)}, not {reliability!r}")
    try:
        who = getpass.getuser()
    except (KeyError, OSError):
        who = "analyst"
    with write_transaction(store.engine) as conn:
        conn.execute(insert(t.source_grades).values(
            source=source, reliability=reliability, author=who, reason=reason, created_at=now()))


def grades(store: Store) -> dict[str, str]:
    """source -> its current reliability grade."""
    with store.engine.connect() as conn:
        return read_grades(conn)


def read_grades(conn: Connection) -> dict[str, str]:
    """`grades`, on a connection."""
    rows = conn.execute(select(t.source_grades.c.source, t.source_grades.c.reliability)
                        .order_by(t.source_grades.c.id)).all()
    return {source: grade for source, grade in rows}
