"""The campaign pages over generated channel exports: the overview, a channel page, a
cluster page drawn in the graph view with the post pairs behind every edge, their JSON,
and the same pages in headless Chromium (screenshots to tests/screenshots/)."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from ..conftest import ROOT
from .test_browser import ARGS, CHROMIUM, _serve, shot

NARRATIVES = str(ROOT / "examples" / "campaign" / "narratives.yaml")


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    from actorgraph.campaign.synthetic_export import generate

    out = tmp_path_factory.mktemp("campaign-web")
    truth = generate(out, seed=7, posts=1200)
    return out / "exports", truth


@pytest.fixture(scope="module")
def campaign_store(tmp_path_factory):
    from actorgraph.store.store import Store

    return Store(f"sqlite:///{tmp_path_factory.mktemp('cw') / 'w.db'}")


@pytest.fixture(scope="module")
def client(exports, campaign_store):
    from actorgraph.web.app import create_app
    from actorgraph.web.settings import WebSettings

    app = create_app(WebSettings(campaign=(str(exports[0]),), narratives=NARRATIVES),
                     store=campaign_store)
    return TestClient(app, base_url="http://127.0.0.1")


def test_overview_lists_channels_and_clusters(client, exports):
    truth = exports[1]
    html = client.get("/campaign").text
    assert "Campaign" in html and html.count('href="/campaign/clusters/C') >= 3
    data = client.get("/api/campaign").json()
    assert len(data["channels"]["channels"]) == len(truth["channels"])
    assert len(data["clusters"]) == len(truth["clusters"])
    assert {n["id"] for n in data["narratives"]} >= {"public-gathering"}


def test_channel_page_and_json(client, exports):
    truth = exports[1]
    member = truth["clusters"][0][1]
    res = client.get(f"/campaign/channels/{member}")
    assert res.status_code == 200
    assert "<svg" in res.text and 'id="coordination"' in res.text
    data = client.get(f"/api/campaign/channels/{member}").json()
    assert data["cluster"] and data["partners"] and data["recent"]
    assert all(p["utc"].endswith("Z") for p in data["recent"])


def test_cluster_json_cites_pairs(client):
    data = client.get("/api/campaign/clusters/C1").json()
    assert data["members"] and data["edges"]
    pair = data["edges"][0]["pairs"][0]
    assert {"a", "b", "a_utc", "b_utc", "rule", "seconds"} <= set(pair)
    graph = client.get("/api/campaign/clusters/C1/graph").json()
    assert len(graph["nodes"]) == len(data["members"])
    assert len(graph["edges"]) == len(data["edges"])


def test_unknown_ids_and_no_exports_are_404(client, campaign_store):
    from actorgraph.web.app import create_app

    assert client.get("/campaign/channels/nope").status_code == 404
    assert client.get("/api/campaign/clusters/C99").status_code == 404
    bare = TestClient(create_app(store=campaign_store), base_url="http://127.0.0.1")
    assert bare.get("/campaign").status_code == 404
    assert "/campaign" not in bare.get("/").text


@pytest.fixture(scope="module")
def served(exports, campaign_store):
    url, stop = _serve(campaign_store, campaign=(str(exports[0]),), narratives=NARRATIVES)
    yield url
    stop()


def test_channel_and_cluster_pages_in_chromium(served, exports):
    from playwright.sync_api import sync_playwright

    truth = exports[1]
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        context = browser.new_context(base_url=served, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto("/campaign/clusters/C1")
        page.wait_for_selector("#cy[data-ready=true]")
        members = json.loads(page.evaluate("JSON.stringify(window.cy.nodes().map(n => n.id()))"))
        assert sorted(members) in [sorted(c) for c in truth["clusters"]]
        assert page.evaluate("window.cy.edges().length") >= len(members) - 1
        page.locator("#edges details.edge").first.locator("summary").click()
        assert page.locator("#edges details.edge tbody tr").first.is_visible()
        shot(page, "campaign-cluster")
        page.locator("#members a").first.click()
        page.wait_for_selector("#posts")
        assert page.locator("svg rect.bar").count() > 5
        assert page.locator("ol.posts li").count() > 5
        shot(page, "campaign-channel")
        browser.close()
    assert not errors, errors


def test_channel_page_shows_who_runs_it_by_the_store(exports, tmp_path):
    """A report in the store says who runs a channel of the exports: the channel page
    names the operator with the evidence type and links to the sentences."""
    from actorgraph.store.store import Store
    from actorgraph.web.app import create_app
    from actorgraph.web.settings import WebSettings
    from actorgraph.workflow import ingest

    truth = exports[1]
    chan = next(c for c in truth["channels"] if c["lang"] == "en")
    report = tmp_path / "report.txt"
    report.write_text(f'Hezbollah runs the Telegram channel "{chan["name"]}", which posts '
                      "statements about the border area, analysts said.", encoding="utf-8")
    store = Store(f"sqlite:///{tmp_path / 'r.db'}")
    assert ingest([str(report)], store).ok
    app = create_app(WebSettings(campaign=(str(exports[0]),)), store=store)
    client = TestClient(app, base_url="http://127.0.0.1")
    data = client.get(f"/api/campaign/channels/{chan['id']}").json()
    assert [o["name"] for o in data["operators"]] == ["Hezbollah"]
    assert data["operators"][0]["evidence"] == "a report says so"
    assert data["operators"][0]["claims"] >= 1
    html = client.get(f"/campaign/channels/{chan['id']}").text
    assert "Hezbollah" in html and 'id="operators"' in html
    other = next(c for c in truth["channels"] if c["id"] != chan["id"])
    assert client.get(f"/api/campaign/channels/{other['id']}").json()["operators"] == []
