"""Shared fixtures: the spaCy pipeline is loaded once per session; stores are fresh files."""
from __future__ import annotations

from pathlib import Path

import pytest

from .dbs import TEST_DB, new_db_url

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "corpus"


@pytest.fixture(scope="session")
def nlp():
    from actorgraph.extract.rules_en.nlp import load_nlp
    return load_nlp()


@pytest.fixture()
def db_url(tmp_path) -> str:
    return new_db_url(tmp_path, 'test.db')


@pytest.fixture()
def store(db_url):
    from actorgraph.store.store import Store
    return Store(db_url)


def pytest_sessionstart(session):
    """With $ACTORGRAPH_TEST_DB set, its server must answer: a PostgreSQL pass that cannot
    reach PostgreSQL fails here rather than pass on something else."""
    if not TEST_DB:
        return
    from sqlalchemy import create_engine

    if not TEST_DB.startswith("postgresql"):
        raise pytest.UsageError(f"ACTORGRAPH_TEST_DB={TEST_DB}: not a PostgreSQL URL")
    engine = create_engine(TEST_DB)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    finally:
        engine.dispose()
