"""Incremental resolution: after a judgement, re-resolve only the groups it can change.

A judgement names entities by their names (`resolve/judged.py`); it changes the must-
and cannot-links of the groups that carry those names, the display name of an entity
that carries one, or which review pairs are still offered. Starting from those groups,
the region grows by everything the resolver could join to them (`region`): the other
groups of their nodes and entities, the nodes scored against theirs, the groups of their
gazetteer entries and place names, and every group named by a judgement that names one
of them. On that closed region the steps after scoring are redone
(`resolve.component.resolve_part`) from the full resolution's index
(`store/resolution_index.py`), giving the clusters a full re-resolution would give.

Entity ids are made unique in the order of each cluster's first group, as in the full
resolution: an entity outside the region whose found name a region entity shares may
change id (`moved`), and is rewritten with its new id.

`plan_partial` returns None when it cannot bound the change: no current index, a region
of more than `MAX_REGION` groups, or a judgement that splits a node (a cannot-link
between groups of one fullest name); the caller then re-resolves in full.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from actorgraph.knowledge.names import fold
from actorgraph.resolve.component import resolve_part
from actorgraph.resolve.facilities import facility_links
from actorgraph.resolve.index import seed
from actorgraph.resolve.judged import constraints
from actorgraph.resolve.records import Base, NameGroup
from actorgraph.resolve.stage import (
    MAX_CONTEXT,
    _entity,
    _review,
    division_links,
    found_name,
    lexicon_links,
)
from actorgraph.store import resolution_index as ix
from actorgraph.store.ids import short_hash
from actorgraph.store.judgements import Judgement, judgements
from actorgraph.store.resolution_index import Conn as Connection
from actorgraph.store.store import EntityRecord, Store

MAX_REGION = 200_000     # groups; beyond this a full re-resolution is as cheap


@dataclass
class Partial:
    """An incremental resolution computed but not yet written."""
    entities: list[EntityRecord]                 # the region's entities and the moved ones
    removed: set[str]                            # entity ids replaced by `entities`
    groups: dict[str, str]                       # group id -> entity id (region and moved)
    review: list[tuple]                          # review pairs of the new entities
    index_entities: list[tuple[str, str, str]]   # (id, seed, first group) of new entities
    region: int = 0                              # groups re-resolved
    moved: dict[str, str] = field(default_factory=dict)   # old id -> new id, outside

    @property
    def docs(self) -> set[str]:
        return {gid.split("|", 1)[0] for gid in self.groups}


def _named(judged: Iterable[Judgement]) -> set[str]:
    return {fold(n) for j in judged for n in (j.a, j.b) if n}


def _hyperedges(conn: Connection, live: list[Judgement], changed: list[Judgement]
                ) -> list[set[str]]:
    """The groups each judgement links or keeps apart (all its groups are one region)."""
    out = []
    for j in {j.id: j for j in live + changed}.values():
        if j.action in ("same", "different", "split") and j.b:
            out.append(ix.groups_with_keys(conn, ["n|" + fold(j.a), "n|" + fold(j.b)]))
    return out


def _seeds(conn: Connection, names: set[str]) -> set[str]:
    """The groups carrying a judged name, and those of entities named or shown so."""
    seeds = ix.groups_with_keys(conn, ["n|" + n for n in names])
    return seeds | ix.group_ids_where(conn, "entity_id", ix.entities_named(conn, names))


def region(conn: Connection, seeds: set[str], edges: list[set[str]]
           ) -> tuple[dict[str, ix.GroupRow], list] | None:
    """The closed region around `seeds` (its group rows) and its scored pairs; None when
    it grows past MAX_REGION."""
    rows: dict[str, ix.GroupRow] = {}
    pairs: dict[tuple[str, str], tuple] = {}
    frontier = set(seeds)
    while frontier:
        new_rows = ix.groups_where(conn, "id", frontier)
        rows.update((r.id, r) for r in new_rows)
        if len(rows) > MAX_REGION:
            return None
        nodes = {r.node for r in new_rows}
        found = ix.group_ids_where(conn, "node", nodes)
        found |= ix.group_ids_where(conn, "entity_id", {r.entity_id for r in new_rows})
        for p in ix.pairs_of(conn, nodes):
            pairs[(p[1], p[2])] = p
            found |= {p[1], p[2]}
        found |= ix.group_ids_where(conn, "node", {p[1] for p in pairs.values()}
                                    | {p[2] for p in pairs.values()}) - rows.keys()
        links = [k for ks in ix.keys_of(conn, frontier, ("l|", "d|", "f|")).values()
                 for k in ks]
        found |= ix.groups_with_keys(conn, links)
        for edge in edges:
            if not edge.isdisjoint(frontier):
                found |= edge
        frontier = found - rows.keys()
    return rows, sorted(pairs.values(), key=lambda p: (-p[0], p[1], p[2]))


def _records(conn: Connection, rows: dict[str, ix.GroupRow]) -> list[NameGroup]:
    """The region's name groups, each with its document's context."""
    owns: dict[str, set[str]] = defaultdict(set)
    for r in ix.groups_where(conn, "doc_id", {r.doc_id for r in rows.values()}):
        owns[r.doc_id].add(r.data["own"])
    contexts = {d: frozenset(o) if len(o) <= MAX_CONTEXT else frozenset()
                for d, o in owns.items()}
    return [NameGroup(r.id, r.doc_id, r.data["type"], r.data["kind"],
                      tuple((n, c) for n, c in r.data["names"]), contexts[r.doc_id],
                      r.data["own"]) for r in sorted(rows.values(), key=lambda r: r.id)]


def _base(rows: dict[str, ix.GroupRow], pairs: list) -> Base:
    nodes: dict[str, list[str]] = defaultdict(list)
    for r in sorted(rows.values(), key=lambda r: r.id):
        nodes[r.node].append(r.id)
    return Base(dict(nodes), pairs, {r.id: r.data["oversize"] for r in rows.values()
                                     if "oversize" in r.data})


def _ids(seeds: list[tuple[str, str]], outside: list[tuple[str, str, str]]
         ) -> tuple[dict[int, str], dict[str, str]]:
    """Entity ids made unique as the full resolution makes them: among the claimants of
    one found name, the one with the first first group keeps the plain id. `seeds`: the
    region clusters' (seed, first group); `outside`: other entities' (id, seed, first)."""
    claim: dict[str, list[tuple[str, int | str]]] = defaultdict(list)
    for k, (s, first) in enumerate(seeds):
        claim[s].append((first, k))
    for old, s, first in outside:
        claim[s].append((first, old))
    region_ids: dict[int, str] = {}
    moved: dict[str, str] = {}
    for s, who in claim.items():
        etype, norm = s.split("|", 1)
        for rank, (first, who_) in enumerate(sorted(who, key=lambda w: w[0])):
            eid = ("ent-" + short_hash(etype, norm) if rank == 0
                   else "ent-" + short_hash(etype, norm, first))
            if isinstance(who_, int):
                region_ids[who_] = eid
            elif eid != who_:
                moved[who_] = eid
    return region_ids, moved


def plan_partial(store: Store, changed: list[Judgement]) -> Partial | None:
    """The resolution after the `changed` judgements (recorded or undone), for the region
    they touch only; None when it cannot be bounded (see the module's docstring)."""
    live = judgements(store)
    with store.engine.connect() as conn:
        if not ix.index_ready(conn):
            return None
        found = region(conn, _seeds(conn, _named(changed)), _hyperedges(conn, live, changed))
        if found is None:
            return None
        rows, pairs = found
        records = _records(conn, rows)
        rules = constraints(live, records)
        lexkeys: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for gid, ks in ix.keys_of(conn, rows, ("l|",)).items():
            lexkeys[gid] = sorted((n, etype) for n, etype in (k[2:].rsplit("|", 1) for k in ks))
        result = resolve_part(records, _base(rows, pairs), rules.must, rules.cannot,
                              lexicon_links(records, lexkeys), division_links(records),
                              facility_links(records))
        if result is None:
            return None
        by_id = {g.id: g for g in records}
        sizes = {r.id: r.data["size"] for r in rows.values()}
        surfaces = {r.id: _counter(r.data["surface"]) for r in rows.values()}
        seeds = [(seed(*found_name(c, by_id, sizes)), c[0]) for c in result.clusters]
        old = {r.entity_id for r in rows.values()}
        outside = [e for e in ix.entities_where(conn, "plain", 
            {s for s, _ in seeds} | {s for _, s, _ in ix.entities_where(conn, "id", old)})
            if e[0] not in old]
        region_ids, moved = _ids(seeds, outside)
        moved_groups = {r.id: moved[r.entity_id]
                        for r in ix.groups_where(conn, "entity_id", moved)}
    entities, groups = [], dict(moved_groups)
    for k, cluster in enumerate(result.clusters):
        plain = "ent-" + short_hash(*seeds[k][0].split("|", 1))
        used = set() if region_ids[k] == plain else {plain}
        e = _entity(cluster, sizes, surfaces, by_id, result, rules, used)
        entities.append(e)
        groups.update((gid, e.id) for gid in cluster)
    review = _review(result, groups, entities, rules)
    for old_id, new_id in moved.items():
        was = store.entity_by_id(old_id)
        assert was is not None
        entities.append(EntityRecord(new_id, was.type, was.kind, was.name, was.names,
                                     was.reasons))
    review += [(moved.get(a, a), moved.get(b, b), s, r) for a, b, s, r in store.review_pairs()
               if a in moved or b in moved]
    index_entities = [(e.id, s, c[0]) for e, (s, _), c in zip(entities, seeds, result.clusters)]
    index_entities += [(moved[eid], s, first) for eid, s, first in outside if eid in moved]
    return Partial(entities, old | set(moved), groups, sorted(review), index_entities,
                   len(rows), moved)


def _counter(pairs: list) -> Counter:
    return Counter({n: c for n, c in pairs})
