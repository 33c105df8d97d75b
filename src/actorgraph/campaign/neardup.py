"""Near-duplicate text: two accounts post texts whose word sets overlap by Jaccard ≥ the
threshold (default 0.8, the coordination-network-toolkit's CLI default) within Δt, but
are not the same words (those are `cotext`'s). Candidates come from datasketch's MinHash
LSH, indexed at a lower threshold for recall; every candidate is then verified by exact
Jaccard, as datasketch's maintainers advise, so no pair below the threshold is reported.
Texts shorter than `min_tokens` words are skipped (short slogans make false pairs).
Forwards are left to co-forward.

Near-duplicate groups (texts linked by verified pairs, transitively) are the objects the
edge weights count; the unwindowed pairs also carry narrative labels (`narratives.py`).
"""
from __future__ import annotations

from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from actorgraph.campaign.pairs import PostPair
from actorgraph.campaign.records import Post
from actorgraph.campaign.textnorm import text_key, tokens

RULE = "near-duplicate-text"
THRESHOLD = 0.8
MIN_TOKENS = 8
NUM_PERM = 128


@dataclass
class Texts:
    """Distinct texts (by token sequence) and the posts that carry each."""
    keys: list[str]
    sets: list[frozenset[str]]
    posts: list[list[Post]]


def distinct_texts(posts: list[Post], min_tokens: int = MIN_TOKENS,
                   with_forwards: bool = False) -> Texts:
    index: dict[str, int] = {}
    out = Texts([], [], [])
    for p in posts:
        if p.is_forward and not with_forwards:
            continue
        toks = tokens(p.text)
        if len(toks) < min_tokens:
            continue
        key = text_key(p.text)
        assert key is not None
        if key not in index:
            index[key] = len(out.keys)
            out.keys.append(key)
            out.sets.append(frozenset(toks))
            out.posts.append([])
        out.posts[index[key]].append(p)
    return out


def similar_texts(texts: Texts, threshold: float = THRESHOLD,
                  lsh_threshold: float | None = None) -> list[tuple[int, int, float]]:
    """Pairs of distinct texts (indexes into `texts`) with exact Jaccard ≥ `threshold`."""
    if len(texts.sets) < 2:
        return []
    lsh = MinHashLSH(threshold=lsh_threshold or max(0.5, threshold - 0.2), num_perm=NUM_PERM)
    hashes = MinHash.bulk([[t.encode("utf-8") for t in s] for s in texts.sets],
                          num_perm=NUM_PERM)
    with lsh.insertion_session() as session:
        for i, mh in enumerate(hashes):
            session.insert(i, mh)
    out = []
    for i, mh in enumerate(hashes):
        a = texts.sets[i]
        for j in lsh.query(mh):
            if j <= i:
                continue
            b = texts.sets[j]
            jac = len(a & b) / len(a | b)
            if jac >= threshold:
                out.append((i, j, jac))
    return out


def groups(n: int, links: list[tuple[int, int, float]]) -> list[int]:
    """The root of each text's near-duplicate group (union-find over verified pairs)."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, _ in links:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    return [find(i) for i in range(n)]


def pairs(posts: list[Post], window: int, threshold: float = THRESHOLD,
          min_tokens: int = MIN_TOKENS) -> list[PostPair]:
    """Post pairs of different accounts, within `window` s, whose texts are verified
    near-duplicates; the object is the near-duplicate group."""
    texts = distinct_texts(posts, min_tokens)
    links = similar_texts(texts, threshold)
    root = groups(len(texts.keys), links)
    out: list[PostPair] = []
    for i, j, _ in links:
        obj = f"near:{texts.keys[root[i]]}"
        merged = sorted([(p, 0) for p in texts.posts[i]] + [(p, 1) for p in texts.posts[j]],
                        key=lambda x: (x[0].time, x[0].id))
        for k, (first, side) in enumerate(merged):
            for second, other in merged[k + 1:]:
                if second.time - first.time > window:
                    break
                if other != side and second.channel_id != first.channel_id:
                    out.append(PostPair(RULE, obj, first.id, second.id, first.channel_id,
                                        second.channel_id, first.time, second.time))
    return out


def spread_groups(posts: list[Post], threshold: float = THRESHOLD,
                  min_tokens: int = MIN_TOKENS) -> dict[str, str]:
    """Post id → near-duplicate group id, over all posts (forwards too), no window."""
    texts = distinct_texts(posts, min_tokens, with_forwards=True)
    root = groups(len(texts.keys), similar_texts(texts, threshold))
    out: dict[str, str] = {}
    for i, plist in enumerate(texts.posts):
        for p in plist:
            out[p.id] = texts.keys[root[i]]
    return out
