"""TLP markings of documents and sources, and the team server's users.

Revision ID: 0011_tlp_and_users
"""
from __future__ import annotations

from alembic import op
from sqlalchemy import Column, Integer, LargeBinary, MetaData, String, Table, Text

from actorgraph.store.migrations.ddl import add_columns, create_tables

revision = "0011_tlp_and_users"
down_revision = "0010_postgres_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    add_columns("documents", Column("tlp", String(10)))
    meta = MetaData()
    Table("source_tlp", meta,
          Column("id", Integer, primary_key=True, autoincrement=True),
          Column("source", Text, nullable=False),
          Column("tlp", String(10), nullable=False),
          Column("author", Text, nullable=False),
          Column("created_at", String(40), nullable=False))
    Table("users", meta,
          Column("id", Integer, primary_key=True, autoincrement=True),
          Column("name", String(100), nullable=False, unique=True),
          Column("role", String(20), nullable=False),
          Column("clearance", String(10), nullable=False),
          Column("token_salt", LargeBinary),
          Column("token_hash", LargeBinary),
          Column("created_at", String(40), nullable=False),
          Column("created_by", Text, nullable=False),
          Column("token_at", String(40)))
    create_tables(meta)
    # the visible documents are read from this index alone, not from the rows that hold
    # whole texts
    op.execute("CREATE INDEX IF NOT EXISTS ix_documents_tlp ON documents (tlp, publisher, id)")


def downgrade() -> None:
    raise NotImplementedError("a store is not downgraded: restore a backup instead")
