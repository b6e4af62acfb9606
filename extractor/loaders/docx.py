"""Reader for .docx files."""
from __future__ import annotations

from pathlib import Path

from . import LoadError, LoadedFile


def read_docx_file(path: Path) -> LoadedFile:
    raise LoadError("docx files are not supported yet")
