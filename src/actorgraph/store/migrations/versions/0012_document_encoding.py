"""The encoding a document's bytes were decoded from; empty for documents stored before
it was recorded (and for PDFs).

Revision ID: 0012_document_encoding
"""
from __future__ import annotations

from sqlalchemy import Column, String

from actorgraph.store.migrations.ddl import add_columns

revision = "0012_document_encoding"
down_revision = "0011_tlp_and_users"
branch_labels = None
depends_on = None


def upgrade() -> None:
    add_columns("documents", Column("encoding", String(40)))


def downgrade() -> None:
    raise NotImplementedError("a store is not downgraded: restore a backup instead")
