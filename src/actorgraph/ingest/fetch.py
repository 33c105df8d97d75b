"""Download one web page or document, politely and within limits (stdlib only)."""
from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.request
from email.message import Message

from actorgraph.ingest.errors import IngestError, human_size, too_large

USER_AGENT = "actorgraph/0.1 (+offline research tool)"
ALLOWED_TYPES: tuple[str, ...] = (
    "text/html", "application/xhtml+xml", "text/plain", "application/pdf",
)
_CHUNK = 65_536
_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8"


def media_type(content_type: str) -> str:
    """The bare, lower-case media type of a Content-Type value, without parameters."""
    msg = Message()
    msg["Content-Type"] = content_type
    return msg.get_content_type()


def charset_of(content_type: str) -> str | None:
    """The charset parameter of a Content-Type value, if any."""
    msg = Message()
    msg["Content-Type"] = content_type
    charset = msg.get_param("charset")
    return charset if isinstance(charset, str) and charset else None


def _sniff(head: bytes) -> str:
    """A content type for a response that did not declare one."""
    if head.lstrip().startswith(b"%PDF-"):
        return "application/pdf"
    if b"<html" in head[:2048].lower():
        return "text/html"
    return ""


def _read_capped(resp: http.client.HTTPResponse, url: str, max_bytes: int,
                 deadline: float, timeout: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = resp.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise IngestError(url, f"file too large (over {human_size(max_bytes)} cap)")
        if time.monotonic() > deadline:
            raise IngestError(url, f"timed out (download took longer than {3 * timeout:g} s)")
        chunks.append(chunk)


def fetch_url(url: str, timeout: float = 20, max_bytes: int = 10_000_000,
              user_agent: str = USER_AGENT) -> tuple[bytes, str, str]:
    """Fetch `url` and return ``(body, content_type, final_url)``.

    `content_type` is the response's Content-Type header as sent (charset
    included); `final_url` is the URL after redirects. Only HTML, plain text
    and PDF are accepted. `timeout` bounds connecting and each read, and three
    times `timeout` bounds the whole download; the body is read in chunks and
    abandoned as soon as it exceeds `max_bytes`. HTTP errors, timeouts,
    connection failures, refused content types and oversize bodies raise
    `IngestError`.
    """
    if not url.lower().startswith(("http://", "https://")):
        raise IngestError(url, "unsupported URL scheme (only http:// and https://)")
    try:
        request = urllib.request.Request(url, headers={"User-Agent": user_agent,
                                                       "Accept": _ACCEPT})
    except ValueError as exc:       # urllib's parser: "Invalid IPv6 URL", ...
        raise IngestError(url, f"not a valid URL: {exc}") from exc
    deadline = time.monotonic() + 3 * timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            final_url = resp.geturl()
            content_type = resp.headers.get("Content-Type", "")
            declared = media_type(content_type) if content_type else ""
            if declared and declared not in ALLOWED_TYPES:
                raise IngestError(url, f"unsupported content type {declared!r} "
                                       "(expected HTML, plain text or PDF)")
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise too_large(url, int(length), max_bytes)
            body = _read_capped(resp, url, max_bytes, deadline, timeout)
    except IngestError:
        raise
    except urllib.error.HTTPError as exc:
        exc.close()
        raise IngestError(url, f"HTTP error {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (TimeoutError, socket.timeout)):
            raise IngestError(url, f"timed out after {timeout:g} s") from exc
        raise IngestError(url, f"cannot fetch: {exc.reason}") from exc
    except TimeoutError as exc:
        raise IngestError(url, f"timed out after {timeout:g} s") from exc
    except (http.client.HTTPException, OSError, ValueError) as exc:
        raise IngestError(url, f"cannot fetch: {exc}") from exc
    if not declared:
        content_type = _sniff(body[:4096])
        if not content_type:
            raise IngestError(url, "response has no content type and does not look like "
                                   "HTML or PDF")
    return body, content_type, final_url
