"""Helpers the revisions share. The steps written before Alembic check what exists
before they create it, as the numbered migrations they replace did, so a store those
left half-way (or a branch's store that ran a step under another number) still upgrades.
"""
from __future__ import annotations

from alembic import op
from sqlalchemy import Column, MetaData, inspect


def create_tables(meta: MetaData) -> None:
    """Create the tables (and their indexes) of `meta` that the database lacks."""
    meta.create_all(op.get_bind(), checkfirst=True)


def add_columns(table: str, *columns: Column) -> None:
    """Add the columns `table` lacks."""
    have = {c["name"] for c in inspect(op.get_bind()).get_columns(table)}
    for column in columns:
        if column.name not in have:
            op.add_column(table, column)


def dialect() -> str:
    return op.get_bind().dialect.name
