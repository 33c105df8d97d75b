"""Who is asking: the users of a team server (`settings.auth_required`).

A request is a user's when it carries their API token (`Authorization: Bearer
ag<ID>_<SECRET>`, made by `actorgraph users token NAME`) or the cookie of a browser
login (/login: name and token). Without either, the API answers 401 and pages send
the browser to /login; only /login and the static files are open.

Browser logins are sessions held in this process (a random cookie, HttpOnly,
SameSite=Strict, Secure over https; the server keeps only its hash), each with a
CSRF token that pages put in their forms and scripts send back: a write made with a
session cookie must carry it. A user removed, or given a new token, loses their
logins and old token at the next request: the user is read again every time.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass
from threading import Lock
from urllib.parse import quote

import anyio
from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Receive, Scope, Send

from actorgraph.store.store import Store
from actorgraph.store.users import User, check_token, get_user
from actorgraph.web.security import HEADERS, require_writes
from actorgraph.web.settings import WebSettings

COOKIE = "ag_session"
CSRF_HEADER = "x-csrf-token"
OPEN = ("/login", "/static/")
TOKEN_CACHE_SECONDS = 60.0   # a checked token is not hashed again for this long


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass
class Session:
    user: str
    csrf: str
    expires: float


class Sessions:
    """Browser logins of this process, by the hash of their cookie."""

    def __init__(self, hours: float) -> None:
        self.seconds = hours * 3600
        self._items: dict[str, Session] = {}
        self._lock = Lock()

    def create(self, user: str) -> tuple[str, Session]:
        cookie = secrets.token_urlsafe(32)
        session = Session(user, secrets.token_urlsafe(32), time.time() + self.seconds)
        with self._lock:
            now = time.time()
            self._items = {k: s for k, s in self._items.items() if s.expires > now}
            self._items[_digest(cookie)] = session
        return cookie, session

    def get(self, cookie: str) -> Session | None:
        with self._lock:
            session = self._items.get(_digest(cookie))
            if session is not None and session.expires <= time.time():
                del self._items[_digest(cookie)]
                return None
        return session

    def drop(self, cookie: str) -> None:
        with self._lock:
            self._items.pop(_digest(cookie), None)


class Identities:
    """Finds the user of a request: by token (checks cached briefly) or by session."""

    def __init__(self, store: Store, sessions: Sessions) -> None:
        self.engine, self.sessions = store.engine, sessions
        self._tokens: dict[str, tuple[str, str | None, float]] = {}
        self._lock = Lock()

    def by_token(self, token: str) -> User | None:
        key = _digest(token)
        with self._lock:
            hit = self._tokens.get(key)
        if hit is not None and hit[2] > time.time():
            user = get_user(self.engine, hit[0])
            if user is not None and user.token_at == hit[1]:
                return user
        user = check_token(self.engine, token)
        if user is not None:
            with self._lock:
                self._tokens[key] = (user.name, user.token_at,
                                     time.time() + TOKEN_CACHE_SECONDS)
        return user

    def by_session(self, cookie: str) -> tuple[User, Session] | None:
        session = self.sessions.get(cookie)
        if session is None:
            return None
        user = get_user(self.engine, session.user)
        return (user, session) if user is not None else None

    def identify(self, headers: dict[bytes, bytes]) -> tuple[User | None, str, str]:
        """(user, how: "token" or "session", the session's CSRF token)."""
        auth = headers.get(b"authorization", b"").decode("latin-1")
        if auth[:7].lower() == "bearer ":
            return self.by_token(auth[7:].strip()), "token", ""
        cookie = _cookie(headers.get(b"cookie", b"").decode("latin-1"), COOKIE)
        if cookie:
            found = self.by_session(cookie)
            if found is not None:
                return found[0], "session", found[1].csrf
        return None, "", ""


def _cookie(header: str, name: str) -> str | None:
    for part in header.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name and value:
            return value
    return None


class AuthMiddleware:
    """Puts the request's user in `request.state.user` (None when the server needs no
    login); refuses requests without one where it does."""

    def __init__(self, app: ASGIApp, settings: WebSettings, identities: Identities) -> None:
        self.app, self.settings, self.identities = app, settings, identities

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        state.update(user=None, via="", csrf="")
        if self.settings.auth_required:
            headers = dict(scope["headers"])
            user, via, csrf = await anyio.to_thread.run_sync(self.identities.identify, headers)
            state.update(user=user, via=via if user else "", csrf=csrf if user else "")
            path = scope["path"]
            if user is None and not path.startswith(OPEN):
                await _refuse(scope, send, path)
                return
        await self.app(scope, receive, send)


async def _refuse(scope: Scope, send: Send, path: str) -> None:
    """401 for the API and any write; a page sends the browser to the login form."""
    if path.startswith("/api") or path == "/openapi.json" or scope["method"] != "GET":
        body = json.dumps({"detail": "authentication required: send Authorization: "
                                     "Bearer TOKEN (actorgraph users token NAME)"}).encode()
        await send({"type": "http.response.start", "status": 401, "headers": [
            (b"content-type", b"application/json"),
            (b"www-authenticate", b'Bearer realm="actorgraph"'), *HEADERS]})
        await send({"type": "http.response.body", "body": body})
        return
    query = scope.get("query_string", b"").decode("latin-1")
    target = path + (f"?{query}" if query else "")
    location = "/login?next=" + quote(target, safe="")
    await send({"type": "http.response.start", "status": 303, "headers": [
        (b"location", location.encode("latin-1")), (b"content-length", b"0"), *HEADERS]})
    await send({"type": "http.response.body", "body": b""})


def current_user(request: Request) -> User | None:
    return getattr(request.state, "user", None)


def check_csrf(request: Request, sent: str | None) -> None:
    """403 unless a request made with a login cookie carries its session's CSRF token
    (requests with a token in their Authorization header carry no ambient credential)."""
    if getattr(request.state, "via", "") != "session":
        return
    expected = getattr(request.state, "csrf", "")
    if not sent or not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise HTTPException(403, "write refused: missing or wrong CSRF token "
                                 "(send the page's token in X-CSRF-Token)")


def require_writer(request: Request) -> None:
    """Dependency of every writing endpoint: the server takes writes and the request
    comes from its own pages (`require_writes`); on a team server, the user is an
    analyst or admin, and a browser login's write carries its CSRF token."""
    require_writes(request)
    settings: WebSettings = request.app.state.settings
    if not settings.auth_required:
        return
    user = current_user(request)
    if user is None or not user.can_write:
        raise HTTPException(403, "write refused: your role may only read (judgements "
                                 "need the analyst or admin role)")
    check_csrf(request, request.headers.get(CSRF_HEADER))


def require_admin(request: Request) -> User:
    user = current_user(request)
    if user is None or not user.is_admin:
        raise HTTPException(403, "only an admin may do this")
    return user


def author(request: Request) -> str | None:
    """Who a write is recorded as: the logged-in user (None: the server's own user)."""
    user = current_user(request)
    return user.name if user else None
