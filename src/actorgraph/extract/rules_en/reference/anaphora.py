"""Anaphora within one document: "the group", "this coalition", "the mayor", and the
personal pronouns ("it", "its", "they", "both", "he"), resolved only when the text makes
the referent clear. A part of `arguments.Context`."""
from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Token

from actorgraph.extract.rules_en.reference.argdata import (
    DEFINITE,
    NOT_PRONOUN,
    SPEECH_VERBS,
    SUBJ,
    Ent,
    Ref,
)
from actorgraph.extract.rules_en.reference.document import Document
from actorgraph.extract.rules_en.ruledata import words
from actorgraph.knowledge.lexicon import normalize_form
from actorgraph.model import Mention

GENERIC_GROUP_NOUNS = words("reference", "generic_group_nouns")
ANNOUNCING_VERBS = words("reference", "announcing_verbs")


class Anaphora(Document):
    """Who "it", "they", "the group" and "the network" stand for."""

    def group_ref(self, tok: Token) -> list[Ent]:
        """'the brigade' after 'the Zainabiyoun Brigade': the nearest organisation whose name
        ends in the noun; otherwise the salient organisation."""
        noun = tok.lemma_.lower()
        si = self.sentence_of(tok)
        for idx in range(si, max(-1, si - 4), -1):
            for m in reversed(self.mentions_in(idx)):
                if m.type != "organization" or (idx == si and m.start >= tok.idx):
                    continue
                words = normalize_form(m.text).split()
                if words and words[-1].rstrip("s") == noun.rstrip("s") and len(words) > 1:
                    return [Ent(m.key, "organization", "group")]
        return self.salient_ent("group") or self._sole_recent(tok)

    def _sole_recent(self, tok: Token) -> list[Ent]:
        """With no organisation dominating the document, 'the party' is the one organisation
        named in the sentence before it and in its own sentence up to it, if only one is."""
        if tok.lemma_.lower() in GENERIC_GROUP_NOUNS:
            return []   # "the group" after a sentence that names another group in passing
        si = self.sentence_of(tok)
        keys = {m.key for idx in (si - 1, si) if idx >= 0 for m in self.mentions_in(idx)
                if m.type == "organization" and (idx < si or m.start < tok.idx)}
        return [Ent(keys.pop(), "organization", "group")] if len(keys) == 1 else []

    def is_group_ref(self, tok: Token) -> bool:
        """'the group', 'the movement's': the document's salient organisation."""
        if tok.lemma_.lower() not in self.w.group or self.mention_at(tok) is not None:
            return False
        if tok.tag_ in ("NNS", "NNPS"):
            return False
        dets = [c.lower_ for c in tok.children if c.dep_ == "det"]
        if not dets or dets[0] not in DEFINITE:
            return False
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of" and any(
                    p.tag_ in ("NNS", "NNPS") or self.mention_at(p) is not None
                    for p in c.children if p.dep_ == "pobj"):
                return False   # "a group of individuals"
            named = self.mention_at(c)
            if c.dep_ in ("compound", "amod") and named is not None:
                return False
            if c.dep_ == "appos" and named is not None and named.type != "person":
                return False
        if tok.dep_ == "compound" and self.mention_at(tok.head) is not None:
            return False
        return True

    def _roles_seen(self) -> dict[str, set[str]]:
        """Role words each person is introduced with: titles ('Mayor X') and appositions
        ('X, the mayor of Y'), so that a later 'the mayor' can stand for X."""
        if self._role_map is None:
            roles: dict[str, set[str]] = defaultdict(set)
            for mi, m in enumerate(self.mentions):
                if m.type != "person":
                    continue
                for title in m.titles:
                    roles[title.lower().rstrip(".")].add(m.key)
                root = self.doc[self._mention_root[mi]]
                for c in root.children:
                    if c.dep_ in ("appos", "compound") and c.pos_ == "NOUN":
                        roles[c.lemma_.lower()].add(m.key)
            self._role_map = dict(roles)
        return self._role_map

    def coalition_before(self, tok: Token) -> list[Ent]:
        """'this coalition', 'the network': the coalition named in this or the sentences
        just before, else the one coalition the document names."""
        si = self.sentence_of(tok)
        for idx in (si, si - 1, si - 2, si - 3):
            if idx < 0:
                continue
            for m in reversed(self.mentions_in(idx)):
                if m.type != "organization" or (idx == si and m.start >= tok.idx):
                    continue
                if self._is_coalition(m):
                    return [Ent(m.key, "organization", "coalition")]
        keys = {m.key for m in self.mentions if m.type == "organization" and m.role == "name"
                and m.start < tok.idx and self._is_coalition(m)}
        if len(keys) == 1:
            return [Ent(next(iter(keys)), "organization", "coalition")]
        return []

    def _is_coalition(self, m: Mention) -> bool:
        if (m.kind or self.kind_of(m.key)) == "coalition":
            return True
        root = self.mention_root(m)
        return any(c.dep_ == "appos" and c.lemma_.lower() in self.w.coalition
                   for c in root.children)

    def _np_head(self, tok: Token) -> Token:
        t = tok
        while t.dep_ in ("compound", "poss", "amod", "nmod", "flat", "conj", "appos", "case") \
                and t.head.i != t.i:
            t = t.head
        return t

    def _clause_verb(self, tok: Token) -> Token:
        t = tok
        for _ in range(20):
            if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
                return t
            t = t.head
        return t

    def refs(self, index: int) -> list[Ref]:
        """The entity references of one sentence, in order, pronouns resolved."""
        if index in self._refs:
            return self._refs[index]
        out: list[Ref] = []
        self._refs[index] = out   # filled in order: a pronoun sees the references before it
        toks = self.sentence_tokens(index) if 0 <= index < len(self.sentences) else []
        seen_mentions: set[int] = set()
        for t in toks:
            head = self._np_head(t)
            verb_tok = self._clause_verb(head)
            subject = head.dep_ in SUBJ | {"nsubjpass"} and \
                verb_tok.lemma_.lower() not in SPEECH_VERBS
            verb = verb_tok.i
            if not subject and head.dep_ == "pobj" and head.head.lower_ == "for":
                nxt = head.right_edge.i + 1     # "a pretext for Azerbaijan to strengthen"
                if nxt < len(self.doc) and self.doc[nxt].lower_ == "to" \
                        and self.doc[nxt].head.pos_ == "VERB":
                    subject, verb = True, self.doc[nxt].head.i
            mi = self._tok_mention.get(t.i)
            if mi is not None:
                if mi in seen_mentions:
                    continue
                seen_mentions.add(mi)
                m = self.mentions[mi]
                e = self.ent_of(m)
                out.append(Ref(t.i, (e,), e.type, subject, verb))
                conj = {self._tok_mention.get(c.i)
                        for c in self.doc[self._mention_root[mi]].children if c.dep_ == "conj"}
                persons = [self.mentions[x] for x in conj if x is not None]
                persons = [p for p in persons if p.type == "person"]
                if m.type == "person" and persons:
                    group = (e,) + tuple(self.ent_of(p) for p in persons)
                    out.append(Ref(t.i, group, "persons", subject, verb))
                orgs = [self.mentions[x] for x in conj if x is not None]
                orgs = [o for o in orgs if o.type == "organization" and o.key != m.key]
                if m.type == "organization" and len(orgs) == 1:
                    out.append(Ref(t.i, (e, self.ent_of(orgs[0])), "organizations", subject, verb))
                continue
            if self.is_group_ref(t):
                ents = tuple(self.group_ref(t))
                if ents:
                    out.append(Ref(t.i, ents, "organization", subject, verb))
                continue
            if t.lemma_.lower() in self.w.coalition and t.pos_ == "NOUN" and self._definite(t) \
                    and not self._has_of(t):
                ents = tuple(self.coalition_before(t))
                if ents:
                    out.append(Ref(t.i, ents, "organization", subject, verb))
                continue
            if t.lower_ in self.w.pronouns and t.pos_ in ("PRON", "DET") \
                    and t.dep_ not in NOT_PRONOUN:
                ents = self.pronoun(t)
                if ents:
                    kind = "persons" if len(ents) > 1 else ents[0].type
                    out.append(Ref(t.i, ents, kind, subject, verb))
                continue
            if t.pos_ == "NOUN":
                apposed = [self.mention_at(c) for c in t.children if c.dep_ == "appos"]
                named = [n for n in apposed if n is not None and n.type == "person"]
                for c in t.children:
                    if c.dep_ == "appos" and self.mention_at(c) is not None:
                        for cc in c.children:
                            if cc.dep_ == "conj" and (ccm := self.mention_at(cc)) is not None \
                                    and ccm.type == "person":
                                named.append(ccm)
                if len(named) >= 2:
                    out.append(Ref(t.i, tuple(self.ent_of(n) for n in named), "persons",
                                    subject, verb))
        self._refs[index] = out
        return out

    def _reporting_subject(self, tok: Token, kinds: set, spec: dict) -> tuple[Ent, ...]:
        """The subject of the reporting verb whose reported clause holds the pronoun."""
        if spec.get("number") != "sg" or tok.dep_ not in SUBJ | {"nsubjpass", "poss"}:
            return ()
        verb = self._clause_verb(self._np_head(tok))
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SPEECH_VERBS | ANNOUNCING_VERBS:
            return ()
        subjects = [c for c in verb.head.children if c.dep_ in SUBJ]
        found = [self.ent_of(m) for c in subjects if (m := self.mention_at(c)) is not None]
        found = [e for e in found if e.type in kinds]
        return (Ent(found[0].key, found[0].type, "pronoun"),) if len(found) == 1 else ()

    def pronoun(self, tok: Token) -> tuple[Ent, ...]:
        """The antecedent of a personal pronoun, only when it is clear."""
        if tok.i in self._pron:
            return self._pron[tok.i]
        self._pron[tok.i] = ()
        spec = self.w.pronouns.get(tok.lower_)
        si = self.sentence_of(tok)
        if spec is None or si < 0:
            return ()
        kinds = set(spec["kinds"])
        possessive = tok.tag_ == "PRP$" or tok.dep_ == "poss"
        if possessive and tok.head.lemma_.lower() in self.w.member and "organization" in kinds:
            kinds = {"organization"}
        own_verb = self._clause_verb(self._np_head(tok)).i
        speaker = self._reporting_subject(tok, kinds, spec)
        if speaker:   # "KH announced that it was suspending ...": it is KH
            self._pron[tok.i] = speaker
            return speaker
        window = [r for r in reversed(self.refs(si)) if r.pos < tok.i]
        if si > 0:
            window += list(reversed(self.refs(si - 1)))
        cands = []
        for r in window:
            if r.kind not in kinds:
                continue
            if r.kind == "person" and spec["number"] != "sg":
                continue
            if not possessive and r.subject and r.verb == own_verb and tok.dep_ != "nsubj":
                continue          # "Azerbaijan imprisoned them": not the clause's own subject
            cands.append(r)
        result: tuple[Ent, ...] = ()
        subj = [r for r in cands if r.subject]
        salient_here = self.salient is not None and any(
            e.key == self.salient for r in cands for e in r.ents)
        if subj:
            r = subj[0]
            if r.kind == "organization":
                org_subjects = {x.ents[0].key for x in subj if x.kind == "organization"}
                if r.ents[0].key == self.salient or (
                        len(org_subjects) == 1 and not salient_here):
                    result = r.ents
            elif r.kind == "organizations":
                result = r.ents if spec["number"] == "pl" and len(r.ents) == 2 else ()
            elif r.kind == "country":
                result = r.ents
            elif r.kind in ("person", "persons"):
                others = {e.key for x in cands if x.kind == r.kind for e in x.ents}
                result = r.ents if others == {e.key for e in r.ents} or r.kind == "persons" else ()
        elif cands:
            if cands[0].kind == "organizations" and len(cands[0].ents) == 2:
                result = cands[0].ents   # "the X Division ... and the Y Brigade. Both ..."
            elif salient_here and "organization" in kinds:
                result = tuple(self.salient_ent("pronoun"))
            elif kinds == {"person"}:
                keys = {e.key for r in cands for e in r.ents}
                if len(keys) == 1:
                    result = cands[0].ents
        result = tuple(Ent(e.key, e.type, "pronoun") for e in result)
        self._pron[tok.i] = result
        refs = self._refs.get(si)
        if result and refs is not None and not any(r.pos == tok.i for r in refs):
            # the sentence's references were listed while this pronoun was being resolved
            head = self._np_head(tok)
            verb_tok = self._clause_verb(head)
            subject = head.dep_ in SUBJ | {"nsubjpass"} and \
                verb_tok.lemma_.lower() not in SPEECH_VERBS
            kind = "persons" if len(result) > 1 and result[0].type == "person" else (
                "organizations" if len(result) > 1 else result[0].type)
            refs.append(Ref(tok.i, result, kind, subject, verb_tok.i))
            refs.sort(key=lambda r: r.pos)
        return result
