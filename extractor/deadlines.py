"""Deadlines: by when or during which something must happen."""
from __future__ import annotations

from .models import Deadline


def extract_deadlines(text: str, *, reference_year: int | None = None) -> list[Deadline]:
    """Deadlines in ``text``; ``reference_year`` dates a month/day written without a year."""
    return []
