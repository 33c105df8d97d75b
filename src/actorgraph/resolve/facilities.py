"""One facility of one town is one place in every language: "Mosul airport", "Mosul
International Airport", "مطار الموصل الدولي" and "аэропорт Мосула".

A place group's name is read as a facility head of `knowledge/data/facilities.yaml`
(airport, air base, ...), words that only qualify it ("international") and exactly one
word or words naming a town of GeoNames, in any case form the town's name takes with a
short ending ("Мосула"). Groups read as the same (kind, town) are linked (rule
"facility"), as a place and its province are.
"""
from __future__ import annotations

from functools import lru_cache

from actorgraph.knowledge.data import load_yaml
from actorgraph.knowledge.lexicon import known_place, normalize_form
from actorgraph.resolve.records import NameGroup

ENDING = 2          # letters a town's name may take in a case form ("Мосула")


@lru_cache(maxsize=1)
def _table() -> tuple[list[tuple[tuple[str, ...], str]], frozenset[str]]:
    data = load_yaml("facilities.yaml") or {}
    heads = sorted(((tuple(normalize_form(w).split()), kind)
                    for kind, words in (data.get("heads") or {}).items() for w in words),
                   key=lambda h: -len(h[0]))
    return heads, frozenset(normalize_form(w) for w in data.get("modifiers") or ())


def _town(words: list[str]) -> int | None:
    """The GeoNames id of the town `words` name, its last word possibly in a case form."""
    if not words:
        return None
    name = " ".join(words)
    for cut in range(ENDING + 1):
        if cut and len(words[-1]) - cut < 4:
            break
        place = known_place(name[:len(name) - cut] if cut else name)
        if place is not None:
            return place.geonameid
    return None


def facility_of(name: str) -> tuple[str, int] | None:
    """(kind, GeoNames id of its town) of a facility's name, or None."""
    heads, modifiers = _table()
    words = [w for w in normalize_form(name).split() if w not in modifiers]
    for head, kind in heads:
        n = len(head)
        for i in range(len(words) - n + 1):
            if tuple(words[i:i + n]) == head:
                town = _town(words[:i] + words[i + n:])
                return (kind, town) if town is not None else None
    return None


def facility_keys(g: NameGroup) -> set[str]:
    """The facilities a place group may be linked on ("airport|99072"), for the
    resolution index: at least what `facility_links` joins on."""
    if g.type != "place":
        return set()
    return {f"{kind}|{town}" for n, _ in g.names if (f := facility_of(n)) is not None
            for kind, town in [f]}


def facility_links(records: list[NameGroup]) -> list[tuple[str, str]]:
    """Pairs of place groups that name one facility of one town."""
    first: dict[str, str] = {}
    links = []
    for g in records:
        found = facility_keys(g)
        if len(found) != 1:
            continue
        key = found.pop()
        if key in first:
            links.append((first[key], g.id))
        else:
            first[key] = g.id
    return links
