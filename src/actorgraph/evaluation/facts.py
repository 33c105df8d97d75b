"""Scoring relations and events against the gold, through the entity links.

Both are precision/recall scores in which gold marked `optional` may be
matched (and then costs nothing) but is never required.
"""
from __future__ import annotations

from actorgraph import ontology
from actorgraph.evaluation.entities import EntityLinks
from actorgraph.evaluation.names import alternatives
from actorgraph.evaluation.report import Section, precision_recall_f1, share

SYMMETRIC = ontology.symmetric_predicates()


def relation_matches(g: dict, subjects: set[str], predicate: str | None,
                     objects: set[str]) -> bool:
    """Same predicate and both ends among the gold's alternatives; symmetric ones either way."""
    if predicate not in alternatives(g["p"]):
        return False
    gs, go = alternatives(g["s"]), alternatives(g["o"])
    if subjects & gs and objects & go:
        return True
    return predicate in SYMMETRIC and bool(subjects & go and objects & gs)


def score_relations(gold: dict, export: dict, links: EntityLinks) -> Section:
    """Relation precision, recall and F1.

    Each exported relation takes the first gold relation it matches that no
    earlier one took. One that matches none, or only gold already taken (a
    duplicate), is a false positive.
    """
    golds = gold.get("relations", [])
    taken: set[int] = set()
    tp = fp = 0
    wrong = []
    for r in export.get("relations", []):
        subjects, objects = links.keys(r.get("subject")), links.keys(r.get("object"))
        predicate = r.get("predicate")
        hits = [i for i, g in enumerate(golds) if relation_matches(g, subjects, predicate, objects)]
        free = [i for i in hits if i not in taken]
        if not free:
            fp += 1
            why = "duplicate" if hits else "no gold"
            wrong.append([r.get("subject"), predicate, r.get("object"), why])
            continue
        taken.add(free[0])
        tp += not golds[free[0]].get("optional")
    required = [i for i, g in enumerate(golds) if not g.get("optional")]
    p, r, f = precision_recall_f1(tp, fp, sum(i in taken for i in required), len(required))
    missed = [f'{golds[i]["s"]} {golds[i]["p"]} {golds[i]["o"]}' for i in required
              if i not in taken]
    return Section(figures={"relation_precision": p, "relation_recall": r, "relation_f1": f},
                   misses={"missed_relations": missed, "wrong_relations": wrong})


def dates_compatible(gold_date: object, date: object) -> bool:
    """A gold without a date takes any; otherwise one date must be a prefix of the other."""
    if not gold_date:
        return True
    if not date:
        return False
    a, b = str(gold_date), str(date)
    return a.startswith(b) or b.startswith(a)


def _participants(g: dict) -> set[str]:
    """Every gold key a gold event's actors, targets and location accept."""
    slots = g["actors"] + g["targets"] + ([g["location"]] if g.get("location") else [])
    return set().union(*(alternatives(s) for s in slots))


def score_events(gold: dict, export: dict, links: EntityLinks) -> Section:
    """Event precision, recall, F1 and the share of found dated events with the exact date.

    Matching is one to one and greedy: required gold events first, then
    optional ones, each in file order, takes the untaken exported event of an
    accepted type and compatible date that shares the most participants
    (at least one; ties to the earliest). Untaken exported events are false
    positives, so an event told twice costs precision.
    """
    golds = gold.get("events", [])
    events = export.get("events", [])
    parts = [links.keys(e.get("actors")) | links.keys(e.get("targets"))
             | links.keys(e.get("location")) for e in events]
    taken: set[int] = set()
    found = dated = exact = 0
    missed = []
    for g in sorted(golds, key=lambda g: bool(g.get("optional"))):
        types = {g["type"], *(g.get("accept_types") or [])}
        wanted = _participants(g)
        best, best_overlap = None, 0
        for j, e in enumerate(events):
            if j in taken or e.get("type") not in types \
                    or not dates_compatible(g.get("date"), e.get("date")):
                continue
            overlap = len(parts[j] & wanted)
            if overlap > best_overlap:
                best, best_overlap = j, overlap
        if best is None:
            if not g.get("optional"):
                missed.append(f'{g["type"]} {g.get("date")} {g.get("note", "")}')
            continue
        taken.add(best)
        if not g.get("optional"):
            found += 1
            if g.get("date"):
                dated += 1
                exact += str(events[best].get("date") or "").startswith(str(g["date"]))
    required = sum(1 for g in golds if not g.get("optional"))
    p, r, f = precision_recall_f1(found, len(events) - len(taken), found, required)
    unmatched = [[e.get("type"), e.get("date"), e.get("actors"), e.get("targets")]
                 for j, e in enumerate(events) if j not in taken]
    return Section(
        figures={"event_precision": p, "event_recall": r, "event_f1": f,
                 "event_date_exact": share(exact, dated)},
        misses={"missed_events": missed, "unmatched_system_events": unmatched})
