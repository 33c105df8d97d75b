"""Which extractor (name, version) read each document; documents stored before it was
recorded leave both empty.

Revision ID: 0007_document_extractor
"""
from __future__ import annotations

from sqlalchemy import Column, String

from actorgraph.store.migrations.ddl import add_columns

revision = "0007_document_extractor"
down_revision = "0006_read_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    add_columns("documents", Column("extractor", String(60)),
                Column("extractor_version", String(120)))


def downgrade() -> None:
    raise NotImplementedError("a store is not downgraded: restore a backup instead")
