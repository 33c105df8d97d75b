"""Channels read from exported channel histories and their `operates_channel` links with
evidence (campaign/registry.py, campaign/operators.py).

Revision ID: 0013_channels
"""
from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from actorgraph.store.migrations.ddl import create_tables

revision = "0013_channels"
down_revision = "0012_document_encoding"
branch_labels = None
depends_on = None


def upgrade() -> None:
    meta = MetaData()
    channels = Table(
        "channels", meta,
        Column("id", String(40), primary_key=True),
        Column("key", Text, nullable=False, unique=True),
        Column("platform", String(40), nullable=False),
        Column("native_id", Text),
        Column("name", Text, nullable=False),
        Column("folded", Text, nullable=False),
        Column("type", String(40)),
        Column("handle", Text),
        Column("description", Text),
        Column("name_only", Boolean, nullable=False, default=False),
        Column("posts", Integer, nullable=False, default=0),
        Column("first_time", Integer), Column("last_time", Integer),
        Column("sources", Text, nullable=False, default="[]"),
        Column("updated_at", String(40), nullable=False))
    Index("ix_channels_folded", channels.c.folded)
    links = Table(
        "channel_links", meta,
        Column("id", String(60), primary_key=True),
        Column("channel_id", String(40), ForeignKey("channels.id", ondelete="CASCADE"),
               nullable=False),
        Column("actor", Text, nullable=False),
        Column("actor_folded", Text, nullable=False),
        Column("rule", String(40), nullable=False),
        Column("confidence", Float, nullable=False),
        Column("detail", Text, nullable=False),
        Column("via", String(40)),
        Column("count", Integer, nullable=False, default=0),
        Column("evidence", Text, nullable=False),
        Column("computed_at", String(40), nullable=False))
    Index("ix_channel_links_channel", links.c.channel_id)
    Index("ix_channel_links_actor", links.c.actor_folded)
    create_tables(meta)


def downgrade() -> None:
    raise NotImplementedError("a store is not downgraded: restore a backup instead")
