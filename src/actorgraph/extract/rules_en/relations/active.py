"""Where a group acts, from what it did: "al-Shabaab struck repeatedly in Kenya" says that
al-Shabaab operates in Kenya, as "cells in Kenya" would.

An attack or deployment whose actor is an organisation and whose location is a country
gives `operates_in` from the organisation to that country, with the event's sentence and
attribution (one attack on a town says less about where a group operates); a town or
site the group seized is one it holds. A place that is also what was attacked is not where the group
operates ("fired rockets at Israel"); a plot (foiled, planned) was not carried out there;
states acting abroad are left out (their strikes are not a presence).
"""
from __future__ import annotations

from actorgraph.model import EventFact, RelationFact

ACTING = {"ASSAULT", "MOBILIZE"}


def _kind(key: str) -> str:
    return key.split(":", 1)[0]


def active_in(events: list[EventFact]) -> list[RelationFact]:
    out: list[RelationFact] = []
    seen: set[tuple[str, str, int]] = set()
    for e in events:
        if e.mode == "occupy":      # "the Houthis seized the capital, Sanaa": they hold it
            for place in e.targets:
                for actor in e.actors:
                    if _kind(place) in ("country", "place") and _kind(actor) == "organization" \
                            and (actor, place, e.sentence) not in seen:
                        seen.add((actor, place, e.sentence))
                        out.append(RelationFact(actor, "operates_in", place, e.sentence,
                                                "acts_in:occupy", attribution=e.attribution))
        if e.type not in ACTING or not e.location or e.location in e.targets \
                or _kind(e.location) != "country" or e.mode == "plot":
            continue
        for actor in e.actors:
            if _kind(actor) != "organization" or (actor, e.location, e.sentence) in seen:
                continue
            seen.add((actor, e.location, e.sentence))
            out.append(RelationFact(actor, "operates_in", e.location, e.sentence,
                                    f"acts_in:{e.type.lower()}", attribution=e.attribution))
    return out
