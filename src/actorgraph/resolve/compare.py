"""Pairwise comparison of two name groups: a score in 0..1 and its reasons.

The model follows nomenklatura's "logic" matchers: each piece of evidence is a
named function with a weight, all in the one table :data:`FEATURES`.

* Features with ``combine="max"`` are alternative evidence that the names are
  the same (same spelling, transliteration variants, an exact initialism...):
  the best weighted one counts.
* Features with ``combine="add"`` adjust that: the context bonus is added,
  penalties (negative weights) are subtracted. A conflict (a given name or a
  meaningful organisation word on one side only) has weight -1 and so vetoes
  any name evidence.

Groups of different types are never compared (score 0). Persons are compared
on their fullest names only, and organisations on their non-acronym names, so
a shared short form ("Aliyev", "KH") never links two different full names.
Three kinds of evidence only hold when nothing else fits them: a one-word
person name ("surname_only", in the review band), a partial person name
("person_subset") and an acronym ("acronym");
:func:`actorgraph.resolve.cluster.resolve` joins those only when they are
unambiguous among the candidates.

Weights and thresholds assume the resolver's defaults (merge at 0.8, review
from 0.5). If FEATURES is changed at run time, call ``_split_features()``.
"""
from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler

from actorgraph.knowledge.lexicon import load_lexicon
from actorgraph.knowledge.names import _normalised, is_designator, is_qualifier, phonetic_key
from actorgraph.knowledge.organs import read_organ
from actorgraph.resolve.align import Alignment, align, token_match
from actorgraph.resolve.profiles import NameForm, Profile, profile
from actorgraph.resolve.records import NameGroup, Score

__all__ = [
    "Feature", "FEATURES", "NameForm", "Profile", "profile", "compare", "compare_profiles",
    "conflict", "token_match",
]


# -- the pair under comparison -------------------------------------------------

class Pair:
    """Two profiles and one name of each, as seen by the feature functions."""

    __slots__ = ("a", "b", "x", "y", "type", "_al")

    def __init__(self, a: Profile, b: Profile, x: NameForm, y: NameForm):
        self.a, self.b, self.x, self.y = a, b, x, y
        self.type: str = a.group.type
        self._al: Alignment | None = None

    @property
    def alignment(self) -> Alignment:
        if self._al is None:
            self._al = align(self.x, self.y)
        return self._al

    @property
    def latin(self) -> bool:
        return not (self.x.abjad or self.y.abjad)

    def leftovers(self) -> tuple[list[str], list[str]]:
        al = self.alignment
        return ([self.x.toks[i] for i in al.left_x], [self.y.toks[j] for j in al.left_y])

    def strong_alias(self) -> bool:
        """An exact initialism or a shared whole-name symbol: token checks do not apply."""
        return _acronym(self) is not None or _whole_symbol(self) is not None


FeatureResult = tuple[float, str] | None


def _described(al: Alignment) -> str:
    parts = [a if a == b else f"{a}~{b} ({how})" for a, b, _, how in al.matches]
    return ", ".join(parts)


def _quote(p: Pair) -> str:
    return f"{p.x.raw!r} ~ {p.y.raw!r}"


# -- evidence (combined by max) --------------------------------------------------

def _same_name(p: Pair) -> FeatureResult:
    """Identical folded names (any script); a lone person word does not count."""
    if p.x.folded != p.y.folded or not p.x.toks:
        return None
    if p.type == "person" and len(p.x.toks) < 2:
        return None
    return 1.0, _quote(p)


def _aligned_tokens(p: Pair) -> FeatureResult:
    """Every token paired with a transliteration variant (order free).

    For non-persons, unpaired designators/qualifiers are allowed here and
    penalised by `designator_differs` / `qualifier_differs`.
    """
    x, y = p.x, p.y
    if p.type == "person" and min(len(x.toks), len(y.toks)) < 2:
        return None
    al = p.alignment
    if not al.matches:
        return None
    lx, ly = p.leftovers()
    if lx or ly:
        if p.type == "person":
            return None
        if not all(is_designator(w) or is_qualifier(w) for w in lx + ly):
            return None
    if len(al.matches) == 1 and _weak_single(al.matches[0], p.latin):
        return None
    value = sum(m[2] for m in al.matches) / len(al.matches)
    return value, f"{_quote(p)} [{_described(al)}]"


def _weak_single(match: tuple[str, str, float, str], latin: bool) -> bool:
    """A lone pair of words matched only by their sounds, too loosely to carry
    a whole name: a consonant skeleton of one letter (کوی ~ Qakko), or two
    Latin spellings that share a sound pattern but little else (Shaakyee ~
    Siki)."""
    a, b, _, how = match
    if how not in ("translit", "skeleton", "spelling"):
        return False
    if len(phonetic_key(a).split("~")[0]) < 2 or len(phonetic_key(b).split("~")[0]) < 2:
        return True
    # compare the stems: "-çilər" and "-iyyun" are one suffix (names.yaml)
    return latin and JaroWinkler.similarity(_normalised(a)[0], _normalised(b)[0]) < 0.75


def _person_subset(p: Pair) -> FeatureResult:
    """A shorter full person name inside a longer one, surnames paired
    ("Ibrahim Begli" in "Tawhid Ibrahim Begli")."""
    if p.type != "person":
        return None
    x, y = p.x, p.y
    if min(len(x.toks), len(y.toks)) < 2 or len(x.toks) == len(y.toks):
        return None
    al = p.alignment
    lx, ly = al.left_x, al.left_y
    if len(x.toks) < len(y.toks):
        short_left, last_s, last_l, pairs = lx, len(x.toks) - 1, len(y.toks) - 1, al.pairs
    else:
        short_left, last_s, last_l = ly, len(y.toks) - 1, len(x.toks) - 1
        pairs = {j: i for i, j in al.pairs.items()}
    if short_left or pairs.get(last_s) != last_l:
        return None
    value = sum(m[2] for m in al.matches) / len(al.matches)
    return value, f"{_quote(p)} [{_described(al)}]"


def _surname_only(p: Pair) -> FeatureResult:
    """A one-word person name that matches the other's surname (review band)."""
    if p.type != "person":
        return None
    x, y = p.x, p.y
    if len(x.toks) > 1 and len(y.toks) > 1:
        return None
    if len(x.toks) == 1 and len(y.toks) == 1:
        q, how = token_match(x, 0, y, 0)
    elif len(x.toks) == 1:
        q, how = token_match(x, 0, y, len(y.toks) - 1)
    else:
        q, how = token_match(x, len(x.toks) - 1, y, 0)
    if q <= 0:
        return None
    a = x.toks[0] if len(x.toks) == 1 else x.toks[-1]
    b = y.toks[0] if len(y.toks) == 1 else y.toks[-1]
    if _weak_single((a, b, q, how), p.latin):
        return None
    return q, f"{_quote(p)} ({how})"


def _acronym(p: Pair) -> FeatureResult:
    """An acronym that is the exact initialism of the other name (EMET ~
    Endowment for Middle East Truth)."""
    if p.type == "person":
        return None
    for s, o in ((p.x, p.y), (p.y, p.x)):
        if s.acro and o.initials and not o.acro and s.folded.replace(" ", "") == o.initials:
            return 1.0, f"{s.raw!r} = initials of {o.raw!r}"
    return None


def _whole_symbol(p: Pair) -> FeatureResult:
    """Both names carry, over all their tokens, the same rigour org symbol
    (IRGC ~ Islamic Revolutionary Guard Corps ~ سپاه پاسداران انقلاب اسلامی)."""
    if p.type not in ("organization", "channel"):
        return None
    shared = p.x.whole_symbols() & p.y.whole_symbols()
    if not shared:
        return None
    return 1.0, f"{_quote(p)} share {', '.join(sorted(shared))}"


def _joined_skeleton(p: Pair) -> FeatureResult:
    """Same skeleton when the words are written together (Hezbollah ~ Hizb Allah)."""
    if p.type == "person" or p.x.joined != p.y.joined or len(p.x.joined) < 3:
        return None
    if p.latin and JaroWinkler.similarity("".join(p.x.toks), "".join(p.y.toks)) < 0.8:
        return None
    return 0.95, f"{_quote(p)} ({p.x.joined})"


def _fuzzy_name(p: Pair) -> FeatureResult:
    """Close spelling of the whole names (typos), Latin-script only."""
    if not p.latin:
        return None
    if p.type == "person" and min(len(p.x.toks), len(p.y.toks)) < 2:
        return None
    r = fuzz.token_sort_ratio(p.x.folded, p.y.folded) / 100.0
    if r < 0.85:
        return None
    return r, f"{_quote(p)} ({r:.2f})"


# -- adjustments (added) --------------------------------------------------------

def _token_conflict(p: Pair) -> FeatureResult:
    """A meaningful word on one side only: a different given name (Ilham vs
    Heydar Aliyev), a different organisation word (Islamic State vs Islamic
    Jihad, Quds Force vs Qods Day)."""
    x, y = p.x, p.y
    if p.type == "person":
        if min(len(x.toks), len(y.toks)) < 2:
            return None
        lx, ly = p.leftovers()
        short_left = lx if len(x.toks) <= len(y.toks) else ly
        if (lx and ly) or short_left:
            return 1.0, f"names differ: {' '.join(lx) or '-'} / {' '.join(ly) or '-'}"
        return None
    if p.strong_alias():
        return None
    lx, ly = p.leftovers()
    hard = [w for w in lx + ly if not (is_designator(w) or is_qualifier(w))]
    if hard and (p.alignment.matches or (lx and ly)):
        return 1.0, f"words differ: {' '.join(lx) or '-'} / {' '.join(ly) or '-'}"
    return None


def _designator_differs(p: Pair) -> FeatureResult:
    """Names differ by a group designator only (Kata'ib Hezbollah / Hezbollah)."""
    if p.type == "person" or p.strong_alias():
        return None
    lx, ly = p.leftovers()
    words = [w for w in lx + ly if is_designator(w)]
    return (1.0, " ".join(words)) if words else None


def _qualifier_differs(p: Pair) -> FeatureResult:
    """Names differ by a qualifier only (Lebanese Hezbollah / Hezbollah)."""
    if p.type == "person" or p.strong_alias():
        return None
    lx, ly = p.leftovers()
    words = [w for w in lx + ly if is_qualifier(w) and not is_designator(w)]
    return (1.0, " ".join(words)) if words else None


def _kind_differs(p: Pair) -> FeatureResult:
    """Both organisation kinds known and different (weak: kinds are guessed)."""
    ka, kb = p.a.group.kind, p.b.group.kind
    if ka and kb and ka != kb and "other" not in (ka, kb):
        return 1.0, f"{ka} / {kb}"
    return None


def _context(p: Pair) -> FeatureResult:
    """Shared co-occurring entities (weak support, and a tie-breaker)."""
    a, b = p.a.group, p.b.group
    shared = (a.context & b.context) - {a.own, b.own}
    if not shared:
        return None
    names = heapq.nsmallest(3, shared)
    return min(1.0, len(shared) / 3.0), f"{len(shared)} shared: {', '.join(names[:3])}"


@dataclass(frozen=True)
class Feature:
    """A named piece of evidence with its weight; see the module docstring."""

    name: str
    func: Callable[[Pair], FeatureResult]
    weight: float
    combine: Literal["max", "add"] = "max"


#: The one table of features and weights.
FEATURES: tuple[Feature, ...] = (
    Feature("same_name", _same_name, 1.0),
    Feature("aligned_tokens", _aligned_tokens, 0.95),
    Feature("acronym", _acronym, 0.9),
    Feature("whole_symbol", _whole_symbol, 0.9),
    Feature("joined_skeleton", _joined_skeleton, 0.9),
    Feature("person_subset", _person_subset, 0.9),
    Feature("fuzzy_name", _fuzzy_name, 0.7),
    Feature("surname_only", _surname_only, 0.65),
    Feature("context", _context, 0.1, "add"),
    Feature("kind_differs", _kind_differs, -0.05, "add"),
    Feature("qualifier_differs", _qualifier_differs, -0.3, "add"),
    Feature("designator_differs", _designator_differs, -0.35, "add"),
    Feature("token_conflict", _token_conflict, -1.0, "add"),
)


_EVIDENCE: tuple[Feature, ...] = ()
_ADJUST: tuple[Feature, ...] = ()


def _split_features() -> None:
    global _EVIDENCE, _ADJUST
    _EVIDENCE = tuple(sorted((f for f in FEATURES if f.combine == "max"),
                             key=lambda f: -f.weight))
    _ADJUST = tuple(f for f in FEATURES if f.combine == "add")


_split_features()


def _score_pair(pair: Pair) -> Score:
    best = 0.0
    best_reason = None
    for feat in _EVIDENCE:             # strongest first: stop when none can do better
        if best >= feat.weight:
            break
        res = feat.func(pair)
        if res is None:
            continue
        value = feat.weight * res[0]
        if value > best:
            best, best_reason = value, f"{feat.name}: {res[1]}"
    if best_reason is None:
        return Score(0.0, ())
    reasons = [best_reason]
    for feat in _ADJUST:
        res = feat.func(pair)
        if res is None:
            continue
        best += feat.weight * res[0]
        reasons.append(f"{feat.name}: {res[1]}")
    value = min(1.0, max(0.0, best))
    return Score(round(value, 4), tuple(reasons))


def compare_profiles(a: Profile, b: Profile) -> Score:
    """:func:`compare` on prepared profiles (the resolver's inner loop)."""
    if a.type != b.type:
        return Score(0.0, (f"type_differs: {a.type} / {b.type}",))
    best = Score(0.0, ())
    for x in a.compared:
        for y in b.compared:
            s = _score_pair(Pair(a, b, x, y))
            if s.value > best.value or (not best.reasons and s.reasons):
                best = s
                if s.value >= 1.0:
                    return best
    return best


def compare(a: NameGroup, b: NameGroup) -> Score:
    """Score how likely two name groups are the same actor (0..1), with reasons.

    Different types never match (score 0). Reasons name the features that
    fired and the names they fired on, e.g.
    ``aligned_tokens: 'Tawhid Ibrahim Begli' ~ 'Tohid Ebrahim Begli' [...]``.
    """
    return compare_profiles(profile(a), profile(b))


def _states_differ(a: Profile, b: Profile) -> str | None:
    """Two groups that name two different states of the lexicon ("Niger", "Nigeria")."""
    lex = load_lexicon()

    def states(p: Profile) -> set[str]:
        return {e.name for n, _ in p.group.names
                if (e := lex.lookup(n)) is not None and e.type == "country"}
    x, y = states(a), states(b)
    return f"states_differ: {sorted(x)[0]} / {sorted(y)[0]}" if x and y and not x & y else None


@lru_cache(maxsize=65536)
def _organ_states(names: tuple[tuple[str, int], ...]) -> frozenset[tuple[str, str]]:
    lex = load_lexicon()
    return frozenset((r.organ.kind, r.country) for n, _ in names
                     if (r := read_organ(n, lex)) is not None and r.country)


def organ_states(p: Profile) -> frozenset[tuple[str, str]]:
    """(kind of organ, state) of the state organs a group's names say it is."""
    return _organ_states(p.group.names)


def _organs_differ(a: Profile, b: Profile) -> str | None:
    """Two groups that are one kind of organ of two states ("Xarici İşlər Nazirliyi" of
    Iraq and of Armenia), however alike their titles."""
    x, y = organ_states(a), organ_states(b)
    for kind, state in x:
        other = {s for k, s in y if k == kind}
        if other and state not in other:
            return f"organ_states_differ: {kind} of {state} / {sorted(other)[0]}"
    return None


def conflict(a: Profile, b: Profile) -> str | None:
    """Why two profiles can never be one actor, or None.

    Used by the resolver to refuse a union of clusters: two person groups
    whose full names differ by a given name (Ilham / Heydar Aliyev) conflict
    even if a chain of other matches links them.
    """
    if a.type != b.type:
        return f"type_differs: {a.type} / {b.type}"
    if a.type == "country":
        return _states_differ(a, b)
    if a.type == "organization":
        return _organs_differ(a, b)
    if a.type != "person":
        return None
    x, y = a.best, b.best
    if min(len(x.toks), len(y.toks)) < 2:
        return None
    if x.folded == y.folded:
        return None
    res = _token_conflict(Pair(a, b, x, y))
    if res and any(u.raw != x.raw or v.raw != y.raw for u in a.compared for v in b.compared):
        # another reading of the same name (Гаджизаде read as Хаджизаде) may agree
        for u in a.compared:
            for v in b.compared:
                if min(len(u.toks), len(v.toks)) >= 2 and (
                        u.folded == v.folded or not _token_conflict(Pair(a, b, u, v))):
                    return None
    return f"token_conflict: {res[1]}" if res else None
