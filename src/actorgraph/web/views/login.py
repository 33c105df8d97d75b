"""Browser logins on a team server: /login (a user's name and token) starts a session,
/logout ends it (see `web.auth`)."""
from __future__ import annotations

from urllib.parse import parse_qsl

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from actorgraph.store.users import check_token
from actorgraph.web.auth import COOKIE, check_csrf, current_user
from actorgraph.web.render import render
from actorgraph.web.security import check_same_origin

router = APIRouter()


def safe_next(target: str | None) -> str:
    """Where to go after logging in: a path on this server, never another site."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def _from_own_page(request: Request) -> None:
    """403 unless the form was sent from a page of this server. A browser posting a form
    from a page served with `Referrer-Policy: no-referrer` sends `Origin: null`, but also
    `Sec-Fetch-Site: same-origin`, a header no page can forge; other clients must send an
    Origin naming this server."""
    if request.headers.get("sec-fetch-site") != "same-origin":
        check_same_origin(request)


async def _form(request: Request) -> dict[str, str]:
    body = (await request.body()).decode("utf-8", "replace")
    return dict(parse_qsl(body, max_num_fields=10))


@router.get("/login", response_class=HTMLResponse, include_in_schema=False)
def login_page(request: Request, next: str = "/") -> HTMLResponse:
    return render(request, "login.html", None, title="Log in", next=safe_next(next),
                  message="")


@router.post("/login", include_in_schema=False)
async def login(request: Request) -> Response:
    _from_own_page(request)
    form = await _form(request)
    name, token = form.get("name", "").strip(), form.get("token", "")
    reader = request.app.state.reader
    user = await anyio.to_thread.run_sync(check_token, reader.engine, token) if token else None
    if user is None or user.name != name:
        return render(request, "login.html", None, status=401, title="Log in",
                      next=safe_next(form.get("next")), message="Wrong name or token.")
    cookie, _ = request.app.state.sessions.create(user.name)
    response = RedirectResponse(safe_next(form.get("next")), status_code=303)
    response.set_cookie(COOKIE, cookie, httponly=True, samesite="strict", path="/",
                        secure=request.url.scheme == "https",
                        max_age=int(request.app.state.sessions.seconds))
    return response


@router.post("/logout", include_in_schema=False)
async def logout(request: Request) -> Response:
    _from_own_page(request)
    if current_user(request) is not None:
        check_csrf(request, (await _form(request)).get("csrf"))
    cookie = request.cookies.get(COOKIE)
    if cookie:
        request.app.state.sessions.drop(cookie)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response
