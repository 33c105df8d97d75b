"""Token alignment: which words of two names are one word, and how well.

:func:`token_match` compares two tokens (same spelling, transliteration class,
consonant skeleton, one typo, a shared rigour symbol); :func:`align` pairs the
tokens of two names best first, then tries the unpaired ones written together.
"""
from __future__ import annotations

from dataclasses import dataclass

import jellyfish
from rapidfuzz.distance import JaroWinkler

from actorgraph.knowledge.names import (
    designator_classes,
    long_vowels_agree,
    phonetic_key,
    phonetic_variants,
    surname_gender,
    vowel_variants,
)
from actorgraph.resolve.profiles import NameForm


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
    if not person and designator_classes(a) & designator_classes(b):
        return 0.9, "designator"      # Kata'ib ~ Brigades, Liwa ~ Brigade
    return 0.0, ""


def _long_vowels(a: str, b: str) -> bool:
    """`long_vowels_agree`, the abjad spelling being the one that writes fewer vowels."""
    va, vb = sum(c in "aeiou" for c in a), sum(c in "aeiou" for c in b)
    if va == vb:
        return True
    return long_vowels_agree(a, b) if va < vb else long_vowels_agree(b, a)


_TOKEN_CACHE: dict[tuple[str, str, bool, bool], tuple[float, str]] = {}
_TOKEN_CACHE_SIZE = 1 << 21


def _spelling_match(a: str, b: str, abjad: bool, ska: str, skb: str,
                    vka: str, vkb: str) -> tuple[float, str]:
    """token_match on spelling alone (cached by token pair)."""
    if abjad:
        if not _long_vowels(a, b):
            return 0.0, ""          # حسینی writes the i of Hosseini that Hassani lacks
        if ska == skb:
            return 0.9, "skeleton"
        # a letter read two ways (كاظمي ~ Kazimi: ظ is dh or z)
        return (0.85, "skeleton") if phonetic_variants(a) & phonetic_variants(b) else (0.0, "")
    if vka == vkb:
        return 0.95, "translit"
    jw = JaroWinkler.similarity(a, b)
    if jw >= 0.8 and vowel_variants(a) & vowel_variants(b):
        return 0.9, "translit"          # Kadhimi ~ Kazimi, Uthman ~ Osman
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
