"""Clauses: who does what to whom in the parse. The subject of a verb (climbing to the
governing verb of an infinitive, a participle or a conjunct), the agent of a passive, the
name an apposition describes, the actor of an act named by a noun, negation and
hypotheticals. A part of `arguments.Context`, built on `anaphora.Anaphora`."""
from __future__ import annotations

from typing import TypeGuard

from spacy.tokens import Token

from actorgraph.extract.rules_en.reference.anaphora import Anaphora
from actorgraph.extract.rules_en.reference.argdata import (
    AGENTIVE_VERBS,
    LEADER_WORDS,
    LINK_PREPS,
    LIST_PREPS,
    OBJECT_CONTROL,
    PURPOSE_NOUNS,
    SUBJ,
    Ent,
    lemma_in,
)
from actorgraph.extract.rules_en.ruledata import words
from actorgraph.model import Mention

ACCUSING = words("reference", "accusing")
PART_HOSTS = words("reference", "part_hosts")   # "one of the groups", "part of the coalition"


class Clauses(Anaphora):
    """Readers of the dependency tree that answer with tokens or entities."""

    def subject(self, verb: Token) -> tuple[list[Token], str]:
        """The subject tokens of a verb and the voice they fill ('active', 'passive').

        Climbs to the governing verb for infinitives, participles and conjoined verbs
        without a subject of their own ("deployed to Syria to fight", "..., decrying"),
        and to the owner of a noun that holds the clause ("Its purpose — to overthrow")."""
        v = verb
        # "X is backed by Y and operates in Z": a finite verb joined to a passive one
        finite_conj = verb.dep_ == "conj" and verb.tag_ in ("VBZ", "VBP", "VBD") \
            and not self.is_passive(verb)
        for _ in range(8):
            if v.pos_ in ("NOUN", "PROPN", "PRON"):
                poss = [c for c in v.children if c.dep_ == "poss"]
                if poss:
                    return poss, "active"
                if v.dep_ in ("dobj",) and v.head.i != v.i and v.head.pos_ in ("VERB", "AUX"):
                    v = v.head
                    continue
                return [], "none"
            subs = [c for c in v.children if c.dep_ in SUBJ]
            if len(subs) > 1:   # a misparse: keep the subject nearest the verb
                before = [c for c in subs if c.i < v.i]
                subs = [max(before, key=lambda c: c.i)] if before else subs[:1]
            if subs:
                owners = [c for x in subs if x.lemma_.lower() in PURPOSE_NOUNS
                          for c in x.children if c.dep_ == "poss"]
                return (owners or subs), "active"
            pas = [c for c in v.children if c.dep_ == "nsubjpass"]
            if pas:
                return pas, ("active" if finite_conj and v.i != verb.i else "passive")
            if v.dep_ == "xcomp" and v.head.lemma_.lower() in OBJECT_CONTROL:
                objs = [c for c in v.head.children if c.dep_ == "dobj"]
                if objs:
                    return objs, "active"
            # "accused the United States of backing the group": the accused does it
            if v.dep_ == "pcomp" and v.head.lower_ == "of" and \
                    v.head.head.lemma_.lower() in ACCUSING:
                objs = [c for c in v.head.head.children if c.dep_ == "dobj"]
                if objs:
                    return objs, "active"
            if v.dep_ == "relcl":
                return [v.head], "active"
            if v.dep_ == "acl":
                head = v.head
                if self.mention_at(head) is None and not self._one(head, "any", 0):
                    poss = [c for c in head.children if c.dep_ == "poss"]
                    if poss:
                        return poss, "active"
                return [head], ("passive" if v.tag_ == "VBN" else "active")
            if v.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "prep", "acomp") \
                    and v.head.i != v.i:
                v = v.head
                if v.pos_ == "ADP" and v.head.i != v.i:
                    v = v.head
                continue
            break
        return [], "none"

    def apposed(self, n: Token, types=None) -> list[Ent]:
        """The name a descriptor in apposition describes ('X, the founder of Y',
        'the Quds Force, the foreign operations arm of the IRGC'): the name written just
        before the comma, else the nearest name up the parse, of an allowed type."""
        def fits(m: Mention | None) -> TypeGuard[Mention]:
            return m is not None and (types is None or self.type_ok(self.ent_of(m), types))
        left = n.left_edge.i
        j = left - 1
        doc = n.doc
        while j >= 0 and doc[j].lower_ in ("then", "now", "also", "once", "formerly"):
            j -= 1
        if j >= 1 and doc[j].text in (",", "\u2014", "\u2013", "(", "-", ":"):
            m = self.mention_at(doc[j - 1])
            if fits(m):
                return [self.ent_of(m)]
        t = n.head
        for _ in range(8):
            m = self.mention_at(t)
            if fits(m):
                return [self.ent_of(m)]
            if self.is_group_ref(t) and (types is None or "organization" in types):
                return self.salient_ent("group")
            if t.dep_ in ("appos", "conj", "compound") and t.head.i != t.i:
                t = t.head
            else:
                break
        return []

    def list_items(self, n: Token, types=("organization",)) -> list[Ent]:
        """The names a plural noun lists: 'factions, including X and Y', 'groups such as X',
        'two militias to its list: X and Y'."""
        out: list[Ent] = []
        preps = [c for c in n.children if c.dep_ == "prep"]
        if not any(c.lower_ in LIST_PREPS for c in preps) and n.tag_ in ("NNS", "NNPS"):
            preps = [c for c in n.subtree if c.dep_ == "prep" and c.i > n.i
                     and c.lower_ in LIST_PREPS]
        for c in preps:
            if c.lower_ in LIST_PREPS:
                if c.lower_ == "as" and not any(x.lower_ == "such" for x in c.children) \
                        and not (c.i > 0 and n.doc[c.i - 1].lower_ == "such"):
                    continue
                for t in c.subtree:
                    m = self.mention_at(t)
                    if m is not None and self.type_ok(self.ent_of(m), types) and \
                            self.mention_root(m).i == t.i:
                        out.append(self.ent_of(m))
        if out or n.tag_ not in ("NNS", "NNPS"):
            return out
        nums = [c for c in n.children if c.dep_ == "nummod"]
        words = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
        want = words.get(nums[0].lower_) if nums else None
        sent = self.sentence_of(n)
        colon = None
        for t in n.doc[n.i + 1:]:
            if self.sentence_of(t) != sent:
                break
            if t.text == ":":
                colon = t
                break
        if colon is None or want is None:
            return out
        for t in n.doc[colon.i + 1:]:
            if self.sentence_of(t) != sent:
                break
            m = self.mention_at(t)
            if m is not None and self.mention_root(m).i == t.i and \
                    self.type_ok(self.ent_of(m), types):
                out.append(self.ent_of(m))
        return out if len(out) == want else []

    def described(self, n: Token, depth: int = 0, types=None) -> list[Ent]:
        """The entity a common noun describes: 'X, an Iranian-backed proxy', 'X are a typical
        proxy', 'the proxy X', 'X and other backed forces', 'Like other proxies, X ...',
        'one of Tehran's proxy projects', 'a network of actors aligned with Y',
        'factions, including X and Y', 'X is among the oldest of the groups aligned with Y'."""
        if depth > 5:
            return []
        own = self._one(n, "any", 0) if n.pos_ != "NOUN" or self.mention_at(n) is not None \
            or self.is_group_ref(n) else []
        if own:
            return own
        items = self.list_items(n)
        if items:
            return items
        if n.dep_ == "appos":
            found = self.apposed(n, types)
            if found:
                return found
        named = [c for c in n.children if c.dep_ == "appos" and self.mention_at(c) is not None]
        if named:
            return [e for c in named for e in self.ents(c)]
        if n.dep_ == "compound":
            t = n.head
            while t.dep_ == "compound" and self.mention_at(t) is None:
                t = t.head
            head = self.mention_at(t)
            if head is not None:
                return [self.ent_of(head)]
            return self.described(t, depth + 1, types)
        if n.dep_ in ("attr", "oprd") and n.head.lemma_.lower() in ("be", "become", "remain"):
            toks, voice = self.subject(n.head)
            return [e for t in toks for e in self.ents(t)]
        others = any(c.lower_ in ("other", "fellow") for c in n.children)
        if n.dep_ == "pobj" and n.head.dep_ == "prep":
            prep = n.head
            host = prep.head
            if prep.lower_ == "of" and (host.lemma_.lower() in PART_HOSTS
                    | self.w.coalition | self.w.group or host.tag_ in ("JJS", "CD")
                    or host.dep_ == "pobj" and host.head.lower_ == "among"):
                return self.described(host, depth + 1, types)
            if prep.lower_ == "among" and host.lemma_.lower() in ("be", "remain", "rank"):
                toks, _ = self.subject(host)
                return [e for t in toks for e in self.ents(t)]
            if prep.lower_ in ("like", "as", "among") and others:
                toks, _ = self.subject(host) if host.pos_ in ("VERB", "AUX") else ([], "")
                return [e for t in toks for e in self.ents(t)]
        if n.dep_ in ("conj",) and n.tag_ in ("JJS",) or (n.pos_ == "ADJ" and n.dep_ == "conj"):
            return self.described(n.head, depth + 1, types)
        if n.dep_ == "conj" and others:
            t = n.head
            while t.dep_ == "conj" and self.mention_at(t) is None:
                t = t.head
            return self.ents(t) if self.mention_at(t) is not None else []
        return []

    def nominal_actor(self, noun: Token) -> list[Ent]:
        """Who carries out an act named by a noun: 'Hezbollah's attack', 'the X attack',
        'an attack by X', or the subject of the clause it is the business of
        ('X cells have been behind ..., including a thwarted attack', 'X carried out a plot')."""
        for c in noun.children:
            if c.dep_ == "poss":
                found = self.ents(c, "actor")
                if found:
                    return found
        for c in noun.children:
            if c.dep_ in ("compound", "nmod") and c.i < noun.i:
                m = self.mention_at(c)
                if m is not None and m.type in ("organization", "person", "country"):
                    return [self.ent_of(m)]
        for c in noun.children:
            if c.dep_ in ("prep", "agent") and c.lower_ == "by":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return self.ents(p, "actor")
        t, via = noun, set()
        for _ in range(6):
            if t.dep_ == "conj" and t.head.i != t.i:
                t = t.head
                continue
            if t.dep_ == "pobj" and t.head.dep_ in ("prep", "agent"):
                via.add(t.head.lower_)
                if t.head.lower_ not in LINK_PREPS:
                    return []
                t = t.head.head
                if t.pos_ in ("NOUN", "PROPN"):
                    continue
                break
            if t.dep_ in ("dobj", "attr", "appos", "nsubjpass") and t.head.i != t.i:
                via.add(t.dep_)
                t = t.head
                break
            break
        if t.pos_ not in ("VERB", "AUX"):
            return []
        lemma = t.lemma_.lower()
        if lemma == "be" and not (via & {"behind", "responsible", "attr", "including"}):
            return []
        if lemma != "be" and not lemma_in(t, AGENTIVE_VERBS):
            return []
        return [e for x in self.actor_tokens(t) for e in self.ents(x, "actor")]

    def affiliation(self, tok: Token) -> list[Ent]:
        """The organisation a person is named with: 'Quds Force head Gen. Qassem Soleimani'."""
        m = self.mention_at(tok)
        if m is None or m.type != "person":
            return []
        root = self.mention_root(m)
        for c in root.children:
            if c.dep_ in ("compound", "appos") and c.lemma_.lower() in LEADER_WORDS:
                for cc in c.children:
                    if cc.dep_ in ("compound", "poss"):
                        mm = self.mention_at(cc)
                        if mm is not None and mm.type == "organization":
                            return [self.ent_of(mm, "affiliation")]
                    if cc.dep_ == "prep" and cc.lower_ == "of":
                        for p in cc.children:
                            mm = self.mention_at(p) if p.dep_ == "pobj" else None
                            if mm is not None and mm.type == "organization":
                                return [self.ent_of(mm, "affiliation")]
        return []

    def is_passive(self, verb: Token) -> bool:
        return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
            verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")
            and not any(c.dep_ == "aux" for c in verb.children))

    def agent(self, verb: Token) -> list[Token]:
        """The 'by X' of a passive; shared by coordinated participles ('funded and trained
        by Iran')."""
        def own(v: Token) -> list[Token]:
            return [p for c in v.children if c.dep_ == "agent" or (c.dep_ == "prep"
                                                                   and c.lower_ == "by")
                    for p in c.children if p.dep_ == "pobj"]
        found = own(verb)
        todo = [c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN"]
        while not found and todo:
            c = todo.pop(0)
            found = own(c)
            todo.extend(x for x in c.children if x.dep_ == "conj" and x.tag_ == "VBN")
        head = verb
        while not found and head.dep_ == "conj" and head.head.tag_ == "VBN":
            head = head.head
            found = own(head)
        return found

    def actor_tokens(self, verb: Token) -> list[Token]:
        """Who does it: the active subject, or the agent of a passive."""
        if self.is_passive(verb):
            return self.agent(verb)
        toks, voice = self.subject(verb)
        return toks if voice in ("active", "noun") else []

    def patient_tokens(self, verb: Token) -> list[Token]:
        """Who undergoes it: the object, or the subject of a passive."""
        objs = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        if objs:
            return objs
        if self.is_passive(verb):
            toks, voice = self.subject(verb)
            return toks if voice == "passive" or verb.dep_ == "acl" else []
        for c in verb.children:
            if c.dep_ == "conj" and c.pos_ == "VERB":
                objs = [x for x in c.children if x.dep_ == "dobj"]
                if objs:
                    return objs
        return []

    def negated(self, tok: Token) -> bool:
        """'did not', 'never', 'no attack', 'without admitting' -- unless 'not ... until'
        (which asserts it later)."""
        t = tok
        for _ in range(3):
            if t.dep_ in ("pcomp", "pobj") and t.head.lower_ == "without":
                return True
            if t.dep_ not in ("xcomp", "pcomp", "aux") or t.head.i == t.i:
                break
            t = t.head
        t = tok
        for _ in range(3):
            kids = list(t.children)
            if any(c.dep_ == "neg" for c in kids) or any(
                    c.dep_ == "det" and c.lower_ == "no" for c in kids):
                return not any(c.dep_ == "prep" and c.lower_ == "until" for c in kids)
            if t.pos_ in ("VERB", "AUX") or t.head.i == t.i or t.dep_ in SUBJ | {"nsubjpass"}:
                break
            t = t.head
        return False

    def hypothetical(self, tok: Token) -> bool:
        """Under 'would', 'could', 'may', 'if', or an inverted 'Should X ...'."""
        t = tok
        for _ in range(8):
            for c in t.children:
                if c.dep_ == "aux" and c.lower_ in self.w.hyp_aux:
                    return True
                if c.dep_ == "mark" and c.lower_ in self.w.hyp_marks:
                    return True
            if t.head.i == t.i or t.dep_ in SUBJ | {"nsubjpass"}:
                break
            t = t.head
        return False
