"""Coordinated clusters: the connected components (or Louvain communities, seeded) of the
thresholded network, each with a report an analyst can check: its members, who moved
first, the items shared most, its daily timeline, and the edges with their post pairs."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import networkx as nx

from actorgraph.campaign.network import Edge
from actorgraph.campaign.records import Channel, utc_day, utc_iso


@dataclass
class Cluster:
    id: str
    members: list[str]
    edges: list[Edge]

    def report(self, channels: dict[str, Channel], activity: dict[str, int] | None = None,
               top: int = 10) -> dict:
        led: Counter[str] = Counter()
        followed: Counter[str] = Counter()
        items: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
        for e in self.edges:
            for p in e.pairs:
                if p.time_a < p.time_b:
                    led[p.account_a] += 1
                    followed[p.account_b] += 1
                items[(p.rule, p.object)][p.a] = p.time_a
                items[(p.rule, p.object)][p.b] = p.time_b
        posts = {pid: t for shared in items.values() for pid, t in shared.items()}
        timeline = Counter(utc_day(t) for t in posts.values())
        ranked = sorted(items.items(), key=lambda kv: (-len(kv[1]), min(kv[1].values())))
        return {
            "id": self.id,
            "members": [{"id": m, "name": channels[m].name if m in channels else m,
                         "posts": (activity or {}).get(m), "led": led[m],
                         "followed": followed[m]} for m in self.members],
            "first_movers": [m for m, _ in sorted(((m, led[m] - followed[m])
                                                   for m in self.members),
                                                  key=lambda x: (-x[1], x[0]))[:3]],
            "top_items": [{"rule": rule, "object": obj, "posts": len(shared),
                           "first_post": min(shared, key=lambda pid: (shared[pid], pid)),
                           "first_utc": utc_iso(min(shared.values()))}
                          for (rule, obj), shared in ranked[:top]],
            "timeline": dict(sorted(timeline.items())),
            "posts": len(posts),
            "edges": [e.evidence(activity) for e in self.edges],
        }


def clusters(kept: list[Edge], method: str = "components", seed: int = 1) -> list[Cluster]:
    """Clusters of two or more accounts, largest first."""
    graph = nx.Graph()
    for e in kept:
        graph.add_edge(e.a, e.b, weight=e.weight)
    if method == "louvain":
        parts = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    elif method == "components":
        parts = list(nx.connected_components(graph))
    else:
        raise ValueError(f"unknown cluster method {method!r} (components, louvain)")
    groups = sorted((sorted(p) for p in parts if len(p) > 1), key=lambda g: (-len(g), g))
    out = []
    for n, members in enumerate(groups):
        inside = set(members)
        out.append(Cluster(f"C{n + 1}", members,
                           [e for e in kept if e.a in inside and e.b in inside]))
    return out
