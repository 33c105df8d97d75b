"""Small facts about the store itself (the stale flag of an unfinished resolution).

Revision ID: 0008_store_state
"""
from __future__ import annotations

from sqlalchemy import Column, MetaData, String, Table, Text

from actorgraph.store.migrations.ddl import create_tables

revision = "0008_store_state"
down_revision = "0007_document_extractor"
branch_labels = None
depends_on = None


def upgrade() -> None:
    meta = MetaData()
    Table("store_state", meta,
          Column("key", String(60), primary_key=True),
          Column("value", Text, nullable=False))
    create_tables(meta)


def downgrade() -> None:
    raise NotImplementedError("a store is not downgraded: restore a backup instead")
