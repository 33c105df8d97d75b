"""A drop-in for spaCy's `Matcher` where most patterns are one token long: the same
matches, in the same order, found by a look-up per token instead of testing every
pattern's word list on every token.

spaCy's `Matcher` tests each pattern's predicates on each token of the document; with a
few dozen one-token patterns whose words are long lists (`{"LEMMA": {"IN": [...]}}`), that
is most of the time of a rule stage on a long report. Here a one-token pattern is a
table entry, found through the word its LEMMA, LOWER or TEXT must be. A longer pattern
whose every token is such words only is a sequence, tested from the tokens its first
words are (spaCy would start it at every token); any other longer pattern sends them all
to a spaCy `Matcher` of their own.

The order is spaCy's: its matcher walks the tokens once, and at each token first finishes
the patterns begun before it (longer ones: those begun first first, of one start in the
order they were added, or in the order the inner matcher gives them), then tries every
pattern from this token in the order they were added (a one-token one matches at once); a
match repeating one already found (same label, start, end) is dropped. `tests/extract/test_tokenmatch.py` checks the output against spaCy's own.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import cast

import numpy
from spacy.matcher import Matcher
from spacy.tokens import Doc

_ATTRS = {"LEMMA": "lemma_", "LOWER": "lower_", "TEXT": "text", "ORTH": "text", "POS": "pos_"}
_KEYED = ("LEMMA", "LOWER", "TEXT", "ORTH")     # what a one-token pattern is looked up by
_ANNOTATED = {"LEMMA": "LEMMA", "POS": "POS"}   # what spaCy requires the parse to have
_IDS = {"LEMMA": "LEMMA", "LOWER": "LOWER", "TEXT": "ORTH", "ORTH": "ORTH"}  # to_array's names


def _values(spec: object) -> frozenset[str]:
    if isinstance(spec, str):
        return frozenset({spec})
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return frozenset(spec["IN"])
    raise ValueError(f"unsupported one-token pattern value {spec!r}")


class TokenMatcher:
    """`add(label, patterns)` and `matcher(doc)` -> [(match_id, start, end)], as spaCy's."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        self._long = Matcher(vocab)
        self._has_long = False
        # longer patterns of words only, in the order added: (label id, per token the
        # attribute to read and its allowed values' ids); all of them go to `_long` too,
        # which is used instead once a longer pattern of another kind is added
        self._seqs: list[tuple[int, list[tuple[str, frozenset[int]]]]] = []
        self._seqs_only = True
        # one-token patterns, in the order added: (label id, {attr: allowed values})
        self._single: list[tuple[int, dict[str, frozenset[str]]]] = []
        self._by: dict[str, dict[int, list[int]]] = {}   # key attr -> value's id -> patterns
        self._needs: set[str] = set()
        self._keys: list[numpy.ndarray] | None = None   # see _words

    def _words(self) -> list[numpy.ndarray]:
        """The string ids each key attribute's table holds, in the order of `_by`, as
        arrays (made once after the last `add`)."""
        if self._keys is None:
            self._keys = [numpy.fromiter(table, dtype=numpy.uint64, count=len(table))
                          for table in self._by.values()]
        return self._keys

    def add(self, label: str, patterns: Iterable[list[dict]]) -> None:
        key = self.vocab.strings.add(label)
        self._keys = None
        for pattern in patterns:
            if any("OP" in token for token in pattern):
                raise ValueError(f"operators are not supported: {pattern!r}")
            if len(pattern) != 1:
                self._long.add(label, [pattern])
                self._has_long = True
                seq = self._sequence(pattern)
                if seq is not None:
                    self._seqs.append((key, seq))
                else:
                    self._seqs_only = False
                continue
            [token] = pattern
            if not set(token) <= set(_ATTRS) or not set(token) & set(_KEYED):
                raise ValueError(f"unsupported one-token pattern {token!r}")
            tests = {attr: _values(spec) for attr, spec in token.items()}
            index = len(self._single)
            self._single.append((key, tests))
            attr = next(a for a in _KEYED if a in tests)
            table = self._by.setdefault(attr, {})
            for value in tests[attr]:
                table.setdefault(self.vocab.strings.add(value), []).append(index)
            self._needs |= {_ANNOTATED[a] for a in tests if a in _ANNOTATED}

    def _sequence(self, pattern: list[dict]) -> list[tuple[str, frozenset[int]]] | None:
        """Per token of `pattern`, the attribute to read and the ids of the words it may
        be; None unless each token asks for words of one attribute only."""
        out = []
        for token in pattern:
            if len(token) != 1 or not set(token) <= set(_IDS):
                return None
            [(attr, spec)] = token.items()
            try:
                allowed = _values(spec)
            except ValueError:
                return None
            out.append((_IDS[attr], frozenset(self.vocab.strings.add(v) for v in allowed)))
        return out

    def _sequences(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The matches of the longer patterns (all of words only) in spaCy's order: by
        end, then by start, then in the order the patterns were added, once each."""
        n = len(doc)
        if not n:
            return []
        attrs: list[int | str] = sorted({attr for _, seq in self._seqs for attr, _ in seq})
        ids = doc.to_array(attrs).reshape(n, -1)
        rows: list[list[int]] | None = None
        column = {attr: k for k, attr in enumerate(attrs)}
        found: list[tuple[int, int, int, int]] = []     # (end, start, pattern, label id)
        for index, (key, seq) in enumerate(self._seqs):
            attr, first = seq[0]
            starts = numpy.flatnonzero(numpy.isin(
                ids[:max(0, n - len(seq) + 1), column[attr]],
                numpy.fromiter(first, dtype=numpy.uint64, count=len(first))))
            if not len(starts):
                continue
            if rows is None:
                rows = cast(list[list[int]], ids.tolist())
            for start in cast(list[int], starts.tolist()):
                if all(rows[start + k][column[a]] in allowed
                       for k, (a, allowed) in enumerate(seq) if k):
                    found.append((start + len(seq), start, index, key))
        found.sort()
        out: list[tuple[int, int, int]] = []
        seen: set[tuple[int, int, int]] = set()
        for end, start, _, key in found:
            if (key, start, end) not in seen:
                seen.add((key, start, end))
                out.append((key, start, end))
        return out

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        for attr in sorted(self._needs):
            if not doc.has_annotation(attr):
                raise ValueError(f"[E155] the pipeline lacks what sets {attr}, which the "
                                 "matcher's patterns read")
        longer: dict[int, list[tuple[int, int, int]]] = {}
        if self._has_long:
            for match in self._long(doc) if not self._seqs_only else self._sequences(doc):
                longer.setdefault(match[2] - 1, []).append(match)
        out: list[tuple[int, int, int]] = []
        # each token's LEMMA, LOWER and ORTH as string ids, read at once from the parse; the
        # tokens where one of them is a pattern's word found by numpy, not one by one in
        # Python: a token object is made only there
        tables = [(_IDS[attr], table) for attr, table in self._by.items()]
        rows: dict[int, list[int]] = {}
        if tables and len(doc):
            ids = doc.to_array([attr for attr, _ in tables]).reshape(len(doc), -1)
            hit = numpy.zeros(len(doc), dtype=bool)
            for column, words in enumerate(self._words()):
                hit |= numpy.isin(ids[:, column], words)
            at = numpy.flatnonzero(hit)
            rows = dict(zip(cast(list[int], at.tolist()),
                            cast(list[list[int]], ids[at].tolist()), strict=True))
        for i in sorted(rows.keys() | longer.keys()):
            out.extend(longer.get(i, ()))
            row = rows.get(i)
            if row is None:
                continue
            hits: set[int] = set()
            for value, (_, table) in zip(row, tables, strict=True):
                found = table.get(value)
                if found:
                    hits.update(found)
            if not hits:
                continue
            tok = doc[i]
            seen: set[int] = set()
            for index in sorted(hits):
                key, tests = self._single[index]
                if key in seen or not all(getattr(tok, _ATTRS[a]) in v for a, v in tests.items()):
                    continue
                seen.add(key)
                out.append((key, i, i + 1))
        return out
