"""What the example reports lack: a person acting in attacks, a channel."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest
from followthemoney import model
from stix2validator import ValidationOptions, validate_string

from actorgraph.export import ftm, stix
from actorgraph.export.snapshot import load
from actorgraph.workflow import import_stix

from .conftest import empty_store

CHANNEL = {"id": "ent-channel0000000001", "type": "channel", "name": "Husseiniyyun TV",
           "aliases": ["HTV"]}


@pytest.fixture(scope="module")
def enriched(example_snapshot):
    snap = example_snapshot
    owner = next(e["id"] for e in snap.entities if e["name"] == "Husseiniyyun")
    person = next(e["id"] for e in snap.entities if e["type"] == "person")
    rel = {"id": "rel-channel0000000001", "subject": owner, "predicate": "operates_channel",
           "object": CHANNEL["id"], "claims": []}
    return replace(snap, entities=snap.entities + [CHANNEL], relations=snap.relations + [rel],
                   attackers={person}), person


def test_stix_with_an_attacker_and_a_channel(enriched, tmp_path):
    snap, person = enriched
    text = stix.dumps(snap)
    assert validate_string(text, ValidationOptions(version="2.1")).errors == []
    objs = json.loads(text)["objects"]
    attacker = next(o for o in objs if o.get("x_actorgraph_id") == person)
    assert attacker["type"] == "threat-actor" and attacker["resource_level"] == "individual"
    account = next(o for o in objs if o["type"] == "user-account")
    assert account["display_name"] == "Husseiniyyun TV"
    rel = next(o for o in objs if o.get("x_actorgraph_id") == "rel-channel0000000001")
    assert rel["relationship_type"] == "operates-channel" and rel["target_ref"] == account["id"]
    path = tmp_path / "b.json"
    path.write_text(text, encoding="utf-8")
    store = empty_store(tmp_path)
    import_stix(store, path)
    back = {e["name"]: e for e in load(store).entities}
    assert back["Husseiniyyun TV"]["type"] == "channel"
    assert back["Husseiniyyun TV"]["aliases"] == ["HTV"]
    assert back[attacker["name"]]["type"] == "person"


def test_ftm_with_a_channel(enriched):
    snap, _ = enriched
    lines = [json.loads(x) for x in ftm.dumps(snap).splitlines()]
    account = next(d for d in lines if d["id"] == CHANNEL["id"])
    assert account["schema"] == "UserAccount" and account["properties"]["owner"]
    for data in lines:
        assert model.get_proxy(data, cleaned=False).to_dict() == data
