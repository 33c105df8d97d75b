"""Who may see what: the team server's users (`actorgraph users`) and the TLP markings
of sources (`actorgraph source tlp`). Documents get theirs at ingest (`--tlp`, or a
sidecar's "tlp")."""
from __future__ import annotations

import getpass

import click

from actorgraph.cli.options import db_option, open_store
from actorgraph.model import TLP_LEVELS

ROLES = ("reader", "analyst", "admin")
LEVEL = click.Choice(TLP_LEVELS, case_sensitive=False)


def _me() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a container
        return "admin"


@click.command("tlp")
@click.argument("publisher")
@click.argument("level", type=LEVEL)
@db_option
@click.option("--new", is_flag=True, help="Mark a publisher no stored document has yet.")
def source_tlp(publisher, level, db, new) -> None:
    """Mark every document of PUBLISHER with a TLP level (CLEAR, GREEN, AMBER, RED).

    A document is shown to users cleared for both its own marking and its
    publisher's; the newest marking of a publisher wins. A publisher no stored
    document has is refused (a typo would mark nothing), unless --new.

    \b
    Example:
      actorgraph source tlp "Closed Desk" AMBER
    """
    from actorgraph.store.tlp import set_source_tlp

    store = open_store(db, write=True)
    known = {d.get("publisher") for d in store.documents(current_only=False)}
    if publisher not in known and not new:
        raise click.ClickException(f"no stored document has the publisher {publisher!r}; "
                                   "to mark it before any of its documents is ingested, "
                                   "add --new")
    level = set_source_tlp(store.engine, publisher, level, author=_me())
    click.echo(f"{publisher}: TLP:{level}")


@click.group()
def users() -> None:
    """The users of a team server (`serve` on an address other machines reach).

    Each has a role (reader: reads; analyst: also judges and merges; admin: also
    lists users) and a TLP clearance (nothing marked above it is shown to them).
    A token is printed once when made; the store keeps only its salted hash.

    \b
    Example:
      actorgraph users add alice --role analyst --clearance AMBER
      actorgraph users token alice
    """


@users.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--clearance", type=LEVEL, default="GREEN", show_default=True,
              help="The highest TLP marking this user may see.")
@db_option
def users_add(name, role, clearance, db) -> None:
    """Add a user (then make their token with `users token NAME`)."""
    from actorgraph.store.users import UserError, add_user

    store = open_store(db, write=True)
    try:
        user = add_user(store.engine, name, role, clearance.upper(), created_by=_me())
    except UserError as err:
        raise click.ClickException(str(err)) from None
    click.echo(f"{user.name}: {user.role}, cleared for TLP:{user.clearance}; "
               f"make a token with: actorgraph users token {user.name}")


@users.command("token")
@click.argument("name")
@db_option
def users_token(name, db) -> None:
    """Print a new API token for NAME (shown once; it replaces any earlier one).

    Use it as `Authorization: Bearer TOKEN`, or with the name on the login page."""
    from actorgraph.store.users import UserError, new_token

    store = open_store(db, write=True)
    try:
        token = new_token(store.engine, name)
    except UserError as err:
        raise click.ClickException(str(err)) from None
    click.echo(token)
    click.echo("(shown once: the store keeps only its hash)", err=True)


@users.command("list")
@db_option
def users_list(db) -> None:
    """List users with role, clearance and when their token was made."""
    from actorgraph.store.users import list_users

    for u in list_users(open_store(db).engine):
        click.echo(f"{u.name:20s} {u.role:8s} TLP:{u.clearance:6s} "
                   f"token {u.token_at or 'none'}  (added {u.created_at} by {u.created_by})")


@users.command("remove")
@click.argument("name")
@db_option
def users_remove(name, db) -> None:
    """Remove a user: their token and logins stop working at once."""
    from actorgraph.store.users import remove_user

    if not remove_user(open_store(db, write=True).engine, name):
        raise click.ClickException(f"no user named {name!r}")
    click.echo(f"removed {name}")
