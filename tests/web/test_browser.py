"""The pages in a real browser: Debian's chromium driven by Playwright (the Python package
only; no browser download) against a uvicorn server on a free loopback port.

Screenshots of the main pages go to tests/screenshots/ (not committed) for a person to
look at.
"""
from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[1] / "screenshots"

# No skip: a missing browser is a failed install, and the suite says so.
if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
    raise RuntimeError("chromium is missing: `make chromium` installs it (apt-get install chromium)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(store, **settings):
    """A uvicorn server for `store` on a free loopback port: (url, a function that stops it)."""
    import uvicorn

    from actorgraph.web.app import create_app
    from actorgraph.web.settings import WebSettings

    port = _free_port()
    app = create_app(WebSettings(port=port, **settings), store=store)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)

    def stop() -> None:
        server.should_exit = True
        thread.join(timeout=10)

    return f"http://127.0.0.1:{port}", stop


@pytest.fixture(scope="module")
def base_url(web_store):
    url, stop = _serve(web_store)
    yield url
    stop()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser, base_url):
    """A page that fails the test on any console error (a CSP violation is one)."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert not errors, errors


def shot(pg, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_search_a_variant_spelling_then_expand_a_fact_to_its_sentence(page):
    page.goto("/")
    shot(page, "home")
    page.fill("header form.search input[name=q]", "Hoseyniyun")
    page.press("header form.search input[name=q]", "Enter")
    page.wait_for_selector("#entity-results")
    shot(page, "search")
    page.click("#entity-results a.ent >> nth=0")
    page.wait_for_selector("h1")
    assert page.inner_text("h1") == "Husseiniyyun"
    assert "Hüseynçilər" in page.inner_text("ul.names")
    fact = page.locator("#relations details.fact").first
    assert fact.get_attribute("open") is None
    fact.locator("summary").click()
    assert fact.get_attribute("open") is not None
    quote = fact.locator("li.claim blockquote").first
    assert quote.is_visible()
    sentence = " ".join(quote.inner_text().split())
    assert len(sentence) > 20
    shot(page, "entity")
    link = fact.locator("li.claim .cite a").first
    href = link.get_attribute("href")
    assert href.startswith("/documents/doc-") and "#s-" in href
    link.click()
    page.wait_for_url(f"**{href}")
    anchor = href.split("#", 1)[1]
    target = page.locator(f"[id='{anchor}']")
    assert target.count() == 1 and target.evaluate("el => el.matches(':target')")
    assert sentence[:30] in " ".join(target.inner_text().split())
    assert page.locator(".doctext a.m").count() > 3      # mentions linked to entities
    shot(page, "document")


def test_graph_draws_the_neighbourhood(page, client, husseiniyyun):
    eid = husseiniyyun["entity"]["id"]
    page.goto(f"/entities/{eid}/graph?depth=2")
    page.wait_for_selector("#cy[data-ready=true]")
    nodes = page.evaluate("window.cy.nodes().length")
    edges = page.evaluate("window.cy.edges().length")
    api = client.get(f"/api/entities/{eid}/neighbours", params={"depth": 2}).json()
    assert nodes == len(api["nodes"]) > 5 and edges == len(api["edges"]) > 5
    assert page.evaluate("id => window.cy.getElementById(id).hasClass('center')", eid)
    assert page.locator("#cy canvas").count() >= 1
    shapes = page.evaluate("[...new Set(window.cy.nodes().map(n => n.style('shape')))]")
    assert len(shapes) >= 3                               # types drawn apart
    shot(page, "graph")


def test_timeline_in_order_and_filtered(page):
    page.goto("/timeline")
    dates = page.locator("ol.timeline .date").all_inner_texts()
    assert len(dates) >= 3 and dates == sorted(dates)
    shot(page, "timeline")
    page.select_option("form.filters select[name=type]", "ASSAULT")
    page.click("form.filters button")
    page.wait_for_url("**type=ASSAULT**")
    kinds = page.locator("ol.timeline .etype").all_inner_texts()
    assert kinds and all(k.startswith("ASSAULT") for k in kinds)


def test_hostile_report_never_runs_its_scripts(page, client):
    docs = client.get("/api/documents").json()["items"]
    doc = next(d["id"] for d in docs if "Evil Press" in (d["publisher"] or ""))
    for url in (f"/documents/{doc}", "/documents", "/search?q=pwned"):
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", url
        assert page.locator("main script, main img, main svg").count() == 0, url
    page.goto(f"/documents/{doc}")
    assert "<script>window.__pwned=1</script>" in page.inner_text("#doctext")
    assert "<script>" in page.inner_text("h1")
    shot(page, "hostile-document")


def test_arabic_text_is_laid_out_right_to_left(page, client):
    docs = client.get("/api/documents").json()["items"]
    doc = next(d for d in docs if d["language"] == "ar")
    page.goto(f"/documents/{doc['id']}")
    assert page.locator("#doctext").get_attribute("dir") == "rtl"
    assert page.locator("#doctext").get_attribute("lang") == "ar"
    assert "ar" in page.locator("dl.meta").inner_text()
    # the sentence's first letter is at its right end, its closing full stop at its left
    first, stop = page.evaluate("""() => {
        const s = document.querySelector('#doctext .s');
        const walker = document.createTreeWalker(s, NodeFilter.SHOW_TEXT);
        const nodes = []; while (walker.nextNode()) nodes.push(walker.currentNode);
        const box = (node, i) => { const r = document.createRange();
            r.setStart(node, i); r.setEnd(node, i + 1); return r.getBoundingClientRect(); };
        const head = nodes.find(n => n.data.trim());
        const tail = [...nodes].reverse().find(n => n.data.includes('.'));
        const f = box(head, head.data.search(/\\S/));
        const t = box(tail, tail.data.lastIndexOf('.'));
        return [[f.left, f.top], [t.left, t.top]];
    }""")
    assert first[1] == stop[1] and stop[0] < first[0], (first, stop)
    shot(page, "arabic-document")


def test_profile_and_contradictions(page, husseiniyyun):
    page.goto(f"/entities/{husseiniyyun['entity']['id']}/profile")
    assert page.locator(".profile h2", has_text="Leadership").count() == 1
    note = page.locator(".profile sup a").first
    note.click()
    assert page.locator("ol.notes li:target").count() == 1
    shot(page, "profile")
    page.goto("/contradictions")
    assert page.locator("article.contradiction").count() >= 1
    shot(page, "contradictions")


def test_the_judgement_form_writes_from_its_own_page(browser, writable_store):
    """The browser's own Origin passes the write guard: merging from the entity page works."""
    url, stop = _serve(writable_store, allow_writes=True)
    context = browser.new_context(base_url=url)
    try:
        pg = context.new_page()
        pg.set_default_timeout(15_000)
        pg.goto("/search?q=Tawhid Ibrahim Begli")
        pg.click("#entity-results a.ent >> nth=0")
        pg.fill("form.judge input[name=other]", "Orkhan Mammadov")
        pg.click("form.judge button[value=same]")
        pg.wait_for_url("**/search?q=**")
    finally:
        context.close()
        stop()
    from actorgraph.store.judgements import judgements

    assert [j.action for j in judgements(writable_store)] == ["same"]
