"""Data-driven name pairs: each pair is resolved alone and must (not) merge.

The pairs live in name_pairs.yaml beside this file.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from actorgraph.resolve.cluster import resolve
from actorgraph.resolve.records import NameGroup

DATA = yaml.safe_load((Path(__file__).parent / "name_pairs.yaml").read_text("utf-8"))


def _names(value) -> tuple[tuple[str, int], ...]:
    if isinstance(value, str):
        return ((value, 1),)
    return tuple((str(v), 1) for v in value)


def _groups(pair: dict) -> tuple[NameGroup, NameGroup]:
    a = NameGroup("a", "doc-1", pair["type"], None, _names(pair["a"]),
                  frozenset(pair.get("context_a") or ()))
    b = NameGroup("b", "doc-2", pair.get("type_b", pair["type"]), None, _names(pair["b"]),
                  frozenset(pair.get("context_b") or ()))
    return a, b


def _id(pair: dict) -> str:
    a = pair["a"] if isinstance(pair["a"], str) else pair["a"][0]
    b = pair["b"] if isinstance(pair["b"], str) else pair["b"][0]
    return f"{a} ~ {b}"


def test_enough_pairs():
    merge, no_merge = DATA["merge"], DATA["no_merge"]
    assert len(merge) >= 40 and len(no_merge) >= 40
    assert len(merge) + len(no_merge) >= 80
    non_latin = [p for p in merge
                 if not (str(p["a"]) + str(p["b"])).replace("ə", "").isascii()]
    assert len(non_latin) >= 10


@pytest.mark.parametrize("pair", DATA["merge"], ids=_id)
def test_should_merge(pair):
    a, b = _groups(pair)
    result = resolve([a, b])
    assert result.together("a", "b"), (result.review, result.stats)
    # every merge keeps its reasons
    merges = result.reasons["a"]
    assert merges and all(m.rule and m.reasons for m in merges)


@pytest.mark.parametrize("pair", DATA["no_merge"], ids=_id)
def test_must_not_merge(pair):
    a, b = _groups(pair)
    result = resolve([a, b])
    assert not result.together("a", "b"), result.reasons
    assert result.clusters == [["a"], ["b"]]
