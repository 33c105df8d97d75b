"""A sourced dossier on one entity, in the shape analysts use for armed groups.

Every line is built from facts and footnoted to the claims it rests on; the
generated text says only what the claims say (a relation, an event, a figure,
a quoted sentence), never more.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from actorgraph import ontology
from actorgraph.facts.grading import Grader
from actorgraph.store.facts import FactRow, read_contradictions, read_facts
from actorgraph.store.store import EntityRecord, Store

AIM_WORDS = ("ideology", "aim", "aims", "goal", "goals", "purpose", "objective", "seeks",
             "seek", "vision", "doctrine", "believes", "advocates", "calls for")



@dataclass
class Footnote:
    n: int
    claim: str
    sentence: str
    source: str
    published: str | None
    speaker: str | None
    modality: str


@dataclass
class Line:
    text: str
    notes: list[int] = field(default_factory=list)
    grade: str = ""


@dataclass
class Section:
    title: str
    lines: list[Line] = field(default_factory=list)


@dataclass
class Dossier:
    entity: EntityRecord
    summary: str
    sections: list[Section]
    footnotes: list[Footnote]
    sources: list[dict]


class _Builder:
    def __init__(self, store: Store, entity: EntityRecord) -> None:
        self.store, self.entity = store, entity
        self.grader = Grader(store)
        self.names = {e.id: e.name for e in store.entities()}
        self.footnotes: list[Footnote] = []
        self.by_sentence: dict[tuple[str, int], int] = {}

    def name(self, eid: str | None) -> str:
        return self.names.get(eid or "", "?")

    def note(self, claim_id: str) -> int:
        """The footnote of the claim's sentence: one note per sentence, however many
        facts it supports."""
        c = self.grader.claims[claim_id]
        if (c.doc_id, c.start) in self.by_sentence:
            return self.by_sentence[(c.doc_id, c.start)]
        doc = self.grader.docs.get(c.doc_id, {})
        sentence = " ".join(self.grader.texts.get(c.doc_id, "")[c.start:c.end].split())
        speaker = {None: None, "anonymous": "an anonymous source"}.get(
            c.attributed_to, self.name(c.attributed_to))
        fn = Footnote(len(self.footnotes) + 1, claim_id, sentence,
                      doc.get("publisher") or doc.get("title") or doc.get("source", "?"),
                      doc.get("published"), speaker, c.modality)
        self.footnotes.append(fn)
        self.by_sentence[(c.doc_id, c.start)] = fn.n
        return fn.n

    def line(self, text: str, fact: FactRow) -> Line:
        a = self.grader(fact)
        notes = [self.note(c) for c in fact.claims if c in self.grader.claims]
        return Line(text, sorted(set(notes)), a.grade)


def _relation_text(b: _Builder, f: FactRow) -> str:
    d = f.data
    support = f" ({', '.join(d['support'])})" if d.get("support") else ""
    return f"{b.name(d['subject'])} — {ontology.label(d['predicate'])} — {b.name(d['object'])}{support}"


def _event_text(b: _Builder, f: FactRow) -> str:
    d = f.data
    who = ", ".join(b.name(x) for x in d["actors"]) or "unnamed actors"
    whom = ", ".join(b.name(x) for x in d["targets"])
    where = f" in {b.name(d['location'])}" if d.get("location") else ""
    mode = f" ({d['mode']})" if d.get("mode") else ""
    toward = "for" if ontology.is_cooperative(d["type"]) else "against"
    return (f"{d.get('date') or 'undated'}: {d['type'].lower()}{mode} by {who}"
            + (f" {toward} {whom}" if whom else "") + where)


def build(store: Store, entity: EntityRecord) -> Dossier:
    """Gather the entity's facts into the dossier's sections."""
    b = _Builder(store, entity)
    eid = entity.id
    facts = read_facts(store, entity_id=eid)
    rels = [f for f in facts if f.kind == "relation"]

    def rel(pred: str, side: str) -> list[FactRow]:
        return [f for f in rels if f.data["predicate"] == pred and f.data[side] == eid]

    sections = []
    names = Section("Names and aliases", [Line(f"{n} ({c} mentions)") for n, c in
                                          sorted(entity.names, key=lambda x: (-x[1], x[0]))])
    sections.append(names)
    founded = sorted((f for f in facts if f.kind == "founding"), key=lambda f: f.data["date"])
    sections.append(Section("Founded", [b.line(f"founded {f.data['date']}", f)
                                        for f in founded]))
    lead = Section("Leadership")
    for pred in ("founder_of", "leader_of"):
        lead.lines += [b.line(_relation_text(b, f), f) for f in rel(pred, "object")]
        lead.lines += [b.line(_relation_text(b, f), f) for f in rel(pred, "subject")]
    lead.lines += [b.line(_relation_text(b, f), f) for f in rel("member_of", "object")]
    sections.append(lead)
    aims = Section("Ideology and aims, as stated in the sources")
    aims.lines += [b.line(_relation_text(b, f), f) for f in rel("opposes", "subject")]
    sections.append(aims)
    size = Section("Size estimates and other figures")
    for f in (f for f in facts if f.kind == "quantity"):
        d = f.data
        qual = f"{d['qualifier']} " if d.get("qualifier") else ""
        size.lines.append(b.line(f"{qual}{d['value']:,.0f} {d['unit']}", f))
    sections.append(size)
    allies = Section("Sponsors, allies and affiliations")
    for pred in ("sponsored_by", "allied_with", "member_of", "based_in", "operates_in",
                 "associate_of", "operates_channel"):
        allies.lines += [b.line(_relation_text(b, f), f) for f in rels
                         if f.data["predicate"] == pred
                         and (f.data["subject"] == eid or pred in ("allied_with", "associate_of",
                                                                   "sponsored_by"))]
    sections.append(allies)
    rivals = Section("Rivals and targets")
    rivals.lines += [b.line(_relation_text(b, f), f) for f in rel("opposes", "object")]
    sections.append(rivals)
    events = sorted((f for f in facts if f.kind == "event"),
                    key=lambda f: (f.data.get("date") or "9999", f.id))
    sections.append(Section("Activities and attacks", [b.line(_event_text(b, f), f)
                                                       for f in events]))
    open_q = Section("Contradictions and open questions")
    for c in read_contradictions(store, entity_id=eid):
        open_q.lines.append(Line(c["summary"], [b.note(x) for x in c["claims"]
                                                if x in b.grader.claims]))
    for f in facts:
        if f.kind in ("relation", "event") and b.grader(f).credibility == 3:
            open_q.lines.append(b.line("Only claimed or hedged so far: "
                                       + (_relation_text(b, f) if f.kind == "relation"
                                          else _event_text(b, f)), f))
    sections.append(open_q)
    docs = sorted({c for f in facts for c in f.claims if c in b.grader.claims})
    doc_ids = sorted({b.grader.claims[c].doc_id for c in docs})
    sources = [b.grader.docs[d] for d in doc_ids if d in b.grader.docs]
    publishers = Counter(d.get("publisher") or d.get("source") for d in sources)
    kind = f" ({entity.kind.replace('_', ' ')})" if entity.kind else ""
    summary = (f"{entity.name}: {entity.type}{kind}, named in {len(sources)} of the stored "
               f"documents, from {len(publishers)} publishers; {len(facts)} facts.")
    return Dossier(entity, summary, [s for s in sections if s.lines], b.footnotes, sources)
