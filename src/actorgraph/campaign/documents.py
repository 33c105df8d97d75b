"""Posts as documents, so `actorgraph ingest` reads channel exports like reports: each
post with text becomes a document (`source` is `FILE#CHANNEL:MESSAGE`, the publisher the
channel, the author the post's signature, the publication date its UTC day), whose text
goes through the same extraction in its own language, so a post that names a group links
to it. The same text posted by several channels is one document, as for reports."""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from actorgraph.campaign.importers import SUFFIXES, read_exports
from actorgraph.campaign.records import ExportError, Post, utc_day
from actorgraph.model import DocumentMeta, LoadedDocument

SIDECAR = ".meta.json"


def is_export_path(source: str) -> bool:
    """Whether `source` is a local file of a suffix an export may have."""
    low = source.lower()
    return (not low.startswith(("http://", "https://")) and not low.endswith(SIDECAR)
            and Path(low).suffix in SUFFIXES)


def exports_in(paths: Iterable[str]) -> list[str]:
    """Files under the given folders that read as channel exports (others are skipped,
    as folders' unsupported files always were)."""
    found = []
    for given in paths:
        if not os.path.isdir(given):
            continue
        for path in sorted(Path(given).rglob("*")):
            if path.is_file() and is_export_path(str(path)) and \
                    not any(part.startswith(".") for part in path.parts):
                try:
                    read_exports([path])
                except ExportError:
                    continue
                found.append(str(path))
    return found


def document(post: Post, path: str, overrides: DocumentMeta) -> LoadedDocument:
    data = post.text.encode("utf-8")
    meta = DocumentMeta(title=f"{post.channel_name}: post {post.message_id}",
                        publisher=post.channel_name, author=post.author,
                        published=utc_day(post.time)).merged(overrides)
    return LoadedDocument(source=f"{path}#{post.id}", media_type="text/plain", original=data,
                          text=post.text, meta=meta, sha256=hashlib.sha256(data).hexdigest())


def post_documents(path: str, overrides: DocumentMeta | None = None
                   ) -> Iterator[LoadedDocument]:
    """The documents of one export file's posts with text (ExportError if it is none)."""
    for post in read_exports([path]).posts:
        if post.text.strip():
            yield document(post, path, overrides or DocumentMeta())
