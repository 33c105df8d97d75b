"""The first released schema: documents with their segments, sentences and mentions,
entities, the review queue and the analyst's judgements.

Revision ID: 0001_initial
"""
from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

from actorgraph.store.migrations.ddl import create_tables

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def _tables() -> MetaData:
    meta = MetaData()
    _documents(meta)
    _entities(meta)
    return meta


def _documents(meta: MetaData) -> None:
    """The store's settings, the numbered migrations' log, documents and their parts."""
    Table("settings", meta,
          Column("key", String(100), primary_key=True),
          Column("value", Text, nullable=False))
    # the log of the numbered migrations before Alembic (kept: an old store's history)
    Table("migrations", meta,
          Column("name", String(200), primary_key=True),
          Column("applied_at", String(40), nullable=False))
    documents = Table(
        "documents", meta,
        Column("id", String(40), primary_key=True),
        Column("source", Text, nullable=False),
        Column("title", Text), Column("publisher", Text), Column("author", Text),
        Column("published", String(40)), Column("url", Text), Column("language", String(20)),
        Column("sha256", String(64), nullable=False, unique=True),
        Column("media_type", String(60), nullable=False),
        Column("text", Text, nullable=False),
        Column("original", LargeBinary, nullable=False),
        Column("version", Integer, nullable=False),
        Column("current", Boolean, nullable=False),
        Column("ingested_at", String(40), nullable=False),
        Column("imported", Boolean, nullable=False))
    Index("ix_documents_source", documents.c.source)
    Table("segments", meta,
          Column("doc_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"),
                 primary_key=True),
          Column("start", Integer, primary_key=True),
          Column("end", Integer, nullable=False),
          Column("kind", String(20), nullable=False))
    Table("sentences", meta,
          Column("doc_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"),
                 primary_key=True),
          Column("idx", Integer, primary_key=True),
          Column("start", Integer, nullable=False),
          Column("end", Integer, nullable=False),
          Column("kind", String(20), nullable=False))
    mentions = Table(
        "mentions", meta,
        Column("id", String(60), primary_key=True),
        Column("doc_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"),
               nullable=False),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("text", Text, nullable=False),
        Column("sentence", Integer, nullable=False),
        Column("type", String(20), nullable=False),
        Column("kind", String(30)),
        Column("key", Text, nullable=False),
        Column("name", Text, nullable=False),
        Column("role", String(20), nullable=False),
        Column("refers_to", Text),
        Column("label", String(40)),
        Column("section", String(20), nullable=False),
        Column("votes", Text, nullable=False),
        Column("evidence", Text, nullable=False),
        Column("entity_id", String(40)))
    Index("ix_mentions_doc", mentions.c.doc_id)
    Index("ix_mentions_entity", mentions.c.entity_id)


def _entities(meta: MetaData) -> None:
    """Entities and their names, the review queue and the analyst's judgements."""
    Table("entities", meta,
          Column("id", String(40), primary_key=True),
          Column("type", String(20), nullable=False),
          Column("kind", String(30)),
          Column("name", Text, nullable=False),
          Column("reasons", Text, nullable=False))
    names = Table(
        "entity_names", meta,
        Column("entity_id", String(40), ForeignKey("entities.id", ondelete="CASCADE"),
               primary_key=True),
        Column("name", Text, primary_key=True),
        Column("folded", Text, nullable=False),
        Column("count", Integer, nullable=False))
    Index("ix_entity_names_folded", names.c.folded)
    Table("review", meta,
          Column("a", String(40), primary_key=True),
          Column("b", String(40), primary_key=True),
          Column("score", Float, nullable=False),
          Column("reasons", Text, nullable=False))
    Table("judgements", meta,
          Column("id", Integer, primary_key=True, autoincrement=True),
          Column("action", String(20), nullable=False),
          Column("a", Text, nullable=False),
          Column("b", Text),
          Column("value", Text),
          Column("author", Text, nullable=False),
          Column("reason", Text),
          Column("created_at", String(40), nullable=False),
          Column("undone", Boolean, nullable=False))


def upgrade() -> None:
    create_tables(_tables())


def downgrade() -> None:
    raise NotImplementedError("a store is not downgraded: restore a backup instead")
