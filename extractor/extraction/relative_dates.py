"""Deadlines written relative to the plan or the document's year: 用3年左右时间, 力争两年内, 年内.

They resolve only against a year the document makes clear: the plan's start (a period in its
title such as (2023-2025), or 从2009年开始) for spans of years, and the document's own year
for 年内 / 年底前. Without that year they are skipped.

>>> [(s.first.year, s.last.year, s.kind) for s in relative_spans("力争用3年时间,确保两年内建成。", 2023)]
[(2023, 2025, 'period'), (2023, 2024, 'by')]
>>> relative_spans("自取得证书之日起3年内有效。", 2023)
[]
>>> [(s.last.year, s.kind) for s in current_year_spans("年内建成公厕30座,每年年底前报送。", 2018)]
[(2018, 'by')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.extraction.dates import TimePoint
from extractor.extraction.numerals import parse_number

RELATIVE_SPAN = re.compile(
    r"""(?=[确力争计预用利花经再\d一二两三四五六七八九十])            # (a quick first-character test)
        (?P<cue>确保|力争|争取|计划|预计)?\s?                      # 力争
        (?:(?P<use>用|利用|花|经过|再用)\s?)?                      # 用
        (?<![\d〇一二两三四五六七八九十])                           # not part of a longer number
        (?P<count>\d{1,2}|[一二两三四五六七八九十]{1,2})\s?个?年    # 3年, 两年
        (?:左右)?                                                  # 左右
        (?P<tail>内|的?时间)                                       # 内, 的时间
    """,
    re.VERBOSE,
)
EVENT_START = re.compile(r"(?:之日|日|后|起|近|最近|过去)[^,,。;]{0,4}$")  # 自…之日起3年内, 近3年内: not from the plan
NOT_A_DEADLINE_AFTER = re.compile(r"\s?(?:有效|不得|不能|不予|未|没有|无|内的|累计)")  # 3年内有效, 三年内不得: a rule
CURRENT_YEAR = re.compile(
    r"""(?<![\d〇一二两三四五六七八九十百几多近每半当全去明数前后上下同年今本])  # not 三年内, 每年年底
        (?:今年内|本年内|今年年?[底末]前?|年内|年[底末]前                     # 年内, 年底前
          |今年(?![以来上下初第是])                                            # 今年 (not 今年以来, 今年是…之年)
          |(?<=力争|确保|争取|预计|计划)全年                                    # 力争全年到位…
          |全年(?=[^,,。;]{0,16}(?:不低于|不少于|\d[^,,。;\d]{0,4}(?:以上|左右))))  # 全年投资不低于…
    """,
    re.VERBOSE,
)


YEAR_PART = re.compile(
    r"""(?<![\d〇一二两三四五六七八九十年每本上下同该当各])  # not 2019年一季度 (a date), 每季度, 上一季度
        (?P<part>第?[一二三四]季度末?|[上下]半年)           # 一季度, 第二季度, 三季度末, 上半年
        (?![的度内以来])                                  # not 上半年的, 一季度以来
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class RelativeSpan:
    """Where a relative deadline is written and the points it resolves to."""

    start: int
    end: int
    first: TimePoint
    last: TimePoint
    kind: str


def relative_spans(masked: str, title_start: int | None, opened=(), fallback: int | None = None) -> list[RelativeSpan]:
    """用N年时间 (a period from the plan's start) and 确保N年内 (by the end of its Nth year).

    The plan starts at ``title_start`` (the first year of the period in its title), else at the
    nearest of the earlier ``opened`` deadlines (从2009年开始: records with a ``start`` offset),
    else in the ``fallback`` year (the year of issue).
    """
    spans = []
    for match in RELATIVE_SPAN.finditer(masked):
        plan_start = title_start or _opened_before(opened, match.start()) or fallback
        if plan_start is None:
            continue
        over_time = match.group("use") and "时间" in match.group("tail")
        within = match.group("tail") == "内" and not NOT_A_DEADLINE_AFTER.match(masked, match.end())
        within = within and (match.group("cue") or _opens_clause(masked, match.start()))
        if not (over_time or within) or EVENT_START.search(masked, max(0, match.start() - 10), match.start()):
            continue
        years = int(parse_number(match.group("count")) or 0)
        if not 1 <= years <= 30:
            continue
        last = TimePoint(plan_start + years - 1, None, None)
        first = TimePoint(plan_start, None, None)
        spans.append(RelativeSpan(match.start(), match.end(), first, last, "period" if over_time else "by"))
    return spans


def _opens_clause(masked: str, position: int) -> bool:
    """Whether a span opens its clause (三年内培育…), rather than modifying a noun (5年内减让的商品)."""
    before = masked[max(0, position - 2):position].rstrip(" ")
    return not before or before[-1] in "\n。;,:!?" or before.endswith(("在", "要", "将"))


def _opened_before(opened, position: int) -> int | None:
    earlier = [d for d in opened if d.start < position]
    if not earlier:
        return None
    nearest = max(earlier, key=lambda d: d.start)
    return int((nearest.start_date or nearest.date)[:4])


def current_year_spans(masked: str, reference_year: int | None) -> list[RelativeSpan]:
    """年内, 年底前, 今年内: by the end of the document's own year; 一季度, 上半年 …: by the end of
    that part of it.

    >>> [(s.last.part, s.kind) for s in current_year_spans("一季度完成选址;上半年完成立项;每季度报送。", 2019)]
    [('一季度', 'by'), ('上半年', 'by')]
    """
    if reference_year is None:
        return []
    point = TimePoint(reference_year, None, None)
    found = [RelativeSpan(m.start(), m.end(), point, point, "by") for m in CURRENT_YEAR.finditer(masked)]
    for part in YEAR_PART.finditer(masked):
        point = TimePoint(reference_year, None, None, part.group("part"))
        found.append(RelativeSpan(part.start(), part.end(), point, point, "by"))
    return sorted(found, key=lambda span: span.start)
