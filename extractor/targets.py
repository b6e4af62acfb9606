"""Numeric targets: indicator, comparator, value, unit."""
from __future__ import annotations

from .models import Target


def extract_targets(text: str) -> list[Target]:
    """Targets (and reported facts) in ``text``."""
    return []
