"""Channel exports through `actorgraph ingest`: each post with text is a document, read by
the same extraction, so a post that names a group links to it."""
from __future__ import annotations

import json

from click.testing import CliRunner

from actorgraph.cli.main import cli


def _export(folder, cid, name, messages):
    folder.mkdir(parents=True)
    (folder / "result.json").write_text(json.dumps(
        {"name": name, "type": "public_channel", "id": cid, "messages": messages}), "utf-8")


def _m(mid, t, text, **extra):
    return {"id": mid, "type": "message", "date": "2025-03-02T14:00:00",
            "date_unixtime": str(t), "from": "x", "from_id": "channel1", "text": text, **extra}


def test_posts_are_documents_that_link_to_the_groups_they_name(tmp_path):
    exports = tmp_path / "exports"
    said = [{"type": "bold", "text": "Hezbollah"},
            " said on Monday that its members had left the border area, the agency reported."]
    _export(exports / "a", 11, "Border Wire", [
        _m(1, 1740909600, said),
        _m(2, 1740909700, "", photo="(File not included.)"),
        {"id": 3, "type": "service", "date_unixtime": "1740909800", "action": "pin_message"}])
    _export(exports / "b", 12, "Second Wire", [_m(5, 1740909660, said)])
    (exports / "notes.json").write_text('{"not": "an export"}', "utf-8")
    db = f"sqlite:///{tmp_path / 'posts.db'}"
    res = CliRunner().invoke(cli, ["ingest", "--no-progress", str(exports), "--db", db])
    assert res.exit_code == 0, res.output
    assert "1 added" in res.output and "1 unchanged" in res.output   # the copy: same text
    from actorgraph.store.store import Store

    store = Store(db)
    (doc,) = store.documents()
    assert doc["source"].endswith("result.json#11:1")
    assert doc["publisher"] == "Border Wire" and doc["published"] == "2025-03-02"
    names = {e.name for e in store.entities(type="organization")}
    assert "Hezbollah" in names


def test_an_explicit_broken_export_is_reported_by_name(tmp_path):
    bad = tmp_path / "result.json"
    bad.write_text('{"name": "x", "id": 1, "messages": [{"id": 1, "type": "message"}]}',
                   "utf-8")
    db = f"sqlite:///{tmp_path / 'b.db'}"
    res = CliRunner().invoke(cli, ["ingest", "--no-progress", str(bad), "--db", db])
    assert res.exit_code == 1
    assert "result.json" in res.output and "date_unixtime" in res.output
