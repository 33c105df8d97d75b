"""Dates an event takes from the events told before it in the same document.

The date stage resolves "that night" or "ten days after" against the dates the text
gives nearby; when none is near, the expression still counts from an act the report has
already told and dated: "Ten days after the attack, US jets bombed ..." counts from the
attack told (and dated) before, "condemned the attack that night" is the night of that
attack. The anchor is the latest earlier event of the type the sentence names ("the
attack": an ASSAULT), else the latest earlier dated event; a day count needs a day.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc

from actorgraph.extract.rules_en.events.rules import load_rules
from actorgraph.extract.rules_en.reference.argdata import lemma_of
from actorgraph.extract.rules_en.ruledata import load_data, words
from actorgraph.model import DateValue, EventFact

COUNTS = {w: i + 1 for i, w in enumerate(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "eleven", "twelve"])} | {"a": 1, "an": 1}
FORWARD = words("events", "date_forward_words")     # "ten days after", "two days later"
BACKWARD = words("events", "date_backward_words")   # "a week before"
_OFFSET = re.compile(r"^(\w+)[\s-]+(day|week|month|year)s?\s+(\w+)$", re.I)
_SIZES = {"day": ("day", 1), "week": ("day", 7), "month": ("month", 1), "year": ("year", 1)}
_ORDER = ["year", "month", "day"]


def _relative(text: str) -> tuple[str, int, str | None] | None:
    """(unit, offset, precision kept) of 'that night', 'the same day', 'ten days after'."""
    low = " ".join(text.lower().split())
    spec = load_data("dates.yaml").get("anaphoric", {}).get(low)
    if spec:
        return spec["unit"], int(spec["offset"]), spec.get("precision")
    m = _OFFSET.match(low)
    if not m:
        return None
    n = int(m.group(1)) if m.group(1).isdigit() else COUNTS.get(m.group(1))
    direction = 1 if m.group(3) in FORWARD else -1 if m.group(3) in BACKWARD else 0
    if not n or not direction:
        return None
    unit, size = _SIZES[m.group(2)]
    return unit, direction * n * size, None


def _shift(value: str, unit: str, offset: int, keep: str | None) -> DateValue | None:
    parts = [int(p) for p in value.split("-")]
    if len(parts) < _ORDER.index(unit) + 1:
        return None
    if unit == "year":
        return DateValue(f"{parts[0] + offset:04d}", "year")
    if unit == "month":
        total = parts[0] * 12 + parts[1] - 1 + offset
        return DateValue(f"{total // 12:04d}-{total % 12 + 1:02d}", "month")
    d = date(*parts[:3]) + timedelta(days=offset)
    if keep == "month":
        return DateValue(f"{d.year:04d}-{d.month:02d}", "month")
    return DateValue(d.isoformat(), "day")


def _named_type(doc: Doc, ev: EventFact, sentence: tuple[int, int]) -> str | None:
    """The type of the act a definite noun of the sentence names ('after the attack')."""
    nouns = load_rules().nouns
    span = doc.char_span(*sentence, alignment_mode="expand")
    for t in span if span is not None else ():
        if t.idx == ev.trigger_start or t.pos_ not in ("NOUN", "PROPN"):
            continue
        spec = nouns.get(t.lower_) or nouns.get(lemma_of(t))
        if spec and any(c.dep_ == "det" and c.lower_ in ("the", "that", "this")
                        for c in t.children):
            return spec[0]
    return None


WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _own_weekday(doc: Doc, ev: EventFact) -> int | None:
    """The weekday an act's noun owns: 'Friday's strikes', 'Friday evening's air raid'."""
    span = doc.char_span(ev.trigger_start, ev.trigger_end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    nouns = [root] + [o for p in root.children if p.dep_ == "prep"
                      for o in p.children if o.dep_ == "pobj"]
    for n in nouns:
        for c in n.children:
            if c.dep_ != "poss":
                continue
            for w in [c, *c.children]:
                if w.lower_ in WEEKDAYS:
                    return WEEKDAYS.index(w.lower_)
    return None


def _weekday_before(ev: EventFact, weekday: int, told: list[EventFact]) -> None:
    """'on Saturday confirmed ... Friday's raid': the latest such weekday up to the date the
    sentence gives, else up to the day of the act told just before."""
    d = ev.date
    base = d.value if d is not None and d.value and d.precision == "day" else next(
        (o.date.value for o in reversed(told)
         if o.date is not None and o.date.value and o.date.precision == "day"), None)
    if base is None:
        return
    day = date.fromisoformat(base)
    day -= timedelta(days=(day.weekday() - weekday) % 7)
    ev.date = DateValue(day.isoformat(), "day", d.text if d else "", d.start if d else -1,
                        d.end if d else -1)


def date_from_events(doc: Doc, events: list[EventFact],
                     sentences: list[tuple[int, int]]) -> None:
    """Resolve an event's unresolved relative date ('that night', 'ten days after') from
    the event it counts from, told and dated earlier in the document; an act owned by a
    weekday ('Friday's strikes') takes that weekday up to its sentence's date."""
    told: list[EventFact] = []
    for ev in sorted(events, key=lambda e: (e.sentence, e.trigger_start)):
        weekday = _own_weekday(doc, ev)
        if weekday is not None:
            _weekday_before(ev, weekday, told)
        d = ev.date
        if d is not None and d.value is None and d.text and 0 <= ev.sentence < len(sentences):
            rel = _relative(d.text)
            if rel is not None:
                unit, offset, keep = rel
                kind = _named_type(doc, ev, sentences[ev.sentence])
                need = _ORDER.index(unit)
                dated = [o for o in told if o.date is not None and o.date.value
                         and len(o.date.value.split("-")) > need]
                anchor = next((o for o in reversed(dated) if o.type == kind), None) or (
                    dated[-1] if dated and kind is None else None)
                if anchor is not None and anchor.date is not None and anchor.date.value:
                    new = _shift(anchor.date.value, unit, offset, keep)
                    if new is not None:
                        ev.date = DateValue(new.value, new.precision, d.text, d.start, d.end)
        if ev.date is not None and ev.date.value:
            told.append(ev)


def _named(ev: EventFact) -> set[str]:
    return set(ev.actors) | {t for t in ev.targets if not t.startswith("place:")}


def _same_act(a: EventFact, b: EventFact) -> bool:
    """Two tellings of one act in a report (a headline and its lead): the same type on the
    same day, in no two different places, sharing a participant or one naming none."""
    if a.type != b.type or a.date is None or b.date is None or not a.date.value \
            or a.date.precision != "day" or a.date.value != b.date.value:
        return False
    if a.location and b.location and a.location != b.location:
        return False
    na, nb = _named(a), _named(b)
    return bool(na & nb) or not na or not nb


def merge_retold(events: list[EventFact]) -> list[EventFact]:
    """One event for each act a document tells more than once on the same day."""
    kept: list[EventFact] = []
    for ev in sorted(events, key=lambda e: (e.sentence, e.trigger_start)):
        first = next((k for k in kept if _same_act(k, ev)), None)
        if first is None:
            kept.append(ev)
            continue
        first.actors += tuple(a for a in ev.actors if a not in first.actors)
        first.targets += tuple(t for t in ev.targets if t not in first.targets
                               and t not in first.actors)
        first.location = first.location or ev.location
        first.mode = first.mode or ev.mode
    return kept
