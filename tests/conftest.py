"""Shared fixtures: the spaCy pipeline is loaded once per session; stores are fresh files."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "corpus"


@pytest.fixture(scope="session")
def nlp():
    from actorgraph.extract.rules_en.nlp import load_nlp
    return load_nlp()


@pytest.fixture()
def db_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture()
def store(db_url):
    from actorgraph.store.store import Store
    return Store(db_url)
