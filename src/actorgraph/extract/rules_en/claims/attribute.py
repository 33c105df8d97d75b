"""Attribution: who the text credits with a fact, and how firmly.

`attribute(doc, span, mentions)` looks at the fact's place in its sentence's
parse and answers with an `Attribution`:

- `attributed_to`: the mention key of the speaker, "anonymous" for unnamed
  sources ("sources familiar with ... told", "officials said", "some
  analysts"), or None for the author's own voice (also "I"/"we");
- `modality`: asserted, reported ("according to", "said", "told"), claimed
  ("claimed", "asserted"), alleged ("accused", "allegations that"), denied
  ("denied", "did not"), hedged ("may", "reportedly", "is believed to",
  "appears to");
- `cue`: the words that showed it.

Scope: a reporting verb covers its content clause, not itself or its
subject ("Begli stated that X ..." credits X to Begli; the stating itself is
the author's); "according to Y" covers the clause it attaches to, which is
the whole sentence when it opens it. The innermost cue wins. A speaker named
by a pronoun or a role noun ("the leader also stated") is resolved with
`refer.Referents`. Cue words are in `data/attribution.yaml`.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from actorgraph.extract.rules_en.reference.refer import (
    Referents,
    attribution_cues,
    group_nouns,
    pronoun_class,
    role_family,
)
from actorgraph.knowledge.lexicon import load_lexicon, normalize_form
from actorgraph.model import Attribution, Mention

# Dependents of a reporting verb that hold what is reported ("said that ...", "denied any
# involvement", "accused X of ...").
CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "prep", "parataxis", "oprd", "attr")


def _lookup(table: dict, word: str) -> str | None:
    for modality, words in table.items():
        if word in words:
            return modality
    return None


def verb_modality(token) -> str | None:
    """The modality a reporting verb gives its content ("claimed" -> claimed), else None."""
    if token.pos_ not in ("VERB", "AUX"):
        return None
    return _lookup(attribution_cues()["verbs"], token.lemma_.lower())


def noun_modality(token) -> str | None:
    """The modality a reporting noun gives its content ("allegations that" -> alleged)."""
    if token.pos_ != "NOUN":
        return None
    return _lookup(attribution_cues()["nouns"], token.lower_) or \
        _lookup(attribution_cues()["nouns"], token.lemma_.lower())


def _tokens(doc, span) -> list:
    """The tokens of a Span, a Token, or a (start_char, end_char) pair."""
    if hasattr(span, "i"):                           # a Token
        return [span]
    if isinstance(span, tuple):
        span = doc.char_span(span[0], max(span[1], span[0] + 1), alignment_mode="expand")
    if span is None:
        return []
    return [t for t in span if not t.is_punct] or list(span)


def _fact_head(tokens: list):
    """The token of the fact that is highest in the parse."""
    ids = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    return min(heads, key=lambda t: len(list(t.ancestors)))


# -- the speaker -------------------------------------------------------------

def speaker(ref: Referents, token) -> str | None:
    """The key of who `token` (the subject of a reporting verb, the object of "according
    to") is; "anonymous" for unnamed sources; None for the author ("I", "we")."""
    cues = attribution_cues()
    cls = pronoun_class(token)
    if cls == "author":
        return None
    if _unnamed(token):                  # "an official who spoke on condition of anonymity"
        return "anonymous"
    if (called := _calling_itself(ref, token)) is not None:
        return called
    if token.pos_ == "NOUN" and token.lemma_.lower() in group_nouns() \
            and (before := _named_before(ref, token)) is not None:
        return before                    # "the coalition" after "the Northern Coalition"
    if cls:
        return ref.key_of(token) or "anonymous"
    named = ref.named_by(token)
    if named is not None:
        return named.key
    word = token.lemma_.lower()
    institution = word in cues["institutions"] or token.lower_ in cues["institutions"]
    if (word in cues["anonymous_speakers"] or token.lower_ in cues["anonymous_speakers"]) \
            and not institution:                     # "officials", "a report by X",
        return (_by(ref, token) or _named_modifier(ref, token)     # "US officials"
                or _demonym_state(ref, token) or "anonymous")         # "Iranian officials"
    if role_family(token):
        key = ref.role_holder(token, guess=False) or ref.modifier_key(token) \
            or ref.role_holder(token)
    else:
        key = ref.key_of(token) or (_nearest_modifier(ref, token) or ref.modifier_key(token)
                                    if institution else None)
        if key is None and institution:
            key = _named_before(ref, token)
    if key:
        return key
    if key := _demonym_state(ref, token):           # "a Jordanian government spokesman"
        return key
    for conj in token.children:        # "X and Y said": the first named of them
        if conj.dep_ == "conj":
            key = ref.key_of(conj)
            if key:
                return key
    return "anonymous"


def _unnamed(token) -> bool:
    """Whether a relative clause on the speaker says it is unnamed ("who spoke on condition
    of anonymity", "who asked not to be named")."""
    for clause in (c for c in token.children if c.dep_ in ("relcl", "acl")):
        words = list(clause.subtree)
        if any(t.lower_ in attribution_cues()["anonymity_words"] for t in words):
            return True
        if any(t.lemma_ in ("name", "identify") for t in words) and \
                any(t.dep_ == "neg" or t.lemma_ in ("decline", "refuse") for t in words):
            return True
    return False


def _nearest_modifier(ref: Referents, token) -> str | None:
    """"Russia's Kommersant newspaper": the organisation right before the noun, not its
    country further out."""
    for child in sorted(token.children, key=lambda c: -c.i):
        if child.i < token.i and child.dep_ in ("compound", "amod", "nmod"):
            m = ref.at(child)
            if m is not None and m.type == "organization":
                return m.key
    return None


def _calling_itself(ref: Referents, token) -> str | None:
    """"a group calling itself X", "an outfit that calls itself X": X."""
    for clause in (c for c in token.children if c.dep_ in ("acl", "relcl")):
        if clause.lemma_.lower() in ("call", "name", "style") and any(
                c.lower_ in ("itself", "themselves", "himself", "herself")
                for c in clause.children):
            for named in (c for c in clause.children if c.dep_ in ("oprd", "attr", "xcomp",
                                                                   "ccomp", "dobj")):
                if (m := ref.at(named)) is not None:
                    return m.key
    return None


def _named_before(ref: Referents, token) -> str | None:
    """"the directorate", "the ministry": the last organisation named before it whose name's
    head is that noun ("Civil Defence Directorate", "Ministry of Health")."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    words = {token.lower_, token.lemma_.lower()}
    for m in reversed(ref.mentions):
        if m.start >= token.idx or m.type != "organization":
            continue
        parts = m.text.casefold().split()
        head = parts[0] if " of " in f" {m.text.casefold()} " else parts[-1] if parts else ""
        if head in words:
            return m.key
    return None


def _by(ref: Referents, token) -> str | None:
    """"a report by X", "a statement from X": X."""
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
            for obj in child.children:
                if obj.dep_ == "pobj" and (m := ref.at(obj)) is not None:
                    return m.key
                for named in (c for c in obj.children if c.dep_ == "appos"):
                    if obj.dep_ == "pobj" and (m := ref.at(named)) is not None:
                        return m.key   # "a report by the UN office (OHCHR)"
        if child.dep_ == "acl":                          # "a report published by X"
            key = _by(ref, child)
            if key:
                return key
    return None


def _named_modifier(ref: Referents, token) -> str | None:
    """'US officials', 'Pentagon officials', 'Hezbollah sources': the state or organisation
    named in front of them."""
    for child in token.children:
        if child.i < token.i and child.dep_ in ("compound", "nmod", "amod"):
            m = ref.at(child)
            if m is not None and m.type in ("country", "organization"):
                return m.key
    return None


def _demonym_state(ref: Referents, token) -> str | None:
    """"Azerbaijani authorities": the state a demonym modifier names, when the document
    names that state too."""
    demonyms = load_lexicon().demonyms
    for child in token.children:
        if child.i < token.i and child.dep_ in ("amod", "compound", "nmod"):
            country = demonyms.get(normalize_form(child.text))
            if country:
                folded = normalize_form(country)
                for m in ref.mentions:
                    if m.type == "country" and normalize_form(m.name or m.text) == folded:
                        return m.key
    return None


def can_speak(token) -> bool:
    """Whether a reporting verb's subject can be a source: a person, group, state, pronoun,
    role or institution, not "the approach that emphasizes ..."."""
    cues = attribution_cues()
    if token.tag_ in ("WDT", "WP") and token.head.dep_ == "relcl":
        token = token.head.head
    word = token.lemma_.lower()
    return token.pos_ in ("PROPN", "PRON") or token.tag_ in ("PRP", "WP") \
        or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or bool(role_family(token)) \
        or word in cues["anonymous_speakers"] or token.lower_ in cues["anonymous_speakers"] \
        or word in cues["institutions"] or word in group_nouns()


def _subject(verb):
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:                      # the nearest: a dateline's "BAGHDAD" is not the speaker
        return min(subjects, key=lambda c: abs(verb.i - c.i))
    for child in verb.children:                          # "was claimed by X"
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    finite = verb.tag_ in ("VBD", "VBZ", "VBP")     # a finite verb needs a subject: the
    if (verb.dep_ in ("conj", "dep") or verb.dep_ == "advcl" and finite) \
            and verb.head.pos_ in ("VERB", "AUX"):   # parse hung "..., accused X of" apart
        return _subject(verb.head)                   # "share ... and argue that"
    return _trailing_subject(verb)


def _trailing_subject(verb):
    """"..., the Syrian Observatory said." with the speaker hung by the parse on the clause
    before: the noun phrase set off by a comma right before a closing reporting verb."""
    doc = verb.doc
    if verb.i == 0 or verb_modality(verb) is None or not _closes_sentence(verb):
        return None
    node = doc[verb.i - 1]
    while node.dep_ in ("pobj", "prep", "compound", "amod", "poss", "case", "det") \
            and node.head.i < verb.i and node.head.i != node.i:
        node = node.head
    left = node.left_edge.i
    if node.dep_ in ("appos", "conj", "npadvmod", "dobj", "pobj") and left > 0 \
            and doc[left - 1].text == "," and node.pos_ in ("PROPN", "NOUN"):
        return node
    return None


def _closes_sentence(verb) -> bool:
    """Nothing but punctuation and the verb's own time or manner follows it to the end of
    its sentence ("... said.", "... said at the time.", "... said on Monday.")."""
    adverbials = {t.i for c in verb.children if c.i > verb.i
                  and c.dep_ in ("prep", "advmod", "npadvmod", "punct") for t in c.subtree}
    for t in verb.doc[verb.i + 1:verb.sent.end]:
        if not (t.is_punct or t.i in adverbials):
            return False
    return True


def _according(node):
    """The object of an "according to" (or "as reported by") phrase attached to `node`."""
    for child in node.children:
        if child.lower_ == "according" or (child.lower_ == "citing" and child.dep_ != "ROOT"):
            for grand in child.subtree:
                if grand.dep_ == "pobj" or (child.lower_ == "citing" and grand.dep_ == "dobj"):
                    return child, grand
    return None


# -- the cue that governs a fact ---------------------------------------------

@dataclass
class Cue:
    """A reporting cue whose scope holds the fact."""

    text: str
    modality: str
    node: Token                  # the cue's token (the verb, noun, or "according")
    who: Token | None = None     # the token naming the speaker, if the text names one
    agentless: bool = False      # "it is reported that", "allegations that ..."


def _path_up(head):
    """(node, child on the way up) from the fact's head to the root of its sentence."""
    yield head, None
    node = head
    while node.head.i != node.i:
        yield node.head, node
        node = node.head


def _on_the_figure(head, ids: set[int]) -> Cue | None:
    """A reporting clause on the figure itself: "the 19 counted by X", "the three guards X
    acknowledged" (not "the guards who said": its subject is the figure)."""
    nodes = [head] + ([head.head] if head.dep_ in ("nummod", "quantmod") else [])
    for node in nodes:
        for c in node.children:
            if c.dep_ in ("acl", "relcl") and c.i not in ids and (mod := verb_modality(c)):
                subj = _subject(c)
                if subj is not None and subj.tag_ not in ("WDT", "WP") and can_speak(subj):
                    return Cue(c.text.lower(), mod, c, subj)
    return None


def _counted_by(node) -> Cue | None:
    """"by X's count", "by the estimate of X" attached to `node`."""
    cues = attribution_cues()
    for by in (c for c in node.children if c.lower_ == "by" and c.dep_ in ("prep", "agent")):
        for noun in (t for t in by.children if t.dep_ == "pobj"
                     and t.lower_ in cues["count_nouns"]):
            who = next((t for t in noun.children if t.dep_ == "poss"), None)
            of = next((t for t in noun.children if t.dep_ == "prep" and t.lower_ == "of"), None)
            who = who or (next((t for t in of.children if t.dep_ == "pobj"), None) if of else None)
            if who is not None:
                return Cue(f"by ... {noun.lower_}", "reported", by, who)
    return None


def _figure_given(node, child) -> Cue | None:
    """"X gave a total of 61 dead": a figure noun whose "of" holds the fact, the object of a
    verb of giving a figure; its subject is the speaker."""
    cues = attribution_cues()
    verb = None
    if child is not None and child.dep_ == "prep" and node.lemma_.lower() in cues["figure_nouns"] \
            and node.dep_ == "dobj" and node.head.lemma_.lower() in cues["figure_verbs"]:
        verb = node.head
    elif node.lemma_.lower() in cues["figure_verbs"] and node.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in cues["figure_nouns"]
            for c in node.children):        # "gave a figure on 3 May of 61 dead"
        verb = node
    subj = _subject(verb) if verb is not None else None
    if verb is not None and subj is not None and can_speak(subj):
        return Cue(verb.text.lower(), "reported", verb, subj)
    return None


def _governing_cue(head, tokens: list) -> Cue | None:
    """The innermost reporting cue whose scope holds the fact."""
    ids = {t.i for t in tokens}
    cue = _on_the_figure(head, ids)
    if cue is not None:
        return cue
    for node, child in _path_up(head):
        cue = _counted_by(node) or _figure_given(node, child)
        if cue is not None:
            return cue
        acc = _according(node)
        if acc is not None and acc[0].i not in ids and (child is None or child.i != acc[0].i):
            word = acc[0].lower_
            return Cue(word + " to" if word == "according" else word, "reported", acc[0], acc[1])
        modality = verb_modality(node)
        if modality:
            covers = child is not None and child.dep_ in CONTENT_DEPS
            if child is None:        # the span itself reaches into the verb's content
                covers = any(t.i in ids for c in node.children
                             if c.dep_ in CONTENT_DEPS for t in c.subtree)
            subj = _subject(node)
            passive = any(c.dep_ == "auxpass" for c in node.children)
            agentless = passive and subj is None and \
                node.lemma_.lower() in attribution_cues()["hedges"]["passive_reporting"]
            if covers and ((subj is not None and can_speak(subj)) or agentless):
                return Cue(node.text.lower(), modality, node, subj, agentless)
        nmod = noun_modality(node)
        if nmod and child is not None and child.dep_ in ("acl", "relcl", "ccomp", "prep"):
            who = None
            for c in node.children:
                if c.dep_ == "poss":
                    who = c
                elif c.dep_ == "acl" and c.lemma_ != "be" and who is None:
                    who = _subject(c)
            if who is None and node.dep_ == "pobj" and node.head.dep_ == "prep" \
                    and verb_modality(node.head.head):     # "X said in a statement that"
                who = _subject(node.head.head)
            return Cue(node.text.lower(), nmod, node, who, who is None)
        for c in node.children:             # "X did Y, he said" (parataxis)
            if c.dep_ == "parataxis" and (mod := verb_modality(c)) and c.i not in ids \
                    and (child is None or c.i != child.i):
                return Cue(c.text.lower(), mod, c, _subject(c))
    sent = head.sent
    first = [t.lower_ for t in sent[:5]]
    if "according" in first:                # the parse put "according to" elsewhere
        acc = sent[first.index("according")]
        obj = next((t for t in acc.subtree if t.dep_ == "pobj"), None)
        if obj is not None and acc.i < head.i and head not in list(acc.subtree):
            return Cue("according to", "reported", acc, obj)
    return _closing_report(sent, ids)


def _closing_report(sent, ids: set[int]) -> Cue | None:
    """"..., company spokeswoman X said on Monday.": a reporting verb that closes the
    sentence after a comma reports all of it, its speaker the noun phrase right before it,
    however the parse hung the two (as an apposition of the last object, a conjunct)."""
    verbs = [t for t in sent if t.pos_ in ("VERB", "AUX")]
    if not verbs or verbs[-1].i in ids:
        return None
    verb = verbs[-1]
    modality = verb_modality(verb)
    speaker = verb.doc[verb.i - 1] if verb.i > sent.start else None
    if modality is None or speaker is None or speaker.pos_ not in ("PROPN", "NOUN") \
            or not can_speak(speaker):
        return None
    left = speaker.i
    while left > sent.start and verb.doc[left - 1].dep_ in ("compound", "amod", "det", "poss",
                                                             "case", "nmod") \
            and verb.doc[left - 1].text != ",":
        left -= 1
    if left <= sent.start or verb.doc[left - 1].text != ",":
        return None
    if not _closes_sentence(verb):
        return None          # "..., X said that ..." or "X told Y": not a closing report
    return Cue(verb.text.lower(), modality, verb, speaker)


def _clause_modality(head, stop) -> tuple[str | None, str | None]:
    """Negation or hedging in the fact's own clause, below the cue `stop`: (modality, cue)."""
    cues = attribution_cues()
    hedges = cues["hedges"]
    node = head
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i and (stop is None or node.head.i != stop.i):
        hedge = next((c.lower_ for c in node.children if c.lower_ in hedges["adverbs"]), None)
        if hedge:
            return "hedged", hedge
        node = node.head
    if stop is not None and node.i == stop.i:
        return None, None
    negatable = not any(c.dep_ == "prep" and c.lower_ in ("until", "till") for c in node.children) \
        and not (node.lemma_ == "be" and any(c.dep_ == "acomp" for c in node.children))
    for c in node.children:   # "not ... until 2017" and "is not new" deny nothing
        if negatable and (c.dep_ == "neg" or (c.lower_ in cues["negations"]
                                              and c.dep_ == "advmod")):
            return "denied", c.text.lower()
    found: tuple[str | None, str | None] = (None, None)
    while True:
        for c in node.children:
            if c.lower_ in cues["alleged_adverbs"]:
                return "alleged", c.lower_
            if found[0] is None and ((c.dep_ == "aux" and c.lower_ in hedges["modals"]) or
                                     (c.dep_ == "advmod" and c.lower_ in hedges["adverbs"])):
                found = ("hedged", c.lower_)
        parent = node.head
        if parent.i == node.i or (stop is not None and parent.i == stop.i) \
                or node.dep_ not in ("xcomp", "ccomp"):
            return found
        lemma = parent.lemma_.lower()
        passive = any(c.dep_ == "auxpass" for c in parent.children) and \
            not any(c.dep_ == "agent" for c in parent.children)
        if lemma in hedges["raising_verbs"] or (passive and lemma in hedges["passive_reporting"]):
            if lemma in cues["verbs"]["alleged"]:
                return "alleged", parent.text.lower()
            found = found if found[0] else ("hedged", parent.text.lower())
            node = parent
            continue
        return found


def attribute(doc, span, mentions: list[Mention], trigger=None,
              referents: Referents | None = None) -> Attribution:
    """Who the text credits with the fact at `span` (a spaCy Span, a Token or a
    (start_char, end_char) pair over `doc`), and with which modality.

    Pass the narrowest span that holds the fact (its trigger, or its subject and
    object); a whole sentence is credited to its main reporting cue, if any.
    `trigger`, when given, is taken as the fact's head. `referents` may be shared
    between calls on one document to save re-indexing the mentions.
    """
    tokens = _tokens(doc, span)
    if not tokens:
        return Attribution()
    ref = referents or Referents(doc, mentions)
    head = trigger if trigger is not None else _fact_head(tokens)
    cue = _governing_cue(head, tokens)
    who: str | None = None
    modality, cue_text = "asserted", None
    if cue is not None:
        modality, cue_text = cue.modality, cue.text
        if cue.who is not None:
            who = speaker(ref, cue.who)
        elif cue.agentless and modality != "alleged":     # "it is reported that"
            modality = "hedged"
    clause, clause_cue = _clause_modality(head, cue.node if cue else None)
    if clause == "denied" or (clause and cue is None):
        modality = clause
        cue_text = clause_cue if cue is None else f"{cue_text}; {clause_cue}"
    return Attribution(attributed_to=who, modality=modality, cue=cue_text)


def speaks_for(doc, span, mentions: list[Mention], referents: Referents | None = None) -> str | None:
    """The group the speaker of the fact at `span` speaks for: "according to the founder of
    the group", "X, a spokesman for Y, said", "Hezbollah's leader said"; else None."""
    tokens = _tokens(doc, span)
    if not tokens:
        return None
    cue = _governing_cue(_fact_head(tokens), tokens)
    if cue is None or cue.who is None:
        return None
    ref = referents or Referents(doc, mentions)
    nouns = [cue.who] + [c for c in cue.who.children if c.dep_ == "appos"]
    if cue.who.dep_ == "appos":
        nouns.append(cue.who.head)
    for noun in nouns:
        itself = ref.at(noun)               # "the Health Ministry": it speaks for no one else
        if itself is not None and not role_family(noun):
            continue
        if role_family(noun) or noun.lemma_.lower() in attribution_cues()["institutions"]:
            for child in noun.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "for"):
                    obj = next((t for t in child.children if t.dep_ == "pobj"), None)
                    key = ref.key_of(obj, allow_roles=False) if obj is not None else None
                    if key:
                        return key
            key = ref.modifier_key(noun)
            if key:
                return key
    return None
