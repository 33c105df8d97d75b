"""Document metadata from sidecar files and from HTML pages."""
from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from actorgraph.ingest.errors import IngestError
from actorgraph.ingest.sources import SIDECAR_SUFFIX
from actorgraph.model import DocumentMeta, tlp_level

META_FIELDS: tuple[str, ...] = ("title", "publisher", "author", "published", "url", "language",
                                 "tlp")

_ISO_PREFIX = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def iso_date(text: str) -> str:
    """`text` if it is an ISO date or a prefix of one that exists (2023, 2023-12,
    2023-12-15); else ValueError saying what is expected."""
    match = _ISO_PREFIX.fullmatch(text.strip())
    try:
        if match is None:
            raise ValueError
        year, month, day = (int(g) if g else 1 for g in match.groups())
        date(year, month, day)
    except ValueError:
        raise ValueError(f"not an ISO date (2023, 2023-12 or 2023-12-15): {text!r}") from None
    return text.strip()


_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)


def sidecar_path(path: str | Path) -> Path:
    """The sidecar of ``NAME.txt`` is ``NAME.meta.json`` in the same folder."""
    path = Path(path)
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def _field(value: object, key: str, sidecar: Path) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise IngestError(str(sidecar), f"field {key!r} must be a string or null, "
                                        f"not {type(value).__name__}")
    text = str(value).strip()  # a bare year (2023) is accepted as "2023"
    return text or None


def sidecar_meta(path: str | Path) -> DocumentMeta | None:
    """Read the ``NAME.meta.json`` sidecar beside `path`, or None if there is none.

    The sidecar is a JSON object with any of the keys title, publisher,
    author, published (ISO date prefix), url, language and tlp (a TLP marking:
    CLEAR, GREEN, AMBER or RED); other keys (notes)
    are ignored. Malformed JSON, a non-object or a field of the wrong type
    raises `IngestError` naming the sidecar file and the problem, so a typo in
    hand-written metadata is never silently dropped.
    """
    sidecar = sidecar_path(path)
    if not sidecar.is_file():
        return None
    try:
        raw = sidecar.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise IngestError(str(sidecar), f"cannot read metadata sidecar: {exc}") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise IngestError(str(sidecar), f"malformed JSON in metadata sidecar: {exc}") from exc
    if not isinstance(data, dict):
        raise IngestError(str(sidecar), "metadata sidecar must hold a JSON object, "
                                        f"not {type(data).__name__}")
    meta = DocumentMeta(**{k: _field(data.get(k), k, sidecar) for k in META_FIELDS})
    if meta.published is not None:
        try:
            iso_date(meta.published)
        except ValueError as exc:
            raise IngestError(str(sidecar), f"field 'published' is {exc}") from None
    if meta.tlp is not None:
        try:
            meta = replace(meta, tlp=tlp_level(meta.tlp))
        except ValueError as exc:
            raise IngestError(str(sidecar), f"field 'tlp' is {exc}") from None
    return meta


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def html_meta(html: str) -> DocumentMeta:
    """Title, author, site name (as publisher), date, URL and language of an HTML page.

    Uses trafilatura's metadata extraction (meta tags, JSON-LD, visible
    bylines), with dates taken from markup only; the language falls back to ``<html lang>``, reduced to its
    primary subtag ("en-GB" -> "en"). Fields it cannot find are None; a page
    it cannot parse at all gives an empty DocumentMeta.
    """
    from trafilatura import extract_metadata

    try:
        # Dates only from markup (meta tags, JSON-LD, <time>, URL): the extensive
        # search would read "Copyright 2024" in a footer as published 2024-01-01.
        found = extract_metadata(html, extensive=False)
    except Exception:  # trafilatura/lxml on hostile markup; metadata is optional
        found = None
    language = _clean(getattr(found, "language", None))
    if not language:
        match = _HTML_LANG.search(html[:5000])
        language = match.group(1) if match else None
    if language:
        language = re.split(r"[-_]", language)[0].lower()
    if found is None:
        return DocumentMeta(language=language)
    return DocumentMeta(
        title=_clean(found.title),
        publisher=_clean(found.sitename),
        author=_clean(found.author),
        published=_clean(found.date),
        url=_clean(found.url),
        language=language,
    )
