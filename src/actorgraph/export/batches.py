"""The exchange formats' data a batch at a time, read with `store/stream.py`: the streamed
counterpart of `snapshot.load`, in memory that does not grow with the store.

A batch is a `Snapshot` of a few of the store's rows (CHUNK facts of one kind) with what
the formats read of the rest for them: the entities they name (as visible) and their
grades (`facts.evidence.graded`, the grades `Grader` gives on the whole store). A
format's builder runs on each batch as it runs on the whole snapshot.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from actorgraph.export.json_export import entity_item
from actorgraph.export.snapshot import Snapshot, fact_item, snapshot_claim
from actorgraph.facts.evidence import graded
from actorgraph.store import stream
from actorgraph.store.facts import FactRow

LISTS = {"relation": "relations", "event": "events", "quantity": "quantities"}
DOCUMENTS = 50      # documents whose claims are read (with their texts) at a time
CLAIMS = 5000       # claims of the facts of one batch (a fact with more is a batch alone)


def named(item: dict[str, Any]) -> set[str]:
    """The entities a relation, event or quantity item names."""
    found = {item.get("subject"), item.get("object"), item.get("location")}
    found |= set(item.get("actors") or ()) | set(item.get("targets") or ())
    return {e for e in found if e}


def empty() -> Snapshot:
    return Snapshot(documents=[], entities=[], relations=[], events=[], quantities=[],
                    claims=[], contradictions=[])


def facts(read: stream.Reading, kind: str, grade: bool = True, evidence: bool = False
          ) -> Iterator[Snapshot]:
    """The facts of `kind` (relation, event, quantity) in snapshots of CHUNK facts (and at
    most CLAIMS claims), each with the entities they name, (if `grade`) their grades and
    (if `evidence`) their visible claims (id, doc, text: a snapshot's claim item without
    what only the claim's own export reads) and those claims' documents."""
    for chunk in weighed(read.facts(kind)):
        snap = empty()
        setattr(snap, LISTS[kind], [fact_item(f) for f in chunk])
        found = read.entities_of({e for f in getattr(snap, LISTS[kind]) for e in named(f)})
        snap.entities = [entity_item(found[i]) for i in sorted(found)]
        if not (grade or evidence):
            yield snap
            continue
        claims = read.claims_of(c for f in chunk for c in f.claims)
        docs = read.documents_of({c.doc_id for c in claims.values()})
        sentences = read.sentences_of(claims.values())
        if grade:
            snap.grades = graded(read, chunk, claims, docs, sentences)
        if evidence:
            snap.claims = [{"id": c.id, "doc": c.doc_id, "text": sentences.get(c.id, "")}
                           for c in claims.values()]
            snap.documents = list(docs.values())
        yield snap


def weighed(items: Iterator[FactRow]) -> Iterator[list[FactRow]]:
    """Facts in batches of at most CHUNK facts and CLAIMS claims (or one fact): a hub's
    relations rest on thousands of claims each, which grading reads."""
    batch: list[FactRow] = []
    weight = 0
    for f in items:
        if batch and (len(batch) >= stream.CHUNK or weight + len(f.claims) > CLAIMS):
            yield batch
            batch, weight = [], 0
        batch.append(f)
        weight += len(f.claims)
    if batch:
        yield batch


def claims(read: stream.Reading) -> Iterator[tuple[dict, list[dict], dict[str, list]]]:
    """Each current document with claims (without its text), by id: its claims as a
    snapshot lists them (by id) and, per claim, the (kind, id) of the relations, events
    and quantities resting on it."""
    docs = stream.Merge(read.documents(), lambda d: d["id"])
    for chunk in stream.chunks(read.claims_by_document(), DOCUMENTS):
        rest = read.facts_of_claims((c.id for _, cs in chunk for c in cs), LISTS)
        for text, found in chunk:
            doc = docs.take(found[0].doc_id)
            yield (doc[0] if doc else {"id": found[0].doc_id}), [
                snapshot_claim(c, text) for c in found], rest
