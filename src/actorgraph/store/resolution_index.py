"""The resolution index: what a full resolution keeps so that a judgement re-resolves
only the groups it touches (`resolve/incremental.py`). Written with every full
resolution (`facts.replace_resolution`), updated by every incremental one; the store
state key `resolution_index` says it follows from the stored documents (a write of
entities that bypasses it removes the key, and the next judgement re-resolves in full).
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, or_, select, update

from actorgraph.store import schema as t

READY = "resolution_index"
Conn = Connection          # for the modules above the store, which never import SQLAlchemy
CHUNK = 500


@dataclass
class GroupRow:
    id: str              # doc id|mention key
    doc_id: str
    key: str
    entity_id: str
    node: str            # the id of the first group of its node
    data: dict           # type, kind, names, own, size, surface, oversize


@dataclass
class ResolutionIndex:
    groups: list[GroupRow]
    keys: list[tuple[str, str]]                              # (key, group id)
    pairs: list[tuple[float, str, str, tuple[str, ...]]]     # (score, node, node, reasons)
    entities: list[tuple[str, str, str]]                     # (id, plain id, first group)


def _chunks(values: Iterable[str]) -> Iterator[list[str]]:
    items = sorted(set(values))
    for i in range(0, len(items), CHUNK):
        yield items[i:i + CHUNK]


def write_index(conn: Connection, index: ResolutionIndex) -> None:
    """Replace the whole index (in the caller's transaction) and mark it current. The rows
    are made a batch at a time: a group's row holds its data as JSON, and there is one
    group per document and actor."""
    for table in (t.resolve_groups, t.resolve_keys, t.resolve_pairs, t.resolve_entities):
        conn.execute(delete(table))
    tables: list[tuple[Table, list, Callable[[Any], dict]]] = [
        (t.resolve_groups, index.groups, lambda g: {
            "id": g.id, "doc_id": g.doc_id, "key": g.key, "entity_id": g.entity_id,
            "node": g.node, "data": json.dumps(g.data, sort_keys=True)}),
        (t.resolve_keys, index.keys, lambda kg: {"key": kg[0], "group_id": kg[1]}),
        (t.resolve_pairs, index.pairs, lambda p: {"a": p[1], "b": p[2], "score": p[0],
                                                  "reasons": json.dumps(list(p[3]))}),
        (t.resolve_entities, index.entities, lambda e: {"id": e[0], "plain": e[1],
                                                        "first": e[2]})]
    for table, items, row in tables:
        for i in range(0, len(items), 5000):
            conn.execute(insert(table), [row(x) for x in items[i:i + 5000]])
    mark_index(conn, True)


def mark_index(conn: Connection, ready: bool) -> None:
    conn.execute(delete(t.store_state).where(t.store_state.c.key == READY))
    if ready:
        conn.execute(insert(t.store_state).values(key=READY, value="current"))


def index_ready(conn: Connection) -> bool:
    return conn.execute(select(t.store_state.c.value).where(
        t.store_state.c.key == READY)).scalar() is not None


def entities_named(conn: Connection, folded: Iterable[str]) -> set[str]:
    """Ids of the entities with a name (shown or found) that folds to one of `folded`."""
    out: set[str] = set()
    for part in _chunks(folded):
        out.update(conn.execute(select(t.entity_names.c.entity_id).where(
            t.entity_names.c.folded.in_(part))).scalars())
    return out


def _group(r) -> GroupRow:
    return GroupRow(r.id, r.doc_id, r.key, r.entity_id, r.node, json.loads(r.data))


def groups_where(conn: Connection, column: str, values: Iterable[str]) -> list[GroupRow]:
    """The groups whose `column` (id, doc_id, entity_id or node) is one of `values`."""
    col = t.resolve_groups.c[column]
    out = []
    for part in _chunks(values):
        out += [_group(r) for r in conn.execute(select(t.resolve_groups).where(col.in_(part)))]
    return out


def group_ids_where(conn: Connection, column: str, values: Iterable[str]) -> set[str]:
    col = t.resolve_groups.c[column]
    out: set[str] = set()
    for part in _chunks(values):
        out.update(conn.execute(select(t.resolve_groups.c.id).where(col.in_(part))).scalars())
    return out


def groups_with_keys(conn: Connection, keys: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for part in _chunks(keys):
        out.update(conn.execute(select(t.resolve_keys.c.group_id).where(
            t.resolve_keys.c.key.in_(part))).scalars())
    return out


def keys_of(conn: Connection, groups: Iterable[str], prefixes: tuple[str, ...]
            ) -> dict[str, list[str]]:
    """group id -> its keys that start with one of `prefixes`."""
    out: dict[str, list[str]] = {}
    for part in _chunks(groups):
        for key, gid in conn.execute(select(t.resolve_keys.c.key, t.resolve_keys.c.group_id)
                                     .where(t.resolve_keys.c.group_id.in_(part))):
            if key.startswith(prefixes):
                out.setdefault(gid, []).append(key)
    return out


def pairs_of(conn: Connection, nodes: Iterable[str]
             ) -> list[tuple[float, str, str, tuple[str, ...]]]:
    """The scored pairs with one of `nodes` on either side."""
    p = t.resolve_pairs.c
    seen: dict[tuple[str, str], tuple[float, str, str, tuple[str, ...]]] = {}
    for part in _chunks(nodes):
        for r in conn.execute(select(t.resolve_pairs).where(or_(p.a.in_(part),
                                                                p.b.in_(part)))):
            seen[(r.a, r.b)] = (r.score, r.a, r.b, tuple(json.loads(r.reasons)))
    return list(seen.values())


def entities_where(conn: Connection, column: str, values: Iterable[str]
                   ) -> list[tuple[str, str, str]]:
    """(id, seed, first group) of the entities whose `column` (id or plain) is in `values`."""
    col = t.resolve_entities.c[column]
    out = []
    for part in _chunks(values):
        out += [(r.id, r.plain, r.first) for r in conn.execute(
            select(t.resolve_entities).where(col.in_(part)))]
    return out


def update_index(conn: Connection, group_entity: dict[str, str], removed: Iterable[str],
                 added: Iterable[tuple[str, str, str]]) -> None:
    """After an incremental resolution: groups moved to other entities, entities gone
    and entities made (id, plain id, first group)."""
    by_entity: dict[str, list[str]] = {}
    for gid, eid in group_entity.items():
        by_entity.setdefault(eid, []).append(gid)
    for eid, gids in by_entity.items():
        for part in _chunks(gids):
            conn.execute(update(t.resolve_groups).where(t.resolve_groups.c.id.in_(part))
                         .values(entity_id=eid))
    for part in _chunks(removed):
        conn.execute(delete(t.resolve_entities).where(t.resolve_entities.c.id.in_(part)))
    rows = [{"id": i, "plain": p, "first": f} for i, p, f in added]
    if rows:
        conn.execute(insert(t.resolve_entities), rows)
