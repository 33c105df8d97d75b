"""Figures in Russian text: digits ("более 60", "2,5 тысячи") and number words ("шестерых",
"двадцать"), with their qualifier ("более", "около"), what they count (the noun they
quantify, by its lemma: "20 лет" -> "год"; people when a collective stands alone:
"задержаны четверо"), what they measure in the English reader's words (dead, wounded,
arrested; missiles, drones, fighters ...: `measure`) and whom they are about."""
from __future__ import annotations

import re

from actorgraph.extract.rules_ru.nlp import Parsed, Tok
from actorgraph.extract.rules_ru.refer import Refs
from actorgraph.extract.rules_ru.ruledata import load_data
from actorgraph.model import Mention, QuantityFact, Sentence

_N = load_data("numbers.yaml")
CARDINALS: dict[str, float] = _N["cardinals"]
COLLECTIVES: dict[str, float] = _N["collectives"]
MULTIPLIERS: dict[str, float] = _N["multipliers"]
QUALIFIERS: dict[str, str] = _N["qualifiers"]
NOT_UNITS = set(_N["not_units"])
NEGATED: dict[str, str] = _N["negated_qualifiers"]
MEASURES = {w: m for m, words in _N["measures"].items() for w in words}
WEAPONS = {w: m for m, words in _N["weapon_units"].items() for w in words}
PEOPLE = {w: m for m, words in _N["people_units"].items() for w in words}
MONTHS = set(load_data("dates.yaml")["months"])
NUMBER = re.compile(r"^\d{1,3}(?:[ \u00a0]?\d{3})*(?:[.,]\d+)?$")


def _value(t: Tok) -> float | None:
    if NUMBER.match(t.text):
        return float(t.text.replace(" ", "").replace("\u00a0", "").replace(",", "."))
    if t.lemma in CARDINALS and t.pos in ("NUM", "NOUN") and CARDINALS[t.lemma] != 1:
        return float(CARDINALS[t.lemma])
    if t.lemma in COLLECTIVES:
        return float(COLLECTIVES[t.lemma])
    return None


def _in_date(t: Tok, toks: list[Tok]) -> bool:
    nxt = toks[t.i + 1] if t.i + 1 < len(toks) else None
    prev = toks[t.i - 1] if t.i > 0 else None
    if nxt is not None and (nxt.lemma in MONTHS or nxt.lemma in ("год", "г")
                            and re.fullmatch(r"\d{4}", t.text)):
        return True
    if re.fullmatch(r"(1[89]|20)\d\d", t.text):
        return True
    return prev is not None and (prev.lemma in MONTHS or prev.lemma in NOT_UNITS
                                 or prev.text in (":", "-", "№"))


def find_quantities(parsed: Parsed, sentences: list[Sentence], mentions: list[Mention],
                    refs: Refs | None = None) -> list[QuantityFact]:
    from actorgraph.extract.rules_ru.pipeline import sentence_of

    out: list[QuantityFact] = []
    toks = parsed.toks
    spans = [(m.start, m.end) for m in mentions]
    i = 0
    while i < len(toks):
        t = toks[i]
        value = _value(t)
        if value is None or _in_date(t, toks) or any(a <= t.start < b for a, b in spans) \
                or parsed.text[t.end:t.end + 1] in (".", ":") and t.text.isdigit() \
                and parsed.text[t.end + 1:t.end + 2].isdigit():
            i += 1
            continue
        first, last = t, t
        while last.i + 1 < len(toks) and _value(toks[last.i + 1]) is not None \
                and toks[last.i + 1].sent == t.sent and not NUMBER.match(toks[last.i + 1].text):
            last = toks[last.i + 1]
            value += _value(last) or 0
        nxt = toks[last.i + 1] if last.i + 1 < len(toks) else None
        if nxt is not None and nxt.lemma in MULTIPLIERS:
            value *= MULTIPLIERS[nxt.lemma]
            last = nxt
        qualifier = None
        prev = toks[first.i - 1] if first.i > 0 else None
        if prev is not None and prev.text.lower() in QUALIFIERS and prev.sent == t.sent:
            qualifier, first = QUALIFIERS[prev.text.lower()], prev
            neg = toks[prev.i - 1] if prev.i > 0 else None
            if neg is not None and neg.lemma == "не" and prev.text.lower() in NEGATED:
                qualifier, first = NEGATED[prev.text.lower()], neg    # "не менее 14"
        noun = _counted(parsed, last)
        unit = noun.lemma if noun is not None else "человек"
        end = noun.end if noun is not None and noun.i == last.i + 1 else last.end
        sent = sentence_of(sentences, t.start)
        out.append(QuantityFact(value=value, unit=unit, sentence=sent, start=first.start,
                                end=end, text=parsed.text[first.start:end], qualifier=qualifier,
                                subject=_subject(parsed, noun or last, mentions, sent, refs),
                                measure=measure_of(parsed, noun or last)))
        i = last.i + 1
    return out


def measure_of(parsed: Parsed, node: Tok) -> str | None:
    """What the count whose noun (or, without one, whose number) is `node` measures: weapons
    by the noun ("40 ракет"); the dead, hurt or held by the noun or a participle on it
    ("11 раненых", "пятеро задержанных"), or by the verb it is the subject or object of
    ("погибли 7 человек", "задержаны четверо", "задержала троих подозреваемых"), not under
    "не"; else fighters or members by the noun."""
    if node.lemma in WEAPONS:
        return WEAPONS[node.lemma]
    if node.lemma in MEASURES:
        return MEASURES[node.lemma]
    for kid in parsed.children(node.i):
        if kid.rel in ("amod", "acl") and kid.lemma in MEASURES:
            return MEASURES[kid.lemma]
    head = parsed.toks[node.head] if node.head >= 0 else None
    if head is not None and node.rel in ("nsubj", "nsubj:pass", "obj") \
            and head.lemma in MEASURES \
            and not any(k.lemma == "не" for k in parsed.children(head.i)):
        return MEASURES[head.lemma]
    return PEOPLE.get(node.lemma)


def _counted(parsed: Parsed, t: Tok) -> Tok | None:
    """The noun the figure counts: its head when it is the noun's numeral, else the noun
    right after it."""
    if t.head >= 0 and t.rel.startswith("nummod"):
        head = parsed.toks[t.head]
        if head.pos == "NOUN" and head.lemma not in NOT_UNITS:
            return head
    nxt = parsed.toks[t.i + 1] if t.i + 1 < len(parsed.toks) else None
    if nxt is not None and nxt.pos == "NOUN" and nxt.sent == t.sent \
            and nxt.lemma not in NOT_UNITS:
        return nxt
    return None


def _subject(parsed: Parsed, t: Tok, mentions: list[Mention], sent: int,
             refs: Refs | None) -> str | None:
    """Whom the figure is about: a name depending on the counted noun ('сотрудников
    посольства Ирана'), else the name before it in its sentence (a list 'X — 20 лет'),
    else the first name of its sentence."""
    if refs is not None and t.pos == "NOUN":
        found = refs.of(t, conj=False)
        if found:
            return found[0].key
    within = {parsed.toks[k].start for k in parsed.subtree(t.i)}
    own = [m for m in mentions if m.sentence == sent and m.role != "implied"]
    for m in own:
        if m.start in within and m.start != t.start:
            return m.key
    before = [m for m in own if m.end <= t.start]
    if before:
        return before[-1].key
    return own[0].key if own else None
