"""Reader for .html files."""
from __future__ import annotations

from pathlib import Path

from . import LoadError, LoadedFile


def read_html_file(path: Path) -> LoadedFile:
    raise LoadError("html files are not supported yet")
