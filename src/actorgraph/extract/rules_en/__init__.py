"""The English rule extractor ("rules-en"): spaCy's small English pipeline and rules
over its syntax and word classes.

Its stages run in the order of `pipeline.STAGES`; the sub-packages read like them:
`names` (recognise and type names), `reference` (who "he", "the group", a verb's
arguments are), `relations`, `events`, `claims` (dates, quantities, foundings,
attribution, disputes). Word lists and patterns are data, in `data/`.
"""
from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator

from actorgraph import __version__
from actorgraph.extract.rules_en.claims.dates import load_dateparser
from actorgraph.extract.rules_en.nlp import MODEL_PACKAGE, load_nlp
from actorgraph.extract.rules_en.pipeline import extract as extract_one
from actorgraph.knowledge.lexicon import load_lexicon
from actorgraph.model import CleanDocument, Extraction


class RulesEnglish:
    """Parses a batch at once (`nlp.pipe`), then runs the rule stages on each document."""

    name = "rules-en"

    def __init__(self) -> None:
        self.nlp = load_nlp()
        self.lex = load_lexicon()
        load_dateparser()
        # The model, the lexicon and the date parser's data are kept as long as the process
        # and hold no garbage: moved out of the collector's generations, they are no longer
        # walked by each full collection that a long report's records set off (measured:
        # one of ~85 ms CPU per 200 KB of text, a twelfth of the rules' time).
        gc.collect()
        gc.freeze()
        self.version = f"{__version__}+{MODEL_PACKAGE}-{self.nlp.meta.get('version', '?')}"

    def extract(self, docs: Iterable[CleanDocument]) -> Iterator[Extraction]:
        docs = list(docs)
        parsed = self.nlp.pipe([d.masked_text() for d in docs])
        for clean, doc in zip(docs, parsed):
            extraction = extract_one(clean, nlp=self.nlp, lex=self.lex, doc=doc)
            extraction.extractor = self.name
            extraction.extractor_version = self.version
            yield extraction
