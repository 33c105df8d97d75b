"""Scoring an actorgraph export against a hand annotation ("gold") of the same documents.

The matching rules are those of the project's reference scorer
(`../shared/eval/README.md`, `score.py`), and the figures are the same to the
last decimal, so a user's own gold gives numbers comparable with the dev set's:

- `names`: how names are folded before they are compared;
- `entities`: exported entities linked to gold ones by name; entity figures;
- `facts`: relations and events;
- `claims`: quantities, contradictions, verbatim evidence;
- `report`: the figures and misses, as a table and as JSON;
- `inputs`: reading and checking the two files.
"""
from __future__ import annotations

import os
from pathlib import Path

from actorgraph.evaluation.claims import score_contradictions, score_evidence, score_quantities
from actorgraph.evaluation.entities import link_entities, score_entities
from actorgraph.evaluation.facts import score_events, score_relations
from actorgraph.evaluation.inputs import InputError, check, read_json
from actorgraph.evaluation.report import Report

__all__ = ["InputError", "Report", "evaluate", "read_json"]


def evaluate(export: dict, gold: dict, corpus: str | Path | None = None) -> Report:
    """Score an export (the parsed JSON) against a gold annotation.

    With `corpus`, the folder holding the documents, claims are also checked
    to quote their document verbatim. Raises InputError for malformed input.
    """
    check(export, gold)
    doc_source = {d["id"]: os.path.basename(d.get("source") or "")
                  for d in export.get("documents", [])}
    links = link_entities(gold.get("entities", []), export.get("entities", []))
    sections = [
        score_entities(gold, export, links),
        score_relations(gold, export, links),
        score_events(gold, export, links),
        score_quantities(gold, export, links, doc_source),
        score_contradictions(gold, export),
    ]
    if corpus:
        sections.append(score_evidence(export, Path(corpus), doc_source))
    return Report.join(sections)
