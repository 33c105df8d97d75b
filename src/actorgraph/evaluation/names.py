"""How the evaluation compares names, and how a gold slot lists alternatives.

The folding is deliberately cruder than the resolver's (`resolve/names.py`):
it is the yardstick, so it must give the figures of the reference scorer
(`../shared/eval/score.py`) and must not improve when the resolver does.
"""
from __future__ import annotations

import re
import unicodedata

# Words dropped from the front of a name (while another word remains).
TITLES = frozenset({
    "gen", "general", "president", "ayatollah", "mr", "mrs", "ms", "dr", "sheikh", "shaykh",
    "former", "commander", "mayor", "sayyed", "sayyid", "hojatoleslam", "brig", "col",
    "colonel", "maj", "major", "lt", "imam",
})

_POSSESSIVE = re.compile(r"'s\b")
_PUNCTUATION = re.compile(r"[^\w\s]")


def fold(name: str | None) -> str:
    """The comparable form of a name: case, diacritics, punctuation, "the" and titles dropped.

    "The Husseiniyyun's" -> "husseiniyyun"; "Gen. Qassem Soleimani" -> "qassem soleimani";
    "Hüseynçilər" -> "huseyncilər" (only combining marks go; "ə" is a letter of its own).
    """
    decomposed = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in decomposed if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    text = _PUNCTUATION.sub(" ", _POSSESSIVE.sub("", text))
    words = text.split()
    while words and words[0] == "the":
        words.pop(0)
    while len(words) > 1 and words[0] in TITLES:
        words.pop(0)
    return " ".join(words)


def alternatives(slot: str | None) -> set[str]:
    """The gold keys (or predicates) a slot accepts: "azerbaijan|baku" -> both; empty -> none."""
    return set(slot.split("|")) if slot else set()
