"""Looking after a store: `migrate` (to this version's schema), `backup` and `restore`
(a portable file of every table, for either database)."""
from __future__ import annotations

import click

from actorgraph.cli.options import db_option


@click.command()
@db_option
def migrate(db) -> None:
    """Bring a store made by an older actorgraph to this version's schema.

    Commands that write (ingest, judgements, grades) do it themselves; commands that only
    read refuse an older store and ask for this. It never creates a store."""
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
