"""The streamed JSON export (`json_export.write`, `store/stream.py`) gives the bytes the
whole-store readers give, whole or at a clearance, whatever the batch sizes."""
from __future__ import annotations

import io
import json

import pytest

from actorgraph.export import json_export
from actorgraph.store import stream
from actorgraph.store.facts import read_claims, read_contradictions, read_facts
from actorgraph.store.store import Store
from actorgraph.store.tlp import Scope, set_source_tlp, source_markings

from ..dbs import copy_db
from .conftest import empty_store


def reference(store: Store, scope: Scope | None = None) -> str:
    """The export made from the list readers, the whole store in memory."""
    docs = [json_export._doc_item(d) for d in store.documents(scope=scope)]
    texts = {d["id"]: store.document_text(d["id"]) or "" for d in docs}
    facts = read_facts(store, scope=scope)
    return json.dumps({
        "format": json_export.FORMAT,
        "documents": sorted(docs, key=lambda d: d["id"]),
        "entities": sorted((json_export.entity_item(e) for e in store.entities(scope=scope)),
                           key=lambda e: e["id"]),
        "relations": [json_export._relation_item(f) for f in facts if f.kind == "relation"],
        "events": [json_export._event_item(f) for f in facts if f.kind == "event"],
        "claims": [json_export.claim_item(c, texts[c.doc_id])
                   for c in read_claims(store, scope)],
        "contradictions": [{"id": c["id"], "claims": c["claims"], "summary": c["summary"]}
                           for c in read_contradictions(store, scope=scope)],
    }, ensure_ascii=False, indent=1) + "\n"


@pytest.fixture(params=[500, 3])
def batch(request, monkeypatch):
    """The store's batch size, and one so small that every merge crosses batches."""
    monkeypatch.setattr(stream, "BATCH", request.param)
    monkeypatch.setattr(stream, "CHUNK", max(1, request.param // 2))
    return request.param


def test_the_streamed_export_is_the_whole_store_export(example_store, batch):
    out = io.StringIO()
    json_export.write(example_store, out)
    assert out.getvalue() == reference(example_store) == json_export.dumps(example_store)
    data = json.loads(out.getvalue())
    assert all(data[k] for k in ("documents", "entities", "relations", "events", "claims"))
    assert json.dumps(json_export.build(example_store), ensure_ascii=False,
                      indent=1) + "\n" == out.getvalue()


def test_the_streamed_export_at_a_clearance_is_the_whole_store_one(example_store, tmp_path,
                                                                    batch):
    store = Store(copy_db(example_store, tmp_path))
    publisher = sorted({d["publisher"] for d in store.documents() if d["publisher"]})[0]
    set_source_tlp(store.engine, publisher, "AMBER")
    with store.engine.connect() as conn:
        scope = Scope.of(source_markings(conn), "GREEN")
    shown = json_export.dumps(store, scope)
    assert shown == reference(store, scope)
    assert len(json.loads(shown)["documents"]) < len(store.documents())


def test_an_empty_store_exports_empty_arrays(tmp_path):
    store = empty_store(tmp_path)
    assert json_export.dumps(store) == reference(store)
    assert '"claims": []' in json_export.dumps(store)
