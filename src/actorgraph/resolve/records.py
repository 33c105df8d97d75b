"""Records of the entity-resolution stage: what goes in and what comes out.

Plain frozen dataclasses like those of :mod:`actorgraph.model`: the resolver
is a pure function from a list of :class:`NameGroup` to a :class:`Resolution`,
with no database and no NLP objects.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class NameGroup:
    """All the mentions of one actor within one document.

    `names` holds the surface forms with their counts, e.g.
    (("Tawhid Ibrahim Begli", 1), ("Ibrahim Begli", 5), ("Begli", 2));
    `type` is one of person/organization/country/place/channel, `kind` the
    organisation kind (see model.ORG_KINDS) or None; `context` the normalised
    names of the entities of the same document, `own` this group's among them: the
    others (`others`) are weak evidence and break ties. The groups of one document
    share one `context` set, so memory stays linear in the number of actors.
    """

    id: str
    doc: str
    type: str
    kind: str | None
    names: tuple[tuple[str, int], ...]
    context: frozenset[str] = frozenset()
    own: str = ""

    def others(self) -> frozenset[str]:
        """The names of the other entities of its document (a new set: use it and drop it)."""
        return self.context - {self.own}


@dataclass(frozen=True)
class Score:
    """How alike two name groups are (0..1) and why."""

    value: float
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Candidate:
    """A pair of groups that are possibly the same actor, for an analyst to judge."""

    a: str
    b: str
    score: float
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Merge:
    """One union made by the resolver: which groups, by which rule, why.

    `rule` is "must-link" (an analyst's judgement), "gazetteer" (names of one gazetteer
    entry or GeoNames town), "same-name" (same type
    and identical folded name, or the same transliteration class of every
    word), "compare" (a scored pair at or above the merge
    threshold) or "short-form" (a one-word person name joined to the only
    full name that fits it).
    """

    a: str
    b: str
    score: float
    rule: str
    reasons: tuple[str, ...] = ()


# Two group ids, or two sides of group ids (every group of one side apart from every
# group of the other: a judgement on names said in many reports, linear in them)
CannotLink = tuple[str | tuple[str, ...], str | tuple[str, ...]]


@dataclass
class Base:
    """What the steps after scoring start from, by group ids: each node (groups of one
    fullest name, united without comparison) under its first group's id, the pairs of
    nodes scored at or above the review threshold as (score, node, node, reasons) best
    first, and each node's blocking keys too common to pair all their members (those a
    short form looks at). None of it depends on the analyst's judgements as long as no
    judgement splits a node."""

    nodes: dict[str, list[str]]
    pairs: list[tuple[float, str, str, tuple[str, ...]]]
    oversize: dict[str, list[str]]


@dataclass
class Resolution:
    """The result of :func:`actorgraph.resolve.cluster.resolve`.

    `clusters`: lists of NameGroup ids, each sorted, ordered by first id.
    `review`: pairs between the review and merge thresholds left apart
    (plus merges refused by a name conflict), best first.
    `reasons`: for each cluster with more than one group, keyed by its first
    id, the list of :class:`Merge` records that built it.
    `refused`: merges that scored high enough but were refused, with why.
    `stats`: counts for benchmarks and logs (groups, pairs compared, ...).
    """

    clusters: list[list[str]]
    review: list[Candidate]
    reasons: dict[str, list[Merge]]
    refused: list[Candidate] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)
    base: Base | None = None

    def cluster_of(self, group_id: str) -> list[str] | None:
        """The cluster that holds `group_id`, or None."""
        for cluster in self.clusters:
            if group_id in cluster:
                return cluster
        return None

    def together(self, a: str, b: str) -> bool:
        """True when groups `a` and `b` ended up in one cluster."""
        cluster = self.cluster_of(a)
        return cluster is not None and b in cluster
