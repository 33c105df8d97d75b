"""A plain table of posts, CSV or JSON lines, for data from any other collector. The
columns (docs/formats.md, "Posts for campaign analysis"):

    channel_id (required), post_id (required), timestamp (required: epoch seconds, or
    ISO 8601 with an offset or Z), channel_name, text, links (space-separated),
    forwarded_from, forwarded_from_id, forwarded_post_id, media (space-separated ids or
    hashes), author, platform, channel_handle, channel_description

A timestamp without an offset is an error: its time zone cannot be known.
"""
from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from actorgraph.campaign.records import Channel, ExportError, Media, Post, Provenance
from actorgraph.campaign.textnorm import urls_in

FORMAT = "posts-table"
REQUIRED = ("channel_id", "post_id", "timestamp")


def _epoch(value: Any, where: str) -> int:
    text = str(value).strip()
    if text.lstrip("-").isdigit():
        return int(text)
    try:
        stamp = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ExportError(f"{where}: timestamp {text!r} is neither epoch seconds nor "
                          "ISO 8601") from None
    if stamp.tzinfo is None:
        raise ExportError(f"{where}: timestamp {text!r} has no offset; write it in UTC "
                          "(…Z) or with its offset, or as epoch seconds")
    return int(stamp.timestamp())


def _split(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value if v]
    return str(value or "").split()


def _row_post(row: dict, where: str, path: Path, sha: str) -> Post:
    missing = [c for c in REQUIRED if not str(row.get(c) or "").strip()]
    if missing:
        raise ExportError(f"{where}: missing {', '.join(missing)}")
    account = str(row["channel_id"]).strip()
    pid = str(row["post_id"]).strip()
    text = str(row.get("text") or "")
    links = list(dict.fromkeys(_split(row.get("links")) + urls_in(text)))
    media = tuple(Media(kind="file", document_id=m) for m in _split(row.get("media")))
    fwd_id = str(row.get("forwarded_from_id") or "").strip() or None
    fwd_post = str(row.get("forwarded_post_id") or "").strip() or None
    return Post(
        id=f"{account}:{pid}", channel_id=account,
        channel_name=str(row.get("channel_name") or account), message_id=pid,
        time=_epoch(row["timestamp"], where), text=text, links=tuple(links),
        forwarded_from=str(row.get("forwarded_from") or "").strip() or None,
        forwarded_from_id=fwd_id,
        forwarded_post=f"{fwd_id}:{fwd_post}" if fwd_id and fwd_post else None,
        author=str(row.get("author") or "").strip() or None, media=media,
        platform=str(row.get("platform") or "telegram"),
        source=Provenance(str(path), sha, FORMAT, (pid,)))


def read_rows(path: Path, rows: list[dict], sha: str) -> tuple[list[Post], list[Channel]]:
    posts = []
    channels: dict[str, Channel] = {}
    for n, row in enumerate(rows):
        if not isinstance(row, dict):
            raise ExportError(f"{path}: row {n + 1} is not an object")
        post = _row_post(row, f"{path}: row {n + 1}", path, sha)
        posts.append(post)
        chan = channels.setdefault(post.channel_id, Channel(
            id=post.channel_id, name=post.channel_name, platform=post.platform,
            sources=[str(path)]))
        chan.handle = chan.handle or str(row.get("channel_handle") or "").strip() or None
        chan.description = (chan.description
                            or str(row.get("channel_description") or "").strip() or None)
    return posts, list(channels.values())


def csv_rows(path: Path) -> list[dict]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
            if missing:
                raise ExportError(f"{path}: no column {', '.join(missing)} "
                                  "(see docs/formats.md, posts for campaign analysis)")
            return list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise ExportError(f"{path}: not a readable CSV: {err}") from None


def jsonl_rows(path: Path) -> list[Any]:
    rows = []
    try:
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                if line.strip():
                    try:
                        rows.append(json.loads(line))
                    except json.JSONDecodeError as err:
                        raise ExportError(f"{path}: line {n + 1} is not JSON: {err}") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ExportError(f"{path}: not readable: {err}") from None
    return rows
