"""Writes `src/actorgraph/knowledge/data/country_names.yaml` from the Unicode CLDR, as
shipped in babel: each state's name, and its capital's where CLDR names the capital as
a time-zone city, in the languages the extractors read besides English.

    .venv/bin/python tools/build_country_names.py

The output is checked in, so babel is needed only to regenerate it.
"""
from __future__ import annotations

from pathlib import Path

import yaml
from babel import Locale
from babel import __version__ as babel_version
from rigour.territories import get_territories

from actorgraph.knowledge.data import load_yaml

LANGUAGES = ("ru", "az", "fa", "ar")
OUT = Path(__file__).parent.parent / "src/actorgraph/knowledge/data/country_names.yaml"


def _capital_zone(locale: Locale, capital: str) -> str | None:
    """The CLDR city name of the time zone named after `capital` ("Asia/Tehran")."""
    city = capital.replace(" ", "_")
    for zone, names in locale.time_zones.items():
        if zone.rsplit("/", 1)[-1] == city and names.get("city"):
            return str(names["city"])
    return None


def main() -> None:
    capitals = {str(k): v[0] for k, v in (load_yaml("countries.yaml") or {}).items()}
    codes = sorted(t.code for t in get_territories() if t.is_country)
    out: dict[str, dict[str, list[str]]] = {}
    for lang in LANGUAGES:
        locale = Locale.parse(lang)
        for code in codes:
            names = []
            name = locale.territories.get(code.upper())
            if name:
                names.append(str(name))
            capital = capitals.get(code)
            if capital and capital != "-":
                city = _capital_zone(locale, capital)
                if city:
                    names.append("@" + city)
            if names:
                out.setdefault(code, {})[lang] = names
    header = (f"# State names (and, marked '@', capitals) in other languages, from the Unicode CLDR\n"
              f"# as shipped in babel {babel_version}; written by tools/build_country_names.py.\n"
              f"# ISO 3166 alpha-2 code: language: [state name, '@capital', ...]\n")
    OUT.write_text(header + yaml.safe_dump(out, allow_unicode=True, sort_keys=True, width=200),
                   encoding="utf-8")


if __name__ == "__main__":
    main()
