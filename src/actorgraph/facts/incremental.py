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

A region re-resolved to what is stored (the same entities and every group with the same
one: a review pair answered "different") changes no claim's reading, so nothing is read.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
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
from actorgraph.facts.contradictions import (
    ACTS,
    ATTACKS,
    DENIAL_WINDOW,
    Contradiction,
    find_contradictions,
)
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

    def _keys_of(self, kinds: dict[str, set[str]]) -> dict[str, Mapping[str, str]]:
        """The key maps of the documents of claims read by id: read now for those with an
        event claim (whose telling orders the events, `_ordered`), when first asked for
        the others (a count or a founding elsewhere is read for its place, time and
        value; thousands of reports count a hub's figure)."""
        self._keys_for({d for d, read in kinds.items() if "event" in read})
        return {d: self.keys[d] if d in self.keys else _Keys(self, d) for d in kinds}

    def by_ids(self, ids: Iterable[str]) -> list[ClaimRow]:
        missing = set(ids) - self.claims.keys()
        if missing:
            for c in p.claims_where(self.conn, "id", missing, self._keys_of):
                self.claims[c.id] = c
        return [self.claims[i] for i in ids if i in self.claims]

    def type_map(self, ids: Iterable[str]) -> dict[str, str]:
        self.types.update(p.entity_types(self.conn, set(ids) - self.types.keys()))
        return self.types

    def entities(self, ids: Iterable[str]) -> list[EntityRecord]:
        ids = set(ids)
        stored = p.entity_records(self.conn, ids - self.new.keys() - self.removed)
        return [self.new[i] for i in sorted(ids & self.new.keys())] + stored


class _Keys(Mapping[str, str]):
    """One document's mention keys, read when first asked."""

    def __init__(self, reader: _Reader, doc: str) -> None:
        self.reader, self.doc = reader, doc

    def _map(self) -> dict[str, str]:
        self.reader._keys_for({self.doc})
        return self.reader.keys[self.doc]

    def __getitem__(self, key: str) -> str:
        return self._map()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._map())

    def __len__(self) -> int:
        return len(self._map())


def _keys_in(value) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _keys_in(v)
    elif isinstance(value, list):
        for v in value:
            yield from _keys_in(v)


def _claim_entities(claims: Iterable[ClaimRow]) -> set[str]:
    """The entities the claims name: every mention key in their payloads and their
    speakers (a claim names an entity through `ClaimRow.entity` of such a key only; its
    document's key map holds every entity of the document)."""
    out: set[str] = set()
    for c in claims:
        for k in (*_keys_in(c.payload), c.speaker_key):
            if k and (e := c.keys.get(k)) is not None:
                out.add(e)
    return out


def _events(reader: _Reader, old: list[FactRow]) -> tuple[dict[str, FactRow], list[FactRow]]:
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
        found = (p.facts_touching(reader.conn, links["actor"], ["actor"], ["event"])
                 | p.facts_touching(reader.conn, links["target"], ["target"], ["event"])
                 | p.facts_touching(reader.conn, links["site"], ["target", "location"],
                                    ["event"]))
        found -= seen
        new = [f for f in p.facts_where(reader.conn, found)
               if f.kind == "event" and f.data["type"] in kinds]
        seen |= found
        events.update((f.id, f) for f in new)
        frontier = {f.id for f in new}
    return events, _event_rows(_merge_events(list(told.values())))


def plan_partial_facts(store: Store, partial) -> PartialFacts:
    """The facts and contradictions that change with `partial` (see the module's
    docstring)."""
    changed_new = {e.id for e in partial.entities}
    with store.engine.connect() as conn:
        if _unchanged(conn, partial):
            return PartialFacts(set(), [], set(), [])
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
        stored = {f.id: f for f in old if f.kind != "event"}
        events, event_rows = _events(reader, old)
        stored.update(events)
        gone, rows = _changed(reader, partial, stored, rows + event_rows)
        cons_gone, found = _contradictions(reader, partial, gone, rows)
    return PartialFacts(gone, rows, cons_gone, found)


def _record(e: EntityRecord) -> tuple:
    """What the facts and contradictions read of an entity (not its merge reasons)."""
    return e.type, e.kind, e.name, sorted(e.names)


def _unchanged(conn: Connection, partial) -> bool:
    """Whether the region was re-resolved to what is stored (the same entities, ids and
    names, and every group of it with the same one, as when a review pair is answered
    "different"): then every claim reads as before, so no fact and no contradiction
    changes, and none is read."""
    if partial.moved or {e.id for e in partial.entities} != partial.removed:
        return False
    before = {e.id: _record(e) for e in p.entity_records(conn, partial.removed)}
    if any(before.get(e.id) != _record(e) for e in partial.entities):
        return False
    stored = p.stored_keys(conn, partial.docs)
    return all(stored.get(doc, {}).get(key) == eid for doc, key, eid in
               ((*gid.split("|", 1), eid) for gid, eid in partial.groups.items()))


def _same_row(a: FactRow, b: FactRow) -> bool:
    """One fact as stored (`a`) and as made again (`b`)."""
    return (a.kind, json.dumps(a.data, sort_keys=True), sorted(a.claims), a.first_seen,
            sorted(set(a.entities))) == \
        (b.kind, json.dumps(b.data, sort_keys=True), sorted(b.claims), b.first_seen,
         sorted({(e, role) for e, role in b.entities if e}))


def _changed(reader: _Reader, partial, stored: dict[str, FactRow], rows: list[FactRow]
             ) -> tuple[set[str], list[FactRow]]:
    """The stored facts to drop and the facts to write: a fact made again exactly as it is
    stored, about no entity whose record changes, is neither (its contradictions stay)."""
    kept = {e.id for e in partial.entities}
    before = {e.id: e for e in p.entity_records(reader.conn, kept)}
    changed = set(partial.removed) - kept | {
        e.id for e in partial.entities if e.id not in before
        or _record(e) != _record(before[e.id])}
    same = {r.id for r in rows if r.id in stored and _same_row(stored[r.id], r)
            and not any(e in changed for e, _ in r.entities)}
    return set(stored) - same, [r for r in rows if r.id not in same]


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
    # no rule reads a relation's claims (a relation only says who speaks for whom), and a
    # hub's relations have thousands
    claims.update((c.id, c) for c in reader.by_ids(sorted({c for f in facts.values()
                                                            if f.kind != "relation"
                                                            for c in f.claims})))
    _attacks_at(reader, facts, claims, gone)
    _denials_near(reader, facts, claims, gone, touched)
    _conditions(reader, claims, partial)
    # the entities named: those of the facts, and the voices and persons of the claims the
    # rules that pair claims of one document read (those of the touched documents) and of
    # the conditions; a claim elsewhere is read for its place, time, count and telling
    ids = {e for f in facts.values() for e, _ in f.entities} | _claim_entities(
        c for c in claims.values() if c.doc_id in touched or c.kind == "condition")
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
        p.languages(conn, docs), focus=touched)
    keep = [c for c in found if any(claims[x].doc_id in touched for x in c.claims
                                    if x in claims)]
    cons_gone = p.contradictions_resting_on(
        conn, {c.id for c in claims.values() if c.doc_id in touched}, gone)
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
    # killings of a person dated to the month (`contradictions.death_conflicts`)
    killed = {x for f in facts.values() if _dated_killing(f) for x in f.data["targets"]}
    types = reader.type_map(killed)
    persons = {x for x in killed if types.get(x) == "person"}
    wanted = (p.facts_touching(reader.conn, subjects, ["subject"], ["quantity", "founding"])
              | p.facts_touching(reader.conn, persons, ["target"], ["event"])
              | p.relations_touching(reader.conn, subjects | speakers, INSIDE))
    # events alike in type, actors and targets: those with all of one key's entities
    roles = p.facts_by_entity(reader.conn, {x for _, a, ts in keys for x in a + ts},
                              ["actor", "target"])
    for _, actors, targets in keys:
        wanted |= set.intersection(*(roles.get((a, "actor"), set()) for a in actors),
                                   *(roles.get((x, "target"), set()) for x in targets))
    for f in p.facts_where(reader.conn, wanted - gone - facts.keys()):
        if f.kind == "relation" and f.data["predicate"] in INSIDE or \
                f.kind in ("quantity", "founding") and f.data.get("subject") in subjects or \
                f.kind == "event" and ((f.data["type"], tuple(f.data["actors"]),
                                        tuple(f.data["targets"])) in keys
                                       or _dated_killing(f) and persons & set(f.data["targets"])):
            facts[f.id] = f


def _dated_killing(f: FactRow) -> bool:
    return f.kind == "event" and f.data["type"] == "ASSAULT" and \
        len(f.data.get("date") or "") >= 7


def _attacks_at(reader: _Reader, facts: dict[str, FactRow], claims: dict[str, ClaimRow],
                gone: set[str]) -> None:
    """Add every stored attack told in a sentence that tells a loaded attack: a count in a
    sentence telling two acts is nobody's (`tallies.act_tally_conflicts`)."""
    places = {(claims[c].doc_id, claims[c].sentence) for f in facts.values()
              if f.kind == "event" and f.data["type"] in ATTACKS for c in f.claims
              if c in claims}
    more = p.facts_at(reader.conn, places, "event") - facts.keys() - gone
    found = [f for f in p.facts_where(reader.conn, more)
             if f.kind == "event" and f.data["type"] in ATTACKS]
    facts.update((f.id, f) for f in found)
    claims.update((c.id, c) for c in reader.by_ids(sorted({c for f in found
                                                            for c in f.claims})))


def _denials_near(reader: _Reader, facts: dict[str, FactRow], claims: dict[str, ClaimRow],
                  gone: set[str], touched: set[str]) -> None:
    """Add every stored denial told within DENIAL_WINDOW sentences of a telling of a loaded
    act told in a touched document: the denial's contradiction rests on all the act's
    claims (`contradictions.denial_conflicts`), so it is found again with them."""
    acts = [f for f in facts.values() if f.kind == "event" and f.data["type"] in ACTS
            and any(c in claims and claims[c].doc_id in touched for c in f.claims)]
    places = {(claims[c].doc_id, claims[c].sentence + d) for f in acts
              for c in f.claims if c in claims
              for d in range(-DENIAL_WINDOW, DENIAL_WINDOW + 1)}
    more = p.facts_at(reader.conn, places, "event") - facts.keys() - gone
    found = [f for f in p.facts_where(reader.conn, more)
             if f.kind == "event" and f.data["type"] == "REJECT"]
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
