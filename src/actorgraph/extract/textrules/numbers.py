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


def _unit(text: str, tokens: list[Token], i: int, j: int, grammar: Grammar, dated: set[int]
          ) -> int | None:
    """The word the number over tokens [i, j) counts, or None when it counts nothing."""
    def fold(k: int) -> str:
        return grammar.fold(tokens[k].text)

    def here(k: int) -> bool:
        return 0 <= k < len(tokens) and tokens[k].sentence == tokens[i].sentence

    if fold(i) in grammar.wordset("after_noun") and here(i - 1):
        return i - 1            # "متظاهر واحد": the numeral after its noun
    counted = _counted(tokens, i, grammar)
    if counted is not None:
        return counted
    unit = j
    if here(unit) and fold(unit) in grammar.wordset("of_words") and here(unit + 1):
        unit += 1               # "ستة من أفراد"
    if not here(unit) or fold(unit) in grammar.wordset("not_units") or unit in dated \
            or text[tokens[unit - 1].end:tokens[unit].start].strip():
        return None         # a number set off by punctuation ("biri – İran ...") counts none
    word, after = tokens[unit].text, unit + 1
    if word[:1].isupper() and not word.isupper() and here(after) \
            and tokens[after].text[:1].islower() \
            and not text[tokens[unit].end:tokens[after].start].strip():
        return after        # "dörd Fransa diplomatı": a name qualifies the noun after it
    return unit


COUNT_NOUN_REACH = 3     # words between a word for "the number of" and the number


def _counted(tokens: list[Token], i: int, grammar: Grammar) -> int | None:
    """'saxlanılanların sayı altıya çatıb', 'ارتفع عدد القتلى إلى تسعة': a word for "the
    number of" shortly before the number; what it counts stands next to it, before it or
    after it as the language writes a noun's complement (`count_nouns`)."""
    nouns = grammar.table("count_nouns")
    for c in range(i - 1, max(i - 1 - COUNT_NOUN_REACH, -1), -1):
        if tokens[c].sentence != tokens[i].sentence:
            return None
        side = nouns.get(grammar.fold(tokens[c].text))
        if side is None:
            continue
        k = c - 1 if side == "before" else c + 1
        if 0 <= k < i and tokens[k].sentence == tokens[i].sentence:
            return k
        return None
    return None


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
        unit = _unit(text, tokens, i, j, grammar, dated)
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
            subject=_subject(text, mentions, sent, start, grammar),
            measure=measure_of(tokens, i, j, unit, grammar)))
        i = j
    _carry_subjects(text, out)
    return out


def _subject(text: str, mentions: list[Mention], sentence: int, at: int, grammar: Grammar
             ) -> str | None:
    """The actor nearest the count in its sentence; of actors joined by commas and "and"
    ("A, B və C tərəfindən"), the first, which stands for them all."""
    near = sorted((m for m in mentions if m.sentence == sentence and m.type in SUBJECT_TYPES),
                  key=lambda m: m.start)
    if not near:
        return None
    k = min(range(len(near)), key=lambda n: abs(near[n].start - at))
    ands = grammar.wordset("and_words")
    while k > 0:
        between = text[near[k - 1].end:near[k].start].strip()
        if between != "," and grammar.fold(between) not in ands:
            break
        k -= 1
    return near[k].key


INCREMENT = "more"       # the qualifier of a count added to an earlier one ("daha iki")
CARRY = 3                # sentences back an added count looks for the count it adds to


def _carry_subjects(text: str, counts: list[QuantityFact]) -> None:
    """A count without an actor in its sentence that adds to an earlier count of the same
    measure ("daha iki nəfər": two more) is about that count's actor; so is a count of the
    same measure in the same sentence as one that has an actor, or after one in the same
    paragraph."""
    done: list[QuantityFact] = []
    for q in counts:
        if q.subject is None and q.measure is not None:
            for p in reversed(done):
                if p.measure != q.measure or p.subject is None:
                    continue
                same_paragraph = "\n\n" not in text[p.end:q.start]
                if p.sentence == q.sentence or same_paragraph or (
                        q.qualifier == INCREMENT and q.sentence - p.sentence <= CARRY):
                    q.subject = p.subject
                break
        done.append(q)
