"""The dossier is built once (profile/dossier.py): the web's profile page, its API
record and the CLI's `actorgraph profile` show the same sections, lines and notes."""
from __future__ import annotations

import json
import re
from html import unescape

from click.testing import CliRunner

from actorgraph.cli.main import cli
from actorgraph.store.store import Store

from ..dbs import new_db_url
from .conftest import client_for


def _cli(web_store, eid: str, fmt: str) -> str:
    r = CliRunner().invoke(cli, ["profile", eid, "--db", web_store.url, "--format", fmt])
    assert r.exit_code == 0, r.output
    return r.output


def _sections(html: str) -> list[tuple[str, list[str]]]:
    """Each section's title and its items' text, tags stripped."""
    out = []
    for title, body in re.findall(r"<h2>(.*?)</h2>\s*<(?:ul|ol)[^>]*>(.*?)</(?:ul|ol)>", html,
                                  flags=re.DOTALL):
        items = re.findall(r"<li[^>]*>(.*?)</li>", body, flags=re.DOTALL)
        out.append((title, [unescape(re.sub(r"<[^>]+>", "", i)).strip() for i in items]))
    return out


def test_cli_and_web_show_one_dossier(web_store, client, husseiniyyun):
    eid = husseiniyyun["entity"]["id"]
    api = client.get(f"/api/entities/{eid}/profile").json()
    md = _cli(web_store, eid, "md")
    titles = re.findall(r"^## (.*)$", md, flags=re.MULTILINE)
    assert titles == [s["title"] for s in api["sections"]] + ["Sources"]
    for s in api["sections"]:
        for line in s["lines"]:
            marks = "".join(f"[^{n}]" for n in line["notes"])
            grade = f" `{line['grade']}`" if line["grade"] else ""
            assert f"- {line['text']}{grade}{marks}\n" in md
    notes = re.findall(r'^\[\^(\d+)\]: "(.*)" \(', md, flags=re.MULTILINE)
    assert [(str(i), c["sentence"]) for i, c in enumerate(api["notes"], 1)] == notes
    page = client.get(f"/entities/{eid}/profile").text
    standalone = _cli(web_store, eid, "html")
    assert _sections(page) == _sections(standalone)
    assert len(_sections(page)) == len(api["sections"]) + 2   # and Sources, Notes


HOSTILE = ("Karim Haddadi, the founder and leader of the Northern Shield Brigade, said in "
           "2021 that the group had 3,000 fighters <script>window.__pwned=1</script>.\n")
HOSTILE_META = {"title": "Hostile <script>window.__pwned=4</script> report",
                "publisher": "<img src=x onerror=\"window.__pwned=5\">Evil Press",
                "published": "2024-03-01"}


def test_profiles_escape_hostile_text(tmp_path):
    (tmp_path / "r.txt").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "r.meta.json").write_text(json.dumps(HOSTILE_META), encoding="utf-8")
    url = new_db_url(tmp_path, 'h.db')
    assert CliRunner().invoke(cli, ["ingest", str(tmp_path / "r.txt"), "--db", url]).exit_code == 0
    store = Store(url)
    entity = store.entity("Northern Shield Brigade")
    assert entity is not None
    web = client_for(store).get(f"/entities/{entity.id}/profile").text
    for html in (web, _cli(store, entity.id, "html")):
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html   # in a quoted sentence
        assert "&lt;script&gt;window.__pwned=4&lt;/script&gt;" in html   # in a title
        assert "&lt;img src=x onerror=&#34;window.__pwned=5&#34;&gt;Evil Press" in html
        assert "<script>window" not in html and "<img src" not in html
