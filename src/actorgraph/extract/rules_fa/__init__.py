"""The Persian rule extractor ("rules-fa"): Arabic-script names (`textrules.arabic`),
Solar Hijri dates converted to the Gregorian calendar (persiantools), Persian word classes
in `data/words.yaml` and `data/claims.yaml`."""
from __future__ import annotations

import datetime as dt

from actorgraph.extract.textrules import RuleExtractor
from actorgraph.extract.textrules.arabic import ArabicScript
from actorgraph.extract.textrules.names import joined, lexicon_at


def hijri_to_gregorian(year: int, month: int, day: int | None) -> tuple[int, int, int | None]:
    from hijridate import Hijri
    g = Hijri(year, month, day or 1).to_gregorian()
    return g.year, g.month, g.day if day else None


class Persian(ArabicScript):
    code = "fa"
    package = "actorgraph.extract.rules_fa"
    home_state = "ir"
    prefix = True       # Persian writes suffixes on (حمله‌ای، بیانیه‌ای): classes are stems

    def _institution_ends(self, text, tokens, start, end, lex) -> bool:
        """Persian writes no article: a head word's name ends at a known name or at
        punctuation, never at a verb or a preposition ("حزب صورت گرفته و")."""
        if lexicon_at(text, tokens, end - 1, self, lex) is not None:
            return True
        return end >= len(tokens) or not joined(text, tokens, end - 1, end + 1)

    def to_gregorian(self, calendar: str, year: int, month: int, day: int | None
                     ) -> tuple[int, int, int | None]:
        if calendar == "jalali":
            from persiantools.jdatetime import JalaliDate
            g = JalaliDate(year, month, day or 1).to_gregorian()
            return g.year, g.month, g.day if day else None
        if calendar == "hijri":
            return hijri_to_gregorian(year, month, day)
        return year, month, day

    def from_gregorian(self, calendar: str, iso: str) -> int:
        if calendar == "jalali":
            from persiantools.jdatetime import JalaliDate
            return JalaliDate(dt.date.fromisoformat(iso)).year
        if calendar == "hijri":
            from hijridate import Gregorian
            return Gregorian.fromdate(dt.date.fromisoformat(iso)).to_hijri().year
        return int(iso[:4])


class RulesPersian(RuleExtractor):
    name = "rules-fa"

    def __init__(self) -> None:
        super().__init__(Persian())
