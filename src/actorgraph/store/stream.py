"""Reads of the whole store a batch of rows at a time, for exports: memory stays bounded
whatever the store's size (server-side cursors on PostgreSQL).

Every reader takes one connection (so an export reads one store) and yields rows in the
order the list-returning readers give them (`Store.documents`, `Store.entities`,
`facts.read_facts`, `facts.read_claims`, `facts.read_contradictions`). Rows of one table
that belong to a row of another (a fact's claims, an entity's names, a document's claims
and mention keys) are read by a second cursor in the same order and merged, never held
for the whole store. `sorted_by` orders what a pass in one order made by another key, in
a temporary table of the connection.
"""
from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Column, Connection, MetaData, String, Table, Text, insert, select
from sqlalchemy.sql import ColumnElement, Select

from actorgraph.store import schema as t
from actorgraph.store.facts import ClaimRow, FactRow
from actorgraph.store.store import EntityRecord
from actorgraph.store.tlp import (
    Scope,
    scoped_entities,
    trim_facts,
    visible_claim_ids,
    visible_contradictions,
    visible_entities,
)

if TYPE_CHECKING:
    from actorgraph.store.store import Store

BATCH = 500          # rows fetched at a time
CHUNK = 2000         # entities, facts or contradictions trimmed to a scope at a time
T = TypeVar("T")


def rows(conn: Connection, q: Select, per: int = 1) -> Iterator[Any]:
    """The rows of `q`, fetched BATCH // `per` at a time."""
    yield from conn.execute(q.execution_options(yield_per=max(1, BATCH // per)))


def by_id(conn: Connection, col: ColumnElement) -> ColumnElement:
    """`col` to order by as Python compares strings (code point order): SQLite's default
    collation does; PostgreSQL's may not, so there it is ordered by "C"."""
    return col.collate("C") if conn.dialect.name == "postgresql" else col


def groups(items: Iterable[T], key: Callable[[T], str]) -> Iterator[tuple[str, list[T]]]:
    return ((k, list(g)) for k, g in itertools.groupby(items, key))


class Merge:
    """The groups of a sorted stream, taken in step with another stream in the same order:
    `take(k)` gives the rows of key k, skipping the groups of keys before it (in Python's
    order: the streams are ordered `by_id`). With `subset`, every key of this stream is one
    of the other's, which may then be in any order the database gives: nothing is
    skipped."""

    def __init__(self, items: Iterable[T], key: Callable[[T], str], subset: bool = False
                 ) -> None:
        self._groups = groups(items, key)
        self._head: tuple[str, list] | None = next(self._groups, None)
        self._subset = subset

    def take(self, k: str) -> list:
        while not self._subset and self._head is not None and self._head[0] < k:
            self._head = next(self._groups, None)
        if self._head is None or self._head[0] != k:
            return []
        found = self._head[1]
        self._head = next(self._groups, None)
        return found


def _scoped(q: Select, scope: Scope | None) -> Select:
    return q.where(scope.documents()) if scope is not None and not scope.everything else q


def documents(conn: Connection, scope: Scope | None = None) -> Iterator[dict]:
    """The current documents without their texts, by id (those `scope` shows, if given)."""
    q = select(*[c for c in t.documents.c if c.name not in ("text", "original")]).where(
        t.documents.c.current.is_(True))
    for r in rows(conn, _scoped(q, scope).order_by(by_id(conn, t.documents.c.id))):
        yield dict(r._mapping)


def entities(conn: Connection) -> Iterator[EntityRecord]:
    """Every entity with its names (by name), by id."""
    n = t.entity_names.c
    names = Merge(rows(conn, select(n.entity_id, n.name, n.count).order_by(
        by_id(conn, n.entity_id), n.name)), lambda r: r[0])
    for r in rows(conn, select(t.entities).order_by(by_id(conn, t.entities.c.id))):
        found = tuple((name, count) for _, name, count in names.take(r.id))
        yield EntityRecord(r.id, r.type, r.kind, r.name, found,
                           tuple(json.loads(r.reasons or "[]")))


def facts(conn: Connection, kind: str) -> Iterator[FactRow]:
    """The facts of one kind, by id (as `read_facts` orders them: in the database's
    order), each with its claims (by id) and entities."""
    f, fc, fe = t.facts.c, t.fact_claims.c, t.fact_entities.c
    mine = f.kind == kind
    links = Merge(rows(conn, select(fc.fact_id, fc.claim_id).join(
        t.facts, f.id == fc.fact_id).where(mine).order_by(fc.fact_id, fc.claim_id)),
        lambda r: r[0], subset=True)
    parts = Merge(rows(conn, select(fe.fact_id, fe.entity_id, fe.role).join(
        t.facts, f.id == fe.fact_id).where(mine).order_by(fe.fact_id)),
        lambda r: r[0], subset=True)
    for r in rows(conn, select(t.facts).where(mine).order_by(f.id)):
        yield FactRow(r.id, r.kind, json.loads(r.data), [c for _, c in links.take(r.id)],
                      r.first_seen, sorted((e, role) for _, e, role in parts.take(r.id)))


def claims_by_document(conn: Connection, scope: Scope | None = None
                       ) -> Iterator[tuple[str, list[ClaimRow]]]:
    """Each current document (that `scope` shows) with claims: its text ("" for none) and
    its claims, each with the document's mention key -> entity map."""
    d, m, c = t.documents.c, t.mentions.c, t.claims.c
    keys = Merge(rows(conn, select(m.doc_id, m.key, m.entity_id).where(
        m.entity_id.is_not(None)).order_by(by_id(conn, m.doc_id), m.key, m.entity_id)),
        lambda r: r[0])
    found = Merge(rows(conn, _scoped(select(t.claims).join(t.documents, d.id == c.doc_id)
                                     .where(d.current.is_(True)), scope)
                       .order_by(by_id(conn, c.doc_id), c.id)), lambda r: r.doc_id)
    texts = rows(conn, _scoped(select(d.id, d.text).where(d.current.is_(True)), scope)
                 .order_by(by_id(conn, d.id)), per=10)   # with texts
    for doc_id, text in texts:
        mine = found.take(doc_id)
        if not mine:
            keys.take(doc_id)
            continue
        doc_keys = {key: eid for _, key, eid in keys.take(doc_id)}
        yield text or "", [ClaimRow(r.id, r.doc_id, r.sentence, r.start, r.end, r.kind,
                                    json.loads(r.payload), r.speaker_key, r.modality, r.cue,
                                    r.section, r.ingested_at, doc_keys) for r in mine]


def contradictions(conn: Connection) -> Iterator[dict]:
    """Every contradiction, by id, its claims and facts decoded."""
    for r in rows(conn, select(t.contradictions).order_by(t.contradictions.c.id)):
        row = dict(r._mapping)
        row["claims"] = json.loads(row["claims"])
        row["facts"] = json.loads(row["facts"])
        yield row


_sorts = itertools.count()


def sorted_by(conn: Connection, pairs: Iterable[tuple[str, str]]) -> Iterator[str]:
    """The values of (key, value) pairs in the order of their keys as the store orders
    strings (as `ORDER BY` on an id column does), sorted by the database in a temporary
    table of `conn`, so that memory stays bounded; the table is dropped at the end."""
    table = Table(f"sorted_{next(_sorts)}", MetaData(), Column("key", String(60)),
                  Column("value", Text), prefixes=["TEMPORARY"])
    table.create(conn)
    try:
        for batch in chunks(pairs, BATCH):
            conn.execute(insert(table), [{"key": k, "value": v} for k, v in batch])
        for (value,) in rows(conn, select(table.c.value).order_by(table.c.key)):
            yield value
    finally:
        table.drop(conn)


def chunks(items: Iterable[T], size: int | None = None) -> Iterator[list[T]]:
    """`items` in lists of `size` (CHUNK when not given; the last may be shorter)."""
    it = iter(items)
    while chunk := list(itertools.islice(it, size or CHUNK)):
        yield chunk


class Reading:
    """The readers above on one connection, of what `scope` shows (when given): each
    entity with its visible names, each fact as its visible claims tell it, the
    contradictions whose claims are all visible (`tlp`), trimmed CHUNK rows at a time."""

    def __init__(self, conn: Connection, scope: Scope | None) -> None:
        self.conn = conn
        self.scope = scope if scope is not None and not scope.everything else None

    def documents(self) -> Iterator[dict]:
        return documents(self.conn, self.scope)

    def entities(self) -> Iterator[EntityRecord]:
        found = entities(self.conn)
        if self.scope is None:
            return found
        return (e for chunk in chunks(found)
                for e in scoped_entities(self.conn, self.scope, chunk))

    def facts(self, kind: str) -> Iterator[FactRow]:
        found = facts(self.conn, kind)
        if self.scope is None:
            return found
        return (f for chunk in chunks(found) for f in trim_facts(self.conn, self.scope, chunk))

    def claims_by_document(self) -> Iterator[tuple[str, list[ClaimRow]]]:
        return claims_by_document(self.conn, self.scope)

    def contradictions(self) -> Iterator[dict]:
        found = contradictions(self.conn)
        if self.scope is None:
            return found
        scope, named = self.scope, visible_entities(self.conn, self.scope)
        return (c for chunk in chunks(found) for c in visible_contradictions(
            chunk, visible_claim_ids(self.conn, scope, (i for c in chunk for i in c["claims"])),
            named))

    def sorted_by(self, pairs: Iterable[tuple[str, str]]) -> Iterator[str]:
        return sorted_by(self.conn, pairs)


@contextmanager
def reading(store: Store, scope: Scope | None = None) -> Iterator[Reading]:
    """Streamed reads of `store` on one connection (see `Reading`)."""
    with store.engine.connect() as conn:
        yield Reading(conn, scope)
