"""The analyst's judgements: an append-only log (who, when, what, why).

Nothing is deleted: undoing a judgement marks it undone. The resolve stage
reads the live judgements on every run, so they survive re-ingest and
re-resolution.
"""
from __future__ import annotations

import getpass
from dataclasses import dataclass

from sqlalchemy import insert, select, update

from actorgraph.store import schema as t
from actorgraph.store.db import now, write_transaction
from actorgraph.store.store import Store, mark_stale_in

ACTIONS = ("same", "different", "unsure", "split", "rename", "confirm", "reject")
# confirm / reject judge a link that is not resolution's (a channel's operator:
# a = the channel's id, b = the actor's name, value = the predicate): no re-resolution
LINK_ACTIONS = ("confirm", "reject")


@dataclass(frozen=True)
class Judgement:
    id: int
    action: str
    a: str
    b: str | None
    value: str | None
    author: str
    reason: str | None
    created_at: str
    undone: bool


def _author() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a container
        return "analyst"


@dataclass(frozen=True)
class Recorded:
    """A judgement recorded or undone, with the store's stale token before and after it:
    an incremental re-resolution may start from the entities stored before it only if
    nothing else made the store stale (`before` is None, or the previous judgement's)."""
    id: int
    before: str | None
    token: str


def _stale(conn) -> str | None:
    return conn.execute(select(t.store_state.c.value).where(
        t.store_state.c.key == "stale")).scalar()


def record(store: Store, action: str, a: str, b: str | None = None, value: str | None = None,
           reason: str | None = None, author: str | None = None) -> int:
    """Append a judgement; returns its id."""
    return record_change(store, action, a, b, value, reason, author).id


def record_change(store: Store, action: str, a: str, b: str | None = None,
                  value: str | None = None, reason: str | None = None,
                  author: str | None = None) -> Recorded:
    """Append a judgement; returns it with the stale tokens around it."""
    if action not in ACTIONS:
        raise ValueError(f"unknown judgement {action!r}; one of {', '.join(ACTIONS)}")
    with write_transaction(store.engine) as conn:
        before = _stale(conn)
        res = conn.execute(insert(t.judgements).values(
            action=action, a=a, b=b, value=value, author=author or _author(), reason=reason,
            created_at=now(), undone=False))
        # a link judgement (confirm/reject of a channel link) changes no entity
        token = mark_stale_in(conn) if action not in LINK_ACTIONS else (before or "")
        key = res.inserted_primary_key
        assert key is not None   # one row was inserted
        return Recorded(int(key[0]), before, token)


def undo(store: Store, judgement_id: int) -> bool:
    """Mark a judgement undone; False when there is no such live judgement."""
    return undo_change(store, judgement_id) is not None


def undo_change(store: Store, judgement_id: int) -> Recorded | None:
    """Mark a judgement undone; None when there is no such live judgement."""
    with write_transaction(store.engine) as conn:
        before = _stale(conn)
        res = conn.execute(update(t.judgements).where(
            t.judgements.c.id == judgement_id, t.judgements.c.undone.is_(False)).values(
            undone=True))
        token = mark_stale_in(conn)
        return Recorded(judgement_id, before, token) if res.rowcount == 1 else None


def judgements_by_id(store: Store, ids: list[int]) -> list[Judgement]:
    """These judgements, live or undone."""
    return [j for j in judgements(store, include_undone=True) if j.id in set(ids)]


def judgements(store: Store, include_undone: bool = False) -> list[Judgement]:
    q = select(t.judgements).order_by(t.judgements.c.id)
    if not include_undone:
        q = q.where(t.judgements.c.undone.is_(False))
    with store.engine.connect() as conn:
        return [Judgement(r.id, r.action, r.a, r.b, r.value, r.author, r.reason, r.created_at,
                          bool(r.undone)) for r in conn.execute(q)]
