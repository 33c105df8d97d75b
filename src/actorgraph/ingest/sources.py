"""Expand the paths and URLs given on the command line into single sources."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")
SIDECAR_SUFFIX = ".meta.json"


def is_url(source: str) -> bool:
    """Whether `source` is an http(s) URL rather than a local path."""
    return source.lower().startswith(("http://", "https://"))


def _is_sidecar(name: str) -> bool:
    return name.lower().endswith(SIDECAR_SUFFIX)


def _walk(folder: Path) -> Iterator[str]:
    """Supported, non-hidden files under `folder`, depth first, sorted by name."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or _is_sidecar(name):
                continue
            if Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                yield str(Path(root) / name)


def iter_sources(paths: list[str]) -> Iterator[str]:
    """Yield each source to ingest, in a deterministic order.

    Folders are walked recursively (sorted; hidden files and folders, sidecar
    ``*.meta.json`` files and unsupported suffixes skipped). URLs pass through.
    A missing path or an explicitly named file of an unsupported type is
    yielded anyway, so that `load_source` reports a clear per-source error
    instead of the source silently vanishing from the batch. Duplicates are
    yielded once.
    """
    seen: set[str] = set()
    for given in paths:
        if is_url(given):
            found: Iterator[str] = iter([given])
        elif os.path.isdir(given):
            found = _walk(Path(given))
        elif _is_sidecar(given):
            continue  # a shell glob like corpus/* picks these up; they are not documents
        else:
            found = iter([given])
        for source in found:
            if source not in seen:
                seen.add(source)
                yield source
