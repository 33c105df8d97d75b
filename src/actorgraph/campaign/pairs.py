"""The shared model of every coordination detector (QUT's coordination-network-toolkit,
CooRnet, CooRTweet): posts reduced to (account, object, time) triples; two posts of
different accounts that carry the same object at most Δt seconds apart are a pair.

The window is inclusive: posts exactly Δt apart pair, Δt+1 apart do not. Δt is fixed,
or estimated from the data as CooRnet's `estimate_coord_interval` does (`estimate_window`).
"""
from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from actorgraph.campaign.records import Post, utc_iso


@dataclass(frozen=True, slots=True)
class Triple:
    account: str
    object: str
    time: int
    post: str


@dataclass(frozen=True, slots=True)
class PostPair:
    """Two posts behind an edge: `a` is the earlier (ties: the smaller id)."""
    rule: str
    object: str
    a: str
    b: str
    account_a: str
    account_b: str
    time_a: int
    time_b: int

    def evidence(self) -> dict:
        return {"rule": self.rule, "object": self.object, "a": self.a, "b": self.b,
                "a_utc": utc_iso(self.time_a), "b_utc": utc_iso(self.time_b),
                "seconds": self.time_b - self.time_a}


def triple(post: Post, obj: str) -> Triple:
    return Triple(post.channel_id, obj, post.time, post.id)


def by_object(triples: Iterable[Triple]) -> dict[str, list[Triple]]:
    groups: dict[str, list[Triple]] = defaultdict(list)
    for t in triples:
        groups[t.object].append(t)
    for group in groups.values():
        group.sort(key=lambda t: (t.time, t.post))
    return groups


def window_pairs(rule: str, triples: Iterable[Triple], window: int) -> list[PostPair]:
    """Every pair of posts of different accounts sharing an object within `window` s."""
    out: list[PostPair] = []
    for obj, group in by_object(triples).items():
        if len(group) < 2:
            continue
        for i, first in enumerate(group):
            for second in group[i + 1:]:
                if second.time - first.time > window:
                    break
                if second.account != first.account:
                    out.append(PostPair(rule, obj, first.post, second.post, first.account,
                                        second.account, first.time, second.time))
    return out


def estimate_window(triples: Iterable[Triple], q: float = 0.1, p: float = 0.5) -> int:
    """CooRnet's data-derived interval: among objects shared at least twice, take the
    fastest `q` share by the delay of their second share; for each, the time it took to
    reach `p` of its shares; the median of those, at least 1 s."""
    spans = []
    for group in by_object(triples).values():
        if len(group) < 2:
            continue
        t0 = group[0].time
        reach = group[max(math.ceil(p * len(group)) - 1, 1)].time - t0
        spans.append((group[1].time - t0, reach))
    if not spans:
        return 1
    spans.sort()
    fastest = spans[:max(1, math.ceil(q * len(spans)))]
    return max(1, int(statistics.median(r for _, r in fastest)))
