"""Claims as rows: what one document says, each statement with its sentence and speaker.

Entities inside a claim's payload are document-level mention keys; the facts
stage maps them to entity ids after every resolution.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import partial
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


def _facts(extraction: Extraction) -> Iterator[tuple[str, int, Any, Callable[[], dict]]]:
    """(kind, sentence index, attribution, payload maker) for each fact of the extraction,
    in the order of its claims; the payload is made only when asked for."""
    for r in extraction.relations:
        yield "relation", r.sentence, r.attribution, partial(relation_payload, r)
    for e in extraction.events:
        yield "event", e.sentence, e.attribution, partial(event_payload, e)
    for q in extraction.quantities:
        yield "quantity", q.sentence, q.attribution, partial(quantity_payload, q)
    for f in extraction.foundings:
        yield "founding", f.sentence, f.attribution, partial(founding_payload, f)
    for d in extraction.disputes:
        for s, att, payload in dispute_rows(d):
            yield "account", s, att, partial(dict, payload)
    for c in extraction.conditions:
        yield "condition", c.sentence, c.attribution, partial(
            dict, subject=c.subject, condition=c.condition, cue=c.cue)


def _body(payload: dict) -> str:
    return json.dumps(payload, sort_keys=True, ensure_ascii=False)


def claim_rows(doc_id: str, extraction: Extraction, ingested_at: str) -> Iterator[dict]:
    """One row per fact of the extraction, with a stable id, made one at a time (a long
    report has over a hundred thousand: they are never all held at once).

    Facts with the same id (same kind, sentence and payload) give one row, in the place
    of the first and with the attribution of the last; the ids are found in a first pass
    that keeps only them and where their last fact is."""
    sentences = {s.index: s for s in extraction.sentences}
    last: dict[str, int] = {}
    for i, (kind, index, _, payload) in enumerate(_facts(extraction)):
        if index in sentences:
            last["clm-" + short_hash(doc_id, kind, str(index), _body(payload()))] = i
    wanted = iter(sorted(last.values()))
    order = {i: rank for rank, i in enumerate(last.values())}
    del last
    made: dict[int, dict] = {}      # rows made before their turn (a later fact's id came first)
    turn = 0
    nxt = next(wanted, None)
    for i, (kind, index, att, payload) in enumerate(_facts(extraction)):
        if i != nxt:
            continue
        nxt = next(wanted, None)
        sent = sentences[index]
        body = _body(payload())
        cid = "clm-" + short_hash(doc_id, kind, str(index), body)
        made[order[i]] = {
            "id": cid, "doc_id": doc_id, "sentence": sent.index, "start": sent.start,
            "end": sent.end, "kind": kind, "payload": body, "speaker_key": att.attributed_to,
            "modality": att.modality, "cue": att.cue, "section": sent.kind,
            "ingested_at": ingested_at,
        }
        while turn in made:
            yield made.pop(turn)
            turn += 1
