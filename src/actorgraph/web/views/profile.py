"""The profile: the entity's sourced dossier (profile/dossier.py, the same one the
CLI's `actorgraph profile` writes), shown in the site's layout with its lines linked
to the entity page and its notes to their sentences, and as a typed record for the
API."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from actorgraph.profile import dossier
from actorgraph.profile.dossier import Dossier, Note, Source
from actorgraph.store.reader import Reader
from actorgraph.store.store import EntityRecord
from actorgraph.web import models as m
from actorgraph.web.params import ReaderDep
from actorgraph.web.present import doc_link
from actorgraph.web.render import render
from actorgraph.web.views.entity import find, ref

router = APIRouter()
# the web's dossier: the best corroborated lines of each section, the first notes of each
# (`actorgraph profile` writes the whole dossier)
PER_SECTION = 20
PER_LINE = 3


class Links:
    """Where the dossier's lines, sources and notes link to on the site."""

    @staticmethod
    def fact(entity_id: str, fact_id: str) -> str:
        return f"/entities/{entity_id}#f-{fact_id}"

    @staticmethod
    def source(doc: Source) -> str:
        return f"/documents/{doc.id}"

    @staticmethod
    def note(note: Note) -> str:
        return doc_link(note.doc.id, note.start, note.end)


def _doc(d: Source) -> m.DocumentRef:
    return m.DocumentRef(id=d.id, source=d.source, title=d.title, publisher=d.publisher,
                         author=d.author, published=d.published, url=d.url,
                         language=d.language)


def _claim(n: Note) -> m.Claim:
    speaker = n.speaker
    return m.Claim(id=n.claim, kind=n.kind, doc=_doc(n.doc), start=n.start, end=n.end,
                   sentence=n.sentence, modality=n.modality,
                   speaker=m.EntityRef(id=speaker.id, name=speaker.name, type=speaker.type,
                                       kind=speaker.kind) if speaker else None,
                   anonymous=n.anonymous, cue=n.cue, link=Links.note(n), facts=[])


def page(d: Dossier, e: EntityRecord) -> m.ProfilePage:
    """The dossier as the API's record."""
    return m.ProfilePage(
        entity=ref(e), summary=d.summary,
        sections=[m.ProfileSection(title=s.title, lines=[
            m.ProfileLine(text=line.text, fact=line.fact, grade=line.grade, notes=line.notes)
            for line in s.lines]) for s in d.sections],
        notes=[_claim(n) for n in d.notes], sources=[_doc(x) for x in d.sources])


def build(reader: Reader, e: EntityRecord) -> m.ProfilePage:
    return page(dossier.build(reader, e, PER_SECTION, PER_LINE), e)


@router.get("/entities/{entity_id}/profile", response_class=HTMLResponse,
            include_in_schema=False)
def profile_page(request: Request, entity_id: str, reader: ReaderDep) -> HTMLResponse:
    d = dossier.build(reader, find(reader, entity_id), PER_SECTION, PER_LINE)
    return render(request, "profile.html", d, title=f"Profile: {d.entity.name}",
                  links=Links)
