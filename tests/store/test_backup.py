"""`actorgraph backup` / `restore`: a store restored into an empty store of either
database gives the same JSON export, judgements, grades, TLP markings and users; a store
that holds data is replaced only with --force; a damaged backup changes nothing."""
from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from actorgraph.cli.main import cli
from actorgraph.export.json_export import dumps
from actorgraph.store import schema as t
from actorgraph.store.backup import BackupError, backup, check, restore
from actorgraph.store.grades import grades, set_grade
from actorgraph.store.judgements import judgements, record, undo
from actorgraph.store.search import search_documents
from actorgraph.store.store import Store
from actorgraph.store.tlp import set_source_tlp
from actorgraph.store.users import add_user, check_token, new_token

from ..dbs import new_db_url
from .conftest import facts_by_hand, report_a, report_b, resolve_by_hand


def _fill(store: Store) -> Store:
    store.add_document(*report_a())
    store.add_document(*report_b())
    resolve_by_hand(store)
    facts_by_hand(store)
    record(store, "same", "Husseiniyyun", "Hüseyniyyun", reason="one group", author="ana")
    undone = record(store, "different", "Baku", "Iran", author="ana")
    undo(store, undone)
    set_grade(store, "Caspian Monitor", "B", reason="long record")
    set_source_tlp(store.engine, "Baku Herald", "AMBER", author="ana")
    store.set_document_tlp(report_a()[0].sha256, "GREEN")
    add_user(store.engine, "reader1", "reader", "GREEN")
    store.mark_fresh()
    return store


def _everything(store: Store) -> dict:
    """What a restore must give back, beyond the export: every row of the analyst's."""
    with store.engine.connect() as conn:
        rows = {name: [tuple(r) for r in conn.execute(select(table).order_by(
            *table.primary_key.columns))]
            for name, table in (("judgements", t.judgements), ("grades", t.source_grades),
                                ("source_tlp", t.source_tlp), ("users", t.users),
                                ("documents", t.documents))}
    return {"export": dumps(store), "judgements": judgements(store, include_undone=True),
            "grades": grades(store), **rows}


@pytest.fixture()
def source(tmp_path) -> Store:
    return _fill(Store(new_db_url(tmp_path, "source.db")))


def test_restore_into_an_empty_store_gives_the_same_store(source, tmp_path):
    token = new_token(source.engine, "reader1")
    file = tmp_path / "store.zip"
    summary = backup(source.engine, file)
    assert summary.rows["documents"] == 2 and summary.rows["judgements"] == 2
    target = Store(new_db_url(tmp_path, "target.db"))
    restore(target.engine, file)
    assert _everything(target) == _everything(source)
    assert check_token(target.engine, token).name == "reader1"     # logins survive
    assert search_documents(target.engine, "fighters")[0] == 1     # the index is rebuilt
    # new rows get new ids after the restored ones (PostgreSQL's sequences follow)
    assert record(target, "rename", "Baku", value="Baki") == 3


def test_a_backup_from_sqlite_restores_into_the_other_store(tmp_path):
    """An SQLite store's backup into the tests' database (PostgreSQL in the PG pass)."""
    lite = _fill(Store(f"sqlite:///{tmp_path / 'lite.db'}"))
    file = tmp_path / "lite.zip"
    backup(lite.engine, file)
    target = Store(new_db_url(tmp_path, "other.db"))
    restore(target.engine, file)
    assert _everything(target) == _everything(lite)


def test_a_store_with_data_is_replaced_only_with_force(source, tmp_path):
    file = tmp_path / "store.zip"
    backup(source.engine, file)
    other = Store(new_db_url(tmp_path, "other.db"))
    other.add_document(*report_a())
    before = dumps(other)
    with pytest.raises(BackupError, match="already holds data.*--force"):
        restore(other.engine, file)
    assert dumps(other) == before
    restore(other.engine, file, force=True)
    assert _everything(other) == _everything(source)


def _rewrite(src: Path, dst: Path, change) -> None:
    """A copy of a backup with one member changed by `change(name, bytes) -> bytes`."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, change(info.filename, zin.read(info.filename)))


def _with_manifest_fixed(src: Path, dst: Path, table: str, edit) -> None:
    """A copy whose table member is edited and whose manifest agrees with the edit (a
    backup damaged by hand, not by the disk: only the row checks can catch it)."""
    with zipfile.ZipFile(src) as zin:
        members = {i.filename: zin.read(i.filename) for i in zin.infolist()}
    body = edit(members[f"tables/{table}.jsonl"])
    members[f"tables/{table}.jsonl"] = body
    manifest = json.loads(members["manifest.json"])
    manifest["tables"][table]["sha256"] = hashlib.sha256(body).hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(dst, "w") as zout:
        for name, data in members.items():
            zout.writestr(name, data)


def _first_line(body: bytes, edit) -> bytes:
    lines = body.split(b"\n")
    row = json.loads(lines[0])
    edit(row)
    lines[0] = json.dumps(row).encode()
    return b"\n".join(lines)


DAMAGES = {
    "truncated": (lambda src, dst: dst.write_bytes(src.read_bytes()[: src.stat().st_size // 2]),
                  "not a readable backup"),
    "not a zip": (lambda src, dst: dst.write_text("hello"), "not a readable backup"),
    "a changed byte": (lambda src, dst: _rewrite(src, dst, lambda n, b: b.replace(
        b"Husseiniyyun", b"Husseiniyyum") if n.endswith("documents.jsonl") else b),
        "documents.jsonl is damaged"),
    "no manifest": (lambda src, dst: _rewrite(src, dst, lambda n, b: b)
                    or _drop(dst, "manifest.json"), "no manifest.json"),
    "a newer schema": (lambda src, dst: _rewrite(src, dst, lambda n, b: json.dumps(
        {**json.loads(b), "revision": "0099_future"}).encode() if n == "manifest.json" else b),
        "0099_future.*newer actorgraph"),
    "a wrong type": (lambda src, dst: _with_manifest_fixed(src, dst, "judgements", lambda b:
                     _first_line(b, lambda r: r.update(created_at=20240101))),
                     "judgements.jsonl line 1: created_at is int"),
    "bad json": (lambda src, dst: _with_manifest_fixed(src, dst, "source_grades",
                 lambda b: b"{not json\n"), "source_grades.jsonl line 1"),
    "a missing row": (lambda src, dst: _with_manifest_fixed(src, dst, "judgements",
                      lambda b: b.split(b"\n", 1)[1]), "holds 1 rows, the manifest says 2"),
}


def _drop(path: Path, member: str) -> None:
    with zipfile.ZipFile(path) as zin:
        kept = {i.filename: zin.read(i.filename) for i in zin.infolist() if i.filename != member}
    with zipfile.ZipFile(path, "w") as zout:
        for name, data in kept.items():
            zout.writestr(name, data)


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_backup_is_named_and_writes_nothing(source, tmp_path, damage):
    good = tmp_path / "good.zip"
    backup(source.engine, good)
    bad = tmp_path / "bad.zip"
    make, message = DAMAGES[damage]
    make(good, bad)
    with pytest.raises(BackupError, match=message):
        check(bad)
    target = Store(new_db_url(tmp_path, "target.db"))
    target.add_document(*report_b())
    before = dumps(target)
    with pytest.raises(BackupError, match=message):
        restore(target.engine, bad, force=True)
    assert dumps(target) == before      # --force, yet nothing removed or written
    # the command: a clear error, no traceback, no store created where there was none
    missing = tmp_path / "never.db"
    result = CliRunner().invoke(cli, ["restore", str(bad), "--db", f"sqlite:///{missing}"])
    assert result.exit_code == 1 and str(bad) in result.output
    assert "Traceback" not in result.output and not missing.exists()


def test_the_commands(source, tmp_path):
    runner = CliRunner()
    file = tmp_path / "b.zip"
    made = runner.invoke(cli, ["backup", str(file), "--db", source.url])
    assert made.exit_code == 0 and "2 documents, 2 judgements" in made.output, made.output
    again = runner.invoke(cli, ["backup", str(file), "--db", source.url])
    assert again.exit_code == 1 and "--force" in again.output
    target = new_db_url(tmp_path, "t.db")
    done = runner.invoke(cli, ["restore", str(file), "--db", target])
    assert done.exit_code == 0 and "2 documents, 2 judgements" in done.output, done.output
    refused = runner.invoke(cli, ["restore", str(file), "--db", target])
    assert refused.exit_code == 1 and "--force" in refused.output
    assert runner.invoke(cli, ["restore", str(file), "--db", target, "--force"]).exit_code == 0
    exported = runner.invoke(cli, ["export", "--db", target])
    assert exported.exit_code == 0 and exported.output == dumps(source)


DERIVED = ("fact_entities", "entity_facts", "fact_dates", "contradiction_entities",
           "contradiction_facts", "contradiction_claims")


def _as_older(src: Path, dst: Path, revision: str, missing: tuple[str, ...]) -> None:
    """A copy of a backup as an older version made it: at `revision`, without the
    `missing` tables (added by a later revision)."""
    with zipfile.ZipFile(src) as zin:
        members = {i.filename: zin.read(i.filename) for i in zin.infolist()
                   if i.filename not in {f"tables/{n}.jsonl" for n in missing}}
    manifest = json.loads(members["manifest.json"])
    manifest["revision"] = revision
    for name in missing:
        manifest["tables"].pop(name)
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(dst, "w") as zout:
        for name, data in members.items():
            zout.writestr(name, data)


def test_a_backup_older_than_a_derived_table_is_restored_with_it_rebuilt(source, tmp_path):
    """The tables derived from the facts and contradictions (what they concern, their
    dates, the claims they rest on) that a backup predates are rebuilt by the restore, as
    the migration that added them fills them: an incremental judgement looks there."""
    def derived(store: Store) -> dict:
        with store.engine.connect() as conn:
            return {n: sorted(tuple(r) for r in conn.execute(select(t.metadata.tables[n])))
                    for n in DERIVED}
    made = tmp_path / "now.zip"
    backup(source.engine, made)
    older = tmp_path / "older.zip"
    _as_older(made, older, "0016_fact_dates", ("contradiction_claims",))
    restored = Store(new_db_url(tmp_path, "restored.db"))
    restore(restored.engine, older)
    assert derived(source)["contradiction_claims"]     # the store has some to rebuild
    assert derived(restored) == derived(source)
