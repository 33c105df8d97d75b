"""The publication dates behind each fact (store/summaries.py `fact_dates`), filled for the
facts already stored: the network view of a hub read them from every claim of its
thousands of relations.

Revision ID: 0016_fact_dates
"""
from __future__ import annotations

from alembic import op
from sqlalchemy import Column, MetaData, String, Table

from actorgraph.store.migrations.ddl import create_tables

revision = "0016_fact_dates"
down_revision = "0015_resolution_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    meta = MetaData()
    Table("fact_dates", meta,
          Column("fact_id", String(60), primary_key=True),
          Column("published", String(40), primary_key=True))
    create_tables(meta)
    from actorgraph.store.summaries import refresh_fact_dates
    refresh_fact_dates(op.get_bind(), None)


def downgrade() -> None:
    raise NotImplementedError("a store is not downgraded: restore a backup instead")
