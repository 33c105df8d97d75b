"""The ontology's JSON export (`actorgraph/1`), byte-for-byte stable for the same input.

`write` streams it: each array is read from the store a batch of rows at a time
(`store.stream`) and written an item at a time, so its memory does not grow with the
store; `build` gives the same as one dict (for `neighbourhood.limit_ontology`)."""
from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any, TextIO

from actorgraph.store import stream
from actorgraph.store.facts import ClaimRow, FactRow
from actorgraph.store.store import EntityRecord, Store
from actorgraph.store.tlp import Scope

FORMAT = "actorgraph/1"
DOC_FIELDS = ("id", "source", "title", "publisher", "author", "published", "url", "sha256")


def entity_items(store: Store, scope: Scope | None = None) -> list[dict[str, Any]]:
    """Entities as the ontology exports them: id, type, kind (organisations), name, aliases
    (those `scope` shows, with their visible names, when given)."""
    return [entity_item(e) for e in store.entities(scope=scope)]


def entity_item(e: EntityRecord) -> dict[str, Any]:
    item: dict[str, Any] = {"id": e.id, "type": e.type}
    if e.type == "organization" and e.kind:
        item["kind"] = e.kind
    item["name"] = e.name
    item["aliases"] = sorted({n for n, _ in e.names if n != e.name})
    return item


def _doc_item(d: dict[str, Any]) -> dict[str, Any]:
    """A document's record; `extraction_error` only for one whose extraction failed,
    `encoding` only for one not decoded from UTF-8."""
    item = {k: d.get(k) for k in DOC_FIELDS}
    if d.get("extraction_error"):
        item["extraction_error"] = d["extraction_error"]
    if d.get("encoding") not in (None, "utf-8"):
        item["encoding"] = d["encoding"]
    return item


def _relation_item(f: FactRow) -> dict[str, Any]:
    item = {"id": f.id, "subject": f.data["subject"], "predicate": f.data["predicate"],
            "object": f.data["object"]}
    if f.data.get("support"):
        item["support"] = f.data["support"]
    item["claims"] = f.claims
    return item


def _event_item(f: FactRow) -> dict[str, Any]:
    item = {"id": f.id, "type": f.data["type"]}
    if f.data.get("mode"):
        item["mode"] = f.data["mode"]
    item.update({"date": f.data.get("date"), "actors": f.data["actors"],
                 "targets": f.data["targets"], "location": f.data.get("location"),
                 "claims": f.claims})
    return item


def _claims(read: stream.Reading) -> Iterator[dict[str, Any]]:
    """The claim items by claim id, made document by document (each with its text) and
    put in order by the database."""
    made = ((c.id, json.dumps(claim_item(c, text), ensure_ascii=False))
            for text, claims in read.claims_by_document() for c in claims)
    return (json.loads(v) for v in read.sorted_by(made))


def sections(read: stream.Reading) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    """The export's arrays in order, each (name, its items in order) read a batch at a
    time: take each one's items before the next."""
    yield "documents", (_doc_item(d) for d in read.documents())
    yield "entities", (entity_item(e) for e in read.entities())
    yield "relations", (_relation_item(f) for f in read.facts("relation"))
    yield "events", (_event_item(f) for f in read.facts("event"))
    yield "claims", _claims(read)
    yield "contradictions", ({"id": c["id"], "claims": c["claims"], "summary": c["summary"]}
                             for c in read.contradictions())


def build(store: Store, scope: Scope | None = None) -> dict[str, Any]:
    """The export as a dict: documents, entities with aliases, and the fact arrays (of
    what `scope` shows, when given)."""
    out: dict[str, Any] = {"format": FORMAT}
    with stream.reading(store, scope) as read:
        for name, items in sections(read):
            out[name] = list(items)
    return out


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


def write(store: Store, out: TextIO, scope: Scope | None = None) -> None:
    """Write the export to `out` as `dumps` gives it, an item at a time: memory stays
    bounded whatever the store's size."""
    out.write("{\n " + json.dumps("format") + ": " + json.dumps(FORMAT))
    with stream.reading(store, scope) as read:
        for name, items in sections(read):
            out.write(",\n " + json.dumps(name, ensure_ascii=False) + ": ")
            opening = "[\n  "
            for item in items:
                out.write(opening)
                out.write(json.dumps(item, ensure_ascii=False, indent=1).replace("\n", "\n  "))
                opening = ",\n  "
            out.write("[]" if opening == "[\n  " else "\n ]")
    out.write("\n}\n")


def dumps(store: Store, scope: Scope | None = None) -> str:
    """The export as one string (`json.dumps(build(...), indent=1)`, made by `write`)."""
    out = io.StringIO()
    write(store, out, scope)
    return out.getvalue()
