"""The resolution index (store/resolution_index.py): what an incremental re-resolution of a
judgement starts from; empty until the next full resolution fills it, so the first
judgement after it re-resolves in full.

Revision ID: 0015_resolution_index
"""
from __future__ import annotations

from sqlalchemy import Column, Float, Index, MetaData, String, Table, Text

from actorgraph.store.migrations.ddl import create_tables

revision = "0015_resolution_index"
down_revision = "0014_page_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    meta = MetaData()
    groups = Table(
        "resolve_groups", meta,
        Column("id", Text, primary_key=True),
        Column("doc_id", String(40), nullable=False),
        Column("key", Text, nullable=False),
        Column("entity_id", String(40), nullable=False),
        Column("node", Text, nullable=False),
        Column("data", Text, nullable=False))
    Index("ix_resolve_groups_doc", groups.c.doc_id)
    Index("ix_resolve_groups_entity", groups.c.entity_id)
    Index("ix_resolve_groups_node", groups.c.node)
    keys = Table("resolve_keys", meta,
                 Column("key", Text, primary_key=True),
                 Column("group_id", Text, primary_key=True))
    Index("ix_resolve_keys_group", keys.c.group_id)
    pairs = Table("resolve_pairs", meta,
                  Column("a", Text, primary_key=True),
                  Column("b", Text, primary_key=True),
                  Column("score", Float, nullable=False),
                  Column("reasons", Text, nullable=False))
    Index("ix_resolve_pairs_b", pairs.c.b)
    entities = Table("resolve_entities", meta,
                     Column("id", String(40), primary_key=True),
                     Column("plain", Text, nullable=False),
                     Column("first", Text, nullable=False))
    Index("ix_resolve_entities_plain", entities.c.plain)
    create_tables(meta)


def downgrade() -> None:
    raise NotImplementedError("a store is not downgraded: restore a backup instead")
