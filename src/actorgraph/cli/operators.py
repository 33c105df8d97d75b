"""`actorgraph operators`: who runs which channel, as stored from exports (`ingest`, or
`channels PATH --record`), each link with its rule, confidence and evidence; and the
analyst's judgement of a link (`confirm`, `reject`), kept in the judgements log."""
from __future__ import annotations

import json

import click

from actorgraph.cli.options import db_option, open_store


@click.group("operators")
def operators() -> None:
    """Who runs which channel: `operates_channel` links made from channel exports.

    \b
    Example:
      actorgraph operators list "Valley Relay"
      actorgraph operators confirm "Valley Relay" "Zeravan Movement" --reason "seen in X"
    """


def _channel(store, ref: str) -> dict:
    from actorgraph.store.channels import find_channel

    found = find_channel(store, ref)
    if found is None:
        raise click.ClickException(f"no channel {ref!r} in the store (by id, PLATFORM:ID, "
                                   "native id or name); ingest its export first")
    return found


@operators.command("list")
@click.argument("channel", required=False)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the links as JSON.")
def list_cmd(channel, db, as_json) -> None:
    """The links of one channel (or all), newest judgement shown."""
    from actorgraph.store.channels import read_channels, read_links

    store = open_store(db)
    chan = _channel(store, channel) if channel else None
    links = read_links(store, chan["id"] if chan else None)
    if as_json:
        click.echo(json.dumps(links, ensure_ascii=False, indent=1))
        return
    names = {c["id"]: c["name"] for c in read_channels(store)}
    for x in links:
        verdict = x["verdict"]["status"] if x["verdict"] else "unjudged"
        click.echo(f"{names.get(x['channel_id'], x['channel_id'])} ← {x['actor']}: "
                   f"{x['rule']} {x['confidence']:.2f} [{verdict}] {x['detail']}")
        for e in x["evidence"][:3]:
            click.echo(f"    {e['post'] or e['where']} {e['utc'] or ''} {e['note']}")


def _judge(action: str, channel: str, actor: str, reason: str | None, db: str | None) -> None:
    from actorgraph.knowledge.names import fold
    from actorgraph.store import judgements as log
    from actorgraph.store.channels import PREDICATE, read_links

    store = open_store(db, write=True)
    chan = _channel(store, channel)
    if not any(x["actor_folded"] == fold(actor) for x in read_links(store, chan["id"])):
        raise click.ClickException(f"no link from {actor!r} to {chan['name']!r} to judge")
    jid = log.record(store, action, chan["id"], actor, value=PREDICATE, reason=reason)
    click.echo(f"judgement {jid}: {action} {actor} operates {chan['name']}")


@operators.command("confirm")
@click.argument("channel")
@click.argument("actor")
@click.option("--reason", help="Why (kept with the judgement).")
@db_option
def confirm(channel, actor, reason, db) -> None:
    """Confirm that ACTOR runs CHANNEL (undo with `actorgraph undo ID`)."""
    _judge("confirm", channel, actor, reason, db)


@operators.command("reject")
@click.argument("channel")
@click.argument("actor")
@click.option("--reason", help="Why (kept with the judgement).")
@db_option
def reject(channel, actor, reason, db) -> None:
    """Reject the link: ACTOR does not run CHANNEL (exports leave it out)."""
    _judge("reject", channel, actor, reason, db)
