"""Numbers written in digits and/or words ("1.5 million", "two hundred and fifty"):
their value and where they run in a sentence. Shared by dates (counts of units in
"three weeks ago") and quantities; number words: `data/quantities.yaml`."""
from __future__ import annotations

import re
from functools import lru_cache

from actorgraph.extract.rules_en.ruledata import load_data


@lru_cache(maxsize=1)
def cues() -> dict:
    """The cue words of data/quantities.yaml (number words, scales, units, qualifiers)."""
    return load_data("quantities.yaml")


def parse_number(words: list[str]) -> float | None:
    """The value of a number written in digits and/or words ("1.5 million", "eighty-eight
    million", "a dozen", "two hundred and fifty"); None when a word is not part of a number."""
    c = cues()
    total, current, seen = 0.0, 0.0, False
    for raw in words:
        for w in raw.lower().split("-"):
            if not w or w == "and":
                continue
            if re.fullmatch(r"\d+(?:,\d{3})*(?:\.\d+)?|\d*\.\d+", w):
                current += float(w.replace(",", ""))
            elif w == "dozen":
                current = (current or 1) * 12
            elif w in c["number_words"]:
                current += c["number_words"][w]
            elif w in ("a", "an") and (not seen or current == 0.5):
                current = current or 1
            elif w in c["scales"]:
                current = (current or 1) * c["scales"][w]
                if c["scales"][w] >= 1000:
                    total, current = total + current, 0.0
            else:
                return None
            seen = True
    return total + current if seen else None


def is_number_word(tok) -> bool:
    return _number_word(tok.lower_)


@lru_cache(maxsize=16384)
def _number_word(w: str) -> bool:
    """Whether a word (lower case) is a figure or a number word (once per word: each
    sentence's tokens are tested several times)."""
    c = cues()
    return bool(re.fullmatch(r"\d+(?:,\d{3})*(?:\.\d+)?|\d*\.\d+", w)) or w in c["number_words"] \
        or w in c["scales"] or (w.count("-") == 1 and all(p in c["number_words"]
                                                          for p in w.split("-")))


def number_phrases(sent) -> list[tuple[int, int]]:
    """(first, last) token indices of every run of number words in a sentence."""
    out, i, toks = [], 0, list(sent)
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        starts_a = t.lower_ in ("a", "an") and nxt is not None and \
            (nxt.lower_ in cues()["scales"] or nxt.lower_ == "dozen")
        if not (is_number_word(t) or starts_a):
            i += 1
            continue
        j = i
        while j + 1 < len(toks):
            n = toks[j + 1]
            after = toks[j + 2] if j + 2 < len(toks) else None
            joins = (n.text == "-" or (n.lower_ == "and" and toks[j].lower_ in cues()["scales"]))
            if is_number_word(n) or (n.lower_ == "a" and toks[j].lower_ == "half"):
                j += 1
            elif joins and after is not None and is_number_word(after):
                j += 2
            else:
                break
        out.append((toks[i].i, toks[j].i))
        i = j + 1
    return out
