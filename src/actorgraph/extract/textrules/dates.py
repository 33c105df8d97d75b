"""Dates in the text: day and month names with numbers, years, relative days and weekdays,
resolved against the document's publication date; other calendars (Solar Hijri, Hijri)
converted to the Gregorian calendar by the grammar.

The grammar's `months` class maps a month name to its Gregorian number, or to
[calendar, number] for another calendar; `weekdays` to 0 (Monday) .. 6; `relative_days`
to a day offset ("same": the day last named); `relative_years` to a year offset.
"""
from __future__ import annotations

import datetime as dt
import re

from actorgraph.extract.textrules import words
from actorgraph.extract.textrules.grammar import Grammar, to_ascii_digits
from actorgraph.extract.textrules.text import Token
from actorgraph.model import DateValue

YEAR = re.compile(r"^(\d{4})(?:[-\u2011\u2013]\w+)?$")
DAY = re.compile(r"^(\d{1,2})(?:[-\u2011]\w+)?$")


def _born(grammar: Grammar, tokens: list[Token], i: int) -> bool:
    born = grammar.wordset("birth_words")
    return any(grammar.fold(t.text) in born or any(grammar.fold(t.text).startswith(b)
                                                   for b in born if grammar.prefix)
               for t in tokens[max(0, i - 2):i + 4] if t.sentence == tokens[i].sentence)


def _published(published: str | None) -> dt.date | None:
    if not published or not re.match(r"^\d{4}-\d{2}-\d{2}", published):
        return None
    return dt.date.fromisoformat(published[:10])


def _int(tok: Token | None, pattern: re.Pattern) -> int | None:
    if tok is None:
        return None
    m = pattern.match(to_ascii_digits(tok.text))
    return int(m.group(1)) if m else None


def find_dates(text: str, tokens: list[Token], grammar: Grammar,
               published: str | None) -> list[DateValue]:
    """Every resolvable date expression, in text order."""
    pub = _published(published)
    prefix = grammar.prefix
    out: list[DateValue] = []
    used: set[int] = set()
    months = grammar.words.get("months") or {}
    last_end = -1
    for hit in words.find(tokens, grammar, words.phrases(grammar, {"m": months}),
                          prefix and grammar.script == "latin"):
        if hit.start == last_end and "/" in text[tokens[hit.start - 1].end:tokens[hit.start].start]:
            last_end = hit.end      # "أيار/مايو": one month in two series
            continue
        value = _month_date(tokens, hit, grammar, months, pub, used)
        if value:
            out.append(_value(text, tokens, *value))
            last_end = hit.end
    out += _relative(text, tokens, grammar, pub, used)
    for i, tok in enumerate(tokens):
        year = _int(tok, YEAR)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if i in used or year is None or not 1900 <= year <= 2100:
            continue
        if nxt is not None and _born(grammar, tokens, i):
            continue        # "1986-cı il təvəllüdlü": a birth year dates no event
        if nxt is not None and grammar.fold(nxt.text) in grammar.wordset("year_words") \
                or tok.text != to_ascii_digits(tok.text) or "-" in tok.text:
            out.append(_value(text, tokens, i, i + 1, f"{year:04d}", "year"))
    return _same_day(sorted(out, key=lambda d: d.start))


def _same_day(dates: list[DateValue]) -> list[DateValue]:
    """"That day" is the day named last before it."""
    out: list[DateValue] = []
    for d in dates:
        if d.value == "same":
            last = next((o for o in reversed(out) if o.precision == "day"), None)
            if last is None:
                continue
            d = DateValue(last.value, "day", d.text, d.start, d.end)
        out.append(d)
    return out


def _month_date(tokens, hit, grammar: Grammar, months: dict, pub, used: set[int]):
    raw = next(v for k, v in months.items() if words.phrases(grammar, {"m": [k]})[0][0]
               == hit.phrase.split())
    calendar, month = ("gregorian", int(raw)) if isinstance(raw, int) else (raw[0], int(raw[1]))
    before = tokens[hit.start - 1] if hit.start and tokens[hit.start - 1].sentence == \
        tokens[hit.start].sentence else None
    after = tokens[hit.end] if hit.end < len(tokens) and tokens[hit.end].sentence == \
        tokens[hit.start].sentence else None
    start, end = hit.start, hit.end
    day = _int(before, DAY)
    ordinal = _ordinal_day(tokens, hit.start, grammar)
    if day is not None and 1 <= day <= 31:
        start -= 1
    elif ordinal is not None:
        day, start = ordinal
    else:
        day = _int(after, DAY) if grammar.prefix else None
        if day is not None and 1 <= day <= 31 and _int(after, YEAR) is None:
            end += 1
        else:
            day = None
    year = _int(tokens[end] if end < len(tokens) else None, YEAR)
    written = year is not None and tokens[end].sentence == tokens[hit.start].sentence
    if written:
        end += 1
    elif calendar == "gregorian" and _year_before(tokens, start, grammar):
        year, written = _year_before(tokens, start, grammar), True
    elif calendar != "gregorian" and day is None:
        return None         # "تیر", "مهر" alone are words too: a month of its own needs a day
    elif pub is not None:
        year = grammar.from_gregorian(calendar, pub.isoformat())
    else:
        return None
    used.update(range(start, end))
    y, m, d = grammar.to_gregorian(calendar, year or 0, month, day)
    if not written and pub is not None and (y, m, d or 1) > (pub.year, pub.month, pub.day):
        y, m, d = grammar.to_gregorian(calendar, (year or 0) - 1, month, day)
    if d is None:
        return start, end, f"{y:04d}-{m:02d}", "month"
    return start, end, f"{y:04d}-{m:02d}-{d:02d}", "day"


def _ordinal_day(tokens: list[Token], at: int, grammar: Grammar) -> tuple[int, int] | None:
    """"العاشر من تشرين", "السادس والعشرين من شباط": ordinal day words, "of", the month."""
    of, ordinals = grammar.wordset("of_words"), grammar.table("ordinal_days")
    if not ordinals or at < 2 or grammar.fold(tokens[at - 1].text) not in of:
        return None
    day, start = 0, at - 1
    for k in range(at - 2, max(-1, at - 5), -1):
        if tokens[k].sentence != tokens[at].sentence:
            break
        forms = [grammar.fold(tokens[k].text), *(grammar.fold(a.stem)
                                                 for a in grammar.analyses(tokens[k].text))]
        value = next((ordinals[f] for f in forms if f in ordinals), None)
        if value is None:
            break
        day, start = day + int(value), k
    return (day, start) if 1 <= day <= 31 else None


def _year_before(tokens: list[Token], at: int, grammar: Grammar) -> int | None:
    """The year written earlier in the sentence ("2023-cü ilin martında ... aprelində")."""
    for k in range(at - 1, -1, -1):
        if tokens[k].sentence != tokens[at].sentence:
            break
        year = _int(tokens[k], YEAR)
        if year is not None and 1900 <= year <= 2100 and not _born(grammar, tokens, k):
            return year
    return None


def _relative(text: str, tokens: list[Token], grammar: Grammar, pub, used: set[int]
              ) -> list[DateValue]:
    if pub is None:
        return []
    classes = {"d": grammar.words.get("relative_days") or {},
               "w": grammar.words.get("weekdays") or {},
               "y": grammar.words.get("relative_years") or {}}
    out: list[DateValue] = []
    context = grammar.wordset("past_words") | grammar.wordset("weekday_context") \
        | frozenset(grammar.fold(str(k)) for k in classes["d"])
    for hit in words.find(tokens, grammar, _tables(grammar, classes)):
        if any(i in used for i in range(hit.start, hit.end)):
            continue
        kind, value = hit.label.split(":", 1)
        if kind == "d" and value == "same":
            out.append(_value(text, tokens, hit.start, hit.end, "same", "day"))
            continue
        if kind == "w" and not _near(tokens, hit, context, grammar):
            continue        # "cümə imamı", "Friday prayers": a weekday that dates nothing
        if kind == "y":
            out.append(_value(text, tokens, hit.start, hit.end, str(pub.year + int(value)),
                              "year"))
            continue
        if kind == "d":
            day = pub + dt.timedelta(days=int(value))
        else:
            back = (pub.weekday() - int(value)) % 7
            past = _near(tokens, hit, grammar.wordset("past_words"), grammar)
            day = pub - dt.timedelta(days=back or (7 if past else 0))
        out.append(_value(text, tokens, hit.start, hit.end, day.isoformat(), "day"))
    return out


def _tables(grammar: Grammar, classes: dict[str, dict]) -> list[tuple[list[str], str]]:
    out = []
    for kind, table in classes.items():
        for phrase, value in table.items():
            out.append(([grammar.fold(w) for w in str(phrase).split()], f"{kind}:{value}"))
    return sorted(out, key=lambda x: -len(x[0]))


def _near(tokens: list[Token], hit, wordset: frozenset[str], grammar: Grammar) -> bool:
    for i in (hit.start - 1, hit.end):
        if 0 <= i < len(tokens) and grammar.fold(tokens[i].text) in wordset:
            return True
    return False


def _value(text: str, tokens: list[Token], start: int, end: int, value: str,
           precision: str) -> DateValue:
    a, b = tokens[start].start, tokens[end - 1].end
    return DateValue(value=value, precision=precision, text=text[a:b], start=a, end=b)


def date_for(start: int, end: int, sentence: tuple[int, int], dates: list[DateValue],
             after: bool = False) -> DateValue | None:
    """The date of a fact told at [start, end): the nearest date of its sentence on the side
    the language writes a verb's time words (after it in Arabic, before it otherwise)."""
    inside = [d for d in dates if sentence[0] <= d.start < sentence[1] and d.value]
    if not inside:
        return None
    return min(inside, key=lambda d: ((d.start >= end) != after, abs(d.start - start),
                                      d.precision != "day"))


def carried(text: str, at: int, dates: list[DateValue], paragraph: bool = True
            ) -> DateValue | None:
    """The date an undated sentence inherits: the last day or month named before it in its
    paragraph (a chronicle's "19 May, morning." heads the paragraph it dates), or, with
    `paragraph` False, the last day named before it anywhere."""
    if paragraph:
        para = text.rfind("\n\n", 0, at)
        before = [d for d in dates if para < d.start < at and d.value
                  and d.precision in ("day", "month")]
    else:
        before = [d for d in dates if d.start < at and d.value and d.precision == "day"]
    return before[-1] if before else None
