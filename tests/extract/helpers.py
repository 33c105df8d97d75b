"""Parse a test text through the pipeline stages, as a document published on a given date."""
from __future__ import annotations

import hashlib

from actorgraph.extract.rules_en.nlp import load_nlp
from actorgraph.extract.rules_en.pipeline import STAGES, State
from actorgraph.knowledge.lexicon import load_lexicon
from actorgraph.model import CleanDocument, DocumentMeta, LoadedDocument, Segment


def parsed(text: str, published: str | None = None) -> State:
    """The pipeline state (doc, sentences, mentions) of `text`, all of it body text."""
    loaded = LoadedDocument("t.txt", "text/plain", text.encode(), text,
                            DocumentMeta(published=published),
                            hashlib.sha256(text.encode()).hexdigest())
    state = State(CleanDocument(loaded, (Segment(0, len(text), "body"),)), load_nlp(),
                  load_lexicon())
    for stage in STAGES:              # up to the mentions' keys: what the extractors read
        stage.func(state)
        if stage.name == "corefer":
            break
    return state


def token_at(state: State, word: str, nth: int = 0):
    """The token that starts the `nth` occurrence of `word` in the text."""
    start = -1
    for _ in range(nth + 1):
        start = state.doc.text.index(word, start + 1)
    return next(t for t in state.doc if t.idx <= start < t.idx + len(t))


def key_of(state: State, text: str) -> str:
    """The mention key of the first mention written `text`."""
    return next(m.key for m in state.mentions if m.text == text)
