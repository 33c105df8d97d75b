"""Co-forward: two accounts forward the same post within Δt. Telethon and tables name
the original post exactly (`forwarded_post`); a Telegram Desktop export names only the
source's display name, so there the object is the source (resolved to a channel id
through the registry, else its folded name) with the forwarded text and media."""
from __future__ import annotations

from actorgraph.campaign.pairs import PostPair, Triple, triple, window_pairs
from actorgraph.campaign.records import Post
from actorgraph.campaign.textnorm import fold, text_key

RULE = "co-forward"


def object_of(post: Post) -> str | None:
    if not post.is_forward:
        return None
    if post.forwarded_post:
        return f"post:{post.forwarded_post}"
    source = post.forwarded_from_id or "name:" + fold(post.forwarded_from or "").strip()
    media = ",".join(sorted(k for m in post.media if (k := m.key())))
    return f"from:{source}|text:{text_key(post.text) or ''}|media:{media}"


def triples(posts: list[Post]) -> list[Triple]:
    return [triple(p, obj) for p in posts if (obj := object_of(p))]


def pairs(posts: list[Post], window: int) -> list[PostPair]:
    return window_pairs(RULE, triples(posts), window)
