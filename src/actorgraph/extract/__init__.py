"""Extraction: from a cleaned document to what it states (`model.Extraction`).

`base.Extractor` is the interface, `registry` knows the extractors by name, and each
extractor lives in a package of its own (`rules_en`: the English rules over spaCy).
"""
