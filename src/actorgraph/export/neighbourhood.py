"""Limit an export to an entity's neighbourhood (`--entity NAME --depth N`).

The graph walked is the entities joined by relations (subject - object) and
by events (every two participants of one event - actors, targets and the
location - are one hop apart). An entity is kept when it is at most `depth`
hops from the start; then only the facts among the kept entities stay: a
relation whose two ends are kept, an event all of whose participants are
kept (and that has any), a quantity about a kept entity; with them their claims, the
contradictions all of whose claims stay, and the documents that support a
kept fact or name a kept entity.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Any

from actorgraph.export.channels import limit as limit_channels
from actorgraph.export.snapshot import Snapshot


def participants(event: dict[str, Any]) -> set[str]:
    return set(event["actors"]) | set(event["targets"]) | (
        {event["location"]} if event.get("location") else set())


def within(snap_relations: list[dict], snap_events: list[dict], start: str,
           depth: int) -> set[str]:
    """The entity ids at most `depth` hops from `start`."""
    near: dict[str, set[str]] = defaultdict(set)
    for r in snap_relations:
        near[r["subject"]].add(r["object"])
        near[r["object"]].add(r["subject"])
    for ev in snap_events:
        ids = participants(ev)
        for a in ids:
            near[a] |= ids - {a}
    seen, frontier = {start}, {start}
    for _ in range(max(depth, 0)):
        frontier = {b for a in frontier for b in near[a]} - seen
        if not frontier:
            break
        seen |= frontier
    return seen


def keep_ids(relations: list[dict], events: list[dict], quantities: list[dict],
             claims: list[dict], contradictions: list[dict], entities: set[str]
             ) -> dict[str, set[str]]:
    """Which relations, events, quantities, claims and contradictions stay."""
    rel = {r["id"] for r in relations if r["subject"] in entities and r["object"] in entities}
    evt = {e["id"] for e in events if participants(e) and participants(e) <= entities}
    qty = {q["id"] for q in quantities if q.get("subject") in entities}
    supporting = {c for f in relations + events + quantities
                  if f["id"] in rel | evt | qty for c in f["claims"]}
    clm = {c["id"] for c in claims if c["id"] in supporting}
    con = {c["id"] for c in contradictions if set(c["claims"]) <= clm}
    return {"relations": rel, "events": evt, "quantities": qty, "claims": clm,
            "contradictions": con}


def limit(snap: Snapshot, start: str, depth: int) -> Snapshot:
    """The part of `snap` within `depth` hops of entity `start`."""
    ents = within(snap.relations, snap.events, start, depth)
    keep = keep_ids(snap.relations, snap.events, snap.quantities, snap.claims,
                    snap.contradictions, ents)
    claims = [c for c in snap.claims if c["id"] in keep["claims"]]
    named = {d: ids & ents for d, ids in snap.named.items() if ids & ents}
    docs = {c["doc"] for c in claims} | set(named)
    channels, channel_links = limit_channels(snap.channels, snap.channel_links, ents)
    return replace(
        snap, channels=channels, channel_links=channel_links,
        documents=[d for d in snap.documents if d["id"] in docs],
        entities=[e for e in snap.entities if e["id"] in ents],
        relations=[r for r in snap.relations if r["id"] in keep["relations"]],
        events=[e for e in snap.events if e["id"] in keep["events"]],
        quantities=[q for q in snap.quantities if q["id"] in keep["quantities"]],
        claims=claims,
        contradictions=[c for c in snap.contradictions if c["id"] in keep["contradictions"]],
        named=named)


def limit_ontology(data: dict[str, Any], start: str, depth: int,
                   named: dict[str, set[str]] | None = None) -> dict[str, Any]:
    """The same limit applied to the JSON export's dict (`json_export.build`); `named`
    (doc id -> entity ids) adds the documents that name a kept entity."""
    ents = within(data["relations"], data["events"], start, depth)
    figures = [{"id": c["id"], "subject": c.get("subject"), "claims": [c["id"]]}
               for c in data["claims"] if "value" in c]     # quantity claims
    keep = keep_ids(data["relations"], data["events"], figures, data["claims"],
                    data["contradictions"], ents)
    claims = [c for c in data["claims"] if c["id"] in keep["claims"]]
    docs = {c["doc"] for c in claims} | {d for d, ids in (named or {}).items() if ids & ents}
    return {
        **data,
        "documents": [d for d in data["documents"] if d["id"] in docs],
        "entities": [e for e in data["entities"] if e["id"] in ents],
        "relations": [r for r in data["relations"] if r["id"] in keep["relations"]],
        "events": [e for e in data["events"] if e["id"] in keep["events"]],
        "claims": claims,
        "contradictions": [c for c in data["contradictions"]
                           if c["id"] in keep["contradictions"]],
    }
