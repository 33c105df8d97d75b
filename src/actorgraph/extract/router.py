"""The "auto" extractor: each document goes to the extractor for its language.

A document's language comes from its metadata (a sidecar, the page, `--language`) or,
failing that, from detection at ingest (`ingest.language`). `registry.LANGUAGES` says which
extractor reads which language; a language without one of its own is read by `FALLBACK`
(the English rules), which is what happened to every document before there were others.
Documents keep their order; each batch is split by extractor, and every extraction names
the extractor that really read it.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from actorgraph.extract import registry
from actorgraph.model import CleanDocument, Extraction

FALLBACK = "rules-en"


def extractor_for(language: str | None) -> str:
    """The name of the extractor that reads `language` (ISO 639-1)."""
    name = registry.LANGUAGES.get((language or "").lower())
    return name if name in registry.names() else FALLBACK


class ByLanguage:
    """Sends each document to its language's extractor."""

    name = "auto"

    @property
    def version(self) -> str:
        return "+".join(sorted(set(registry.LANGUAGES.values())))

    def extract(self, docs: Iterable[CleanDocument]) -> Iterator[Extraction]:
        docs = list(docs)
        chosen = [extractor_for(d.doc.meta.language) for d in docs]
        done: dict[int, Extraction] = {}
        for name in dict.fromkeys(chosen):
            picked = [i for i, c in enumerate(chosen) if c == name]
            reader = registry.get(name)
            done.update(zip(picked, reader.extract([docs[i] for i in picked]), strict=True))
        for i in range(len(docs)):
            yield done[i]
