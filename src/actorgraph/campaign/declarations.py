"""Self-declarations: a channel saying whose it is ("This is the official channel of the
X Movement", "X Movement — official channel", "Bu, X Hərəkatının rəsmi kanalıdır").

The declaration must be the whole line or sentence, in the channel's own voice: the
phrase at the start of a line (after "This is", "Welcome to", "Bu", or nothing) and the
actor's name closing it. So a news post that reports another channel ("The official
channel of the X Movement said on Monday …", "X Hərəkatının rəsmi kanalı bildirib ki …")
is not read as a declaration: after the name comes a verb, not the end of the sentence.
The actor's name is the run of capitalised words (with `of`, `for`, `and`, `al-` between
them); an Azerbaijani genitive ending (-ın/-in/-un/-ün, -nın/-nin/-nun/-nün) is dropped
from its last word. English and Azerbaijani only."""
from __future__ import annotations

import re
from dataclasses import dataclass

WORD = r"[^\W\d_][\w'’.-]*"
NAME = rf"(?P<name>{WORD}(?:\s+{WORD}){{0,6}}?)"
END = r"\s*(?:[.!|—–\n]|$)"
SERVICE = r"(?:telegram|youtube|tiktok|instagram|facebook|x|whatsapp)\s+"
LEAD_EN = r"^[^\w\n]*(?:(?:this\s+is|welcome\s+to|you\s+are\s+(?:reading|watching))\s+)?"
LEAD_AZ = r"^[^\w\n]*(?:(?:bu|bura)\s*,?\s+)?"
PATTERNS = (
    ("en", re.compile(rf"{LEAD_EN}(?:the\s+)?official\s+(?:{SERVICE})?(?:channel|account|page)"
                      rf"\s+of\s+(?:the\s+)?{NAME}{END}", re.I | re.M)),
    ("en", re.compile(rf"{LEAD_EN}(?:the\s+)?{NAME}(?:'s|’s|\s*[—–|:-])?\s+(?:the\s+)?official"
                      rf"\s+(?:{SERVICE})?(?:channel|account|page){END}", re.I | re.M)),
    ("az", re.compile(rf"{LEAD_AZ}{NAME}\s*[—–|:-]?\s+rəsmi\s+(?:{SERVICE})?"
                      rf"(?:kanal|səhifə|hesab)\w*{END}", re.I | re.M)),
)
CONNECTORS = {"of", "for", "and", "al", "el", "ul", "va", "və"}
GENITIVE = re.compile(r"[-'’]?(?:n[ıiuü]n|[ıiuü]n)$")


@dataclass(frozen=True, slots=True)
class Declaration:
    actor: str          # the name as written (an Azerbaijani genitive ending dropped)
    phrase: str         # the words that declare it
    lang: str


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _name(raw: str, lang: str) -> str | None:
    words = raw.split()
    while words and words[0].lower() == "the":
        words = words[1:]
    if not words or not _capitalised(words[0]) or not _capitalised(words[-1]):
        return None
    if any(not _capitalised(w) and w.lower() not in CONNECTORS for w in words):
        return None
    words[-1] = re.sub(r"['’]s$", "", words[-1])
    if lang == "az":
        stem = GENITIVE.sub("", words[-1])
        if len(stem) >= 3 and stem != words[-1]:
            words[-1] = stem
    return " ".join(words).strip(".-—–|: ")


def declarations(text: str) -> list[Declaration]:
    """The self-declarations in a title, a description or a post's text."""
    out: list[Declaration] = []
    for lang, pattern in PATTERNS:
        for m in pattern.finditer(text or ""):
            name = _name(m.group("name"), lang)
            if name and name.lower() not in {"this", "our", "bu"}:
                out.append(Declaration(name, " ".join(m.group(0).split()), lang))
    return list({(d.actor, d.phrase): d for d in out}.values())
