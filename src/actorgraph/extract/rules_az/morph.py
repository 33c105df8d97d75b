"""Azerbaijani morphology for names: Turkic case folding and the case endings a name takes.

Endings follow vowel harmony (the last vowel of the stem decides a/ə and ı/i/u/ü) and
take a buffer consonant after a vowel (n before the genitive and accusative, y before the
dative); after the third-person possessive that ends compound names ("Nazirliyi",
"Respublikası") the locative, ablative and dative take n ("Respublikasında"). An ending
joined by an apostrophe or hyphen ("Bakı'da", "DTX-nin") is always an ending. The short
endings a bare name may end in too (-ın, -a, -ı after a consonant: "Emin", "Kanada") are
marked unsure: the name finder takes them off only with evidence.
"""
from __future__ import annotations

from functools import lru_cache

from actorgraph.extract.textrules.grammar import Analysis

BACK, FRONT = set("aıou"), set("eəiöü")
VOWELS = BACK | FRONT
APOSTROPHES = "'\u2019\u02bc-\u2011"


def lower(word: str) -> str:
    """Turkic lower case: İ -> i, I -> ı."""
    return word.replace("İ", "i").replace("I", "ı").lower()


def upper_first(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _harmony(stem: str) -> tuple[str, str] | None:
    """(two-way vowel, four-way vowel) the stem's endings take, from its last vowel."""
    for ch in reversed(lower(stem)):
        if ch in VOWELS:
            two = "a" if ch in BACK else "ə"
            four = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "ə": "i", "i": "i",
                    "ö": "ü", "ü": "ü"}[ch]
            return two, four
    return None


def _endings(two: str, four: str) -> list[tuple[str, str, str]]:
    """(ending, case, after): after 'v' (vowel), 'c' (consonant), 'p' (possessive), '*'."""
    d = "d"
    return [
        (f"{d}{two}k{'ı' if two == 'a' else 'i'}", "loc", "*"),
        (f"n{d}{two}k{'ı' if two == 'a' else 'i'}", "loc", "p"),
        (f"{d}{two}n", "abl", "*"), (f"t{two}n", "abl", "*"), (f"n{d}{two}n", "abl", "p"),
        (f"{d}{two}", "loc", "*"), (f"t{two}", "loc", "*"), (f"n{d}{two}", "loc", "p"),
        (f"n{four}n", "gen", "v"), (f"{four}n", "gen", "c"),
        (f"n{four}", "acc", "v"), (f"{four}", "acc", "c"),
        (f"y{two}", "dat", "v"), (f"n{two}", "dat", "p"), (f"{two}", "dat", "c"),
        (f"yl{two}", "ins", "v"), (f"l{two}", "ins", "c"),     # "Gəncəylə", "Ərbillə"
        (f"{d}{four}r", "cop", "*"), (f"t{four}r", "cop", "*"),
    ]


SURE = {"loc", "abl", "ins", "cop"}


def analyses(word: str) -> list[Analysis]:
    """Readings of a written word without a case ending, longest ending first."""
    return list(_analyses(word))


@lru_cache(maxsize=65536)
def _analyses(word: str) -> tuple[Analysis, ...]:
    for sep in APOSTROPHES:
        if sep in word[1:]:
            stem, _, rest = word.rpartition(sep)
            if stem and rest and _is_ending(rest):
                return (Analysis(stem, sep + rest, True, _case_of(rest)),)
    out = []
    low = lower(word)
    for n in range(1, len(word) - 1):
        stem, ending = word[:-n], low[-n:]
        harmony = _harmony(stem)
        if harmony is None or len(stem) < 2:
            continue
        for form, case, after in _endings(*harmony):
            if form != ending:
                continue
            last = lower(stem)[-1]
            possessive = last in "ıiuü"
            if after == "v" and last not in VOWELS or after == "c" and last in VOWELS:
                continue
            if after == "p" and not possessive:
                continue
            sure = case in SURE or after in ("v", "p") or len(form) >= 3
            out.append(Analysis(stem, word[-n:], sure, case))
    out.sort(key=lambda a: -len(a.affix))
    cases = {a.case for a in out if a.case in ("gen", "acc")}
    if any(sum(a.case == c for a in out) > 1 for c in cases):   # "İra-nın" or "İran-ın"?
        out = [Analysis(a.stem, a.affix, a.sure and lower(a.stem)[-1] in "ıiuü", a.case)
               if a.case in cases else a for a in out]
    return tuple(out)


def _is_ending(rest: str) -> bool:
    low = lower(rest)
    for two in "aə":
        for four in "ıiuü":
            if any(low == form for form, _, _ in _endings(two, four)):
                return True
    return low in {"nın", "nin", "nun", "nün", "ya", "yə", "ın", "in", "un", "ün"}


def _case_of(rest: str) -> str:
    low = lower(rest)
    for two in "aə":
        for four in "ıiuü":
            for form, case, _ in _endings(two, four):
                if low == form:
                    return case
    return "gen"


def possessive_stems(word: str) -> set[str]:
    """The nouns a third-person possessive form may be of ("Nazirliyi" -> "nazirlik",
    "Partiyası" -> "partiya", "rayonu" -> "rayon"), lower-cased; empty when none."""
    low = lower(word)
    out = set()
    if low[-2:] in ("sı", "si", "su", "sü") and len(low) > 3 and low[-3] in VOWELS:
        out.add(low[:-2])
    if len(low) > 3 and low[-1] in "ıiuü" and low[-2] not in VOWELS:
        stem = low[:-1]
        out.add(stem)
        if stem.endswith("y") and stem[-2] in VOWELS:       # -liyi: -lik
            out.add(stem[:-1] + "k")
        if stem.endswith("ğ"):
            out.add(stem[:-1] + "q")
    return out


def heads(word: str) -> set[str]:
    """The nouns an inflected head word may be of: itself, and with a case ending and the
    possessive taken off."""
    out = {lower(word)}
    for a in [Analysis(word), *analyses(word)]:
        out.add(lower(a.stem))
        out |= possessive_stems(a.stem)
    return out
