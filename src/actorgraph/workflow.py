"""The one place that sequences the stages: ingest -> extract -> store -> resolve -> facts.

Documents get a language (metadata, else detection), then go to the extractor
(`extract.registry`: "auto", the one for their language, unless told otherwise)
in small batches, so it can parse them together (in this process, or in worker processes:
`parallel`); each document is then stored, in input order, in its own transaction. A bad file is reported with its reason and the batch goes on; a
document the extractor cannot read is found by retrying its batch one by one, and is
stored with its text but no extraction, marked "extraction failed: REASON" (one the
extractor read only in part is marked "extraction partial: ..."). Ingesting such a
document again extracts it again.
Cross-document resolution and the facts built on it run once at the end over the
whole store (`refresh`), as they do after an analyst's judgement or a STIX import.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from actorgraph.campaign import documents as posts
from actorgraph.chunking import PieceProgress
from actorgraph.extract import registry
from actorgraph.facts.build import plan_facts
from actorgraph.facts.incremental import plan_partial_facts
from actorgraph.imports.stix import ImportReport, import_bundle
from actorgraph.ingest import iter_sources
from actorgraph.model import DocumentMeta, Extraction
from actorgraph.parallel import BUDGET, Read, budget_for, read_documents, reason
from actorgraph.resolve.incremental import plan_partial
from actorgraph.resolve.stage import ResolveSummary, plan_resolution
from actorgraph.store.db import StoreError
from actorgraph.store.facts import replace_resolution
from actorgraph.store.judgements import Recorded, judgements_by_id
from actorgraph.store.partial import write_partial
from actorgraph.store.store import Store

__all__ = ["BUDGET", "IngestReport", "Judged", "budget_for", "import_stix", "ingest",
           "refresh", "refresh_judged", "without_undecodable"]
ENGINES = ("local", "ray")     # where documents are read: here (or worker processes), Ray
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


def _store_read(store: Store, read: Read, report: IngestReport) -> None:
    """Store one read document in its own transaction (or record why there is none) in the
    report's lists; a document the store refuses is reported and the batch goes on."""
    if read.failure is not None:
        report.failed.append((read.source, read.failure))
        return
    if read.document is None:
        if read.tlp and read.sha256:   # a marking given again replaces the stored one
            store.set_document_tlp(read.sha256, read.tlp)
        report.unchanged.append(read.source)
        return
    loaded, cleaned, extraction = read.document
    report.warnings += [(read.source, w) for w in read.warnings]
    extraction.problems[:0] = read.problems
    try:
        _, status = store.add_document(loaded, cleaned,
                                       without_undecodable(extraction, loaded.text))
    except StoreError:
        raise                 # the store itself is unusable: no later document would fare better
    except Exception as err:  # noqa: BLE001 - one document's bad data costs only itself
        report.failed.append((loaded.source, f"store failed: {reason(err)}"))
        return
    if extraction.error:      # stored, but reported as the failure it is
        report.failed.append((loaded.source, extraction.error))
        return
    {"added": report.added, "new version": report.versions, "re-extracted":
     report.repaired, "unchanged": report.unchanged}[status].append(loaded.source)


def ingest(paths: Iterable[str], store: Store, overrides: DocumentMeta | None = None,
           progress: Callable[[str], None] | None = None,
           extractor: str = registry.DEFAULT, workers: int = 1,
           budget: float = BUDGET, engine: str = "local",
           address: str | None = None, on_piece: PieceProgress | None = None) -> IngestReport:
    """Ingest every source under `paths` into `store` with the extractor named
    `extractor`, then re-resolve entities and rebuild the facts. Channel exports
    (Telegram Desktop, Telethon, post tables: `campaign/documents.py`) give one document
    per post.

    With `workers` > 1, loading and extraction run in that many worker processes
    (`parallel`); this process stores the documents, in input order, so the store and
    its export are the same as with one. With `engine` "ray", they run as Ray Data tasks
    (at most `workers` at once) on the Ray cluster at `address`, else on a local Ray
    (`distributed`; a `distributed.RayEngineError` when Ray is not installed or cannot
    start or be reached), with the same
    result. Each document's extraction may take `budget`
    seconds of CPU (more for a long one: `budget_for`; 0: no limit). A failure of
    resolution or facts is reported as the source "(resolution)"; the store stays marked
    stale, so the next command that writes repairs it. `on_piece` is told how far the
    reading of a long document has got (`chunking.Chunked`: a progress bar for one long
    report; with workers, it is called in the worker that reads it)."""
    report = IngestReport()
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; known: {', '.join(ENGINES)}")
    if workers <= 1 and engine == "local":
        registry.get(extractor)   # an unknown name fails before any file is read
    elif engine == "ray" and extractor not in registry.names():
        raise registry.UnknownExtractor(extractor)   # here, not in every Ray worker
    seen: set[str] = set()

    def is_stored(sha256: str) -> bool:
        if sha256 in seen or store.extraction_complete(sha256):
            return True
        seen.add(sha256)
        return False

    paths = list(paths)
    sources = list(dict.fromkeys([*iter_sources(paths), *posts.exports_in(paths)]))
    if engine == "ray":
        from actorgraph.distributed import read_on_ray

        reads = read_on_ray(sources, overrides or DocumentMeta(), extractor, store.url,
                            workers=workers, address=address, budget=budget)
    else:
        reads = read_documents(sources, overrides or DocumentMeta(), extractor,
                               is_stored, workers=workers, store_url=store.url, budget=budget,
                               on_piece=on_piece)
    for read in reads:
        if progress:
            progress(read.source)
        _store_read(store, read, report)
        del read    # the last document's extraction is not held while resolving
    if report.added or report.versions or store.is_stale():
        try:
            refresh(store)
        except StoreError:
            raise
        except Exception as err:  # noqa: BLE001 - the documents are stored; say what is not
            report.failed.append((RESOLUTION, f"resolution failed: {reason(err)} (the documents "
                                  "are stored; run `actorgraph resolve` once it is fixed)"))
    _record_channels(store, sources, report)
    return report


def _record_channels(store: Store, sources: list[str], report: IngestReport) -> None:
    """The channels of the exports among `sources` and who runs them (campaign/
    channel_store.py), after the facts (reports seed the links)."""
    from actorgraph.campaign.channel_store import record_sources
    from actorgraph.campaign.records import ExportError

    try:
        record_sources(store, sources)
    except (ExportError, StoreError) as err:
        report.warnings.append(("(channels)", f"channels not recorded: {err}"))


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
                              resolved.review, built.rows, built.contradictions,
                              resolved.index):
            break
    return resolved.summary


@dataclass
class Judged:
    """How the store was brought up to date after judgements: `incremental` (only the
    `region` groups re-resolved and their facts rebuilt) or in full, and why."""
    summary: ResolveSummary
    incremental: bool
    region: int = 0
    why: str = ""


def refresh_judged(store: Store, recorded: list[Recorded]) -> Judged:
    """Bring the store up to date after the analyst's judgements `recorded` (or undone),
    in that order: re-resolve only the groups they touch and rebuild only their facts and
    contradictions (`resolve.incremental`, `facts.incremental`), written in one
    transaction; the result equals a full `refresh`. Falls back to a full refresh when
    the store was stale before them, another write came in between, there is no current
    resolution index, or the change cannot be bounded (`plan_partial` says None)."""
    why = _chain_broken(recorded)
    if not why:
        partial = plan_partial(store, judgements_by_id(store, [r.id for r in recorded]))
        if partial is None:
            why = "the change could not be bounded (no index, or a node split)"
        else:
            built = plan_partial_facts(store, partial)
            if write_partial(store, recorded[-1].token, partial, built.gone, built.rows,
                             built.cons_gone, built.contradictions):
                stats = store.stats()
                return Judged(ResolveSummary(0, stats["entities"], stats["review_pairs"]),
                              True, partial.region)
            why = "another write came in between"
    return Judged(refresh(store), False, why=why)


def _chain_broken(recorded: list[Recorded]) -> str:
    """Why the stored entities do not follow from the judgements before `recorded`."""
    if not recorded:
        return "no judgement"
    before = None
    for r in recorded:
        if r.before != before:
            return "the store was stale before the judgement"
        before = r.token
    return ""


def import_stix(store: Store, path: str | Path, source: str | None = None) -> ImportReport:
    """Import a STIX 2.1 bundle as one document, then refresh entities and facts."""
    report = import_bundle(store, path, source)
    if report.status != "unchanged":
        refresh(store)
    return report
