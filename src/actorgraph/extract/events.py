"""Events (PLOVER), read from the syntax of each sentence. (Being written.)"""
from __future__ import annotations


def find_events(doc, sentences, mentions):
    return []
