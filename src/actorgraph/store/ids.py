"""Stable ids: the same content always gets the same id (documents, claims, facts)."""
from __future__ import annotations

import hashlib


def document_id(sha256: str) -> str:
    return "doc-" + sha256[:16]


def short_hash(*parts: str, n: int = 16) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:n]
