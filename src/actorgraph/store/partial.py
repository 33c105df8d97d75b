"""Reads and writes of a part of the store, for an incremental re-resolution: the claims
of some documents, the facts of some entities, and one transaction that swaps the
entities, facts and contradictions a judgement changed (`write_partial`)."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from sqlalchemy import Connection, Row, bindparam, delete, insert, select, update

from actorgraph.knowledge.names import fold
from actorgraph.store import resolution_index as ix
from actorgraph.store import schema as t
from actorgraph.store.db import retry_locked, write_transaction
from actorgraph.store.facts import ClaimRow, FactRow, insert_facts
from actorgraph.store.store import EntityRecord, Store
from actorgraph.store.summaries import refresh, refresh_contradiction_index

CHUNK = 500


def _chunks(values: Iterable[str]) -> Iterator[list[str]]:
    items = sorted(set(values))
    for i in range(0, len(items), CHUNK):
        yield items[i:i + CHUNK]


def stored_keys(conn: Connection, docs: Iterable[str]) -> dict[str, dict[str, str]]:
    """doc id -> mention key -> entity id, as stored, for `docs`."""
    m = t.mentions.c
    out: dict[str, dict[str, str]] = {}
    for part in _chunks(docs):
        for doc_id, key, eid in conn.execute(select(m.doc_id, m.key, m.entity_id).where(
                m.doc_id.in_(part), m.entity_id.is_not(None)).distinct()):
            out.setdefault(doc_id, {})[key] = eid
    return out


KeyMaps = Mapping[str, Mapping[str, str]]     # doc id -> mention key -> entity id


def _claim(r, keys: KeyMaps) -> ClaimRow:
    return ClaimRow(r.id, r.doc_id, r.sentence, r.start, r.end, r.kind, json.loads(r.payload),
                    r.speaker_key, r.modality, r.cue, r.section, r.ingested_at,
                    keys.get(r.doc_id, {}))


def claims_where(conn: Connection, column: str, values: Iterable[str],
                 keys: KeyMaps | Callable[[dict[str, set[str]]], KeyMaps]) -> list[ClaimRow]:
    """The claims of current documents whose `column` (id or doc_id) is in `values`, read
    with `keys` (doc id -> mention key -> entity id; it must hold their documents), or
    with the map `keys(kinds)` gives, `kinds` telling the kinds of the claims read in
    each of their documents."""
    col = t.claims.c[column]
    rows: list[Row] = []
    for part in _chunks(values):
        rows += conn.execute(select(t.claims).where(col.in_(part))).all()
    # which of their documents are current, asked once per document: with the documents
    # joined and hundreds of ids in IN (...), SQLite's plan walked every current
    # document's claims instead of looking the ids up
    current = current_docs(conn, {r.doc_id for r in rows})
    rows = [r for r in rows if r.doc_id in current]
    if callable(keys):
        kinds: dict[str, set[str]] = {}
        for r in rows:
            kinds.setdefault(r.doc_id, set()).add(r.kind)
        keys = keys(kinds)
    return [_claim(r, keys) for r in rows]


def current_docs(conn: Connection, docs: Iterable[str]) -> set[str]:
    """Those of `docs` that are current (not replaced by a newer version)."""
    d = t.documents.c
    out: set[str] = set()
    for part in _chunks(docs):
        out.update(conn.execute(select(d.id).where(d.id.in_(part),
                                                   d.current.is_(True))).scalars())
    return out


def claim_docs(conn: Connection, ids: Iterable[str]) -> dict[str, str]:
    """claim id -> its document."""
    out: dict[str, str] = {}
    for part in _chunks(ids):
        out.update(conn.execute(select(t.claims.c.id, t.claims.c.doc_id).where(
            t.claims.c.id.in_(part))).all())
    return out


def facts_touching(conn: Connection, entities: Iterable[str],
                   roles: Sequence[str] | None = None,
                   kinds: Sequence[str] | None = None) -> set[str]:
    """Ids of the facts with one of `entities` (in one of `roles`, of one of `kinds`,
    when given)."""
    fe = t.fact_entities.c
    out: set[str] = set()
    for part in _chunks(entities):
        q = select(fe.fact_id).where(fe.entity_id.in_(part))
        if roles is not None:
            q = q.where(fe.role.in_(list(roles)))
        if kinds is not None:
            q = q.join(t.facts, t.facts.c.id == fe.fact_id).where(t.facts.c.kind.in_(list(kinds)))
        out.update(conn.execute(q).scalars())
    return out


def facts_by_entity(conn: Connection, entities: Iterable[str], roles: Sequence[str]
                    ) -> dict[tuple[str, str], set[str]]:
    """(entity, role) -> ids of the facts with that entity in that role, for `entities`."""
    fe = t.fact_entities.c
    out: dict[tuple[str, str], set[str]] = {}
    for part in _chunks(entities):
        for fid, eid, role in conn.execute(select(fe.fact_id, fe.entity_id, fe.role).where(
                fe.entity_id.in_(part), fe.role.in_(list(roles)))):
            out.setdefault((eid, role), set()).add(fid)
    return out


def relations_touching(conn: Connection, entities: Iterable[str],
                       predicates: Sequence[str]) -> set[str]:
    """Ids of the relations of one of `predicates` with one of `entities` at either end,
    found through the pages' index of the facts (`entity_facts`, written with them)."""
    ef = t.entity_facts.c
    out: set[str] = set()
    for part in _chunks(entities):
        out.update(conn.execute(select(ef.fact_id).where(
            ef.entity_id.in_(part), ef.kind == "relation",
            ef.predicate.in_(list(predicates)))).scalars())
    return out


def facts_of_docs(conn: Connection, docs: Iterable[str]) -> set[str]:
    """Ids of the facts with a claim in one of `docs`."""
    out: set[str] = set()
    for part in _chunks(docs):
        out.update(conn.execute(select(t.fact_claims.c.fact_id).join(
            t.claims, t.claims.c.id == t.fact_claims.c.claim_id).where(
            t.claims.c.doc_id.in_(part))).scalars())
    return out


def facts_at(conn: Connection, places: set[tuple[str, int]], kind: str) -> set[str]:
    """Ids of the facts with a claim of `kind` at one of `places` (document, sentence)."""
    c = t.claims.c
    claims: list[str] = []
    for part in _chunks({d for d, _ in places}):
        claims += [cid for cid, doc, sentence in conn.execute(
            select(c.id, c.doc_id, c.sentence).where(c.doc_id.in_(part), c.kind == kind))
            if (doc, sentence) in places]
    out: set[str] = set()
    for part in _chunks(claims):
        out.update(conn.execute(select(t.fact_claims.c.fact_id).where(
            t.fact_claims.c.claim_id.in_(part))).scalars())
    return out


def facts_where(conn: Connection, ids: Iterable[str]) -> list[FactRow]:
    """The stored facts with these ids, with their claims and entities."""
    out = []
    for part in _chunks(ids):
        claims: dict[str, list[str]] = {}
        for fid, cid in conn.execute(select(t.fact_claims.c.fact_id, t.fact_claims.c.claim_id)
                                     .where(t.fact_claims.c.fact_id.in_(part))):
            claims.setdefault(fid, []).append(cid)
        parts: dict[str, list[tuple[str, str]]] = {}
        for fid, eid, role in conn.execute(select(t.fact_entities).where(
                t.fact_entities.c.fact_id.in_(part))):
            parts.setdefault(fid, []).append((eid, role))
        for f in conn.execute(select(t.facts).where(t.facts.c.id.in_(part))):
            out.append(FactRow(f.id, f.kind, json.loads(f.data), sorted(claims.get(f.id, [])),
                               f.first_seen, sorted(parts.get(f.id, []))))
    return sorted(out, key=lambda f: f.id)


def entity_types(conn: Connection, ids: Iterable[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in _chunks(ids):
        out.update(conn.execute(select(t.entities.c.id, t.entities.c.type).where(
            t.entities.c.id.in_(part))).all())
    return out


def docs_naming(conn: Connection, entities: Iterable[str]) -> set[str]:
    """The documents with a mention of one of `entities`, as stored."""
    m = t.mentions.c
    out: set[str] = set()
    for part in _chunks(entities):
        out.update(conn.execute(select(m.doc_id).where(m.entity_id.in_(part))
                                .distinct()).scalars())
    return out


def texts(conn: Connection, docs: Iterable[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in _chunks(docs):
        out.update(conn.execute(select(t.documents.c.id, t.documents.c.text).where(
            t.documents.c.id.in_(part))).all())
    return out


def languages(conn: Connection, docs: Iterable[str]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for part in _chunks(docs):
        out.update(conn.execute(select(t.documents.c.id, t.documents.c.language).where(
            t.documents.c.id.in_(part))).all())
    return out


def entity_records(conn: Connection, ids: Iterable[str]) -> list[EntityRecord]:
    """The stored entities with these ids, with their names."""
    out = []
    for part in _chunks(ids):
        names: dict[str, list[tuple[str, int]]] = {}
        n = t.entity_names.c
        for eid, name, count in conn.execute(select(n.entity_id, n.name, n.count).where(
                n.entity_id.in_(part)).order_by(n.entity_id, n.name)):
            names.setdefault(eid, []).append((name, count))
        for r in conn.execute(select(t.entities).where(t.entities.c.id.in_(part))):
            out.append(EntityRecord(r.id, r.type, r.kind, r.name, tuple(names.get(r.id, ())),
                                    tuple(json.loads(r.reasons or "[]"))))
    return out


def contradictions_resting_on(conn: Connection, claims: set[str], facts: set[str]
                              ) -> set[str]:
    """Ids of the stored contradictions with one of `claims` or one of `facts`, by the
    pages' indexes (`contradiction_claims`, `contradiction_facts`), without reading a
    contradiction or a claim."""
    cc, cf = t.contradiction_claims.c, t.contradiction_facts.c
    out: set[str] = set()
    for column, key, ids in ((cf.contradiction_id, cf.fact_id, facts),
                             (cc.contradiction_id, cc.claim_id, claims)):
        for part in _chunks(ids):
            out.update(conn.execute(select(column).where(key.in_(part))).scalars())
    return out


def _stored_as(conn: Connection, rows: list[dict]) -> set[str]:
    """Ids of those of `rows` (contradictions to write) stored exactly so."""
    k = t.contradictions
    by_id = {r["id"]: r for r in rows}
    out: set[str] = set()
    for part in _chunks(by_id):
        out.update(r.id for r in conn.execute(select(k).where(k.c.id.in_(part)))
                   if dict(r._mapping) == by_id[r.id])
    return out


def _delete(conn: Connection, column, ids: Iterable[str]) -> None:
    for part in _chunks(ids):
        conn.execute(delete(column.table).where(column.in_(part)))


def write_partial(store: Store, token: str | None, partial, facts_gone: set[str],
                  facts_new: list[FactRow], cons_gone: set[str], cons_new: list) -> bool:
    """Swap what one incremental re-resolution changed, in ONE transaction that also clears
    the stale flag; nothing when the flag is no longer `token` (False)."""
    def write() -> bool:
        with write_transaction(store.engine) as conn:
            now = conn.execute(select(t.store_state.c.value).where(
                t.store_state.c.key == "stale")).scalar()
            if now != token or not ix.index_ready(conn):
                return False
            _write_entities(conn, partial)
            _write_facts(conn, facts_gone, facts_new)
            facts = facts_gone | {r.id for r in facts_new}
            rows = [{"id": c.id, "kind": c.kind, "summary": c.summary,
                     "claims": json.dumps(c.claims), "facts": json.dumps(c.facts),
                     "entity_id": c.entity_id, "first_seen": c.first_seen} for c in cons_new]
            # a contradiction found again exactly as stored stays, with its index rows
            same = _stored_as(conn, [r for r in rows if r["id"] in cons_gone])
            _delete(conn, t.contradictions.c.id, cons_gone - same)
            if rows := [r for r in rows if r["id"] not in same]:
                conn.execute(insert(t.contradictions), rows)
            # the pages' counts of the facts and contradictions written (store/summaries.py),
            # and whom a kept contradiction concerns when one of its facts was rewritten
            refresh(conn, facts, cons_gone - same | {r["id"] for r in rows})
            refresh_contradiction_index(conn, same & contradictions_resting_on(
                conn, set(), facts), whom_only=True)
            ix.update_index(conn, partial.groups, partial.removed, partial.index_entities)
            conn.execute(delete(t.store_state).where(t.store_state.c.key == "stale"))
            return True
    return retry_locked(write)


def _write_entities(conn: Connection, partial) -> None:
    gone = partial.removed
    _delete(conn, t.entity_names.c.entity_id, gone)
    _delete(conn, t.entities.c.id, gone)
    _delete(conn, t.review.c.a, gone)
    _delete(conn, t.review.c.b, gone)
    if partial.entities:
        conn.execute(insert(t.entities), [
            {"id": e.id, "type": e.type, "kind": e.kind, "name": e.name,
             "reasons": json.dumps(list(e.reasons))} for e in partial.entities])
        names = [{"entity_id": e.id, "name": n, "folded": fold(n), "count": c}
                 for e in partial.entities for n, c in e.names]
        if names:
            conn.execute(insert(t.entity_names), names)
    links = [{"d": gid.split("|", 1)[0], "k": gid.split("|", 1)[1], "e": eid}
             for gid, eid in sorted(partial.groups.items())]
    if links:
        m = t.mentions.c
        conn.execute(update(t.mentions).where(m.doc_id == bindparam("d"),
                                              m.key == bindparam("k"))
                     .values(entity_id=bindparam("e")), links)
    if partial.review:
        conn.execute(insert(t.review), [
            {"a": a, "b": b, "score": s, "reasons": json.dumps(list(r))}
            for a, b, s, r in partial.review])


def _write_facts(conn: Connection, gone: set[str], rows: list[FactRow]) -> None:
    for table in (t.fact_entities, t.fact_claims):
        _delete(conn, table.c.fact_id, gone)
    _delete(conn, t.facts.c.id, gone)
    insert_facts(conn, rows)
