"""Rendering pages: one Jinja2 environment with autoescaping on for every template.
It loads the web's templates, then the dossier's (profile/templates), whose section
macros the profile page shares with the CLI's `actorgraph profile`.

Templates never mark document text `|safe`: everything from a document reaches the
page through autoescaped expressions, piece by piece.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined

from actorgraph import ontology
from actorgraph.facts.evidence import format_value
from actorgraph.profile.render import TEMPLATES as PROFILE_TEMPLATES
from actorgraph.web.present import predicate_label

_ENV = Environment(loader=ChoiceLoader([PackageLoader("actorgraph", "web/templates"),
                                        PROFILE_TEMPLATES]), autoescape=True,
                   trim_blocks=True, lstrip_blocks=True, undefined=StrictUndefined)

TYPE_LABELS = {t.name: t.label for t in ontology.entity_types()}
PLURALS = {t.name: t.plural for t in ontology.entity_types()}


def _query(request: Request, **changes: Any) -> str:
    """The current URL's query string with some parameters changed (None drops one)."""
    params = dict(request.query_params)
    for k, v in changes.items():
        if v is None or v == "":
            params.pop(k, None)
        else:
            params[k] = str(v)
    return "?" + urlencode(params) if params else "?"


def _human(s: str | None) -> str:
    return (s or "").replace("_", " ")


# Languages written right to left (ISO 639-1): their text is laid out from the right.
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "sd", "ug", "yi", "dv"})


def text_dir(language: str | None) -> str:
    """The `dir` of a block of text in `language`: "rtl", else "auto" (each block's own
    first strong letter decides, so a quoted Arabic sentence in an English page is right)."""
    return "rtl" if (language or "").lower() in RTL_LANGUAGES else "auto"


_ENV.globals.update(
    text_dir=text_dir,
    quote=lambda s: quote(str(s), safe=""),
    predicate_label=predicate_label,
    is_symmetric=ontology.is_symmetric,
    type_label=lambda t: TYPE_LABELS.get(t, (t or "").capitalize()),
    type_plural=lambda t: PLURALS.get(t, (t or "").capitalize()),
)
_ENV.filters.update(human=_human, value=format_value)


def render(request: Request, template: str, page: Any, status: int = 200,
           title: str = "", **extra: Any) -> HTMLResponse:
    """Render `template` with the page's typed context as `page`."""
    html = _ENV.get_template(template).render(
        request=request, page=page, title=title, settings=request.app.state.settings,
        user=getattr(request.state, "user", None), csrf=getattr(request.state, "csrf", ""),
        query=lambda **kw: _query(request, **kw), path=request.url.path,
        q=extra.pop("q", request.query_params.get("q", "")), **extra)
    return HTMLResponse(html, status_code=status)
