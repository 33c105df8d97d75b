"""The STIX 2.1 bundle of the whole store written a batch at a time (`store/stream.py`),
the bytes `stix.dumps` gives for the whole snapshot.

The objects go to a temporary file as they are made (the bundle's id, written before
them, hashes all their ids). Whether a person is a threat actor (`snapshot.ATTACKS`) is
decided first, in one pass over the attacks: the set of their actors is the one thing
held for the whole store. Reports are made a batch of documents at a time, with the
notes of their claims, which the database then puts in order by claim id.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections.abc import Iterator
from typing import Any, TextIO

from actorgraph.export import batches
from actorgraph.export.channels import load as load_channels
from actorgraph.export.json_export import entity_item
from actorgraph.export.snapshot import ATTACKS, Snapshot, fact_item, snapshot_claim
from actorgraph.export.stix import (
    _channel_objects,
    _extension,
    _producer,
    _reports,
    _stable,
    claim_notes,
    contradiction_notes,
    entity_objects_of,
    fact_objects,
    stix_id,
)
from actorgraph.facts.evidence import graded
from actorgraph.store import stream
from actorgraph.store.store import Store
from actorgraph.store.tlp import Scope


def text(obj: Any) -> str:
    """An object as `stix.dumps` writes it inside the bundle."""
    found = json.loads(obj.serialize(ensure_ascii=False), object_pairs_hook=_stable)
    return json.dumps(found, indent=1, ensure_ascii=False).replace("\n", "\n  ")


class _Bundle:
    """The objects written so far, and the hash of their ids."""

    def __init__(self, body: TextIO) -> None:
        self.body, self.ids = body, hashlib.sha256()
        self.sep = ""

    def add(self, sid: str, made: str) -> None:
        self.ids.update((self.sep and "\n" or "").encode() + sid.encode())
        self.body.write(self.sep + "  " + made)
        self.sep = ",\n"

    def write(self, obj: Any) -> None:
        self.add(obj.id, text(obj))


def write(store: Store, out: TextIO, scope: Scope | None = None) -> None:
    """`stix.dumps` of the whole store (what `scope` shows), a batch at a time."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as body, \
            stream.reading(store, scope) as read:
        bundle = _Bundle(body)
        attackers = _attackers(read)
        bundle.write(_producer())
        bundle.write(_extension())
        for chunk in stream.chunks(read.entities()):
            for obj in entity_objects_of([entity_item(e) for e in chunk], attackers).values():
                bundle.write(obj)
        for kind in ("relation", "event"):
            for b in batches.facts(read, kind):
                for obj in fact_objects(b, _ids(b.entities, attackers)):
                    bundle.write(obj)
        snap = batches.empty()
        snap.channels, snap.channel_links = load_channels(
            store, (entity_item(e) for e in read.entities()))
        known = read.entities_of(x["actor"] for x in snap.channel_links if x["known_actor"])
        for obj in _channel_objects(snap, _ids([entity_item(e) for e in known.values()],
                                                attackers)):
            bundle.write(obj)
        for made in read.sorted_by(_reports_and_notes(read, attackers, bundle)):
            sid, _, obj_text = made.partition("\n")
            bundle.add(sid, obj_text)
        for found in stream.chunks(read.contradictions()):
            notes, _ = contradiction_notes(found, _present(read, found))
            for obj in notes:
                bundle.write(obj)
        digest = bundle.ids.hexdigest()
        out.write('{\n "type": "bundle",\n "id": '
                  + json.dumps(stix_id("bundle", "bundle:" + digest)) + ',\n "objects": [\n')
        body.seek(0)
        shutil.copyfileobj(body, out)
        out.write("\n ]\n}\n")


def _ids(entities: list[dict[str, Any]], attackers: set[str]) -> dict[str, str]:
    return {k: o.id for k, o in entity_objects_of(entities, attackers).items()}


def _attackers(read: stream.Reading) -> set[str]:
    """The entities acting in attacks that are not only denied (`snapshot.load`'s)."""
    found: set[str] = set()
    for chunk in batches.weighed(f for f in read.facts("event") if f.data["type"] in ATTACKS):
        grades = graded(read, chunk)
        found |= {a for f in chunk if grades[f.id].credibility != 5
                  for a in fact_item(f)["actors"]}
    return found


def _reports_and_notes(read: stream.Reading, attackers: set[str], bundle: _Bundle
                       ) -> Iterator[tuple[str, str]]:
    """Writes each document's report, a batch of documents at a time; gives the notes of
    their claims as (claim id, note id and text)."""
    claims = stream.Merge(read.claims_by_document(), lambda x: x[1][0].doc_id)
    named = stream.Merge(read.named_by_document(), lambda x: x[0])
    for docs in stream.chunks(read.documents(), batches.DOCUMENTS):
        snap = batches.empty()
        snap.documents, snap.attackers = docs, attackers
        for d in docs:
            for doc_text, found in claims.take(d["id"]):
                snap.claims += [snapshot_claim(c, doc_text) for c in found]
            for _, ids in named.take(d["id"]):
                snap.named[d["id"]] = ids
        ids, target_of = _chunk_ids(read, snap, attackers)
        notes, refs = claim_notes(snap, ids, target_of)
        # a contradiction resting on a claim here has a note (`contradiction_notes`)
        doc_of = {c["id"]: c["doc"] for c in snap.claims}
        for con, cid in read.contradictions_on(doc_of):
            refs[doc_of[cid]].add(stix_id("note", con))
        for obj in _reports(snap, ids, refs):
            bundle.write(obj)
        for c, note in zip(snap.claims, notes, strict=True):
            yield c["id"], note.id + "\n" + text(note)


def _present(read: stream.Reading, contradictions: list[dict]) -> list[dict[str, str]]:
    """The claims of `contradictions` that the export has (id, doc)."""
    found = read.claim_documents(c for k in contradictions for c in k["claims"])
    return [{"id": c, "doc": doc} for c, doc in found.items()]


def _chunk_ids(read: stream.Reading, snap: Snapshot, attackers: set[str]
               ) -> tuple[dict[str, str], dict[str, str]]:
    """The STIX ids of the entities a batch of documents' reports and notes name, and
    what each claim's note is about (as `stix.targets`: an event's over a relation's, the
    last by id; a figure's entity over either), from the facts resting on each claim."""
    rest = read.facts_of_claims((c["id"] for c in snap.claims), batches.LISTS)
    quantities = {f.id: f.data.get("subject") for f in read.facts_of(
        fid for found in rest.values() for kind, fid in found if kind == "quantity")}
    wanted = {e for ids in snap.named.values() for e in ids}
    wanted |= {c["attributed_to"] for c in snap.claims if c.get("attributed_to")}
    wanted |= {s for s in quantities.values() if s}
    shown = read.entities_of(wanted)
    snap.entities = [entity_item(shown[i]) for i in sorted(shown)]
    ids = _ids(snap.entities, attackers)
    target_of = {}
    for cid, found in rest.items():
        told = [(kind == "event", fid) for kind, fid in found if kind != "quantity"]
        if told:
            event, fid = max(told)
            target_of[cid] = stix_id("x-actorgraph-event" if event else "relationship", fid)
        counted = sorted(fid for kind, fid in found if kind == "quantity"
                         and quantities.get(fid) in ids)
        if counted:
            target_of[cid] = ids[quantities[counted[-1]] or ""]
    return ids, target_of
