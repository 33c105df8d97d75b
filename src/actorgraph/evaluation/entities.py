"""Linking exported entities to gold entities by name, and scoring the entities.

An exported entity links to the gold entity whose names (`names`) it carries
most often after folding; only when it carries none does a gold entity's
looser `accept` list count. Carrying names of two gold entities is a false
merge (the entity still links, to the most-named key, ties to the first key
in sort order). Two exported entities linked to one gold key are a split.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from actorgraph.evaluation.names import fold
from actorgraph.evaluation.report import Section, share


@dataclass
class EntityLinks:
    """Exported entity id -> gold key, with each exported entity's folded names."""

    key_of: dict[str, str] = field(default_factory=dict)
    names_of: dict[str, set[str]] = field(default_factory=dict)
    false_merges: list[tuple[str, str | None, list[str]]] = field(default_factory=list)

    def keys(self, ids: str | Iterable[str] | None) -> set[str]:
        """The gold keys of one entity id or of several; unlinked ids give nothing."""
        if ids is None:
            return set()
        if isinstance(ids, str):
            ids = [ids]
        return {self.key_of[i] for i in ids if i in self.key_of}


def _index(gold_entities: list[dict], field_name: str) -> dict[str, set[str]]:
    """Folded name -> gold keys, from one name list of every gold entity."""
    index: dict[str, set[str]] = defaultdict(set)
    for g in gold_entities:
        for name in g.get(field_name) or []:
            index[fold(name)].add(g["key"])
    return index


def link_entities(gold_entities: list[dict], entities: list[dict]) -> EntityLinks:
    """Link every exported entity that carries a gold name (see the module's docstring)."""
    strong, weak = _index(gold_entities, "names"), _index(gold_entities, "accept")
    links = EntityLinks()
    for e in entities:
        names = {fold(e.get("name", ""))} | {fold(a) for a in e.get("aliases", []) or []}
        names.discard("")
        links.names_of[e["id"]] = names
        hits: Counter[str] = Counter(k for n in names for k in strong.get(n, ()))
        if not hits:
            hits = Counter(k for n in names for k in weak.get(n, ()))
        if len(hits) > 1:
            links.false_merges.append((e["id"], e.get("name"), sorted(hits)))
        if hits:
            links.key_of[e["id"]] = max(sorted(hits), key=lambda k: hits[k])
    return links


def _alias_pairs(required: list[dict], links: EntityLinks) -> tuple[int, list[tuple[str, str]]]:
    """How many pairs of one gold entity's names one exported entity carries; the others."""
    carried, missed = 0, []
    for g in required:
        folded = [fold(n) for n in g["names"]]
        for i in range(len(folded)):
            for j in range(i + 1, len(folded)):
                if any(folded[i] in s and folded[j] in s for s in links.names_of.values()):
                    carried += 1
                else:
                    missed.append((g["names"][i], g["names"][j]))
    return carried, missed


def score_entities(gold: dict, export: dict, links: EntityLinks) -> Section:
    """Entity precision, recall, type accuracy, alias pair recall, false merges and splits.

    Precision counts exported entities other than channels that link to no gold
    entity; optional gold entities count for precision but are not required.
    """
    entities: list[dict[str, Any]] = export.get("entities", [])
    linked: dict[str, list[dict]] = defaultdict(list)
    for e in entities:
        if e["id"] in links.key_of:
            linked[links.key_of[e["id"]]].append(e)
    required = [g for g in gold.get("entities", []) if not g.get("optional")]
    found = [g for g in required if linked.get(g["key"])]
    typed = [g for g in found if any(e.get("type") == g["type"] for e in linked[g["key"]])]
    carried, missed_pairs = _alias_pairs(required, links)
    pairs = carried + len(missed_pairs)
    splits = sorted(k for k, es in linked.items() if len(es) > 1)
    named = [e for e in entities if e.get("type") != "channel"]
    unlinked = [e.get("name") for e in named if e["id"] not in links.key_of]
    return Section(
        figures={
            "entity_precision": round(1 - len(unlinked) / len(named), 3) if named else 0.0,
            "entity_recall": share(len(found), len(required)),
            "entity_type_accuracy": share(len(typed), len(found)),
            "alias_pair_recall": share(carried, pairs),
            "false_merges": len(links.false_merges),
            "split_entities": len(splits),
            "total_entities": len(entities),
        },
        misses={
            "missed_entities": [g["key"] for g in required if g not in found],
            "entities_matching_no_gold": unlinked,
            "missed_alias_pairs": missed_pairs,
            "false_merges": links.false_merges,
            "splits": splits,
            "wrong_type": [g["key"] for g in found if g not in typed],
        })
