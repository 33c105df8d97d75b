"""The facts stage: from the claims of all documents to one graph of facts.

Runs after every resolution (`workflow.refresh`). Each claim's mention keys
become entity ids; relations are merged by (subject, predicate, object) — one
relation, all its claims; the same real event told by several documents (same
type, compatible dates, a shared actor or a shared specific target) becomes one
event with several claims; quantities are grouped by (subject, unit, value).
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from actorgraph import ontology
from actorgraph.facts.contradictions import Contradiction, find_contradictions
from actorgraph.facts.dates import dates_agree
from actorgraph.facts.event_blocks import EventIndex
from actorgraph.knowledge.lexicon import load_lexicon
from actorgraph.store.facts import (
    ClaimRow,
    FactRow,
    read_claims,
    replace_contradictions,
    replace_facts,
)
from actorgraph.store.ids import short_hash
from actorgraph.store.store import EntityRecord, Store

SYMMETRIC = ontology.symmetric_predicates()


@dataclass
class _Event:
    type: str
    mode: str | None
    date: str | None
    precision: str | None
    actors: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)
    specific: set[str] = field(default_factory=set)   # targets that are not countries
    location: str | None = None
    sites: set[str] = field(default_factory=set)    # its location and targets that are places
    claims: list[str] = field(default_factory=list)
    first_seen: str = ""
    docs: set[str] = field(default_factory=set)


def _same_event(e: _Event, f: _Event) -> bool:
    if e.type != f.type or not dates_agree(e.date, f.date):
        return False
    if e.location and f.location and e.location != f.location:
        return False   # one night's strikes on an air base in Iraq and an airliner at Tehran
    thin = (not e.targets and not e.location) or (not f.targets and not f.location)
    if thin and not e.docs & f.docs and not (e.date == f.date and len(e.date or "") == 10):
        return False   # "Iran denied any involvement" in two reports: two denials, unless
        #                both give the same day
    if not e.date and not f.date:
        return bool(e.actors & f.actors) and e.targets == f.targets
    return bool(e.actors & f.actors) and (not e.targets or not f.targets
                                          or bool(e.targets & f.targets)) \
        or bool(e.specific & f.specific) or _same_site(e, f)


def _same_site(e: _Event, f: _Event) -> bool:
    """One report says who struck the port, another whom the strike at the port killed,
    or one strikes a post and the other tells the attack at it: the same act at one named
    place (not a whole state; its location or target) on agreeing dates (checked before),
    when neither's actors or targets contradict the other's."""
    if not (e.sites & f.sites and e.date and f.date):
        return False   # an undated telling at a place ("has fought X in Y") is no one act
    return (not e.actors or not f.actors or bool(e.actors & f.actors)) and \
        (not e.targets or not f.targets or bool(e.targets & f.targets))


def _telling_order(e: _Event) -> tuple:
    return (e.type, -len(e.date or ""), e.date or "", sorted(e.actors), sorted(e.targets),
            e.location or "", e.mode or "", e.claims[0])


def _more_precise(a: str | None, b: str | None) -> str | None:
    return max((d for d in (a, b) if d), key=len, default=None)


SUBSUMED = {"member_of": ("leader_of", "founder_of"), "operates_in": ("based_in",)}


def _drop_subsumed(relations: dict[tuple[str, str, str], list]) -> None:
    """A leader or founder is a member, a group based somewhere operates there: keep the
    stronger relation only (its claims stay in the store as claims)."""
    for (s, pred, o) in list(relations):
        if any((s, stronger, o) in relations for stronger in SUBSUMED.get(pred, ())):
            del relations[(s, pred, o)]


def _same_state(entities: list[EntityRecord]) -> Callable[[str, str], bool]:
    """Whether two entities are one state or organs of one state (the gazetteer's country
    codes: the IRGC and Iran)."""
    lex = load_lexicon()
    code: dict[str, str] = {}
    for e in entities:
        entry = lex.lookup(e.name)
        if entry is not None and entry.country and e.type in ("country", "organization") and \
                (e.type == "country" or entry.kind == "government"):
            code[e.id] = entry.country

    def same(a: str, b: str) -> bool:
        return a == b or (a in code and code.get(a) == code.get(b))
    return same


@dataclass
class _Gathered:
    """The claims of the store grouped by what they are about, before merging."""

    relations: dict[tuple[str, str, str], list[ClaimRow]] = field(
        default_factory=lambda: defaultdict(list))
    quantities: dict[tuple, list[ClaimRow]] = field(default_factory=lambda: defaultdict(list))
    foundings: dict[tuple, list[ClaimRow]] = field(default_factory=lambda: defaultdict(list))
    told: list[_Event] = field(default_factory=list)


def _telling(c: ClaimRow, types: dict[str, str]) -> _Event:
    """One event claim as an event of its own, before the tellings are merged."""
    p = c.payload
    actors = {e for k in p["actors"] if (e := c.entity(k)) is not None}
    targets = {e for k in p["targets"] if (e := c.entity(k)) is not None}
    date = (p.get("date") or {}).get("value")
    location = c.entity(p.get("location"))
    return _Event(p["type"], p.get("mode"), date, (p.get("date") or {}).get("precision"),
                  actors, targets, {t for t in targets if types.get(t) != "country"},
                  location, {x for x in {location, *targets} if x and types.get(x) == "place"},
                  [c.id], c.ingested_at,
                  {p.get("origin") or c.doc_id})


def _gather(claims: list[ClaimRow], types: dict[str, str]) -> _Gathered:
    """Relations keyed by (subject, predicate, object), quantities by (subject, unit,
    value), foundings by (subject, date, precision); every event claim a telling."""
    out = _Gathered()
    for c in sorted(claims, key=lambda c: c.id):
        p = c.payload
        if c.kind == "relation":
            s, o = c.entity(p["subject"]), c.entity(p["object"])
            if not s or not o or s == o:
                continue
            pred = p["predicate"]
            if pred in SYMMETRIC and o < s:
                s, o = o, s
            out.relations[(s, pred, o)].append(c)
        elif c.kind == "quantity":
            out.quantities[(c.entity(p.get("subject")), p["unit"], p["value"])].append(c)
        elif c.kind == "founding":
            subject, date = c.entity(p["subject"]), (p.get("date") or {})
            if subject and date.get("value"):
                out.foundings[(subject, date["value"], date.get("precision"))].append(c)
        elif c.kind == "event":
            out.told.append(_telling(c, types))
    return out


def _absorb(event: _Event, telling: _Event) -> None:
    """`telling` of the same event joins `event`: its parties, places, claims and documents,
    and its date where it is the more precise."""
    event.actors |= telling.actors
    event.targets |= telling.targets
    event.specific |= telling.specific
    event.location = event.location or telling.location
    event.sites |= telling.sites
    event.mode = event.mode or telling.mode
    event.date = _more_precise(event.date, telling.date)
    event.claims += telling.claims
    event.docs |= telling.docs
    event.first_seen = min(event.first_seen, telling.first_seen)


def _merge_events(told: list[_Event]) -> list[_Event]:
    """The same real event told several times becomes one event.

    Merged in an order given by what each claim says, not by its id, so that the same
    claims (re-ingested, or imported back) give the same events: the most precisely dated
    first, so that undated tellings join a dated event rather than decide the merge.
    Each telling joins the first event made that is the same; only the events filed
    under its blocking keys can be (`facts/event_blocks.py`), so only those are compared."""
    events: list[_Event] = []
    index = EventIndex()
    for ev in sorted(told, key=_telling_order):
        for k in index.candidates(ev):
            other = events[k]
            if _same_event(other, ev):
                _absorb(other, ev)
                index.file(k, other, grown_by=ev)
                break
        else:
            index.file(len(events), ev)
            events.append(ev)
    return events


def _relation_rows(relations: dict[tuple[str, str, str], list[ClaimRow]]) -> list[FactRow]:
    rows = []
    for (s, pred, o), cs in sorted(relations.items()):
        support = sorted({x for c in cs for x in c.payload.get("support", [])})
        data: dict[str, object] = {"subject": s, "predicate": pred, "object": o}
        if support:
            data["support"] = support
        rows.append(FactRow("rel-" + short_hash(s, pred, o), "relation", data,
                            sorted(c.id for c in cs), min(c.ingested_at for c in cs),
                            [(s, "subject"), (o, "object")]))
    return rows


def _event_rows(events: list[_Event]) -> list[FactRow]:
    rows = []
    for ev in events:
        data = {"type": ev.type, "mode": ev.mode, "date": ev.date, "precision": ev.precision,
                "actors": sorted(ev.actors), "targets": sorted(ev.targets),
                "location": ev.location}
        parts = [(a, "actor") for a in ev.actors] + [(t, "target") for t in ev.targets]
        if ev.location:
            parts.append((ev.location, "location"))
        rows.append(FactRow("evt-" + short_hash(ev.type, min(ev.claims)), "event", data,
                            sorted(ev.claims), ev.first_seen, sorted(set(parts))))
    return rows


def _quantity_rows(quantities: dict[tuple, list[ClaimRow]]) -> list[FactRow]:
    rows = []
    for (subj, unit, value), cs in sorted(quantities.items(), key=lambda kv: json.dumps(
            kv[0], default=str)):
        data = {"subject": subj, "unit": unit, "value": value,
                "qualifier": cs[0].payload.get("qualifier")}
        rows.append(FactRow("qty-" + short_hash(str(subj), unit, repr(value)), "quantity", data,
                            sorted(c.id for c in cs), min(c.ingested_at for c in cs),
                            [(subj, "subject")] if subj else []))
    return rows


def _founding_rows(foundings: dict[tuple, list[ClaimRow]]) -> list[FactRow]:
    return [FactRow("fnd-" + short_hash(subj, date), "founding",
                    {"subject": subj, "date": date, "precision": precision},
                    sorted(c.id for c in cs), min(c.ingested_at for c in cs),
                    [(subj, "subject")])
            for (subj, date, precision), cs in sorted(foundings.items(),
                                                      key=lambda kv: str(kv[0]))]


def _contradictions(store: Store, rows: list[FactRow], claims: list[ClaimRow],
                    entities: list[EntityRecord]) -> list[Contradiction]:
    """The contradictions among the facts, with the documents' texts and the entities'
    names, aliases, states and persons they are read with."""
    names = {e.id: e.name for e in entities}
    docs = store.documents()
    texts = {d["id"]: store.document_text(d["id"]) or "" for d in docs}
    aliases = {e.id: {n for n, _ in e.names} | {e.name} for e in entities}
    return find_contradictions(rows, claims, lambda eid: names.get(eid, "?"), texts, aliases,
                               _same_state(entities),
                               {e.id for e in entities if e.type == "person"},
                               {d["id"]: d.get("language") for d in docs})


@dataclass
class Built:
    """Facts and contradictions computed but not yet written."""
    rows: list[FactRow]
    contradictions: list[Contradiction]

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for r in self.rows:
            counts[r.kind] += 1
        counts["contradiction"] = len(self.contradictions)
        return dict(counts)


def plan_facts(store: Store, entities: list[EntityRecord] | None = None,
               keys: dict[str, dict[str, str]] | None = None) -> Built:
    """The facts and contradictions of the claims, read with the stored entities or with
    `entities` and their `keys` (doc id -> mention key -> entity id) not yet written."""
    claims = read_claims(store, keys=keys)
    if entities is None:
        entities = store.entities()
    gathered = _gather(claims, {e.id: e.type for e in entities})
    events = _merge_events(gathered.told)
    _drop_subsumed(gathered.relations)
    rows = (_relation_rows(gathered.relations) + _event_rows(events)
            + _quantity_rows(gathered.quantities) + _founding_rows(gathered.foundings))
    return Built(rows, _contradictions(store, rows, claims, entities))


def build_facts(store: Store) -> dict[str, int]:
    """Rebuild the facts tables from the claims and the stored entities; returns counts
    per kind."""
    built = plan_facts(store)
    replace_facts(store, built.rows)
    replace_contradictions(store, built.contradictions)
    return built.counts()
