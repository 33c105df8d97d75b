"""`actorgraph import BUNDLE.json`: the STIX round trip, idempotence, other tools' bundles."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from actorgraph.cli.main import cli
from actorgraph.export import stix
from actorgraph.export.snapshot import load
from actorgraph.imports.stix import BundleError
from actorgraph.workflow import import_stix

from ..dbs import new_db_url
from .conftest import empty_store


def graph_of(snap):
    """Entities (type, kind, name, aliases) and relations (by names) of a snapshot."""
    names = {e["id"]: e["name"] for e in snap.entities}
    ents = {(e["type"], e.get("kind"), e["name"], tuple(e["aliases"])) for e in snap.entities}
    rels = {(names[r["subject"]], r["predicate"], names[r["object"]]) for r in snap.relations}
    events = {(ev["type"], ev.get("mode"), ev.get("date"), tuple(names[a] for a in ev["actors"]),
               tuple(names[t] for t in ev["targets"]), names.get(ev.get("location")))
              for ev in snap.events}
    return ents, rels, events


@pytest.fixture(scope="module")
def exported(example_snapshot, tmp_path_factory):
    path = tmp_path_factory.mktemp("bundle") / "examples.stix.json"
    path.write_text(stix.dumps(example_snapshot), encoding="utf-8")
    return path


def test_round_trip_keeps_entities_and_relations(example_snapshot, exported, tmp_path):
    store = empty_store(tmp_path)
    report = import_stix(store, exported)
    assert report.status == "added" and report.actors == len(example_snapshot.entities)
    again = load(store)
    before, after = graph_of(example_snapshot), graph_of(again)
    assert after[0] == before[0]                       # entities: names, aliases, types
    assert after[1] == before[1]                       # relations
    assert after[2] == before[2]                       # events
    assert {e["id"] for e in again.entities} == {e["id"] for e in example_snapshot.entities}
    # and the second export has the same STIX ids for actors, places and relationships
    # (an event's id follows from its claims, which are new ones: events compare by content)
    first, second = json.loads(exported.read_text()), json.loads(stix.dumps(again))
    kinds = ("threat-actor", "identity", "location", "relationship")
    assert {o["id"] for o in first["objects"] if o["type"] in kinds} - {stix.PRODUCER} == \
        {o["id"] for o in second["objects"] if o["type"] in kinds} - {stix.PRODUCER}


def test_imported_claims_keep_their_evidence_verbatim(example_snapshot, exported, tmp_path):
    store = empty_store(tmp_path)
    import_stix(store, exported)
    again = load(store)
    (doc,) = again.documents
    assert doc["imported"] is True and doc["media_type"].startswith("application/stix+json")
    original = {(c["text"], c["modality"]) for c in example_snapshot.claims
                if c["kind"] in ("relation", "event")}
    imported = {(c["text"], c["modality"]) for c in again.claims if c["kind"] in
                ("relation", "event")}
    assert imported == original
    text = store.document_text(doc["id"])
    for m in store.mentions():
        assert text[m.start:m.end] == m.text


def test_reimporting_changes_nothing(exported, tmp_path):
    store = empty_store(tmp_path)
    import_stix(store, exported)
    before = (store.stats(), stix.dumps(load(store)))
    result = CliRunner().invoke(cli, ["import", str(exported), "--db", store.url],
                                catch_exceptions=False)
    assert result.exit_code == 0 and "unchanged" in result.output
    assert (store.stats(), stix.dumps(load(store))) == before


OTHER_TOOL = {
    "type": "bundle", "id": "bundle--0f6b4a3e-8d4e-4f3a-9c51-3b0c7f6f2a10",
    "objects": [
        {"type": "identity", "spec_version": "2.1", "id": "identity--a1b7b8f2-6a6c-4b7e-9d8e-"
         "2f1c3a4b5c6d", "created": "2024-01-01T00:00:00.000Z",
         "modified": "2024-01-01T00:00:00.000Z", "name": "Example CTI Team",
         "identity_class": "organization"},
        {"type": "threat-actor", "spec_version": "2.1", "id": "threat-actor--5c1b2e3f-4a5b-4c6d-"
         "8e7f-9a0b1c2d3e4f", "created": "2024-01-01T00:00:00.000Z",
         "modified": "2024-01-01T00:00:00.000Z", "name": "Kataib Sayyid al-Shuhada",
         "aliases": ["KSS"], "created_by_ref": "identity--a1b7b8f2-6a6c-4b7e-9d8e-2f1c3a4b5c6d",
         "x_opencti_type": "Threat-Actor-Group"},
        {"type": "threat-actor", "spec_version": "2.1", "id": "threat-actor--6d2c3f40-5b6c-4d7e-"
         "9f80-ab1c2d3e4f50", "created": "2024-01-01T00:00:00.000Z",
         "modified": "2024-01-01T00:00:00.000Z", "name": "Abu Alaa al-Walai",
         "resource_level": "individual", "x_opencti_type": "Threat-Actor-Individual"},
        {"type": "location", "spec_version": "2.1", "id": "location--7e3d4051-6c7d-4e8f-a091-"
         "bc2d3e4f5061", "created": "2024-01-01T00:00:00.000Z",
         "modified": "2024-01-01T00:00:00.000Z", "name": "Iraq", "country": "IQ",
         "x_opencti_location_type": "Country", "x_opencti_aliases": ["Republic of Iraq"]},
        {"type": "relationship", "spec_version": "2.1", "id": "relationship--8f4e5162-7d8e-4f90-"
         "b1a2-cd3e4f506172", "created": "2024-01-01T00:00:00.000Z",
         "modified": "2024-01-01T00:00:00.000Z", "relationship_type": "located-at",
         "source_ref": "threat-actor--5c1b2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
         "target_ref": "location--7e3d4051-6c7d-4e8f-a091-bc2d3e4f5061",
         "description": "Kataib Sayyid al-Shuhada is based in Iraq."},
        {"type": "relationship", "spec_version": "2.1", "id": "relationship--90a56273-8e9f-4a01-"
         "82b3-de4f50617283", "created": "2024-01-01T00:00:00.000Z",
         "modified": "2024-01-01T00:00:00.000Z", "relationship_type": "related-to",
         "source_ref": "threat-actor--6d2c3f40-5b6c-4d7e-9f80-ab1c2d3e4f50",
         "target_ref": "threat-actor--5c1b2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"},
        {"type": "report", "spec_version": "2.1", "id": "report--a1b67384-9fa0-4b12-93c4-"
         "ef5061728394", "created": "2024-01-01T00:00:00.000Z",
         "modified": "2024-01-01T00:00:00.000Z", "name": "KSS in 2024",
         "published": "2024-01-01T00:00:00Z", "report_types": ["threat-report"],
         "created_by_ref": "identity--a1b7b8f2-6a6c-4b7e-9d8e-2f1c3a4b5c6d",
         "object_refs": ["threat-actor--5c1b2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
                         "relationship--8f4e5162-7d8e-4f90-b1a2-cd3e4f506172"]},
    ],
}


def test_another_tools_bundle(tmp_path):
    path = tmp_path / "opencti.json"
    path.write_text(json.dumps(OTHER_TOOL), encoding="utf-8")
    store = empty_store(tmp_path)
    report = import_stix(store, path)
    assert report.actors == 3 and report.relations == 1    # related-to has no predicate
    snap = load(store)
    ents = {e["name"]: e for e in snap.entities}
    # the gazetteer's spelling is the canonical name, the bundle's is kept as an alias
    kss = ents["Kata'ib Sayyid al-Shuhada"]
    assert (kss["type"], kss["kind"]) == ("organization", "armed_group")
    assert {"KSS", "Kataib Sayyid al-Shuhada"} <= set(kss["aliases"])
    assert ents["Abu Alaa al-Walai"]["type"] == "person"
    assert ents["Iraq"]["type"] == "country" and "Republic of Iraq" in ents["Iraq"]["aliases"]
    assert "Example CTI Team" not in ents          # the author is provenance, not an actor
    (rel,) = snap.relations
    assert (rel["predicate"], snap.entity_map()[rel["object"]]["name"]) == ("based_in", "Iraq")
    (claim,) = [c for c in snap.claims if c["kind"] == "relation"]
    assert claim["text"] == "Kataib Sayyid al-Shuhada is based in Iraq."
    (doc,) = snap.documents
    assert (doc["title"], doc["publisher"], doc["published"]) == (
        "KSS in 2024", "Example CTI Team", "2024-01-01")


def test_bad_files_are_refused(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "indicator"}', encoding="utf-8")
    with pytest.raises(BundleError):
        import_stix(empty_store(tmp_path), bad)
    bad.write_text("not json", encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(bad), "--db",
                                      new_db_url(tmp_path, 'x.db')])
    assert result.exit_code == 1 and "not JSON" in result.output
