"""The STIX 2.1 export: valid by the validator, deterministic, and mapped as documented."""
from __future__ import annotations

import json
import uuid

import pytest
from stix2validator import ValidationOptions, validate_instance, validate_string

from actorgraph.export import neighbourhood, stix

from ..dbs import new_db_url

OPTIONS = ValidationOptions(version="2.1")


def errors_of(text: str) -> list[str]:
    result = validate_string(text, OPTIONS)
    return [str(e) for e in result.errors]


@pytest.fixture(scope="module")
def bundle_text(example_snapshot):
    return stix.dumps(example_snapshot)


@pytest.fixture(scope="module")
def bundle(bundle_text):
    return json.loads(bundle_text)


def by_our_id(bundle):
    out = {}
    for o in bundle["objects"]:
        ours = o.get("x_actorgraph_id") or next(iter(o.get("extensions", {}).values()), {}).get(
            "x_actorgraph_id")
        if ours:
            out[ours] = o
    return out


def test_the_bundle_passes_the_validator(bundle_text, bundle):
    assert errors_of(bundle_text) == []
    for obj in bundle["objects"]:
        assert validate_instance(obj, OPTIONS).errors == [], obj["id"]


def test_every_neighbourhood_bundle_passes_the_validator(example_snapshot):
    for e in example_snapshot.entities[::4]:
        text = stix.dumps(neighbourhood.limit(example_snapshot, e["id"], 1))
        assert errors_of(text) == [], e["name"]


def test_the_same_input_gives_the_same_bytes(example_store, bundle_text):
    from actorgraph.export.snapshot import load

    assert stix.dumps(load(example_store)) == bundle_text


def test_ids_are_uuid5_of_our_ids(bundle):
    for ours, o in by_our_id(bundle).items():
        if o["type"] != "user-account":
            kind, _, tail = o["id"].partition("--")
            assert uuid.UUID(tail) == uuid.uuid5(stix.NAMESPACE, ours)
            assert uuid.UUID(tail).version == 5


def test_entities_map_to_their_stix_types(example_snapshot, bundle):
    objs = by_our_id(bundle)
    for e in example_snapshot.entities:
        o = objs[e["id"]]
        assert o["name"] == e["name"]
        assert o["x_actorgraph_type"] == e["type"]
        if e["type"] == "organization" and e.get("kind") == "armed_group":
            assert o["type"] == "threat-actor"
            assert sorted(o.get("aliases", [])) == e["aliases"]
        elif e["type"] in ("country", "place"):
            assert o["type"] == "location"
            assert o.get("country") or o.get("region")
        elif e["type"] == "person":
            assert o["type"] == ("threat-actor" if e["id"] in example_snapshot.attackers
                                 else "identity")
        if o["type"] == "identity":
            assert sorted(o.get("x_actorgraph_aliases", [])) == e["aliases"]
    husseiniyyun = next(o for o in objs.values() if o.get("name") == "Husseiniyyun")
    assert husseiniyyun["type"] == "threat-actor" and husseiniyyun["aliases"]
    iran = next(o for o in objs.values() if o.get("name") == "Iran")
    assert iran["type"] == "location" and iran["country"] == "IR"


def test_persons_acting_in_attacks_are_threat_actors():
    person = {"id": "ent-1", "type": "person", "name": "A B", "aliases": []}
    assert stix.entity_kind(person, set()) == "identity"
    assert stix.entity_kind(person, {"ent-1"}) == "threat-actor"
    assert stix.entity_kind({**person, "type": "organization", "kind": "government"},
                            set()) == "identity"


def test_relations_events_and_claims(example_snapshot, bundle):
    objs = by_our_id(bundle)
    ids = {k: o["id"] for k, o in objs.items()}
    for r in example_snapshot.relations:
        o = objs[r["id"]]
        assert o["type"] == "relationship"
        assert o["relationship_type"] == stix.relationship_type(r["predicate"])
        assert (o["source_ref"], o["target_ref"]) == (ids[r["subject"]], ids[r["object"]])
        grade = example_snapshot.grades[r["id"]]
        assert o.get("confidence") == {1: 90, 2: 70, 3: 50, 4: 30, 5: 10}.get(grade.credibility)
    assert any(objs[r["id"]]["relationship_type"] == "located-at"
               for r in example_snapshot.relations if r["predicate"] == "based_in")
    for ev in example_snapshot.events:
        o = objs[ev["id"]]
        assert o["type"] == "x-actorgraph-event" and o["event_type"] == ev["type"]
        assert o.get("actor_refs", []) == [ids[a] for a in ev["actors"]]
    for c in example_snapshot.claims:
        note = objs[c["id"]]
        assert note["type"] == "note" and note["content"] == c["text"]
        assert note["x_actorgraph_modality"] == c["modality"]
        assert stix.stix_id("report", c["doc"]) in note["object_refs"]


def test_reports_refer_to_what_their_document_supports(example_snapshot, bundle):
    objs = by_our_id(bundle)
    for d in example_snapshot.documents:
        report = objs[d["id"]]
        assert report["type"] == "report"
        assert report["published"].startswith(d["published"])
        claims = [c for c in example_snapshot.claims if c["doc"] == d["id"]]
        assert {objs[c["id"]]["id"] for c in claims} <= set(report["object_refs"])


def test_timestamps():
    assert stix.timestamp("2023") == "2023-01-01T00:00:00.000Z"
    assert stix.timestamp("2023-07") == "2023-07-01T00:00:00.000Z"
    assert stix.timestamp("2023-11-30") == "2023-11-30T00:00:00.000Z"
    assert stix.timestamp(None) == stix.EPOCH == stix.timestamp("late April")


def test_two_stores_of_the_same_report_export_the_same_bytes(tmp_path):
    from actorgraph.export import ftm, graph
    from actorgraph.export.snapshot import load
    from actorgraph.store.store import Store
    from actorgraph.workflow import ingest

    from ..conftest import EXAMPLES

    outputs = []
    for name in ("a", "b"):
        store = Store(new_db_url(tmp_path, f"{name}.db"))
        ingest([str(EXAMPLES / "02_ganja-shooting-five-years-on.txt")], store)
        snap = load(store)
        outputs.append((stix.dumps(snap), ftm.dumps(snap), graph.graphml(snap), graph.gexf(snap)))
    assert outputs[0] == outputs[1]
