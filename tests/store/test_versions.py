"""Schema versions with Alembic: the chain from the first released schema, stores made by
every older version (their statements replayed from tests/store/legacy/, written by
tools/legacy_stores.py from each commit's own code) opened by this one, a newer schema
and a foreign database refused, read-only commands that never change a store."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, inspect

from actorgraph.cli.main import cli
from actorgraph.store.db import StoreError
from actorgraph.store.search import search_documents
from actorgraph.store.store import Store
from actorgraph.store.versions import SCRIPTS, _script, chain, head, read_version

from ..dbs import new_db_url, on_postgres

LEGACY = Path(__file__).parent / "legacy"
DIALECT = "postgresql" if on_postgres() else "sqlite"
FIXTURES = sorted(LEGACY.glob(f"{DIALECT}-*.json"))


def _value(v):
    if isinstance(v, dict) and set(v) == {"bytes"}:
        return v["bytes"].encode("latin-1")
    if isinstance(v, dict):
        return {k: _value(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_value(x) for x in v]
    return v


def replay(fixture: Path, url: str) -> None:
    """Run what an older actorgraph ran to make a store and write a few rows into it."""
    engine = create_engine(url)
    with engine.begin() as conn:
        for statement, params in json.loads(fixture.read_text(encoding="utf-8")):
            params = _value(params)
            if isinstance(params, list):
                params = tuple(params)
            if params:
                conn.exec_driver_sql(statement, params)
            else:
                conn.exec_driver_sql(statement.replace("%", "%%") if on_postgres()
                                     else statement)
    engine.dispose()


def tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return set(inspect(conn).get_table_names())
    finally:
        engine.dispose()


def legacy_store(tmp_path, n: int) -> str:
    url = new_db_url(tmp_path, f"legacy{n}.db")
    replay(LEGACY / f"{DIALECT}-{n:04d}.json", url)
    return url


def test_the_chain_is_alembics_and_starts_at_the_first_schema():
    _config, script = _script()
    assert list(chain()) == [r.revision for r in reversed(list(script.walk_revisions()))]
    assert script.get_current_head() == head() == chain()[-1]
    assert chain()[0] == "0001_initial" and len(chain()) >= 12
    for path in (SCRIPTS / "versions").glob("0*.py"):    # each file is named for its revision
        assert path.stem in chain()


def test_a_new_store_has_exactly_the_schema_of_this_version(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from actorgraph.store.schema import metadata

    store = Store(db_url)
    with store.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), metadata)
        assert read_version(conn).state == "current"
    # what the schema declares is all there, of the declared types; the database may hold
    # more (the search index, read indexes declared by their revisions)
    assert [d for d in diffs if not (isinstance(d, tuple) and d[0].startswith("remove_"))] \
        == []


def test_there_is_a_fixture_for_every_numbered_migration():
    numbers = sorted(int(p.stem.split("-")[1]) for p in FIXTURES)
    assert numbers == list(range(1, 13)), FIXTURES


@pytest.mark.parametrize("n", range(1, 13))
def test_a_store_of_every_older_version_opens_and_keeps_its_rows(tmp_path, n):
    url = legacy_store(tmp_path, n)
    before = tables(url)
    if n < 12 or head() != "0012_document_encoding":
        # a command that only reads asks for the upgrade and changes nothing
        with pytest.raises(StoreError, match="actorgraph migrate"):
            Store(url, create=False)
        assert tables(url) == before
    else:        # the current schema under the old log: read as is, nothing written
        Store(url, create=False).engine.dispose()
        assert "alembic_version" not in tables(url)
    store = Store(url)             # a command that writes upgrades it
    with store.engine.connect() as conn:
        version = read_version(conn)
        assert (version.state, version.revision, version.legacy) == ("current", head(), False)
        doc = conn.exec_driver_sql("SELECT text, publisher, encoding FROM documents").one()
        judged = conn.exec_driver_sql("SELECT action, a, b FROM judgements").all()
        grades = conn.exec_driver_sql("SELECT source, reliability FROM source_grades").all()
        claims = conn.exec_driver_sql("SELECT count(*) FROM claims").scalar()
        legacy_log = conn.exec_driver_sql("SELECT count(*) FROM migrations").scalar()
    assert "Aleppo" in doc.text and doc.publisher == "Example Monitor"
    assert doc.encoding == ("windows-1251" if n >= 12 else None)
    assert judged == [("different", "Example Brigade", "Example Monitor")]
    assert grades == ([("Example Monitor", "B")] if n >= 4 else [])
    assert claims == (1 if n >= 2 else 0)
    assert legacy_log == n            # its history is kept
    assert [h.doc_id for h in search_documents(store.engine, "Aleppo")[1]] == ["d" * 16]
    store.engine.dispose()
    again = Store(url, create=False)   # now current: read-only commands open it
    again.engine.dispose()


@pytest.mark.parametrize("n", [1, 2, 11])
def test_a_write_command_upgrades_an_old_store_and_ingests(tmp_path, n):
    url = legacy_store(tmp_path, n)
    runner = CliRunner()
    read = runner.invoke(cli, ["stats", "--db", url])
    assert read.exit_code == 1 and "actorgraph migrate" in read.output
    assert "Traceback" not in read.output
    doc = tmp_path / "report.txt"
    doc.write_text("The Example Brigade attacked a checkpoint near Aleppo in March 2020.\n",
                   encoding="utf-8")
    wrote = runner.invoke(cli, ["ingest", str(doc), "--db", url])
    assert wrote.exit_code == 0, wrote.output
    assert "1 added" in wrote.output and "failed" not in wrote.output.replace("0 failed", "")
    stats = runner.invoke(cli, ["stats", "--db", url])
    assert stats.exit_code == 0, stats.output
    counts = dict(line.split() for line in stats.output.splitlines())
    assert counts["documents"] == "2" and counts["judgements"] == "1"
    exported = json.loads(runner.invoke(cli, ["export", "--db", url]).output)
    names = {e["name"] for e in exported["entities"]}
    assert {"Example Brigade", "Aleppo"} <= names      # the old mentions, resolved
    based = [r for r in exported["relations"] if r["predicate"] == "based_in"]
    assert bool(based) == (n >= 2)                     # the old claim became a fact


def test_the_migrate_command(tmp_path):
    url = legacy_store(tmp_path, 6)
    runner = CliRunner()
    first = runner.invoke(cli, ["migrate", "--db", url])
    assert first.exit_code == 0, first.output
    assert "from revision 0006_read_indexes to " + head() in first.output
    assert "0007_document_extractor" in first.output
    second = runner.invoke(cli, ["migrate", "--db", url])
    assert second.exit_code == 0 and "already at revision " + head() in second.output
    assert runner.invoke(cli, ["stats", "--db", url]).exit_code == 0


def test_migrate_never_creates_a_store(tmp_path):
    missing = tmp_path / "nothing.db"
    result = CliRunner().invoke(cli, ["migrate", "--db", f"sqlite:///{missing}"])
    assert result.exit_code == 1 and "no store there" in result.output
    assert not missing.exists()


def test_a_newer_schema_is_refused_by_every_command(db_url):
    Store(db_url).engine.dispose()
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    engine.dispose()
    for create in (False, True):
        with pytest.raises(StoreError, match="0099_from_the_future.*newer actorgraph"):
            Store(db_url, create=create)
    result = CliRunner().invoke(cli, ["stats", "--db", db_url])
    assert result.exit_code == 1 and "upgrade actorgraph" in result.output


def test_a_newer_step_in_the_old_log_is_refused(tmp_path):
    url = legacy_store(tmp_path, 12)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO migrations (name, applied_at) "
                             "VALUES ('0013_not_yet_written', '2027-01-01')")
    engine.dispose()
    with pytest.raises(StoreError, match="0013_not_yet_written"):
        Store(url)


def test_a_branchs_step_numbers_map_onto_the_chain(tmp_path):
    """A store of the TLP branch logged its step as 0010_tlp_and_users (0011 here)."""
    url = legacy_store(tmp_path, 11)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE migrations SET name = '0010_tlp_and_users' "
                             "WHERE name = '0011_tlp_and_users'")
        conn.exec_driver_sql("DELETE FROM migrations WHERE name = '0010_postgres_search'")
    engine.dispose()
    store = Store(url)
    with store.engine.connect() as conn:
        assert read_version(conn).state == "current"
    store.engine.dispose()


def test_a_database_of_another_application_is_refused_and_left_alone(tmp_path):
    url = new_db_url(tmp_path, "other.db")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total INTEGER)")
    engine.dispose()
    for create in (False, True):
        with pytest.raises(StoreError, match="not an actorgraph store"):
            Store(url, create=create)
    assert tables(url) == {"invoices"}


def test_an_empty_database_is_made_a_store_only_by_a_command_that_writes(tmp_path):
    url = new_db_url(tmp_path, "empty.db")
    if not on_postgres():
        Path(url.removeprefix("sqlite:///")).touch()
    with pytest.raises(StoreError, match="no store there"):
        Store(url, create=False)
    assert tables(url) == set()
    Store(url).engine.dispose()
    assert "documents" in tables(url)


def test_opening_a_current_store_does_not_load_alembic(db_url):
    """Alembic (and its templates) load only when a store needs a step: read-only commands
    on a current store start as fast as before."""
    import os
    import subprocess
    import sys

    Store(db_url).engine.dispose()
    code = ("import sys; from actorgraph.store.store import Store; "
            f"Store({db_url!r}, create=False); print(sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('alembic', 'mako')))")
    src = str(Path(__file__).resolve().parents[2] / "src")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([src, os.environ.get("PYTHONPATH", "")]))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


KILL_DURING_UPGRADE = """
import os, signal, sys
from actorgraph.store.migrations import ddl
real = ddl.add_columns
def add_then_die(table, *columns):
    real(table, *columns)
    if any(c.name == "encoding" for c in columns):     # the last step, before the commit
        os.kill(os.getpid(), signal.SIGKILL)
ddl.add_columns = add_then_die
from actorgraph.store.store import Store
Store(sys.argv[1])
"""


def test_a_kill_during_the_upgrade_leaves_the_old_store(tmp_path):
    """SIGKILL after the last step's DDL, before the commit: the store is as the old
    version left it, and the next command that writes upgrades it."""
    import os
    import signal
    import subprocess
    import sys

    url = legacy_store(tmp_path, 8)
    src = str(Path(__file__).resolve().parents[2] / "src")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([src, os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.run([sys.executable, "-c", KILL_DURING_UPGRADE, url], env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    engine = create_engine(url)
    with engine.connect() as conn:
        version = read_version(conn)
        columns = {c["name"] for c in inspect(conn).get_columns("documents")}
        tables_now = set(inspect(conn).get_table_names())
    engine.dispose()
    assert (version.revision, version.legacy) == ("0008_store_state", True)
    assert not columns & {"extraction_error", "tlp", "encoding"}
    assert not tables_now & {"users", "source_tlp", "alembic_version"}
    store = Store(url)
    with store.engine.connect() as conn:
        assert read_version(conn).state == "current"
        assert conn.exec_driver_sql("SELECT count(*) FROM documents").scalar() == 1
    store.engine.dispose()
