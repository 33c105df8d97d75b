"""The steps of `resolve.cluster.resolve` after scoring, redone on a part of the groups.

A judgement changes the analyst's must- and cannot-links, never the name groups, their
nodes (unless a cannot-link falls inside one: then nothing here applies) nor the scores
of node pairs, which the last full resolution kept (`resolve.records.Base`). Every union
the resolver makes is along a scored pair, a link or a node, and every guard it asks
looks only at the two clusters of that union; so on a set of groups closed under those
(`resolve/incremental.py` finds one) the steps give the same clusters, merges and review
pairs as on all the groups: the same operations in the same relative order.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from actorgraph.resolve.cluster import (
    _attach_short_form,
    _clusters,
    _Guarded,
    _link,
    _merge_best_first,
    _review,
    _same_name_nodes,
)
from actorgraph.resolve.records import Base, CannotLink, Merge, NameGroup, Resolution, Score

__all__ = ["resolve_part"]


def resolve_part(groups: Sequence[NameGroup], base: Base,
                 must_link: Iterable[tuple[str, str]] = (),
                 cannot_link: Iterable[CannotLink] = (),
                 known_links: Iterable[tuple[str, str]] = (),
                 division_links: Iterable[tuple[str, str]] = (),
                 facility_links: Iterable[tuple[str, str]] = (),
                 merge_at: float = 0.8, review_at: float = 0.5) -> Resolution | None:
    """Cluster `groups` as `cluster.resolve` would among all the groups, from the nodes and
    scored pairs of `base`; None when the judgements make other nodes than `base`'s."""
    links = [(p, "must-link", "analyst judgement") for p in must_link] + [
        (p, "gazetteer", "one gazetteer entry or GeoNames town") for p in known_links] + [
        (p, "division", "a place and its province or region") for p in division_links] + [
        (p, "facility", "one facility of one town") for p in facility_links]
    groups = sorted(groups, key=lambda g: g.id)
    index = {g.id: i for i, g in enumerate(groups)}
    uf = _Guarded(len(groups))
    merges: list[Merge] = []
    stats: Counter[str] = Counter(groups=len(groups))
    _link(uf, index, links, cannot_link, merges, stats)
    nodes, node_profiles = _same_name_nodes(groups, uf, merges)
    heads = [groups[m[0]].id for m in nodes]
    if any(base.nodes.get(h) != [groups[i].id for i in m] for h, m in zip(heads, nodes)):
        return None
    position = {h: k for k, h in enumerate(heads)}
    scored = [(v, position[a], position[b], Score(v, r)) for v, a, b, r in base.pairs
              if a in position and b in position]
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    node_keys = [set(base.oversize.get(h, ())) for h in heads]
    oversize = set().union(*node_keys) if node_keys else set()
    _refused, short_pairs = _merge_best_first(scored, nodes, node_profiles, uf, merges,
                                              merge_at, review_at)
    for k in sorted(short_pairs):
        _attach_short_form(k, short_pairs[k], nodes, node_profiles, node_keys[k], oversize,
                           uf, merges, stats)
    review = _review(scored, nodes, node_profiles, uf, merge_at)
    clusters, reasons = _clusters(groups, index, uf, merges)
    return Resolution(clusters, review, reasons, [], dict(stats))
