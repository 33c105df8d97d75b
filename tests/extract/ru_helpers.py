"""Run the Russian rules on a test text, as a document published on a given date."""
from __future__ import annotations

import hashlib

from actorgraph.extract import registry
from actorgraph.extract.rules_ru.pipeline import State, run
from actorgraph.model import CleanDocument, DocumentMeta, LoadedDocument, Mention, Segment


def ru(text: str, published: str | None = None, publisher: str | None = None) -> State:
    """The final pipeline state of `text` (all of it body text)."""
    loaded = LoadedDocument("t.txt", "text/plain", text.encode(), text,
                            DocumentMeta(published=published, publisher=publisher,
                                         language="ru"),
                            hashlib.sha256(text.encode()).hexdigest())
    reader = registry.get("rules-ru")
    state, problems = run(CleanDocument(loaded, (Segment(0, len(text), "body"),)),
                          reader.models, reader.lex)  # type: ignore[attr-defined]
    assert not problems, problems
    return state


def mention(state: State, text: str) -> Mention:
    """The first mention written `text`."""
    return next(m for m in state.mentions if m.text == text)


def key(state: State, text: str) -> str:
    return mention(state, text).key
