"""Words and sentences with their offsets into the original text.

Rule extractors without a parser read the text as words: runs of letters, digits and
combining marks (harakat), with apostrophes, hyphens, tatweel and the zero-width
non-joiner kept inside a word ("Bakı'da", "Zabrat-1", "حزب‌الله"). Sentences end at a
line break or at closing punctuation followed by a space; neither ever moves an offset.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from actorgraph.model import CleanDocument, Sentence

_MARKS = "\u064b-\u065f\u0670\u06d6-\u06ed"
WORD = re.compile(rf"[\w{_MARKS}]+(?:[\u200c\u0640'\u2019\u02bc\u2011-]+[\w{_MARKS}]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?\u061f\u06d4])[\"\u201d\u00bb)]*\s+|\n")
ABBREVIATION = re.compile(r"(?:\b\w\.|\b(?:[A-ZÇƏĞİÖŞÜ]\w{0,3})\.)$")


@dataclass(frozen=True)
class Token:
    index: int
    start: int
    end: int
    text: str
    sentence: int


def split_sentences(clean: CleanDocument) -> list[Sentence]:
    """Sentences of the document's reporting text (furniture left out), offsets exact."""
    text = clean.masked_text()
    out: list[Sentence] = []
    start = 0
    for m in SENTENCE_END.finditer(text + "\n"):
        if m.group() != "\n" and ABBREVIATION.search(text[max(0, m.start() - 6):m.start()]) \
                and not text[m.end():m.end() + 1].isupper():
            continue
        _add(out, clean, text, start, m.start())
        start = m.end()
    return out


def _add(out: list[Sentence], clean: CleanDocument, text: str, start: int, end: int) -> None:
    piece = text[start:end]
    s = start + len(piece) - len(piece.lstrip())
    e = start + len(piece.rstrip())
    if e > s:
        kind = clean.kind_at(s)
        if kind != "furniture":
            out.append(Sentence(len(out), s, e, kind))


def tokenize(text: str, sentences: list[Sentence]) -> list[Token]:
    """The words of every sentence, in order."""
    out: list[Token] = []
    for sent in sentences:
        for m in WORD.finditer(text, sent.start, sent.end):
            out.append(Token(len(out), m.start(), m.end(), m.group(), sent.index))
    return out


def sentence_at(sentences: list[Sentence], offset: int) -> int:
    starts = [s.start for s in sentences]
    return max(0, bisect.bisect_right(starts, offset) - 1)
