"""Reading an export and a gold annotation, with every structural problem named.

A gold file is written by hand, so a mistake in it should be reported as
"gold.events[3]: 'targets' must be a list of strings", not as a traceback.
"""
from __future__ import annotations

import json
from typing import IO, Any

# Per gold section: the keys the scorer reads and what each must hold
# (a "?" marks a key that may also be absent or null).
GOLD_FIELDS: dict[str, dict[str, str]] = {
    "entities": {"key": "string", "type": "string", "names": "strings", "accept": "strings?"},
    "relations": {"s": "string", "p": "string", "o": "string"},
    "events": {"type": "string", "actors": "strings", "targets": "strings",
               "location": "string?", "accept_types": "strings?"},
    "quantities": {"subject": "string", "unit": "string", "value": "number", "docs": "strings",
                   "attributed_to": "string?"},
    "contradictions": {"about": "string", "texts": "sides"},
}
WANTED = {"string": "a string", "strings": "a list of strings", "number": "a number",
          "sides": 'two sides of one pattern each, e.g. [["2015"], ["2017|2016"]]'}


class InputError(ValueError):
    """An export or gold file that cannot be scored, with the reasons."""


def read_json(stream: IO[str]) -> Any:
    """Parse an open JSON file, naming it when it is not JSON."""
    try:
        return json.load(stream)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{getattr(stream, 'name', 'input')}: not readable JSON ({exc})") \
            from exc


def _gold_problems(gold: Any) -> list[str]:
    if not isinstance(gold, dict):
        return ["gold: must be a JSON object"]
    problems = []
    for section, fields in GOLD_FIELDS.items():
        items = gold.get(section, [])
        if not isinstance(items, list):
            problems.append(f"gold.{section}: must be a list")
            continue
        for n, item in enumerate(items):
            where = f"gold.{section}[{n}]"
            if not isinstance(item, dict):
                problems.append(f"{where}: must be an object")
                continue
            problems += [f"{where}: {key!r} must be {WANTED[kind.rstrip('?')]}"
                         for key, kind in fields.items() if not _holds(item.get(key), kind)]
    return problems



def _holds(value: Any, kind: str) -> bool:
    """Does a gold value hold what its field needs (see WANTED)?"""
    if kind.endswith("?"):
        return value is None or _holds(value, kind[:-1])
    if kind == "string":
        return isinstance(value, str)
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "strings":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return (isinstance(value, list) and len(value) == 2
            and all(_holds(side, "strings") and len(side) == 1 for side in value))


def _export_problems(export: Any) -> list[str]:
    if not isinstance(export, dict):
        return ["export: must be a JSON object"]
    problems = []
    for section in ("documents", "entities", "relations", "events", "claims", "contradictions"):
        items = export.get(section, [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            problems.append(f"export.{section}: must be a list of objects")
    for section in ("documents", "entities", "claims"):
        items = export.get(section, [])
        if isinstance(items, list) and any(isinstance(i, dict) and "id" not in i for i in items):
            problems.append(f"export.{section}: every item needs an 'id'")
    return problems


def check(export: Any, gold: Any) -> None:
    """Raise InputError listing every problem that would stop scoring."""
    problems = _export_problems(export) + _gold_problems(gold)
    if problems:
        raise InputError("cannot score:\n  " + "\n  ".join(problems))
