"""PostgreSQL's full-text index (tsvector under GIN) for stores made before it had one;
nothing on SQLite (its FTS5 index is 0005's).

Revision ID: 0010_postgres_search
"""
from __future__ import annotations

from alembic import op

from actorgraph.store.migrations.ddl import dialect
from actorgraph.store.search import create_index

revision = "0010_postgres_search"
down_revision = "0009_extraction_error"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if dialect() == "postgresql":
        create_index(op.get_bind())


def downgrade() -> None:
    raise NotImplementedError("a store is not downgraded: restore a backup instead")
