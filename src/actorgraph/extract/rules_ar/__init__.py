"""The Arabic rule extractor ("rules-ar"): Arabic-script names (`textrules.arabic`), the
Gregorian months of both series (Levantine and Egyptian) and Hijri months (hijridate),
Arabic word classes in `data/words.yaml` and `data/claims.yaml`."""
from __future__ import annotations

import datetime as dt

from actorgraph.extract.rules_fa import hijri_to_gregorian
from actorgraph.extract.textrules import RuleExtractor
from actorgraph.extract.textrules.arabic import ArabicScript


class Arabic(ArabicScript):
    code = "ar"
    package = "actorgraph.extract.rules_ar"
    date_after = True

    def _extends(self, word: str) -> bool:
        return any(f.startswith("ال") for f in self.bare_forms(word))

    def to_gregorian(self, calendar: str, year: int, month: int, day: int | None
                     ) -> tuple[int, int, int | None]:
        if calendar == "hijri":
            return hijri_to_gregorian(year, month, day)
        return year, month, day

    def from_gregorian(self, calendar: str, iso: str) -> int:
        if calendar == "hijri":
            from hijridate import Gregorian
            return Gregorian.fromdate(dt.date.fromisoformat(iso)).to_hijri().year
        return int(iso[:4])


class RulesArabic(RuleExtractor):
    name = "rules-ar"

    def __init__(self) -> None:
        super().__init__(Arabic())
