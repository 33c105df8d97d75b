"""The Russian rule extractor ("rules-ru"): natasha's segmenter, morphology, syntax and
names, and rules over them and over word classes (`data/*.yaml`).

Modules, one concern each: `nlp` (natasha, loaded on first use), `names` (names and their
nominatives), `typing` (types, titles, kinds, capitals standing for states), `keys` (which
mentions name one actor), `dates`, `quantities`, `attribution`, `relations`, `events`;
`pipeline` runs them in order on one document.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from actorgraph import __version__
from actorgraph.model import CleanDocument, Extraction


class RulesRussian:
    """Reads Russian documents one by one (natasha has no batch mode worth having)."""

    name = "rules-ru"

    def __init__(self) -> None:
        from actorgraph.extract.rules_ru.nlp import MODEL, load_models
        from actorgraph.knowledge.lexicon import load_lexicon

        self.models = load_models()
        self.lex = load_lexicon()
        self.version = f"{__version__}+{MODEL}"

    def extract(self, docs: Iterable[CleanDocument]) -> Iterator[Extraction]:
        from actorgraph.extract.rules_ru.pipeline import extract as extract_one

        for clean in docs:
            extraction = extract_one(clean, self.models, self.lex)
            extraction.extractor = self.name
            extraction.extractor_version = self.version
            yield extraction
