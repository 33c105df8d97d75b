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

import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from actorgraph.chunking import CHUNK, Chunked, ExtractionTimeout
from actorgraph.extract import registry
from actorgraph.extract.base import Extractor
from actorgraph.facts.build import build_facts
from actorgraph.imports.stix import ImportReport, import_bundle
from actorgraph.ingest import IngestError, clean, iter_sources, load_source, with_language
from actorgraph.model import CleanDocument, DocumentMeta, Extraction, LoadedDocument, Segment
from actorgraph.resolve.stage import ResolveSummary, resolve_store
from actorgraph.store.db import StoreError
from actorgraph.store.store import Store

BATCH = 16
BUDGET = 120.0            # seconds of extraction per document, before its length counts
BUDGET_CHARS = 20_000     # one more second for every so many characters
RESOLUTION = "(resolution)"   # the source named when resolution or facts fail


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    versions: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)   # stored marked, now re-extracted
    failed: list[tuple[str, str]] = field(default_factory=list)   # (source, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (source, warning)

    @property
    def ok(self) -> bool:
        return not self.failed


def _why(err: BaseException) -> str:
    return f"{type(err).__name__}: {err}"


def _loaded(sources: Iterable[str], store: Store, overrides: DocumentMeta,
            report: IngestReport, progress: Callable[[str], None] | None
            ) -> Iterator[tuple[LoadedDocument, CleanDocument, list[str]]]:
    """Each new source loaded and cleaned, with what went wrong on the way. A source that
    cannot be loaded is reported; one whose language detection or cleaning fails is kept
    (no language, no furniture marked) with the reason, so its text is still stored."""
    seen: set[str] = set()
    for source in sources:
        if progress:
            progress(source)
        try:
            loaded = load_source(source, overrides)
            if loaded.sha256 in seen or store.extraction_complete(loaded.sha256):
                report.unchanged.append(source)
                continue
        except IngestError as err:
            report.failed.append((err.source, err.reason))
            continue
        except Exception as err:  # noqa: BLE001 - a loader bug costs only this source
            report.failed.append((source, f"load failed: {_why(err)}"))
            continue
        seen.add(loaded.sha256)
        for warning in loaded.warnings:
            report.warnings.append((source, warning))
        problems: list[str] = []
        try:
            loaded = with_language(loaded)
        except Exception as err:  # noqa: BLE001 - detection is a convenience
            problems.append(f"stage language: {_why(err)}")
        try:
            cleaned = clean(loaded)
        except Exception as err:  # noqa: BLE001 - uncleaned text is still text
            problems.append(f"stage clean: {_why(err)}")
            cleaned = CleanDocument(loaded, (Segment(0, len(loaded.text), "body"),))
        yield loaded, cleaned, problems


@contextmanager
def _time_budget(seconds: float) -> Iterator[None]:
    """Raise `ExtractionTimeout` in the code run inside once it has used `seconds` of CPU
    time (so a loaded machine does not time out what an idle one reads; POSIX, main
    thread: elsewhere no limit). Native code such as the tokenizer is interrupted when it
    returns to Python, which `model.blank_long_runs` keeps short."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or seconds <= 0:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ExtractionTimeout(f"after {seconds:.3g} s of CPU time")

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def budget_for(text: str, per_document: float = BUDGET) -> float:
    """The seconds one document may take: `per_document`, and one more for every
    `BUDGET_CHARS` characters (a 6 MB text gets six more minutes)."""
    return per_document + len(text) / BUDGET_CHARS if per_document > 0 else 0


def _extracted(extractor: Extractor, batch: list[tuple[LoadedDocument, CleanDocument]],
               budget: float = BUDGET) -> list[tuple[LoadedDocument, CleanDocument, Extraction]]:
    """The batch with its extractions. Where the extractor fails or runs out of time, the
    batch is read again one document at a time, so only the document it cannot read gets
    an empty extraction marked failed (or timed out): one document never costs the rest."""
    seconds = sum(budget_for(loaded.text, budget) for loaded, _ in batch)
    try:
        with _time_budget(seconds):
            extractions = list(extractor.extract([cleaned for _, cleaned in batch]))
    except (Exception, ExtractionTimeout) as err:  # noqa: BLE001 - recorded per document
        if len(batch) == 1:
            failed = Extraction(extractor=extractor.name, extractor_version=extractor.version,
                                problems=[str(err) if isinstance(err, ExtractionTimeout)
                                          else _why(err)], failed=True,
                                timed_out=isinstance(err, ExtractionTimeout))
            return [(batch[0][0], batch[0][1], failed)]
        return [done for item in batch for done in _extracted(extractor, [item], budget)]
    return [(loaded, cleaned, extraction)
            for (loaded, cleaned), extraction in zip(batch, extractions, strict=True)]


_FACT_LISTS = ("relations", "events", "quantities", "foundings", "disputes", "conditions")


def without_undecodable(extraction: Extraction, text: str) -> Extraction:
    """`extraction` without the facts of sentences that hold an undecodable byte (U+FFFD,
    put there by the decoder, who warned of it): such a sentence is never quoted as the
    evidence of a fact."""
    if "\ufffd" not in text:
        return extraction
    damaged = {s.index for s in extraction.sentences if "\ufffd" in text[s.start:s.end]}
    for name in _FACT_LISTS:
        setattr(extraction, name, [f for f in getattr(extraction, name)
                                   if f.sentence not in damaged
                                   and getattr(f, "disputed", None) not in damaged])
    return extraction


def _store(store: Store, report: IngestReport, loaded: LoadedDocument, cleaned: CleanDocument,
           extraction: Extraction) -> None:
    """Store one document in its own transaction and file it in `report`; a document the
    store refuses is reported and the batch goes on."""
    try:
        _, status = store.add_document(loaded, cleaned, extraction)
    except StoreError:
        raise                 # the store itself is unusable: no later document would fare better
    except Exception as err:  # noqa: BLE001 - one document's bad data costs only itself
        report.failed.append((loaded.source, f"store failed: {_why(err)}"))
        return
    if extraction.error:      # stored, but reported as the failure it is
        report.failed.append((loaded.source, extraction.error))
        return
    {"added": report.added, "new version": report.versions, "re-extracted":
     report.repaired, "unchanged": report.unchanged}[status].append(loaded.source)


def _runs(batch: list[tuple[LoadedDocument, CleanDocument]]
          ) -> Iterator[list[tuple[LoadedDocument, CleanDocument]]]:
    """The batch in order, a document long enough to be read in pieces on its own: it has
    a budget of its own, and a timeout costs no other document a second reading."""
    run: list[tuple[LoadedDocument, CleanDocument]] = []
    for item in batch:
        if len(item[0].text) > CHUNK:
            if run:
                yield run
            run = []
            yield [item]
        else:
            run.append(item)
    if run:
        yield run


def ingest(paths: Iterable[str], store: Store, overrides: DocumentMeta | None = None,
           progress: Callable[[str], None] | None = None,
           extractor: str = registry.DEFAULT, budget: float = BUDGET) -> IngestReport:
    """Ingest every source under `paths` into `store` with the extractor named
    `extractor`, then re-resolve entities and rebuild the facts. Each document's
    extraction may take `budget` seconds (more for a long one: `budget_for`; 0: no limit).
    A failure of resolution or facts is reported as the source "(resolution)"; the store
    stays marked stale, so the next command that writes repairs it."""
    report = IngestReport()
    reader = Chunked(registry.get(extractor))
    items = _loaded(iter_sources(list(paths)), store, overrides or DocumentMeta(), report,
                    progress)
    while batch := list(islice(items, BATCH)):
        noted = {id(cleaned): problems for _, cleaned, problems in batch}
        for run in _runs([(ld, cl) for ld, cl, _ in batch]):
            for loaded, cleaned, extraction in _extracted(reader, run, budget):
                extraction.problems[:0] = noted.get(id(cleaned), [])
                _store(store, report, loaded, cleaned,
                       without_undecodable(extraction, loaded.text))
    if report.added or report.versions or store.is_stale():
        try:
            refresh(store)
        except StoreError:
            raise
        except Exception as err:  # noqa: BLE001 - the documents are stored; say what is not
            report.failed.append((RESOLUTION, f"resolution failed: {_why(err)} (the documents "
                                  "are stored; run `actorgraph resolve` once it is fixed)"))
    return report


def refresh(store: Store) -> ResolveSummary:
    """Re-resolve every entity from its mentions, then rebuild the facts on them.

    The store is marked stale until both are done, so a run killed half-way is repaired
    by the next ingest (or `actorgraph resolve`)."""
    store.mark_stale()
    summary = resolve_store(store)
    build_facts(store)
    store.mark_fresh()
    return summary


def import_stix(store: Store, path: str | Path, source: str | None = None) -> ImportReport:
    """Import a STIX 2.1 bundle as one document, then refresh entities and facts."""
    report = import_bundle(store, path, source)
    if report.status != "unchanged":
        refresh(store)
    return report
