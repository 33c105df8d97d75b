"""What an entity's pages count and rank from (store/summaries.py), filled for the facts
and contradictions already stored; an index for the speakers of their claims.

Revision ID: 0014_page_indexes
"""
from __future__ import annotations

from alembic import op
from sqlalchemy import Column, Index, Integer, MetaData, String, Table

from actorgraph.store.migrations.ddl import create_tables

revision = "0014_page_indexes"
down_revision = "0013_channels"
branch_labels = None
depends_on = None


def upgrade() -> None:
    meta = MetaData()
    facts = Table(
        "entity_facts", meta,
        Column("entity_id", String(40), primary_key=True),
        Column("fact_id", String(60), primary_key=True),
        Column("kind", String(20), nullable=False),
        Column("predicate", String(40), nullable=False),
        Column("direction", String(3), nullable=False),
        Column("documents", Integer, nullable=False),
        Column("claims", Integer, nullable=False))
    Index("ix_entity_facts_rank", facts.c.entity_id, facts.c.kind, facts.c.predicate,
          facts.c.direction, facts.c.documents.desc(), facts.c.claims.desc(), facts.c.fact_id)
    Index("ix_entity_facts_fact", facts.c.fact_id)
    Table("contradiction_entities", meta,
          Column("entity_id", String(40), primary_key=True),
          Column("contradiction_id", String(60), primary_key=True))
    Table("contradiction_facts", meta,
          Column("fact_id", String(60), primary_key=True),
          Column("contradiction_id", String(60), primary_key=True))
    create_tables(meta)
    # the speakers of a page's claims: a few keys in many documents
    op.execute("CREATE INDEX IF NOT EXISTS ix_mentions_doc_key "
               "ON mentions (doc_id, key, entity_id)")
    from actorgraph.store.summaries import refresh
    refresh(op.get_bind(), dates=False, claims=False)   # their tables come with 0016, 0017


def downgrade() -> None:
    raise NotImplementedError("a store is not downgraded: restore a backup instead")
