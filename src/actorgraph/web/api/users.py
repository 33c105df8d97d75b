"""/api/users: the team server's users, for an admin (made with `actorgraph users`)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel

from actorgraph.store.users import list_users
from actorgraph.web.auth import current_user, require_admin

router = APIRouter(prefix="/api/users", tags=["users"])


class UserInfo(BaseModel):
    name: str
    role: str
    clearance: str
    created_at: str
    created_by: str
    token_at: str | None = None


@router.get("/me", response_model=UserInfo | None)
def me(request: Request) -> UserInfo | None:
    """The user this request is made as (null on a server without logins)."""
    u = current_user(request)
    return UserInfo(name=u.name, role=u.role, clearance=u.clearance, created_at=u.created_at,
                    created_by=u.created_by, token_at=u.token_at) if u else None


@router.get("", response_model=list[UserInfo], dependencies=[Depends(require_admin)])
def users(request: Request) -> list[UserInfo]:
    """Every user with role and clearance (admins only; tokens are never shown)."""
    return [UserInfo(name=u.name, role=u.role, clearance=u.clearance, created_at=u.created_at,
                     created_by=u.created_by, token_at=u.token_at)
            for u in list_users(request.app.state.reader.engine)]
