"""The analyst's grades of sources (reliability A-F), append-only.

Revision ID: 0004_source_grades
"""
from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, String, Table, Text

from actorgraph.store.migrations.ddl import create_tables

revision = "0004_source_grades"
down_revision = "0003_contradictions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    meta = MetaData()
    Table("source_grades", meta,
          Column("id", Integer, primary_key=True, autoincrement=True),
          Column("source", Text, nullable=False),
          Column("reliability", String(1), nullable=False),
          Column("author", Text, nullable=False),
          Column("reason", Text),
          Column("created_at", String(40), nullable=False))
    create_tables(meta)


def downgrade() -> None:
    raise NotImplementedError("a store is not downgraded: restore a backup instead")
