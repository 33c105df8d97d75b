"""CLI command `eval`: score an export against a hand annotation of the same documents."""
from __future__ import annotations

import click


@click.command("eval")
@click.argument("export", type=click.File("r", encoding="utf-8"))
@click.argument("gold", type=click.File("r", encoding="utf-8"))
@click.option("--corpus", type=click.Path(exists=True, file_okay=False), metavar="DIR",
              help="Folder holding the annotated documents: also check that every "
                   "claim's text is quoted verbatim from its document.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, writable=True),
              metavar="OUT", help="Also write every figure and every miss here as JSON.")
def eval_command(export, gold, corpus, json_out) -> None:
    """Score an export (EXPORT, or - for standard input) against a gold annotation (GOLD).

    GOLD is written in the format of the project's dev set gold: entities with
    their names, relations, events, quantities and contradictions. The figures
    (precision, recall, F1 and others, one a line) follow the matching rules of
    the reference scorer and equal its figures. --json also lists the misses:
    gold facts not found, and exported facts that match no gold.

    \b
    Example:
      actorgraph export --db sqlite:///case.db -o case.json
      actorgraph eval case.json gold.json --corpus reports/ --json case-score.json
    """
    from actorgraph.evaluation import InputError, evaluate, read_json

    try:
        report = evaluate(read_json(export), read_json(gold), corpus)
    except InputError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(report.table(), nl=False)
    if json_out:
        with open(json_out, "w", encoding="utf-8") as fh:
            fh.write(report.to_json())
