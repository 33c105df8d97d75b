"""Claims as rows: what one document says, each statement with its sentence and speaker.

Entities inside a claim's payload are document-level mention keys; the facts
stage maps them to entity ids after every resolution.
"""
from __future__ import annotations

import json
from typing import Any

from actorgraph.model import (
    DisputeFact,
    EventFact,
    Extraction,
    FoundingFact,
    QuantityFact,
    RelationFact,
)
from actorgraph.store.ids import short_hash


def _date(d) -> dict | None:
    if d is None or d.value is None:
        return None
    return {"value": d.value, "precision": d.precision, "text": d.text}


def relation_payload(r: RelationFact) -> dict[str, Any]:
    return {"subject": r.subject, "predicate": r.predicate, "object": r.object,
            "support": list(r.support), "rule": r.rule, "date": _date(r.date)}


def event_payload(e: EventFact) -> dict[str, Any]:
    payload = {"type": e.type, "mode": e.mode, "trigger": e.trigger,
               "trigger_start": e.trigger_start, "trigger_end": e.trigger_end,
               "actors": list(e.actors), "targets": list(e.targets), "location": e.location,
               "date": _date(e.date), "rule": e.rule}
    if e.origin:
        payload["origin"] = e.origin
    return payload


def quantity_payload(q: QuantityFact) -> dict[str, Any]:
    payload = {"value": q.value, "unit": q.unit, "qualifier": q.qualifier, "subject": q.subject,
               "text": q.text, "start": q.start, "end": q.end}
    if q.measure:
        payload["measure"] = q.measure
    return payload


def founding_payload(f: FoundingFact) -> dict[str, Any]:
    return {"subject": f.subject, "date": _date(f.date), "rule": f.rule, "trigger": f.trigger,
            "trigger_start": f.trigger_start, "trigger_end": f.trigger_end}


def dispute_rows(d: DisputeFact):
    """An account and the one that disputes it: a claim each (the disputing account may go
    on in a further sentence), tied by their `pair`."""
    pair = short_hash(str(d.sentence), str(d.disputed), d.cue, d.rule)
    common = {"pair": pair, "cue": d.cue, "rule": d.rule}
    yield d.disputed, d.disputed_attribution, {**common, "role": "disputed"}
    for s in (d.sentence, *d.also):
        yield s, d.attribution, {**common, "role": "disputing"}


def claim_rows(doc_id: str, extraction: Extraction, ingested_at: str) -> list[dict]:
    """One row per fact of the extraction, with a stable id."""
    sentences = {s.index: s for s in extraction.sentences}
    rows: dict[str, dict] = {}
    facts = ([("relation", f.sentence, f.attribution, relation_payload(f))
              for f in extraction.relations]
             + [("event", f.sentence, f.attribution, event_payload(f))
                for f in extraction.events]
             + [("quantity", f.sentence, f.attribution, quantity_payload(f))
                for f in extraction.quantities]
             + [("founding", f.sentence, f.attribution, founding_payload(f))
                for f in extraction.foundings]
             + [("account", s, att, payload) for d in extraction.disputes
                for s, att, payload in dispute_rows(d)]
             + [("condition", c.sentence, c.attribution,
                 {"subject": c.subject, "condition": c.condition, "cue": c.cue})
                for c in extraction.conditions])
    for kind, index, att, payload in facts:
        sent = sentences.get(index)
        if sent is None:
            continue
        body = json.dumps(payload, sort_keys=True, ensure_ascii=False)
        cid = "clm-" + short_hash(doc_id, kind, str(index), body)
        rows[cid] = {
            "id": cid, "doc_id": doc_id, "sentence": sent.index, "start": sent.start,
            "end": sent.end, "kind": kind, "payload": body, "speaker_key": att.attributed_to,
            "modality": att.modality, "cue": att.cue, "section": sent.kind,
            "ingested_at": ingested_at,
        }
    return list(rows.values())
