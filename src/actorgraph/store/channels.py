"""Channels read from exports and their `operates_channel` links (tables `channels`,
`channel_links`), and the analyst's judgements of those links. The rows are made by
`campaign/channel_store.py`; this module only reads and writes them.

A link is judged like an entity: an append-only entry in the judgements log (`confirm`
or `reject`, a = the channel's id, b = the actor's name, value = `operates_channel`),
newest live one wins; a recomputation of the links keeps the judgements."""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, insert, select

from actorgraph.knowledge.names import fold
from actorgraph.store import schema as t
from actorgraph.store.db import now, write_transaction
from actorgraph.store.judgements import Judgement, judgements
from actorgraph.store.store import Store

PREDICATE = "operates_channel"


@dataclass(frozen=True)
class Verdict:
    """The live judgement of one link: confirmed or rejected, by whom, when, why."""
    status: str          # confirmed | rejected
    judgement: int
    author: str
    created_at: str
    reason: str | None


def write(store: Store, channels: Iterable[dict], links: Iterable[dict]) -> tuple[int, int]:
    """Store channels (each replacing the row of its key) and replace the links of every
    channel given, in one transaction; returns (channels, links) written."""
    rows = list(channels)
    made = list(links)
    stamp = now()
    ids = [r["id"] for r in rows]
    with write_transaction(store.engine) as conn:
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            conn.execute(delete(t.channel_links).where(t.channel_links.c.channel_id.in_(part)))
            conn.execute(delete(t.channels).where(t.channels.c.id.in_(part)))
        if rows:
            conn.execute(insert(t.channels), [
                {**r, "sources": json.dumps(r.get("sources", []), ensure_ascii=False),
                 "updated_at": stamp} for r in rows])
        if made:
            conn.execute(insert(t.channel_links), [
                {**x, "evidence": json.dumps(x["evidence"], ensure_ascii=False),
                 "computed_at": stamp} for x in made])
    return len(rows), len(made)


def _channel(row) -> dict:
    out = dict(row._mapping)
    out["sources"] = json.loads(out["sources"] or "[]")
    out["name_only"] = bool(out["name_only"])
    return out


def read_channels(store: Store, ids: Iterable[str] | None = None) -> list[dict]:
    """Every channel (or those of `ids`), by id."""
    q = select(t.channels).order_by(t.channels.c.id)
    if ids is not None:
        q = q.where(t.channels.c.id.in_(list(ids)))
    with store.engine.connect() as conn:
        return [_channel(r) for r in conn.execute(q)]


def find_channel(store: Store, ref: str) -> dict | None:
    """A channel by id, key (PLATFORM:ID), native id or display name (folded)."""
    c = t.channels.c
    with store.engine.connect() as conn:
        for cond in (c.id == ref, c.key == ref, c.native_id == ref, c.folded == fold(ref)):
            row = conn.execute(select(t.channels).where(cond).order_by(c.id)).first()
            if row is not None:
                return _channel(row)
    return None


def read_links(store: Store, channel_id: str | None = None) -> list[dict]:
    """The links (of one channel), each with its evidence list and live verdict."""
    q = select(t.channel_links).order_by(t.channel_links.c.channel_id,
                                         t.channel_links.c.actor_folded, t.channel_links.c.id)
    if channel_id is not None:
        q = q.where(t.channel_links.c.channel_id == channel_id)
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(q)]
    verdicts = link_verdicts(store)
    for r in rows:
        r["evidence"] = json.loads(r["evidence"])
        v = verdicts.get((r["channel_id"], r["actor_folded"]))
        r["verdict"] = v.__dict__ if v else None
    return rows


def verdicts_of(log: Iterable[Judgement]) -> dict[tuple[str, str], Verdict]:
    """The newest live confirm / reject per (channel id, folded actor)."""
    out: dict[tuple[str, str], Verdict] = {}
    for j in log:
        if j.action in ("confirm", "reject") and j.b and (j.value or PREDICATE) == PREDICATE:
            out[(j.a, fold(j.b))] = Verdict("confirmed" if j.action == "confirm" else
                                            "rejected", j.id, j.author, j.created_at, j.reason)
    return out


def link_verdicts(store: Store) -> dict[tuple[str, str], Verdict]:
    return verdicts_of(judgements(store))
