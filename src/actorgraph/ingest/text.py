"""Turn the bytes of a text file into text, refusing what is not text."""
from __future__ import annotations

import codecs

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


def _bom_decode(data: bytes) -> str | None:
    """Decode UTF-16/32 text that announces itself with a BOM, else None."""
    try:
        if data.startswith(_UTF32_BOMS):
            return data.decode("utf-32")
        if data.startswith(_UTF16_BOMS):
            return data.decode("utf-16")
    except UnicodeDecodeError:
        return None
    return None


def _detect(data: bytes, source: str) -> str:
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
                return str(match)
    return str(best)


def looks_binary(data: bytes) -> bool:
    """True if `data` has NUL bytes or a high share of control bytes (checked on a sample)."""
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL_BYTES)
    return controls > _MAX_CONTROL_SHARE * len(sample)


def decode_text(data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode the bytes of a text file, keeping the text exactly as written.

    Tries UTF-8 (with or without BOM) first, then a UTF-16/32 BOM, then lets
    charset-normalizer pick a legacy encoding (latin-1, cp1251, ...). Only
    line ends are normalised to "\\n"; offsets computed later point into the
    returned string and evidence sentences are quoted from it verbatim.

    Raises `IngestError` for an empty file, a file over `max_bytes`, binary
    content, and bytes no encoding explains.
    """
    if not data:
        raise IngestError(source, "empty file")
    if len(data) > max_bytes:
        raise too_large(source, len(data), max_bytes)
    text = _bom_decode(data)
    if text is None:
        if looks_binary(data):
            raise IngestError(source, "binary file, not text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _detect(data, source)
    if not text.strip():
        raise IngestError(source, "empty file (only whitespace)")
    return normalise_newlines(text)
