"""Responsible units: lead, support and duty subjects."""
from __future__ import annotations

from .models import Responsibility


def extract_responsibilities(text: str) -> list[Responsibility]:
    """Organisations given a duty in ``text``."""
    return []
