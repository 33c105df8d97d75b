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
from actorgraph.store.grades import read_grades
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
IN = 500             # ids per IN (...) of the reads by id
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


def by_ids(ids: Iterable[str]) -> Iterator[list[str]]:
    """The distinct ids, sorted, in lists short enough for one IN (...)."""
    found = sorted(set(ids))
    for i in range(0, len(found), IN):
        yield found[i:i + IN]


def entities_of(conn: Connection, ids: Iterable[str]) -> list[EntityRecord]:
    """The entities of `ids` that exist, each with its names (by name), by id."""
    out = []
    n = t.entity_names.c
    for chunk in by_ids(ids):
        names: dict[str, list[tuple[str, int]]] = {}
        for eid, name, count in conn.execute(select(n.entity_id, n.name, n.count).where(
                n.entity_id.in_(chunk)).order_by(n.entity_id, n.name)):
            names.setdefault(eid, []).append((name, count))
        out += [EntityRecord(r.id, r.type, r.kind, r.name, tuple(names.get(r.id, ())),
                             tuple(json.loads(r.reasons or "[]")))
                for r in conn.execute(select(t.entities).where(t.entities.c.id.in_(chunk)))]
    return sorted(out, key=lambda e: e.id)


def named_by_document(conn: Connection, shown: set[str]) -> Iterator[tuple[str, set[str]]]:
    """Each document of `shown` naming an entity, by id, with the ids of the entities its
    mentions name (the mentions read alone, by index: a join would read each document's
    row for each of its mentions on SQLite)."""
    m = t.mentions.c
    q = select(m.doc_id, m.entity_id).where(m.entity_id.is_not(None))
    for doc_id, found in groups(rows(conn, q.order_by(by_id(conn, m.doc_id))),
                                lambda r: r[0]):
        if doc_id in shown:
            yield doc_id, {eid for _, eid in found}


def facts_of_claims(conn: Connection, ids: Iterable[str], kinds: Iterable[str]
                    ) -> dict[str, list[tuple[str, str]]]:
    """claim id -> (kind, fact id) of the facts of `kinds` that rest on it."""
    fc, f = t.fact_claims.c, t.facts.c
    out: dict[str, list[tuple[str, str]]] = {}
    for chunk in by_ids(ids):
        for cid, kind, fid in conn.execute(select(fc.claim_id, f.kind, f.id).join(
                t.facts, f.id == fc.fact_id).where(fc.claim_id.in_(chunk),
                                                   f.kind.in_(sorted(kinds)))):
            out.setdefault(cid, []).append((kind, fid))
    return out


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
        self._visible: set[str] | None = None
        self._shown: set[str] | None = None
        self._grades: dict[str, str] | None = None

    def documents(self) -> Iterator[dict]:
        return documents(self.conn, self.scope)

    def entities(self) -> Iterator[EntityRecord]:
        found = entities(self.conn)
        if self.scope is None:
            return found
        return (e for chunk in chunks(found)
                for e in scoped_entities(self.conn, self.scope, chunk, self.visible()))

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
        scope, named = self.scope, self.visible() or set()
        return (c for chunk in chunks(found) for c in visible_contradictions(
            chunk, visible_claim_ids(self.conn, scope, (i for c in chunk for i in c["claims"])),
            named))

    def sorted_by(self, pairs: Iterable[tuple[str, str]]) -> Iterator[str]:
        return sorted_by(self.conn, pairs)

    # -- reads by id, for a batch of the rows above --------------------------------------
    def visible(self) -> set[str] | None:
        """The ids of the entities `scope` shows (read once), None when it shows all."""
        if self.scope is None:
            return None
        if self._visible is None:
            self._visible = visible_entities(self.conn, self.scope)
        return self._visible

    def entities_of(self, ids: Iterable[str]) -> dict[str, EntityRecord]:
        """The entities of `ids` that `scope` shows, with their visible names, by id."""
        found = entities_of(self.conn, ids)
        if self.scope is not None:
            found = scoped_entities(self.conn, self.scope, found, self.visible())
        return {e.id: e for e in found}

    def fact_ids_of(self, ids: Iterable[str], role: str, kind: str) -> list[str]:
        """The ids of the facts of `kind` in which one of the entities `ids` has `role`
        (subject, object, actor, target, location), by id."""
        fe, f = t.fact_entities.c, t.facts.c
        return sorted({fid for chunk in by_ids(ids) for fid in self.conn.execute(
            select(fe.fact_id).join(t.facts, f.id == fe.fact_id).where(
                fe.entity_id.in_(chunk), fe.role == role, f.kind == kind)).scalars()})

    def facts_of(self, ids: Iterable[str]) -> list[FactRow]:
        """The facts of `ids` (those `scope` shows, as its visible claims tell them), with
        their claims and entities, by id."""
        f, fc, fe = t.facts.c, t.fact_claims.c, t.fact_entities.c
        found: list[FactRow] = []
        for chunk in by_ids(ids):
            claims: dict[str, list[str]] = {}
            for fid, cid in self.conn.execute(select(fc.fact_id, fc.claim_id).where(
                    fc.fact_id.in_(chunk)).order_by(fc.fact_id, fc.claim_id)):
                claims.setdefault(fid, []).append(cid)
            parts: dict[str, list[tuple[str, str]]] = {}
            for fid, eid, role in self.conn.execute(select(fe.fact_id, fe.entity_id, fe.role)
                                                    .where(fe.fact_id.in_(chunk))):
                parts.setdefault(fid, []).append((eid, role))
            rows = [FactRow(r.id, r.kind, json.loads(r.data), claims.get(r.id, []),
                            r.first_seen, sorted(parts.get(r.id, [])))
                    for r in self.conn.execute(select(t.facts).where(f.id.in_(chunk)))]
            found += rows if self.scope is None else trim_facts(self.conn, self.scope, rows)
        return sorted(found, key=lambda x: x.id)

    def named_by_document(self) -> Iterator[tuple[str, set[str]]]:
        """Each current document (that `scope` shows) naming an entity, by id, with the
        ids of the entities it names."""
        return named_by_document(self.conn, self.shown())

    def facts_of_claims(self, ids: Iterable[str], kinds: Iterable[str]
                        ) -> dict[str, list[tuple[str, str]]]:
        return facts_of_claims(self.conn, ids, kinds)

    def shown(self) -> set[str]:
        """The ids of the current documents that `scope` shows, read once from indexes
        (ids alone: a join with the documents would read each one's row, its text with it,
        on SQLite)."""
        if self._shown is None:
            d = t.documents.c
            self._shown = set(self.conn.execute(select(d.id).where(d.current.is_(True)))
                              .scalars())
            if self.scope is not None:
                self._shown &= set(self.conn.execute(self.scope.doc_ids()).scalars())
        return self._shown

    def claims_of(self, ids: Iterable[str]) -> dict[str, ClaimRow]:
        """The claims of `ids` of current documents (that `scope` shows), without their
        payloads, each with its document's mention key -> entity map for its speaker."""
        c = t.claims.c
        cols = [x for x in t.claims.c if x.name != "payload"]
        found: list[Any] = []
        shown = self.shown()
        for chunk in by_ids(ids):
            found += [r for r in self.conn.execute(select(*cols).where(c.id.in_(chunk)))
                      if r.doc_id in shown]
        keys = self._keys({r.doc_id for r in found}, {r.speaker_key for r in found})
        return {r.id: ClaimRow(r.id, r.doc_id, r.sentence, r.start, r.end, r.kind, {},
                               r.speaker_key, r.modality, r.cue, r.section, r.ingested_at,
                               keys.get(r.doc_id, {})) for r in found}

    def _keys(self, docs: set[str], keys: set[str | None]) -> dict[str, dict[str, str]]:
        m = t.mentions.c
        out: dict[str, dict[str, str]] = {}
        wanted = sorted(k for k in keys if k)
        for chunk in by_ids(docs):
            for j in range(0, len(wanted), IN):
                for doc_id, key, eid in self.conn.execute(select(m.doc_id, m.key, m.entity_id)
                                                          .where(m.doc_id.in_(chunk),
                                                                 m.key.in_(wanted[j:j + IN]),
                                                                 m.entity_id.is_not(None))
                                                          .distinct().order_by(
                                                              m.doc_id, m.key, m.entity_id)):
                    out.setdefault(doc_id, {})[key] = eid
        return out

    def sentences_of(self, claims: Iterable[ClaimRow]) -> dict[str, str]:
        """claim id -> the text of its span, cut from its document's text (each text read
        once, IN documents at a time)."""
        d = t.documents.c
        of: dict[str, list[ClaimRow]] = {}
        for c in claims:
            of.setdefault(c.doc_id, []).append(c)
        out = {}
        for chunk in by_ids(of):
            for doc_id, text in self.conn.execute(select(d.id, d.text).where(d.id.in_(chunk))):
                out.update({c.id: (text or "")[c.start:c.end] for c in of[doc_id]})
        return out

    def documents_of(self, ids: Iterable[str]) -> dict[str, dict]:
        """The current documents of `ids` (that `scope` shows), without their texts."""
        d = t.documents.c
        cols = [x for x in t.documents.c if x.name not in ("text", "original")]
        out = {}
        for chunk in by_ids(ids):
            for r in self.conn.execute(_scoped(select(*cols).where(
                    d.id.in_(chunk), d.current.is_(True)), self.scope)):
                out[r.id] = dict(r._mapping)
        return out

    def relations_to(self, objects: Iterable[str], predicates: Iterable[str]
                     ) -> list[FactRow]:
        """The relations of `predicates` (that `scope` shows) whose object is one of
        `objects`, without their claims, by id."""
        return self.relations_of(objects, "object", predicates)

    def relations_of(self, ids: Iterable[str], role: str, predicates: Iterable[str]
                     ) -> list[FactRow]:
        """The relations of `predicates` (that `scope` shows) whose `role` (subject,
        object) is one of `ids`, without their claims, by id."""
        fe, f = t.fact_entities.c, t.facts.c
        wanted, found = set(predicates), []
        for chunk in by_ids(ids):
            for r in self.conn.execute(select(t.facts).join(t.fact_entities, fe.fact_id == f.id)
                                       .where(fe.entity_id.in_(chunk), fe.role == role,
                                              f.kind == "relation").distinct()):
                data = json.loads(r.data)
                if data.get("predicate") in wanted:
                    found.append(FactRow(r.id, r.kind, data, [], r.first_seen, []))
        if self.scope is not None:
            shown = self._shown_facts(x.id for x in found)
            found = [x for x in found if x.id in shown]
        return sorted(found, key=lambda x: x.id)

    def documents_naming(self, ids: Iterable[str]) -> dict[str, list[str]]:
        """entity id -> the current documents (that `scope` shows) naming it, by id."""
        m = t.mentions.c
        out: dict[str, list[str]] = {}
        shown = self.shown()
        for chunk in by_ids(ids):
            for eid, doc in self.conn.execute(select(m.entity_id, m.doc_id).where(
                    m.entity_id.in_(chunk)).distinct()):
                if doc in shown:
                    out.setdefault(eid, []).append(doc)
        return {eid: sorted(docs) for eid, docs in out.items()}

    def _shown_facts(self, ids: Iterable[str]) -> set[str]:
        """Those of the facts with a claim `scope` shows."""
        assert self.scope is not None
        fc = t.fact_claims.c
        links = [r for chunk in by_ids(ids) for r in self.conn.execute(
            select(fc.fact_id, fc.claim_id).where(fc.fact_id.in_(chunk)))]
        seen = visible_claim_ids(self.conn, self.scope, (c for _, c in links))
        return {f for f, c in links if c in seen}

    def contradicted_among(self, ids: Iterable[str]) -> set[str]:
        """Those of the facts that a contradiction (that `scope` shows) names: by the index
        of the contradictions' facts; at a clearance, each contradiction naming one is read
        (CHUNK at a time: a tally over a hub rests on thousands of claims) and kept if all
        its claims are visible."""
        cf, k = t.contradiction_facts.c, t.contradictions.c
        mine = set(ids)
        if self.scope is None:
            return {f for chunk in by_ids(mine) for f in self.conn.execute(
                select(cf.fact_id).where(cf.fact_id.in_(chunk)).distinct()).scalars()}
        about = {c for chunk in by_ids(mine) for c in self.conn.execute(
            select(cf.contradiction_id).where(cf.fact_id.in_(chunk))).scalars()}
        out: set[str] = set()
        for chunk in chunks(sorted(about)):
            found = []
            for part in by_ids(chunk):
                for r in self.conn.execute(select(t.contradictions).where(k.id.in_(part))):
                    row = dict(r._mapping)
                    row["claims"], row["facts"] = (json.loads(row["claims"]),
                                                   json.loads(row["facts"]))
                    found.append(row)
            out |= {f for x in visible_contradictions(found, visible_claim_ids(
                self.conn, self.scope, (c for x in found for c in x["claims"])),
                self.visible() or set()) for f in x["facts"]}
        return out & mine

    def claim_documents(self, ids: Iterable[str]) -> dict[str, str]:
        """claim id -> its document, of the claims of `ids` of current documents (that
        `scope` shows)."""
        c = t.claims.c
        shown = self.shown()
        return {cid: doc for chunk in by_ids(ids) for cid, doc in self.conn.execute(
            select(c.id, c.doc_id).where(c.id.in_(chunk))) if doc in shown}

    def contradictions_on(self, claim_ids: Iterable[str]) -> list[tuple[str, str]]:
        """(contradiction id, claim id) for the contradictions (that `scope` shows) resting
        on one of the claims, by the index of their claims (a tally over a hub rests on
        thousands: their lists are read only at a clearance, to see them all visible)."""
        cc, k = t.contradiction_claims.c, t.contradictions.c
        pairs = sorted({(x, c) for chunk in by_ids(claim_ids) for x, c in self.conn.execute(
            select(cc.contradiction_id, cc.claim_id).where(cc.claim_id.in_(chunk)))})
        if self.scope is None:
            return pairs
        shown: set[str] = set()
        for chunk in chunks(sorted({x for x, _ in pairs})):
            found = []
            for part in by_ids(chunk):
                for r in self.conn.execute(select(t.contradictions).where(k.id.in_(part))):
                    row = dict(r._mapping)
                    row["claims"] = json.loads(row["claims"])
                    found.append(row)
            shown |= {x["id"] for x in visible_contradictions(found, visible_claim_ids(
                self.conn, self.scope, (c for x in found for c in x["claims"])),
                self.visible() or set())}
        return [(x, c) for x, c in pairs if x in shown]

    def source_grades(self) -> dict[str, str]:
        """source -> its reliability grade (the analyst's)."""
        if self._grades is None:
            self._grades = read_grades(self.conn)
        return self._grades


@contextmanager
def reading(store: Store, scope: Scope | None = None) -> Iterator[Reading]:
    """Streamed reads of `store` on one connection (see `Reading`)."""
    with store.engine.connect() as conn:
        yield Reading(conn, scope)
