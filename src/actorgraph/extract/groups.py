"""Union-find over the mentions of one document: which of them name one actor.

Every extractor joins its mentions into groups the same way (an alias phrase, an acronym,
a short form joins two); the group's root is its earliest mention.
"""
from __future__ import annotations

from collections.abc import Iterable


class Groups:
    """Union-find over mention indices 0..n-1; a group's root is its smallest index."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def join_equal(self, forms: Iterable[Iterable[str]]) -> None:
        """Join mentions that share a form: `forms` gives each mention's, in index order."""
        first: dict[str, int] = {}
        for i, own in enumerate(forms):
            for form in own:
                if form in first:
                    self.union(first[form], i)
                else:
                    first[form] = i

    def members(self) -> list[list[int]]:
        """The mention indices of each group, groups in the order of their roots."""
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return list(out.values())
