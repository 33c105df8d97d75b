"""Who a pronoun, a role noun or "the group" stands for, within one document.

Used by attribution (the speaker of "the leader also stated", "according to
him") and by quantities (the "they" of "they have 15,000 supporters", the
"them" of "six of them"). Everything answers with a mention `key`, or None
when the text does not make the referent clear. Cue words are those of
`data/attribution.yaml` (pronouns, roles) and `data/quantities.yaml` (group
nouns).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from actorgraph.extract.rules_en.nlp import doc_text
from actorgraph.extract.rules_en.ruledata import load_data
from actorgraph.model import Mention

SENTENCES_BACK = 3           # how far back a pronoun or role noun looks
NOT_GROUP_KINDS = {"media", "academic", "company", "government"}


@lru_cache(maxsize=1)
def attribution_cues() -> dict:
    """The cue words of data/attribution.yaml."""
    return load_data("attribution.yaml")


@lru_cache(maxsize=1)
def group_nouns() -> frozenset[str]:
    return frozenset(load_data("quantities.yaml")["group_nouns"])


def is_group_anaphor(token) -> bool:
    """"the group", "this movement": a bare definite group noun that stands for a group
    named before (not "a group of", "other groups", "the U.S.-led coalition")."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or token.lemma_.lower() not in group_nouns():
        return False
    kids = list(token.children)
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in kids) and \
        not any(c.dep_ in ("amod", "compound", "nmod", "nummod") and c.i < token.i for c in kids) \
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in kids)


def role_family(token) -> str | None:
    """The role family ("leader", "member", ...) of a role noun, else None."""
    word = token.lemma_.lower()
    for family, words in attribution_cues()["roles"].items():
        if word in words or token.lower_ in words:
            return family
    return None


def pronoun_class(token) -> str | None:
    """"person", "group" or "author" for a personal pronoun, else None."""
    if token.tag_ not in ("PRP", "PRP$"):
        return None
    for cls, words in attribution_cues()["pronouns"].items():
        if token.lower_ in words:
            return cls
    return None


class Referents:
    """The mentions of one document indexed by position, with the look-ups on them."""

    def __init__(self, doc, mentions: list[Mention]):
        self.doc = doc
        self.mentions = sorted((m for m in mentions if m.key), key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self._words: dict[str, dict[str, Mention]] | None = None   # see _by_word

    # -- mentions by position ----------------------------------------------
    def at(self, token) -> Mention | None:
        """The mention that covers `token`."""
        i = bisect.bisect_right(self.starts, token.idx) - 1
        if i >= 0 and self.mentions[i].start <= token.idx < self.mentions[i].end:
            return self.mentions[i]
        return None

    def starting_at(self, token) -> Mention | None:
        i = bisect.bisect_left(self.starts, token.idx)
        if i < len(self.mentions) and self.mentions[i].start == token.idx:
            return self.mentions[i]
        return None

    def _window(self, token) -> int:
        """The first token index of the sentences a referent may come from."""
        sent = token.sent
        for _ in range(SENTENCES_BACK):
            if sent.start == 0:
                break
            sent = self.doc[sent.start - 1].sent
        return sent.start

    # -- what a noun phrase names -------------------------------------------
    def named_by(self, token) -> Mention | None:
        """A mention the noun `token` is, or stands next to: "X", "the founder, X,", "X's".
        A group noun ("the group, X") is only ever an organisation; a role noun not a place."""
        m = self.at(token)
        if m is not None:
            return m
        group = token.lemma_.lower() in group_nouns()

        def fits(m: Mention | None) -> bool:
            return m is not None and (m.type == "organization" if group
                                      else m.type not in ("place", "country"))
        for child in token.children:
            if child.dep_ == "appos" and fits(self.at(child)):
                return self.at(child)
        if role_family(token):        # "the ambassador in Vienna, X," with X put on Vienna
            for prep in (c for c in token.children if c.dep_ == "prep" and c.i > token.i):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    for named in (c for c in obj.children if c.dep_ == "appos"):
                        m = self.at(named)
                        if m is not None and m.type == "person":
                            return m
        right = token.right_edge.i + 1         # textual apposition: "the founder of Y, X,"
        inner = token.dep_ == "pobj" and token.head.head.pos_ in ("NOUN", "PROPN")
        if (role_family(token) or group) and not inner and right + 1 < len(self.doc) \
                and self.doc[right].text == ",":
            m = self.starting_at(self.doc[right + 1])
            after = doc_text(self.doc)[m.end:m.end + 1] if m else ""
            if fits(m) and after in (",", ")", "\u2014"):
                return m
        if token.dep_ == "appos" and fits(self.at(token.head)):
            return self.at(token.head)
        return None

    def modifier_key(self, token) -> str | None:
        """The actor that owns a noun: "Hezbollah's leader", "the leader of X", "X propaganda"."""
        for child in token.children:
            if child.dep_ in ("poss", "compound", "nmod", "amod") and child.i < token.i:
                key = self.key_of(child, allow_roles=False)
                if key:
                    return key
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        key = self.key_of(obj, allow_roles=False)
                        if key:
                            return key
        return None

    def key_of(self, token, allow_roles: bool = True) -> str | None:
        """The mention key a noun or pronoun refers to, or None."""
        m = self.named_by(token) if token.pos_ in ("PROPN", "NOUN") else self.at(token)
        if m is None and (token.pos_ == "PROPN" or token.text[:1].isupper()
                          and token.i != token.sent.start and token.pos_ != "PRON"):
            m = self.same_name(token)
        if m is not None:
            return m.key
        cls = pronoun_class(token)
        if cls == "person":
            return self.person_before(token)
        if cls == "group":
            return self.group_before(token, countries=token.lower_ in ("it", "its"))
        if is_group_anaphor(token):
            return self.salient_group(token)
        if allow_roles and role_family(token):
            return self.role_holder(token)
        return None

    def same_name(self, token) -> Mention | None:
        """A proper noun the recogniser missed here but found elsewhere ("the Aliyev
        government" when "Aliyev" is named in the document): that mention, if only one."""
        found = self._by_word().get(token.text.casefold(), {})
        return next(iter(found.values())) if len(found) == 1 else None

    def _by_word(self) -> dict[str, dict[str, Mention]]:
        """A word -> the mentions it names, by key (the last of each key, keys in order of
        their first mention): a mention's whole text, and a person's last name. Built once
        per document; a scan of every mention per token made long documents quadratic."""
        if self._words is None:
            self._words = {}
            for m in self.mentions:
                text = m.text.casefold()
                forms = {text}
                if m.type == "person":
                    forms.update(re.split(r"[\s\-\u2010]+", text)[-1:])
                for form in forms:
                    self._words.setdefault(form, {})[m.key] = m
        return self._words

    # -- anaphora -------------------------------------------------------------
    def salient_group(self, token) -> str | None:
        """"the group": the organisation named most often so far, the recent ones weighing more."""
        scores: dict[str, float] = {}
        sent_start = token.sent.start
        prev_start = self.doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
        for m in self.mentions:
            if m.start >= token.idx:
                break
            if m.type != "organization" or (m.kind or "") in NOT_GROUP_KINDS:
                continue
            weight = 1.0
            if m.start >= self.doc[sent_start].idx:
                weight += 1.5
            elif m.start >= self.doc[prev_start].idx:
                weight += 1.0
            scores[m.key] = scores.get(m.key, 0.0) + weight
        return max(scores, key=lambda k: scores[k]) if scores else None

    def _backwards(self, token):
        for i in range(token.i - 1, self._window(token) - 1, -1):
            yield self.doc[i]

    def _nearest(self, token, pick) -> str | None:
        """The key `pick` gives the nearest tokens before `token`, in the nearest sentence
        where it gives one; a subject preferred."""
        found: list[tuple[int, bool, str]] = []
        for tok in self._backwards(token):
            if found and tok.sent.start != found[-1][0]:
                break
            key = pick(tok)
            if key:
                found.append((tok.sent.start, tok.dep_.startswith("nsubj"), key))
        subjects = [k for _, is_subj, k in found if is_subj]
        picked = subjects or [k for _, _, k in found]
        return picked[0] if picked else None

    def person_before(self, token) -> str | None:
        """He/him: a person (named, or named by a role noun) before the pronoun, in its own
        sentence if there is one, else in the nearest sentence before; a subject preferred."""
        def pick(tok) -> str | None:
            m = self.at(tok)
            if m is not None and m.type == "person" and tok.idx + len(tok.text) == m.end:
                return m.key
            if role_family(tok) and tok.pos_ == "NOUN":
                return self.role_holder(tok)
            return None
        return self._nearest(token, pick)

    def group_before(self, token, countries: bool = False) -> str | None:
        """They/them/it: an organisation (or "the group"; a state too for "it") before the
        pronoun, in the nearest sentence that has one; a subject preferred."""
        def pick(tok) -> str | None:
            m = self.at(tok)
            if m is not None:
                if tok.idx + len(tok.text) == m.end and (
                        (m.type == "organization" and (m.kind or "") not in NOT_GROUP_KINDS)
                        or (countries and m.type == "country")):
                    return m.key
                return None
            if is_group_anaphor(tok) and self.named_by(tok) is None:
                return self.salient_group(tok)
            return None
        return self._nearest(token, pick)

    def role_holder(self, token, guess: bool = True) -> str | None:
        """The person a role noun names: by apposition, or by an earlier mention of the same
        role family; with `guess`, a definite singular role ("the leader") may also be the
        only person named in this or the previous sentence."""
        m = self.named_by(token)
        if m is not None:
            return m.key
        if token.tag_ in ("NNS", "NNPS"):
            return None            # "two members": no one person named before
        family = role_family(token)
        for tok in self._backwards(token):
            if role_family(tok) == family and tok.pos_ == "NOUN":
                m = self.named_by(tok)
                if m is not None:
                    return m.key
        definite = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "some", "any")
                       for c in token.children)
        if not guess or token.tag_ != "NN" or not definite:
            return None
        start = token.sent.start
        first = self.doc[start - 1].sent.start if start > 0 else start
        persons = {m.key for m in self.mentions
                   if m.type == "person" and self.doc[first].idx <= m.start < token.idx}
        return persons.pop() if len(persons) == 1 else None
