"""Planted operators of channels for the synthetic exports: two fictional actors, each
with an official channel that says whose it is, a channel that forwards its posts first,
a channel sharing its admin signature, and (the first actor) a channel whose pinned post
links to the actor's website. And the decoys a rule must not link: the aggregator and
organic channels forwarding the official posts later, a news post reporting what "the
official channel of …" said, a generic "Admin" signature shared with an organic channel,
and an organic post (not pinned) linking to the actor's website.

Everything is drawn from its own random stream after the rest of the plan, so the
clusters, decoys and narratives of a seed stay as they were. The actors and their sites
are invented; the texts are the neutral sentence banks'."""
from __future__ import annotations

import math
import random
from dataclasses import dataclass

from actorgraph.campaign.synthetic import Chan, Plan, Planned, _text, _when

SALT = 7919


@dataclass(frozen=True)
class Actor:
    name: str
    lang: str
    official: str                   # the official channel's title
    declaration: str                # its pinned post
    signature: str
    site: str | None                # the website its pinned post links to
    relay: str
    signer: str
    linker: str | None


ACTORS = (
    Actor("Zeravan Movement", "en", "Zeravan Movement — official channel",
          "This is the official channel of the Zeravan Movement.\nWebsite: "
          "https://zeravan.example/about", "desk-z7", "https://zeravan.example/about",
          "Valley Relay", "North Shore Bulletin", "Hill Country Notes"),
    Actor("Qaratel Şurası", "az", "Qaratel Xəbər",
          "Bu, Qaratel Şurasının rəsmi kanalıdır.", "masa-q3", None,
          "Dağ Ötürmə", "Sahil Bülleteni", None),
)
REPORTED = {"en": "The official channel of the {actor} said on {weekday} that a road "
                  "near {place} was closed for repairs.",
            "az": "{actor}nın rəsmi kanalı bildirib ki, {place} yaxınlığında yol təmir "
                  "üçün bağlanıb."}


def _chan(plan: Plan, name: str, lang: str, role: str) -> Chan:
    chan = Chan(len(plan.chans), 1_000_000_000 + plan.rng.randrange(10**9), name, lang, role)
    plan.chans.append(chan)
    return chan


def _post(plan: Plan, chan: Chan, t: int, text: str | None = None, **extra) -> Planned:
    post = Planned(chan.index, t, text or _text(plan, chan.lang, None), chan.lang,
                   text_key=f"text:o{plan.next()}", **extra)
    plan.posts.append(post)
    return post


def _plant(plan: Plan, actor: Actor, organic: list[Chan], agg: Chan) -> list[dict]:
    rng, days = plan.rng, plan.cfg.days
    official = _chan(plan, actor.official, actor.lang, "official")
    relay = _chan(plan, actor.relay, actor.lang, "relay")
    signer = _chan(plan, actor.signer, actor.lang, "signer")
    site_key = f"link:site:{actor.name}"
    _post(plan, official, _when(plan, 0), actor.declaration, pinned=True,
          link_key=site_key if actor.site else None)
    items = [_post(plan, official, _when(plan),
                   author=actor.signature if rng.random() < 0.7 else "Admin")
             for _ in range(max(12, plan.cfg.posts // 75))]
    for item in items:
        if rng.random() < 0.85:
            plan.posts.append(Planned(relay.index, item.t + rng.randint(2, 40), item.text,
                                      item.lang, fwd_of=item))
        if rng.random() < 0.6:       # the aggregator: everything, 5 s to 6 h later
            delay = int(math.exp(rng.uniform(math.log(5), math.log(6 * 3600))))
            plan.posts.append(Planned(agg.index, item.t + delay, item.text, item.lang,
                                      fwd_of=item))
    for chan in rng.sample(organic, 2):   # organic channels forwarding hours later
        for item in rng.sample(items, 4):
            plan.posts.append(Planned(chan.index, item.t + rng.randint(3 * 3600, 20 * 3600),
                                      item.text, item.lang, fwd_of=item))
    for _ in range(max(6, plan.cfg.posts // 150)):
        _post(plan, relay, _when(plan))
        _post(plan, signer, _when(plan),
              author=actor.signature if rng.random() < 0.6 else None)
    generic = rng.choice(organic)
    for _ in range(3):
        _post(plan, generic, _when(plan), author="Admin")
    place = rng.choice(["Ganja", "Lankaran", "Shaki"])
    _post(plan, rng.choice(organic), _when(plan), REPORTED[actor.lang].format(
        actor=actor.name, weekday="Monday", place=place))
    truth = [{"actor": actor.name, "channel": str(official.id), "rule": "self-declaration"},
             {"actor": actor.name, "channel": str(relay.id), "rule": "first-forwarder"},
             {"actor": actor.name, "channel": str(signer.id), "rule": "shared-signature"}]
    if actor.site and actor.linker:
        linker = _chan(plan, actor.linker, actor.lang, "linker")
        _post(plan, linker, _when(plan, 1), f"Our website: {actor.site}", pinned=True,
              link_key=site_key)
        for _ in range(max(6, plan.cfg.posts // 150)):
            _post(plan, linker, _when(plan))
        _post(plan, rng.choice(organic), _when(plan, days - 1),
              f"A statement was published at {actor.site} on {place}.", link_key=site_key)
        truth.append({"actor": actor.name, "channel": str(linker.id), "rule": "cross-link"})
    return truth


def plant(plan: Plan) -> dict:
    """Add the operators' channels and posts to a finished plan; the truth of them."""
    side = Plan(plan.cfg, random.Random(plan.cfg.seed * SALT + 1), plan.chans, plan.posts,
                plan.serial)
    organic = [c for c in plan.chans if c.role == "organic"]
    agg = next(c for c in plan.chans if c.role == "aggregator")
    links = [x for actor in ACTORS for x in _plant(side, actor, organic, agg)]
    plan.serial = side.serial
    decoys = [str(agg.id)] + [str(c.id) for c in organic]
    return {"links": links, "actors": [a.name for a in ACTORS], "decoys": decoys}


def score(links: list, truth: dict) -> dict:
    """Precision and recall of `operates_channel` links (operators.Link) against the
    planted ones: per (channel, actor) pair, and per (channel, actor, rule); and the
    decoy channels linked to a planted actor (should be none)."""
    from actorgraph.knowledge.names import fold

    planted = truth["operators"]["links"]
    want = {(x["channel"], fold(x["actor"])) for x in planted}
    want_rule = {(x["channel"], fold(x["actor"]), x["rule"]) for x in planted}
    got = {(x.channel.split(":", 1)[-1], x.actor_key) for x in links}
    got_rule = {(x.channel.split(":", 1)[-1], x.actor_key, x.rule) for x in links}
    decoys = set(truth["operators"]["decoys"])

    def pr(g: set, w: set) -> tuple[float, float]:
        return (len(g & w) / len(g) if g else 1.0, len(g & w) / len(w) if w else 1.0)

    p, r = pr(got, want)
    pr_rule, rr_rule = pr(got_rule, want_rule)
    return {"planted": len(want), "found": len(got), "precision": p, "recall": r,
            "rule_precision": pr_rule, "rule_recall": rr_rule,
            "false": sorted(got - want), "missed": sorted(want - got),
            "decoys_linked": sorted(c for c, _ in got if c in decoys)}
