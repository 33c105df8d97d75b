"""A generated export set with its ground truth, made once per session, and the truth's
planted pairs per detector."""
from __future__ import annotations

import itertools

import pytest

SEED = 7
POSTS = 3000


@pytest.fixture(scope="session")
def generated(tmp_path_factory):
    from actorgraph.campaign.synthetic_export import generate

    out = tmp_path_factory.mktemp("campaign")
    truth = generate(out, seed=SEED, posts=POSTS)
    return out, truth


@pytest.fixture(scope="session")
def corpus(generated):
    from actorgraph.campaign.importers import read_exports

    return read_exports([generated[0] / "exports"])


def planted_pairs(truth: dict, kind: str, window: int) -> set[frozenset[str]]:
    """Pairs of posts of different channels that carry the same planted object of `kind`
    at most `window` seconds apart, from the generator's record alone."""
    by: dict[str, list[tuple[int, str]]] = {}
    for pid, rec in truth["posts"].items():
        obj = rec["objects"].get(kind)
        if obj:
            by.setdefault(obj, []).append((rec["t"], pid))
    out = set()
    for group in by.values():
        for (t1, a), (t2, b) in itertools.combinations(group, 2):
            if a.split(":")[0] != b.split(":")[0] and abs(t1 - t2) <= window:
                out.add(frozenset((a, b)))
    return out
