"""Relation rules, one module per family, used by `extract.relations`.

- `base`: the patterns of `data/relations.yaml`, the fact collector (type checks, one
  fact per triple per sentence) and small readers of the dependency tree;
- `roles`: role nouns, titles, membership verbs, coalitions and their members;
- `ties`: sponsorship, alliance, opposition, channels;
- `places`: where actors are based and where they operate.
"""
