"""The ontology's JSON export (`actorgraph/1`), byte-for-byte stable for the same input."""
from __future__ import annotations

import json
from typing import Any

from actorgraph.store.facts import ClaimRow, read_claims, read_contradictions, read_facts
from actorgraph.store.store import Store
from actorgraph.store.tlp import Scope

FORMAT = "actorgraph/1"
DOC_FIELDS = ("id", "source", "title", "publisher", "author", "published", "url", "sha256")


def entity_items(store: Store, scope: Scope | None = None) -> list[dict[str, Any]]:
    """Entities as the ontology exports them: id, type, kind (organisations), name, aliases
    (those `scope` shows, with their visible names, when given)."""
    out = []
    for e in store.entities(scope=scope):
        item: dict[str, Any] = {"id": e.id, "type": e.type}
        if e.type == "organization" and e.kind:
            item["kind"] = e.kind
        item["name"] = e.name
        item["aliases"] = sorted({n for n, _ in e.names if n != e.name})
        out.append(item)
    return out


def _doc_item(d: dict[str, Any]) -> dict[str, Any]:
    """A document's record; `extraction_error` only for one whose extraction failed,
    `encoding` only for one not decoded from UTF-8."""
    item = {k: d.get(k) for k in DOC_FIELDS}
    if d.get("extraction_error"):
        item["extraction_error"] = d["extraction_error"]
    if d.get("encoding") not in (None, "utf-8"):
        item["encoding"] = d["encoding"]
    return item


def build(store: Store, scope: Scope | None = None) -> dict[str, Any]:
    """The export as a dict: documents, entities with aliases, and the fact arrays (of
    what `scope` shows, when given)."""
    docs: list[dict[str, Any]] = [_doc_item(d) for d in store.documents(scope=scope)]
    entities = entity_items(store, scope)
    texts = {d["id"]: store.document_text(d["id"]) or "" for d in docs}
    relations, events = [], []
    for f in read_facts(store, scope=scope):
        if f.kind == "relation":
            item = {"id": f.id, "subject": f.data["subject"], "predicate": f.data["predicate"],
                    "object": f.data["object"]}
            if f.data.get("support"):
                item["support"] = f.data["support"]
            item["claims"] = f.claims
            relations.append(item)
        elif f.kind == "event":
            item = {"id": f.id, "type": f.data["type"]}
            if f.data.get("mode"):
                item["mode"] = f.data["mode"]
            item.update({"date": f.data.get("date"), "actors": f.data["actors"],
                         "targets": f.data["targets"], "location": f.data.get("location"),
                         "claims": f.claims})
            events.append(item)
    return {
        "format": FORMAT,
        "documents": sorted(docs, key=lambda d: d["id"]),
        "entities": sorted(entities, key=lambda e: e["id"]),
        "relations": relations,
        "events": events,
        "claims": [claim_item(c, texts[c.doc_id]) for c in read_claims(store, scope)],
        "contradictions": [{"id": c["id"], "claims": c["claims"], "summary": c["summary"]}
                           for c in read_contradictions(store, scope=scope)],
    }


def claim_item(c: ClaimRow, text: str) -> dict[str, Any]:
    """One claim as the ontology exports it: evidence sentence, speaker, modality."""
    item: dict[str, Any] = {"id": c.id, "doc": c.doc_id, "start": c.start, "end": c.end,
                            "text": text[c.start:c.end]}
    p = c.payload
    subject = c.entity(p.get("subject")) if c.kind in ("relation", "quantity", "condition") \
        else (c.entity(p["actors"][0]) if p.get("actors") else None)
    if subject:
        item["subject"] = subject
    item["attributed_to"] = c.attributed_to
    item["modality"] = c.modality
    if c.kind == "quantity":
        item.update({"value": p["value"], "unit": p["unit"], "qualifier": p.get("qualifier")})
    return item


def dumps(store: Store, scope: Scope | None = None) -> str:
    return json.dumps(build(store, scope), ensure_ascii=False, indent=1,
                      sort_keys=False) + "\n"
