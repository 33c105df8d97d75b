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
    cannot both hold."""
    groups: dict[tuple[str, str], list[tuple[FactRow, ClaimRow]]] = defaultdict(list)
    for q in quantities:
        claims = [by_id[c] for c in q.claims if c in by_id]
        measured = [c for c in claims if c.payload.get("measure")]
        if q.data.get("subject") and measured and len(measured) == len(claims):
            for c in measured:
                groups[(q.data["subject"], c.payload["measure"])].append((q, c))
    out: list[tuple[FactRow, FactRow, str, ClaimRow, ClaimRow]] = []
    seen: set[tuple[str, str]] = set()
    for (_, measure), told in sorted(groups.items()):
        out += _pairs(told, measure, languages, seen)
    return out


def _pairs(told: list[tuple[FactRow, ClaimRow]], measure: str,
           languages: dict[str, str | None], seen: set[tuple[str, str]]
           ) -> list[tuple[FactRow, FactRow, str, ClaimRow, ClaimRow]]:
    """The conflicting pairs of one group, as comparing each told count with every later one
    finds them: for each count, each other quantity's first later count that conflicts,
    unless that pair of quantities conflicted before (`seen`, updated). The counts are
    looked up by quantity, language and the values they allow, so the thousands of counts
    of a hub's quantity are not each compared with every other."""
    Read = tuple[str | None, tuple[float, float]]
    read: list[Read] = [(languages.get(c.doc_id), interval(float(q.data["value"]),
                                                           c.payload.get("qualifier")))
                        for q, c in told]
    told_at: dict[str, dict[Read, list[int]]] = defaultdict(lambda: defaultdict(list))
    for k, (q, _) in enumerate(told):
        if read[k][0]:
            told_at[q.id][read[k]].append(k)
    out = []
    for i, (qa, ca) in enumerate(told):
        la, va = read[i]
        if not la:
            continue
        found = []
        for qid, by_read in told_at.items():
            if qid == qa.id or (qa.id, qid) in seen:
                continue
            later = [at[k] for (lb, vb), at in by_read.items()
                     if lb != la and (k := bisect_right(at, i)) < len(at) and _apart(va, vb)]
            if later:
                found.append(min(later))
        for j in sorted(found):
            qb, cb = told[j]
            seen.add((qa.id, qb.id))
            out.append((qa, qb, measure, ca, cb))
    return out
