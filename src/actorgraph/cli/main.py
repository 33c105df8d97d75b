"""The `actorgraph` command line: thin wrappers over the library."""
from __future__ import annotations

import sys
from collections import Counter

import click

from actorgraph.cli import (
    access,
    analysis,
    campaign,
    evaluation,
    exchange,
    facts,
    maintenance,
    operators,
    resolution,
    web,
)
from actorgraph.cli.options import (
    db_option,
    open_store,
)
from actorgraph.extract import registry
from actorgraph.model import TLP_LEVELS, DocumentMeta, tlp_level


def _iso(value: str | None) -> str | None:
    from actorgraph.ingest.meta import iso_date  # loads the HTML and PDF readers

    try:
        return None if value is None else iso_date(value)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


def _tlp(value: str | None) -> str | None:
    try:
        return None if value is None else tlp_level(value)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="actorgraph")
def cli() -> None:
    """Turn reports on armed groups into a sourced knowledge graph.

    \b
    Example:
      actorgraph ingest reports/ --db sqlite:///case.db
      actorgraph entities --type person --db sqlite:///case.db
      actorgraph export --format json --db sqlite:///case.db > case.json
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--title", help="Title, when neither a sidecar nor the page gives one.")
@click.option("--publisher", help="Publisher, when neither a sidecar nor the page gives one.")
@click.option("--author", help="Author, when neither a sidecar nor the page gives one.")
@click.option("--published", callback=lambda ctx, param, value: _iso(value),
              help="Publication date (ISO: 2023, 2023-12, 2023-12-15).")
@click.option("--url", "url_", help="The document's URL, for files saved from the web.")
@click.option("--language", help="Language code, e.g. en.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar on stderr, and one per long report as its pieces "
                   "are read (default: only on a terminal).")
@click.option("--extractor", type=click.Choice(registry.names()), default=registry.DEFAULT,
              show_default=True, help="Which extractor reads the texts.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes that load and extract (one per core; the store is "
                   "written in input order, so the result is the same with any number); "
                   "with --engine ray, Ray tasks at once.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local",
              show_default=True, help="Where documents are loaded and extracted: here, or "
              "as Ray Data tasks on a Ray cluster (needs: pip install 'actorgraph[ray]').")
@click.option("--address", default=None, metavar="ADDRESS",
              help="With --engine ray: the Ray cluster to join (auto, HOST:PORT, "
                   "ray://HOST:10001); default: a local Ray of --workers CPUs.")
@click.option("--tlp", callback=lambda ctx, param, value: _tlp(value),
              help="TLP marking (CLEAR, GREEN, AMBER, RED), when no sidecar gives one; "
                   "readers of a team server see only what their clearance covers.")
def ingest(paths, db, title, publisher, author, published, url_, language, progress,
           extractor, workers, engine, address, tlp) -> None:
    """Ingest files, folders and web pages (.txt .md .html .pdf, http(s) URLs), and
    channel exports (Telegram Desktop or Telethon JSON, post tables): one document per post.

    Metadata comes from a NAME.meta.json sidecar beside each file, else from the
    page's HTML metadata, else from these flags. The same content is stored once;
    a changed file gets a new version. Bad files are reported and skipped; a report
    the extractor fails on is stored marked "extraction failed" (see `stats`) and is
    extracted again when ingested again. The exit code is 1 if any failed.

    \b
    Example:
      actorgraph ingest reports/ https://example.org/analysis.html --db sqlite:///case.db
      actorgraph ingest reports/ --workers 2 --db postgresql+psycopg://team@db/case
      actorgraph ingest /shared/reports --engine ray --address auto --workers 16 \\
          --db postgresql+psycopg://team@db/case
    """
    import logging

    from actorgraph.campaign.documents import exports_in
    from actorgraph.distributed import RayEngineError
    from actorgraph.ingest import iter_sources
    from actorgraph.workflow import ingest as run_ingest

    if address is not None and engine != "ray":
        raise click.BadParameter("only with --engine ray", param_hint="--address")
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged PDFs are reported by name below
    store = open_store(db, write=True)
    overrides = DocumentMeta(title=title, publisher=publisher, author=author,
                             published=published, url=url_, language=language, tlp=tlp)
    sources = list(dict.fromkeys([*iter_sources(list(paths)), *exports_in(list(paths))]))
    show = sys.stderr.isatty() if progress is None else progress
    options = {"extractor": extractor, "workers": workers, "engine": engine,
               "address": address}
    try:
        if show:
            from actorgraph.cli.progress import PieceBar

            with click.progressbar(length=len(sources), label="Ingesting",
                                   file=sys.stderr) as bar:
                report = run_ingest(sources, store, overrides,
                                    progress=lambda s: bar.update(1), on_piece=PieceBar(),
                                    **options)
        else:
            report = run_ingest(sources, store, overrides, **options)
    except RayEngineError as err:
        raise click.ClickException(str(err)) from None
    for source, warning in report.warnings:
        click.echo(f"warning: {source}: {warning}", err=True)
    for source, reason in report.failed:
        click.echo(f"error: {source}: {reason}", err=True)
    click.echo(f"{len(report.added)} added, {len(report.versions)} new versions, "
               f"{len(report.unchanged)} unchanged, {len(report.failed)} failed"
               + (f", {len(report.repaired)} re-extracted" if report.repaired else ""),
               err=True)
    sys.exit(0 if report.ok else 1)


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["json", "stix", "ftm", "graphml", "gexf",
                                                    "csv"]), default="json", show_default=True,
              help="json: the ontology; stix: a STIX 2.1 bundle; ftm: FollowTheMoney entities "
                   "(JSON lines); graphml, gexf: for Gephi; csv: four tables into -o DIR.")
@click.option("-o", "--output", type=click.Path(writable=True), default=None,
              help="Write here instead of standard output (for csv: a directory).")
@click.option("--entity", default=None, help="Only this entity's neighbourhood (id or name).")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(min=0),
              help="With --entity: how many relation or event hops from it.")
@click.option("--clearance", type=click.Choice(TLP_LEVELS, case_sensitive=False),
              default=None, help="Only what a reader cleared for this TLP level may see "
              "(facts with their visible evidence only). Default: everything.")
def export(db, fmt, output, entity, depth, clearance) -> None:
    """Export the graph: the ontology's JSON (stable ids, byte-for-byte), STIX 2.1,
    FollowTheMoney, GraphML, GEXF or CSV (see docs/formats.md).

    \b
    Example:
      actorgraph export --format json --db sqlite:///case.db -o case.json
      actorgraph export --format stix --entity Husseiniyyun --depth 2 -o husseiniyyun.json
      actorgraph export --format csv -o tables/
      actorgraph export --format stix --clearance GREEN -o shareable.json
    """
    exchange.run_export(open_store(db), fmt, output, entity, depth,
                        clearance.upper() if clearance else None)


@cli.command()
@db_option
def stats(db) -> None:
    """Count documents, sentences, mentions and entities in the store.

    \b
    Example:
      actorgraph stats --db sqlite:///case.db
    """
    for key, value in open_store(db).stats().items():
        click.echo(f"{key:20s} {value}")


@cli.command()
@db_option
@click.option("--type", "etype", type=click.Choice(
    ["person", "organization", "country", "place", "channel"]), help="Only this type.")
@click.option("--search", help="Only entities with a name containing this text (any spelling).")
def entities(db, etype, search) -> None:
    """List entities with their type and every name they were seen under.

    \b
    Example:
      actorgraph entities --type organization --search hezbollah
    """
    store = open_store(db)
    counts = store.mention_counts()
    for e in store.entities(type=etype, search=search):
        kind = f"/{e.kind}" if e.kind else ""
        aliases = sorted({n for n, _ in e.names if n != e.name})
        line = f"{e.id}  {e.type}{kind:14s}  {e.name}  ({counts.get(e.id, 0)} mentions)"
        if aliases:
            line += "  aka " + "; ".join(aliases)
        click.echo(line)


@cli.command()
@db_option
@click.option("--top", default=15, show_default=True, help="How many entities to show.")
def summary(db, top) -> None:
    """Summarise the store: its documents and its most-mentioned entities with aliases.

    \b
    Example:
      actorgraph summary --db sqlite:///demo.db
    """
    store = open_store(db)
    docs = store.documents()
    click.echo(f"{len(docs)} documents")
    for d in docs:
        click.echo(f"  {d['published'] or '?':10s}  {d['publisher'] or '?'}: "
                   f"{d['title'] or d['source']}")
    counts = store.mention_counts()
    ents = sorted(store.entities(), key=lambda e: (-counts.get(e.id, 0), e.name))
    by_type = Counter(e.type for e in ents)
    click.echo(f"\n{len(ents)} entities: " + ", ".join(f"{n} {t}" for t, n in
                                                       sorted(by_type.items())))
    click.echo(f"\nMost mentioned (top {top}):")
    for e in ents[:top]:
        aliases = sorted({n for n, _ in e.names if n != e.name})
        kind = f", {e.kind}" if e.kind else ""
        line = f"  {counts.get(e.id, 0):4d}  {e.name} ({e.type}{kind})"
        if aliases:
            line += " — also: " + "; ".join(aliases)
        click.echo(line)


for command in (analysis.contradictions, analysis.source, analysis.changes, analysis.profile,
                evaluation.eval_command, exchange.import_, facts.facts, facts.timeline,
                resolution.entity_cmd, resolution.review, resolution.merge,
                resolution.distinguish, resolution.split, resolution.rename,
                resolution.judgements_cmd, resolution.undo, resolution.resolve_cmd, web.serve,
                *campaign.COMMANDS, operators.operators, access.users, maintenance.migrate,
                maintenance.backup, maintenance.restore):
    cli.add_command(command)
analysis.source.add_command(access.source_tlp)
