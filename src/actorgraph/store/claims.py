"""Claims as rows: what one document says, each statement with its sentence and speaker.

Entities inside a claim's payload are document-level mention keys; the facts
stage maps them to entity ids after every resolution.
"""
from __future__ import annotations

import json
from typing import Any

from ..model import EventFact, Extraction, QuantityFact, RelationFact
from .store import short_hash


def _date(d) -> dict | None:
    if d is None or d.value is None:
        return None
    return {"value": d.value, "precision": d.precision, "text": d.text}


def relation_payload(r: RelationFact) -> dict[str, Any]:
    return {"subject": r.subject, "predicate": r.predicate, "object": r.object,
            "support": list(r.support), "rule": r.rule, "date": _date(r.date)}


def event_payload(e: EventFact) -> dict[str, Any]:
    return {"type": e.type, "mode": e.mode, "trigger": e.trigger,
            "trigger_start": e.trigger_start, "trigger_end": e.trigger_end,
            "actors": list(e.actors), "targets": list(e.targets), "location": e.location,
            "date": _date(e.date), "rule": e.rule}


def quantity_payload(q: QuantityFact) -> dict[str, Any]:
    return {"value": q.value, "unit": q.unit, "qualifier": q.qualifier, "subject": q.subject,
            "text": q.text, "start": q.start, "end": q.end}


def claim_rows(doc_id: str, extraction: Extraction, ingested_at: str) -> list[dict]:
    """One row per fact of the extraction, with a stable id."""
    sentences = {s.index: s for s in extraction.sentences}
    rows: dict[str, dict] = {}
    facts = ([("relation", f, relation_payload(f)) for f in extraction.relations]
             + [("event", f, event_payload(f)) for f in extraction.events]
             + [("quantity", f, quantity_payload(f)) for f in extraction.quantities])
    for kind, fact, payload in facts:
        sent = sentences.get(fact.sentence)
        if sent is None:
            continue
        body = json.dumps(payload, sort_keys=True, ensure_ascii=False)
        cid = "clm-" + short_hash(doc_id, kind, str(fact.sentence), body)
        att = fact.attribution
        rows[cid] = {
            "id": cid, "doc_id": doc_id, "sentence": sent.index, "start": sent.start,
            "end": sent.end, "kind": kind, "payload": body, "speaker_key": att.attributed_to,
            "modality": att.modality, "cue": att.cue, "section": sent.kind,
            "ingested_at": ingested_at,
        }
    return list(rows.values())
