"""The typed records the web serves: the pages' contexts and the JSON API's bodies.

A page's template and its API endpoint get the same object, so what an analyst
sees in the browser is exactly what a script gets from the API.
"""
from __future__ import annotations

from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a longer list."""

    items: list[T]
    total: int = Field(description="How many items match, over all pages.")
    limit: int
    offset: int

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.offset + self.limit < self.total else None

    @property
    def prev_offset(self) -> int | None:
        return max(0, self.offset - self.limit) if self.offset > 0 else None


class EntityRef(BaseModel):
    id: str
    name: str
    type: str
    kind: str | None = None


class EntitySummary(EntityRef):
    aliases: list[str] = Field(description="Every other name it was seen under.")
    mentions: int


class NameCount(BaseModel):
    name: str
    count: int


class DocumentRef(BaseModel):
    id: str
    source: str
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    extraction_error: str | None = None   # "extraction failed: ...": what it lacks, and why
    language: str | None = None           # ISO 639-1: from its metadata or detected at ingest


class Claim(BaseModel):
    """One statement in one sentence of one document: a fact's evidence."""

    id: str
    kind: str
    doc: DocumentRef
    start: int
    end: int
    sentence: str
    modality: str
    speaker: EntityRef | None = Field(None, description="Who the text credits with it.")
    anonymous: bool = False
    cue: str | None = None
    link: str = Field(description="The sentence in its document page.")
    facts: list[str] = []


class Grade(BaseModel):
    """The fact's NATO/Admiralty grade (see docs/grading.md)."""

    grade: str
    meaning: str
    sources: list[str] = Field(description="Independent sources.")
    interested: bool


class Fact(BaseModel):
    """A relation, event, figure or founding date, with its corroboration and evidence."""

    id: str
    kind: Literal["relation", "event", "quantity", "founding"]
    text: str = Field(description="The fact in one line.")
    predicate: str | None = None
    subject: EntityRef | None = None
    object: EntityRef | None = None
    support: list[str] = []
    type: str | None = None
    mode: str | None = None
    date: str | None = None
    actors: list[EntityRef] = []
    targets: list[EntityRef] = []
    location: EntityRef | None = None
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    documents: int = Field(description="Distinct documents that support it.")
    publishers: int = Field(description="Distinct publishers that support it.")
    grade: Grade
    contradicted: bool = False
    claims: list[Claim]
    claims_total: int = Field(0, description=(
        "How many claims support it; a summary lists only the first few in `claims`."))


class RelationGroup(BaseModel):
    predicate: str
    direction: Literal["out", "in"]
    label: str
    facts: list[Fact] = Field(description="The best corroborated of them (see `total`).")
    total: int = Field(0, description="How many relations of this predicate it has.")
    more: str | None = Field(None, description="The page listing all of them.")


class Section(BaseModel):
    """How many facts of one kind an entity has, and where all of them are listed."""

    total: int
    shown: int
    more: str | None = None


class Contradiction(BaseModel):
    id: str
    kind: str
    summary: str
    about: EntityRef | None = None
    facts: list[str]
    claims: list[Claim]


class EntityPage(BaseModel):
    entity: EntityRef
    names: list[NameCount]
    mentions: int
    documents: int
    reasons: list[str] = Field(description="Why its names were merged.")
    relations: list[RelationGroup]
    events: list[Fact]
    quantities: list[Fact]
    foundings: list[Fact] = Field(default=[], description="Founding dates the sources give.")
    contradictions: list[Contradiction]
    sources: list[DocumentRef] = Field(description="The latest documents that name it.")
    sections: dict[str, Section] = Field(default={}, description=(
        "Per kind (relation, event, quantity, founding, contradiction): how many there are "
        "and how many this summary shows, the best corroborated first; `more` lists all."))


class GraphNode(BaseModel):
    id: str
    name: str
    type: str
    kind: str | None = None
    depth: int


class GraphEdge(BaseModel):
    id: str
    source: str
    target: str
    kind: Literal["relation", "event"]
    label: str
    dates: list[str] = []


class Graph(BaseModel):
    center: EntityRef
    depth: int
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool = Field(description="True when the node limit cut the graph short.")


class Sentence(BaseModel):
    idx: int
    start: int
    end: int
    kind: str
    anchor: str
    claims: int


class Mention(BaseModel):
    start: int
    end: int
    text: str
    entity: EntityRef | None


class DocumentPage(BaseModel):
    document: DocumentRef
    language: str | None = None
    encoding: str | None = Field(None, description="The encoding its bytes were decoded "
                                 "from, when not UTF-8 (None for UTF-8, PDFs and documents "
                                 "stored before it was recorded).")
    media_type: str
    version: int
    current: bool
    sha256: str
    text: str
    sentences: list[Sentence]
    mentions: list[Mention]
    claims: list[Claim]


class SnippetPart(BaseModel):
    text: str
    match: bool


class DocumentHit(BaseModel):
    doc: DocumentRef
    snippet: list[SnippetPart]


class SearchResults(BaseModel):
    q: str
    entities: Page[EntitySummary]
    documents: Page[DocumentHit]


class Judgement(BaseModel):
    """An analyst's judgement on two entities (recorded in the append-only log)."""

    action: Literal["same", "different"]
    a: str = Field(min_length=1, max_length=300, description="An entity id or name.")
    b: str = Field(min_length=1, max_length=300, description="An entity id or name.")
    reason: str | None = Field(None, max_length=2000)


class JudgementResult(BaseModel):
    id: int
    action: str
    a: EntityRef
    b: EntityRef
    entities: int = Field(description="Entities in the store after re-resolution.")


class EventType(BaseModel):
    type: str
    count: int


class TimelinePage(BaseModel):
    actor: EntityRef | None
    type: str | None
    start: str | None
    end: str | None
    types: list[EventType] = Field(description="Event types among the filtered events.")
    events: Page[Fact]


class ProfileLine(BaseModel):
    text: str
    fact: str | None = None
    grade: str | None = None
    notes: list[int] = Field(description="Numbers of the claims (notes) it rests on.")


class ProfileSection(BaseModel):
    title: str
    lines: list[ProfileLine]


class ProfilePage(BaseModel):
    entity: EntityRef
    summary: str
    sections: list[ProfileSection]
    notes: list[Claim] = Field(description="The claims, numbered from 1 in order.")
    sources: list[DocumentRef]


class HomePage(BaseModel):
    stats: dict[str, int]
    top: dict[str, list[EntitySummary]]
    recent: list[DocumentRef]
    contradictions: int


class EntityList(BaseModel):
    type: str | None
    q: str | None
    entities: Page[EntitySummary]
