"""The analyst's workbench: a FastAPI application serving pages and a JSON API over
one store. Routers are one per page or resource, included from one list."""
from __future__ import annotations

from importlib import resources

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from actorgraph.store.reader import Reader
from actorgraph.store.store import Store
from actorgraph.web.api import campaign as api_campaign
from actorgraph.web.api import claims as api_claims
from actorgraph.web.api import contradictions as api_contradictions
from actorgraph.web.api import documents as api_documents
from actorgraph.web.api import entities as api_entities
from actorgraph.web.api import events as api_events
from actorgraph.web.api import judgements as api_judgements
from actorgraph.web.api import search as api_search
from actorgraph.web.api import users as api_users
from actorgraph.web.auth import AuthMiddleware, Identities, Sessions
from actorgraph.web.campaign_data import CampaignData
from actorgraph.web.render import render
from actorgraph.web.security import SecurityMiddleware
from actorgraph.web.settings import WebSettings
from actorgraph.web.views import (
    campaign,
    contradictions,
    document,
    documents,
    entities,
    entity,
    entity_facts,
    graph,
    home,
    login,
    profile,
    search,
    timeline,
)

ROUTERS = [
    # pages
    home.router, search.router, entities.router, graph.router, profile.router,
    entity.router, entity_facts.router, timeline.router, documents.router, document.router,
    contradictions.router, campaign.router, login.router,
    # the JSON API
    api_entities.router, api_events.router, api_claims.router, api_documents.router,
    api_contradictions.router, api_search.router, api_judgements.router, api_campaign.router,
    api_users.router,
]


def create_app(settings: WebSettings | None = None, store: Store | None = None) -> FastAPI:
    """The application for one store; `settings` say how it may be used."""
    settings = settings or WebSettings()
    store = store or Store(settings.db)
    app = FastAPI(title="actorgraph", version="1", docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="The sourced knowledge graph of an actorgraph store: entities, "
                              "relations, events, claims and contradictions, each traced "
                              "to its sentence. Lists take `limit` (at most "
                              f"{settings.max_page_size}) and `offset`.")
    app.state.settings = settings
    app.state.reader = Reader(store)
    app.state.campaign = (CampaignData(settings.campaign, settings.narratives,
                                       app.state.reader) if settings.campaign else None)
    static = resources.files("actorgraph").joinpath("web/static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    for router in ROUTERS:
        app.include_router(router)
    _errors(app)
    app.state.sessions = Sessions(settings.session_hours)
    app.add_middleware(AuthMiddleware, settings=settings,
                       identities=Identities(store, app.state.sessions))
    app.add_middleware(SecurityMiddleware, settings=settings)   # outermost: runs first
    return app


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _errors(app: FastAPI) -> None:
    """JSON errors for the API, an error page for the pages."""

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if _is_api(request) or request.method != "GET":
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        return render(request, "error.html", None, status=exc.status_code,
                      title=f"Error {exc.status_code}", message=str(exc.detail),
                      problems=[])

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [f"{'.'.join(str(x) for x in e.get('loc', ())[1:]) or 'request'}: "
                    f"{e.get('msg', 'invalid')}" for e in exc.errors()]
        if _is_api(request) or request.method != "GET":
            return JSONResponse({"detail": _plain(exc.errors()),
                                 "message": "; ".join(problems)}, status_code=422)
        return render(request, "error.html", None, status=422, title="Bad request",
                      message="Some parameters are not valid.", problems=problems)

    from starlette.exceptions import HTTPException as StarletteHTTPException

    @app.exception_handler(StarletteHTTPException)
    async def not_found(request: Request, exc: StarletteHTTPException) -> Response:
        return await http_error(request, HTTPException(exc.status_code, exc.detail))


def _plain(errors) -> list[dict]:
    """Validation errors without the raw input (which may be huge or binary)."""
    return [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")}
            for e in errors]
