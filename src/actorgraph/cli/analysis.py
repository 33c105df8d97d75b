"""CLI commands for weighing sources: contradictions, source grades, what changed, profiles."""
from __future__ import annotations

import click

from actorgraph.cli.facts import Names, describe
from actorgraph.cli.options import (
    db_option,
    entity_argument,
    entity_or_none,
    find_entity,
    open_store,
    optional_entity_argument,
    reason_option,
)


@click.command()
@optional_entity_argument
@db_option
def contradictions(entity, db) -> None:
    """List claims that cannot all hold (of one entity, if given), with what differs.

    \b
    Example:
      actorgraph contradictions Husseiniyyun --db sqlite:///case.db
    """
    from actorgraph.store.facts import read_claims, read_contradictions

    store = open_store(db)
    e = entity_or_none(store, entity)
    claims = {c.id: c for c in read_claims(store)}
    docs = {d["id"]: d for d in store.documents()}
    texts: dict[str, str] = {}
    found = read_contradictions(store, entity_id=e.id if e else None)
    if not found:
        click.echo("no contradictions found")
    for c in found:
        click.echo(f"{c['id']}  [{c['kind']}] {c['summary']}")
        for cid in c["claims"]:
            claim = claims.get(cid)
            if claim is None:
                continue
            text = texts.setdefault(claim.doc_id, store.document_text(claim.doc_id) or "")
            doc = docs.get(claim.doc_id, {})
            sentence = " ".join(text[claim.start:claim.end].split())
            click.echo(f'    "{sentence}" [{doc.get("publisher") or doc.get("source")}, '
                       f'{doc.get("published") or "n.d."}; {claim.modality}]')


@click.group()
def source() -> None:
    """Grade sources on the NATO/Admiralty scale (reliability A-F).

    \b
    Example:
      actorgraph source grade "Middle East Institute" B
      actorgraph source list
    """


@source.command("grade")
@click.argument("name")
@click.argument("reliability", type=click.Choice(list("ABCDEFabcdef")))
@db_option
@reason_option("Why (recorded).")
@click.option("--new", is_flag=True,
              help="Grade a publisher or author that no stored document has yet.")
def source_grade(name, reliability, db, reason, new) -> None:
    """Set the reliability (A-F) of a publisher or author; the newest grade wins.

    A name no stored document has is refused (a typo would become a phantom source),
    unless --new says it is meant.

    \b
    Example:
      actorgraph source grade "Middle East Institute" B --reason "established research institute"
    """
    from difflib import get_close_matches

    from actorgraph.store.grades import set_grade

    store = open_store(db, write=True)
    known = sorted({n for d in store.documents() for n in (d.get("publisher"), d.get("author"))
                    if n})
    if name not in known and not new:
        close = get_close_matches(name, known, n=3)
        hint = f" Did you mean: {'; '.join(close)}?" if close else ""
        raise click.ClickException(
            f"no stored document has the publisher or author {name!r}.{hint} "
            "To grade it before any of its documents is ingested, add --new.")
    set_grade(store, name, reliability, reason)
    note = "" if name in known else " (no stored document has this publisher or author yet)"
    click.echo(f"{name}: {reliability.upper()}{note}")


@source.command("list")
@db_option
def source_list(db) -> None:
    """List publishers and authors with their grades and document counts.

    \b
    Example:
      actorgraph source list
    """
    from actorgraph.store.grades import RELIABILITY, grades

    store = open_store(db)
    graded = grades(store)
    counts: dict[str, int] = {}
    for d in store.documents():
        for name in {d.get("publisher") or "", d.get("author") or ""} - {""}:
            counts[name] = counts.get(name, 0) + 1
    for name in sorted(set(counts) | set(graded)):
        g = graded.get(name, "F")
        click.echo(f"{g}  {RELIABILITY[g]:22s} {counts.get(name, 0):3d} docs  {name}")


@click.command()
@optional_entity_argument
@click.option("--since", required=True, help="ISO date or time: show what was added since.")
@db_option
def changes(entity, since, db) -> None:
    """What the reports ingested since a date add: claims, relations, events, contradictions.

    \b
    Example:
      actorgraph changes Husseiniyyun --since 2024-01-01
    """
    from actorgraph.store.facts import read_claims, read_contradictions, read_facts

    store = open_store(db)
    e = entity_or_none(store, entity)
    n = Names(store)
    facts = read_facts(store, entity_id=e.id if e else None)
    new = [f for f in facts if f.first_seen >= since]
    for kind, title in (("relation", "New relations"), ("event", "New events"),
                        ("quantity", "New figures")):
        rows = [f for f in new if f.kind == kind]
        if rows:
            click.echo(f"{title}:")
            for f in rows:
                click.echo(f"  {describe(f, n)}")
    mine = {c for f in facts for c in f.claims}
    claims = [c for c in read_claims(store) if c.ingested_at >= since and (not e or c.id in mine)]
    old_facts = [f for f in facts if f.first_seen < since]
    added = [f for f in old_facts if any(c.id in f.claims for c in claims)]
    if added:
        click.echo("New claims on known facts:")
        for f in added:
            click.echo(f"  {describe(f, n)}")
            for c in f.claims:
                if any(c == x.id for x in claims):
                    click.echo(f"      {n.evidence(c)}")
    cons = [c for c in read_contradictions(store, entity_id=e.id if e else None)
            if c["first_seen"] >= since]
    if cons:
        click.echo("New contradictions:")
        for con in cons:
            click.echo(f"  {con['summary']}")
    if not (new or added or cons):
        click.echo(f"nothing new since {since}")


@click.command()
@entity_argument
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
@db_option
def profile(entity, fmt, output, db) -> None:
    """Write a sourced dossier on an entity (the one the web's profile page shows):
    names, founding, leadership, sponsors and allies, where it is based and active,
    rivals and targets, size estimates, dated activities, contradictions and open
    questions, sources — every line numbered to the claims it rests on, every note
    quoting its sentence.

    \b
    Example:
      actorgraph profile Husseiniyyun --format html -o husseiniyyun.html
    """
    from actorgraph.profile import dossier, render
    from actorgraph.store.reader import Reader

    store = open_store(db)
    d = dossier.build(Reader(store), find_entity(store, entity))
    text = render.html(d) if fmt == "html" else render.markdown(d)
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
        click.echo(f"wrote {output}")
    else:
        click.echo(text, nl=False)
