"""The one record every importer fills: a post (one act of a channel: a message, or an
album collapsed to one) and the channel that made it, each with its file provenance."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path


class ExportError(ValueError):
    """A file that cannot be read as an export; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a post was read: the file, its SHA-256, its format and the original message
    ids (several for an album collapsed to one post)."""
    path: str
    sha256: str
    format: str
    message_ids: tuple[int | str, ...]


@dataclass(frozen=True, slots=True)
class Media:
    """One attached file. `sha256` is the exported file's content hash when the export
    holds the file; otherwise the identity rests on `document_id` (Telethon) or the size,
    dimensions and duration the export gives."""
    kind: str
    file: str | None = None
    sha256: str | None = None
    size: int | None = None
    width: int | None = None
    height: int | None = None
    duration: int | None = None
    mime: str | None = None
    document_id: str | None = None

    def key(self) -> str | None:
        """The identity the same-media detector compares, or None when too little is known."""
        if self.sha256:
            return f"sha256:{self.sha256}"
        if self.document_id:
            return f"doc:{self.document_id}"
        if self.size:
            return f"meta:{self.kind}:{self.size}:{self.width}:{self.height}:{self.duration}"
        return None


@dataclass(frozen=True, slots=True)
class Post:
    """One act of an account. `id` is `<channel_id>:<message_id>` (message ids are per
    chat); `time` is UTC epoch seconds; `text` is flattened; `links` are raw URLs as
    written (visible links and hidden `text_link` targets alike)."""
    id: str
    channel_id: str
    channel_name: str
    message_id: int | str
    time: int
    text: str
    links: tuple[str, ...] = ()
    forwarded_from: str | None = None
    forwarded_from_id: str | None = None
    forwarded_post: str | None = None
    author: str | None = None
    media: tuple[Media, ...] = ()
    edited: int | None = None
    platform: str = "telegram"
    source: Provenance | None = None

    @property
    def utc(self) -> str:
        return utc_iso(self.time)

    @property
    def is_forward(self) -> bool:
        return bool(self.forwarded_from or self.forwarded_from_id or self.forwarded_post)


@dataclass(slots=True)
class Channel:
    """A channel or account seen in the exports, with where it was read: its `handle`
    (the public username, when the export gives one), its `description` (the "about"
    text, when the export gives one) and the ids of its pinned posts."""
    id: str
    name: str
    type: str = "channel"
    platform: str = "telegram"
    sources: list[str] = field(default_factory=list)
    handle: str | None = None
    description: str | None = None
    pinned: list[str] = field(default_factory=list)


def utc_iso(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def utc_day(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
