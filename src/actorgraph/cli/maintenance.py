"""Looking after a store: `migrate` (to this version's schema), `backup` and `restore`
(a portable file of every table, for either database)."""
from __future__ import annotations

import os

import click

from actorgraph.cli.options import db_option


@click.command()
@db_option
def migrate(db) -> None:
    """Bring a store made by an older actorgraph to this version's schema.

    Commands that write (ingest, judgements, grades) do it themselves; commands that only
    read refuse an older store and ask for this. It never creates a store.

    \b
    Example:
      actorgraph migrate --db sqlite:///case.db
    """
    from actorgraph.store.db import StoreError, resolve_url
    from actorgraph.store.versions import head, where
    from actorgraph.store.versions import migrate as run

    url = resolve_url(db)
    try:
        before, applied = run(url)
    except StoreError as err:
        raise click.ClickException(str(err)) from None
    if not applied:
        click.echo(f"{where(url)}: already at revision {head()}"
                   + (" (recorded for Alembic)" if before.legacy else ""))
        return
    click.echo(f"{where(url)}: from revision {before.revision or '(none)'} to {head()}; "
               f"applied {', '.join(applied)}")


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@db_option
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
def backup(file, db, force) -> None:
    """Write the whole store to FILE (a zip of one JSON-lines file per table), to restore
    into an SQLite or PostgreSQL store: documents, extractions, entities, facts, the
    analyst's judgements, source grades, TLP markings and users (token hashes only).
    Keep it as safe as the store: it holds every document.

    \b
    Example:
      actorgraph backup case-2024-06-01.zip --db sqlite:///case.db
    """
    from actorgraph.cli.options import open_store
    from actorgraph.store.backup import backup as run

    if os.path.exists(file) and not force:
        raise click.ClickException(f"{file} exists; give --force to overwrite it")
    store = open_store(db)
    summary = run(store.engine, file)
    click.echo(f"{file}: {sum(summary.rows.values())} rows of {len(summary.rows)} tables "
               f"(schema {summary.revision}; {summary.rows.get('documents', 0)} documents, "
               f"{summary.rows.get('judgements', 0)} judgements)")


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@db_option
@click.option("--force", is_flag=True,
              help="Replace everything in a store that already holds data.")
def restore(file, db, force) -> None:
    """Restore a backup made by `actorgraph backup` into an empty store (either database).
    The whole file is checked first: a damaged backup changes nothing.

    \b
    Example:
      actorgraph restore case-2024-06-01.zip --db postgresql+psycopg://me@db/case
      actorgraph restore case-2024-06-01.zip --db sqlite:///case.db --force
    """
    from actorgraph.store.backup import BackupError, check
    from actorgraph.store.backup import restore as run
    from actorgraph.store.db import StoreError, resolve_url, sqlite_path
    from actorgraph.store.store import Store

    try:
        check(file)        # before a store is created for it
    except BackupError as err:
        raise click.ClickException(str(err)) from None
    url = resolve_url(db)
    path = sqlite_path(url)
    new = path is not None and not os.path.exists(path)
    try:
        store = Store(url)
        summary = run(store.engine, file, force=force)
    except (BackupError, StoreError) as err:
        if new:
            _remove_sqlite(path)
        raise click.ClickException(str(err)) from None
    click.echo(f"restored {sum(summary.rows.values())} rows ({summary.rows['documents']} "
               f"documents, {summary.rows['judgements']} judgements) from {file}")


def _remove_sqlite(path: str | None) -> None:
    """Remove the SQLite file a failed restore created (and its WAL files)."""
    if path is None:
        return
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
