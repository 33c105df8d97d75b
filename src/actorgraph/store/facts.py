"""Reading claims and writing the facts built from them (relations, events, quantities)."""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice

from sqlalchemy import Connection, delete, insert, select

from actorgraph.store import schema as t
from actorgraph.store.db import retry_locked, write_transaction
from actorgraph.store.resolution_index import ResolutionIndex, write_index
from actorgraph.store.store import EntityRecord, Store, write_entities
from actorgraph.store.summaries import refresh_contradiction_index, refresh_fact_index
from actorgraph.store.tlp import (
    Scope,
    trim_facts,
    visible_claim_ids,
    visible_contradictions,
    visible_entities,
)


@dataclass
class ClaimRow:
    id: str
    doc_id: str
    sentence: int
    start: int
    end: int
    kind: str
    payload: dict
    speaker_key: str | None
    modality: str
    cue: str | None
    section: str
    ingested_at: str
    keys: Mapping[str, str] = field(default_factory=dict)   # mention key -> entity id (this doc)

    def entity(self, key: str | None) -> str | None:
        return self.keys.get(key) if key else None

    @property
    def attributed_to(self) -> str | None:
        if self.speaker_key == "anonymous":
            return "anonymous"
        return self.entity(self.speaker_key)


@dataclass
class FactRow:
    id: str
    kind: str
    data: dict
    claims: list[str]
    first_seen: str
    entities: list[tuple[str, str]]   # (entity id, role)


def key_map(store: Store) -> dict[str, dict[str, str]]:
    """doc id -> mention key -> entity id, for current documents."""
    out: dict[str, dict[str, str]] = {}
    with store.engine.connect() as conn:
        q = (select(t.mentions.c.doc_id, t.mentions.c.key, t.mentions.c.entity_id)
             .where(t.mentions.c.entity_id.is_not(None)).distinct())
        for doc_id, key, eid in conn.execute(q):
            out.setdefault(doc_id, {})[key] = eid
    return out


def read_claims(store: Store, scope: Scope | None = None,
                keys: dict[str, dict[str, str]] | None = None) -> list[ClaimRow]:
    """Every claim of the current documents (that `scope` shows, when given), with its
    document's key -> entity map (the stored one, or `keys` when given: a resolution not
    yet written). Values repeated across claims (a document's id, a speaker, a payload)
    are one object each, as a full resolution holds every claim at once: the payloads are
    shared, read them, do not change them."""
    if keys is None:
        keys = key_map(store)
    q = (select(t.claims).join(t.documents, t.documents.c.id == t.claims.c.doc_id)
         .where(t.documents.c.current.is_(True)).order_by(t.claims.c.id))
    if scope is not None and not scope.everything:
        q = q.where(scope.documents())
    once: dict = {}
    payloads: dict[str, dict] = {}

    def one(value):
        return once.setdefault(value, value)

    def payload(raw: str) -> dict:
        if raw not in payloads:
            payloads[raw] = json.loads(raw)
        return payloads[raw]
    with store.engine.connect() as conn:
        return [ClaimRow(r.id, one(r.doc_id), r.sentence, r.start, r.end, one(r.kind),
                         payload(r.payload), one(r.speaker_key), one(r.modality), one(r.cue),
                         one(r.section), one(r.ingested_at), keys.get(r.doc_id, {}))
                for r in conn.execute(q)]


def replace_facts(store: Store, rows: list[FactRow]) -> None:
    with write_transaction(store.engine) as conn:
        write_facts(conn, rows)


def write_facts(conn: Connection, rows: list[FactRow]) -> None:
    """Replace the facts and their links, and the pages' index of them (in the caller's
    transaction)."""
    conn.execute(delete(t.fact_entities))
    conn.execute(delete(t.fact_claims))
    conn.execute(delete(t.facts))
    insert_facts(conn, rows)
    refresh_fact_index(conn)


def insert_facts(conn: Connection, rows: list[FactRow]) -> None:
    """Insert facts with their claims and entities (in the caller's transaction); the links
    to the claims, one per claim of every fact, a batch at a time."""
    if not rows:
        return
    conn.execute(insert(t.facts), [
        {"id": r.id, "kind": r.kind, "data": json.dumps(r.data, sort_keys=True),
         "first_seen": r.first_seen} for r in rows])
    links = ({"fact_id": r.id, "claim_id": c} for r in rows for c in r.claims)
    while batch := list(islice(links, 5000)):
        conn.execute(insert(t.fact_claims), batch)
    ents = [{"fact_id": r.id, "entity_id": e, "role": role} for r in rows
            for e, role in sorted(set(r.entities)) if e]
    if ents:
        conn.execute(insert(t.fact_entities), ents)


def read_facts(store: Store, kind: str | None = None, entity_id: str | None = None,
               scope: Scope | None = None) -> list[FactRow]:
    """The facts (of one kind, of one entity); with a `scope`, those it shows, each as
    its visible claims tell it (`tlp.trim_facts`)."""
    rows = _read_facts(store, kind, entity_id)
    if scope is None or scope.everything:
        return rows
    with store.engine.connect() as conn:
        rows = trim_facts(conn, scope, rows)
    return [f for f in rows if entity_id is None or entity_id in {e for e, _ in f.entities}]


def _read_facts(store: Store, kind: str | None, entity_id: str | None) -> list[FactRow]:
    q = select(t.facts).order_by(t.facts.c.id)
    if kind:
        q = q.where(t.facts.c.kind == kind)
    if entity_id:
        q = q.where(t.facts.c.id.in_(select(t.fact_entities.c.fact_id).where(
            t.fact_entities.c.entity_id == entity_id)))
    with store.engine.connect() as conn:
        facts = conn.execute(q).all()
        links: dict[str, list[str]] = {}
        for fid, cid in conn.execute(select(t.fact_claims.c.fact_id, t.fact_claims.c.claim_id)
                                     .order_by(t.fact_claims.c.claim_id)):
            links.setdefault(fid, []).append(cid)
        parts: dict[str, list[tuple[str, str]]] = {}
        for fid, eid, role in conn.execute(select(t.fact_entities)):
            parts.setdefault(fid, []).append((eid, role))
    return [FactRow(f.id, f.kind, json.loads(f.data), links.get(f.id, []), f.first_seen,
                    sorted(parts.get(f.id, []))) for f in facts]


def replace_contradictions(store: Store, found) -> None:
    """Swap in the contradictions found over the current facts."""
    with write_transaction(store.engine) as conn:
        write_contradictions(conn, found)


def write_contradictions(conn: Connection, found) -> None:
    """Replace the contradictions, and the pages' index of them (in the caller's
    transaction, after the facts they name)."""
    conn.execute(delete(t.contradictions))
    if found:
        conn.execute(insert(t.contradictions), [
            {"id": c.id, "kind": c.kind, "summary": c.summary,
             "claims": json.dumps(c.claims), "facts": json.dumps(c.facts),
             "entity_id": c.entity_id, "first_seen": c.first_seen} for c in found])
    refresh_contradiction_index(conn)


def read_contradictions(store: Store, entity_id: str | None = None,
                        scope: Scope | None = None) -> list[dict]:
    """The contradictions (about one entity); with a `scope`, those whose claims it all
    shows."""
    q = select(t.contradictions).order_by(t.contradictions.c.id)
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(q)]
    for r in rows:
        r["claims"] = json.loads(r["claims"])
        r["facts"] = json.loads(r["facts"])
    if scope is not None and not scope.everything:
        with store.engine.connect() as conn:
            rows = visible_contradictions(
                rows, visible_claim_ids(conn, scope, (c for r in rows for c in r["claims"])),
                visible_entities(conn, scope))
    if entity_id:
        with store.engine.connect() as conn:
            mine = set(conn.execute(select(t.fact_entities.c.fact_id).where(
                t.fact_entities.c.entity_id == entity_id)).scalars())
        rows = [r for r in rows if r["entity_id"] == entity_id or mine & set(r["facts"])]
    return rows


def replace_resolution(store: Store, token: str | None, entities: list[EntityRecord],
                       assignment: dict[str, str], review: Sequence[tuple],
                       facts: list[FactRow], contradictions,
                       index: ResolutionIndex | None = None) -> bool:
    """Write a whole resolution (entities, mention links, review pairs), the facts built
    on it and their contradictions in ONE transaction, and clear the stale flag in it: a
    kill leaves the store as it was before, or done.

    `token` is the stale token read before the resolution was computed; if another write
    changed it meanwhile (a document stored by another process, a judgement) nothing is
    written and False is returned: the resolution no longer follows from the store.
    `index`: the resolution index that incremental re-resolutions start from."""
    def write() -> bool:
        with write_transaction(store.engine) as conn:
            now = conn.execute(select(t.store_state.c.value).where(
                t.store_state.c.key == "stale")).scalar()
            if now != token:
                return False
            write_entities(conn, entities, assignment, review)
            write_facts(conn, facts)
            write_contradictions(conn, contradictions)
            if index is not None:
                write_index(conn, index)
            conn.execute(delete(t.store_state).where(t.store_state.c.key == "stale"))
            return True
    return retry_locked(write)
