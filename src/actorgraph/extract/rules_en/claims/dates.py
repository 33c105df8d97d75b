"""Temporal expressions: find them, resolve them to ISO prefixes, pick the one for a fact.

`resolve_dates()` finds every temporal expression, in text order, and resolves it:
- absolute: "December 15, 2023", "2023-12-15" (day), "January 2017" (month), "in 2015",
  "mid-2019", "summer of 2019", "from 2017 to 2019" (its start) (year);
- partial, year from the publication date: "On November 30", "In October", "late April"
  (the latest such date not after publication; "last November", the latest before the
  publication's month); in or right after a sentence of the same paragraph that opened
  with a date of another year, that year ("In 2019, ... In March, ...", "A week later
  ... On July 10");
- deictic, from the publication date: "last year", "this year", "two years ago", "on Monday";
- anaphoric, from the last date the text gave in this or the previous paragraph:
  "A year later", "two years earlier", "the following month", "a week later";
- vague ("in recent years", "the last two decades", "the 1990s"): value None, never guessed.
Leftover spaCy DATE entities are read by dateparser (RELATIVE_BASE = publication,
PREFER_DATES_FROM='past'), keeping only the precision it reports (it invents days).
`date_for()` picks the date governing a fact. Cue words: `data/dates.yaml`.
"""
from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

from actorgraph.extract.rules_en.claims.numbers import parse_number
from actorgraph.extract.rules_en.nlp import doc_text
from actorgraph.extract.rules_en.ruledata import load_data, words
from actorgraph.model import DateValue, Sentence

PRECISIONS = ("year", "month", "day")


@lru_cache(maxsize=1)
def cues() -> dict:
    """The cue words of data/dates.yaml."""
    return load_data("dates.yaml")


# -- patterns ------------------------------------------------------------------

@dataclass
class Found:
    """One temporal expression as matched, before resolution."""

    start: int
    end: int
    kind: str                      # absolute, partial, deictic, anaphoric, offset, weekday, vague
    year: int | None = None
    month: int | None = None
    day: int | None = None
    precision: str | None = None
    spec: dict = field(default_factory=dict)


@lru_cache(maxsize=1)
def patterns() -> list[tuple[str, re.Pattern]]:
    """(name, regex) of every expression rule, built from the cue words."""
    c = cues()
    names = sorted(c["months"], key=len, reverse=True)
    abbr = sorted(c["month_abbreviations"], key=len, reverse=True)
    months = _led_by(names + abbr)
    month = rf"{months}(?P<mon>{'|'.join(names)}|(?:{'|'.join(abbr)})\.)"
    month_any = rf"{months}(?P<mon>{'|'.join(names)}|(?:{'|'.join(abbr)})\.?)"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>1[89]\d\d|20\d\d)"
    wday = rf"(?:{_led_by(c['weekdays'])}(?:{'|'.join(c['weekdays'])}),?\s+)?"
    part = _led_by(c["period_parts"]) + "(?:" + "|".join(
        re.escape(p).replace(r"\ ", r"\s+") for p in
        sorted(c["period_parts"], key=len, reverse=True)) + ")"
    seasons = "|".join(c["seasons"])
    dated = _led_by(c["weekdays"] + names + abbr)        # a weekday or a month first
    parted = _led_by(c["period_parts"] + names + abbr)   # a period's part or a month first
    numbered = _led_by(c["weekdays"], also=r"\d")                # a weekday or a day first
    seasoned = _led_by(c["period_parts"] + c["seasons"] + ["the"])
    counted = _led_by(["a", *c["vague_counts"], *c["offset_units"]])  # "a few", "several", "days"
    units = "|".join(c["offset_units"])
    direction = "|".join(c["forward_words"] + c["backward_words"] + c["ago_words"])

    def phrases(table: dict) -> str:
        return _led_by(table) + "(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in
                        sorted(table, key=len, reverse=True)) + ")"

    rules = [
        ("iso_day", rf"\b{year}-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("month_day_year", rf"{dated}\b{wday}{month_any}\s+{day}(?:\s*[-\u2013]\s*\d{{1,2}})?,?\s+{year}\b"),
        ("day_month_year", rf"{numbered}\b{wday}{day}(?:\s+of)?\s+{month_any},?\s+{year}\b"),
        ("month_year", rf"{parted}\b(?:(?P<part>{part})[\s-]*)?{month_any},?\s+(?:of\s+)?{year}\b"),
        ("month_day", rf"{dated}\b{wday}{month_any}\s+{day}\b(?![,\s]*\d)"),
        ("day_month", rf"{numbered}\b{wday}{day}(?:\s+of)?\s+{month_any}\b"),
        ("part_month", rf"\b(?P<part>{part})[\s-]*{month_any}\b"),
        ("month", rf"{months}(?:\b{month}(?!\w)|\b(?P<mon2>{'|'.join(names)})\b)"),
        ("year_range", rf"\b(?:(?:from|between)\s+)?{year}\s*(?:-|\u2013|\u2014|to|and|until|through)"
                       r"\s*(?P<year2>\d{4}|\d{2})\b"),
        ("part_year", rf"{seasoned}\b(?:(?:{part})|(?:(?:the\s+)?{_led_by(c['seasons'])}(?:{seasons})(?:\s+of)?))[\s-]*{year}\b"),
        ("year", rf"(?<![\d,.$\u20ac\u00a3-]){year}(?![\d%]|s\b|,\d|\.\d|-year|\s*-\s*\d)"),
        ("anaphoric", rf"\b(?P<phrase>{phrases(c['anaphoric'])})\b"),
        ("deictic", rf"\b(?P<phrase>{phrases(c['deictic'])})\b"),
        ("offset", rf"\b(?P<count>an?|\w++|\d+)\s+(?:(?P<unit>{units})s?)\s+(?P<dir>{direction})\b"),
        ("vague_offset", rf"{counted}\b(?:(?:a\s+)?(?:{'|'.join(c['vague_counts'])})\s+(?:of\s+)?)?"
                         rf"(?:{units})s\s+(?:{direction})\b"),
        ("weekday", rf"\b(?P<rel>on|last|this)\s+(?P<wd>{'|'.join(c['weekdays'])})\b"),
    ] + [("vague", rf"\b(?:{rx})\b") for rx in c["vague_periods"]]
    return [(name, re.compile(rx, re.IGNORECASE)) for name, rx in rules]


def _led_by(words, also: str = "") -> str:
    """A look-ahead for the first letters of `words` (cue words, matched ignoring case),
    and the class `also` ("\\d": a digit), set before an alternation of them: it changes no
    match, since every alternative begins with one of those, but lets the scan leave most
    positions at one test instead of trying each word in turn (the patterns are tried at
    every word of a text)."""
    return "(?=[" + "".join(sorted({re.escape(w[0]) for w in words})) + also + "])"


def _month_number(word: str) -> int | None:
    w = word.lower().rstrip(".")
    c = cues()
    return c["months"].get(w) or c["month_abbreviations"].get(w)


def _count(word: str) -> float | None:
    word = word.lower()
    return 1 if word in ("a", "an") else parse_number(word.split())


def _is_year_token(doc, text: str, start: int, end: int) -> bool:
    """A bare four-digit number is a year unless it counts something ("2000 fighters")."""
    before = re.findall(r"\w+", text[max(0, start - 15):start])
    if before and before[-1].lower() in cues()["temporal_prepositions"]:
        return True
    if doc is None:
        return not re.match(r"\s+[a-z]+s\b", text[end:end + 30])
    span = doc.char_span(start, end, alignment_mode="expand")
    tok = span[0] if span is not None and len(span) else None
    if tok is None or tok.ent_type_ == "DATE":
        return True
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return tok.ent_type_ not in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT") and \
        not (nxt is not None and nxt.tag_ == "NNS" and tok.dep_ == "nummod")


def _match(name: str, m: re.Match, text: str, doc) -> Found | None:
    """Turn one regex match into a Found, or None when the rule's guard rejects it."""
    s, e = m.span()
    g = m.groupdict()
    mon: str = g.get("mon") or g.get("mon2") or ""
    month: int | None = None
    if mon:
        if not mon[0].isupper():
            return None          # "may", "march": month names are capitalised
        month = _month_number(mon)
    y = int(g["year"]) if g.get("year") else None
    kinds = {"iso_day": ("absolute", "day"), "month_day_year": ("absolute", "day"),
             "day_month_year": ("absolute", "day"), "month_year": ("absolute", "month"),
             "month_day": ("partial", "day"), "day_month": ("partial", "day"),
             "part_month": ("partial", "month")}
    if name in kinds:
        kind, precision = kinds[name]
        month = int(g["m"]) if name == "iso_day" else month
        day = int(g["day"]) if precision == "day" else None
        if month is None or not 1 <= month <= 12 or (
                day and not 1 <= day <= calendar.monthrange(y or 2000, month)[1]):
            return None
        return Found(s, e, kind, y if kind == "absolute" else None, month, day, precision)
    if name == "month":
        before = text[max(0, s - 12):s].lower().split()
        ambiguous = mon.lower() in cues()["ambiguous_months"]
        if ambiguous and not (before and before[-1] in cues()["temporal_prepositions"]):
            return None
        return Found(s, e, "partial", None, month, None, "month")
    if name in ("year_range", "part_year", "year"):
        if name == "year" and not _is_year_token(doc, text, s, e):
            return None
        if name == "year_range" and y is not None:
            y2 = int(g["year2"]) if len(g["year2"]) == 4 else (y // 100) * 100 + int(g["year2"])
            if not 0 <= y2 - y <= 100:
                return None
        return Found(s, e, "absolute", y, None, None, "year")
    if name in ("anaphoric", "deictic"):
        phrase = re.sub(r"\s+", " ", g["phrase"].lower())
        return Found(s, e, name, spec=dict(cues()[name][phrase]))
    if name == "offset":
        count = _count(g["count"])
        if count is None:
            return None
        unit = dict(cues()["offset_units"][g["unit"].lower()])
        direction = g["dir"].lower()
        if direction in ("after", "before") and re.match(r"\s+\w", text[e:e + 3]):
            return Found(s, e, "vague")      # "two years after the war": relative to an event
        sign = 1 if direction in cues()["forward_words"] else -1
        kind = "deictic" if direction in cues()["ago_words"] else "anaphoric"
        return Found(s, e, kind, spec={"unit": unit["unit"], "offset": sign * int(count * unit["size"])})
    if name == "weekday":
        return Found(s, e, "weekday", spec={"rel": g["rel"].lower(), "weekday": g["wd"].lower()})
    return Found(s, e, "vague")


def find_expressions(text: str, doc=None) -> list[Found]:
    """Every temporal expression the rules match, longest first where they overlap."""
    found: list[Found] = []
    for name, rx in patterns():
        for m in rx.finditer(text):
            f = _match(name, m, text, doc)
            if f is not None:
                found.append(f)
    found.sort(key=lambda f: (-(f.end - f.start), f.start))
    kept: list[Found] = []
    taken: list[tuple[int, int]] = []       # (start, end) of those kept, in order
    for f in found:
        if overlaps_none(taken, f.start, f.end):
            kept.append(f)
            bisect.insort(taken, (f.start, f.end))
    if doc is not None:
        for ent in doc.ents:
            if ent.label_ == "DATE" and overlaps_none(taken, ent.start_char, ent.end_char):
                kept.append(Found(ent.start_char, ent.end_char, "parser"))
                bisect.insort(taken, (ent.start_char, ent.end_char))
    return sorted(kept, key=lambda f: f.start)


def overlaps_none(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether start-end overlaps none of `taken`, spans that overlap none of each other,
    in order (so their ends are in order too): only the last one starting before `end`
    can reach past `start` (an index instead of a test of every span kept)."""
    i = bisect.bisect_left(taken, (end,))
    return i == 0 or taken[i - 1][1] <= start


def document_expressions(doc) -> list[Found]:
    """`find_expressions` of a parsed document, found once per document (dates and counts
    both read them; each pass of the patterns over a long report costs a second or so).
    Not to be changed by the caller."""
    found = doc.user_data.get("actorgraph:date_expressions")
    if found is None:
        found = doc.user_data["actorgraph:date_expressions"] = find_expressions(doc_text(doc),
                                                                               doc)
    return found


# -- resolution ----------------------------------------------------------------

def parse_published(published: str | None) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of an ISO prefix such as "2023-12-15" or "2023"; None where absent."""
    m = re.match(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", published or "")
    if not m:
        return None, None, None
    return tuple(int(x) if x else None for x in m.groups())  # type: ignore[return-value]


def iso(year: int | None, month: int | None = None, day: int | None = None,
        precision: str | None = None) -> str | None:
    """The ISO prefix of a date cut to its precision ("2017", "2017-01", "2017-01-05")."""
    parts = {"year": (year,), "month": (year, month),
             "day": (year, month, day)}.get(precision or "")
    if not parts or None in parts or 0 in parts:
        return None
    return "-".join(f"{p:04d}" if i == 0 else f"{p:02d}" for i, p in enumerate(parts))


def _shift(value: str | None, unit: str, offset: int,
           keep: str | None = None) -> tuple[str | None, str | None]:
    """Move an ISO prefix by `offset` units (None if it lacks that unit); the result has the
    unit's precision, or `keep`."""
    parts = [int(p) for p in value.split("-")] if value else []
    if len(parts) < PRECISIONS.index(unit) + 1:
        return None, None
    if unit == "year":
        return iso(parts[0] + offset, precision="year"), "year"
    if unit == "month":
        total = parts[0] * 12 + (parts[1] - 1) + offset
        return iso(total // 12, total % 12 + 1, precision="month"), "month"
    d = date(*parts[:3]) + timedelta(days=offset)
    return iso(d.year, d.month, d.day, keep or "day"), keep or "day"


def _year_for(month: int | None, day: int | None, pub: tuple) -> int | None:
    """The year of a month (and day) given without one: the latest not after publication."""
    py, pm, pd = pub
    if py is None:
        return None
    if pm is not None and month is not None and (
            month > pm or (month == pm and day and pd and day > pd)):
        return py - 1
    return py


@lru_cache(maxsize=8)
def _dateparser(base: tuple):
    from dateparser.date import DateDataParser  # type: ignore[import-untyped]
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base[0] is not None:
        settings["RELATIVE_BASE"] = datetime(base[0], base[1] or 12, base[2] or 28)
    return DateDataParser(languages=["en"], settings=settings)


def load_dateparser() -> None:
    """Load dateparser's English data now (a fifth of a second, once per process), with the
    extractor, rather than inside the first report that has a date only it can read."""
    _dateparser((None, None, None)).get_date_data("12 March 2015")


@lru_cache(maxsize=4096)
def _dateparser_value(text: str, pub: tuple) -> tuple[str | None, str | None]:
    """Read a leftover DATE entity with dateparser, when it names a month or a number,
    keeping only the precision dateparser reports for it (once per text and publication
    date: dateparser takes milliseconds per call, and long reports repeat their dates)."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    if words & set(cues()["not_for_dateparser"]) or not (
            re.search(r"\d", text) or any(_month_number(w) for w in words)):
        return None, None
    try:
        data = _dateparser(tuple(pub)).get_date_data(text)
    except Exception:  # dateparser raises on odd strings; the expression stays unresolved
        return None, None
    if data is None or data.date_obj is None or data.period not in PRECISIONS:
        return None, None
    d = data.date_obj
    return iso(d.year, d.month, d.day, data.period), data.period


def _paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n[ \t]*\n", text)]


def resolve_dates(doc, sentences: list[Sentence], published: str | None) -> list[DateValue]:
    """Every temporal expression of `doc` (a spaCy Doc or a plain string), in text order,
    resolved to an ISO prefix with its precision (value None when it cannot be resolved)."""
    text = doc if isinstance(doc, str) else doc_text(doc)
    pub = parse_published(published)
    paras = _paragraph_starts(text)
    sent_starts = [s.start for s in sentences] or \
        [0] + [m.end() for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z\"\u201c(])", text)]
    out: list[DateValue] = []
    anchors: list[tuple[DateValue, int, int, bool]] = []   # value, paragraph, sentence, frame

    def where(offset: int) -> tuple[int, int]:
        return (bisect.bisect_right(paras, offset) - 1,
                bisect.bisect_right(sent_starts, offset) - 1 if sent_starts else -1)

    prev: Found | None = None
    for f in find_expressions(text) if isinstance(doc, str) else document_expressions(doc):
        if prev is not None and prev.kind == "partial" and \
                re.fullmatch(r"\s+of\s+", text[prev.end:f.start]):
            continue      # "last year" in "August of last year": read with the month
        prev = f
        para, sent = where(f.start)
        value, prec = _resolve(f, text, pub, para, sent, anchors)
        dv = DateValue(value, prec if value else None, text[f.start:f.end], f.start, f.end)
        out.append(dv)
        if value:
            opening = sent >= 0 and re.fullmatch(r"\W*(?:[A-Za-z]+\s+){0,3}",
                                                 text[sent_starts[sent]:f.start]) is not None
            anchors.append((dv, para, sent, f.kind in FRAMES and opening))
    return out


# Expressions that, opening a sentence, set the year of the bare dates after them: "In 2015,
# ... In March ...", "A year ago, in the early hours of January 3", "A week later the city
# saw more bloodshed. On July 10, ...".
FRAMES = {"absolute", "deictic", "anaphoric"}


def _resolve(f: Found, text: str, pub: tuple, para: int, sent: int,
             anchors: list) -> tuple[str | None, str | None]:
    if f.kind == "absolute":
        return iso(f.year, f.month, f.day, f.precision), f.precision
    if f.kind == "partial":
        year = None
        for dv, p, s, frame in reversed(anchors):   # "In 2015, ..." opening the sentence before
            if frame and p == para and s in (sent, sent - 1):
                y = int(dv.value[:4])
                year = y if y != pub[0] else None
                break
        if year is None and f.month and pub[0] and pub[1] and \
                re.search(r"\blast\s+$", text[max(0, f.start - 6):f.start], re.I):
            year = pub[0] if f.month < pub[1] else pub[0] - 1   # "last November"
        after = text[f.end:f.end + 30]
        of_year = re.match(r"\s+of\s+(last|this|the\s+following|the\s+next|the\s+previous|"
                           r"the\s+preceding)\s+year\b", after, re.I)
        if of_year and pub[0]:          # "August of last year", "May of the following year"
            word = of_year.group(1).lower().split()[-1]
            if word in ("last", "this"):
                year = pub[0] - (word == "last")
            else:
                base = next((int(dv.value[:4]) for dv, p, _, _ in reversed(anchors)
                             if p in (para, para - 1)), None)
                year = base + (1 if word in ("following", "next") else -1) if base else None
        year = year or _year_for(f.month, f.day if f.precision == "day" else None, pub)
        day, precision = f.day, f.precision
        nth = re.match(r",?\s+on\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b", after)
        if precision == "month" and nth and 1 <= int(nth.group(1)) <= 31:
            day, precision = int(nth.group(1)), "day"     # "Last November, on the 19th"
        return iso(year, f.month, day, precision), precision
    if f.kind == "deictic":
        if pub[0] is None:
            return None, None
        known = PRECISIONS[sum(x is not None for x in pub) - 1]
        return _shift(iso(pub[0], pub[1], pub[2], precision=known),
                      f.spec["unit"], f.spec["offset"],
                      f.spec.get("precision"))
    if f.kind == "anaphoric":
        # "the same night" counts from the last date the text gave, skipping a coarser
        # bound told since ("... by February the total stood at 110. The same night, ...")
        need = PRECISIONS.index({"day": "day", "month": "month"}.get(f.spec["unit"], "year"))
        for dv, p, _, _ in reversed(anchors):
            if p not in (para, para - 1):
                break
            bound = re.search(r"\b(?:by|until|till|through)\s+$",
                              text[max(0, dv.start - 8):dv.start], re.I)
            if bound and PRECISIONS.index(dv.precision) < need:
                continue
            return _shift(dv.value, f.spec["unit"], f.spec["offset"], f.spec.get("precision"))
        return None, None
    if f.kind == "weekday" and f.spec["rel"] in ("on", "last") and None not in pub:
        d = date(*pub)
        back = (d.weekday() - cues()["weekdays"].index(f.spec["weekday"])) % 7
        return _shift(d.isoformat(), "day", -(back or (7 if f.spec["rel"] == "last" else 0)))
    if f.kind == "parser":
        return _dateparser_value(text[f.start:f.end], pub)
    return None, None


# -- which date governs a fact ------------------------------------------------

def _attached(trigger, dv: DateValue) -> bool:
    """Whether the date expression hangs off the trigger without crossing another verb."""
    span = trigger.doc.char_span(dv.start, dv.end, alignment_mode="expand")
    for tok in (span.root.ancestors if span is not None else ()):
        if tok.i == trigger.i:
            return True
        if tok.pos_ in ("VERB", "AUX"):
            return False
    return False


def date_for(sentence_index: int, span_start: int, span_end: int, dates: list[DateValue],
             sentences: list[Sentence], trigger=None) -> DateValue | None:
    """The date that governs a fact at [span_start, span_end) in sentence `sentence_index`.

    A date attached to `trigger` (a spaCy Token, optional) wins; then the
    nearest resolved date of the same sentence; then an unresolved one (value
    None, "in recent years"), which says the text dated the fact vaguely.
    Relative expressions were already resolved from context by resolve_dates().
    """
    if not 0 <= sentence_index < len(sentences):
        return None
    sent = sentences[sentence_index]
    inside = [d for d in dates if d.start >= sent.start and d.end <= sent.end]
    if not inside:
        return None

    def distance(d: DateValue) -> int:
        return max(0, d.start - span_end, span_start - d.end)

    if trigger is not None:
        attached = [d for d in inside if d.value and _attached(trigger, d)]
        if attached:
            return min(attached, key=distance)
    resolved = [d for d in inside if d.value]
    return min(resolved or inside, key=distance)


CARRY_BACK = 2        # sentences back that an undated event takes its month from
NEW_TIME = words("claims", "new_time")   # "fighters have deployed to Syria": no one time


def carried(sentence_index: int, sentences: list[Sentence], text: str, dates: list[DateValue],
            dated: dict[int, list[DateValue]]) -> DateValue | None:
    """The date of an event its sentence does not date: told right after a dated event, in
    the same paragraph, with no time words of its own ("A gunman attacked the embassy on
    January 27. President X called it a terrorist attack."), it happened about then. The
    earlier date is carried at month precision at most, marked by an empty `text`."""
    sent = sentences[sentence_index] if 0 <= sentence_index < len(sentences) else None
    if sent is None or any(sent.start <= d.start < sent.end for d in dates):
        return None
    words = set(re.findall(r"[a-z]+", text[sent.start:sent.end].lower()))
    if words & NEW_TIME:
        return None
    for back in range(1, CARRY_BACK + 1):
        prev = sentence_index - back
        if prev < 0 or "\n" in text[sentences[prev].end:sent.start]:
            return None
        found = [d for d in dated.get(prev, []) if d.value]
        if found:
            d = max(found, key=lambda x: x.start)
            if d.precision == "day":
                return DateValue((d.value or "")[:7], "month", "", -1, -1)
            return DateValue(d.value, d.precision, "", -1, -1)
    return None


def entry_date(sentence_index: int, sentences: list[Sentence], text: str,
               dates: list[DateValue]) -> DateValue | None:
    """The date of an event its sentence does not date, in a paragraph that opens with a
    date: a chronology's or a digest's entry ("3 Oct - Tyre (south). Aircraft struck a
    depot."). The entry's date holds for what the entry tells, at its own precision."""
    sent = sentences[sentence_index] if 0 <= sentence_index < len(sentences) else None
    if sent is None or any(sent.start <= d.start < sent.end for d in dates):
        return None
    if set(re.findall(r"[a-z]+", text[sent.start:sent.end].lower())) & NEW_TIME:
        return None
    first = sentence_index
    while first > 0 and "\n" not in text[sentences[first - 1].end:sentences[first].start]:
        first -= 1
    opening = sentences[first]
    lead = len(text[opening.start:opening.end]) - len(text[opening.start:opening.end].lstrip(" *#-|"))
    for d in dates:
        if d.value and d.start == opening.start + lead:
            return DateValue(d.value, d.precision, "", -1, -1)
    return None
