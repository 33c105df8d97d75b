"""Turn the bytes of a text file into text, refusing what is not text."""
from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

from actorgraph.ingest.errors import IngestError, too_large

DEFAULT_MAX_BYTES = 20_000_000
_SAMPLE = 65_536
_MAX_CONTROL_SHARE = 0.05
# C0 controls other than tab, newline, vertical tab, form feed, carriage return; DEL.
_CONTROL_BYTES = frozenset(set(range(0x00, 0x09)) | set(range(0x0E, 0x20)) | {0x7F})
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
# Legacy encodings in order of how common they are in reports, for breaking ties.
_TIE_PREFERENCE = ("cp1252", "latin_1", "iso8859_15", "cp1251", "cp1250", "cp1256", "cp1253")


def normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR line ends into LF; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, the encoding it was decoded from, and what to warn of."""

    text: str
    encoding: str | None = "utf-8"     # None: no bytes were decoded (a PDF's text layer)
    warnings: tuple[str, ...] = ()


def _bom_decode(data: bytes) -> tuple[str, str] | None:
    """Decode UTF-16/32 text that announces itself with a BOM (text, encoding), else None."""
    try:
        if data.startswith(_UTF32_BOMS):
            return data.decode("utf-32"), "utf-32"
        if data.startswith(_UTF16_BOMS):
            return data.decode("utf-16"), "utf-16"
    except UnicodeDecodeError:
        return None
    return None


def _damaged_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few bytes that are not (a damaged file, a bad copy): at least twice as
    many well-formed non-ASCII characters as bad bytes. The bad bytes become U+FFFD, never
    characters of another encoding, so no evidence quotes them as text."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = sum(1 for c in text if ord(c) > 127) - text.count("\ufffd")
    if bad <= 0 or good < 2 * bad:
        return None
    return Decoded(text, "utf-8", (f"{bad} undecodable byte{'s' * (bad > 1)} in UTF-8 text "
                                   "replaced by U+FFFD; sentences holding one give no facts",))


def _detect(data: bytes, source: str) -> tuple[str, str]:
    """Decode with the encoding charset-normalizer finds most plausible.

    On a tie (short Western text reads equally well as cp1250 or cp1257) the
    more widespread encoding wins, so "à Genève" does not become "ŕ Genčve".
    """
    matches = list(from_bytes(data))
    if not matches:
        raise IngestError(source, "undecodable text (no character encoding fits)")
    best = matches[0]
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    for preferred in _TIE_PREFERENCE:
        for match in tied:
            if match.encoding == preferred:
                return str(match), match.encoding
    return str(best), best.encoding


def looks_binary(data: bytes) -> bool:
    """True if `data` has NUL bytes or a high share of control bytes (checked on a sample)."""
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL_BYTES)
    return controls > _MAX_CONTROL_SHARE * len(sample)


def decode_text(data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of `decode` (see there)."""
    return decode(data, source, max_bytes).text


def decode(data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """Decode the bytes of a text file, keeping the text exactly as written.

    Tries a UTF-16/32 BOM, then UTF-8 (with or without BOM), then UTF-8 with a few
    damaged bytes (replaced by U+FFFD), then lets charset-normalizer pick a legacy
    encoding (latin-1, cp1251, ...); anything but UTF-8 comes with a warning naming the
    encoding. Only line ends are normalised to "\\n"; offsets computed later point into
    the returned string and evidence sentences are quoted from it verbatim.

    Raises `IngestError` for an empty file, a file over `max_bytes`, binary
    content (a NUL byte anywhere), and bytes no encoding explains.
    """
    if not data:
        raise IngestError(source, "empty file")
    if len(data) > max_bytes:
        raise too_large(source, len(data), max_bytes)
    bom = _bom_decode(data)
    if bom is not None:
        found = Decoded(bom[0], bom[1], (f"decoded as {bom[1].upper()} (byte order mark), "
                                         "not UTF-8",))
    else:
        if looks_binary(data):
            raise IngestError(source, "binary file, not text")
        if (nul := data.find(b"\x00")) >= 0:
            raise IngestError(source, f"binary file, not text (a NUL byte at offset {nul})")
        try:
            found = Decoded(data.decode("utf-8-sig"))
        except UnicodeDecodeError:
            found = _damaged_utf8(data) or _legacy(data, source)
    if "\x00" in found.text:
        raise IngestError(source, "binary file, not text (a NUL character)")
    if not found.text.strip():
        raise IngestError(source, "empty file (only whitespace)")
    return Decoded(normalise_newlines(found.text), found.encoding, found.warnings)


def _legacy(data: bytes, source: str) -> Decoded:
    text, encoding = _detect(data, source)
    return Decoded(text, encoding, (f"decoded as {encoding} (detected), not UTF-8",))
