"""The one place that sequences the stages: ingest -> extract -> store -> resolve -> facts.

Documents are parsed in small batches with `nlp.pipe` (the fast path of
spaCy), then each is extracted and stored in its own transaction; a bad file
is reported with its reason and the batch goes on. Cross-document resolution
and the facts built on it run once at the end over the whole store
(`refresh`), as they do after an analyst's judgement or a STIX import.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from actorgraph.extract.rules_en.nlp import load_nlp
from actorgraph.extract.rules_en.pipeline import extract
from actorgraph.facts.build import build_facts
from actorgraph.imports.stix import ImportReport, import_bundle
from actorgraph.ingest import IngestError, clean, iter_sources, load_source
from actorgraph.model import CleanDocument, DocumentMeta, LoadedDocument
from actorgraph.resolve.stage import ResolveSummary, resolve_store
from actorgraph.store.store import Store

BATCH = 16


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    versions: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)   # (source, reason)

    @property
    def ok(self) -> bool:
        return not self.failed


def _loaded(sources: Iterable[str], store: Store, overrides: DocumentMeta,
            report: IngestReport, progress: Callable[[str], None] | None
            ) -> Iterator[tuple[LoadedDocument, CleanDocument]]:
    seen: set[str] = set()
    for source in sources:
        if progress:
            progress(source)
        try:
            loaded = load_source(source, overrides)
            if loaded.sha256 in seen or store.has_sha(loaded.sha256):
                report.unchanged.append(source)
                continue
            seen.add(loaded.sha256)
            yield loaded, clean(loaded)
        except IngestError as err:
            report.failed.append((err.source, err.reason))
        except (ValueError, UnicodeError, RecursionError) as err:
            report.failed.append((source, f"{type(err).__name__}: {err}"))


def ingest(paths: Iterable[str], store: Store, overrides: DocumentMeta | None = None,
           progress: Callable[[str], None] | None = None) -> IngestReport:
    """Ingest every source under `paths` into `store`, then re-resolve entities and
    rebuild the facts."""
    report = IngestReport()
    nlp = load_nlp()
    items = _loaded(iter_sources(list(paths)), store, overrides or DocumentMeta(), report,
                    progress)
    while batch := list(islice(items, BATCH)):
        docs = nlp.pipe([c.masked_text() for _, c in batch])
        for (loaded, cleaned), doc in zip(batch, docs):
            try:
                extraction = extract(cleaned, nlp=nlp, doc=doc)
                _, status = store.add_document(loaded, cleaned, extraction)
            except (ValueError, RecursionError) as err:
                report.failed.append((loaded.source, f"{type(err).__name__}: {err}"))
                continue
            {"added": report.added, "new version": report.versions,
             "unchanged": report.unchanged}[status].append(loaded.source)
    if report.added or report.versions:
        refresh(store)
    return report


def refresh(store: Store) -> ResolveSummary:
    """Re-resolve every entity from its mentions, then rebuild the facts on them."""
    summary = resolve_store(store)
    build_facts(store)
    return summary


def import_stix(store: Store, path: str | Path, source: str | None = None) -> ImportReport:
    """Import a STIX 2.1 bundle as one document, then refresh entities and facts."""
    report = import_bundle(store, path, source)
    if report.status != "unchanged":
        refresh(store)
    return report
