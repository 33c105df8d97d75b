"""Co-link: two accounts share the same page within Δt. Links are compared in canonical
form (`urls.canonical_url`: tracking parameters dropped, `t.me/s/` and YouTube short
forms folded; no network). Forwards are left to co-forward, so no share counts twice."""
from __future__ import annotations

from actorgraph.campaign.pairs import PostPair, Triple, triple, window_pairs
from actorgraph.campaign.records import Post
from actorgraph.campaign.urls import canonical_url

RULE = "co-link"


def triples(posts: list[Post]) -> list[Triple]:
    out = []
    for p in posts:
        if p.is_forward:
            continue
        for url in dict.fromkeys(canonical_url(u) for u in p.links):
            out.append(triple(p, url))
    return out


def pairs(posts: list[Post], window: int) -> list[PostPair]:
    return window_pairs(RULE, triples(posts), window)
