"""Claims (one statement in one sentence, stored with its document) and the facts
built from them across documents.

Revision ID: 0002_claims_and_facts
"""
from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, MetaData, String, Table, Text

from actorgraph.store.migrations.ddl import create_tables

revision = "0002_claims_and_facts"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def _tables() -> MetaData:
    meta = MetaData()
    Table("documents", meta, Column("id", String(40), primary_key=True))   # referred to
    Table("claims", meta,
          Column("id", String(60), primary_key=True),
          Column("doc_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"),
                 nullable=False),
          Column("sentence", Integer, nullable=False),
          Column("start", Integer, nullable=False),
          Column("end", Integer, nullable=False),
          Column("kind", String(20), nullable=False),
          Column("payload", Text, nullable=False),
          Column("speaker_key", Text),
          Column("modality", String(20), nullable=False),
          Column("cue", Text),
          Column("section", String(20), nullable=False),
          Column("ingested_at", String(40), nullable=False))
    Index("ix_claims_doc", meta.tables["claims"].c.doc_id)
    Table("facts", meta,
          Column("id", String(60), primary_key=True),
          Column("kind", String(20), nullable=False),
          Column("data", Text, nullable=False),
          Column("first_seen", String(40), nullable=False))
    fact_claims = Table(
        "fact_claims", meta,
        Column("fact_id", String(60), ForeignKey("facts.id", ondelete="CASCADE"),
               primary_key=True),
        Column("claim_id", String(60), ForeignKey("claims.id", ondelete="CASCADE"),
               primary_key=True))
    Index("ix_fact_claims_claim", fact_claims.c.claim_id)
    fact_entities = Table(
        "fact_entities", meta,
        Column("fact_id", String(60), ForeignKey("facts.id", ondelete="CASCADE"),
               primary_key=True),
        Column("entity_id", String(40), primary_key=True),
        Column("role", String(20), primary_key=True))
    Index("ix_fact_entities_entity", fact_entities.c.entity_id)
    return meta


def upgrade() -> None:
    create_tables(_tables())


def downgrade() -> None:
    raise NotImplementedError("a store is not downgraded: restore a backup instead")
