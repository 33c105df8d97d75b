"""Security by default: headers, escaping of hostile documents, Host checks, and writes
refused unless the server was started with --allow-writes."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import client_for

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "actorgraph"
TEMPLATES = (PACKAGE / "web" / "templates", PACKAGE / "profile" / "templates")


@pytest.mark.parametrize("url", ["/", "/api/entities", "/static/app.css", "/entities/nope",
                                 "/api/entities?limit=9999", "/openapi.json"])
def test_every_response_has_strict_security_headers(client, url):
    h = client.get(url).headers
    csp = h["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "object-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert h["x-content-type-options"] == "nosniff"
    assert h["referrer-policy"] == "no-referrer"


def test_pages_have_no_inline_script_and_load_nothing_from_elsewhere(client, husseiniyyun):
    eid = husseiniyyun["entity"]["id"]
    for url in ("/", f"/entities/{eid}", f"/entities/{eid}/graph", "/timeline",
                f"/entities/{eid}/profile", "/contradictions", "/search?q=Ganja"):
        html = client.get(url).text
        for line in html.splitlines():
            if "<script" in line:
                assert 'src="/static/' in line and "></script>" in line, line
        assert not re.search(r'(src|href)="(https?:)?//', html), url


def _hostile(client) -> str:
    docs = client.get("/api/documents").json()["items"]
    return next(d["id"] for d in docs if "Evil Press" in (d["publisher"] or ""))


def test_hostile_document_is_escaped_everywhere(client):
    doc = _hostile(client)
    pages = [client.get(f"/documents/{doc}").text, client.get("/documents").text,
             client.get("/search", params={"q": "pwned"}).text,
             client.get("/search", params={"q": "hostile page"}).text]
    for html in pages:
        assert "<script>window" not in html and "<img src" not in html.replace(
            "&lt;img src", "")
        assert "<svg" not in html and "onerror=\"window" not in html
    text = pages[0]
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in text
    assert "&lt;img src=&#34;x&#34; onerror=&#34;window.__pwned=2&#34;&gt;" in text


def test_templates_never_mark_text_safe():
    for path in (p for folder in TEMPLATES for p in folder.rglob("*.html")):
        source = path.read_text(encoding="utf-8")
        assert "|safe" not in source.replace(" ", "") and "Markup(" not in source, path
        assert "autoescape false" not in source, path


def test_unknown_host_is_refused(web_store):
    from actorgraph.web.app import create_app
    from actorgraph.web.settings import WebSettings

    from .conftest import TestClient

    app = create_app(WebSettings(), store=web_store)
    assert TestClient(app, base_url="http://127.0.0.1:8765").get("/").status_code == 200
    assert TestClient(app, base_url="http://localhost").get("/api/entities").status_code == 200
    evil = TestClient(app, base_url="http://attacker.example")
    r = evil.get("/api/entities")
    assert r.status_code == 400 and "content-security-policy" in r.headers


def test_writes_are_refused_on_a_read_only_server(client, husseiniyyun):
    body = {"action": "same", "a": "Husseiniyyun", "b": "Quds Force"}
    r = client.post("/api/judgements", json=body)
    assert r.status_code == 403 and "read-only" in r.json()["detail"]
    assert client.get("/api/entities/by-name/Quds Force").json()["entity"]["id"] != \
        husseiniyyun["entity"]["id"]
    page = client.get(f"/entities/{husseiniyyun['entity']['id']}").text
    assert "judge.js" not in page and 'class="judge"' not in page


def test_judgements_with_allow_writes(writable_store):
    c = client_for(writable_store, allow_writes=True)
    a = c.get("/api/entities/by-name/Tawhid Ibrahim Begli").json()["entity"]
    b = c.get("/api/entities/by-name/Orkhan Mammadov").json()["entity"]
    assert 'class="judge"' in c.get(f"/entities/{a['id']}").text
    # another site's page cannot post; nor can a form (not JSON)
    assert c.post("/api/judgements", json={"action": "same", "a": a["id"], "b": b["id"]},
                  headers={"Origin": "http://attacker.example"}).status_code == 403
    own = {"Origin": "http://testserver"}
    assert c.post("/api/judgements", content='{"action":"same"}',
                  headers={"Content-Type": "text/plain", **own}).status_code == 422
    assert c.post("/api/judgements", json={"action": "delete", "a": "x", "b": "y"},
                  headers=own).status_code == 422
    assert c.post("/api/judgements", json={"action": "same", "a": a["id"],
                                           "b": "Nobody At All"}, headers=own).status_code == 404
    r = c.post("/api/judgements", json={"action": "same", "a": a["id"], "b": b["id"],
                                        "reason": "test"},
               headers=own)
    assert r.status_code == 201, r.text
    merged = c.get("/api/entities/by-name/Orkhan Mammadov").json()["entity"]
    assert merged["id"] == c.get("/api/entities/by-name/Tawhid Ibrahim Begli").json()[
        "entity"]["id"]
    from actorgraph.store.judgements import judgements

    log = judgements(writable_store)
    assert log[-1].action == "same" and log[-1].reason == "test"
    again = c.post("/api/judgements", json={"action": "same", "a": a["name"],
                                            "b": "Orkhan Mammadov"}, headers=own)
    assert again.status_code == 409
