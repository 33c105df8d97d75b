"""Ingest stage: read files and web pages into text and mark their furniture.

``iter_sources`` expands paths, ``load_source`` reads one source into a
`LoadedDocument`, ``with_language`` detects its language where its metadata gives
none, ``clean`` marks page furniture and author bios; every
failure is an `IngestError` naming the source and the reason.
"""
from actorgraph.ingest.clean import clean
from actorgraph.ingest.errors import IngestError
from actorgraph.ingest.language import with_language
from actorgraph.ingest.load import load_source
from actorgraph.ingest.sources import iter_sources

__all__ = ["IngestError", "clean", "iter_sources", "load_source", "with_language"]
