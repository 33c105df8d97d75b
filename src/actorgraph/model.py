"""Typed records passed between pipeline stages.

Every stage reads and writes these plain dataclasses, never spaCy objects or
database rows, so that extraction of one document stays a pure function of its
text and metadata, and storage, extraction, CLI and web stay apart.

Offsets are character offsets into `Document.text`, the text the pipeline
analysed; for plain-text files that is the file's own text, unchanged.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Literal

EntityType = Literal["person", "organization", "country", "place", "channel"]
ENTITY_TYPES: tuple[str, ...] = ("person", "organization", "country", "place", "channel")
ORG_KINDS: tuple[str, ...] = (
    "armed_group", "coalition", "government", "political_party", "media",
    "religious", "academic", "company", "other",
)
SegmentKind = Literal["body", "furniture", "bio"]
# Traffic Light Protocol markings, least restricted first (TLP 2.0; WHITE is CLEAR's old name)
TLP_LEVELS: tuple[str, ...] = ("CLEAR", "GREEN", "AMBER", "RED")


def tlp_level(text: str) -> str:
    """A TLP marking as stored ("amber", "TLP:AMBER" -> "AMBER"); ValueError naming the
    levels for anything else."""
    level = text.strip().upper().removeprefix("TLP:")
    level = "CLEAR" if level == "WHITE" else level
    if level not in TLP_LEVELS:
        raise ValueError(f"not a TLP marking (one of {', '.join(TLP_LEVELS)}): {text!r}")
    return level
ODD_SPACES = frozenset("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                       "\u200a\u200b\u202f\u205f\u3000\ufeff\t")


LONG_RUN = 100          # characters without a space: longer is no word a reader can use
LONG_UNSPACED = 10_000  # ... except in scripts written without spaces, up to this
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN},}}")
_UNSPACED_SCRIPT = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff"
                              r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _blank(match: re.Match[str]) -> str:
    run = match.group()
    if len(run) <= LONG_UNSPACED and len(_UNSPACED_SCRIPT.findall(run)) * 2 >= len(run):
        return run      # Chinese, Japanese, Thai ... prose
    return " " * len(run)


def blank_long_runs(text: str) -> str:
    """`text` with every run of more than `LONG_RUN` characters without a space blanked
    (rules of '=', a page of '&amp;', a base64 blob), unless it is mostly a script
    written without spaces: a tokenizer's time grows with the square of such a run."""
    return _LONG_RUN.sub(_blank, text)


@dataclass(frozen=True)
class DocumentMeta:
    """What is known about a document besides its text."""

    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: str | None = None  # ISO prefix: 2023, 2023-12, 2023-12-15
    url: str | None = None
    language: str | None = None
    tlp: str | None = None        # a TLP marking (TLP_LEVELS); None: the publisher's, or CLEAR

    def merged(self, other: DocumentMeta) -> DocumentMeta:
        """Fill the fields this one lacks from `other` (self wins)."""
        return DocumentMeta(**{k: v if v not in (None, "") else getattr(other, k)
                               for k, v in asdict(self).items()})

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class LoadedDocument:
    """A file or web page read into text, before cleaning.

    `original` holds the bytes as read (the HTML of a web page, the PDF file),
    `text` the text the pipeline works on.
    """

    source: str          # the path or URL as given
    media_type: str      # text/plain, text/markdown, text/html, application/pdf
    original: bytes
    text: str
    meta: DocumentMeta
    sha256: str          # of `text` — the same content is stored once
    encoding: str | None = "utf-8"   # what the bytes were decoded from; None for a PDF
    warnings: tuple[str, ...] = ()   # what the reader had to guess or replace


@dataclass(frozen=True)
class Segment:
    """A span of the text with its role: reporting, page furniture, or an author bio."""

    start: int
    end: int
    kind: SegmentKind


@dataclass(frozen=True)
class CleanDocument:
    """A loaded document with its furniture and bio spans marked (text unchanged)."""

    doc: LoadedDocument
    segments: tuple[Segment, ...]

    @property
    def text(self) -> str:
        return self.doc.text

    def masked_text(self) -> str:
        """The text the parser reads: furniture blanked out, odd spaces (no-break,
        zero-width) made plain and runs too long to be words blanked (`blank_long_runs`),
        character for character, so offsets still hold."""
        chars = [" " if c in ODD_SPACES else c for c in self.doc.text]
        for seg in self.segments:
            if seg.kind == "furniture":
                for i in range(seg.start, seg.end):
                    if chars[i] not in "\n":
                        chars[i] = " "
        return blank_long_runs("".join(chars))

    def kind_at(self, offset: int) -> SegmentKind:
        """The kind of the (first) segment that holds `offset`, else "body". Segments in
        order and apart, as cleaning makes them, are found by bisection: a long text's
        every sentence and name asks, and a scan made that grow with the square of its
        lines of furniture."""
        starts = self._starts
        if starts is None:                   # out of order or overlapping: the first holds
            return next((s.kind for s in self.segments if s.start <= offset < s.end), "body")
        i = bisect_right(starts, offset) - 1  # the last that starts at or before offset
        return self.segments[i].kind if i >= 0 and offset < self.segments[i].end else "body"

    @cached_property
    def _starts(self) -> list[int] | None:
        """The segments' starts, if each segment ends before the next starts; else None."""
        segments = self.segments
        if any(b.start < a.end for a, b in zip(segments, segments[1:])):
            return None
        return [s.start for s in segments]


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    kind: SegmentKind = "body"


@dataclass
class Mention:
    """One naming of an entity in one document.

    `key` groups the mentions of one document that name the same actor
    ("Tawhid Ibrahim Begli", "Begli"); `name` is that group's fullest form.
    `role` is "name" when the text names the entity, "metonym" when a capital
    stands for its state ("Baku requested ..."): a metonym links the mention
    to the country but is not one of the country's names.
    """

    start: int
    end: int
    text: str
    type: str
    sentence: int
    label: str = ""            # spaCy's label, or "gazetteer" / "pattern"
    kind: str | None = None    # organization kind
    key: str = ""
    name: str = ""
    role: str = "name"
    refers_to: str | None = None   # for metonyms: the country's name
    evidence: tuple[str, ...] = ()  # why this type: rule names
    section: SegmentKind = "body"
    votes: dict[str, float] = field(default_factory=dict)  # type -> weight, summed later
    titles: tuple[str, ...] = ()


@dataclass
class Extraction:
    """Everything extracted from one document; the input of the store stage."""

    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[RelationFact] = field(default_factory=list)
    events: list[EventFact] = field(default_factory=list)
    quantities: list[QuantityFact] = field(default_factory=list)
    foundings: list[FoundingFact] = field(default_factory=list)
    disputes: list[DisputeFact] = field(default_factory=list)
    conditions: list[ConditionFact] = field(default_factory=list)
    extractor: str | None = None            # the registry name of what extracted it
    extractor_version: str | None = None
    problems: list[str] = field(default_factory=list)   # what went wrong, stage by stage
    failed: bool = False    # the extractor could not read the document at all
    timed_out: bool = False     # ... because it ran past its time budget

    @property
    def error(self) -> str | None:
        """The mark a document gets when its extraction is missing or incomplete
        ("extraction failed: REASON", "extraction timed out: after N s",
        "extraction partial: REASON; ..."), else None."""
        if not self.problems and not self.failed:
            return None
        how = "timed out" if self.timed_out else "failed" if self.failed else "partial"
        return f"extraction {how}: " + "; ".join(self.problems)


# -- facts (relations, events, quantities), each from one claim -------------
# Entities are referred to by their document-level mention `key` (Mention.key);
# the resolve stage maps keys to entity ids. Offsets are into Document.text.

Modality = Literal["asserted", "reported", "alleged", "claimed", "denied", "hedged"]


@dataclass
class Attribution:
    """Who says it and how: the speaker's mention key, "anonymous", or None (the author)."""

    attributed_to: str | None = None
    modality: str = "asserted"
    cue: str | None = None          # the words that showed it ("according to", "claimed")


@dataclass
class DateValue:
    """A resolved date: an ISO prefix with its precision, or None when unresolvable."""

    value: str | None               # "2018", "2023-07", "2023-11-30"
    precision: str | None = None    # "year", "month", "day"
    text: str = ""                  # the expression as written ("A year later")
    start: int = -1
    end: int = -1


@dataclass
class RelationFact:
    subject: str                    # mention key
    predicate: str                  # ontology predicate
    object: str                     # mention key
    sentence: int
    rule: str                       # the pattern that found it
    support: tuple[str, ...] = ()   # for sponsored_by: funds, arms, trains, directs, endorses
    attribution: Attribution = field(default_factory=Attribution)
    date: DateValue | None = None


@dataclass
class EventFact:
    type: str                       # PLOVER type
    sentence: int
    trigger: str                    # the trigger word(s) as written
    trigger_start: int
    trigger_end: int
    rule: str
    mode: str | None = None
    actors: tuple[str, ...] = ()    # mention keys
    targets: tuple[str, ...] = ()
    location: str | None = None
    date: DateValue | None = None
    attribution: Attribution = field(default_factory=Attribution)
    origin: str | None = None       # imported claims: the report that first told it


@dataclass
class QuantityFact:
    value: float
    unit: str                       # what is counted: supporters, channels, fighters, people ...
    sentence: int
    start: int                      # the number expression's offsets
    end: int
    text: str                       # the expression as written ("over 100 channels")
    qualifier: str | None = None    # over, about, at least, estimated, approximately ...
    subject: str | None = None      # mention key of what the figure is about
    attribution: Attribution = field(default_factory=Attribution)
    measure: str | None = None      # what it measures, in English: dead | wounded (every
    # reader); arrested, missiles, rockets, drones, fighters, members (ru, az, fa, ar)


@dataclass
class FoundingFact:
    """When an organisation was founded, as one sentence dates it."""

    subject: str                    # mention key of the organisation
    sentence: int
    date: DateValue
    rule: str
    trigger: str = ""               # the word that tells the founding ("founded", "date")
    trigger_start: int = -1
    trigger_end: int = -1
    attribution: Attribution = field(default_factory=Attribution)


@dataclass
class DisputeFact:
    """Two statements of one document that its own words set against each other: an
    account and the one that disputes it ("... gave a different account: ...")."""

    sentence: int                   # the disputing statement (where the cue is)
    disputed: int                   # the sentence of the account it disputes
    cue: str                        # the words that set them against each other
    rule: str
    also: tuple[int, ...] = ()      # sentences the disputing account goes on in
    attribution: Attribution = field(default_factory=Attribution)
    disputed_attribution: Attribution = field(default_factory=Attribution)


@dataclass
class ConditionFact:
    """How badly a person was hurt, as one sentence says it."""

    subject: str                    # mention key of the person
    condition: str                  # light | grave
    sentence: int
    cue: str = ""                   # the word that grades the hurt ("superficial", "lost")
    attribution: Attribution = field(default_factory=Attribution)
