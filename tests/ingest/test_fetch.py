"""Fetching URLs from a local HTTP server: pages, errors, size cap, timeouts."""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from actorgraph.ingest import IngestError, load_source
from actorgraph.ingest.fetch import USER_AGENT, fetch_url

PAGE = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Wagner in Mali | Sahel Monitor</title>
<meta property="og:site_name" content="Sahel Monitor"></head><body>
<nav><a href="/">Home</a> <a href="/about">About us</a> <a href="/donate">Donate</a></nav>
<div class="social"><a href="#">Share this</a> <a href="#">Tweet</a></div>
<article><h1>Wagner in Mali</h1>
<p>The Wagner Group moved two hundred fighters from Libya to northern Mali in March,
according to local officials in Gao who spoke to reporters.</p>
<p>The deployment followed a meeting in Bamako between the junta and Russian officers,
and residents said the fighters set up camp near the airport.</p>
</article><footer>Copyright 2024 Sahel Monitor</footer></body></html>
"""
PLAIN_RU = "Группа Вагнера перебросила бойцов в Мали.\n".encode("cp1251")
BIG = b"<html><body><p>" + b"x" * 200_000 + b"</p></body></html>"


class Handler(BaseHTTPRequestHandler):
    agents: list[str] = []

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, ctype: str, body: bytes, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        Handler.agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/page.html":
            self._send(200, "text/html; charset=utf-8", PAGE)
        elif self.path == "/plain":
            self._send(200, "text/plain; charset=windows-1251", PLAIN_RU)
        elif self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/page.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/big":
            self._send(200, "text/html", BIG)
        elif self.path == "/big-unannounced":
            self.close_connection = True
            self._send(200, "text/html", BIG, length=False)
        elif self.path == "/image.png":
            self._send(200, "image/png", b"\x89PNG\r\n\x1a\n")
        elif self.path == "/slow":
            time.sleep(1.0)
            try:
                self._send(200, "text/html", PAGE)
            except OSError:
                pass
        else:
            self._send(404, "text/html", b"<h1>Not found</h1>")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up on /slow is expected


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_fetch_html_page(base_url: str) -> None:
    body, content_type, final_url = fetch_url(base_url + "/page.html", timeout=5)
    assert body == PAGE
    assert content_type == "text/html; charset=utf-8"
    assert final_url == base_url + "/page.html"
    assert Handler.agents[-1] == USER_AGENT
    assert USER_AGENT.startswith("actorgraph/")


def test_fetch_follows_redirects(base_url: str) -> None:
    _, _, final_url = fetch_url(base_url + "/redirect", timeout=5)
    assert final_url == base_url + "/page.html"


def test_load_url_gives_html_document(base_url: str) -> None:
    url = base_url + "/page.html"
    doc = load_source(url)
    assert doc.source == url
    assert doc.media_type == "text/html"
    assert doc.original == PAGE
    assert doc.meta.url == url
    assert doc.meta.publisher == "Sahel Monitor"
    assert "two hundred fighters from Libya to northern Mali" in doc.text
    for clutter in ("Share this", "Tweet", "About us", "Donate", "Copyright"):
        assert clutter not in doc.text


def test_load_url_plain_text_uses_declared_charset(base_url: str) -> None:
    doc = load_source(base_url + "/plain")
    assert doc.media_type == "text/plain"
    assert doc.text == "Группа Вагнера перебросила бойцов в Мали.\n"


def test_http_404(base_url: str) -> None:
    with pytest.raises(IngestError) as excinfo:
        fetch_url(base_url + "/missing", timeout=5)
    assert excinfo.value.reason == "HTTP error 404 Not Found"
    assert excinfo.value.source == base_url + "/missing"


@pytest.mark.parametrize("path", ["/big", "/big-unannounced"])
def test_oversize_download(base_url: str, path: str) -> None:
    with pytest.raises(IngestError, match="file too large"):
        fetch_url(base_url + path, timeout=5, max_bytes=50_000)


def test_unsupported_content_type(base_url: str) -> None:
    with pytest.raises(IngestError, match="unsupported content type 'image/png'"):
        fetch_url(base_url + "/image.png", timeout=5)


def test_timeout(base_url: str) -> None:
    started = time.monotonic()
    with pytest.raises(IngestError, match="timed out"):
        fetch_url(base_url + "/slow", timeout=0.2)
    assert time.monotonic() - started < 0.9


def test_connection_refused() -> None:
    with pytest.raises(IngestError, match="cannot fetch"):
        fetch_url("http://127.0.0.1:9/", timeout=2)


def test_only_http_schemes() -> None:
    with pytest.raises(IngestError, match="unsupported URL scheme"):
        fetch_url("file:///etc/passwd")
