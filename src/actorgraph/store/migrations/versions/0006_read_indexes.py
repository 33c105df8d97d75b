"""Indexes for paged reads (the web UI): documents by date, claims in document order,
an entity's documents.

Revision ID: 0006_read_indexes
"""
from __future__ import annotations

from alembic import op

revision = "0006_read_indexes"
down_revision = "0005_document_search"
branch_labels = None
depends_on = None

INDEXES = (   # name, table, columns
    ("ix_documents_current_published", "documents", '"current", published, id'),
    ("ix_claims_doc_start", "claims", 'doc_id, "start", id'),
    ("ix_mentions_entity_doc", "mentions", "entity_id, doc_id"),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})")


def downgrade() -> None:
    raise NotImplementedError("a store is not downgraded: restore a backup instead")
