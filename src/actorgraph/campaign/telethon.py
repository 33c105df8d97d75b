"""Telethon's `Message.to_dict()` as research collectors store it: a JSON list (or an
object with a `messages` list) or JSON lines, one message each.

- the account is `peer_id.channel_id` (or `user_id`/`chat_id`); time is `date` (UTC:
  an ISO string with or without offset, or epoch seconds);
- text is `message`; links come from `MessageEntityTextUrl.url`, `MessageEntityUrl`
  runs (UTF-16 offsets), the web-page preview and the plain text;
- a forward names its source exactly: `fwd_from.from_id` and `fwd_from.channel_post`;
- media identity is the photo or document id; an album (`grouped_id`) is one post.
"""
from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from actorgraph.campaign.records import Channel, ExportError, Media, Post, Provenance
from actorgraph.campaign.textnorm import urls_in

FORMAT = "telethon"


def is_telethon(item: Any) -> bool:
    return isinstance(item, dict) and item.get("_") in {"Message", "MessageService"}


def epoch(value: Any, where: str) -> int:
    """UTC epoch seconds of a Telethon date (naive ISO strings are UTC, as Telethon's are)."""
    if isinstance(value, int | float):
        return int(value)
    if isinstance(value, str):
        try:
            stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise ExportError(f"{where}: date {value!r} is not ISO 8601") from None
        if stamp.tzinfo is None:
            stamp = stamp.replace(tzinfo=UTC)
        return int(stamp.timestamp())
    raise ExportError(f"{where}: no usable `date`")


def _peer(peer: Any) -> str | None:
    if not isinstance(peer, dict):
        return None
    for key in ("channel_id", "chat_id", "user_id"):
        if peer.get(key) is not None:
            return str(peer[key])
    return None


def _utf16_slice(text: str, offset: int, length: int) -> str:
    raw = text.encode("utf-16-le")
    return raw[2 * offset:2 * (offset + length)].decode("utf-16-le", errors="ignore")


def _links(msg: dict, text: str) -> list[str]:
    links = []
    for ent in msg.get("entities") or []:
        kind = ent.get("_")
        if kind == "MessageEntityTextUrl" and ent.get("url"):
            links.append(str(ent["url"]))
        elif kind == "MessageEntityUrl":
            links.append(_utf16_slice(text, int(ent.get("offset", 0)), int(ent.get("length", 0))))
    media = msg.get("media") or {}
    if media.get("_") == "MessageMediaWebPage" and (media.get("webpage") or {}).get("url"):
        links.append(str(media["webpage"]["url"]))
    links.extend(urls_in(text))
    return list(dict.fromkeys(links))


def _media(msg: dict) -> list[Media]:
    media = msg.get("media") or {}
    kind = media.get("_")
    if kind == "MessageMediaPhoto" and media.get("photo"):
        return [Media(kind="photo", document_id=f"photo{media['photo'].get('id')}")]
    if kind == "MessageMediaDocument" and media.get("document"):
        doc = media["document"]
        duration = next((a.get("duration") for a in doc.get("attributes") or []
                         if a.get("duration") is not None), None)
        return [Media(kind="document", document_id=f"doc{doc.get('id')}", size=doc.get("size"),
                      duration=int(duration) if duration is not None else None,
                      mime=doc.get("mime_type"))]
    return []


def _forward(msg: dict) -> tuple[str | None, str | None, str | None]:
    fwd = msg.get("fwd_from")
    if not isinstance(fwd, dict):
        return None, None, None
    source = _peer(fwd.get("from_id"))
    post = fwd.get("channel_post")
    return (fwd.get("from_name") or None, source,
            f"{source}:{post}" if source and post is not None else None)


def read(path: Path, items: list[Any], sha: str) -> tuple[list[Post], list[Channel], int]:
    """Posts and channels of Telethon message dicts read from `path`; also the count of
    messages seen (service messages included)."""
    posts: list[Post] = []
    channels: dict[str, Channel] = {}
    albums: dict[tuple[str, Any], int] = {}
    seen = 0
    for n, msg in enumerate(items):
        where = f"{path}: message {n + 1}"
        if not is_telethon(msg):
            raise ExportError(f"{where}: not a Telethon message dict (no `_: Message`)")
        seen += 1
        if msg["_"] != "Message":
            continue
        account = _peer(msg.get("peer_id"))
        if account is None:
            raise ExportError(f"{where}: no `peer_id` with a channel, chat or user id")
        name = str(msg.get("chat_title") or msg.get("channel_name") or account)
        channels.setdefault(account, Channel(id=account, name=name, sources=[str(path)]))
        text = str(msg.get("message") or "")
        group = msg.get("grouped_id")
        if group is not None and (account, group) in albums:
            _merge_album(posts, albums[(account, group)], msg, text)
            continue
        fwd_name, fwd_id, fwd_post = _forward(msg)
        edited = msg.get("edit_date")
        posts.append(Post(
            id=f"{account}:{msg.get('id')}", channel_id=account, channel_name=name,
            message_id=msg.get("id"), time=epoch(msg.get("date"), where), text=text,
            links=tuple(_links(msg, text)), forwarded_from=fwd_name, forwarded_from_id=fwd_id,
            forwarded_post=fwd_post, author=msg.get("post_author"), media=tuple(_media(msg)),
            edited=epoch(edited, where) if edited else None,
            source=Provenance(str(path), sha, FORMAT, (int(msg.get("id") or 0),))))
        if group is not None:
            albums[(account, group)] = len(posts) - 1
    return posts, list(channels.values()), seen


def _merge_album(posts: list[Post], index: int, msg: dict, text: str) -> None:
    from dataclasses import replace

    head = posts[index]
    prov = head.source
    assert prov is not None
    posts[index] = replace(
        head, text=head.text or text,
        links=tuple(dict.fromkeys(head.links + tuple(_links(msg, text)))),
        media=head.media + tuple(_media(msg)),
        source=replace(prov, message_ids=prov.message_ids + (int(msg.get("id") or 0),)))
