"""Cutting a gold annotation down to some of its documents, e.g. those of one language,
so each language of a mixed set can be scored on its own (ingest only those documents,
export, and score the export against the cut gold).

What is kept: the entities with a name written in the kept texts (their names cut to
those written there); an entity a kept fact needs though no name of it is written there
(an adjective, a pronoun), as optional; the relations, events and quantities told by a
kept document; the contradictions all of whose documents are kept.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from actorgraph.evaluation.names import fold


def languages(gold: dict, corpus: str | Path) -> dict[str, list[str]]:
    """The gold's documents by the language their sidecar gives ("?" where none)."""
    out: dict[str, list[str]] = {}
    for doc in gold.get("documents", []):
        meta = Path(corpus) / (Path(doc).stem + ".meta.json")
        lang = json.loads(meta.read_text("utf-8")).get("language") if meta.exists() else None
        out.setdefault(lang or "?", []).append(doc)
    return out


def cut(gold: dict, corpus: str | Path, keep: Iterable[str]) -> dict:
    """The part of `gold` that the documents `keep` (file names) tell."""
    kept_docs = set(keep)
    text = " " + " ".join(fold((Path(corpus) / d).read_text("utf-8"))
                          for d in sorted(kept_docs)) + " "

    def written(name: str) -> bool:
        folded = fold(name)
        return bool(folded) and f" {folded} " in text

    out = dict(gold, corpus=f"{gold.get('corpus', '')}:subset",
               documents=[d for d in gold.get("documents", []) if d in kept_docs])
    out["entities"] = []
    for e in gold.get("entities", []):
        names = [n for n in e["names"] if written(n)]
        accepted = [n for n in e.get("accept", []) if written(n)]
        if names or accepted:
            out["entities"].append(dict(e, names=names or accepted[:1]))
    for section in ("relations", "events", "quantities"):
        out[section] = [dict(x, docs=[d for d in x["docs"] if d in kept_docs])
                        for x in gold.get(section, []) if set(x.get("docs", [])) & kept_docs]
    have = {e["key"] for e in out["entities"]}
    slots = [r[s] for r in out["relations"] for s in ("s", "o")]
    slots += [q["subject"] for q in out["quantities"]]
    slots += [a for e in out["events"]
              for a in e["actors"] + e["targets"] + [e.get("location") or ""]]
    needed = {k for slot in slots if slot for k in slot.split("|")}
    out["entities"] += [dict(e, optional=True) for e in gold.get("entities", [])
                        if e["key"] in needed - have]
    out["contradictions"] = [c for c in gold.get("contradictions", [])
                             if set(c.get("docs", [])) <= kept_docs]
    return out
