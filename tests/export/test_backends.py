"""The same corpus gives the same export whatever database holds it: the example corpus
ingested into SQLite and into the test database ($ACTORGRAPH_TEST_DB: PostgreSQL in the
second pass of `make test`; another SQLite file otherwise)."""
from __future__ import annotations

import json

from click.testing import CliRunner

from actorgraph.cli.main import cli

from ..conftest import EXAMPLES
from ..dbs import TEST_DB, exported, new_db_url, on_postgres


def _export(url: str) -> str:
    result = CliRunner().invoke(cli, ["ingest", str(EXAMPLES), "--db", url])
    assert result.exit_code == 0, result.output
    return exported(url)


def test_the_example_corpus_exports_the_same_json_on_every_database(tmp_path):
    other = new_db_url(tmp_path, "other.db")
    assert other.startswith("postgresql") == bool(TEST_DB) == on_postgres()
    on_sqlite = _export(f"sqlite:///{tmp_path / 'sqlite.db'}")
    assert _export(other) == on_sqlite
    data = json.loads(on_sqlite)
    assert len(data["documents"]) == 7 and data["entities"] and data["claims"]
