"""The claims each contradiction rests on (store/summaries.py `contradiction_claims`),
filled for the contradictions already stored: an incremental re-resolution found those
resting on the claims it changed by parsing every contradiction's claim list.

Revision ID: 0017_contradiction_claims
"""
from __future__ import annotations

from alembic import op
from sqlalchemy import Column, MetaData, String, Table

from actorgraph.store.migrations.ddl import create_tables

revision = "0017_contradiction_claims"
down_revision = "0016_fact_dates"
branch_labels = None
depends_on = None


def upgrade() -> None:
    meta = MetaData()
    Table("contradiction_claims", meta,
          Column("claim_id", String(60), primary_key=True),
          Column("contradiction_id", String(60), primary_key=True))
    create_tables(meta)
    from actorgraph.store.summaries import refresh_contradiction_index
    refresh_contradiction_index(op.get_bind(), None)


def downgrade() -> None:
    raise NotImplementedError("a store is not downgraded: restore a backup instead")
