"""The one exception the ingest stage raises for a source it cannot read."""
from __future__ import annotations


class IngestError(Exception):
    """A source (file path or URL) that could not be turned into text, and why.

    The CLI catches it per source, reports ``str(error)`` and goes on with the
    rest of the batch.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(source, reason)
        self.source = str(source)
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def human_size(n: int) -> str:
    """Format a byte count for messages: "25.3 MB", "512 KB", "80 bytes"."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f}".rstrip("0").rstrip(".") + " MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f}".rstrip("0").rstrip(".") + " KB"
    return f"{n} bytes"


def too_large(source: str, size: int, cap: int) -> IngestError:
    """The error for a source over the size cap: "file too large (25.3 MB > 20 MB cap)"."""
    return IngestError(source, f"file too large ({human_size(size)} > {human_size(cap)} cap)")
