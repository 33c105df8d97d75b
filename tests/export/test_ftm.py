"""The FollowTheMoney export: every entity valid for its schema, mapped as documented."""
from __future__ import annotations

import json

import pytest
from followthemoney import model

from actorgraph.export import ftm


@pytest.fixture(scope="module")
def lines(example_snapshot):
    return [json.loads(line) for line in ftm.dumps(example_snapshot).splitlines()]


def test_every_entity_passes_the_models_validation(lines):
    assert lines
    for data in lines:
        proxy = model.get_proxy(data, cleaned=False)   # re-cleans every value
        assert proxy.to_dict() == data, data["id"]
        proxy.schema.validate(data)                    # raises InvalidData
        for prop in proxy.schema.required:
            assert data["properties"].get(prop), (data["id"], prop)
        assert not proxy.schema.abstract


def test_schemata(example_snapshot, lines):
    by_id = {d["id"]: d for d in lines}
    for e in example_snapshot.entities:
        data = by_id[e["id"]]
        assert data["properties"]["name"] == [e["name"]]
        assert sorted(data["properties"].get("alias", [])) == e["aliases"]
        expected = {"person": "Person", "country": "PublicBody", "place": "Address",
                    "channel": "UserAccount"}.get(e["type"])
        if expected:
            assert data["schema"] == expected
    for d in example_snapshot.documents:
        assert by_id[d["id"]]["schema"] == "Article"
    links = {"Membership", "Directorship", "Associate", "UnknownLink", "Family"}
    for r in example_snapshot.relations:
        data = by_id[r["id"]]
        assert data["schema"] in links
        assert set(data["properties"]["proof"]) <= {d["id"] for d in example_snapshot.documents}
        assert data["properties"]["description"]
    for ev in example_snapshot.events:
        assert by_id[ev["id"]]["schema"] == "Event"
    husseiniyyun = next(d for d in lines if d["properties"].get("name") == ["Husseiniyyun"])
    assert husseiniyyun["schema"] == "Organization"
    iran = next(d for d in lines if d["properties"].get("name") == ["Iran"])
    assert iran["properties"]["country"] == ["ir"]


def test_terror_topic_only_for_designated_groups():
    group = {"id": "x", "type": "organization", "kind": "armed_group", "aliases": []}
    assert ftm.topics({**group, "name": "Hezbollah"}) == ["crime.terror"]
    assert ftm.topics({**group, "name": "Husseiniyyun"}) == []
    assert ftm.topics({"id": "y", "type": "country", "name": "Iran", "aliases": []}) == \
        ["gov.national"]


def test_the_same_input_gives_the_same_bytes(example_snapshot):
    assert ftm.dumps(example_snapshot) == ftm.dumps(example_snapshot)
