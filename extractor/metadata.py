"""What a document says about itself: title, issuer, 文号, date, genre, locality."""
from __future__ import annotations

from .models import DocumentMeta


def extract_metadata(text: str, *, file_text: str = "", file_name: str = "") -> DocumentMeta:
    """Metadata of the document ``text``; ``file_text`` is the whole source file for context."""
    return DocumentMeta()
