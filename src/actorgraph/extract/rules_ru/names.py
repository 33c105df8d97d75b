"""Names in Russian text: natasha's PER/LOC/ORG spans, repaired and completed.

- an organisation's name takes the words that belong to it: a state in the genitive right
  after it ("МИД Ирана"), a "по"-phrase of its remit ("суд по тяжким преступлениям");
- an institution's head word written with a capital or as an abbreviation opens a name
  natasha missed ("Служба государственной безопасности", "СГБ");
- a country's adjective before an institution ("азербайджанский МИД") names the same
  body as the genitive does ("МИД Азербайджана");
- a proper noun the lexicon knows as a state or place is a name though natasha missed it.
Each candidate has its nominative (`name`): natasha's normal form, for persons word by
word from pymorphy2's analyses in the case the tagger read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from actorgraph.extract.rules_ru.nlp import Parsed, Tok
from actorgraph.extract.rules_ru.ruledata import classes, words
from actorgraph.knowledge.lexicon import Lexicon, known_place, normalize_form

HEADS = classes("institution_heads")
CASES = {"Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
ABBREV = re.compile(r"^[А-ЯЁ]{2,6}$")
PERSON_GRAMS = {"Name", "Surn", "Patr"}


@dataclass
class Cand:
    start: int              # character offsets
    end: int
    label: str              # PER, LOC, ORG
    name: str               # the nominative
    toks: list[int] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


def recognise(parsed: Parsed, lex: Lexicon, vocab: Any) -> list[Cand]:
    """Every name of the text, in order, none overlapping another."""
    spans = [c for s in parsed.spans for c in _bracketed(parsed, s.start, s.stop, s.type, s.normal)]
    cands = [_from_span(parsed, a, b, label, normal, vocab) for a, b, label, normal in spans]
    cands = [c for c in cands if c.toks and not _not_name(parsed, c)]
    cands += _quoted_aliases(parsed, cands)
    cands = _merge_genitives(parsed, cands, lex)
    taken = {i for c in cands for i in c.toks}
    cands += _heads(parsed, taken)
    taken = {i for c in cands for i in c.toks}
    cands += _lexicon_words(parsed, taken, lex, vocab)
    cands += _missions(parsed, set(), lex, vocab)
    for c in cands:
        if c.label == "ORG":
            _remit(parsed, c)
            _demonym_adjective(parsed, c, lex, vocab)
    cands.sort(key=lambda c: (c.start, -c.end))
    out: list[Cand] = []
    for c in cands:
        if out and c.start < out[-1].end:
            continue
        out.append(c)
    return out


ALIAS_CUE = re.compile(r"(?:извест\w*\s+(?:также\s+|ещё\s+|еще\s+)?(?:как|под\s+(?:именем|прозвищем))"
                       r"|по\s+прозвищу|по\s+кличке|(?:он|она)\s+же)\s*«([^»«]{2,60})»",
                       re.IGNORECASE)


def _bracketed(parsed: Parsed, start: int, end: int, label: str, normal: str
               ) -> list[tuple[int, int, str, str]]:
    """A span holding a bracket ('Служба внешней разведки (СВР)') is two names: the one
    before it and the one inside."""
    text = parsed.text[start:end]
    if "(" not in text:
        return [(start, end, label, normal)]
    cut = text.index("(")
    out = []
    if text[:cut].strip():
        out.append((start, start + len(text[:cut].rstrip()), label,
                    normal.split("(")[0].strip() or text[:cut].strip()))
    inner = text[cut + 1:].split(")")[0].strip()
    if inner:
        a = start + text.index(inner, cut)
        out.append((a, a + len(inner), label, inner))
    return out


def _quoted_aliases(parsed: Parsed, cands: list[Cand]) -> list[Cand]:
    """'X (известен также как «Y»)': Y is a name of what X names, with X's label."""
    out = []
    for m in ALIAS_CUE.finditer(parsed.text):
        a, b = m.start(1), m.end(1)
        before = [c for c in cands if c.end <= m.start()]
        if not before or any(c.start < b and a < c.end for c in cands) \
                or not m.group(1)[:1].isupper():
            continue
        out.append(Cand(a, b, before[-1].label, m.group(1), _toks_in(parsed, a, b),
                        ["alias_phrase"]))
    return out


def _toks_in(parsed: Parsed, start: int, end: int) -> list[int]:
    return [t.i for t in parsed.within(start, end) if t.end <= end]


def _from_span(parsed: Parsed, start: int, end: int, label: str, normal: str,
               vocab: Any) -> Cand:
    text = parsed.text[start:end]
    start += len(text) - len(text.lstrip(EDGE))           # "Восток-Медиа)": no brackets
    end -= len(text) - len(text.rstrip(EDGE))
    if normal.strip(EDGE) != normal:
        normal = normal.strip(EDGE)
    toks = _toks_in(parsed, start, end)
    c = Cand(start, end, label, normal, toks, [f"ner:{label}"])
    if label == "PER" and toks:
        c.name = person_name([parsed.toks[i] for i in toks], vocab, parsed.text)
    elif len(toks) == 1 and normal == parsed.text[start:end]:
        c.name = recase(one_word_nominative(parsed.toks[toks[0]], vocab) or normal, normal)
    elif len(toks) > 1 and normal == parsed.text[start:end]:
        c.name = _head_nominative(parsed, toks, vocab) or normal
    if toks and parsed.toks[toks[-1] if label == "PER" else toks[0]].case in ("Nom", None):
        c.reasons.append("nominative")
    return c


def _head_nominative(parsed: Parsed, toks: list[int], vocab: Any) -> str | None:
    """A name of several words that natasha left as written ('Жогорку Кенеша'): its head
    word (the one whose syntactic head lies outside the name; past an indeclinable foreign
    word the parser takes for it, the word after it) in the nominative, the rest as written
    ('Жогорку Кенеш Киргизии')."""
    inside = set(toks)
    heads = [i for i in toks if parsed.toks[i].head not in inside]
    if len(heads) != 1:
        return None
    head = parsed.toks[heads[0]]
    word = one_word_nominative(head, vocab)
    if (word is None or word == head.text) and heads[0] + 1 in inside and \
            parsed.toks[heads[0] + 1].head == heads[0]:
        head = parsed.toks[heads[0] + 1]   # a foreign word first, read as the head by the
        word = one_word_nominative(head, vocab)   # parser: 'Жогорку Кенеша', 'Милли ...'
    if word is None or word == head.text:
        return None
    first = parsed.toks[toks[0]].start
    text = parsed.text[first:parsed.toks[toks[-1]].end]
    at = head.start - first
    return text[:at] + recase(word, head.text) + text[at + len(head.text):]


EDGE = "()[]«»\"'“”„,.;:!? "


def one_word_nominative(t: Tok, vocab: Any) -> str | None:
    """An organisation's or place's one-word name in an oblique case put in the nominative
    ('«Хезболлы»' -> 'Хезболла'), when an analysis in the case the tagger read exists."""
    case = CASES.get(t.case or "")
    if case is None or t.text.isupper():
        return None
    for p in vocab.parse(t.text):
        if case in p.tag.grammemes and "sing" in p.tag.grammemes:
            form = p.inflect({"Nom"})
            return form.word if form is not None else None
    return None


def _not_name(parsed: Parsed, c: Cand) -> bool:
    """Capitalised words that name no actor or place (faiths, rites, calendar)."""
    t = parsed.toks[c.toks[0]]
    return len(c.toks) == 1 and bool({t.lemma, t.text.lower()} & words("not_names"))


def recase(word: str, like: str) -> str:
    """`word` written with the capitals of `like` (all capitals, or each part's first)."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))


def person_name(toks: list[Tok], vocab: Any, text: str) -> str:
    """A personal name in the nominative, word by word: the analysis as a name, surname or
    patronymic in the case and gender the tagger read, put in the nominative; the words
    joined as written ('В.В. Путин')."""
    out = ""
    for k, t in enumerate(toks):
        if k:
            out += " " if text[toks[k - 1].end:t.start].strip() == "" and \
                toks[k - 1].end < t.start else text[toks[k - 1].end:t.start]
        case = CASES.get(t.case or "")
        if case is None or not t.text[:1].isupper() or len(t.text) < 3:
            out += t.text
            continue
        out += recase(nominative(t, vocab, case) or t.text, t.text)
    return out


def nominative(t: Tok, vocab: Any, case: str) -> str | None:
    """The nominative of a word of a personal name: its analysis as a name in the case the
    tagger read (the tagger's gender preferred), else in any oblique case."""
    gender = {"Masc": "masc", "Fem": "femn"}.get(t.feats.get("Gender", ""))
    names = [p for p in vocab.parse(t.text) if set(p.tag.grammemes) & PERSON_GRAMS]
    pool = [p for p in names if case in p.tag.grammemes] or \
        [p for p in names if "nomn" not in p.tag.grammemes]
    best = next((p for p in pool if gender in p.tag.grammemes), pool[0] if pool else None)
    if best is None:
        return None
    form = best.inflect({"Nom"})   # natasha's MorphForm takes UD grammemes
    return form.word if form is not None else best.normal_form


def _merge_genitives(parsed: Parsed, cands: list[Cand], lex: Lexicon) -> list[Cand]:
    """'МИД Ирана': an organisation followed by a state (or place) in the genitive that
    depends on it is one name, the genitive kept as written."""
    out: list[Cand] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if c.label == "ORG" and nxt is not None and nxt.label == "LOC" \
                and not parsed.text[c.end:nxt.start].strip() and _depends(parsed, nxt, c) \
                and all(parsed.toks[k].case == "Gen" for k in nxt.toks[-1:]):
            out.append(Cand(c.start, nxt.end, "ORG", f"{c.name} {parsed.text[nxt.start:nxt.end]}",
                            c.toks + nxt.toks, c.reasons + ["genitive_state"]))
            i += 2
            continue
        out.append(c)
        i += 1
    return out


def _depends(parsed: Parsed, dep: Cand, on: Cand) -> bool:
    return any(parsed.toks[k].head in on.toks for k in dep.toks)


def _heads(parsed: Parsed, taken: set[int]) -> list[Cand]:
    """Institutions natasha missed: a head word written with a capital (not only because it
    opens the sentence) or an abbreviation, with the words that depend on it after it."""
    out = []
    for t in parsed.toks:
        if t.i in taken or not t.text[:1].isupper():
            continue
        abbrev = bool(ABBREV.match(t.text))
        if not abbrev and t.lemma not in HEADS:
            continue
        first = parsed.sents[t.sent][0] == t.i
        if first and not abbrev and not _right_part(parsed, t, taken):
            continue
        toks = [t.i] + _right_part(parsed, t, taken)
        left = [k for k in parsed.kids[t.i] if k < t.i and parsed.toks[k].rel == "amod"
                and k not in taken and parsed.toks[k].text[:1].isupper()]
        toks = sorted(set(toks) | set(left))
        if not _contiguous(parsed, toks):
            toks = [t.i]
        a, b = parsed.toks[toks[0]], parsed.toks[toks[-1]]
        out.append(Cand(a.start, b.end, "ORG", parsed.text[a.start:b.end], toks,
                        ["abbreviation" if abbrev else "institution_head"]))
        taken |= set(toks)
    return out


def _right_part(parsed: Parsed, t: Tok, taken: set[int]) -> list[int]:
    """The genitive and adjective words after a head that belong to its name."""
    out: list[int] = []
    for k in parsed.kids[t.i]:
        kid = parsed.toks[k]
        if k < t.i or k in taken or kid.rel not in ("nmod", "amod") or kid.case != "Gen" \
                and kid.rel == "nmod":
            continue
        sub = parsed.subtree(k)
        if any(parsed.toks[j].pos in ("PUNCT", "ADP", "CCONJ", "VERB") or j in taken
               for j in sub):
            continue
        out += sub
    return out


def _contiguous(parsed: Parsed, toks: list[int]) -> bool:
    return toks == list(range(toks[0], toks[-1] + 1))


def _remit(parsed: Parsed, c: Cand) -> None:
    """'суд по тяжким преступлениям', 'комитет по делам ...': the 'по'-phrase of an
    institution's remit belongs to its name (by the parse, or, where the parser hung it
    elsewhere, by its words: 'по', adjectives, a dative noun and its genitives)."""
    if _remit_words(parsed, c):
        return
    for k in c.toks:
        for j in parsed.kids[k]:
            kid = parsed.toks[j]
            if j <= c.toks[-1] or kid.rel != "nmod":
                continue
            sub = parsed.subtree(j)
            first = parsed.toks[sub[0]]
            if first.lemma != "по" or sub[0] != c.toks[-1] + 1 or not _contiguous(parsed, sub) \
                    or any(parsed.toks[x].pos in ("PUNCT", "VERB") for x in sub):
                continue
            c.toks += sub
            c.end = parsed.toks[sub[-1]].end
            c.name = f"{c.name} {parsed.text[first.start:c.end]}"
            c.reasons.append("remit")
            return


def state_phrase(parsed: Parsed, c: Cand, lex: Lexicon) -> str | None:
    """'Азербайджанская Республика', 'Исламская Республика Иран': a state's adjective
    (or name) with a word for a state is that state; its Russian name."""
    toks = [parsed.toks[k] for k in c.toks]
    if len(toks) < 2 or not any(t.lemma in words("state_nouns") for t in toks):
        return None
    for t in toks:
        if t.pos == "ADJ":
            found = country_of_adjective(t.lemma, lex)
            if found:
                return found
        entry = lex.lookup(t.lemma)
        if entry is not None and entry.type == "country" and t.pos == "PROPN":
            return recase(t.lemma, t.text)
    return None


def _remit_words(parsed: Parsed, c: Cand) -> bool:
    toks = parsed.toks
    last = toks[c.toks[-1]]
    if last.lemma not in HEADS or last.i + 2 >= len(toks) or toks[last.i + 1].lemma != "по":
        return False
    k = last.i + 2
    while k < len(toks) and toks[k].pos == "ADJ" and toks[k].case == "Dat":
        k += 1
    if k >= len(toks) or toks[k].pos != "NOUN" or toks[k].case != "Dat":
        return False
    while k + 1 < len(toks) and toks[k + 1].case == "Gen" and toks[k + 1].pos in ("NOUN", "ADJ") \
            and not toks[k + 1].text[:1].isupper():
        k += 1
    c.toks += list(range(last.i + 1, k + 1))
    c.end = toks[k].end
    c.name = f"{c.name} {parsed.text[toks[last.i + 1].start:c.end]}"
    c.reasons.append("remit")
    return True


def _missions(parsed: Parsed, taken: set[int], lex: Lexicon, vocab: Any) -> list[Cand]:
    """'иранское посольство в Баку', 'посольство Азербайджана в Израиле': a state's
    diplomatic mission (by its adjective or genitive), with the place it is in, is a place."""
    out = []
    for t in parsed.toks:
        if t.lemma not in words("missions") or t.i in taken:
            continue
        kids = [parsed.toks[j] for j in parsed.kids[t.i]]
        adj = next((k for k in kids if k.rel == "amod" and k.i == t.i - 1
                    and country_of_adjective(k.lemma, lex)), None)
        gen = next((k for k in kids if k.rel == "nmod" and k.case == "Gen" and k.i == t.i + 1
                    and (lex.lookup(k.lemma) or lex.lookup(k.text)) is not None), None)
        if adj is None and gen is None:
            continue
        first, last = adj or t, gen or t
        where = next((k for k in kids if k.rel == "nmod" and k.i == last.i + 2
                      and parsed.toks[last.i + 1].lemma in ("в", "во")
                      and k.pos == "PROPN"), None)
        if where is None:
            continue            # "иранское посольство" alone: which one is not said
        last = where
        toks = list(range(first.i, last.i + 1))
        if taken & set(toks):
            continue
        name = " ".join(_nominative_word(parsed.toks[k], vocab) if k in (t.i, first.i)
                        else parsed.toks[k].text for k in toks)
        out.append(Cand(first.start, last.end, "LOC", name, toks, ["mission"]))
        taken |= set(toks)
    return out


def _nominative_word(t: Tok, vocab: Any) -> str:
    for p in vocab.parse(t.text):
        if t.case and CASES.get(t.case, "") in p.tag.grammemes:
            form = p.inflect({"Nom"})
            if form is not None:
                return recase(form.word, t.text) if t.text[:1].isupper() else form.word
    return t.text


def _demonym_adjective(parsed: Parsed, c: Cand, lex: Lexicon, vocab: Any) -> None:
    """'азербайджанского МИД' -> 'МИД Азербайджана': a state's adjective right before an
    institution names the state; the mention keeps the words as written."""
    head = parsed.toks[c.toks[0]]
    if head.i == 0:
        return
    adj = parsed.toks[head.i - 1]
    if adj.pos != "ADJ" or adj.head not in c.toks or adj.sent != head.sent:
        return
    country = country_of_adjective(adj.lemma, lex)
    if country is None or " " in c.name:
        return
    gen = genitive(country, vocab)
    c.start, c.toks = adj.start, [adj.i] + c.toks
    c.name = f"{c.name} {gen}"
    c.reasons.append("state_adjective")


ADJ_ENDINGS = ("ский", "цкий", "ской")


def country_of_adjective(lemma: str, lex: Lexicon) -> str | None:
    """The Russian name of the state a relational adjective is made from ('иранский' ->
    'Иран', 'израильский' -> 'Израиль', 'сирийский' -> 'Сирия'), by the stem rule of
    Russian word formation (stem + -ский), tried against the lexicon's state names."""
    if not lemma.endswith(ADJ_ENDINGS):
        return None
    stem = lemma[:-4]
    for cand in (stem, stem + "ь", stem + "я", stem + "ия", stem + "а",
                 stem[:-2] + "ия" if stem.endswith("ий") else "",
                 lemma[:-5] + "ция" if lemma.endswith("ецкий") else ""):
        if not cand:
            continue
        entry = lex.lookup(cand)
        if entry is not None and entry.type == "country":
            return cand[:1].upper() + cand[1:]
    return None


# the case endings of a relational adjective, as `normalize_form` writes them (й as и)
ADJ_CASE_ENDINGS = ("ого", "ому", "ыми", "ими", "ыи", "ии", "ои", "еи", "ая", "ую", "ое",
                    "ые", "ие", "ых", "их", "ым", "им", "ом")


def state_of_adjective(word: str, lex: Lexicon) -> str | None:
    """The state (ISO alpha-2) a relational adjective in any case form is made from
    ('турецкого', 'грузинском'), through its dictionary form."""
    for ending in ADJ_CASE_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 3:
            name = country_of_adjective(word[:-len(ending)] + "ий", lex)
            entry = lex.lookup(name) if name else None
            return entry.country if entry is not None else None
    return None


def town_of_adjective(lemma: str) -> str | None:
    """The town (GeoNames) a relational adjective is made from, by the same stem rule
    ('салянский' -> Salyan, 'сабунчинский' -> Sabunçu through 'Сабунчи', 'тверской' ->
    'Тверь'), when exactly one stem names a known town."""
    if not lemma.endswith(ADJ_ENDINGS):
        return None
    stem = lemma[:-4]
    found = {p.name for cand in (stem, stem + "ь", stem + "и", stem + "ы", stem + "а",
                                 stem[:-2] if stem.endswith(("ин", "ен")) else "",
                                 stem[:-2] + "и" if stem.endswith("ин") else "")
             if cand and (p := known_place(cand)) is not None}
    return found.pop() if len(found) == 1 else None


def district_of_town(parsed: Parsed, c: Cand) -> str | None:
    """'Салянского района': an adjective of a known town with a word for a district or
    region names that town's place."""
    toks = [parsed.toks[k] for k in c.toks]
    if len(toks) != 2 or toks[0].pos != "ADJ" or toks[1].lemma not in words("place_nouns"):
        return None
    return town_of_adjective(toks[0].lemma)


def genitive(name: str, vocab: Any) -> str:
    """A one-word state name in the genitive ('Иран' -> 'Ирана')."""
    for p in vocab.parse(name):
        if "nomn" in p.tag.grammemes and "Geox" in p.tag.grammemes:
            form = p.inflect({"Gen"})
            if form is not None:
                return recase(form.word, name)
    return name


def _lexicon_words(parsed: Parsed, taken: set[int], lex: Lexicon, vocab: Any) -> list[Cand]:
    """A proper noun the lexicon knows as a state or place, which natasha missed."""
    out = []
    for t in parsed.toks:
        if t.i in taken or t.pos != "PROPN" or not t.text[:1].isupper():
            continue
        entry = lex.lookup(t.lemma) or lex.lookup(t.text)
        if entry is None or entry.type not in ("country", "place"):
            continue
        out.append(Cand(t.start, t.end, "LOC", recase(t.lemma, t.text), [t.i], ["lexicon"]))
    return out


@lru_cache(maxsize=4096)
def folded(name: str) -> str:
    """`name` folded for comparison (ё as е; the lexicon's folding); called for every
    mention pair's words, so kept per process."""
    return normalize_form(name.replace("ё", "е").replace("Ё", "Е"))
