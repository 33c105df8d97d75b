"""A sourced dossier on one entity, in the shape analysts use for armed groups: the
one dossier that `actorgraph profile` writes (Markdown, or a printable page) and the
web shows (/entities/{id}/profile, and as JSON under /api).

Every line is built from facts and carries the numbers of the claims it rests on;
each numbered note quotes its claim's sentence verbatim, with its document,
publisher, date, modality and speaker. The generated text says only what the claims
say (a relation, an event, a figure, a founding date), never more. Relations are
listed best corroborated first (most documents), events by date.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from actorgraph import ontology
from actorgraph.facts.evidence import Evidence, Who
from actorgraph.facts.grading import source_name
from actorgraph.store.facts import ClaimRow, FactRow
from actorgraph.store.reader import Reader
from actorgraph.store.store import EntityRecord

# Which of the entity's relations each relation section lists: predicate -> the end
# the entity must be at (SUBJECT, OBJECT, or EITHER). Sections come in this order.
SUBJECT, OBJECT, EITHER = "subject", "object", "either"
RELATION_SECTIONS: tuple[tuple[str, dict[str, str]], ...] = (
    ("Leadership", {"founder_of": EITHER, "leader_of": EITHER, "member_of": OBJECT}),
    ("Sponsors, allies and affiliations",
     {"sponsored_by": EITHER, "member_of": SUBJECT, "operates_channel": SUBJECT,
      **{p: EITHER for p in sorted(ontology.symmetric_predicates())}}),
    ("Where it is based and active", {"based_in": EITHER, "operates_in": EITHER}),
    ("Rivals and targets", {"opposes": EITHER}),
)
SAMPLE = 50   # claims of one fact read to grade it, when the dossier shows the best only


@dataclass(frozen=True)
class Source:
    """A document the dossier cites."""

    id: str
    source: str
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Note:
    """One claim a line rests on, numbered from 1 in order of first use."""

    n: int
    claim: str
    kind: str
    doc: Source
    start: int
    end: int
    sentence: str              # verbatim, but for runs of white space
    modality: str
    speaker: Who | None        # whom the text credits with it
    anonymous: bool = False    # ... an anonymous source
    cue: str | None = None


@dataclass(frozen=True)
class Line:
    text: str
    notes: list[int]
    fact: str | None = None
    grade: str | None = None   # NATO/Admiralty: source reliability and credibility


@dataclass(frozen=True)
class Section:
    title: str
    lines: list[Line]


@dataclass(frozen=True)
class Dossier:
    entity: Who
    summary: str
    sections: list[Section]    # only those with lines
    notes: list[Note]
    sources: list[Source]      # the notes' documents, oldest first


class _Notes:
    """Numbers claims in order of first use."""

    def __init__(self, ev: Evidence) -> None:
        self.ev = ev
        self.by_claim: dict[str, int] = {}
        self.notes: list[Note] = []

    def __call__(self, claim_ids: Iterable[str]) -> list[int]:
        out = []
        for cid in claim_ids:
            if cid not in self.by_claim:
                c = self.ev.claims.get(cid)
                if c is None:
                    continue
                self.notes.append(self._note(len(self.notes) + 1, c))
                self.by_claim[cid] = len(self.notes)
            out.append(self.by_claim[cid])
        return out

    def _note(self, n: int, c: ClaimRow) -> Note:
        d = self.ev.doc(c)
        doc = Source(id=d["id"], source=d["source"], title=d.get("title"),
                     publisher=d.get("publisher"), author=d.get("author"),
                     published=d.get("published"), url=d.get("url"),
                     language=d.get("language"))
        speaker = c.attributed_to
        return Note(n=n, claim=c.id, kind=c.kind, doc=doc, start=c.start, end=c.end,
                    sentence=self.ev.sentence(c.id), modality=c.modality,
                    speaker=self.ev.who(speaker) if speaker != "anonymous" else None,
                    anonymous=speaker == "anonymous", cue=c.cue)


class _Lines:
    """The entity's facts as dossier lines: worded, graded, footnoted."""

    def __init__(self, ev: Evidence, notes: _Notes, per_line: int | None = None,
                 per_section: int | None = None) -> None:
        self.ev, self.notes = ev, notes
        self.per_line, self.per_section = per_line, per_section
        self.texts: dict[str, str] = {}
        self.grades: dict[str, str] = {}
        self.documents: dict[str, int] = {}

    def add(self, facts: list[FactRow]) -> None:
        for f in facts:
            a = self.ev.assess(f)
            self.texts[f.id] = self.ev.text(f)
            self.grades[f.id] = a.grade if a else "F6"
            self.documents[f.id] = len({c.doc_id for c in self.ev.ordered(f.claims)})

    def __call__(self, facts: Iterable[FactRow], prefix: str = "") -> list[Line]:
        return [Line(text=prefix + self.texts[f.id], fact=f.id, grade=self.grades[f.id],
                     notes=self.notes([c.id for c in self.ev.ordered(f.claims)]
                                      [:self.per_line]))
                for f in list(facts)[:self.per_section]]

    def relations(self, facts: list[FactRow], eid: str, ends: dict[str, str]) -> list[Line]:
        """The relations whose predicate is in `ends` with the entity at that end."""
        def wanted(f: FactRow) -> bool:
            end = ends.get(f.data["predicate"])
            out = f.data["subject"] == eid
            return end == EITHER or (end == SUBJECT and out) or (end == OBJECT and not out)
        chosen = [f for f in facts if f.kind == "relation" and wanted(f)]
        return self(sorted(chosen, key=lambda f: (-self.documents[f.id], self.texts[f.id])))


def _best(reader: Reader, eid: str, per_section: int) -> tuple[list[FactRow], int]:
    """The best corroborated `per_section` facts of each kind and relation predicate and
    direction (all a section of that size can show), each with a sample of its claims;
    and how many facts the entity has in all."""
    chosen = [b.id for b in reader.top_facts(eid, per_section)]
    return reader.facts(chosen, max_claims=SAMPLE), sum(reader.fact_counts(eid).values())


def build(reader: Reader, entity: EntityRecord, per_section: int | None = None,
          per_line: int | None = None) -> Dossier:
    """Gather the entity's facts and contradictions into the dossier's sections; all of
    them, or (the web's) the best corroborated `per_section` of each section, each line
    with its first `per_line` notes, its grade from a sample of SAMPLE of its claims."""
    eid = entity.id
    if per_section is None:
        facts = reader.facts(reader.fact_ids_of(eid))
        total = len(facts)
    else:
        facts, total = _best(reader, eid, per_section)
    found = reader.contradictions_about(eid, per_section)[1]
    ev = Evidence(reader, facts, claim_ids={c for x in found for c in x["claims"]})
    notes = _Notes(ev)
    lines = _Lines(ev, notes, per_line, per_section)
    lines.add(facts)
    names = [Line(text=f"{n} ({c} mention{'s' if c != 1 else ''})", notes=[])
             for n, c in sorted(entity.names, key=lambda x: (-x[1], x[0]))]
    sections = [Section("Names and aliases", names),
                Section("Founded", lines(sorted((f for f in facts if f.kind == "founding"),
                                                key=lambda f: f.data["date"])))]
    sections += [Section(title, lines.relations(facts, eid, ends))
                 for title, ends in RELATION_SECTIONS]
    events = sorted((f for f in facts if f.kind == "event"),   # the best, if not all
                    key=lambda f: (-lines.documents[f.id], f.id))[:per_section]
    events.sort(key=lambda f: (f.data.get("date") or "9999", f.id))
    sections += [Section("Size estimates and other figures",
                         lines(f for f in facts if f.kind == "quantity")),
                 Section("Activities", lines(events))]
    open_questions = [Line(text=c["summary"], notes=notes(c["claims"][:per_line]))
                      for c in found]
    open_questions += lines((f for f in facts if lines.grades[f.id][1:] == "3"),
                            prefix="Only claimed or hedged so far: ")
    sections.append(Section("Contradictions and open questions", open_questions))
    sources = sorted({n.doc.id: n.doc for n in notes.notes}.values(),
                     key=lambda d: (d.published or "", d.id))
    publishers = {source_name(vars(d)) for d in sources}   # (asdict deep-copies)
    kind = f" ({entity.kind.replace('_', ' ')})" if entity.kind else ""
    summary = (f"{entity.name}: {entity.type}{kind}, named in "
               f"{reader.documents_of_entity(eid, 0)[0]} stored documents; {total} facts"
               + (f" from {len(sources)} documents by {len(publishers)} publishers."
                  if total == len(facts) else
                  f"; the best corroborated {per_section} of each kind here, from "
                  f"{len(sources)} documents by {len(publishers)} publishers."))
    return Dossier(entity=Who(id=eid, name=entity.name, type=entity.type, kind=entity.kind),
                   summary=summary, sections=[s for s in sections if s.lines],
                   notes=notes.notes, sources=sources)
