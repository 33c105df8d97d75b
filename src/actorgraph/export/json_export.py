"""The ontology's JSON export (`actorgraph/1`), byte-for-byte stable for the same input."""
from __future__ import annotations

import json
from typing import Any

from ..store.store import Store

FORMAT = "actorgraph/1"
DOC_FIELDS = ("id", "source", "title", "publisher", "author", "published", "url", "sha256")


def build(store: Store) -> dict[str, Any]:
    """The export as a dict: documents, entities with aliases, and the fact arrays."""
    docs = [{k: d.get(k) for k in DOC_FIELDS} for d in store.documents()]
    entities = []
    for e in store.entities():
        item: dict[str, Any] = {"id": e.id, "type": e.type}
        if e.type == "organization" and e.kind:
            item["kind"] = e.kind
        item["name"] = e.name
        item["aliases"] = sorted({n for n, _ in e.names if n != e.name})
        entities.append(item)
    return {
        "format": FORMAT,
        "documents": sorted(docs, key=lambda d: d["id"]),
        "entities": sorted(entities, key=lambda e: e["id"]),
        "relations": [],
        "events": [],
        "claims": [],
        "contradictions": [],
    }


def dumps(store: Store) -> str:
    return json.dumps(build(store), ensure_ascii=False, indent=1, sort_keys=False) + "\n"
