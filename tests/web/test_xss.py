"""Cross-site scripting: a list of classic payloads (after the OWASP XSS filter evasion
cheat sheet) stored in every field a page or the API shows - document text, title,
publisher, URL, entity names - and sent as search queries, then every page opened in
Chromium. Each payload calls `__xss(n)` (or alert/confirm/prompt, caught by a dialog
handler); the test counts calls and dialogs and wants 0.

The server's Content-Security-Policy would stop inline scripts by itself, so the browser
here gets the pages WITHOUT that header (a route drops it): what is tested is the escaping
of every field, and the CSP is the second wall (tested apart: no CSP violation on any
page). `test_the_payloads_do_run_where_not_escaped` shows the same detector catches the
payloads in a page that does not escape them, so the count of 0 means something.
"""
from __future__ import annotations

import hashlib
import json
from urllib.parse import quote

import pytest

from actorgraph.model import (
    CleanDocument,
    DocumentMeta,
    Extraction,
    LoadedDocument,
    Mention,
    RelationFact,
    Segment,
    Sentence,
)

from .test_browser import ARGS, CHROMIUM, _serve

# Classic payloads; RUN is what each would run (`__xss(NUM)`), NUM the payload's number.
PAYLOADS = [
    "<script>RUN</script>",
    "<SCRIPT>RUN</SCRIPT>",
    "<script >RUN</script >",
    "<scr<script>ipt>RUN</scr</script>ipt>",
    "</title><script>RUN</script>",
    "</textarea><script>RUN</script>",
    "</script><script>RUN</script>",
    "<img src=x onerror=RUN>",
    "<IMG SRC=x ONERROR=\"RUN\">",
    "<img src=x:alert(NUM) onerror=eval(src)>",
    "<img src=\"x\" onerror=\"RUN\"/>",
    "<svg onload=RUN>",
    "<svg><script>RUN</script></svg>",
    "<svg/onload=RUN//",
    "<math><mtext><table><mglyph><style><img src=x onerror=RUN>",
    "<body onload=RUN>",
    "<iframe src=\"javascript:RUN\"></iframe>",
    "<iframe srcdoc=\"<script>parent.RUN</script>\"></iframe>",
    "<a href=\"javascript:RUN\">click</a>",
    "<a href=\"JaVaScRiPt:RUN\">click</a>",
    "<a href=\"&#106;avascript:RUN\">click</a>",
    "<a href=\" javascript:RUN\">click</a>",
    "javascript:RUN",
    "<details open ontoggle=RUN>",
    "<input autofocus onfocus=RUN>",
    "<select autofocus onfocus=RUN>",
    "<video><source onerror=RUN>",
    "<audio src=x onerror=RUN>",
    "<object data=\"javascript:RUN\"></object>",
    "<embed src=\"javascript:RUN\">",
    "<form><button formaction=javascript:RUN>x</button></form>",
    "<marquee onstart=RUN>",
    "<div style=\"width:expression(RUN)\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:RUN\">",
    "<base href=\"javascript:RUN//\">",
    "<link rel=import href=\"data:text/html,<script>RUN</script>\">",
    "\"><script>RUN</script>",
    "'><script>RUN</script>",
    "\" onmouseover=\"RUN\" x=\"",
    "' onmouseover='RUN' x='",
    "\" autofocus onfocus=\"RUN\" x=\"",
    "`><img src=x onerror=RUN>",
    "{{constructor.constructor('RUN')()}}",
    "${RUN}",
    "#{RUN}",
    "{{7*7}}{% raw %}<script>RUN</script>",
    "<%= RUN %>",
    "<img src=x onerror=alert(NUM)>",
    "<svg onload=confirm(NUM)>",
    "<script>prompt(NUM)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
]


def payload(n: int) -> str:
    return PAYLOADS[n].replace("RUN", "__xss(NUM)").replace("NUM", str(n))


ALL = [payload(n) for n in range(len(PAYLOADS))]
PER_DOC = 6                      # payloads per document
DANGEROUS_URL = ("javascript:", "vbscript:", "data:text/html")


def _document(k: int, names: list[tuple[int, str]]):
    """A report whose title, publisher and URL are payloads, with sentences naming the
    payload-named people, related to each other."""
    lines, mentions, sents, relations = [f"Report {k}."], [], [], []
    pos = len(lines[0]) + 1
    sents.append(Sentence(0, 0, len(lines[0])))
    for i, (n, name) in enumerate(names):
        line = f"{name} was seen in Baku on {n} May."
        sents.append(Sentence(i + 1, pos, pos + len(line)))
        mentions.append(Mention(pos, pos + len(name), name, "person", i + 1, key=f"person:x{n}",
                                name=name))
        if i:
            relations.append(RelationFact(f"person:x{n}", "member_of",
                                          f"person:x{names[0][0]}", i + 1, "test:xss"))
        lines.append(line)
        pos += len(line) + 1
    text = "\n".join(lines) + "\n"
    first = names[0][0]
    meta = DocumentMeta(title=ALL[first], publisher=ALL[(first + 1) % len(ALL)],
                        url=f"javascript:__xss({1000 + k})" if k % 2 else ALL[first + 2],
                        published="2024-05-01", language="en")
    loaded = LoadedDocument(f"xss{k}.txt", "text/plain", text.encode(), text, meta,
                            hashlib.sha256(text.encode()).hexdigest())
    return loaded, CleanDocument(loaded, (Segment(0, len(text), "body"),)), Extraction(
        sentences=sents, mentions=mentions, relations=relations)


@pytest.fixture(scope="module")
def xss_store(tmp_path_factory):
    from actorgraph.facts.build import build_facts
    from actorgraph.store.store import EntityRecord, Store

    store = Store(f"sqlite:///{tmp_path_factory.mktemp('xss') / 'xss.db'}")
    numbered = list(enumerate(ALL))
    for k in range(0, len(numbered), PER_DOC):
        store.add_document(*_document(k // PER_DOC, numbered[k:k + PER_DOC]))
    entities = [EntityRecord(f"ent-x{n}", "person", None, name, ((name, 1),))
                for n, name in numbered]
    store.replace_entities(entities, {m.id: f"ent-x{m.key.removeprefix('person:x')}"
                                      for m in store.mentions()})
    build_facts(store)
    return store


@pytest.fixture(scope="module")
def xss_url(xss_store):
    url, stop = _serve(xss_store)
    yield url
    stop()


@pytest.fixture(scope="module")
def xss_browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


DETECTOR = """
window.__xssHits = [];
window.__xss = n => window.__xssHits.push(n);
"""


class Watch:
    """A browser page that records every payload run and dialog; with `csp=False` the
    server's Content-Security-Policy header is dropped before Chromium sees it."""

    def __init__(self, browser, base_url: str, csp: bool) -> None:
        self.context = browser.new_context(base_url=base_url)
        self.context.add_init_script(DETECTOR)
        self.dialogs: list[str] = []
        self.console: list[str] = []
        if not csp:
            self.context.route("**/*", self._without_csp)
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda m: self.console.append(m.text)
                     if m.type == "error" else None)
        self.hits: list[tuple[str, list]] = []

    @staticmethod
    def _without_csp(route) -> None:
        response = route.fetch()
        headers = {k: v for k, v in response.headers.items()
                   if k.lower() != "content-security-policy"}
        route.fulfill(response=response, headers=headers)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def visit(self, path: str) -> None:
        """Open `path`; record payloads that ran and elements carrying an event handler
        attribute (a payload that broke out of its attribute or text, whether or not
        anything fired it)."""
        self.page.goto(path)
        self.page.wait_for_load_state("load")
        self.page.wait_for_timeout(50)    # onload / onerror / autofocus handlers
        ran = self.page.evaluate("window.__xssHits")
        handlers = self.page.evaluate("""() => [...document.querySelectorAll('*')].flatMap(
            el => [...el.attributes].filter(a => a.name.startsWith('on'))
                  .map(a => el.tagName + ' ' + a.name))""")
        if ran or handlers:
            self.hits.append((path, ran + handlers))

    def close(self) -> None:
        self.context.close()


def _paths(xss_store) -> list[str]:
    docs = [d["id"] for d in xss_store.documents()]
    ents = [e.id for e in xss_store.entities()]
    paths = ["/", "/documents", "/entities", "/timeline", "/contradictions",
             "/entities?type=person"]
    paths += [f"/documents/{d}" for d in docs]
    paths += [f"/entities/{e}" for e in ents]
    paths += [f"/entities/{e}/graph" for e in ents[::PER_DOC]]
    paths += [f"/entities/{e}/profile" for e in ents[::PER_DOC]]
    paths += [f"/search?q={quote(p)}" for p in ALL]
    paths += [f"/entities/{quote(p, safe='')}" for p in ALL[:5]]     # not found pages
    return paths


def test_no_payload_runs_in_any_page(xss_browser, xss_url, xss_store):
    watch = Watch(xss_browser, xss_url, csp=False)
    try:
        paths = _paths(xss_store)
        for path in paths:
            watch.visit(path)
        assert len(paths) > 2 * len(ALL)
        assert watch.hits == [] and watch.dialogs == [], (watch.hits, watch.dialogs)
    finally:
        watch.close()


def test_the_payloads_are_shown_as_text(xss_browser, xss_url, xss_store):
    watch = Watch(xss_browser, xss_url, csp=False)
    try:
        doc = next(d for d in xss_store.documents() if d["title"] == ALL[0])
        watch.visit(f"/documents/{doc['id']}")
        shown = watch.page.text_content("body")
        for p in ALL[:PER_DOC]:
            assert p in shown                     # as written, not swallowed as markup
        watch.visit(f"/entities/ent-x{0}")
        assert watch.page.text_content("h1").strip() == ALL[0]
        watch.visit(f"/search?q={quote(ALL[11])}")
        assert ALL[11] in watch.page.locator("input[name=q]").first.input_value()
    finally:
        watch.close()


def test_javascript_urls_never_become_links(xss_browser, xss_url, xss_store):
    watch = Watch(xss_browser, xss_url, csp=False)
    try:
        found = []
        for path in ["/documents"] + [f"/documents/{d['id']}" for d in xss_store.documents()] \
                + [f"/entities/ent-x{n}" for n in range(0, len(ALL), PER_DOC)]:
            watch.visit(path)
            found += [(path, v) for v in watch.page.evaluate("""() => [...document.querySelectorAll(
                '[href], [src], [action], [formaction], [data], [srcdoc]')].flatMap(el =>
                ['href', 'src', 'action', 'formaction', 'data', 'srcdoc']
                  .map(a => (el.getAttribute(a) || '').trim().toLowerCase())
                  .filter(v => v))""")
                      if v.startswith(DANGEROUS_URL) or "__xss" in v]
        assert found == []
        assert watch.hits == [] and watch.dialogs == []
    finally:
        watch.close()


def test_the_csp_is_never_violated(xss_browser, xss_url, xss_store):
    """With the server's own headers, no page makes Chromium refuse anything: no payload
    even tried to run."""
    watch = Watch(xss_browser, xss_url, csp=True)
    try:
        for path in _paths(xss_store)[:60]:
            watch.visit(path)
        refused = [c for c in watch.console if "Content Security Policy" in c]
        assert refused == [] and watch.hits == [] and watch.dialogs == []
    finally:
        watch.close()


def test_the_api_answers_json_never_html(xss_url, xss_store):
    import urllib.request

    for path in ["/api/entities?limit=200", "/api/documents?limit=200",
                 f"/api/entities/ent-x{0}", f"/api/search?q={quote(ALL[0])}",
                 f"/api/entities/by-name/{quote(ALL[7], safe='')}",
                 "/api/claims?limit=200", f"/api/documents/{xss_store.documents()[0]['id']}"]:
        try:
            with urllib.request.urlopen(xss_url + path) as r:
                kind, body, status = r.headers["content-type"], r.read(), r.status
        except urllib.error.HTTPError as err:
            kind, body, status = err.headers["content-type"], err.read(), err.code
        assert status in (200, 404), path
        assert kind.startswith("application/json"), (path, kind)
        json.loads(body)                               # valid JSON, payloads as strings


def test_the_payloads_do_run_where_not_escaped(xss_browser):
    """The detector works: the same payloads put raw into a page run (most of them)."""
    context = xss_browser.new_context()
    context.add_init_script(DETECTOR)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.set_content("<body>" + "".join(f"<div>{p}</div>" for p in ALL) + "</body>")
        page.wait_for_timeout(300)
        ran = page.evaluate("window.__xssHits")
        assert len(set(ran)) + len(dialogs) >= 10, (ran, dialogs)
    finally:
        context.close()
