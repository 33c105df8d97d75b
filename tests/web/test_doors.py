"""A team server that keeps doors shut: the Host check on for every bind address, writes
only from this server's own pages (an Origin), request bodies refused before they are read."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from .conftest import TestClient

SAME = {"action": "same", "a": "Tawhid Ibrahim Begli", "b": "Orkhan Mammadov"}


def _app(store, **settings):
    from actorgraph.web.app import create_app
    from actorgraph.web.settings import WebSettings

    return create_app(WebSettings(**settings), store=store)


def _merged(store) -> bool:
    from actorgraph.store.judgements import judgements

    return bool(judgements(store))


@pytest.mark.parametrize("bind", ["0.0.0.0", "::", "192.0.2.7"])
def test_a_foreign_host_is_refused_whatever_the_bind_address(writable_store, bind):
    app = _app(writable_store, host=bind, allow_writes=True)
    rebound = TestClient(app, base_url="http://attacker.example:8765")
    assert rebound.get("/api/entities").status_code == 400
    r = rebound.post("/api/judgements", json=SAME,
                     headers={"Origin": "http://attacker.example:8765"})
    assert r.status_code == 400 and not _merged(writable_store)
    assert TestClient(app, base_url="http://127.0.0.1:8765").get("/").status_code == 200
    assert TestClient(app, base_url="http://localhost").get("/").status_code == 200


def test_the_bound_address_and_the_allowed_hosts_are_answered(web_store):
    app = _app(web_store, host="192.0.2.7", extra_hosts=("Graph.Example.org",))
    assert TestClient(app, base_url="http://192.0.2.7:8765").get("/").status_code == 200
    assert TestClient(app, base_url="http://graph.example.org").get("/").status_code == 200
    assert TestClient(app, base_url="http://other.example.org").get("/").status_code == 400


def test_serve_takes_allowed_hosts(monkeypatch, writable_store):
    """`serve --allowed-host NAME` (repeatable) reaches the app's settings."""
    import uvicorn

    from actorgraph.cli.main import cli
    from actorgraph.store.users import add_user

    web_store = writable_store
    add_user(web_store.engine, "ana", "analyst")   # an open address needs logins (test_auth)

    seen = {}

    def run(server, sockets=None):
        seen["hosts"] = server.config.app.state.settings.allowed_hosts
        for s in sockets or ():
            s.close()

    monkeypatch.setattr(uvicorn.Server, "run", run)
    result = CliRunner().invoke(cli, ["serve", "--db", web_store.url, "--port", "0",
                                      "--host", "0.0.0.0", "--allowed-host", "graph.example.org",
                                      "--allowed-host", "10.0.0.5"])
    assert result.exit_code == 0, result.output
    assert {"graph.example.org", "10.0.0.5", "localhost", "127.0.0.1"} <= seen["hosts"]
    assert "attacker.example" not in seen["hosts"]


def test_a_write_without_origin_is_refused(writable_store):
    c = TestClient(_app(writable_store, allow_writes=True, extra_hosts=("testserver",)))
    r = c.post("/api/judgements", json=SAME)
    assert r.status_code == 403 and "Origin" in r.json()["detail"]
    r = c.post("/api/judgements", json=SAME, headers={"Origin": "null"})
    assert r.status_code == 403
    r = c.post("/api/judgements", json=SAME, headers={"Referer": "http://elsewhere.example/x"})
    assert r.status_code == 403
    assert not _merged(writable_store)
    r = c.post("/api/judgements", json=SAME, headers={"Referer": "http://testserver/entities/x"})
    assert r.status_code == 201, r.text
    assert _merged(writable_store)


def test_a_write_from_a_page_of_this_server_is_accepted(writable_store):
    """The Origin a browser sends from this server's own page (Host and Origin agree)."""
    app = _app(writable_store, allow_writes=True)
    c = TestClient(app, base_url="http://127.0.0.1:8765")
    r = c.post("/api/judgements", json=SAME, headers={"Origin": "http://127.0.0.1:8765"})
    assert r.status_code == 201, r.text


def test_a_body_to_a_read_only_server_is_refused_before_it_is_read(web_store):
    app = _app(web_store, extra_hosts=("testserver",))
    read = []

    async def call(scope, body_chunks):
        async def receive():
            read.append(1)
            return {"type": "http.request", "body": body_chunks.pop(0),
                    "more_body": bool(body_chunks)} if body_chunks else {
                "type": "http.disconnect"}
        sent = []

        async def send(message):
            sent.append(message)
        await app(scope, receive, send)
        return sent

    import asyncio

    scope = {"type": "http", "method": "POST", "path": "/api/judgements", "raw_path":
             b"/api/judgements", "query_string": b"", "root_path": "", "scheme": "http",
             "http_version": "1.1", "server": ("testserver", 80), "client": ("1.2.3.4", 1),
             "headers": [(b"host", b"testserver"), (b"content-type", b"application/json"),
                         (b"content-length", b"100000000")]}
    sent = asyncio.run(call(scope, [b"x" * 65536]))
    assert sent[0]["status"] == 403 and read == []
    chunked = {**scope, "headers": [(b"host", b"testserver"),
                                    (b"transfer-encoding", b"chunked")]}
    sent = asyncio.run(call(chunked, [b"x" * 65536]))
    assert sent[0]["status"] == 403 and read == []


def test_a_body_over_the_cap_is_refused(writable_store):
    c = TestClient(_app(writable_store, allow_writes=True, extra_hosts=("testserver",),
                        max_body=10_000))
    own = {"Origin": "http://testserver", "Content-Type": "application/json"}
    big = '{"action": "same", "a": "x", "b": "' + "y" * 20_000 + '"}'
    r = c.post("/api/judgements", content=big, headers=own)
    assert r.status_code == 413 and "bytes" in r.json()["detail"]

    def stream():      # no Content-Length: the bytes are counted as they come
        for _ in range(20):
            yield b"y" * 1000

    r = c.post("/api/judgements", content=stream(), headers=own)
    assert r.status_code == 413 and "bytes" in r.json()["detail"]
    assert not _merged(writable_store)


def test_default_body_cap_is_a_megabyte():
    from actorgraph.web.settings import WebSettings

    assert WebSettings().max_body == 1_000_000
