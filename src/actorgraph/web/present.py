"""Facts, claims and contradictions as the web shows them: names instead of ids, each
fact with its corroboration (distinct documents and publishers), its grade and its
evidence sentences, each sentence with a link to it in its document.

A `Presenter` loads in a few queries everything a set of facts needs, then builds
the records of `models` without further database round trips.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from actorgraph import ontology
from actorgraph.facts.grading import INSIDER, assess
from actorgraph.store.facts import ClaimRow, FactRow
from actorgraph.store.reader import Reader
from actorgraph.web import models as m

PREDICATES = {   # predicate -> (label when the entity is the subject, when it is the object)
    p.name: (p.as_subject, p.as_object) for p in ontology.predicates()}
SYMMETRIC = ontology.symmetric_predicates()


def predicate_label(predicate: str, direction: str = "out") -> str:
    labels = PREDICATES.get(predicate)
    if labels is None:
        words = predicate.replace("_", " ")
        return words.capitalize() if direction == "out" else f"{words.capitalize()} (by)"
    return labels[0] if direction == "out" else labels[1]


def doc_link(doc_id: str, start: int, end: int) -> str:
    return f"/documents/{doc_id}#s-{start}-{end}"


def doc_ref(d: dict) -> m.DocumentRef:
    return m.DocumentRef(id=d["id"], source=d["source"], title=d.get("title"),
                         publisher=d.get("publisher"), author=d.get("author"),
                         published=d.get("published"), url=d.get("url"))


def source_name(d: dict) -> str:
    return d.get("publisher") or d.get("author") or d.get("source") or d["id"]


def sparse_texts(claims: dict[str, ClaimRow], sentences: dict[str, str]) -> dict[str, str]:
    """doc id -> a string in which only the claims' sentences are written, at their own
    offsets: all that grading reads of the texts (it cuts claim sentences out of them),
    without loading whole documents."""
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for c in claims.values():
        spans[c.doc_id].append((c.start, c.end, sentences.get(c.id, "")))
    out = {}
    for doc_id, items in spans.items():
        buf = [" "] * max(end for _, end, _ in items)
        for start, end, text in items:
            buf[start:end] = list(text[:end - start].ljust(end - start))
        out[doc_id] = "".join(buf)
    return out


class Presenter:
    """Builds the web records for a set of facts and claims, loaded in bulk."""

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
            self.relations = reader.relations_to((s for s in subjects if s), INSIDER)
            self.texts = sparse_texts(self.claims, self.sentences)
            self.contradicted = reader.contradicted()
            self.grades = reader.grades()

    # -- entities --------------------------------------------------------------
    def ref(self, eid: str | None) -> m.EntityRef | None:
        if not eid:
            return None
        r = self.entities.get(eid)
        if r is None:
            return m.EntityRef(id=eid, name=eid, type="unknown")
        return m.EntityRef(id=r.id, name=r.name, type=r.type, kind=r.kind)

    def name(self, eid: str | None) -> str:
        ref = self.ref(eid)
        return ref.name if ref else "?"

    # -- claims ------------------------------------------------------------------
    def claim(self, cid: str, facts: list[str] | None = None) -> m.Claim | None:
        c = self.claims.get(cid)
        if c is None:
            return None
        doc = self.docs.get(c.doc_id) or {"id": c.doc_id, "source": c.doc_id}
        speaker = c.attributed_to
        return m.Claim(
            id=c.id, kind=c.kind, doc=doc_ref(doc), start=c.start, end=c.end,
            sentence=" ".join(self.sentences.get(c.id, "").split()), modality=c.modality,
            speaker=self.ref(speaker) if speaker not in (None, "anonymous") else None,
            anonymous=speaker == "anonymous", cue=c.cue,
            link=doc_link(c.doc_id, c.start, c.end), facts=facts or [])

    def claim_list(self, ids: Iterable[str]) -> list[m.Claim]:
        out = [x for cid in ids if (x := self.claim(cid)) is not None]
        return sorted(out, key=lambda c: (c.doc.published or "", c.doc.id, c.start))

    # -- facts -------------------------------------------------------------------
    def text(self, f: FactRow) -> str:
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

    def fact(self, f: FactRow) -> m.Fact:
        d = f.data
        claims = self.claim_list(f.claims)
        docs = {c.doc.id for c in claims}
        publishers = {source_name(self.docs[c.doc.id]) for c in claims
                      if c.doc.id in self.docs}
        grade = m.Grade(grade="F6", meaning="cannot be judged", sources=[], interested=False)
        contradicted = False
        if self.grade:
            a = assess(f, self.claims, self.docs, self.texts, self.relations,
                       self.contradicted, self.grades)
            grade = m.Grade(grade=a.grade, meaning=a.meaning, sources=a.sources,
                            interested=a.interested)
            contradicted = f.id in self.contradicted
        base: dict[str, Any] = {
            "id": f.id, "kind": f.kind, "text": self.text(f), "documents": len(docs),
            "publishers": len(publishers), "grade": grade, "contradicted": contradicted,
            "claims": claims}
        if f.kind == "relation":
            return m.Fact(**base, predicate=d["predicate"], subject=self.ref(d["subject"]),
                          object=self.ref(d["object"]), support=d.get("support") or [])
        if f.kind == "event":
            return m.Fact(**base, type=d.get("type"), mode=d.get("mode"), date=d.get("date"),
                          actors=[r for a in d.get("actors") or () if (r := self.ref(a))],
                          targets=[r for a in d.get("targets") or () if (r := self.ref(a))],
                          location=self.ref(d.get("location")))
        if f.kind == "founding":
            return m.Fact(**base, subject=self.ref(d["subject"]), date=d["date"])
        return m.Fact(**base, subject=self.ref(d.get("subject")), value=d.get("value"),
                      unit=d.get("unit"), qualifier=d.get("qualifier"))

    def contradiction(self, c: dict) -> m.Contradiction:
        return m.Contradiction(id=c["id"], kind=c["kind"], summary=c["summary"],
                               about=self.ref(c.get("entity_id")), facts=c["facts"],
                               claims=self.claim_list(c["claims"]))


def format_value(v) -> str:
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return f"{v:,}" if isinstance(v, int) else f"{v:,.2f}".rstrip("0").rstrip(".")
