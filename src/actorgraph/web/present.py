"""Facts, claims and contradictions as the web shows them: names instead of ids, each
fact with its corroboration (distinct documents and publishers), its grade and its
evidence sentences, each sentence with a link to it in its document.

A `Presenter` loads in a few queries everything a set of facts needs (as
`facts.evidence.Evidence`, which also words and grades them), then builds the
records of `models` without further database round trips.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from actorgraph import ontology
from actorgraph.facts.evidence import Evidence
from actorgraph.facts.grading import source_name
from actorgraph.store.facts import FactRow
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
                         published=d.get("published"), url=d.get("url"),
                         extraction_error=d.get("extraction_error"),
                         language=d.get("language"))


class Presenter(Evidence):
    """Builds the web records for a set of facts and claims, loaded in bulk."""

    def ref(self, eid: str | None) -> m.EntityRef | None:
        who = self.who(eid)
        if who is None:
            return None
        return m.EntityRef(id=who.id, name=who.name, type=who.type, kind=who.kind)

    # -- claims ------------------------------------------------------------------
    def claim(self, cid: str, facts: list[str] | None = None) -> m.Claim | None:
        c = self.claims.get(cid)
        if c is None:
            return None
        speaker = c.attributed_to
        return m.Claim(
            id=c.id, kind=c.kind, doc=doc_ref(self.doc(c)), start=c.start, end=c.end,
            sentence=self.sentence(c.id), modality=c.modality,
            speaker=self.ref(speaker) if speaker not in (None, "anonymous") else None,
            anonymous=speaker == "anonymous", cue=c.cue,
            link=doc_link(c.doc_id, c.start, c.end), facts=facts or [])

    def claim_list(self, ids: Iterable[str]) -> list[m.Claim]:
        return [x for c in self.ordered(ids) if (x := self.claim(c.id)) is not None]

    # -- facts -------------------------------------------------------------------
    def fact(self, f: FactRow, evidence: int | None = None) -> m.Fact:
        """The fact's record with its claims (its first `evidence` in reading order, if
        given: a summary's; the counts are of them all)."""
        d = f.data
        ordered = self.ordered(f.claims)
        claims = [x for c in ordered[:evidence] if (x := self.claim(c.id)) is not None]
        docs = {c.doc_id for c in ordered}
        publishers = {source_name(self.docs[c.doc_id]) for c in ordered if c.doc_id in self.docs}
        grade = m.Grade(grade="F6", meaning="cannot be judged", sources=[], interested=False)
        contradicted = False
        if (a := self.assess(f)) is not None:
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

