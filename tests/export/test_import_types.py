"""STIX import: wrongly typed properties are the project's own error, naming the object."""
from __future__ import annotations

import json

import pytest

from actorgraph.imports.stix import BundleError, read_bundle
from actorgraph.resolve.stage import name_groups
from actorgraph.workflow import import_stix

from .conftest import empty_store

T = "2024-01-01T00:00:00.000Z"
ACTOR = {"type": "threat-actor", "spec_version": "2.1", "created": T, "modified": T,
         "id": "threat-actor--11111111-1111-4111-8111-111111111111", "name": "Coastal Front"}
NOTE = {"type": "note", "spec_version": "2.1", "created": T, "modified": T,
        "id": "note--22222222-2222-4222-8222-222222222222", "content": "About 300 fighters.",
        "object_refs": [ACTOR["id"]], "x_actorgraph_claim_kind": "quantity",
        "x_actorgraph_value": 300, "x_actorgraph_unit": "fighters"}
EVENT = {"type": "x-actorgraph-event", "spec_version": "2.1", "created": T, "modified": T,
         "id": "x-actorgraph-event--33333333-3333-4333-8333-333333333333",
         "name": "ASSAULT", "event_type": "ASSAULT", "actor_refs": [ACTOR["id"]],
         "date": "2024-01-01"}


def bundle(*objects: dict) -> bytes:
    return json.dumps({"type": "bundle", "id": "bundle--44444444-4444-4444-8444-444444444444",
                       "objects": list(objects)}).encode()


def test_a_well_typed_bundle_reads():
    assert len(read_bundle(bundle(ACTOR, NOTE, EVENT))) == 3


@pytest.mark.parametrize("obj, key, value", [
    (NOTE, "x_actorgraph_value", "many"),
    (NOTE, "x_actorgraph_value", True),
    (NOTE, "x_actorgraph_value", float("inf")),
    (EVENT, "date", 20240101),
    (EVENT, "date", "next Tuesday"),
    (ACTOR, "x_opencti_aliases", 5),
    (ACTOR, "x_actorgraph_aliases", ["ok", 7]),
    (EVENT, "actor_refs", "threat-actor--11111111-1111-4111-8111-111111111111"),
    (NOTE, "object_refs", {"a": 1}),
    (EVENT, "event_type", ["ASSAULT"]),
])
def test_a_wrongly_typed_property_names_the_object(obj, key, value):
    bad = {**obj, key: value}
    with pytest.raises(BundleError) as err:
        read_bundle(bundle(ACTOR, NOTE, EVENT, bad) if obj is not ACTOR else bundle(bad))
    assert obj["id"] in str(err.value) and repr(key) in str(err.value)


def test_a_property_in_our_extension_is_checked_too():
    ext = {"extensions": {"extension-definition--x": {"x_actorgraph_aliases": "CF"}}}
    with pytest.raises(BundleError, match="x_actorgraph_aliases"):
        read_bundle(bundle({**ACTOR, **ext}))


def test_the_cli_reports_it_and_stores_nothing(tmp_path):
    from click.testing import CliRunner

    from actorgraph.cli.main import cli
    path = tmp_path / "bad.json"
    path.write_bytes(bundle(ACTOR, {**NOTE, "x_actorgraph_value": "many"}))
    db = f"sqlite:///{tmp_path / 's.db'}"
    result = CliRunner().invoke(cli, ["import", str(path), "--db", db])
    assert result.exit_code == 1 and result.exception is None or isinstance(
        result.exception, SystemExit)
    assert "x_actorgraph_value" in result.output and NOTE["id"] in result.output


@pytest.mark.parametrize("raw", [b"[" * 100_000, b'{"type": "bundle", "objects": 5}',
                                 b"\xff\xfe", b'{"a": 1' + b"1" * 5000 + b"}"])
def test_what_is_no_bundle_is_a_bundle_error(raw):
    with pytest.raises(BundleError):
        read_bundle(raw)


def test_an_unreadable_file_is_a_bundle_error(tmp_path):
    with pytest.raises(BundleError, match="cannot read"):
        import_stix(empty_store(tmp_path), tmp_path / "missing.json")


def test_the_groups_of_one_document_share_one_context_set(tmp_path):
    store = empty_store(tmp_path)
    actors = [{**ACTOR, "id": f"threat-actor--11111111-1111-4111-8111-{i:012d}",
               "name": f"Unit {i} Brigade"} for i in range(50)]
    path = tmp_path / "b.json"
    path.write_bytes(bundle(*actors))
    import_stix(store, path)
    from actorgraph.resolve.stage import _group_mentions
    groups = name_groups(_group_mentions(store))
    assert len(groups) == 50 and len({id(g.context) for g in groups}) == 1
    assert all(g.own in g.context and g.own not in g.others() for g in groups)


def test_a_document_naming_too_many_actors_is_no_context(tmp_path, monkeypatch):
    from actorgraph.resolve import stage
    from actorgraph.resolve.cluster import _merged_group
    monkeypatch.setattr(stage, "MAX_CONTEXT", 10)
    store = empty_store(tmp_path)
    actors = [{**ACTOR, "id": f"threat-actor--11111111-1111-4111-8111-{i:012d}",
               "name": f"Brigade {chr(65 + i % 26)}{chr(65 + i // 26)}"} for i in range(30)]
    path = tmp_path / "b.json"
    path.write_bytes(bundle(*actors))
    import_stix(store, path)
    groups = name_groups(stage._group_mentions(store))
    assert len(groups) == 30 and all(g.context == frozenset() for g in groups)
    merged = _merged_group(groups[:3])          # one document's groups keep its one set
    assert merged.context is groups[0].context
