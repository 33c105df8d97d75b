"""Writes `src/actorgraph/knowledge/data/country_short_names.yaml`: the short and variant
names of states that the Unicode CLDR gives besides their main name ("США", "ABŞ",
"Британия"), which babel does not ship, in the languages the extractors read besides
English, from the npm package `cldr-localenames-full`:

    npm pack cldr-localenames-full@46.1.0 && tar xzf cldr-localenames-full-46.1.0.tgz
    .venv/bin/python tools/build_country_short_names.py package

The output is checked in; the npm package is needed only to regenerate it.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

LANGUAGES = ("ru", "az", "fa", "ar")
OUT = Path(__file__).parent.parent / "src/actorgraph/knowledge/data/country_short_names.yaml"


def main(package: Path) -> None:
    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    out: dict[str, dict[str, list[str]]] = {}
    for lang in LANGUAGES:
        path = package / "main" / lang / "territories.json"
        names = json.loads(path.read_text(encoding="utf-8"))["main"][lang][
            "localeDisplayNames"]["territories"]
        for key, name in sorted(names.items()):
            code, _, alt = key.partition("-alt-")
            if alt in ("short", "variant") and len(code) == 2 and code.isalpha() \
                    and name != names.get(code):
                out.setdefault(code.lower(), {}).setdefault(lang, []).append(name)
    head = (f"# Short and variant names of states in other languages, from the Unicode CLDR\n"
            f"# (npm cldr-localenames-full {version}); written by\n"
            f"# tools/build_country_short_names.py. ISO alpha-2 code: language: [names]\n")
    OUT.write_text(head + yaml.safe_dump(out, allow_unicode=True, sort_keys=True),
                   encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
