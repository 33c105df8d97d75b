"""Dates in Russian text, resolved against the document's date.

"3 февраля 2023 года" (day), "в феврале 2023 года", "февраль 2023" (month), "в 2023 году"
(year), "28 марта" (the year of the document, or the one before for a later day), weekdays
("в пятницу": the last such day up to the document's date; "в прошлый четверг": the last
before it), "вчера", "накануне", "сегодня", "в прошлом году", and dates told from the date
told last ("днём ранее", "на следующий день", "в тот же день")."""
from __future__ import annotations

import datetime as dt
import re

from actorgraph.extract.rules_ru.nlp import Parsed, Tok
from actorgraph.extract.rules_ru.ruledata import load_data
from actorgraph.model import DateValue, Sentence

_D = load_data("dates.yaml")
MONTHS: dict[str, int] = _D["months"]
WEEKDAYS: dict[str, int] = _D["weekdays"]
RELATIVE: dict[str, int] = _D["relative_days"]
ANCHOR: dict[str, int] = _D["anchor_days"]
LAST, THIS, NEXT = set(_D["last"]), set(_D["this"]), set(_D["next"])
SAME_DAY = re.compile(r"\b(?:в|во)\s+(?:" + "|".join(
    p.replace(" ", r"\s+").replace("тот", "(?:тот|этот)") for p in _D["same_day"]) + r")",
    re.IGNORECASE)


def _published(published: str | None) -> dt.date | None:
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published)
    return dt.date(int(m[1]), int(m[2]), int(m[3])) if m else None


def _day(t: Tok) -> int | None:
    return int(t.text) if t.text.isdigit() and 1 <= int(t.text) <= 31 else None


def _year(t: Tok) -> int | None:
    return int(t.text) if re.fullmatch(r"(1[89]|20)\d\d", t.text) else None


def _iso(d: dt.date) -> str:
    return d.isoformat()


class _Reader:
    def __init__(self, parsed: Parsed, published: str | None) -> None:
        self.p = parsed
        self.pub = _published(published)
        self.anchor: dt.date | None = self.pub
        self.out: list[DateValue] = []

    def add(self, value: str | None, precision: str, a: Tok, b: Tok) -> None:
        self.out.append(DateValue(value, precision, self.p.text[a.start:b.end], a.start, b.end))
        if value and precision == "day":
            self.anchor = dt.date.fromisoformat(value)

    def month_date(self, i: int) -> int:
        """A date around the month word at token `i`; the index after it."""
        toks, t = self.p.toks, self.p.toks[i]
        month = MONTHS[t.lemma]
        day = _day(toks[i - 1]) if i > 0 else None
        year = _year(toks[i + 1]) if i + 1 < len(toks) else None
        a = toks[i - 1] if day else t
        b = toks[i + 1] if year else t
        end = i + 2 if year else i + 1
        if year and end < len(toks) and toks[end].lemma in ("год", "г"):
            b, end = toks[end], end + 1
        if year is None and self.pub is not None:
            year = self.pub.year
            if (month, day or 1) > (self.pub.month, self.pub.day) and day:
                year -= 1
            elif month > self.pub.month and not day:
                year -= 1
        if year is None:
            self.add(None, "day" if day else "month", a, b)
        elif day:
            try:
                self.add(_iso(dt.date(year, month, day)), "day", a, b)
            except ValueError:
                self.add(None, "day", a, b)
        else:
            self.add(f"{year:04d}-{month:02d}", "month", a, b)
        return end

    def weekday(self, i: int) -> None:
        t = self.p.toks[i]
        prev = self.p.toks[i - 1] if i > 0 else None
        a = prev if prev is not None and prev.lemma in LAST | THIS | NEXT else t
        if self.pub is None:
            self.add(None, "day", a, t)
            return
        back = (self.pub.weekday() - WEEKDAYS[t.lemma]) % 7
        if a is not t and a.lemma in LAST and back == 0:
            back = 7
        if a is not t and a.lemma in NEXT:
            back = -((WEEKDAYS[t.lemma] - self.pub.weekday()) % 7 or 7)
        self.add(_iso(self.pub - dt.timedelta(days=back)), "day", a, t)

    def relative(self, i: int) -> bool:
        toks, t = self.p.toks, self.p.toks[i]
        low = t.text.lower()
        if low in RELATIVE and self.pub is not None:
            self.add(_iso(self.pub + dt.timedelta(days=RELATIVE[low])), "day", t, t)
            return True
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t.lemma == "день" and nxt is not None and nxt.text.lower() in ANCHOR \
                and self.anchor is not None:
            self.add(_iso(self.anchor + dt.timedelta(days=ANCHOR[nxt.text.lower()])), "day",
                     t, nxt)
            return True
        if t.lemma == "год" and i > 0 and toks[i - 1].lemma in LAST | THIS and self.pub:
            year = self.pub.year - (toks[i - 1].lemma in LAST)
            self.add(str(year), "year", toks[i - 1], t)
            return True
        return False


def find_dates(parsed: Parsed, sentences: list[Sentence], published: str | None
               ) -> list[DateValue]:
    """Every date expression, in text order, with its value (None when unresolvable)."""
    r = _Reader(parsed, published)
    toks = parsed.toks
    same = {m.start(): m for m in SAME_DAY.finditer(parsed.text)}
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.start in same and r.anchor is not None:
            m = same[t.start]
            end = next((k for k in range(i, len(toks)) if toks[k].end >= m.end()), i)
            r.add(_iso(r.anchor), "day", t, toks[end])
            i = end + 1
            continue
        if t.lemma in MONTHS and (t.pos in ("NOUN", "PROPN") or _day(toks[i - 1])):
            i = r.month_date(i)
            continue
        if t.lemma in WEEKDAYS:
            r.weekday(i)
        elif _year(t) and i + 1 < len(toks) and toks[i + 1].lemma in ("год", "г"):
            r.add(str(_year(t)), "year", t, toks[i + 1])
            i += 2
            continue
        else:
            r.relative(i)
        i += 1
    return r.out


def date_for(sentence: int, offset: int, found: list[DateValue], sentences: list[Sentence],
             text: str) -> DateValue | None:
    """The date of what a sentence tells at `offset`: the nearest date of its sentence, else
    the last day or month told before it (a story goes on at the date it last gave)."""
    s = sentences[sentence]
    own = [d for d in found if d.value and s.start <= d.start < s.end]
    days = [d for d in own if d.precision in ("day", "month")]
    if days:
        return min(days, key=lambda d: abs(d.start - offset))
    earlier = [d for d in found if d.value and d.start < s.start
               and d.precision in ("day", "month")]
    if earlier:
        return earlier[-1]
    return min(own, key=lambda d: abs(d.start - offset)) if own else None
