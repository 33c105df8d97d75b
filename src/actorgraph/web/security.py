"""Security by default: strict headers on every response, Host checking, write guards.

The Content-Security-Policy allows scripts, styles, images and fetches from this
server only: no inline script can run, so a `<script>` inside an ingested report
is inert even if some escaping were missed.
"""
from __future__ import annotations

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
    """Adds the security headers; refuses requests for a host name this server is not."""

    def __init__(self, app: ASGIApp, settings: WebSettings) -> None:
        self.app = app
        self.allowed = settings.allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.allowed is not None:
            host = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
            if host_name(host) not in self.allowed:
                await _plain(send, 400, b"Invalid host header")
                return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.lower() not in {h for h, _ in HEADERS}]
                message["headers"] = headers + HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _plain(send: Send, status: int, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), *HEADERS]})
    await send({"type": "http.response.body", "body": body})


def require_writes(request: Request) -> None:
    """Dependency of every writing endpoint: 403 unless the server was started with
    --allow-writes, and 403 for a request sent by another site's page."""
    settings: WebSettings = request.app.state.settings
    if not settings.allow_writes:
        raise HTTPException(403, "this server is read-only; start it with --allow-writes "
                                 "to record judgements")
    if request.headers.get("sec-fetch-site") in ("cross-site", "same-site"):
        raise HTTPException(403, "cross-site write refused")
    origin = request.headers.get("origin")
    if origin and origin != "null":
        if origin.split("://", 1)[-1].lower() != request.headers.get("host", "").lower():
            raise HTTPException(403, "cross-origin write refused")
    elif origin == "null":
        raise HTTPException(403, "cross-origin write refused")
