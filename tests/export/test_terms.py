"""Every export writes only terms of the ontology (ontology.yaml)."""
from __future__ import annotations

import json

from actorgraph import ontology
from actorgraph.export import ftm, json_export, stix


def test_the_json_export_uses_only_known_terms(example_store):
    data = json_export.build(example_store)
    types = {t.name: t for t in ontology.entity_types()}
    for e in data["entities"]:
        assert e["type"] in types
        assert e.get("kind") is None or ontology.kind(e["type"], e["kind"]) is not None
    assert data["relations"]
    for r in data["relations"]:
        assert ontology.predicate(r["predicate"]) is not None
    assert data["events"]
    for ev in data["events"]:
        assert ontology.event_type(ev["type"]) is not None
    for c in data["claims"]:
        assert c["modality"] in ontology.modalities()


def test_stix_and_ftm_write_the_ontologys_mappings(example_snapshot):
    bundle = json.loads(stix.dumps(example_snapshot))
    written = {p.stix for p in ontology.predicates()}
    rels = [o for o in bundle["objects"] if o["type"] == "relationship"]
    assert rels and all(o["relationship_type"] in written for o in rels)
    events = [o for o in bundle["objects"] if o["type"] == "x-actorgraph-event"]
    assert events and all(ontology.event_type(o["event_type"]) for o in events)
    notes = [o for o in bundle["objects"] if o.get("x_actorgraph_modality")]
    assert notes and all(o["x_actorgraph_modality"] in ontology.modalities() for o in notes)
    links = {p.ftm.schema for p in ontology.predicates() if p.ftm} | {"UnknownLink"}
    schemata = {t.ftm_schema for t in ontology.entity_types()} | {
        k.ftm_schema for t in ontology.entity_types() for k in t.kinds if k.ftm_schema}
    for line in ftm.dumps(example_snapshot).splitlines():
        p = json.loads(line)
        assert p["schema"] in links | schemata | {"Event", "Article", "Documentation"}, p
