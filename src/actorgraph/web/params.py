"""Shared request parameters: paging with a maximum page size, dates, the reader.

Bad values are refused by validation (422 with the parameter and the reason),
before any query runs.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError

from actorgraph.model import ENTITY_TYPES
from actorgraph.store.reader import Reader
from actorgraph.store.scoped import within
from actorgraph.web.settings import WebSettings

MAX_OFFSET = 10_000_000
# empty values are allowed (a form's blank field) and mean "no filter"
DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"
ENTITY_TYPE = "^(" + "|".join(ENTITY_TYPES) + ")?$"


def get_reader(request: Request) -> Reader:
    """The store as the request's user may see it: within their TLP clearance (without
    a login, the server's --clearance, by default everything)."""
    settings: WebSettings = request.app.state.settings
    user = getattr(request.state, "user", None)
    if user is None and settings.auth_required:
        raise HTTPException(401, "authentication required")
    return within(request.app.state.reader, user.clearance if user else settings.clearance)


def get_settings(request: Request) -> WebSettings:
    return request.app.state.settings


ReaderDep = Annotated[Reader, Depends(get_reader)]
SettingsDep = Annotated[WebSettings, Depends(get_settings)]


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int


def paging(request: Request,
           limit: Annotated[int | None, Query(ge=1, description=(
               "Items per page (default 50; at most the server's max page size, 200)."))] = None,
           offset: Annotated[int, Query(ge=0, le=MAX_OFFSET,
                                        description="Items to skip.")] = 0) -> Paging:
    settings: WebSettings = request.app.state.settings
    if limit is None:
        limit = settings.page_size
    if limit > settings.max_page_size:
        raise invalid("limit", f"Input should be less than or equal to "
                               f"{settings.max_page_size} (the largest page)")
    return Paging(limit, offset)


PagingDep = Annotated[Paging, Depends(paging)]
DateFrom = Annotated[str | None, Query(pattern=DATE, description=(
    "Earliest date, an ISO prefix: 2019, 2019-05 or 2019-05-14."))]
DateTo = Annotated[str | None, Query(pattern=DATE, description=(
    "Latest date, an ISO prefix: 2024, 2024-01 or 2024-01-28."))]
EntityType = Annotated[str | None, Query(pattern=ENTITY_TYPE, description=(
    "Only this type: " + ", ".join(ENTITY_TYPES) + "."))]


def invalid(param: str, message: str) -> RequestValidationError:
    """A 422 for one query parameter, shaped like FastAPI's own."""
    return RequestValidationError([{"loc": ("query", param), "type": "value_error",
                                    "msg": message}])


def check_range(start: str | None, end: str | None) -> None:
    if start and end and start[:len(end)] > end[:len(start)]:
        raise invalid("end", f"the range ends ({end}) before it starts ({start})")


def in_range(date: str | None, start: str | None, end: str | None) -> bool:
    """A date (an ISO prefix) falls in [start, end], each bound also an ISO prefix: an
    event of 2023-07 is in 2023 and in 2023-07-01..2023-07-31."""
    if not date:
        return not start and not end
    after_start = not start or date[:len(start)] >= start[:len(date)]
    before_end = not end or date[:len(end)] <= end[:len(date)]
    return after_start and before_end
