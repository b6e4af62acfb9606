"""Read policy files of any format into text.

``load(path)`` picks the reader by the file's extension and returns the file's text as
decoded (``LoadedFile.raw_text``); normalisation happens later. A file that cannot be
read raises ``LoadError`` with a reason a researcher can act on.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class LoadError(Exception):
    """A file that cannot be read; the message says why."""


@dataclass(frozen=True)
class LoadedFile:
    raw_text: str
    format: str  # txt, html, pdf, docx, doc
    notes: str = ""  # e.g. "OCR (tesseract chi_sim)"


WEB_PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".jsp", ".asp", ".aspx", ".php")  # pages a site serves


def _readers():
    from extractor.reading.loaders import doc, docx, html, pdf, text

    return {
        ".txt": text.read_text_file,
        ".text": text.read_text_file,
        **{suffix: html.read_html_file for suffix in WEB_PAGE_SUFFIXES},
        ".pdf": pdf.read_pdf_file,
        ".docx": docx.read_docx_file,
        ".doc": doc.read_doc_file,
    }


SUPPORTED_SUFFIXES = (".txt", ".text", *WEB_PAGE_SUFFIXES, ".pdf", ".docx", ".doc")


def load(path: str | Path) -> LoadedFile:
    """Read ``path``; raises ``LoadError`` naming the reason when it cannot."""
    path = Path(path)
    suffix = path.suffix.lower()
    reader = _readers().get(suffix)
    if reader is None:
        raise LoadError(f"unsupported file type {suffix or '(no extension)'!r}")
    from extractor.reading.loaders.guards import check_before_reading

    try:
        check_before_reading(path, suffix)
        loaded = reader(path)
    except LoadError:
        raise
    except Exception as error:  # a corrupt file of a known type
        raise LoadError(f"cannot read {suffix} file: {error}") from error
    if not loaded.raw_text.strip():
        raise LoadError("no text found in the file")
    return loaded
