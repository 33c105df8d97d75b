"""The evidence of a set of facts, loaded in bulk: their claims, the claims' sentences
and documents, the entities they name, and what grading reads. Each fact in one line
of prose, its claims in reading order, its grade.

The web's pages (web/present.py) and the dossier (profile/dossier.py) word, order
and grade facts through this one class, so they say the same thing the same way.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from actorgraph import ontology
from actorgraph.facts.grading import INSIDER, Assessment, assess
from actorgraph.store.facts import ClaimRow, FactRow
from actorgraph.store.reader import Reader
from actorgraph.store.stream import Reading


@dataclass(frozen=True)
class Who:
    """An entity as the evidence names it (an unknown id stands for itself)."""

    id: str
    name: str
    type: str
    kind: str | None = None


def format_value(v) -> str:
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return f"{v:,}" if isinstance(v, int) else f"{v:,.2f}".rstrip("0").rstrip(".")


def sparse_texts(claims: dict[str, ClaimRow], sentences: dict[str, str]) -> dict[str, str]:
    """doc id -> a string in which only the claims' sentences are written, at their own
    offsets: all that grading reads of the texts (it cuts claim sentences out of them),
    without loading whole documents."""
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for c in claims.values():
        spans[c.doc_id].append((c.start, c.end, sentences.get(c.id, "")))
    out = {}
    for doc_id, items in spans.items():
        pieces, pos = [], 0
        # claims of one sentence share its span: the last written of each span stands
        for (start, end), text in sorted({(s, e): x for s, e, x in items}.items()):
            if start < pos:   # spans that overlap (none but a sentence's own): char by char
                out[doc_id] = _overlapping(items)
                break
            pieces += [" " * (start - pos), text[:end - start].ljust(end - start)]
            pos = end
        else:
            out[doc_id] = "".join(pieces)
    return out


def _overlapping(items: list[tuple[int, int, str]]) -> str:
    buf = [" "] * max(end for _, end, _ in items)
    for start, end, text in items:
        buf[start:end] = list(text[:end - start].ljust(end - start))
    return "".join(buf)


class Evidence:
    """Everything a set of facts and claims needs to be worded, ordered and graded,
    read from the store in a few queries; nothing is read afterwards."""

    def __init__(self, reader: Reader, facts: Iterable[FactRow] = (),
                 claim_ids: Iterable[str] = (), entity_ids: Iterable[str] = (),
                 grade: bool = True) -> None:
        self.reader = reader
        facts = list(facts)
        ids = {c for f in facts for c in f.claims} | set(claim_ids)
        self.claims = reader.claims(ids)
        self.sentences = reader.sentences_of_claims(ids)
        self.docs = reader.documents({c.doc_id for c in self.claims.values()})
        wanted = {e for f in facts for e, _ in f.entities} | set(entity_ids)
        wanted |= {a for c in self.claims.values() if (a := c.attributed_to)
                   and a != "anonymous"}
        for f in facts:   # a quantity's subject may be unresolved; events list their own
            for key in ("subject", "object", "location"):
                if f.data.get(key):
                    wanted.add(f.data[key])
            wanted |= set(f.data.get("actors") or ()) | set(f.data.get("targets") or ())
        self.entities = reader.entity_rows(e for e in wanted if e)
        self.grade = grade
        if grade and facts:
            subjects = {f.data.get("subject") or next(iter(f.data.get("actors") or []), None)
                        for f in facts}
            speakers = {a for c in self.claims.values() if (a := c.attributed_to)
                        and a != "anonymous"}   # whose being an insider grading asks
            self.relations = reader.relations_to((s for s in subjects if s), INSIDER,
                                                 speakers)
            self.texts = sparse_texts(self.claims, self.sentences)
            self.contradicted = reader.contradicted_among(f.id for f in facts)
            self.grades = reader.grades()

    # -- entities --------------------------------------------------------------
    def who(self, eid: str | None) -> Who | None:
        if not eid:
            return None
        r = self.entities.get(eid)
        if r is None:
            return Who(id=eid, name=eid, type="unknown")
        return Who(id=r.id, name=r.name, type=r.type, kind=r.kind)

    def name(self, eid: str | None) -> str:
        who = self.who(eid)
        return who.name if who else "?"

    # -- claims ------------------------------------------------------------------
    def doc(self, claim: ClaimRow) -> dict:
        """The claim's document (its id and source alone if it is not stored)."""
        return self.docs.get(claim.doc_id) or {"id": claim.doc_id, "source": claim.doc_id}

    def sentence(self, cid: str) -> str:
        """The claim's sentence, verbatim but for runs of white space."""
        return " ".join(self.sentences.get(cid, "").split())

    def ordered(self, ids: Iterable[str]) -> list[ClaimRow]:
        """The known claims among `ids`, in reading order: by date, document, place."""
        out = [c for cid in ids if (c := self.claims.get(cid)) is not None]
        return sorted(out, key=lambda c: (self.doc(c).get("published") or "", c.doc_id,
                                          c.start))

    # -- facts -------------------------------------------------------------------
    def text(self, f: FactRow) -> str:
        """The fact in one line of prose, with names for ids."""
        d = f.data
        if f.kind == "relation":
            support = f" ({', '.join(d['support'])})" if d.get("support") else ""
            return (f"{self.name(d['subject'])} {ontology.label(d['predicate'])} "
                    f"{self.name(d['object'])}{support}")
        if f.kind == "event":
            who = ", ".join(self.name(a) for a in d.get("actors") or ()) or "unnamed actors"
            whom = ", ".join(self.name(x) for x in d.get("targets") or ())
            where = f" in {self.name(d['location'])}" if d.get("location") else ""
            mode = f" ({d['mode']})" if d.get("mode") else ""
            return (f"{d.get('date') or 'undated'}: {d['type']}{mode} by {who}"
                    + (f" against {whom}" if whom else "") + where)
        if f.kind == "founding":
            return f"{self.name(d['subject'])} founded {d['date']}"
        qual = f"{d['qualifier']} " if d.get("qualifier") else ""
        subject = self.name(d.get("subject")) if d.get("subject") else "unattributed"
        return f"{subject}: {qual}{format_value(d['value'])} {d['unit']}"

    def assess(self, f: FactRow) -> Assessment | None:
        """The fact's grade, or None when this evidence was loaded without grading."""
        if not self.grade:
            return None
        return assess(f, self.claims, self.docs, self.texts, self.relations,
                      self.contradicted, self.grades)


def graded(read: Reading, facts: list[FactRow], claims: dict[str, ClaimRow] | None = None,
           docs: dict[str, dict] | None = None, sentences: dict[str, str] | None = None
           ) -> dict[str, Assessment]:
    """fact id -> its grade, as `grading.Grader` grades it on the whole store (on what
    `read.scope` shows), for a batch of facts: only the rows they rest on are read (their
    claims, the claims' sentences and documents, unless given: `read.claims_of`,
    `documents_of`, `sentences_of` of them; the relations of insiders to their subjects,
    the contradictions naming them)."""
    if claims is None:
        claims = read.claims_of(c for f in facts for c in f.claims)
    if docs is None:
        docs = read.documents_of({c.doc_id for c in claims.values()})
    if sentences is None:
        sentences = read.sentences_of(claims.values())
    texts = sparse_texts(claims, sentences)
    subjects = {f.id: f.data.get("subject") or next(iter(f.data.get("actors") or ()), None)
                for f in facts}
    inside: dict[str, list[FactRow]] = defaultdict(list)   # object -> its insiders' relations
    for r in read.relations_to({s for s in subjects.values() if s}, INSIDER):
        inside[r.data["object"]].append(r)
    contradicted = read.contradicted_among(f.id for f in facts)
    grades = read.source_grades()
    # a fact's insiders are read from the relations to its subject alone (`insiders`)
    return {f.id: assess(f, claims, docs, texts, inside.get(subjects[f.id] or "", []),
                         contradicted, grades) for f in facts}
