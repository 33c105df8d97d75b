"""Whole-store aggregates the pages share (mention counts, the event list, rankings),
kept until the store changes.

The key is a fingerprint of cheap counts that move whenever an ingest (documents), a
resolution (entities, names, facts and their claims), a judgement or its undoing, a
source grade or a source's TLP marking does, also when another process (a CLI ingest) made the change. It is
read at most once every FRESH seconds; a write through this process clears it at once
(`clear`, which `Reader.invalidate` calls).
"""
from __future__ import annotations

import time
from collections.abc import Callable
from threading import Lock
from typing import Any

from sqlalchemy import Engine, func, select

from actorgraph.store import schema as t

FRESH = 1.0   # seconds a fingerprint is trusted before it is read again


class StoreCache:
    """Values built from one store, each kept while the store's fingerprint stays the same."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._values: dict[str, tuple[tuple, Any]] = {}
        self._lock = Lock()
        self._fp: tuple[float, tuple] | None = None

    def fingerprint(self) -> tuple:
        now = time.monotonic()
        if self._fp is not None and now - self._fp[0] < FRESH:
            return self._fp[1]

        def count(table, *where):
            return select(func.count()).select_from(table).where(*where).scalar_subquery()
        j = t.judgements
        q = select(count(t.documents), count(t.entities), count(t.entity_names),
                   count(t.facts), count(t.fact_claims), count(t.contradictions), count(j),
                   count(j, j.c.undone.is_(True)), count(t.source_grades),
                   count(t.source_tlp),
                   select(t.store_state.c.value).where(t.store_state.c.key == "tlp_marked")
                   .scalar_subquery())
        with self.engine.connect() as conn:
            fp = tuple(conn.execute(q).one())
        self._fp = (now, fp)
        return fp

    def get(self, key: str, build: Callable[[], Any]) -> Any:
        """The cached value of `key`, built anew when the store has changed."""
        fp = self.fingerprint()
        with self._lock:
            hit = self._values.get(key)
            if hit and hit[0] == fp:
                return hit[1]
        value = build()
        with self._lock:
            self._values[key] = (fp, value)
        return value

    def clear(self) -> None:
        """Forget everything (after this process wrote to the store)."""
        with self._lock:
            self._fp = None
            self._values.clear()
