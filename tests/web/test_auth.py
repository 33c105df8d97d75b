"""A team server: every request on an open address is a user's (an API token or a
browser login), roles decide who may write, a login's writes carry its CSRF token, and
every write is recorded with who made it."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from .conftest import TestClient

SAME = {"action": "same", "a": "Tawhid Ibrahim Begli", "b": "Orkhan Mammadov"}
BASE = "http://graph.example.org"
OWN = {"Origin": BASE}


@pytest.fixture()
def team(writable_store):
    """A copy of the web store with a reader, an analyst and an admin, and their tokens."""
    from actorgraph.store.users import add_user, new_token

    tokens = {}
    for name, role in (("rita", "reader"), ("anna", "analyst"), ("adam", "admin")):
        add_user(writable_store.engine, name, role, "RED")
        tokens[name] = new_token(writable_store.engine, name)
    return writable_store, tokens


def _client(store, **settings) -> TestClient:
    from actorgraph.web.app import create_app
    from actorgraph.web.settings import WebSettings

    settings = {"host": "0.0.0.0", "extra_hosts": ("graph.example.org",), **settings}
    return TestClient(create_app(WebSettings(**settings), store=store), base_url=BASE,
                      follow_redirects=False)


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _judgements(store):
    from actorgraph.store.judgements import judgements

    return judgements(store)


def test_an_open_address_needs_a_user(team):
    store, tokens = team
    c = _client(store)
    r = c.get("/api/entities")
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
    r = c.get("/entities?type=person")
    assert r.status_code == 303
    assert r.headers["location"] == "/login?next=%2Fentities%3Ftype%3Dperson"
    assert c.get("/login").status_code == 200 and c.get("/static/app.css").status_code == 200
    assert c.get("/openapi.json").status_code == 401
    for bad in ("nonsense", tokens["rita"][:-2] + "xx", "ag999_" + "x" * 43, ""):
        assert c.get("/api/entities", headers=_bearer(bad)).status_code == 401, bad
    assert c.get("/api/entities", headers=_bearer(tokens["rita"])).status_code == 200
    r = c.get("/", headers=_bearer(tokens["rita"]))
    assert r.status_code == 200 and "rita" in r.text


def test_loopback_stays_open_unless_told(team):
    store, tokens = team
    assert _client(store, host="127.0.0.1").get("/api/entities").status_code == 200
    closed = _client(store, host="127.0.0.1", auth=True)
    assert closed.get("/api/entities").status_code == 401
    assert closed.get("/api/entities", headers=_bearer(tokens["anna"])).status_code == 200


def test_a_reader_may_not_write_an_analyst_may_and_is_recorded(team):
    store, tokens = team
    c = _client(store, allow_writes=True)
    r = c.post("/api/judgements", json=SAME, headers={**OWN, **_bearer(tokens["rita"])})
    assert r.status_code == 403 and "role" in r.json()["detail"]
    assert _judgements(store) == []
    r = c.post("/api/judgements", json=SAME, headers={**OWN, **_bearer(tokens["anna"])})
    assert r.status_code == 201, r.text
    [j] = _judgements(store)
    assert j.author == "anna" and j.action == "same" and j.created_at
    # the write guards still hold for a user: Origin, and a server started read-only
    r = c.post("/api/judgements", json=SAME, headers=_bearer(tokens["anna"]))
    assert r.status_code == 403
    read_only = _client(store)
    r = read_only.post("/api/judgements", json=SAME, headers={**OWN, **_bearer(tokens["adam"])})
    assert r.status_code == 403


def test_only_an_admin_lists_users(team):
    store, tokens = team
    c = _client(store)
    assert c.get("/api/users", headers=_bearer(tokens["anna"])).status_code == 403
    r = c.get("/api/users", headers=_bearer(tokens["adam"]))
    assert r.status_code == 200
    assert {u["name"]: u["role"] for u in r.json()} == {
        "rita": "reader", "anna": "analyst", "adam": "admin"}
    assert "token" not in r.text.replace("token_at", "")
    assert c.get("/api/users/me", headers=_bearer(tokens["rita"])).json()["role"] == "reader"


def _login(c: TestClient, name: str, token: str, next: str = "/") -> str:
    r = c.post("/login", data={"name": name, "token": token, "next": next}, headers=OWN)
    assert r.status_code == 303, r.text
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    return r.headers["location"]


def _csrf(c: TestClient, entity_page: str) -> str:
    page = c.get(entity_page).text
    found = re.search(r'data-csrf="([^"]+)"', page)
    assert found, "the judgement form carries the login's CSRF token"
    return found.group(1)


def test_a_browser_login_and_its_csrf_token(team, husseiniyyun):
    store, tokens = team
    c = _client(store, allow_writes=True)
    r = c.post("/login", data={"name": "anna", "token": tokens["rita"]}, headers=OWN)
    assert r.status_code == 401 and "Wrong name or token" in r.text
    r = c.post("/login", data={"name": "anna", "token": tokens["anna"]})
    assert r.status_code == 403          # a login form from another site
    for site in ("cross-site", "same-site"):
        r = c.post("/login", data={"name": "anna", "token": tokens["anna"]},
                   headers={"Origin": "null", "Sec-Fetch-Site": site})
        assert r.status_code == 403, site
    r = c.post("/login", data={"name": "anna", "token": tokens["anna"]},
               headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"})   # Chromium's
    assert r.status_code == 303
    assert _login(c, "anna", tokens["anna"], next="//evil.example/") == "/"
    assert _login(c, "anna", tokens["anna"], next="/timeline?x=1") == "/timeline?x=1"
    page = f"/entities/{husseiniyyun['entity']['id']}"
    assert c.get(page).status_code == 200
    token = _csrf(c, page)
    # a write with the login cookie but no (or a wrong) CSRF token is refused
    r = c.post("/api/judgements", json=SAME, headers=OWN)
    assert r.status_code == 403 and "CSRF" in r.json()["detail"]
    r = c.post("/api/judgements", json=SAME, headers={**OWN, "X-CSRF-Token": token[:-1] + "x"})
    assert r.status_code == 403 and _judgements(store) == []
    r = c.post("/api/judgements", json=SAME, headers={**OWN, "X-CSRF-Token": token})
    assert r.status_code == 201, r.text
    assert [j.author for j in _judgements(store)] == ["anna"]
    # logging out needs the token too; afterwards the cookie opens nothing
    assert c.post("/logout", data={}, headers=OWN).status_code == 403
    r = c.post("/logout", data={"csrf": token}, headers=OWN)
    assert r.status_code == 303
    c.cookies.clear()
    assert c.get(page).status_code == 303


def test_a_reader_gets_no_judgement_form(team, husseiniyyun):
    store, tokens = team
    c = _client(store, allow_writes=True)
    _login(c, "rita", tokens["rita"])
    page = c.get(f"/entities/{husseiniyyun['entity']['id']}").text
    assert 'class="judge"' not in page and "Log out" in page


def test_a_removed_user_or_an_old_token_opens_nothing(team):
    from actorgraph.store.users import new_token, remove_user

    store, tokens = team
    c = _client(store)
    assert c.get("/api/entities", headers=_bearer(tokens["anna"])).status_code == 200
    _login(c, "rita", tokens["rita"])
    assert c.get("/api/entities").status_code == 200     # by the login cookie
    fresh = new_token(store.engine, "anna")
    assert c.get("/api/entities", headers=_bearer(tokens["anna"])).status_code == 401
    assert c.get("/api/entities", headers=_bearer(fresh)).status_code == 200
    remove_user(store.engine, "anna")
    assert c.get("/api/entities", headers=_bearer(fresh)).status_code == 401
    remove_user(store.engine, "rita")
    assert c.get("/api/entities").status_code == 401


def test_the_store_keeps_only_a_salted_hash(team):
    from sqlalchemy import select

    from actorgraph.store import schema as t

    store, tokens = team
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.users)).all()
    stored = b"".join(bytes(r.token_hash) + bytes(r.token_salt) for r in rows)
    for token in tokens.values():
        assert token.split("_", 1)[1].encode() not in stored
    assert len({bytes(r.token_salt) for r in rows}) == len(rows)


def test_users_on_the_command_line(tmp_path):
    from actorgraph.cli.main import cli

    db = f"sqlite:///{tmp_path / 'u.db'}"
    run = CliRunner().invoke
    r = run(cli, ["users", "add", "lee", "--role", "analyst", "--clearance", "amber",
                  "--db", db])
    assert r.exit_code == 0 and "TLP:AMBER" in r.output
    assert run(cli, ["users", "add", "lee", "--role", "reader", "--db", db]).exit_code == 1
    assert run(cli, ["users", "add", "x", "--role", "boss", "--db", db]).exit_code == 2
    assert run(cli, ["users", "add", "x y", "--role", "reader", "--db", db]).exit_code == 1
    r = run(cli, ["users", "token", "lee", "--db", db])
    token = r.stdout.strip()
    assert r.exit_code == 0 and re.fullmatch(r"ag\d+_[\w-]{40,}", token)
    from actorgraph.store.store import Store
    from actorgraph.store.users import check_token

    user = check_token(Store(db).engine, token)
    assert user is not None and (user.name, user.role, user.clearance) == (
        "lee", "analyst", "AMBER")
    r = run(cli, ["users", "list", "--db", db])
    assert "lee" in r.output and "analyst" in r.output and token not in r.output
    assert run(cli, ["users", "token", "nobody", "--db", db]).exit_code == 1
    assert run(cli, ["users", "remove", "lee", "--db", db]).exit_code == 0
    assert check_token(Store(db).engine, token) is None
    assert run(cli, ["users", "remove", "lee", "--db", db]).exit_code == 1


def test_serve_on_an_open_address_needs_users(monkeypatch, writable_store):
    import uvicorn

    from actorgraph.cli.main import cli
    from actorgraph.store.users import add_user

    monkeypatch.setattr(uvicorn.Server, "run", lambda server, sockets=None: [
        s.close() for s in sockets or ()])
    args = ["serve", "--db", writable_store.url, "--port", "0", "--host", "0.0.0.0"]
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 1 and "users add" in r.output
    add_user(writable_store.engine, "ana", "analyst")
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0 and "logins required" in r.output


def test_the_login_cookie_is_secure_over_https(team):
    from actorgraph.web.app import create_app
    from actorgraph.web.settings import WebSettings

    store, tokens = team
    app = create_app(WebSettings(host="127.0.0.1", auth=True,
                                 extra_hosts=("graph.example.org",)), store=store)
    c = TestClient(app, base_url="https://graph.example.org", follow_redirects=False)
    r = c.post("/login", data={"name": "rita", "token": tokens["rita"]},
               headers={"Origin": "https://graph.example.org"})
    assert r.status_code == 303 and "Secure" in r.headers["set-cookie"]
    plain = _client(store)
    r = plain.post("/login", data={"name": "rita", "token": tokens["rita"]}, headers=OWN)
    assert r.status_code == 303 and "Secure" not in r.headers["set-cookie"]
