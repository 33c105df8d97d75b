"""natasha, loaded once, and its analysis of a text as plain tokens with document-wide
indices, character offsets, lemmas, morphology and the dependency parse.

natasha's `MorphVocab` finds pymorphy2's dictionary through `pkg_resources` (setuptools);
`_Vocab` gives pymorphy2 the path of the `pymorphy2-dicts-ru` package itself, so no
setuptools is needed (the shim named in docs/architecture.md). natasha itself (through
yargy) mends pymorphy2 for Python 3.11, so it is imported first.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

MODEL = "natasha-1.6.0"
BATCH = 32      # sentences per slovnet batch (its default, 8, is ~10% slower on news text)


@dataclass
class Tok:
    i: int              # index in the document
    text: str
    start: int
    end: int
    lemma: str
    pos: str
    feats: dict[str, str]
    head: int           # index of the head token, -1 for a root
    rel: str
    sent: int           # index of natasha's sentence

    @property
    def case(self) -> str | None:
        return self.feats.get("Case")


@dataclass
class NerSpan:
    start: int          # character offsets
    stop: int
    type: str           # PER, LOC, ORG
    normal: str


@dataclass
class Parsed:
    text: str
    toks: list[Tok]
    sents: list[tuple[int, int]] = field(default_factory=list)   # token ranges
    spans: list[NerSpan] = field(default_factory=list)
    kids: list[list[int]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)

    def children(self, i: int) -> list[Tok]:
        return [self.toks[k] for k in self.kids[i]]

    def subtree(self, i: int) -> list[int]:
        """`i` and the tokens under it. natasha's parser may link heads in a cycle ("Среди
        17 раненых есть дети": each of two words the other's head), so each token once."""
        out, todo = {i}, [i]
        while todo:
            k = todo.pop()
            for j in self.kids[k]:
                if j not in out:
                    out.add(j)
                    todo.append(j)
        return sorted(out)

    def at(self, offset: int) -> Tok | None:
        """The token covering the character `offset`."""
        k = bisect.bisect_right(self.starts, offset) - 1
        if 0 <= k < len(self.toks) and self.toks[k].start <= offset < self.toks[k].end:
            return self.toks[k]
        return None

    def within(self, start: int, end: int) -> list[Tok]:
        """The tokens starting in [start, end)."""
        a = bisect.bisect_left(self.starts, start)
        b = bisect.bisect_left(self.starts, end)
        return self.toks[a:b]

    def sentence(self, t: Tok) -> list[Tok]:
        """The tokens of `t`'s sentence."""
        a, b = self.sents[t.sent]
        return self.toks[a:b]


@dataclass
class Models:
    segmenter: Any
    morph_tagger: Any
    syntax: Any
    ner: Any
    vocab: Any


@lru_cache(maxsize=1)
def load_models() -> Models:
    """natasha's news models (bundled with its PyPI packages: no download)."""
    import natasha  # noqa: F401 - first: its yargy mends pymorphy2 for Python 3.11
    import pymorphy2_dicts_ru
    from natasha import (
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )
    from natasha.morph.vocab import MorphForm
    from pymorphy2.analyzer import MorphAnalyzer

    class _Vocab(MorphVocab):  # type: ignore[misc]
        def __init__(self) -> None:
            MorphAnalyzer.__init__(self, path=pymorphy2_dicts_ru.get_path(), lang="ru",
                                   result_type=MorphForm)

    emb = NewsEmbedding()
    models = Models(Segmenter(), NewsMorphTagger(emb), NewsSyntaxParser(emb),
                    NewsNERTagger(emb), _Vocab())
    for model in (models.morph_tagger, models.syntax, models.ner):
        model.batch_size = BATCH
    return models


def _by_lines(sents: list[Any]) -> list[Any]:
    """natasha's sentences cut at line breaks."""
    from natasha.doc import DocSent

    out = []
    for sent in sents:
        if "\n" not in sent.text:
            out.append(sent)
            continue
        start = sent.start
        for piece in sent.text.split("\n"):
            lo = start + len(piece) - len(piece.lstrip())
            hi = start + len(piece.rstrip())
            if hi > lo:
                out.append(DocSent(lo, hi, piece.strip()))
            start += len(piece) + 1
    return [part for sent in out for part in _dateline(sent, DocSent)]


DATELINE = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ\- ]+,[^—–\n]{0,60}?\s[—–]\s")


def _dateline(sent: Any, make: Any) -> list[Any]:
    """'БАКУ, 7 апреля (Агентство) — ...': the dateline is a sentence of its own, so that
    its place is never read as a subject of the story's first verb."""
    m = DATELINE.match(sent.text)
    if m is None or m.end() >= len(sent.text):
        return [sent]
    head = sent.text[:m.end()].rstrip(" —–")
    return [make(sent.start, sent.start + len(head), head),
            make(sent.start + m.end(), sent.stop, sent.text[m.end():])]


def parse(text: str, models: Models) -> Parsed:
    """Tokens, sentences, morphology, syntax and names of `text` (offsets into it)."""
    from natasha import Doc
    from threadpoolctl import threadpool_limits

    doc = Doc(text)
    doc.segment(models.segmenter)
    doc.sents = _by_lines(doc.sents)     # a headline without a stop is a sentence of its own
    doc.envelop_sent_tokens()
    # slovnet's numpy networks multiply small matrices: BLAS threads cost more in start-up
    # and waiting than they save (4x slower on 2 busy cores), so one thread while they run
    with threadpool_limits(limits=1, user_api="blas"):
        doc.tag_morph(models.morph_tagger)
        doc.parse_syntax(models.syntax)
        doc.tag_ner(models.ner)
    toks: list[Tok] = []
    sents: list[tuple[int, int]] = []
    for si, sent in enumerate(doc.sents):
        base = len(toks)
        ids = {t.id: base + k for k, t in enumerate(sent.tokens)}
        for t in sent.tokens:
            t.lemmatize(models.vocab)
            toks.append(Tok(i=ids[t.id], text=t.text, start=t.start, end=t.stop,
                            lemma=(t.lemma or t.text).lower(), pos=t.pos or "X",
                            feats=dict(t.feats or {}), head=ids.get(t.head_id, -1),
                            rel=t.rel or "", sent=si))
        sents.append((base, len(toks)))
    spans = []
    for s in doc.spans:
        s.normalize(models.vocab)
        spans.append(NerSpan(s.start, s.stop, s.type, s.normal or s.text))
    kids: list[list[int]] = [[] for _ in toks]
    for t in toks:
        if t.head >= 0:
            kids[t.head].append(t.i)
    return Parsed(text=text, toks=toks, sents=sents, spans=spans, kids=kids,
                  starts=[t.start for t in toks])
