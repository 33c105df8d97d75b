"""Types of Russian names: natasha's label, refined by the lexicon (states, capitals),
institution head words, office titles before a name, pymorphy2's name grammemes
(Name, Surn, Patr, Geox) and place nouns; and capitals that act as their state
("Баку заявил", "критика Тегерана") marked as metonyms."""
from __future__ import annotations

from typing import Any

from actorgraph.extract.rules_ru.names import HEADS, Cand, folded, state_phrase
from actorgraph.extract.rules_ru.nlp import Parsed, Tok
from actorgraph.extract.rules_ru.ruledata import classes, words
from actorgraph.knowledge.kinds import STRONG
from actorgraph.knowledge.lexicon import LexEntry, Lexicon

TITLES = classes("titles")
LABEL_TYPES = {"PER": "person", "LOC": "place", "ORG": "organization"}


def title_before(parsed: Parsed, c: Cand) -> Tok | None:
    """The office title or honorific a person's name stands in apposition to ('посол
    Ирана X', 'депутат Y'): the name's head depends on it, or it is written just before."""
    head = parsed.toks[c.toks[0]]
    for k in c.toks:
        t = parsed.toks[k]
        if t.head not in c.toks and t.head >= 0:
            head = t
            break
    gov = parsed.toks[head.head] if head.head >= 0 else None
    if gov is not None and gov.i < head.i and _is_title(gov) and (head.rel in (
            "appos", "flat:name", "nsubj", "obj", "conj", "flat")
            or head.rel == "nmod" and head.case != "Gen"):   # a genitive is the title's body
        return gov
    prev = parsed.toks[c.toks[0] - 1] if c.toks[0] > 0 else None
    if prev is not None and prev.sent == head.sent and _is_title(prev) \
            and (head.case != "Gen" or prev.case == "Gen"):
        return prev
    return None


def _is_title(t: Tok) -> bool:
    return t.lemma in TITLES or t.lemma in words("honorifics")


def votes(parsed: Parsed, c: Cand, lex: Lexicon, vocab: Any,
          publisher: str | None) -> tuple[dict[str, float], list[str], LexEntry | None]:
    """Type votes of a candidate, the reasons, and its lexicon entry."""
    v: dict[str, float] = {LABEL_TYPES[c.label]: 2.0}
    why = list(c.reasons)
    entry = lex.lookup(c.name) or lex.lookup(parsed.text[c.start:c.end])
    state = state_phrase(parsed, c, lex) if entry is None else None
    if state is not None:
        entry = lex.lookup(state)
    if entry is not None and entry.type in ("country", "place", "organization", "person"):
        v[entry.type] = v.get(entry.type, 0) + STRONG
        why.append(f"lexicon:{entry.type}")
    if publisher and folded(publisher) == folded(c.name):
        v["organization"] = v.get("organization", 0) + STRONG
        why.append("publisher")
    lemmas = [parsed.toks[k].lemma for k in c.toks]
    if "mission" in c.reasons:
        v["place"] = v.get("place", 0) + STRONG
    elif any(w in HEADS for w in lemmas):
        v["organization"] = v.get("organization", 0) + 4
        why.append("institution_head")
    elif any(w in words("place_nouns") for w in lemmas):
        v["place"] = v.get("place", 0) + 4
        why.append("place_noun")
    if c.label != "ORG" and entry is None:
        grams = _grams(parsed, c, vocab)
        if grams & {"Surn", "Patr"} or "Name" in grams and "Geox" not in grams:
            v["person"] = v.get("person", 0) + 1.5
            why.append("name_grammemes")
    title = title_before(parsed, c)
    if title is not None and "organization" not in v and entry is None:
        v["person"] = v.get("person", 0) + 3
        why.append(f"title:{title.lemma}")
    return v, why, entry


def _grams(parsed: Parsed, c: Cand, vocab: Any) -> set[str]:
    out: set[str] = set()
    for k in c.toks:
        parses = vocab.parse(parsed.toks[k].text)
        if parses:
            out |= set(parses[0].tag.grammemes)
    return out


def kind_of(parsed: Parsed, c: Cand, entry: LexEntry | None, publisher: bool) -> str | None:
    """The organisation kind: the lexicon's, a publisher's (media), else the head word's."""
    if entry is not None and entry.kind:
        return entry.kind
    if publisher:
        return "media"
    for k in c.toks:
        kind = HEADS.get(parsed.toks[k].lemma)
        if kind:
            return kind
    return None


def state_of(parsed: Parsed, c: Cand, lex: Lexicon) -> str | None:
    """The country a capital stands for here, when its syntax makes it an actor: subject
    of a verb, genitive of a noun of policy ('критика Тегерана'), object of a preposition
    of dealing ('против Тегерана'); a capital where something happens stays the city."""
    entry = lex.lookup(c.name) or lex.lookup(parsed.text[c.start:c.end])
    if entry is None or not entry.capital_of or entry.type == "country" or len(c.toks) != 1:
        return None
    t = parsed.toks[c.toks[0]]
    if t.text.isupper():
        return None                 # a dateline: "БАКУ, 7 апреля"
    acts = t.rel == "nsubj" or t.rel in ("obj", "iobj") and t.head >= 0 and \
        parsed.toks[t.head].lemma in words("dealing_verbs")     # "обвинил Лондон"
    if t.rel == "nmod" and t.head >= 0:
        acts = parsed.toks[t.head].lemma in words("political_nouns") or \
            parsed.toks[t.head].lemma in TITLES
    if t.rel in ("obl", "nmod"):
        preps = {parsed.toks[k].lemma for k in parsed.kids[t.i] if parsed.toks[k].rel == "case"}
        if preps & words("state_preps"):
            acts = True
        elif preps:
            acts = False
    return lex.country_by_code.get(entry.capital_of) if acts else None
