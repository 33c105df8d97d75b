"""The claims each contradiction rests on (store/summaries.py `contradiction_claims`),
filled for the contradictions already stored: an incremental re-resolution found those
resting on the claims it changed by parsing every contradiction's claim list. And
indexes by contradiction on `contradiction_entities` and `contradiction_facts`, whose
refresh of some contradictions scanned each table.

Revision ID: 0017_contradiction_claims
"""
from __future__ import annotations

from alembic import op
from sqlalchemy import Column, Index, MetaData, String, Table

from actorgraph.store.migrations.ddl import create_tables

revision = "0017_contradiction_claims"
down_revision = "0016_fact_dates"
branch_labels = None
depends_on = None


def upgrade() -> None:
    meta = MetaData()
    claims = Table("contradiction_claims", meta,
                   Column("contradiction_id", String(60), primary_key=True),
                   Column("claim_id", String(60), primary_key=True))
    Index("ix_contradiction_claims_claim", claims.c.claim_id)
    create_tables(meta)
    bind = op.get_bind()
    for name in ("contradiction_entities", "contradiction_facts"):
        table = Table(name, MetaData(), Column("contradiction_id", String(60)))
        Index(f"ix_{name}_contradiction", table.c.contradiction_id).create(bind,
                                                                            checkfirst=True)
    from actorgraph.store.summaries import refresh_contradiction_index
    refresh_contradiction_index(bind, None)


def downgrade() -> None:
    raise NotImplementedError("a store is not downgraded: restore a backup instead")
