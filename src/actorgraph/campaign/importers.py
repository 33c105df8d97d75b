"""Every export read into one list of posts and one registry of channels: the format is
recognised from the content (Telegram Desktop JSON of either shape, Telethon dicts as
JSON or JSON lines, a plain table of posts as CSV or JSON lines); a folder is walked for
`*.json`, `*.jsonl`, `*.ndjson` and `*.csv`. Forwarded-from names are resolved to
channels through the registry of channels seen."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from actorgraph.campaign import registry, tabular, telegram_desktop, telethon
from actorgraph.campaign.records import Channel, ExportError, Post, file_sha256

SUFFIXES = {".json", ".jsonl", ".ndjson", ".csv"}


@dataclass
class Corpus:
    """What the exports hold: posts in time order, channels by id, and what was read."""
    posts: list[Post]
    channels: dict[str, Channel]
    messages: int = 0
    service: int = 0
    albums: int = 0
    files: list[str] = field(default_factory=list)
    unresolved: dict[str, int] = field(default_factory=dict)


def expand(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES
                              and p.is_file()))
        elif path.is_file():
            out.append(path)
        else:
            raise ExportError(f"{path}: no such file or folder")
    return out


def read_file(path: Path, counts: telegram_desktop.Counts) -> tuple[list[Post], list[Channel]]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = tabular.csv_rows(path)
        counts.messages += len(rows)
        return tabular.read_rows(path, rows, file_sha256(path))
    if suffix in {".jsonl", ".ndjson"}:
        rows = tabular.jsonl_rows(path)
        return _rows(path, rows, counts)
    data = telegram_desktop.load(path)
    if telegram_desktop.is_desktop(data):
        return telegram_desktop.read(path, data, counts)
    if isinstance(data, dict) and telethon.is_telethon(data):
        data = [data]
    return _rows(path, data, counts)


def _rows(path: Path, rows: object, counts: telegram_desktop.Counts):
    if not isinstance(rows, list):
        raise ExportError(f"{path}: neither a Telegram Desktop export, Telethon messages nor "
                          "a list of posts")
    sha = file_sha256(path)
    if rows and telethon.is_telethon(rows[0]):
        posts, channels, seen = telethon.read(path, rows, sha)
        counts.messages += seen
        counts.service += seen - sum(len(p.source.message_ids) for p in posts if p.source)
        return posts, channels
    counts.messages += len(rows)
    return tabular.read_rows(path, rows, sha)


def read_exports(paths: Iterable[str | Path]) -> Corpus:
    """All posts of the exports at `paths` (files or folders), in time order; a file that
    cannot be read stops the read with an error naming it."""
    counts = telegram_desktop.Counts()
    posts: list[Post] = []
    channels: dict[str, Channel] = {}
    for path in expand(paths):
        got, chans = read_file(path, counts)
        if str(path) not in counts.files:
            counts.files.append(str(path))
        posts.extend(got)
        for chan in chans:
            known = channels.setdefault(chan.id, chan)
            if known is not chan:
                known.sources.extend(s for s in chan.sources if s not in known.sources)
    posts.sort(key=lambda p: (p.time, p.id))
    corpus = Corpus(posts=posts, channels=channels, messages=counts.messages,
                    service=counts.service, albums=counts.albums, files=counts.files)
    resolve_forwards(corpus)
    return corpus


def resolve_forwards(corpus: Corpus) -> None:
    """Give each forward whose source is named only (Desktop) the id of the one channel
    of that name in the registry of channels seen (names folded as actor names are:
    `campaign/registry.py`); an ambiguous or unknown name stays name-only and is counted
    in `corpus.unresolved`."""
    reg = registry.build(corpus.channels.values())
    unresolved: dict[str, int] = defaultdict(int)
    for i, post in enumerate(corpus.posts):
        if post.forwarded_from and not post.forwarded_from_id:
            key = reg.resolve(post.forwarded_from)
            if key is not None:
                native = reg.entries[key].native_id
                corpus.posts[i] = replace(post, forwarded_from_id=native)
            else:
                unresolved[post.forwarded_from] += 1
    corpus.unresolved = dict(unresolved)
