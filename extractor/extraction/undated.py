"""The year of a time written without one (5月底前, “七一”前): from the nearest fully dated step of
the plan, else the year the document plans there (its frames), else its year of issue. The page's
and the signature's own dates are no steps.

>>> from extractor.extraction.dates import TIME_EXPRESSION, read_time
>>> text = "一、2023年3月完成摸底。\\n二、5月底前完成整改。"
>>> matches = list(TIME_EXPRESSION.finditer(text))
>>> context = DateContext(step_anchors(text, matches), 2022)
>>> first, last = read_time(matches[1])
>>> with_years(first, first, matches[1].start(), context)[1].year
2023
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Callable

from extractor.extraction.dates import TimePoint, infer_year, read_time, with_year

LINE_REACH = 200  # characters a date's own line is looked at on either side
ANCHOR_WINDOW = 2000  # how far (in characters) a dated step may lend its year to an undated one
FIELD_REACH = 12  # characters before a date where the name of its field stands (发布日期: …)
FIELD_AFTER = 4  # characters after it where a field's word may follow instead (…日印发)
METADATA_CELL = re.compile(r"日期|发布|印发|成文|公布|签发|生效|(?i:date|time)")  # a page's own dates, not deadlines


@dataclass(frozen=True)
class DateContext:
    """What dates a time written without its year: nearby dated steps, the year the document
    plans at a position (its frames), else its year of issue."""

    anchors: tuple[list, list]
    reference_year: int | None
    year_at: Callable[[int], int | None] | None = None
    framed_year: Callable[[int], int | None] | None = None  # the year of a section's frame only
    issued: str | None = None  # the ISO date of issue: the day 即日起 means

    def planned_year(self, position: int) -> int | None:
        return (self.year_at(position) if self.year_at else None) or self.reference_year


def _documents_own_date(masked: str, match: re.Match) -> bool:
    """A date the page or the signature gives (a line of its own, 发布日期:…): no step of the
    plan, so it lends no year to the steps around it."""
    low, high = max(0, match.start() - LINE_REACH), min(len(masked), match.end() + LINE_REACH)
    start = masked.rfind("\n", low, match.start()) + 1 or low
    end = masked.find("\n", match.end(), high)
    stop = end if end >= 0 else high
    line = masked[start:stop].strip()
    around = (masked[max(start, match.start() - FIELD_REACH):match.start()]
              + masked[match.end():min(stop, match.end() + FIELD_AFTER)])
    return line == match.group().strip() or bool(METADATA_CELL.search(around))


def step_anchors(masked: str, matches: list[re.Match]) -> tuple[list, list]:
    """The anchors of the plan's own dated steps among ``matches`` (see ``_anchors``)."""
    return _anchors([m for m in matches if not _documents_own_date(masked, m)])


def _anchors(matches: list[re.Match]) -> tuple[list, list]:
    """Points that lend their year to undated steps, by position: those dated to the month,
    and those naming just a year (a heading such as 2023年工作要点)."""
    dated, years = [], []
    for match in matches:
        for point in read_time(match):
            if point is not None and point.year is not None:
                (dated if point.month is not None else years).append((match.start(), point))
    return dated, years


def with_years(first: TimePoint, last: TimePoint, position: int, context: DateContext):
    """Both ends with a year: from each other, else from the nearest dated step, else the
    document's year; (None, None) when no year can be found."""
    if last.year is None:
        last = with_year(last, _year_near(last, position, context))
    if last.year is None:
        return None, None
    return with_year(first, infer_year(first, last)), last


def _year_near(point: TimePoint, position: int, context: DateContext) -> int | None:
    """The year of an undated ``point``: from the nearest step dated to the month, else the
    year the document plans there, else the nearest year named before it."""
    dated, years = context.anchors
    index = bisect.bisect_left(dated, position, key=lambda a: a[0])
    before = dated[index - 1] if index > 0 else None
    after = dated[index] if index < len(dated) else None
    gap_before = position - before[0] if before else ANCHOR_WINDOW + 1
    gap_after = after[0] - position if after else ANCHOR_WINDOW + 1
    if min(gap_before, gap_after) <= ANCHOR_WINDOW:
        if gap_before < gap_after:
            return _rolled_over(point, before[1], context.planned_year(position))
        framed = context.framed_year(position) if context.framed_year else None
        return framed or infer_year(point, after[1])  # a section's own year beats a later step's
    planned = context.planned_year(position)
    if planned:
        return planned
    named = [p for at, p in years if position - ANCHOR_WINDOW <= at < position]
    return named[-1].year if named else None


def _rolled_over(point, anchor, planned: int | None) -> int | None:
    """The year of a point after a dated step: a month earlier than the step's is next year's
    (2023年11月…2月), unless the document plans only the step's year (a 2026年 plan whose
    5月 comes after its 6月 in the text)."""
    year = infer_year(point, anchor, anchor_first=True)
    return anchor.year if planned == anchor.year and year and year > planned else year
