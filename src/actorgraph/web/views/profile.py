"""The profile: a short sourced dossier on one entity (overview, names, leadership,
sponsors and allies, activities, contradictions, sources). Every line is built from
facts and carries the numbers of the claims it rests on; each numbered note quotes
its sentence and links to it in its document. The sections follow the CLI's
`actorgraph profile` (profile/dossier.py), read with the store's entity-scoped Reader.
"""
from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from actorgraph.store.facts import FactRow
from actorgraph.store.reader import Reader
from actorgraph.store.store import EntityRecord
from actorgraph.web import models as m
from actorgraph.web.params import ReaderDep
from actorgraph.web.present import Presenter, source_name
from actorgraph.web.render import render
from actorgraph.web.views.entity import find, ref

router = APIRouter()


class _Notes:
    """Numbers claims in order of first use."""

    def __init__(self, p: Presenter) -> None:
        self.p = p
        self.by_claim: dict[str, int] = {}
        self.notes: list[m.Claim] = []

    def __call__(self, claim_ids: list[str]) -> list[int]:
        out = []
        for cid in claim_ids:
            if cid not in self.by_claim:
                c = self.p.claim(cid)
                if c is None:
                    continue
                self.notes.append(c)
                self.by_claim[cid] = len(self.notes)
            out.append(self.by_claim[cid])
        return out


def build(reader: Reader, e: EntityRecord) -> m.ProfilePage:
    facts = reader.facts(reader.fact_ids_of(e.id))
    found = reader.contradictions_of(e.id, [f.id for f in facts])
    p = Presenter(reader, facts, claim_ids={c for x in found for c in x["claims"]})
    notes = _Notes(p)
    views = {f.id: p.fact(f) for f in facts}
    rels = [f for f in facts if f.kind == "relation"]

    def lines(chosen: list[FactRow]) -> list[m.ProfileLine]:
        out = []
        for f in chosen:
            v = views[f.id]
            out.append(m.ProfileLine(text=v.text, fact=f.id, grade=v.grade.grade,
                                     notes=notes([c.id for c in v.claims])))
        return out

    def rel(test: Callable[[str, bool], bool]) -> list[FactRow]:
        return sorted((f for f in rels if test(f.data["predicate"], f.data["subject"] == e.id)),
                      key=lambda f: (-views[f.id].documents, views[f.id].text))

    names = [m.ProfileLine(text=f"{n} ({c} mention{'s' if c != 1 else ''})", notes=[])
             for n, c in sorted(e.names, key=lambda x: (-x[1], x[0]))]
    events = sorted((f for f in facts if f.kind == "event"),
                    key=lambda f: (f.data.get("date") or "9999", f.id))
    doubtful = [f for f in facts if views[f.id].grade.grade[1:] == "3"]
    sections = [
        ("Names and aliases", names),
        ("Founded", lines(sorted((f for f in facts if f.kind == "founding"),
                                 key=lambda f: f.data["date"]))),
        ("Leadership", lines(rel(lambda p, out: p in ("founder_of", "leader_of")
                                 or (p == "member_of" and not out)))),
        ("Sponsors, allies and affiliations",
         lines(rel(lambda p, out: p in ("sponsored_by", "allied_with", "associate_of")
                   or (p in ("member_of", "operates_channel") and out)))),
        ("Where it is based and active", lines(rel(lambda p, out: p in ("based_in",
                                                                       "operates_in")))),
        ("Rivals and targets", lines(rel(lambda p, out: p == "opposes"))),
        ("Size estimates and other figures", lines([f for f in facts
                                                    if f.kind == "quantity"])),
        ("Activities", lines(events)),
        ("Contradictions and open questions",
         [m.ProfileLine(text=c["summary"], notes=notes(c["claims"])) for c in found]
         + [m.ProfileLine(text="Only claimed or hedged so far: " + views[f.id].text,
                          fact=f.id, grade=views[f.id].grade.grade,
                          notes=notes([c.id for c in views[f.id].claims]))
            for f in doubtful]),
    ]
    sources = sorted({c.doc.id: c.doc for c in notes.notes}.values(),
                     key=lambda d: (d.published or "", d.id))
    publishers = {source_name(d.model_dump()) for d in sources}
    kind = f" ({e.kind.replace('_', ' ')})" if e.kind else ""
    summary = (f"{e.name}: {e.type}{kind}, named in {reader.documents_of_entity(e.id, 0)[0]} "
               f"stored documents; {len(facts)} facts from {len(sources)} documents by "
               f"{len(publishers)} publishers.")
    return m.ProfilePage(entity=ref(e), summary=summary,
                         sections=[m.ProfileSection(title=t, lines=ls) for t, ls in sections
                                   if ls],
                         notes=notes.notes, sources=sources)


@router.get("/entities/{entity_id}/profile", response_class=HTMLResponse,
            include_in_schema=False)
def profile_page(request: Request, entity_id: str, reader: ReaderDep) -> HTMLResponse:
    page = build(reader, find(reader, entity_id))
    return render(request, "profile.html", page, title=f"Profile: {page.entity.name}")
