"""What a full resolution keeps for the incremental ones (`resolve/incremental.py`).

Everything here follows from the documents alone, not from the analyst's judgements,
as long as no judgement splits a node (groups of one fullest name): each name group's
record (its type settled by the votes of all documents, its names, its document-level
name), its nodes, the node pairs scored at or above the review threshold, the keys
that join groups without a comparison (gazetteer entries, place names), and each
entity's id before it was made unique.
"""
from __future__ import annotations

from collections import Counter

from actorgraph.knowledge.lexicon import normalize_form
from actorgraph.knowledge.names import fold
from actorgraph.resolve.records import Base, NameGroup
from actorgraph.store.resolution_index import GroupRow, ResolutionIndex


def group_data(g: NameGroup, size: int, surface: Counter, oversize: list[str]) -> dict:
    """A group's record as stored (its document's context is rebuilt from the `own` of
    the document's groups)."""
    data: dict = {"type": g.type, "kind": g.kind, "names": [list(nc) for nc in g.names],
                  "own": g.own, "size": size, "surface": sorted(surface.items())}
    if oversize:
        data["oversize"] = oversize
    return data


def name_keys(g: NameGroup) -> list[str]:
    """The keys a judgement finds a group by: its names, folded."""
    return sorted({"n|" + fold(n) for n, _ in g.names})


def build_index(records: list[NameGroup], sizes: dict[str, int],
                surfaces: dict[str, Counter], group_entity: dict[str, str], base: Base,
                link_keys: dict[str, list[str]],
                found: dict[str, tuple[tuple[str, str], str]]) -> ResolutionIndex:
    """The index of a full resolution: `link_keys` the gazetteer and place keys of each
    group, `found` each entity's ((type, found name), first group)."""
    node_of = {gid: head for head, members in base.nodes.items() for gid in members}
    rows = []
    keys: list[tuple[str, str]] = []
    for g in records:
        doc, key = g.id.split("|", 1)
        rows.append(GroupRow(g.id, doc, key, group_entity[g.id], node_of[g.id],
                             group_data(g, sizes[g.id], surfaces[g.id],
                                        base.oversize.get(g.id, []))))
        keys.extend((k, g.id) for k in sorted(set(name_keys(g) + link_keys[g.id])))
    return ResolutionIndex(rows, keys, base.pairs,
                           [(eid, seed(etype, name), first)
                            for eid, ((etype, name), first) in sorted(found.items())])


def seed(etype: str, name: str) -> str:
    """What an entity's id is made from: its type and found name (normalised)."""
    return f"{etype}|{normalize_form(name)}"
