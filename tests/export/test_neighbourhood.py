"""`--entity NAME --depth N`: the entities within N hops and the facts among them."""
from __future__ import annotations

import json

from click.testing import CliRunner

from actorgraph.cli.main import cli
from actorgraph.export import neighbourhood


def start_of(snap, name="Husseiniyyun"):
    return next(e["id"] for e in snap.entities if e["name"] == name)


def test_depth_zero_is_the_entity_alone(example_snapshot):
    start = start_of(example_snapshot)
    part = neighbourhood.limit(example_snapshot, start, 0)
    assert [e["id"] for e in part.entities] == [start]
    assert part.relations == []
    assert {e["id"] for e in part.events} == {      # events of the entity alone
        e["id"] for e in example_snapshot.events if neighbourhood.participants(e) == {start}}


def test_depth_one_is_the_neighbours_and_the_facts_among_them(example_snapshot):
    snap = example_snapshot
    start = start_of(snap)
    part = neighbourhood.limit(snap, start, 1)
    kept = {e["id"] for e in part.entities}
    near = {start} | {r["object"] for r in snap.relations if r["subject"] == start} | {
        r["subject"] for r in snap.relations if r["object"] == start}
    for ev in snap.events:
        ids = neighbourhood.participants(ev)
        if start in ids:
            near |= ids
    assert kept == near
    assert {r["id"] for r in part.relations} == {
        r["id"] for r in snap.relations if r["subject"] in kept and r["object"] in kept}
    for ev in part.events:
        assert neighbourhood.participants(ev) <= kept
    fact_claims = {c for f in part.relations + part.events + part.quantities for c in f["claims"]}
    assert {c["id"] for c in part.claims} == fact_claims
    assert {c["doc"] for c in part.claims} <= {d["id"] for d in part.documents}
    bigger = neighbourhood.limit(snap, start, 2)
    assert kept <= {e["id"] for e in bigger.entities}
    assert len(part.entities) < len(snap.entities)


def test_every_format_is_limited_through_the_cli(example_store, example_snapshot, tmp_path):
    args = ["export", "--db", example_store.url, "--entity", "Husseiniyyun", "--depth", "1"]
    part = neighbourhood.limit(example_snapshot, start_of(example_snapshot), 1)
    data = json.loads(CliRunner().invoke(cli, args + ["--format", "json"]).output)
    assert {e["id"] for e in data["entities"]} == {e["id"] for e in part.entities}
    assert {r["id"] for r in data["relations"]} == {r["id"] for r in part.relations}
    bundle = json.loads(CliRunner().invoke(cli, args + ["--format", "stix"]).output)
    names = {o.get("name") for o in bundle["objects"]}
    assert {e["name"] for e in part.entities} <= names
    assert sum(o["type"] == "relationship" for o in bundle["objects"]) == len(part.relations)
    lines = CliRunner().invoke(cli, args + ["--format", "ftm"]).output.splitlines()
    assert {e["id"] for e in part.entities} <= {json.loads(x)["id"] for x in lines}
    missing = CliRunner().invoke(cli, ["export", "--db", example_store.url, "--entity",
                                       "No Such Actor Anywhere"])
    assert missing.exit_code != 0
