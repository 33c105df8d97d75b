"""TLP: a reader cleared for GREEN sees no AMBER fact by any route.

The store holds a GREEN report, an AMBER report (marked at ingest through its sidecar)
with an entity, an alias and facts no other report has, and a report of a publisher
marked AMBER afterwards (`source tlp`). Event claims are added so that one event is told
by both a GREEN and an AMBER report (the AMBER one adds an actor, a manner and a day),
and two others contradict each other across the two markings. Every page, API route and
export a GREEN reader can reach is then searched for each AMBER-only string.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
from click.testing import CliRunner

from .conftest import TestClient

GREEN_TEXT = """Husseiniyyun active in Ganja

Baku, 14 March 2024. The Husseiniyyun, an armed group based in Ganja, is led by Tawhid Ibrahim Begli, according to police.
"""
AMBER_TEXT = """Qarvash Brigade expands in Lankaran

Baku, 12 March 2024. The Qarvash Brigade, an armed group based in Lankaran, is led by Zorvan Malikzade, according to two officials.

Zorvan Malikzade founded the Qarvash Brigade in 2019. The Husseiniyyun group sent trainers to the Qarvash Brigade. Officials said the Huseyniyyun group paid the trainers in Ganja.
"""
SEALED_TEXT = """Mirvari Front recruits in Shaki

Baku, 15 March 2024. The Mirvari Front, an armed group based in Shaki, is led by Vostan Tarkhanli, according to residents.
"""
DOCS = {
    "green": (GREEN_TEXT, {"title": "Husseiniyyun active in Ganja", "publisher": "Open Wire",
                           "published": "2024-03-14", "tlp": "GREEN"}),
    "amber": (AMBER_TEXT, {"title": "Qarvash Brigade expands", "publisher": "Closed Desk",
                           "published": "2024-03-12", "tlp": "TLP:AMBER"}),
    "sealed": (SEALED_TEXT, {"title": "Mirvari Front recruits", "publisher": "Sealed Post",
                             "published": "2024-03-15"}),
}
# what only the AMBER reports (or the AMBER claims) say
SECRETS = ("Qarvash", "Zorvan", "Malikzade", "Huseyniyyun", "Closed Desk", "Lankaran",
           "Mirvari", "Tarkhanli", "Sealed Post", "Shaki", "firearms", "2024-03-10",
           "2024-01-20")


def _mention(store, title: str, text: str):
    from sqlalchemy import select

    from actorgraph.store import schema as t

    with store.engine.connect() as conn:
        return conn.execute(
            select(t.mentions.c.doc_id, t.mentions.c.key, t.sentences.c.idx,
                   t.sentences.c.start, t.sentences.c.end)
            .join(t.documents, t.documents.c.id == t.mentions.c.doc_id)
            .join(t.sentences, (t.sentences.c.doc_id == t.mentions.c.doc_id)
                  & (t.sentences.c.idx == t.mentions.c.sentence))
            .where(t.documents.c.title == title, t.mentions.c.text == text)
            .order_by(t.mentions.c.start)).first()


def _event(n: int, where, payload: dict) -> dict:
    from actorgraph.store.db import now

    base = {"mode": None, "trigger": "x", "trigger_start": where.start,
            "trigger_end": where.start + 1, "targets": [], "rule": "test", "type": "ASSAULT"}
    return {"id": f"clm-tlp{n:013d}", "doc_id": where.doc_id, "sentence": where.idx,
            "start": where.start, "end": where.end, "kind": "event",
            "payload": json.dumps({**base, **payload}, sort_keys=True), "speaker_key": None,
            "modality": "asserted", "cue": None, "section": "body", "ingested_at": now()}


def _add_events(store) -> None:
    from sqlalchemy import insert

    from actorgraph.facts.build import build_facts
    from actorgraph.store import schema as t

    green, amber = DOCS["green"][1]["title"], DOCS["amber"][1]["title"]
    g_huss, g_ganja = _mention(store, green, "Husseiniyyun"), _mention(store, green, "Ganja")
    a_huss, a_ganja = _mention(store, amber, "Husseiniyyun"), _mention(store, amber, "Ganja")
    a_qarvash = _mention(store, amber, "Qarvash Brigade")
    g_baku, a_baku = _mention(store, green, "Baku"), _mention(store, amber, "Baku")
    day = {"precision": "day", "text": "x"}
    rows = [
        _event(1, g_huss, {"actors": [g_huss.key], "location": g_ganja.key,
                           "date": {"value": "2024-03", "precision": "month", "text": "x"}}),
        _event(2, a_qarvash, {"actors": [a_huss.key, a_qarvash.key], "location": a_ganja.key,
                              "mode": "firearms", "date": {**day, "value": "2024-03-10"}}),
        _event(3, g_huss, {"actors": [g_huss.key], "targets": [g_baku.key],
                           "date": {**day, "value": "2024-01-05"}}),
        _event(4, a_huss, {"actors": [a_huss.key], "targets": [a_baku.key],
                           "date": {**day, "value": "2024-01-20"}}),
    ]
    with store.engine.begin() as conn:
        conn.execute(insert(t.claims), rows)
    build_facts(store)


@pytest.fixture(scope="module")
def tlp_store(tmp_path_factory):
    from actorgraph.store.store import Store
    from actorgraph.store.tlp import set_source_tlp
    from actorgraph.workflow import ingest

    folder = tmp_path_factory.mktemp("tlp")
    corpus = folder / "corpus"
    corpus.mkdir()
    for name, (text, meta) in DOCS.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
        (corpus / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    store = Store(f"sqlite:///{folder / 'tlp.db'}")
    report = ingest([str(corpus)], store)
    assert report.ok, report.failed
    set_source_tlp(store.engine, "Sealed Post", "AMBER", author="test")
    _add_events(store)
    return store


@pytest.fixture(scope="module")
def tokens(tlp_store) -> dict[str, str]:
    from actorgraph.store.users import add_user, new_token

    out = {}
    for name, role, clearance in (("gina", "reader", "GREEN"), ("ali", "analyst", "AMBER")):
        add_user(tlp_store.engine, name, role, clearance)
        out[name] = new_token(tlp_store.engine, name)
    return out


def _team(store, token: str) -> TestClient:
    from actorgraph.web.app import create_app
    from actorgraph.web.settings import WebSettings

    app = create_app(WebSettings(host="192.0.2.7", extra_hosts=("testserver",)), store=store)
    return TestClient(app, headers={"Authorization": f"Bearer {token}"})


@pytest.fixture(scope="module")
def green(tlp_store, tokens) -> TestClient:
    return _team(tlp_store, tokens["gina"])


@pytest.fixture(scope="module")
def amber(tlp_store, tokens) -> TestClient:
    return _team(tlp_store, tokens["ali"])


@pytest.fixture(scope="module")
def everyone(tlp_store) -> TestClient:
    """The loopback server without logins: everything, as today."""
    from .conftest import client_for

    return client_for(tlp_store)


def _ids(store) -> dict[str, str]:
    """Ids that must not reach a GREEN reader either: the AMBER documents, their
    claims, the AMBER-only entities."""
    docs = {d["id"]: d for d in store.documents()}
    out = {d["publisher"]: i for i, d in docs.items() if d["publisher"] != "Open Wire"}
    from actorgraph.store.facts import read_claims

    for c in read_claims(store):
        if docs[c.doc_id]["publisher"] != "Open Wire":
            out[c.id] = c.id
    for e in store.entities():
        if e.name in ("Qarvash Brigade", "Zorvan Malikzade", "Lankaran", "Mirvari Front",
                      "Vostan Tarkhanli", "Shaki"):
            out[e.name] = e.id
    return out


def _routes(client: TestClient) -> list[str]:
    """Every page and API route, for each entity and document the client can list."""
    routes = ["/", "/entities", "/entities?type=person", "/entities?type=place",
              "/documents", "/timeline", "/timeline?undated=true", "/contradictions",
              "/api/entities?limit=200", "/api/documents", "/api/events?undated=true",
              "/api/claims?limit=200", "/api/contradictions", "/api/users/me",
              "/openapi.json"]
    for q in ("Qarvash", "Brigade", "Zorvan", "Husseiniyyun", "Huseyniyyun", "Lankaran",
              "Mirvari", "trainers", "armed group", "Baku"):
        routes += [f"/search?q={q}", f"/api/search?q={q}", f"/api/entities?q={q}"]
    for e in client.get("/api/entities?limit=200").json()["items"]:
        i = e["id"]
        routes += [f"/entities/{i}", f"/api/entities/{i}", f"/entities/{i}/graph",
                   f"/api/entities/{i}/neighbours?depth=3", f"/entities/{i}/profile",
                   f"/api/entities/{i}/profile", f"/timeline?actor={i}&undated=true",
                   f"/contradictions?about={i}", f"/api/claims?entity={i}",
                   f"/entities/{i}/facts?kind=relation", f"/entities/{i}/facts?kind=event",
                   f"/api/entities/{i}/facts?kind=relation", f"/api/entities/{i}/facts?kind=event"]
    for d in client.get("/api/documents").json()["items"]:
        routes += [f"/documents/{d['id']}", f"/api/documents/{d['id']}",
                   f"/api/claims?doc={d['id']}"]
    return routes


def _echoes(route: str) -> list[str]:
    """What a response may repeat of its own request: path segments and query values
    ("Search: Qarvash", "no entity named 'Qarvash'"), longest first."""
    path, _, query = route.partition("?")
    parts = [p for p in path.split("/") if p] + [v for _, v in parse_qsl(query)]
    return sorted({x for p in parts for x in (p, html.escape(p))}, key=len, reverse=True)


def _leaks(client: TestClient, routes: list[str], secrets: list[str]) -> list[str]:
    found = []
    for route in routes:
        r = client.get(route)
        assert r.status_code in (200, 404), (route, r.status_code, r.text[:300])
        text = r.text
        for echo in _echoes(route):
            text = text.replace(echo, " ")
        found += [f"{route}: {s}" for s in secrets if s.lower() in text.lower()]
    return found


def test_a_green_reader_sees_no_amber_fact_by_any_route(tlp_store, green, everyone):
    ids = _ids(tlp_store)
    secrets = [*SECRETS, *ids.values()]
    routes = _routes(green)
    # by name and id, straight to the hidden things: not found
    hidden = [f"/entities/{ids['Qarvash Brigade']}", f"/api/entities/{ids['Zorvan Malikzade']}",
              "/api/entities/by-name/Qarvash", "/api/entities/by-name/Huseyniyyun",
              f"/documents/{ids['Closed Desk']}", f"/api/documents/{ids['Sealed Post']}",
              f"/api/entities/{ids['Qarvash Brigade']}/neighbours",
              f"/api/entities/{ids['Mirvari Front']}/profile",
              "/timeline?actor=Qarvash", "/api/events?actor=Zorvan", "/contradictions?about=Qarvash",
              *[f"/api/claims/{c}" for c in ids if c.startswith("clm-")]]
    for route in hidden:
        assert green.get(route).status_code == 404, route
    assert len(routes) > 60
    assert _leaks(green, routes + hidden, secrets) == []
    # the control: the same routes without a clearance show them
    assert _leaks(everyone, _routes(everyone), ["Qarvash", "Zorvan", "Huseyniyyun",
                                                 "Mirvari", "firearms", "2024-03-10"])


@pytest.mark.parametrize("q", ["Qarvash", "Zorvan Malikzade", "Huseyniyyun", "Lankaran",
                               "Mirvari", "Tarkhanli", "Shaki", "trainers", "paid"])
def test_a_green_reader_finds_nothing_hidden(green, everyone, q):
    """A search never finds what is hidden (its query is all the page repeats of it)."""
    for client, hits in ((green, 0), (everyone, None)):
        r = client.get("/api/search", params={"q": q}).json()
        found = r["entities"]["total"] + r["documents"]["total"]
        assert found == 0 if hits == 0 else found > 0, (q, r)


def test_a_fact_shows_only_what_its_visible_claims_say(tlp_store, green, everyone):
    """The event told by both reports: GREEN sees it with its GREEN claim alone, its own
    actor, place and month; the AMBER report's actor, manner and day are left out."""
    def march(client):
        events = client.get("/api/events?start=2024-03&end=2024-03").json()["items"]
        assert len(events) == 1, events
        return events[0]
    full, seen = march(everyone), march(green)
    assert full["date"] == "2024-03-10" and full["mode"] == "firearms"
    assert {a["name"] for a in full["actors"]} >= {"Qarvash Brigade"}
    assert len(full["claims"]) == 2 and full["documents"] == 2
    assert seen["id"] == full["id"]
    assert seen["date"] == "2024-03" and seen["mode"] is None
    assert [a["name"] for a in seen["actors"]] == ["Husseiniyyun"]
    assert seen["location"]["name"] == "Ganja"
    assert len(seen["claims"]) == 1 and seen["documents"] == 1
    assert seen["claims"][0]["doc"]["publisher"] == "Open Wire"


def test_an_entity_shows_only_its_visible_names_and_counts(green, everyone):
    full = everyone.get("/api/entities/by-name/Husseiniyyun").json()
    seen = green.get("/api/entities/by-name/Husseiniyyun").json()
    assert full["entity"]["id"] == seen["entity"]["id"]
    assert {n["name"] for n in full["names"]} == {"Husseiniyyun", "Huseyniyyun"}
    assert seen["entity"]["name"] == "Husseiniyyun"
    assert [n["name"] for n in seen["names"]] == ["Husseiniyyun"]
    assert seen["mentions"] < full["mentions"] and seen["documents"] == 1
    home = green.get("/").text
    stats = everyone.get("/api/documents").json()["total"], green.get(
        "/api/documents").json()["total"]
    assert stats == (3, 1)
    assert "Qarvash" not in home


def test_a_contradiction_with_a_hidden_claim_is_hidden(green, everyone):
    full = everyone.get("/api/contradictions").json()
    assert any("2024-01-20" in json.dumps(c) for c in full["items"]), full
    assert all("2024-01-20" not in json.dumps(c)
               for c in green.get("/api/contradictions").json()["items"])


def test_an_amber_analyst_sees_amber_but_not_above(tlp_store, amber):
    assert amber.get("/api/entities/by-name/Qarvash").status_code == 200
    assert "Mirvari" in amber.get("/search?q=Mirvari").text
    assert amber.get("/api/users/me").json()["clearance"] == "AMBER"


def test_a_publisher_marked_later_is_hidden_at_once(tlp_store, tokens):
    """`source tlp` while the server runs: the cached lists follow the new marking."""
    from actorgraph.store.tlp import set_source_tlp

    client = _team(tlp_store, tokens["gina"])
    assert "Tawhid" in client.get("/entities?type=person").text
    set_source_tlp(tlp_store.engine, "Open Wire", "AMBER", author="test")
    try:
        client.app.state.reader.invalidate()   # as the fingerprint would within a second
        assert "Tawhid" not in client.get("/entities?type=person").text
        assert client.get("/api/documents").json()["total"] == 0
    finally:
        set_source_tlp(tlp_store.engine, "Open Wire", "GREEN", author="test")


@pytest.mark.parametrize("fmt", ["json", "stix", "ftm", "graphml", "gexf", "csv"])
def test_exports_at_a_clearance_hold_nothing_above_it(tlp_store, tmp_path, fmt):
    from actorgraph.cli.main import cli

    def export(clearance: str) -> str:
        out = tmp_path / f"{clearance}.{fmt}"
        r = CliRunner().invoke(cli, ["export", "--db", tlp_store.url, "--format", fmt,
                                     "--clearance", clearance, "-o", str(out)])
        assert r.exit_code == 0, r.output
        if out.is_dir():
            return "".join(p.read_text(encoding="utf-8") for p in sorted(out.iterdir()))
        return out.read_text(encoding="utf-8")
    ids = _ids(tlp_store)
    green = export("GREEN")
    assert "Husseiniyyun" in green and "Tawhid" in green
    leaks = [s for s in [*SECRETS, *ids.values()] if s.lower() in green.lower()]
    assert leaks == []
    assert "Qarvash" in export("amber") and "Mirvari" in export("RED")


def test_an_entity_export_at_a_clearance_refuses_a_hidden_entity(tlp_store):
    from actorgraph.cli.main import cli

    r = CliRunner().invoke(cli, ["export", "--db", tlp_store.url, "--entity", "Qarvash",
                                 "--clearance", "GREEN"])
    assert r.exit_code != 0 and "no entity named 'Qarvash'" in r.output


def test_ingest_marks_documents_and_refuses_a_bad_marking(tmp_path):
    from actorgraph.cli.main import cli
    from actorgraph.store.store import Store

    (tmp_path / "a.txt").write_text(GREEN_TEXT, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'm.db'}"
    r = CliRunner().invoke(cli, ["ingest", str(tmp_path / "a.txt"), "--db", db, "--tlp",
                                 "amber"])
    assert r.exit_code == 0, r.output
    assert [d["tlp"] for d in Store(db).documents()] == ["AMBER"]
    r = CliRunner().invoke(cli, ["ingest", str(tmp_path / "a.txt"), "--db", db, "--tlp", "RED"])
    assert r.exit_code == 0 and [d["tlp"] for d in Store(db).documents()] == ["RED"]
    r = CliRunner().invoke(cli, ["ingest", str(tmp_path / "a.txt"), "--db", db, "--tlp",
                                 "PURPLE"])
    assert r.exit_code == 2 and "not a TLP marking" in r.output
    (tmp_path / "b.txt").write_text("Another text.", encoding="utf-8")
    (tmp_path / "b.meta.json").write_text('{"tlp": "BLUE"}', encoding="utf-8")
    r = CliRunner().invoke(cli, ["ingest", str(tmp_path / "b.txt"), "--db", db])
    assert r.exit_code == 1 and re.search(r"b\.meta\.json.*field 'tlp'", r.output)
    assert len(Store(db).documents()) == 1


def test_source_tlp_refuses_an_unknown_publisher(tlp_store):
    from actorgraph.cli.main import cli

    r = CliRunner().invoke(cli, ["source", "tlp", "Open Wir", "RED", "--db", tlp_store.url])
    assert r.exit_code == 1 and "add --new" in r.output


def test_the_scoped_reader_overrides_every_read(tlp_store):
    """A read added to the Reader without its scoped form would show everything: each
    public method is overridden or declared neutral."""
    from actorgraph.store.reader import Reader
    from actorgraph.store.scoped import NEUTRAL, ScopedReader

    public = {n for n in dir(Reader) if not n.startswith("_") and callable(getattr(Reader, n))}
    missing = {n for n in public - NEUTRAL if getattr(ScopedReader, n) is getattr(Reader, n)}
    assert missing == set()
    assert Path(__file__).exists()
