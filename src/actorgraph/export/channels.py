"""Channels read from exports and who runs them (`store/channels.py`), for the STIX and
FtM exports: one `operates_channel` link per (actor, channel), its rules with their
confidences, its combined confidence (noisy-or of the rules) and the posts behind it;
links an analyst rejected are left out, confirmed ones say so.

The actor is the store's entity whose name folds to the link's actor name (an
organisation, person or country), else a node of its own made from the name
(`actor-…`). In STIX a channel is a `user-account` (as the report-made channels are),
an actor without an entity an `identity` (class `unknown`), the link a relationship
`operates-channel`; in FtM a `UserAccount`, a `LegalEntity`, and an `UnknownLink` (the
account's `owner` too, when confirmed or at confidence 0.7 or more)."""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from actorgraph.knowledge.names import fold
from actorgraph.store.channels import read_channels, read_links
from actorgraph.store.store import Store

ACTOR_TYPES = ("organization", "person", "country")
OWNER_MIN = 0.7


def actor_id(folded: str) -> str:
    return "actor-" + hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


def _link_id(channel: str, folded: str) -> str:
    return "oc-" + hashlib.sha256(f"{channel}|{folded}".encode()).hexdigest()[:20]


def load(store: Store, entities: Iterable[dict[str, Any]]) -> tuple[list[dict], list[dict]]:
    """The channels with a live link, and one link per (actor, channel), rejected ones
    left out; the actor an entity id of `entities` when a name of one folds alike (of
    several, an organisation before a person before a country, then the first by id). `entities` is
    read once, only when there are links, and only the names of the links' actors kept."""
    grouped: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for x in read_links(store):
        grouped[(x["channel_id"], x["actor_folded"])].append(x)
    by_name = _actors(entities, {folded for _, folded in grouped}) if grouped else {}
    links = []
    for (chan, folded), rows in sorted(grouped.items()):
        verdict = rows[0]["verdict"]
        if verdict and verdict["status"] == "rejected":
            continue
        best: dict[str, float] = {}
        for r in rows:
            best[r["rule"]] = max(best.get(r["rule"], 0.0), r["confidence"])
        miss = 1.0
        for c in best.values():
            miss *= 1 - c
        links.append({
            "id": _link_id(chan, folded), "channel": chan, "actor_name": rows[0]["actor"],
            "actor": by_name.get(folded) or actor_id(folded),
            "known_actor": folded in by_name, "confidence": round(1 - miss, 3),
            "status": verdict["status"] if verdict else "unjudged",
            "rules": [{"rule": r["rule"], "confidence": r["confidence"], "detail": r["detail"],
                       "posts": [{"post": e["post"], "utc": e["utc"], "note": e["note"]}
                                 for e in r["evidence"] if e["post"]][:12]} for r in rows]})
    used = {x["channel"] for x in links}
    return [c for c in read_channels(store) if c["id"] in used], links


def _actors(entities: Iterable[dict[str, Any]], folded: set[str]) -> dict[str, str]:
    """folded name -> the entity it names, of the names in `folded`."""
    best: dict[str, tuple[int, str]] = {}
    for e in entities:
        if e["type"] in ACTOR_TYPES:
            rank = (ACTOR_TYPES.index(e["type"]), e["id"])
            for name in [e["name"], *e.get("aliases", [])]:
                key = fold(name)
                if key in folded and rank < best.get(key, (9, "")):
                    best[key] = rank
    return {key: eid for key, (_, eid) in best.items()}


def limit(channels: list[dict], links: list[dict], entities: set[str]
          ) -> tuple[list[dict], list[dict]]:
    """The channels and links of a neighbourhood: those of its actors."""
    kept = [x for x in links if x["actor"] in entities]
    used = {x["channel"] for x in kept}
    return [c for c in channels if c["id"] in used], kept


def evidence_lines(link: dict) -> list[str]:
    """The link's evidence in words: each rule, its confidence and the posts behind it."""
    out = []
    for r in link["rules"]:
        posts = "; ".join(f"{p['post']} at {p['utc']}" for p in r["posts"][:6])
        out.append(f"{r['rule']} ({r['confidence']:.2f}): {r['detail']}"
                   + (f" [posts: {posts}]" if posts else ""))
    return out


def unknown_actors(links: list[dict]) -> dict[str, str]:
    """Actor node id -> name, for the links whose actor is no entity of the store."""
    return {x["actor"]: x["actor_name"] for x in links if not x["known_actor"]}
