"""Writing a synthetic plan (`synthetic.plan`) as Telegram Desktop exports, with its
ground truth beside them: `OUT/exports/<channel>/result.json` (single-chat shape, media
under `photos/`), `OUT/exports/account/result.json` (full-account shape: several channels
in `chats.list`, media under `chats/chat_NNN/photos/`) and `OUT/truth.json`."""
from __future__ import annotations

import hashlib
import json
import zlib
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

from actorgraph.campaign import synthetic_text as bank
from actorgraph.campaign.synthetic import (
    LOCAL_OFFSET,
    PLACEHOLDER,
    START,
    Chan,
    Config,
    Plan,
    Planned,
    plan,
)
from actorgraph.campaign.synthetic_operators import plant


def _local(t: int) -> str:
    """`date` as Desktop writes it: the exporting machine's local time, no offset."""
    return datetime.fromtimestamp(t + LOCAL_OFFSET, UTC).strftime("%Y-%m-%dT%H:%M:%S")


def _text_field(p: Planned) -> tuple[object, list[dict]]:
    """`text` (a string, or a list of strings and entity objects) and `text_entities`."""
    if p.link:
        label = bank.LINK_LABEL[p.lang]
        ent = ({"type": "text_link", "text": label, "href": p.link}
               if p.link_style == "text_link" else {"type": "link", "text": p.link})
        return [p.text + " ", ent], [{"type": "plain", "text": p.text + " "}, ent]
    if p.text.count(". ") and zlib.crc32(p.text.encode()) % 5 == 0:
        head, _, tail = p.text.partition(". ")
        bold = {"type": "bold", "text": head + "."}
        return [bold, " " + tail], [bold, {"type": "plain", "text": " " + tail}]
    return p.text, [{"type": "plain", "text": p.text}]


def _media_bytes(ident: str) -> bytes:
    seed = hashlib.sha256(ident.encode()).digest()
    return seed * (16 + seed[0] % 48)


def _messages(chan: Chan, posts: list[Planned], media_dir: str, folder: Path,
              ) -> list[dict]:
    out: list[dict] = [{"id": 1, "type": "service", "date": _local(START - 86400),
                        "date_unixtime": str(START - 86400), "actor": chan.name,
                        "actor_id": f"channel{chan.id}", "action": "create_channel",
                        "title": chan.name, "text": "", "text_entities": []}]
    mid = 2
    for p in posts:
        p.mid, p.pid = mid, f"{chan.id}:{mid}"
        for k in range(p.album):
            msg: dict = {"id": mid, "type": "message", "date": _local(p.t),
                         "date_unixtime": str(p.t), "from": chan.name,
                         "from_id": f"channel{chan.id}"}
            if p.edited:
                msg["edited"] = _local(p.t + 120)
                msg["edited_unixtime"] = str(p.t + 120)
            if p.fwd_of is not None or p.fwd_name:
                msg["forwarded_from"] = p.fwd_name
            if p.author:
                msg["author"] = p.author
            if p.media:
                _photo(msg, p, k, mid, media_dir, folder)
            text, entities = _text_field(p) if k == 0 else ("", [])
            msg["text"], msg["text_entities"] = text, entities
            out.append(msg)
            mid += 1
        if p.mid % 97 == 0 or p.pinned:
            out.append({"id": mid, "type": "service", "date": _local(p.t + 5),
                        "date_unixtime": str(p.t + 5), "actor": chan.name,
                        "actor_id": f"channel{chan.id}", "action": "pin_message",
                        "message_id": p.mid, "text": "", "text_entities": []})
            mid += 1
    return out


def _photo(msg: dict, p: Planned, k: int, mid: int, media_dir: str, folder: Path) -> None:
    ident = f"{p.media}.{k}"
    data = _media_bytes(ident)
    if p.media_file:
        stamp = datetime.fromtimestamp(p.t + LOCAL_OFFSET, UTC).strftime("%d-%m-%Y_%H-%M-%S")
        rel = f"{media_dir}photos/photo_{mid}@{stamp}.jpg"
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        msg["photo"], msg["photo_file_size"] = rel, len(data)
    else:
        msg["photo"] = PLACEHOLDER
        msg["photo_file_size"] = 40_000 + int.from_bytes(data[:4]) % 3_000_000
    msg["width"], msg["height"] = 1280, 720 + data[1] % 8 * 10


def _chat(chan: Chan, posts: list[Planned], media_dir: str, folder: Path) -> dict:
    return {"name": chan.name, "type": "public_channel", "id": chan.id,
            "messages": _messages(chan, posts, media_dir, folder)}


def _dump(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)


def _objects(p: Planned) -> dict[str, str]:
    if p.fwd_of is not None:
        return {"forward": f"fwd:{p.fwd_of.pid}"}
    if p.ext_key:
        return {"forward": f"fwd:{p.ext_key}"}
    objs = {"text": p.text_key, "neardup": p.nd_key, "link": p.link_key,
            "media": f"media:{p.media}" if p.media and p.album == 1 else None}
    return {k: v for k, v in objs.items() if v}


def write(cfg: Config, out: Path) -> dict:
    """Write the exports and `truth.json` under `out`; return the truth."""
    pl = plan(cfg)
    pl.operators = plant(pl)
    by_chan: dict[int, list[Planned]] = defaultdict(list)
    for p in sorted(pl.posts, key=lambda p: p.t):
        by_chan[p.ch].append(p)
    organic = [c for c in pl.chans if c.role == "organic"]
    in_account = {c.index for c in organic[:cfg.account_export]}
    for p in pl.posts:                      # forwards name their source as Desktop does
        if p.fwd_of is not None:
            p.fwd_name = pl.chans[p.fwd_of.ch].name
    exports = out / "exports"
    account_chats: list[dict] = []
    for chan in pl.chans:
        if chan.index in in_account:
            rel = f"chats/chat_{len(account_chats) + 1:03d}/"
            account_chats.append(_chat(chan, by_chan[chan.index], rel, exports / "account"))
        else:
            folder = exports / f"channel_{chan.id}"
            _dump(folder / "result.json", _chat(chan, by_chan[chan.index], "", folder))
    _dump(exports / "account" / "result.json", {
        "about": "Here is the data you requested.",
        "personal_information": {"user_id": 1, "first_name": "Analyst", "last_name": "",
                                 "phone_number": "", "bio": ""},
        "profile_pictures": [], "contacts": {"about": "", "list": []},
        "frequent_contacts": {"about": "", "list": []}, "sessions": {"about": "", "list": []},
        "web_sessions": {"about": "", "list": []}, "other_data": {},
        "chats": {"about": "", "list": account_chats}, "left_chats": {"about": "", "list": []}})
    truth = _truth(cfg, pl)
    _dump(out / "truth.json", truth)
    return truth


def _truth(cfg: Config, pl: Plan) -> dict:
    spike = datetime.fromtimestamp(START + cfg.spike_day * 86400, UTC).strftime("%Y-%m-%d")
    return {
        "seed": cfg.seed, "window": cfg.window, "local_offset_seconds": LOCAL_OFFSET,
        "channels": [{"id": str(c.id), "name": c.name, "lang": c.lang, "role": c.role,
                      "cluster": c.cluster} for c in pl.chans],
        "clusters": [[str(c.id) for c in pl.chans if c.cluster == k]
                     for k in range(cfg.clusters)],
        "decoys": [str(c.id) for c in pl.chans if c.role in {"organic", "aggregator"}],
        "messages": sum(p.album for p in pl.posts) + len(pl.chans)
        + sum(1 for p in pl.posts if p.mid % 97 == 0 or p.pinned),
        "posts": {p.pid: {"t": p.t, "narrative": p.narrative, "objects": _objects(p)}
                  for p in pl.posts},
        "spike": {"narrative": "public-gathering", "day": spike},
        "unresolved_forward_names": ["Caspian Wire Service"],
        "operators": pl.operators,
    }


def generate(out: str | Path, seed: int = 1, posts: int = 3000) -> dict:
    """The command's entry: a synthetic export set of about `posts` posts under `out`."""
    return write(Config(seed=seed, posts=posts), Path(out))
