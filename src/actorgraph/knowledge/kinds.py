"""Types and kinds decided: the winning type of a set of votes, and an organisation's kind.

Pure functions over votes and words, shared by the extractor (which types each
mention in its document) and the resolve stage (which settles each entity's
type across documents).
"""
from __future__ import annotations

from actorgraph.knowledge.lexicon import Lexicon
from actorgraph.knowledge.wordlists import WORDS

Votes = dict[str, float]

STRONG = 10.0   # a lexicon entry's vote: such a group keeps its own type


def decide(votes: Votes) -> str | None:
    """The winning type, or None when nothing voted."""
    if not votes:
        return None
    return max(sorted(votes), key=lambda t: votes[t])


def org_kind(name: str, lex: Lexicon) -> str | None:
    """The organisation kind: from the lexicon, else from the name's head words."""
    entry = lex.lookup(name)
    if entry is not None and entry.kind:
        return entry.kind
    words = [w.lower() for w in name.replace("-", " ").split()]
    for kind, heads in WORDS["kind_heads"].items():
        if words and words[-1] in heads:
            return kind
    for kind, heads in WORDS["kind_heads"].items():
        if any(w in heads for w in words):
            return kind
    return None
