"""The coordination network as GraphML or GEXF (NetworkX), for Gephi: nodes are accounts
(name, posts, cluster), edges carry the weight, the share, the weight per rule and the
number of post pairs behind them (the pairs themselves are in the JSON report)."""
from __future__ import annotations

from io import BytesIO

import networkx as nx

from actorgraph.campaign.coordination import Result
from actorgraph.campaign.network import share
from actorgraph.campaign.records import Channel


def build(result: Result, channels: dict[str, Channel]) -> nx.Graph:
    cluster_of = {m: c.id for c in result.clusters for m in c.members}
    graph = nx.Graph()
    for e in result.kept:
        for node in (e.a, e.b):
            graph.add_node(node, label=channels[node].name if node in channels else node,
                           posts=result.activity.get(node, 0),
                           cluster=cluster_of.get(node, ""))
        rules = e.rule_weights()
        graph.add_edge(e.a, e.b, weight=e.weight, share=round(share(e, result.activity), 4),
                       pairs=len(e.pairs), rules=" ".join(f"{r}={n}" for r, n in rules.items()))
    return graph


def write(result: Result, channels: dict[str, Channel], fmt: str) -> bytes:
    graph = build(result, channels)
    buf = BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, buf)
    elif fmt == "gexf":
        nx.write_gexf(graph, buf)
    else:
        raise ValueError(f"unknown graph format {fmt!r}")
    return buf.getvalue()
