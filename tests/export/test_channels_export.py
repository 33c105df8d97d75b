"""Channels read from exports and who runs them, in the STIX 2.1 and FtM exports: valid
by stix2-validator and by the FtM model, one link per (actor, channel) with its rules and
posts, rejected links left out, confirmed ones marked (and the account's owner in FtM)."""
from __future__ import annotations

import json

import pytest
from followthemoney import model
from stix2validator import ValidationOptions, validate_instance, validate_string

from actorgraph.export import ftm, stix

OPTIONS = ValidationOptions(version="2.1")


@pytest.fixture(scope="module")
def snapshot(channel_store):
    from actorgraph.export.snapshot import load
    from actorgraph.store.channels import find_channel

    relay = find_channel(channel_store, "Valley Relay")
    signer = find_channel(channel_store, "North Shore Bulletin")
    return load(channel_store), relay["id"], signer["id"]


def test_links_in_the_snapshot(snapshot):
    snap, relay, signer = snapshot
    assert len(snap.channel_links) == 6          # 7 planted, one rejected
    assert relay not in {x["channel"] for x in snap.channel_links}
    status = {x["channel"]: x["status"] for x in snap.channel_links}
    assert status[signer] == "confirmed"
    for x in snap.channel_links:
        assert 0 < x["confidence"] < 1 and x["rules"]
        assert all(p["post"] and p["utc"].endswith("Z") for r in x["rules"] for p in r["posts"])


def test_stix_has_channels_and_operates_channel_and_passes_the_validator(snapshot):
    snap, _, signer = snapshot
    text = stix.dumps(snap)
    assert validate_string(text, OPTIONS).errors == []
    objects = json.loads(text)["objects"]
    for obj in objects:
        assert validate_instance(obj, OPTIONS).errors == [], obj["id"]
    rels = [o for o in objects if o["type"] == "relationship"
            and o.get("x_actorgraph_predicate") == "operates_channel"]
    assert len(rels) == 6
    by_id = {o["id"]: o for o in objects}
    for r in rels:
        assert r["relationship_type"] == "operates-channel"
        assert by_id[r["target_ref"]]["type"] == "user-account"
        assert by_id[r["source_ref"]]["type"] == "identity"      # no entity: named only
        assert 0 < r["confidence"] <= 100 and r["x_actorgraph_rules"]
    names = {by_id[r["source_ref"]]["name"] for r in rels}
    assert names == {"Zeravan Movement", "Qaratel Şurası"}
    assert stix.dumps(snap) == text


def test_ftm_has_accounts_links_and_owners_and_validates(snapshot):
    snap, _, signer = snapshot
    lines = [json.loads(line) for line in ftm.dumps(snap).splitlines()]
    for data in lines:
        proxy = model.get_proxy(data, cleaned=False)
        assert proxy.to_dict() == data
        proxy.schema.validate(data)
    by_id = {d["id"]: d for d in lines}
    links = [d for d in lines if d["schema"] == "UnknownLink"
             and d["properties"].get("role") == ["operates channel"]]
    assert len(links) == 6
    for d in links:
        assert by_id[d["properties"]["object"][0]]["schema"] == "UserAccount"
        assert by_id[d["properties"]["subject"][0]]["schema"] == "LegalEntity"
        assert d["properties"]["description"]
    owner = by_id[signer]["properties"].get("owner")
    assert owner and by_id[owner[0]]["properties"]["name"] == ["Zeravan Movement"]
    statuses = {by_id[d["properties"]["object"][0]]["id"]: d["properties"]["status"]
                for d in links}
    assert statuses[signer] == ["confirmed"]
