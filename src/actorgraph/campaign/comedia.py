"""Same media: two accounts attach the same file within Δt. A file is known by the
SHA-256 of its exported bytes, else by its Telethon photo/document id, else by its
size, dimensions and duration (`records.Media.key`). Forwards are left to co-forward."""
from __future__ import annotations

from actorgraph.campaign.pairs import PostPair, Triple, triple, window_pairs
from actorgraph.campaign.records import Post

RULE = "same-media"


def triples(posts: list[Post]) -> list[Triple]:
    out = []
    for p in posts:
        if p.is_forward:
            continue
        for key in dict.fromkeys(k for m in p.media if (k := m.key())):
            out.append(triple(p, key))
    return out


def pairs(posts: list[Post], window: int) -> list[PostPair]:
    return window_pairs(RULE, triples(posts), window)
