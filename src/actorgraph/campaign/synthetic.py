"""Synthetic channel exports with planted ground truth, in Telegram Desktop's JSON shapes
(single-chat `result.json` per channel, and one full-account export whose `chats.list`
wraps several channels). No real post ships anywhere: every text is drawn from the
neutral sentence banks of `synthetic_text.py`.

Planted:
- operator clusters: an originator posts an item; the other members copy it within
  [1, 60] s as a forward, as the same text (cosmetic changes: emoji, case, @mention),
  or as a near-duplicate (one word dropped, inserted or changed, a hashtag added, or
  the longest word written with look-alike Cyrillic letters),
  carrying the item's link in another form (tracking parameters, `youtu.be` vs
  `shorts`, `t.me/s/`) and its media file (the same bytes);
- organic channels sharing the same viral links, and forwarding the same outside
  posts, hours apart, and now and then the same breaking-news link within 90 s, once
  (decoys: co-shares that are not repeated);
- a hyperactive aggregator that forwards most posts, mostly minutes to hours later,
  a few within seconds (a decoy);
- narratives (`synthetic_text.NARRATIVES`) through the whole period, one with a spike day;
- format traps: `text` as an entity list (`text_link` with `href`, `link`, `bold`),
  albums (consecutive photos, one caption), service and edited messages, media
  placeholders, `date` in the exporting machine's local time (UTC+4) without offset.

Ground truth (`truth.json`): channels with their role and cluster, the object each
post carries for each detector (posts sharing an object within the window are the
planted pairs), each post's narrative, the spike day, and message/post counts.
"""
from __future__ import annotations

import math
import random
import string
from dataclasses import dataclass, field
from datetime import UTC, datetime

from actorgraph.campaign import synthetic_text as bank

START = int(datetime(2025, 3, 1, tzinfo=UTC).timestamp())
LOCAL_OFFSET = 4 * 3600          # the exporting machine's clock: Asia/Baku, UTC+4
PLACEHOLDER = "(File not included. Change data exporting settings to download.)"
HOMOGLYPHS = str.maketrans("aeopcx", "аеорсх")   # Latin → Cyrillic look-alikes
AGGREGATOR_SHARE = 0.6             # of all original posts, forwarded by the aggregator
HOUR_WEIGHTS = [1, 1, 1, 1, 2, 4, 6, 8, 9, 9, 9, 8, 8, 8, 8, 8, 7, 7, 6, 5, 4, 3, 2, 1]


@dataclass(frozen=True)
class Config:
    seed: int = 1
    posts: int = 3000
    days: int = 28
    clusters: int = 3
    cluster_size: int = 5
    organic: int = 10
    account_export: int = 4          # organic channels written in one full-account export
    window: int = 60

    @property
    def spike_day(self) -> int:
        return (self.days * 2) // 3


@dataclass
class Chan:
    index: int
    id: int
    name: str
    lang: str
    role: str                        # operator | organic | aggregator | official | relay
    #                                  | signer | linker (synthetic_operators.py)
    cluster: int | None = None


@dataclass
class Planned:
    ch: int
    t: int
    text: str
    lang: str
    narrative: str | None = None
    link: str | None = None
    link_key: str | None = None
    link_style: str = "link"
    media: str | None = None         # media identity; the file's bytes derive from it
    media_file: bool = True
    album: int = 1
    fwd_of: Planned | None = None
    fwd_name: str | None = None
    ext_key: str | None = None
    text_key: str | None = None
    nd_key: str | None = None
    edited: bool = False
    author: str | None = None        # the admin signature
    pinned: bool = False
    pid: str = ""
    mid: int = 0


@dataclass
class Plan:
    cfg: Config
    rng: random.Random
    chans: list[Chan] = field(default_factory=list)
    posts: list[Planned] = field(default_factory=list)
    serial: int = 0
    operators: dict = field(default_factory=dict)   # truth of synthetic_operators.plant

    def next(self) -> int:
        self.serial += 1
        return self.serial


def _fill(plan: Plan, template: str, lang: str) -> str:
    rng = plan.rng
    places = bank.PLACES[lang]
    p1, p2 = rng.sample(places, 2)
    return template.format(
        place=p1, place2=p2, num=rng.randint(12, 980), small=rng.randint(2, 19),
        small2=rng.randint(0, 9), weekday=rng.choice(bank.WEEKDAYS[lang]),
        time=f"{rng.randint(7, 21):02d}:{rng.choice(range(0, 60, 5)):02d}",
        price=f"{rng.randint(1, 2)}.{rng.randint(10, 99)}")


def _text(plan: Plan, lang: str, narrative: str | None) -> str:
    rng = plan.rng
    first = (rng.choice(bank.NARRATIVES[narrative][lang]) if narrative
             else rng.choice(bank.BACKGROUND[lang]))
    second = rng.choice(bank.BACKGROUND[lang])
    return _fill(plan, first, lang) + " " + _fill(plan, second, lang)


def _when(plan: Plan, day: int | None = None) -> int:
    rng = plan.rng
    day = rng.randrange(plan.cfg.days) if day is None else day
    hour = rng.choices(range(24), weights=HOUR_WEIGHTS)[0]
    return START + day * 86400 + hour * 3600 + rng.randrange(3600)


def _channels(plan: Plan) -> None:
    cfg, rng = plan.cfg, plan.rng
    used: set[str] = set()

    def name(lang: str) -> str:
        while True:
            cand = f"{rng.choice(bank.PLACES[lang])} {rng.choice(bank.CHANNEL_WORDS[lang])}"
            if cand not in used:
                used.add(cand)
                return cand

    def add(lang: str, role: str, cluster: int | None = None) -> None:
        plan.chans.append(Chan(len(plan.chans), 1_000_000_000 + rng.randrange(10**9),
                               name(lang), lang, role, cluster))

    for c in range(cfg.clusters):
        for _ in range(cfg.cluster_size):
            add("en" if c % 3 == 1 else "az", "operator", c)
    for k in range(cfg.organic):
        add("az" if k % 2 == 0 else "en", "organic")
    plan.chans.append(Chan(len(plan.chans), 1_000_000_000 + rng.randrange(10**9),
                           "Regional Digest Aggregator", "en", "aggregator"))


def _narrative_for(plan: Plan, share: float) -> str | None:
    return plan.rng.choice(sorted(bank.NARRATIVES)) if plan.rng.random() < share else None


def _url(plan: Plan, kind: str, ident: str, variant: int) -> str:
    """One written form of a link target; every variant of (kind, ident) is one page."""
    if kind == "yt":
        forms = [f"https://www.youtube.com/watch?v={ident}", f"https://youtu.be/{ident}?si=ab12",
                 f"https://youtube.com/shorts/{ident}",
                 f"https://m.youtube.com/watch?v={ident}&feature=share"]
    elif kind == "tg":
        chan, post = ident.split("/")
        forms = [f"https://t.me/{chan}/{post}", f"https://t.me/s/{chan}/{post}",
                 f"https://telegram.me/{chan}/{post}"]
    else:
        host, slug = ident.split("/", 1)
        forms = [f"https://{host}/{slug}", f"https://{host}/{slug}?utm_source=telegram&"
                 "utm_medium=social", f"http://www.{host}/{slug}/",
                 f"https://{host}/{slug}?fbclid=IwAR{ident[-6:]}"]
    return forms[variant % len(forms)]


def _new_link(plan: Plan) -> tuple[str, str]:
    rng = plan.rng
    kind = rng.choice(["yt", "news", "news", "tg"])
    if kind == "yt":
        ident = "".join(rng.choices(string.ascii_letters + string.digits, k=11))
    elif kind == "tg":
        ident = f"source_{rng.randrange(10**4)}/{rng.randrange(10**5)}"
    else:
        ident = f"{rng.choice(bank.NEWS_HOSTS)}/2025/{rng.randrange(10**8):08d}"
    return kind, ident


def _cosmetic(plan: Plan, text: str) -> str:
    """The same words, differently dressed: what identical-text detection must see through."""
    rng = plan.rng
    choice = rng.randrange(5)
    if choice == 0:
        return f"{rng.choice(bank.EMOJI)} {text}"
    if choice == 1:
        first, _, rest = text.partition(" ")
        return f"{first.upper()} {rest}  {rng.choice(bank.EMOJI)}"
    if choice == 2:
        return f"{text} @{rng.choice(['editor', 'newsdesk', 'xeberler'])}"
    if choice == 3:
        return text.replace(". ", ".\n\n", 1) + "!!"
    return text.replace("i", "İ", 1) if "i" in text else text + " …"


def _near(plan: Plan, text: str, lang: str) -> tuple[str, str]:
    """One word-level edit, then cosmetics: a near-duplicate, not the same text. Also the
    edit's signature: two copies with the same edit carry the same words."""
    rng = plan.rng
    words = text.split(" ")
    edit = rng.randrange(5)
    pos = rng.randrange(1, len(words) - 1)
    if edit == 0:
        del words[pos]
        sign = f"del{pos}"
    elif edit == 1:
        word = rng.choice(bank.INSERTS[lang])
        words.insert(pos, word)
        sign = f"ins{pos}{word}"
    elif edit == 2:
        nums = [i for i, w in enumerate(words) if w.strip(".,").isdigit()]
        pos, word = (nums[0] if nums else pos), str(rng.randint(1000, 9999))
        words[pos] = word
        sign = f"num{pos}{word}"
    elif edit == 3:
        word = "#" + rng.choice(bank.PLACES[lang]).replace(" ", "")
        words.append(word)
        sign = f"tag{word}"
    else:                            # look-alike Cyrillic letters in the longest word
        pos = max(range(len(words)), key=lambda i: (len(words[i]) * (
            words[i].translate(HOMOGLYPHS) != words[i]), -i))
        if words[pos].translate(HOMOGLYPHS) == words[pos]:
            del words[pos]
            sign = f"del{pos}"
        else:
            words[pos] = words[pos].translate(HOMOGLYPHS)
            sign = f"glyph{pos}"
    return _cosmetic(plan, " ".join(words)), sign


def _item(plan: Plan, cluster: list[Chan], day: int | None, narrative: str | None) -> None:
    """One campaign item: the originator's post and its members' copies within 60 s."""
    rng = plan.rng
    origin = cluster[0]
    n = plan.next()
    t0 = _when(plan, day)
    text = _text(plan, origin.lang, narrative)
    link = _new_link(plan) if rng.random() < 0.6 else None
    media = f"m{n}" if rng.random() < 0.4 else None
    style = rng.choice(["link", "text_link"])
    lk = f"link:{link[0]}:{link[1]}" if link else None
    head = Planned(origin.index, t0, text, origin.lang, narrative,
                   _url(plan, *link, 0) if link else None, lk, style, media,
                   text_key=f"text:{n}", nd_key=f"nd:{n}")
    plan.posts.append(head)
    for k, member in enumerate(cluster[1:]):
        if rng.random() > 0.85:
            continue
        t = t0 + rng.randint(1, plan.cfg.window)
        mode = rng.choices(["fwd", "same", "near"], weights=[3, 3, 4])[0]
        if mode == "fwd":
            plan.posts.append(Planned(member.index, t, text, origin.lang, narrative, head.link,
                                      None, style, media, fwd_of=head))
            continue
        body, sign = ((_cosmetic(plan, text), "") if mode == "same"
                      else _near(plan, text, origin.lang))
        plan.posts.append(Planned(
            member.index, t, body, origin.lang, narrative,
            _url(plan, *link, k + 1) if link else None, lk, style, media,
            text_key=f"text:{n}" if mode == "same" else f"text:{n}.{sign}", nd_key=f"nd:{n}"))


def _operators(plan: Plan, items: int) -> None:
    cfg, rng = plan.cfg, plan.rng
    clusters = [[c for c in plan.chans if c.cluster == k] for k in range(cfg.clusters)]
    for i in range(items):
        narrative = _narrative_for(plan, 0.6)
        day = (cfg.spike_day if narrative == "public-gathering" and rng.random() < 0.35
               else None)
        _item(plan, clusters[i % cfg.clusters], day, narrative)


def _background(plan: Plan, count: int, share: float = 0.2) -> None:
    rng = plan.rng
    organic = [c for c in plan.chans if c.role == "organic"]
    for _ in range(count):
        ch = rng.choice(organic)
        narrative = _narrative_for(plan, share)
        post = Planned(ch.index, _when(plan), _text(plan, ch.lang, narrative), ch.lang,
                       narrative, text_key=f"text:b{plan.next()}", edited=rng.random() < 0.05)
        roll = rng.random()
        if roll < 0.15:
            kind, ident = _new_link(plan)
            post.link, post.link_key = _url(plan, kind, ident, 0), f"link:{kind}:{ident}"
            post.link_style = rng.choice(["link", "text_link"])
        elif roll < 0.30:
            post.media, post.media_file = f"b{plan.serial}", False
            post.album = rng.choice([1, 1, 2, 3])
        plan.posts.append(post)


def _spike(plan: Plan) -> None:
    """Extra organic posts of the spiking narrative on its day."""
    per_day = sum(1 for p in plan.posts if p.narrative == "public-gathering") / plan.cfg.days
    organic = [c for c in plan.chans if c.role == "organic"]
    for _ in range(max(6, int(per_day * 3))):
        ch = plan.rng.choice(organic)
        plan.posts.append(Planned(ch.index, _when(plan, plan.cfg.spike_day),
                                  _text(plan, ch.lang, "public-gathering"), ch.lang,
                                  "public-gathering", text_key=f"text:s{plan.next()}"))


def _organic_shares(plan: Plan, links: int, outside: int) -> None:
    """Viral links and outside posts shared by several organic channels hours apart."""
    rng = plan.rng
    organic = [c for c in plan.chans if c.role == "organic"]
    for n in range(links + outside):
        kind, ident = _new_link(plan)
        t = _when(plan, rng.randrange(plan.cfg.days - 1))
        ext = f"ext{plan.next()}"
        text = _text(plan, "en", None)
        for k, ch in enumerate(rng.sample(organic, rng.randint(2, 4))):
            if n < links:
                plan.posts.append(Planned(
                    ch.index, t, _text(plan, ch.lang, None), ch.lang,
                    link=_url(plan, kind, ident, k), link_key=f"link:{kind}:{ident}",
                    text_key=f"text:v{plan.next()}"))
            else:
                plan.posts.append(Planned(ch.index, t, text, "en",
                                          fwd_name="Caspian Wire Service", ext_key=ext))
            t += rng.randint(3600, 6 * 3600)


def _breaking(plan: Plan, events: int) -> None:
    """Breaking news: several organic channels post the same link within 90 s, once.
    These are real co-shares inside the window, but not repeated: noise, not coordination."""
    rng = plan.rng
    organic = [c for c in plan.chans if c.role == "organic"]
    for _ in range(events):
        kind, ident = _new_link(plan)
        t0 = _when(plan)
        for k, ch in enumerate(rng.sample(organic, rng.randint(2, 4))):
            plan.posts.append(Planned(
                ch.index, t0 + rng.randint(0, 90), _text(plan, ch.lang, None), ch.lang,
                link=_url(plan, kind, ident, k), link_key=f"link:{kind}:{ident}",
                text_key=f"text:n{plan.next()}"))


def _aggregate(plan: Plan, share: float) -> None:
    """The aggregator forwards a share of all original posts, after a delay spread evenly
    on a log scale from 5 s to 6 h: about a third within a minute, so it co-forwards with
    every cluster now and then."""
    rng = plan.rng
    agg = next(c for c in plan.chans if c.role == "aggregator")
    originals = [p for p in plan.posts if p.fwd_of is None and p.fwd_name is None]
    for post in originals:
        if rng.random() > share:
            continue
        delay = int(math.exp(rng.uniform(math.log(5), math.log(6 * 3600))))
        plan.posts.append(Planned(agg.index, post.t + delay, post.text, post.lang,
                                  post.narrative, post.link, None, post.link_style, post.media,
                                  post.media_file, 1, fwd_of=post))


def plan(cfg: Config) -> Plan:
    """What every channel posts, before it is written."""
    p = Plan(cfg, random.Random(cfg.seed))
    _channels(p)
    copies = 1 + (cfg.cluster_size - 1) * 0.85
    originals = cfg.posts / (1 + AGGREGATOR_SHARE)
    _operators(p, max(cfg.clusters, int(originals * 0.3 / copies)))
    before = len(p.posts)
    _organic_shares(p, links=max(2, cfg.posts // 400), outside=max(2, cfg.posts // 400))
    shared = len(p.posts) - before
    _background(p, max(10, int(originals * 0.7) - shared))
    _breaking(p, events=cfg.days // 3)
    _spike(p)
    _aggregate(p, AGGREGATOR_SHARE)
    return p
