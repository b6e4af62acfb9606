"""Highlighting in HTML: every character of the text is escaped; only our <mark> tags are added.

Highlights are computed in Python (FTS5's snippet() counts positions in the spaced copy, not in
the text shown).

>>> str(marked_html("班额<b>45</b>人", [(0, 2, "search")]))
'<mark class="hl-search">班额</mark>&lt;b&gt;45&lt;/b&gt;人'
>>> str(highlight_search("全县班额、班 额", "班额"))
'全县<mark class="hl-search">班额</mark>、<mark class="hl-search">班 额</mark>'
"""
from __future__ import annotations

import re
from typing import Iterable

from markupsafe import Markup, escape

from extractor.storage.search import search_terms

Span = tuple[int, int, str]


def marked_html(text: str, spans: Iterable[Span]) -> Markup:
    """``text`` escaped, with each span wrapped in ``<mark class="hl-KIND">``; overlaps get both kinds."""
    spans = [(max(0, s), min(len(text), e), kind) for s, e, kind in spans if e > s]
    bounds = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    pieces = []
    for start, end in zip(bounds, bounds[1:]):
        kinds = sorted({kind for s, e, kind in spans if s <= start and end <= e})
        piece = escape(text[start:end])
        if kinds:
            classes = " ".join(f"hl-{kind}" for kind in kinds)
            piece = Markup('<mark class="{}">{}</mark>').format(classes, piece)
        pieces.append(str(piece))
    return Markup("".join(pieces))


def term_pattern(term: str) -> re.Pattern | None:
    """A pattern for ``term`` allowing spaces between its characters, as the search index does."""
    characters = [re.escape(c) for c in term if not c.isspace()]
    return re.compile(r"\s*".join(characters), re.IGNORECASE) if characters else None


def term_spans(text: str, query: str | None) -> list[Span]:
    """Where the terms of a search query occur in ``text``."""
    spans = []
    for pattern in filter(None, map(term_pattern, search_terms(query))):
        spans += [(m.start(), m.end(), "search") for m in pattern.finditer(text)]
    return spans


def highlight_search(value, query: str | None):
    """A table cell's display value with the search terms marked; cells holding links are left alone."""
    if not query or value is None:
        return value
    if isinstance(value, Markup):
        if "<" in value:
            return value
        text = value.unescape()
    else:
        text = str(value)
    spans = term_spans(text, query)
    return marked_html(text, spans) if spans else value


def record_spans(text: str, offset: int, records: Iterable[dict], kind: str) -> list[Span]:
    """Spans of extracted records inside ``text``, which starts at ``offset`` of the document.

    A record is found at its own offsets when the quote is there, else by its first occurrence;
    a quote written otherwise than the text (a table row's cells, spaced) marks the record's span.

    >>> record_spans("到2025年班额降至45人", 100, [{"quote": "班额降至45人", "start": 106}], "target")
    [(6, 13, 'target')]
    >>> record_spans("xx班额", 0, [{"quote": "班额", "start": 99}], "target")
    [(2, 4, 'target')]
    >>> record_spans("城镇化率 | % | 60", 0, [{"quote": "城镇化率 % 60", "start": 11, "end": 13}], "target")
    [(11, 13, 'target')]
    """
    spans = []
    for record in records:
        quote = record.get("quote") or ""
        if not quote:
            continue
        start = (record.get("start") or 0) - offset
        if text[start:start + len(quote)] != quote or start < 0:
            start = text.find(quote)
        if start >= 0:
            spans.append((start, start + len(quote), kind))
        elif record.get("end") and 0 <= (record.get("start") or 0) - offset < len(text):
            spans.append((record["start"] - offset, min(record["end"] - offset, len(text)), kind))
    return spans
