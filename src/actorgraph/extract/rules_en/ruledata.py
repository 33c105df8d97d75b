"""The English rules' data files, in `actorgraph/extract/rules_en/data/`: the
pattern files (`events.yaml`, `relations.yaml`, ...) and the word lists the rules
test tokens against (`words/<part>.yaml`, one file per sub-package)."""
from __future__ import annotations

from typing import Any

from actorgraph.knowledge.data import load_yaml

PACKAGE = "actorgraph.extract.rules_en"


def load_data(name: str) -> dict[str, Any]:
    """A YAML file of the English rules' data folder, read once (empty when the file is)."""
    return load_yaml(name, package=PACKAGE) or {}


def words(part: str, name: str) -> set[str]:
    """The word list `name` of `data/words/<part>.yaml`, in its written order."""
    return set(load_data(f"words/{part}.yaml")[name])


def table(part: str, name: str) -> dict[str, Any]:
    """The word table `name` (word -> value) of `data/words/<part>.yaml`."""
    return dict(load_data(f"words/{part}.yaml")[name])
