"""One parsed document as the reference readers see it: its tokens, sentences and
names, which name is at a token, and the organisation the document is about. The base
of `anaphora.Anaphora`, `clauses.Clauses` and `arguments.Context`."""
from __future__ import annotations

import bisect
from abc import ABC, abstractmethod
from collections import Counter, defaultdict
from typing import Self

from spacy.tokens import Doc, Token

from actorgraph.extract.rules_en.nlp import columns, token_starts
from actorgraph.extract.rules_en.reference.argdata import DEFINITE, NOUNISH, Ent, Ref, words
from actorgraph.knowledge.lexicon import Lexicon, load_lexicon
from actorgraph.model import Mention, Sentence


class Document(ABC):
    """Tokens, names and salience of one parsed document; `_one` (what one token stands
    for) is read by `arguments.Context`."""

    def __init__(self, doc: Doc, sentences: list[Sentence], mentions: list[Mention],
                 lex: Lexicon | None = None) -> None:
        self.doc = doc
        self.sentences = sentences
        self.lex = lex or load_lexicon()
        self.w = words()
        self.mentions = [m for m in mentions if m.key]
        self.invented: dict[str, str] = {}     # key -> name, for states named by demonym only
        self._sent_starts = [s.start for s in sentences]
        self._tok_mention: dict[int, int] = {}
        self._mention_root: list[int] = []
        self._mention_end: list[int] = []       # one past each mention's last token
        self._index_of: dict[int, int] = {}     # id(mention) -> its place in self.mentions
        self.key_type: dict[str, str] = {}
        self.key_votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        self.key_names: dict[str, set[str]] = defaultdict(set)
        starts, heads, n = token_starts(doc), columns(doc).head, len(doc)
        for mi, m in enumerate(self.mentions):
            lo = bisect.bisect_left(starts, m.start)
            stop = max(bisect.bisect_left(starts, m.end), lo + 1)   # one past its last token
            for i in range(lo, min(stop, n)):
                self._tok_mention.setdefault(i, mi)
            # its root: its first token whose head is outside it
            root = next((i for i in range(lo, min(stop, n)) if not lo <= heads[i] < stop),
                        min(lo, n - 1))
            self._mention_root.append(root)
            self._mention_end.append(min(stop, n))
            self._index_of.setdefault(id(m), mi)
            mtype = "country" if m.role == "metonym" else m.type
            self.key_type.setdefault(m.key, mtype)
            for t, v in m.votes.items():
                self.key_votes[m.key][t] += v
            if m.role == "name":
                self.key_names[m.key].add(m.text)
        self.salient = self._salient()
        self._refs: dict[int, list[Ref]] = {}
        self._pron: dict[int, tuple[Ent, ...]] = {}
        self._role_map: dict[str, set[str]] | None = None   # see Anaphora._roles_seen
        self._in_sentence: dict[int, list[Mention]] | None = None   # see mentions_in
        self._sent_tokens: dict[int, list[Token]] = {}              # see sentence_tokens
        self._sent_ranges: dict[int, range] = {}                    # see sentence_range

    def fresh(self) -> Self:
        """A reader of the same document that shares what this one indexed of it (tokens,
        names, salience: the same whoever asks, and when) but none of the references it
        resolved (a pronoun's answer depends on what was asked before it): what a new
        reader of the same document, sentences and mentions would be, without its index
        built again."""
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__dict__)
        copy._refs, copy._pron, copy.invented = {}, {}, {}
        return copy

    # -- tokens, sentences, names ---------------------------------------------------

    def sentence_of(self, tok: Token) -> int:
        i = bisect.bisect_right(self._sent_starts, tok.idx) - 1
        if i < 0 or tok.idx >= self.sentences[i].end:
            return -1
        return i

    def sentence_tokens(self, index: int) -> list[Token]:
        """The tokens of sentence `index` (listed once per sentence; a new list each call)."""
        toks = self._sent_tokens.get(index)
        if toks is None:
            r = self.sentence_range(index)
            toks = self._sent_tokens[index] = list(self.doc[r.start:r.stop]) if r else []
        return list(toks)

    def sentence_range(self, index: int) -> range:
        """The indices of the tokens `sentence_tokens(index)` gives, for a scan that reads
        them from `nlp.columns` and makes a token only where its cue words are."""
        r = self._sent_ranges.get(index)
        if r is None:
            s = self.sentences[index]
            span = self.doc.char_span(s.start, s.end, alignment_mode="expand")
            r = self._sent_ranges[index] = range(span.start, span.end) if span is not None \
                else range(0)
        return r

    def mention_at(self, tok: Token) -> Mention | None:
        mi = self._tok_mention.get(tok.i)
        return self.mentions[mi] if mi is not None else None

    def _index(self, m: Mention) -> int:
        """The place of `m` in self.mentions: by identity in constant time (a list search
        per call made the document's mentions quadratic); an equal copy by search, which
        finds the first equal mention, whose tokens, root and end are the same."""
        mi = self._index_of.get(id(m))
        return mi if mi is not None and self.mentions[mi] is m else self.mentions.index(m)

    def mention_root(self, m: Mention) -> Token:
        return self.doc[self._mention_root[self._index(m)]]

    def mention_end(self, m: Mention) -> int:
        """One past the index of the mention's last token: no token after it is its."""
        return self._mention_end[self._index(m)]

    def ent_of(self, m: Mention, how: str = "name") -> Ent:
        return Ent(m.key, "country" if m.role == "metonym" else m.type, how)

    def mentions_in(self, index: int) -> list[Mention]:
        """The mentions of sentence `index`, in order: from an index by sentence built on
        first use (a scan of every mention per call made long documents quadratic)."""
        if self._in_sentence is None:
            self._in_sentence = {}
            for m in self.mentions:
                self._in_sentence.setdefault(m.sentence, []).append(m)
        return list(self._in_sentence.get(index, ()))

    def type_ok(self, ent: Ent, allowed) -> bool:
        """The entity's type is allowed, or the evidence for it favours an allowed type."""
        if ent.type in allowed:
            return True
        votes = self.key_votes.get(ent.key)
        if votes:
            best = max(votes.values())
            return any(votes.get(t, 0) == best for t in allowed)
        return False

    def kind_of(self, key: str) -> str | None:
        """The organisation kind the gazetteer gives this entity, if any."""
        for name in self.key_names.get(key, ()):
            entry = self.lex.lookup(name)
            if entry is not None and entry.kind:
                return entry.kind
        return None

    # -- salience -----------------------------------------------------------------

    def _salient(self) -> str | None:
        """The organisation the document is about: clearly the most named in its body."""
        counts: Counter = Counter()
        for m in self.mentions:
            if m.type != "organization" or m.role != "name" or m.section != "body":
                continue
            counts[m.key] += 1
        ranked = [(k, n) for k, n in counts.most_common()
                  if (self.kind_of(k) or "") not in self.w.not_salient]
        if not ranked:
            return None
        top, n = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0
        if n >= 3 and n >= 2 * second:
            return top
        if len(counts) == 1:      # the only organisation the text names
            return top
        # the one organisation the report's title names, if the body names it as often
        titled = {m.key for m in self.mentions if m.type == "organization" and m.sentence == 0
                  and self.sentences and self.sentences[0].end - self.sentences[0].start < 120}
        if len(titled) == 1:
            key = next(iter(titled))
            if counts.get(key, 0) >= 3 and counts[key] >= max(
                    (c for k, c in counts.items() if k != key), default=0):
                return key
        return None

    def salient_ent(self, how: str) -> list[Ent]:
        return [Ent(self.salient, "organization", how)] if self.salient else []

    # -- from a token to entities ----------------------------------------------------

    def coordinated(self, tok: Token) -> list[Token]:
        """The token and the items coordinated with it ("X, Y and Z")."""
        out, todo = [], [tok]
        while todo:
            t = todo.pop(0)
            if t in out:
                continue
            out.append(t)
            for c in t.children:
                if c.dep_ == "conj" and c.pos_ in NOUNISH | {"ADJ"}:
                    todo.append(c)
                elif c.dep_ == "appos" and (tm := self.mention_at(t)) is not None \
                        and (cm := self.mention_at(c)) is not None \
                        and cm.type in ("country", "place") \
                        and tm.type in ("country", "place"):
                    todo.append(c)
        return out

    def ents(self, tok: Token | None, role: str = "any") -> list[Ent]:
        """The entities `tok` stands for in a slot of `role` (actor, target, object, place, any)."""
        if tok is None:
            return []
        out: list[Ent] = []
        for t in self.coordinated(tok):
            for e in self._one(t, role, 0):
                if e.key not in {o.key for o in out}:
                    out.append(e)
        return out

    @staticmethod
    def _definite(t: Token) -> bool:
        return any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in t.children)

    @staticmethod
    def _has_of(t: Token) -> bool:  # noqa: D401
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)

    @abstractmethod
    def _one(self, t: Token, role: str, depth: int) -> list[Ent]:
        """The entities the single token `t` stands for in `role`, `depth` references deep."""
