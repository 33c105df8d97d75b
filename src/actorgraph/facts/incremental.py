"""The facts and contradictions of an incremental re-resolution (`resolve/incremental.py`).

Only the documents whose mention keys now name other entities (`Partial.docs`) read
differently; every claim about a changed entity lies in one of them. So:

- relations, quantities and foundings about a changed entity are rebuilt from the claims
  of those documents alone, and the stored ones about the old entities are dropped;
- events: tellings merge only with tellings of their type that share an actor, a
  specific target or a place, so the stored events about the old entities are redone
  together with every stored event reachable from them through such a shared entity;
- contradictions: those resting on a claim of a document whose facts changed are found
  again on those documents (all their claims and facts) and, for the rules that compare
  across documents, every fact of the same subject, person or event key.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from actorgraph.facts.build import (
    _drop_subsumed,
    _event_rows,
    _founding_rows,
    _gather,
    _merge_events,
    _quantity_rows,
    _relation_rows,
    _same_state,
    _telling,
    _telling_order,
)
from actorgraph.facts.contradictions import ATTACKS, Contradiction, find_contradictions
from actorgraph.facts.tallies import INSIDE
from actorgraph.store import partial as p
from actorgraph.store.facts import ClaimRow, FactRow
from actorgraph.store.resolution_index import Conn as Connection
from actorgraph.store.store import EntityRecord, Store


@dataclass
class PartialFacts:
    gone: set[str]                     # fact ids dropped
    rows: list[FactRow]                # facts written
    cons_gone: set[str]                # contradiction ids dropped
    contradictions: list[Contradiction]


class _Reader:
    """Claims and entity types read once each, with the new key maps."""

    def __init__(self, conn: Connection, partial) -> None:
        self.conn = conn
        self.keys = p.stored_keys(conn, partial.docs)
        for gid, eid in partial.groups.items():
            doc, key = gid.split("|", 1)
            self.keys.setdefault(doc, {})[key] = eid
        self.claims: dict[str, ClaimRow] = {}
        self.docs_read: set[str] = set()
        self.new = {e.id: e for e in partial.entities}
        self.removed = partial.removed
        self.types: dict[str, str] = {e.id: e.type for e in partial.entities}

    def _keys_for(self, docs: Iterable[str]) -> None:
        missing = set(docs) - self.keys.keys()
        if missing:
            self.keys.update(p.stored_keys(self.conn, missing))
            for d in missing:
                self.keys.setdefault(d, {})

    def of_docs(self, docs: Iterable[str]) -> list[ClaimRow]:
        """Every claim of `docs`."""
        docs = set(docs)
        unread = docs - self.docs_read
        self._keys_for(unread)
        for c in p.claims_where(self.conn, "doc_id", unread, self.keys):
            self.claims[c.id] = c
        self.docs_read |= unread
        return [c for c in self.claims.values() if c.doc_id in docs]

    def by_ids(self, ids: Iterable[str]) -> list[ClaimRow]:
        missing = set(ids) - self.claims.keys()
        if missing:
            self._keys_for(set(p.claim_docs(self.conn, missing).values()))
            for c in p.claims_where(self.conn, "id", missing, self.keys):
                self.claims[c.id] = c
        return [self.claims[i] for i in ids if i in self.claims]

    def type_map(self, ids: Iterable[str]) -> dict[str, str]:
        self.types.update(p.entity_types(self.conn, set(ids) - self.types.keys()))
        return self.types

    def entities(self, ids: Iterable[str]) -> list[EntityRecord]:
        ids = set(ids)
        stored = p.entity_records(self.conn, ids - self.new.keys() - self.removed)
        return [self.new[i] for i in sorted(ids & self.new.keys())] + stored


def _claim_entities(claims: Iterable[ClaimRow]) -> set[str]:
    return {e for c in claims for e in c.keys.values()}


def _events(reader: _Reader, old: list[FactRow]) -> tuple[set[str], list[FactRow]]:
    """The stored events to drop (those about the old entities and every one that could
    merge with them) and the events made again from their tellings."""
    events = {f.id: f for f in old if f.kind == "event"}
    kinds = {f.data["type"] for f in events.values()}
    seen: set[str] = set()
    told = {}
    frontier = set(events)
    while frontier:
        claims = reader.by_ids(sorted({c for fid in frontier for c in events[fid].claims}))
        types = reader.type_map(_claim_entities(claims))
        links: dict[str, set[str]] = {"actor": set(), "target": set(), "site": set()}
        for c in claims:
            if c.kind != "event" or c.id in told:
                continue
            ev = told[c.id] = _telling(c, types)
            links["actor"] |= ev.actors
            links["target"] |= ev.specific
            links["site"] |= ev.sites
        seen |= frontier
        found = (p.facts_touching(reader.conn, links["actor"], ["actor"])
                 | p.facts_touching(reader.conn, links["target"], ["target"])
                 | p.facts_touching(reader.conn, links["site"], ["target", "location"]))
        found -= seen
        new = [f for f in p.facts_where(reader.conn, found)
               if f.kind == "event" and f.data["type"] in kinds]
        seen |= found
        events.update((f.id, f) for f in new)
        frontier = {f.id for f in new}
    return set(events), _event_rows(_merge_events(list(told.values())))


def plan_partial_facts(store: Store, partial) -> PartialFacts:
    """The facts and contradictions that change with `partial` (see the module's
    docstring)."""
    changed_new = {e.id for e in partial.entities}
    with store.engine.connect() as conn:
        reader = _Reader(conn, partial)
        claims = reader.of_docs(partial.docs)
        old = p.facts_where(conn, p.facts_touching(conn, partial.removed))
        gathered = _gather(claims, {})
        gathered.told = []
        _drop_subsumed(gathered.relations)
        rows = [r for r in (_relation_rows(gathered.relations)
                            + _quantity_rows(gathered.quantities)
                            + _founding_rows(gathered.foundings))
                if any(e in changed_new for e, _ in r.entities)]
        gone = {f.id for f in old if f.kind != "event"}
        events_gone, event_rows = _events(reader, old)
        gone |= events_gone
        rows += event_rows
        cons_gone, found = _contradictions(reader, partial, gone, rows)
    return PartialFacts(gone, rows, cons_gone, found)


def _contradictions(reader: _Reader, partial, gone: set[str], rows: list[FactRow]
                    ) -> tuple[set[str], list[Contradiction]]:
    """The stored contradictions to drop and those found again (see the module's
    docstring)."""
    conn = reader.conn
    old_claims = {c for f in p.facts_where(conn, gone) for c in f.claims}
    touched = set(partial.docs) | set(p.claim_docs(conn, old_claims | {
        c for r in rows for c in r.claims}).values())
    facts = {f.id: f for f in p.facts_where(conn, p.facts_of_docs(conn, touched) - gone)}
    facts.update((r.id, r) for r in rows)
    claims = {c.id: c for c in reader.of_docs(touched)}
    speakers = {c.attributed_to for c in claims.values() if c.kind == "quantity"}
    _across(reader, facts, gone, {s for s in speakers if s and s != "anonymous"})
    claims.update((c.id, c) for c in reader.by_ids(sorted({c for f in facts.values()
                                                            for c in f.claims})))
    _attacks_at(reader, facts, claims, gone)
    _conditions(reader, claims, partial)
    ids = {e for f in facts.values() for e, _ in f.entities} | _claim_entities(claims.values())
    entities = reader.entities(ids)
    names = {e.id: e.name for e in entities}
    docs = {c.doc_id for c in claims.values()}
    told_docs = touched | {claims[c].doc_id for f in facts.values() if f.kind == "event"
                           and f.data["type"] in ATTACKS | {"ASSAULT"}
                           for c in f.claims if c in claims}
    found = find_contradictions(
        _ordered(facts, claims),
        sorted(claims.values(), key=lambda c: c.id), lambda eid: names.get(eid, "?"),
        p.texts(conn, told_docs), {e.id: {n for n, _ in e.names} | {e.name} for e in entities},
        _same_state(entities), {e.id for e in entities if e.type == "person"},
        p.languages(conn, docs))
    keep = [c for c in found if any(claims[x].doc_id in touched for x in c.claims
                                    if x in claims)]
    stored = p.contradiction_claims(conn)
    where = p.claim_docs(conn, {c for _, cs, _ in stored for c in cs})
    cons_gone = {cid for cid, cs, fs in stored
                 if any(where.get(c) in touched for c in cs) or not gone.isdisjoint(fs)}
    return cons_gone, keep


def _ordered(facts: dict[str, FactRow], claims: dict[str, ClaimRow]) -> list[FactRow]:
    """The facts in the order the full build lists them (`build.plan_facts`): relations
    by (subject, predicate, object), events in the order they were made (by their first
    telling), quantities and foundings by their keys."""
    def key(f: FactRow) -> tuple:
        d = f.data
        if f.kind == "relation":
            return (0, (d["subject"], d["predicate"], d["object"]))
        if f.kind == "event":
            return (1, min(_telling_order(_telling(claims[c], {})) for c in f.claims))
        if f.kind == "quantity":
            return (2, json.dumps((d["subject"], d["unit"], d["value"]), default=str))
        return (3, str((d["subject"], d["date"], d["precision"])))
    return sorted(facts.values(), key=key)


def _across(reader: _Reader, facts: dict[str, FactRow], gone: set[str],
            speakers: set[str]) -> None:
    """Add the stored facts the rules across documents compare with those in `facts`:
    quantities and foundings of the same subject, events with the same type, actors and
    targets, killings of the same person, and the ties of membership or leadership of
    the `speakers` of counts (which make two speakers one voice)."""
    subjects: set[str] = {f.data["subject"] for f in facts.values()
                          if f.kind in ("quantity", "founding") and f.data.get("subject")}
    keys = {(f.data["type"], tuple(f.data["actors"]), tuple(f.data["targets"]))
            for f in facts.values() if f.kind == "event" and f.data.get("date")
            and f.data["actors"] and f.data["targets"]}
    firsts = {k[1][0] for k in keys}
    targets = {x for f in facts.values() if f.kind == "event"
               and f.data["type"] == "ASSAULT" for x in f.data["targets"]}
    wanted = (p.facts_touching(reader.conn, subjects, ["subject"])
              | p.facts_touching(reader.conn, firsts, ["actor"])
              | p.facts_touching(reader.conn, targets, ["target"])
              | p.facts_touching(reader.conn, speakers, ["subject", "object"])
              ) - gone - facts.keys()
    for f in p.facts_where(reader.conn, wanted):
        if f.kind == "relation" and f.data["predicate"] in INSIDE or \
                f.kind in ("quantity", "founding") and f.data.get("subject") in subjects or \
                f.kind == "event" and ((f.data["type"], tuple(f.data["actors"]),
                                        tuple(f.data["targets"])) in keys
                                       or f.data["type"] == "ASSAULT"
                                       and targets & set(f.data["targets"])):
            facts[f.id] = f


def _attacks_at(reader: _Reader, facts: dict[str, FactRow], claims: dict[str, ClaimRow],
                gone: set[str]) -> None:
    """Add every stored attack told in a sentence that tells a loaded attack: a count in a
    sentence telling two acts is nobody's (`tallies.act_tally_conflicts`)."""
    places = {(claims[c].doc_id, claims[c].sentence) for f in facts.values()
              if f.kind == "event" and f.data["type"] in ATTACKS for c in f.claims
              if c in claims}
    more = p.facts_at(reader.conn, places) - facts.keys() - gone
    found = [f for f in p.facts_where(reader.conn, more)
             if f.kind == "event" and f.data["type"] in ATTACKS]
    facts.update((f.id, f) for f in found)
    claims.update((c.id, c) for c in reader.by_ids(sorted({c for f in found
                                                            for c in f.claims})))


def _conditions(reader: _Reader, claims: dict[str, ClaimRow], partial) -> None:
    """Add every condition claim about a person a loaded condition claim is about."""
    persons: set[str] = {e for c in claims.values() if c.kind == "condition"
                         and (e := c.entity(c.payload.get("subject"))) is not None}
    if not persons:
        return
    docs = p.docs_naming(reader.conn, persons) | partial.docs
    for c in reader.of_docs(docs):
        if c.kind == "condition" and c.entity(c.payload.get("subject")) in persons:
            claims[c.id] = c
