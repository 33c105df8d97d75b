"""What the commands share: their common options and arguments, and the one way a
command finds the entity the analyst named."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import click

if TYPE_CHECKING:
    from actorgraph.store.store import EntityRecord, Store

F = TypeVar("F", bound=Callable[..., object])

db_option = click.option(
    "--db", "db", envvar="ACTORGRAPH_DB", default=None, metavar="URL",
    help="Database URL (default: $ACTORGRAPH_DB, else sqlite:///actorgraph.db). "
         "PostgreSQL: postgresql+psycopg://user@host/db")


def open_store(db: str | None, write: bool = False) -> Store:
    """The store named by --db. Only commands that write (`write=True`) create one where
    there is none; a path that holds no store, or a file that is not one, is a clear error.
    The store (and SQLAlchemy) is loaded here, so `--help` and `--version` start quickly."""
    from actorgraph.store.db import StoreError
    from actorgraph.store.store import Store

    try:
        store = Store(db, create=write)
    except StoreError as err:
        raise click.ClickException(str(err)) from None
    if not write and store.is_stale():
        click.echo("warning: this store was changed after its last complete resolution (an "
                   "interrupted run?): entities and facts may lag; run `actorgraph resolve`",
                   err=True)
    return store


entity_argument = click.argument("entity")
"""The entity a command is about, by any of its names (see `find_entity`)."""

optional_entity_argument = click.argument("entity", required=False)
"""As `entity_argument`, for commands that cover the whole store without it."""


def reason_option(help: str) -> Callable[[F], F]:
    """`--reason`: why the analyst says so, recorded with the judgement or grade."""
    return click.option("--reason", help=help)


def pair_arguments(f: F) -> F:
    """The two names A and B that a judgement joins or keeps apart."""
    return click.argument("a")(click.argument("b")(f))


def find_entity(store: Store, ref: str,
                error: type[click.ClickException] = click.ClickException) -> EntityRecord:
    """The entity named `ref` (any spelling or script), or a clear error of type `error`."""
    entity = store.entity(ref)
    if entity is None:
        raise error(f"no entity named {ref!r}")
    return entity


def entity_or_none(store: Store, ref: str | None) -> EntityRecord | None:
    """The entity named `ref` if one is named (else None); an error if none matches."""
    return find_entity(store, ref) if ref else None
