"""Full-text search over documents: SQLite's FTS5 table and its triggers (on PostgreSQL,
as the numbered migration did, its tsvector index), filled from the stored documents.

Revision ID: 0005_document_search
"""
from __future__ import annotations

from alembic import op

from actorgraph.store.search import create_index

revision = "0005_document_search"
down_revision = "0004_source_grades"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_index(op.get_bind())


def downgrade() -> None:
    raise NotImplementedError("a store is not downgraded: restore a backup instead")
