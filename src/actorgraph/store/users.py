"""The team server's users: a name, a role, a TLP clearance and one API token.

A token is shown once, when made (`new_token`); the store keeps only its scrypt hash
with a random salt, and `check_token` compares hashes in constant time. A token reads
`ag<ID>_<SECRET>`: the id finds its user, the secret is what is hashed.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, delete, insert, select, update

from actorgraph.model import TLP_LEVELS, tlp_level
from actorgraph.store import schema as t
from actorgraph.store.db import now


def _stamp() -> str:
    """When a token was made, to the microsecond: a token replaced within the same second
    must not pass for the one before it (the server's token cache compares this)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


ROLES = ("reader", "analyst", "admin")   # each may do what the one before may, and more
WRITERS = frozenset({"analyst", "admin"})   # may judge, merge and grade
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$")
_TOKEN = re.compile(r"^ag(\d{1,12})_([A-Za-z0-9_-]{20,200})$")
# scrypt's cost: about 50 ms per check (16 MiB), the salt 16 random bytes
_N, _R, _P = 2 ** 14, 8, 1


class UserError(ValueError):
    """A user that cannot be added or changed; says why."""


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str
    clearance: str
    created_at: str
    created_by: str
    token_at: str | None = None

    @property
    def can_write(self) -> bool:
        return self.role in WRITERS

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def _hash(secret: str, salt: bytes) -> bytes:
    return hashlib.scrypt(secret.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)


def _user(r) -> User:
    return User(r.id, r.name, r.role, r.clearance, r.created_at, r.created_by, r.token_at)


def add_user(engine: Engine, name: str, role: str, clearance: str = "GREEN",
             created_by: str = "admin") -> User:
    """A new user (without a token yet: see `new_token`)."""
    if not NAME.match(name):
        raise UserError(f"user name {name!r}: letters, digits and . _ @ - only, at most 100")
    if role not in ROLES:
        raise UserError(f"role {role!r}: one of {', '.join(ROLES)}")
    try:
        level = tlp_level(clearance)
    except ValueError as err:
        raise UserError(str(err)) from None
    with engine.begin() as conn:
        if conn.execute(select(t.users.c.id).where(t.users.c.name == name)).first():
            raise UserError(f"a user named {name!r} exists already")
        conn.execute(insert(t.users).values(name=name, role=role, clearance=level,
                                            created_at=now(), created_by=created_by))
    user = get_user(engine, name)
    assert user is not None
    return user


def get_user(engine: Engine, name: str) -> User | None:
    with engine.connect() as conn:
        r = conn.execute(select(t.users).where(t.users.c.name == name)).first()
    return _user(r) if r else None


def list_users(engine: Engine) -> list[User]:
    with engine.connect() as conn:
        return [_user(r) for r in conn.execute(select(t.users).order_by(t.users.c.name))]


def remove_user(engine: Engine, name: str) -> bool:
    """Remove a user (their token stops working at once); False if there is none."""
    with engine.begin() as conn:
        return conn.execute(delete(t.users).where(t.users.c.name == name)).rowcount == 1


def new_token(engine: Engine, name: str) -> str:
    """A new API token for the user, replacing any earlier one; returned once, only its
    salted hash is stored."""
    user = get_user(engine, name)
    if user is None:
        raise UserError(f"no user named {name!r} (add one with `actorgraph users add`)")
    secret = secrets.token_urlsafe(32)
    salt = secrets.token_bytes(16)
    with engine.begin() as conn:
        conn.execute(update(t.users).where(t.users.c.id == user.id).values(
            token_salt=salt, token_hash=_hash(secret, salt), token_at=_stamp()))
    return f"ag{user.id}_{secret}"


def check_token(engine: Engine, token: str) -> User | None:
    """The user whose token this is, or None (also for a malformed token or a removed
    user). The hash comparison takes the same time whatever the token."""
    match = _TOKEN.match(token.strip())
    if match is None:
        return None
    with engine.connect() as conn:
        r = conn.execute(select(t.users).where(t.users.c.id == int(match.group(1)))).first()
    if r is None or r.token_hash is None or r.token_salt is None:
        _hash(match.group(2), b"\0" * 16)   # as slow as a real check
        return None
    if not hmac.compare_digest(_hash(match.group(2), r.token_salt), r.token_hash):
        return None
    return _user(r)


__all__ = ["ROLES", "TLP_LEVELS", "User", "UserError", "add_user", "check_token",
           "get_user", "list_users", "new_token", "remove_user"]
