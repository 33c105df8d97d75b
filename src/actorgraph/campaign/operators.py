"""Who runs a channel, from the exports themselves: `operates_channel` links (actor →
channel), each with a confidence and typed evidence citing post ids, UTC times and the
rule. One function per rule; `link` runs them all.

- `self-declaration`: the channel says whose it is (`declarations.py`) in its title
  (0.9), its description (0.85), a pinned post (0.8) or its own posts (0.6, 0.7 from
  two); a forward never counts (it is the source's voice).
- `report`: a report in the store says so (the seed links the caller passes in).
- `first-forwarder`: the channel forwards the posts of a channel already linked to the
  actor first, fast (median ≤ 10 min), at least 3 times, first in ≥ 60 % of the items it
  forwards, and they are ≥ 50 % of all its forwards; an aggregator that forwards
  everything fails the last test.
- `shared-signature`: the channel's posts carry the admin signature (`author`) of a
  linked channel's posts, twice or more in each, a signature no more than 3 channels use
  and not a generic one ("Admin", "Redaksiya", …).
- `cross-link`: the channel's "about" (description, pinned posts) links to a linked
  channel's own handle or to a page its "about" links to (its home), a target no more
  than 3 channels' "about" links to; both ways round counts more.

The propagating rules (the last three) follow one hop from a seed (a self-declaration of
0.6 or more, or a report), never from each other, so one mistake does not spread.
These are evidence for an analyst to judge, not findings."""
from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from actorgraph.campaign.declarations import declarations
from actorgraph.campaign.importers import Corpus
from actorgraph.campaign.records import Post, utc_iso
from actorgraph.campaign.registry import Registry, build
from actorgraph.campaign.textnorm import fold as fold_text
from actorgraph.campaign.textnorm import text_key, urls_in
from actorgraph.campaign.urls import canonical_url
from actorgraph.knowledge.names import fold

RULES = ("report", "self-declaration", "first-forwarder", "shared-signature", "cross-link")
SEED_MIN = 0.6
MIN_FIRST, SHARE_FIRST, FOCUS, FAST = 3, 0.6, 0.5, 600
MAX_SHARED = 3
GENERIC_SIGNATURES = {
    "admin", "admins", "administrator", "administration", "editor", "editors", "editorial",
    "moderator", "author", "news", "newsdesk", "team", "redaksiya", "redaktor", "xəbər",
    "xeber", "админ", "администратор", "редакция", "редактор", "модератор"}
SHOWN = 12           # evidence items kept per link


@dataclass(frozen=True, slots=True)
class Evidence:
    """One thing behind a link: a post (its id and UTC time) or a field of the channel
    (`post` empty, `where` the field), and what it shows."""
    post: str
    utc: str | None
    where: str            # title, description, pinned post, post, forward, signed post, report
    note: str

    def as_dict(self) -> dict:
        return {"post": self.post, "utc": self.utc, "where": self.where, "note": self.note}


@dataclass
class Link:
    """One rule's `operates_channel` link from an actor to a channel (registry key)."""
    channel: str
    actor: str
    rule: str
    confidence: float
    detail: str
    evidence: list[Evidence] = field(default_factory=list)
    via: str | None = None          # the linked channel a propagated link follows from
    count: int = 0                  # posts (or items) behind it, beyond those shown

    @property
    def actor_key(self) -> str:
        return fold(self.actor)

    def as_dict(self) -> dict:
        return {"channel": self.channel, "actor": self.actor, "rule": self.rule,
                "confidence": round(self.confidence, 3), "detail": self.detail,
                "via": self.via, "count": self.count,
                "evidence": [e.as_dict() for e in self.evidence]}


def _ev(post: Post, where: str, note: str) -> Evidence:
    return Evidence(post.id, utc_iso(post.time), where, note)


@dataclass
class Context:
    """The corpus indexed once for the rules."""
    corpus: Corpus
    reg: Registry
    own: dict[str, list[Post]]              # registry key -> its posts (time order)
    pinned: dict[str, list[Post]]           # registry key -> its own pinned posts
    by_id: dict[str, Post]

    def key(self, post: Post) -> str:
        return self.reg.key_of(post.channel_id) or post.channel_id


def context(corpus: Corpus, reg: Registry | None = None) -> Context:
    reg = reg or build(corpus.channels.values(), corpus.posts)
    by_id = {p.id: p for p in corpus.posts}
    own: dict[str, list[Post]] = defaultdict(list)
    for p in corpus.posts:
        own[reg.key_of(p.channel_id) or p.channel_id].append(p)
    pinned: dict[str, list[Post]] = {}
    for chan in corpus.channels.values():
        key = reg.key_of(chan.id) or chan.id
        pinned[key] = [by_id[i] for i in dict.fromkeys(chan.pinned)
                       if i in by_id and not by_id[i].is_forward]
    return Context(corpus, reg, own, pinned, by_id)


def self_declared(ctx: Context) -> list[Link]:
    """Links from what each channel says of itself."""
    out: list[Link] = []
    for key, entry in ctx.reg.entries.items():
        if entry.name_only:
            continue
        found: dict[str, list[tuple[float, Evidence]]] = defaultdict(list)
        names: dict[str, str] = {}
        for text, score, where in ((entry.name, 0.9, "title"),
                                   (entry.description or "", 0.85, "description")):
            for d in declarations(text):
                names.setdefault(fold(d.actor), d.actor)
                found[fold(d.actor)].append((score, Evidence("", None, where, d.phrase)))
        pinned = {p.id for p in ctx.pinned.get(key, [])}
        for post in ctx.own.get(key, []):
            if post.is_forward:
                continue
            for d in declarations(post.text):
                names.setdefault(fold(d.actor), d.actor)
                where = "pinned post" if post.id in pinned else "post"
                found[fold(d.actor)].append((0.8 if post.id in pinned else 0.6,
                                             _ev(post, where, d.phrase)))
        for actor, items in found.items():
            posts = sum(1 for _, e in items if e.where == "post")
            conf = max(max(s for s, _ in items), 0.7 if posts >= 2 else 0.0)
            places = sorted({e.where for _, e in items})
            out.append(Link(key, names[actor], "self-declaration", conf,
                            f"declares itself {names[actor]}'s in its {', '.join(places)}",
                            [e for _, e in items][:SHOWN], count=len(items)))
    return out


def _item_index(ctx: Context, key: str) -> dict[str, list[Post]]:
    """A seed channel's own posts by what a forward of them carries: text, else media."""
    index: dict[str, list[Post]] = defaultdict(list)
    for p in ctx.own.get(key, []):
        if p.is_forward:
            continue
        k = text_key(p.text) or next((m.key() for m in p.media if m.key()), None)
        if k:
            index[k].append(p)
    return index


def _forwards_of(ctx: Context, key: str) -> dict[str, list[Post]]:
    """The forwards of a seed channel's posts, by the seed's post they copy."""
    native = ctx.reg.entries[key].native_id
    index = _item_index(ctx, key)
    items: dict[str, list[Post]] = defaultdict(list)
    for p in ctx.corpus.posts:
        if not p.is_forward or ctx.key(p) == key or p.forwarded_from_id != native:
            continue
        if p.forwarded_post and p.forwarded_post in ctx.by_id:
            items[p.forwarded_post].append(p)
            continue
        k = text_key(p.text) or next((m.key() for m in p.media if m.key()), None)
        earlier = [o for o in index.get(k or "", []) if o.time <= p.time]
        items[earlier[-1].id if earlier else f"?{k}"].append(p)
    return items


def first_forwarders(ctx: Context, seeds: Iterable[Link]) -> list[Link]:
    """Channels that forward a linked channel's posts first, fast and mostly."""
    forwards_total = Counter(ctx.key(p) for p in ctx.corpus.posts if p.is_forward)
    out: list[Link] = []
    for seed in seeds:
        if ctx.reg.entries.get(seed.channel) is None or \
                ctx.reg.entries[seed.channel].name_only:
            continue
        per: dict[str, list[tuple[Post, Post | None, bool]]] = defaultdict(list)
        for item, copies in _forwards_of(ctx, seed.channel).items():
            copies.sort(key=lambda p: (p.time, p.id))
            origin = ctx.by_id.get(item)
            for n, p in enumerate(copies):
                per[ctx.key(p)].append((p, origin, n == 0))
        for chan, rows in per.items():
            link = _first_link(seed, chan, rows, forwards_total[chan])
            if link is not None:
                out.append(link)
    return out


def _first_link(seed: Link, chan: str, rows: list[tuple[Post, Post | None, bool]],
                total: int) -> Link | None:
    first = [r for r in rows if r[2]]
    delays = [p.time - o.time for p, o, _ in rows if o is not None]
    share, focus = len(first) / len(rows), len(rows) / max(total, 1)
    fast = bool(delays) and statistics.median(delays) <= FAST
    if len(first) < MIN_FIRST or share < SHARE_FIRST or focus < FOCUS or not fast:
        return None
    conf = min(0.8, 0.4 + 0.2 * share + 0.2 * focus)
    shown = [_ev(p, "forward", f"forwards {o.id if o else 'a post'} of the linked channel"
             + (f" {p.time - o.time} s after it" if o else "") + (", first" if is_first else ""))
             for p, o, is_first in rows[:SHOWN]]
    return Link(chan, seed.actor, "first-forwarder", conf,
                f"first to forward {len(first)} of the {len(rows)} posts of the linked channel "
                f"it forwards (median {int(statistics.median(delays))} s after); they are "
                f"{len(rows)} of its {total} forwards", shown, via=seed.channel,
                count=len(rows))


def _signature(post: Post) -> str | None:
    sign = " ".join(fold_text(post.author or "").split())
    return sign if len(sign) > 1 and sign not in GENERIC_SIGNATURES else None


def shared_signatures(ctx: Context, seeds: Iterable[Link]) -> list[Link]:
    """Channels whose posts carry a linked channel's distinctive admin signature."""
    signed: dict[str, dict[str, list[Post]]] = defaultdict(lambda: defaultdict(list))
    for p in ctx.corpus.posts:
        sign = _signature(p)
        if sign and not p.is_forward:
            signed[sign][ctx.key(p)].append(p)
    usable = {s: {c: ps for c, ps in chans.items() if len(ps) >= 2}
              for s, chans in signed.items()}
    usable = {s: chans for s, chans in usable.items() if 2 <= len(chans) <= MAX_SHARED}
    out: list[Link] = []
    for seed in seeds:
        for chans in usable.values():
            if seed.channel not in chans:
                continue
            for chan, posts in chans.items():
                if chan == seed.channel:
                    continue
                theirs = chans[seed.channel]
                conf = 0.7 if min(len(posts), len(theirs)) >= 5 else 0.65
                shown = [_ev(p, "signed post", f"signed {p.author!r}") for p in posts[:8]] + \
                    [_ev(p, "signed post of the linked channel", f"signed {p.author!r}")
                     for p in theirs[:4]]
                out.append(Link(chan, seed.actor, "shared-signature", conf,
                                f"{len(posts)} of its posts carry the signature "
                                f"{posts[0].author!r}, as {len(theirs)} of the linked "
                                "channel's do", shown, via=seed.channel, count=len(posts)))
    return out


def _about(ctx: Context, key: str) -> list[tuple[str, Evidence]]:
    """The canonical targets an "about" text links to, each with where it is said."""
    entry = ctx.reg.entries[key]
    out = [(_target(u), Evidence("", None, "description", u))
           for u in urls_in(entry.description or "")]
    for p in ctx.pinned.get(key, []):
        out += [(_target(u), _ev(p, "pinned post", u)) for u in p.links]
    return [(t, e) for t, e in out if t]


def _target(url: str) -> str:
    """A link's target as a home: a Telegram link is its channel; a bare site root stays."""
    canon = canonical_url(url)
    if canon.startswith("t.me/"):
        return "t.me/" + canon[5:].split("/")[0].lower()
    return canon


def cross_links(ctx: Context, seeds: Iterable[Link]) -> list[Link]:
    """Channels whose "about" links to a linked channel or to its home."""
    abouts = {k: _about(ctx, k) for k, e in ctx.reg.entries.items() if not e.name_only}
    popularity = Counter(t for items in abouts.values() for t in {t for t, _ in items})
    handle = {k: f"t.me/{e.handle.lower().lstrip('@')}"
              for k, e in ctx.reg.entries.items() if e.handle}
    out: list[Link] = []
    for seed in seeds:
        if seed.channel not in abouts:
            continue
        homes = {t for t, _ in abouts[seed.channel] if popularity[t] <= MAX_SHARED}
        homes |= {handle[seed.channel]} if seed.channel in handle else set()
        for chan, items in abouts.items():
            hits = [e for t, e in items if t in homes and t != handle.get(chan)]
            if chan == seed.channel or not hits:
                continue
            mutual = chan in handle and handle[chan] in {t for t, _ in abouts[seed.channel]}
            out.append(Link(chan, seed.actor, "cross-link", 0.65 if mutual else 0.5,
                            f"its {hits[0].where} links to {hits[0].note}, the linked "
                            "channel's " + ("handle" if _target(hits[0].note) in
                                            set(handle.values()) else "home")
                            + (", and the linked channel links back" if mutual else ""),
                            hits[:SHOWN], via=seed.channel, count=len(hits)))
    return out


def link(corpus: Corpus, reports: Iterable[Link] = (), reg: Registry | None = None
         ) -> list[Link]:
    """Every rule's links over the exports; `reports` are the report links (seeds too)."""
    ctx = context(corpus, reg)
    declared = self_declared(ctx)
    seeds = [x for x in declared if x.confidence >= SEED_MIN] + list(reports)
    seen: set[tuple[str, str, str, str | None]] = set()
    out: list[Link] = []
    for x in [*declared, *reports, *first_forwarders(ctx, seeds),
              *shared_signatures(ctx, seeds), *cross_links(ctx, seeds)]:
        ident = (x.channel, x.actor_key, x.rule, x.via)
        if ident not in seen and not (x.via and x.via == x.channel):
            seen.add(ident)
            out.append(x)
    return sorted(out, key=lambda x: (x.channel, x.actor_key, RULES.index(x.rule),
                                      x.via or ""))


def combined(links: Iterable[Link]) -> dict[tuple[str, str], float]:
    """Per (channel, folded actor), the chance at least one rule is right, taking them as
    independent (noisy-or of each rule's best confidence)."""
    best: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    for x in links:
        rules = best[(x.channel, x.actor_key)]
        rules[x.rule] = max(rules.get(x.rule, 0.0), x.confidence)
    out = {}
    for pair, rules in best.items():
        miss = 1.0
        for c in rules.values():
            miss *= 1 - c
        out[pair] = round(1 - miss, 3)
    return out
