"""A channel page's actor links over generated exports: every rule's link with its
confidence and the posts behind it (ids, UTC times), judged by an analyst through the
API (confirm / reject, kept in the judgements log), and the page in headless Chromium
(screenshot tests/screenshots/campaign-channel-operators.png)."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from .test_browser import ARGS, CHROMIUM, _serve, shot


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    from actorgraph.campaign.synthetic_export import generate

    out = tmp_path_factory.mktemp("channel-links")
    truth = generate(out, seed=7, posts=1200)
    return out / "exports", truth


def _store(tmp_path, name):
    from actorgraph.store.store import Store

    return Store(f"sqlite:///{tmp_path / name}")


def _client(exports, store, writes):
    from actorgraph.web.app import create_app
    from actorgraph.web.settings import WebSettings

    app = create_app(WebSettings(campaign=(str(exports[0]),), allow_writes=writes),
                     store=store)
    return TestClient(app, base_url="http://127.0.0.1",
                      headers={"Origin": "http://127.0.0.1"})


def _by_role(truth, role, actor="Zeravan Movement"):
    ids = {x["channel"] for x in truth["operators"]["links"] if x["actor"] == actor}
    return next(c for c in truth["channels"] if c["role"] == role and c["id"] in ids)


def test_channel_json_lists_links_with_evidence(exports, tmp_path):
    truth = exports[1]
    client = _client(exports, _store(tmp_path, "a.db"), writes=False)
    relay = _by_role(truth, "relay")
    [link] = client.get(f"/api/campaign/channels/{relay['id']}").json()["links"]
    assert link["actor"] == "Zeravan Movement" and 0.5 < link["confidence"] < 1
    [rule] = link["rules"]
    assert rule["rule"] == "first-forwarder" and rule["via_name"].startswith("Zeravan")
    assert all(e["post"].startswith(relay["id"] + ":") and e["utc"].endswith("Z")
               for e in rule["evidence"])
    aggregator = next(c for c in truth["channels"] if c["role"] == "aggregator")
    assert client.get(f"/api/campaign/channels/{aggregator['id']}").json()["links"] == []
    rows = {r["id"]: r for r in client.get("/api/campaign").json()["channels"]["channels"]}
    assert rows[relay["id"]]["run_by"][0]["rules"] == ["first-forwarder"]
    assert rows[aggregator["id"]]["run_by"] == []
    linked = {r for r in rows if rows[r]["run_by"]}
    assert linked == {x["channel"] for x in truth["operators"]["links"]}
    html = client.get(f"/campaign/channels/{relay['id']}").text
    assert "first-forwarder" in html and "Zeravan Movement" in html
    assert "judge-link" not in html                        # read-only: no form
    res = client.post(f"/api/campaign/channels/{relay['id']}/links",
                      json={"action": "reject", "actor": "Zeravan Movement"})
    assert res.status_code == 403


def test_an_analyst_judges_a_link(exports, tmp_path):
    from actorgraph.store.judgements import judgements

    truth = exports[1]
    store = _store(tmp_path, "b.db")
    client = _client(exports, store, writes=True)
    signer = _by_role(truth, "signer")
    url = f"/api/campaign/channels/{signer['id']}/links"
    assert client.post(url, json={"action": "reject", "actor": "Nobody"}).status_code == 404
    res = client.post(url, json={"action": "reject", "actor": "zeravan movement",
                                 "reason": "a shared freelance editor"})
    assert res.status_code == 201
    [link] = client.get(f"/api/campaign/channels/{signer['id']}").json()["links"]
    assert link["verdict"]["status"] == "rejected"
    assert link["verdict"]["reason"] == "a shared freelance editor"
    assert client.post(url, json={"action": "confirm", "actor": "Zeravan Movement"}
                       ).status_code == 201
    [link] = client.get(f"/api/campaign/channels/{signer['id']}").json()["links"]
    assert link["verdict"]["status"] == "confirmed"          # the newest wins
    assert [j.action for j in judgements(store)] == ["reject", "confirm"]


def test_channel_links_in_chromium(exports, tmp_path):
    from playwright.sync_api import sync_playwright

    truth = exports[1]
    url, stop = _serve(_store(tmp_path, "c.db"), campaign=(str(exports[0]),),
                       allow_writes=True)
    relay = _by_role(truth, "relay")
    errors: list[str] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            page = browser.new_page(base_url=url, viewport={"width": 1280, "height": 900})
            page.set_default_timeout(30_000)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(f"/campaign/channels/{relay['id']}")
            section = page.locator("#operators")
            assert section.locator("table.evidence tbody tr").count() == 1
            assert "first-forwarder" in section.inner_text()
            assert section.locator("table.evidence code").count() >= 3
            section.locator("input[name=reason]").fill("seen forwarding within seconds")
            with page.expect_navigation():
                section.locator("button[value=confirm]").click()
            assert "confirmed by" in page.locator("#operators").inner_text().lower()
            page.locator("#operators").scroll_into_view_if_needed()
            shot(page, "campaign-channel-operators")
            official = _by_role(truth, "official")
            page.goto(f"/campaign/channels/{official['id']}")
            text = page.locator("#operators").inner_text()
            assert "self-declaration" in text and "pinned post" in text
            shot(page, "campaign-channel-declared")
            browser.close()
    finally:
        stop()
    assert not errors, errors
