"""Quantities: a number (digits in any script, or number words joined by "and") and the
noun it counts, with its qualifier and the actor the sentence is about."""
from __future__ import annotations

from actorgraph.extract.textrules.grammar import Grammar
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


def find_quantities(text: str, tokens: list[Token], sentences: list[Sentence],
                    mentions: list[Mention], dates: list[DateValue], grammar: Grammar
                    ) -> list[QuantityFact]:
    dated = {i for d in dates for i, t in enumerate(tokens) if d.start <= t.start < d.end}
    quals = grammar.table("qualifiers")
    skip_units = grammar.wordset("not_units")
    out: list[QuantityFact] = []
    i = 0
    while i < len(tokens):
        found = None if i in dated else _value_run(tokens, i, grammar)
        if found is None or found[0] <= 0:
            i += 1
            continue
        value, j = found
        unit_i = j
        if text[tokens[i].start - 1:tokens[i].start] in ":./" or \
                text[tokens[j - 1].end:tokens[j - 1].end + 2][:1] in (":", ".") and \
                text[tokens[j - 1].end + 1:tokens[j - 1].end + 2].isdigit():
            i = j           # a time, a decimal article number
            continue
        if unit_i >= len(tokens) or tokens[unit_i].sentence != tokens[i].sentence \
                or grammar.fold(tokens[unit_i].text) in skip_units or unit_i in dated \
                or (1900 <= value <= 2100 and tokens[i].text.isdigit()):
            i = j
            continue
        if text[tokens[j - 1].end:tokens[j - 1].end + 1] in ("\u00bb", "\u201d", '"', ")"):
            i = j           # a number that ends a quoted name
            continue
        qualifier, back = None, 0
        for n in (2, 1):
            if i - n >= 0 and tokens[i - n].sentence == tokens[i].sentence:
                phrase = " ".join(grammar.fold(t.text) for t in tokens[i - n:i])
                if phrase in quals:
                    qualifier, back = quals[phrase], n
                    break
        start = tokens[i - back].start
        end = tokens[unit_i].end
        sent = tokens[i].sentence
        out.append(QuantityFact(
            value=value, unit=grammar.fold(tokens[unit_i].text), sentence=sent,
            start=start, end=end, text=text[start:end], qualifier=qualifier,
            subject=_subject(mentions, sent, start)))
        i = j
    return out


def _subject(mentions: list[Mention], sentence: int, at: int) -> str | None:
    near = [m for m in mentions if m.sentence == sentence and m.type in SUBJECT_TYPES]
    if not near:
        return None
    return min(near, key=lambda m: abs(m.start - at)).key
