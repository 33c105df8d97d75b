"""Coordination detectors against the generator's planted pairs, the window's edges, and
the clusters against the planted operators and decoys."""
from __future__ import annotations

import itertools

import pytest

from actorgraph.campaign import coordination, neardup, pairs
from actorgraph.campaign.records import Media, Post

from .conftest import planted_pairs

KIND = {"co-forward": "forward", "co-link": "link", "identical-text": "text",
        "same-media": "media"}


def _found(corpus, rule, window):
    return {frozenset((p.a, p.b)) for p in coordination.rule_pairs(corpus.posts, rule, window)}


@pytest.mark.parametrize("rule", sorted(KIND))
def test_exact_detectors_find_exactly_the_planted_pairs(generated, corpus, rule):
    truth = generated[1]
    planted = planted_pairs(truth, KIND[rule], truth["window"])
    found = _found(corpus, rule, truth["window"])
    assert planted, rule
    assert found == planted       # precision = recall = 1.0


def test_near_duplicates_precision_one_recall_high(generated, corpus):
    truth = generated[1]
    w = truth["window"]
    planted = planted_pairs(truth, "neardup", w) - planted_pairs(truth, "text", w)
    found = _found(corpus, neardup.RULE, w)
    hit = len(found & planted)
    assert len(planted) > 100
    assert hit == len(found)                      # precision 1.0
    assert hit / len(planted) >= 0.95             # recall


def test_near_duplicates_are_verified_by_exact_jaccard(corpus):
    texts = neardup.distinct_texts(corpus.posts)
    for i, j, jac in neardup.similar_texts(texts, 0.8):
        a, b = texts.sets[i], texts.sets[j]
        assert jac == len(a & b) / len(a | b) >= 0.8


def _post(account, t, rule, n=0):
    body = ("The regional council of Ganja approved a budget for road repairs across "
            f"{n} districts this spring")
    kw: dict = {}
    if rule == "co-forward":
        kw = {"forwarded_from": "Origin", "forwarded_from_id": "9"}
    elif rule == "co-link":
        kw = {"links": (f"https://example.org/story/{n}?utm_source={account}",)}
        body = f"story {account} {t}"
    elif rule == "same-media":
        kw = {"media": (Media(kind="photo", sha256=f"{n:064d}"),)}
        body = f"photo {account} {t}"
    elif rule == "near-duplicate-text":
        body += " today" if account == "B" else ""
    return Post(id=f"{account}:{t}", channel_id=account, channel_name=account,
                message_id=t, time=t, text=body, **kw)


@pytest.mark.parametrize("rule", sorted(coordination.RULES))
@pytest.mark.parametrize(("gap", "pairs_expected"), [(59, 1), (60, 1), (70, 0)])
def test_window_is_inclusive_at_its_edge(rule, gap, pairs_expected):
    """Δt = 60: posts 59 s (Δt−1) and 60 s (Δt) apart pair; 70 s (Δt+10) apart do not."""
    posts = [_post("A", 1000, rule), _post("B", 1000 + gap, rule)]
    found = coordination.rule_pairs(posts, rule, 60)
    assert len(found) == pairs_expected
    if found:
        ev = found[0].evidence()
        assert ev["a"] == "A:1000" and ev["seconds"] == gap and ev["rule"] == rule
        assert ev["a_utc"] == "1970-01-01T00:16:40Z"


def test_same_account_never_pairs_with_itself():
    posts = [_post("A", 0, "co-link"), _post("A", 5, "co-link")]
    assert coordination.rule_pairs(posts, "co-link", 60) == []


def test_estimated_window_follows_coornet():
    # three objects, second shares at 2 s, 30 s, 3000 s; q=0.1 keeps the fastest one,
    # which reaches half its 4 shares at its second share: 2 s
    triples = [pairs.Triple(f"a{k}", obj, t0 + d, f"{obj}{k}")
               for obj, t0, delays in [("x", 0, [0, 2, 4, 50]), ("y", 100, [0, 30, 31, 32]),
                                       ("z", 0, [0, 3000])]
               for k, d in enumerate(delays)]
    assert pairs.estimate_window(triples) == 2
    assert pairs.estimate_window(triples, q=1.0) == 30
    assert pairs.estimate_window([]) == 1


def _pairwise(groups):
    return {frozenset(p) for g in groups for p in itertools.combinations(g, 2)}


def test_clusters_match_the_operators_and_hold_no_decoy(generated, corpus):
    truth = generated[1]
    result = coordination.run(corpus.posts)
    found = _pairwise(c.members for c in result.clusters)
    planted = _pairwise(truth["clusters"])
    precision = len(found & planted) / len(found)
    recall = len(found & planted) / len(planted)
    assert 2 * precision * recall / (precision + recall) >= 0.9
    members = {m for c in result.clusters for m in c.members}
    assert not members & set(truth["decoys"])


def test_without_the_share_filter_the_aggregator_joins(generated, corpus):
    """The decoy is a real one: it co-forwards with members repeatedly, so without the
    share filter it bridges the clusters."""
    truth = generated[1]
    aggregator = next(c["id"] for c in truth["channels"] if c["role"] == "aggregator")
    loose = coordination.run(corpus.posts, coordination.Settings(min_share=0))
    assert aggregator in {m for c in loose.clusters for m in c.members}
    assert len(loose.clusters) < len(truth["clusters"])


def test_percentile_cuts_edges_by_weight(corpus):
    full = coordination.run(corpus.posts)
    top = coordination.run(corpus.posts, coordination.Settings(percentile=0.9))
    assert len(top.kept) < len(full.kept)
    assert min(e.weight for e in top.kept) >= top.cut > full.cut


def test_report_cites_posts_times_and_rules(generated, corpus):
    result = coordination.run(corpus.posts)
    report = coordination.report(corpus, result)
    assert report["settings"]["window_seconds"] == 60
    cluster = report["clusters"][0]
    assert cluster["members"] and cluster["first_movers"] and cluster["timeline"]
    assert sum(cluster["timeline"].values()) == cluster["posts"]
    for edge in report["network"]:
        assert edge["pairs"] and sum(edge["rules"].values()) >= edge["weight"]
        for pair in edge["pairs"]:
            assert pair["a"] in truth_ids(generated) and pair["a_utc"].endswith("Z")
            assert pair["rule"] in coordination.RULES


def truth_ids(generated):
    return generated[1]["posts"]
