"""Ingest a batch end to end: load -> clean -> extract -> store, then resolve.

Each document is stored in its own transaction; a bad file is reported with
its reason and the batch goes on. Cross-document resolution runs once at the
end over the whole store.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .ingest import IngestError, clean, iter_sources, load_source
from .model import DocumentMeta
from .pipeline import extract
from .resolve.stage import resolve_store
from .store.store import Store


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    versions: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)   # (source, reason)

    @property
    def ok(self) -> bool:
        return not self.failed


def ingest(paths: Iterable[str], store: Store, overrides: DocumentMeta | None = None,
           progress: Callable[[str], None] | None = None) -> IngestReport:
    """Ingest every source under `paths` into `store`, then re-resolve entities."""
    report = IngestReport()
    for source in iter_sources(list(paths)):
        if progress:
            progress(source)
        try:
            loaded = load_source(source, overrides or DocumentMeta())
            if store.has_sha(loaded.sha256):
                report.unchanged.append(source)
                continue
            cleaned = clean(loaded)
            extraction = extract(cleaned)
            _, status = store.add_document(loaded, cleaned, extraction)
        except IngestError as err:
            report.failed.append((err.source, err.reason))
            continue
        except (ValueError, UnicodeError, MemoryError, RecursionError) as err:
            report.failed.append((source, f"{type(err).__name__}: {err}"))
            continue
        {"added": report.added, "new version": report.versions,
         "unchanged": report.unchanged}[status].append(source)
    if report.added or report.versions:
        resolve_store(store)
    return report
