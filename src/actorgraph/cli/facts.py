"""CLI commands that show facts with their evidence: `facts ENTITY` and `timeline`."""
from __future__ import annotations

from typing import TYPE_CHECKING

import click

from actorgraph.cli.options import (
    db_option,
    entity_argument,
    entity_or_none,
    find_entity,
    open_store,
    optional_entity_argument,
)

if TYPE_CHECKING:
    from actorgraph.store.facts import FactRow
    from actorgraph.store.store import Store


class Names:
    """Names, documents and claims of the store, to print facts and their evidence."""

    def __init__(self, store: Store) -> None:
        from actorgraph.store.facts import read_claims

        self.store = store
        self.names = {e.id: e.name for e in store.entities()}
        self.docs = {d["id"]: d for d in store.documents()}
        self.claims = {c.id: c for c in read_claims(store)}
        self.texts: dict[str, str] = {}

    def name(self, eid: str | None) -> str:
        return self.names.get(eid or "", eid or "?")

    def evidence(self, claim_id: str) -> str:
        c = self.claims.get(claim_id)
        if c is None:
            return "?"
        if c.doc_id not in self.texts:
            self.texts[c.doc_id] = self.store.document_text(c.doc_id) or ""
        doc = self.docs.get(c.doc_id, {})
        source = doc.get("publisher") or doc.get("source") or c.doc_id
        who = {None: "", "anonymous": " — anonymous source"}.get(
            c.attributed_to, f" — according to {self.name(c.attributed_to)}")
        sentence = " ".join(self.texts[c.doc_id][c.start:c.end].split())
        return f'"{sentence}" [{source}, {doc.get("published") or "n.d."}; {c.modality}{who}]'


def describe(f: FactRow, n: Names) -> str:
    """One line saying what a fact states, with entities by name."""
    d = f.data
    if f.kind == "relation":
        support = f" ({', '.join(d['support'])})" if d.get("support") else ""
        return f"{n.name(d['subject'])} {d['predicate']} {n.name(d['object'])}{support}"
    if f.kind == "event":
        who = ", ".join(n.name(a) for a in d["actors"]) or "?"
        whom = ", ".join(n.name(t) for t in d["targets"])
        where = f" in {n.name(d['location'])}" if d.get("location") else ""
        mode = f"/{d['mode']}" if d.get("mode") else ""
        return f"{d.get('date') or 'undated'}  {d['type']}{mode}: {who}" + (
            f" -> {whom}" if whom else "") + where
    if f.kind == "founding":
        return f"{n.name(d['subject'])} founded {d['date']}"
    qual = f"{d['qualifier']} " if d.get("qualifier") else ""
    return f"{n.name(d.get('subject'))}: {qual}{d['value']:g} {d['unit']}"


@click.command()
@entity_argument
@db_option
def facts(entity, db) -> None:
    """Print an entity's relations, events and quantities, each with its evidence
    sentence, its source and who says it.

    \b
    Example:
      actorgraph facts Husseiniyyun --db sqlite:///case.db
    """
    store = open_store(db)
    e = find_entity(store, entity)
    from actorgraph.facts.grading import Grader
    from actorgraph.store.facts import read_facts

    n = Names(store)
    grader = Grader(store)
    click.echo(f"{e.name} ({e.type})")
    found = read_facts(store, entity_id=e.id)
    for kind, title in (("founding", "Founded"), ("relation", "Relations"), ("event", "Events"),
                        ("quantity", "Figures")):
        rows = [f for f in found if f.kind == kind]
        if kind == "event":
            rows.sort(key=lambda f: (f.data.get("date") or "9999", f.id))
        if not rows:
            continue
        click.echo(f"\n{title}:")
        for f in rows:
            a = grader(f)
            click.echo(f"  {describe(f, n)}   [{a.grade}: {a.meaning}; "
                       f"{len(a.sources)} independent source{'s' if len(a.sources) != 1 else ''}"
                       f"{'; interested party' if a.interested else ''}]")
            for cid in f.claims:
                click.echo(f"      {n.evidence(cid)}")


@click.command()
@optional_entity_argument
@db_option
@click.option("--undated/--no-undated", default=False, help="Also list events without a date.")
def timeline(entity, db, undated) -> None:
    """Print dated events in order (of one entity, if given), with their sources.

    \b
    Example:
      actorgraph timeline "Kata'ib Hezbollah" --db sqlite:///case.db
    """
    from actorgraph.store.facts import read_facts

    store = open_store(db)
    e = entity_or_none(store, entity)
    eid = e.id if e else None
    n = Names(store)
    events = [f for f in read_facts(store, kind="event", entity_id=eid)
              if undated or f.data.get("date")]
    for f in sorted(events, key=lambda f: (f.data.get("date") or "9999", f.id)):
        click.echo(describe(f, n))
        for cid in f.claims:
            click.echo(f"    {n.evidence(cid)}")
