"""End-to-end through the command line: ingest, re-ingest, export, bad input."""
from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from actorgraph.cli.main import cli

from ..conftest import EXAMPLES
from ..dbs import new_db_url


def invoke(*args):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result


def small_corpus(tmp_path, n=2):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in sorted(EXAMPLES.glob("*.txt"))[:n]:
        shutil.copy(path, folder / path.name)
        meta = path.with_suffix(".meta.json")
        if meta.exists():
            shutil.copy(meta, folder / meta.name)
    return folder


def test_help_of_every_command_has_an_example():
    out = invoke("--help").output
    commands = [line.split()[0] for line in out.split("Commands:")[1].strip().splitlines()]
    assert "ingest" in commands and "export" in commands
    for name in commands:
        text = invoke(name, "--help").output
        assert "Example" in text, name


def test_ingest_export_is_stable_and_idempotent(tmp_path):
    corpus = small_corpus(tmp_path)
    a, b = new_db_url(tmp_path, 'a.db'), new_db_url(tmp_path, 'b.db')
    assert invoke("ingest", str(corpus), "--db", a).exit_code == 0
    assert invoke("ingest", str(corpus), "--db", b).exit_code == 0
    ea = invoke("export", "--db", a, "--format", "json").output
    eb = invoke("export", "--db", b, "--format", "json").output
    assert ea == eb
    data = json.loads(ea)
    assert data["format"] == "actorgraph/1"
    assert len(data["documents"]) == 2
    assert data["entities"] and all(e["id"].startswith("ent-") for e in data["entities"])
    for key in ("relations", "events", "claims", "contradictions"):
        assert isinstance(data[key], list)
    again = invoke("ingest", str(corpus), "--db", a)
    assert again.exit_code == 0
    assert "0 added" in again.output and "2 unchanged" in again.output
    assert invoke("export", "--db", a, "--format", "json").output == ea


def test_changed_file_gets_a_new_version(tmp_path):
    corpus = small_corpus(tmp_path, n=1)
    url = new_db_url(tmp_path, 'v.db')
    invoke("ingest", str(corpus), "--db", url)
    path = next(corpus.glob("*.txt"))
    path.write_text(path.read_text(encoding="utf-8") + "\nA later correction was added.\n",
                    encoding="utf-8")
    out = invoke("ingest", str(corpus), "--db", url)
    assert "1 new versions" in out.output
    stats = invoke("stats", "--db", url).output
    assert "documents            1" in stats and "document_versions    2" in stats


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path):
    corpus = small_corpus(tmp_path, n=1)
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    (corpus / "sidecar.txt").write_text("A short note on Hezbollah in Lebanon.", encoding="utf-8")
    (corpus / "sidecar.meta.json").write_text("{not json", encoding="utf-8")
    url = new_db_url(tmp_path, 'bad.db')
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", url])
    assert result.exit_code == 1
    for name in ("binary.txt", "empty.txt", "broken.pdf", "sidecar.meta.json"):
        assert name in result.output
    assert "1 added" in result.output
    # what was stored before is still there after another failing batch
    before = invoke("export", "--db", url).output
    CliRunner().invoke(cli, ["ingest", str(corpus / "binary.txt"), "--db", url])
    assert invoke("export", "--db", url).output == before


def test_hostile_text_is_stored_as_text(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text("<script>alert(1)</script> Hezbollah operates in Lebanon.", encoding="utf-8")
    url = new_db_url(tmp_path, 'h.db')
    assert invoke("ingest", str(path), "--db", url).exit_code == 0
    data = json.loads(invoke("export", "--db", url).output)
    assert len(data["documents"]) == 1
    assert any(e["name"] == "Hezbollah" for e in data["entities"])


def test_entities_search_finds_any_spelling(tmp_path):
    corpus = small_corpus(tmp_path, n=6)
    url = new_db_url(tmp_path, 's.db')
    invoke("ingest", str(corpus), "--db", url)
    out = invoke("entities", "--db", url, "--type", "country").output
    assert "Iran" in out
    assert "person" not in out.split("\n")[0] or not out
    summary = invoke("summary", "--db", url).output
    assert "documents" in summary and "Most mentioned" in summary


def test_a_published_flag_that_is_no_date_is_refused(tmp_path):
    from click.testing import CliRunner

    from actorgraph.cli.main import cli

    (tmp_path / "a.txt").write_text("Some text.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--published", "2024-13-45",
                                      "--db", f"sqlite:///{tmp_path / 'x.db'}"])
    assert result.exit_code == 2 and "not an ISO date" in result.output
    assert not (tmp_path / "x.db").exists()


def test_grading_an_unknown_source_needs_new(tmp_path):
    db = new_db_url(tmp_path, 'g.db')
    (tmp_path / "r.txt").write_text("The Caspian Monitor reports on the region.\n",
                                    encoding="utf-8")
    (tmp_path / "r.meta.json").write_text('{"publisher": "Caspian Monitor"}', encoding="utf-8")
    assert invoke("ingest", str(tmp_path / "r.txt"), "--db", db).exit_code == 0
    typo = invoke("source", "grade", "Caspian Monitr", "B", "--db", db)
    assert typo.exit_code == 1 and "Did you mean: Caspian Monitor?" in typo.output
    assert "Caspian Monitr" not in invoke("source", "list", "--db", db).output
    assert invoke("source", "grade", "Caspian Monitor", "B", "--db", db).exit_code == 0
    meant = invoke("source", "grade", "Steppe Gazette", "C", "--new", "--db", db)
    assert meant.exit_code == 0 and "no stored document" in meant.output
    listed = invoke("source", "list", "--db", db).output
    assert "B  usually reliable" in listed and "Steppe Gazette" in listed


def test_reading_commands_never_create_a_store(tmp_path):
    missing = tmp_path / "typo.db"
    for args in (["stats"], ["entities"], ["facts", "Iran"], ["export"], ["serve"]):
        result = CliRunner().invoke(cli, [*args, "--db", f"sqlite:///{missing}"])
        assert result.exit_code == 1, args
        assert f"{missing}: no store there" in result.output
    assert not missing.exists()


def test_a_file_that_is_not_a_store_is_named(tmp_path):
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"these are my notes, not a database" * 100)
    for args in (["stats"], ["ingest", str(tmp_path / "none.txt")]):
        result = CliRunner().invoke(cli, [*args, "--db", f"sqlite:///{junk}"])
        assert result.exit_code == 1, (args, result.output)
        assert f"{junk}: not an actorgraph store" in result.output
    assert junk.read_bytes().startswith(b"these are my notes")


def test_resolve_by_hand_and_the_warning_of_a_stale_store(tmp_path):
    from actorgraph.store.store import Store

    db = new_db_url(tmp_path, 's.db')
    assert invoke("ingest", str(small_corpus(tmp_path, 1)), "--db", db).exit_code == 0
    Store(db).mark_stale()
    warned = CliRunner().invoke(cli, ["stats", "--db", db])
    assert warned.exit_code == 0 and "run `actorgraph resolve`" in warned.output
    done = invoke("resolve", "--db", db)
    assert done.exit_code == 0 and "entities from" in done.output
    assert "resolve" not in CliRunner().invoke(cli, ["stats", "--db", db]).output
