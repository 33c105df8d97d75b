"""How badly a person was hurt, as a sentence says it: "suffered superficial wounds",
"was lightly wounded" (light); "was seriously injured", "lost an eye", "in critical
condition" (grave).

`find_conditions(doc, sentences, mentions)` gives a `ConditionFact` for each person a body
sentence says was hurt lightly or gravely, with who says so. The person is the one hurt
(the subject of the wounding, of the verb of bearing the wound or of losing the body
part, or the owner of the wounds), a named person or a pronoun resolved to one; a negated
clause says nothing. Word lists: `data/conditions.yaml`. Two accounts of one person's hurt
that differ are set against each other by the facts stage.
"""
from __future__ import annotations

from functools import lru_cache

from actorgraph.extract.rules_en.claims.attribute import attribute
from actorgraph.extract.rules_en.nlp import Columns, columns
from actorgraph.extract.rules_en.reference.refer import Referents
from actorgraph.extract.rules_en.ruledata import load_data
from actorgraph.model import ConditionFact, Mention, Sentence


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in load_data("conditions.yaml").items()}


@lru_cache(maxsize=1)
def _grading() -> tuple[frozenset[str], frozenset[str]]:
    """The words that grade a hurt light, and grave (joined once, not per token)."""
    c = cues()
    return c["light_adjectives"] | c["light_adverbs"], c["grave_adjectives"] | c["grave_adverbs"]


def _grade(tok) -> str | None:
    """'light' or 'grave' for a word that grades a hurt, else None."""
    return _grade_at(columns(tok.doc), tok.i)


def _grade_at(cols: Columns, i: int) -> str | None:
    """`_grade` of token `i`, from the document's columns."""
    low, text = cols.lower, cols.text
    words = {low[i]}
    if i >= 2 and text[i - 1] == "-":         # "life-threatening"
        words.add(f"{low[i - 2]}-{low[i]}")
    if i >= 4 and text[i - 1] == "-" and text[i - 3] == "-":
        words.add(f"{low[i - 4]}-{low[i - 2]}-{low[i]}")
    light, grave = _grading()
    if words & light:
        return "light"
    if words & grave:
        return "grave"
    return None


def _negated(tok) -> bool:
    return any(c.dep_ == "neg" for a in (tok, *tok.ancestors) for c in a.children
               if a.pos_ in ("VERB", "AUX", "ADJ"))


def _hurt(tok):
    """(grade, the token whose subject or owner is the person hurt) for a word that tells
    a graded hurt, else None."""
    c = cues()
    lemma = tok.lemma_.lower()
    grade = _grade(tok)
    if grade and tok.dep_ == "amod" and tok.head.lemma_.lower() in c["injury_nouns"]:
        return grade, tok.head                    # "superficial wounds", "critical condition"
    if grade and tok.dep_ in ("acomp", "attr") and any(
            s.lemma_.lower() in c["injury_nouns"] for s in tok.head.children
            if s.dep_.startswith("nsubj")):        # "his wounds were minor"
        return grade, next(s for s in tok.head.children if s.dep_.startswith("nsubj"))
    if grade and tok.head.lower_ == "as" and tok.dep_ in ("amod", "pobj", "acomp", "oprd"):
        wound = next((n for n in tok.head.head.children if n.dep_ in ("dobj", "nsubjpass")
                      and n.lemma_.lower() in c["injury_nouns"]), None)
        if wound is not None:                     # "described his injury as superficial"
            return grade, wound
    if grade and tok.dep_ == "advmod" and tok.head.lemma_.lower() in c["injury_verbs"]:
        return grade, tok.head                    # "was lightly wounded"
    if lemma in c["losing_verbs"] and any(o.dep_ == "dobj" and o.lower_ in c["body_parts"]
                                          for o in tok.children):
        return "grave", tok                       # "lost an eye"
    return None


def _person(ref: Referents, node) -> str | None:
    """The person hurt: the owner of the wound noun, or the subject of the verb it hangs on."""
    for c in node.children:
        if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of"):
            owner = c if c.dep_ == "poss" else next(
                (g for g in c.children if g.dep_ == "pobj"), None)
            key = ref.key_of(owner) if owner is not None else None
            if key and key.startswith("person"):
                return key
    verb = node
    while verb.dep_ in ("dobj", "pobj", "prep", "attr", "acomp", "nsubj", "nsubjpass") \
            and verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    if verb.pos_ == "ADP":
        verb = verb.head
    subj = next((s for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")), None)
    key = ref.key_of(subj) if subj is not None and subj.i != node.i else None
    return key if key and key.startswith("person") else None


def find_conditions(doc, sentences: list[Sentence], mentions: list[Mention]) -> list[ConditionFact]:
    """Every person a body sentence says was hurt lightly or gravely, in text order."""
    ref = Referents(doc, mentions)
    cols, losing = columns(doc), cues()["losing_verbs"]
    out: list[ConditionFact] = []
    for sentence in sentences:
        if sentence.kind != "body":
            continue
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        seen: set[tuple[str, str]] = set()
        for i in range(span.start, span.end):
            if cols.lemma[i] not in losing and _grade_at(cols, i) is None:
                continue            # (what `_hurt` needs first, read without a token)
            tok = doc[i]
            found = _hurt(tok)
            if found is None or _negated(tok):
                continue
            grade, node = found
            person = _person(ref, node)
            if person is None or (person, grade) in seen:
                continue
            seen.add((person, grade))
            out.append(ConditionFact(
                subject=person, condition=grade, sentence=sentence.index, cue=tok.text,
                attribution=attribute(doc, tok, mentions, referents=ref)))
    return out
