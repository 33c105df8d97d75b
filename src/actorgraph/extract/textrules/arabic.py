"""Names in Arabic script (Arabic, Persian): no capitals, so names come from the lexicon,
from institution head words ("وزارة الداخلية", "سپاه ..."), from titles before a person
("الأمين العام ...", "سردار ..."), from given names the lexicon knows, and from name
particles ("أبو علي ...", "بن"). Proclitics (و، ف، ب، ل، ك، لل) come off a word only
where the rest is a known name, a head word or a title."""
from __future__ import annotations

from functools import lru_cache

from actorgraph.extract.textrules.grammar import Analysis, Grammar
from actorgraph.extract.textrules.names import Candidate, joined, lexicon_at
from actorgraph.extract.textrules.text import Token
from actorgraph.knowledge.lexicon import Lexicon, load_lexicon, normalize_form

PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
ARABIC_LETTERS = (0x0600, 0x06FF)


def is_arabic(word: str) -> bool:
    return any(ARABIC_LETTERS[0] <= ord(c) <= ARABIC_LETTERS[1] for c in word)


def given_form(word: str) -> str:
    """The form given names are compared in: folded, but alef maksura kept apart from yeh
    (the name "علي" is not the preposition "على"; Persian writes the name "علی")."""
    return normalize_form(word.replace("\u0649", "\u06d0"))   # ى kept as a letter of its own


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """First words of the lexicon's person names written in Arabic script."""
    out = set()
    for e in load_lexicon().entries:
        if e.type == "person":
            for n in (e.name, *e.aliases):
                parts = n.split()
                if len(parts) > 1 and is_arabic(parts[0]) and len(parts[0]) > 2:
                    out.add(given_form(parts[0]))
    return frozenset(out)


@lru_cache(maxsize=65536)
def _clitics(word: str) -> tuple[Analysis, ...]:
    out = []
    if word.startswith("لل") and len(word) > 4:            # li + al-
        out.append(Analysis("ال" + word[2:], "ل", True, "prep"))
    for clitic in PROCLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 3:
            out.append(Analysis(word[len(clitic):], clitic, True, "prep"))
    return tuple(out)


@lru_cache(maxsize=65536)
def _bare_forms(grammar: Grammar, word: str) -> tuple[str, ...]:
    return (grammar.fold(word), *(grammar.fold(a.stem) for a in _clitics(word)))


class ArabicScript(Grammar):
    script = "arabic"
    prefix = False

    def analyses(self, word: str) -> list[Analysis]:
        return list(_clitics(word))

    def number(self, word: str) -> float | None:
        value = super().number(word)
        if value is None:
            for a in self.analyses(word):           # "بثلاث", "وستة"
                value = super().number(a.stem)
                if value is not None:
                    break
        return value

    def anaphoric(self, tokens: list[Token], i: int, phrase: str = "") -> bool:
        """A definite event noun ("الهجوم", "بالهجوم" for the listed "هجوم") is the event
        told before."""
        return super().anaphoric(tokens, i, phrase) or (
            self.code == "ar" and bool(phrase) and not phrase.startswith("ال")
            and any(f == "ال" + phrase for f in self.bare_forms(tokens[i].text)))

    def bare_forms(self, word: str) -> list[str]:
        """The word folded, then without each proclitic."""
        return list(_bare_forms(self, word))

    def readings(self, word: str) -> list[str]:
        """Also without the article: "الهجوم", "بالهجوم" read as "هجوم"."""
        forms = self.bare_forms(word)
        return forms + [f[2:] for f in forms if f.startswith("ال") and len(f) > 4]

    def in_class(self, word: str, name: str) -> str | None:
        """The form of `word` (with or without a proclitic) that is in the word class."""
        wordset = self.wordset(name)
        return next((f for f in self.bare_forms(word) if f in wordset), None)

    def find_names(self, text: str, tokens: list[Token], lex: Lexicon) -> list[Candidate]:
        out: list[Candidate] = []
        i = 0
        while i < len(tokens):
            c = lexicon_at(text, tokens, i, self, lex, accept=self._accept) \
                or self._honoured(text, tokens, i, lex) \
                or self._institution(text, tokens, i, lex) or self._person(text, tokens, i, lex)
            if c is None:
                i += 1
                continue
            out.append(c)
            i = c.end
        out = self._joined_names(text, tokens, out)
        inner = [p for c in out for p in c.parts]
        return out + inner + self._surnames(tokens, out)

    def _honoured(self, text: str, tokens: list[Token], i: int, lex: Lexicon
                  ) -> Candidate | None:
        """A name particle written before a known name ("سید حسن ...") belongs to its span;
        its name stays the known one, which other reports write without the particle."""
        if i + 1 >= len(tokens) or not (self.in_class(tokens[i].text, "particles")
                                        or self.in_class(tokens[i].text, "name_honorifics")) \
                or not joined(text, tokens, i, i + 2):
            return None
        known = lexicon_at(text, tokens, i + 1, self, lex)
        if known is None or known.entry is None or known.entry.type != "person":
            return None
        known.start = i
        return known

    def _surnames(self, tokens: list[Token], found: list[Candidate]) -> list[Candidate]:
        """A family name written alone after its full name ("الكاظمي", "للكاظمي")."""
        last = {self.fold(c.name.split()[-1]): c.name.split()[-1] for c in found
                if "person" in c.votes and len(c.name.split()) > 1
                and len(c.name.split()[-1]) > 3}
        taken = {k for c in found for k in range(c.start, c.end)}
        out = []
        for t in tokens:
            if t.index in taken:
                continue
            form = next((f for f in self.bare_forms(t.text) if f in last), None)
            if form:
                c = Candidate(t.index, t.index + 1, last[form])
                c.vote("person", 1.0, "family_name")
                out.append(c)
        return out

    def _accept(self, entry, form: str, words: list[str]) -> bool:
        """A one-word known name that is also a calendar word ("دوشنبه") is the word."""
        if len(words) > 1:
            return True
        folded = self.fold(form)
        calendar = {self.fold(str(k)) for k in (*(self.words.get("weekdays") or {}),
                                                 *(self.words.get("months") or {}))}
        return folded not in self.wordset("not_names") and folded not in calendar

    def _stop(self, tok: Token) -> bool:
        return any(f in self.wordset("stop") for f in self.bare_forms(tok.text)[:1]) \
            or not is_arabic(tok.text) or tok.text.isdigit()

    def _institution(self, text: str, tokens: list[Token], i: int, lex: Lexicon
                     ) -> Candidate | None:
        """A head word and the words of its name: "وزارة الداخلية", "شورای اجرایی X",
        "مطار X الدولي"; a definite head ("الحرس ...") only with two definite words after."""
        heads, places = self.grouped("org_heads"), self.wordset("place_heads")
        forms = self.bare_forms(tokens[i].text)
        form = next((f for f in forms if f in heads or f in places), None)
        definite = False
        if form is None and self.script == "arabic":
            form = next((f[2:] for f in forms if f.startswith("ال") and f[2:] in heads), None)
            definite = form is not None
        if form is None:
            return None
        end = i + 1
        parts: list[Candidate] = []
        inherit, known_end = None, -1
        while end < len(tokens) and end - i <= 4 and joined(text, tokens, end - 1, end + 1) \
                and not self._stop(tokens[end]):
            known = lexicon_at(text, tokens, end, self, lex)
            if known is not None and known.entry is not None and known.entry.type == "person":
                break
            if known is not None:
                end = known.end
                inherit = known.entry if known.entry is not None and \
                    known.entry.type == "organization" and known.start == i + 1 and \
                    form in self.wordset("group_nouns") else None
                known_end = known.end
                parts = [known] if known.entry is not None and \
                    known.entry.type in ("place", "country") else []
                if form in places and end < len(tokens) and self._extends(tokens[end].text) \
                        and joined(text, tokens, end - 1, end + 1) \
                        and not self._stop(tokens[end]):
                    end += 1            # "مطار X الدولي"
                break
            if not self._extends(tokens[end].text):
                break
            end += 1
        if end == i + 1 or (definite and end - i < 3) \
                or not self._institution_ends(text, tokens, i, end, lex):
            return None
        name = " ".join([self._stem(tokens[i].text), *(t.text for t in tokens[i + 1:end])])
        if form in places:
            c = Candidate(i, end, name, parts=parts)   # "مطار X الدولي" names X too
            c.vote("place", 4.0, f"place_head:{tokens[i].text}")
            return c
        c = Candidate(i, end, name, kind=heads[form])
        c.vote("organization", 4.0, f"head:{tokens[i].text}")
        if inherit is not None and end == known_end:   # "تنظيم الدولة الإسلامية": that group
            c.entry, c.kind = inherit, inherit.kind or c.kind
            c.vote("organization", 10.0, f"lexicon:{inherit.name}")
        return c

    def _joined_names(self, text: str, tokens: list[Token], found: list[Candidate]
                      ) -> list[Candidate]:
        """A group named with its own country after it is one name ("حزب‌الله لبنان");
        a state named with the words of its form of state before it is one span
        ("جمهوری اسلامی ایران") under the state's own name."""
        out: list[Candidate] = []
        for c in found:
            prev = out[-1] if out else None
            if prev is not None and prev.end == c.start and prev.entry is not None \
                    and c.entry is not None and c.entry.type == "country" \
                    and prev.entry.type == "organization" and prev.entry.country \
                    and prev.entry.country == c.entry.country \
                    and joined(text, tokens, prev.start, c.end):
                prev.end, prev.name = c.end, f"{prev.name} {c.name}"
                prev.parts.append(c)        # the country is named too
                continue
            if c.entry is not None and c.entry.type == "country":
                start = self._state_form(text, tokens, c.start,
                                         prev.end if prev is not None else 0)
                c.start = start
            out.append(c)
        return out

    def _state_form(self, text: str, tokens: list[Token], at: int, floor: int) -> int:
        for n in (1, 2):
            s = at - n
            if s < floor or not joined(text, tokens, s, at + 1):
                continue
            if self.in_class(tokens[s].text, "country_heads"):
                return s
        return at

    def _institution_ends(self, text: str, tokens: list[Token], start: int, end: int,
                          lex: Lexicon) -> bool:
        """Whether an institution's name may end here."""
        return True

    def _extends(self, word: str) -> bool:
        """Whether a word can continue an institution's name (Arabic: a definite word)."""
        return True

    def _stem(self, word: str) -> str:
        """A word without the proclitic it carries before a head word or a name."""
        for a in self.analyses(word):
            if self.fold(a.stem) in self.wordset("org_heads_all") | given_names() \
                    or self.fold(a.stem) in self.wordset("particles"):
                return a.stem
        return word

    def _person(self, text: str, tokens: list[Token], i: int, lex: Lexicon
                ) -> Candidate | None:
        tok = tokens[i]
        title = self._title_before(tokens, i)
        particle = self.in_class(tok.text, "particles")
        given = next((f for f in [given_form(tok.text), *(given_form(a.stem) for a in
                                                           self.analyses(tok.text))]
                      if f in given_names()), None)
        if not (title or particle or given) or self._stop(tok) or self.in_class(tok.text, "titles") \
                or (i + 1 < len(tokens) and self._title_before(tokens, i + 1)):
            return None
        end = i + 1
        while end < len(tokens) and end - i < (3 if particle or title else 2) \
                and joined(text, tokens, end - 1, end + 1) and not self._stop(tokens[end]) \
                and not self.in_class(tokens[end].text, "titles") \
                and not self.in_class(tokens[end].text, "org_heads_all"):
            end += 1
            if end - i == 2 and not particle and not tokens[end - 1].text.startswith("ال") \
                    and not self.in_class(tokens[end - 2].text, "particles"):
                break
        if end - i == 2 and end + 1 < len(tokens) and joined(text, tokens, end - 1, end + 1) \
                and not self._stop(tokens[end]) and not self.in_class(tokens[end].text, "titles") \
                and text[tokens[end].end:tokens[end].end + 1] in ("\u060c", ",", ".", "\u061b"):
            end += 1        # "علی اکبر احمدیان،": a third name word that the comma closes
        if end - i < 2 or any(self.in_class(t.text, "portfolios") or
                              lexicon_at(text, tokens, t.index, self, lex, limit=t.index + 1)
                              for t in tokens[i:end]):
            return None     # "وزیر خارجه عمان": a title's portfolio and country, no name
        name = " ".join([self._stem(tok.text), *(t.text for t in tokens[i + 1:end])])
        c = Candidate(i, end, name)
        if title:
            c.titles = (title,)
        c.vote("person", 3.0 if title or particle else 2.0,
               f"title:{title}" if title else "particle" if particle else "given_name")
        return c

    def _title_before(self, tokens: list[Token], i: int) -> str | None:
        titles = self.wordset("titles")
        if i >= 2 and self._nisba(tokens[i - 1].text):
            i -= 1                  # "السفير الإيراني X": a title, its country's adjective
        for n in (3, 2, 1):
            if i - n < 0 or tokens[i - n].sentence != tokens[i].sentence:
                continue
            words = [t.text for t in tokens[i - n:i]]
            for first in self.readings(words[0]):
                phrase = " ".join([first, *(self.fold(w) for w in words[1:])])
                if phrase in titles:
                    return phrase
        return None

    def _nisba(self, word: str) -> bool:
        """A definite adjective of relation ("الإيراني", "العراقية")."""
        f = self.fold(word)
        return self.code == "ar" and f.startswith("ال") and f.endswith(("ي", "يه")) \
            and len(f) > 5
