"""The one place that sequences the stages: ingest -> extract -> store -> resolve -> facts.

Documents get a language (metadata, else detection), then go to the extractor
(`extract.registry`: "auto", the one for their language, unless told otherwise)
in small batches, so it can parse them together; each document is then stored in its
own transaction. A bad file is reported with its reason and the batch goes on; a
document the extractor cannot read is found by retrying its batch one by one, and is
stored with its text but no extraction, marked "extraction failed: REASON" (one the
extractor read only in part is marked "extraction partial: ..."). Ingesting such a
document again extracts it again.
Cross-document resolution and the facts built on it run once at the end over the
whole store (`refresh`), as they do after an analyst's judgement or a STIX import.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from actorgraph.extract import registry
from actorgraph.extract.base import Extractor
from actorgraph.facts.build import plan_facts
from actorgraph.imports.stix import ImportReport, import_bundle
from actorgraph.ingest import IngestError, clean, iter_sources, load_source, with_language
from actorgraph.model import CleanDocument, DocumentMeta, Extraction, LoadedDocument
from actorgraph.resolve.stage import ResolveSummary, plan_resolution
from actorgraph.store.facts import replace_resolution
from actorgraph.store.store import Store

BATCH = 16


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    versions: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)   # stored marked, now re-extracted
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
            if loaded.sha256 in seen or store.extraction_complete(loaded.sha256):
                report.unchanged.append(source)
                continue
            seen.add(loaded.sha256)
            loaded = with_language(loaded)
            yield loaded, clean(loaded)
        except IngestError as err:
            report.failed.append((err.source, err.reason))
        except (ValueError, UnicodeError, RecursionError) as err:
            report.failed.append((source, f"{type(err).__name__}: {err}"))


def _extracted(extractor: Extractor, batch: list[tuple[LoadedDocument, CleanDocument]]
               ) -> list[tuple[LoadedDocument, CleanDocument, Extraction]]:
    """The batch with its extractions. Where the extractor fails, the batch is read again
    one document at a time, so only the document it cannot read gets an empty extraction
    marked failed: a bug on one document never costs the rest of the batch."""
    try:
        extractions = list(extractor.extract([cleaned for _, cleaned in batch]))
    except Exception as err:  # noqa: BLE001 - any extractor bug is recorded per document
        if len(batch) == 1:
            failed = Extraction(extractor=extractor.name, extractor_version=extractor.version,
                                problems=[f"{type(err).__name__}: {err}"], failed=True)
            return [(batch[0][0], batch[0][1], failed)]
        return [done for item in batch for done in _extracted(extractor, [item])]
    return [(loaded, cleaned, extraction)
            for (loaded, cleaned), extraction in zip(batch, extractions, strict=True)]


def ingest(paths: Iterable[str], store: Store, overrides: DocumentMeta | None = None,
           progress: Callable[[str], None] | None = None,
           extractor: str = registry.DEFAULT) -> IngestReport:
    """Ingest every source under `paths` into `store` with the extractor named
    `extractor`, then re-resolve entities and rebuild the facts."""
    report = IngestReport()
    reader = registry.get(extractor)
    items = _loaded(iter_sources(list(paths)), store, overrides or DocumentMeta(), report,
                    progress)
    while batch := list(islice(items, BATCH)):
        for loaded, cleaned, extraction in _extracted(reader, batch):
            try:
                _, status = store.add_document(loaded, cleaned, extraction)
            except (ValueError, RecursionError) as err:
                report.failed.append((loaded.source, f"{type(err).__name__}: {err}"))
                continue
            if extraction.error:      # stored, but reported as the failure it is
                report.failed.append((loaded.source, extraction.error))
                continue
            {"added": report.added, "new version": report.versions, "re-extracted":
             report.repaired, "unchanged": report.unchanged}[status].append(loaded.source)
    if report.added or report.versions or store.is_stale():
        refresh(store)
    return report


REFRESH_ATTEMPTS = 3


def refresh(store: Store) -> ResolveSummary:
    """Re-resolve every entity from its mentions, then rebuild the facts on them.

    Both are computed first and written in one transaction, which also clears the stale
    flag, so a run killed at any point leaves the store as it was (stale, repaired by the
    next ingest or `actorgraph resolve`) or done. If another process stored a document
    or a judgement meanwhile, the work is done again on what is stored now (up to
    REFRESH_ATTEMPTS times, then the store is left stale for the next command)."""
    for _ in range(REFRESH_ATTEMPTS):
        token = store.mark_stale()
        resolved = plan_resolution(store)
        built = plan_facts(store, resolved.entities, resolved.keys)
        if replace_resolution(store, token, resolved.entities, resolved.assignment,
                              resolved.review, built.rows, built.contradictions):
            break
    return resolved.summary


def import_stix(store: Store, path: str | Path, source: str | None = None) -> ImportReport:
    """Import a STIX 2.1 bundle as one document, then refresh entities and facts."""
    report = import_bundle(store, path, source)
    if report.status != "unchanged":
        refresh(store)
    return report
