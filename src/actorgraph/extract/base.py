"""What an extractor is: the one interface behind which every reader of text sits.

An extractor turns cleaned documents into `Extraction`s (sentences, mentions, relations,
events, quantities, foundings, disputes), one per document and in the order given, with
offsets into the document's original text and verbatim evidence. Extraction of one
document is a pure function of its text and metadata: no store, no other documents, so a
batch can be split across processes or machines and give the same result.

Rule sets for one language, a statistical model or an LLM-backed reader are all
extractors; resolution, facts, store and web see only what they produce.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from actorgraph.model import CleanDocument, Extraction


@runtime_checkable
class Extractor(Protocol):
    """Reads cleaned documents and says what they state."""

    name: str       # registry name, stored with each document ("rules-en")
    version: str    # changes whenever the same text may give a different extraction

    def extract(self, docs: Iterable[CleanDocument]) -> Iterator[Extraction]:
        """One `Extraction` per document, in the order of `docs`.

        May raise ValueError or RecursionError for a document it cannot read; the caller
        then retries the documents of that batch one by one to find which.
        """
        ...
