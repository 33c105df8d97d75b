"""Verb families that tell a stance taken on an act or a person: accusing ("held X
responsible", "said X was behind it", "called it an X attack"), threatening ("warned that
X would pay", "declared war on X"), denying ("told reporters it had not built them"),
conceding ("said it was responsible") and sentencing ("received life imprisonment").
Each family is a test on the verb and a reader, as in `verbs.py`, which runs them."""
from __future__ import annotations

from spacy.tokens import Token

from actorgraph.extract.rules_en.events.arguments import ents_of, located, with_targets
from actorgraph.extract.rules_en.events.rules import Event, Reading, Rules, Verb
from actorgraph.extract.rules_en.reference.argdata import lemma_of, pobjs_of, preps_of
from actorgraph.extract.rules_en.reference.arguments import Context, Ent
from actorgraph.extract.rules_en.ruledata import words

RESPONSIBLE = words("events", "responsibility_adjectives")  # "held X responsible"
RETRIBUTION = words("events", "retribution_verbs")       # "warned that X would pay"
REPORT_VERBS = words("events", "report_verbs")           # "said it had never been there"
SENTENCE_RECEIVE = words("events", "sentence_receive_verbs")
SENTENCE_GIVE = words("events", "sentence_give_verbs")
SENTENCE_NOUNS = words("events", "sentence_nouns")
OPINION_VERBS = words("events", "opinion_verbs")         # "suggested X had been involved"
INVOLVEMENT = words("events", "involvement_words")
WAR_NOUNS = words("events", "war_nouns")                 # "declared war on X"
TARGET_NOUNS = words("events", "target_nouns")           # "declared X legitimate targets"
NAMING_VERBS = words("events", "naming_verbs")           # "called it an Israeli attack"
ORDER_NOUNS = words("events", "order_nouns")             # "on the orders of X"
HEDGED = words("events", "hedged_opinion_verbs")         # "suggested X had struck again"
HOSTILE = words("events", "hostile_types")
INSTIGATION = words("events", "instigation_verbs")       # "recruited by X"
MODALS = {"will", "would", "shall", "should", "can", "could", "may", "might", "must", "'ll",
          "wo", "ca"}
# verbs read only in a family of their own: "held X responsible", "said it had not"
EXTRA_VERBS = {"hold"} | REPORT_VERBS | SENTENCE_RECEIVE | SENTENCE_GIVE | OPINION_VERBS | HEDGED \
    | NAMING_VERBS


def declare(ctx: Context, rules: Rules, vb: Verb) -> Reading:
    """'declared the ambassador persona non grata'; 'declared war on X' and 'declared X
    legitimate targets' threaten X."""
    v = vb.tok
    if vb.objects & WAR_NOUNS:
        ev = Event("THREATEN", None, v, "declared_war")
        ev.add("targets", [e for d in vb.dobjs for e in with_targets(ctx, d, ("on", "against"))])
        ev.add("targets", with_targets(ctx, v, ("on", "against")))
    elif vb.objects & TARGET_NOUNS:
        ev = Event("THREATEN", None, v, "declared_targets")
        held = [d for d in vb.dobjs if lemma_of(d) not in TARGET_NOUNS]
        held += [c for d in vb.dobjs for c in d.subtree if c.dep_ == "nsubj"]
        ev.add("targets", ents_of(ctx, held, "target"))
    elif {"persona", "personae"} & {t.lower_ for t in v.subtree}:
        return ("COERCE", "expel"), "persona_non_grata"
    else:
        return None
    ev.add("actors", ents_of(ctx, ctx.actor_tokens(v), "actor"))
    ev.explicit = True
    return ev


def held_responsible(ctx: Context, rules: Rules, vb: Verb) -> Reading:
    """'held X fully responsible', 'holds X accountable': an accusation (CAMEO 112)."""
    return ("ACCUSE", None), "held_responsible"


def retribution(ctx: Context, rules: Rules, vb: Verb) -> Reading:
    """'warned that X would pay a heavy price': a threat against X."""
    return ("THREATEN", None), f"verb_{vb.lemma}"


def denied_by_report(ctx: Context, rules: Rules, vb: Verb) -> Reading:
    """'told reporters that his company had not built them': the speaker denies it."""
    return ("REJECT", None), "said_not"


def sentence(ctx: Context, rules: Rules, vb: Verb) -> Reading:
    """'received life imprisonment', 'was given 20 years': the subject is sentenced."""
    v = vb.tok
    ev = Event("COERCE", "imprison", v, "sentence_given")
    ev.add("targets", ents_of(ctx, ctx.subject(v)[0], "target"))
    if ctx.is_passive(v):
        ev.add("actors", ents_of(ctx, ctx.agent(v), "actor"))
    located(ctx, rules, ev, v)
    ev.explicit = True
    return ev


def holds_responsible(rules: Rules, vb: Verb) -> bool:
    return vb.lemma == "hold" and any(
        c.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "advcl") and lemma_of(c) in RESPONSIBLE
        for c in vb.tok.children)


def threatens_retribution(rules: Rules, vb: Verb) -> bool:
    return vb.lemma in rules.threat_verbs and vb.spec is None and any(
        c.dep_ == "ccomp" and lemma_of(c) in RETRIBUTION for c in vb.tok.children)


def negated_past(c: Token) -> bool:
    """A clause told as not having happened: 'had not built', 'had never been', 'did not'."""
    kids = list(c.children)
    if not any(k.dep_ == "neg" for k in kids) or any(
            k.dep_ == "aux" and k.lower_ in MODALS for k in kids):
        return False
    return c.tag_ in ("VBD", "VBN") or any(
        k.dep_ in ("aux", "auxpass") and k.tag_ in ("VBD",) for k in kids)


def reports_denial(rules: Rules, vb: Verb) -> bool:
    return vb.lemma in REPORT_VERBS and any(
        c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and negated_past(c)
        for c in vb.tok.children)


def named_act(ctx: Context, rules: Rules, vb: Verb) -> Reading:
    """'called the blasts an Israeli attack', 'what she called a terrorist act by X': the
    one the act is put on is accused."""
    v = vb.tok
    acts = [c for c in v.children if c.dep_ == "oprd"]
    owners = [c for a in acts for c in a.children if c.dep_ in ("poss", "compound", "amod")]
    owners += [o for x in [v, *acts] for p in preps_of(x, ("by", "of")) for o in pobjs_of(p)]
    targets = [e for e in ents_of(ctx, owners, "target")
               if e.type in ("country", "organization", "person")]
    targets += [d for o in owners if o.dep_ == "amod" and (d := ctx.demonym_country(o))]
    if not targets:
        return None
    ev = Event("ACCUSE", None, v, "called_act")
    ev.add("actors", ents_of(ctx, ctx.actor_tokens(v), "actor"))
    ev.add("targets", targets)
    ev.explicit = True
    return ev


def involved(ctx: Context, rules: Rules, vb: Verb) -> Reading:
    """'suggested that X had been involved', 'said X was behind the attack': X is accused;
    a speaker who says it was responsible itself concedes it."""
    v = vb.tok
    speakers = ents_of(ctx, ctx.actor_tokens(v), "actor")
    named = [e for c in v.children if c.dep_ == "ccomp" for e in _culprits(ctx, c)]
    if not speakers:
        return None
    own = {e.key for e in speakers}
    if named and all(e.key in own for e in named):
        ev = Event("CONCEDE", "responsibility", v, "said_responsible_itself")
    else:
        ev = Event("ACCUSE", None, v, "said_involved")
        ev.add("targets", [e for e in named if e.key not in own])
    ev.add("actors", speakers)
    ev.explicit = True
    return ev


def names_act(rules: Rules, vb: Verb) -> bool:
    return vb.lemma in NAMING_VERBS and any(
        c.dep_ == "oprd" and (lemma_of(c) in rules.nouns or c.lower_ in rules.nouns
                              or lemma_of(c) in rules.framing_nouns)
        for c in vb.tok.children)


def _orders(c: Token) -> list[Token]:
    """'acted on the orders of X', 'at the behest of X': X."""
    return [x for p in c.children if p.dep_ == "prep" for o in pobjs_of(p)
            if lemma_of(o) in ORDER_NOUNS for q in preps_of(o, ("of",)) for x in pobjs_of(q)]


def _instigated(ctx: Context, c: Token) -> list[Token]:
    """'had been recruited by X', 'was ordered and financed by X': X."""
    if lemma_of(c) not in INSTIGATION or not ctx.is_passive(c):
        return []
    return ctx.agent(c)


def _culprits(ctx: Context, c: Token) -> list[Ent]:
    """Whom a clause of involvement puts the act on: the one behind it, else its subject."""
    behind = _orders(c) or _instigated(ctx, c)
    return ents_of(ctx, behind or ctx.subject(c)[0], "target")


def says_involved(rules: Rules, vb: Verb) -> bool:
    def hostile(c: Token) -> bool:   # "suggested the militia had struck again"
        spec = rules.verbs.get(lemma_of(c))
        return vb.lemma in HEDGED and spec is not None and spec[0] in HOSTILE and not any(
            k.dep_ in ("auxpass", "nsubjpass") for k in c.children)

    def involved(c: Token) -> bool:
        return lemma_of(c) in INVOLVEMENT or any(
            k.dep_ in ("acomp", "prep", "attr") and k.lower_ in INVOLVEMENT
            for k in c.children) or bool(_orders(c)) or (
            lemma_of(c) in INSTIGATION and any(k.dep_ == "auxpass" for k in c.children))
    return vb.lemma in OPINION_VERBS | HEDGED and any(
        c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and (involved(c) or hostile(c))
        for c in vb.tok.children)


def gets_sentence(rules: Rules, vb: Verb) -> bool:
    v = vb.tok
    objs = [c for c in v.children if c.dep_ in ("dobj", "npadvmod", "attr")]
    if not any(lemma_of(o) in SENTENCE_NOUNS or o.lower_ in SENTENCE_NOUNS for o in objs):
        return False
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children)
    return (vb.lemma in SENTENCE_RECEIVE and not passive) or (
        vb.lemma in SENTENCE_GIVE and passive)
