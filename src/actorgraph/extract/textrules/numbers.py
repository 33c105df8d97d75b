"""Quantities: a number (digits in any script, or number words joined by "and") and the
noun it counts, with its qualifier, what it measures (`measures`) and the actor the sentence
is about."""
from __future__ import annotations

import bisect

from actorgraph.extract.textrules.grammar import Grammar
from actorgraph.extract.textrules.measures import measure_of
from actorgraph.extract.textrules.text import Token
from actorgraph.model import DateValue, Mention, QuantityFact, Sentence

SUBJECT_TYPES = ("organization", "country", "person")


def _value_run(tokens: list[Token], i: int, grammar: Grammar) -> tuple[float, int] | None:
    """The value of the number words from token i on, and the token after them."""
    ands = grammar.wordset("and_words")
    total = current = 0.0
    j, seen = i, False
    while j < len(tokens) and tokens[j].sentence == tokens[i].sentence:
        v = grammar.number(tokens[j].text)
        if v is None:
            if seen and grammar.fold(tokens[j].text) in ands and j + 1 < len(tokens) \
                    and grammar.number(tokens[j + 1].text) is not None:
                j += 1
                continue
            break
        seen = True
        if v >= 1000 and current:
            total += current * v
            current = 0.0
        elif v >= 100 and current and current < 100:
            current *= v
        else:
            current += v
        j += 1
    return (total + current, j) if seen else None


def _unit(tokens: list[Token], i: int, j: int, grammar: Grammar, dated: set[int]
          ) -> int | None:
    """The word the number over tokens [i, j) counts, or None when it counts nothing."""
    def fold(k: int) -> str:
        return grammar.fold(tokens[k].text)

    def here(k: int) -> bool:
        return 0 <= k < len(tokens) and tokens[k].sentence == tokens[i].sentence

    if fold(i) in grammar.wordset("after_noun") and here(i - 1):
        return i - 1            # "متظاهر واحد": the numeral after its noun
    unit = j
    if here(unit) and fold(unit) in grammar.wordset("of_words") and here(unit + 1):
        unit += 1               # "ستة من أفراد"
    if not here(unit) or fold(unit) in grammar.wordset("not_units") or unit in dated:
        return None
    return unit


def _qualifier(tokens: list[Token], i: int, quals: dict, grammar: Grammar
               ) -> tuple[str | None, int]:
    for n in (2, 1):
        if i - n >= 0 and tokens[i - n].sentence == tokens[i].sentence:
            phrase = " ".join(grammar.fold(t.text) for t in tokens[i - n:i])
            if phrase in quals:
                return quals[phrase], n
    return None, 0


def _not_a_count(text: str, tokens: list[Token], i: int, j: int, value: float) -> bool:
    """A time (21:51), an article number (228.2), a year, or a number ending a quoted name."""
    before = text[tokens[i].start - 1:tokens[i].start]
    after = text[tokens[j - 1].end:tokens[j - 1].end + 2]
    return before in (":", ".", "/") or (after[:1] in (":", ".") and after[1:2].isdigit()) \
        or after[:1] in ("\u00bb", "\u201d", '"', ")") \
        or (1900 <= value <= 2100 and tokens[i].text.isdigit())


def find_quantities(text: str, tokens: list[Token], sentences: list[Sentence],
                    mentions: list[Mention], dates: list[DateValue], grammar: Grammar
                    ) -> list[QuantityFact]:
    starts = [t.start for t in tokens]
    dated = {i for d in dates for i in range(bisect.bisect_left(starts, d.start),
                                             bisect.bisect_left(starts, d.end))}
    quals = grammar.table("qualifiers")
    out: list[QuantityFact] = []
    i = 0
    while i < len(tokens):
        found = None if i in dated else _value_run(tokens, i, grammar)
        if found is None or found[0] <= 0:
            i += 1
            continue
        value, j = found
        unit = _unit(tokens, i, j, grammar, dated)
        if unit is None or _not_a_count(text, tokens, i, j, value):
            i = j
            continue
        qualifier, back = _qualifier(tokens, i, quals, grammar)
        start = min(tokens[i - back].start, tokens[unit].start)
        end = max(tokens[unit].end, tokens[j - 1].end)
        if unit == i - 1 and j + 1 < len(tokens):
            after = " ".join(grammar.fold(t.text) for t in tokens[j:j + 2])
            if after in quals and tokens[j + 1].sentence == tokens[i].sentence:
                qualifier, end = quals[after], tokens[j + 1].end     # "... على الأقل"
        sent = tokens[i].sentence
        out.append(QuantityFact(
            value=value, unit=grammar.fold(tokens[unit].text), sentence=sent,
            start=start, end=end, text=text[start:end], qualifier=qualifier,
            subject=_subject(mentions, sent, start),
            measure=measure_of(tokens, i, j, unit, grammar)))
        i = j
    return out


def _subject(mentions: list[Mention], sentence: int, at: int) -> str | None:
    near = [m for m in mentions if m.sentence == sentence and m.type in SUBJECT_TYPES]
    if not near:
        return None
    return min(near, key=lambda m: abs(m.start - at)).key
