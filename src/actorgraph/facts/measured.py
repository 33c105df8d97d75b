"""Counts of one measure told in two languages that cannot both hold.

`value` conflicts (facts/contradictions.py) group quantities by their unit, which each
extractor writes in its own language ("человек", "nəfər", "people"): a Russian count of the
held never meets an Azerbaijani or an English one. Every extractor also says, in the English
reader's words, what a count measures (`QuantityFact.measure`: dead, wounded, arrested,
missiles, drones, fighters, members ...). Here two quantities of one subject and one measure,
told by reports in different languages, conflict when the values they allow lie more than
the tolerance apart (a bound, "at least 4", allows every higher value). Pairs within one
language are left to the rules that compare their units.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator

from actorgraph.facts.tallies import interval
from actorgraph.store.facts import ClaimRow, FactRow

TOLERANCE = 0.2          # values within 20% of each other are one figure


def _apart(a: tuple[float, float], b: tuple[float, float]) -> bool:
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return lo > hi and (lo - hi) / lo > TOLERANCE


def measured_conflicts(quantities: list[FactRow], by_id: dict[str, ClaimRow],
                       languages: dict[str, str | None]
                       ) -> list[tuple[FactRow, FactRow, str, ClaimRow, ClaimRow]]:
    """Pairs (a, b, measure, claim of a, claim of b) of quantities of one subject and measure
    from reports in different languages (`languages`: document id -> language) whose values
    cannot both hold: each pair of facts once, by its first two claims, in the order told,
    that conflict. Only the claims `_firsts` keeps are compared."""
    out, seen = [], set()
    for (_, measure), told in sorted(told_by_measure(quantities, by_id).items()):
        for i, later in _firsts(told, languages):
            qa, ca = told[i]
            la = languages[ca.doc_id]
            allowed = interval(float(qa.data["value"]), ca.payload.get("qualifier"))
            for j in later:
                qb, cb = told[j]
                if qa.id == qb.id or languages[cb.doc_id] == la or (qa.id, qb.id) in seen:
                    continue
                if _apart(allowed, interval(float(qb.data["value"]), cb.payload.get("qualifier"))):
                    seen.add((qa.id, qb.id))
                    out.append((qa, qb, measure, ca, cb))
    return out


def told_by_measure(quantities: list[FactRow], by_id: dict[str, ClaimRow]
                    ) -> dict[tuple[str, str], list[tuple[FactRow, ClaimRow]]]:
    """(subject, measure) -> its quantities with each claim that tells them, in order;
    only quantities whose every known claim names its measure."""
    groups: dict[tuple[str, str], list[tuple[FactRow, ClaimRow]]] = defaultdict(list)
    for q in quantities:
        claims = [by_id[c] for c in q.claims if c in by_id]
        measured = [c for c in claims if c.payload.get("measure")]
        if q.data.get("subject") and measured and len(measured) == len(claims):
            for c in measured:
                groups[(q.data["subject"], c.payload["measure"])].append((q, c))
    return groups


def _firsts(told: list[tuple[FactRow, ClaimRow]], languages: dict[str, str | None]
            ) -> Iterator[tuple[int, list[int]]]:
    """The claims worth pairing, by their places in `told`: each claim that is the first of
    its likeness (fact, qualifier and language; claims without a language are never
    paired), with the first claim of every likeness after it. A later claim alike to an
    earlier one conflicts with nothing the earlier does not, and any pair it could give
    the earlier gave first; so the work grows with the claims and their likenesses, not
    with the square of the claims (a hub's count told in a thousand reports)."""
    places: dict[tuple, list[int]] = {}
    for i, (q, c) in enumerate(told):
        if languages.get(c.doc_id):
            places.setdefault((q.id, c.payload.get("qualifier"), languages[c.doc_id]),
                              []).append(i)
    for i in sorted(at[0] for at in places.values()):
        later = [at[k] for at in places.values() if (k := bisect_right(at, i)) < len(at)]
        yield i, sorted(later)
