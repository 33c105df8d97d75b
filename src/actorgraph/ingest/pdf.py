"""Text layer of a PDF file."""
from __future__ import annotations

import io
import warnings

from actorgraph.ingest.errors import IngestError
from actorgraph.ingest.text import normalise_newlines

_HEADER = b"%PDF-"


def pdf_to_text(data: bytes, source: str) -> str:
    """Extract the text layer of a PDF with pypdf, pages joined by blank lines.

    Raises `IngestError` for data that is not a PDF or that pypdf cannot
    parse ("broken PDF: ..."), for an encrypted PDF that needs a password,
    and for a PDF without any extractable text ("PDF has no text layer
    (scanned?)"); OCR is out of scope.
    """
    from pypdf import PdfReader

    if not data:
        raise IngestError(source, "empty file")
    if _HEADER not in data[:1024]:
        raise IngestError(source, "broken PDF: not a PDF file (no %PDF header)")
    pages: list[str] = []
    try:
        # pypdf reports recoverable damage as warnings; we either get text or raise.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    opened = reader.decrypt("")
                except Exception as exc:
                    raise IngestError(source, f"encrypted PDF, cannot open: {exc}") from exc
                if not opened:
                    raise IngestError(source, "encrypted PDF (password required)")
            for page in reader.pages:
                text = normalise_newlines(page.extract_text() or "").strip("\n")
                if text.strip():
                    pages.append(text)
    except IngestError:
        raise
    except Exception as exc:  # pypdf raises many types on damaged files
        reason = str(exc) or type(exc).__name__
        raise IngestError(source, f"broken PDF: {reason}") from exc
    if not pages:
        raise IngestError(source, "PDF has no text layer (scanned?)")
    return "\n\n".join(pages)
