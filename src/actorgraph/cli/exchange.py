"""Exchange with other tools: `import BUNDLE.json` (STIX 2.1) and the work behind
`export --format stix|ftm|graphml|gexf|csv` (see docs/formats.md)."""
from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

import click

from actorgraph.cli.options import (
    db_option,
    find_entity,
    open_store,
)

if TYPE_CHECKING:
    from actorgraph.store.store import Store


def _write(text: str, output: str | None) -> None:
    _stream(lambda out: out.write(text), output)


class _Echo(io.StringIO):
    """Text gathered and echoed to stdout a megabyte at a time."""

    def write(self, text: str) -> int:
        n = super().write(text)
        if self.tell() >= 1 << 20:
            self.flush()
        return n

    def flush(self) -> None:
        click.echo(self.getvalue(), nl=False)
        self.seek(0)
        self.truncate()


def _stream(write: Callable[[TextIO], object], output: str | None) -> None:
    """Run `write` on the file `output`, or on stdout."""
    if output:
        if os.path.isdir(output):
            raise click.UsageError(f"{output} is a directory; give a file name")
        with open(output, "w", encoding="utf-8") as fh:
            write(fh)
    else:
        out = _Echo()
        write(out)
        out.flush()


def run_export(store: Store, fmt: str, output: str | None, entity: str | None,
               depth: int, clearance: str | None = None) -> None:
    """Write the store (or an entity's neighbourhood) in `fmt` to `output` or stdout; with
    a `clearance`, only what a user cleared for that TLP level may see."""
    from actorgraph.export import graph, json_export, neighbourhood, snapshot
    from actorgraph.store.tlp import Scope, source_markings

    with store.engine.connect() as conn:
        scope = Scope.of(source_markings(conn), clearance)
    start = None
    if entity:
        found = store.entities(search=None, scope=scope) if not scope.everything else None
        start = find_entity(store, entity, click.UsageError).id
        if found is not None and start not in {e.id for e in found}:
            raise click.UsageError(f"no entity named {entity!r}")
    if fmt == "json":
        if start is None:
            return _stream(lambda out: json_export.write(store, out, scope), output)
        snap = snapshot.load(store, scope)
        data = neighbourhood.limit_ontology(json_export.build(store, scope), start, depth,
                                            snap.named)
        return _write(json.dumps(data, ensure_ascii=False, indent=1) + "\n", output)
    if fmt == "csv" and not output:
        raise click.UsageError("--format csv writes four files: give a directory with -o DIR")
    if fmt == "csv" and output and start is None:
        for path in graph.stream_csv(store, output, scope):
            click.echo(f"wrote {path}", err=True)
        return None
    if fmt == "stix" and start is None:
        from actorgraph.export import stix_stream
        return _stream(lambda out: stix_stream.write(store, out, scope), output)
    if fmt == "ftm" and start is None:
        from actorgraph.export import ftm
        return _stream(lambda out: ftm.write(store, out, scope), output)
    if fmt in ("graphml", "gexf") and start is None:
        from actorgraph.export import graph_stream
        write = graph_stream.write_graphml if fmt == "graphml" else graph_stream.write_gexf
        return _stream(lambda out: write(store, out, scope), output)
    snap = snapshot.load(store, scope)
    if start is not None:
        snap = neighbourhood.limit(snap, start, depth)
    if fmt == "csv" and output:
        for path in graph.write_csv(snap, output):
            click.echo(f"wrote {path}", err=True)
        return None
    if fmt == "stix":
        from actorgraph.export import stix
        return _write(stix.dumps(snap), output)
    if fmt == "ftm":
        from actorgraph.export import ftm
        return _write(ftm.dumps(snap), output)
    return _write(graph.graphml(snap) if fmt == "graphml" else graph.gexf(snap), output)


@click.command("import")
@click.argument("bundle", type=click.Path(exists=True, dir_okay=False))
@db_option
def import_(bundle, db) -> None:
    """Import a STIX 2.1 bundle (e.g. exported by OpenCTI, or by `export --format stix`).

    Threat actors, intrusion sets, identities, locations and user accounts become
    entities; relationships, our events and claim notes become claims of one
    document, marked imported, whose text renders the bundle; then entities are
    re-resolved. Importing the same bundle again changes nothing.

    \b
    Example:
      actorgraph import case.stix.json --db sqlite:///case.db
    """
    from actorgraph.imports.stix import BundleError
    from actorgraph.workflow import import_stix

    try:
        report = import_stix(open_store(db, write=True), bundle)
    except BundleError as err:
        click.echo(f"error: {bundle}: {err}", err=True)
        sys.exit(1)
    click.echo(f"{report.source}: {report.status} as {report.doc_id}; {report.actors} actors and "
               f"places, {report.relations} relationships, {report.events} events, "
               f"{report.claims} claims", err=True)
