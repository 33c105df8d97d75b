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
    out, seen = [], set()
    for (_, measure), told in sorted(groups.items()):
        for i, (qa, ca) in enumerate(told):
            for qb, cb in told[i + 1:]:
                la, lb = languages.get(ca.doc_id), languages.get(cb.doc_id)
                if qa.id == qb.id or not la or not lb or la == lb or (qa.id, qb.id) in seen:
                    continue
                if _apart(interval(float(qa.data["value"]), ca.payload.get("qualifier")),
                          interval(float(qb.data["value"]), cb.payload.get("qualifier"))):
                    seen.add((qa.id, qb.id))
                    out.append((qa, qb, measure, ca, cb))
    return out
