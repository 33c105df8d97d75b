"""A small corpus written by a test, ingested into a fresh store through the CLI."""
from __future__ import annotations

from click.testing import CliRunner

from actorgraph.cli.main import cli

from ..dbs import new_db_url


def ingested(tmp_path, texts: dict[str, str]) -> str:
    """Write `texts` (file name -> text) to a folder, ingest it; the store's URL."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = new_db_url(tmp_path, 'store.db')
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", db])
    assert result.exit_code == 0, result.output
    return db
