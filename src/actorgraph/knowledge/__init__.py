"""Domain knowledge, the lowest floor: every stage reads what it knows of the world here.

- `data.py`: the one loader of data files (`knowledge/data/`, and any package's `data/`);
- `lexicon.py`: the gazetteer (groups, state organs, coalitions, media, figures, places,
  each with a source note), the world's countries, capitals and demonyms (with their
  names in other languages, from CLDR), and `known_place`: the towns of the reports'
  regions under their other names and scripts (GeoNames, CC BY 4.0);
- `names.py`: how names compare: `fold` (one spelling per written form, any script,
  transliterated), `name_keys`, phonetic and vowel keys, titles and particles;
- `kinds.py`: how type votes decide an entity's type and an organisation's kind;
- `wordlists.py`: titles, organisation head words and context cues.

Two foldings, for two jobs: `names.fold` makes the cross-document key (transliterated to
ASCII, so "Hüseynçilər" meets "Huseynchilar"); `lexicon.normalize_form` only evens out
case, accents, apostrophes and a leading "the" for a gazetteer look-up. The evaluation's
own folding (`evaluation/names.py`) is not a third: it copies the reference scorer's on
purpose, as the yardstick that must not improve when resolution does.
"""
