"""One coordination run: the chosen detectors over the posts, their pairs folded into a
thresholded network, its clusters, and a JSON report recording every parameter, each
edge's post pairs (ids, UTC times, rule) and each cluster's report."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from actorgraph.campaign import clusters as clustering
from actorgraph.campaign import coforward, colink, comedia, cotext, neardup, network, pairs
from actorgraph.campaign.importers import Corpus
from actorgraph.campaign.pairs import PostPair, Triple
from actorgraph.campaign.records import Post

RULES: dict[str, Callable[[list[Post], int], list[PostPair]]] = {
    coforward.RULE: coforward.pairs,
    colink.RULE: colink.pairs,
    cotext.RULE: cotext.pairs,
    neardup.RULE: neardup.pairs,
    comedia.RULE: comedia.pairs,
}
EXACT = (coforward.RULE, colink.RULE, cotext.RULE, comedia.RULE)
TRIPLES: dict[str, Callable[[list[Post]], list[Triple]]] = {
    coforward.RULE: coforward.triples, colink.RULE: colink.triples,
    cotext.RULE: cotext.triples, comedia.RULE: comedia.triples,
}


@dataclass(frozen=True)
class Settings:
    """The parameters of a run; the defaults are the literature's (see docs/campaign.md)."""
    window: int | None = 60            # seconds; None: estimated from the data (CooRnet)
    min_repetitions: int = 2
    min_share: float = 0.05
    percentile: float = 0.0
    rules: tuple[str, ...] = tuple(RULES)
    similarity: float = neardup.THRESHOLD
    method: str = "components"


@dataclass
class Result:
    settings: Settings
    window: int
    pairs: list[PostPair]
    edges: list[network.Edge]
    kept: list[network.Edge]
    cut: float
    activity: dict[str, int]
    clusters: list[clustering.Cluster] = field(default_factory=list)


def rule_pairs(posts: list[Post], rule: str, window: int,
               similarity: float = neardup.THRESHOLD) -> list[PostPair]:
    if rule == neardup.RULE:
        return neardup.pairs(posts, window, threshold=similarity)
    if rule not in RULES:
        raise ValueError(f"unknown rule {rule!r}; known: {', '.join(RULES)}")
    return RULES[rule](posts, window)


def run(posts: list[Post], settings: Settings = Settings()) -> Result:
    window = settings.window
    if window is None:
        window = pairs.estimate_window(
            [t for r in settings.rules if r in TRIPLES for t in TRIPLES[r](posts)])
    found = [p for r in settings.rules for p in rule_pairs(posts, r, window,
                                                             settings.similarity)]
    all_edges = network.edges(found)
    activity = dict(Counter(p.channel_id for p in posts))
    kept, cut = network.threshold(all_edges, activity, settings.min_repetitions,
                                  settings.min_share, settings.percentile)
    return Result(settings, window, found, all_edges, kept, cut, activity,
                  clustering.clusters(kept, settings.method))


def report(corpus: Corpus, result: Result) -> dict:
    s = result.settings
    return {
        "settings": {"window_seconds": result.window, "window_estimated": s.window is None,
                     "window_inclusive": True, "min_repetitions": s.min_repetitions,
                     "min_share": s.min_share, "percentile": s.percentile,
                     "weight_cut": result.cut,
                     "rules": list(s.rules), "similarity": s.similarity,
                     "cluster_method": s.method},
        "input": {"files": corpus.files, "messages": corpus.messages, "posts": len(corpus.posts),
                  "channels": len(corpus.channels)},
        "pairs": {rule: sum(1 for p in result.pairs if p.rule == rule) for rule in s.rules},
        "edges": {"all": len(result.edges), "kept": len(result.kept)},
        "clusters": [c.report(corpus.channels, result.activity) for c in result.clusters],
        "network": [e.evidence(result.activity) for e in result.kept],
    }
