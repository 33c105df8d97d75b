"""Read one source (file or URL) into a `LoadedDocument`."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from actorgraph.ingest.errors import IngestError, too_large
from actorgraph.ingest.fetch import charset_of, fetch_url, media_type
from actorgraph.ingest.html import decode_html, html_to_text
from actorgraph.ingest.meta import html_meta, sidecar_meta
from actorgraph.ingest.pdf import pdf_to_text
from actorgraph.ingest.sources import SUPPORTED_SUFFIXES, is_url
from actorgraph.ingest.text import DEFAULT_MAX_BYTES, Decoded, decode
from actorgraph.model import DocumentMeta, LoadedDocument

MEDIA_TYPES: dict[str, str] = {
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".pdf": "application/pdf",
}
_FETCHED_TYPES: dict[str, str] = {
    "text/html": "text/html",
    "application/xhtml+xml": "text/html",
    "text/plain": "text/plain",
    "application/pdf": "application/pdf",
}


def _to_text(data: bytes, source: str, kind: str, max_bytes: int,
             charset: str | None = None) -> tuple[Decoded, DocumentMeta]:
    """The text (with the encoding it was decoded from) and the in-document metadata of
    `data` read as media type `kind`."""
    if kind == "text/html":
        html = decode_html(data, source, declared=charset, max_bytes=max_bytes)
        text = Decoded(html_to_text(html.text, source), html.encoding, html.warnings)
        return text, html_meta(html.text)
    if kind == "application/pdf":
        return Decoded(pdf_to_text(data, source), None), DocumentMeta()
    return decode(data, source, max_bytes=max_bytes), DocumentMeta()


def _document(source: str, kind: str, data: bytes, text: Decoded,
              meta: DocumentMeta) -> LoadedDocument:
    if "\x00" in text.text:      # a PDF's text layer or a page may carry one
        text = Decoded(text.text.replace("\x00", " "), text.encoding,
                       (*text.warnings, "NUL characters replaced by spaces"))
    return LoadedDocument(source=source, media_type=kind, original=data, text=text.text,
                          meta=meta, sha256=hashlib.sha256(text.text.encode("utf-8")).hexdigest(),
                          encoding=text.encoding, warnings=text.warnings)


def _load_url(url: str, overrides: DocumentMeta, max_bytes: int) -> LoadedDocument:
    data, content_type, final_url = fetch_url(url, max_bytes=max_bytes)
    kind = _FETCHED_TYPES.get(media_type(content_type))
    if kind is None:  # fetch_url already refuses these; keep the dispatch total
        raise IngestError(url, f"unsupported content type {content_type!r}")
    if not data:
        raise IngestError(url, "empty response")
    text, found = _to_text(data, url, kind, max_bytes, charset_of(content_type))
    meta = DocumentMeta(url=final_url).merged(found).merged(overrides)
    return _document(url, kind, data, text, meta)


def _read_file(path: Path, source: str, max_bytes: int) -> bytes:
    if not path.exists():
        raise IngestError(source, "no such file")
    if path.is_dir():
        raise IngestError(source, "is a directory (use iter_sources to expand folders)")
    suffix = path.suffix.lower()
    if suffix not in MEDIA_TYPES:
        expected = ", ".join(SUPPORTED_SUFFIXES)
        raise IngestError(source, f"unsupported file type {suffix or '(no suffix)'!r} "
                                  f"(expected one of {expected})")
    try:
        size = os.path.getsize(path)
        if size > max_bytes:  # refuse before reading it all into memory
            raise too_large(source, size, max_bytes)
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(source, f"cannot read file: {exc.strerror or exc}") from exc
    if not data:
        raise IngestError(source, "empty file")
    if len(data) > max_bytes:  # grew since stat
        raise too_large(source, len(data), max_bytes)
    return data


def load_source(source: str, overrides: DocumentMeta | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedDocument:
    """Read a file (.txt, .md, .markdown, .html, .htm, .pdf) or an http(s) URL into text.

    Dispatch is by suffix for files and by Content-Type for URLs. Plain text
    and markdown keep their text exactly (only line ends normalised); HTML
    is reduced to its main text; PDFs to their text layer. Metadata comes
    from, in order of precedence, the ``NAME.meta.json`` sidecar, the HTML
    page's own metadata, then `overrides` (the CLI's flags fill what the
    document does not say). For URLs `meta.url` is the URL after redirects and
    `original` holds the fetched bytes. `max_bytes` caps file and download
    size. Any failure raises `IngestError` naming the source and the reason.
    """
    overrides = overrides or DocumentMeta()
    if is_url(source):
        return _load_url(source, overrides, max_bytes)
    path = Path(source)
    data = _read_file(path, source, max_bytes)
    kind = MEDIA_TYPES[path.suffix.lower()]
    sidecar = sidecar_meta(path) or DocumentMeta()
    text, found = _to_text(data, source, kind, max_bytes)
    return _document(source, kind, data, text, sidecar.merged(found).merged(overrides))
