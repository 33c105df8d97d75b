"""Whole-store aggregates the pages share (mention counts, the event list, rankings),
kept until the store changes.

The key is the store's revision (`store.revision`), one row that every transaction that
writes replaces -- an ingest, a resolution, a judgement or its undoing, a source grade or
TLP marking -- also when another process (a CLI ingest) made the change. Reading it costs
the same at any size of store. It is read at most once every FRESH seconds; a write
through this process clears it at once (`clear`, which `Reader.invalidate` calls).
"""
from __future__ import annotations

import time
from collections.abc import Callable
from threading import Lock
from typing import Any

from sqlalchemy import Engine

from actorgraph.store import revision

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
        with self.engine.connect() as conn:
            fp = (revision.current(conn),)
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
