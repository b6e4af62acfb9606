"""The outline of a policy document and its measures (the leaves)."""
from __future__ import annotations

from .models import Measure


def parse_outline(text: str) -> list[Measure]:
    """Measures of ``text`` in document order."""
    return []
