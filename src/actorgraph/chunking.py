"""Long documents read in pieces, their extractions joined with the document's offsets.

A parser needs memory in proportion to the text it reads at once (spaCy refuses texts
over its `max_length`; the time of a few rule passes grows faster than the text), so a
document longer than `CHUNK` characters is cut at paragraph breaks (else line breaks,
sentence ends, spaces), each piece extracted as a document of its own, and the pieces'
extractions joined: character offsets and sentence numbers shifted to the whole text's,
mention keys (a type and a name) left as they are, so one actor named in two pieces is
one group. What a piece cannot see is only what crosses its cut.

A stage of the extractor that raises on a document costs, at first, that stage's output
for the whole document (`Extraction.problems`). `isolate` then looks for the one sentence
it raised on, by halves: the document is read again with some of its sentences hidden
(marked furniture, which the parser never reads); once hiding one sentence is enough, the
document keeps every stage's output on all its other sentences, and that sentence's
skipping is recorded with why. A failure no single sentence explains keeps the first
reading.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields, is_dataclass, replace
from typing import Any

from actorgraph.model import CleanDocument, Extraction, Segment, Sentence

CHUNK = 100_000
_CUTS = ("\n\n", "\n", ". ", " ")
_OFFSETS = frozenset({"start", "end", "trigger_start", "trigger_end"})
_SENTENCES = frozenset({"sentence", "disputed", "index"})
_LISTS = ("sentences", "mentions", "relations", "events", "quantities", "foundings",
          "disputes", "conditions")


def cuts(text: str, size: int = CHUNK) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of `text` of at most `size` characters, each
    ending at the last paragraph break, line break, sentence end or space of its window
    past its middle, where there is one."""
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = next((i + len(c) for c in _CUTS if (i := window.rfind(c)) > size // 2), size)
        out.append((start, start + cut))
        start += cut
    out.append((start, len(text)))
    return out


def piece(clean: CleanDocument, start: int, end: int) -> CleanDocument:
    """The part of `clean` from `start` to `end`, as a document of its own."""
    doc = clean.doc
    text = doc.text[start:end]
    segments = tuple(Segment(max(s.start, start) - start, min(s.end, end) - start, s.kind)
                     for s in clean.segments if s.start < end and s.end > start)
    return CleanDocument(replace(doc, text=text), segments)


def _shifted(record: Any, chars: int, sentences: int) -> Any:
    """A copy of a fact record with its offsets moved by `chars` and its sentence numbers
    by `sentences` (nested dates too; an offset of -1 means none and stays). The copy is
    made as `dataclasses.replace` would make it (the records have no `__post_init__` and
    every field is an init field), from the fields its class may shift, found once per
    class: `replace` listed and passed every field of every record."""
    values = record.__dict__
    moved: dict[str, Any] = {}
    plan = _PLANS.get(type(record))
    if plan is None:
        plan = _PLANS[type(record)] = _plan(type(record))
    for name, kind in plan:
        value = values[name]
        if kind == "offset" and isinstance(value, int) and value >= 0:
            value = value + chars
        elif kind == "sentence" and isinstance(value, int):
            value = value + sentences
        elif kind == "also" and isinstance(value, tuple):
            value = tuple(v + sentences for v in value)
        elif is_dataclass(value) and not isinstance(value, type):
            value = _shifted(value, chars, sentences)
        moved[name] = value
    copy = object.__new__(type(record))
    copy.__dict__.update(moved)
    return copy


_PLANS: dict[type, tuple[tuple[str, str], ...]] = {}    # a record class -> its `_plan`


def _plan(cls: type) -> tuple[tuple[str, str], ...]:
    """(name, what it holds) of each field of a record class: an offset, a sentence
    number, "also" (sentence numbers), or another value (perhaps a nested record)."""
    if any(not f.init for f in fields(cls)) or hasattr(cls, "__post_init__") \
            or hasattr(cls, "__slots__"):
        raise TypeError(f"{cls.__name__}: not copied as `replace` would copy it")
    return tuple((f.name, "offset" if f.name in _OFFSETS else "sentence"
                  if f.name in _SENTENCES else "also" if f.name == "also" else "other")
                 for f in fields(cls))


def join(parts: Iterable[tuple[int, Extraction]]) -> Extraction:
    """One extraction from those of a document's pieces, each given with its start."""
    out = Extraction()
    for start, part in parts:
        _append(out, start, part)
    return out


def _append(out: Extraction, start: int, part: Extraction) -> None:
    """Add the extraction of the piece that starts at `start` to `out`, the joined
    extraction of the pieces before it."""
    shift = len(out.sentences)
    for name in _LISTS:
        getattr(out, name).extend(_shifted(r, start, shift) for r in getattr(part, name))
    out.extractor, out.extractor_version = part.extractor, part.extractor_version
    out.problems.extend(f"{p} (characters {start}-)" for p in part.problems)
    out.failed = out.failed or part.failed


def _sizes(out: Extraction) -> tuple:
    """What `_undo` needs to take `out` back to how it is now."""
    return (tuple(len(getattr(out, name)) for name in (*_LISTS, "problems")),
            out.extractor, out.extractor_version, out.failed)


def _undo(out: Extraction, sizes: tuple) -> None:
    """`out` as it was when `_sizes` looked at it (an `_append` cut short undone)."""
    lengths, out.extractor, out.extractor_version, out.failed = sizes
    for name, n in zip((*_LISTS, "problems"), lengths, strict=True):
        del getattr(out, name)[n:]


def _hiding(doc: CleanDocument, hidden: list[Sentence]) -> CleanDocument:
    """`doc` with the spans of `hidden` marked furniture (never read by the parser)."""
    cuts_at = sorted({0, len(doc.text), *(p for s in hidden for p in (s.start, s.end)),
                      *(p for s in doc.segments for p in (s.start, s.end))})
    spans = [(a, b) for a, b in zip(cuts_at, cuts_at[1:], strict=False) if b > a]
    out = [Segment(a, b, "furniture" if any(s.start <= a and b <= s.end for s in hidden)
                   else doc.kind_at(a)) for a, b in spans]
    return CleanDocument(doc.doc, tuple(out))


def isolate(inner: Any, doc: CleanDocument,
            first: Extraction) -> tuple[Extraction, ExtractionTimeout | None]:
    """`first`, or, where a stage raised on `doc` because of one sentence, the reading of
    `doc` without that sentence, its skipping recorded (see the module). The search reads
    the document again some ten times; should the time budget run out meanwhile, `first`,
    read whole already, is kept, the search's running out of time noted, and the timeout
    given beside it (None when there was none)."""
    if first.failed or not first.problems or len(first.sentences) < 2:
        return first, None

    def read(hidden: list[Sentence]) -> Extraction:
        return next(iter(inner.extract([_hiding(doc, hidden)])))

    sentences = first.sentences
    lo, hi = 0, len(sentences)
    try:
        while hi - lo > 1:          # the culprit is in sentences[lo:hi]
            mid = (lo + hi) // 2
            if read(sentences[lo:mid]).problems:
                lo = mid
            else:
                hi = mid
        culprit = sentences[lo]
        out = read([culprit])
    except ExtractionTimeout as err:    # the search, not the reading, ran out of time
        first.problems.append(f"the sentence it raised on was not found in time ({err})")
        return first, err
    if out.problems:
        return first, None
    out.problems.append(f"sentence {culprit.index + 1} (characters {culprit.start}-"
                        f"{culprit.end}) skipped: " + "; ".join(first.problems))
    return out, None


class ExtractionTimeout(BaseException):
    """The extractor ran past its time budget (raised by the workflow's timer). Not an
    Exception, so that no guard of the extractor's (a stage's `except Exception`) takes
    it for a bug of its own and reads on."""


PieceProgress = Callable[[str, int, int], None]
"""Told (source, characters read, characters in all) before a long document's first piece
and after each one: a progress bar for one long report."""


class Chunked:
    """An extractor that reads documents longer than `size` in pieces (see the module);
    `on_piece`, if given, is told how far reading a long one has got."""

    def __init__(self, inner: Any, size: int = CHUNK,
                 on_piece: PieceProgress | None = None) -> None:
        self.inner, self.size, self.on_piece = inner, size, on_piece
        self.name, self.version = inner.name, inner.version

    def extract(self, docs: Iterable[CleanDocument]) -> Iterator[Extraction]:
        """One extraction per document. The time budget's timer fires once: a document
        that ran out of it and kept what it read (`isolate`, `_pieces`) leaves the documents
        after it none, so it raises the timeout again for the caller to read them one by
        one, each with a budget of its own (`parallel.extracted`); the last one need not."""
        docs = list(docs)
        if all(len(d.text) <= self.size for d in docs):
            for i, (doc, extraction) in enumerate(zip(docs, self.inner.extract(docs),
                                                      strict=True)):
                yield _unless_more(*isolate(self.inner, doc, extraction), i < len(docs) - 1)
            return
        for i, doc in enumerate(docs):
            if len(doc.text) <= self.size:
                out, late = isolate(self.inner, doc, next(iter(self.inner.extract([doc]))))
            else:
                out, late = self._pieces(doc)
            yield _unless_more(out, late, i < len(docs) - 1)

    def _pieces(self, doc: CleanDocument) -> tuple[Extraction, ExtractionTimeout | None]:
        """One piece at a time (the memory of one piece): each piece's extraction is
        joined in as soon as it is read, so only the joined records stay. Out of time after
        some pieces, what they gave is kept, and the document is marked timed out: where
        reading stopped, and after how long."""
        out, stop = Extraction(), 0      # stop: where the pieces read so far end
        total = len(doc.text)
        self._tell(doc, 0, total)
        for s, e in cuts(doc.text, self.size):
            kept = _sizes(out)
            try:
                _append(out, s, next(iter(self.inner.extract([piece(doc, s, e)]))))
                kept, stop = _sizes(out), e
                self._tell(doc, e, total)
            except ExtractionTimeout as err:
                if not stop:
                    raise
                _undo(out, kept)        # a piece the timer cut short is not kept
                out.timed_out = True
                out.problems.append(f"{err} at character {stop:,} of {total:,}: "
                                    "what was read before is kept, the rest is stored, not read")
                return out, err
        return out, None

    def _tell(self, doc: CleanDocument, done: int, total: int) -> None:
        if self.on_piece is not None:
            self.on_piece(doc.doc.source, done, total)


def _unless_more(out: Extraction, late: ExtractionTimeout | None, more: bool) -> Extraction:
    """`out`, unless it ran out of time (`late`) with `more` documents after it: then the
    timeout, raised again (see `Chunked.extract`)."""
    if late is not None and more:
        raise late
    return out
