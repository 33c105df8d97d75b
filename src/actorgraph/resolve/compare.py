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

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Literal

import jellyfish
from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler
from rigour.names import NameTypeTag, analyze_names

from actorgraph.knowledge.names import (
    acronym, fold, is_abjad, is_designator, is_qualifier, looks_like_acronym, org_symbols,
    phonetic_key, significant_tokens, strip_titles, surname_gender, tables, tokens, vowel_key,
)
from actorgraph.knowledge.names import _normalised
from actorgraph.resolve.records import NameGroup, Score

__all__ = [
    "Feature", "FEATURES", "NameForm", "Profile", "profile", "compare", "compare_profiles",
    "conflict", "token_match",
]

_TAGS = {"person": NameTypeTag.PER, "organization": NameTypeTag.ORG,
         "channel": NameTypeTag.ORG}
_SYMBOL_PREFIXES = {"person": ("NAME:",), "organization": ("DOMAIN:",),
                    "channel": ("DOMAIN:",)}
_MAX_FORMS = 3           # names of a group compared with the other's
_MAX_PROFILE_FORMS = 12  # names of a group analysed (fullest, most frequent first)


class NameForm:
    """One surface name of a group, analysed once: tokens, keys, symbols."""

    __slots__ = ("raw", "count", "type", "toks", "skels", "vkeys", "abjad", "folded",
                 "joined", "acro", "initials", "_syms", "_whole")

    def __init__(self, raw: str, count: int, type: str):
        self.raw = raw
        self.count = count
        self.type = type
        self.toks: tuple[str, ...] = significant_tokens(raw, type)
        self.skels = tuple(phonetic_key(t) for t in self.toks)
        self.abjad = is_abjad(raw)
        self.vkeys = tuple(vowel_key(t) for t in self.toks)
        self.folded = " ".join(self.toks)
        self.joined = phonetic_key("".join(self.toks)) if self.toks else ""
        self.acro = type != "person" and looks_like_acronym(raw)
        self.initials = ""
        if type != "person":
            words = [w for w in tokens(raw) if w not in tables().org_stopwords]
            if len(words) >= 2:
                self.initials = acronym(words)
        self._syms: tuple[frozenset[str], ...] | None = None
        self._whole: frozenset[str] | None = None

    def __repr__(self) -> str:
        return f"NameForm({self.raw!r})"

    def symbols(self) -> tuple[frozenset[str], ...]:
        """rigour's symbols (Wikidata given/family names, org domains) per token."""
        if self._syms is None:
            self._syms = _symbols(self.raw, self.type, self.toks)
        return self._syms

    def whole_symbols(self) -> frozenset[str]:
        """Organisation symbols that cover every word of the name (DOMAIN:IRGC)."""
        if self._whole is None:
            self._whole = (org_symbols(self.raw) if self.type in ("organization", "channel")
                           else frozenset())
        return self._whole


@lru_cache(maxsize=1 << 20)
def _symbols(raw: str, type: str, toks: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    tag = _TAGS.get(type)
    if tag is None or not toks:
        return tuple(frozenset() for _ in toks)
    prefixes = _SYMBOL_PREFIXES[type]
    index: dict[str, list[int]] = {}
    for i, t in enumerate(toks):
        index.setdefault(t, []).append(i)
    found: list[set[str]] = [set() for _ in toks]
    text = strip_titles(raw) if type == "person" else raw
    for name in analyze_names(tag, [text], phonetics=False, numerics=False):
        for span in name.spans:
            sym = str(span.symbol)[1:-1]
            if not sym.startswith(prefixes):
                continue
            for part in span.parts:
                for piece in fold(part.form).split():
                    for i in index.get(piece, ()):
                        found[i].add(sym)
    return tuple(frozenset(s) for s in found)


@dataclass(frozen=True)
class Profile:
    """A name group prepared for comparison: its names analysed, fullest first."""

    group: NameGroup
    forms: tuple[NameForm, ...]
    compared: tuple[NameForm, ...] = ()   # the names that are compared, see profile()
    acronym_only: bool = False
    id: str = ""
    type: str = ""

    @property
    def best(self) -> NameForm:
        return self.forms[0]


def profile(group: NameGroup) -> Profile:
    """Analyse a group's names once; the fullest, most frequent name comes first."""
    # rank the names first (cheap, cached), analyse only the leading ones
    ranked = []
    for raw, count in group.names:
        if raw and raw.strip():
            toks = significant_tokens(raw, group.type)
            if toks:
                ranked.append((-len(toks), -count, raw))
    ranked.sort()
    forms = []
    seen = set()
    for _, negcount, raw in ranked:
        form = NameForm(raw, -negcount, group.type)
        if (form.folded, form.acro) in seen:
            continue
        seen.add((form.folded, form.acro))
        forms.append(form)
        if len(forms) == _MAX_PROFILE_FORMS:
            break
    if not forms:
        forms = [NameForm("", 0, group.type)]     # nameless: matches nothing
    acronym_only = all(f.acro for f in forms)
    if group.type == "person":
        candidates = [f for f in forms if len(f.toks) >= 2] or forms[:1]
    else:
        # an acronym beside a full name is that name's: it is not compared
        # (two groups sharing a secondary "KH" are not the same for that)
        candidates = [f for f in forms if not f.acro] or forms
    # one name per spelling class is enough: the others would score the same
    compared: list[NameForm] = []
    classes: set = set()
    for f in candidates:
        cls = f.folded if f.abjad else tuple(sorted(f.vkeys))
        if cls not in classes:
            classes.add(cls)
            compared.append(f)
            if len(compared) == _MAX_FORMS:
                break
    return Profile(group, tuple(forms), tuple(compared), acronym_only, group.id, group.type)


# -- token alignment ---------------------------------------------------------

def token_match(x: NameForm, i: int, y: NameForm, j: int) -> tuple[float, str]:
    """How well token i of x matches token j of y: (quality 0..1, how).

    same spelling 1.0; same vowel-class key 0.95 (Latin/Cyrillic: Tawhid ~
    Tohid, Valiyev ~ Veliyev); same consonant skeleton 0.9 (with an abjad
    side, or Jaro-Winkler >= 0.86 when both write vowels, so that Mohammad
    and Mahmoud stay apart); one typo 0.85; a shared rigour symbol 0.9
    (Wikidata name: Гейдар ~ Heydar; org domain: پاسداران ~ IRGC).
    An acronym only matches itself; a woman's surname form never matches a
    man's (Aliyeva / Aliyev).
    """
    a, b = x.toks[i], y.toks[j]
    if a == b:
        return 1.0, "same"
    if x.acro or y.acro:
        return 0.0, ""
    abjad = x.abjad or y.abjad
    person = x.type == "person"
    key = (a, b, abjad, person)
    found = _TOKEN_CACHE.get(key)
    if found is None:
        found = _spelling_match(a, b, abjad, x.skels[i], y.skels[j], x.vkeys[i], y.vkeys[j])
        if found[0] and person and not abjad and {surname_gender(a), surname_gender(b)} == {"f", "m"}:
            found = (0.0, "")           # Aliyeva is not Aliyev
        if len(_TOKEN_CACHE) >= _TOKEN_CACHE_SIZE:
            _TOKEN_CACHE.clear()
        _TOKEN_CACHE[key] = found
    if found[0] > 0:
        return found
    if x.symbols()[i] & y.symbols()[j]:
        return 0.9, "symbol"
    return 0.0, ""


_TOKEN_CACHE: dict[tuple[str, str, bool, bool], tuple[float, str]] = {}
_TOKEN_CACHE_SIZE = 1 << 21


def _spelling_match(a: str, b: str, abjad: bool, ska: str, skb: str,
                    vka: str, vkb: str) -> tuple[float, str]:
    """token_match on spelling alone (cached by token pair)."""
    if abjad:
        return (0.9, "skeleton") if ska == skb else (0.0, "")
    if vka == vkb:
        return 0.95, "translit"
    jw = JaroWinkler.similarity(a, b)
    if ska == skb and jw >= 0.86:
        return 0.9, "translit"
    if (a[0] == b[0] and min(len(a), len(b)) >= 5 and not a.isdigit()
            and (jw >= 0.93 or jellyfish.damerau_levenshtein_distance(a, b) == 1)):
        return 0.85, "spelling"
    return 0.0, ""


@dataclass
class Alignment:
    """Tokens of two names paired up; `left_x` / `left_y` are the unpaired ones."""

    matches: list[tuple[str, str, float, str]]
    left_x: list[int]
    left_y: list[int]
    pairs: dict[int, int]      # x index -> y index


def align(x: NameForm, y: NameForm) -> Alignment:
    """Greedy best-first pairing of tokens, then a joined pass over the rest.

    The joined pass compares the skeletons of the unpaired tokens written
    together, so "Hezbollah" pairs with "Hizb Allah" and "حزب الله".
    """
    if x.toks == y.toks:
        n = len(x.toks)
        return Alignment([(t, t, 1.0, "same") for t in x.toks], [], [], {i: i for i in range(n)})
    cands = []
    for i in range(len(x.toks)):
        for j in range(len(y.toks)):
            q, how = token_match(x, i, y, j)
            if q > 0:
                cands.append((-q, i, j, how))
    cands.sort()
    used_x: set[int] = set()
    used_y: set[int] = set()
    matches = []
    pairs = {}
    for negq, i, j, how in cands:
        if i in used_x or j in used_y:
            continue
        used_x.add(i)
        used_y.add(j)
        pairs[i] = j
        matches.append((x.toks[i], y.toks[j], -negq, how))
    # a symbol may span several tokens (حزب الله ~ Hezbollah, the four words of
    # the IRGC): tokens left over that carry the symbol of a pairing join it
    for negq, i, j, how in cands:
        if how != "symbol" or pairs.get(i) != j:
            continue
        shared = x.symbols()[i] & y.symbols()[j]
        for i2 in range(len(x.toks)):
            if i2 not in used_x and x.symbols()[i2] & shared:
                used_x.add(i2)
                matches.append((x.toks[i2], y.toks[j], -negq, "symbol"))
        for j2 in range(len(y.toks)):
            if j2 not in used_y and y.symbols()[j2] & shared:
                used_y.add(j2)
                matches.append((x.toks[i], y.toks[j2], -negq, "symbol"))
    left_x = [i for i in range(len(x.toks)) if i not in used_x]
    left_y = [j for j in range(len(y.toks)) if j not in used_y]
    if left_x and left_y and len(left_x) + len(left_y) > 2:   # 1:1 was token_match's
        jx = "".join(x.toks[i] for i in left_x)
        jy = "".join(y.toks[j] for j in left_y)
        kx, ky = phonetic_key(jx), phonetic_key(jy)
        if kx == ky and len(kx) >= 3 and (
                x.abjad or y.abjad or JaroWinkler.similarity(jx, jy) >= 0.8):
            matches.append((" ".join(x.toks[i] for i in left_x),
                            " ".join(y.toks[j] for j in left_y), 0.9, "joined"))
            for i, j in zip(left_x, left_y):
                pairs[i] = j
            left_x, left_y = [], []
    return Alignment(matches, left_x, left_y, pairs)


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
    shared = p.a.group.context & p.b.group.context
    if not shared:
        return None
    names = sorted(shared)
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


def conflict(a: Profile, b: Profile) -> str | None:
    """Why two profiles can never be one actor, or None.

    Used by the resolver to refuse a union of clusters: two person groups
    whose full names differ by a given name (Ilham / Heydar Aliyev) conflict
    even if a chain of other matches links them.
    """
    if a.type != b.type:
        return f"type_differs: {a.type} / {b.type}"
    if a.type != "person":
        return None
    x, y = a.best, b.best
    if min(len(x.toks), len(y.toks)) < 2:
        return None
    if x.folded == y.folded:
        return None
    res = _token_conflict(Pair(a, b, x, y))
    return f"token_conflict: {res[1]}" if res else None
