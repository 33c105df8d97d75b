"""What a count measures, in the English reader's words (`QuantityFact.measure`), so that a
count of the dead, the held or the missiles in one language meets the same count in another.

Three word classes of the language's `data/claims.yaml`, matched as its other classes are
(word beginnings where the grammar lists stems, else words with their clitics removed):

- `weapon_units`: the counted noun itself is a weapon ({missiles: [...], drones: [...]});
  first, so that "12 drones were shot down" counts drones, not the dead;
- `measures`: a word of dying, of being hurt or of being held ({dead, wounded, arrested})
  next to the number and its noun, the nearest one, at most `BEFORE` words before them and
  `AFTER` after (the verb follows in Azerbaijani and Persian, leads in Arabic); not for a
  count of units of time (`time_units`: "15 days after the killing");
- `people_units`: the counted noun is fighters or members, when no word says more.
"""
from __future__ import annotations

from actorgraph.extract.textrules.grammar import Grammar
from actorgraph.extract.textrules.text import Token
from actorgraph.extract.textrules.words import find, phrases

BEFORE = 2      # words before the number (or its noun, if that comes first)
AFTER = 3       # words after the noun (or the number, if that comes last)

_TABLES: dict[tuple[str, str], list[tuple[list[str], str]]] = {}


def _table(grammar: Grammar, name: str) -> list[tuple[list[str], str]]:
    key = (grammar.package, name)
    if key not in _TABLES:
        found = grammar.words.get(name) or {}
        _TABLES[key] = phrases(grammar, found if isinstance(found, dict) else {name: found})
    return _TABLES[key]


def _noun_class(tokens: list[Token], unit: int, grammar: Grammar, name: str) -> str | None:
    """The class of `name` a phrase opening at the counted noun belongs to ("طائرات مسيرة")."""
    hits = find(tokens[unit:unit + 3], grammar, _table(grammar, name), prefix=grammar.prefix)
    return hits[0].label if hits and hits[0].start == 0 else None


def measure_of(tokens: list[Token], i: int, j: int, unit: int, grammar: Grammar) -> str | None:
    """What the number over tokens [i, j) counting the noun at `unit` measures, or None."""
    weapon = _noun_class(tokens, unit, grammar, "weapon_units")
    if weapon:
        return weapon
    if not _noun_class(tokens, unit, grammar, "time_units"):
        lo, hi = min(i, unit), max(j, unit + 1)
        first = max(lo - BEFORE, 0)
        while first < lo and tokens[first].sentence != tokens[i].sentence:
            first += 1
        last = min(hi + AFTER, len(tokens))
        while last > hi and tokens[last - 1].sentence != tokens[i].sentence:
            last -= 1
        hits = find(tokens[first:last], grammar, _table(grammar, "measures"),
                    prefix=grammar.prefix)
        near = [(max(lo - (first + h.end) + 1, first + h.start - hi + 1, 0), -h.start, h.label)
                for h in hits]       # words apart (0: the noun itself), the later first
        if near:
            return min(near)[2]
    return _noun_class(tokens, unit, grammar, "people_units")
