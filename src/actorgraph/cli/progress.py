"""A progress bar for one long report, read in pieces (`chunking.Chunked`), on stderr.

The bar across files advances once per document; a report of several megabytes is one
step that takes minutes. Its pieces are told to `PieceBar`, which draws a bar of its own
in characters for that document, from its first piece to its last, then leaves the line.
With worker processes, the worker reading the report draws it (on the same stderr).
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click


class PieceBar:
    """`on_piece` for `workflow.ingest`: one bar per long document."""

    def __init__(self, file: Any = None) -> None:
        self.file = file
        self._bar: Any = None
        self._done = 0

    def __call__(self, source: str, done: int, total: int) -> None:
        if done == 0 or self._bar is None:
            self._close()
            self._bar = click.progressbar(length=total, label=f"  {Path(source).name}",
                                          file=self.file or sys.stderr, show_pos=True)
            self._bar.__enter__()
            self._done = 0
        self._bar.update(done - self._done)
        self._done = done
        if done >= total:
            self._close()

    def _close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None
