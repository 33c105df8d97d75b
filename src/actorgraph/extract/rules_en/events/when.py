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


def date_from_events(doc: Doc, events: list[EventFact],
                     sentences: list[tuple[int, int]]) -> None:
    """Resolve an event's unresolved relative date ('that night', 'ten days after') from
    the event it counts from, told and dated earlier in the document."""
    told: list[EventFact] = []
    for ev in sorted(events, key=lambda e: (e.sentence, e.trigger_start)):
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
