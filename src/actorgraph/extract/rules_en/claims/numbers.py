"""Numbers written in digits and/or words ("1.5 million", "two hundred and fifty"):
their value and where they run in a sentence. Shared by dates (counts of units in
"three weeks ago") and quantities; number words: `data/quantities.yaml`."""
from __future__ import annotations

import re
from functools import lru_cache

from actorgraph.extract.rules_en.nlp import columns
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
    """(first, last) token indices of every run of number words in a sentence (a span),
    read from the document's columns."""
    cols = columns(sent.doc)
    low, text, scales = cols.lower, cols.text, cues()["scales"]
    out, i, end = [], sent.start, sent.end
    while i < end:
        nxt = low[i + 1] if i + 1 < end else None
        starts_a = low[i] in ("a", "an") and nxt is not None and \
            (nxt in scales or nxt == "dozen")
        if not (_number_word(low[i]) or starts_a):
            i += 1
            continue
        j = i
        while j + 1 < end:
            n = j + 1
            joins = (text[n] == "-" or (low[n] == "and" and low[j] in scales))
            if _number_word(low[n]) or (low[n] == "a" and low[j] == "half"):
                j += 1
            elif joins and j + 2 < end and _number_word(low[j + 2]):
                j += 2
            else:
                break
        out.append((i, j))
        i = j + 1
    return out
