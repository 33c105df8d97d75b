"""Relations between actors, read from the syntax of each sentence.

`find_relations(doc, sentences, mentions)` finds the ontology's predicates
(leader_of, founder_of, member_of, sponsored_by, allied_with, opposes,
based_in, operates_in, associate_of, operates_channel) by the constructions
that state them, never by two names sharing a sentence:

- role nouns in apposition, as complements, in "as" phrases, as titles and
  with possessors ("X, the founder and leader of Y", "Y's leader X",
  "Azerbaijani president X", "X is a fellow at Y", "X acted as Y's interpreter");
- verbs with their subject and object, active or passive ("X founded Y",
  "Y is funded by X", "endorsed it and authorized its creation");
- participles and nouns of sponsorship ("an Iranian-backed proxy", "a typical
  Iranian proxy"), alliance ("in cooperation with Y", "fight side by side
  with Y", "X's cooperation with Y"), opposition ("seeks to overthrow Y",
  "called for regime change in Y", "campaign against Y") and place ("based
  in Y", "cells in Y", "deployed to Y", "groups such as X in Y");
- lists under a coalition ("This coalition includes groups such as X, Y");
- titles of state office ("Chile's ambassador X": a member of the state, `offices`),
  sites a group uses and states that put troops into a force (`presence`).

The trigger words of each construction live in `data/relations.yaml`; the
spaCy `Matcher` built from them finds the triggers, and rules over the
dependency tree (`relate/roles.py`, `relate/ties.py`, `relate/places.py`, one
module per family, dispatched from the tables below) fill the slots. Slots are turned into entity keys by
`arguments.Context` (names, "the group", pronouns, demonyms, "the Aliyev
government"). Type constraints per predicate drop what cannot be.
Every fact carries its sentence index and the name of the rule that fired;
one fact per (subject, predicate, object) per sentence. Negated statements are
skipped; hypothetical ones ("would", "should X succeed") keep the suffix
":hypothetical" on their rule.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from actorgraph.extract.rules_en.reference.arguments import Context, load_data
from actorgraph.extract.rules_en.relations.base import HYPOTHETICAL, Facts, Rules, load_rules
from actorgraph.extract.rules_en.relations.places import (
    SEND_VERBS,
    TERRITORY_VERBS,
    demonym_groups,
    demonym_lists,
    lists_in_places,
    possessive_and_of,
    rule_based,
    rule_based_from,
    rule_list_in,
    rule_operate,
    rule_send,
    rule_territory,
    rule_travel,
)
from actorgraph.extract.rules_en.relations.presence import contributors, facilities_used
from actorgraph.extract.rules_en.relations.roles import (
    role_holders,
    rule_coalition_descriptor,
    rule_include,
    rule_role,
    rule_role_multiword,
    rule_subject_object,
    titled_leaders,
)
from actorgraph.extract.rules_en.relations.succession import successions
from actorgraph.extract.rules_en.relations.ties import (
    rule_against,
    rule_aid,
    rule_ally_noun,
    rule_ally_phrase,
    rule_ally_verb,
    rule_change,
    rule_channel,
    rule_oppose_verb,
    rule_proxy,
    rule_sponsor_participle,
    rule_sponsor_phrase,
    rule_sponsor_verb,
)
from actorgraph.extract.rules_en.tokenmatch import TokenMatcher
from actorgraph.model import Mention, RelationFact, Sentence

__all__ = ["HYPOTHETICAL", "find_relations", "load_rules"]

_MATCHERS: dict[int, TokenMatcher] = {}     # one Matcher of the trigger words per vocabulary


def _matcher(doc: Doc, rules: Rules) -> TokenMatcher:
    key = id(doc.vocab)
    if key in _MATCHERS:
        return _MATCHERS[key]
    m = TokenMatcher(doc.vocab)     # spaCy's Matcher, faster on one-token patterns

    def words(label: str, ws, pos=None) -> None:
        ws = sorted(set(ws))
        pats = [[{"LEMMA": {"IN": ws}}], [{"LOWER": {"IN": ws}}]]
        if pos:
            for p in pats:
                p[0]["POS"] = {"IN": pos}
        m.add(label, pats)

    noun = ["NOUN", "PROPN"]
    verb = ["VERB", "AUX"]
    words("ROLE", set(rules.role) | rules.part_nouns, noun)
    words("SO_VERB", set(rules.so_verbs) | set(rules.member_preps) | rules.belong_verbs, verb)
    words("INCLUDE", rules.include_verbs, verb)
    words("SPONSOR_PART", set(rules.sponsor_participles) | {"aligned", "allied", "affiliated", "linked", "tied", "connected",
                                                              "based", "headquartered"})
    words("PROXY", rules.proxy_nouns, noun)
    words("SPONSOR_VERB", set(rules.sponsor_verbs), verb)
    words("AID_VERB", rules.receive_verbs | rules.give_verbs, verb)
    m.add("ALLY_PHRASE", [[{"LOWER": w} for w in p] for p in rules.ally_phrases])
    words("ALLY_NOUN", rules.ally_nouns, noun)
    words("ALLY_VERB", rules.ally_verbs, verb)
    words("OPPOSE_VERB", rules.oppose_verbs, verb)
    words("AGAINST", rules.against_verbs | rules.against_nouns | rules.hostile)
    words("CHANGE", rules.change_nouns | {"change"}, noun)
    words("BASED", rules.based_verbs | rules.based_nouns)
    words("OPERATE", rules.operate_nouns | rules.operate_adjectives | rules.operate_verbs
          | {"participate"} | set(load_data("arguments.yaml")["group_nouns"]))
    words("CHANNEL_VERB", rules.channel_verbs, verb)
    for parts, _ in rules.multiword_roles.values():
        pat = []
        for i, part in enumerate(parts):
            if i:
                pat.append({"TEXT": {"IN": ["-", "\u2010", "\u2011"]}})
            pat.append({"LOWER": part})
        m.add("ROLE_MW", [pat])
    m.add("SPONSOR_PHRASE", [[{"LOWER": w} for w in p] for p, _ in rules.sponsor_phrases])
    words("TRAVEL", rules.travel_verbs, verb)
    words("SEND", SEND_VERBS, verb)
    words("TERRITORY", TERRITORY_VERBS, verb)
    words("COALITION_DESC", rules.coalition_descriptors, noun)
    words("BASED_FROM", rules.based_from, verb)
    m.add("LIST", [[{"LOWER": p.split()[0]}] + [{"LOWER": w} for w in p.split()[1:]]
                   for p in rules.list_preps])
    _MATCHERS[key] = m
    return m


# -- collecting facts -------------------------------------------------------------------


_SPAN_HANDLERS: dict[str, Callable[[Context, Rules, Token, Token, Facts], None]] = {
    "ALLY_PHRASE": rule_ally_phrase,
    "SPONSOR_PHRASE": rule_sponsor_phrase,
    "ROLE_MW": rule_role_multiword,
}

_HANDLERS: dict[str, Callable[[Context, Rules, Token, Facts], None]] = {
    "ROLE": rule_role,
    "SO_VERB": rule_subject_object,
    "INCLUDE": rule_include,
    "SPONSOR_PART": rule_sponsor_participle,
    "PROXY": rule_proxy,
    "SPONSOR_VERB": rule_sponsor_verb,
    "AID_VERB": rule_aid,
    "ALLY_NOUN": rule_ally_noun,
    "ALLY_VERB": rule_ally_verb,
    "OPPOSE_VERB": rule_oppose_verb,
    "AGAINST": rule_against,
    "CHANGE": rule_change,
    "BASED": rule_based,
    "OPERATE": rule_operate,
    "CHANNEL_VERB": rule_channel,
    "LIST": rule_list_in,
    "TRAVEL": rule_travel,
    "SEND": rule_send,
    "TERRITORY": rule_territory,
    "COALITION_DESC": rule_coalition_descriptor,
    "BASED_FROM": rule_based_from,
}


def find_relations(doc: Doc, sentences: list[Sentence], mentions: list[Mention],
                   ctx: Context | None = None) -> list[RelationFact]:
    """Every relation the syntax of the document states, one per (s, p, o) per sentence."""
    if not sentences or not mentions:
        return []
    rules = load_rules()
    ctx = ctx or Context(doc, sentences, mentions)
    facts = Facts(ctx, rules)
    matcher = _matcher(doc, rules)
    seen: set[tuple[str, int]] = set()
    for match_id, start, end in matcher(doc):
        label = doc.vocab.strings[match_id]
        first, last = doc[start], doc[end - 1]
        if ctx.sentence_of(first) < 0:
            continue
        if label in _SPAN_HANDLERS:
            if (label, start) in seen:
                continue
            seen.add((label, start))
            _SPAN_HANDLERS[label](ctx, rules, first, last, facts)
            continue
        if (label, start) in seen:
            continue
        seen.add((label, start))
        _HANDLERS[label](ctx, rules, first, facts)
    possessive_and_of(ctx, rules, facts)
    titled_leaders(ctx, rules, facts)
    lists_in_places(ctx, rules, facts)
    demonym_lists(ctx, rules, facts)
    demonym_groups(ctx, rules, facts)
    facilities_used(ctx, rules, facts)
    contributors(ctx, rules, facts)
    successions(ctx, rules, facts, lambda t: role_holders(ctx, rules, t))
    return facts.result()
