"""Backup and restore: a portable file of every table, for SQLite and PostgreSQL alike.

A backup is a zip file: `manifest.json` (format, the schema revision it was made at,
and per table its row count and the SHA-256 of its member) and `tables/NAME.jsonl`, one
JSON object per row (bytes as {"$b64": ...}). It holds everything the store holds:
documents with their original bytes, extractions, entities, facts, contradictions, the
analyst's judgements, source grades, TLP markings, and the team server's users (their
token hashes, never a token). The search index is not in it: the store rebuilds it.

Restore reads and checks the whole file before it touches the store (a damaged backup
is a `BackupError` and writes nothing), refuses a store that holds anything unless
`force`, and writes every row in one transaction (on `force`, after emptying the store
in that same transaction). A backup made at an older revision is restored into this
version's tables (later revisions only add columns and tables), and the tables derived
from its facts and contradictions are rebuilt in the same transaction (a table a later
revision added is not in it); one of a newer revision is refused.
"""
from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import (
    Boolean,
    Connection,
    Engine,
    Float,
    Integer,
    LargeBinary,
    String,
    Table,
    delete,
    func,
    insert,
    select,
)
from sqlalchemy.exc import DBAPIError

from actorgraph.store import schema, summaries
from actorgraph.store.db import now, write_transaction
from actorgraph.store.versions import chain, head

FORMAT = "actorgraph-backup"
FORMAT_VERSION = 1
BATCH = 500
TABLES = [t for t in schema.metadata.sorted_tables if t.name != "migrations"]
SERIAL = [t for t in TABLES if any(c.autoincrement is True for c in t.primary_key.columns)]


class BackupError(Exception):
    """A backup file that cannot be restored; names the file and the problem."""


@dataclass(frozen=True)
class Summary:
    revision: str
    rows: dict[str, int]


def _plain(value):
    if isinstance(value, bytes | memoryview):
        return {"$b64": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def _value(value):
    if isinstance(value, dict):
        if set(value) != {"$b64"}:
            raise ValueError("an object where a value was expected")
        return base64.b64decode(value["$b64"], validate=True)
    if isinstance(value, list):
        raise ValueError("a list where a value was expected")
    return value


def _snapshot(engine: Engine) -> Connection:
    """A connection that reads one consistent state of the store while others write."""
    if engine.dialect.name == "postgresql":
        conn = engine.connect().execution_options(isolation_level="REPEATABLE READ")
        conn.begin()
        return conn
    conn = engine.connect()
    if engine.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN")     # WAL: the first read fixes the snapshot
    return conn


def backup(engine: Engine, path: str | Path) -> Summary:
    """Write the store to `path` (through a temporary file renamed into place)."""
    path = Path(path)
    rows: dict[str, int] = {}
    digests: dict[str, str] = {}
    fd, tmp = tempfile.mkstemp(prefix=".backup-", suffix=".zip", dir=path.parent or ".")
    os.close(fd)
    try:
        conn = _snapshot(engine)
        try:
            with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                for table in TABLES:
                    rows[table.name], digests[table.name] = _write_table(conn, table, zf)
                manifest = {"format": FORMAT, "format_version": FORMAT_VERSION,
                            "revision": head(), "created_at": now(),
                            "database": engine.dialect.name,
                            "tables": {n: {"rows": rows[n], "sha256": digests[n]}
                                       for n in rows}}
                zf.writestr("manifest.json", json.dumps(manifest, indent=1))
        finally:
            conn.rollback()
            conn.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Summary(head(), rows)


def _write_table(conn: Connection, table: Table, zf: zipfile.ZipFile) -> tuple[int, str]:
    digest = hashlib.sha256()
    count = 0
    names = [c.name for c in table.columns]
    order = list(table.primary_key.columns)
    with zf.open(f"tables/{table.name}.jsonl", "w") as out:
        result = conn.execution_options(yield_per=BATCH).execute(
            select(table).order_by(*order))
        for row in result:
            line = (json.dumps(dict(zip(names, map(_plain, row))), ensure_ascii=False)
                    + "\n").encode("utf-8")
            digest.update(line)
            out.write(line)
            count += 1
    return count, digest.hexdigest()


# -- restore ---------------------------------------------------------------------------
def _manifest(zf: zipfile.ZipFile, where: str) -> dict:
    try:
        manifest = json.loads(zf.read("manifest.json"))
    except KeyError:
        raise BackupError(f"{where}: not an actorgraph backup (no manifest.json)") from None
    except (ValueError, zipfile.BadZipFile, OSError) as err:
        raise BackupError(f"{where}: damaged manifest ({err})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{where}: not an actorgraph backup (manifest format "
                          f"{manifest.get('format') if isinstance(manifest, dict) else '?'})")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(f"{where}: backup format {manifest.get('format_version')}, this "
                          f"version of actorgraph reads {FORMAT_VERSION}")
    revision = manifest.get("revision")
    if revision not in chain():
        raise BackupError(f"{where}: made at schema revision {revision}, which this version "
                          f"of actorgraph does not know (its newest is {head()}): restore it "
                          "with a newer actorgraph")
    tables = manifest.get("tables")
    if not isinstance(tables, dict):
        raise BackupError(f"{where}: damaged manifest (no table list)")
    known = {t.name for t in TABLES}
    unknown = sorted(set(tables) - known)
    if unknown:
        raise BackupError(f"{where}: tables this version does not know: {', '.join(unknown)}")
    return manifest


_TYPES = {Boolean: (bool,), Integer: (int,), Float: (int, float), LargeBinary: (bytes,),
          String: (str,)}


def _kinds(table: Table) -> dict[str, tuple[tuple[type, ...], bool]]:
    """Per column: the Python types a value may have, and whether it may be empty."""
    out = {}
    for c in table.columns:
        kinds = next(v for k, v in _TYPES.items() if isinstance(c.type, k))
        out[c.name] = (kinds, bool(c.nullable) or c.default is not None)
    return out


def _bad_value(row: dict, kinds: dict[str, tuple[tuple[type, ...], bool]]) -> str | None:
    for name, (types, nullable) in kinds.items():
        value = row.get(name)
        if value is None:
            if not nullable and name in row:
                return f"{name} is empty"
            continue
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            return f"{name} is {type(value).__name__}, not {types[0].__name__}"
    return None


def _rows(zf: zipfile.ZipFile, table: Table, where: str) -> Iterator[dict]:
    member = f"tables/{table.name}.jsonl"
    kinds = _kinds(table)
    columns = set(kinds)
    with zf.open(member) as fh:
        for number, line in enumerate(io.TextIOWrapper(fh, encoding="utf-8"), 1):
            try:
                raw = json.loads(line)
                if not isinstance(raw, dict):
                    raise ValueError("not an object")
                row = {k: _value(v) for k, v in raw.items()}
            except ValueError as err:
                raise BackupError(f"{where}: {member} line {number}: {err}") from None
            extra = sorted(set(row) - columns)
            if extra:
                raise BackupError(f"{where}: {member} line {number}: columns this version "
                                  f"does not know: {', '.join(extra)}")
            bad = _bad_value(row, kinds)
            if bad:
                raise BackupError(f"{where}: {member} line {number}: {bad}")
            yield row


def check(path: str | Path) -> Summary:
    """Read the whole backup and check it (checksums, counts, every row); a
    `BackupError` says what is wrong. Nothing is written."""
    where = str(path)
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = _manifest(zf, where)
            counts: dict[str, int] = {}
            for table in TABLES:
                entry = manifest["tables"].get(table.name)
                if entry is None:
                    counts[table.name] = 0     # a table of a later revision than the backup
                    continue
                member = f"tables/{table.name}.jsonl"
                digest = hashlib.sha256()
                try:
                    with zf.open(member) as fh:
                        while chunk := fh.read(1 << 20):
                            digest.update(chunk)
                except KeyError:
                    raise BackupError(f"{where}: {member} is missing") from None
                if digest.hexdigest() != entry.get("sha256"):
                    raise BackupError(f"{where}: {member} is damaged (its checksum differs "
                                      "from the manifest's)")
                counts[table.name] = sum(1 for _ in _rows(zf, table, where))
                if counts[table.name] != entry.get("rows"):
                    raise BackupError(f"{where}: {member} holds {counts[table.name]} rows, "
                                      f"the manifest says {entry.get('rows')}")
    except FileNotFoundError:
        raise BackupError(f"{where}: no such file") from None
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, OSError) as err:
        raise BackupError(f"{where}: not a readable backup ({err})") from None
    return Summary(manifest["revision"], counts)


def is_empty(engine: Engine) -> bool:
    with engine.connect() as conn:
        return all(conn.execute(select(func.count()).select_from(t)).scalar() == 0
                   for t in TABLES if t.name != "store_state")


def restore(engine: Engine, path: str | Path, force: bool = False) -> Summary:
    """Restore the backup at `path` into the store of `engine` (see the module's text)."""
    summary = check(path)
    if not force and not is_empty(engine):
        raise BackupError(f"{path}: the store already holds data; restore into an empty "
                          "store, or give --force to replace everything in it")
    try:
        _write(engine, path, summary)
    except DBAPIError as err:
        raise BackupError(f"{path}: the database refused it, nothing was restored "
                          f"({err.orig})") from None
    return summary


def _write(engine: Engine, path: str | Path, summary: Summary) -> None:
    with zipfile.ZipFile(path) as zf, write_transaction(engine) as conn:
        for table in reversed(TABLES):
            conn.execute(delete(table))
        for table in TABLES:
            if summary.rows.get(table.name):
                batch: list[dict] = []
                for row in _rows(zf, table, str(path)):
                    batch.append(row)
                    if len(batch) == BATCH:
                        conn.execute(insert(table), batch)
                        batch = []
                if batch:
                    conn.execute(insert(table), batch)
        if summary.revision != head():
            # tables derived from the facts and contradictions that a later revision added
            # are rebuilt, as the migrations that added them fill them
            summaries.refresh(conn)
        if conn.dialect.name == "postgresql":
            for table in SERIAL:   # the next id after the restored ones
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)")
