"""The coordination network: post pairs folded into account–account edges. An edge's
weight is the number of distinct objects the two accounts shared within the window
(per rule, and over all rules together). Edges are dropped, in this order:

1. below `min_repetitions` (CooRTweet's `min_participation`, 2);
2. below `min_share`: the weight as a share of the busier account's posts. A hyperactive
   account (an aggregator forwarding everything) co-shares with everyone now and then;
   its edges are heavy in count but a tiny share of its activity (the concern behind
   CooRTweet's edge symmetry score and the coordination-network-toolkit's co-post
   baseline). 0 keeps all;
3. below the `percentile` of the remaining weights (CooRnet keeps the top 10 %, 0.9;
   CooRTweet the upper half, 0.5; 0 keeps all).

Every edge keeps its post pairs."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from actorgraph.campaign.pairs import PostPair


@dataclass
class Edge:
    a: str
    b: str
    pairs: list[PostPair] = field(default_factory=list)

    @property
    def objects(self) -> set[tuple[str, str]]:
        return {(p.rule, p.object) for p in self.pairs}

    @property
    def weight(self) -> int:
        return len(self.objects)

    def rule_weights(self) -> dict[str, int]:
        out: dict[str, set[str]] = defaultdict(set)
        for p in self.pairs:
            out[p.rule].add(p.object)
        return {rule: len(objs) for rule, objs in sorted(out.items())}

    def evidence(self, activity: dict[str, int] | None = None) -> dict:
        extra = {"share": round(share(self, activity), 4)} if activity else {}
        return {"a": self.a, "b": self.b, "weight": self.weight, **extra,
                "rules": self.rule_weights(),
                "pairs": [p.evidence() for p in sorted(self.pairs,
                                                       key=lambda p: (p.time_a, p.a, p.b))]}


def edges(pairs: list[PostPair]) -> list[Edge]:
    by_accounts: dict[tuple[str, str], Edge] = {}
    for p in pairs:
        a, b = sorted((p.account_a, p.account_b))
        by_accounts.setdefault((a, b), Edge(a, b)).pairs.append(p)
    return sorted(by_accounts.values(), key=lambda e: (e.a, e.b))


def share(edge: Edge, activity: dict[str, int]) -> float:
    """The edge's weight per post of the busier of its two accounts."""
    return edge.weight / max(activity.get(edge.a, 1), activity.get(edge.b, 1), 1)


def threshold(all_edges: list[Edge], activity: dict[str, int], min_repetitions: int = 2,
              min_share: float = 0.05, percentile: float = 0.0) -> tuple[list[Edge], float]:
    """The edges kept, and the weight the percentile asked for."""
    kept = [e for e in all_edges if e.weight >= min_repetitions
            and share(e, activity) >= min_share]
    if not kept or percentile <= 0:
        return kept, float(min_repetitions)
    cut = float(np.quantile([e.weight for e in kept], percentile))
    return [e for e in kept if e.weight >= cut], cut
