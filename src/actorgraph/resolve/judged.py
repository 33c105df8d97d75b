"""Turn the analyst's judgements into constraints on name groups.

Judgements name entities by their names, never by ids (ids are rebuilt on
every resolution), so they keep their meaning after re-ingest:

- same A B       -> every group carrying name A is linked with every group carrying B
- different A B  -> no group carrying A may join a group carrying B
- split A N      -> groups carrying N are kept apart from A's other groups
- unsure A B     -> the pair is not offered for review again
- rename A N     -> the entity carrying A is displayed as N
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from actorgraph.knowledge.names import fold
from actorgraph.resolve.records import CannotLink, NameGroup


@dataclass
class Constraints:
    must: list[tuple[str, str]] = field(default_factory=list)
    cannot: list[CannotLink] = field(default_factory=list)   # one per judgement
    renames: dict[str, str] = field(default_factory=dict)     # folded name -> display name
    settled: set[frozenset[str]] = field(default_factory=set)  # folded name pairs not to review


def constraints(judgements, groups: list[NameGroup]) -> Constraints:
    """Constraints for `resolve()` from the live judgements."""
    carrying: dict[str, list[str]] = defaultdict(list)
    for g in groups:
        for name in {fold(n) for n, _ in g.names}:
            carrying[name].append(g.id)
    out = Constraints()
    for j in judgements:
        a = fold(j.a)
        b = fold(j.b) if j.b else None
        if j.action == "same" and b:
            ids = carrying.get(a, []) + carrying.get(b, [])
            out.must.extend((ids[0], other) for other in ids[1:])
            out.settled.add(frozenset((a, b)))
        elif j.action in ("different", "split") and b:
            left = set(carrying.get(a, []))
            right = set(carrying.get(b, []))
            if j.action == "split":
                left -= right
            if left and right:
                out.cannot.append((tuple(sorted(left)), tuple(sorted(right))))
            out.settled.add(frozenset((a, b)))
        elif j.action == "unsure" and b:
            out.settled.add(frozenset((a, b)))
        elif j.action == "rename" and j.value:
            out.renames[a] = j.value
    return out
