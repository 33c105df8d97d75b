"""Render a dossier as Markdown or as HTML (with a print stylesheet)."""
from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from actorgraph.profile.dossier import Dossier


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
        out.append(f"- {doc.get('publisher') or '?'}, {doc.get('published') or 'n.d.'}: "
                   f"{doc.get('title') or doc.get('source')}")
    out.append("")
    for fn in d.footnotes:
        who = f" — {fn.speaker}" if fn.speaker else ""
        out.append(f'[^{fn.n}]: "{fn.sentence}" ({fn.source}, {fn.published or "n.d."}; '
                   f"{fn.modality}{who})")
    return "\n".join(out) + "\n"


_ENV = Environment(loader=PackageLoader("actorgraph", "profile/templates"),
                   autoescape=select_autoescape(["html"]), trim_blocks=True,
                   lstrip_blocks=True)


def html(d: Dossier) -> str:
    return _ENV.get_template("profile.html").render(d=d)
