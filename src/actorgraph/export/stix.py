"""The graph as a STIX 2.1 bundle, made with the `stix2` library (see docs/formats.md).

Entities become threat actors, identities, locations or user accounts;
relations become relationships; events become `x-actorgraph-event` objects;
documents become reports; claims and contradictions become notes. Our own
properties (`x_actorgraph_*`) are declared by one extension definition.

Ids are UUIDv5 of our stable ids in a fixed namespace and every timestamp is
derived (a document's publication date, else a fixed epoch), so the same
input gives the same bundle, byte for byte.
"""
from __future__ import annotations

import hashlib
import json
import re
import uuid
from typing import Any

from stix2 import v21  # type: ignore[import-untyped]
from stix2.properties import (  # type: ignore[import-untyped]
    ListProperty,
    ReferenceProperty,
    StringProperty,
)

from actorgraph import ontology
from actorgraph.export.channels import evidence_lines, unknown_actors
from actorgraph.export.snapshot import Snapshot, confidence
from actorgraph.knowledge.lexicon import load_lexicon

NAMESPACE = uuid.UUID("8e1c4c55-0c1e-5b8e-9a51-6163746f7267")   # fixed: never change
EPOCH = "1970-01-01T00:00:00.000Z"          # created/modified of every derived object
PRODUCER = f"identity--{uuid.uuid5(NAMESPACE, 'actorgraph')}"
EXTENSION = f"extension-definition--{uuid.uuid5(NAMESPACE, 'actorgraph/stix/1')}"
TOPLEVEL = {EXTENSION: {"extension_type": "toplevel-property-extension"}}
NEW_SDO = {EXTENSION: {"extension_type": "new-sdo"}}

PROPERTIES = (   # the top-level properties our extension adds
    "x_actorgraph_id", "x_actorgraph_type", "x_actorgraph_kind", "x_actorgraph_aliases",
    "x_actorgraph_predicate", "x_actorgraph_support", "x_actorgraph_grade",
    "x_actorgraph_claim_kind", "x_actorgraph_modality", "x_actorgraph_attributed_to",
    "x_actorgraph_attributed_to_name", "x_actorgraph_start", "x_actorgraph_end",
    "x_actorgraph_value", "x_actorgraph_unit", "x_actorgraph_qualifier",
    "x_actorgraph_source", "x_actorgraph_sha256", "x_actorgraph_publisher",
    "x_actorgraph_author", "x_actorgraph_published", "x_actorgraph_url",
    "x_actorgraph_imported", "x_actorgraph_status", "x_actorgraph_rules",
    "x_actorgraph_platform", "x_actorgraph_name_only",
)
_REF = ReferenceProperty(valid_types=["SDO", "SCO"], spec_version="2.1")


@v21.CustomObject("x-actorgraph-event", [
    ("name", StringProperty(required=True)),
    ("event_type", StringProperty(required=True)),   # PLOVER: ASSAULT, THREATEN, COERCE ...
    ("mode", StringProperty()),
    ("date", StringProperty()),                      # ISO prefix: 2023, 2023-07, 2023-11-30
    ("date_precision", StringProperty()),
    ("actor_refs", ListProperty(_REF)),
    ("target_refs", ListProperty(_REF)),
    ("location_ref", _REF),
    ("x_actorgraph_id", StringProperty()),
    ("x_actorgraph_grade", StringProperty()),
])
class ActorgraphEvent:
    """An event of the ontology: who did what to whom, where and when."""


def stix_id(kind: str, our_id: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, our_id)}"


def timestamp(iso_prefix: str | None) -> str:
    """A publication date (ISO prefix) as a STIX timestamp; the epoch when unknown."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", (iso_prefix or "").strip())
    if not m:
        return EPOCH
    y, mo, d = m.group(1), m.group(2) or "01", m.group(3) or "01"
    if not (1 <= int(mo) <= 12 and 1 <= int(d) <= 31):
        return EPOCH
    return f"{y}-{mo}-{d}T00:00:00.000Z"


def relationship_type(predicate: str) -> str:
    """The STIX relationship type of a predicate (ontology.yaml: STIX's own where one fits)."""
    p = ontology.predicate(predicate)
    return p.stix if p else predicate.replace("_", "-")


def entity_kind(e: dict[str, Any], attackers: set[str]) -> str:
    """The STIX type of an entity (the rules of docs/formats.md)."""
    if e["type"] == "organization":
        return "threat-actor" if e.get("kind") == "armed_group" else "identity"
    if e["type"] == "person":
        return "threat-actor" if e["id"] in attackers else "identity"
    if e["type"] == "channel":
        return "user-account"
    return "location"          # country, place


def _country_code(e: dict[str, Any]) -> str | None:
    lex = load_lexicon()
    for name in [e["name"], *e["aliases"]]:
        entry = lex.lookup(name)
        if entry is not None and entry.country and (
                e["type"] != "country" or entry.type == "country"):
            return entry.country.upper()
    return None


def _common(our_id: str, sid: str, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    out = {"id": sid, "created": EPOCH, "modified": EPOCH, "created_by_ref": PRODUCER,
           "extensions": TOPLEVEL, "allow_custom": True, "x_actorgraph_id": our_id}
    out.update({k: v for k, v in (extra or {}).items() if v not in (None, [], "")})
    return out


def _entity(e: dict[str, Any], sid: str) -> Any:
    kind = sid.split("--")[0]
    base = {"name": e["name"], "x_actorgraph_type": e["type"],
            "x_actorgraph_kind": e.get("kind")}
    if kind == "user-account":   # an SCO: its id follows from account_login (STIX's rule)
        return v21.UserAccount(
            account_login=e["name"], display_name=e["name"], allow_custom=True,
            extensions={EXTENSION: {"extension_type": "property-extension",
                                    "x_actorgraph_id": e["id"], "x_actorgraph_type": "channel",
                                    "x_actorgraph_aliases": e["aliases"]}})
    if kind == "threat-actor":
        person = e["type"] == "person"
        return v21.ThreatActor(**_common(e["id"], sid, {
            **base, "aliases": e["aliases"], "threat_actor_types": ["unknown"],
            "resource_level": "individual" if person else "organization"}))
    base["x_actorgraph_aliases"] = e["aliases"]
    if kind == "identity":
        cls = ("individual" if e["type"] == "person" else
               "group" if e.get("kind") == "coalition" else "organization")
        k = ontology.kind(e["type"], e.get("kind"))
        sector = k.stix_sector if k else None
        return v21.Identity(**_common(e["id"], sid, {
            **base, "identity_class": cls, "sectors": [sector] if sector else None}))
    code = _country_code(e)
    return v21.Location(**_common(e["id"], sid, {
        **base, "country": code, "region": None if code else "unknown"}))


def _grade(snap: Snapshot, fid: str) -> dict[str, Any]:
    g = snap.grades.get(fid)
    return {"confidence": confidence(g), "x_actorgraph_grade": g.grade if g else None}


def build(snap: Snapshot) -> v21.Bundle:
    """The STIX bundle of a snapshot (whole store or a neighbourhood)."""
    entity_objects = entity_objects_of(snap.entities, snap.attackers)
    ids = {k: o.id for k, o in entity_objects.items()}    # SCO ids are STIX's own
    objects = fact_objects(snap, ids)
    notes, report_refs = claim_notes(snap, ids, targets(snap, ids))
    contradictions, more = contradiction_notes(snap.contradictions, snap.claims)
    for doc, found in more.items():
        report_refs[doc] |= found
    reports = _reports(snap, ids, report_refs)
    objects = ([_producer(), _extension()] + [entity_objects[e["id"]] for e in snap.entities]
               + objects + _channel_objects(snap, ids) + reports + notes + contradictions)
    digest = hashlib.sha256("\n".join(o.id for o in objects).encode()).hexdigest()
    return v21.Bundle(objects=objects, id=stix_id("bundle", "bundle:" + digest),
                      allow_custom=True)


def entity_objects_of(entities: list[dict[str, Any]], attackers: set[str]) -> dict[str, Any]:
    """Each entity's STIX object, by our id."""
    return {e["id"]: _entity(e, stix_id(entity_kind(e, attackers), e["id"])) for e in entities}


def fact_objects(snap: Snapshot, ids: dict[str, str]) -> list[Any]:
    """The relationships and events of a snapshot (`ids`: the STIX ids of its entities)."""
    ents = snap.entity_map()
    objects: list[Any] = []
    for r in snap.relations:
        s, o = ents[r["subject"]], ents[r["object"]]
        objects.append(v21.Relationship(**_common(r["id"], stix_id("relationship", r["id"]), {
            "relationship_type": relationship_type(r["predicate"]),
            "source_ref": ids[r["subject"]], "target_ref": ids[r["object"]],
            "description": f"{s['name']} {ontology.label(r['predicate'])} {o['name']}",
            "x_actorgraph_predicate": r["predicate"], "x_actorgraph_support": r.get("support"),
            **_grade(snap, r["id"])})))
    for ev in snap.events:
        who = ", ".join(ents[a]["name"] for a in ev["actors"]) or "unknown actor"
        whom = ", ".join(ents[t]["name"] for t in ev["targets"])
        name = f"{ev['type']}{'/' + ev['mode'] if ev.get('mode') else ''}: {who}" + (
            f" against {whom}" if whom else "")
        props = {"name": name, "event_type": ev["type"], "mode": ev.get("mode"),
                 "date": ev.get("date"), "date_precision": ev.get("precision"),
                 "actor_refs": [ids[a] for a in ev["actors"]],
                 "target_refs": [ids[t] for t in ev["targets"]],
                 "location_ref": ids.get(ev.get("location") or ""), **_grade(snap, ev["id"])}
        props = {k: v for k, v in props.items() if v not in (None, [], "")}
        # one mapping of keywords: the class's properties come from stix2's decorator
        objects.append(ActorgraphEvent(**{"id": stix_id("x-actorgraph-event", ev["id"]),
                                          "created": EPOCH, "modified": EPOCH,
                                          "created_by_ref": PRODUCER, "extensions": NEW_SDO,
                                          "x_actorgraph_id": ev["id"], **props}))
    return objects


def targets(snap: Snapshot, ids: dict[str, str]) -> dict[str, str]:
    """claim id -> what its note is about: its relation's or event's STIX id (an event's
    over a relation's, the last by id), a figure's entity over either."""
    target_of = {c: stix_id("relationship", f["id"]) for f in snap.relations
                 for c in f["claims"]}
    target_of.update({c: stix_id("x-actorgraph-event", f["id"]) for f in snap.events
                      for c in f["claims"]})
    for q in snap.quantities:     # a figure's claims are notes on what it counts
        if q.get("subject") in ids:
            target_of.update({c: ids[q["subject"]] for c in q["claims"]})
    return target_of


def _channel_objects(snap: Snapshot, ids: dict[str, str]) -> list[Any]:
    """Channels read from exports (user accounts), actors no entity stands for
    (identities), and one `operates-channel` relationship per (actor, channel) with its
    rules, confidences and posts (export/channels.py)."""
    out: list[Any] = []
    accounts: dict[str, str] = {}
    for c in snap.channels:
        account = v21.UserAccount(
            user_id=c["native_id"], account_login=c["handle"] or c["name"],
            display_name=c["name"], account_type=c["platform"] or None, allow_custom=True,
            extensions={EXTENSION: {
                "extension_type": "property-extension", "x_actorgraph_id": c["id"],
                "x_actorgraph_type": "channel", "x_actorgraph_platform": c["platform"],
                "x_actorgraph_name_only": c["name_only"]}})
        accounts[c["id"]] = account.id
        out.append(account)
    for aid, name in sorted(unknown_actors(snap.channel_links).items()):
        sid = stix_id("identity", aid)
        ids.setdefault(aid, sid)
        out.append(v21.Identity(**_common(aid, sid, {
            "name": name, "identity_class": "unknown", "x_actorgraph_type": "actor",
            "description": "named as a channel's operator in channel exports"})))
    for x in snap.channel_links:
        name = next((c["name"] for c in snap.channels if c["id"] == x["channel"]), "")
        out.append(v21.Relationship(**_common(x["id"], stix_id("relationship", x["id"]), {
            "relationship_type": relationship_type("operates_channel"),
            "source_ref": ids[x["actor"]], "target_ref": accounts[x["channel"]],
            "description": f"{x['actor_name']} operates channel {name}: "
                           + " | ".join(evidence_lines(x)),
            "confidence": round(100 * x["confidence"]),
            "x_actorgraph_predicate": "operates_channel", "x_actorgraph_status": x["status"],
            "x_actorgraph_rules": x["rules"]})))
    return out


def claim_notes(snap: Snapshot, ids: dict[str, str], target_of: dict[str, str]
                ) -> tuple[list[Any], dict[str, set[str]]]:
    """One note per claim (its evidence sentence); and, per document, the STIX ids its
    report refers to (its claims' notes and what they are about, the entities it names)."""
    everyone = snap.everyone or snap.entity_map()
    notes: list[Any] = []
    refs: dict[str, set[str]] = {d["id"]: set() for d in snap.documents}
    for c in snap.claims:
        target = target_of.get(c["id"])
        report = stix_id("report", c["doc"])
        nid = stix_id("note", c["id"])
        speaker = c.get("attributed_to")
        props = {
            "abstract": f"{c['modality']} {c['kind']} claim",
            "content": c["text"] or "(no text)",
            "object_refs": [x for x in (target, report) if x],
            "x_actorgraph_claim_kind": c["kind"], "x_actorgraph_modality": c["modality"],
            "x_actorgraph_attributed_to": _speaker(speaker, ids, everyone, snap.attackers),
            "x_actorgraph_attributed_to_name": everyone[speaker]["name"]
            if speaker in everyone else None,
            "x_actorgraph_start": c["start"], "x_actorgraph_end": c["end"],
            "x_actorgraph_value": c.get("value"), "x_actorgraph_unit": c.get("unit"),
            "x_actorgraph_qualifier": c.get("qualifier")}
        notes.append(v21.Note(**_common(c["id"], nid, props)))
        refs.setdefault(c["doc"], set()).update({nid} | ({target} if target else set()))
    for doc, named in snap.named.items():
        refs.setdefault(doc, set()).update(ids[e] for e in named if e in ids)
    return notes, refs


def contradiction_notes(contradictions: list[dict[str, Any]], claims: list[dict[str, Any]]
                        ) -> tuple[list[Any], dict[str, set[str]]]:
    """One note per contradiction about the notes of those of its claims in `claims`
    (none when it has none); and, per document of those claims, the notes its report
    refers to."""
    doc_of = {c["id"]: c["doc"] for c in claims}
    notes: list[Any] = []
    refs: dict[str, set[str]] = {}
    for k in contradictions:
        nid = stix_id("note", k["id"])
        about = sorted({stix_id("note", c) for c in k["claims"] if c in doc_of})
        if not about:
            continue
        notes.append(v21.Note(**_common(k["id"], nid, {
            "abstract": "contradiction", "content": k["summary"], "object_refs": about,
            "x_actorgraph_claim_kind": "contradiction"})))
        for c in k["claims"]:
            if c in doc_of:
                refs.setdefault(doc_of[c], set()).add(nid)
    return notes, refs


def _speaker(speaker: str | None, ids: dict[str, str], everyone: dict[str, dict],
             attackers: set[str]) -> str | None:
    """The STIX id of who says it (also when outside a neighbourhood), or "anonymous"."""
    if not speaker or speaker == "anonymous":
        return speaker
    if speaker in ids:
        return ids[speaker]
    e = everyone.get(speaker)
    return stix_id(entity_kind(e, attackers), speaker) if e else None


def _reports(snap: Snapshot, ids: dict[str, str], refs: dict[str, set[str]]) -> list[Any]:
    out = []
    for d in snap.documents:
        when = timestamp(d.get("published"))
        desc = "; ".join(f"{k}: {d[k]}" for k in ("publisher", "author", "published", "source")
                         if d.get(k))
        out.append(v21.Report(**{**_common(d["id"], stix_id("report", d["id"]), {
            "name": d.get("title") or d["source"].rsplit("/", 1)[-1],
            "description": desc, "published": when, "report_types": ["threat-report"],
            "object_refs": sorted(refs.get(d["id"]) or {PRODUCER}),
            "external_references": [{"source_name": d.get("publisher") or "source",
                                     "url": d["url"]}] if d.get("url") else None,
            "x_actorgraph_source": d["source"], "x_actorgraph_sha256": d.get("sha256"),
            "x_actorgraph_publisher": d.get("publisher"), "x_actorgraph_author": d.get("author"),
            "x_actorgraph_published": d.get("published"), "x_actorgraph_url": d.get("url"),
            "x_actorgraph_imported": bool(d.get("imported"))}), "created": when,
            "modified": when}))
    return out


def _producer() -> Any:
    return v21.Identity(id=PRODUCER, created=EPOCH, modified=EPOCH, name="actorgraph",
                        identity_class="system",
                        description="actorgraph: a sourced knowledge graph built from reports")


def _extension() -> Any:
    return v21.ExtensionDefinition(
        id=EXTENSION, created=EPOCH, modified=EPOCH, created_by_ref=PRODUCER,
        name="actorgraph", version="1.0.0",
        description="actorgraph's ontology in STIX: the x-actorgraph-event object and the "
                    "x_actorgraph_* properties (ids, types, aliases, claims, grades).",
        schema="actorgraph docs/formats.md, section 'STIX 2.1'",
        extension_types=["new-sdo", "toplevel-property-extension", "property-extension"],
        extension_properties=list(PROPERTIES))


def _stable(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """STIX's property order, then our custom properties sorted (stix2 keeps those
    in hash order, which changes between runs)."""
    return dict(sorted(pairs, key=lambda kv: (kv[0].startswith("x_"),
                                              kv[0] if kv[0].startswith("x_") else "")))


def dumps(snap: Snapshot) -> str:
    """The bundle as JSON text, the same bytes for the same input."""
    raw = build(snap).serialize(ensure_ascii=False)
    return json.dumps(json.loads(raw, object_pairs_hook=_stable), indent=1,
                      ensure_ascii=False) + "\n"
