"""One read of the store for the exchange formats (STIX, FtM, GraphML/GEXF, CSV).

Mirrors the JSON export's data access (`json_export.build`): the same
documents, entities with aliases, relations, events and claims, plus what the
other formats need besides: quantities, each claim's kind, which entities each
document names, and each fact's grade (`facts.grading`). Everything is plain
dicts and sets, sorted by id, so that every format built from a snapshot is
deterministic.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from actorgraph import ontology
from actorgraph.export.channels import load as load_channels
from actorgraph.export.json_export import claim_item, entity_items
from actorgraph.facts.grading import Assessment, Grader
from actorgraph.store.facts import ClaimRow, FactRow, read_claims, read_contradictions, read_facts
from actorgraph.store.store import Store
from actorgraph.store.tlp import Scope

# event types whose actors count as acting in attacks (persons become STIX threat actors)
ATTACKS = frozenset(e.name for e in ontology.event_types() if e.attack)


@dataclass
class Snapshot:
    documents: list[dict[str, Any]]
    entities: list[dict[str, Any]]          # id, type, kind?, name, aliases
    relations: list[dict[str, Any]]         # id, subject, predicate, object, support?, claims
    events: list[dict[str, Any]]            # id, type, mode?, date, precision, actors, ...
    quantities: list[dict[str, Any]]        # id, subject, unit, value, qualifier, claims
    claims: list[dict[str, Any]]            # the JSON export's claim items, plus "kind"
    contradictions: list[dict[str, Any]]    # id, claims, facts, summary
    named: dict[str, set[str]] = field(default_factory=dict)    # doc id -> entity ids
    grades: dict[str, Assessment] = field(default_factory=dict)  # fact id -> grade
    attackers: set[str] = field(default_factory=set)   # entities acting in ATTACKS events
    everyone: dict[str, dict[str, Any]] = field(default_factory=dict)  # all entities, by id
    channels: list[dict[str, Any]] = field(default_factory=list)       # from exports
    channel_links: list[dict[str, Any]] = field(default_factory=list)  # export/channels.py

    def entity_map(self) -> dict[str, dict[str, Any]]:
        return {e["id"]: e for e in self.entities}

    def doc_map(self) -> dict[str, dict[str, Any]]:
        return {d["id"]: d for d in self.documents}

    def claim_map(self) -> dict[str, dict[str, Any]]:
        return {c["id"]: c for c in self.claims}


def load(store: Store, scope: Scope | None = None) -> Snapshot:
    """Read the whole store once (what `scope` shows of it, when given)."""
    docs = sorted(store.documents(scope=scope), key=lambda d: d["id"])
    for d in docs:
        d.pop("original", None)
    texts = {d["id"]: store.document_text(d["id"]) or "" for d in docs}
    relations: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    quantities: list[dict[str, Any]] = []
    grader = Grader(store, scope)
    grades: dict[str, Assessment] = {}
    lists = {"relation": relations, "event": events, "quantity": quantities}
    for f in read_facts(store, scope=scope):
        grades[f.id] = grader(f)
        if f.kind in lists:
            lists[f.kind].append(fact_item(f))
    claims = [snapshot_claim(c, texts.get(c.doc_id, "")) for c in read_claims(store, scope=scope)]
    named: dict[str, set[str]] = {}
    for m in store.mentions(scope=scope):
        if m.entity_id:
            named.setdefault(m.doc_id, set()).add(m.entity_id)
    attackers = {a for ev in events if ev["type"] in ATTACKS
                 and grades[ev["id"]].credibility != 5 for a in ev["actors"]}
    entities = entity_items(store, scope)
    channels, channel_links = load_channels(store, entities)
    return Snapshot(
        documents=docs, entities=entities, relations=relations, events=events,
        quantities=quantities, claims=claims,
        contradictions=[{"id": c["id"], "claims": c["claims"], "facts": c["facts"],
                         "summary": c["summary"]}
                        for c in read_contradictions(store, scope=scope)],
        named=named, grades=grades, attackers=attackers,
        everyone={e["id"]: e for e in entities}, channels=channels,
        channel_links=channel_links)


def fact_item(f: FactRow) -> dict[str, Any]:
    """A relation, event or quantity as a snapshot lists it."""
    d = f.data
    if f.kind == "relation":
        item = {"id": f.id, "subject": d["subject"], "predicate": d["predicate"],
                "object": d["object"]}
        if d.get("support"):
            item["support"] = d["support"]
        item["claims"] = f.claims
        return item
    if f.kind == "event":
        return {"id": f.id, "type": d["type"], "mode": d.get("mode"), "date": d.get("date"),
                "precision": d.get("precision"), "actors": d["actors"],
                "targets": d["targets"], "location": d.get("location"), "claims": f.claims}
    return {"id": f.id, "subject": d.get("subject"), "unit": d["unit"], "value": d["value"],
            "qualifier": d.get("qualifier"), "claims": f.claims}


def snapshot_claim(c: ClaimRow, text: str) -> dict[str, Any]:
    """A claim as a snapshot lists it: the JSON export's item and its kind."""
    item = claim_item(c, text)
    item["kind"] = c.kind
    return item


# STIX 2.1, appendix "Confidence Scales": the Admiralty credibility grade as 0-100
ADMIRALTY_CONFIDENCE = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10}


def confidence(grade: Assessment | None) -> int | None:
    """A fact's confidence (0-100) from its credibility grade; None for 6 (cannot judge)."""
    return ADMIRALTY_CONFIDENCE.get(grade.credibility) if grade else None
