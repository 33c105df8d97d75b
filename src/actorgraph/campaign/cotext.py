"""Identical text: two accounts post the same words within Δt, after folding case
(Azerbaijani i/ı/İ alike), and dropping @mentions, URLs, emoji and punctuation (the
coordination-network-toolkit's co-tweet, made mention- and emoji-invariant). Forwards are
left to co-forward."""
from __future__ import annotations

from actorgraph.campaign.pairs import PostPair, Triple, triple, window_pairs
from actorgraph.campaign.records import Post
from actorgraph.campaign.textnorm import text_key, tokens

RULE = "identical-text"
MIN_TOKENS = 4


def triples(posts: list[Post], min_tokens: int = MIN_TOKENS) -> list[Triple]:
    return [triple(p, f"text:{key}") for p in posts
            if not p.is_forward and len(tokens(p.text)) >= min_tokens
            and (key := text_key(p.text))]


def pairs(posts: list[Post], window: int, min_tokens: int = MIN_TOKENS) -> list[PostPair]:
    return window_pairs(RULE, triples(posts, min_tokens), window)
