"""Why a document's extraction failed or is incomplete; empty for a clean one.

Revision ID: 0009_extraction_error
"""
from __future__ import annotations

from sqlalchemy import Column, Text

from actorgraph.store.migrations.ddl import add_columns

revision = "0009_extraction_error"
down_revision = "0008_store_state"
branch_labels = None
depends_on = None


def upgrade() -> None:
    add_columns("documents", Column("extraction_error", Text))


def downgrade() -> None:
    raise NotImplementedError("a store is not downgraded: restore a backup instead")
