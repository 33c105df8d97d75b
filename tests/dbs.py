"""Where the tests' stores live: an SQLite file by default; with $ACTORGRAPH_TEST_DB set to
a PostgreSQL server's URL (`tools/with_postgres.sh` does it for `make test`), a fresh
database on that server for every store, so the same tests run on both."""
from __future__ import annotations

import os
import uuid
from pathlib import Path

TEST_DB = os.environ.get("ACTORGRAPH_TEST_DB", "")


def on_postgres() -> bool:
    return TEST_DB.startswith("postgresql")


def new_db_url(folder: Path, name: str = "test.db") -> str:
    """The URL of a new, empty database: `folder/name` on SQLite, a new database named
    after `name` on the PostgreSQL server of $ACTORGRAPH_TEST_DB."""
    if not on_postgres():
        return f"sqlite:///{folder / name}"
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    stem = "".join(c if c.isalnum() else "_" for c in Path(name).stem.lower())[:20]
    db = f"t_{stem}_{uuid.uuid4().hex[:12]}"
    server = create_engine(TEST_DB, isolation_level="AUTOCOMMIT")
    try:
        with server.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{db}" TEMPLATE template0 ENCODING \'UTF8\'')
    finally:
        server.dispose()
    return make_url(TEST_DB).set(database=db).render_as_string(hide_password=False)


def copy_db(store, folder: Path, name: str = "copy.db") -> str:
    """The URL of a private copy of `store`'s database (a file copy on SQLite; a database
    made from it as a template on PostgreSQL, which needs its connections closed)."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    if not on_postgres():
        import shutil

        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy(store.url.removeprefix("sqlite:///"), folder / name)
        return f"sqlite:///{folder / name}"
    source = make_url(store.url).database
    store.engine.dispose()
    db = f"t_copy_{uuid.uuid4().hex[:12]}"
    server = create_engine(TEST_DB, isolation_level="AUTOCOMMIT")
    try:
        with server.connect() as conn:
            # a template must have no other session: close those of other engines on it
            # (a server thread's, say); theirs ping the server before reuse and reconnect
            conn.exec_driver_sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                 "WHERE datname = %(db)s AND pid <> pg_backend_pid()",
                                 {"db": source})
            conn.exec_driver_sql(f'CREATE DATABASE "{db}" TEMPLATE "{source}"')
    finally:
        server.dispose()
    return make_url(TEST_DB).set(database=db).render_as_string(hide_password=False)


def exported(url: str) -> str:
    """The JSON export of the store at `url`, as `actorgraph export` prints it."""
    from click.testing import CliRunner

    from actorgraph.cli.main import cli

    result = CliRunner().invoke(cli, ["export", "--format", "json", "--db", url])
    assert result.exit_code == 0, result.output
    return result.output
