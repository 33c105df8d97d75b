"""The one way the package reads the data files it ships.

Each package that owns data keeps it in a `data/` folder beside its modules:
domain knowledge (gazetteer, countries, names, word lists, page furniture) in
`actorgraph/knowledge/data/`, the English extractor's patterns and word lists in
`actorgraph/extract/rules_en/data/`. Files are read once and cached; callers must
not change what they get back.
"""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

KNOWLEDGE = "actorgraph.knowledge"


def data_file(name: str, package: str = KNOWLEDGE) -> Traversable:
    """The data file `name` (a path under the package's `data/` folder)."""
    return resources.files(package) / "data" / name


@cache
def load_yaml(name: str, package: str = KNOWLEDGE) -> Any:
    """The parsed YAML file `name` of the package's `data/` folder (None when empty)."""
    import yaml  # type: ignore[import-untyped]  # here: a command that reads no table needs no YAML

    return yaml.safe_load(data_file(name, package).read_text(encoding="utf-8"))


@cache
def load_jsonl(name: str, package: str = KNOWLEDGE) -> tuple[dict[str, Any], ...]:
    """The rows of the JSON-lines file `name` of the package's `data/` folder; blank lines
    and lines starting with '#' are skipped, a missing file has no rows."""
    path = data_file(name, package)
    if not path.is_file():
        return ()
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append(json.loads(line))
    return tuple(rows)
