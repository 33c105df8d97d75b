"""The analyst's judgements through the CLI: merge, split, rename, undo, review."""
from __future__ import annotations

import json

from click.testing import CliRunner

from actorgraph.cli.main import cli

from ..dbs import new_db_url

REPORT_A = ("Karim Haddadi founded the Northern Shield Brigade in 2016. Haddadi later moved to "
            "Basra. Ilham Aliyev and Heydar Aliyev were mentioned by the brigade.")
REPORT_B = ("Kerim Hadadi, who leads the Northern Shield Brigade, spoke in Basra. The brigade, "
            "also called Dir al-Shamal, denied the report.")


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def setup(tmp_path):
    for name, text in (("a.txt", REPORT_A), ("b.txt", REPORT_B)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    url = new_db_url(tmp_path, 'r.db')
    assert run("ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", url).exit_code == 0
    return url


def entity_names(url):
    data = json.loads(run("export", "--db", url).output)
    return {e["name"]: set(e["aliases"]) for e in data["entities"]}


def test_entity_found_by_any_name(tmp_path):
    url = setup(tmp_path)
    out = run("entity", "Northern Shield Brigade", "--db", url)
    assert out.exit_code == 0 and "organization" in out.output
    missing = CliRunner().invoke(cli, ["entity", "Nobody Atall", "--db", url])
    assert missing.exit_code != 0 and "no entity" in missing.output


def test_merge_then_undo(tmp_path):
    url = setup(tmp_path)
    before = entity_names(url)
    # merging two names the analyst says are one actor
    out = run("merge", "Ilham Aliyev", "Heydar Aliyev", "--db", url, "--reason", "test")
    assert "recorded" in out.output
    merged = entity_names(url)
    assert any({"Ilham Aliyev", "Heydar Aliyev"} <= ({n} | a) for n, a in merged.items())
    listing = run("judgements", "--db", url).output
    assert "same" in listing and "test" in listing
    jid = int(listing.strip().splitlines()[-1].split()[0])
    assert run("undo", str(jid), "--db", url).exit_code == 0
    after = entity_names(url)
    assert not any({"Ilham Aliyev", "Heydar Aliyev"} <= ({n} | a) for n, a in after.items())
    assert "(undone)" in run("judgements", "--all", "--db", url).output
    assert set(before) == set(after)


def test_judgements_survive_reingest(tmp_path):
    url = setup(tmp_path)
    run("merge", "Ilham Aliyev", "Heydar Aliyev", "--db", url)
    (tmp_path / "c.txt").write_text("Heydar Aliyev died in 2003 in Cleveland.", encoding="utf-8")
    run("ingest", str(tmp_path / "c.txt"), "--db", url)
    names = entity_names(url)
    assert any({"Ilham Aliyev", "Heydar Aliyev"} <= ({n} | a) for n, a in names.items())


def test_rename_keeps_the_id(tmp_path):
    url = setup(tmp_path)
    ids = {e["name"]: e["id"] for e in json.loads(run("export", "--db", url).output)["entities"]}
    old_id = ids["Northern Shield Brigade"]
    run("rename", "Northern Shield Brigade", "NSB (Northern Shield)", "--db", url)
    data = json.loads(run("export", "--db", url).output)
    renamed = [e for e in data["entities"] if e["id"] == old_id]
    assert renamed and renamed[0]["name"] == "NSB (Northern Shield)"
    assert "Northern Shield Brigade" in renamed[0]["aliases"]


def test_split_a_name_off(tmp_path):
    url = setup(tmp_path)
    # the two spellings were merged automatically ...
    assert "Kerim Hadadi" in entity_names(url)["Karim Haddadi"]
    # ... and the analyst splits one off
    assert run("split", "Karim Haddadi", "Kerim Hadadi", "--db", url).exit_code == 0
    after = entity_names(url)
    assert not any({"Karim Haddadi", "Kerim Hadadi"} <= ({n} | a) for n, a in after.items())
    assert "Kerim Hadadi" in after


def test_review_lists_or_says_nothing(tmp_path):
    url = setup(tmp_path)
    out = run("review", "--list", "--db", url).output
    assert "possibly the same" in out or "nothing to review" in out


def test_entity_found_in_another_script(tmp_path):
    url = setup(tmp_path)
    out = run("entity", "Ильхам Алиев", "--db", url)
    assert out.exit_code == 0 and out.output.startswith("Ilham Aliyev")
    out = run("entity", "Kerim Hadadi", "--db", url)
    assert out.output.startswith("Karim Haddadi")


def test_a_name_of_punctuation_finds_nothing(tmp_path):
    url = setup(tmp_path)
    out = CliRunner().invoke(cli, ["entity", "...", "--db", url])
    assert out.exit_code != 0 and "no entity" in out.output
