"""Rule extraction without a parser, shared by the languages that have no offline
statistical model (Azerbaijani, Persian, Arabic).

A language package gives a `grammar.Grammar` (word classes as data, its morphology, and a
`find_names` that proposes name candidates); the stages here do the rest alike for every
language: sentences and words with exact offsets (`text`), known names and mentions
(`names`, `mentions`), dates (`dates`), quantities (`numbers`), relations from titles
(`relations`), events by verb class (`events`) and who says what (`attribution`).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from actorgraph import __version__
from actorgraph.extract.textrules.grammar import Grammar
from actorgraph.extract.textrules.pipeline import extract_one
from actorgraph.knowledge.lexicon import load_lexicon
from actorgraph.model import CleanDocument, Extraction


class RuleExtractor:
    """One document at a time through the shared stages, with one language's grammar."""

    name = ""

    def __init__(self, grammar: Grammar) -> None:
        self.grammar = grammar
        self.lex = load_lexicon()
        self.version = f"{__version__}+textrules-1"

    def extract(self, docs: Iterable[CleanDocument]) -> Iterator[Extraction]:
        for clean in docs:
            extraction = extract_one(clean, self.grammar, self.lex)
            extraction.extractor = self.name
            extraction.extractor_version = self.version
            yield extraction
