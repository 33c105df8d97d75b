"""Render a dossier as Markdown or as a standalone HTML page (with a print
stylesheet). The page's sections, sources and notes are the `_dossier.html` macros,
which the web's profile page renders too (its environment loads `TEMPLATES`)."""
from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined

from actorgraph.profile.dossier import Dossier, Note

TEMPLATES = PackageLoader("actorgraph", "profile/templates")

_ENV = Environment(loader=TEMPLATES, autoescape=True, trim_blocks=True, lstrip_blocks=True,
                   undefined=StrictUndefined)


def _attribution(note: Note) -> str:
    """The note's source after its sentence: publisher, date; modality, speaker."""
    who = (f", according to {note.speaker.name}" if note.speaker
           else ", anonymous source" if note.anonymous else "")
    return (f"{note.doc.publisher or note.doc.source}, {note.doc.published or 'n.d.'}; "
            f"{note.modality}{who}")


def markdown(d: Dossier) -> str:
    out = [f"# {d.entity.name}", "", d.summary, ""]
    for section in d.sections:
        out += [f"## {section.title}", ""]
        for line in section.lines:
            marks = "".join(f"[^{n}]" for n in line.notes)
            grade = f" `{line.grade}`" if line.grade else ""
            out.append(f"- {line.text}{grade}{marks}")
        out.append("")
    out += ["## Sources", ""]
    for doc in d.sources:
        out.append(f"- {doc.title or doc.source} — {doc.publisher or 'unknown publisher'}, "
                   f"{doc.published or 'n.d.'}")
    out.append("")
    for note in d.notes:
        out.append(f'[^{note.n}]: "{note.sentence}" ({_attribution(note)})')
    return "\n".join(out) + "\n"


def html(d: Dossier) -> str:
    return _ENV.get_template("dossier.html").render(d=d)
