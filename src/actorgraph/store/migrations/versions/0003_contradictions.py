"""Contradictions between claims (dates, values, denials, roles).

Revision ID: 0003_contradictions
"""
from __future__ import annotations

from sqlalchemy import Column, MetaData, String, Table, Text

from actorgraph.store.migrations.ddl import create_tables

revision = "0003_contradictions"
down_revision = "0002_claims_and_facts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    meta = MetaData()
    Table("contradictions", meta,
          Column("id", String(60), primary_key=True),
          Column("kind", String(30), nullable=False),
          Column("summary", Text, nullable=False),
          Column("claims", Text, nullable=False),
          Column("facts", Text, nullable=False),
          Column("entity_id", String(40)),
          Column("first_seen", String(40), nullable=False))
    create_tables(meta)


def downgrade() -> None:
    raise NotImplementedError("a store is not downgraded: restore a backup instead")
