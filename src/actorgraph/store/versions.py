"""Schema versions: which Alembic revision a store is at, and bringing it to this
version's (`migrations/versions/`, one file per step, first the first released schema).

A store records its revision in Alembic's `alembic_version` table. A store made before
Alembic has the log of the numbered migrations instead (`migrations`, one row per step
applied); its revision is the last of the unbroken run of steps it lists (the revisions
bear the steps' names), stamped into `alembic_version` on its first upgrade.

Opening (`open_engine`): commands that write upgrade an older store at once, all its
missing steps in ONE transaction under the store's write lock (a kill leaves it as it
was); commands that only read refuse an older store and say to run `actorgraph migrate`
(a reader never changes the schema under a server or another user); a store whose
revision this version does not know (made by a newer actorgraph) is refused either way;
so is a database that holds tables but no actorgraph schema version.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError

from actorgraph.store import schema
from actorgraph.store.db import StoreError, make_engine, sqlite_path, write_transaction

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

SCRIPTS = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"
LEGACY_TABLE = "migrations"
# numbers some development branches gave a step before they were merged in this order
LEGACY_ALIASES = {"0010_tlp_and_users": "0011_tlp_and_users",
                  "0010_document_encoding": "0012_document_encoding"}
_HEADER = re.compile(r'^(down_revision|revision)\s*=\s*(None|"([^"]+)"|\'([^\']+)\')', re.M)


@dataclass(frozen=True)
class Version:
    """Where a database stands. `state`: "empty" (no tables), "current", "older",
    "newer" (a revision this version does not know) or "foreign" (tables, no version)."""
    state: str
    revision: str | None
    legacy: bool = False          # read from the numbered migrations' log


@functools.cache
def chain() -> tuple[str, ...]:
    """The revisions, first to newest, read from the files' `revision`/`down_revision`
    lines (without loading Alembic: a read-only command on a current store never does);
    tests check that Alembic reads the same chain."""
    parent: dict[str | None, str] = {}
    for path in sorted((SCRIPTS / "versions").glob("*.py")):
        if path.name == "__init__.py":
            continue
        found = {m.group(1): m.group(3) or m.group(4)
                 for m in _HEADER.finditer(path.read_text(encoding="utf-8"))}
        if "revision" not in found or found["revision"] is None:
            raise StoreError(f"{path}: a revision file without `revision = \"...\"`")
        down = found.get("down_revision")
        if down in parent:
            raise StoreError(f"{path}: {found['revision']} and {parent[down]} both follow "
                             f"{down or 'the start'}: the revisions must form one line")
        parent[down] = found["revision"]
    out: list[str] = []
    rev = parent.get(None)
    while rev is not None:
        out.append(rev)
        rev = parent.get(rev)
    return tuple(out)


def head() -> str:
    return chain()[-1]


def read_version(conn: Connection) -> Version:
    """The version of the database behind `conn` (reads only)."""
    tables = set(inspect(conn).get_table_names())
    known = chain()
    if VERSION_TABLE in tables:
        revs = [r[0] for r in conn.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}")]
        rev = revs[0] if len(revs) == 1 else None
        if len(revs) > 1 or (rev is not None and rev not in known):
            return Version("newer", ", ".join(revs))
        return Version("current" if rev == known[-1] else "older", rev)
    if LEGACY_TABLE in tables:
        names = {LEGACY_ALIASES.get(n, n) for n in conn.execute(select(schema.migrations.c.name))
                 .scalars()}
        unknown = sorted(names - set(known))
        if unknown:
            return Version("newer", unknown[-1], legacy=True)
        rev = None
        for step in known:
            if step not in names:
                break
            rev = step
        return Version("current" if rev == known[-1] else "older", rev, legacy=True)
    return Version("foreign" if tables else "empty", None)


def _script() -> tuple[Config, ScriptDirectory]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    return config, ScriptDirectory.from_config(config)


def _run(conn: Connection, version: Version) -> list[str]:
    """Apply the revisions after `version` on `conn` (inside its transaction)."""
    from alembic.runtime.environment import EnvironmentContext

    config, script = _script()
    applied: list[str] = []

    def steps(rev, _context):
        return script._upgrade_revs("head", rev)

    def record(ctx, step, heads, run_args) -> None:
        applied.append(step.up_revision_id)

    with EnvironmentContext(config, script, fn=steps, destination_rev="head") as env:
        env.configure(connection=conn, target_metadata=schema.metadata,
                      on_version_apply=record)
        if version.legacy and version.revision is not None:
            env.get_context().stamp(script, version.revision)
        env.run_migrations()
    return applied


def where(url: str) -> str:
    """The store as the analyst named it: its file, or its URL without a password."""
    return sqlite_path(url) or make_url(url).render_as_string(hide_password=True)


def refusal(version: Version, url: str) -> str | None:
    """Why a store at `version` cannot be used by this version of actorgraph, or None."""
    if version.state == "newer":
        return (f"{where(url)}: the store's schema is at revision {version.revision}, which "
                f"this version of actorgraph does not know (its newest is {head()}): the "
                "store was made or upgraded by a newer actorgraph; upgrade actorgraph")
    if version.state == "foreign":
        return (f"{where(url)}: not an actorgraph store (it holds tables but no actorgraph "
                "schema version)")
    return None


def upgrade(engine: Engine, url: str = "") -> list[str]:
    """Bring the store to this version's schema; returns the revisions applied. Every
    step runs in one transaction under the store's write lock, after the version is read
    again there, so two processes opening an old store at once upgrade it once."""
    with write_transaction(engine) as conn:
        version = read_version(conn)
        why = refusal(version, url or str(engine.url))
        if why:
            raise StoreError(why)
        if version.state == "current" and not version.legacy:
            return []
        return _run(conn, version)


def open_engine(url: str, create: bool = True) -> Engine:
    """An engine on the store at `url` at this version's schema.

    `create=True` (commands that write): a missing store is created and an older one
    upgraded. `create=False` (commands that only read): no store there, or one that
    needs `actorgraph migrate`, is a `StoreError` saying so. Either way a file that is
    not a database, a database that is not a store, a store of a newer schema, or a
    store lacking part of the schema is a `StoreError` naming it."""
    path = sqlite_path(url)
    if path is not None and not create and not Path(path).exists():
        raise StoreError(f"{path}: no store there (check --db or $ACTORGRAPH_DB; "
                         "`actorgraph ingest` creates one)")
    engine = make_engine(url)
    try:
        _ready(engine, url, create)
        lacking = missing_columns(engine)
    except DatabaseError as err:
        engine.dispose()
        raise StoreError(f"{where(url)}: not an actorgraph store ({err.orig})") from None
    except StoreError:
        engine.dispose()
        raise
    if lacking:
        engine.dispose()
        raise StoreError(f"{where(url)}: a damaged store: it lacks {', '.join(lacking)} "
                         "(restore a backup, or ingest into a new store)")
    return engine


def migrate(url: str) -> tuple[Version, list[str]]:
    """`actorgraph migrate`: bring the existing store at `url` to this version's schema;
    returns where it was and the revisions applied (none: it was current)."""
    path = sqlite_path(url)
    if path is not None and not Path(path).exists():
        raise StoreError(f"{path}: no store there (check --db or $ACTORGRAPH_DB)")
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            before = read_version(conn)
        if before.state == "empty":
            raise StoreError(f"{where(url)}: no store there (an empty database)")
        applied = upgrade(engine, url)
        lacking = missing_columns(engine)
    except DatabaseError as err:
        raise StoreError(f"{where(url)}: not an actorgraph store ({err.orig})") from None
    finally:
        engine.dispose()
    if lacking:
        raise StoreError(f"{where(url)}: a damaged store: it lacks {', '.join(lacking)}")
    return before, applied


def _ready(engine: Engine, url: str, create: bool) -> None:
    with engine.connect() as conn:
        version = read_version(conn)
    why = refusal(version, url)
    if why:
        raise StoreError(why)
    if version.state == "current":
        if version.legacy and create:
            upgrade(engine, url)        # records the revision in Alembic's table
        return
    if create:
        upgrade(engine, url)
    elif version.state == "empty":
        raise StoreError(f"{where(url)}: no store there (an empty database; "
                         "`actorgraph ingest` creates one)")
    else:
        raise StoreError(f"{where(url)}: the store's schema is at revision {version.revision} "
                         f"and this version of actorgraph needs {head()}: run `actorgraph "
                         "migrate` on it (a command that writes, e.g. ingest, also does)")


def missing_columns(engine: Engine) -> list[str]:
    """The tables and columns of this version's schema the database lacks ("table
    documents", "column documents.author"): a store altered by hand or by another tool."""
    out: list[str] = []
    with engine.connect() as conn:
        found = inspect(conn)
        tables = set(found.get_table_names())
        for table in schema.metadata.sorted_tables:
            if table.name not in tables:
                out.append(f"table {table.name}")
                continue
            have = {c["name"] for c in found.get_columns(table.name)}
            out += [f"column {table.name}.{c.name}" for c in table.columns if c.name not in have]
    return out
