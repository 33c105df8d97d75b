"""Text as the detectors compare it: folded the same way for every language (Azerbaijani
dotted and dotless i fold together, so `İ`/`ı` casing changes do not split copies),
without mentions, URLs, emoji or punctuation."""
from __future__ import annotations

import hashlib
import re
import unicodedata

URL_RE = re.compile(r"(?:https?://|www\.|t\.me/)[^\s<>\"'«»]+", re.IGNORECASE)
MENTION_RE = re.compile(r"@\w+")
WORD_RE = re.compile(r"\w+", re.UNICODE)
TRAILING = ".,;:!?)]}»\"'"


def fold(text: str) -> str:
    """Case-fold for matching in any of our languages: `İ`, `I`, `ı` all become `i`."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("İ", "i").replace("I", "i").lower().replace("ı", "i")
    return text.replace("\u0307", "")


def tokens(text: str) -> list[str]:
    """The words of `text` after folding, without URLs, @mentions, emoji or punctuation;
    a hashtag counts as its word."""
    text = URL_RE.sub(" ", text)
    text = MENTION_RE.sub(" ", text)
    return WORD_RE.findall(fold(text))


def text_key(text: str) -> str | None:
    """The identity of a text for the identical-text detector (None for a text of no
    words): a hash of its tokens."""
    toks = tokens(text)
    if not toks:
        return None
    return hashlib.blake2b(" ".join(toks).encode("utf-8"), digest_size=12).hexdigest()


def urls_in(text: str) -> list[str]:
    """URLs written in plain text (the entity lists give the rest)."""
    return [m.group(0).rstrip(TRAILING) for m in URL_RE.finditer(text)]
