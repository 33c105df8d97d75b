"""Commands for information campaigns in exported channel histories: `channels`,
`coordination`, `narratives` read export files directly (nothing is stored) and report
as text or JSON; `campaign generate` writes synthetic exports with their ground truth."""
from __future__ import annotations

import json
import re

import click

from actorgraph.cli.options import db_option, open_store

paths_argument = click.argument("paths", nargs=-1, required=True, type=click.Path())
json_option = click.option("--json", "as_json", is_flag=True,
                           help="Print the full JSON report instead of the summary.")
output_option = click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
                             help="Also write the full JSON report here.")


def _read(paths):
    from actorgraph.campaign.importers import read_exports
    from actorgraph.campaign.records import ExportError

    try:
        return read_exports(paths)
    except ExportError as err:
        raise click.ClickException(str(err)) from None


def _emit(report: dict, as_json: bool, output: str | None) -> None:
    text = json.dumps(report, ensure_ascii=False, indent=1)
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
    if as_json:
        click.echo(text)


def parse_window(value: str | None) -> int | None:
    """'60', '60s', '2m', '1h' → seconds; 'auto' → None (estimated from the data)."""
    if value is None or value.lower() == "auto":
        return None
    m = re.fullmatch(r"\s*(\d+)\s*([smh]?)\s*", value.lower())
    if not m:
        raise click.BadParameter(f"{value!r}: write seconds (60, 60s), minutes (2m), hours "
                                 "(1h) or auto")
    return int(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[m.group(2)]


@click.group("campaign")
def campaign() -> None:
    """Synthetic channel exports for trying and testing the campaign commands.

    \b
    Example:
      actorgraph campaign generate demo-campaign --seed 7 --posts 3000
    """


@campaign.command("generate")
@click.argument("out", type=click.Path(file_okay=False))
@click.option("--seed", default=1, show_default=True, help="Random seed (same seed, same files).")
@click.option("--posts", default=3000, show_default=True, help="About how many posts.")
def generate(out, seed, posts) -> None:
    """Write synthetic Telegram Desktop exports to OUT/exports and their ground truth
    (planted clusters, decoys, narratives, spike day) to OUT/truth.json.

    \b
    Example:
      actorgraph campaign generate demo-campaign --seed 7
      actorgraph coordination demo-campaign/exports
    """
    from actorgraph.campaign.synthetic_export import generate as run

    truth = run(out, seed=seed, posts=posts)
    click.echo(f"{len(truth['posts'])} posts in {len(truth['channels'])} channels "
               f"({truth['messages']} messages) under {out}/exports; truth in {out}/truth.json",
               err=True)


@click.command("channels")
@paths_argument
@json_option
@output_option
@click.option("--record", is_flag=True,
              help="Also store the channels and who runs them (operates_channel links with "
                   "evidence) in the store of --db; see `actorgraph operators`.")
@db_option
def channels(paths, as_json, output, record, db) -> None:
    """List the channels in exports (files or folders): posts, time span, forwards.

    Reads Telegram Desktop JSON (one chat or a whole account), Telethon message dicts
    (JSON or JSON lines) and plain post tables (CSV or JSON lines; docs/formats.md).

    \b
    Example:
      actorgraph channels exports/ --json
    """
    from actorgraph.campaign import operators as op
    from actorgraph.campaign.report import channels_report

    corpus = _read(paths)
    report = channels_report(corpus)
    report["operators"] = [x.as_dict() for x in op.link(corpus)]
    if record:
        from actorgraph.campaign.channel_store import record as record_channels

        done = record_channels(open_store(db, write=True), corpus)
        click.echo(f"stored {done.channels} channels ({done.name_only} name-only) and "
                   f"{done.links} operator links", err=True)
    if not as_json:
        click.echo(f"{report['input']['messages']} messages, {report['input']['posts']} posts "
                   f"in {len(report['channels'])} channels")
        for c in report["channels"]:
            click.echo(f"  {c['id']:>14}  {c['posts']:6d} posts  {c['first_utc'] or '-':20s}  "
                       f"{c['forwards']:5d} forwards  {c['name']}")
        for name, n in report["unresolved_forward_names"].items():
            click.echo(f"  forwarded from an unknown channel: {name!r} ({n} posts)")
        names = {f"{c['platform']}:{c['id']}": c["name"] for c in report["channels"]}
        for x in report["operators"]:
            click.echo(f"  run by {x['actor']}? {names.get(x['channel'], x['channel'])}: "
                       f"{x['rule']} {x['confidence']:.2f} ({x['detail']})")
    _emit(report, as_json, output)


@click.command("coordination")
@paths_argument
@click.option("--window", default="60s", show_default=True,
              callback=lambda ctx, param, value: parse_window(value),
              help="Δt: seconds (60, 60s), minutes (2m), hours (1h), or auto (CooRnet's "
                   "estimate from the data). Posts exactly Δt apart count.")
@click.option("--min-repetitions", default=2, show_default=True, type=click.IntRange(min=1),
              help="Distinct objects two accounts must share to be linked.")
@click.option("--min-share", default=0.05, show_default=True, type=click.FloatRange(0, None),
              help="Edge weight as a share of the busier account's posts (0: off).")
@click.option("--percentile", default=0.0, show_default=True, type=click.FloatRange(0, 1),
              help="Keep edges at or above this percentile of weights (0.5 CooRTweet, "
                   "0.9 CooRnet; 0: off).")
@click.option("--rules", default=None,
              help="Comma-separated detectors (default all): co-forward, co-link, "
                   "identical-text, near-duplicate-text, same-media.")
@click.option("--similarity", default=0.8, show_default=True, type=click.FloatRange(0.1, 0.99),
              help="Jaccard threshold of near-duplicate text.")
@click.option("--method", type=click.Choice(["components", "louvain"]), default="components",
              show_default=True, help="How clusters are read off the network.")
@click.option("--graph", "graph_path", type=click.Path(dir_okay=False, writable=True),
              help="Write the network for Gephi: .graphml or .gexf.")
@json_option
@output_option
def coordination(paths, window, min_repetitions, min_share, percentile, rules, similarity,
                 method, graph_path, as_json, output) -> None:
    """Find accounts that share the same objects within Δt, repeatedly, and cluster them.

    Every edge in the JSON report lists the post pairs behind it (post ids, UTC times,
    rule). Coordination is not inauthenticity: the report is evidence to judge.

    \b
    Example:
      actorgraph coordination exports/ --window 60s -o coordination.json
      actorgraph coordination exports/ --window auto --rules co-link,co-forward
    """
    from actorgraph.campaign import coordination as co
    from actorgraph.campaign.graph import write as write_graph

    chosen = tuple(r.strip() for r in rules.split(",")) if rules else tuple(co.RULES)
    unknown = [r for r in chosen if r not in co.RULES]
    if unknown:
        raise click.BadParameter(f"unknown rule(s) {', '.join(unknown)}; known: "
                                 f"{', '.join(co.RULES)}", param_hint="--rules")
    corpus = _read(paths)
    settings = co.Settings(window=window, min_repetitions=min_repetitions,
                           min_share=min_share, percentile=percentile, rules=chosen,
                           similarity=similarity, method=method)
    result = co.run(corpus.posts, settings)
    report = co.report(corpus, result)
    if graph_path:
        fmt = "gexf" if graph_path.lower().endswith(".gexf") else "graphml"
        with open(graph_path, "wb") as fh:
            fh.write(write_graph(result, corpus.channels, fmt))
    if not as_json:
        _summary(report)
    _emit(report, as_json, output)


def _summary(report: dict) -> None:
    s = report["settings"]
    click.echo(f"window {s['window_seconds']} s{' (estimated)' if s['window_estimated'] else ''}"
               f", min repetitions {s['min_repetitions']}, min share {s['min_share']}, "
               f"percentile {s['percentile']}")
    click.echo("pairs: " + ", ".join(f"{r} {n}" for r, n in report["pairs"].items()))
    click.echo(f"edges: {report['edges']['kept']} kept of {report['edges']['all']}; "
               f"{len(report['clusters'])} clusters")
    for c in report["clusters"]:
        names = ", ".join(m["name"] for m in c["members"])
        click.echo(f"  {c['id']}: {len(c['members'])} accounts, {c['posts']} posts: {names}")
        by_id = {m["id"]: m["name"] for m in c["members"]}
        click.echo("      first movers: " + ", ".join(by_id[m] for m in c["first_movers"]))


@click.command("narratives")
@paths_argument
@click.option("--narratives", "definitions", required=True, type=click.Path(exists=True),
              help="The analyst's narratives file (YAML; see examples/campaign/narratives.yaml).")
@json_option
@output_option
def narratives(paths, definitions, as_json, output) -> None:
    """Label posts with analyst-defined narratives and count them per day: peak, bursts,
    originating channels. Each label cites its post and its rule.

    \b
    Example:
      actorgraph narratives exports/ --narratives examples/campaign/narratives.yaml
    """
    from actorgraph.campaign import narratives as nv
    from actorgraph.campaign.records import ExportError

    try:
        defs = nv.load(definitions)
    except ExportError as err:
        raise click.ClickException(str(err)) from None
    corpus = _read(paths)
    labels = nv.assign(corpus.posts, defs)
    rows = nv.series(corpus.posts, labels, defs)
    report = {"input": {"files": corpus.files, "posts": len(corpus.posts)},
              "narratives": rows, "labels": nv.evidence(labels, corpus.posts)}
    if not as_json:
        for r in rows:
            click.echo(f"{r['id']:24s} {r['posts']:6d} posts  peak {r['peak']}  bursts: "
                       f"{', '.join(r['bursts']) or '-'}")
    _emit(report, as_json, output)


COMMANDS = (campaign, channels, coordination, narratives)
