"""Telegram Desktop's JSON export (`result.json`), both shapes the writer makes
(tdesktop `export_output_json.cpp`): a single chat (`name`, `type`, `id`, `messages`)
and a full account (`chats.list` and `left_chats.list`, each item a single chat).

- `text` is a string or a list mixing strings and entity objects: it is flattened, and
  links are taken from `link` entities, `text_link.href` and the plain text;
- time is `date_unixtime` (UTC epoch); the offset-less local `date` is never read;
- `forwarded_from` is a display name only (no id, no original message id);
- an album arrives as consecutive messages with the same `date_unixtime` and sender
  (and forward source, for a forwarded album), each with a photo or file and at most one
  caption: it is collapsed to one post;
- service messages (`type: service`) are counted, not posts; a `pin_message` one marks
  its message as the channel's pinned post (the "about" text Desktop exports lack).
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from actorgraph.campaign.records import (
    Channel,
    ExportError,
    Media,
    Post,
    Provenance,
    file_sha256,
)
from actorgraph.campaign.textnorm import urls_in

FORMAT = "telegram-desktop"
NOT_INCLUDED = "(File not included"


@dataclass
class Counts:
    """What a read saw: every message, the service ones, and the posts made of them."""
    messages: int = 0
    service: int = 0
    posts: int = 0
    albums: int = 0
    files: list[str] = field(default_factory=list)


def is_desktop(data: Any) -> bool:
    return isinstance(data, dict) and ("messages" in data or isinstance(data.get("chats"), dict))


def chats_of(data: dict, path: Path) -> list[dict]:
    """The chats of an export of either shape."""
    if "messages" in data:
        return [data]
    chats = []
    for key in ("chats", "left_chats"):
        block = data.get(key)
        if block is None:
            continue
        if not isinstance(block, dict) or not isinstance(block.get("list"), list):
            raise ExportError(f"{path}: `{key}` is not an object with a `list`")
        chats.extend(block["list"])
    return chats


def flatten(text: Any) -> tuple[str, list[str]]:
    """The plain text of a `text` field (string or entity list) and the links it holds."""
    if text is None:
        return "", []
    if isinstance(text, str):
        return text, urls_in(text)
    parts: list[str] = []
    links: list[str] = []
    for piece in text:
        if isinstance(piece, str):
            parts.append(piece)
            links.extend(urls_in(piece))
            continue
        run = str(piece.get("text", ""))
        parts.append(run)
        kind = piece.get("type")
        if kind == "text_link" and piece.get("href"):
            links.append(str(piece["href"]))
        elif kind == "link":
            links.append(run)
        else:
            links.extend(urls_in(run))
    return "".join(parts), list(dict.fromkeys(links))


def _int(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _media(msg: dict, folder: Path, hashes: dict[str, str]) -> list[Media]:
    out = []
    for key, kind in (("photo", "photo"), ("file", "file")):
        rel = msg.get(key)
        if rel is None:
            continue
        rel = str(rel)
        digest = None
        if not rel.startswith(NOT_INCLUDED):
            target = folder / rel
            if target.is_file():
                digest = hashes.get(str(target))
                if digest is None:
                    digest = hashes[str(target)] = file_sha256(target)
        out.append(Media(
            kind=msg.get("media_type") or kind,
            file=None if rel.startswith(NOT_INCLUDED) else rel, sha256=digest,
            size=_int(msg.get(f"{key}_file_size")), width=_int(msg.get("width")),
            height=_int(msg.get("height")), duration=_int(msg.get("duration_seconds")),
            mime=msg.get("mime_type")))
    return out


def _sender(chat: dict, msg: dict) -> tuple[str, str]:
    """The account a message belongs to: the channel itself in a channel, else its sender."""
    if str(chat.get("type", "")).endswith("channel") or not msg.get("from_id"):
        return str(chat.get("id")), str(chat.get("name") or chat.get("id"))
    raw = str(msg["from_id"])
    for prefix in ("channel", "user", "chat"):
        if raw.startswith(prefix):
            raw = raw[len(prefix):]
            break
    return raw, str(msg.get("from") or raw)


def _album_key(msg: dict) -> tuple | None:
    if not (msg.get("photo") or msg.get("file")):
        return None
    return (msg.get("date_unixtime"), msg.get("from_id"), msg.get("forwarded_from"))


def _groups(messages: list[dict]) -> Iterator[list[dict]]:
    """Messages in order, an album's consecutive members as one group."""
    group: list[dict] = []
    for msg in messages:
        key = _album_key(msg)
        if group and key is not None and key == _album_key(group[0]) \
                and sum(1 for m in group + [msg] if m.get("text")) <= 1:
            group.append(msg)
            continue
        if group:
            yield group
        group = [msg]
    if group:
        yield group


def _post(chat: dict, group: list[dict], folder: Path, prov: tuple[str, str],
          hashes: dict[str, str]) -> Post:
    head = group[0]
    stamp = _int(head.get("date_unixtime"))
    if stamp is None:
        raise ExportError(
            f"{prov[0]}: message {head.get('id')} of chat {chat.get('id')} has no "
            "`date_unixtime` (an export from before 2022?); its `date` has no time zone, "
            "so its time cannot be known exactly")
    texts = [flatten(m.get("text")) for m in group]
    text = next((t for t, _ in texts if t), "")
    links = tuple(dict.fromkeys(link for _, ls in texts for link in ls))
    media = tuple(x for m in group for x in _media(m, folder, hashes))
    account, name = _sender(chat, head)
    ids = tuple(_int(m.get("id")) or 0 for m in group)
    return Post(
        id=f"{account}:{ids[0]}", channel_id=account, channel_name=name, message_id=ids[0],
        time=stamp, text=text, links=links, forwarded_from=head.get("forwarded_from"),
        author=head.get("author"), media=media, edited=_int(head.get("edited_unixtime")),
        source=Provenance(prov[0], prov[1], FORMAT, ids))


def read(path: Path, data: dict, counts: Counts) -> tuple[list[Post], list[Channel]]:
    """Posts and channels of one Desktop export already parsed from `path`."""
    prov = (str(path), file_sha256(path))
    hashes: dict[str, str] = {}
    posts: list[Post] = []
    channels: list[Channel] = []
    for chat in chats_of(data, path):
        if not isinstance(chat, dict) or not isinstance(chat.get("messages"), list):
            raise ExportError(f"{path}: a chat without a `messages` list")
        if chat.get("id") is None:
            raise ExportError(f"{path}: chat {chat.get('name')!r} has no `id`")
        chan = Channel(id=str(chat["id"]), name=str(chat.get("name") or chat["id"]),
                       type=str(chat.get("type", "")), sources=[str(path)])
        channels.append(chan)
        regular = []
        for msg in chat["messages"]:
            counts.messages += 1
            if msg.get("type") == "message":
                regular.append(msg)
            else:
                counts.service += 1
                if msg.get("action") == "pin_message" and msg.get("message_id") is not None:
                    chan.pinned.append(f"{chan.id}:{msg['message_id']}")
        for group in _groups(regular):
            posts.append(_post(chat, group, path.parent, prov, hashes))
            counts.albums += len(group) > 1
    counts.posts += len(posts)
    counts.files.append(str(path))
    return posts, channels


def load(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ExportError(f"{path}: not readable JSON: {err}") from None
