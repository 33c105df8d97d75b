"""Main text of an HTML page, without navigation, share buttons or comments."""
from __future__ import annotations

import codecs
import re

from lxml import etree

from actorgraph.ingest.errors import IngestError
from actorgraph.ingest.text import DEFAULT_MAX_BYTES, Decoded, decode, normalise_newlines

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{2,}")
_MIN_WORDS = 3  # fewer words than this left after extraction: no article on the page


def decode_html(data: bytes, source: str, declared: str | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """Decode HTML bytes: BOM, then the HTTP charset, then ``<meta charset>``, then sniffing
    (`text.decode`); a charset other than UTF-8 is named in a warning."""
    candidates = [declared]
    match = _META_CHARSET.search(data[:4096])
    if match:
        candidates.append(match.group(1).decode("ascii", "replace"))
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        for charset in candidates:
            if not charset or len(data) > max_bytes:
                continue
            try:
                text = data.decode(charset)
            except (LookupError, UnicodeDecodeError):
                continue
            if text.strip() and "\x00" not in text:
                name = codecs.lookup(charset).name
                warnings = () if name == "utf-8" else (
                    f"decoded as {name} (declared by the page), not UTF-8",)
                return Decoded(normalise_newlines(text), name, warnings)
    return decode(data, source, max_bytes=max_bytes)


def _inline(el: etree._Element) -> str:
    """The text of an element with ``<lb/>`` as a line break and nested blocks on new lines."""
    parts = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag in ("p", "item", "list", "row", "head"):
            inner = _inline(child).strip()
            if inner:
                parts.append("\n" + inner + "\n")
        elif child.tag != "graphic":
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _lines(text: str) -> str:
    """Trim each line and drop empty ones, so a block never contains a blank line."""
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def _block(el: etree._Element) -> list[str]:
    """Paragraphs (strings without blank lines) for one child of trafilatura's ``<main>``."""
    tag = el.tag
    if tag == "graphic":
        return []
    if tag == "list":
        items = [_lines(_inline(item)) for item in el.iter("item")
                 if item.getparent() is el]
        return ["\n".join("- " + item for item in items if item)]
    if tag == "table":
        rows = []
        for row in el.iter("row"):
            cells = [" ".join(_lines(_inline(cell)).split("\n")) for cell in row]
            cells = [cell for cell in cells if cell]
            if cells:
                rows.append(" | ".join(cells))
        return ["\n".join(rows)]
    if tag in ("quote", "div") and any(child.tag in ("p", "list", "head") for child in el):
        out: list[str] = []
        for child in el:
            out.extend(_block(child))
        return out
    return [_lines(_inline(el))]


def html_to_text(html: str, source: str) -> str:
    """Extract the main text of a page with trafilatura.

    Navigation, share buttons, footers and comments are dropped; paragraphs,
    headings, list blocks and table blocks are separated by blank lines, line
    breaks inside a paragraph kept as single newlines. Raises `IngestError`
    ("no main text found in HTML") when trafilatura finds nothing.
    """
    from trafilatura import extract

    if not html.strip():
        raise IngestError(source, "no main text found in HTML (empty page)")
    try:
        xml = extract(html, output_format="xml", include_comments=False,
                      include_tables=True, include_images=False, include_links=False,
                      include_formatting=False, deduplicate=False)
    except Exception as exc:  # lxml/trafilatura on hostile markup
        raise IngestError(source, f"no main text found in HTML ({exc})") from exc
    if not xml:
        raise IngestError(source, "no main text found in HTML")
    try:
        root = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError as exc:
        raise IngestError(source, f"no main text found in HTML ({exc})") from exc
    main = root.find("main")
    paragraphs: list[str] = []
    for child in (main if main is not None else root):
        paragraphs.extend(p for p in _block(child) if p)
    text = "\n\n".join(paragraphs)
    if len(_WORD.findall(text)) < _MIN_WORDS:  # e.g. only a stray menu label survived
        raise IngestError(source, "no main text found in HTML")
    return text
