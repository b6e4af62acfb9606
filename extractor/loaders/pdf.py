"""Reader for .pdf files."""
from __future__ import annotations

from pathlib import Path

from . import LoadError, LoadedFile


def read_pdf_file(path: Path) -> LoadedFile:
    raise LoadError("pdf files are not supported yet")
