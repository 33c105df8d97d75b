"""CLI commands for who-is-who: find an entity, review unsure pairs, and the analyst's
judgements (merge, split, rename, list, undo). Every judgement re-resolves the entities
it touches and rebuilds their facts (`workflow.refresh_judged`; the whole store when the
change cannot be bounded)."""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from actorgraph.cli.options import (
    db_option,
    entity_argument,
    find_entity,
    open_store,
    pair_arguments,
    reason_option,
)

if TYPE_CHECKING:
    from actorgraph.resolve.stage import ResolveSummary
    from actorgraph.store.judgements import Recorded
    from actorgraph.store.store import EntityRecord, Store


def refresh(store: Store) -> ResolveSummary:
    """Re-resolve the whole store. The workflow (resolution, facts, and what they import)
    is loaded here, so the commands that only read start quickly."""
    from actorgraph.workflow import refresh as run_refresh

    return run_refresh(store)


def refresh_judged(store: Store, recorded: list[Recorded]) -> ResolveSummary:
    """Bring the store up to date after judgements: only what they touch, where it can."""
    from actorgraph.workflow import refresh_judged as run

    done = run(store, recorded)
    if not done.incremental:
        click.echo(f"re-resolved the whole store: {done.why}", err=True)
    return done.summary


def _show(store: Store, e: EntityRecord, indent: str = "") -> None:
    kind = f" ({e.kind})" if e.kind else ""
    click.echo(f"{indent}{e.name} — {e.type}{kind}  [{e.id}]")
    aliases = sorted({n for n, _ in e.names if n != e.name})
    if aliases:
        click.echo(f"{indent}  names: " + "; ".join(aliases))
    for source, sentence in store.contexts(e.id):
        click.echo(f"{indent}  {source}: {sentence}")


@click.command("entity")
@click.argument("name")
@db_option
def entity_cmd(name, db) -> None:
    """Show one entity, found by any of its names in any spelling or script.

    \b
    Example:
      actorgraph entity "Tohid Ebrahim Begli"
      actorgraph entity "Hüseynçilər"
    """
    store = open_store(db)
    e = find_entity(store, name)
    _show(store, e)
    if e.reasons:
        click.echo("  merged because: " + " | ".join(e.reasons))


@click.command()
@db_option
@click.option("--list", "list_only", is_flag=True, help="Only list the pairs; ask nothing.")
@reason_option("Why, recorded with each answer.")
def review(db, list_only, reason) -> None:
    """Review "possibly the same" pairs side by side and answer same / different / unsure.

    Nothing is merged without an answer: "same" merges the two, "different"
    keeps them apart for good, "unsure" takes the pair off the list. Answers
    are stored as judgements (see `actorgraph judgements`) and can be undone.

    \b
    Example:
      actorgraph review            # asks about each pair
      actorgraph review --list     # just shows them
    """
    from actorgraph.store import judgements as log

    store = open_store(db, write=True)
    pairs = store.review_pairs()
    if not pairs:
        click.echo("nothing to review")
        return
    answered: list[Recorded] = []
    for a_id, b_id, score, reasons in pairs:
        a, b = store.entity_by_id(a_id), store.entity_by_id(b_id)
        if a is None or b is None:
            continue
        click.echo(f"\npossibly the same (score {score:.2f}: {'; '.join(reasons)})")
        _show(store, a, "  A: ")
        _show(store, b, "  B: ")
        if list_only:
            continue
        answer = click.prompt("same, different, unsure or skip?", default="skip",
                              type=click.Choice(["same", "different", "unsure", "skip", "quit"]))
        if answer == "quit":
            break
        if answer != "skip":
            answered.append(log.record_change(store, answer, a.name, b.name, reason=reason))
    if answered:
        refresh_judged(store, answered)
        click.echo(f"\n{len(answered)} judgements recorded; entities re-resolved")


def _judge(store: Store, action: str, a: str, b: str | None, value: str | None,
           reason: str | None) -> None:
    from actorgraph.store import judgements as log

    recorded = log.record_change(store, action, a, b, value, reason)
    summary = refresh_judged(store, [recorded])
    click.echo(f"judgement {recorded.id} recorded ({action}); {summary.entities} entities")


@click.command()
@pair_arguments
@db_option
@reason_option("Why they are the same (recorded).")
def merge(a, b, db, reason) -> None:
    """Merge two entities: the analyst says A and B are the same actor.

    \b
    Example:
      actorgraph merge "Abu Mahdi al-Muhandis" "Jamal Jaafar al-Ibrahimi" --reason "nom de guerre"
    """
    store = open_store(db, write=True)
    ea, eb = find_entity(store, a), find_entity(store, b)
    if ea.id == eb.id:
        raise click.ClickException(f"{a!r} and {b!r} are already one entity")
    _judge(store, "same", ea.name, eb.name, None, reason)


@click.command()
@pair_arguments
@db_option
@reason_option("Why they differ (recorded).")
def distinguish(a, b, db, reason) -> None:
    """Keep two names apart for good: the analyst says they are different actors.

    \b
    Example:
      actorgraph distinguish "Ilham Aliyev" "Heydar Aliyev"
    """
    store = open_store(db, write=True)
    _judge(store, "different", find_entity(store, a).name, b, None, reason)


@click.command()
@entity_argument
@click.argument("name")
@db_option
@reason_option("Why this name is another actor (recorded).")
def split(entity, name, db, reason) -> None:
    """Split off the mentions named NAME from ENTITY into an entity of their own.

    \b
    Example:
      actorgraph split "Qassem Soleimani" "Qassem" --reason "that is Naim Qassem"
    """
    store = open_store(db, write=True)
    e = find_entity(store, entity)
    if name not in {n for n, _ in e.names}:
        raise click.ClickException(f"{e.name!r} has no name {name!r}")
    _judge(store, "split", e.name, name, None, reason)


@click.command()
@entity_argument
@click.argument("new_name")
@db_option
@reason_option("Why (recorded).")
def rename(entity, new_name, db, reason) -> None:
    """Give an entity the name the analyst prefers (its id stays the same).

    \b
    Example:
      actorgraph rename "Huseyniyyun" "Husseiniyyun"
    """
    store = open_store(db, write=True)
    e = find_entity(store, entity)
    _judge(store, "rename", e.name, None, new_name, reason)


@click.command("judgements")
@db_option
@click.option("--all", "show_all", is_flag=True, help="Also show undone judgements.")
def judgements_cmd(db, show_all) -> None:
    """List the analyst's judgements: who, when, what and why.

    \b
    Example:
      actorgraph judgements --all
    """
    from actorgraph.store import judgements as log

    for j in log.judgements(open_store(db), include_undone=show_all):
        what = {"rename": f"{j.a} -> {j.value}"}.get(j.action, f"{j.a} | {j.b}")
        flag = " (undone)" if j.undone else ""
        why = f" — {j.reason}" if j.reason else ""
        click.echo(f"{j.id:4d}  {j.created_at}  {j.author:10s} {j.action:9s} {what}{why}{flag}")


@click.command()
@click.argument("judgement_id", type=int)
@db_option
def undo(judgement_id, db) -> None:
    """Undo a judgement (it stays in the log, marked undone) and re-resolve.

    \b
    Example:
      actorgraph undo 3
    """
    from actorgraph.store import judgements as log

    store = open_store(db, write=True)
    recorded = log.undo_change(store, judgement_id)
    if recorded is None:
        click.echo(f"no live judgement {judgement_id}", err=True)
        sys.exit(1)
    refresh_judged(store, [recorded])
    click.echo(f"judgement {judgement_id} undone; entities re-resolved")


@click.command("resolve")
@db_option
def resolve_cmd(db) -> None:
    """Re-resolve every entity and rebuild the facts and contradictions from what is stored.

    Ingest and every judgement do this by themselves; run it by hand after a run was
    interrupted (the store then says it is stale) or to check a store.

    \b
    Example:
      actorgraph resolve --db sqlite:///case.db
    """
    store = open_store(db, write=True)
    summary = refresh(store)
    click.echo(f"{summary.entities} entities from {summary.groups} name groups; "
               f"{summary.review} pairs to review")
