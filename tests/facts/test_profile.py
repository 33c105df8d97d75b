"""The sourced profile: every line footnoted, every footnote a verbatim sentence."""
from __future__ import annotations

import re

from click.testing import CliRunner

from actorgraph.cli.main import cli

from ..dbs import new_db_url

REPORT = ("The Northern Shield Brigade is an Iranian-backed militia based in Iraq. "
          "Karim Haddadi, the founder and leader of the Northern Shield Brigade, said in 2021 "
          "that the group had 3,000 fighters. In March 2022, the brigade attacked a police "
          "station in Basra.\n")


def test_profile_lines_rest_on_verbatim_sentences(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    url = new_db_url(tmp_path, 'p.db')
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(path), "--db", url]).exit_code == 0
    md = runner.invoke(cli, ["profile", "Northern Shield Brigade", "--db", url]).output
    assert md.startswith("# Northern Shield Brigade")
    notes = dict(re.findall(r'^\[\^(\d+)\]: "(.*?)" \(', md, flags=re.MULTILINE))
    assert notes, md
    for sentence in notes.values():
        assert sentence in " ".join(REPORT.split())
    bullets = [b for b in md.splitlines() if b.startswith("- ") and "`" in b]   # graded facts
    assert bullets and all(re.search(r"\[\^\d+\]", b) for b in bullets)
    assert "Karim Haddadi founder of Northern Shield Brigade" in md
    html = runner.invoke(cli, ["profile", "Northern Shield Brigade", "--format", "html",
                               "--db", url]).output
    assert "@media print" in html and "<script" not in html
    assert "<h2>Leadership</h2>" in html and 'class="grade' in html
    quoted = re.findall(r'<li id="note-\d+"><q[^>]*>(.*?)</q>', html)
    assert quoted and all(q in " ".join(REPORT.split()) for q in quoted)
    assert 'href="/' not in html   # a standalone page: nothing links to the web's routes
