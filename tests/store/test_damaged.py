"""A store altered by hand or another tool is a clear error naming what it lacks."""
from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from actorgraph.cli.main import cli
from actorgraph.store.db import StoreError
from actorgraph.store.store import Store


def test_a_dropped_column_is_named(tmp_path):
    path = tmp_path / "s.db"
    Store(f"sqlite:///{path}")
    with sqlite3.connect(path) as conn:
        conn.execute("ALTER TABLE documents DROP COLUMN author")
    with pytest.raises(StoreError, match="lacks column documents.author"):
        Store(f"sqlite:///{path}")
    result = CliRunner().invoke(cli, ["stats", "--db", f"sqlite:///{path}"])
    assert result.exit_code == 1 and "lacks column documents.author" in result.output
    assert "OperationalError" not in result.output and "Traceback" not in result.output


def test_a_dropped_table_is_named(tmp_path):
    path = tmp_path / "s.db"
    Store(f"sqlite:///{path}")
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE source_grades")
    with pytest.raises(StoreError, match="lacks table source_grades"):
        Store(f"sqlite:///{path}")
