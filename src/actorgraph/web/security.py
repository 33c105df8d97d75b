"""Security by default: strict headers on every response, Host checking, request body
limits, write guards.

The Content-Security-Policy allows scripts, styles, images and fetches from this
server only: no inline script can run, so a `<script>` inside an ingested report
is inert even if some escaping were missed.
"""
from __future__ import annotations

import json
from dataclasses import replace
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from actorgraph.web.settings import WebSettings

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


def host_name(host_header: str) -> str:
    """The name part of a Host header: "[::1]:8765" -> "::1", "localhost:80" -> "localhost"."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class SecurityMiddleware:
    """Adds the security headers; refuses requests for a host name this server is not
    (whatever address it listens on), and request bodies it will not read."""

    def __init__(self, app: ASGIApp, settings: WebSettings) -> None:
        self.app = app
        self.allowed = settings.allowed_hosts
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        host = headers.get(b"host", b"").decode("latin-1")
        if host_name(host) not in self.allowed:
            await _plain(send, 400, b"Invalid host header")
            return
        refusal = body_refusal(headers, self.settings, scope["path"])
        if refusal is not None:
            await _json(send, *refusal)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", [])
                        if k.lower() not in {h for h, _ in HEADERS}]
                message["headers"] = kept + HEADERS
            await send(message)

        limit = LOGIN_BODY if scope["path"] in LOGIN_PATHS else self.settings.max_body
        await self.app(scope, _capped(receive, limit), send_with_headers)


LOGIN_PATHS = ("/login", "/logout")   # take a small form even on a read-only server
LOGIN_BODY = 4096


def body_refusal(headers: dict[bytes, bytes], settings: WebSettings,
                 path: str = "") -> tuple[int, str] | None:
    """Why a request's body is refused before a byte of it is read, or None: any body
    sent to a read-only server (403) but a login form, a declared Content-Length over
    the cap (413)."""
    length = headers.get(b"content-length")
    has_body = b"transfer-encoding" in headers or (length is not None and length != b"0")
    if path in LOGIN_PATHS and settings.auth_required:
        settings = replace(settings, allow_writes=True, max_body=LOGIN_BODY)
    if has_body and not settings.allow_writes:
        return 403, "this server is read-only: request bodies are refused"
    if length is not None:
        try:
            declared = int(length)
        except ValueError:
            return 400, "invalid Content-Length"
        if declared > settings.max_body:
            return 413, f"request body over {settings.max_body} bytes"
    return None


def _capped(receive: Receive, limit: int) -> Receive:
    """`receive` counting the body's bytes as they stream in: past `limit`, the request
    ends in 413 (FastAPI passes an HTTPException raised while reading the body on)."""
    seen = 0

    async def receive_capped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise HTTPException(413, f"request body over {limit} bytes")
        return message

    return receive_capped


async def _plain(send: Send, status: int, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), *HEADERS]})
    await send({"type": "http.response.body", "body": body})


async def _json(send: Send, status: int, detail: str) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), *HEADERS]})
    await send({"type": "http.response.body", "body": json.dumps({"detail": detail}).encode()})


def require_writes(request: Request) -> None:
    """Dependency of every writing endpoint: 403 unless the server was started with
    --allow-writes, and 403 unless the request comes from a page of this server (an
    Origin or Referer naming the Host it was sent to, itself an allowed host)."""
    settings: WebSettings = request.app.state.settings
    if not settings.allow_writes:
        raise HTTPException(403, "this server is read-only; start it with --allow-writes "
                                 "to record judgements")
    check_same_origin(request)


def check_same_origin(request: Request) -> None:
    """403 unless the request comes from a page of this server (its Origin, else its
    Referer, names the Host it was sent to, itself an allowed host)."""
    settings: WebSettings = request.app.state.settings
    if request.headers.get("sec-fetch-site") in ("cross-site", "same-site"):
        raise HTTPException(403, "cross-site write refused")
    source = _sender(request)
    if source is None:
        raise HTTPException(403, "write refused: the request has no Origin (or Referer) "
                                 "header; send Origin: http://HOST:PORT of this server")
    host = request.headers.get("host", "").lower()
    if source != host or host_name(source) not in settings.allowed_hosts:
        raise HTTPException(403, "cross-origin write refused")


def _sender(request: Request) -> str | None:
    """The host[:port] of the page that sent a request: its Origin, else its Referer;
    None when it says neither ("null" is a hidden origin and names no host)."""
    origin = request.headers.get("origin")
    if origin == "null":
        return ""
    for value in (origin, request.headers.get("referer")):
        if value:
            return urlsplit(value.strip()).netloc.lower()
    return None
